"""The document reader: formats, encodings, front matter, and every bad input."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest

from nascar_kg.errors import DocumentError
from nascar_kg.loaders.documents import (
    SourceDocument, decode_bytes, iter_documents, parse_front_matter, read_document,
)

DATA = Path(__file__).resolve().parent / "data" / "documents"


def test_plain_text(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Alan Quill won the race.\n", encoding="utf-8")
    doc = read_document(str(path))
    assert isinstance(doc, SourceDocument)
    assert doc.source == str(path)
    assert doc.text == "Alan Quill won the race.\n"
    assert doc.format == "text"
    assert doc.sha256 == hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
    assert doc.title is None and doc.date is None and doc.url is None


def test_source_is_the_path_as_given(tmp_path, monkeypatch):
    (tmp_path / "b.txt").write_text("Text.", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert read_document("b.txt").source == "b.txt"
    assert read_document(Path("b.txt")).source == "b.txt"


def test_markdown_front_matter():
    doc = read_document(str(DATA / "front-matter.md"))
    assert doc.format == "markdown"
    assert doc.title == "Quill signs with Brightwater: a new era"
    assert doc.date == "2025-02-03"
    assert doc.url == "https://example.test/quill-signs"
    assert doc.text.startswith("# Quill signs with Brightwater\n")
    assert "---" not in doc.text and "tags:" not in doc.text
    assert "Brightwater Racing next season." in doc.text


def test_markdown_title_from_heading(tmp_path):
    path = tmp_path / "c.md"
    path.write_text("# A heading\n\nBody text.\n", encoding="utf-8")
    doc = read_document(str(path))
    assert doc.title == "A heading"
    assert doc.text == "# A heading\n\nBody text.\n"


def test_front_matter_parser_without_yaml():
    fields, body = parse_front_matter("---\ntitle: 'It''s: quoted'\nempty:\n---\nBody\n")
    assert fields["title"] == "It''s: quoted"
    assert fields["empty"] == ""
    assert body == "Body\n"
    assert parse_front_matter("--- not front matter\ntext") == ({}, "--- not front matter\ntext")


def test_html_article_body_only():
    doc = read_document(str(DATA / "page.html"))
    assert doc.format == "html"
    assert "Alan Quill will drive the No. 7 Ford for Brightwater Racing" in doc.text
    assert "Hank Dorsey" in doc.text
    for noise in ("SCRIPT-TEXT-MUST-NOT-APPEAR", "SCRIPT-IN-ARTICLE", "STYLE-TEXT",
                  "NAV-HOME-LINK", "NAV-NEWS-LINK", "FOOTER-COPYRIGHT-TEXT"):
        assert noise not in doc.text, noise
    assert doc.title == "Quill joins Brightwater Racing"


def test_html_fallback_to_lxml_text(tmp_path, monkeypatch):
    import nascar_kg.loaders.documents as documents

    monkeypatch.setattr(documents, "_html_to_text",
                        lambda html: (documents._lxml_text(html)[0], {"title": None, "date": None,
                                                                      "url": None}))
    doc = read_document(str(DATA / "page.html"))
    assert "Brightwater Racing next season" in doc.text
    assert "SCRIPT-TEXT-MUST-NOT-APPEAR" not in doc.text
    assert "NAV-HOME-LINK" not in doc.text


def test_html_tiny_page_falls_back(tmp_path):
    path = tmp_path / "tiny.html"
    path.write_text("<html><body><script>x()</script><p>Quill wins.</p></body></html>",
                    encoding="utf-8")
    doc = read_document(str(path))
    assert "Quill wins." in doc.text
    assert "x()" not in doc.text


def test_utf16_with_bom():
    doc = read_document(str(DATA / "utf16-bom.txt"))
    assert doc.text.startswith("Alan Quill won at Lakeview Speedway — his first win")
    assert "café" in doc.text
    assert "\ufeff" not in doc.text


def test_utf8_bom_is_removed(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfQuill won.")
    assert read_document(str(path)).text == "Quill won."


def test_invalid_utf8_falls_back_to_detection():
    doc = read_document(str(DATA / "latin1.txt"))
    assert "café" in doc.text and "crème" in doc.text


def test_crlf_is_normalized(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Line one.\r\nLine two.\r\n")
    assert read_document(str(path)).text == "Line one.\nLine two.\n"


def test_stdin():
    doc = read_document("-", stdin=io.BytesIO("Quill won at Lakeview.".encode("utf-8")))
    assert doc.source == "-"
    assert doc.text == "Quill won at Lakeview."


def test_stdin_html_is_sniffed():
    html = b"<!DOCTYPE html><html><body><p>Quill won at Lakeview Speedway today.</p></body></html>"
    doc = read_document("-", stdin=io.BytesIO(html))
    assert doc.format == "html"
    assert "Quill won at Lakeview Speedway today." in doc.text


# ---------------------------------------------------------------- bad inputs

def _error(path, **kwargs) -> str:
    with pytest.raises(DocumentError) as info:
        read_document(str(path), **kwargs)
    message = str(info.value)
    assert message.startswith(f"{path}: "), message
    assert "\n" not in message
    return message


def test_missing_file(tmp_path):
    assert "no such file" in _error(tmp_path / "missing.txt")


def test_directory_as_file(tmp_path):
    assert "directory" in _error(tmp_path)


def test_binary_with_nul_bytes(tmp_path):
    path = tmp_path / "bin.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert "binary" in _error(path)


def test_mostly_control_characters(tmp_path):
    path = tmp_path / "ctl.txt"
    path.write_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17]) * 50 + b"abc")
    assert "binary" in _error(path)


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert "empty" in _error(path)


def test_whitespace_only(tmp_path):
    path = tmp_path / "ws.md"
    path.write_text("  \n\t\n   \n", encoding="utf-8")
    assert "empty" in _error(path)


def test_front_matter_without_body(tmp_path):
    path = tmp_path / "fm.md"
    path.write_text("---\ntitle: Nothing\n---\n\n", encoding="utf-8")
    assert "no text" in _error(path)


def test_html_without_text(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><script>var a = 1;</script></head><body></body></html>",
                    encoding="utf-8")
    assert "no article text" in _error(path)


def test_undecodable_bytes(tmp_path, monkeypatch):
    import charset_normalizer

    class Nothing:
        def best(self):
            return None

        def __iter__(self):
            return iter(())

    monkeypatch.setattr(charset_normalizer, "from_bytes", lambda data: Nothing())
    path = tmp_path / "bad.txt"
    path.write_bytes(b"caf\xe9 \xff\xfe\xfa")
    assert "cannot be decoded" in _error(path)


def test_bad_utf16_after_bom(tmp_path):
    path = tmp_path / "odd.txt"
    path.write_bytes(b"\xff\xfeA\x00\x00\xd8")  # lone surrogate
    assert "UTF-16" in _error(path)


def test_too_large(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("word " * 400, encoding="utf-8")
    message = _error(path, max_bytes=1000)
    assert "too large" in message and "limit" in message


def test_too_large_stdin():
    with pytest.raises(DocumentError, match=r"^-: .*too large"):
        read_document("-", stdin=io.BytesIO(b"x" * 2000), max_bytes=1000)


def test_decode_bytes_direct():
    assert decode_bytes("naïve".encode("utf-8")) == "naïve"
    with pytest.raises(DocumentError, match="^<bytes>: "):
        decode_bytes(b"\x00\x01\x02")


# ---------------------------------------------------------------- batches

def test_iter_documents_expands_folders_sorted_and_reports_errors(tmp_path):
    (tmp_path / "b.txt").write_text("Second.", encoding="utf-8")
    (tmp_path / "a.md").write_text("First.", encoding="utf-8")
    (tmp_path / "skip.csv").write_text("not,an,article", encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "c.html").write_text("<html><body><p>Third article text here.</p></body></html>",
                                encoding="utf-8")
    (sub / "empty.txt").write_bytes(b"")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "h.txt").write_text("Hidden.", encoding="utf-8")
    items = list(iter_documents([str(tmp_path), str(tmp_path / "nope.txt")]))
    ok = [i for i in items if isinstance(i, SourceDocument)]
    errors = [i for i in items if isinstance(i, DocumentError)]
    assert [Path(d.source).name for d in ok] == ["a.md", "b.txt", "c.html"]
    assert len(errors) == 2
    assert str(errors[0]).startswith(str(sub / "empty.txt") + ": ")
    assert str(errors[1]).startswith(str(tmp_path / "nope.txt") + ": ")


def test_iter_documents_not_recursive(tmp_path):
    (tmp_path / "a.txt").write_text("Top.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Nested.", encoding="utf-8")
    names = [Path(d.source).name for d in iter_documents([tmp_path], recursive=False)]
    assert names == ["a.txt"]


def test_iter_documents_empty_folder(tmp_path):
    items = list(iter_documents([tmp_path]))
    assert len(items) == 1 and isinstance(items[0], DocumentError)
    assert str(items[0]).startswith(f"{tmp_path}: ")


def test_iter_documents_stdin():
    items = list(iter_documents(["-"], stdin=io.BytesIO(b"From stdin.")))
    assert items[0].text == "From stdin."
