"""Issue 21, the first hour: what a newcomer sees on the fixture corpus, asserted on the HTML and JSON."""
from __future__ import annotations

import re

import pytest

from indexer.analysis import stem
from indexer.backends.embedded.write.build import rebuild
from indexer.cli import main
from indexer.models import SearchRequest
from indexer.backends import open_backend
from indexer.stemming import STEM_EXCEPTIONS
from webui.presenting import council_label, readable_date

from tests.conftest import ROOT


# Query understanding that knows what is indexed

def test_a_council_with_no_documents_is_said_plainly_with_next_steps(client):
    html = client.get("/?q=Rutland+children%27s+services+rated+inadequate").get_data(as_text=True)
    notice = re.search(r'<p class="notice" role="status">(.*?)</p>', html, re.S).group(1)
    assert "No documents about Rutland are indexed" in notice
    assert 'href="/council/Rutland"' in notice and "its official inspection history" in notice
    assert 'href="/search?q=children%27s+services+rated+inadequate">search all councils</a>' in notice
    assert 'href="/councils?docs=some">councils with documents</a>' in notice
    assert html.index('class="notice"') < html.index('class="summary"')  # at the top, before the results


def test_not_indexed_is_in_the_json_and_the_cli(client, runner, fixture_index):
    data = client.get("/search.json?q=Rutland+inadequate").get_json()
    assert data["not_indexed"] == [{"facet": "council", "value": "Rutland", "typed": "Rutland",
                                    "message": "No documents about Rutland are indexed", "without_url": "?q=inadequate",
                                    "related": []}]
    years = client.get("/search.json?q=caseloads+2003").get_json()["not_indexed"]
    assert [(n["facet"], n["value"]) for n in years] == [("year", "2003")]
    assert "No documents from 2003 are indexed" in years[0]["message"]
    assert client.get("/search.json?q=Kent+inadequate").get_json()["not_indexed"] == []  # Kent has documents
    out = runner.invoke(main, ["search", "Rutland", "inadequate", "--index", str(fixture_index)]).output
    assert "No documents about Rutland are indexed" in out


# Grade vocabulary: domain stemming exceptions

def test_stemming_exceptions_keep_apart_what_the_field_keeps_apart():
    assert stem("rated") == stem("rating") != stem("rates") == stem("rate")
    assert stem("judged") != stem("judges") and stem("cared") != stem("care")
    assert stem("manageable") != stem("managers") and stem("highly") != stem("high")
    assert all(stem(word) == value for word, value in STEM_EXCEPTIONS.items())


@pytest.fixture(scope="module")
def grades_vs_rates(tmp_path_factory):
    """Two statistics paragraphs about rates, one grade statement, one workload pair of opposites."""
    folder = tmp_path_factory.mktemp("rates")
    (folder / "stats.txt").write_text(
        "Exclusion rates in Dudley are above the national rate and re-referral rates are rising.\n\n"
        "The rate of children in care in Dudley is 105 per 10,000 children, and inadequate data hides it.\n",
        encoding="utf-8")
    (folder / "grade.txt").write_text("Ofsted rated Dudley children's services inadequate in its latest inspection.\n",
                                      encoding="utf-8")
    (folder / "workload.txt").write_text(
        "Social workers in Dudley say caseloads are manageable and managers are highly visible.\n\n"
        "In some Dudley teams caseloads are too high and social workers cannot see children often enough.\n",
        encoding="utf-8")
    index = tmp_path_factory.mktemp("rates-index")
    rebuild([folder], index)
    return open_backend(index)


def test_rated_inadequate_reaches_the_grade_statement_before_statistics(grades_vs_rates):
    result = grades_vs_rates.search(SearchRequest(q="rated inadequate", collapse=False))
    assert result.hits[0].doc_id == "grade.txt"
    assert "<mark>rated</mark>" in result.hits[0].snippet_html
    # "rates" no longer stands in for "rated": no statistics paragraph is found for its rates. ("rated" only
    # introduces the grade, so a paragraph saying "inadequate" without it may follow, after the grade statement.)
    assert [h.doc_id for h in result.hits][:1] == ["grade.txt"]
    assert "<mark>rates</mark>" not in " ".join(h.snippet_html for h in result.hits)
    assert all("<mark>inadequate</mark>" in h.snippet_html for h in result.hits[1:])


def test_caseloads_too_high_ranks_the_complaint_above_its_opposite(grades_vs_rates):
    hits = grades_vs_rates.search(SearchRequest(q="caseloads too high", collapse=False)).hits
    assert "too <mark>high</mark>" in hits[0].snippet_html
    assert all("manageable" not in h.snippet_html for h in hits[:1])


# The front page

def test_front_page_shows_the_collection_search_box_first(client):
    html = client.get("/").get_data(as_text=True)
    assert html.index('role="search"') < html.index("What is in this collection")
    assert re.search(r"<strong>\d+</strong> of the 153 councils with children’s services", html)
    assert 'href="/councils?docs=none">the ' in html and "without any</a>" in html
    assert "Documents by year" in html and "Newest reports" in html and "Last updated" in html
    assert re.search(r"\d+</strong> news articles and text files", html)
    assert 'href="/search?q=caseloads+too+high">caseloads too high</a>' in html
    assert 'class="hits"' not in html  # not every paragraph, newest first


def test_councils_listing_filters_by_documents(client):
    gaps = client.get("/councils.json?docs=none").get_json()["councils"]
    some = client.get("/councils.json?docs=some").get_json()["councils"]
    assert some and all(r["documents"] > 0 for r in some) and all(r["documents"] == 0 for r in gaps)
    assert len(gaps) + sum(1 for r in some if not r["abolished"]) == 153
    assert 'option value="none" selected' in client.get("/councils?docs=none").get_data(as_text=True)


# Facet lists and the year chart

def test_facet_css_has_no_fixed_height_scroll_box():
    css = (ROOT / "webui" / "static" / "style.css").read_text()
    assert not re.search(r"\.facet-values\s*\{[^}]*max-height", css)


def test_single_year_chart_has_one_centred_label(client):
    html = client.get("/?q=caseloads&year=2019").get_data(as_text=True)
    svg = re.search(r'<svg class="histogram".*?</svg>', html, re.S).group(0)
    labels = re.findall(r'<text x="([\d.]+)"[^>]*class="axis">(\d+)</text>', svg)
    assert [year for _, year in labels] == ["2019"] and 'text-anchor="middle"' in svg
    width = float(re.search(r'viewBox="0 0 (\d+)', svg).group(1))
    assert float(labels[0][0]) == width / 2 and width >= 90  # centred, with room for the four digits


# Dead ends

def test_zero_results_offer_next_steps_and_no_exports(client):
    html = client.get("/?q=zeppelinz+trampolinez&council=Kent").get_data(as_text=True)
    assert "Nothing matches" in html and "Next steps" in html
    assert "Remove the filter council: Kent" in html and 'href="/councils?docs=some">The ' in html
    assert ">CSV<" not in html and "Alert feed" not in html and 'type="application/atom+xml"' not in html
    assert 'class="empty"' not in html and "No paragraphs match" not in html


def test_one_spelling_message_for_one_typo(client):
    html = client.get("/?q=safegaurding").get_data(as_text=True)
    assert html.count("Did you mean") == 1 and "Also searched for" not in html
    assert "“safeguarding” for “safegaurding”" in html


def test_about_page_is_for_users(client):
    html = client.get("/about").get_data(as_text=True)
    assert 'class="about"' in html and "About this collection" in html
    assert "/tmp" not in html and "pytest" not in html  # no server paths
    assert not re.search(r"\d{4}-\d\d-\d\dT\d\d:", html)  # no raw ISO timestamp
    assert "values)" not in html and "help_and_protection" not in html and "grade_change" not in html
    assert "<th scope=\"row\">Ofsted grade</th>" in html
    assert re.search(r"Last updated</dt><dd>\d{1,2} [A-Z][a-z]+ \d{4}", html)


def test_document_page_has_source_and_discreet_similar_links(client):
    html = client.get("/doc/000_f098993525120d5e.txt").get_data(as_text=True)
    assert "<dt>Source</dt>" in html
    assert 'class="similar-link"' not in html  # no full line under every paragraph
    assert html.count('class="psim"') == html.count('class="para ')
    assert html.count("Similar in other councils (paragraph") == html.count('class="para ')


def test_document_page_explains_the_grade_it_gives(client):
    html = client.get("/doc/003_daed07e52103bff4.txt").get_data(as_text=True)
    assert "Grade in this document" in html
    assert "the lowest of Ofsted’s four grades" in html
    assert "Latest official grade" in html and "the council’s newest inspection, not this document’s" in html


# Labels and pluralisation

def test_council_labels_drop_the_repeated_name():
    assert council_label("Buckinghamshire (Buckinghamshire County Council)") == "Buckinghamshire"
    assert council_label("Bournemouth, Christchurch and Poole") == "Bournemouth, Christchurch and Poole"
    assert readable_date("2026-12-06T01:09:40+00:00") == "6 December 2026, 01:09 UTC"


def test_rebuild_of_one_document_says_document(runner, tmp_path):
    folder = tmp_path / "one"
    folder.mkdir()
    (folder / "a.txt").write_text("Medway children's services were judged inadequate.\n", encoding="utf-8")
    out = runner.invoke(main, ["rebuild", "--source", str(folder), "--index", str(tmp_path / "ix"), "--quiet"]).output
    assert "Indexed 1 document, 1 paragraph in" in out


def test_an_index_from_an_older_word_analysis_says_so_and_update_rebuilds_it(tmp_path):
    import json

    from indexer.backends.embedded.index import integrity
    from indexer.backends.embedded.index.layout import BUILD_INFO, current_generation
    from indexer.backends.embedded.write.update import update

    folder = tmp_path / "src"
    folder.mkdir()
    (folder / "a.txt").write_text("Kent was rated good; exclusion rates fell.\n", encoding="utf-8")
    index_dir = tmp_path / "ix"
    rebuild([folder], index_dir)
    assert open_backend(index_dir).search(SearchRequest(q="rated")).message is None
    info_path = current_generation(index_dir) / BUILD_INFO
    info = json.loads(info_path.read_text())
    del info["analysis_version"]  # as an index built before the stemming exceptions
    info_path.write_text(json.dumps(info))
    integrity.record(info_path.parent)  # as that build would have recorded its files (not a damaged index)
    assert "rebuild" in open_backend(index_dir).search(SearchRequest(q="rated")).message
    report = update([folder], index_dir)
    assert not report.changes  # a full rebuild, not an update of the old words
    assert open_backend(index_dir).search(SearchRequest(q="rated")).message is None


def test_opposite_findings_rank_below_the_one_asked_for(grades_vs_rates):
    from indexer.backends.embedded.query.opposites import opposite_paragraphs

    gen = grades_vs_rates.generation()
    high = opposite_paragraphs(gen, frozenset({stem("caseloads"), stem("high")}))
    texts = [gen.stored(int(d))["text"] for d in high.nonzero()[0]]
    assert len(texts) == 1 and "manageable" in texts[0]
    assert opposite_paragraphs(gen, frozenset({stem("caseloads")})) is None  # no pole named: nothing changes
    hits = grades_vs_rates.search(SearchRequest(q="caseloads manageable", collapse=False)).hits
    assert "<mark>manageable</mark>" in hits[0].snippet_html


def test_a_council_whose_successor_has_documents_says_so():
    from indexer.backends.embedded.read.collection import Collection
    from indexer.search.coverage import _council_note

    def held(*names):
        return Collection(1, 1, [], {n: 1 for n in names}, 153, 1, [], None)

    req = SearchRequest(q="Poole caseloads")
    note = _council_note("Poole", "Poole", req, held("Bournemouth, Christchurch and Poole"))
    assert note.message == ("No documents about Poole itself are indexed; "
                            "its successor Bournemouth, Christchurch and Poole has some")
    assert note.related == ("Bournemouth, Christchurch and Poole",)
    # The same children's services under the same name (the county council, then the unitary): no notice.
    assert _council_note("Buckinghamshire", "Buckinghamshire", req,
                         held("Buckinghamshire (Buckinghamshire County Council)")) is None
    assert _council_note("Rutland", "Rutland", req, held("Kent")).related == ()


def test_a_council_known_by_its_forerunner_is_offered_as_that_filter():
    from indexer.search.understand import _indexed_as

    old = "Buckinghamshire (Buckinghamshire County Council)"
    assert _indexed_as("Buckinghamshire", {old, "Kent"}) == old
    assert _indexed_as("Kent", {old, "Kent"}) == "Kent"
    assert _indexed_as("Rutland", {"Kent"}) == "Rutland"
