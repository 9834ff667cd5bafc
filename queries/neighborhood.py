"""The entities around an entity, up to a depth, optionally along some predicates only."""

from __future__ import annotations

from nascar_kg.errors import UsageError
from nascar_kg.queries.paths import check_predicates
from nascar_kg.queries.resolve import describe, resolve_entity
from nascar_kg.queries.traversal import Walker

MAX_NODES = 5000


def neighbors(store, name: str, depth: int = 1, relations=None,
              max_nodes: int = MAX_NODES) -> dict:
    """Nodes and edges within ``depth`` hops of ``name``.

    Returns the shape of ``neighbors --format json`` in the command-line contract;
    ``truncated`` is true when ``max_nodes`` stopped the walk.
    """
    if depth < 1:
        raise UsageError("--depth must be at least 1")
    walker = Walker(store, check_predicates(relations))
    center_iri, center = resolve_entity(store, name)
    refs = {center_iri: center}
    edges: dict = {}
    frontier, seen, truncated = {center_iri}, {center_iri}, False
    for _ in range(depth):
        nxt = set()
        for node, node_edges in walker.expand(frontier).items():
            for edge in node_edges:
                other = edge.other(node)
                if other not in seen:
                    if len(seen) >= max_nodes:
                        truncated = True
                        continue
                    ref = describe(store, other)
                    if ref is None:
                        continue
                    refs[other] = ref
                    seen.add(other)
                    nxt.add(other)
                edges[edge] = None
        frontier = nxt
    nodes = [{"name": r.name, "type": r.type} for i, r in refs.items() if i != center_iri]
    nodes.sort(key=lambda n: (n["type"], n["name"]))
    edge_list = [{"subject": refs[e.subject].name, "predicate": e.predicate,
                  "object": refs[e.object].name}
                 for e in edges if e.subject in refs and e.object in refs]
    edge_list.sort(key=lambda e: (e["predicate"], e["subject"], e["object"]))
    return {"center": {"name": center.name, "type": center.type}, "nodes": nodes,
            "edges": edge_list, "truncated": truncated}
