//! Fixed place vocabularies: Japanese prefectures, US states, UK postcode areas.

/// The 47 Japanese prefectures.
#[rustfmt::skip]
pub(crate) const PREFECTURES: &[&str] = &[
    "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県", "埼玉県", "千葉県", "東京都",
    "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県", "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府",
    "大阪府", "兵庫県", "奈良県", "和歌山県", "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県", "香川県", "愛媛県", "高知県",
    "福岡県", "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県",
];

/// The 47 prefectures in Hepburn romaji, as English text writes them.
#[rustfmt::skip]
pub(crate) const PREFECTURES_ROMAJI: &[&str] = &[
    "Hokkaido", "Aomori", "Iwate", "Miyagi", "Akita", "Yamagata", "Fukushima", "Ibaraki", "Tochigi", "Gunma",
    "Saitama", "Chiba", "Tokyo", "Kanagawa", "Niigata", "Toyama", "Ishikawa", "Fukui", "Yamanashi", "Nagano",
    "Gifu", "Shizuoka", "Aichi", "Mie", "Shiga", "Kyoto", "Osaka", "Hyogo", "Nara", "Wakayama",
    "Tottori", "Shimane", "Okayama", "Hiroshima", "Yamaguchi", "Tokushima", "Kagawa", "Ehime", "Kochi", "Fukuoka",
    "Saga", "Nagasaki", "Kumamoto", "Oita", "Miyazaki", "Kagoshima", "Okinawa",
];

/// US state and territory abbreviations.
#[rustfmt::skip]
pub(crate) const US_STATES: &[&str] = &[
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
    "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ",
    "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT",
    "VA", "WA", "WV", "WI", "WY", "DC", "PR",
];

/// US state names, for "Austin, Texas 78701".
#[rustfmt::skip]
pub(crate) const US_STATE_NAMES: &[&str] = &[
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut",
    "Delaware", "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas",
    "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota",
    "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire", "New Jersey",
    "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon",
    "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas",
    "Utah", "Vermont", "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming",
];

/// Canadian provinces and territories.
#[rustfmt::skip]
pub(crate) const CA_PROVINCES: &[&str] = &[
    "AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT",
];

/// Australian states and territories.
pub(crate) const AU_STATES: &[&str] = &["NSW", "VIC", "QLD", "SA", "WA", "TAS", "ACT", "NT"];

/// UK postcode areas (the letters before the first digit).
#[rustfmt::skip]
pub(crate) const UK_AREAS: &[&str] = &[
    "AB", "AL", "B", "BA", "BB", "BD", "BH", "BL", "BN", "BR", "BS", "BT", "CA", "CB", "CF",
    "CH", "CM", "CO", "CR", "CT", "CV", "CW", "DA", "DD", "DE", "DG", "DH", "DL", "DN", "DT",
    "DY", "E", "EC", "EH", "EN", "EX", "FK", "FY", "G", "GL", "GU", "HA", "HD", "HG", "HP", "HR",
    "HS", "HU", "HX", "IG", "IP", "IV", "KA", "KT", "KW", "KY", "L", "LA", "LD", "LE", "LL",
    "LN", "LS", "LU", "M", "ME", "MK", "ML", "N", "NE", "NG", "NN", "NP", "NR", "NW", "OL", "OX",
    "PA", "PE", "PH", "PL", "PO", "PR", "RG", "RH", "RM", "S", "SA", "SE", "SG", "SK", "SL",
    "SM", "SN", "SO", "SP", "SR", "SS", "ST", "SW", "SY", "TA", "TD", "TF", "TN", "TQ", "TR",
    "TS", "TW", "UB", "W", "WA", "WC", "WD", "WF", "WN", "WR", "WS", "WV", "YO", "ZE", "GY",
    "JE", "IM",
];

/// Japanese places often named alone that are family names too: the prefectures
/// without their suffix, the designated cities, Tokyo's wards and the best-known
/// districts ("- **名古屋**：名駅エリア", "**品川**：運輸支局の地名").
#[rustfmt::skip]
pub(crate) const JA_PLACE_NAMES: &[&str] = &[
    "青森", "岩手", "宮城", "秋田", "山形", "福島", "茨城", "栃木", "群馬", "埼玉", "千葉", "東京",
    "神奈川", "新潟", "富山", "石川", "福井", "山梨", "長野", "岐阜", "静岡", "愛知", "三重", "滋賀",
    "京都", "大阪", "兵庫", "奈良", "和歌山", "鳥取", "島根", "岡山", "広島", "山口", "徳島", "香川",
    "愛媛", "高知", "福岡", "佐賀", "長崎", "熊本", "大分", "宮崎", "鹿児島", "沖縄", "札幌", "仙台",
    "横浜", "川崎", "相模原", "名古屋", "神戸", "北九州", "浜松", "金沢", "那覇", "堺", "千代田",
    "新宿", "文京", "台東", "墨田", "江東", "品川", "目黒", "大田", "世田谷", "渋谷", "中野", "杉並",
    "豊島", "荒川", "板橋", "練馬", "足立", "葛飾", "江戸川", "梅田", "難波", "天神", "博多", "池袋",
    "上野", "秋葉原", "銀座", "丸の内", "表参道", "六本木", "吉祥寺", "心斎橋", "三宮", "栄",
    // Airports and stations named alone: "羽田 → 新千歳", "品川・新横浜・小田原".
    "成田", "羽田", "新千歳", "伊丹", "関西", "中部", "小田原", "新横浜", "新大阪", "熱海",
];

/// Whether `w` is one of [`JA_PLACE_NAMES`] (a word set: rules ask it of many runs).
pub(crate) fn is_ja_place(w: &str) -> bool {
    static SET: crate::wordset::WordSet<512> = crate::wordset::WordSet::new(JA_PLACE_NAMES);
    SET.contains(w)
}

/// Municipalities written in hiragana, which the kanji/katakana pattern would miss.
#[rustfmt::skip]
pub(crate) const KANA_CITIES: &[&str] = &[
    "さいたま", "つくば", "いわき", "ひたちなか", "つくばみらい", "かすみがうら", "いすみ", "みどり", "あきる野", "いなべ", "みよし", "あわら",
    "たつの", "うきは", "みやま", "えびの", "かほく", "南あわじ", "むつ", "つがる", "にかほ", "あま",
];
