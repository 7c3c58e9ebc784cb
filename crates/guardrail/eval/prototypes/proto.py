"""Prototypes of the guardrail's domain-free "no one" rules, as they were designed.

Usage: python3 proto.py MIMI_PII_BINARY LANG RULE.py [RULE.py ...]

Runs the binary's `scan` over every read set's replies in LANG (en or ja; the sets in
../held_out.txt are skipped, never read) and applies each rule, a Python function
`rule(text, start, end, name)` over character offsets, to every PERSON span the binary
found. A span counts once if any rule fires. It prints how many gold spans (a span that
overlaps a gold PERSON) and how many wrong spans the rules would drop, then the gold
ones and the first wrong ones (SHOWFP, default 25) with their context.

The docs' counts ("found 23 public figures and no private person") are this script's
output for the binary built at 3e965b5, the code the nineteenth reading started from,
before the later readings listed their domains' public figures:

    git worktree add /tmp/s19 3e965b5
    (cd /tmp/s19 && cargo build --release -p mimi-guardrail --bin mimi-pii)
    python3 proto.py /tmp/s19/target/release/mimi-pii en renown_*_en.py

The rules share their sentence readers (`sentences.py`, beside this script). These are
design aids, not the crate's rules: the Rust code is what runs and what the evaluation
scores.
"""
import glob, json, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
EVAL = os.path.dirname(HERE)
# The rules share the sentence readers of `sentences.py`, beside this script.
sys.path.insert(0, HERE)


def main():
    binary, lang, rule_files = sys.argv[1], sys.argv[2], sys.argv[3:]
    held_out = set(open(os.path.join(EVAL, "held_out.txt")).read().split())
    texts, gold = {}, {}
    for path in sorted(glob.glob(os.path.join(EVAL, "*.jsonl"))):
        if os.path.basename(path)[:-6] in held_out:
            continue
        for line in open(path):
            d = json.loads(line)
            if d["lang"] == lang:
                texts[d["id"]] = d["text"]
                gold[d["id"]] = [(s["start"], s["end"]) for s in d["spans"] if s["label"] == "PERSON"]
    inp = "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in texts.items())
    out = subprocess.run([binary, "scan"], input=inp, capture_output=True, text=True, check=True).stdout
    rules = []
    for f in rule_files:
        ns = {}
        exec(open(f).read(), ns)
        rules.append(ns["rule"])
    hits_gold, hits_wrong = [], []
    for line in out.splitlines():
        d = json.loads(line)
        t = texts[d["id"]]
        b = t.encode()
        for sp in d["spans"]:
            if sp["label"] != "PERSON":
                continue
            s, e = sp["start"], sp["end"]
            cs = len(b[:s].decode("utf-8", "ignore"))
            name = b[s:e].decode()
            ce = cs + len(name)
            if not any(r(t, cs, ce, name) for r in rules):
                continue
            ctx = (t[max(0, cs - 70):cs] + "⟦" + name + "⟧" + t[ce:ce + 50]).replace("\n", "⏎")
            is_gold = any(s < ge and gs < e for gs, ge in gold[d["id"]])
            (hits_gold if is_gold else hits_wrong).append((d["id"], ctx))
    print(f"gold hit {len(hits_gold)}  wrong hit {len(hits_wrong)}")
    for i, c in hits_gold:
        print("GOLD ", i, c)
    for i, c in hits_wrong[: int(os.environ.get("SHOWFP", "25"))]:
        print("WRONG", i, c)


if __name__ == "__main__":
    main()
