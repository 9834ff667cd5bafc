"""The reference registry: well-known NASCAR entities and facts, shipped as data.

``registry.json`` holds entities (canonical name, type, aliases, Wikidata QID,
and properties such as a track's length) and facts (relations such as the
manufacturer a team fields in which seasons). The extractor's gazetteer starts
from it, and ingest adds the facts that connect entities a document mentions.

Examples
--------
>>> from nascar_kg.ontology.registry import load_registry
>>> reg = load_registry()
>>> reg.lookup("23xi")[0].name
'23XI Racing'
>>> reg.lookup("Toyota")[0].type
'Manufacturer'
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from nascar_kg.ontology import read_text, vocabulary

REGISTRY_FILE = "registry.json"


def fold(name: str) -> str:
    """Case- and punctuation-insensitive key of a name, for lookups.

    >>> fold("  TRICON  Garage ")
    'tricon garage'
    >>> fold("Corey Heim’s") == fold("corey heim's")
    True
    """
    return " ".join(name.replace("’", "'").casefold().split())


_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def compact_key(name: str) -> str:
    """Lowercase ASCII letters and digits of a name: spellings that differ only by case,
    spacing, punctuation and accents share it ("A.J. Allmendinger" / "AJ Allmendinger",
    "McAnally-Hilgemann Racing" / "McAnally Hilgemann Racing"). Names without any keep
    their folded form.

    >>> compact_key("A.J. Allmendinger") == compact_key("AJ  allmendinger")
    True
    >>> compact_key("Joe Gibbs Racing") == compact_key("Don Gibbs Racing")
    False
    """
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    key = _NON_ALNUM.sub("", text)
    return key or "=" + fold(name)


@dataclass(frozen=True)
class RegistryEntity:
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    properties: dict = field(default_factory=dict, hash=False, compare=False)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class RegistryFact:
    subject: str
    predicate: str
    object: str
    series: str | None = None
    first_season: int | None = None
    last_season: int | None = None
    note: str = ""

    def describe(self) -> str:
        """Human-readable statement of the fact, used as its evidence text."""
        span = ""
        if self.first_season is not None:
            last = self.last_season if self.last_season is not None else "present"
            span = f" ({self.first_season}–{last})" if last != self.first_season else f" ({last})"
        where = f" in the {self.series}" if self.series else ""
        label = vocabulary().predicates[self.predicate].label
        return f"{self.subject} {label} {self.object}{where}{span}."


class Registry:
    """Entities and facts of the registry, with case-insensitive name lookups."""

    def __init__(self, entities: list[RegistryEntity], facts: list[RegistryFact]):
        self.entities = entities
        self.facts = facts
        self._by_key: dict[str, list[RegistryEntity]] = {}
        for entity in entities:
            for name in entity.names:
                bucket = self._by_key.setdefault(fold(name), [])
                if entity not in bucket:
                    bucket.append(entity)
        self._by_name = {e.name: e for e in entities}

    def __len__(self) -> int:
        return len(self.entities)

    def lookup(self, name: str) -> list[RegistryEntity]:
        """Entities known by ``name`` (canonical or alias), canonical matches first."""
        found = self._by_key.get(fold(name), [])
        return sorted(found, key=lambda e: fold(e.name) != fold(name))

    def get(self, canonical_name: str) -> RegistryEntity | None:
        return self._by_name.get(canonical_name)

    def facts_between(self, names: set[str]) -> list[RegistryFact]:
        """Facts whose subject and object are both among the canonical ``names``."""
        return [f for f in self.facts if f.subject in names and f.object in names]


def parse_registry(data: dict) -> Registry:
    """Build a :class:`Registry` from the JSON structure, checking it against the ontology."""
    voc = vocabulary()
    entities = []
    for raw in data.get("entities", []):
        if raw["type"] not in voc.entity_classes:
            raise ValueError(f"registry entity {raw['name']!r}: unknown type {raw['type']!r}")
        props = {k: v for k, v in raw.items() if k not in {"name", "type", "aliases", "wikidata"}}
        entities.append(RegistryEntity(
            name=raw["name"], type=raw["type"], aliases=tuple(raw.get("aliases", ())),
            wikidata=raw.get("wikidata"), properties=props,
        ))
    known = {e.name for e in entities}
    facts = []
    for raw in data.get("facts", []):
        if raw["predicate"] not in voc.predicates:
            raise ValueError(f"registry fact {raw}: unknown predicate")
        for end in ("subject", "object"):
            if raw[end] not in known:
                raise ValueError(f"registry fact {raw}: {raw[end]!r} is not a registry entity")
        seasons = raw.get("seasons") or [None, None]
        facts.append(RegistryFact(
            subject=raw["subject"], predicate=raw["predicate"], object=raw["object"],
            series=raw.get("series"), first_season=seasons[0], last_season=seasons[1],
            note=raw.get("note", ""),
        ))
    return Registry(entities, facts)


@lru_cache(maxsize=1)
def load_registry() -> Registry:
    """The registry shipped with the package."""
    return parse_registry(json.loads(read_text(REGISTRY_FILE)))
