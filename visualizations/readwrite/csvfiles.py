"""CSV for Gephi's spreadsheet import: ``nodes.csv`` and ``edges.csv`` in one folder.

``nodes.csv``: ``Id,Label,Type,Type Label,Color,Shape,Aliases,Wikidata`` (aliases as
a JSON list). ``edges.csv``: ``Source,Target,Type,Label,Id,Predicate,Weight,
Confidence,Color,Evidence,Sources,Seasons``, where ``Type`` is Gephi's
``Directed``/``Undirected``, ``Label`` the predicate's label, ``Id`` the
assertion IRI, and ``Evidence``/``Sources``/``Seasons`` JSON.

A cell that begins with ``=``, ``+``, ``-``, ``@`` (or a tab or carriage
return) is neutralised with a leading apostrophe, so a spreadsheet never runs
a name or a quote as a formula.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from nascar_kg.visualizations.files import write_text
from nascar_kg.visualizations.readwrite.common import edge_record, node_record

NODE_COLUMNS = ("Id", "Label", "Type", "Type Label", "Color", "Shape", "Aliases", "Wikidata")
EDGE_COLUMNS = ("Source", "Target", "Type", "Label", "Id", "Predicate", "Weight", "Confidence",
                "Color", "Evidence", "Sources", "Seasons")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """The cell value, with a leading ``'`` if a spreadsheet could take it for a formula.

    >>> neutralise("=HYPERLINK(1)"), neutralise("-2+3"), neutralise("Heim"), neutralise(0.9)
    ("'=HYPERLINK(1)", "'-2+3", 'Heim', 0.9)
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def node_rows(G):
    for n, d in G.nodes(data=True):
        r = node_record(n, d)
        yield (r["iri"], r["name"], r["type"], r["type_label"], r["color"], r["shape"],
               r["aliases"], r["wikidata"])


def edge_rows(G):
    for u, v, k, d in G.edges(keys=True, data=True):
        r = edge_record(u, v, k, d)
        yield (str(u), str(v), "Undirected" if r["symmetric"] else "Directed", r["label"],
               r["id"], r["predicate"], r["weight"], r["confidence"], r["color"],
               r["evidence"], r["sources"], r["seasons"])


def table(columns, rows) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(columns)
    for row in rows:
        w.writerow([neutralise(c) for c in row])
    return buf.getvalue()


def write_csv(G, out_dir, *, title: str = "nascar-kg") -> list[Path]:
    """Write ``nodes.csv`` and ``edges.csv`` into the folder ``out_dir`` (created if need be)."""
    from nascar_kg.errors import UsageError

    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out} is a file: CSV export writes nodes.csv and edges.csv "
                         f"into a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"{out}: cannot be written ({exc.strerror or exc})") from None
    return [write_text(out / "nodes.csv", table(NODE_COLUMNS, node_rows(G))),
            write_text(out / "edges.csv", table(EDGE_COLUMNS, edge_rows(G)))]
