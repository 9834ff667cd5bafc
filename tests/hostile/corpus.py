"""The hostile-input corpus: files every command that reads input must survive.

Each :class:`Case` is one input file (or one thing standing where a file should be)
with what the command must do with it: ``ok`` (read, a clean result) or ``error``
(a one-line ``Error: <the file>: <reason>`` and exit status 2). Cases are written into
a folder at test time (:func:`write_cases`); big inputs are generated there, never
committed. Four kinds, one per reading command:

* ``article`` — ``ingest`` and ``extract`` (text, Markdown, HTML);
* ``results`` — ``load-results`` (CSV, CSV.gz, Parquet in the nascaR.data layout);
* ``gold`` — ``evaluate --gold FILE``;
* ``predictions`` — ``evaluate --gold GOLD --predictions FILE``.

``INJECTION_NAMES`` and ``INJECTION_TEXTS`` are the strings the injection tests push
through every query language, export format and the HTML page.

Run ``python tests/hostile/corpus.py DIR`` to write the corpus into DIR and list it.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import os
import random
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

FILES = Path(__file__).resolve().parent / "files"

ARTICLE = ("Corey Heim drove for TRICON Garage in the Truck Series. Denny Hamlin said Heim is "
           "ready for the Cup Series, and Bootie Barker praised him too.\n")

COLUMNS = ("Season", "Race", "Track", "Name", "Length", "Surface", "Finish", "Start", "Car",
           "Driver", "Make", "Pts", "Laps", "Led", "Status", "Team", "S1", "S2", "Rating",
           "Win", "Seg Points")
ROW = {"Season": "2025", "Race": "1", "Track": "Hostile Speedway", "Name": "Hostile 200",
       "Length": "1.5", "Surface": "paved", "Finish": "1", "Start": "3", "Car": "11",
       "Driver": "Corey Heim", "Make": "Toyota", "Pts": "50", "Laps": "200", "Led": "10",
       "Status": "running", "Team": "TRICON Garage", "S1": "", "S2": "", "Rating": "100",
       "Win": "1", "Seg Points": ""}

# -- strings that try to break out of every language and format ------------------------------
INJECTION_NAMES = [
    '"}} ; DROP ALL ; {{"',                          # SPARQL: close the pattern, run an update
    "' OR 1=1 //",                                   # classic, and a Cypher comment
    "Bob \"Ice\" O'Neil\\",                          # both quotes and a trailing backslash
    "\\u0022 escaped \\\" quote \\",                 # escapes that a lazy escaper would decode
    "`Team` }) DETACH DELETE n //",                  # Cypher backticks, closing a pattern
    "$param and $1 {x}",                             # Cypher/SPARQL parameter syntax
    "?s ?p ?o . } INSERT DATA { <a:b> <a:c> 1",      # SPARQL variables and an update
    "Line\nBreak\rCarriage",                         # newlines inside a value
    "</script><script>alert(1)</script>",            # the HTML page
    '<img src=x onerror=alert(2)> "href" &amp;',     # attributes, entities
    "\u202eevil\u202c right-to-left override",      # RTL override
    "Zero\u200dwidth\u200bjoiner\ufeff",             # zero-width characters
    "🏁 Emoji 🏎️ Racing 👀",                          # astral-plane characters
    "=HYPERLINK(\"http://evil.invalid\",\"x\")",     # spreadsheet formula
    "@SUM(1+1)",                                     # spreadsheet formula
    "-2+3 Racing",                                   # spreadsheet formula
    "Tab\tSeparated, \"comma\"",                     # CSV separators
    "]]> <!-- --> <![CDATA[ x",                      # XML sections
    "%% mermaid -->|x| A[\"b\"]",                    # Mermaid syntax
    "Zoë Café Ñandú",                                # plain non-ASCII
]
"""Names that must come back unchanged from every store, query, export and the HTML page."""

INJECTION_TEXTS = [
    'He said "href" } \\ ok\nnext line </script><script>alert(3)</script> '
    "MATCH (n) DETACH DELETE n",
    "Quote ''' \"\"\" with SPARQL long strings } ; CLEAR ALL",
    "A line separator \u2028 and paragraph separator \u2029 inside a quote",
]
"""Evidence quotes that must come back unchanged."""


@dataclass(frozen=True)
class Case:
    """One hostile input and what reading it must give."""

    name: str
    """Identifier (and, unless ``filename`` says otherwise, the file name)."""
    kind: str
    """``article``, ``results``, ``gold`` or ``predictions``."""
    expect: str
    """``ok`` or ``error``."""
    make: Callable[[], bytes] | None = None
    """The file's bytes (None for the special cases)."""
    reason: str = ""
    """A piece of the expected error message (case-insensitive)."""
    filename: str | bytes | None = None
    """The file's name when it is not ``name`` (bytes: not valid UTF-8)."""
    special: str | None = None
    """``missing``, ``directory``, ``fifo``, ``symlink-loop``, ``dangling``, ``sparse``."""
    size: int = 0
    """For ``sparse``: the file's size."""
    note: str = ""

    def write(self, folder: Path) -> str:
        """Create the case in ``folder``; the path to give the command (a str)."""
        folder.mkdir(parents=True, exist_ok=True)
        fname = self.filename if self.filename is not None else self.name
        path = os.path.join(os.fsencode(folder), os.fsencode(fname))
        if self.special == "missing":
            pass
        elif self.special == "directory":
            os.makedirs(path, exist_ok=True)
        elif self.special == "fifo":
            if not os.path.exists(path):
                os.mkfifo(path)
        elif self.special == "symlink-loop":
            if not os.path.lexists(path):
                os.symlink(path, path)
        elif self.special == "dangling":
            if not os.path.lexists(path):
                os.symlink(os.path.join(os.fsencode(folder), b"no-such-target"), path)
        elif self.special == "sparse":
            with open(path, "wb") as fh:
                fh.truncate(self.size)
        else:
            with open(path, "wb") as fh:
                fh.write(self.make())
        return os.fsdecode(path)


def _text(s: str, encoding: str = "utf-8") -> Callable[[], bytes]:
    return lambda: s.encode(encoding)


def _bytes(b: bytes) -> Callable[[], bytes]:
    return lambda: b


def _random(n: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(n)


def _half(data: bytes) -> bytes:
    return data[:len(data) // 2]


def _fixture(name: str) -> Callable[[], bytes]:
    return lambda: (FILES / name).read_bytes()


def results_csv(rows: list[dict] | None = None, columns=COLUMNS) -> str:
    """A CSV in the nascaR.data layout: ``rows`` are changes to a good row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for change in rows if rows is not None else [{}]:
        row = {**ROW, **change}
        writer.writerow([row.get(c, "") for c in columns])
    return buffer.getvalue()


def _parquet(rows: list[dict] | None = None, columns=COLUMNS, types: dict | None = None,
             cut: int | None = None) -> Callable[[], bytes]:
    def make() -> bytes:
        import pyarrow as pa
        import pyarrow.parquet as pq

        data = {c: [] for c in columns}
        for change in rows if rows is not None else [{}]:
            row = {**ROW, **change}
            for c in columns:
                data[c].append(row.get(c, ""))
        arrays = {c: pa.array(v, type=(types or {}).get(c, pa.string())) for c, v in data.items()}
        sink = io.BytesIO()
        pq.write_table(pa.table(arrays), sink)
        raw = sink.getvalue()
        return raw[:cut] if cut else raw
    return make


def _nested_html(depth: int) -> str:
    return ("<html><body>" + "<div>" * depth + "<p>" + ARTICLE + "</p>" + "</div>" * depth
            + "</body></html>")


ENTITY_BOMB = ('<!DOCTYPE html [<!ENTITY a "aaaaaaaaaa">'
               '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
               '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">'
               '<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'
               '<html><body><p>&d;&d;&d;&d;&d;&d;&d;&d;&d;&d; ' + ARTICLE + '</p></body></html>')

# -- articles ----------------------------------------------------------------------------------
ARTICLES = [
    Case("empty.txt", "article", "error", _bytes(b""), "is empty"),
    Case("whitespace-only.txt", "article", "error", _bytes(b" \n\t\r\n  \n"), "is empty"),
    Case("binary-random.txt", "article", "error", lambda: _random(4096, 1), "binary"),
    Case("png-image.txt", "article", "error",
         lambda: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + _random(2048, 2), "binary"),
    Case("truncated-gzip.txt", "article", "error",
         lambda: gzip.compress(ARTICLE.encode() * 50, mtime=0)[:120], "binary"),
    Case("pdf-document.txt", "article", "error",
         lambda: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 900 >>\nstream\n"
                 + _random(900, 3) + b"\nendstream\n", "binary"),
    Case("zip-archive.html", "article", "error",
         lambda: b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + _random(1024, 4), "binary"),
    Case("invalid-utf8.txt", "article", "ok",
         _bytes(ARTICLE.encode() + b"Stray bytes \xff\xfe\xc3\x28 here.\n"),
         note="decoded by charset detection"),
    Case("overlong-utf8.txt", "article", "ok",
         _bytes(b"Corey Heim \xc0\xaf\xe0\x80\xaf drove for TRICON Garage.\n" + ARTICLE.encode()),
         note="overlong UTF-8 sequences"),
    Case("cesu-surrogates.txt", "article", "ok",
         _bytes(b"Corey Heim \xed\xa0\x80\xed\xb0\x80 drove for TRICON Garage.\n"),
         note="UTF-8 encoded surrogates"),
    Case("utf16-le-bom.txt", "article", "ok",
         lambda: codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le")),
    Case("utf16-be-bom.txt", "article", "ok",
         lambda: codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be")),
    Case("utf16-without-bom.txt", "article", "error", _text(ARTICLE, "utf-16-le"), "binary"),
    Case("utf16-bom-broken.txt", "article", "error",
         _bytes(codecs.BOM_UTF16_LE + b"C\x00o\x00\x00\xd8r\x00"), "byte-order mark"),
    Case("utf32-bom.txt", "article", "ok",
         lambda: codecs.BOM_UTF32_LE + ARTICLE.encode("utf-32-le")),
    Case("utf8-bom.txt", "article", "ok", lambda: codecs.BOM_UTF8 + ARTICLE.encode()),
    Case("cp1252-smart-quotes.txt", "article", "ok",
         _text("Corey Heim\u2019s team \u201cTRICON\u201d \u2013 Zo\u00eb said so.\n" + ARTICLE,
               "cp1252")),
    Case("nul-after-64k.txt", "article", "ok",
         _text("filler" + "-" * 65600 + "\n\x00 NUL \x00 " + ARTICLE),
         note="a NUL byte past the binary sniffing window reaches the extractor"),
    Case("control-characters.txt", "article", "ok",
         _text("Corey\x1b[31m Heim\x07 drove\x0b for TRICON\x0c Garage.\x1b]0;pwned\x07\x7f\x85\n"
               + ARTICLE), note="terminal escape sequences"),
    Case("rtl-zero-width.txt", "article", "ok",
         _text("Corey Heim\u202e drove for \u200dTRICON\u200b Garage\u2066.\u2069 \ufeffDenny "
               "Hamlin\u200c said Heim is Cup ready.\n" + ARTICLE)),
    Case("emoji.txt", "article", "ok",
         _text("🏁 Corey Heim 🏎️ drove for TRICON Garage 👀🔥. Denny Hamlin 🙌 said Heim "
               "is ready.\n")),
    Case("line-separators.txt", "article", "ok",
         _text("Corey Heim drove\u2028for TRICON Garage.\u2029Denny Hamlin said Heim is ready."
               "\x85Next.\v\f\n")),
    Case("cr-only-newlines.txt", "article", "ok", _text(ARTICLE.replace("\n", "\r") * 3 + "\r\n")),
    Case("hostile-names.txt", "article", "ok", _fixture("hostile-names.txt"),
         note="quotes, backslashes, braces, </script>, \"href\", $param, RTL, ZWJ, emoji"),
    Case("scripts-and-handlers.html", "article", "ok", _fixture("scripts-and-handlers.html"),
         note="scripts, event handlers, javascript: links, remote resources"),
    Case("only-scripts.html", "article", "error",
         _text("<html><head><script>alert(1)</script></head><body><script>x()</script>"
               "<style>p{}</style></body></html>"), "no article text"),
    Case("truncated.html", "article", "ok", _text("<html><body><p>" + ARTICLE + "<div><p cla")),
    Case("deeply-nested.html", "article", "error", _text(_nested_html(5000)), "no article text",
         note="5,000 nested elements: the HTML parser keeps 255 levels, the text is deeper"),
    Case("entity-expansion.html", "article", "ok", _text(ENTITY_BOMB),
         note="entity definitions in the DOCTYPE (not expanded)"),
    Case("xml-prolog.xhtml.html", "article", "ok",
         _text('<?xml version="1.0"?><?xml-stylesheet href="x"?><!-- c -->' + ENTITY_BOMB
               + "<!-- after the root -->")),
    Case("front-matter-only.md", "article", "error", _text("---\ntitle: Only\n---\n"),
         "front matter but no text"),
    Case("hostile-front-matter.md", "article", "ok", _fixture("hostile-front-matter.md")),
    Case("unterminated-front-matter.md", "article", "ok",
         _text("---\ntitle: never closed\n" + ARTICLE)),
    Case("one-enormous-word.txt", "article", "ok", _text("x" * 300_000),
         note="one 300 kB token: the chunker cuts it hard"),
    Case("punctuation-only.txt", "article", "ok", _text("!?.,;:" * 40)),
    Case("hostile file 'name' $(touch x) `y` <b>.txt", "article", "ok", _text(ARTICLE)),
    Case("name-not-utf8.txt", "article", "ok", _text(ARTICLE), filename=b"name-\xff\xfe.txt",
         note="a file name that is not valid UTF-8"),
    Case("name-with-escape.txt", "article", "ok", _text(ARTICLE),
         filename="name-\x1b[31mred\x1b[0m.txt", note="a terminal escape in the file name"),
    Case("name-with-newline.txt", "article", "ok", _text(ARTICLE),
         filename="name-with\nnewline.txt"),
    Case("missing.txt", "article", "error", special="missing", reason="no such file"),
    Case("folder-without-articles", "article", "error", special="directory",
         reason="folder holds no"),
    Case("named-pipe.txt", "article", "error", special="fifo", reason="not a regular file"),
    Case("symlink-loop.txt", "article", "error", special="symlink-loop", reason="no such file"),
    Case("dangling-symlink.txt", "article", "error", special="dangling", reason="no such file"),
    Case("over-the-limit.txt", "article", "error", special="sparse", size=50 * 1024 * 1024 + 1,
         reason="too large", note="one byte over the 50 MB limit (a sparse file)"),
]

# -- race results ------------------------------------------------------------------------------
FORMULA_ROWS = [{"Driver": '=HYPERLINK("http://evil.invalid","x")', "Team": "@SUM(1+1)",
                 "Make": "+cmd|' /C calc'!A0"},
                {"Driver": "-2+3 Driver", "Team": "\tTab Racing", "Race": "2"}]
HOSTILE_ROWS = [{"Driver": name, "Team": f"Team {i} {name}", "Race": str(i + 1)}
                for i, name in enumerate(INJECTION_NAMES)]

RESULTS = [
    Case("cup_series-empty.csv", "results", "error", _bytes(b""), "empty"),
    Case("cup_series-header-only.csv", "results", "ok", _text(results_csv([]))),
    Case("cup_series-header-without-newline.csv", "results", "ok",
         _text(",".join(COLUMNS))),
    Case("cup_series-binary.csv", "results", "error", lambda: _random(3000, 5)),
    Case("cup_series-truncated.csv.gz", "results", "error", lambda: _half(gzip.compress(
        results_csv([{"Race": str(i), "Finish": str(i * 7 % 43)} for i in range(400)]).encode(),
        mtime=0)), "truncated"),
    Case("cup_series-gzip-of-binary.csv.gz", "results", "error",
         lambda: gzip.compress(_random(2000, 55), mtime=0)),
    Case("cup_series-gzip-of-nothing.csv.gz", "results", "error",
         lambda: gzip.compress(b"", mtime=0)),
    Case("cup_series-invalid-utf8-header.csv", "results", "error",
         _bytes(b"Sea\x9a\xffson,Race\n1,2\n")),
    Case("cup_series-parquet-garbage.parquet", "results", "error",
         lambda: b"PAR1" + _random(500, 6)),
    Case("cup_series-parquet-truncated.parquet", "results", "error", _parquet(cut=400)),
    Case("cup_series-parquet-wrong-columns.parquet", "results", "error",
         _parquet(columns=("Season", "Driver", "Team")), "missing column"),
    Case("cup_series-parquet-odd-types.parquet", "results", "ok",
         _parquet([{"Season": 2025, "Race": 1, "Finish": 1.0, "Led": None, "Length": "1.5",
                    "Win": True}],
                  types={"Season": "int64", "Race": "float64", "Finish": "float64",
                         "Led": "int32", "Length": "string", "Win": "bool"}),
         note="numbers as text, text as numbers, booleans"),
    Case("cup_series-missing-columns.csv", "results", "error",
         _text("Season,Driver,Team\n2025,Corey Heim,TRICON Garage\n"), "missing column"),
    Case("cup_series-extra-columns.csv", "results", "ok",
         _text(results_csv([{}], COLUMNS + ("Extra", "=Formula")))),
    Case("cup_series-short-row.csv", "results", "error",
         _text(results_csv([]) + "2025,1,Hostile Speedway\n"), "columns"),
    Case("cup_series-long-row.csv", "results", "error",
         _text(results_csv([{}]).rstrip("\n") + ",extra,fields\n"), "columns"),
    Case("cup_series-duplicate-column.csv", "results", "error",
         _text(results_csv([{}], COLUMNS + ("Driver",))), "driver"),
    Case("cup_series-formula-cells.csv", "results", "ok", _text(results_csv(FORMULA_ROWS))),
    Case("cup_series-formula-fixture.csv", "results", "ok",
         _fixture("cup_series-formula-cells.csv")),
    Case("cup_series-hostile-names.csv", "results", "ok", _text(results_csv(HOSTILE_ROWS))),
    Case("cup_series-control-characters.csv", "results", "ok",
         _text(results_csv([{"Driver": "Den\x00ny \x1b[31mHam\x0blin\x7f",
                             "Team": "T\x01\x02 Racing"}]))),
    Case("cup_series-huge-numbers.csv", "results", "ok",
         _text(results_csv([{"Season": "99999999999999999999999", "Race": "1e999"},
                            {"Finish": "123456789012345678901234567890", "Led": "-1e400"}]))),
    Case("cup_series-not-numbers.csv", "results", "ok",
         _text(results_csv([{"Season": "nan", "Race": "inf", "Length": "1e400", "Win": "-inf",
                             "Track": "Infinite Speedway"},
                            {"Length": "NaN", "Finish": "DQ", "Led": "lots",
                             "Track": "Nan Speedway", "Race": "2"}]))),
    Case("cup_series-negative-numbers.csv", "results", "ok",
         _text(results_csv([{"Season": "-5", "Race": "-1", "Finish": "-3", "Length": "-2"}]))),
    Case("cup_series-utf8-bom.csv", "results", "ok",
         lambda: codecs.BOM_UTF8 + results_csv().encode()),
    Case("cup_series-utf16.csv", "results", "error",
         lambda: codecs.BOM_UTF16_LE + results_csv().encode("utf-16-le")),
    Case("cup_series-latin1.csv", "results", "error",
         lambda: results_csv([{"Driver": "Zoë Café"}]).encode("latin-1"), "utf8"),
    Case("cup_series-semicolons.csv", "results", "error",
         lambda: results_csv().replace(",", ";").encode(), "missing column"),
    Case("cup_series-long-cell.csv", "results", "ok",
         _text(results_csv([{"Team": "T" * 200_000}]))),
    Case("cup_series-newlines-in-cells.csv", "results", "ok",
         _text(results_csv([{"Team": "Line\nBreak Racing", "Driver": "Two\r\nLines"}]))),
    Case("cup_series-crlf.csv", "results", "ok",
         _text(results_csv([{}, {"Race": "2"}]).replace("\n", "\r\n"))),
    Case("cup_series-html-error-page.csv", "results", "error",
         _text("<!DOCTYPE html><html><body><h1>404 Not Found</h1></body></html>\n"),
         "missing column"),
    Case("cup_series-json.csv", "results", "error", _text('[{"Season": 2025}]\n'),
         "missing column"),
    Case("results-without-series.csv", "results", "error", _text(results_csv()), "series"),
    Case("cup_series-folder.csv", "results", "error", special="directory", reason="folder"),
    Case("cup_series-missing.csv", "results", "error", special="missing", reason="no such file"),
]

# -- gold files ----------------------------------------------------------------------------------
GOOD_GOLD = {"id": "good", "text": ARTICLE,
             "entities": [{"name": "Corey Heim", "type": "Driver", "aliases": ["Heim"]},
                          {"name": "TRICON Garage", "type": "Team"}],
             "relations": [{"subject": "Corey Heim", "predicate": "drove_for",
                            "object": "TRICON Garage",
                            "evidence": "Corey Heim drove for TRICON Garage"}]}


def _gold(**changes) -> Callable[[], bytes]:
    def make() -> bytes:
        data = {**GOOD_GOLD, **changes}
        return json.dumps({k: v for k, v in data.items() if v is not ...}).encode()
    return make


GOLD = [
    Case("not-json.gold.json", "gold", "error", _text("{this is not json"), "not a readable gold"),
    Case("empty.gold.json", "gold", "error", _bytes(b""), "not a readable gold"),
    Case("array.gold.json", "gold", "error", _text("[1, 2, 3]"), "object"),
    Case("scalar.gold.json", "gold", "error", _text('"text"'), "object"),
    Case("text-not-a-string.gold.json", "gold", "error", _gold(text=5), "text"),
    Case("entities-not-a-list.gold.json", "gold", "error", _gold(entities={"a": 1}), "entities"),
    Case("entity-without-name.gold.json", "gold", "error", _gold(entities=[{"type": "Driver"}]),
         "name"),
    Case("entity-name-not-a-string.gold.json", "gold", "error",
         _gold(entities=[{"name": ["Corey"], "type": "Driver"}]), "name"),
    Case("aliases-a-string.gold.json", "gold", "error",
         _gold(entities=[{"name": "Corey Heim", "type": "Driver", "aliases": "Heim"}]), "aliases"),
    Case("unknown-predicate.gold.json", "gold", "error", _fixture("unknown-predicate.gold.json"),
         "unknown predicate"),
    Case("predicate-not-a-string.gold.json", "gold", "error",
         _gold(relations=[{"subject": "a", "predicate": ["drove_for"], "object": "b"}]),
         "predicate"),
    Case("relation-without-object.gold.json", "gold", "error",
         _gold(relations=[{"subject": "a", "predicate": "drove_for"}]), "object"),
    Case("invalid-utf8.gold.json", "gold", "error",
         _bytes(b'{"text": "Corey \xff\xfe Heim", "entities": []}'), "not a readable gold"),
    Case("deeply-nested.gold.json", "gold", "error", _text("[" * 100_000 + "]" * 100_000),
         "not a readable gold"),
    Case("hostile-strings.gold.json", "gold", "ok",
         _gold(text=ARTICLE + " ".join(INJECTION_NAMES),
               entities=[{"name": n, "type": "Driver", "aliases": [n + " alias"]}
                         for n in INJECTION_NAMES])),
    Case("no-text.gold.json", "gold", "ok", _gold(text=...)),
    Case("huge-number.gold.json", "gold", "ok",
         _text('{"id": 1e999, "text": "Corey Heim.", "date": 12}')),
]

# -- predictions (JSONL) --------------------------------------------------------------------


def _jsonl(*records) -> Callable[[], bytes]:
    return lambda: "".join((r if isinstance(r, str) else json.dumps(r)) + "\n"
                           for r in records).encode()


PREDICTIONS = [
    Case("not-json.jsonl", "predictions", "error", _jsonl("{not json"), "line 1"),
    Case("second-line-broken.jsonl", "predictions", "error",
         _jsonl({"document": "good", "entities": [], "relations": []}, "[1, 2"), "line 2"),
    Case("array-line.jsonl", "predictions", "error", _fixture("not-objects.jsonl"), "line 2"),
    Case("scalar-line.jsonl", "predictions", "error", _jsonl("42"), "line 1"),
    Case("entities-not-a-list.jsonl", "predictions", "error", _jsonl({"entities": 5}), "entities"),
    Case("entity-not-an-object.jsonl", "predictions", "error", _jsonl({"entities": [5]}),
         "entities"),
    Case("predicate-a-list.jsonl", "predictions", "error",
         _jsonl({"relations": [{"subject": "a", "predicate": ["x"], "object": "b"}]}), "predicate"),
    Case("names-not-strings.jsonl", "predictions", "error",
         _jsonl({"entities": [{"name": {"a": 1}, "type": "Driver"}]}), "name"),
    Case("invalid-utf8.jsonl", "predictions", "error", _bytes(b'{"document": "\xff\xfe"}\n'),
         "utf-8"),
    Case("deeply-nested.jsonl", "predictions", "error", _jsonl("[" * 100_000 + "]" * 100_000),
         "line 1"),
    Case("empty.jsonl", "predictions", "ok", _bytes(b"")),
    Case("blank-lines.jsonl", "predictions", "ok", _bytes(b"\n\n  \n")),
    Case("hostile-strings.jsonl", "predictions", "ok",
         _jsonl({"document": "good.txt",
                 "entities": [{"name": n, "type": "Driver", "mentions": []}
                              for n in INJECTION_NAMES],
                 "relations": [{"subject": n, "predicate": "endorses", "object": "Corey Heim",
                                "evidence": t}
                               for n in INJECTION_NAMES for t in INJECTION_TEXTS]})),
    Case("null-lists.jsonl", "predictions", "ok",
         _jsonl({"document": None, "entities": None, "relations": None}),
         note="found by fuzzing: null lists were scored as lists"),
    Case("unknown-predicate.jsonl", "predictions", "ok",
         _jsonl({"relations": [{"subject": "a", "predicate": "}} DROP", "object": "b"}]}),
         note="an unknown predicate is a wrong prediction, not bad input"),
]

ALL_CASES = ARTICLES + RESULTS + GOLD + PREDICTIONS


def injection_batch():
    """A graph whose every name, alias, quote and document field is an injection string.

    Each ``INJECTION_NAMES[i]`` is a Driver who endorses Corey Heim, drove for the Team
    ``"Team " + name`` and feuds with the next one; every relation's evidence quotes an
    ``INJECTION_TEXTS`` string, from a document whose source and title are hostile too.
    """
    from nascar_kg.graph.model import (Document, Entity, EntityRef, Evidence, GraphBatch,
                                       Relation, SeasonStats)

    doc = Document("d" * 64, 'hostile "doc" \\ }</script>.txt', title=INJECTION_NAMES[0],
                   date="2025-01-01", url="javascript:alert(1)")
    heim = EntityRef("Corey Heim", "Driver")
    entities = [Entity("Corey Heim", "Driver", ("Heim",))]
    relations = []
    drivers = [EntityRef(name, "Driver") for name in INJECTION_NAMES]
    for i, (name, driver) in enumerate(zip(INJECTION_NAMES, drivers)):
        team = EntityRef("Team " + name, "Team")
        entities += [Entity(name, "Driver", (name + " alias",)), Entity(team.name, "Team")]
        text = INJECTION_TEXTS[i % len(INJECTION_TEXTS)]
        ev = [Evidence(doc, text, 10 * i, 10 * i + len(text), 0.8, "hostile", "1")]
        relations.append(Relation(driver, "endorses", heim, ev))
        relations.append(Relation(driver, "drove_for", team, ev,
                                  [SeasonStats("NASCAR Cup Series", 2025, 3, 1, 2, 3, 1, 4.5,
                                               10, (name[:3],))]))
        relations.append(Relation(driver, "feuded_with", drivers[(i + 1) % len(drivers)], ev))
    entities.append(Entity("NASCAR Cup Series", "Series"))
    return GraphBatch(entities=entities, documents=[doc], relations=relations)


def cases(kind: str) -> list[Case]:
    return [c for c in ALL_CASES if c.kind == kind]


def write_cases(folder: Path, kind: str | None = None) -> dict[str, str]:
    """Write the cases (of one kind, or all) into ``folder``: case name → path."""
    return {c.name: c.write(Path(folder) / c.kind) for c in ALL_CASES
            if kind is None or c.kind == kind}


def good_gold(folder: Path) -> str:
    """A valid gold file (for ``evaluate --predictions``)."""
    path = Path(folder) / "good.gold.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(GOOD_GOLD), encoding="utf-8")
    return str(path)


def big_one_line_article(path: Path, size: int = 5 * 1024 * 1024) -> Path:
    """A one-line article of ``size`` bytes: sentences without a single line break."""
    sentence = ARTICLE.strip() + " "
    with open(path, "w", encoding="utf-8") as fh:
        fh.write((sentence * (size // len(sentence) + 1))[:size])
    return path


if __name__ == "__main__":  # pragma: no cover - a helper for people
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-corpus")
    for case in ALL_CASES:
        path = case.write(out / case.kind)
        print(f"{case.kind:12} {case.expect:6} {path!r}")
    print(f"{len(ALL_CASES)} cases in {out}")
