"""Crash safety of ``push neo4j`` (into the test suite's Bolt server).

20 SIGKILLs of the real ``push`` process (not of the server) at random moments of
its writing, each into an emptied database. After each kill nothing in the
database is half-written (every relation present has all its evidence and
season records, every node its links, no IRI twice), and pushing again gives
exactly the database of an uninterrupted push: the counts of labels and
relationship types, and the answers of ``stats``. The push uses small
transactions (``--batch-size``) so there are many points to be cut off at.
"""

from __future__ import annotations

import pytest

from crashkit import (
    RESULTS, KillCampaign, Zygote, crash_seed, gold_articles, invoke, kill_window, neo4j_env,
    neo4j_problems, results_subset, stats,
)
from nascar_kg.graph.neo4j_store import Neo4jStore
from nascar_kg.graph.rdf_store import RDFStore

KILLS = 20
BATCH = 25
ARTICLES = ["busch-brothers-las-vegas", "calloway-crew-chief-profile", "cup-2025-moves-list",
            "dover-cup-recap-bell-holds-off-larson"]


SECOND = "kg_crash"
"""A second database of the same server: a kill runs in one while the other is checked."""


def neo4j(server, database: str) -> Neo4jStore:
    return Neo4jStore(server.uri, server.user, server.password, database)


def empty(server, database: str) -> None:
    if database in server.databases():
        server.drop_database(database)
    server.create_database(database)


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    """An embedded store with articles and a few races of results."""
    if not RESULTS.is_dir():
        pytest.skip("the shared race results (../shared/data/nascar-results) are not here")
    base = tmp_path_factory.mktemp("push-source")
    db = base / "db"
    articles = gold_articles(base / "articles", ARTICLES)
    results = results_subset(base / "results", [2025], series=("cup", "truck"), last_race=2)
    assert invoke(["--db", db, "ingest", articles]).exit_code == 0
    assert invoke(["--db", db, "load-results", *results]).exit_code == 0
    return db


def test_sigkill_during_push_then_push_again(tmp_path, bolt, source):
    seed = crash_seed()
    env = neo4j_env(bolt)

    def push(database: str) -> list:
        return ["--db", source, "push", "neo4j", "--batch-size", BATCH, "--no-progress",
                "--neo4j-database", database]

    def database_of(db) -> str:  # kills alternate between the two databases
        return bolt.database if int(db.name.split("-")[-1]) % 2 == 0 else SECOND

    with RDFStore(source, read_only=True) as store:
        batch = store.read_all()
    try:
        with Zygote(preload_nlp=False) as zygote:
            for database in (SECOND, bolt.database):  # the second push is the reference
                empty(bolt, database)
                reference = zygote.spawn(push(database), env)
                assert reference.wait() == 0, reference.stderr
            with neo4j(bolt, bolt.database) as store:
                expected_counts = store.counts()
                assert neo4j_problems(store, batch) == []
            expected_stats = stats(None, env, backend="neo4j")
            assert expected_stats == stats(source)  # the push copied the whole graph

            def check(kill):
                database = database_of(kill.db)
                where = f"seed {seed}, {kill.describe()}, database {database}"
                with neo4j(bolt, database) as store:
                    problems = neo4j_problems(store, batch)
                assert not problems, f"{where}: {problems[:5]}"
                again = zygote.spawn(push(database), env)
                assert again.wait() == 0, f"{where}: push again: {again.stderr}"
                with neo4j(bolt, database) as store:
                    assert store.counts() == expected_counts, where
                got = stats(None, dict(env, NEO4J_DATABASE=database), backend="neo4j")
                assert got == expected_stats, where

            campaign = KillCampaign(
                tmp_path, lambda db: push(database_of(db)), env, kill_window(reference, end=0.9),
                seed, count=KILLS, prepare=lambda db: empty(bolt, database_of(db)),
                spawn=zygote.spawn)
            campaign.run(check)
    finally:
        if SECOND in bolt.databases():
            bolt.drop_database(SECOND)
    print(campaign.summary())
