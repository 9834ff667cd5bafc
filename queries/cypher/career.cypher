// A driver's seasons from race results ($driver): one row per team, series and season,
// with the statistics of the season record; car numbers joined by spaces.
// Every step starts from the driver.
MATCH (d:Entity {iri: $driver})<-[:SUBJECT]-(a:Assertion {predicate: 'drove_for'})-[:OBJECT]->(t:Entity)
MATCH (a)-[:SEASON]->(x:SeasonRecord)-[:IN_SERIES]->(s:Entity)
RETURN d.iri AS driver, t.iri AS team, t.name AS team_name, s.iri AS series,
       s.name AS series_name, x.season AS season, x.starts AS starts, x.wins AS wins,
       x.top5 AS top5, x.top10 AS top10, x.best_finish AS best_finish,
       x.average_finish AS average_finish, x.laps_led AS laps_led,
       reduce(acc = '', car IN coalesce(x.car_numbers, []) |
              acc + CASE WHEN acc = '' THEN '' ELSE ' ' END + car) AS car_numbers
