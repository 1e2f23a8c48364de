"""Search quality on a judged query set: recall@10, nDCG@10 and MRR per query and overall, and every miss.

A judged file holds one JSON object per line: an `id`, the `query` as a user would type it, `relevant` mapping
document ids (file names) to a grade — 2 directly answers, 1 relevant — plus a `kind` and a `note` on the
judgement. Each query runs as the web UI runs it by default: relevance order, one hit per document, top 10.
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

    @property
    def missed(self) -> list[str]:
        """Relevant documents not in the returned top."""
        return [doc for doc in self.judged.relevant if doc not in self.returned]

    def as_dict(self) -> dict:
        """JSON-friendly form."""
        return {"id": self.judged.id, "query": self.judged.query, "kind": self.judged.kind,
                "recall": round(self.recall, 4), "ndcg": round(self.ndcg, 4),
                "reciprocal_rank": round(self.reciprocal_rank, 4), "total_docs": self.total_docs,
                "returned": [{"doc_id": d, "grade": self.judged.relevant.get(d, 0)} for d in self.returned],
                "missed": self.missed, "message": self.message}


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

    def summary(self) -> dict:
        """The overall figures."""
        return {"queries": len(self.outcomes), f"recall@{CUTOFF}": round(self.mean("recall"), 4),
                f"ndcg@{CUTOFF}": round(self.mean("ndcg"), 4), "mrr": round(self.mean("reciprocal_rank"), 4),
                "zero_hit": len(self.zero_hit), "weak": len(self.weak)}

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
                                 kind=row.get("kind", ""), note=row.get("note", ""))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"{path}:{n}: not a judged query ({exc})") from exc
        if not judged.relevant or any(g not in GRADES for g in judged.relevant.values()):
            raise ValueError(f"{path}:{n}: 'relevant' must map doc ids to grades {GRADES}")
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


def run_query(index: SearchBackend, judged: JudgedQuery, k: int = CUTOFF) -> QueryOutcome:
    """Run one query as the UI does by default and score its top k documents."""
    result = index.search(SearchRequest(q=judged.query, sort="relevance", per_page=k, collapse=True))
    returned = unique_in_order([hit.doc_id for hit in result.hits])[:k]
    return QueryOutcome(judged=judged, returned=returned, total_docs=result.total_docs,
                        recall=recall_at(returned, judged.relevant, k), ndcg=ndcg_at(returned, judged.relevant, k),
                        reciprocal_rank=reciprocal_rank(returned, judged.relevant, k), message=result.message)


def evaluate_queries(index_dir: Path, queries_file: Path = DEFAULT_QUERIES, k: int = CUTOFF) -> QueryEvaluation:
    """Run every judged query against an index and score each."""
    index = open_backend(index_dir)
    evaluation = QueryEvaluation(queries_file=str(queries_file), index_dir=str(index_dir))
    for judged in load_judged(queries_file):
        evaluation.outcomes.append(run_query(index, judged, k))
    return evaluation


def _returned_line(outcome: QueryOutcome) -> str:
    """The returned documents, each marked with its grade (0 = not judged relevant)."""
    shown = ", ".join(f"{d} [{outcome.judged.relevant.get(d, 0)}]" for d in outcome.returned)
    return f"      returned: {shown or '(nothing)'}"


def format_query_report(evaluation: QueryEvaluation) -> str:
    """A plain-text report: overall figures, every zero-hit query, every weak query with what it returned."""
    s = evaluation.summary()
    lines = [f"{s['queries']} judged queries from {evaluation.queries_file} over {evaluation.index_dir}",
             f"  recall@{CUTOFF} {s[f'recall@{CUTOFF}']:.3f} · nDCG@{CUTOFF} {s[f'ndcg@{CUTOFF}']:.3f} · "
             f"MRR {s['mrr']:.3f} · zero-hit queries {s['zero_hit']} · weak (recall < {WEAK_RECALL}) {s['weak']}"]
    lines.append(f"\nZero-hit queries ({len(evaluation.zero_hit)}):")
    for o in evaluation.zero_hit:
        lines.append(f"  {o.judged.id} [{o.judged.kind}] {o.judged.query!r}" + (f"  ({o.message})" if o.message else ""))
    lines.append(f"\nWeak queries, recall@{CUTOFF} < {WEAK_RECALL} ({len(evaluation.weak)}):")
    for o in evaluation.weak:
        lines.append(f"  {o.judged.id} [{o.judged.kind}] {o.judged.query!r}  recall {o.recall:.2f} "
                     f"nDCG {o.ndcg:.2f} RR {o.reciprocal_rank:.2f}")
        lines.append(_returned_line(o))
        lines.append(f"      missed: {', '.join(o.missed)}")
    return "\n".join(lines)
