// Entities known by a folded name or alias ($key).
MATCH (n:Entity)
WHERE $key IN n.keys
RETURN $key AS key, n.iri AS e, n.name AS name, labels(n) AS type
