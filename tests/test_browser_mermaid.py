"""The Mermaid export rendered by Mermaid itself in headless Chromium.

Mermaid is not a dependency of the project: this runs where
``NASCAR_KG_MERMAID_JS`` names a ``mermaid.min.js`` (from the npm package
``mermaid``, ``dist/mermaid.min.js``) and Chromium is installed, and is
skipped otherwise.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from nascar_kg.visualizations.browser import Chromium, find_chromium
from nascar_kg.visualizations.filters import select
from nascar_kg.visualizations.readwrite.mermaid import mermaid_text

from test_viz_sample import HOSTILE_NAME, hostile_graph

MERMAID_JS = os.environ.get("NASCAR_KG_MERMAID_JS", "")

pytestmark = [
    pytest.mark.skipif(find_chromium() is None, reason="no Chromium on this machine"),
    pytest.mark.skipif(not (MERMAID_JS and Path(MERMAID_JS).is_file()),
                       reason="NASCAR_KG_MERMAID_JS does not name a mermaid.min.js"),
]


def test_mermaid_renders_names_literally(tmp_path):
    G = select(hostile_graph(), focus="Corey Heim", depth=2)
    text = mermaid_text(G, title='Heim <b>"x"</b> #1')
    source = json.dumps(text).replace("<", "\\u003c")
    page = tmp_path / "mermaid.html"
    page.write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><div id="out"></div>'
        f"<script>{Path(MERMAID_JS).read_text(encoding='utf-8')}</script><script>"
        'window.result = null; mermaid.initialize({startOnLoad: false, securityLevel: "strict"});'
        f"mermaid.render('g1', {source})"
        '.then(r => { document.getElementById("out").innerHTML = r.svg; window.result = "ok"; },'
        ' e => { window.result = "error: " + e; });</script></body></html>', encoding="utf-8")
    with Chromium() as browser:
        p = browser.open(page.as_uri())
        assert p.wait_for("window.result", timeout=30) == "ok"
        names = p.evaluate("[...document.querySelectorAll('#out svg g.node')]"
                           ".map(n => n.textContent)")
        assert sorted(names) == sorted(G.nodes[n]["name"] for n in G)
        assert HOSTILE_NAME in names
        assert p.evaluate("document.querySelectorAll('#out img').length") == 0
        assert 'Heim <b>"x"</b> #1' in p.evaluate("document.getElementById('out').textContent")
        assert p.dialogs() == []
