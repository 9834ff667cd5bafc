"""Long texts are extracted in chunks with offsets into the whole text."""

from __future__ import annotations

import pytest

from nascar_kg.loaders.extraction import Extractor
from nascar_kg.loaders.extraction.chunks import split_text

PARAGRAPH = ("Crew chief Wade Mercer said Dalton Reese is ready for the Cup Series right now. "
             "Reese drives the No. 48 Toyota for Ridgeline Motorsports.\n\n")


def test_split_text_keeps_every_character_and_breaks_at_paragraphs():
    text = PARAGRAPH * 50
    pieces = split_text(text, 1000)
    assert "".join(chunk for _, chunk in pieces) == text
    assert all(len(chunk) <= 1000 for _, chunk in pieces)
    assert all(chunk.endswith("\n\n") for _, chunk in pieces[:-1])
    assert [offset for offset, _ in pieces] == [
        sum(len(c) for _, c in pieces[:k]) for k in range(len(pieces))]


def test_split_text_cuts_a_single_enormous_word():
    pieces = split_text("x" * 2500, 1000)
    assert [len(c) for _, c in pieces] == [1000, 1000, 500]


@pytest.fixture(scope="module")
def extractor():
    return Extractor(max_chunk_chars=600)


def test_chunked_extraction_has_true_offsets(extractor):
    text = PARAGRAPH * 6
    result = extractor.extract(text, document="long")
    assert result.document == "long"
    assert result.relations
    for rel in result.relations:
        assert text[rel.start:rel.end] == rel.evidence
    starts = {rel.start for rel in result.relations}
    assert max(starts) > 600  # relations from later chunks, shifted to whole-text offsets
    for ent in result.entities:
        for m in ent.mentions:
            assert text[m.start:m.end] == m.text
    names = [e.name for e in result.entities]
    assert len(names) == len(set(names))  # one entity per name across chunks


def test_text_longer_than_spacy_limit(extractor):
    text = PARAGRAPH * 30
    extractor.nlp.max_length = 2000  # as if the text were over spaCy's limit
    try:
        result = extractor.extract(text)
    finally:
        extractor.nlp.max_length = 1_000_000
    assert result.relations
