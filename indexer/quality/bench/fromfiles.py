"""`benchmark --from-files`: the command users run, `reportsearch rebuild --source …`, timed end to end.

The real reports are saved once as text files (each PDF's extracted text, cover first, a paragraph a line pair),
then `rebuild` runs as a separate process over them: cold (a new index folder, so nothing is cached), and again
over the same folder (unchanged files take their facets from the annotation cache). The PDFs and the seeds are
rebuilt the same way. Seconds are wall-clock of the whole command, interpreter start included.
"""
from __future__ import annotations

import hashlib
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

from indexer import settings
from indexer.ingest.extract import iter_files, read_document
from indexer.backends.embedded.index.layout import current_generation, read_build_info
from indexer.quality.bench.corpus import CACHE_DIR


def report_texts(source: Path, log=print) -> Path:
    """The source folder's PDFs saved as .txt files (made once, cached beside the benchmark corpus)."""
    pdfs = sorted(p for p in iter_files([source]) if p.suffix.lower() == ".pdf")
    digest = hashlib.sha1("".join(f"{p}|{p.stat().st_size}|{p.stat().st_mtime_ns}" for p in pdfs).encode())
    folder = CACHE_DIR / f"texts-{digest.hexdigest()[:16]}"
    if folder.is_dir():
        return folder
    log(f"saving {len(pdfs)} PDFs as text files once (in {folder}) …")
    tmp = folder.with_suffix(".tmp")
    tmp.mkdir(parents=True, exist_ok=True)
    for path in pdfs:
        doc = read_document(path)
        if not doc.error:
            text = doc.meta.get("raw_text", "")
            (tmp / f"{path.stem}.txt").write_text(text.replace("\n", "\n\n"), encoding="utf-8")
    os.replace(tmp, folder)
    return folder


def time_rebuild(sources: list[Path], index_dir: Path) -> dict:
    """Run `reportsearch rebuild --source …` in its own process; wall seconds, documents, paragraphs, rate."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(settings.PROJECT_ROOT),
                                                                     os.environ.get("PYTHONPATH")]))}
    command = [sys.executable, "-m", "indexer", "rebuild", "--quiet", "--index", str(index_dir)]
    for source in sources:
        command += ["--source", str(source)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # CPU seconds of the command and its reader / writer processes: what a shared, busy machine does not inflate
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    info = read_build_info(current_generation(index_dir))
    return {"seconds": seconds, "cpu_seconds": cpu, "documents": info.get("documents", 0),
            "paragraphs": info.get("paragraphs", 0), "rate": info.get("paragraphs", 0) / max(seconds, 1e-9),
            "build_seconds": info.get("seconds", 0.0)}


def run(source: Path, workdir: Path, log=print) -> dict:
    """The text files cold and warm, and the PDFs + seeds cold."""
    texts = report_texts(source, log)
    out = {}
    log("rebuild --source <the reports as .txt> (cold, new index folder) …")
    out["texts_cold"] = time_rebuild([texts], workdir / "from-texts")
    log("rebuild again, files unchanged (annotation cache) …")
    out["texts_warm"] = time_rebuild([texts], workdir / "from-texts")
    seeds = settings.PROJECT_ROOT / "seeds"
    log("rebuild --source <the PDFs> --source seeds (cold) …")
    out["pdfs_cold"] = time_rebuild([source] + ([seeds] if seeds.is_dir() else []), workdir / "from-pdfs")
    return out
