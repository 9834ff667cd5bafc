"""What crash safety costs: the results write with and without its barrier, and the gazetteer.

``python benchmarks/bench_crash.py [--repeat N]``

* A load of race results writes every document and entity before the first
  relation or race (a barrier between two phases of bulk loads), so that a load
  killed at any moment leaves a store that validates. Each round writes the
  aggregated graph of the three results files of ``../shared/data/nascar-results``
  into a fresh store with ``write_results`` (two writer threads, the barrier), and
  the same graph with the same two threads and chunks but no barrier (the writer
  as it was before), in alternating order; the ratio is taken per round and
  reported as the median.
* ``ingest`` and ``extract`` take their gazetteer from the names race results
  brought (``results_names``), no longer from every name of the store
  (``known_names``); both are timed on the full results store.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import SHARED, command_line, median_seconds, table  # noqa: E402

RESULTS = SHARED / "data" / "nascar-results"
FILES = ("cup_series.csv.gz", "nxs_series.csv.gz", "truck_series.csv.gz")


def without_barrier(store, graph, writers: int = 2) -> None:
    """``write_results`` of an empty store as it was: chunks of all kinds in one stream."""
    import queue

    import pyoxigraph as ox

    from nascar_kg.loaders.results_rdf import ntriples_chunks

    ox_store = store.ox_store
    pending: queue.Queue = queue.Queue(maxsize=writers + 1)

    def writer():
        while (chunk := pending.get()) is not None:
            ox_store.bulk_load(chunk, format=ox.RdfFormat.N_TRIPLES, lenient=True)

    threads = [threading.Thread(target=writer) for _ in range(writers)]
    for thread in threads:
        thread.start()
    for chunk in ntriples_chunks(graph.to_batch()):
        pending.put(chunk)
    for _ in threads:
        pending.put(None)
    for thread in threads:
        thread.join()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not RESULTS.is_dir():
        print("the shared race results are not here; nothing measured")
        return 0
    from nascar_kg.graph.rdf_store import RDFStore
    from nascar_kg.loaders.results import build_graph, read_sources
    from nascar_kg.loaders.results_rdf import write_results
    from nascar_kg.queries.names import known_names, results_names

    graph = build_graph(read_sources([str(RESULTS / f) for f in FILES]))
    ways = {"write_results (barrier)": lambda s: write_results(s, graph),
            "same writer, no barrier": lambda s: without_barrier(s, graph)}
    times = {name: [] for name in ways}
    base = Path(tempfile.mkdtemp(prefix="bench-crash-"))
    try:
        for round_ in range(args.repeat):
            order = list(ways) if round_ % 2 == 0 else list(reversed(ways))
            for name in order:
                folder = base / f"{round_}-{len(times[name])}-{name[:5]}"
                start = time.perf_counter()
                with RDFStore(folder) as store:
                    ways[name](store)
                    triples = len(store.ox_store)
                times[name].append(time.perf_counter() - start)
                if name != order[-1] or round_ + 1 < args.repeat:
                    shutil.rmtree(folder)
        ratios = [b / n for b, n in zip(*times.values())]
        print(f"{command_line()}\n\n{triples:,} triples of the three results files; "
              f"medians of {args.repeat} round(s).\n")
        reference = statistics.median(times["same writer, no barrier"])
        print(table(["write", "seconds", "rounds", "/ no barrier"],
                    [[name, statistics.median(t), ", ".join(f"{x:.2f}" for x in t),
                      statistics.median(t) / reference] for name, t in times.items()]))
        print(f"\nbarrier / no barrier, per round: {', '.join(f'{r:.2f}' for r in ratios)}; "
              f"median **{statistics.median(ratios):.2f}×**\n")
        folder = next(p for p in base.iterdir() if p.is_dir())
        with RDFStore(folder, read_only=True) as store:
            rows = []
            for name, fn in (("known_names (before)", known_names),
                             ("results_names (now)", results_names)):
                rows.append([name, len(fn(store)), median_seconds(lambda: fn(store), 5, 1)])
        print(table(["gazetteer of ingest", "names", "seconds"],
                    [*rows, ["results_names / known_names", "", rows[1][2] / rows[0][2]]]))
    finally:
        shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
