"""Reading and annotating: many files are read by several processes, and come back exactly as read by one."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from indexer.ingest import documents

from tests.conftest import SEEDS

# Run in a fresh process: the test process may have threads running (live servers), and then it never forks.
_COMPARE = """
import json, sys
from pathlib import Path
from indexer import settings
from indexer.ingest import documents
settings.PARALLEL_READ_MIN_FILES = 2
sources = [Path(p) for p in sys.argv[1:]]
pools = []
real = documents.ProcessPoolExecutor
def counting(*args, **kwargs):
    pools.append(args)
    return real(*args, **kwargs)
documents.ProcessPoolExecutor = counting
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
    assert result["pools"] == [[1], [2]]  # one reader process (under the memory limit), then a pool of two
    assert result["documents"] == 5 and result["same"]


def test_few_files_are_read_by_one_reader_process(monkeypatch):
    pools = []
    real = documents.ProcessPoolExecutor

    def counting(*args, **kwargs):
        pools.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(documents, "ProcessPoolExecutor", counting)
    monkeypatch.setattr(documents, "can_fork", lambda: True)
    assert [d.doc_id for d in documents.load_documents([SEEDS], processes=2)] == sorted(p.name for p in SEEDS.iterdir())
    assert pools == [1]  # not the build's own process: the readers' memory limit must not fall on it


_CRASH = """
import json, os, signal, sys
from pathlib import Path
from indexer import settings
from indexer.ingest import documents
settings.PARALLEL_READ_MIN_FILES = 2
real = documents.read_document
def read(path, *rest):
    if Path(path).name == sys.argv[2]:
        os.kill(os.getpid(), signal.SIGKILL)  # what a crash inside a PDF library does to the reader
    return real(path, *rest)
documents.read_document = read
docs = list(documents.load_documents([Path(sys.argv[1])], processes=2))
print(json.dumps([[d.doc_id, d.error] for d in docs]))
"""


def test_a_file_that_kills_its_reader_is_skipped_with_the_reason_and_the_rest_read():
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    names = sorted(p.name for p in SEEDS.iterdir())
    out = subprocess.run([sys.executable, "-c", _CRASH, str(SEEDS), names[2]], env=env, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    docs = json.loads(out.stdout)
    assert [name for name, _ in docs] == names  # every file, in order
    errors = {name: error for name, error in docs}
    assert errors[names[2]].startswith("reading it crashed the reader process")
    assert all(error is None for name, error in errors.items() if name != names[2])
