"""When a process may fork its helpers: with only its own reader pool's threads, never with other threads."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

from indexer import children

from tests.conftest import SEEDS

_REBUILD = """
import json, sys
from pathlib import Path
from indexer import settings
from indexer.backends.embedded.write.build import rebuild
from indexer.backends.embedded.write.segments import bulk
settings.SEGMENT_PARAGRAPHS = 30
settings.WRITER_PROCS = 2
settings.PARALLEL_READ_MIN_FILES = 2  # the seeds' five files are read by the pool
forked = []
real = bulk.BulkWriter._can_fork
def recording(self):
    forked.append(real(self))
    return forked[-1]
bulk.BulkWriter._can_fork = recording
report = rebuild([Path(p) for p in sys.argv[2:]], Path(sys.argv[1]))
print(json.dumps({"forked": forked, "paragraphs": report.paragraphs}))
"""


def test_a_rebuild_reading_with_a_pool_still_forks_its_segment_writers(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    out = subprocess.run([sys.executable, "-c", _REBUILD, str(tmp_path / "index"), str(SEEDS)], env=env,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert result["paragraphs"] == 121
    assert result["forked"] and all(result["forked"])  # every full segment went to a forked writer


def test_another_thread_forbids_forking():
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not children.can_fork()
    finally:
        stop.set()
        other.join()


_FAILING_WRITER = """
import json, os, sys, time
from pathlib import Path
from indexer import settings
from indexer.backends.embedded.write.build import rebuild
from indexer.backends.embedded.write.segments import buffer
from tests.processes import child_states
settings.SEGMENT_PARAGRAPHS = 30
settings.WRITER_PROCS = 2
settings.PARALLEL_READ_MIN_FILES = 2
real = buffer.SegmentWriter.finish
calls = []
def finish(self):
    calls.append(1)
    if len(calls) == 1:
        raise OSError("disk full")  # the first forked writer fails ...
    time.sleep(3)                    # ... while its sibling is still writing
    return real(self)
buffer.SegmentWriter.finish = finish
try:
    rebuild([Path(p) for p in sys.argv[2:]], Path(sys.argv[1]))
    error = None
except Exception as exc:
    error = str(exc)
print(json.dumps({"error": error, "children": list(child_states(os.getpid()).values()), "left": [p.name for p in Path(sys.argv[1]).iterdir()]}))
"""


def test_a_failing_segment_writer_stops_the_others_and_the_build(tmp_path):
    if not Path("/proc/self/stat").exists():
        return
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    out = subprocess.run([sys.executable, "-c", _FAILING_WRITER, str(tmp_path / "index"), str(SEEDS)],
                         env=env, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    # A forked writer's failure is reported as such; when the build wrote that segment in-process (forking is refused
    # while a thread it cannot vouch for is alive, which timing on a loaded machine can cause: seen once in a CI run
    # beside other jobs) the writer's own error surfaces. Either way the build stops with the cause.
    assert result["error"] and ("writing an index segment failed" in result["error"] or result["error"] == "disk full")
    assert result["children"] == []  # no writer left running, no zombie
    assert not [name for name in result["left"] if name.startswith(".building")]
