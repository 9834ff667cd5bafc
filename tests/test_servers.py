"""The real test servers work: ArcadeDB over Bolt (neo4j driver) and Oxigraph
over the SPARQL 1.1 Protocol (urllib)."""

from __future__ import annotations

import json
import socket
import threading
import time
import urllib.parse
import urllib.request

import pytest

neo4j = pytest.importorskip("neo4j")
from neo4j import GraphDatabase  # noqa: E402
from neo4j.exceptions import (  # noqa: E402
    AuthError,
    ClientError,
    ConstraintError,
    ServiceUnavailable,
)

try:
    from .server_fixtures import bolt, clean_bolt, clean_sparql, sparql  # noqa: F401
    from .servers import BoltServer, ServerStartError, bolt_server, free_port, sparql_server
except ImportError:
    from server_fixtures import bolt, clean_bolt, clean_sparql, sparql  # noqa: F401
    from servers import BoltServer, ServerStartError, bolt_server, free_port, sparql_server

# quotes, backslashes, braces, Cypher/SPARQL syntax, control chars, non-BMP
NASTY = "Jeff \"Gordo\" O'Gordon \\ \\\\ } { ]` ; // -- $x \n\t é 日本 🏁"


@pytest.fixture
def driver(clean_bolt):
    drv = GraphDatabase.driver(clean_bolt.uri, auth=clean_bolt.auth)
    yield drv
    drv.close()


def _q(drv, server, cypher, **params):
    return [r.data() for r in drv.execute_query(cypher, params, database_=server.database).records]


# --------------------------------------------------------------------------
# Bolt


def test_bolt_server_answers(clean_bolt, driver):
    assert clean_bolt.uri.startswith("bolt://127.0.0.1:")
    assert clean_bolt.user == "root" and clean_bolt.running
    info = driver.get_server_info()
    assert "ArcadeDB" in info.agent
    assert _q(driver, clean_bolt, "RETURN 1 AS x") == [{"x": 1}]


def test_bolt_parameters_round_trip(clean_bolt, driver):
    rows = [
        {"iri": "urn:d:1", "props": {"name": NASTY, "tags": ["a", NASTY], "nums": [1, 2, 3]}},
        {"iri": "urn:d:2", "props": {"name": "plain", "wins": 7}},
    ]

    def write(tx):
        tx.run(
            "UNWIND $rows AS row MERGE (n:Driver {iri: row.iri}) SET n += row.props", rows=rows
        ).consume()

    with driver.session(database=clean_bolt.database) as session:
        session.execute_write(write)
        session.execute_write(write)  # MERGE is idempotent
        got = session.execute_read(
            lambda tx: [
                r.data()
                for r in tx.run(
                    "MATCH (n:Driver) RETURN n.iri AS iri, properties(n) AS p ORDER BY iri"
                )
            ]
        )
    assert [g["iri"] for g in got] == ["urn:d:1", "urn:d:2"]
    assert got[0]["p"]["name"] == NASTY
    assert got[0]["p"]["tags"] == ["a", NASTY]
    assert got[0]["p"]["nums"] == [1, 2, 3]
    assert got[1]["p"] == {"iri": "urn:d:2", "name": "plain", "wins": 7}
    # the nasty string also works as a match key
    assert _q(driver, clean_bolt, "MATCH (n:Driver) WHERE n.name = $v RETURN n.iri AS i", v=NASTY) == [
        {"i": "urn:d:1"}
    ]


def test_bolt_cypher_subset(clean_bolt, driver):
    q = lambda c, **p: _q(driver, clean_bolt, c, **p)  # noqa: E731
    for label in ("Driver", "Team", "Race", "Track"):
        q(f"CREATE CONSTRAINT {label.lower()}_iri IF NOT EXISTS FOR (n:{label}) REQUIRE n.iri IS UNIQUE")
    q(
        "UNWIND $rows AS row MERGE (n:Driver {iri: row.iri}) SET n += row.props",
        rows=[{"iri": "d:1", "props": {"name": "A"}}, {"iri": "d:2", "props": {"name": "B"}}],
    )
    q("UNWIND $iris AS iri MERGE (:Team {iri: iri})", iris=["t:1", "t:2"])
    q("CREATE (:Race {iri: 'r:1'})-[:HELD_AT]->(:Track {iri: 'k:1'})")
    rels = [
        {"s": "d:1", "o": "t:1", "props": {"since": 1984, "note": NASTY}},
        {"s": "d:2", "o": "t:2", "props": {"since": 1992}},
    ]
    merge_rels = (
        "UNWIND $rels AS rel MATCH (a:Driver {iri: rel.s}) MATCH (b:Team {iri: rel.o}) "
        "MERGE (a)-[r:DROVE_FOR]->(b) SET r += rel.props RETURN count(r) AS c"
    )
    assert q(merge_rels, rels=rels) == [{"c": 2}]
    assert q(merge_rels, rels=rels) == [{"c": 2}]
    q("MATCH (t:Team {iri: 't:1'}), (r:Race {iri: 'r:1'}) MERGE (t)-[:ENTERED]->(r)")

    assert q("MATCH ()-[r:DROVE_FOR]->() RETURN count(*) AS c") == [{"c": 2}]
    assert q(
        "MATCH (a)-[r]-(b) WHERE a.iri IN $iris "
        "RETURN a.iri AS a, type(r) AS t, properties(r) AS p, b.iri AS b, labels(b) AS l ORDER BY a",
        iris=["d:1", "d:2"],
    ) == [
        {"a": "d:1", "t": "DROVE_FOR", "p": {"since": 1984, "note": NASTY}, "b": "t:1", "l": ["Team"]},
        {"a": "d:2", "t": "DROVE_FOR", "p": {"since": 1992}, "b": "t:2", "l": ["Team"]},
    ]
    assert q("MATCH (a:Driver {iri: 'd:1'})-[*1..4]-(b) RETURN DISTINCT b.iri AS b ORDER BY b") == [
        {"b": "k:1"},
        {"b": "r:1"},
        {"b": "t:1"},
    ]
    assert q(
        "MATCH (a:Driver {iri: 'd:1'}), (b:Track {iri: 'k:1'}) "
        "MATCH p = shortestPath((a)-[*..10]-(b)) RETURN [n IN nodes(p) | n.iri] AS ns"
    ) == [{"ns": ["d:1", "t:1", "r:1", "k:1"]}]
    assert q(
        "MATCH (d:Driver) OPTIONAL MATCH (d)-[:DROVE_FOR]->(t:Team)-[:ENTERED]->(r:Race) "
        "RETURN d.iri AS d, collect(r.iri) AS races ORDER BY d"
    ) == [{"d": "d:1", "races": ["r:1"]}, {"d": "d:2", "races": []}]

    with pytest.raises(ConstraintError):
        q("CREATE (:Driver {iri: 'd:1'})")
    assert q("MATCH (n:Driver) RETURN count(*) AS c") == [{"c": 2}]

    q("MATCH (n:Team {iri: 't:1'}) DETACH DELETE n")
    assert q("MATCH (n) RETURN count(*) AS n") == [{"n": 5}]
    assert q("MATCH ()-[r]->() RETURN count(r) AS n") == [{"n": 2}]


def test_bolt_errors(bolt):
    with GraphDatabase.driver(bolt.uri, auth=(bolt.user, "wrong-password")) as drv:
        with pytest.raises(AuthError):
            drv.verify_connectivity()
    with GraphDatabase.driver(bolt.uri, auth=bolt.auth) as drv:
        with pytest.raises(ClientError) as info:
            drv.execute_query("RETURN 1", database_="no_such_database")
        assert info.value.code == "Neo.ClientError.Database.DatabaseNotFound"
    with GraphDatabase.driver(f"bolt://127.0.0.1:{free_port()}", auth=bolt.auth) as drv:
        with pytest.raises(ServiceUnavailable):
            drv.verify_connectivity()


def test_bolt_stop_start_kill_on_same_dir_and_port(tmp_path):
    with bolt_server(tmp_path) as srv:
        uri = srv.uri
        drv = GraphDatabase.driver(srv.uri, auth=srv.auth, max_transaction_retry_time=0)
        try:
            q = lambda c, **p: _q(drv, srv, c, **p)  # noqa: E731
            q("CREATE CONSTRAINT IF NOT EXISTS FOR (n:Driver) REQUIRE n.iri IS UNIQUE")
            q("CREATE (:Driver {iri: $i})", i="before-stop")

            # a session open while the server goes away gets ServiceUnavailable
            with drv.session(database=srv.database) as session:
                tx = session.begin_transaction()
                tx.run("CREATE (:Driver {iri: 'uncommitted'})").consume()
                srv.stop()
                assert not srv.running
                with pytest.raises(ServiceUnavailable):
                    tx.run("RETURN 1").consume()
                with pytest.raises(ServiceUnavailable):
                    session.run("RETURN 1").consume()

            srv.start()
            assert srv.uri == uri
            assert q("MATCH (n:Driver) RETURN n.iri AS i") == [{"i": "before-stop"}]

            # committed before a SIGKILL: kept; the constraint survives too
            q("CREATE (:Driver {iri: 'before-kill'})")
            srv.kill()
            srv.start()
            assert srv.uri == uri
            assert q("MATCH (n:Driver) RETURN n.iri AS i ORDER BY i") == [
                {"i": "before-kill"},
                {"i": "before-stop"},
            ]
            with pytest.raises(ConstraintError):
                q("CREATE (:Driver {iri: 'before-kill'})")
        finally:
            drv.close()
    assert not srv.running


def test_bolt_kill_mid_transaction_is_atomic(tmp_path):
    with bolt_server(tmp_path) as srv:
        drv = GraphDatabase.driver(srv.uri, auth=srv.auth, max_transaction_retry_time=0)
        try:
            drv.execute_query(
                "CREATE CONSTRAINT IF NOT EXISTS FOR (n:Driver) REQUIRE n.iri IS UNIQUE",
                database_=srv.database,
            )
            rows = [{"iri": f"d:{i}", "props": {"i": i}} for i in range(100_000)]
            outcome = {}

            def load():
                try:
                    with drv.session(database=srv.database) as s:
                        s.execute_write(
                            lambda tx: tx.run(
                                "UNWIND $rows AS row MERGE (n:Driver {iri: row.iri}) SET n += row.props",
                                rows=rows,
                            ).consume()
                        )
                    outcome["error"] = None
                except Exception as exc:  # noqa: BLE001
                    outcome["error"] = exc

            worker = threading.Thread(target=load)
            worker.start()
            time.sleep(1.0)
            srv.kill()
            worker.join(timeout=60)
            srv.start()
            count = drv.execute_query(
                "MATCH (n:Driver) RETURN count(*) AS c", database_=srv.database
            ).records[0]["c"]
            if outcome.get("error") is None:  # the load beat the kill: all or nothing still holds
                assert count == len(rows)
            else:
                assert isinstance(outcome["error"], ServiceUnavailable)
                assert count == 0
        finally:
            drv.close()


def test_bolt_start_failure_shows_log(tmp_path):
    srv = BoltServer(tmp_path / "bad", heap="not-a-size")
    with pytest.raises(ServerStartError) as info:
        srv.start(timeout=30)
    assert "Invalid maximum heap size" in str(info.value)
    assert not srv.running


def test_bolt_port_in_use_fails_fast(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        srv = BoltServer(tmp_path / "busy", bolt_port=busy.getsockname()[1])
        t0 = time.monotonic()
        with pytest.raises(ServerStartError) as info:
            srv.start(timeout=60)
        assert time.monotonic() - t0 < 30
        assert "BOLT" in str(info.value)
        assert not srv.running


# --------------------------------------------------------------------------
# SPARQL


def _select(url, query, method="POST"):
    if method == "GET":
        req = urllib.request.Request(
            url + "?" + urllib.parse.urlencode({"query": query}),
            headers={"Accept": "application/sparql-results+json"},
        )
    else:
        req = urllib.request.Request(
            url,
            data=urllib.parse.urlencode({"query": query}).encode(),
            headers={
                "Accept": "application/sparql-results+json",
                "Content-Type": "application/x-www-form-urlencoded",
            },
        )
    with urllib.request.urlopen(req, timeout=30) as resp:
        return json.load(resp)


def _update(url, update):
    req = urllib.request.Request(
        url,
        data=urllib.parse.urlencode({"update": update}).encode(),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    with urllib.request.urlopen(req, timeout=30) as resp:
        assert resp.status in (200, 204)


def _sparql_string(value):
    escaped = (
        value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    )
    return f'"{escaped}"'


def test_sparql_round_trip(clean_sparql):
    srv = clean_sparql
    assert srv.query_url.startswith("http://127.0.0.1:") and srv.update_url.endswith("/update")
    _update(
        srv.update_url,
        "PREFIX ex: <http://example.org/> INSERT DATA { GRAPH ex:g { "
        f"ex:d1 ex:name {_sparql_string(NASTY)} . ex:d1 ex:wins 76 . ex:d2 ex:wins 93 }} }}",
    )
    for method in ("GET", "POST"):
        res = _select(
            srv.query_url,
            "PREFIX ex: <http://example.org/> SELECT ?n WHERE { GRAPH ?g { ex:d1 ex:name ?n } }",
            method,
        )
        assert [b["n"]["value"] for b in res["results"]["bindings"]] == [NASTY]
    res = _select(
        srv.query_url,
        "PREFIX ex: <http://example.org/> SELECT (SUM(?w) AS ?t) WHERE { GRAPH ex:g { ?d ex:wins ?w } }",
    )
    assert res["results"]["bindings"][0]["t"]["value"] == "169"
    assert srv.query("ASK { GRAPH ?g { ?s ?p ?o } }")["boolean"] is True
    srv.reset()
    assert srv.query("ASK { GRAPH ?g { ?s ?p ?o } }")["boolean"] is False


def test_sparql_restart_keeps_data(tmp_path):
    with sparql_server(tmp_path) as srv:
        url = srv.query_url
        srv.update('INSERT DATA { <urn:a> <urn:p> "kept" }')
        srv.stop()
        assert not srv.running
        srv.start()
        assert srv.query_url == url
        res = srv.query("SELECT ?o WHERE { <urn:a> <urn:p> ?o }")
        assert [b["o"]["value"] for b in res["results"]["bindings"]] == ["kept"]
        srv.kill()
        srv.start()
        assert srv.query("ASK { <urn:a> <urn:p> \"kept\" }")["boolean"] is True
    assert not srv.running
