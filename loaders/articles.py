"""From read articles to graph batches: extraction results become entities and relations.

Each relation's evidence is the sentence the extractor found it in, with
offsets into the article. Registry knowledge joins in two ways: entities the
article mentions take the registry's aliases and identifiers, and the registry
facts that connect two entities of the article (for instance the make a team
fields) are added with the registry as their source.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from nascar_kg.graph.model import Document, Entity, EntityRef, Evidence, GraphBatch, Relation
from nascar_kg.ontology import read_text
from nascar_kg.ontology.registry import REGISTRY_FILE, Registry, fold, load_registry

_POSSESSIVE = re.compile(r"[’']s?$")


def registry_document() -> Document:
    """The registry as a source document, identified by the hash of its content."""
    sha = hashlib.sha256(read_text(REGISTRY_FILE).encode("utf-8")).hexdigest()
    return Document(sha, "nascar-kg reference registry", kind="reference",
                    title="nascar-kg reference registry")


def source_document(doc) -> Document:
    """The graph's record of a read article (a ``SourceDocument`` of the loaders)."""
    return Document(doc.sha256, doc.source, kind="article", title=doc.title, date=doc.date,
                    url=doc.url)


def registry_entity(entity, registry: Registry) -> Entity:
    """``entity`` completed with the registry's aliases, identifier and properties."""
    for known in registry.lookup(entity.name):
        if known.name == entity.name:
            aliases = tuple(dict.fromkeys((*entity.aliases, *known.aliases)))
            props = {k: v for k, v in known.properties.items() if k in {"length", "surface"}}
            return Entity(entity.name, entity.type, aliases, known.wikidata, props)
    return entity


def mention_aliases(name: str, mentions) -> tuple[str, ...]:
    """Surface forms of an entity other than its name, without possessive endings."""
    out = []
    for m in mentions:
        text = _POSSESSIVE.sub("", m.text).strip() if m.text.endswith(("’s", "'s", "’", "'")) else m.text
        text = text.strip()
        if text and fold(text) != fold(name) and text not in out:
            out.append(text)
    return tuple(out)


def article_batch(doc, extraction, extractor_name: str, extractor_version: str,
                  registry: Registry | None = None) -> GraphBatch:
    """The batch that ingesting ``doc`` with its ``extraction`` writes."""
    registry = registry or load_registry()
    document = source_document(doc)
    batch = GraphBatch(documents=[document])
    names = set()
    # the graph's name of each entity: the canonical one, not the document's spelling of
    # it ("AJ Allmendinger" is A.J. Allmendinger of the race results, one node)
    graph_name = {ent.name: ent.graph_name for ent in extraction.entities}
    for ent in extraction.entities:
        name = graph_name[ent.name]
        base = Entity(name, ent.type, mention_aliases(name, ent.mentions))
        batch.entities.append(registry_entity(base, registry))
        names.add(name)
    for rel in extraction.relations:
        evidence = Evidence(document, rel.evidence, rel.start, rel.end, float(rel.confidence),
                            extractor_name, extractor_version)
        subject = EntityRef(graph_name.get(rel.subject, rel.subject), rel.subject_type)
        obj = EntityRef(graph_name.get(rel.object, rel.object), rel.object_type)
        batch.relations.append(Relation(subject, rel.predicate, obj, [evidence]))
    batch.extend(registry_facts(names, registry))
    return batch


def registry_facts(names: set[str], registry: Registry | None = None) -> GraphBatch:
    """Registry facts among the entities named, with the registry as their evidence."""
    registry = registry or load_registry()
    facts = registry.facts_between(names)
    if not facts:
        return GraphBatch()
    source = registry_document()
    batch = GraphBatch(documents=[source])
    for fact in facts:
        subject, obj = registry.get(fact.subject), registry.get(fact.object)
        batch.entities += [registry_entity(Entity(e.name, e.type), registry) for e in (subject, obj)]
        evidence = Evidence(source, fact.describe(), None, None, 1.0, "registry", "1")
        batch.relations.append(Relation(EntityRef(subject.name, subject.type), fact.predicate,
                                        EntityRef(obj.name, obj.type), [evidence]))
    return batch


@dataclass
class IngestReport:
    """What an ingest read, wrote and could not read."""

    documents: int = 0
    entities: int = 0
    relations: int = 0
    errors: list[str] = field(default_factory=list)


def ingest(store, paths, extractor=None, on_error=None, on_document=None,
           progress: bool = False) -> IngestReport:
    """Read the articles at ``paths`` (files, folders, ``-``) into ``store``.

    A document that cannot be read is reported through ``on_error(message)`` and
    skipped; the others are still ingested.
    """
    from nascar_kg.loaders.documents import iter_documents

    items = iter_documents(paths)
    if progress:
        from tqdm import tqdm

        items = tqdm(items, unit="doc", desc="ingest", leave=False)
    return ingest_documents(store, items, extractor, on_error, on_document)


def ingest_documents(store, items, extractor=None, on_error=None,
                     on_document=None) -> IngestReport:
    """Ingest read documents; ``items`` may mix documents and the errors of unreadable ones.

    Documents are parsed in one stream (spaCy's ``nlp.pipe``) and each is written
    to the store as soon as it is extracted, in one write of its own.
    """
    from collections import deque

    from nascar_kg.loaders.extraction import EXTRACTOR_NAME, EXTRACTOR_VERSION, Extractor

    extractor = extractor or Extractor()
    report = IngestReport()
    pending = deque()

    def readable():
        for item in items:
            if isinstance(item, Exception):
                report.errors.append(str(item))
                if on_error:
                    on_error(str(item))
                continue
            pending.append(item)
            yield item

    for extraction in extractor.extract_many(readable()):
        doc = pending.popleft()
        summary = store.write(article_batch(doc, extraction, EXTRACTOR_NAME, EXTRACTOR_VERSION))
        report.documents += 1
        report.entities += summary.entities
        report.relations += summary.relations
        if on_document:
            on_document(doc, summary)
    return report
