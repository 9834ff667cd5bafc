"""``nascar-kg query cypher|sparql TEXT``: raw queries, read-only unless ``--write``."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from conftest import sample_graph
from nascar_kg.cli import cli
from nascar_kg.cli.backends import sparql_update_keywords
from nascar_kg.graph.neo4j_store import Neo4jStore
from nascar_kg.graph.rdf_store import RDFStore
from servers import free_port

HOSTILE = 'Bob "Ice" O\'Neil\\ {x} </script>'


def neo4j_env(server, **extra) -> dict:
    env = {"NEO4J_URI": server.uri, "NEO4J_USERNAME": server.user,
           "NEO4J_PASSWORD": server.password, "NEO4J_DATABASE": server.database,
           "NASCAR_KG_NEO4J_RETRY_SECONDS": "2", "NASCAR_KG_BACKEND": None}
    env.update(extra)
    return env


def run(env, *args, input=None):
    return CliRunner().invoke(cli, [str(a) for a in args], env=env, input=input,
                              catch_exceptions=False)


@pytest.fixture
def neo(bolt):
    with Neo4jStore(bolt.uri, bolt.user, bolt.password, bolt.database) as store:
        store.clear()
        store.write(sample_graph())
        yield neo4j_env(bolt), store


def driver_count(store) -> int:
    return store.query("MATCH (d:Driver) RETURN count(d) AS n")[0]["n"]


# -- query cypher ---------------------------------------------------------------------------

def test_cypher_json(neo):
    env, _ = neo
    result = run(env, "query", "cypher",
                 "MATCH (d:Driver)-[r:ENDORSES]->(h:Driver {name: $n}) "
                 "RETURN d.name AS endorser, r.confidence AS confidence ORDER BY endorser",
                 "--param", "n=Corey Heim", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == [{"endorser": "Denny Hamlin", "confidence": 0.8},
                                         {"endorser": "Greg Biffle", "confidence": 0.7}]


def test_cypher_csv_and_table(neo):
    env, _ = neo
    text = "MATCH (t:Team) RETURN t.name AS team, t.aliases AS aliases ORDER BY team"
    result = run(env, "query", "cypher", text, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["team"] for r in rows] == ["23XI Racing", "Sam Hunt Racing"]
    table = run(env, "query", "cypher", text, "--format", "table")
    assert table.exit_code == 0 and "23XI Racing" in table.stdout and "team" in table.stdout


def test_cypher_nodes_come_back_as_objects(neo):
    env, _ = neo
    result = run(env, "query", "cypher", "MATCH (t:Team {name: '23XI Racing'}) RETURN t",
                 "--format", "json")
    node = json.loads(result.stdout)[0]["t"]
    assert node["_labels"] == ["Entity", "Team"] and node["aliases"] == ["23XI"]


def test_cypher_from_stdin_and_json_params(neo):
    env, _ = neo
    result = run(env, "query", "cypher", "-", "--param", "names=[\"Ty Gibbs\", \"x\"]",
                 "--format", "json",
                 input="MATCH (d:Driver) WHERE d.name IN $names RETURN d.name AS n")
    assert json.loads(result.stdout) == [{"n": "Ty Gibbs"}]


@pytest.mark.parametrize("text", [
    "MATCH (n) DETACH DELETE n",
    "CREATE (:Driver {name: 'x'})",
    "MATCH (d:Driver) SET d.name = 'x'",
    "MATCH (d:Driver) REMOVE d:Driver",
    "MERGE (:Team {name: 'y'})",
    "DROP CONSTRAINT nkg_entity_iri",
    "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
    "MATCH (d:Driver) WITH d CALL { WITH d DETACH DELETE d } IN TRANSACTIONS RETURN 1",
])
def test_cypher_is_read_only_without_write(neo, text):
    env, store = neo
    before = store.counts()
    result = run(env, "query", "cypher", text)
    assert result.exit_code == 2
    assert "read-only" in result.stderr and "--write" in result.stderr
    assert store.counts() == before


def test_cypher_write_with_flag(neo):
    env, store = neo
    result = run(env, "query", "cypher", "--write", "--format", "json",
                 "MATCH (d:Driver {name: $n}) SET d.nickname = $nick RETURN d.nickname AS nick",
                 "--param", "n=Ty Gibbs", "--param", f"nick={HOSTILE}")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == [{"nick": HOSTILE}]
    assert "Committed" in result.stderr and "properties set: 1" in result.stderr
    assert driver_count(store) == 4


def test_cypher_strings_that_look_like_writes_are_reads(neo):
    env, _ = neo
    result = run(env, "query", "cypher", "--format", "json",
                 "RETURN 'DETACH DELETE n' AS a, \"SET x\" AS b // CREATE (n)")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == [{"a": "DETACH DELETE n", "b": "SET x"}]


def test_cypher_syntax_error_is_exit_2(neo):
    env, _ = neo
    result = run(env, "query", "cypher", "MATCH (n RETURN n")
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1


def test_cypher_bad_param_and_empty_query(neo):
    env, _ = neo
    assert run(env, "query", "cypher", "RETURN 1", "--param", "no-equals").exit_code == 2
    assert run(env, "query", "cypher", "  ").exit_code == 2


def test_cypher_unreachable_is_exit_3(bolt):
    uri = f"bolt://127.0.0.1:{free_port()}"
    result = run(neo4j_env(bolt, NEO4J_URI=uri), "query", "cypher", "RETURN 1")
    assert result.exit_code == 3 and uri in result.stderr
    assert bolt.password not in result.stderr


# -- query sparql ---------------------------------------------------------------------------

@pytest.fixture
def db(tmp_path):
    path = tmp_path / "db"
    with RDFStore(path) as store:
        store.write(sample_graph())
    return path


def test_sparql_select(db):
    result = run({}, "--db", db, "query", "sparql", "--format", "json",
                 "SELECT ?name WHERE { ?t a nkg:Team ; nkg:name ?name } ORDER BY ?name")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == [{"name": "23XI Racing"}, {"name": "Sam Hunt Racing"}]


def test_sparql_params_bind_literals_and_iris(db):
    text = "SELECT ?name ?e WHERE { ?e nkg:name ?name }"  # Oxigraph: bound ones selected
    result = run({}, "--db", db, "query", "sparql", text, "--param", "name=Ty Gibbs",
                 "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "name,e", "Ty Gibbs,https://w3id.org/nascar-kg/id/person/ty-gibbs"]
    result = run({}, "--db", db, "query", "sparql", text,
                 "--param", "e=<https://w3id.org/nascar-kg/id/person/ty-gibbs>", "--format", "csv")
    assert result.stdout.splitlines() == [
        "name,e", "Ty Gibbs,https://w3id.org/nascar-kg/id/person/ty-gibbs"]


def test_sparql_on_the_embedded_store_whatever_the_backend(db, bolt):
    result = run(neo4j_env(bolt, NASCAR_KG_BACKEND="neo4j"), "--db", db, "query", "sparql",
                 "SELECT (COUNT(*) AS ?n) WHERE { ?a a nkg:Assertion }", "--format", "json")
    assert json.loads(result.stdout) == [{"n": len(sample_graph().relations)}]


@pytest.mark.parametrize("text", [
    "INSERT DATA { <urn:a> <urn:b> 'c' }",
    "DELETE WHERE { ?s ?p ?o }",
    "PREFIX x: <urn:x#> DELETE { ?s ?p ?o } INSERT { ?s x:q 1 } WHERE { ?s ?p ?o }",
    "CLEAR ALL", "DROP GRAPH <urn:g>", "LOAD <http://example.com/data.ttl>",
    "create graph <urn:g>",
])
def test_sparql_update_is_refused(db, text):
    result = run({}, "--db", db, "query", "sparql", text)
    assert result.exit_code == 2 and "SPARQL UPDATE is refused" in result.stderr
    with RDFStore(db, read_only=True) as store:
        assert len(store.read_all().relations) == len(sample_graph().relations)


def test_sparql_words_in_strings_and_iris_are_not_updates():
    assert sparql_update_keywords(
        "SELECT ?delete WHERE { ?s <urn:x#INSERT> 'DELETE' ; ex:drop ?o } # CLEAR") == []


def test_sparql_syntax_error_is_exit_2(db):
    result = run({}, "--db", db, "query", "sparql", "SELECT WHERE {")
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1


def test_sparql_without_a_store_is_exit_2(tmp_path):
    result = run({}, "--db", tmp_path / "none", "query", "sparql", "SELECT * WHERE { ?s ?p ?o }")
    assert result.exit_code == 2
