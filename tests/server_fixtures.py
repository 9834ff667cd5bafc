"""pytest fixtures for the real test servers of ``servers.py``.

The project's conftest makes them available with, e.g.::

    from server_fixtures import bolt, clean_bolt, sparql, clean_sparql  # noqa: F401

(or ``from tests.server_fixtures import ...`` when ``tests`` is a package).

* ``bolt`` (session): one ArcadeDB+Bolt server for the whole run, a
  :class:`servers.BoltServer` (``uri``, ``user``, ``password``, ``auth``,
  ``database``). Pass ``database=bolt.database`` to every neo4j session.
* ``clean_bolt`` (function): the same server, restarted if an earlier test
  stopped it, with its database dropped and re-created (empty, no
  constraints) before the test.
* ``sparql`` (session) / ``clean_sparql`` (function): the same for Oxigraph
  (``query_url``, ``update_url``, ``store_url``); clean means ``DROP ALL``.

Tests that stop, kill or restart a server should start their own with
``servers.bolt_server(tmp_path)`` / ``servers.sparql_server(tmp_path)``
rather than disturb the shared one.

A server is started at most once per pytest run even if these fixtures get
registered more than once (imported by the conftest and by a test module):
the instance lives on ``request.config`` and is stopped when pytest ends.
"""

from __future__ import annotations

import pytest

try:  # tests/ as a package
    from .servers import BoltServer, SparqlServer
except ImportError:  # tests/ on sys.path (pytest's default rootdir/conftest import)
    from servers import BoltServer, SparqlServer

_ATTR = "_nascar_kg_test_servers"


def _shared(request, key, make):
    registry = request.config.__dict__.setdefault(_ATTR, {})
    server = registry.get(key)
    if server is None:
        server = make()
        # registered before start(): a failed start is cleaned up too
        request.config.add_cleanup(server.stop)
        registry[key] = server
        server.start()
    elif not server.running:
        server.start()
    return server


@pytest.fixture(scope="session")
def bolt(request, tmp_path_factory) -> BoltServer:
    return _shared(
        request, "bolt", lambda: BoltServer(tmp_path_factory.mktemp("arcadedb") / "arcadedb")
    )


@pytest.fixture(scope="session")
def sparql(request, tmp_path_factory) -> SparqlServer:
    return _shared(
        request, "sparql", lambda: SparqlServer(tmp_path_factory.mktemp("oxigraph") / "oxigraph")
    )


@pytest.fixture
def clean_bolt(bolt: BoltServer) -> BoltServer:
    if not bolt.running:
        bolt.start()
    bolt.reset()
    return bolt


@pytest.fixture
def clean_sparql(sparql: SparqlServer) -> SparqlServer:
    if not sparql.running:
        sparql.start()
    sparql.reset()
    return sparql
