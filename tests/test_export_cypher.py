"""The Cypher export: valid Neo4j 5 Cypher, hostile strings escaped, run on the test Bolt server."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from nascar_kg.ontology import vocabulary
from nascar_kg.visualizations.exports import export
from nascar_kg.visualizations.readwrite.cypher import cypher_script, script_statements, string

from server_fixtures import bolt, clean_bolt  # noqa: F401
from test_viz_sample import HOSTILE_NAME, HOSTILE_QUOTE, hostile_graph

NASTY = ["it's", 'say "hi"', "back\\slash", "brace } { ", "new\nline", "tab\tcr\r",
         "\u2028\u2029", "nul\x00bell\x07", "emoji \U0001F440", "// not a comment",
         "'; MATCH (n) DETACH DELETE n; //", "`backtick`", "\\u0041 literal"]


def test_string_literals_never_end_early():
    for s in NASTY:
        lit = string(s)
        assert lit[0] == lit[-1] == "'"
        body = lit[1:-1]
        assert "\n" not in body and "\r" not in body and "\u2028" not in body
        # every quote inside is escaped: removing escape pairs leaves no quote
        assert "'" not in re.sub(r"\\.", "", body)


def test_script_has_one_statement_per_line():
    G = hostile_graph()
    text = cypher_script(G)
    stmts = script_statements(text)
    voc = vocabulary()
    creates = [s for s in stmts if s.startswith("CREATE CONSTRAINT")]
    merges = [s for s in stmts if s.startswith("MERGE (n:")]
    rels = [s for s in stmts if s.startswith("MATCH (a:")]
    assert len(merges) == G.number_of_nodes() and len(rels) == G.number_of_edges()
    assert len(creates) == len({d["type"] for _, d in G.nodes(data=True)})
    assert len(stmts) == len(creates) + len(merges) + len(rels)
    for s in merges:
        label = re.match(r"MERGE \(n:(\w+) \{iri: '", s).group(1)
        assert label in voc.entity_classes
    types = {re.search(r"-\[r:(\w+)\]->", s).group(1) for s in rels}
    assert types <= {p.cypher_type for p in voc.predicates.values()}
    assert "apoc" not in text.lower()


@pytest.mark.timeout(300)
def test_script_reproduces_the_counts_on_the_bolt_server(clean_bolt, tmp_path):  # noqa: F811
    import neo4j

    G = hostile_graph()
    (path,) = export(G, "cypher", tmp_path / "g.cypher")
    stmts = script_statements(path.read_text(encoding="utf-8"))
    voc = vocabulary()
    with neo4j.GraphDatabase.driver(clean_bolt.uri, auth=clean_bolt.auth) as driver:
        def q(text):
            return driver.execute_query(text, database_=clean_bolt.database).records

        for _ in range(2):  # running it twice changes nothing
            with driver.session(database=clean_bolt.database) as session:
                for s in stmts:
                    session.run(s).consume()
            assert q("MATCH (n) RETURN count(n) AS c")[0]["c"] == G.number_of_nodes()
            assert q("MATCH ()-[r]->() RETURN count(r) AS c")[0]["c"] == G.number_of_edges()
        by_label = Counter(d["type"] for _, d in G.nodes(data=True))
        for label, count in by_label.items():
            assert q(f"MATCH (n:{label}) RETURN count(n) AS c")[0]["c"] == count
        by_type = Counter(voc.predicates[d["predicate"]].cypher_type
                          for *_, d in G.edges(data=True))
        got = {r["t"]: r["c"] for r in q("MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS c")}
        assert got == dict(by_type)
        evil = q("MATCH (n:Driver) WHERE n.name STARTS WITH 'Evil' "
                 "RETURN n.name AS name, n.aliases AS aliases")
        assert [r["name"] for r in evil] == [HOSTILE_NAME]
        assert evil[0]["aliases"] == ["=cmd|' /C calc'!A0", "@SUM(1+1)"]
        texts = driver.execute_query(
            "MATCH (a:Driver)-[r:ENDORSES]->(b) WHERE a.name = $n "
            "RETURN r.evidence_text AS t, r.sources AS s, r.confidence AS c, b.name AS b",
            n=HOSTILE_NAME, database_=clean_bolt.database).records
        assert texts[0]["t"] == [HOSTILE_QUOTE]
        assert texts[0]["s"] == ["heim-cup-ready.txt"]
        assert texts[0]["b"] == "Corey Heim"
        seasons = q("MATCH (:Driver {name: 'Corey Heim'})-[r:DROVE_FOR]->(:Team {name: "
                    "'TRICON Garage'}) RETURN r.season_years AS y")
        assert seasons[0]["y"] == [2023, 2024, 2025]
