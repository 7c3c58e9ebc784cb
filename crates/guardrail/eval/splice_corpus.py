"""Writes a 6,000-text identity check corpus (JSON lines for `mimi-pii scan`) that is
harsher than stress_corpus.py: random slices of the dev and check replies spliced with
separators that sit next to matches (@, -, ー, 〒, digits, "Mr. ", さん, 様, brackets),
some made full-width, upper-, lower- or title-cased, with spaces removed or doubled and
hyphens turned into look-alikes. Fixed seed. Usage: python3 splice_corpus.py OUT.jsonl"""
import json, os, random, sys
random.seed(20261202)
here = os.path.dirname(os.path.abspath(__file__))
texts = []
for f in ["dev.jsonl", "check.jsonl"]:
    for l in open(os.path.join(here, f)):
        texts.append(json.loads(l)["text"])
def fw(s):
    return "".join(chr(ord(c)+0xFEE0) if '!'<=c<='~' and random.random()<0.5 else ('\u3000' if c==' ' and random.random()<0.3 else c) for c in s)
seps = [" ","\n","",". ","。","、","  ","\t",", ","(",")","@","-","ー","〒","　","1","Mr. ","さん","様"]
out = []
for i in range(6000):
    parts = []
    for _ in range(random.randint(1,5)):
        t = random.choice(texts)
        if random.random()<0.5:
            a=random.randint(0,len(t)); b=random.randint(a,len(t)); t=t[a:b]
        parts.append(t)
    s = random.choice(seps).join(parts)
    r = random.random()
    if r<0.15: s=fw(s)
    elif r<0.22: s=s.upper()
    elif r<0.29: s=s.lower()
    elif r<0.34: s=s.title()
    if random.random()<0.1: s=s.replace("-","ー")
    if random.random()<0.1: s=s.replace(" ","")
    if random.random()<0.1: s=s.replace(" ","  ")
    if random.random()<0.05: s=s.replace("-","‐").replace("(","（")
    out.append({"id":"h%d"%i,"text":s})
with open(sys.argv[1], "w") as f:
    for o in out: f.write(json.dumps(o,ensure_ascii=False)+"\n")
