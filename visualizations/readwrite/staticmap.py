"""A static relationship map for print, as PNG or SVG (matplotlib).

Each entity is a labelled box, tinted with its type's color and marked with
its type's shape (both from the ontology); relations are arrows colored by
predicate (no arrowhead for symmetric ones such as ``feuded_with``; dashed
when the confidence is under 0.5). A legend of types and relations stands
to the right, the title above, and a source line (the documents the
evidence comes from) below.

Labels never overlap: the layout is computed in inches, with the size of
every label measured first, and boxes that overlap are pushed apart until
none do; the figure is then sized to fit. Names are drawn as plain text
(never as mathtext), whatever characters they hold.
"""

from __future__ import annotations

import contextlib
import math
import textwrap
import warnings
from pathlib import Path

from nascar_kg.errors import UsageError
from nascar_kg.ontology import vocabulary
from nascar_kg.visualizations.files import atomic_path
from nascar_kg.visualizations.readwrite.common import graph_sources, hex_rgb

STATIC_MAX_NODES = 250
FONT_SIZE = 10.0
DPI = 150
PAD_X, PAD_Y = 0.08, 0.06          # inside a box, inches
MARKER_W = 0.22                    # room for the type marker, inches
GAP = 0.22                         # least space between two boxes, inches
EDGE_FONT_SIZE = 7.5
EDGE_ROOM = 0.75                   # more space between two related boxes, inches
LEGEND_W = 2.3                     # legend column, inches
MARGIN = 0.35

# vis-network's shape names (the ontology's) as matplotlib markers
_MARKERS = {"dot": "o", "ellipse": "o", "circle": "o", "box": "s", "square": "s",
            "diamond": "D", "triangle": "^", "triangleDown": "v", "hexagon": "h", "star": "*"}


def check_size(G, max_nodes: int = STATIC_MAX_NODES) -> None:
    n = G.number_of_nodes()
    if n > max_nodes:
        raise UsageError(f"the graph has {n} entities, more than the {max_nodes} a printed map "
                         f"can show legibly; narrow it with --focus NAME --depth N "
                         f"(or --relations, --season)")


def wrap(name: str, width: int = 22, max_lines: int = 3) -> str:
    lines = textwrap.wrap(" ".join(str(name).split()), width, break_long_words=True,
                          break_on_hyphens=True) or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: width - 1].rstrip() + "…"
    return "\n".join(lines)


@contextlib.contextmanager
def _quiet_glyphs():
    """No "Glyph ... missing from font" warning on stderr for a character no font draws."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from")
        yield


def _tint(color: str, amount: float = 0.78) -> tuple[float, float, float]:
    r, g, b = hex_rgb(color)
    return tuple((c + (255 - c) * amount) / 255 for c in (r, g, b))


def _measure(labels: list[str], bold: list[bool],
             size: float = FONT_SIZE) -> list[tuple[float, float]]:
    """Width and height in inches of each label as drawn."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(4, 4), dpi=100)
    canvas = FigureCanvasAgg(fig)
    renderer = canvas.get_renderer()
    sizes = []
    for text, b in zip(labels, bold):
        t = fig.text(0, 0, text, fontsize=size, fontweight="bold" if b else "normal",
                     parse_math=False, linespacing=1.15)
        with _quiet_glyphs():
            box = t.get_window_extent(renderer)
        sizes.append((box.width / fig.dpi, box.height / fig.dpi))
        t.remove()
    return sizes


def stress_layout(U, *, iterations: int = 300) -> dict:
    """Positions of a connected graph by stress majorization (SMACOF), numpy only.

    Graph distances become drawing distances as closely as can be (the
    Kamada-Kawai idea, without needing scipy); classical MDS gives the start,
    so the result is deterministic.
    """
    import networkx as nx
    import numpy as np

    nodes = sorted(U.nodes, key=str)
    n = len(nodes)
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    idx = {v: i for i, v in enumerate(nodes)}
    D = np.zeros((n, n))
    for s, lengths in nx.all_pairs_shortest_path_length(U):
        for t, d in lengths.items():
            D[idx[s], idx[t]] = d
    D[(D == 0) & ~np.eye(n, dtype=bool)] = D.max() + 1  # (not connected: keep apart)
    J = np.eye(n) - 1.0 / n
    vals, vecs = np.linalg.eigh(-0.5 * J @ (D ** 2) @ J)
    top = np.argsort(vals)[::-1][:2]
    X = vecs[:, top] * np.sqrt(np.maximum(vals[top], 1e-9))
    X += np.random.default_rng(7).normal(0.0, 1e-3, X.shape)
    W = np.zeros_like(D)
    off = ~np.eye(n, dtype=bool)
    W[off] = D[off] ** -2.0
    V = -W
    np.fill_diagonal(V, W.sum(axis=1))
    V_pinv = np.linalg.pinv(V)
    for _ in range(iterations):
        dist = np.sqrt(((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=-1))
        with np.errstate(divide="ignore", invalid="ignore"):
            B = np.where(dist > 1e-12, -W * D / dist, 0.0)
        np.fill_diagonal(B, 0.0)
        np.fill_diagonal(B, -B.sum(axis=1))
        new = V_pinv @ B @ X
        done = np.abs(new - X).max() < 1e-6
        X = new
        if done:
            break
    return {v: (float(X[idx[v], 0]), float(X[idx[v], 1])) for v in nodes}


def _initial_layout(G) -> dict:
    import networkx as nx

    U = nx.Graph()
    U.add_nodes_from(G.nodes)
    U.add_edges_from((u, v) for u, v in G.edges() if u != v)
    if U.number_of_nodes() <= 2:
        return {n: (float(i), 0.0) for i, n in enumerate(sorted(U.nodes, key=str))}
    comps = sorted(nx.connected_components(U), key=lambda c: (-len(c), sorted(map(str, c))))
    parts = []  # each component laid out alone, scaled to its size
    for comp in (c for c in comps if len(c) > 1):
        sub = U.subgraph(comp)
        p = stress_layout(sub)
        xs = [x for x, _ in p.values()]
        ys = [y for _, y in p.values()]
        span = max(max(xs) - min(xs), max(ys) - min(ys), 1e-9)
        scale = math.sqrt(len(comp)) * 0.8  # bigger components get more room
        local = {n: ((x - min(xs)) / span * scale, (y - min(ys)) / span * scale)
                 for n, (x, y) in p.items()}
        parts.append((local, (max(xs) - min(xs)) / span * scale,
                      (max(ys) - min(ys)) / span * scale))
    # shelf packing: rows of components, about 1.5 times as wide as high overall
    area = sum((w + 0.5) * (h + 0.5) for _, w, h in parts)
    row_width = max([math.sqrt(area * 1.5)] + [w for _, w, _ in parts])
    pos, x, y, row_h = {}, 0.0, 0.0, 0.0
    for local, w, h in parts:
        if x > 0 and x + w > row_width:
            x, y, row_h = 0.0, y - row_h - 0.5, 0.0
        for n, (px, py) in local.items():
            pos[n] = (x + px, y - h + py)
        x += w + 0.5
        row_h = max(row_h, h)
    for comp in (c for c in comps if len(c) == 1):  # (the map puts these in rows itself)
        pos[next(iter(comp))] = (x, y)
        x += 1.0
    return pos


def _remove_overlaps(xy, wh, gap: float = GAP, max_rounds: int = 3000, linked=None):
    """Push boxes (centers ``xy``, sizes ``wh``, inches) apart until no two overlap.

    ``linked`` (pairs of indexes) are kept further apart (``EDGE_ROOM``), so
    that a relation between them is long enough to see and to label.
    """
    import numpy as np

    xy = np.array(xy, dtype=float)
    wh = np.array(wh, dtype=float)
    n = len(xy)
    if n < 2:
        return xy
    gaps = np.full((n, n), gap)
    for i, j in linked or ():
        gaps[i, j] = gaps[j, i] = gap + EDGE_ROOM
    need_x = (wh[:, 0][:, None] + wh[:, 0][None, :]) / 2 + gaps
    need_y = (wh[:, 1][:, None] + wh[:, 1][None, :]) / 2 + gaps
    rng = np.random.default_rng(7)
    xy += rng.normal(0.0, 1e-3, size=xy.shape)  # no two centers exactly level
    for _ in range(max_rounds):
        dx = xy[:, 0][:, None] - xy[:, 0][None, :]
        dy = xy[:, 1][:, None] - xy[:, 1][None, :]
        ox = need_x - np.abs(dx)
        oy = need_y - np.abs(dy)
        hit = (ox > 1e-9) & (oy > 1e-9)
        np.fill_diagonal(hit, False)
        if not hit.any():
            break
        # each overlapping pair moves apart along the axis that needs the smaller move
        along_x = hit & (ox <= oy)
        along_y = hit & (ox > oy)
        xy[:, 0] += np.where(along_x, ox * np.sign(dx), 0.0).sum(axis=1) * 0.28
        xy[:, 1] += np.where(along_y, oy * np.sign(dy), 0.0).sum(axis=1) * 0.28
    return xy


def _clip(p, q, half_w, half_h):
    """Where the segment from box center ``p`` toward ``q`` leaves the box."""
    dx, dy = q[0] - p[0], q[1] - p[1]
    if dx == 0 and dy == 0:
        return p
    t = min(half_w / abs(dx) if dx else math.inf, half_h / abs(dy) if dy else math.inf)
    t = min(t, 1.0)
    return p[0] + dx * t, p[1] + dy * t


def _bezier(p, q, rad: float, t: float) -> tuple[float, float]:
    """A point of matplotlib's ``arc3`` curve from ``p`` to ``q`` (a quadratic Bézier)."""
    dx, dy = q[0] - p[0], q[1] - p[1]
    c = ((p[0] + q[0]) / 2 + rad * dy, (p[1] + q[1]) / 2 - rad * dx)
    a, b, e = (1 - t) ** 2, 2 * (1 - t) * t, t ** 2
    return a * p[0] + b * c[0] + e * q[0], a * p[1] + b * c[1] + e * q[1]


def edge_labels(boxes: dict, curves: list) -> list:
    """Where to write each relation's label: on its curve, clear of every box and label.

    A label that finds no clear place along its curve is left out (the
    legend still tells the relation by its color).
    """
    texts = sorted({c[3] for c in curves})
    sizes = dict(zip(texts, _measure(texts, [False] * len(texts), EDGE_FONT_SIZE)))
    taken = [(x - w / 2 - 0.03, y - h / 2 - 0.03, x + w / 2 + 0.03, y + h / 2 + 0.03)
             for x, y, w, h, *_ in boxes.values()]
    placed = []
    for p, q, rad, text, color in curves:
        w, h = sizes[text]
        w, h = w + 0.1, h + 0.08  # the label's own padding
        length = math.dist(p, q)
        if length < w + 0.2:  # some of the line must show on each side
            continue
        for t in (0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78):
            x, y = _bezier(p, q, rad, t)
            r = (x - w / 2, y - h / 2, x + w / 2, y + h / 2)
            if not any(r[0] < o[2] and o[0] < r[2] and r[1] < o[3] and o[1] < r[3]
                       for o in taken):
                taken.append(r)
                placed.append(((x, y), text, color))
                break
    return placed


def layout(G, *, focus: str | None = None):
    """Node boxes for the map: ``{node: (x, y, w, h, text, bold)}`` in inches, no two overlapping.

    Related entities are laid out as a graph; entities with no relation in
    ``G`` stand in tidy rows below it, grouped by type.
    """
    voc = vocabulary()
    nodes = list(G.nodes)
    texts = [wrap(G.nodes[n].get("name") or n) for n in nodes]
    bold = [n == focus for n in nodes]
    sizes = _measure(texts, bold)
    wh = {n: (w + MARKER_W + 2 * PAD_X, h + 2 * PAD_Y) for n, (w, h) in zip(nodes, sizes)}
    related = {n for u, v in G.edges() if u != v for n in (u, v)}
    linked_nodes = [n for n in nodes if n in related]
    singles = [n for n in nodes if n not in related]
    centers = {}
    if linked_nodes:
        pos = _initial_layout(G.subgraph(linked_nodes))
        # spread so that edges are long enough to read: about three label widths apart
        mean_w = sum(wh[n][0] for n in linked_nodes) / len(linked_nodes)
        spread = max(1.9, 1.35 * mean_w)
        xy = [(pos[n][0] * spread, pos[n][1] * spread) for n in linked_nodes]
        index = {n: i for i, n in enumerate(linked_nodes)}
        linked = {(index[u], index[v]) for u, v in G.edges() if u != v}
        xy = _remove_overlaps(xy, [wh[n] for n in linked_nodes], linked=linked)
        centers = {n: (float(xy[i][0]), float(xy[i][1])) for i, n in enumerate(linked_nodes)}
    if singles:
        order = {name: i for i, name in enumerate(voc.entity_classes)}
        singles.sort(key=lambda n: (order.get(G.nodes[n].get("type"), 99),
                                    str(G.nodes[n].get("name") or n).lower()))
        if centers:
            left = min(x - wh[n][0] / 2 for n, (x, _) in centers.items())
            right = max(x + wh[n][0] / 2 for n, (x, _) in centers.items())
            top = min(y - wh[n][1] / 2 for n, (_, y) in centers.items()) - 3 * GAP
        else:
            left, right, top = 0.0, 0.0, 0.0
        total = sum(wh[n][0] + GAP for n in singles)
        row_width = max(right - left, 6.0, math.sqrt(total * 2.0))
        x, y, row_h = left, top, 0.0
        for n in singles:
            w, h = wh[n]
            if x > left and x + w > left + row_width:
                x, y, row_h = left, y - row_h - GAP, 0.0
            centers[n] = (x + w / 2, y - h / 2)
            x += w + GAP
            row_h = max(row_h, h)
    return {n: (centers[n][0], centers[n][1], float(wh[n][0]), float(wh[n][1]), texts[i],
                bold[i]) for i, n in enumerate(nodes)}


def draw_map(G, *, title: str = "nascar-kg", source_note: str = "",
             max_nodes: int = STATIC_MAX_NODES):
    """The map of ``G`` as a matplotlib Figure (not attached to pyplot)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

    check_size(G, max_nodes)
    voc = vocabulary()
    focus = G.graph.get("focus")
    boxes = layout(G, focus=focus)
    if boxes:
        xmin = min(x - w / 2 for x, y, w, h, *_ in boxes.values())
        xmax = max(x + w / 2 for x, y, w, h, *_ in boxes.values())
        ymin = min(y - h / 2 for x, y, w, h, *_ in boxes.values())
        ymax = max(y + h / 2 for x, y, w, h, *_ in boxes.values())
    else:
        xmin = ymin = 0.0
        xmax = ymax = 1.0
    types = [c for c in voc.entity_classes.values()
             if any(d.get("type") == c.name for _, d in G.nodes(data=True))]
    preds = [p for p in voc.predicates.values()
             if any(d.get("predicate") == p.name for *_, d in G.edges(data=True))]
    graph_w = max(xmax - xmin, 3.0) + 2 * MARGIN
    graph_h = max(ymax - ymin, 2.0) + 2 * MARGIN
    legend_h = 0.62 + 0.24 * (len(types) + len(preds)) + 0.4
    top, bottom = 0.85, 0.45
    fig_w = graph_w + LEGEND_W + MARGIN
    fig_h = max(graph_h, legend_h) + top + bottom
    fig = Figure(figsize=(fig_w, fig_h), dpi=DPI)
    FigureCanvasAgg(fig)
    fig.patch.set_facecolor("white")
    ax = fig.add_axes((MARGIN / fig_w, bottom / fig_h, (graph_w - MARGIN) / fig_w,
                       (fig_h - top - bottom) / fig_h))
    ax.set_axis_off()
    cx, cy = (xmin + xmax) / 2, (ymin + ymax) / 2
    half_w, half_h = (graph_w - MARGIN) / 2, (fig_h - top - bottom) / 2
    ax.set_xlim(cx - half_w, cx + half_w)  # one data unit is one inch
    ax.set_ylim(cy - half_h, cy + half_h)

    # relations, under the boxes
    seen_pairs: dict = {}
    curves = []
    for u, v, k, d in G.edges(keys=True, data=True):
        if u == v or u not in boxes or v not in boxes:
            continue
        pred = voc.predicates.get(d.get("predicate", k))
        color = pred.color if pred else "#999999"
        pair = frozenset((u, v))
        i = seen_pairs.get(pair, 0)
        seen_pairs[pair] = i + 1
        rad = 0.0 if i == 0 else (0.18 * ((i + 1) // 2)) * (1 if i % 2 else -1)
        if str(u) > str(v):
            rad = -rad
        (x1, y1, w1, h1, *_), (x2, y2, w2, h2, *_) = boxes[u], boxes[v]
        p = _clip((x1, y1), (x2, y2), w1 / 2 + 0.03, h1 / 2 + 0.03)
        q = _clip((x2, y2), (x1, y1), w2 / 2 + 0.03, h2 / 2 + 0.03)
        conf = d.get("confidence", 1.0)
        conf = conf if isinstance(conf, (int, float)) else 1.0
        ax.add_patch(FancyArrowPatch(
            p, q, arrowstyle="-" if pred and pred.symmetric else "-|>", mutation_scale=13,
            connectionstyle=f"arc3,rad={rad}", color=color, linewidth=1.2 + 1.4 * conf,
            linestyle="--" if conf < 0.5 else "-", alpha=0.9, zorder=1))
        curves.append((p, q, rad, pred.label if pred else str(d.get("predicate", k)), color))
    for (x, y), text, color in edge_labels(boxes, curves):
        ax.text(x, y, text, ha="center", va="center", fontsize=EDGE_FONT_SIZE, color="#222222",
                parse_math=False, zorder=2, gid="edge-label",
                bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": color,
                      "linewidth": 0.6, "alpha": 0.92})

    # entities
    for n, (x, y, w, h, text, bold) in boxes.items():
        d = G.nodes[n]
        cls = voc.entity_classes.get(d.get("type", ""))
        color = cls.color if cls else "#999999"
        ax.add_patch(FancyBboxPatch((x - w / 2, y - h / 2), w, h,
                                    boxstyle="round,pad=0,rounding_size=0.06",
                                    facecolor=_tint(color), edgecolor=color,
                                    linewidth=2.6 if bold else 1.4, zorder=3))
        ax.plot([x - w / 2 + PAD_X + MARKER_W / 2 - 0.02], [y],
                marker=_MARKERS.get(cls.shape if cls else "dot", "o"), markersize=8,
                color=color, markeredgecolor="#222222", markeredgewidth=0.6, zorder=4)
        ax.text(x - w / 2 + PAD_X + MARKER_W + (w - MARKER_W - 2 * PAD_X) / 2, y, text,
                ha="center", va="center", fontsize=FONT_SIZE,
                fontweight="bold" if bold else "normal", color="#111111", parse_math=False,
                linespacing=1.15, zorder=5)

    # title, counts, source line
    fig.text(MARGIN / fig_w, 1 - 0.32 / fig_h, " ".join(str(title).split()), fontsize=15,
             fontweight="bold", ha="left", va="center", parse_math=False, color="#1d2330")
    fig.text(MARGIN / fig_w, 1 - 0.62 / fig_h,
             f"{G.number_of_nodes()} entities · {G.number_of_edges()} relations",
             fontsize=9, ha="left", va="center", color="#5b6475", parse_math=False)
    fig.text(MARGIN / fig_w, 0.2 / fig_h, source_line(G, source_note), fontsize=8,
             ha="left", va="center", color="#5b6475", parse_math=False)

    # legend: types (shape and color), then relations (line color, arrow or none)
    handles = [Line2D([], [], linestyle="none", marker=_MARKERS.get(c.shape, "o"),
                      markersize=8, color=c.color, markeredgecolor="#222222",
                      markeredgewidth=0.6, label=c.label) for c in types]
    handles += [Line2D([], [], color=p.color, linewidth=2.4,
                       label=p.label + ("" if p.symmetric else " →")) for p in preds]
    if handles:
        fig.legend(handles=handles, loc="upper left", frameon=False, fontsize=9,
                   title="Entities and relations", title_fontsize=9.5, alignment="left",
                   bbox_to_anchor=((graph_w + 0.1) / fig_w, 1 - top / fig_h),
                   handlelength=2.0, borderaxespad=0.0, labelspacing=0.55)
    return fig


def source_line(G, source_note: str = "") -> str:
    if source_note:
        text = " ".join(str(source_note).split())
    else:
        docs = graph_sources(G)
        shown = ", ".join(docs[:4]) + (f" and {len(docs) - 4} more" if len(docs) > 4 else "")
        text = f"Sources: {shown}" if docs else "Sources: none recorded"
    return f"{text} · made with nascar-kg"


def _save(G, path, fmt: str, *, title: str, source_note: str) -> list[Path]:
    import matplotlib

    fig = draw_map(G, title=title, source_note=source_note)
    meta = {"Title": " ".join(str(title).split())}
    if fmt == "png":
        meta["Software"] = "nascar-kg"
        meta["Source"] = source_line(G, source_note)
    else:
        meta["Date"] = None
        meta["Description"] = source_line(G, source_note)
    with matplotlib.rc_context({"svg.hashsalt": "nascar-kg", "svg.fonttype": "path"}):
        with atomic_path(path) as tmp, _quiet_glyphs():
            fig.savefig(str(tmp), format=fmt, dpi=DPI, metadata=meta, facecolor="white")
    return [Path(path)]


def write_png(G, path, *, title: str = "nascar-kg", source_note: str = "") -> list[Path]:
    return _save(G, path, "png", title=title, source_note=source_note)


def write_svg(G, path, *, title: str = "nascar-kg", source_note: str = "") -> list[Path]:
    return _save(G, path, "svg", title=title, source_note=source_note)
