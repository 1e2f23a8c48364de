"""Cross-validated ranking constants: every judged query set scored for a setting of `settings.Ranking`, on one
index and without a rebuild, and a one-constant-at-a-time search whose choices on one fold of sets are kept only
when they do not hurt the other fold.

Every constant of `settings.Ranking` is read when a query is ranked, and the embedded backend's caches are keyed by
it, so one opened index answers for any setting. Sets s and t are scored on their even ids only (their odd ids are
held out); a set's file may be missing (set h was never written) and is then skipped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Callable, Iterable

from indexer import settings
from indexer.backends import SearchBackend
from indexer.quality.evaluate_queries import JudgedQuery, load_judged, run_query

DATA = Path("tests/data")
# Each set's judged file (relative to the checkout) and which of its ids count: "all", "even" or "odd".
SET_FILES = {"dev": "judged_queries.jsonl", "heldout": "judged_queries_heldout.jsonl",
             **{x: f"judged_queries_heldout_{x}.jsonl" for x in "hkmnpqrstuvwxy"}}
HALF = {"s": "even", "t": "even"}
# The two folds, by letter: constants chosen on one are measured on the other.
FOLD_A = ("dev", "h", "m", "p", "r", "t", "v", "x")
FOLD_B = ("heldout", "k", "n", "q", "s", "u", "w", "y")

# The values tried per constant (the current value is always tried too), and the synonym lines switched off.
GRID: dict[str, tuple] = {
    "bm25_k1": (0.9, 1.2, 1.6, 2.0), "bm25_b": (0.5, 0.75, 0.9), "heading_boost": (1.0, 1.3, 2.0),
    "title_match_bonus": (0.0, 0.5, 1.0), "best_match_share": (0.6, 0.75, 0.9), "synonym_weight": (0.6, 0.8, 1.0),
    "spelling_weight": (0.4, 0.6, 0.8), "context_weight": (0.3, 0.5, 0.7), "year_context_weight": (0.5, 1.0),
    "coverage_power": (3.0, 4.5, 6.0, 8.0), "named_council_share": (0.34, 0.5, 0.75, 1.0),
    "document_share": (0.0, 0.15, 0.3, 0.5), "document_share_paragraphs": (1, 3, 5),
    "document_weight": (0.0, 0.25, 0.5, 1.0), "proximity_weight": (0.0, 0.15, 0.3), "proximity_window": (2, 4, 8),
    "proximity_candidates": (50, 100, 200), "answer_grade_weight": (1, 2, 3), "answer_left_extra": (0, 1, 2),
    "answer_candidates": (10, 20, 40),
}


@dataclass(frozen=True)
class SetScore:
    """One set's figures for one setting."""

    name: str
    queries: int
    recall: float
    ndcg: float
    mrr: float
    shown: int      # judged documents returned whose judged paragraph was shown
    judged: int     # judged documents returned that carry judged paragraphs
    zero_hit: int

    @property
    def shown_share(self) -> float:
        """The share of judged documents returned showing a judged paragraph (1.0 when none was judged)."""
        return self.shown / self.judged if self.judged else 1.0


@dataclass(frozen=True)
class FoldScore:
    """A fold's figures: macro means over its sets, the shown share pooled over its judged documents."""

    sets: tuple[SetScore, ...]

    @property
    def ndcg(self) -> float:
        """Macro nDCG@10 (each set counts once, whatever its size)."""
        return sum(s.ndcg for s in self.sets) / len(self.sets) if self.sets else 0.0

    @property
    def recall(self) -> float:
        """Macro recall@10."""
        return sum(s.recall for s in self.sets) / len(self.sets) if self.sets else 0.0

    @property
    def shown(self) -> float:
        """Judged paragraphs shown over judged documents returned, pooled over the fold's sets."""
        judged = sum(s.judged for s in self.sets)
        return sum(s.shown for s in self.sets) / judged if judged else 1.0


def _number(query_id: str) -> int:
    """The number at the end of a query id ("sq03" -> 3)."""
    found = re.search(r"(\d+)$", query_id)
    return int(found.group(1)) if found else 0


def load_sets(root: Path = Path("."), names: Iterable[str] = (*FOLD_A, *FOLD_B),
              half: dict[str, str] | None = None) -> dict[str, list[JudgedQuery]]:
    """Each named set's judged queries (only the half `half` names for s and t; missing files left out)."""
    half = HALF if half is None else half
    out = {}
    for name in names:
        path = root / DATA / SET_FILES[name]
        if not path.exists():
            continue
        keep = half.get(name, "all")
        out[name] = [q for q in load_judged(path)
                     if keep == "all" or (_number(q.id) % 2 == 0) == (keep == "even")]
    return out


def score_set(backend: SearchBackend, name: str, queries: list[JudgedQuery]) -> SetScore:
    """One set's recall@10, nDCG@10, MRR, judged paragraphs shown and zero-hit queries under the live constants."""
    outcomes = [run_query(backend, q) for q in queries]
    n = len(outcomes) or 1
    pairs = [ok for o in outcomes for ok in o.shown.values()]
    return SetScore(name, len(outcomes), sum(o.recall for o in outcomes) / n, sum(o.ndcg for o in outcomes) / n,
                    sum(o.reciprocal_rank for o in outcomes) / n, sum(pairs), len(pairs),
                    sum(1 for o in outcomes if not o.returned))


def score_all(backend: SearchBackend, sets: dict[str, list[JudgedQuery]],
              ranking: settings.Ranking | None = None) -> dict[str, SetScore]:
    """Every set's figures with `ranking`'s constants (the live ones when None), on the one opened backend."""
    with settings.ranking(ranking or settings.RANKING):
        return {name: score_set(backend, name, queries) for name, queries in sets.items()}


def fold(scores: dict[str, SetScore], names: Iterable[str]) -> FoldScore:
    """The fold of those sets that were scored."""
    return FoldScore(tuple(scores[n] for n in names if n in scores))


@dataclass(frozen=True)
class Trial:
    """One constant at one value (everything else at the base): its fold figures."""

    constant: str
    value: object
    a: FoldScore
    b: FoldScore


def synonym_lines() -> list[str]:
    """The synonym file's lines, each named by its first term ("CSE")."""
    from indexer.search.synonyms import SYNONYMS_FILE

    names = []
    for line in SYNONYMS_FILE.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if "," in line:
            names.append(line.split(",", 1)[0].strip())
    return names


def candidates(base: settings.Ranking, grid: dict[str, tuple] = GRID,
               lines: Iterable[str] = ()) -> list[tuple[str, object, settings.Ranking]]:
    """Every one-constant change of `base` the grid names (its current value left out), and each synonym line off."""
    out = []
    for name, values in grid.items():
        for value in values:
            if value != getattr(base, name):
                out.append((name, value, base.but(**{name: value})))
    for line in lines:
        out.append(("synonym off", line, base.but(synonyms_off=base.synonyms_off | {line})))
    return out


def search(backend: SearchBackend, sets: dict[str, list[JudgedQuery]], base: settings.Ranking,
           trials: list[tuple[str, object, settings.Ranking]],
           progress: Callable[[Trial], None] | None = None) -> tuple[Trial, list[Trial]]:
    """The base's fold figures and every trial's (each scored on both folds in one pass over all the sets)."""
    def run(constant: str, value: object, ranking: settings.Ranking) -> Trial:
        scores = score_all(backend, sets, ranking)
        trial = Trial(constant, value, fold(scores, FOLD_A), fold(scores, FOLD_B))
        if progress:
            progress(trial)
        return trial
    base_trial = run("base", None, base)
    return base_trial, [run(c, v, r) for c, v, r in trials]


@dataclass
class Decision:
    """Per constant: the value each fold chose, and whether the change holds on the other fold."""

    constant: str
    chose_a: object
    chose_b: object
    kept: object = None          # the value taken (None: the base value stays)
    reason: str = ""
    trials: list[Trial] = field(default_factory=list)


def _better(trial: Trial, base: Trial, side: str) -> tuple[float, float]:
    """A trial's gain over the base on one fold: (macro nDCG@10, shown share)."""
    mine, theirs = getattr(trial, side), getattr(base, side)
    return round(mine.ndcg - theirs.ndcg, 4), round(mine.shown - theirs.shown, 4)


def decide(base: Trial, trials: list[Trial]) -> list[Decision]:
    """Per constant, each fold's best value (by macro nDCG@10, then shown share; ties keep the base) and the rule:
    a value changes only when both folds choose a change and the value each chose does not lower the other fold's
    macro nDCG@10 nor its shown share; of two such values the one with the larger summed gain is kept."""
    by_constant: dict[str, list[Trial]] = {}
    for trial in trials:
        key = trial.constant if trial.constant != "synonym off" else f"synonym off: {trial.value}"
        by_constant.setdefault(key, []).append(trial)
    out = []
    for constant, tried in by_constant.items():
        def best(side: str) -> Trial | None:
            gains = [(_better(t, base, side), t) for t in tried]
            top = max(gains, key=lambda g: g[0])
            return top[1] if top[0] > (0.0, 0.0) and top[0][0] >= 0 and top[0][1] >= 0 else None
        on_a, on_b = best("a"), best("b")
        decision = Decision(constant, on_a.value if on_a else "base", on_b.value if on_b else "base", trials=tried)
        if on_a is None or on_b is None:
            decision.reason = "a fold keeps the base value"
        else:
            holds = [t for t in {id(on_a): on_a, id(on_b): on_b}.values()
                     if min(_better(t, base, "a") + _better(t, base, "b")) >= 0]
            if holds:
                kept = max(holds, key=lambda t: sum(_better(t, base, "a")) + sum(_better(t, base, "b")))
                decision.kept = kept.value
                decision.reason = "holds on the other fold"
            else:
                decision.reason = "the value one fold chose lowers the other fold"
        out.append(decision)
    return out


def format_scores(scores: dict[str, SetScore]) -> str:
    """Per set: queries, recall@10, nDCG@10, MRR, shown share; then each fold's macro figures."""
    lines = ["set       queries recall@10 nDCG@10  MRR   shown"]
    for s in scores.values():
        zero = f"  zero-hit {s.zero_hit}" if s.zero_hit else ""
        lines.append(f"{s.name:9} {s.queries:7} {s.recall:9.3f} {s.ndcg:7.3f} {s.mrr:5.3f} "
                     f"{s.shown:3}/{s.judged:<3} {s.shown_share:4.0%}{zero}")
    for label, names in (("fold A", FOLD_A), ("fold B", FOLD_B)):
        f = fold(scores, names)
        lines.append(f"{label}: macro recall@10 {f.recall:.3f} · macro nDCG@10 {f.ndcg:.3f} · shown {f.shown:.1%}")
    return "\n".join(lines)


def constants_of(value: settings.Ranking) -> dict[str, object]:
    """The setting's constants by name (for reports)."""
    return {f.name: getattr(value, f.name) for f in fields(value)}


def parse_setting(pairs: Iterable[str], base: settings.Ranking | None = None) -> settings.Ranking:
    """`NAME=VALUE` pairs as a Ranking ("coverage_power=4.5", "synonyms_off=CSE;RI"); a bad one is a ValueError."""
    base = base or settings.RANKING
    kinds = {f.name: f.type for f in fields(base)}
    changes: dict[str, object] = {}
    for pair in pairs:
        name, _, value = pair.partition("=")
        name = name.strip()
        if name not in kinds or not value:
            raise ValueError(f"{pair!r}: give NAME=VALUE with NAME one of {', '.join(kinds)}")
        current = getattr(base, name)
        if isinstance(current, frozenset):
            changes[name] = frozenset(v.strip() for v in value.split(";") if v.strip())
        else:
            try:
                changes[name] = type(current)(value)
            except ValueError as exc:
                raise ValueError(f"{pair!r}: {name} takes a {type(current).__name__}") from exc
    return base.but(**changes)


def format_decisions(base: Trial, decisions: list[Decision]) -> str:
    """Per constant: each fold's choice, its gains on both folds, and whether it was kept."""
    lines = [f"base: fold A nDCG@10 {base.a.ndcg:.4f} shown {base.a.shown:.1%} · "
             f"fold B nDCG@10 {base.b.ndcg:.4f} shown {base.b.shown:.1%}"]
    for d in decisions:
        lines.append(f"{d.constant}: fold A chose {d.chose_a}, fold B chose {d.chose_b} -> "
                     f"{'KEPT ' + str(d.kept) if d.kept is not None else 'base stays'} ({d.reason})")
        for t in d.trials:
            ga, gb = _better(t, base, "a"), _better(t, base, "b")
            lines.append(f"    {t.value!s:>8}: A nDCG {ga[0]:+.4f} shown {ga[1]:+.4f} · B nDCG {gb[0]:+.4f} "
                         f"shown {gb[1]:+.4f}")
    return "\n".join(lines)
