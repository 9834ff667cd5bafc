"""Commands of the race results: load-results, career, roster."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from nascar_kg.cli.common import opened_store
from nascar_kg.cli.options import output_options, resolve_format, store_options
from nascar_kg.cli.output import emit, message

SERIES_CODES = ("cup", "nxs", "truck")


def _progress(flag):
    return sys.stderr.isatty() if flag is None else flag


def _sources(sources, base_url, cache_dir, refresh, progress) -> list:
    """Paths as given, and downloads (cached) for the series codes cup, nxs, truck."""
    from nascar_kg.loaders.download import fetch_results

    out = []
    for source in sources:
        code = source.lower()
        if code in SERIES_CODES and not Path(source).exists():
            got = fetch_results(code, base=base_url, cache_dir=cache_dir, refresh=refresh,
                                progress=progress, on_message=message)
            if got.cached:
                message(f"Using the cached {got.path.name} ({got.size:,} bytes; --refresh to "
                        "download it again).")
            out.append((str(got.path), got.url, got.url, code))
        else:
            out.append(source)
    return out


@click.command("load-results")
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
@click.option("--series", type=click.Choice(SERIES_CODES), default=None,
              help="Series of the files given [default: told by each file's name, "
                   "cup_series, nxs_series or truck_series].")
@click.option("--base-url", default=None, metavar="URL",
              help="Where cup, nxs and truck are downloaded from "
                   "[env NASCAR_KG_RESULTS_URL; default https://nascar.kylegrealis.com].")
@click.option("--cache-dir", type=click.Path(file_okay=False), default=None,
              help="Download cache [default $XDG_CACHE_HOME/nascar-kg/results, "
                   "or ~/.cache/nascar-kg/results].")
@click.option("--refresh", is_flag=True, help="Download again even when cached.")
@click.option("--progress/--no-progress", default=None,
              help="Show progress bars on stderr [default: on a terminal].")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default=None,
              help="Also print the per-file report on stdout in this format.")
@store_options
def load_results(sources, series, base_url, cache_dir, refresh, progress, fmt):
    """Load race results in the nascaR.data layout into the store.

    SOURCE is a CSV, CSV.gz or Parquet file (one row per car per race; the
    series is told by the file name), or cup, nxs or truck to download the
    published Parquet file of that series (cached). Rows without a driver or
    season (the empty 2026 placeholder) are skipped; rows missing a team, a make
    or a finish count for what they can. One summary line per file goes to
    stderr. A file that cannot be read stops the load before anything is
    written (exit status 2); every such file is named. Loading the same files
    again changes nothing.
    """
    from nascar_kg.loaders.results import load_results as load

    show = _progress(progress)
    items = _sources(sources, base_url, cache_dir, refresh, show)
    with opened_store() as store:
        report = load(store, items, series=series, progress=show,
                      on_file=lambda r: message(r.summary()),
                      on_error=lambda m: message(f"Error: {m}"))
    message(report.summary())
    if fmt:
        rows = [{"source": f.source, "series": f.series, "rows": f.rows, "loaded": f.loaded,
                 "skipped": sum(f.skipped.values()), "no_team": f.gaps.get("no team", 0),
                 "no_make": f.gaps.get("no make", 0),
                 "non_numeric_finish": f.gaps.get("non-numeric finish", 0),
                 "races": f.races} for f in report.files]
        emit(report.to_json(), fmt, rows)


def _stat_cells(record: dict) -> dict:
    return {"starts": record["starts"], "wins": record["wins"], "top5": record["top5"],
            "top10": record["top10"], "best": record["best_finish"],
            "avg": record["average_finish"], "led": record["laps_led"],
            "cars": " ".join(record["car_numbers"])}


@click.command()
@click.argument("name")
@output_options
@store_options
def career(name, fmt):
    """A driver's teams by series and season, with starts, wins and finishes."""
    from nascar_kg.queries import career as query

    with opened_store(read_only=True) as store:
        data = query(store, name)
    rows = [{"season": s["season"], "series": s["series"], "team": s["team"], **_stat_cells(s)}
            for s in data["seasons"]]
    entity = data["entity"]
    totals = data["totals"]
    title = f"Career of {entity['name']} ({entity['type']})"
    if totals["seasons"]:
        title += (f": {totals['starts']:,} starts, {totals['wins']:,} wins in "
                  f"{totals['seasons']} season(s)")
    emit(data, resolve_format(fmt), rows, title=title + ":")


@click.command()
@click.argument("team")
@click.option("--season", type=int, default=None, help="Only this season.")
@click.option("--series", default=None, metavar="S",
              help="Only this series: cup, nxs, truck or a series name.")
@output_options
@store_options
def roster(team, season, series, fmt):
    """Who drove for TEAM, by season and series, with starts, wins and finishes."""
    from nascar_kg.queries import roster as query

    with opened_store(read_only=True) as store:
        data = query(store, team, season=season, series=series)
    rows = [{"season": d["season"], "series": d["series"], "driver": d["name"],
             **_stat_cells(d)} for d in data["drivers"]]
    where = "".join([f" in {season}" if season is not None else "",
                     f" in the {data['series']}" if data.get("series") else ""])
    emit(data, resolve_format(fmt), rows,
         title=f"Drivers of {data['team']['name']} ({data['team']['type']}){where}:")


COMMANDS = [load_results, career, roster]
