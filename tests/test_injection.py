"""Injection: hostile names and quotes through every query language, export format and the page.

The strings of ``hostile.corpus.INJECTION_NAMES``/``INJECTION_TEXTS`` (SPARQL and
Cypher syntax, quotes, backslashes, ``\\u0022``, backticks, ``$param``, newlines,
``</script>``, ``"href"``, U+202E, zero-width joiners, emoji, spreadsheet formulas)
are written as names, aliases, evidence, document titles and sources, then:

* asked for on both backends (SPARQL in the embedded store, Cypher on the Bolt
  server), through the library and the command line: each comes back unchanged and
  the store is unchanged (parameters are bound, never pasted);
* pushed from the embedded store into Neo4j: the same graph comes back;
* exported in every format and parsed back (GraphML/GEXF with networkx, CSV with the
  csv module, JSON-LD/Turtle/N-Triples with rdflib, Cytoscape as JSON, the Cypher
  script run on the Bolt server): the same strings, and the file's structure (elements,
  rows, statements, lines) is that of the graph, not of the strings;
* drawn in the HTML page: the embedded JSON parses back to the same strings, the
  page's markup is the same as for a harmless graph, and in a real browser nothing
  runs, nothing is fetched, and every name is shown as text.
"""

from __future__ import annotations

import csv
import json
import os
import re
import xml.etree.ElementTree as ET
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import sample_graph
from hostile.corpus import INJECTION_NAMES, INJECTION_TEXTS, injection_batch
from nascar_kg.cli import cli
from nascar_kg.graph.model import GraphBatch
from nascar_kg.graph.neo4j_store import Neo4jStore
from nascar_kg.graph.networkx import to_networkx
from nascar_kg.graph.rdf_store import MemoryStore, RDFStore
from nascar_kg.queries import find_paths, neighbors, roster, who_endorses
from nascar_kg.visualizations.exports import export
from nascar_kg.visualizations.files import script_json
from nascar_kg.visualizations.html import html_string, page_data
from test_neo4j_contract import normalized

TEAMS = ["Team " + n for n in INJECTION_NAMES]
NKG = "https://w3id.org/nascar-kg/ontology#"


def neo4j_env(server) -> dict:
    return {"NEO4J_URI": server.uri, "NEO4J_USERNAME": server.user,
            "NEO4J_PASSWORD": server.password, "NEO4J_DATABASE": server.database,
            "NASCAR_KG_NEO4J_RETRY_SECONDS": "2", "NASCAR_KG_BACKEND": None}


def run(*args, env=None, input=None):
    return CliRunner().invoke(cli, [str(a) if isinstance(a, Path) else a for a in args],
                              env=env, input=input)


def answer(*args, env=None):
    result = run(*args, "--format", "json", env=env)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def the_graph() -> GraphBatch:
    batch = sample_graph()
    batch.extend(injection_batch())
    return batch


# -- the embedded store (SPARQL) ---------------------------------------------------------------

@pytest.fixture(scope="module")
def embedded(tmp_path_factory):
    db = tmp_path_factory.mktemp("injection") / "db"
    with RDFStore(db) as store:
        store.write(the_graph())
    return db


def _count(db) -> int:
    with RDFStore(db, read_only=True) as store:
        return store.count_triples()


def test_sparql_parameters_are_bound_not_pasted(embedded):
    before = _count(embedded)
    query = "SELECT ?n ?e WHERE { ?e nkg:name ?n }"
    with RDFStore(embedded, read_only=True) as store:
        for name in INJECTION_NAMES + INJECTION_TEXTS + TEAMS:
            rows = store.query(query, {"n": name})
            expected = 1 if name in INJECTION_NAMES or name in TEAMS else 0
            assert len(rows) == expected, name
            assert all(r["n"] == name for r in rows)
            got = store.query("SELECT ?e ?a WHERE { ?e nkg:alias ?a }", {"a": name + " alias"})
            assert len(got) == (name in INJECTION_NAMES)
    assert _count(embedded) == before


def test_library_queries_give_the_names_back(embedded):
    with RDFStore(embedded, read_only=True) as store:
        endorsers = {e["name"]: e for e in who_endorses(store, "Corey Heim")["endorsers"]}
        assert set(INJECTION_NAMES) <= set(endorsers)
        quotes = {ev["text"] for name in INJECTION_NAMES for ev in endorsers[name]["evidence"]}
        assert quotes == set(INJECTION_TEXTS)
        documents = {ev["document"] for name in INJECTION_NAMES
                     for ev in endorsers[name]["evidence"]}
        assert documents == {'hostile "doc" \\ }</script>.txt'}
        for name, team in zip(INJECTION_NAMES, TEAMS):
            around = neighbors(store, name)
            assert around["center"]["name"] == name
            assert team in {n["name"] for n in around["nodes"]}
            paths = find_paths(store, name, team, max_hops=1)
            assert [p["edges"][0]["object"] for p in paths["paths"]] == [team]
            drivers = roster(store, team)["drivers"]
            assert [d["name"] for d in drivers] == [name]


def test_query_sparql_command_with_hostile_parameters(embedded):
    before = _count(embedded)
    for i, name in enumerate(INJECTION_NAMES):
        rows = answer("--db", embedded, "query", "sparql",
                      "SELECT ?n ?type WHERE { ?e nkg:name ?n ; a ?type }",
                      "--param", "n=" + json.dumps(name))
        assert rows == [{"n": name, "type": NKG + "Driver"}]
        if i % 3:
            continue
        text = "SELECT ?n ?part WHERE { ?e nkg:name ?n FILTER(CONTAINS(?n, ?part)) }"
        rows = answer("--db", embedded, "query", "sparql", text,
                      "--param", "part=" + json.dumps(name))
        assert {r["n"] for r in rows} == {name, "Team " + name}
    assert _count(embedded) == before


# -- Neo4j (Cypher) --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def neo(bolt):
    with Neo4jStore(bolt.uri, bolt.user, bolt.password, bolt.database) as store:
        store.clear()
        store.write(the_graph())
    return bolt


def _neo_counts(server) -> tuple[int, int]:
    with Neo4jStore(server.uri, server.user, server.password, server.database,
                    read_only=True) as store:
        nodes = store.query("MATCH (n) RETURN count(n) AS c")[0]["c"]
        rels = store.query("MATCH ()-[r]->() RETURN count(r) AS c")[0]["c"]
    return nodes, rels


@pytest.mark.timeout(300)
def test_cypher_parameters_are_bound_not_pasted(neo):
    before = _neo_counts(neo)
    with Neo4jStore(neo.uri, neo.user, neo.password, neo.database, read_only=True) as store:
        for name in INJECTION_NAMES + TEAMS:
            rows = store.query("MATCH (n {name: $n}) RETURN n.name AS name", {"n": name})
            assert [r["name"] for r in rows] == [name]
        endorsers = {e["name"] for e in who_endorses(store, "Corey Heim")["endorsers"]}
        assert set(INJECTION_NAMES) <= endorsers
        for name, team in zip(INJECTION_NAMES, TEAMS):
            assert neighbors(store, name)["center"]["name"] == name
            assert [d["name"] for d in roster(store, team)["drivers"]] == [name]
    env = neo4j_env(neo)
    for name in INJECTION_NAMES:
        rows = answer("query", "cypher", "MATCH (d:Driver {name: $n})-[r:ENDORSES]->(h) "
                      "RETURN d.name AS name, h.name AS heim", "--param",
                      "n=" + json.dumps(name), env=env)
        assert rows == [{"name": name, "heim": "Corey Heim"}]
    assert _neo_counts(neo) == before


@pytest.mark.timeout(300)
def test_both_backends_answer_the_same(neo, embedded):
    env = neo4j_env(neo)
    for name in INJECTION_NAMES[::3]:
        for args in (["neighbors", "--format", "json", "--", name],
                     ["path", "--format", "json", "--", name, "Corey Heim"],
                     ["roster", "--format", "json", "--", "Team " + name]):
            here = run("--db", embedded, *args)
            there = run("--backend", "neo4j", *args, env=env)
            assert here.exit_code == there.exit_code == 0, there.stderr
            assert json.loads(here.stdout) == json.loads(there.stdout)


@pytest.mark.timeout(300)
def test_push_copies_the_hostile_graph(embedded, clean_bolt):
    result = run("--db", embedded, "push", "neo4j", "--batch-size", "7",
                 env=neo4j_env(clean_bolt))
    assert result.exit_code == 0, result.stderr
    with RDFStore(embedded, read_only=True) as source:
        expected = normalized(source.read_all())
    with Neo4jStore(clean_bolt.uri, clean_bolt.user, clean_bolt.password,
                    clean_bolt.database, read_only=True) as dest:
        got = normalized(dest.read_all())
    for part in expected:
        assert got[part] == expected[part], part


@pytest.mark.timeout(300)
def test_cypher_export_runs_on_the_server_and_gives_the_names_back(clean_bolt, tmp_path):
    import neo4j

    from nascar_kg.visualizations.readwrite.cypher import script_statements

    G = to_networkx(the_graph())
    (path,) = export(G, "cypher", tmp_path / "g.cypher", title=INJECTION_NAMES[0])
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    assert len(lines) == 2 + len({d["type"] for _, d in G.nodes(data=True)}) + \
        G.number_of_nodes() + G.number_of_edges() + 1  # comments, constraints, nodes, edges, ""
    statements = script_statements(text)
    with neo4j.GraphDatabase.driver(clean_bolt.uri, auth=clean_bolt.auth) as driver:
        with driver.session(database=clean_bolt.database) as session:
            for statement in statements:
                session.run(statement).consume()

        def q(query, **params):
            return driver.execute_query(query, params, database_=clean_bolt.database).records

        assert q("MATCH (n) RETURN count(n) AS c")[0]["c"] == G.number_of_nodes()
        assert q("MATCH ()-[r]->() RETURN count(r) AS c")[0]["c"] == G.number_of_edges()
        names = {r["n"] for r in q("MATCH (n) RETURN n.name AS n")}
        assert names == {d["name"] for _, d in G.nodes(data=True)}
        aliases = {a for r in q("MATCH (n:Driver) RETURN n.aliases AS a") for a in r["a"] or []}
        assert {n + " alias" for n in INJECTION_NAMES} <= aliases
        quotes = {t for r in q("MATCH ()-[r:ENDORSES]->() RETURN r.evidence_text AS t")
                  for t in r["t"]}
        assert set(INJECTION_TEXTS) <= quotes


# -- the exports --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def graph():
    return to_networkx(the_graph())


def _names(G) -> set[str]:
    return {d["name"] for _, d in G.nodes(data=True)}


def _quotes(G) -> set[str]:
    return {e["text"] for *_, d in G.edges(data=True) for e in d.get("evidence") or []}


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graphml_and_gexf(graph, tmp_path, fmt):
    from nascar_kg.visualizations.readwrite.gexf import read_gexf
    from nascar_kg.visualizations.readwrite.graphml import read_graphml

    (path,) = export(graph, fmt, tmp_path / f"g.{fmt}", title=INJECTION_NAMES[8])
    back = (read_graphml if fmt == "graphml" else read_gexf)(path)
    assert _names(back) == _names(graph)
    assert _quotes(back) == _quotes(graph)
    assert {tuple(d["aliases"]) for _, d in back.nodes(data=True)} == \
        {tuple(d.get("aliases") or ()) for _, d in graph.nodes(data=True)}
    root = ET.parse(path).getroot()
    local = Counter(el.tag.rsplit("}", 1)[-1] for el in root.iter())
    assert local["node"] == graph.number_of_nodes() and local["edge"] == graph.number_of_edges()
    assert not {"script", "CDATA"} & set(local)


def test_csv_files(graph, tmp_path):
    nodes_path, edges_path = export(graph, "csv", tmp_path / "csv")
    with open(nodes_path, encoding="utf-8", newline="") as fh:
        nodes = list(csv.reader(fh))
    with open(edges_path, encoding="utf-8", newline="") as fh:
        edges = list(csv.reader(fh))
    assert len(nodes) == graph.number_of_nodes() + 1 and len(edges) == graph.number_of_edges() + 1
    assert len({len(r) for r in nodes}) == 1 and len({len(r) for r in edges}) == 1
    label = nodes[0].index("Label")
    expected = {"'" + n if n[:1] in "=+-@\t\r" else n for n in _names(graph)}
    assert {r[label] for r in nodes[1:]} == expected
    for row in nodes[1:] + edges[1:]:
        assert all(cell[:1] not in ("=", "+", "-", "@", "\t", "\r") for cell in row), row
    evidence = edges[0].index("Evidence")
    quotes = {e["text"] for r in edges[1:] for e in json.loads(r[evidence])}
    assert quotes == _quotes(graph)


def test_cytoscape_json(graph, tmp_path):
    (path,) = export(graph, "cytoscape", tmp_path / "g.cyjs")
    data = json.loads(path.read_text(encoding="utf-8"))
    names = {n["data"]["name"] for n in data["elements"]["nodes"]}
    assert names == _names(graph)
    assert len(data["elements"]["edges"]) == graph.number_of_edges()


@pytest.mark.parametrize("fmt,rdflib_format", [("jsonld", "json-ld"), ("turtle", "turtle"),
                                               ("ntriples", "nt")])
def test_rdf_formats(graph, tmp_path, fmt, rdflib_format):
    import rdflib

    batch = the_graph()
    (path,) = export(graph, fmt, tmp_path / f"g.{fmt}", batch=batch)
    g = rdflib.Graph().parse(str(path), format=rdflib_format)
    names = {str(o) for o in g.objects(None, rdflib.URIRef(NKG + "name"))}
    assert _names(graph) <= names
    texts = {str(o) for o in g.objects(None, rdflib.URIRef(NKG + "text"))}
    assert set(INJECTION_TEXTS) <= texts
    titles = {str(o) for o in g.objects(None, rdflib.URIRef("http://purl.org/dc/terms/title"))}
    assert INJECTION_NAMES[0] in titles
    store = MemoryStore()
    with store:
        store.write(batch)
        assert len(g) == store.count_triples()


def test_mermaid_lines_keep_their_shape(graph, tmp_path):
    (path,) = export(graph, "mermaid", tmp_path / "g.mmd", title=INJECTION_NAMES[7])
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[:4] == ["---", "title: " + json.dumps(" ".join(INJECTION_NAMES[7].split()),
                                                      ensure_ascii=False), "---", "flowchart LR"]
    shapes = [r'    n\d+(\(\[|\(\(|\[|\{|\{\{|\[/|\[\\)"[^"\n]*"(\]\)|\)\)|\]|\}|\}\}|\\\]|/\])',
              r'    n\d+ (-->|---)\|"[^"\n]*"\| n\d+', r"    %% evidence: “.*",
              r"    classDef \w+ fill:#[0-9a-f]{6},stroke:#333,color:#fff", r"    class n\d+ \w+",
              r"    linkStyle \d+ stroke:#[0-9a-f]{6},stroke-width:2px", ""]
    for line in lines[4:]:
        assert any(re.fullmatch(shape, line) for shape in shapes), line
    assert sum(line.startswith("    n") and "|" not in line for line in lines) == \
        graph.number_of_nodes()


def test_svg_map_is_inert(graph, tmp_path):
    from nascar_kg.visualizations.filters import select

    G = select(graph, focus=INJECTION_NAMES[8], depth=1)
    (path,) = export(G, "svg", tmp_path / "g.svg", title=INJECTION_NAMES[9])
    root = ET.parse(path).getroot()
    tags = {el.tag.rsplit("}", 1)[-1] for el in root.iter()}
    assert "script" not in tags and "foreignObject" not in tags
    attributes = {a for el in root.iter() for a in el.attrib}
    assert not any(a.lower().startswith("on") for a in attributes)


# -- the HTML page ----------------------------------------------------------------------------

class Skeleton(HTMLParser):
    """Tags and attribute names of a page, and the contents of its script elements."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.scripts, self._in_script = [], [], False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, tuple(sorted(name for name, _ in attrs))))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


def skeleton(page: str) -> Skeleton:
    parser = Skeleton()
    parser.feed(page)
    return parser


def test_html_page_embeds_the_strings_as_data(graph):
    title = INJECTION_NAMES[8]
    page = html_string(graph, title=title, source_note=INJECTION_NAMES[9])
    harmless = html_string(to_networkx(sample_graph()), title="t", source_note="s")
    hostile, plain = skeleton(page), skeleton(harmless)
    assert hostile.tags == plain.tags  # the same markup: no element or attribute added
    assert len(hostile.scripts) == 3
    data = json.loads(hostile.scripts[0])
    assert data == json.loads(script_json(page_data(graph, title=title,
                                                    source_note=INJECTION_NAMES[9])))
    assert {n["name"] for n in data["nodeInfo"].values()} == _names(graph)
    quotes = {e["text"] for info in data["edgeInfo"].values() for e in info["evidence"]}
    assert quotes == _quotes(graph)
    assert data["title"] == title
    raw = page.split('id="kg-data">', 1)[1].split("</script>", 1)[0]
    assert not any(ch in raw for ch in "<>&\u2028\u2029")
    head = page.split("<script", 1)[0]
    assert "<title>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>" in head


def _find_chromium():
    from nascar_kg.visualizations.browser import find_chromium

    return find_chromium()


@pytest.mark.timeout(180)
@pytest.mark.skipif(_find_chromium() is None and not os.environ.get("NASCAR_KG_REQUIRE_CHROMIUM"),
                    reason="no Chromium on this machine (apt-get install chromium)")
def test_html_page_in_a_browser_runs_nothing_and_fetches_nothing(graph, tmp_path):
    from nascar_kg.visualizations.browser import Chromium
    from nascar_kg.visualizations.html import write_html

    out = write_html(graph, tmp_path / "hostile.html", title=INJECTION_NAMES[8],
                     source_note=INJECTION_NAMES[9]).resolve()
    with Chromium(timeout=60) as browser:
        page = browser.open(out.as_uri())
        page.wait_for("window.kgGraph && kgGraph.settled", timeout=60)
        labels = page.evaluate("kgGraph.nodes.get().map(n => n.label)")
        assert sorted(labels) == sorted(d["name"] for _, d in graph.nodes(data=True))
        shown = page.evaluate("""Object.keys(kgGraph.data.nodeInfo).map(function (id) {
            kgGraph.showNode(id);
            var d = document.getElementById("details");
            return [d.querySelector("h3").textContent,
                    [...d.querySelectorAll("blockquote")].map(q => q.textContent)]; })""")
        assert {name for name, _ in shown} == _names(graph)
        assert {q for _, quotes in shown for q in quotes} == _quotes(graph)
        for name in (INJECTION_NAMES[8], INJECTION_NAMES[1]):
            page.evaluate(f"""(function () {{
                document.getElementById("search").value = {json.dumps(name)};
                document.querySelector("#search-form button").click(); }})()""")
            assert page.evaluate('document.querySelector("#details h3").textContent') == name
        assert page.evaluate("document.title") == INJECTION_NAMES[8]
        assert page.evaluate('document.getElementById("source-note").textContent') \
            .endswith(INJECTION_NAMES[9])
        assert page.evaluate('document.querySelectorAll("script").length') == 3
        assert page.evaluate('document.querySelectorAll("img, iframe, object, embed").length') == 0
        assert page.errors() == [] and page.dialogs() == []
        assert [u for u in page.requests() if u != out.as_uri()
                and not u.startswith(("data:", "about:"))] == []
