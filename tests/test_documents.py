"""Reading and annotating: many files are read by several processes, and come back exactly as read by one."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from indexer import documents

from .conftest import SEEDS

# Run in a fresh process: the test process may have threads running (live servers), and then it never forks.
_COMPARE = """
import json, sys
from pathlib import Path
from indexer import documents, settings
settings.PARALLEL_READ_MIN_FILES = 2
sources = [Path(p) for p in sys.argv[1:]]
pools = []
real = documents.multiprocessing.get_context("fork").Pool
def counting(*args, **kwargs):
    pools.append(args)
    return real(*args, **kwargs)
documents.multiprocessing.get_context("fork").Pool = counting
def summary(docs):
    return [[d.doc_id, d.error, d.title, d.council, d.year, d.severity, [p.text for p in d.paragraphs],
             repr(d.facet_evidence)] for d in docs]
one = summary(documents.load_documents(sources, processes=1))
two = summary(documents.load_documents(sources, processes=2))
print(json.dumps({"pools": pools, "same": one == two, "documents": len(one)}))
"""


def test_parallel_reading_gives_the_same_documents_in_the_same_order():
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    out = subprocess.run([sys.executable, "-c", _COMPARE, str(SEEDS)], env=env, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert result["pools"] == [[2]]  # the second reading used a pool of two processes
    assert result["documents"] == 5 and result["same"]


def test_few_files_are_read_in_this_process(monkeypatch):
    def no_pool(*args, **kwargs):
        raise AssertionError("a pool for five files")

    monkeypatch.setattr(documents.multiprocessing, "get_context", no_pool)
    assert [d.doc_id for d in documents.load_documents([SEEDS], processes=2)] == sorted(p.name for p in SEEDS.iterdir())
