"""Test data for the visualization and export tests: the sample article's graph, built by hand.

Other test modules import ``sample_batch``, ``hostile_batch`` and the strings
below from here (pytest puts this folder on ``sys.path``).
"""

from __future__ import annotations

from nascar_kg.graph.model import (Document, Entity, EntityRef, Evidence, GraphBatch, Relation,
                                   SeasonStats)
from nascar_kg.graph.networkx import to_networkx

HOSTILE = '<img src=x onerror=alert(1)>'
HOSTILE_QUOTE = ('He wrote ' + HOSTILE + ' and "href" then </script><script>alert(2)</script> '
                 "with 'quotes' and a back\\slash } and\na newline \u2028 end")
HOSTILE_NAME = 'Evil ' + HOSTILE + ' "href" \\ </script> }'

ARTICLE = Document(sha256="5a" * 32, source="heim-cup-ready.txt",
                   title="Is Corey Heim Cup ready?", date="2025-08-01")
RESULTS = Document(sha256="7c" * 32, source="truck_series.parquet", kind="results")

HEIM = EntityRef("Corey Heim", "Driver")
BARKER = EntityRef("Bootie Barker", "CrewChief")
HAMLIN = EntityRef("Denny Hamlin", "Driver")
BIFFLE = EntityRef("Greg Biffle", "Driver")
GIBBS = EntityRef("Ty Gibbs", "Driver")
XI = EntityRef("23XI Racing", "Team")
TRICON = EntityRef("TRICON Garage", "Team")
SHR = EntityRef("Sam Hunt Racing", "Team")
JGR = EntityRef("Joe Gibbs Racing", "Team")
TOYOTA = EntityRef("Toyota", "Manufacturer")
TRUCKS = "NASCAR Craftsman Truck Series"


def ev(text: str, start: int | None = None, confidence: float = 0.9,
       doc: Document = ARTICLE) -> Evidence:
    return Evidence(doc, text, start, None if start is None else start + len(text), confidence,
                    "rules", "0.1")


def sample_batch() -> GraphBatch:
    """The graph of the sample article: endorsements with quotes, a feud, teams, Toyota."""
    entities = [Entity("Corey Heim", "Driver", ("Heim",), "Q105720366"),
                Entity("Ty Gibbs", "Driver", ("Gibbs",)),
                Entity("TRICON Garage", "Team", ("Tricon",)),
                Entity(TRUCKS, "Series", ("Truck Series", "Trucks"))]
    relations = [
        Relation(BARKER, "endorses", HEIM, [
            ev("Among those is Bootie Barker, a veteran crew chief who has worked closely "
               "with Heim during his Cup starts.", 3866),
            ev("Bootie Barker told me & @LarryMac28 Heim is Cup ready right now", 7020, 0.95)]),
        Relation(HAMLIN, "endorses", HEIM, [
            ev("Heim also enjoys endorsements from top figures, including Denny Hamlin, whose "
               "influence at 23XI Racing is significant", 3990)]),
        Relation(BIFFLE, "endorses", HEIM, [
            ev("and Greg Biffle, the driver whose record Heim matched in New Hampshire.", 4101,
               0.8)]),
        Relation(HEIM, "feuded_with", GIBBS, [
            ev("Notably, a lingering feud with Ty Gibbs from their ARCA Menards Series days "
               "still echoes", 4420, 0.85)]),
        Relation(HEIM, "drove_for", XI, [
            ev("his notable Cup Series top-10 finish at Bristol Motor Speedway with 23XI Racing.",
               2900)]),
        Relation(HEIM, "drove_for", SHR, [
            ev("his occasional appearances in the Xfinity Series with Sam Hunt Racing", 2800,
               0.7)]),
        Relation(HEIM, "drove_for", TRICON, [ev("Corey Heim drove for TRICON Garage", None, 1.0,
                                                RESULTS)],
                 [SeasonStats(TRUCKS, 2023, 23, 3, 10, 15, 1, 8.2, 400, ("11",)),
                  SeasonStats(TRUCKS, 2024, 23, 6, 14, 18, 1, 6.1, 700, ("11",)),
                  SeasonStats(TRUCKS, 2025, 21, 9, 16, 19, 1, 4.0, 900, ("11",))]),
        Relation(GIBBS, "drove_for", JGR, [ev("Gibbs has already moved up to the Cup Series",
                                              4600, 0.6)],
                 [SeasonStats("NASCAR Cup Series", 2024, 36, 0, 2, 6, 3, 17.0, 50, ("54",))]),
        Relation(HAMLIN, "owns", XI, [ev("Denny Hamlin, whose influence at 23XI Racing is "
                                         "significant", 4000, 0.7)]),
        Relation(HAMLIN, "drove_for", JGR),
        Relation(XI, "affiliated_with", TOYOTA, [
            ev("Toyota and its associated organizations", 6500, 0.6)]),
        Relation(TRICON, "affiliated_with", TOYOTA),
        Relation(JGR, "affiliated_with", TOYOTA),
        Relation(TOYOTA, "sponsors", TRICON, [ev("Toyota, the manufacturer linked to both "
                                                 "drivers", 4700, 0.5)]),
    ]
    return GraphBatch(entities=entities, documents=[ARTICLE, RESULTS], relations=relations)


def hostile_batch() -> GraphBatch:
    """A graph whose names and quotes try to break out of every format."""
    evil = EntityRef(HOSTILE_NAME, "Driver")
    batch = sample_batch()
    batch.entities.append(Entity(HOSTILE_NAME, "Driver", ("=cmd|' /C calc'!A0", "@SUM(1+1)")))
    batch.relations.append(Relation(evil, "endorses", HEIM, [ev(HOSTILE_QUOTE, 10)]))
    batch.relations.append(Relation(evil, "feuded_with", GIBBS, [ev("-2+3 said " + HOSTILE, 20)]))
    return batch


def sample_graph():
    return to_networkx(sample_batch())


def hostile_graph():
    return to_networkx(hostile_batch())


def test_sample_graph_shape():
    G = sample_graph()
    names = {d["name"] for _, d in G.nodes(data=True)}
    assert {"Corey Heim", "Bootie Barker", "Ty Gibbs", "Toyota", "23XI Racing"} <= names
    assert G.number_of_edges() == 14
