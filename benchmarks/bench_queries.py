"""Questions on the full graph (all race results, plus the sample article), against networkx.

``python benchmarks/bench_queries.py [--runs N] [--db DIR]``

Loads the three results files of ``../shared/data/nascar-results`` into a fresh
store (or uses ``--db`` if it already holds them), ingests the bundled sample
article when the extractor can run, then times the medians over ``--runs`` calls
(at least 20) of: who-endorses, career, and paths of up to 4 hops, each through
the Python API on the embedded store (name resolution included). The reference
answers the same questions on the same graph held in memory as a networkx
``MultiDiGraph`` (``to_networkx(store.read_all())``, built once and not timed),
with names looked up in a dictionary built beforehand. Both must give the same
answers; the ratio is store time over networkx time.
"""

from __future__ import annotations

import argparse
import itertools
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import SHARED, command_line, peak_rss_mb, table  # noqa: E402

RESULTS = SHARED / "data" / "nascar-results"
FILES = ("cup_series.csv.gz", "nxs_series.csv.gz", "truck_series.csv.gz")
TARGETS_MS = {"who-endorses": 50, "career": 50, "path": 200}
PATHS = [("Toyota", "Corey Heim"), ("Ford", "Corey Heim"), ("Richard Petty", "Corey Heim"),
         ("Joe Gibbs Racing", "Ricky Rudd")]


def medians(fn, runs: int) -> float:
    fn()
    fn()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def build_store(db: Path) -> tuple[str, float]:
    from nascar_kg.graph.rdf_store import RDFStore
    from nascar_kg.loaders.results import load_results

    start = time.perf_counter()
    with RDFStore(db) as store:
        load_results(store, [str(RESULTS / f) for f in FILES])
    seconds = time.perf_counter() - start
    try:
        from nascar_kg.demo import sample_path
        from nascar_kg.loaders.articles import ingest
        from nascar_kg.loaders.extraction import Extractor
        from nascar_kg.queries.names import known_names

        with RDFStore(db) as store:
            extractor = Extractor(extra_names=known_names(store))
            ingest(store, [str(sample_path())], extractor=extractor)
        return "all results + sample article", seconds
    except Exception as exc:  # the extractor is optional here
        return f"all results (sample article not ingested: {type(exc).__name__})", seconds


# ---------------------------------------------------------------------- networkx answers
class Memory:
    """The same questions answered on the graph held in memory by networkx."""

    def __init__(self, G):
        import networkx as nx

        from nascar_kg.ontology.registry import fold

        self.G = G
        self.fold = fold
        self.index: dict[str, list[str]] = {}
        for node, data in G.nodes(data=True):
            for name in {data["name"], *data.get("aliases", ())}:
                self.index.setdefault(fold(name), []).append(node)
        self.undirected = nx.Graph()
        for u, v, data in G.edges(data=True):
            if u != v:
                self.undirected.add_edge(u, v)

    def node(self, name: str) -> str:
        found = self.index.get(self.fold(name), [])
        if len(found) != 1:
            raise KeyError(name)
        return found[0]

    def who_endorses(self, name: str) -> list[str]:
        target = self.node(name)
        return sorted({self.G.nodes[s]["name"] for s, _, d in self.G.in_edges(target, data=True)
                       if d["predicate"] == "endorses"})

    def career(self, name: str) -> list[tuple]:
        driver = self.node(name)
        rows = []
        for _, team, data in self.G.out_edges(driver, data=True):
            if data["predicate"] != "drove_for":
                continue
            for st in data["seasons"]:
                rows.append((st["season"], st["series"], self.G.nodes[team]["name"],
                             st["starts"], st["wins"]))
        return sorted(rows)

    def paths(self, a: str, b: str, max_hops: int = 4, limit: int = 5) -> list[int]:
        import networkx as nx

        source, target = self.node(a), self.node(b)
        try:
            found = itertools.islice(nx.shortest_simple_paths(self.undirected, source, target),
                                     limit)
            return [len(p) - 1 for p in found if len(p) - 1 <= max_hops]
        except nx.NetworkXNoPath:
            return []


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20, help="calls per median (≥ 20)")
    parser.add_argument("--db", default=None, help="use this store (already loaded)")
    args = parser.parse_args(argv)
    runs = max(20, args.runs)
    if args.db is None and not all((RESULTS / f).is_file() for f in FILES):
        print(f"skipped: results files not found in {RESULTS}")
        return 0
    from nascar_kg.graph.networkx import to_networkx
    from nascar_kg.graph.rdf_store import RDFStore
    from nascar_kg.queries import career, find_paths, who_endorses

    work = None
    if args.db:
        db, what, load_s = Path(args.db), "the store given", None
    else:
        work = Path(tempfile.mkdtemp(prefix="bench-queries-"))
        db = work / "db"
        what, load_s = build_store(db)
    try:
        with RDFStore(db, read_only=True) as store:
            triples = store.count_triples()
            memory = Memory(to_networkx(store.read_all()))
            rows, failures = [], []

            def compare(label, ours, theirs, fn, mem_fn, target):
                if ours != theirs:
                    failures.append(f"{label}: store {ours!r} != networkx {theirs!r}")
                ms, ref = medians(fn, runs), medians(mem_fn, runs)
                ok = "yes" if ms < target else "**no**"
                rows.append([label, ms, ref, ms / ref if ref else float("inf"), target, ok])

            endorsed = who_endorses(store, "Corey Heim")
            compare("who-endorses Corey Heim", sorted(e["name"] for e in endorsed["endorsers"]),
                    memory.who_endorses("Corey Heim"),
                    lambda: who_endorses(store, "Corey Heim"),
                    lambda: memory.who_endorses("Corey Heim"), TARGETS_MS["who-endorses"])
            for name in ("Corey Heim", "Richard Petty"):
                data = career(store, name)
                compare(f"career {name}",
                        sorted((s["season"], s["series"], s["team"], s["starts"], s["wins"])
                               for s in data["seasons"]),
                        memory.career(name), lambda n=name: career(store, n),
                        lambda n=name: memory.career(n), TARGETS_MS["career"])
            for a, b in PATHS:
                data = find_paths(store, a, b, max_hops=4)
                compare(f"path {a} → {b} (≤ 4 hops)", [len(p["edges"]) for p in data["paths"]],
                        memory.paths(a, b), lambda a=a, b=b: find_paths(store, a, b, max_hops=4),
                        lambda a=a, b=b: memory.paths(a, b), TARGETS_MS["path"])
    finally:
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)

    print(f"Graph: {what}; {triples:,} triples"
          + (f", loaded in {load_s:.1f} s" if load_s else "") + f"; medians of {runs} calls.\n")
    print(table(["question", "store ms", "networkx ms", "store / networkx", "target ms",
                 "met"], rows))
    print(f"\npeak RSS: {peak_rss_mb():,.0f} MB (the store, and networkx's copy of the graph)")
    if failures:
        print("\nDifferent answers:\n" + "\n".join(f"- {f}" for f in failures))
    print(f"\n`{command_line()}`")
    met = all(r[-1] == "yes" for r in rows)
    return 0 if met and not failures else 1


if __name__ == "__main__":
    sys.exit(main())
