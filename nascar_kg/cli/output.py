"""The one output helper: data to stdout as a table, JSON or CSV; messages to stderr."""

from __future__ import annotations

import csv
import io
import json
import shutil
import textwrap

import click


def emit(data, fmt: str, rows: list[dict] | None = None, title: str | None = None) -> None:
    """Print ``data`` as JSON, or ``rows`` (flat dicts) as a table or CSV.

    ``rows`` defaults to ``data`` when data is already a list of flat dicts.
    """
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    rows = rows if rows is not None else data
    if fmt == "csv":
        click.echo(to_csv(rows), nl=False)
        return
    if title:
        click.echo(title)
    click.echo(to_table(rows))


def to_csv(rows: list[dict]) -> str:
    buffer = io.StringIO()
    if rows:
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _neutralise(v) for k, v in row.items()})
    return buffer.getvalue()


def _neutralise(value):
    """Keep spreadsheet programs from reading a cell as a formula."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def to_table(rows: list[dict]) -> str:
    """Rows as aligned columns; the last column wraps to the terminal width."""
    if not rows:
        return "(no results)"
    columns = list(rows[0])
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
    total = shutil.get_terminal_size((120, 20)).columns
    fixed = sum(widths[:-1]) + 2 * (len(columns) - 1)
    last = max(30, total - fixed)
    widths[-1] = min(widths[-1], last)
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    for row in cells:
        wrapped = textwrap.wrap(row[-1], widths[-1]) or [""]
        head = "  ".join(c.ljust(w) for c, w in zip(row[:-1], widths[:-1]))
        lines.append((head + ("  " if head else "") + wrapped[0]).rstrip())
        indent = " " * (len(head) + (2 if head else 0))
        lines.extend(indent + more for more in wrapped[1:])
    return "\n".join(lines)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3g}"
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value))
    return " ".join(str(value).split())


def message(text: str) -> None:
    """A message for the user (stderr), never mixed with data."""
    click.echo(text, err=True)
