"""Writes the 3,369-text identity check corpus (JSON lines for `mimi-pii scan`): the dev
and check replies, then 3,000 random joins of 1-4 of them, some made full-width,
upper- or lower-cased, cut short or with hyphens turned into prolonged sound marks.
Fixed seed. Usage: python3 stress_corpus.py OUT.jsonl"""
import json, os, random, sys
random.seed(4)
texts=[]
for f in ["dev.jsonl","check.jsonl"]:
    for l in open(os.path.join(os.path.dirname(os.path.abspath(__file__)), f)):
        texts.append(json.loads(l)["text"])
def fw(s):
    return "".join(chr(ord(c)+0xFEE0) if '!'<=c<='~' and random.random()<0.7 else ('\u3000' if c==' ' and random.random()<0.3 else c) for c in s)
out=[]
for i,t in enumerate(texts): out.append({"id":"o%d"%i,"text":t})
for i in range(3000):
    k=random.randint(1,4)
    s=random.choice([" ","\n","",". ","。"]).join(random.choice(texts) for _ in range(k))
    r=random.random()
    if r<0.15: s=fw(s)
    elif r<0.25: s=s.upper()
    elif r<0.35: s=s.lower()
    if random.random()<0.3:
        a=random.randint(0,len(s)); b=random.randint(a,len(s)); s=s[a:b]
    if random.random()<0.1:
        s=s.replace("-","ー").replace(" ","")
    out.append({"id":"r%d"%i,"text":s})
with open(sys.argv[1], "w") as f:
    for o in out: f.write(json.dumps(o,ensure_ascii=False)+"\n")
