"""Rules over car descriptions: car numbers and "<team> <make>" phrases.

A mixin of :class:`.relations._Run` (it uses the run's ``ents_of``, ``subjects``,
``pronoun``, ``emit`` ...). It reads, in one sentence:

``No. N`` phrases
    "X, in the No. 52 <make> for T", "X (No. 19 <make>, T)", "T's No. 14", "the No. 21
    for X", "Y's No. 5 <team> <make>", "the No. 13 <sponsor> <make> for T": the driver
    drives for the team, the team runs the make, a company written into the car's name
    sponsors the driver. A number keeps its car through the article: "the No. 19" named
    later without a team or a driver is the car named before under that number; in a
    rundown whose sections are headed by team names (or a section that has named one team
    so far), a driver's car with no team named is the section's team's.

``<team> <make>`` phrases
    "his <team> <make>", "Y's <team> <make>", "finished eighth in the <team> <make>":
    the team runs the make, and the owner of the phrase (a possessive, else the subject
    of the clause) drives for the team.

Companies riding on a car
    "Y's No. 98 will carry <X> and <Z>", "the No. 13 has <X> back", "in the No. 52
    <make> with <X>", "with <X> on the No. 88", "<X> returns as the car's anchor
    partner": the company sponsors the car's driver.
"""

from __future__ import annotations

from . import lexicon as L

SUBJ = frozenset({"nsubj", "nsubjpass", "csubj"})
NUMBER_SIGNS = frozenset({"No.", "No", "#", "no."})
DRIVER_DESCRIPTORS = frozenset({"development", "developmental", "driver", "rookie",
                                "prospect", "teammate", "protege", "protégé"})
ANNOUNCE_VERBS = frozenset({"announce", "confirm", "reveal", "unveil", "say", "add"})
RUMOR_WORDS = frozenset({"rumor", "rumour", "rumored", "rumoured", "linked", "speculation",
                         "candidate", "decline", "test", "offer"})


def doc_cap_model(tok) -> bool:
    """A word of a car model's name ("Camry", "XSE", "ZL1", "1LE")."""
    text = tok.text
    return bool(text) and not tok.is_punct and (text[:1].isupper() or text[:1].isdigit()) \
        and any(c.isalpha() for c in text) and tok.lower_ not in {"for", "with", "at"}


class CarRules:
    """Car-number and team-make rules (see module doc)."""

    # ------------------------------------------------------------ helpers
    def _mention_near(self, start: int, end: int, step: int, types: set, sent, limit=4,
                      stop_words=frozenset({"for", "at", "with", ",", "of", "by", "in"})):
        """The first mention of one of ``types`` from ``start`` in direction ``step``,
        passing only over ``stop_words`` and at most ``limit`` tokens."""
        i, seen = start, 0
        while sent.start <= i < sent.end and seen <= limit:
            m = self.de.mention_at(i)
            if m is not None:
                return m if self.ent(m.ent).type in types or (
                    "person" in types and self.ent(m.ent).is_person) else None
            if self.doc[i].lower_ not in stop_words and not self.doc[i].lower_ in {"the"}:
                return None
            i += step
            seen += 1
        return None

    def _rumor(self, tok, sent) -> bool:
        """Whether a rumour or a declined offer governs the phrase of ``tok`` (not a
        description inside the subject: "X, who drove the No. 19 for T, is rumored to
        join U")."""
        words = {t.lemma_.lower() for t in sent}
        if not (words & {"rumor", "rumour", "rumored", "rumoured", "link", "linked",
                         "speculation", "candidate", "decline", "turn", "test"} and
                words & RUMOR_WORDS):
            return False
        t = tok
        for _ in range(12):
            if t.head.i == t.i:
                return True
            if t.dep_ in {"nsubj", "nsubjpass"} and t.head.lemma_.lower() in {
                    "rumor", "rumour", "link", "be", "decline", "turn", "test"}:
                return False
            t = t.head
        return True

    def _driverish(self, idx) -> bool:
        e = self.ent(idx)
        return e.is_person and e.type != "CrewChief" and not (
            e.type == "Person" and e.votes.get("Person", 0) > 0)

    def _driven_by(self, tok):
        """The agent who drives a car: "the No. 10 <make> driven by Y", "X will be
        replaced in the No. 21 by Y"."""
        t = tok
        for _ in range(3):
            if t.head.i == t.i:
                return None
            t = t.head
            if t.pos_ in {"VERB", "AUX"}:
                if t.lemma_.lower() in {"replace", "succeed"} and any(
                        c.dep_ == "nsubjpass" for c in t.children):
                    got = [e for e in self.agent(t) if self._driverish(e)]
                    return got[0] if got else None
                return None
            for c in t.children:
                if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in {
                        "drive", "pilot", "wheel", "race", "share"}:
                    got = [e for e in self.agent(c) if self._driverish(e)]
                    if got:
                        return got[0]
        return None

    def _car_driver(self, tok, sent):
        """The person a car phrase belongs to: the nearest person named before it in the
        sentence (not a crew chief), else the subject of the sentence."""
        driven = self._driven_by(tok)
        if driven is None:
            driven = self._set_off_before(tok, sent)
        if driven is not None:
            return driven
        # the subject of the verb the car hangs on ("Y, who drove the No. 51", "He
        # will drive the No. 58")
        t = tok
        for _ in range(5):
            if t.head.i == t.i:
                break
            t = t.head
            if t.pos_ == "VERB" and tok.i > t.i and (
                    t.lemma_.lower() in L.STRIKE_VERBS or t.lemma_.lower() in {"get", "run"}
                    and any(c.lower_ == "into" for c in t.children)):
                # "Y hooked the rear of the No. 77", "Y got into the left rear of the
                # No. 99": another driver's car
                return None
            if t.pos_ in {"VERB", "AUX"} or any(c.dep_ == "nsubj" for c in t.children):
                # "followed by Y in the No. 6": the agent's car ("and Y moves to T's
                # No. 60": a verb the parser took for a noun still has its subject)
                # ("is led by C", "is crew-chiefed by C": the agent is the crew chief)
                chiefs = t.lemma_.lower() in {"lead", "guide", "direct", "oversee", "call",
                                              "chiefe", "chief"}
                subj = [e for e in self.agent(t) if self._driverish(e) and not chiefs] or \
                    self.subjects(t)
                got = [e for e in subj if self._driverish(e)]
                if got:
                    return got[0]
                if any(self.teamish(e) for e in subj) and t.lemma_.lower() in {
                        "field", "run", "enter", "prepare", "build", "unveil"}:
                    return None  # "T fields the No. 42": no driver named here
                break
        best = fallback = None
        for m in self.de.mentions:
            if m.start >= tok.i:
                break
            if m.start < sent.start:
                continue
            if self._driverish(m.ent):
                if not self._in_other_clause(self.doc[m.root], tok):
                    best = m.ent
                else:
                    fallback = m.ent
        if best is not None or fallback is not None:
            return best if best is not None else fallback
        t = tok
        for _ in range(5):
            if t.head.i == t.i:
                break
            t = t.head
            for c in t.children:
                if c.dep_ in SUBJ:
                    got = [e for e in self.ents_of(c) if self._driverish(e)]
                    if got:
                        return got[0]
        return None

    def _set_off_before(self, tok, sent):
        """The driver of "Y, in the No. 8 <make>, and Z, in T's No. 54": the name the car
        phrase is set off after by a comma, whatever verb the sentence goes on with."""
        doc, k = self.doc, tok.i - 1
        possessive = {"'s", "’s", "'", "’"}
        while k > sent.start:  # back over "the", "his", "T's"
            m = self.de.mention_at(k)
            if doc[k].lower_ in {"the", "his", "her"} | possessive:
                k -= 1
            elif m is not None and doc[m.end].lower_ in possessive:
                k = m.start - 1
            else:
                break
        if k - 2 < sent.start or doc[k].lower_ != "in" or doc[k - 1].text != ",":
            return None
        m = self.de.mention_at(k - 2)
        return m.ent if m is not None and self._driverish(m.ent) else None

    @staticmethod
    def _in_other_clause(name, tok) -> bool:
        """Whether ``name`` sits in a relative clause that does not hold ``tok``: "Y, who
        co-owns the team with Z, returns ... of the No. 6" is Y's car, not Z's."""
        t = name
        while t.head.i != t.i:
            if t.dep_ in {"relcl", "acl"}:
                return not (t.left_edge.i <= tok.i <= t.right_edge.i)
            t = t.head
        return False

    def phrase_owner(self, tok) -> int | None:
        """Who a car phrase headed by ``tok`` belongs to: a possessive on a noun it hangs
        on ("Y's run in the <team> <make>"), else the subject of its clause ("Y finished
        eighth in the <team> <make>", "Y, in the <team> <make>, finished ...")."""
        t = tok
        for _ in range(6):
            if t.head.i == t.i:
                break
            t = t.head
            if t.pos_ in {"NOUN", "PROPN"}:
                for c in t.children:
                    if c.dep_ == "poss":
                        got = [e for e in self.ents_of(c) if self._driverish(e)]
                        if got:
                            return got[0]
                m = self.men(t)
                if m is not None and self._driverish(m.ent) and t.i < tok.i:
                    return m.ent
            if t.pos_ in {"VERB", "AUX"}:
                got = [e for e in self.subjects(t) if self._driverish(e)]
                if not got:
                    # "Y's run matched his best finish in the <team> <make>"
                    got = [e for c in t.children if c.dep_ in SUBJ for g in c.children
                           if g.dep_ == "poss" for e in self.ents_of(g) if self._driverish(e)]
                return got[0] if got else None
        return None

    # ------------------------------------------------------------ car numbers
    def _number_token(self, tok):
        doc = self.doc
        if tok.i + 1 < len(doc) and doc[tok.i + 1].like_num:
            return doc[tok.i + 1]
        if tok.i + 2 < len(doc) and doc[tok.i + 1].text == "." and doc[tok.i + 2].like_num:
            return doc[tok.i + 2]
        return None

    def _car_name(self, j: int, sent):
        """Names written into a car's name after its number, up to the make:
        (team, make mention, sponsors, end)."""
        team, make, inside, k = None, None, [], j
        named, unknown = j, 0
        for _ in range(8):
            m = self.de.mention_at(k) if k < sent.end else None
            if m is None:
                # a word of a sponsor nobody recognised ("No. 2 Miller Genuine Draft
                # <make>", "No. 1 Bass Pro Shops <make>"): passed over on the way to
                # the make, given to no one
                if unknown < 3 and k < sent.end and self._name_word(self.doc[k]):
                    k, unknown = k + 1, unknown + 1
                    continue
                break
            e = self.ent(m.ent)
            if e.type == "Manufacturer":
                make, k = m, m.end
                break
            if e.type == "Team" and team is None:
                team = m.ent
            elif e.type in {"Sponsor", "Organization"} or (
                    not e.certain and e.is_person and not e.votes):
                inside.append(m.ent)
            elif e.type != "Series":
                break
            k = named = m.end
        if make is None:
            inside, k = [], named
            if team is None:
                k = j
        else:
            # the model after the make ("<make> Camry XSE", "<make> Camaro ZL1")
            steps = 0
            while k < sent.end and steps < 3 and self.de.mention_at(k) is None and \
                    doc_cap_model(self.doc[k]):
                k, steps = k + 1, steps + 1
        return team, make, inside, k

    @staticmethod
    def _name_word(tok) -> bool:
        """A capitalised word (or the "'s" / "&" inside one) that can be part of a
        company's name written into a car's name."""
        return tok.text in {"'s", "’s", "&"} or (
            doc_cap_model(tok) and tok.text[:1].isupper() and tok.text not in NUMBER_SIGNS)

    def car_facts(self) -> list[tuple[int, str, int | None, int | None]]:
        """``(token, number, driver, team)`` of every car number in the document, as its
        own sentence states them (computed once)."""
        if getattr(self, "_cars", None) is not None:
            return self._cars
        self._cars = []
        for s in self.de.sents:
            for tok in s:
                if tok.text in NUMBER_SIGNS:
                    num = self._number_token(tok)
                    if num is not None and num.i < s.end:
                        driver, team, _, _, _ = self._car_parts(tok, num, s)
                        self._cars.append((tok.i, num.text, driver, team))
        return self._cars

    def car_before(self, tok, number: str):
        """The driver and team last given to car ``number`` before token ``tok``."""
        driver = team = None
        for i, num, d, t in self.car_facts():
            if i >= tok.i:
                break
            if num == number:
                driver = d if d is not None else driver
                team = t if t is not None else team
        return driver, team

    def _car_parts(self, tok, num, sent):
        doc = self.doc
        team, make, inside, j = self._car_name(num.i + 1, sent)
        driver = None
        if team is None:
            after = self._mention_near(j, j, 1, {"Team", "person", "Organization"}, sent,
                                       limit=3)
            if after is not None:
                e = self.ent(after.ent)
                nxt = doc[after.end].lower_ if after.end < len(doc) else ""
                if e.type in {"Team", "Organization"} and nxt in DRIVER_DESCRIPTORS:
                    # "the No. 6 <make> for <team> development driver Y": Y's car
                    who = self._mention_near(after.end, after.end, 1, {"person"}, sent,
                                             limit=3, stop_words=frozenset(
                                                 {nxt, "driver", "development"}))
                    if who is not None and self._driverish(who.ent):
                        driver = who.ent
                elif e.type in {"Team", "Organization"}:
                    team = after.ent
                elif self._driverish(after.ent) and doc[after.start - 1].lower_ in {
                        "for", "of"}:
                    driver = after.ent  # "the No. 21 for Y", "the No. 1 of Y"
        else:
            after = self._mention_near(j, j, 1, {"person"}, sent, limit=2)
            if after is not None and self._driverish(after.ent) and \
                    doc[after.start - 1].lower_ in {"for", "of"}:
                driver = after.ent
        # before "No.": "T's No. 14", "Y's No. 38", "the team's No. 22", "its No. 5"
        k = tok.i - 1
        if k >= sent.start and doc[k].lower_ in {"its", "their"} and team is None:
            got = self.org_pronoun(doc[k])
            team = got[0] if got and self.teamish(got[0]) else None
        if k >= sent.start and doc[k].lower_ in {"his", "her"} and driver is None:
            got = [e for e in self.pronoun(doc[k]) if self._driverish(e)]
            driver = got[0] if got else None
        while k >= sent.start and (doc[k].lower_ in {"the", "its", "a"} or
                                   doc[k].pos_ == "ADJ" and doc[k].is_lower):
            k -= 1  # ("T's new No. 60")
        owned = False
        if k >= sent.start and doc[k].lower_ in {"'s", "’s", "'", "’"}:
            k, owned = k - 1, True
        before = self.de.mention_at(k) if k >= sent.start else None
        # "<unknown>'s No. 2" is not the car of anyone else named in the sentence
        unknown_owner = owned and before is None and doc[k].text[:1].isupper()
        if before is not None:
            e = self.ent(before.ent)
            if e.type == "Team" and team is None:
                team = before.ent
            elif self._driverish(before.ent) and driver is None:
                driver = before.ent
        elif k >= sent.start and doc[k].lower_ in {"team", "organization"} and team is None:
            got = self.recent_team(doc[k])
            team = got[0] if got else None
        elif k - 1 >= sent.start and doc[k].lower_ == "in" and team is None:
            m = self.de.mention_at(k - 1)  # "drive for T in the No. 88 <make>"
            team = m.ent if m is not None and self.ent(m.ent).type == "Team" else None
        if team is None:
            # "T, whose second car, the No. 10 <make>, ...": the car's possessor
            head = tok.head.head if tok.head.dep_ == "appos" else tok.head
            got = [e for c in head.children if c.dep_ == "poss" for e in self.ents_of(c)
                   if self.teamish(e)]
            team = got[0] if got else None
        if team is None:
            # "for the team" after the make
            for c in doc[j:min(sent.end, j + 3)]:
                if c.lower_ in {"team", "organization"}:
                    got = self.recent_team(c)
                    team = got[0] if got else None
                    break
        if team is None:
            # "T fields the No. 47 for Y", "the operation, which runs the No. 21 for Y"
            v = tok.head
            for _ in range(3):
                if v.pos_ in {"VERB", "AUX"} or v.head.i == v.i:
                    break
                v = v.head
            if v.lemma_.lower() in {"field", "run", "enter", "prepare", "build", "expand",
                                    "add", "grow"}:
                # ("T is expanding to three cars with Y in the No. 35")
                got = [e for e in self.subjects(v) if self.teamish(e)]
                team = got[0] if got else None
            elif v.dep_ == "relcl" and self.men(v.head) is not None and \
                    self.ent(self.men(v.head).ent).type == "Team":
                team = self.men(v.head).ent  # "T, where he will drive the No. 21 <make>"
        if team is None:
            team = self._fronted_team(sent)
        if team is None and sent.root.lemma_.lower() in ANNOUNCE_VERBS:
            # "T confirmed that S will return on Y's No. 3": T's car
            got = [e for e in self.subjects(sent.root) if self.ent(e).type == "Team"]
            team = got[0] if got else None
        if team is None and not any(self.teamish(m.ent) for m in self.de.in_sentence(
                self._sent_index(tok))):
            got = self.team_of_section(tok)  # a rundown under team headings
            team = got[0] if got else None
        if driver is None and not unknown_owner:
            driver = self._car_driver(tok, sent)
        return driver, team, make, inside, j

    def _fronted_team(self, sent) -> int | None:
        """The team a sentence opens on, "At T, ..." / "Over at T, ...": the cars it
        goes on to name are that team's."""
        doc, k = self.doc, sent.start
        while k < sent.end and (doc[k].is_space or doc[k].lower_ in {"over", "and", "meanwhile"}):
            k += 1
        if k + 1 >= sent.end or doc[k].lower_ != "at":
            return None
        m = self.de.mention_at(k + 1)
        if m is None or self.ent(m.ent).type != "Team" or m.end >= sent.end or \
                doc[m.end].text != ",":
            return None
        return m.ent

    def _in_seat(self, tok) -> bool:
        """Whether the verb of a car phrase puts its subject in the car ("drives", "takes
        over", "will replace X in"), so a car named before for another driver changed
        hands."""
        v = tok
        for _ in range(4):
            if v.pos_ in {"VERB", "AUX"} or v.head.i == v.i:
                break
            v = v.head
        return v.lemma_.lower() in L.DRIVE_VERBS | {"inherit", "assume", "get", "share"}

    def section_team(self, si: int) -> int | None:
        """The team a rundown's section is about: its heading is the team's name alone
        ("THORSPORT RACING" over "Y's No. 98 will again carry ..."), else the one team the
        section has named so far."""
        heads = [h for h in self.de.headings if h < si]
        if not heads:
            return None
        h = max(heads)
        ms = self.de.in_sentence(h)
        words = [t for t in self.de.sents[h] if not t.is_space and not t.is_punct]
        if len(ms) == 1 and self.ent(ms[0].ent).type == "Team" and \
                len(words) <= ms[0].end - ms[0].start:
            return ms[0].ent
        # a section that has named one team so far ("THE HENDRICK FOUR / Larson (No. 5
        # <team> <make>) ... Byron (No. 24) ...")
        teams = {m.ent for k in range(h + 1, si) for m in self.de.in_sentence(k)
                 if self.ent(m.ent).type == "Team"}
        return teams.pop() if len(teams) == 1 else None

    def lineup_before(self, si: int) -> int | None:
        """The team whose lineup the sentence before announces ("Penske's current lineup
        appears set. Logano drives the No. 22, ..."): the cars listed next are its cars."""
        if si == 0 or si - 1 in self.de.headings:
            return None
        for t in self.de.sents[si - 1]:
            if t.lower_ in L.TEAM_GROUP_NOUNS and t.dep_ in SUBJ:
                for c in t.children:
                    m = self.men(c) if c.dep_ in {"poss", "compound"} else None
                    if m is None:
                        continue
                    if self.ent(m.ent).type == "Team":
                        return m.ent
                    # "Penske's lineup": the owner's team
                    owned = {e.object for e in self.edges.values()
                             if e.predicate == "owns" and e.subject == m.ent}
                    if len(owned) == 1:
                        return owned.pop()
        return None

    def car_number(self, tok, si, sent) -> None:
        """A "No. N" phrase (see module doc)."""
        num = self._number_token(tok)
        if num is None or num.i >= sent.end:
            return
        driver, team, make, inside, _ = self._car_parts(tok, num, sent)
        conf = 0.75 * self.hedge(tok)
        if self.negated(tok.head) or self._rumor(tok, sent):
            return
        before, team_before = self.car_before(tok, num.text)
        if driver is not None and before not in (None, driver) and not self._in_seat(tok):
            driver = before  # "X sits in on debriefs for the No. 9" (Y's car, named before)
        if team is None and driver is not None:
            # the car named before under this number ("Z will take over the No. 19"),
            # else the team whose section of a rundown this is
            named_teams = [m for m in self.de.in_sentence(si) if self.ent(m.ent).type == "Team"]
            if not named_teams:
                team = team_before
                team = self.section_team(si) if team is None else team
                team = self.lineup_before(si) if team is None else team
                conf = 0.6 * self.hedge(tok)
        if driver is not None and team is not None:
            self.emit(driver, "drove_for", team, si, conf, "car-number")
        if make is not None and team is not None:
            self.emit(team, "affiliated_with", make.ent, si, 0.8, "car-number-make")
        if make is not None and driver is not None:
            for sp in inside:
                if self._make_sponsor(sp):
                    self.emit(sp, "sponsors", driver, si, 0.7, "car-name-sponsor")

    def listing_line(self, si, sent, ms) -> None:
        """A line of an entry list or a grid preview that is nothing but "<driver>, <team>,
        No. 10 <make>" (or "<driver> (<team>)" with a number and a make): the driver
        drives for the team, the team runs the make."""
        if not 2 <= len(ms) <= 3:
            return
        kinds = [self.ent(m.ent).type for m in ms]
        if not (self._driverish(ms[0].ent) and kinds[1] == "Team" and
                kinds[2:] in ([], ["Manufacturer"])):
            return
        inside = {i for m in ms for i in range(m.start, m.end)}
        if any(t.i not in inside and not (t.is_punct or t.is_space or t.like_num or
                                          t.text in NUMBER_SIGNS) for t in sent):
            return
        self.emit(ms[0].ent, "drove_for", ms[1].ent, si, 0.75, "listing-line")
        if len(ms) == 3:
            self.emit(ms[1].ent, "affiliated_with", ms[2].ent, si, 0.8, "listing-line-make")

    def car_card(self, si) -> None:
        """A season review's card per car: a line "No. 11 — <driver>" (the driver of one
        of the cars of the team the article opens on), then "Crew chief: C." in the
        lines under it (C calls that driver's races). The parse may cut either line in
        two ("No. 54 —" / "<driver>")."""
        sents = self.de.sents
        words = [t for t in sents[si] if not t.is_space]
        if not words or words[0].text not in NUMBER_SIGNS:
            return
        k, ms = si, self.de.in_sentence(si)
        if not ms and si + 1 < len(sents):
            k, ms = si + 1, self.de.in_sentence(si + 1)
            words += [t for t in sents[k] if not t.is_space]
        if len(ms) != 1 or not self._driverish(ms[0].ent) or \
                "\n" not in sents[k][-1].text + sents[k][-1].whitespace_ or \
                not all(t.is_punct or t.like_num or t.text in NUMBER_SIGNS or
                        ms[0].start <= t.i < ms[0].end for t in words):
            return
        driver = ms[0].ent
        for team in self.lede_team():
            self.emit(driver, "drove_for", team, k, 0.65, "car-card")
        for j in range(k + 1, min(k + 5, len(sents))):
            if sents[j][0].text in NUMBER_SIGNS:
                return  # the next card
            chief = self._labelled_chief(j)
            if chief is not None and chief != driver:
                if not self.ent(chief).certain:
                    self.ent(chief).type = "CrewChief"
                self.emit(chief, "crew_chief_for", driver, j, 0.7, "car-card-chief")

    def _labelled_chief(self, j: int) -> int | None:
        """The person of a line that opens "Crew chief: C" (the name may start the next
        sentence of the parse)."""
        words = [t for t in self.de.sents[j] if not t.is_space]
        if len(words) < 3 or [t.lower_ for t in words[:3]] != ["crew", "chief", ":"]:
            return None
        if len(words) == 3 and j + 1 < len(self.de.sents):
            words += [t for t in self.de.sents[j + 1] if not t.is_space]
        m = self.de.mention_at(words[3].i) if len(words) > 3 else None
        return m.ent if m is not None and self.ent(m.ent).is_person else None

    # ------------------------------------------------------------ team + make
    def team_make(self, si, sent, ms) -> None:
        """"<team> <make>", "<sponsor> <make>", "<sponsor> <team> <make>" written
        together (see module doc)."""
        doc = self.doc
        for k in range(1, len(ms)):
            b = ms[k]
            if self.ent(b.ent).type != "Manufacturer":
                continue
            team, sponsors, first, p = None, [], b, k - 1
            while p >= 0 and ms[p].end == first.start:
                e = self.ent(ms[p].ent)
                if e.type == "Team" and team is None and not sponsors:
                    team = ms[p].ent
                elif e.type != "Team" and self._sponsorable(ms[p].ent):
                    sponsors.append(ms[p].ent)
                else:
                    break
                first, p = ms[p], p - 1
            if team is None and not sponsors:
                continue
            if self._rumor(doc[first.start], sent) or self.negated(doc[b.root].head):
                continue
            if team is not None:
                self.emit(team, "affiliated_with", b.ent, si, 0.8, "team-make")
            # within a car-number phrase the number rule finds the driver
            if any(t.text in NUMBER_SIGNS
                   for t in doc[max(sent.start, first.start - 3):first.start]):
                continue
            driver = None
            q = first.start - 1
            if q >= sent.start and doc[q].lower_ in {"his", "her"}:
                got = [e for e in self.pronoun(doc[q]) if self._driverish(e)]
                driver = got[0] if got else None
            elif q >= sent.start and doc[q].lower_ in {"'s", "’s"}:
                m = self.de.mention_at(q - 1)
                if m is not None and self._driverish(m.ent):
                    driver = m.ent
            elif q >= sent.start and doc[q].lower_ in {"the", "a", "in"} and team is not None:
                driver = self.phrase_owner(doc[b.root])
            elif q >= sent.start and doc[q].lower_ == "whose":
                got = [e for e in self.antecedent(doc[q]) if self._driverish(e)]
                driver = got[0] if got else None  # "Y, whose <S> <make> had led 22 laps"
            if driver is None and sponsors and team is None:
                driver = self._speakers_car(doc[first.start - 1] if first.start else None)
            if driver is None:
                continue
            if team is not None:
                self.emit(driver, "drove_for", team, si, 0.7 * self.hedge(doc[b.root]),
                          "team-make-owner")
            for sp in sponsors:
                if self._make_sponsor(sp):
                    self.emit(sp, "sponsors", driver, si, 0.65, "car-name-sponsor")

    def _speakers_car(self, before) -> int | None:
        """"We had a really good <S> <make>", "that's a good <S> <make>", said Y: a car
        praised in a driver's own quotation, with no owner named, is the speaker's."""
        if before is None or not self.inside_quote(before.i) or \
                before.lower_ not in {"good", "great", "fast", "strong", "our", "a", "the"}:
            return None
        got = [e for e in self.quote_speaker(before.i) if self._driverish(e)]
        return got[0] if len(got) == 1 else None

    def make_for_team(self, si, sent, ms) -> None:
        """"X was the top <make> in fifth for T", "drove <make>s for T", "the <sponsor>
        <make>s of T" (cars in the plural belong to their team): T runs the make."""
        doc = self.doc
        for k, m in enumerate(ms):
            if self.ent(m.ent).type != "Manufacturer":
                continue
            plural = doc[m.end - 1].tag_ in {"NNS", "NNPS"} or doc[m.end - 1].lower_.endswith("s")
            preps = {"for", "of", "at"} if plural else {"for"}
            j, steps = m.end, 0
            while j < sent.end and steps < 4 and doc[j].lower_ not in preps and \
                    self.de.mention_at(j) is None:
                j, steps = j + 1, steps + 1
            if j >= sent.end or doc[j].lower_ not in preps:
                continue
            t = self.de.mention_at(j + 1) if j + 1 < sent.end else None
            if t is None or self.ent(t.ent).type != "Team" or self._rumor(doc[m.root], sent):
                continue
            if t.end < sent.end and doc[t.end].lower_ in DRIVER_DESCRIPTORS:
                continue  # "for <team> development driver Y": Y's, not the team's
            self.emit(t.ent, "affiliated_with", m.ent, si, 0.65, "make-for-team")

    def on_car(self, tok, si) -> None:
        """"<S> was on the hood", "<S>, which has been on the 48", "<S> returns on the
        No. 8": a company on a car sponsors its driver."""
        verb = tok.head
        if verb.lemma_.lower() not in {"be", "remain", "stay", "return", "appear", "ride",
                                       "go", "come", "move", "feature", "display"} or \
                self.negated(verb):
            return
        pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if pobj is None:
            return
        subj = [e for e in self.subjects(verb) + self.passive_subjects(verb)
                if self._sponsorable(e) or self.ent(e).type == "Sponsor"]
        if not subj:
            return
        if pobj.lower_ == "board":
            # "<S> has been on board with Y since 2019"
            for sp in subj:
                for y in self.pobjs(pobj, {"with"}) + self.pobjs(verb, {"with"}):
                    if (self.ent(y).is_person or self.ent(y).type == "Team") and \
                            self._make_sponsor(sp):
                        self.emit(sp, "sponsors", y, si, 0.6, "on-board-with")
            if not self.pobjs(pobj, {"with"}) + self.pobjs(verb, {"with"}):
                # "<S> is expected to remain on board": the car of the paragraph
                for sp, d in ((sp, d) for sp in subj for d in self.paragraph_car(tok)):
                    if self._make_sponsor(sp):
                        self.emit(sp, "sponsors", d, si, 0.6, "on-board")
            return
        targets = self.car_refs(pobj, 2)
        owned = any(c.dep_ == "poss" and c.lower_ != "its" for c in pobj.children)
        if not targets and owned:
            for sp in subj:  # "<S> remains on Y's car", Y unrecognized: still a sponsor
                self._make_sponsor(sp)
        if not targets and pobj.lower_ in {"hood", "car", "truck"} and not owned:
            # "Bass Pro Shops was on the hood again": the car named just before
            k = self._sent_index(tok)
            lo = self.de.sents[max(0, k - 2)].start
            for t in reversed(self.doc[lo:tok.i]):
                if t.text in NUMBER_SIGNS:
                    d, _ = self.car_owner_at(t)
                    if d is not None:
                        targets = [d]
                        break
        for sp in subj:
            for d in targets:
                if self._make_sponsor(sp):
                    self.emit(sp, "sponsors", d, si, 0.65, "on-car")

    def _companies(self, tok) -> list[int]:
        """The companies a noun and its conjuncts name ("<X> and <Z>"), not people,
        teams, makes, series or tracks."""
        got = []
        for t in [tok] + [c for c in tok.subtree if c.dep_ == "conj"]:
            m = self.men(t)
            if any(c.dep_ == "relcl" and c.left_edge.lower_ in {"who", "whom"}
                   for c in t.children):
                continue  # "with <X>, who followed him from T": a person
            if m is not None and self._sponsorable(m.ent) and self.ent(m.ent).type not in {
                    "Team", "Manufacturer", "Series", "Track"}:
                got.append(m.ent)
        return got

    def car_carries(self, verb, si) -> None:
        """"Y's No. 98 will carry <X> and <Z> as co-primary partners", "the No. 13 has <X>
        back": a car carries its sponsors."""
        cars = [c for c in verb.children if c.dep_ in SUBJ and (
            c.text in NUMBER_SIGNS or c.lower_ in {"car", "truck"} or
            any(g.like_num for g in c.children if g.dep_ == "nummod"))]
        if not cars or self.negated(verb):
            return
        drivers = self.car_refs(cars[0], 2)
        if not drivers:
            drivers = [e for c in cars[0].children if c.dep_ == "poss"
                       for e in self.ents_of(c) if self._driverish(e)]
        for o in (c for c in verb.children if c.dep_ == "dobj"):
            for sp in self._companies(o):
                for d in drivers:
                    if self._make_sponsor(sp):
                        self.emit(sp, "sponsors", d, si, 0.7 * self.hedge(verb), "car-carries")

    def _on_car_after(self, p):
        """The car named by "on the No. 88" / "on board" right after a phrase: the
        number sign, ``p`` itself for "on board", else None."""
        doc, k = self.doc, p.right_edge.i + 1
        words = [t.lower_ for t in doc[k:k + 3]]
        if words[:2] == ["on", "board"]:
            return p
        if words[:1] == ["on"] and words[1:2] in (["the"], ["his"], ["her"]) and \
                k + 2 < len(doc) and doc[k + 2].text in NUMBER_SIGNS:
            return doc[k + 2]
        return None

    def car_with(self, tok, si) -> None:
        """"Y returns in the No. 52 <make> with <X>", "steps into T's No. 38 <make> with
        <X> on board", "Y begins his season with <X> on the No. 88": the company riding
        with a car sponsors its driver."""
        head = tok.head
        p = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if p is None or self.as_crew_chief(p.right_edge.i + 1, self.de.sents[si]):
            return  # ("in the No. 88 <make> with C as crew chief")
        driver = None
        signs = [t for t in head.subtree if t.text in NUMBER_SIGNS and t.i < head.i]
        if signs and (head.lower_ in {"car", "truck"} or self.men(head) is not None and
                      self.ent(self.men(head).ent).type == "Manufacturer"):
            driver, _ = self.car_owner_at(signs[0])
        else:
            on = self._on_car_after(p)
            if on is not None and on.text in NUMBER_SIGNS:
                driver, _ = self.car_owner_at(on)
            elif on is not None and head.pos_ in {"VERB", "AUX"}:
                driver = next((e for e in self.subjects(head) if self._driverish(e)), None)
        if driver is None:
            return
        for sp in self._companies(p):
            if self._make_sponsor(sp):
                self.emit(sp, "sponsors", driver, si, 0.65, "car-with")

    def the_cars_driver(self, tok) -> list[int]:
        """"the car's" / "the truck's" on a noun: the driver of the car numbered last
        in this sentence or the two before."""
        if not any(c.dep_ == "poss" and c.lower_ in {"car", "truck"} for c in tok.children):
            return []
        lo = self.de.sents[max(0, self._sent_index(tok) - 2)].start
        for t in reversed(self.doc[lo:tok.i]):
            if t.text in NUMBER_SIGNS:
                driver, _ = self.car_owner_at(t)
                return [driver] if driver is not None else []
        return []

    def paragraph_car(self, tok, reach: int = 3) -> list[int]:
        """The driver of the car numbered last before ``tok`` in its paragraph (its own
        sentence and up to ``reach`` before): a rundown item names the car once ("Y
        returns in the No. 8 <make>.") and its next sentences speak of "the car" or of a
        sponsor alone ("<S> is back as primary sponsor", "<S> will sponsor the truck")."""
        k = self._sent_index(tok)
        lo = self.de.sents[k].start
        for j in range(k - 1, max(-1, k - 1 - reach), -1):
            last = self.de.sents[j][-1]
            if j in self.de.headings or "\n" in last.text + last.whitespace_:
                break  # (the paragraph starts with the sentence after)
            lo = self.de.sents[j].start
        for t in reversed(self.doc[lo:tok.i]):
            if t.text in NUMBER_SIGNS:
                driver, _ = self.car_owner_at(t)
                driver = self._listed_after(t) if driver is None else driver
                named = driver is not None and any(
                    lo <= m.start < tok.i for m in self.ent(driver).mentions)
                return [driver] if named and self._driverish(driver) else []
        return []

    def _listed_after(self, sign) -> int | None:
        """The driver a rundown lists right after a car number ("No. 12 <driver> (...)",
        "No. 19 - <driver> returns ...")."""
        num = self._number_token(sign)
        if num is None:
            return None
        k = num.i + 1
        while k < len(self.doc) and self.doc[k].text in {"-", "–", "—", ":"}:
            k += 1
        m = self.de.mention_at(k) if k < len(self.doc) else None
        return m.ent if m is not None and m.start == k and self._driverish(m.ent) else None

    # ------------------------------------------------------------ car references
    def car_owner_at(self, tok):
        """``(driver, team)`` of the car a token names ("No. 8", "Y's No. 8", "the 48"),
        from its own sentence, else from the car named before under that number."""
        doc = self.doc
        sign = num = None
        if tok.text in NUMBER_SIGNS:
            sign, num = tok, self._number_token(tok)
        elif tok.like_num and tok.i >= 1 and doc[tok.i - 1].text in NUMBER_SIGNS:
            sign, num = doc[tok.i - 1], tok
        elif tok.like_num and tok.i >= 2 and doc[tok.i - 1].text == "." and \
                doc[tok.i - 2].text in NUMBER_SIGNS:
            sign, num = doc[tok.i - 2], tok
        elif tok.like_num and tok.is_digit and len(tok.text) <= 3 and tok.i >= 1 and \
                doc[tok.i - 1].lower_ in {"the", "his", "her"}:
            sign, num = tok, tok  # "the 48"
        if num is None:
            return None, None
        driver = team = None
        for i, n, d, t in self.car_facts():
            if i == sign.i:  # (not a person since known to be a crew chief)
                driver, team = d if d is not None and self._driverish(d) else None, t
        if driver is None or team is None:
            d, t = self.car_before(sign, num.text)
            driver = driver if driver is not None else d
            team = team if team is not None else t
        return driver, team

    def chief_on_car(self, sign, si) -> None:
        """A crew chief set on a car: "C on the No. 1", "C continues on Y's No. 42", "C
        took over the No. 99", "C will move to the No. 2 driven by Y", "C moves from Y's
        No. 7", "take charge of Y's No. 88": C calls (or called) the races of the car's
        driver."""
        phrase = sign
        for _ in range(3):
            if phrase.dep_ in {"pobj", "dobj"} or phrase.head.i == phrase.i:
                break
            phrase = phrase.head
        before = None
        if phrase.dep_ == "pobj" and phrase.head.lower_ in L.CAR_PREPS:
            gov, before = phrase.head.head, self.men(self.doc[phrase.head.i - 1])
        elif phrase.dep_ == "dobj" and phrase.head.lemma_.lower() in L.CAR_TAKEOVER_VERBS:
            gov = phrase.head
        else:
            return
        if before is not None and self.ent(before.ent).type == "CrewChief":
            chiefs = [before.ent]  # "the two crew chiefs, C on the No. 1 and D on the No. 99"
        else:
            chiefs = self._chiefs_at(gov)
        if not chiefs:
            return
        drivers = [d for d in self.car_refs(phrase, 3) if self._driverish(d)]
        verb = gov if gov.pos_ in {"VERB", "AUX"} else None
        if not drivers and verb is not None:  # "take over the No. 2 for Y"
            drivers = [d for d in self.pobjs(verb, {"for"}) if self._driverish(d)]
        for c in chiefs:
            for d in drivers:
                if d != c:
                    self.emit(c, "crew_chief_for", d, si, 0.65, "chief-on-car")

    def _chiefs_at(self, gov) -> list[int]:
        """The crew chiefs a car phrase hangs on: the chief's own name ("C on the No. 1"),
        else the subject of the verb it hangs on (up from "charge" in "take charge of"),
        not denied."""
        m = self.men(gov)
        if m is not None:
            return [m.ent] if self.ent(m.ent).type == "CrewChief" else []
        while gov.pos_ not in {"VERB", "AUX"} and gov.dep_ in {"dobj", "pobj", "prep"} and \
                gov.head.i != gov.i:
            gov = gov.head
        if gov.pos_ not in {"VERB", "AUX"} or self.negated(gov):
            return []
        return [e for e in self.subjects(gov) if self.ent(e).type == "CrewChief"]

    def car_refs(self, tok, depth: int = 3) -> list[int]:
        """Drivers (else teams) of the cars named in a phrase ("on Y's No. 3", "the
        No. 19")."""
        out: list[int] = []
        stack = [(tok, 0)]
        while stack:
            t, d = stack.pop()
            if t.text in NUMBER_SIGNS or t.like_num:
                driver, team = self.car_owner_at(t)
                owner = driver if driver is not None else team
                if owner is not None and owner not in out:
                    out.append(owner)
            if d < depth:
                stack.extend((c, d + 1) for c in t.children
                             if c.dep_ not in {"relcl", "acl", "advcl", "ccomp"})
        return out
