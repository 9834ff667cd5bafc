// Who endorses $target, with each piece of evidence and its document.
MATCH (t:Entity {iri: $target})<-[:OBJECT]-(a:Assertion {predicate: 'endorses'})-[:SUBJECT]->(s:Entity)
MATCH (a)-[:EVIDENCE]->(e:Evidence)-[:FROM]->(doc:Document)
RETURN t.iri AS target, s.iri AS s, s.name AS name, labels(s) AS type,
       doc.source AS source, doc.title AS title, e.text AS text, e.confidence AS conf,
       e.start AS start, e.end AS end
