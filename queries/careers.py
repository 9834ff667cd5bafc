"""Careers and rosters from race results: who drove for which team, by series and season.

Both read the season records that ``load-results`` attaches to ``drove_for``
relations (see the README). Names go through
:func:`~nascar_kg.queries.resolve.resolve_entity`; the queries take one bound
entity and the rest (sorting, the ``--season``/``--series`` filters of a roster)
happens here, so a query file has one parameter in every language.
"""

from __future__ import annotations

from nascar_kg.errors import UsageError
from nascar_kg.graph.model import IRI, entity_iri
from nascar_kg.ontology.registry import fold, load_registry
from nascar_kg.queries.resolve import resolve_entity
from nascar_kg.queries.texts import run

STAT_FIELDS = ("starts", "wins", "top5", "top10", "best_finish", "average_finish", "laps_led",
               "car_numbers")
"""The statistics of one season record, in the order of the JSON and the tables."""


def _car_key(number: str):
    return (0, int(number), number) if number.isdigit() else (1, 0, number)


def _stats(row: dict) -> dict:
    average = row.get("average_finish")
    cars = str(row.get("car_numbers") or "").split()
    return {
        "starts": int(row["starts"]), "wins": int(row["wins"]), "top5": int(row["top5"]),
        "top10": int(row["top10"]),
        "best_finish": int(row["best_finish"]) if row.get("best_finish") is not None else None,
        "average_finish": round(float(average), 2) if average is not None else None,
        "laps_led": int(row["laps_led"]),
        "car_numbers": sorted(set(cars), key=_car_key),
    }


def _totals(records: list[dict]) -> dict:
    seasons = sorted({r["season"] for r in records})
    return {"starts": sum(r["starts"] for r in records), "wins": sum(r["wins"] for r in records),
            "seasons": len(seasons), "first_season": seasons[0] if seasons else None,
            "last_season": seasons[-1] if seasons else None}


def career(store, name: str) -> dict:
    """The teams a driver drove for, by series and season, with statistics.

    Returns the shape of ``career --format json`` in the command-line contract:
    ``{"entity": {"name", "type"}, "seasons": [{"season", "series", "team", "starts",
    "wins", "top5", "top10", "best_finish", "average_finish", "laps_led",
    "car_numbers"}], "totals": {...}}``, seasons sorted by season, series, team.
    An entity without race results (a crew chief, an owner) has no seasons.
    """
    iri, ref = resolve_entity(store, name)
    seasons = []
    for row in run(store, "career", driver=iri):
        seasons.append({"season": int(row["season"]), "series": str(row["series_name"]),
                        "team": str(row["team_name"]), **_stats(row)})
    seasons.sort(key=lambda s: (s["season"], s["series"], s["team"]))
    return {"entity": {"name": ref.name, "type": ref.type}, "seasons": seasons,
            "totals": _totals(seasons)}


def roster(store, team: str, season: int | None = None, series: str | None = None) -> dict:
    """Who drove for ``team``, by season and series, optionally one season and/or series.

    Returns the shape of ``roster --format json`` in the command-line contract:
    ``{"team": {"name", "type"}, "drivers": [{"name", "season", "series", "starts",
    "wins", ...}]}``, sorted by season, series, then most starts first. ``series`` is a
    results code (``cup``, ``nxs``, ``truck``) or a name of a series in the graph.
    """
    iri, ref = resolve_entity(store, team)
    series_iri = series_name = None
    if series is not None:
        series_iri, series_name = resolve_series(store, series)
    drivers = []
    for row in run(store, "roster", team=iri):
        if season is not None and int(row["season"]) != season:
            continue
        if series_iri is not None and str(row["series"]) != series_iri:
            continue
        drivers.append({"name": str(row["driver_name"]), "season": int(row["season"]),
                        "series": str(row["series_name"]), **_stats(row)})
    drivers.sort(key=lambda d: (d["season"], d["series"], -d["starts"], d["name"]))
    return {"team": {"name": ref.name, "type": ref.type}, "season": season,
            "series": series_name, "drivers": drivers}


def resolve_series(store, name: str) -> tuple[IRI, str]:
    """IRI and canonical name of a series given by results code (``truck``) or by name."""
    code = fold(name)
    for entity in load_registry().entities:
        if entity.type == "Series" and entity.properties.get("results_code") == code:
            return entity_iri(entity.name, "Series"), entity.name
    iri, ref = resolve_entity(store, name)
    if ref.type != "Series":
        raise UsageError(f"{name!r} is a {ref.type}, not a series (use cup, nxs, truck or a "
                         "series name)")
    return iri, ref.name
