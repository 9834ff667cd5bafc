"""Endorsements and feuds in quotations: a speaker praising or attacking a person.

A mixin of :class:`.relations._Run`. A quotation (between quotation marks, or a Q&A
answer after "A:" or after the answerer's name in a transcript, "SCOTT:") is read
sentence by sentence:

* a sentence praises when it holds a word or phrase of praise or readiness ("best",
  "ready", "as good as anybody", "reminds me of a young X", "I wanted him and I got
  him", "we support him") that no negation, need or deferral governs in its own clause
  ("he doesn't get enough credit" praises; "I don't know that anybody is ready", "he
  needs to be better", "I'll tell you how good he is" do not); a quotation that also
  doubts ("Is he ready for Cup? No.", "We'll see how he handles it") or that is a joke
  praises no one, and a "good guy" is a word on character, not on ability;
* whom it praises: the people it names, by name, surname or first name (not the speaker,
  not the yardstick of a comparison: "the best since X"), else the person a pronoun or
  "the kid" stands for: someone named earlier in the same quotation (its subject first),
  "said of Y", the one the same speaker was just talking about, else the person the
  passage is about; "both of them" is the pair the passage is about; "X told me I was
  ready" is X vouching for the speaker;
* who speaks: the subject of a "said" right after the quotation or right before it
  (a role noun, "the owner said", is the person the document gives that role; a
  description, "said the 62-year-old", the person named before), of the attribution
  between this quotation and the previous one, "X on Y: “...”", of the say-verb that
  governs a quoted fragment ("X said Y “could find speed where nobody else looked”",
  about Y), else who said something in, or is the subject of, the sentence just before;
* an angry quotation ("run over by the same guy", "teach him some manners", "I'm done
  letting him", "I'm not happy with him") is a feud between the speaker and whom it is
  about;
* thanks are no praise ("I'm grateful to A and B for the confidence").
"""

from __future__ import annotations

from collections import Counter

from . import lexicon as L
from .entities import Quoted

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
    "winner", "future", "underrated", "underappreciated", "caliber", "better",
})
"""Words of praise or readiness in a quotation (weaker words count in constructions:
"can win", "better than anybody", "taught me", "I wanted him")."""

QUOTE_WEAK = frozenset({"good", "great", "fast", "quick", "strong", "clean", "complete",
                        "hungry", "proud", "impressed", "special", "smart", "sharp",
                        "natural", "mature", "better", "leader"})
"""Praise only said of a person: "he's good", "a complete driver", "proud of him"."""

QUOTE_STRONG = QUOTE_STRONG - QUOTE_WEAK

ABOUT_WORDS = frozenset({"he", "she", "him", "her", "his", "he's", "she's", "kid", "guy",
                         "youngster", "rookie", "man", "woman", "lady"})
"""Words of a quotation that stand for the person it is about ("the kid", "the young man")."""

PERSON_NOUNS = frozenset({"driver", "racer", "kid", "person", "guy", "competitor",
                          "teammate", "chief", "talent", "man", "woman", "leader", "pro",
                          "wheelman", "one", "champion", "worker", "individual", "mind",
                          "young", "people", "human", "crew", "prospect"})

IMPLICIT_PRAISED = frozenset({"nobody", "anybody", "anyone"})
"""With a relative clause, praise of someone the sentence leaves unsaid ("There's nobody
I'd rather have in the car"): the person the passage is about."""

CHARACTER_NOUNS = frozenset({"guy", "person", "man", "woman", "human", "people",
                             "individual"})
"""A "good guy", a "great person": a word on character, not on ability."""

THANK_WORDS = frozenset({"grateful", "thank", "thanks", "thankful", "appreciate",
                         "appreciative", "gratitude"})
COMPARE_PREPS = frozenset({"since", "than", "like"})
"""A person named after these in a praise is the yardstick, not the one praised ("the
best prospect since X", "better than X")."""

ANY_WORDS = frozenset({"anybody", "anyone", "everybody", "everyone", "any"})
POOR_WORDS = frozenset({"worst", "least", "slowest", "dumbest", "bad", "poor", "slow",
                        "dumb", "dangerous", "reckless", "dirty", "angry", "frustrated"})
"""Adjectives whose superlative or "as ... as ever" is no praise ("the worst ...")."""
SAYS_BETTER = frozenset({"quicker", "faster", "better", "smarter", "tougher", "stronger",
                         "sooner", "earlier"})
"""Comparatives that praise when measured on the speaker ("quicker than I was") or on
what people expect ("sooner than people think")."""
DESCRIPTOR_NOUNS = frozenset({"veteran", "rookie", "youngster", "teenager", "champion",
                              "driver", "racer", "native", "winner", "newcomer"})
"""Nouns a writer uses for a person already named ("the veteran said")."""
ADMIRING_WORDS = frozenset({"proud", "prouder", "proudest", "impressed"})
"""Praise said of the speaker's own feeling about someone ("I'm proud of him")."""
FAITH_NOUNS = frozenset({"confidence", "faith", "belief", "believer"})
WHOLE_NOUNS = {"package": {"complete", "total", "whole", "full"}, "tool": {"all"}}
"""Nouns of all-round ability and the words that make them praise ("the complete
package", "all the tools")."""
TOPIC_WORDS = frozenset({"ask", "question", "assessment", "assess", "evaluation",
                         "opinion", "thought", "verdict"})
"""Words that set the topic of a quotation ("asked about Y", "his assessment of Y")."""
EARNED_NOUNS = frozenset({"it", "this", "that", "spot", "ride", "seat", "chance", "shot",
                          "right", "opportunity", "place", "respect", "promotion", "win",
                          "bit"})
"""What one earns by merit ("he earned it", "earned this ride", "every bit of this"; not
"a penalty")."""
MISHAP_VERBS = frozenset({"wreck", "crash", "lose", "spin", "miss", "fail"})
WORK_NOUNS = frozenset({"job", "fit", "asset", "addition", "teammate", "leader"})
"""Nouns a weak word praises a person through ("he does a great job", "a great fit")."""
ARENA_NOUNS = frozenset({"garage", "sport", "series", "field", "paddock", "business",
                         "world", "country", "generation", "industry"})
"""Where a superlative is measured ("the hardest worker in the garage")."""
CROWD_WORDS = frozenset({"people", "anybody", "anyone", "everybody", "everyone", "most"})
DEFERRING_VERBS = frozenset({"tell", "see", "know", "judge", "decide"})
"""Future "I'll tell you how good he is", "we'll see": judgement deferred, no praise."""

CRITICISM_WORDS = frozenset({"manners", "payback", "idiot", "moron", "bonehead", "clown",
                             "dirty", "disrespectful", "cheap", "reckless"})
"""Words of an angry quotation about a rival ("teach him some manners", "dirty")."""

DEED_CRITICISM = frozenset({"dangerous", "unacceptable", "uncalled", "classless",
                            "unnecessary", "inexcusable", "ridiculous", "stupid"})
"""Words that condemn what someone did ("What X did was dangerous", "that move was
uncalled for"): said of a deed, not of a person ("he's dangerous on restarts")."""
DEED_NOUNS = frozenset({"move", "thing", "hit", "block", "shot", "wreck", "that"})
CRITICISM_VERBS = frozenset({"wreck", "dump", "punt", "retaliate", "disrespect", "shove"})
GRUDGE_CAUSES = L.INCIDENT_NOUNS | (L.STRIKE_VERBS - {"pass", "block", "door"}) | {
    "tangle", "collide", "wall", "fence"}
"""Lemmas of an incident on track, which a remembered "it" may be."""
ANGER_WORDS = frozenset({"mad", "angry", "furious", "pissed", "livid", "sick", "tired"})
FIRST_PERSON = frozenset({"me", "us", "i", "we"})

JOKE_VERBS = frozenset({"joke", "quip", "deadpan", "tease", "kid", "laugh", "crack"})
"""Attributions of a joke: what the speaker says is no sincere praise or attack."""

WANT_TO_HAVE = frozenset({"keep", "work", "have", "get", "sign", "hire", "bring", "add",
                          "retain", "land", "pair"})
""""I wanted to keep X", "to work with X": wanting a person on one's side (not "we want
to beat X")."""

ROLE_SPEAKERS = {"owner": "owns", "co-owner": "owns", "chief": "crew_chief_for"}
"""Role nouns as speakers ("the owner said") and the edge that names their holder."""

CLAUSE_CLIMB = frozenset({"acomp", "attr", "xcomp", "ccomp", "amod", "advmod", "dobj",
                          "pobj", "prep", "npadvmod", "oprd", "compound", "nsubj", "relcl",
                          "pcomp", "aux"})


class QuoteRules:
    """Quotation rules (see module doc)."""

    def _quote_spans(self) -> list[tuple[int, int]]:
        """Token ranges inside quotation marks, and the answers of a Q&A."""
        marked = self._marked_spans()
        answers = [(a, b) for a, b in self._answers().items()
                   if not any(x < b and a < y for x, y in marked)]
        return sorted(marked + answers)

    def _answers(self) -> dict[int, int]:
        """Q&A answers: the lines that begin "A:" or with the answerer's name in a
        transcript ("SCOTT:", "Billy Scott:"), from after the colon to the line's end
        (start -> end token)."""
        got = getattr(self, "_answer_spans", None)
        if got is not None:
            return got
        doc, got, self._answerers = self.doc, {}, {}
        for t in doc[:-1]:
            if not (t.i == 0 or "\n" in doc[t.i - 1].text or "\n" in doc[t.i - 1].whitespace_):
                continue
            colon = next((j for j in range(t.i, min(t.i + 3, len(doc) - 1))
                          if doc[j].text == ":"), None)
            who = self._answerer(doc[t.i:colon]) if colon is not None else None
            if who is None:
                continue
            end = colon + 1
            while end < len(doc) and "\n" not in doc[end].text and \
                    "\n" not in doc[end - 1].whitespace_:
                end += 1
            got[colon + 1] = end
            self._answerers[colon + 1] = who
        self._answer_spans = got
        return got

    def _answerer(self, label) -> list[int] | None:
        """Who a transcript line's label stands for: "A" is the interviewee, a name
        ("SCOTT", "Billy Scott") the one person whose name holds its words; None for
        any other line ("Q:", "NOTE:")."""
        words = [t.text.lower() for t in label]
        if words == ["a"]:
            return self._interviewee()
        if not self._transcript() or not words or not all(
                t.is_alpha and (t.is_upper or t.is_title) for t in label):
            return None
        hits = [e.idx for e in self.de.entities if e.is_person and
                set(words) <= set(e.name.lower().split())]
        return hits if len(hits) == 1 else None

    def _transcript(self) -> bool:
        """Whether the text is an interview transcript: some line opens with "Q:"."""
        got = getattr(self, "_is_transcript", None)
        if got is None:
            doc = self.doc
            got = self._is_transcript = any(t.text == "Q" and doc[t.i + 1].text == ":" and (
                t.i == 0 or "\n" in doc[t.i - 1].text or "\n" in doc[t.i - 1].whitespace_)
                for t in doc[:-1])
        return got

    def _interviewee(self) -> list[int]:
        """Who answers a Q&A: the first person the text names."""
        return [m.ent for m in self.de.mentions if self.ent(m.ent).is_person][:1]

    def _span_speaker(self, start: int, end: int, prev_end: int | None):
        """Speaker (and say-verb) of a quotation or of a Q&A answer."""
        if start in self._answers():
            return self._answerers[start], None
        return self._speaker_near(start, end, prev_end)

    def _marked_spans(self) -> list[tuple[int, int]]:
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
    def _negated_clause(self, t, start: int, end: int, needs: bool = True) -> bool:
        """Whether a negation, a need ("he needs to be better"; not with ``needs`` off,
        for an attack: "somebody needs to teach him some manners") or a deferred
        judgement ("I'll tell you how good he is", "we'll see") governs word ``t`` in its
        clause (inside the quotation)."""
        hops = 0
        while True:
            for c in t.children:
                if c.dep_ == "neg" or c.lower_ in L.QUOTE_NEGATION and c.dep_ in {
                        "neg", "advmod", "aux", "det", "acomp"}:
                    return True
            if t.lower_ in {"unsure", "hardly", "lacks", "doubt"}:
                return True
            if any(c.dep_ in {"mark", "advmod"} and c.lower_ in {"when", "if", "until", "unless"}
                   for c in t.children):
                return True  # a condition, not a judgement ("... with him when he's ready")
            if needs and hops and t.lemma_.lower() == "need" and t.pos_ in {"VERB", "AUX"} and \
                    not any(c.dep_ == "nsubj" and self._speakers_side(c) for c in t.children):
                return True  # (not the speaker's side: "we need to sign that kid")
            if hops and t.lemma_.lower() in DEFERRING_VERBS and any(
                    c.dep_ == "aux" and c.lower_ in {"will", "'ll", "’ll"} for c in t.children):
                return True
            if hops >= 4 or t.head.i == t.i or not (start <= t.head.i < end) or \
                    t.dep_ not in CLAUSE_CLIMB and not self._nominal_conj(t):
                return False
            t, hops = t.head, hops + (not self._nominal_conj(t))

    @staticmethod
    def _nominal_conj(t) -> bool:
        """A noun coordinated with another ("a bad kid or a dirty driver"): what
        governs the first governs it too (not a clause joined by "and" or "but")."""
        return t.dep_ == "conj" and t.pos_ in {"NOUN", "PROPN"} and \
            t.head.pos_ in {"NOUN", "PROPN"}

    def _praise_by_denial(self, t) -> bool:
        """Praise worded as a negation: "he doesn't get enough credit", "nobody gave him
        credit", "you can't teach that"."""
        lem = t.lemma_.lower()
        if lem == "credit" and t.pos_ == "NOUN":
            near = {c.lower_ for c in t.children} | {c.lower_ for c in t.head.children}
            return bool(near & {"enough", "nobody", "more"}) or t.head.lemma_.lower() == "give"
        neg = any(c.dep_ == "neg" for c in t.children)
        if lem == "teach" and t.pos_ == "VERB":
            # "you can't teach that", "a feel for the car you can't teach"
            return neg and (t.dep_ == "relcl" or any(
                c.dep_ == "dobj" and c.lower_ in {"that", "it", "kind"} for c in t.children))
        if lem == "quit" or lem == "give" and any(c.lower_ == "up" for c in t.children):
            # "he never quits", "doesn't know how to quit"
            return neg or t.dep_ == "xcomp" and any(c.dep_ == "neg" for c in t.head.children)
        if lem == "bet" and t.pos_ == "VERB":
            # "I wouldn't bet against him"
            return neg and any(c.lower_ == "against" for c in t.children)
        if lem in {"surprise", "surprised"}:
            return self._no_surprise_if(t)
        if t.lower_ in {"anybody", "anyone"} and t.dep_ == "attr":
            # "there isn't anybody I'd rather have in that car"
            return any(c.dep_ == "neg" or c.lower_ in {"not", "n't", "n’t"}
                       for c in t.head.children) and any(
                c.dep_ == "relcl" and any(g.lower_ == "rather" for g in c.children)
                for c in t.children)
        return t.lower_ == "prouder"  # "I couldn't be prouder of him"

    @staticmethod
    def _no_surprise_if(t) -> bool:
        """"If he wins, nobody should be surprised", "it wouldn't surprise me if he won":
        a win foretold as no surprise."""
        verb = t.head if t.dep_ == "acomp" else t
        denied = any(c.dep_ == "neg" or c.dep_ == "nsubj" and c.lower_ in {"nobody", "noone"}
                     for c in verb.children)
        return denied and any(c.dep_ == "advcl" and any(g.lower_ == "if" for g in c.children)
                              for c in verb.children)

    def _is_praise(self, t, end: int) -> bool:
        doc = self.doc
        w, lem = t.lower_, t.lemma_.lower()
        if w in QUOTE_STRONG:
            return True
        if lem in {"proud", "impressed"} or w == "impressed":
            # "proud of him" (not "we're proud to keep building it with <driver>"), the
            # speaker's own pride (not "he was proudest of the people")
            holder = t.head.children if t.dep_ in {"acomp", "attr", "oprd"} else t.children
            return any(c.dep_ == "prep" and c.lower_ in {"of", "with", "by"} and not any(
                g.dep_ == "pobj" and g.lower_ in {"that", "this", "it"} for g in c.children)
                for c in t.children) and all(
                c.lower_ in FIRST_PERSON for c in holder if c.dep_ in {"nsubj", "nsubjpass"})
        if w in QUOTE_WEAK:
            # "he's good", "a good driver" (not "he got me good")
            return t.dep_ in {"acomp", "attr"} and t.head.lemma_ == "be" or \
                t.dep_ in {"advmod", "acomp", "oprd"} and t.head.lemma_.lower() in {
                    "drive", "race", "run", "driving", "racing"} and not (
                    t.i + 1 < end and doc[t.i + 1].lower_ in {"out", "off", "into"}) or \
                t.dep_ == "amod" and t.head.lemma_.lower() in PERSON_NOUNS - CHARACTER_NOUNS or \
                t.dep_ == "amod" and t.head.lemma_.lower() in WORK_NOUNS or \
                t.lower_ == "better" and t.head.lemma_.lower() == "get" and any(
                    c.lower_ in {"going", "will", "'ll", "’ll"} for c in t.head.children) or \
                t.dep_ in {"oprd", "ccomp", "acomp", "advmod"} and t.head.lemma_.lower() == "make"
        if w in QUOTE_STRONG or lem in QUOTE_STRONG:
            return True
        modals = {"can", "could"} | ({"will", "'ll", "’ll"} if lem == "win" else set())
        own = list(t.children) + (list(t.head.children) if t.dep_ == "xcomp" else [])
        if lem in {"drive", "win", "race", "compete", "contend"} and not any(
                c.dep_ == "nsubj" and c.lower_ in FIRST_PERSON for c in own) and (any(
                c.lower_ in modals for c in t.children) or
                lem == "win" and t.head.lemma_.lower() == "go" and t.head.tag_ == "VBG"):
            return True  # "Both of them can drive", "is going to win a championship"
        if w == "real" and t.head.lower_ == "deal":
            return True  # "the real deal"
        if w == "guy" and t.dep_ == "attr" and any(c.lower_ == "the" for c in t.children):
            return True  # "Rudy was the guy"
        if self._against_anybody(t) or self.praise_phrase(t) or self._praise_construction(t):
            return True
        if lem == "teach" and t.pos_ == "VERB":
            return any(c.lower_ in {"me", "us"} for c in t.children)  # "Doc taught me"
        if lem == "learn" and t.pos_ == "VERB":
            return any(c.dep_ == "nsubj" and c.lower_ in {"i", "we"} for c in t.children)
        if lem in {"want", "trust"} and t.i + 1 < end and doc[t.i + 1].lower_ in {"him", "her"}:
            return True  # "I wanted him and I got him"
        if lem in {"want", "support", "back", "believe"} and t.pos_ == "VERB" and any(
                c.dep_ == "nsubj" and c.lower_ in {"i", "we"} for c in t.children):
            return self._backs_someone(t)
        return False

    def _backs_someone(self, verb) -> bool:
        """"We support him 100 percent", "we believe in her", "I wanted to keep Dominic",
        "I've wanted to work with Travis": the speaker backs a person."""
        if verb.lemma_.lower() == "want":
            # "I wanted to keep Dominic", "I wanted Chase and I'm glad we got him"
            objs = [g for c in verb.children if c.dep_ == "xcomp" and c.lemma_.lower() in
                    WANT_TO_HAVE for g in c.subtree] + [
                c for c in verb.children if c.dep_ == "dobj"]
        else:
            objs = [g for c in verb.children if c.dep_ == "dobj" or c.dep_ == "prep" and
                    c.lower_ == "in" for g in c.subtree]
        return any(g.lower_ in {"him", "her"} or self._first_name(g, -1) is not None or
                   self.men(g) is not None and self.ent(self.men(g).ent).is_person
                   for g in objs)

    def praise_phrase(self, t) -> bool:
        """Praise in a phrase rather than a word: "he reminds me of a young <star>" (a
        person the article names), "he's going to surprise a lot of people", "has won
        everywhere he's raced"."""
        lem, kids = t.lemma_.lower(), list(t.children)
        if lem == "remind":
            return any(self.men(g) is not None and self.ent(self.men(g).ent).is_person
                       for c in kids if c.dep_ == "prep" and c.lower_ == "of"
                       for g in c.subtree)
        if lem == "surprise" and t.pos_ == "VERB":
            return any(c.dep_ == "dobj" and c.lower_ in {"people", "lot", "everybody",
                                                         "everyone"} for c in kids)
        return lem == "win" and any(c.lower_ in {"everywhere", "everything", "anywhere"}
                                    for c in kids)

    def _praise_construction(self, t) -> bool:
        """Praise in the build of a phrase rather than in a word of praise: a superlative
        measured on the speaker's experience ("the fastest kid I've seen"), "as committed
        a driver as there is", "quicker than I was at that age", "nobody else"/"nobody
        harder to pass", "a true craftsman"; else an idiom of praise."""
        w, kids = t.lower_, list(t.children)
        if t.tag_ == "JJS" and w not in POOR_WORDS:
            return t.dep_ == "amod" and self._person_noun(t.head) and \
                self._within_experience(t.head)
        if w == "only" and t.dep_ == "amod":
            # "the only guy I've ever seen make a late model look easy"
            return self._person_noun(t.head) and self._within_experience(t.head)
        if w in {"kind", "type", "sort"} and t.pos_ == "NOUN":
            return self._kind_we_need(t)
        if w == "most" and t.dep_ == "advmod" and t.head.dep_ == "amod" and \
                t.head.lower_ not in POOR_WORDS:
            # "the most disciplined crew chief I've ever had"
            return self._person_noun(t.head.head) and self._within_experience(t.head.head)
        if w == "as" and t.dep_ == "advmod" and t.head.lower_ not in POOR_WORDS:
            return self._as_as_ever(t)
        if w in SAYS_BETTER and t.tag_ in {"JJR", "RBR"}:
            # "quicker than I was at that age", "in Cup sooner than people think"
            return any(g.dep_ == "nsubj" and (g.lower_ == "i" or g.lower_ in CROWD_WORDS and
                                               g.head.lemma_.lower() in {"think", "expect"})
                       for c in kids if c.dep_ in {"advcl", "prep"} for g in c.subtree)
        if w == "nobody":  # "nobody else could", "nobody harder to pass", "nobody I'd rather"
            return any(c.lower_ == "else" or c.tag_ in {"JJR", "RBR"} or c.dep_ == "relcl" and
                       any(g.lower_ == "rather" for g in c.subtree) for c in kids)
        if w in {"true", "real"} and t.dep_ == "amod":
            head = t.head.lower_
            return head in PERSON_NOUNS - CHARACTER_NOUNS or head.endswith("man") and \
                head not in CHARACTER_NOUNS
        return self._praise_idiom(t)

    def _praise_idiom(self, t) -> bool:
        """Idioms of praise a writer's lexicon of praise words misses: "he earned it", "X
        is the reason we ...", "that impresses me", "confidence in him", "the complete
        package", "wise beyond his years", "a hell of a driver", "I think the world of
        him", "brings a lot to the table", "the sky's the limit", "he has what it takes",
        "we need to sign that kid"."""
        w, lem, kids = t.lower_, t.lemma_.lower(), list(t.children)
        if lem == "earn" and t.pos_ == "VERB":
            # "he earned it", "earned this ride" (not "he earned a penalty")
            return any(c.dep_ == "dobj" and c.lemma_.lower() in EARNED_NOUNS for c in kids) \
                and not any(c.dep_ == "nsubj" and c.lower_ in FIRST_PERSON for c in kids)
        if w == "reason" and t.dep_ == "attr" and t.head.lemma_ == "be":
            # "Ricky is the reason they're still here" (not "the reason we wrecked")
            return any(c.dep_ == "nsubj" and (c.lower_ in {"he", "she"} or c.pos_ == "PROPN")
                       for c in t.head.children) and not any(
                g.lemma_.lower() in L.INCIDENT_NOUNS | MISHAP_VERBS or g.dep_ == "neg"
                for g in t.subtree)
        if lem == "impress" and t.pos_ == "VERB":
            return any(c.dep_ == "dobj" and c.lower_ in FIRST_PERSON for c in kids)
        if lem in FAITH_NOUNS and t.pos_ == "NOUN":
            return any(c.dep_ == "prep" and c.lower_ == "in" for c in kids)  # "confidence in him"
        if lem in WHOLE_NOUNS:
            # "the complete package", "he's got all the tools"
            return any(c.lower_ in WHOLE_NOUNS[lem] for c in kids)
        if w == "driver" and t.dep_ == "attr" and any(c.lower_ == "cup" for c in kids):
            return self._foretold(t.head)  # "he's going to be a Cup driver"
        if w == "years" and t.head.lower_ == "beyond":
            return True  # "wise beyond his years"
        if w == "hell" and any(c.lower_ == "of" for c in kids):
            return True  # "a hell of a race car driver"
        if w == "world" and t.dep_ == "dobj" and t.head.lemma_.lower() == "think":
            return True  # "I think the world of him"
        if w == "table" and t.head.lower_ == "to" and t.head.head.lemma_.lower() == "bring":
            return True  # "he brings a lot to the table"
        if w == "limit" and any(c.lower_ == "sky" for c in t.head.children):
            return True  # "the sky's the limit for him"
        if lem == "take" and any(c.lower_ == "it" and c.dep_ == "nsubj" for c in kids):
            return any(c.lower_ == "what" for c in kids) and t.head.lemma_.lower() in {
                "have", "get", "got"}  # "he has what it takes"
        return lem in WANT_TO_HAVE and t.dep_ == "xcomp" and \
            t.head.lemma_.lower() in {"need", "get", "have"} and any(
                c.dep_ == "nsubj" and c.lower_ in FIRST_PERSON for c in t.head.children) and \
            any(c.dep_ == "dobj" and (c.lower_ in {"him", "her"} or c.lemma_.lower() in {
                "kid", "guy", "driver"}) for c in kids)

    @staticmethod
    def _foretold(verb) -> bool:
        """Whether a verb is in the future ("is going to be", "will be")."""
        return any(c.dep_ == "aux" and c.lower_ in {"will", "'ll", "’ll"}
                   for c in verb.children) or \
            verb.dep_ == "xcomp" and verb.head.lower_ == "going"

    def _kind_we_need(self, t) -> bool:
        """"exactly the kind of veteran leader our young team needs", "the type of driver
        we want": a person of the kind the speaker's side needs."""
        if not any(c.lower_ == "of" and any(self._person_noun(g) for g in c.children)
                   for c in t.children):
            return False
        verbs = [v for v in [t.head] + list(t.children) if v.lemma_.lower() in {"need", "want"}]
        return any(c.dep_ == "nsubj" and c.i != t.i and self._speakers_side(c)
                   for v in verbs for c in v.children)

    @staticmethod
    def _speakers_side(noun) -> bool:
        """Whether a subject is the speaker or his side ("we", "our young team")."""
        return noun.lower_ in FIRST_PERSON or any(c.dep_ == "poss" and c.lower_ in {"our", "my"}
                                                  for c in noun.children)

    def _person_noun(self, noun) -> bool:
        """A noun that names a person by role or age ("driver", "crew chief", "the
        19-year-old")."""
        return noun.lemma_.lower() in PERSON_NOUNS or noun.lower_ == "old" and \
            noun.i > 0 and self.doc[noun.i - 1].text == "-"

    @staticmethod
    def _within_experience(noun) -> bool:
        """A superlative's noun measured on the speaker's experience or on the sport:
        "the fastest kid I've seen", "the toughest racer I ever worked with", "one of the
        hardest workers in the garage"."""
        return any(g.lower_ == "ever" or g.dep_ == "nsubj" and g.lower_ in {"i", "we"}
                   for c in noun.children if c.dep_ in {"relcl", "acl"} for g in c.subtree) \
            or any(g.lemma_.lower() in ARENA_NOUNS for c in noun.children
                   if c.dep_ == "prep" and c.lower_ in {"in", "of"} for g in c.children)

    @staticmethod
    def _as_as_ever(t) -> bool:
        """"as committed a driver as there is", "as good a group as we've ever had": the
        second "as" opens a clause of "ever", "there is" or "anybody"."""
        top = t.head.head if t.head.dep_ in {"amod", "advcl", "acomp"} else t.head
        return any(g.lower_ == "as" and g.i > t.i and any(
            x.lower_ == "ever" or x.dep_ == "expl" or x.lower_ in ANY_WORDS
            for x in g.head.subtree) for g in top.subtree)

    @staticmethod
    def _against_anybody(t) -> bool:
        """"better than anybody", "as smooth as anybody", "I'd take him over anybody",
        "put him up against anyone", "as hungry as any driver"."""
        w = t.lower_
        if w not in ANY_WORDS and not (t.lemma_.lower() in PERSON_NOUNS and any(
                c.lower_ == "any" for c in t.children)):
            return False
        h = t.head
        return h.lower_ in {"than", "against", "over"} or \
            h.lower_ == "as" and h.head.lemma_.lower() not in {"same", "such", "as"}

    def _praise_tokens(self, start: int, end: int) -> list:
        return [t for t in self.doc[start:end] if self.men(t) is None and (
                self._praise_by_denial(t) or
                self._is_praise(t, end) and not self._negated_clause(t, start, end))]

    def _doubts(self, start: int, end: int) -> bool:
        """Whether the quotation denies or questions a readiness ("Is he ready for Cup?
        No. I don't think he is"): the speaker's praise around it is no endorsement."""
        return any(self._is_doubt(t) and self._is_praise(t, end) and (
            self._negated_clause(t, start, end) or self._question(t)) or
            self._disavows(t) or self._defers(t) for t in self.doc[start:end])

    @staticmethod
    def _defers(t) -> bool:
        """"We'll see how he handles it", "I'll tell you whether he's ready": the speaker
        leaves the judgement for later."""
        return t.lemma_.lower() in DEFERRING_VERBS and any(
            c.dep_ == "aux" and c.lower_ in {"will", "'ll", "’ll"} for c in t.children) and any(
            c.dep_ == "nsubj" and c.lower_ in {"i", "we"} for c in t.children) and any(
            g.lower_ in {"how", "whether", "if", "what"} for c in t.children
            if c.dep_ in {"ccomp", "advcl", "xcomp"} for g in c.subtree)

    @staticmethod
    def _disavows(t) -> bool:
        """"I don't think he is", "I wouldn't say he's in my corner", "I'm not sure he's
        figured it out": the speaker declines a claim about someone (not "I don't think
        he gets the credit")."""
        if t.lower_ == "sure" and t.dep_ == "acomp":
            return any(c.dep_ == "neg" for c in t.head.children) and any(
                c.dep_ == "ccomp" and any(g.dep_ in {"nsubj", "nsubjpass"} and
                                          g.lower_ in {"he", "she"}
                                          for g in c.children) for c in t.children)
        return t.lemma_.lower() in {"think", "say", "believe"} and any(
            c.dep_ == "neg" for c in t.children) and any(
            c.dep_ == "nsubj" and c.lower_ in {"i", "we"} for c in t.children) and any(
            c.dep_ == "ccomp" and c.lemma_ == "be" and any(
                g.dep_ == "nsubj" and g.lower_ in {"he", "she"} for g in c.children)
            for c in t.children)

    def _question(self, t) -> bool:
        """Whether ``t`` is in a question ("Is he ready for Cup?")."""
        last = self.doc[t.sent.end - 1]
        return last.text == "?" or t.sent.end < len(self.doc) and \
            self.doc[t.sent.end].text == "?"

    def _is_doubt(self, t) -> bool:
        """A denied readiness or ability ("I don't think he is ready", "Is he ready?"),
        not a denied quality of something else ("the car wasn't good enough")."""
        return t.lower_ in {"ready", "prepared", "capable", "deserve", "deserves",
                            "deserving", "belong", "worthy"}

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
                    self._qspeakers[k] = self._span_speaker(a, b, prev)[0]
                return self._qspeakers[k]
            prev = b
        return []

    # ------------------------------------------------------------ speaker
    def _say_subject(self, t, qstart: int):
        if t.pos_ in {"VERB", "AUX"} and t.lemma_.lower() in L.SAY_VERBS | {"add"} | JOKE_VERBS:
            pron = [c for c in t.children if c.dep_ == "nsubj" and c.lower_ in {"he", "she"}]
            if pron:
                # "..., he said": the person named last before the quotation (outside it)
                # and before the verb ("She told reporters X “made it personal”")
                return self._speaker_before(min(qstart, t.i))
            who = [e for e in self.subjects(t) if self.ent(e).is_person]
            if who:
                return who[:1]
            return self._role_speaker(t, qstart) or self._descriptor_speaker(t, qstart)
        return []

    def _descriptor_speaker(self, verb, qstart: int) -> list[int]:
        """"said the 62-year-old", "the veteran said": a description of the person named
        last before the quotation, not a new speaker."""
        for c in verb.children:
            if c.dep_ == "nsubj" and self.men(c) is None and any(
                    g.lower_ == "the" for g in c.children) and (
                    c.lower_.endswith("-old") or c.lemma_.lower() in DESCRIPTOR_NOUNS or
                    c.lower_ == "old" and any(g.lemma_ == "year" for g in c.subtree)):
                return self._speaker_before(min(qstart, verb.i))
        return []

    def _role_speaker(self, verb, qstart: int) -> list[int]:
        """"the owner said", "his crew chief said", "the team president said": the person
        the document gives that role (by the edges found so far, or named next to the
        role word: "team president X", "X, the team's president"), the one named last
        before the quotation when there are several."""
        for c in verb.children:
            role = c.lemma_.lower()
            if c.dep_ != "nsubj" or self.men(c) is not None or not (
                    role in ROLE_SPEAKERS or role in L.SPEAKER_ROLES):
                continue
            holders = {e.subject for e in self.edges.values()
                       if e.predicate == ROLE_SPEAKERS.get(role)}
            named = [m.ent for m in self.de.mentions if m.start < qstart and
                     self.ent(m.ent).is_person and (m.ent in holders or
                                                    self._titled(m, role))]
            return named[-1:]
        return []

    def _titled(self, m, role: str) -> bool:
        """Whether mention ``m`` is given the ``role`` right there: "team president X"
        or "X, the team's president"."""
        doc = self.doc
        if m.start > 0 and doc[m.start - 1].lemma_.lower() == role:
            return True
        after = doc[m.end:min(m.end + 5, len(doc))]
        return bool(len(after)) and after[0].text == "," and any(
            t.lemma_.lower() == role for t in after)

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
        if self._fragment(start):
            governing = self._governing_speaker(start, end)
            if governing:
                return governing
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
        return self._colon_speaker(start) or self._governing_speaker(start, end) or \
            self._lead_in_speaker(start)

    def _fragment(self, start: int) -> bool:
        """Whether a quotation is a fragment of the writer's sentence ("X called Y “the
        most disciplined crew chief I've had,” and Z agreed"): it opens in lower case
        after a word of the same sentence, so the verb that governs it names its
        speaker, not the "said" or "agreed" after it."""
        doc = self.doc
        return start >= 2 and doc[start].is_lower and doc[start].is_alpha and \
            doc[start - 2].is_alpha and doc[start - 2].sent.start == doc[start].sent.start

    def _governing_speaker(self, start: int, end: int):
        """A fragment quoted inside the writer's sentence: the subject of the say-verb
        (or "called") that governs it, however far before ("Y never stopped saying he
        had kept the seat because X was “as good as anybody”", "F called X “a true
        craftsman”")."""
        doc = self.doc
        t = next((t for t in doc[start:end] if not start <= t.head.i < end), None)
        for _ in range(6):
            if t is None or t.head.i == t.i:
                return None
            t = t.head
            if start <= t.i < end or t.sent.start != doc[start].sent.start:
                return None
            if t.lemma_.lower() in L.CALL_VERBS and t.pos_ == "VERB":
                who = [e for e in self.subjects(t) if self.ent(e).is_person]
                if who:
                    return who[:1], t
            who = self._say_subject(t, start)
            if who:
                return who, t
        return None

    def _split(self, prev_end: int, start: int) -> bool:
        """Whether a quotation goes on one before it ("“Alan is,” X said, “the best
        ...”"): a comma closes the first part, a short attribution and a comma follow."""
        doc = self.doc
        return 0 < start - prev_end <= 9 and doc[prev_end - 1].text == "," and \
            doc[start - 2].text == "," and not any(
                "\n" in t.whitespace_ for t in doc[prev_end:start])

    def _colon_speaker(self, start: int):
        """"X on Y: “...”", "X's teammate Z ... sounded fed up: “...”": the subject (else
        the first person) named before the colon in the same sentence."""
        doc, j = self.doc, start - 1
        while j >= 0 and doc[j].text in L.QUOTE_CHARS:
            j -= 1
        if j < 1 or doc[j].text != ":":
            return None
        k = j - 1
        while k > 0 and "\n" not in doc[k - 1].text and "\n" not in doc[k - 1].whitespace_ \
                and doc[k - 1].text not in {".", "!", "?"}:
            k -= 1
        who = [m for m in self.de.mentions if k <= m.start < j and self.ent(m.ent).is_person]
        subj = [m for m in who if doc[m.root].dep_ in {"nsubj", "nsubjpass"}]
        return ([(subj or who)[0].ent], None) if who else None

    def _lead_in_speaker(self, start: int):
        """A quotation with no attribution of its own that opens a sentence: the one
        who "said" something in the sentence before goes on ("Rice said the team will
        not appeal. “We'll talk, and we'll move on.”"), else its subject."""
        k = self._sent_index(self.doc[start])
        if k <= 0 or self.de.sents[k].start < start - 1:
            return [], None
        for t in self.de.sents[k - 1]:
            if not self.inside_quote(t.i):
                who = self._say_subject(t, start)
                if who:
                    return who, t
        return self._set_up_speaker(k), None

    def _set_up_speaker(self, k: int) -> list[int]:
        """A quotation with no attribution right after a sentence of the same paragraph
        whose subject is a person: that person speaks ("X, asked about Y, did not
        hesitate. “He's the best ...”")."""
        prev = self.de.sents[k - 1]
        if any("\n" in t.text or "\n" in t.whitespace_ for t in prev) or \
                any(self.inside_quote(t.i) for t in prev):
            return []
        root = prev.root
        return [m.ent for m in self.de.in_sentence(k - 1) if self.ent(m.ent).is_person and
                self.doc[m.root].dep_ == "nsubj" and self.doc[m.root].head.i == root.i][:1]

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
            # the person the article is about (named at least three times so far)
            counts: dict[int, int] = {}
            for m in self.de.mentions:
                if m.start < start and self.ent(m.ent).is_person and m.ent != speaker:
                    counts[m.ent] = counts.get(m.ent, 0) + 1
            top = sorted(counts.items(), key=lambda kv: -kv[1])
            if top and top[0][1] >= 3 and (len(top) == 1 or top[0][1] > top[1][1]):
                return [top[0][0]]
            return []
        return [max(dict.fromkeys(cands), key=lambda e: (
            sum(m.start < start for m in self.ent(e).mentions),
            any(m.start < start and doc[m.root].dep_ in {"nsubj", "nsubjpass"}
                for m in self.ent(e).mentions), cands[::-1].index(e) * -1))]

    def _pair_before(self, qstart: int, speaker: int) -> list[int]:
        """Whom "both of them" means: of the people named in the last six sentences
        (not the speaker), the two the document names most (by first name or surname
        too: "Austin", "Ty")."""
        k = self._sent_index(self.doc[qstart])
        lo = self.de.sents[max(0, k - 6)].start
        recent = [m.ent for m in self.de.mentions if lo <= m.start < qstart and
                  self.ent(m.ent).is_person and m.ent != speaker]
        words = getattr(self, "_word_counts", None)
        if words is None:
            words = self._word_counts = Counter(t.text for t in self.doc if t.is_title)
        ranked = sorted(dict.fromkeys(reversed(recent)), key=lambda e: -sum(
            words[w] for w in set(self.ent(e).name.split())))
        return ranked[:2] if len(ranked) >= 2 else []

    def _clause(self, t):
        for _ in range(5):
            if t.pos_ in {"VERB", "AUX"} or t.head.i == t.i:
                return t
            t = t.head
        return t

    def _yardstick(self, tok) -> bool:
        """A name the praise measures against ("since X", "better than X", "reminds
        him of a young X"): not the one praised."""
        h = tok.head
        if tok.dep_ == "compound":
            h = h.head
        if h.lower_ in COMPARE_PREPS:
            return True
        return h.lower_ == "of" and h.head.lemma_.lower() == "remind"

    def _first_name(self, tok, speaker: int) -> int | None:
        """The person a bare first name stands for ("Trent is the reason ..."): the one
        person of the document whose name starts with it."""
        if tok.pos_ != "PROPN" or not tok.is_title:
            return None
        hits = {e.idx for e in self.de.entities if e.is_person and e.idx != speaker and
                len(e.name.split()) >= 2 and e.name.split()[0] == tok.text}
        return hits.pop() if len(hits) == 1 else None

    def _named_in(self, toks, speaker: int) -> list[int]:
        """The people named in ``toks`` (by name, surname or first name), less the
        speaker and the yardsticks of a comparison."""
        out = []
        for t in toks:
            m = self.men(t)
            if m is not None:
                e = m.ent if self.ent(m.ent).is_person and t.i == m.root else None
            else:
                e = self._first_name(t, speaker)
            if e is not None and e != speaker and not self._yardstick(t):
                out.append(e)
        return list(dict.fromkeys(out))

    def _about_sentence(self, lo: int, hi: int, qstart: int, qend: int, speaker: int,
                        verb, praise=None, attack: bool = False) -> list[int]:
        """Whom the quotation sentence ``lo:hi`` is about (see the module doc), given the
        quotation's span, its speaker and say-verb, its word of ``praise`` if any, and
        whether it is an ``attack`` (then "he" is first the one the speaker was last
        told of with: :meth:`_opponent_before`)."""
        doc = self.doc
        if praise is not None:
            # the people the clause of the praise names ("Travis has a great reputation")
            clause = self._clause(praise)
            if self._thing_subject(clause):
                return []  # "the team has been great at Phoenix"
            # a verb coordinated with the clause is its own clause ("Bubba doesn't get
            # enough credit, and Charles and I compare notes": not Charles)
            other = {g.i for c in clause.children if c.dep_ == "conj" and
                     c.pos_ in {"VERB", "AUX"} for g in c.subtree}
            toks = [t for t in clause.subtree if lo <= t.i < hi and t.i not in other]
            named = self._named_in(toks, speaker)
            if named:
                return named
            if {t.lower_ for t in toks} & ABOUT_WORDS:
                lo2 = min(t.i for t in toks)
                return self._about_sentence(lo2, hi, qstart, qend, speaker, verb)
        named = self._named_in(doc[lo:hi], speaker) or self._named_lead_in(verb, qstart,
                                                                           speaker)
        if named:
            return named
        words = {t.lower_ for t in doc[lo:hi]}
        if "both" in words:
            return self._pair_before(qstart, speaker)  # "Both of them can drive"
        if not words & ABOUT_WORDS and not (praise is not None and
                                            praise.lower_ in IMPLICIT_PRAISED and
                                            any(c.dep_ == "relcl" for c in praise.children)):
            return []
        earlier = self._named_in(doc[qstart:lo], speaker)
        if len(earlier) > 1:
            # "X will be my crew chief. He was crew chief for Y, and he knows ...": X
            earlier = [e for e in earlier if any(
                qstart <= m.start < lo and doc[m.root].dep_ in {"nsubj", "nsubjpass"}
                for m in self.ent(e).mentions)]
        if len(earlier) == 1:
            return earlier
        if verb is not None:
            of = [e for e in self.pobjs(verb, {"of", "about"}) if self.ent(e).is_person]
            if of:
                return of
        asked = self._asked_about(qstart, qend, speaker)
        if asked:
            return asked
        opponent = self._opponent_before(qstart, speaker) if attack else []
        if opponent:
            return opponent
        last = getattr(self, "_spoke_of", {}).get(speaker)
        if last is not None and 0 <= qstart - last[0] <= 80:
            return [last[1]]  # the same speaker, still on the same person
        return self._focal_person(qstart, speaker)

    def _opponent_before(self, qstart: int, speaker: int) -> list[int]:
        """The one person told of together with the speaker in the five sentences before
        an angry quotation ("A and B made contact ... A finished 27th. A was not in a
        forgiving mood. “He's never going to change,” A said"): whom the anger is at."""
        k0 = self._sent_index(self.doc[qstart])
        for k in range(k0 - 1, max(-1, k0 - 6), -1):
            named = {m.ent for m in self.de.in_sentence(k) if self.ent(m.ent).is_person}
            if speaker in named and len(named) == 2:
                return [e for e in named if e != speaker]
        return []

    def _thing_subject(self, clause) -> bool:
        """Whether the subject of a praising clause is "it", or a team, a company or a
        thing named in the text ("Team Penske has been great"): the praise is not of
        a person."""
        for c in clause.children:
            if c.dep_ in {"nsubj", "nsubjpass"}:
                if c.lower_ == "it" and clause.lemma_ == "be":
                    return True  # "by the last run it was as good as it's been"
                m = self.men(c)
                return m is not None and c.i == m.root and not self.ent(m.ent).is_person
        return False

    def _named_lead_in(self, verb, qstart: int, speaker: int) -> list[int]:
        """The people the writer names between the say-verb and a quoted fragment of the
        same sentence: whom the fragment is about ("W said Y “could find horsepower
        where nobody else thought to look”")."""
        if verb is None or not verb.i < qstart or verb.sent.start != self.doc[qstart].sent.start:
            return []
        return [m.ent for m in self.de.mentions if verb.i < m.start < qstart and
                self.ent(m.ent).is_person and m.ent != speaker and
                not self.inside_quote(m.start)]

    def _asked_about(self, qstart: int, qend: int, speaker: int) -> list[int]:
        """The person the speaker was asked about or assessed, in the writer's words
        around the quotation ("..., X said when asked about Y", "Asked about Y, X said:",
        "X was asked about Y. “...”", "X's assessment of Y: “...”")."""
        k = self._sent_index(self.doc[qstart])
        lo = self.de.sents[max(0, k - 1)].start
        hi = min(len(self.doc), qend + 12)
        for t in self.doc[lo:hi]:
            if t.lemma_.lower() in TOPIC_WORDS and not self.inside_quote(t.i):
                about = [e for e in self.pobjs(t, {"about", "of", "on"})
                         if self.ent(e).is_person and e != speaker]
                if about:
                    return about[:1]
        return []

    def _criticism(self, t, start: int, end: int) -> bool:
        """Whether word ``t`` of a quotation attacks someone: "teach him some manners",
        "getting run over by the same guy", "he's run into enough of us", "drove through
        me", "I'm done letting him", "some of us don't forget", "we will remember it", "he
        made it personal", "I'm mad at him", "I'm not happy with him"."""
        lem, kids = t.lemma_.lower(), list(t.children)
        if t.lower_ in CRITICISM_WORDS:
            return not self._negated_clause(t, start, end, needs=False)
        if t.lower_ in L.DISPLEASED_ADJ and any(c.dep_ == "neg" for c in t.head.children) \
                and any(c.lower_ == "with" for c in t.children):
            return True  # "I'm not happy with him"
        if t.lower_ == "personal" and t.head.lemma_.lower() == "make":
            return True  # "he made it personal"
        if lem == "respect" and t.pos_ == "NOUN":
            return any(c.lower_ in {"no", "zero", "any"} for c in kids)  # "he has no respect"
        if lem == "get" and t.pos_ == "VERB" and any(c.lower_ in {"will", "'ll", "’ll"}
                                                     for c in kids):
            # payback promised: "I'll get him back", "he'll get his"
            return any(c.dep_ == "dobj" and (c.lower_ in {"his", "hers"} or c.lower_ in {
                "him", "her", "them"} and any(k.lower_ == "back" for k in kids)) for c in kids)
        if lem == "like" and any(c.dep_ == "neg" for c in kids) and any(
                c.dep_ == "nsubj" and c.lower_ == "we" for c in kids):
            return {"each", "other"} <= {g.lower_ for g in t.subtree}  # "we didn't like each other"
        if t.lower_ in DEED_CRITICISM and t.dep_ == "acomp":
            return any(c.dep_ == "csubj" or c.dep_ == "nsubj" and c.lemma_.lower() in
                       DEED_NOUNS for c in t.head.children) and \
                not self._negated_clause(t, start, end)
        if t.pos_ != "VERB":
            return t.lower_ in ANGER_WORDS and any(
                c.lower_ in {"at", "of"} for c in kids) and not self._negated_clause(
                t, start, end)
        if lem in CRITICISM_VERBS:
            # the speaker's side as the victim ("he wrecked us", "I got dumped"), not
            # "he got dumped" nor an apology ("I wrecked him, my fault")
            passive = any(c.dep_ == "auxpass" for c in kids)
            first = any(c.dep_ in {"nsubjpass", "nsubj"} and c.lower_ in FIRST_PERSON
                        for c in kids)
            return passive == first and not self._negated_clause(t, start, end)
        if lem in {"run", "drive", "plow", "shove"} and any(
                c.lower_ in {"over", "into", "through"} for c in kids):
            if any(c.dep_ == "auxpass" for c in kids):
                return True  # the speaker is the victim, even in "not going to keep ..."
            victim = {g.lower_ for c in kids if c.lower_ in {"into", "through"}
                      for g in c.subtree}
            return bool(victim & FIRST_PERSON) and not self._negated_clause(t, start, end)
        if lem == "remember" and any(c.lower_ in {"will", "'ll", "’ll"} for c in kids):
            # "I'll remember it", "I'll remember this one"
            return any(c.dep_ == "dobj" and (c.lower_ in {"it", "that", "this"} or
                                             c.lower_ == "one" and any(
                g.lower_ in {"this", "that"} for g in c.children)) for c in kids) \
                and self._grudge(start, end)
        if lem in {"forget", "forgive"}:
            # "some of us don't forget", "I won't forget that" (not "don't forget him",
            # "I'll never forget this win")
            return any(c.dep_ == "neg" for c in kids) and any(
                c.dep_ == "nsubj" for c in kids) and all(
                c.lower_ in {"that", "it", "this"} for c in kids if c.dep_ == "dobj") and \
                self._grudge(start, end)
        if lem == "let" and t.head.lemma_.lower() in {"do", "done", "tire", "sick"}:
            return True  # "I'm done letting him"
        return False

    def _grudge(self, start: int, end: int) -> bool:
        """Whether "I'll remember it" / "I won't forget that" holds a grudge, not
        gratitude ("They were with me when nobody else was. I don't forget that", "He's as
        good as I've seen. I'll never forget that"): an incident is told in the
        quotation or in the four sentences before it, and the quotation praises no one."""
        k = self._sent_index(self.doc[start])
        lo = self.de.sents[max(0, k - 4)].start
        return any(t.lemma_.lower() in GRUDGE_CAUSES for t in self.doc[lo:end]) and \
            not self._praise_tokens(start, end)

    def _feud_quotation(self, start: int, end: int, speaker: int, verb) -> None:
        """An angry quotation: the speaker feuds with whom it is about."""
        done: set[int] = set()
        for t in self.doc[start:end]:
            if t.sent.start in done or not self._criticism(t, start, end):
                continue
            done.add(t.sent.start)
            lo, hi = max(start, t.sent.start), min(end, t.sent.end)
            # (a criticism naming no one, "That was a cheap shot", is of the one the
            # passage is about)
            about = self._about_sentence(lo, hi, start, end, speaker, verb, attack=True) or \
                self._named_before(start, speaker) or self._focal_person(start, speaker)
            for o in about[:1]:
                self.emit(speaker, "feuded_with", o, self._sent_index(t), 0.6,
                          "quote-criticism")

    def _named_before(self, start: int, speaker: int) -> list[int]:
        """The person named right before a quoted fragment ("X “made it personal”")."""
        if start < 2 or self.doc[start - 1].text not in L.QUOTE_CHARS:
            return []
        m = self.de.mention_at(start - 2)
        return [m.ent] if m is not None and self.ent(m.ent).is_person and \
            m.ent != speaker else []

    def _praise_of_speaker(self, p, start: int, end: int, speaker: int):
        """When praise word ``p`` is said of the speaker himself ("I was ready"): the
        people named as telling him so ("Busch told me I was ready"), else no one;
        None when the praise is about someone else."""
        clause = p.head
        if p.lower_ in ADMIRING_WORDS or p.lemma_.lower() in FAITH_NOUNS:
            return None  # "I'm impressed with him", "I'm a believer in him": of him
        if p.dep_ not in {"acomp", "attr", "oprd"} or not any(
                c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in {"i", "we"}
                for c in clause.children):
            return None
        v = clause.head
        while start <= v.i < end and v.head.i != v.i and v.pos_ not in {"VERB", "AUX"}:
            v = v.head
        if v.lemma_.lower() in L.SAY_VERBS and start <= v.i < end:
            return [e for e in self.subjects(v) if self.ent(e).is_person and e != speaker]
        return []

    def _utterance_doubts(self, spans, k: int) -> bool:
        """Doubts in quotation ``k`` or in the next one of the same paragraph (the
        speaker going on: "“..., ” X said. “Is he ready? No.”")."""
        start, end = spans[k]
        if self._doubts(start, end):
            return True
        if k + 1 < len(spans):
            a, b = spans[k + 1]
            gap = self.doc[end:a]
            if a - end <= 12 and not any("\n" in t.text or "\n" in t.whitespace_ for t in gap):
                return self._doubts(a, b)
        return False

    def _note_quoted(self, start: int, end: int, speaker: int) -> None:
        """Record every person the quotation names, sentence by sentence, with its
        speaker: the candidates the pair model weighs for the praise no rule read."""
        i = start
        while i < end:
            sent = self.doc[i].sent
            lo, hi = max(start, sent.start), min(end, sent.end)
            for t in self.doc[lo:hi]:
                for o in self._named_in([t], speaker):
                    self.quoted.append(Quoted(speaker, o, self._sent_index(self.doc[lo]),
                                              lo, hi, t.i))
            i = sent.end

    def quotations(self) -> None:
        """Endorsements and feuds of every quotation of the document."""
        prev_end = None
        spans = self._quote_spans()
        for k, (start, end) in enumerate(spans):
            if end - start < 3:
                prev_end = end
                continue
            praise = self._praise_tokens(start, end)
            if praise and self._utterance_doubts(spans, k):
                praise = []
            speaker, verb = self._span_speaker(start, end, prev_end)
            prev_end = end
            if not speaker or verb is not None and verb.lemma_.lower() in JOKE_VERBS:
                continue  # (“He's going to surprise people,” X joked.)
            self._feud_quotation(start, end, speaker[0], verb)
            self._note_quoted(start, end, speaker[0])
            si = self._sent_index(self.doc[start])
            done: set[int] = set()
            # a split quotation ("“Alan is,” X said, “the best driver ...”") reads its
            # sentence from the first part
            first = spans[k - 1][0] if k and self._split(spans[k - 1][1], start) else start
            for p in praise:
                lo, hi = max(first if p.sent.start <= start else start, p.sent.start), \
                    min(end, p.sent.end)
                if lo in done:
                    continue
                done.add(lo)
                if {t.lemma_.lower() for t in self.doc[lo:hi]} & THANK_WORDS:
                    continue
                teller = self._praise_of_speaker(p, start, end, speaker[0])
                if teller is not None:
                    # "Busch told me I was ready": the teller vouches for the speaker
                    for o in teller:
                        self.emit(o, "endorses", speaker[0], si, 0.7, "quotation-told")
                    continue
                about = self._about_sentence(lo, hi, start, end, speaker[0], verb, p)
                for o in about:
                    self.emit(speaker[0], "endorses", o, si, 0.7, "quotation")
                if len(about) == 1:
                    self._spoke_of = getattr(self, "_spoke_of", {})
                    self._spoke_of[speaker[0]] = (end, about[0])
