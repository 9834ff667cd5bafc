"""The interactive HTML graph: one self-contained page that works offline.

The page is built with pyvis (nodes and edges as vis-network options) and
rendered with this package's own template, ``templates/graph.html``: the
vis-network JavaScript that pyvis ships is inlined, and nothing is loaded
from anywhere else (no CDN, no Bootstrap, no fonts).

Article text never becomes HTML. Names, evidence quotes and sources travel
as JSON in a ``<script type="application/json">`` element (with ``<``, ``>``,
``&`` and the line separators escaped, so no string can close the element),
and the page's own script puts them into the document as text nodes
(``textContent``), for tooltips and for the details panel alike. vis-network's
own ``title`` is never given a string that could be taken as HTML.

Colors, shapes and labels of entity types and predicates come from the
ontology (:func:`nascar_kg.ontology.vocabulary`).
"""

from __future__ import annotations

import math
import os
from collections import Counter, defaultdict
from pathlib import Path

from nascar_kg.errors import UsageError
from nascar_kg.ontology import vocabulary
from nascar_kg.visualizations.files import script_json, write_text

TEMPLATE = "graph.html"
_LABEL_INSIDE = {"box", "ellipse", "circle", "database", "text"}  # vis shapes drawn around the label
VIS_JS = ("lib", "vis-9.1.2", "vis-network.min.js")


def write_html(G, path, *, title: str = "nascar-kg", max_nodes: int = 1500,
               source_note: str = "") -> Path:
    """Write the interactive page of ``G`` (a graph of ``to_networkx``) to ``path``.

    Raises :class:`~nascar_kg.errors.UsageError` when ``G`` has more than
    ``max_nodes`` nodes. The file is UTF-8 and written atomically.
    """
    page = html_string(G, title=title, max_nodes=max_nodes, source_note=source_note)
    return write_text(Path(path), page)


def html_string(G, *, title: str = "nascar-kg", max_nodes: int = 1500,
                source_note: str = "") -> str:
    """The interactive page of ``G`` as a string."""
    check_size(G, max_nodes)
    data = page_data(G, title=title, source_note=source_note)
    return render(title=title, source_note=source_note, data=data)


def show(G, *, title: str = "nascar-kg", max_nodes: int = 1500, source_note: str = "",
         height: int = 720):
    """The page of ``G`` for Jupyter: an ``IPython.display.HTML`` holding an iframe."""
    import html as html_lib
    import warnings

    from IPython.display import HTML

    page = html_string(G, title=title, max_nodes=max_nodes, source_note=source_note)
    with warnings.catch_warnings():  # IPython suggests IFrame, which needs a URL
        warnings.simplefilter("ignore")
        return HTML(f'<iframe srcdoc="{html_lib.escape(page, quote=True)}" '
                    f'style="width:100%;height:{int(height)}px;border:0" '
                    f'title="{html_lib.escape(title, quote=True)}"></iframe>')


def check_size(G, max_nodes: int) -> None:
    n = G.number_of_nodes()
    if max_nodes is not None and n > max_nodes:
        raise UsageError(
            f"the graph has {n} entities, more than the {max_nodes} an interactive page "
            f"can show; narrow it with --focus NAME --depth N (or --relations, --season), "
            f"or raise --max-nodes")


def physics_options(n_nodes: int, n_edges: int) -> dict:
    """vis-network options tuned so that a few hundred nodes settle in a few seconds.

    The layout runs as a bounded, invisible stabilization; the page then turns
    physics off (a checkbox turns it back on), so nothing keeps moving.
    """
    big = n_nodes > 300 or n_edges > 600
    iterations = 400 if n_nodes <= 150 else 250 if n_nodes <= 600 else 150
    return {
        "autoResize": True,
        "layout": {"improvedLayout": n_nodes <= 80, "randomSeed": 7},
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -80, "centralGravity": 0.012,
                                 "springLength": 130, "springConstant": 0.06,
                                 "damping": 0.55, "avoidOverlap": 0.5},
            "maxVelocity": 80,
            "minVelocity": 1.5,
            "timestep": 0.45,
            "adaptiveTimestep": True,
            "stabilization": {"enabled": True, "iterations": iterations,
                              "updateInterval": 25, "fit": True},
        },
        "interaction": {"hover": True, "tooltipDelay": 120,
                        "keyboard": {"enabled": True, "bindToWindow": False},
                        "multiselect": True, "hideEdgesOnDrag": big,
                        "hideEdgesOnZoom": big},
        "nodes": {"font": {"size": 14, "face": "sans-serif", "strokeWidth": 3,
                           "strokeColor": "#ffffff"},
                  "borderWidth": 2},
        "edges": {"font": {"size": 11, "face": "sans-serif", "align": "middle",
                           "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "smooth": False,
                  "selectionWidth": 2},
    }


def page_data(G, *, title: str = "nascar-kg", source_note: str = "") -> dict:
    """Everything the page shows, as plain JSON-able data (nodes and edges built by pyvis)."""
    from pyvis.network import Network

    voc = vocabulary()
    net = Network(directed=True, cdn_resources="in_line")
    degree = dict(G.degree())
    type_counts: Counter = Counter()
    pred_counts: Counter = Counter()
    info_nodes = {}
    for n, d in G.nodes(data=True):
        type_ = d.get("type", "")
        cls = voc.entity_classes.get(type_)
        color = cls.color if cls else d.get("color", "#999999")
        shape = cls.shape if cls else d.get("shape", "dot")
        type_counts[type_] += 1
        name = str(d.get("name") or n)
        size = 12 + 4 * math.sqrt(degree.get(n, 0))
        net.add_node(str(n), label=name, shape=shape, size=round(min(size, 42), 1),
                     color={"background": color, "border": _darker(color),
                            "highlight": {"background": color, "border": "#000000"},
                            "hover": {"background": color, "border": "#000000"}},
                     type=type_, **({"font": {"strokeWidth": 0}} if shape in _LABEL_INSIDE else {}))
        info_nodes[str(n)] = {
            "name": name, "type": type_,
            "typeLabel": cls.label if cls else type_,
            "aliases": [str(a) for a in d.get("aliases", ()) if a and a != name],
            "wikidata": str(d.get("wikidata") or ""),
            "properties": {k: v for k, v in d.items()
                           if k not in {"name", "type", "aliases", "wikidata", "color", "shape"}
                           and isinstance(v, (str, int, float, bool)) and v != ""
                           and not (isinstance(v, float) and not math.isfinite(v))},
        }
    info_edges = {}
    pairs = defaultdict(list)
    for u, v, k in G.edges(keys=True):
        pairs[frozenset((u, v))].append((u, v, k))
    edge_ids = {}
    for i, (u, v, k) in enumerate(G.edges(keys=True)):
        edge_ids[(u, v, k)] = f"e{i}"
    for group in pairs.values():
        for j, (u, v, k) in enumerate(group):
            d = G.edges[u, v, k]
            pred_name = d.get("predicate", str(k))
            pred = voc.predicates.get(pred_name)
            color = pred.color if pred else d.get("color", "#999999")
            symmetric = bool(pred and pred.symmetric)
            pred_counts[pred_name] += 1
            conf = _number(d.get("confidence"), 1.0)
            eid = edge_ids[(u, v, k)]
            smooth = _parallel_curve(j, len(group), flipped=str(u) > str(v))
            net.add_edge(str(u), str(v), id=eid, predicate=pred_name,
                         label=pred.label if pred else pred_name,
                         color={"color": color, "highlight": color, "hover": color,
                                "opacity": 0.9},
                         arrows={"to": {"enabled": not symmetric, "scaleFactor": 0.6}},
                         width=round(1 + 2.5 * max(0.0, min(conf, 1.0)), 2),
                         dashes=conf < 0.5, smooth=smooth)
            info_edges[eid] = {
                "from": str(u), "to": str(v), "predicate": pred_name,
                "label": pred.label if pred else pred_name, "symmetric": symmetric,
                "confidence": conf,
                "evidence": [_evidence(e) for e in d.get("evidence") or []],
                "seasons": [dict(s) for s in d.get("seasons") or [] if isinstance(s, dict)],
            }
    nodes, edges, *_ = net.get_network_data()
    types = [{"name": c.name, "label": c.label, "color": c.color, "shape": c.shape,
              "count": type_counts[c.name]}
             for c in voc.entity_classes.values() if type_counts[c.name]]
    types += [{"name": t, "label": t, "color": "#999999", "shape": "dot", "count": c}
              for t, c in type_counts.items() if t not in voc.entity_classes]
    predicates = [{"name": p.name, "label": p.label, "color": p.color,
                   "symmetric": p.symmetric, "count": pred_counts[p.name]}
                  for p in voc.predicates.values() if pred_counts[p.name]]
    predicates += [{"name": p, "label": p, "color": "#999999", "symmetric": False, "count": c}
                   for p, c in pred_counts.items() if p not in voc.predicates]
    focus = G.graph.get("focus")
    if focus is not None and focus in G:
        for node in nodes:
            if node["id"] == str(focus):
                node["borderWidth"] = 4
                node["font"] = {**node.get("font", {}), "size": 18}
    return {"title": title, "sourceNote": source_note, "nodes": nodes, "edges": edges,
            "focus": str(focus) if focus is not None and focus in G else None,
            "nodeInfo": info_nodes, "edgeInfo": info_edges, "types": types,
            "predicates": predicates,
            "options": physics_options(G.number_of_nodes(), G.number_of_edges())}


def render(*, title: str, source_note: str, data: dict) -> str:
    """The page: the template with vis-network and the data inlined."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(loader=FileSystemLoader(str(Path(__file__).parent / "templates")),
                      autoescape=select_autoescape(default=True, default_for_string=True))
    vis_js = vis_network_js()
    return env.get_template(TEMPLATE).render(title=title, source_note=source_note,
                                             vis_js=vis_js, data_json=script_json(data))


def vis_network_js() -> str:
    """The vis-network JavaScript shipped inside the pyvis package, safe to inline."""
    import pyvis
    from markupsafe import Markup

    path = Path(os.path.dirname(pyvis.__file__), "templates", *VIS_JS)
    text = path.read_text(encoding="utf-8")
    # cannot happen with the shipped file, but an inlined script must never close itself
    text = text.replace("</script", "<\\/script").replace("<!--", "<\\!--")
    return Markup(text)


def _parallel_curve(index: int, count: int, *, flipped: bool):
    """vis ``smooth`` for the ``index``-th of ``count`` edges between one pair of nodes.

    A lone edge is straight; parallel ones bend to alternate sides, further
    each time. Sides are taken along one direction of the pair, so edges
    A→B and B→A bend apart rather than onto each other.
    """
    if count < 2:
        return False
    rank = index + (count % 2 == 0)  # odd counts keep one straight edge in the middle
    if rank == 0:
        return False
    side = 1 if rank % 2 else -1
    if flipped:
        side = -side
    return {"enabled": True, "type": "curvedCW" if side > 0 else "curvedCCW",
            "roundness": round(0.15 * ((rank + 1) // 2), 2)}


def _evidence(e) -> dict:
    if not isinstance(e, dict):
        return {"text": str(e)}
    return {"text": str(e.get("text") or ""), "document": str(e.get("document") or ""),
            "title": str(e.get("title") or ""), "start": e.get("start"), "end": e.get("end"),
            "confidence": _number(e.get("confidence"), None),
            "extractor": str(e.get("extractor") or "")}


def _number(value, default):
    try:
        x = float(value)
    except (TypeError, ValueError):
        return default
    return x if math.isfinite(x) else default


def _darker(color: str, factor: float = 0.7) -> str:
    """A darker shade of a ``#rrggbb`` color (for node borders)."""
    c = color.lstrip("#")
    if len(c) != 6:
        return color
    try:
        r, g, b = (int(c[i:i + 2], 16) for i in (0, 2, 4))
    except ValueError:
        return color
    return "#{:02x}{:02x}{:02x}".format(*(int(x * factor) for x in (r, g, b)))
