// Entities one of whose folded names starts with "<word> " ($prefix), for the first word
// of a team's name ("trackhouse").
MATCH (n:Entity)
WHERE any(k IN n.keys WHERE k STARTS WITH $prefix)
RETURN DISTINCT $prefix AS prefix, n.iri AS e, n.name AS name, labels(n) AS type
