"""career, roster and paths over race results, in the Python API and on the command line.

The last tests load the full data set of ``../shared/data/nascar-results`` (the
"done" criteria of the results issue); they are skipped when it is not there.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from nascar_kg.cli import cli
from nascar_kg.errors import NameResolutionError, UsageError
from nascar_kg.graph.rdf_store import RDFStore
from nascar_kg.loaders.results import load_results
from nascar_kg.queries import career, find_paths, roster

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data" / "results"
ALL = [DATA / f"{s}_series.csv" for s in ("cup", "nxs", "truck")]
FULL = Path(__file__).resolve().parents[2] / "shared" / "data" / "nascar-results"
TRUCK = "NASCAR Craftsman Truck Series"


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def run_json(*args):
    result = run(*args, "--format", "json")
    assert result.exit_code == 0, result.output + result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("careers") / "db"
    with RDFStore(folder) as store:
        load_results(store, [str(p) for p in ALL])
    return folder


@pytest.fixture
def store(db):
    with RDFStore(db, read_only=True) as opened:
        yield opened


# ---------------------------------------------------------------------- career
def test_career_shape_and_order(store):
    data = career(store, "Corey Heim")
    assert data["entity"] == {"name": "Corey Heim", "type": "Driver"}
    keys = {"season", "series", "team", "starts", "wins", "top5", "top10", "best_finish",
            "average_finish", "laps_led", "car_numbers"}
    assert all(set(s) == keys for s in data["seasons"])
    order = [(s["season"], s["series"], s["team"]) for s in data["seasons"]]
    assert order == sorted(order)
    assert order == [   # by season, then series and team names
        (2023, TRUCK, "TRICON Garage"), (2023, "NASCAR Xfinity Series", "Sam Hunt Racing"),
        (2024, TRUCK, "TRICON Garage"), (2024, "NASCAR Cup Series", "23XI Racing"),
        (2024, "NASCAR Cup Series", "Legacy Motor Club"),
        (2025, TRUCK, "TRICON Garage"), (2025, "NASCAR Cup Series", "23XI Racing")]
    last = data["seasons"][-2]
    assert (last["starts"], last["wins"], last["top5"], last["best_finish"],
            last["average_finish"], last["laps_led"], last["car_numbers"]) == \
        (3, 2, 2, 1, 10.0, 130, ["11"])
    assert data["totals"] == {"starts": 10, "wins": 4, "seasons": 3, "first_season": 2023,
                              "last_season": 2025}


def test_career_resolves_names_like_every_command(store):
    assert career(store, "heim")["entity"]["name"] == "Corey Heim"
    assert career(store, "COREY HEIM")["entity"]["name"] == "Corey Heim"
    with pytest.raises(NameResolutionError, match="no entity named 'Corey Hime'.*Corey Heim"):
        career(store, "Corey Hime")


def test_career_of_an_entity_without_results_is_empty(store):
    data = career(store, "Red Byron")          # won a race for no team
    assert data["seasons"] == [] and data["totals"]["starts"] == 0


def test_career_car_numbers_keep_leading_zeros(store):
    assert career(store, "Kris Wright")["seasons"][0]["car_numbers"] == ["02"]


# ---------------------------------------------------------------------- roster
def test_roster_by_season_and_series(store):
    data = roster(store, "23XI")
    assert data["team"] == {"name": "23XI Racing", "type": "Team"}
    rows = [(d["season"], d["name"], d["starts"]) for d in data["drivers"]]
    assert rows == [(2024, "Tyler Reddick", 2), (2024, "Corey Heim", 1),
                    (2025, "Corey Heim", 1), (2025, "Tyler Reddick", 1)]
    only = roster(store, "23XI Racing", season=2025)
    assert {d["season"] for d in only["drivers"]} == {2025} and only["season"] == 2025


@pytest.mark.parametrize("series", ["truck", "Truck Series", "NASCAR Craftsman Truck Series"])
def test_roster_series_by_code_or_name(store, series):
    data = roster(store, "Spire Motorsports", series=series)
    assert data["series"] == TRUCK
    assert [d["name"] for d in data["drivers"]] == ["Kyle Larson"]


def test_roster_series_must_be_a_series(store):
    with pytest.raises(UsageError, match="not a series"):
        roster(store, "Spire Motorsports", series="Toyota")


# ---------------------------------------------------------------------- paths
def test_path_from_a_make_to_a_driver_through_teams(store):
    data = find_paths(store, "Toyota", "Corey Heim")
    assert data["from"] == {"name": "Toyota", "type": "Manufacturer"}
    through = {p["nodes"][1]["name"] for p in data["paths"] if len(p["edges"]) == 2}
    assert {"23XI Racing", "TRICON Garage", "Legacy Motor Club", "Sam Hunt Racing"} <= through
    path = next(p for p in data["paths"] if p["nodes"][1]["name"] == "23XI Racing")
    assert path["edges"] == [
        {"subject": "23XI Racing", "predicate": "affiliated_with", "object": "Toyota"},
        {"subject": "Corey Heim", "predicate": "drove_for", "object": "23XI Racing"}]


def test_path_between_drivers_of_one_team(store):
    data = find_paths(store, "Corey Heim", "Giovanni Ruggiero", via=["drove_for"])
    assert [n["name"] for n in data["paths"][0]["nodes"]] == [
        "Corey Heim", "TRICON Garage", "Giovanni Ruggiero"]


# ---------------------------------------------------------------------- command line
def test_cli_career_json(db):
    data = run_json("--db", db, "career", "Corey Heim")
    assert [(s["season"], s["team"]) for s in data["seasons"] if s["series"] == TRUCK] == [
        (2023, "TRICON Garage"), (2024, "TRICON Garage"), (2025, "TRICON Garage")]


def test_cli_career_table_and_csv(db):
    table = run("--db", db, "career", "Corey Heim", "--format", "table")
    assert table.exit_code == 0
    assert table.stdout.splitlines()[0] == \
        "Career of Corey Heim (Driver): 10 starts, 4 wins in 3 season(s):"
    assert "TRICON Garage" in table.stdout
    text = run("--db", db, "career", "Corey Heim", "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == ["season", "series", "team", "starts", "wins", "top5", "top10",
                             "best", "avg", "led", "cars"]
    assert rows[-2]["team"] == "TRICON Garage" and rows[-2]["wins"] == "2"


def test_cli_roster_filters(db):
    data = run_json("--db", db, "roster", "TRICON Garage", "--season", "2025",
                    "--series", "truck")
    assert data["team"]["name"] == "TRICON Garage"
    assert [(d["name"], d["starts"], d["wins"]) for d in data["drivers"]] == [
        ("Corey Heim", 3, 2), ("Giovanni Ruggiero", 2, 0)]
    text = run("--db", db, "roster", "TRICON Garage", "--season", "2025", "--format",
               "table").stdout
    assert text.splitlines()[0] == "Drivers of TRICON Garage (Team) in 2025:"


def test_cli_unknown_name_exits_2(db):
    result = run("--db", db, "career", "Nobody Atall")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: no entity named 'Nobody Atall'")
    result = run("--db", db, "roster", "23XI", "--series", "formula one")
    assert result.exit_code == 2


# ---------------------------------------------------------------------- the full data set
@pytest.fixture(scope="module")
def full_db(tmp_path_factory):
    files = sorted(FULL.glob("*.csv.gz"))
    if len(files) != 3:
        pytest.skip(f"the full results data set is not in {FULL}")
    db = tmp_path_factory.mktemp("full") / "db"
    result = run("--db", db, "load-results", *files)
    assert result.exit_code == 0, result.stderr
    return db, files, result


def test_full_load_reads_every_row(full_db):
    _, _, result = full_db
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 4
    for line in lines[:3]:
        assert "1 skipped (1 placeholder row)" in line
    assert lines[-1].startswith("Loaded 179,824 of 179,827 rows from 3 file(s) (3 skipped)")


def test_full_load_twice_changes_no_counts(full_db):
    db, files, _ = full_db
    before = run_json("--db", db, "stats")
    with RDFStore(db) as store:
        triples = store.count_triples()
    again = run("--db", db, "load-results", *files)
    assert again.exit_code == 0, again.stderr
    assert run_json("--db", db, "stats") == before
    with RDFStore(db) as store:
        assert store.count_triples() == triples
    assert before["relations"]["drove_for"] > 10_000 and before["races"] > 4_900


def test_full_path_toyota_to_heim_through_23xi(full_db):
    db, _, _ = full_db
    data = run_json("--db", db, "path", "Toyota", "Corey Heim")
    assert any([n["name"] for n in p["nodes"]] == ["Toyota", "23XI Racing", "Corey Heim"]
               for p in data["paths"])


def test_full_career_heim_tricon_truck_seasons(full_db):
    db, _, _ = full_db
    data = run_json("--db", db, "career", "Corey Heim")
    tricon = [(s["season"], s["starts"], s["wins"]) for s in data["seasons"]
              if s["team"] == "TRICON Garage" and s["series"] == TRUCK]
    assert [s for s, _, _ in tricon] == [2023, 2024, 2025]
    assert tricon[-1] == (2025, 25, 12)


def test_index_walk_gives_the_edges_of_the_edges_query(store, monkeypatch):
    """The embedded store's edges read from its index equal those of ``edges.rq``."""
    from nascar_kg.queries import traversal
    from nascar_kg.queries.resolve import resolve_entity

    nodes = [resolve_entity(store, n)[0] for n in ("Toyota", "Corey Heim", "TRICON Garage",
                                                   "NASCAR Cup Series", "Red Byron")]
    fast = {n: traversal.Walker(store).edges(n) for n in nodes}
    only = {n: traversal.Walker(store, {"drove_for"}).edges(n) for n in nodes}
    monkeypatch.setattr(traversal, "_oxigraph", lambda s: None)
    assert {n: traversal.Walker(store).edges(n) for n in nodes} == fast
    assert {n: traversal.Walker(store, {"drove_for"}).edges(n) for n in nodes} == only
    assert fast[nodes[0]] and not fast[nodes[3]]
