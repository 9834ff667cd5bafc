"""Commands that talk to a backend directly: push, query."""

from __future__ import annotations

import json
import re
import sys
import time

import click

from nascar_kg.cli.options import output_options, resolve_format, settings, store_options
from nascar_kg.cli.output import emit, message
from nascar_kg.errors import QueryError, UsageError
from nascar_kg.graph.model import valid_text


def _neo4j_store(read_only: bool, batch_size: int | None = None):
    """The Neo4j store the options and environment name, whatever ``--backend`` says."""
    from nascar_kg.graph.neo4j_store import Neo4jStore

    store = Neo4jStore.from_settings(settings(), read_only=read_only)
    if batch_size:
        store.batch_size = batch_size
    return store


@click.command()
@click.argument("target", type=click.Choice(["neo4j"]))
@click.option("--batch-size", type=click.IntRange(1, 1_000_000), default=None,
              help="Rows per transaction [default: 5000].")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar on stderr [default: on a terminal].")
@store_options
def push(target, batch_size, progress):
    """Copy the embedded store (--db) into Neo4j.

    Everything is merged on its IRI, so pushing twice changes nothing, and a
    push that was cut off (exit status 3) completes when run again.
    """
    from nascar_kg.graph.rdf_store import RDFStore

    s = settings()
    started = time.perf_counter()
    with RDFStore(s.db, read_only=True) as source:
        batch = source.read_all()
    rows = len(batch) + sum(len(r.evidence) + len(r.seasons) for r in batch.relations)
    show = sys.stderr.isatty() if progress is None else progress
    with _neo4j_store(read_only=False, batch_size=batch_size) as dest:
        bar = None
        if show:
            from tqdm import tqdm

            bar = tqdm(total=rows, unit="row", desc="push", leave=False, file=sys.stderr)
        try:
            summary = dest.write(batch, progress=bar.update if bar else None)
        finally:
            if bar is not None:
                bar.close()
        where = dest.describe()
    seconds = time.perf_counter() - started
    message(f"Pushed {s.db} to {where}: {summary.entities} entities, {summary.relations} "
            f"relations ({summary.evidence} evidence), {summary.documents} documents, "
            f"{summary.races} races in {seconds:.1f} s.")


# -- query ----------------------------------------------------------------------------------

@click.group(name="query")
@store_options
def query():
    """Raw queries: Cypher on Neo4j, SPARQL on the embedded store (read-only)."""


def _text(text: str) -> str:
    if text == "-":
        try:
            text = sys.stdin.buffer.read().decode("utf-8")
        except UnicodeDecodeError as exc:
            raise UsageError(f"the query on standard input is not UTF-8 text ({exc.reason} "
                             f"at byte {exc.start})") from None
    if not text.strip():
        raise UsageError("empty query")
    return text


def _parse_params(pairs, iris: bool = False) -> dict:
    """``NAME=VALUE`` pairs; a value that parses as JSON is taken as JSON, else as a string.

    With ``iris``, a VALUE written ``<...>`` is an IRI (a JSON string never is: to bind
    the text "<...>", give it JSON-quoted).
    """
    from nascar_kg.graph.model import IRI

    params = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise UsageError(f"--param {pair!r}: give NAME=VALUE")
        if iris and value.startswith("<") and value.endswith(">"):
            params[name] = IRI(valid_text(value[1:-1]))
            continue
        try:
            params[name] = json.loads(value)
        except (ValueError, RecursionError):
            params[name] = value
        if isinstance(params[name], str):  # an argument that is not UTF-8: U+FFFD for its bytes
            params[name] = valid_text(params[name])
    return params


def _table_rows(rows: list[dict]) -> list[dict]:
    return [{k: (json.dumps(v, ensure_ascii=False) if isinstance(v, dict) else v)
             for k, v in row.items()} for row in rows]


_param_option = click.option(
    "--param", "params", multiple=True, metavar="NAME=VALUE",
    help="Bind $NAME (Cypher) or ?NAME (SPARQL); VALUE is JSON or a string. Repeatable.")


@query.command("cypher")
@click.argument("text")
@_param_option
@click.option("--write", is_flag=True,
              help="Allow clauses that write (CREATE, MERGE, SET, DELETE...).")
@output_options
@store_options
def query_cypher(text, params, write, fmt):
    """Run Cypher TEXT (or - for stdin) on Neo4j; read-only unless --write."""
    from nascar_kg.graph.neo4j_guard import write_clauses

    text = _text(text)
    clauses = write_clauses(text)
    if clauses and not write:
        raise QueryError(f"the query writes ({', '.join(dict.fromkeys(clauses))}); "
                         "query cypher is read-only unless --write is given")
    with _neo4j_store(read_only=not write) as store:
        rows, counters = store.execute(text, _parse_params(params), write=write, counters=True)
    emit(rows, resolve_format(fmt), _table_rows(rows))
    if write:
        changes = ", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in counters.items()) \
            or "no changes"
        message(f"Committed ({changes}).")


_SPARQL_TOKEN = re.compile(r"""
      (?P<comment>\#[^\n]*)
    | (?P<string>'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
    | (?P<iri><[^<>"{}|^`\\\s]*>)
    | (?P<var>[?$][A-Za-z0-9_]+)
    | (?P<word>[A-Za-z_][A-Za-z0-9_\-.]*:?[A-Za-z0-9_\-.]*)
    | (?P<other>.)
""", re.VERBOSE | re.DOTALL)
SPARQL_UPDATE_KEYWORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP",
                                    "COPY", "MOVE", "ADD"})
SPARQL_NETWORK_KEYWORDS = frozenset({"SERVICE"})
"""Federated query: the embedded engine would fetch the given endpoint over HTTP."""


def sparql_update_keywords(text: str) -> list[str]:
    """The SPARQL Update operations in ``text`` (outside strings, IRIs and comments).

    >>> sparql_update_keywords("SELECT ?s WHERE { ?s nkg:name 'DELETE me' } # INSERT")
    []
    >>> sparql_update_keywords("SELECT ?delete WHERE { ?delete <urn:x#INSERT> 1 }")
    []
    >>> sparql_update_keywords("DELETE WHERE { ?s ?p ?o }")
    ['DELETE']
    """
    return _sparql_keywords(text, SPARQL_UPDATE_KEYWORDS)


def _sparql_keywords(text: str, keywords: frozenset) -> list[str]:
    found = []
    for match in _SPARQL_TOKEN.finditer(text):
        if match.lastgroup == "word" and match.group().upper() in keywords:
            found.append(match.group().upper())
    return found


MAX_SPARQL_NESTING = 200
"""Deeper nesting of groups is refused: Oxigraph's parser overflows its stack (a crash,
not an error) somewhere past two thousand nested braces."""


def sparql_nesting(text: str) -> int:
    """The deepest nesting of ``{``, ``(`` and ``[`` in ``text`` (outside strings and IRIs).

    >>> sparql_nesting("SELECT * { ?s ?p ?o FILTER(regex(?o, '((((')) }")
    3
    """
    depth = deepest = 0
    for match in _SPARQL_TOKEN.finditer(text):
        if match.lastgroup == "other":
            char = match.group()
            if char in "{([":
                depth += 1
                deepest = max(deepest, depth)
            elif char in "})]":
                depth -= 1
    return deepest


def sparql_network_keywords(text: str) -> list[str]:
    """The clauses of ``text`` that would make the engine reach the network (``SERVICE``).

    >>> sparql_network_keywords("SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    ['SERVICE']
    >>> sparql_network_keywords("SELECT ?service { ?service nkg:name 'SERVICE' }")
    []
    """
    return _sparql_keywords(text, SPARQL_NETWORK_KEYWORDS)


def _plain_term(value):
    if value is None or isinstance(value, (bool, int, float, str)):
        return str(value) if isinstance(value, str) else value
    return str(value)


@query.command("sparql")
@click.argument("text")
@_param_option
@output_options
@store_options
def query_sparql(text, params, fmt):
    """Run SPARQL TEXT (or - for stdin) on the embedded store (--db), read-only.

    The prefixes nkg:, rdf:, dcterms:, schema: and xsd: are predefined. A VALUE
    written <...> binds an IRI (JSON-quoted, it is text); a bound ?NAME must be
    among the selected variables. SERVICE (federated queries) is refused: nothing
    is fetched from the network.
    """
    from nascar_kg.graph.rdf_store import RDFStore

    text = _text(text)
    updates = sparql_update_keywords(text)
    if updates:
        raise QueryError(f"SPARQL UPDATE is refused ({', '.join(dict.fromkeys(updates))}): "
                         "query sparql is read-only")
    if sparql_network_keywords(text):
        raise QueryError("SERVICE (federated query) is refused: query sparql reads the "
                         "embedded store and makes no network requests")
    if sparql_nesting(text) > MAX_SPARQL_NESTING:
        raise QueryError(f"the query nests groups more than {MAX_SPARQL_NESTING} deep")
    bound = _parse_params(params, iris=True)
    s = settings()
    with RDFStore(s.db, read_only=True) as store:
        try:
            rows = store.query(text, bound)
        except Exception as exc:  # parse errors of rdflib, evaluation errors of Oxigraph
            reason = " ".join(str(exc).split())[:300]
            raise QueryError(f"{s.db}: SPARQL query failed: {type(exc).__name__}: {reason}") \
                from None
    rows = [{k: _plain_term(v) for k, v in row.items()} for row in rows]
    emit(rows, resolve_format(fmt))


COMMANDS: list = [push, query]
