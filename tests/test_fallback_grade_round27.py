"""Round 27 (issue 22, branch fallback27): the last-resort grade for a main council no other rule grades. Every
sentence here is our own invention."""
from __future__ import annotations

import pytest

from indexer.ingest.annotate.fallback_grade import _sentence_grade, fallback_grade
from indexer.ingest.annotate.text_units import Sentence

_CODE = None  # the sentences below name no council, so any main council is the only one


@pytest.mark.parametrize("sentence, grade", [
    ("Back then, in a letter to the director, Ofsted said the department was 'inadequate'.", "inadequate"),
    ("The inspectors found that the department required improvement.", "requires improvement"),
    ("The inspection concluded the department was 'good'.", "good"),
])
def test_a_cued_sentence_with_one_grade_gives_it(sentence, grade):
    assert _sentence_grade(sentence, _CODE, None) == grade


@pytest.mark.parametrize("sentence", [
    "The department did good work with families, the director said.",  # a bare everyday word, not judged
    "Ofsted rated its help for care leavers 'outstanding'.",  # a judged area
    "Ofsted rated the adoption team 'good'.",  # another area
    "Managers hope Ofsted will rate the department 'good' next time.",  # an aim
    "The service was rated 'good' and its fostering 'inadequate'.",  # two grades
    "The mayor welcomed the new play park on Tuesday.",  # no grade at all
    "The department is 'inadequate', parents say.",  # no inspection cue
])
def test_other_sentences_give_none(sentence):
    assert _sentence_grade(sentence, _CODE, None) is None


def test_the_earliest_body_sentence_wins_and_the_title_is_skipped():
    sentences = [Sentence("Ofsted said the department was 'outstanding'", 0, 0),
                 Sentence("The director met parents in the town hall.", 1, 1),
                 Sentence("Inspectors judged the department 'inadequate' in the spring.", 2, 2),
                 Sentence("Ofsted found the department 'good'.", 3, 3)]
    assert fallback_grade(sentences, _CODE, None) == ("inadequate", sentences[2].text)


@pytest.mark.parametrize("sentence", [
    "Inspectors also judged its capacity to improve 'inadequate'.",  # a sub-judgement of the 2009-12 era
    "Six more were said by inspectors to be inadequate.",  # a count of councils
    "Much has changed since an inadequate Ofsted rating four years ago.",  # the starting point of a change
    "The referral unit was rated inadequate by inspectors.",  # a setting, not the service
])
def test_sub_judgements_counts_and_starting_points_give_none(sentence):
    assert _sentence_grade(sentence, _CODE, None) is None


@pytest.mark.parametrize("sentence, grade", [
    ("The department was told by inspectors that its children's services needed to improve.", "requires improvement"),
    ("The welcome news followed the good outcome of the Ofsted inspection.", "good"),
    ("Years ago, when inspectors judged the department to be inadequate, morale was low.", "inadequate"),
])
def test_past_tense_and_rating_noun_shapes_give_a_grade(sentence, grade):
    assert _sentence_grade(sentence, _CODE, None) == grade
