"""Commands that draw and export the graph: viz, export."""

from __future__ import annotations

import click

from nascar_kg.cli.common import opened_store
from nascar_kg.cli.output import message
from nascar_kg.cli.options import store_options
from nascar_kg.visualizations.exports import EXPORT_FORMATS  # a light module: names only


def parse_seasons(value: str | None) -> tuple[int, int] | None:
    """``2023-2025`` or ``2024`` as a (from, to) pair.

    >>> parse_seasons("2023-2025"), parse_seasons("2024"), parse_seasons(None)
    ((2023, 2025), (2024, 2024), None)
    """
    if not value:
        return None
    first, _, last = value.partition("-")
    try:
        lo, hi = int(first), int(last or first)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a season or a FROM-TO range") from None
    if lo > hi:
        raise click.BadParameter(f"{value!r}: the first season is after the last")
    return lo, hi


def selected_graph(store, focus, depth, relations, seasons):
    """The store's graph as networkx narrowed by the selection options, and its batch."""
    from nascar_kg.graph.networkx import to_networkx
    from nascar_kg.visualizations.filters import select

    batch = store.read_all()
    G = to_networkx(batch)
    rels = [p.strip() for p in relations.split(",") if p.strip()] if relations else None
    return select(G, focus=focus, depth=depth, relations=rels,
                  seasons=parse_seasons(seasons)), batch


def _check_out(out_path: str) -> None:
    """An empty --out (an unset variable in a script) would mean the current folder."""
    if not str(out_path).strip():
        raise click.BadParameter("give a file to write, not an empty path",
                                 param_hint="'--out'")


def selection_options(fn):
    fn = click.option("--season", "seasons", default=None, metavar="FROM-TO",
                      help="Only relations with results in these seasons (e.g. 2023-2025).")(fn)
    fn = click.option("--relations", default=None, metavar="PRED,...",
                      help="Only these predicates (a broad one includes its kinds).")(fn)
    fn = click.option("--depth", type=click.IntRange(1, 6), default=2, show_default=True,
                      help="Hops around --focus.")(fn)
    fn = click.option("--focus", default=None, metavar="NAME",
                      help="Only the part of the graph around NAME.")(fn)
    return fn


@click.command()
@click.option("--out", "out_path", required=True, type=click.Path(dir_okay=False),
              help="HTML file to write.")
@click.option("--title", default="nascar-kg", show_default=True)
@click.option("--max-nodes", type=click.IntRange(1), default=1500, show_default=True,
              help="Refuse larger graphs (use --focus).")
@selection_options
@store_options
def viz(out_path, title, max_nodes, focus, depth, relations, seasons):
    """Write an interactive HTML graph that works offline."""
    from nascar_kg.visualizations.html import write_html

    _check_out(out_path)
    with opened_store(read_only=True) as store:
        G, _ = selected_graph(store, focus, depth, relations, seasons)
    path = write_html(G, out_path, title=title, max_nodes=max_nodes)
    message(f"Wrote {path} ({G.number_of_nodes()} entities, {G.number_of_edges()} relations).")




@click.command()
@click.option("--format", "fmt", required=True, type=click.Choice(EXPORT_FORMATS),
              help="Output format (csv writes nodes.csv and edges.csv into the folder --out).")
@click.option("--out", "out_path", required=True, type=click.Path(),
              help="File to write (a folder for csv).")
@click.option("--title", default="nascar-kg", show_default=True,
              help="Title of the PNG/SVG map.")
@selection_options
@store_options
def export(fmt, out_path, title, focus, depth, relations, seasons):
    """Export the graph for other tools: Gephi, Cytoscape, Neo4j, RDF, Mermaid, print.

    Evidence and provenance travel with every format that can carry them.
    Files are written atomically.
    """
    from nascar_kg.visualizations.exports import export as write_export

    _check_out(out_path)
    with opened_store(read_only=True) as store:
        G, batch = selected_graph(store, focus, depth, relations, seasons)
    paths = write_export(G, fmt, out_path, title=title, batch=batch)
    for path in paths:
        message(f"Wrote {path}")
    message(f"{G.number_of_nodes()} entities, {G.number_of_edges()} relations.")


COMMANDS = [viz, export]
