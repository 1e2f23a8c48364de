"""Plain-text articles: exact paragraph boundaries of every seed, furniture removed, hard wraps re-joined."""
from __future__ import annotations

import pytest

from indexer.ingest.extract import read_document
from indexer.ingest.extract.text import decode

from tests.conftest import SEEDS

# (first four words, last three words) of every paragraph, in order.
EXPECTED = {
    "000_f098993525120d5e.txt": [
        ('A government advisor will', "children's services department."),
        ('Inspectors visited Medway Council', 'of four sectors.'),
        ('As a result, the', 'from her post.'),
        ('The Department for Education', 'additional support required.'),
        ('They will monitor the', 'at the end.'),
        ('The Council have implemented', 'independently-chaired improvement board.'),
        ('Deputy director for children', 'to the report.'),
        ("Children's services look after", 'potentially at risk.'),
        ('Of 64,000 children living', 'of the council.'),
        ('A further 350-380 children', 'for their welfare.'),
        ('The areas that inspectors', 'and overall effectiveness.'),
        ('In terms of the', 'to be good.'),
        ('Among 10 areas Ofsted', 'danger of exploitation.'),
        ('The report reads: "Many', 'for too long."'),
        ('While the referrals of', 'in visiting children."'),
        ("The department's ability to", 'was branded "ineffective".'),
        ('Concerns were raised on', 'under their care.'),
        ('The working conditions of', 'evening and weekends.'),
        ('The council have addressed', 'start next month.'),
        ('Around 150 social workers', 'a recruitment drive.'),
        ('The report also found', 'the wider service.'),
        ('"These are serious shortcomings,', 'until this inspection."'),
        ('Reacting to the news,', 'we are now.'),
        ('"We embarked on some', 'they actually are.'),
        ('"That lead me to', 'the wrong messages.'),
        ('"We are not dealing', 'put that right.'),
        ('"Elected members will be', 'to improve things."'),
        ('Cllr Josie Iles (Con),', 'affects the child.'),
        ('"It is important and', 'have to make."'),
        ("Director of children's services", 'need to make.'),
        ('"If anyone has any', 'will act promptly.'),
        ('"That\'s why it was', 'for a child."'),
        ('Cllr Vince Maple, leader', 'vulnerable young people.'),
        ('"To say that the', 'away from Medway.'),
        ('"We don\'t want to', 'to bring forward."'),
        ('Cllr Clive Johnson (Lab),', 'vulnerable young people.'),
        ('"That’s what makes this', 'do their jobs."'),
        ('Medway was issued with', '2012, in 2016.'),
    ],
    "001_8effb7a534c938bd.txt": [
        ('In a damning report,', 'lowest grade available.'),
        ('The purpose of the', 'well cared for.'),
        ('Overall we rated the', 'protection services are.'),
        ('The report is grim', 'category stamped Inadequate.'),
        ('- Overall effectiveness –', 'effectiveness – Inadequate'),
        ('- The effectiveness of', 'carers – Inadequate'),
        ('- The quality of', 'practice – Inadequate'),
        ('- Leadership and governance', 'governance – Inadequate'),
        ('The report is thorough', 'through case files.'),
        ('Here’s a sample of', 'of the sections.'),
        ('- 14 – “During', 'child protection business.”'),
        ('- 22 – “The', 'of risk factors.”'),
        ('- 22 – “This', 'of significant harm.”'),
        ('- 25 – “Too', 'to minimise risk.”'),
        ('- 29 – “Too', 'need for protection.”'),
        ('- 29 – “the', 'service at all.”'),
        ('- 40 – “Leadership', 'governance is inadequate.”'),
        ('The only sign of', 'Island’s Children’s centres.'),
        ('26 – “Children’s centres', 'good or better.”'),
        ('The report is detailed,', 'or comments below.'),
        ('Below is what the', 'the council’s Website.'),
        ('Joint statement from the', 'and Social Care.'),
        ('“The council accepts the', 'by this authority.'),
        ('“At the same time,', 'to those employees.'),
        ('“The vast majority of', 'the shortcomings identified.'),
        ('“We recognise however that', 'assessments and planning.'),
        ('“We know we are', 'harder to identify.'),
        ('“In response to the', 'we have already:'),
        ('– appointed an interim', 'social care services'),
        ('– undertaken a thorough', 'harm or abuse.'),
        ('“We are also continuing', 'and young people..'),
        ('“We are pleased that', 'for vulnerable teenagers.'),
        ('“We are also pleased', 'on the Island.'),
        ('“The safeguarding of children', 'report to Cabinet.”'),
    ],
    "002_26cf2c24ede969a4.txt": [
        ("'Serious failures to safeguard", "Children's Services department."),
        ('A damning Ofsted report', "risk of harm.'"),
        ('After an inspection in', 'the overall rating.'),
        ('A key issue raised', 'concerning problems revealed.'),
        ("This includes 'serious failures", 'robustly responded to.'),
        ('The report states: "Many', 'ongoing significant harm."'),
        ('The report found that', 'is not secured.'),
        ('When children are at', 'not always started.'),
        ('The report is also', 'not always investigated."'),
        ('Ofsted found that some', "be 'mostly weak.'"),
        ('The service was found', 'social care interventions.'),
        ('Ofsted also found that', 'and making progress."'),
        ("Responding to today's report,", 'the whole city.'),
        ('“We have been letting', 'put this right.'),
        ('“We have a new', 'drive forward improvements.'),
        ('“There is no greater', 'we possibly can.'),
        ('In a joint statement,', 'about Ofsted’s findings.'),
        ('“It is in no', 'have been identified.'),
        ('“We have already made', 'young people receive.'),
        ('“The Improvement Plan will', 'to recruitment for.”'),
    ],
    "003_daed07e52103bff4.txt": [
        ('Kent County Council has', 'to be inadequate.'),
        ('The Ofsted report which', 'to protect children.'),
        ('In the worst cases,', 'the report said.'),
        ('Council leader Paul Carter', 'be put right.'),
        ('He said the council', "12 months' time."),
        ('A further statement issued', 'to make improvements.'),
        ('The statement said: "We', 'our sincere apologies.'),
        ('"All agencies are completely', 'have been identified."'),
        ('It said referrals had', 'the increased workload.'),
        ('But following £5m investment', 'to 11% currently.'),
        ('The Ofsted report said', 'low educational attainment.'),
        ('Safeguarding services were inadequate', 'management and supervision.'),
        ('There had been a', 'of early intervention.'),
    ],
    "004_c591f3048068f891.txt": [
        ('Ofsted’s chief inspector has', 'damning inspection report.'),
        ('The watchdog found a', 'people at risk.'),
        ('During the inspection, 21', 'at by inspectors.'),
        ('Services in Sunderland had', 'plan in place.'),
        ('However, the report stated', 'and young people”.'),
        ('An Ofsted spokesperson said', 'action be taken”.'),
        ('Nick Whitfield, chief executive', 'for the council.'),
        ('Frontline practice was criticised', 'following safeguarding procedures.'),
        ('“Assessments of children are', 'support to children.'),
        ('The number of unallocated', 'months without progressing.'),
        ('“Children are left in', 'the report said.'),
        ('Sunderland council is too', 'of appropriate housing.'),
        ('Leader of Sunderland council', 'to improve safeguarding.'),
        ('“While the report makes', 'highlighted,” Watson said.'),
        ('“Despite spending cuts of', 'we have identified.'),
        ('“We have also increased', 'children,” Watson said.'),
    ],
}
FURNITURE = ["More on KentOnline", "READ MORE", "Related Stories", "More on This Story", "Elsewhere on the BBC",
             "°C", "HARDtalk", "Copyright", "best viewed", "Story taken directly", "Update: 14:29",
             "Live updates as road closed", "19 photos of Merseyside", "Smell of weed", "Boy, 10, pinned",
             "Features & Analysis", "Take me there", "Detailed report", "Summary report"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_paragraph_boundaries(name):
    doc = read_document(SEEDS / name)
    assert doc.error is None
    got = [(" ".join(p.text.split()[:4]), " ".join(p.text.split()[-3:])) for p in doc.paragraphs]
    assert got == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_has_no_furniture(name):
    doc = read_document(SEEDS / name)
    text = "\n".join(p.text for p in doc.paragraphs)
    for phrase in FURNITURE:
        assert phrase not in text, phrase


def test_hard_wrapped_sunderland_lines_are_rejoined():
    doc = read_document(SEEDS / "004_c591f3048068f891.txt")
    first = doc.paragraphs[0].text
    assert first == ("Ofsted’s chief inspector has written to the education secretary calling for quick “remedial "
                     "action” in Sunderland council’s children’s services after a damning inspection report.")
    headings = {p.heading for p in doc.paragraphs}
    assert {"Deterioration", "Fundamental shortfalls", "Potentially unsafe", "Increased spending"} <= headings


def test_headings_are_context_not_paragraphs():
    doc = read_document(SEEDS / "001_8effb7a534c938bd.txt")
    texts = [p.text for p in doc.paragraphs]
    assert "Grim reading" not in texts
    grim = next(p for p in doc.paragraphs if p.text.startswith("The report is thorough"))
    assert grim.heading == "Grim reading"


def test_titles_of_seeds():
    assert read_document(SEEDS / "003_daed07e52103bff4.txt").title == "Ofsted finds Kent child protection 'inadequate'"
    assert read_document(SEEDS / "000_f098993525120d5e.txt").title.startswith("A government advisor will be brought in")


def test_pull_quotes_and_image_captions_are_not_paragraphs():
    kent = read_document(SEEDS / "003_daed07e52103bff4.txt")
    assert not any("[Image: Jupiter]" in p.text for p in kent.paragraphs)
    medway = read_document(SEEDS / "000_f098993525120d5e.txt")
    assert not any(p.text.startswith('"We were lead to believe we were in a different place"-') for p in medway.paragraphs)


def test_decode_handles_cp1252_utf16_and_bom():
    assert decode("“Inadequate” – judged".encode("cp1252")) == "“Inadequate” – judged"
    assert decode("Café ‘good’".encode("utf-16")) == "Café ‘good’"
    assert decode("\ufeffMedway".encode("utf-8")) == "Medway"


def test_archive_toolbar_lines_are_furniture():
    from tests.conftest import FIXTURES

    doc = read_document(FIXTURES / "wayback-kent.txt")
    assert doc.title == "Ofsted finds Kent child protection 'inadequate'"
    assert [p.text.split()[0] for p in doc.paragraphs] == ["Kent", "The"]
