"""Round 19 (severity): the press's plain words for requires improvement, said of the service as a whole ("its
children's services still need to improve"), are that grade (`grades.py`, cue in `scan.py`). Sentences are our own
inventions; each shape has cases that must not fire."""
from __future__ import annotations

import pytest

from indexer import settings
from indexer.grades import normalise_grade
from indexer.ingest.annotate.scan import grade_matches
from indexer.ingest.annotate.severity import grade_statements
from indexer.ingest.documents import load_document


def _facets(tmp_path, text: str) -> tuple[list[str], list[str]]:
    """Council and severity facets of a one-article text."""
    path = tmp_path / "article.txt"
    path.write_text(text)
    doc = load_document(path, None)
    return list(doc.council), list(doc.severity or [])


@pytest.mark.parametrize("sentence", [
    "Inspectors told the borough that its children's services still need to improve.",
    "The county's children's social care needed to improve, the letter said.",
    "Ofsted found the city's children's services need to improve in every area.",
    "The inspection concluded that Bury's children's services also needed to improve overall.",
])
def test_the_service_needing_to_improve_requires_improvement(sentence: str) -> None:
    assert [st.grade for st in grade_statements(sentence, 1)] == ["requires improvement"]


@pytest.mark.parametrize("sentence", [
    "The council needs to improve care for children in foster homes.",  # the council, with an object
    "Children's services need to improve how they record visits.",  # an object: advice, not a grade
    "The services need to improve urgently, inspectors said.",  # the clause goes on
    "Several schools need to improve, the report adds.",  # not the service
    "Social workers said they needed to improve their notes.",
])
def test_other_needs_to_improve_are_no_grade(sentence: str) -> None:
    assert not [m for m in grade_matches(sentence) if "improve" in m.group().lower()
                and normalise_grade(m.group()) == "requires improvement" and "need" in m.group().lower()]


def test_an_area_needing_to_improve_is_a_sub_judgement() -> None:
    statements = grade_statements("Ofsted said the leadership of children's services needs to improve.", 1)
    assert [(st.grade, st.sub_area) for st in statements] == [("requires improvement", True)]


def test_a_need_to_improve_named_in_the_past_is_the_standing_grade() -> None:
    sentence = ("Nothing had changed since the council was told in 2016 that its children's services needed to "
                "improve.")
    assert [(st.grade, st.standing, st.year) for st in grade_statements(sentence, 1)] == [
        ("requires improvement", True, 2016)]


def test_an_article_whose_service_needs_to_improve(tmp_path) -> None:
    text = ("Bolton told to do better\n\n"
            "Ofsted has told Bolton Council that its children's services still need to improve.\n\n"
            "The director said a plan was already in place.\n")
    assert _facets(tmp_path, text) == (["Bolton"], ["requires improvement"])


def test_a_stated_inadequate_is_not_outweighed(tmp_path) -> None:
    text = ("Bolton services rated inadequate\n\n"
            "Ofsted has rated Bolton Council's children's services 'inadequate' overall.\n\n"
            "Inspectors said the children's services needed to improve, and fast.\n")
    assert _facets(tmp_path, text) == (["Bolton"], ["inadequate"])


# Review of round 19 (finding 2): the reviewer's sentences name areas, other services or a clause, not the grade.
@pytest.mark.parametrize("sentence", [
    "Ofsted listed the areas where services need to improve.",
    "Health services need to improve, the trust was told.",
    "The report, which rated the council good, highlighted where services need to improve.",
    "Ofsted listed the areas where children's services need to improve.",  # "where": the areas
    "The board asked which children's services need to improve.",
    "Adult social care needs to improve, the CQC said.",  # not children's
])
def test_areas_and_other_services_needing_to_improve_are_no_grade(sentence: str) -> None:
    assert "requires improvement" not in [st.grade for st in grade_statements(sentence, 1)]


def test_the_need_to_improve_wording_has_a_switch(monkeypatch) -> None:
    sentence = "Inspectors told the borough that its children's services still need to improve."
    assert [st.grade for st in grade_statements(sentence, 1)] == ["requires improvement"]
    monkeypatch.setattr(settings, "ROUND19_NEED_TO_IMPROVE", False)
    assert [st.grade for st in grade_statements(sentence, 1)] == []
