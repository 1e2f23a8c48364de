"""Round 24 (issue 22, branch council24): a care setting's story on a scraped page whose title is site chrome. Every
sentence here is our own invention."""
from __future__ import annotations

from indexer import settings
from indexer.ingest.annotate.provider import is_setting_inspection, story_lead

_BODY = ("A children's home run by the county council has been rated 'good' by Ofsted inspectors.\n"
         "Inspectors said the home offered warm and stable care to the four young people living there.\n"
         "The manager of the home thanked staff for their work over a difficult winter.")


def test_a_chrome_title_gives_way_to_the_lead_naming_the_setting():
    assert story_lead("[Jump to navigation]", _BODY).startswith("A children's home run by")
    assert is_setting_inspection("[Jump to navigation]", _BODY)[0]


def test_a_title_naming_the_setting_is_kept():
    title = "Riverside children's home rated good"
    assert story_lead(title, _BODY) == title


def test_a_council_services_story_stays_a_council_story():
    body = ("The borough's children's services have been rated good by Ofsted.\n"
            "The inspectors praised the council's children's homes and the home for disabled children.\n"
            "The home for disabled children was singled out for its work.")
    assert not is_setting_inspection("Posted 3 March - Permalink", body)[0]


def test_the_premises_refer_back_to_the_setting():
    body = ("A children's home in the town looks set to close for good after inspectors rated it 'inadequate'.\n"
            "The premises have been empty since the summer while a review took place.\n"
            "Councillors will be asked to agree that the facility should stay shut.")
    assert is_setting_inspection("Breaking: latest", body)[0]


def test_an_operator_aside_between_the_homes_and_their_grade():
    title = "Three children's homes, run by the borough council, have been given a 'good' rating by Ofsted"
    body = title + "\nOne of the homes looks after children with complex needs."
    assert is_setting_inspection(title, body)[0]


def test_switch_off_is_round_23(monkeypatch):
    monkeypatch.setattr(settings, "ROUND24_SETTING_LEAD", False)
    assert story_lead("[Jump to navigation]", _BODY) == "[Jump to navigation]"
    assert not is_setting_inspection("[Jump to navigation]", _BODY)[0]


def test_a_title_naming_a_council_or_its_services_is_kept():
    for title in ("Kent County Council news", "Children's services update from the cabinet"):
        assert story_lead(title, _BODY) == title


# --- the members of a counted group of councils --------------------------------------------------------------------

from indexer.ingest.annotate.counted_lists import counted_members  # noqa: E402
from indexer.ingest.annotate.gazetteer import display_name  # noqa: E402
from indexer.ingest.annotate.text_units import Sentence  # noqa: E402
from indexer.ingest.documents import load_document  # noqa: E402


def _members(text: str) -> set[str]:
    """Display names of the councils a sentence lists after a counted group."""
    return {display_name(code) for code in counted_members([Sentence(text, 1, 0)], None)}


def _graded(*texts: str) -> dict[str, str | None]:
    """Display name -> the counted group's grade, over consecutive sentences."""
    found = counted_members([Sentence(t, 1, n) for n, t in enumerate(texts)], None)
    return {display_name(code): grade for code, (grade, _) in found.items()}


def test_members_in_brackets_after_a_count():
    assert _members("The top grade is now held by three other councils (Cumbria and Kent among them) nationally.") \
        == {"Cumbria", "Kent"}
    assert _members("The assessment names 14 councils (including Rutland) as performing excellently.") == {"Rutland"}


def test_members_after_including_and_an_editors_note():
    assert _members("Six councils were judged poor this year, including Kent [see the table] and Cumbria.") \
        == {"Kent", "Cumbria"}


def test_the_other_n_were():
    assert _members("Two authorities fell to one star. The other two were Kent and Rutland.") == {"Kent", "Rutland"}


def test_the_group_grade_from_its_sentence_or_the_one_before():
    assert _graded("Six councils were judged inadequate, including Kent and Cumbria.") \
        == {"Kent": "inadequate", "Cumbria": "inadequate"}
    assert _graded("Four authorities were rated 'inadequate' this year.", "The other three were Kent, Rutland and Cumbria.") \
        == {"Kent": "inadequate", "Rutland": "inadequate", "Cumbria": "inadequate"}
    assert _graded("Some were good and some outstanding.", "The other two were Kent and Rutland.") \
        == {"Kent": None, "Rutland": None}


def test_no_count_no_members():
    assert _members("Councils including Kent and Cumbria have bid for the funding.") == set()
    assert _members("Kent, one of two councils visited, was rated good.") == set()


def _article_councils(tmp_path, text: str) -> list[str]:
    """The councils a whole text page is about."""
    page = tmp_path / "page.txt"
    page.write_text(text, encoding="utf-8")
    return load_document(page).council


def test_counted_lists_switch(monkeypatch, tmp_path):
    text = ("Annual ratings: Kent improves\n"
            "Kent has been rated good for its children's services this year, the inspectorate said.\n"
            "Kent's director welcomed the verdict on its children's services.\n"
            "Kent was praised for its work with care leavers.\n"
            "Four other councils (Cumbria and Rutland among them) hold that rating too.")
    monkeypatch.setattr(settings, "ROUND24_COUNTED_LISTS", True)
    on = _article_councils(tmp_path, text)
    monkeypatch.setattr(settings, "ROUND24_COUNTED_LISTS", False)
    off = _article_councils(tmp_path, text)
    assert {"Cumbria", "Rutland"} <= set(on) and not {"Cumbria", "Rutland"} & set(off)
