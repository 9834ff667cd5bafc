"""Property-based injection tests (hypothesis): arbitrary names and texts, every way out.

For any Unicode name and quote (lone surrogates aside: they are not text):

* the embedded store gives them back exactly, found through a bound parameter, and
  a query with them as parameters changes nothing;
* a Cypher string literal of the export reads back as the same string on the Bolt
  server;
* CSV output (the ``--format csv`` of every listing and the CSV export) parses back to
  the same cells, with a ``'`` before those a spreadsheet would run;
* GraphML and GEXF parse back to the same strings, control characters XML cannot hold
  aside (U+FFFD);
* the HTML page keeps its markup, and its data parses back to the same strings;
* messages and tables on the terminal are one line with nothing a terminal acts on;
* the query guards (read-only SPARQL and Cypher, no SERVICE) never raise.
"""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from hostile.corpus import INJECTION_NAMES, INJECTION_TEXTS
from nascar_kg.graph.model import (
    Document, Entity, EntityRef, Evidence, GraphBatch, Relation, slugify,
)
from nascar_kg.graph.networkx import to_networkx
from nascar_kg.graph.rdf_store import MemoryStore

TEXT = st.text(alphabet=st.characters(exclude_categories=("Cs",)), min_size=1, max_size=40)
"""Any text (no lone surrogates): control characters, RTL marks, emoji, quotes included."""
NAMES = st.one_of(TEXT, st.sampled_from(INJECTION_NAMES),
                  st.lists(st.sampled_from(INJECTION_NAMES + ["\\", "'", '"', "}", "\n", "$"]),
                           min_size=1, max_size=4).map("".join))


def props(n: int):
    return settings(max_examples=n, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow,
                                           HealthCheck.function_scoped_fixture])


HEIM = EntityRef("Corey Heim", "Driver")
DOC = Document("f" * 64, "property.txt")


def one_endorser(name: str, quote: str) -> GraphBatch:
    return GraphBatch(entities=[Entity(name, "Driver", (name + " alias",))], documents=[DOC],
                      relations=[Relation(EntityRef(name, "Driver"), "endorses", HEIM,
                                          [Evidence(DOC, quote, 0, len(quote), 0.9)])])


@props(30)
@given(name=NAMES, quote=NAMES)
@example(name='"}} ; DROP ALL', quote="\\u0022")
def test_the_store_gives_any_name_back(name, quote):
    assume(name.strip() and slugify(name) != slugify("Corey Heim"))
    from nascar_kg.queries import who_endorses

    store = MemoryStore()
    with store:
        store.write(one_endorser(name, quote))
        before = store.count_triples()
        rows = store.query("SELECT ?e ?n WHERE { ?e nkg:name ?n }", {"n": name})
        assert [r["n"] for r in rows] == [name]
        rows = store.query("SELECT ?e ?a WHERE { ?e nkg:alias ?a }", {"a": name + " alias"})
        assert len(rows) == 1
        endorsers = who_endorses(store, "Corey Heim")["endorsers"]
        assert [(e["name"], [ev["text"] for ev in e["evidence"]]) for e in endorsers] == \
            [(name, [quote])]
        assert store.count_triples() == before


@pytest.fixture(scope="module")
def bolt_session(bolt):
    import neo4j

    with neo4j.GraphDatabase.driver(bolt.uri, auth=bolt.auth) as driver:
        with driver.session(database=bolt.database) as session:
            yield session


@props(40)
@given(text=st.one_of(TEXT, st.sampled_from(INJECTION_NAMES + INJECTION_TEXTS)))
@example(text="'; MATCH (n) DETACH DELETE n; //")
@example(text="\\u0041 \\' \\\\")
def test_cypher_literals_read_back_as_the_same_string(bolt_session, text):
    from nascar_kg.visualizations.readwrite.cypher import string

    record = bolt_session.run(f"RETURN {string(text)} AS x, 1 AS one").single()
    assert record["x"] == text and record["one"] == 1


def _neutralised(value: str) -> str:
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


@props(80)
@given(rows=st.lists(st.fixed_dictionaries({"name": NAMES, "evidence": NAMES}), min_size=1,
                     max_size=4))
def test_csv_output_parses_back_to_the_same_cells(rows):
    from nascar_kg.cli.output import to_csv
    from nascar_kg.visualizations.readwrite.csvfiles import table

    back = list(csv.DictReader(io.StringIO(to_csv(rows), newline="")))
    assert back == [{k: _neutralised(v) for k, v in row.items()} for row in rows]
    back = list(csv.reader(io.StringIO(table(["name", "evidence"],
                                             [(r["name"], r["evidence"]) for r in rows]),
                                       newline="")))
    assert back[1:] == [[_neutralised(r["name"]), _neutralised(r["evidence"])] for r in rows]


@props(30)
@given(name=NAMES, quote=NAMES, fmt=st.sampled_from(["graphml", "gexf"]))
@example(name="\x00\x1b[31m\x0b", quote="]]><!--", fmt="graphml")
def test_graphml_and_gexf_give_the_strings_back(tmp_path_factory, name, quote, fmt):
    assume(name.strip() and slugify(name) != slugify("Corey Heim"))
    from nascar_kg.visualizations.exports import export
    from nascar_kg.visualizations.readwrite.common import xml_text
    from nascar_kg.visualizations.readwrite.gexf import read_gexf
    from nascar_kg.visualizations.readwrite.graphml import read_graphml

    G = to_networkx(one_endorser(name, quote))
    (path,) = export(G, fmt, tmp_path_factory.mktemp(fmt) / f"g.{fmt}", title=quote)
    back = (read_graphml if fmt == "graphml" else read_gexf)(path)
    assert {d["name"] for _, d in back.nodes(data=True)} == {xml_text(name), "Corey Heim"}
    (quotes,) = [[e["text"] for e in d["evidence"]] for *_, d in back.edges(data=True)]
    # evidence travels as JSON, which escapes control characters: only U+FFFE/U+FFFF go
    assert quotes == [json.loads(xml_text(json.dumps(quote, ensure_ascii=False)))]


_BASELINE = {}


_SLOTS = [r'(<script type="application/json" id="kg-data">)(.*?)(</script>)',
          r"(<title>)(.*?)(</title>)", r'(<h1 id="title">)(.*?)(</h1>)',
          r'(<span class="source" id="source-note">)(.*?)(</span>)']


def _markup(page: str) -> tuple[str, list[str]]:
    """The page with its four slots for data emptied, and what they held."""
    held = []
    for slot in _SLOTS:
        match = re.search(slot, page, flags=re.S)
        held.append(match.group(2))
        page = page[:match.start(2)] + page[match.end(2):]
    return page, held


@props(30)
@given(name=NAMES, quote=NAMES)
@example(name="</script><script>alert(1)</script>", quote="<!--")
@example(name="\u2028</h1><h1 id=\"title\">", quote="</SCRIPT ></span>")
def test_the_html_page_keeps_its_markup(name, quote):
    assume(name.strip() and quote.strip() and slugify(name) != slugify("Corey Heim"))
    from html import unescape

    from nascar_kg.visualizations.html import html_string

    G = to_networkx(one_endorser(name, quote))
    markup, (raw, title, heading, note) = _markup(html_string(G, title=name, source_note=quote))
    if "markup" not in _BASELINE:
        _BASELINE["markup"] = _markup(html_string(to_networkx(one_endorser("A B", "q")),
                                                  title="t", source_note="s"))[0]
    assert markup == _BASELINE["markup"]
    assert not set("<>&\u2028\u2029") & set(raw)
    assert not set("<>") & set(title + heading + note)
    data = json.loads(raw)
    assert {info["name"] for info in data["nodeInfo"].values()} == {name, "Corey Heim"}
    assert [e["text"] for info in data["edgeInfo"].values() for e in info["evidence"]] == [quote]
    assert data["title"] == name and data["sourceNote"] == quote
    assert unescape(title) == unescape(heading) == name and unescape(note) == quote


@props(200)
@given(text=st.text())
def test_terminal_output_is_one_inert_line(text):
    from nascar_kg.cli.output import _cell, terminal_safe

    for shown in (terminal_safe(text), _cell(text)):
        assert "\n" not in shown and "\r" not in shown and "\x1b" not in shown
        assert not re.search("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]", shown)
        shown.encode("utf-8")


@props(300)
@given(text=st.text(max_size=200))
def test_query_guards_never_raise(text):
    from nascar_kg.cli.backends import sparql_nesting, sparql_network_keywords, \
        sparql_update_keywords
    from nascar_kg.graph.neo4j_guard import write_clauses

    assert isinstance(sparql_update_keywords(text), list)
    assert isinstance(sparql_network_keywords(text), list)
    assert sparql_nesting(text) >= 0
    assert isinstance(write_clauses(text), list)


@props(100)
@given(prefix=st.sampled_from(["", "SELECT * WHERE { ", "# comment\n", "PREFIX x: <urn:x> "]),
       keyword=st.sampled_from(["INSERT DATA", "DELETE WHERE", "CLEAR ALL", "DROP ALL",
                                "LOAD <urn:x>", "SERVICE <http://x>", "insert data",
                                "Service silent <http://x>"]),
       padding=st.sampled_from([" ", "\n", "\t", "  \n "]))
def test_update_and_service_keywords_are_found_wherever_they_are(prefix, keyword, padding):
    from nascar_kg.cli.backends import sparql_network_keywords, sparql_update_keywords

    text = prefix + padding + keyword + padding + "{ ?s ?p ?o }"
    found = sparql_update_keywords(text) + sparql_network_keywords(text)
    assert keyword.split()[0].upper() in found
