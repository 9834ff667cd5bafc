// Entities one of whose folded names ends with " <word>" ($suffix), for surnames.
MATCH (n:Entity)
WHERE any(k IN n.keys WHERE k ENDS WITH $suffix)
RETURN DISTINCT $suffix AS suffix, n.iri AS e, n.name AS name, labels(n) AS type
