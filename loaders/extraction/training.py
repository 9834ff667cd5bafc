"""Train the pair model of :mod:`.pairs` on gold files.

``python -m nascar_kg.loaders.extraction.training --gold DIR [--gold DIR ...] [--out FILE]``

Every candidate pair of :func:`.pairs.candidates` in a gold document,
as if no rule had linked anything, is an example: positive when the gold file relates
the two entities with the candidate's predicate (coarse: crew chiefs, owners and
sponsors count as ``affiliated_with``, either direction), negative when it does not,
left out when the gold relation is optional. Training on every pair, not only on those
the rules left, gives the model the many plain ways reporting states a relation rather
than the few odd ones the rules of the development set happened to miss (measured on a
blind set: the model trained on the leftovers added less). It is applied to the pairs
the rules left. The model is an L2-regularised logistic regression fitted by gradient
descent (numpy), with the threshold :data:`THRESHOLD`.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .pairs import MODEL_PATH, KnownFacts, candidates

COARSE = {"crew_chief_for": "affiliated_with", "owns": "affiliated_with",
          "sponsors": "affiliated_with"}
THRESHOLD = 0.55
"""The model is trained on every pair, the easy ones the rules also find included, so
its probabilities are optimistic for the harder pairs the rules leave: it asks more than
the half of the expected F1 that an unbiased model would need."""
L2 = 5.0
MIN_COUNT = 2
"""A feature seen in fewer training examples than this gets no weight."""


def examples(extractor, gold_docs) -> tuple[list[list[str]], list[int]]:
    """Features and labels of every candidate pair of the gold documents, as if no rule
    had linked any."""
    from nascar_kg.loaders.evaluation import _Names

    gaz, linker, rel = extractor._components()
    kb = KnownFacts(extractor.registry)
    feats, labels = [], []
    texts = ((g.text, g) for g in gold_docs)
    for doc, gold in extractor.nlp.pipe(texts, as_tuples=True):
        de = linker(doc, gaz(doc))
        rel(de)  # (the rules record quotations and pronouns, and settle some types)
        names = _Names(gold)
        required, optional = set(), set()
        for r in gold.relations:
            key = (frozenset((names.node(r.subject), names.node(r.object))),
                   COARSE.get(r.predicate, r.predicate))
            (optional if r.optional else required).add(key)
        optional -= required

        for _, x, y, pred, f in candidates(de, [], kb):
            key = (frozenset((names.node(de.entities[x].name), names.node(de.entities[y].name))),
                   COARSE.get(pred, pred))
            if key in optional:
                continue
            feats.append(f)
            labels.append(int(key in required))
    return feats, labels


def fit(feats: list[list[str]], labels: list[int], l2: float = 1.0, steps: int = 2000,
        rate: float = 0.5) -> tuple[dict[str, float], float]:
    """Weights and bias of an L2-regularised logistic regression (full-batch descent)."""
    import numpy as np

    counts: dict[str, int] = {}
    for f in feats:
        for name in set(f):
            counts[name] = counts.get(name, 0) + 1
    vocab = sorted(n for n, c in counts.items() if c >= MIN_COUNT)
    index = {n: k for k, n in enumerate(vocab)}
    x = np.zeros((len(feats), len(vocab)), dtype=np.float64)
    for i, f in enumerate(feats):
        for name in f:
            if name in index:
                x[i, index[name]] = 1.0
    y = np.asarray(labels, dtype=np.float64)
    w = np.zeros(len(vocab))
    b = 0.0
    n = len(y)
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
        g = p - y
        w -= rate * (x.T @ g / n + l2 * w / n)
        b -= rate * g.mean()
    return {name: round(float(w[k]), 4) for name, k in index.items() if abs(w[k]) >= 1e-3}, \
        round(float(b), 4)


def train(gold_dirs, l2: float = L2, threshold: float = THRESHOLD) -> dict:
    """The model (``bias``, ``threshold``, ``weights``) trained on the gold files."""
    from nascar_kg.loaders.evaluation import load_gold

    from .extractor import Extractor

    gold = [g for d in gold_dirs for g in load_gold(d)]
    feats, labels = examples(Extractor(), gold)
    weights, bias = fit(feats, labels, l2=l2)
    return {"threshold": threshold, "bias": bias, "examples": len(labels),
            "positives": sum(labels), "trained_on": [Path(d).name for d in gold_dirs],
            "weights": dict(sorted(weights.items()))}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", action="append", required=True, help="gold folder")
    parser.add_argument("--out", default=str(MODEL_PATH))
    parser.add_argument("--l2", type=float, default=L2)
    parser.add_argument("--threshold", type=float, default=THRESHOLD)
    args = parser.parse_args(argv)
    model = train(args.gold, args.l2, args.threshold)
    Path(args.out).write_text(json.dumps(model, indent=0, sort_keys=True) + "\n",
                              encoding="utf-8")
    print(f"{args.out}: {model['examples']} examples, {model['positives']} positive, "
          f"{len(model['weights'])} weights, threshold {model['threshold']}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
