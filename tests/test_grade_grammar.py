"""Round 21 (severity): the grammar of a council's overall grade, by coverage. A table of ways English news states a
council's overall children's-services grade (verb and noun forms, possessive and plain objects, passive and active,
quoted grades, headlines without a verb), and of near-misses that must not give the overall grade (sub-judgements,
aims, praise, schools and settings, left grades, other services). Every sentence is our own invention; each one is
put in a tiny article (headline, outlet, the sentence) and the article's severity per council is checked."""
from __future__ import annotations

import pytest

from indexer import settings
from tests.facet_helpers import article

G, O, RI, I = "good", "outstanding", "requires improvement", "inadequate"
_OUTLETS = ("The Borough Gazette", "Care Matters Weekly", "Evening Courier")

# (council, sentence, grade): the article's headline names the council and no grade.
STATED = [
    # active verbs with the service as a possessive object
    ("Stockport", "Ofsted has rated Stockport council's children's services good, praising its staff.", G),
    ("Wigan", "Inspectors have judged Wigan council's services for children to be outstanding.", O),
    ("Derby", "Ofsted graded Derby City Council's children's services as requires improvement.", RI),
    ("Sefton", "Inspectors rated Sefton borough's social care for children inadequate last month.", I),
    ("Norfolk", "The watchdog rated Norfolk's children's services 'requires improvement to be good'.", RI),
    # round 23 (real page text): a contrast's year belongs to its own clause
    ("Rotherham", "Rotherham's children's services were rated good, whereas in March 2014 they had been judged "
                  "inadequate.", G),
    # round 23 (real page text): the full name with "further"
    ("Suffolk", "An Ofsted report on Suffolk County Council's children's services found they require further "
                "improvement to be good.", RI),
    ("Southwark", "Ofsted has declared Southwark Council's children's services good.", G),
    ("Plymouth", "Ofsted has rated Plymouth City Council good for its children's services.", G),
    ("Somerset", "Inspectors found children's services in Somerset to be 'good'.", G),
    ("Worcestershire", "Ofsted has rated Worcestershire's children's services as \u201cinadequate\u201d.", I),
    ("Medway", "Ofsted now rates children's services in Medway as good.", G),
    ("Stoke-on-Trent", "Ofsted has upgraded Stoke-on-Trent City Council's children's services to good.", G),
    # giving verbs: the grade as a noun given to the service or council
    ("Croydon", "Ofsted handed Croydon council's children's services an 'inadequate' rating.", I),
    ("Leeds", "Ofsted has given Leeds City Council's children's services an outstanding rating.", O),
    ("Bolton", "Inspectors awarded Bolton Council a good rating for its children's services.", G),
    ("Bury", "The inspectorate gave Bury council's children's services a rating of good.", G),
    ("York", "Ofsted gave York council's children's services a good grade.", G),
    # passive
    ("Stockport", "Stockport council's children's services have now been rated good by Ofsted.", G),
    ("Kent", "Children's services at Kent County Council were judged outstanding.", O),
    ("Lancashire", "Lancashire County Council's children's social care has been graded 'requires improvement'.", RI),
    ("Torbay", "Services for children in Torbay were found to be inadequate by inspectors.", I),
    ("Walsall", "Walsall Council's children's services have been awarded a 'good' rating by Ofsted.", G),
    ("Sheffield", "Sheffield City Council has been handed an 'outstanding' grade for its children's services.", O),
    ("Dudley", "Dudley council has been given an inadequate rating for children's social care.", I),
    ("Tameside", "Tameside council's children's services have been downgraded to inadequate by Ofsted.", I),
    ("Solihull", "Solihull council's services for children and families have been rated as requiring improvement.", RI),
    ("Nottingham", "Nottingham City Council is rated good for children's services.", G),
    # receiving verbs
    ("Oldham", "Oldham Council has received a good Ofsted rating for its children's services.", G),
    ("Bradford", "Bradford council's children's services received an 'inadequate' Ofsted judgement.", I),
    ("Salford", "Salford City Council got a 'requires improvement' rating for its children's services.", RI),
    ("Trafford", "Trafford Council has earned an outstanding rating for its services for children.", O),
    ("Gateshead", "Gateshead Council secured a good rating from Ofsted for its children's social care.", G),
    ("Essex", "Essex County Council has retained its outstanding rating for children's services.", O),
    ("Camden", "Camden Council kept its 'good' Ofsted grade for children's services.", G),
    ("North Tyneside", "North Tyneside Council has achieved an outstanding Ofsted rating for children's services.", O),
    ("Rotherham", "Rotherham council has achieved a rating of good for its children's services.", G),
    ("Leicestershire", "Leicestershire County Council's children's services got an outstanding from Ofsted.", O),
    ("Warrington", "Warrington's children's services scored a 'good' from Ofsted.", G),
    # noun forms: the grade before "rating"/"judgement", a word between
    ("Oldham", "Council leaders in Oldham are calling a good Ofsted rating for children's social care a milestone.", G),
    ("Barnsley", "Barnsley's 'inadequate' Ofsted judgement for children's services has been published.", I),
    ("Wandsworth", "The outstanding Ofsted rating for Wandsworth's children's services was welcomed by councillors.", O),
    ("Peterborough", "An 'inadequate' Ofsted judgement for Peterborough children's services has prompted calls for change.", I),
    ("Herefordshire", "Herefordshire Council's rating of good for its children's services was confirmed on Friday.", G),
    ("Slough", "Slough's children's services were given the grade of requires improvement.", RI),
    ("Redcar and Cleveland", "Redcar and Cleveland's children's services have an Ofsted rating of requires improvement.", RI),
    ("Wirral", "Ofsted's verdict on Wirral's children's services: good.", G),
    ("Halton", "Halton's children's services now hold a good rating from inspectors.", G),
    # copulas and reported speech
    ("Hertfordshire", "Ofsted said Hertfordshire County Council's children's services 'require improvement to be good'.", RI),
    ("Brent", "The report judged Brent's children's services as 'requires improvement to be good'.", RI),
    ("Bexley", "Bexley Council's children's services are outstanding, Ofsted has said.", O),
    ("Luton", "Ofsted says children's services in Luton are good.", G),
    ("Cornwall", "Inspectors concluded that Cornwall Council's children's services were good overall.", G),
    ("Knowsley", "Children's social care in Knowsley is inadequate, according to Ofsted.", I),
    ("Hackney", "Ofsted described Hackney council's children's services as inadequate.", I),
    # round 21 left this shape out (a grade cued by "in its latest inspection" after it): no labelled page holds it
    pytest.param("Havering", "Havering council's children's services achieved good in their latest inspection.", G,
                 marks=pytest.mark.xfail(strict=True, reason="round 21: left out, it fires on no labelled page")),
]

# (council, headline, grade): the grade stated in the headline only, the body neutral.
HEADLINED = [
    ("Kent", "Ofsted: Kent children's services good", G),
    ("Lincolnshire", "Ofsted rates Lincolnshire children's services outstanding", O),
    ("Swindon", "Inadequate: Ofsted's verdict on Swindon children's services", I),
    ("Bristol", "Requires improvement for Bristol children's services, says Ofsted", RI),
    ("Newham", "Good rating for Newham children's services", G),
    ("Doncaster", "Doncaster children's services rated 'good' by inspectors", G),
]

def _KNOWN(why: str):
    """A near-miss the code already got wrong before round 21 and still does (the table records it, strict)."""
    return pytest.mark.xfail(strict=True, reason=f"known before round 21: {why}")


# (council, sentence, grade or None): near-misses that must not give the overall grade (or must give the other one).
NEAR_MISSES = [
    # sub-judgements and areas
    ("Stockport", "Ofsted rated Stockport council's care leavers service good.", None),
    ("Kent", "Ofsted judged help and protection in Kent to be inadequate.", None),
    ("Trafford", "Inspectors found leadership in Trafford to be good.", None),
    ("Camden", "Camden's adoption service was rated outstanding.", None),
    ("Southwark", "Ofsted graded Southwark council's fostering service good.", None),
    pytest.param("Swindon", "Ofsted's verdict on Swindon's early help: good.", None, marks=_KNOWN("the area before a colon is not read")),
    ("Wandsworth", "Wandsworth's youth offending service was judged inadequate.", None),
    # round 23 (real page text): the one area that stands out from the rest
    ("Tameside", "Tameside's children's services were inspected; the only area that received a 'good' rating was "
                 "adoption.", None),
    ("Solihull", "In Solihull, care leavers was the only aspect of the work to be given a lower rating of "
                 "'requires improvement'.", None),
    # aims and hopes
    ("Leeds", "Leeds City Council aims to be rated outstanding by 2026.", None),
    ("Bolton", "Bolton Council wants its children's services to be judged good at the next inspection.", None),
    ("Essex", "Essex County Council hopes to achieve a good rating for children's services.", None),
    pytest.param("Newham", "The target is for Newham's children's services to be rated good by 2027.", None, marks=_KNOWN("'the target is for' is no aim cue")),
    pytest.param("Knowsley", "Knowsley needs a good rating to leave intervention.", None, marks=_KNOWN("a rating needed is no aim cue")),
    # praise and other uses of the words
    ("Derby", "Ofsted praised the good work of social workers in Derby.", None),
    ("Wigan", "Inspectors highlighted outstanding practice in Wigan's children's services.", None),
    ("Halton", "Good progress has been made in Halton, inspectors said.", None),
    ("Gateshead", "A good number of children in Gateshead wait too long for adoption.", None),
    ("Brent", "Ofsted found good evidence of improvement in Brent.", None),
    pytest.param("Enfield", "Enfield council is good at listening to young people, Ofsted said.", None, marks=_KNOWN("'good at' a doing is read as a grade")),
    # schools, settings and other services
    ("Sefton", "Three schools in Sefton were rated good by Ofsted.", None),
    pytest.param("Croydon", "A children's home run by Croydon Council was judged inadequate.", None, marks=_KNOWN("the home 'run by' the council is read as the council")),
    ("Medway", "A Medway secure training centre was handed an inadequate rating.", None),
    ("Worcestershire", "Children's homes in Worcestershire were rated good or outstanding.", None),
    ("Luton", "Luton's good Ofsted rating for schools was celebrated by the council.", None),
    pytest.param("Cornwall", "Cornwall Council has been rated good for its special educational needs provision.", None, marks=_KNOWN("'for its' area is not a qualifier")),
    pytest.param("Peterborough", "Peterborough Council received a good rating from the CQC for its adult social care.", None, marks=_KNOWN("adult social care is not told apart")),
    # scales and the next inspection
    ("North Tyneside", "Ofsted rates North Tyneside and every other council on a scale from outstanding to inadequate.", None),
    ("Bury", "Ofsted's inspection of Bury's children's services begins next week.", None),
    # grades left: the newer one wins
    ("Norfolk", "Since being rated inadequate in 2017, Norfolk's children's services have improved to good.", G),
    ("Rotherham", "Rotherham was rated inadequate in 2014 and is now rated outstanding.", O),
    ("Hackney", "Hackney's children's services, rated good in 2016, were judged inadequate this year.", I),
    ("Bristol", "Bristol's children's services are no longer inadequate, inspectors said.", None),
]


def _severity(tmp_path, headline: str, body: str, index: int) -> dict[str, str | None]:
    """Each council's severity in a tiny article: headline, outlet, one paragraph."""
    text = f"{headline}\n\n{_OUTLETS[index % len(_OUTLETS)]}\n\n{body}\n"
    doc = article(tmp_path, text)
    grades = list(doc.severity) + [""] * (len(doc.council) - len(doc.severity))
    return {council: grade or None for council, grade in zip(doc.council, grades)}


def _headline(council: str) -> str:
    """A headline that names the council and no grade."""
    return f"{council}: what the inspectors found"


def _numbered(rows: list) -> list:
    """Each row with its index first (the article's outlet), marks kept."""
    return [pytest.param(i, *row.values, marks=row.marks) if hasattr(row, "values") else (i, *row)
            for i, row in enumerate(rows)]


@pytest.mark.parametrize("index,council,sentence,grade", _numbered(STATED),
                         ids=[f"stated{i:02d}" for i in range(len(STATED))])
def test_a_stated_overall_grade(tmp_path, index, council, sentence, grade) -> None:
    assert _severity(tmp_path, _headline(council), sentence, index) == {council: grade}


@pytest.mark.parametrize("index,council,headline,grade", [(i, *row) for i, row in enumerate(HEADLINED)],
                         ids=[f"headline{i:02d}" for i in range(len(HEADLINED))])
def test_a_grade_in_the_headline(tmp_path, index, council, headline, grade) -> None:
    body = f"The report on the council's work with children in {council} was published this week."
    assert _severity(tmp_path, headline, body, index) == {council: grade}


@pytest.mark.parametrize("index,council,sentence,grade", _numbered(NEAR_MISSES),
                         ids=[f"near{i:02d}" for i in range(len(NEAR_MISSES))])
def test_a_near_miss(tmp_path, index, council, sentence, grade) -> None:
    assert _severity(tmp_path, _headline(council), sentence, index) == {council: grade}


@pytest.mark.parametrize("switch,council,sentence,grade", [
    ("ROUND21_NAMED_OBJECT", "Southwark",
     "Ofsted has declared Southwark Council's children's services good in every area.", G),
    ("ROUND21_NAMED_OBJECT", "Stoke-on-Trent",
     "Ofsted has upgraded Stoke-on-Trent City Council's children's services to good.", G),
    ("ROUND21_RATING_WORD", "Wandsworth",
     "The outstanding Ofsted rating for Wandsworth's children's services was welcomed by councillors.", O),
    ("ROUND21_RATING_FOR", "Oldham",
     "Council leaders in Oldham are calling a good Ofsted rating for children's social care a milestone.", G),
])
def test_each_round21_idea_is_needed(tmp_path, monkeypatch, switch, council, sentence, grade) -> None:
    assert _severity(tmp_path, _headline(council), sentence, 0) == {council: grade}
    monkeypatch.setattr(settings, switch, False)
    assert _severity(tmp_path, _headline(council), sentence, 0) == {council: None}


def test_the_verbless_headline_needs_its_idea(tmp_path, monkeypatch) -> None:
    body = "The report on the council's work with children in Kent was published this week."
    assert _severity(tmp_path, "Ofsted: Kent children's services good", body, 0) == {"Kent": G}
    monkeypatch.setattr(settings, "ROUND21_VERBLESS", False)
    assert _severity(tmp_path, "Ofsted: Kent children's services good", body, 0) == {"Kent": None}


# --- review21 ---

@pytest.mark.parametrize("after, named", [
    (" verdict for the city's children's services was welcomed", "service"),
    (" Ofsted rating for the county's schools", "area"),
    (" rating for its schools", "area"),
    (" rating for children's social care", "service"),
])
def test_the_rating_is_for_what_stands_up_to_two_words_on(after, named) -> None:
    from indexer.ingest.annotate.severity import rating_for
    assert rating_for(after) == named


@pytest.mark.parametrize("sentence", [
    "The new director wants to make its children's services good.",
    "Leaders pledged to make children's social care outstanding.",
    "Inspectors found Wirral's services good at listening, the council said.",
])
def test_an_aim_or_a_skill_is_no_round21_grade(sentence) -> None:
    from indexer.ingest.annotate.severity import grade_statements
    assert grade_statements(sentence, 1) == []


def test_a_rating_for_the_countys_schools_is_an_area() -> None:
    from indexer.ingest.annotate.severity import grade_statements
    [statement] = grade_statements("Leaders welcomed a good Ofsted rating for the county's schools.", 1)
    assert statement.sub_area
