"""Names the graph knows, for the extractor's gazetteer."""

from __future__ import annotations

from nascar_kg.queries.texts import ontology_name, run


def _typed_names(store, query: str) -> list[tuple[str, str]]:
    """Sorted, distinct (name, type) of a query's rows, types of the ontology only."""
    out = set()
    for row in run(store, query):
        type_ = ontology_name(row["type"])
        if type_:
            out.add((row["name"], type_))
    return sorted(out)


def known_names(store) -> list[tuple[str, str]]:
    """(name, type) of every entity in the store."""
    return _typed_names(store, "known_names")


def results_names(store) -> list[tuple[str, str]]:
    """(name, type) of the entities race results brought: drivers, teams, makes, tracks.

    The gazetteer of ``ingest`` and ``extract``. Names that articles brought are
    left out, so reading an article never depends on which articles were read
    before it: ingesting again, or after an ingest was cut off, gives the same graph.
    """
    return _typed_names(store, "results_names")
