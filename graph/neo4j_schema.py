"""The property-graph form of the knowledge graph, as Neo4j stores it.

Nodes (every one has a unique ``iri``, the same IRI as in the RDF store)::

    (:Entity:<Class> {iri, name, aliases, keys, wikidata, length, surface})
    (:Document {iri, sha256, source, kind, title, date, url})
    (:Assertion {iri, predicate, confidence})        one per relation
    (:Evidence {iri, text, start, end, confidence, extractor, extractor_version})
    (:SeasonRecord {iri, series, season, starts, wins, top5, top10, laps_led,
                    best_finish, average_finish, car_numbers})
    (:Race {iri, name, season, number})

``<Class>`` is the entity's one class of the ontology (``Driver``, ``Team``...);
``keys`` are the folded name and aliases that names are resolved against.

Relationships::

    (s:Entity)-[:DROVE_FOR {iri, confidence}]->(o:Entity)   one per relation, type from the
                                                            predicate (Predicate.cypher_type)
    (:Assertion)-[:SUBJECT]->(s), (:Assertion)-[:OBJECT]->(o)
    (:Assertion)-[:EVIDENCE]->(:Evidence)-[:FROM]->(:Document)
    (:Assertion)-[:SEASON]->(:SeasonRecord)-[:IN_SERIES]->(:Series)
    (:Race)-[:IN_SERIES]->(:Series), (:Race)-[:AT_TRACK]->(:Track), (:Race)-[:WON_BY]->(:Driver)

A relation's direct relationship is what traversals follow; its ``Assertion`` node
(same ``iri``) is where the provenance hangs: the evidence passages with their
documents and confidences, and the season records of race results. The direct
relationship's ``confidence`` is the highest of its evidence. Symmetric predicates
(``FEUDED_WITH``) are stored once, in a canonical direction.

Labels come only from the ontology's classes and relationship types only from its
predicates (plus the fixed structural names above); every value is a parameter.
"""

from __future__ import annotations

import re

from nascar_kg.ontology import vocabulary

ENTITY = "Entity"
NODE_LABELS = (ENTITY, "Document", "Assertion", "Evidence", "SeasonRecord", "Race")
"""Labels that carry a uniqueness constraint on ``iri``."""
STRUCTURAL_TYPES = ("SUBJECT", "OBJECT", "EVIDENCE", "FROM", "SEASON", "IN_SERIES", "AT_TRACK",
                    "WON_BY")

_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")


def constraint_statements() -> list[str]:
    """Uniqueness constraints on ``iri`` of every node label, created if missing."""
    return [f"CREATE CONSTRAINT nkg_{label.lower()}_iri IF NOT EXISTS "
            f"FOR (n:{label}) REQUIRE n.iri IS UNIQUE" for label in NODE_LABELS]


def label(class_name: str) -> str:
    """The node label of an entity class; refuses anything that is not a class of the ontology."""
    if class_name not in vocabulary().entity_classes or not _NAME.match(class_name):
        raise ValueError(f"not an entity class of the ontology: {class_name!r}")
    return class_name


def rel_type(predicate: str) -> str:
    """The relationship type of a predicate; refuses anything that is not a predicate."""
    pred = vocabulary().predicates.get(predicate)
    if pred is None or not _NAME.match(pred.cypher_type):
        raise ValueError(f"not a predicate of the ontology: {predicate!r}")
    return pred.cypher_type


def entity_labels(labels) -> list[str]:
    """The ontology classes among a node's labels."""
    classes = vocabulary().entity_classes
    return [name for name in labels or () if name in classes]


# -- statements -------------------------------------------------------------------------
# Texts with a ``{label}`` or ``{type}`` slot are filled only through ``label()`` and
# ``rel_type()`` above.

READ_ENTITIES = """
UNWIND $iris AS i
MATCH (n:Entity {iri: i})
RETURN n.iri AS iri, labels(n) AS labels, n.name AS name, n.aliases AS aliases,
       n.keys AS keys, n.wikidata AS wikidata, n.length AS length, n.surface AS surface
"""

# CREATE, not MERGE: the writer has just read which IRIs exist, in the same transaction
# (a MERGE on two labels is not served by the unique index on some servers).
CREATE_ENTITIES = """
UNWIND $rows AS r
CREATE (n:Entity:{label} {{iri: r.iri}})
SET n.name = r.name, n.aliases = r.aliases, n.keys = r.keys, n.wikidata = r.wikidata,
    n.length = r.length, n.surface = r.surface
"""

UPDATE_ENTITIES = """
UNWIND $rows AS r
MATCH (n:Entity {iri: r.iri})
SET n.name = r.name, n.aliases = r.aliases, n.keys = r.keys, n.wikidata = r.wikidata,
    n.length = r.length, n.surface = r.surface
"""

ADD_LABEL = """
UNWIND $iris AS i
MATCH (n:Entity {{iri: i}})
SET n:{label}
"""

REMOVE_LABEL = """
UNWIND $iris AS i
MATCH (n:Entity {{iri: i}})
REMOVE n:{label}
"""

MERGE_DOCUMENTS = """
UNWIND $rows AS r
MERGE (d:Document {iri: r.iri})
SET d.sha256 = r.sha256, d.source = coalesce(d.source, r.source),
    d.kind = coalesce(d.kind, r.kind), d.title = coalesce(d.title, r.title),
    d.date = coalesce(d.date, r.date), d.url = coalesce(d.url, r.url)
"""

# Assertions, evidence, season records and races are created (CREATE) only after the
# same transaction has read which of their IRIs exist, together with the relationships
# that hang them into the graph; for the ones that exist only changed values are SET.
# So a second write of the same data reads and changes nothing.

READ_ASSERTIONS = """
UNWIND $iris AS i
MATCH (a:Assertion {iri: i})
RETURN a.iri AS iri
"""

CREATE_ASSERTIONS = """
UNWIND $rows AS r
MATCH (s:Entity {iri: r.s})
MATCH (o:Entity {iri: r.o})
CREATE (a:Assertion {iri: r.iri})
SET a.predicate = r.p, a.confidence = r.confidence
CREATE (a)-[:SUBJECT]->(s)
CREATE (a)-[:OBJECT]->(o)
"""

CREATE_EDGES = """
UNWIND $rows AS r
MATCH (s:Entity {{iri: r.s}})
MATCH (o:Entity {{iri: r.o}})
CREATE (s)-[x:{type}]->(o)
SET x.iri = r.iri, x.confidence = r.confidence
"""

UPDATE_CONFIDENCE = """
UNWIND $rows AS r
MATCH (a:Assertion {{iri: r.iri}})
OPTIONAL MATCH (a)-[:EVIDENCE]->(e:Evidence)
WITH r, a, max(e.confidence) AS c
SET a.confidence = c
WITH r, c
MATCH (s:Entity {{iri: r.s}})-[x:{type}]->(o:Entity {{iri: r.o}})
SET x.confidence = c
"""

READ_EVIDENCE = """
UNWIND $iris AS i
MATCH (e:Evidence {iri: i})
RETURN e.iri AS iri, e.text AS text, e.start AS start, e.end AS end,
       e.confidence AS confidence, e.extractor AS extractor,
       e.extractor_version AS extractor_version
"""

CREATE_EVIDENCE = """
UNWIND $rows AS r
MATCH (a:Assertion {iri: r.a})
MATCH (d:Document {iri: r.doc})
CREATE (e:Evidence {iri: r.iri})
SET e.text = r.text, e.start = r.start, e.end = r.end, e.confidence = r.confidence,
    e.extractor = r.extractor, e.extractor_version = r.extractor_version
CREATE (a)-[:EVIDENCE]->(e)
CREATE (e)-[:FROM]->(d)
"""

UPDATE_EVIDENCE = """
UNWIND $rows AS r
MATCH (e:Evidence {iri: r.iri})
SET e.text = r.text, e.start = r.start, e.end = r.end, e.confidence = r.confidence,
    e.extractor = r.extractor, e.extractor_version = r.extractor_version
"""

READ_SEASONS = """
UNWIND $iris AS i
MATCH (x:SeasonRecord {iri: i})
RETURN x.iri AS iri, x.series AS series_name, x.season AS season, x.starts AS starts,
       x.wins AS wins, x.top5 AS top5, x.top10 AS top10, x.laps_led AS laps_led,
       x.best_finish AS best_finish, x.average_finish AS average_finish,
       x.car_numbers AS car_numbers
"""

CREATE_SEASONS = """
UNWIND $rows AS r
MATCH (a:Assertion {iri: r.a})
MATCH (s:Entity {iri: r.series})
CREATE (x:SeasonRecord {iri: r.iri})
SET x.series = r.series_name, x.season = r.season, x.starts = r.starts, x.wins = r.wins,
    x.top5 = r.top5, x.top10 = r.top10, x.laps_led = r.laps_led,
    x.best_finish = r.best_finish, x.average_finish = r.average_finish,
    x.car_numbers = r.car_numbers
CREATE (a)-[:SEASON]->(x)
CREATE (x)-[:IN_SERIES]->(s)
"""

UPDATE_SEASONS = """
UNWIND $rows AS r
MATCH (x:SeasonRecord {iri: r.iri})
SET x.series = r.series_name, x.season = r.season, x.starts = r.starts, x.wins = r.wins,
    x.top5 = r.top5, x.top10 = r.top10, x.laps_led = r.laps_led,
    x.best_finish = r.best_finish, x.average_finish = r.average_finish,
    x.car_numbers = r.car_numbers
"""

READ_RACES = """
UNWIND $iris AS i
MATCH (x:Race {iri: i})
OPTIONAL MATCH (x)-[:AT_TRACK]->(t:Entity)
OPTIONAL MATCH (x)-[:WON_BY]->(w:Entity)
RETURN x.iri AS iri, x.name AS name, x.season AS season, x.number AS number,
       t.iri AS track, w.iri AS winner
"""

CREATE_RACES = """
UNWIND $rows AS r
MATCH (s:Entity {iri: r.series})
CREATE (x:Race {iri: r.iri})
SET x.name = r.name, x.season = r.season, x.number = r.number
CREATE (x)-[:IN_SERIES]->(s)
"""

UPDATE_RACES = """
UNWIND $rows AS r
MATCH (x:Race {iri: r.iri})
SET x.name = r.name, x.season = r.season, x.number = r.number
"""

DELETE_RACE_LINKS = """
UNWIND $rows AS r
MATCH (x:Race {iri: r.iri})-[old:AT_TRACK|WON_BY]->(:Entity)
DELETE old
"""

RACE_TRACKS = """
UNWIND $rows AS r
MATCH (x:Race {iri: r.iri})
MATCH (t:Entity {iri: r.track})
CREATE (x)-[:AT_TRACK]->(t)
"""

RACE_WINNERS = """
UNWIND $rows AS r
MATCH (x:Race {iri: r.iri})
MATCH (w:Entity {iri: r.winner})
CREATE (x)-[:WON_BY]->(w)
"""

# -- reading everything back -------------------------------------------------------------

ALL_ENTITIES = """
MATCH (n:Entity)
RETURN n.iri AS iri, labels(n) AS labels, n.name AS name, n.aliases AS aliases,
       n.wikidata AS wikidata, n.length AS length, n.surface AS surface
"""

ALL_DOCUMENTS = """
MATCH (d:Document)
RETURN d.iri AS iri, d.sha256 AS sha256, d.source AS source, d.kind AS kind,
       d.title AS title, d.date AS date, d.url AS url
"""

ALL_ASSERTIONS = """
MATCH (s:Entity)<-[:SUBJECT]-(a:Assertion)-[:OBJECT]->(o:Entity)
RETURN a.iri AS iri, a.predicate AS p, s.iri AS s, o.iri AS o
"""

ALL_EVIDENCE = """
MATCH (a:Assertion)-[:EVIDENCE]->(e:Evidence)-[:FROM]->(d:Document)
RETURN a.iri AS a, d.iri AS doc, e.text AS text, e.start AS start, e.end AS end,
       e.confidence AS confidence, e.extractor AS extractor,
       e.extractor_version AS extractor_version
"""

ALL_SEASONS = """
MATCH (a:Assertion)-[:SEASON]->(x:SeasonRecord)-[:IN_SERIES]->(s:Entity)
RETURN a.iri AS a, s.iri AS series, x.season AS season, x.starts AS starts, x.wins AS wins,
       x.top5 AS top5, x.top10 AS top10, x.laps_led AS laps_led,
       x.best_finish AS best_finish, x.average_finish AS average_finish,
       x.car_numbers AS car_numbers
"""

ALL_RACES = """
MATCH (x:Race)-[:IN_SERIES]->(s:Entity)
OPTIONAL MATCH (x)-[:AT_TRACK]->(t:Entity)
OPTIONAL MATCH (x)-[:WON_BY]->(w:Entity)
RETURN x.iri AS iri, s.iri AS series, x.season AS season, x.number AS number,
       x.name AS name, t.iri AS track, w.iri AS winner
"""

COUNT_LABELS = "MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n"
COUNT_TYPES = "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n"
