"""`evaluate --news --pages DIR`: the labels measured on real page texts kept outside the repository."""
from __future__ import annotations

import json

from click.testing import CliRunner

from indexer.cli import main
from indexer.quality.evaluate_news import evaluate_news


def _labels(tmp_path):
    """Two labelled articles whose fixtures name Leeds; the real text of one names Bradford instead."""
    for n in (1, 2):
        (tmp_path / f"fx{n}.txt").write_text("Leeds children's services judged good\n\nInspectors rated Leeds City "
                                             "Council's children's services good in a report out on Monday.\n")
    rows = [{"id": f"zz{n}", "file": str(tmp_path / f"fx{n}.txt"), "kinds": ["plain"],
             "truth": {"councils": [{"council": "Leeds", "grade": "good"}], "year": None}} for n in (1, 2)]
    labels = tmp_path / "labels.jsonl"
    labels.write_text("".join(json.dumps(r) + "\n" for r in rows))
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "zz1.txt").write_text("Bradford children's services judged good\n\nInspectors rated Bradford Council's "
                                   "children's services good in a report out on Monday.\n")
    return labels, pages


def test_pages_replace_the_fixtures_and_missing_pages_are_left_out(tmp_path):
    labels, pages = _labels(tmp_path)
    fixtures = evaluate_news([labels])
    assert fixtures.accuracy("council") == (2, 2)
    real = evaluate_news([labels], pages)
    assert real.accuracy("council") == (0, 1) and real.without_page == 1
    assert real.misses()[0].found == ["Bradford"]


def test_the_command_says_where_it_read(tmp_path):
    labels, pages = _labels(tmp_path)
    out = CliRunner().invoke(main, ["evaluate", "--news", str(labels), "--pages", str(pages), "--no-misses"])
    assert out.exit_code == 0, out.output
    assert "real page texts" in out.output and "1 without a page left out" in out.output
    assert "council   0.0% (0/1)" in out.output
