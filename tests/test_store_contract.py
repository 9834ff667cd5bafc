"""The contract every registered backend keeps: same writes, same answers.

Backends are parametrized by name; each test gets an empty opened store.
"""

from __future__ import annotations

import pytest

from conftest import sample_graph
from nascar_kg.errors import NameResolutionError
from nascar_kg.graph.model import Document, Entity, EntityRef, Evidence, GraphBatch, Relation
from nascar_kg.graph.rdf_store import MemoryStore, RDFStore
from nascar_kg.queries import find_paths, neighbors, stats, who_endorses

BACKENDS = ["memory", "rdf", "neo4j"]


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path):
    if request.param == "memory":
        s = MemoryStore()
    elif request.param == "rdf":
        s = RDFStore(tmp_path / "db")
    elif request.param == "neo4j":  # the session's Bolt server, emptied for each test
        from nascar_kg.graph.neo4j_store import Neo4jStore

        bolt = request.getfixturevalue("bolt")
        s = Neo4jStore(bolt.uri, bolt.user, bolt.password, bolt.database, batch_size=7)
        s.open()
        s.execute("MATCH (n) DETACH DELETE n", write=True)
    with s:
        yield s


def test_write_is_idempotent(store):
    store.write(sample_graph())
    first = stats(store)
    store.write(sample_graph())
    assert stats(store) == first
    assert first["entities"]["Driver"] == 4
    assert first["entities"]["CrewChief"] == 1
    assert first["entities"]["Team"] == 2
    assert first["relations"]["endorses"] == 3
    assert first["relations"]["feuded_with"] == 1
    assert first["documents"] == 1


def test_who_endorses_returns_endorsers_with_evidence(store):
    store.write(sample_graph())
    result = who_endorses(store, "heim")
    assert result["endorsed"] == {"name": "Corey Heim", "type": "Driver"}
    names = [e["name"] for e in result["endorsers"]]
    assert names == ["Bootie Barker", "Denny Hamlin", "Greg Biffle"]  # by confidence
    barker = result["endorsers"][0]
    assert barker["type"] == "CrewChief"
    assert barker["confidence"] == 0.9
    assert barker["evidence"] == [{"document": "sample.txt", "title": "Heim is Cup ready",
                                   "text": "Bootie Barker told me Heim is Cup ready right now",
                                   "start": 100, "end": 149}]


def test_evidence_from_several_documents_is_kept(store):
    store.write(sample_graph())
    other = Document("b" * 64, "second.txt")
    store.write(GraphBatch(documents=[other], relations=[Relation(
        EntityRef("Bootie Barker", "CrewChief"), "endorses", EntityRef("Corey Heim", "Driver"),
        [Evidence(other, "Barker repeated that Heim is ready.", 5, 40, 0.95, "test", "1")])]))
    barker = who_endorses(store, "Corey Heim")["endorsers"][0]
    assert barker["confidence"] == 0.95
    assert sorted(e["document"] for e in barker["evidence"]) == ["sample.txt", "second.txt"]
    assert stats(store)["relations"]["endorses"] == 3


def test_path_toyota_to_heim(store):
    store.write(sample_graph())
    result = find_paths(store, "Toyota", "Corey Heim")
    assert result["from"] == {"name": "Toyota", "type": "Manufacturer"}
    routes = [[n["name"] for n in p["nodes"]] for p in result["paths"]]
    assert routes[0] == ["Toyota", "Corey Heim"]
    assert ["Toyota", "23XI Racing", "Corey Heim"] in routes
    lengths = [len(r) for r in routes]
    assert lengths == sorted(lengths)
    via_team = result["paths"][routes.index(["Toyota", "23XI Racing", "Corey Heim"])]
    assert via_team["edges"] == [
        {"subject": "23XI Racing", "predicate": "affiliated_with", "object": "Toyota"},
        {"subject": "Corey Heim", "predicate": "drove_for", "object": "23XI Racing"}]


def test_path_options(store):
    store.write(sample_graph())
    only_drove = find_paths(store, "Toyota", "Corey Heim", via=["drove_for"])
    assert only_drove["paths"] == []
    limited = find_paths(store, "Toyota", "Corey Heim", limit=1)
    assert len(limited["paths"]) == 1
    short = find_paths(store, "Ty Gibbs", "Sam Hunt Racing", max_hops=1)
    assert short["paths"] == []
    longer = find_paths(store, "Ty Gibbs", "Sam Hunt Racing", max_hops=2)
    assert [n["name"] for n in longer["paths"][0]["nodes"]] == ["Ty Gibbs", "Corey Heim",
                                                               "Sam Hunt Racing"]


def test_neighbors(store):
    store.write(sample_graph())
    result = neighbors(store, "23xi")
    assert result["center"] == {"name": "23XI Racing", "type": "Team"}
    assert {n["name"] for n in result["nodes"]} == {"Corey Heim", "Toyota", "Denny Hamlin"}
    owners = neighbors(store, "23XI Racing", relations=["owns"])
    assert owners["edges"] == [{"subject": "Denny Hamlin", "predicate": "owns",
                                "object": "23XI Racing"}]
    broad = neighbors(store, "23XI Racing", relations=["affiliated_with"])
    assert {e["predicate"] for e in broad["edges"]} == {"affiliated_with", "owns"}
    deeper = neighbors(store, "23XI Racing", depth=2)
    assert "Ty Gibbs" in {n["name"] for n in deeper["nodes"]}


def test_names_resolve_case_insensitively_and_by_surname(store):
    store.write(sample_graph())
    assert who_endorses(store, "COREY HEIM")["endorsed"]["name"] == "Corey Heim"
    assert who_endorses(store, "Hamlin")["endorsers"] == []
    store.write(GraphBatch(entities=[Entity("TRICON Garage", "Team")]))
    assert neighbors(store, "tricon")["center"]["name"] == "TRICON Garage"
    with pytest.raises(NameResolutionError):
        neighbors(store, "corey")  # a first name alone names nobody


def test_unknown_name_lists_candidates(store):
    store.write(sample_graph())
    with pytest.raises(NameResolutionError) as info:
        who_endorses(store, "Corey Hiem")
    assert "Corey Heim" in info.value.candidates
    assert "Corey Heim" in str(info.value)


def test_ambiguous_name_is_an_error(store):
    store.write(sample_graph())
    store.write(GraphBatch(entities=[Entity("Kyle Busch", "Driver"), Entity("Kurt Busch", "Driver")]))
    with pytest.raises(NameResolutionError, match="ambiguous"):
        neighbors(store, "busch")


def test_type_precedence_across_writes(store):
    store.write(GraphBatch(entities=[Entity("Pat Rowe", "Person")]))
    store.write(GraphBatch(entities=[Entity("Pat Rowe", "Driver")]))
    store.write(GraphBatch(entities=[Entity("pat rowe", "Person")]))
    counts = stats(store)["entities"]
    assert counts["Driver"] == 1 and counts["Person"] == 0
    assert neighbors(store, "Pat Rowe")["center"] == {"name": "Pat Rowe", "type": "Driver"}


def test_hostile_names_round_trip(store):
    name = 'Bob "Ice" O\'Neil\\ {x} </script><img src=x onerror=alert(1)>'
    doc = Document("c" * 64, "hostile.txt")
    store.write(GraphBatch(documents=[doc], relations=[Relation(
        EntityRef(name, "Driver"), "endorses", EntityRef("Corey Heim", "Driver"),
        [Evidence(doc, 'He said "href" } \\ ok', 0, 10, 0.5, "test", "1")])]))
    endorsers = who_endorses(store, "Corey Heim")["endorsers"]
    assert endorsers[0]["name"] == name
    assert endorsers[0]["evidence"][0]["text"] == 'He said "href" } \\ ok'
    assert neighbors(store, name)["center"]["name"] == name


def test_read_all_round_trips(store):
    store.write(sample_graph())
    back = store.read_all()
    assert {e.name for e in back.entities} >= {"Corey Heim", "23XI Racing", "Toyota"}
    assert len(back.relations) == len(sample_graph().relations)
    heim = next(e for e in back.entities if e.name == "Corey Heim")
    assert "Heim" in heim.aliases
    rel = next(r for r in back.relations if r.predicate == "owns")
    assert rel.evidence[0].text == "Denny Hamlin, co-owner of 23XI Racing"
    assert rel.evidence[0].document.source == "sample.txt"
