// Name and type of one entity ($e).
MATCH (n:Entity {iri: $e})
RETURN n.iri AS e, n.name AS name, labels(n) AS type
