"""Commands that read articles: demo, ingest, extract, evaluate."""

from __future__ import annotations

import json

import click

from nascar_kg.cli.common import opened_store
from nascar_kg.cli.options import output_options, resolve_format, store_options
from nascar_kg.cli.output import emit, json_line, message
from nascar_kg.errors import InputError


@click.command()
@click.option("--out", "out_dir", default="./nascar-kg-demo", show_default=True,
              type=click.Path(file_okay=False), help="Folder for the store (DIR/db) and graph.html.")
@store_options
def demo(out_dir):
    """Build the graph of the bundled sample article and show what it knows.

    Ingests the sample into the store DIR/db, writes DIR/graph.html, and prints
    who endorses Corey Heim and the paths from Toyota to Corey Heim.
    """
    from nascar_kg.demo import run_demo

    run_demo(out_dir, echo=click.echo, note=message)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar on stderr [default: on a terminal].")
@store_options
def ingest(paths, progress):
    """Read articles (files, folders, - for stdin) into the store.

    Text, Markdown and HTML are read; folders recursively. A file that cannot
    be read is reported and skipped, the others are ingested, and the exit
    status is then 2.
    """
    from nascar_kg.loaders.articles import ingest as ingest_articles
    from nascar_kg.loaders.extraction import Extractor

    with opened_store() as store:
        extractor = Extractor(extra_names=_known_names(store))
        report = ingest_articles(store, paths, extractor=extractor,
                                 on_error=lambda m: message(f"Error: {m}"),
                                 progress=_progress(progress))
    message(f"Ingested {report.documents} document(s): {report.entities} entities, "
            f"{report.relations} relations" + (f"; {len(report.errors)} could not be read"
                                                if report.errors else "") + ".")
    if report.errors:
        raise click.exceptions.Exit(InputError.exit_code)


def _progress(flag):
    import sys

    return sys.stderr.isatty() if flag is None else flag


def _known_names(store) -> list[tuple[str, str]]:
    """Driver, team, make and track names the race results of the store brought.

    The extractor's gazetteer. Names from articles are left out: otherwise an
    ingest run again (or after being cut off) would read its articles with the
    names of its own earlier run and add what the first run did not find.
    """
    from nascar_kg.queries.names import results_names

    return results_names(store)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json"]), default="jsonl",
              show_default=True, help="One JSON object per line, or one JSON array.")
@click.option("--use-store/--no-store", default=True,
              help="Use the names of the race results in the store at --db (if there is "
                   "one) as a gazetteer, as ingest does.")
@store_options
def extract(paths, fmt, use_store):
    """Extract entities and relations from articles without storing them.

    Prints one JSON object per document (see the command-line contract).
    Unreadable files are reported on stderr and give exit status 2.
    """
    from nascar_kg.loaders.documents import iter_documents
    from nascar_kg.loaders.extraction import Extractor

    extractor = Extractor(extra_names=_store_names_if_any() if use_store else ())
    records, failed = [], 0
    for item in iter_documents(paths):
        if isinstance(item, Exception):
            failed += 1
            message(f"Error: {item}")
            continue
        record = extractor.extract(item.text, document=item.source).to_json()
        if fmt == "jsonl":
            click.echo(json_line(record))
        else:
            records.append(record)
    if fmt == "json":
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
    if failed:
        raise click.exceptions.Exit(InputError.exit_code)


def _store_names_if_any() -> list[tuple[str, str]]:
    from pathlib import Path

    from nascar_kg.cli.options import settings
    from nascar_kg.errors import StoreError

    s = settings()
    if s.backend in ("rdf", "memory") and not (Path(s.db) / "CURRENT").exists():
        return []
    try:
        with opened_store(read_only=True) as store:
            return _known_names(store)
    except StoreError:
        return []


@click.command()
@click.option("--gold", "gold", required=True, type=click.Path(exists=True),
              help="Folder of gold files (*.gold.json) or one gold file.")
@click.option("--predictions", type=click.Path(dir_okay=False, allow_dash=True), default=None,
              help="Score this JSONL (output of `extract --format jsonl`) instead of extracting.")
@click.option("--min-f1", type=click.FloatRange(0, 1), default=None,
              help="Exit with status 1 if the coarse relation F1 is below this.")
@output_options
def evaluate(gold, predictions, min_f1, fmt):
    """Score extraction against gold annotations (entities and relations, P/R/F1)."""
    from nascar_kg.loaders.evaluation import evaluate_extractions, load_gold, score

    golds = load_gold(gold)
    if predictions is not None:
        result = evaluate_extractions(_prediction_records(predictions), gold)
    else:
        from nascar_kg.loaders.extraction import Extractor

        extractor = Extractor()
        extractions = [extractor.extract(g.text, document=g.id) for g in golds]
        result = score(golds, extractions)
    fmt = resolve_format(fmt)
    rows = [{"measure": name, "precision": result[key]["precision"],
             "recall": result[key]["recall"], "f1": result[key]["f1"]}
            for name, key in (("entities", "entities"), ("relations (fine)", "relations_fine"),
                              ("relations (coarse)", "relations_coarse"))]
    rows += [{"measure": f"  {p}", "precision": v["precision"], "recall": v["recall"],
              "f1": v["f1"]} for p, v in result["per_predicate"].items()]
    emit(result, fmt, rows)
    f1 = result["relations_coarse"]["f1"]
    if min_f1 is not None and f1 < min_f1:
        message(f"Relation F1 (coarse) {f1:.3f} is below --min-f1 {min_f1}.")
        raise click.exceptions.Exit(1)


def _prediction_records(path: str) -> list[dict]:
    """The records of a predictions JSONL file (or - for stdin), checked line by line."""
    import sys

    from nascar_kg.loaders.evaluation import read_jsonl

    if path != "-":
        return read_jsonl(path)
    try:
        text = sys.stdin.buffer.read().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"-: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    return read_jsonl(text.split("\n"), source="-")


COMMANDS = [demo, ingest, extract, evaluate]
