"""``--backend neo4j`` on the command line: the demo's steps give the embedded store's answers."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from nascar_kg.cli import cli
from nascar_kg.demo import sample_path
from nascar_kg.graph.neo4j_store import Neo4jStore
from servers import free_port


def neo4j_env(server, **extra) -> dict:
    env = {"NEO4J_URI": server.uri, "NEO4J_USERNAME": server.user,
           "NEO4J_PASSWORD": server.password, "NEO4J_DATABASE": server.database,
           "NASCAR_KG_NEO4J_RETRY_SECONDS": "2", "NASCAR_KG_BACKEND": None}
    env.update(extra)
    return env


def run(env, *args, input=None):
    return CliRunner().invoke(cli, [str(a) for a in args], env=env, input=input,
                              catch_exceptions=False)


def answer(env, *args):
    result = run(env, *args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def both(bolt, tmp_path_factory):
    """The sample article ingested into an embedded store and, with --backend neo4j, into Neo4j."""
    env = neo4j_env(bolt)
    with Neo4jStore(bolt.uri, bolt.user, bolt.password, bolt.database) as store:
        store.clear()
    db = tmp_path_factory.mktemp("embedded") / "db"
    assert run(env, "--db", db, "ingest", sample_path()).exit_code == 0
    result = run(env, "--backend", "neo4j", "ingest", sample_path())
    assert result.exit_code == 0, result.stderr
    return env, db


@pytest.mark.parametrize("args", [
    ["who-endorses", "heim"], ["who-endorses", "Denny Hamlin"],
    ["path", "Toyota", "Corey Heim"], ["path", "Ty Gibbs", "23XI", "--max-hops", "3"],
    ["path", "Toyota", "heim", "--via", "drove_for,affiliated_with", "--limit", "2"],
    ["neighbors", "23XI"], ["neighbors", "Corey Heim", "--depth", "2"],
    ["neighbors", "heim", "--relations", "endorses"], ["stats"],
])
def test_same_answers_as_the_embedded_store(both, args):
    env, db = both
    assert answer(env, "--backend", "neo4j", *args) == answer(env, "--db", db, *args)


def test_demo_answers_on_neo4j(both):
    env, _ = both
    endorsers = answer(env, "--backend", "neo4j", "who-endorses", "Corey Heim")["endorsers"]
    assert {"Bootie Barker", "Denny Hamlin", "Greg Biffle"} <= {e["name"] for e in endorsers}
    paths = answer(env, "path", "Toyota", "Corey Heim", "--backend", "neo4j")["paths"]
    assert ["Toyota", "23XI Racing", "Corey Heim"] in [[n["name"] for n in p["nodes"]]
                                                        for p in paths]
    table = run(env, "--backend", "neo4j", "path", "Toyota", "Corey Heim", "--format", "table")
    assert "Toyota ←affiliated_with— 23XI Racing ←drove_for— Corey Heim" in table.stdout


def test_backend_from_the_environment(both):
    env, _ = both
    data = answer(dict(env, NASCAR_KG_BACKEND="neo4j"), "who-endorses", "heim")
    assert data["endorsed"] == {"name": "Corey Heim", "type": "Driver"}


def test_ingest_twice_changes_nothing(both):
    env, _ = both
    first = answer(env, "--backend", "neo4j", "stats")
    assert run(env, "--backend", "neo4j", "ingest", sample_path()).exit_code == 0
    assert answer(env, "--backend", "neo4j", "stats") == first


def test_unknown_name_is_exit_2(both):
    env, _ = both
    result = run(env, "--backend", "neo4j", "who-endorses", "Corey Hiem")
    assert result.exit_code == 2 and "Corey Heim" in result.stderr


@pytest.mark.parametrize("args", [["stats"], ["who-endorses", "heim"],
                                  ["ingest", str(sample_path())]])
def test_unreachable_server_is_exit_3(bolt, args):
    uri = f"bolt://127.0.0.1:{free_port()}"
    env = neo4j_env(bolt, NEO4J_URI=uri)
    result = run(env, "--backend", "neo4j", *args)
    assert result.exit_code == 3
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and uri in lines[0] and bolt.password not in result.stderr


def test_bad_credentials_on_the_command_line_are_exit_3(bolt):
    result = run(neo4j_env(bolt), "--backend", "neo4j", "stats",
                 "--neo4j-password", "not-the-password")
    assert result.exit_code == 3 and "authentication failed" in result.stderr
    assert "not-the-password" not in result.stderr
