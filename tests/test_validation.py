"""SHACL validation: the shapes pass on a good graph and name what breaks them."""

from __future__ import annotations

from conftest import sample_graph
from nascar_kg.graph.model import Document, EntityRef, Evidence, GraphBatch, Relation
from nascar_kg.graph.rdf_store import MemoryStore
from nascar_kg.graph.validation import shapes_graph, validate_store
from nascar_kg.ontology import vocabulary


def _store(batch):
    store = MemoryStore()
    store.open()
    store.write(batch)
    return store


def test_sample_graph_conforms():
    report = validate_store(_store(sample_graph()))
    assert report["conforms"], report["violations"]
    assert report["violations"] == []
    assert report["triples"] > 100


def test_team_that_drove_for_a_driver_is_a_violation():
    batch = sample_graph()
    doc = batch.documents[0]
    batch.relations.append(Relation(
        EntityRef("Joe Gibbs Racing", "Team"), "drove_for", EntityRef("Corey Heim", "Driver"),
        [Evidence(doc, "nonsense", 0, 8, 0.5, "test", "1")]))
    report = validate_store(_store(batch))
    assert not report["conforms"]
    messages = {(v["focus"].rsplit("/", 1)[-1], v["message"]) for v in report["violations"]}
    assert ("joe-gibbs-racing", "The subject of drove_for must be a Driver.") in messages
    assert ("corey-heim", "The object of drove_for must be a Team.") in messages


def test_sponsor_range_is_a_union():
    doc = Document("d" * 64, "x.txt")
    ok = GraphBatch(documents=[doc], relations=[
        Relation(EntityRef("Acme Tools", "Sponsor"), "sponsors", EntityRef("Pat Rowe", "Driver"),
                 [Evidence(doc, "Acme backs Rowe", 0, 5)]),
        Relation(EntityRef("Acme Tools", "Sponsor"), "sponsors", EntityRef("Rowe Racing", "Team"),
                 [Evidence(doc, "Acme backs Rowe Racing", 0, 5)])])
    assert validate_store(_store(ok))["conforms"]
    bad = GraphBatch(documents=[doc], relations=[Relation(
        EntityRef("Acme Tools", "Sponsor"), "sponsors", EntityRef("Daytona", "Track"),
        [Evidence(doc, "Acme backs Daytona", 0, 5)])])
    report = validate_store(_store(bad))
    assert [v["message"] for v in report["violations"]] == [
        "The object of sponsors must be a Driver or Team."]


def test_every_predicate_with_a_domain_has_generated_shapes():
    from rdflib import Namespace, URIRef

    sh = Namespace("http://www.w3.org/ns/shacl#")
    g = shapes_graph()
    targeted = {str(o) for o in g.objects(None, sh.targetSubjectsOf)}
    for pred in vocabulary().predicates.values():
        if pred.domain:
            assert pred.iri in targeted
    assert (None, sh.targetClass, URIRef("https://w3id.org/nascar-kg/ontology#Assertion")) in g
