// Who drove for $team, from race results: one row per driver, series and season, with
// the statistics of the season record; car numbers joined by spaces.
// Every step starts from the team.
MATCH (t:Entity {iri: $team})<-[:OBJECT]-(a:Assertion {predicate: 'drove_for'})-[:SUBJECT]->(d:Entity)
MATCH (a)-[:SEASON]->(x:SeasonRecord)-[:IN_SERIES]->(s:Entity)
RETURN t.iri AS team, d.iri AS driver, d.name AS driver_name, s.iri AS series,
       s.name AS series_name, x.season AS season, x.starts AS starts, x.wins AS wins,
       x.top5 AS top5, x.top10 AS top10, x.best_finish AS best_finish,
       x.average_finish AS average_finish, x.laps_led AS laps_led,
       reduce(acc = '', car IN coalesce(x.car_numbers, []) |
              acc + CASE WHEN acc = '' THEN '' ELSE ' ' END + car) AS car_numbers
