"""The race-results loader on small files in the nascaR.data layout (``tests/data/results``).

What a load makes (drivers, teams, makes, tracks, races, season records, evidence),
the dirty rows (skipped, or loaded for what they can), malformed files, the same
data as CSV, CSV.gz and Parquet, idempotence, and the fast write path giving the
very triples of :mod:`nascar_kg.graph.rdf`.
"""

from __future__ import annotations

import gzip
import hashlib
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from nascar_kg.cli import cli
from nascar_kg.errors import ResultsError
from nascar_kg.graph.model import EntityRef
from nascar_kg.graph.rdf import batch_chunks
from nascar_kg.graph.rdf_store import MemoryStore, RDFStore
from nascar_kg.loaders import results as results_module
from nascar_kg.loaders.results import build_graph, load_results, read_sources
from nascar_kg.loaders.results_rdf import ntriples_chunks
from nascar_kg.loaders.results_read import read_results, series_from_name
from nascar_kg.queries import career, stats

DATA = Path(__file__).resolve().parent / "data" / "results"
CUP, NXS, TRUCK = (DATA / f"{s}_series.csv" for s in ("cup", "nxs", "truck"))
ALL = [CUP, NXS, TRUCK]


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def loaded():
    store = MemoryStore()
    store.open()
    report = load_results(store, [str(p) for p in ALL])
    yield store, report
    store.close()


def _relation(batch, subject, predicate, obj):
    found = [r for r in batch.relations
             if (r.subject.name, r.predicate, r.object.name) == (subject, predicate, obj)]
    assert len(found) == 1, f"{subject} {predicate} {obj}: {len(found)} relations"
    return found[0]


def _season(rel, series, season):
    found = [s for s in rel.seasons if (s.series, s.season) == (series, season)]
    assert len(found) == 1
    return found[0]


# ---------------------------------------------------------------------- what a load makes
def test_report_counts_rows_per_file(loaded):
    _, report = loaded
    by_file = {Path(f.source).name: f for f in report.files}
    cup = by_file["cup_series.csv"]
    assert (cup.rows, cup.loaded, sum(cup.skipped.values())) == (24, 23, 1)
    assert cup.skipped == {"placeholder row": 1}
    assert cup.gaps == {"no team": 2, "non-numeric finish": 2, "no make": 1}
    assert (cup.first_season, cup.last_season, cup.races) == (1949, 2025, 6)
    truck = by_file["truck_series.csv"]
    assert (truck.rows, truck.loaded, truck.gaps) == (20, 19, {"no team": 1})
    assert (report.rows, report.loaded, report.skipped) == (50, 47, 3)


def test_summary_is_one_line_per_file(loaded):
    _, report = loaded
    line = next(f for f in report.files if f.source.endswith("cup_series.csv")).summary()
    assert "\n" not in line
    assert line.endswith("cup_series.csv: NASCAR Cup Series 1949–2025, 24 rows: 23 loaded, "
                         "1 skipped (1 placeholder row); loaded with gaps: 2 no team, "
                         "2 non-numeric finish, 1 no make.")


def test_season_statistics_of_a_driver(loaded):
    store, _ = loaded
    batch = store.read_all()
    rel = _relation(batch, "Corey Heim", "drove_for", "TRICON Garage")
    st = _season(rel, "NASCAR Craftsman Truck Series", 2025)
    # finishes 1, 1, 28; led 50 + 60 + 20
    assert (st.starts, st.wins, st.top5, st.top10) == (3, 2, 2, 2)
    assert (st.best_finish, st.average_finish, st.laps_led) == (1, 10.0, 130)
    assert st.car_numbers == ("11",)
    assert sorted(s.season for s in rel.seasons) == [2023, 2024, 2025]


def test_team_make_affiliation_per_season(loaded):
    store, _ = loaded
    batch = store.read_all()
    rel = _relation(batch, "23XI Racing", "affiliated_with", "Toyota")
    st = _season(rel, "NASCAR Cup Series", 2024)
    assert (st.starts, st.wins, st.best_finish, st.car_numbers) == (3, 0, 2, ("45", "50"))
    assert [e.text for e in rel.evidence if "2024" in e.text] == [
        "23XI Racing fielded Toyota: 3 starts, 0 wins in the 2024 NASCAR Cup Series"]


def test_evidence_points_to_the_results_file(loaded):
    store, _ = loaded
    batch = store.read_all()
    rel = _relation(batch, "Corey Heim", "drove_for", "TRICON Garage")
    texts = sorted(e.text for e in rel.evidence)
    assert "Corey Heim: 3 starts, 2 wins for TRICON Garage in the 2025 NASCAR Craftsman " \
           "Truck Series" in texts
    assert "Corey Heim: 1 start, 1 win for TRICON Garage in the 2024 NASCAR Craftsman " \
           "Truck Series" in texts
    doc = rel.evidence[0].document
    assert doc.kind == "results" and doc.source == str(TRUCK)
    assert doc.sha256 == hashlib.sha256(TRUCK.read_bytes()).hexdigest()
    assert doc.title == "NASCAR Craftsman Truck Series race results, 2023–2025"
    assert {e.confidence for e in rel.evidence} == {1.0}
    assert stats(store)["sources"] == {"results": 3}


def test_races_with_winner_track_and_series(loaded):
    store, _ = loaded
    races = {(r.series, r.season, r.number): r for r in store.read_all().races}
    assert len(races) == 14
    race = races[("NASCAR Craftsman Truck Series", 2025, 3)]
    assert race.name == "Baptist Health 200"
    assert race.winner == EntityRef("Kyle Larson", "Driver")
    assert race.track == EntityRef("Homestead-Miami Speedway", "Track")


def test_tracks_with_length_and_surface(loaded):
    store, _ = loaded
    tracks = {e.name: e for e in store.read_all().entities if e.type == "Track"}
    assert tracks["Charlotte Speedway"].properties == {"length": 0.75, "surface": "dirt"}
    # the registry knows Atlanta Motor Speedway by its new name
    assert "Atlanta Motor Speedway" in tracks["EchoPark Speedway"].aliases
    assert "Atlanta Motor Speedway" not in tracks
    # "Portland Speedway" is the road course in 2022 (registry results_names, surface road),
    # and the 1957 paved oval stays a track of its own
    assert tracks["Portland International Raceway"].properties["surface"] == "road"
    assert tracks["Portland Speedway"].properties == {"length": 0.5, "surface": "paved"}


def test_series_names_come_from_the_registry(loaded):
    store, _ = loaded
    series = {e.name for e in store.read_all().entities if e.type == "Series"}
    assert series == {"NASCAR Cup Series", "NASCAR Xfinity Series",
                      "NASCAR Craftsman Truck Series"}


# ---------------------------------------------------------------------- dirty rows
def test_nothing_but_the_placeholders_is_lost(loaded):
    store, report = loaded
    batch = store.read_all()
    starts = sum(s.starts for r in batch.relations if r.predicate == "drove_for"
                 for s in r.seasons)
    no_team = sum(f.gaps.get("no team", 0) for f in report.files)
    assert starts + no_team == report.loaded == 47


def test_row_without_team_counts_for_its_race(loaded):
    store, _ = loaded
    batch = store.read_all()
    races = {(r.series, r.season, r.number): r for r in batch.races}
    assert races[("NASCAR Cup Series", 1949, 2)].winner == EntityRef("Red Byron", "Driver")
    assert not [r for r in batch.relations if r.subject.name == "Red Byron"]
    assert any(e.name == "Red Byron" and e.type == "Driver" for e in batch.entities)


def test_row_without_make_counts_for_driver_and_team_only(loaded):
    store, _ = loaded
    batch = store.read_all()
    _relation(batch, "Carson Hocevar", "drove_for", "Spire Motorsports")
    cup_makes = [s for r in batch.relations
                 if r.subject.name == "Spire Motorsports" and r.predicate == "affiliated_with"
                 for s in r.seasons if s.series == "NASCAR Cup Series"]
    assert cup_makes == []
    assert "-" not in {e.name for e in batch.entities}


@pytest.mark.parametrize("driver", ["Cody Ware", "B.J. McLeod"])   # finish "" and "DQ"
def test_non_numeric_finish_is_a_start_without_finish(loaded, driver):
    store, _ = loaded
    rel = next(r for r in store.read_all().relations
               if r.subject.name == driver and r.predicate == "drove_for")
    st = rel.seasons[0]
    assert (st.starts, st.wins, st.top10, st.best_finish, st.average_finish) == \
        (1, 0, 0, None, None)


def test_owner_named_teams_stay_teams(loaded):
    store, _ = loaded
    names = {e.name: e.type for e in store.read_all().entities}
    assert names["R.B. McIntosh (Owner)"] == "Team"
    assert names["Eddie Pagan"] == "Driver" and names["Eddie Pagan (Owner)"] == "Team"


# ---------------------------------------------------------------------- formats
def _gzipped(tmp_path, path):
    target = tmp_path / (path.name + ".gz")
    target.write_bytes(gzip.compress(path.read_bytes()))
    return target


def _parquet(tmp_path, path):
    import pyarrow as pa
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    table = pacsv.read_csv(path, convert_options=pacsv.ConvertOptions(
        column_types={"Car": pa.string()}))
    target = tmp_path / (path.stem + ".parquet")
    pq.write_table(table, target)
    return target


def _careers(paths):
    with MemoryStore() as store:
        load_results(store, [str(p) for p in paths])
        return career(store, "Corey Heim"), stats(store)


def test_csv_gzip_and_parquet_load_the_same(tmp_path):
    plain = _careers(ALL)
    gz = _careers([_gzipped(tmp_path, p) for p in ALL])
    pq = _careers([_parquet(tmp_path, p) for p in ALL])
    assert plain == gz == pq
    assert plain[0]["seasons"][0]["car_numbers"] == ["11"]


def test_format_is_told_by_content_not_name(tmp_path):
    odd = tmp_path / "truck_series.dat"
    odd.write_bytes(gzip.compress(TRUCK.read_bytes()))
    assert read_results(odd).format == "csv.gz"
    assert read_results(_parquet(tmp_path, CUP)).format == "parquet"


def test_series_from_file_name_or_option(tmp_path):
    assert series_from_name("x/cup_series.csv.gz") == "cup"
    assert series_from_name("NXS_SERIES.parquet") == "nxs"
    assert series_from_name("truck_series.csv") == "truck"
    renamed = tmp_path / "results.csv"
    shutil.copy(TRUCK, renamed)
    with pytest.raises(ResultsError, match="results.csv: cannot tell the series"):
        read_results(renamed)
    assert read_results(renamed, series="truck").series_code == "truck"


# ---------------------------------------------------------------------- malformed files
@pytest.fixture
def malformed(tmp_path):
    wrong = tmp_path / "cup_series.csv"
    wrong.write_text("Season,Race,Driver\n2024,1,Corey Heim\n", encoding="utf-8")
    truncated = tmp_path / "truck_series.csv.gz"
    truncated.write_bytes(gzip.compress(TRUCK.read_bytes() * 20)[:300])
    empty = tmp_path / "nxs_series.csv"
    empty.write_bytes(b"")
    garbage = tmp_path / "nxs_series.parquet"
    garbage.write_bytes(b"PAR1 not really a parquet file")
    return {"wrong": wrong, "truncated": truncated, "empty": empty, "garbage": garbage}


@pytest.mark.parametrize("kind, message", [
    ("wrong", "not in the nascaR.data results layout (missing columns Track, Name"),
    ("truncated", "not a readable csv.gz results file"),
    ("empty", "the file is empty"),
    ("garbage", "not a readable parquet results file"),
])
def test_malformed_file_is_an_error_naming_it(malformed, kind, message):
    path = malformed[kind]
    with pytest.raises(ResultsError) as info:
        read_results(path)
    assert str(info.value).startswith(f"{path}: ")
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_malformed_file_stops_the_load_before_writing(malformed, tmp_path):
    db = tmp_path / "db"
    result = run("--db", db, "load-results", CUP, malformed["truncated"])
    assert result.exit_code == 2
    assert str(malformed["truncated"]) in result.stderr
    assert result.stderr.startswith("Error: ")
    with RDFStore(db) as store:
        assert store.count_triples() == 0


def test_missing_file_is_an_input_error(tmp_path):
    result = run("--db", tmp_path / "db", "load-results", tmp_path / "cup_series.csv")
    assert result.exit_code == 2
    assert "cup_series.csv: no such file" in result.stderr


# ---------------------------------------------------------------------- writing
def test_second_load_changes_nothing(tmp_path):
    db = tmp_path / "db"
    with RDFStore(db) as store:
        load_results(store, [str(p) for p in ALL])
        first = (store.count_triples(), stats(store))
    with RDFStore(db) as store:
        load_results(store, [str(p) for p in ALL])
        assert (store.count_triples(), stats(store)) == first


def test_newer_snapshot_replaces_season_values(tmp_path):
    """A file with one more race updates the records instead of adding second values."""
    db = tmp_path / "db"
    newer = tmp_path / "truck_series.csv"
    lines = TRUCK.read_text(encoding="utf-8").splitlines()
    extra = ("2025,4,Martinsville Speedway,Long John Silver's 200,0.526,paved,1,2,11,Corey Heim,"
             "Toyota,,200,20,running,TRICON Garage,,,,1.0,")
    newer.write_text("\n".join(lines[:-1] + [extra, lines[-1]]) + "\n", encoding="utf-8")
    with RDFStore(db) as store:
        load_results(store, [str(TRUCK)])
        load_results(store, [str(newer)])
        seasons = [s for s in career(store, "Corey Heim")["seasons"] if s["season"] == 2025]
        assert [(s["starts"], s["wins"], s["best_finish"]) for s in seasons] == [(4, 3, 1)]
        values = store.query("""SELECT ?r (COUNT(?n) AS ?k) WHERE { ?r nkg:starts ?n }
                                GROUP BY ?r HAVING (COUNT(?n) > 1)""")
        assert values == []


def test_fast_path_writes_the_triples_of_the_rdf_mapping():
    graph = build_graph(read_sources([str(p) for p in ALL]))
    batch = graph.to_batch()
    reference = ox.Store()
    for chunk in batch_chunks(batch.merged(), 10_000):
        reference.extend(chunk)
    fast = ox.Store()
    for chunk in ntriples_chunks(batch, chunk_parts=50):
        fast.load(chunk, format=ox.RdfFormat.N_TRIPLES)
    assert set(fast) == set(reference)
    assert len(fast) > 1000


def test_other_backends_get_the_same_graph_through_write(monkeypatch):
    with MemoryStore() as fast:
        load_results(fast, [str(p) for p in ALL])
        expected = set(fast.ox_store)
    monkeypatch.setattr(results_module, "_oxigraph", lambda store: None)
    with MemoryStore() as generic:
        load_results(generic, [str(p) for p in ALL])
        assert set(generic.ox_store) == expected


def test_read_only_store_is_refused(tmp_path):
    db = tmp_path / "db"
    with RDFStore(db) as store:
        load_results(store, [str(CUP)])
    with RDFStore(db, read_only=True) as store:
        with pytest.raises(Exception, match="read-only"):
            load_results(store, [str(TRUCK)])


def test_cli_load_results_reports_each_file(tmp_path):
    result = run("--db", tmp_path / "db", "load-results", *ALL, "--format", "json")
    assert result.exit_code == 0, result.stderr
    lines = result.stderr.strip().splitlines()
    assert [ln.split(":")[0] for ln in lines[:3]] == [str(p) for p in ALL]
    assert lines[-1].startswith("Loaded 47 of 50 rows from 3 file(s) (3 skipped)")
    import json

    data = json.loads(result.stdout)
    assert (data["rows"], data["loaded"], data["skipped"]) == (50, 47, 3)
    assert data["relations"]["drove_for"] == 31


def test_parallel_writers_in_small_chunks_write_every_triple(tmp_path, monkeypatch):
    from nascar_kg.loaders import results_rdf

    graph = build_graph(read_sources([str(p) for p in ALL]))
    reference = ox.Store()
    for chunk in batch_chunks(graph.to_batch().merged(), 10_000):
        reference.extend(chunk)
    monkeypatch.setattr(results_rdf, "CHUNK_PARTS", 7)
    with RDFStore(tmp_path / "db") as store:
        written = results_rdf.write_results(store, graph, writers=3)
        assert set(store.ox_store) == set(reference)
        assert written == len(reference)
