"""Walking the graph: the relation edges around a set of nodes.

Paths and neighborhoods are computed here from one primitive, the edges
of a node, asked of the store in its own query language.
"""

from __future__ import annotations

from dataclasses import dataclass

from nascar_kg.graph.model import IRI
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
        for row in run(self.store, "edges", n=IRI(node)):
            predicate = ontology_name(row["p"])
            if predicate is None or (self.predicates and predicate not in self.predicates):
                continue
            if row["s"] == row["o"]:
                continue
            edge = Edge(str(row["s"]), predicate, str(row["o"]))
            if edge not in seen:
                seen.add(edge)
                found.append(edge)
        # sorted, so answers do not depend on a store's row order or on set order
        found.sort(key=lambda e: (e.subject, e.predicate, e.object))
        self._edges[node] = found
        return found

    def expand(self, frontier: set[str]) -> dict[str, list[Edge]]:
        return {node: self.edges(node) for node in sorted(frontier)}
