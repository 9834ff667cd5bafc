// Entities by type (the ontology labels among each node's labels; the caller keeps those).
MATCH (e:Entity)
UNWIND labels(e) AS type
WITH type, e
WHERE type <> 'Entity'
RETURN type, count(DISTINCT e) AS n
