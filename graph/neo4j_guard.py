"""Telling read-only Cypher from Cypher that writes, without a server.

``nascar-kg query cypher`` runs in a read transaction, which Neo4j enforces;
some Bolt servers do not, so the text is also checked here: the clauses that
write (or change the schema) are looked for outside string literals, quoted
names and comments.

Examples
--------
>>> write_clauses("MATCH (n:Driver) RETURN n.name")
[]
>>> write_clauses("MATCH (n) WHERE n.name = 'CREATE (x)' RETURN n // DELETE n")
[]
>>> write_clauses("match (n) detach delete n")
['DETACH', 'DELETE']
>>> write_clauses("MATCH (n) RETURN n.set AS set, {create: 1} AS m, n:`MERGE`")
[]
>>> write_clauses("LOAD CSV FROM 'file:///x' AS row RETURN row")
['LOAD CSV']
>>> write_clauses("CALL { MATCH (n) SET n.x = 1 } IN TRANSACTIONS")
['SET', 'IN TRANSACTIONS']
"""

from __future__ import annotations

import re

WRITE_KEYWORDS = frozenset({
    "CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "DROP", "FOREACH",
    "ALTER", "GRANT", "DENY", "REVOKE", "RENAME",
})
_PAIRS = {("LOAD", "CSV"): "LOAD CSV", ("IN", "TRANSACTIONS"): "IN TRANSACTIONS"}

_TOKEN = re.compile(r"""
      (?P<comment>//[^\n]*|/\*.*?(?:\*/|\Z))
    | (?P<string>'(?:[^'\\]|\\.)*(?:'|\Z)|"(?:[^"\\]|\\.)*(?:"|\Z))
    | (?P<quoted>`(?:[^`]|``)*(?:`|\Z))
    | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
    | (?P<param>\$[A-Za-z0-9_]+)
    | (?P<space>\s+)
    | (?P<other>.)
""", re.VERBOSE | re.DOTALL)


def tokens(text: str) -> list[tuple[str, str]]:
    """(kind, text) of the significant tokens: words, quoted names, parameters, punctuation."""
    out = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if kind not in ("comment", "space"):
            out.append((kind, match.group()))
    return out


def write_clauses(text: str) -> list[str]:
    """The write clauses the Cypher ``text`` contains, in order (empty for a read query).

    A word counts as a clause keyword unless it is a property key (after ``.``),
    a label or type or map key (next to ``:``), or the name an ``AS`` binds. A
    variable named like a write keyword is taken for one (refused, to be safe).
    """
    toks = tokens(text)
    found = []
    for i, (kind, word) in enumerate(toks):
        if kind != "word":
            continue
        prev = toks[i - 1][1] if i else ""
        nxt = toks[i + 1][1] if i + 1 < len(toks) else ""
        if prev in (".", ":") or nxt == ":" or prev.upper() == "AS":
            continue
        upper = word.upper()
        if upper in WRITE_KEYWORDS:
            found.append(upper)
        elif toks[i + 1:i + 2] and toks[i + 1][0] == "word" \
                and (upper, nxt.upper()) in _PAIRS:
            found.append(_PAIRS[(upper, nxt.upper())])
    return found
