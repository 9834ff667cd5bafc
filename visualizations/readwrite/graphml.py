"""GraphML (yEd, Gephi, Cytoscape, networkx): typed attributes, evidence as JSON strings.

Nodes carry ``label``/``name``, ``type``, ``type_label``, ``aliases`` (JSON),
``wikidata``, ``color`` (hex) with ``r``/``g``/``b`` (Gephi reads those),
``shape`` and ``iri``. Edges carry their assertion IRI as the GraphML edge
id, ``predicate``, ``label``, ``color``, ``confidence``/``weight``,
``evidence`` (JSON list of quote, document, title, offsets, confidence,
extractor), ``sources`` (JSON) and ``seasons`` (JSON).
"""

from __future__ import annotations

from pathlib import Path

from nascar_kg.visualizations.files import atomic_path
from nascar_kg.visualizations.readwrite.common import flat_graph, hex_rgb, restore, xml_safe


def write_graphml(G, path, *, title: str = "nascar-kg") -> list[Path]:
    import networkx as nx

    H = xml_safe(flat_graph(G, title=title))  # XML 1.0 cannot hold control characters
    for _, d in H.nodes(data=True):
        d["r"], d["g"], d["b"] = hex_rgb(d["color"])
    with atomic_path(path) as tmp:
        nx.write_graphml(H, str(tmp), encoding="utf-8", prettyprint=True, named_key_ids=True,
                         edge_id_from_attribute="id")
    return [Path(path)]


def read_graphml(path):
    """A GraphML file of :func:`write_graphml`, in ``to_networkx``'s shape."""
    import networkx as nx

    H = nx.read_graphml(str(path), force_multigraph=True)
    for _, d in H.nodes(data=True):
        for k in ("r", "g", "b"):
            d.pop(k, None)
    return restore(H)
