"""Parity: the same batches in the embedded store and in Neo4j give the same answers.

Neo4j here is the test suite's Bolt server (ArcadeDB with its Bolt plugin). Every
question of the query layer is asked of both stores and the answers compared:
who-endorses, path, neighbors, stats, career and roster, name resolution, and the
whole graph read back (``read_all``). The data mixes the sample article, race
results with season records and races, type and name reconciliation across
writes, and names that try to break out of a query: quotes, backslashes, ``}``,
newlines, ``</script>``, ``$param``, backticks.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import sample_graph
from nascar_kg.errors import NameResolutionError
from nascar_kg.graph.model import (
    Document, Entity, EntityRef, Evidence, GraphBatch, Race, Relation, SeasonStats,
)
from nascar_kg.graph.neo4j_store import Neo4jStore
from nascar_kg.graph.rdf_store import MemoryStore
from nascar_kg.queries import find_paths, neighbors, stats, who_endorses
from nascar_kg.queries.names import known_names

HOSTILE_DRIVER = 'Bob "Ice" O\'Neil\\ {x} </script><img src=x onerror=alert(1)>'
HOSTILE_TEAM = "Line\nBreak `Racing` $team }) DETACH DELETE n //"
HOSTILE_SPONSOR = "Zoë's \\\\ Café ' OR 1=1 }}"
HOSTILE_TEXT = 'He said "href" } \\ ok\nnext line </script> MATCH (n) DELETE n'

CUP, TRUCK = "NASCAR Cup Series", "NASCAR Craftsman Truck Series"


def hostile_batch() -> GraphBatch:
    doc = Document("c" * 64, 'hostile "doc" \\ }.txt', title='Title "quoted" } </script>',
                   date="2025-07-01", url="https://example.com/a?b=1&c='2'")
    driver, team = EntityRef(HOSTILE_DRIVER, "Driver"), EntityRef(HOSTILE_TEAM, "Team")
    sponsor = EntityRef(HOSTILE_SPONSOR, "Sponsor")

    def ev(start, conf=0.6):
        return [Evidence(doc, HOSTILE_TEXT, start, start + 10, conf, 'ex"tractor}', "1\\0")]

    return GraphBatch(
        entities=[Entity(HOSTILE_DRIVER, "Driver", ("O'Neil", 'Ice "Man"'), "Q1}")],
        documents=[doc],
        relations=[Relation(driver, "endorses", EntityRef("Corey Heim", "Driver"), ev(0)),
                   Relation(driver, "drove_for", team, ev(20, 0.75)),
                   Relation(sponsor, "sponsors", team, ev(40, 0.5)),
                   Relation(EntityRef("Ty Gibbs", "Driver"), "feuded_with", driver, ev(60))])


def results_batch() -> GraphBatch:
    doc = Document("e" * 64, "truck_series.csv.gz", kind="results",
                   title=f"{TRUCK} race results, 2024–2025", url="https://example.com/t.parquet")
    heim, tricon = EntityRef("Corey Heim", "Driver"), EntityRef("TRICON Garage", "Team")
    toyota, track = EntityRef("Toyota", "Manufacturer"), EntityRef("Daytona", "Track")

    def ev(text):
        return Evidence(doc, text, None, None, 1.0, "nascar-kg results", "1")

    drove = Relation(heim, "drove_for", tricon,
                     [ev("Corey Heim: 25 starts, 12 wins for TRICON Garage in 2025"),
                      ev("Corey Heim: 23 starts, 6 wins for TRICON Garage in 2024")],
                     [SeasonStats(TRUCK, 2025, 25, 12, 18, 21, 1, 4.52, 1217, ("11",)),
                      SeasonStats(TRUCK, 2024, 23, 6, 15, 18, 1, 6.0, 700, ("11", "5"))])
    cup = Relation(heim, "drove_for", EntityRef("23XI Racing", "Team"),
                   [ev("Corey Heim: 1 start for 23XI Racing in 2025")],
                   [SeasonStats(CUP, 2025, 1, 0, 0, 1, 9, 9.0, 0, ("67",))])
    fielded = Relation(tricon, "affiliated_with", toyota,
                       [ev("TRICON Garage fielded Toyota in 2025")],
                       [SeasonStats(TRUCK, 2025, 75, 14, 30, 45, 1, 10.25, 1500, ("11", "15"))])
    races = [Race(TRUCK, 2025, 1, "Fresh From Florida 250", track, heim),
             Race(TRUCK, 2025, 2, "Race with no winner yet", track, None),
             Race(CUP, 2025, 1, "Daytona 500", None, EntityRef("William Byron", "Driver"))]
    return GraphBatch(
        entities=[Entity("Tricon Garage", "Team", ("TRICON",)),  # another spelling, same IRI
                  Entity("Daytona", "Track", ("Daytona International Speedway",), "Q1166",
                         {"length": 2.5, "surface": "paved"}),
                  Entity(TRUCK, "Series", ("Truck Series",)), Entity(CUP, "Series", ("Cup",))],
        documents=[doc], relations=[drove, cup, fielded], races=races)


def reconciliation_batches() -> list[GraphBatch]:
    return [GraphBatch(entities=[Entity("Pat Rowe", "Person", ("P. Rowe",))]),
            GraphBatch(entities=[Entity("Pat Rowe", "Driver", ("Patrick Rowe",))]),
            GraphBatch(entities=[Entity("pat rowe", "Person")]),
            GraphBatch(entities=[Entity("Kyle Busch", "Driver"), Entity("Kurt Busch", "Driver")]),
            GraphBatch(relations=[Relation(EntityRef("Pat Rowe", "CrewChief"), "crew_chief_for",
                                           EntityRef("Kyle Busch", "Driver"))])]


def all_batches() -> list[GraphBatch]:
    return [sample_graph(), hostile_batch(), results_batch(), *reconciliation_batches(),
            sample_graph()]


@pytest.fixture(scope="module")
def stores(bolt):
    """The same writes into an in-memory RDF store and into Neo4j (small chunks)."""
    memory = MemoryStore()
    neo = Neo4jStore(bolt.uri, bolt.user, bolt.password, bolt.database, batch_size=4)
    with memory, neo:
        neo.clear()
        for batch in all_batches():
            memory.write(batch)
            neo.write(batch)
        yield memory, neo
        neo.clear()


def same(stores, fn, *args, **kwargs):
    memory, neo = stores
    expected = fn(memory, *args, **kwargs)
    assert fn(neo, *args, **kwargs) == expected
    return expected


def test_stats(stores):
    counts = same(stores, stats)
    assert counts["entities"]["Driver"] >= 6 and counts["entities"]["Series"] == 2
    assert counts["races"] == 3 and counts["sources"]["results"] == 1


@pytest.mark.parametrize("name", ["heim", "Corey Heim", "23XI", "ty gibbs", HOSTILE_DRIVER,
                                  HOSTILE_TEAM, "Pat Rowe"])
def test_who_endorses(stores, name):
    same(stores, who_endorses, name)


def test_endorsers_of_heim_include_the_hostile_driver(stores):
    result = same(stores, who_endorses, "Corey Heim")
    by_name = {e["name"]: e for e in result["endorsers"]}
    assert {"Bootie Barker", "Denny Hamlin", "Greg Biffle", HOSTILE_DRIVER} <= set(by_name)
    assert by_name[HOSTILE_DRIVER]["evidence"][0]["text"] == HOSTILE_TEXT


@pytest.mark.parametrize("source,target,options", [
    ("Toyota", "Corey Heim", {}),
    ("Toyota", "Corey Heim", {"limit": 1}),
    ("Toyota", "Corey Heim", {"via": ["drove_for", "affiliated_with"]}),
    ("Ty Gibbs", "Sam Hunt Racing", {"max_hops": 2}),
    ("Ty Gibbs", "Sam Hunt Racing", {"max_hops": 1}),
    (HOSTILE_SPONSOR, "Toyota", {"max_hops": 5, "limit": 10}),
    ("Pat Rowe", "TRICON", {}),
    ("Daytona", "Corey Heim", {}),
])
def test_paths(stores, source, target, options):
    same(stores, find_paths, source, target, **options)


def test_toyota_23xi_heim_path(stores):
    result = same(stores, find_paths, "Toyota", "Corey Heim")
    routes = [[n["name"] for n in p["nodes"]] for p in result["paths"]]
    assert ["Toyota", "23XI Racing", "Corey Heim"] in routes


@pytest.mark.parametrize("name,options", [
    ("23xi", {}), ("23XI Racing", {"relations": ["owns"]}),
    ("23XI Racing", {"relations": ["affiliated_with"]}), ("Corey Heim", {"depth": 2}),
    (HOSTILE_TEAM, {"depth": 2}), (HOSTILE_DRIVER, {}), ("tricon", {}), ("Pat Rowe", {}),
])
def test_neighbors(stores, name, options):
    same(stores, neighbors, name, **options)


def test_hostile_names_round_trip(stores):
    result = same(stores, neighbors, HOSTILE_TEAM)
    assert result["center"]["name"] == HOSTILE_TEAM
    assert {HOSTILE_DRIVER, HOSTILE_SPONSOR} <= {n["name"] for n in result["nodes"]}


def test_type_precedence_and_first_name_win(stores):
    result = same(stores, neighbors, "patrick rowe")  # Person, Driver, Person, CrewChief
    assert result["center"] == {"name": "Pat Rowe", "type": "Driver"}
    # the batch's first spelling is the one written first
    assert same(stores, neighbors, "TRICON garage")["center"]["name"] == "Tricon Garage"


def test_known_names(stores):
    same(stores, known_names)


@pytest.mark.parametrize("name", ["Corey Hiem", "busch", "Nobody At All"])
def test_resolution_errors(stores, name):
    memory, neo = stores
    with pytest.raises(NameResolutionError) as expected:
        who_endorses(memory, name)
    with pytest.raises(NameResolutionError) as got:
        who_endorses(neo, name)
    assert str(got.value) == str(expected.value)
    assert got.value.candidates == expected.value.candidates


def normalized(batch: GraphBatch) -> dict:
    """A batch as comparable data: everything sorted, IRIs as keys."""
    def evidence_key(ev):
        return (ev.document.iri, ev.start or 0, ev.text)

    return {
        "entities": sorted((e.iri, e.name, e.type, tuple(sorted(e.aliases)), e.wikidata,
                            tuple(sorted(e.properties.items()))) for e in batch.entities),
        "documents": sorted(batch.documents, key=lambda d: d.iri),
        "relations": sorted((r.iri, r.subject, r.predicate, r.object,
                             tuple(sorted(r.evidence, key=evidence_key)),
                             tuple(sorted(r.seasons, key=lambda s: (s.series, s.season))))
                            for r in batch.relations),
        "races": sorted(batch.races, key=lambda r: r.iri),
    }


def test_read_all_is_the_same_graph(stores):
    memory, neo = stores
    expected = normalized(memory.read_all())
    got = normalized(neo.read_all())
    for part in expected:
        assert got[part] == expected[part], part


@pytest.mark.parametrize("name", ["Corey Heim", "heim", "William Byron", HOSTILE_DRIVER])
def test_career(stores, name):
    from nascar_kg.queries.careers import career

    result = same(stores, career, name)
    if name == "heim":
        assert [(s["season"], s["team"], s["car_numbers"]) for s in result["seasons"]] == [
            (2024, "Tricon Garage", ["5", "11"]), (2025, "Tricon Garage", ["11"]),
            (2025, "23XI Racing", ["67"])]  # by season, then series (Truck before Cup)


@pytest.mark.parametrize("team,options", [
    ("TRICON Garage", {}), ("tricon", {"season": 2025}), ("Tricon Garage", {"series": "truck"}),
    ("23XI Racing", {"series": "cup"}), (HOSTILE_TEAM, {}),
])
def test_roster(stores, team, options):
    from nascar_kg.queries.careers import roster

    same(stores, roster, team, **options)


# -- every SPARQL query has a Cypher twin with the same result columns -----------------------

QUERIES = Path(__file__).resolve().parents[1] / "queries"


def _sparql_columns(text: str) -> list[str]:
    text = "\n".join(line.split("#", 1)[0] for line in text.splitlines())
    head = re.search(r"SELECT\s+(?:DISTINCT\s+)?(.*?)\s+WHERE", text, re.S | re.I).group(1)
    head = re.sub(r"\([^()]*(?:\([^()]*\)[^()]*)*\s+AS\s+\?(\w+)\)", r"?\1", head)
    return re.findall(r"\?(\w+)", head)


def _top_level_split(text: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for char in text:
        depth += char in "([{"
        depth -= char in ")]}"
        if char == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    return parts + [current]


def _cypher_columns(text: str) -> list[str]:
    text = "\n".join(line.split("//", 1)[0] for line in text.splitlines())
    last = re.split(r"\bUNION\b(?:\s+ALL)?", text)[-1]
    items = re.split(r"\bRETURN\s+(?:DISTINCT\s+)?", last)[-1]
    items = re.split(r"\b(?:ORDER BY|SKIP|LIMIT)\b", items)[0]
    return [re.split(r"\s+AS\s+", item.strip())[-1] for item in _top_level_split(items)]


@pytest.mark.parametrize("name", sorted(p.stem for p in (QUERIES / "sparql").glob("*.rq")))
def test_cypher_twin_has_the_same_columns(name):
    twin = QUERIES / "cypher" / f"{name}.cypher"
    assert twin.exists(), f"no Cypher twin of {name}.rq"
    sparql = _sparql_columns((QUERIES / "sparql" / f"{name}.rq").read_text(encoding="utf-8"))
    cypher = _cypher_columns(twin.read_text(encoding="utf-8"))
    assert sorted(cypher) == sorted(sparql)
