"""Shortest relationship paths between two entities, following edges in either direction.

The search grows a ball around each end, always the side with the smaller
frontier, until the two radii add up to ``max_hops``. Every path of at most
r edges lies inside the explored edges once the radii add up to r (a node at
position i of such a path is within i of the start or within L−i of the end),
so the ``limit`` shortest simple paths are found exactly on that small
subgraph, and the search stops early once ``limit`` paths of at most r edges
are there (none outside can be shorter).
"""

from __future__ import annotations

import itertools

from nascar_kg.errors import UsageError
from nascar_kg.ontology import vocabulary
from nascar_kg.queries.resolve import describe, resolve_entity
from nascar_kg.queries.traversal import Edge, Walker

DEFAULT_MAX_HOPS = 4
DEFAULT_LIMIT = 5


def check_predicates(names) -> set[str] | None:
    """The set of predicate names given, checked against the ontology (None for all)."""
    if not names:
        return None
    voc = vocabulary()
    wanted = set()
    for name in names:
        if name not in voc.predicates:
            raise UsageError(f"unknown predicate {name!r}; choose from {', '.join(voc.predicate_names)}")
        wanted.add(name)
        # a broad predicate includes its narrower kinds: affiliated_with covers owns
        wanted.update(p for p in voc.predicate_names if voc.coarse(p) == name)
    return wanted


def find_paths(store, source: str, target: str, max_hops: int = DEFAULT_MAX_HOPS,
               via=None, limit: int = DEFAULT_LIMIT) -> dict:
    """Up to ``limit`` shortest paths from ``source`` to ``target``, shortest first.

    Returns the shape of ``path --format json`` in the command-line contract.
    """
    import networkx as nx

    if max_hops < 1:
        raise UsageError("--max-hops must be at least 1")
    if limit < 1:
        raise UsageError("--limit must be at least 1")
    walker = Walker(store, check_predicates(via))
    a_iri, a_ref = resolve_entity(store, source)
    b_iri, b_ref = resolve_entity(store, target)
    result = {"from": {"name": a_ref.name, "type": a_ref.type},
              "to": {"name": b_ref.name, "type": b_ref.type}, "paths": []}
    if a_iri == b_iri:
        return result

    local = nx.Graph()
    local.add_nodes_from([a_iri, b_iri])
    sides = {a_iri: {a_iri}, b_iri: {b_iri}}          # visited per side
    frontiers = {a_iri: {a_iri}, b_iri: {b_iri}}
    radius = {a_iri: 0, b_iri: 0}
    while radius[a_iri] + radius[b_iri] < max_hops:
        side = min((a_iri, b_iri), key=lambda s: (len(frontiers[s]), radius[s]))
        if not frontiers[side]:
            side = b_iri if side == a_iri else a_iri
            if not frontiers[side]:
                break
        nxt = set()
        for node, edges in walker.expand(frontiers[side]).items():
            for edge in edges:
                other = edge.other(node)
                _add_edge(local, node, other, edge)
                if other not in sides[side]:
                    sides[side].add(other)
                    nxt.add(other)
        frontiers[side] = nxt
        radius[side] += 1
        reach = radius[a_iri] + radius[b_iri]
        if reach < max_hops and len(_shortest(local, a_iri, b_iri, limit, reach)) >= limit:
            break

    paths = _shortest(local, a_iri, b_iri, limit, max_hops)
    names = {a_iri: a_ref, b_iri: b_ref}
    for path in paths:
        for node in path:
            if node not in names:
                names[node] = describe(store, node)
        result["paths"].append({
            "nodes": [{"name": names[n].name, "type": names[n].type} for n in path],
            "edges": [_edge_json(local.edges[u, v]["edges"][0], names)
                      for u, v in zip(path, path[1:])],
        })
    return result


def _shortest(graph, a: str, b: str, limit: int, max_len: int) -> list[list[str]]:
    """Up to ``limit`` shortest simple paths of at most ``max_len`` edges, shortest first."""
    import networkx as nx

    paths = []
    try:
        for path in itertools.islice(nx.shortest_simple_paths(graph, a, b), limit):
            if len(path) - 1 > max_len:
                break   # the paths come shortest first
            paths.append(path)
    except nx.NetworkXNoPath:
        pass
    return paths


def _add_edge(graph, u: str, v: str, edge: Edge) -> None:
    if graph.has_edge(u, v):
        edges = graph.edges[u, v]["edges"]
        if edge not in edges:
            edges.append(edge)
            edges.sort(key=lambda e: vocabulary().predicates[e.predicate].order)
    else:
        graph.add_edge(u, v, edges=[edge])


def _edge_json(edge: Edge, names) -> dict:
    return {"subject": names[edge.subject].name, "predicate": edge.predicate,
            "object": names[edge.object].name}


def format_path(path: dict) -> str:
    """A path as text, arrows pointing from subject to object.

    >>> format_path({"nodes": [{"name": "Toyota"}, {"name": "23XI Racing"}, {"name": "Corey Heim"}],
    ...   "edges": [{"subject": "23XI Racing", "predicate": "affiliated_with", "object": "Toyota"},
    ...             {"subject": "Corey Heim", "predicate": "drove_for", "object": "23XI Racing"}]})
    'Toyota ←affiliated_with— 23XI Racing ←drove_for— Corey Heim'
    """
    parts = [path["nodes"][0]["name"]]
    for node, edge in zip(path["nodes"][1:], path["edges"]):
        forward = edge["object"] == node["name"]
        arrow = f" —{edge['predicate']}→ " if forward else f" ←{edge['predicate']}— "
        parts.append(arrow + node["name"])
    return "".join(parts)
