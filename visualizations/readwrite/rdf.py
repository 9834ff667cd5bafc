"""RDF exports (Turtle, N-Triples, JSON-LD) in the store's own mapping, provenance included.

The triples are those of :mod:`nascar_kg.graph.rdf`: the direct triple of
each relation, its ``nkg:Assertion`` with every ``nkg:Evidence`` (quote,
document, offsets, confidence, extractor) and ``nkg:SeasonRecord``, and the
documents. Given the ``GraphBatch`` the graph came from, the export takes the
part of it that the (maybe focused) graph holds, with the documents' real
hashes and metadata; without it, the batch is rebuilt from the graph's own
attributes, documents then being identified by their source.
"""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from nascar_kg.graph.model import (Document, Entity, EntityRef, Evidence, GraphBatch, Relation,
                                   SeasonStats, digest)
from nascar_kg.visualizations.files import write_text

_SEASON_FIELDS = {f.name for f in fields(SeasonStats)}
_NODE_SKIP = {"name", "type", "aliases", "wikidata", "color", "shape"}


def batch_from_graph(G) -> GraphBatch:
    """A GraphBatch holding what the networkx graph ``G`` holds."""
    entities, relations, documents = [], [], {}
    for n, d in G.nodes(data=True):
        props = {k: v for k, v in d.items() if k not in _NODE_SKIP}
        entities.append(Entity(str(d.get("name") or n), d.get("type", "Organization"),
                               tuple(d.get("aliases") or ()), d.get("wikidata") or None, props))
    for u, v, k, d in G.edges(keys=True, data=True):
        s, o = G.nodes[u], G.nodes[v]
        evidence = []
        for e in d.get("evidence") or []:
            source = str(e.get("document") or "")
            sha = str(e.get("sha256") or e.get("document_sha256") or digest("document", source))
            doc = documents.setdefault((sha, source), Document(
                sha, source, kind=e.get("kind") or "article", title=e.get("title") or None))
            evidence.append(Evidence(doc, str(e.get("text") or ""), e.get("start"), e.get("end"),
                                     float(e.get("confidence", 1.0) or 0.0),
                                     str(e.get("extractor") or ""),
                                     str(e.get("extractor_version") or "")))
        seasons = [SeasonStats(**{**{f: st[f] for f in _SEASON_FIELDS if f in st},
                                  "car_numbers": tuple(st.get("car_numbers") or ())})
                   for st in d.get("seasons") or []]
        relations.append(Relation(EntityRef(str(s.get("name") or u), s.get("type")),
                                  d.get("predicate", k),
                                  EntityRef(str(o.get("name") or v), o.get("type")),
                                  evidence, seasons))
    return GraphBatch(entities, list(documents.values()), relations)


def batch_part(batch: GraphBatch, G) -> GraphBatch:
    """The part of ``batch`` that the graph ``G`` (made from it, maybe narrowed) shows."""
    batch = batch.merged()
    nodes = set(G.nodes)
    edges = {(str(u), d.get("predicate", k), str(v)) for u, v, k, d in G.edges(keys=True,
                                                                               data=True)}
    relations = []
    for rel in batch.relations:
        s, o = rel.ends
        if (s.iri, rel.predicate, o.iri) in edges:
            relations.append(rel)
    entities = [e for e in batch.entities if e.iri in nodes]
    cited = {ev.document.iri for rel in relations for ev in rel.evidence}
    documents = [doc for doc in batch.documents if doc.iri in cited]
    known = {doc.iri for doc in documents}
    documents += list({ev.document.iri: ev.document for rel in relations for ev in rel.evidence
                       if ev.document.iri not in known}.values())
    races = [r for r in batch.races
             if all(ref is None or ref.iri in nodes for ref in (r.track, r.winner))
             and EntityRef(r.series, "Series").iri in nodes]
    return GraphBatch(entities, documents, relations, races)


def rdf_graph(G, batch: GraphBatch | None = None):
    """The rdflib graph of ``G`` (from ``batch`` when given), with the store's prefixes."""
    from nascar_kg.graph.rdf import batch_graph

    return batch_graph(batch_part(batch, G) if batch is not None else batch_from_graph(G))


def jsonld_context() -> dict:
    from nascar_kg.graph.rdf import PREFIXES

    return dict(PREFIXES)


def write_turtle(G, path, *, title: str = "nascar-kg", batch=None) -> list[Path]:
    g = rdf_graph(G, batch)
    text = f"# {_one_line(title)}: exported by nascar-kg\n" + g.serialize(format="turtle")
    return [write_text(path, text)]


def write_ntriples(G, path, *, title: str = "nascar-kg", batch=None) -> list[Path]:
    g = rdf_graph(G, batch)
    lines = sorted(line for line in g.serialize(format="nt").split("\n") if line.strip())
    return [write_text(path, "\n".join(lines) + "\n")]


def write_jsonld(G, path, *, title: str = "nascar-kg", batch=None) -> list[Path]:
    g = rdf_graph(G, batch)
    text = g.serialize(format="json-ld", context=jsonld_context(), auto_compact=True,
                       indent=1, ensure_ascii=False)
    return [write_text(path, text + "\n")]


def _one_line(text: str) -> str:
    return " ".join(str(text).split())
