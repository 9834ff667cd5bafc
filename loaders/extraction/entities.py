"""Entity recognition, typing and within-document linking.

The :class:`EntityLinker` component

in
    a parsed ``Doc`` and the :class:`~.gazetteer.Gazetteer` matches on it;
out
    a :class:`DocEntities`: the document's entities (canonical name, type, token-span
    mentions) and a token-to-mention map the relation rules read.

Sources of names, by priority: the gazetteer (registry names and aliases, names from
race results: canonical name and type come from there), name patterns ("X Racing",
"Team X", "X Motor Speedway"), and spaCy's statistical NER for other people and
organizations. Names outside the gazetteer are typed from their context ("crew chief X",
"X, the team owner", "the No. 11 <make> of X", "sponsored by X").

Also: companies written into a car's name ("the No. 13 <COMPANY> <make>") or named by a
sponsorship structure ("<X>, which served as primary sponsor", "<X> colors"), names with a
nickname ("First “Nick” Last"), the surname of a known person named nowhere in full, the
first word of a known team in a team context ("a <Word> development driver"). Not names:
NASCAR phrases ("Victory Lane"), photo credits, a car model after its make, a city in a
race name ("the <City> 500").

Linking within the document: a surname or first name ("Quill", "Quill's") refers to the
one person of the document with that name; of two people sharing it, the bare surname is
the one introduced first (or already called by it), unless both were introduced together
(two brothers): then the one named last, or the mention is left out. A social handle in a
signature line ("— Name (@handle)") is that person's alias everywhere in the document.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from nascar_kg.ontology.registry import fold

from . import lexicon as L
from .gazetteer import Gazetteer, strip_accents

PERSON_TYPES = frozenset({"Driver", "CrewChief", "Person"})
ORG_TYPES = frozenset({"Team", "Manufacturer", "Sponsor", "Organization"})


@dataclass(eq=False)
class EntMention:
    ent: int
    start: int
    end: int
    root: int
    sent: int
    kind: str  # "name" (full name), "short" (surname, first name), "handle"


def _in_caps_lead(doc, m) -> bool:
    """Whether a mention of two or more words lies in the all-capitals lead-in of a
    notebook item ("SMITH SUSPENDED: ...", "<NAME> BACK IN A TRUCK: ..."): a headline
    run of capitals up to a colon, whose words are no name of their own."""
    span = doc[m.start:m.end]
    if len(span) < 2 or not span.text.isupper():
        return False
    i = m.end
    while i < len(doc) and i < m.end + 8 and doc[i].text != ":":
        if not (doc[i].text.isupper() or doc[i].is_punct) or "\n" in doc[i].text:
            return False
        i += 1
    return i < len(doc) and doc[i].text == ":"


@dataclass(eq=False)
class DocEntity:
    idx: int
    name: str
    type: str
    certain: bool
    source: str
    mentions: list[EntMention] = field(default_factory=list)
    votes: Counter = field(default_factory=Counter)

    @property
    def is_person(self) -> bool:
        return self.type in PERSON_TYPES


@dataclass(frozen=True)
class Quoted:
    """A person named in a quotation: the speaker, the person, the sentence index, the
    quoted part of that sentence (token offsets ``start:end``) and the naming token."""

    speaker: int
    person: int
    sent: int
    start: int
    end: int
    token: int


@dataclass(frozen=True)
class PronounMention:
    """A subject pronoun ("he", "she") at token ``token`` of sentence ``sent`` that the
    relation rules resolved to entity ``ent``."""

    ent: int
    token: int
    sent: int


class DocEntities:
    """Entities of one document, where each token's mention is, and (filled by the
    relation rules) the people its quotations name (:class:`Quoted`) and the subject
    pronouns it resolves (:class:`PronounMention`)."""

    def __init__(self, doc, entities: list[DocEntity], mentions: list[EntMention],
                 sents: list, headings: set[int]):
        self.doc = doc
        self.quoted: list[Quoted] = []
        self.pronouns: list[PronounMention] = []
        self.entities = entities
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.sents = sents
        self.headings = headings
        self.tok2men = [-1] * len(doc)
        for i, m in enumerate(self.mentions):
            for t in range(m.start, m.end):
                self.tok2men[t] = i

    def mention_at(self, i: int) -> EntMention | None:
        k = self.tok2men[i] if 0 <= i < len(self.tok2men) else -1
        return self.mentions[k] if k >= 0 else None

    def entity_at(self, i: int) -> DocEntity | None:
        m = self.mention_at(i)
        return self.entities[m.ent] if m else None

    def in_sentence(self, s: int) -> list[EntMention]:
        sent = self.sents[s]
        return [m for m in self.mentions if sent.start <= m.start < sent.end]


def _namey(tok) -> bool:
    """A token that can be part of a proper name written in the text."""
    t = tok.text
    if not t or tok.is_space:
        return False
    if t[0].isupper():
        return True
    return t[0].isdigit() and any(c.isalpha() for c in t)


def _strip_span(doc, start: int, end: int) -> tuple[int, int]:
    """Trim determiners, punctuation and possessive endings off a candidate name span."""
    while start < end and (doc[start].lower_ in {"the", "a", "an"} or doc[start].is_punct
                           or doc[start].is_space or end - start > 1 and (
                               doc[start].lower_ in L.DESCRIPTOR_WORDS or
                               doc[start].lower_ in L.SENTENCE_OPENERS)):
        start += 1
    while end > start and (doc[end - 1].lower_ in {"'s", "’s", "'", "’"}
                           or doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


def _name_base(name: str) -> tuple[str, bool]:
    """A person's name without its generational suffix, and whether it had one."""
    parts = name.replace(",", " ").split()
    suffixed = False
    while len(parts) > 2 and parts[-1].lower().rstrip(".") in {
            s.rstrip(".") for s in L.NAME_SUFFIXES}:
        parts, suffixed = parts[:-1], True
    return fold(" ".join(parts)) if len(parts) >= 2 else "", suffixed


def _other_generation(doc, i: int, name: str) -> bool:
    """Whether token ``i``, right after a match of ``name``, is a generational suffix that
    ``name`` does not have ("Sr." after a match of "X Y Jr."'s alias "X Y")."""
    if i >= len(doc):
        return False
    suffix = doc[i].lower_.rstrip(".")
    return suffix in {s.rstrip(".") for s in L.NAME_SUFFIXES} and \
        name.split()[-1].lower().rstrip(".") != suffix


def _on_a_car(doc, i: int) -> bool:
    """Whether the words from token ``i`` put the name before them on a car: "<S> on the
    No. 88", "<S> on the hood", "<S> on his 48", "with <S> on board" (a company on a car
    is its sponsor)."""
    words = [t.lower_ for t in doc[i:i + 3]]
    if words[:2] == ["on", "board"]:
        return True
    return len(words) == 3 and words[0] == "on" and words[1] in {"the", "his", "her"} and (
        words[2] in {"no.", "no", "#", "hood"} or doc[i + 2].like_num)


def _business_core(ent) -> str:
    """A company's name without two or more business words at its end ("Harbor Point" of
    "Harbor Point Sports Partners"), the way a text calls it again; else ""."""
    words = ent.name.split()
    if ent.type not in {"Sponsor", "Organization"}:
        return ""
    core = list(words)
    while len(core) > 2 and core[-1].lower() in L.ORG_SUFFIXES:
        core.pop()
    return " ".join(core) if len(core) < len(words) - 1 else ""


def _company_noun(t) -> bool:
    """A noun describing a company ("Y's company", "a longtime partner"), not a person's
    title ("Blue Ridge's managing partner")."""
    return t.lemma_.lower() in L.COMPANY_NOUNS and not (
        t.lower_ in {"partner", "partners"} and
        any(c.lower_ in {"managing", "general", "senior", "founding", "limited", "name"}
            for c in t.children))


def clean_name(text: str) -> str:
    """A name as written, without its possessive ending and surrounding punctuation."""
    text = " ".join(text.split())
    for suffix in ("'s", "’s"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    if text.endswith("'") or text.endswith("’"):
        text = text[:-1]
    return text.strip(" ,;:")


def first_conjunct(tok):
    """The first member of the coordination ("A, B and C") that ``tok`` belongs to, or
    ``tok`` itself outside one."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def conjuncts(tok) -> list:
    """The other members of the coordination ("A, B and C") that ``tok`` belongs to."""
    first = first_conjunct(tok)
    return [t for t in [first, *(c for c in first.subtree if c.dep_ == "conj")]
            if t.i != tok.i]


def _car_word(tok) -> bool:
    """A word naming a race car: "No." (with its number), "the 48", "hood", "car"."""
    if tok.lower_ in {"hood", "car", "truck", "machine", "ride", "no", "no.", "#"}:
        return True
    return tok.like_num and tok.is_digit and len(tok.text) <= 3 and any(
        c.lower_ in {"the", "his", "her"} for c in tok.children)


class EntityLinker:
    """Finds, types and links the entities of a parsed document (see module doc)."""

    def __init__(self, gazetteer: Gazetteer, vocabulary):
        self.gaz = gazetteer
        self.voc = vocabulary

    # -- candidate spans -----------------------------------------------------------
    def _pattern_spans(self, doc) -> list[tuple[int, int, str]]:
        spans = []
        n = len(doc)
        i = 0
        while i < n:
            tok = doc[i]
            typ = None
            suffix_len = 0
            if tok.text[:1].isupper():
                two = doc[i - 1].lower_ + " " + tok.lower_ if i > 0 else ""
                if two in L.TEAM_SUFFIXES:
                    typ, suffix_len = "Team", 2
                elif two in L.TRACK_SUFFIXES:
                    typ, suffix_len = "Track", 2
                elif tok.lower_ in L.TEAM_SUFFIXES:
                    typ, suffix_len = "Team", 1
                elif tok.lower_ in L.TRACK_SUFFIXES:
                    typ, suffix_len = "Track", 1
            if typ:
                end = i + 1
                j = i - suffix_len
                while j >= 0:
                    t = doc[j]
                    if t.is_space or "\n" in t.whitespace_:
                        break
                    if _namey(t) and t.lower_ not in {"the", "a", "an"}:
                        j -= 1
                        continue
                    if t.is_digit and len(t.text) <= 2 and j - 1 >= 0 and \
                            doc[j - 1].is_alpha and doc[j - 1].text[:1].isupper() and \
                            not doc[j - 1].is_sent_start:
                        j -= 1  # "<Word> 2 Motorsports"
                        continue
                    if j - 1 >= 0 and _namey(doc[j - 1]) and (
                            t.text in {"-", "&"} or
                            t.lower_ in {"'s", "’s"} and j == i - suffix_len):
                        j -= 1
                        continue
                    break
                start = j + 1
                # a sentence-initial stop word ("At", "The") is not part of the name
                while start < i and doc[start].is_stop and doc[start].lower_ != "team":
                    start += 1
                words = [t.lower_ for t in doc[start: i + 1 - suffix_len] if t.is_alpha
                         or any(c.isalnum() for c in t.text)]
                if words and any(w not in L.GENERIC_CAPITALIZED for w in words) and not (
                        typ == "Track" and self._company_appos(doc[start:end])):
                    spans.append((start, end, typ))  # ("<X> International, the firm")
            elif tok.lower_ in L.TEAM_PREFIXES and tok.text[:1].isupper() and i + 1 < n:
                j = i + 1
                while j < n and _namey(doc[j]) and not doc[j].is_stop and \
                        doc[j].lower_ not in L.GENERIC_CAPITALIZED:
                    j += 1
                if j > i + 1 and j - i <= 3:
                    spans.append((i, j, "Team"))
            i += 1
        # "Michigan International Speedway": the longest of overlapping names
        spans.sort(key=lambda x: (-(x[1] - x[0]), x[0]))
        kept: list[tuple[int, int, str]] = []
        for sp in spans:
            if all(sp[1] <= k[0] or k[1] <= sp[0] for k in kept):
                kept.append(sp)
        return sorted(kept)

    def _ner_spans(self, doc) -> list[tuple[int, int, str]]:
        out = []
        for ent in doc.ents:
            if ent.label_ not in {"PERSON", "ORG", "NORP", "FAC", "PRODUCT", "GPE"}:
                continue
            if "\n" in ent.text:
                continue
            pieces = [(ent.start, ent.end)]
            # "Quill and Trent": two names in one NER span; a company's "&" joins one
            # name ("<X> Transportation & Logistics", "<X> & Gamble")
            joins = {"and", ","} if ent.label_ == "ORG" else {"and", "&", ","}
            if any(t.lower_ in joins for t in ent):
                pieces, cur = [], ent.start
                for t in ent:
                    if t.lower_ in joins:
                        pieces.append((cur, t.i))
                        cur = t.i + 1
                pieces.append((cur, ent.end))
            for p_start, p_end in pieces:
                out.extend(self._ner_piece(doc, p_start, p_end, ent.label_))
        return out

    def _ner_piece(self, doc, start, end, label):
        out = []
        if True:
            start, end = _strip_span(doc, start, end)
            if end <= start or end - start > 6:
                return out
            if doc[start:end].text.lower() in L.NOT_NAMES:
                return out  # "Victory Lane", "Pit Road"
            if doc[end - 1].like_num and doc[end - 1].text.isdigit() and \
                    len(doc[end - 1].text) == 3:
                return out  # a race named by its distance ("the <Name> 500")
            words = [t for t in doc[start:end]]
            if not all(_namey(t) or t.text in {"-", "&", ".", "'", "’"} or t.lower_ in
                       {"of", "de", "van", "von", "and"} for t in words):
                return out
            if all(t.lower_ in L.GENERIC_CAPITALIZED or not t.is_alpha for t in words):
                return out
            if label == "PERSON":
                if end - start < 2 or end - start > 4:
                    return out
                if not all(t.is_alpha or t.text in {"-", "."} or "." in t.text
                           or "'" in t.text or "’" in t.text for t in words):
                    return out
                out.append((start, end, "PERSON"))
            elif label in {"ORG", "NORP", "PRODUCT", "FAC", "GPE"}:
                out.append((start, end, label))
        return out

    # -- main ------------------------------------------------------------------------
    def __call__(self, doc, gaz_matches) -> DocEntities:
        self._place_sensitive: set[str] = set()
        self._by_text: dict[str, list[int]] = {}
        for tok in doc:
            self._by_text.setdefault(tok.text, []).append(tok.i)
        sents = list(doc.sents)
        sent_of = [0] * len(doc)
        for si, s in enumerate(sents):
            for t in range(s.start, s.end):
                sent_of[t] = si
        headings = self._headings(doc, sents)

        entities: list[DocEntity] = []
        by_key: dict[str, int] = {}
        mentions: list[EntMention] = []
        taken = bytearray(len(doc))

        by_base: dict[str, list[int]] = {}

        def entity_for(name: str, typ: str, certain: bool, source: str) -> DocEntity:
            key = fold(name)
            if key in by_key:
                ent = entities[by_key[key]]
                if certain and not ent.certain:
                    ent.type, ent.certain, ent.source = typ, True, source
                return ent
            base, suffixed = _name_base(name)
            if typ in PERSON_TYPES and base:
                # "X Y" and "X Y Jr." in one article: one person (two suffixes: two people)
                same = [k for k in by_base.get(base, ()) if entities[k].is_person]
                if len(same) == 1:
                    ent = entities[same[0]]
                    other_suffixed = _name_base(ent.name)[1]
                    if suffixed != other_suffixed:
                        if suffixed and not ent.certain:
                            ent.name = clean_name(name)
                        by_key[key] = ent.idx
                        return ent
            ent = DocEntity(len(entities), name, typ, certain, source)
            entities.append(ent)
            by_key[key] = ent.idx
            if typ in PERSON_TYPES and base:
                by_base.setdefault(base, []).append(ent.idx)
            return ent

        def add_mention(ent: DocEntity, start: int, end: int, kind: str) -> None:
            span = doc[start:end]
            m = EntMention(ent.idx, start, end, span.root.i, sent_of[start], kind)
            ent.mentions.append(m)
            mentions.append(m)
            taken[start:end] = b"\x01" * (end - start)

        # 0. "First “Nickname” Last": the person First Last, also called by the nickname
        self._nicknames: dict[str, DocEntity] = {}
        for i, j, k in self._nickname_spans(doc):
            name = f"{doc[i].text} {doc[k - 1].text}"
            known = self.gaz.lookup(name)
            cand = self._choose(known) if known else None
            ent = entity_for(cand.name, cand.type, True, cand.source) if cand else \
                entity_for(name, "Person", False, "ner")
            add_mention(ent, i, k, "name")
            self._nicknames.setdefault(doc[i + 2:j].text, ent)

        # 1. gazetteer matches, unless a longer name pattern covers them
        patterns = self._pattern_spans(doc)
        patterns = [p for p in patterns if not any(
            m.end == p[1] and p[0] <= m.start for m in gaz_matches)]
        for m in gaz_matches:
            longer = [p for p in patterns if p[0] <= m.start and m.end <= p[1]
                      and (p[1] - p[0]) > (m.end - m.start)]
            if longer:
                continue
            cand = self._choose(m.candidates)
            if cand.type == "Track" and not self._track_word(doc, m.start, m.end):
                continue
            if cand.type in PERSON_TYPES and _other_generation(doc, m.end, cand.name):
                continue  # "Ricky Stenhouse Sr.": the father of the known "... Jr."
            ent = entity_for(cand.name, cand.type, True, cand.source)
            add_mention(ent, m.start, m.end, "name")

        # 2. name patterns (teams, tracks), resolved through the gazetteer when known
        for s, e, typ in patterns:
            if any(taken[s:e]):
                continue
            name = clean_name(doc[s:e].text)
            known = self.gaz.lookup(name)
            if known:
                cand = self._choose(known)
                ent = entity_for(cand.name, cand.type, True, cand.source)
            elif self._company_appos(doc[s:e]):
                # "<X> International, the construction firm that backed him": a company
                ent = entity_for(name, "Organization", False, "ner")
            else:
                ent = entity_for(name, typ, True, "pattern")
            add_mention(ent, s, e, "name")

        # 3. statistical NER for the rest: people now, organizations after linking
        ner_orgs = []
        groups: dict[str, list[tuple[int, int, str]]] = {}
        early_short = self._org_short_forms(entities)
        for s, e, label in self._ner_spans(doc):
            if any(taken[s:e]):
                continue
            if doc[s:e].text in self._nicknames:
                add_mention(self._nicknames[doc[s:e].text], s, e, "short")
                continue
            name = clean_name(doc[s:e].text)
            if name in early_short:
                continue  # "Ames-Lowe" of "Ames-Lowe Racing": linked below
            known = self.gaz.lookup(name)
            if known:
                cand = self._choose(known)
                if cand.type == "Track" and not self._track_word(doc, s, e):
                    continue
                add_mention(entity_for(cand.name, cand.type, True, cand.source), s, e, "name")
                continue
            groups.setdefault(fold(name), []).append((s, e, label))
        # capitalized word pairs the NER missed ("Otis Greer owns ...")
        ner_found = {(a, b) for occ in groups.values() for a, b, _ in occ}
        for s, e in self._propn_runs(doc):
            if any(taken[s:e]) or (s, e + 1) in ner_found and doc[e].lower_ in L.ORG_SUFFIXES:
                continue  # (a company named after a person, as the NER found it: "<Name> Inc.")
            key = fold(clean_name(doc[s:e].text))
            if doc[s + 1].text in {"'s", "’s"}:
                # "<Word>'s Scratch Kitchen" takes in the NER's "Scratch Kitchen"
                for k in list(groups):
                    groups[k] = [o for o in groups[k] if not (s <= o[0] and o[1] <= e)]
                    if not groups[k]:
                        del groups[k]
            if key in groups or self.gaz.lookup(key):
                if key in groups and (s, e, "PROPN") not in groups[key] and not any(
                        a < e and s < b for a, b, _ in groups[key]):
                    groups[key].append((s, e, "PROPN"))
                continue
            groups[key] = [(s, e, "PROPN")]
        for key, occ in groups.items():
            whole = self._tail_of(key, entities)
            if whole is not None:
                for s, e, _ in occ:
                    if not any(taken[s:e]):
                        add_mention(whole, s, e, "short")
                continue
            if all(label == "PROPN" for _, _, label in occ) and not self._is_person(doc, occ):
                s0, e0, _ = occ[0]
                if doc[e0 - 1].lower_ in L.ORG_SUFFIXES and \
                        doc[e0 - 1].lower_ not in L.TEAM_SUFFIXES:
                    ner_orgs.extend(occ)  # "Carolina Crest Roofing" the NER missed
                continue
            if self._is_person(doc, occ):
                s0, e0, _ = occ[0]
                ent = entity_for(clean_name(doc[s0:e0].text), "Person", False, "ner")
                for s, e, _ in occ:
                    if not any(taken[s:e]):
                        add_mention(ent, s, e, "name")
            else:
                ner_orgs.extend(occ)

        # 3b. "Duke and Rhonda Thorson", "Ty and Austin Dillon": two people, one surname
        self._shared_surnames(doc, entities, taken, entity_for, add_mention)

        # 4. handles in signature lines ("— Name (@handle)")
        self._signatures(doc, entities, by_key, taken, entity_for, add_mention)

        # 5. surnames, first names of the people named in full (not a team's short name
        #    in a team context: "Kestrel's No. 14 team")
        org_short = self._org_short_forms(entities)
        self._link_short_forms(doc, sents, sent_of, entities, mentions, taken, add_mention,
                               org_short)

        # 5b. the surname of a known person named nowhere in full in the article ("Larson,
        #     Elliott and Byron are back"), when no one else is known by it
        self._known_surnames(doc, entities, taken, entity_for, add_mention, org_short)

        # 5c. the first word of a known team in a team context ("a <Word> development
        #     driver", "<Word>'s No. 24") when the article does not name the team in full
        for tok in doc:
            cand = self.gaz.team_first.get(tok.text)
            if cand is None or taken[tok.i] or not self._team_context(doc, tok.i, tok.i + 1):
                continue
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if nxt is not None and nxt.text[:1].isupper() and nxt.is_alpha:
                continue
            add_mention(entity_for(cand.name, cand.type, True, cand.source), tok.i, tok.i + 1,
                        "short")

        # 6. organizations found by NER only (after linking: a linked surname is a person)
        short_forms = self._org_short_forms(entities)
        for s, e, label in ner_orgs:
            if any(taken[s:e]):
                continue
            name = clean_name(doc[s:e].text)
            if name in short_forms:
                add_mention(short_forms[name], s, e, "short")
                continue
            if not self._plausible_org(doc, s, e, label):
                continue
            ent = entity_for(name, "Organization", False, "ner")
            add_mention(ent, s, e, "name")

        # 6a. company names the NER missed, in sentences about sponsorship
        for s, e in self._sponsor_runs(doc, taken):
            name = clean_name(doc[s:e].text)
            known = self.gaz.lookup(name)
            if known:
                cand = self._choose(known)
                add_mention(entity_for(cand.name, cand.type, True, cand.source), s, e, "name")
            else:
                ent = entity_for(name, "Sponsor", False, "ner")
                ent.votes["Sponsor"] += 2
                add_mention(ent, s, e, "name")

        # 6b. short names of teams and companies ("Kestrel", "Blue Ridge", "KMR")
        self._link_org_short_forms(doc, entities, taken, add_mention)

        # 6c. a company written into a car's name ("the No. 13 <company> <make>")
        for s, e in self._car_name_runs(doc, entities, mentions, taken):
            # (a company's possessive is its name's: "the No. 5 <Name>'s <make>")
            name = doc[s:e].text if doc[e - 1].text in {"'s", "’s"} else clean_name(
                doc[s:e].text)
            known = self.gaz.lookup(name)
            if known:
                cand = self._choose(known)
                add_mention(entity_for(cand.name, cand.type, True, cand.source), s, e, "name")
            else:
                ent = entity_for(name, "Sponsor", False, "ner")
                ent.votes["Sponsor"] += 2
                add_mention(ent, s, e, "name")

        # 6d. a name the NER found alone that is the short form of a longer name found
        #     later ("<Word>'s" of "<Word>'s Scratch Kitchen"): one entity
        forms = self._org_short_forms(entities)
        cores = {_business_core(e): e for e in entities if _business_core(e)}
        for ent in entities:
            target = forms.get(ent.name)
            if target is None and ent.is_person and ent.name.split()[0] not in \
                    self.gaz.first_names:
                target = cores.get(ent.name)  # ("<Word> <Word>'s minority partners")
            if ent.source == "ner" and not ent.certain and target is not None and \
                    target is not ent and ent.mentions:
                for m in ent.mentions:
                    m.ent, m.kind = target.idx, "short"
                    target.mentions.append(m)
                ent.mentions = []

        # 7. types from context, then drop names seen only in headings
        for ent in entities:
            self._vote_types(doc, ent)
        kept = []
        for ent in entities:
            if not ent.mentions:
                continue
            if ent.source in {"ner"} and all(m.sent in headings for m in ent.mentions):
                continue
            if ent.source == "ner" and all(self._credit(doc, m.start) for m in ent.mentions):
                continue  # a photographer in a photo credit
            if ent.source == "ner" and all(_in_caps_lead(doc, m) for m in ent.mentions):
                continue  # words of a notebook item's capitals lead ("<NAME> BACK IN A TRUCK:")
            if ent.source == "ner" and ent.type in ORG_TYPES and not self._org_supported(ent):
                continue
            kept.append(ent)
        remap = {ent.idx: k for k, ent in enumerate(kept)}
        final_mentions = []
        for k, ent in enumerate(kept):
            ent.idx = k
            for m in ent.mentions:
                m.ent = k
                final_mentions.append(m)
        return DocEntities(doc, kept, final_mentions, sents, headings)

    # -- helpers ---------------------------------------------------------------------
    @staticmethod
    def _choose(cands):
        reg = [c for c in cands if c.source == "registry"]
        return (reg or list(cands))[0]

    @staticmethod
    def _headings(doc, sents) -> set[int]:
        """Sentences that are headings: the sentences of a short line without closing
        punctuation, mostly capitalized (the parser may cut one line in pieces)."""
        out = set()
        lines: list[list] = [[]]
        for t in doc:
            if t.is_space and "\n" in t.text:
                lines.append([])
                continue
            lines[-1].append(t)
            if "\n" in t.whitespace_:
                lines.append([])
        sent_of = {}
        for si, s in enumerate(sents):
            for t in s:
                sent_of[t.i] = si
            if not [t for t in s if not t.is_space]:
                out.add(si)
        for line in lines:
            toks = [t for t in line if not t.is_space]
            if not toks:
                continue
            last = toks[-1].text
            if last in {".", "!", "?", "”", '"', ":", "…", ")"} or len(toks) > 24:
                continue
            caps = sum(1 for t in toks if t.is_alpha and t.text[0].isupper())
            words = sum(1 for t in toks if t.is_alpha and not t.is_stop)
            # a long line is a heading only in title case ("X Confirms 2026 Lineup: ...")
            if not words or caps < (0.6 if len(toks) <= 14 else 0.85) * words:
                continue
            line_sents = {sent_of[t.i] for t in toks}
            for si in line_sents:
                s = sents[si]
                if s.start >= toks[0].i and s.end - 1 <= toks[-1].i + 1:
                    out.add(si)  # (a sentence running past the line is no heading)
        return out

    def _signatures(self, doc, entities, by_key, taken, entity_for, add_mention) -> None:
        handles: dict[str, DocEntity] = {}
        at_tokens = [doc[i] for text, idx in self._by_text.items() if text.startswith("@")
                     for i in idx]
        for tok in at_tokens:
            if len(tok.text) < 3:
                continue
            i = tok.i
            if i >= 2 and doc[i - 1].text == "(":
                end = i - 1
                m_ent = None
                for ent in entities:
                    for m in ent.mentions:
                        if m.end == end:
                            m_ent = ent
                if m_ent is None:
                    # "— First Last (@handle)": a person named only here
                    j = end
                    while j - 1 >= 0 and _namey(doc[j - 1]) and doc[j - 1].is_alpha \
                            and end - (j - 1) <= 3:
                        j -= 1
                    if end - j >= 2 and j - 1 >= 0 and doc[j - 1].text in L.DASHES \
                            and not any(taken[j:end]):
                        last = doc[end - 1].lower_
                        org = last in L.ORG_SUFFIXES or last in L.TEAM_SUFFIXES
                        m_ent = entity_for(clean_name(doc[j:end].text),
                                           "Organization" if org else "Person", not org,
                                           "signature")
                        add_mention(m_ent, j, end, "name")
                if m_ent is not None and m_ent.is_person:
                    if m_ent.source == "ner":
                        m_ent.source = "signature"  # (a signature line is no heading)
                    handles[tok.text.lower()] = m_ent
                    m_ent.votes["Person"] += 1  # the author of a post: a person, unless
                    # the text says more (a driver's own post)
        # "@AlanQuill": a handle spelling out a person's name is that person's
        people = [e for e in entities if e.is_person and len(e.name.split()) >= 2]
        for tok in at_tokens:
            key = tok.text.lower()
            if key in handles or len(key) < 5:
                continue
            letters = "".join(ch for ch in key if ch.isalpha())
            found = [e for e in people if all(
                "".join(ch for ch in part.lower() if ch.isalpha()) in letters
                for part in e.name.split()[:2])]
            if len(found) == 1:
                handles[key] = found[0]
        if not handles:
            return
        for tok in at_tokens:
            ent = handles.get(tok.text.lower())
            if ent is not None and not taken[tok.i]:
                add_mention(ent, tok.i, tok.i + 1, "handle")

    def _org_short_forms(self, entities) -> dict[str, DocEntity]:
        """Short names of the document's organizations: the name without its last word
        when that word is a suffix ("Kestrel Racing" -> "Kestrel"), "Team X" -> "X",
        and initials ("Kestrel Motor Racing" -> "KMR")."""
        people = {fold(e.name) for e in entities if e.is_person}
        out: dict[str, list[DocEntity]] = {}
        for ent in entities:
            if ent.is_person or ent.type in {"Series", "Track"}:
                continue
            words = ent.name.split()
            forms = []
            if len(words) >= 2:
                low = [w.lower() for w in words]
                if " ".join(low[-2:]) in L.TEAM_SUFFIXES and len(words) >= 3:
                    forms.append(" ".join(words[:-2]))
                if low[-1] in L.TEAM_SUFFIXES or low[-1] in L.ORG_SUFFIXES:
                    forms.append(" ".join(words[:-1]))
                if low[0] in L.TEAM_PREFIXES and len(words) == 2:
                    forms.append(words[1])
                core = _business_core(ent)
                if core:
                    forms.append(core)
                if low[0].endswith(("'s", "’s")) and len(words[0]) >= 5 and \
                        ent.type not in {"Team"}:
                    forms.append(words[0][:-2])  # "<Word>'s" of "<Word>'s Scratch Kitchen"
                if ent.type in {"Team", "Sponsor", "Organization"} and \
                        low[0] not in L.TEAM_PREFIXES and \
                        len(words[0]) >= 4 and words[0] not in self.gaz.first_names and \
                        words[0].isalpha() and low[0] not in L.GENERIC_CAPITALIZED:
                    if ent.type != "Team" and words[0] not in forms:
                        self._place_sensitive.add(words[0])
                    forms.append(words[0])  # "Kestrel" of "Kestrel Speed Group"
                    if words[0].isupper() and len(words[0]) >= 4 and ent.type == "Team":
                        forms.append(words[0].title())  # "Kestrel" of "KESTREL Garage"
                letters = [w[0] for part in words for w in part.split("-") if w[:1].isalpha()]
                if len(letters) >= 3 and ent.type == "Team":
                    forms.append("".join(letters).upper())
            for f in forms:
                if len(f) < 3 or fold(f) in people or f.lower() in L.GENERIC_CAPITALIZED:
                    continue
                if any(fold(f) == fold(p) for p in ()):
                    continue
                out.setdefault(f, []).append(ent)
        return {f: ents[0] for f, ents in out.items() if len(set(map(id, ents))) == 1}

    def _team_context(self, doc, i: int, j: int) -> bool:
        """Whether the name at tokens i..j is used as a team ("Kestrel's No. 14")."""
        k = j
        if k < len(doc) and doc[k].lower_ in {"'s", "’s", "'", "’"}:
            k += 1
        nxt = doc[k].lower_ if k < len(doc) else ""
        prv = doc[i - 1].lower_ if i > 0 else ""
        return nxt in {"no.", "#", "team", "teams", "car", "cars", "driver", "drivers",
                       "teammate", "crew", "engineer", "organization", "program", "shop",
                       "lineup", "entry", "pit", "development", "technical", "co-owner",
                       "owner", "president", "executive", "alliance", "truck", "trucks",
                       "camp", "garage", "stable", "seat", "ride", "sponsor", "vice",
                       "chairman", "ceo", "general", "competition", "teammates", "no",
                       "drivers", "entries", "hauler", "haulers"} or \
            nxt[:1].isdigit() or prv in {"at", "for", "with", "join", "joins", "joined",
                                         "leave", "leaves", "left", "from"} or \
            k < len(doc) and doc[k].text[:1].isupper() and any(
                c.type == "Manufacturer" for c in self.gaz.lookup(doc[k].text))

    def _link_org_short_forms(self, doc, entities, taken, add_mention) -> None:
        import re

        forms = self._org_short_forms(entities)
        text = doc.text
        for form, ent in forms.items():
            if form in self._place_sensitive and any(
                    doc[i].ent_type_ in {"GPE", "LOC", "NORP", "PERSON"}
                    for i in self._by_text.get(form, ())):
                continue  # "Carolina" of "Carolina Crest Roofing": a place too
            pattern = r"(?<![\w-])" + re.escape(form) + r"(?![\w-])"
            for m in re.finditer(pattern, text):
                span = doc.char_span(m.start(), m.end())
                if span is None or any(taken[span.start:span.end]):
                    continue
                if form.isupper() and not span.text.isupper():
                    continue
                add_mention(ent, span.start, span.end, "short")

    def _link_short_forms(self, doc, sents, sent_of, entities, mentions, taken,
                          add_mention, org_short=None) -> None:
        surname: dict[str, list[DocEntity]] = {}
        first: dict[str, list[DocEntity]] = {}
        for ent in entities:
            if not ent.is_person:
                continue
            parts = [p for p in ent.name.replace("’", "'").split() if p]
            parts_core = [p for p in parts if p.lower().rstrip(".") + "." not in
                          {s + "." if not s.endswith(".") else s for s in L.NAME_SUFFIXES}
                          and p.lower() not in L.NAME_SUFFIXES]
            if len(parts_core) < 2:
                continue
            surname.setdefault(parts_core[-1], []).append(ent)
            if len(parts_core) >= 3 and parts_core[-2].lower() in L.NAME_PARTICLES:
                surname.setdefault(" ".join(parts_core[-2:]), []).append(ent)
            first.setdefault(parts_core[0], []).append(ent)
        for nick, ent in getattr(self, "_nicknames", {}).items():
            if " " not in nick:
                first.setdefault(nick, []).append(ent)  # "Doc" of Dave "Doc" X
        if not surname:
            return
        # walk the document in order, remembering where each person was last named
        last_seen: dict[int, int] = {}
        first_seen: dict[int, int] = {}
        bare: set[int] = set()
        starts = {}
        for m in mentions:
            starts.setdefault(m.start, []).append(m)
        for tok in doc:
            for m in starts.get(tok.i, ()):
                last_seen[m.ent] = tok.i
                first_seen.setdefault(m.ent, tok.i)
            if taken[tok.i] or not tok.text[:1].isupper() or not tok.is_alpha:
                continue
            if org_short and tok.text in org_short and \
                    self._team_context(doc, tok.i, tok.i + 1):
                continue
            # ("Suárez" of a registry name written "Suarez": accents aside)
            cands = surname.get(tok.text) or surname.get(strip_accents(tok.text))
            if cands is None:
                cands = first.get(tok.text)
                if cands is None or len(cands) != 1:
                    continue
            # part of a longer capitalized name that is not this person
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if nxt is not None and not taken[nxt.i] and nxt.is_alpha and nxt.text[:1].isupper() \
                    and nxt.pos_ == "PROPN" and sent_of[nxt.i] == sent_of[tok.i]:
                continue
            prv = doc[tok.i - 1] if tok.i > 0 else None
            if prv is not None and not taken[prv.i] and prv.is_alpha and prv.text[:1].isupper() \
                    and prv.pos_ == "PROPN" and not prv.is_sent_start:
                continue
            if self._company_possessive(doc, tok.i, taken):
                continue  # "<Surname>'s Travel Stops": a company's name, not the person's
            ent = self._disambiguate(cands, last_seen, sent_of, tok.i, first_seen, bare)
            if ent is None:
                continue
            add_mention(ent, tok.i, tok.i + 1, "short")
            last_seen[ent.idx] = tok.i
            if len(set(map(id, cands))) > 1:
                bare.add(ent.idx)

    def _brand_after_possessive(self, doc, i: int, k: int) -> bool:
        """Whether "<Word>'s <Cap> <Cap>" from token ``i`` (the capitalized words from
        ``k``) is a company name standing in a sponsor's slot."""
        j = k
        while j < len(doc) and self._capword(doc[j]) and j - k < 4:
            j += 1
        return j > k and self._sponsor_slot(doc[i:j])

    def _known_surnames(self, doc, entities, taken, entity_for, add_mention, org_short):
        doc_words = {w for e in entities for w in e.name.split()}
        for tok in doc:
            cand = self.gaz.surnames.get(tok.text)
            if cand is None and tok.text in self.gaz.listed_surnames and \
                    self._listed_with_people(tok, entities):
                cand = self.gaz.listed_surnames[tok.text]
            in_team = cand is None and tok.text in self.gaz.shared_surnames
            if in_team:
                cand = self._named_in_a_team(self.gaz.shared_surnames[tok.text], entities)
            if cand is None or taken[tok.i] or tok.text in doc_words and not in_team:
                continue
            if tok.pos_ != "PROPN" and (tok.is_sent_start or tok.pos_ != "NOUN"):
                continue  # (a capitalized first word may be a common noun)
            if tok.text in (org_short or {}):
                continue
            if tok.ent_type_ in {"GPE", "LOC", "FAC"} and (
                    tok.i > 0 and doc[tok.i - 1].lower_ in {"in", "near", "outside", "of"} or
                    tok.i + 2 < len(doc) and doc[tok.i + 1].text == "," and
                    doc[tok.i + 2].ent_type_ == "GPE"):
                continue  # a place ("in <Town>", "<Town>, <State>")
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            prv = doc[tok.i - 1] if tok.i > 0 else None
            if nxt is not None and nxt.text[:1].isupper() and nxt.is_alpha and \
                    not nxt.is_sent_start:
                continue  # part of a longer name
            if prv is not None and prv.text[:1].isupper() and prv.is_alpha and \
                    prv.pos_ == "PROPN" and not tok.is_sent_start:
                continue
            if nxt is not None and nxt.text in {"-", "–"} or prv is not None and \
                    prv.text in {"-", "–"}:
                continue  # part of a hyphenated name ("<Word>-Haas")
            if self._company_possessive(doc, tok.i, taken):
                continue  # "<Word>'s Travel Stops": a company's name
            k = tok.i + 1
            if k < len(doc) and doc[k].lower_ in {"'s", "’s"}:
                k += 1
            if k < len(doc) and doc[k].lower_ in {
                    "team", "teams", "organization", "program", "shop", "development",
                    "technical", "alliance", "camp", "stable", "garage", "lineup"} or \
                    prv is not None and prv.lower_ in {"for", "join", "joins", "joined"} \
                    and k == tok.i + 1:
                continue  # "<Word>'s team", "drove for <Word>": a team's short name
            if k == tok.i + 2 and self._brand_after_possessive(doc, tok.i, k):
                continue  # "with <Word>'s Travel Stops on board": a company's name
            ent = entity_for(cand.name, cand.type, True, cand.source)
            add_mention(ent, tok.i, tok.i + 1, "short")

    def _shared_surnames(self, doc, entities, taken, entity_for, add_mention) -> None:
        """The first name before "and <First> <Last>" is the person <First'> <Last> (a
        couple, brothers): a known person by that name, or a new one when the word is a
        known first name and no one else of the document ("Erik and John Hunter": Erik
        named in full before)."""
        people = [e for e in entities if e.is_person]
        firsts = {e.name.split()[0] for e in people}
        for ent in people:
            rest = ent.name.split()[1:]
            for m in list(ent.mentions):
                i = m.start - 2
                if m.kind != "name" or m.end - m.start < 2 or i < 0 or taken[i] or \
                        doc[i + 1].lower_ not in {"and", "&"} or not doc[i].is_alpha or \
                        not doc[i].text[:1].isupper():
                    continue
                full = " ".join([doc[i].text, *rest])
                known = [c for c in self.gaz.lookup(full) if c.type in PERSON_TYPES]
                if known:
                    cand = self._choose(known)
                    add_mention(entity_for(cand.name, cand.type, True, cand.source), i, i + 1,
                                "short")
                elif doc[i].text in self.gaz.first_names and doc[i].text not in firsts and \
                        fold(clean_name(doc[m.start:m.end].text)) == fold(ent.name):
                    add_mention(entity_for(full, "Person", False, "ner"), i, i + 1, "short")

    @staticmethod
    def _named_in_a_team(cands, entities):
        """Of the known people sharing a surname, the one whose full name the document
        writes inside a team's name ("<First> <Surname> Motorsports"): the "<Surname>"
        the article then speaks of, when none of them is named in full."""
        named = {fold(e.name) for e in entities}
        if any(fold(c.name) in named for c in cands):
            return None
        teams = [fold(e.name) for e in entities if e.type == "Team"]
        found = [c for c in cands if any(t.startswith(fold(c.name) + " ") for t in teams)]
        return found[0] if len(found) == 1 else None

    @staticmethod
    def _listed_with_people(tok, entities) -> bool:
        """Whether ``tok`` is a conjunct of a list whose other members name people
        ("Larson, Elliott, Byron and <tok> are back")."""
        people = {m.root for e in entities if e.is_person for m in e.mentions}
        others = conjuncts(tok)
        return tok.dep_ == "conj" and len(others) >= 2 and all(t.i in people for t in others)

    @staticmethod
    def _company_possessive(doc, i: int, taken) -> bool:
        """Whether the word at ``i`` opens a company's name with a possessive ("<Word>'s
        Travel Stops", "<Word>'s Scratch Kitchen"): two capitalized words no known name
        takes follow its "'s"."""
        k = i + 2
        if k + 1 >= len(doc) or doc[i + 1].text not in {"'s", "’s"}:
            return False
        return all(doc[j].is_alpha and doc[j].text[:1].isupper() and not taken[j] and
                   not doc[j].is_sent_start for j in (k, k + 1))

    @staticmethod
    def _tail_of(key: str, entities) -> DocEntity | None:
        """The one person of the document whose full name ends with the words of this
        shorter name ("Earnhardt Jr." of "Dale Earnhardt Jr.", "Van Gisbergen" of "Shane van
        Gisbergen"): the same person, not another."""
        if len(key.split()) < 2:
            return None
        found = {e.idx for e in entities if e.is_person and fold(e.name).endswith(" " + key)}
        return entities[found.pop()] if len(found) == 1 else None

    @staticmethod
    def _disambiguate(cands, last_seen, sent_of, i, first_seen=None, bare=None):
        """Which of the people sharing a surname a bare surname names. Writers give the
        bare surname to one of them (the article's subject, named first) and the full
        name to the other; when both were introduced together, the one named last
        within the last sentences, else nobody."""
        unique = list(dict.fromkeys(cands))
        if len(unique) == 1:
            return unique[0]
        seen = sorted(((last_seen[c.idx], c) for c in unique if c.idx in last_seen),
                      key=lambda x: -x[0])
        if not seen:
            return None
        if first_seen is not None and len(seen) > 1:
            used = [c for _, c in seen if c.idx in (bare or ())]
            if len(used) == 1:
                return used[0]  # the one the writer already calls by the surname
            firsts = sorted(((first_seen.get(c.idx, last_seen[c.idx]), c) for _, c in seen),
                            key=lambda x: x[0])
            (p0, c0), (p1, _) = firsts[0], firsts[1]
            together = sent_of[p0] == sent_of[p1] and p1 - p0 <= 5  # "A X and B X"
            if not together and not used:
                return c0  # the one introduced first
        best_pos, best = seen[0]
        if sent_of[i] - sent_of[best_pos] > 3:
            return None
        if len(seen) > 1 and sent_of[seen[1][0]] == sent_of[best_pos]:
            return None
        return best

    @staticmethod
    def _propn_runs(doc):
        """Runs of 2-3 capitalized words ending in a proper noun (possible names)."""
        def ok(t):
            return t.is_alpha and t.text[0].isupper() and not t.is_stop and \
                t.lower_ not in L.GENERIC_CAPITALIZED and t.pos_ in {"PROPN", "NOUN", "ADJ"} \
                and t.lower_ not in L.DESCRIPTOR_WORDS and t.lower_ not in L.SENTENCE_OPENERS

        runs, i, n = [], 0, len(doc)
        while i < n:
            if ok(doc[i]):
                j = i + 1
                while j < n and ok(doc[j]) and not doc[j].is_sent_start and j - i < 4:
                    j += 1
                if 2 <= j - i <= 3 and doc[j - 1].pos_ == "PROPN" and \
                        doc[i:j].text.lower() not in L.NOT_NAMES:
                    if i >= 2 and doc[i - 1].text in {"'s", "’s"} and \
                            doc[i - 2].text[:1].isupper() and doc[i - 2].is_alpha and \
                            doc[j - 1].lower_ in L.ORG_SUFFIXES:
                        runs.append((i - 2, j))  # "<Word>'s Scratch Kitchen"
                    else:
                        runs.append((i, j))
                i = j
            else:
                i += 1
        return runs

    def _is_person(self, doc, occ) -> bool:
        """Whether NER spans of one name (all its occurrences) name a person."""
        score = 0
        s0, e0, _ = occ[0]
        words = doc[s0:e0]
        if len(words) < 2 or len(words) > 4 or not all(
                t.is_alpha or t.text in {"-", "."} or "." in t.text or "'" in t.text
                or "’" in t.text for t in words):
            return False
        last_low = words[-1].lower_
        if last_low in L.ORG_SUFFIXES or last_low in L.TEAM_SUFFIXES or \
                last_low in L.TRACK_SUFFIXES:
            return False
        if s0 > 0 and any(c.type == "Manufacturer" for c in self.gaz.lookup(doc[s0 - 1].text)):
            return False  # a model after its make ("<make> <Model> XSE")
        if words[0].text in self.gaz.first_names:
            score += 2
        for s, e, label in occ:
            score += 1 if label == "PERSON" else 0 if label == "PROPN" else -1
            if e + 1 < len(doc) and doc[e].text == "," and doc[e + 1].ent_type_ == "GPE" or \
                    s >= 2 and doc[s - 1].lower_ == "of" and doc[s - 2].lower_ in {
                        "native", "hometown", "city", "town", "outside", "suburb"}:
                score -= 4  # "a native of <Town>, <State>"
            prev = [t.lower_ for t in doc[max(0, s - 2):s]]
            if prev and (prev[-1] in L.ROLE_DRIVER | L.ROLE_OWNER | L.ROLE_PERSON or
                         " ".join(prev[-2:]) in L.ROLE_CREW_CHIEF):
                score += 3
            nxt = [t.lower_ for t in doc[e:e + 2]]
            if nxt[:1] in (["who"], ["whom"]) or nxt[:2] in ([",", "who"], [",", "whose"]):
                score += 2
            if nxt[:1] == ["which"] or nxt[:2] == [",", "which"]:
                score -= 2
            root = doc[s:e].root
            if root.dep_ in {"nsubj"} and root.head.lemma_.lower() in L.PERSON_VERBS:
                score += 1
            if self._carried_as_sponsor(doc[s:e]):
                score -= 6  # "will carry <X> and <Y> as co-primary partners"
            elif root.dep_ == "dobj" and root.head.lemma_.lower() in {"sponsor", "back"}:
                score += 2  # a company sponsors; the one sponsored is a driver (or a team)
            elif self._org_cue(doc, s, e) == "Sponsor":
                score -= 2
            if self._sponsor_slot(doc[s:e]):
                score -= 4
            # "Y's company, <X>", "<X>, Y's longtime backer": a company
            near = [root.head] if root.dep_ == "appos" else []
            near += [c for c in root.children if c.dep_ == "appos"]
            if any(_company_noun(n) for n in near):
                score -= 4
            elif (self._said_roles(doc, root) - L.COMPANY_NOUNS) & self.PERSON_ROLES:
                score += 3  # "<X>, the team's lead engineer", "<X>, who spots for Y"
            # "A, B and <X>" beside people: a person
            if root.dep_ == "conj" and root.head.ent_type_ == "PERSON" or any(
                    c.dep_ == "conj" and c.ent_type_ == "PERSON" for c in root.children):
                score += 2
            if any(self._known_company(t) for t in conjuncts(root)):
                score -= 3  # "<Known brand> and <X> return as sponsors": a company
        # the surname used alone as a person ("Trent said")
        last = words[-1].text
        spans = {(s, e) for s, e, _ in occ}
        alone = verb = False
        for i in self._by_text.get(last, ()):
            tok = doc[i]
            if any(s <= tok.i < e for s, e in spans):
                continue
            if tok.i + 1 < len(doc) and doc[tok.i + 1].text[:1].isupper():
                continue
            if tok.i > 0 and doc[tok.i - 1].text[:1].isupper() and not tok.is_sent_start:
                continue
            alone = True
            if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in L.PERSON_VERBS:
                verb = True
        score += 2 * alone + verb
        return score >= 1

    def _known_company(self, tok) -> bool:
        """Whether the word heads a name the gazetteer knows as a sponsor or company, or
        a name whose last word is a company's ("<X> Tires", "<X> Logistics")."""
        words = [t for t in tok.subtree if t.i <= tok.i and t.text[:1].isupper()] or [tok]
        text = tok.doc[words[0].i:tok.i + 1].text
        if tok.lower_ in L.ORG_SUFFIXES and len(words) > 1:
            return True
        return any(c.type in {"Sponsor", "Organization"} for c in self.gaz.lookup(text))

    def _plausible_org(self, doc, s, e, label) -> bool:
        words = doc[s:e]
        if label in {"GPE", "FAC", "NORP"}:
            return False
        if len(words) == 1:
            t = words[0]
            if t.lower_ in L.GENERIC_CAPITALIZED:
                return False
            # acronyms and single names need a sponsor or organization cue around them
            return self._org_cue(doc, s, e) is not None or _on_a_car(doc, e) or \
                self._company_appos(words)
        if label == "PRODUCT":
            return self._org_cue(doc, s, e) == "Sponsor" or _on_a_car(doc, e)
        if label == "PERSON":
            # a name the NER took for a person's but the context did not: an organization
            # only with an organization's word or cue
            return words[-1].lower_ in L.ORG_SUFFIXES or self._org_cue(doc, s, e) is not None \
                or self._company_appos(words) or self._carried_as_sponsor(words)
        return True

    @staticmethod
    def _org_cue(doc, s, e) -> str | None:
        sent = doc[s].sent
        lo, hi = max(sent.start, s - 4), min(sent.end, e + 4)
        root = doc[s:e].root
        # (the verb of which the name is the object: "X sponsored <Y>" is no cue for Y)
        gov = root.head.i if root.dep_ == "dobj" and root.head.pos_ == "VERB" else -1
        window = {t.lower_ for t in doc[lo:s] if t.i != gov} | {t.lower_ for t in doc[e:hi]}
        lemmas = {t.lemma_.lower() for t in doc[lo:hi] if t.i != gov}
        if window & L.SPONSOR_STRONG or "sponsor" in lemmas or (
                L.PARTNER_MODIFIERS & window and {"partner", "partners", "sponsor"} & window):
            return "Sponsor"
        if window & L.MEDIA_CUES or ({"told", "to"} <= window):
            return "Organization"
        return None

    PERSON_ROLES = L.ROLE_DRIVER | L.ROLE_OWNER | L.ROLE_PERSON | L.FAMILY_WORDS | {
        "crew chief"}

    SPONSOR_CUES = frozenset({
        "sponsor", "sponsors", "sponsored", "sponsoring", "sponsorship", "backed", "backs",
        "back", "colors", "colours", "livery", "partner", "partnership", "backer", "hood",
        "scheme", "paint", "board"})
    SPONSOR_HEADS = frozenset({"colors", "colours", "livery", "scheme", "logo", "logos",
                               "decals", "paint"})

    @staticmethod
    def _company_appos(run) -> bool:
        """"<X>, a longtime primary sponsor of ...", "Y's company, <X>"."""
        root = run.root
        near = [root.head] if root.dep_ == "appos" else []
        near += [c for c in root.children if c.dep_ == "appos"]
        return any(_company_noun(n) for n in near)

    @staticmethod
    def _sponsor_noun(t) -> bool:
        """"sponsor", "backer", "primary partner" (a partner needs its modifier)."""
        low = t.lower_
        if low in {"sponsor", "sponsors", "sponsorship", "backer", "backers"}:
            return True
        return low in {"partner", "partners"} and any(
            c.lower_ in L.SPONSOR_PARTNER_MODIFIERS for c in t.children)

    @staticmethod
    def _sponsor_slot(run) -> bool:
        """Whether the run stands where only a sponsor stands: carried by a car ("Y's
        No. 98 will carry <X> and <Z> as co-primary partners", "the No. 13 has <X>
        back"), riding with a driver on the car ("begins his season with <X> on the
        No. 88", "in the No. 52 <make> with <X>", "with <X> on board"), or sharing a
        sponsor's schedule ("the anchor partner, with <X> and <Z> sharing the
        balance")."""
        root = first_conjunct(run.root)
        return EntityLinker._rides_with(run, root) or EntityLinker._carried(root)

    @staticmethod
    def _rides_with(run, root) -> bool:
        """"with <X> on the No. 88 / on board", "the No. 52 <make> with <X>", "the
        anchor partner, with <X> and <Z> sharing ..."."""
        doc = run.doc
        after = [t.lower_ for t in doc[run.end:run.end + 3]]
        if root.dep_ == "pobj" and root.head.lower_ == "with" and after[:1] == ["on"] and (
                after[1:2] == ["board"] or after[1:2] in (["the"], ["his"], ["her"]) and
                run.end + 2 < len(doc) and _car_word(doc[run.end + 2])):
            return True
        with_ = root.head if root.dep_ == "pobj" else root.head.head if \
            root.dep_ == "nsubj" and root.head.dep_ == "pcomp" else None
        return with_ is not None and with_.lower_ == "with" and (
            EntityLinker._sponsor_noun(with_.head) or with_.head.pos_ == "PROPN" and
            any(c.text in {"No.", "No", "#"} for c in with_.head.children))

    @staticmethod
    def _carried(root) -> bool:
        """"carry <X> as co-primary partners", "the No. 13 has <X> back"."""
        if root.dep_ != "dobj":
            return False
        verb = root.head
        if any(c.dep_ == "prep" and c.lower_ == "as" and any(
                EntityLinker._sponsor_noun(p) for p in c.children if p.dep_ == "pobj")
               for c in verb.children):
            return True
        return verb.lemma_.lower() in L.CAR_CARRY_VERBS and any(
            c.dep_ in {"nsubj", "nsubjpass"} and (_car_word(c) or any(
                _car_word(g) for g in c.children if g.dep_ in {"nummod", "compound"}))
            for c in verb.children)

    def _sponsor_apposed(self, run) -> bool:
        """Surface forms the parser often breaks: "(longtime) partner <X>", "sponsor
        <X>", "<X> returns as the car's anchor partner"."""
        doc = run.doc
        before = doc[max(0, run.start - 2):run.start]
        if before and (before[-1].lower_ in {"sponsor", "sponsors", "backer"} or
                       before[-1].lower_ in {"partner", "partners"} and len(before) == 2 and
                       before[0].lower_ in L.SPONSOR_PARTNER_MODIFIERS):
            return True
        after = doc[run.end:min(len(doc), run.end + 8)]
        if len(after) < 3 or after[0].lower_ not in {"returns", "continues", "remains",
                                                     "stays", "serves", "comes"}:
            return False
        k = next((t.i for t in after if t.lower_ == "as"), None)
        if k is None or k > run.end + 3:
            return False
        return any(self._sponsor_noun(t) for t in doc[k + 1:min(len(doc), k + 6)])

    def _carried_as_sponsor(self, run) -> bool:
        """Whether the run is what a car carries or a team names as its sponsor: "will
        carry <A> and <B> as co-primary partners", "<A> was named primary sponsor" (no
        person is, whatever the NER says)."""
        first = run.root
        while first.dep_ == "conj" and first.head.i < first.i:
            first = first.head
        if first.dep_ not in {"dobj", "nsubjpass"}:
            return False
        return any(a.dep_ in {"prep", "oprd", "attr"} and (
            self._sponsor_noun(a) or a.lower_ == "as" and any(
                p.dep_ == "pobj" and self._sponsor_noun(p) for p in a.children))
            for a in first.head.children)

    def _strong_sponsor_cue(self, doc, run, j) -> bool:
        """Whether the parse makes the run a sponsor on its own: "<S> colors", "the colors
        of <S>", "<S> will return as a primary partner", "<S>, which served as primary
        sponsor", "<S>, his longtime backer"."""
        root = run.root
        if root.dep_ in {"compound", "poss", "nmod", "amod"} and \
                root.head.lower_ in self.SPONSOR_HEADS:
            return True
        if root.dep_ == "pobj" and root.head.lower_ == "of" and \
                root.head.head.lower_ in self.SPONSOR_HEADS:
            return True  # "carried the colors of <S>", "the livery of <S>"
        if _on_a_car(doc, j) or self._sponsor_slot(run) or self._sponsor_apposed(run):
            return True  # "<S> on the 88", "with <S> on board", "partner <S>"
        if self._company_appos(run) and root.dep_ == "nsubj" and root.head.lemma_.lower() in {
                "back", "sponsor", "support", "fund"}:
            return True  # "<X>, the home-improvement chain ..., has backed Y"
        if root.dep_ == "appos" and self._sponsor_noun(root.head):
            return True
        if any(c.dep_ == "appos" and self._sponsor_noun(c) for c in root.children):
            return True
        clauses = [c for c in root.children if c.dep_ == "relcl"]
        if root.dep_ in {"nsubj", "nsubjpass"}:
            clauses.append(root.head)
        elif root.dep_ == "appos" and root.head.dep_ in {"nsubj", "nsubjpass"}:
            clauses.append(root.head.head)  # "Y's company, <X>, will become the sponsor"
        for clause in clauses:
            for t in clause.subtree:
                if t.i >= j and self._sponsor_noun(t):
                    return True  # "which will not return as a primary sponsor": one still
                if t.i >= j and t.dep_ == "prep" and t.lower_ == "on" and t.head.i == \
                        clause.i and clause.lemma_ in {"be", "remain", "stay", "return"} and \
                        any(_car_word(p) for p in t.children if p.dep_ == "pobj"):
                    return True  # "<S>, which has been on the 48", "<S> was on the hood"
        return False

    def _sponsor_runs(self, doc, taken):
        """Capitalized runs ("Polar Peak Water", "ZENTRIX", "Fuel 9",
        "QuillCars.com") that a sponsorship word governs in their sentence."""
        cues = self.SPONSOR_CUES
        out = []
        for sent in doc.sents:
            words = {t.lower_ for t in sent}
            cued = words & cues or any(t.lower_ == "on" and _on_a_car(doc, t.i) for t in sent) \
                or any(t.lower_ == "partners" and t.head.lower_ == "as" for t in sent) or any(
                    t.lower_ == "on" and t.i + 2 < sent.end and doc[t.i + 1].lower_ == "the"
                    and (doc[t.i + 2].like_num or doc[t.i + 2].lower_ in {"no", "no.", "hood"})
                    for t in sent)
            if not cued and not words & {"no", "no.", "#"}:
                continue  # (a car number: only a name in a sponsor's slot, below)
            i = sent.start
            while i < sent.end:
                t = doc[i]
                if taken[i] or not self._capword(t) or t.lower_ in L.DESCRIPTOR_WORDS:
                    i += 1
                    continue
                j = i + 1
                while j < sent.end and not taken[j] and (
                        self._capword(doc[j]) or doc[j].like_num and j == i + 1
                        or doc[j].text in {"-", "'s", "’s"} and j + 1 < sent.end and
                        self._capword(doc[j + 1]) and not taken[j + 1]):
                    j += 1  # "Polar Peak Water", "<Word>'s Scratch Kitchen"
                run = doc[i:j]
                if not cued and not self._sponsor_slot(run):
                    i = j
                    continue
                weak = len(run) == 1 and not (
                    t.is_upper and len(t.text) >= 3 or ".com" in t.lower_)
                weak = weak or (t.is_sent_start and len(run) == 1)
                ok = len(run) <= 5
                org_word = run[-1].lower_ in L.ORG_SUFFIXES
                if ok and not org_word and not self._carried_as_sponsor(run) and (
                        run[0].text in self.gaz.first_names or any(
                        x.ent_type_ == "PERSON" for x in run) and not (
                        (len(run) == 1 or self._company_appos(run) or
                         self._sponsor_slot(run)) and
                        self._strong_sponsor_cue(doc, run, j))):
                    ok = False  # a person's name
                if ok and len(run) == 1 and (len(t.text) < 3 or t.lower_ in
                                             L.GENERIC_CAPITALIZED or self.gaz.lookup(t.text)):
                    ok = False
                if ok and org_word and len(run) >= 2:
                    out.append((i, j))
                    i = j
                    continue
                if ok and (self._strong_sponsor_cue(doc, run, j) or
                           self._carried_as_sponsor(run)):
                    out.append((i, j))
                elif ok and not weak and not (
                        run.root.dep_ == "dobj" and run.root.head.lemma_.lower() in {
                            "sponsor", "back", "support", "fund"}):
                    # (the one sponsored is no sponsor: "X sponsored <Y> at T")
                    root = run.root
                    near = {root.head.lower_, root.head.head.lower_, root.lower_} | {
                        c.lower_ for c in root.children}
                    gov = root.head
                    lemmas = {gov.lemma_.lower(), gov.head.lemma_.lower()}
                    nxt = doc[j:j + 3].text.lower()
                    if near & cues or lemmas & {"sponsor", "back", "partner", "carry",
                                                "serve", "become", "join", "sign"} or \
                            nxt.startswith(", which") or nxt.startswith(", the primary") or \
                            nxt.startswith(", a "):
                        out.append((i, j))
                i = j
        return out

    def _car_name_runs(self, doc, entities, mentions, taken):
        """Capitalized words between a car number (or "the", "his") and a make: "the No. 13
        <COMPANY> <make>", "the <Company Name> <make>" (a team's short name is no sponsor)."""
        out = []
        people_words = {w for e in entities if e.is_person for w in e.name.split()}
        for m in list(mentions):
            if entities[m.ent].type != "Manufacturer":
                continue
            j = m.start - 1
            while j >= 0 and m.start - j <= 4 and not taken[j] and not doc[j].is_sent_start \
                    and (self._capword(doc[j]) or (doc[j].text in {"&", "-"} or j == m.start - 1
                                                   and doc[j].text in {"'s", "’s"}) and
                         j - 1 >= 0 and self._capword(doc[j - 1]) or doc[j].like_num and j - 1 >= 0
                         and self._capword(doc[j - 1]) and not taken[j - 1]):
                j -= 1  # ("<Company> 1 <make>", "<Company>'s <make>")
            start = j + 1
            if start >= m.start or j < 0 or doc[start].text in {"&", "-", "'s", "’s"}:
                continue
            run = doc[start:m.start]
            prev = doc[j]
            numbered = prev.like_num and j >= 1 and doc[j - 1].text in {".", "No.", "#", "No"}
            if not numbered and prev.lower_ not in {"the", "his", "her", "their", "its", "'s",
                                                    "’s"}:
                continue
            if not numbered and len(run) == 1 and not (run[0].is_upper and len(run[0]) >= 3):
                continue
            first = run[0].text
            if first.lower() in self.gaz.team_words or first in self.gaz.first_names or \
                    first in people_words or self._person_inside(run):
                continue
            if all(t.lower_ in L.GENERIC_CAPITALIZED or not t.is_alpha for t in run):
                continue
            if len(self.gaz.lookup(run.text)) == 0 and any(
                    self.gaz.lookup(t.text) for t in run if t.is_alpha):
                continue  # a known name inside ("the Cup Series <make>")
            out.append((start, m.start))
        return out

    @staticmethod
    def _nickname_spans(doc):
        """``(start, quote_close, end)`` of "First “Nick” Last" names."""
        out = []
        opens = {"“", '"', "‘", "'", "``"}
        closes = {"”", '"', "’", "'", "''"}
        n = len(doc)
        for i in range(n - 4):
            a = doc[i]
            if not (a.is_alpha and a.text[:1].isupper()) or doc[i + 1].text not in opens:
                continue
            j = i + 2
            while j < n and j - i <= 4 and doc[j].is_alpha and doc[j].text[:1].isupper():
                j += 1
            if j == i + 2 or j >= n - 1 or doc[j].text not in closes:
                continue
            last = doc[j + 1]
            if not (last.is_alpha and last.text[:1].isupper()) or last.is_stop:
                continue
            out.append((i, j, j + 2))
        return out

    @staticmethod
    def _track_word(doc, start: int, end: int) -> bool:
        """Whether a one-word track name (a city) names the track here: not in "the <City>
        500", "<City>-based", "the <City> Bulletin", "a <City> investor group", nor as
        where someone comes from ("from <State>", "from <Town>, <State>")."""
        if end - start != 1:
            return True
        before = [t.lower_ for t in doc[max(0, start - 4):start]]
        if before[-1:] == ["from"] or before[-1:] == [","] and "from" in before:
            return False
        if end >= len(doc):
            return True
        nxt = doc[end]
        if nxt.is_lower and nxt.lemma_ in L.PLACE_HEADS:
            return False
        return not (nxt.like_num or nxt.text in {"-", "–"} or nxt.is_alpha and
                    nxt.text[:1].isupper() and not nxt.is_sent_start and
                    "\n" not in doc[start].whitespace_)

    @staticmethod
    def _credit(doc, i: int) -> bool:
        """Whether token ``i`` opens a name in a photo credit ("(Photo by X/Getty Images)")."""
        before = [t.lower_ for t in doc[max(0, i - 3):i]]
        return before[-2:] in (["photo", "by"], ["photos", "by"], ["photograph", "by"],
                               ["photographer", ","]) or before[-1:] == ["photographer"] or \
            before[-2:] == ["credit", ":"]

    @staticmethod
    def _person_inside(run) -> bool:
        """Whether the NER marks a person's full name within the run (not a wider span
        that also takes in the words around it: "Y's <COMPANY> <make>"; not one word of a
        brand: "<Word> Lite")."""
        doc = run.doc
        for ent in doc.ents:
            if ent.label_ == "PERSON" and run.start <= ent.start and ent.end <= run.end and \
                    (ent.end - ent.start >= 2 or len(run) == 1):
                return True
        return False

    @staticmethod
    def _capword(t) -> bool:
        text = t.text
        if not text or t.is_space or t.is_punct:
            return ".com" in text.lower()
        if t.is_stop and not t.is_upper:
            return False
        if t.lower_ in L.GENERIC_CAPITALIZED or t.like_num and not t.is_alpha:
            return False
        return text[0].isupper() and (any(c.isalpha() for c in text))

    @staticmethod
    def _sentence_sponsor_cue(sent) -> bool:
        words = {t.lower_ for t in sent}
        return bool(words & L.SPONSOR_STRONG or words & {"colors", "colours", "backed",
                                                          "backer", "partnership"}
                    or L.PARTNER_MODIFIERS & words and {"partner", "partners", "sponsor"} & words)

    @staticmethod
    def _org_supported(ent) -> bool:
        return ent.votes.get("Sponsor", 0) > 0 or ent.votes.get("Organization", 0) > 0 \
            or len(ent.mentions) >= 2 or len(ent.name.split()) >= 2

    def _vote_person(self, doc, m: EntMention, votes: Counter, before: list[str],
                     role_words: list[str]) -> None:
        """Votes for a person's type from the role words around one mention: before it
        ("crew chief X", "rookie X", "team owner X"), in an apposition ("X, the No. 24's
        lead engineer") and in what the sentence says X is (:meth:`_said_roles`)."""
        before2 = " ".join(before[-2:])
        role_text = " ".join(role_words)
        root = doc[m.root]
        said = self._said_roles(doc, root)
        crew_chief = before2 in L.ROLE_CREW_CHIEF or "crew chief" in role_text or \
            "crew chief" in said or self._as_crew_chief_after(doc, m)
        if crew_chief:
            votes["CrewChief"] += 3
        elif self._with_a_car(root):
            votes["CrewChief"] += 2
        if before and before[-1] in L.ROLE_DRIVER or \
                any(w in L.ROLE_DRIVER for w in role_words[:4]) or said & L.ROLE_DRIVER:
            votes["Driver"] += 2
        person_words = L.ROLE_OWNER | L.ROLE_PERSON
        if before and before[-1] in person_words and before2 not in L.ROLE_CREW_CHIEF or \
                m.start > 0 and doc[m.start - 1].text == "By":
            votes["Person"] += 2  # ("By X": the byline's writer)
        if (any(w in person_words for w in role_words[:4]) or said & person_words) and \
                not crew_chief:
            votes["Person"] += 2
        # "X, Y's father", "his sister, X": a relative, unless a role says more
        if before and before[-1] in L.FAMILY_WORDS or \
                any(w in L.FAMILY_WORDS for w in role_words[:4]) or said & L.FAMILY_WORDS:
            votes["Relative"] += 1
        if root.dep_ in {"nsubj", "nsubjpass"} and root.head.lemma_ in {
                "drive", "race", "win", "finish", "qualify", "lead", "crash", "spin",
                "pit", "pass", "wreck", "debut", "compete", "pilot", "sweep"}:
            votes["Driver"] += 1
        sent = doc[m.start].sent
        window = [t.text for t in doc[max(sent.start, m.start - 6):min(sent.end, m.end + 4)]]
        if "No." in window or "#" in window:
            votes["Driver"] += 1
        elif root.dep_ == "nsubj" and any(
                t.text in {"No.", "#"} or t.lower_ == "wheel" for t in root.head.subtree
                if not root.left_edge.i <= t.i <= root.right_edge.i):
            votes["Driver"] += 1  # "X, who co-owns the team, returns ... behind the wheel"

    @staticmethod
    def _with_a_car(root) -> bool:
        """"will drive the No. 71 <make> with X", "the No. 2 <sponsor> <make> with X":
        the person a preview pairs with a numbered car is its crew chief."""
        if root.dep_ != "pobj" or root.head.lower_ != "with":
            return False
        car = root.head.head
        if car.pos_ in {"VERB", "AUX"}:  # (the parser may hang the with-phrase on "drive")
            car = next((c for c in car.children if c.dep_ == "dobj"), car)
        return car.pos_ in {"NOUN", "PROPN"} and any(
            t.text in {"No.", "No", "#"} for t in car.subtree if t.i < root.head.i)

    @staticmethod
    def _as_crew_chief_after(doc, m: EntMention) -> bool:
        """"with X as crew chief", "X calling the shots as crew chief": the role given by
        an as-phrase right after the name, read on the surface as the parser hangs it
        anywhere. Not when another name comes first ("A won with B as crew chief") nor
        in "as crew chief Y" naming someone else."""
        sent = doc[m.start].sent
        for i in range(m.end, min(sent.end, m.end + 5)):
            t = doc[i]
            if t.is_punct or t.pos_ == "PROPN":
                return False
            if t.lower_ != "as":
                continue
            k = i + 1
            if k < sent.end and doc[k].lower_ in {"the", "his", "her", "their", "its"}:
                k += 1
            nxt = doc[k + 2] if k + 2 < sent.end else None
            return k + 1 < sent.end and doc[k].lower_ == "crew" and \
                doc[k + 1].lower_ == "chief" and (nxt is None or nxt.pos_ != "PROPN")
        return False

    @staticmethod
    def _said_roles(doc, root) -> set[str]:
        """Role nouns the sentence gives the person at ``root``: the heads of appositions
        ("X, the No. 24's lead race engineer"), what X is or becomes ("X will be my crew
        chief"), what X is made ("promoted X to crew chief", "hired X as spotter"), what
        X does in a relative clause ("X, who spots for Y" -> spotter, "who owns",
        "who drives", "who crew chiefs the No. 54"), and the owners of "co-owned by A and
        B" / "co-owns the team with B". "crew chief" stands for that role."""
        out: set[str] = set()

        def noun(t) -> None:
            low = t.lower_
            if low in {"chief", "chiefs"} and any(c.lower_ == "crew" for c in t.children) or \
                    low in L.ROLE_CREW_CHIEF:
                out.add("crew chief")
            else:
                out.add(low)

        for c in root.children:
            if c.dep_ == "appos" and c.pos_ != "PROPN":
                noun(c)
            elif c.dep_ == "relcl":
                if c.lower_ in {"chief", "chiefs", "chiefed", "chiefing"}:
                    out.add("crew chief")  # "who crew chiefs the No. 54"
                out.update(L.VERB_ROLES.get(c.lemma_.lower(), ()))
                for a in c.children:
                    if a.dep_ in {"attr", "oprd"}:
                        noun(a)
        head = root.head
        if root.dep_ == "nsubj":  # "X spots for Y", "X writes about NASCAR", "X owns ..."
            out.update(r for r in L.VERB_ROLES.get(head.lemma_.lower(), ())
                       if r not in L.ROLE_DRIVER)
        if root.dep_ == "nsubj" and head.lemma_ in {"be", "become", "remain", "serve"}:
            for a in head.children:
                if a.dep_ in {"attr", "oprd"}:
                    noun(a)
                elif a.dep_ == "prep" and a.lower_ == "as":
                    for p in a.children:
                        if p.dep_ == "pobj":
                            noun(p)
        if root.dep_ in {"dobj", "nsubjpass"}:
            for a in head.children:
                if a.dep_ in {"oprd", "xcomp"} and "crew chief" in " ".join(
                        t.lower_ for t in list(a.subtree)[:4]):
                    out.add("crew chief")  # "promoted X to crew chief" (read as a verb)
                elif a.dep_ == "oprd":
                    noun(a)
                elif a.dep_ == "prep" and a.lower_ in {"as", "to"} and head.lemma_ not in {
                        "talk", "speak", "say", "listen", "send", "give", "lose"}:
                    for p in a.children:
                        if p.dep_ == "pobj" and p.lower_ in {"chief", "chiefs"} | L.ROLE_PERSON:
                            noun(p)
        first = root
        for _ in range(4):  # "co-owned by A, B and C", "by former <role> X and <role> Y"
            if first.dep_ not in {"conj", "appos", "nmod"} or first.head.i == first.i:
                break
            first = first.head
        if first.dep_ == "pobj" and first.head.lower_ in {"by", "with"} and \
                first.head.head.lower_ in L.OWNING_FORMS:
            out.add("owner")
        return out

    @staticmethod
    def _list_title(doc, root, sent) -> list[str]:
        """The words before the first of "co-owners A and B", "crew chiefs A, B and C":
        a plural title names every member of the list after it."""
        first = root
        while first.dep_ == "conj" and first.head.i < first.i:
            first = first.head
        own = root.left_edge.i
        if first.i == root.i or own == 0 or doc[own - 1].lower_ not in {"and", ","}:
            return []  # (not "A and crew chief B": B has a title of its own)
        start = first.left_edge.i
        words = [t.lower_ for t in doc[max(sent.start, start - 3):start]]
        return words if words and words[-1].endswith("s") and words[-1][:1].isalpha() \
            else []  # (a plural, not the "'s" of "<team>'s A and B")

    def _vote_types(self, doc, ent: DocEntity) -> None:
        votes = ent.votes
        for m in ent.mentions:
            span = doc[m.start:m.end]
            sent = span.sent
            before = [t.lower_ for t in doc[max(sent.start, m.start - 3):m.start]]
            before = self._list_title(doc, doc[m.root], sent) or before
            root = doc[m.root]
            appos = [c for c in root.children if c.dep_ == "appos" and c.pos_ != "PROPN"]
            if root.dep_ == "appos" and root.head.pos_ != "PROPN":
                appos.append(root.head)  # (not another name the parse put beside it)
            # "X, who drives ..." / "X, the crew chief"
            role_words = [t.lower_ for a in appos for t in a.subtree if t.i < m.start or
                          t.i >= m.end][:8]
            if ent.type in PERSON_TYPES:
                self._vote_person(doc, m, votes, before, role_words)
            else:
                cue = self._org_cue(doc, m.start, m.end) or (
                    "Sponsor" if _on_a_car(doc, m.end) else None)
                if cue:
                    votes[cue] += 2
                elif self._sentence_sponsor_cue(sent) and root.dep_ != "poss":
                    votes["Sponsor"] += 1  # (not "<X>'s partners include Y, who sponsored")
                # "Xfinity Series team <X>", "<X>, the team ...", "<X> will switch to <make>"
                if before and before[-1] in {"team", "organization", "outfit"} or any(
                        a.lemma_.lower() in {"team", "organization", "outfit", "operation"}
                        for a in appos):
                    votes["Team"] += 2
                if root.dep_ == "nsubj" and root.head.lemma_.lower() in {
                        "switch", "field", "move", "join", "align"} and any(
                        g.lower_ == "to" or g.lemma_.lower() in {"car", "truck", "driver"}
                        for g in root.head.children):
                    votes["Team"] += 2
                if self._team_context(doc, m.start, m.end) and cue != "Sponsor" and \
                        doc[m.end - 1].lower_ not in L.ORG_SUFFIXES:
                    votes["Team"] += 1  # (a "deal with <X> Supply" is no team's)
        if ent.type in PERSON_TYPES:
            best = max(("CrewChief", "Driver", "Person"), key=lambda t: (votes[t], t == "Driver"))
            if not ent.certain:
                # people named in NASCAR news are drivers unless a role says otherwise (a
                # relative named without a role is no driver)
                ent.type = best if votes[best] > 0 else \
                    "Person" if votes.get("Relative") else "Driver"
            elif ent.type == "Driver" and ent.source == "extra" and \
                    votes["Person"] >= 2 and votes["Driver"] == 0 and votes["CrewChief"] == 0:
                # a name the race results know as a driver (who may have raced once),
                # introduced here only as an owner or executive; the registry's types are
                # the person's primary role ("a driver who also owns a team is a Driver")
                ent.type = "Person"
            elif ent.type == "Person" and best == "CrewChief" and votes[best] >= 3:
                ent.type = "CrewChief"  # a crew chief by the role the text gives
        elif not ent.certain:
            if votes.get("Sponsor", 0) > 0:
                ent.type = "Sponsor"
            elif votes.get("Team", 0) > 0 and votes["Team"] >= votes.get("Organization", 0):
                ent.type = "Team"  # ("Fox Sports reporter X", "an analyst for Fox": media)
