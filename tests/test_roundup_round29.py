"""Round 29 (issue 22, branch roundup29): the members of a round-up's lists. Every page here is our own invention.

- `ROUND29_COUNTED_GROUP`: a counted group of councils whose list names exactly that many ("The other two authorities
  graded poor overall are A and B", "against three now – A, B and C") gives each member the group's one
  grade, also over a member's grades of areas of the work only; a grade the sentence says of an area gives none.
- `ROUND29_ADJECTIVE_LIST`: a grade that is the adjective of a list itself ("welcomes good-rated A and B", "slow work
  at ‘inadequate’ C, D and E") grades that list, not the councils named before it.
- `ROUND29_BOROUGH_STYLE`: a list item may open on the council's style without its "of" ("Camden, and Royal Borough
  Greenwich, are ..."): one list, so both members share its grade.
"""
from __future__ import annotations

from indexer import settings
from indexer.ingest.annotate.counted_lists import counted_members
from indexer.ingest.annotate.places import council_groups, subject_mentions
from tests.facet_helpers import article

# A yearly round-up: the bottom band counted and then listed after a dash, in a sentence whose grade is denied of last
# year; the same councils named again only for one area of the work.
_DASH_COUNT = """Yearly ratings put three councils in the bottom band

Published: Wednesday, 10 December 2008

The yearly ratings of council children's services came out today.

Last year no council was judged inadequate, against three now – Bristol, Luton and Walsall.

Bristol, Luton, Walsall, Norfolk and Sefton were also judged inadequate at keeping children safe.

The minister said help would be sent to each of the three.
"""

# "One of N ... the other N-1 ... are": the first member graded on its own, the rest by the count's sentence.
_OTHER_N = """Bury among councils with the lowest rating

Published: Wednesday, 10 December 2008

Bury sits in the bottom band this year, with its services rated inadequate overall.

The other two local authorities judged inadequate overall in this round are Oldham and Trafford.

Oldham and Trafford also fell short in their safeguarding work.
"""

# A headline whose grade adjectives stand right before the lists they grade.
_ADJECTIVE = """Inspectors welcome good-rated Hull and Leeds but see slow work at ‘inadequate’ Norfolk, Sefton and Bury

Published: Tuesday, 12 October 2021

Ofsted's latest visits found strong practice in two authorities and uneven progress in three others.

Inspectors said help for families had become quicker in Hull, and that Leeds kept its caseloads low.

Norfolk, Sefton and Bury each had more to do, the letters said.
"""

# Two members of one list, the second opening on its style without "of".
_STYLE = """Greenwich celebrates Ofsted verdict

Published: Thursday, 3 March 2016

Inspectors have finished a run of visits in the capital. Camden, and Royal Borough Greenwich, are the first in London to be judged ‘outstanding’ this spring.

Greenwich's lead member said the verdict belonged to the borough's social workers.
"""


def _grades(doc):
    return dict(zip(doc.council, doc.severity))


def test_a_count_a_dash_hands_to_its_list(tmp_path):
    grades = _grades(article(tmp_path, _DASH_COUNT))
    assert grades["Bristol"] == grades["Luton"] == grades["Walsall"] == "inadequate"
    assert not grades.get("Norfolk") and not grades.get("Sefton")  # graded in one area only


def test_the_other_n_are(tmp_path):
    grades = _grades(article(tmp_path, _OTHER_N))
    assert grades == {"Bury": "inadequate", "Oldham": "inadequate", "Trafford": "inadequate"}


def test_counted_group_off_is_round_28(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "ROUND29_COUNTED_GROUP", False)
    grades = _grades(article(tmp_path, _DASH_COUNT))
    assert grades.get("Luton") != "inadequate"
    grades = _grades(article(tmp_path, _OTHER_N))
    assert grades.get("Oldham") != "inadequate"


class _Sentence:
    def __init__(self, text):
        self.text, self.paragraph = text, 1


def test_the_count_must_match_the_list():
    found = counted_members([_Sentence("No council was poor last year, against four now – Bristol and Luton.")],
                            None)
    assert not found  # four counted, two named: not the group's list


def test_an_area_grade_gives_the_group_none():
    found = counted_members([_Sentence("On keeping children safe, the letters called these three inadequate: "
                                       "Bristol, Luton and Walsall.")], None)
    assert {grade for grade, _ in found.values()} == {None}


def test_the_adjective_grades_the_list_after_it(tmp_path):
    grades = _grades(article(tmp_path, _ADJECTIVE))
    assert grades == {"Kingston upon Hull": "good", "Leeds": "good", "Norfolk": "inadequate", "Sefton": "inadequate",
                      "Bury": "inadequate"}


def test_adjective_list_off_is_round_28(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "ROUND29_ADJECTIVE_LIST", False)
    grades = _grades(article(tmp_path, _ADJECTIVE))
    assert grades.get("Kingston upon Hull") != "good"


def test_a_style_opens_a_list_item(tmp_path):
    grades = _grades(article(tmp_path, _STYLE))
    assert grades == {"Camden": "outstanding", "Greenwich": "outstanding"}


def test_borough_style_off_is_round_28(monkeypatch):
    text = "Camden, and Royal Borough Greenwich, are the first."
    assert len(council_groups(text, subject_mentions(text, None))) == 1
    monkeypatch.setattr(settings, "ROUND29_BOROUGH_STYLE", False)
    assert len(council_groups(text, subject_mentions(text, None))) == 2
