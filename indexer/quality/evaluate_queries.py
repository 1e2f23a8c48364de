"""Search quality on a judged query set: recall@10, nDCG@10 and MRR per query and overall, and every miss.

A judged file holds one JSON object per line: an `id`, the `query` as a user would type it, `relevant` mapping
document ids (file names) to a grade — 2 directly answers, 1 relevant — plus a `kind` and a `note` on the
judgement. Each query runs as the web UI runs it by default: relevance order, one hit per document, top 10.

A query may also judge paragraphs: `paragraphs` maps a document id to phrases, any of which marks a paragraph
that answers the question. For every such document in the top 10 the measure asks whether the paragraph the
result shows is one of those ("judged paragraph shown"); the share is reported beside recall and nDCG.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

from indexer.models import SearchRequest
from indexer.backends import SearchBackend, open_backend

DEFAULT_QUERIES = Path("tests/data/judged_queries.jsonl")
CUTOFF = 10
GRADES = (1, 2)
# A query below this recall is listed as weak, with what it returned.
WEAK_RECALL = 0.5


@dataclass
class JudgedQuery:
    """One query and the documents judged relevant to it, by reading."""

    id: str
    query: str
    relevant: dict[str, int]  # doc id -> grade (1 relevant, 2 directly answers)
    kind: str = ""
    note: str = ""
    paragraphs: dict[str, list[str]] = field(default_factory=dict)  # doc id -> phrases of answering paragraphs
    not_relevant: frozenset[str] = frozenset()  # doc ids read for this query and judged not to answer it

    def judges(self, doc_id: str) -> bool:
        """True when the document was read for this query (judged relevant or not)."""
        return doc_id in self.relevant or doc_id in self.not_relevant


@dataclass
class QueryOutcome:
    """What one query returned and how good that was."""

    judged: JudgedQuery
    returned: list[str]  # doc ids, best first, at most CUTOFF
    total_docs: int
    recall: float
    ndcg: float
    reciprocal_rank: float
    message: str | None = None
    shown: dict[str, bool] = field(default_factory=dict)  # judged doc in the top -> its answering paragraph shown

    @property
    def missed(self) -> list[str]:
        """Relevant documents not in the returned top."""
        return [doc for doc in self.judged.relevant if doc not in self.returned]

    @property
    def unjudged(self) -> list[str]:
        """Returned documents nobody has judged for this query (neither relevant nor not relevant)."""
        return [doc for doc in self.returned if not self.judged.judges(doc)]

    def as_dict(self) -> dict:
        """JSON-friendly form."""
        return {"id": self.judged.id, "query": self.judged.query, "kind": self.judged.kind,
                "recall": round(self.recall, 4), "ndcg": round(self.ndcg, 4),
                "reciprocal_rank": round(self.reciprocal_rank, 4), "total_docs": self.total_docs,
                "returned": [{"doc_id": d, "grade": self.judged.relevant.get(d, 0)} for d in self.returned],
                "missed": self.missed, "unjudged": self.unjudged, "message": self.message, "paragraph_shown": self.shown}


@dataclass
class QueryEvaluation:
    """Every query's outcome, with the overall figures computed on demand."""

    queries_file: str
    index_dir: str
    outcomes: list[QueryOutcome] = field(default_factory=list)

    def mean(self, metric: str) -> float:
        """The mean of one per-query metric ('recall', 'ndcg' or 'reciprocal_rank') over all queries."""
        values = [getattr(o, metric) for o in self.outcomes]
        return sum(values) / len(values) if values else 0.0

    @property
    def zero_hit(self) -> list[QueryOutcome]:
        """Queries that returned no document at all."""
        return [o for o in self.outcomes if not o.returned]

    @property
    def weak(self) -> list[QueryOutcome]:
        """Queries that returned something but found under half their relevant documents."""
        return [o for o in self.outcomes if o.returned and o.recall < WEAK_RECALL]

    def paragraph_share(self) -> tuple[int, int]:
        """(shown, judged): returned documents with judged paragraphs, and how many showed one of them."""
        pairs = [ok for o in self.outcomes for ok in o.shown.values()]
        return sum(pairs), len(pairs)

    def judged_share(self) -> tuple[int, int]:
        """(judged, returned): returned documents over all queries, and how many carry a judgement."""
        returned = sum(len(o.returned) for o in self.outcomes)
        return returned - sum(len(o.unjudged) for o in self.outcomes), returned

    def summary(self) -> dict:
        """The overall figures."""
        shown, judged = self.paragraph_share()
        known, returned = self.judged_share()
        return {"queries": len(self.outcomes), f"recall@{CUTOFF}": round(self.mean("recall"), 4),
                f"ndcg@{CUTOFF}": round(self.mean("ndcg"), 4), "mrr": round(self.mean("reciprocal_rank"), 4),
                "zero_hit": len(self.zero_hit), "weak": len(self.weak),
                "paragraph_shown": round(shown / judged, 4) if judged else None, "paragraphs_judged": judged,
                f"judged@{CUTOFF}": round(known / returned, 4) if returned else None}

    def as_dict(self) -> dict:
        """JSON-friendly form."""
        return {"queries_file": self.queries_file, "index": self.index_dir, "summary": self.summary(),
                "queries": [o.as_dict() for o in self.outcomes]}


def load_judged(path: Path) -> list[JudgedQuery]:
    """Read a judged file; a malformed line is a ValueError naming the line."""
    queries = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            judged = JudgedQuery(id=str(row["id"]), query=row["query"],
                                 relevant={str(k): int(v) for k, v in row["relevant"].items()},
                                 kind=row.get("kind", ""), note=row.get("note", ""),
                                 paragraphs={str(k): [str(p) for p in v]
                                             for k, v in row.get("paragraphs", {}).items()},
                                 not_relevant=frozenset(str(d) for d in row.get("not_relevant", [])))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"{path}:{n}: not a judged query ({exc})") from exc
        if not judged.relevant or any(g not in GRADES for g in judged.relevant.values()):
            raise ValueError(f"{path}:{n}: 'relevant' must map doc ids to grades {GRADES}")
        if set(judged.paragraphs) - set(judged.relevant) or not all(judged.paragraphs.values()):
            raise ValueError(f"{path}:{n}: 'paragraphs' must name judged documents, each with at least one phrase")
        if judged.not_relevant & set(judged.relevant):
            raise ValueError(f"{path}:{n}: a document cannot be both 'relevant' and 'not_relevant'")
        queries.append(judged)
    return queries


def recall_at(returned: list[str], relevant: dict[str, int], k: int = CUTOFF) -> float:
    """Share of the relevant documents found in the top k."""
    if not relevant:
        return 0.0
    return sum(1 for doc in returned[:k] if doc in relevant) / len(relevant)


def dcg(gains: list[int]) -> float:
    """Discounted cumulative gain with exponential gain (2^grade - 1) and a log2(rank + 1) discount."""
    return sum((2 ** g - 1) / math.log2(rank + 1) for rank, g in enumerate(gains, 1))


def ndcg_at(returned: list[str], relevant: dict[str, int], k: int = CUTOFF) -> float:
    """DCG of the top k over the DCG of the ideal ordering of the judged documents."""
    ideal = dcg(sorted(relevant.values(), reverse=True)[:k])
    return dcg([relevant.get(doc, 0) for doc in returned[:k]]) / ideal if ideal else 0.0


def reciprocal_rank(returned: list[str], relevant: dict[str, int], k: int = CUTOFF) -> float:
    """1 / rank of the first relevant document in the top k (any grade), 0 when none."""
    for rank, doc in enumerate(returned[:k], 1):
        if doc in relevant:
            return 1.0 / rank
    return 0.0


def unique_in_order(doc_ids: list[str]) -> list[str]:
    """Doc ids without repeats, first occurrence kept."""
    return list(dict.fromkeys(doc_ids))


def _folded(text: str) -> str:
    """Lower case, typographic quotes folded, whitespace collapsed: for finding a judged phrase in a paragraph."""
    text = text.translate(str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'}))
    return " ".join(text.lower().split())


def paragraph_shown(index: SearchBackend, doc_id: str, paragraph: int, phrases: list[str]) -> bool:
    """True when the paragraph a result shows contains one of the phrases that mark an answering paragraph."""
    document = index.document(doc_id)
    text = next((p.text for p in document.paragraphs if p.n == paragraph), "") if document else ""
    return any(_folded(phrase) in _folded(text) for phrase in phrases)


def run_query(index: SearchBackend, judged: JudgedQuery, k: int = CUTOFF) -> QueryOutcome:
    """Run one query as the UI does by default and score its top k documents (and their shown paragraphs)."""
    result = index.search(SearchRequest(q=judged.query, sort="relevance", per_page=k, collapse=True))
    returned = unique_in_order([hit.doc_id for hit in result.hits])[:k]
    first_hit = {}
    for hit in result.hits:
        first_hit.setdefault(hit.doc_id, hit)
    shown = {doc: paragraph_shown(index, doc, first_hit[doc].paragraph, judged.paragraphs[doc])
             for doc in returned if doc in judged.paragraphs}
    return QueryOutcome(judged=judged, returned=returned, total_docs=result.total_docs,
                        recall=recall_at(returned, judged.relevant, k), ndcg=ndcg_at(returned, judged.relevant, k),
                        reciprocal_rank=reciprocal_rank(returned, judged.relevant, k), message=result.message,
                        shown=shown)


def evaluate_queries(index_dir: Path, queries_file: Path = DEFAULT_QUERIES, k: int = CUTOFF,
                     backend: SearchBackend | None = None, where: str | None = None) -> QueryEvaluation:
    """Run every judged query against an index (or the given backend, described by `where`) and score each."""
    index = backend if backend is not None else open_backend(index_dir)
    evaluation = QueryEvaluation(queries_file=str(queries_file), index_dir=where or str(index_dir))
    for judged in load_judged(queries_file):
        evaluation.outcomes.append(run_query(index, judged, k))
    return evaluation


def _returned_line(outcome: QueryOutcome) -> str:
    """The returned documents, each marked with its grade (0 = not judged relevant)."""
    shown = ", ".join(f"{d} [{outcome.judged.relevant.get(d, 0)}]" for d in outcome.returned)
    return f"      returned: {shown or '(nothing)'}"


def format_query_report(evaluation: QueryEvaluation, pool: bool = False) -> str:
    """A plain-text report: overall figures, every zero-hit query, every weak query with what it returned, and
    with `pool` every query's unjudged returned documents."""
    s = evaluation.summary()
    lines = [f"{s['queries']} judged queries from {evaluation.queries_file} over {evaluation.index_dir}",
             f"  recall@{CUTOFF} {s[f'recall@{CUTOFF}']:.3f} · nDCG@{CUTOFF} {s[f'ndcg@{CUTOFF}']:.3f} · "
             f"MRR {s['mrr']:.3f} · zero-hit queries {s['zero_hit']} · weak (recall < {WEAK_RECALL}) {s['weak']}"]
    shown, judged = evaluation.paragraph_share()
    if judged:
        lines.append(f"  judged paragraph shown {shown}/{judged} ({shown / judged:.0%}) of the judged documents returned")
        wrong = [(o.judged.id, doc) for o in evaluation.outcomes for doc, ok in o.shown.items() if not ok]
        if wrong:
            lines.append("  another paragraph shown: " + ", ".join(f"{q} {doc}" for q, doc in wrong))
    known, returned = evaluation.judged_share()
    if returned:
        lines.append(f"  judged@{CUTOFF} {known}/{returned} ({known / returned:.0%}) of the returned documents carry a "
                     f"judgement; the rest are unjudged, not known to be irrelevant")
    lines.append(f"\nZero-hit queries ({len(evaluation.zero_hit)}):")
    for o in evaluation.zero_hit:
        lines.append(f"  {o.judged.id} [{o.judged.kind}] {o.judged.query!r}" + (f"  ({o.message})" if o.message else ""))
    lines.append(f"\nWeak queries, recall@{CUTOFF} < {WEAK_RECALL} ({len(evaluation.weak)}):")
    for o in evaluation.weak:
        lines.append(f"  {o.judged.id} [{o.judged.kind}] {o.judged.query!r}  recall {o.recall:.2f} "
                     f"nDCG {o.ndcg:.2f} RR {o.reciprocal_rank:.2f}")
        lines.append(_returned_line(o))
        lines.append(f"      missed: {', '.join(o.missed)}")
    if pool:
        pooled = [o for o in evaluation.outcomes if o.unjudged]
        lines.append(f"\nUnjudged returned documents, the pool to judge next ({len(pooled)} queries):")
        for o in pooled:
            lines.append(f"  {o.judged.id} {o.judged.query!r}: {', '.join(o.unjudged)}")
    return "\n".join(lines)
