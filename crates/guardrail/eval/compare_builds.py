"""Compares the spans of two builds of `mimi-pii` on every labelled set and on the two
identity corpora (stress_corpus.py, splice_corpus.py), and counts what changed against
the gold: correct spans gained and lost, wrong spans gained and lost, per group of
texts; then, for each build, the exact-span F1 of each label and language pooled over
the sets, and the over-redaction pooled over the sets (the share of replies with no
gold span in which anything was redacted), held-out sets apart from the others.
Texts of held-out sets are counted but never shown.

Usage: python3 compare_builds.py BEFORE_BIN AFTER_BIN [--read blind68,blind69]
       [--hide blind41,blind42] [--show]
`--read` names the sets read in this round (their own group), `--hide` the held-out
sets, `--show` prints each changed text that is not hidden."""
import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def corpus(tmp):
    texts, gold, lang = {}, {}, {}
    for f in sorted(glob.glob(os.path.join(HERE, "*.jsonl"))):
        for line in open(f, encoding="utf-8"):
            d = json.loads(line)
            texts[d["id"]] = d["text"]
            gold[d["id"]] = {(s["start"], s["end"], s["label"]) for s in d["spans"]}
            lang[d["id"]] = d["lang"]
    for script in ("stress_corpus.py", "splice_corpus.py"):
        out = os.path.join(tmp, script + ".jsonl")
        subprocess.run([sys.executable, os.path.join(HERE, script), out], check=True)
        for line in open(out, encoding="utf-8"):
            d = json.loads(line)
            texts["unlabelled:" + d["id"]] = d["text"]
    return texts, gold, lang


def scan(binary, texts, tmp):
    path = os.path.join(tmp, "in.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for i, t in texts.items():
            f.write(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n")
    out = subprocess.run([binary, "scan"], stdin=open(path), capture_output=True, text=True, check=True)
    spans = {}
    for line in out.stdout.splitlines():
        d = json.loads(line)
        spans[d["id"]] = {(s["start"], s["end"], s["label"]) for s in d["spans"]}
    return spans


LABELS = ["PERSON", "EMAIL", "PHONE", "ADDRESS", "POSTAL_CODE"]


def f1(tp, gold, found):
    """Exact-span F1 from true positives, gold spans and spans found."""
    p = tp / found if found else 1.0
    r = tp / gold if gold else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("before")
    ap.add_argument("after")
    ap.add_argument("--read", default="")
    ap.add_argument("--hide", default="")
    ap.add_argument("--show", action="store_true")
    a = ap.parse_args()
    prefixes = lambda s: tuple(p + "-" for p in s.split(",") if p)
    read, hide = prefixes(a.read), prefixes(a.hide)
    with tempfile.TemporaryDirectory() as tmp:
        texts, gold, lang = corpus(tmp)
        before, after = scan(a.before, texts, tmp), scan(a.after, texts, tmp)
    rows = {}
    for i in texts:
        if before[i] == after[i]:
            continue
        group = ("held out" if i.startswith(hide) else "read this round" if i.startswith(read)
                 else "unlabelled" if i not in gold else "other sets")
        r = rows.setdefault(group, [0, 0, 0, 0, 0])
        r[0] += 1
        if i in gold:
            g = gold[i]
            r[1] += len((after[i] - before[i]) & g)
            r[2] += len((before[i] - after[i]) & g)
            r[3] += len((after[i] - before[i]) - g)
            r[4] += len((before[i] - after[i]) - g)
        if a.show and group != "held out":
            b = texts[i].encode()
            f = lambda s: "|".join(f"{l}:{b[x:y].decode(errors='replace')}" for x, y, l in sorted(s))
            print(f"{i}: -[{f(before[i] - after[i])}] +[{f(after[i] - before[i])}]")
    print(f"{len(texts)} texts")
    print("| texts | changed | correct gained | correct lost | wrong gained | wrong lost |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for group in ("read this round", "other sets", "held out", "unlabelled"):
        r = rows.get(group, [0, 0, 0, 0, 0])
        if group == "unlabelled":
            print(f"| {group} | {r[0]} | – | – | – | – |")
        elif group == "held out":
            print(f"| {group} | {r[0]} | (not shown) | | | |")
        else:
            print(f"| {group} | {r[0]} | {r[1]} | {r[2]} | {r[3]} | {r[4]} |")
    # Over-redaction pooled over the sets: replies without PII in which a build redacts.
    pooled = {}
    for i, g in gold.items():
        if g:
            continue
        key = ("held out" if i.startswith(hide) else "read", lang[i])
        p = pooled.setdefault(key, [0, 0, 0])
        p[0] += 1
        p[1] += bool(before[i])
        p[2] += bool(after[i])
    # Exact-span F1 per label, pooled over the sets of each group.
    counts = {}
    for i, g in gold.items():
        group = "held out" if i.startswith(hide) else "read"
        for label in LABELS:
            want = {x for x in g if x[2] == label}
            c = counts.setdefault((group, lang[i], label), [0, 0, 0, 0, 0])
            c[0] += len(want)
            for k, spans in ((1, before[i]), (3, after[i])):
                got = {x for x in spans if x[2] == label}
                c[k] += len(got & want)
                c[k + 1] += len(got)
    print()
    print("| sets | lang | label | gold spans | F1 before | after |")
    print("| --- | --- | --- | ---: | ---: | ---: |")
    for (group, lg, label), (n, tb, fb, ta, fa) in sorted(counts.items(), key=lambda kv: (kv[0][0] != "read", kv[0][1], LABELS.index(kv[0][2]))):
        if n:
            print(f"| {group} | {lg} | {label} | {n} | {f1(tb, n, fb):.3f} | {f1(ta, n, fa):.3f} |")
    print()
    print("| sets | lang | replies without PII | over-redaction before | after |")
    print("| --- | --- | ---: | ---: | ---: |")
    for (group, lg), (n, b, f) in sorted(pooled.items(), reverse=True):
        print(f"| {group} | {lg} | {n} | {100 * b / n:.1f} % ({b}) | {100 * f / n:.1f} % ({f}) |")


if __name__ == "__main__":
    main()
