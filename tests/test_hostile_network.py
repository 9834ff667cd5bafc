"""No network access except the documented downloads.

Every command that works on local data runs here with the socket layer replaced by
one that records and refuses every connection and name lookup: reading hostile
articles and pages (remote scripts, stylesheets, frames, DTDs), loading results
files, evaluating, querying (SPARQL with and without SERVICE), drawing the page and
writing every export format. Nothing may even try. ``load-results cup|nxs|truck``,
the one command that downloads, is tested against a local server in
``test_download.py``; the Neo4j backend talks to the configured Bolt URI only.
"""

from __future__ import annotations

import json
import socket

import pytest
from click.testing import CliRunner

from hostile.corpus import ARTICLES, good_gold, injection_batch, results_csv
from nascar_kg.cli import cli
from nascar_kg.demo import sample_path
from nascar_kg.graph.rdf_store import RDFStore
from nascar_kg.visualizations.exports import EXPORT_FORMATS


@pytest.fixture
def no_network(monkeypatch):
    """Record and refuse every attempt to reach the network."""
    attempts = []

    def refuse(what):
        def blocked(*args, **kwargs):
            attempts.append((what, args[1:] if what == "connect" else args))
            raise OSError(f"network access blocked by the test ({what})")
        return blocked

    monkeypatch.setattr(socket.socket, "connect", refuse("connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("connect"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    monkeypatch.setattr(socket, "gethostbyname", refuse("gethostbyname"))
    return attempts


def run(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        repr(result.exception)
    return result


def test_the_guard_catches_connections(no_network):
    with pytest.raises(OSError, match="blocked"):
        socket.create_connection(("127.0.0.1", 9))
    with pytest.raises(OSError, match="blocked"):
        socket.socket().connect(("127.0.0.1", 9))
    assert [what for what, _ in no_network] == ["create_connection", "connect"]


def test_local_commands_make_no_connection(no_network, tmp_path):
    db = tmp_path / "db"
    pages = [c.write(tmp_path / "articles") for c in ARTICLES
             if c.name.endswith((".html", ".md")) or c.name == "hostile-names.txt"]
    assert run("--db", db, "ingest", sample_path(), *pages).exit_code == 2  # some pages are bad
    assert run("extract", "--no-store", *pages).exit_code == 2
    results = tmp_path / "cup_series.csv"
    results.write_text(results_csv([{}, {"Race": "2", "Driver": "Ty Gibbs"}]), encoding="utf-8")
    assert run("--db", db, "load-results", results).exit_code == 0
    with RDFStore(db) as store:
        store.write(injection_batch())
    gold = good_gold(tmp_path)
    assert run("evaluate", "--gold", gold, "--format", "json").exit_code == 0
    for args in (["who-endorses", "heim"], ["path", "Toyota", "heim"], ["neighbors", "heim"],
                 ["career", "heim"], ["roster", "TRICON Garage"], ["stats"], ["validate"],
                 ["query", "sparql", "SELECT * WHERE { ?s ?p ?o } LIMIT 3"]):
        result = run("--db", db, *args, "--format", "json")
        assert result.exit_code == 0, (args, result.stderr)
    refused = run("--db", db, "query", "sparql",
                  "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    assert refused.exit_code == 2 and "SERVICE" in refused.stderr
    assert run("--db", db, "viz", "--out", tmp_path / "graph.html").exit_code == 0
    for fmt in EXPORT_FORMATS:
        args = ["--focus", "heim"] if fmt in ("png", "svg") else []
        result = run("--db", db, "export", "--format", fmt, "--out", tmp_path / f"out-{fmt}", *args)
        assert result.exit_code == 0, (fmt, result.stderr)
    assert no_network == []


def test_the_demo_makes_no_connection(no_network, tmp_path):
    result = run("demo", "--out", tmp_path / "demo")
    assert result.exit_code == 0, result.stderr
    page = (tmp_path / "demo" / "graph.html").read_text(encoding="utf-8")
    assert "default-src 'none'" in page
    assert json.loads(page.split('id="kg-data">', 1)[1].split("</script>", 1)[0])["nodes"]
    assert no_network == []
