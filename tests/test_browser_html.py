"""The interactive page in a real headless Chromium: loads offline, shows evidence, stays text.

Skipped (with the reason) where no Chromium is installed; set
``NASCAR_KG_REQUIRE_CHROMIUM=1`` to make a missing browser a failure instead.
Screenshots go to ``tests/artifacts/``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from nascar_kg.visualizations.browser import Chromium, find_chromium
from nascar_kg.visualizations.filters import select
from nascar_kg.visualizations.html import write_html

from test_viz_sample import HOSTILE, HOSTILE_NAME, HOSTILE_QUOTE, hostile_graph, sample_graph

ARTIFACTS = Path(__file__).parent / "artifacts"
HEIM = "https://w3id.org/nascar-kg/id/person/corey-heim"

NO_CHROMIUM = find_chromium() is None
if NO_CHROMIUM and os.environ.get("NASCAR_KG_REQUIRE_CHROMIUM"):
    raise RuntimeError("NASCAR_KG_REQUIRE_CHROMIUM is set but no Chromium is installed")

pytestmark = [
    pytest.mark.skipif(NO_CHROMIUM, reason="no Chromium on this machine (apt-get install chromium)"),
    pytest.mark.timeout(180),
]


@pytest.fixture(scope="module")
def browser():
    with Chromium(timeout=60) as b:
        yield b


def open_graph(browser, G, path, **kw):
    out = write_html(G, path, **kw)
    page = browser.open(out.resolve().as_uri())
    page.wait_for("window.kgGraph && kgGraph.settled", timeout=60)
    return page, out.resolve().as_uri()


def node_point(page, node_id):
    return page.evaluate(f"""(function () {{
        var net = kgGraph.network, p = net.canvasToDOM(net.getPosition({node_id!r}));
        var r = document.getElementById("graph").getBoundingClientRect();
        return [p.x + r.left, p.y + r.top]; }})()""")


def assert_offline_and_clean(page, url):
    assert page.errors() == []
    others = [u for u in page.requests() if u != url and not u.startswith(("data:", "about:"))]
    assert others == [], f"the page fetched {others}"
    assert page.dialogs() == []


def test_focus_page_loads_offline_and_shows_evidence_on_click(browser, tmp_path):
    G = select(sample_graph(), focus="Corey Heim", depth=2)
    page, url = open_graph(browser, G, tmp_path / "heim.html", title="Corey Heim, two hops",
                           source_note="Source: heim-cup-ready.txt")
    assert_offline_and_clean(page, url)
    assert sorted(page.evaluate("kgGraph.nodes.getIds()")) == sorted(G.nodes)
    edges = page.evaluate("kgGraph.edges.get().map(e => [e.from, e.to, e.predicate])")
    assert sorted(map(tuple, edges)) == sorted((u, v, d["predicate"])
                                               for u, v, d in G.edges(data=True))
    assert page.evaluate("kgGraph.nodeView.length") == G.number_of_nodes()

    x, y = node_point(page, HEIM)
    page.click(x, y)
    details = page.wait_for("""(function () { var d = document.getElementById("details");
        return d.querySelector("h3") ? d.textContent : ""; })()""")
    for text in ("Corey Heim", "Bootie Barker", "Denny Hamlin", "Greg Biffle",
                 "Heim is Cup ready right now", "heim-cup-ready.txt", "feuded with", "Ty Gibbs",
                 "lingering feud", "23XI Racing", "TRICON Garage", "2025 NASCAR Craftsman"):
        assert text in details, text
    assert page.evaluate("kgGraph.network.getSelectedNodes()") == [HEIM]
    page.screenshot(ARTIFACTS / "browser-heim-focus.png")
    assert_offline_and_clean(page, url)


def test_filters_and_search(browser, tmp_path):
    G = sample_graph()
    page, url = open_graph(browser, G, tmp_path / "all.html")
    n_drivers = sum(1 for _, d in G.nodes(data=True) if d["type"] == "Driver")
    page.evaluate('document.querySelector("input[data-type=Driver]").click()')
    assert page.evaluate("kgGraph.nodeView.length") == G.number_of_nodes() - n_drivers
    page.evaluate('document.getElementById("all-on").click()')
    assert page.evaluate("kgGraph.nodeView.length") == G.number_of_nodes()
    page.evaluate('document.querySelector("input[data-predicate=endorses]").click()')
    assert page.evaluate("kgGraph.edgeView.get().filter(e => e.predicate == 'endorses').length") == 0
    page.evaluate("""(function () { document.getElementById("search").value = "gibbs";
        document.querySelector("#search-form button").click(); })()""")
    assert "Ty Gibbs" in page.wait_for('document.querySelector("#details h3") && '
                                       'document.querySelector("#details h3").textContent')
    assert "match" in page.evaluate('document.getElementById("search-result").textContent')
    assert_offline_and_clean(page, url)


def test_hostile_text_is_shown_literally(browser, tmp_path):
    G = hostile_graph()
    evil = next(n for n, d in G.nodes(data=True) if d["name"] == HOSTILE_NAME)
    page, url = open_graph(browser, G, tmp_path / "hostile.html", title=HOSTILE,
                           source_note='"href" ' + HOSTILE)
    x, y = node_point(page, evil)
    page.move(x, y)  # the hover tooltip
    tip = page.wait_for("""(function () { var t = document.querySelector("div.vis-tooltip");
        return t && t.style.visibility == "visible" ? t.textContent : ""; })()""")
    assert HOSTILE_NAME in tip
    page.click(x, y)
    page.wait_for('!!document.querySelector("#details h3")')
    assert page.evaluate('document.querySelector("#details h3").textContent') == HOSTILE_NAME
    quotes = page.evaluate('[...document.querySelectorAll("#details blockquote")]'
                           '.map(q => q.textContent)')
    assert HOSTILE_QUOTE in quotes
    assert page.evaluate("document.title") == HOSTILE
    assert HOSTILE in page.evaluate('document.getElementById("source-note").textContent')
    assert page.evaluate('document.querySelectorAll("img").length') == 0
    assert page.evaluate('document.querySelectorAll("script").length') == 3
    page.screenshot(ARTIFACTS / "browser-hostile.png")
    assert_offline_and_clean(page, url)


def test_focus_is_selected_with_its_evidence_on_load(browser, tmp_path):
    G = select(sample_graph(), focus="Corey Heim", depth=1)
    page, url = open_graph(browser, G, tmp_path / "focus.html")
    assert page.evaluate("kgGraph.network.getSelectedNodes()") == [HEIM]
    details = page.evaluate('document.getElementById("details").textContent')
    assert "Heim is Cup ready right now" in details and "lingering feud" in details
    page.move(*node_point(page, HEIM))  # the tooltip: relations with a quote and its source
    tip = page.wait_for("""(function () { var t = document.querySelector("div.vis-tooltip");
        return t && t.style.visibility == "visible" ? t.textContent : ""; })()""")
    assert "Corey Heim" in tip and "← endorses Bootie Barker" in tip
    assert "veteran crew chief" in tip and "heim-cup-ready.txt" in tip
    page.screenshot(ARTIFACTS / "browser-tooltip.png")
    assert_offline_and_clean(page, url)


def test_a_few_hundred_nodes_settle_in_seconds(browser, tmp_path):
    import random
    import time

    from nascar_kg.graph.model import Document, EntityRef, Evidence, GraphBatch, Relation
    from nascar_kg.graph.networkx import to_networkx

    rnd = random.Random(7)
    doc = Document("ab" * 32, "many.txt")
    types = ["Driver", "Team", "CrewChief", "Sponsor", "Track"]
    ents = [EntityRef(f"Entity {i}", types[i % len(types)]) for i in range(400)]
    rels = [Relation(a, rnd.choice(["endorses", "feuded_with", "drove_for", "affiliated_with"]),
                     b, [Evidence(doc, f"quote {j}", j, j + 7, 0.8)])
            for j, (a, b) in enumerate(rnd.sample(ents, 2) for _ in range(800))]
    G = to_networkx(GraphBatch(relations=rels))
    out = write_html(G, tmp_path / "many.html")
    start = time.monotonic()
    page = browser.open(out.resolve().as_uri())
    page.wait_for("window.kgGraph && kgGraph.settled", timeout=60)
    elapsed = time.monotonic() - start
    assert elapsed < 20, f"{G.number_of_nodes()} nodes took {elapsed:.1f}s to settle"
    assert page.evaluate("kgGraph.nodes.length") == G.number_of_nodes()
    assert page.evaluate("kgGraph.network.physics.physicsEnabled") is False  # then still
    page.screenshot(ARTIFACTS / "browser-400-nodes.png")
    assert page.errors() == []
