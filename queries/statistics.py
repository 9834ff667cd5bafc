"""Counts of the graph: entities by type, relations by predicate, documents."""

from __future__ import annotations

from nascar_kg.ontology import vocabulary
from nascar_kg.queries.texts import ontology_name, run


def stats(store) -> dict:
    """The shape of ``stats --format json`` in the command-line contract.

    Every entity type and predicate of the ontology is listed, with 0 where
    there are none; ``documents`` counts articles, ``sources`` every kind.
    """
    voc = vocabulary()
    entities = dict.fromkeys(voc.entity_types, 0)
    for row in run(store, "count_entities"):
        name = ontology_name(row["type"])
        if name in entities:
            entities[name] += int(row["n"])
    relations = dict.fromkeys(voc.predicate_names, 0)
    for row in run(store, "count_relations"):
        name = ontology_name(row["p"])
        if name in relations:
            relations[name] += int(row["n"])
    sources = {str(row["kind"]): int(row["n"]) for row in run(store, "count_documents")}
    races = sources.pop("race", 0)
    return {"entities": entities, "relations": relations,
            "documents": sources.get("article", 0), "sources": sources, "races": races}
