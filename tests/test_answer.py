"""The paragraph shown for a document: the one answering the question (search/answer.py), on real-sounding text."""
from __future__ import annotations

from indexer.search.answer import Asked, asked_by, shown_paragraph, stated_grades
from indexer.search.query import read_query


def numbered(texts):
    """Candidates as the backends pass them: (paragraph number, text), best-ranked first."""
    return list(enumerate(texts, 1))


class _Words:
    """A lexicon that knows every word and no movement (what read_query asks of a backend, without an index)."""

    def facet_values(self, field):
        return ()

    def has_word(self, stem):
        return True

    def suggest(self, word):
        return None


def test_everyday_grade_words_count_only_as_ratings():
    assert stated_grades("Peterborough's children's services are rated 'Good' by Ofsted") == {"good"}
    assert stated_grades("the service for care leavers is outstanding") == {"outstanding"}
    assert stated_grades("Care leavers – Requires Improvement to be Good") == {"requires improvement"}
    assert stated_grades("good social work is now the norm across the service") == set()
    assert stated_grades("The councils rated poor were: Birmingham, Calderdale and Doncaster.") == {"inadequate"}


def test_the_paragraph_stating_the_asked_grade_beats_one_with_more_query_words():
    asked = Asked(frozenset({"inadequate"}), frozenset({"Bradford"}), False)
    texts = ['Inspectors say "serious failures" across Bradford\'s children\'s services have left children at risk.',
             'Ofsted has again rated the service "inadequate", as it did in 2018.']
    assert shown_paragraph(asked, numbered(texts)) == 1
    assert shown_paragraph(Asked(frozenset(), frozenset(), False), numbered(texts)) == 0  # nothing asked: ranking order


def test_in_a_round_up_the_asked_council_without_a_list_of_others():
    asked = Asked(frozenset({"inadequate"}), frozenset({"Bradford"}), False)
    texts = ["Five authorities rated 'inadequate' are improving at different speeds.",
             "Uneven progress at five inadequate councils: Surrey, Newham, West Sussex, Medway and Bradford.",
             "Bradford, also rated inadequate, is changing slowly."]
    assert shown_paragraph(asked, numbered(texts), round_up=True) == 2
    assert shown_paragraph(asked, numbered(texts), round_up=False) == 0  # one council's story: its name is no answer


def test_a_movement_without_the_grade_reached_is_answered_by_the_grade_it_reached():
    asked = Asked(frozenset({"outstanding", "good", "requires improvement", "inadequate", "adequate"}),
                  frozenset({"Suffolk"}), True)
    texts = ['Suffolk County Council was rated "outstanding" at its previous inspection, in 2019.',
             'Ofsted has lowered a county\'s children\'s services to "requires improvement".']
    assert shown_paragraph(asked, numbered(texts)) == 1


def test_questions_read_into_what_they_ask():
    plan = read_query(_Words(), "which councils rated inadequate").plan
    asked = asked_by(plan)
    assert asked.grades == {"inadequate"} and asked.listing and not asked.councils
    texts = ["Councils rated inadequate must publish an improvement plan.",
             "Those rated inadequate were Kent, Medway and Swindon."]
    assert shown_paragraph(asked, numbered(texts)) == 1


class _Moves(_Words):
    """A lexicon whose documents hold every grade movement (so a query's movement is kept)."""

    def facet_values(self, field):
        from indexer import grades
        if field != "grade_change":
            return ()
        return {f"{end} {grade}" for end in ("from", "to") for grade in grades.VALUES} | {"improved", "declined"}


def test_a_movement_naming_both_grades_is_answered_where_the_grade_left_is_told():
    asked = asked_by(read_query(_Moves(), "Swindon went from good to inadequate").plan)
    assert asked.movement and asked.left == {"good"} and asked.grades == {"good", "inadequate"}
    # The story's headline and lists give the grade reached; the change is told where the grade left is.
    texts = ["Ofsted has judged the council's services for helping and protecting children 'Inadequate'.",
             "Children in care – Inadequate",
             "Inspectors say services have got markedly worse since 2019, when they were rated 'Good' overall."]
    assert shown_paragraph(asked, numbered(texts)) == 2
    # A question that names only the grade left is still answered by the grade reached.
    assert not asked_by(read_query(_Moves(), "Suffolk children's services downgraded from outstanding").plan).left


def test_no_longer_with_the_grade_reached_keeps_both_grades():
    asked = asked_by(read_query(_Moves(), "Northamptonshire no longer inadequate requires improvement").plan)
    assert asked.grades == {"inadequate", "requires improvement"} and asked.left == {"inadequate"}
