"""The RDF form of the graph: how entities, documents, relations and their evidence become triples.

A relation is stored twice over: as the direct triple (``<s> nkg:drove_for <o>``),
which queries and paths follow, and as an ``nkg:Assertion`` (an ``rdf:Statement``
with an IRI derived from the triple) to which every piece of evidence and every
season record attaches. Triples are built as pyoxigraph terms so the embedded
store can take them in bulk.
"""

from __future__ import annotations

from collections.abc import Iterator

import pyoxigraph as ox

from nascar_kg.graph.model import Document, Entity, GraphBatch, Race, Relation, entity_iri
from nascar_kg.ontology import NS
from nascar_kg.ontology.registry import fold

RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XSD = "http://www.w3.org/2001/XMLSchema#"
DCT = "http://purl.org/dc/terms/"
SCHEMA = "https://schema.org/"

PREFIXES = {"nkg": NS, "rdf": RDF_NS, "dcterms": DCT, "schema": SCHEMA, "xsd": XSD}
"""Prefixes every query of the RDF backend may use."""


def nkg(local: str) -> ox.NamedNode:
    return ox.NamedNode(NS + local)


TYPE = ox.NamedNode(RDF_NS + "type")
R_SUBJECT, R_PREDICATE, R_OBJECT = (ox.NamedNode(RDF_NS + x) for x in ("subject", "predicate", "object"))
NAME, ALIAS, KEY, WIKIDATA = nkg("name"), nkg("alias"), nkg("key"), nkg("wikidata")
TITLE, DATE, URL = ox.NamedNode(DCT + "title"), ox.NamedNode(DCT + "date"), ox.NamedNode(SCHEMA + "url")
_INT = ox.NamedNode(XSD + "integer")
_DOUBLE = ox.NamedNode(XSD + "double")


def literal(value) -> ox.Literal:
    if isinstance(value, bool):
        return ox.Literal(str(value).lower(), datatype=ox.NamedNode(XSD + "boolean"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=_INT)
    if isinstance(value, float):
        return ox.Literal(repr(value), datatype=_DOUBLE)
    try:
        return ox.Literal(str(value))
    except ValueError:  # lone surrogates (a command-line argument that is not UTF-8)
        return ox.Literal(str(value).encode("utf-8", "replace").decode("utf-8"))


def entity_triples(entity: Entity) -> Iterator[ox.Triple]:
    node = ox.NamedNode(entity.iri)
    yield ox.Triple(node, TYPE, nkg(entity.type))
    yield ox.Triple(node, NAME, ox.Literal(entity.name))
    keys = {fold(entity.name)}
    for alias in entity.aliases:
        if alias != entity.name:
            yield ox.Triple(node, ALIAS, ox.Literal(alias))
            keys.add(fold(alias))
    for key in keys:
        yield ox.Triple(node, KEY, ox.Literal(key))
    if entity.wikidata:
        yield ox.Triple(node, WIKIDATA, ox.Literal(entity.wikidata))
    for prop, value in entity.properties.items():
        if prop in {"length", "surface"} and value not in (None, ""):
            yield ox.Triple(node, nkg(prop), literal(value))


def document_triples(doc: Document) -> Iterator[ox.Triple]:
    node = ox.NamedNode(doc.iri)
    yield ox.Triple(node, TYPE, nkg("Document"))
    yield ox.Triple(node, nkg("sha256"), ox.Literal(doc.sha256))
    yield ox.Triple(node, nkg("source"), ox.Literal(doc.source))
    yield ox.Triple(node, nkg("kind"), ox.Literal(doc.kind))
    for prop, value in ((TITLE, doc.title), (DATE, doc.date), (URL, doc.url)):
        if value:
            yield ox.Triple(node, prop, ox.Literal(value))


def relation_triples(rel: Relation) -> Iterator[ox.Triple]:
    s_ref, o_ref = rel.ends
    s, o, p = ox.NamedNode(s_ref.iri), ox.NamedNode(o_ref.iri), nkg(rel.predicate)
    a = ox.NamedNode(rel.iri)
    yield ox.Triple(s, p, o)
    yield ox.Triple(a, TYPE, nkg("Assertion"))
    yield ox.Triple(a, R_SUBJECT, s)
    yield ox.Triple(a, R_PREDICATE, p)
    yield ox.Triple(a, R_OBJECT, o)
    for ev in rel.evidence:
        e = ox.NamedNode(ev.iri_for(rel.iri))
        yield ox.Triple(a, nkg("evidence"), e)
        yield ox.Triple(e, TYPE, nkg("Evidence"))
        yield ox.Triple(e, nkg("document"), ox.NamedNode(ev.document.iri))
        yield ox.Triple(e, nkg("text"), ox.Literal(ev.text))
        yield ox.Triple(e, nkg("confidence"), literal(float(ev.confidence)))
        if ev.start is not None:
            yield ox.Triple(e, nkg("start"), literal(int(ev.start)))
            yield ox.Triple(e, nkg("end"), literal(int(ev.end)))
        if ev.extractor:
            yield ox.Triple(e, nkg("extractor"), ox.Literal(ev.extractor))
            yield ox.Triple(e, nkg("extractorVersion"), ox.Literal(ev.extractor_version))
    for st in rel.seasons:
        r = ox.NamedNode(st.iri_for(rel.iri))
        yield ox.Triple(a, nkg("seasonRecord"), r)
        yield ox.Triple(r, TYPE, nkg("SeasonRecord"))
        yield ox.Triple(r, nkg("series"), ox.NamedNode(entity_iri(st.series, "Series")))
        yield ox.Triple(r, nkg("season"), literal(st.season))
        yield ox.Triple(r, nkg("starts"), literal(st.starts))
        yield ox.Triple(r, nkg("wins"), literal(st.wins))
        yield ox.Triple(r, nkg("top5"), literal(st.top5))
        yield ox.Triple(r, nkg("top10"), literal(st.top10))
        yield ox.Triple(r, nkg("lapsLed"), literal(st.laps_led))
        if st.best_finish is not None:
            yield ox.Triple(r, nkg("bestFinish"), literal(st.best_finish))
        if st.average_finish is not None:
            yield ox.Triple(r, nkg("averageFinish"), literal(float(st.average_finish)))
        for number in st.car_numbers:
            yield ox.Triple(r, nkg("carNumber"), ox.Literal(number))


def race_triples(race: Race) -> Iterator[ox.Triple]:
    node = ox.NamedNode(race.iri)
    yield ox.Triple(node, TYPE, nkg("Race"))
    yield ox.Triple(node, NAME, ox.Literal(race.name))
    yield ox.Triple(node, nkg("series"), ox.NamedNode(entity_iri(race.series, "Series")))
    yield ox.Triple(node, nkg("season"), literal(race.season))
    yield ox.Triple(node, nkg("raceNumber"), literal(race.number))
    if race.track is not None:
        yield ox.Triple(node, nkg("track"), ox.NamedNode(race.track.iri))
    if race.winner is not None:
        yield ox.Triple(node, nkg("winner"), ox.NamedNode(race.winner.iri))


def batch_chunks(batch: GraphBatch, chunk_size: int) -> Iterator[list[ox.Quad]]:
    """The batch's quads in chunks of about ``chunk_size``, never splitting one item.

    Keeping an item's triples in one chunk means a write interrupted between
    chunks leaves whole entities and whole relations (with their evidence) only.
    """
    chunk: list[ox.Quad] = []
    groups = [(document_triples, batch.documents), (entity_triples, batch.entities),
              (relation_triples, batch.relations), (race_triples, batch.races)]
    for to_triples, items in groups:
        for item in items:
            chunk.extend(ox.Quad(t.subject, t.predicate, t.object) for t in to_triples(item))
            if len(chunk) >= chunk_size:
                yield chunk
                chunk = []
    if chunk:
        yield chunk


def batch_graph(batch: GraphBatch):
    """The batch as an in-memory rdflib graph (for exports and validation)."""
    import rdflib

    store = ox.Store()
    for chunk in batch_chunks(batch, 100_000):
        store.extend(chunk)
    graph = rdflib.Graph()
    data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    graph.parse(data=data.decode("utf-8"), format="nt")
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns)
    return graph
