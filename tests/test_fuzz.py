"""Bounded fuzzing of the extractor and the loaders (hypothesis), and the crashes it found.

Each target gets arbitrary input and must either give a result that holds its
promises or raise the one error its contract names:

* the extractor: never raises; every offset indexes the text it was given (also when
  the text is cut into chunks); types and predicates come from the ontology;
* the document reader: a :class:`SourceDocument` or a :class:`DocumentError`;
* the results reader and loader: a load or a :class:`ResultsError`;
* gold files and predictions: scores or an :class:`InputError`.

The number of examples is small enough for CI (about a minute in all);
``NASCAR_KG_FUZZ_SCALE=20`` runs twenty times as many. A crash found here becomes a
test of its own below (``test_regression_*``), with the smallest input that shows it.
"""

from __future__ import annotations

import io
import json
import os
import string

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from hostile.corpus import COLUMNS, INJECTION_NAMES, ROW
from nascar_kg.errors import DocumentError, InputError, ResultsError
from nascar_kg.loaders.documents import decode_bytes, parse_front_matter, read_document
from nascar_kg.loaders.evaluation import check_record, gold_document, score
from nascar_kg.loaders.results_read import parse_results
from nascar_kg.ontology import vocabulary

SCALE = max(1, int(os.environ.get("NASCAR_KG_FUZZ_SCALE", "1")))


def fuzz(n: int):
    """Settings for a fuzz target: ``n`` examples (times the scale), no deadline."""
    return settings(max_examples=n * SCALE, deadline=None, derandomize=SCALE == 1, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.function_scoped_fixture])


# -- texts that look like articles -----------------------------------------------------------

WORDS = ["Corey Heim", "Heim", "Denny Hamlin", "Hamlin", "Ty Gibbs", "Bootie Barker",
         "TRICON Garage", "23XI Racing", "Joe Gibbs Racing", "Toyota", "Chevrolet", "Ford",
         "Bristol", "Cup Series", "Truck Series", "No. 11", "crew chief", "owner", "sponsor",
         "drove for", "drives for", "praised", "said", "is ready", "feud", "with", "and", "the",
         "his", "he", "she", "they", "it", "who", "of", "at", "in", "'s", "’s", "Jr.", "Sr.",
         "told me", "believes", "backed", "signed with", "joins", "left", "co-owner", "not",
         "never", "@LarryMac28", "#NASCAR", "👀", "🏁", "—", "–", "…"]
PUNCTUATION = [".", ",", ";", ":", "!", "?", "\"", "'", "“", "”", "‘", "’", "(", ")", "[", "]",
               "-", "/", "\\", "{", "}", "<", ">", "&", "$", "`", "*", "#", "@", "%"]
SPACES = [" ", " ", " ", "\n", "\n\n", "\t", "\r\n", "\u2028", "\u00a0", "\u200b", "\u202e",
          "\ufeff", "\x0b", "\x00"]


@st.composite
def articles(draw, max_pieces: int = 60):
    """Text made of NASCAR words, punctuation, odd spaces and arbitrary characters."""
    pieces = draw(st.lists(st.one_of(
        st.sampled_from(WORDS), st.sampled_from(WORDS), st.sampled_from(PUNCTUATION),
        st.sampled_from(SPACES), st.sampled_from(INJECTION_NAMES),
        st.text(max_size=6), st.text(alphabet=string.ascii_letters, min_size=1, max_size=12)),
        max_size=max_pieces))
    return "".join(pieces)


@pytest.fixture(scope="module")
def extractor():
    from nascar_kg.loaders.extraction import Extractor

    return Extractor()


def check_extraction(result, text: str) -> None:
    voc = vocabulary()
    for entity in result.entities:
        assert entity.type in voc.entity_classes, entity
        for m in entity.mentions:
            assert 0 <= m.start <= m.end <= len(text)
            assert text[m.start:m.end] == m.text, (m, text[m.start:m.end])
    for rel in result.relations:
        assert rel.predicate in voc.predicates
        assert voc.accepts(rel.predicate, rel.subject_type, rel.object_type), rel
        assert 0 <= rel.start <= rel.end <= len(text)
        assert text[rel.start:rel.end] == rel.evidence, rel
        assert 0 <= rel.confidence <= 1


@fuzz(120)
@given(text=articles())
@example(text="")
@example(text="\x00")
@example(text=" \n\n ")
@example(text="Corey Heim\u202e drove for TRICON Garage. Denny Hamlin said Heim is ready.")
def test_extractor_never_raises_and_offsets_index_the_text(extractor, text):
    check_extraction(extractor.extract(text, document="fuzz"), text)


@fuzz(40)
@given(text=articles(max_pieces=200), size=st.integers(20, 400))
def test_extractor_offsets_survive_chunking(text, size):
    from nascar_kg.loaders.extraction.chunks import split_text

    pieces = split_text(text, size)
    assert "".join(p for _, p in pieces) == text
    assert all(len(p) <= size for _, p in pieces)
    offsets = [sum(len(p) for _, p in pieces[:i]) for i in range(len(pieces))]
    assert [o for o, _ in pieces] == offsets
    check_extraction(_small_chunks(size).extract(text, document="fuzz"), text)


_EXTRACTORS: dict = {}


def _small_chunks(size: int):
    from nascar_kg.loaders.extraction import Extractor

    if size not in _EXTRACTORS:
        _EXTRACTORS[size] = Extractor(max_chunk_chars=size)
    return _EXTRACTORS[size]


@fuzz(30)
@given(texts=st.lists(articles(max_pieces=20), min_size=1, max_size=5))
def test_extract_many_gives_one_extraction_per_text(extractor, texts):
    results = list(extractor.extract_many([(t, f"doc{i}") for i, t in enumerate(texts)]))
    assert [r.document for r in results] == [f"doc{i}" for i in range(len(texts))]
    for text, result in zip(texts, results):
        check_extraction(result, text)


# -- the document reader ------------------------------------------------------------------------

@fuzz(300)
@given(data=st.binary(max_size=3000))
@example(data=b"\xff\xfe\x00\xd8")
@example(data=b"\xef\xbb\xbf")
@example(data=b"\x00\x00\xfe\xff\x00\x00\x00")
def test_decoding_arbitrary_bytes(data):
    try:
        text = decode_bytes(data, "fuzz.txt")
    except DocumentError as exc:
        assert str(exc).startswith("fuzz.txt: ")
        return
    assert isinstance(text, str)
    text.encode("utf-8")  # valid Unicode: no lone surrogates


HTML_BITS = ["<html>", "<body>", "<p>", "</p>", "<div>", "</div>", "<script>", "</script>",
             "<style>", "<!--", "-->", "<![CDATA[", "]]>", "<?xml version='1.0'?>",
             "<!DOCTYPE html>", '<!DOCTYPE x [<!ENTITY a "b">]>', "&a;", "&amp;", "&#0;",
             "&#x110000;", "<a href='javascript:x()'>", "<img onerror=x>", "<title>", "</title>",
             "<meta charset='x'>", "<article>", "<nav>", "<table><td>", "<br/>", "<", ">", "\x00"]


@fuzz(150)
@given(bits=st.lists(st.one_of(st.sampled_from(HTML_BITS), st.sampled_from(WORDS),
                               st.text(max_size=5)), max_size=40),
       suffix=st.sampled_from([".html", ".htm", ".txt", ".md", ""]))
def test_reading_arbitrary_pages(tmp_path_factory, bits, suffix):
    path = tmp_path_factory.mktemp("page") / f"page{suffix}"
    path.write_bytes("".join(bits).encode("utf-8", "surrogatepass"))
    try:
        doc = read_document(path)
    except DocumentError as exc:
        assert str(exc).startswith(f"{path}: ")
        assert "\n" not in str(exc)
        return
    assert doc.text.strip()
    doc.text.encode("utf-8")


@fuzz(200)
@given(text=st.text(max_size=300))
def test_front_matter_never_raises(text):
    fields, body = parse_front_matter(text)
    assert isinstance(fields, dict) and text.endswith(body)


# -- race results ------------------------------------------------------------------------------

@fuzz(300)
@given(data=st.binary(max_size=2000), gzipped=st.booleans())
@example(data=b"PAR1", gzipped=False)
@example(data=b"PAR1PAR1", gzipped=False)
@example(data=b"\x1f\x8b", gzipped=False)
def test_results_reader_on_arbitrary_bytes(data, gzipped):
    import gzip

    if gzipped:
        data = gzip.compress(data, mtime=0)
    try:
        parse_results(data, "cup_series.csv")
    except ResultsError as exc:
        assert str(exc).startswith("cup_series.csv: ") and "\n" not in str(exc)


CELLS = st.one_of(st.text(max_size=12), st.sampled_from(
    ["", "-", "DQ", "nan", "inf", "-inf", "1e999", "99999999999999999999", "0", "-1", "1.5",
     "2025", "=1+1", "@SUM(A1)", "\x00", "\x1b[31m", "Corey Heim", "TRICON Garage", "Toyota"]))


@fuzz(25)
@given(rows=st.lists(st.fixed_dictionaries({c: CELLS for c in
                                            ("Season", "Race", "Finish", "Driver", "Team",
                                             "Make", "Track", "Length", "Led", "Win", "Car")}),
                     max_size=8),
       drop=st.sets(st.sampled_from(COLUMNS), max_size=2))
def test_results_loader_on_arbitrary_rows(rows, drop):
    import csv

    from nascar_kg.graph.rdf_store import MemoryStore
    from nascar_kg.loaders.results import load_results
    from nascar_kg.queries import stats

    buffer = io.StringIO()
    columns = [c for c in COLUMNS if c not in drop]
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for change in rows:
        writer.writerow([{**ROW, **change}.get(c, "") for c in columns])
    data = buffer.getvalue().encode("utf-8", "surrogatepass")
    store = MemoryStore()
    with store:
        try:
            rf = parse_results(data, "cup_series.csv")
        except ResultsError:
            return
        from nascar_kg.loaders.results import build_graph

        store.write(build_graph([rf]).to_batch())
        assert sum(stats(store)["entities"].values()) >= 0
    assert load_results  # the CLI path is covered by the hostile corpus


@fuzz(40)
@given(columns=st.dictionaries(st.sampled_from(COLUMNS), st.sampled_from(
    ["int64", "float64", "string", "bool_", "null", "large_string", "int8", "date32"]),
    min_size=10))
def test_results_reader_on_parquet_of_any_types(columns):
    import pyarrow as pa
    import pyarrow.parquet as pq

    samples = {"int64": [2025, None], "float64": [1.5, float("nan")], "string": ["x", None],
               "bool_": [True, None], "null": [None, None], "large_string": ["y", ""],
               "int8": [127, -128], "date32": [0, 20000]}
    table = pa.table({c: pa.array(samples[t], type=getattr(pa, t)()) for c, t in columns.items()})
    sink = io.BytesIO()
    pq.write_table(table, sink)
    try:
        rf = parse_results(sink.getvalue(), "cup_series.parquet")
    except ResultsError:
        return
    assert rf.rows == 2


# -- gold files and predictions ----------------------------------------------------------------

JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
                    | st.text(max_size=8),
                    lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.sampled_from(["id", "text", "entities", "relations",
                                                       "name", "type", "aliases", "subject",
                                                       "predicate", "object", "document",
                                                       "optional", "evidence", "mentions"]),
                                      inner, max_size=5),
                    max_leaves=20)


@fuzz(300)
@given(data=JSON)
@example(data={"text": "x", "relations": [{"subject": "a", "predicate": "endorses",
                                            "object": "b", "optional": "yes"}]})
def test_gold_files_and_predictions_of_any_shape(data):
    try:
        gold = gold_document(data, "fuzz.gold.json")
    except InputError as exc:
        assert str(exc).startswith("fuzz.gold.json")
        gold = None
    try:
        record = check_record(data, "fuzz.jsonl: line 1")
    except InputError as exc:
        assert str(exc).startswith("fuzz.jsonl: line 1")
        return
    if gold is not None:
        result = score([gold], [record])
        assert 0 <= result["relations_coarse"]["f1"] <= 1


@fuzz(100)
@given(lines=st.lists(st.one_of(JSON.map(json.dumps), st.text(max_size=10)), max_size=5))
def test_prediction_lines_of_any_text(lines):
    from nascar_kg.loaders.evaluation import read_jsonl

    try:
        records = read_jsonl(lines, source="fuzz")
    except InputError as exc:
        assert str(exc).startswith("fuzz: line ")
        return
    assert all(isinstance(r, dict) for r in records)


# -- crashes the fuzzing found, kept as tests -------------------------------------------------

@pytest.mark.parametrize("record", [{"entities": None}, {"relations": None},
                                    {"document": None, "entities": None, "relations": None}])
def test_regression_null_lists_in_a_prediction(record):
    """Found by ``test_gold_files_and_predictions_of_any_shape``: ``score`` iterated over None."""
    gold = gold_document({"text": "Corey Heim.", "entities": [{"name": "Corey Heim"}]}, "g.json")
    result = score([gold], [check_record(record)])
    assert result["entities"]["fn"] == 1 and result["relations_fine"]["tp"] == 0


def test_regression_null_text_in_a_gold_file():
    """Found with the same test: a gold ``"text": null`` reached the extractor as None."""
    gold = gold_document({"text": None, "entities": [{"name": "A", "type": None}],
                          "relations": [{"subject": "A", "predicate": "endorses", "object": "B",
                                         "evidence": None}]}, "g.json")
    assert gold.text == "" and gold.entities[0].type == "" and gold.relations[0].evidence == ""
