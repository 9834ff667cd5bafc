// Documents by kind (article, results, reference), and races.
MATCH (d:Document)
RETURN d.kind AS kind, count(d) AS n
UNION ALL
MATCH (r:Race)
RETURN 'race' AS kind, count(r) AS n
