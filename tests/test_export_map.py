"""The static map for print (PNG, SVG): legible, no overlapping labels, legend, title, sources.

The maps are saved to ``tests/artifacts/`` to be looked at.
"""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from nascar_kg.errors import UsageError
from nascar_kg.visualizations.exports import export
from nascar_kg.visualizations.filters import select
from nascar_kg.visualizations.readwrite.staticmap import STATIC_MAX_NODES, draw_map

from test_viz_sample import hostile_graph, sample_graph

ARTIFACTS = Path(__file__).parent / "artifacts"


def overlaps(a, b, slack: float = 0.5) -> bool:
    return (a.x0 + slack < b.x1 and b.x0 + slack < a.x1
            and a.y0 + slack < b.y1 and b.y0 + slack < a.y1)


def check_legible(fig):
    """No two texts overlap, and everything lies inside the figure."""
    from matplotlib.patches import FancyBboxPatch

    renderer = fig.canvas.get_renderer()
    fig.draw(renderer)
    ax = fig.axes[0]
    texts = [t for t in ax.texts if t.get_text()]
    boxes = [t.get_window_extent(renderer) for t in texts]
    # an edge label's own white box counts as part of it
    for t, i in zip(texts, range(len(boxes))):
        if t.get_bbox_patch() is not None:
            boxes[i] = t.get_bbox_patch().get_window_extent(renderer)
    nodes = [p.get_window_extent(renderer) for p in ax.patches if isinstance(p, FancyBboxPatch)]
    legend = fig.legends[0].get_window_extent(renderer)
    others = [t.get_window_extent(renderer) for t in fig.texts]
    frame = fig.bbox
    for a, b in itertools.combinations(nodes, 2):
        assert not overlaps(a, b), "two entity boxes overlap"
    label_boxes = [b for t, b in zip(texts, boxes) if t.get_gid() == "edge-label"]
    for a, b in itertools.combinations(label_boxes, 2):
        assert not overlaps(a, b), "two relation labels overlap"
    for a in label_boxes:
        for b in nodes:
            assert not overlaps(a, b), "a relation label covers an entity"
    for a in boxes + nodes:
        assert frame.x0 <= a.x0 and a.x1 <= frame.x1 and frame.y0 <= a.y0 and a.y1 <= frame.y1
        assert not overlaps(a, legend), "the legend covers the graph"
        for o in others:
            assert not overlaps(a, o), "the title or source line covers the graph"
    for a, b in itertools.combinations(others + [legend], 2):
        assert not overlaps(a, b)
    return texts


def test_focus_map_is_legible(tmp_path):
    G = select(sample_graph(), focus="Corey Heim", depth=2)
    fig = draw_map(G, title="Corey Heim: endorsers, feud and teams")
    texts = check_legible(fig)
    shown = {t.get_text().replace("\n", " ") for t in texts}
    assert {G.nodes[n]["name"] for n in G} <= shown
    assert {"endorses", "feuded with", "drove for"} <= shown  # relations labelled
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert {"Driver", "Crew chief", "Team", "Manufacturer", "endorses →", "feuded with"} <= \
        set(legend)
    lines = [t.get_text() for t in fig.texts]
    assert lines[0] == "Corey Heim: endorsers, feud and teams"
    assert any(t.startswith("Sources: heim-cup-ready.txt") for t in lines)
    assert min(t.get_fontsize() for t in texts) >= 7
    ARTIFACTS.mkdir(exist_ok=True)
    export(G, "png", ARTIFACTS / "map-heim-focus.png", title="Corey Heim: endorsers, feud and teams")


def test_hostile_names_are_plain_text():
    fig = draw_map(hostile_graph(), title="cost $5 and $10 <b>", source_note="a $x$ note")
    texts = check_legible(fig)
    assert any("onerror=alert(1)" in t.get_text() for t in texts)
    assert fig.texts[0].get_text() == "cost $5 and $10 <b>"
    assert all(not t.get_parse_math() for t in [*texts, *fig.texts])
    ARTIFACTS.mkdir(exist_ok=True)
    export(hostile_graph(), "png", ARTIFACTS / "map-hostile.png", title="cost $5 and $10 <b>")


def test_png_and_svg_files(tmp_path):
    from PIL import Image

    G = select(hostile_graph(), focus="Corey Heim", depth=1)
    (png,) = export(G, "png", tmp_path / "m.png", title="Heim map")
    with Image.open(png) as im:
        assert im.format == "PNG" and im.width > 800 and im.height > 500
        assert im.info.get("Title") == "Heim map"
        assert "heim-cup-ready.txt" in im.info.get("Source", "")
    (svg,) = export(G, "svg", tmp_path / "m.svg", title="Heim map")
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg")
    assert "Heim map" in svg.read_text(encoding="utf-8")
    assert "http://" not in svg.read_text(encoding="utf-8").replace(
        "http://www.w3.org/", "").replace("http://purl.org/dc/", "").replace(
        "http://creativecommons.org/", "")
    assert export(G, "svg", tmp_path / "m2.svg", title="Heim map")[0].read_bytes() == \
        svg.read_bytes()  # reproducible


def test_a_bigger_graph_stays_legible():
    import networkx as nx

    from nascar_kg.graph.model import EntityRef, GraphBatch, Relation
    from nascar_kg.graph.networkx import to_networkx

    rels = []
    for i in range(40):
        team = EntityRef(f"Team Number {i % 9} Motorsports", "Team")
        rels.append(Relation(EntityRef(f"Driver Named Person {i}", "Driver"), "drove_for", team))
        if i % 3 == 0:
            rels.append(Relation(team, "affiliated_with", EntityRef("Toyota", "Manufacturer")))
    G = to_networkx(GraphBatch(relations=rels))
    assert nx.number_weakly_connected_components(G) >= 1
    check_legible(draw_map(G, title="forty drivers"))


def test_too_many_nodes_suggests_focus(tmp_path):
    import networkx as nx

    G = nx.MultiDiGraph()
    for i in range(STATIC_MAX_NODES + 1):
        G.add_node(f"n{i}", name=f"n{i}", type="Driver", aliases=[])
    with pytest.raises(UsageError, match="--focus"):
        export(G, "png", tmp_path / "big.png")
    assert not (tmp_path / "big.png").exists()
