"""The scorer on tiny hand-made gold/prediction pairs with known precision and recall."""

from __future__ import annotations

import json

import pytest

from nascar_kg.errors import InputError
from nascar_kg.loaders.evaluation import (
    GoldDocument, GoldEntity, GoldRelation, evaluate_extractions, load_gold, read_jsonl, score,
)
from nascar_kg.loaders.extraction import DocumentExtraction, ExtractedEntity, ExtractedRelation

GOLD = {
    "id": "tiny",
    "url": None,
    "date": None,
    "text": "Alan Quill drives for Brightwater Racing. Hank Dorsey is his crew chief.",
    "entities": [
        {"name": "Alan Quill", "type": "Driver", "aliases": ["Quill", "Quill’s"]},
        {"name": "Brightwater Racing", "type": "Team", "aliases": ["Brightwater"]},
        {"name": "Hank Dorsey", "type": "CrewChief", "aliases": ["Dorsey"]},
        {"name": "Marcus Trent", "type": "Driver", "aliases": ["Trent"]},
    ],
    "relations": [
        {"subject": "Alan Quill", "predicate": "drove_for", "object": "Brightwater Racing"},
        {"subject": "Hank Dorsey", "predicate": "crew_chief_for", "object": "Alan Quill"},
        {"subject": "Alan Quill", "predicate": "feuded_with", "object": "Marcus Trent"},
        {"subject": "Marcus Trent", "predicate": "endorses", "object": "Alan Quill",
         "optional": True},
    ],
}


def rel(s, p, o, st="Driver", ot="Team"):
    return {"subject": s, "subject_type": st, "predicate": p, "object": o, "object_type": ot,
            "evidence": "x", "start": 0, "end": 1, "confidence": 0.9}


def ent(name, type_):
    return {"name": name, "type": type_, "mentions": []}


@pytest.fixture()
def gold_dir(tmp_path):
    (tmp_path / "tiny.gold.json").write_text(json.dumps(GOLD), encoding="utf-8")
    return tmp_path


def test_load_gold(gold_dir):
    docs = load_gold(gold_dir)
    assert len(docs) == 1
    doc = docs[0]
    assert doc.id == "tiny"
    assert doc.entities[0] == GoldEntity("Alan Quill", "Driver", ("Quill", "Quill’s"))
    assert doc.relations[3].optional is True
    assert load_gold(gold_dir / "tiny.gold.json")[0].id == "tiny"


def test_load_gold_errors(tmp_path):
    with pytest.raises(InputError, match="no such"):
        load_gold(tmp_path / "nope")
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="bad.json"):
        load_gold(tmp_path)
    (tmp_path / "bad.json").write_text(json.dumps(
        {"id": "x", "relations": [{"subject": "a", "predicate": "likes", "object": "b"}]}),
        encoding="utf-8")
    with pytest.raises(InputError, match="unknown predicate"):
        load_gold(tmp_path)


def test_perfect_prediction(gold_dir):
    pred = {"document": "tiny.txt",
            "entities": [ent("Alan Quill", "Driver"), ent("Brightwater Racing", "Team"),
                         ent("Hank Dorsey", "CrewChief"), ent("Marcus Trent", "Driver")],
            "relations": [rel("Alan Quill", "drove_for", "Brightwater Racing"),
                          rel("Hank Dorsey", "crew_chief_for", "Alan Quill"),
                          # symmetric: the other direction matches
                          rel("Marcus Trent", "feuded_with", "Alan Quill")]}
    res = evaluate_extractions([pred], gold_dir)
    for key in ("entities", "relations_fine", "relations_coarse"):
        assert res[key]["f1"] == 1.0, key
    assert res["per_document"][0]["missed"] == []


def test_known_precision_and_recall(gold_dir):
    pred = {"document": "tiny",
            "entities": [ent("quill", "Driver"),              # alias, case-insensitive
                         ent("Brightwater", "Team"),          # alias
                         ent("Hank Dorsey", "Person"),        # wrong type
                         ent("Lakeview Speedway", "Track")],  # not in gold
            "relations": [
                rel("Quill", "drove_for", "Brightwater"),                 # TP
                rel("Dorsey", "affiliated_with", "Quill"),                # fine FP/FN, coarse TP
                rel("Trent", "endorses", "Quill"),                        # optional: ignored
                rel("Brightwater Racing", "drove_for", "Alan Quill"),     # wrong direction: FP
            ]}
    res = score(load_gold(gold_dir), [pred])
    # entities (typed): TP quill, brightwater; FP dorsey(wrong type), lakeview; FN dorsey, trent
    assert res["entities"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "tp": 2, "fp": 2,
                               "fn": 2}
    # untyped: TP 3 of 4 predicted, 3 of 4 gold
    assert res["entities_untyped"]["precision"] == 0.75
    assert res["entities_untyped"]["recall"] == 0.75
    assert res["entities_type_accuracy"] == round(2 / 3, 4)
    # fine: TP drove_for; FP affiliated_with, reversed drove_for; FN crew_chief_for, feud
    fine = res["relations_fine"]
    assert (fine["tp"], fine["fp"], fine["fn"]) == (1, 2, 2)
    assert fine["precision"] == round(1 / 3, 4) and fine["recall"] == round(1 / 3, 4)
    # coarse: crew_chief_for counts as affiliated_with
    coarse = res["relations_coarse"]
    assert (coarse["tp"], coarse["fp"], coarse["fn"]) == (2, 1, 1)
    assert coarse["precision"] == round(2 / 3, 4) and coarse["recall"] == round(2 / 3, 4)
    per = res["per_predicate"]
    assert per["drove_for"]["tp"] == 1 and per["drove_for"]["fp"] == 1
    assert per["crew_chief_for"]["fn"] == 1 and per["crew_chief_for"]["recall"] == 0.0
    assert per["endorses"]["fp"] == 0
    doc = res["per_document"][0]
    assert {"subject": "Hank Dorsey", "predicate": "crew_chief_for",
            "object": "Alan Quill"} in doc["missed"]
    assert {"subject": "Brightwater Racing", "predicate": "drove_for",
            "object": "Alan Quill"} in doc["spurious"]


def test_duplicate_entities_count_once(gold_dir):
    pred = {"document": "tiny", "entities": [ent("Alan Quill", "Driver"), ent("Quill", "Driver")],
            "relations": []}
    res = score(load_gold(gold_dir), [pred])
    assert res["entities"]["tp"] == 1 and res["entities"]["fp"] == 1
    assert res["entities"]["fn"] == 3


def test_empty_prediction_and_empty_gold():
    gold = [GoldDocument("empty", "Nothing here.")]
    res = score(gold, [{"document": "empty", "entities": [], "relations": []}])
    assert res["relations_fine"]["f1"] == 1.0 and res["entities"]["f1"] == 1.0
    gold = [GoldDocument("one", "A.", [GoldEntity("A B", "Driver")],
                         [GoldRelation("A B", "drove_for", "C")])]
    res = score(gold, [{"document": "one", "entities": [], "relations": []}])
    assert res["relations_fine"] == {"precision": 1.0, "recall": 0.0, "f1": 0.0, "tp": 0,
                                     "fp": 0, "fn": 1}


def test_scores_extraction_objects_and_mappings(gold_dir):
    x = DocumentExtraction("whatever.txt", [ExtractedEntity("Alan Quill", "Driver")],
                           [ExtractedRelation("Alan Quill", "Driver", "drove_for",
                                              "Brightwater Racing", "Team", "e", 0, 1, 0.9)])
    gold = load_gold(gold_dir)
    by_position = score(gold, [x])
    by_id = score(gold, {"tiny": x})
    assert by_position["relations_fine"] == by_id["relations_fine"]
    assert by_id["relations_fine"]["tp"] == 1


def test_jsonl_round_trip(gold_dir, tmp_path):
    x = DocumentExtraction("tiny.txt", [ExtractedEntity("Alan Quill", "Driver")], [])
    path = tmp_path / "pred.jsonl"
    path.write_text(x.to_json_line() + "\n\n", encoding="utf-8")
    assert read_jsonl(path) == [x.to_json()]
    res = evaluate_extractions(path, gold_dir)
    assert res["entities"]["tp"] == 1
    (tmp_path / "broken.jsonl").write_text("{\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 1"):
        read_jsonl(tmp_path / "broken.jsonl")


def test_contract_keys(gold_dir):
    res = evaluate_extractions([{"document": "tiny", "entities": [], "relations": []}], gold_dir)
    for key in ("entities", "relations_fine", "relations_coarse"):
        assert set(res[key]) >= {"precision", "recall", "f1"}
    assert set(res["per_predicate"]) >= {"endorses", "feuded_with", "drove_for",
                                         "affiliated_with", "crew_chief_for", "owns", "sponsors"}
