"""Rules over race-result phrasing: who finished where, for which team.

A mixin of :class:`.relations._Run`. Race reports say which team a driver drives for
in the result itself:

* "X was 14th for T", "X 10th for T" (a list), "X finished ninth for T's best result":
  an ordinal place followed by "for/with <team>"; the driver is the subject of the verb
  of the place, else the person named just before it;
* "X had a miserable afternoon for T", "X had a strong run with T";
* "X gave T its third victory", "X ... giving T a second car in the top five";
* "X returns for his third season with T".
"""

from __future__ import annotations

import re

ORDINAL_WORDS = frozenset({
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "runner-up", "last", "top-five", "top-10", "top-ten",
    "top-5", "top-three", "top-20", "top-15",
})
_ORDINAL = re.compile(r"\d+(st|nd|rd|th)$")

OUTING_NOUNS = frozenset({
    "day", "afternoon", "night", "evening", "race", "run", "weekend", "season", "outing",
    "finish", "result", "year", "start", "showing", "performance", "debut",
})
"""Nouns of a driver's day ("had a miserable afternoon for T")."""

RESULT_NOUNS = frozenset({
    "victory", "win", "car", "finish", "result", "trophy", "title", "championship", "pole",
    "top-five", "top-10", "podium", "points", "spot",
})
"""What a driver gives a team ("gave T its third victory", "a second car in the top five")."""

SPAN_NOUNS = frozenset({"season", "year", "campaign", "stint", "start", "race", "tenure",
                        "run"})


def is_ordinal(tok) -> bool:
    low = tok.lower_
    return bool(_ORDINAL.match(low)) or low in ORDINAL_WORDS


class ResultRules:
    """Result phrasing rules (see module doc)."""

    def _place_driver(self, place, sent, lo: int):
        """The driver of a result: the subject of the verb of the place, else the person
        named shortly before it (with no other person or team between)."""
        # "... and Y 10th for T": a name right before the place
        for i in range(place.i - 1, max(lo, place.i - 3) - 1, -1):
            m = self.de.mention_at(i)
            if m is not None:
                if self._driverish(m.ent):
                    return m.ent
                break
            if self.doc[i].lower_ not in {"was", "is", "in", "finished", "ran", "placed",
                                          "'s", "’s"}:  # ("Ty's first with T": Ty's)
                break
        t = place
        for _ in range(4):
            if t.head.i == t.i:
                break
            t = t.head
            if t.pos_ in {"VERB", "AUX"}:
                got = [e for e in self.subjects(t) if self._driverish(e)]
                if got:
                    return got[0]
                break
        best = None
        for i in range(place.i - 1, max(lo, place.i - 8) - 1, -1):
            m = self.de.mention_at(i)
            if m is None:
                continue
            e = self.ent(m.ent)
            if self._driverish(m.ent):
                best = m.ent
                break
            if e.type in {"Team", "Organization", "Sponsor"}:
                break
        return best

    def finish_for(self, si, sent, ms) -> None:
        """"X was 14th for T", "X 10th for T", "finished ninth for T's best result"."""
        doc = self.doc
        for m in ms:
            if not self.teamish(m.ent) or m.start - 1 < sent.start:
                continue
            prep = doc[m.start - 1]
            if prep.lower_ not in {"for", "with"}:
                continue
            place = None
            for i in range(prep.i - 1, max(sent.start, prep.i - 4) - 1, -1):
                if is_ordinal(doc[i]):
                    place = doc[i]
                    break
                if self.de.mention_at(i) is not None and \
                        self.ent(self.de.mention_at(i).ent).type != "Manufacturer":
                    break
            if place is None:
                continue
            driver = self._place_driver(place, sent, sent.start)
            if driver is not None:
                self.emit(driver, "drove_for", m.ent, si, 0.7 * self.hedge(place),
                          "finish-for")

    def outing(self, tok, lemma, si) -> None:
        """"X had a miserable afternoon for T", "X gave T its third victory"."""
        if self.negated(tok):
            return
        drivers = [d for d in self.subjects(tok) if self._driverish(d)]
        if not drivers:
            return
        teams: list[int] = []
        if lemma == "have":
            for c in tok.children:
                if c.dep_ == "dobj" and c.lemma_.lower() in OUTING_NOUNS:
                    teams += [t for t in self.pobjs(c, {"for", "with"}) if self.teamish(t)]
                    teams += [t for t in self.pobjs(tok, {"for", "with"}) if self.teamish(t)]
        elif lemma in {"give", "hand", "deliver", "bring"}:
            objs = [c for c in tok.children if c.dep_ == "dobj"]
            if any(c.lemma_.lower() in RESULT_NOUNS for c in objs):
                for c in tok.children:
                    if c.dep_ in {"dative", "iobj"}:
                        teams += [t for t in self.ents_of(c) if self.teamish(t)]
                teams += [t for t in self.pobjs(tok, {"to"}) if self.teamish(t)]
            m = self.de.mention_at(tok.i + 1)
            if not teams and m is not None and self.teamish(m.ent) and any(
                    t.lemma_.lower() in RESULT_NOUNS
                    for t in self.doc[m.end:min(m.end + 5, tok.sent.end)]):
                teams.append(m.ent)  # "giving T its third victory" (misparsed)
        for d in drivers:
            for t in dict.fromkeys(teams):
                self.emit(d, "drove_for", t, si, 0.7 * self.hedge(tok), "outing")

    def span_teams(self, tok) -> list[int]:
        """Teams in "for his third season with T", "in his first year at T" under a verb."""
        out: list[int] = []
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in {"for", "in"}:
                for p in c.children:
                    if p.dep_ == "pobj" and p.lemma_.lower() in SPAN_NOUNS:
                        out += [t for t in self.pobjs(p, {"with", "at", "for"})
                                if self.teamish(t)]
        return out
