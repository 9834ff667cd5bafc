// Relations (assertions) by predicate.
MATCH (a:Assertion)
RETURN a.predicate AS p, count(a) AS n
