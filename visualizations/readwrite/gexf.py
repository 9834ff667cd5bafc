"""GEXF 1.2 for Gephi: node and edge colors as ``viz`` colors, sizes by degree, evidence as JSON.

Node attributes as in GraphML (``name``, ``type``, ``aliases`` …) with the
name as the GEXF label and ``viz:color``/``viz:size``/``viz:shape`` from the
ontology; edges have the assertion IRI as id, the predicate's label and
``viz:color``, ``weight`` = confidence, and ``evidence``/``sources``/
``seasons`` as JSON strings.
"""

from __future__ import annotations

import math
from pathlib import Path

from nascar_kg.visualizations.files import atomic_path
from nascar_kg.visualizations.readwrite.common import (
    flat_graph, hex_rgb, restore, xml_safe, xml_text,
)

# vis-network's shape names (the ontology's) as GEXF viz shapes
_GEXF_SHAPES = {"dot": "disc", "ellipse": "disc", "circle": "disc", "box": "square",
                "square": "square", "diamond": "diamond", "triangle": "triangle",
                "triangleDown": "triangle", "star": "diamond", "hexagon": "disc"}


def write_gexf(G, path, *, title: str = "nascar-kg") -> list[Path]:
    import networkx as nx

    H = xml_safe(flat_graph(G, title=title))  # XML 1.0 cannot hold control characters
    H.graph["name"] = xml_text(title)
    degree = dict(H.degree())
    for n, d in H.nodes(data=True):
        r, g, b = hex_rgb(d["color"])
        d["viz"] = {"color": {"r": r, "g": g, "b": b, "a": 1.0},
                    "size": round(8 + 4 * math.sqrt(degree.get(n, 0)), 2),
                    "shape": _GEXF_SHAPES.get(d.get("shape"), "disc")}
    for *_, d in H.edges(data=True):
        r, g, b = hex_rgb(d["color"])
        d["viz"] = {"color": {"r": r, "g": g, "b": b, "a": 1.0},
                    "thickness": round(1 + 2 * d.get("confidence", 1.0), 2)}
    with atomic_path(path) as tmp:
        nx.write_gexf(H, str(tmp), encoding="utf-8", prettyprint=True)
    return [Path(path)]


def read_gexf(path):
    """A GEXF file of :func:`write_gexf`, in ``to_networkx``'s shape (viz dropped)."""
    import networkx as nx

    H = nx.read_gexf(str(path))
    if not H.is_multigraph():
        H = nx.MultiDiGraph(H)
    return restore(H)


def read_gexf_viz(path) -> tuple[dict, dict]:
    """The ``viz`` data of a GEXF file: by node, and by edge id."""
    import networkx as nx

    H = nx.read_gexf(str(path))
    nodes = {n: d.get("viz", {}) for n, d in H.nodes(data=True)}
    edges = {d.get("id"): d.get("viz", {}) for *_, d in H.edges(data=True)}
    return nodes, edges
