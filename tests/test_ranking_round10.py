"""Ranking round 10 (docs/news-devset.md, "Ranking round 10"): general rules for the paragraph shown, each tested on
sentences and stories written here, with cases that must not fire.

- for a movement question naming both grades, the grade left counts (as the grade left, as one of both grades, as the
  movement told) only in a paragraph telling an earlier time ("had held", "at its last inspection", "in 2019", "two
  years after", "from"): two grades in one paragraph with no earlier time are two judgements of one inspection
  ("three judgements came out outstanding; the other two were good"), not the movement's start;
- a question naming two or more councils is answered in a round-up by the paragraph naming several of them, whatever
  other councils that list names (before, a list naming others counted for nothing, so an introduction naming none
  was shown).

Both rules are in backend-neutral code (indexer/search/answer.py); the judged sets measure them on both backends.
"""
from __future__ import annotations

from indexer.search.answer import answers, asked_by, shown_paragraph, told_earlier
from indexer.search.query import read_query

from tests.test_ranking_round7 import _Words, numbered


def _asked(q: str):
    """What the question asks, read as the backends read it."""
    return asked_by(read_query(_Words(), q).plan)


# --- the grade left needs an earlier time -------------------------------------------------------------------------

def test_an_earlier_time_is_told_in_many_ways():
    for text in ("Until this year the service had held a 'good' rating.",
                 "At its previous inspection it was judged good.",
                 "It was last rated good in 2019.",
                 "Inspectors rated it good only two years after judging it inadequate.",
                 "The council has moved from good to outstanding.",
                 "It was found inadequate three years ago."):
        assert told_earlier(text), text
    # not: grades of one day, present tense or a list of judgements
    for text in ("Three judgements came out outstanding; the other two were good.",
                 "Leadership is outstanding and help and protection is good.",
                 "Care leavers: good. Overall effectiveness: outstanding."):
        assert not told_earlier(text), text


def test_two_judgements_of_one_day_are_not_a_movements_two_ends():
    asked = _asked("Elmshire upgraded from good to outstanding in 2024")
    assert asked.left == {"good"}
    texts = ["Ofsted has raised the rating of Elmshire's children's services to 'outstanding'.",
             "Two judgements came out outstanding, among them overall effectiveness. The other two were good."]
    # before: the list of judgements stated both grades and the grade left, and was shown
    assert answers(asked, texts[1]) < answers(asked, texts[0])
    assert shown_paragraph(asked, numbered(texts[::-1])) == 1
    # the grade left told against an earlier time still counts as the grade left and as the movement
    told = "The service was rated 'good' in 2020, and before that it had been judged adequate."
    assert answers(asked, told) > answers(asked, texts[1])
    # and so does one telling the change itself, with no time word ("climbed out of its 'inadequate' grade")
    asked = _asked("Elmshire no longer inadequate, adoption outstanding")
    assert asked.left == {"inadequate"}
    change = "Elmshire has climbed out of Ofsted's 'inadequate' grade, with its adoption service judged outstanding."
    dated = change.replace("grade,", "grade of 2015,")
    assert answers(asked, change) == answers(asked, dated) > answers(asked, "Inspectors judged Elmshire's adoption "
                                                                            "service outstanding.")


def test_both_grades_of_a_sub_judgement_question_need_no_earlier_time():
    # not a movement: a question setting an area against the overall grade is answered by the paragraph stating both
    asked = _asked("Elmshire care leavers outstanding but overall good")
    assert not asked.left
    both = "Care leavers' services are outstanding, and the overall grade is good."
    one = "Inspectors judged the service for care leavers to be outstanding."
    assert answers(asked, both) > answers(asked, one)


# --- a question naming several councils --------------------------------------------------------------------------

def test_a_question_naming_several_councils_is_answered_by_the_paragraph_listing_them():
    asked = _asked("2008 ratings Doncaster Surrey Haringey inadequate overall")
    assert len(asked.councils) == 3
    texts = ["Ministers are sending experts to the councils that were inadequate overall.",
             "This year three were inadequate overall: Doncaster, Haringey and Surrey. Essex, Reading and Wokingham "
             "were judged inadequate for safeguarding."]
    assert shown_paragraph(asked, numbered(texts), round_up=True) == 1
    # two of the three named are a list of them too
    texts[1] = "Two councils, Doncaster and Surrey, were judged inadequate overall; Kent and Essex were not."
    assert shown_paragraph(asked, numbered(texts), round_up=True) == 1


def test_a_question_naming_one_council_keeps_the_paragraph_about_it_alone():
    # not: one council asked; a list naming it among many others is no answer about it, the paragraph about it is
    asked = _asked("Surrey inadequate overall 2008")
    texts = ["Inadequate overall this year: Doncaster, Haringey, Milton Keynes, Surrey and Essex.",
             "Surrey was judged inadequate overall, its lowest grade yet."]
    assert shown_paragraph(asked, numbered(texts), round_up=True) == 1
    # and outside a round-up the councils named change nothing
    asked = _asked("Doncaster Surrey inadequate")
    texts = ["Both councils were judged inadequate.", "Doncaster and Surrey were judged inadequate."]
    assert answers(asked, texts[0]) == answers(asked, texts[1])
