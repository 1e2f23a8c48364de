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

from ..analysis import stem
from ..grades import normalise_grade
from ..models import SearchRequest
from .queries import BenchQuery

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
    """An example paragraph counted by one engine but not another, and what the difference comes from."""
    from . import fts

    sets = {"FTS5": fts.hit_ids(db, q)}
    if tantivy_page is not None:
        sets["Tantivy"] = tantivy_page.hit_ids(q, EXPLAIN_CAP)
    request = SearchRequest(q=q.text, severity=[q.grade] if q.grade else [], match="all")
    rows, _ = index.export_rows(request, EXPLAIN_CAP)
    sets["reportsearch"] = {(r["doc_id"], r["paragraph"]): f"{r['heading']} / {r['text']}" for r in rows}
    titles = {r["doc_id"]: r["title"] for r in rows}
    totals = {"reportsearch": row["ours_strict"], "FTS5": row["fts_total"],
              **({"Tantivy": row["tantivy_total"]} if "tantivy_total" in row else {})}
    searched = index.search(request).match_info.get("words")
    extras = {name: [k for k in found if any(k not in sets[n] for n in sets if n != name)]
              for name, found in sets.items()}
    for name in sorted(extras, key=lambda n: -len(extras[n])):  # the larger side of the difference first
        found, extra = sets[name], extras[name]
        if extra:
            key = extra[0]
            missing = [n for n in sets if n != name and key not in sets[n]]
            reason = _reason(q, totals, name, found[key], titles.get(key[0], ""), searched)
            example = f"counted by {name}, not by {', '.join(missing)}: {key[0]} #{key[1]} {_around(found[key], q.words)}"
            return Disagreement(row["query"], q.grade, totals, reason, example)
    return Disagreement(row["query"], q.grade, totals, "the same paragraphs, counted differently", "")


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
    return "tokenizing or stemming: the engines split or stem a word of this paragraph differently"


def _around(text: str, words: tuple[str, ...], width: int = 70) -> str:
    """The text around the first place one of the words (or a form of it) occurs."""
    lowered = text.lower()
    positions = [lowered.find(w[:max(3, len(w) - 3)]) for w in words]
    positions = [p for p in positions if p >= 0]
    at = min(positions) if positions else 0
    start = max(0, at - width // 2)
    return "“" + ("…" if start else "") + " ".join(text[start:start + width].split()) + "…”"
