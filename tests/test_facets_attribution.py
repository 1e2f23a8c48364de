"""Which councils a grade belongs to in round-ups (facets/attribution.py), end to end on short articles."""
from __future__ import annotations

from .facet_helpers import article


def test_a_list_introduced_by_its_grade(tmp_path):
    doc = article(tmp_path, "Annual ratings published\n\nThe yearly ratings are out. Alongside Barnet, those rated "
                            "poor are Sutton, Merton and Bexley.\n\nMinisters said they would act.\n")
    assert set(doc.council) >= {"Sutton", "Merton", "Bexley"}
    assert dict(zip(doc.council, doc.severity))["Merton"] == "inadequate"


def test_rated_inadequate_at_a_list_of_councils(tmp_path):
    doc = article(tmp_path, "Child protection concerns\n\nInspectors said child protection was rated inadequate at "
                            "Luton, Bedford, Peterborough and Thurrock.\n")
    assert doc.council == ["Luton", "Bedford", "Peterborough", "Thurrock"]
    assert doc.severity == ["inadequate"] * 4


def test_both_refers_back_to_the_councils_just_named(tmp_path):
    doc = article(tmp_path, "Top marks in the north\n\nSunderland and Durham are among the best councils for "
                            "children.\n\nBoth were rated outstanding by Ofsted.\n")
    assert doc.council == ["Sunderland", "Durham"] and doc.severity == ["outstanding", "outstanding"]


def test_a_list_without_a_grade_takes_the_grade_just_given(tmp_path):
    doc = article(tmp_path, "Three councils rated good\n\nThree councils have had their children's services rated "
                            "good.\n\nSalford, Trafford and Bolton all earned the grade after visits in May.\n")
    assert doc.council == ["Salford", "Trafford", "Bolton"] and doc.severity == ["good"] * 3
