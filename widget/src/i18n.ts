/** The widget's own words, in English and Japanese. */
const en = {
  open: "Open chat",
  close: "Close chat",
  greeting: "Hi! Ask me anything about %s.",
  placeholder: "Type your question",
  send: "Send",
  person: "Talk to a person",
  contact: "How can we reach you? (email or phone, optional)",
  contactSend: "Send to the owner",
  cancel: "Cancel",
  handedOff: "Thanks! Your request was passed on; the owner will get back to you.",
  over: "Start over",
  sources: "Sources",
  you: "You",
  thinking: "Writing an answer…",
  notAllowed: "This chat is not available on this site. The site's owner can allow it in Mimi.",
  notFound: "This chat could not be found.",
  failed: "Something went wrong. Please try again.",
  slow: "Too many messages at once. Please wait a moment and try again.",
  badContact: "Please enter your contact on one line, in at most 200 characters.",
  offline: "Could not reach the chat. Check your connection and try again.",
};

export type Strings = typeof en;

const ja: Strings = {
  open: "チャットを開く",
  close: "チャットを閉じる",
  greeting: "こんにちは！%sについて何でも聞いてください。",
  placeholder: "質問を入力してください",
  send: "送信",
  person: "担当者と話す",
  contact: "ご連絡先（メールまたは電話、任意）",
  contactSend: "担当者に送る",
  cancel: "キャンセル",
  handedOff: "ありがとうございます。担当者に伝えました。折り返しご連絡します。",
  over: "最初からやり直す",
  sources: "出典",
  you: "あなた",
  thinking: "回答を作成しています…",
  notAllowed: "このサイトではこのチャットを利用できません。サイトの管理者が Mimi で許可できます。",
  notFound: "このチャットが見つかりません。",
  failed: "エラーが発生しました。もう一度お試しください。",
  slow: "送信が多すぎます。少し待ってからもう一度お試しください。",
  badContact: "ご連絡先は1行、200文字以内で入力してください。",
  offline: "チャットに接続できません。接続を確認してもう一度お試しください。",
};

export type Locale = "en" | "ja";

/** `ja` for any Japanese tag, otherwise `en`. */
export function pickLocale(tag: string | undefined): Locale {
  return /^ja\b/i.test(tag || "") ? "ja" : "en";
}

export function strings(locale: Locale): Strings {
  return locale === "ja" ? ja : en;
}
