"""Exports: every format writes, reads back with the same graph, and carries the evidence."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from nascar_kg.errors import UsageError
from nascar_kg.ontology import vocabulary
from nascar_kg.visualizations.exports import EXPORT_FORMATS, export
from nascar_kg.visualizations.files import atomic_path
from nascar_kg.visualizations.filters import select

from test_viz_sample import (HOSTILE_NAME, HOSTILE_QUOTE, hostile_batch, hostile_graph,
                             sample_batch, sample_graph)

CONTRACT_FORMATS = ("graphml", "gexf", "csv", "cytoscape", "jsonld", "turtle", "ntriples",
                    "cypher", "mermaid", "png", "svg")


def plain(value):
    """Lists for tuples, as any JSON-based format gives them back."""
    return json.loads(json.dumps(value))


def assert_same_graph(G, R):
    assert set(R.nodes) == set(G.nodes)
    assert sorted(R.edges(keys=True)) == sorted(G.edges(keys=True))
    for n, d in G.nodes(data=True):
        for key in ("name", "type", "aliases", "wikidata", "color", "shape"):
            assert R.nodes[n][key] == plain(d[key]), (n, key)
    for u, v, k, d in G.edges(keys=True, data=True):
        r = R.edges[u, v, k]
        for key in ("predicate", "confidence", "evidence", "seasons"):
            assert r[key] == plain(d[key]), (u, v, k, key)


def test_formats_are_the_contracts():
    assert EXPORT_FORMATS == CONTRACT_FORMATS


@pytest.mark.parametrize("fmt", CONTRACT_FORMATS)
def test_every_format_writes_atomically(fmt, tmp_path):
    paths = export(hostile_graph(), fmt, tmp_path / f"out.{fmt}", title="t",
                   batch=hostile_batch())
    assert paths and all(p.is_file() and p.stat().st_size > 0 for p in paths)
    leftovers = [p for p in tmp_path.rglob(".*") if p.is_file()]
    assert leftovers == []


def test_unknown_format_and_folder_target(tmp_path):
    with pytest.raises(UsageError, match="unknown export format"):
        export(sample_graph(), "xlsx", tmp_path / "x")
    (paths,) = [export(sample_graph(), "graphml", tmp_path)]
    assert paths == [tmp_path / "graph.graphml"]
    (tmp_path / "afile").write_text("x")
    with pytest.raises(UsageError, match="folder"):
        export(sample_graph(), "csv", tmp_path / "afile")


def test_atomic_write_keeps_the_old_file_on_failure(tmp_path):
    target = tmp_path / "g.graphml"
    target.write_text("old")
    with pytest.raises(RuntimeError):
        with atomic_path(target) as tmp:
            tmp.write_text("half")
            raise RuntimeError("interrupted")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["g.graphml"]


def test_graphml_round_trip(tmp_path):
    from nascar_kg.visualizations.readwrite.graphml import read_graphml

    G = hostile_graph()
    (path,) = export(G, "graphml", tmp_path / "g.graphml")
    assert_same_graph(G, read_graphml(path))
    raw = nx.read_graphml(path, force_multigraph=True)  # plain networkx, no helper
    ids = [k for *_, k in raw.edges(keys=True)]
    assert len(ids) == len(set(ids)) and all("/id/assertion/" in i for i in ids)
    d = raw.nodes["https://w3id.org/nascar-kg/id/person/corey-heim"]
    assert (d["r"], d["g"], d["b"]) == (31, 119, 180) and d["label"] == "Corey Heim"
    ET.parse(path)  # well-formed XML


def test_gexf_round_trip_with_viz_colors(tmp_path):
    from nascar_kg.visualizations.readwrite.gexf import read_gexf

    voc = vocabulary()
    G = hostile_graph()
    (path,) = export(G, "gexf", tmp_path / "g.gexf", title="Heim")
    assert_same_graph(G, read_gexf(path))
    raw = nx.read_gexf(path)
    for n, d in raw.nodes(data=True):
        hexa = voc.entity_classes[d["type"]].color.lstrip("#")
        c = d["viz"]["color"]
        assert (c["r"], c["g"], c["b"]) == tuple(int(hexa[i:i + 2], 16) for i in (0, 2, 4))
        assert d["label"] == d["name"]
    preds = {}
    for *_, d in raw.edges(data=True):
        assert d["label"] == voc.predicates[d["predicate"]].label
        preds[d["id"]] = d["predicate"]
    # networkx reads no edge viz: check the XML (what Gephi reads)
    ns = {"g": "http://www.gexf.net/1.2draft", "viz": "http://www.gexf.net/1.2draft/viz"}
    edges = ET.parse(path).getroot().findall(".//g:edge", ns)
    assert len(edges) == G.number_of_edges()
    for e in edges:
        c = e.find("viz:color", ns)
        hexa = voc.predicates[preds[e.get("id")]].color.lstrip("#")
        assert (int(c.get("r")), int(c.get("g")), int(c.get("b"))) == \
            tuple(int(hexa[i:i + 2], 16) for i in (0, 2, 4))


def test_csv_for_gephi_and_pandas(tmp_path):
    pd = pytest.importorskip("pandas")
    from nascar_kg.visualizations.readwrite.csvfiles import EDGE_COLUMNS, NODE_COLUMNS

    G = hostile_graph()
    G.add_node("https://w3id.org/nascar-kg/id/person/formula", name="=HYPERLINK(\"x\")",
               type="Person", aliases=["+1", "-1"], wikidata="", color="#8c564b", shape="dot")
    paths = export(G, "csv", tmp_path / "csv")
    assert [p.name for p in paths] == ["nodes.csv", "edges.csv"]
    nodes = pd.read_csv(tmp_path / "csv" / "nodes.csv", keep_default_na=False)
    edges = pd.read_csv(tmp_path / "csv" / "edges.csv", keep_default_na=False)
    assert tuple(nodes.columns) == NODE_COLUMNS and NODE_COLUMNS[:2] == ("Id", "Label")
    assert tuple(edges.columns) == EDGE_COLUMNS
    assert EDGE_COLUMNS[:4] == ("Source", "Target", "Type", "Label")
    assert len(nodes) == G.number_of_nodes() and len(edges) == G.number_of_edges()
    assert set(nodes["Id"]) == set(G.nodes)
    labels = dict(zip(nodes["Id"], nodes["Label"]))
    assert labels["https://w3id.org/nascar-kg/id/person/formula"] == "'=HYPERLINK(\"x\")"
    assert HOSTILE_NAME in set(nodes["Label"])
    for col in nodes.columns:
        assert not nodes[col].astype(str).str.match(r"^[=+\-@\t\r]").any(), col
    for col in edges.columns:
        assert not edges[col].astype(str).str.match(r"^[=+\-@\t\r]").any(), col
    assert set(edges["Type"]) == {"Directed", "Undirected"}
    feud = edges[edges["Predicate"] == "feuded_with"]
    assert set(feud["Type"]) == {"Undirected"}
    quotes = [e["text"] for cell in edges["Evidence"] for e in json.loads(cell)]
    assert HOSTILE_QUOTE in quotes
    assert "heim-cup-ready.txt" in json.loads(edges["Sources"].iloc[0])
    assert edges["Weight"].between(0, 1).all()


def test_cytoscape_round_trip(tmp_path):
    from nascar_kg.visualizations.readwrite.cytoscape import read_cytoscape

    G = hostile_graph()
    (path,) = export(G, "cytoscape", tmp_path / "g.cyjs")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert len(data["elements"]["nodes"]) == G.number_of_nodes()
    R = read_cytoscape(path)
    assert_same_graph(G, R)


def rdf_parse(path, fmt):
    import rdflib

    return rdflib.Graph().parse(str(path), format=fmt)


@pytest.mark.parametrize("use_batch", [False, True])
def test_rdf_formats_parse_to_the_same_triples(tmp_path, use_batch):
    from nascar_kg.visualizations.readwrite.rdf import rdf_graph

    G = hostile_graph()
    batch = hostile_batch() if use_batch else None
    source = set(rdf_graph(G, batch))
    for fmt, parser in (("turtle", "turtle"), ("jsonld", "json-ld"), ("ntriples", "nt")):
        (path,) = export(G, fmt, tmp_path / f"g.{fmt}", batch=batch)
        assert set(rdf_parse(path, parser)) == source, fmt
    nt = (tmp_path / "g.ntriples").read_text(encoding="utf-8").split("\n")[:-1]
    assert nt == sorted(nt)


def test_rdf_carries_evidence_and_provenance(tmp_path):
    import rdflib

    NKG = rdflib.Namespace("https://w3id.org/nascar-kg/ontology#")
    (path,) = export(hostile_graph(), "turtle", tmp_path / "g.ttl", batch=hostile_batch())
    g = rdf_parse(path, "turtle")
    texts = {str(o) for o in g.objects(None, NKG.text)}
    assert HOSTILE_QUOTE in texts and any("Cup ready right now" in t for t in texts)
    doc = rdflib.URIRef("https://w3id.org/nascar-kg/id/document/" + ("5a" * 16))
    assert (doc, NKG.sha256, rdflib.Literal("5a" * 32)) in g  # the real document, from the batch
    assert len(set(g.subjects(rdflib.RDF.type, NKG.SeasonRecord))) == 4
    names = {str(o) for o in g.objects(None, NKG.name)}
    assert HOSTILE_NAME in names


def test_rdf_export_of_a_focus_keeps_only_that_part(tmp_path):
    import rdflib

    NKG = rdflib.Namespace("https://w3id.org/nascar-kg/ontology#")
    G = select(sample_graph(), focus="Ty Gibbs", depth=1)
    (path,) = export(G, "turtle", tmp_path / "g.ttl", batch=sample_batch())
    g = rdf_parse(path, "turtle")
    named = {str(o) for o in g.objects(None, NKG.name)}
    assert named == {G.nodes[n]["name"] for n in G}
    assert len(set(g.subjects(rdflib.RDF.type, NKG.Assertion))) == G.number_of_edges()


def test_mermaid_escapes_names_and_keeps_evidence_as_comments(tmp_path):
    (path,) = export(hostile_graph(), "mermaid", tmp_path / "g.mmd", title="A <b> title")
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    assert lines[0] == "---" and lines[3] == "flowchart LR"
    body = [ln for ln in lines[4:] if ln.strip() and not ln.strip().startswith("%%")]
    for ln in body:
        # inside a quoted label nothing can close it or open markup
        for part in ln.split('"')[1::2]:
            assert "<" not in part and ">" not in part and "\\" not in part
    assert "Evil #60;img src=x onerror=alert(1)#62;" in text
    comments = [ln for ln in lines if ln.strip().startswith("%%")]
    assert any("Cup ready right now" in c for c in comments)
    assert not any(c.strip().startswith("%%{") for c in comments)
    assert "classDef Driver fill:#1f77b4" in text
    assert text.count("linkStyle") == hostile_graph().number_of_edges()


def test_property_names_that_formats_reserve_do_not_clash(tmp_path):
    from nascar_kg.visualizations.readwrite.gexf import read_gexf
    from nascar_kg.visualizations.readwrite.graphml import read_graphml

    G = sample_graph()
    heim = "https://w3id.org/nascar-kg/id/person/corey-heim"
    G.nodes[heim].update(id="not-an-id", label="L", length=1.5)
    for reader, fmt in ((read_graphml, "graphml"), (read_gexf, "gexf")):
        (path,) = export(G, fmt, tmp_path / f"g.{fmt}")
        R = reader(path)
        assert set(R.nodes) == set(G.nodes)
        assert R.nodes[heim]["property_id"] == "not-an-id" and R.nodes[heim]["length"] == 1.5
