// The names race results brought: the ends of relations with season records
// (drivers, teams, makes) and the tracks and winners of races. The extractor's
// gazetteer: names that only articles brought are left out, so what earlier
// articles left in the store never changes how the next one is read.
MATCH (:SeasonRecord)<-[:SEASON]-(:Assertion)-[:SUBJECT|OBJECT]->(n:Entity)
WHERE toLower(n.name) IN n.keys
RETURN DISTINCT n.name AS name, labels(n) AS type
UNION
MATCH (:Race)-[:AT_TRACK|WON_BY]->(n:Entity)
WHERE toLower(n.name) IN n.keys
RETURN DISTINCT n.name AS name, labels(n) AS type
