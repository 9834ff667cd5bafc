"""Who endorses an entity, with the quotes that say so."""

from __future__ import annotations

from nascar_kg.queries.resolve import resolve_entity
from nascar_kg.queries.texts import ontology_name, run


def who_endorses(store, name: str) -> dict:
    """Endorsers of the entity known by ``name``, strongest first, each with evidence.

    Returns the shape of ``who-endorses --format json`` in the command-line contract.
    """
    iri, target = resolve_entity(store, name)
    endorsers: dict[str, dict] = {}
    for row in run(store, "endorsers", target=iri):
        type_ = ontology_name(row["type"])
        if type_ is None:
            continue
        entry = endorsers.setdefault(row["s"], {
            "name": row["name"], "type": type_, "confidence": 0.0, "evidence": []})
        entry["confidence"] = max(entry["confidence"], float(row["conf"]))
        evidence = {"document": row["source"], "text": row["text"]}
        if row.get("title"):
            evidence["title"] = row["title"]
        if row.get("start") is not None:
            evidence["start"], evidence["end"] = int(row["start"]), int(row["end"])
        if not any(e["document"] == evidence["document"] and e["text"] == evidence["text"]
                   for e in entry["evidence"]):
            entry["evidence"].append(evidence)
    for entry in endorsers.values():
        entry["confidence"] = round(entry["confidence"], 3)
        entry["evidence"].sort(key=lambda e: (e["document"], e.get("start") or 0))
    ordered = sorted(endorsers.values(), key=lambda e: (-e["confidence"], e["name"]))
    return {"endorsed": {"name": target.name, "type": target.type}, "endorsers": ordered}
