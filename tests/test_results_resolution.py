"""Entity resolution of race results: one node per person or team, across spellings and sources.

The rule (``loaders/results_resolve.py`` and the README): registry names and
aliases first; then names equal up to case, spacing and punctuation; then an
entity already in the store with such a name; then the most frequent spelling.
Look-alikes that differ otherwise stay apart.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from conftest import sample_graph
from nascar_kg.graph.model import Document, Entity, EntityRef, Evidence, GraphBatch, Relation
from nascar_kg.graph.rdf_store import MemoryStore, RDFStore
from nascar_kg.loaders.results import load_results
from nascar_kg.loaders.results_resolve import Resolver, compact_key
from nascar_kg.ontology.registry import load_registry, parse_registry
from nascar_kg.queries import career, resolve_entity, roster

DATA = Path(__file__).resolve().parent / "data" / "results"
ALL = [str(DATA / f"{s}_series.csv") for s in ("cup", "nxs", "truck")]
HEADER = ("Season,Race,Track,Name,Length,Surface,Finish,Start,Car,Driver,Make,Pts,Laps,Led,"
          "Status,Team,S1,S2,Rating,Win,Seg Points")


def _row(season, race, finish, car, driver, make, team):
    win = "1.0" if finish == 1 else "0.0"
    return (f"{season},{race},Iowa Speedway,Race {race},0.875,paved,{finish},1,{car},{driver},"
            f"{make},,100,0,running,{team},,,,{win},")


def _results_file(tmp_path, rows, name="truck_series.csv"):
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return str(path)


def _teams(store):
    return sorted(e.name for e in store.read_all().entities if e.type == "Team")


def _article(relations, entities=()):
    doc = Document("b" * 64, "article.txt", title="An article")
    rels = [Relation(EntityRef(s, st), p, EntityRef(o, ot),
                     [Evidence(doc, f"{s} {p} {o}", 0, 10, 0.9, "test", "1")])
            for s, st, p, o, ot in relations]
    return GraphBatch(entities=list(entities), documents=[doc], relations=rels)


@pytest.fixture
def loaded():
    with MemoryStore() as store:
        load_results(store, ALL)
        yield store


# ---------------------------------------------------------------------- within the results
def test_case_variants_of_a_team_are_one_node_under_the_registry_name(loaded):
    teams = _teams(loaded)
    assert "TRICON Garage" in teams and "Tricon Garage" not in teams
    drivers = {d["name"] for d in roster(loaded, "Tricon Garage")["drivers"]}
    assert {"Corey Heim", "Tanner Gray", "Giovanni Ruggiero"} <= drivers
    assert "Joe Gibbs Racing" in teams and "joe gibbs racing" not in teams
    assert {d["name"] for d in roster(loaded, "JGR")["drivers"]} == {"Denny Hamlin",
                                                                     "Christopher Bell"}


def test_punctuation_variants_are_one_node(loaded):
    teams = _teams(loaded)
    assert "McAnally Hilgemann Racing" in teams          # the registry's spelling
    assert "McAnally-Hilgemann Racing" not in teams
    # not in the registry: the most frequent spelling names it, the other is an alias
    assert "Lil' Ricky Racing" in teams and "LIL RICKY RACING" not in teams
    _, ref = resolve_entity(loaded, "LIL RICKY RACING")
    assert ref.name == "Lil' Ricky Racing"
    assert [d["starts"] for d in roster(loaded, "Lil' Ricky Racing")["drivers"]] == [2, 1]


def test_registry_aliases_map_to_canonical_names(loaded):
    teams = _teams(loaded)
    assert "RFK Racing" in teams and "Roush Fenway Racing" not in teams
    names = {e.name for e in loaded.read_all().entities}
    assert "A.J. Allmendinger" in names and "AJ Allmendinger" not in names
    assert career(loaded, "AJ Allmendinger")["entity"]["name"] == "A.J. Allmendinger"


def test_look_alikes_stay_apart(loaded):
    teams = _teams(loaded)
    assert "Joe Gibbs Racing" in teams and "Don Gibbs Racing" in teams
    assert [d["name"] for d in roster(loaded, "Don Gibbs Racing")["drivers"]] == ["Don Smith"]
    names = {e.name: e.type for e in loaded.read_all().entities}
    # a driver and the owner-named team of the same person are different nodes
    assert names["Eddie Pagan"] == "Driver" and names["Eddie Pagan (Owner)"] == "Team"


def test_tie_goes_to_the_latest_spelling(tmp_path):
    rows = [_row(2023, 1, 1, "7", "Ann Driver", "Ford", "Acme Racing"),
            _row(2024, 1, 1, "7", "Ann Driver", "Ford", "ACME-Racing")]
    with MemoryStore() as store:
        load_results(store, [_results_file(tmp_path, rows)])
        assert "ACME-Racing" in _teams(store) and "Acme Racing" not in _teams(store)
        seasons = career(store, "Ann Driver")["seasons"]
        assert [(s["season"], s["team"]) for s in seasons] == [(2023, "ACME-Racing"),
                                                               (2024, "ACME-Racing")]


# ---------------------------------------------------------------------- across sources
@pytest.mark.parametrize("article_first", [True, False])
def test_article_and_results_share_nodes(tmp_path, article_first):
    article = _article([("Corey Heim", "Person", "drove_for", "Tricon Garage", "Team")],
                       [Entity("Corey Heim", "Person"), Entity("Tricon Garage", "Team")])
    with RDFStore(tmp_path / "db") as store:
        if article_first:
            store.write(article)
            load_results(store, ALL)
        else:
            load_results(store, ALL)
            store.write(article)
        batch = store.read_all()
        tricon = [e for e in batch.entities if e.type == "Team" and "tricon" in e.name.lower()]
        heims = [e for e in batch.entities if e.name == "Corey Heim"]
        assert len(tricon) == 1 and len(heims) == 1
        assert heims[0].type == "Driver"                     # Driver wins over Person
        # the first name written stays the name; the other spelling is an alias
        expected = "Tricon Garage" if article_first else "TRICON Garage"
        assert tricon[0].name == expected
        rel = next(r for r in batch.relations if r.subject.name == "Corey Heim"
                   and r.object.name == expected)
        kinds = {e.document.kind for e in rel.evidence}
        assert kinds == {"article", "results"}
        assert sorted(s.season for s in rel.seasons) == [2023, 2024, 2025]
        seasons = career(store, "heim")["seasons"]
        assert [s["season"] for s in seasons if s["team"] == expected] == [2023, 2024, 2025]


def test_sample_article_graph_and_results_meet(tmp_path):
    with RDFStore(tmp_path / "db") as store:
        store.write(sample_graph())
        load_results(store, ALL)
        batch = store.read_all()
        assert len([e for e in batch.entities if e.name == "23XI Racing"]) == 1
        rel = next(r for r in batch.relations if (r.subject.name, r.predicate, r.object.name)
                   == ("23XI Racing", "affiliated_with", "Toyota"))
        assert {e.document.kind for e in rel.evidence} == {"article", "results"}


def test_store_spelling_variant_joins_the_stored_entity(tmp_path):
    """Rule 3: a team the store knows as "AJ Foyt Racing" is the results' "A.J. Foyt Racing"."""
    article = _article([("Ann Driver", "Driver", "drove_for", "AJ Foyt Racing", "Team")])
    rows = [_row(2024, 1, 3, "14", "Ann Driver", "Chevrolet", "A.J. Foyt Racing"),
            _row(2024, 2, 5, "14", "Ann Driver", "Chevrolet", "A.J. Foyt Racing")]
    with RDFStore(tmp_path / "db") as store:
        store.write(article)
        load_results(store, [_results_file(tmp_path, rows, "cup_series.csv")])
        teams = _teams(store)
        assert teams == ["AJ Foyt Racing"]
        _, ref = resolve_entity(store, "A.J. Foyt Racing")
        assert ref.name == "AJ Foyt Racing"
        assert career(store, "Ann Driver")["seasons"][0]["starts"] == 2


def test_article_spelling_of_a_results_name_is_the_results_node(tmp_path):
    """An article writing "JP Quillan" after results that write "J.P. Quillan" (and a
    team without its hyphen) adds no second node: the extraction shows the article's
    spelling, the graph keeps the results' name and learns the spelling as an alias."""
    from nascar_kg.loaders.articles import ingest
    from nascar_kg.loaders.extraction import Extractor
    from nascar_kg.queries.names import results_names

    rows = [_row(2024, 1, 3, "14", "J.P. Quillan", "Chevrolet", "Brock-Farrow Racing"),
            _row(2024, 2, 5, "14", "J.P. Quillan", "Chevrolet", "Brock-Farrow Racing")]
    article = tmp_path / "story.txt"
    article.write_text("JP Quillan drove the No. 14 Chevrolet for Brock Farrow Racing "
                       "on Sunday and finished third.\n", encoding="utf-8")
    with RDFStore(tmp_path / "db") as store:
        load_results(store, [_results_file(tmp_path, rows, "cup_series.csv")])
        extractor = Extractor(registry=parse_registry({"entities": [], "facts": []}),
                              extra_names=results_names(store))
        shown = extractor.extract(article.read_text(encoding="utf-8"))
        assert {e.name for e in shown.entities} >= {"JP Quillan", "Brock Farrow Racing"}
        ingest(store, [str(article)], extractor=extractor)
        batch = store.read_all()
        people = [e for e in batch.entities if "quillan" in e.name.lower()]
        assert [e.name for e in people] == ["J.P. Quillan"]
        assert "JP Quillan" in people[0].aliases
        assert _teams(store) == ["Brock-Farrow Racing"]
        rel = next(r for r in batch.relations if r.predicate == "drove_for")
        assert (rel.subject.name, rel.object.name) == ("J.P. Quillan", "Brock-Farrow Racing")
        assert {e.document.kind for e in rel.evidence} == {"article", "results"}


def test_ambiguous_store_variants_are_not_guessed(tmp_path):
    article = _article([("Ann Driver", "Driver", "drove_for", "AJ Foyt Racing", "Team"),
                        ("Bob Driver", "Driver", "drove_for", "AJFoyt Racing", "Team")])
    rows = [_row(2024, 1, 3, "14", "Ann Driver", "Chevrolet", "A.J. Foyt Racing")]
    with RDFStore(tmp_path / "db") as store:
        store.write(article)
        load_results(store, [_results_file(tmp_path, rows, "cup_series.csv")])
        assert "A.J. Foyt Racing" in _teams(store)


# ---------------------------------------------------------------------- the rule itself
def test_compact_key():
    assert compact_key("McAnally-Hilgemann Racing") == compact_key("MCANALLY HILGEMANN racing")
    assert compact_key("B & B Racing") == compact_key("BB Racing")
    assert compact_key("Joe Gibbs Racing") != compact_key("Don Gibbs Racing")
    assert compact_key("Señor Racing") == compact_key("senor racing")


def test_resolver_prefers_registry_then_store_then_frequency():
    resolver = Resolver(load_registry(), existing=[("team", "Stored Name Racing",
                                                    "stored-name racing")])
    counts = Counter({"Tricon Garage": 5, "TRICON GARAGE": 1, "stored name racing": 3,
                      "Alpha Beta": 2, "ALPHA-BETA": 3})
    names = resolver.canonical("Team", counts, {})
    assert names["Tricon Garage"] == names["TRICON GARAGE"] == "TRICON Garage"
    assert names["stored name racing"] == "Stored Name Racing"
    assert names["Alpha Beta"] == names["ALPHA-BETA"] == "ALPHA-BETA"


def test_resolver_keeps_kinds_apart():
    resolver = Resolver(load_registry())
    # "Kyle Busch" is a driver; as a team name it is not the registry's driver
    assert resolver.registry_entity("Kyle Busch", "Team") is None
    assert resolver.registry_entity("Kyle Busch Motorsports", "Team").name == \
        "Kyle Busch Motorsports"
    assert resolver.registry_entity("KBM", "Team").name == "Kyle Busch Motorsports"
