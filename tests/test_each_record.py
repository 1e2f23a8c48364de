"""The one-test-per-set helper names every failing record and why (tests/each_record.py)."""
from __future__ import annotations

import pytest

from tests.each_record import check_each, failures

RECORDS = [{"id": "x01", "words": 3}, {"id": "x02", "words": 12}, {"id": "x03", "words": 5}, {"id": "x04"}]


def _short(record: dict) -> None:
    assert record["words"] <= 8


def test_every_failing_record_is_named_with_its_reason():
    found = failures(_short, RECORDS)
    assert list(found) == ["x02", "x04"]
    assert "`assert record[\"words\"] <= 8`: assert 12 <= 8" in found["x02"]  # the line, and the values compared
    assert found["x04"].endswith("KeyError: 'words'")


def test_one_failure_lists_them_all():
    with pytest.raises(pytest.fail.Exception) as failed:
        check_each(_short, RECORDS)
    message = str(failed.value)
    assert message.startswith("2 of 4 failed: x02, x04")
    assert "--- x02: line " in message and "assert 12 <= 8" in message and "KeyError" in message
    assert "x01" not in message and "x03" not in message


def test_passing_records_pass_and_an_empty_set_does_not():
    check_each(_short, RECORDS[:1] + RECORDS[2:3])
    with pytest.raises(AssertionError, match="no records"):
        check_each(_short, [])
