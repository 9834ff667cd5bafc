// Every entity's folded names, for suggestions when a name is unknown.
MATCH (n:Entity)
UNWIND n.keys AS key
RETURN n.iri AS e, n.name AS name, labels(n) AS type, key
