// Every entity's canonical name and type (the extractor's gazetteer).
MATCH (n:Entity)
WHERE toLower(n.name) IN n.keys
RETURN n.name AS name, labels(n) AS type
