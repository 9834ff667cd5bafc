"""Pushing the full race results and the sample article into a Bolt server, against the embedded store.

``python benchmarks/bench_neo4j.py [--batch-size N ...] [--uri URI --user U --database D]
[--append]``

1. Loads the three results files of ``../shared/data/nascar-results`` (``load_results``)
   and the bundled sample article (``ingest``) into a fresh embedded store (timed).
2. Reads that store back as one batch (``read_all``, what ``push`` reads; timed).
3. Writes the batch into a fresh embedded store with ``RDFStore.write`` (timed): the
   reference, the same data into the embedded store.
4. Pushes the batch into an empty Bolt database with ``Neo4jStore.write`` for each batch
   size (timed), then pushes it again (nothing changes; timed), and checks that the
   statistics of both stores are the same.

The Bolt server is ArcadeDB's, started from the ``arcadedb-embedded`` wheel on
127.0.0.1 (``tests/servers.py``), unless ``--uri`` names another (Neo4j; the password
comes from ``NEO4J_PASSWORD``; its database is emptied). Rows are what a push
writes: entities, documents, relations, races, and every piece of evidence and
season record. ``--append`` writes the table and the command into
``benchmarks/RESULTS.md`` under ``## Neo4j push`` (replacing that section only).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))

from common import SHARED, command_line, peak_rss_mb, table  # noqa: E402

RESULTS = SHARED / "data" / "nascar-results"
FILES = ("cup_series.csv.gz", "nxs_series.csv.gz", "truck_series.csv.gz")
SECTION = "## Neo4j push"


def rows_of(batch) -> int:
    merged = batch.merged()
    return len(merged) + sum(len(r.evidence) + len(r.seasons) for r in merged.relations)


def build_embedded(folder: Path):
    from nascar_kg.demo import sample_path
    from nascar_kg.graph.rdf_store import RDFStore
    from nascar_kg.loaders.articles import ingest
    from nascar_kg.loaders.results import load_results

    times = {}
    with RDFStore(folder) as store:
        start = time.perf_counter()
        load_results(store, [str(RESULTS / f) for f in FILES])
        times["results"] = time.perf_counter() - start
        start = time.perf_counter()
        ingest(store, [str(sample_path())])
        times["article"] = time.perf_counter() - start
    start = time.perf_counter()
    with RDFStore(folder, read_only=True) as store:
        batch = store.read_all()
    times["read_all"] = time.perf_counter() - start
    return batch, times


def embedded_write(batch, folder: Path):
    from nascar_kg.graph.rdf_store import RDFStore
    from nascar_kg.queries import stats

    start = time.perf_counter()
    with RDFStore(folder) as store:
        store.write(batch)
    seconds = time.perf_counter() - start
    with RDFStore(folder, read_only=True) as store:
        return seconds, stats(store)


def push(batch, connect, batch_size: int):
    from nascar_kg.queries import stats

    with connect(batch_size) as store:
        store.clear()
    with connect(batch_size) as store:  # opening creates the constraints, as push does
        start = time.perf_counter()
        store.write(batch)
        first = time.perf_counter() - start
        counts = store.counts()
        start = time.perf_counter()
        store.write(batch)
        second = time.perf_counter() - start
        assert store.counts() == counts, "the second push changed the graph"
        return first, second, stats(store)


def write_section(text: str, path: Path = HERE / "RESULTS.md") -> None:
    """Put ``text`` under ``## Neo4j push`` in RESULTS.md, leaving other sections alone."""
    old = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n"
    body = f"{SECTION}\n\n{text.strip()}\n"
    pattern = re.compile(rf"^{re.escape(SECTION)}\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(old):
        new = pattern.sub(lambda m: body + "\n", old, count=1).rstrip() + "\n"
    else:
        new = old.rstrip() + "\n\n" + body
    path.write_text(new, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch-size", type=int, action="append",
                        help="rows per transaction (repeatable; default 5000)")
    parser.add_argument("--uri", help="a running Bolt server instead of ArcadeDB")
    parser.add_argument("--user", default=os.environ.get("NEO4J_USERNAME", "neo4j"))
    parser.add_argument("--database", default=os.environ.get("NEO4J_DATABASE", "neo4j"))
    parser.add_argument("--append", action="store_true",
                        help="write the results into benchmarks/RESULTS.md")
    args = parser.parse_args()
    sizes = args.batch_size or [5000]

    from nascar_kg.graph.neo4j_store import Neo4jStore

    with tempfile.TemporaryDirectory(prefix="bench-neo4j-") as tmp:
        tmp = Path(tmp)
        batch, times = build_embedded(tmp / "source")
        rows = rows_of(batch)
        reference, embedded_stats = embedded_write(batch, tmp / "copy")
        if args.uri:
            server_name = f"Bolt server at {args.uri}"

            def connect(size):
                return Neo4jStore(args.uri, args.user, os.environ.get("NEO4J_PASSWORD"),
                                  args.database, batch_size=size)
            runs = [(size, *push(batch, connect, size)) for size in sizes]
        else:
            from servers import bolt_server

            import arcadedb_embedded

            server_name = f"ArcadeDB {getattr(arcadedb_embedded, '__version__', '?')} (Bolt)"
            with bolt_server(tmp / "server", heap="2g") as server:
                def connect(size):
                    return Neo4jStore(server.uri, server.user, server.password,
                                      server.database, batch_size=size)
                runs = [(size, *push(batch, connect, size)) for size in sizes]
    for _, _, _, neo_stats in runs:
        assert neo_stats == embedded_stats, "Neo4j and the embedded store disagree"

    merged = batch.merged()
    data = (f"Data: the full race results (3 series) and the sample article: "
            f"{len(merged.entities):,} entities, {len(merged.relations):,} relations, "
            f"{sum(len(r.evidence) for r in merged.relations):,} evidence, "
            f"{sum(len(r.seasons) for r in merged.relations):,} season records, "
            f"{len(merged.races):,} races, {len(merged.documents)} documents = {rows:,} rows.")
    headers = ["step", "batch size", "seconds", "rows/s", "× embedded write"]
    lines = [
        ["embedded: load_results + ingest (reference build)", "-",
         times["results"] + times["article"], rows / (times["results"] + times["article"]), "-"],
        ["embedded: read_all (what push reads)", "-", times["read_all"],
         rows / times["read_all"], "-"],
        ["embedded: RDFStore.write of the batch", "-", reference, rows / reference, 1.0],
    ]
    for size, first, second, _ in runs:
        lines.append(["Bolt: push into an empty database", size, first, rows / first,
                      first / reference])
        lines.append(["Bolt: push again (nothing changes)", size, second, rows / second,
                      second / reference])
    text = table(headers, lines)
    machine = (f"{server_name}; Python {platform.python_version()}, {os.cpu_count()} CPUs, "
               f"peak RSS of the benchmark process {peak_rss_mb():.0f} MB; "
               "the statistics of both stores were checked equal.")
    print(data, text, machine, sep="\n\n")
    if args.append:
        write_section(f"`{command_line()}`\n\n{data}\n\n{text}\n\n{machine}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
