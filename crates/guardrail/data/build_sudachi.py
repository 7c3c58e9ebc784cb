#!/usr/bin/env python3
"""Regenerate the Japanese given names taken from SudachiDict (see ../DATA.md).

IPADIC (2007) lacks many given names common among people born since: 陽菜, 結菜,
悠真, 海斗, ひまり. SudachiDict's core dictionary lists them. This script walks every
entry of it with SudachiPy and writes, beside this script:

  ja_given_sudachi.txt       given names (名詞,固有名詞,人名,名) written in one to three
                             kanji that are no surface of any other entry (so no common
                             noun, place or organisation: 結果, 中心, 美咲 as a place);
  ja_given_kana_sudachi.txt  the same entries' readings and kana surfaces, in hiragana,
                             two to four characters, that are no reading or kana surface
                             of any other entry (いま, ねじ, はると as 春と are left out);
  ja_katakana_sudachi.txt    common nouns (名詞,普通名詞) written in two or more katakana
                             that no person's name entry is written as and that
                             ja_katakana.txt lacks, flagged as words (ラテ, ハラール,
                             インプラント; not リリー or ケージ, which name people too).

Needs `sudachipy` and `sudachidict-core` (Apache-2.0), installed as DATA.md says; the
lists are small enough to read in a review, and sorted.
"""
import os
import re
import unicodedata

from sudachipy import Dictionary

from build_data import HAN, HERE, KATA, hiragana, romaji

GIVEN = ("名詞", "固有名詞", "人名", "名")
HIRAGANA = re.compile(r"[\u3041-\u3096]+")


def main():
    names, kana = set(), set()
    words, readings = set(), set()
    kata_words, kata_names = set(), set()
    for m in Dictionary(dict="core").entries():
        pos = tuple(m.part_of_speech()[:4])
        surface = unicodedata.normalize("NFKC", m.surface())
        reading = hiragana(m.reading_form())
        surface_kana = hiragana(surface)
        if KATA.match(surface) and len(surface) >= 2:
            if pos[:3] == GIVEN[:3]:
                kata_names.add(surface)
            elif pos[:2] == ("名詞", "普通名詞"):
                kata_words.add(surface)
        if pos == GIVEN:
            if HAN.fullmatch(surface) and len(surface) <= 3:
                names.add(surface)
            kana.update(k for k in (reading, surface_kana) if k and 2 <= len(k) <= 4)
        elif pos[:3] != GIVEN[:3]:
            # Any other entry but a person's name: a word, a place, an organisation.
            words.add(surface)
            readings.update(k for k in (reading, surface_kana) if k)
    write("ja_given_sudachi.txt", names - words)
    write("ja_given_kana_sudachi.txt", kana - readings)
    # Short words are too often parts of names (ティ, ナム, ヴァン), and a word read as
    # a Japanese name (ツバサ, ミナト) or spelt as an English one (ラジャ) is one too
    # often.
    known = read_list("ja_katakana.txt")
    names_read = read_list("ja_given_kana.txt") | read_list("ja_family_kana.txt")
    names_read |= kana - readings
    first = {n.lower() for n in read_list("en_first.txt")}
    kata_words = {
        w
        for w in kata_words - kata_names - known
        if len(w) >= 3 and hiragana(w) not in names_read and romaji(w) not in first
    }
    write("ja_katakana_sudachi.txt", {w + "\tw" for w in kata_words})


def read_list(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        return {line.split("\t")[0] for line in f.read().splitlines()}


def write(name, entries):
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
        for e in sorted(entries):
            f.write(e + "\n")
    print(f"{name}: {len(entries)}")


if __name__ == "__main__":
    main()
