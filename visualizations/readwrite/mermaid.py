"""Mermaid flowchart text (for Markdown on GitHub, GitLab, wikis), styled from the ontology.

Nodes get a shape for their entity type and a ``classDef`` with its color;
edges carry the predicate's label and color (``linkStyle``). Names are
written as quoted labels with every character that Mermaid could read as
markup given as an entity code (``#quot;``, ``#60;`` …). The evidence for each
relation, with its sources, follows each edge as a ``%%`` comment: kept in
the file, not drawn.
"""

from __future__ import annotations

import json
from pathlib import Path

from nascar_kg.ontology import vocabulary
from nascar_kg.visualizations.files import write_text
from nascar_kg.visualizations.readwrite.common import evidence_list

# vis-network's shape names (the ontology's) as Mermaid flowchart node shapes
_SHAPES = {"dot": ('(["', '"])'), "ellipse": ('(["', '"])'), "circle": ('(("', '"))'),
           "box": ('["', '"]'), "square": ('["', '"]'), "diamond": ('{"', '"}'),
           "hexagon": ('{{"', '"}}'), "triangle": ('[/"', '"\\]'),
           "triangleDown": ('[\\"', '"/]')}
_SAFE = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,'-_()/:!?+*=")


def label(text: str) -> str:
    """Text for a quoted Mermaid label: anything outside a safe set as ``#<code>;``.

    >>> label('Evil <img src=x> "q" #1;')
    'Evil #60;img src=x#62; #34;q#34; #35;1#59;'
    """
    out = []
    for ch in " ".join(str(text).split()):
        out.append(ch if ch in _SAFE or (ord(ch) > 127 and ch.isalnum()) else f"#{ord(ch)};")
    return "".join(out)


def comment(text: str) -> str:
    """Text for a ``%%`` comment: one line, and never a directive."""
    return " ".join(str(text).split()).replace("%%{", "%% {")


def mermaid_text(G, *, title: str = "nascar-kg") -> str:
    voc = vocabulary()
    ids = {n: f"n{i}" for i, n in enumerate(G.nodes)}
    # YAML front matter: a double-quoted (JSON) string, so "#" starts no comment
    lines = ["---", f"title: {json.dumps(' '.join(str(title).split()), ensure_ascii=False)}",
             "---", "flowchart LR"]
    for n, d in G.nodes(data=True):
        cls = voc.entity_classes.get(d.get("type", ""))
        left, right = _SHAPES.get(cls.shape if cls else "dot", _SHAPES["dot"])
        lines.append(f"    {ids[n]}{left}{label(d.get('name') or n)}{right}")
    link_styles = []
    for i, (u, v, k, d) in enumerate(G.edges(keys=True, data=True)):
        pred = voc.predicates.get(d.get("predicate", k))
        arrow = "---" if pred and pred.symmetric else "-->"
        text = pred.label if pred else str(d.get("predicate", k))
        lines.append(f'    {ids[u]} {arrow}|"{label(text)}"| {ids[v]}')
        for e in evidence_list(d):
            src = " · ".join(str(x) for x in (e.get("document"), e.get("title")) if x)
            lines.append(f"    %% evidence: \u201c{comment(e.get('text', ''))}\u201d"
                         + (f" ({comment(src)})" if src else ""))
        if pred:
            link_styles.append(f"    linkStyle {i} stroke:{pred.color},stroke-width:2px")
    used = {d.get("type", "") for _, d in G.nodes(data=True)}
    for cls in voc.entity_classes.values():
        if cls.name in used:
            lines.append(f"    classDef {cls.name} fill:{cls.color},stroke:#333,color:#fff")
    for n, d in G.nodes(data=True):
        if d.get("type") in voc.entity_classes:
            lines.append(f"    class {ids[n]} {d['type']}")
    lines += link_styles
    return "\n".join(lines) + "\n"


def write_mermaid(G, path, *, title: str = "nascar-kg") -> list[Path]:
    return [write_text(path, mermaid_text(G, title=title))]
