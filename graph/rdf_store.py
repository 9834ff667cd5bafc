"""The embedded store: rdflib over Oxigraph, in a directory on disk.

Writes go to pyoxigraph in chunks, each chunk one transaction; reads go through
rdflib's ``Dataset`` backed by ``oxrdflib``, so SPARQL runs in Oxigraph and its
parameters are bound (``initBindings``), never pasted into query text.
Oxigraph locks the directory: a second writer gets :class:`StoreLockedError`
at once instead of hanging; readers can open it read-only beside a writer.
"""

from __future__ import annotations

import gc
import time
from pathlib import Path

import pyoxigraph as ox

from nascar_kg.errors import QueryError, StoreError, StoreLockedError
from nascar_kg.graph import store as base
from nascar_kg.graph.model import (
    IRI, Document, Entity, EntityRef, Evidence, GraphBatch, Race, Relation, SeasonStats,
)
from nascar_kg.graph.rdf import NAME, PREFIXES, TYPE, batch_chunks, nkg, relation_triples
from nascar_kg.graph.rdf import literal as rdf_literal
from nascar_kg.ontology import NS, vocabulary
from nascar_kg.ontology.registry import fold

CHUNK_QUADS = 50_000
EVIDENCE_VALUES = frozenset(nkg(p) for p in ("confidence", "extractor", "extractorVersion"))
"""Values of a piece of evidence that a later write of it replaces."""


class RDFStore(base.GraphStore):
    """The default backend: an Oxigraph database in a directory (``--db``)."""

    name = "rdf"
    query_language = "sparql"
    capabilities = frozenset({base.SPARQL, base.PERSISTENT, base.TRANSACTIONAL, base.RDF,
                              base.READ_ONLY_OPEN})

    def __init__(self, path: str | Path | None, read_only: bool = False,
                 chunk_quads: int = CHUNK_QUADS):
        self.path = Path(path) if path is not None else None
        self._empty_path = path is not None and not str(path).strip()  # Path("") is "."
        self.read_only = read_only
        self.chunk_quads = chunk_quads
        self._ox: ox.Store | None = None
        self._dataset = None

    @classmethod
    def from_settings(cls, settings, read_only: bool = False) -> "RDFStore":
        return cls(settings.db, read_only=read_only, chunk_quads=settings.batch_size * 10)

    def describe(self) -> str:
        return str(self.path) if self.path is not None else "in-memory store"

    # -- lifecycle --------------------------------------------------------------
    def open(self) -> None:
        if self._ox is not None:
            return
        if self.path is None:
            self._ox = ox.Store()
            return
        if self._empty_path:
            raise StoreError("--db is empty; give a store directory")
        if self.path.exists() and not self.path.is_dir():
            raise StoreError(f"{self.path}: not a directory; --db names a store directory")
        if self.read_only:
            if not (self.path / "CURRENT").exists():
                raise StoreError(f"{self.path}: no store here yet (ingest or load-results first)")
            self._ox = self._open(ox.Store.read_only)
        else:
            try:
                self.path.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"{self.path}: cannot create the store directory "
                                 f"({exc.strerror or exc})") from None
            self._ox = self._open(ox.Store)

    def _open(self, opener) -> ox.Store:
        # A read-only open can race a writer's compaction (it reads a manifest
        # whose files are then replaced); trying again sees the new manifest.
        for attempt in range(5):
            try:
                return opener(str(self.path))
            except RuntimeError as exc:
                if not self.read_only or attempt == 4:
                    raise StoreError(f"{self.path}: cannot open the store ({exc})") from None
                time.sleep(0.05 * (attempt + 1))
            except OSError as exc:
                return self._open_failed(exc)
        raise AssertionError("unreachable")

    def _open_failed(self, exc: OSError):
        if "lock" in str(exc).lower():
            raise StoreLockedError(
                f"{self.path}: the store is open for writing in another process; "
                "wait for it to finish or use another --db") from None
        raise StoreError(f"{self.path}: cannot open the store ({exc})") from None

    def close(self) -> None:
        if self._ox is not None and not self.read_only and self.path is not None:
            self._ox.flush()
        # Oxigraph releases the directory when the last reference goes; rdflib's
        # objects hold references in cycles, so collect them now.
        self._dataset = None
        self._ox = None
        gc.collect()

    @property
    def ox_store(self) -> ox.Store:
        if self._ox is None:
            self.open()
        return self._ox

    @property
    def rdflib_graph(self):
        """The store as an rdflib ``Dataset`` whose default graph is the union of all graphs."""
        if self._dataset is None:
            import rdflib
            from oxrdflib import OxigraphStore

            self._dataset = rdflib.Dataset(store=OxigraphStore(store=self.ox_store),
                                           default_union=True)
            for prefix, ns in PREFIXES.items():
                self._dataset.bind(prefix, ns)
        return self._dataset

    # -- writing ----------------------------------------------------------------
    def write(self, batch: GraphBatch) -> base.WriteSummary:
        if self.read_only:
            raise StoreError(f"{self.describe()}: opened read-only")
        batch = batch.merged()
        self._reconcile(batch)
        self._replace_evidence_values(batch)
        store = self.ox_store
        for chunk in batch_chunks(batch, self.chunk_quads):
            store.extend(chunk)
        return base.WriteSummary(
            entities=len(batch.entities), relations=len(batch.relations),
            evidence=sum(len(r.evidence) for r in batch.relations),
            documents=len(batch.documents), races=len(batch.races))

    def _reconcile(self, batch: GraphBatch) -> None:
        """Keep one name and one type per entity across writes.

        The first name written stays the name (later spellings become aliases);
        of two types the ontology's precedence decides, and a losing stored type
        is replaced by the winner in one transaction, so a write cut off here never
        leaves an entity without a type.
        """
        voc = vocabulary()
        store = self.ox_store
        for entity in batch.entities:
            node = ox.NamedNode(entity.iri)
            stored_names = [q.object.value for q in store.quads_for_pattern(node, NAME, None)]
            if not stored_names:
                continue
            if entity.name != stored_names[0]:
                entity.aliases = tuple(dict.fromkeys((*entity.aliases, entity.name)))
                entity.name = stored_names[0]
            losers = []
            for quad in list(store.quads_for_pattern(node, TYPE, None)):
                stored_type = quad.object.value[len(NS):]
                if stored_type not in voc.entity_classes or stored_type == entity.type:
                    continue
                winner = voc.preferred_type(stored_type, entity.type)
                if winner != stored_type:
                    losers.append(quad)
                entity.type = winner
            if losers:
                winner_type = ox.Quad(node, TYPE, ox.NamedNode(NS + entity.type))
                replace_atomically(store, losers, [winner_type])

    def _replace_evidence_values(self, batch: GraphBatch) -> None:
        """Evidence stored already (same relation, document, offsets and text) takes the
        confidence and extractor version it is written with now, as in Neo4j.

        An article read again by a newer extractor gives the same evidence another
        confidence; added beside the old one, it would leave the evidence two. The
        old values go in the transaction that brings the new ones.
        """
        store = self.ox_store
        for rel in batch.relations:
            for ev in rel.evidence:
                node = ox.NamedNode(ev.iri_for(rel.iri))
                stored = [q for q in store.quads_for_pattern(node, None, None)
                          if q.predicate in EVIDENCE_VALUES]
                if not stored:
                    continue
                fresh = [ox.Quad(t.subject, t.predicate, t.object)
                         for t in relation_triples(Relation(rel.subject, rel.predicate,
                                                            rel.object, [ev]))
                         if t.subject == node and t.predicate in EVIDENCE_VALUES]
                stale = [q for q in stored if q not in fresh]
                if stale:
                    replace_atomically(store, stale, fresh)

    # -- reading ----------------------------------------------------------------
    def query(self, text: str, params: dict | None = None) -> list[dict]:
        """Run SPARQL in Oxigraph; ``params`` are bound as substitutions, never pasted.

        This is the engine the rdflib ``Dataset`` of :attr:`rdflib_graph` runs too;
        asking it directly spares converting every value through rdflib's terms.
        Oxigraph requires a bound variable to appear in the SELECT projection.
        """
        substitutions = {ox.Variable(k): literal_term(v) for k, v in (params or {}).items()}
        try:
            result = self.ox_store.query(text, prefixes=PREFIXES, use_default_graph_as_union=True,
                                         substitutions=substitutions)
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {exc}") from None
        if isinstance(result, ox.QueryBoolean):
            return [{"ask": bool(result)}]
        if isinstance(result, ox.QueryTriples):
            return [{"subject": _python(t.subject), "predicate": _python(t.predicate),
                     "object": _python(t.object)} for t in result]
        names = [v.value for v in result.variables]
        return [{n: _python(solution[i]) for i, n in enumerate(names)} for solution in result]

    def count_triples(self) -> int:
        return len(self.ox_store)

    def read_all(self) -> GraphBatch:
        return read_batch(self)


class MemoryStore(RDFStore):
    """The embedded store kept in memory only (for tests and one-off extraction)."""

    name = "memory"
    capabilities = frozenset({base.SPARQL, base.TRANSACTIONAL, base.RDF})

    def __init__(self, path=None, read_only: bool = False, chunk_quads: int = CHUNK_QUADS):
        super().__init__(None, read_only=False, chunk_quads=chunk_quads)

    @classmethod
    def from_settings(cls, settings, read_only: bool = False) -> "MemoryStore":
        return cls()


def replace_atomically(store: ox.Store, remove, add) -> None:
    """Remove the quads ``remove`` and add ``add`` in one transaction (one SPARQL update).

    pyoxigraph has no explicit transactions; an update request is applied whole
    or not at all, so a process killed meanwhile leaves the old state or the new.
    Items may be quads or N-Triples text of triples of the default graph.
    """
    def data(items) -> str:
        return " ".join(item if isinstance(item, str)
                        else f"{item.subject} {item.predicate} {item.object} ."
                        for item in items)

    operations = []
    if remove:
        operations.append(f"DELETE DATA {{ {data(remove)} }}")
    if add:
        operations.append(f"INSERT DATA {{ {data(add)} }}")
    if operations:
        store.update(" ;\n".join(operations))


_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {_XSD + t for t in ("integer", "int", "long", "short", "nonNegativeInteger",
                                 "positiveInteger", "negativeInteger", "nonPositiveInteger")}
_FLOATS = {_XSD + t for t in ("double", "float", "decimal")}


def literal_term(value):
    """A query parameter as an Oxigraph term: an :class:`IRI` or a typed literal."""
    if isinstance(value, IRI):
        return ox.NamedNode(value)
    return rdf_literal(value)


def _python(term):
    """An Oxigraph term as a plain Python value (IRIs as :class:`IRI`)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return IRI(term.value)
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        try:
            if datatype in _INTEGERS:
                return int(term.value)
            if datatype in _FLOATS:
                return float(term.value)
        except ValueError:
            return term.value
        if datatype == _XSD + "boolean":
            return term.value in ("true", "1")
        return term.value
    return str(term.value) if hasattr(term, "value") else str(term)


def read_batch(store: RDFStore) -> GraphBatch:
    """Read the whole graph back from an RDF store as a :class:`GraphBatch`.

    One simple query per property, joined here in dictionaries: Oxigraph answers
    a single triple pattern far faster than the many-way join with OPTIONALs
    that would describe a season record in one query.
    """
    voc = vocabulary()

    def column(prop: str) -> dict:
        """subject → object of every ``?s <prop> ?o`` (the first, for single values)."""
        out: dict = {}
        for row in store.query(f"SELECT ?s ?o WHERE {{ ?s {prop} ?o }}"):
            out.setdefault(row["s"], row["o"])
        return out

    def columns(prop: str) -> dict:
        """subject → all objects of ``?s <prop> ?o``, sorted."""
        out: dict = {}
        for row in store.query(f"SELECT ?s ?o WHERE {{ ?s {prop} ?o }}"):
            out.setdefault(row["s"], []).append(row["o"])
        return {k: sorted(v, key=str) for k, v in out.items()}

    types = columns("a")
    names = column("nkg:name")
    entities: dict[str, Entity] = {}
    wikidata, length, surface = column("nkg:wikidata"), column("nkg:length"), column("nkg:surface")
    aliases = columns("nkg:alias")
    for iri, type_iris in types.items():
        classes = [str(t)[len(NS):] for t in type_iris if str(t).startswith(NS)]
        classes = [c for c in classes if c in voc.entity_classes]
        if not classes or iri not in names:
            continue
        props = {k: col[iri] for k, col in (("length", length), ("surface", surface))
                 if iri in col}
        entities[iri] = Entity(names[iri], classes[0], tuple(aliases.get(iri, ())),
                               wikidata.get(iri), props)
    refs = {iri: e.ref for iri, e in entities.items()}

    documents: dict[str, Document] = {}
    sha, source, kind = column("nkg:sha256"), column("nkg:source"), column("nkg:kind")
    title, date, url = column("dcterms:title"), column("dcterms:date"), column("schema:url")
    for iri in sha:
        if iri in source:
            documents[iri] = Document(sha[iri], source[iri], kind.get(iri, "article"),
                                      _str(title.get(iri)), _str(date.get(iri)),
                                      _str(url.get(iri)))

    relations: dict[str, Relation] = {}
    subj, pred, obj = column("rdf:subject"), column("rdf:predicate"), column("rdf:object")
    for a, p in pred.items():
        name = str(p)[len(NS):]
        if name in voc.predicates and subj.get(a) in refs and obj.get(a) in refs:
            relations[a] = Relation(refs[subj[a]], name, refs[obj[a]])

    evidence_of = columns("nkg:evidence")
    ev_doc, ev_text, ev_conf = column("nkg:document"), column("nkg:text"), column("nkg:confidence")
    ev_start, ev_end = column("nkg:start"), column("nkg:end")
    ev_ex, ev_ver = column("nkg:extractor"), column("nkg:extractorVersion")
    for a, evs in evidence_of.items():
        rel = relations.get(a)
        if rel is None:
            continue
        for e in evs:
            doc = documents.get(ev_doc.get(e))
            if doc is None or e not in ev_text:
                continue
            rel.evidence.append(Evidence(doc, ev_text[e], ev_start.get(e), ev_end.get(e),
                                         float(ev_conf.get(e, 1.0)), ev_ex.get(e, ""),
                                         ev_ver.get(e, "")))

    records_of = columns("nkg:seasonRecord")
    series, season = column("nkg:series"), column("nkg:season")
    stats = {k: column(f"nkg:{k}") for k in ("starts", "wins", "top5", "top10", "lapsLed",
                                              "bestFinish", "averageFinish")}
    numbers = columns("nkg:carNumber")
    for a, records in records_of.items():
        rel = relations.get(a)
        if rel is None:
            continue
        for r in records:
            if series.get(r) not in refs or r not in season:
                continue
            rel.seasons.append(SeasonStats(
                refs[series[r]].name, season[r], stats["starts"].get(r, 0),
                stats["wins"].get(r, 0), stats["top5"].get(r, 0), stats["top10"].get(r, 0),
                stats["bestFinish"].get(r), stats["averageFinish"].get(r),
                stats["lapsLed"].get(r, 0), tuple(str(n) for n in numbers.get(r, ()))))

    races = []
    race_nodes = [iri for iri, t in types.items() if any(str(x) == NS + "Race" for x in t)]
    number, track, winner = column("nkg:raceNumber"), column("nkg:track"), column("nkg:winner")
    for r in race_nodes:
        if series.get(r) in refs and r in season and r in number and r in names:
            races.append(Race(refs[series[r]].name, season[r], number[r], names[r],
                              refs.get(track.get(r)), refs.get(winner.get(r))))
    return GraphBatch(list(entities.values()), list(documents.values()),
                      list(relations.values()), races)


def _str(value) -> str | None:
    return None if value is None else str(value)
