"""The graph's data structures: entities, documents, relations and the evidence for them.

Every relation carries its evidence. IRIs are derived from content, never
from counters, so writing the same thing twice gives the same IRIs and so
changes nothing.

Examples
--------
>>> heim = EntityRef("Corey Heim", "Driver")
>>> heim.iri
'https://w3id.org/nascar-kg/id/person/corey-heim'
>>> EntityRef("Corey Heim", "Person").iri == heim.iri  # one person, whatever the role
True
>>> EntityRef("TRICON Garage", "Team").iri == EntityRef("Tricon Garage", "Team").iri
True
>>> a = Relation(EntityRef("Ty Gibbs", "Driver"), "feuded_with", heim)
>>> b = Relation(heim, "feuded_with", EntityRef("Ty Gibbs", "Driver"))
>>> a.iri == b.iri  # feuded_with is symmetric
True
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

from nascar_kg.ontology import ID, vocabulary


class IRI(str):
    """An IRI, as opposed to a plain string, when passed as a query parameter."""

    __slots__ = ()


def slugify(name: str) -> str:
    """Lowercase ASCII slug of a name; names with no ASCII letters get a hash.

    >>> slugify("Dale Earnhardt Jr.")
    'dale-earnhardt-jr'
    >>> slugify("Señor O'Brien")
    'senor-o-brien'
    """
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return slug or "h-" + digest(name)[:16]


def valid_text(text: str) -> str:
    """``text`` as valid Unicode: the undecodable bytes of a file name or a command-line
    argument (lone surrogates) become U+FFFD. Other text comes back as it is.

    Names and file names shown in the graph, the messages and the JSON output go
    through this; the file itself is opened by its real name.

    >>> valid_text("caf\\udce9.txt"), valid_text("plain.txt")
    ('caf\ufffd.txt', 'plain.txt')
    """
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:  # undecodable bytes (surrogate escapes)
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # other lone surrogates
        return _SURROGATES.sub("\ufffd", text)


_SURROGATES = re.compile("[\ud800-\udfff]")


def digest(*parts: object) -> str:
    """Stable hex digest of the given parts (used for assertion and evidence IRIs)."""
    h = hashlib.sha256()
    for part in parts:
        h.update(str(part).encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()


def entity_iri(name: str, type_: str) -> IRI:
    return IRI(f"{ID}{vocabulary().iri_kind(type_)}/{slugify(name)}")


@dataclass(frozen=True)
class EntityRef:
    """A reference to an entity by canonical name and type."""

    name: str
    type: str

    @property
    def iri(self) -> IRI:
        return entity_iri(self.name, self.type)


@dataclass
class Entity:
    """An entity with what is known of it beyond its name."""

    name: str
    type: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    properties: dict = field(default_factory=dict)

    @property
    def ref(self) -> EntityRef:
        return EntityRef(self.name, self.type)

    @property
    def iri(self) -> IRI:
        return self.ref.iri


@dataclass(frozen=True)
class Document:
    """A source: an article, a results file, or the reference registry."""

    sha256: str
    source: str
    kind: str = "article"
    title: str | None = None
    date: str | None = None
    url: str | None = None

    @property
    def iri(self) -> IRI:
        return IRI(f"{ID}document/{self.sha256[:32]}")


@dataclass(frozen=True)
class Evidence:
    """What supports one relation: a passage of a document, or a results source."""

    document: Document
    text: str
    start: int | None = None
    end: int | None = None
    confidence: float = 1.0
    extractor: str = ""
    extractor_version: str = ""

    def iri_for(self, assertion_iri: str) -> IRI:
        return IRI(f"{ID}evidence/" + digest(
            assertion_iri, self.document.sha256, self.start, self.end, self.text)[:32])


@dataclass(frozen=True)
class SeasonStats:
    """Race-results statistics of a relation for one series and season."""

    series: str
    season: int
    starts: int
    wins: int = 0
    top5: int = 0
    top10: int = 0
    best_finish: int | None = None
    average_finish: float | None = None
    laps_led: int = 0
    car_numbers: tuple[str, ...] = ()

    def iri_for(self, assertion_iri: str) -> IRI:
        return IRI(f"{ID}season/" + digest(assertion_iri, self.series, self.season)[:32])


@dataclass
class Relation:
    """A relation between two entities with all the evidence for it."""

    subject: EntityRef
    predicate: str
    object: EntityRef
    evidence: list[Evidence] = field(default_factory=list)
    seasons: list[SeasonStats] = field(default_factory=list)

    def __post_init__(self):
        if self.predicate not in vocabulary().predicates:
            raise ValueError(f"unknown predicate {self.predicate!r}")

    @property
    def ends(self) -> tuple[EntityRef, EntityRef]:
        """Subject and object, in a canonical order for symmetric predicates."""
        if vocabulary().predicates[self.predicate].symmetric and self.object.iri < self.subject.iri:
            return self.object, self.subject
        return self.subject, self.object

    @property
    def iri(self) -> IRI:
        s, o = self.ends
        return IRI(f"{ID}assertion/" + digest(s.iri, self.predicate, o.iri)[:32])

    @property
    def confidence(self) -> float:
        return max((e.confidence for e in self.evidence), default=1.0)


@dataclass(frozen=True)
class Race:
    """One race of a series season, with its track and winner."""

    series: str
    season: int
    number: int
    name: str
    track: EntityRef | None = None
    winner: EntityRef | None = None

    @property
    def iri(self) -> IRI:
        return IRI(f"{ID}race/{slugify(self.series)}/{self.season}/{self.number}")


@dataclass
class GraphBatch:
    """Everything one write puts into a store."""

    entities: list[Entity] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    races: list[Race] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.entities) + len(self.documents) + len(self.relations) + len(self.races)

    def extend(self, other: "GraphBatch") -> None:
        self.entities.extend(other.entities)
        self.documents.extend(other.documents)
        self.relations.extend(other.relations)
        self.races.extend(other.races)

    def merged(self) -> "GraphBatch":
        """The batch with entities and relations of the same IRI merged into one."""
        voc = vocabulary()
        entities: dict[str, Entity] = {}
        for ent in self.entities:
            known = entities.get(ent.iri)
            if known is None:
                entities[ent.iri] = Entity(ent.name, ent.type, tuple(ent.aliases), ent.wikidata,
                                           dict(ent.properties))
                continue
            known.type = voc.preferred_type(known.type, ent.type)
            names = {known.name, *known.aliases}
            known.aliases += tuple(a for a in (ent.name, *ent.aliases) if a not in names)
            known.wikidata = known.wikidata or ent.wikidata
            for k, v in ent.properties.items():
                known.properties.setdefault(k, v)
        ends = [end for rel in self.relations for end in (rel.subject, rel.object)]
        ends += [EntityRef(st.series, "Series") for rel in self.relations for st in rel.seasons]
        ends += [ref for race in self.races
                 for ref in (EntityRef(race.series, "Series"), race.track, race.winner) if ref]
        for end in ends:  # everything a relation or race points to is an entity of the batch
            known = entities.get(end.iri)
            if known is None:
                entities[end.iri] = Entity(end.name, end.type)
            else:
                known.type = voc.preferred_type(known.type, end.type)
        relations: dict[str, Relation] = {}
        for rel in self.relations:
            known = relations.get(rel.iri)
            if known is None:
                relations[rel.iri] = Relation(rel.subject, rel.predicate, rel.object,
                                              list(rel.evidence), list(rel.seasons))
                continue
            known.evidence.extend(e for e in rel.evidence if e not in known.evidence)
            known.seasons.extend(s for s in rel.seasons if s not in known.seasons)
        documents = list({d.iri: d for d in self.documents}.values())
        races = list({r.iri: r for r in self.races}.values())
        return GraphBatch(list(entities.values()), documents, list(relations.values()), races)
