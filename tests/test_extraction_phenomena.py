"""The extractor on phrasings of race reports, releases and profiles, with invented names.

Every name here is invented: it reaches the extractor only through ``extra_names`` (as
race results would give it) or through spaCy's NER and the context rules, so each test
exercises a general pattern of English NASCAR reporting, not a known fact.
"""

from __future__ import annotations

import pytest

from nascar_kg.loaders.extraction import DocumentExtraction, Extractor, pairs
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


@pytest.fixture(scope="module", autouse=True)
def rules_only():
    """These are the rules' tests: the pair model (``test_extraction_pairs.py``) stays out,
    so that each test shows what its rule does and nothing else."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pairs, "load_model", lambda *args, **kwargs: None)
        yield


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


def test_praise_against_anybody_and_by_denial(ex):
    text = ('Alan Quill won at Lakeview Speedway. "Alan doesn\'t get near enough credit," '
            'Trent said. "I\'ll put Alan up against anybody, anywhere," Whitaker said.')
    got = triples(ex.extract(text))
    assert ("Marcus Trent", "endorses", "Alan Quill") in got
    assert ("Gus Whitaker", "endorses", "Alan Quill") in got


def test_the_yardstick_of_a_comparison_is_not_praised(ex):
    text = ('Sid Okafor won the pole. "He\'s the best prospect I\'ve seen since Alan Quill," '
            'Trent said.')
    got = triples(ex.extract(text))
    assert ("Marcus Trent", "endorses", "Sid Okafor") in got
    assert ("Marcus Trent", "endorses", "Alan Quill") not in got


def test_deferred_judgement_and_later_doubt_are_no_praise(ex):
    text = ('Sid Okafor was 12th. "When he learns to give a little, I\'ll tell you how good '
            'he is," Trent said. Alan Quill was fifth. "Alan\'s going to be really good '
            'someday," Whitaker said. "Is he ready for Cup? No."')
    assert not any(p == "endorses" for _, p, _ in triples(ex.extract(text)))


def test_both_of_them_and_the_same_speaker_going_on(ex):
    text = ('Alan Quill and Sid Okafor tangled twice. Quill shrugged. Okafor laughed. '
            'Walt Brennan watched from the pit box. "Both of those boys can flat drive a '
            'race car," Brennan said. Gus Whitaker signed with him last year. '
            '"I wanted Gus and I got him," Brennan said. "Everybody knew how good he was."')
    got = triples(ex.extract(text))
    assert ("Walt Brennan", "endorses", "Alan Quill") in got
    assert ("Walt Brennan", "endorses", "Sid Okafor") in got
    assert ("Walt Brennan", "endorses", "Gus Whitaker") in got


def test_a_quoted_predicate_of_the_name_before_it(ex):
    text = ('Trent said Walt Brennan called him after the race and told him Alan Quill '
            '"is the best road racer in the garage right now."')
    got = triples(ex.extract(text))
    assert ("Walt Brennan", "endorses", "Alan Quill") in got
    assert ("Marcus Trent", "endorses", "Walt Brennan") not in got
    assert ("Walt Brennan", "endorses", "Marcus Trent") not in got


def test_the_owner_said(ex):
    text = ('Walt Brennan owns Kestrel Motorsports. Sid Okafor drives for the team. '
            '"Sid is a leader," the owner said.')
    assert ("Walt Brennan", "endorses", "Sid Okafor") in triples(ex.extract(text))


def test_backing_a_person_and_pride_in_a_project(ex):
    text = ('Sid Okafor was fined on Tuesday. "Sid races hard," Brennan said. "We support '
            'him 100 percent." Alan Quill returns in 2026. "We\'re proud to keep building '
            'this program with Alan," said Marcus Trent.')
    got = triples(ex.extract(text))
    assert ("Walt Brennan", "endorses", "Sid Okafor") in got
    assert ("Marcus Trent", "endorses", "Alan Quill") not in got


def test_a_quotation_about_the_crew_chief_the_article_is_about(ex):
    text = ("Hank Dorsey called races for Quill. Dorsey won three times. Dorsey moved to "
            "Kestrel Motorsports. The team was fifth. Okafor, 27, is blunt about what that "
            'meant. "I was 30th in points when he got there," Okafor said. "He\'s the '
            'smartest person in the garage."')
    assert ("Sid Okafor", "endorses", "Hank Dorsey") in triples(ex.extract(text))


def test_reported_doubt_however_it_is_parsed(ex):
    text = ("Marcus Trent, who drives the No. 45 Ford for the team, said he isn't sure "
            "Quill deserves a Cup ride yet.")
    assert not any(p == "endorses" for _, p, _ in triples(ex.extract(text)))


def test_answers_of_a_question_and_answer_interview(ex):
    text = ("Q&A: Walt Brennan on his team and its drivers\n\n"
            "Q: Where does Quill rank?\n"
            "A: Alan is the best big-moment driver of his generation. I really believe that.\n\n"
            "Q: Who has helped you the most?\n"
            "A: Honestly, Marcus Trent. Trent told me I was ready before I believed it.\n\n"
            "Q: And Okafor?\n"
            "A: I've met Sid twice. He's great on TV. I wouldn't say he's in my corner.\n")
    got = triples(ex.extract(text))
    assert ("Walt Brennan", "endorses", "Alan Quill") in got
    assert ("Marcus Trent", "endorses", "Walt Brennan") in got
    assert ("Walt Brennan", "endorses", "Marcus Trent") not in got
    assert ("Walt Brennan", "endorses", "Sid Okafor") not in got


def test_the_one_who_said_before_goes_on_about_the_kid(ex):
    text = ("Sid Okafor won the pole at Lakeview Speedway. Walt Brennan said the team will "
            'not change a thing. "The kid is special, and everybody in the garage knows it."')
    assert ("Walt Brennan", "endorses", "Sid Okafor") in triples(ex.extract(text))


def test_an_ally_in_someone(ex):
    text = ("Sid Okafor also has an ally in Walt Brennan. Quill found a big supporter in "
            "Marcus Trent.")
    got = triples(ex.extract(text))
    assert ("Walt Brennan", "endorses", "Sid Okafor") in got
    assert ("Marcus Trent", "endorses", "Alan Quill") in got


def test_we_will_see_defers_and_reported_admiration(ex):
    text = ("Alan Quill won. Walt Brennan was asked whether Quill was a future champion. "
            '"Ask me again in a year," Brennan said. "He\'s fast. We\'ll see how he handles '
            'it when it stops going his way." Lou Pacheco said he was impressed with Okafor, '
            "and Whitaker said he learned more in two seasons with Trent than in five before.")
    got = triples(ex.extract(text))
    assert ("Walt Brennan", "endorses", "Alan Quill") not in got
    assert ("Lou Pacheco", "endorses", "Sid Okafor") in got
    assert ("Gus Whitaker", "endorses", "Marcus Trent") in got


def test_likened_to_a_star_and_a_joke(ex):
    text = ("Sid Okafor was second. Walt Brennan said Okafor reminds him of \"a young Alan "
            "Quill - you can't teach that kind of car control.\" Gus Whitaker said Okafor "
            "\"is going to surprise a lot of people.\" "
            '"He\'s going to surprise people," Trent joked. "I\'m just not saying how."')
    got = triples(ex.extract(text))
    assert ("Walt Brennan", "endorses", "Sid Okafor") in got
    assert ("Walt Brennan", "endorses", "Alan Quill") not in got
    assert ("Gus Whitaker", "endorses", "Sid Okafor") in got
    assert not any(s == "Marcus Trent" for s, p, _ in got if p == "endorses")


def test_a_word_on_character_is_no_endorsement(ex):
    text = ('Walt Brennan denied a report that Alan Quill had made an offer. "Alan and I never '
            'had one conversation about it," Brennan said. "Good guy, but that just didn\'t '
            'happen."')
    assert not any(p == "endorses" for _, p, _ in triples(ex.extract(text)))


def test_split_and_colon_attributions(ex):
    text = ('Alan Quill won. "Alan is," Trent said, "the best driver I\'ve raced against." '
            'Sid Okafor was second.\n\nWalt Brennan on Okafor: "He\'s the most talented '
            'driver I\'ve worked with."')
    got = triples(ex.extract(text))
    assert ("Marcus Trent", "endorses", "Alan Quill") in got
    assert ("Walt Brennan", "endorses", "Sid Okafor") in got


def test_the_role_a_speaker_was_named_with(ex):
    text = ("Alan Quill won at Lakeview Speedway. Team president Walt Brennan watched from the "
            'pit box. "Alan is the most talented driver we have ever had," the president '
            'said. Sid Okafor was second. "He\'s the best I\'ve seen," the veteran said.')
    got = triples(ex.extract(text))
    assert ("Walt Brennan", "endorses", "Alan Quill") in got
    assert not any(o == "Sid Okafor" for _, p, o in got if p == "endorses")


# ---------------------------------------------------------------- feuds

def test_an_angry_quotation_is_a_feud_with_whom_it_is_about(ex):
    text = ('Sid Okafor and Alan Quill traded paint late. "He\'s run into enough of us '
            'already," Quill said. "I\'m not mad at him," Whitaker said of Okafor.')
    feuds = {frozenset((r.subject, r.object)) for r in ex.extract(text).relations
             if r.predicate == "feuded_with"}
    assert feuds == {frozenset(("Alan Quill", "Sid Okafor"))}
    text = ('Marcus Trent was ninth after Walt Brennan hooked him. "I\'m not going to keep '
            'getting run over by the same guy every week," Trent said.')
    feuds = {frozenset((r.subject, r.object)) for r in ex.extract(text).relations
             if r.predicate == "feuded_with"}
    assert frozenset(("Marcus Trent", "Walt Brennan")) in feuds


def test_not_happy_with_him(ex):
    text = ('Alan Quill and Marcus Trent tangled on the last lap. "I\'m not happy with him," '
            'Trent said. "We just got together. It was a racing deal," Quill said.')
    feuds = [r for r in ex.extract(text).relations if r.predicate == "feuded_with"]
    assert [(r.subject, r.object) for r in feuds] == [("Marcus Trent", "Alan Quill")]


def test_no_feud_with_a_victim_or_a_fond_memory(ex):
    text = ('Alan Quill crashed late. "He got dumped by somebody back there," Trent said of '
            'Quill. "I\'ll never forget this win," Okafor said of Quill.')
    assert not any(p == "feuded_with" for _, p, _ in triples(ex.extract(text)))


def test_the_praised_is_not_the_yardstick_named_more(ex):
    text = ('Alan Quill beat Marcus Trent. "He\'s the best short-track racer I know, better '
            'than Trent," said Whitaker.')
    got = triples(ex.extract(text))
    assert ("Gus Whitaker", "endorses", "Alan Quill") in got
    assert ("Gus Whitaker", "endorses", "Marcus Trent") not in got


def test_angry_with_and_wrecked_on_purpose(ex):
    text = ("Marcus Trent was not happy with Alan Quill after the race. Gus Whitaker said "
            "Sid Okafor wrecked him on purpose. Walt Brennan was not upset with Lou Pacheco.")
    feuds = {frozenset((r.subject, r.object)) for r in ex.extract(text).relations
             if r.predicate == "feuded_with"}
    assert feuds == {frozenset(("Marcus Trent", "Alan Quill")),
                     frozenset(("Gus Whitaker", "Sid Okafor"))}


def test_had_words_with(ex):
    text = ("Marcus Trent had words with Alan Quill on pit road. Gus Whitaker had kind words "
            "for Sid Okafor.")
    result = ex.extract(text)
    feuds = {frozenset((r.subject, r.object)) for r in result.relations
             if r.predicate == "feuded_with"}
    assert feuds == {frozenset(("Marcus Trent", "Alan Quill"))}
    assert ("Gus Whitaker", "endorses", "Sid Okafor") in triples(result)


def test_an_apology_and_a_rival_to_beat_are_neither_feud_nor_praise(ex):
    text = ('Alan Quill spun late. "I wrecked him, that was my fault," Trent said. "We want '
            'to beat Alan Quill next week," Whitaker said.')
    assert not any(p in {"feuded_with", "endorses"} for _, p, _ in triples(ex.extract(text)))


def test_a_quoted_fragment_attacking_the_name_before_it(ex):
    text = ("Quill's crew chief, Hank Dorsey, was still fuming Monday. He told reporters "
            "Okafor \u201cmade it personal\u201d and said the team \u201cwill remember "
            "it.\u201d")
    feuds = {frozenset((r.subject, r.object)) for r in ex.extract(text).relations
             if r.predicate == "feuded_with"}
    assert frozenset(("Hank Dorsey", "Sid Okafor")) in feuds


def test_an_angry_post_at_a_driver_named_before(ex):
    text = ("Alan Quill hooked Gus Whitaker at Lakeview Speedway.\n\n"
            "Somebody tell Alan to check his mirrors. Some of us don't forget.\n"
            "— Gus Whitaker (@GusWhitaker) May 1, 2025\n")
    feuds = {frozenset((r.subject, r.object)) for r in ex.extract(text).relations
             if r.predicate == "feuded_with"}
    assert frozenset(("Gus Whitaker", "Alan Quill")) in feuds


def test_people_kept_apart_and_a_feud_that_never_ended(ex):
    text = ("Sid Okafor, who had to be pulled away from Quill on pit road, posted a single "
            "word. Gus Whitaker climbed out, walked to Trent's car and had to be led away by "
            "an official. Walt Brennan never ducked a fight. His feud with Lou Pacheco, "
            "which began at Lakeview Speedway, never really ended.")
    feuds = {frozenset((r.subject, r.object)) for r in ex.extract(text).relations
             if r.predicate == "feuded_with"}
    assert frozenset(("Sid Okafor", "Alan Quill")) in feuds
    assert frozenset(("Gus Whitaker", "Marcus Trent")) in feuds
    assert frozenset(("Walt Brennan", "Lou Pacheco")) in feuds


def test_a_stare_at_a_name_the_parser_misattached():
    # "Early" is read as an adverb of "gave", not as its indirect object
    ex = Extractor(registry=REGISTRY, extra_names=EXTRA + [("Jed Early", "Driver")])
    text = ("Jed Early spun Trent late. Trent's crew chief, Hank Dorsey, gave Early an icy "
            "stare as he walked past the hauler.")
    feuds = {frozenset((r.subject, r.object)) for r in ex.extract(text).relations
             if r.predicate == "feuded_with"}
    assert frozenset(("Hank Dorsey", "Jed Early")) in feuds


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


# ---------------------------------------------------------------- moves, lists, teammates

def test_a_bulleted_move_between_the_cars_and_programs_of_two_teams(ex):
    text = ("CUP SERIES\n\n"
            "- Alan Quill moves from Brightwater Racing's Xfinity program to Kestrel "
            "Motorsports' new No. 35 Ford.\n\n"
            "- Gus Whitaker moves from Kestrel Motorsports to Brightwater Racing.")
    got = triples(ex.extract(text))
    assert ("Alan Quill", "drove_for", "Brightwater Racing") in got
    assert ("Alan Quill", "drove_for", "Kestrel Motorsports") in got
    assert ("Gus Whitaker", "drove_for", "Kestrel Motorsports") in got
    assert ("Gus Whitaker", "drove_for", "Brightwater Racing") in got
    got = triples(ex.extract("- Sid Okafor, 18, moves up to a full Xfinity schedule with "
                             "Kestrel Motorsports in the No. 88 Chevrolet."))
    assert ("Sid Okafor", "drove_for", "Kestrel Motorsports") in got


def test_a_preview_lists_each_driver_with_car_and_crew_chief_in_brackets(ex):
    text = ("THE KESTREL TRIO\n\n"
            "Alan Quill (No. 7 Kestrel Motorsports Chevrolet, crew chief Hank Dorsey) "
            "arrives with three wins. His Kestrel Motorsports teammates Gus Whitaker "
            "(No. 24, crew chief Ray Castell), Sid Okafor (No. 9, crew chief Tom Bramble) "
            "and Lou Pacheco (No. 48, crew chief Ned Varley) give the team four cars.")
    got = triples(ex.extract(text))
    assert ("Hank Dorsey", "crew_chief_for", "Alan Quill") in got
    assert ("Ray Castell", "crew_chief_for", "Gus Whitaker") in got
    assert ("Tom Bramble", "crew_chief_for", "Sid Okafor") in got
    assert ("Ned Varley", "crew_chief_for", "Lou Pacheco") in got
    for d in ("Gus Whitaker", "Sid Okafor", "Lou Pacheco"):
        assert (d, "drove_for", "Kestrel Motorsports") in got


def test_the_second_word_of_a_line_opens_no_sentence(ex):
    from nascar_kg.loaders.extraction.nlp import mark_line_breaks

    doc = ex.nlp.make_doc("THE TOYOTA GROUP\n\nTyler Quill (No. 45) won.")
    mark_line_breaks(doc)
    second = next(t for t in doc if t.text == "Quill")
    assert doc[second.i - 1].is_sent_start and second.is_sent_start is False


def test_teammates_drive_for_one_team(ex):
    text = ("Alan Quill drives the No. 7 for Brightwater Racing. Quill's teammate Gus "
            "Whitaker finished fourth. Sid Okafor, who drives for Kestrel Motorsports, "
            "cleared teammate Lou Pacheco on the last lap. Walt Brennan's Kestrel "
            "Motorsports teammate Marcus Trent was sixth. His former teammate Jody Farrow "
            "was 20th.")
    got = triples(ex.extract(text))
    assert ("Gus Whitaker", "drove_for", "Brightwater Racing") in got
    assert ("Lou Pacheco", "drove_for", "Kestrel Motorsports") in got
    assert ("Walt Brennan", "drove_for", "Kestrel Motorsports") in got
    assert not any(s == "Jody Farrow" and p == "drove_for" for s, p, _ in got)


def test_a_rundown_section_under_a_team_heading(ex):
    text = ("Truck teams unload at Lakeview Speedway\n\n"
            "BRIGHTWATER RACING\n\n"
            "Alan Quill begins his fifth season on the No. 88. Gus Whitaker's No. 98 will "
            "again carry Quanta Widgets as primary partner.\n\n"
            "KESTREL MOTORSPORTS\n\n"
            "Sid Okafor returns in the No. 52 Chevrolet with a new partner.")
    got = triples(ex.extract(text))
    assert ("Alan Quill", "drove_for", "Brightwater Racing") in got
    assert ("Gus Whitaker", "drove_for", "Brightwater Racing") in got
    assert ("Sid Okafor", "drove_for", "Kestrel Motorsports") in got
    assert ("Sid Okafor", "drove_for", "Brightwater Racing") not in got


def test_a_crew_chief_named_without_a_driver_works_for_the_driver_in_focus(ex):
    text = ("Alan Quill, who drives for Brightwater Racing, said second was exactly what "
            "he needed. Crew chief Hank Dorsey agreed.\n\n"
            "Gus Whitaker moves over from Kestrel Motorsports. Ray Castell will serve as "
            "crew chief.")
    got = triples(ex.extract(text))
    assert ("Hank Dorsey", "crew_chief_for", "Alan Quill") in got
    assert ("Ray Castell", "crew_chief_for", "Gus Whitaker") in got


def test_a_car_driven_by_its_driver(ex):
    text = ("Brightwater Racing will supply engines to Kestrel Motorsports' No. 51 Ford, "
            "driven by Alan Quill, through 2027. Brightwater Racing, whose second car, the "
            "No. 10 Chevrolet driven by Gus Whitaker, passed inspection, was fined. "
            "Sid Okafor drives the No. 21 Kestrel Motorsports Ford. He will be replaced in "
            "the No. 21 next season by Lou Pacheco.")
    got = triples(ex.extract(text))
    assert ("Alan Quill", "drove_for", "Kestrel Motorsports") in got
    assert ("Alan Quill", "drove_for", "Brightwater Racing") not in got
    assert ("Gus Whitaker", "drove_for", "Brightwater Racing") in got
    assert ("Lou Pacheco", "drove_for", "Kestrel Motorsports") in got


def test_a_driver_in_a_team_s_car(ex):
    text = ("Alan Quill, in Brightwater Racing's third car, finished 12th. Gus Whitaker "
            "will still drive a Kestrel Motorsports truck in select races. Sid Okafor "
            "later hit Brightwater Racing's car on pit road.")
    got = triples(ex.extract(text))
    assert ("Alan Quill", "drove_for", "Brightwater Racing") in got
    assert ("Gus Whitaker", "drove_for", "Kestrel Motorsports") in got
    assert ("Sid Okafor", "drove_for", "Brightwater Racing") not in got


def test_the_team_driver_names_again_the_driver_just_named(ex):
    text = ("The most talked-about absence is Alan Quill. The Brightwater Racing driver won "
            "at Lakeview Speedway, but the win did not count. Gus Whitaker was cooler "
            "still. Sid Okafor and the Kestrel Motorsports driver traded paint late.")
    got = triples(ex.extract(text))
    assert ("Alan Quill", "drove_for", "Brightwater Racing") in got
    assert ("Gus Whitaker", "drove_for", "Kestrel Motorsports") in got
    assert ("Sid Okafor", "drove_for", "Kestrel Motorsports") not in got


def test_a_preview_section_that_has_named_one_team(ex):
    text = ("THE KESTREL FOUR\n\n"
            "Alan Quill (No. 5 Kestrel Motorsports Chevrolet, crew chief Hank Dorsey) "
            "arrives with the most wins.\n\n"
            "His teammates are all in as well. Gus Whitaker (No. 24) opened the year with a "
            "win. Sid Okafor (No. 9) has been consistent.")
    got = triples(ex.extract(text))
    assert ("Gus Whitaker", "drove_for", "Kestrel Motorsports") in got
    assert ("Sid Okafor", "drove_for", "Kestrel Motorsports") in got


def test_a_team_s_trio_or_duo(ex):
    text = ("Alan Quill (No. 22) and Gus Whitaker (No. 2) round out the Kestrel Motorsports "
            "trio. The Brightwater Racing duo of Sid Okafor and Lou Pacheco was fastest in "
            "practice.")
    got = triples(ex.extract(text))
    for d, t in (("Alan Quill", "Kestrel Motorsports"), ("Gus Whitaker", "Kestrel Motorsports"),
                 ("Sid Okafor", "Brightwater Racing"), ("Lou Pacheco", "Brightwater Racing")):
        assert (d, "drove_for", t) in got


def test_a_driver_runs_with_his_crew_chief_calling_the_race(ex):
    text = ("It is Alan Quill's first season in the No. 19. He ran second on Sunday with "
            "crew chief Hank Dorsey calling the race.")
    got = triples(ex.extract(text))
    assert ("Hank Dorsey", "crew_chief_for", "Alan Quill") in got


def test_a_team_where_he_drove(ex):
    text = ("Alan Quill won two titles in the Truck Series. That success earned him a Cup "
            "ride at Brightwater Racing, where he drove the No. 1 Chevrolet from 2006 through "
            "2009.")
    got = triples(ex.extract(text))
    assert ("Alan Quill", "drove_for", "Brightwater Racing") in got


def test_a_crew_chief_s_teams_from_the_races_he_calls(ex):
    text = ("Hank Dorsey, 62, spent two seasons as crew chief for Alan Quill and the No. 62 "
            "Ford at Brightwater Racing. Before that, he was best known for an eight-year run "
            "calling races for Gus Whitaker at Kestrel Motorsports, a partnership that "
            "produced 14 wins.")
    got = triples(ex.extract(text))
    assert ("Hank Dorsey", "crew_chief_for", "Alan Quill") in got
    assert ("Hank Dorsey", "affiliated_with", "Brightwater Racing") in got
    assert ("Hank Dorsey", "crew_chief_for", "Gus Whitaker") in got
    assert ("Hank Dorsey", "affiliated_with", "Kestrel Motorsports") in got
    text = ("Sid Okafor drives the No. 46 for Kestrel Motorsports. He will be paired with "
            "crew chief Hank Dorsey, who called races for the No. 46 in 2025.")
    got = triples(ex.extract(text))
    assert ("Hank Dorsey", "affiliated_with", "Kestrel Motorsports") in got


def test_a_crew_chief_s_former_teams_from_his_tenure(ex):
    text = ("Alan Quill returns for his fourth season. Hank Dorsey joins the team as crew "
            "chief after six seasons at Brightwater Racing and Kestrel Motorsports.")
    got = triples(ex.extract(text))
    assert ("Hank Dorsey", "affiliated_with", "Brightwater Racing") in got
    assert ("Hank Dorsey", "affiliated_with", "Kestrel Motorsports") in got
    assert not any(s == "Hank Dorsey" and p == "drove_for" for s, p, _ in got)


def test_a_release_is_about_the_team_of_its_opening_sentence(ex):
    text = ("MOORESVILLE, N.C. - Brightwater Racing on Tuesday finalized its lineup and "
            "extended its alliance with Kestrel Motorsports.\n\n"
            "Alan Quill, a six-time winner, begins his sixth season with the team. "
            "Brightwater Racing will supply chassis to Kestrel Motorsports through 2027.")
    got = triples(ex.extract(text))
    assert ("Alan Quill", "drove_for", "Brightwater Racing") in got
    assert ("Alan Quill", "drove_for", "Kestrel Motorsports") not in got


def test_a_brother_s_season_is_not_the_speaker_s(ex):
    text = ("Alan Quill finished sixth for Brightwater Racing. Quill was more effusive than "
            "usual about his brother's season, Gus Whitaker's first with Kestrel Motorsports.")
    got = triples(ex.extract(text))
    assert ("Alan Quill", "drove_for", "Kestrel Motorsports") not in got
    assert ("Gus Whitaker", "drove_for", "Kestrel Motorsports") in got


def test_crew_chiefs_as_a_verb(ex):
    text = ("Alan Quill drives the No. 54. Ray Castell, who crew chiefs the No. 54 for "
            "Brightwater Racing, said his driver had been fine all weekend.")
    result = ex.extract(text)
    got = triples(result)
    assert ("Ray Castell", "crew_chief_for", "Alan Quill") in got
    assert ("Ray Castell", "affiliated_with", "Brightwater Racing") in got
    assert ("Ray Castell", "drove_for", "Brightwater Racing") not in got
    assert types(result)["Ray Castell"] == "CrewChief"


def test_the_cars_listed_after_a_team_s_lineup(ex):
    text = ("Walt Kestrel owns Kestrel Motorsports. Kestrel's current lineup appears set "
            "through 2027. Alan Quill drives the No. 22 with crew chief Hank Dorsey; Gus "
            "Whitaker is paired with crew chief Ray Castell in the No. 12.")
    got = triples(ex.extract(text))
    assert ("Alan Quill", "drove_for", "Kestrel Motorsports") in got
    assert ("Gus Whitaker", "drove_for", "Kestrel Motorsports") in got


def test_a_car_named_before_stays_its_driver_s_unless_someone_takes_the_seat(ex):
    text = ("Gus Whitaker will continue in the No. 43 for Kestrel Motorsports. Walt Brennan, "
            "whose No. 43 the team carries, serves as a team ambassador. Next year Sid Okafor "
            "will replace Whitaker in the No. 43.")
    got = triples(ex.extract(text))
    assert ("Gus Whitaker", "drove_for", "Kestrel Motorsports") in got
    assert ("Walt Brennan", "drove_for", "Kestrel Motorsports") not in got
    assert ("Sid Okafor", "drove_for", "Kestrel Motorsports") in got


def test_a_notebook_fronts_the_team_and_lists_who_returns(ex):
    text = ("Over at Kestrel Motorsports, nothing changed: Alan Quill, Gus Whitaker and Sid "
            "Okafor are back. At Brightwater Racing, Lou Pacheco and Marcus Trent return.")
    got = triples(ex.extract(text))
    for d in ("Alan Quill", "Gus Whitaker", "Sid Okafor"):
        assert (d, "drove_for", "Kestrel Motorsports") in got
    for d in ("Lou Pacheco", "Marcus Trent"):
        assert (d, "drove_for", "Brightwater Racing") in got
        assert (d, "drove_for", "Kestrel Motorsports") not in got


def test_a_team_s_entries_listed_after_a_colon(ex):
    text = ("Kestrel Motorsports put Alan Quill in victory lane. The night was less kind to "
            "the team's other two entries: Gus Whitaker and Sid Okafor tangled on lap 211.")
    got = triples(ex.extract(text))
    assert ("Gus Whitaker", "drove_for", "Kestrel Motorsports") in got
    assert ("Sid Okafor", "drove_for", "Kestrel Motorsports") in got


def test_the_one_replaced_held_the_same_place(ex):
    text = ("Alan Quill drives for Brightwater Racing. Quill will work with new crew chief "
            "Ray Castell, who replaces the retired Tom Bramble. Gus Whitaker will replace "
            "Sid Okafor in the No. 21 at Kestrel Motorsports next season.")
    result = ex.extract(text)
    got = triples(result)
    assert ("Ray Castell", "crew_chief_for", "Alan Quill") in got
    assert ("Tom Bramble", "crew_chief_for", "Alan Quill") in got
    assert ("Ray Castell", "crew_chief_for", "Tom Bramble") not in got
    assert types(result)["Tom Bramble"] == "CrewChief"
    assert ("Gus Whitaker", "drove_for", "Kestrel Motorsports") in got
    assert ("Sid Okafor", "drove_for", "Kestrel Motorsports") in got


def test_a_known_name_is_shown_as_the_article_spells_it():
    """Results write "T.J. Marlow", "Hollin-Brook Racing", "Renee Castell"; the article writes
    "TJ Marlow", "Hollin Brook Racing", "Renée Castell": one entity each, named as the
    article writes it, with the known name kept for the graph."""
    local = Extractor(registry=REGISTRY, extra_names=[
        ("T.J. Marlow", "Driver"), ("Hollin-Brook Racing", "Team"), ("Renee Castell", "Driver")])
    text = ("TJ Marlow drove the No. 31 Chevrolet for Hollin Brook Racing on Sunday. Renée "
            "Castell was second. Marlow said the car was fast.")
    result = local.extract(text)
    shown = {e.name: e.canonical for e in result.entities}
    assert shown["TJ Marlow"] == "T.J. Marlow"
    assert shown["Hollin Brook Racing"] == "Hollin-Brook Racing"
    assert shown["Renée Castell"] == "Renee Castell"
    assert ("TJ Marlow", "drove_for", "Hollin Brook Racing") in triples(result)
    # written as known: the known name, no second spelling
    same = local.extract("T.J. Marlow won. TJ Marlow said so.")
    assert [(e.name, e.canonical) for e in same.entities] == [("T.J. Marlow", None)]


def test_a_track_under_its_former_name_or_without_its_article():
    reg = parse_registry({"entities": [
        {"name": "The Granite Mile", "type": "Track"},
        {"name": "Crestline Speedway", "type": "Track", "aliases": ["Crestline Motor Speedway"]},
    ], "facts": []})
    local = Extractor(registry=reg)
    result = local.extract("Alan Quill won at the Granite Mile in May and at Crestline Motor "
                           "Speedway in June.")
    shown = {e.name: e.canonical for e in result.entities}
    assert shown.get("Granite Mile") == "The Granite Mile"
    assert shown.get("Crestline Motor Speedway") == "Crestline Speedway"


def test_roles_the_sentence_gives_a_person(bare):
    """Pit crew members, spotters, engineers, co-owners and relatives are people; "who crew
    chiefs", "will be my crew chief" make a crew chief."""
    text = ("Rear tire changer Cody Marsh and jackman Tim Rourke were suspended two races. "
            "Ned Falco, who spots for Alan Quill, said the wreck was avoidable. "
            "Rob Tillery, who crew chiefs the No. 54 for Brightwater Racing, agreed. "
            "\"Gary Pruett will be my crew chief next year,\" Quill said. "
            "\"He is fast,\" said Eli Varga, the No. 24's lead race engineer. "
            "Kestrel Motorsports, co-owned by Paul Grissom and Dan Whitlow, fields two cars. "
            "Alan Quill co-owns the team with Brent Hollis. "
            "The team was founded by Quill and his stepmother, Joan Halvers.")
    t = types(bare.extract(text))
    for person in ("Cody Marsh", "Tim Rourke", "Ned Falco", "Eli Varga", "Paul Grissom",
                   "Dan Whitlow", "Brent Hollis", "Joan Halvers"):
        assert t.get(person) == "Person", person
    assert t.get("Rob Tillery") == "CrewChief" and t.get("Gary Pruett") == "CrewChief"


def test_a_known_persons_primary_role_stands_unless_the_text_names_a_crew_chief(ex):
    """The registry gives a person's primary role (a driver who owns a team is a Driver);
    a name known only from race results, introduced as an owner, is a Person; a known
    Person the text calls crew chief is a CrewChief."""
    reg = parse_registry({"entities": [
        {"name": "Walt Brennan", "type": "Driver"}, {"name": "Hank Morrow", "type": "Person"},
    ], "facts": []})
    known = Extractor(registry=reg)
    text = ("Team co-owner Walt Brennan said the deal was done. His crew chief, Hank Morrow, "
            "said little.")
    t = types(known.extract(text))
    assert t["Walt Brennan"] == "Driver" and t["Hank Morrow"] == "CrewChief"
    assert types(ex.extract("Team co-owner Walt Brennan said the deal was done."))[
        "Walt Brennan"] == "Person"


def test_surname_with_suffix_is_the_person_named_in_full(bare):
    text = ("Dale Harwick Jr., who tested with Alan Quill this spring, praised him. "
            "\u201cHe\u2019s got speed,\u201d Harwick Jr. said.")
    people = [e for e in bare.extract(text).entities if "Harwick" in e.name]
    assert [p.name for p in people] == ["Dale Harwick Jr."] and len(people[0].mentions) == 2


def test_a_city_where_someone_comes_from_or_an_investor_group_is_no_track():
    reg = parse_registry({"entities": [
        {"name": "Lakeview Speedway", "type": "Track", "aliases": ["Lakeview"]},
    ], "facts": []})
    local = Extractor(registry=reg)
    for text in ("Ask the 21-year-old from Elk Grove, Lakeview, about his season.",
                 "Owner Sam Ridley, speaking by phone from Lakeview, was brief.",
                 "Sam Ridley sells his team to a Lakeview investor group."):
        assert "Lakeview Speedway" not in types(local.extract(text)), text
    assert "Lakeview Speedway" in types(local.extract("Alan Quill won at Lakeview in May."))


def test_a_company_written_with_a_possessive_into_a_cars_name(ex):
    text = "Gus Whitaker was sixth in the No. 5 Harrow's Chevrolet."
    result = ex.extract(text)
    assert types(result).get("Harrow's") == "Sponsor"
    assert ("Harrow's", "sponsors", "Gus Whitaker") in triples(result)


def test_media_named_by_its_reporters_is_an_organization(bare):
    text = ("According to Gridline Sports reporter Ann Pell, the deal is done. Alan Quill, "
            "now an analyst for Gridline, agreed.")
    assert types(bare.extract(text)).get("Gridline Sports") == "Organization"


def test_a_company_named_after_a_person(bare):
    text = ("Sitting behind the Walt Harrow Inc. hauler, Alan Quill said it was over.")
    names = types(bare.extract(text))
    assert "Walt Harrow Inc." in names and "Walt Harrow" not in names


def test_two_first_names_sharing_one_surname(ex):
    reg = parse_registry({"entities": [
        {"name": "Duke Harlan", "type": "Person"}, {"name": "Rhonda Harlan", "type": "Person"},
    ], "facts": []})
    local = Extractor(registry=reg)
    text = "The team, owned by Duke and Rhonda Harlan, brings four trucks to Lakeview."
    assert {"Duke Harlan", "Rhonda Harlan"} <= set(types(local.extract(text)))
    # a first name of someone named in full before is that person, not a new one
    text = ('Jody Farrow and Alan Quill signed on. "Jody and Alan Quill have proven they can '
            'win," Trent said.')
    assert "Jody Quill" not in types(ex.extract(text))


def test_words_opening_a_sentence_are_no_part_of_a_name(ex):
    text = ('"Today Alan gave me a car that would turn," said Marcus Trent. Tell Alan to '
            'check his mirrors. Alan Quill laughed.')
    names = set(types(ex.extract(text)))
    assert not any(n.startswith(("Today", "Tell")) for n in names)


def test_a_company_named_with_a_possessive_is_no_person(ex):
    text = ("Sid Okafor steps into the No. 38 Ford with Trent's Travel Stops on board. "
            "Trent said the deal was done.")
    result = ex.extract(text)
    trent = [e for e in result.entities if e.name == "Marcus Trent"]
    assert trent and [m.text for m in trent[0].mentions] == ["Trent"]


def test_co_primary_partners_are_sponsors(bare):
    text = ("Ty Marlow's No. 98 will again carry Velden Road and Soundrise as co-primary "
            "partners.")
    t = types(bare.extract(text))
    assert t.get("Velden Road") == "Sponsor"


def test_a_post_signature_names_its_author(bare):
    text = ("Alan Quill won again on Saturday.\n\nHearing two owners called his camp this "
            "week.\n\u2014 Jenna Morrow (@JennaMorrowPRL) June 21, 2025\n\nMarcus Trent "
            "was more generous. \u201cHe\u2019s the best young driver I\u2019ve raced "
            "against,\u201d Trent said.")
    result = bare.extract(text)
    assert "Jenna Morrow" in types(result)
    assert ("Marcus Trent", "endorses", "Jenna Morrow") not in triples(result)


def test_the_father_of_a_known_junior(ex):
    reg = parse_registry({"entities": [
        {"name": "Rick Tolliver Jr.", "type": "Driver", "aliases": ["Rick Tolliver"]},
    ], "facts": []})
    local = Extractor(registry=reg)
    text = ("Rick Tolliver Jr. spun out. Tolliver's father, Rick Tolliver Sr., ended up in "
            "the scrum.")
    names = set(types(local.extract(text)))
    assert "Rick Tolliver Jr." in names and any(n.startswith("Rick Tolliver Sr") for n in names)


def test_more_roles_the_sentence_gives(bare):
    text = ("By Jake Morrow | Pit Lane Weekly\n\nJake Morrow writes about racing for Pit Lane "
            "Weekly. Kestrel Motorsports has promoted lead engineer Pat Okoro to crew chief "
            "for 2026. Tillman Speed Group, co-owned by former Ashford linebacker Hollis "
            "Brant and Brixton businessman Ray Dolan, fields two cars. Carla Whitby, "
            "Ridgeway Capital's managing partner, becomes the team's chairman. The team is "
            "co-owned by Alan Quill, Marcus Trent and Curt Pollard.")
    t = types(bare.extract(text))
    assert t.get("Pat Okoro") == "CrewChief"
    for person in ("Jake Morrow", "Hollis Brant", "Ray Dolan", "Carla Whitby", "Curt Pollard"):
        assert t.get(person) == "Person", person


def test_a_brand_opening_with_a_surname_in_a_cars_name(ex):
    text = "Gus Whitaker faded to 11th after a speeding penalty in his Keller Lite Ford."
    assert ("Keller Lite", "sponsors", "Gus Whitaker") in triples(ex.extract(text))


def test_the_one_sponsored_is_no_company(bare):
    text = "Hartley Freight sponsored Eli Santoro at Brightwater Racing for two seasons."
    assert types(bare.extract(text)).get("Eli Santoro") == "Driver"


def test_a_company_named_like_a_track(bare):
    text = ("Walt Brennan returns in the No. 52 Ford with Halcott International, the "
            "construction firm that has backed him for most of his career.")
    assert types(bare.extract(text)).get("Halcott International") == "Sponsor"


def test_a_surname_shared_with_a_venue_in_a_list_of_drivers():
    reg = parse_registry({"entities": [
        {"name": "Alan Quill", "type": "Driver"}, {"name": "Marcus Trent", "type": "Driver"},
        {"name": "Sid Okafor", "type": "Driver"}, {"name": "Tom Lowry", "type": "Driver"},
        {"name": "Lowry Field", "type": "Track"},
    ], "facts": []})
    local = Extractor(registry=reg)
    text = "Nothing changed at the shop: Quill, Trent, Okafor and Lowry are back."
    assert "Tom Lowry" in types(local.extract(text))
    assert "Tom Lowry" not in types(local.extract("They race at Lowry next week."))


def test_a_company_called_without_its_business_words(bare):
    text = ("Alan Quill announced that Harlow Point Sports Partners, a private investment "
            "firm, has acquired a majority stake in Kestrel Motorsports. Harlow Point's "
            "minority partners include Dan Pryce, who has sponsored Quill's car in the past.")
    orgs = [e for e in bare.extract(text).entities if "Harlow" in e.name]
    assert [(e.name, e.type) for e in orgs] == [("Harlow Point Sports Partners", "Organization")]
    assert len(orgs[0].mentions) == 2


def test_a_company_on_a_car_or_backing_a_driver_as_a_described_company(ex):
    text = ("Gus Whitaker begins his 24th season with Hallards on the No. 88. "
            "Brennards, the home-improvement chain founded by his father, has backed "
            "Walt Brennan since 2019.")
    result = ex.extract(text)
    t = types(result)
    assert t.get("Hallards") == "Sponsor" and t.get("Brennards") == "Sponsor"


def test_companies_a_car_carries_as_partners_are_no_people(ex):
    text = ("Sid Okafor's No. 98 will again carry Rowan Ranger and Soundlake as co-primary "
            "partners.")
    assert types(ex.extract(text)).get("Rowan Ranger") == "Sponsor"
    text = ("Sid Okafor's No. 98 will again carry Rowan Ranger and Soundlake as co-primary "
            "sponsors.")
    assert types(ex.extract(text)).get("Soundlake") == "Sponsor"


def test_a_company_on_board_with_a_possessive_name(ex):
    text = ("Sid Okafor steps into Kestrel Motorsports' No. 38 Ford with Trent's Travel "
            "Stops on board for the season opener.")
    assert types(ex.extract(text)).get("Trent's Travel Stops") == "Sponsor"


def test_a_shared_surname_is_the_person_a_team_is_named_after():
    reg = parse_registry({"entities": [
        {"name": "Kip Harlow", "type": "Driver"}, {"name": "Kurt Harlow", "type": "Driver"},
        {"name": "Kip Harlow Motorsports", "type": "Team"},
    ], "facts": []})
    local = Extractor(registry=reg)
    text = ("Kestrel bought Kip Harlow Motorsports' truck operation. Harlow, who owned the "
            "team for 14 seasons, will drive one of its trucks.")
    assert "Kip Harlow" in types(local.extract(text))
    text = "Kurt Harlow drove for Kip Harlow Motorsports. Harlow said it was fun."
    harlows = [e for e in local.extract(text).entities if e.name == "Kip Harlow"]
    assert not harlows


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


def test_a_bare_owner_title_points_to_the_team_named_before(ex):
    text = ("Kestrel Motorsports said Monday that Alan Quill will stay in the No. 38 Ford. "
            "Co-owner Vern Halloway called Quill \"the heart of this shop.\"")
    assert ("Vern Halloway", "owns", "Kestrel Motorsports") in triples(ex.extract(text))


def test_a_team_owner_title_takes_the_team_of_the_sentence_before(ex):
    text = ("Marcus Trent won for Kestrel Motorsports. Kestrel Motorsports also fielded Gus "
            "Whitaker.\n\nAlan Quill drives the No. 6 Ford for Brightwater Racing. "
            "\"Alan deserves a title,\" team owner Rolf Harmon said.")
    got = triples(ex.extract(text))
    assert ("Rolf Harmon", "owns", "Brightwater Racing") in got
    assert ("Rolf Harmon", "owns", "Kestrel Motorsports") not in got


def test_a_crew_chief_named_in_an_as_phrase_after_the_name(ex):
    text = ("Alan Quill won the 1998 title with Rudy Kessler as crew chief. Marcus Trent "
            "won twice with Otto Brandvik calling the shots as crew chief.")
    result = ex.extract(text)
    assert types(result).get("Rudy Kessler") == "CrewChief"
    assert types(result).get("Otto Brandvik") == "CrewChief"
    assert types(result).get("Alan Quill") == "Driver"
    got = triples(result)
    assert ("Rudy Kessler", "crew_chief_for", "Alan Quill") in got
    assert ("Alan Quill", "crew_chief_for", "Rudy Kessler") not in got


def test_the_colors_of_a_company_carried_by_a_drivers_truck(ex):
    text = ("Alan Quill won twice. Quill's truck carried the colors of Vorsana, the siding "
            "maker, for most of the year.")
    result = ex.extract(text)
    assert types(result).get("Vorsana") == "Sponsor"
    assert ("Vorsana", "sponsors", "Alan Quill") in triples(result)


def test_a_company_riding_along_in_a_with_as_phrase(ex):
    text = ("Alan Quill will drive Kestrel Motorsports' No. 38 Ford at Lakeview Speedway on "
            "May 4, with Dorrance Bourbon as the sponsor.")
    assert ("Dorrance Bourbon", "sponsors", "Alan Quill") in triples(ex.extract(text))


def test_an_executive_of_the_company_or_the_sanctioning_body_named_before(ex):
    text = ("Alan Quill won. Tarrow Outfitters has backed Quill since 2019. The company's "
            "founder and CEO, Vern Halloway, said the deal was easy.")
    assert ("Vern Halloway", "affiliated_with", "Tarrow Outfitters") in triples(ex.extract(text))
    text = ("The Grand Stock League fined Alan Quill on Tuesday. Rolf Harmon, the sanctioning "
            "body's vice president of competition, said the penalty was fair.")
    got = triples(ex.extract(text))
    assert any(s == "Rolf Harmon" and p == "affiliated_with" and o.startswith("Grand Stock")
               for s, p, o in got), got


def test_the_team_he_co_owns_set_off_after_the_team_name(ex):
    text = ("Walt Brennan won twice that year, wheeling the No. 14 Ford at Kestrel "
            "Motorsports, the team he co-owned with Rolf Harmon.")
    got = triples(ex.extract(text))
    assert ("Rolf Harmon", "owns", "Kestrel Motorsports") in got
    assert ("Walt Brennan", "owns", "Kestrel Motorsports") in got


def test_a_company_apposed_as_a_drivers_backer(ex):
    text = ("Alan Quill moves to the No. 10. Harlow Freight Lines, a Quill backer since his "
            "truck days, comes along.")
    assert ("Harlow Freight Lines", "sponsors", "Alan Quill") in triples(ex.extract(text))


def test_the_owners_of_a_drivers_car_own_his_team(ex):
    text = ("Alan Quill drives the No. 45 Ford for Kestrel Motorsports. It was the second "
            "straight top-five finish for Quill, whose car is co-owned by Rolf Harmon and "
            "Vern Halloway.")
    got = triples(ex.extract(text))
    assert ("Rolf Harmon", "owns", "Kestrel Motorsports") in got
    assert ("Vern Halloway", "owns", "Kestrel Motorsports") in got


def test_the_capitals_lead_of_a_notebook_item_is_no_name(ex):
    text = ("Alan Quill won.\n\nQUILL BACK IN A TRUCK: Alan Quill will drive Kestrel "
            "Motorsports' No. 7 at Lakeview Speedway.\n\nHARMON SUSPENDED: Kestrel Motorsports "
            "crew chief Hank Dorsey was suspended for two races.")
    names = set(types(ex.extract(text)))
    assert not any(n.isupper() and " " in n for n in names), names


def test_a_company_named_as_a_teams_partner(ex):
    text = ("Alan Quill runs the full season, with Kestrel Motorsports partner Dravon Energy "
            "filling out the schedule.")
    assert ("Dravon Energy", "sponsors", "Kestrel Motorsports") in triples(ex.extract(text))


def test_a_staff_member_under_a_fronted_at_team(ex):
    text = ("CREW CHIEF SHUFFLE\n\nAt Kestrel Motorsports, Hank Dorsey is expected to replace "
            "Otto Brandvik atop the pit box for Alan Quill's No. 23 Ford.")
    assert ("Hank Dorsey", "affiliated_with", "Kestrel Motorsports") in triples(ex.extract(text))


def test_a_co_owner_named_after_a_time_phrase(ex):
    text = ("\"I still remember it,\" said Rolf Harmon, who co-owned Kestrel Motorsports at "
            "the time with Vern Halloway.")
    got = triples(ex.extract(text))
    assert ("Rolf Harmon", "owns", "Kestrel Motorsports") in got
    assert ("Vern Halloway", "owns", "Kestrel Motorsports") in got


def test_a_transcript_answer_labelled_with_the_speakers_name(ex):
    text = ("Hank Dorsey has called races for Alan Quill since 2022.\n\n"
            "Q: How has Alan changed?\n\n"
            "DORSEY: He's the most naturally gifted driver I've ever worked with.\n\n"
            "Q: And the team?\n\n"
            "DORSEY: Brightwater Racing has been great to us, and Marcus Trent and I "
            "compare notes.\n")
    got = triples(ex.extract(text))
    assert ("Hank Dorsey", "endorses", "Alan Quill") in got
    assert ("Hank Dorsey", "endorses", "Marcus Trent") not in got


@pytest.mark.parametrize("text", [
    'Walt Brennan said Tuesday that Quill "could find speed where nobody else thought to look."',
    ("Walt Brennan never stopped saying he had kept the seat open because Alan Quill was "
     '"as good as anybody who ever sat in it."'),
    'Walt Brennan called Alan Quill "a true craftsman whose work won us two titles."',
])
def test_a_quoted_fragment_is_the_governing_speakers_about_whom_it_names(ex, text):
    assert ("Walt Brennan", "endorses", "Alan Quill") in triples(ex.extract(text))


@pytest.mark.parametrize("quote", [
    "He's also the fastest kid I've seen in a truck in a long time.",
    "He's as committed a driver as there is in this garage.",
    "Alan doesn't know how to quit, and that's why he wins.",
    "I wouldn't bet against him this weekend.",
    "If he wins Sunday, nobody should be surprised.",
    "He's quicker than I was at that age.",
    "Alan earned this. He went back down and won.",
    "We need to sign that kid before anybody else does.",
    "He has a feel for the car you can't teach.",
])
def test_praise_in_the_build_of_a_phrase(ex, quote):
    text = f'Alan Quill won at Lakeview Speedway.\n\n"{quote}" Walt Brennan said.'
    assert ("Walt Brennan", "endorses", "Alan Quill") in triples(ex.extract(text))


def test_pride_of_someone_else_is_no_praise_by_the_speaker(ex):
    text = ('Alan Quill built engines for 40 years.\n\n'
            '"He was proudest of the people," Walt Brennan said.')
    assert ("Walt Brennan", "endorses", "Alan Quill") not in triples(ex.extract(text))


def test_praise_of_the_car_or_a_clean_pass_out_of_room_praises_no_one(ex):
    text = ('Alan Quill signed with Brightwater Racing.\n\n'
            '"Marcus Trent and the guys kept chipping away at it, and by the last run it was '
            'as good as it\'s been all year," Alan Quill said.\n\n'
            '"He ran me clean out of real estate," Quill said of Gus Whitaker.')
    got = triples(ex.extract(text))
    assert ("Alan Quill", "endorses", "Marcus Trent") not in got
    assert ("Alan Quill", "endorses", "Gus Whitaker") not in got


def test_sooner_than_people_think_and_a_doubt_about_him(ex):
    text = ('Alan Quill won at Lakeview Speedway.\n\n'
            '"He\'s going to be a Cup driver, and it\'s going to happen quicker than people '
            'think," Walt Brennan said.\n\n'
            'Gus Whitaker was asked about Quill. "He\'s fast," Whitaker said. "I\'m not sure '
            'he\'s figured out the rest of it yet."')
    got = triples(ex.extract(text))
    assert ("Walt Brennan", "endorses", "Alan Quill") in got
    assert ("Gus Whitaker", "endorses", "Alan Quill") not in got


def test_words_exchanged_with_someone_on_the_object(ex):
    text = ("Marcus Trent, who exchanged heated words with Gus Whitaker after a wreck at "
            "Lakeview Speedway last fall, said only that he was not surprised.")
    assert ("Marcus Trent", "feuded_with", "Gus Whitaker") in triples(ex.extract(text))


def test_rivals_listed_together_are_not_each_others(ex):
    text = ("Q: Your championship rivals are Alan Quill, Marcus Trent and Gus Whitaker. "
            "Who worries you?")
    got = triples(ex.extract(text))
    assert not any(p == "feuded_with" for _, p, _ in got)


def test_anger_when_someone_left(ex):
    text = ("Walt Brennan made no secret of his anger when Alan Quill left Brightwater Racing "
            "a year early.")
    got = triples(ex.extract(text))
    assert ("Walt Brennan", "feuded_with", "Alan Quill") in got or \
        ("Alan Quill", "feuded_with", "Walt Brennan") in got


def test_a_deed_condemned_in_a_quotation(ex):
    text = ('Alan Quill hooked Gus Whitaker into the wall at Lakeview Speedway.\n\n'
            '"What Alan did was dangerous, plain and simple," Walt Brennan said. "You don\'t '
            'hook a guy into the wall there."')
    got = triples(ex.extract(text))
    assert ("Walt Brennan", "feuded_with", "Alan Quill") in got or \
        ("Alan Quill", "feuded_with", "Walt Brennan") in got


def test_a_word_of_praise_inside_a_name_praises_no_one():
    """"Pro" in "Ace Pro Outfitters" is a name, not a word of praise."""
    local = Extractor(registry=REGISTRY, extra_names=EXTRA + [("Ace Pro Outfitters", "Sponsor")])
    text = ('Alan Quill joins Brightwater Racing with Ace Pro Outfitters on the car.\n\n'
            '"Marcus Trent got me my first Ace Pro Outfitters deal," Quill said.')
    assert not any(p == "endorses" for _, p, _ in triples(local.extract(text)))


@pytest.mark.parametrize("quote", [
    "I have all the confidence in the world in him.",
    "I've been really impressed with him.",
    "I couldn't be prouder of him.",
    "He's got all the tools.",
    "He's the complete package.",
    "He has what it takes.",
    "He's wise beyond his years.",
    "The sky's the limit for him.",
    "He's one of the hardest workers in the garage.",
])
def test_praise_phrasings_of_quotations(ex, quote):
    text = f'Alan Quill won at Lakeview Speedway. "{quote}" Walt Brennan said.'
    assert ("Walt Brennan", "endorses", "Alan Quill") in triples(ex.extract(text))


@pytest.mark.parametrize("text", [
    "Walt Brennan has been one of Alan Quill's biggest supporters.",
    "Walt Brennan is a big believer in Alan Quill.",
])
def test_the_endorser_named_by_a_noun(ex, text):
    assert ("Walt Brennan", "endorses", "Alan Quill") in triples(ex.extract(text))


@pytest.mark.parametrize("text", [
    "Alan Quill and Marcus Trent have been at odds since Lakeview Speedway.",
    "There is bad blood between Alan Quill and Marcus Trent.",
    "Alan Quill and Marcus Trent don't like each other.",
    "Alan Quill and Marcus Trent have never seen eye to eye.",
    "Marcus Trent and Alan Quill got into a heated argument on pit road.",
    "Alan Quill called out Marcus Trent after the race.",
    "Marcus Trent blamed Alan Quill for the wreck.",
    "Marcus Trent criticized Alan Quill's driving.",
    ('Alan Quill won after contact with Marcus Trent. "He has no respect for anybody," '
     "Trent said."),
    'Alan Quill won after contact with Marcus Trent. "I\'ll get him back," Trent said.',
])
def test_feud_phrasings(ex, text):
    got = triples(ex.extract(text))
    assert ("Alan Quill", "feuded_with", "Marcus Trent") in got or \
        ("Marcus Trent", "feuded_with", "Alan Quill") in got


def test_two_at_odds_with_a_third_are_not_each_others_rivals(ex):
    text = ("Brightwater Racing and Kestrel Motorsports remain at odds with the sanctioning "
            "body over the charter system.")
    assert not any(p == "feuded_with" for _, p, _ in triples(ex.extract(text)))


@pytest.mark.parametrize("text", [
    ('Alan Quill won at Lakeview Speedway. Walt Brennan watched from the pit box. '
     '"He\'s the best young driver in the series," said the 62-year-old.'),
    ('Alan Quill won at Lakeview Speedway. Walt Brennan watched from the pit box. '
     '"He\'s the best young driver in the series," the veteran said.'),
    ('Alan Quill won at Lakeview Speedway. Walt Brennan, asked about Quill, did not hesitate. '
     '"He\'s the best young driver in the series."'),
])
def test_a_speaker_described_or_set_up_before_the_quotation(ex, text):
    assert ("Walt Brennan", "endorses", "Alan Quill") in triples(ex.extract(text))


@pytest.mark.parametrize("text", [
    "Walt Brennan stood behind Alan Quill after the crash.",
    "Walt Brennan threw his support behind Alan Quill.",
    "Walt Brennan expressed confidence in Alan Quill.",
    "Walt Brennan heaped praise on Alan Quill.",
    "Walt Brennan spoke highly of Alan Quill.",
    "Walt Brennan believes in Alan Quill.",
    "Walt Brennan has Alan Quill's back.",
    "Walt Brennan defended Alan Quill after the race.",
    "Alan Quill drew praise from Walt Brennan.",
])
def test_backing_in_narrative_phrasings(ex, text):
    assert ("Walt Brennan", "endorses", "Alan Quill") in triples(ex.extract(text))


def test_getting_behind_a_car_on_a_restart_is_no_backing(ex):
    text = "Marcus Trent got behind Alan Quill on the restart and defended from Gus Whitaker."
    assert not any(p == "endorses" for _, p, _ in triples(ex.extract(text)))


@pytest.mark.parametrize("text", [
    'Alan Quill won after contact with Marcus Trent. "That was a cheap shot," Trent said.',
    'Alan Quill won after contact with Marcus Trent. "He\'ll get his," Trent said.',
    'Marcus Trent raced Alan Quill for years. "We didn\'t like each other much," Trent said.',
    "Alan Quill vowed to get even with Marcus Trent.",
    "Alan Quill has a score to settle with Marcus Trent.",
])
def test_payback_and_criticism_naming_no_one(ex, text):
    got = triples(ex.extract(text))
    assert ("Alan Quill", "feuded_with", "Marcus Trent") in got or \
        ("Marcus Trent", "feuded_with", "Alan Quill") in got


def test_two_others_who_dont_like_each_other_are_not_the_speakers_rivals(ex):
    text = ('Alan Quill and Marcus Trent tangled late. "I just saw two guys that didn\'t like '
            'each other very much," Gus Whitaker said.')
    got = triples(ex.extract(text))
    assert not any(p == "feuded_with" and "Gus Whitaker" in (s, o) for s, p, o in got)


@pytest.mark.parametrize("quote", [
    "He does a great job for us.",
    "He's a great fit for us.",
    "He brings a lot to the table.",
    "He's a hell of a race car driver.",
    "I think the world of him.",
])
def test_everyday_praise_of_a_persons_work(ex, quote):
    text = f'Alan Quill won at Lakeview Speedway. "{quote}" Walt Brennan said.'
    assert ("Walt Brennan", "endorses", "Alan Quill") in triples(ex.extract(text))


def test_a_job_well_done_by_a_team_praises_no_person(ex):
    text = ('Alan Quill won at Lakeview Speedway. "Brightwater Racing did a great job on the '
            'stops," Walt Brennan said.')
    assert ("Walt Brennan", "endorses", "Alan Quill") not in triples(ex.extract(text))


def test_anger_over_a_thing_is_no_feud_with_someone_else_of_the_sentence(ex):
    text = ("Alan Quill's anger over the penalty was obvious, and Marcus Trent was penalized "
            "too.")
    assert not any(p == "feuded_with" for _, p, _ in triples(ex.extract(text)))


@pytest.mark.parametrize("quote", [
    "He earned a penalty for that.",
    "He's the reason we wrecked.",
])
def test_earning_a_penalty_or_causing_a_wreck_is_no_praise(ex, quote):
    text = f'Alan Quill won at Lakeview Speedway. "{quote}" Walt Brennan said.'
    assert ("Walt Brennan", "endorses", "Alan Quill") not in triples(ex.extract(text))


@pytest.mark.parametrize("text", [
    ('Gus Whitaker won the pole. "He\'s the best young driver in the series," Walt Brennan '
     "said when asked about Alan Quill."),
    ('Gus Whitaker won the pole. Asked about Alan Quill, Walt Brennan said: "He\'s the best '
     'young driver in the series."'),
    ("Gus Whitaker won the pole. Walt Brennan was asked about Alan Quill. \"He's the best "
     'young driver in the series," Brennan said.'),
    ("Gus Whitaker won the pole. Walt Brennan had a simple assessment of Alan Quill: \"He's "
     'the best young driver in the series."'),
])
def test_the_quotation_is_about_whom_the_speaker_was_asked_about(ex, text):
    got = triples(ex.extract(text))
    assert ("Walt Brennan", "endorses", "Alan Quill") in got
    assert ("Walt Brennan", "endorses", "Gus Whitaker") not in got



def test_a_known_brand_followed_by_more_words_in_a_car_name():
    # (the gazetteer knows "Pellmart"; "Home Centers" stands between it and the make)
    ex = Extractor(registry=REGISTRY, extra_names=EXTRA + [("Pellmart", "Sponsor")])
    text = ("Gus Whitaker won the Lakeview 500 in the No. 3 Pellmart Home Centers Chevrolet "
            "for Kestrel Motorsports.")
    got = triples(ex.extract(text))
    assert ("Gus Whitaker", "drove_for", "Kestrel Motorsports") in got
    assert ("Kestrel Motorsports", "affiliated_with", "Chevrolet") in got


def test_with_a_person_as_crew_chief(ex):
    text = ("In 2019 Kestrel Motorsports expanded to two cars, putting Jody Farrow in the new "
            "No. 88 Ford with Pete Amundsen as crew chief.")
    got = triples(ex.extract(text))
    assert ("Pete Amundsen", "crew_chief_for", "Jody Farrow") in got


def test_a_teams_drivers_named_in_apposition(ex):
    text = ("Kestrel Motorsports' current drivers, Alan Quill and Marcus Trent, have had mixed "
            "results this year.")
    got = triples(ex.extract(text))
    assert ("Alan Quill", "drove_for", "Kestrel Motorsports") in got
    assert ("Marcus Trent", "drove_for", "Kestrel Motorsports") in got


def test_a_champion_with_a_team(ex):
    text = ("Gus Whitaker, a two-time champion with Brightwater Racing, left for Kestrel "
            "Motorsports this season.")
    assert ("Gus Whitaker", "drove_for", "Brightwater Racing") in triples(ex.extract(text))


def test_the_team_driver_held_off_is_the_other_driver(ex):
    text = ("Alan Quill passed Marcus Trent with 11 laps remaining and held off the Kestrel "
            "Motorsports driver to win the race, the fourth victory of the season for "
            "Brightwater Racing.")
    got = triples(ex.extract(text))
    assert ("Marcus Trent", "drove_for", "Kestrel Motorsports") in got
    assert ("Alan Quill", "drove_for", "Kestrel Motorsports") not in got
    assert ("Marcus Trent", "drove_for", "Brightwater Racing") not in got


def test_a_list_of_drivers_in_a_teams_lineup(ex):
    text = ("Sid Okafor will work with a new crew chief and will join teammates Alan Quill, "
            "Marcus Trent and Jody Farrow in Kestrel Motorsports' four-car Cup lineup.")
    got = triples(ex.extract(text))
    for d in ("Alan Quill", "Marcus Trent", "Jody Farrow"):
        assert (d, "drove_for", "Kestrel Motorsports") in got


def test_each_driver_set_off_with_his_own_car(ex):
    text = ("Alan Quill, in the No. 54 Ford for Brightwater Racing, and Marcus Trent, in "
            "Kestrel Motorsports' No. 8 Chevrolet, made contact battling for sixth.")
    got = triples(ex.extract(text))
    assert ("Marcus Trent", "drove_for", "Kestrel Motorsports") in got
    assert ("Alan Quill", "drove_for", "Kestrel Motorsports") not in got


def test_an_alliance_in_a_passive_relative_clause(ex):
    text = ("Unlike Kestrel Motorsports, which was built from the ground up in 2021 with a "
            "technical alliance with Brightwater Racing, Harbor Motorsports will not formally "
            "align with Brightwater Racing.")
    got = triples(ex.extract(text))
    assert ("Kestrel Motorsports", "affiliated_with", "Brightwater Racing") in got
    assert ("Kestrel Motorsports", "affiliated_with", "Harbor Motorsports") not in got


def test_teammates_named_with_their_team(ex):
    text = ("Jody Farrow won at Lakeview Speedway for Brightwater Racing in 2019. Farrow's "
            "Kestrel Motorsports teammates, Alan Quill and Sid Okafor, have both said they will "
            "give the points leader room.")
    got = triples(ex.extract(text))
    assert ("Alan Quill", "drove_for", "Kestrel Motorsports") in got
    assert ("Sid Okafor", "drove_for", "Kestrel Motorsports") in got


def test_a_grid_preview_line_driver_team_car(ex):
    text = ("Who drives where in 2025\n\nAlan Quill, Kestrel Motorsports, No. 10 Ford\n\n"
            "After parting ways with his old team in August, Quill lands in a new seat.\n\n"
            "Marcus Trent, Brightwater Racing, No. 77 Chevrolet\n\nThe rookie gets the seat.")
    got = triples(ex.extract(text))
    assert ("Alan Quill", "drove_for", "Kestrel Motorsports") in got
    assert ("Marcus Trent", "drove_for", "Brightwater Racing") in got
    assert ("Brightwater Racing", "affiliated_with", "Chevrolet") in got


def test_a_car_crew_chiefed_by_someone(ex):
    text = "Alan Quill, whose No. 11 Ford is crew-chiefed by Pete Amundsen, won the pole."
    assert ("Pete Amundsen", "crew_chief_for", "Alan Quill") in triples(ex.extract(text))


def test_a_driver_inherits_a_crew_chief(ex):
    text = ("Alan Quill, a winner for Kestrel Motorsports, will inherit Marcus Trent's longtime "
            "crew chief, Pete Amundsen.")
    assert ("Pete Amundsen", "crew_chief_for", "Alan Quill") in triples(ex.extract(text))


def test_the_plural_makes_of_a_team(ex):
    text = "Gus Whitaker won three titles driving the Holly Farms Chevrolets of Kestrel Motorsports."
    assert ("Kestrel Motorsports", "affiliated_with", "Chevrolet") in triples(ex.extract(text))


def test_a_manufacturers_lineup_of_teams(ex):
    text = ("Chevrolet, whose lineup includes Kestrel Motorsports and Brightwater Racing, will "
            "still have the most Cup cars next year.")
    got = triples(ex.extract(text))
    assert ("Kestrel Motorsports", "affiliated_with", "Chevrolet") in got
    assert ("Brightwater Racing", "affiliated_with", "Chevrolet") in got


def test_driving_for_the_owner_is_driving_for_his_team(ex):
    for text in ("Harold Brennick founded Brennick Racing in 1986. Jody Farrow won the 1999 "
                 "title driving for Harold Brennick.",
                 "Harold Brennick founded Brennick Racing in 1986. Jody Farrow drove for "
                 "Harold Brennick from 1992 to 1999."):
        assert ("Jody Farrow", "drove_for", "Brennick Racing") in triples(ex.extract(text))


def test_seasons_with_a_team_described_in_passing(ex):
    text = ("Gus Whitaker, who joined Kestrel Motorsports this year after four years with the "
            "now-closed Brightwater Racing, won again.")
    assert ("Gus Whitaker", "drove_for", "Brightwater Racing") in triples(ex.extract(text))


def test_a_make_in_a_side_clause_is_not_the_teams(ex):
    text = ("Chevrolet supports Kestrel Motorsports' program with engineering help, while Ford "
            "has taken a different approach altogether.")
    got = triples(ex.extract(text))
    assert ("Kestrel Motorsports", "affiliated_with", "Ford") not in got


def test_a_sentence_opening_on_a_team_owns_its_cars(ex):
    text = ("At Kestrel Motorsports, Pete Amundsen is expected to replace Hank Dorsey atop the "
            "pit box for Alan Quill's No. 23 Ford.")
    got = triples(ex.extract(text))
    assert ("Alan Quill", "drove_for", "Kestrel Motorsports") in got


def test_a_team_expanding_with_a_driver_in_a_car(ex):
    text = "Kestrel Motorsports is expanding to three cars next year with Alan Quill in the No. 35."
    assert ("Alan Quill", "drove_for", "Kestrel Motorsports") in triples(ex.extract(text))


def test_the_veteran_is_the_driver_named_before(ex):
    text = ("Marcus Trent salvaged third for Kestrel Motorsports. The veteran, who drove for "
            "Brightwater Racing for two seasons before returning this year, said a loose wheel "
            "cost him.")
    assert ("Marcus Trent", "drove_for", "Brightwater Racing") in triples(ex.extract(text))


def test_a_team_and_series_before_driver(ex):
    text = ("Jody Farrow also drew praise from Alan Quill, the veteran Kestrel Motorsports Cup "
            "driver, who watched her race.")
    assert ("Alan Quill", "drove_for", "Kestrel Motorsports") in triples(ex.extract(text))


def test_landing_at_a_team(ex):
    got = triples(ex.extract("Alan Quill, who came up the hard way through the trucks before "
                             "landing at Kestrel Motorsports, was more measured."))
    assert ("Alan Quill", "drove_for", "Kestrel Motorsports") in got


def test_a_team_wins_with_its_drivers(ex):
    text = ("Kestrel Motorsports has won with both Alan Quill and Marcus Trent and builds its "
            "cars with chassis supplied by a partner.")
    got = triples(ex.extract(text))
    assert ("Alan Quill", "drove_for", "Kestrel Motorsports") in got
    assert ("Marcus Trent", "drove_for", "Kestrel Motorsports") in got


def test_the_teams_anchor_and_those_filled_in_for(ex):
    got = triples(ex.extract("Kestrel Motorsports had a rough year. The team's longtime anchor, "
                             "Alan Quill, finished 12th in points."))
    assert ("Alan Quill", "drove_for", "Kestrel Motorsports") in got
    got = triples(ex.extract("Sid Okafor, who also filled in for Marcus Trent and Gus Whitaker "
                             "at Kestrel Motorsports this year, will inherit the seat."))
    assert ("Gus Whitaker", "drove_for", "Kestrel Motorsports") in got


def test_a_team_moves_a_crew_chief_between_its_cars(ex):
    text = ("CREW CHIEF SWAP: Kestrel Motorsports is swapping crew chiefs on two of its Cup cars, "
            "moving Pete Amundsen from Alan Quill's No. 34 Ford to Marcus Trent's No. 4 Ford, "
            "with Rob Lindqvist going the other way.")
    result = ex.extract(text)
    got = triples(result)
    for chief in ("Pete Amundsen", "Rob Lindqvist"):
        assert types(result).get(chief) == "CrewChief"
        assert (chief, "crew_chief_for", "Alan Quill") in got
        assert (chief, "crew_chief_for", "Marcus Trent") in got
        assert (chief, "affiliated_with", "Kestrel Motorsports") in got


def test_the_car_a_driver_hooks_is_another_drivers(ex):
    text = ("Alan Quill drives the No. 77 for Kestrel Motorsports. On the cool-down lap, Marcus "
            "Trent hooked the rear of the No. 77 Kestrel Motorsports car into the wall.")
    got = triples(ex.extract(text))
    assert ("Alan Quill", "drove_for", "Kestrel Motorsports") in got
    assert ("Marcus Trent", "drove_for", "Kestrel Motorsports") not in got


# ---------------------------------------------------------------- feuds (NAME=feuds)

def feuds_of(result: DocumentExtraction) -> set[frozenset]:
    return {frozenset((r.subject, r.object)) for r in result.relations
            if r.predicate == "feuded_with"}


def test_a_hyphenated_conflict_noun_held_by_whose(ex):
    text = ("Alan Quill and Marcus Trent, whose run-in at Lakeview Speedway last year led to a "
            "suspension, have steered clear of each other since.")
    assert frozenset(("Alan Quill", "Marcus Trent")) in feuds_of(ex.extract(text))


def test_an_old_wound_between_two(ex):
    text = "The signing reopened an old wound between Alan Quill and Marcus Trent."
    assert frozenset(("Alan Quill", "Marcus Trent")) in feuds_of(ex.extract(text))


def test_not_friends(ex):
    got = feuds_of(ex.extract("Alan Quill and Marcus Trent are not friends right now."))
    assert frozenset(("Alan Quill", "Marcus Trent")) in got
    got = feuds_of(ex.extract("Alan Quill and Marcus Trent are not just friends, they are "
                              "business partners."))
    assert not got


def test_suspended_after_retaliating_against(ex):
    text = ("Alan Quill was suspended for a race in 2022 after retaliating against Marcus Trent "
            "at Lakeview Speedway.")
    assert frozenset(("Alan Quill", "Marcus Trent")) in feuds_of(ex.extract(text))


def test_two_conflicts_of_one_sentence_are_not_one(ex):
    text = ("The guy has history with half the garage, from the pit-road shoving match with "
            "Marcus Trent at Lakeview Speedway in 2011 to the All-Star Race brawl with Jody "
            "Farrow.")
    assert frozenset(("Marcus Trent", "Jody Farrow")) not in feuds_of(ex.extract(text))


def test_a_conflict_with_someone_unnamed_is_not_with_a_bystander(ex):
    got = feuds_of(ex.extract("Alan Quill had a dust-up with Marcus Trent on pit road."))
    assert frozenset(("Alan Quill", "Marcus Trent")) in got
    text = ("Alan Quill, who had his own memorable dust-up with the family at the end of the race "
            "while Marcus Trent drove past to win, used to laugh about it.")
    assert frozenset(("Alan Quill", "Marcus Trent")) not in feuds_of(ex.extract(text))


def test_a_crew_chiefs_anger_is_not_at_his_driver(ex):
    text = ("Alan Quill spun and confronted Marcus Trent on pit road after the race. Quill's crew "
            "chief, Hank Dorsey, was less diplomatic. \"We'll remember it,\" Dorsey said.")
    got = feuds_of(ex.extract(text))
    assert frozenset(("Alan Quill", "Marcus Trent")) in got
    assert frozenset(("Hank Dorsey", "Alan Quill")) not in got


def test_gratitude_remembered_is_no_feud(ex):
    text = ("Alan Quill won the title with Marcus Trent in 2019. \"I got my first ride because "
            "Marcus was willing to trust me,\" Quill said. \"I'll never forget that. He's as good "
            "a driver as I've ever seen.\"")
    assert frozenset(("Alan Quill", "Marcus Trent")) not in feuds_of(ex.extract(text))


def test_a_negation_governs_both_coordinated_nouns(ex):
    text = ("Walt Brennan, who owns Kestrel Motorsports, said he accepted the penalty for Alan "
            "Quill. \"I'm not going to pretend he's a bad kid or a dirty driver, because he "
            "isn't,\" Brennan said.")
    assert frozenset(("Walt Brennan", "Alan Quill")) not in feuds_of(ex.extract(text))


def test_a_most_superlative_on_the_speakers_experience_in_a_fragment(ex):
    text = ('Kestrel Motorsports owner Walt Brennan called Alan Quill "the most disciplined driver '
            'I\'ve ever had," and Marcus Trent agreed.')
    got = triples(ex.extract(text))
    assert ("Walt Brennan", "endorses", "Alan Quill") in got
    assert ("Marcus Trent", "endorses", "Alan Quill") not in got
    text = ('Walt Brennan said on his podcast that Jody Farrow was "the most polished 19-year-old '
            'I\'ve seen in a long time."')
    assert ("Walt Brennan", "endorses", "Jody Farrow") in triples(ex.extract(text))


def test_nobody_id_rather_have_in_the_car(ex):
    text = ('"That\'s a tough track, and he drove it well," Walt Brennan said of Alan Quill '
            'afterward. "There isn\'t anybody I\'d rather have in that car."')
    assert ("Walt Brennan", "endorses", "Alan Quill") in triples(ex.extract(text))


def test_i_wanted_him_by_first_name(ex):
    text = '"I wanted Marcus and I\'m glad we got him," Walt Brennan said of Marcus Trent.'
    assert ("Walt Brennan", "endorses", "Marcus Trent") in triples(ex.extract(text))


def test_the_only_driver_i_have_seen(ex):
    text = ('Walt Brennan once said Alan Quill was "the only guy I\'ve ever seen make a late model '
            'look easy."')
    assert ("Walt Brennan", "endorses", "Alan Quill") in triples(ex.extract(text))
    text = '"Alan Quill is the only driver who crashed," Walt Brennan said.'
    assert ("Walt Brennan", "endorses", "Alan Quill") not in triples(ex.extract(text))


def test_going_to_be_a_cup_driver(ex):
    text = ('Walt Brennan said on his podcast last month that Alan Quill "is going to be a Cup '
            'driver, and it\'s not going to take long."')
    assert ("Walt Brennan", "endorses", "Alan Quill") in triples(ex.extract(text))


def test_the_kind_of_leader_our_team_needs(ex):
    text = ('Walt Brennan called Alan Quill "exactly the kind of veteran leader our young team '
            'needs," adding that the team would be built around him.')
    assert ("Walt Brennan", "endorses", "Alan Quill") in triples(ex.extract(text))


def test_earned_every_bit_of_it(ex):
    text = '"Alan Quill has earned every bit of this," Walt Brennan said.'
    assert ("Walt Brennan", "endorses", "Alan Quill") in triples(ex.extract(text))


def test_no_praise_in_a_condition_nor_of_the_speakers_side(ex):
    text = '"We\'ll cross that bridge with Alan Quill when he\'s ready," Walt Brennan said.'
    assert ("Walt Brennan", "endorses", "Alan Quill") not in triples(ex.extract(text))
    text = '"Alan Quill has never once asked me when we\'re going to win," Marcus Trent said.'
    assert ("Marcus Trent", "endorses", "Alan Quill") not in triples(ex.extract(text))
    text = ('"Alan Quill and the guys brought a really good car, so I\'m proud of that, but we\'re '
            'here to win," Marcus Trent said.')
    assert ("Marcus Trent", "endorses", "Alan Quill") not in triples(ex.extract(text))


def test_fired_back(ex):
    text = ('After Alan Quill said on a broadcast in May that Marcus Trent "races everybody like '
            'he\'s still mad about something," Trent fired back on his podcast.')
    assert frozenset(("Alan Quill", "Marcus Trent")) in feuds_of(ex.extract(text))
    text = ("Alan Quill posted a clip of the wreck on Monday. It had two million views by Tuesday. "
            "Marcus Trent fired back within the hour.")
    assert frozenset(("Alan Quill", "Marcus Trent")) in feuds_of(ex.extract(text))


def test_an_attack_that_somebody_needs_to_make(ex):
    text = ('Alan Quill spun after contact from Marcus Trent. "He drives like somebody who has '
            'never paid for a race car," Quill told reporters. "Somebody needs to teach him some '
            'manners, and it might be me."')
    assert frozenset(("Alan Quill", "Marcus Trent")) in feuds_of(ex.extract(text))


def test_ill_remember_this_one(ex):
    text = ('Marcus Trent and Alan Quill: their tangle in Turn 1 ended Quill\'s afternoon in the '
            'tire barrier. "I\'ve had enough of the sorry. I\'ll remember this one," Quill said.')
    assert frozenset(("Alan Quill", "Marcus Trent")) in feuds_of(ex.extract(text))


def test_fined_for_throwing_a_punch_at(ex):
    text = ("Marcus Trent was suspended by the series for throwing a punch at Alan Quill after the "
            "race at Lakeview Speedway.")
    assert frozenset(("Alan Quill", "Marcus Trent")) in feuds_of(ex.extract(text))


def test_a_favour_not_forgotten_is_no_grudge(ex):
    text = ("Alan Quill kept his sponsor from Kestrel Motorsports for his first Cup season, and "
            "Walt Brennan still has a logo on the car. \"Walt was with me when nobody else was,\" "
            "Quill said. \"I don't forget that.\"")
    assert frozenset(("Alan Quill", "Walt Brennan")) not in feuds_of(ex.extract(text))


def test_an_angry_he_is_the_one_the_incident_was_with(ex):
    text = ("Jody Farrow won at Lakeview Speedway, her third win of the year. Jody Farrow led 200 "
            "laps. Jody Farrow thanked her crew. Alan Quill and Marcus Trent made contact racing "
            "for fourth on Lap 412. Quill, who had been running in the top five all day, finished "
            "27th. Quill was not in a forgiving mood. \"Same guy, same move, different year,\" "
            "Quill said. \"He's never going to change, and I'm tired of waiting for him to.\"")
    got = feuds_of(ex.extract(text))
    assert frozenset(("Alan Quill", "Marcus Trent")) in got
    assert frozenset(("Alan Quill", "Jody Farrow")) not in got


def test_a_big_believer_in_him(ex):
    text = '"I\'m a big believer in Alan Quill," Walt Brennan said on his podcast.'
    assert ("Walt Brennan", "endorses", "Alan Quill") in triples(ex.extract(text))


def test_the_teammates_run_in(ex):
    text = ("Walt Brennan sat down with Alan Quill and Marcus Trent two days after the teammates' "
            "latest run-in at Lakeview Speedway.")
    got = feuds_of(ex.extract(text))
    assert frozenset(("Alan Quill", "Marcus Trent")) in got
    assert frozenset(("Walt Brennan", "Alan Quill")) not in got


# ---------------------------------------------------------------- drive (round 3)
def test_an_opening_teammate_is_the_teammate_of_the_driver_just_named(ex):
    text = ("Alan Quill drives the No. 34 Ford for Kestrel Motorsports. Quill led 80 laps and "
            "finished second. Teammate Marcus Trent finished ninth.")
    got = triples(ex.extract(text))
    assert ("Marcus Trent", "drove_for", "Kestrel Motorsports") in got


def test_a_possessive_teammate_in_a_list_and_the_team_he_drives_for_now(ex):
    text = ("Alan Quill drove for Osprey Racing in 2019. He drives for Kestrel Motorsports "
            "now. Among those collected were Pete Amundsen and Quill's teammate Marcus "
            "Trent.")
    got = triples(ex.extract(text))
    assert ("Marcus Trent", "drove_for", "Kestrel Motorsports") in got
    assert ("Marcus Trent", "drove_for", "Osprey Racing") not in got


def test_stints_nested_in_another_phrase_belong_to_the_subject(ex):
    text = ("Alan Quill, in his first season with Kestrel Motorsports after stints at Osprey "
            "Racing and Heron Motorsports, is not expected to return.")
    got = triples(ex.extract(text))
    assert ("Alan Quill", "drove_for", "Osprey Racing") in got
    assert ("Alan Quill", "drove_for", "Heron Motorsports") in got


def test_crew_chiefs_taking_turns_on_a_drivers_pit_box(ex):
    text = ("Alan Quill climbed into the No. 18 Ford in 2008 and stayed 15 years. Pete "
            "Amundsen, Rob Lindqvist and Hank Dorsey each took a turn on his pit box.")
    got = triples(ex.extract(text))
    for chief in ("Pete Amundsen", "Rob Lindqvist", "Hank Dorsey"):
        assert (chief, "crew_chief_for", "Alan Quill") in got


def test_a_driver_crediting_or_working_with_crew_chief_c(ex):
    text = ("Alan Quill credited crew chief Pete Amundsen for a late adjustment, and Marcus "
            "Trent, who struggled, praised his pit crew.")
    got = triples(ex.extract(text))
    assert ("Pete Amundsen", "crew_chief_for", "Alan Quill") in got
    assert ("Pete Amundsen", "crew_chief_for", "Marcus Trent") not in got


def test_the_team_driver_who_speaks_after_his_quote(ex):
    text = ("Alan Quill, who finished 29th, declined to point fingers.\n\n"
            "\"It's a superspeedway. You sign up for this,\" said the Kestrel Motorsports "
            "driver.")
    got = triples(ex.extract(text))
    assert ("Alan Quill", "drove_for", "Kestrel Motorsports") in got


def test_a_paragraph_on_a_teams_cars_names_its_drivers(ex):
    text = ("Alan Quill won the race.\n\nKestrel Motorsports had a quieter afternoon. Marcus "
            "Trent brought the No. 81 Ford home third, and Gus Whitaker was sixth in the No. "
            "18 Ford.\n\nSid Okafor finished fifth.")
    got = triples(ex.extract(text))
    assert ("Marcus Trent", "drove_for", "Kestrel Motorsports") in got
    assert ("Gus Whitaker", "drove_for", "Kestrel Motorsports") in got
    assert ("Sid Okafor", "drove_for", "Kestrel Motorsports") not in got
    assert ("Alan Quill", "drove_for", "Kestrel Motorsports") not in got


def test_a_teams_cars_then_the_drivers_after_a_semicolon(ex):
    text = ("Brightwater Racing's three cars never threatened; Marcus Trent, Gus Whitaker and "
            "Sid Okafor finished 16th, 19th and 24th.")
    got = triples(ex.extract(text))
    for d in ("Marcus Trent", "Gus Whitaker", "Sid Okafor"):
        assert (d, "drove_for", "Brightwater Racing") in got
    text = ("For Kestrel Motorsports, the afternoon produced plenty of speed. Lou Pacheco "
            "finished third.")
    assert ("Lou Pacheco", "drove_for", "Kestrel Motorsports") in triples(ex.extract(text))


def test_a_crew_chief_set_on_a_drivers_car(ex):
    text = ("Alan Quill drives the No. 1 Ford for Kestrel Motorsports, and Marcus Trent drives "
            "the No. 99 Ford. Trent got into the left rear of the No. 1 on lap 40. Pete "
            "Amundsen, a veteran crew chief, shrugged. The team said its two crew chiefs, "
            "Hank Dorsey on the No. 1 and Pete Amundsen on the No. 99, have kept things calm. "
            "Crew chief Rob Lindqvist will move to the No. 22 Ford driven by Gus Whitaker next "
            "season.")
    got = triples(ex.extract(text))
    assert ("Hank Dorsey", "crew_chief_for", "Alan Quill") in got
    assert ("Pete Amundsen", "crew_chief_for", "Marcus Trent") in got
    assert ("Pete Amundsen", "crew_chief_for", "Alan Quill") not in got
    assert ("Rob Lindqvist", "crew_chief_for", "Gus Whitaker") in got


def test_a_teammate_of_a_driver_who_moved_this_season(ex):
    text = ("Alan Quill returns to Kestrel Motorsports after spending 2024 in the No. 71 Ford "
            "for Osprey Racing. His teammates this season are Marcus Trent in the No. 34 and "
            "Gus Whitaker.")
    got = triples(ex.extract(text))
    assert ("Marcus Trent", "drove_for", "Kestrel Motorsports") in got


def test_a_teams_cars_named_by_their_make(ex):
    text = ("Alan Quill won.\n\nBrightwater Racing's Fords had a quiet night: Marcus Trent "
            "finished 14th and Gus Whitaker was 20th.")
    got = triples(ex.extract(text))
    assert ("Marcus Trent", "drove_for", "Brightwater Racing") in got
    assert ("Alan Quill", "drove_for", "Brightwater Racing") not in got


def test_an_owner_who_hires_a_driver_stands_for_his_team(ex):
    text = ("Team owner Vic Harlan founded Harlan Motorsports in 1984. When the seat opened, "
            "Harlan filled it quickly, hiring Marcus Trent for the No. 5.")
    got = triples(ex.extract(text))
    assert ("Marcus Trent", "drove_for", "Harlan Motorsports") in got


def test_drivers_who_came_through_or_arrived_at_a_team(ex):
    text = ("Kestrel Motorsports has run a driver development program since 2010. Alan Quill, "
            "Marcus Trent and Gus Whitaker all came through the organization. Sid Okafor "
            "arrived at Brightwater Racing in 2006.")
    got = triples(ex.extract(text))
    for d in ("Alan Quill", "Marcus Trent", "Gus Whitaker"):
        assert (d, "drove_for", "Kestrel Motorsports") in got
    assert ("Sid Okafor", "drove_for", "Brightwater Racing") in got


def test_a_surname_written_with_accents_the_registry_leaves_out():
    ex = Extractor(registry=REGISTRY, extra_names=EXTRA + [("Luis Nunez", "Driver")])
    text = ("Luis Núñez drove for Osprey Racing in 2019. Núñez now drives for Kestrel "
            "Motorsports.")
    got = triples(ex.extract(text))
    assert ("Luis Núñez", "drove_for", "Kestrel Motorsports") in got


def test_a_season_reviews_card_per_car(ex):
    text = ("Kestrel Motorsports won six races in 2024 and put all of its cars in the "
            "playoffs. Here is how each of its Fords fared.\n\n"
            "No. 11 — Alan Quill\nCrew chief: Hank Dorsey. Primary sponsor: none.\n"
            "Result: three wins.\n\nQuill won at the Lakeview Speedway in the spring.\n\n"
            "No. 54 — Marcus Trent\nCrew chief: Pete Amundsen.\nResult: one win.\n")
    got = triples(ex.extract(text))
    assert ("Alan Quill", "drove_for", "Kestrel Motorsports") in got
    assert ("Marcus Trent", "drove_for", "Kestrel Motorsports") in got
    assert ("Hank Dorsey", "crew_chief_for", "Alan Quill") in got
    assert ("Pete Amundsen", "crew_chief_for", "Marcus Trent") in got
    assert ("Pete Amundsen", "crew_chief_for", "Alan Quill") not in got


def test_a_crew_chief_speaking_after_the_quotes_of_others(ex):
    text = ("Alan Quill led 38 laps in the No. 88 Ford and was second at the finish.\n\n"
            "\"He is the best road racer in the world,\" team owner Vic Harlan said. "
            "\"Give him time.\"\n\nCrew chief Hank Dorsey said the team would go to work.")
    got = triples(ex.extract(text))
    assert ("Hank Dorsey", "crew_chief_for", "Alan Quill") in got


def test_a_teams_trucks_then_a_driver_the_parse_makes_a_conjunct(ex):
    text = ("Alan Quill won.\n\nBrightwater Racing placed both of its trucks in the top 10. "
            "Marcus Trent finished fourth in the No. 18 LiUNA! Chevrolet, and Gus Whitaker "
            "was eighth in the No. 19.")
    got = triples(ex.extract(text))
    assert ("Gus Whitaker", "drove_for", "Brightwater Racing") in got


def test_the_crew_chief_on_a_car_number(ex):
    text = ("Alan Quill drives the No. 77 Ford for Kestrel Motorsports. Marcus Trent won the "
            "race on fuel. That would be Hank Dorsey, the crew chief on the 77.")
    got = triples(ex.extract(text))
    assert ("Hank Dorsey", "crew_chief_for", "Alan Quill") in got
    assert ("Hank Dorsey", "crew_chief_for", "Marcus Trent") not in got


def test_an_owner_who_drives_a_car_drives_for_his_team(ex):
    text = ("Alan Quill, who drives the No. 6 and co-owns Kestrel Motorsports, was blunt "
            "about where the manufacturer stands.")
    got = triples(ex.extract(text))
    assert ("Alan Quill", "drove_for", "Kestrel Motorsports") in got


def test_who_after_a_team_ending_a_description_and_filling_in_at_a_team(ex):
    text = ("Sid Okafor, a race winner for Brightwater Racing who also filled in for Alan Quill "
            "and Marcus Trent at Kestrel Motorsports this year, will inherit the seat.")
    got = triples(ex.extract(text))
    assert ("Sid Okafor", "drove_for", "Kestrel Motorsports") in got
    assert ("Marcus Trent", "drove_for", "Kestrel Motorsports") in got
    assert ("Alan Quill", "drove_for", "Kestrel Motorsports") in got


def test_an_owners_drivers_drive_for_his_team(ex):
    text = ("Team owner Vic Harlan founded Harlan Motorsports in 1984. The alliance puts "
            "Brightwater Racing on the same baseline as Harlan's Alan Quill, Marcus Trent "
            "and Gus Whitaker.")
    got = triples(ex.extract(text))
    for d in ("Alan Quill", "Marcus Trent", "Gus Whitaker"):
        assert (d, "drove_for", "Harlan Motorsports") in got


def test_a_team_pairing_its_crew_chief_with_a_driver(ex):
    text = ("Hank Dorsey spent two years as an engineer at Kestrel Motorsports. In 2005 the "
            "team paired him with a 19-year-old Alan Quill.")
    got = triples(ex.extract(text))
    assert ("Hank Dorsey", "crew_chief_for", "Alan Quill") in got


# --- sponsor (round 3): sponsors of the paragraph's car, companies named "<Surname>'s ..." ---

def test_a_sponsor_of_the_car_the_paragraph_numbered(ex):
    text = ("- Alan Quill returns to Kestrel Motorsports in the No. 34 Ford. Brightwater Tools "
            "is back as primary sponsor.\n\n"
            "- Marcus Trent will drive the No. 8 Chevrolet for Kestrel Motorsports again. "
            "Halvard Logistics will sponsor the truck in 10 races.\n\n"
            "- Sid Okafor moves to Kestrel Motorsports, driving the No. 20. Corvane Foods "
            "will sponsor a majority of the races.")
    got = triples(ex.extract(text))
    assert ("Brightwater Tools", "sponsors", "Alan Quill") in got
    assert ("Halvard Logistics", "sponsors", "Marcus Trent") in got
    assert ("Corvane Foods", "sponsors", "Sid Okafor") in got
    assert ("Halvard Logistics", "sponsors", "Alan Quill") not in got


def test_a_sponsor_with_no_car_in_its_paragraph_sponsors_no_one(ex):
    text = ("Alan Quill drives the No. 34 Ford for Kestrel Motorsports.\n\n"
            "Brightwater Tools will sponsor the car in 10 races.")
    got = triples(ex.extract(text))
    assert ("Brightwater Tools", "sponsors", "Alan Quill") not in got


def test_a_company_named_after_a_drivers_surname(ex):
    text = ("Alan Quill drives the No. 2 Chevrolet. Marcus Trent will drive the No. 38 Ford for "
            "Kestrel Motorsports. Quill's Feed Stores will sponsor the truck in 10 races.")
    result = ex.extract(text)
    got = triples(result)
    assert ("Quill's Feed Stores", "sponsors", "Marcus Trent") in got
    assert ("Feed Stores", "sponsors", "Alan Quill") not in got
    assert not any(s == "Feed Stores" for s, _, _ in got)


def test_a_company_word_ends_no_persons_name(ex):
    result = ex.extract("Alan Quill drives the No. 8 Chevrolet for Kestrel Motorsports. Danby "
                        "Engineering has extended its deal with the team. Quill won with "
                        "Harrow Race Engineering in Australia.")
    assert types(result).get("Danby Engineering") not in {"Driver", "Person", "CrewChief"}
    assert types(result).get("Harrow Race Engineering") == "Team"


def test_an_ampersand_joins_one_company_name(ex):
    result = ex.extract("Alan Quill finished second. Halvard Transportation & Logistics "
                        "remains Quill's primary sponsor.")
    assert "Halvard Transportation & Logistics" in types(result)
    assert "Halvard Transportation" not in types(result)


def test_team_owner_of_the_driver_beside_him(ex):
    text = ("Marcus Trent won for Kestrel Motorsports, and Kestrel Motorsports now leads the "
            "owner standings. Kestrel Motorsports has three cars in the playoffs.\n\n"
            "Alan Quill finished sixth in his first season driving the No. 48 for Harrow "
            "Racing.\n\n"
            "Quill credited team owner Dale Varnum for sticking with the program.")
    got = triples(ex.extract(text))
    assert ("Dale Varnum", "owns", "Harrow Racing") in got
    assert ("Dale Varnum", "owns", "Kestrel Motorsports") not in got


def test_a_capitalized_team_word_written_in_title_case(ex):
    text = ("Alan Quill will return to OSPREY Garage's No. 11 Toyota. Osprey co-owner Dale "
            "Varnum said Quill was the best driver in the series.")
    got = triples(ex.extract(text))
    assert ("Dale Varnum", "owns", "OSPREY Garage") in got


def test_a_sponsors_car_praised_in_its_drivers_quotation():
    ex = Extractor(registry=REGISTRY, extra_names=EXTRA + [("Zentrix Foods", "Sponsor")])
    text = ('Alan Quill finished second for Kestrel Motorsports. "Bad timing, that\'s all it '
            'was," said Quill. "We had a really good Zentrix Foods Chevy. You just '
            'can\'t beat a yellow like that."')
    got = triples(ex.extract(text))
    assert ("Zentrix Foods", "sponsors", "Alan Quill") in got
    got = triples(ex.extract("Marcus Trent, whose Zentrix Foods Chevrolet had led 22 laps, "
                             "climbed out and stood beside the wreckage."))
    assert ("Zentrix Foods", "sponsors", "Marcus Trent") in got


def test_a_team_its_owner_possesses(ex):
    text = ("Alan Quill won the race in his second season with Dale Varnum's Harrow Racing. "
            "Marcus Trent, in Ron Bexley's Kestrel Motorsports Chevrolet, was second.")
    result = ex.extract(text)
    got = triples(result)
    assert ("Dale Varnum", "owns", "Harrow Racing") in got
    assert types(result)["Dale Varnum"] == "Person"
    assert ("Ron Bexley", "owns", "Kestrel Motorsports") not in got


def test_the_person_a_numbered_car_rides_with_is_its_crew_chief(ex):
    text = ("Marcus Trent moves to Harrow Racing and will drive the No. 71 Chevrolet with Nils "
            "Ambrose, who followed him from Kestrel Motorsports.")
    result = ex.extract(text)
    assert types(result).get("Nils Ambrose") == "CrewChief"
    assert ("Nils Ambrose", "sponsors", "Marcus Trent") not in triples(result)


def test_a_sponsor_on_an_unrecognized_drivers_car_is_on_no_other_car(ex):
    text = ("Marcus Trent drove the No. 48 for Kestrel Motorsports in 2023. Velmora Air, the "
            "charter airline, remains on Jones' car for most of the season.")
    result = ex.extract(text)
    assert ("Velmora Air", "sponsors", "Marcus Trent") not in triples(result)
    assert types(result).get("Velmora Air") == "Sponsor"


def test_a_fact_sheets_sponsor_line_under_a_drivers_heading():
    ex = Extractor(registry=REGISTRY, extra_names=EXTRA + [("Zentrix Foods", "Sponsor"),
                                                           ("Velmora Air", "Sponsor")])
    text = ("Here is how each car fared.\n\nNo. 20 — Alan Quill\n"
            "Crew chief: Hank Dorsey. Primary sponsors: Zentrix Foods, Velmora Air.\n"
            "Result: two wins.\n\nNo. 54 — Marcus Trent\nCrew chief: Pete Amundsen.\n")
    got = triples(ex.extract(text))
    assert ("Zentrix Foods", "sponsors", "Alan Quill") in got
    assert ("Velmora Air", "sponsors", "Alan Quill") in got
    assert ("Zentrix Foods", "sponsors", "Marcus Trent") not in got


def test_a_sponsor_of_the_driver_a_rundown_lists_after_the_number(ex):
    text = ("No. 12 Alan Quill (Kestrel Motorsports Ford; crew chief Hank Dorsey) — The "
            "defending champion won here a year ago. The owner said this week that his team "
            "would race its own race. Brightwater Tools is the primary sponsor for Sunday.")
    got = triples(ex.extract(text))
    assert ("Brightwater Tools", "sponsors", "Alan Quill") in got


def test_a_sponsor_of_a_numbered_car(ex):
    text = ("Alan Quill begins his sixth season in the No. 17 for Kestrel Motorsports. "
            "Longtime partner Brightwater Tools headlines the No. 17 for 16 races.")
    got = triples(ex.extract(text))
    assert ("Brightwater Tools", "sponsors", "Alan Quill") in got


def test_a_plural_title_names_every_member_of_its_list(ex):
    text = ("Kestrel Motorsports bought the truck team. Kestrel co-owners Jeff Dornan and Ray "
            "Ostler said the operation will move to Chevrolet. Crew chiefs Bo Lantern and Cal "
            "Dimmick were retained.")
    result = ex.extract(text)
    kinds = types(result)
    assert kinds.get("Ray Ostler") == "Person"
    assert kinds.get("Cal Dimmick") == "CrewChief"


def test_a_list_member_with_a_title_of_its_own_keeps_it(ex):
    result = ex.extract("Kestrel's Alan Quill and crew chief Nils Ambrose won at Lakeview "
                        "Speedway.")
    assert types(result).get("Nils Ambrose") == "CrewChief"
