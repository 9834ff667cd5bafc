// Evidence of the relation between $s and $o (in stored direction).
MATCH (s:Entity {iri: $s})<-[:SUBJECT]-(a:Assertion)-[:OBJECT]->(o:Entity {iri: $o})
MATCH (a)-[:EVIDENCE]->(e:Evidence)-[:FROM]->(doc:Document)
RETURN s.iri AS s, o.iri AS o, a.predicate AS p, e.text AS text, doc.source AS source,
       e.confidence AS conf
