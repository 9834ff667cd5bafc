"""Reading race-results files in the nascaR.data layout: CSV, gzipped CSV or Parquet.

One row per car per race, with the columns Season, Race, Track, Name, Length,
Surface, Finish, Start, Car, Driver, Make, Pts, Laps, Led, Status, Team, S1, S2,
Rating, Win, Seg Points. The format is told by the file's first bytes (gzip
magic, ``PAR1``), not by its name; the series by its name (``cup_series``,
``nxs_series``, ``truck_series``) unless given.

:func:`read_results` returns a :class:`ResultsFile`: the columns the loader
uses as a pyarrow table with one type per column whatever the file gave
(numbers as int64/float64, null when empty or not a number such as "DQ"; text
stripped, ``""`` when empty) plus the SHA-256 of the file's bytes. A file that
cannot be read or lacks a column raises :class:`~nascar_kg.errors.ResultsError`
whose message starts with the file's name.
"""

from __future__ import annotations

import hashlib
import io
import math
import re
from dataclasses import dataclass
from pathlib import Path

from nascar_kg.errors import ResultsError

COLUMNS = ("Season", "Race", "Track", "Name", "Length", "Surface", "Finish", "Start", "Car",
           "Driver", "Make", "Pts", "Laps", "Led", "Status", "Team", "S1", "S2", "Rating",
           "Win", "Seg Points")
"""The columns of the nascaR.data layout, in order."""

USED_COLUMNS = ("Season", "Race", "Track", "Name", "Length", "Surface", "Finish", "Car",
                "Driver", "Make", "Led", "Team", "Win")
"""The columns the loader reads; a file without one of them is not in the layout."""

INT_COLUMNS = ("Season", "Race", "Finish", "Led")
FLOAT_COLUMNS = ("Length", "Win")

SERIES_CODES = ("cup", "nxs", "truck")

_SERIES_PATTERNS = (
    ("truck", re.compile(r"truck")),
    ("nxs", re.compile(r"nxs|xfinity|busch|nationwide")),
    ("cup", re.compile(r"cup")),
)

GZIP_MAGIC = b"\x1f\x8b"
PARQUET_MAGIC = b"PAR1"


@dataclass
class ResultsFile:
    """The used columns of one results file, normalized, as a pyarrow table."""

    source: str
    """The path or URL as given."""
    series_code: str
    """``cup``, ``nxs`` or ``truck``."""
    sha256: str
    format: str
    """``csv``, ``csv.gz`` or ``parquet``."""
    table: object
    """``pyarrow.Table``: Season, Race, Finish, Led int64; Length, Win float64; the
    others strings, stripped, ``""`` when empty (never null)."""
    url: str | None = None

    @property
    def rows(self) -> int:
        return self.table.num_rows


def series_from_name(name: str) -> str | None:
    """The series code a results file's name tells, if any.

    >>> series_from_name("data/cup_series.csv.gz"), series_from_name("NXS_series.parquet")
    ('cup', 'nxs')
    >>> series_from_name("truck_series.csv"), series_from_name("results.csv") is None
    ('truck', True)
    """
    stem = Path(name.split("?")[0]).name.lower()
    for code, pattern in _SERIES_PATTERNS:
        if pattern.search(stem):
            return code
    return None


def sniff_format(data: bytes) -> str:
    """``parquet``, ``csv.gz`` or ``csv``, from a file's first and last bytes."""
    if data[:4] == PARQUET_MAGIC:
        return "parquet"
    if data[:2] == GZIP_MAGIC:
        return "csv.gz"
    return "csv"


def read_results(path: str | Path, series: str | None = None, source: str | None = None,
                 url: str | None = None) -> ResultsFile:
    """Read one results file; ``series`` (a code) overrides what its name says."""
    source = source or str(path)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise ResultsError(f"{source}: no such file") from None
    except IsADirectoryError:
        raise ResultsError(f"{source}: is a folder, not a results file") from None
    except OSError as exc:
        raise ResultsError(f"{source}: cannot read ({exc.strerror or exc})") from None
    return parse_results(data, source, series=series, url=url, name=str(path))


def parse_results(data: bytes, source: str, series: str | None = None,
                  url: str | None = None, name: str | None = None) -> ResultsFile:
    """Parse the bytes of a results file read from ``source``."""
    code = series or series_from_name(name or source)
    if code is None:
        raise ResultsError(
            f"{source}: cannot tell the series from the file name; name it cup_series, "
            "nxs_series or truck_series, or pass --series cup|nxs|truck")
    if code not in SERIES_CODES:
        raise ResultsError(f"{source}: unknown series {code!r}; use cup, nxs or truck")
    if not data:
        raise ResultsError(f"{source}: the file is empty")
    fmt = sniff_format(data)
    try:
        table = _read_parquet(data) if fmt == "parquet" else _read_csv(data, fmt == "csv.gz")
        names = table.column_names
    except ResultsError as exc:
        raise ResultsError(f"{source}: {exc}") from None
    except _UNREADABLE as exc:
        # pyarrow's ArrowInvalid is a ValueError; truncated gzip is an OSError; column
        # names that are not UTF-8 raise UnicodeDecodeError when asked for
        raise ResultsError(f"{source}: not a readable {fmt} results file ({_reason(exc)})") \
            from None
    missing = [c for c in USED_COLUMNS if c not in names]
    if missing:
        raise ResultsError(
            f"{source}: not in the nascaR.data results layout (missing column"
            f"{'s' if len(missing) > 1 else ''} {', '.join(missing)})")
    twice = [c for c in USED_COLUMNS if names.count(c) > 1]
    if twice:
        raise ResultsError(f"{source}: the column{'s' if len(twice) > 1 else ''} "
                           f"{', '.join(twice)} appear{'' if len(twice) > 1 else 's'} twice")
    try:
        normalized = _normalized(table)
    except _UNREADABLE as exc:
        raise ResultsError(f"{source}: unexpected column types ({_reason(exc)})") from None
    return ResultsFile(source, code, hashlib.sha256(data).hexdigest(), fmt, normalized, url)


_UNREADABLE = (OSError, EOFError, ValueError, TypeError, KeyError, IndexError, OverflowError,
               NotImplementedError)
"""What reading a malformed file raises (pyarrow's errors derive from these)."""


def _reason(exc: BaseException) -> str:
    """A short, one-line, printable reason from a parser's exception."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    text = "".join(ch if ch.isprintable() else "\ufffd" for ch in text)
    return text if len(text) <= 200 else text[:199] + "…"


def _read_csv(data: bytes, gzipped: bool):
    import pyarrow as pa
    import pyarrow.csv as pacsv

    stream = pa.input_stream(pa.py_buffer(data), compression="gzip" if gzipped else None)
    raw = stream.read()
    if not raw.strip():
        raise ResultsError("the file has no header line")
    if not raw.endswith(b"\n"):  # a header (or last row) without its line end
        raw = raw + b"\n"
    convert = pacsv.ConvertOptions(column_types={c: pa.string() for c in COLUMNS},
                                   strings_can_be_null=False)
    parse = pacsv.ParseOptions(newlines_in_values=True)
    return pacsv.read_csv(io.BytesIO(raw), parse_options=parse, convert_options=convert)


def _read_parquet(data: bytes):
    import pyarrow as pa
    import pyarrow.parquet as pq

    return pq.read_table(pa.BufferReader(data))


def _normalized(table):
    """The used columns with one type each, whatever types the file gave them."""
    import pyarrow as pa

    arrays, names = [], []
    for name in USED_COLUMNS:
        column = table.column(name).combine_chunks()
        if name in INT_COLUMNS:
            arrays.append(_converted(column, _to_int, pa.int64()))
        elif name in FLOAT_COLUMNS:
            arrays.append(_converted(column, _to_float, pa.float64()))
        else:
            arrays.append(_converted(column, _to_text, pa.string()))
        names.append(name)
    return pa.Table.from_arrays(arrays, names=names)


def _converted(column, convert, type_):
    """``convert`` applied to each distinct value once (columns repeat their values a lot)."""
    import pyarrow as pa

    encoded = column if pa.types.is_dictionary(column.type) else column.dictionary_encode()
    values = [convert(v) for v in encoded.dictionary.to_pylist()]
    values.append(convert(None))
    indices = encoded.indices.fill_null(len(values) - 1)
    return pa.array(values, type=type_).take(indices)


def _to_text(value) -> str:
    """Text with spaces collapsed; a car number 3.0 read from Parquet becomes "3"."""
    if value is None:
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return str(int(value)) if value.is_integer() else repr(value)
    return " ".join(str(value).split())


def _to_int(value) -> int | None:
    """An integer, or None for empty and non-numeric values ("DNQ", "", NaN)."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if _INT64_MIN <= value <= _INT64_MAX else None
    if isinstance(value, float):
        return _to_int(int(value)) if value.is_integer() else None
    text = str(value).strip()
    if not text:
        return None
    try:
        return _to_int(int(text))
    except ValueError:
        pass
    try:
        number = float(text)
    except ValueError:
        return None
    return _to_int(int(number)) if number.is_integer() else None


_INT64_MIN, _INT64_MAX = -(2 ** 63), 2 ** 63 - 1


def _to_float(value) -> float | None:
    """A finite number, or None ("", "DNF", NaN, infinities)."""
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return number if math.isfinite(number) else None
