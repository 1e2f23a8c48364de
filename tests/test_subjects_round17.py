"""Issue 22, facet round 17 (subjects17): a council named as where help came from, or as the partner another shares a
post with, is a helper, not a subject, and never the main council while another council is named. Every text here is
written for the test (paraphrases of the shapes and cases that must not fire); none is an article's wording."""
from __future__ import annotations

import pytest

from indexer.ingest.annotate.helper_sources import helper_counts, mainly_helpers, sourced_helpers

from tests.facet_helpers import article

_STORY = ("Ofsted rates Derby children's services inadequate\n\nInspectors have judged Derby's children's services "
          "inadequate. Derby's director said Derby would act on every finding, and Derby's councillors met on "
          "Monday.\n\n{}\n")


# --- help that came from another council ---

@pytest.mark.parametrize("sentence", [
    "A government commissioner drawn from Nottinghamshire County Council will advise the leadership.",
    "Advisers from Leicestershire have spent the spring with Derby's managers.",
    "Social workers on loan from Nottinghamshire are covering the vacancies.",
    "Experts seconded from the neighbouring Nottinghamshire council will join the improvement board.",
    "The council has also had support from Leicestershire since the autumn.",
])
def test_a_council_named_only_as_the_source_of_help_is_no_subject(tmp_path, sentence):
    helper = "E10000018" if "Leicestershire" in sentence else "E10000024"  # Leicestershire / Nottinghamshire
    assert helper in sourced_helpers(_STORY.format(sentence), None)
    doc = article(tmp_path, _STORY.format(sentence))
    assert doc.council == ["Derby"]


def test_every_council_of_a_list_of_sources_is_a_helper():
    text = "Derby was judged inadequate. Improvement advisers from Leicestershire, Nottinghamshire and Lincolnshire arrive."
    assert {"E10000018", "E10000024", "E10000019"} <= sourced_helpers(text, None)


def test_sharing_a_director_makes_the_partner_a_helper(tmp_path):
    doc = article(tmp_path, _STORY.format("On the commissioner's advice, Derby and Nottingham agreed to share a "
                                          "director of children's services from April."))
    assert doc.council == ["Derby"]


# --- shapes that must not fire ---

@pytest.mark.parametrize("sentence", [
    "Inspectors from Ofsted found that Nottingham, rated inadequate last week, had the same problems.",
    "Children moved from Nottingham to Derby were not always visited.",
    "Nottingham was also judged inadequate by inspectors this month.",
])
def test_a_council_named_in_its_own_right_is_no_helper(sentence):
    text = _STORY.format(sentence)
    assert "E06000018" not in sourced_helpers(text, None)  # Nottingham


def test_a_council_with_a_helper_mention_and_more_of_its_own_stays_countable():
    text = ("Advisers from Nottingham came to Derby. Nottingham was judged inadequate in May. Nottingham's "
            "services have since improved, and Nottingham expects a visit.")
    helps, other = helper_counts(text, None)["E06000018"]
    assert helps == 1 and other >= 2
    assert "E06000018" not in sourced_helpers(text, None) and "E06000018" not in mainly_helpers(text, None)


# --- never the main council while another is named ---

def test_a_council_named_mainly_as_a_helper_is_not_the_main_council(tmp_path):
    doc = article(tmp_path, "Island services judged good\n\nOfsted has judged the Isle of Wight Council's children's "
                            "services good. Support from Hampshire helped, the report says: managers seconded from "
                            "Hampshire and advisers from Hampshire worked with the island's staff.\n")
    assert doc.council == ["Isle of Wight"]


def test_a_council_graded_in_its_own_right_and_named_once_as_a_helper_stays_the_subject(tmp_path):
    doc = article(tmp_path, "Recoveries\n\nCouncils are recovering. Derby was rated good in a report this week. "
                            "Nottingham is no longer inadequate, with help from Derby.\n")
    assert "Derby" in doc.council
