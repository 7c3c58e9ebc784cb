//! Markdown tables: which columns hold people or postal codes, so that a name or a code
//! alone in a cell is read as one ("| 10:00 | Beatriz |" under "| Time | Host |",
//! "| 札幌店 | 060-0042 |" under "| 店舗 | 郵便番号 |"), and which hold namesakes or
//! things, so that a name in them is read as no one's ("| Bella | 14.2hh |" under
//! "| Horse | Height |").
//!
//! A [`Table`] is fed the text in order, byte by byte in effect, and knows at every
//! point whether it stands in a row of a table and in which cell, and which of that
//! table's columns have a header that names people, postal codes, namesakes or things.
//! The driver feeds it the text it consumes, in whatever stretches: when a detector asks
//! for the state at its piece's start ([`LazyTable`]) and when a call returns. Feeding
//! in pieces gives the state of feeding at once, so batch and stream agree. A detector
//! copies the state and feeds it its piece up to a cell.

use std::cell::Cell;

/// Header words of a column of people that name no role (compared without case, whole
/// cell). A header that names a role, as the name rules' cues do ("Therapist", "店長",
/// "営業担当"), marks one too: see [`crate::detect::is_role`].
#[rustfmt::skip]
const PEOPLE_HEADERS: &[&str] = &[
    "name", "names", "full name", "contact", "contact person", "staff", "staff member",
    "team member", "member", "who", "person", "speaker", "presenter", "on call", "on-call",
    "assigned to", "tenant", "nail artist", "nailist", "winner", "winners",
    "先生", "主治医", "技術者", "案内役", "司会", "登壇者", "出演者", "管理人", "メカニック",
    "当番", "代表者", "師長",
];

/// Header words of a column of namesakes (compared without case, whole cell): the people
/// a table's rooms, breeds, units or methods are named after ("| Room | Named after |",
/// "| 名称 | 由来 |"), public figures all over the read sets.
#[rustfmt::skip]
const NAMESAKE_HEADERS: &[&str] = &[
    "named after", "named for", "namesake", "honours", "honors", "由来", "名前の由来", "名称の由来",
];

/// Header words of a column of things (compared without case, whole cell, emphasis
/// aside): the rows' horses, boats, models, tunes, routes and venues ("| Dog | Owner |",
/// "| Rod | Model | Price |", "| 犬種 | 特徴 |"). A name in such a column is a thing's
/// or an animal's: no labelled reply puts a person's there, and over the read sets, as
/// the nineteenth reading's code scored them, such columns held 56 names of things.
#[rustfmt::skip]
const THING_HEADERS: &[&str] = &[
    "event", "events", "model", "models", "item", "items", "product", "products", "style",
    "styles", "variety", "varieties", "cultivar", "cultivars", "species", "breed", "breeds",
    "location", "locations", "venue", "venues", "route", "routes", "room", "rooms", "service",
    "services", "ride", "rides", "tune", "tunes", "song", "songs", "track", "tracks", "title",
    "titles", "dance", "dances", "jump", "jumps", "skill", "skills", "move", "moves", "award",
    "awards", "trophy", "trophies", "prize", "prizes", "boat", "boats", "vessel", "vessels",
    "ship", "ships", "horse", "horses", "dog", "dogs", "cat", "cats", "bird", "birds", "animal",
    "animals", "pet", "pets", "puppet", "puppets", "character", "characters", "balloon",
    "balloons", "brand", "brands", "tartan", "tartans", "rose", "roses", "pen", "pens", "ink",
    "inks", "rod", "rods", "panel", "panels", "show", "shows", "race", "races", "course",
    "courses", "class", "classes", "trail", "trails", "walk", "walks", "peak", "peaks", "hill",
    "hills", "station", "stations", "stop", "stops", "dish", "dishes", "drink", "drinks",
    "cocktail", "cocktails", "wine", "wines", "beer", "beers", "cheese", "cheeses", "coffee",
    "coffees", "tea", "teas", "blend", "blends", "scent", "scents", "fragrance", "fragrances",
    "colour", "colours", "color", "colors", "pattern", "patterns", "design", "designs",
    "piece", "pieces", "work", "works", "book", "books", "film", "films", "album", "albums",
    "record", "records", "game", "games", "team", "teams", "recipe", "recipes", "menu",
    "plant", "plants", "tree", "trees", "flower", "flowers", "apple", "apples", "grape",
    "grapes", "car", "cars", "bike", "bikes", "hat", "hats", "chair", "chairs", "font", "fonts",
    "typeface",
    "商品", "商品名", "品名", "品種", "銘柄", "犬種", "猫種", "車両", "車種", "ブランド",
    "モデル", "メニュー", "料理", "曲", "曲名", "作品", "作品名", "書名", "タイトル", "演目",
    "イベント", "イベント名", "会場", "コース", "コース名", "ルート", "ルート名", "山", "山名",
    "駅", "トロフィー", "賞", "賞名", "種類", "品目", "テーマ", "技", "技名", "馬", "馬名",
    "犬", "鳥", "ペット", "人形", "キャラクター", "部屋", "部屋名", "ワイン", "日本酒", "酒",
    "コーヒー", "豆", "花", "品",
];

/// Header words of a column of postal codes (compared without case, whole cell).
#[rustfmt::skip]
const POSTAL_HEADERS: &[&str] = &[
    "郵便番号", "〒", "zip", "zip code", "zipcode", "postcode", "post code", "postal code",
];

/// Longest header cell looked at, in bytes.
const CELL_MAX: usize = 32;

/// Where the text fed so far stands in the line it is on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum Line {
    /// At the start of a line: nothing of it fed yet.
    #[default]
    Start,
    /// In a line that is no table row.
    Prose,
    /// In the first row of a table: its header.
    Header,
    /// In a later row of a table.
    Row,
}

/// What the text fed so far says about the Markdown table it is in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Table {
    line: Line,
    /// The last line was a row of a table (or its header).
    in_table: bool,
    /// The current table's columns of people: bit `k` for the `k`-th cell.
    people: u64,
    /// The current table's columns of postal codes, likewise.
    postal: u64,
    /// The current table's columns of namesakes and of things ([`NAMESAKE_HEADERS`],
    /// [`THING_HEADERS`]), likewise: a name in them names no one.
    no_one: u64,
    /// `|` fed on the current line.
    bars: u32,
    /// The current header cell's text so far (the first [`CELL_MAX`] bytes).
    cell: [u8; CELL_MAX],
    cell_len: u8,
}

impl Table {
    /// Takes in `b`, which follows the text fed so far.
    #[inline]
    pub fn feed(&mut self, b: &[u8]) {
        // Most text is prose, where only a line's end changes anything.
        if self.line == Line::Prose && !b.contains(&b'\n') {
            return;
        }
        self.feed_lines(b);
    }

    fn feed_lines(&mut self, b: &[u8]) {
        let mut i = 0;
        while i < b.len() {
            match self.line {
                Line::Start => {
                    let x = b[i];
                    if x == b'\n' {
                        self.end_line();
                    } else if x == b'|' {
                        if !self.in_table {
                            self.people = 0;
                            self.line = Line::Header;
                        } else {
                            self.line = Line::Row;
                        }
                        self.bars = 1;
                        self.cell_len = 0;
                    } else if x != b' ' {
                        self.line = Line::Prose;
                    }
                    i += 1;
                }
                // Only the line's end matters.
                Line::Prose => match memchr::memchr(b'\n', &b[i..]) {
                    Some(k) => {
                        self.end_line();
                        i += k + 1;
                    }
                    None => return,
                },
                Line::Row => match memchr::memchr2(b'\n', b'|', &b[i..]) {
                    Some(k) => {
                        if b[i + k] == b'\n' {
                            self.end_line();
                        } else {
                            self.bars += 1;
                        }
                        i += k + 1;
                    }
                    None => return,
                },
                Line::Header => {
                    match b[i] {
                        b'\n' => self.end_line(),
                        b'|' => {
                            if self.bars <= 64 {
                                let bit = 1 << (self.bars - 1);
                                if self.header_names_people() {
                                    self.people |= bit;
                                }
                                if self.header_names(POSTAL_HEADERS) {
                                    self.postal |= bit;
                                }
                                if self.header_names(NAMESAKE_HEADERS)
                                    || self.header_names(THING_HEADERS)
                                {
                                    self.no_one |= bit;
                                }
                            }
                            self.bars += 1;
                            self.cell_len = 0;
                        }
                        x => {
                            if usize::from(self.cell_len) < CELL_MAX {
                                self.cell[usize::from(self.cell_len)] = x;
                            }
                            self.cell_len = self.cell_len.saturating_add(1);
                        }
                    }
                    i += 1;
                }
            }
        }
    }

    fn end_line(&mut self) {
        self.in_table = matches!(self.line, Line::Header | Line::Row);
        if !self.in_table {
            self.people = 0;
            self.postal = 0;
            self.no_one = 0;
        }
        self.line = Line::Start;
        self.bars = 0;
    }

    /// The header cell just closed, trimmed and without its emphasis marks ("**Dog**"),
    /// unless it is too long to be looked at.
    fn header_cell(&self) -> Option<&str> {
        let len = usize::from(self.cell_len);
        let cell = self.cell.get(..len)?;
        std::str::from_utf8(cell)
            .ok()
            .map(|c| c.trim().trim_matches(['*', '_']).trim())
    }

    /// Whether the header cell just closed is one of `headers`, without case.
    fn header_names(&self, headers: &[&str]) -> bool {
        self.header_cell()
            .is_some_and(|cell| headers.iter().any(|h| h.eq_ignore_ascii_case(cell)))
    }

    /// Whether the header cell just closed names a column of people.
    fn header_names_people(&self) -> bool {
        self.header_names(PEOPLE_HEADERS)
            || self
                .header_cell()
                .is_some_and(|cell| !cell.is_empty() && crate::detect::is_role(cell))
    }

    /// Whether the text fed so far ends inside a cell, of a row after the header, in a
    /// column of people.
    pub fn in_people_cell(&self) -> bool {
        self.in_column(self.people)
    }

    /// Whether the text fed so far ends inside a cell, of a row after the header, in a
    /// column of postal codes.
    pub fn in_postal_cell(&self) -> bool {
        self.in_column(self.postal)
    }

    /// Whether the text fed so far ends inside a cell, of a row after the header, in a
    /// column of namesakes or of things.
    pub fn in_no_one_cell(&self) -> bool {
        self.in_column(self.no_one)
    }

    fn in_column(&self, columns: u64) -> bool {
        self.line == Line::Row
            && self.bars >= 1
            && self.bars <= 64
            && columns & (1 << (self.bars - 1)) != 0
    }
}

/// A [`Table`] and the text that follows what it was fed, fed to it on first use:
/// most pieces never ask, and feeding long stretches at once is cheaper than a call
/// for every piece.
#[derive(Debug)]
pub(crate) struct LazyTable<'a> {
    table: Cell<Table>,
    pending: Cell<&'a [u8]>,
}

impl<'a> LazyTable<'a> {
    /// `table`, still to be fed `pending`.
    pub fn new(table: Table, pending: &'a [u8]) -> Self {
        LazyTable {
            table: Cell::new(table),
            pending: Cell::new(pending),
        }
    }

    /// The state after the pending text.
    pub fn get(&self) -> Table {
        let mut table = self.table.get();
        let pending = self.pending.take();
        if !pending.is_empty() {
            table.feed(pending);
            self.table.set(table);
        }
        table
    }

    /// Whether nothing is pending any more.
    pub fn is_fed(&self) -> bool {
        self.pending.get().is_empty()
    }
}

/// Whether `t[a..b]` fills a cell of a column of people: `table` is the state after
/// `t[..from]`, and `from <= a`.
pub(crate) fn people_cell(table: &Table, t: &str, from: usize, a: usize, b: usize) -> bool {
    fills_cell(table, t, from, a, b).is_some_and(|at| at.in_people_cell())
}

/// Whether `t[a..b]` fills a cell of a column of postal codes ("| 060-0042 |" under
/// "| 店舗 | 郵便番号 |"); as [`people_cell`].
pub(crate) fn postal_cell(table: &Table, t: &str, from: usize, a: usize, b: usize) -> bool {
    fills_cell(table, t, from, a, b).is_some_and(|at| at.in_postal_cell())
}

/// Whether `t[a]` lies in a cell of a column of namesakes ("| Cecchetti | Enrico
/// Cecchetti (1850–1928) |" under "| Method | Named after |") or of things ("| Bella |
/// 14.2hh |" under "| Horse | Height |"), the cell perhaps holding more than the name;
/// `table` is the state at `from`, and `from <= a`.
pub(crate) fn no_one_cell(table: &Table, t: &str, from: usize, a: usize) -> bool {
    if table.no_one == 0 && table.line != Line::Header && !t[from..a].contains('\n') {
        return false;
    }
    let mut at = *table;
    at.feed(&t.as_bytes()[from..a]);
    at.in_no_one_cell()
}

/// The row's first cell, when the text at `a` opens its second: "検査員" for the name in
/// "| 検査員 | 早乙女 |", "Engineer" in "| Engineer | Halvorsen |". A row's label, as
/// key-value tables write them.
pub(crate) fn row_label(t: &str, a: usize) -> Option<&str> {
    let row = t[..a].trim_end_matches(' ').strip_suffix('|')?;
    let label = crate::text::line_before(t, row.len())
        .trim_start()
        .strip_prefix('|')?
        .trim();
    (!label.contains('|')).then_some(label)
}

/// The table's state at `a` when `t[a..b]` fills a cell (bars around it, spaces
/// aside); `table` is the state at `from`.
fn fills_cell(table: &Table, t: &str, from: usize, a: usize, b: usize) -> Option<Table> {
    let fills = t[..a].trim_end_matches(' ').ends_with('|')
        && t[b..].trim_start_matches(' ').starts_with('|');
    fills.then(|| {
        let mut at = *table;
        at.feed(&t.as_bytes()[from..a]);
        at
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rows_label_is_its_first_cell_before_the_second() {
        fn label<'a>(text: &'a str, name: &str) -> Option<&'a str> {
            row_label(text, text.find(name).unwrap())
        }
        assert_eq!(
            label("| 検査日 | 9月10日 |\n| 検査員 | 早乙女 |", "早乙女"),
            Some("検査員")
        );
        assert_eq!(
            label("| Engineer | Halvorsen |", "Halvorsen"),
            Some("Engineer")
        );
        // A third cell has two before it; text outside a table has none.
        assert_eq!(label("| Mon | AM | Halvorsen |", "Halvorsen"), None);
        assert_eq!(label("Engineer | Halvorsen", "Halvorsen"), None);
    }

    fn cell(text: &str, name: &str) -> bool {
        let a = text.find(name).unwrap();
        people_cell(&Table::default(), text, 0, a, a + name.len())
    }

    #[test]
    fn codes_alone_in_a_column_of_postal_codes_are_found_by_the_header() {
        let t = "| 店舗 | 郵便番号 | 電話 |\n|---|---|---|\n| 札幌店 | 060-0042 | 011-555-0100 |\n";
        let at = |s: &str| {
            let a = t.find(s).unwrap();
            postal_cell(&Table::default(), t, 0, a, a + s.len())
        };
        assert!(at("060-0042"));
        assert!(!at("011-555-0100"));
        assert!(!at("札幌店"));
    }

    #[test]
    fn names_alone_in_a_column_of_people_are_found_by_the_header() {
        let t = "Who is on:\n\n| Time | Host |\n|---|---|\n| 10:00 | Beatriz |\n| 14:00 | Rob |\n";
        assert!(cell(t, "Beatriz"));
        assert!(cell(t, "Rob"));
        // Emphasis marks around a header are no part of its word.
        assert!(cell(
            "| Time | **Host** |\n|---|---|\n| 10:00 | Beatriz |\n",
            "Beatriz"
        ));
        assert!(!cell(t, "10:00"));
        // The header's own cells are no data.
        assert!(!cell(t, "Host"));
        // A header that names a role, as the name rules' cues do, in either language.
        assert!(cell(
            "| Pet | Groomers |\n|---|---|\n| Biscuit | Hannah |\n",
            "Hannah"
        ));
        assert!(!cell(
            "| Pet | Groomers |\n|---|---|\n| Biscuit | Hannah |\n",
            "Biscuit"
        ));
        assert!(cell(
            "| 地域 | 営業担当 |\n|---|---|\n| 北区 | 佐藤 |\n",
            "佐藤"
        ));
        // A table without a column of people.
        assert!(!cell(
            "| Room | Floor |\n|---|---|\n| Grace | 2 |\n",
            "Grace"
        ));
        // A paragraph ends the table: a later table has its own header.
        let two = "| Name | Role |\n|---|---|\n| Ana | Chef |\n\nRooms:\n| Room | Floor |\n|---|---|\n| Grace | 2 |\n";
        assert!(cell(two, "Ana"));
        assert!(!cell(two, "Grace"));
        assert!(cell(
            "| 店舗 | 店長 |\n|---|---|\n| 福岡店 | 木村 |\n",
            "木村"
        ));
    }

    #[test]
    fn feeding_in_pieces_gives_the_state_of_feeding_at_once() {
        let t = "x\n| Time | Host |\n|---|---|\n| 10:00 | Beatriz |\nend\n| Name |\n| Ana |";
        let b = t.as_bytes();
        for cut in 0..=b.len() {
            for cut2 in cut..=b.len() {
                let mut whole = Table::default();
                whole.feed(&b[..cut2]);
                let mut parts = Table::default();
                parts.feed(&b[..cut]);
                parts.feed(&b[cut..cut2]);
                assert_eq!(parts, whole, "{cut} {cut2}");
            }
        }
    }
}
