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
                             of any other entry (いま, ねじ, はると as 春と are left out).

Needs `sudachipy` and `sudachidict-core` (Apache-2.0), installed as DATA.md says; the
lists are small enough to read in a review, and sorted.
"""
import os
import re
import unicodedata

from sudachipy import Dictionary

from build_data import HAN, HERE, hiragana

GIVEN = ("名詞", "固有名詞", "人名", "名")
HIRAGANA = re.compile(r"[\u3041-\u3096]+")


def main():
    names, kana = set(), set()
    words, readings = set(), set()
    for m in Dictionary(dict="core").entries():
        pos = tuple(m.part_of_speech()[:4])
        surface = unicodedata.normalize("NFKC", m.surface())
        reading = hiragana(m.reading_form())
        surface_kana = hiragana(surface)
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


def write(name, entries):
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
        for e in sorted(entries):
            f.write(e + "\n")
    print(f"{name}: {len(entries)}")


if __name__ == "__main__":
    main()
