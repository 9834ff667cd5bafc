"""The Neo4j store on the test Bolt server: connection errors, constraints, writes, safety."""

from __future__ import annotations

import pytest

from conftest import sample_graph
from nascar_kg.config import Settings
from nascar_kg.errors import BackendUnavailableError, QueryError, StoreError, UsageError
from nascar_kg.graph import neo4j_schema as cy
from nascar_kg.graph.model import Document, Entity, EntityRef, Evidence, GraphBatch, Relation
from nascar_kg.graph.neo4j_guard import write_clauses
from nascar_kg.graph.neo4j_store import Neo4jStore, safe_uri
from nascar_kg.graph.store import CYPHER, open_store
from nascar_kg.queries import stats, who_endorses
from servers import free_port


@pytest.fixture
def neo(bolt):
    store = Neo4jStore(bolt.uri, bolt.user, bolt.password, bolt.database, batch_size=3)
    with store:
        store.clear()
        yield store


# -- configuration and connection errors -------------------------------------------------

def test_from_settings_and_registry(bolt):
    settings = Settings(backend="neo4j", neo4j_uri=bolt.uri, neo4j_user=bolt.user,
                        neo4j_password=bolt.password, neo4j_database=bolt.database,
                        batch_size=123)
    store = open_store(settings, read_only=True)
    assert isinstance(store, Neo4jStore) and store.read_only and store.batch_size == 123
    assert store.supports(CYPHER) and store.query_language == "cypher"
    with store:
        assert store.query("RETURN $x AS x", {"x": 'a"b'}) == [{"x": 'a"b'}]
    assert bolt.password not in store.describe() and bolt.uri in store.describe()


def test_environment_names_the_server(monkeypatch):
    monkeypatch.setenv("NEO4J_URI", "bolt://example.invalid:7999")
    monkeypatch.setenv("NEO4J_USERNAME", "kg")
    monkeypatch.setenv("NEO4J_PASSWORD", "pw-123456")
    monkeypatch.setenv("NEO4J_DATABASE", "racing")
    store = Neo4jStore.from_settings(Settings.from_env())
    assert (store.uri, store.user, store.database) == ("bolt://example.invalid:7999", "kg",
                                                        "racing")


def _open_error(uri, user, password, database) -> str:
    store = Neo4jStore(uri, user, password, database, retry_seconds=1, connection_timeout=3)
    with pytest.raises(BackendUnavailableError) as info:
        store.open()
    message = str(info.value)
    assert info.value.exit_code == 3
    assert "\n" not in message and uri in message and password not in message
    return message


def test_nothing_listening(bolt):
    message = _open_error(f"bolt://127.0.0.1:{free_port()}", "neo4j", "s3cret-pw", "neo4j")
    assert "unreachable" in message


def test_bad_password(bolt):
    message = _open_error(bolt.uri, bolt.user, "wrong-password-123", bolt.database)
    assert "authentication failed" in message


def test_unknown_database(bolt):
    message = _open_error(bolt.uri, bolt.user, bolt.password, "no_such_db")
    assert "no_such_db" in message


def test_unusable_uri():
    with pytest.raises(UsageError):
        Neo4jStore("http://localhost:7474", "neo4j", "pw").open()


def test_password_never_in_descriptions():
    store = Neo4jStore("neo4j://bob:hunter22@db.example:7687", "bob", "hunter22")
    assert "hunter22" not in store.describe() and "hunter22" not in repr(store)
    assert safe_uri("bolt://localhost:7687") == "bolt://localhost:7687"


# -- schema and writes ---------------------------------------------------------------------

def test_constraints_exist_after_open(neo):
    rows = neo.query("SHOW CONSTRAINTS")
    constrained = {(tuple(r["labelsOrTypes"]), tuple(r["properties"])) for r in rows}
    for label in cy.NODE_LABELS:
        assert ((label,), ("iri",)) in constrained


def test_write_twice_changes_nothing(neo):
    neo.write(sample_graph())
    first = neo.counts()
    neo.write(sample_graph())
    assert neo.counts() == first
    assert first["labels"]["Assertion"] == len(sample_graph().relations)
    assert first["types"]["ENDORSES"] == 3 and first["types"]["FEUDED_WITH"] == 1


@pytest.mark.parametrize("size", [1, 2, 1000])
def test_batch_size_does_not_change_the_graph(bolt, size):
    with Neo4jStore(bolt.uri, bolt.user, bolt.password, bolt.database, batch_size=size) as s:
        s.clear()
        rows = []
        s.write(sample_graph(), progress=rows.append)
        assert sum(rows) == len(sample_graph().merged()) + sum(
            len(r.evidence) for r in sample_graph().relations)
        assert stats(s)["relations"]["endorses"] == 3
        assert s.counts()["labels"]["Evidence"] == 11


def test_relation_edges_carry_iri_and_confidence(neo):
    neo.write(sample_graph())
    rows = neo.query("""MATCH (d:Driver {name: $d})-[r:DROVE_FOR]->(t:Team)
                        MATCH (a:Assertion {iri: r.iri})-[:EVIDENCE]->(e:Evidence)-[:FROM]->(doc)
                        RETURN t.name AS team, r.confidence AS c, a.predicate AS p,
                               e.text AS text, doc.source AS source ORDER BY team""",
                     {"d": "Corey Heim"})
    assert [(r["team"], r["c"], r["p"], r["source"]) for r in rows] == [
        ("23XI Racing", 0.9, "drove_for", "sample.txt"),
        ("Sam Hunt Racing", 0.9, "drove_for", "sample.txt")]


def test_new_evidence_raises_edge_confidence(neo):
    neo.write(sample_graph())
    doc = Document("b" * 64, "second.txt")
    neo.write(GraphBatch(documents=[doc], relations=[Relation(
        EntityRef("Corey Heim", "Driver"), "drove_for", EntityRef("23XI Racing", "Team"),
        [Evidence(doc, "Heim drove the 23XI Toyota", 0, 26, 0.97, "test", "1")])]))
    rows = neo.query("MATCH (:Driver)-[r:DROVE_FOR]->(:Team {name: '23XI Racing'}) "
                     "MATCH (a:Assertion {iri: r.iri}) RETURN r.confidence AS r, a.confidence AS a")
    assert rows == [{"r": 0.97, "a": 0.97}]


def test_type_change_keeps_relationships(neo):
    """A node whose type wins a precedence contest is relabelled with its edges intact."""
    doc = Document("d" * 64, "x.txt")
    ev = [Evidence(doc, "Pat Rowe drove for Some Team", 0, 10, 0.8, "test", "1")]
    neo.write(GraphBatch(documents=[doc], relations=[Relation(
        EntityRef("Pat Rowe", "Person"), "drove_for", EntityRef("Some Team", "Team"), ev)]))
    neo.write(GraphBatch(entities=[Entity("Pat Rowe", "Driver")]))
    rows = neo.query("MATCH (p:Entity {name: 'Pat Rowe'}) OPTIONAL MATCH (p)-[r:DROVE_FOR]->(t) "
                     "RETURN labels(p) AS labels, t.name AS team")
    assert [(sorted(r["labels"]), r["team"]) for r in rows] == [
        (["Driver", "Entity"], "Some Team")]
    assert stats(neo)["entities"]["Person"] == 0


def test_leftover_second_type_label_is_repaired(neo):
    """A write cut off between adding a label and removing the loser is completed later."""
    neo.write(GraphBatch(entities=[Entity("Pat Rowe", "Person")]))
    neo.execute("MATCH (n:Entity {name: 'Pat Rowe'}) SET n:CrewChief", write=True)
    neo.write(GraphBatch(entities=[Entity("Pat Rowe", "Person")]))
    assert [sorted(r["l"]) for r in neo.query("MATCH (n:Entity) RETURN labels(n) AS l")] == [
        ["CrewChief", "Entity"]]


def test_labels_and_types_only_from_the_ontology():
    assert cy.label("Driver") == "Driver" and cy.rel_type("drove_for") == "DROVE_FOR"
    for bad in ("Driver) DETACH DELETE (n", "Document", "driver", "Entity"):
        with pytest.raises(ValueError):
            cy.label(bad)
    with pytest.raises(ValueError):
        cy.rel_type("DROVE_FOR]->() DELETE x //")
    with pytest.raises(ValueError):
        Relation(EntityRef("a", "Driver"), "hates", EntityRef("b", "Driver"))


def test_values_are_parameters_not_text(neo):
    name = "x'}) MATCH (n) DETACH DELETE n //"
    neo.write(sample_graph())
    neo.write(GraphBatch(entities=[Entity(name, "Driver", ('"}\\',))]))
    assert neo.counts()["labels"]["Assertion"] == 11
    rows = neo.query("MATCH (n:Driver {name: $n}) RETURN n.aliases AS a", {"n": name})
    assert rows == [{"a": ['"}\\']}]


def test_read_only_store_refuses_writes(bolt):
    with Neo4jStore(bolt.uri, bolt.user, bolt.password, bolt.database, read_only=True) as s:
        with pytest.raises(StoreError):
            s.write(sample_graph())
        with pytest.raises(StoreError):
            s.execute("CREATE (n:X)", write=True)


def test_rejected_query_is_a_query_error(neo):
    with pytest.raises(QueryError) as info:
        neo.query("MATCH (n RETURN n")
    assert "\n" not in str(info.value) and info.value.exit_code == 2


def test_graph_values_come_back_as_plain_data(neo):
    neo.write(sample_graph())
    row = neo.execute("MATCH p = (d:Driver {name: 'Corey Heim'})-[r:DROVE_FOR]->(t:Team) "
                      "RETURN d, r, p ORDER BY t.name LIMIT 1")[0]
    assert row["d"]["_labels"] == ["Driver", "Entity"] and row["d"]["name"] == "Corey Heim"
    assert row["r"]["_type"] == "DROVE_FOR" and row["r"]["confidence"] == 0.9
    assert [n["name"] for n in row["p"]["nodes"]] == ["Corey Heim", "23XI Racing"]


def test_who_endorses_after_reopen(bolt, neo):
    neo.write(sample_graph())
    with Neo4jStore(bolt.uri, bolt.user, bolt.password, bolt.database, read_only=True) as s:
        assert [e["name"] for e in who_endorses(s, "heim")["endorsers"]] == [
            "Bootie Barker", "Denny Hamlin", "Greg Biffle"]


# -- the read-only guard ---------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "MATCH (n:Driver) RETURN n.name",
    "MATCH (n) WHERE n.name = 'CREATE (x)' RETURN n",
    'MATCH (n) WHERE n.name = "a \\" SET n.x = 1" RETURN n',
    "MATCH (n) RETURN n // DELETE n",
    "MATCH (n) /* MERGE (m)\n REMOVE n.x */ RETURN n",
    "MATCH (n) RETURN n.set AS s, n.delete AS d, {create: 1} AS m",
    "MATCH (n:`CREATE`) RETURN n",
    "MATCH (n) WITH n.name AS delete RETURN 1",
    "MATCH (n) WHERE n.name STARTS WITH 'x' RETURN count(*)",
    "CALL db.labels()",
    "SHOW CONSTRAINTS",
])
def test_guard_lets_reads_through(text):
    assert write_clauses(text) == []


@pytest.mark.parametrize("text,clause", [
    ("CREATE (n:X)", "CREATE"),
    ("match (n) set n.x = 1", "SET"),
    ("MATCH (n) DETACH DELETE n", "DELETE"),
    ("MATCH (n) REMOVE n:Driver", "REMOVE"),
    ("MERGE (n:X {a: 'RETURN'})", "MERGE"),
    ("DROP CONSTRAINT x", "DROP"),
    ("LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l", "LOAD CSV"),
    ("UNWIND [1] AS x CALL { CREATE (:X) } IN TRANSACTIONS", "IN TRANSACTIONS"),
    ("MATCH (n) FOREACH (x IN [1] | SET n.y = x)", "FOREACH"),
    ("RETURN 'it''s' AS s; CREATE (n)", "CREATE"),
    ("MATCH (n) RETURN n /* unterminated comment */ CREATE (m)", "CREATE"),
    ("MATCH (n) WITH n AS merge RETURN merge", "MERGE"),  # a keyword as a name: refused
])
def test_guard_finds_writes(text, clause):
    assert clause in write_clauses(text)
