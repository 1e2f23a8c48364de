"""What is said distinctively in a set of paragraphs (a council's) compared with all the others.

The scoring is Elasticsearch's `significant_terms` default (JLH) over paragraph counts: a word or phrase found in
a larger share of the foreground paragraphs than of the background ones scores (fg% - bg%) x (fg% / bg%).
"""
from __future__ import annotations

import re
from collections import Counter

import numpy as np

from indexer import settings
from indexer.contract import SignificantTerm
from indexer.backends.embedded.postings.terms import Word, doc_frequency, is_content, stems, words
from indexer.search.synonyms import synonym_sets

# Words of news and inspection boilerplate: distinctive of a kind of document, never of a council.
_BOILERPLATE = frozenset("said says told ofsted council councils report reports inspection inspections inspectors "
                         "inspector spokesperson spokesman spokeswoman followed".split())
# Two capitals in a short word: "UASC", "TfC", "LSCBs".
_ABBREVIATION = re.compile(r"\b(?=[a-z]{0,4}[A-Z][a-z]{0,4}[A-Z])[A-Za-z]{2,7}\b")


def jlh(fg: int, fg_total: int, bg: int, bg_total: int) -> float:
    """JLH score; the background share is smoothed by one so a word absent elsewhere stays finite."""
    fg_pct = fg / max(fg_total, 1)
    bg_pct = (bg + 1) / (bg_total + 1)
    return (fg_pct - bg_pct) * fg_pct / bg_pct if fg_pct > bg_pct else 0.0


def significant_terms(gen, foreground: np.ndarray, exclude: set[str] = frozenset(),
                      size: int = settings.SIGNIFICANT_TERMS) -> dict[str, list[SignificantTerm]]:
    """The most distinctive words and phrases of the foreground paragraphs, best first (cached per generation)."""
    key = (foreground.tobytes(), frozenset(exclude), size)
    return gen.memo("significant", key, lambda: _compute(gen, foreground, {w.lower() for w in exclude}, size), 64)


def _expansions() -> dict[str, str]:
    """Abbreviation (lower case) -> its spelled-out form, from the synonyms file ("uasc" -> "unaccompanied …")."""
    out = {}
    for terms in synonym_sets():
        single = [t for t in terms if len(t) == 1]
        longest = max(terms, key=len)
        if len(longest) > 1:
            for (abbreviation,) in single:
                out.setdefault(abbreviation, " ".join(longest))
    return out


def _readable(term: SignificantTerm, abbreviations: set[str], expansions: dict[str, str]) -> SignificantTerm | None:
    """The term with its abbreviations spelled out; None when one cannot be (an unexplained abbreviation)."""
    words_ = term.text.split()
    if not any(w in abbreviations for w in words_):
        return term
    if term.kind == "term" and term.text in expansions:
        return SignificantTerm(f"{term.text.upper()} ({expansions[term.text]})", term.kind, term.foreground,
                               term.background, term.score)
    return None


def _documents_with(gen, stem_: str) -> int:
    """How many documents use a stem anywhere in their text."""
    return int(np.unique(gen.doc_ids[gen.term_postings("text", stem_).docnums]).size)


def _compute(gen, foreground: np.ndarray, exclude: set[str], size: int) -> dict[str, list[SignificantTerm]]:
    """Count stems and phrases per foreground paragraph, then score them against the rest of the index."""
    fg_total, bg_total = len(foreground), gen.size - len(foreground)
    if len(np.unique(gen.doc_ids[foreground])) < settings.SIGNIFICANT_MIN_FOREGROUND_DOCUMENTS:
        return {"terms": [], "phrases": []}  # one document's words are its style, not the council's
    exclude = exclude | _BOILERPLATE
    abbreviations: set[str] = set()
    stems, phrases, spelled = Counter(), Counter(), {}
    documents: dict[tuple, set] = {}  # which foreground documents use a stem or phrase
    for docnum in foreground:
        text = gen.stored(int(docnum)).get("text", "")
        abbreviations.update(a.lower() for a in _ABBREVIATION.findall(text))
        tokens = words(text)
        seen = {(w.stem,) for w in tokens if is_content(w) and w.raw not in exclude}
        stems.update(s for (s,) in seen)
        seen_phrases = set(_phrases(tokens, exclude))
        phrases.update(seen_phrases)
        for key in seen | seen_phrases:
            documents.setdefault(key, set()).add(int(gen.doc_ids[docnum]))
        for w in tokens:
            spelled.setdefault(w.stem, Counter())[w.raw] += 1
    # A council's own jargon from one report is noise when it has several: ask for two documents then.
    min_docs = 2 if len(np.unique(gen.doc_ids[foreground])) > 1 else 1
    usable = lambda key, fg: fg >= settings.SIGNIFICANT_MIN_PARAGRAPHS and len(documents[key]) >= min_docs
    enough = settings.SIGNIFICANT_MIN_DOCUMENTS
    written = lambda stem: spelled[stem].most_common(1)[0][0]
    terms = []
    for stem, fg in stems.items():
        if usable((stem,), fg) and (len(documents[(stem,)]) >= enough or _documents_with(gen, stem) >= enough):
            bg = doc_frequency(gen, stem) - fg
            terms.append(SignificantTerm(written(stem), "term", fg, bg, round(jlh(fg, fg_total, bg, bg_total), 4)))
    in_foreground = np.zeros(gen.size, dtype=bool)
    in_foreground[foreground] = True
    analysed: dict[int, tuple] = {}
    found = []
    for phrase, fg in phrases.most_common(settings.SIGNIFICANT_PHRASE_CANDIDATES):
        if usable(phrase, fg) and (len(documents[phrase]) >= enough
                                   or min(_documents_with(gen, s) for s in phrase) >= enough):
            bg = _phrase_background(gen, phrase, in_foreground, analysed)
            found.append(SignificantTerm(" ".join(written(s) for s in phrase), "phrase", fg, bg,
                                         round(jlh(fg, fg_total, bg, bg_total), 4)))
    expansions = _expansions()
    readable = lambda items: (r for r in (_readable(t, abbreviations, expansions) for t in items) if r is not None)
    best = lambda items: sorted((t for t in readable(items) if t.score > 0), key=lambda t: (-t.score, t.text))[:size]
    return {"terms": best(terms), "phrases": best(found)}


def _phrase_background(gen, phrase: tuple[str, ...], in_foreground: np.ndarray, analysed: dict) -> int:
    """Background paragraphs containing the phrase: those with all its words, checked word by word when few.

    Whoosh's phrase matcher is too slow to run for dozens of candidates per request; past the check cap the count
    of paragraphs with all the words is used, an upper bound that can only make the phrase look less distinctive.
    """
    ids = None
    for stem in phrase:
        docnums = gen.term_postings("text", stem).docnums
        ids = docnums if ids is None else np.intersect1d(ids, docnums, assume_unique=True)
    ids = ids[~in_foreground[ids]]
    if len(ids) > settings.SIGNIFICANT_PHRASE_CHECK_CAP:
        return int(len(ids))
    count = 0
    for docnum in ids:
        tokens = analysed.get(int(docnum))
        if tokens is None:
            tokens = analysed[int(docnum)] = stems(gen.stored(int(docnum)).get("text", ""))
        count += any(tokens[i:i + len(phrase)] == phrase for i in range(len(tokens) - len(phrase) + 1))
    return count


def _phrases(tokens: list[Word], exclude: set[str]):
    """Two- and three-word phrases that start and end with a content word ("missing from care")."""
    for i, first in enumerate(tokens):
        if not is_content(first) or first.raw in exclude:
            continue
        for length in (2, 3):
            part = tokens[i:i + length]
            if len(part) == length and is_content(part[-1]) and not any(w.raw in exclude for w in part):
                yield tuple(w.stem for w in part)
