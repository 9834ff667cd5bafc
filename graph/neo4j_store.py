"""The Neo4j backend: the graph in a Neo4j database (or any Bolt server that speaks Cypher).

Uses the official ``neo4j`` driver. Opening checks the server, the credentials
and the database at once and creates the uniqueness constraints (``IF NOT
EXISTS``) before the first write. Writes are ``UNWIND $rows ...`` statements in
chunks of ``batch_size`` rows, each chunk one managed transaction
(``execute_write``) that the driver retries on transient errors for
``retry_seconds`` (env ``NASCAR_KG_NEO4J_RETRY_SECONDS``, default 15); a relation,
its evidence and its season records are never split between chunks. Within a
chunk the transaction first reads which IRIs exist, then ``CREATE``s the new nodes
with the relationships that hang them in the graph and ``SET``s only values that
changed (documents are ``MERGE``d), so writing (or pushing) the same data twice
reads and changes nothing, and a write cut off between chunks completes, without
duplicates, when run again. The property-graph model is described in
:mod:`nascar_kg.graph.neo4j_schema`.

Errors: a server that cannot be reached, refused credentials, an unknown
database or a connection lost mid-write raise
:class:`~nascar_kg.errors.BackendUnavailableError` (exit 3) with the URI and
never the password; a query the server rejects raises
:class:`~nascar_kg.errors.QueryError`.

Node labels are changed in transactions of their own, at most one change per
node per transaction (some Bolt servers, ArcadeDB among them, re-create a node
to relabel it and check its unique key inside the transaction).
"""

from __future__ import annotations

import logging
import os
import random
import time
from collections import defaultdict
from urllib.parse import urlsplit, urlunsplit

from nascar_kg.errors import BackendUnavailableError, QueryError, StoreError, UsageError
from nascar_kg.graph import neo4j_schema as cy
from nascar_kg.graph import store as base
from nascar_kg.graph.model import (
    Document, Entity, Evidence, GraphBatch, Race, Relation, SeasonStats, entity_iri,
)
from nascar_kg.ontology import vocabulary
from nascar_kg.ontology.registry import fold

DEFAULT_BATCH_SIZE = 5000
DEFAULT_RETRY_SECONDS = 15.0
BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
RETRY_ENV = "NASCAR_KG_NEO4J_RETRY_SECONDS"
"""Environment variable: how long the driver retries a transaction on transient errors."""

PROBE_DELAY = 1.0
CONFLICT_ATTEMPTS = 12
"""Attempts of a chunk that meets nodes another writer created at the same time."""
CONFLICT_PAUSE = 0.05
"""Seconds; the pause before attempt k+1 is random, up to k times this."""
SCHEMA_RACE_CODES = frozenset({"Neo.ClientError.Statement.SemanticError"})
SCHEMA_RACE_ATTEMPTS = 3
"""Statement errors tried again per chunk (see :meth:`Neo4jStore._write_chunk`)."""
WRITE_CUT = ("write cut off (the chunks committed before stay; writing again completes it, "
             "without duplicates)")

logging.getLogger("neo4j").addHandler(logging.NullHandler())  # no retry chatter on stderr


def safe_uri(uri: str) -> str:
    """The URI without any password in it, for messages.

    >>> safe_uri("neo4j://bob:secret@db.example:7687")
    'neo4j://bob@db.example:7687'
    >>> safe_uri("bolt://localhost:7687")
    'bolt://localhost:7687'
    """
    try:
        parts = urlsplit(uri)
    except ValueError:
        return "<unparseable URI>"
    if parts.password is None:
        return uri
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    netloc = f"{parts.username}@{host}" if parts.username else host
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def one_line(text: str, limit: int = 300) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


class Neo4jStore(base.GraphStore):
    """The graph in Neo4j (``--backend neo4j``), reached over Bolt."""

    name = "neo4j"
    query_language = "cypher"
    capabilities = frozenset({base.CYPHER, base.PERSISTENT, base.TRANSACTIONAL,
                              base.READ_ONLY_OPEN})

    def __init__(self, uri: str = "bolt://localhost:7687", user: str = "neo4j",
                 password: str | None = None, database: str | None = "neo4j",
                 read_only: bool = False, batch_size: int = DEFAULT_BATCH_SIZE,
                 retry_seconds: float | None = None, connection_timeout: float = 10.0):
        if batch_size < 1:
            raise UsageError("the batch size must be at least 1")
        self.uri = uri
        self.user = user
        self._password = password
        self.database = database or None
        self.read_only = read_only
        self.batch_size = batch_size
        if retry_seconds is None:
            retry_seconds = float(os.environ.get(RETRY_ENV, DEFAULT_RETRY_SECONDS))
        self.retry_seconds = retry_seconds
        self.connection_timeout = connection_timeout
        self._driver = None
        self._session = None

    @classmethod
    def from_settings(cls, settings, read_only: bool = False) -> "Neo4jStore":
        extra = getattr(settings, "extra", None) or {}
        return cls(settings.neo4j_uri, settings.neo4j_user, settings.neo4j_password,
                   settings.neo4j_database, read_only=read_only,
                   batch_size=int(extra.get("neo4j_batch_size") or settings.batch_size
                                  or DEFAULT_BATCH_SIZE),
                   retry_seconds=extra.get("neo4j_retry_seconds"))

    def describe(self) -> str:
        where = safe_uri(self.uri)
        return f"{where} (database {self.database})" if self.database else where

    def __repr__(self) -> str:
        return f"<Neo4jStore {self.describe()}>"

    # -- lifecycle --------------------------------------------------------------
    def open(self) -> None:
        if self._session is not None:
            return
        import neo4j
        from neo4j import exceptions as nx

        auth = (self.user, self._password) if self._password is not None else None
        scheme = self.uri.partition("://")[0].lower()
        if scheme not in BOLT_SCHEMES:
            raise UsageError(f"{safe_uri(self.uri)}: not a Bolt URI; use bolt://HOST:PORT or "
                             "neo4j://HOST:PORT (+s or +ssc for TLS)")
        try:
            self._driver = neo4j.GraphDatabase.driver(
                self.uri, auth=auth, max_transaction_retry_time=self.retry_seconds,
                connection_timeout=self.connection_timeout, user_agent="nascar-kg")
        except (nx.ConfigurationError, ValueError) as exc:
            raise UsageError(f"{safe_uri(self.uri)}: not a usable Neo4j URI ({one_line(exc)}); "
                             "use bolt://HOST:PORT or neo4j://HOST:PORT") from None
        mode = neo4j.READ_ACCESS if self.read_only else neo4j.WRITE_ACCESS
        self._session = self._driver.session(database=self.database, default_access_mode=mode)
        try:
            # auto-commit, so an unreachable server fails now instead of after retries
            list(self._session.run("RETURN 1 AS ok"))
            if not self.read_only:
                for statement in cy.constraint_statements():
                    self._session.run(statement).consume()
        except Exception as exc:
            self.close()
            raise self._unavailable(exc, "cannot use the database") from None

    def close(self) -> None:
        session, driver = self._session, self._driver
        self._session = self._driver = None
        for thing in (session, driver):
            if thing is not None:
                try:
                    thing.close()
                except Exception:  # closing after a lost connection
                    pass

    @property
    def session(self):
        if self._session is None:
            self.open()
        return self._session

    def _unavailable(self, exc: Exception, doing: str) -> Exception:
        """The error for ``exc``: BackendUnavailableError (exit 3) unless it is the query's fault.

        A statement the server rejects as such (syntax, semantics, a missing
        parameter) is a :class:`QueryError`; every other failure means the backend
        could not do its work (down, going down, refusing writes).
        """
        from neo4j import exceptions as nx

        where = self.describe()
        code = getattr(exc, "code", None) or ""
        if isinstance(exc, nx.AuthError) or "Security.Unauthorized" in code:
            return BackendUnavailableError(
                f"{where}: authentication failed for user {self.user!r} "
                "(check --neo4j-user/--neo4j-password or NEO4J_USERNAME/NEO4J_PASSWORD)")
        if "DatabaseNotFound" in code or "Database.DatabaseNotFound" in code:
            return BackendUnavailableError(
                f"{where}: no database named {self.database!r} on this server "
                "(check --neo4j-database or NEO4J_DATABASE)")
        reason = one_line(getattr(exc, "message", None) or exc, 200)
        if code.startswith("Neo.ClientError.Statement.") or isinstance(exc, nx.CypherSyntaxError):
            return QueryError(f"{where}: {doing}: {reason}")  # the query's fault, not the server's
        if isinstance(exc, (nx.ServiceUnavailable, nx.SessionExpired, OSError)):
            return BackendUnavailableError(f"{where}: {doing}: server unreachable ({reason})")
        # anything else the server answered (shutting down, out of memory, read-only...)
        detail = f"{code}: {reason}" if code and code not in reason else reason
        return BackendUnavailableError(f"{where}: {doing}: {detail}")

    # -- running ----------------------------------------------------------------
    def _execute(self, work, *args, write: bool = True, doing: str = "write failed"):
        from neo4j import exceptions as nx

        session = self.session
        runner = session.execute_write if write else session.execute_read
        try:
            return runner(work, *args)
        except (nx.Neo4jError, nx.DriverError, OSError) as exc:
            raise self._unavailable(exc, doing) from None

    def query(self, text: str, params: dict | None = None) -> list[dict]:
        """Run a read query (in a read transaction); parameters are bound, never pasted."""
        return self._execute(_fetch, text, _params(params), False, write=False,
                             doing="query failed")

    def execute(self, text: str, params: dict | None = None, write: bool = False,
                counters: bool = False):
        """Run any query, in a write transaction if ``write``, else in a read transaction.

        Nodes, relationships and paths come back as plain dicts (``_labels``,
        ``_type``...) ready for JSON. With ``counters`` returns ``(rows, changes)``,
        the non-zero update counters of the query.
        """
        if write and self.read_only:
            raise StoreError(f"{self.describe()}: opened read-only")
        rows, changes = self._execute(_fetch_counted, text, _params(params), write=write,
                                      doing="query failed")
        return (rows, changes) if counters else rows

    # -- writing ----------------------------------------------------------------
    def write(self, batch: GraphBatch, progress=None) -> base.WriteSummary:
        """Write ``batch`` in chunks of ``batch_size`` rows; ``progress(rows)`` after each."""
        if self.read_only:
            raise StoreError(f"{self.describe()}: opened read-only")
        batch = batch.merged()
        documents = {d.iri: d for d in batch.documents}
        for rel in batch.relations:  # evidence always has its document
            for ev in rel.evidence:
                documents.setdefault(ev.document.iri, ev.document)
        report = progress or (lambda rows: None)
        for chunk in _chunks(list(documents.values()), self.batch_size):
            self._write_chunk(_run_rows, cy.MERGE_DOCUMENTS, [_document_row(d) for d in chunk])
            report(len(chunk))
        for chunk in _chunks(batch.entities, self.batch_size):
            self._relabel(self._write_chunk(self._write_entities, chunk))
            report(len(chunk))
        weight = lambda rel: 1 + len(rel.evidence) + len(rel.seasons)  # noqa: E731
        for chunk in _chunks(batch.relations, self.batch_size, weight):
            self._write_chunk(_write_relations, chunk)
            report(sum(map(weight, chunk)))
        for chunk in _chunks(batch.races, self.batch_size):
            self._write_chunk(_write_races, chunk)
            report(len(chunk))
        return base.WriteSummary(
            entities=len(batch.entities), relations=len(batch.relations),
            evidence=sum(len(r.evidence) for r in batch.relations),
            documents=len(batch.documents), races=len(batch.races))

    def _write_chunk(self, work, *args, attempts: int = CONFLICT_ATTEMPTS):
        """Run one chunk's transaction function; again if another writer created a node meanwhile.

        The functions read which IRIs exist before creating the others, so a
        uniqueness violation means a concurrent writer; the next attempt sees its nodes.
        With several writers at once, each attempt may meet another writer's new
        nodes, so attempts are many and spaced by a growing, random pause.
        """
        from neo4j.exceptions import ClientError, ConstraintError

        schema_races = 0
        for attempt in range(attempts):
            try:
                return self.session.execute_write(work, *args)
            except ConstraintError as exc:
                if attempt + 1 == attempts:
                    raise self._unavailable(exc, "write failed") from None
                time.sleep(random.uniform(0, CONFLICT_PAUSE * (attempt + 1)))
            except ClientError as exc:
                # ArcadeDB creates a type for each new combination of labels on first
                # use, and fails a transaction that creates the same one at the same
                # moment with a statement error. Our statements are fixed, so a
                # statement error that goes away when tried again was such a race.
                if exc.code in SCHEMA_RACE_CODES and schema_races < SCHEMA_RACE_ATTEMPTS \
                        and attempt + 1 < attempts:
                    schema_races += 1
                    time.sleep(random.uniform(0, CONFLICT_PAUSE * (attempt + 1)))
                    continue
                raise self._write_error(exc) from None
            except Exception as exc:
                raise self._write_error(exc) from None

    def _write_error(self, exc: Exception) -> Exception:
        """The error for a failed write: if the server has gone away, say so."""
        from neo4j import exceptions as nx

        error = self._unavailable(exc, WRITE_CUT)
        if isinstance(exc, (nx.ServiceUnavailable, nx.SessionExpired, OSError)):
            return error
        time.sleep(PROBE_DELAY)  # a server going down answers oddly before it stops answering
        try:
            with self._driver.session(database=self.database) as probe:
                list(probe.run("RETURN 1"))
        except Exception as gone:
            reason = one_line(getattr(gone, "message", None) or gone, 160)
            return BackendUnavailableError(
                f"{self.describe()}: {WRITE_CUT}: server unreachable ({reason})")
        return error

    @staticmethod
    def _write_entities(tx, entities: list[Entity]) -> list[tuple[str, str, list[str]]]:
        """Create or update one chunk of entities; returns the relabelling still to do.

        As in the RDF store, the first name written stays the name (later spellings
        become aliases) and of two types the ontology's precedence decides; a track's
        length and surface take the values last given (as a results load replaces them).
        """
        voc = vocabulary()
        stored = {r["iri"]: r for r in tx.run(cy.READ_ENTITIES, iris=[e.iri for e in entities])}
        creates: dict[str, list[dict]] = defaultdict(list)
        updates, relabel = [], []
        for ent in entities:
            old = stored.get(ent.iri)
            if old is None:
                creates[ent.type].append(_entity_row(ent.iri, ent.name, ent.aliases, ent.wikidata,
                                                     ent.properties))
                continue
            name = old["name"] if old["name"] is not None else ent.name
            aliases = list(old["aliases"] or []) + [ent.name, *ent.aliases]
            props = {k: old[k] for k in ("length", "surface")}
            props.update({k: v for k, v in ent.properties.items() if v not in (None, "")})
            row = _entity_row(ent.iri, name, aliases, old["wikidata"] or ent.wikidata, props)
            if any(row[k] != _stored(old[k], k) for k in _ENTITY_FIELDS):
                updates.append(row)
            types = cy.entity_labels(old["labels"])
            winner = ent.type
            for type_ in types:
                winner = voc.preferred_type(type_, winner)
            if types != [winner]:
                relabel.append((ent.iri, winner, [t for t in types if t != winner]))
        for type_, rows in creates.items():
            tx.run(cy.CREATE_ENTITIES.format(label=cy.label(type_)), rows=rows).consume()
        if updates:
            tx.run(cy.UPDATE_ENTITIES, rows=updates).consume()
        return relabel

    def _relabel(self, plan: list[tuple[str, str, list[str]]]) -> None:
        """Give entities their winning type label, then take the losing ones off.

        One label change per node per transaction: add the winner first (so a node
        is never left without a type), then remove the losers one round at a time.
        """
        if not plan:
            return
        stored = self._write_chunk(_stored_labels, [iri for iri, _, _ in plan])
        adds: dict[str, list[str]] = defaultdict(list)
        for iri, winner, _ in plan:
            if winner not in stored.get(iri, ()):
                adds[winner].append(iri)
        if adds:  # a server that re-creates a node to relabel it may meet another writer
            self._write_chunk(_label_statements, cy.ADD_LABEL, adds)
        rounds = max(len(losers) for _, _, losers in plan)
        for k in range(rounds):
            removes: dict[str, list[str]] = defaultdict(list)
            for iri, _, losers in plan:
                if k < len(losers):
                    removes[losers[k]].append(iri)
            self._write_chunk(_label_statements, cy.REMOVE_LABEL, removes)

    # -- reading ----------------------------------------------------------------
    def read_all(self) -> GraphBatch:
        """The whole graph as a batch, as :func:`~nascar_kg.graph.rdf_store.read_batch` gives it."""
        voc = vocabulary()
        q = self.query
        entities: dict[str, Entity] = {}
        for row in q(cy.ALL_ENTITIES):
            types = cy.entity_labels(row["labels"])
            if not types or row["name"] is None:
                continue
            type_ = types[0]
            for other in types[1:]:
                type_ = voc.preferred_type(type_, other)
            props = {k: row[k] for k in ("length", "surface") if row[k] is not None}
            entities[row["iri"]] = Entity(row["name"], type_,
                                          tuple(sorted(row["aliases"] or ())),
                                          row["wikidata"], props)
        refs = {iri: e.ref for iri, e in entities.items()}
        documents = {}
        for row in q(cy.ALL_DOCUMENTS):
            documents[row["iri"]] = Document(row["sha256"], row["source"], row["kind"],
                                             row["title"], row["date"], row["url"])
        relations: dict[str, Relation] = {}
        for row in q(cy.ALL_ASSERTIONS):
            if row["s"] in refs and row["o"] in refs and row["p"] in voc.predicates:
                relations[row["iri"]] = Relation(refs[row["s"]], row["p"], refs[row["o"]])
        for row in q(cy.ALL_EVIDENCE):
            rel, doc = relations.get(row["a"]), documents.get(row["doc"])
            if rel is not None and doc is not None:
                rel.evidence.append(Evidence(doc, row["text"], row["start"], row["end"],
                                             float(row["confidence"]), row["extractor"] or "",
                                             row["extractor_version"] or ""))
        for row in q(cy.ALL_SEASONS):
            rel = relations.get(row["a"])
            if rel is not None and row["series"] in refs:
                avg = row["average_finish"]
                rel.seasons.append(SeasonStats(
                    refs[row["series"]].name, row["season"], row["starts"], row["wins"],
                    row["top5"], row["top10"], row["best_finish"],
                    float(avg) if avg is not None else None, row["laps_led"],
                    tuple(sorted(str(n) for n in row["car_numbers"] or ()))))
        races = []
        for row in q(cy.ALL_RACES):
            if row["series"] in refs:
                races.append(Race(refs[row["series"]].name, row["season"], row["number"],
                                  row["name"], refs.get(row["track"]), refs.get(row["winner"])))
        return GraphBatch(list(entities.values()), list(documents.values()),
                          list(relations.values()), races)

    def counts(self) -> dict:
        """Nodes by label and relationships by type (for checks and benchmarks)."""
        labels = {r["label"]: r["n"] for r in self.query(cy.COUNT_LABELS)}
        types = {r["type"]: r["n"] for r in self.query(cy.COUNT_TYPES)}
        return {"labels": dict(sorted(labels.items())), "types": dict(sorted(types.items()))}

    def clear(self) -> None:
        """Delete every node and relationship of the database (tests, benchmarks)."""
        self.execute("MATCH (n) DETACH DELETE n", write=True)


# -- transaction functions (module level: the driver may call them again on retry) ---------

def _fetch(tx, text: str, params: dict, graph_values: bool) -> list[dict]:
    result = tx.run(text, params)
    if graph_values:
        return [{k: plain(v) for k, v in record.items()} for record in result]
    return [dict(record.items()) for record in result]


def _fetch_counted(tx, text: str, params: dict) -> tuple[list[dict], dict]:
    result = tx.run(text, params)
    rows = [{k: plain(v) for k, v in record.items()} for record in result]
    found = result.consume().counters
    changes = {name: getattr(found, name) for name in (
        "nodes_created", "nodes_deleted", "relationships_created", "relationships_deleted",
        "properties_set", "labels_added", "labels_removed", "indexes_added", "indexes_removed",
        "constraints_added", "constraints_removed")}
    return rows, {k: v for k, v in changes.items() if v}


def _run_rows(tx, statement: str, rows: list[dict]) -> None:
    tx.run(statement, rows=rows).consume()


def _stored_labels(tx, iris: list[str]) -> dict[str, list[str]]:
    return {r["iri"]: r["labels"] for r in tx.run(cy.READ_ENTITIES, iris=iris)}


def _label_statements(tx, template: str, groups: dict[str, list[str]]) -> None:
    for type_, iris in groups.items():
        tx.run(template.format(label=cy.label(type_)), iris=iris).consume()


def _write_relations(tx, relations: list[Relation]) -> None:
    """One chunk of relations with their evidence and season records, in one transaction."""
    assertions, evidence, seasons = [], [], []
    for rel in relations:
        s, o = rel.ends
        confidences = [float(ev.confidence) for ev in rel.evidence]
        row = {"iri": str(rel.iri), "s": str(s.iri), "o": str(o.iri), "p": rel.predicate,
               "confidence": max(confidences) if confidences else None}
        assertions.append(row)
        evidence += [_evidence_row(row["iri"], rel.iri, ev) for ev in rel.evidence]
        seasons += [_season_row(row["iri"], rel.iri, st) for st in rel.seasons]
    known = {r["iri"] for r in tx.run(cy.READ_ASSERTIONS, iris=[a["iri"] for a in assertions])}
    new = [a for a in assertions if a["iri"] not in known]
    if new:
        tx.run(cy.CREATE_ASSERTIONS, rows=new).consume()
    touched = set()  # existing assertions whose evidence changed: their confidence too
    for rows, read, create, update, fields in (
            (evidence, cy.READ_EVIDENCE, cy.CREATE_EVIDENCE, cy.UPDATE_EVIDENCE, _EVIDENCE_FIELDS),
            (seasons, cy.READ_SEASONS, cy.CREATE_SEASONS, cy.UPDATE_SEASONS, _SEASON_FIELDS)):
        if not rows:
            continue
        stored = {r["iri"]: r for r in tx.run(read, iris=[x["iri"] for x in rows])}
        created = [x for x in rows if x["iri"] not in stored]
        changed = [x for x in rows if x["iri"] in stored
                   and any(x[f] != _stored(stored[x["iri"]][f], f) for f in fields)]
        if created:
            tx.run(create, rows=created).consume()
        if changed:
            tx.run(update, rows=changed).consume()
        if rows is evidence:
            touched = {x["a"] for x in created + changed} & known
    for predicate, rows in _by_predicate(new).items():
        tx.run(cy.CREATE_EDGES.format(type=cy.rel_type(predicate)), rows=rows).consume()
    updated = [a for a in assertions if a["iri"] in touched]
    for predicate, rows in _by_predicate(updated).items():
        tx.run(cy.UPDATE_CONFIDENCE.format(type=cy.rel_type(predicate)), rows=rows).consume()


def _by_predicate(rows: list[dict]) -> dict[str, list[dict]]:
    groups: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        groups[row["p"]].append(row)
    return groups


_EVIDENCE_FIELDS = ("text", "start", "end", "confidence", "extractor", "extractor_version")
_SEASON_FIELDS = ("series_name", "season", "starts", "wins", "top5", "top10", "laps_led",
                  "best_finish", "average_finish", "car_numbers")


def _evidence_row(assertion: str, rel_iri, ev: Evidence) -> dict:
    return {"a": assertion, "iri": str(ev.iri_for(rel_iri)), "doc": str(ev.document.iri),
            "text": ev.text, "start": _int(ev.start), "end": _int(ev.end),
            "confidence": float(ev.confidence), "extractor": ev.extractor or None,
            "extractor_version": ev.extractor_version if ev.extractor else None}


def _season_row(assertion: str, rel_iri, st: SeasonStats) -> dict:
    return {"a": assertion, "iri": str(st.iri_for(rel_iri)),
            "series": str(entity_iri(st.series, "Series")), "series_name": st.series,
            "season": int(st.season), "starts": int(st.starts), "wins": int(st.wins),
            "top5": int(st.top5), "top10": int(st.top10), "laps_led": int(st.laps_led),
            "best_finish": _int(st.best_finish),
            "average_finish": None if st.average_finish is None else float(st.average_finish),
            "car_numbers": sorted({str(n) for n in st.car_numbers})}


def _write_races(tx, races: list[Race]) -> None:
    rows = [{"iri": str(r.iri), "series": str(entity_iri(r.series, "Series")), "name": r.name,
             "season": int(r.season), "number": int(r.number),
             "track": str(r.track.iri) if r.track else None,
             "winner": str(r.winner.iri) if r.winner else None} for r in races]
    stored = {r["iri"]: r for r in tx.run(cy.READ_RACES, iris=[x["iri"] for x in rows])}
    created = [x for x in rows if x["iri"] not in stored]
    changed = [x for x in rows if x["iri"] in stored
               and any(x[f] != stored[x["iri"]][f] for f in ("name", "season", "number"))]
    relinked = [x for x in rows if x["iri"] in stored
                and any(x[f] != stored[x["iri"]][f] for f in ("track", "winner"))]
    if created:
        tx.run(cy.CREATE_RACES, rows=created).consume()
    if changed:
        tx.run(cy.UPDATE_RACES, rows=changed).consume()
    if relinked:
        tx.run(cy.DELETE_RACE_LINKS, rows=relinked).consume()
    linked = created + relinked
    tracks = [x for x in linked if x["track"]]
    if tracks:
        tx.run(cy.RACE_TRACKS, rows=tracks).consume()
    winners = [x for x in linked if x["winner"]]
    if winners:
        tx.run(cy.RACE_WINNERS, rows=winners).consume()


# -- rows and values ------------------------------------------------------------------------

def _chunks(items: list, size: int, weight=None):
    """Consecutive lists of ``items`` of about ``size`` rows (never splitting an item)."""
    chunk, rows = [], 0
    for item in items:
        chunk.append(item)
        rows += weight(item) if weight else 1
        if rows >= size:
            yield chunk
            chunk, rows = [], 0
    if chunk:
        yield chunk


def _keys(name: str, aliases) -> list[str]:
    return sorted({fold(name), *(fold(a) for a in aliases if a != name)})


def _entity_row(iri: str, name: str, aliases, wikidata, properties: dict) -> dict:
    aliases = sorted({a for a in aliases if a and a != name})
    props = {k: properties.get(k) for k in ("length", "surface")}
    return {"iri": str(iri), "name": name, "aliases": aliases, "keys": _keys(name, aliases),
            "wikidata": wikidata or None,
            **{k: (None if v in (None, "") else _scalar(v)) for k, v in props.items()}}


def _document_row(doc: Document) -> dict:
    return {"iri": str(doc.iri), "sha256": doc.sha256, "source": doc.source, "kind": doc.kind,
            "title": doc.title or None, "date": doc.date or None, "url": doc.url or None}


_ENTITY_FIELDS = ("name", "aliases", "keys", "wikidata", "length", "surface")


def _stored(value, key: str):
    """A stored entity property as :func:`_entity_row` would give it."""
    if key in ("aliases", "keys"):
        return sorted(value or ())
    return value


def _int(value):
    return None if value is None else int(value)


def _scalar(value):
    if isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


def _params(params: dict | None) -> dict:
    """Parameters as the driver takes them (IRIs as strings, tuples as lists)."""
    def conv(value):
        if isinstance(value, str):
            return str(value)
        if isinstance(value, (list, tuple, set, frozenset)):
            return [conv(v) for v in value]
        if isinstance(value, dict):
            return {str(k): conv(v) for k, v in value.items()}
        return value
    return {str(k): conv(v) for k, v in (params or {}).items()}


def plain(value):
    """A value of a result as plain Python data (nodes, relationships and paths as dicts)."""
    from neo4j import graph

    if isinstance(value, graph.Node):
        return {"_id": value.element_id, "_labels": sorted(value.labels),
                **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, graph.Relationship):
        return {"_id": value.element_id, "_type": value.type,
                "_start": value.start_node.element_id if value.start_node else None,
                "_end": value.end_node.element_id if value.end_node else None,
                **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, graph.Path):
        return {"nodes": [plain(n) for n in value.nodes],
                "relationships": [plain(r) for r in value.relationships]}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return str(value)

