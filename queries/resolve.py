"""Resolve a name given by a user to one entity of the graph.

Names match canonical names and aliases case-insensitively; a single word
also matches the last word of a name ("heim" → Corey Heim) and, failing that, a
word of letters and digits matches the first word of an organization's name
("trackhouse" → Trackhouse Racing; not a person's: a first name alone is no name). An
unknown or
ambiguous name raises :class:`~nascar_kg.errors.NameResolutionError` listing
the closest candidates.
"""

from __future__ import annotations

import difflib

from nascar_kg.graph.model import IRI, EntityRef, valid_text
from nascar_kg.ontology import vocabulary
from nascar_kg.ontology.registry import fold
from nascar_kg.queries.texts import ontology_name, run

from nascar_kg.errors import NameResolutionError, quoted_name

MAX_CANDIDATES = 5


def _refs(rows) -> dict[str, EntityRef]:
    found = {}
    for row in rows:
        type_ = ontology_name(row["type"])
        if type_:
            found[row["e"]] = EntityRef(row["name"], type_)
    return found


def resolve_entity(store, name: str) -> tuple[IRI, EntityRef]:
    """The IRI and reference of the one entity known by ``name``."""
    name = valid_text(name)  # a command-line argument that is not UTF-8
    key = fold(name)
    if not key:
        raise NameResolutionError("empty name")
    found = _refs(run(store, "resolve", key=key))
    if not found and " " not in key:
        found = _refs(run(store, "resolve_suffix", suffix=" " + key))
    if not found and key.isalnum() and len(key) >= 3:
        voc = vocabulary()
        people = {c for c in voc.entity_classes if voc.iri_kind(c) == "person"}
        found = {iri: ref for iri, ref in _refs(run(store, "resolve_prefix",
                                                    prefix=key + " ")).items()
                 if ref.type not in people}
    if len(found) == 1:
        iri, ref = next(iter(found.items()))
        return IRI(iri), ref
    if len(found) > 1:
        names = sorted(f"{r.name} ({r.type})" for r in found.values())
        raise NameResolutionError(f"{quoted_name(name)} is ambiguous: it could be "
                                  f"{', '.join(names[:MAX_CANDIDATES])}", names)
    candidates = suggest(store, key)
    hint = f"; closest: {', '.join(candidates)}" if candidates else ""
    raise NameResolutionError(f"no entity named {quoted_name(name)} in the graph{hint}", candidates)


def suggest(store, key: str) -> list[str]:
    """Names closest to the folded ``key``, best first."""
    names_by_key: dict[str, set[str]] = {}
    for row in run(store, "names"):
        names_by_key.setdefault(row["key"], set()).add(row["name"])
    close = difflib.get_close_matches(key, list(names_by_key), n=MAX_CANDIDATES * 2, cutoff=0.6)
    out: list[str] = []
    for k in close:
        for n in sorted(names_by_key[k]):
            if n not in out:
                out.append(n)
    return out[:MAX_CANDIDATES]


def describe(store, iri: str) -> EntityRef | None:
    """Name and type of the entity at ``iri`` (None if it is not an entity)."""
    refs = _refs(run(store, "entity", e=IRI(iri)))
    return refs.get(iri)
