"""The fast write path of race results into the embedded Oxigraph store.

The results of all three series are about 180,000 rows and 750,000 triples.
Building a pyoxigraph ``Quad`` costs about 2 µs in Python, as much as storing
it, so this module writes the very triples that :mod:`nascar_kg.graph.rdf`
makes of the same :class:`~nascar_kg.graph.model.GraphBatch` (a test checks
that they are equal) as N-Triples text instead, and hands it to Oxigraph's bulk
loader in large chunks, where parsing happens in Rust, outside the GIL: while
Python makes the next chunk, two threads load the previous ones.

A load is not one transaction, but it is cut off only between whole pieces:
each chunk is applied whole by the bulk loader (its files are ingested at once),
a chunk never splits an entity or a relation with its evidence and season
records, and every document and entity is stored before the first relation or
race that points to it. So a load interrupted half-way (even by SIGKILL) leaves
a store that validates, holding part of the results; loading the same files
again completes it, since every IRI is derived from content.

When the store already holds data, three things are reconciled first, as
:meth:`RDFStore.write` does: an entity keeps the name it was first stored under
(other spellings become aliases) and the type that wins by the ontology's
precedence; and the values of season records, races and track properties that
the new load gives are replaced rather than added to, so loading a newer
snapshot of the same series updates the statistics. Each of these changes is
one transaction per entity or subject (old values out, new values in).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from hashlib import sha256

from nascar_kg.graph.model import Document, Entity, GraphBatch, Race, Relation, entity_iri
from nascar_kg.graph.rdf import DCT, RDF_NS, SCHEMA, XSD
from nascar_kg.ontology import ID, NS, vocabulary
from nascar_kg.ontology.registry import fold

CHUNK_PARTS = 40_000
"""Pieces of text (one to nine triples each) handed to the bulk loader at once."""
REPLACE_BATCH = 20_000
"""Triples removed and added per transaction when a load replaces stored values."""

_ESCAPES = {ord("\\"): "\\\\", ord('"'): '\\"', ord("\n"): "\\n", ord("\r"): "\\r",
            ord("\t"): "\\t", ord("\b"): "\\b", ord("\f"): "\\f"}
_ESCAPES.update({c: f"\\u{c:04X}" for c in [*range(0x20), 0x7F] if c not in _ESCAPES})

_SPECIAL = re.compile('[\\x00-\\x1f"\\\\\\x7f]')

_INT = f"^^<{XSD}integer>"
_DOUBLE = f"^^<{XSD}double>"


def _iri(value: str) -> str:
    return f"<{value}>"


def _p(local: str) -> str:
    return f"<{NS}{local}>"


TYPE = _iri(RDF_NS + "type")
R_SUBJECT, R_PREDICATE, R_OBJECT = (_iri(RDF_NS + x) for x in ("subject", "predicate", "object"))
NAME, ALIAS, KEY, WIKIDATA = _p("name"), _p("alias"), _p("key"), _p("wikidata")
TITLE, DATE, URL = _iri(DCT + "title"), _iri(DCT + "date"), _iri(SCHEMA + "url")
(EVIDENCE, DOCUMENT, TEXT, CONFIDENCE, START, END, EXTRACTOR, EXTRACTOR_VERSION, SEASON_RECORD,
 SERIES, SEASON, STARTS, WINS, TOP5, TOP10, LAPS_LED, BEST, AVERAGE, CAR, RACE_NUMBER, TRACK,
 WINNER, LENGTH, SURFACE, SHA256, SOURCE, KIND) = (_p(x) for x in (
    "evidence", "document", "text", "confidence", "start", "end", "extractor",
    "extractorVersion", "seasonRecord", "series", "season", "starts", "wins", "top5", "top10",
    "lapsLed", "bestFinish", "averageFinish", "carNumber", "raceNumber", "track", "winner",
    "length", "surface", "sha256", "source", "kind"))

REPLACED = {
    "SeasonRecord": (SERIES, SEASON, STARTS, WINS, TOP5, TOP10, LAPS_LED, BEST, AVERAGE, CAR),
    "Race": (NAME, SERIES, SEASON, RACE_NUMBER, TRACK, WINNER),
    "Track": (LENGTH, SURFACE),
}
"""Predicates whose stored values a new load replaces, by kind of subject."""


def text_literal(value: str) -> str:
    """A string literal in N-Triples syntax.

    >>> print(text_literal('He said "go"\\n'))
    "He said \\"go\\"\\n"
    """
    if _SPECIAL.search(value) is None:
        return f'"{value}"'
    return '"' + value.translate(_ESCAPES) + '"'


def literal(value) -> str:
    """A literal as :func:`nascar_kg.graph.rdf.literal` makes it, in N-Triples syntax."""
    if isinstance(value, bool):
        return f'"{str(value).lower()}"^^<{XSD}boolean>'
    if isinstance(value, int):
        return f'"{value}"{_INT}'
    if isinstance(value, float):
        return f'"{value!r}"{_DOUBLE}'
    return text_literal(str(value))


class _Terms:
    """Caches of the IRIs and literals that repeat."""

    def __init__(self):
        voc = vocabulary()
        self.kinds = {t: voc.iri_kind(t) for t in voc.entity_types}
        self.types = {t: _p(t) for t in [*voc.entity_types, "Document", "Assertion", "Evidence",
                                          "SeasonRecord", "Race"]}
        self.predicates = {p: _p(p) for p in voc.predicate_names}
        self._entity: dict[tuple[str, str], str] = {}
        self.ints = _IntLiterals()

    def entity(self, name: str, type_: str) -> str:
        key = (name, self.kinds[type_])
        iri = self._entity.get(key)
        if iri is None:
            iri = self._entity[key] = _iri(entity_iri(name, type_))
        return iri



class _IntLiterals(dict):
    """xsd:integer literals in N-Triples syntax, made once per value."""

    def __missing__(self, value: int) -> str:
        text = self[value] = f'"{value}"{_INT}'
        return text


def entity_lines(entity: Entity, t: _Terms, out: list) -> None:
    node = t.entity(entity.name, entity.type)
    out.append(f"{node} {TYPE} {t.types[entity.type]} .\n")
    out.append(f"{node} {NAME} {text_literal(entity.name)} .\n")
    keys = {fold(entity.name)}
    for alias in entity.aliases:
        if alias != entity.name:
            out.append(f"{node} {ALIAS} {text_literal(alias)} .\n")
            keys.add(fold(alias))
    for key in keys:
        out.append(f"{node} {KEY} {text_literal(key)} .\n")
    if entity.wikidata:
        out.append(f"{node} {WIKIDATA} {text_literal(entity.wikidata)} .\n")
    for prop, value in entity.properties.items():
        if prop in {"length", "surface"} and value not in (None, ""):
            out.append(f"{node} {_p(prop)} {literal(value)} .\n")


def document_lines(doc: Document, t: _Terms, out: list) -> None:
    node = _iri(doc.iri)
    out.append(f"{node} {TYPE} {t.types['Document']} .\n")
    out.append(f"{node} {SHA256} {text_literal(doc.sha256)} .\n")
    out.append(f"{node} {SOURCE} {text_literal(doc.source)} .\n")
    out.append(f"{node} {KIND} {text_literal(doc.kind)} .\n")
    for prop, value in ((TITLE, doc.title), (DATE, doc.date), (URL, doc.url)):
        if value:
            out.append(f"{node} {prop} {text_literal(value)} .\n")


def relation_lines(rel: Relation, t: _Terms, out: list) -> None:
    s_ref, o_ref = rel.ends
    s, o = t.entity(s_ref.name, s_ref.type), t.entity(o_ref.name, o_ref.type)
    p = t.predicates[rel.predicate]
    iri = f"{ID}assertion/" + _digest(s[1:-1], rel.predicate, o[1:-1])[:32]
    a = f"<{iri}>"
    out.append(f"{s} {p} {o} .\n"
               f"{a} {TYPE} {t.types['Assertion']} .\n"
               f"{a} {R_SUBJECT} {s} .\n"
               f"{a} {R_PREDICATE} {p} .\n"
               f"{a} {R_OBJECT} {o} .\n")
    evidence_type = t.types["Evidence"]
    for ev in rel.evidence:
        e = f"<{ID}evidence/" + _digest(iri, ev.document.sha256, ev.start, ev.end,
                                         ev.text)[:32] + ">"
        out.append(f"{a} {EVIDENCE} {e} .\n"
                   f"{e} {TYPE} {evidence_type} .\n"
                   f"{e} {DOCUMENT} <{ev.document.iri}> .\n"
                   f"{e} {TEXT} {text_literal(ev.text)} .\n"
                   f"{e} {CONFIDENCE} {literal(float(ev.confidence))} .\n")
        if ev.start is not None:
            out.append(f"{e} {START} {t.ints[int(ev.start)]} .\n"
                       f"{e} {END} {t.ints[int(ev.end)]} .\n")
        if ev.extractor:
            out.append(f"{e} {EXTRACTOR} {text_literal(ev.extractor)} .\n"
                       f"{e} {EXTRACTOR_VERSION} {text_literal(ev.extractor_version)} .\n")
    record_type = t.types["SeasonRecord"]
    ints = t.ints
    for st in rel.seasons:
        r = f"<{ID}season/" + _digest(iri, st.series, st.season)[:32] + ">"
        out.append(f"{a} {SEASON_RECORD} {r} .\n"
                   f"{r} {TYPE} {record_type} .\n"
                   f"{r} {SERIES} {t.entity(st.series, 'Series')} .\n"
                   f"{r} {SEASON} {ints[st.season]} .\n"
                   f"{r} {STARTS} {ints[st.starts]} .\n"
                   f"{r} {WINS} {ints[st.wins]} .\n"
                   f"{r} {TOP5} {ints[st.top5]} .\n"
                   f"{r} {TOP10} {ints[st.top10]} .\n"
                   f"{r} {LAPS_LED} {ints[st.laps_led]} .\n")
        if st.best_finish is not None:
            out.append(f"{r} {BEST} {ints[st.best_finish]} .\n")
        if st.average_finish is not None:
            out.append(f"{r} {AVERAGE} {literal(float(st.average_finish))} .\n")
        for number in st.car_numbers:
            out.append(f"{r} {CAR} {text_literal(number)} .\n")


def _digest(*parts) -> str:
    """:func:`nascar_kg.graph.model.digest` in one call to SHA-256 (same bytes, same digest)."""
    return sha256("".join(f"{part}\x1f" for part in parts).encode("utf-8")).hexdigest()


def race_lines(race: Race, t: _Terms, out: list) -> None:
    node = _iri(race.iri)
    out.append(f"{node} {TYPE} {t.types['Race']} .\n")
    out.append(f"{node} {NAME} {text_literal(race.name)} .\n")
    out.append(f"{node} {SERIES} {t.entity(race.series, 'Series')} .\n")
    out.append(f"{node} {SEASON} {t.ints[race.season]} .\n")
    out.append(f"{node} {RACE_NUMBER} {t.ints[race.number]} .\n")
    if race.track is not None:
        out.append(f"{node} {TRACK} {t.entity(race.track.name, race.track.type)} .\n")
    if race.winner is not None:
        out.append(f"{node} {WINNER} {t.entity(race.winner.name, race.winner.type)} .\n")


def ntriples_chunks(batch: GraphBatch, chunk_parts: int | None = None) -> Iterator[bytes]:
    """The triples of ``batch`` (as :mod:`nascar_kg.graph.rdf` makes them) as N-Triples chunks.

    The batch is written as it is; merge it first if it may hold duplicates.
    """
    chunk_parts = chunk_parts or CHUNK_PARTS
    t = _Terms()
    out: list[str] = []
    groups = [(document_lines, batch.documents), (entity_lines, batch.entities),
              (relation_lines, batch.relations), (race_lines, batch.races)]
    for to_lines, items in groups:
        for item in items:
            to_lines(item, t, out)
            if len(out) >= chunk_parts:
                yield "".join(out).encode("utf-8")
                out = []
    if out:
        yield "".join(out).encode("utf-8")


# ---------------------------------------------------------------------- the store
def is_empty(ox_store) -> bool:
    return next(iter(ox_store.quads_for_pattern(None, None, None)), None) is None


def existing_names(ox_store) -> list[tuple[str, str, str]]:
    """(iri kind, name, folded key) of every entity stored, for name resolution."""
    import pyoxigraph as ox

    names = {q.subject.value: q.object.value
             for q in ox_store.quads_for_pattern(None, ox.NamedNode(NS + "name"), None)}
    out = []
    for quad in ox_store.quads_for_pattern(None, ox.NamedNode(NS + "key"), None):
        iri = quad.subject.value
        if not iri.startswith(ID) or iri not in names:
            continue
        kind = iri[len(ID):].split("/", 1)[0]
        out.append((kind, names[iri], quad.object.value))
    return out


def _replace_stale_values(ox_store, batch: GraphBatch) -> int:
    """Remove stored values of season records, races and tracks that this batch changes."""
    import pyoxigraph as ox

    t = _Terms()
    wanted: dict[str, tuple[set, set]] = {}   # subject IRI -> (predicates, new triples)

    def collect(pieces: list, predicates: tuple) -> None:
        for line in "".join(pieces).splitlines():
            subject, predicate, rest = line.split(" ", 2)
            if predicate in predicates:
                entry = wanted.setdefault(subject[1:-1], (set(predicates), set()))
                entry[1].add((predicate, rest[:-2]))

    for rel in batch.relations:
        lines: list[str] = []
        relation_lines(Relation(rel.subject, rel.predicate, rel.object, [], rel.seasons), t, lines)
        collect([ln for ln in "".join(lines).splitlines(keepends=True)
                 if not ln.startswith(f"<{ID}assertion/")], REPLACED["SeasonRecord"])
    for race in batch.races:
        lines = []
        race_lines(race, t, lines)
        collect(lines, REPLACED["Race"])
    for entity in batch.entities:
        if entity.type == "Track":
            lines = []
            entity_lines(entity, t, lines)
            collect(lines, REPLACED["Track"])
    from nascar_kg.graph.rdf_store import replace_atomically

    removed, stale, fresh = 0, [], []
    for subject, (predicates, new) in wanted.items():
        old = [quad for quad in ox_store.quads_for_pattern(ox.NamedNode(subject), None, None)
               if str(quad.predicate) in predicates
               and (str(quad.predicate), str(quad.object)) not in new]
        if not old:
            continue
        # a subject's old values go in the transaction that brings its new ones, so a
        # load cut off here never leaves a season record or a race without its values
        stale += old
        fresh += [f"<{subject}> {predicate} {value} ." for predicate, value in sorted(new)]
        if len(stale) + len(fresh) >= REPLACE_BATCH:
            replace_atomically(ox_store, stale, fresh)
            removed, stale, fresh = removed + len(stale), [], []
    replace_atomically(ox_store, stale, fresh)
    return removed + len(stale)


def write_results(store, graph, progress: bool = False, writers: int | None = None) -> int:
    """Write a :class:`~nascar_kg.loaders.results.ResultsGraph` into an :class:`RDFStore`.

    Text is made in this thread while ``writers`` threads (two by default, one on a
    single CPU) hand the chunks made so far to Oxigraph's bulk loader, which
    releases the GIL; the bulk loader appends, so chunks may land in any order.
    Documents and entities are all loaded before the first relation or race.
    The text is made here, from IRIs of this package, so it is parsed leniently.
    Returns the number of triples handed to the store.
    """
    import os
    import queue
    import threading

    import pyoxigraph as ox

    ox_store = store.ox_store
    batch = graph.to_batch()
    if not is_empty(ox_store):
        store._reconcile(batch)   # the store's own rule for names and types
        _replace_stale_values(ox_store, batch)
    if writers is None:
        writers = 2 if (os.cpu_count() or 1) > 1 else 1
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(desc="write", unit=" triples", unit_scale=True, leave=False)
    pending: queue.Queue = queue.Queue(maxsize=writers + 1)
    failure: list[BaseException] = []
    written = [0]
    lock = threading.Lock()

    def writer() -> None:
        while True:
            chunk = pending.get()
            try:
                if chunk is None:
                    return
                if failure:
                    continue  # drain after an error
                try:
                    ox_store.bulk_load(chunk, format=ox.RdfFormat.N_TRIPLES, lenient=True)
                except BaseException as exc:  # reported in the calling thread
                    failure.append(exc)
                    continue
                lines = chunk.count(b"\n")
                with lock:
                    written[0] += lines
                    if bar is not None:
                        bar.update(lines)
            finally:
                pending.task_done()

    threads = [threading.Thread(target=writer, name=f"nascar-kg-bulk-load-{i}", daemon=True)
               for i in range(writers)]
    for thread in threads:
        thread.start()
    try:
        # Each bulk load is applied whole, but they land in any order: everything
        # that relations and races point to (documents, entities) is stored first,
        # so a load cut off at any moment leaves no relation without its ends.
        for phase in (GraphBatch(batch.entities, batch.documents),
                      GraphBatch(relations=batch.relations, races=batch.races)):
            for chunk in ntriples_chunks(phase):
                if failure:
                    break
                pending.put(chunk)
            pending.join()
    finally:
        for _ in threads:
            pending.put(None)
        for thread in threads:
            thread.join()
        if bar is not None:
            bar.close()
    if failure:
        raise failure[0]
    return written[0]
