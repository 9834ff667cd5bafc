"""Cytoscape JSON (Cytoscape desktop and Cytoscape.js ``elements``), evidence as real lists.

Readable by ``networkx.cytoscape_graph``: node ``data`` has ``id``, ``name``,
``value`` (the IRI), type and colors; edge ``data`` has ``source``,
``target``, ``id`` (the assertion IRI), ``key`` (the predicate), ``label``,
``color``, ``confidence``, and ``evidence``/``sources``/``seasons`` as lists.
A ``style`` block colors types and predicates from the ontology.
"""

from __future__ import annotations

import json
from pathlib import Path

from nascar_kg.ontology import vocabulary
from nascar_kg.visualizations.files import write_text
from nascar_kg.visualizations.readwrite.common import (edge_record, evidence_list, node_record,
                                                       sources)


def cytoscape_data(G, *, title: str = "nascar-kg") -> dict:
    voc = vocabulary()
    nodes, edges = [], []
    for n, d in G.nodes(data=True):
        rec = node_record(n, d)
        rec["aliases"] = json.loads(rec["aliases"])
        nodes.append({"data": {"id": str(n), "value": str(n), **rec}})
    for u, v, k, d in G.edges(keys=True, data=True):
        rec = edge_record(u, v, k, d)
        rec.update(evidence=evidence_list(d), sources=sources(d),
                   seasons=json.loads(rec["seasons"]))
        edges.append({"data": {**rec, "source": str(u), "target": str(v),
                               "key": rec["predicate"]}})
    style = [{"selector": f'node[type = "{c.name}"]',
              "style": {"background-color": c.color, "label": "data(name)"}}
             for c in voc.entity_classes.values()]
    style += [{"selector": f'edge[predicate = "{p.name}"]',
               "style": {"line-color": p.color, "target-arrow-color": p.color,
                         "target-arrow-shape": "none" if p.symmetric else "triangle",
                         "label": "data(label)"}}
              for p in voc.predicates.values()]
    return {"format_version": "1.0", "generated_by": "nascar-kg", "target_cytoscapejs_version": "~3",
            "data": {"name": title, "title": title}, "directed": True, "multigraph": True,
            "elements": {"nodes": nodes, "edges": edges}, "style": style}


def write_cytoscape(G, path, *, title: str = "nascar-kg") -> list[Path]:
    text = json.dumps(cytoscape_data(G, title=title), ensure_ascii=False, indent=1)
    return [write_text(path, text + "\n")]


def read_cytoscape(path):
    """A file of :func:`write_cytoscape` as a networkx graph (``networkx.cytoscape_graph``)."""
    import networkx as nx

    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return nx.cytoscape_graph(data)
