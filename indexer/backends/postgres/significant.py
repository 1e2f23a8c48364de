"""Distinctive words and phrases of a set of paragraphs (JLH against the rest of the generation)."""
from __future__ import annotations

from collections import Counter

from psycopg import sql

from indexer import settings
from indexer.backends.embedded.read.significant import _phrases, jlh
from indexer.backends.embedded.postings.terms import is_content, words
from indexer.contract import SignificantTerm
from indexer.backends.postgres.query import lexeme


def significant(conn, schema, cat, paras: list[tuple], exclude: set[str]) -> tuple[list, list]:
    """The most distinctive words and phrases of the foreground paragraphs (JLH against the rest)."""
    fg_total, bg_total = len(paras), max(cat.paragraphs - len(paras), 0)
    stems, phrases, spelled, documents = Counter(), Counter(), {}, {}
    for doc_idx, text in paras:
        tokens = words(text)
        seen = {(w.stem,) for w in tokens if is_content(w) and w.raw not in exclude}
        seen_phrases = set(_phrases(tokens, exclude))
        stems.update(s for (s,) in seen)
        phrases.update(seen_phrases)
        for key in seen | seen_phrases:
            documents.setdefault(key, set()).add(doc_idx)
        for w in tokens:
            spelled.setdefault(w.stem, Counter())[w.raw] += 1
    min_docs = 2 if len({d for d, _ in paras}) > 1 else 1
    usable = lambda key, fg: fg >= settings.SIGNIFICANT_MIN_PARAGRAPHS and len(documents[key]) >= min_docs
    written = lambda stem: spelled[stem].most_common(1)[0][0]
    df = cat.df(sorted(s for s, fg in stems.items() if usable((s,), fg)))
    terms = []
    for stem, fg in stems.items():
        if usable((stem,), fg):
            bg = max(df.get(stem, fg) - fg, 0)
            terms.append(SignificantTerm(written(stem), "term", fg, bg, round(jlh(fg, fg_total, bg, bg_total), 4)))
    found = []
    candidates = [(p, fg) for p, fg in phrases.most_common(settings.SIGNIFICANT_PHRASE_CANDIDATES) if usable(p, fg)]
    if candidates:
        tsq = ["(" + " <-> ".join(lexeme(s, "D") for s in p) + ")" for p, _ in candidates]
        counts = conn.execute(sql.SQL("SELECT {}").format(sql.SQL(", ").join(
            sql.SQL("(SELECT count(*) FROM {}.paragraphs p WHERE p.tsv @@ %s::tsquery)").format(schema) for _ in tsq)),
            tsq).fetchone()
        for (phrase, fg), total in zip(candidates, counts):
            bg = max(total - fg, 0)
            found.append(SignificantTerm(" ".join(written(s) for s in phrase), "phrase", fg, bg,
                                         round(jlh(fg, fg_total, bg, bg_total), 4)))
    best = lambda items: sorted((t for t in items if t.score > 0), key=lambda t: (-t.score, t.text))[
        : settings.SIGNIFICANT_TERMS]
    return best(terms), best(found)
