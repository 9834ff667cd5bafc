"""The extractor on small sentences written for these tests, with invented names.

Nothing here is in the registry: names come from ``extra_names`` (as race results would
give them) or from spaCy's NER with context typing, which proves the rules are general.
"""

from __future__ import annotations

import json

import pytest

from nascar_kg.loaders.extraction import (
    EXTRACTOR_NAME, EXTRACTOR_VERSION, DocumentExtraction, Extractor,
)
from nascar_kg.ontology import vocabulary
from nascar_kg.ontology.registry import parse_registry

EXTRA = [
    ("Alan Quill", "Driver"), ("Marcus Trent", "Driver"), ("Jody Farrow", "Driver"),
    ("Dale Farrow", "Driver"), ("Gus Whitaker", "Driver"), ("Sid Okafor", "Driver"),
    ("Lou Pacheco", "Driver"), ("Walt Brennan", "Driver"), ("Hank Dorsey", "CrewChief"),
    ("Brightwater Racing", "Team"), ("Kestrel Motorsports", "Team"),
    ("Lakeview Speedway", "Track"),
]
REGISTRY = parse_registry({"entities": [
    {"name": "Chevrolet", "type": "Manufacturer", "aliases": ["Chevy"]},
    {"name": "Ford", "type": "Manufacturer"},
    {"name": "NASCAR Cup Series", "type": "Series", "aliases": ["Cup Series"]},
], "facts": []})


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """One extractor (and one spaCy load) for the whole session."""
    return Extractor(registry=REGISTRY, extra_names=EXTRA)


@pytest.fixture(scope="session")
def bare() -> Extractor:
    """An extractor that knows no names at all: everything comes from NER and context."""
    return Extractor(registry=parse_registry({"entities": [], "facts": []}))


def triples(result: DocumentExtraction) -> set[tuple[str, str, str]]:
    return {(r.subject, r.predicate, r.object) for r in result.relations}


def types(result: DocumentExtraction) -> dict[str, str]:
    return {e.name: e.type for e in result.entities}


# ---------------------------------------------------------------- output shape

def test_constants_and_lazy_import():
    assert EXTRACTOR_NAME == "nascar-kg-rules"
    assert EXTRACTOR_VERSION
    ex = Extractor(registry=REGISTRY)
    assert ex._nlp is None  # spaCy is loaded on first use only


def test_json_shape_and_offsets(extractor):
    text = "Alan Quill will drive the No. 7 Ford for Brightwater Racing next season."
    result = extractor.extract(text, document="news/quill.txt")
    record = json.loads(result.to_json_line())
    assert set(record) == {"document", "entities", "relations"}
    assert record["document"] == "news/quill.txt"
    for ent in record["entities"]:
        assert set(ent) == {"name", "type", "mentions"}
        for m in ent["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]
    assert record["relations"], record
    for rel in record["relations"]:
        assert set(rel) == {"subject", "subject_type", "predicate", "object", "object_type",
                            "evidence", "start", "end", "confidence"}
        assert text[rel["start"]:rel["end"]] == rel["evidence"]
        assert 0 < rel["confidence"] <= 1
        assert vocabulary().accepts(rel["predicate"], rel["subject_type"], rel["object_type"])
    assert ("Alan Quill", "drove_for", "Brightwater Racing") in triples(result)


def test_extract_many_keeps_order_and_names(extractor):
    texts = [("Alan Quill won.", "a.txt"), ("Marcus Trent won.", "b.txt"), "Gus Whitaker won."]
    results = list(extractor.extract_many(texts))
    assert [r.document for r in results] == ["a.txt", "b.txt", "<text 3>"]
    assert [r.entities[0].name for r in results] == ["Alan Quill", "Marcus Trent", "Gus Whitaker"]


# ---------------------------------------------------------------- entities and linking

def test_surname_possessive_and_canonical_name(extractor):
    text = ("Alan Quill won the pole. Quill’s car was fast all night, and Quill's crew "
            "chief Hank Dorsey made the right calls.")
    result = extractor.extract(text)
    quill = result.entity("Alan Quill")
    assert quill is not None and quill.type == "Driver"
    assert [m.text for m in quill.mentions] == ["Alan Quill", "Quill", "Quill"]
    assert types(result)["Hank Dorsey"] == "CrewChief"


def test_ambiguous_surname_is_resolved_by_context_or_left_out(extractor):
    text = ("Dale Farrow and Jody Farrow are brothers. Farrow won on Saturday. "
            "Jody Farrow finished second at Lakeview Speedway. Farrow was upset afterward.")
    result = extractor.extract(text)
    dale, jody = result.entity("Dale Farrow"), result.entity("Jody Farrow")
    surname_starts = [m.start for m in dale.mentions + jody.mentions if m.text == "Farrow"]
    # the first bare "Farrow" follows both brothers in one sentence: left out
    assert text.index("Farrow won") not in surname_starts
    # the second follows Jody alone: Jody's
    assert text.index("Farrow was upset") in [m.start for m in jody.mentions]


def test_handle_in_signature_line_is_an_alias(bare):
    text = ("Alan Quill is ready right now, his crew chief said.\n"
            "— Tina Marsh (@TinaMarshRaces) March 3, 2025\n"
            "Follow @TinaMarshRaces for more.")
    result = bare.extract(text)
    tina = result.entity("Tina Marsh")
    assert tina is not None and tina.type == "Person"
    assert [m.text for m in tina.mentions].count("@TinaMarshRaces") == 2


def test_context_types_names_outside_the_gazetteer(bare):
    text = ("Crew chief Hank Dorsey will call the shots. Brightwater Racing owner Ruth "
            "Calloway said the team is ready. The No. 44 Chevrolet of Gus Whitaker led 40 "
            "laps. Zentrix Energy will sponsor Whitaker in 12 races.")
    t = types(bare.extract(text))
    assert t["Hank Dorsey"] == "CrewChief"
    assert t["Ruth Calloway"] == "Person"
    assert t["Gus Whitaker"] == "Driver"
    assert t["Brightwater Racing"] == "Team"
    assert t["Zentrix Energy"] == "Sponsor"


def test_team_and_track_patterns(bare):
    text = "Kestrel Motorsports won at Lakeview Motor Speedway with Team Halcyon in second."
    t = types(bare.extract(text))
    assert t.get("Kestrel Motorsports") == "Team"
    assert t.get("Lakeview Motor Speedway") == "Track"
    assert t.get("Team Halcyon") == "Team"


def test_headings_alone_do_not_make_entities(bare):
    text = "Consistent Excellence in the Truck Series\nThe season went on as before.\n"
    assert bare.extract(text).entities == []


# ---------------------------------------------------------------- relations

def test_list_of_endorsers_gives_one_edge_each(extractor):
    text = ("Alan Quill also enjoys endorsements from veteran drivers, including Walt "
            "Brennan, Sid Okafor and Lou Pacheco.")
    got = triples(extractor.extract(text))
    for endorser in ("Walt Brennan", "Sid Okafor", "Lou Pacheco"):
        assert (endorser, "endorses", "Alan Quill") in got


def test_relative_clause_gives_affiliation_of_its_antecedent_only(extractor):
    text = ("Alan Quill has support from Walt Brennan, whose influence at Kestrel Motorsports "
            "is significant, and Sid Okafor, the driver whose record Quill matched.")
    got = triples(extractor.extract(text))
    assert ("Walt Brennan", "affiliated_with", "Kestrel Motorsports") in got
    assert ("Sid Okafor", "affiliated_with", "Kestrel Motorsports") not in got


def test_relative_pronoun_takes_the_nearest_list(extractor):
    text = ("The record books note Walt Brennan, who moved up early, Sid Okafor and Lou "
            "Pacheco, who made waves with Kestrel Motorsports.")
    got = triples(extractor.extract(text))
    assert ("Sid Okafor", "drove_for", "Kestrel Motorsports") in got
    assert ("Lou Pacheco", "drove_for", "Kestrel Motorsports") in got
    assert ("Walt Brennan", "drove_for", "Kestrel Motorsports") not in got


def test_reported_speech_speaker_endorses(extractor):
    text = "Walt Brennan told reporters Alan Quill is ready for the Cup Series right now."
    assert ("Walt Brennan", "endorses", "Alan Quill") in triples(extractor.extract(text))


def test_reporter_quoting_does_not_endorse(extractor):
    text = ("Marcus Trent wrote that Walt Brennan said Alan Quill is ready.\n"
            "Walt Brennan told me Alan Quill is Cup ready.\n"
            "— Tina Marsh (@TinaMarshRaces) August 1, 2025")
    got = triples(extractor.extract(text))
    assert ("Walt Brennan", "endorses", "Alan Quill") in got
    assert ("Marcus Trent", "endorses", "Alan Quill") not in got
    assert not any(s == "Tina Marsh" for s, _, _ in got)


def test_negation_blocks_and_hedging_lowers(extractor):
    text = ("Sid Okafor did not endorse Alan Quill. Lou Pacheco will not drive for Kestrel "
            "Motorsports. Marcus Trent might drive for Brightwater Racing next year. "
            "Gus Whitaker will drive for Brightwater Racing next year.")
    result = extractor.extract(text)
    got = triples(result)
    assert ("Sid Okafor", "endorses", "Alan Quill") not in got
    assert ("Lou Pacheco", "drove_for", "Kestrel Motorsports") not in got
    conf = {(r.subject, r.object): r.confidence for r in result.relations}
    assert conf[("Gus Whitaker", "Brightwater Racing")] > conf.get(
        ("Marcus Trent", "Brightwater Racing"), 0)


def test_signings_and_departures(extractor):
    text = ("Kestrel Motorsports signed Gus Whitaker to a two-year deal. Sid Okafor left "
            "Brightwater Racing after the season. Lou Pacheco was signed by Brightwater Racing.")
    got = triples(extractor.extract(text))
    assert ("Gus Whitaker", "drove_for", "Kestrel Motorsports") in got
    assert ("Sid Okafor", "drove_for", "Brightwater Racing") in got
    assert ("Lou Pacheco", "drove_for", "Brightwater Racing") in got


def test_team_driver_name_patterns(extractor):
    text = ("Kestrel Motorsports driver Gus Whitaker was fastest, and Brightwater Racing's "
            "Sid Okafor was second.")
    got = triples(extractor.extract(text))
    assert ("Gus Whitaker", "drove_for", "Kestrel Motorsports") in got
    assert ("Sid Okafor", "drove_for", "Brightwater Racing") in got


def test_appearances_with_team_through_possessive_pronoun(extractor):
    text = ("Alan Quill’s credentials are reinforced by his appearances in the Cup Series "
            "with Kestrel Motorsports.")
    assert ("Alan Quill", "drove_for", "Kestrel Motorsports") in triples(extractor.extract(text))


def test_team_manufacturer(extractor):
    text = "Kestrel Motorsports fields Chevrolets in the Cup Series."
    assert ("Kestrel Motorsports", "affiliated_with", "Chevrolet") in triples(
        extractor.extract(text))


def test_manufacturer_linked_to_both_drivers(extractor):
    text = ("Sid Okafor has already moved up, while Alan Quill is seen as ready to join him. "
            "The question is whether Chevrolet, the manufacturer linked to both drivers, "
            "will step in.")
    got = triples(extractor.extract(text))
    assert ("Sid Okafor", "affiliated_with", "Chevrolet") in got
    assert ("Alan Quill", "affiliated_with", "Chevrolet") in got


def test_crew_chief_pairings(extractor):
    text = ("Among those is Hank Dorsey, a veteran crew chief who has worked closely with "
            "Alan Quill during his starts.")
    assert ("Hank Dorsey", "crew_chief_for", "Alan Quill") in triples(extractor.extract(text))
    text = "Marcus Trent will be paired with crew chief Hank Dorsey next season."
    assert ("Hank Dorsey", "crew_chief_for", "Marcus Trent") in triples(extractor.extract(text))


def test_owners(bare):
    text = ("Brightwater Racing owner Ruth Calloway watched from the pit box. Otis Greer "
            "owns Kestrel Motorsports.")
    got = triples(bare.extract(text))
    assert ("Ruth Calloway", "owns", "Brightwater Racing") in got
    assert ("Otis Greer", "owns", "Kestrel Motorsports") in got


def test_sponsors(bare):
    text = ("Zentrix Energy will sponsor Gus Whitaker in 12 races. Whitaker's truck is "
            "sponsored by Polar Peak Water.")
    got = triples(bare.extract(text))
    assert ("Zentrix Energy", "sponsors", "Gus Whitaker") in got
    assert ("Polar Peak Water", "sponsors", "Gus Whitaker") in got


def test_feud_is_symmetric_and_emitted_once(extractor):
    text = ("Alan Quill and Marcus Trent feuded after a crash at Lakeview Speedway, and "
            "Trent confronted Quill on pit road. Quill's feud with Trent is not over.")
    result = extractor.extract(text)
    feuds = [r for r in result.relations if r.predicate == "feuded_with"]
    assert len(feuds) == 1
    assert {feuds[0].subject, feuds[0].object} == {"Alan Quill", "Marcus Trent"}


def test_feud_with_one_named_party_takes_the_previous_subject(extractor):
    text = ("Alan Quill's path is affected by other factors. Notably, a lingering feud with "
            "Marcus Trent from their early days still echoes.")
    feuds = [(r.subject, r.object) for r in extractor.extract(text).relations
             if r.predicate == "feuded_with"]
    assert feuds and set(feuds[0]) == {"Alan Quill", "Marcus Trent"}


def test_on_track_contact_alone_is_no_feud(extractor):
    text = "Chandler won after Alan Quill and Marcus Trent tangled in the final moments."
    assert not any(r.predicate == "feuded_with" for r in extractor.extract(text).relations)
