//! The dashboard's words in English and Japanese. The signed-in owner's language setting
//! chooses; signed-out pages follow `?lang=ja`. Messages of the API's error codes are
//! translated here; a code without a translation shows the API's English message.

use crate::model::Problem;

/// A language of the dashboard.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Japanese.
    Ja,
}

impl Lang {
    /// `ja` → Japanese; anything else English.
    pub fn from_code(code: &str) -> Lang {
        if code == "ja" { Lang::Ja } else { Lang::En }
    }

    /// `en` or `ja`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ja => "ja",
        }
    }
}

/// The text of `key` in `lang`; the key itself if it has none (a test checks that every
/// key used by a page has both).
pub fn t(lang: Lang, key: &'static str) -> &'static str {
    match WORDS.iter().find(|(k, _, _)| *k == key) {
        Some((_, en, ja)) => match lang {
            Lang::En => en,
            Lang::Ja => ja,
        },
        None => key,
    }
}

/// What to show for `problem`.
pub fn problem(lang: Lang, problem: &Problem) -> String {
    match (
        lang,
        PROBLEMS.iter().find(|(code, _)| *code == problem.code),
    ) {
        (Lang::Ja, Some((_, ja))) => (*ja).to_owned(),
        _ => problem.message.clone(),
    }
}

/// Japanese messages of the API's error codes (English comes from the API).
const PROBLEMS: &[(&str, &str)] = &[
    ("unauthenticated", "サインインしてください。"),
    (
        "invalid_credentials",
        "メールアドレスまたはパスワードが違います。",
    ),
    (
        "email_unverified",
        "メールアドレスの確認がまだです。届いたリンクを開いてください。",
    ),
    (
        "too_many_attempts",
        "試行回数が多すぎます。しばらくしてからお試しください。",
    ),
    (
        "age_confirmation_required",
        "13歳以上であることの確認が必要です。",
    ),
    ("email_invalid", "メールアドレスの形式が正しくありません。"),
    (
        "password_too_short",
        "パスワードは10文字以上にしてください。",
    ),
    (
        "password_too_long",
        "パスワードは256文字以内にしてください。",
    ),
    ("name_required", "名前を入力してください。"),
    (
        "workspace_name_required",
        "ワークスペース名を入力してください。",
    ),
    ("token_used", "このリンクはすでに使われています。"),
    ("token_expired", "このリンクは期限切れです。"),
    ("token_invalid", "このリンクは無効です。"),
    ("handle_taken", "このハンドルはすでに使われています。"),
    (
        "handle_invalid",
        "ハンドルは英小文字・数字・ハイフンの3〜30文字です。",
    ),
    ("handle_reserved", "このハンドルは予約されています。"),
    ("question_required", "質問を入力してください。"),
    ("answer_required", "回答を入力してください。"),
    ("text_required", "メッセージを入力してください。"),
    ("email_taken", "このメールアドレスはすでに使われています。"),
    ("handle_too_short", "ハンドルは3文字以上にしてください。"),
    ("site_url_invalid", "URLの形式が正しくありません。"),
    (
        "allowed_origins_invalid",
        "サイトのオリジンの形式が正しくありません（例: https://example.jp）。",
    ),
    ("network", "サーバーに接続できませんでした。"),
    (
        "chat_provider_unavailable",
        "この言語モデルはこのサーバーで設定されていません。",
    ),
    ("links_url_invalid", "リンクのURLが正しくありません。"),
    ("not_found", "見つかりません。"),
    ("file_required", "ファイルを選んでください。"),
    ("file_too_large", "ファイルが大きすぎます（15MBまで）。"),
    (
        "unsupported_file_type",
        "このファイル形式は読み込めません（PDF・テキスト・Markdown・HTML・CSV）。",
    ),
    ("file_corrupt", "ファイルが壊れていて読み込めません。"),
    ("file_encrypted", "パスワード付きのPDFは読み込めません。"),
    ("empty_document", "ファイルに文字がありません。"),
    ("too_large", "ファイルが大きすぎます（画像は2MBまで）。"),
    (
        "image_type_unsupported",
        "画像はPNG・JPEG・WebPのいずれかにしてください。",
    ),
    ("image_invalid", "画像を読み込めませんでした。"),
    ("image_dimensions_too_large", "画像の縦横が大きすぎます。"),
    ("role_required", "この操作には管理者の権限が必要です。"),
    ("role_invalid", "役割は「管理者」か「メンバー」です。"),
    (
        "owner_role_fixed",
        "オーナーの役割は、オーナーの引き継ぎでのみ変わります。",
    ),
    (
        "owner_cannot_leave",
        "オーナーは、ほかのメンバーに引き継いでから退出できます。",
    ),
    ("already_owner", "この方はすでにオーナーです。"),
    (
        "invite_email_mismatch",
        "この招待は別のメールアドレス宛てです。招待されたアドレスでサインインしてください。",
    ),
];

/// Every key: (key, English, Japanese).
const WORDS: &[(&str, &str, &str)] = &[
    ("join_title", "Join a workspace", "ワークスペースに参加"),
    (
        "join_hint",
        "You were invited to a workspace on Mimi. Join it with the account of the address the invitation was sent to.",
        "Mimiのワークスペースに招待されています。招待が届いたメールアドレスのアカウントで参加してください。",
    ),
    ("join_button", "Join", "参加する"),
    (
        "join_signed_out",
        "Not signed in? Sign in, and you come back here. New to Mimi? Create an account with that address, confirm it, then open the invitation's link again.",
        "サインインしていない場合は、サインインするとこのページに戻ります。Mimiが初めての方は、そのアドレスでアカウントを作成・確認してから、招待のリンクをもう一度開いてください。",
    ),
    ("file_add", "Upload files", "ファイルをアップロード"),
    (
        "file_hint",
        "PDF, text, Markdown or HTML documents, or a CSV of question,answer rows (FAQs); up to 15 MB each.",
        "PDF・テキスト・Markdown・HTMLの文書、または「質問,回答」の行のCSV（FAQ）。1ファイル15MBまで。",
    ),
    ("file_choose", "Files", "ファイル"),
    ("upload", "Upload", "アップロード"),
    ("uploaded", "Uploaded", "アップロードしました"),
    (
        "upload_needs_js",
        "Uploading needs JavaScript.",
        "アップロードにはJavaScriptが必要です。",
    ),
    ("images", "Images", "画像"),
    (
        "images_hint",
        "PNG, JPEG or WebP, up to 2 MB. Location and camera details are removed.",
        "PNG・JPEG・WebP、2MBまで。位置情報などのメタデータは削除されます。",
    ),
    ("avatar", "Avatar", "アイコン"),
    ("cover", "Cover image", "カバー画像"),
    ("remove", "Remove", "削除"),
    (
        "confirm_remove_image",
        "Remove this image from the public page?",
        "この画像を公開ページから削除しますか？",
    ),
    (
        "confirm_revoke_invite",
        "Withdraw this invitation? Its link stops working.",
        "この招待を取り消しますか？招待リンクは使えなくなります。",
    ),
    (
        "confirm_revoke_key",
        "Revoke this key? Anything using it stops working at once.",
        "このキーを無効にしますか？使っている連携はすぐに止まります。",
    ),
    (
        "confirm_remove_member",
        "Remove this member from the workspace?",
        "このメンバーをワークスペースから外しますか？",
    ),
    (
        "confirm_transfer",
        "Make this member the owner? You stay on as an admin.",
        "この方をオーナーにしますか？あなたは管理者になります。",
    ),
    (
        "confirm_leave",
        "Leave this workspace? You lose access to it.",
        "このワークスペースから退出しますか？アクセスできなくなります。",
    ),
    ("make_owner", "Make owner", "オーナーにする"),
    ("leave", "Leave", "退出"),
    ("change_role", "Change", "変更"),
    ("owner_role", "Owner", "オーナー"),
    ("role_admin", "Admin", "管理者"),
    ("role_member", "Member", "メンバー"),
    ("you", "(you)", "（あなた）"),
    ("filter_status", "Filter by status", "状態で絞り込み"),
    ("filter_app", "Filter by app", "アプリで絞り込み"),
    ("all_apps", "All apps", "すべてのアプリ"),
    ("brand", "Mimi", "Mimi"),
    ("dashboard", "Dashboard", "ダッシュボード"),
    ("sign_up", "Create your account", "アカウント作成"),
    ("sign_up_button", "Create account", "アカウントを作成"),
    ("sign_in", "Sign in", "サインイン"),
    ("sign_out", "Sign out", "サインアウト"),
    ("name", "Your name", "お名前"),
    ("email", "Email", "メールアドレス"),
    ("password", "Password", "パスワード"),
    ("password_hint", "At least 10 characters.", "10文字以上。"),
    ("workspace_name", "Workspace name", "ワークスペース名"),
    ("language", "Language", "言語"),
    (
        "age_confirm",
        "I am 13 years old or older.",
        "13歳以上です。",
    ),
    (
        "have_account",
        "Already have an account? Sign in",
        "アカウントをお持ちの方はサインイン",
    ),
    (
        "no_account",
        "New to Mimi? Create an account",
        "はじめての方はアカウント作成",
    ),
    (
        "forgot",
        "Forgot your password?",
        "パスワードをお忘れですか？",
    ),
    (
        "check_inbox",
        "Check your inbox: we sent a link to confirm your email address.",
        "確認メールを送信しました。メール内のリンクを開いてください。",
    ),
    (
        "verifying",
        "Confirming your email address…",
        "メールアドレスを確認しています…",
    ),
    (
        "verified",
        "Your email address is confirmed.",
        "メールアドレスを確認しました。",
    ),
    (
        "verify_button",
        "Confirm my email address",
        "メールアドレスを確認する",
    ),
    ("reset_request", "Reset your password", "パスワードの再設定"),
    ("reset_send", "Send me a link", "リンクを送る"),
    (
        "reset_sent",
        "If this address has an account, a link is on its way.",
        "登録済みのアドレスであれば、リンクを送信しました。",
    ),
    ("new_password", "New password", "新しいパスワード"),
    ("set_password", "Set password", "パスワードを設定"),
    ("loading", "Loading…", "読み込み中…"),
    ("saving", "Saving…", "保存中…"),
    ("save", "Save", "保存"),
    ("saved", "Saved.", "保存しました。"),
    ("cancel", "Cancel", "キャンセル"),
    ("delete", "Delete", "削除"),
    (
        "confirm_delete",
        "Delete this for good? This cannot be undone.",
        "完全に削除しますか？元に戻せません。",
    ),
    ("apps", "Apps", "アプリ"),
    (
        "no_apps",
        "No apps yet. Create your first one below.",
        "まだアプリがありません。下から作成しましょう。",
    ),
    ("new_app", "New app", "新しいアプリ"),
    ("create_app", "Create app", "アプリを作成"),
    ("handle", "Handle", "ハンドル"),
    (
        "handle_hint",
        "Your public page will be /@handle.",
        "公開ページは /@ハンドル になります。",
    ),
    ("app_name", "App name", "アプリ名"),
    ("inbox", "Inbox", "受信箱"),
    ("knowledge", "Knowledge", "ナレッジ"),
    ("settings", "Settings", "設定"),
    ("profile", "Public page", "公開ページ"),
    ("widget", "Widget", "ウィジェット"),
    ("site_url", "Website", "ウェブサイト"),
    ("bio", "Bio", "紹介文"),
    ("primary_color", "Colour", "テーマカラー"),
    ("launcher_position", "Chat button", "チャットボタンの位置"),
    ("launcher_right", "Bottom right", "右下"),
    ("launcher_left", "Bottom left", "左下"),
    ("greeting", "Greeting", "最初のあいさつ"),
    (
        "suggested",
        "Suggested questions (one per line)",
        "質問の候補（1行に1つ）",
    ),
    (
        "origins",
        "Sites allowed to embed the widget (one per line)",
        "ウィジェットを設置できるサイト（1行に1つ）",
    ),
    (
        "contacts",
        "Public contact details the answers may show (one per line)",
        "回答に表示してよい公開連絡先（1行に1つ）",
    ),
    ("embed", "Embed on your site", "サイトに埋め込む"),
    (
        "embed_hint",
        "Paste this before </body> on every page of your site.",
        "サイトの各ページの </body> の前に貼り付けてください。",
    ),
    ("copy", "Copy", "コピー"),
    ("copied", "Copied", "コピーしました"),
    ("preview", "Preview", "プレビュー"),
    ("open_page", "Open the public page", "公開ページを開く"),
    ("faq_add", "Add an FAQ", "FAQを追加"),
    ("question", "Question", "質問"),
    ("answer", "Answer", "回答"),
    ("link", "Link (optional)", "リンク（任意）"),
    ("add", "Add", "追加"),
    ("page_add", "Add a reference page", "参考ページを追加"),
    ("title", "Title", "タイトル"),
    ("body", "Text (Markdown)", "本文（Markdown）"),
    ("import_add", "Import from your site", "サイトから取り込む"),
    (
        "import_url",
        "Page or sitemap address",
        "ページまたはサイトマップのURL",
    ),
    ("import_button", "Import", "取り込む"),
    ("items", "Items", "項目"),
    (
        "no_items",
        "No knowledge yet. Add an FAQ to start.",
        "まだナレッジがありません。FAQを追加しましょう。",
    ),
    ("status_queued", "Queued", "待機中"),
    ("status_indexing", "Indexing", "索引作成中"),
    ("status_ready", "Ready", "利用可能"),
    ("status_failed", "Failed", "失敗"),
    ("passages", "passages", "件の文節"),
    ("test_retrieval", "Test retrieval", "検索テスト"),
    (
        "test_hint",
        "Ask as a visitor would; see which passages Mimi finds.",
        "訪問者のように質問し、見つかる文節を確かめます。",
    ),
    ("search", "Search", "検索"),
    (
        "no_passages",
        "Nothing relevant found.",
        "関連する文節は見つかりませんでした。",
    ),
    ("score", "score", "スコア"),
    ("all", "All", "すべて"),
    ("unanswered", "Unanswered", "未回答"),
    ("handed_off", "Asked for a person", "担当者希望"),
    ("handled", "Handled", "対応済み"),
    ("open", "Open", "未対応"),
    (
        "no_conversations",
        "No conversations here yet. They appear as visitors write.",
        "まだ会話はありません。訪問者が書き込むとここに表示されます。",
    ),
    ("messages", "messages", "件"),
    ("live", "Live", "ライブ"),
    ("reconnecting", "Reconnecting…", "再接続中…"),
    (
        "select_conversation",
        "Choose a conversation.",
        "会話を選んでください。",
    ),
    ("reply", "Reply", "返信"),
    (
        "reply_placeholder",
        "Write to the visitor…",
        "訪問者へのメッセージ…",
    ),
    ("send", "Send", "送信"),
    ("mark_handled", "Mark handled", "対応済みにする"),
    ("reopen", "Reopen", "未対応に戻す"),
    ("role_visitor", "Visitor", "訪問者"),
    ("role_assistant", "Mimi", "Mimi"),
    ("role_owner", "You", "あなた"),
    ("sources", "Sources", "出典"),
    ("contact", "Contact", "連絡先"),
    ("not_found", "Not found.", "見つかりません。"),
    ("workspace", "Workspace", "ワークスペース"),
    ("back", "Back", "戻る"),
    ("team", "Team", "チーム"),
    ("account", "Your account", "アカウント"),
    ("members", "Members", "メンバー"),
    ("invites", "Invitations", "招待中"),
    ("invite", "Invite", "招待する"),
    ("invite_sent", "Invitation sent.", "招待を送信しました。"),
    ("role", "Role", "権限"),
    ("revoke", "Revoke", "取り消す"),
    ("api_keys", "API keys", "APIキー"),
    ("new_api_key", "New API key", "新しいAPIキー"),
    ("key_name", "Key name", "キーの名前"),
    ("create", "Create", "作成"),
    (
        "key_once",
        "Copy this key now: it is shown only once.",
        "このキーを今コピーしてください。表示は一度だけです。",
    ),
    ("links", "Links", "リンク"),
    (
        "links_hint",
        "One per line: Title | https://…",
        "1行に1つ：タイトル | https://…",
    ),
    ("model_settings", "Answers", "回答の設定"),
    ("provider", "Language model", "言語モデル"),
    (
        "provider_hint",
        "extractive answers with your own text, without a language model.",
        "extractive は言語モデルを使わず、登録した文章そのままで答えます。",
    ),
    (
        "model",
        "Model (empty: the server's default)",
        "モデル（空欄でサーバーの既定）",
    ),
    (
        "temperature",
        "Temperature (0–1, empty: default)",
        "温度（0〜1、空欄で既定）",
    ),
    ("persona", "Persona", "人物像"),
    ("instructions", "Instructions", "指示"),
    ("answer_language", "Answer language", "回答の言語"),
    ("answer_auto", "The visitor's language", "訪問者の言語"),
    ("kind_faq", "FAQ", "FAQ"),
    ("kind_page", "Page", "ページ"),
    ("kind_file", "File", "ファイル"),
    ("kind_site_page", "Site page", "サイトのページ"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_unique_and_has_both_languages() {
        for (i, (key, en, ja)) in WORDS.iter().enumerate() {
            assert!(!en.is_empty() && !ja.is_empty(), "{key}");
            assert!(
                WORDS[i + 1..].iter().all(|(k, _, _)| k != key),
                "{key} twice"
            );
        }
        assert_eq!(t(Lang::Ja, "inbox"), "受信箱");
        assert_eq!(t(Lang::En, "inbox"), "Inbox");
    }

    /// Every key a page asks for, by `t(…, "key")` or `<PageTitle key="…"/>`.
    fn keys_used() -> Vec<String> {
        let sources = [
            include_str!("ui.rs"),
            include_str!("pages/mod.rs"),
            include_str!("pages/auth.rs"),
            include_str!("pages/apps.rs"),
            include_str!("pages/knowledge.rs"),
            include_str!("pages/inbox.rs"),
            include_str!("pages/team.rs"),
            include_str!("upload.rs"),
        ];
        let mut keys = Vec::new();
        for source in sources {
            for (i, _) in source.match_indices("t(") {
                let before = source[..i].chars().last().unwrap_or(' ');
                if before.is_alphanumeric() || before == '_' {
                    continue;
                }
                let call = &source[i..source[i..].find(')').map_or(source.len(), |e| i + e)];
                if let Some(quoted) = call.split('"').nth(1) {
                    keys.push(quoted.to_owned());
                }
            }
            for (i, _) in source.match_indices("key=\"") {
                if let Some(key) = source[i + 5..].split('"').next() {
                    keys.push(key.to_owned());
                }
            }
        }
        keys
    }

    #[test]
    fn every_key_a_page_uses_has_a_text() {
        let used = keys_used();
        assert!(
            used.len() > 100,
            "{} keys found: is the scan broken?",
            used.len()
        );
        let missing: Vec<_> = used
            .iter()
            .filter(|k| !WORDS.iter().any(|(key, _, _)| key == k))
            .collect();
        assert!(missing.is_empty(), "no text for {missing:?}");
    }

    #[test]
    fn problems_show_japanese_when_translated_and_the_api_message_otherwise() {
        let known = Problem::new("handle_taken", "this handle is taken");
        assert_eq!(
            problem(Lang::Ja, &known),
            "このハンドルはすでに使われています。"
        );
        assert_eq!(problem(Lang::En, &known), "this handle is taken");
        let unknown = Problem::new("something_new", "something new happened");
        assert_eq!(problem(Lang::Ja, &unknown), "something new happened");
    }
}
