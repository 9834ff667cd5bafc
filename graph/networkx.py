"""The graph as a networkx ``MultiDiGraph``, for visualizations, exports and in-memory analysis.

Nodes are entity IRIs with ``name``, ``type``, ``aliases``, ``color`` and ``shape``
(from the ontology); edges carry ``predicate``, ``confidence``, ``evidence``
(a list of dicts with document, text, offsets) and ``seasons``.

Examples
--------
>>> from nascar_kg.graph.model import EntityRef, GraphBatch, Relation
>>> G = to_networkx(GraphBatch(relations=[Relation(
...     EntityRef("Ty Gibbs", "Driver"), "drove_for", EntityRef("Joe Gibbs Racing", "Team"))]))
>>> sorted(G.nodes[n]["name"] for n in G)
['Joe Gibbs Racing', 'Ty Gibbs']
>>> [d["predicate"] for _, _, d in G.edges(data=True)]
['drove_for']
"""

from __future__ import annotations

from dataclasses import asdict

from nascar_kg.graph.model import GraphBatch
from nascar_kg.ontology import vocabulary


def to_networkx(batch: GraphBatch):
    import networkx as nx

    voc = vocabulary()
    batch = batch.merged()
    G = nx.MultiDiGraph()
    for ent in batch.entities:
        cls = voc.entity_classes[ent.type]
        G.add_node(ent.iri, name=ent.name, type=ent.type, aliases=list(ent.aliases),
                   wikidata=ent.wikidata or "", color=cls.color, shape=cls.shape,
                   **{k: v for k, v in ent.properties.items() if v is not None})
    for rel in batch.relations:
        s, o = rel.ends
        evidence = [{"document": e.document.source, "sha256": e.document.sha256,
                     "title": e.document.title or "",
                     "text": e.text, "start": e.start, "end": e.end,
                     "confidence": e.confidence, "extractor": e.extractor} for e in rel.evidence]
        G.add_edge(s.iri, o.iri, key=rel.predicate, predicate=rel.predicate,
                   color=voc.predicates[rel.predicate].color, confidence=rel.confidence,
                   evidence=evidence, seasons=[asdict(st) for st in rel.seasons])
    return G


def focus_subgraph(G, center: str, depth: int):
    """The part of ``G`` within ``depth`` hops of node ``center``, edges in either direction."""
    import networkx as nx

    near = nx.single_source_shortest_path_length(G.to_undirected(as_view=True), center,
                                                 cutoff=depth)
    return G.subgraph(near).copy()


def find_node(G, name: str) -> str | None:
    """The node whose name or alias is ``name`` (case-insensitive), if exactly one."""
    from nascar_kg.ontology.registry import fold

    key = fold(name)
    hits = [n for n, d in G.nodes(data=True)
            if key in {fold(d["name"]), *(fold(a) for a in d.get("aliases", ()))}]
    return hits[0] if len(hits) == 1 else None
