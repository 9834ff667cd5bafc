"""Concurrency: two writers on one store, readers beside a writer, parallel Neo4j ingests.

* A second writer on a store directory that another process has open for writing
  exits at once with status 2 and one line naming the store ("open for writing in
  another process"), whatever the command (``ingest``, ``load-results``); the
  first one finishes, and its store validates and holds what an undisturbed run
  gives.
* Readers (``stats``, ``who-endorses``, ``career``, ``roster``) started while a
  writer works open the store read-only, which reads a snapshot: each succeeds (or,
  for a name not written yet, fails with the one-line unknown-name error), the
  counts they see only grow, and the writer's result is the same as without them.
* Four ``--backend neo4j ingest`` processes of different article sets at once
  into one database give the same graph as ingesting the sets one after another:
  no node twice, the same counts of labels and relationship types, the same stats.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest

from crashkit import (
    RESULTS, Zygote, cli_env, gold_articles, neo4j_env, neo4j_problems, results_subset, stats,
    triples, validation,
)
from nascar_kg.graph.neo4j_store import Neo4jStore

LOCKED = "open for writing in another process"
ARTICLES = ["allgaier-darlington-xfinity", "busch-brothers-las-vegas",
            "calloway-crew-chief-profile", "cup-2025-moves-list", "dillon-brothers-pocono",
            "dover-cup-recap-bell-holds-off-larson"]


@pytest.fixture(scope="module")
def zygote():
    with Zygote(preload_nlp=True) as z:
        yield z


@pytest.fixture(scope="module")
def articles(tmp_path_factory):
    return gold_articles(tmp_path_factory.mktemp("articles"), ARTICLES)


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    if not RESULTS.is_dir():
        pytest.skip("the shared race results (../shared/data/nascar-results) are not here")
    return results_subset(tmp_path_factory.mktemp("results"), [2025], ("cup", "truck"))


def cli(*args, **kwargs) -> subprocess.CompletedProcess:
    """The real command line, started from scratch (its start-up included)."""
    return subprocess.run([sys.executable, "-m", "nascar_kg", *map(str, args)],
                          env=cli_env(), capture_output=True, text=True, timeout=120, **kwargs)


def one_line_error(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), stderr
    return lines[0]


@pytest.mark.parametrize("second", ["ingest", "load-results"])
def test_a_second_writer_gets_a_clear_error_at_once(tmp_path, zygote, articles, results,
                                                    second):
    env = cli_env()
    reference = zygote.spawn(["--db", tmp_path / "reference", "load-results", *results], env)
    assert reference.wait() == 0, reference.stderr
    db = tmp_path / "db"
    first = zygote.spawn(["--db", db, "load-results", *results], env, chunk_parts=300)
    assert first.wait_opened(), first.stderr
    args = {"ingest": ["ingest", articles / f"{ARTICLES[0]}.txt"],
            "load-results": ["load-results", *results]}[second]
    started = time.monotonic()
    other = cli("--db", db, *args)
    seconds = time.monotonic() - started
    still_writing = first.poll() is None
    assert first.wait() == 0, first.stderr
    assert still_writing, "the first writer ended before the second one tried; nothing tested"
    assert other.returncode == 2, other.stderr
    line = one_line_error(other.stderr)
    assert LOCKED in line and str(db) in line
    assert seconds < 5, f"the second writer took {seconds:.1f} s to give up"
    print(f"second writer ({second}) refused after {seconds:.2f} s (start-up included)")
    code, violations, _ = validation(db)
    assert code == 0, violations[:3]
    assert triples(db) == triples(tmp_path / "reference")


def _read(zygote, env, db, args) -> tuple[int, str, str]:
    run = zygote.spawn(["--db", db, *args, "--format", "json"], env)
    run.wait()
    return run.returncode, run.stdout, run.stderr


def _check_reader(code, out, err, args) -> dict | None:
    if code == 0:
        return json.loads(out)
    line = one_line_error(err)  # a name not written yet: an unknown name, nothing else
    assert code == 2 and line.startswith("Error: no entity named"), (args, line)
    return None


@pytest.mark.parametrize("writer", ["load-results", "ingest"])
def test_readers_beside_a_writer(tmp_path, zygote, articles, results, writer):
    env = cli_env()
    if writer == "load-results":
        write = ["load-results", *results]
        questions = [["stats"], ["career", "Corey Heim"], ["roster", "TRICON Garage"]]
    else:
        write = ["ingest", articles]
        questions = [["stats"], ["who-endorses", "Corey Heim"], ["who-endorses", "Kyle Busch"]]
    reference = zygote.spawn(["--db", tmp_path / "reference", *write], env, chunk_parts=300)
    assert reference.wait() == 0, reference.stderr
    final = stats(tmp_path / "reference")

    db = tmp_path / "db"
    run = zygote.spawn(["--db", db, *write], env, chunk_parts=300)
    assert run.wait_opened(), run.stderr
    seen, reads, during = [], 0, 0
    while run.poll() is None or reads < len(questions):
        for args in questions:
            active = run.poll() is None
            code, out, err = _read(zygote, env, db, args)
            answer = _check_reader(code, out, err, args)
            reads += 1
            during += active
            if args == ["stats"] and answer is not None:
                seen.append(answer)
    assert run.wait() == 0, run.stderr
    assert during >= len(questions), "no reader ran while the writer worked"
    for earlier, later in zip(seen, seen[1:]):  # snapshots only grow
        for part in ("entities", "relations"):
            for key, n in earlier[part].items():
                assert n <= later[part][key], (part, key, earlier, later)
    for snapshot in seen:
        for part in ("entities", "relations"):
            for key, n in snapshot[part].items():
                assert n <= final[part][key], (part, key)
    print(f"{reads} reads beside {writer}, {during} while it wrote; "
          f"{len(seen)} stats snapshots")
    code, violations, _ = validation(db)
    assert code == 0, violations[:3]
    assert stats(db) == final
    assert triples(db) == triples(tmp_path / "reference")


# -- Neo4j: four ingests at once ---------------------------------------------------------------

SETS = [["allgaier-darlington-xfinity", "busch-brothers-las-vegas"],
        ["calloway-crew-chief-profile", "dillon-brothers-pocono"],
        ["dover-cup-recap-bell-holds-off-larson", "hamlin-pruitt-real-deal"],
        ["cup-2025-moves-list", "hyak-motorsports-switch-to-toyota-23xi-alliance"]]


def _neo4j(server) -> Neo4jStore:
    return Neo4jStore(server.uri, server.user, server.password, server.database)


def _order_free(store: Neo4jStore) -> dict:
    """What must not depend on the order of writers: every entity's type and all its names
    (which one is *the* name depends on who wrote first), the confidences of assertions
    and relationships, and the relations with their evidence."""
    batch = store.read_all()
    return {
        "entities": {e.iri: (e.type, sorted({e.name, *e.aliases})) for e in batch.entities},
        "assertions": {r["iri"]: r["c"] for r in store.query(
            "MATCH (a:Assertion) RETURN a.iri AS iri, a.confidence AS c")},
        "relationships": {r["iri"]: r["c"] for r in store.query(
            "MATCH (:Entity)-[x]->(:Entity) WHERE x.iri IS NOT NULL "
            "RETURN x.iri AS iri, x.confidence AS c")},
        "evidence": {r.iri: sorted((e.document.iri, e.start or 0, e.text, e.confidence)
                                   for e in r.evidence) for r in batch.relations},
    }


def test_four_parallel_ingests_into_neo4j_equal_sequential_ones(tmp_path, zygote, bolt):
    env = neo4j_env(bolt, NASCAR_KG_BACKEND="neo4j")
    folders = [gold_articles(tmp_path / f"set-{i}", ids) for i, ids in enumerate(SETS)]

    bolt.reset()
    for folder in folders:  # one after another
        run = zygote.spawn(["ingest", folder], env)
        assert run.wait() == 0, run.stderr
    with _neo4j(bolt) as store:
        sequential = store.counts()
        expected_batch = store.read_all()
        expected = _order_free(store)
    expected_stats = stats(None, env, backend="neo4j")

    for attempt in range(2):  # all at once, twice over
        bolt.reset()
        runs = [zygote.spawn(["ingest", folder], env) for folder in folders]
        for run in runs:
            assert run.wait() == 0, run.stderr
        with _neo4j(bolt) as store:
            # names may differ (the first written stays): relations and structure may not
            assert neo4j_problems(store, expected_batch, entities=False) == []
            assert store.counts() == sequential, attempt
            got = _order_free(store)
            for part in expected:
                assert got[part] == expected[part], (attempt, part)
        assert stats(None, env, backend="neo4j") == expected_stats


def test_a_chunk_meeting_other_writers_is_tried_again_a_bounded_number_of_times(monkeypatch):
    """Uniqueness conflicts are tried again up to CONFLICT_ATTEMPTS times, statement errors
    (ArcadeDB's race to create a type) a few times only; then the error is reported."""
    from neo4j.exceptions import ClientError, ConstraintError

    from nascar_kg.errors import QueryError
    from nascar_kg.graph import neo4j_store

    monkeypatch.setattr(neo4j_store, "CONFLICT_PAUSE", 0.0)

    def failing(error_class, code, succeed_after=None):
        calls = []

        class Session:
            def execute_write(self, work, *args):
                calls.append(1)
                if succeed_after is not None and len(calls) > succeed_after:
                    return "done"
                raise type("ServerError", (error_class,), {"code": code})(f"{code} happened")

        store = Neo4jStore("bolt://127.0.0.1:1", "neo4j", "pw", "kg")
        store._session = Session()
        monkeypatch.setattr(store, "_write_error", lambda exc: QueryError(str(exc)))
        return store, calls

    store, calls = failing(ConstraintError, "Neo.ClientError.Schema.ConstraintValidationFailed",
                           succeed_after=5)
    assert store._write_chunk(lambda tx: None) == "done" and len(calls) == 6
    store, calls = failing(ConstraintError, "Neo.ClientError.Schema.ConstraintValidationFailed")
    with pytest.raises(Exception):
        store._write_chunk(lambda tx: None)
    assert len(calls) == neo4j_store.CONFLICT_ATTEMPTS
    store, calls = failing(ClientError, "Neo.ClientError.Statement.SemanticError",
                           succeed_after=1)
    assert store._write_chunk(lambda tx: None) == "done" and len(calls) == 2
    store, calls = failing(ClientError, "Neo.ClientError.Statement.SemanticError")
    with pytest.raises(QueryError):
        store._write_chunk(lambda tx: None)
    assert len(calls) == neo4j_store.SCHEMA_RACE_ATTEMPTS + 1
    store, calls = failing(ClientError, "Neo.ClientError.Statement.SyntaxError")
    with pytest.raises(QueryError):
        store._write_chunk(lambda tx: None)
    assert len(calls) == 1
