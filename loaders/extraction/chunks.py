"""Long texts in pieces: split before parsing, merged after, offsets kept true.

spaCy refuses texts longer than ``nlp.max_length``, its parser's memory grows
with the text, and the linking and relation rules look across a whole document,
so a long document is parsed in chunks of about the length of a long feature
story, each ending at a paragraph, line or sentence break. Each chunk's extraction is shifted back to offsets in
the whole text and the chunks are merged into one :class:`DocumentExtraction`.

>>> split_text("aaa\\n\\nbbb\\n\\nccc", 6)
[(0, 'aaa\\n\\n'), (5, 'bbb\\n\\n'), (10, 'ccc')]
>>> split_text("short", 100)
[(0, 'short')]
"""

from __future__ import annotations

from .model import DocumentExtraction, ExtractedEntity, ExtractedRelation, Mention

MAX_CHUNK_CHARS = 20_000
_BREAKS = ("\n\n", "\n", ". ", "? ", "! ", " ")


def split_text(text: str, max_chars: int = MAX_CHUNK_CHARS) -> list[tuple[int, str]]:
    """(offset, chunk) pieces of ``text``, each at most ``max_chars`` long."""
    pieces, start = [], 0
    while len(text) - start > max_chars:
        window = text[start:start + max_chars]
        cut = 0
        for mark in _BREAKS:
            at = window.rfind(mark)
            if at > max_chars // 4:
                cut = at + len(mark)
                break
        cut = cut or max_chars  # one enormous word: a hard cut
        pieces.append((start, text[start:start + cut]))
        start += cut
    pieces.append((start, text[start:]))
    return pieces


def merge(document: str, parts: list[tuple[int, DocumentExtraction]], voc) -> DocumentExtraction:
    """One extraction of the whole text from the extractions of its chunks (an entity
    written differently in two chunks is one, under the spelling of the first)."""
    entities: dict[str, ExtractedEntity] = {}
    relations: dict[tuple, ExtractedRelation] = {}
    for offset, part in parts:
        shown = {}
        for ent in part.entities:
            known = entities.setdefault(ent.graph_name, ExtractedEntity(
                ent.name, ent.type, [], ent.canonical))
            shown[ent.name] = known.name
            known.type = voc.preferred_type(known.type, ent.type)
            known.mentions += [Mention(m.text, m.start + offset, m.end + offset)
                               for m in ent.mentions]
        for rel in part.relations:
            subject, obj = shown.get(rel.subject, rel.subject), shown.get(rel.object, rel.object)
            shifted = ExtractedRelation(
                subject, rel.subject_type, rel.predicate, obj, rel.object_type,
                rel.evidence, rel.start + offset, rel.end + offset, rel.confidence)
            relations.setdefault((subject, rel.predicate, obj, shifted.start), shifted)
    for ent in entities.values():
        ent.mentions.sort(key=lambda m: (m.start, m.end))
    return DocumentExtraction(document, list(entities.values()), list(relations.values()))
