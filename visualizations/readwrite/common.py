"""What every export shares: flat attributes for formats that hold no lists, edge ids, reading back.

GraphML, GEXF and CSV cells hold single values, so list-valued attributes
(``aliases``, ``evidence``, ``sources``, ``seasons``) travel as JSON strings;
:func:`restore` turns a graph read back from such a file into the shape
``to_networkx`` gives (keys = predicates, lists decoded).

Every edge has an id: the IRI of its assertion in the RDF form of the graph
(``…/id/assertion/<digest>``), the same in every format, so an edge of a CSV
or GEXF file can be looked up in the Turtle or in the store.
"""

from __future__ import annotations

import json
import math
import re

from nascar_kg.graph.model import digest
from nascar_kg.ontology import ID, vocabulary

LIST_NODE_ATTRS = ("aliases",)
LIST_EDGE_ATTRS = ("evidence", "sources", "seasons")
_NODE_SKIP = {"name", "type", "aliases", "wikidata", "color", "shape"}
_EDGE_SKIP = {"predicate", "color", "confidence", "evidence", "seasons"}
# attribute names that GraphML/GEXF writers or readers treat specially
_RESERVED = {"id", "label", "viz", "pid", "start", "end", "key", "networkx_key", "weight",
             "source", "target", "value"}


def _safe_key(key: str) -> str:
    return f"property_{key}" if key in _RESERVED else key


def assertion_iri(u: str, predicate: str, v: str) -> str:
    """The IRI of the assertion behind edge ``u -predicate-> v`` (as ``Relation.iri``)."""
    return f"{ID}assertion/" + digest(u, predicate, v)[:32]


def to_json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)


def scalar(value):
    """A value a flat format can hold: str, int, float or bool (lists and maps as JSON)."""
    if isinstance(value, bool) or isinstance(value, (int, str)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if value is None:
        return None
    if isinstance(value, (list, tuple, set, dict)):
        return to_json(list(value) if isinstance(value, (tuple, set)) else value)
    return str(value)


EVIDENCE_KEYS = ("document", "sha256", "title", "text", "start", "end", "confidence", "extractor")


def evidence_list(d: dict) -> list[dict]:
    """The edge's evidence as plain dicts.

    Keys: document and its sha256, title, text, start, end, confidence, extractor.
    """
    out = []
    for e in d.get("evidence") or []:
        if isinstance(e, dict):
            out.append({k: e.get(k) for k in EVIDENCE_KEYS if k in e})
        else:
            out.append({"text": str(e)})
    return out


def sources(d: dict) -> list[str]:
    """The documents the edge's evidence comes from, in order, without repeats."""
    return list(dict.fromkeys(str(e.get("document")) for e in evidence_list(d)
                              if e.get("document")))


def node_record(n, d: dict) -> dict:
    """The node's attributes, flat, ontology label and color included."""
    voc = vocabulary()
    cls = voc.entity_classes.get(d.get("type", ""))
    rec = {"label": str(d.get("name") or n), "name": str(d.get("name") or n),
           "type": str(d.get("type", "")),
           "type_label": cls.label if cls else str(d.get("type", "")),
           "aliases": to_json([str(a) for a in d.get("aliases") or []]),
           "wikidata": str(d.get("wikidata") or ""),
           "color": cls.color if cls else str(d.get("color") or "#999999"),
           "shape": cls.shape if cls else str(d.get("shape") or "dot"),
           "iri": str(n)}
    for k, v in d.items():
        if k not in _NODE_SKIP and k not in rec and v is not None:
            rec[_safe_key(k)] = scalar(v)
    return rec


def edge_record(u, v, k, d: dict) -> dict:
    """The edge's attributes, flat: evidence, sources and seasons as JSON strings."""
    voc = vocabulary()
    pred_name = str(d.get("predicate", k))
    pred = voc.predicates.get(pred_name)
    conf = d.get("confidence")
    conf = float(conf) if isinstance(conf, (int, float)) and math.isfinite(conf) else 1.0
    ev = evidence_list(d)
    rec = {"id": assertion_iri(str(u), pred_name, str(v)), "predicate": pred_name,
           "label": pred.label if pred else pred_name,
           "color": pred.color if pred else str(d.get("color") or "#999999"),
           "symmetric": bool(pred and pred.symmetric), "confidence": conf, "weight": conf,
           "evidence": to_json(ev), "evidence_count": len(ev), "sources": to_json(sources(d)),
           "seasons": to_json(list(d.get("seasons") or []))}
    for key, value in d.items():
        if key not in _EDGE_SKIP and key not in rec and value is not None:
            rec[_safe_key(key)] = scalar(value)
    return rec


def flat_graph(G, *, title: str = "nascar-kg"):
    """A copy of ``G`` whose attributes are all scalars; edge keys become assertion IRIs."""
    import networkx as nx

    H = nx.MultiDiGraph()
    H.graph.update({"title": title, "generator": "nascar-kg"})
    for n, d in G.nodes(data=True):
        H.add_node(str(n), **{k: v for k, v in node_record(n, d).items() if v is not None})
    for u, v, k, d in G.edges(keys=True, data=True):
        rec = edge_record(u, v, k, d)
        H.add_edge(str(u), str(v), key=rec["id"],
                   **{key: val for key, val in rec.items() if val is not None})
    return H


_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(value: str) -> str:
    """``value`` with the characters XML 1.0 cannot hold (most control characters) as U+FFFD.

    >>> xml_text("a\\x00b\\x1b[31mc\\td")
    'a\ufffdb\ufffd[31mc\\td'
    """
    return _XML_INVALID.sub("\ufffd", value)


def xml_safe(H):
    """``H`` (a flat graph) with every string attribute and node id made XML-safe, in place."""
    import networkx as nx

    def clean(d: dict) -> None:
        for k, v in d.items():
            if isinstance(v, str) and _XML_INVALID.search(v):
                d[k] = xml_text(v)

    clean(H.graph)
    for _, d in H.nodes(data=True):
        clean(d)
    for *_, d in H.edges(data=True):
        clean(d)
    bad = {n: xml_text(n) for n in H if isinstance(n, str) and _XML_INVALID.search(n)}
    return nx.relabel_nodes(H, bad, copy=False) if bad else H


def restore(H):
    """A graph read back from a flat format, in ``to_networkx``'s shape.

    Edge keys become predicates again, JSON-string attributes become lists,
    and the node ``label`` (a copy of ``name``) and format bookkeeping go.
    """
    import networkx as nx

    G = nx.MultiDiGraph()
    G.graph.update(H.graph)
    for n, d in H.nodes(data=True):
        d = dict(d)
        d.pop("label", None)
        d.pop("viz", None)
        for k in LIST_NODE_ATTRS:
            if isinstance(d.get(k), str):
                d[k] = json.loads(d[k])
        G.add_node(n, **d)
    for u, v, k, d in H.edges(keys=True, data=True):
        d = dict(d)
        d.pop("viz", None)
        d.pop("id", None)
        d.pop("networkx_key", None)
        for key in LIST_EDGE_ATTRS:
            if isinstance(d.get(key), str):
                d[key] = json.loads(d[key])
        G.add_edge(u, v, key=d.get("predicate", k), **d)
    return G


def hex_rgb(color: str) -> tuple[int, int, int]:
    """``#rrggbb`` as integers (grey if it is not a color)."""
    c = (color or "").lstrip("#")
    try:
        return int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16)
    except (ValueError, IndexError):
        return 153, 153, 153


def graph_sources(G) -> list[str]:
    """Every document any edge's evidence cites, in order of first appearance."""
    seen: dict[str, None] = {}
    for *_, d in G.edges(data=True):
        for s in sources(d):
            seen.setdefault(s, None)
    return list(seen)
