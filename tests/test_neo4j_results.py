"""``load-results --backend neo4j``: race results in Neo4j answer career and roster as the embedded store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from nascar_kg.cli import cli
from nascar_kg.graph.neo4j_store import Neo4jStore
from nascar_kg.graph.rdf_store import RDFStore
from test_neo4j_contract import normalized

RESULTS = Path(__file__).resolve().parent / "data" / "results"
FILES = [RESULTS / f"{code}_series.csv" for code in ("cup", "nxs", "truck")]


def run(env, *args):
    return CliRunner().invoke(cli, [str(a) for a in args], env=env, catch_exceptions=False)


def answer(env, *args):
    result = run(env, *args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def loaded(bolt, tmp_path_factory):
    env = {"NEO4J_URI": bolt.uri, "NEO4J_USERNAME": bolt.user, "NEO4J_PASSWORD": bolt.password,
           "NEO4J_DATABASE": bolt.database, "NASCAR_KG_BACKEND": None}
    with Neo4jStore(bolt.uri, bolt.user, bolt.password, bolt.database) as store:
        store.clear()
    db = tmp_path_factory.mktemp("results") / "db"
    assert run(env, "--db", db, "load-results", *FILES).exit_code == 0
    result = run(env, "--backend", "neo4j", "load-results", *FILES)
    assert result.exit_code == 0, result.stderr
    return env, db, bolt


@pytest.mark.parametrize("args", [
    ["stats"], ["career", "Jim Roper"], ["career", "Corey Heim"], ["career", "AJ Allmendinger"],
    ["roster", "TRICON Garage"], ["roster", "Joe Gibbs Racing", "--series", "cup"],
    ["roster", "tricon garage", "--season", "2025"],
    ["neighbors", "Corey Heim"], ["path", "Corey Heim", "Toyota"],
])
def test_same_answers_as_the_embedded_store(loaded, args):
    env, db, _ = loaded
    assert answer(env, "--backend", "neo4j", *args) == answer(env, "--db", db, *args)


def test_the_same_graph(loaded):
    _, db, bolt = loaded
    with RDFStore(db, read_only=True) as embedded, \
            Neo4jStore(bolt.uri, bolt.user, bolt.password, bolt.database) as neo:
        assert normalized(neo.read_all()) == normalized(embedded.read_all())


def test_season_records_are_queryable_in_cypher(loaded):
    env, _, _ = loaded
    rows = answer(env, "query", "cypher",
                  "MATCH (d:Driver)<-[:SUBJECT]-(a:Assertion {predicate: 'drove_for'})"
                  "-[:OBJECT]->(t:Team), (a)-[:SEASON]->(r:SeasonRecord)-[:IN_SERIES]->(s:Series) "
                  "WHERE r.wins > 0 RETURN d.name AS driver, t.name AS team, s.name AS series, "
                  "r.season AS season, r.wins AS wins ORDER BY season, driver LIMIT 3")
    assert rows and all(r["wins"] > 0 for r in rows)


def test_loading_again_changes_nothing(loaded):
    env, _, bolt = loaded
    with Neo4jStore(bolt.uri, bolt.user, bolt.password, bolt.database) as store:
        before = store.counts()
    assert run(env, "--backend", "neo4j", "load-results", *FILES).exit_code == 0
    with Neo4jStore(bolt.uri, bolt.user, bolt.password, bolt.database) as store:
        assert store.counts() == before
