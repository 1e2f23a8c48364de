"""Every facet value says how sure it is (ingest/annotate/confidence.py); the index stores the year's."""
from __future__ import annotations

from indexer.backends.embedded.write.build import index_fields
from indexer.ingest.annotate.confidence import weakest

from tests.conftest import SEEDS
from tests.facet_helpers import annotated, article


def test_weakest_level():
    assert weakest(["stated", "inferred", "official"]) == "inferred"
    assert weakest([None]) is None


def test_dated_article_is_stated(tmp_path):
    doc = article(tmp_path, "Kent services rated good\n\nPublished: 12 March 2019\n\nKent County Council's "
                            "children's services were rated good overall by Ofsted.\n")
    assert doc.confidence == {"council": "stated", "year": "stated", "severity": "stated"}
    assert doc.facet_evidence["year"]["confidence"] == "stated" and not doc.year_inferred


def test_year_from_dates_matched_in_the_record_is_official():
    doc = annotated(SEEDS / "001_8effb7a534c938bd.txt")  # inspection dates in the text
    assert doc.year == 2013 and doc.year_confidence == "official"


def test_guessed_year_is_inferred_and_stored_in_the_index():
    from tests.conftest import FIXTURES

    doc = annotated(FIXTURES / "hostile.txt")  # no dates: the only inadequate inspection of the council
    assert doc.year == 2014 and doc.year_inferred
    assert doc.as_dict()["confidence"]["year"] == "inferred"
    assert {row["year_confidence"] for row in index_fields(doc)} == {"inferred"}
