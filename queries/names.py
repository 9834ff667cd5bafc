"""Names the graph knows, for the extractor's gazetteer."""

from __future__ import annotations

from nascar_kg.queries.texts import ontology_name, run


def known_names(store) -> list[tuple[str, str]]:
    """(name, type) of every entity in the store."""
    out = []
    for row in run(store, "known_names"):
        type_ = ontology_name(row["type"])
        if type_:
            out.append((row["name"], type_))
    return sorted(set(out))


def results_names(store) -> list[tuple[str, str]]:
    """(name, type) of the entities race results brought: drivers, teams, makes, tracks.

    The gazetteer of ``ingest`` and ``extract``. Names that articles brought are
    left out, so reading an article never depends on which articles were read
    before it: ingesting again, or after an ingest was cut off, gives the same graph.
    """
    out = []
    for row in run(store, "results_names"):
        type_ = ontology_name(row["type"])
        if type_:
            out.append((row["name"], type_))
    return sorted(set(out))
