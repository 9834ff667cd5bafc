"""Relation extraction from the dependency parse, cue lexicons and the linked entities.

The :class:`RelationExtractor` component

in
    a :class:`~.entities.DocEntities` (parsed ``Doc`` + linked entity mentions);
out
    ``list[Edge]``: typed edges between document entities, each with the sentence that
    states it (character offsets into the original text) and a confidence.

How it reads a sentence. Each rule starts from a *cue* (a verb such as "drive",
"endorse", "feud", a noun such as "endorsements", "crew chief", "owner", or a name
pattern such as "<team> driver <person>") and finds the cue's arguments in the parse:
subjects (``nsubj``, inherited through ``conj``/``xcomp``, the antecedent of a relative
clause "X, who ..."), objects (``dobj``, the ``pobj`` of given prepositions, the ``agent``
of a passive). Arguments expand through coordination ("A, B and C") and apposition
("X, a veteran crew chief"), and resolve pronouns ("his") to the nearest person named
before, and "both drivers" to the last two drivers named. A cue under negation ("did
not sign") yields nothing; hedging ("might join", "if") lowers the confidence. Types are
checked with the ontology (``accepts``); a person whose type came only from the default
is given the type the predicate needs (the subject of "drives for" is a driver).

Rules by topic live in mixins: car numbers and "<team> <make>" phrases in :mod:`.cars`,
result phrasing ("14th for T", "gave T its win") in :mod:`.results`, quotations in
:mod:`.quotes`. Beyond the parse, a few rules read the words when the small model misparses
("<chief> ..., called races for Y"), and coreference is kept light: pronouns to the
nearest compatible name (not the clause's own subject or object, not a quotation's
speaker), "the team"/"the company" to the one named last (or the article's dominant
team, or the subject team of a release's opening sentence), a car number to the car named
before under it, "the <team> driver" to the driver of the sentence before, a crew chief
named alone to the driver who is the subject just before, and teammates to one team
(the one either of them is said to drive for, settled once the whole text is read), as
is the place of one replaced ("C2 replaces C1", "Y will replace X in the No. 21 at T").
"""

from __future__ import annotations

from dataclasses import dataclass

from . import lexicon as L
from .cars import NUMBER_SIGNS, CarRules
from .quotes import QuoteRules
from .results import SPAN_NOUNS, ResultRules
from .entities import PERSON_TYPES, DocEntities, DocEntity, PronounMention, first_conjunct

PRONOUN_WORDS = frozenset({"he", "she", "him", "her", "his", "they", "them", "their",
                           "it", "its", "two", "both", "team", "company"})
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "parataxis"})
SUBJ_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})


@dataclass
class Edge:
    subject: int
    predicate: str
    object: int
    sent: int
    confidence: float
    rule: str


def _verbal(tok) -> bool:
    """Whether a token acts as a verb: tagged so, or a plural noun heading the sentence
    with a subject of its own (the small model reads "- X moves from T" in a bulleted
    list as a noun)."""
    return tok.pos_ in {"VERB", "AUX"} or tok.dep_ == "ROOT" and tok.tag_ == "NNS" and \
        any(c.dep_ == "nsubj" for c in tok.children)


def _rank(typ: str) -> int:
    if typ in PERSON_TYPES:
        return 0
    if typ in {"Team", "Sponsor"}:
        return 1
    return 2


class RelationExtractor:
    """Rules over one document's parse (see module doc)."""

    def __init__(self, vocabulary):
        self.voc = vocabulary

    def __call__(self, de: DocEntities) -> list[Edge]:
        run = _Run(self.voc, de)
        for si, sent in enumerate(de.sents):
            ms = de.in_sentence(si)
            run.car_card(si)  # ("No. 11 — Y" over a car's review)
            if si in de.headings:
                run.listing_line(si, sent, ms)  # ("Y, T, No. 10 <make>" over a section)
                continue
            if not ms and not any(t.lower_ in PRONOUN_WORDS for t in sent):
                continue  # (a sentence naming no one may still speak of "their feud")
            run.sentence(si, sent, ms)
        run.quotations()
        run.posts()
        run.note_subject_pronouns()
        return run.finish()


class _Run(CarRules, ResultRules, QuoteRules):
    def __init__(self, voc, de: DocEntities):
        self.voc = voc
        self.de = de
        self.doc = de.doc
        self.edges: dict[tuple, Edge] = {}
        self._teammates: list[tuple[list[int], list[int], int]] = []
        self._replaced: list[tuple[int, int, int]] = []
        self._car_owners: list[tuple[list[int], int, int]] = []
        self._for_owner: list[tuple[int, int, int]] = []
        self.quoted = de.quoted
        self.quoted.clear()
        de.pronouns.clear()

    def note_subject_pronouns(self) -> None:
        """Record the person each subject "he"/"she" outside quotations stands for (when
        :meth:`pronoun` finds exactly one): the pair model reads such a sentence as if it
        named the person ("He moved up with <team> in 2006")."""
        for si, sent in enumerate(self.de.sents):
            for tok in sent:
                if tok.lower_ in {"he", "she"} and tok.dep_ in SUBJ_DEPS and \
                        not self.inside_quote(tok.i):
                    found = self.pronoun(tok)
                    if len(found) == 1:
                        self.de.pronouns.append(PronounMention(found[0], tok.i, si))

    # ---------------------------------------------------------------- utilities
    def ent(self, idx: int) -> DocEntity:
        return self.de.entities[idx]

    def men(self, tok):
        return self.de.mention_at(tok.i)

    def group_of(self, m) -> list[int]:
        """The entity of mention ``m`` and those coordinated with it ("A, B and C")."""
        doc, de = self.doc, self.de
        out = [m.ent]
        kind = self.ent(m.ent).is_person
        root = doc[m.root]
        # climb to the first conjunct, then collect the chain
        stack = [first_conjunct(root)]
        seen = set()
        while stack:
            t = stack.pop()
            if t.i in seen:
                continue
            seen.add(t.i)
            mm = de.mention_at(t.i)
            if mm is not None and self.ent(mm.ent).is_person == kind and mm.ent not in out:
                out.append(mm.ent)
            for c in t.children:
                if c.dep_ == "conj":
                    stack.append(c)
                elif c.dep_ in {"compound", "prep", "pobj"} and de.mention_at(c.i) is not None \
                        and de.mention_at(c.i) is mm:
                    stack.append(c)
        # surface coordination as a fallback for parses that missed it
        for direction in (-1, 1):
            cur = m
            while True:
                j = self._past_parenthesis(cur.start - 1 if direction < 0 else cur.end,
                                           direction)
                steps = 0
                while 0 <= j < len(doc) and doc[j].lower_ in {",", "and", "&", "or"} and steps < 2:
                    j += direction
                    steps += 1
                if steps == 0 or not 0 <= j < len(doc):
                    break
                nxt = de.mention_at(self._past_parenthesis(j, direction))
                if nxt is None or nxt.sent != m.sent or self.ent(nxt.ent).is_person != kind:
                    break
                if nxt.end < len(doc) and doc[nxt.end].lower_ in {"'s", "’s", "'", "’"}:
                    break  # "A, B's crew chief": B is no conjunct of A
                if nxt.ent not in out:
                    out.append(nxt.ent)
                cur = nxt
        return out

    def _past_parenthesis(self, j: int, direction: int, limit: int = 16) -> int:
        """The token after a parenthesis that starts at ``j`` ("A (No. 20, crew chief C),
        B (No. 19) and D": the details between brackets do not break the list)."""
        doc = self.doc
        opening, closing = ("(", ")") if direction > 0 else (")", "(")
        if not 0 <= j < len(doc) or doc[j].text != opening:
            return j
        k = j + direction
        while 0 <= k < len(doc) and abs(k - j) <= limit and doc[k].text not in {
                opening, closing, "\n"}:
            k += direction
        if 0 <= k < len(doc) and doc[k].text == closing:
            return k + direction
        return j

    def parenthetical_chief(self, si, sent, ms) -> None:
        """Previews list each driver with his car and crew chief: "D (No. 20 <team>
        <make>, crew chief C)": C calls D's races."""
        doc = self.doc
        for m in ms:
            if m.end >= sent.end or doc[m.end].text != "(" or not self._driverish(m.ent):
                continue
            close = self._past_parenthesis(m.end, 1) - 1
            if close <= m.end:
                continue
            for k in range(m.end + 1, close - 2):
                if doc[k].lower_ == "crew" and doc[k + 1].lower_ == "chief":
                    c = self.de.mention_at(k + 2)
                    if c is not None and c.end <= close and self.ent(c.ent).is_person:
                        if not self.ent(c.ent).certain:
                            self.ent(c.ent).type = "CrewChief"
                        self.emit(c.ent, "crew_chief_for", m.ent, si, 0.8, "(crew-chief)")

    def surface_group(self, m) -> list[int]:
        """The names listed just before and including ``m`` ("A, B and C, who ...")."""
        doc, out, cur = self.doc, [m.ent], m
        kind = self.ent(m.ent).is_person
        while True:
            j, steps = cur.start - 1, 0
            while j >= 0 and doc[j].lower_ in {",", "and", "&", "or"} and steps < 2:
                j, steps = j - 1, steps + 1
            if steps == 0 or j < 0:
                break
            prev = self.de.mention_at(j)
            if prev is None or prev.sent != m.sent or self.ent(prev.ent).is_person != kind:
                break
            # "A, who ..., B and C, who": stop at a name that has its own clause
            if any(c.dep_ in {"relcl", "appos"} for c in doc[prev.root].children) and \
                    doc[j + 1].text == ",":
                break
            out.append(prev.ent)
            cur = prev
        return out

    def antecedent(self, tok) -> list[int]:
        """Entities a relative pronoun ("who", "whose") refers to."""
        doc = self.doc
        j = tok.i - 1
        while j >= 0 and doc[j].text in {",", "—", "–", "-", "("}:
            j -= 1
        if j >= 0:
            m = self.de.mention_at(j)
            if m is not None:
                if tok.lower_ == "who" and not self.ent(m.ent).is_person:
                    return self._described_person(m) or self.surface_group(m)
                return self.surface_group(m)
        # by the parse: the noun the relative clause hangs on
        t = tok
        while t.dep_ != "relcl" and t.head.i != t.i:
            t = t.head
        if t.dep_ == "relcl":
            return self.ents_of(t.head, follow_rel=False)
        return []

    def _described_person(self, m) -> list[int]:
        """The person "who" stands for after an organization that ends a description of
        him: "Y, a winner for T who also filled in for ..." is Y."""
        t = self.doc[m.root]
        for _ in range(4):
            if t.dep_ not in {"pobj", "prep", "compound"} or t.head.i == t.i:
                break
            t = t.head
        if t.dep_ != "appos":
            return []
        return [e for e in self.ents_of(t.head, follow_rel=False) if self.ent(e).is_person]

    def pronoun(self, tok) -> list[int]:
        """The person a personal pronoun refers to: the nearest one named before it."""
        de, doc = self.de, self.doc
        sent = doc[tok.i].sent
        if tok.lower_ in {"his", "her", "himself", "herself"}:
            # "X ... added his own endorsement": the subject of the clause
            t = tok.head
            for _ in range(4):
                if t.pos_ in {"VERB", "AUX"}:
                    for c in t.children:
                        if c.dep_ in {"nsubj", "nsubjpass"} and c.i < tok.i:
                            mm = self.men(c)
                            if mm is not None and self.ent(mm.ent).is_person:
                                return [mm.ent]
                    break
                if t.head.i == t.i:
                    break
                t = t.head
        exclude = set(self.quote_speaker(tok.i))  # in a quotation, not the speaker
        if tok.dep_ == "nsubj" and tok.lower_ in {"he", "she"}:
            # "Y, whom he confronted": he is not Y
            exclude |= {e for c in tok.head.children if c.dep_ in {"dobj", "dative"}
                        and c.lower_ in L.RELATIVE_PRONOUNS for e in self.antecedent(c)}
        if tok.lower_ in {"him", "her"}:
            # "X has called him ...": him is not X; nor, in "W asked for him, and X
            # vouched for him", is the second "him" W
            for p in sent:
                if p.lower_ != tok.lower_ or p.dep_ not in {"dobj", "pobj", "dative", "nsubj"}:
                    continue
                v = p.head
                while v.pos_ not in {"VERB", "AUX"} and v.head.i != v.i:
                    v = v.head
                exclude |= {m.ent for c in v.children if c.dep_ in SUBJ_DEPS
                            for m in [self.men(c)] if m is not None}
        best = None
        for m in de.mentions:
            if m.start >= tok.i:
                break
            if self.ent(m.ent).is_person and m.start >= sent.start and \
                    m.ent not in exclude and not (exclude and doc[m.root].dep_ == "compound") \
                    and not self._relative_in_apposition(doc[m.root]):
                best = m
        if best is not None:
            return [best.ent]
        si = de.mention_at(tok.i).sent if de.mention_at(tok.i) else None
        # previous sentences: their subject if a person, else the last person named
        s_idx = next((k for k, s in enumerate(de.sents) if s.start <= tok.i < s.end), None)
        if s_idx is None:
            return []
        for k in range(s_idx - 1, max(-1, s_idx - 3), -1):
            people = [m for m in de.in_sentence(k) if self.ent(m.ent).is_person and
                      m.ent not in exclude]
            if not people:
                continue
            subj = [m for m in people if doc[m.root].dep_ in SUBJ_DEPS]
            return [(subj or people[-1:])[0].ent] if subj else [people[-1].ent]
        del si
        return []

    def _relative_in_apposition(self, tok) -> bool:
        """"Y, X's nephew, ...": X only describes Y, and "his" later is Y's."""
        if tok.dep_ != "poss" or tok.head.dep_ != "appos":
            return False
        m = self.men(tok.head.head)
        return m is not None and self.ent(m.ent).is_person

    def recent_team(self, tok) -> list[int]:
        """The team "the team" refers to: the last team named before it in the same
        sentence, else the document's most mentioned team."""
        sent = self.doc[tok.i].sent
        for m in reversed(self.de.mentions):
            if sent.start <= m.start < tok.i and self.ent(m.ent).type == "Team":
                return [m.ent]
        # the team named in the sentence just before ("T will continue as an open
        # team. Y drove the team's No. 51")
        k = self._sent_index(tok)
        if k > 0:
            prev = [m.ent for m in self.de.in_sentence(k - 1) if self.ent(m.ent).type == "Team"]
            if len(set(prev)) == 1:
                return prev[:1]
        # the team the article is about: the headline's first, else one that dominates it
        head = [m.ent for m in self.de.in_sentence(0) if self.ent(m.ent).type == "Team"]
        if head and k > 0:
            return head[:1]
        teams = sorted((e for e in self.de.entities if e.type == "Team"),
                       key=lambda e: -len(e.mentions))
        if teams and (len(teams) == 1 or len(teams[0].mentions) >= 2 * len(teams[1].mentions)):
            return [teams[0].idx]
        return self.lede_team()

    def lede_team(self) -> list[int]:
        """The team a release is about: the subject of its opening sentence ("CONCORD,
        N.C. - T on Tuesday finalized its lineup"), when it is also the team named most."""
        first = next((k for k in range(len(self.de.sents)) if k not in self.de.headings
                      and self.de.in_sentence(k)), None)
        if first is None:
            return []
        subj = [m.ent for m in self.de.in_sentence(first) if self.ent(m.ent).type == "Team"
                and self.doc[m.root].dep_ in SUBJ_DEPS]
        most = max((len(e.mentions) for e in self.de.entities if e.type == "Team"), default=0)
        return subj[:1] if subj and len(self.ent(subj[0]).mentions) == most else []

    def team_of_section(self, tok, reach: int = 6) -> list[int]:
        """The team of the heading ``tok`` stands under, at most ``reach`` sentences
        before: a rundown by team ("TEAM X\n\n<driver> ... Team co-owner Y said"), a
        numbered takeaway ("3. <Driver> struggles, and T is fine with that"), a
        headline. A heading is a line without a full stop that names one team."""
        k = self._sent_index(tok)
        for j in range(k - 1, max(-1, k - 1 - reach), -1):
            sent = self.de.sents[j]
            words = [t for t in sent if not t.is_space]
            if not words or len(words) > 25 or words[-1].text in {".", "!", "?", "”", '"'} \
                    or "\n" not in sent[-1].text + sent[-1].whitespace_:
                continue
            teams = {m.ent for m in self.de.in_sentence(j) if self.ent(m.ent).type == "Team"}
            return list(teams) if len(teams) == 1 else []  # (the nearest heading only)
        return []

    def heading_driver(self, tok, reach: int = 4) -> list[int]:
        """The one driver the nearest heading above ``tok`` names ("No. 11 — <driver>"),
        at most ``reach`` sentences before: a fact sheet's labelled lines under it
        ("Primary sponsor: <S>.") are about that driver."""
        k = self._sent_index(tok)
        for j in range(k - 1, max(-1, k - 1 - reach), -1):
            if j in self.de.headings:
                drivers = {m.ent for m in self.de.in_sentence(j) if self._driverish(m.ent)}
                return list(drivers) if len(drivers) == 1 else []
        return []

    def salient_team(self, person: int, tok=None) -> list[int]:
        """The team a "team owner X" leads: a team whose name holds X's surname, else the
        team named last before ``tok`` in its sentence or the one before, else the team
        the article is about."""
        teams = [e for e in self.de.entities if e.type == "Team"]
        if not teams:
            return []
        named = self.teams_named_after(person)
        if len(named) == 1:
            return named
        if tok is not None:
            sent = self.doc[tok.i].sent
            for m in reversed(self.de.mentions):
                if sent.start <= m.start < tok.i and self.ent(m.ent).type == "Team":
                    return [m.ent]  # "T confirmed ..., and team owner X said"
            near = self.team_of_drivers_beside(person, tok) or \
                self.team_of_section(tok) or self.team_just_before(tok)
            if near:
                return near
        best = max(teams, key=lambda e: len(e.mentions))
        return [best.idx]

    def team_of_drivers_beside(self, person: int, tok) -> list[int]:
        """"Y credited team owner X", "Owner X already has Y and Z in his two cars": the
        one team the drivers named in the sentence drive for (as read so far)."""
        si = self._sent_index(tok)
        drivers = {m.ent for m in self.de.in_sentence(si) if m.ent != person and
                   self.ent(m.ent).type == "Driver"}
        teams = {e.object for e in self.edges.values()
                 if e.predicate == "drove_for" and e.subject in drivers}
        return list(teams) if len(teams) == 1 else []

    def teams_named_after(self, person: int) -> list[int]:
        """Teams whose name, as canonical or as the text writes it, holds the person's
        surname: an owner's team usually bears the name ("Roush Racing", known under a
        later name, is still Roush's)."""
        last = self.ent(person).name.split()[-1].lower()
        found = []
        for e in self.de.entities:
            if e.type != "Team":
                continue
            surfaces = {e.name} | {self.doc[m.start:m.end].text for m in e.mentions}
            if any(last in s.lower().replace("-", " ").split() for s in surfaces):
                found.append(e.idx)
        return found

    def team_just_before(self, tok, reach: int = 2) -> list[int]:
        """The one team named in the last ``reach`` sentences of the paragraph before
        ``tok``: "T said Monday ... . "Quote," team owner X said"."""
        k = self._sent_index(tok)
        for j in range(k - 1, max(-1, k - 1 - reach), -1):
            last = self.de.sents[j][-1]
            if j in self.de.headings or "\n" in last.text + last.whitespace_:
                break  # (the paragraph starts with the sentence after)
            teams = {m.ent for m in self.de.in_sentence(j) if self.ent(m.ent).type == "Team"}
            if teams:
                return list(teams) if len(teams) == 1 else []
        return []

    def org_pronoun(self, tok) -> list[int]:
        """"its", "their": the subject of the clause if an organization, else the last
        organization named before in the sentence."""
        t = tok
        for _ in range(4):
            if t.head.i == t.i:
                break
            t = t.head
            for c in t.children:
                if c.dep_ in SUBJ_DEPS and c.i < tok.i:
                    got = [e for e in self.ents_of(c) if not self.ent(e).is_person]
                    if got:
                        return got[:1]
        sent = self.doc[tok.i].sent
        for m in reversed(self.de.mentions):
            if sent.start <= m.start < tok.i and self.ent(m.ent).type in {
                    "Team", "Sponsor", "Organization", "Manufacturer"}:
                return [m.ent]
        if tok.lower_ == "it" and tok.dep_ in SUBJ_DEPS:
            # "The company ... . It will be the primary sponsor": the subject before
            k = self._sent_index(tok)
            if k > 0:
                prev = self.de.sents[k - 1]
                for c in prev.root.children:
                    if c.dep_ in SUBJ_DEPS:
                        got = [e for e in self.ents_of(c) if not self.ent(e).is_person]
                        if got:
                            return got[:1]
        return []

    def company_noun(self, tok) -> list[int]:
        """"the company", "the brand", "the chain": the company named last before."""
        kinds = {"Sponsor", "Organization"} if tok.lower_ != "automaker" else {"Manufacturer"}
        for m in reversed(self.de.mentions):
            if m.start >= tok.i:
                continue
            if self.ent(m.ent).type in kinds:
                return [m.ent]
        return []

    def last_organization(self, tok) -> list[int]:
        """"the sanctioning body": the organization (not a team or sponsor) named last
        before it, the body the article spoke of."""
        for m in reversed(self.de.mentions):
            if m.start < tok.i and self.ent(m.ent).type == "Organization":
                return [m.ent]
        return []

    def last_two_people(self, tok) -> list[int]:
        """Entities of "both drivers", "the two drivers", "the pair"."""
        found: list[int] = []
        drivers_only = tok.lemma_.lower() == "driver"
        for m in reversed(self.de.mentions):
            if m.start >= tok.i:
                continue
            e = self.ent(m.ent)
            if not e.is_person or (drivers_only and e.type != "Driver"):
                continue
            if m.ent not in found:
                found.append(m.ent)
            if len(found) == 2:
                break
        return found if len(found) == 2 else []

    def ents_of(self, tok, follow_rel: bool = True) -> list[int]:
        """Entities denoted by a token: a mention, a pronoun, an apposition, "both"."""
        m = self.men(tok)
        if m is not None:
            return self.group_of(m)
        low = tok.lower_
        if low in L.RELATIVE_PRONOUNS and follow_rel:
            return self.antecedent(tok)
        if low in L.PERSON_PRONOUNS:
            return self.pronoun(tok)
        if low in L.DRIVER_EPITHETS and tok.dep_ in SUBJ_DEPS and any(
                c.dep_ == "det" and c.lower_ == "the" for c in tok.children) and not any(
                self.men(c) is not None for c in tok.children):
            # "The veteran, who drove for T ...": the driver the sentence before was about
            return [e for e in self.pronoun(tok) if self._driverish(e)][:1]
        if low in {"their", "they"} and tok.pos_ == "PRON":
            # "The <team> continue to lean on their alliance": the organization subject
            v = tok.head
            while v.pos_ not in {"VERB", "AUX"} and v.head.i != v.i:
                v = v.head
            while not any(c.dep_ in SUBJ_DEPS for c in v.children) and \
                    v.dep_ in {"xcomp", "conj"} and v.head.i != v.i:
                v = v.head  # "The X continue to lean on their ..."
            subj = [c for c in v.children if c.dep_ in SUBJ_DEPS and c.i < tok.i]
            orgs = [e for c in subj for e in self.ents_of(c) if not self.ent(e).is_person]
            if orgs and tok.lower_ == "their":
                return orgs[:1]
            if subj and not orgs and subj[0].lower_ == "the" or any(
                    c.pos_ == "NOUN" and c.lower_ in {"team", "teams", "organization",
                                                      "brothers", "outfit"} for c in subj):
                return []
        if low in {"them", "they", "their"} and tok.pos_ == "PRON":
            people = self.last_two_people(tok)
            if low != "their" or people:
                if people:
                    return people
        if low in {"its", "their", "it"}:
            got = self.org_pronoun(tok)
            if got:
                return got
        if low in {"company", "brand", "chain", "retailer", "firm", "sponsor", "automaker",
                   "partner"} and any(c.lower_ in {"the", "this"} for c in tok.children) and \
                not any(c.dep_ in {"compound", "poss", "amod"} and self.men(c) is not None
                        for c in tok.children) and \
                tok.dep_ in SUBJ_DEPS | {"dobj", "pobj", "poss"}:
            got = self.company_noun(tok)
            if got:
                return got
        if tok.dep_ == "appos" and low in {"team", "organization", "outfit", "squad",
                                           "operation"} and self.men(tok.head) is not None \
                and self.teamish(self.men(tok.head).ent):
            return self.group_of(self.men(tok.head))  # "T, the team owned by X"
        if low in {"team", "organization", "outfit", "squad", "operation"} and any(
                c.lower_ in {"the", "this", "that", "its", "his", "her", "their", "whose"}
                for c in tok.children) and not any(
                c.dep_ == "compound" or c.dep_ == "poss" and self.men(c) is not None
                for c in tok.children):
            got = self.recent_team(tok)
            if got:
                return got
        if low == "hall" and tok.pos_ in {"NOUN", "PROPN"}:
            # "Hall of Famer X serves as ..."
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for p in c.children:
                        mm = self.men(p)
                        if mm is not None and self.ent(mm.ent).is_person:
                            return [mm.ent]
        if tok.pos_ in {"NOUN", "PROPN", "PRON", "DET", "NUM"}:
            words = {c.lower_ for c in tok.children} | {low}
            if low in {"both", "pair", "duo", "tandem"} or low == "two" and any(
                    c.lower_ == "the" for c in tok.children) or words & {"both", "two"} and \
                    tok.lemma_.lower() in {"driver", "racer", "brother", "teammate", "rival"}:
                return self.last_two_people(tok)
            # "the driver, X" / "X, the driver"
            for c in tok.children:
                if c.dep_ == "appos":
                    mm = self.men(c)
                    if mm is not None:
                        return self.group_of(mm)
            if tok.dep_ == "appos":
                mm = self.men(tok.head)
                if mm is not None:
                    return self.group_of(mm)
            # "X is a veteran crew chief who ..." / "Among those is X, a crew chief"
            if tok.dep_ in {"attr"}:
                for c in tok.head.children:
                    if c.dep_ in SUBJ_DEPS and self.men(c) is not None:
                        return self.group_of(self.men(c))
        return []

    def subjects(self, verb, depth: int = 0) -> list[int]:
        out: list[int] = []
        for c in verb.children:
            if c.dep_ in {"nsubj", "csubj"}:
                out += self.ents_of(c)
        if out or depth > 3:
            return out
        if verb.dep_ in {"conj", "xcomp"} and verb.head.i != verb.i:
            return self.subjects(verb.head, depth + 1)
        if verb.dep_ == "dep" and verb.pos_ == "VERB" and verb.head.pos_ in {"VERB", "AUX"} \
                and verb.head.i < verb.i:
            # "He drove ..., then spent a season at T": a conjunct the parser missed
            return self.subjects(verb.head, depth + 1)
        if verb.dep_ in {"relcl", "acl"}:
            return self.ents_of(verb.head)
        if verb.dep_ == "advcl" and (verb.tag_ in {"VBG", "VBN"} or verb.tag_ == "VB" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)):
            # "..., guiding Y to wins", "left to become a crew chief"
            return self.subjects(verb.head, depth + 1)
        if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep" and \
                verb.head.head.pos_ in {"VERB", "AUX"}:
            # "After leaving T, X signed ...", "X spent ... before moving to U"
            return self.subjects(verb.head.head, depth + 1)
        return out

    def passive_subjects(self, verb) -> list[int]:
        out = []
        for c in verb.children:
            if c.dep_ == "nsubjpass":
                out += self.ents_of(c)
        if not out and verb.dep_ in {"acl", "relcl"} and verb.tag_ == "VBN" and not any(
                c.dep_ in {"nsubj", "aux"} for c in verb.children):
            out = self.ents_of(verb.head)
        return out

    def pobjs(self, tok, preps) -> list[int]:
        out = []
        for c in tok.children:
            if c.dep_ in {"prep", "agent", "dative"} and c.lower_ in preps:
                for p in c.children:
                    if p.dep_ in {"pobj", "pcomp"}:
                        out += self.ents_of(p)
        return out

    def agent(self, verb) -> list[int]:
        out = []
        for c in verb.children:
            if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        out += self.ents_of(p)
        return out

    def dobjs(self, verb, poss: bool = True) -> list[int]:
        out = []
        for c in verb.children:
            if c.dep_ in {"dobj", "attr", "oprd"}:
                got = self.ents_of(c)
                if not got and poss:
                    for g in c.children:
                        if g.dep_ == "poss":
                            got += self.ents_of(g)
                out += got
        return out

    def subtree_ents(self, tok, max_depth: int = 4, skip=CLAUSE_DEPS) -> list[int]:
        """Entities in a phrase, not entering relative or other clauses inside it."""
        out: list[int] = []
        stack = [(tok, 0)]
        while stack:
            t, d = stack.pop()
            m = self.men(t)
            if m is not None and m.ent not in out:
                out.append(m.ent)
            if d >= max_depth:
                continue
            for c in t.children:
                if c.dep_ in skip or c.dep_ == "appos" and any(
                        g.dep_ in skip for g in c.children) and self.men(c) is None:
                    continue
                stack.append((c, d + 1))
        return out

    def negated(self, tok) -> bool:
        t, hops = tok, 0
        while True:
            for c in t.children:
                if c.dep_ == "neg" or c.lower_ in {"never", "not", "n't", "no"} and c.dep_ in {
                        "neg", "advmod", "det"}:
                    return True
            if t.dep_ in {"xcomp", "aux"} and hops < 2 and t.head.i != t.i:
                if t.head.lemma_ in {"refuse", "decline", "deny", "fail"}:
                    return True
                t, hops = t.head, hops + 1
                continue
            return False

    def hedge(self, tok) -> float:
        """Factor for hedged statements: 1.0 plain, lower for "might", "if", rumours."""
        factor = 1.0
        t, hops = tok, 0
        while hops < 4:
            for c in t.children:
                if c.dep_ in {"aux", "mark", "advmod"} and c.lower_ in L.HEDGE_WORDS:
                    factor = min(factor, 0.6)
            if t.dep_ in {"ROOT"} or t.head.i == t.i:
                break
            if t.dep_ in {"xcomp", "ccomp", "conj", "acl"} and t.head.lemma_ in L.HEDGE_WORDS:
                factor = min(factor, 0.6)
            t, hops = t.head, hops + 1
        return factor

    # ---------------------------------------------------------------- emit
    def fits(self, idx: int, wanted: tuple[str, ...], retype: bool) -> bool:
        e = self.ent(idx)
        if not wanted or any(self.voc.is_a(e.type, w) for w in wanted):
            return True
        if retype and not e.certain and e.is_person and e.type in {"Person", "Driver"} and \
                e.votes.get("Person", 0) == 0 and e.votes.get("Driver", 0) == 0:
            for w in wanted:
                if w in PERSON_TYPES and w != "Person":
                    e.type = w
                    return True
        if retype and not e.certain and e.type == "Organization":
            for w in wanted:
                if w in {"Team", "Sponsor"}:
                    e.type = w
                    return True
        return False

    def emit(self, s: int, pred: str, o: int, si: int, conf: float, rule: str,
             retype: bool = True, keep_direction: bool = False) -> bool:
        if s == o:
            return False
        p = self.voc.predicates[pred]
        if pred == "affiliated_with" and not (
                keep_direction and self.ent(s).type in {"Team", "Organization"} and
                self.ent(o).type in {"Team", "Organization"}):
            ts, to = self.ent(s).type, self.ent(o).type
            if _rank(ts) > _rank(to):
                s, o = o, s
        if not (self.fits(s, p.domain, retype) and self.fits(o, p.range, retype)):
            if p.symmetric and self.fits(o, p.domain, retype) and self.fits(s, p.range, retype):
                pass
            else:
                return False
        if not self.voc.accepts(pred, self.ent(s).type, self.ent(o).type):
            return False
        key = (frozenset((s, o)), pred) if p.symmetric else (s, pred, o)
        old = self.edges.get(key)
        if old is None or conf > old.confidence:
            self.edges[key] = Edge(s, pred, o, si, conf, rule)
        return True

    def drivers_with(self, team_noun) -> list[int]:
        """The drivers of "Y returns ... with the team owned by X": the subject of the verb
        the with-phrase hangs on."""
        t = team_noun
        if t.dep_ != "pobj" or t.head.lower_ not in {"with", "for"}:
            return []
        v = t.head.head
        while v.pos_ not in {"VERB", "AUX"} and v.head.i != v.i:
            v = v.head
        if v.lemma_.lower() not in L.DRIVE_VERBS:
            return []
        return [d for d in self.subjects(v) if self._driverish(d)]

    def make_in_name(self, idx: int) -> int | None:
        """The make an organization is named after ("<Make> Performance", "<Make> Racing
        Development"), when the article names that make."""
        words = self.ent(idx).name.split()
        if len(words) < 2 or self.ent(idx).type not in {"Organization", "Sponsor"}:
            return None
        for e in self.de.entities:
            if e.type == "Manufacturer" and e.name.split()[0].lower() == words[0].lower():
                return e.idx
        return None

    def teammate_noun(self, tok, si) -> None:
        """"X's teammate Y", "Y, X's teammate", "X cleared teammate Y", "his teammates are
        A and B": Y drives where X drives (resolved in :meth:`teammates_share_team`,
        once every team is known). A "former" teammate says nothing of today."""
        if any(c.lower_ in {"former", "ex", "onetime", "old", "future", "longtime", "-"}
               for c in tok.children) or tok.i > 0 and self.doc[tok.i - 1].text == "-":
            return
        mates = [e for c in tok.children if c.dep_ == "compound" for e in self.ents_of(c)]
        mates += self.set_off_names(tok)
        if tok.dep_ == "compound" and self.men(tok.head) is not None:
            mates += self.group_of(self.men(tok.head))
        if tok.dep_ == "appos":
            mates += self.ents_of(tok.head)
        if tok.dep_ in SUBJ_DEPS:  # "his teammates this season are A and B"
            mates += [e for c in tok.head.children if c.dep_ == "attr" for e in self.ents_of(c)]
        np = tok.head if tok.dep_ == "compound" else tok  # "teammate Y": the phrase is Y's
        anchors = [e for c in tok.children if c.dep_ == "poss" for e in self.ents_of(c)]
        anchors = anchors or self._possessive_before(tok)
        if not anchors and np.dep_ in {"dobj", "pobj"}:
            v = np.head
            while v.pos_ not in {"VERB", "AUX"} and v.head.i != v.i:
                v = v.head
            anchors = self.subjects(v)
        mates = [e for e in dict.fromkeys(mates) if self._driverish(e)]
        if not anchors and mates and tok.dep_ == "compound" and \
                all(t.is_space for t in self.doc[self.de.sents[si].start:tok.i]):
            # "Teammate Y finished ninth." opening a sentence: the teammate of the
            # driver the text was just on
            anchors = [d for d in [self._topic_driver(si, set(mates))] if d is not None]
        anchors = [e for e in dict.fromkeys(anchors) if self._driverish(e) and e not in mates]
        if mates and anchors:
            self._teammates.append((anchors, mates, si))
        # "X's Hendrick teammates, A and B", "his T teammate Y": the team is named
        named = [self.men(c).ent for c in tok.children if c.dep_ == "compound" and
                 self.men(c) is not None and self.ent(self.men(c).ent).type == "Team"]
        if len(named) == 1 and not self.negated(tok.head):
            for d in mates + anchors:
                self.emit(d, "drove_for", named[0], si, 0.7, "team-teammate")

    def _possessive_before(self, tok) -> list[int]:
        """The name in "X's teammate" when the parse hangs the possessive elsewhere ("...
        and X's teammate Y" as a conjunct): the mention just before
        the possessive marker right before ``tok`` (a team modifier may sit between)."""
        k = tok.i - 1
        team = self.men(self.doc[k]) if k >= 0 else None
        if team is not None and self.ent(team.ent).type == "Team":
            k = team.start - 1  # "X's <team> teammate"
        if k < 1 or self.doc[k].text not in {"'s", "’s", "'", "’"}:
            return []
        m = self.men(self.doc[k - 1])
        return [m.ent] if m is not None and self.ent(m.ent).is_person else []

    def replacement(self, tok, si) -> None:
        """"C2, who replaces the retired C1", "Y will replace X in the No. 21", "X will be
        replaced by Y": who took whose place (settled in :meth:`replaced_held_the_place`)."""
        if self.negated(tok):
            return
        new = self.subjects(tok) + self.agent(tok)
        old = self.dobjs(tok, poss=False) + self.passive_subjects(tok)
        new = [e for e in dict.fromkeys(new) if self.ent(e).is_person]
        old = [e for e in dict.fromkeys(old) if self.ent(e).is_person and e not in new]
        if len(new) == 1 and len(old) == 1:
            self._replaced.append((new[0], old[0], si))

    def replaced_held_the_place(self) -> None:
        """The one replaced held the same place: the crew chief replaced called the same
        driver's races (and is no driver of his successor); the driver replaced drove for
        the team his successor joins in that sentence."""
        for new, old, si in self._replaced:
            e_new, e_old = self.ent(new), self.ent(old)
            if e_new.type == "CrewChief":
                if not e_old.certain and not e_old.votes.get("Driver"):
                    e_old.type = "CrewChief"
                self.edges.pop((new, "crew_chief_for", old), None)
                if e_old.type != "CrewChief":
                    continue
                for e in list(self.edges.values()):
                    if e.predicate == "crew_chief_for" and e.subject == new:
                        self.emit(old, "crew_chief_for", e.object, si, 0.6, "replaced-chief")
            elif self._driverish(new) and self._driverish(old):
                for e in list(self.edges.values()):
                    if e.predicate == "drove_for" and e.subject == new and e.sent == si:
                        self.emit(old, "drove_for", e.object, si, 0.6, "replaced-driver")

    def teammates_share_team(self) -> None:
        """Teammates drive for one team: the one team a driver of the pair is said to
        drive for goes to the other when nothing else is said of his team."""
        teams: dict[int, list[tuple[int, float, int]]] = {}
        for e in self.edges.values():
            if e.predicate == "drove_for":
                teams.setdefault(e.subject, []).append((e.sent, e.confidence, e.object))
        for anchors, mates, si in self._teammates:
            for a in anchors:
                for b in mates:
                    for x, y in ((a, b), (b, a)):
                        team = self._team_then(teams.get(x, []), si)
                        if team is not None and not teams.get(y):
                            self.emit(y, "drove_for", team, si, 0.6, "teammate")

    @staticmethod
    def _team_then(said: list[tuple[int, float, int]], si: int) -> int | None:
        """The team a driver drives for when sentence ``si`` calls someone his teammate:
        his one team, else the one said last before it (a career story names his old
        teams first: "X, who began at T, ... U ... X's teammate Y"), the surest of that
        sentence ("Y joins T from U's No. 71")."""
        if len({t for _, _, t in said}) == 1:
            return said[0][2]
        before = [(k, c, t) for k, c, t in said if k <= si]
        if not before:
            return None
        last = max(before)[:2]
        now = {t for k, c, t in before if (k, c) == last}
        return now.pop() if len(now) == 1 else None

    def owners_team(self, person: int) -> int | None:
        """The one team a person stands for ("drove for Childress", "drives for Coach
        Gibbs"): the one team said to be his, else the one team named after him."""
        owned = {e.object for e in self.edges.values()
                 if e.predicate == "owns" and e.subject == person}
        if len(owned) == 1:
            return owned.pop()
        last = self.ent(person).name.split()[-1].lower()
        named = [e.idx for e in self.de.entities if e.type == "Team" and
                 last in e.name.lower().replace("-", " ").split()]
        return named[0] if len(named) == 1 else None

    def drove_for_owners(self) -> None:
        """"Y won the title driving for Yates": a driver who drives for a team's owner
        drives for the owner's team."""
        for d, owner, si in self._for_owner:
            team = self.owners_team(owner)
            if team is not None:
                self.emit(d, "drove_for", team, si, 0.7, "drive-for-owner")

    def owner_drives_own_car(self) -> None:
        """"Y, who drives the No. 6 and co-owns T", "Y, the team's co-owner and driver of
        the No. 6": a driver who owns a team and drives a car the same sentence gives no
        other team drives for his own team."""
        owned = {}
        for e in self.edges.values():
            if e.predicate == "owns":
                owned.setdefault((e.subject, e.sent), []).append(e.object)
        if not owned:
            return
        for i, _, driver, team in self.car_facts():
            k = self._sent_index(self.doc[i])
            teams = owned.get((driver, k), [])
            if team is None and len(teams) == 1 and self.ent(driver).type == "Driver":
                self.emit(driver, "drove_for", teams[0], k, 0.65, "owner-drives")

    def finish(self) -> list[Edge]:
        self.replaced_held_the_place()
        self.owner_drives_own_car()
        self.drove_for_owners()
        self.teammates_share_team()
        self.car_owners_own_the_team()
        edges = list(self.edges.values())
        # a person typed only by default who owns or works for an organization and is
        # not said to drive is a Person
        driving = {e.subject for e in edges if e.predicate in {"drove_for", "feuded_with"}}
        driving |= {e.object for e in edges if e.predicate in {"crew_chief_for", "feuded_with"}}
        for e in edges:
            ent = self.ent(e.subject)
            if e.predicate in {"owns", "affiliated_with"} and not ent.certain and \
                    ent.type == "Driver" and not ent.votes and e.subject not in driving and \
                    self.ent(e.object).type != "Manufacturer":
                ent.type = "Person"

        # a crew chief or an executive typed so after a "drove_for" was read: his team
        for k, e in enumerate(edges):
            ent = self.ent(e.subject)
            if e.predicate == "drove_for" and (ent.type == "CrewChief" or ent.type == "Person"
                                               and ent.votes.get("Person", 0) >= 2):
                edges[k] = Edge(e.subject, "affiliated_with", e.object, e.sent,
                                min(e.confidence, 0.6), e.rule + "-staff")
        edges = self._no_quoted_anger_at_own_driver(edges)
        # affiliated_with only where no more specific tie links the same pair
        specific = {(e.subject, e.object) for e in edges if e.predicate != "affiliated_with"}
        specific |= {(o, s) for s, o in specific}
        out = [e for e in edges if e.predicate != "affiliated_with" or
               (e.subject, e.object) not in specific]
        out.sort(key=lambda e: (e.sent, e.subject, e.object))
        return out

    @staticmethod
    def _no_quoted_anger_at_own_driver(edges: list[Edge]) -> list[Edge]:
        """A crew chief's angry quotation ("We'll remember it") speaks for his driver
        against a rival: it is no feud with the driver he calls races for."""
        paired = {frozenset((e.subject, e.object)) for e in edges
                  if e.predicate == "crew_chief_for"}
        return [e for e in edges if not (e.predicate == "feuded_with" and
                                         e.rule == "quote-criticism" and
                                         frozenset((e.subject, e.object)) in paired)]

    # ---------------------------------------------------------------- sentence rules
    def sentence(self, si, sent, ms) -> None:
        types = {self.ent(m.ent).type for m in ms}
        of_chiefs = any(t.lower_ in {"chief", "chiefs"} for t in sent)
        tok2men = self.de.tok2men
        for tok in sent:
            if tok.text == "#" and tok.i + 2 < sent.end and self.doc[tok.i + 1].like_num:
                self.car_number(tok, si, sent)  # "the #12 <sponsor> <make>"
            if tok.is_space or tok.is_punct:
                continue
            if tok2men[tok.i] >= 0 and tok.text not in {"No.", "No", "#"}:
                continue  # a word inside a name ("Blue Ridge Racing") is no cue
            lemma = tok.lemma_.lower()
            low = tok.lower_
            pos = tok.pos_
            if _verbal(tok):
                if lemma in L.DRIVE_VERBS or lemma in L.TEAM_HIRE_VERBS:
                    self.drive_verb(tok, lemma, si)
                if lemma in {"have", "give", "hand", "deliver", "bring"}:
                    self.outing(tok, lemma, si)
                if lemma in {"begin", "enter", "open", "kick"}:
                    self.span_verb(tok, si)
                if lemma in {"replace", "succeed"}:
                    self.replacement(tok, si)
                if lemma in L.SAY_VERBS or lemma in L.CALL_VERBS:
                    self.reported_speech(tok, lemma, si)
                if lemma in L.ENDORSE_VERBS:
                    self.endorse_verb(tok, lemma, si)
                if lemma in {"stand", "rally", "speak", "think", "believe", "have"}:
                    self.backing_phrase(tok, lemma, si)
                if lemma in L.FEUD_VERBS:
                    self.feud_verb(tok, lemma, si)
                if lemma in {"like", "see", "get", "be"}:
                    self.mutual_dislike(tok, si)
                if lemma in {"get", "settle"}:
                    self.payback_phrase(tok, lemma, si)
                if lemma in L.SEPARATION_VERBS:
                    self.kept_apart(tok, lemma, si)
                if lemma in L.RETORT_VERBS:
                    self.fired_back(tok, si)
                if lemma in L.CREW_CHIEF_VERBS:
                    self.crew_chief_verb(tok, lemma, si)
                if lemma in {"move", "shift", "switch"} and of_chiefs:
                    self.chief_moved(tok, si)
                elif lemma == "chief" and tok.i > 0 and self.doc[tok.i - 1].lower_ == "crew":
                    self.crew_chief_verb(tok, "crew-chief", si)  # "C, who crew chiefs ..."
                elif low.startswith("chief") and tok.i > 1 and self.doc[tok.i - 1].text == "-" \
                        and self.doc[tok.i - 2].lower_ == "crew":
                    self.crew_chief_verb(tok, "crew-chief", si)  # "is crew-chiefed by C"
                if lemma in L.OWN_VERBS or low.startswith("co-own"):
                    self.own_verb(tok, "co-own" if low.startswith("co-own") else lemma, si)
                if lemma in L.SPONSOR_VERBS or low.startswith("sponsor"):
                    self.sponsor_verb(tok, lemma, si)
                if lemma in L.AFFILIATION_LINKS or low in L.AFFILIATION_LINKS or lemma == "join":
                    self.link_verb(tok, si)
                if lemma in L.CAR_CARRY_VERBS:
                    self.car_carries(tok, si)
                if lemma in {"remain", "stay", "stick", "run", "use"}:
                    self.stays_or_runs(tok, si)
                if lemma in {"remain", "stay", "stick", "follow", "go", "move", "come"}:
                    self.sponsor_follows(tok, si)
            if pos in {"NOUN", "PROPN", "ADJ", "VERB"}:
                if low in L.ENDORSE_NOUNS or lemma in L.ENDORSE_NOUNS:
                    if pos != "VERB":
                        self.endorse_noun(tok, si)
                if (lemma in L.FEUD_NOUNS or low in L.FEUD_NOUNS or
                        self._hyphen_word(tok) in L.FEUD_NOUNS) and pos != "VERB":
                    self.feud_noun(tok, si)
                if (lemma in L.DRIVE_NOUNS or low in L.DRIVE_NOUNS) and pos != "VERB":
                    self.drive_noun(tok, si)
                if lemma in L.AFFILIATION_NOUNS and pos != "VERB":
                    self.affiliation_noun(tok, si)
                if lemma in L.OWN_NOUNS or low in L.OWN_NOUNS:
                    self.own_noun(tok, si)
                if low in L.SPONSOR_NOUNS or lemma in L.SPONSOR_NOUNS:
                    self.sponsor_noun(tok, si)
                if low == "chief" and tok.i > 0 and self.doc[tok.i - 1].lower_ == "crew":
                    self.crew_chief_noun(tok, si)
                if low == "box" and pos == "NOUN":
                    self.pit_box(tok, si)
            if tok.text in {"No.", "No"} and tok.i + 2 < sent.end and (
                    self.doc[tok.i + 1].like_num or self.doc[tok.i + 1].text == "." and
                    self.doc[tok.i + 2].like_num):
                self.car_number(tok, si, sent)
                self.chief_on_car(tok, si)
            if pos == "ADJ" and (low in L.FEUD_ADJ or low in L.DISPLEASED_ADJ):
                self.angry_with(tok, si)
            if low == "odds" and tok.i > 0 and self.doc[tok.i - 1].lower_ == "at":
                self.at_odds(tok, si)
            if lemma in {"team", "teams", "organization", "outfit"} and pos == "NOUN":
                self.make_team_noun(tok, si)
            if (low in L.ROLE_NOUNS or lemma in L.ROLE_NOUNS) and pos in {"NOUN", "PROPN"}:
                self.role_noun(tok, si)
            if low in {"teammate", "teammates"}:
                self.teammate_noun(tok, si)
            if lemma in L.CAR_NOUNS and pos == "NOUN":
                self.in_team_car(tok, si)
            if low == "driver" and pos == "NOUN":
                self.definite_team_driver(tok, si)
            if low in L.TEAM_GROUP_NOUNS and pos == "NOUN":
                self.team_group(tok, si)
            if low in {"drivers", "entries", "cars", "trucks"}:
                self.team_roster_colon(tok, si)
            if lemma in L.SWITCH_WORDS:
                self.switch(tok, si)
            if lemma in L.TEAM_ALLIANCE_NOUNS and pos in {"NOUN", "PROPN"}:
                self.alliance(tok, si)
            if low in {"colors", "colours", "livery", "logo", "logos", "branding", "scheme",
                       "wrap", "decals"}:
                self.colors_of(tok, si)
            if low in {"sponsored", "backed"} and tok.i >= 2 and \
                    self.doc[tok.i - 1].text in {"-", "–"}:
                self.hyphen_sponsored(tok, si)
            if lemma in {"investment", "stake"} and pos == "NOUN":
                self.investment(tok, si)
            if low == "on" and tok.dep_ == "prep":
                self.on_car(tok, si)
            if low == "with" and tok.dep_ == "prep":
                self.car_with(tok, si)
        self.name_patterns(si, sent, ms)
        self.owners_team_possessive(si, sent, ms)
        self.crew_chief_surface(si, sent, ms)
        self.with_chief(si, sent, ms)
        self.listing_line(si, sent, ms)
        self.parenthetical_chief(si, sent, ms)
        if "Team" in types or any(t.lower_ in {"team", "its"} for t in sent):
            self.team_cars_lead(si, sent)
        if "Team" in types:
            self.fronted_at_team(si, sent)
        if "Team" in types or "Organization" in types:
            self.drive_surface(si, sent, ms)
            self.fronted_team_list(si, sent, ms)
            self.finish_for(si, sent, ms)
        if "Manufacturer" in types:
            self.manufacturer_cooccurrence(si, sent, ms)
            self.team_make(si, sent, ms)
            if "Team" in types:
                self.make_for_team(si, sent, ms)

    def fronted_at_team(self, si, sent) -> None:
        """"(Over) at T, C is expected to replace Y atop the pit box", "At T in the 1970s,
        his engines powered ...": the staff member the clause is about works at T (a
        driver's tie to T is left to the drive rules)."""
        words = [t for t in sent if not t.is_space]
        if words[:1] and words[0].lower_ == "over":
            words = words[1:]
        if len(words) < 4 or words[0].lower_ != "at":
            return
        m = self.de.mention_at(words[1].i)
        if m is None or self.ent(m.ent).type != "Team" or \
                words[1].i != m.start or "," not in [t.text for t in self.doc[m.end:m.end + 8]]:
            return
        people: list[int] = []
        for c in sent.root.children:
            if c.dep_ in SUBJ_DEPS:
                people += self.ents_of(c)
                people += [e for p in c.children if p.dep_ == "poss" and
                           p.lower_ in {"his", "her"} for e in self.pronoun(p)]
        for p in dict.fromkeys(people):
            if self.ent(p).type in {"CrewChief", "Person"}:
                # "Over at T, co-owner X was less forgiving": X owns T
                owner = any(x.ent == p and x.start > sent.start and
                            self.doc[x.start - 1].lower_ in L.OWNER_TITLE_WORDS
                            for x in self.de.in_sentence(si))
                self.emit(p, "owns" if owner else "affiliated_with", m.ent, si, 0.6,
                          "fronted-at-team")

    # -- drove_for -----------------------------------------------------------------
    def teamish(self, idx: int) -> bool:
        e = self.ent(idx)
        return e.type == "Team" or (e.type == "Organization" and not e.certain)

    def _deep_teams(self, tok, preps, depth: int = 3) -> list[int]:
        """Teams in "with/for" phrases under a phrase ("made 19 starts with T")."""
        out, stack = [], [(tok, 0)]
        while stack:
            t, d = stack.pop()
            for c in t.children:
                if c.dep_ in CLAUSE_DEPS:
                    continue
                if c.dep_ == "prep" and c.lower_ in preps:
                    for p in c.children:
                        if p.dep_ == "pobj":
                            out += [x for x in self.ents_of(p) if self.teamish(x)]
                if d < depth:
                    stack.append((c, d + 1))
        return out

    def possessor_teams(self, tok, preps) -> list[int]:
        """Teams owning the object of a preposition: "moves from T's Xfinity team to
        U's No. 35 <make>" names the teams through the cars and programs they own."""
        out = []
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in preps:
                for p in c.children:
                    m = self.men(p)
                    if p.dep_ == "pobj" and (m is None or self.ent(m.ent).type == "Manufacturer"):
                        out += [t for g in p.children if g.dep_ == "poss"
                                for t in self.ents_of(g) if self.teamish(t)]
        return out

    def drive_verb(self, tok, lemma, si) -> None:
        conf = 0.85 * self.hedge(tok)
        if self.negated(tok):
            if lemma != "return":
                return
            # "X will not return to T('s No. 99)": X drove for T
            teams = [t for t in self.pobjs(tok, {"to"}) if self.teamish(t)]
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "to":
                    for p in c.children:
                        teams += [t for g in p.children if g.dep_ == "poss"
                                  for t in self.ents_of(g) if self.teamish(t)]
            for d in self.subjects(tok):
                if self._driverish(d):
                    for t in dict.fromkeys(teams):
                        self.emit(d, "drove_for", t, si, 0.6, "not-return")
            return
        strong = lemma in L.DRIVE_VERBS_STRONG
        preps = {"for", "with"}
        if strong or lemma in {"move", "transition", "jump", "graduate", "switch", "come",
                               "return", "step", "arrive"} or \
                lemma == "land" and self.hedge(tok) == 1:
            preps |= {"to", "at", "from"}  # ("landing at T"; "could land at T" is talk)
        if lemma in {"come", "graduate", "rise"}:
            preps |= {"through"}  # "A, B and C all came through the organization"
        if lemma in {"fill", "substitute", "sub", "stand"}:
            preps |= {"at"}  # "filled in for X at T"
        if lemma == "make" and any(c.dep_ == "dobj" and c.lemma_.lower() == "name"
                                   for c in tok.children):
            preps = preps | {"at"}  # "made his name at T"
        teams = [t for t in self.pobjs(tok, preps) if self.teamish(t)]
        teams += self.possessor_teams(tok, preps)
        if "to" in preps:
            # "moves up to a full Xfinity schedule with T", "to a Cup ride with T"
            teams += [t for c in tok.children if c.dep_ == "prep" and c.lower_ in {"to", "into"}
                      for p in c.children if p.dep_ == "pobj" and self.men(p) is None
                      for t in self.pobjs(p, {"with", "for"}) if self.teamish(t)]
        # "made waves with T", "made his debut for T", "earned his first win with T"
        for c in tok.children:
            if c.dep_ in {"dobj", "npadvmod"}:
                teams += [t for t in self.pobjs(c, preps) if self.teamish(t)]
                # "won all seven of his titles with T", "made 19 Xfinity starts with T"
                teams += self._deep_teams(c, {"with", "for"})
        if lemma in {"join", "rejoin", "leave", "exit", "depart", "sign", "re-sign", "ink"}:
            teams += [t for t in self.dobjs(tok, poss=False) if self.teamish(t)]
        if lemma in {"drive", "pilot", "wheel", "race", "share", "take"}:
            # "will drive a T truck", "drove T's car"
            teams += [t for c in tok.children if c.dep_ == "dobj" for t in self.car_team(c)]
        teams += self.span_teams(tok)  # "returns for his third season with T"
        if tok.dep_ == "relcl" and self.men(tok.head) is not None and any(
                c.lower_ == "where" for c in tok.children):
            # "a ride at T, where he drove the No. 1 from 2006 through 2009"
            teams += [t for t in self.group_of(self.men(tok.head)) if self.teamish(t)]
        for c in tok.children:
            # "stays in the Xfinity Series with T"
            if c.dep_ == "prep" and c.lower_ in {"in", "at"}:
                for p in c.children:
                    m = self.men(p)
                    if m is not None and self.ent(m.ent).type in {"Series", "Track"}:
                        teams += [t for t in self.pobjs(p, {"with", "for"}) if self.teamish(t)]
        drivers = self.subjects(tok)
        if lemma in {"fill", "substitute", "sub", "stand"}:
            # "Y filled in for X and Z at T": the drivers stood in for drive there too
            stood_for = [d for d in self.pobjs(tok, {"for"}) if self._driverish(d)]
            drivers += stood_for
            # (the parse may hang "at T" on the last of them)
            teams += [t for m in self.de.in_sentence(si) if m.ent in stood_for
                      for t in self.pobjs(self.doc[m.root], {"at"}) if self.teamish(t)]
        if lemma in {"win", "finish", "run", "compete", "score"} and \
                any(self.teamish(t) for t in drivers):
            # "The team has won with both A and B": its drivers
            for d in self.pobjs(tok, {"with"}):
                if self._driverish(d):
                    for t in (t for t in drivers if self.teamish(t)):
                        self.emit(d, "drove_for", t, si, 0.7, "team-wins-with")
        if lemma in {"drive", "race", "pilot", "compete", "wheel"}:
            # "won the title driving for Yates": the owner stands for his team (see
            # drove_for_owners)
            who = drivers or (self.subjects(tok.head.head) if tok.dep_ == "acl" and
                              tok.head.dep_ == "dobj" else [])
            for o in self.pobjs(tok, {"for"}):
                e = self.ent(o)
                if e.is_person and e.type not in {"Driver", "CrewChief"} or e.votes.get("Person"):
                    self._for_owner += [(d, o, si) for d in who if self._driverish(d)]
        if lemma in {"drive", "race", "run", "win", "pilot", "compete"}:
            for cc in self.pobjs(tok, {"with"}):
                if self.ent(cc).type == "CrewChief":
                    for d in drivers:
                        if self.ent(d).is_person and self.ent(d).type != "CrewChief":
                            self.emit(cc, "crew_chief_for", d, si, 0.8, "drives-with-chief")
        passive = self.passive_subjects(tok)
        if passive:
            # "D was signed by T" / "D, signed by T"
            agents = [t for t in self.agent(tok) if self.teamish(t)]
            for d in passive:
                for t in agents + teams:
                    self.emit(d, "drove_for", t, si, conf, "passive-drive")
        if lemma in L.TEAM_HIRE_VERBS:
            # "T signed D", "T will field D in the No. 8"
            subj_teams = [t for t in drivers if self.teamish(t)]
            makers = [t for t in drivers if self.ent(t).type in {"Manufacturer", "Organization"}
                      and self.ent(t).certain]
            if makers and lemma in {"sign", "add", "name", "select", "pick", "hire", "tab"}:
                # "<make or its racing arm> signed D to its development program"
                for d in self.dobjs(tok, poss=False):
                    if self._driverish(d):
                        for mk in makers:
                            self.emit(d, "affiliated_with", mk, si, 0.7, "org-signs")
            self._owner_hires(tok, lemma, drivers, si)
            if subj_teams:
                objs = self.dobjs(tok, poss=False)
                if lemma in {"field", "enter", "add"}:
                    # "T will field (a second car) for Y", "T fields Y in the No. 8"
                    objs += self.pobjs(tok, {"in", "for"})
                    objs += [e for c in tok.children if c.dep_ == "dobj"
                             for e in self.pobjs(c, {"for"})]
                for d in objs:
                    if self.ent(d).is_person and self.ent(d).type != "CrewChief":
                        for t in subj_teams:
                            self.emit(d, "drove_for", t, si, conf, "team-hires")
                # "T announced D will drive ..."
                for c in tok.children:
                    if c.dep_ in {"ccomp", "xcomp"} and c.lemma_.lower() in L.DRIVE_VERBS:
                        for d in self.subjects(c):
                            if not self.pobjs(c, {"for", "with"}):
                                for t in subj_teams:
                                    self.emit(d, "drove_for", t, si, conf * 0.9, "team-announces")
            if lemma not in L.DRIVE_VERBS:
                return
        if not teams:
            return
        for d in drivers:
            e = self.ent(d)
            if not e.is_person:
                continue
            for t in teams:
                if e.type == "CrewChief" or e.type == "Person" and e.votes.get("Person"):
                    # "C made his name at T", "C moved to T": a crew chief's team
                    if lemma in {"join", "rejoin", "leave", "exit", "depart", "move", "spend",
                                 "make", "return", "come", "win", "sign", "stay", "remain"}:
                        self.emit(d, "affiliated_with", t, si, 0.6, "drive-verb-staff")
                    continue
                self.emit(d, "drove_for", t, si, conf, "drive-verb")

    def _owner_hires(self, tok, lemma, subjects, si) -> None:
        """"<Owner> hired Y to take over the No. 28", "<Owner> filled the seat,
        hiring Y": an owner who hires a driver stands for his team (resolved in
        :meth:`drove_for_owners`)."""
        if lemma not in L.OWNER_HIRE_VERBS or self.negated(tok):
            return
        owners = [o for o in subjects if self.ent(o).is_person and
                  self.ent(o).type not in {"Driver", "CrewChief"}]
        for d in self.dobjs(tok, poss=False) if owners else []:
            if self._driverish(d) and self.ent(d).type == "Driver":
                self._for_owner += [(d, o, si) for o in owners]

    def definite_team_driver(self, tok, si) -> None:
        """"Ricky Stenhouse Jr. was cooler still. Hocevar and the JTG driver traded
        paint": "the <team> driver" names again the driver of the sentence before."""
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) or \
                tok.dep_ in {"compound", "appos"} or any(
                    c.dep_ in {"appos", "prep"} or c.dep_ == "compound" and
                    self.men(c) is not None and self.ent(self.men(c).ent).is_person
                    for c in tok.children):
            return
        teams = [self.men(c).ent for c in tok.children if c.dep_ == "compound" and
                 self.men(c) is not None and self.ent(self.men(c).ent).type == "Team"]
        if len(teams) != 1:
            return
        here = {m.ent for m in self.de.in_sentence(si)}
        for k in range(si - 1, max(-1, si - 4), -1):
            # back over the quoted sentences the driver speaks ("'...,' said the T
            # driver") and a sentence naming no driver, to the one naming him
            if k in self.de.headings:
                return
            before = [m for m in self.de.in_sentence(k) if self.ent(m.ent).type == "Driver"
                      and m.ent not in here and not self.inside_quote(m.root)]
            if not before:
                continue
            subj = [m for m in before if self.doc[m.root].dep_ in SUBJ_DEPS]
            if subj or len({m.ent for m in before}) == 1:
                self.emit((subj or before)[0].ent, "drove_for", teams[0], si, 0.6,
                          "the-team-driver")
            return

    def team_cars_lead(self, si, sent) -> None:
        """A recap's paragraph on one team's cars: "T had a quieter afternoon.", "T's
        three cars never threatened;", "For T, the afternoon produced ...", "The team's
        other trucks had forgettable nights." The drivers it goes on to name as
        subjects ("A finished fourth, and B was eighth") in that paragraph, before another
        team is named, drive the team's cars."""
        team, cut = self._cars_lead_team(sent)
        if team is None:
            return
        for k in range(si, min(si + 3, len(self.de.sents))):
            if k > si and (k in self.de.headings or self._paragraph_starts(k)):
                return
            ms = [m for m in self.de.in_sentence(k) if m.start >= cut or k > si]
            if any(self.teamish(m.ent) and m.ent != team for m in ms):
                return
            for m in ms:
                root = self.doc[m.root]
                if (root.dep_ in SUBJ_DEPS or root.dep_ == "conj" and
                        root.head.dep_ in SUBJ_DEPS) and not self.inside_quote(m.root):
                    for d in self.group_of(m):
                        if self._driverish(d) and self.ent(d).type == "Driver":
                            self.emit(d, "drove_for", team, k, 0.6, "team-cars-lead")

    def _cars_lead_team(self, sent) -> tuple[int | None, int]:
        """The team a sentence opens a paragraph on its cars with, and where the names
        that may follow in it start (after its ";" or ":"), else (None, 0)."""
        cut = next((t.i for t in sent if t.text in {";", ":"}), sent.end)
        for tok in sent[:cut - sent.start]:
            low = tok.lower_
            teams: list[int] = []
            if tok.tag_ in {"NNS", "NNPS"} and (
                    tok.lemma_.lower() in L.CAR_NOUNS or low in {"entries", "drivers"} or
                    self.men(tok) is not None and
                    self.ent(self.men(tok).ent).type == "Manufacturer") and \
                    tok.dep_ in SUBJ_DEPS | {"attr", "pobj"}:
                teams = self._team_possessor(tok) + [
                    self.men(c).ent for c in tok.children if c.dep_ == "compound" and
                    self.men(c) is not None and self.teamish(self.men(c).ent)]
            elif low in L.OUTING_NOUNS and tok.dep_ == "dobj" and \
                    tok.head.lemma_.lower() == "have" and tok.head.dep_ == "ROOT":
                teams = [e for e in self.subjects(tok.head) if self.teamish(e)]
            elif low == "for" and all(t.is_space for t in self.doc[sent.start:tok.i]):
                teams = self._fronted_for(tok)
            if len(set(teams)) == 1:
                return teams[0], cut
        return None, 0

    def _fronted_for(self, prep) -> list[int]:
        """The team of a sentence that opens "For T, ..."."""
        objs = [p for p in prep.children if p.dep_ == "pobj"]
        if len(objs) != 1 or objs[0].right_edge.i + 1 >= len(self.doc) or \
                self.doc[objs[0].right_edge.i + 1].text != ",":
            return []
        return [e for e in self.ents_of(objs[0]) if self.teamish(e)]

    def _paragraph_starts(self, k: int) -> bool:
        """Whether sentence ``k`` opens a paragraph (a line break ends the one before)."""
        prev = self.de.sents[k - 1]
        return any(t.is_space and "\n" in t.text for t in prev) or \
            "\n" in self.doc[self.de.sents[k].start].text

    def team_group(self, tok, si) -> None:
        """"A and B round out the Penske trio", "the T duo of A and B": the drivers of a
        team's group drive for it."""
        if self.negated(tok.head):
            return
        teams = [self.men(c).ent for c in tok.children if c.dep_ in {"compound", "poss"}
                 and self.men(c) is not None and self.ent(self.men(c).ent).type == "Team"]
        if not teams:
            self.make_lineup(tok, si)
        if len(teams) != 1:
            return
        members = self.pobjs(tok, {"of"})
        if not members and tok.dep_ == "pobj" and tok.head.lower_ in {"in", "on", "into"}:
            # "A, B and C in T's four-car lineup": the list just before
            members = self.list_before(tok.head.i)
        if not members and tok.dep_ in {"dobj", "attr"}:
            members = self.subjects(tok.head)
        if not members and tok.dep_ == "appos":
            members = self.ents_of(tok.head)
        for d in dict.fromkeys(members):
            if self._driverish(d):
                self.emit(d, "drove_for", teams[0], si, 0.7, "team-group")

    def make_lineup(self, tok, si) -> None:
        """"<make>, whose lineup includes T, U and V", "<make>'s stable features T": the
        teams in a manufacturer's lineup run its cars."""
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        if poss is None or tok.dep_ not in SUBJ_DEPS or \
                tok.head.lemma_.lower() not in {"include", "feature", "be", "comprise"}:
            return
        owner = poss.head.head.head if poss.lower_ == "whose" and tok.head.dep_ == "relcl" \
            else poss
        makes = [e for e in self.ents_of(owner) if self.ent(e).type == "Manufacturer"]
        members = [e for c in tok.head.children if c.dep_ in {"dobj", "attr"}
                   for e in self.ents_of(c) if self.ent(e).type == "Team"]
        for m in makes[:1]:
            for t in dict.fromkeys(members):
                self.emit(t, "affiliated_with", m, si, 0.7, "make-lineup")

    def list_before(self, i: int) -> list[int]:
        """The drivers of a list of names ending right before token ``i`` ("A, B and C"),
        whatever the parse made of it."""
        doc, got, k = self.doc, [], i - 1
        while k >= 0:
            m = self.de.mention_at(k)
            if m is not None and self._driverish(m.ent):
                got.append(m.ent)
                k = m.start - 1
            elif doc[k].text in {",", "and", "&"} and got:
                k -= 1
            else:
                break
        return got[::-1]

    def span_verb(self, tok, si) -> None:
        """"X begins his sixth season with T", "enters his third year at T": the span of
        time is spent driving for T."""
        if self.negated(tok) or not any(c.dep_ == "dobj" and c.lemma_.lower() in SPAN_NOUNS
                                        for c in tok.children):
            return
        teams = [t for t in self.pobjs(tok, {"with", "at"}) if self.teamish(t)]
        for d in self.subjects(tok) if teams else ():
            if self._driverish(d):
                for t in teams:
                    self.emit(d, "drove_for", t, si, 0.7 * self.hedge(tok), "span-verb")

    def fronted_team_list(self, si, sent, ms) -> None:
        """Notebooks by team: "Over at T, nothing changed: A, B, C and D are back", "At T,
        A and B return": the drivers listed as staying drive for the team fronted."""
        doc = self.doc
        words = [t for t in sent if not t.is_space]
        k = 0
        while k < len(words) and words[k].lower_ in {"over", "meanwhile", "and", "also", ","}:
            k += 1
        if k + 1 >= len(words) or words[k].lower_ != "at":
            return
        team = self.de.mention_at(words[k + 1].i)
        if team is None or self.ent(team.ent).type != "Team" or team.end >= sent.end or \
                doc[team.end].text != ",":
            return
        cue = next((t.i for t in words[k + 2:] if t.i + 1 < sent.end and (
            t.lower_ in {"return", "returns", "stay", "stays", "remain", "remains"} or
            t.lower_ in {"is", "are"} and doc[t.i + 1].lower_ == "back")), None)
        # the list just before the cue (a last name the linker missed may end it)
        last = next((m for m in reversed(ms) if team.end < m.start and m.end <= cue and
                     cue - m.end <= 2), None) if cue is not None else None
        if last is not None and self._driverish(last.ent):
            for d in self.surface_group(last):
                if self._driverish(d):
                    self.emit(d, "drove_for", team.ent, si, 0.65, "fronted-team-list")

    def team_roster_colon(self, tok, si) -> None:
        """"The night was less kind to the team's other two entries: A and B tangled",
        "T's four drivers: A, B, C and D": a team's drivers listed after a colon."""
        doc = self.doc
        if tok.i + 2 >= len(doc) or doc[tok.i + 1].text != ":":
            return
        teams = [t for c in tok.children if c.dep_ == "poss" for t in self.ents_of(c)
                 if self.ent(t).type == "Team"]
        m = self.de.mention_at(tok.i + 2)
        if len(teams) != 1 or m is None or not self._driverish(m.ent):
            return
        for d in self.group_of(m):
            if self._driverish(d):
                self.emit(d, "drove_for", teams[0], si, 0.65, "team-roster-colon")

    def car_team(self, tok) -> list[int]:
        """The team of a car noun: "a T truck", "T's third car", "its car"."""
        if tok.lemma_.lower() not in L.CAR_NOUNS or self.men(tok) is not None:
            return []
        return [t for c in tok.children if c.dep_ in {"compound", "poss"}
                for t in self.ents_of(c) if self.teamish(t)]

    def in_team_car(self, tok, si) -> None:
        """"X, in T's third car, finished 12th", "X was 12th in T's car": X drives for T."""
        if tok.dep_ != "pobj" or tok.head.lower_ != "in":
            return
        teams = self.car_team(tok)
        if not teams or self.negated(tok.head.head):
            return
        m = self.men(tok.head.head)
        driver = m.ent if m is not None and self._driverish(m.ent) else self.phrase_owner(tok)
        if driver is not None:
            for t in teams:
                self.emit(driver, "drove_for", t, si, 0.65 * self.hedge(tok), "in-team-car")

    def drive_surface(self, si, sent, ms) -> None:
        """Fallback over the words when the parse is wrong: "<driver> ... made 19 starts
        with <team>", "he spent 13 seasons at <team>": a driving word shortly before
        "with/for/at <team>", the driver the nearest person named before it."""
        doc = self.doc
        words = {t.lower_ for t in sent} | {t.lemma_.lower() for t in sent}
        if words & {"never", "not", "n't", "rumored", "rumoured", "offer", "tested",
                    "linked", "interest", "interested", "candidate", "speculation", "if"}:
            return
        for m in ms:
            if not self.teamish(m.ent) or m.start - 1 < sent.start:
                continue
            p = m.start - 1  # ("with the now-closed T", "for the defunct T")
            while p - 1 > sent.start and m.start - p < 5 and (
                    doc[p].pos_ in {"DET", "ADJ", "ADV"} or doc[p].text in {"-", "–"} or
                    doc[p].tag_ == "VBN"):
                p -= 1
            prep = doc[p]
            if prep.lower_ not in {"with", "for", "at"}:
                continue
            cue = None
            for t in doc[max(sent.start, prep.i - 6):prep.i]:
                lem, low = t.lemma_.lower(), t.lower_
                if low in {"starts", "start", "seasons", "season", "stint", "tenure", "debut",
                           "campaign", "ride", "seat", "career", "wins", "win", "titles",
                           "championships", "years", "races"} or lem in {
                           "drive", "race", "pilot", "compete", "spend", "debut"} and \
                        t.pos_ in {"VERB", "AUX"}:  # ("won the race, ... for T": no cue)
                    # ("the fourth victory of the season for T": the calendar's season)
                    cue = None if t.dep_ == "pobj" and t.head.lower_ == "of" and \
                        low == "season" else t
            if cue is None:
                continue
            if prep.lower_ == "at" and cue.lower_ not in {"seasons", "season", "stint",
                                                          "tenure", "years", "starts"} and \
                    cue.lemma_.lower() not in {"spend", "drive", "race"}:
                continue
            driver = None
            for x in ms:  # the person named last before the preposition
                if x.start >= prep.i:
                    break
                e = self.ent(x.ent)
                if e.is_person and e.type != "CrewChief" and not e.votes.get("Person"):
                    driver = x.ent
            if driver is None:
                first = next((t for t in sent if not t.is_space and not t.is_punct), None)
                if first is not None and first.lower_ in {"he", "she"} and first.i < cue.i:
                    got = self.pronoun(first)
                    driver = got[0] if got else None
            if driver is not None:
                self.emit(driver, "drove_for", m.ent, si, 0.6, "drive-surface")

    def drive_noun(self, tok, si) -> None:
        """"his starts with T", "a ride with T", "the T seat", "his tenure at T"."""
        if tok.dep_ == "compound" or any(c.lower_ in L.DEVELOPMENT_MODIFIERS
                                         for c in tok.children):
            return  # ("a T development driver" is no ride: see role_noun)
        teams = []
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in {"for", "with", "at"}:
                for p in c.children:
                    if p.dep_ == "pobj":
                        teams += [t for t in self.ents_of(p) if self.teamish(t)]
                        # "finish at <track> with T": the preposition may hang lower
                        for g in p.children:
                            if g.dep_ == "prep" and g.lower_ in {"with", "for"}:
                                teams += [t for t in self.pobjs(p, {"with", "for"})
                                          if self.teamish(t)]
            if c.dep_ == "compound" and self.men(c) is not None and \
                    self.teamish(self.men(c).ent):
                teams.append(self.men(c).ent)
            elif c.dep_ == "compound" and self.men(c) is not None and \
                    self.ent(self.men(c).ent).type == "Series":
                # "the veteran T Cup driver": the team before the series
                teams += [self.men(g).ent for g in c.children if g.dep_ == "compound" and
                          self.men(g) is not None and self.teamish(self.men(g).ent)]
        team_poss = self._team_possessor(tok)
        teams += team_poss
        if not teams:
            return
        drivers = []
        for c in tok.children:
            if c.dep_ == "poss" and not team_poss:
                drivers += self.ents_of(c)
        if team_poss:  # "T's current drivers, A and B"
            drivers += [d for d in self.set_off_names(tok) if self._driverish(d)]
        named_again = not drivers and tok.dep_ == "dobj" and tok.lower_ == "driver" and \
            any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
        if named_again:
            # "Y passed Z and held off the T driver": another driver named again, the
            # one named last before it, not the subject
            subj = set(self.subjects(tok.head))
            drivers = [m.ent for m in self.de.in_sentence(si) if m.end <= tok.i and
                       self._driverish(m.ent) and m.ent not in subj][-1:]
        if not drivers and not named_again and tok.dep_ in {"dobj", "attr"}:
            drivers = self.subjects(tok.head)
        if not drivers and tok.dep_ == "appos":
            drivers = self.ents_of(tok.head)
        if not drivers and tok.dep_ == "pobj" and tok.head.dep_ == "prep":
            # "After seven seasons at T, X moves to ...", "X, in his first season with
            # U after stints at T and V, ...": the clause's subject
            drivers = [d for d in self._prep_clause_subjects(tok) if self._driverish(d) or
                       self.ent(d).type == "CrewChief"]
        if tok.lower_ in {"driver", "teammate", "pilot", "wheelman", "rookie"} and \
                tok.dep_ in {"appos", "attr"}:
            drivers = drivers or self.ents_of(tok.head) or self.subjects(tok.head)
        conf = 0.75 * self.hedge(tok)
        for d in drivers:
            e = self.ent(d)
            if e.type == "CrewChief" and tok.lemma_.lower() in {"season", "stint", "tenure",
                                                                "year", "career"}:
                # "C joins the team after six seasons at T and U": C's former teams
                for t in set(teams):
                    self.emit(d, "affiliated_with", t, si, 0.6, "staff-tenure")
            if not e.is_person or e.type == "CrewChief":
                continue
            for t in set(teams):
                self.emit(d, "drove_for", t, si, conf, "drive-noun")

    def _prep_clause_subjects(self, tok) -> list[int]:
        """The subject of the clause a prepositional phrase headed by ``tok`` modifies:
        up the verb the preposition hangs on, or, for a tenure noun ("stints", "seasons"),
        through one more prepositional phrase it is nested in ("in his first year with U
        after stints at T"), the verb's subject, active or passive."""
        head = tok.head.head
        if head.pos_ not in {"VERB", "AUX"} and tok.lemma_.lower() in L.TENURE_NOUNS and \
                head.dep_ == "prep" and head.head.pos_ in {"VERB", "AUX"}:
            head = head.head
        if head.pos_ not in {"VERB", "AUX"}:
            return []
        return self.subjects(head) or self.passive_subjects(head)

    def set_off_names(self, tok) -> list[int]:
        """The names set off after a noun by a comma ("T's drivers, A and B"): its
        apposition, or the conjuncts the parse may make of it."""
        return [e for c in tok.children if c.dep_ == "appos" or c.dep_ == "conj" and
                c.i > tok.i and self.doc[c.left_edge.i - 1].text == ","
                for e in self.ents_of(c)]

    def _team_possessor(self, tok) -> list[int]:
        """The team a noun is said to belong to by a possessive: "T's drivers", "the
        team's anchor", "its champion"."""
        for c in tok.children:
            if c.dep_ != "poss":
                continue
            if c.lower_ in {"team", "organization", "its"}:
                return [t for t in (self.org_pronoun(c) if c.lower_ == "its" else
                                    self.recent_team(c)) if self.teamish(t)][:1]
            return [t for t in self.ents_of(c) if self.teamish(t)]
        return []

    def name_patterns(self, si, sent, ms) -> None:
        """Patterns over adjacent names: "<team> driver <person>", "<org>'s <person>",
        "<org> <title> <person>" ("<company> CEO X", "<org> vice president X"),
        "team owner <person>", "<person> (<team>)", "<make> team <team>",
        "<make> drivers A, B and C", "<driver> and crew chief <person>",
        "<driver>'s crew chief(,) <person>", "<driver> at <team>"."""
        doc = self.doc
        for k, b in enumerate(ms):
            eb = self.ent(b.ent)
            a = ms[k - 1] if k > 0 else None
            ea = self.ent(a.ent) if a is not None else None
            lo = a.end if a is not None else max(sent.start, b.start - 4)
            between = doc[lo:b.start]
            words = [t.lower_ for t in between]
            if a is None or len(words) > 5:
                if eb.is_person:
                    self._implicit_team_role(b, si, sent)
                continue
            if ea.type == "Team" and not eb.is_person and self._sponsorable(b.ent) and \
                    [w for w in words if w not in {"'s", "’s"}][-1:] in (
                        ["partner"], ["sponsor"]) and \
                    all(w in L.SPONSOR_PARTNER_MODIFIERS | {"'s", "’s", "partner", "sponsor"}
                        for w in words) and self._make_sponsor(b.ent):
                # "<team> partner <S>", "<team>'s longtime sponsor <S>"
                self.emit(b.ent, "sponsors", a.ent, si, 0.75, "team-partner-name")
                continue
            if ea.type == "Person" and words in (["'s"], ["’s"], ["'"], ["’"]) and \
                    eb.type == "Driver":
                # "<Owner>'s A, B and C": an owner's drivers drive for his team (see
                # drove_for_owners)
                self._for_owner += [(g, a.ent, si) for g in self.group_of(b)
                                    if self.ent(g).type == "Driver"]
                continue
            if ea.type in {"Team", "Sponsor", "Organization", "Manufacturer"} and eb.is_person:
                poss = words[:1] in (["'s"], ["’s"], ["'"], ["’"])
                rest = words[1:] if poss else words
                if "crew" in rest and "chief" in rest:
                    if ea.type == "Team" and [w for w in rest if w != ","] in (
                            ["crew", "chief"], ["veteran", "crew", "chief"]):
                        self.emit(b.ent, "affiliated_with", a.ent, si, 0.6, "team-crew-chief")
                    continue
                if any(w in L.OWNER_TITLE_WORDS for w in rest) and ea.type in {
                        "Team", "Organization"} and all(
                        w in L.OWNER_TITLE_WORDS | L.TITLE_MODIFIERS for w in rest):
                    self.emit(b.ent, "owns", a.ent, si, 0.8, "team-owner-name")
                    continue
                if rest and all(w in L.TITLE_NOUNS | L.TITLE_MODIFIERS | L.ROLE_PERSON
                                for w in rest) and any(
                        w in L.TITLE_NOUNS | L.ROLE_PERSON for w in rest):
                    self.emit(b.ent, "affiliated_with", a.ent, si, 0.7, "org-title-name")
                    continue
                driverish = all(w in L.ROLE_DRIVER or w in {"no.", "no", ".", "#"} or
                                w.isdigit() or w in {"development", "developmental"}
                                for w in rest)
                if driverish and eb.type != "CrewChief":
                    if "development" in rest or "developmental" in rest or \
                            ea.type == "Manufacturer":
                        if rest:
                            for g in self.group_of(b):
                                self.emit(g, "affiliated_with", a.ent, si, 0.75,
                                          "development-driver")
                    elif ea.type == "Team" and (rest or poss):
                        for g in (self.group_of(b) if rest and rest[-1] in {
                                "drivers", "teammates"} or poss and not rest else
                                  [b.ent]):
                            self.emit(g, "drove_for", a.ent, si, 0.8, "team-driver-name")
                    elif poss and ea.type in {"Organization", "Sponsor"} and (
                            eb.type == "Person" or not eb.certain and not eb.votes):
                        self.emit(b.ent, "affiliated_with", a.ent, si, 0.65, "org-s-person")
                    continue
            if eb.is_person and not words and False:
                continue
            if ea.is_person and eb.type == "Team" and words in (["("],):
                after = doc[b.end] if b.end < len(doc) else None
                if after is not None and after.text in {")", ","}:
                    self.emit(a.ent, "drove_for", b.ent, si, 0.75, "name-(team)")
            if ea.is_person and eb.type == "Team" and words in (["at"], ["of"]) and \
                    self._driverish(a.ent):
                self.emit(a.ent, "drove_for", b.ent, si, 0.65, "driver-at-team")
            if ea.is_person and eb.type == "Team" and words in (
                    [",", "now", "at"], [",", "now", "with"], [",", "then", "with"],
                    [",", "then", "at"], [",", "now", "driving", "for"],
                    [",", "who", "now", "drives", "for"]) and self._driverish(a.ent):
                self.emit(a.ent, "drove_for", b.ent, si, 0.65, "driver-now-at")
            if ea.type == "Manufacturer" and eb.type == "Team" and (
                    any(w in {"team", "teams", "organization", "outfit", "squad", "camp",
                              "-backed", "backed", "powerhouse", "stalwart", "affiliate"}
                        for w in words) or words in (["'s"], ["’s"])):
                self.emit(b.ent, "affiliated_with", a.ent, si, 0.75, "make-team")
            if ea.is_person and eb.is_person and eb.type != "Driver" or (
                    ea.is_person and eb.is_person):
                cc_words = [w for w in words if w not in {",", "the", "his", "her", "longtime",
                                                          "veteran", "new"}]
                if cc_words in (["'s", "crew", "chief"], ["’s", "crew", "chief"],
                                ["'", "crew", "chief"], ["’", "crew", "chief"]):
                    self.emit(b.ent, "crew_chief_for", a.ent, si, 0.85, "s-crew-chief")
                elif cc_words in (["and", "crew", "chief"], ["with", "crew", "chief"]):
                    self.emit(b.ent, "crew_chief_for", a.ent, si, 0.85, "and-crew-chief")
                elif cc_words in (["crew", "chief", "for"], ["crew", "chief", "of"],
                                  ["as", "crew", "chief", "for"]):
                    self.emit(a.ent, "crew_chief_for", b.ent, si, 0.85, "crew-chief-for")
            if ea.is_person and eb.type == "Team" and words and words[0] == "," and (
                    any(w in L.ROLE_OWNER for w in words[1:]) and words[-1] in {"of", "at"}):
                self.emit(a.ent, "owns", b.ent, si, 0.85, "owner-of")
            if eb.is_person:
                self._implicit_team_role(b, si, sent)

    def _implicit_team_role(self, b, si, sent) -> None:
        """"Team owner X said", "team president X", and the bare owner title "co-owner X
        said", "and owner X called him": the team of the document."""
        doc = self.doc
        before = [t.lower_ for t in doc[max(sent.start, b.start - 3):b.start]]
        if before[-1:] and before[-1] in {"owner", "co-owner"} and \
                self._bare_title(doc[b.start - 1], sent):
            before = ["team"] + before[-1:]
        if len(before) < 2 or before[-2] != "team":
            return
        role = before[-1]
        if role not in L.OWNER_TITLE_WORDS and role not in L.TITLE_NOUNS:
            return
        if b.start - 3 >= sent.start and self.de.mention_at(b.start - 3) is not None:
            return  # "<org> team owner X" is handled with its name
        team = self.salient_team(b.ent, doc[b.start])
        if not team:
            return
        if role in L.OWNER_TITLE_WORDS:
            self.emit(b.ent, "owns", team[0], si, 0.65, "team-owner-implicit")
        else:
            self.emit(b.ent, "affiliated_with", team[0], si, 0.6, "team-title-implicit")

    def _bare_title(self, role, sent) -> bool:
        """Whether the title word ``role`` stands alone before a name: at the start of
        the sentence or after a common word ("and owner X"), not after a name or a
        proper noun ("Cowboys owner X", "<team> owner X")."""
        if role.i == sent.start:
            return True
        prev = self.doc[role.i - 1]
        return prev.pos_ != "PROPN" and self.de.mention_at(prev.i) is None and \
            prev.lower_ not in {"'s", "’s", "team", "car"}

    # -- quotations and posts ------------------------------------------------------
    def posts(self) -> None:
        """Social posts: "text\n— Name (@handle) date": the author vouches for whom the
        post praises (named in it, else the driver the article is about)."""
        doc, de = self.doc, self.de
        for m in de.mentions:
            if m.kind != "name" or not self.ent(m.ent).is_person:
                continue
            if m.start == 0 or doc[m.start - 1].text not in L.DASHES:
                continue
            if m.end + 1 >= len(doc) or doc[m.end].text != "(" or \
                    not doc[m.end + 1].text.startswith("@"):
                continue
            # the post: the line just before the signature line
            si = next(k for k, s in enumerate(de.sents) if s.start <= m.start < s.end)
            lo = doc[m.start - 1].i
            start = lo - 1
            while start >= 0 and not ("\n" in doc[start].text or
                                      "\n" in doc[start].whitespace_):
                start -= 1
            while start >= 0 and ("\n" in doc[start].text or doc[start].is_space):
                start -= 1
            while start >= 0 and not ("\n" in doc[start].text or
                                      "\n" in doc[start].whitespace_):
                start -= 1
            start += 1
            reported = any(t.lemma_.lower() in L.SAY_VERBS and t.pos_ == "VERB" and any(
                self.ent(e).is_person for e in self.subjects(t)) for t in doc[start:lo])
            if reported or start >= lo:
                continue  # a reporter relaying what someone else said
            if not self._praise(start, lo):
                if any(self._criticism(t, start, lo) for t in doc[start:lo]):
                    # "Tell Colt to check his mirrors. Some of us don't forget.": at
                    # someone the article has named before
                    named = [o for o in self._named_in(doc[start:lo], m.ent)
                             if any(x.start < start for x in self.ent(o).mentions)]
                    for o in named[:1]:
                        self.emit(m.ent, "feuded_with", o, si, 0.6, "post-criticism")
                continue
            author = m.ent
            about = [x.ent for x in de.mentions if start <= x.start < lo
                     and self.ent(x.ent).is_person and x.ent != author]
            if len(set(about)) > 2:
                continue
            if not about:
                drivers = [e for e in de.entities if e.type == "Driver" and e.idx != author]
                if drivers:
                    about = [max(drivers, key=lambda e: len(e.mentions)).idx]
            for o in dict.fromkeys(about):
                self.emit(author, "endorses", o, si, 0.6, "post")

    # -- endorses ------------------------------------------------------------------
    def _positive(self, head, own_clause: bool = False) -> bool:
        """Whether ``head``'s phrase praises, with no negation in it; ``own_clause``
        leaves out its coordinated clauses ("called him ... and told him Y is the best")."""
        neg = False
        pos = False
        toks = head.subtree
        if own_clause:
            skip = {g.i for c in head.children if c.dep_ in {"conj", "cc"} for g in c.subtree}
            toks = [t for t in head.subtree if t.i not in skip]
        for t in toks:
            low, lemma = t.lower_, t.lemma_.lower()
            if t.dep_ == "neg" or low in {"not", "never", "n't"}:
                neg = True
            if low in L.POSITIVE_WORDS or lemma in L.POSITIVE_WORDS:
                pos = True
        return pos and not neg

    def reported_speech(self, tok, lemma, si) -> None:
        """"X says Y is ready", "X told me Y would have won", "X called Y the best"."""
        if self.negated(tok):
            return
        speakers = [s for s in self.subjects(tok) if self.ent(s).is_person]
        if not speakers:
            return
        for c in tok.children:
            if c.dep_ in {"ccomp", "xcomp", "advcl"} and c.pos_ in {"VERB", "AUX"} and \
                    not (self.inside_quote(c.i) and not self.inside_quote(tok.i) and all(
                        self.inside_quote(g.i) for g in c.children if g.dep_ in SUBJ_DEPS)
                         and any(g.dep_ in SUBJ_DEPS for g in c.children)):
                # (a whole quotation before "X said" is read by the quotation rules)
                if c.lemma_.lower() in L.SAY_VERBS | L.CALL_VERBS and c.dep_ in {"conj",
                                                                                "ccomp"}:
                    continue  # "X wrote that Y said ...", "X said Y called": Y speaks
                subj = [s for s in self.subjects(c) if self.ent(s).is_person] or \
                    self._named_before_quote(c)
                if any(t.lower_.replace("’", "'") in L.NEGATIVE_WORDS
                       for t in self.doc[tok.i + 1:c.left_edge.i]):
                    continue  # "said he isn't sure Y deserves ...", however it is parsed
                if not subj and c.dep_ == "xcomp":
                    continue
                admired = []
                if subj and set(subj) <= set(speakers) and not self.negated(c):
                    subj = admired = self._admired(c)  # "X said he was impressed with Y"
                if subj and (admired or self._positive(c) or any(
                        self.praise_phrase(t) for t in c.subtree)):
                    for s in speakers:
                        for o in subj:
                            if o not in speakers:
                                self.emit(s, "endorses", o, si, 0.8 * self.hedge(tok),
                                          "reported-speech")
        if lemma in L.CALL_VERBS:
            objs = [o for o in self.dobjs(tok, poss=False) if self.ent(o).is_person]
            # "considers him the most complete driver" (a small clause)
            objs += [o for c in tok.children if c.dep_ in {"ccomp", "oprd"}
                     for g in c.children if g.dep_ == "nsubj"
                     for o in self.ents_of(g) if self.ent(o).is_person]
            if objs and self._positive(tok, own_clause=True):
                for s in speakers:
                    for o in objs:
                        self.emit(s, "endorses", o, si, 0.75, "call-praise")

    def backing_phrase(self, tok, lemma, si) -> None:
        """Backing said with a plain verb and a particle: "X stood behind Y", "X rallied
        behind Y", "X spoke highly of Y", "X believes in Y", "X has Y's back"."""
        kids = list(tok.children)
        if self.negated(tok):
            return
        if lemma == "have":
            objs = [e for c in kids if c.lower_ == "back" and c.dep_ in {"dobj", "advmod"}
                    for g in c.children if g.dep_ == "poss" for e in self.ents_of(g)]
        elif lemma in {"speak", "think"}:
            objs = self.pobjs(tok, {"of"}) if any(c.lower_ == "highly" for c in kids) else []
        else:
            objs = self.pobjs(tok, {"in"} if lemma == "believe" else {"behind"})
        speakers = [e for e in self.subjects(tok) if self.ent(e).is_person]
        for s in speakers:
            for o in objs:
                if self.ent(o).is_person and o != s:
                    self.emit(s, "endorses", o, si, 0.7 * self.hedge(tok), "backing-phrase")

    def _admired(self, verb) -> list[int]:
        """Whom the subject of ``verb`` admires: "(he was) impressed with Y", "proud of Y",
        "(he) learned more in two seasons with Y", "learned a lot from Y"."""
        if verb.lemma_.lower() == "learn":
            return [e for t in verb.subtree if t.dep_ == "pobj" and t.head.lower_ in {
                "from", "with", "under"} for e in self.ents_of(t) if self.ent(e).is_person]
        admiring = {"impressed", "proud", "amazed", "blown"}
        if verb.lower_ in admiring:  # "(he said he was) impressed by Y"
            return [e for e in self.pobjs(verb, {"with", "of", "by"}) + self.agent(verb)
                    if self.ent(e).is_person]
        return [e for c in verb.children if c.dep_ in {"acomp", "oprd"} and c.lower_ in
                admiring for e in self.pobjs(c, {"with", "of", "by"})
                if self.ent(e).is_person]

    def _named_before_quote(self, verb) -> list[int]:
        """The subject of a quoted predicate, named just before the quotation mark
        ("told him Y “is the best road racer ...”")."""
        edge = verb.left_edge.i
        if self.doc[edge].text not in L.QUOTE_CHARS or edge == 0:
            return []
        m = self.de.mention_at(edge - 1)
        return [m.ent] if m is not None and self.ent(m.ent).is_person else []

    def endorse_verb(self, tok, lemma, si) -> None:
        if self.negated(tok):
            return
        speakers = [s for s in self.subjects(tok) if self.ent(s).is_person]
        objs = self.dobjs(tok) + self.pobjs(tok, {"for", "of", "about", "in", "on"})
        passive = self.passive_subjects(tok)
        if passive:
            speakers, objs = [s for s in self.agent(tok) if self.ent(s).is_person], passive
        conf = (0.85 if lemma in {"endorse", "vouch", "praise", "laud", "hail", "tout"} else 0.7)
        for s in speakers:
            for o in objs:
                if self.ent(o).is_person:
                    self.emit(s, "endorses", o, si, conf * self.hedge(tok), "endorse-verb")

    def endorse_noun(self, tok, si) -> None:
        """"endorsements from A, B and C", "X's praise of Y", "Y has the backing of X"."""
        low = tok.lower_
        giving = tok.dep_ == "dobj" and tok.head.lemma_.lower() in {
            "have", "give", "offer", "express", "heap", "voice", "reserve", "lavish", "throw",
            "show", "place", "put"}
        if tok.lemma_.lower() in {"support", "confidence", "vote", "fan", "champion",
                                  "nod", "seal"} and not any(
                c.dep_ == "prep" for c in list(tok.children) + (
                    list(tok.head.children) if giving else [])):
            return
        givers: list[int] = []
        takers: list[int] = []
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in {"from", "by"}:
                for p in c.children:
                    givers += [e for e in self.subtree_ents(p) if self.ent(e).is_person]
            elif c.dep_ == "prep" and c.lower_ in {"for", "of", "to", "in", "behind", "on"}:
                # ("confidence in Y", "support behind Y", "praise on Y")
                for p in c.children:
                    got = [e for e in self.subtree_ents(p) if self.ent(e).is_person]
                    if c.lower_ == "of" and low in L.ENDORSER_NOUNS:
                        takers += got
                    elif c.lower_ == "of" and not any(g.dep_ == "poss" for g in tok.children):
                        givers += got
                    else:
                        takers += got
            elif c.dep_ == "poss":
                got = [e for e in self.ents_of(c) if self.ent(e).is_person]
                if low in L.ENDORSER_NOUNS:
                    takers += got
                elif any(g.dep_ == "prep" and g.lower_ in {"from", "by"} for g in tok.children):
                    takers += got
                else:
                    givers += got
        if low in L.ENDORSER_NOUNS and tok.dep_ == "dobj" and tok.head.lemma_.lower() in {
                "have", "find", "gain", "get"}:
            # "Y has an ally in X", "Y found a supporter in X"
            ins = [e for e in self.pobjs(tok, {"in"}) + self.pobjs(tok.head, {"in"})
                   if self.ent(e).is_person]
            if ins:
                givers = ins
                takers = [e for e in self.subjects(tok.head) if self.ent(e).is_person]
        if low in L.ENDORSER_NOUNS:
            # "X, a longtime supporter of Y", "X has been one of Y's biggest supporters"
            one = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" and \
                tok.head.head.lower_ == "one" else tok
            if one.dep_ == "appos":
                givers += [e for e in self.ents_of(one.head) if self.ent(e).is_person]
            elif one.dep_ == "attr":
                givers += [e for e in self.subjects(one.head) if self.ent(e).is_person]
        if giving and not takers:
            # "X threw his support behind Y", "X heaped praise on Y" (on the verb)
            takers = [e for e in self.pobjs(tok.head, {"for", "behind", "on", "in"})
                      if self.ent(e).is_person]
        if not givers and takers and giving:
            # "X had high praise for Y", "X threw his support behind Y"
            givers = [e for e in self.subjects(tok.head) if self.ent(e).is_person]
        if not givers and tok.dep_ == "dobj":
            # "Y drew praise from X" (the from-phrase on the verb)
            givers = [e for e in self.pobjs(tok.head, {"from"}) if self.ent(e).is_person]
        if givers and not takers:
            head = tok.head
            if tok.dep_ in {"dobj", "attr"}:
                takers = [e for e in self.subjects(head) if self.ent(e).is_person]
            elif tok.dep_ == "pobj" and head.dep_ == "prep":
                takers = [e for e in self.subjects(head.head) if self.ent(e).is_person]
            elif tok.dep_ in {"nsubj", "conj"}:
                takers = [e for e in self.dobjs(head) if self.ent(e).is_person]
        if not givers or not takers:
            return
        conf = 0.8 * self.hedge(tok)
        for g in givers:
            for t in takers:
                if g not in takers:
                    self.emit(g, "endorses", t, si, conf, "endorse-noun")

    # -- feuded_with ---------------------------------------------------------------
    def _previous_person(self, si, exclude, drivers_only: bool = False) -> int | None:
        for k in range(si - 1, max(-1, si - 3), -1):
            people = [m for m in self.de.in_sentence(k)
                      if self.ent(m.ent).is_person and m.ent not in exclude and
                      (not drivers_only or self._driverish(m.ent))]
            if people:
                subj = [m for m in people if self.doc[m.root].dep_ in SUBJ_DEPS]
                return (subj or people)[0].ent
        return None

    def _topic_driver(self, si, exclude) -> int | None:
        """The driver the text is on when a sentence names a crew chief and no driver
        ("Gordon said second was enough. Crew chief C agreed"): the driver who is the
        subject of one of the two sentences before, within the section, outside quotes."""
        for k in (si - 1, si - 2):
            if k < 0 or k in self.de.headings:
                return None
            for m in self.de.in_sentence(k):
                e = self.ent(m.ent)
                if self.doc[m.root].dep_ in SUBJ_DEPS and e.type == "Driver" and \
                        m.ent not in exclude and not self.inside_quote(m.root):
                    return m.ent
        return None

    def _hyphen_word(self, tok) -> str:
        """The hyphenated word ``tok`` ends ("run-in", "dust-up": the parser splits them
        and keeps the last part as the noun), else ""."""
        if tok.i < 2 or self.doc[tok.i - 1].text != "-" or self.doc[tok.i - 1].whitespace_ \
                or self.doc[tok.i - 2].whitespace_:
            return ""
        return f"{self.doc[tok.i - 2].lower_}-{tok.lower_}"

    def _paragraph_driver(self, si, exclude, reach: int = 6) -> int | None:
        """The driver a recap's paragraph is on when a crew chief speaks in it after the
        quotes of others ("Y led 38 laps ... '...,' owner O said. Crew chief C said the
        team would ..."): back over quoted sentences, within the section, the driver
        named as a subject, else the one driver named, in the nearest sentence naming a
        driver outside quotes."""
        for k in range(si - 1, max(-1, si - 1 - reach), -1):
            if k in self.de.headings:
                return None
            named = [m for m in self.de.in_sentence(k) if self.ent(m.ent).type == "Driver"
                     and m.ent not in exclude and not self.inside_quote(m.root)]
            if not named:
                continue
            subj = [m.ent for m in named if self.doc[m.root].dep_ in SUBJ_DEPS]
            if subj:
                return subj[0]
            return named[0].ent if len({m.ent for m in named}) == 1 else None
        return None

    def feud_noun(self, tok, si) -> None:
        low = tok.lemma_.lower()
        if low == "word":
            self.had_words(tok, si)
            return
        if low == "blood" and not any(c.lower_ == "bad" for c in tok.children):
            return  # ("bad blood")
        if low in {"anger", "resentment"}:
            self.anger_at(tok, si)
            return
        if low in {"war", "exchange", "stare", "row", "fight", "clash", "shove", "punch",
                   "rival", "rivals", "enemy", "foe", "war", "argument", "wound"}:
            # only with words that make them a conflict between people
            mods = {c.lower_ for c in tok.children} | {tok.head.lower_}
            if low in {"rival", "rivals", "enemy", "foe", "nemesis"}:
                pass
            elif low == "war" and "words" not in {t.lower_ for t in tok.subtree}:
                return
            elif low == "stare" and not mods & L.FEUD_ADJ:
                return
            elif low in {"exchange", "fight", "clash", "argument", "wound"} and not (
                    mods & L.FEUD_ADJ or any(
                    c.dep_ == "prep" and c.lower_ in {"with", "between"} for c in tok.children)):
                return
        if low == "match" and not ({c.lower_ for c in tok.children} & L.FEUD_ADJ):
            return
        parties: list[int] = []
        for c in tok.children:
            if c.dep_ == "poss":
                parties += self.ents_of(c) or self._pair_holder(c)
            elif c.dep_ == "prep" and c.lower_ in {"with", "between", "against", "among", "of"}:
                for p in c.children:
                    if p.dep_ == "pobj":
                        parties += self.ents_of(p)
            elif c.dep_ == "compound" and self.men(c) is not None:
                parties += self.group_of(self.men(c))
        if low in {"punch", "shove", "swing"}:
            # "threw a punch at Y"
            parties += self.pobjs(tok, {"at"}) + (self.pobjs(tok.head, {"at"})
                                                  if tok.dep_ == "dobj" else [])
        one_side = self._one_side(tok)
        if len(one_side) >= 2 and set(parties) <= set(one_side):
            # "his dust-up with the family, the fistfight with A and B": A and B are one
            # side, the other is whoever had it
            other = [p for p in self._fight_holder(tok) if p not in one_side]
            if not other:
                return
            parties = other[:1] + one_side
        if low in {"rival", "rivals", "enemy", "foe", "nemesis"}:
            if any(c.dep_ == "poss" and not self.ents_of(c) for c in tok.children):
                return  # "your rivals are A, B and C": theirs, not each other's
            if tok.dep_ == "appos":
                parties += self.ents_of(tok.head)
            elif tok.dep_ == "attr":
                parties += self.subjects(tok.head)
        if not any(self.ent(p).is_person for p in parties):
            # "a garage confrontation at Phoenix with X": the with-phrase may hang lower
            for c in tok.children:
                if c.dep_ == "prep":
                    for p in c.children:
                        for g in p.children:
                            if g.dep_ == "prep" and g.lower_ in {"with", "between"}:
                                parties += self.pobjs(p, {"with", "between"})
        if tok.dep_ == "dobj":
            # "gave Y an icy stare" (the name between the verb and its object, however
            # the parser attached it)
            for c in tok.head.children:
                if c.dep_ in {"dative", "iobj"}:
                    parties += self.ents_of(c)
            between = {self.men(t).ent for t in self.doc[tok.head.i + 1:tok.i]
                       if self.men(t) is not None}
            parties += [e for e in between if self.ent(e).is_person and e not in parties]
        if len(parties) < 2 and tok.dep_ in {"dobj", "pobj", "attr"}:
            # "Their tangle ... led to a well-known feud"
            v = tok.head if tok.dep_ != "pobj" else tok.head.head
            for c in v.children:
                if c.dep_ in SUBJ_DEPS:
                    for g in c.subtree:
                        if g.lower_ in {"their", "they"}:
                            parties += self.last_two_people(g)
        named = {m.ent for m in self.de.in_sentence(self.de.mention_at(tok.i).sent)} \
            if self.de.mention_at(tok.i) else {m.ent for m in self.de.mentions
                                              if m.sent == self._sent_index(tok)}
        parties = [p for p in dict.fromkeys(parties)
                   if self.ent(p).is_person or self.ent(p).type == "Team" and p in named and
                   low not in {"rival", "rivals", "enemy", "foe", "nemesis"}]
        if len(parties) < 2:
            head = tok.head
            others: list[int] = []
            if any(not any(self.ents_of(g) for g in p.subtree) for c in tok.children
                   if c.dep_ == "prep" and c.lower_ in {"with", "against"}
                   for p in c.children if p.dep_ == "pobj"):
                return  # the other side is said, and is no one named ("with the family")
            elsewhere = self._other_conflict_sides(tok)
            if tok.dep_ in {"dobj", "attr"} or tok.dep_ == "pobj" and head.dep_ == "prep":
                v = head if tok.dep_ != "pobj" else head.head
                others = [p for p in self.subjects(v) or self._passive_doer(v)
                          if p not in parties]
            if tok.dep_ in {"nsubj"}:
                others = [p for p in self.dobjs(head) + self.pobjs(head, {"with", "between"})
                          if p not in parties]
            others = [p for p in others if self.ent(p).is_person or self.ent(p).type == "Team"]
            conf = 0.75
            if not others and len(parties) == 1:
                prev = self._previous_person(si, set(parties))
                sent_people = list(dict.fromkeys(
                    m.ent for m in self.de.in_sentence(si)
                    if self.ent(m.ent).is_person and m.ent not in parties and
                    m.ent not in elsewhere))
                if not sent_people and prev is not None:
                    others, conf = [prev], 0.55
                elif len(sent_people) == 1:
                    others, conf = sent_people, 0.6
            elif not others and not parties and tok.dep_ in {"dobj"}:
                # "X waited for Y and threw a punch"
                subj = [p for p in self.subjects(tok.head) if self.ent(p).is_person]
                sent_people = list(dict.fromkeys(
                    m.ent for m in self.de.in_sentence(si)
                    if self.ent(m.ent).is_person and m.ent not in subj))
                if len(subj) == 1 and len(sent_people) == 1 and low in {
                        "punch", "shove", "fight", "feud", "confrontation", "altercation",
                        "scuffle", "brawl", "stare"}:
                    parties, others, conf = subj, sent_people, 0.6
            parties += others
            if len(parties) == 1 and low in {
                    "punch", "shove", "fight", "feud", "confrontation", "altercation",
                    "scuffle", "brawl", "stare", "shoving"}:
                # "X waited for Y and threw a punch"
                rest = list(dict.fromkeys(
                    m.ent for m in self.de.in_sentence(si)
                    if self.ent(m.ent).is_person and m.ent not in parties and
                    m.ent not in elsewhere))
                if len(rest) == 1:
                    parties, conf = parties + rest, 0.6
            if len(parties) < 2:
                return
        else:
            conf = 0.8
        if self.negated(tok) or self.negated(tok.head) and tok.head.lemma_.lower() not in \
                L.ENDING_VERBS:
            return  # (a feud that "never really ended" goes on)
        conf *= self.hedge(tok)
        first = parties[0]
        for p in parties[1:]:
            self.emit(first, "feuded_with", p, si, conf, "feud-noun")
        if len(parties) > 2 and any(c.dep_ == "prep" and c.lower_ == "between"
                                    for c in tok.children):
            for i, a in enumerate(parties):
                for b in parties[i + 1:]:
                    self.emit(a, "feuded_with", b, si, conf, "feud-between")

    def _pair_holder(self, poss) -> list[int]:
        """The two people just named, for a possessive that stands for two ("the
        teammates' run-in", "the pair's feud"; not "the driver's")."""
        if poss.lemma_.lower() not in L.PAIR_NOUNS or not (
                poss.tag_ == "NNS" or poss.lower_ in {"pair", "duo", "two"}):
            return []
        return self.last_two_people(poss)

    def _other_conflict_sides(self, tok) -> set[int]:
        """The people of the "with" phrases of the sentence's other conflict nouns ("from
        the shoving match with A to the brawl with B"): each is one side of his own
        conflict, not the other side of this one."""
        return {e for t in tok.sent if t.i != tok.i and t.pos_ == "NOUN" and
                (t.lemma_.lower() in L.FEUD_NOUNS or self._hyphen_word(t) in L.FEUD_NOUNS)
                for e in self.pobjs(t, {"with", "against"})}

    def anger_at(self, tok, si) -> None:
        """"X's anger at Y", "X made no secret of his anger when Y left": the one angry
        and the one named as its cause (not anyone else of the sentence: "his anger over
        the penalty, which Y also got")."""
        verb = tok
        while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
            verb = verb.head
        others = self.pobjs(tok, {"at", "toward", "towards", "with"}) + [
            e for c in verb.children if c.dep_ == "advcl" and any(
                g.lower_ == "when" for g in c.children) for e in self.subjects(c)]
        held = [e for c in tok.children if c.dep_ == "poss" for e in self.ents_of(c)] or \
            self.subjects(verb)
        if self.negated(tok):
            return
        for a in [e for e in held if self.ent(e).is_person]:
            for b in others:
                if b != a and (self.ent(b).is_person or self.ent(b).type == "Team"):
                    self.emit(a, "feuded_with", b, si, 0.6 * self.hedge(tok), "anger-at")

    def _one_side(self, tok) -> list[int]:
        """The people of a conflict noun's "with"/"against" phrase ("a fight with A and
        B"): one side of it."""
        return [e for e in self.pobjs(tok, {"with", "against"}) if self.ent(e).is_person]

    def _fight_holder(self, tok) -> list[int]:
        """Who had the conflict that ``tok`` names: the possessor of it (or of the noun it
        is in apposition to: "his dust-up with the family, the fistfight with ..."), else
        the subject of the verb it is the object of."""
        anchor = tok.head if tok.dep_ == "appos" else tok
        held = [e for c in anchor.children if c.dep_ == "poss" for e in self.ents_of(c)]
        if not held and anchor.dep_ in {"dobj", "attr"}:
            held = self.subjects(anchor.head)
        return [e for e in held if self.ent(e).is_person]

    def had_words(self, tok, si) -> None:
        """"X had words with Y after the race", "X had some choice words for Y" (but "X
        had kind words for Y" praises)."""
        v = tok.head
        if tok.dep_ != "dobj" or tok.lower_ != "words" or v.lemma_.lower() not in {
                "have", "share"} or self.negated(v):
            return
        others = [e for e in self.pobjs(tok, {"with", "for"}) + self.pobjs(v, {"with", "for"})
                  if self.ent(e).is_person]
        kind = any(c.dep_ == "amod" and c.lower_ in L.KIND_WORDS for c in tok.children)
        for s in [e for e in self.subjects(v) if self.ent(e).is_person]:
            for o in others:
                if kind:  # "X had kind words for Y"
                    self.emit(s, "endorses", o, si, 0.7 * self.hedge(v), "kind-words")
                else:
                    self.emit(s, "feuded_with", o, si, 0.7 * self.hedge(v), "had-words")

    def angry_with(self, tok, si) -> None:
        """"X was furious with Y", "X is mad at Y", "X was not happy with Y"."""
        negated = self.negated(tok) or self.negated(tok.head)
        if tok.lower_ in L.DISPLEASED_ADJ and not negated or \
                tok.lower_ not in L.DISPLEASED_ADJ and negated:
            return
        others = [e for e in self.pobjs(tok, {"with", "at"}) if self.ent(e).is_person]
        if not others or tok.dep_ not in {"acomp", "amod", "oprd"}:
            return
        holder = tok.head if tok.dep_ != "amod" else tok.head.head
        for s in [e for e in self.subjects(holder) if self.ent(e).is_person]:
            for o in others:
                self.emit(s, "feuded_with", o, si, 0.65 * self.hedge(tok), "angry-with")

    def mutual_dislike(self, tok, si) -> None:
        """"A and B don't like each other", "A and B have never seen eye to eye", "A and
        B never got along", "A and B are not friends", "A is not friends with B": a
        lasting conflict between the two."""
        lemma, kids = tok.lemma_.lower(), list(tok.children)
        if not any(c.dep_ == "neg" for c in kids):
            return
        words = {g.lower_ for g in tok.subtree}
        friends = [c for c in kids if c.dep_ == "attr" and c.lower_ == "friends"]
        if not (lemma == "like" and {"each", "other"} <= words or
                lemma == "see" and "eye" in words or
                lemma == "get" and "along" in {c.lower_ for c in kids} or
                lemma == "be" and friends and not words & {"just", "only", "merely"}):
            return
        subj = [e for e in self.subjects(tok) if self.ent(e).is_person or
                self.ent(e).type == "Team"]
        if len(subj) == 1 and friends:
            subj += [e for e in self.pobjs(friends[0], {"with"}) if e not in subj]
        for i, a in enumerate(subj):
            for b in subj[i + 1:]:
                self.emit(a, "feuded_with", b, si, 0.7 * self.hedge(tok), "dislike")

    def payback_phrase(self, tok, lemma, si) -> None:
        """"X vowed to get even with Y", "X has a score to settle with Y"."""
        kids = list(tok.children)
        even = any(c.lower_ == "even" for c in kids) or any(  # (or on "with")
            g.lower_ == "even" for c in kids if c.lower_ == "with" for g in c.children)
        if lemma == "get" and not even or \
                lemma == "settle" and not (tok.head.lemma_.lower() == "score" or any(
                    c.dep_ == "dobj" and c.lemma_.lower() == "score" for c in kids)):
            return
        others = [e for e in self.pobjs(tok, {"with"}) if self.ent(e).is_person]
        holder = tok.head.head if tok.dep_ == "relcl" or tok.head.lemma_.lower() == "score" \
            else tok
        subj = [e for e in self.subjects(tok) or self.subjects(holder) if self.ent(e).is_person]
        for s in subj:
            for o in others:
                if o != s:
                    self.emit(s, "feuded_with", o, si, 0.7 * self.hedge(tok), "payback")

    def at_odds(self, tok, si) -> None:
        """"A and B have been at odds since Bristol", "A is at odds with B"."""
        verb = tok.head.head if tok.head.lower_ == "at" else tok.head
        subj = [e for e in self.subjects(verb) if self.ent(e).is_person or
                self.ent(e).type == "Team"]
        others = [e for e in self.pobjs(tok, {"with"}) if e not in subj]
        # (at odds "with" someone unnamed: the subjects are one side, not each other's)
        pairs = [(s, o) for s in subj for o in others] if any(
            c.lower_ == "with" for c in tok.children) else \
            [(a, b) for i, a in enumerate(subj) for b in subj[i + 1:]]
        if self.negated(verb):
            return
        for a, b in pairs:
            self.emit(a, "feuded_with", b, si, 0.7 * self.hedge(verb), "at-odds")

    def kept_apart(self, tok, lemma, si) -> None:
        """"X had to be pulled away from Y", "the two had to be separated", "X walked to
        Y's car and had to be led away": people kept apart by others are in a conflict."""
        kids = list(tok.children)
        away = [c for c in kids if c.lower_ in {"away", "apart"}]
        if not any(c.dep_ == "auxpass" for c in kids) or self.negated(tok) or not (
                away or lemma in {"separate", "restrain"}):
            return
        subj = [e for e in self.subjects(tok) if self.ent(e).is_person]
        others = [e for t in [tok] + away for e in self.pobjs(t, {"from"})
                  if self.ent(e).is_person]
        if not others and len(subj) >= 2:
            subj, others = subj[:1], subj[1:2]
        if not others:
            agent = set(self.agent(tok))
            rest = {m.ent for m in self.de.in_sentence(si) if self.ent(m.ent).is_person and
                    m.ent not in subj and m.ent not in agent}
            others = list(rest) if len(rest) == 1 else []
        for a in subj[:1]:
            for b in others:
                self.emit(a, "feuded_with", b, si, 0.6 * self.hedge(tok), "kept-apart")

    def _passive_doer(self, verb) -> list[int]:
        """Who did what a subjectless gerund says, when the clause it hangs on is passive:
        "X was suspended after retaliating against Y", "X was fined for throwing a punch"."""
        if verb.tag_ != "VBG" or verb.dep_ != "pcomp" or verb.head.head.pos_ not in {"VERB",
                                                                                    "AUX"}:
            return []
        return [e for e in self.passive_subjects(verb.head.head) if self.ent(e).is_person]

    def fired_back(self, tok, si) -> None:
        """"X fired back at Y", "After Y said ..., X fired back", "X fired back within the
        hour" (after Y's jab): an answer to an attack is a feud with the attacker."""
        if not any(c.lower_ == "back" for c in tok.children) or self.negated(tok):
            return
        subj = [e for e in self.subjects(tok) if self.ent(e).is_person]
        if not subj:
            return
        others = [e for e in self.pobjs(tok, {"at"}) if self.ent(e).is_person] or \
            self._last_actor(tok, si, set(subj))
        for o in others[:1]:
            self.emit(subj[0], "feuded_with", o, si, 0.65 * self.hedge(tok), "fired-back")

    def _last_actor(self, tok, si, exclude: set[int]) -> list[int]:
        """The last person named before ``tok`` (a subject first), in its sentence or up
        to four sentences back, within the section: whom an answer answers."""
        for k in range(si, max(-1, si - 5), -1):
            if k < si and k in self.de.headings:
                return []
            ms = [m for m in self.de.in_sentence(k) if (k < si or m.start < tok.i) and
                  self.ent(m.ent).is_person and m.ent not in exclude]
            if ms:
                subj = [m for m in ms if self.doc[m.root].dep_ in SUBJ_DEPS]
                return [(subj or ms)[-1].ent]
        return []

    def _sent_index(self, tok) -> int:
        return next((k for k, s in enumerate(self.de.sents) if s.start <= tok.i < s.end), -1)

    def feud_verb(self, tok, lemma, si) -> None:
        if self.negated(tok):
            return
        named = {m.ent for m in self.de.in_sentence(si)}
        strong = lemma in L.FEUD_VERBS_STRONG
        subj = [s for s in self.subjects(tok) if self.ent(s).is_person or
                self.ent(s).type == "Team"]
        objs = self.dobjs(tok, poss=False) + self.pobjs(tok, {"with", "at", "against", "on"})
        if not objs and lemma in L.FEUD_VERBS_STRONG | {"criticize", "criticise", "blast",
                                                         "rip", "slam", "lambaste"}:
            # "criticized Y's driving", "blasted Y's move": the one whose deed it was
            objs = [e for c in tok.children if c.dep_ == "dobj" for g in c.children
                    if g.dep_ == "poss" for e in self.ents_of(g)]
        objs = [o for o in objs if self.ent(o).is_person or
                self.ent(o).type == "Team" and o in named]
        subj = [x for x in subj if self.ent(x).is_person or x in named]
        if lemma in {"exchange", "trade"}:
            # "the two exchanged words", "X exchanged words with Y"
            if not any(c.dep_ == "dobj" and c.lower_ in {"words", "blows", "shoves",
                                                         "barbs", "punches", "insults"}
                       for c in tok.children):
                return
            # "with Y" on the verb, or on its object ("exchanged heated words with Y")
            objs = [o for o in self.pobjs(tok, {"with"}) + [
                e for c in tok.children if c.dep_ == "dobj" for e in self.pobjs(c, {"with"})]
                if self.ent(o).is_person]
            if len(subj) >= 2 and not objs:
                for i, a in enumerate(subj):
                    for b in subj[i + 1:]:
                        self.emit(a, "feuded_with", b, si, 0.75, "exchanged-words")
                return
            strong = True
        if not subj and strong:
            subj = self._passive_doer(tok)
        if not subj and strong and tok.tag_ == "VBG":
            # "showed G climbing from his car, walking over and shoving him"
            before = [m.ent for m in self.de.in_sentence(si) if m.start < tok.i and
                      self.doc[m.root].dep_ == "nsubj" and self.ent(m.ent).is_person]
            subj = before[-1:]
        if lemma == "take" and any(c.dep_ == "dobj" and c.lemma_.lower() in {
                "shot", "swipe", "jab", "dig", "potshot", "aim"} for c in tok.children):
            # "X took a shot at Y"
            objs = [e for c in tok.children if c.dep_ == "dobj"
                    for e in self.pobjs(c, {"at"}) if self.ent(e).is_person]
            objs += [e for e in self.pobjs(tok, {"at"}) if self.ent(e).is_person]
            strong = True
        elif lemma == "take":
            return
        if lemma == "gesture":
            # "gestured angrily at Y's car"
            objs += [e for c in tok.children if c.dep_ == "prep" and c.lower_ == "at"
                     for p in c.children for g in p.children if g.dep_ == "poss"
                     for e in self.ents_of(g) if self.ent(e).is_person]
        if not strong:
            window = {t.lower_ for t in tok.sent} | {t.lemma_.lower() for t in tok.sent}
            anger = window & (L.FEUD_ADJ | {"retaliation", "payback", "revenge", "intentionally",
                                             "purpose",
                                             "deliberately", "angrily", "publicly", "afterward",
                                             "post-race", "postrace", "incident"})
            called_out = lemma == "call" and "out" in {c.lower_ for c in tok.children}
            blamed = lemma == "blame" and any(  # "blamed Y for the wreck"
                g.lemma_.lower() in L.INCIDENT_NOUNS for g in tok.subtree if g.dep_ == "pobj")
            if lemma in {"wreck", "dump", "hook", "call", "argue", "vow", "blame", "stare",
                         "glare", "gesture"} and not (anger or called_out or blamed):
                return
            if lemma in {"call"} and not called_out:
                return
        if len(subj) >= 2 and not objs and lemma in {"feud", "clash", "fight", "quarrel",
                                                     "scuffle", "brawl", "spar", "argue"}:
            for i, a in enumerate(subj):
                for b in subj[i + 1:]:
                    self.emit(a, "feuded_with", b, si, 0.8 * self.hedge(tok), "feud-verb-pl")
            return
        for s in subj:
            for o in objs:
                self.emit(s, "feuded_with", o, si, (0.8 if strong else 0.65) * self.hedge(tok),
                          "feud-verb")

    # -- crew_chief_for --------------------------------------------------------------
    def crew_chief_verb(self, tok, lemma, si) -> None:
        """"C has worked closely with D", "D will be paired with C", "C called races for D"."""
        if self.negated(tok):
            return
        subj = self.subjects(tok)
        passive = self.passive_subjects(tok)
        objs = self.pobjs(tok, {"with", "for", "alongside"})
        put_together = self.dobjs(tok, poss=False) if lemma in {
            "pair", "reunite", "partner", "team"} and objs else []
        if put_together:
            # "T paired him with a 19-year-old Y", "That season paired him with C": the
            # two the verb puts together, not its subject
            objs += put_together
            subj = []
        if lemma in {"guide", "lead", "coach", "mentor", "crew-chief", "call", "direct",
                     "oversee"}:
            objs += self.dobjs(tok, poss=False)
            # "will lead the No. 42 team alongside Y"
            objs += [e for c in tok.children if c.dep_ == "dobj"
                     for e in self.pobjs(c, {"alongside", "with"})]
        # "who crew chiefs ...": the parse may make "crew" the verb, "chiefs" its child
        split = lemma == "crew-chief" and tok.head.lower_ == "crew" and tok.head.i < tok.i
        if lemma == "crew-chief":
            subj = subj or (self.subjects(tok.head) if split else [])
            for p in subj:
                e = self.ent(p)
                if e.is_person and not e.certain and not e.votes.get("Driver"):
                    e.type = "CrewChief"
        if lemma in {"crew-chief", "call", "lead"}:
            # "C, who crew chiefs the No. 54 for T": the car's driver
            objs += [d for c in tok.children if c.dep_ == "dobj"
                     for d in self.car_refs(c, 1) if self._driverish(d)]
        if lemma == "call":
            objs += [d for c in tok.children if c.dep_ == "dobj"
                     for d in self.pobjs(c, {"for"})]
            # "called Y's races"
            objs += [d for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in
                     {"race", "shot"} for g in c.children if g.dep_ == "poss"
                     for d in self.ents_of(g)]
        if tok.tag_ == "VBN" and lemma in {"lead", "guide", "direct", "oversee", "call",
                                           "crew-chief"} and self.agent(tok):
            # "Y's No. 2 is led by crew chief C", "whose No. 11 is crew-chiefed by C"
            agents = [a for a in self.agent(tok) if self.ent(a).type == "CrewChief" or
                      lemma == "crew-chief" and self.fits(a, ("CrewChief",), True)]
            if agents:
                # (the parse may hang the participle on "is" as its complement)
                subj = [c for c in tok.children if c.dep_ in {"nsubjpass", "dobj"}] or \
                    [c for c in tok.head.children if c.dep_ in SUBJ_DEPS and tok.dep_ == "acomp"]
                cars = [d for c in subj for d in self.car_refs(c, 2) if self.ent(d).is_person]
                for d in dict.fromkeys(passive + cars):
                    if self._driverish(d):
                        self.emit(agents[0], "crew_chief_for", d, si, 0.75, "led-by-chief")
                return
        symmetric = lemma in {"work", "pair", "team", "reunite", "partner", "join"}
        parts = subj + passive + objs
        calls_races = lemma == "call" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in {"race", "shot"} for c in tok.children)
        if calls_races:
            for p in subj:
                e = self.ent(p)
                if e.is_person and not e.certain and e.votes.get("Driver", 0) == 0:
                    e.type = "CrewChief"
        if lemma == "pair" and not any(self.ent(p).type == "CrewChief" for p in parts):
            # "Y, paired with C since 2021": of a driver and a person named without a
            # role, the other one is the crew chief
            drivers = [p for p in parts if self.ent(p).type == "Driver" and self.ent(p).certain]
            others = [p for p in parts if p not in drivers and self.ent(p).is_person and
                      not self.ent(p).certain and not self.ent(p).votes.get("Driver")]
            if len(drivers) == 1 and len(others) == 1:
                self.ent(others[0]).type = "CrewChief"
        chiefs = [p for p in dict.fromkeys(subj + (passive + objs if symmetric else []))
                  if self.ent(p).type == "CrewChief"]
        if len(chiefs) != 1:
            return
        c = chiefs[0]
        conf = 0.8 * self.hedge(tok)
        if lemma in {"call", "guide", "lead", "work", "spend", "crew-chief"}:
            for t in self._deep_teams(tok.head if split else tok, {"at", "with", "for"}):
                if self.ent(t).type == "Team":
                    self.emit(c, "affiliated_with", t, si, 0.6, "crew-chief-team-at")
        for d in dict.fromkeys(parts):
            e = self.ent(d)
            if d == c:
                continue
            if e.is_person and e.type != "CrewChief":
                self.emit(c, "crew_chief_for", d, si, conf, "crew-chief-verb")
            elif e.type == "Team":
                self.emit(c, "affiliated_with", d, si, 0.6, "crew-chief-team")

    def chief_moved(self, tok, si) -> None:
        """"T is swapping crew chiefs, moving C from Y's No. 34 to Z's No. 4, with D going
        the other way": C (and D) call the races of both cars' drivers; the cars, and the
        crew chiefs, are T's."""
        cars = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in {"from", "to"}]
        # (the parse may hang the to-phrase on the from-phrase's car)
        drivers = list(dict.fromkeys(d for c in cars for p in c.children if p.dep_ == "pobj"
                                     for d in self.car_refs(p, 4) if self._driverish(d)))
        if len(drivers) < 2 or self.negated(tok):
            return
        chiefs = [e for e in self.dobjs(tok, poss=False) if self.ent(e).is_person and
                  (self.ent(e).type == "CrewChief" or not self.ent(e).certain)]
        # "with D going the other way"
        chiefs += [e for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"
                   for g in c.children if g.dep_ in {"pcomp", "pobj"}
                   for e in self.subjects(g) + self.ents_of(g) if self.ent(e).is_person and
                   not self.ent(e).certain and e not in drivers]
        team = next((t for t in self.subjects(tok) if self.ent(t).type == "Team"), None)
        for c in dict.fromkeys(chiefs):
            self.ent(c).type = "CrewChief"
            for d in drivers:
                self.emit(c, "crew_chief_for", d, si, 0.7, "chief-moved")
            if team is not None:
                self.emit(c, "affiliated_with", team, si, 0.6, "chief-moved-team")
        for d in drivers if chiefs and team is not None else []:
            self.emit(d, "drove_for", team, si, 0.65, "chief-moved-car")

    def pit_box(self, tok, si) -> None:
        """"C will be atop the pit box for Y", "C stayed on the box for Y": C calls Y's races."""
        drivers = [e for e in self.pobjs(tok, {"for"}) if self._driverish(e)]
        v = tok.head
        while v.pos_ not in {"VERB", "AUX"} and v.head.i != v.i:
            v = v.head
        drivers += [e for e in self.pobjs(v, {"for"}) if self._driverish(e)]
        subjects = self.subjects(v)
        if not drivers and tok.lower_ == "box" and any(c.lower_ == "pit" for c in tok.children):
            drivers = self._box_holder(tok, si, subjects)
        if not drivers or self.negated(v):
            return
        for c in subjects:
            e = self.ent(c)
            if e.is_person and (e.type == "CrewChief" or not e.certain and
                                not e.votes.get("Driver")):
                if not e.certain:
                    e.type = "CrewChief"
                for d in drivers:
                    if d != c:
                        self.emit(c, "crew_chief_for", d, si, 0.7, "pit-box")

    def _box_holder(self, box, si, chiefs) -> list[int]:
        """The driver whose pit box it is ("C1, C2 and C3 each took a turn on his pit
        box"): the possessor, a "his" that is none of the subjects being the driver the
        text is on."""
        for c in box.children:
            if c.dep_ != "poss":
                continue
            got = [e for e in self.ents_of(c) if self._driverish(e) and e not in chiefs]
            if not got and c.lower_ in {"his", "her"}:
                topic = self._topic_driver(si, set(chiefs))
                got = [topic] if topic is not None else []
            return got[:1]
        return []

    def crew_chief_surface(self, si, sent, ms) -> None:
        """Over the words when the parse is wrong: "<chief> ..., called races for Y (at T)",
        "calling races for T's No. 14", "<chief> guided Y and Z to titles": the crew chief
        named last before the verb."""
        doc = self.doc
        for tok in sent:
            low = tok.lower_
            if low in {"called", "calling", "calls", "call"} and tok.i + 2 < sent.end and \
                    doc[tok.i + 1].lower_ in {"races", "race"} and \
                    doc[tok.i + 2].lower_ == "for":
                first = tok.i + 3
            elif low in {"guided", "guiding", "guides", "coached"}:
                first = tok.i + 1
            else:
                continue
            while first < sent.end and doc[first].lower_ in {"the", "a", "an", "young",
                                                             "teenage"}:
                first += 1
            drivers, teams = self._race_call_targets(first, sent)
            if not drivers and not (teams and low.startswith("call")):
                continue
            chief = self._race_caller(tok, sent, ms)
            if chief is None:
                continue
            for d in drivers:
                if d != chief and self._driverish(d):
                    self.emit(chief, "crew_chief_for", d, si, 0.65, "crew-chief-surface")
            for t in teams:
                self.emit(chief, "affiliated_with", t, si, 0.6, "crew-chief-surface-team")

    def with_chief(self, si, sent, ms) -> None:
        """"Y won the title with C as crew chief", "putting Y in the No. 88 with C as his
        crew chief": C calls the races of the car named before (its team's too), else of
        the one driver named before in the sentence."""
        doc = self.doc
        for m in ms:
            e = self.ent(m.ent)
            if not (m.start > sent.start and doc[m.start - 1].lower_ == "with" and
                    self.as_crew_chief(m.end, sent)) or \
                    e.certain and (not e.is_person or e.type == "Driver"):
                continue
            driver = team = None
            sign = next((t for t in reversed(doc[sent.start:m.start]) if t.text in NUMBER_SIGNS),
                        None)
            if sign is not None:
                driver, team = self.car_owner_at(sign)
            if driver is None:
                before = list(dict.fromkeys(x.ent for x in ms if x.end <= m.start and
                                            self._driverish(x.ent) and x.ent != m.ent))
                driver = before[0] if len(before) == 1 else None
            if driver is None:
                continue
            if not self.ent(m.ent).certain:
                self.ent(m.ent).type = "CrewChief"
            self.emit(m.ent, "crew_chief_for", driver, si, 0.7, "with-chief")
            if team is not None:
                self.emit(m.ent, "affiliated_with", team, si, 0.6, "with-chief-team")

    def as_crew_chief(self, k: int, sent) -> bool:
        """Whether the words from ``k`` read "as (his/the) crew chief"."""
        doc = self.doc
        if k >= sent.end or doc[k].lower_ != "as":
            return False
        k += 1
        while k < sent.end and doc[k].lower_ in {"his", "her", "their", "the"}:
            k += 1
        return k + 1 < sent.end and doc[k].lower_ == "crew" and doc[k + 1].lower_ == "chief"

    def _race_call_targets(self, first: int, sent) -> tuple[list[int], list[int]]:
        """Drivers and teams whose races are called from token ``first`` on: "Y and Z at
        T", "T's No. 14 team", "the No. 46" (the car's driver and team)."""
        doc = self.doc
        if first >= sent.end:
            return [], []
        m = self.de.mention_at(first)
        if m is None:
            if doc[first].text not in NUMBER_SIGNS:
                return [], []
            d, t = self.car_owner_at(doc[first])
            return [d] if d is not None else [], [t] if t is not None else []
        if self.ent(m.ent).type == "Team":
            return [], [m.ent]
        if not self._driverish(m.ent):
            return [], []
        teams = []
        for k in range(m.end, min(sent.end - 1, m.end + 8)):
            if doc[k].text in {",", ";", "("}:
                break
            nxt = self.de.mention_at(k + 1)
            if doc[k].lower_ == "at" and nxt is not None and self.ent(nxt.ent).type == "Team":
                teams.append(nxt.ent)
                break
        return self.group_of(m), teams

    def _race_caller(self, tok, sent, ms) -> int | None:
        """The crew chief who calls the races of ``tok``'s phrase: its parsed subject (that
        one or nobody), else the crew chief named last before it, else the one a "he"/"she"
        subject before it refers to."""
        parsed = [e for e in self.subjects(tok) if self.ent(e).is_person] \
            if tok.pos_ in {"VERB", "AUX"} else []
        if parsed:
            return parsed[0] if self.ent(parsed[0]).type == "CrewChief" else None
        chief = None
        for x in ms:
            if x.start >= tok.i:
                break
            if self.ent(x.ent).type == "CrewChief":
                chief = x.ent
        if chief is None:
            # "Before that, he was best known for a run calling races for Y"
            lead = next((t for t in sent if t.i < tok.i and t.lower_ in {"he", "she"} and
                         t.dep_ in SUBJ_DEPS), None)
            if lead is not None:
                got = [e for e in self.pronoun(lead) if self.ent(e).type == "CrewChief"]
                chief = got[0] if got else None
        return chief

    def _named_before_as(self, as_tok) -> list[int]:
        """The person an as-phrase describes when named just before it: "with C as crew
        chief", "C calling the shots as crew chief" (not the clause's subject)."""
        for i in range(as_tok.i - 1, max(as_tok.sent.start, as_tok.i - 5) - 1, -1):
            m = self.de.mention_at(i)
            if m is not None:
                return [m.ent] if self.ent(m.ent).is_person else []
            if self.doc[i].is_punct:
                return []
        return []

    def crew_chief_noun(self, tok, si) -> None:
        """"X, crew chief for Y", "Y's crew chief, X", "crew chief X will call Y's races"."""
        chiefs: list[int] = []
        drivers: list[int] = []
        teams: list[int] = []
        if tok.dep_ == "appos":
            chiefs += self.ents_of(tok.head)
        if tok.dep_ == "attr":
            chiefs += self.subjects(tok.head)
        if tok.dep_ == "pobj" and tok.head.lower_ == "as":
            # "(in her second season) as crew chief for X", "promoted X to crew chief"
            named = self._named_before_as(tok.head)
            v = tok.head.head
            while v.pos_ not in {"VERB", "AUX"} and v.head.i != v.i:
                v = v.head
            chiefs += named or self.subjects(v)
        if tok.dep_ == "pobj" and tok.head.lower_ == "to" and \
                tok.head.head.lemma_.lower() in {"promote", "move", "name", "elevate"}:
            chiefs += self.dobjs(tok.head.head, poss=False)
        if tok.dep_ == "nsubj" and tok.head.lemma_ == "be":
            # "his crew chief was X"
            for c in tok.head.children:
                if c.dep_ in {"attr", "acomp"}:
                    chiefs += self.ents_of(c)
        for c in tok.children:
            if c.dep_ == "appos" or c.dep_ == "compound" and self.men(c) is not None:
                got = self.ents_of(c)
                if any(self.ent(g).type == "Team" for g in got):
                    teams += got
                else:
                    chiefs += got
            if c.dep_ == "poss":
                got = self.ents_of(c)
                drivers += [g for g in got if self.ent(g).is_person]
                teams += [g for g in got if self.ent(g).type == "Team"]
            if c.dep_ == "prep" and c.lower_ == "on":  # "the crew chief on the 77"
                drivers += [d for p in c.children if p.dep_ == "pobj"
                            for d in self.car_refs(p, 2) if self._driverish(d)]
            if c.dep_ == "prep" and c.lower_ in {"for", "of", "to", "with", "at"}:
                for p in c.children:
                    if p.dep_ == "pobj":
                        got = self.ents_of(p)
                        drivers += [g for g in got if self.ent(g).is_person]
                        teams += [g for g in got if self.ent(g).type == "Team"]
                        # "crew chief for X and the No. 31 <make> at T"
                        teams += [g for g in self.subtree_ents(p, 4) if self.ent(g).type == "Team"]
            if c.dep_ == "conj" and self.men(c) is not None and \
                    self.ent(self.men(c).ent).type == "Manufacturer":
                # (the parse may hang "and the No. 31 <make> at T" on "chief" itself)
                teams += [g for g in self.subtree_ents(c, 3) if self.ent(g).type == "Team"]
        m = self.men(tok.head) if tok.dep_ == "compound" else None
        if m is not None:
            chiefs += [m.ent]
        if tok.dep_ == "dobj" and tok.head.lemma_.lower() in L.INHERIT_VERBS and \
                not self.negated(tok.head):
            # "Y will inherit Z's longtime crew chief, C": C calls Y's races now
            drivers += [d for d in self.subjects(tok.head) if self._driverish(d)]
        chiefs = [c for c in chiefs if self.ent(c).is_person]
        if chiefs and set(drivers) <= set(chiefs) and any(
                c.dep_ == "poss" and c.lower_ in {"his", "her"} for c in tok.children):
            # "C took over as his crew chief": "his" is not C
            prev = self._previous_person(si, set(chiefs), drivers_only=True)
            drivers = [prev] if prev is not None else []
        conf = 0.85
        if chiefs and not drivers and not teams and (
                tok.dep_ in {"compound", "appos"} or tok.dep_ == "pobj" and
                tok.head.lower_ == "as"):
            # "crew chief C brought Y in", "with C remaining as crew chief": the one
            # driver of the sentence
            others = list(dict.fromkeys(
                m.ent for m in self.de.in_sentence(si) if m.ent not in chiefs and
                self.ent(m.ent).type == "Driver" and self._driverish(m.ent)))
            # "crew chief C brought Y in ...": the object of the chief's own verb
            head = tok.head if tok.dep_ == "compound" else None
            objs = []
            if head is not None and head.dep_ == "nsubj":
                objs = [e for e in self.dobjs(head.head, poss=False) if e in others]
                verb = head.head
                if verb.dep_ in {"pcomp", "advcl"} and verb.head.lower_ == "with":
                    # "D ran second with crew chief C calling the race"
                    others = others or [e for e in self.subjects(verb.head.head)
                                        if self.ent(e).type == "Driver"]
            if head is not None and head.dep_ in {"dobj", "pobj"}:
                # "D credited crew chief C", "D will work with crew chief C": the verb's
                # subject
                verb = head.head.head if head.dep_ == "pobj" else head.head
                objs = objs or [e for e in self.subjects(verb) if e in others]
            if len(objs) == 1:
                drivers, conf = objs, 0.65
            elif len(others) == 1:
                drivers, conf = others, 0.65
            elif not others:
                topic = self._topic_driver(si, set(chiefs))
                if topic is None and tok.dep_ == "compound" and \
                        self.doc[tok.i - 1].lower_ == "crew" and \
                        self.doc[tok.i - 1].is_title:  # "Crew chief C said ..."
                    topic = self._paragraph_driver(si, set(chiefs))
                drivers, conf = ([topic], 0.6) if topic is not None else ([], conf)
        for c in chiefs:
            e = self.ent(c)
            if not e.certain:
                e.type = "CrewChief"
            for d in drivers:
                if d != c:
                    self.emit(c, "crew_chief_for", d, si, conf, "crew-chief-noun")
            for t in teams:
                self.emit(c, "affiliated_with", t, si, 0.6, "crew-chief-noun-team")
                # "C was T's crew chief for D": D drove for T
                for d in drivers:
                    if d != c and self._driverish(d) and any(
                            g.dep_ == "poss" and self.men(g) is not None and
                            self.men(g).ent == t for g in tok.children):
                        self.emit(d, "drove_for", t, si, 0.6, "team-crew-chief-for")

    # -- owns ----------------------------------------------------------------------
    def own_verb(self, tok, lemma, si) -> None:
        if self.negated(tok):
            return
        if lemma in {"start", "form", "create", "launch", "fund", "bankroll"} and not any(
                self.ent(t).type == "Team" for t in self.dobjs(tok, poss=False)):
            return
        owners = [s for s in self.subjects(tok) if self.ent(s).is_person]
        teams = [t for t in self.dobjs(tok, poss=False) if self.ent(t).type == "Team"]
        if not teams and owners:
            teams = self._owned_team_noun(tok, owners[0]) or (
                self._team_before_noun(tok.head) if tok.dep_ == "relcl" else [])
        passive = self.passive_subjects(tok)
        agents = [s for s in self.agent(tok) if self.ent(s).is_person]
        if passive or (agents and tok.tag_ == "VBN"):
            teams = [t for t in (passive or self.subjects(tok)) if self.ent(t).type == "Team"]
            owners = agents
        if tok.tag_ == "VBN" and not (owners and teams):
            got_o, got_t = self._owned_by_surface(tok)
            owners, teams = owners or got_o, teams or got_t
        if lemma in {"co-own", "coown"} or tok.lower_.startswith("co-own"):
            # "X co-owns T with Y"
            owners += [p for p in self.pobjs(tok, {"with"}) if self.ent(p).is_person]
            # (the parser often hangs the with-phrase on the object or on a time phrase:
            # "co-owns the team with Y", "co-owned the team at the time with Y")
            owners += [p for c in tok.children if c.dep_ in {"dobj", "prep", "npadvmod"}
                       for g in [c] + [x for x in c.children if x.dep_ == "pobj"]
                       for p in self.pobjs(g, {"with"}) if self.ent(p).is_person]
        if owners and tok.dep_ == "acl" and tok.head.lower_ in {
                "team", "organization", "operation", "outfit"} and not (
                tok.head.dep_ == "appos" and self.men(tok.head.head) is not None):
            # "... with the team owned by X": X's team by name
            for o in owners:
                last = self.ent(o).name.split()[-1].lower()
                named = [e.idx for e in self.de.entities if e.type == "Team"
                         and last in e.name.lower().split()]
                if len(named) == 1:
                    teams = named
                    for d in self.drivers_with(tok.head):
                        self.emit(d, "drove_for", named[0], si, 0.65, "with-team-owned-by")
        conf = 0.85 if lemma in {"own", "co-own", "coown"} else 0.7
        for o in owners:
            for t in teams:
                self.emit(o, "owns", t, si, conf * self.hedge(tok), "own-verb")
        driver = self._driver_of_owned_car(tok) if owners and not teams else []
        if driver:
            self._car_owners.append((owners, driver[0], si))
        if owners and not teams:
            # "the chain founded by X", "X owns <company>": a tie to a company, no team
            firms = [t for t in (passive or self.dobjs(tok, poss=False))
                     if self.ent(t).type in {"Sponsor", "Organization"}]
            for o in owners:
                for f in firms:
                    self.emit(o, "affiliated_with", f, si, 0.65 * self.hedge(tok), "own-firm")

    def _driver_of_owned_car(self, verb) -> list[int]:
        """The driver of "D, whose car is co-owned by A and B" / "D's truck is owned by
        A": the car's owners own the team D drives for (see :meth:`car_owners_own_the_team`)."""
        subj = [c for c in verb.children if c.dep_ == "nsubjpass" and
                c.lemma_.lower() in {"car", "truck", "ride", "entry"}]
        return [e for s in subj for c in s.children if c.dep_ == "poss"
                for e in (self.antecedent(c) if c.lower_ == "whose" else self.ents_of(c))
                if self.ent(e).is_person][:1]

    def car_owners_own_the_team(self) -> None:
        """Owners of a driver's car own the one team the document firmly has the driver
        drive for (read once every sentence is)."""
        for owners, driver, si in self._car_owners:
            teams = {e.object for e in self.edges.values() if e.predicate == "drove_for"
                     and e.subject == driver and e.confidence >= 0.7}
            if len(teams) == 1:
                for o in owners:
                    self.emit(o, "owns", next(iter(teams)), si, 0.65, "owned-car")

    def _owned_by_surface(self, tok) -> tuple[list[int], list[int]]:
        """"T, the team owned by roofing executive X and Y": read on the surface, as
        the parser often breaks a role-word run after "by": the people named up to
        the next punctuation, and the team set off by the comma before "the team"."""
        doc, sent = self.doc, tok.sent
        owners: list[int] = []
        if tok.i + 1 < sent.end and doc[tok.i + 1].lower_ == "by":
            for i in range(tok.i + 2, min(sent.end, tok.i + 9)):
                if doc[i].is_punct:
                    break
                m = self.de.mention_at(i)
                if m is not None and self.ent(m.ent).is_person and m.ent not in owners:
                    owners.append(m.ent)
        teams = self._team_before_noun(tok.head) if tok.dep_ == "acl" else []
        return owners, teams

    def _team_before_noun(self, head) -> list[int]:
        """The team set off by the comma before "the team" ("T, the team owned by X",
        "at T, the team he co-owns with Y"): read on the surface, as the parser often
        hangs that apposition on another noun of the sentence."""
        if head.lower_ not in {"team", "organization", "operation", "outfit"}:
            return []
        k = head.left_edge.i - 1
        if k - 1 >= head.sent.start and self.doc[k].text == ",":
            m = self.de.mention_at(k - 1)
            if m is not None and self.teamish(m.ent):
                return [m.ent]
        return []

    def _owned_team_noun(self, verb, owner: int) -> list[int]:
        """The team of "X owns the team" / "X, who co-owns the organization": the one
        team named after the owner ("Busch ... owned the team" is Busch's team), else
        the team "the team" refers to, else the first team of the headline."""
        nouns = [c for c in verb.children if c.dep_ == "dobj" and c.lower_ in {
            "team", "organization", "operation", "outfit"}]
        if not nouns:
            return []
        last = self.ent(owner).name.split()[-1].lower()
        named = [e.idx for e in self.de.entities if e.type == "Team" and
                 last in e.name.lower().replace("-", " ").split()]
        if len(named) == 1:
            return named
        got = [t for t in self.ents_of(nouns[0]) if self.ent(t).type == "Team"]
        if not got:
            # the team the headline opens with, the one the article is about
            got = [m.ent for m in self.de.in_sentence(0) if self.ent(m.ent).type == "Team"][:1]
        return got

    def own_noun(self, tok, si) -> None:
        """"X, owner of T", "T owner X", "T co-owner X", "X's ownership stake in T"."""
        owners: list[int] = []
        teams: list[int] = []
        role = first_conjunct(tok)  # "X, the driver and co-owner of T"
        if role.dep_ == "appos":
            owners += self.ents_of(role.head)
        elif role.dep_ == "attr":
            owners += self.subjects(role.head)
        elif tok.dep_ == "compound" and self.men(tok.head) is not None:
            owners += self.ents_of(tok.head)
        for c in tok.children:
            if c.dep_ == "appos":
                owners += self.ents_of(c)
            if c.dep_ in {"poss", "compound"} and self.men(c) is not None:
                got = self.ents_of(c)
                teams += [g for g in got if self.ent(g).type == "Team"]
                owners += [g for g in got if self.ent(g).is_person]
            if c.dep_ == "prep" and c.lower_ in {"of", "in", "at", "with"}:
                for p in c.children:
                    if p.dep_ == "pobj":
                        teams += [g for g in self.ents_of(p) if self.ent(g).type == "Team"]
                        for g in p.children:
                            if g.dep_ == "prep" and g.lower_ in {"in", "of"}:
                                teams += [x for x in self.pobjs(p, {"in", "of"})
                                          if self.ent(x).type == "Team"]
        if not teams and tok.dep_ == "pobj" and tok.head.lower_ == "as":
            # "X joined T as co-owner"
            v = tok.head.head
            owners += self.subjects(v)
            teams += [t for t in self.dobjs(v, poss=False) if self.ent(t).type == "Team"]
        if not teams and tok.dep_ == "conj":
            # "X, the driver and co-owner of T": the "of" phrase hangs on the first noun
            teams += [t for t in self.pobjs(tok.head, {"of", "at"}) if self.ent(t).type == "Team"]
        if not teams and owners:
            teams += self._team_run_with(tok)
        owners = [o for o in owners if self.ent(o).is_person]
        for o in owners:
            for t in teams:
                self.emit(o, "owns", t, si, 0.8, "own-noun")

    def owners_team_possessive(self, si, sent, ms) -> None:
        """"driving for X's <team>", "his second season with X's <team>", "to X's
        <team>": a person who possesses a team, named as where someone goes or races
        and not as a car ("X's <team> Chevrolet" is X's car), owns it. A known driver
        possessing a team drives for it, so only other people count."""
        doc = self.doc
        for a, b in zip(ms, ms[1:]):
            ea, eb = self.ent(a.ent), self.ent(b.ent)
            if not ea.is_person or eb.type != "Team" or b.start != a.end + 1 or \
                    doc[a.end].text not in {"'s", "’s"} or a.start == sent.start:
                continue
            if doc[a.start - 1].lower_ not in L.TEAM_POSSESSOR_LEADS:
                continue
            nxt = doc[b.end] if b.end < sent.end else None
            if nxt is not None and (nxt.text in NUMBER_SIGNS or nxt.lemma_.lower() in
                                    L.CAR_NOUNS or self.de.mention_at(nxt.i) is not None):
                continue  # "X's <team> Chevrolet", "X's <team> car": a driver's car
            if ea.certain and ea.type == "Driver" or ea.votes.get("Driver"):
                continue
            if not ea.certain:
                ea.type = "Person"
            self.emit(a.ent, "owns", b.ent, si, 0.7, "team-possessor")

    def _team_run_with(self, tok) -> list[int]:
        """"X, who runs the team with co-owner Y": the team of the clause the with-phrase
        of the owner word hangs on."""
        p = tok.head if tok.dep_ == "compound" else tok
        if p.dep_ != "pobj" or p.head.lower_ != "with":
            return []
        v = p.head.head
        nouns = [v] if v.pos_ in {"NOUN", "PROPN"} else \
            [c for c in v.children if c.dep_ == "dobj"]
        return [t for n in nouns for t in self.ents_of(n) if self.ent(t).type == "Team"]

    # -- sponsors ------------------------------------------------------------------
    def _make_sponsor(self, idx: int) -> bool:
        e = self.ent(idx)
        if e.type == "Sponsor":
            return True
        if not e.certain and (e.type == "Organization" or e.is_person and
                              not e.votes.get("Person") and not e.votes.get("Driver") and
                              not e.votes.get("CrewChief") and e.source == "ner"):
            e.type = "Sponsor"
            return True
        return False

    def _sponsorable(self, idx: int) -> bool:
        e = self.ent(idx)
        return e.type in {"Sponsor", "Organization"} or (
            not e.certain and e.is_person and e.source == "ner" and not e.votes)

    def sponsor_verb(self, tok, lemma, si) -> None:
        """"S will sponsor D", "S, which backed D", "D's car is sponsored by S",
        "X's No. 5, backed by S", "S sponsored his Xfinity car"."""
        if self.negated(tok):
            return
        low = tok.lower_
        strong = low.startswith("sponsor") or lemma == "sponsor"
        if not strong and lemma not in {"back", "support", "fund", "bankroll", "underwrite",
                                        "finance", "partner", "headline"}:
            return
        subj = self.subjects(tok)
        objs = self.dobjs(tok) + self.pobjs(tok, {"with"} if lemma == "partner" else set())
        passive = self.passive_subjects(tok)
        if passive or (tok.tag_ == "VBN" and self.agent(tok)):
            subj = self.agent(tok)
            objs = list(passive)
            heads = [c for c in tok.children if c.dep_ in {"nsubjpass", "nsubj"}]
            if tok.dep_ in {"acl", "amod", "relcl"}:
                heads.append(tok.head)
            for h in heads:
                objs += [e for g in h.children if g.dep_ == "poss" for e in self.ents_of(g)]
                objs += self.ents_of(h)
                objs = [o for o in objs if self.ent(o).is_person or self.ent(o).type == "Team"]
                if not objs:
                    objs += self.car_refs(h, 2)  # "the No. 56 <make> sponsored by S"
        if not passive and not any(self.ent(o).is_person or self.ent(o).type == "Team"
                                   for o in objs):
            objs += self._unnamed_car(tok)
        teams_at = [t for t in self.pobjs(tok, {"at", "with"}) if self.teamish(t)]
        for s_ in dict.fromkeys(subj):
            if not self._sponsorable(s_) and self.ent(s_).type != "Sponsor":
                continue
            for o in dict.fromkeys(objs):
                if o == s_:
                    continue
                if self.ent(o).is_person or self.ent(o).type == "Team":
                    if self._make_sponsor(s_):
                        self.emit(s_, "sponsors", o, si, (0.85 if strong else 0.7) *
                                  self.hedge(tok), "sponsor-verb")
                        # "S sponsored Y (his car) at T": Y drove for T
                        for t in teams_at:
                            if self._driverish(o):
                                self.emit(o, "drove_for", t, si, 0.65, "sponsored-at")

    def _unnamed_car(self, verb) -> list[int]:
        """"<S> will sponsor the truck in 10 races", "<S> will sponsor a majority of the
        races": a sponsoring verb whose object is a car or a share of races names no one;
        the car is the one numbered there, else the one its paragraph numbered
        (:meth:`paragraph_car`)."""
        for o in (c for c in verb.children if c.dep_ == "dobj"):
            cars = self.car_refs(o, 2)
            if cars:
                return cars  # "<S> will sponsor the No. 17", "<S> headlines the No. 17"
            words = {t.lower_ for t in o.subtree}
            car = o.lemma_.lower() in L.CAR_NOUNS and any(
                c.lower_ in {"the", "that", "this"} for c in o.children)
            if car or o.lower_ in L.SPONSORED_SHARES or "races" in words:
                return self.paragraph_car(verb)
        return []

    def sponsor_follows(self, tok, si) -> None:
        """"<S>, which chose to stay with Y", "<S> is expected to follow him": a company
        already read as a sponsor keeps sponsoring the one it goes with."""
        if self.negated(tok):
            return
        stay = tok.lemma_.lower() in {"stay", "remain", "stick"}
        sponsors = [s_ for s_ in self.subjects(tok) if self.ent(s_).type == "Sponsor" or
                    stay and self._sponsorable(s_) and not self.ent(s_).is_person]
        if not sponsors:
            return
        targets = self.pobjs(tok, {"with"})
        if tok.lemma_.lower() == "follow":
            targets += self.dobjs(tok, poss=False)
        for sp in sponsors:
            for t in targets:
                # (a company of unknown kind staying with a driver: his sponsor)
                if (self.ent(t).type == "Driver" or self.ent(sp).type == "Sponsor" and (
                        self.ent(t).is_person or self.ent(t).type == "Team")) and \
                        self._make_sponsor(sp):
                    self.emit(sp, "sponsors", t, si, 0.65 * self.hedge(tok), "sponsor-follows")

    def sponsored_in(self, p) -> list[int]:
        """Drivers and teams a phrase names as sponsored: names in it ("of D", "on D's
        No. 3"), "his car", or the driver of a car named by its number ("the No. 8")."""
        got = [e for e in self.ents_of(p) + self.subtree_ents(p, 2)
               if self.ent(e).is_person or self.ent(e).type == "Team"]
        for t in p.subtree:
            if t.dep_ == "poss" and t.lower_ in {"his", "her"} and t.head.i in {
                    p.i} | {c.i for c in p.children}:
                got += [e for e in self.pronoun(t) if self.ent(e).is_person]
        if not any(self.ent(e).is_person for e in got):
            got += self.car_refs(p)
        return got

    def _with_as_sponsor(self, as_tok) -> list[int]:
        """The company of "with <S> as (the) primary partner": the with-phrase the as-phrase
        hangs on, when it names a company."""
        head = as_tok.head
        if head.dep_ != "pobj" or head.head.lower_ != "with" or self.men(head) is None:
            return []
        return [e for e in self.ents_of(head) if self._sponsorable(e)]

    def sponsor_noun(self, tok, si) -> None:
        """"X, the primary sponsor of D", "sponsorship from X", "D's sponsor X"."""
        low = tok.lower_
        if low in {"partner", "partners", "partnership", "deal", "support", "backing",
                   "primary", "associate", "brand", "logo", "colors", "colours", "hood",
                   "funding", "backer"}:
            words = {t.lower_ for t in tok.sent}
            company_of_driver = low in {"partner", "backer"} and tok.dep_ == "appos" and \
                self.men(tok.head) is not None and \
                self._sponsorable(self.men(tok.head).ent) and any(
                    c.dep_ in {"poss", "compound"} and self.men(c) is not None and
                    any(self.ent(e).is_person for e in self.ents_of(c))
                    for c in tok.children)  # ("<S>, Y's partner", "<S>, a Y backer")
            if not words & L.SPONSOR_STRONG and not company_of_driver and not (
                    ({"primary", "associate"} & words or any(
                        c.lower_ in L.SPONSOR_PARTNER_MODIFIERS for c in tok.children))
                    and low in {"partner", "partners"}):
                return  # ("<S>, Y's longtime partner" is a sponsor)
        sponsors: list[int] = []
        targets: list[int] = []
        if tok.dep_ == "ROOT" and tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].text == ":":
            # a fact sheet's "Primary sponsors: <S>, <Z>." under "No. 20 — <driver>"
            targets += self.heading_driver(tok)
        if tok.dep_ == "appos":
            sponsors += self.ents_of(tok.head)
        if tok.dep_ == "attr":
            sponsors += self.subjects(tok.head)
        if tok.dep_ == "compound" and self.men(tok.head) is not None and \
                self._sponsorable(self.men(tok.head).ent):
            # "(longtime) sponsor S on the No. 19", "reunited D with sponsor S"
            head = tok.head
            sponsors.append(self.men(head).ent)
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ in {"on", "of", "for"}:
                    for p in c.children:
                        if p.dep_ == "pobj":
                            targets += self.sponsored_in(p)
            if not targets and head.dep_ == "pobj" and head.head.lower_ == "with":
                targets += [e for e in self.dobjs(head.head.head, poss=False)
                            if self.ent(e).is_person]
        if tok.dep_ == "pobj" and tok.head.lower_ == "as":
            v = tok.head.head
            while v.pos_ not in {"VERB", "AUX"} and v.head.i != v.i:
                v = v.head
            # "keeps S as the primary sponsor of ...", else "S returns as ..."
            kept = [e for e in self.dobjs(v, poss=False) if self._sponsorable(e)]
            rider = self._with_as_sponsor(tok.head)
            if rider:
                # "D will drive the No. 7 ..., with S as the sponsor": D, or the car
                kept = rider
                targets += [e for c in v.children if c.dep_ in SUBJ_DEPS
                            for e in self.sponsored_in(c)]
            sponsors += kept or self.subjects(v)
            if not sponsors:
                # a misparsed "<S> returns as primary partner": the name just before
                for i in range(tok.head.i - 1, max(tok.sent.start, tok.head.i - 4) - 1, -1):
                    m = self.de.mention_at(i)
                    if m is not None:
                        if self._sponsorable(m.ent):
                            sponsors.append(m.ent)
                        break
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in {"for", "of", "on"}:
                    for p in c.children:
                        if p.dep_ == "pobj":
                            targets += self.sponsored_in(p)
            if not targets and not kept:
                targets += [t for t in self.dobjs(v, poss=False)]
                targets += self.pobjs(v, {"with", "to", "on"})
            if not targets:
                targets += self.the_cars_driver(tok)  # "as the car's anchor partner"
            # "..., with <Y> and <Z> sharing the balance of the schedule": co-sponsors
            sponsors += [e for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"
                         for p in c.children if p.dep_ in {"pobj", "pcomp"}
                         for n in ([p] if p.dep_ == "pobj" else
                                   [g for g in p.children if g.dep_ == "nsubj"])
                         for e in self._companies(n)]
            for c in tok.subtree:
                if c.dep_ == "prep" and c.lower_ in {"on", "of"} and c.head.i != tok.i:
                    for p in c.children:
                        if p.dep_ == "pobj":
                            targets += self.sponsored_in(p)
        for c in tok.children:
            if c.dep_ in {"appos", "compound"} and self.men(c) is not None:
                got = self.ents_of(c)
                sponsors += [g for g in got if not self.ent(g).is_person and
                             self.ent(g).type not in {"Team", "Manufacturer", "Series", "Track"}]
                if c.dep_ == "compound" and tok.dep_ == "appos":
                    # "<S>, a Y backer since his truck days", "<S>, a Y associate partner"
                    targets += [g for g in got if self.ent(g).is_person]
            if c.dep_ == "poss":
                # "the sponsor extended its deal with T": a company already read as a
                # sponsor owns the deal; anyone else is the one sponsored
                got = self.ents_of(c)
                sponsors += [g for g in got if self.ent(g).type == "Sponsor"]
                targets += [g for g in got if self.ent(g).type != "Sponsor"]
            if c.dep_ == "prep" and not (tok.dep_ == "pobj" and tok.head.lower_ == "as"):
                for p in c.children:
                    if p.dep_ != "pobj":
                        continue
                    if c.lower_ in {"from", "by"}:
                        sponsors += self.subtree_ents(p, 2)
                    elif c.lower_ in {"of", "for", "on", "with", "to"}:
                        targets += self.sponsored_in(p)  # "primary sponsor of the No. 8"
        if sponsors and not targets and tok.dep_ == "dobj":
            # "extended its deal with T" (the with-phrase on the verb)
            targets = [t for t in self.pobjs(tok.head, {"with"}) if self.ent(t).is_person or
                       self.ent(t).type == "Team"]
        if sponsors and not targets and tok.dep_ in {"dobj", "attr"}:
            targets = self.subjects(tok.head)
        if sponsors and not targets and tok.dep_ == "pobj" and tok.head.lower_ in {
                "with", "under"} and tok.head.head.pos_ in {"VERB", "AUX", "NOUN", "PROPN"}:
            # "Y will drive the No. 7 with sponsorship from S"
            v = tok.head.head
            while v.pos_ not in {"VERB", "AUX"} and v.head.i != v.i:
                v = v.head
            targets = [e for e in self.subjects(v) if self.ent(e).is_person or
                       self.ent(e).type == "Team"]
        if sponsors and set(targets) <= set(sponsors) and (
                tok.dep_ == "attr" or tok.dep_ == "pobj" and tok.head.lower_ == "as"):
            targets += self.paragraph_car(tok)  # "<S> is back as primary sponsor."
        for s in dict.fromkeys(sponsors):
            if self.ent(s).is_person and not self._sponsorable(s):
                continue
            for t in dict.fromkeys(targets):
                if t == s:
                    continue
                e = self.ent(t)
                if (e.is_person or e.type == "Team") and self._make_sponsor(s):
                    self.emit(s, "sponsors", t, si, 0.75, "sponsor-noun")

    # -- affiliated_with -------------------------------------------------------------
    def link_verb(self, tok, si) -> None:
        """"the manufacturer linked to both drivers", "X, aligned with T"."""
        if self.negated(tok):
            return
        a = self.subjects(tok) + self.passive_subjects(tok)
        if tok.dep_ in {"acl", "amod"}:
            a += self.ents_of(tok.head)
        b = self.pobjs(tok, {"to", "with"})
        if tok.lemma_.lower() in {"partner", "sign", "contract", "join", "back", "support"}:
            b += self.dobjs(tok, poss=False)
            if tok.lemma_.lower() in {"sign", "contract", "join"}:
                b = [x for x in b if self.ent(x).type in {"Manufacturer", "Organization"}]
            if tok.lemma_.lower() == "join":
                # "X joined T's board of directors"
                b += [e for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in
                      L.BODY_NOUNS for g in c.children if g.dep_ == "poss"
                      for e in self.ents_of(g) if not self.ent(e).is_person]
        for x in dict.fromkeys(a):
            for y in dict.fromkeys(b):
                ex, ey = self.ent(x), self.ent(y)
                if ex.is_person and ey.is_person:
                    continue
                if ex.type in {"Series", "Track"} or ey.type in {"Series", "Track"}:
                    continue
                if ex.type == "Sponsor" or ey.type == "Sponsor":
                    continue
                self.emit(x, "affiliated_with", y, si, 0.75 * self.hedge(tok), "link-verb")

    def affiliation_noun(self, tok, si) -> None:
        """"X, whose influence at T", "X's role with T", "T's alliance with U"."""
        holders: list[int] = []
        for c in tok.children:
            if c.dep_ == "poss":
                holders += self._alliance_holder(c) if tok.lemma_.lower() in \
                    L.TEAM_ALLIANCE_NOUNS else self.ents_of(c)
        if not holders and tok.dep_ in {"dobj", "attr"} and \
                tok.lemma_.lower() in L.TEAM_ALLIANCE_NOUNS | {"ties", "tie", "connection",
                                                               "relationship", "link", "links"}:
            # "T has a technical alliance with U"
            holders = self.subjects(tok.head)
        if not holders:
            return
        targets = self.pobjs(tok, {"at", "with", "in", "within", "on", "inside", "for"})
        for h in holders:
            for t in targets:
                eh, et = self.ent(h), self.ent(t)
                if et.type in {"Series", "Track"} or eh.type in {"Series", "Track"}:
                    continue
                if eh.is_person and et.is_person:
                    continue
                if eh.is_person and et.type == "Team" and tok.lemma_.lower() in {
                        "tenure", "seat", "time"} and eh.type == "Driver":
                    self.emit(h, "drove_for", t, si, 0.7, "tenure")
                    continue
                if eh.type == "Team" and et.type == "Team" and tok.lemma_.lower() not in \
                        L.TEAM_ALLIANCE_NOUNS:
                    continue
                self.emit(h, "affiliated_with", t, si, 0.7, "affiliation-noun")

    def manufacturer_cooccurrence(self, si, sent, ms) -> None:
        """A team and a make in one phrase: "T's <make>s", "T fields <make>s", "the No. 5
        <make> of T", "T switched to <make>"."""
        doc = self.doc
        makes = [m for m in ms if self.ent(m.ent).type == "Manufacturer"]
        teams = [m for m in ms if self.ent(m.ent).type == "Team"]
        if not makes or not teams:
            return
        for mk in makes:
            mroot = doc[mk.root]
            for tm in teams:
                troot = doc[tm.root]
                path = self._path(troot, mroot)
                if path is None or len(path) > 4 or self._left_behind(troot, mroot) or any(
                        doc[i].dep_ == "conj" and doc[i].head.i in path and any(
                            c.dep_ == "nsubj" and self.men(c) is not None
                            for c in doc[i].children) for i in path):
                    continue  # (not across two clauses: "Y drives for T, and Z moves to ...")
                if self._side_branch(troot, mroot):
                    continue  # ("T's four ... switch from <make>", "while <make> has ...")
                lemmas = {doc[i].lemma_.lower() for i in path}
                if lemmas & {"field", "run", "switch", "partner", "align", "join", "move",
                             "return", "represent", "campaign", "use", "build", "enter",
                             "back", "support", "power", "fielded"} or \
                        (mroot.dep_ == "poss" and mroot.head.i == troot.i) or \
                        (troot.dep_ == "poss" and troot.head.i == mroot.i) or \
                        (mroot.head.i == troot.i and mroot.dep_ in {"compound", "amod"}) or \
                        (troot.head.i == mroot.i and troot.dep_ in {"prep", "pobj"}):
                    if self.negated(mroot.head) and mroot.head.pos_ == "VERB":
                        continue
                    self.emit(tm.ent, "affiliated_with", mk.ent, si, 0.65, "make-team-path")

    def _side_branch(self, a, b) -> bool:
        """Whether ``a`` or ``b`` hangs on the word that joins them through a loose
        attachment (an unlabelled "dep", a side clause with a subject of its own: "while
        <make> has taken ..."), or that word is said of another team ("T will switch from
        <make> to <make>, giving ... U's two"): the two are then not said of each other."""
        def chain(t):
            out = [t]
            while t.head.i != t.i and len(out) < 14:
                t = t.head
                out.append(t)
            return out

        ca, cb = chain(a), chain(b)
        on_a = {t.i for t in ca}
        lca = next((t for t in cb if t.i in on_a), None)
        if lca is None:
            return False
        me = self.men(a)
        if any(g.dep_ in {"nsubj", "nsubjpass"} and self.men(g) is not None and
               self.ent(self.men(g).ent).type == "Team" and
               (me is None or self.men(g).ent != me.ent) for g in lca.children):
            return True
        for c in (ca, cb):
            below = next((c[k - 1] for k in range(1, len(c)) if c[k].i == lca.i), None)
            if below is None:
                continue
            if below.dep_ in {"dep", "parataxis"} or below.dep_ in {"advcl", "ccomp"} and \
                    any(g.dep_ in {"nsubj", "nsubjpass"} for g in below.children):
                return True
        return False

    @staticmethod
    def _left_behind(team, make) -> bool:
        """"Y moves from T to U, taking over the No. 19 <make>": T is the team left, the
        make is U's (not when the make is inside the from-phrase: "from T's <make>")."""
        t = team
        while t.dep_ in {"conj", "compound", "poss"} and t.head.i != t.i:
            t = t.head
        return t.dep_ == "pobj" and t.head.lower_ == "from" and not (
            t.head.left_edge.i <= make.i <= t.head.right_edge.i)

    # -- car numbers, makes, alliances, colors --------------------------------------
    def _holder_of_role(self, tok) -> list[int]:
        """Who holds the role a noun names: "X, a driver" (apposition), "X is a driver"
        (attribute), "X spent six years as an engineer" (as-phrase)."""
        if tok.dep_ == "appos":
            return self.ents_of(tok.head)
        if tok.dep_ == "attr":
            return self.subjects(tok.head)
        if tok.dep_ == "pobj" and tok.head.lower_ == "as":
            v = tok.head.head
            while v.pos_ not in {"VERB", "AUX"} and v.head.i != v.i:
                v = v.head
            return self.subjects(v) if v.pos_ in {"VERB", "AUX"} else []
        if tok.dep_ in {"conj"} and tok.head.dep_ in {"appos", "attr"}:
            return self._holder_of_role(tok.head)
        # "the company's founder and CEO, X, said"
        return [e for c in tok.children if c.dep_ == "appos" for e in self.ents_of(c)
                if self.ent(e).is_person]

    def role_noun(self, tok, si) -> None:
        """"X, a <make> development driver", "X is a <team> development driver",
        "as a race engineer at T", "an adviser to T", "M, the <group> truck brand",
        "X's company, <company>"."""
        low = tok.lemma_.lower()
        orgs: list[int] = []
        for c in tok.children:
            if c.dep_ in {"compound", "nmod", "poss", "amod"} and self.men(c) is not None:
                e = self.men(c).ent
                if not self.ent(e).is_person:
                    orgs.append(e)
            elif c.dep_ in {"poss", "compound"} and c.lower_ in {"team", "its", "their",
                                                                  "organization"}:
                # "the team's president", "its vice president", "a team ambassador", "the
                # organization's vice chairman"
                orgs += self.recent_team(c) if c.lower_ in {"team", "organization"} else \
                    [e for e in self.ents_of(c) if self.teamish(e)]
            elif c.dep_ == "poss" and (c.lower_ == "company" or c.lower_ == "body" and any(
                    g.lower_ == "sanctioning" for g in c.children)):
                # "the company's founder", "the sanctioning body's vice president"
                orgs += self.company_noun(c) if c.lower_ == "company" else \
                    self.last_organization(c)
            if c.dep_ == "prep" and c.lower_ in {"at", "for", "with", "of", "to", "on", "in"}:
                for p in c.children:
                    if p.dep_ == "pobj":
                        orgs += [e for e in self.ents_of(p) if not self.ent(e).is_person and
                                 self.ent(e).type not in {"Series", "Track"}]
        if any(c.dep_ == "poss" and c.lower_ in {"automaker", "manufacturer", "company"}
               for c in tok.children):
            # "T, the automaker's racing arm"
            orgs += [e for c in tok.children if c.dep_ == "poss" for e in self.ents_of(c)]
        orgs = [o for o in dict.fromkeys(orgs) if self.ent(o).type not in {"Series", "Track"}]
        if any(c.dep_ == "poss" and c.lower_ == "whose" for c in tok.children):
            # "<Org>, whose co-founder X": X holds the role at the organization
            ante = [e for c in tok.children if c.lower_ == "whose"
                    for e in self.antecedent(c) if not self.ent(e).is_person]
            named = [e for c in tok.children if c.dep_ in {"appos", "compound"}
                     for e in self.ents_of(c) if self.ent(e).is_person]
            if not named and self.men(tok.head) is not None and tok.dep_ == "compound":
                named = [self.men(tok.head).ent]
            for p in named:
                for o in ante:
                    self.emit(p, "affiliated_with", o, si, 0.7, "whose-title")
            return
        if low in {"company", "firm", "business", "employer"}:
            # "X's company, <company>"
            owners = [e for c in tok.children if c.dep_ == "poss" for e in self.ents_of(c)
                      if self.ent(e).is_person]
            named = [e for c in tok.children if c.dep_ == "appos" for e in self.ents_of(c)]
            for p in owners:
                for o in named:
                    if not self.ent(o).is_person:
                        self.emit(p, "affiliated_with", o, si, 0.65, "company-of")
            return
        if not orgs:
            return
        holders = self._holder_of_role(tok)
        if not holders:
            return
        words = {c.lower_ for c in tok.children}
        development = bool(words & {"development", "developmental"}) or low in {
            "prospect", "protege", "protégé", "talent"}
        for h in dict.fromkeys(holders):
            eh = self.ent(h)
            for o in orgs:
                eo = self.ent(o)
                if h == o:
                    continue
                if low in {"driver", "drivers", "teammate"} and eh.is_person:
                    if eo.type == "Team" and not development:
                        self.emit(h, "drove_for", o, si, 0.75, "role-driver")
                    else:
                        self.emit(h, "affiliated_with", o, si, 0.75, "role-development")
                elif low in {"owner", "co-owner", "founder"} and eo.type == "Team":
                    self.emit(h, "owns", o, si, 0.8, "role-owner")
                elif low in {"brand", "arm", "division", "subsidiary", "affiliate", "unit",
                             "branch"} and not eh.is_person:
                    named = self.make_in_name(h)
                    if named is not None and eo.type == "Manufacturer" and named != o:
                        continue  # "<Make> Racing Development, the automaker's arm"
                    self.emit(h, "affiliated_with", o, si, 0.7, "role-brand")
                elif eh.is_person:
                    self.emit(h, "affiliated_with", o, si, 0.7, "role-title")

    def make_team_noun(self, tok, si) -> None:
        """"T, a <make> team", "as a <make> team", "X moves to a <make> team"."""
        makes = [self.men(c).ent for c in tok.children if c.dep_ in {"compound", "amod", "nmod"}
                 and self.men(c) is not None and self.ent(self.men(c).ent).type == "Manufacturer"]
        if not makes:
            return
        teams: list[int] = []
        if tok.dep_ == "appos":
            teams = self.ents_of(tok.head)
        elif tok.dep_ == "attr":
            teams = self.subjects(tok.head)
        elif tok.dep_ == "pobj" and tok.head.lower_ == "as":
            v = tok.head.head
            while v.pos_ not in {"VERB", "AUX"} and v.head.i != v.i and \
                    self.men(v) is None:
                v = v.head
            teams = self.subjects(v) if v.pos_ in {"VERB", "AUX"} else self.ents_of(v)
        teams = [t for t in teams if self.ent(t).type in {"Team", "Organization"}]
        for t in teams:
            for mk in makes:
                self.emit(t, "affiliated_with", mk, si, 0.75, "make-team-noun")

    def switch(self, tok, si) -> None:
        """"T will switch to <make>", "its own move from <make> to <make>" (a rumoured or
        hypothetical switch, "rumors that the team would switch to <make>", is none)."""
        if self.negated(tok) or self.hedge(tok) < 1:
            return
        makes = [m for m in self.pobjs(tok, {"to", "from"}) if self.ent(m).type == "Manufacturer"]
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in {"to", "from"}:
                for p in c.children:
                    makes += [m for m in self.pobjs(p, {"to", "from"})
                              if self.ent(m).type == "Manufacturer"]
        if not makes:
            return
        if tok.pos_ in {"VERB", "AUX"}:
            teams = self.subjects(tok)
        else:
            teams = [e for c in tok.children if c.dep_ == "poss" for e in self.ents_of(c)]
            if not teams and tok.dep_ in {"dobj"}:
                teams = self.subjects(tok.head)
        for t in teams:
            if self.ent(t).type in {"Team", "Organization"}:
                for mk in makes:
                    self.emit(t, "affiliated_with", mk, si, 0.7 * self.hedge(tok), "switch")

    def alliance(self, tok, si) -> None:
        """"its technical alliance with T", "engines and technical support from T",
        "The team's technical partner is T", "T, a <team> technical partner"."""
        low = tok.lemma_.lower()
        if low in {"partner"} and any(w in {t.lower_ for t in tok.sent}
                                      for w in L.SPONSOR_STRONG | {"primary", "associate"}):
            return
        targets = self.pobjs(tok, {"with", "from"})
        for c in tok.children:
            if c.dep_ == "conj":
                targets += self.pobjs(c, {"with", "from"})
        # (only names before the next comma: "an alliance with U, T will not ..." is no
        # alliance with T)
        comma = next((t.i for t in self.doc[tok.i:tok.sent.end] if t.text in {",", ";"}),
                     tok.sent.end)
        inside = {m.ent for m in self.de.mentions if tok.i < m.start < comma}
        targets = [t for t in targets if t in inside]
        first = first_conjunct(tok)  # ("engines and technical support": its place)
        holders: list[int] = [e for c in tok.children if c.dep_ == "poss"
                              for e in self._alliance_holder(c)]
        compound = [self.men(c).ent for c in tok.children if c.dep_ in {"compound", "nmod"}
                    and self.men(c) is not None]
        if tok.dep_ == "appos":
            holders += self.ents_of(tok.head)
            targets += compound
        elif tok.dep_ == "nsubj" and tok.head.lemma_ == "be":
            targets += [e for c in tok.head.children if c.dep_ == "attr"
                        for e in self.ents_of(c)]
        elif tok.dep_ == "attr":
            holders += self.subjects(tok.head)
            targets += compound
        if not holders and tok.dep_ in {"dobj", "pobj", "conj", "nsubj"}:
            v = tok.head if tok.dep_ != "conj" else first.head
            while v.dep_ in {"prep", "conj", "pobj", "dobj"} and v.head.i != v.i and \
                    v.pos_ not in {"VERB", "AUX"}:
                v = v.head
            if v.pos_ in {"VERB", "AUX"}:
                # ("T, which was built with a technical alliance with U": passive too)
                holders = self.subjects(v) or self.passive_subjects(v)
        if low in {"engines", "engine", "chassis", "cars", "equipment"} and tok.dep_ == "nsubj":
            targets += self.pobjs(tok.head, {"from"})
        if first.dep_ == "dobj" and first.head.lemma_.lower() in L.RECEIVE_VERBS:
            targets += self.pobjs(first.head, {"from"})  # "receive engines and support from T"
        orgs = {"Team", "Organization", "Manufacturer"}
        if low in {"partnership", "partner", "deal", "agreement", "relationship"}:
            for h in dict.fromkeys(holders):
                if self.ent(h).type == "Sponsor":
                    for t in dict.fromkeys(targets):
                        if self.ent(t).type == "Team" or self.ent(t).is_person:
                            self.emit(h, "sponsors", t, si, 0.7, "sponsor-partnership")
                    return
        for h in dict.fromkeys(holders):
            if self.ent(h).type not in {"Team", "Organization"}:
                continue
            for t in dict.fromkeys(targets):
                if self.ent(t).type in orgs and t != h:
                    self.emit(h, "affiliated_with", t, si, 0.7, "alliance",
                              keep_direction=True)

    def stays_or_runs(self, tok, si) -> None:
        """"The team will remain with <make>" (a make kept), "All T and U entries will
        run <X> Engines" (an engine supplier)."""
        if self.negated(tok) or self.hedge(tok) < 1:
            return
        lemma = tok.lemma_.lower()
        if lemma in {"remain", "stay", "stick"}:
            makes = [m for m in self.pobjs(tok, {"with"})
                     if self.ent(m).type == "Manufacturer"]
            named = [self.men(c).ent for c in tok.children if c.dep_ == "nsubj" and
                     self.men(c) is not None]  # (not "the team", often unclear here)
            for t in (t for t in named if self.ent(t).type == "Team"):
                for mk in makes:
                    self.emit(t, "affiliated_with", mk, si, 0.7, "stays-with-make")
            return
        suppliers = [o for o in self.dobjs(tok, poss=False) if self.ent(o).type ==
                     "Organization" and self.ent(o).name.split()[-1].lower() in L.ENGINE_WORDS]
        if not suppliers:
            return
        teams = [t for t in self.subjects(tok) if self.ent(t).type == "Team"]
        subj = [c for c in tok.children if c.dep_ == "nsubj"] or (
            [c for c in tok.head.children if c.dep_ == "nsubj"] if tok.dep_ == "xcomp" else [])
        for c in subj:
            # "All T and U entries": the teams written into the subject
            teams += [e for e in self.subtree_ents(c, 3) if self.ent(e).type == "Team"]
        for t in dict.fromkeys(teams):
            for o in suppliers:
                self.emit(t, "affiliated_with", o, si, 0.7, "engine-supplier",
                          keep_direction=True)

    def _alliance_holder(self, poss) -> list[int]:
        """Who "their"/"its" alliance is: an organization (the one named last in this
        sentence or the one before), never "the two drivers" named last."""
        if poss.lower_ in {"team", "organization"}:
            return [t for t in self.recent_team(poss) if self.teamish(t)][:1]  # "the team's"
        if poss.lower_ not in {"their", "its"}:
            return self.ents_of(poss)
        got = self.org_pronoun(poss)
        if not got:
            k = self._sent_index(poss)
            prev = [m.ent for m in self.de.in_sentence(k - 1)
                    if self.ent(m.ent).type == "Team"] if k > 0 else []
            got = prev[-1:]
        return got

    def hyphen_sponsored(self, tok, si) -> None:
        """"the <S>-sponsored Ford of Y", "Y's <S>-backed Chevrolet"."""
        m = self.de.mention_at(tok.i - 2)
        if m is None or not self._sponsorable(m.ent):
            return
        car = tok.head
        targets = self.sponsored_in(car) + [e for e in self.pobjs(car, {"of"})
                                            if self.ent(e).is_person]
        if not targets:
            owner = self.phrase_owner(car)
            targets = [owner] if owner is not None else []
        for t in dict.fromkeys(targets):
            if (self.ent(t).is_person or self.ent(t).type == "Team") and \
                    self._make_sponsor(m.ent):
                self.emit(m.ent, "sponsors", t, si, 0.7, "hyphen-sponsored")

    def investment(self, tok, si) -> None:
        """"T welcomed a strategic investment from X", "X's investment in T"."""
        investors = [e for e in self.pobjs(tok, {"from", "by"}) if not self.ent(e).is_person
                     or self.ent(e).type == "Person"]
        investors += [e for c in tok.children if c.dep_ == "poss" for e in self.ents_of(c)]
        teams = [e for e in self.pobjs(tok, {"in", "into"}) if self.teamish(e)]
        if not teams and tok.dep_ == "dobj":
            teams = [e for e in self.subjects(tok.head) if self.teamish(e)]
        for x in dict.fromkeys(investors):
            for t in dict.fromkeys(teams):
                if x != t:
                    self.emit(x, "affiliated_with", t, si, 0.65, "investment",
                              keep_direction=True)

    def colors_of(self, tok, si) -> None:
        """"X's No. 8 will carry the colors of S", "carried Shell-Pennzoil colors"."""
        sponsors = [e for e in self.pobjs(tok, {"of", "from"}) if self._sponsorable(e)
                    or self.ent(e).type == "Sponsor"]
        sponsors += [self.men(c).ent for c in tok.children if c.dep_ in {"compound", "nmod"}
                     and self.men(c) is not None and self.ent(self.men(c).ent).type in {
                         "Sponsor", "Organization"}]
        if not sponsors:
            return
        targets: list[int] = []
        v = tok.head
        if tok.dep_ in {"dobj", "conj", "pobj"}:
            while v.pos_ not in {"VERB", "AUX"} and v.head.i != v.i:
                v = v.head
            for c in v.children:
                if c.dep_ in {"nsubj", "nsubjpass"}:
                    targets += self.sponsored_in(c)  # "The No. 88 carried S colors"
            if not targets and v.dep_ in {"acl", "relcl"}:
                targets += self.sponsored_in(v.head)  # "Y's No. 98, carrying S colors"
        for sp in dict.fromkeys(sponsors):
            for t in dict.fromkeys(targets):
                if self._make_sponsor(sp):
                    self.emit(sp, "sponsors", t, si, 0.75, "colors-of")

    def _path(self, a, b):
        """Token indices on the dependency path between a and b (excluding ends)."""
        anc_a = [a]
        t = a
        while t.head.i != t.i and len(anc_a) < 12:
            t = t.head
            anc_a.append(t)
        pos_a = {x.i: k for k, x in enumerate(anc_a)}
        t = b
        up_b = []
        while t.i not in pos_a:
            up_b.append(t)
            if t.head.i == t.i or len(up_b) > 12:
                return None
            t = t.head
        lca = pos_a[t.i]
        return [x.i for x in anc_a[1:lca + 1]] + [x.i for x in up_b[1:]]
