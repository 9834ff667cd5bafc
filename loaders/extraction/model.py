"""Data classes of an extraction: mentions, entities, relations, one document's result."""

from __future__ import annotations

import json
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Mention:
    """One occurrence of an entity: its surface text and character offsets in the text."""

    text: str
    start: int
    end: int

    def to_json(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass
class ExtractedEntity:
    """An entity found in a document, with all its mentions.

    ``name`` is the name as the document writes it when that is the canonical name up to
    case, spacing, punctuation and accents ("AJ Allmendinger"), else the canonical name;
    ``canonical`` is the canonical name (the graph's, shared across documents) when it
    differs from ``name``.
    """

    name: str
    type: str
    mentions: list[Mention] = field(default_factory=list)
    canonical: str | None = None

    @property
    def graph_name(self) -> str:
        """The name the graph knows the entity by."""
        return self.canonical or self.name

    def to_json(self) -> dict:
        return {"name": self.name, "type": self.type,
                "mentions": [m.to_json() for m in self.mentions]}


@dataclass
class ExtractedRelation:
    """One typed edge with the sentence (or clause) that states it."""

    subject: str
    subject_type: str
    predicate: str
    object: str
    object_type: str
    evidence: str
    start: int
    end: int
    confidence: float

    def to_json(self) -> dict:
        return {"subject": self.subject, "subject_type": self.subject_type,
                "predicate": self.predicate, "object": self.object,
                "object_type": self.object_type, "evidence": self.evidence,
                "start": self.start, "end": self.end,
                "confidence": round(float(self.confidence), 3)}


@dataclass
class DocumentExtraction:
    """What the extractor found in one document (the ``extract --format jsonl`` object)."""

    document: str
    entities: list[ExtractedEntity] = field(default_factory=list)
    relations: list[ExtractedRelation] = field(default_factory=list)

    def to_json(self) -> dict:
        """The JSON object of the command-line contract (one JSONL line per document)."""
        return {"document": self.document,
                "entities": [e.to_json() for e in self.entities],
                "relations": [r.to_json() for r in self.relations]}

    def to_json_line(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False)

    def entity(self, name: str) -> ExtractedEntity | None:
        return next((e for e in self.entities if e.name == name), None)

    def triples(self) -> set[tuple[str, str, str]]:
        return {(r.subject, r.predicate, r.object) for r in self.relations}
