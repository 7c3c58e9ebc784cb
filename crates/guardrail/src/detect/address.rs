//! Street addresses (US and UK) and Japanese block addresses, on width-folded text.
//! Postal codes are left out of the span; the postal detector labels them.

use aho_corasick::AhoCorasick;
use regex::Regex;

use super::marks::{Marks, Triggers};
use super::places::{
    AU_STATES, CA_PROVINCES, KANA_CITIES, PREFECTURES, PREFECTURES_ROMAJI, US_STATE_NAMES,
    US_STATES,
};
use super::{Cand, matches_from, regex_err, run_start, run_start_ascii};
use crate::Label;
use crate::text::is_ja_break;

/// A street's last word, spelt out: a full stop after it ends the sentence, not the word.
const SUFFIXES: &str = "Street|Avenue|Road|Boulevard|Lane|Drive|Court|Place|Square|Terrace|Way|\
Parkway|Circle|Highway|Close|Crescent|Gardens|Mews|Row|Hill|Grove|Walk|Green|Rise|Gate|Parade|\
Trail|Alley|Plaza|Loop|Expressway|Pike|Bend|Ridge|Crossing|Cove|Trace|Hollow|Landing|Commons|\
Path|Approach|View|Cottages|Passage|Quay|Wharf|Spur|Wynd|Causeway|Embankment|Chase|Arcade";

/// A street's last word, abbreviated, with or without its full stop.
const SUFFIX_ABBREVIATIONS: &str = "St|Ave|Rd|Blvd|Ln|Dr|Ct|Pl|Sq|Pkwy|Cir|Hwy";

const BUILDINGS: &str = "ビルディング|ビル|マンション|ハイツ|タワー|ヒルズ|荘|レジデンス|コーポ|ハウス|\
プラザ|センター|テラス|コート|パレス|アパート|会館|ビレッジ|ガーデン|スクエア|ヴィラ|メゾン|キャッスル|\
ハイム|シャトー";

/// Last words of a house's or a building's name, which may open an address before its
/// number ("The Old Forge, 3 Mill Lane", "Kestrel House, 14 Quay Street"). Venues
/// ("Hall", "Centre") are left out: their names stand alone as places, unless a room or
/// a floor opens them ("Room 214, Halvorsen Hall, 55 College Walk").
const PREMISES: [&str; 26] = [
    "House",
    "Cottage",
    "Farm",
    "Lodge",
    "Barn",
    "Forge",
    "Mill",
    "Maltings",
    "Building",
    "Works",
    "Chambers",
    "Mansions",
    "Heights",
    "Court",
    "Tower",
    "Apartments",
    "Flats",
    "View",
    "Wharf",
    "Quay",
    "Plaza",
    "Exchange",
    "Quarter",
    // "Unit 9, Denbigh Gate, 4 Saxon Street".
    "Gate",
    // "Unit 4, Cresswell Arches, 112 Mallory Street", "Unit 4, Perrymead Barns".
    "Arches",
    "Barns",
];

/// The address detector.
pub(crate) struct Address {
    en: Regex,
    po_box: Regex,
    ja: Regex,
    romaji: Regex,
    /// What every romaji match holds: a municipality's suffix or a prefecture.
    romaji_gate: AhoCorasick,
}

/// A word of a town's name: "Hayward", "Ashby-de-la-Zouch", "Stratford-upon-Avon".
/// The pattern also joins town words with "upon" ("Newcastle upon Tyne"), which the
/// segmenter keeps in the piece before a capital, and the counties named with "and"
/// ("Tyne and Wear", "Dumfries and Galloway").
const TOWN_WORD: &str = r"[A-Z][a-z]+(?:-[a-z]+)*(?:-[A-Z][a-z]+)?";

fn en_pattern() -> String {
    let town = TOWN_WORD;
    let premises = PREMISES.join("|");
    // US states, spelt out or not, and Canadian and Australian ones.
    let states = [US_STATE_NAMES, US_STATES, CA_PROVINCES, AU_STATES]
        .concat()
        .join("|");
    format!(
        r"(?x)
        (?:(?:(?:Flat|Apartment|Apt|Unit|Suite|Room|Rm)\ (?:[A-Z]-[0-9]{{1,2}}-)?[0-9]{{1,4}}(?:\.[0-9]{{1,3}})?[A-Z]?,\ |[0-9]{{1,2}}(?:st|nd|rd|th)\ [Ff]loor,\ )(?:The\ )?(?:[A-Z][a-z]+\ ){{0,2}}(?:{premises}|Hall|Centre|Center),\ |(?:The\ )?(?:[A-Z][a-z]+'?\ ){{0,2}}(?:{premises}),\ )?
        (?:(?:(?:Flat|Apartment|Apt|Unit|Suite|Shop|Level|Studio|Room|Rm|Floor)\ (?:[A-Z]-[0-9]{{1,2}}-)?[0-9]{{1,4}}(?:\.[0-9]{{1,3}}|-[0-9]{{1,4}})?[A-Z]?(?:/[0-9]{{1,2}})?|[0-9]{{1,2}}(?:st|nd|rd|th)\ [Ff]loor|[0-9]F[0-9]?|(?:Ground|Basement|First|Second|Third|Top)\ Floor\ Flat|Ground\ Floor),?\ )?
        (?:No\.?\ )?[0-9]{{1,6}}[A-Z]?(?:-[0-9]{{1,4}}|/[0-9]{{1,3}})?\ 
        (?:(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\.?\ )?
        (?:(?:Calle|Camino|Avenida|Paseo|Via|Rue|rue|chemin|boulevard)\ (?:(?:de|del|la|las|los|el|des|du)\ )*[A-ZÀ-Ý][a-zà-ÿ]+(?-u:\b)(?:\ (?:{SUFFIX_ABBREVIATIONS})(?-u:\b)\.?)?|(?:Route|Highway|Hwy|County\ Road|State\ Route)\ [0-9]{{1,4}}(?-u:\b)|(?:(?:[A-Z][a-z]+(?:'s)?|[0-9]{{1,3}}(?:st|nd|rd|th)|Mc[A-Z][a-z]+|O'[A-Z][a-z]+)\ (?:[A-Z]\.?\ |Jr\.?\ )?){{1,3}}
        (?:(?:{SUFFIXES})(?-u:\b)|(?:{SUFFIX_ABBREVIATIONS})(?-u:\b)\.?)(?:\ (?:Lower|Upper)(?-u:\b))?|Broadway(?-u:\b)|[A-Z][a-z]{{2,}}gate(?-u:\b))
        (?:\ (?:(?:N|S|E|W|NE|NW|SE|SW)(?-u:\b)\.?|(?:North|South|East|West)(?-u:\b)))?
        (?:,?\ (?:(?:Apt|Apartment|Flat|Suite|Ste|Unit|Floor|Fl|Room|Rm|Building|Bldg|Level|(?:Loading\ )?Dock|Bay|Lot|Hangar|\#)\.?\ ?\#?[A-Z0-9-]{{1,6}}|[0-9]{{1,2}}(?:st|nd|rd|th)\ Floor)(?-u:\b))?
        (?:,\ (?:Co\.\ [A-Z][a-z]+(?-u:\b)|Dublin\ (?:6W|[0-9]{{1,2}})(?-u:\b)|(?:The\ |(?:St|Ste|Ft|Mt)\.\ )?{town}(?:\ {town}|\ upon\ {town}|\ and\ (?:Wear|Galloway|Kinross|Bute|Hove)){{0,2}}(?-u:\b))){{0,2}}
        (?:,\ (?:[A-Z][a-z]+shire|County\ [A-Z][a-z]+|Co\.\ [A-Z][a-z]+)(?-u:\b))?
        (?:,?\ (?:{states})(?-u:\b))?"
    )
}

/// Japanese addresses in romaji: "1-5-22 Yumoto, Hakone-machi, Ashigarashimo-gun,
/// Kanagawa" (a block, a town, then municipalities with their suffix, or any places
/// before a prefecture); "609 Nishidaimonji-cho, Nakagyo-ku, Kyoto" (one number before
/// a town: "-cho", "-machi", "Kiyomizu-zaka"); "Hakata-ekimae 2-chome 5-ban 11-go, Hakata-ku, Fukuoka",
/// "Kita 1-jo Nishi 3-chome 2-1, Chuo-ku, Sapporo, Hokkaido"; each perhaps after a room
/// and a building and its floor ("Room 502, Sunrise Heights, ", "B1F Tora Bldg., ") or a
/// building and its room ("Lumière Aoyama 803, ").
fn romaji_pattern() -> String {
    let prefs = PREFECTURES_ROMAJI.join("|");
    // Long vowels may carry macrons ("Hakuchō-dōri", "Ōta-ku").
    let town = r"[A-ZĀŌŪ][a-zāēīōū]+(?:-[A-Za-z][a-zāēīōū]+)*(?: [A-ZĀŌŪ][a-zāēīōū]+(?:-[A-Za-z][a-zāēīōū]+)*)?";
    let muni = r"[A-ZĀŌŪ][a-zāēīōū]+-(?:ku|shi|cho|chō|machi|gun|mura)";
    let place = r"[A-ZĀŌŪ][a-zāēīōū]+(?:-(?:ku|shi|cho|chō|machi|gun|mura)| City)?";
    let rest = format!(
        r"(?:(?:, {muni}){{1,2}}(?:, [A-Z][a-z]+(?:-(?:to|fu|ken))?)?(?:, (?:{prefs})(?:-(?:to|fu|ken))?(?-u:\b))?|(?:, {place}){{0,2}}, (?:{prefs})(?:-(?:to|fu|ken))?(?-u:\b))"
    );
    let building = r"(?:(?:Room|Rm|Apt|Unit|Suite|Flat) [0-9]{1,5}[A-Z]?, )?(?:B?[0-9]{1,2}F, |(?:B?[0-9]{1,2}F )?(?:[A-Z][A-Za-z0-9'&]*\.? ){1,3}(?:Bldg\.?|Building|House|Heights|Mansion|Tower|Square|Plaza|Residence|Court|Hills|Hotel|Apartments?)(?: [0-9]{1,2}F)?, |(?:[A-Z][\p{L}'&]*\.? ){1,3}[0-9]{3,4}, )?";
    format!(
        r"{building}(?:[0-9]{{1,4}}-[0-9]{{1,4}}(?:-[0-9]{{1,4}})? {town}{rest}|[0-9]{{1,4}} {town}{rest}|(?:[A-Z][a-z]+ [0-9]{{1,2}}-jo )?{town} [0-9]{{1,2}}-chome(?: [0-9]{{1,4}}-ban)?(?: [0-9]{{1,4}}-go)?(?: [0-9]{{1,4}}-[0-9]{{1,4}})?{rest})"
    )
}

fn ja_pattern() -> String {
    let prefs = PREFECTURES.join("|");
    let kana_cities = KANA_CITIES.join("|");
    let name = r"[\p{Han}\p{Katakana}ヶケ々]";
    let city = format!(r"(?:(?:{kana_cities})市|{name}{{1,5}}?[市郡])?(?:{name}{{1,5}}?[区町村])?");
    let city_req =
        format!(r"(?:(?:{kana_cities})市|{name}{{1,5}}?[市区郡])(?:{name}{{1,5}}?[区町村])?");
    // A town's name may hold kana between kanji ("美しが丘").
    let town = r"(?:[\p{Han}\p{Katakana}ヶケ々のがノ]|\p{Hiragana}{3,6}|\p{Hiragana}{1,2}\p{Han}|[上下][るル]|入[るル]){0,14}?(?:[0-9]{1,2}条[東西南北]?)?";
    let n = r"[0-9]{1,5}";
    let kn = r"(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})";
    // Kanji numerals for 番 and 号 after 丁目: "一丁目十三番七号". Iwate's land divisions
    // before the lot: "白岩23地割15番地". "築港新町3丁8番地":
    // some towns write 丁 alone, after a digit ("八丁堀" is a town).
    let kk = r"[〇一二三四五六七八九十百]{1,4}";
    let chome = format!(
        r"(?:{kn}丁目|[0-9]{{1,2}}丁)\ ?(?:{n}(?:番地?|-)\ ?(?:{n}号?(?:-{n})?)?|{n}(?:番地?)?|{kk}番地?(?:{kk}号|{kk})?)?"
    );
    let block = format!(
        r"(?:{chome}|{n}地割\ ?{n}(?:番地?|-)(?:{n}号?)?|{n}番地?(?:\ ?{n}(?:号|-{n})?)?|{n}(?:-{n}){{1,3}}号?|[〇一二三四五六七八九十百]{{1,4}}番地|{kk}番{kk}号|町(?:{chome}|[0-9]{{1,4}}(?:番地?(?:[0-9]{{1,4}}号?)?|(?:-[0-9]{{1,4}}){{0,3}}(?:番地)?)))(?:の{n})?"
    );
    // A room: "302号室", "三〇二号室", "1502号", "101".
    // A mailbox's code: "MB-108".
    // A meeting room: "第3会議室".
    let rn = r"(?:[A-Z]?[0-9]{1,4}号室|[0-9]{3,4}号?|[0-9]{1,4}[A-Z](?-u:\b)|[〇一二三四五六七八九]{3,4}号室?|[A-Z]{1,3}-[0-9]{2,4}(?-u:\b)|第[0-9]{1,2}(?:会議室|研修室|教室))";
    // "3階", "12F", "3F-14" (a floor and its room), "地下1階", "B1" (a basement floor).
    let floor =
        r"(?:(?:地下)?(?:[0-9]{1,3}|[一二三四五六七八九十]{1,3})(?:階|F(?:-[0-9]{1,3})?)|B[1-9]F?)";
    let room = format!(r"(?:\ ?{floor})?(?:\ ?{rn})?");
    // After the block, a building: its name around a building word, then a floor or a
    // room ("三宮プラザ東館3階", "大門ハイツ三〇二号室", not "の損害サービスセンター");
    // a name and a floor; a floor; a room; or a katakana name and a room number
    // ("ベイサイド高島1502号").
    let bldg = [
        format!(
            r"\ ?(?:[\p{{Katakana}}\p{{Han}}A-Za-z0-9・&ー][\p{{Katakana}}\p{{Han}}A-Za-z0-9・&ーの]{{0,9}})?(?:{BUILDINGS})[\p{{Katakana}}\p{{Han}}ー・]{{1,10}}(?:\ ?{floor}(?:\ ?{rn})?|\ ?{rn})"
        ),
        format!(
            r"\ ?(?:(?:[\p{{Katakana}}\p{{Han}}A-Za-z0-9・&ー]|[\p{{Hiragana}}--の])(?:[\p{{Katakana}}\p{{Hiragana}}A-Za-z0-9・&ー]|[\p{{Han}}--号]){{0,19}})?(?:{BUILDINGS})(?:[A-Z]?棟|B[1-9]F?|[A-Z]|[東西南北本新別]館)?{room}"
        ),
        // "みどり倉庫B棟": a warehouse or a factory only with its wing ("…の倉庫から"
        // is none).
        format!(
            r"\ ?(?:[\p{{Katakana}}\p{{Han}}A-Za-z0-9・&ー]|[\p{{Hiragana}}--の])[\p{{Katakana}}\p{{Hiragana}}\p{{Han}}A-Za-z0-9・&ー]{{0,10}}(?:倉庫|工場)[A-Z0-9]{{1,2}}号?棟{room}"
        ),
        // "理学部E館 302号室", "学務棟201号室": a hall or a wing of a campus only with
        // its room.
        format!(r"\ ?[\p{{Katakana}}\p{{Han}}A-Za-z0-9・&ー]{{1,10}}(?:館|棟)\ ?{rn}"),
        // "那覇オフィス二〇五号室": an office only with its floor or room (an office
        // alone is a word: "4Fにオフィスを移転").
        format!(r"\ ?[\p{{Katakana}}\p{{Han}}A-Za-z0-9・&ー]{{1,10}}オフィス\ ?(?:{floor}(?:\ ?{rn})?|{rn})"),
        // "ハカタリバーサイド 7階": a name and a floor, perhaps a space between.
        format!(r"\ ?[\p{{Katakana}}\p{{Han}}\p{{Hiragana}}A-Za-z・&ー]{{1,20}}\ ?(?:地下)?[0-9]{{1,3}}(?:階|F(?:-[0-9]{{1,3}})?)(?:\ ?{rn})?"),
        format!(r"\ ?{floor}(?:\ ?[0-9]{{1,4}}号室)?"),
        r"\ ?[0-9]{1,4}号室".to_owned(),
        // "十一番地 ２０２号": a room number after the block.
        r"\ ?[0-9]{3,4}号".to_owned(),
        // "グランシエロ三軒茶屋 507号室", "ルミエール自由が丘301": a katakana name, perhaps a
        // place's after it, and a room; "ラ・リュンヌ大名302号室", "フラットK 201",
        // "ルミエール恵比寿B1": with a middle dot, a wing's letter, or a basement floor.
        // The block's pattern may have taken the space before it.
        r"\ ?[\p{Katakana}ー・]{2,15}(?:\p{Han}|[がのヶケ]){0,5}[A-Z]?\ ?(?:[0-9]{2,4}(?:号室?)?|B[1-9]F?)".to_owned(),
        // "ハイツつつじ 103": a building word, a name in kana or kanji, a room.
        format!(r"\ ?(?:{BUILDINGS})[\p{{Hiragana}}\p{{Han}}ー]{{1,8}}\ ?[0-9]{{2,4}}(?:号室?)?"),
        // "梅田グランツ402号室", "栄ブリーズ1104", "すすきのアーバン601": a place's name in
        // kanji or kana, a katakana name, a room.
        r"\ [\p{Han}\p{Hiragana}]{1,5}[\p{Katakana}ー]{2,15}(?:[0-9]{2,4}号室?|[0-9]{3,4})".to_owned(),
        // "ベイサイド管理棟", "オペラ棟B1": a katakana name and a wing, perhaps its
        // basement.
        r"\ ?[\p{Katakana}ー]{2,15}[\p{Han}A-Z]{0,3}棟(?:B[1-9]F?)?".to_owned(),
    ]
    .join("|");
    // A CSV field may part the building from the block with a comma ("博多駅前3-2-8,
    // 博多シティハイツ1104").
    let bldg = format!("(?:,?(?:{bldg}))?");
    // "船津１２３４", "祇園町北側２６３": a lot number alone after the town, last of all
    // (see `bare_lot`).
    format!(r"(?:(?:{prefs}){city}|{city_req}){town}(?:{block}{bldg}|[0-9]{{1,4}})")
}

impl Address {
    /// Compiles the patterns.
    pub fn new() -> Result<Self, String> {
        Ok(Address {
            en: Regex::new(&en_pattern()).map_err(regex_err)?,
            po_box: Regex::new(&format!(
                r"(?-u:\b)(?:(?:(?:RR|Rural Route|HC) [0-9]{{1,3}},? |(?:Unit|PSC|CMR) [0-9]{{1,5}}, )(?:P\.? ?O\.? )?|(?:P\.? ?O\.?|Post Office) )Box [0-9]{{1,6}}(?:, APO (?:AA|AE|AP)|, [A-Z][a-z]+(?: [A-Z][a-z]+){{0,2}}(?:,? (?:{}))?)?(?-u:\b)",
                US_STATES.join("|")
            ))
            .map_err(regex_err)?,
            ja: Regex::new(&ja_pattern()).map_err(regex_err)?,
            romaji: Regex::new(&romaji_pattern()).map_err(regex_err)?,
            romaji_gate: AhoCorasick::new(
                ["-ku", "-shi", "-cho", "-machi", "-gun", "-mura"]
                    .iter()
                    .chain(PREFECTURES_ROMAJI),
            )
            .map_err(|e| e.to_string())?,
        })
    }

    /// Finds addresses in `t[lo..hi]`; `trig` are the piece's triggers (as written),
    /// `m` its marks (in `t`).
    pub fn find(
        &self,
        t: &str,
        lo: usize,
        hi: usize,
        trig: Triggers,
        m: &Marks,
        out: &mut Vec<Cand>,
    ) {
        let hay = &t[..hi];
        let b = t.as_bytes();
        let starts_clean =
            |s: usize| s == 0 || !(b[s - 1].is_ascii_alphanumeric() || b[s - 1] == b'-');
        // A kept match lies inside the piece, so the piece must hold what every match
        // holds; most pieces with digits hold neither, and the patterns are costly.
        let numbered = trig.upper && m.numbered;
        let boxed = trig.upper && m.boxed;
        // "Hakata-ekimae 2-chome 5-ban": a romaji address may hold no "12 Main" shape.
        let chome = || trig.digit && t[lo..hi].contains("-chome");
        // The romaji pattern is the costliest: most English addresses hold neither a
        // municipality's suffix nor a prefecture, which one scan of the piece settles.
        let romaji = (numbered || (trig.upper && chome())) && self.romaji_gate.is_match(&t[lo..hi]);
        let en = [
            (numbered, &self.en),
            (boxed, &self.po_box),
            (romaji, &self.romaji),
        ];
        // A search may start where the run of characters a match can hold, reaching the
        // piece, starts: no match crosses a character it cannot hold.
        let en_from = || {
            run_start_ascii(t, lo, |c| {
                c.is_ascii_alphanumeric() || matches!(c, b' ' | b',' | b'.' | b'\'' | b'#' | b'-')
            })
        };
        let mut from = None;
        for (_, re) in en.into_iter().filter(|(run, _)| *run) {
            for m in matches_from(re, hay, *from.get_or_insert_with(en_from)) {
                if m.start() >= lo && starts_clean(m.start()) {
                    // "14 Camden Row, Dublin 8, Eircode D08 K2C7": the label of what
                    // follows is read as a town; it is no part of the address.
                    let e = m.start() + without_label_after(m.as_str()).len();
                    out.push(Cand::new(m.start(), trim_end(t, e), Label::Address));
                }
            }
        }
        // A Japanese match names a place (都道府県 or 市区郡) and then a block with a
        // digit, 丁目 or 番地.
        let placed = || {
            let piece = &t[lo..hi];
            piece
                .find(['都', '道', '府', '県', '市', '区', '郡'])
                .is_some_and(|p| {
                    piece[p..].contains(|c: char| c.is_ascii_digit() || c == '丁' || c == '番')
                })
        };
        if trig.cjk && placed() {
            // Japanese sentence punctuation and ASCII punctuation other than `-` and `&`
            // are in no part of the pattern.
            let ja_from = run_start(t, lo, |c| {
                !(is_ja_break(c)
                    || (c.is_ascii()
                        && !(c.is_ascii_alphanumeric() || matches!(c, ' ' | '-' | '&'))))
            });
            for m in matches_from(&self.ja, hay, ja_from) {
                // "住所福岡市…": a label glued before the city is no part of it.
                let label = LABELS_BEFORE
                    .iter()
                    .find(|l| t[m.start()..m.end()].starts_with(**l))
                    .map_or(0, |l| l.len());
                if m.start() >= lo
                    && bare_lot(t, m.start(), m.end()) != Some(false)
                    && !placeholder(m.as_str())
                {
                    let s = m.start() + label;
                    let e = without_addressee(t, m.start(), m.end());
                    out.push(Cand::new(s, trim_end(t, e), Label::Address));
                }
            }
        }
    }
}

/// Whether the Japanese address `a` is a template, its names left as "〇〇"
/// ("〇〇郡〇〇村大字〇〇字〇〇番地", "東京都〇〇区〇〇1-2-3"), as a reply that explains
/// how to write one shows it; not a kanji number ("二〇〇番地").
fn placeholder(a: &str) -> bool {
    a.match_indices("〇〇").any(|(k, _)| {
        !a[..k]
            .chars()
            .next_back()
            .is_some_and(|c| "〇一二三四五六七八九十百千".contains(c))
    })
}

/// The end of the Japanese address `t[s..e]` without the name after its block when
/// "宛" follows it: "…六丁目１番地　物流センター宛て" sends to a department or a firm
/// there, which is no part of the address (a room number keeps it one: "那覇オフィス
/// 二〇五号室宛て").
fn without_addressee(t: &str, s: usize, e: usize) -> usize {
    if !t[e..].starts_with('宛') {
        return e;
    }
    let m = &t[s..e];
    match m.rfind([' ', '\u{3000}']) {
        Some(k)
            if !m[k..].contains(|c: char| {
                c.is_ascii_digit() || "〇一二三四五六七八九号階".contains(c)
            }) =>
        {
            s + k
        }
        _ => e,
    }
}

/// For a Japanese match `t[s..e]` that ends in a lot number alone after the town's name
/// ("富士河口湖町船津1234"): whether it is an address, that is, whether the number ends
/// the clause (not "渋谷区の2店舗", "港区3名様", "新宿区2024年"). `None` for any other match.
fn bare_lot(t: &str, s: usize, e: usize) -> Option<bool> {
    let m = &t[s..e];
    let head = m.trim_end_matches(|c: char| c.is_ascii_digit());
    // Every other block holds a digit, 丁目 or 番 before its end, or is a number right
    // after 町 ("恵比須町42").
    if head.len() == m.len()
        || head.ends_with('町')
        || head.contains(|c: char| c.is_ascii_digit() || c == '番' || c == '丁')
    {
        return None;
    }
    // The town's name ends in a kanji or katakana, not in a particle ("渋谷区の2店舗").
    let before = head.chars().next_back()?;
    if !(crate::text::is_han(before) || crate::text::is_katakana(before)) {
        return Some(false);
    }
    let after = &t[e..];
    let ends = after.is_empty()
        || after.starts_with([
            '。', '、', '，', ' ', '\u{3000}', '（', '(', '）', ')', '\n', '」',
        ])
        || ["です", "に", "へ", "まで"]
            .iter()
            .any(|p| after.starts_with(p));
    Some(ends)
}

/// Labels of what follows an English address, which its town words would take in.
const LABELS_AFTER: &[&str] = &[
    ", Eircode",
    ", Postcode",
    ", Tel",
    ", Phone",
    ", Email",
    ", Fax",
];

/// `s` without a label of [`LABELS_AFTER`] at its end.
fn without_label_after(s: &str) -> &str {
    LABELS_AFTER
        .iter()
        .find_map(|l| s.strip_suffix(l))
        .unwrap_or(s)
}

/// Labels that may stand glued before a Japanese address ("住所福岡市…").
const LABELS_BEFORE: &[&str] = &[
    "住所",
    "所在地",
    "送付先",
    "お届け先",
    "届け先",
    "宛先",
    "返送先",
    "発送先",
    "配送先",
];

/// Street words that mark one part of a UK address as the street.
const STREET_WORDS: &[&str] = &[
    "Street", "Road", "Lane", "Avenue", "Drive", "Close", "Way", "Place", "Square", "Terrace",
    "Crescent", "Gardens", "Mews", "Row", "Hill", "Grove", "Walk", "Green", "Parade", "Court",
    "Park", "Estate", "Yard",
];

/// Words of a department or a company, which end an address read back from its postcode.
const ORG_WORDS: &[&str] = &[
    "Mr",
    "Mrs",
    "Ms",
    "Mx",
    "Dr",
    "Miss",
    "Dept",
    "Department",
    "Returns",
    "Ltd",
    "Limited",
    "Inc",
    "LLC",
    "Attn",
    "FAO",
];

/// Last words of a business's name, which opens no address before its street ("The
/// Osprey Inn, 8 Riverside Walk", "The Crown Capsule Apothecary, 6 Goldthread Row").
const TRADE_ENDS: &[&str] = &[
    "Inn",
    "Hotel",
    "Apothecary",
    "Arms",
    "Tavern",
    "Pub",
    "Bar",
    "Café",
    "Cafe",
    "Emporium",
    "Shop",
    "Store",
    "Gallery",
    "Restaurant",
    "Bistro",
    "Salon",
    "Clinic",
    "Dispensary",
];

/// Words that open an address at a flat or a unit.
const UNITS: [&str; 10] = [
    "Floor ",
    "Flat ",
    "Unit ",
    "Apartment ",
    "Apt ",
    "Suite ",
    "Shop ",
    "Level ",
    "Studio ",
    "Room ",
];

/// A UK address without the house number the patterns start at, read backwards from
/// the postcode at `code` in `t[lo..]`: "Old Mill Farm, Hollow Lane, Great Missenden,
/// Buckinghamshire HP16 9QX", "Unit 4, Carrow Works, Kings Lynn Road, Norwich NR3 1QR",
/// "Studio 5, 88 Deansgate, Manchester M3 2ER". Three to five comma-separated parts of
/// capitalised words or numbers, one of them a street, a numbered part or a house's
/// name; returns the span before the postcode.
pub(crate) fn before_postcode(t: &str, lo: usize, code: usize) -> Option<(usize, usize)> {
    // The postcode may stand on a line of its own, as in a letter's address block.
    let head = t.get(lo..code)?;
    // "Sheffield, S10 3LP": a comma may part the town from it; "> LE4 2ZT": so may a
    // quoted letter's mark.
    let head = head
        .strip_suffix(", ")
        .or_else(|| head.strip_suffix(' '))
        .or_else(|| head.strip_suffix('\n'))?;
    let head = head.strip_suffix("\n>").unwrap_or(head);
    // "Dublin 8, Eircode D08 K2C7": the code's label is no part of the address.
    let head = without_label_after(head);
    let part_ok = |p: &str| {
        let words = p.split(' ').count();
        (1..=4).contains(&words)
            && p.starts_with(|c: char| c.is_ascii_uppercase() || c.is_ascii_digit())
            && p.split(' ').all(|w| {
                w.starts_with(|c: char| c.is_ascii_uppercase() || c.is_ascii_digit())
                    && w.chars()
                        .all(|c| c.is_alphanumeric() || matches!(c, '\'' | '’' | '-'))
            })
    };
    let mut start = head.len();
    let mut parts = 0;
    let mut street = false;
    // Whether the part taken last starts with a house number.
    let mut numbered = false;
    for part in head.rsplit(", ") {
        // A line break opens the address: what stands before it on the lines above
        // is no part of it ("…, at:\n\nThe Old Rectory, Church Road").
        let (part, opens) = match part.rfind('\n') {
            Some(k) if parts > 0 => {
                let line = &part[k + 1..];
                (line.strip_prefix("> ").unwrap_or(line), true)
            }
            _ => (part, false),
        };
        // "Delivery address: The Old Rectory": a label's colon opens the address.
        let (part, opens) = match part.rfind(": ") {
            Some(k) if parts > 0 => (&part[k + 2..], true),
            _ => (part, opens),
        };
        // A department or a company is no part of the address ("Returns Dept, 9 Mill
        // Lane"); nor is what comes before a flat or unit, which opens it ("Zofia
        // Nowak, Flat 5, 19 Abbeville Road").
        let org = part.split(' ').any(|w| ORG_WORDS.contains(&w));
        if parts == 5 || org {
            break;
        }
        // "3/2, 18 Hyndland Road": a Glasgow flat, its floor and door, before the
        // numbered street, opening the line ("Due on 3/2, …" is a date); "3F, 27 Gannet
        // Wynd", "2F1, …": an Edinburgh flat, its floor and door.
        let at = lo + start - part.len();
        let edinburgh = || {
            let b = part.as_bytes();
            (2..=3).contains(&b.len())
                && b[0].is_ascii_digit()
                && b[1] == b'F'
                && b[2..].iter().all(u8::is_ascii_digit)
        };
        let flat = numbered
            && (at == 0 || t[..at].ends_with('\n'))
            && (part.split_once('/').is_some_and(|(a, b)| {
                [a, b]
                    .iter()
                    .all(|n| (1..=2).contains(&n.len()) && n.bytes().all(|c| c.is_ascii_digit()))
            }) || edinburgh());
        if flat {
            start -= part.len();
            parts += 1;
            break;
        }
        if !part_ok(part) {
            // "The returns address is: Unit 12, …": the flat or unit at the part's end
            // opens the address.
            if let Some(k) = UNITS.iter().filter_map(|u| part.rfind(u)).max()
                && part_ok(&part[k..])
                && parts > 0
            {
                start -= part.len() - k;
                parts += 1;
            } else if let Some(k) = house_number_at_end(part)
                && part_ok(&part[k..])
                && parts > 0
            {
                // "The office is at 18 Kingsway, Manchester M19 2LL": a house number
                // and a street with no street word, after the sentence's words.
                start -= part.len() - k;
                parts += 1;
                numbered = true;
                street = true;
            }
            break;
        }
        let taken = head[start..].trim_start_matches(", ");
        if parts > 0 && UNITS.iter().any(|u| taken.starts_with(u)) {
            break;
        }
        // Before a numbered street ("9 Elm Grove"), only a flat, a house's name or a
        // place's ("Tannery Yard", "The Old Maltings") belongs to the address; a
        // person's or a company's name does not ("Sarah Collins, 9 Elm Grove, Bath").
        let last_word = part.rsplit(' ').next().unwrap_or(part);
        // "Ty Gwyn, 8 Heol Maesglas": a Welsh house's name opens with its word for a
        // house, a hill or a hall.
        let welsh = ["Ty ", "Tŷ ", "Bryn ", "Plas ", "Hafod "]
            .iter()
            .any(|w| part.starts_with(w));
        let premises = PREMISES.contains(&last_word) || welsh;
        // A street's name ends with its street word: "Melody Lane Music" is a shop.
        let place = || {
            (part.starts_with("The ") && !TRADE_ENDS.contains(&last_word))
                || UNITS.iter().any(|u| part.starts_with(u))
                || STREET_WORDS.contains(&last_word)
        };
        if numbered && !(premises || place()) {
            break;
        }
        // A house number before a word ("88 Deansgate") or a house's name makes a street.
        numbered = part.starts_with(|c: char| c.is_ascii_digit()) && part.contains(' ');
        street |= numbered || premises || part.split(' ').any(|w| STREET_WORDS.contains(&w));
        start -= part.len();
        parts += 1;
        if opens || start < 2 || !head[..start].ends_with(", ") {
            break;
        }
        start -= 2;
    }
    // `start` may stand on the ", " before the first part taken.
    let start = if head[start..].starts_with(", ") {
        start + 2
    } else {
        start
    };
    // Two parts are enough when the first is a house number and its street ("18
    // Kingsway, Manchester").
    ((parts >= 3 || (parts == 2 && numbered)) && street).then_some((lo + start, lo + head.len()))
}

/// Where the house number that opens the last one to three words of `part` starts
/// ("at 18 Kingsway" → "18 Kingsway"), if words come before it.
fn house_number_at_end(part: &str) -> Option<usize> {
    // The last words, last first: a street of `n` words after the number.
    let words: Vec<&str> = part.rsplit(' ').take(4).collect();
    let n = (1..=3).find(|&n| {
        words
            .get(n)
            .is_some_and(|w| (1..=4).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit()))
    })?;
    let tail = words[..=n].iter().map(|w| w.len()).sum::<usize>() + n;
    (part.len() > tail).then(|| part.len() - tail)
}

fn trim_end(t: &str, e: usize) -> usize {
    let trimmed = t[..e].trim_end_matches([' ', ',']);
    trimmed.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<String> {
        let a = Address::new().unwrap();
        let mut out = Vec::new();
        let m = Marks::of(text, 0, text.len());
        let trig = Triggers {
            upper: true,
            cjk: true,
            ..m.trig
        };
        a.find(text, 0, text.len(), trig, &m, &mut out);
        out.iter()
            .map(|c| text[c.start..c.end].to_owned())
            .collect()
    }

    #[test]
    fn us_and_uk_addresses_stop_before_the_postal_code() {
        assert_eq!(
            spans("at 1600 Amphitheatre Parkway, Mountain View, CA 94043."),
            ["1600 Amphitheatre Parkway, Mountain View, CA"]
        );
        assert_eq!(
            spans("10 Downing Street, London SW1A 2AA"),
            ["10 Downing Street, London"]
        );
        assert_eq!(
            spans("at 17 Queen's Parade, Bath BA1 2NJ"),
            ["17 Queen's Parade, Bath"]
        );
        assert_eq!(
            spans("moved to 1180 West Broadway, Unit 305, Vancouver, BC; call"),
            ["1180 West Broadway, Unit 305, Vancouver, BC"]
        );
    }

    #[test]
    fn uk_addresses_without_a_number_are_read_back_from_the_postcode() {
        let cases = [
            (
                "Drop-off is at our site, Old Mill Farm, Hollow Lane, Great Missenden, Buckinghamshire HP16 9QX.",
                "HP16 9QX",
                Some("Old Mill Farm, Hollow Lane, Great Missenden, Buckinghamshire"),
            ),
            (
                "Unit 4, Carrow Works, Kings Lynn Road, Norwich NR3 1QR",
                "NR3 1QR",
                Some("Unit 4, Carrow Works, Kings Lynn Road, Norwich"),
            ),
            // Two parts, or no street among them, are not enough.
            (
                "Our office is at Baker Street, London NW1 6XE",
                "NW1 6XE",
                None,
            ),
            ("Hope, Faith, Charity, Leeds LS1 4AB", "LS1 4AB", None),
        ];
        for (text, postcode, want) in cases {
            let code = text.find(postcode).unwrap();
            let got = before_postcode(text, 0, code).map(|(s, e)| &text[s..e]);
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn japanese_sentence_punctuation_is_in_no_character_class_of_the_pattern() {
        let class = Regex::new(r"^[\p{Han}\p{Katakana}\p{Hiragana}ヶケ々のがノ・&]$").unwrap();
        for c in "。、！？「」『』【】…‥".chars() {
            assert!(is_ja_break(c) && !class.is_match(&c.to_string()), "{c}");
        }
    }

    #[test]
    fn japanese_addresses_run_from_prefecture_to_room() {
        assert_eq!(
            spans("〒100-0005 東京都千代田区丸の内1-9-2 グラントウキョウサウスタワー10階です"),
            ["東京都千代田区丸の内1-9-2 グラントウキョウサウスタワー10階"]
        );
        assert_eq!(
            spans("住所は新宿区西新宿二丁目8番1号です"),
            ["新宿区西新宿二丁目8番1号"]
        );
        assert_eq!(
            spans("石川県金沢市東山一丁目十三番七号の町家"),
            ["石川県金沢市東山一丁目十三番七号"]
        );
        assert_eq!(
            spans("横浜市中区山下町12-3 ハーバービュー605にございます"),
            ["横浜市中区山下町12-3 ハーバービュー605"]
        );
        // A floor after a space, or in the basement.
        assert_eq!(
            spans("〒273-0012\n千葉県船橋市浜町4丁目18番2号 ベイロジ船橋 3階\n株式会社アオバ"),
            ["千葉県船橋市浜町4丁目18番2号 ベイロジ船橋 3階"]
        );
        assert_eq!(
            spans("📍 東京都渋谷区神南1-19-8 ひびきスクエア地下1階\n☎"),
            ["東京都渋谷区神南1-19-8 ひびきスクエア地下1階"]
        );
        // A katakana building, a place's name after it, a space and a room; a basement
        // floor after a building word.
        assert_eq!(
            spans("〒154-0024 東京都世田谷区三軒茶屋二丁目31番4号 グランシエロ三軒茶屋 507号室"),
            ["東京都世田谷区三軒茶屋二丁目31番4号 グランシエロ三軒茶屋 507号室"]
        );
        assert_eq!(
            spans("| 〒152-0035 東京都目黒区自由が丘二丁目9番14号 ルミエール自由が丘301 |"),
            ["東京都目黒区自由が丘二丁目9番14号 ルミエール自由が丘301"]
        );
        assert_eq!(
            spans("📍 〒530-0001 大阪府大阪市北区梅田9丁目1-8 梅田リングビルB1\n📞"),
            ["大阪府大阪市北区梅田9丁目1-8 梅田リングビルB1"]
        );
        // A place's name in kana or kanji before a katakana name and a room; a wing.
        assert_eq!(
            spans("「札幌市中央区南3条西5丁目1-18 すすきのアーバン601」と入力"),
            ["札幌市中央区南3条西5丁目1-18 すすきのアーバン601"]
        );
        assert_eq!(
            spans("〒460-0008 愛知県名古屋市中区栄三丁目9番21号 栄ブリーズ1104\n"),
            ["愛知県名古屋市中区栄三丁目9番21号 栄ブリーズ1104"]
        );
        assert_eq!(
            spans("千葉県千葉市美浜区中瀬9-1-2 ベイサイド管理棟で保管しています。"),
            ["千葉県千葉市美浜区中瀬9-1-2 ベイサイド管理棟"]
        );
        assert!(spans("松本駅から徒歩5分").is_empty());
    }
}
