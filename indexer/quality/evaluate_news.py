"""Facet accuracy on a labelled dev set of real news articles: per facet, per kind of article, per confidence.

A labels file holds one JSON object per line (see the labelling notes): the fixture file, the kinds of article,
and the truth — subject councils with the grade of each, and the year. Each fixture is read and annotated
exactly as `rebuild` would, then compared:
  council  — the set of subject councils is equal;
  severity — every subject council's grade is equal (none when the text states none);
  year     — equal.
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from indexer.ingest.documents import load_document
from indexer.ingest.annotate.gazetteer import authorities
from indexer.models import Document

FACETS = ("council", "severity", "year")
DEFAULT_GLOB = "tests/data/news_devset*.jsonl"


@dataclass
class Label:
    """One labelled article."""

    id: str
    file: Path
    kinds: list[str]
    councils: list[tuple[str, str | None]]  # (gazetteer name, grade or None)
    year: int | None
    evidence: str = ""
    url: str = ""  # where the page was fetched: a crawler records it beside the file (sidecar metadata)


@dataclass
class Check:
    """One facet of one article: right or wrong, what was expected and found, how sure the software was."""

    label: Label
    facet: str
    ok: bool
    expected: object
    found: object
    confidence: str | None
    evidence: object = None


@dataclass
class NewsReport:
    """Every check, with summaries computed on demand."""

    labels_files: list[str]
    checks: list[Check] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)
    pages: str = ""  # the folder of real page texts read instead of the fixtures ('' = the fixtures)
    without_page: int = 0  # labelled articles left out because that folder has no page for them

    def accuracy(self, facet: str, where=lambda c: True) -> tuple[int, int]:
        """(correct, total) for one facet over the checks that satisfy `where`."""
        chosen = [c for c in self.checks if c.facet == facet and where(c)]
        return sum(c.ok for c in chosen), len(chosen)

    def ratio(self, facet: str) -> float:
        """Accuracy of one facet as a fraction (1.0 when nothing was checked)."""
        ok, total = self.accuracy(facet)
        return ok / total if total else 1.0

    def misses(self) -> list[Check]:
        """Every wrong facet value."""
        return [c for c in self.checks if not c.ok]

    def as_dict(self) -> dict:
        """JSON-friendly summary and misses."""
        return {"labels": self.labels_files, "articles": len({c.label.id for c in self.checks}),
                "pages": self.pages or None, "without_page": self.without_page,
                "accuracy": {f: _pair(self.accuracy(f)) for f in FACETS},
                "by_kind": {kind: {f: _pair(self.accuracy(f, lambda c, k=kind: k in c.label.kinds)) for f in FACETS}
                            for kind in self.kinds()},
                "by_confidence": {f: {level: _pair(self.accuracy(f, lambda c, lv=level: (c.confidence or "none") == lv))
                                      for level in self.levels(f)} for f in FACETS},
                "errors": self.errors,
                "misses": [{"id": c.label.id, "file": str(c.label.file), "facet": c.facet, "expected": c.expected,
                            "found": c.found, "confidence": c.confidence, "evidence": c.evidence,
                            "label_evidence": c.label.evidence} for c in self.misses()]}

    def kinds(self) -> list[str]:
        """The kinds of article present, sorted."""
        return sorted({k for c in self.checks for k in c.label.kinds})

    def levels(self, facet: str) -> list[str]:
        """The confidence levels seen for a facet ('none' when the software gave no value)."""
        return sorted({c.confidence or "none" for c in self.checks if c.facet == facet},
                      key=lambda lv: ("stated", "official", "inferred", "none").index(lv)
                      if lv in ("stated", "official", "inferred", "none") else 9)


def _pair(counts: tuple[int, int]) -> dict:
    """{'correct', 'total', 'percent'}."""
    ok, total = counts
    return {"correct": ok, "total": total, "percent": round(100.0 * ok / total, 1) if total else None}


def default_labels(root: Path | None = None) -> list[Path]:
    """Every dev-set labels file of the checkout."""
    root = root or Path.cwd()
    return sorted(root.glob(DEFAULT_GLOB))


def _name_to_codes() -> dict[str, set[str]]:
    """Gazetteer names (short, full, council, aliases; lower-cased) to ONS codes."""
    out: dict[str, set[str]] = defaultdict(set)
    for auth in authorities().values():
        for name in (auth.name, auth.council_name, *auth.aliases):
            out[name.lower()].add(auth.code)
    return out


def _resolve_file(name: str, labels_file: Path) -> Path:
    """A fixture path as written in a labels file: relative to the checkout (the labels file's grandparent)."""
    candidate = Path(name)
    if candidate.is_absolute() or candidate.exists():
        return candidate
    for base in labels_file.resolve().parents:
        if (base / candidate).exists():
            return base / candidate
    return candidate


def load_labels(path: Path) -> list[Label]:
    """The labels of one JSON-lines file."""
    labels = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{n}: not JSON ({exc})") from exc
        truth = row.get("truth") or {}
        labels.append(Label(id=row.get("id") or f"{path.stem}:{n}", file=_resolve_file(row["file"], path),
                            kinds=row.get("kinds") or ["plain"],
                            councils=[(c["council"], c.get("grade")) for c in truth.get("councils") or []],
                            year=truth.get("year"), evidence=row.get("evidence", ""), url=row.get("url") or ""))
    return labels


def _check(label: Label, doc: Document) -> list[Check]:
    """Compare one annotated document with its label."""
    names = _name_to_codes()
    wanted = [(name, names.get(name.lower(), set()), grade) for name, grade in label.councils]
    found = dict(zip(doc.council_code, doc.severity or [""] * len(doc.council_code)))
    matched = {name: next((code for code in codes if code in found), None) for name, codes, _ in wanted}
    council_ok = len(found) == len(wanted) and all(matched.values())
    grades_expected = {name: grade for name, _, grade in wanted}
    grades_found = {name: (found.get(code) or None) if code else "(council missed)" for name, code in matched.items()}
    severity_ok = grades_expected == grades_found and (wanted or not any(doc.severity))
    conf = doc.confidence
    ev = doc.facet_evidence
    return [
        Check(label, "council", council_ok, [n for n, _, _ in wanted], doc.council, conf.get("council"),
              {"council": ev.get("council"), "mentioned_not_subject": ev.get("mentioned_not_subject"),
               "not_children_services": ev.get("not_children_services")}),
        Check(label, "severity", bool(severity_ok), grades_expected,
              grades_found if wanted else dict(zip(doc.council, doc.severity)), conf.get("severity"),
              ev.get("severity")),
        Check(label, "year", doc.year == label.year, label.year, doc.year, conf.get("year"),
              {"year": ev.get("year"), "reasoning": ev.get("year_reasoning"), "published": ev.get("published")}),
    ]


def evaluate_news(labels_files: list[Path], pages: Path | None = None) -> NewsReport:
    """Read and annotate every labelled article and check council, severity and year. With `pages`, each article
    is read from `pages/ID.txt` (the page's real stored text, which the repository does not carry) instead of its
    own-words fixture, and articles without such a file are left out."""
    report = NewsReport([str(p) for p in labels_files], pages=str(pages or ""))
    for path in labels_files:
        for label in load_labels(path):
            if pages is not None:
                real = pages / f"{label.id}.txt"
                if not real.exists():
                    report.without_page += 1
                    continue
                label.file = real
            if not label.file.exists():
                report.errors.append({"id": label.id, "file": str(label.file), "reason": "fixture file not found"})
                continue
            # The page's address is known to whoever fetched it (rebuild reads it from a sidecar); never its date.
            doc = load_document(label.file, {"url": label.url} if label.url else None)
            if doc.error:
                report.errors.append({"id": label.id, "file": str(label.file), "reason": doc.error})
                continue
            report.checks.extend(_check(label, doc))
    return report


def format_news_report(report: NewsReport, show_misses: bool = True) -> str:
    """Accuracy per facet, per kind of article, per confidence level; then every miss with its evidence."""
    data = report.as_dict()
    lines = [f"{data['articles']} articles ({', '.join(data['labels'])})"]
    if data["pages"]:
        lines.append(f"  read from the real page texts in {data['pages']} ({data['without_page']} without a page left out)")
    for facet in FACETS:
        lines.append(f"  {facet:9s} {_fmt(data['accuracy'][facet])}")
    lines.append("By kind of article:" + "".join(f"  {f:>16s}" for f in FACETS))
    for kind, row in data["by_kind"].items():
        lines.append(f"  {kind:18s}" + "".join(f"{_fmt(row[f]):>18s}" for f in FACETS))
    lines.append("By confidence:")
    for facet in FACETS:
        levels = data["by_confidence"][facet]
        lines.append(f"  {facet:9s} " + "; ".join(f"{lv} {_fmt(v)}" for lv, v in levels.items()))
    for err in data["errors"]:
        lines.append(f"  not evaluated {err['id']} ({err['file']}): {err['reason']}")
    if show_misses and data["misses"]:
        lines.append("Misses:")
        for m in data["misses"]:
            lines.append(f"  {m['id']} {m['facet']}: expected {m['expected']!r}, found {m['found']!r} "
                         f"[{m['confidence'] or 'no value'}]\n      evidence: {json.dumps(m['evidence'], ensure_ascii=False)[:600]}"
                         f"\n      label: {m['label_evidence'][:300]}")
    return "\n".join(lines)


def _fmt(pair: dict) -> str:
    """'93.8% (15/16)'."""
    return f"{pair['percent']}% ({pair['correct']}/{pair['total']})" if pair["total"] else "-"
