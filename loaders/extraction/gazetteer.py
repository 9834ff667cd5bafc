"""The gazetteer: known names (registry names and aliases, names from race results).

A :class:`Gazetteer` is a spaCy-style component built once per extractor:

in
    a ``Doc`` (tokenized; the parse is not needed);
out
    ``list[GazetteerMatch]``: non-overlapping token spans (longest first) naming a known
    entity, each with its candidate canonical names and types.

It uses one :class:`spacy.matcher.PhraseMatcher` on lower-cased tokens, so thousands of
names cost one pass over the text. A match must look like a name in the text: a span
written all in lower case does not match a name with capitals ("ford the river").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from nascar_kg.ontology.registry import Registry, compact_key, fold

_INITIALS = re.compile(r"\b((?:[A-Z]\.){2,})(?=\s)")


def undotted(text: str) -> str:
    """The name with its initials written without periods ("A.J. Foyt" -> "AJ Foyt"), as
    many writers do; the tokenizer splits the two forms differently, so both are matched."""
    return _INITIALS.sub(lambda m: m.group(1).replace(".", ""), text)


def strip_accents(text: str) -> str:
    """The text without diacritics ("Suárez" -> "Suarez")."""
    import unicodedata

    if text.isascii():
        return text
    return "".join(ch for ch in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(ch))


@dataclass(frozen=True)
class Candidate:
    name: str
    type: str
    source: str  # "registry" or "extra"


@dataclass(frozen=True)
class GazetteerMatch:
    start: int
    end: int
    key: str
    candidates: tuple[Candidate, ...]


class Gazetteer:
    """Phrase matcher over every known name and alias."""

    def __init__(self, nlp, registry: Registry | None, extra_names: Iterable[tuple[str, str]] = (),
                 entity_types: Iterable[str] = ()):
        from spacy.matcher import PhraseMatcher

        allowed = set(entity_types)
        self.entries: dict[str, list[Candidate]] = {}
        self.caps_only: set[str] = set()

        def add(surface: str, cand: Candidate) -> None:
            surface = " ".join(surface.split())
            if len(surface) < 2:
                return
            key = fold(surface)
            if surface.isupper() and len(surface) <= 5:
                self.caps_only.add(key)
            elif key in self.caps_only and not surface.isupper():
                self.caps_only.discard(key)
            bucket = self.entries.setdefault(key, [])
            if cand not in bucket:
                bucket.append(cand)

        if registry is not None:
            for ent in registry.entities:
                for surface in ent.names:
                    add(surface, Candidate(ent.name, ent.type, "registry"))
                    for plain in {strip_accents(surface), undotted(surface)} - {surface}:
                        # "Suarez" in a text written without accents, "AJ" for "A.J."
                        add(plain, Candidate(ent.name, ent.type, "registry"))
        for name, type_ in extra_names:
            if not name or (allowed and type_ not in allowed):
                continue
            key = fold(name)
            if any(c.source == "registry" for c in self.entries.get(key, ())):
                continue
            cand = Candidate(" ".join(name.split()), type_, "extra")
            add(name, cand)
            if undotted(name) != name and not self.entries.get(fold(undotted(name))):
                add(undotted(name), cand)
        # a series is also called by its distinctive word ("Cup", "Xfinity", "Trucks"),
        # unless that word is part of another known name (a surname)
        name_words: set[str] = set()
        for bucket in self.entries.values():
            for cand in bucket:
                if cand.type != "Series":
                    name_words.update(w.lower() for w in cand.name.split())
        generic = {"nascar", "series", "national", "grand", "the", "&", "racing"}
        for key, bucket in list(self.entries.items()):
            series = [c for c in bucket if c.type == "Series" and c.source == "registry"]
            if not series:
                continue
            words = [w for w in key.split() if w not in generic]
            canonical_words = set(fold(series[0].name).split())
            if len(words) == 1 and words[0] not in name_words and words[0].isalpha() and \
                    words[0] in canonical_words:
                short = words[0]
                if short not in self.entries:
                    self.entries[short] = [Candidate(series[0].name, "Series", "derived")]
                    if short.endswith("truck"):
                        self.entries[short + "s"] = [Candidate(series[0].name, "Series",
                                                               "derived")]
        # plural of a make ("<make>s") names the make
        for key, bucket in list(self.entries.items()):
            for cand in bucket:
                if cand.type == "Manufacturer" and not key.endswith("s") and " " not in key:
                    self.entries.setdefault(key + "s", []).append(cand)
        # first names of the known people, a cue that an unknown name is a person's
        self.first_names: set[str] = set()
        person_types = {"Driver", "CrewChief", "Person"}
        for bucket in self.entries.values():
            for cand in bucket:
                parts = cand.name.split()
                if cand.type in person_types and len(parts) >= 2 and parts[0][:1].isupper():
                    self.first_names.add(parts[0])
        # first words of the known teams ("<word> Racing"): a car called "the <word>
        # <make>" is the team's, not a sponsor's
        self.team_words: set[str] = set()
        first_of: dict[str, set] = {}
        for bucket in self.entries.values():
            for cand in bucket:
                if cand.type == "Team" and cand.name.split():
                    self.team_words.add(cand.name.split()[0].lower())
                    first_of.setdefault(cand.name.split()[0], set()).add(cand)
        # a team is also called without its last word when two words remain and they are
        # no person's name ("<Word> <Word> Racing" -> "<Word> <Word>")
        from .lexicon import TEAM_SUFFIXES

        person_names = {fold(c.name) for b in self.entries.values() for c in b
                        if c.type in person_types}
        short_of: dict[str, set] = {}
        for bucket in list(self.entries.values()):
            for cand in bucket:
                words = cand.name.split()
                if cand.type != "Team" or cand.source != "registry" or len(words) != 3 or \
                        words[-1].lower() not in TEAM_SUFFIXES:
                    continue
                short = " ".join(words[:2])
                if words[0] in self.first_names or fold(short) in person_names or \
                        not all(w[:1].isupper() and w.isalpha() for w in words[:2]):
                    continue
                short_of.setdefault(fold(short), set()).add(cand)
        for key, cands in short_of.items():
            if key not in self.entries and len({c.name for c in cands}) == 1:
                c = next(iter(cands))
                self.entries[key] = [Candidate(c.name, "Team", "derived")]
        # a hyphenated first word names its team anywhere ("<Word>-<Word>" of
        # "<Word>-<Word> Racing")
        for w, c in first_of.items():
            names = {x.name for x in c}
            if len(names) == 1 and "-" in w.strip("-") and fold(w) not in self.entries:
                self.entries[fold(w)] = [Candidate(next(iter(c)).name, "Team", "derived")]
        # "<Word>" of one known team "<Word> Racing", for "a <Word> development driver"
        self.team_first: dict[str, Candidate] = {
            w: next(iter(c)) for w, c in first_of.items()
            if len({x.name for x in c}) == 1 and len(w) >= 4 and w[:1].isupper()
            and w.isalpha() and w.lower() not in {"team", "racing", "the"}}
        # surnames of the known people that name one person only and are no word of a
        # known organization's name ("Larson" alone in a list of moves)
        from .lexicon import NAME_SUFFIXES

        org_words: set[str] = set()
        by_surname: dict[str, set] = {}
        for bucket in self.entries.values():
            for cand in bucket:
                parts = cand.name.split()
                if cand.type not in person_types:
                    org_words.update(w.lower() for w in parts)
                    continue
                core = [p for p in parts if p.lower().rstrip(".") not in
                        {x.rstrip(".") for x in NAME_SUFFIXES}]
                if len(core) >= 2 and core[-1][:1].isupper() and core[-1].isalpha():
                    by_surname.setdefault(core[-1], set()).add(cand)
        self.surnames: dict[str, Candidate] = {}
        # a surname that is also a word of an organization's name ("<Surname> Gray
        # Stadium") names the person only in a list of people ("Larson, Byron and <it>")
        self.listed_surnames: dict[str, Candidate] = {}
        # a surname several known people share ("Busch"): which one, the document says
        self.shared_surnames: dict[str, list[Candidate]] = {}
        for surname, cands in by_surname.items():
            names = {c.name for c in cands}
            if len(names) > 1 and len(surname) >= 4:
                self.shared_surnames[surname] = list({c.name: c for c in cands}.values())
            if len(names) != 1 or len(surname) < 4:
                continue
            best = sorted(cands, key=lambda c: c.source != "registry")[0]
            if surname.lower() in org_words:
                self.listed_surnames[surname] = best
            else:
                self.surnames[surname] = best
        self.canonical: dict[str, Candidate] = {}
        self._compact: dict[str, list[Candidate]] = {}
        for bucket in self.entries.values():
            for cand in bucket:
                self.canonical.setdefault(cand.name, cand)
        for key, bucket in self.entries.items():
            compact = self._compact.setdefault(compact_key(key), [])
            compact.extend(c for c in bucket if c not in compact)
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        keys = list(self.entries)
        surfaces = [self.entries[k][0].name if fold(self.entries[k][0].name) == k else k
                    for k in keys]
        for key, pattern in zip(keys, nlp.tokenizer.pipe(surfaces)):
            if len(pattern):
                self.matcher.add(key, [pattern])
        self._strings = nlp.vocab.strings

    def __len__(self) -> int:
        return len(self.entries)

    def lookup(self, surface: str) -> list[Candidate]:
        """Candidates known by this name or alias: written the same up to case, else up to
        spacing, punctuation and accents ("McAnally-Hilgemann" for "McAnally Hilgemann")
        when that names one entity only."""
        found = self.entries.get(fold(surface))
        if found:
            return list(found)
        key = compact_key(surface)
        loose = self._compact.get(key, ()) if len(key) >= 5 else ()
        return list(loose) if len({c.name for c in loose}) == 1 else []

    def __call__(self, doc) -> list[GazetteerMatch]:
        found = []
        for match_id, start, end in self.matcher(doc):
            span = doc[start:end]
            text = span.text
            key = self._strings[match_id]
            cands = self.entries.get(key)
            if not cands:
                continue
            # a name with capitals must be written with capitals in the text
            if text == text.lower() and any(ch.isupper() for ch in cands[0].name):
                continue
            # a short all-capitals alias ("ABC") only matches capitals
            if key in self.caps_only and not text.isupper():
                continue
            found.append((start, end, key, tuple(cands)))
        # longest first, then leftmost; no overlaps
        found.sort(key=lambda m: (-(m[1] - m[0]), m[0]))
        taken = bytearray(len(doc))
        result = []
        for start, end, key, cands in found:
            if any(taken[start:end]):
                continue
            taken[start:end] = b"\x01" * (end - start)
            result.append(GazetteerMatch(start, end, key, cands))
        result.sort(key=lambda m: m.start)
        return result
