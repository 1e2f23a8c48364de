"""Shared pieces of the hostile suites (tests/test_hostile_*.py): a small corpus, a client, outcome checks."""
from __future__ import annotations

import shutil
import time
from pathlib import Path

from tests.conftest import SEEDS

PROSE = ("Inspectors found that social workers in {c} knew their children well, and that managers checked "
         "plans often enough to keep children safe from harm.")


def seed_copy(folder: Path) -> Path:
    """A copy of the seeds in `folder` (five documents)."""
    shutil.copytree(SEEDS, folder)
    return folder


def app_client(index_dir: Path, **config):
    """A Flask test client on an index folder."""
    from webui import create_app

    return create_app({"TESTING": True, "INDEX_DIR": str(index_dir), **config}).test_client()


def get(client, url: str, seconds: float = 10.0, **kwargs):
    """GET that must answer within `seconds` and never with a 500."""
    started = time.perf_counter()
    response = client.get(url, **kwargs)
    assert time.perf_counter() - started < seconds, url[:80]
    assert response.status_code < 500 or response.status_code == 503, (url[:80], response.status_code)
    return response


def is_valid_text(value) -> bool:
    """True when every string in a value can be written as UTF-8 (no lone surrogates)."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return False
        return "\x00" not in value
    if isinstance(value, dict):
        return all(is_valid_text(k) and is_valid_text(v) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return all(is_valid_text(v) for v in value)
    return True


def one_line_error(result) -> str:
    """A CLI failure that is one line, no traceback, non-zero exit; the line."""
    output = result.output or ""
    assert result.exit_code != 0, output
    assert "Traceback" not in output, output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    lines = [line for line in output.splitlines() if line.startswith("Error")]
    assert len(lines) == 1, output
    return lines[0]
