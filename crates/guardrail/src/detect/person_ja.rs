//! Japanese person names in kanji and katakana: family + given names with or without
//! a space, names before a honorific (様, さん, 氏, 殿, 先生, …), and a family name
//! after a cue such as 担当. The honorific itself is left outside the span.

use std::sync::OnceLock;

use super::Cand;
use super::marks::Run;
use crate::Label;
use crate::gazetteer::{Fnv, Gazetteers};
use crate::known::Known;
use crate::table::Table;
use crate::text::{ends_with, is_han, is_hiragana, is_katakana, starts_with};
use crate::wordset::WordSet;

/// Honorifics written in kanji (part of a kanji run) and in kana (after it).
const HAN_HONORIFICS: &[&str] = &["先生", "様", "氏", "殿", "君"];
const KANA_HONORIFICS: &[&str] = &["さん", "さま", "くん", "ちゃん", "せんせい"];

/// Whether `c` is the first character of one of [`KANA_HONORIFICS`] and
/// [`HAN_HONORIFICS`].
fn opens_honorific(c: char) -> bool {
    matches!(
        c,
        'さ' | 'く' | 'ち' | 'せ' | '先' | '様' | '氏' | '殿' | '君'
    )
}

/// The honorific, in kana or kanji, that `s` starts with, if any.
pub(crate) fn honorific_at(s: &str) -> Option<&'static str> {
    // Most text starts with no honorific's first character, which one match settles.
    if !opens_honorific(s.chars().next()?) {
        return None;
    }
    KANA_HONORIFICS
        .iter()
        .chain(HAN_HONORIFICS)
        .copied()
        .find(|h| starts_with(s, h))
        // "佐藤さんちのお米": さんち is a family's home, as in a product's name; "マレー氏族
        // 協会": 氏族 is a clan.
        .filter(|&h| {
            !(h == "さん" && s[h.len()..].starts_with('ち')
                || h == "氏" && s[h.len()..].starts_with('族'))
        })
}

/// Role words that may stand right before a name in the same kanji run.
#[rustfmt::skip]
const ROLES: &[&str] = &[
    "担当者", "担当", "副店長", "店長", "部長", "課長", "係長", "社長", "主任", "代表", "院長", "医師", "看護師", "講師", "弁護士",
    "税理士", "支配人", "責任者", "会長", "看護師長", "師長", "専務", "常務", "取締役", "理事長", "校長", "教授", "准教授", "受付", "営業", "窓口",
    "氏名", "名前", "宛名", "新郎", "新婦", "所長", "美容師", "運転手", "工場長",
    "注文者", "購入者", "予約者", "故", "館長", "施設長", "事務長", "園長",
    // Parties to a form or a transfer: "受取人木村 拓也様".
    "受取人", "差出人", "名義人", "依頼人", "契約者", "申込者", "保証人",
    // "管理薬剤師沢村 恵子".
    "薬剤師",
];

/// Days and adverbs glued to the name that opens a sentence after them: "後日松本から
/// ご連絡", "至急田中まで".
const TIME_BEFORE_NAME: &[&str] = &[
    "後日", "本日", "当日", "明日", "翌日", "今日", "至急", "別途",
];

/// Cues that make a lone family name (or a katakana name) a person.
#[rustfmt::skip]
const CUES: &[&str] = &[
    "担当者", "担当", "氏名", "名前", "宛名", "宛先", "お名前", "名義", "責任者", "連絡先",
    // Staff roles in shops, inns and salons: "仲居の", "客室係の", "スタイリスト:".
    "番頭", "仲居", "女将", "板長", "料理長", "客室係", "係", "スタッフ", "スタイリスト",
    "アシスタント", "通訳", "ガイド", "コンシェルジュ", "トレーナー", "インストラクター", "セラピスト",
    "店主", "塾長", "管理人", "監視員", "検定員", "気象予報士", "制作進行", "運航管理", "総合案内",
    "職員", "担当した", "シェイパー", "着付師", "世話役", "観測者", "登録販売者", "ヘアセット", "鷹匠",
    // Not "パイロット" alone, a pen maker's name too ("パイロットのカクノ").
    "担当パイロット", "クルー", "マネージャー", "タンデムマスター",
    "担当編集", "ピアニスト", "ドラマー", "プランナー", "フローリスト", "整備士", "獣医師", "トリマー", "保育士", "衛生士",
    "歯科医師", "パティシエ", "シェフ", "ネイリスト", "カメラマン", "コーチ", "オーナー", "ホスト",
    "カラーリスト", "アイリスト", "美容師", "理容師", "バーテンダー", "シフトリーダー", "彫刻師",
    // What a gift carries: "刺繍文字：「ソフィア」", "印面：桐谷".
    "刺繍文字", "彫刻文字", "背ネーム", "印面",
    "バリスタ", "担当医", "添乗員", "配達員", "ドライバー", "ソムリエ", "運転手", "獣医", "アソシエイト", "指名", "フロント",
    // Office and support roles: "オペレーターの遠藤", "担当エンジニアの鈴木".
    "オペレーター", "エンジニア", "デザイナー", "ディレクター", "秘書", "教師",
    // Interviews and events: "面接官の中村", "上長のハルトマンが", "キャプテンは木村が".
    "面接官", "上長", "キャプテン",
    // "鑑定士の堀が", "ご利用者名:", "搭乗者名:".
    "鑑定士", "者名",
    "作業員", "係員", "社員", "事務員", "技術員", "調査員", "薬剤師", "技師", "公証人", "司法書士", "行政書士",
    // A crew's or a squad's: "隊長の岡本", "隊員金子 翔太", "交代要員 大和田".
    "隊長", "班長", "隊員", "要員",
    "弁理士", "社労士", "調査士",
    // Trades: "大工の木村が", "庭師の岡田"; shops by what they sell: "魚屋の松本が".
    "大工", "職人", "庭師", "左官", "塗装工", "配管工", "電気工事士", "清掃員", "施工管理",
    "魚屋", "八百屋", "肉屋", "花屋", "酒屋", "米屋", "植木屋",
    // Temples and shrines: "住職の岡田", "神主の加藤が".
    "住職", "神主", "宮司", "僧侶", "牧師", "神父",
    // Sitters, predecessors and successors, heads of a class or a branch, brewers:
    // "シッターの森本が", "前任の石井同様", "教室長の岩崎に", "杜氏の佐藤が".
    "シッター", "前任", "後任", "教室長", "支店長", "杜氏", "蔵人",
    // Care and welfare: "相談員の石井に", "ヘルパーの林が".
    "相談員", "ヘルパー", "介護士", "介護福祉士", "ケアマネジャー", "ケアマネ", "学芸員",
    // Family and office roles: "妻の美穂", "孫の陽菜", "藤原（広報）".
    "妻", "夫", "娘", "息子", "孫", "長男", "次男", "長女", "次女", "嫁", "婿", "祖母", "祖父",
    // A maiden name: "旧姓 村井".
    "旧姓",
    "広報", "総務", "経理", "人事",
    // Departments and teams: "人事部の佐藤と", "API チームの小川が", "総務部 菅原".
    "チーム", "人事部", "人事課", "総務部", "総務課", "営業部", "営業課", "経理部", "経理課", "広報部",
    "広報課", "開発部", "技術部", "企画部", "管理部", "業務部", "製造部", "法務部", "財務部", "事業部",
    "本部", "編集部", "事務局", "秘書室",
];

/// The last characters of [`ROLES`], hashed to one bit each of 64: a character whose
/// bit is clear ends no role word.
const ROLE_END_BITS: u64 = role_end_bits();

const fn role_end_bits() -> u64 {
    let mut bits = 0u64;
    let mut i = 0;
    while i < ROLES.len() {
        let b = ROLES[i].as_bytes();
        // Every role word ends in a three-byte character (kanji or kana).
        let n = b.len();
        let c = ((b[n - 3] as u32 & 0x0F) << 12)
            | ((b[n - 2] as u32 & 0x3F) << 6)
            | (b[n - 1] as u32 & 0x3F);
        bits |= 1 << (c % 64);
        i += 1;
    }
    bits
}

/// Whether `c` may be the last character of a role word (no false negatives).
fn may_end_role(c: char) -> bool {
    ROLE_END_BITS & (1 << (c as u32 % 64)) != 0
}
/// Words by their last character, for the tests whether a text ends in one: most
/// texts end in a character that ends none, which one binary search settles.
struct EndIndex(Vec<(char, &'static str)>);

impl EndIndex {
    fn new(lists: &[&[&'static str]]) -> Self {
        let mut v: Vec<(char, &'static str)> = lists
            .iter()
            .flat_map(|l| l.iter())
            .filter_map(|w| Some((w.chars().next_back()?, *w)))
            .collect();
        v.sort_unstable();
        v.dedup();
        EndIndex(v)
    }

    /// The words that `s` ends in.
    fn endings<'a>(&'a self, s: &'a str) -> impl Iterator<Item = &'static str> + 'a {
        let c = s.chars().next_back();
        let from = c.map_or(self.0.len(), |c| self.0.partition_point(|&(l, _)| l < c));
        self.0[from..]
            .iter()
            .take_while(move |&&(l, _)| Some(l) == c)
            .filter(move |&&(_, w)| ends_with(s, w))
            .map(|&(_, w)| w)
    }

    /// The longest of the words that `s` ends in.
    fn longest(&self, s: &str) -> Option<&'static str> {
        self.endings(s).max_by_key(|w| w.len())
    }

    /// Whether `s` ends in one of the words.
    fn ends(&self, s: &str) -> bool {
        self.endings(s).next().is_some()
    }
}

/// [`ROLES`], by their last character.
fn roles() -> &'static EndIndex {
    static INDEX: OnceLock<EndIndex> = OnceLock::new();
    INDEX.get_or_init(|| EndIndex::new(&[ROLES]))
}

/// [`TITLES_AFTER`], by their last character.
fn titles_after() -> &'static EndIndex {
    static INDEX: OnceLock<EndIndex> = OnceLock::new();
    INDEX.get_or_init(|| EndIndex::new(&[TITLES_AFTER]))
}

/// [`KATA_NOT_NAMES`], by their last character.
fn kata_not_names() -> &'static EndIndex {
    static INDEX: OnceLock<EndIndex> = OnceLock::new();
    INDEX.get_or_init(|| EndIndex::new(&[KATA_NOT_NAMES]))
}

/// Whether `word` ends in one of [`CUES`] or [`ROLES`] (a table's header: "店長",
/// "営業担当").
pub(crate) fn is_role(word: &str) -> bool {
    cues().ends(word)
}

/// [`CUES`] and [`ROLES`], by their last character.
fn cues() -> &'static EndIndex {
    static INDEX: OnceLock<EndIndex> = OnceLock::new();
    INDEX.get_or_init(|| EndIndex::new(&[CUES, ROLES]))
}
static NOT_NAME_SET: WordSet<1024> = WordSet::new(NOT_NAMES);

/// Kanji words often followed by a honorific that are not names.
#[rustfmt::skip]
const NOT_NAMES: &[&str] = &[
    // "- 相場：¥3,000〜": a market price, before its figure.
    "相場",
    "客", "皆", "奥", "王", "神", "仏", "殿", "各", "貴", "同", "母", "父", "兄", "姉", "弟", "妹", "娘", "息子",
    "主人", "患者", "利用者", "会員", "担当者", "旦那", "女王", "王子", "姫", "社長", "部長", "課長", "店長", "先生", "医師",
    "教授", "生徒", "学生", "家族", "御中", "各位", "親御", "上", "子供", "子", "大家", "家主", "施主", "校長", "院長", "会長", "代理人",
    // "初代 iPhone": the first of a line.
    "初代",
    "伊勢丹", "高島屋", "三越", "大丸",
    // Shrines' and temples' callings and gods, called with a honorific ("巫女さん",
    // "和尚さん") or listed as the Seven Gods of Fortune (not 八幡 or 若宮: family names
    // too).
    "巫女", "和尚", "住職", "神主", "宮司", "大黒天", "布袋尊", "弁財天", "毘沙門天", "寿老人",
    "福禄寿",
    // Words a name list holds too ("見張り小屋", "池の全景", "港の歴史さんぽ", a colour
    // and a leaf: "**藤**：藤紫", "桜葉とローズヒップ").
    "小屋", "池", "歴史", "藤紫", "桜葉", "里親",
    // Map symbols and a sport before a title ("黒の点線：小径", "体操コーチ").
    "小径", "三角", "体操",
    // Halls of a shrine: "本殿前", "拝殿", "御殿".
    "本", "拝", "御",
    // Labels of a staff card after the name: "担当：渡辺　直通：052-…".
    "直通", "電話", "内線", "携帯", "代表", "住所", "営業", "受付", "連絡先",
    // Kinds of lecturer: "研修講師", "非常勤講師".
    "研修", "非常勤", "専任", "特別", "外部", "招待", "主任", "常勤", "客員",
    "理事長", "担当", "管理者", "代表者", "購入者", "申込者", "契約者", "依頼者", "受取人", "同行者", "事務", "幹事",
    "窓口", "現場", "業者", "職人", "大工", "庭師", "本人", "皆々", "相手", "先方", "御社", "貴社", "弊社", "当社", "お客",
    "隣人", "住人", "友人", "恋人", "彼", "彼女", "先輩", "後輩", "上司", "部下", "同僚", "店員", "駅員", "係員", "乗客",
    "新郎", "新婦", "赤", "日当", "道場", "企業", "一人", "二人", "三人", "一名", "二名", "一人一人", "団体", "法人", "平日", "本日", "土日", "祝日",
    // Days and months after a name: "報告者：川口　来月もよろしく".
    "今日", "明日", "昨日", "毎日", "今週", "来週", "先週", "毎週", "今月", "来月", "先月", "毎月", "今年", "来年", "昨年",
    // Words a name list holds as a family and a given name: "- 入場：無料", "メーターの見方".
    "入場", "見方",
    // Kinds of coach or staff: "専属コーチ", "当番コーチ", "新人さん".
    "専属", "当番", "新人", "女性", "男性",
    // Customers: "常連さん"; partners: "取引先様".
    "常連", "取引先", "得意先", "仕入先",
    // A brewery's master ("杜氏さん"); words after a cue and が ("チームが中心となって",
    // "シッターが安心です").
    "杜氏", "蔵人", "中心", "安心",
    // "からくり屋敷": a mansion; "天満宮": a shrine; "悪魔": a devil, a ballet's role.
    "屋敷", "天満宮", "悪魔",
    // "長年にわたり": years; "スカウト氏名": a scout, the form's field.
    "長年", "スカウト",
];

/// Last words of firms' names ("トヨタ自動車", "三井物産"), which are no one's before 様.
#[rustfmt::skip]
const FIRM_ENDINGS: &[&str] = &[
    "自動車", "工業", "電機", "電気", "銀行", "製作所", "商事", "物産", "建設", "証券", "保険", "生命",
    "鉄道", "航空", "製薬", "化学", "食品", "産業", "興業", "不動産", "通信", "技研", "運輸", "急便",
    "精機", "精工", "重工", "製菓", "酒造", "醸造", "工務店", "事務所", "青果", "精肉", "鮮魚", "工房", "農園",
];

/// Final kanji that mark a job, group or place rather than a name.
#[rustfmt::skip]
const NON_NAME_ENDINGS: &[char] = &[
    '者', '員', '人', '方', '長', '家', '主', '手', '師', '官', '士', '生', '屋', '部', '課', '社', '店', '室',
    '所', '局', '署', '駅', '市', '区', '町', '村', '県', '線', '館', '院', '城',
];

/// Katakana words often followed by a honorific that are not names.
#[rustfmt::skip]
const KATA_NOT_NAMES: &[&str] = &[
    "ユーザー", "オーナー", "ゲスト", "スタッフ", "メンバー", "ドライバー", "カスタマー", "ファン", "パートナー", "ホスト", "マネージャー",
    "リーダー", "オペレーター", "クライアント", "サポーター", "ママ", "パパ", "ベビー", "シェフ", "ドクター", "ナース", "コーチ", "トレーナー",
    "キャスト", "セラピスト", "アーティスト", "プレイヤー", "バイヤー", "ファミリー", "チーム", "クルー", "サンタ", "ショップ",
    "サロン", "ホテル", "ストア", "カフェ", "センター", "サポート", "アドレス", "メール", "アカウント",
    "スケジュール", "シフト", "プロフィール", "コメント", "サイン", "ページ", "リスト", "ワン", "ニャン", "ビル",
    "ピアノ", "ギター", "バイオリン", "ヴァイオリン", "チェロ", "フルート", "ドラム", "ボーカル",
    "ジム", "プランナー", "ホール", "ルーム", "ラウンジ", "ギャラリー", "スタジオ", "アリーナ",
    "マネジャー", "ケアマネ", "デザイナー", "ワーカー", "コーディネーター", "アドバイザー",
    "インストラクター", "コンシェルジュ", "エンジニア", "スペシャリスト", "カウンセラー", "ヘルパー",
    "レッスン", "クラス", "コース", "プラン", "メニュー", "サービス", "ラベル", "シール",
    "ワンコ", "ネコ", "イヌ", "ウサギ",
    // A professor's hours and leave: "山田教授のオフィスアワー".
    "アワー", "サバティカル",
    // Last words of firms' names ("本田モータース様").
    "モータース", "ホールディングス", "コーポレーション", "カンパニー", "システムズ", "ソリューションズ",
    "テクノロジーズ", "エンタープライズ", "インダストリーズ", "グループ", "ツアーズ", "トラベル",
    // Teams and duties: "担当のカスタマーサクセスが".
    "サクセス",
    // Classes a teacher takes: "担当：パワーヨガ".
    "ヨガ", "ピラティス", "ダンス", "ストレッチ", "エアロビクス", "ズンバ", "ボクシング", "トレーニング",
    // Breeds of dog and cat ("ジャック・ラッセル・テリア", "セント・バーナード").
    "テリア", "スパニエル", "プードル", "バーナード", "レトリーバー", "シェパード", "ヨーキー",
    "チワワ", "ダックス", "ダックスフンド", "コーギー", "ビーグル", "ブルドッグ", "シュナウザー",
    "ポメラニアン", "マルチーズ", "パピヨン", "ハスキー", "コリー", "ペルシャ", "マンチカン",
    // Characters and works, as "Harry Potter" is in English.
    "ハリー・ポッター", "シャーロック・ホームズ", "ピーター・パン", "ミッキー・マウス", "サンタ・クロース",
];

/// Kana words that the given-name readings also hold, never names in running text.
#[rustfmt::skip]
const KANA_NOT_NAMES: &[&str] = &[
    "ある", "いつ", "かた", "かみ", "こと", "さえ", "さき", "しか", "そう", "ため", "とき", "なか", "なる",
    "まえ", "みな", "より", "みんな", "あか", "あと", "うち", "もの", "よう", "ほか", "まで", "から",
    "さん", "さま", "くん", "ちゃん", "ほう",
    // "たくさん": many, not "たく" and さん.
    "たく",
    // "通訳あり", "座敷席：あり": there is, there is none.
    "あり", "なし",
];

/// Kana before ちゃん or くん that name no one: family words and pets.
#[rustfmt::skip]
const KANA_KIN: &[&str] = &[
    "あか", "わん", "ねこ", "ばあ", "じい", "かあ", "とう", "にい", "ねえ", "おば", "おじ", "ちび", "うさ", "ぼく", "みんな",
];

/// What may follow a kana given name: a honorific, a particle, punctuation.
#[rustfmt::skip]
const AFTER_KANA_NAME: &[&str] = &[
    "宛", "／", "/", "が", "は", "と", "から", "より", "まで", "に", "へ", "で", "も", "の", "、",
    "。", "（", "(", " ", "」", "』", "）", ")",
    // The end of a line or of a table's cell: "- 面接官：人事課 中村 あかり⏎".
    "\n", "|", "\u{3000}",
    // The end of code or of emphasis: "`ｶﾄｳ ｹﾝ`", "_書記：村上 あゆみ_".
    "`", "_",
    // A role after the name: "加藤 ひろみコーチ".
    "コーチ",
];

/// What follows a bare family name when it is a person doing something.
#[rustfmt::skip]
const ACTS: &[&str] = &[
    "担当", "対応", "折り返", "ご連絡", "お電話", "ご案内", "伺", "申し", "参り", "お気軽", "ご相談",
    "確認いた", "の伝言", "のご連絡", "の折り返", "のご案内", "のお電話", "でございます", "承り",
    "ですが", "です、", "の個人", "の携帯", "の直通", "の連絡先", "お声がけ", "お待ち", "：", ":",
    "をお呼び", "ご返信", "ご回答", "ご返答", "お申し付け", "お問い合わせ", "お問合せ", "ご一報",
    "お願い", "ご返却", "ご返送", "ご提出", "メール", "電話", "LINE", "不在",
    // "長谷川による面談": by the person (the particle に is taken off first).
    "よる",
];

/// Finds Japanese names in the kanji and katakana `runs` of a piece of `t`.
/// `table` is the Markdown table the text before the piece (at `lo`) ends in, if a cell
/// may lie in the piece.
pub(crate) fn find(
    t: &str,
    lo: usize,
    runs: &[Run],
    table: Option<&Table>,
    known: &Known,
    out: &mut Vec<Cand>,
) {
    let g = Gazetteers::get();
    let mut joined = None;
    for (i, r) in runs.iter().enumerate() {
        if joined == Some(i) {
            continue;
        }
        // "長谷川 智子" … "長谷川は一橋大学を卒業後": a part of a name found earlier in the
        // text, a whole run alone, names that person again.
        if let Some(end) = known_alone(t, r, known, out) {
            out.push(Cand::new(r.s, end, Label::Person));
            continue;
        }
        if let Some(end) = table.and_then(|tb| cell_name(t, lo, r, tb, g)) {
            out.push(Cand::new(r.s, end, Label::Person));
            continue;
        }
        // "ジャン＝ピエール・ルノー": katakana runs joined by a double hyphen are one name.
        if !r.han
            && let Some(n) = runs.get(i + 1)
            && !n.han
            && matches!(&t[r.e..n.s], "＝" | "=" | "゠")
        {
            joined = Some(i + 1);
            kata_run(t, r.s, n.e, true, g, out);
            continue;
        }
        // "9月1日開始です": a counter after a number opens no name.
        let counted = || {
            t[..r.s].ends_with(|c: char| c.is_ascii_digit())
                && t[r.s..].starts_with(|c: char| "日月年時分秒円件回歳本枚個台".contains(c))
        };
        if r.han && counted() {
            continue;
        }
        if r.han {
            let found = out.len();
            han_run(t, r.s, r.e, g, out);
            // "七五三": numerals name no one.
            let numeral = |c: char| {
                matches!(
                    c,
                    '〇' | '一'
                        | '二'
                        | '三'
                        | '四'
                        | '五'
                        | '六'
                        | '七'
                        | '八'
                        | '九'
                        | '十'
                        | '百'
                        | '千'
                        | '万'
                )
            };
            if out[found..]
                .iter()
                .any(|c| t[c.start..c.end].chars().all(numeral) || names_thing(t, c))
            {
                out.truncate(found);
            }
            // "スタッフの翼（つばさ）": a listed given name read out in brackets as one.
            if out.len() == found && given_read_out(t, r.s, r.e, g) {
                out.push(Cand::new(r.s, r.e, Label::Person));
            }
        } else {
            let found = out.len();
            kata_run(t, r.s, r.e, false, g, out);
            // "ジョン・レノンゆかりのスポット", "マリー・アントワネットルーム".
            if out[found..].iter().any(|c| names_thing(t, c)) {
                out.truncate(found);
            }
        }
        kana_after_role(t, r, g, out);
        kana_before_act(t, r, g, out);
    }
}

/// "| 福岡店 | 木村 |" under "| 店舗 | 店長 |": a listed name alone in a cell of a
/// column of people (a family name in kanji, perhaps with a given name in hiragana,
/// "| 中村ゆい |"; a given name; a katakana name). Returns where it ends.
fn cell_name(t: &str, lo: usize, r: &Run, table: &Table, g: &Gazetteers) -> Option<usize> {
    // The cell ends at the next bar, after spaces; a family name's kana given name may
    // follow the run in it. Most runs are followed by neither: a byte test settles them.
    let rest = &t[r.e..];
    if !rest.starts_with([' ', '|']) && !rest.starts_with(is_hiragana) {
        return None;
    }
    // "| ヤマダ タケシ |": a katakana name in two parts, neither a common word ("| カット
    // メンズ |" is a service).
    let kata_end = if r.han || g.katakana(&t[r.s..r.e]) == Some(true) {
        r.e
    } else {
        spaced_kata_after(t, r.e, g)
    };
    if kata_end > r.e {
        return crate::table::people_cell(table, t, lo, r.s, kata_end).then_some(kata_end);
    }
    let end = r.e + rest.len() - rest.trim_start_matches(is_hiragana).len();
    if !t[end..].trim_start_matches(' ').starts_with('|') {
        return None;
    }
    let run = &t[r.s..r.e];
    let kana = &t[r.e..end];
    let listed = if !kana.is_empty() {
        r.han && kana.chars().all(is_hiragana) && kana.chars().count() <= 4 && is_family(run, g)
    } else if r.han {
        run.chars().nth(1).is_some()
            && !NOT_NAME_SET.contains(run)
            && (is_family(run, g) || is_given(run, g) || full_name(run, g, 2))
    } else {
        // "| ジェームズ・ホワイト |": in a column of people, one listed part is enough,
        // though another is also a word (ホワイト), unless a part is a place.
        let dotted_listed = || {
            let mut parts = run.split('・');
            run.contains('・')
                && parts.clone().any(|p| g.katakana(p) == Some(false))
                && !parts.any(|p| p.is_empty() || g.is_kata_place(p))
        };
        g.katakana(run) == Some(false)
            || g.kana_given(run)
            || dotted_name(run, g).is_some()
            || dotted_listed()
    };
    (listed && crate::table::people_cell(table, t, lo, r.s, end)).then_some(end)
}

/// The end of the run `r` when it is a part of a name found earlier (`known`, or among
/// the piece's candidates so far, `found`) standing alone: not inside a word of katakana or Latin letters ("ホテル森田", "森田Studio"), not
/// before a given name, nor before a word that makes it a thing's name ("森田ルーム").
fn known_alone(t: &str, r: &Run, known: &Known, found: &[Cand]) -> Option<usize> {
    let e = r.s + t[r.s..r.e].trim_end_matches('・').len();
    let run = &t[r.s..e];
    // A name found earlier in the same piece is not yet known: "渡辺 健二\n\n渡辺は".
    let in_piece = || {
        found.iter().any(|c| {
            c.label == Label::Person
                && c.end <= r.s
                && t[c.start..c.end]
                    .split([' ', '\u{3000}', '・'])
                    .any(|p| p == run)
        })
    };
    if !(known.contains(run) || in_piece()) {
        return None;
    }
    let glued = |c: char| c.is_ascii_alphanumeric() || is_katakana(c) || is_han(c);
    let before = t[..r.s].chars().next_back();
    let after = t[e..].chars().next();
    // "小川 亮": a family name found before, with a given name after it this time.
    let given_after = t[e..]
        .strip_prefix([' ', '\u{3000}'])
        .and_then(|a| a.chars().next())
        .is_some_and(|c| is_han(c) || is_katakana(c) || is_hiragana(c));
    if before.is_some_and(glued) || after.is_some_and(glued) || given_after {
        return None;
    }
    let c = Cand::new(r.s, e, Label::Person);
    (!names_thing(t, &c)).then_some(e)
}

/// One-kanji places, pronouns and colours that name lists also hold ("左", "白のアルファード";
/// "森" is a name), and the values a form's field takes ("優先度：高", "駐車場：有").
const ONE_KANJI_WORDS: &str =
    "左右上下奥前後横隣外内中東西南北私僕次今方者白黒青緑紺高低大小有無可否済新旧全金";

/// Whether `s` is one kanji of [`ONE_KANJI_WORDS`].
fn one_kanji_word(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| chars.next().is_none() && ONE_KANJI_WORDS.contains(c))
}

/// Words after a name that make it the name of a room, a prize or a show
/// ("夏目漱石ルーム").
#[rustfmt::skip]
const THING_AFTER: &[&str] = &[
    "ルーム", "ホール", "スイート", "ラウンジ", "ギャラリー", "記念館", "賞", "展", "通り",
    "フェア", "モデル", "デザイン", "コラボ", "オリンピック",
    // Firms named after their founders ("鈴木ケアサービス", "田中クリニック").
    "ケアサービス", "サービス", "クリニック", "ショップ", "ストア", "ファーム", "デンタル",
    // Statues, museums, birthplaces and graves of historical figures ("坂本龍馬像",
    // "ジョン万次郎資料館"), a lord's honorific ("伊達政宗公騎馬像", "家康公を祀る"; not
    // "前田公証人") and parks.
    "像", "騎馬像", "資料館", "生家", "旧居", "旧宅", "の墓", "博士の像", "公園", "公像",
    "公騎馬像", "公の", "公が", "公は", "公を", "公と", "公ゆかり",
];

/// Last words of the titles of events and shows ("読む会", "科学教室", "の世界").
const EVENT_ENDS: &[&str] = &[
    "会",
    "展",
    "教室",
    "講座",
    "世界",
    "祭",
    "祭り",
    "フェア",
    "ナイト",
    "特集",
    "ツアー",
    "大会",
    "講演",
    "コンサート",
    "ライブ",
    "セミナー",
    "ワークショップ",
];

/// Whether the name `c` names a thing: a room or a show after it ("夏目漱石ルーム"), a
/// work of its own after it ("宮沢賢治の「注文の多い料理店」"), quotes around it that
/// name a show or a product (「葛飾北斎と歌川広重 浮世絵の風景」展, 「坂本龍馬」という地酒),
/// or a destination ("嵐山行きのバス").
fn names_thing(t: &str, c: &Cand) -> bool {
    let after = &t[c.end..];
    // "ベートーヴェン・ホール": the thing's word may follow a middle dot.
    let thing = after.strip_prefix(['・', '･']).unwrap_or(after);
    if THING_AFTER.iter().any(|w| thing.starts_with(w)) || after.starts_with("の「") {
        return true;
    }
    // "「漱石の間」": a room of an inn named after someone (not "の間に", while);
    // "夏目漱石ゆかりの", "宮本武蔵にちなんだ": the figure a thing is named after.
    // "坂本龍馬の記念切手": a keepsake or a work of the figure.
    if [
        "の記念切手",
        "の記念館",
        "の記念碑",
        "の銅像",
        "の肖像",
        "の生誕",
        "の名言",
    ]
    .iter()
    .any(|w| after.starts_with(w))
    {
        return true;
    }
    if (after.starts_with("の間") && !after["の間".len()..].starts_with('に'))
        || ["ゆかり", "にちなん", "にちなみ", "に学ぶ"]
            .iter()
            .any(|w| after.starts_with(w))
    {
        return true;
    }
    // "東京行き"; "青山通り": a street.
    if (t[..c.end].ends_with('行') && after.starts_with('き'))
        || (t[..c.end].ends_with('通') && after.starts_with('り'))
    {
        return true;
    }
    // "「手塚治虫の世界」", "| 宮沢賢治よみきかせ会 |", "「野口英世こども科学教室」": an
    // event or a show whose title goes on from the name to its end.
    // (A title of 45 bytes or less ends within the first 52.) Not after a particle, nor
    // after a honorific: "林先生の教室" is the teacher's.
    if !after.starts_with(['が', 'は', 'も', 'と', 'に', 'へ', 'で']) {
        let title = after[..crate::text::floor_boundary(after, 52)]
            .split([
                '」', '』', '|', '\n', '。', '、', ' ', '\u{3000}', '（', '(',
            ])
            .next()
            .unwrap_or("");
        if title.len() <= 45
            && EVENT_ENDS.iter().any(|w| ends_with(title, w))
            && honorific_at(after).is_none()
        {
            return true;
        }
    }
    // Inside 『』, which hold the titles of works ("『椿三十郎』（1962年）"): no labelled
    // reply puts a person's name there.
    let before = &t[crate::text::ceil_boundary(t, c.start.saturating_sub(60))..c.start];
    if opens_title(before)
        && after[..crate::text::floor_boundary(after, 60)]
            .split('\n')
            .next()
            .is_some_and(|line| line.contains('』'))
    {
        return true;
    }
    // Inside 「」: the last bracket before the name opens, the next one after it closes.
    let opened = before
        .rfind(['「', '」'])
        .is_some_and(|k| before[k..].starts_with('「'));
    opened
        && after.find('」').is_some_and(|k| {
            let rest = &after[k + '」'.len_utf8()..];
            k <= 60
                && [
                    "展",
                    "という",
                    "って",
                    "モデル",
                    "フェア",
                    "朗読会",
                    "講演会",
                    "講座",
                ]
                .iter()
                .any(|w| rest.starts_with(w))
        })
}

/// Whether the last of 『, 』 and line ends in `before` is 『: a byte scan for the last
/// bytes of the brackets (E3 80 8E, E3 80 8F), which most text lacks.
fn opens_title(before: &str) -> bool {
    let b = before.as_bytes();
    let line = memchr::memrchr(b'\n', b).map_or(0, |k| k + 1);
    memchr::memrchr2_iter(0x8E, 0x8F, &b[line..])
        .map(|k| line + k)
        .find(|&k| k >= 2 && b[k - 2] == 0xE3 && b[k - 1] == 0x80)
        .is_some_and(|k| b[k] == 0x8E)
}

/// Titles, and 宛 (the addressee), that follow a family name in the same kanji run:
/// "鈴木弁護士", "渡邉医師", "山口宛". The longest a run ends in is taken ("副会長", not
/// "会長").
const TITLES_AFTER: &[&str] = &[
    "分団長",
    "弁護士",
    "医師",
    "税理士",
    "准教授",
    "教授",
    "院長",
    "社長",
    "部長",
    "課長",
    "係長",
    "副店長",
    "店長",
    "会長",
    "副会長",
    "専務",
    "常務",
    "支配人",
    "看護師",
    "講師",
    "獣医師",
    "歯科医師",
    "司法書士",
    "行政書士",
    "公証人",
    "館長",
    "博士",
    "施設長",
    "事務長",
    "園長",
    "宛",
    "直通",
    // Leaders of a crew or a squad: "藤井隊長が確認", "班長 小松".
    "隊長",
    "班長",
    // Teachers of a martial art or a team: "岩崎師範による", "小池監督が".
    "師範",
    "監督",
    // Teaching staff below a professor: "大野 翼助教", "井上助教".
    "助教",
    "助手",
    // An association's officers: "松本理事長、森田副理事長、光井理事".
    "理事長",
    "副理事長",
    "理事",
    "監事",
    "顧問",
    // A request for a member of staff: "「田中指名」とご記入ください".
    "指名",
    // Reporters and councillors: "林記者", "原田市議".
    "記者",
    "市議",
    "県議",
    // Flight instructors and captains: "栗林教官", "ミラー教官", "エヴァンス機長".
    "教官",
    "機長",
    // Clergy: "早瀬牧師宛て".
    "牧師",
];

fn han_run(t: &str, a: usize, b: usize, g: &Gazetteers, out: &mut Vec<Cand>) {
    let run = &t[a..b];
    if FIRM_NAMES.contains(&run) || SCHOOL_ENDINGS.iter().any(|w| ends_with(run, w)) {
        return;
    }
    // "採用担当青木宛", "経理部井上宛て": a role, a family name and the addressee
    // mark in one run.
    if let Some(head) = run.strip_suffix('宛') {
        for (i, _) in head.char_indices().skip(1) {
            let name = &head[i..];
            if name.chars().nth(1).is_some()
                && is_family(name, g)
                && !NOT_NAME_SET.contains(name)
                && cues().ends(&head[..i])
            {
                out.push(Cand::new(a + i, a + head.len(), Label::Person));
                return;
            }
        }
    }
    // "藤田部長宛て": a title before the addressee mark, too.
    for run in std::iter::once(run).chain(run.strip_suffix('宛')) {
        if let Some(title) = titles_after().longest(run) {
            let name = &run[..run.len() - title.len()];
            // "研修講師", "非常勤講師": a kind of lecturer.
            if name.chars().nth(1).is_some()
                && !NOT_NAME_SET.contains(name)
                && (is_family(name, g) || full_name(name, g, 2))
            {
                out.push(Cand::new(a, a + name.len(), Label::Person));
                return;
            }
        }
    }
    if let Some((h, name_end)) = honorific(t, a, b) {
        if let Some(s) = name_before_honorific(t, a, name_end, g) {
            out.push(Cand::new(s, name_end, Label::Person));
        }
        let _ = h;
        return;
    }
    // "羽田 → 新千歳", "新横浜・小田原": a place of three kanji or more is no family and
    // given name joined.
    if run.chars().nth(2).is_some() && super::places::is_ja_place(run) {
        return;
    }
    // The context checks are pure and only matter for a family name: ask them last.
    // Asked once at most: several rules below need it.
    let cue = std::cell::OnceCell::new();
    let cued = || *cue.get_or_init(|| cue_before(t, a) || labelled(t, a));
    let mut last = None;
    for (i, c) in run.char_indices() {
        let prefix = &run[..i];
        // `last` is the last character of `prefix`: most are in no role word's end,
        // which a bit test settles before the word-set look-up.
        let role = || {
            (last.is_some_and(may_end_role) && roles().ends(prefix))
                // Every day word is two kanji (six bytes): most prefixes are not.
                || (prefix.len() == 6 && TIME_BEFORE_NAME.contains(&prefix))
        };
        let skip = i > 0 && !role();
        last = Some(c);
        if skip {
            continue;
        }
        let rest = &run[i..];
        // "看護師長 吉田": no name opens inside the role word the run ends in ("長").
        if i > 0
            && roles()
                .longest(run)
                .is_some_and(|w| i > run.len() - w.len())
        {
            continue;
        }
        if let Some(mut cand) = spaced_name(t, a + i, b, g) {
            if i == 0 {
                cand.start = joined_family_start(t, a);
            }
            out.push(cand);
            return;
        }
        if let Some(cand) = spaced_kana_given(t, a + i, b, g) {
            out.push(cand);
            return;
        }
        let acting = || rest.chars().count() >= 2 && (acts_after(t, b) || duty_after(t, b));
        // A family name with its given name in kana: "渡辺エミ", "鈴木 ゆうこ".
        // "森 あゆみです": a one-kanji family name, a space and a given name of three.
        let spaced = t[b..].starts_with(' ');
        if is_family(rest, g)
            && (spaced || rest.chars().nth(1).is_some())
            && let Some((end, honorific)) = kana_given_after(t, b, g)
            && (rest.chars().nth(1).is_some() || end - b > 9)
            && (honorific || i > 0 || spaced || cued() || acts_after(t, end))
        {
            out.push(Cand::new(a + i, end, Label::Person));
            return;
        }
        // After a role word ("営業所"), a one-kanji family name is too often a word;
        // so is a direction alone ("受付は左です").
        // Nor is a word that is also a family name ("道場のご案内", "日当").
        let family = is_family(rest, g)
            && (i == 0 || rest.chars().nth(1).is_some())
            && !one_kanji_word(rest)
            && !(rest.chars().nth(1).is_some() && NOT_NAME_SET.contains(rest));
        // A contact in brackets after it ("渡辺（080-…）"), or it in brackets after a
        // contact ("…1234（岡田）").
        // Or a role in brackets after it ("河野（フロント）"), or a duty after が even for
        // a one-kanji name ("森が担当します").
        let contact = || {
            i == 0
                && (contact_after(t, b)
                    || [
                        "コーチ",
                        "マネージャー",
                        "トレーナー",
                        "シェフ",
                        "ドクター",
                        "ディレクター",
                    ]
                    .iter()
                    .any(|r| t[b..].starts_with(r))
                    || after_contact(t, a, b)
                    || role_before_bracket(t, a, b)
                    || role_note_after(t, b)
                    || role_cell_after(t, a, b)
                    || duty_next(t, b)
                    || spaced_title_after(t, b)
                    || introduced(t, a, b)
                    || super::list_item_role(t, a, b))
        };
        // "担当：浩二": a given name of two kanji or more after a label or a cue.
        // Before a particle or the end, not before a number ("受付：平日10時〜") or
        // "で" ("オーナーの所有であり"), where a word is meant; before "の" only right
        // after the role ("本日のシェフ大輔のおすすめ").
        let ends_name = || {
            t[b..].is_empty()
                || [
                    "が", "は", "です", "、", "。", "（", "(", "／", "/", " ", "と", "\n", "に",
                    "まで",
                ]
                .iter()
                .any(|p| t[b..].starts_with(p))
                || (t[b..].starts_with('の') && cues().ends(&t[..a]))
                // "担当の大輔より", "代表の楊から": after a role and の (not after a
                // label: "**森の小径**：正門から北へ").
                || (["より", "から", "を"].iter().any(|p| t[b..].starts_with(p))
                    && t[..a].ends_with('の'))
                // "店主の真由美の携帯": の before the person's contact.
                || (t[b..].starts_with('の') && acts_after(t, b))
        };
        // One kanji ("本日のバリスタは蓮です") only before "です", or right after a
        // person's role and "の" before "が", "より" or "から" ("動物看護師の愛が"); not
        // after a desk ("受付は左です"), and no word for a place or a person.
        let one = || {
            let after_role = || {
                ["が", "より", "から"].iter().any(|p| t[b..].starts_with(p))
                    && t[..a].strip_suffix('の').is_some_and(|r| cues().ends(r))
            };
            (t[b..].starts_with("です") || after_role())
                && !one_kanji_word(rest)
                && !["受付", "窓口", "フロント", "宛先", "連絡先"]
                    .iter()
                    .any(|d| {
                        t[..a]
                            .trim_end_matches(['は', 'の', 'が', '：', ':'])
                            .ends_with(d)
                    })
        };
        // "通訳スタッフの王芳が": after a cue, a family and a given name of one kanji each
        // will do too.
        let given = || {
            i == 0
                && (rest.chars().nth(1).is_some() || one())
                && ends_name()
                && !NOT_NAME_SET.contains(rest)
                && (((is_given(rest, g)
                    || (rest.chars().nth(2).is_none() && full_name(rest, g, 2)))
                    && cued())
                    // "拓也がご案内いたします": a given name acting needs no cue, unless
                    // it is also a word ("希望があればご連絡ください").
                    || (is_given(rest, g) && !given_word(rest, g) && acting())
                    // "直美（naomi.fb@example.co.jp）まで": or with a contact in brackets.
                    || (is_given(rest, g) && !given_word(rest, g) && contact_after(t, b)))
        };
        if (full_name(rest, g, 3) && !NOT_NAME_SET.contains(rest))
            || (family
                && (i > 0
                    || cued()
                    || acting()
                    || contact()
                    || (rest.chars().nth(1).is_some() && signed(t, a, b))))
            || given()
        {
            out.push(Cand::new(a + i, b, Label::Person));
            return;
        }
    }
}

/// "| 木村 医師 |", "スポーツキッズ札幌 高木 宛": a title, or the addressee mark, after a
/// space at `b`. The mark must end the line or the sentence: "大阪 宛の荷物" is where a
/// parcel goes.
fn spaced_title_after(t: &str, b: usize) -> bool {
    let titles = TITLES_AFTER.iter().filter(|w| **w != "直通");
    spaced_mark(t, b, titles).is_some_and(|(w, after)| {
        w != "宛" || after.is_empty() || after.starts_with(['\n', 'て', '。', '）', ')', ' ', '|'])
    })
}

/// "株式会社アクアの田村です。", "水道修理の田村です": a family name after "の" and
/// before "です" that ends a self-introduction opening the sentence. Not after a topic
/// or a place ("行き先は長野の松本です", "長野県の松本です").
fn introduced(t: &str, a: usize, b: usize) -> bool {
    let Some(head) = t[..a].strip_suffix('の') else {
        return false;
    };
    let Some(rest) = t[b..].strip_prefix("です") else {
        return false;
    };
    if !(rest.is_empty() || rest.starts_with(['。', '、', '！', '!', '\n', ' ', '\u{3000}'])) {
        return false;
    }
    let start = head
        .rfind(['。', '！', '？', '\n', '!', '?'])
        .map_or(0, |k| {
            k + head[k..].chars().next().map_or(1, char::len_utf8)
        });
    let clause = head[start..].trim_start();
    let clause = crate::text::strip_any(
        clause,
        &["こちらは", "わたくしは", "私は", "わたしは", "はい、"],
    )
    .unwrap_or(clause);
    let place = clause.ends_with(['県', '府', '都', '道', '市', '町', '村', '区', '駅'])
        || super::places::PREFECTURES
            .iter()
            .any(|p| clause.ends_with(&p[..p.len() - 3]));
    !clause.is_empty()
        && clause.chars().count() <= 16
        && !place
        && !clause.contains(['は', 'が', 'を', 'に', 'で', '、', 'へ', 'も', '「'])
}

/// "――フロント 杉本", "…までお電話ください。—松田": a name that ends the text after a
/// dash (and perhaps a role) signs it.
fn signed(t: &str, a: usize, b: usize) -> bool {
    const DASHES: [char; 5] = ['—', '―', '－', '–', '-'];
    if !t[b..].trim_start_matches(['。', ' ', '\n']).is_empty() {
        return false;
    }
    let before = &t[crate::text::ceil_boundary(t, a.saturating_sub(24))..a];
    let Some(d) = before.rfind(DASHES) else {
        return false;
    };
    // Between the dash and the name, a role at most ("フロント "); before the dash, no
    // digit or letter (a dash inside a number or a word).
    let between = before[d..].trim_start_matches(DASHES);
    let lead = before[..d].trim_end_matches(DASHES).chars().next_back();
    between.chars().count() <= 8
        && !between.contains(['。', '、', '，', ','])
        && lead.is_none_or(|c| !c.is_alphanumeric())
}

/// A honorific inside the kanji run or just after it: (honorific start, name end).
fn honorific(t: &str, a: usize, b: usize) -> Option<(usize, usize)> {
    let run = &t[a..b];
    for (k, _) in run.char_indices().skip(1) {
        let rest = &run[k..];
        // Every kanji honorific starts with byte E5 or E6: most characters start none.
        let may = matches!(rest.as_bytes()[0], 0xE5 | 0xE6);
        if let Some(h) = HAN_HONORIFICS.iter().find(|h| may && starts_with(rest, h)) {
            let after = rest[h.len()..].chars().next();
            let compound = match *h {
                "様" => after.is_some_and(|c| "々式子相態".contains(c)),
                // "氏名", "源氏物語"; "南部杜氏" (a master brewer).
                "氏" => after.is_some_and(|c| "名物".contains(c)) || run[..k].ends_with('杜'),
                // "社殿", "昇殿料", "宮殿": a hall of a shrine or a palace.
                "殿" => {
                    after.is_some_and(|c| "下堂様".contains(c))
                        || run[..k].ends_with([
                            '社', '昇', '宮', '御', '神', '本', '拝', '仏', '霊', '正', '寝',
                        ])
                }
                "君" => after.is_some_and(is_han),
                _ => false,
            };
            if !compound {
                return Some((a + k, a + k));
            }
        }
    }
    // "翼コーチ", "大輔コーチ": a coach is called by the name and the role, as a
    // teacher by 先生.
    if honorific_at(&t[b..]).is_some() || t[b..].starts_with("コーチ") {
        return Some((b, b));
    }
    // "ご予約名は「松井」様": a name in quotes, the honorific after them.
    if quoted_honorific(t, a, b).is_some() {
        return Some((b, b));
    }
    // "松田 様", "原田 真理 様", "通関部 石井 宛": a kanji honorific or the addressee
    // mark after a space, as a table or a letter sets it, standing alone ("様式" and
    // "宛先" are none).
    let Some((h, _)) = spaced_mark(t, b, ["様", "氏", "殿", "先生", "宛"].iter()) else {
        // "陽翔 くんと 結衣 ちゃん": a honorific in kana after a space, then the end, no
        // hiragana or a particle ("さんぽ" is a walk).
        let (_, after) = spaced_mark(t, b, KANA_HONORIFICS.iter())?;
        return kana_honorific_ends(after).then_some((b, b));
    };
    // The addressee mark follows a place as often ("大阪 宛の荷物"): a name before it
    // comes after a role or a department ("通関部 石井 宛", "総務課 田中 宛").
    let addressed = || {
        t[..a]
            .strip_suffix([' ', '\u{3000}'])
            .is_some_and(|s| cues().ends(s) || s.ends_with(['部', '課', '係', '室']))
    };
    (h != "宛" || addressed()).then_some((b, b))
}

/// Whether a honorific in kana ends where `after` starts: no hiragana, or a particle,
/// follows it ("さんと", "くん。"; "さんぽ" is a walk).
fn kana_honorific_ends(after: &str) -> bool {
    after
        .chars()
        .next()
        .is_none_or(|c| !is_hiragana(c) || "とのはがにへもでかやよね".contains(c))
}

/// The honorific after the closing quote of a name quoted at `t[a..b]`: "「松井」様".
fn quoted_honorific(t: &str, a: usize, b: usize) -> Option<&'static str> {
    if !t[..a].ends_with('「') {
        return None;
    }
    honorific_at(t[b..].strip_prefix('」')?)
}

/// The longest of `marks` after a space at `b`, standing alone (no kanji after it:
/// "様式", "宛先" and "医師会" are words), and the text after it.
fn spaced_mark(
    t: &str,
    b: usize,
    marks: impl Iterator<Item = &'static &'static str>,
) -> Option<(&'static str, &str)> {
    let spaced = t[b..].strip_prefix([' ', '\u{3000}'])?;
    let h: &'static str = marks
        .filter(|h| spaced.starts_with(**h))
        .max_by_key(|h| h.len())?;
    let after = &spaced[h.len()..];
    after
        .chars()
        .next()
        .is_none_or(|c| !is_han(c))
        .then_some((h, after))
}

/// Firms whose names read as a family and a given name ("富士" and "通").
const FIRM_NAMES: &[&str] = &["富士通", "伊藤忠", "塩野義"];

/// Last words of schools' names: "一橋大学" is no "一橋" and "大学".
const SCHOOL_ENDINGS: &[&str] = &["大学", "大学院", "高校", "学校", "学院", "学園", "短大"];

/// Start of the name that ends at `end` before a honorific, if it is one.
fn name_before_honorific(t: &str, a: usize, end: usize, g: &Gazetteers) -> Option<usize> {
    let part = &t[a..end];
    // "山田屋さん", "田中商店様", "伊藤園様": a shop is no one ("土屋さん" is).
    let shop = part.ends_with(['屋', '店', '堂', '社', '館', '園']) && !is_family(part, g);
    // "トヨタ自動車様", "本田技研工業様": a firm's name.
    let firm = || FIRM_ENDINGS.iter().any(|w| ends_with(part, w));
    // "ご愁傷様", "ご苦労様", "お世話様": a polite prefix makes the run a word. "船頭さん",
    // "運転手さん": a role.
    let polite = t[..a].ends_with(['ご', 'お']) || is_role(part);
    // "市松模様", "同様", "仕様", "多様": 様 ends a word there, no honorific.
    let word = t[end..].starts_with('様') && part.ends_with(['模', '同', '仕', '異', '多']);
    if part.is_empty() || NOT_NAME_SET.contains(part) || shop || firm() || polite || word {
        return None;
    }
    let whole = part.chars().count();
    for (i, _) in part.char_indices() {
        let rest = &part[i..];
        if NOT_NAME_SET.contains(rest) {
            return None;
        }
        // "陽翔くん": a one-kanji name at the end of a longer run is too short a guess;
        // the run as a whole is tried below.
        if whole >= 2 && rest.chars().nth(1).is_none() {
            break;
        }
        // A family and a given name together, unless the rest after the first
        // character is a family name ("昨日田中さん": "日田中" is "田中" after "日").
        let full = || {
            full_name(rest, g, 2)
                && !rest
                    .char_indices()
                    .nth(1)
                    .is_some_and(|(k, _)| is_family(&rest[k..], g))
        };
        if is_family(rest, g) || is_given(rest, g) || full() {
            return Some(spaced_family_before(t, a + i, g).unwrap_or(a + i));
        }
    }
    let chars = part.chars().count();
    let ends_badly = part
        .chars()
        .last()
        .is_some_and(|c| NON_NAME_ENDINGS.contains(&c));
    if let Some(s) = spaced_family_before(t, a, g) {
        return Some(s);
    }
    // "裏辻 宗和先生": two unlisted runs of kanji, a space between them. Not before 殿,
    // which ends the names of halls and mausoleums as often ("瑞鳳殿").
    ((2..=3).contains(&chars) && !ends_badly && !t[end..].starts_with('殿'))
        .then(|| spaced_run_before(t, a).unwrap_or(a))
}

/// The start of a run of two or three kanji, no word or role, before a space at `a`:
/// an unlisted family name ("裏辻 宗和先生").
fn spaced_run_before(t: &str, a: usize) -> Option<usize> {
    let start = han_run_before_space(t, a)?;
    let run = &t[start..a - 1];
    ((2..=3).contains(&run.chars().count())
        && !run.ends_with(NON_NAME_ENDINGS)
        && !NOT_NAME_SET.contains(run)
        && !cues().ends(run))
    .then_some(start)
}

/// The start of the run of kanji that ends right before a space at `a`, if there is one.
fn han_run_before_space(t: &str, a: usize) -> Option<usize> {
    let before = t[..a].strip_suffix(' ')?;
    before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_han(c))
        .last()
        .map(|(k, _)| k)
}

/// "田中 颯汰様": a family name and a space before the given name at `a`.
/// The family name may follow a role word in the same run: "新郎山本 大和様".
fn spaced_family_before(t: &str, a: usize, g: &Gazetteers) -> Option<usize> {
    let start = han_run_before_space(t, a)?;
    let run = &t[start..a - 1];
    run.char_indices()
        .find(|&(k, _)| {
            is_family(&run[k..], g) && (k == 0 || ROLES.iter().any(|r| ends_with(&run[..k], r)))
        })
        .map(|(k, _)| start + k)
}

/// "山田 太郎": a family-name run, one space, a given-name run. With a title or a
/// honorific after the given name ("松浦 健二医師", "久我山 紗英先生"), one of the two
/// listed is enough.
fn spaced_name(t: &str, a: usize, b: usize, g: &Gazetteers) -> Option<Cand> {
    let family = &t[a..b];
    let rest = t[b..].strip_prefix(' ')?;
    let run_len = rest
        .char_indices()
        .find(|&(_, c)| !is_han(c))
        .map_or(rest.len(), |(k, _)| k);
    let run = &rest[..run_len];
    if is_family(family, g) && is_given(run, g) {
        return Some(Cand::new(a, b + 1 + run_len, Label::Person));
    }
    // "岡本 るり子様", "真壁 ゆり子さん": a given name in hiragana ending in a kanji that
    // ends many names, after a listed family name.
    if run_len == 0 && rest.starts_with(is_hiragana) && is_family(family, g) {
        let kana = rest
            .char_indices()
            .find(|&(_, c)| !is_hiragana(c))
            .map_or(rest.len(), |(k, _)| k);
        if let Some(last) = rest[kana..].chars().next()
            && (3..=9).contains(&kana)
            && matches!(last, '子' | '美' | '代' | '江' | '恵')
            && !rest[kana + last.len_utf8()..].starts_with(is_han)
        {
            let end = b + 1 + kana + last.len_utf8();
            return Some(Cand::new(a, end, Label::Person));
        }
    }
    // "木村 健太様宛て": the addressee mark, then a title or a honorific (the longest).
    let addressed = run.ends_with('宛');
    let run = run.strip_suffix('宛').unwrap_or(run);
    let title = TITLES_AFTER
        .iter()
        .chain(&["先生", "様", "氏", "殿", "監督", "博士", "選手", "師"])
        .filter(|w| run.len() > w.len() && ends_with(run, w))
        .max_by_key(|w| w.len());
    let given = title.map_or(run, |w| &run[..run.len() - w.len()]);
    // "岩崎 宗一郎 師範", "原田 真理 様": a title or a honorific after a space, too.
    let after = &rest[run_len..];
    let spaced_title = || {
        after.strip_prefix([' ', '\u{3000}']).is_some_and(|a| {
            honorific_at(a).is_some()
                || TITLES_AFTER
                    .iter()
                    .filter(|w| !matches!(**w, "宛" | "直通"))
                    .any(|w| starts_with(a, w))
        })
    };
    let titled = title.is_some() || honorific_at(after).is_some() || spaced_title();
    if honorific_at(given).is_some() {
        return None;
    }
    let chars = |s: &str| s.chars().count();
    // An unlisted family name: two or three kanji, no honorific among them.
    let family_ok = is_family(family, g)
        || ((2..=3).contains(&chars(family))
            && !family.contains(['様', '殿', '氏', '君'])
            // "故高橋 正男様": "the late" is no part of the name.
            && !family.starts_with('故')
            && !NOT_NAME_SET.contains(family));
    // "小鳥遊 葵（たかなし あおい）": a family name no list holds and a given name,
    // read out in kana as two words, the second a given name, vouch for each other;
    // so do a listed family name and a given name no list holds ("柴崎 紬（しばさき
    // つむぎ）").
    let read_out = || {
        (1..=4).contains(&chars(family))
            && (1..=3).contains(&chars(given))
            && !NOT_NAME_SET.contains(family)
            && bracket_after(t, b + 1 + run_len, 40).is_some_and(|r| {
                two_kana_words(r)
                    && (is_family(family, g)
                        || r.split(' ').nth(1).is_some_and(|w| g.kana_given(w)))
            })
    };
    let named = ((title.is_some() || addressed) && is_family(family, g) && is_given(given, g))
        || read_out()
        || (titled
            && family_ok
            && (1..=3).contains(&chars(given))
            && (is_given(given, g) || (is_family(family, g) && chars(given) >= 2)))
        // "所長の鳴海 拓真が": after a cue, a listed family name vouches for the given.
        || (is_family(family, g)
            && (1..=3).contains(&chars(given))
            && !NOT_NAME_SET.contains(given)
            // "## 講師紹介：石川 遼子": after a label, too.
            && (cue_before(t, a) || labelled(t, a)));
    named.then(|| Cand::new(a, b + 1 + given.len(), Label::Person))
}

/// Where a family name that ends in the kanji run at `a` starts: before a kanji or two
/// and the small katakana that joins them to the run ("一ノ瀬", "八ヶ代"), which
/// cuts the run in two; else at `a`.
fn joined_family_start(t: &str, a: usize) -> usize {
    let Some(head) = t[..a].strip_suffix(['ノ', 'ヶ', 'ケ']) else {
        return a;
    };
    let kanji = head.chars().rev().take_while(|&c| is_han(c)).count();
    if (1..=2).contains(&kanji) {
        head.char_indices()
            .rev()
            .nth(kanji - 1)
            .map_or(a, |(k, _)| k)
    } else {
        a
    }
}

/// Whether `reading` is two words of kana, as a family and a given name read out
/// ("たかなし あおい", "ワタヌキ アカリ"): one to six characters each, of one script.
fn two_kana_words(reading: &str) -> bool {
    two_words(reading, |w| {
        (1..=6).contains(&w.chars().count())
            && (w.chars().all(is_hiragana) || w.chars().all(|c| is_katakana(c) && c != '・'))
    })
}

/// Whether `s` is two words parted by one space, each as `word` says.
fn two_words(s: &str, word: impl Fn(&str) -> bool) -> bool {
    s.split_once(' ')
        .is_some_and(|(f, g)| !g.contains(' ') && word(f) && word(g))
}

fn is_family(s: &str, g: &Gazetteers) -> bool {
    s.len() <= g.ja_family_max && g.ja_family.contains_key(s)
}

fn is_given(s: &str, g: &Gazetteers) -> bool {
    s.len() <= g.ja_given_max && g.ja_given.contains_key(s)
}

/// Whether `s` is a given name that is also a common noun ("結果", "光"): alone, it
/// needs a cue that names a person.
fn given_word(s: &str, g: &Gazetteers) -> bool {
    g.ja_given.get(s) == Some(true)
}

/// Family + given name with at least `min_chars` characters in all.
fn full_name(s: &str, g: &Gazetteers, min_chars: usize) -> bool {
    if s.len() > g.ja_family_max + g.ja_given_max || s.chars().nth(min_chars - 1).is_none() {
        return false;
    }
    // "江戸時代", "大正時代": an era is no given name.
    s.char_indices().skip(1).any(|(k, _)| {
        is_family(&s[..k], g)
            && is_given(&s[k..], g)
            && !s[k..].ends_with(NON_NAME_ENDINGS)
            && !matches!(&s[k..], "時代" | "世代" | "年代")
    })
}

/// "受付：高橋", "会計: 小林": a Japanese label and a colon, as in a staff list, before a
/// kanji name (a katakana word after a label is seldom one: "夜間：フロント").
/// Not after a label of a room, a place or a thing ("**会議室：** 一葉（6名）", "車両：").
/// Also "| 担当者 | 石井 |" ([`role_row`]).
fn labelled(t: &str, a: usize) -> bool {
    let head = t[..a].trim_end_matches(' ');
    if head.ends_with('|') {
        return role_row(t, a);
    }
    // Labels aligned in a block ("点検員   : 石井") hold spaces before the colon.
    let Some(label) = head
        .strip_suffix(['：', ':', '】'])
        .map(|l| l.trim_end_matches(' '))
    else {
        return false;
    };
    let thing = label.ends_with(['室', '場', '館', '両', '車', '品', '物', '号'])
        || [
            "店名",
            "会場名",
            "商品名",
            "部屋名",
            "施設名",
            "プラン名",
            "コース名",
            // Labels of places: "行程：京都（3泊）".
            "行程",
            "目的地",
            "出発地",
            "開催地",
            "行き先",
            "所在地",
            "住所",
            "出身",
            "最寄り駅",
            "エリア",
            "地域",
            // Rooms and varieties named after someone ("部屋：漱石", "品種：佐藤錦").
            "部屋",
            "ルーム",
            "品種",
            "銘柄",
            // Horses ("担当馬：ハナコ", "騎乗馬：ジョージ", "使用馬：花子").
            "馬",
        ]
        .iter()
        .any(|w| label.ends_with(w));
    label
        .chars()
        .next_back()
        .is_some_and(|c| is_han(c) || is_katakana(c) || is_hiragana(c))
        && !thing
}

/// Whether the name at `a` fills a table's row whose first cell names a role: "| 検査員 |
/// 早乙女 |", "| 副店長 | ジャマル |".
fn role_row(t: &str, a: usize) -> bool {
    crate::table::row_label(t, a).is_some_and(|label| cues().ends(label) || calling(label))
}

/// Whether a cue or a role word ends the text before `a` (with a particle, a colon or
/// a space after it): "担当の", "受付：", "インストラクターの".
pub(crate) fn cue_before(t: &str, a: usize) -> bool {
    let before =
        t[..a].trim_end_matches([' ', '\u{3000}', 'の', 'は', 'が', ':', '：', 'も', '「']);
    // "紫式部の間": a room named after someone, not a department's staff.
    let room = || t[..a].ends_with('の') && t[a..].starts_with('間');
    // A calling known by its form, then a particle, then a name of two kanji or more
    // or one katakana word: "技術者の中西", "点検員のアフマド"; not "利用者ポータル",
    // "会員が登った", nor a full name with ・ ("創業者のエンツォ・フェラーリ", a founder's
    // as often). The name (and a given name after a space) acts, is said to be or is
    // sent, or its reading follows: "が", "は", "です", "より", "から", "を", "（".
    let called = || {
        let kanji = t[a..].chars().take(2).all(is_han);
        let name = if kanji {
            after_kanji_name(&t[a..])
        } else {
            t[a..].trim_start_matches(|c: char| is_katakana(c) || c == 'ー')
        };
        // Two katakana or more: six bytes.
        let kana = !kanji && t.len() - name.len() - a >= 6;
        t[..a].ends_with(['の', 'は', 'が'])
            && (kanji || kana)
            && ["が", "は", "です", "より", "から", "を", "（"]
                .iter()
                .any(|p| name.starts_with(p))
            && calling(before)
    };
    // The firm's own people: "弊社の堀江より", "当社の中村 蒼が"; a listed family name,
    // as the firm's products follow those words too ("弊社のクリアライトは", "当社の式場").
    let ours = || {
        (t[..a].ends_with("弊社の") || t[..a].ends_with("当社の")) && {
            let family = &t[a..t.len() - t[a..].trim_start_matches(is_han).len()];
            ["が", "は", "より", "から"]
                .iter()
                .any(|p| after_kanji_name(&t[a..]).starts_with(p))
                && is_family(family, Gazetteers::get())
        }
    };
    // Not all or each of them: "全隊員が", "各担当者が".
    let cued = || {
        cues()
            .longest(before)
            .is_some_and(|w| !before[..before.len() - w.len()].ends_with(['全', '各']))
    };
    cued()
        || called()
        || ours()
        || json_name_key(&t[..a])
        || (department_before(&t[..a]) && !room())
}

/// What follows a name in kanji that opens `s`: a family name, and a given name after
/// one space ("中村 蒼が" → "が").
fn after_kanji_name(s: &str) -> &str {
    let n = s.trim_start_matches(is_han);
    n.strip_prefix([' ', '\u{3000}'])
        .map_or(n, |r| r.trim_start_matches(is_han))
}

/// Whether `t[s..e]` is the name an assistant introduces itself by: "AIアシスタントの
/// **ミライ**です", "収納アシスタントのハルです", "…のAIアシスタント、こむぎです" (the
/// emphasis gone). No labelled reply holds a person so; the reply's writer is the
/// assistant.
pub(crate) fn assistants_own(t: &str, s: usize, e: usize) -> bool {
    let head = t[..s].trim_end_matches('「');
    (head.ends_with("アシスタントの") || head.ends_with("アシスタント、"))
        && t[e..].trim_start_matches('」').starts_with("です")
}

/// Whether `before` ends in a calling no list holds, by its form: a compound of kanji
/// ending in 者, 員, 師 or 士 ("技術者の中西が", "担当の鍵師は源田です", "収集員は大森です"),
/// or 担当 and a katakana word ("担当アドバイザーの村瀬が"). Not 富士, 紳士, nor all or
/// each of a kind (全員, 全隊員), which name no one's work, nor 博士, a title of learning.
fn calling(before: &str) -> bool {
    let mut cs = before.chars().rev();
    let (Some(last), Some(prev)) = (cs.next(), cs.next()) else {
        return false;
    };
    if matches!(last, '者' | '員' | '師' | '士') {
        // The compound the calling ends: not all or each of them ("全隊員", "各担当者").
        let word = before.trim_end_matches(is_han);
        let compound = &before[word.len()..];
        return is_han(prev)
            && !compound.starts_with(['全', '各'])
            && !["富士", "紳士", "満員", "定員", "欠員", "博士"]
                .iter()
                .any(|w| before.ends_with(w));
    }
    let kana = before.trim_end_matches(|c: char| is_katakana(c) || c == 'ー');
    kana.len() < before.len() && kana.ends_with("担当")
}

/// Last words of a department's name.
#[rustfmt::skip]
const DEPARTMENT_ENDS: &[&str] = &[
    "課", "部", "室", "係", "センター", "サポート", "デスク", "窓口", "事務局",
];

/// Whether `head` ends in a department and one space or "の", as a hand-over or a
/// signature names the person after it: "技術サポート課 グエン", "経営企画室 長谷川",
/// "サポートセンター ファン・デル・ベルフ", "損害サービス課の佐々木より".
fn department_before(head: &str) -> bool {
    let Some(h) = head.strip_suffix([' ', '\u{3000}', 'の']) else {
        return false;
    };
    // A classroom is a school's ("茶道教室 和心"), not a department.
    DEPARTMENT_ENDS.iter().any(|d| h.ends_with(d)) && !h.ends_with("教室")
}

/// Whether `head` ends in the key of a name in JSON, before its value's opening quote:
/// `{"name": "`, `"customer_name":"`, `"氏名": "`.
fn json_name_key(head: &str) -> bool {
    let Some(key) = head
        .strip_suffix('"')
        .map(|h| h.trim_end_matches([' ', ':']))
        .and_then(|h| h.strip_suffix('"'))
    else {
        return false;
    };
    [
        "name",
        "full_name",
        "customer_name",
        "contact_name",
        "contact",
        "氏名",
        "名前",
        "お名前",
    ]
    .iter()
    .any(|k| key.strip_suffix(k).is_some_and(|r| r.ends_with('"')))
}

/// Words after a bare family name that show a person acting: "林が担当いたします",
/// "加藤までお気軽に", "近藤からの折り返し".
fn acts_after(t: &str, b: usize) -> bool {
    // "管理者の **石田** までご連絡": emphasis, folded away, leaves a space before the
    // particle.
    let rest = t[b..]
        .strip_prefix(' ')
        .filter(|r| {
            ["まで", "から", "より", "が"]
                .iter()
                .any(|p| r.starts_with(p))
        })
        .unwrap_or(&t[b..]);
    // "岡田まで、0422-55-8899にて": to the person at a phone number.
    if let Some(number) = rest
        .strip_prefix("まで")
        .and_then(|r| r.strip_prefix(['、', '（', '(', ' ']))
    {
        let near = &number[..crate::text::floor_boundary(number, 24)];
        let digits = near
            .chars()
            .filter(|&c| crate::text::is_any_digit(c))
            .count();
        if near.starts_with(['0', '０', '+', '＋']) && digits >= 9 {
            return true;
        }
    }
    // "佐藤までsato＠flower-miyabi.jpで": to the person at an e-mail address.
    if let Some(address) = rest.strip_prefix("まで") {
        let near = &address[..crate::text::floor_boundary(address, 40)];
        let local =
            near.trim_start_matches(|c: char| c.is_ascii_alphanumeric() || ".-_+".contains(c));
        if local.len() < near.len() && local.starts_with(['@', '＠']) {
            return true;
        }
    }
    let rest = crate::text::strip_any(rest, &["が", "から", "より", "まで", "に", "へ", "と"])
        .unwrap_or(rest);
    // "- **名古屋：** 10月5日": a date after a colon labels a day, not a person's
    // contact.
    if let Some(value) = rest.strip_prefix(['：', ':']) {
        // "- **名古屋**：名駅エリア": a place labels what is there.
        let word = t[..b].trim_end_matches(|c: char| is_han(c) || c == 'の');
        if super::places::is_ja_place(&t[word.len()..b]) {
            return false;
        }
        let value = value.trim_start_matches([' ', '*', '\u{3000}']);
        let digits = value.len() - value.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits > 0 && value[digits..].starts_with(['月', '年', '日', '/']) {
            return false;
        }
    }
    ACTS.iter().any(|v| starts_with(rest, v))
}

/// Duties a person takes on later in the sentence: "アデバヨ・オラミデがタイヤ交換を担当".
const DUTIES: &[&str] = &[
    "担当",
    "対応",
    "同席",
    "通訳",
    "ご案内",
    "承り",
    "お送り",
    "ご連絡",
    "ご返信",
    "お迎え",
    // Leave and moves only staff take: "伊集院が休職に入ったため".
    "休職",
    "退職",
    "異動",
    "着任",
    "産休",
    "育休",
];

/// "…が…担当いたしました", "伊藤より明朝ご連絡": `が`, `は`, `より` or `から` after
/// `b`, then a duty before the sentence ends (within the window the detectors see).
fn duty_after(t: &str, b: usize) -> bool {
    let Some(rest) = crate::text::strip_any(&t[b..], &["が", "は", "より", "から"]) else {
        return false;
    };
    // "仁川からの便の到着後にお迎えします": where a flight or a train comes from.
    if ["の便", "のフライト", "の直行便", "の列車", "の新幹線"]
        .iter()
        .any(|w| rest.starts_with(w))
    {
        return false;
    }
    // The sentence, within 90 bytes (thirty characters).
    let near = &rest[..crate::text::floor_boundary(rest, 90)];
    let sentence = near.split(['。', '、', '！', '？']).next().unwrap_or(near);
    DUTIES.iter().any(|d| sentence.contains(d))
}

/// "スタッフのまゆから", "スタイリストのひかるで": a kana given name after a run that
/// ends in a staff role or a cue, and `の`, `は`, a colon or a space ("ネイリスト あかり"),
/// or nothing ("衛生士あかりと").
fn kana_after_role(t: &str, r: &Run, g: &Gazetteers, out: &mut Vec<Cand>) {
    let after = &t[r.e..];
    // "衛生士あかりと": right after a staff role, too.
    let skip = ["の", "：", ":", "は", " "]
        .iter()
        .find(|p| after.starts_with(**p))
        .copied()
        .unwrap_or("");
    let colon = matches!(skip, "：" | ":");
    // "**受付：** みお": emphasis folded away leaves a space after the colon.
    let spaced = colon && after[skip.len()..].starts_with(' ');
    let start = r.e + skip.len() + usize::from(spaced);
    // Most runs have no hiragana after them: that settles it before the cues.
    if !t[start..].starts_with(crate::text::is_hiragana) {
        return;
    }
    // Glued to the run, a particle goes on the sentence ("名前にちなんで"), not a name.
    if skip.is_empty()
        && t[start..].starts_with(['に', 'は', 'が', 'を', 'で', 'と', 'の', 'も', 'へ'])
    {
        return;
    }
    // After a colon, any label will do ("施術者：ちひろ（…）").
    if !(cues().ends(&t[r.s..r.e]) || (colon && r.han)) {
        return;
    }
    // A family name in hiragana ("スタッフのたかはしが", "講師はまるやまです") or a given
    // name, whichever is longer.
    let given = kana_given_after(t, start, g).map(|(end, _)| end);
    if let Some(end) = given.max(kana_family_after(t, start, g)) {
        // "スタイリストはさくらです": after "は", the name must be what the role is.
        let is = ["です", "でございます"]
            .iter()
            .any(|v| t[end..].starts_with(v));
        if skip != "は" || is {
            out.push(Cand::new(start, end, Label::Person));
        }
    }
}

/// The end of a family name of three to five hiragana at `b` ("たかはし") that a
/// particle or punctuation ends, the longest there is.
fn kana_family_after(t: &str, b: usize, g: &Gazetteers) -> Option<usize> {
    let rest = &t[b..];
    if greeting(rest) {
        return None;
    }
    rest.char_indices()
        .take_while(|&(_, c)| crate::text::is_hiragana(c))
        .skip(2)
        .take(3)
        .map(|(k, c)| k + c.len_utf8())
        .filter(|&e| {
            let (name, after) = rest.split_at(e);
            !KANA_NOT_NAMES.contains(&name)
                && g.kana_family(name)
                && AFTER_KANA_NAME.iter().any(|p| starts_with(after, p))
        })
        .last()
        .map(|e| b + e)
}

/// Whether `rest` opens with a greeting or thanks in hiragana ("ご指名ありがとう
/// ございます": no "ありが" and "と").
fn greeting(rest: &str) -> bool {
    [
        "ありがとう",
        "おめでとう",
        "よろしく",
        "おはよう",
        "こんにちは",
        "こんばんは",
        "おつかれ",
    ]
    .iter()
    .any(|w| rest.starts_with(w))
}

/// "杉山 さくらさん": a family name, a space, a kana given name, a honorific.
fn spaced_kana_given(t: &str, a: usize, b: usize, g: &Gazetteers) -> Option<Cand> {
    let rest = t[b..].strip_prefix(' ')?;
    let kana_len: usize = rest
        .chars()
        .take_while(|&c| crate::text::is_hiragana(c) || is_katakana(c))
        .map(char::len_utf8)
        .sum();
    let kana = &rest[..kana_len];
    // "中村 さくら 様": the honorific may stand after a space too; one in kanji ends a
    // given name in hiragana, listed or not ("渡辺 ひなた 様").
    let spaced = || {
        let after = rest[kana_len..].strip_prefix(' ')?;
        let h = honorific_at(after)?;
        (g.kana_given(kana)
            || (kana.starts_with(crate::text::is_hiragana) && h.starts_with(is_han)))
        .then_some(kana)
    };
    // "高橋 ひなた様", "「小林 ひなた」様": a honorific in kanji right after the kana
    // (or after a closing quote) ends a given name, listed or not.
    let kanji_honorific = || {
        let after = &rest[kana_len..];
        let after = after.strip_prefix(['」', '』']).unwrap_or(after);
        (kana.starts_with(crate::text::is_hiragana) && honorific_at(after).is_some())
            .then_some(kana)
    };
    let given = KANA_HONORIFICS
        .iter()
        .find_map(|h| kana.find(h).map(|i| &kana[..i]))
        .or_else(kanji_honorific)
        .or_else(spaced)?;
    let n = given.chars().count();
    let ok = is_family(&t[a..b], g) && (2..=4).contains(&n);
    ok.then(|| Cand::new(a, b + 1 + given.len(), Label::Person))
}

/// A kana given name right after a family name ending at `b` (perhaps after one
/// space), and what shows it ends: its end and whether a honorific follows.
fn kana_given_after(t: &str, b: usize, g: &Gazetteers) -> Option<(usize, bool)> {
    let start = if t[b..].starts_with(' ') { b + 1 } else { b };
    let rest = &t[start..];
    let first = rest.chars().next()?;
    let kana = |c: char| {
        if crate::text::is_hiragana(first) {
            crate::text::is_hiragana(c)
        } else {
            is_katakana(c) && c != '・'
        }
    };
    if !kana(first) || greeting(rest) {
        return None;
    }
    // The longest name of two to four characters that a honorific or a particle ends.
    let mut ends = [0usize; 3];
    let mut count = 0;
    for (k, c) in rest.char_indices().skip(1).take(3) {
        ends[count] = k + c.len_utf8();
        count += 1;
    }
    for &e in ends[..count].iter().rev() {
        let (name, after) = rest.split_at(e);
        if !name.chars().all(kana) || KANA_NOT_NAMES.contains(&name) || !g.kana_given(name) {
            continue;
        }
        // "スタッフのりょうまで": "りょう" and "まで" rather than "りょうま" and "で".
        let short = &name[..name.len() - 'ま'.len_utf8()];
        if name.ends_with('ま')
            && after.starts_with('で')
            && short.chars().nth(1).is_some()
            && g.kana_given(short)
        {
            continue;
        }
        let honorific = honorific_at(after).is_some();
        let ended = after.is_empty() || AFTER_KANA_NAME.iter().any(|p| starts_with(after, p));
        if honorific || ended {
            return Some((start + e, honorific));
        }
    }
    None
}

/// "たなか ゆみ様", "園長のひらの ゆうこまで": a family name in hiragana, a space, and a
/// given name in kana, in `t[lo..hi]`.
pub(crate) fn kana_spaced(t: &str, lo: usize, hi: usize, out: &mut Vec<Cand>) {
    let g = Gazetteers::get();
    let b = t.as_bytes();
    for (k, _) in t[lo..hi].match_indices(' ') {
        let p = lo + k;
        // A space after a hiragana (E3 81 xx or E3 82 xx) and before a kana (E3 81 to
        // E3 83): a byte test before any decoding.
        let kana = |i: usize| b.get(i) == Some(&0xE3) && matches!(b.get(i + 1), Some(0x81..=0x83));
        if p < 3 || !(kana(p - 3) && b[p - 2] != 0x83) || !kana(p + 1) {
            continue;
        }
        let before = &t[..p];
        let (starts, n) = hiragana_starts::<6>(before);
        // The longest family name of two to five characters that opens the run or
        // follows a particle.
        let family = (1..n.min(5)).rev().map(|j| starts[j]).find(|&s| {
            let opens = before[..s]
                .chars()
                .next_back()
                .is_none_or(|c| !crate::text::is_hiragana(c) || "のはがともにを".contains(c));
            s >= lo && opens && g.kana_family(&before[s..])
        });
        if let Some(s) = family
            && let Some((end, _)) = kana_given_after(t, p, g)
        {
            out.push(Cand::new(s, end, Label::Person));
        }
    }
}

/// The starts of the last (up to `N`) hiragana characters that end `before`, nearest
/// first, and how many there are: `starts[j]` starts the last `j + 1` characters.
fn hiragana_starts<const N: usize>(before: &str) -> ([usize; N], usize) {
    let mut starts = [0usize; N];
    let mut n = 0;
    for (i, c) in before.char_indices().rev().take(N) {
        if !crate::text::is_hiragana(c) {
            break;
        }
        starts[n] = i;
        n += 1;
    }
    (starts, n)
}

/// Particles of two kana that may stand right before a name in kana ("からさくら先生").
#[rustfmt::skip]
const PARTICLES_BEFORE_NAME: &[&str] = &["から", "まで", "より", "には", "では", "とは", "にも"];

/// A given name in hiragana right before the honorific at `h` ("ゆうこ先生",
/// "さくらちゃん"), after a particle or anything but hiragana.
fn kana_name_before(t: &str, h: usize, g: &Gazetteers) -> Option<usize> {
    let before = &t[..h];
    // Names of two to four characters.
    let (starts, count) = hiragana_starts::<4>(before);
    for &s in starts[..count].iter().skip(1).rev() {
        let name = &before[s..];
        let opens = before[..s]
            .chars()
            .next_back()
            .is_none_or(|c| !crate::text::is_hiragana(c) || "のはがともに".contains(c))
            || PARTICLES_BEFORE_NAME
                .iter()
                .any(|p| before[..s].ends_with(p));
        let polite = name.starts_with(['お', 'ご']);
        if !opens || polite || KANA_NOT_NAMES.contains(&name) {
            continue;
        }
        // Before くん or ちゃん, kana that open after a particle or the start are a child's
        // name even when no list holds it ("ひなたくん", "ゆうとくん"), unless they
        // are a family word ("あかちゃん") or start with a particle ("…のひなたちゃん" is
        // "ひなた").
        let mark = t[h..].trim_start_matches(' ');
        let diminutive = (mark.starts_with("くん") || mark.starts_with("ちゃん"))
            && !KANA_KIN.contains(&name)
            && !name.starts_with(|c: char| "のはがともにをへでや".contains(c));
        // "さとうさん、こんにちは": a family name of three kana or more before さん or 様,
        // with no kana before it ("たくさん" is a word).
        let family = || {
            (mark.starts_with("さん") || mark.starts_with('様') || mark.starts_with("さま"))
                && name.chars().nth(2).is_some()
                && !before[..s].ends_with(crate::text::is_hiragana)
                && g.kana_family(name)
        };
        if g.kana_given(name) || diminutive || family() {
            return Some(s);
        }
    }
    None
}

/// "| 月 | ひかる |" under "| 曜日 | 担当 |": a listed given name in hiragana filling a
/// cell of a column of people in `t[lo..hi]` (`table` is the table the text before `lo`
/// ends in).
pub(crate) fn kana_cells(t: &str, lo: usize, hi: usize, table: &Table, out: &mut Vec<Cand>) {
    let g = Gazetteers::get();
    for (k, _) in t[lo..hi].match_indices('|') {
        let s = lo + k + 1;
        let s = s + t[s..].len() - t[s..].trim_start_matches(' ').len();
        let e = s + t[s..].len() - t[s..].trim_start_matches(is_hiragana).len();
        let chars = t[s..e].chars().count();
        if (2..=4).contains(&chars)
            && e <= hi
            && g.kana_given(&t[s..e])
            && crate::table::people_cell(table, t, lo, s, e)
        {
            out.push(Cand::new(s, e, Label::Person));
            continue;
        }
        // "| 1 | 森田 陽斗 | GK |" under "| 背番号 | 氏名 |": a listed family name, a space
        // and one to three kanji (a given name no list need hold) filling the cell.
        let f = s + t[s..].len() - t[s..].trim_start_matches(is_han).len();
        let Some(gs) = t[f..]
            .strip_prefix([' ', '\u{3000}'])
            .map(|r| t.len() - r.len())
        else {
            continue;
        };
        let mut ge = gs + t[gs..].len() - t[gs..].trim_start_matches(is_han).len();
        // "| 山本 一郎様 |": the honorific glued to the given name is no part of it.
        if let Some(h) = HAN_HONORIFICS.iter().find(|h| t[gs..ge].ends_with(**h))
            && ge - h.len() > gs
        {
            ge -= h.len();
        }
        if f > s
            && (1..=3).contains(&t[gs..ge].chars().count())
            && ge <= hi
            && is_family(&t[s..f], g)
            && !NOT_NAME_SET.contains(&t[gs..ge])
            // "| 松田 様 |", "| 岩崎 師範 |": a honorific or a title is no given name.
            && honorific_at(&t[gs..ge]).is_none()
            && !TITLES_AFTER.contains(&&t[gs..ge])
            && crate::table::people_cell(table, t, lo, s, ge)
        {
            out.push(Cand::new(s, ge, Label::Person));
        }
    }
}

/// Names in hiragana before the honorifics at `honorifics` (offsets in `t`, each
/// after a hiragana character).
pub(crate) fn kana_names(t: &str, honorifics: &[usize], out: &mut Vec<Cand>) {
    let g = Gazetteers::get();
    for &h in honorifics {
        // "はなちゃんクッキー缶": a name before a product's name names no one (a middle
        // dot, though katakana, parts the name from what is said of it: "まゆみさん・40代").
        let product = crate::detect::marks::KANA_NAME_HONORIFICS
            .iter()
            .find(|w| t[h..].starts_with(**w))
            .is_some_and(|w| t[h + w.len()..].starts_with(|c| is_katakana(c) && c != '・'));
        if product {
            continue;
        }
        if let Some(s) = kana_name_before(t, h, g)
            && !pet_or_bot(t, s, &t[h..])
        {
            // "林 ゆかり先生": the family name before a space belongs to the name.
            let s = spaced_family_before(t, s, g).unwrap_or(s);
            out.push(Cand::new(s, h, Label::Person));
        }
    }
}

/// Given names in hiragana before a honorific set off by a space, in `t[lo..hi]`:
/// "奥様の さゆり 様", "ひなた くん".
pub(crate) fn kana_spaced_honorifics(t: &str, lo: usize, hi: usize, out: &mut Vec<Cand>) {
    let g = Gazetteers::get();
    for (p, _) in t[lo..hi].match_indices(' ') {
        let p = lo + p;
        if !t[..p].ends_with(is_hiragana) {
            continue;
        }
        let marks = crate::detect::marks::KANA_NAME_HONORIFICS.iter();
        let Some((h, after)) = spaced_mark(t, p, marks) else {
            continue;
        };
        if (h.starts_with(is_han) || kana_honorific_ends(after))
            && let Some(s) = kana_name_before(t, p, g)
            && !pet_or_bot(t, s, &t[p..])
        {
            out.push(Cand::new(s, p, Label::Person));
        }
    }
}

/// Looks for a name in the katakana run `t[a..b]`; `joined` when it is two runs joined
/// by a double hyphen ("ジャン＝ピエール").
fn kata_run(t: &str, a: usize, b: usize, joined: bool, g: &Gazetteers, out: &mut Vec<Cand>) {
    // A run may end in the `・` of a list ("大野・マリア・陳"): that is no part of a name.
    let b = a + t[a..b].trim_end_matches('・').len();
    let run = &t[a..b];
    let chars = run.chars().count();
    if chars < 2 {
        return;
    }
    // "ケンコーチ", "マイクトレーナー": a listed name glued to the role it is called by
    // ("ヘッドコーチ" and "ライフコーチ" are words before it).
    for role in ["コーチ", "トレーナー"] {
        if let Some(name) = run.strip_suffix(role)
            && name.chars().nth(1).is_some()
            && (g.katakana(name) == Some(false) || g.kana_given(name))
        {
            out.push(Cand::new(a, a + name.len(), Label::Person));
            return;
        }
    }
    // "ヤマモト ユウキ", "名義：ｽｽﾞｷ ﾊﾅｺ": a family name as read before a space and a
    // listed given name, in katakana (as bank accounts write names) is a full name,
    // also when the family name is a word too (スズキ: the fish, the maker).
    if t[b..].starts_with(' ')
        && g.kana_family(run)
        && let Some((end, _)) = kana_given_after(t, b, g)
    {
        out.push(Cand::new(a, end, Label::Person));
        return;
    }
    let after = &t[b..];
    // "ボルドー大学", "ヒースロー空港", "カリフォルニア州": a place's or a school's name.
    if ["大学", "空港", "駅", "銀行", "大使館", "市", "州"]
        .iter()
        .any(|w| after.starts_with(w))
    {
        return;
    }
    if pet_or_bot(t, a, after) {
        return;
    }
    // "ローマ字", "パリ在住": a place that is no name, before a kanji word.
    if after.starts_with(is_han) && g.is_kata_place(run) && honorific_at(after).is_none() {
        return;
    }
    // "トヨタ・アクア", "ソニー・プレイステーション": a maker and its model; "ドメーヌ・
    // タカヒコ", "サン・ジュリアン": a winery, a house or a saint's place.
    // "ポルシェ・フェラーリのお取り扱い", "ロールス・ロイス": makers alone.
    if is_kata_maker(run) || run.split('・').all(is_kata_maker) {
        return;
    }
    if run.split_once('・').is_some_and(|(maker, _)| {
        is_kata_maker(maker)
            || matches!(
                maker,
                "ドメーヌ"
                    | "シャトー"
                    | "メゾン"
                    | "サン"
                    | "サント"
                    | "ピノ"
                    | "テヌータ"
                    | "キンタ"
            )
    }) {
        return;
    }
    // "ラモス・ジン・フィズ", "アンゴスチュラ・ビターズ", "ゴードン・セター", "ビッグ
    // ディッパー・バーガー": drinks, breeds and dishes named like people.
    if run.split('・').any(|p| KATA_THINGS.contains(&p))
        || KATA_THING_ENDS.iter().any(|w| run.ends_with(w))
    {
        return;
    }
    // "イタリア・パルマ": a country and a town; "ハーラン・エステート", "リオハ・レセルバ": a
    // winery's or a wine's word last.
    if run.split_once('・').is_some_and(|(first, _)| {
        matches!(
            first,
            "イタリア"
                | "フランス"
                | "ドイツ"
                | "スペイン"
                | "イギリス"
                | "アメリカ"
                | "スイス"
                | "オーストリア"
                | "ポルトガル"
                | "ベルギー"
                | "オランダ"
                | "カナダ"
        )
    }) || run.rsplit_once('・').is_some_and(|(_, last)| {
        matches!(
            last,
            "エステート" | "ワイナリー" | "セラーズ" | "レセルバ" | "ヴィンヤード" | "マスターズ"
        )
    }) {
        return;
    }
    // "**イ・ソヨン** さん", "| グエン・ティ・ラン 先生 |": a honorific may stand after a
    // space too.
    let spaced = after.strip_prefix(' ').unwrap_or(after);
    // "ご予約名は「ヨシダ」様": a name as read, in quotes, the honorific after them (not
    // a pet's "「モモ」ちゃん").
    let quoted = || {
        quoted_honorific(t, a, b).is_some_and(|h| matches!(h, "様" | "さま" | "氏"))
            && (g.kana_family(run) || g.katakana(run) == Some(false))
    };
    // "ハリス 恵美様": or after the given name that a space sets after it.
    let honoured_given = || {
        let end = spaced_kata_after(t, b, g);
        end > b && honorific_at(&t[end..]).is_some()
    };
    let honorific = (honorific_at(spaced).is_some() && !spaced.starts_with("様式"))
        || quoted()
        || honoured_given();
    // A name of parts joined by `・` ("ワン・リー", "アンナ・コヴァルスカ") is a person when
    // none of its parts is a common word, or when a cue comes before it or an act after it.
    let dotted = joined || run.contains('・');
    let shaped = if dotted { dotted_name(run, g) } else { None };
    // A common word ("カウンター", "カレンダー") after a cue is no name.
    let word = !dotted && g.katakana(run) == Some(true);
    // A two-character name after a cue must be a listed one ("担当はミキです"), and not
    // in quotes, as pets' and bots' names are ("お名前は「モモ」ちゃん").
    let listed = !t[..a].ends_with('「') && (g.katakana(run) == Some(false) || g.kana_given(run));
    // "担当（ハナ）まで", "英語対応スタッフ（エミリー）が": a listed name alone in brackets
    // after a cue; not the script a form asks for ("口座名義（カナ）").
    let bracketed = || {
        listed
            && run != "カナ"
            && !g.is_kata_place(run)
            && t[b..].starts_with(['）', ')'])
            && t[..a]
                .strip_suffix(['（', '('])
                .is_some_and(|h| cues().ends(h))
    };
    let named = honorific
        || (!word && (chars >= 3 || dotted || listed) && (cue_before(t, a) || role_row(t, a)))
        || bracketed()
        || (!word
            && (role_note_after(t, b) || duty_next(t, b) || role_cell_after(t, a, b))
            && (listed || chars >= 3))
        // ("- シャンプー・リンス：ミキモト" lists things: a part is a common word of three
        // characters or more, and none a listed name; "ワン・リー" and "オリバー・グリーン"
        // are people.)
        || (dotted
            && !things_joined(run, g)
            && (acts_after(t, b) || duty_after(t, b)))
        // "エミリーまでお気軽に": a listed name (no word) before an act.
        || (!dotted && chars >= 3 && g.katakana(run) == Some(false) && acts_after(t, b))
        || (shaped.is_some() && !compound_after(t, b))
        || ((dotted || g.katakana(run) == Some(false))
            && (contact_after(t, b) || after_contact(t, a, b)))
        || (!dotted && g.katakana(run) == Some(false) && labelled(t, a));
    // "ｲｯﾊﾟﾝｻﾞｲﾀﾞﾝﾎｳｼﾞﾝ", "カブシキガイシャ": a legal entity spelt in katakana, as
    // bank accounts spell a company's name, holds no person's name.
    let entity = || {
        ["ホウジン", "ガイシャ", "カイシャ", "クミアイ"]
            .iter()
            .any(|w| run.contains(w))
    };
    // "ガイドさん", "トリマーさん": a role, not a name.
    if named && !kata_not_names().ends(run) && !is_role(run) && !entity() {
        // "アンナ ペトロワ様": a katakana given name before a space belongs to the name.
        let start = match shaped {
            Some(k) => a + k,
            None if honorific => spaced_kata_before(t, a, g),
            None => a,
        };
        out.push(Cand::new(start, spaced_kata_after(t, b, g), Label::Person));
    }
}

/// Whether `w` is one of [`KATA_MAKERS`], looked up in a hash set: every katakana run
/// asks, and many makers are longer than a [`WordSet`] holds.
fn is_kata_maker(w: &str) -> bool {
    type Set = std::collections::HashSet<&'static str, std::hash::BuildHasherDefault<Fnv>>;
    static SET: OnceLock<Set> = OnceLock::new();
    SET.get_or_init(|| KATA_MAKERS.iter().copied().collect())
        .contains(w)
}

/// Makers whose name comes before a model's after a middle dot ("トヨタ・ヤリス"), and
/// makers named alone ("ポルシェ", "ロールス・ロイス"). スズキ is left out: it is a family
/// name as often; so are makers' words that are given names alone (メルセデス, ロイス).
#[rustfmt::skip]
const KATA_MAKERS: &[&str] = &[
    "トヨタ", "ホンダ", "ニッサン", "マツダ", "スバル", "ダイハツ", "レクサス", "ミツビシ", "ソニー",
    "パナソニック", "シャープ", "キヤノン", "ニコン", "アップル", "ナイキ", "アディダス", "ヤマハ",
    "ミズノ", "アシックス", "ミキモト", "ユニクロ", "ポルシェ", "フェラーリ", "ロールス・ロイス",
    "アストンマーティン", "ランボルギーニ", "マセラティ", "ベントレー", "ジャガー",
    "メルセデス・ベンツ", "ベンツ", "フォルクスワーゲン", "ルノー", "プジョー", "シトロエン", "ボルボ",
    "アウディ", "フィアット", "テスラ", "マクラーレン", "ヒュンダイ", "シボレー", "キャデラック",
    "クライスラー",
];

/// Whether the word at `t[s..e]` names a team ("チーム桜", "チームみなと") or a vehicle's
/// plate ("品川 300 ね 81-02": an office's place, a class number and a kana), not a
/// person.
pub(crate) fn is_team_or_plate(t: &str, s: usize, e: usize) -> bool {
    // "チーム桜", "チーム「ハリーの手錠軍団」".
    if t[..s].ends_with("チーム") || t[..s].ends_with("チーム「") {
        return true;
    }
    let b = &t.as_bytes()[e..];
    let digits = b.iter().skip(1).take_while(|d| d.is_ascii_digit()).count();
    b.first() == Some(&b' ')
        && (2..=3).contains(&digits)
        && t[e + 1 + digits..]
            .strip_prefix(' ')
            .and_then(|r| r.chars().next().map(|c| (c, &r[c.len_utf8()..])))
            .is_some_and(|(c, r)| is_hiragana(c) && r.starts_with(' '))
}

/// Whether the name at `t[s..e]` is a company's, after a company's legal form that
/// opens its name ("株式会社ブライトウェル様", "（株）サンライズ様"); not after one that
/// ends a company's name before its staff ("北央保険サービス株式会社 村上 拓也 宛").
pub(crate) fn is_firm(t: &str, s: usize) -> bool {
    let before = t[..s].trim_end_matches([' ', '\u{3000}']);
    // "合同会社ウー＆パートナーズ様": a partner after "&" in a company's name.
    let before = before.strip_suffix(['&', '＆']).map_or(before, |h| {
        h.trim_end_matches(|c: char| is_katakana(c) || c == 'ー')
    });
    [
        "株式会社",
        "有限会社",
        "合同会社",
        "合資会社",
        "（株）",
        "(株)",
        "（有）",
        "(有)",
        "㈱",
        "㈲",
    ]
    .iter()
    .filter_map(|f| before.strip_suffix(f))
    .any(|head| {
        !head
            .chars()
            .next_back()
            .is_some_and(|c| is_han(c) || is_katakana(c) || c.is_ascii_alphanumeric())
    })
}

/// Whether the one kanji at `t[s..e]` and the 氏 after it are a temperature scale's
/// name ("摂氏（℃）", "華氏100度"), not a family name and its honorific.
pub(crate) fn temperature_scale(t: &str, s: usize, e: usize) -> bool {
    matches!(&t[s..e], "摂" | "華") && t[e..].starts_with('氏')
}

/// Whether the name at `t[s..e]` is part of a place's name or a stop's: before ヶ or
/// ノ and two kanji ("桜ヶ丘公園", "上総一ノ宮駅"), before バス停, IC or JCT, a road
/// before "・" ("長野道・"), in 「」 before で下車
/// (「清水道」で下車), after ヶ and kanji ("桜ヶ丘"), or after a prefecture and a space
/// with no honorific after it ("栃木県 那須": not "東京都 田中様"); a mountain before its
/// height ("斜里岳（1,547m）"), a place with 殿 inside ("岩殿山"), a street ("寺町通"); or
/// 文 before 様 (文様, a pattern).
pub(crate) fn place_part(t: &str, s: usize, e: usize) -> bool {
    let after = &t[e..];
    let mut next = after.chars();
    if next
        .next()
        .is_some_and(|c| matches!(c, 'ヶ' | 'ケ' | 'ヵ' | 'ノ'))
        && next.next().is_some_and(is_han)
    {
        return true;
    }
    if after.starts_with("バス停") || after.starts_with("」で下車") {
        return true;
    }
    // "塩尻ICから", "長野道・塩尻IC": an interchange and its road.
    if ["IC", "JCT", "インター"]
        .iter()
        .any(|w| after.starts_with(w))
        || (t[s..e].ends_with('道') && after.starts_with('・'))
    {
        return true;
    }
    // "斜里岳（1,547m）", "大山（1,252m）": a mountain before its height.
    // Brackets may be folded to ASCII here.
    if let Some(r) = after.strip_prefix(['（', '(']) {
        let digits = r.trim_start_matches(|c: char| c.is_ascii_digit() || c == ',');
        if digits.len() < r.len() && digits.starts_with(['m', 'ｍ']) {
            return true;
        }
    }
    // "岩殿山": 殿 inside a place's name, not a honorific (not "殿宛"); "寺町通": a
    // street.
    if after
        .strip_prefix('殿')
        .is_some_and(|r| r.starts_with(['山', '町', '村', '川', '谷', '坂', '橋']))
        || t[s..e].ends_with('通')
    {
        return true;
    }
    // "ホテル桜ヶ丘様": after ヶ and kanji; "代表的な文様": a pattern, not 文 and 様 (but
    // "綾瀬 文様" is someone).
    let mut back = t[..s].chars().rev();
    if back.next().is_some_and(|c| matches!(c, 'ヶ' | 'ケ' | 'ヵ'))
        && back.next().is_some_and(is_han)
        || (t[s..e].ends_with('文') && !t[s..e].contains(' ') && after.starts_with('様'))
    {
        return true;
    }
    // The detectors see U+3000 folded to a space.
    t[..s].strip_suffix(' ').is_some_and(|b| {
        b.ends_with(['県', '都', '府', '道'])
            && super::places::PREFECTURES.iter().any(|p| b.ends_with(p))
    }) && honorific_at(after.trim_start_matches(' ')).is_none()
}

/// Whether a name in kanji ending at `e` goes on in hiragana that only ends a word
/// ("着付け", "人見知り", "長く"): no particle or honorific after a name opens so.
pub(crate) fn okurigana_after(t: &str, s: usize, e: usize) -> bool {
    /// Hiragana that go on a word and open no particle or honorific.
    const ENDINGS: &str = "けりみきえげべめれうむるろぎびぶぐ";
    t[s..e].chars().next_back().is_some_and(is_han)
        && t[e..]
            .chars()
            .next()
            .is_some_and(|c| ENDINGS.contains(c) || (c == 'く' && !t[e..].starts_with("くん")))
}

/// Whether a name in hiragana alone at `t[s..e]` starts right after a kanji, as the end
/// of a word does ("お申し込みは先生に": "みは" before 先生 ends 込み and opens は); not
/// after a role ("衛生士あかりと").
pub(crate) fn okurigana_before(t: &str, s: usize, e: usize) -> bool {
    t[..s].chars().next_back().is_some_and(is_han)
        && t[s..e].chars().all(is_hiragana)
        && !cue_before(t, s)
}

/// Joins a listed family name in kanji found as a name and a given name in katakana
/// after one space, found or not ("森田 ラファエル", "岡部 ベアトリス", "金 ミンジュン"):
/// the given name is no common katakana word, and ends by `hi`, the end of the piece.
pub(crate) fn join_katakana_given(t: &str, hi: usize, cands: &mut [Cand]) {
    let g = Gazetteers::get();
    // The katakana run starting at `a`, and whether it may be a given name.
    let given_at = |a: usize| {
        let run = t[a..]
            .char_indices()
            .find(|&(_, c)| !(is_katakana(c) || c == 'ー'))
            .map_or(t.len() - a, |(k, _)| k);
        let name = &t[a..a + run];
        (name.chars().nth(1).is_some() && g.katakana(name) != Some(true)).then_some(a + run)
    };
    for c in cands.iter_mut().filter(|c| c.label == Label::Person) {
        let name = &t[c.start..c.end];
        // The space first: most names have none after them.
        let space = t[c.end..]
            .chars()
            .next()
            .filter(|&s| s == ' ' || s == '\u{3000}');
        if let Some(space) = space
            && name.chars().all(is_han)
        {
            if let Some(end) = given_at(c.end + space.len_utf8()).filter(|&end| end <= hi)
                && is_family(name, g)
            {
                c.end = end;
            }
        } else if name.chars().all(|ch| is_katakana(ch) || ch == 'ー') {
            // The family name before the space, its run of kanji whole.
            let Some(head) = t[..c.start].strip_suffix([' ', '\u{3000}']) else {
                continue;
            };
            let k = head
                .char_indices()
                .rev()
                .take_while(|&(_, ch)| is_han(ch))
                .last()
                .map_or(head.len(), |(k, _)| k);
            if k < head.len() && is_family(&head[k..], g) {
                c.start = k;
            }
        }
    }
}

/// What follows a historical figure's name, and never a private person's in the
/// labelled replies: what is named after them ("千宗旦にちなむ"), their works, tastes,
/// pupils and the schools they founded ("宮城道雄の作品", "千宗旦が好んだ意匠",
/// "小原雲心が小原流を興し").
const HISTORY_AFTER: &[&str] = &[
    "にちな",
    // "医師ジョン・ラングドン・ダウンに由来します", "バリル・クローンの名前に由来".
    "に由来",
    "の名前に由来",
    "の名に由来",
    // "植田正治のような演出": a style known by its maker's name.
    "のような",
    "の作品",
    "の代表作",
    "の名作",
    "が好んだ",
    "の弟子",
    "の門下",
    "が創流",
    "が創始",
    "を創始",
    "が興",
    "を興",
    "がひらいた",
    "が開いた",
    "が大成",
    "を大成",
    "が考案",
    "が発明",
    // "高山右近の生涯を描いた": a life told.
    "の生涯",
];

/// Scholars and artists: after an age ("江戸時代の天文学者・"), the name is a historical
/// figure's.
const SCHOLARS: &[&str] = &[
    "天文学者",
    "数学者",
    "物理学者",
    "化学者",
    "哲学者",
    "植物学者",
    "医学者",
    "発明家",
    "思想家",
    "画家",
    "写真家",
    "作曲家",
    "建築家",
    "小説家",
    "詩人",
    // Physicians and parsons of history ("フランスの神経科医ジル・ド・ラ・トゥレットが1885
    // 年に報告", "19世紀イギリスの牧師ジョン・ラッセル").
    "医師",
    "神経科医",
    "牧師",
];

/// Eras that open a line of history with their name and 時代 or a year ("- **室町時代：**",
/// "昭和2年："; "1927年：" too): a name on such a line is a historical figure's. Not
/// any 時代 ("学生時代：", one's student days).
const ERAS: &[&str] = &[
    "昭和",
    "大正",
    "明治",
    "江戸",
    "平安",
    "鎌倉",
    "室町",
    "安土桃山",
    "戦国",
    "奈良",
    "飛鳥",
];

/// Words in katakana that make a run they are part of (between "・") a thing's name,
/// not a person's: drinks, breeds, events and roles.
#[rustfmt::skip]
const KATA_THINGS: &[&str] = &[
    "ジン", "サワー", "フィズ", "コーラ", "トニック", "セター", "テリア", "ピンシャー",
    "ドーベルマン", "バーガー", "ナイト", "トリビュート", "ウォール", "ライド", "スチュワード",
    "バインミー", "シルバー", "ゴールド", "プラチナ", "カート", "プレイン", "サプライズ", "ナンプレ",
    "ナビ", "アシュフォード", "トラディショナル", "ノグチゲラ", "ヤンバルクイナ", "ヒーレー",
    "シューペリア", "ランブリング", "ピッツァ", "ゴルゴンゾーラ", "シェーヴル", "ジョーヌ",
    "ホットライン", "ダークスカイ", "プレアデス", "ラメント", "グラード", "ハイランダーズ", "ホーク",
    "ケトル", "ケメックス", "クロッシュ", "バルーンズ", "フリーフォール", "サンタ", "ゼネラル",
    "ケルムスコット", "ペルシア", "パンチ", "マイヨ", "シニア", "ジュニア", "コカ",
];

/// Ends of words in katakana that make a run a thing's name ("ドライベルモット",
/// "ジャパニーズウイスキー・ペアリングディナー").
#[rustfmt::skip]
const KATA_THING_ENDS: &[&str] = &[
    "ベルモット", "ビターズ", "ウイスキー", "ディナー", "ピンシャー", "バーガー", "ウェーブ",
    "コーナー", "プレート",
];

/// Words that make a name in 「」 someone's: the reply speaks of a name as written, as
/// registered or as called ("お名前", "名義", "宛名", "表記", "記名", "刺繍"), or of staff.
const NAME_WORDS: &[&str] = &[
    "名前",
    "名義",
    "宛名",
    "表記",
    "記名",
    "名札",
    "登録",
    "予約名",
    "氏名",
    "指名",
    "署名",
    "お呼び",
    "申し付け",
    "担当",
    "スタッフ",
    "講師",
    "ご本人",
    "刺繍",
    "刻印",
    "彫刻",
    "名入れ",
];

/// Whether the name at `t[s..e]`, of katakana parts joined by ・ or ＝, is all that a 「」
/// holds, with no honorific after it and no word of [`NAME_WORDS`] in its sentence: a
/// cocktail's, a ride's, a dance's or a rose's name («「ラモス・ジン・フィズ」»,
/// «「ネメシス・ナイトライド」に参加»), not a person's («「ナタリア・ソコロワ」とお名前の入った»,
/// «「マイケル・ブラウン」様»). Over the read sets, as the nineteenth reading's code scored
/// them, such names were 27 things' and no person's.
pub(crate) fn quoted_thing(t: &str, s: usize, e: usize) -> bool {
    if !t[..s].ends_with('「') || !t[e..].starts_with('」') || !t[s..e].contains(['・', '＝']) {
        return false;
    }
    if honorific_at(&t[e + '」'.len_utf8()..]).is_some() {
        return false;
    }
    let sentence = sentence_ja(t, s, e);
    !NAME_WORDS.iter().any(|w| sentence.contains(w))
}

/// Whether the name at `t[s..e]` is all that a 「」 holds, in a list of such
/// (「エナ・ハークネス」「イングリッド・バーグマン」, 「A」、「B」): roses', songs' and
/// products' names, not people's.
pub(crate) fn in_quoted_list(t: &str, s: usize, e: usize) -> bool {
    let (Some(head), Some(tail)) = (t[..s].strip_suffix('「'), t[e..].strip_prefix('」')) else {
        return false;
    };
    tail.starts_with('「')
        || tail.starts_with("、「")
        || head.ends_with('」')
        || head.ends_with("」、")
}

/// Whether the name at `t[s..e]` is a historical figure's: by what follows it, by a year
/// or an age long past and a scholar's or an artist's calling before it, as a work's
/// author in brackets after its title, or by the era its line opens with.
pub(crate) fn is_historical(t: &str, s: usize, e: usize) -> bool {
    // "糸川英夫博士にちなんで": perhaps after a scholar's title.
    let after = t[e..].strip_prefix("博士").unwrap_or(&t[e..]);
    // "マイルス・デイヴィス『Kind of Blue』", "信長貴富《くちびるに歌を》": the maker
    // before the work; "（滝廉太郎 作曲）", "和泉宏隆 作曲／真島俊夫 編曲": its composer,
    // lyricist or arranger, so named.
    if after.starts_with(['『', '《'])
        || ["作曲", "編曲", "作詞"].iter().any(|w| {
            after
                .trim_start_matches(' ')
                .strip_prefix(w)
                .is_some_and(|r| r.is_empty() || r.starts_with(['）', ')', '／', '/', '、', '\n']))
        })
    {
        return true;
    }
    // "ジョン・ラッセル（1795〜1883年）に由来", "源義経・武蔵坊弁慶・静御前にちなんで",
    // "イサム・ノグチや岡本太郎の作品": a lifespan in brackets, or more names joined by
    // "・", "や" or "、", before what follows.
    let mut rest = after;
    if let Some(r) = rest.strip_prefix('（')
        && let Some((years, r)) = r.split_once('）')
        && years.len() <= 24
        && years.starts_with(|c: char| c.is_ascii_digit())
    {
        rest = r;
    }
    for _ in 0..3 {
        let Some(r) = rest.strip_prefix(['・', 'や', '、']) else {
            break;
        };
        rest = r.trim_start_matches(|c: char| is_han(c) || is_katakana(c) || c == 'ー');
    }
    // Every entry opens with one of these.
    if rest.starts_with(['に', 'の', 'が', 'を'])
        && HISTORY_AFTER.iter().any(|a| rest.starts_with(a))
    {
        return true;
    }
    // "中原中也 生誕祭", "没後100年": a birth's or a death's anniversary.
    let anniversary = rest.trim_start_matches(' ');
    if anniversary.starts_with("生誕") || anniversary.starts_with("没後") {
        return true;
    }
    let before = t[..s].strip_suffix('・').unwrap_or(&t[..s]);
    // 『SWAN』（有吉京子）, 《軍艦行進曲》（瀬戸口藤吉）: the author of a work in brackets
    // after its title.
    if (before.ends_with("』（") || before.ends_with("》（")) && t[e..].starts_with('）') {
        return true;
    }
    // "1921年に島野庄三郎が", "明治時代に宮田栄助が", "1921年に調香師エルネスト・ボーが":
    // who did something in a year or an age long past.
    let done = after.starts_with(['が', 'は']);
    let at = SCHOLARS
        .iter()
        .chain(&["調香師", "職人"])
        .find_map(|w| before.strip_suffix(w))
        .unwrap_or(before);
    if done
        && (at.ends_with("時代に")
            || at.ends_with("世紀に")
            || at.strip_suffix("年に").is_some_and(|h| {
                h.len() >= 4
                    && h.is_char_boundary(h.len() - 4)
                    && h[h.len() - 4..].bytes().all(|b| b.is_ascii_digit())
                    && &h[h.len() - 4..] < "1950"
            }))
    {
        return true;
    }
    // "江戸時代の天文学者・渋川春海", "17世紀の天文学者ジョヴァンニ・カッシーニ": a
    // scholar or an artist of another age; "数学者ヨーゼフ・ペッツバールが1840年に設計":
    // or one whose deed has a year long past after the name.
    if let Some(head) = SCHOLARS.iter().find_map(|w| before.strip_suffix(w)) {
        // "19世紀イギリスの牧師": a country may stand between the age and the calling.
        let near = &head[crate::text::ceil_boundary(head, head.len().saturating_sub(24))..];
        let past = ["世紀の", "時代の", "期の"]
            .iter()
            .any(|p| head.ends_with(p))
            || (near.contains("世紀") && near.ends_with('の'));
        let year = after
            .strip_prefix(['が', 'は'])
            .and_then(|r| r.get(..4).filter(|y| y.bytes().all(|b| b.is_ascii_digit())))
            .is_some_and(|y| y < "1950" && t[e..].contains('年'));
        if past || year {
            return true;
        }
    }
    let line = crate::text::line_before(t, s);
    let Some((head, _)) = line.split_once(['：', ':']) else {
        return false;
    };
    let head = head.trim_matches(|c: char| matches!(c, '-' | '*' | ' ' | '・'));
    // "1927年", an era's year ("昭和2年") or an era ("室町時代").
    let old_year = head.strip_suffix('年').is_some_and(|y| {
        y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) && y < "1950"
            || ERAS.iter().any(|e| y.starts_with(e))
    });
    old_year || (head.ends_with("時代") && ERAS.iter().any(|e| head.contains(e)))
}

/// Deeds a sentence of history tells in Japanese ("発見", "考案", "創業", "作曲").
#[rustfmt::skip]
const DEEDS: &[&str] = &[
    "発見", "考案", "設計", "創業", "発表", "作曲", "作詞", "発明", "命名", "設立", "創設",
    "創刊", "開発", "作った", "作らせ", "建て", "描い", "書い", "著し", "初演", "優勝", "活躍",
    "流行", "広め", "伝え", "創始", "完成", "制作", "製作", "刊行", "出版", "生み出", "編み出",
    "確立", "記録", "達成", "成功", "築い", "始め",
];

/// Words that make a sentence someone's own or of our time: the shop's or the writer's
/// ("当店", "当醸造所", "弊社", "私"; not "当時", "at that time"), the reader's
/// ("お客様"), kin ("祖父", "父"), staff, and "現在" or "五代目" (a line still running).
#[rustfmt::skip]
const OWN: &[&str] = &[
    "現在", "代目", "弊社", "私", "わたし", "僕", "お客様", "ご家族", "祖父", "祖母", "曾祖",
    "父", "母", "息子", "娘", "夫", "妻", "スタッフ", "担当",
];

/// Ages long past that set a sentence in history ("江戸時代", "明治", "18世紀").
const PAST_AGES: &[&str] = &[
    "江戸時代",
    "明治",
    "大正",
    "昭和初期",
    "戦前",
    "平安",
    "鎌倉",
    "室町",
    "戦国",
    "安土桃山",
    "世紀",
];

/// What the run of four digits (and no more) at `b[at..]` says of its sentence's time:
/// `Some(true)` for a year before 1950 with 年 after it ("1883年"), `Some(false)` for a
/// year from 1950 on (年 or not), `None` for any other run or none.
fn past_year_at(b: &[u8], at: usize) -> Option<bool> {
    match crate::text::year_at(b, at)? {
        1950..2100 => Some(false),
        ..1950 if b[at + 4..].starts_with("年".as_bytes()) => Some(true),
        _ => None,
    }
}

/// Words of renown ("世界選手権", "金メダル", "人間国宝", "伝説の"): a name in a sentence
/// with one is a public figure's, honorific or not ("中野浩一さんにちなんだ大会" after
/// "世界選手権スプリント10連覇の"), unless the sentence is of the shop's own, of teaching or
/// of a former winner (see [`FAME_OWN`]).
const FAME: &[&str] = &[
    "世界選手権",
    "世界王者",
    "世界チャンピオン",
    "金メダル",
    "ノーベル",
    "殿堂",
    "人間国宝",
    "国民栄誉賞",
    "伝説の",
    "著名な",
    "有名な",
    "名人",
];

/// Words that make a sentence of renown someone's own or a teacher's: members,
/// instructors, coaches and a former winner ("元").
const FAME_OWN: &[&str] = &[
    "講師",
    "先生",
    "会員",
    "メンバー",
    "コーチ",
    "指導",
    "元",
    "監督",
    "教室",
    "クラブ",
    "生徒",
];

/// What a sentence or a window holds of [`PAST_AGES`] ("世紀" after a digit) and of
/// [`FAME`]: one vector search for both.
fn ages_and_fame(s: &str) -> (bool, bool) {
    static WORDS: OnceLock<Option<aho_corasick::packed::Searcher>> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        aho_corasick::packed::Config::new()
            .builder()
            .extend(PAST_AGES.iter().chain(FAME))
            .build()
    });
    let Some(words) = words else {
        return (
            PAST_AGES.iter().any(|w| s.contains(w)),
            FAME.iter().any(|w| s.contains(w)),
        );
    };
    let (mut age, mut fame) = (false, false);
    for m in words.find_iter(s) {
        if m.pattern().as_usize() >= PAST_AGES.len() {
            fame = true;
        } else if &s[m.start()..m.end()] != "世紀"
            || s[..m.start()].ends_with(|c: char| c.is_ascii_digit())
        {
            age = true;
        }
    }
    (age, fame)
}

/// Whether the window `t` holds a year before 1950 with 年, an age long past or a word
/// of renown: the cheap test a window passes before [`told_in_history`] reads a sentence
/// of it.
pub(crate) fn past_in(t: &str) -> bool {
    let b = t.as_bytes();
    memchr::memchr2_iter(b'1', b'2', b).any(|at| past_year_at(b, at) == Some(true)) || {
        let (age, fame) = ages_and_fame(t);
        age || fame
    }
}

/// The sentence of window `t` that `t[s..e]` stands in: from after the last 。, ！, ？ or
/// line break before `s` to the first after `e`.
fn sentence_ja(t: &str, s: usize, e: usize) -> &str {
    const ENDS: [char; 4] = ['。', '！', '？', '\n'];
    let a = t[..s]
        .rfind(ENDS)
        .map_or(0, |k| k + t[k..].chars().next().map_or(1, char::len_utf8));
    let z = e + t[e..].find(ENDS).unwrap_or(t.len() - e);
    &t[a..z]
}

/// Whether `sentence` holds a word of the shop's, the reader's or kin: one of [`OWN`],
/// or 当 in any word but 当時 ("当店", "当醸造所").
fn ones_own(sentence: &str) -> bool {
    OWN.iter().any(|w| sentence.contains(w))
        || sentence
            .match_indices('当')
            .any(|(k, _)| !sentence[k..].starts_with("当時"))
}

/// Whether the name at `t[s..e]` stands in a sentence of history or of renown:
/// - of history: a year before 1950 ("1883年") or an age long past ("明治", "18世紀"),
///   a deed ("発表", "考案") and no year from 1950 on ("カルロ・コッローディが1883年に
///   発表した", "ボルサリーノは1857年、ジュゼッペ・ボルサリーノが…創業");
/// - of renown: a word of [`FAME`] and none of [`FAME_OWN`] ("ロニー・オサリバンが1997年
///   の世界選手権で達成した147").
///
/// In neither may a word of the shop's, the reader's or kin stand ("当醸造所の創業は明治
/// 15年で、現在は五代目の石田 恵子が"). Prototypes of these tests, over the read sets as the
/// code of the nineteenth reading scored them, found 23 public figures in sentences of
/// history and 9 in sentences of renown, and no private person. The sentence is read
/// inside `t`, the window the detectors see.
pub(crate) fn told_in_history(t: &str, s: usize, e: usize) -> bool {
    let sentence = sentence_ja(t, s, e);
    if ones_own(sentence) {
        return false;
    }
    let b = sentence.as_bytes();
    let (mut old, mut recent) = (false, false);
    for at in memchr::memchr2_iter(b'1', b'2', b) {
        match past_year_at(b, at) {
            Some(false) => recent = true,
            Some(true) => old = true,
            None => {}
        }
    }
    let (age, fame) = ages_and_fame(sentence);
    !recent && (old || age) && DEEDS.iter().any(|w| sentence.contains(w))
        || fame && !FAME_OWN.iter().any(|w| sentence.contains(w))
}

/// Callings of scholars, explorers and the like that, just before a name, make it a
/// public figure's ("フランスの数学者ブレーズ・パスカル", "冒険家・植村直己", "英国人宣教師
/// ウォルター・ウェストン"): no labelled reply puts a private person after one of these
/// without a honorific or a word of the shop's own.
#[rustfmt::skip]
const LEARNED_CALLINGS: &[&str] = &[
    "天文学者", "数学者", "物理学者", "化学者", "哲学者", "植物学者", "博物学者", "蘭学者",
    "医学者", "発明家", "思想家", "探検家", "冒険家", "飛行家", "宣教師", "詩人", "俳人", "歌人",
    "横綱",
];

/// Callings of artists, physicians and founders, which private people have too ("当店の
/// 創業者、鈴木 正三", "ゲスト作家"): a public figure's only after a country or an age and
/// の ("ヴェネツィアの画家", "アメリカの医師", "19世紀イギリスの牧師").
#[rustfmt::skip]
const CALLINGS_OF_A_PLACE: &[&str] = &[
    "画家", "写真家", "建築家", "小説家", "作曲家", "彫刻家", "医師", "神経科医", "牧師",
    "指揮者", "歌手", "俳優", "女優", "調香師", "創業者", "実業家", "デザイナー",
];

/// Whether the name at `t[s..e]` is a public figure's by the calling just before it
/// (see [`LEARNED_CALLINGS`], [`CALLINGS_OF_A_PLACE`]), with no honorific after it (or
/// after its reading in brackets) and no word of the shop's, the reader's or kin in its
/// sentence. A prototype of this test, over the read sets as the nineteenth reading's
/// code scored them, found 23 public figures and no private person; every private
/// person the read sets put after such a calling has a honorific or the shop's own word
/// ("当店の専属ピアニスト綾瀬", "教会の牧師、石井 恵先生").
pub(crate) fn known_by_calling(t: &str, s: usize, e: usize) -> bool {
    let head = t[..s].strip_suffix(['・', '、']).unwrap_or(&t[..s]);
    // Every calling ends in one of these: a character test first.
    if !head.ends_with(['者', '家', '人', '師', '医', '綱', '手', '優', 'ー']) {
        return false;
    }
    let learned = LEARNED_CALLINGS.iter().find(|w| head.ends_with(*w));
    let placed = || {
        CALLINGS_OF_A_PLACE.iter().find(|w| {
            head.strip_suffix(*w)
                .and_then(|h| h.strip_suffix('の'))
                .is_some_and(|h| {
                    h.ends_with(|c: char| is_katakana(c) || c == 'ー')
                        || h.ends_with(['国', '代', '紀', '期'])
                })
        })
    };
    let Some(calling) = learned.or_else(placed) else {
        return false;
    };
    let mut rest = &t[e..];
    if let Some(r) = rest.strip_prefix('（')
        && let Some(k) = r.find('）').filter(|&k| k <= 60)
    {
        rest = &r[k + '）'.len_utf8()..];
    }
    if honorific_at(rest).is_some() {
        return false;
    }
    // The sentence from the calling on ("…医師" may end a run the last stop is in).
    let sentence = sentence_ja(t, head.len() - calling.len(), e);
    !ones_own(sentence)
        && !["講師", "先生", "会員", "メンバー"]
            .iter()
            .any(|w| sentence.contains(w))
}

/// Whether the name at `t[s..e]` is a pet's: after a kind of animal and の ("柴犬の小太郎
/// くん", "猫のルナちゃん"), or before a honorific and what only an animal has
/// ("ココちゃんのお散歩", "モモちゃんのトリミング").
pub(crate) fn is_pet(t: &str, s: usize, e: usize) -> bool {
    #[rustfmt::skip]
    const ANIMALS: &[&str] = &[
        "犬", "猫", "柴犬", "愛犬", "愛猫", "子犬", "子猫", "ワンちゃん", "わんちゃん", "ネコ", "ねこ",
        "チワワ", "プードル", "ダックス", "ミニチュアダックス", "ポメラニアン", "トイプードル",
        "コーギー", "ビーグル", "うさぎ", "ウサギ", "インコ", "ハムスター", "ラグドール",
        "マンチカン", "雑種", "保護犬", "保護猫", "オス", "メス",
    ];
    // Not a meal or a night away, which a child has too ("ゆいちゃんのごはん").
    #[rustfmt::skip]
    const PET_THINGS: &[&str] = &[
        "お散歩", "散歩", "トリミング", "しつけ", "フィラリア", "去勢", "避妊", "首輪", "爪切り",
        "肉球", "飼い主", "犬種", "狂犬病", "ドッグラン", "ペットホテル",
    ];
    let before = t[..s].strip_suffix('の');
    if before.is_some_and(|b| ANIMALS.iter().any(|a| b.ends_with(a))) {
        return true;
    }
    let after = &t[e..];
    // "モモ（柴犬・メス・赤毛）": the animal in brackets after the name.
    if after
        .strip_prefix(['（', '('])
        .is_some_and(|r| ANIMALS.iter().any(|a| r.starts_with(a)))
    {
        return true;
    }
    let rest = ["ちゃん", "くん"]
        .iter()
        .find_map(|h| after.strip_prefix(h))
        .and_then(|r| r.strip_prefix('の'));
    rest.is_some_and(|r| PET_THINGS.iter().any(|w| r.starts_with(w)))
}

/// Whether the kana word at `a`, followed by `after`, names a pet ("ワンちゃん
/// （モモちゃん）", "ポチちゃんの飼い主") or a bot (AIアシスタントの「ミライ」).
fn pet_or_bot(t: &str, a: usize, after: &str) -> bool {
    let before = &t[..a];
    // Brackets may be folded to ASCII here.
    let bracketed = before.strip_suffix(['（', '(']);
    let pet = after.starts_with("ちゃん")
        && (bracketed.is_some_and(|b| {
            ["ワンちゃん", "わんちゃん", "猫", "犬", "ネコ"]
                .iter()
                .any(|w| b.ends_with(w))
        }) || ["愛犬", "愛猫", "看板犬"]
            .iter()
            .any(|w| before.ends_with(w))
            || after.starts_with("ちゃんの飼い主"));
    let bot = before.strip_suffix('「').is_some_and(|b| {
        let b = b.trim_end_matches(['の', 'は', ' ']);
        ["チャットボット", "ボット", "アシスタント", "AI", "ＡＩ"]
            .iter()
            .any(|w| b.ends_with(w))
    });
    pet || bot
}

/// The start of a katakana name of two characters or more, no common word, before a
/// space at `a` ("アンナ ペトロワ"); else `a`.
fn spaced_kata_before(t: &str, a: usize, g: &Gazetteers) -> usize {
    let Some(before) = t[..a]
        .strip_suffix(' ')
        .or_else(|| t[..a].strip_suffix('\u{3000}'))
    else {
        return a;
    };
    let len: usize = before
        .chars()
        .rev()
        .take_while(|&c| is_katakana(c) && c != '・')
        .map(char::len_utf8)
        .sum();
    let part = &before[before.len() - len..];
    let ok =
        part.chars().nth(1).is_some() && !part.starts_with('ー') && g.katakana(part) != Some(true);
    if ok { before.len() - len } else { a }
}

/// The end of a name in katakana that goes on after a space ("マイケル ジョーンズ",
/// "ヤマダ タロウ"): the second part is no common word. Else `b`.
fn spaced_kata_after(t: &str, b: usize, g: &Gazetteers) -> usize {
    let Some(rest) = t[b..]
        .strip_prefix(' ')
        .or_else(|| t[b..].strip_prefix('\u{3000}'))
    else {
        return b;
    };
    let len: usize = rest
        .chars()
        .take_while(|&c| is_katakana(c) && c != '・')
        .map(char::len_utf8)
        .sum();
    let part = &rest[..len];
    let starts = part.starts_with(|c: char| c != 'ー');
    if starts && part.chars().nth(1).is_some() && g.katakana(part) != Some(true) {
        return t.len() - rest.len() + len;
    }
    // "オルティス 真理", "ウィリアムズ 恵理様": a family name in katakana before a given
    // name in kanji (two to four characters, then no kanji but a honorific's), as a
    // Japanese citizen of foreign descent writes it.
    if len > 0 {
        return b;
    }
    let han: usize = rest
        .chars()
        .take_while(|&c| is_han(c))
        .take(4)
        .map(char::len_utf8)
        .sum();
    // The longest given name that ends well, of two characters or more.
    rest[..han]
        .char_indices()
        .map(|(k, c)| k + c.len_utf8())
        .skip(1)
        .filter(|&e| {
            // A title after the name is none of it ("アンナ・コワルスキ 博士").
            (!rest[e..].starts_with(is_han) || honorific_at(&rest[e..]).is_some())
                && is_given(&rest[..e], g)
                && !titles_after().ends(&rest[..e])
        })
        .last()
        .map_or(b, |e| t.len() - rest.len() + e)
}

/// Whether the parts of `run` joined by `・` make a name: none is a common word, and
/// each has two characters or more unless one is a listed name ("イ・ソヨン" is one;
/// "ザ・リッツ" is not). Returns where the name starts: after a common word glued to
/// its first part ("パティシエアンナ・コワルスカ").
fn dotted_name(run: &str, g: &Gazetteers) -> Option<usize> {
    let (mut parts, mut short, mut listed, mut start) = (0, false, false, 0);
    for (n, mut p) in run.split(['・', '＝', '=', '゠']).enumerate() {
        if n == 0 && g.katakana(p).is_none() {
            // A common word, then a listed name, in one part ("アメリカ" is no "アメ"
            // and "リカ": the word has three characters or more).
            if let Some((k, _)) = p.char_indices().skip(3).find(|&(k, _)| {
                let role = g.katakana(&p[..k]) == Some(true) || CUES.contains(&&p[..k]);
                role && g.katakana(&p[k..]) == Some(false)
            }) {
                (start, p) = (k, &p[k..]);
            }
        }
        match g.katakana(p) {
            _ if p.is_empty() => return None,
            Some(true) => return None,
            Some(false) => listed = true,
            None => {}
        }
        short |= p.chars().nth(1).is_none();
        parts += 1;
    }
    // "韓国・アメリカ・イギリス": places listed ("ソフィア・ロッシ" is a name: ソフィア is
    // a city too).
    let places = run
        .split(['・', '＝', '=', '゠'])
        .all(|p| g.is_kata_place(p));
    (parts >= 2 && (!short || listed) && !places).then_some(start)
}

/// Whether the parts of `run` joined by a middle dot are things: one a common word of
/// three characters or more, none a listed name.
fn things_joined(run: &str, g: &Gazetteers) -> bool {
    let parts = || run.split('・');
    parts().any(|p| p.chars().nth(2).is_some() && g.katakana(p) == Some(true))
        && !parts().any(|p| g.katakana(p) == Some(false))
}

/// A kanji word right after a katakana run makes the run part of a compound
/// ("ハリー・ポッター展"), unless it is a honorific or a role ("マリア・ガルシア先生",
/// "グエン・ヴァン・ミン獣医師").
fn compound_after(t: &str, b: usize) -> bool {
    let after = &t[b..];
    after.starts_with(is_han)
        && !HAN_HONORIFICS.iter().any(|h| starts_with(after, h))
        && !CUES.iter().chain(ROLES).any(|r| starts_with(after, r))
        && !TITLES_AFTER
            .iter()
            .chain(&["博士", "教授"])
            .any(|r| starts_with(after, r))
}

/// The text inside brackets that open at `b` and close within `max` bytes.
fn bracket_after(t: &str, b: usize, max: usize) -> Option<&str> {
    let inner = t[b..]
        .strip_prefix('（')
        .or_else(|| t[b..].strip_prefix('('))?;
    let near = &inner[..crate::text::floor_boundary(inner, max)];
    near.find(['）', ')']).map(|k| &near[..k])
}

/// Whether the kanji run `t[a..b]` is a listed given name of one to three characters
/// and the brackets after it read it out in kana as a listed given name ("結衣（ゆい）").
/// A name that is also a word ("翼", "光": houses of a school are so read out too)
/// needs a cue before it or a honorific after the brackets ("スタッフの翼（つばさ）").
fn given_read_out(t: &str, a: usize, b: usize, g: &Gazetteers) -> bool {
    let run = &t[a..b];
    let Some(reading) = bracket_after(t, b, 20) else {
        return false;
    };
    let read = (1..=3).contains(&run.chars().count())
        && is_given(run, g)
        && reading.chars().nth(1).is_some()
        && reading.chars().all(is_hiragana)
        && g.kana_given(reading);
    // After the brackets, full-width or not.
    let width = |k: usize| t[k..].chars().next().map_or(0, char::len_utf8);
    let close = b + width(b) + reading.len();
    let after = &t[close + width(close)..];
    read && (!given_word(run, g) || cue_before(t, a) || honorific_at(after).is_some())
}

/// Whether brackets right after `b` hold a phone number or an email address: the
/// contact of the name before them ("パク・ジフン（080-7732-1904）").
fn contact_after(t: &str, b: usize) -> bool {
    let Some(inner) = bracket_after(t, b, 48) else {
        return false;
    };
    let email = inner.contains('@') && !inner.contains(' ') && !inner.starts_with("git@");
    let phone = inner.bytes().filter(u8::is_ascii_digit).count() >= 7
        && inner
            .bytes()
            .all(|b| b.is_ascii_digit() || b"+-() ".contains(&b));
    email || phone
}

/// Whether brackets right after `b` hold a role: "ミキ（スタッフ）", "あおい（受付担当）".
fn role_note_after(t: &str, b: usize) -> bool {
    bracket_after(t, b, 30).is_some_and(|inner| cues().ends(inner))
}

/// Whether `t[a..b]` fills a cell of a Markdown table and the next cell holds a role:
/// "| 中村 | フロント |", "| 吉田 | 請求担当 | 212 |".
fn role_cell_after(t: &str, a: usize, b: usize) -> bool {
    let opens = t[..a].trim_end_matches(' ').ends_with('|');
    let Some(next) = t[b..].trim_start_matches(' ').strip_prefix('|') else {
        return false;
    };
    let near = &next[..crate::text::floor_boundary(next, 40)];
    opens
        && near
            .find('|')
            .is_some_and(|k| cues().ends(near[..k].trim()))
}

/// "が" and a duty right after `b`: "森が担当します", "ヤマモトが対応いたします".
fn duty_next(t: &str, b: usize) -> bool {
    t[b..].strip_prefix('が').is_some_and(|r| {
        ["担当", "対応", "ご案内", "お伺い", "伺い", "お預かり"]
            .iter()
            .any(|d| r.starts_with(d))
    })
}

/// "添乗員（岡田）", "経理担当（松本）宛て", "女性の点検員（中嶋）": `t[a..b]` alone in
/// brackets after a role, listed or known by its form.
fn role_before_bracket(t: &str, a: usize, b: usize) -> bool {
    t[b..].starts_with(['）', ')'])
        && t[..a]
            .strip_suffix(['（', '('])
            .is_some_and(|head| cue_before(head, head.len()) || calling(head))
}

/// Whether `t[a..b]` stands alone in brackets right after a phone number or an email
/// address, perhaps after a role: "０８０－５５５５－１２３４（岡田）", "…（店長・高橋）".
fn after_contact(t: &str, a: usize, b: usize) -> bool {
    let mut head = &t[..a];
    if let Some(h) = head.strip_suffix('・')
        && let Some(k) = h.rfind(['（', '('])
        && h.len() - k <= 24
        && cues().ends(h)
    {
        head = &h[..k + h[k..].chars().next().map_or(0, char::len_utf8)];
    }
    let before = head.strip_suffix('（').or_else(|| head.strip_suffix('('));
    let closed = t[b..].starts_with(['）', ')']);
    closed && before.is_some_and(contact_ends)
}

/// Whether `s` ends in a phone number, an email address or a name in Latin letters,
/// whose reading the brackets may give ("Nguyen Thi Lan（グエン・ティ・ラン）"): its last
/// run of digits, letters, spaces and their marks holds an `@` or nine digits or more
/// ("03 5555 1234", "…@example.jp"), more than a date has ("2025-06-21（金）",
/// "6/21（金）"), or ends in a capitalised word ("Inoue"; not a code, "A（金）").
fn contact_ends(s: &str) -> bool {
    let run = s
        .rsplit(|c: char| !(c.is_ascii_alphanumeric() || "@.-_+ ()".contains(c)))
        .next()
        .unwrap_or("");
    let word = run.rsplit(' ').next().unwrap_or(run);
    run.contains('@')
        || run.bytes().filter(u8::is_ascii_digit).count() >= 9
        || (word.len() >= 2
            && word.starts_with(|c: char| c.is_ascii_uppercase())
            && word.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-'))
}

/// Words of a duty right after `が` that show the kana before it is a given name:
/// "当日ははるかが担当いたします", "ヘアメイクはりなが務めます".
const KANA_NAME_ACTS: &[&str] = &["担当", "対応", "務め", "同席", "案内", "承り", "伺"];

/// A given name in kana before `が` and a duty at the start of the kanji run `r`.
fn kana_before_act(t: &str, r: &Run, g: &Gazetteers, out: &mut Vec<Cand>) {
    if !r.han || !KANA_NAME_ACTS.iter().any(|w| t[r.s..].starts_with(w)) {
        return;
    }
    let before = &t[..r.s];
    let before = before.strip_suffix(['ご', 'お']).unwrap_or(before);
    let Some(before) = before.strip_suffix('が') else {
        return;
    };
    let h = before.len();
    if let Some(s) = kana_name_before(t, h, g) {
        out.push(Cand::new(s, h, Label::Person));
    }
}

/// Separators in a list of people: "佐藤、鈴木、ケンジ", "高橋とジョン", "大野・マリア・陳".
const LIST_SEPARATORS: &[&str] = &[
    "、または",
    "、",
    "，",
    ", ",
    ",",
    "・",
    "と",
    "や",
    "または",
    "／",
    " / ",
    "/",
];

/// Every character a [`LIST_SEPARATORS`] entry starts or ends with: a test of one
/// character settles most places before the separators are compared.
fn separator_end(c: char) -> bool {
    matches!(
        c,
        '、' | '，' | ',' | '・' | 'と' | 'や' | '／' | '/' | ' ' | 'ま' | 'は'
    )
}

/// What may stand between a name and the separator after it: a honorific, or a note
/// in brackets ("パク・ジウ（韓国語）、").
fn after_name(t: &str, e: usize) -> usize {
    let mut e = e;
    // Honorifics and brackets all start with one of these bytes.
    if !t
        .as_bytes()
        .get(e)
        .is_some_and(|&b| matches!(b, b'(' | 0xE3 | 0xE5 | 0xE6 | 0xEF))
    {
        return e;
    }
    if let Some(h) = honorific_at(&t[e..]) {
        e += h.len();
    }
    let rest = &t[e..];
    if rest.starts_with(['（', '(']) {
        let near = &rest[..crate::text::floor_boundary(rest, 60)];
        if let Some(k) = near.find(['）', ')']) {
            e += k + near[k..].chars().next().map_or(0, char::len_utf8);
        }
    }
    e
}

/// A count of people or "no honorifics" after a list: "…、ケンジの3名", "…、小川（敬称略）".
fn counted_after(t: &str, e: usize) -> bool {
    let rest = &t[e..];
    if rest.starts_with("（敬称略）") || rest.starts_with("(敬称略)") {
        return true;
    }
    let Some(rest) = rest.strip_prefix('の') else {
        return false;
    };
    let digits = rest
        .find(|c: char| !(c.is_ascii_digit() || "一二三四五六七八九十".contains(c)))
        .unwrap_or(rest.len());
    digits > 0 && rest[digits..].starts_with(['名', '人'])
}

/// The commonest Chinese family names, simplified and traditional, that open a name
/// written in characters after its romanisation ("Zhang Wei (张伟)"); not the first
/// character of a note in brackets ("(英語対応)", "(営業部)").
const CHINESE_SURNAMES: &str = "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何林高罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖田董潘袁蔡蒋蔣余于杜叶葉程魏苏蘇吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦付方白邹鄒孟熊秦邱江尹薛闫段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万钱錢严嚴覃武戴莫孔向汤湯";

/// Joins the head of a family name written with ノ to a name found after it ("一ノ瀬
/// かおる" found as "瀬 かおる", "井ノ口様"): the lists hold such names without ノ or
/// with 之 ("一瀬", "一之瀬"), so the joined head is checked against them, where a spaced
/// name's is not ([`joined_family_start`]). Not before `lo`, the piece's start.
pub(crate) fn join_no_family(t: &str, lo: usize, cands: &mut [Cand]) {
    let g = Gazetteers::get();
    for c in cands.iter_mut().filter(|c| c.label == Label::Person) {
        let Some(h) = t[..c.start].strip_suffix('ノ') else {
            continue;
        };
        let start = joined_family_start(t, c.start);
        let Some(y) = t[c.start..].chars().next().filter(|&y| is_han(y)) else {
            continue;
        };
        // Rare (a ノ before a name): a string for the key costs nothing that matters.
        let joined = |mid: &str| is_family(&format!("{}{mid}{y}", &h[start..]), g);
        // Not back past the piece's start, which the stream may not hold.
        if start < c.start && start >= lo && (joined("") || joined("之")) {
            c.start = start;
        }
    }
}

/// "小鳥遊 湊くん", "四月一日 ひまり様": a family name no list holds, two to four kanji
/// after a break and before a space, joins the given name found after it when a
/// honorific follows (rare family names are many; the given name and the honorific
/// vouch for it). Not a word that ends like a place, a post or a shop ("新宿店 ひまり
/// 様").
pub(crate) fn join_unlisted_family(t: &str, lo: usize, cands: &mut [Cand]) {
    for c in cands.iter_mut() {
        if c.label != Label::Person
            || !t[c.start..c.end]
                .chars()
                .all(|ch| is_han(ch) || is_hiragana(ch))
        {
            continue;
        }
        let after = &t[c.end..];
        if !["様", "さん", "くん", "ちゃん", "氏"]
            .iter()
            .any(|h| after.starts_with(h))
        {
            continue;
        }
        // The detectors see U+3000 folded to a space.
        let Some(start) = han_run_before_space(t, c.start) else {
            continue;
        };
        let head = &t[..c.start - 1];
        let family = &head[start..];
        let n = family.chars().count();
        let breaks = head[..start].chars().next_back().is_none_or(|ch| {
            !(is_han(ch) || is_hiragana(ch) || is_katakana(ch) || ch.is_alphanumeric())
        });
        // Nor a post ("監事 大西様", "理事"), nor a run a honorific opens ("様山本").
        if (2..=4).contains(&n)
            && start >= lo
            && breaks
            && !family.ends_with(NON_NAME_ENDINGS)
            && !family.ends_with(['事', '役', '任', '当', '都', '道', '府'])
            && !family.starts_with(['様', '殿', '氏'])
            && !NOT_NAME_SET.contains(family)
        {
            c.start = start;
        }
    }
}

/// A name's reading in brackets right after it ("石井（いしい）", "Yusuf Kaya（ユスフ）"):
/// one word of kana that is a listed family or given name (roles stand in brackets
/// too: "（ケアマネジャー）"). A reading of two words is found as a name of its own.
/// `cands` holds every candidate of the piece.
pub(crate) fn readings(t: &str, cands: &mut Vec<Cand>) {
    let g = Gazetteers::get();
    for k in 0..cands.len() {
        let c = cands[k];
        if c.label != Label::Person {
            continue;
        }
        // A listed name has five kana at most (15 bytes), then the closing bracket; a
        // family and a given name read out, two words of six at most.
        // A space may stand before the brackets in English text ("Zhang Wei (张伟)").
        let at = c.end + usize::from(t[c.end..].starts_with(" (") || t[c.end..].starts_with(" （"));
        let Some(reading) = bracket_after(t, at, 40) else {
            continue;
        };
        // "Haruto Sato（佐藤 陽翔）": a name in romaji written in kanji, family and given;
        // "Zhang Wei (张伟)": a Chinese name in romaji and in characters, unspaced.
        let kanji_pair = || {
            let han = |w: &str| (1..=4).contains(&w.chars().count()) && w.chars().all(is_han);
            let name = &t[c.start..c.end];
            let chinese = || {
                let mut cs = reading.chars();
                name.contains(' ')
                    && (2..=3).contains(&reading.chars().count())
                    && reading.chars().all(is_han)
                    && cs.next().is_some_and(|f| CHINESE_SURNAMES.contains(f))
            };
            name.is_ascii() && (two_words(reading, han) || chinese())
        };
        if (two_kana_words(reading) && t[c.start..c.end].chars().nth(1).is_some()) || kanji_pair() {
            let start = at + t[at..].chars().next().map_or(0, char::len_utf8);
            cands.push(Cand::new(start, start + reading.len(), Label::Person));
            continue;
        }
        if reading.len() > 15 {
            continue;
        }
        let one_script = reading.chars().all(is_hiragana)
            || reading.chars().all(|c| is_katakana(c) && c != '・');
        // A name in kanji reads as a Japanese name: "由美（ホール）" gives her post.
        let kanji = t[c.start..c.end].chars().any(is_han);
        let listed = one_script
            && reading.chars().nth(1).is_some()
            && (g.kana_family(reading)
                || g.kana_given(reading)
                || (!kanji && g.katakana(reading) == Some(false)));
        if listed {
            let start = at + t[at..].chars().next().map_or(0, char::len_utf8);
            cands.push(Cand::new(start, start + reading.len(), Label::Person));
        }
    }
}

/// "「いつもありがとう。大輔より」", "蓮・結衣より*", "さくら・健一より": given names in
/// kanji or katakana that sign a message, before より at the message's end (a card's
/// or a gift's words), with the names joined to them by "・" (one in hiragana too).
pub(crate) fn message_senders(t: &str, runs: &[Run], cands: &mut Vec<Cand>) {
    let g = Gazetteers::get();
    let given = |r: &Run| {
        let name = &t[r.s..r.e];
        if r.han {
            is_given(name, g)
        } else {
            name.chars().nth(1).is_some() && g.katakana(name) == Some(false)
        }
    };
    for (k, r) in runs.iter().enumerate() {
        let Some(rest) = t[r.e..].strip_prefix("より") else {
            continue;
        };
        let ends = rest.is_empty() || rest.starts_with(['」', '*', '\n', '』', '”', '"']);
        if !ends || !given(r) {
            continue;
        }
        cands.push(Cand::new(r.s, r.e, Label::Person));
        // The name before "・": a run ending there, or a given name in hiragana.
        let Some(head) = t[..r.s].strip_suffix('・') else {
            continue;
        };
        if let Some(p) = runs[..k].last().filter(|p| p.e == head.len() && given(p)) {
            cands.push(Cand::new(p.s, p.e, Label::Person));
        } else {
            let kana = head
                .char_indices()
                .rev()
                .take_while(|&(_, c)| crate::text::is_hiragana(c))
                .last()
                .map_or(head.len(), |(i, _)| i);
            if kana < head.len() && g.kana_given(&head[kana..]) {
                cands.push(Cand::new(kana, head.len(), Label::Person));
            }
        }
    }
}

/// Names in a list with a name already found, or in a list counted as people: the
/// other kanji and katakana items that may be names ("担当：佐藤、鈴木、ケンジ",
/// "高橋とジョンが", "アンナ、ジェームス、小川（敬称略）"). `cands` holds every
/// candidate of the piece; `prev` is the end of the last name found before the piece
/// (`、` is a quiet unit, so the items of a list are pieces of their own).
pub(crate) fn lists(t: &str, runs: &[Run], prev: Option<usize>, cands: &mut Vec<Cand>) {
    let g = Gazetteers::get();
    for _ in 0..runs.len() {
        let before = cands.len();
        for r in runs {
            let (s, e) = (r.s, r.s + t[r.s..r.e].trim_end_matches('・').len());
            let covered = |c: &Cand| c.start < e && s < c.end;
            if s == e || cands.iter().any(covered) {
                continue;
            }
            let item = &t[s..e];
            let one_kanji = r.han && item.chars().nth(1).is_none();
            // Where the item stands is cheaper to test than what it is: first that.
            // Not a public figure's name, which the list may join to a thing
            // (「徳川家康と江戸のくらし」).
            let person_at = |k: usize, end: bool| {
                let ends = |e: usize| after_name(t, e) == k;
                cands.iter().any(|c| {
                    c.label == Label::Person
                        && (if end { ends(c.end) } else { c.start == k })
                        && !super::famous::is_famous(t, c.start, c.end)
                }) || (end && prev.is_some_and(ends))
            };
            // A one-kanji item only in a list joined by "、" or "・": "と" and "や" join
            // words as often as names.
            let seps = || {
                LIST_SEPARATORS
                    .iter()
                    .filter(move |p| !one_kanji || matches!(**p, "、" | "・" | "、または"))
            };
            // Most pieces hold no name to join a list to.
            let any_person = prev.is_some() || cands.iter().any(|c| c.label == Label::Person);
            let sep_char = |c: Option<char>| c.is_some_and(separator_end);
            // "Kim Min-jun様、仁川からの便": a name addressed with 様 opens the sentence;
            // what follows the comma is no next item.
            let addressed = |p: &str| p == "、" && t[..s - p.len()].ends_with(['様', '殿']);
            let left = any_person
                && sep_char(t[..s].chars().next_back())
                && seps()
                    .any(|p| t[..s].ends_with(p) && !addressed(p) && person_at(s - p.len(), true));
            let next = after_name(t, e);
            let right = any_person
                && sep_char(t[next..].chars().next())
                && seps().any(|p| t[next..].starts_with(p) && person_at(next + p.len(), false));
            let counted = counted_after(t, next)
                && (r.han || item.contains('・') || g.katakana(item) == Some(false));
            if !(left || right || counted) {
                continue;
            }
            let name_like = if r.han {
                // A listed family name may end like a place ("木村", "中村").
                !NOT_NAME_SET.contains(item)
                    && (is_family(item, g)
                        || (full_name(item, g, 2) && !item.ends_with(NON_NAME_ENDINGS)))
            } else {
                // "ハラール対応", "ポーランド語" are words, not list items; an unlisted
                // word ends its item ("ソフィア、", "ソフィア（…）"), or is a topic.
                let listed = item.contains('・') || g.katakana(item) == Some(false);
                // After a name found before it, the last item of the list may end the
                // sentence or act: "担当は中島とラミレスです", "ひかりとケビンが".
                let ends_item = t[e..].is_empty()
                    || t[e..].starts_with([
                        '、', '，', ',', '（', '(', '・', '／', '/', ' ', '　', '。',
                    ])
                    || KANA_HONORIFICS.iter().any(|h| t[e..].starts_with(h))
                    || (left
                        && ["です", "が", "に", "から"]
                            .iter()
                            .any(|p| t[e..].starts_with(p)));
                item.chars().nth(1).is_some()
                    && (listed || (g.katakana(item).is_none() && ends_item))
                    && !compound_after(t, e)
                    && !kata_not_names().ends(item)
            };
            // "品川・新横浜・小田原・静岡": a place is no item of a list of people.
            if name_like && !super::places::is_ja_place(item) {
                cands.push(Cand::new(s, e, Label::Person));
            }
        }
        if cands.len() == before {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn history_words_open_with_the_particles_the_shortcut_tests() {
        assert!(
            HISTORY_AFTER
                .iter()
                .all(|a| a.starts_with(['に', 'の', 'が', 'を']))
        );
    }

    #[test]
    fn every_honorific_opens_with_a_character_the_shortcut_knows() {
        for h in KANA_HONORIFICS.iter().chain(HAN_HONORIFICS) {
            assert!(opens_honorific(h.chars().next().unwrap()), "{h}");
        }
    }

    #[test]
    fn the_separator_ends_cover_the_separators() {
        for p in LIST_SEPARATORS {
            let (first, last) = (p.chars().next().unwrap(), p.chars().next_back().unwrap());
            assert!(separator_end(first) && separator_end(last), "{p}");
        }
    }

    #[test]
    fn the_word_sets_cover_their_lists() {
        assert!(NOT_NAMES.iter().all(|w| NOT_NAME_SET.contains(w)));
        for w in ROLES {
            let last = w.chars().next_back().unwrap();
            assert!(last.len_utf8() == 3 && may_end_role(last), "{w}");
            assert!(roles().ends(w) && roles().ends(&format!("店の{w}")), "{w}");
        }
        for w in CUES.iter().chain(ROLES) {
            assert!(cues().ends(w) && !cues().ends(&format!("{w}様")), "{w}");
        }
    }
}
