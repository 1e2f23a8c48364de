"""A plain-text article's grade table ("Care leavers: Good" one per line) is kept as one paragraph that states every
grade, not read as headings or trailing link labels and dropped."""
from __future__ import annotations

import pytest

from indexer.backends import open_backend
from indexer.backends.embedded.write.build import rebuild
from indexer.ingest.extract.text import blocks_from_text
from indexer.ingest.grade_rows import is_grade_row
from indexer.models import SearchRequest

STORY = """Walsall keeps its good rating

Walsall Council news

Ofsted has again judged the council's services for children good after a two-week visit in the spring.

Leaders said the result reflected the work of staff across every team and promised to keep improving.

How the areas were graded

Impact of leaders on social work practice: Good
Children who need help and protection: Requires improvement to be good
Children in care: Good
Care leavers – Outstanding
Overall effectiveness: Good
"""


@pytest.mark.parametrize("line,row", [
    ("Care leavers: Good", True),
    ("Children who need help and protection: Requires improvement to be good", True),
    ("Care leavers – 'Outstanding'", True),
    ("Overall effectiveness | Inadequate", True),
    ("Related stories: Good news for Walsall", False),   # more than a grade after the colon
    ("Back to news", False),
    ("Good", False),                                     # a grade without a label
])
def test_a_grade_row_is_a_label_and_a_grade_alone(line, row):
    assert is_grade_row(line) is row


def test_a_run_of_grade_rows_ending_a_story_is_one_paragraph():
    blocks = blocks_from_text(STORY)
    assert blocks[-1].kind == "para"
    assert blocks[-1].text == ("Impact of leaders on social work practice: Good; Children who need help and protection: "
                               "Requires improvement to be good; Children in care: Good; Care leavers – Outstanding; "
                               "Overall effectiveness: Good")
    assert blocks[-2].kind == "heading" and blocks[-2].text == "How the areas were graded"


def test_a_single_row_before_prose_stays_a_heading():
    blocks = blocks_from_text("Title here\n\nSome opening prose about the inspection of the council.\n\n"
                              "Help and protection: requires improvement to be good\n\n"
                              "Children at risk are spotted quickly and get a prompt response from the teams.\n")
    assert [b.kind for b in blocks][-2:] == ["heading", "para"]


@pytest.fixture(scope="module")
def story_index(tmp_path_factory):
    folder = tmp_path_factory.mktemp("grade-rows")
    (folder / "walsall-good.txt").write_text(STORY, encoding="utf-8")
    index_dir = tmp_path_factory.mktemp("grade-rows-index")
    rebuild([folder], index_dir)
    return open_backend(index_dir)


def test_the_table_answers_a_question_about_an_area_grade(story_index):
    hits = story_index.search(SearchRequest(q="Walsall care leavers outstanding", collapse=True)).hits
    assert hits and hits[0].doc_id == "walsall-good.txt"
    document = story_index.document("walsall-good.txt")
    shown = next(p.text for p in document.paragraphs if p.n == hits[0].paragraph)
    assert "Care leavers – Outstanding" in shown
