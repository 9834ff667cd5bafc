"""Query texts, one file per query and language, read from ``sparql/`` and ``cypher/``.

A query function asks for a query by name; the store's ``query_language``
picks the file. Values never enter these texts: they are bound as parameters.
Rows come back as dicts; the normalizers here turn backend-specific values
(an ontology IRI from SPARQL, a label or relationship type from Cypher) into
the ontology's names.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from nascar_kg.ontology import NS, vocabulary

_EXTENSIONS = {"sparql": "rq", "cypher": "cypher"}


@lru_cache(maxsize=None)
def query_text(language: str, name: str) -> str:
    """The text of query ``name`` in ``language`` (``sparql`` or ``cypher``)."""
    filename = f"{name}.{_EXTENSIONS[language]}"
    return resources.files(__package__).joinpath(language, filename).read_text(encoding="utf-8")


def run(store, name: str, **params) -> list[dict]:
    """Run the named query on ``store`` with bound parameters."""
    return store.query(query_text(store.query_language, name), params)


@lru_cache(maxsize=1)
def _lookup() -> dict[str, str]:
    voc = vocabulary()
    table = {}
    for name in voc.entity_types + voc.predicate_names:
        for form in (name, NS + name, name.upper()):
            table[form] = name
    return table


def ontology_name(value) -> str | None:
    """The ontology name of a class or predicate given as IRI, label or relationship type.

    >>> ontology_name("https://w3id.org/nascar-kg/ontology#drove_for")
    'drove_for'
    >>> ontology_name("DROVE_FOR"), ontology_name("Driver"), ontology_name("Document")
    ('drove_for', 'Driver', None)
    """
    if isinstance(value, (list, tuple)):
        for item in value:
            found = ontology_name(item)
            if found:
                return found
        return None
    return _lookup().get(str(value))
