"""The one output helper: data to stdout as a table, JSON or CSV; messages to stderr."""

from __future__ import annotations

import csv
import io
import json
import re
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
        click.echo(terminal_safe(title))
    click.echo(to_table(rows))


_LINE_BREAKS = {"\u0085": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def json_line(record) -> str:
    """``record`` as one line of JSONL, whatever line breaks its strings hold.

    JSON leaves U+0085, U+2028 and U+2029 raw, and readers that split lines on
    every Unicode line break (Python's ``str.splitlines``) would cut the record
    there; they are written as ``\\u`` escapes, which parse back to the same strings.
    """
    text = json.dumps(record, ensure_ascii=False)
    if any(ch in text for ch in _LINE_BREAKS):
        text = "".join(_LINE_BREAKS.get(ch, ch) for ch in text)
    return text


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
        return terminal_safe(", ".join(map(str, value)))
    return terminal_safe(" ".join(str(value).split()))


_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def terminal_safe(text: str) -> str:
    """``text`` with what could act on a terminal written as escapes: one printable line.

    Control characters (escape sequences, newlines, carriage returns), the
    bidirectional overrides that reorder what is shown, and lone surrogates
    (from file names that are not UTF-8) become ``\\n``, ``\\x1b``, ``\\u202e``...

    >>> terminal_safe("Error: a\\x1b[31mred\\nfile\\u202e.txt")
    'Error: a\\\\x1b[31mred\\\\nfile\\\\u202e.txt'
    """
    return _UNSAFE.sub(_escape, text)


def _escape(match) -> str:
    ch = match.group()
    code = ord(ch)
    return _NAMED.get(ch) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def message(text: str) -> None:
    """A message for the user (stderr), never mixed with data: one line, safe to print."""
    click.echo(terminal_safe(str(text)), err=True)
