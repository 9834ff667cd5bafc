"""The reference registry (ontology/registry.json): format, consistency and known facts.

The registry is hand-written data; these tests check that it parses against the ontology,
that names resolve to one entity each, that its facts are well formed, and a small
hand-written list of facts any NASCAR reader knows (the makes of the 2025 Cup teams).
When the shared race-results data is beside the project, every team (at least 3 starts in a
season) and every track of the 2023-2025 national series must resolve to a registry entity.
"""

from __future__ import annotations

import csv
import gzip
import json
import re
from collections import defaultdict

import pytest

from nascar_kg.ontology import read_text, vocabulary
from nascar_kg.ontology.registry import REGISTRY_FILE, fold, load_registry, parse_registry

NATIONAL_SERIES = {
    "NASCAR Cup Series": "cup",
    "NASCAR Xfinity Series": "nxs",
    "NASCAR Craftsman Truck Series": "truck",
}

# Names that may legitimately belong to more than one entity (folded form -> canonical names).
# None today: a surname alone is never an alias, and short forms are unique.
ALLOWED_AMBIGUOUS: dict[str, set[str]] = {}

# Entities of the bundled sample article, which the registry started with and must keep.
SEED_ENTITIES = {
    "Corey Heim": "Driver", "Layne Riggs": "Driver", "Kyle Larson": "Driver",
    "Chandler Smith": "Driver", "Stewart Friesen": "Driver", "Connor Zilisch": "Driver",
    "Carson Hocevar": "Driver", "Mike Skinner": "Driver", "Kurt Busch": "Driver",
    "Carl Edwards": "Driver", "Travis Kvapil": "Driver", "Denny Hamlin": "Driver",
    "Greg Biffle": "Driver", "Ty Gibbs": "Driver", "Kyle Busch": "Driver",
    "Bootie Barker": "CrewChief", "Danielle Trotta": "Person", "Larry McReynolds": "Person",
    "Michael Jordan": "Person", "23XI Racing": "Team", "Sam Hunt Racing": "Team",
    "RFK Racing": "Team", "TRICON Garage": "Team", "Joe Gibbs Racing": "Team",
    "Toyota": "Manufacturer", "Ford": "Manufacturer", "Chevrolet": "Manufacturer",
    "Dodge": "Manufacturer", "NASCAR": "Organization", "Toyota Racing Development": "Organization",
    "NASCAR Cup Series": "Series", "NASCAR Xfinity Series": "Series",
    "NASCAR Craftsman Truck Series": "Series", "ARCA Menards Series": "Series",
    "Homestead-Miami Speedway": "Track", "North Wilkesboro Speedway": "Track",
    "Michigan International Speedway": "Track", "New Hampshire Motor Speedway": "Track",
    "Bristol Motor Speedway": "Track", "Richmond Raceway": "Track",
}

# 2025 NASCAR Cup Series organizations and the make each fielded (chartered teams).
CUP_2025_MAKES = {
    "Joe Gibbs Racing": "Toyota",
    "Hendrick Motorsports": "Chevrolet",
    "Team Penske": "Ford",
    "RFK Racing": "Ford",
    "23XI Racing": "Toyota",
    "Trackhouse Racing": "Chevrolet",
    "Richard Childress Racing": "Chevrolet",
    "Spire Motorsports": "Chevrolet",
    "Kaulig Racing": "Chevrolet",
    "Legacy Motor Club": "Toyota",
    "Front Row Motorsports": "Ford",
    "Wood Brothers Racing": "Ford",
    "Haas Factory Team": "Ford",
    "Hyak Motorsports": "Chevrolet",
    "Rick Ware Racing": "Ford",
}

# Surface forms (aliases, older names, data spellings) and the entity they must resolve to.
RESOLVES_TO = {
    "23xi": "23XI Racing",
    "JGR": "Joe Gibbs Racing",
    "HMS": "Hendrick Motorsports",
    "RCR": "Richard Childress Racing",
    "SHR": "Stewart-Haas Racing",
    "Trackhouse": "Trackhouse Racing",
    "Kaulig": "Kaulig Racing",
    "LEGACY MOTOR CLUB": "Legacy Motor Club",
    "Petty GMS Motorsports": "Legacy Motor Club",
    "Tricon Garage": "TRICON Garage",
    "Roush Fenway Racing": "RFK Racing",
    "JTG Daugherty Racing": "Hyak Motorsports",
    "McAnally-Hilgemann Racing": "McAnally Hilgemann Racing",
    "SS Green Light Racing": "SS-Green Light Racing",
    "DGM Racing x JIM": "DGM Racing",
    "Emerling Gase Motorsports": "Joey Gase Motorsports",
    "Garage 66": "MBM Motorsports",
    "Chevy": "Chevrolet",
    "TRD": "Toyota Racing Development",
    "Darrell Wallace Jr.": "Bubba Wallace",
    "Daniel Suárez": "Daniel Suarez",
    "Richmond International Raceway": "Richmond Raceway",
    "Atlanta Motor Speedway": "EchoPark Speedway",
    "Dover International Speedway": "Dover Motor Speedway",
    "World Wide Technology Raceway at Gateway": "World Wide Technology Raceway",
    "Autodromo Hermanos Rodriguez": "Autódromo Hermanos Rodríguez",
    "Talladega": "Talladega Superspeedway",
    "Xfinity Series": "NASCAR Xfinity Series",
}

PEOPLE = {"Driver", "CrewChief", "Person"}


@pytest.fixture(scope="module")
def raw() -> dict:
    return json.loads(read_text(REGISTRY_FILE))


@pytest.fixture(scope="module")
def reg():
    return load_registry()


def by_name(reg):
    return {e.name: e for e in reg.entities}


def test_parses_against_the_ontology(raw, reg):
    assert parse_registry(raw).entities == reg.entities
    voc = vocabulary()
    assert {e.type for e in reg.entities} <= set(voc.entity_classes)
    assert {f.predicate for f in reg.facts} <= set(voc.predicates)
    assert len(reg.entities) > 200 and len(reg.facts) > 100


def test_file_is_pretty_printed_grouped_and_sorted(raw):
    text = read_text(REGISTRY_FILE)
    assert text == json.dumps(raw, indent=1, ensure_ascii=False) + "\n"
    order = {name: c.order for name, c in vocabulary().entity_classes.items()}
    keys = [(order[e["type"]], fold(e["name"])) for e in raw["entities"]]
    assert keys == sorted(keys), "entities are grouped by type (ontology order), sorted by name"

    def fact_key(f):
        first, last = f.get("seasons") or (0, 0)
        return (f["predicate"], fold(f["subject"]), f.get("series") or "", first, last,
                fold(f["object"]))

    keys = [fact_key(f) for f in raw["facts"]]
    assert keys == sorted(keys), "facts are sorted by predicate, subject, series, seasons, object"
    assert len(set(keys)) == len(keys), "no duplicate facts"


def test_names_are_unique_and_aliases_do_not_collide(reg):
    names = [e.name for e in reg.entities]
    assert len(names) == len(set(names))
    owners = defaultdict(set)
    for e in reg.entities:
        assert e.name not in e.aliases, e.name
        assert len(set(e.aliases)) == len(e.aliases), e.name
        for n in e.names:
            assert n and n == " ".join(n.split()), f"{e.name}: badly spaced name {n!r}"
            owners[fold(n)].add(e.name)
    clashes = {k: v for k, v in owners.items() if len(v) > 1}
    assert clashes == {k: v for k, v in ALLOWED_AMBIGUOUS.items() if k in clashes}
    assert set(ALLOWED_AMBIGUOUS) <= set(clashes), "stale entry in ALLOWED_AMBIGUOUS"


def test_no_surname_or_first_name_alone_is_an_alias(reg):
    for e in reg.entities:
        if e.type not in PEOPLE:
            continue
        words = {fold(w) for w in e.name.replace(".", " ").split()}
        for alias in e.aliases:
            assert not (len(alias.split()) == 1 and fold(alias) in words), (e.name, alias)


def test_seed_entities_are_kept(reg):
    names = by_name(reg)
    for name, type_ in SEED_ENTITIES.items():
        assert name in names, name
        assert names[name].type == type_, name


def test_lookups_resolve_aliases_and_older_names(reg):
    for surface, canonical in RESOLVES_TO.items():
        found = reg.lookup(surface)
        assert [e.name for e in found] == [canonical], surface


def test_wikidata_ids_are_well_formed_and_unique(reg):
    qids = [e.wikidata for e in reg.entities if e.wikidata]
    assert all(re.fullmatch(r"Q[1-9]\d*", q) for q in qids)
    assert len(qids) == len(set(qids))
    assert by_name(reg)["Toyota"].wikidata == "Q53268"


def test_facts_series_are_series_entities(reg):
    names = by_name(reg)
    for f in reg.facts:
        if f.series is not None:
            assert f.series in names and names[f.series].type == "Series", f
        if f.first_season is not None:
            assert 1949 <= f.first_season <= (f.last_season or 2025) <= 2025, f


def test_national_series_carry_their_results_code(reg):
    names = by_name(reg)
    for series, code in NATIONAL_SERIES.items():
        assert names[series].properties.get("results_code") == code


def test_team_make_facts_are_well_formed(reg):
    names = by_name(reg)
    team_facts = [f for f in reg.facts if f.predicate == "affiliated_with"
                  and names[f.object].type == "Manufacturer"]
    assert team_facts
    for f in team_facts:
        assert names[f.subject].type == "Team", f
        assert f.series in NATIONAL_SERIES, f
        assert f.first_season is not None and f.last_season is not None, f
        assert f.note == f"fields {f.object}s", f
    teams = {e.name for e in reg.entities if e.type == "Team"}
    assert teams == {f.subject for f in team_facts}, "every team has its make in 2023-2025"
    # one fact per continuous span: spans of one team, series and make never touch or overlap
    spans = defaultdict(list)
    for f in team_facts:
        spans[(f.subject, f.series, f.object)].append((f.first_season, f.last_season))
    for key, runs in spans.items():
        runs.sort()
        for (_, end), (start, _) in zip(runs, runs[1:]):
            assert start > end + 1, key


def test_2025_cup_teams_field_their_make(reg):
    for team, make in CUP_2025_MAKES.items():
        assert any(f.subject == team and f.predicate == "affiliated_with" and f.object == make
                   and f.series == "NASCAR Cup Series"
                   and f.first_season <= 2025 <= f.last_season for f in reg.facts), team


def test_team_that_switched_make_has_two_facts(reg):
    lmc = sorted((f.first_season, f.last_season, f.object) for f in reg.facts
                 if f.subject == "Legacy Motor Club" and f.predicate == "affiliated_with")
    assert lmc == [(2023, 2023, "Chevrolet"), (2024, 2025, "Toyota")]


def test_owners(reg):
    names = by_name(reg)
    owns = [f for f in reg.facts if f.predicate == "owns"]
    for f in owns:
        assert names[f.subject].type in PEOPLE and names[f.object].type == "Team", f
        assert f.first_season <= f.last_season, f
    pairs = {(f.subject, f.object) for f in owns}
    for pair in [("Rick Hendrick", "Hendrick Motorsports"), ("Joe Gibbs", "Joe Gibbs Racing"),
                 ("Richard Childress", "Richard Childress Racing"), ("Roger Penske", "Team Penske"),
                 ("Justin Marks", "Trackhouse Racing"), ("Matt Kaulig", "Kaulig Racing"),
                 ("Jack Roush", "RFK Racing"), ("Brad Keselowski", "RFK Racing"),
                 ("Denny Hamlin", "23XI Racing"), ("Michael Jordan", "23XI Racing"),
                 ("Jimmie Johnson", "Legacy Motor Club")]:
        assert pair in pairs, pair
    # the person's primary NASCAR role (the gold rule): a driver who owns a team is a
    # Driver; an owner known as an owner (even one who raced a little, long ago) a Person
    assert names["Brad Keselowski"].type == "Driver"
    assert names["Richard Childress"].type == "Person"
    assert names["Joe Gibbs"].type == "Person"


def test_tracks_have_length_and_surface(reg):
    tracks = [e for e in reg.entities if e.type == "Track"]
    assert len(tracks) >= 40
    for t in tracks:
        length = t.properties.get("length")
        assert isinstance(length, (int, float)) and 0 < length < 5, t.name
        assert t.properties.get("surface") in {"paved", "road", "dirt"}, t.name


# ------------------------------------------------------------------ against the results data
def _rows(shared_dir, code):
    path = shared_dir / "data" / "nascar-results" / f"{code}_series.csv.gz"
    if not path.is_file():
        pytest.skip(f"{path} is not here")
    with gzip.open(path, "rt", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["Season"] and 2023 <= int(float(row["Season"])) <= 2025:
                yield row


@pytest.fixture(scope="module")
def recent_rows(shared_dir):
    return {code: list(_rows(shared_dir, code)) for code in NATIONAL_SERIES.values()}


def _one(reg, name, type_):
    found = [e for e in reg.lookup(name) if e.type == type_]
    return found[0].name if len(found) == 1 else None


def test_every_recent_team_resolves(reg, recent_rows):
    starts = defaultdict(int)
    for code, rows in recent_rows.items():
        for row in rows:
            starts[(row["Team"], code, row["Season"])] += 1
    teams = {team for (team, _, _), n in starts.items() if n >= 3 and team}
    assert len(teams) > 50
    unresolved = sorted(t for t in teams if _one(reg, t, "Team") is None)
    assert not unresolved


def test_every_recent_track_resolves(reg, recent_rows):
    tracks = {row["Track"] for rows in recent_rows.values() for row in rows}
    # spellings of the results that are not names of the venue (Portland International
    # Raceway's road course appears under the name of a closed oval) are kept apart
    spelled = {n: e.name for e in reg.entities if e.type == "Track"
               for n in e.properties.get("results_names", ())}
    assert len(tracks) > 35
    unresolved = sorted(t for t in tracks if _one(reg, t, "Track") is None and t not in spelled)
    assert not unresolved


def test_recent_team_makes_match_the_results(reg, recent_rows):
    codes = {code: series for series, code in NATIONAL_SERIES.items()}
    fielded = defaultdict(int)
    for code, rows in recent_rows.items():
        for row in rows:
            team = _one(reg, row["Team"], "Team")
            if team:
                fielded[(team, codes[code], int(float(row["Season"])), row["Make"])] += 1
    for f in reg.facts:
        if f.predicate != "affiliated_with" or f.series not in NATIONAL_SERIES:
            continue
        if by_name(reg)[f.object].type != "Manufacturer":
            continue
        for season in range(max(f.first_season, 2023), f.last_season + 1):
            assert fielded[(f.subject, f.series, season, f.object)] > 0, (f, season)


def test_2025_drivers_are_spelled_as_in_the_results(reg, recent_rows):
    drivers = {e.name for e in reg.entities if e.type == "Driver"}
    full_time_cup = defaultdict(set)
    for row in recent_rows["cup"]:
        if row["Season"].startswith("2025"):
            full_time_cup[row["Driver"]].add(row["Race"])
    regulars = {d for d, races in full_time_cup.items() if len(races) >= 30}
    assert len(regulars) >= 30
    assert regulars <= drivers
