"""Pairs the rules left: a logistic model over the context of two entities of a sentence.

The rules of :mod:`.relations` are precise, but reporting has more ways of saying that a
driver drives for a team than anybody writes rules for ("Penske's Austin Cindric", a
standings line, a list of teams and their drivers). This component looks at every two
entities of one sentence that no rule linked and whose types admit one of the
predicates of :data:`PAIR_PREDICATES`, describes the pair by features of the sentence
(types, distance, the words and entities between them, the dependency path, which of
them is nearest), and keeps the pairs a logistic model scores at least at its threshold.
Two more kinds of candidate come from what the rules recorded while reading:

* a subject "he"/"she" the rules resolved stands for its person in its sentence ("He
  moved up to Cup with <team>");
* a person named in a quotation is a candidate of an endorsement by the speaker, scored
  on the words of the quoted sentence ("<First name> has worked incredibly hard for
  every chance he got," <speaker> said), where the rules' words of praise found nothing.

A pair is never proposed when the words linking it are negated, when its two names are
items of one list, when one name hangs in the parse under another person's (a relative
clause about someone else), or when the sentence's rules already gave the team its
driver (or the driver his crew chief). Pairs of nearby sentences were tried as well and
left out: on articles the rules were not written on they added more wrong edges than
right ones.

Input: a :class:`.entities.DocEntities` (with the quotations and pronouns the rules
recorded) and the rule edges of the document.
Output: more :class:`.relations.Edge` objects (rule ``"pair-model"``, confidence the
model's probability, never above the rules' usual confidence).

The weights are data (``pair_model.json`` beside this module), trained on the gold
development set by :mod:`.training` on every candidate pair, as if no rule had read the
text; the model names no entity, only types and words.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

from . import lexicon as L
from .entities import DocEntities, EntMention, Quoted, first_conjunct
from .relations import Edge

MODEL_PATH = Path(__file__).with_name("pair_model.json")
MAX_CONFIDENCE = 0.75
"""A model edge is never as sure as a rule's: below most rule confidences."""
MAX_SENTENCE_MENTIONS = 40
"""A 'sentence' with more mentions than this is a table or a run-on list: no pairs."""

PAIR_PREDICATES = {
    ("Driver", "Team"): "drove_for",
    ("CrewChief", "Driver"): "crew_chief_for",
    ("Team", "Manufacturer"): "affiliated_with",
    ("Driver", "Manufacturer"): "affiliated_with",
    ("Sponsor", "Driver"): "sponsors",
    ("Sponsor", "Team"): "sponsors",
    ("Person", "Team"): "affiliated_with",
    ("Person", "Organization"): "affiliated_with",
    ("Team", "Team"): "affiliated_with",
    ("CrewChief", "Team"): "affiliated_with",
}
"""The type pairs (subject, object) the model reads and the predicate it gives each."""

_OWNER_LEMMAS = L.OWN_VERBS | L.OWN_NOUNS | L.OWNER_TITLE_WORDS


class KnownFacts:
    """What the registry knows of a pair: the same tie, another tie of that kind, or nothing.

    A team the registry knows to field Chevrolets, named beside Ford in a sentence, is
    less likely a Ford team than one the registry knows nothing of. The knowledge is a
    feature among others, never an edge by itself.
    """

    def __init__(self, registry=None):
        self.pairs: set[tuple[str, str]] = set()
        self.kinds: set[tuple[str, str]] = set()
        if registry is None:
            return
        for fact in registry.facts:
            obj = registry.get(fact.object)
            self.pairs.add((fact.subject, fact.object))
            if obj is not None:
                self.kinds.add((fact.subject, obj.type))

    def feature(self, subject: str, obj: str, obj_type: str) -> str | None:
        if (subject, obj) in self.pairs or (obj, subject) in self.pairs:
            return "kb=same"
        if (subject, obj_type) in self.kinds:
            return "kb=other"
        return None


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return str(edge)
    return f">{edges[-1]}"


def _ancestors(tok) -> list:
    chain = [tok]
    while chain[-1].head.i != chain[-1].i and len(chain) < 60:
        chain.append(chain[-1].head)
    return chain


def _path(a, b) -> tuple[object, list]:
    """The lowest common ancestor of two tokens and the tokens on the way up to it."""
    up_a, up_b = _ancestors(a), _ancestors(b)
    index_b = {t.i: k for k, t in enumerate(up_b)}
    for k, t in enumerate(up_a):
        if t.i in index_b:
            return t, up_a[:k] + up_b[:index_b[t.i]]
    return None, []


def belongs_elsewhere(de: DocEntities, m: EntMention, own: int, rival_type: str) -> bool:
    """Whether the name ``m`` hangs, in the parse, under another name of ``rival_type``
    than entity ``own``: "Hamlin, whose influence at <team> is significant, and Biffle" -
    the team is Hamlin's business, not Biffle's."""
    tok = de.doc[m.root]
    for _ in range(40):
        if tok.head.i == tok.i:
            return False
        tok = tok.head
        other = de.mention_at(tok.i)
        if other is not None and other.ent != m.ent:
            return other.ent != own and de.entities[other.ent].type == rival_type
    return False


def coordinated(a, b) -> bool:
    """Whether two names are items of one list ("voices like A, B and C"): peers."""
    return first_conjunct(a).i == first_conjunct(b).i


def negated(lca, way: list) -> bool:
    """Whether a word on the dependency path (:func:`_path`) linking two tokens is
    negated ("will not drive for", "never")."""
    words = way + ([lca] if lca is not None else [])
    return any(c.dep_ == "neg" for w in words for c in w.children)


def _word(tok) -> str:
    return tok.lemma_.lower() if tok.is_alpha else ("NUM" if tok.like_num else tok.text)


def pair_features(de: DocEntities, si: int, a: EntMention, b: EntMention,
                  ms: list[EntMention], kb: KnownFacts,
                  path: tuple[object, list]) -> list[str]:
    """Features of subject mention ``a`` and object mention ``b`` in sentence ``si``.

    ``ms`` are the sentence's mentions (a resolved subject pronoun among them, kind
    ``"pronoun"``); ``path`` is :func:`_path` of the two mentions' roots. Nothing here
    depends on the rules' edges: the model is trained as if there were none.
    """
    doc = de.doc
    ents = de.entities
    ta, tb = ents[a.ent].type, ents[b.ent].type
    tp = f"{ta}>{tb}"
    left, right = (a, b) if a.start < b.start else (b, a)
    gap = max(0, right.start - left.end)
    between = range(left.end, right.start)
    others = {de.tok2men[i] for i in between if de.tok2men[i] >= 0}
    other_types = {ents[de.mentions[k].ent].type for k in others}

    def nearest(m: EntMention, typ: str, other: EntMention) -> bool:
        same = [x for x in ms if ents[x.ent].type == typ]
        return min(same, key=lambda x: abs(x.start - m.start)).ent == other.ent

    def count(typ: str) -> int:
        return sum(1 for x in {y.ent for y in ms} if ents[x].type == typ)

    near_b, near_a = nearest(a, tb, b), nearest(b, ta, a)
    f = [f"tp={tp}", f"order={tp}|{'ab' if a is left else 'ba'}",
         *(f"pronoun={tp}|{side}" for side, m in (("a", a), ("b", b)) if m.kind == "pronoun"),
         f"gap={tp}|{_bucket(gap, (0, 1, 3, 6, 10, 20))}",
         f"n_a={tp}|{_bucket(count(ta), (1, 2, 3))}", f"n_b={tp}|{_bucket(count(tb), (1, 2, 3))}",
         f"others={_bucket(len(others), (0, 1, 2))}",
         f"nearest_b={near_b}", f"nearest_a={near_a}", f"nearest_both={tp}|{near_b and near_a}"]
    if ta in other_types or tb in other_types:
        f.append(f"same_type_between={tp}")
    known = kb.feature(ents[a.ent].name, ents[b.ent].name, tb)
    if known:
        f += [known, f"{known}|{tp}"]
    if si in de.headings:
        f.append("heading")
    sent = de.sents[si]
    if any(t.text in L.QUOTE_CHARS for t in sent):
        f.append("sentence_quotes")
    if gap <= 15:
        for i in between:
            if de.tok2men[i] < 0 and not doc[i].is_space:
                w = _word(doc[i])
                f += [f"w={w}", f"w={tp}|{w}"]
    for i in (left.start - 1, left.start - 2, right.end, right.end + 1):
        if sent.start <= i < sent.end and de.tok2men[i] < 0:
            f.append(f"{'L' if i < left.start else 'R'}={_word(doc[i])}")
    if right.start > 0 and doc[left.end:left.end + 1].text in {"'s", "’s", "'", "’"} and \
            gap <= 3:
        f.append(f"possessive={tp}|{'a' if left is a else 'b'}")
    ra, rb = doc[a.root], doc[b.root]
    f += [f"dep_a={tp}|{ra.dep_}", f"dep_b={tp}|{rb.dep_}"]
    if rb.dep_ == "pobj":
        f.append(f"prep_b={tp}|{rb.head.lower_}")
    if ra.dep_ == "pobj":
        f.append(f"prep_a={tp}|{ra.head.lower_}")
    if any(t.text in {"No.", "#"} for t in sent):
        f.append(f"car_number={tp}")
    lca, way = path
    labels = [x.dep_ for x in way]
    if lca is not None:
        f += [f"path_len={tp}|{_bucket(len(labels), (1, 2, 3, 4, 6))}",
              f"lca_pos={lca.pos_}", f"lca={_word(lca)}" if lca.pos_ in {"VERB", "NOUN"}
              else f"lca_pos={tp}|{lca.pos_}"]
        f += [f"dep={d}" for d in sorted(set(labels))]
    return f


def candidates(de: DocEntities, edges: list[Edge], kb: KnownFacts | None = None):
    """Yield ``(sentence, subject entity, object entity, predicate, features)`` for the
    pairs of entities of one sentence that no rule edge links, in the type pairs the model
    reads."""
    kb = kb or KnownFacts()
    linked_pairs = {frozenset((e.subject, e.object)) for e in edges}
    # a sentence whose rules gave a team its drivers (or a driver his crew chief) has said
    # who goes with it: another name beside them is a rival, a witness, another list
    taken = {(e.sent, e.object, e.predicate) for e in edges
             if e.predicate in {"drove_for", "crew_chief_for"}}
    ents = de.entities
    by_sent: dict[int, list[EntMention]] = {}
    for m in de.mentions:
        by_sent.setdefault(m.sent, []).append(m)
    for p in de.pronouns:  # "He moved up with <team>": the person the pronoun stands for
        ms = by_sent.get(p.sent)
        if ms and all(m.ent != p.ent for m in ms):
            ms.append(EntMention(p.ent, p.token, p.token + 1, p.token, p.sent, "pronoun"))
    for si, ms in by_sent.items():
        if len(ms) > MAX_SENTENCE_MENTIONS:
            continue
        firsts: dict[int, list[EntMention]] = {}
        for m in ms:
            firsts.setdefault(m.ent, []).append(m)
        owner_cue = len(firsts) > 1 and _owner_cue(de, si)  # (once a sentence)
        keys = sorted(firsts)
        for x in keys:
            for y in keys:
                pred = PAIR_PREDICATES.get((ents[x].type, ents[y].type))
                if x == y or pred is None or frozenset((x, y)) in linked_pairs or \
                        (si, y, pred) in taken:
                    continue
                a, b = min(((p, q) for p in firsts[x] for q in firsts[y]),
                           key=lambda pq: abs(pq[0].start - pq[1].start))
                ra, rb = de.doc[a.root], de.doc[b.root]
                path = _path(ra, rb)
                if negated(*path) or coordinated(ra, rb) or \
                        belongs_elsewhere(de, b, x, ents[x].type) or \
                        belongs_elsewhere(de, a, y, ents[y].type):
                    continue  # denied, listed side by side, or said of someone else
                if pred == "affiliated_with" and ents[y].type == "Team" and \
                        ents[x].type == "Person" and owner_cue:
                    pred = "owns"
                yield si, x, y, pred, pair_features(de, si, a, b, ms, kb, path)
    yield from quote_candidates(de, linked_pairs, kb)


def quote_features(de: DocEntities, q: Quoted, kb: KnownFacts) -> list[str]:
    """Features of a person named in a quotation (:class:`.entities.Quoted`), as the
    candidate of an endorsement by the speaker: the words of the quoted sentence, what
    the name does in it, negation, questions, who speaks to whom."""
    doc = de.doc
    ents = de.entities
    tp = f"quote:{ents[q.speaker].type}>{ents[q.person].type}"
    tok = doc[q.token]
    toks = doc[q.start:q.end]
    f = ["tp=quote", f"tp={tp}", f"q_dep={tok.dep_}",
         f"q_len={_bucket(len(toks), (5, 10, 20, 35))}",
         f"q_named={'name' if de.mention_at(q.token) else 'first'}"]
    if tok.dep_ in {"nsubj", "nsubjpass", "poss", "pobj", "dobj", "attr"}:
        f.append(f"q_head={tok.dep_}|{_word(tok.head)}")
    words = set()
    for t in toks:
        if t.i != q.token and de.tok2men[t.i] < 0 and t.is_alpha:
            words.add(t.lemma_.lower())
    f += [f"q={w}" for w in sorted(words)]
    if any(t.dep_ == "neg" for t in toks):
        f.append("q_neg")
    if any(t.text == "?" for t in toks):
        f.append("q_question")
    low = {t.lower_ for t in toks}
    if low & {"i", "me", "my", "i'm", "i've"}:
        f.append("q_first_person")
    if low & {"we", "us", "our"}:
        f.append("q_we")
    others = {de.mentions[de.tok2men[t.i]].ent for t in toks if de.tok2men[t.i] >= 0}
    others -= {q.person}
    f.append(f"q_others={_bucket(len(others), (0, 1, 2))}")
    known = kb.feature(ents[q.speaker].name, ents[q.person].name, ents[q.person].type)
    if known:
        f.append(f"q_{known}")
    return f


def quote_candidates(de: DocEntities, linked_pairs: set[frozenset], kb: KnownFacts):
    """Yield ``(sentence, speaker, person, "endorses", features)`` for the people named in
    quotations whom no rule edge links to the speaker (``linked_pairs``: the pairs of
    entities the rule edges link)."""
    seen = set()
    for q in de.quoted:
        key = (q.speaker, q.person, q.sent)
        if key in seen or frozenset((q.speaker, q.person)) in linked_pairs or \
                not de.entities[q.speaker].is_person or not de.entities[q.person].is_person:
            continue
        seen.add(key)
        yield q.sent, q.speaker, q.person, "endorses", quote_features(de, q, kb)


def _owner_cue(de: DocEntities, si: int) -> bool:
    return any(t.lemma_.lower() in _OWNER_LEMMAS for t in de.sents[si])


@lru_cache(maxsize=4)
def load_model(path: str = str(MODEL_PATH)) -> dict | None:
    """The model's ``{"bias", "threshold", "weights"}``, or None when none is shipped."""
    p = Path(path)
    if not p.is_file():
        return None
    return json.loads(p.read_text(encoding="utf-8"))


def probability(model: dict, features: list[str]) -> float:
    weights = model["weights"]
    z = model["bias"] + sum(weights.get(f, 0.0) for f in features)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


class PairClassifier:
    """Edges for the sentence pairs the rules left, scored by the pair model."""

    def __init__(self, registry=None, model: dict | None = None):
        self.model = model if model is not None else load_model()
        self.kb = KnownFacts(registry)

    def __call__(self, de: DocEntities, edges: list[Edge]) -> list[Edge]:
        if not self.model:
            return []
        threshold = self.model["threshold"]
        best: dict[tuple, Edge] = {}
        for si, x, y, pred, features in candidates(de, edges, self.kb):
            p = probability(self.model, features)
            key = (x, pred, y)
            if p >= threshold and (key not in best or best[key].confidence < p):
                best[key] = Edge(x, pred, y, si, min(p, MAX_CONFIDENCE), "pair-model")
        return list(best.values())
