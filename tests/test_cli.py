"""The command line, driven as outside scripts drive it: CliRunner, JSON parsed."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from conftest import sample_graph
from nascar_kg.cli import cli
from nascar_kg.demo import sample_path
from nascar_kg.graph.model import Document, EntityRef, Evidence, GraphBatch, Relation
from nascar_kg.graph.rdf_store import RDFStore


def run(*args, input=None):
    return CliRunner().invoke(cli, [str(a) for a in args], input=input, catch_exceptions=False)


def run_json(*args):
    result = run(*args, "--format", "json")
    assert result.exit_code == 0, result.output + result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo")
    result = run("demo", "--out", out)
    assert result.exit_code == 0, result.stderr
    return out, result


@pytest.fixture
def hand_store(tmp_path):
    """A store holding the hand-built sample graph (no extractor involved)."""
    db = tmp_path / "db"
    with RDFStore(db) as store:
        store.write(sample_graph())
    return db


def test_demo_prints_endorsers_path_and_writes_html(demo_dir):
    out, result = demo_dir
    text = result.stdout
    for endorser in ("Bootie Barker", "Denny Hamlin", "Greg Biffle"):
        assert endorser in text
    assert "Cup ready right now" in text
    assert "Toyota ←affiliated_with— 23XI Racing ←drove_for— Corey Heim" in text
    html = (out / "graph.html").read_text(encoding="utf-8")
    assert "<script src=\"http" not in html and "<link href=\"http" not in html
    assert "Corey Heim" in html
    assert (out / "db").is_dir()


def test_demo_store_answers_queries_and_validates(demo_dir):
    db = demo_dir[0] / "db"
    data = run_json("--db", db, "who-endorses", "heim")
    assert data["endorsed"] == {"name": "Corey Heim", "type": "Driver"}
    endorsers = {e["name"]: e for e in data["endorsers"]}
    assert {"Bootie Barker", "Denny Hamlin", "Greg Biffle"} <= set(endorsers)
    assert all(e["evidence"] and e["evidence"][0]["text"] for e in endorsers.values())
    assert endorsers["Bootie Barker"]["type"] == "CrewChief"
    result = run("validate", "--db", db)
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "conforms" in result.stderr


def test_ingest_twice_leaves_stats_unchanged(tmp_path):
    db = tmp_path / "db"
    assert run("--db", db, "ingest", sample_path()).exit_code == 0
    first = run_json("--db", db, "stats")
    assert run("--db", db, "ingest", sample_path()).exit_code == 0
    assert run_json("--db", db, "stats") == first
    assert first["documents"] == 1
    assert first["relations"]["endorses"] >= 3


def test_bad_files_are_reported_and_the_rest_ingested(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    missing = tmp_path / "missing.txt"
    db = tmp_path / "db"
    result = run("--db", db, "ingest", missing, binary, sample_path(), empty)
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 3
    for path in (missing, binary, empty):
        assert sum(str(path) in line for line in errors) == 1
    assert "Traceback" not in result.stderr
    assert run_json("--db", db, "stats")["documents"] == 1


def test_who_endorses_json_csv_table(hand_store):
    data = run_json("--db", hand_store, "who-endorses", "Corey Heim")
    assert [e["name"] for e in data["endorsers"]] == ["Bootie Barker", "Denny Hamlin", "Greg Biffle"]
    assert data["endorsers"][0]["evidence"][0]["document"] == "sample.txt"
    csv_out = run("--db", hand_store, "who-endorses", "Corey Heim", "--format", "csv").stdout
    assert csv_out.splitlines()[0] == "endorser,type,confidence,document,evidence"
    assert len(csv_out.splitlines()) == 4
    table = run("--db", hand_store, "who-endorses", "Corey Heim", "--format", "table").stdout
    assert "Endorsers of Corey Heim (Driver):" in table and "Bootie Barker" in table


def test_global_options_after_the_command(hand_store, monkeypatch):
    monkeypatch.delenv("NASCAR_KG_DB", raising=False)
    data = run_json("stats", "--db", hand_store)
    assert data["entities"]["Driver"] == 4
    monkeypatch.setenv("NASCAR_KG_DB", str(hand_store))
    assert run_json("stats")["relations"]["owns"] == 1


def test_path_json_shape(hand_store):
    data = run_json("--db", hand_store, "path", "Toyota", "Corey Heim", "--limit", "3")
    assert data["from"] == {"name": "Toyota", "type": "Manufacturer"}
    assert data["to"] == {"name": "Corey Heim", "type": "Driver"}
    assert len(data["paths"]) <= 3
    assert {"nodes": [{"name": "Toyota", "type": "Manufacturer"},
                      {"name": "23XI Racing", "type": "Team"},
                      {"name": "Corey Heim", "type": "Driver"}],
            "edges": [{"subject": "23XI Racing", "predicate": "affiliated_with", "object": "Toyota"},
                      {"subject": "Corey Heim", "predicate": "drove_for",
                       "object": "23XI Racing"}]} in data["paths"]
    none = run_json("--db", hand_store, "path", "Toyota", "Corey Heim", "--via", "endorses")
    assert none["paths"] == []


def test_path_rejects_unknown_predicate(hand_store):
    result = run("--db", hand_store, "path", "Toyota", "Heim", "--via", "hates")
    assert result.exit_code == 2
    assert "unknown predicate 'hates'" in result.stderr


def test_neighbors_and_stats_json(hand_store):
    data = run_json("--db", hand_store, "neighbors", "23xi", "--relations", "owns,drove_for")
    assert data["center"] == {"name": "23XI Racing", "type": "Team"}
    assert sorted(n["name"] for n in data["nodes"]) == ["Corey Heim", "Denny Hamlin"]
    stats = run_json("--db", hand_store, "stats")
    assert set(stats) >= {"entities", "relations", "documents"}
    assert stats["relations"]["feuded_with"] == 1


def test_unknown_and_ambiguous_names_exit_2(hand_store):
    result = run("--db", hand_store, "who-endorses", "Corey Hiem")
    assert result.exit_code == 2
    assert "Corey Heim" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_queries_on_a_missing_store_exit_2(tmp_path):
    result = run("--db", tmp_path / "none", "stats")
    assert result.exit_code == 2
    assert "no store here yet" in result.stderr


def test_validate_names_the_violation(tmp_path):
    db = tmp_path / "db"
    batch = sample_graph()
    batch.relations.append(Relation(
        EntityRef("Joe Gibbs Racing", "Team"), "drove_for", EntityRef("Ty Gibbs", "Driver"),
        [Evidence(batch.documents[0], "x", 0, 1, 0.5, "test", "1")]))
    with RDFStore(db) as store:
        store.write(batch)
    result = run("--db", db, "validate", "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert not report["conforms"]
    assert "The subject of drove_for must be a Driver." in result.stderr
    assert "joe-gibbs-racing" in result.stderr


def test_extract_jsonl(tmp_path):
    result = run("--db", tmp_path / "none", "extract", sample_path(), "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert record["document"] == str(sample_path())
    assert {"entities", "relations"} <= set(record)
    rel = record["relations"][0]
    assert set(rel) >= {"subject", "subject_type", "predicate", "object", "object_type",
                        "evidence", "start", "end", "confidence"}
    text = sample_path().read_text(encoding="utf-8")
    for rel in record["relations"]:
        assert text[rel["start"]:rel["end"]] == rel["evidence"]


def test_evaluate_sample_gold(shared_dir):
    gold = shared_dir / "gold"
    data = run_json("evaluate", "--gold", gold)
    assert data["relations_coarse"]["f1"] >= 0.90
    assert data["entities"]["f1"] >= 0.90
    assert set(data["per_predicate"]) >= {"endorses", "drove_for"}
    strict = run("evaluate", "--gold", gold, "--min-f1", "1.0", "--format", "json")
    if data["relations_coarse"]["f1"] < 1.0:
        assert strict.exit_code == 1
        assert "below --min-f1" in strict.stderr


def test_evaluate_scores_external_predictions(shared_dir, tmp_path):
    extracted = run("extract", shared_dir / "corpus" / "heim-cup-ready.txt")
    record = json.loads(extracted.stdout)
    record["document"] = "heim-cup-ready"
    predictions = tmp_path / "pred.jsonl"
    predictions.write_text(json.dumps(record) + "\n", encoding="utf-8")
    data = run_json("evaluate", "--gold", shared_dir / "gold", "--predictions", predictions)
    direct = run_json("evaluate", "--gold", shared_dir / "gold")
    assert data["relations_coarse"] == direct["relations_coarse"]


def test_help_does_not_import_heavy_modules():
    code = ("import sys; from nascar_kg.cli import cli\n"
            "try:\n    cli(['--help'])\nexcept SystemExit:\n    pass\n"
            "heavy = [m for m in ('spacy', 'rdflib', 'pyvis', 'pyoxigraph', 'neo4j', 'networkx',"
            " 'matplotlib', 'pyshacl') if m in sys.modules]\n"
            "print('HEAVY', heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "HEAVY []" in out.stdout, out.stdout + out.stderr


def test_unexpected_errors_are_one_line(tmp_path, monkeypatch):
    import nascar_kg.queries.statistics as statistics

    def boom(store):
        raise RuntimeError("kaboom")

    monkeypatch.setattr(statistics, "stats", boom)
    monkeypatch.setattr("nascar_kg.queries.stats", boom)
    with RDFStore(tmp_path / "db") as store:
        store.write(GraphBatch(documents=[Document("e" * 64, "x")]))
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "db"), "stats"])
    assert result.exit_code == 70
    assert result.stderr.strip() == (
        "Error: unexpected RuntimeError: kaboom (set NASCAR_KG_DEBUG=1 for details)")


def test_viz_and_export_commands(hand_store, tmp_path):
    html = tmp_path / "heim.html"
    result = run("--db", hand_store, "viz", "--focus", "Corey Heim", "--depth", "1", "--out", html)
    assert result.exit_code == 0, result.stderr
    page = html.read_text(encoding="utf-8")
    assert "Bootie Barker" in page and "Sam Hunt Racing" in page
    out = tmp_path / "csv"
    result = run("--db", hand_store, "export", "--format", "csv", "--out", out,
                 "--focus", "23xi", "--depth", "1")
    assert result.exit_code == 0, result.stderr
    nodes = (out / "nodes.csv").read_text(encoding="utf-8").splitlines()
    assert nodes[0].startswith("Id,Label,")
    labels = {line.split(",")[1] for line in nodes[1:]}
    assert labels == {"23XI Racing", "Corey Heim", "Toyota", "Denny Hamlin"}
    import csv

    with open(out / "edges.csv", encoding="utf-8", newline="") as handle:
        edges = list(csv.DictReader(handle))
    assert list(edges[0])[:4] == ["Source", "Target", "Type", "Label"]
    name = {line.split(",")[0]: line.split(",")[1] for line in nodes[1:]}
    assert sorted((name[e["Source"]], e["Predicate"], name[e["Target"]]) for e in edges) == [
        ("23XI Racing", "affiliated_with", "Toyota"),
        ("Corey Heim", "affiliated_with", "Toyota"),
        ("Corey Heim", "drove_for", "23XI Racing"),
        ("Denny Hamlin", "endorses", "Corey Heim"),
        ("Denny Hamlin", "owns", "23XI Racing")]
    ttl = tmp_path / "g.ttl"
    assert run("--db", hand_store, "export", "--format", "turtle", "--out", ttl).exit_code == 0
    import rdflib

    g = rdflib.Graph().parse(ttl)
    assert len(g) > 100
    bad = run("--db", hand_store, "viz", "--focus", "Nobody Known", "--out", html)
    assert bad.exit_code == 2 and "Nobody Known" in bad.stderr
