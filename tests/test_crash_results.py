"""Crash safety of ``load-results`` into the embedded store.

* 20 SIGKILLs of the real ``load-results`` process at random moments of its
  writing, half of them into an empty store and half into a store that already
  holds articles and an earlier snapshot of the same season (so the load also
  changes stored types and replaces season statistics). After each kill the
  store validates, and loading the same files again gives exactly the graph of an
  uninterrupted load: ``stats``, ``career`` and ``roster`` answers, every triple.
  The bulk-load chunks are made small (``--chunk-parts``) so this moderate input
  is written in many chunks, as the full results are.
* Focused: a load cut off between any two of its store operations validates and
  completes when run again; documents and entities are all stored before the
  first relation is; replacing a season record's statistics is one transaction.
"""

from __future__ import annotations

import shutil

import pytest

from crashkit import (
    RESULTS, KillCampaign, SimulatedCrash, Zygote, answers, cli_env, crash_seed, crashing_store,
    gold_articles, kill_window, results_subset, stats, triples, validation, violation_keys,
)
from nascar_kg.graph.rdf_store import RDFStore
from nascar_kg.graph.validation import validate_store

KILLS = 20
CHUNK_PARTS = 150
SERIES = ("cup", "truck")
ARTICLES = ["allgaier-darlington-xfinity", "busch-brothers-las-vegas",
            "calloway-crew-chief-profile", "cup-2025-moves-list", "dillon-brothers-pocono",
            "dover-cup-recap-bell-holds-off-larson"]
QUESTIONS = [["career", "Corey Heim"], ["career", "Denny Hamlin"],
             ["roster", "TRICON Garage", "--season", "2025"], ["roster", "23XI Racing"]]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    if not RESULTS.is_dir():
        pytest.skip("the shared race results (../shared/data/nascar-results) are not here")
    base = tmp_path_factory.mktemp("results")
    return {"earlier": results_subset(base / "earlier", [2025], SERIES, last_race=15),
            "season": results_subset(base / "season", [2025], SERIES),
            "articles": gold_articles(base / "articles", ARTICLES)}


def test_sigkill_during_load_results_then_load_again(tmp_path, inputs):
    seed = crash_seed()
    env = cli_env()
    load = ["load-results", *inputs["season"]]
    with Zygote(preload_nlp=True) as zygote:
        def cli(*args, **kwargs):
            run = zygote.spawn([str(a) for a in args], env, **kwargs)
            assert run.wait() == 0, (args, run.stderr)
            return run

        # two starting points: an empty store, and one with articles and an earlier snapshot
        filled = tmp_path / "filled"
        cli("--db", filled, "ingest", inputs["articles"])
        cli("--db", filled, "load-results", *inputs["earlier"])
        starts = {"empty": None, "filled": filled}
        expected, windows = {}, []
        for name, start in starts.items():
            db = tmp_path / f"reference-{name}"
            if start is not None:
                shutil.copytree(start, db)
            reference = cli("--db", db, *load, chunk_parts=CHUNK_PARTS)
            windows.append(kill_window(reference, end=0.9))
            code, violations, _ = validation(db)
            assert code == 0, f"the uninterrupted load ({name}) does not validate: {violations[:3]}"
            expected[name] = (stats(db), answers(db, QUESTIONS), triples(db))
        assert expected["filled"][0]["sources"]["article"] == len(ARTICLES)
        assert expected["filled"][0]["sources"]["results"] == 2 * len(SERIES)
        window = (0.0, min(w[1] for w in windows))

        def start_of(index: int) -> str:
            return "empty" if index % 2 == 0 else "filled"

        def prepare(db):
            start = starts[start_of(int(db.name.split("-")[-1]))]
            if start is not None:
                shutil.copytree(start, db)

        def check(kill):
            name = start_of(kill.index)
            where = f"seed {seed}, {kill.describe()} ({name} store)"
            code, violations, err = validation(kill.db)
            assert code == 0, f"{where}: {err or violation_keys(violations)}"
            again = zygote.spawn(["--db", kill.db, *load], env, chunk_parts=CHUNK_PARTS)
            assert again.wait() == 0, f"{where}: load again: {again.stderr}"
            want_stats, want_answers, want_triples = expected[name]
            assert stats(kill.db) == want_stats, where
            assert answers(kill.db, QUESTIONS) == want_answers, where
            got = triples(kill.db)
            assert got == want_triples, (
                f"{where}: {len(got - want_triples)} triples more, "
                f"{len(want_triples - got)} fewer than an uninterrupted load: "
                f"{sorted(got ^ want_triples)[:4]}")

        campaign = KillCampaign(tmp_path, lambda db: ["--db", db, *load], env, window, seed,
                                count=KILLS, chunk_parts=CHUNK_PARTS, prepare=prepare,
                                spawn=zygote.spawn)
        campaign.run(check)
    print(campaign.summary())


# -- focused: every point between two store operations ---------------------------------------

def _load(store, paths, monkeypatch, chunk_parts=150):
    from nascar_kg.loaders import results_rdf
    from nascar_kg.loaders.results import load_results

    monkeypatch.setattr(results_rdf, "CHUNK_PARTS", chunk_parts)
    return load_results(store, [str(p) for p in paths])


def _triples(db):
    with RDFStore(db, read_only=True) as store:
        return {str(q) for q in store.ox_store}


@pytest.fixture(scope="module")
def fixture_files(tmp_path_factory):
    """The results fixtures of tests/data/results, and an earlier snapshot of them."""
    import pyarrow.compute as pc
    import pyarrow.csv as pcsv

    from test_results import ALL

    base = tmp_path_factory.mktemp("fixtures")
    earlier = []
    for path in ALL:
        table = pcsv.read_csv(path)
        last = pc.max(table["Race"]).as_py()
        keep = pc.or_kleene(pc.less(table["Race"], last), pc.is_null(table["Race"]))
        pcsv.write_csv(table.filter(keep.fill_null(True)), base / path.name)
        earlier.append(base / path.name)
    return {"all": list(ALL), "earlier": earlier}


@pytest.mark.parametrize("start", ["empty", "earlier snapshot"])
def test_a_load_cut_off_at_any_operation_validates_and_completes(tmp_path, monkeypatch,
                                                                  fixture_files, start):
    def prepare(db):
        if start != "empty":
            with RDFStore(db) as store:
                _load(store, fixture_files["earlier"], monkeypatch)

    reference = tmp_path / "reference"
    prepare(reference)
    with RDFStore(reference) as store:
        _load(store, fixture_files["all"], monkeypatch)
    expected = _triples(reference)

    probe_db = tmp_path / "probe"
    prepare(probe_db)
    probe = crashing_store(probe_db, alive=None)
    with probe:
        _load(probe, fixture_files["all"], monkeypatch)
        operations = len(probe.ox_store.log)
    assert operations >= 4

    for alive in range(operations):
        db = tmp_path / f"cut-{alive}"
        prepare(db)
        store = crashing_store(db, alive=alive)
        with store, pytest.raises(SimulatedCrash):
            _load(store, fixture_files["all"], monkeypatch)
        with RDFStore(db, read_only=True) as reader:
            report = validate_store(reader)
        assert report["conforms"], (start, alive, report["violations"][:3])
        with RDFStore(db) as store:
            _load(store, fixture_files["all"], monkeypatch)
        assert _triples(db) == expected, (start, alive)


def test_entities_and_documents_are_stored_before_the_first_relation(tmp_path, monkeypatch,
                                                                     fixture_files):
    """With two writer threads, no relation or race chunk starts before every entity chunk is in.

    Entity chunks are slowed down here, so that without the barrier between the
    two phases a relation chunk would overtake them.
    """
    import time

    from nascar_kg.loaders import results_rdf
    from nascar_kg.loaders.results import build_graph, read_sources

    def second_phase(text: bytes) -> bool:
        return b"ontology#Assertion>" in text or b"ontology#Race>" in text

    def slow_entities(name, args):
        if name == "bulk_load" and not second_phase(args[0]):
            time.sleep(0.02)

    monkeypatch.setattr(results_rdf, "CHUNK_PARTS", 20)
    graph = build_graph(read_sources([str(p) for p in fixture_files["all"]]))
    store = crashing_store(tmp_path / "db", alive=None, slow=slow_entities)
    with store:
        results_rdf.write_results(store, graph, writers=2)
        loads = [entry for entry in store.ox_store.log if entry[0] == "bulk_load"]
    first = [end for _, _, end, text in loads if not second_phase(text)]
    then = [start for _, start, _, text in loads if second_phase(text)]
    assert len(first) >= 3 and len(then) >= 3
    assert max(first) <= min(then)


def test_replacing_statistics_is_one_transaction_per_record(tmp_path, monkeypatch,
                                                            fixture_files):
    """A newer snapshot's values replace the old ones in SPARQL updates, never by removals alone."""
    db = tmp_path / "db"
    with RDFStore(db) as store:
        _load(store, fixture_files["earlier"], monkeypatch)
    store = crashing_store(db, alive=None)
    with store:
        _load(store, fixture_files["all"], monkeypatch)
        names = [entry[0] for entry in store.ox_store.log]
    assert "remove" not in names
    assert "update" in names
