"""Entity resolution of race-results names: which spellings are one driver, team, make or track.

The rule, in order, for every name a results file gives (see the README):

1. **Registry.** A spelling that is the canonical name or an alias of a registry
   entity of the same kind (persons, teams, manufacturers, tracks) is that entity,
   under the registry's canonical name ("Roush Fenway Racing" → "RFK Racing").
   A track name listed in a registry track's ``results_names`` is that track when
   the race's surface agrees with the track's (or is not given).
2. **Spelling variants.** Spellings whose *compact key* is equal are one entity:
   the key is the name folded to lowercase ASCII with everything but letters and
   digits removed, so "McAnally-Hilgemann Racing", "McAnally Hilgemann Racing" and
   "MCANALLY HILGEMANN RACING" share it. If one of them is known to the registry, the
   whole group takes the registry's name.
3. **The store.** Otherwise, if the store already holds exactly one entity of the
   same kind whose name or alias has that compact key (written from an article, or
   by an earlier load), the group takes that entity's name, so it is the same node.
4. **Most frequent spelling.** Otherwise the group is named by its most frequent
   spelling in the data loaded (ties: the one seen in the latest season, then the
   alphabetically first).

Nothing else merges: names that differ by more than case, spacing and punctuation
("Joe Gibbs Racing" and "Don Gibbs Racing"; "Kyle Busch Motorsports" and
"Kyle Busch") stay apart unless the registry says they are one. The other
spellings of a merged group become aliases of the entity.

Examples
--------
>>> compact_key("McAnally-Hilgemann Racing") == compact_key("MCANALLY HILGEMANN  racing")
True
>>> compact_key("Joe Gibbs Racing") == compact_key("Don Gibbs Racing")
False
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from nascar_kg.ontology import vocabulary
from nascar_kg.ontology.registry import (  # noqa: F401 (compact_key: part of this API)
    Registry, RegistryEntity, compact_key, fold)


class Resolver:
    """Canonical names for the spellings of one load, by the rule of this module."""

    def __init__(self, registry: Registry, existing: Iterable[tuple[str, str, str]] = ()):
        """``existing``: (iri kind, name, key) of entities already in the store."""
        voc = vocabulary()
        self.registry = registry
        self._kind = {t: voc.iri_kind(t) for t in voc.entity_types}
        self._registry_exact: dict[tuple[str, str], list[RegistryEntity]] = {}
        self._registry_compact: dict[tuple[str, str], list[RegistryEntity]] = {}
        self._results_names: dict[str, list[RegistryEntity]] = {}
        for entity in registry.entities:
            kind = self._kind[entity.type]
            for name in entity.names:
                _add(self._registry_exact, (kind, fold(name)), entity)
                _add(self._registry_compact, (kind, compact_key(name)), entity)
            for name in entity.properties.get("results_names", ()) or ():
                _add(self._results_names, fold(name), entity)
        self._known: dict[tuple[str, str], RegistryEntity | None] = {}
        self._existing: dict[tuple[str, str], set[str]] = {}
        for kind, name, key in existing:
            self._existing.setdefault((kind, compact_key(key)), set()).add(name)

    # -- registry --------------------------------------------------------------
    def registry_entity(self, name: str, type_: str) -> RegistryEntity | None:
        """The registry entity of this kind known by ``name`` (exactly, else by compact key)."""
        key = (name, type_)
        if key not in self._known:
            self._known[key] = self._registry_entity(name, type_)
        return self._known[key]

    def _registry_entity(self, name: str, type_: str) -> RegistryEntity | None:
        kind = self._kind[type_]
        found = self._registry_exact.get((kind, fold(name)))
        if not found:
            found = self._registry_compact.get((kind, compact_key(name)))
        if found and len(found) == 1:
            return found[0]
        if found:  # several: prefer one whose canonical name is the spelling
            exact = [e for e in found if fold(e.name) == fold(name)]
            return exact[0] if len(exact) == 1 else None
        return None

    def results_track(self, name: str, surface: str) -> RegistryEntity | None:
        """The registry track that a results track name denotes at this surface, if any."""
        for entity in self._results_names.get(fold(name), ()):
            want = entity.properties.get("surface")
            if not surface or not want or surface == want:
                return entity
        return None

    # -- groups ----------------------------------------------------------------
    def canonical(self, type_: str, counts: Counter, latest: dict[str, int]) -> dict[str, str]:
        """Map every spelling in ``counts`` (spelling → rows) to its canonical name."""
        kind = self._kind[type_]
        groups: dict[str, list[str]] = {}
        for spelling in counts:
            groups.setdefault(compact_key(spelling), []).append(spelling)
        out: dict[str, str] = {}
        for key, spellings in groups.items():
            known = {}
            for spelling in spellings:
                entity = self.registry_entity(spelling, type_)
                if entity is not None:
                    known[spelling] = entity.name
            if known:
                # spellings the registry knows keep their entity; the rest join the
                # registry name of the group's most frequent known spelling
                best = max(known, key=lambda s: (counts[s], latest.get(s, 0), _neg(s)))
                for spelling in spellings:
                    out[spelling] = known.get(spelling, known[best])
                continue
            stored = self._existing.get((kind, key), set())
            if len(stored) == 1:
                name = next(iter(stored))
            else:
                name = max(spellings, key=lambda s: (counts[s], latest.get(s, 0), _neg(s)))
            for spelling in spellings:
                out[spelling] = name
        return out


def _neg(text: str) -> tuple:
    """A key that sorts the alphabetically first string last, for ``max``."""
    return tuple(-ord(c) for c in text)


def _add(index: dict, key, entity) -> None:
    bucket = index.setdefault(key, [])
    if entity not in bucket:
        bucket.append(entity)


def aliases_for(name: str, spellings: Iterable[str], registry_entity: RegistryEntity | None):
    """Aliases of an entity: the registry's, then other spellings seen (not mere case variants)."""
    seen = {fold(name)}
    out = []
    candidates = list(registry_entity.aliases) if registry_entity is not None else []
    candidates += sorted(spellings)
    for alias in candidates:
        key = fold(alias)
        if alias and key not in seen:
            seen.add(key)
            out.append(alias)
    return tuple(out)
