#!/usr/bin/env python3
"""Validate the retrieval evaluation set and print its counts.

Usage: python3 check.py [items.jsonl] [queries.jsonl]   (defaults: next to this file)

Checks that every line parses and has exactly the expected keys, that ids are unique
(per app, as the evaluation command needs, and across apps, so that a result leaking
from another app can never be scored as a hit), that every expected id exists in the
query's own app, that each query's language tag matches its script, and that page
bodies are within the agreed length. Exits 1 and lists every problem if any check fails.
"""

import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
FAQ_KEYS = ["app", "id", "kind", "question", "answer"]
PAGE_KEYS = ["app", "id", "kind", "title", "body"]
QUERY_KEYS = {"app", "id", "text", "expected", "category", "lang"}
CATEGORIES = {
    "paraphrase", "keyword", "page-fact", "typo-casual", "polite-ja", "casual-ja",
    "romaji-katakana", "cross-lingual", "multi-answer", "unanswerable",
}
# Kana and CJK ideographs: a text containing any of them counts as Japanese.
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]")
# Page length: 300–2,500 words for English, the same range in characters for Japanese.
PAGE_MIN, PAGE_MAX = 300, 2500


def is_japanese(text):
    return bool(JAPANESE.search(text))


def page_length(body):
    """Words for Latin text, non-space characters for Japanese text."""
    if is_japanese(body):
        return len(re.sub(r"\s", "", body))
    return len(body.split())


def read_jsonl(path, problems):
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            problems.append(f"{path.name}:{n}: not JSON ({e})")
            continue
        if not isinstance(row, dict):
            problems.append(f"{path.name}:{n}: not an object")
            continue
        rows.append((n, row))
    return rows


def check_items(rows, problems):
    ids = defaultdict(set)
    seen_global = {}
    for n, it in rows:
        where = f"items.jsonl:{n}"
        keys = PAGE_KEYS if it.get("kind") == "page" else FAQ_KEYS
        if it.get("kind") not in ("faq", "page"):
            problems.append(f"{where}: kind must be faq or page")
        if list(it) != keys:
            problems.append(f"{where}: keys {list(it)} != {keys}")
        if any(not isinstance(it.get(k), str) or not it.get(k).strip() for k in keys):
            problems.append(f"{where}: empty or non-string field")
            continue
        app, iid = it["app"], it["id"]
        if iid in ids[app]:
            problems.append(f"{where}: id {iid} repeated in app {app}")
        ids[app].add(iid)
        if iid in seen_global and seen_global[iid] != app:
            problems.append(f"{where}: id {iid} also used in app {seen_global[iid]}")
        seen_global[iid] = app
        if it["kind"] == "page":
            length = page_length(it["body"])
            if not PAGE_MIN <= length <= PAGE_MAX:
                problems.append(f"{where}: page {iid} length {length} outside {PAGE_MIN}-{PAGE_MAX}")
            if not re.search(r"^#{1,3} ", it["body"], re.M):
                problems.append(f"{where}: page {iid} has no Markdown heading")
    return ids


def check_queries(rows, item_ids, problems):
    seen = set()
    for n, q in rows:
        where = f"queries.jsonl:{n}"
        if set(q) != QUERY_KEYS:
            problems.append(f"{where}: keys {sorted(q)} != {sorted(QUERY_KEYS)}")
            continue
        if q["id"] in seen:
            problems.append(f"{where}: query id {q['id']} repeated")
        seen.add(q["id"])
        if q["app"] not in item_ids:
            problems.append(f"{where}: app {q['app']} has no items")
        if q["category"] not in CATEGORIES:
            problems.append(f"{where}: unknown category {q['category']}")
        if q["lang"] != ("ja" if is_japanese(q["text"]) else "en") and q["category"] != "romaji-katakana":
            problems.append(f"{where}: lang {q['lang']} does not match the text's script")
        exp = q["expected"]
        if not isinstance(exp, list) or len(set(exp)) != len(exp):
            problems.append(f"{where}: expected must be a list without repeats")
            continue
        if (q["category"] == "unanswerable") != (not exp):
            problems.append(f"{where}: expected is empty exactly when the category is unanswerable")
        if q["category"] == "multi-answer" and len(exp) < 2:
            problems.append(f"{where}: multi-answer query with fewer than two expected items")
        for e in exp:
            if e not in item_ids.get(q["app"], set()):
                problems.append(f"{where}: expected id {e} is not an item of app {q['app']}")


def table(title, counter, total):
    print(f"\n{title}")
    for key, count in sorted(counter.items()):
        print(f"  {key:<28}{count:>5}  {100 * count / total:5.1f}%")


def report(items, queries):
    iq = [r for _, r in items]
    qq = [r for _, r in queries]
    per_app = defaultdict(Counter)
    for it in iq:
        per_app[it["app"]][it["kind"]] += 1
        lang = "ja" if is_japanese(it.get("question", "") + it.get("title", "")) else "en"
        per_app[it["app"]][f"items-{lang}"] += 1
    for q in qq:
        per_app[q["app"]]["queries"] += 1
        per_app[q["app"]][f"queries-{q['lang']}"] += 1
    print(f"{len(iq)} items, {len(qq)} queries")
    print(f"\n{'app':<14}{'faq':>5}{'page':>6}{'it-en':>7}{'it-ja':>7}{'queries':>9}{'q-en':>6}{'q-ja':>6}")
    for app, c in sorted(per_app.items()):
        print(f"{app:<14}{c['faq']:>5}{c['page']:>6}{c['items-en']:>7}{c['items-ja']:>7}"
              f"{c['queries']:>9}{c['queries-en']:>6}{c['queries-ja']:>6}")
    table("queries by language", Counter(q["lang"] for q in qq), len(qq))
    table("queries by category", Counter(q["category"] for q in qq), len(qq))
    table("queries by number of expected items", Counter(len(q["expected"]) for q in qq), len(qq))
    print("\npage lengths (words or characters)")
    for it in iq:
        if it["kind"] == "page":
            print(f"  {it['id']:<34}{page_length(it['body']):>6}")


def main():
    items_path = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "items.jsonl"
    queries_path = Path(sys.argv[2]) if len(sys.argv) > 2 else HERE / "queries.jsonl"
    problems = []
    items = read_jsonl(items_path, problems)
    queries = read_jsonl(queries_path, problems)
    item_ids = check_items(items, problems)
    check_queries(queries, item_ids, problems)
    if problems:
        print("\n".join(problems))
        print(f"\n{len(problems)} problem(s)")
        sys.exit(1)
    report(items, queries)
    print("\nok")


if __name__ == "__main__":
    main()
