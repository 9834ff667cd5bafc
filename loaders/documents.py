"""Reading articles: plain text, Markdown with front matter, HTML, or standard input.

:func:`read_document` turns one input into a :class:`SourceDocument` (the text the
extractor sees, plus title, date, address and a SHA-256 of the text) or raises
:class:`~nascar_kg.errors.DocumentError` with a one-line message ``<path>: <reason>``.
:func:`iter_documents` expands folders and yields documents *and* errors, so a batch
goes on past a bad file.

Examples
--------
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.md").write_text("---\\ntitle: Pit notes\\ndate: 2025-03-01\\n---\\nBody.\\n")
>>> doc = read_document(str(folder / "a.md"))
>>> doc.title, doc.date, doc.text
('Pit notes', '2025-03-01', 'Body.\\n')
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from nascar_kg.errors import DocumentError
from nascar_kg.graph.model import valid_text as display_name

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
"""Largest input accepted by default (50 MB); larger inputs raise :class:`DocumentError`."""

TEXT_SUFFIXES = {".txt": "text", ".md": "markdown", ".markdown": "markdown",
                 ".html": "html", ".htm": "html"}
"""File name endings that a folder expansion picks up, and the format each one means."""

STDIN = "-"

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_PREFERRED_FALLBACKS = ("cp1252", "iso8859_15", "latin_1")
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_MD_HEADING = re.compile(r"^#{1,2}[ \t]+(.+?)[ \t#]*$", re.M)
_HTML_SNIFF = re.compile(r"\A\s*(?:<!doctype\s+html|<html|<head|<body|<article|<!--)", re.I)


@dataclass(frozen=True)
class SourceDocument:
    """One article as read: the text the extractor sees and what is known about it."""

    source: str
    """The path as given (``-`` for standard input)."""
    text: str
    title: str | None
    date: str | None
    url: str | None
    sha256: str
    """SHA-256 (hex) of ``text`` encoded as UTF-8."""
    format: str
    """``text``, ``markdown`` or ``html``."""


def _fail(source: str, reason: str) -> DocumentError:
    return DocumentError(f"{display_name(source)}: {reason}")


def _megabytes(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"


def _read_bytes(source: str, max_bytes: int, stdin: BinaryIO | None = None) -> bytes:
    if source == STDIN:
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise _fail(source, f"input is too large (over the limit of {_megabytes(max_bytes)})")
        return data
    path = Path(source)
    if not path.exists():
        raise _fail(source, "no such file")
    if path.is_dir():
        raise _fail(source, "is a directory, not a file")
    if not path.is_file():
        raise _fail(source, "is not a regular file")
    size = path.stat().st_size
    if size > max_bytes:
        raise _fail(source, f"file is too large ({_megabytes(size)}; the limit is "
                            f"{_megabytes(max_bytes)})")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise _fail(source, f"cannot be read ({exc.strerror or exc})") from None


def _looks_binary(text: str) -> bool:
    """True when the decoded text is mostly control characters or replacement marks."""
    sample = text[:65536]
    if not sample:
        return False
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\f\v") or ch == "\ufffd"
              or 0x7F <= ord(ch) < 0xA0)
    return bad / len(sample) > 0.05


def decode_bytes(data: bytes, source: str = "<bytes>") -> str:
    """Text of ``data``: a byte-order mark wins, then UTF-8, then charset-normalizer's guess.

    Raises :class:`DocumentError` for binary content (NUL bytes without a UTF-16/32 mark,
    or mostly non-text) and for bytes that no encoding explains.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                raise _fail(source, f"cannot be decoded as {encoding.upper()} "
                                    "despite its byte-order mark") from None
            if _looks_binary(text):
                raise _fail(source, "looks like binary data, not text")
            return text.lstrip("\ufeff")
    if b"\x00" in data[:65536]:
        raise _fail(source, "looks like binary data, not text (it contains NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is None:
        try:
            from charset_normalizer import from_bytes
        except ImportError:  # pragma: no cover - declared dependency
            raise _fail(source, "is not valid UTF-8") from None
        results = from_bytes(data)
        best = results.best()
        if best is None:
            raise _fail(source, "cannot be decoded: not UTF-8 and no other text encoding fits")
        # Ties between single-byte encodings are common on short texts: prefer the
        # Western ones an English-language article is most likely written in.
        ties = [m for m in results if m.chaos <= best.chaos and m.coherence >= best.coherence]
        for preferred in _PREFERRED_FALLBACKS:
            chosen = next((m for m in ties if preferred in m.could_be_from_charset), None)
            if chosen is not None:
                best = chosen
                break
        text = str(best)
    if _looks_binary(text):
        raise _fail(source, "looks like binary data, not text")
    return text


def parse_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split ``---``-delimited front matter (``key: value`` lines) from the body.

    A small reader for the flat front matter of articles, without a YAML dependency:
    quotes around values are removed, lists and nesting are kept as raw text.

    >>> parse_front_matter('---\\ntitle: "A: B"\\nurl: https://x.test/a\\n---\\nBody')
    ({'title': 'A: B', 'url': 'https://x.test/a'}, 'Body')
    >>> parse_front_matter('No front matter')
    ({}, 'No front matter')
    """
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    fields: dict[str, str] = {}
    for line in match.group(1).splitlines():
        if not line.strip() or line.lstrip().startswith("#") or line[:1] in " \t-":
            continue
        key, sep, value = line.partition(":")
        if not sep:
            continue
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        fields[key.strip().lower()] = value
    return fields, text[match.end():]


def _html_to_text(html: str) -> tuple[str, dict[str, str | None]]:
    """Article body and metadata of an HTML page (trafilatura; lxml text as fallback)."""
    meta: dict[str, str | None] = {"title": None, "date": None, "url": None}
    body = ""
    try:
        import trafilatura
    except ImportError:
        trafilatura = None
    if trafilatura is not None:
        try:
            body = trafilatura.extract(html, include_comments=False, include_tables=False,
                                       output_format="txt") or ""
            info = trafilatura.extract_metadata(html)
        except Exception:  # a page trafilatura cannot handle falls back to lxml
            body, info = "", None
        if info is not None:
            meta = {"title": info.title, "date": info.date, "url": info.url}
    if not body.strip():
        body, title = _lxml_text(html)
        meta["title"] = meta["title"] or title
    return body, meta


def _lxml_text(html: str) -> tuple[str, str | None]:
    """Visible text of a page without scripts, styles and navigation (no script runs)."""
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return "", None
    title_el = root.find(".//title")
    title = title_el.text_content().strip() if title_el is not None else None
    for el in root.xpath("//script|//style|//noscript|//nav|//header|//footer|//aside|"
                         "//form|//template|//iframe|//title|//comment()|"
                         "//processing-instruction()"):
        if el.getparent() is not None:  # a comment before or after the root has no parent
            el.drop_tree()
    body = root.find(".//body")
    blocks = []
    for el in (body if body is not None else root).iter("p", "h1", "h2", "h3", "h4", "li",
                                                        "blockquote", "pre", "td"):
        chunk = " ".join(el.text_content().split())
        if chunk:
            blocks.append(chunk)
    if not blocks:
        text = (body if body is not None else root).text_content()
        blocks = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    return "\n".join(blocks) + ("\n" if blocks else ""), title or None


def _format_of(source: str, text: str) -> str:
    if source != STDIN:
        fmt = TEXT_SUFFIXES.get(Path(source).suffix.lower())
        if fmt:
            return fmt
    if _HTML_SNIFF.match(text):
        return "html"
    if _FRONT_MATTER.match(text):
        return "markdown"
    return "text"


def read_document(path_or_dash: str | os.PathLike, *, max_bytes: int = DEFAULT_MAX_BYTES,
                  stdin: BinaryIO | None = None) -> SourceDocument:
    """Read one article: a ``.txt``, ``.md``/``.markdown`` or ``.html``/``.htm`` file, or ``-``.

    Other endings are read as text, or as HTML when the content starts like a page.
    Raises :class:`DocumentError` (message ``<path>: <reason>``) for a missing file, a
    folder, binary or undecodable content, an empty text and an input over ``max_bytes``.
    """
    source = os.fspath(path_or_dash)
    data = _read_bytes(source, max_bytes, stdin)
    if not data.strip():
        raise _fail(source, "is empty" if not data else "is empty (only whitespace)")
    raw = decode_bytes(data, source)
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    fmt = _format_of(source, raw)
    title = date = url = None
    if fmt == "html":
        text, meta = _html_to_text(raw)
        title, date, url = meta["title"], meta["date"], meta["url"]
        if not text.strip():
            raise _fail(source, "no article text found in the HTML page")
    else:
        fields, text = parse_front_matter(raw)
        title = fields.get("title") or None
        date = fields.get("date") or None
        url = fields.get("url") or fields.get("link") or fields.get("source") or None
        if fmt == "markdown" and title is None:
            heading = _MD_HEADING.search(text)
            title = heading.group(1).strip() if heading else None
    if not text.strip():
        raise _fail(source, "has front matter but no text" if raw.strip() != text.strip()
                    else "is empty (only whitespace)")
    return SourceDocument(
        source=display_name(source), text=text, title=title, date=str(date) if date else None,
        url=url,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(), format=fmt,
    )


def _expand(path: Path, recursive: bool) -> list[Path]:
    walker = path.rglob("*") if recursive else path.glob("*")
    found = []
    for p in walker:
        rel = p.relative_to(path)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if p.suffix.lower() in TEXT_SUFFIXES and p.is_file():
            found.append(p)
    return sorted(found)


def iter_documents(paths: Iterable[str | os.PathLike], recursive: bool = True, *,
                   max_bytes: int = DEFAULT_MAX_BYTES,
                   stdin: BinaryIO | None = None) -> Iterator[SourceDocument | DocumentError]:
    """Documents of files, folders (expanded, sorted, by ending) and ``-``, in order.

    Yields a :class:`DocumentError` in place of each input that cannot be read, so the
    caller reports it and goes on with the rest of the batch. A folder with no article
    file yields one error.
    """
    for given in paths:
        source = os.fspath(given)
        if source != STDIN and Path(source).is_dir():
            files = _expand(Path(source), recursive)
            if not files:
                yield _fail(source, "folder holds no .txt, .md, .markdown, .html or .htm file")
            for file in files:
                yield from _one(str(file), max_bytes, stdin)
        else:
            yield from _one(source, max_bytes, stdin)


def _one(source: str, max_bytes: int, stdin: BinaryIO | None) -> Iterator:
    try:
        yield read_document(source, max_bytes=max_bytes, stdin=stdin)
    except DocumentError as exc:
        yield exc
