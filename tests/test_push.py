"""``nascar-kg push neo4j``: the embedded store copied into the Bolt server.

Pushing copies the whole graph (read back the same), twice changes nothing, and
a push cut off by the server going away exits 3 with one line and completes,
without duplicates, when run again after the server is back.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from conftest import sample_graph
from nascar_kg.cli import cli
from nascar_kg.graph.model import (
    Document, Entity, EntityRef, Evidence, GraphBatch, Relation, SeasonStats,
)
from nascar_kg.graph.neo4j_store import Neo4jStore
from nascar_kg.graph.rdf_store import RDFStore
from servers import bolt_server, free_port
from test_neo4j_contract import hostile_batch, normalized, results_batch


def neo4j_env(server, **extra) -> dict:
    env = {"NEO4J_URI": server.uri, "NEO4J_USERNAME": server.user,
           "NEO4J_PASSWORD": server.password, "NEO4J_DATABASE": server.database,
           "NASCAR_KG_NEO4J_RETRY_SECONDS": "2", "NASCAR_KG_BACKEND": "rdf"}
    env.update(extra)
    return env


def run(env, *args):
    return CliRunner().invoke(cli, [str(a) for a in args], env=env, catch_exceptions=False)


def neo4j_store(server, **kwargs) -> Neo4jStore:
    return Neo4jStore(server.uri, server.user, server.password, server.database, **kwargs)


@pytest.fixture
def embedded(tmp_path):
    """An embedded store with the sample, the hostile names and some race results."""
    db = tmp_path / "db"
    with RDFStore(db) as store:
        for batch in (sample_graph(), hostile_batch(), results_batch()):
            store.write(batch)
    return db


@pytest.fixture
def empty_bolt(bolt):
    with neo4j_store(bolt) as store:
        store.clear()
    return bolt


def test_push_copies_the_whole_graph(embedded, empty_bolt):
    result = run(neo4j_env(empty_bolt), "--db", embedded, "push", "neo4j", "--batch-size", 5)
    assert result.exit_code == 0, result.stderr
    assert "Pushed" in result.stderr and empty_bolt.uri in result.stderr
    assert empty_bolt.password not in result.stderr
    with RDFStore(embedded, read_only=True) as source:
        expected = normalized(source.read_all())
    with neo4j_store(empty_bolt, read_only=True) as dest:
        assert normalized(dest.read_all()) == expected


def test_query_commands_agree_after_push(embedded, empty_bolt):
    env = neo4j_env(empty_bolt)
    assert run(env, "--db", embedded, "push", "neo4j").exit_code == 0
    for args in (["stats"], ["who-endorses", "heim"], ["path", "Toyota", "Corey Heim"],
                 ["neighbors", "TRICON", "--depth", "2"]):
        embedded_answer = run(env, "--db", embedded, *args, "--format", "json")
        neo4j_answer = run(env, "--backend", "neo4j", *args, "--format", "json")
        assert embedded_answer.exit_code == neo4j_answer.exit_code == 0, neo4j_answer.stderr
        assert json.loads(neo4j_answer.stdout) == json.loads(embedded_answer.stdout)


def test_push_twice_changes_nothing(embedded, empty_bolt):
    env = neo4j_env(empty_bolt)
    assert run(env, "--db", embedded, "push", "neo4j").exit_code == 0
    with neo4j_store(empty_bolt) as store:
        first = store.counts()
    assert run(env, "push", "neo4j", "--db", embedded, "--batch-size", 3).exit_code == 0
    with neo4j_store(empty_bolt) as store:
        assert store.counts() == first
        assert_no_duplicates(store)


def test_push_of_a_missing_store_is_bad_input(tmp_path, empty_bolt):
    result = run(neo4j_env(empty_bolt), "--db", tmp_path / "nothing", "push", "neo4j")
    assert result.exit_code == 2


@pytest.mark.parametrize("change,expect", [
    ({"NEO4J_URI": "bolt://127.0.0.1:{port}"}, "unreachable"),
    ({"NEO4J_PASSWORD": "not-the-password"}, "authentication failed"),
    ({"NEO4J_DATABASE": "nosuchdb"}, "nosuchdb"),
])
def test_push_to_an_unusable_server_exits_3(embedded, bolt, change, expect):
    env = neo4j_env(bolt, **{k: v.format(port=free_port()) for k, v in change.items()})
    result = run(env, "--db", embedded, "push", "neo4j")
    assert result.exit_code == 3
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ")
    assert env["NEO4J_URI"] in lines[0] and expect in lines[0]
    assert bolt.password not in result.stderr


def test_options_override_the_environment(embedded, empty_bolt):
    env = neo4j_env(empty_bolt, NEO4J_PASSWORD="wrong-password-1", NEO4J_URI="bolt://x:1")
    result = run(env, "--db", embedded, "push", "neo4j", "--neo4j-uri", empty_bolt.uri,
                 "--neo4j-password", empty_bolt.password)
    assert result.exit_code == 0, result.stderr


# -- cut off mid-push -------------------------------------------------------------------

def large_batch(relations: int = 1200) -> GraphBatch:
    """Results-like data: drivers, teams, and seasons of relations with evidence."""
    doc = Document("9" * 64, "synthetic_results.csv", kind="results", title="synthetic")
    batch = GraphBatch(documents=[doc])
    for i in range(relations):
        driver = EntityRef(f"Driver {i} \"{i % 7}\" \\ }}", "Driver")
        team = EntityRef(f"Team {i % 150}", "Team")
        seasons = [SeasonStats("NASCAR Cup Series", 2000 + k, 10 + k, k, k, k + 1, 1, 9.5, k)
                   for k in range(2)]
        evidence = [Evidence(doc, f"{driver.name}: {st.starts} starts for {team.name} "
                             f"in {st.season}", None, None, 1.0, "results", "1") for st in seasons]
        batch.relations.append(Relation(driver, "drove_for", team, evidence, seasons))
        if i < 150:  # some teams also given with an alias
            batch.entities.append(Entity(team.name, "Team", (f"T{i}",)))
    return batch


def assert_no_duplicates(store: Neo4jStore) -> None:
    for label in ("Entity", "Document", "Assertion", "Evidence", "SeasonRecord", "Race"):
        row = store.query(f"MATCH (n:{label}) RETURN count(n) AS n, count(DISTINCT n.iri) AS d")
        assert row[0]["n"] == row[0]["d"], label
    rows = store.query("MATCH (s)-[r]->(o) WITH s, o, type(r) AS t, count(r) AS n "
                       "WHERE n > 1 RETURN count(*) AS dup")
    assert rows[0]["dup"] == 0


def push_process(db, server) -> subprocess.Popen:
    env = dict(__import__("os").environ, **neo4j_env(server))
    return subprocess.Popen(
        [sys.executable, "-m", "nascar_kg", "--db", str(db), "push", "neo4j",
         "--batch-size", "300", "--no-progress"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_push_cut_off_by_a_stopped_server_resumes_without_duplicates(tmp_path):
    db = tmp_path / "db"
    with RDFStore(db) as store:
        store.write(large_batch())
    with bolt_server(tmp_path / "server") as server:
        proc = push_process(db, server)
        deadline = time.monotonic() + 120
        with neo4j_store(server) as probe:  # stop once relations are being written
            while time.monotonic() < deadline and proc.poll() is None:
                if probe.query("MATCH (a:Assertion) RETURN count(a) AS n")[0]["n"] > 0:
                    break
                time.sleep(0.05)
        assert proc.poll() is None, "the push ended before the server could be stopped"
        server.stop()
        _, stderr = proc.communicate(timeout=120)
        assert proc.returncode == 3, stderr
        lines = stderr.strip().splitlines()
        assert len(lines) == 1, stderr
        assert lines[0].startswith("Error: ") and server.uri in lines[0]
        assert server.password not in stderr

        server.start()
        with neo4j_store(server) as store:
            partial = store.counts()
        again = push_process(db, server)
        _, stderr = again.communicate(timeout=300)
        assert again.returncode == 0, stderr
        with neo4j_store(server) as store:
            resumed = store.counts()
            assert_no_duplicates(store)
        assert resumed["labels"]["Assertion"] > partial["labels"].get("Assertion", 0)

        server.reset()  # the same push, never interrupted
        whole = push_process(db, server)
        _, stderr = whole.communicate(timeout=300)
        assert whole.returncode == 0, stderr
        with neo4j_store(server) as store:
            assert store.counts() == resumed
