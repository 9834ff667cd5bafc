"""The interactive HTML page: self-contained, escaped, colored from the ontology."""

from __future__ import annotations

import json
import re

import pytest

from nascar_kg.errors import UsageError
from nascar_kg.ontology import vocabulary
from nascar_kg.visualizations.files import script_json
from nascar_kg.visualizations.html import html_string, page_data, show, write_html

from test_viz_sample import HOSTILE, HOSTILE_NAME, HOSTILE_QUOTE, hostile_graph, sample_graph


def embedded_data(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    assert m, "the data block is missing or was closed early"
    return json.loads(m.group(1))


def test_write_html_is_self_contained_utf8(tmp_path):
    out = write_html(sample_graph(), tmp_path / "g.html", title="Heim’s graph",
                     source_note="Source: heim-cup-ready.txt")
    assert out == tmp_path / "g.html"
    raw = out.read_bytes()
    page = raw.decode("utf-8")  # UTF-8, strictly
    assert "Heim’s graph" in page
    assert not re.search(r'(?:src|href)\s*=\s*["\']?\s*(?:https?:)?//', page, re.I)
    assert not re.search(r'@import|url\(\s*["\']?(?:https?:)?//', page, re.I)
    assert "bootstrap" not in page.lower() and "cdnjs" not in page and "jsdelivr" not in page
    assert "vis.Network" in page and "DataSet" in page  # vis-network inlined
    assert len(page) > 400_000
    assert not list(tmp_path.glob(".*"))  # no temporary file left behind


def test_colors_shapes_and_legend_come_from_the_ontology():
    voc = vocabulary()
    data = page_data(sample_graph())
    by_id = {n["id"]: n for n in data["nodes"]}
    for n in data["nodes"]:
        cls = voc.entity_classes[n["type"]]
        assert n["color"]["background"] == cls.color
        assert n["shape"] == cls.shape
    types = {t["name"]: t for t in data["types"]}
    assert list(types) == [c for c in voc.entity_classes if c in types]  # ontology order
    assert set(types) >= {"Driver", "CrewChief", "Team", "Manufacturer"}
    for name, t in types.items():
        assert t["label"] == voc.entity_classes[name].label
        assert t["count"] == sum(1 for n in by_id.values() if n["type"] == name)
    preds = {p["name"]: p for p in data["predicates"]}
    assert set(preds) >= {"endorses", "feuded_with", "drove_for", "owns", "sponsors"}
    for e in data["edges"]:
        p = voc.predicates[e["predicate"]]
        assert e["color"]["color"] == p.color and e["label"] == p.label
        assert e["arrows"]["to"]["enabled"] is (not p.symmetric)
        assert "title" not in e  # tooltips are built in the page, as text
    assert all("title" not in n for n in data["nodes"])


def test_evidence_and_sources_travel_to_the_page():
    data = page_data(sample_graph())
    heim = "https://w3id.org/nascar-kg/id/person/corey-heim"
    endorsements = [i for i in data["edgeInfo"].values()
                    if i["predicate"] == "endorses" and i["to"] == heim]
    assert len(endorsements) == 3
    quotes = [e for i in endorsements for e in i["evidence"]]
    assert any("Cup ready right now" in q["text"] for q in quotes)
    assert all(q["document"] == "heim-cup-ready.txt" for q in quotes)
    tricon = [i for i in data["edgeInfo"].values() if i["predicate"] == "drove_for"
              and i["to"].endswith("/tricon-garage")]
    assert [s["season"] for s in tricon[0]["seasons"]] == [2023, 2024, 2025]


def test_hostile_text_cannot_break_out_of_the_data_block():
    page = html_string(hostile_graph(), title="<b>t</b> " + HOSTILE,
                       source_note=HOSTILE + " </script>")
    data = embedded_data(page)
    assert HOSTILE_NAME in {i["name"] for i in data["nodeInfo"].values()}
    quotes = [e["text"] for i in data["edgeInfo"].values() for e in i["evidence"]]
    assert HOSTILE_QUOTE in quotes  # intact, after parsing
    block = page.split('id="kg-data">', 1)[1].split("</script>", 1)[0]
    for raw in ("<", ">", "&", "\u2028", "\u2029"):
        assert raw not in block
    # the title and source note are HTML-escaped text
    assert "&lt;b&gt;t&lt;/b&gt;" in page and "<b>t</b>" not in page
    assert page.count("<img") == 0
    assert page.count("</script>") == 3  # data block, vis-network, the page's script


def test_page_renders_text_with_textContent_only():
    page = html_string(sample_graph())
    script = page.rsplit("<script>", 1)[1]
    assert "innerHTML" not in script and "insertAdjacentHTML" not in script
    assert "document.write" not in script and "eval(" not in script
    assert "textContent" in script


def test_script_json_round_trips_every_awkward_string():
    s = HOSTILE_QUOTE + " & \u2029 \U0001F440"
    assert json.loads(script_json({"s": s})) == {"s": s}


def test_node_cap_suggests_focus(tmp_path):
    G = sample_graph()
    with pytest.raises(UsageError, match="--focus"):
        write_html(G, tmp_path / "big.html", max_nodes=G.number_of_nodes() - 1)
    assert not (tmp_path / "big.html").exists()
    write_html(G, tmp_path / "ok.html", max_nodes=G.number_of_nodes())


def test_empty_graph(tmp_path):
    import networkx as nx

    page = write_html(nx.MultiDiGraph(), tmp_path / "e.html").read_text(encoding="utf-8")
    assert embedded_data(page)["nodes"] == []


def test_physics_settles_quickly_for_large_graphs():
    from nascar_kg.visualizations.html import physics_options

    small, large = physics_options(20, 30), physics_options(800, 2000)
    assert large["physics"]["stabilization"]["iterations"] <= 250
    assert large["layout"]["improvedLayout"] is False
    assert large["interaction"]["hideEdgesOnDrag"] is True
    assert small["physics"]["stabilization"]["enabled"] is True


def test_show_returns_an_iframe_for_jupyter():
    pytest.importorskip("IPython")
    html = show(hostile_graph())._repr_html_()
    assert html.startswith("<iframe srcdoc=\"") and "<script" not in html
