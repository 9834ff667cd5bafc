"""The nascar-kg model: entity classes and relation predicates, read from ``nascar.ttl``.

The Turtle file is the single source of truth. Everything else (the extractor's
types, SHACL shapes, Neo4j labels, colors in visualizations, exports) asks this
module, so adding a class or a predicate is a change to one file.

Examples
--------
>>> from nascar_kg.ontology import vocabulary
>>> voc = vocabulary()
>>> [c.name for c in voc.entity_classes.values()][:3]
['Driver', 'CrewChief', 'Person']
>>> voc.predicates["owns"].parent
'affiliated_with'
>>> voc.coarse("crew_chief_for")
'affiliated_with'
>>> voc.predicates["feuded_with"].symmetric
True
>>> voc.is_a("Driver", "Person")
True
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

NS = "https://w3id.org/nascar-kg/ontology#"
"""Namespace of the vocabulary's classes and properties."""
ID = "https://w3id.org/nascar-kg/id/"
"""Namespace of the graph's entity, document and assertion IRIs."""

ONTOLOGY_FILE = "nascar.ttl"
SHAPES_FILE = "shapes.ttl"


@dataclass(frozen=True)
class EntityClass:
    """One class of entity (Driver, Team, ...) as the ontology declares it."""

    name: str
    iri: str
    label: str
    comment: str
    parents: tuple[str, ...]
    iri_kind: str
    precedence: int
    color: str
    shape: str
    order: int


@dataclass(frozen=True)
class Predicate:
    """One relation predicate as the ontology declares it."""

    name: str
    iri: str
    label: str
    comment: str
    parent: str | None
    symmetric: bool
    domain: tuple[str, ...]
    range: tuple[str, ...]
    color: str
    order: int

    @property
    def cypher_type(self) -> str:
        """Relationship type of this predicate in the property graph (``DROVE_FOR``)."""
        return self.name.upper()


class Vocabulary:
    """The entity classes and predicates of the ontology, with lookups between them."""

    def __init__(self, entity_classes: list[EntityClass], predicates: list[Predicate]):
        self.entity_classes = {c.name: c for c in sorted(entity_classes, key=lambda c: c.order)}
        self.predicates = {p.name: p for p in sorted(predicates, key=lambda p: p.order)}
        self._by_iri = {c.iri: c.name for c in entity_classes} | {p.iri: p.name for p in predicates}

    @property
    def entity_types(self) -> list[str]:
        return list(self.entity_classes)

    @property
    def predicate_names(self) -> list[str]:
        return list(self.predicates)

    def name_of(self, iri: str) -> str:
        """Local name of a class or predicate IRI of the vocabulary."""
        return self._by_iri[iri]

    def ancestors(self, class_name: str) -> list[str]:
        """The class and all its superclasses among the entity classes, nearest first."""
        seen, todo = [], [class_name]
        while todo:
            name = todo.pop(0)
            if name in seen or name not in self.entity_classes:
                continue
            seen.append(name)
            todo.extend(self.entity_classes[name].parents)
        return seen

    def is_a(self, class_name: str, ancestor: str) -> bool:
        return ancestor in self.ancestors(class_name)

    def coarse(self, predicate: str) -> str:
        """The top-level predicate that ``predicate`` is a kind of (itself if none)."""
        while self.predicates[predicate].parent:
            predicate = self.predicates[predicate].parent
        return predicate

    def accepts(self, predicate: str, subject_type: str, object_type: str) -> bool:
        """Whether the predicate's domain and range admit these entity types."""
        pred = self.predicates[predicate]

        def fits(type_name: str, allowed: tuple[str, ...]) -> bool:
            return not allowed or any(self.is_a(type_name, a) for a in allowed)

        if fits(subject_type, pred.domain) and fits(object_type, pred.range):
            return True
        return pred.symmetric and fits(object_type, pred.domain) and fits(subject_type, pred.range)

    def iri_kind(self, class_name: str) -> str:
        return self.entity_classes[class_name].iri_kind

    def preferred_type(self, a: str, b: str) -> str:
        """Of two types given to one entity, the one that wins (Driver over Person)."""
        return a if self.entity_classes[a].precedence >= self.entity_classes[b].precedence else b


def read_text(filename: str) -> str:
    """Text of a data file shipped in this package (the ontology, shapes, registry)."""
    return resources.files(__name__).joinpath(filename).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def ontology_graph():
    """The ontology as an :class:`rdflib.Graph`."""
    import rdflib

    return rdflib.Graph().parse(data=read_text(ONTOLOGY_FILE), format="turtle")


def _classes_in(graph, node) -> tuple[str, ...]:
    """Local names of a class or of an owl:unionOf of classes."""
    from rdflib import OWL, RDF
    from rdflib.collection import Collection

    union = graph.value(node, OWL.unionOf)
    members = list(Collection(graph, union)) if union is not None else [node]
    names = tuple(str(m)[len(NS):] for m in members if str(m).startswith(NS))
    return tuple(n for n in names if n != "Entity")


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The vocabulary, read once from the ontology file."""
    from rdflib import OWL, RDF, RDFS, Namespace

    nkg = Namespace(NS)
    g = ontology_graph()

    def text(node, prop, default=""):
        value = g.value(node, prop)
        return str(value) if value is not None else default

    classes = []
    for node in g.subjects(RDF.type, nkg.EntityClass):
        parents = tuple(
            str(p)[len(NS):] for p in g.objects(node, RDFS.subClassOf) if str(p).startswith(NS)
        )
        classes.append(EntityClass(
            name=str(node)[len(NS):], iri=str(node), label=text(node, RDFS.label),
            comment=text(node, RDFS.comment), parents=tuple(p for p in parents if p != "Entity"),
            iri_kind=text(node, nkg.iriKind), precedence=int(text(node, nkg.typePrecedence, "0")),
            color=text(node, nkg.color, "#999999"), shape=text(node, nkg.shape, "dot"),
            order=int(text(node, nkg.order, "99")),
        ))
    predicates = []
    for node in g.subjects(RDF.type, nkg.RelationPredicate):
        parents = [p for p in g.objects(node, RDFS.subPropertyOf) if str(p).startswith(NS)]
        domain, range_ = g.value(node, RDFS.domain), g.value(node, RDFS.range)
        predicates.append(Predicate(
            name=str(node)[len(NS):], iri=str(node), label=text(node, RDFS.label),
            comment=text(node, RDFS.comment),
            parent=str(parents[0])[len(NS):] if parents else None,
            symmetric=(node, RDF.type, OWL.SymmetricProperty) in g,
            domain=_classes_in(g, domain) if domain is not None else (),
            range=_classes_in(g, range_) if range_ is not None else (),
            color=text(node, nkg.color, "#999999"), order=int(text(node, nkg.order, "99")),
        ))
    return Vocabulary(classes, predicates)
