"""The extractor on phrasings of race reports, releases and profiles, with invented names.

Every name here is invented: it reaches the extractor only through ``extra_names`` (as
race results would give it) or through spaCy's NER and the context rules, so each test
exercises a general pattern of English NASCAR reporting, not a known fact.
"""

from __future__ import annotations

import pytest

from nascar_kg.loaders.extraction import DocumentExtraction, Extractor
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


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor(registry=REGISTRY, extra_names=EXTRA)


@pytest.fixture(scope="module")
def bare() -> Extractor:
    return Extractor(registry=REGISTRY)


def triples(result: DocumentExtraction) -> set[tuple[str, str, str]]:
    return {(r.subject, r.predicate, r.object) for r in result.relations}


def types(result: DocumentExtraction) -> dict[str, str]:
    return {e.name: e.type for e in result.entities}


# ---------------------------------------------------------------- car descriptions

def test_team_written_before_the_make(ex):
    text = ("Alan Quill, in the No. 7 Brightwater Racing Chevrolet, finished third. "
            "Trent climbed from his Kestrel Motorsports Ford and walked to the hauler.")
    got = triples(ex.extract(text))
    assert ("Alan Quill", "drove_for", "Brightwater Racing") in got
    assert ("Brightwater Racing", "affiliated_with", "Chevrolet") in got
    assert ("Marcus Trent", "drove_for", "Kestrel Motorsports") in got
    assert ("Kestrel Motorsports", "affiliated_with", "Ford") in got


def test_the_owner_of_a_car_phrase_is_the_subject_or_the_possessor(ex):
    text = ("Sid Okafor faded to 16th in the Kestrel Motorsports Chevrolet. "
            "Pacheco's fourth-place run matched his best finish in the Brightwater Racing Ford.")
    got = triples(ex.extract(text))
    assert ("Sid Okafor", "drove_for", "Kestrel Motorsports") in got
    assert ("Lou Pacheco", "drove_for", "Brightwater Racing") in got


def test_a_car_number_is_not_a_sentence_end(ex):
    text = "Gus Whitaker brought the No. 10 Kestrel Motorsports Chevrolet home ninth."
    result = ex.extract(text)
    assert ("Gus Whitaker", "drove_for", "Kestrel Motorsports") in triples(result)
    assert len({r.evidence for r in result.relations}) == 1


def test_a_company_in_the_car_name_sponsors_the_driver(bare):
    text = "He left. Jody Farrow drove the No. 13 ZENTRIX Chevrolet for Kestrel Motorsports."
    result = bare.extract(text)
    assert ("ZENTRIX", "sponsors", "Jody Farrow") in triples(result)
    assert types(result)["ZENTRIX"] == "Sponsor"


def test_a_car_number_keeps_its_team_through_the_article(ex):
    text = ("Alan Quill drives the No. 7 Ford for Brightwater Racing. "
            "He will retire after the season. Marcus Trent will take over the No. 7 next year.")
    assert ("Marcus Trent", "drove_for", "Brightwater Racing") in triples(ex.extract(text))


def test_an_unknown_possessor_of_a_car_is_nobody_else(ex):
    text = "Trent is paired with Hank Dorsey; and Grimsby's No. 2 is led by Jo Pell."
    got = triples(ex.extract(text))
    assert not any(p == "crew_chief_for" and o == "Marcus Trent" and s != "Hank Dorsey"
                   for s, p, o in got)


# ---------------------------------------------------------------- sponsors

def test_sponsor_as_primary_partner_on_a_drivers_car(ex):
    text = ("Kestrel Motorsports announced its lineup on Monday. Newcomer Polar Peak Water "
            "will serve as primary partner on Alan Quill's No. 7 for ten races.")
    result = ex.extract(text)
    assert ("Polar Peak Water", "sponsors", "Alan Quill") in triples(result)
    assert "Newcomer Polar Peak Water" not in types(result)


def test_a_former_sponsor_named_by_a_relative_clause(bare):
    text = ("Alan Quill drives the No. 7 Ford for Kestrel Motorsports. The extension comes "
            "as Zentrix, which served as a primary sponsor on the No. 7 for two seasons, "
            "will not return in 2026.")
    assert ("Zentrix", "sponsors", "Alan Quill") in triples(bare.extract(text))


def test_sponsor_on_the_hood_and_colors(ex):
    text = ("Quill won the 2018 race at Lakeview Speedway in the No. 3. Harbor Bank was on the "
            "hood again Sunday. Trent's No. 98, carrying Pecos Grain Fuels colors, was fifth.")
    got = triples(ex.extract(text))
    assert ("Harbor Bank", "sponsors", "Alan Quill") in got
    assert ("Pecos Grain Fuels", "sponsors", "Marcus Trent") in got


def test_a_car_sponsored_by_a_company(ex):
    text = "Quill spent four seasons in the No. 56 Ford sponsored by Tarrow Auto Parts."
    assert ("Tarrow Auto Parts", "sponsors", "Alan Quill") in triples(ex.extract(text))


def test_the_company_refers_to_the_company_named_before(ex):
    text = ("Brightwater Racing extended its deal with Harlow Kitchen Supply on Tuesday. "
            "The company will also be the primary sponsor on Alan Quill's No. 2 Chevrolet.")
    assert ("Harlow Kitchen Supply", "sponsors", "Alan Quill") in triples(ex.extract(text))


# ---------------------------------------------------------------- results phrasing

def test_result_places_for_a_team(ex):
    text = ("Marcus Trent was 14th for Kestrel Motorsports. Lou Pacheco was ninth and Sid "
            "Okafor 10th for Brightwater Racing. Gus Whitaker was the top Kestrel Motorsports "
            "finisher in 12th.")
    got = triples(ex.extract(text))
    assert ("Marcus Trent", "drove_for", "Kestrel Motorsports") in got
    assert ("Sid Okafor", "drove_for", "Brightwater Racing") in got
    assert ("Lou Pacheco", "drove_for", "Brightwater Racing") not in got
    assert ("Gus Whitaker", "drove_for", "Kestrel Motorsports") in got


def test_a_drivers_day_and_a_teams_win(ex):
    text = ("Alan Quill held off Marcus Trent to win on Sunday, giving Brightwater Racing its "
            "third victory in five weeks. Gus Whitaker had a miserable afternoon for Kestrel "
            "Motorsports.")
    got = triples(ex.extract(text))
    assert ("Alan Quill", "drove_for", "Brightwater Racing") in got
    assert ("Gus Whitaker", "drove_for", "Kestrel Motorsports") in got
    assert ("Marcus Trent", "drove_for", "Brightwater Racing") not in got


def test_not_returning_to_a_team_is_a_past_ride(ex):
    text = "Sid Okafor will not return to Kestrel Motorsports' No. 99 next season."
    assert ("Sid Okafor", "drove_for", "Kestrel Motorsports") in triples(ex.extract(text))


# ---------------------------------------------------------------- crew chiefs

def test_crew_chief_in_a_sentence_about_one_driver(ex):
    text = "Crew chief Hank Dorsey brought Quill in for four tires under the final caution."
    assert ("Hank Dorsey", "crew_chief_for", "Alan Quill") in triples(ex.extract(text))


def test_crew_chief_who_called_a_drivers_races(ex):
    text = "Hank Dorsey, who has called Trent's races since 2019, said the car was fast."
    assert ("Hank Dorsey", "crew_chief_for", "Marcus Trent") in triples(ex.extract(text))


def test_his_crew_chief_is_someone_else(ex):
    text = ("Marcus Trent won at Lakeview Speedway in 2019. Hank Dorsey took over as his crew "
            "chief in 2020.")
    assert ("Hank Dorsey", "crew_chief_for", "Marcus Trent") in triples(ex.extract(text))


def test_remaining_as_crew_chief_for_the_new_driver(ex):
    text = "Gus Whitaker will take over the car next season, with Dorsey remaining as crew chief."
    assert ("Hank Dorsey", "crew_chief_for", "Gus Whitaker") in triples(ex.extract(text))


# ---------------------------------------------------------------- quotations

def test_praise_in_a_quotation_with_a_negation_elsewhere(ex):
    text = ('Quill and Trent raced for the win. "He\'s one of the best short-track guys out '
            'here, and he doesn\'t get enough credit for it," Trent said of Quill.')
    assert ("Marcus Trent", "endorses", "Alan Quill") in triples(ex.extract(text))


def test_negated_readiness_and_a_beating_are_no_praise(ex):
    text = ('Alan Quill won on Saturday. "I don\'t know that anybody is ready at 21," Trent '
            'said. "He got me pretty good," Whitaker said.')
    got = triples(ex.extract(text))
    assert not any(p == "endorses" for _, p, _ in got)


def test_speaker_of_a_continued_quotation(ex):
    text = ('Alan Quill joins the team in 2026. "Keeping the group together matters," said '
            'Walt Brennan. "Alan has a great reputation in the garage, and we\'re thrilled."')
    assert ("Walt Brennan", "endorses", "Alan Quill") in triples(ex.extract(text))


def test_he_said_is_the_person_named_before_the_quotation(ex):
    text = ('Walt Brennan laughed off the scrap. "Both of them can drive. I\'ve always said '
            'Quill could win in Cup," he said.')
    assert ("Walt Brennan", "endorses", "Alan Quill") in triples(ex.extract(text))


def test_thanks_are_no_endorsement(ex):
    text = '"I\'m grateful to Marcus and Gus for the confidence," Quill said.'
    assert not any(p == "endorses" for _, p, _ in triples(ex.extract(text)))


# ---------------------------------------------------------------- feuds

def test_a_punch_with_the_one_other_person(ex):
    text = "Marcus Trent waited in the garage for Alan Quill and threw a punch."
    result = ex.extract(text)
    assert [r.predicate for r in result.relations] == ["feuded_with"]


def test_exchanged_words_and_an_angry_gesture(ex):
    text = ("Marcus Trent crashed after contact with Quill. Trent gestured angrily at Quill's "
            "Ford as it passed. Later Whitaker and Okafor exchanged words near the haulers.")
    feuds = {frozenset((r.subject, r.object)) for r in ex.extract(text).relations
             if r.predicate == "feuded_with"}
    assert frozenset(("Marcus Trent", "Alan Quill")) in feuds
    assert frozenset(("Gus Whitaker", "Sid Okafor")) in feuds


def test_the_subject_pronoun_is_not_the_object(ex):
    text = ("Walt Brennan has had his own run-ins, most famously with Alan Quill, whom he "
            "confronted after a race at Lakeview Speedway.")
    feuds = {frozenset((r.subject, r.object)) for r in ex.extract(text).relations
             if r.predicate == "feuded_with"}
    assert frozenset(("Walt Brennan", "Alan Quill")) in feuds


# ---------------------------------------------------------------- owners, staff

def test_co_owners_and_the_team_of_an_apposition(ex):
    text = ("Gus Whitaker co-owns Kestrel Motorsports with Lou Pacheco. Quill drives for "
            "Brightwater Racing, the team owned by Walt Brennan.")
    got = triples(ex.extract(text))
    assert ("Gus Whitaker", "owns", "Kestrel Motorsports") in got
    assert ("Lou Pacheco", "owns", "Kestrel Motorsports") in got
    assert ("Walt Brennan", "owns", "Brightwater Racing") in got


def test_staff_titles_with_an_organization(bare):
    text = ("Kestrel Motorsports tire changer Michael Davis was hurt. Harlow Insurance chief "
            "marketing officer Dana Pell said the company would stay.")
    got = triples(bare.extract(text))
    assert ("Michael Davis", "affiliated_with", "Kestrel Motorsports") in got
    assert ("Dana Pell", "affiliated_with", "Harlow Insurance") in got


def test_a_crew_chief_moving_to_a_team_is_affiliated_not_driving(ex):
    text = "Veteran crew chief Hank Dorsey joins Kestrel Motorsports from Brightwater Racing."
    got = triples(ex.extract(text))
    assert ("Hank Dorsey", "affiliated_with", "Kestrel Motorsports") in got
    assert not any(p == "drove_for" for _, p, _ in got)


# ---------------------------------------------------------------- entities

def test_a_known_surname_named_alone(ex):
    text = "Over at the shop, nothing changed: Trent, Okafor and Pacheco are back."
    names = types(ex.extract(text))
    assert names.get("Marcus Trent") == "Driver" and names.get("Sid Okafor") == "Driver"
    # a surname two known people share is left alone
    assert "Jody Farrow" not in types(ex.extract("Farrow is back."))


def test_first_word_of_a_known_team_in_a_team_context(ex):
    text = "Sid Okafor, 18, is a Kestrel development driver."
    assert ("Sid Okafor", "affiliated_with", "Kestrel Motorsports") in triples(ex.extract(text))


def test_a_name_with_and_without_generational_suffix_is_one_person(bare):
    text = ("David Miller Jr. won at Lakeview Speedway on Sunday. David Miller said it was the "
            "best day of his life. Miller led 80 laps.")
    people = [e for e in bare.extract(text).entities if "Miller" in e.name]
    assert len(people) == 1 and people[0].name == "David Miller Jr."
    assert len(people[0].mentions) == 3


def test_a_shared_surname_alone_is_the_person_named_first(ex):
    text = ("Dale Farrow ran inside the top five for most of the race, and Jody Farrow was not "
            "shy about what he saw. \"He's ready,\" said Jody Farrow, who fielded trucks for "
            "years. Farrow drives the No. 8 Ford for Brightwater Racing.")
    got = triples(ex.extract(text))
    assert ("Dale Farrow", "drove_for", "Brightwater Racing") in got
    assert ("Jody Farrow", "drove_for", "Brightwater Racing") not in got


def test_joining_a_board_and_an_investment(bare):
    text = ("In 2025 Kestrel Motorsports welcomed a strategic investment from Harlow Capital "
            "Management, whose co-founder Michael Davis joined Kestrel Motorsports' board of "
            "directors.")
    got = triples(bare.extract(text))
    assert ("Harlow Capital Management", "affiliated_with", "Kestrel Motorsports") in got
    assert ("Michael Davis", "affiliated_with", "Harlow Capital Management") in got
    assert ("Michael Davis", "affiliated_with", "Kestrel Motorsports") in got


def test_a_make_driven_for_a_team(ex):
    text = "Lou Pacheco was the top Ford in fifth for Kestrel Motorsports."
    got = triples(ex.extract(text))
    assert ("Kestrel Motorsports", "affiliated_with", "Ford") in got
    assert ("Lou Pacheco", "drove_for", "Kestrel Motorsports") in got


def test_a_description_inside_the_subject_of_a_rumour_stands(ex):
    text = ("Gus Whitaker, who won twice this year driving the No. 19 Ford for Kestrel "
            "Motorsports, has been rumored to join Brightwater Racing since July.")
    got = triples(ex.extract(text))
    assert ("Gus Whitaker", "drove_for", "Kestrel Motorsports") in got
    assert ("Gus Whitaker", "drove_for", "Brightwater Racing") not in got


def test_hash_numbers_models_and_numbered_sponsors(ex):
    text = ("Gus Whitaker, driver of the #12 Harbor Grain Ford, took the checkered flag. "
            "Sid Okafor's Kestrel Motorsports No. 50 Fuel 9 Chevrolet Falcon ZX2 was spun.")
    result = ex.extract(text)
    got = triples(result)
    assert ("Harbor Grain", "sponsors", "Gus Whitaker") in got
    assert ("Kestrel Motorsports", "affiliated_with", "Chevrolet") in got
    assert ("Fuel 9", "sponsors", "Sid Okafor") in got
    assert "Falcon ZX2" not in types(result)


def test_taking_a_shot_at_someone(ex):
    text = "After the race, Alan Quill took a shot at Trent on the broadcast."
    feuds = {frozenset((r.subject, r.object)) for r in ex.extract(text).relations
             if r.predicate == "feuded_with"}
    assert frozenset(("Alan Quill", "Marcus Trent")) in feuds


def test_a_hometown_is_no_person(bare):
    text = "A native of Elk Grove, California, Alan Quill made his first start in 2013."
    assert "Elk Grove" not in types(bare.extract(text))


def test_nascar_phrases_photo_credits_and_split_headlines_make_no_names(bare):
    text = ("Kestrel Motorsports Confirms 2026 Lineup: Quill and Trent Return, Walt Brennan "
            "Joins No. 42 Team\n\nAlan Quill celebrates in Victory Lane at Lakeview Speedway. "
            "(Photo by Sean Whitcomb/Getty Images)\n\nTheir tangle in the 2007 All-Star Race "
            "led to a well-known feud.")
    names = types(bare.extract(text))
    assert "Victory Lane" not in names and "All-Star Race" not in names
    assert "Sean Whitcomb" not in names
    assert not any(n.endswith("Joins") or n.endswith("Return") for n in names)


def test_a_sentence_naming_no_one_can_hold_a_feud(ex):
    text = ("Marcus Trent and Alan Quill are brothers. Their tangle in the 2007 All-Star Race "
            "led to a well-known feud.")
    feuds = {frozenset((r.subject, r.object)) for r in ex.extract(text).relations
             if r.predicate == "feuded_with"}
    assert frozenset(("Marcus Trent", "Alan Quill")) in feuds


def test_a_city_in_a_race_name_or_an_adjective_is_no_track(ex):
    reg = parse_registry({"entities": [
        {"name": "Lakeview Speedway", "type": "Track", "aliases": ["Lakeview"]},
    ], "facts": []})
    local = Extractor(registry=reg)
    assert "Lakeview Speedway" not in types(local.extract(
        "He won the Lakeview 500 for a Lakeview-based team, the Lakeview Bulletin wrote."))
    assert "Lakeview Speedway" in types(local.extract("The series races at Lakeview next."))


def test_companies_and_teams_typed_from_their_descriptions(bare):
    text = ("Walt Harmon co-owns Xfinity Series team Palmetto Speed Group. Harmon's company, "
            "Vantage Grid, will become the primary sponsor of the team. Busch Light, a "
            "longtime primary sponsor of the team, is leaving.")
    t = types(bare.extract(text))
    assert t.get("Palmetto Speed Group") == "Team"
    assert t.get("Vantage Grid") == "Sponsor"
    assert t.get("Busch Light") == "Sponsor"


def test_a_nickname_between_first_and_last_name(bare):
    text = ('Dave “Doc” Harlan, whose pit-box career spanned three decades, retired. '
            '“Doc taught me how to talk to a race car,” said Marcus Trent.')
    result = bare.extract(text)
    harlan = [e for e in result.entities if e.name == "Dave Harlan"]
    assert harlan and len(harlan[0].mentions) == 2
    assert ("Marcus Trent", "endorses", "Dave Harlan") in triples(result)


def test_crew_chiefs_over_a_misread_parse_and_verbs_with_objects(ex):
    text = ("Before and after that year, Dorsey guided Alan Quill and Marcus Trent to Truck "
            "Series championships. Crew chief Hank Dorsey brought Okafor in for four tires "
            "while Whitaker and Pacheco stayed out. Dorsey will lead the No. 42 team "
            "alongside Gus Whitaker.")
    got = triples(ex.extract(text))
    for d in ("Alan Quill", "Marcus Trent", "Sid Okafor", "Gus Whitaker"):
        assert ("Hank Dorsey", "crew_chief_for", d) in got
    assert ("Hank Dorsey", "crew_chief_for", "Lou Pacheco") not in got


def test_the_one_who_calls_the_races_is_the_subject(bare):
    text = ("Amy Tran, who spent two seasons as an engineer under crew chief Rita Calloway, "
            "will call races for Isaac Brooks in her first crew chief job.")
    got = triples(bare.extract(text))
    assert ("Rita Calloway", "crew_chief_for", "Isaac Brooks") not in got


def test_a_team_fielding_a_car_for_a_driver(ex):
    text = ("Kestrel Motorsports, co-owned by Walt Brennan and Lou Pacheco, fields the No. 42 "
            "Ford. The single-car operation, Brightwater Racing, fields the No. 47 for Sid "
            "Okafor. Alan Quill, now at Kestrel Motorsports, won twice.")
    got = triples(ex.extract(text))
    assert ("Walt Brennan", "drove_for", "Kestrel Motorsports") not in got
    assert ("Lou Pacheco", "drove_for", "Kestrel Motorsports") not in got
    assert ("Sid Okafor", "drove_for", "Brightwater Racing") in got
    assert ("Alan Quill", "drove_for", "Kestrel Motorsports") in got


@pytest.mark.parametrize("text", [
    "Alan Quill will drive the No. 7 Ford with sponsorship from Harlow Roofing in 2026.",
    "Harlow Roofing has been on board with Alan Quill since 2019.",
    "Harlow Roofing will be featured on Alan Quill's No. 7 Ford for six races.",
    "Harlow Roofing, Quill's longtime partner, renewed its deal with Brightwater Racing.",
    "The Harlow Roofing-sponsored Ford of Alan Quill led 40 laps.",
])
def test_more_ways_to_say_sponsor(ex, text):
    assert ("Harlow Roofing", "sponsors", "Alan Quill") in triples(ex.extract(text))


@pytest.mark.parametrize("text,pairs", [
    ("Alan Quill of Brightwater Racing won the pole.", [("Alan Quill", "Brightwater Racing")]),
    ("Brightwater Racing's Alan Quill and Marcus Trent finished 1-2.",
     [("Alan Quill", "Brightwater Racing"), ("Marcus Trent", "Brightwater Racing")]),
    ("Sid Okafor spent three years with Kestrel Motorsports before moving to Brightwater "
     "Racing.", [("Sid Okafor", "Kestrel Motorsports"), ("Sid Okafor", "Brightwater Racing")]),
    ("After leaving Kestrel Motorsports, Gus Whitaker signed with Brightwater Racing.",
     [("Gus Whitaker", "Kestrel Motorsports"), ("Gus Whitaker", "Brightwater Racing")]),
    ("Kestrel Motorsports will field a second car for Lou Pacheco next season.",
     [("Lou Pacheco", "Kestrel Motorsports")]),
])
def test_more_ways_to_say_drove_for(ex, text, pairs):
    got = triples(ex.extract(text))
    for d, t in pairs:
        assert (d, "drove_for", t) in got


def test_high_praise_and_the_pit_box(ex):
    got = triples(ex.extract("Walt Brennan had high praise for Alan Quill after the race. "
                             "Hank Dorsey will be atop the pit box for Marcus Trent in 2026."))
    assert ("Walt Brennan", "endorses", "Alan Quill") in got
    assert ("Hank Dorsey", "crew_chief_for", "Marcus Trent") in got


def test_owners_in_conjunctions_team_names_and_sentences(bare, ex):
    got = triples(bare.extract("Michael Davis, the driver and co-owner of Kestrel "
                               "Motorsports, told reporters he was pleased."))
    assert ("Michael Davis", "owns", "Kestrel Motorsports") in got
    got = triples(ex.extract("Brightwater Racing finished 1-2 at Lakeview Speedway. Later, "
                             "Gus Whitaker returns to full-time racing with the team owned by "
                             "Walt Kestrel. Kestrel Motorsports confirmed Sid Okafor will "
                             "move up, and team owner John Harlan was pleased."))
    assert ("Walt Kestrel", "owns", "Kestrel Motorsports") in got
    assert ("Gus Whitaker", "drove_for", "Kestrel Motorsports") in got
    assert ("John Harlan", "owns", "Kestrel Motorsports") in got


def test_a_number_inside_a_team_name(bare):
    text = ("He won two titles for Chance 4 Motorsports, the team owned by Walt Harmon.")
    result = bare.extract(text)
    assert types(result).get("Chance 4 Motorsports") == "Team"
    assert ("Walt Harmon", "owns", "Chance 4 Motorsports") in triples(result)


# ---------------------------------------------------------------- sponsors and makes

def test_historic_and_truck_makes_are_manufacturers():
    result = Extractor(extra_names=EXTRA).extract(
        "Alan Quill drove the No. 9 Orbix Pontiac for Brightwater Racing in 1998. "
        "Kestrel Motorsports will field Rams in the Truck Series.")
    got = triples(result)
    assert types(result)["Pontiac"] == "Manufacturer"
    assert ("Brightwater Racing", "affiliated_with", "Pontiac") in got
    assert ("Orbix", "sponsors", "Alan Quill") in got
    assert ("Kestrel Motorsports", "affiliated_with", "Ram") in got


def test_owning_the_team_named_after_the_owner(bare):
    text = ("Brightwater Racing won again. Gus Whitaker returns in the No. 52 for Farrow "
            "Motorsports. Farrow co-owns the team with Walt Harmon.")
    got = triples(bare.extract(text))
    assert ("Walt Harmon", "owns", "Farrow Motorsports") in got


def test_team_owner_under_a_team_heading(ex):
    text = ("KESTREL MOTORSPORTS\n\nAlan Quill moves into the No. 4 this season. "
            "Kestrel Motorsports has two trucks.\n\nBRIGHTWATER RACING\n\nJody Farrow has a "
            "new crew chief, Hank Dorsey. Team co-owner Walt Harmon said the deal was done.")
    got = triples(ex.extract(text))
    assert ("Walt Harmon", "owns", "Brightwater Racing") in got
    assert ("Walt Harmon", "owns", "Kestrel Motorsports") not in got


def test_a_car_carries_its_sponsors(ex):
    text = ("Alan Quill's No. 98 will again carry Tarrow Bay and Glimmex as co-primary "
            "partners, and Marcus Trent's No. 13 has Ostrander Services back for a second "
            "season.")
    result = ex.extract(text)
    got = triples(result)
    assert ("Tarrow Bay", "sponsors", "Alan Quill") in got
    assert ("Glimmex", "sponsors", "Alan Quill") in got
    assert ("Ostrander Services", "sponsors", "Marcus Trent") in got
    assert types(result)["Tarrow Bay"] == "Sponsor"


def test_a_company_riding_with_the_car(ex):
    text = ("Gus Whitaker returns in the No. 52 Ford with Pellham International, the "
            "construction firm that has backed him for years. Sid Okafor begins his tenth "
            "season with Vostro on the No. 88.")
    result = ex.extract(text)
    got = triples(result)
    assert types(result)["Pellham International"] == "Sponsor"
    assert ("Pellham International", "sponsors", "Gus Whitaker") in got
    assert ("Vostro", "sponsors", "Sid Okafor") in got


def test_the_car_of_the_driver_who_follows(bare):
    text = ("Alan Quill finished third in the No. 88 Zentrix Ford, followed by Jody Farrow "
            "in the No. 6 Calder's Chevrolet.")
    result = bare.extract(text)
    got = triples(result)
    assert ("Calder's", "sponsors", "Jody Farrow") in got
    assert ("Calder's", "sponsors", "Alan Quill") not in got


def test_the_cars_anchor_partner_and_its_co_sponsors(ex):
    text = ("Alan Quill, who co-owns the team with Walt Harmon, returns for his fourth season "
            "behind the wheel of the No. 6. Castrane returns as the car's anchor partner for "
            "12 races, with Pellworth.com and Dunmore Generators sharing the balance of the "
            "schedule.")
    result = ex.extract(text)
    got = triples(result)
    for company in ("Castrane", "Pellworth.com", "Dunmore Generators"):
        assert (company, "sponsors", "Alan Quill") in got
        assert types(result)[company] == "Sponsor"
    assert not any(s == "Castrane" and o == "Walt Harmon" for s, _, o in got)


def test_the_make_belongs_to_the_new_team_not_the_one_left(ex):
    text = ("Alan Quill moves from Kestrel Motorsports to Brightwater Racing, taking over "
            "the No. 19 Chevrolet. Marcus Trent moves from Kestrel Motorsports to Brightwater "
            "Racing, where he will drive the No. 21 Ford.")
    got = triples(ex.extract(text))
    assert ("Kestrel Motorsports", "affiliated_with", "Chevrolet") not in got
    assert ("Brightwater Racing", "affiliated_with", "Ford") in got


def test_a_rumoured_switch_of_make_is_no_tie(ex):
    text = ("Kestrel Motorsports owner Walt Harmon was firm about rumors that the team would "
            "switch to Chevrolet.")
    got = triples(ex.extract(text))
    assert ("Kestrel Motorsports", "affiliated_with", "Chevrolet") not in got


def test_cars_under_a_team_heading_and_after_the_team(ex):
    text = ("KESTREL MOTORSPORTS\n\nAlan Quill returns in the No. 52 Ford with Tarrow Bay. "
            "\n\nOTHER MOVES\n\nJody Farrow will drive for Brightwater Racing in the No. 88 "
            "Chevrolet, and Sid Okafor moves to Kestrel Motorsports' new No. 60 Ford.")
    got = triples(ex.extract(text))
    assert ("Alan Quill", "drove_for", "Kestrel Motorsports") in got
    assert ("Kestrel Motorsports", "affiliated_with", "Ford") in got
    assert ("Tarrow Bay", "sponsors", "Alan Quill") in got
    assert ("Brightwater Racing", "affiliated_with", "Chevrolet") in got


def test_owned_by_after_a_role_word_and_the_headline_team(ex):
    got = triples(ex.extract(
        "Pellham Roofing continues as the backbone of Kestrel Motorsports, the team owned by "
        "roofing executive Walt Harmon, and will be on the No. 25 Chevrolet."))
    assert ("Walt Harmon", "owns", "Kestrel Motorsports") in got
    got = triples(ex.extract(
        "Brightwater Racing sets its lineup, extends Kestrel Motorsports alliance\n\n"
        "THE LINEUP\n\nQuill, who co-owns the organization with Hank Farrow, returns for a "
        "fourth season. Alan Quill won twice last year."))
    assert ("Alan Quill", "owns", "Brightwater Racing") in got
    assert ("Hank Farrow", "owns", "Brightwater Racing") in got


def test_team_owner_under_a_takeaway_heading(ex):
    text = ("2. Quill wins again\n\nAlan Quill won for Kestrel Motorsports.\n\n"
            "3. Trent struggles, and Brightwater Racing is fine with that\n\nMarcus Trent "
            "finished 27th and admitted he was lost. Hank Dorsey was unbothered, and so was "
            "team owner Walt Harmon.")
    got = triples(ex.extract(text))
    assert ("Walt Harmon", "owns", "Brightwater Racing") in got
    assert ("Walt Harmon", "owns", "Kestrel Motorsports") not in got


def test_a_co_owner_in_a_with_phrase_and_the_organizations_officer(ex):
    got = triples(ex.extract(
        "Kestrel Motorsports won at Lakeview Speedway. \"I wanted him,\" said Walt Harmon, "
        "who runs the team with co-owner Hank Perez."))
    assert ("Hank Perez", "owns", "Kestrel Motorsports") in got
    got = triples(ex.extract(
        "Kestrel Motorsports fields three cars. Walt Harmon, the organization's vice "
        "chairman, said he was pleased."))
    assert ("Walt Harmon", "affiliated_with", "Kestrel Motorsports") in got


def test_support_engines_and_makes_kept(ex):
    got = triples(ex.extract(
        "Kestrel Motorsports will receive engines and technical support from Brightwater "
        "Racing under a multi-year alliance. All Kestrel Motorsports entries will continue "
        "to run Harlan Engines. Kestrel Motorsports will also remain with Ford."))
    assert ("Kestrel Motorsports", "affiliated_with", "Brightwater Racing") in got
    assert ("Kestrel Motorsports", "affiliated_with", "Harlan Engines") in got
    assert ("Kestrel Motorsports", "affiliated_with", "Ford") in got


def test_the_team_is_the_headline_team(ex):
    text = ("Kestrel Motorsports sets lineup for 2026\n\nALL CHANGE\n\nAlan Quill returns "
            "from Brightwater Racing. Brightwater Racing will field two cars. Quill won twice. "
            "Hank Dorsey joins the team as crew chief.")
    assert ("Hank Dorsey", "affiliated_with", "Kestrel Motorsports") in triples(ex.extract(text))


def test_the_one_sponsored_is_no_sponsor(bare):
    result = bare.extract("Hartley Freight sponsored Tobin Vasquez at Kestrel Motorsports for "
                          "two seasons.")
    assert types(result).get("Tobin Vasquez") == "Driver"
    assert ("Hartley Freight", "sponsors", "Tobin Vasquez") in triples(result)


def test_a_company_staying_with_a_driver_and_his_car_in_an_apposition(ex):
    got = triples(ex.extract(
        "Kestrel Motorsports also lost out on Tarrow Industries, which chose to stay with Alan "
        "Quill when he moves to Brightwater Racing. Marcus Trent, Walt Harmon's nephew, "
        "would bring funding from Hartley Freight, which sponsored his Xfinity car last "
        "season."))
    assert ("Tarrow Industries", "sponsors", "Alan Quill") in got
    assert ("Hartley Freight", "sponsors", "Marcus Trent") in got
    assert ("Hartley Freight", "sponsors", "Walt Harmon") not in got


def test_their_alliance_is_the_teams_not_the_drivers(ex):
    got = triples(ex.extract(
        "Alan Quill and Marcus Trent are patient. Gus Whitaker earned his way up, and "
        "Kestrel Motorsports is a perfect fit for him. Their alliance with Brightwater Racing "
        "gives him the same data."))
    assert ("Kestrel Motorsports", "affiliated_with", "Brightwater Racing") in got
    assert not any(p == "affiliated_with" and o == "Brightwater Racing" and s !=
                   "Kestrel Motorsports" for s, p, o in got)


def test_a_two_word_brand_in_a_car_name(ex):
    # (the NER takes the brand's first word for a person's name)
    text = "Alan Quill faded to 11th after a penalty in his Keller Lite Ford."
    assert ("Keller Lite", "sponsors", "Alan Quill") in triples(ex.extract(text))


def test_the_sponsor_extends_its_deal_with_a_team(ex):
    text = ("Alan Quill won. The Tarrow Auto Group logos on Quill's car have become a familiar "
            "sight, and the sponsor extended its deal with Kestrel Motorsports through 2025.")
    assert ("Tarrow Auto Group", "sponsors", "Kestrel Motorsports") in triples(ex.extract(text))


def test_a_brand_named_with_a_known_surname(ex):
    text = ("Alan Quill steps into Kestrel Motorsports' No. 38 Ford with Brennan's Travel "
            "Stops on board for the season opener.")
    result = ex.extract(text)
    assert "Walt Brennan" not in types(result)
    assert ("Brennan's Travel Stops", "sponsors", "Alan Quill") in triples(result)


def test_a_company_described_by_apposition_backs_a_driver(ex):
    text = ("Alan Quill won. Pellmart, the Midwestern home-improvement chain founded by his "
            "father, John Quill, has backed Alan since his days in ARCA.")
    result = ex.extract(text)
    assert types(result).get("Pellmart") == "Sponsor"
    assert ("Pellmart", "sponsors", "Alan Quill") in triples(result)
    assert ("John Quill", "affiliated_with", "Pellmart") in triples(result)  # its founder
