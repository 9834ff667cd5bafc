"""A Cypher script (Neo4j 5) that rebuilds the graph: one statement per line, idempotent.

* a uniqueness constraint on ``iri`` for each label used;
* ``MERGE (n:Driver {iri: '…'}) SET n.name = '…', …`` per entity, the label
  being the name of its class in the ontology;
* ``MATCH`` both ends by label and ``iri``, ``MERGE (a)-[r:DROVE_FOR]->(b)``
  per relation, the type being the predicate's ``cypher_type``, with
  ``confidence``, ``evidence`` (JSON: quotes, documents, offsets,
  extractor), ``evidence_text`` and ``sources`` (lists), ``seasons`` (JSON)
  and ``season_years`` (list).

Values are written as Cypher literals, never spliced raw: strings in single
quotes with ``\\``, ``'``, newlines and every control or line-separator
character escaped, so no name or quote can end a string or a statement.
Running it twice changes nothing.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

from nascar_kg.ontology import vocabulary
from nascar_kg.visualizations.files import write_text
from nascar_kg.visualizations.readwrite.common import edge_record, evidence_list, sources

_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b",
            "\f": "\\f"}


def string(value: str) -> str:
    """A Cypher string literal.

    >>> print(string("it's a \\\\ back\\nslash }"))
    'it\\'s a \\\\ back\\nslash }'
    """
    out = ["'"]
    for ch in str(value):
        code = ord(ch)
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif code < 0x20 or 0x7F <= code < 0xA0 or ch in "\u2028\u2029\ufeff":
            out.append(f"\\u{code:04X}")
        elif 0xD800 <= code <= 0xDFFF:  # a lone surrogate cannot be encoded
            out.append("\\uFFFD")
        else:
            out.append(ch)
    out.append("'")
    return "".join(out)


def name(identifier: str) -> str:
    """A label, relationship type or property key, backtick-quoted when it must be."""
    if _IDENT.match(identifier):
        return identifier
    return "`" + identifier.replace("`", "``") + "`"


def literal(value) -> str | None:
    """A Cypher literal for a property value; None when Cypher has none (null, NaN, maps)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else None
    if isinstance(value, str):
        return string(value)
    if isinstance(value, (list, tuple)):
        items = [literal(v) for v in value if not isinstance(v, (list, tuple, dict))]
        items = [i for i in items if i is not None]
        return "[" + ", ".join(items) + "]"
    if isinstance(value, dict):
        return string(json.dumps(value, ensure_ascii=False, default=str))
    return string(str(value))


def _set_clause(var: str, props: dict) -> str:
    parts = []
    for key, value in props.items():
        lit = literal(value)
        if lit is not None:
            parts.append(f"{var}.{name(key)} = {lit}")
    return ", ".join(parts)


def labels_of(type_: str) -> list[str]:
    """The node labels of an entity type: its class name in the ontology.

    One label per node (no ancestor labels such as ``Person`` on a ``Driver``):
    ``MERGE`` on one label stays idempotent, and stores that implement several
    labels by moving a node between types (ArcadeDB) then keep finding it.
    """
    voc = vocabulary()
    return [type_ if type_ in voc.entity_classes else (type_ or "Entity")]


def statements(G, *, title: str = "nascar-kg"):
    """The script's lines: comments and statements, each statement on one line."""
    voc = vocabulary()
    yield f"// {' '.join(str(title).split())}: exported by nascar-kg for Neo4j 5"
    yield (f"// {G.number_of_nodes()} entities, {G.number_of_edges()} relations; "
           "run with cypher-shell -f, or one line at a time")
    used = []
    for _, d in G.nodes(data=True):
        for label in labels_of(d.get("type", "")):
            if label not in used:
                used.append(label)
    for label in used:
        cname = "nkg_" + re.sub(r"[^A-Za-z0-9_]", "_", label).lower() + "_iri"
        yield (f"CREATE CONSTRAINT {name(cname)} IF NOT EXISTS "
               f"FOR (n:{name(label)}) REQUIRE n.iri IS UNIQUE;")
    for n, d in sorted(G.nodes(data=True), key=lambda nd: str(nd[0])):
        labels = labels_of(d.get("type", ""))
        props = {"name": str(d.get("name") or n), "type": d.get("type", ""),
                 "aliases": [str(a) for a in d.get("aliases") or []],
                 "wikidata": d.get("wikidata") or None}
        for k, v in d.items():
            if k not in props and k not in {"color", "shape"} and \
                    isinstance(v, (str, int, float, bool)) and v != "":
                props[k] = v
        extra = "".join(f", n:{name(lb)}" for lb in labels[1:])
        yield (f"MERGE (n:{name(labels[0])} {{iri: {string(str(n))}}}) "
               f"SET {_set_clause('n', props)}{extra};")
    for u, v, k, d in sorted(G.edges(keys=True, data=True),
                             key=lambda e: (str(e[0]), str(e[2]), str(e[1]))):
        pred = voc.predicates.get(d.get("predicate", k))
        rel_type = pred.cypher_type if pred else str(d.get("predicate", k)).upper()
        rec = edge_record(u, v, k, d)
        ev = evidence_list(d)
        seasons = list(d.get("seasons") or [])
        props = {"iri": rec["id"], "predicate": rec["predicate"],
                 "confidence": rec["confidence"],
                 "evidence": json.dumps(ev, ensure_ascii=False, default=str),
                 "evidence_text": [str(e.get("text", "")) for e in ev],
                 "sources": sources(d),
                 "seasons": json.dumps(seasons, ensure_ascii=False, default=str),
                 "season_years": sorted({int(s["season"]) for s in seasons
                                         if isinstance(s, dict) and s.get("season") is not None})}
        a_label = labels_of(G.nodes[u].get("type", ""))[0]
        b_label = labels_of(G.nodes[v].get("type", ""))[0]
        yield (f"MATCH (a:{name(a_label)} {{iri: {string(str(u))}}}), "
               f"(b:{name(b_label)} {{iri: {string(str(v))}}}) "
               f"MERGE (a)-[r:{name(rel_type)}]->(b) SET {_set_clause('r', props)};")


def cypher_script(G, *, title: str = "nascar-kg") -> str:
    return "\n".join(statements(G, title=title)) + "\n"


def script_statements(text: str) -> list[str]:
    """The statements of a script of :func:`cypher_script` (comments and blank lines skipped)."""
    return [line.rstrip().rstrip(";") for line in text.split("\n")
            if line.strip() and not line.lstrip().startswith("//")]


def write_cypher(G, path, *, title: str = "nascar-kg") -> list[Path]:
    return [write_text(path, cypher_script(G, title=title))]
