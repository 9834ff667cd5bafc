"""Loading all race results, against a raw pyoxigraph bulk load of the same triples.

``python benchmarks/bench_results.py [--repeat N] [--files PATH ...]``

Each round loads the three results files of ``../shared/data/nascar-results``
with ``load_results`` into a fresh store directory (reading, aggregation, name
resolution, triples and writing: the whole load), then writes the very same
triples, already built, into another fresh directory with pyoxigraph alone:
``bulk_extend`` of ``Quad`` objects, ``bulk_load`` of N-Triples bytes, and
``extend`` (one transaction per 50,000 quads, as ``RDFStore.write``), and
``bulk_load`` of the two halves of the N-Triples in two threads at once (the
loader writes with two threads). The ratio is
the loader's time over the fastest raw load, computed in each round (the loads
of one round run back to back, so they share the machine's load) and reported
as the median over rounds; CPU seconds (this process, all threads) are given
too. Peak memory is that of the process after the first load
(``resource.getrusage``), before any raw load.
"""

from __future__ import annotations

import argparse
import gc
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
EXTEND_CHUNK = 50_000


def load_with_loader(files: list[str], folder: Path):
    from nascar_kg.graph.rdf_store import RDFStore
    from nascar_kg.loaders.results import load_results

    gc.collect()
    start, cpu = time.perf_counter(), time.process_time()
    with RDFStore(folder) as store:
        report = load_results(store, files)
    return report, time.perf_counter() - start, time.process_time() - cpu


def same_triples(folder: Path):
    """The loaded store's triples, as Quad objects and as N-Triples bytes."""
    import pyoxigraph as ox

    store = ox.Store.read_only(str(folder))
    quads = [ox.Quad(q.subject, q.predicate, q.object) for q in store]
    data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    del store
    return quads, data


def raw_load(method: str, quads, data: bytes, folder: Path) -> float:
    import pyoxigraph as ox

    gc.collect()
    start, cpu = time.perf_counter(), time.process_time()
    store = ox.Store(str(folder))
    if method == "bulk_extend":
        store.bulk_extend(quads)
    elif method == "bulk_load":
        store.bulk_load(data, format=ox.RdfFormat.N_TRIPLES)
    elif method == "bulk_load ×2 threads":
        import threading

        middle = data.index(b"\n", len(data) // 2) + 1
        threads = [threading.Thread(target=store.bulk_load, args=(part,),
                                    kwargs={"format": ox.RdfFormat.N_TRIPLES, "lenient": True})
                   for part in (data[:middle], data[middle:])]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    else:
        for i in range(0, len(quads), EXTEND_CHUNK):
            store.extend(quads[i:i + EXTEND_CHUNK])
    store.flush()
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    assert len(store) == len(quads)
    del store
    return seconds, cpu


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="rounds (medians are reported)")
    parser.add_argument("--files", nargs="*", default=None, help="results files to load")
    parser.add_argument("--no-extend", action="store_true",
                        help="skip the (slow) transactional extend reference")
    args = parser.parse_args(argv)
    files = args.files or [str(RESULTS / f) for f in FILES]
    missing = [f for f in files if not Path(f).is_file()]
    if missing:
        print(f"skipped: results files not found ({', '.join(missing)})")
        return 0
    import pyarrow  # (imports are not part of a load)
    import pyarrow.csv  # noqa: F401
    import pyarrow.parquet  # noqa: F401
    import pyoxigraph  # noqa: F401

    pyarrow.scalar(0)  # pyarrow imports pandas on its first Python-to-Arrow conversion

    from nascar_kg.loaders.results import load_results  # noqa: F401
    from nascar_kg.ontology.registry import load_registry

    load_registry()
    work = Path(tempfile.mkdtemp(prefix="bench-results-"))
    methods = ["bulk_extend", "bulk_load", "bulk_load ×2 threads"] + (
        [] if args.no_extend else ["extend"])
    loader_s, loader_cpu, ratios = [], [], []
    raw_s = {m: [] for m in methods}
    raw_cpu = {m: [] for m in methods}
    peak = None
    report = None
    try:
        for round_ in range(args.repeat):
            folder = work / f"loader-{round_}"
            report, seconds, cpu = load_with_loader(files, folder)
            loader_s.append(seconds)
            loader_cpu.append(cpu)
            if peak is None:
                peak = peak_rss_mb()
            quads, data = same_triples(folder)
            shutil.rmtree(folder)
            for method in methods:
                target = work / f"{method}-{round_}"
                seconds_raw, cpu_raw = raw_load(method, quads, data, target)
                raw_s[method].append(seconds_raw)
                raw_cpu[method].append(cpu_raw)
                shutil.rmtree(target)
            ratios.append(seconds / min(raw_s[m][-1] for m in methods))
            n_triples = len(quads)
            del quads, data
            gc.collect()
    finally:
        shutil.rmtree(work, ignore_errors=True)

    med = statistics.median
    loader = med(loader_s)
    raws = {m: med(v) for m, v in raw_s.items()}
    rows = [["nascar-kg load_results (read, aggregate, resolve, write)", loader, med(loader_cpu),
             report.rows / loader, n_triples / loader, 1.0]]
    for method in methods:
        rows.append([f"raw pyoxigraph {method} of the same triples", raws[method],
                     med(raw_cpu[method]), report.rows / raws[method],
                     n_triples / raws[method], raws[method] / loader])
    print(f"{report.rows:,} rows ({report.loaded:,} loaded, {report.skipped:,} skipped) → "
          f"{n_triples:,} triples; medians of {args.repeat} round(s).\n")
    print(table(["load", "seconds", "CPU s", "rows/s", "triples/s", "time / loader"], rows))
    ratio = med(ratios)
    print(f"\nloader / fastest raw load of the same round: **{ratio:.2f}×** (median; rounds: "
          f"{', '.join(f'{r:.2f}' for r in ratios)}; target ≤ 2×); peak RSS after the load: "
          f"**{peak:,.0f} MB** (target < 2,048 MB)")
    print(f"\nloader rounds: {', '.join(f'{s:.2f}' for s in loader_s)} s; " + "; ".join(
        f"{m}: {', '.join(f'{s:.2f}' for s in v)} s" for m, v in raw_s.items()))
    print(f"\n`{command_line()}`")
    return 0 if ratio <= 2.0 and peak < 2048 else 1


if __name__ == "__main__":
    sys.exit(main())
