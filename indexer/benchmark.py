"""Speed measurements that print numbers: PDF extraction, index build, search latency at scale."""
from __future__ import annotations

import copy
import statistics
import tempfile
import time
from pathlib import Path

from . import settings
from .build import build_from_documents
from .extract import iter_files, read_documents
from .facets import annotate
from .models import SearchRequest
from .search import SearchIndex

QUERIES = [
    ("common word", SearchRequest(q="children")),
    ("two words", SearchRequest(q="social workers")),
    ("rarer word", SearchRequest(q="caseloads")),
    ("phrase", SearchRequest(q='"missing from care"')),
    ("phrase with stopwords", SearchRequest(q='"requires improvement to be good"')),
    ("OR query", SearchRequest(q="exploitation OR trafficking")),
    ("facet filters", SearchRequest(q="children", severity=["inadequate"], year_from=2015, year_to=2020)),
    ("two councils", SearchRequest(q="leadership", council=["Kent", "Medway"])),
    ("browse newest", SearchRequest(q="", sort="newest")),
    ("page 5", SearchRequest(q="children", page=5)),
]


def _percentile(values: list[float], pct: float) -> float:
    """The pct-th percentile of values."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(pct / 100 * (len(ordered) - 1))))]


def pdf_extraction(source: Path) -> dict:
    """Seconds to extract text from every PDF with pypdfium2 (used) and pypdf (compared), when installed."""
    pdfs = [p for p in iter_files([source]) if p.suffix.lower() == ".pdf"]
    out: dict = {"pdf_files": len(pdfs)}
    import pypdfium2

    started = time.perf_counter()
    for path in pdfs:
        try:
            pdf = pypdfium2.PdfDocument(path)
            for page in pdf:
                page.get_textpage().get_text_range()
            pdf.close()
        except Exception:  # noqa: BLE001 - broken files are part of real folders
            continue
    out["pypdfium2_seconds"] = round(time.perf_counter() - started, 2)
    try:
        import pypdf
    except ImportError:
        return out
    started = time.perf_counter()
    for path in pdfs:
        try:
            for page in pypdf.PdfReader(path).pages:
                page.extract_text()
        except Exception:  # noqa: BLE001
            continue
    out["pypdf_seconds"] = round(time.perf_counter() - started, 2)
    return out


def run(source: Path, target_paragraphs: int, rounds: int, compare_pdf: bool) -> dict:
    """Extract and annotate once, build an index scaled to the target size, then time the query set."""
    result: dict = {"source": str(source)}
    if compare_pdf:
        result["pdf_extraction"] = pdf_extraction(source)
    started = time.perf_counter()
    docs = [d for d in read_documents([source]) if not d.error]
    for doc in docs:
        annotate(doc)
    result["extract_and_facets_seconds"] = round(time.perf_counter() - started, 2)
    base_paragraphs = sum(len(d.paragraphs) for d in docs)
    copies = max(1, -(-target_paragraphs // max(base_paragraphs, 1)))

    def scaled():
        for i in range(copies):
            for doc in docs:
                clone = copy.copy(doc)
                clone.meta = {**doc.meta, "doc_id": f"{doc.doc_id}~{i}" if i else doc.doc_id}
                yield clone

    with tempfile.TemporaryDirectory() as tmp:
        report = build_from_documents(scaled(), Path(tmp) / "index", [str(source)])
        result["build"] = {"documents": report.documents, "paragraphs": report.paragraphs,
                           "seconds": report.seconds,
                           "paragraphs_per_second": round(report.paragraphs / max(report.seconds, 1e-9))}
        index = SearchIndex(Path(tmp) / "index")
        started = time.perf_counter()
        index.generation()
        result["open_index_seconds"] = round(time.perf_counter() - started, 2)
        timings = {}
        for label, req in QUERIES:
            cold = _timed(index, req)
            warm = [_timed(index, req) for _ in range(rounds)]
            timings[label] = {"first_ms": round(cold, 1), "p50_ms": round(statistics.median(warm), 1),
                              "p95_ms": round(_percentile(warm, 95), 1)}
        result["queries"] = timings
        everything = [t["first_ms"] for t in timings.values()]
        result["first_run_p95_ms"] = round(_percentile(everything, 95), 1)
    return result


def _timed(index: SearchIndex, req: SearchRequest) -> float:
    """Milliseconds for one search."""
    started = time.perf_counter()
    index.search(req)
    return (time.perf_counter() - started) * 1000


def format_result(result: dict) -> str:
    """The benchmark as a readable table."""
    lines = [f"source: {result['source']}"]
    if "pdf_extraction" in result:
        pdf = result["pdf_extraction"]
        lines.append(f"PDF text extraction of {pdf['pdf_files']} files: pypdfium2 {pdf['pypdfium2_seconds']} s"
                     + (f", pypdf {pdf['pypdf_seconds']} s" if "pypdf_seconds" in pdf else ""))
    build = result["build"]
    lines.append(f"extract + facets (once): {result['extract_and_facets_seconds']} s")
    lines.append(f"build: {build['documents']} documents, {build['paragraphs']} paragraphs in {build['seconds']} s "
                 f"= {build['paragraphs_per_second']} paragraphs/s (writer processes: {settings.WRITER_PROCS})")
    lines.append(f"open index (cache facet arrays): {result['open_index_seconds']} s")
    lines.append(f"{'query':24s} {'first ms':>9s} {'p50 ms':>8s} {'p95 ms':>8s}")
    for label, t in result["queries"].items():
        lines.append(f"{label:24s} {t['first_ms']:9.1f} {t['p50_ms']:8.1f} {t['p95_ms']:8.1f}")
    lines.append(f"p95 over first runs: {result['first_run_p95_ms']} ms")
    return "\n".join(lines)
