"""The shared grade scan finds exactly what a full GRADE_RE scan finds, and splits a document once."""
from __future__ import annotations

import re
from pathlib import Path

from indexer.ingest.chunk import sentences
from indexer.ingest.extract import read_document
from indexer.ingest.annotate import scan
from indexer.ingest.annotate.gazetteer import find_mentions
from indexer.ingest.annotate.text_units import document_sentences
from indexer.grades import _PHRASES, GRADE_RE

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ["rated excellent", "judged poor", "a 'poor' verdict", "the poor list", "failing children's services", "the lowest possible rating",
            "the worst grade", "the 'excellent' band", "the highest judgement", "the top rating",
            "requires improvement to be good", "require improvement", "requiring improvement", "performing excellently",
            "requires further improvement to be good",
            "performs adequately", "performing poorly", "performs well",
            "performs excellently", "performing adequately", "performs poorly", "performing well", "outstanding", "adequate", "inadequate",
            "good", "RI", "Ri", "services required improvement", "the 'excellent' label", 'the "excellent" rating',
            "the second-highest rating", "the second lowest grade",
            # round 7: the CPA's stars and the annual assessments' scores out of four
            "the maximum four stars", "four stars for children's services", "three stars for children's services",
            "two stars for children's services", "a single star", "one star rating", "scored 4 out of 4",
            "scored 3 out of 4", "got 2 out of four", "scored 1 out of 4",
            "from three stars to one", "from four stars to two", "performed excellently", "performed adequately",
            "performed poorly", "the second-lowest of Ofsted's four grades", "the second-highest of four ratings",
            "the top one of four grades", "the lowest of the four grades", "delivers well above minimum requirements", "consistently above minimum requirements",
            "only at minimum requirements", "not meeting the minimum requirements", "failing to meet minimum requirements",
            # round 15: the annual ratings' end bands, a rating "of" a score, "out of a possible four", glossed stars
            "put in the bottom band", "in the top band", "given a rating of two out of four",
            "scored three out of a possible four", "three stars, meaning good",
            # round 19: the service as a whole "needs to improve"
            "its children's services still need to improve.",
            # round 26: a band number as a score in the real pages' shapes
            "an overall grading of four out of four", "a rating for 2008 of just 3 out of 4.",
            "assessed as being 2 (out of 4)", "a score of 1 out of four overall"]


def _texts() -> list[str]:
    """Every sentence of the seeds and of the news fixtures."""
    out = []
    for path in [*ROOT.glob("seeds/*.txt"), *ROOT.glob("tests/fixtures/**/*.txt"), *ROOT.glob("tests/fixtures/**/*.html")]:
        doc = read_document(path)
        out += [s for p in doc.paragraphs for s in sentences(p.text)]
    return out


def test_every_grade_phrasing_has_a_cue_word():
    for example in EXAMPLES:
        assert GRADE_RE.search(example), example  # the examples are grade phrases
        assert scan.grade_matches(example), example
    # an example for every phrasing of the grade table: a phrasing added here needs one (with a cue word)
    for pattern, _ in _PHRASES:
        assert any(re.search(pattern, e, re.IGNORECASE) for e in EXAMPLES), pattern


def test_gated_scan_equals_the_full_scan_on_real_sentences():
    texts = _texts()
    assert len(texts) > 500
    for text in texts:
        assert [m.span() for m in scan.grade_matches(text)] == [m.span() for m in GRADE_RE.finditer(text)], text


def test_sentences_split_once_and_mentions_copied(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Kent council was rated good. Medway was judged inadequate.\n\nA second paragraph here.\n")
    doc = read_document(path)
    first = document_sentences(doc)
    first.append("changed by a caller")
    assert document_sentences(doc) == first[:-1]  # the shared split is not the caller's list
    mentions = find_mentions("Kent and Medway")
    mentions.clear()
    assert len(find_mentions("Kent and Medway")) == 2


def test_every_band_example_holds_a_band_cue_and_the_gated_regex_finds_it():
    """Round 7: band phrasings are searched only in texts with a band cue; the cue must never hide one."""
    from indexer.grades import GRADES, has_band_cue
    bands = [p for g in GRADES for p in g.bands]
    for pattern in bands:
        examples = [e for e in EXAMPLES if re.search(pattern, e, re.IGNORECASE)]
        assert examples, pattern
        for example in examples:
            assert has_band_cue(example), example
            assert GRADE_RE.search(f"Kent was {example}."), example
