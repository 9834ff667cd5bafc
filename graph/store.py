"""The store interface and the registry of backends by name.

As in rdflib's ``Store``/plugin design, a backend declares what it can do
through capability flags, and backends are looked up by name and imported on
first use, so the Neo4j driver is never imported by a user of the embedded
store.

Examples
--------
>>> sorted(available_backends())
['memory', 'neo4j', 'rdf']
>>> get_backend("rdf").query_language
'sparql'
"""

from __future__ import annotations

import importlib
from abc import ABC, abstractmethod
from dataclasses import dataclass

from nascar_kg.errors import UsageError
from nascar_kg.graph.model import GraphBatch

# Capability flags a backend may declare.
SPARQL = "sparql"            #: answers SPARQL through ``query``
CYPHER = "cypher"            #: answers Cypher through ``query``
PERSISTENT = "persistent"    #: keeps the graph after ``close``
TRANSACTIONAL = "transactional"  #: each write of a chunk is all-or-nothing
RDF = "rdf"                  #: exposes the graph as an rdflib graph (``rdflib_graph``)
READ_ONLY_OPEN = "read_only_open"  #: can be opened read-only beside a writer

_BACKENDS: dict[str, str] = {
    "rdf": "nascar_kg.graph.rdf_store:RDFStore",
    "memory": "nascar_kg.graph.rdf_store:MemoryStore",
    "neo4j": "nascar_kg.graph.neo4j_store:Neo4jStore",
}


@dataclass
class WriteSummary:
    """What one write added (counts of items handed in, after merging)."""

    entities: int = 0
    relations: int = 0
    evidence: int = 0
    documents: int = 0
    races: int = 0

    def __iadd__(self, other: "WriteSummary") -> "WriteSummary":
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        return self


class GraphStore(ABC):
    """A place the knowledge graph is written to and queried from.

    Subclasses set ``name``, ``query_language`` and ``capabilities`` and implement
    the abstract methods. Use as a context manager: ``with store: ...``.
    """

    name: str = ""
    query_language: str = ""
    capabilities: frozenset[str] = frozenset()

    def __enter__(self) -> "GraphStore":
        self.open()
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def supports(self, capability: str) -> bool:
        return capability in self.capabilities

    @abstractmethod
    def open(self) -> None:
        """Connect or open; raise a :class:`~nascar_kg.errors.NascarKGError` subclass if impossible."""

    @abstractmethod
    def close(self) -> None:
        """Release the store; safe to call twice."""

    @abstractmethod
    def write(self, batch: GraphBatch) -> WriteSummary:
        """Write entities, documents, relations with evidence, and races; idempotent."""

    @abstractmethod
    def query(self, text: str, params: dict | None = None) -> list[dict]:
        """Run a read query in the backend's language; parameters are bound, never pasted."""

    @abstractmethod
    def read_all(self) -> GraphBatch:
        """The whole graph as a batch (for copying between backends and for exports)."""

    def describe(self) -> str:
        """Where the store is, for messages (never includes a password)."""
        return self.name


def register_backend(name: str, target: str) -> None:
    """Register a backend class by ``"module:Class"``, imported on first use."""
    _BACKENDS[name] = target


def available_backends() -> list[str]:
    return list(_BACKENDS)


def get_backend(name: str) -> type[GraphStore]:
    """The backend class registered under ``name``."""
    try:
        target = _BACKENDS[name]
    except KeyError:
        raise UsageError(
            f"unknown backend {name!r}; choose one of {', '.join(sorted(_BACKENDS))}") from None
    module_name, _, class_name = target.partition(":")
    return getattr(importlib.import_module(module_name), class_name)


def open_store(settings, read_only: bool = False) -> GraphStore:
    """Create (not yet opened) the store that ``settings`` describe."""
    cls = get_backend(settings.backend)
    return cls.from_settings(settings, read_only=read_only)
