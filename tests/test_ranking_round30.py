"""Round 30 (rankaa30): ranking on fresh questions, in the shared chooser of the paragraph shown (search/answer.py).

Both rules of the branch were built and left off, then removed in round 32: a question naming children's centres as
another inspected body (`ROUND30_CENTRES_BODY`; round 31's provider rule reads them, tests/test_provider_round31.py)
and the paragraph giving an asked grade as the overall one shown first (`ROUND30_OVERALL_STATED`). The test below is
today's behaviour. The paragraphs and places here are written for the tests.
"""
from __future__ import annotations

import pytest

from indexer.search.answer import shown_paragraph

from tests.test_ranking_round15 import _asked


pytestmark = pytest.mark.usefixtures("fresh_answer_caches")  # tests/conftest.py


AREA_ONLY = (2, "Help and protection for families, and the work of the senior team, were each found to require "
                "improvement to be good.")
OVERALL = (5, "The inspectorate judged Marrowby's help for children inadequate overall, and inadequate for the "
              "children in its care as well.")


@pytest.mark.parametrize("question", [
    "Marrowby inadequate overall and for children in care, help and protection requires improvement",
    "Marrowby overall effectiveness and children in care inadequate while help and protection requires improvement",
])
def test_a_question_saying_overall_keeps_the_best_ranked_answer(question):
    assert shown_paragraph(_asked(question), [AREA_ONLY, OVERALL]) == 0
