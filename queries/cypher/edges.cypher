// Every relationship that links $n to another entity, in either direction, in its stored
// direction; the caller keeps those whose type is a relation predicate of the ontology.
MATCH (x:Entity {iri: $n})-[r]-(m:Entity)
RETURN x.iri AS n, startNode(r).iri AS s, type(r) AS p, endNode(r).iri AS o
