"""One test over a whole labelled set: every record (article, judged query) is checked, and a failure names each
record that failed and why, at once. One test per record cost more in pytest's and pytest-xdist's bookkeeping
(~4.5 ms an item) than the checks themselves (0.1-0.6 ms), over ~2,000 items."""
from __future__ import annotations

import traceback
from typing import Callable, Iterable, TypeVar

import pytest

Item = TypeVar("Item")


def record_id(record: dict) -> str:
    """A labelled article's id (k01, m12, …)."""
    return record["id"]


def failures(check: Callable[[Item], None], items: Iterable[Item],
             name: Callable[[Item], str] = record_id) -> dict[str, str]:
    """Why each failing item failed, by its name: the assertion's message as pytest rewrote it in the test module
    (the values compared), or the error raised; items that pass are not named."""
    found: dict[str, str] = {}
    for item in items:
        try:
            check(item)
        except AssertionError as error:
            found[name(item)] = _where(check, error) + (str(error).strip() or "assertion failed")
        except Exception as error:  # noqa: BLE001 - a malformed record (a missing field) is that record's failure
            found[name(item)] = _where(check, error) + f"{type(error).__name__}: {error}"
    return found


def _where(check: Callable, error: BaseException) -> str:
    """The line of the check that failed (its last frame in the check's own file), as a prefix."""
    code = getattr(check, "__code__", None)
    frames = [f for f in traceback.extract_tb(error.__traceback__) if code and f.filename == code.co_filename]
    return f"line {frames[-1].lineno} `{frames[-1].line}`: " if frames and frames[-1].line else ""


def check_each(check: Callable[[Item], None], items: Iterable[Item], name: Callable[[Item], str] = record_id) -> None:
    """Run `check` on every item; fail once, listing every failing item's name and reason."""
    items = list(items)
    assert items, "no records to check"
    found = failures(check, items, name)
    if found:
        lines = [f"{len(found)} of {len(items)} failed: {', '.join(found)}"]
        lines += [f"--- {key}: " + reason.replace("\n", "\n    ") for key, reason in found.items()]
        pytest.fail("\n".join(lines), pytrace=False)
