"""Scoring extraction against gold annotations (format: the gold README).

:func:`load_gold` reads gold files; :func:`score` compares them with extractions
(:class:`~nascar_kg.loaders.extraction.DocumentExtraction` objects or their JSON
records, as ``extract --format jsonl`` prints them); :func:`evaluate_extractions` does
both for external JSONL; :func:`evaluate_extractor` runs an extractor on the gold texts
and scores it.

Matching rules (as the gold README states them)
------------------------------------------------
* Names: an extracted name matches a gold entity when it equals the gold ``name`` or one
  of its ``aliases``, case-insensitively (and ignoring a possessive ending and curly
  versus straight apostrophes, and periods: "A.J. Quill" is "AJ Quill").
* Relations: ``(subject, predicate, object)`` with both ends matched as above.
  ``feuded_with`` (every symmetric predicate of the ontology) matches in either
  direction. A gold relation with ``optional: true`` is neither required nor penalised:
  predicting it is not a false positive, missing it is not a false negative.
* Fine level: the exact predicate. Coarse level: every predicate mapped through
  ``vocabulary().coarse`` (crew_chief_for, owns and sponsors count as affiliated_with).
  Where a pair has a required and an optional relation that map to the same coarse
  edge, the coarse edge is required.
* Entities: an extracted entity matches a gold entity by name as above. **The headline
  ``entities`` score requires the type too** (an entity found under the wrong type is a
  false positive and its gold entity a false negative): the graph stores typed nodes, so
  a wrong type is a wrong node. ``entities_untyped`` reports the name-only score, and
  ``entities_type_accuracy`` the share of name-matched entities whose type is right.
  Several extracted entities matching one gold entity count once; the extra ones are
  false positives (the graph would hold duplicate nodes).

Precision, recall and F1 are micro-averaged over all documents. With nothing predicted
precision is 1.0, with nothing to find recall is 1.0 (so a document with neither scores
1.0, and either side alone scores F1 0).
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping

from nascar_kg.errors import InputError
from nascar_kg.ontology import vocabulary


@dataclass(frozen=True)
class GoldEntity:
    name: str
    type: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class GoldRelation:
    subject: str
    predicate: str
    object: str
    evidence: str = ""
    optional: bool = False


@dataclass
class GoldDocument:
    id: str
    text: str
    entities: list[GoldEntity] = field(default_factory=list)
    relations: list[GoldRelation] = field(default_factory=list)
    url: str | None = None
    date: str | None = None
    path: str | None = None


def _key(name: str) -> str:
    name = " ".join(str(name).replace("’", "'").replace(".", " ").casefold().split())
    if name.endswith("'s"):
        name = name[:-2]
    return name.rstrip("'").strip()


def _gold_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.rglob("*.json") if not p.name.startswith("."))
    return [path]


def load_gold(dir_or_file: str | os.PathLike) -> list[GoldDocument]:
    """Gold documents of one ``.json`` file or of every ``*.json`` under a folder (sorted).

    Raises :class:`~nascar_kg.errors.InputError` naming the file for a missing path, bad
    JSON, an unknown predicate, a missing key or a value of the wrong kind.
    """
    path = Path(dir_or_file)
    if not path.exists():
        raise InputError(f"{dir_or_file}: no such gold file or folder")
    docs = []
    for file in _gold_files(path):
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
            reason = "nested too deeply" if isinstance(exc, RecursionError) else exc
            raise InputError(f"{file}: not a readable gold JSON file ({reason})") from None
        docs.append(gold_document(data, file))
    if path.is_dir() and not docs:
        raise InputError(f"{dir_or_file}: no gold .json file in the folder")
    return docs


def _is_text(value) -> bool:
    return isinstance(value, str)


def _list_of(record: dict, key: str, where: str, what: str = "objects") -> list:
    value = record.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise InputError(f"{where}: {key!r} must be a list of {what}")
    return value


def _texts(item: dict, keys: tuple[str, ...], where: str, *, required: bool = True) -> None:
    """Each of ``keys`` a string in ``item``; an optional one may be missing or null."""
    for key in keys:
        if key not in item or (item[key] is None and not required):
            if required:
                raise InputError(f"{where}: missing {key!r}")
            continue
        if not _is_text(item[key]):
            raise InputError(f"{where}: {key!r} must be a string, not {type(item[key]).__name__}")


def gold_document(data, file: str | os.PathLike) -> GoldDocument:
    """The gold document of the parsed JSON ``data`` of ``file``; checked (InputError)."""
    voc = vocabulary()
    if not isinstance(data, dict):
        raise InputError(f"{file}: not a gold file (a JSON object is expected, not "
                         f"{type(data).__name__})")
    _texts(data, ("text",), str(file), required=False)
    entities = []
    for i, e in enumerate(_list_of(data, "entities", str(file)), 1):
        where = f"{file}: entities[{i}]"
        if not isinstance(e, dict):
            raise InputError(f"{where}: an entity must be an object")
        _texts(e, ("name",), where)
        _texts(e, ("type",), where, required=False)
        aliases = _list_of(e, "aliases", where, "strings")
        if not all(_is_text(a) for a in aliases):
            raise InputError(f"{where}: 'aliases' must be a list of strings")
        entities.append(GoldEntity(e["name"], e.get("type") or "", tuple(aliases)))
    relations = []
    for i, r in enumerate(_list_of(data, "relations", str(file)), 1):
        where = f"{file}: relations[{i}]"
        if not isinstance(r, dict):
            raise InputError(f"{where}: a relation must be an object")
        _texts(r, ("subject", "predicate", "object"), where)
        _texts(r, ("evidence",), where, required=False)
        if r["predicate"] not in voc.predicates:
            raise InputError(f"{file}: unknown predicate {r['predicate']!r}")
        relations.append(GoldRelation(r["subject"], r["predicate"], r["object"],
                                      r.get("evidence") or "", bool(r.get("optional"))))
    return GoldDocument(
        id=str(data.get("id") or _doc_id(Path(file).name)), text=data.get("text") or "",
        entities=entities, relations=relations,
        url=data["url"] if _is_text(data.get("url")) else None,
        date=data["date"] if _is_text(data.get("date")) else None, path=str(file))


def check_record(record, where: str = "<record>") -> dict:
    """``record`` if it has the shape of an ``extract --format jsonl`` line, else InputError.

    An object whose ``entities`` and ``relations`` (both optional) are lists of
    objects with string names, types and predicates. An unknown predicate is a
    wrong prediction, not bad input: it is scored as a false positive.
    """
    if not isinstance(record, dict):
        raise InputError(f"{where}: a JSON object is expected, not {type(record).__name__}")
    _texts(record, ("document",), where, required=False)
    for i, e in enumerate(_list_of(record, "entities", where), 1):
        if not isinstance(e, dict):
            raise InputError(f"{where}: entities[{i}] must be an object")
        _texts(e, ("name", "type"), f"{where}: entities[{i}]", required=False)
    for i, r in enumerate(_list_of(record, "relations", where), 1):
        if not isinstance(r, dict):
            raise InputError(f"{where}: relations[{i}] must be an object")
        _texts(r, ("subject", "predicate", "object"), f"{where}: relations[{i}]",
               required=False)
    return record


def _doc_id(name: str) -> str:
    base = os.path.basename(str(name))
    for ending in (".gold.json", ".json", ".txt", ".md", ".markdown", ".html", ".htm"):
        if base.lower().endswith(ending):
            return base[: -len(ending)]
    return base


def _record(extraction) -> dict:
    if hasattr(extraction, "to_json"):
        return extraction.to_json()
    return dict(extraction) if isinstance(extraction, Mapping) else extraction


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "tp": tp, "fp": fp, "fn": fn}


class _Names:
    """Gold name index of one document."""

    def __init__(self, gold: GoldDocument):
        self.by_key: dict[str, int] = {}
        self.entities = gold.entities
        for i, e in enumerate(gold.entities):
            for n in (e.name, *e.aliases):
                self.by_key.setdefault(_key(n), i)

    def find(self, name: str) -> int | None:
        return self.by_key.get(_key(name))

    def node(self, name: str):
        i = self.find(name)
        return ("gold", i) if i is not None else ("name", _key(name))

    def label(self, node) -> str:
        return self.entities[node[1]].name if node[0] == "gold" else node[1]


def _edge(names: _Names, subject: str, predicate: str, obj: str, symmetric: bool):
    s, o = names.node(subject), names.node(obj)
    if symmetric:
        return (predicate, frozenset((s, o)))
    return (predicate, s, o)


def _edge_json(names: _Names, edge) -> dict:
    if isinstance(edge[1], frozenset):
        ends = sorted(edge[1], key=str)
        s = o = ends[0]
        if len(ends) > 1:
            o = ends[1]
        return {"subject": names.label(s), "predicate": edge[0], "object": names.label(o)}
    return {"subject": names.label(edge[1]), "predicate": edge[0], "object": names.label(edge[2])}


def _match_docs(gold_docs: list[GoldDocument], extractions) -> list[tuple[GoldDocument, dict]]:
    if isinstance(extractions, Mapping):
        records = {str(k): _record(v) for k, v in extractions.items()}
        return [(g, records.get(g.id, {"entities": [], "relations": []})) for g in gold_docs]
    records = [_record(x) for x in extractions]
    by_id: dict[str, dict] = {}
    for r in records:
        by_id.setdefault(_doc_id(str(r.get("document", ""))), r)
    if all(g.id in by_id for g in gold_docs):
        return [(g, by_id[g.id]) for g in gold_docs]
    if len(records) == len(gold_docs):
        return list(zip(gold_docs, records))
    return [(g, by_id.get(g.id, {"document": g.id, "entities": [], "relations": []}))
            for g in gold_docs]


def score(gold_docs: list[GoldDocument], extractions) -> dict:
    """Precision, recall and F1 of ``extractions`` against ``gold_docs`` (module doc).

    ``extractions`` is a list of :class:`DocumentExtraction` or JSON records, paired
    with the gold documents by document name (its base name without endings equal to
    the gold ``id``) or else by position, or a mapping from gold id to extraction.
    """
    voc = vocabulary()
    levels = {"fine": lambda p: p, "coarse": voc.coarse}
    symmetric = {p for p, d in voc.predicates.items() if d.symmetric}
    ent_counts = {"typed": Counter(), "untyped": Counter()}
    type_right = type_total = 0
    rel_counts = {lvl: Counter() for lvl in levels}
    per_pred = {p: Counter() for p in voc.predicates}
    per_doc = []
    for gold, rec in _match_docs(gold_docs, extractions):
        names = _Names(gold)
        # -- entities
        matched_typed: set[int] = set()
        matched_any: set[int] = set()
        fp_typed = fp_any = 0
        spurious_entities = []
        for e in (rec.get("entities") or []):
            i = names.find(e.get("name", ""))
            if i is None:
                fp_typed += 1
                fp_any += 1
                spurious_entities.append({"name": e.get("name"), "type": e.get("type")})
                continue
            if i in matched_any:
                fp_any += 1
            else:
                matched_any.add(i)
                type_total += 1
                type_right += gold.entities[i].type == e.get("type")
            if gold.entities[i].type == e.get("type") and i not in matched_typed:
                matched_typed.add(i)
            else:
                fp_typed += 1
                if gold.entities[i].type != e.get("type"):
                    spurious_entities.append({"name": e.get("name"), "type": e.get("type"),
                                              "gold_type": gold.entities[i].type})
        n_gold = len(gold.entities)
        ent_counts["typed"].update(tp=len(matched_typed), fp=fp_typed,
                                   fn=n_gold - len(matched_typed))
        ent_counts["untyped"].update(tp=len(matched_any), fp=fp_any,
                                     fn=n_gold - len(matched_any))
        missed_entities = [{"name": g.name, "type": g.type} for i, g in enumerate(gold.entities)
                           if i not in matched_typed]
        # -- relations
        doc_report = {"document": gold.id, "missed_entities": missed_entities,
                      "spurious_entities": spurious_entities}
        for lvl, mapping in levels.items():
            required, optional = set(), set()
            for r in gold.relations:
                pred = mapping(r.predicate)
                edge = _edge(names, r.subject, pred, r.object, r.predicate in symmetric)
                (optional if r.optional else required).add(edge)
            optional -= required
            predicted = set()
            for r in (rec.get("relations") or []):
                pred = r.get("predicate")
                if pred not in voc.predicates:
                    predicted.add((pred, names.node(r.get("subject", "")),
                                   names.node(r.get("object", ""))))
                    continue
                predicted.add(_edge(names, r.get("subject", ""), mapping(pred),
                                    r.get("object", ""), pred in symmetric))
            tp = predicted & required
            fp = predicted - required - optional
            fn = required - predicted
            rel_counts[lvl].update(tp=len(tp), fp=len(fp), fn=len(fn))
            if lvl == "fine":
                for p in voc.predicates:
                    per_pred[p].update(tp=sum(1 for e in tp if e[0] == p),
                                       fp=sum(1 for e in fp if e[0] == p),
                                       fn=sum(1 for e in fn if e[0] == p))
            doc_report[f"missed_{lvl}"] = sorted((_edge_json(names, e) for e in fn),
                                                 key=lambda d: tuple(d.values()))
            doc_report[f"spurious_{lvl}"] = sorted((_edge_json(names, e) for e in fp),
                                                   key=lambda d: tuple(d.values()))
        doc_report["missed"] = doc_report["missed_fine"]
        doc_report["spurious"] = doc_report["spurious_fine"]
        per_doc.append(doc_report)

    def prf(c: Counter) -> dict:
        return _prf(c["tp"], c["fp"], c["fn"])

    return {
        "documents": len(per_doc),
        "entities": prf(ent_counts["typed"]),
        "entities_untyped": prf(ent_counts["untyped"]),
        "entities_type_accuracy": round(type_right / type_total, 4) if type_total else 1.0,
        "relations_fine": prf(rel_counts["fine"]),
        "relations_coarse": prf(rel_counts["coarse"]),
        "per_predicate": {p: prf(c) for p, c in per_pred.items()},
        "per_document": per_doc,
    }


def read_jsonl(path_or_lines: str | os.PathLike | Iterable[str],
               source: str = "<jsonl>") -> list[dict]:
    """Extraction records of a JSONL file (or of an iterable of lines); blank lines skipped.

    Raises :class:`~nascar_kg.errors.InputError` naming the file (``source`` for
    lines) and the line for text that is not UTF-8, a line that is not JSON and a
    record not in the shape of ``extract --format jsonl`` (:func:`check_record`).
    """
    if isinstance(path_or_lines, (str, os.PathLike)):
        path = Path(path_or_lines)
        try:
            lines = path.read_text(encoding="utf-8").split("\n")  # JSONL: "\n" ends a line
        except UnicodeDecodeError as exc:
            raise InputError(f"{path_or_lines}: not UTF-8 text ({exc.reason} at byte "
                             f"{exc.start})") from None
        except OSError as exc:
            raise InputError(f"{path_or_lines}: cannot be read ({exc.strerror or exc})") from None
        where = str(path_or_lines)
    else:
        lines, where = list(path_or_lines), source
    out = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}: line {n} is not JSON ({exc.msg})") from None
        except RecursionError:
            raise InputError(f"{where}: line {n} is not JSON (nested too deeply)") from None
        out.append(check_record(record, f"{where}: line {n}"))
    return out


def evaluate_extractions(predictions_jsonl_records, gold_dir: str | os.PathLike) -> dict:
    """Score external extraction records (``extract --format jsonl`` output) against gold.

    ``predictions_jsonl_records`` is a list of dicts, or a path to a JSONL file.
    """
    if isinstance(predictions_jsonl_records, (str, os.PathLike)):
        predictions_jsonl_records = read_jsonl(predictions_jsonl_records)
    records = [check_record(_record(r), f"record {i}")
               for i, r in enumerate(predictions_jsonl_records, 1)]
    return score(load_gold(gold_dir), records)


def evaluate_extractor(extractor, gold: str | os.PathLike | list[GoldDocument]) -> dict:
    """Run ``extractor`` on the gold texts (one ``extract_many`` pass) and score it."""
    docs = gold if isinstance(gold, list) else load_gold(gold)
    extractions = list(extractor.extract_many([(d.text, d.id) for d in docs]))
    return score(docs, {d.id: x for d, x in zip(docs, extractions)})
