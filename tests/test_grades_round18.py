"""Round 18 (severity): a grade aimed at, neared or set as a condition is not a grade held (`aims.py`).
Sentences are our own inventions; each shape has cases that must not fire."""
from __future__ import annotations

import re._parser as _parser

import pytest

from indexer import settings
from indexer.ingest.annotate import aims
from indexer.ingest.annotate.aims import aimed_at
from indexer.ingest.annotate.severity import grade_statements
from indexer.ingest.documents import load_document


def _split(sentence: str, grade: str) -> tuple[str, str]:
    """The text before the last occurrence of `grade` and the text after it."""
    at = sentence.rindex(grade)
    return sentence[:at], sentence[at + len(grade):]


def _facets(tmp_path, text: str) -> tuple[list[str], list[str]]:
    """Council and severity facets of a one-article text."""
    path = tmp_path / "article.txt"
    path.write_text(text)
    doc = load_document(path, None)
    return list(doc.council), list(doc.severity or [])


@pytest.mark.parametrize("sentence, grade", [
    # a grade wanted or sought as an object
    ("The director said the department wants a good rating within two years.", "good"),
    ("Leaders are targeting outstanding at the next full inspection.", "outstanding"),
    ("The cabinet member dreams of an outstanding grade for the borough.", "outstanding"),
    # a grade one is heading for
    ("Bosses believe the borough is on track for outstanding.", "outstanding"),
    ("The council had always aimed for the top grade, the mayor said.", "the top grade"),
    ("The new chief executive has set her sights on 'good'.", "good"),
    ("Councillors said their ambitions for good were realistic.", "good"),
    # a grade one is near
    ("Managers say the county is now much closer to a good grade than before.", "good"),
    ("The lead member admitted the service had come close to inadequate last year.", "inadequate"),
    ("Officers think the city is within reach of an outstanding rating.", "outstanding"),
    # plural aims and conditions
    ("Their next aims are 'good' and then better still.", "good"),
    ("More must change if the trust is to be rated good next time.", "good"),
    ("The changes needed to become outstanding will take years.", "outstanding"),
    ("The council's bid to get to good has stalled.", "good"),
    ("The services still need improvement to be good, the report says.", "good"),
    ("The team has a plan for getting back to good.", "good"),
    ("Officers will ask inspectors whether the service is now good.", "good"),
    ("The report said that if the council is rated outstanding, the minister will visit.", "outstanding"),
    # an aim to show a grade, and a grade named before its aim
    ("Officers said they aim to show the department is clearly good by the spring.", "good"),
    ("'Good' is now the target for 2027, the mayor said.", "Good"),
    ("Outstanding remains the ambition of every social worker in the team.", "Outstanding"),
])
def test_an_aim_is_not_a_grade_held(sentence: str, grade: str) -> None:
    before, after = _split(sentence, grade)
    assert aimed_at(before, after)


@pytest.mark.parametrize("sentence, grade", [
    ("Ofsted has rated the county good in its latest inspection.", "good"),
    ("The borough achieved an outstanding rating this week.", "outstanding"),
    ("Inspectors judged the service to be good.", "good"),
    ("The council has improved to good.", "good"),
    ("The council got to good in two years.", "good"),
    ("Staff are determined to keep the outstanding grade.", "outstanding"),
    ("It looked as if the service was inadequate.", "inadequate"),
    ("Harbury is one of the first councils to be rated outstanding.", "outstanding"),
    ("The council wants to thank staff, whom Ofsted found good at their work.", "good"),
    ("Ofsted said the service is good, and the council wants more of the same.", "good"),
    ("Close to a thousand children are helped by the service, which inspectors rated good.", "good"),
])
def test_a_grade_held_is_not_an_aim(sentence: str, grade: str) -> None:
    before, after = _split(sentence, grade)
    assert not aimed_at(before, after)


@pytest.mark.parametrize("sentence, kept", [
    ("The council is on track for outstanding, officers said.", []),
    ("Ofsted rated it good overall; the council is on course for an outstanding rating.", ["good"]),
    ("Inspectors judged the service requires improvement, and the director wants a good rating by 2027.",
     ["requires improvement"]),
])
def test_grade_statements_drop_the_aim_only(sentence: str, kept: list[str]) -> None:
    assert [st.grade for st in grade_statements(sentence, 1) if st.weight >= 1.0] == kept


def test_an_article_keeps_the_grade_held_not_the_one_wanted(tmp_path) -> None:
    text = ("Bolton children's services told to improve\n\n"
            "Ofsted has judged Bolton Council's children's services as requires improvement to be good.\n\n"
            "The council's director said the authority now wants a good rating at its next inspection and is on "
            "track for good within two years.\n\n"
            "Council leaders said they were much closer to a good grade than three years ago.\n")
    councils, grades = _facets(tmp_path, text)
    assert councils == ["Bolton"]
    assert grades == ["requires improvement"]


@pytest.mark.parametrize("sentence, grade", [
    ("The goals now are good and then outstanding.", "good"),
    ("Officers plan to prove the service is good before the summer.", "good"),
])
def test_every_shape_passes_the_cheap_gate(sentence: str, grade: str) -> None:
    before, after = _split(sentence, grade)
    assert aimed_at(before, after)


@pytest.mark.parametrize("sentence, grade", [
    ("The new director spoke of her ambition to achieve outstanding within five years.", "outstanding"),
    ("The cabinet member said he would like to be rated good by the end of his term.", "good"),
    ("The plan is a stepping stone to good, officers said.", "good"),
])
def test_nouns_of_intent_and_wishes(sentence: str, grade: str) -> None:
    before, after = _split(sentence, grade)
    assert aimed_at(before, after)


def test_a_near_council_is_not_a_near_grade() -> None:
    before, after = _split("Kent is the closest outstanding council to the borough.", "outstanding")
    assert not aimed_at(before, after)


# Review of round 18 (findings 3-5): the reviewer's sentences.
@pytest.mark.parametrize("sentence, grade", [
    ("The council was able to become outstanding in 2019", "outstanding"),  # reached, not aimed at
    ("The service was praised after improving to be judged good", "good"),
    ("If anything the service is now outstanding", "outstanding"),  # "if anything" qualifies, no condition
    ("Whether or not the council is good, the backlog must go.", "good"),  # held either way
])
def test_reached_and_held_grades_are_not_aims(sentence: str, grade: str) -> None:
    before, after = _split(sentence, grade)
    assert not aimed_at(before, after)


@pytest.mark.parametrize("sentence, grade", [
    ("Leaders say the borough is within touching distance of outstanding.", "outstanding"),
    ("The county is within sight of good after two hard years.", "good"),
    ("The director said the council will be able to become outstanding by 2027.", "outstanding"),
])
def test_near_grades_and_future_abilities_are_aims(sentence: str, grade: str) -> None:
    before, after = _split(sentence, grade)
    assert aimed_at(before, after)


def test_the_aims_rule_has_a_switch(monkeypatch) -> None:
    before, after = _split("Bosses believe the borough is on track for outstanding.", "outstanding")
    assert aimed_at(before, after)
    monkeypatch.setattr(settings, "ROUND18_AIMS", False)
    assert not aimed_at(before, after)


def _min_strings(items) -> tuple[str, list[str]]:
    """A parsed regex's shortest string and, for each alternative or optional part, the shortest string that takes
    it (every other part kept shortest), so each key word is tried with as few other words as possible."""
    shortest, variants = "", []
    for op, arg in items:
        low, alternatives = _node(op, arg)
        variants = [v + low for v in variants] + [shortest + alt for alt in alternatives]
        shortest += low
    return shortest, variants


def _node(op, arg) -> tuple[str, list[str]]:
    """(shortest string, variant strings) of one parsed regex node."""
    name = str(op)
    if name == "LITERAL":
        return chr(arg), []
    if name in ("AT", "ASSERT", "ASSERT_NOT"):
        return "", []
    if name == "ANY":
        return "a", []
    if name == "IN":
        kind, value = arg[0]
        if str(kind) == "LITERAL":
            return chr(value), []
        if str(kind) == "RANGE":
            return chr(value[0]), []
        if str(kind) == "CATEGORY":
            return (" " if "SPACE" in str(value) else "1" if "DIGIT" in str(value) else "a"), []
        return "a", []  # a negated class ("[^.;:!?]"): any letter
    if name == "SUBPATTERN":
        return _min_strings(arg[-1])
    if name == "BRANCH":
        options = [_min_strings(branch) for branch in arg[1]]
        return options[0][0], [s for low, more in options for s in [low] + more]
    if name in ("MAX_REPEAT", "MIN_REPEAT"):
        least, _, item = arg
        low, more = _min_strings(item)
        if least == 0 and str(item[0][0]) == "IN" and str(item[0][1][0][0]) == "NEGATE":
            return " ", []  # "show[^.;:!?]{0,70}?\bis": a gap between two words is at least a space
        if least == 0:
            return "", [low] + more
        return low * least, [v + low * (least - 1) for v in more]
    raise AssertionError(f"unexpected regex node {name}")


@pytest.mark.parametrize("shape", aims._SHAPES, ids=lambda shape: shape.pattern[:30])
def test_every_shape_key_word_passes_the_gate(shape) -> None:
    shortest, variants = _min_strings(_parser.parse(shape.pattern, shape.flags))
    tried = [s for s in [shortest] + variants if shape.search(s)]
    assert len(tried) > len(variants) / 2  # the strings built are the shape's own
    assert [s for s in tried if not aims._GATE.search(s)] == []
