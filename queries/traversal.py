"""Walking the graph: the relation edges around a set of nodes.

Paths and neighborhoods are computed here from one primitive, the edges
of a node, asked of the store in its own query language. The embedded
Oxigraph store is asked through its triple index directly (the same edges as
``edges.rq``, without a query per node), which keeps a path search over the
full race results in milliseconds.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from nascar_kg.graph.model import IRI
from nascar_kg.ontology import NS, vocabulary
from nascar_kg.queries.texts import ontology_name, run


@dataclass(frozen=True)
class Edge:
    subject: str
    predicate: str
    object: str

    def other(self, node: str) -> str:
        return self.object if node == self.subject else self.subject


class Walker:
    """Fetches and caches the relation edges of nodes, optionally only some predicates."""

    def __init__(self, store, predicates: set[str] | None = None):
        self.store = store
        self.predicates = predicates
        self._edges: dict[str, list[Edge]] = {}

    def edges(self, node: str) -> list[Edge]:
        cached = self._edges.get(node)
        if cached is not None:
            return cached
        found: list[Edge] = []
        seen = set()
        for s, predicate, o in self._triples(node):
            if predicate is None or (self.predicates and predicate not in self.predicates):
                continue
            if s == o:
                continue
            edge = Edge(s, predicate, o)
            if edge not in seen:
                seen.add(edge)
                found.append(edge)
        # sorted, so answers do not depend on a store's row order or on set order
        found.sort(key=lambda e: (e.subject, e.predicate, e.object))
        self._edges[node] = found
        return found

    def _triples(self, node: str):
        """(subject, predicate name or None, object) of the triples linking ``node``."""
        ox_store = _oxigraph(self.store)
        if ox_store is None:
            for row in run(self.store, "edges", n=IRI(node)):
                yield str(row["s"]), ontology_name(row["p"]), str(row["o"])
            return
        import pyoxigraph as ox

        n = ox.NamedNode(node)
        for name, p in _relation_nodes(tuple(sorted(self.predicates or ()))):
            for quad in ox_store.quads_for_pattern(n, p, None):
                if isinstance(quad.object, ox.NamedNode):
                    yield node, name, quad.object.value
            for quad in ox_store.quads_for_pattern(None, p, n):
                if isinstance(quad.subject, ox.NamedNode):
                    yield quad.subject.value, name, node

    def expand(self, frontier: set[str]) -> dict[str, list[Edge]]:
        return {node: self.edges(node) for node in sorted(frontier)}


@cache
def _relation_nodes(only: tuple[str, ...]) -> list:
    """(name, pyoxigraph IRI) of the relation predicates (all of them when ``only`` is empty)."""
    import pyoxigraph as ox

    return [(name, ox.NamedNode(NS + name)) for name in only or vocabulary().predicate_names]


def _oxigraph(store):
    """The pyoxigraph store of the embedded RDF backend, else None (asked by query)."""
    from nascar_kg.graph.rdf_store import RDFStore

    return store.ox_store if isinstance(store, RDFStore) else None
