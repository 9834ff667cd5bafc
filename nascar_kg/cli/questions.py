"""Commands that question the graph: who-endorses, path, neighbors, stats, validate."""

from __future__ import annotations

import click

from nascar_kg.cli.common import opened_store
from nascar_kg.cli.options import output_options, resolve_format, store_options
from nascar_kg.cli.output import emit, message


def _predicate_list(value: str | None) -> list[str] | None:
    return [p.strip() for p in value.split(",") if p.strip()] if value else None


@click.command("who-endorses")
@click.argument("name")
@output_options
@store_options
def who_endorses(name, fmt):
    """Who endorses NAME, with the evidence that says so."""
    from nascar_kg.queries import who_endorses as query

    with opened_store(read_only=True) as store:
        data = query(store, name)
    rows = [{"endorser": e["name"], "type": e["type"], "confidence": e["confidence"],
             "document": ev["document"], "evidence": ev["text"]}
            for e in data["endorsers"] for ev in e["evidence"]]
    emit(data, resolve_format(fmt), rows,
         title=f"Endorsers of {data['endorsed']['name']} ({data['endorsed']['type']}):")


@click.command()
@click.argument("source", metavar="FROM")
@click.argument("target", metavar="TO")
@click.option("--max-hops", type=click.IntRange(1, 8), default=4, show_default=True,
              help="Longest path to look for.")
@click.option("--via", default=None, metavar="PRED,...",
              help="Follow only these predicates (a broad one includes its kinds).")
@click.option("--limit", type=click.IntRange(1, 100), default=5, show_default=True,
              help="How many paths, shortest first.")
@output_options
@store_options
def path(source, target, max_hops, via, limit, fmt):
    """Shortest relationship paths from FROM to TO, edges followed in either direction."""
    from nascar_kg.queries import find_paths
    from nascar_kg.queries.paths import format_path

    with opened_store(read_only=True) as store:
        data = find_paths(store, source, target, max_hops=max_hops, via=_predicate_list(via),
                          limit=limit)
    rows = [{"hops": len(p["edges"]), "path": format_path(p)} for p in data["paths"]]
    emit(data, resolve_format(fmt), rows,
         title=f"Paths from {data['from']['name']} to {data['to']['name']}:")


@click.command()
@click.argument("name")
@click.option("--depth", type=click.IntRange(1, 6), default=1, show_default=True)
@click.option("--relations", default=None, metavar="PRED,...",
              help="Follow only these predicates (a broad one includes its kinds).")
@output_options
@store_options
def neighbors(name, depth, relations, fmt):
    """The entities around NAME and the relations between them."""
    from nascar_kg.queries import neighbors as query

    with opened_store(read_only=True) as store:
        data = query(store, name, depth=depth, relations=_predicate_list(relations))
    rows = [{"subject": e["subject"], "predicate": e["predicate"], "object": e["object"]}
            for e in data["edges"]]
    emit(data, resolve_format(fmt), rows,
         title=f"Around {data['center']['name']} ({len(data['nodes'])} entities):")
    if data.get("truncated"):
        message("The neighborhood was cut at its size limit; lower --depth or use --relations.")


@click.command()
@output_options
@store_options
def stats(fmt):
    """Counts of entities by type and relations by predicate."""
    from nascar_kg.queries import stats as query

    with opened_store(read_only=True) as store:
        data = query(store)
    rows = [{"kind": "entity", "name": k, "count": v} for k, v in data["entities"].items()]
    rows += [{"kind": "relation", "name": k, "count": v} for k, v in data["relations"].items()]
    rows += [{"kind": "source", "name": k, "count": v} for k, v in data["sources"].items()]
    rows.append({"kind": "race", "name": "races", "count": data["races"]})
    emit(data, resolve_format(fmt), rows)


MAX_VIOLATIONS_SHOWN = 20


@click.command()
@output_options
@store_options
def validate(fmt):
    """Check the store against the ontology's SHACL shapes (exit 1 on violations)."""
    from nascar_kg.graph.validation import validate_store

    with opened_store(read_only=True) as store:
        report = validate_store(store)
    rows = [{"focus": v["focus"], "path": v["path"], "message": v["message"]}
            for v in report["violations"]]
    fmt = resolve_format(fmt)
    if fmt == "json" or rows:
        emit(report, fmt, rows)
    if report["conforms"]:
        message(f"The store conforms to the ontology's shapes ({report['triples']} triples checked).")
    else:
        shown = report["violations"][:MAX_VIOLATIONS_SHOWN]
        message(f"{len(report['violations'])} violation(s) of the ontology's shapes:")
        for v in shown:
            message(f"  {v['focus']}: {v['message']}")
        if len(report["violations"]) > len(shown):
            message(f"  … and {len(report['violations']) - len(shown)} more (see --format json)")
        raise click.exceptions.Exit(1)


COMMANDS = [who_endorses, path, neighbors, stats, validate]
