"""Round 15 (severity): grades stated as membership of a group of councils, and the 2005-12 annual ratings' bands and
scores as outlets write them. Sentences are our own paraphrases; each rule has cases that must not fire."""
from __future__ import annotations

import pytest

from indexer.grades import GRADE_RE, grade_of_match
from indexer.ingest.annotate.gazetteer import display_name
from indexer.ingest.documents import load_document
from indexer.ingest.annotate.group_member import member_grade, memberships


def _facets(tmp_path, text: str) -> tuple[list[str], list[str]]:
    """Council and severity facets of a one-article text."""
    path = tmp_path / "article.txt"
    path.write_text(text)
    doc = load_document(path, None)
    return list(doc.council), list(doc.severity or [])


# --- membership of a group of councils holding a grade ---------------------------------------------------------

@pytest.mark.parametrize("sentence, council, grade", [
    ("Leeds joins the small group of councils whose children's services Ofsted judges outstanding, inspectors said.",
     "Leeds", "outstanding"),
    ("Stockport is one of only a handful of councils in England whose children's services are rated outstanding.",
     "Stockport", "outstanding"),
    ("Essex became one of just a few authorities to hold an outstanding rating for children's social care.",
     "Essex", "outstanding"),
    ("Only a quarter of councils have been judged good, and Trafford is one of them, the council's leader said.",
     "Trafford", "good"),
    ("Fewer than one in three councils achieve a good rating, and Bolton is now among them after its inspection.",
     "Bolton", "good"),
    ("So few councils reach 'good' that Rutland was proud to be one of them, its director told the committee.",
     "Rutland", "good"),
    ("Walsall remains among the councils rated inadequate by Ofsted, a year after its last full inspection.",
     "Walsall", "inadequate"),
])
def test_a_member_of_a_graded_group_holds_the_grade(sentence, council, grade):
    found = [(display_name(m.code), m.grade) for m in memberships(sentence)]
    assert found == [(council, grade)]


@pytest.mark.parametrize("sentence", [
    "Sefton was one of the councils rated inadequate in 2019.",  # a dated group: a past grade
    "Kent is one of the councils that have never been rated outstanding.",  # negated
    "Hull is among the councils that Ofsted says should be good by 2026.",  # a target
    "Derby is one of 20 councils whose children's homes are rated good.",  # homes, not the council's services
    "Wigan is one of the authorities rated good for help and protection.",  # a sub-judgement
    "Wigan Council is among the 40 per cent of councils rated good or better.",  # an alternative, not one grade
    "Bury is one of the councils that moved from inadequate to good.",  # two grades: the movement rules decide
    "Luton is one of the councils that used to be rated inadequate.",  # no verb of holding before the grade
    "Norfolk is among the councils where inspections are due this year, and good practice is shared.",
])
def test_membership_does_not_fire(sentence):
    assert memberships(sentence) == []


def test_two_memberships_that_disagree_decide_nothing():
    sentences = ["Leeds is one of the councils rated outstanding.", "Leeds is among the councils judged good."]
    code = memberships(sentences[0])[0].code
    assert member_grade(sentences, code) == (None, [])


def test_membership_fills_an_empty_grade_end_to_end(tmp_path):
    text = ("Council among the country's best for children's social care\n\n"
            "Cumbria County Council news\n\n"
            "Ofsted's annual report says only one council in four has passed its tougher inspection of children's "
            "social care.\n\n"
            "The cabinet member said so few councils achieve 'good' that Cumbria was pleased to be one of them.\n")
    assert _facets(tmp_path, text) == (["Cumbria"], ["good"])


def test_membership_never_overrides_a_stated_grade(tmp_path):
    text = ("Kent children's services rated requires improvement\n\n"
            "Ofsted has rated children's services at Kent County Council as requires improvement. "
            "Kent is one of the councils rated good for adoption.\n")
    assert _facets(tmp_path, text) == (["Kent"], ["requires improvement"])


# --- the annual ratings' bands and scores ---------------------------------------------------------------------

@pytest.mark.parametrize("phrase, grade", [
    ("was put in the bottom band for its children's services", "inadequate"),
    ("is in the top band of councils for children's services", "outstanding"),
    ("were given a rating of two out of four in the annual assessment", "adequate"),
    ("scored three out of a possible four in the annual rating", "good"),
    ("were awarded three stars, meaning good, in the annual assessment", "good"),
    ("received a score of one out of four", "inadequate"),
])
def test_band_and_score_phrasings(phrase, grade):
    match = GRADE_RE.search(phrase)
    assert match is not None and grade_of_match(match) == grade


@pytest.mark.parametrize("phrase", [
    "the top band of council tax",  # a tax band
    "the bottom band of pay for social workers",  # a pay band
    "three stars for the hotel",  # stars that rate nothing of the council's
    "a brass band played at the opening",
])
def test_band_phrasings_do_not_fire(phrase):
    assert all(grade_of_match(m) not in ("outstanding", "inadequate", "good") or "band" not in m.group()
               for m in GRADE_RE.finditer(phrase))
    assert not any("band" in m.group() or "star" in m.group() for m in GRADE_RE.finditer(phrase))


@pytest.mark.parametrize("text, grade", [
    ("Devon County Council was put in the bottom band for its children's services this year.", "inadequate"),
    ("Kent County Council's children's services scored three out of a possible four in the annual rating.", "good"),
    ("Wirral Council's children's services were given a rating of two out of four in the annual performance "
     "assessment.", "adequate"),
    ("Sheffield City Council's children's services were awarded three stars, meaning good, in the annual "
     "assessment.", "good"),
])
def test_band_sentences_grade_the_council(tmp_path, text, grade):
    council, severity = _facets(tmp_path, "Annual rating\n\n" + text + "\n")
    assert severity == [grade]


def test_a_tally_of_councils_in_a_band_grades_no_council(tmp_path):
    text = ("Annual ratings\n\nOfsted's yearly assessment put four councils in the bottom band for children's "
            "services, up from none a year before, the inspectorate said on Tuesday.\n")
    assert _facets(tmp_path, text)[1] == []


# --- an undated page naming the grade the record has standing all through its year ---------------------------------

from indexer.ingest.annotate.undated_standing import standing_through, undated_named_standing  # noqa: E402

MANCHESTER = "E08000003"  # the record: inadequate published 2014-09-01, requires improvement 2017-12-21


def test_a_grade_standing_all_year_is_filled_when_the_page_names_it():
    text = "Two years after Manchester's children's services were rated inadequate, the council has a new director."
    fill = undated_named_standing(MANCHESTER, text, 2016)
    assert fill is not None and fill.grade == "inadequate" and fill.confidence == "inferred"


@pytest.mark.parametrize("text, year", [
    # a year in which a new grade was published: the page may be from either side of it
    ("Manchester's children's services were rated inadequate and the council has a new director.", 2017),
    # the text names another grade
    ("Manchester's children's services were rated good for adoption, the council said.", 2016),
    # the grade word with no rating verb
    ("Manchester council admits an inadequate response to the flooding.", 2016),
    # no year for the page
    ("Manchester's children's services were rated inadequate.", None),
])
def test_undated_standing_does_not_fire(text, year):
    assert undated_named_standing(MANCHESTER, text, year) is None


def test_standing_through_a_year():
    assert standing_through(MANCHESTER, 2016) == "inadequate"
    assert standing_through(MANCHESTER, 2014) == ""  # a new grade that year
    assert standing_through(MANCHESTER, 2005) == ""  # nothing in the record yet
