"""Do the engines answer the same question? Per-query totals compared, and where they differ, an example and
the likely reason.

reportsearch's page total counts best-match paragraphs (most of the words) and paragraphs whose document title
matches; the baselines count paragraphs holding every word. So the comparison uses reportsearch's strict count
(every word in the paragraph, which its page reports as `all_words`), and the page total is shown beside it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from nltk.stem.porter import PorterStemmer

from indexer.analysis import stem
from indexer.grades import normalise_grade
from indexer.models import SearchRequest
from indexer.quality.bench.queries import BenchQuery

_WORDS = re.compile(r"\w+(?:['’]\w+)*")
EXPLAIN_CAP = 50_000


@dataclass
class Disagreement:
    """One query whose engines' totals differ, with an example paragraph and the likely reason."""

    query: str
    grade: str | None
    totals: dict[str, int]
    reason: str
    example: str


def strict_total(result) -> int:
    """reportsearch's count of paragraphs holding every word (its page total for phrases and syntax)."""
    info = result.match_info or {}
    return int(info["all_words"]) if info.get("mode") == "best" and "all_words" in info else result.total


def agreement(rows: list[dict]) -> dict:
    """How many queries every engine counts the same, and the differing rows."""
    engines = [e for e in ("ours", "fts", "tantivy") if f"{e}_total" in rows[0]] if rows else []
    differ = [r for r in rows if len({r["ours_strict"] if e == "ours" else r[f"{e}_total"] for e in engines}) > 1]
    return {"engines": engines, "queries": len(rows), "agree": len(rows) - len(differ), "differ": differ}


def explain(row: dict, q: BenchQuery, index, db, tantivy_page) -> Disagreement:
    """An example paragraph counted by one engine but not another, and what the difference comes from.

    FTS5's matching paragraphs are read in full (ids only); Tantivy's and reportsearch's up to EXPLAIN_CAP,
    so at scale a capped side serves as a source of examples but not as proof that a paragraph is missing."""
    from indexer.quality.bench import fts

    totals = {"reportsearch": row["ours_strict"], "FTS5": row["fts_total"],
              **({"Tantivy": row["tantivy_total"]} if "tantivy_total" in row else {})}
    request = SearchRequest(q=q.text, severity=[q.grade] if q.grade else [], match="all")
    rows, _ = index.export_rows(request, EXPLAIN_CAP)
    ours = {(r.doc_id, r.paragraph): f"{r.heading} / {r.text}" for r in rows}
    sets: dict[str, tuple[set | dict, bool]] = {"FTS5": (fts.hit_ids(db, q), True),
                                                "reportsearch": (ours, row["ours_strict"] <= EXPLAIN_CAP)}
    if tantivy_page is not None:
        sets["Tantivy"] = (tantivy_page.hit_ids(q, EXPLAIN_CAP), totals["Tantivy"] <= EXPLAIN_CAP)
    titles = {r.doc_id: r.title for r in rows}
    searched = index.search(request).match_info.get("words")

    def lacking(key, name) -> list[str]:
        return [n for n, (found, complete) in sets.items() if n != name and complete and key not in found]

    extras = {name: [k for k in found if lacking(k, name)] for name, (found, _) in sets.items()}
    for name in sorted(extras, key=lambda n: -len(extras[n])):  # the larger side of the difference first
        if extras[name]:
            key = extras[name][0]
            found = sets[name][0]
            text = found[key] if isinstance(found, dict) else fts.paragraph_text(db, key)
            reason = _reason(q, totals, name, text, titles.get(key[0], ""), searched)
            example = (f"counted by {name}, not by {', '.join(lacking(key, name))}: {key[0]} #{key[1]} "
                       f"{_around(text, q.words)}")
            return Disagreement(row["query"], q.grade, totals, reason, example)
    return Disagreement(row["query"], q.grade, totals,
                        _reason(q, totals, max(totals, key=totals.get), "", "", searched), "")


def _reason(q: BenchQuery, totals: dict[str, int], only: str, text: str, title: str,
            searched: list[str] | None) -> str:
    """The likely cause, from which engine counts the example, its text, and how the words stem."""
    porter = PorterStemmer()
    title_stems = {stem(w.lower()) for w in _WORDS.findall(title)}
    if searched is not None and not q.phrase and set(searched) != set(q.words):
        dropped = [w for w in q.words if w not in searched]
        return f"stop words: reportsearch leaves out {', '.join(repr(w) for w in dropped)} (too common to require)"
    if only == "reportsearch" and normalise_grade(" ".join(q.words)) and not q.phrase:
        return "grade words: reportsearch reads the query as a grade too and counts the paragraphs of documents so graded"
    in_title = (" ".join(q.words) in title.lower()) if q.phrase else any(stem(w) in title_stems for w in q.words)
    if only == "reportsearch" and in_title:
        return "document context: reportsearch also counts paragraphs whose document title has the word"
    query_stems = {stem(w) for w in q.words}
    glued = [m.group(0) for m in re.finditer(r"\w+[.'’]\w+", text)
             if query_stems & {stem(p.lower()) for p in re.split(r"[.'’]", m.group(0)) + [m.group(0).lower()]}]
    if glued:
        return (f"tokenizing: reportsearch keeps {glued[0]!r} as one word (an inner full stop or apostrophe), "
                "the baselines split it")
    if totals.get("Tantivy") == totals["reportsearch"] != totals["FTS5"]:
        pairs = [f"{w}: Porter {porter.stem(w)!r}, Snowball {stem(w)!r}" for w in q.words if porter.stem(w) != stem(w)]
        return ("stemming: FTS5's Porter stemmer joins other word forms than Snowball (reportsearch, Tantivy)"
                + (f" ({'; '.join(pairs)})" if pairs else ""))
    for word in q.words:
        forms = {t.lower() for t in _WORDS.findall(text)
                 if stem(t.lower()) == stem(word) and porter.stem(t.lower()) != porter.stem(word)}
        if forms:
            return (f"stemming: Snowball (reportsearch, Tantivy) takes {sorted(forms)[0]!r} as a form of {word!r}, "
                    "FTS5's Porter stemmer does not")
    return "tokenizing or stemming: the engines split or stem a word of this paragraph differently"


def _around(text: str, words: tuple[str, ...], width: int = 70) -> str:
    """The text around the first place one of the words (or a form of it) occurs."""
    lowered = text.lower()
    positions = [lowered.find(w[:max(3, len(w) - 3)]) for w in words]
    positions = [p for p in positions if p >= 0]
    at = min(positions) if positions else 0
    start = max(0, at - width // 2)
    return "“" + ("…" if start else "") + " ".join(text[start:start + width].split()) + "…”"
