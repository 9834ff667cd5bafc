"""Race results into the graph: drivers, teams, makes, tracks, races and season statistics.

Input is the nascaR.data layout (one row per car per race; see
:mod:`nascar_kg.loaders.results_read`). One pass over the rows of all files
aggregates, per series and season:

* ``drove_for`` driver → team, with a season record (starts, wins, top 5, top 10,
  best and average finish, laps led, car numbers) and one piece of evidence per
  season, a sentence such as "Corey Heim: 25 starts, 12 wins for TRICON Garage in
  the 2025 NASCAR Craftsman Truck Series" pointing to the results file;
* ``affiliated_with`` team → manufacturer, with the same statistics for the cars
  of that make the team entered that season;
* races (series, season, race number, name, track, winner) and tracks (length
  and surface).

Names are resolved by :mod:`nascar_kg.loaders.results_resolve`.

Rows: a row without a driver or a season (the placeholder row for 2026 at the end
of each file, whose other fields are all empty) cannot be attributed to anything
and is *skipped*. Every other row is loaded and counts for what it can: a row
without a team still counts for its race (and its winner) but for no team; a row
without a make (empty or "-") counts for its driver and team but for no
manufacturer; a row with a non-numeric finish is a start but enters no finish
statistics; a row without a race number counts for its season but makes no race.
Each file's counts are reported in one summary line.

A file that cannot be read (not CSV/Parquet, truncated, missing columns) stops
the load before anything is written: the whole load is one decision about names.
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field

from nascar_kg.errors import ResultsError, StoreError
from nascar_kg.graph.model import (
    Document, Entity, EntityRef, Evidence, GraphBatch, Race, Relation, SeasonStats,
)
from nascar_kg.loaders.results_read import (
    SERIES_CODES, ResultsFile, read_results, series_from_name,
)
from nascar_kg.loaders.results_resolve import Resolver, aliases_for
from nascar_kg.ontology.registry import Registry, load_registry

EXTRACTOR_NAME = "nascar-kg results"
EXTRACTOR_VERSION = "1"

DEFAULT_SERIES_NAMES = {"cup": "NASCAR Cup Series", "nxs": "NASCAR Xfinity Series",
                        "truck": "NASCAR Craftsman Truck Series"}
MISSING_MAKES = {"", "-", "--", "n/a", "na", "unknown"}

# indexes into a season accumulator (a list, for speed)
_STARTS, _WINS, _TOP5, _TOP10, _BEST, _FSUM, _FN, _LED, _CARS = range(9)


def series_name(code: str, registry: Registry | None = None) -> str:
    """Canonical name of the series of a results code, from the registry's ``results_code``.

    >>> series_name("truck")
    'NASCAR Craftsman Truck Series'
    """
    registry = registry or load_registry()
    for entity in registry.entities:
        if entity.type == "Series" and entity.properties.get("results_code") == code:
            return entity.name
    return DEFAULT_SERIES_NAMES[code]


# ---------------------------------------------------------------------- reports
@dataclass
class FileReport:
    """What one file held and what became of its rows."""

    source: str
    series: str
    rows: int = 0
    loaded: int = 0
    skipped: Counter = field(default_factory=Counter)
    """Rows that could not be attributed, by reason."""
    gaps: Counter = field(default_factory=Counter)
    """Loaded rows with a field missing, by field."""
    first_season: int | None = None
    last_season: int | None = None
    races: int = 0

    def summary(self) -> str:
        """One line: rows read, loaded, skipped (why), and loaded rows with gaps.

        >>> r = FileReport("cup_series.csv.gz", "NASCAR Cup Series", 100139, 100138,
        ...                Counter({"placeholder row": 1}), Counter({"no team": 2799}), 1949, 2025)
        >>> r.summary()
        'cup_series.csv.gz: NASCAR Cup Series 1949–2025, 100,139 rows: 100,138 loaded, 1 skipped (1 placeholder row); loaded with gaps: 2,799 no team.'
        """
        span = ""
        if self.first_season is not None:
            span = f" {self.first_season}–{self.last_season}" if self.first_season != self.last_season \
                else f" {self.first_season}"
        skipped = sum(self.skipped.values())
        line = (f"{self.source}: {self.series}{span}, {self.rows:,} rows: {self.loaded:,} loaded, "
                f"{skipped:,} skipped")
        if skipped:
            line += " (" + ", ".join(f"{n:,} {why}" for why, n in self.skipped.most_common()) + ")"
        gaps = [(why, n) for why, n in self.gaps.most_common() if n]
        if gaps:
            line += "; loaded with gaps: " + ", ".join(f"{n:,} {why}" for why, n in gaps)
        return line + "."

    def to_json(self) -> dict:
        return {"source": self.source, "series": self.series, "rows": self.rows,
                "loaded": self.loaded, "skipped": dict(self.skipped), "gaps": dict(self.gaps),
                "first_season": self.first_season, "last_season": self.last_season,
                "races": self.races}


@dataclass
class LoadReport:
    """What a load read and wrote."""

    files: list[FileReport] = field(default_factory=list)
    entities: Counter = field(default_factory=Counter)
    relations: Counter = field(default_factory=Counter)
    season_records: int = 0
    races: int = 0
    triples_before: int | None = None
    triples_after: int | None = None

    @property
    def rows(self) -> int:
        return sum(f.rows for f in self.files)

    @property
    def loaded(self) -> int:
        return sum(f.loaded for f in self.files)

    @property
    def skipped(self) -> int:
        return sum(sum(f.skipped.values()) for f in self.files)

    def summary(self) -> str:
        ents = ", ".join(f"{n:,} {t}" for t, n in self.entities.items())
        rels = ", ".join(f"{n:,} {p}" for p, n in self.relations.items())
        return (f"Loaded {self.loaded:,} of {self.rows:,} rows from {len(self.files)} file(s) "
                f"({self.skipped:,} skipped): {ents}; {rels} ({self.season_records:,} season "
                f"records); {self.races:,} races.")

    def to_json(self) -> dict:
        return {"rows": self.rows, "loaded": self.loaded, "skipped": self.skipped,
                "files": [f.to_json() for f in self.files], "entities": dict(self.entities),
                "relations": dict(self.relations), "season_records": self.season_records,
                "races": self.races}


# ---------------------------------------------------------------------- aggregation
@dataclass
class ResultsGraph:
    """The aggregated results of one load, ready to be written."""

    documents: list[Document]
    entities: list[Entity]
    relations: list[Relation]
    races: list[Race]
    reports: list[FileReport]

    def to_batch(self) -> GraphBatch:
        return GraphBatch(list(self.entities), list(self.documents), list(self.relations),
                          list(self.races))


class _FileData:
    """Aggregates of one file, keyed by spellings as they appear."""

    def __init__(self, rf: ResultsFile, series: str):
        self.file = rf
        self.series = series
        self.drove: dict[tuple, list] = {}     # (driver, team, season) -> accumulator
        self.fielded: dict[tuple, list] = {}   # (team, make, season) -> accumulator
        self.races: dict[tuple, list] = {}     # (season, number) -> [name, track, surface, winner]
        self.tracks: dict[tuple, tuple] = {}   # (track, surface) -> (season, race, length)
        self.report = FileReport(rf.source, series, rf.rows)


_AGGREGATES = [("Season", "count"), ("won", "sum"), ("top5", "sum"), ("top10", "sum"),
               ("Finish", "min"), ("Finish", "sum"), ("Finish", "count"), ("Led", "sum"),
               ("Car", "distinct")]


def _accumulators(table, keys: list[str]) -> dict[tuple, list]:
    """Season accumulators of ``table`` grouped by ``keys`` (in C++, by pyarrow)."""
    grouped = table.group_by(keys, use_threads=False).aggregate(_AGGREGATES)
    columns = [grouped.column(k).to_pylist() for k in keys]
    values = [grouped.column(f"{c}_{a}").to_pylist() for c, a in _AGGREGATES]
    out = {}
    for key, starts, wins, top5, top10, best, fsum, fn, led, cars in zip(zip(*columns),
                                                                           *values):
        out[key] = [starts, wins, top5, top10, best, fsum or 0, fn, led or 0,
                    {c for c in cars if c}]
    return out


def _missing_make(makes):
    import pyarrow as pa
    import pyarrow.compute as pc

    return pc.is_in(pc.utf8_lower(makes), value_set=pa.array(sorted(MISSING_MAKES)))


def _aggregate_file(rf: ResultsFile, series: str, spellings: dict[str, Counter],
                    latest: dict[str, dict[str, int]]) -> _FileData:
    """Aggregate the rows of a file: season statistics, races, tracks, spellings."""
    import pyarrow as pa
    import pyarrow.compute as pc

    data = _FileData(rf, series)
    report = data.report
    table = rf.table
    no_driver = pc.equal(table["Driver"], "")
    no_season = pc.is_null(table["Season"])
    skip = pc.or_(no_driver, no_season)
    if pc.any(skip).as_py():
        placeholder = pc.and_(pc.and_(no_driver, pc.equal(table["Team"], "")),
                              pc.and_(pc.and_(pc.equal(table["Make"], ""),
                                              pc.equal(table["Track"], "")),
                                      pc.is_null(table["Finish"])))
        n_placeholder = pc.sum(placeholder).as_py() or 0
        n_no_season = pc.sum(pc.and_(no_season, pc.invert(placeholder))).as_py() or 0
        n_no_driver = pc.sum(skip).as_py() - n_placeholder - n_no_season
        for why, n in (("placeholder row", n_placeholder), ("no season", n_no_season),
                       ("no driver", n_no_driver)):
            if n:
                report.skipped[why] = n
        table = table.filter(pc.invert(skip))
    report.loaded = table.num_rows
    if not table.num_rows:
        return data
    report.first_season = pc.min(table["Season"]).as_py()
    report.last_season = pc.max(table["Season"]).as_py()

    finish = table["Finish"]
    won = pc.if_else(pc.is_null(table["Win"]), pc.equal(finish, 1),
                     pc.greater_equal(table["Win"], 0.5)).fill_null(False)
    table = table.append_column("won", won.cast(pa.int64()))
    table = table.append_column("top5", pc.less_equal(finish, 5).fill_null(False).cast(pa.int64()))
    table = table.append_column("top10",
                                pc.less_equal(finish, 10).fill_null(False).cast(pa.int64()))
    has_team = pc.not_equal(table["Team"], "")
    gaps = report.gaps
    for why, n in (("no team", pc.sum(pc.invert(has_team)).as_py()),
                   ("no make", pc.sum(_missing_make(table["Make"])).as_py()),
                   ("non-numeric finish", finish.null_count),
                   ("no race number", table["Race"].null_count)):
        if n:
            gaps[why] = n

    with_team = table.filter(has_team)
    with_make = with_team.filter(pc.invert(_missing_make(with_team["Make"])))
    data.drove = _accumulators(with_team, ["Driver", "Team", "Season"])
    data.fielded = _accumulators(with_make, ["Team", "Make", "Season"])

    for type_, frame, column in (("Driver", table, "Driver"), ("Team", with_team, "Team"),
                                 ("Manufacturer", with_make, "Make")):
        counted = frame.group_by(column).aggregate([("Season", "count"), ("Season", "max")])
        count, newest = spellings[type_], latest[type_]
        for name, n, season in zip(counted[column].to_pylist(),
                                   counted["Season_count"].to_pylist(),
                                   counted["Season_max"].to_pylist()):
            count[name] += n
            if newest.get(name, 0) < season:
                newest[name] = season

    numbered = table.filter(pc.is_valid(table["Race"]))
    races = numbered.group_by(["Season", "Race"], use_threads=False).aggregate(
        [("Name", "first"), ("Track", "first"), ("Surface", "first"), ("Length", "first")])
    winners = numbered.filter(pc.equal(numbered["won"], 1)).group_by(
        ["Season", "Race"], use_threads=False).aggregate([("Driver", "first")])
    winner_of = dict(zip(zip(winners["Season"].to_pylist(), winners["Race"].to_pylist()),
                         winners["Driver_first"].to_pylist()))
    track_count, track_latest = spellings["Track"], latest["Track"]
    for season, number, name, track, surface, length in zip(
            *(races[c].to_pylist() for c in ("Season", "Race", "Name_first", "Track_first",
                                              "Surface_first", "Length_first"))):
        data.races[(season, number)] = [name, track, surface, winner_of.get((season, number))]
        if track:
            track_count[track] += 1
            if track_latest.get(track, 0) < season:
                track_latest[track] = season
            seen = data.tracks.get((track, surface))
            if seen is None or seen[:2] < (season, number):
                data.tracks[(track, surface)] = (season, number, length)
    report.races = len(data.races)
    return data


def _merge_acc(into: list, acc: list) -> None:
    for i in (_STARTS, _WINS, _TOP5, _TOP10, _FSUM, _FN, _LED):
        into[i] += acc[i]
    if acc[_BEST] is not None and (into[_BEST] is None or acc[_BEST] < into[_BEST]):
        into[_BEST] = acc[_BEST]
    into[_CARS] |= acc[_CARS]


def _car_sort_key(number: str):
    return (0, int(number), number) if number.isdigit() else (1, 0, number)


def _car_numbers(cars: set) -> tuple[str, ...]:
    if len(cars) < 2:
        return tuple(cars)
    return tuple(sorted(cars, key=_car_sort_key))


def _stats(series: str, season: int, acc: list) -> SeasonStats:
    average = round(acc[_FSUM] / acc[_FN], 2) if acc[_FN] else None
    return SeasonStats(series, season, acc[_STARTS], acc[_WINS], acc[_TOP5], acc[_TOP10],
                       acc[_BEST], average, acc[_LED], _car_numbers(acc[_CARS]))


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def drove_for_text(driver: str, team: str, st: SeasonStats) -> str:
    """The evidence sentence of a driver's season for a team.

    >>> drove_for_text("Corey Heim", "TRICON Garage",
    ...                SeasonStats("NASCAR Craftsman Truck Series", 2025, 25, 12))
    'Corey Heim: 25 starts, 12 wins for TRICON Garage in the 2025 NASCAR Craftsman Truck Series'
    """
    return (f"{driver}: {_plural(st.starts, 'start')}, {_plural(st.wins, 'win')} for {team} "
            f"in the {st.season} {st.series}")


def fielded_text(team: str, make: str, st: SeasonStats) -> str:
    """The evidence sentence of a team's season with a make.

    >>> fielded_text("23XI Racing", "Toyota", SeasonStats("NASCAR Cup Series", 2025, 108, 4))
    '23XI Racing fielded Toyota: 108 starts, 4 wins in the 2025 NASCAR Cup Series'
    """
    return (f"{team} fielded {make}: {_plural(st.starts, 'start')}, {_plural(st.wins, 'win')} "
            f"in the {st.season} {st.series}")


def build_graph(files: list[ResultsFile], registry: Registry | None = None,
                existing: Iterable[tuple[str, str, str]] = ()) -> ResultsGraph:
    """Aggregate the rows of ``files`` into entities, relations and races.

    ``existing`` lists (iri kind, name, folded key) of entities already in the
    store, so spelling variants join them (rule 3 of the resolution).
    """
    registry = registry or load_registry()
    resolver = Resolver(registry, existing)
    spellings = {t: Counter() for t in ("Driver", "Team", "Manufacturer", "Track")}
    latest = {t: {} for t in ("Driver", "Team", "Manufacturer", "Track")}
    datas = []
    for rf in files:
        datas.append(_aggregate_file(rf, series_name(rf.series_code, registry), spellings, latest))

    names = {t: resolver.canonical(t, spellings[t], latest[t])
             for t in ("Driver", "Team", "Manufacturer")}
    # tracks: the registry first (by name, or by results name and surface), then variants
    plain_tracks = Counter({raw: n for raw, n in spellings["Track"].items()
                            if resolver.registry_entity(raw, "Track") is None})
    plain_track_names = resolver.canonical("Track", plain_tracks, latest["Track"])
    drivers, teams, makes = names["Driver"], names["Team"], names["Manufacturer"]

    documents = []
    drove: dict[tuple, list] = {}      # (driver, team, series, season) canonical
    fielded: dict[tuple, list] = {}
    races: dict[tuple, Race] = {}
    track_info: dict[str, tuple] = {}  # canonical track -> (season, race, length, surface)
    track_spellings: dict[str, set] = {}
    track_registry: dict[str, object] = {}
    for data in datas:
        rf, series = data.file, data.series
        report = data.report
        title = f"{series} race results"
        if report.first_season is not None:
            title += (f", {report.first_season}–{report.last_season}"
                      if report.first_season != report.last_season else f", {report.first_season}")
        document = Document(rf.sha256, rf.source, kind="results", title=title, url=rf.url)
        documents.append(document)
        for (driver, team, season), acc in data.drove.items():
            key = (drivers[driver], teams[team], series, season)
            known = drove.get(key)
            if known is None:
                drove[key] = [acc, document]
            else:
                _merge_acc(known[0], acc)
        for (team, make, season), acc in data.fielded.items():
            key = (teams[team], makes[make], series, season)
            known = fielded.get(key)
            if known is None:
                fielded[key] = [acc, document]
            else:
                _merge_acc(known[0], acc)
        track_names = {}
        for (raw, surface), (season, number, length) in data.tracks.items():
            entity = resolver.results_track(raw, surface) or resolver.registry_entity(raw, "Track")
            canonical = entity.name if entity is not None else plain_track_names[raw]
            track_names[(raw, surface)] = canonical
            if entity is not None:
                track_registry[canonical] = entity
            track_spellings.setdefault(canonical, set()).add(raw)
            if canonical not in track_info or track_info[canonical][:2] < (season, number):
                track_info[canonical] = (season, number, length, surface)
        for (season, number), (name, track, surface, winner) in data.races.items():
            track_ref = EntityRef(track_names[(track, surface)], "Track") if track else None
            winner_ref = EntityRef(drivers[winner], "Driver") if winner else None
            race_name = name or f"{series} {season} race {number}"
            races[(series, season, number)] = Race(series, season, number, race_name, track_ref,
                                                   winner_ref)

    entities: list[Entity] = []
    for type_, mapping in (("Driver", drivers), ("Team", teams), ("Manufacturer", makes)):
        variants: dict[str, set] = {}
        for spelling, canonical in mapping.items():
            variants.setdefault(canonical, set()).add(spelling)
        for canonical, seen in variants.items():
            entity = resolver.registry_entity(canonical, type_)
            if entity is not None and entity.name != canonical:
                entity = None
            entities.append(Entity(canonical, type_, aliases_for(canonical, seen, entity),
                                   entity.wikidata if entity else None))
    for canonical, (_, _, length, surface) in track_info.items():
        entity = track_registry.get(canonical)
        props = {}
        if entity is not None:
            props = {k: entity.properties[k] for k in ("length", "surface")
                     if entity.properties.get(k) not in (None, "")}
        else:
            if length is not None:
                props["length"] = length
            if surface:
                props["surface"] = surface
        entities.append(Entity(canonical, "Track",
                               aliases_for(canonical, track_spellings[canonical], entity),
                               entity.wikidata if entity else None, props))
    for series in dict.fromkeys(d.series for d in datas):
        entity = resolver.registry_entity(series, "Series")
        entities.append(Entity(series, "Series", tuple(entity.aliases) if entity else (),
                               entity.wikidata if entity else None))

    relations: list[Relation] = []
    by_pair: dict[tuple, Relation] = {}
    for (driver, team, series, season), (acc, document) in sorted(drove.items()):
        st = _stats(series, season, acc)
        rel = by_pair.get((driver, team))
        if rel is None:
            rel = by_pair[(driver, team)] = Relation(
                EntityRef(driver, "Driver"), "drove_for", EntityRef(team, "Team"))
            relations.append(rel)
        rel.seasons.append(st)
        rel.evidence.append(Evidence(document, drove_for_text(driver, team, st), None, None,
                                     1.0, EXTRACTOR_NAME, EXTRACTOR_VERSION))
    by_pair = {}
    for (team, make, series, season), (acc, document) in sorted(fielded.items()):
        st = _stats(series, season, acc)
        rel = by_pair.get((team, make))
        if rel is None:
            rel = by_pair[(team, make)] = Relation(
                EntityRef(team, "Team"), "affiliated_with", EntityRef(make, "Manufacturer"))
            relations.append(rel)
        rel.seasons.append(st)
        rel.evidence.append(Evidence(document, fielded_text(team, make, st), None, None,
                                     1.0, EXTRACTOR_NAME, EXTRACTOR_VERSION))
    return ResultsGraph(documents, entities, relations, list(races.values()),
                        [d.report for d in datas])


# ---------------------------------------------------------------------- loading
def read_sources(sources: Iterable, series: str | None = None,
                 on_error: Callable[[str], None] | None = None) -> list[ResultsFile]:
    """Read every source: a path, or (path, source, url, series code) for a download.

    ``series`` is the code of the files given as paths; a download keeps its own.
    Every source is read even when one fails, so that all bad files are known at
    once. One failure is raised as it is; several go to ``on_error(message)`` one
    by one, and a :class:`ResultsError` counting them is raised.
    """
    files, errors = [], []
    items = list(sources)
    for item in items:
        try:
            if isinstance(item, tuple):
                path, source, url, code = item
                files.append(read_results(path, series=code or series_from_name(source),
                                          source=source, url=url))
            else:
                files.append(read_results(item, series=series))
        except ResultsError as exc:
            errors.append(exc)
    if len(errors) == 1:
        raise errors[0]
    if errors:
        for exc in errors:
            if on_error:
                on_error(str(exc))
        raise ResultsError(f"{len(errors)} of {len(items)} results files could not be read; "
                           "nothing was loaded" + ("" if on_error else f" ({errors[0]})"))
    return files


def load_results(store, sources: Iterable, series: str | None = None,
                 registry: Registry | None = None, progress: bool = False,
                 on_file: Callable[[FileReport], None] | None = None,
                 on_error: Callable[[str], None] | None = None) -> LoadReport:
    """Read the results files ``sources`` and write what they say into ``store``.

    Every file is read and checked before anything is written; files that
    cannot be read are reported through ``on_error(message)`` (see
    :func:`read_sources`) and raise :class:`~nascar_kg.errors.ResultsError`,
    with nothing written. Loading the same files again changes nothing.
    """
    if series is not None and series not in SERIES_CODES:
        raise ResultsError(f"unknown series {series!r}; use cup, nxs or truck")
    sources = list(sources)
    if not sources:
        raise ResultsError("no results files given")
    if getattr(store, "read_only", False):
        raise StoreError(f"{store.describe()}: opened read-only")
    files = read_sources(_progress(sources, progress, "read", "file"), series, on_error)
    registry = registry or load_registry()
    fast = _oxigraph(store)
    with _no_gc():  # tens of thousands of small objects, none of them cyclic garbage
        existing = ()
        if fast is not None:
            from nascar_kg.loaders.results_rdf import existing_names, is_empty

            if not is_empty(fast):
                existing = existing_names(fast)
        graph = build_graph(files, registry, existing)
        if fast is not None:
            from nascar_kg.loaders.results_rdf import write_results

            write_results(store, graph, progress=progress)
        else:
            store.write(graph.to_batch())
    report = LoadReport(files=graph.reports)
    for entity in graph.entities:
        report.entities[entity.type] += 1
    for rel in graph.relations:
        report.relations[rel.predicate] += 1
        report.season_records += len(rel.seasons)
    report.races = len(graph.races)
    if on_file:
        for file_report in graph.reports:
            on_file(file_report)
    return report


@contextmanager
def _no_gc():
    """Pause the cyclic garbage collector (it would scan the growing heap again and again)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _oxigraph(store):
    """The pyoxigraph store behind ``store`` if it is the embedded RDF store, else None."""
    from nascar_kg.graph.rdf_store import RDFStore

    return store.ox_store if isinstance(store, RDFStore) else None


def _progress(items: list, enabled: bool, desc: str, unit: str):
    if not enabled or len(items) < 2:
        return items
    from tqdm import tqdm

    return tqdm(items, desc=desc, unit=unit, leave=False)
