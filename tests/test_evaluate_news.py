"""The news evaluation over the labelled dev set of real articles (indexer/evaluate_news.py), with floors.

The floors are what the rules reach today on the development sets a, b and c (114 articles, every fixture
rewritten in own words and measured against its source page; see docs/news-devset.md) so that no change makes
them worse. Set h (tests/data/news_heldout.jsonl, 50 articles) was scored blind once and then became development
material (issue 22's facet round): it has its own floors here. Set k (news_heldout_k.jsonl, 47 articles) was scored
blind once and became development material in the second facet round: its own floors too. Set m
(news_heldout_m.jsonl, 46 articles) was scored blind once after round 2 and is development material from facet
round 3 (half of it was held out within the round, see docs/news-devset.md): its floors are what round 3 reaches.
Set n (news_heldout_n.jsonl, 61 articles) was scored blind once after round 3 (88.5 / 78.7 / 73.8 %): its floors are
that blind score, so later rounds, which may read it, cannot make it worse; facet round 4 fitted on its odd ids, scored
its even ids once (unchanged at 93.3 / 83.3 / 80.0 %), then read them: its floors are what round 4 reaches on all 61
(93.4 / 93.4 / 91.8 %). A newer blind set is never scored here.
"""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from indexer.cli import main
from indexer.quality.evaluate_news import default_labels, evaluate_news, load_labels

from tests.conftest import ROOT

FLOORS = {"council": 1.0, "severity": 1.0, "year": 0.96}
LABELS = default_labels(ROOT)
DATA = ROOT / "tests" / "data"
# Former held-out sets, each scored blind once and development since: its file and its floors.
HELD_OUT = {
    # round 14's empty-year fallback (h46): 0.94 -> 0.96
    # round 19's outlet story numbers (h33): 0.98
    "h": (DATA / "news_heldout.jsonl", {"council": 1.0, "severity": 1.0, "year": 0.98}),
    # k: round 9's ablation deleted the graded-apposition partner rule ("…, itself rated good"), which decided k44
    # alone and no written sentence needed: k44 is lost on council and severity (100 -> 97.9 %)
    "k": (DATA / "news_heldout_k.jsonl", {"council": 0.978, "severity": 0.978, "year": 0.93}),
    # m, n: round 6 relabelled lines naming partners/locations/home or school councils as subjects (in-sample)
    # round 19's outlet story numbers: m 84.8 -> 91.3 % year (m14, m15, m42), n 93.4 -> 96.7 % (n15, n16)
    "m": (DATA / "news_heldout_m.jsonl", {"council": 1.0, "severity": 0.97, "year": 0.91}),
    "n": (DATA / "news_heldout_n.jsonl", {"council": 0.98, "severity": 0.98, "year": 0.96}),
    # p: even ids development in facet round 5, odd ids scored once at its end (unchanged there): the whole set
    # round 6 (in-sample on all of p, after relabelling its home/school councils): 95.0 / 92.5 / 90.0 %
    # round 7 (in-sample on all of p and q, r's even half): p 97.5 / 95.0 / 92.5 %, q 95.0 / 97.5 / 97.5 %; q's one
    # blind score was 87.5 / 80.0 / 87.5 %
    "p": (DATA / "news_heldout_p.jsonl", {"council": 0.975, "severity": 0.95, "year": 0.925}),
    "q": (DATA / "news_heldout_q.jsonl", {"council": 0.95, "severity": 0.975, "year": 0.975}),
    # r: blind score 97.5 / 90.0 / 72.5 %; round 7 fitted on its even half, its odd half unchanged at 100 / 95 / 75
    # round 8 fitted on all of r (r34 relabelled to the round-8 grade policy): 100 / 100 / 85 %
    "r": (DATA / "news_heldout_r.jsonl", {"council": 1.0, "severity": 1.0, "year": 0.85}),
    # s, t: blind sets scored once after round 7 (before it, on main's code: s 90.9 / 84.8 / 84.8 %, t 95.0 / 85.0
    # / 65.0 %); these are those blind scores
    "s": (DATA / "news_heldout_s.jsonl", {"council": 0.909, "severity": 0.878, "year": 0.848}),
    # t after round 8 (even half development; t16 relabelled to its grade policy, and the policy empties the odd t19's
    # borrowed grade): severity 80.0 -> 87.5 %
    # round 14's empty-year fallback (t26, and one article of the held-back odd half): year 0.675 -> 0.775
    "t": (DATA / "news_heldout_t.jsonl", {"council": 0.95, "severity": 0.875, "year": 0.775}),
    # u: blind set scored once before and once after round 9 (identical: 84.2 / 73.7 / 94.7 %); then two general fixes
    # found on its misses (Dorset's same-named successor, annual assessments are no school stories): 89.5 / 76.3 / 94.7
    # round 10 fitted on all of u (dated standing inspections, sub-judgements beside an overall grade, a predecessor
    # referred to without its name, children's centres as settings): 94.7 / 92.1 / 94.7 %
    "u": (DATA / "news_heldout_u.jsonl", {"council": 0.947, "severity": 0.921, "year": 0.973}),
    # v: blind set scored once before and once after round 10 (identical: 87.5 / 75.0 / 77.5 %); then "Stockton
    # Council" read as Stockton-on-Tees's name (v19, v20): 92.5 / 80.0 / 77.5 %
    # rounds 11-13 fitted on all of v (one official-record policy, years of undated pages): 92.5 / 92.5 / 90.0 %
    # round 14: a school story names one school, so v16 (Somerset's provision as a whole) keeps its council: 95.0 %
    # round 21's "joined by" continues a list (v23): council 97.5 %, severity 95.0 %
    "v": (DATA / "news_heldout_v.jsonl", {"council": 0.975, "severity": 0.95, "year": 0.925}),  # year: v38, round 14
    # w: blind set scored once before and once after round 11 (identical: 84.6 / 61.5 / 82.1 %); three focused-visit
    # labels set back to the visit convention after scoring (66.7 % severity); rounds 12-13 fitted on it
    # round 16: w37 relabelled under docs/labelling.md (one council-run home has no subject): 100 / 92.3 / 94.9 %
    "w": (DATA / "news_heldout_w.jsonl", {"council": 1.0, "severity": 0.923, "year": 0.948}),
    # x: blind set scored once before and once after round 12 (identical: 97.5 / 87.5 / 77.5 %); round 13 fitted on it
    # round 19's Newsquest story numbers (one undated x page): year 92.5 %
    # round 22's next inspection after the dated one a report page follows (x03): severity 100 %
    "x": (DATA / "news_heldout_x.jsonl", {"council": 1.0, "severity": 1.0, "year": 0.925}),
    # y: blind set scored once before and once after round 13 (identical: 94.4 / 88.9 / 91.7 %, and the same on the
    # session's starting code); then "now" bounded by an earlier-time clause (y03); round 14's record check (y01)
    # round 19's late month without its day (y35): year 94.4 %
    "y": (DATA / "news_heldout_y.jsonl", {"council": 0.944, "severity": 0.944, "year": 0.944}),
    # z: blind set scored once before and once after round 14's first facet branch (identical: 87.2 / 69.2 / 94.9 %);
    # then fixes made after reading its misses (a past grade still standing, monitoring visits, grade sequences,
    # apostrophe-less headlines, a school story names one school): 92.3 / 87.2 / 97.4 %
    # round 19: "services still need to improve" (z13) 92.3 % severity, the late month (z35) 100 % year
    "z": (DATA / "news_heldout_z.jsonl", {"council": 0.923, "severity": 0.923, "year": 1.0}),
    # g: blind set scored once after round 14 (97.4 / 97.4 / 89.5 %; the session's starting code 97.4 / 94.7 / 89.5 %)
    # round 19's Newsquest story numbers (one undated g page): year 92.1 %
    "g": (DATA / "news_heldout_g.jsonl", {"council": 0.973, "severity": 0.973, "year": 0.921}),
    # f: blind set scored once after round 14 (94.4 / 86.1 / 80.6 %, the same on the session's starting code)
    # round 17 (helpers named from another council): f03's advisers are no subjects, 97.2 %
    # round 19's late month (f19): year 83.3 %
    "f": (DATA / "news_heldout_f.jsonl", {"council": 0.972, "severity": 0.861, "year": 0.833}),
    # d: blind set scored once before and once after round 15 (95.0 / 85.0 / 62.5 % -> 100 / 87.5 / 62.5 %); round 16's
    # weekday dates (d07): 65.0 %; round 20's "N years after" (d38): 67.5 %
    "d": (DATA / "news_heldout_d.jsonl", {"council": 1.0, "severity": 0.9, "year": 0.675}),
    # e: blind set scored once before and once after round 16 (identical: 90.0 / 77.5 / 85.0 %); then "Kingston" alone
    # (e05), helpers (e28) and a grade named in a dated clause (e37): 95.0 / 80.0 / 85.0 %
    # round 18's aims (e19, e34: a grade wanted is not held): severity 85.0 %; round 20's visit counts and "N years
    # after" (e27 and another): year 90.0 %
    # round 21's headed lists (e08's "four-star councils ... were"): severity 87.5 %
    "e": (DATA / "news_heldout_e.jsonl", {"council": 0.95, "severity": 0.875, "year": 0.90}),
    # j: blind set scored once before and once after rounds 18-19 (95.0 / 77.5 / 67.5 % -> 95.0 / 77.5 / 77.5 %: round
    # 19's outlet story numbers and late months, 4 right / 0 wrong); round 20's dated visits, visit counts and "N years
    # after" (j08, j17, j20, j21; j17 and j21 also take the grade standing in their visit's year): 95.0 / 82.5 / 87.5 %
    "j": (DATA / "news_heldout_j.jsonl", {"council": 0.95, "severity": 0.825, "year": 0.875}),
    # l: blind set scored once before and once after round 20 (97.7 / 79.1 / 86.0 % both times: round 20's rules
    # did not fire on it), then development; round 21's grammar coverage (l09, l27), yearless report days (l27, l28,
    # l33) and round-up structures (l36, l40): 100 / 88.4 / 93.0 %; round 22's next inspection (l12): severity 90.7 %
    "l": (DATA / "news_heldout_l.jsonl", {"council": 1.0, "severity": 0.93, "year": 0.93}),
    # o: blind set scored once on round 20's final code and once after round 21 (100 / 75.0 / 80.0 % both times: no
    # round 21 rule fired on it), then development; round 22's next inspection (o10, o23): severity 80.0 %
    # round 22's visit pages (o20; l31 and d10 in their sets): severity o 82.5 %, l 93.0 %, d 90.0 %
    "o": (DATA / "news_heldout_o.jsonl", {"council": 1.0, "severity": 0.825, "year": 0.80}),
    # i: scored blind before and after round 22 (identical: 100 / 92.9 / 76.2 %), development since round 23
    "i": (DATA / "news_heldout_i.jsonl", {"council": 1.0, "severity": 0.925, "year": 0.76}),
    # aa: blind set scored once on round 29's final code (fixtures 91.3 / 80.4 / 73.9 %, real page text 89.1 / 80.4 /
    # 65.2 %), development since round 30; beside the other sets since round 31
    "aa": (DATA / "news_heldout_aa.jsonl", {"council": 0.913, "severity": 0.804, "year": 0.739}),
    # ab: blind set scored once on round 30's final code and once on round 29's (identical: fixtures 100 / 94.0 / 84.0 %,
    # real page text 100 / 86.0 / 80.0 %), development since round 31
    "ab": (DATA / "news_heldout_ab.jsonl", {"council": 1.0, "severity": 0.94, "year": 0.84}),
    # ac: blind set scored once in round 31 on round 30's final code and on round 31's first merges (identical:
    # fixtures 100 / 82.0 / 76.0 %, real page text 96.0 / 82.0 / 76.0 %), development since
    "ac": (DATA / "news_heldout_ac.jsonl", {"council": 1.0, "severity": 0.82, "year": 0.76}),
    # ad: blind set scored once at the end of round 31 on round 30's final code and on round 31's (identical: fixtures
    # 95.0 / 77.5 / 77.5 %, real page text 90.0 / 72.5 / 75.0 %); the counties' short forms and two address date shapes
    # written after that score: fixtures 95.0 / 77.5 / 82.5 %; development since round 32
    "ad": (DATA / "news_heldout_ad.jsonl", {"council": 0.95, "severity": 0.775, "year": 0.825}),
    # ae: blind set scored once at the end of round 32 on round 31's final code and on round 32's (identical: fixtures
    # 97.5 / 82.5 / 65.0 %, real page text 97.5 / 72.5 / 62.5 %); development since
    "ae": (DATA / "news_heldout_ae.jsonl", {"council": 0.975, "severity": 0.825, "year": 0.65}),
    # af: blind set scored once at round 32's very end on round 31's final code and on round 32's (identical: fixtures
    # 95.0 / 85.0 / 75.0 %, real page text 95.0 / 82.5 / 75.0 %); development since round 33
    "af": (DATA / "news_heldout_af.jsonl", {"council": 0.95, "severity": 0.85, "year": 0.75}),
    # ag: blind set scored once at round 33's end on round 32's final code and on round 33's (identical: fixtures
    # 100 / 90.0 / 82.5 %, real page text 100 / 85.0 / 70.0 %); development since
    "ag": (DATA / "news_heldout_ag.jsonl", {"council": 1.0, "severity": 0.90, "year": 0.825}),
}
_REPORTS: dict = {}


@pytest.fixture(scope="module")
def report():
    if not LABELS:
        pytest.skip("no tests/data/news_devset*.jsonl in this checkout")
    return evaluate_news(LABELS)


def test_every_labelled_article_is_evaluated(report):
    assert not report.errors
    assert len({c.label.id for c in report.checks}) == sum(len(load_labels(p)) for p in LABELS)


@pytest.mark.parametrize("facet", sorted(FLOORS))
def test_dev_set_accuracy_floors(report, facet):
    misses = [(c.label.id, c.expected, c.found) for c in report.misses() if c.facet == facet]
    assert report.ratio(facet) >= FLOORS[facet], misses


def _held_out_report(name: str):
    """The evaluation of one former held-out set, once per module."""
    path, _ = HELD_OUT[name]
    if not path.exists():
        pytest.skip(f"no {path.relative_to(ROOT)} in this checkout")
    if name not in _REPORTS:
        _REPORTS[name] = evaluate_news([path])
    return _REPORTS[name]


@pytest.mark.parametrize("name,facet", [(n, f) for n, (_, floors) in HELD_OUT.items() for f in sorted(floors)])
def test_held_out_set_accuracy_floors(name, facet):
    report = _held_out_report(name)
    misses = [(c.label.id, c.expected, c.found) for c in report.misses() if c.facet == facet]
    assert not report.errors and report.ratio(facet) >= HELD_OUT[name][1][facet], misses


def test_stated_years_are_nearly_always_right(report):
    ok, total = report.accuracy("year", lambda c: c.confidence == "stated")
    assert total >= 10 and ok / total >= 0.9


def test_cli_news_mode_prints_facets_kinds_confidence_and_misses(tmp_path):
    fixture = tmp_path / "a.txt"
    fixture.write_text("Luton services rated good\n\nPublished: 3 May 2019\n\nLuton Borough Council's children's "
                       "services were rated good overall.\n", encoding="utf-8")
    labels = tmp_path / "labels.jsonl"
    labels.write_text(json.dumps({"id": "t1", "file": str(fixture), "kinds": ["plain"],
                                  "truth": {"councils": [{"council": "Luton", "grade": "good"}], "year": 2018}}) + "\n")
    result = CliRunner().invoke(main, ["evaluate", "--news", str(labels)])
    assert result.exit_code == 0, result.output
    assert "council   100.0% (1/1)" in result.output and "year      0.0% (0/1)" in result.output
    assert "t1 year: expected 2018, found 2019 [stated]" in result.output
    as_json = json.loads(CliRunner().invoke(main, ["evaluate", "--news", "--json", str(labels)]).output)
    assert as_json["by_confidence"]["year"] == {"stated": {"correct": 0, "total": 1, "percent": 0.0}}
