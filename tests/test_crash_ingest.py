"""Crash safety of ``ingest`` into the embedded store.

* 20 SIGKILLs of the real ``ingest`` process at random moments of its writing;
  after each one the store validates (no violation an uninterrupted ingest does
  not have) and running the same ingest again gives exactly the graph of an
  uninterrupted run (``stats`` and every triple).
* A write cut off between any two of its store operations (simulated in this
  process) leaves a store that validates, also while it changes the type of an
  entity already stored.
* Ingesting the same articles twice changes nothing: the extractor's gazetteer
  comes from race results only, never from what earlier articles left.
"""

from __future__ import annotations

import pytest

from crashkit import (
    GOLD, KillCampaign, SimulatedCrash, Zygote, cli_env, crash_seed, crashing_store,
    gold_articles, invoke, kill_window, stats, triples, validation, violation_keys,
)
from nascar_kg.graph.model import Document, Entity, EntityRef, Evidence, GraphBatch, Relation
from nascar_kg.graph.rdf_store import RDFStore
from nascar_kg.graph.validation import validate_store

# Dev-set articles (texts of tests/data/gold) whose uninterrupted ingest validates.
ARTICLES = [
    "allgaier-darlington-xfinity", "busch-brothers-las-vegas", "calloway-crew-chief-profile",
    "cheddars-extends-kyle-busch-rcr-lenovo-exits", "crosswind-eli-santangelo-46",
    "cup-2025-moves-list", "dillon-brothers-pocono", "dover-cup-recap-bell-holds-off-larson",
]
KILLS = 20


@pytest.fixture(scope="module")
def articles(tmp_path_factory):
    missing = [a for a in ARTICLES if not (GOLD / f"{a}.gold.json").exists()]
    assert not missing, f"dev-set gold files missing: {missing}"
    return gold_articles(tmp_path_factory.mktemp("articles"), ARTICLES)


def test_sigkill_during_ingest_then_ingest_again(tmp_path, articles):
    seed = crash_seed()
    env = cli_env()
    zygote = Zygote()  # CLI processes forked with spaCy loaded: no start-up per kill
    reference_db = tmp_path / "reference"
    reference = zygote.spawn(["--db", reference_db, "ingest", articles], env)
    assert reference.wait() == 0, reference.stderr
    window = kill_window(reference)
    code, reference_violations, _ = validation(reference_db)
    expected_stats, expected_triples = stats(reference_db), triples(reference_db)
    assert expected_stats["sources"]["article"] == len(ARTICLES)

    def check(kill):
        where = f"seed {seed}, {kill.describe()}"
        code, violations, err = validation(kill.db)
        assert code in (0, 1), f"{where}: validate could not read the store: {err}"
        new = violation_keys(violations) - violation_keys(reference_violations)
        assert not new, f"{where}: the killed ingest left violations: {sorted(new)[:5]}"
        again = zygote.spawn(["--db", kill.db, "ingest", articles], env)
        assert again.wait() == 0, f"{where}: ingest again: {again.stderr}"
        assert stats(kill.db) == expected_stats, where
        got = triples(kill.db)
        assert got == expected_triples, (
            f"{where}: {len(got - expected_triples)} triples more, "
            f"{len(expected_triples - got)} fewer than an uninterrupted ingest: "
            f"{sorted(got ^ expected_triples)[:4]}")

    campaign = KillCampaign(tmp_path, lambda db: ["--db", db, "ingest", articles], env,
                            window, seed, count=KILLS, spawn=zygote.spawn)
    with zygote:
        campaign.run(check)
    print(campaign.summary())
    assert not reference_violations, (
        "the uninterrupted ingest of the dev-set articles does not validate (an extraction "
        f"problem, not a crash one): {reference_violations[:3]}")


def test_ingesting_the_same_articles_again_changes_nothing(tmp_path, articles):
    # read with the names of its own first ingest, crosswind-eli-santangelo-46 gave more
    some = [articles / f"{name}.txt" for name in ARTICLES[3:6]]
    db = tmp_path / "db"
    assert invoke(["--db", db, "ingest", *some]).exit_code == 0
    first = triples(db)
    assert invoke(["--db", db, "ingest", *some]).exit_code == 0
    assert triples(db) == first


# -- a write cut off between two store operations -------------------------------------------

DOC = Document("d" * 64, "first.txt", title="First")
LATER = Document("e" * 64, "later.txt", title="Later")


def _ev(doc, text, start):
    return [Evidence(doc, text, start, start + len(text), 0.8, "test", "1")]


def first_batch() -> GraphBatch:
    """Pat Rowe, a Person, endorses a driver."""
    rowe, heim = EntityRef("Pat Rowe", "Person"), EntityRef("Corey Heim", "Driver")
    return GraphBatch(entities=[Entity("Pat Rowe", "Person", ("Rowe",))], documents=[DOC],
                      relations=[Relation(rowe, "endorses", heim,
                                          _ev(DOC, "Pat Rowe says Heim is ready", 0))])


def later_batch() -> GraphBatch:
    """Pat Rowe again, now a Driver (the type that wins), and a relation of a driver."""
    rowe, team = EntityRef("Pat Rowe", "Driver"), EntityRef("Rowe Racing", "Team")
    return GraphBatch(
        entities=[Entity("Pat Rowe", "Driver", ("Patrick Rowe",)),
                  Entity("Rowe Racing", "Team")],
        documents=[LATER],
        relations=[Relation(rowe, "drove_for", team, _ev(LATER, "Rowe drove for Rowe Racing", 5)),
                   Relation(EntityRef("Pat Rowe", "Driver"), "endorses",
                            EntityRef("Corey Heim", "Driver"), _ev(LATER, "Rowe backs Heim", 40))])


def _store_triples(db):
    with RDFStore(db, read_only=True) as store:
        return {str(q) for q in store.ox_store}


@pytest.mark.parametrize("chunk_quads", [10_000, 7])
def test_a_write_cut_off_at_any_operation_validates_and_completes(tmp_path, chunk_quads):
    """Every point between two store operations of a write that changes a stored type."""
    reference = tmp_path / "reference"
    with RDFStore(reference, chunk_quads=chunk_quads) as store:
        store.write(first_batch())
        store.write(later_batch())
        types = store.query("SELECT ?t WHERE { ?e nkg:name 'Pat Rowe' ; a ?t }")
        assert [str(row["t"]).rsplit("#", 1)[-1] for row in types] == ["Driver"]
    expected = _store_triples(reference)

    probe = crashing_store(tmp_path / "probe", alive=None)
    probe.chunk_quads = chunk_quads
    with probe:
        probe.write(first_batch())
        before = len(probe.ox_store.log)
        probe.write(later_batch())
        operations = len(probe.ox_store.log) - before
    assert operations >= 2

    for alive in range(operations):
        db = tmp_path / f"cut-{alive}"
        with RDFStore(db, chunk_quads=chunk_quads) as store:
            store.write(first_batch())
        store = crashing_store(db, alive=alive)
        store.chunk_quads = chunk_quads
        with store, pytest.raises(SimulatedCrash):
            store.write(later_batch())
        with RDFStore(db, read_only=True) as reader:
            report = validate_store(reader)
        assert report["conforms"], (alive, report["violations"][:3])
        with RDFStore(db, chunk_quads=chunk_quads) as store:
            store.write(later_batch())
        assert _store_triples(db) == expected, alive


# -- the gazetteer ---------------------------------------------------------------------------

def test_the_gazetteer_holds_the_names_of_race_results_only(tmp_path):
    from test_neo4j_contract import results_batch

    from nascar_kg.queries.names import known_names, results_names

    with RDFStore(tmp_path / "db") as store:
        store.write(first_batch())
        assert results_names(store) == []
        store.write(results_batch())
        names = results_names(store)
        assert ("Corey Heim", "Driver") in names and ("Daytona", "Track") in names
        assert ("Toyota", "Manufacturer") in names and ("William Byron", "Driver") in names
        assert ("Pat Rowe", "Person") not in names  # an article's person
        assert set(names) <= set(known_names(store))


def test_the_gazetteer_is_the_same_on_neo4j(tmp_path, clean_bolt):
    from test_neo4j_contract import results_batch

    from nascar_kg.graph.neo4j_store import Neo4jStore
    from nascar_kg.queries.names import results_names

    batches = [first_batch(), results_batch(), later_batch()]
    with RDFStore(tmp_path / "db") as embedded:
        for batch in batches:
            embedded.write(batch)
        expected = results_names(embedded)
    with Neo4jStore(clean_bolt.uri, clean_bolt.user, clean_bolt.password,
                    clean_bolt.database) as neo:
        for batch in batches:
            neo.write(batch)
        assert results_names(neo) == expected


def test_evidence_written_again_takes_the_new_confidence(tmp_path):
    """An article read again by a newer extractor: its evidence keeps one confidence (as in
    Neo4j), and a write of that cut off leaves the old values or the new, never both."""
    def batch(confidence, version):
        rowe, heim = EntityRef("Pat Rowe", "Person"), EntityRef("Corey Heim", "Driver")
        evidence = Evidence(DOC, "Pat Rowe says Heim is ready", 0, 27, confidence, "rules",
                            version)
        return GraphBatch(documents=[DOC], relations=[Relation(rowe, "endorses", heim,
                                                               [evidence])])

    query = "SELECT ?c ?v WHERE { ?e nkg:confidence ?c ; nkg:extractorVersion ?v }"
    with RDFStore(tmp_path / "db") as store:
        store.write(batch(0.8, "0.1"))
        store.write(batch(0.9, "0.2"))
        assert store.query(query) == [{"c": 0.9, "v": "0.2"}]
        assert validate_store(store)["conforms"]
    for alive in range(2):
        db = tmp_path / f"cut-{alive}"
        with RDFStore(db) as store:
            store.write(batch(0.8, "0.1"))
        store = crashing_store(db, alive=alive)
        with store, pytest.raises(SimulatedCrash):
            store.write(batch(0.9, "0.2"))
        with RDFStore(db, read_only=True) as reader:
            assert reader.query(query) in ([{"c": 0.8, "v": "0.1"}], [{"c": 0.9, "v": "0.2"}])
            assert validate_store(reader)["conforms"]
