"""Endorsements in quotations: a speaker praising a person.

A mixin of :class:`.relations._Run`. A quotation is read sentence by sentence:

* a sentence praises when it holds a word of praise or readiness ("best", "ready",
  "talented", "I wanted him and I got him") that no negation governs in its own clause
  ("He's one of the best ..., and he doesn't get enough credit" praises; "I don't know
  that anybody is ready" does not);
* whom it praises: the people it names (not the speaker), else the person a pronoun in
  it ("he", "him") stands for: someone named earlier in the same quotation, "said of Y",
  someone named in the attribution sentence, else the person the passage is about;
* who speaks: the subject of a "said" right after the quotation or right before it, or
  of the attribution between this quotation and the previous one in the same paragraph
  ("“...,” said X. “...”");
* thanks are no praise ("I'm grateful to A and B for the confidence").
"""

from __future__ import annotations

from . import lexicon as L

QUOTE_STRONG = frozenset({
    "ready", "talented", "talent", "special", "best", "deserve", "deserves", "deserving",
    "capable", "legit", "elite", "incredible", "impressive", "phenomenal", "excellent",
    "amazing", "skilled", "gifted", "smart", "smartest", "tremendous", "outstanding",
    "awesome", "proven", "worthy", "prepared", "poised", "superstar", "natural",
    "fantastic", "remarkable", "exceptional", "brilliant", "unbelievable", "generational",
    "stud", "wheelman", "racer", "beast", "mature", "promising", "legitimate",
    "unstoppable", "phenom", "overqualified", "sharp", "complete", "classiest",
    "coachable", "greatest", "finest", "clean", "pro", "champion", "star", "great", "good",
    "proud", "impressed", "fast", "quick", "reputation", "ally", "hungry", "belong",
    "winner", "future",
})
"""Words of praise or readiness in a quotation (weaker words count in constructions:
"can win", "better than anybody", "taught me", "I wanted him")."""

QUOTE_WEAK = frozenset({"good", "great", "fast", "quick", "strong", "clean", "complete",
                        "hungry", "proud", "impressed", "special", "smart", "sharp",
                        "natural", "mature"})
"""Praise only said of a person: "he's good", "a complete driver", "proud of him"."""

QUOTE_STRONG = QUOTE_STRONG - QUOTE_WEAK

PERSON_NOUNS = frozenset({"driver", "racer", "kid", "person", "guy", "competitor",
                          "teammate", "chief", "talent", "man", "woman", "leader", "pro",
                          "wheelman", "one", "champion", "worker", "individual", "mind",
                          "young", "people", "human", "crew", "prospect"})

THANK_WORDS = frozenset({"grateful", "thank", "thanks", "thankful", "appreciate",
                         "appreciative", "gratitude"})
CLAUSE_CLIMB = frozenset({"acomp", "attr", "xcomp", "ccomp", "amod", "advmod", "dobj",
                          "pobj", "prep", "npadvmod", "oprd", "compound", "nsubj", "relcl",
                          "pcomp", "aux"})


class QuoteRules:
    """Quotation rules (see module doc)."""

    def _quote_spans(self) -> list[tuple[int, int]]:
        """Token ranges inside quotation marks (curly pairs or straight toggles)."""
        doc = self.doc
        spans, open_at, straight_open = [], None, None
        for t in doc:
            if t.text in {"“", "«"}:
                open_at = t.i + 1
            elif t.text in {"”", "»"} and open_at is not None:
                spans.append((open_at, t.i))
                open_at = None
            elif t.text == '"' or t.text == "''" or t.text == "``":
                if straight_open is None:
                    straight_open = t.i + 1
                else:
                    spans.append((straight_open, t.i))
                    straight_open = None
            elif "\n" in t.text and open_at is None:
                straight_open = None  # a stray mark does not run across paragraphs
        return spans

    # ------------------------------------------------------------ praise
    def _negated_clause(self, t, start: int, end: int) -> bool:
        """Whether a negation governs word ``t`` in its clause (inside the quotation)."""
        hops = 0
        while True:
            for c in t.children:
                if c.dep_ == "neg" or c.lower_ in L.QUOTE_NEGATION and c.dep_ in {
                        "neg", "advmod", "aux", "det", "acomp"}:
                    return True
            if t.lower_ in {"unsure", "hardly", "lacks", "doubt"}:
                return True
            if hops >= 4 or t.head.i == t.i or not (start <= t.head.i < end) or \
                    t.dep_ not in CLAUSE_CLIMB:
                return False
            t, hops = t.head, hops + 1

    def _is_praise(self, t, end: int) -> bool:
        doc = self.doc
        w, lem = t.lower_, t.lemma_.lower()
        if w in QUOTE_STRONG:
            return True
        if w in QUOTE_WEAK:
            # "he's good", "a good driver", "proud of him" (not "he got me good")
            return t.dep_ in {"acomp", "attr"} and t.head.lemma_ == "be" or \
                t.dep_ in {"advmod", "acomp", "oprd"} and t.head.lemma_.lower() in {
                    "drive", "race", "run", "driving", "racing"} or \
                t.dep_ == "amod" and t.head.lemma_.lower() in PERSON_NOUNS or \
                any(c.dep_ == "prep" and c.lower_ in {"of", "with", "by"} for c in t.children) \
                and lem in {"proud", "impressed"}
        if w in QUOTE_STRONG or lem in QUOTE_STRONG:
            return True
        modals = {"can", "could"} | ({"will", "'ll", "’ll"} if lem == "win" else set())
        if lem in {"drive", "win", "race", "compete", "contend"} and (any(
                c.lower_ in modals for c in t.children) or
                lem == "win" and t.head.lemma_.lower() == "go" and t.head.tag_ == "VBG"):
            return True  # "Both of them can drive", "is going to win a championship"
        if w == "real" and t.head.lower_ == "deal":
            return True  # "the real deal"
        if w == "guy" and t.dep_ == "attr" and any(c.lower_ == "the" for c in t.children):
            return True  # "Rudy was the guy"
        if w in {"anybody", "anyone", "everybody", "everyone"} and t.head.lower_ == "than":
            return True  # "knows this place better than anybody"
        if lem in {"teach", "learn"} and t.pos_ == "VERB":
            return True  # "Doc taught me how to ...", "I learned more from him"
        if lem in {"want", "trust"} and t.i + 1 < end and doc[t.i + 1].lower_ in {"him", "her"}:
            return True  # "I wanted him and I got him"
        return False

    def _praise_tokens(self, start: int, end: int) -> list:
        return [t for t in self.doc[start:end]
                if self._is_praise(t, end) and not self._negated_clause(t, start, end)]

    def _praise(self, start: int, end: int) -> bool:
        return bool(self._praise_tokens(start, end))

    def quote_speaker(self, i: int) -> list[int]:
        """The speaker of the quotation that token ``i`` is in (none outside quotes)."""
        spans = getattr(self, "_qspans", None)
        if spans is None:
            spans = self._qspans = self._quote_spans()
            self._qspeakers: dict[int, list[int]] = {}
        prev = None
        for k, (a, b) in enumerate(spans):
            if a <= i < b:
                if k not in self._qspeakers:
                    self._qspeakers[k] = []  # no recursion through pronoun speakers
                    self._qspeakers[k] = self._speaker_near(a, b, prev)[0]
                return self._qspeakers[k]
            prev = b
        return []

    # ------------------------------------------------------------ speaker
    def _say_subject(self, t, qstart: int):
        if t.pos_ in {"VERB", "AUX"} and t.lemma_.lower() in L.SAY_VERBS | {"add"}:
            pron = [c for c in t.children if c.dep_ == "nsubj" and c.lower_ in {"he", "she"}]
            if pron:
                # "..., he said": the person named last before the quotation (outside it)
                return self._speaker_before(qstart)
            who = [e for e in self.subjects(t) if self.ent(e).is_person]
            if who:
                return who[:1]
        return []

    def inside_quote(self, i: int) -> bool:
        inside = getattr(self, "_inside_quotes", None)
        if inside is None:
            inside = self._inside_quotes = bytearray(len(self.doc))
            for a, b in self._quote_spans():
                inside[a:b] = b"\x01" * (b - a)
        return bool(inside[i])

    def _speaker_before(self, qstart: int) -> list[int]:
        self.inside_quote(qstart)
        inside = self._inside_quotes
        k = self._sent_index(self.doc[qstart])
        for j in range(k, max(-1, k - 3), -1):
            people = [m for m in self.de.in_sentence(j) if m.start < qstart and
                      not inside[m.start] and self.ent(m.ent).is_person]
            if people:
                subj = [m for m in people if self.doc[m.root].dep_ in {"nsubj", "nsubjpass"}]
                return [(subj or people)[-1].ent]
        return []

    def _speaker_near(self, start: int, end: int, prev_end: int | None = None):
        """Speaker of a quotation: subject of a "said" right after it (or right before),
        or of the attribution since the previous quotation of the paragraph."""
        doc = self.doc
        sent_end = doc[end - 1].sent.end if end > 0 else end
        windows = [range(end, min(end + 8, len(doc), sent_end + 6)),
                   range(start - 1, max(0, start - 9), -1)]
        for rng in windows:
            for i in rng:
                t = doc[i]
                who = self._say_subject(t, start)
                if who:
                    return who, t
                if "\n" in t.text or "\n" in t.whitespace_ and i != start - 1:
                    break
        if prev_end is not None and start - prev_end <= 40 and not any(
                "\n" in t.text or "\n" in t.whitespace_ for t in doc[prev_end:start - 1]):
            for t in doc[prev_end:start]:
                who = self._say_subject(t, start)
                if who:
                    return who, t
        return [], None

    # ------------------------------------------------------------ about
    def _focal_person(self, start: int, speaker: int) -> list[int]:
        """The person the passage is about: of those named in the last sentences, the
        one the document names most."""
        doc = self.doc
        first_sent = doc[start].sent.start
        sents = [k for k, s in enumerate(self.de.sents) if s.start <= first_sent]
        k0 = sents[-1] if sents else 0
        cands = [m.ent for m in self.de.mentions
                 if self.de.sents[max(0, k0 - 3)].start <= m.start < start
                 and self.ent(m.ent).is_person and m.ent != speaker
                 and m.sent not in self.de.headings]  # (not a post's signature line)
        if not cands:
            # the driver the article is about (named at least three times so far)
            counts: dict[int, int] = {}
            for m in self.de.mentions:
                if m.start < start and self.ent(m.ent).type == "Driver" and m.ent != speaker:
                    counts[m.ent] = counts.get(m.ent, 0) + 1
            top = sorted(counts.items(), key=lambda kv: -kv[1])
            if top and top[0][1] >= 3 and (len(top) == 1 or top[0][1] > top[1][1]):
                return [top[0][0]]
            return []
        return [max(dict.fromkeys(cands),
                    key=lambda e: (len(self.ent(e).mentions), cands[::-1].index(e) * -1))]

    def _clause(self, t):
        for _ in range(5):
            if t.pos_ in {"VERB", "AUX"} or t.head.i == t.i:
                return t
            t = t.head
        return t

    def _about_sentence(self, lo: int, hi: int, qstart: int, qend: int, speaker: int,
                        verb, praise=None) -> list[int]:
        doc = self.doc
        if praise is not None:
            # the people the clause of the praise names ("Travis has a great reputation")
            clause = self._clause(praise)
            toks = [t for t in clause.subtree if lo <= t.i < hi]
            named = [self.men(t).ent for t in toks if self.men(t) is not None
                     and self.ent(self.men(t).ent).is_person and self.men(t).ent != speaker]
            if named:
                return list(dict.fromkeys(named))
            if not {t.lower_ for t in toks} & {"he", "she", "him", "her", "his", "kid",
                                                 "guy"}:
                pass
            else:
                lo2 = min(t.i for t in toks)
                return self._about_sentence(lo2, hi, qstart, qend, speaker, verb)
        named = [m.ent for m in self.de.mentions if lo <= m.start < hi
                 and self.ent(m.ent).is_person and m.ent != speaker]
        if named:
            return list(dict.fromkeys(named))
        words = {t.lower_ for t in doc[lo:hi]}
        if not words & {"he", "she", "him", "her", "his", "kid", "he's", "she's", "guy"}:
            return []
        earlier = [m.ent for m in self.de.mentions if qstart <= m.start < lo
                   and self.ent(m.ent).is_person and m.ent != speaker]
        if len(set(earlier)) == 1:
            return earlier[:1]
        if verb is not None:
            of = [e for e in self.pobjs(verb, {"of", "about"}) if self.ent(e).is_person]
            if of:
                return of
        return self._focal_person(qstart, speaker)

    def quotations(self) -> None:
        prev_end = None
        for start, end in self._quote_spans():
            if end - start < 3:
                prev_end = end
                continue
            praise = self._praise_tokens(start, end)
            if not praise:
                prev_end = end
                continue
            speaker, verb = self._speaker_near(start, end, prev_end)
            prev_end = end
            if not speaker:
                continue
            si = self._sent_index(self.doc[start])
            done: set[int] = set()
            for p in praise:
                lo, hi = max(start, p.sent.start), min(end, p.sent.end)
                if lo in done:
                    continue
                done.add(lo)
                if {t.lemma_.lower() for t in self.doc[lo:hi]} & THANK_WORDS:
                    continue
                for o in self._about_sentence(lo, hi, start, end, speaker[0], verb, p):
                    self.emit(speaker[0], "endorses", o, si, 0.7, "quotation")
