"""The pair model: edges for pairs no rule linked, its training, and the shipped weights."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nascar_kg.loaders.extraction import Extractor
from nascar_kg.loaders.extraction import pairs
from nascar_kg.loaders.extraction.training import examples, fit, train
from nascar_kg.ontology.registry import parse_registry

DATA = Path(__file__).resolve().parent / "data"
EXTRA = [("Alan Quill", "Driver"), ("Brightwater Racing", "Team"),
         ("Kestrel Motorsports", "Team")]
REGISTRY = parse_registry({"entities": [], "facts": []})
# no rule reads "beside" as driving for a team: only a model can link these two
TEXT = ("Alan Quill sat beside Brightwater Racing at the banquet.\n\n"
        "Kestrel Motorsports won. Alan Quill was there.")


def extractor_with(monkeypatch, model) -> Extractor:
    monkeypatch.setattr(pairs, "load_model", lambda *a, **k: model)
    return Extractor(registry=REGISTRY, extra_names=EXTRA)


def test_the_model_links_a_pair_it_scores_high_and_only_those(monkeypatch):
    sure = {"bias": -4.0, "threshold": 0.5, "weights": {"tp=Driver>Team": 8.0}}
    got = extractor_with(monkeypatch, sure).extract(TEXT)
    edges = {(r.subject, r.predicate, r.object): r for r in got.relations}
    assert ("Alan Quill", "drove_for", "Brightwater Racing") in edges
    edge = edges[("Alan Quill", "drove_for", "Brightwater Racing")]
    assert edge.evidence == "Alan Quill sat beside Brightwater Racing at the banquet."
    assert edge.confidence == pairs.MAX_CONFIDENCE
    # two entities of different sentences are never paired
    assert ("Alan Quill", "drove_for", "Kestrel Motorsports") not in edges

    unsure = {"bias": -4.0, "threshold": 0.5, "weights": {"tp=Driver>Team": 1.0}}
    got = extractor_with(monkeypatch, unsure).extract(TEXT)
    assert not got.relations


def test_without_a_model_the_rules_stand_alone(monkeypatch):
    assert not extractor_with(monkeypatch, None).extract(TEXT).relations


def test_fit_learns_a_separating_feature():
    feats = [["tp=x", "good"]] * 10 + [["tp=x", "bad"]] * 10
    weights, bias = fit(feats, [1] * 10 + [0] * 10)
    assert weights["good"] > 1 > -1 > weights["bad"]


@pytest.mark.parametrize("optional", [False, True])
def test_examples_are_labelled_by_the_gold_relations(tmp_path, optional):
    gold = {"id": "g", "url": None, "date": None, "text": TEXT,
            "entities": [{"name": "Alan Quill", "type": "Driver"},
                         {"name": "Brightwater Racing", "type": "Team"},
                         {"name": "Kestrel Motorsports", "type": "Team"}],
            "relations": [{"subject": "Alan Quill", "predicate": "drove_for",
                           "object": "Brightwater Racing", "evidence": "beside",
                           "optional": optional}]}
    (tmp_path / "g.gold.json").write_text(json.dumps(gold))
    from nascar_kg.loaders.evaluation import load_gold

    feats, labels = examples(Extractor(registry=REGISTRY, extra_names=EXTRA),
                             load_gold(tmp_path))
    # one candidate (the pair of one sentence), positive; an optional relation is no example
    assert labels == ([] if optional else [1])
    assert optional or feats[0][0] == "tp=Driver>Team"


def test_the_shipped_model_is_what_training_on_the_shipped_gold_gives():
    """Rules or features changed without retraining would leave the model stale:
    ``python -m nascar_kg.loaders.extraction.training --gold tests/data/gold ...``."""
    shipped = json.loads(pairs.MODEL_PATH.read_text(encoding="utf-8"))
    model = train([DATA / name for name in shipped["trained_on"]],
                  threshold=shipped["threshold"])
    assert (model["examples"], model["positives"]) == (shipped["examples"],
                                                        shipped["positives"])
    assert model["weights"].keys() == shipped["weights"].keys()
    for name, weight in shipped["weights"].items():
        assert model["weights"][name] == pytest.approx(weight, abs=2e-3), name


QUOTE = ('Dax Henley, who owns Brightwater Racing, was asked about Alan Quill. '
         '"Alan has earned every bit of this," Henley said.')


def test_people_named_in_a_quotation_are_recorded_with_the_speaker():
    ex = Extractor(registry=REGISTRY, extra_names=EXTRA + [("Dax Henley", "Person")])
    gaz, linker, rel = ex._components()
    doc = ex.nlp(QUOTE)
    de = linker(doc, gaz(doc))
    rel(de)
    names = {(de.entities[q.speaker].name, de.entities[q.person].name, doc[q.token].text)
             for q in de.quoted}
    assert names == {("Dax Henley", "Alan Quill", "Alan")}  # by first name, not by the speaker


def test_the_model_weighs_a_quotation_no_rule_reads_as_praise(monkeypatch):
    sure = {"bias": -4.0, "threshold": 0.5, "weights": {"tp=quote": 8.0}}
    monkeypatch.setattr(pairs, "load_model", lambda *a, **k: sure)
    got = Extractor(registry=REGISTRY,
                    extra_names=EXTRA + [("Dax Henley", "Person")]).extract(QUOTE)
    edges = {(r.subject, r.predicate, r.object): r for r in got.relations}
    edge = edges[("Dax Henley", "endorses", "Alan Quill")]
    assert edge.evidence == '"Alan has earned every bit of this," Henley said.'

    negative = {"bias": -4.0, "threshold": 0.5, "weights": {"tp=quote": 8.0, "q_neg": -9.0}}
    monkeypatch.setattr(pairs, "load_model", lambda *a, **k: negative)
    denied = QUOTE.replace("has earned", "has not earned")
    got = Extractor(registry=REGISTRY,
                    extra_names=EXTRA + [("Dax Henley", "Person")]).extract(denied)
    assert ("Dax Henley", "endorses", "Alan Quill") not in {
        (r.subject, r.predicate, r.object) for r in got.relations}
