"""The year a document was published, from the strongest evidence available; unknown stays unknown."""
from __future__ import annotations

import datetime as dt
import re

from indexer.grades import GRADE_PATTERN, official_grades_for
from indexer.models import Outcome
from indexer.ingest.annotate import outcomes as outcome_table
from indexer import settings
from indexer.ingest.annotate.candidates import (Clue, area_clues, bound_clues, change_clues, choose, counted_clues, dated_clue,
                                                era_clues, grade_clues, left_in_text, next_after_clues,
                                                relative_clues, today_clues)
from indexer.ingest.annotate.date_lines import read_date_line, segment_date, story_date_line
from indexer.ingest.annotate.dates import DateRange, has_copy_date, without_copy_dates, MONTHS, date_ranges, full_dates, url_date
from indexer.ingest.annotate.latest_event import AIM
from indexer.ingest.annotate.page_date import field_date, split_header, stamp_date, today_date
from indexer.ingest.annotate.published_report import published_in_text, weekday_dated
from indexer.ingest.annotate.report_day import report_day_outcome
from indexer.ingest.annotate.regimes import regimes_reported
from indexer.ingest.annotate.visits import new_full_inspection

_NOT_A_DATELINE = re.compile(r"(archiv|captur|retriev|accessed|wayback|copyright|©|cookie|last modified|printed|inspect)",
                             re.IGNORECASE)
_DATELINE = re.compile(r"^(published|posted|updated|(?:page )?last updated|date|first published|report published)\b[:\s]*",
                       re.IGNORECASE)
# "Eastern Daily Press - Local council - Published: 1:58 PM September 29, 2021", "Meeting: 23/01/2020 - Scrutiny
# Panel": a labelled date inside a header line, after the outlet's or section's name and a separator.
_DATELINE_INSIDE = re.compile(r"(?:^|\s[-–—|•·]\s+)(published|posted|updated|first published|date|meeting(?: date)?)"
                              r"(?:\s+on)?\s*:?\s", re.IGNORECASE)
_MONTH_NAMES = r"January|February|March|April|May|June|July|August|September|October|November|December"
# Round 9: "across May and June", "over March and April": a second month the inspection also spans.
_INSPECTION_MONTH = re.compile(r"\b(?:inspect\w*|visit(?:ed|s|ing)?)\b[^.]{0,80}?\b(?:in|during|from|between|on|last|across|over"
                               r"|through(?:out)?)\s+(?:the\s+)?"
                               rf"(?:(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?P<month>{_MONTH_NAMES}))\b"
                               rf"(?:\s+(?:and|to|into|-|–)\s+(?:early\s+|late\s+)?(?P<second>{_MONTH_NAMES})\b)?"
                               # round 9: "introduced in May 2012" is a month with its year, not any May
                               r"(?!,?\s+(?:19|20)\d\d)"
                               # "June's inspection", "the May visit"
                               rf"|\b(?P<named>{_MONTH_NAMES})(?:['’]s)?\s+(?:\w+\s+)?(?:inspection|visit)\b"
                               # round 23: the year and the inspector both named ("the February 2023 Ofsted inspection")
                               + (rf"|\b(?P<named_year>{_MONTH_NAMES})\s+(?:19|20)\d\d\s+(?:Ofsted|ILACS|SIF|full|graded|standard"
                                  rf"|short)\s+(?:inspection|visit)\b" if settings.ROUND23_MONTH_YEAR_NOUN else ""),
                               re.IGNORECASE)
# "inspectors visited in the summer", "an inspection in early spring", "the autumn inspection": a season's months.
_SEASON_MONTHS = {"spring": {3, 4, 5}, "summer": {6, 7, 8}, "autumn": {9, 10, 11}, "winter": {12, 1, 2}}
_INSPECTION_SEASON = re.compile(r"\b(?:inspect\w*|visit(?:ed|s|ing)?)\b[^.]{0,40}?\b(?:in|during|over|last)\s+(?:the\s+)?"
                                r"(?:(?:early|late|mid)[\s-]+)?(?:last\s+)?(spring|summer|autumn|winter)\b(?!\s+(?:of\s+)?(?:19|20)\d\d)"
                                r"|\b(spring|summer|autumn|winter)(?:['’]s)?\s+(?:inspection|visit)\b", re.IGNORECASE)
# An earlier grade with its year: "rated good in 2012", "rated inadequate in April 2016", "the lowest possible
# rating in 2017", "since the 2017 inadequate verdict" — the article reports the next inspection after it.
_RATED_IN_YEAR = re.compile(rf"\b(?:rated|judged|graded|found to be|was|given|handed \w+)\s+(?:as\s+)?(?:an?\s+|the\s+)?"
                            rf"['‘“]?(?:{GRADE_PATTERN})['’”]?(?:\s+(?:rating|grade|judgement|verdict))?"
                            rf"\s+(?:in|back in)\s+(?:(?:\d{{1,2}}\s+)?[A-Z][a-z]+\s+)?(?P<year>(?:19|20)\d\d)"
                            rf"|\b(?P<year_before>(?:19|20)\d\d)\s+['‘“]?(?:{GRADE_PATTERN})['’”]?\s+(?:rating|grade|judgement|verdict)"
                            # "the 'inadequate' found at the previous inspection in 2009": the earlier inspection's year
                            rf"|['‘“]?(?:{GRADE_PATTERN})['’”]?[^.;]{{0,40}}?\b(?:previous|last|earlier|prior)\s+(?:full\s+)?"
                            rf"(?:inspection|assessment)\s+(?:in|back in)\s+(?:[A-Z][a-z]+\s+)?(?P<year_inspection>(?:19|20)\d\d)"
                            # round 11: "since the previous inspection in May 2019", no grade named: the same anchor
                            rf"|\b(?:previous|earlier|prior)\s+(?:full\s+)?(?:Ofsted\s+)?inspection,?\s+(?:in|back in|of)\s+"
                            rf"(?:[A-Z][a-z]+\s+)?(?P<year_previous>(?:19|20)\d\d)",
                            re.IGNORECASE)
# Round 11: "the previous inspection in May 2019", "its prior full inspection, in March 2016": words that put the
# inspection they qualify behind the page's own event, so its date is not the page's (a look back, not the report).
# Not "last" or "most recent": "its last inspection, in March" as often names the inspection the page reports.
_EARLIER_INSPECTION = re.compile(r"\b(?:previous|earlier|prior)\s+(?:full\s+|ILACS\s+|Ofsted\s+)?$",
                                 re.IGNORECASE)
# Round 11: monitoring and focused visits grade nothing and are not in the official record (which holds full
# inspections only), so a month or season given for one is no clue to which recorded inspection a page reports.
VISIT_KIND = re.compile(r"\b(?:monitoring|focus+ed)\s+(?:[\w'’-]+\s+)?visits?\b", re.IGNORECASE)


def _about_a_visit(text: str, match: re.Match) -> bool:
    """True when a dated inspection-or-visit phrase is about a monitoring or focused visit (in its own sentence)."""
    before = re.split(r"[.!?\n]", text[max(0, match.start() - 30):match.start()])[-1]
    return bool(VISIT_KIND.search(before + match.group(0)))


def _looks_back(text: str, start: int) -> bool:
    """True when the words just before `start` call the inspection there a previous one."""
    return bool(_EARLIER_INSPECTION.search(text[max(0, start - 30):start]))


# Round 9: the update part of a date line ("(updated 5 July 2010)", "last updated 9 January 2024 |"): a story's update
# is not its publication, so a publication date beside it wins, and a date line that only says "updated" is taken
# only when no line gives a publication date.
_UPDATED_PART = re.compile(r"[(\[]?\s*\b(?:last\s+)?updated\b[^|()\[\]]*[)\]]?", re.IGNORECASE)


def dateline(raw_text: str) -> tuple[dt.date | None, str]:
    """A publication date printed at the top of an article or on a report's cover."""
    lines = [l.strip() for l in raw_text.split("\n") if l.strip()]
    head = lines[:8]
    plain_head = [l for l in head if not (_NOT_A_DATELINE.search(l) or has_copy_date(l) or "updated" in l.lower())]
    story = story_date_line(plain_head)
    if story:
        # round 12: a saved page's site date above the masthead and the story's under its headline
        return story[0], story[1][:120]
    if settings.ROUND24_PAGE_DATE and (field := field_date(head)):
        return field  # round 24: a labelled publication date, over a site's date line and its own line's prose
    updated_only = None
    for line in head + lines[8:60]:
        if _NOT_A_DATELINE.search(line) or has_copy_date(line):
            continue
        updated = "updated" in line.lower()
        kept = _line_date(_UPDATED_PART.sub(" ", line) if updated else line, line in head)
        if kept:
            return kept[0], line[:120]
        found_line = _line_date(line, line in head) if updated else None
        if found_line:
            updated_only = updated_only or (found_line[0], line[:120])
    if updated_only:
        return updated_only
    # round 12: a date-only line under a summary box ("In brief" and its points, then "24 February 2026"), the first
    # in the page's top part and the only one there (a run of them is a list of related stories)
    later = [(d, l) for l in lines[8:20]
             if not (_NOT_A_DATELINE.search(l) or has_copy_date(l)) and (d := read_date_line(l))]
    if len(later) == 1:
        return later[0][0], later[0][1][:120]
    if settings.ROUND24_PAGE_DATE:
        return _real_page_date(lines, raw_text)
    return None, ""


def _real_page_date(lines: list[str], raw_text: str) -> tuple[dt.date | None, str]:
    """Round 24: the shapes real pages print their date in that no dateline above reads (page_date.py)."""
    joined = split_header(lines)
    if joined and (kept := _line_date(joined, True)):
        return kept[0], joined[:120]
    found = stamp_date(lines[:8]) or today_date(raw_text)
    return found if found else (None, "")


# Round 24: a short sentence that dates an event: several words, "on/in" and the date, then a sentence's stop.
_EVENT_SENTENCE = re.compile(r"^\S+(?:\s+\S+){2,}\s+(?:on|in)\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?"
                             rf"(?:{_MONTH_NAMES}),?\s+(?:19|20)\d\d\s*[.;]$", re.IGNORECASE)


def _line_date(line: str, in_head: bool) -> tuple[dt.date, int] | None:
    """The dateline date a line gives: a labelled date, a short head line's one date, or a label inside a header."""
    labelled = _DATELINE.match(line.lstrip(" |"))
    if not labelled and settings.ROUND24_SENTENCE_DATE and _EVENT_SENTENCE.search(line):
        return None  # round 24: "Ofsted conducted a two day visit on" a date: the sentence dates an event, not the page
    if labelled or (in_head and len(line) <= 60):
        found = full_dates(line)
        if len(found) == 1 or (labelled and found):  # two dates on a short line is a range, not a dateline
            return found[0]
        if not found and (day := read_date_line(line)):
            return day, 0  # round 12: "25.10.18", "05/04/22": forms only a date-only line is read in
    if in_head and (day := segment_date(line)):
        return day, 0  # round 12: "Outlet | Section | 17/01/24": one part of a header line is the date
    inside = _DATELINE_INSIDE.search(line) if in_head else None
    if inside:
        found = full_dates(line[inside.end():])
        if found and found[0][1] <= 20:  # the date right after its label, not one further on
            return found[0]
    return None


def inspection_end_from_text(text: str) -> tuple[dt.date | None, str]:
    """The end date of an 'Inspection dates: …' range with its year."""
    for line in text.split("\n")[:40]:
        if re.search(r"inspection date|inspected|inspection took place|dates of inspection", line, re.IGNORECASE):
            for rng in date_ranges(line):
                if rng.end():
                    return rng.end(), line.strip()[:160]
            found = full_dates(line)
            if found:
                return found[-1][0], line.strip()[:160]
    return None, ""


def _months_in_window(outcome: Outcome) -> set[int]:
    """Months the inspection plausibly took place in."""
    if outcome.start and outcome.end:
        return {outcome.start.month, outcome.end.month}
    if outcome.published:
        months = set()
        for back in range(21, 100, 7):
            months.add((outcome.published - dt.timedelta(days=back)).month)
        return months
    return set()


def _months_spanned(outcome: Outcome) -> set[int]:
    """Every month an inspection's recorded dates run through (an inspection from 28 May to 8 June spans both)."""
    if not (outcome.start and outcome.end):
        return _months_in_window(outcome)
    months, day = set(), outcome.start
    while day <= outcome.end:
        months.add(day.month)
        day = (day.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    return months | {outcome.end.month}


def _matches_range(outcome: Outcome, rng: DateRange) -> bool:
    """True when an outcome's inspection dates fit a written range without a year."""
    if outcome.start and outcome.end:
        return (outcome.end.month == rng.end_month and outcome.end.day == rng.end_day) or \
               (rng.start_day and outcome.start.month == rng.start_month and outcome.start.day == rng.start_day)
    return rng.end_month in _months_in_window(outcome) and outcome.published and outcome.published.year >= 2009


def _grade_agrees(outcome: Outcome, grade: str | None) -> bool:
    """True when the text's grade is compatible with the official record."""
    if not grade:
        return True
    # The text's grade is the overall one: compare it with the overall grade, or (2009-12 safeguarding and
    # looked-after children inspections, which have none) with the lower of the two judgements.
    official = {outcome_table.official_grade(outcome)} - {""}
    return not official or bool(official_grades_for(grade) & official)


def outcome_from_text(text: str, codes: list[str], grade: str | None,
                      published: dt.date | None, left: list[str] | None = None) -> tuple[Outcome | None, str]:
    """The official inspection an article reports on: one its text dates outright (a report date, inspection dates
    with a year), else the one that clearly wins when every inspection of the council is scored against all the
    text's clues (candidates.py); none when no inspection clearly wins."""
    left_said = left_in_text(text)
    for code in codes:
        rows = [o for o in outcome_table.for_council(code) if o.published and (
            not published or -14 <= (published - o.published).days <= 400)]
        dated = _dated_outcome(text, code, rows, grade, published)
        latest = None if published or not dated else latest_year_mentioned(text, published)
        # an undated page is no older than the years it mentions: an inspection dated before them is one the page
        # looks back on (a monitoring visit's page recalling the inspection it follows), not the one it reports
        if dated and not (latest and dated[0].published.year < latest):
            return dated
        choice = choose(rows, _clues(text, code, rows, grade, left or [], left_said, published))
        # a dated page with no grade to agree with links an inspection only by the dates its text gives
        if choice.outcome is not None and (grade or choice.official or not published):
            return choice.outcome, (choice.why if choice.official else f"inferred: {choice.why}") + \
                f" (published {choice.outcome.published.isoformat()})"
    return None, ""


def _dated_outcome(text: str, code: str, rows: list[Outcome], grade: str | None,
                   published: dt.date | None) -> tuple[Outcome, str] | None:
    """The one inspection the text dates outright: its report's date, inspection dates with a year, or exact
    inspection dates without one, or the months and year of the inspection."""
    agrees = lambda o: _grade_agrees(o, grade)  # noqa: E731
    if not published:  # "the full report was released on Friday, 26 August 2016": the report's own date
        stated, why = published_in_text(text, rows, agrees)
        if not stated:  # "from Monday 27 January", "out on Tuesday 11 March": days the record holds
            stated, why = weekday_dated(text, rows, agrees)
        if stated:
            return stated, why
    for rng in date_ranges(text):
        if rng.year:
            end = rng.end()
            found = outcome_table.by_inspection_end(code, end) if end else None
            if found:
                return found, f"inspection dates “{rng.text}” match the official record"
            continue
        exact = [o for o in rows if o.start and o.end and _matches_range(o, rng)]
        if len(exact) == 1:
            return exact[0], f"inspection dates “{rng.text}” match the official record"
    in_month = _inspected_in_month_of_year(text, rows, grade)
    if in_month or published or not settings.ROUND21_REPORT_DAY:
        return in_month
    # round 21: "the report, published on 29 October", "the July report": the one inspection published then
    stated, why = report_day_outcome(text, rows, agrees)
    return (stated, why) if stated else None


def _clues(text: str, code: str, rows: list[Outcome], grade: str | None, left: list[str], left_said: list[str],
           published: dt.date | None) -> list[Clue]:
    """Every clue the text gives about which inspection it reports."""
    latest = latest_year_mentioned(text, published)
    nxt = [] if _latest_is_narrated_visit(text, latest) else next_after_clues(latest, grade)
    clues = [*grade_clues(grade, left, left_said), *bound_clues(latest), *nxt,
             *era_clues(text, grade), *change_clues(text), *relative_clues(text, code), *today_clues(text),
             *_date_clues(text, rows), *(_earlier_grade_clues(text, grade) if latest else []),
             *counted_clues(text, code, grade), *_regime_clues(text)]
    # the page's sub-judgements only tell apart inspections that are still in the running (a scan of every sentence)
    in_running = [o for o in rows if not any(c.fit(o) < 0 for c in clues if c.hard or c.kept)]
    return clues + (area_clues(text) if len(in_running) >= 2 else [])


# Round 28 (ROUND28_NARRATED_VISIT): a month before the year ("February 2019", "in October 2018"); a day before the
# month ("on 17 and 18 June 2025") is round 20's dated visit (visit_dates.py), which dates such a page itself.
_MONTH_BEFORE = re.compile(rf"\b({_MONTH_NAMES})\s*,?\s*$")
_DAY_BEFORE = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTH_NAMES})\s*,?\s*$")
_EVENT_WORD = re.compile(r"\b(?:visit(?:s|ed)?|inspect\w*|judge?ments?|reports?|reviews?)\b", re.IGNORECASE)
# "better than at the inspectors' focused visit", "since the previous visit": a visit the page looks back on.
_LOOKS_BACK_TO = re.compile(r"\b(?:previous|earlier|prior|last|since|than|compared)\b(?:\W+[\w’']+){0,8}\W*$",
                            re.IGNORECASE)


def _latest_is_narrated_visit(text: str, latest: int | None) -> bool:
    """Round 28: the latest year the page names dates a visit the page narrates ("February 2019: after a focused
    visit, Ofsted's report was positive"): every mention of the year carries its month (no day), and the event word
    nearest the latest one is a visit no look-back word introduces. The record holds no visits, so the first
    inspection held after that year is no clue to the page's year (the page reports the visit, not the next
    inspection)."""
    if not latest or not settings.ROUND28_NARRATED_VISIT:
        return False
    text = without_copy_dates(text)
    hits = list(re.finditer(rf"\b{latest}\b", text))
    months = [_MONTH_BEFORE.search(text[max(0, m.start() - 20):m.start()]) for m in hits]
    if not hits or not all(months) or any(_DAY_BEFORE.search(text[max(0, m.start() - 24):m.start()]) for m in hits):
        return False
    last = max(zip(hits, months), key=lambda pair: MONTHS[pair[1].group(1).lower()])[0]
    start = max(text.rfind(c, 0, last.start()) for c in ".;\n") + 1
    ends = [i for i in (text.find(c, last.end()) for c in ".;\n") if i >= 0]
    sentence, at = text[start:min(ends) if ends else len(text)], last.start() - start
    events = list(_EVENT_WORD.finditer(sentence))
    if not events:
        return False
    nearest = min(events, key=lambda e: min(abs(e.start() - at), abs(e.end() - at)))
    return nearest.group(0).lower().startswith("visit") and not _LOOKS_BACK_TO.search(sentence[:nearest.start()])


def _regime_clues(text: str) -> list[Clue]:
    """Round 11: a page scoring councils in a pre-2013 regime (the CPA, the APA, annual ratings) reports none of the
    record's inspections published after the regime ended."""
    return [Clue(f"a {r.name} round ({r.first}-{r.last})", settings.YEAR_CLUE_BOUND,
                 lambda o, last=r.last: 0.0 if o.published.year <= last else -1.0, hard=True)
            for r in regimes_reported(text)]


def _date_clues(text: str, rows: list[Outcome]) -> list[Clue]:
    """Inspection dates without a year, inspection months and seasons: the inspections whose dates they fit."""
    clues = []
    for rng in date_ranges(text):
        if not rng.year:
            fitting = [o for o in rows if _matches_range(o, rng)]
            if fitting:
                clues.append(dated_clue(f"inspection dates “{rng.text}” fit the official record", fitting))
    for match in _INSPECTION_MONTH.finditer(text):
        if _about_a_visit(text, match) or _looks_back(text, match.start()):
            continue
        months = [MONTHS[m.lower()] for m in (match.group("month") or match.group("named") or _named_year(match),
                                              match.group("second")) if m]
        # "across May and June": one inspection spanning both; "in December and February": two visits, either fits
        fits = set.issuperset if len(months) == 1 or months[1] == months[0] % 12 + 1 else \
            lambda spanned, named: bool(spanned & named)
        recorded = [o for o in rows if o.start and fits(_months_spanned(o), set(months))]
        estimated = [o for o in rows if not o.start and fits(_months_in_window(o), set(months))]
        if recorded or estimated:
            clues.append(dated_clue(f"“{match.group(0).strip()}” matches an official inspection", recorded, estimated))
    for match in _INSPECTION_SEASON.finditer(text):
        if _about_a_visit(text, match) or _looks_back(text, match.start()):
            continue
        season = _SEASON_MONTHS[(match.group(1) or match.group(2)).lower()]
        # only recorded inspection dates: a season is too loose for months estimated from a publication date
        fitting = [o for o in rows if o.start and o.end and {o.start.month, o.end.month} & season]
        if fitting:
            clues.append(dated_clue(f"“{match.group(0).strip()}” matches an official inspection's dates", fitting))
    return clues


def _named_year(match: re.Match) -> str | None:
    """Round 23: the month of "the February 2023 Ofsted inspection" (a group only when its switch is on)."""
    return match.groupdict().get("named_year")


def visit_page(text: str) -> bool:
    """Round 31: a page about a monitoring or focused visit (it names one and reports no new graded inspection): the
    record holds no visits, so the inspection after the one it looks back from is no date for it (visit_between.py,
    years_ago.py date such pages)."""
    return bool(VISIT_KIND.search(text)) and not new_full_inspection(text)


def _earlier_grade_clues(text: str, grade: str | None) -> list[Clue]:
    """'rated good in 2012': the reported inspection is a later one, most likely the next with its grade; 'the
    previous inspection in 2009': the next inspection of any grade, as the text says."""
    clues = []
    for match in _RATED_IN_YEAR.finditer(text):
        groups = match.groupdict()
        looked_back = groups.get("year_inspection") or groups.get("year_previous")
        past = int(groups.get("year") or groups.get("year_before") or looked_back)
        if looked_back:
            # (round 11: a look back without a grade says only "later", so the words do not mark the link a guess
            # by themselves; the choice is official when the text's own dates separate the winner)
            words = "the next inspection after" if groups.get("year_inspection") else "the inspection that followed"
            clues += [Clue(f"{words} “{match.group(0)}”", settings.YEAR_CLUE_BOUND,
                           lambda o, fit=c.fit: 1.0 if fit(o) > 0 else -1.0, hard=True)
                      for c in next_after_clues(past)]
        else:
            clues += next_after_clues(past, grade, f"“{match.group(0)}”")
        clues.append(Clue(f"after “{match.group(0)}”", settings.YEAR_CLUE_BOUND,
                          lambda o, past=past: 0.0 if o.published.year > past else -1.0, hard=True))
    return clues


# "the inspection, which took place in October and November 2014", "inspected in March 2019": months with a year.
_INSPECTED_MONTH_YEAR = re.compile(rf"\b(?:inspect\w*|visit(?:ed|s|ing)?)\b[^.]{{0,160}}?\b(?:in|during|between|from)\s+"
                                   rf"({_MONTH_NAMES})(?:\s+(?:and|to|-|–)\s+({_MONTH_NAMES}))?,?\s+((?:19|20)\d\d)\b",
                                   re.IGNORECASE)


def _inspected_in_month_of_year(text: str, rows: list[Outcome], grade: str | None) -> tuple[Outcome, str] | None:
    """The one official inspection held in the months and year the text gives for it (recorded dates, else
    published within four months after), when exactly one fits."""
    for match in _INSPECTED_MONTH_YEAR.finditer(text):
        if _looks_back(text, match.start()):
            continue  # round 11: "since the previous inspection in May 2019" dates the one before the page's
        year = int(match.group(3))
        months = {MONTHS[m.lower()] for m in match.groups()[:2] if m}
        fit = [o for o in rows if _grade_agrees(o, grade) and (
            any(d and d.year == year and d.month in months for d in (o.start, o.end)) if o.start or o.end
            else o.published and 0 <= (o.published - dt.date(year, max(months), 28)).days <= 120)]
        if len(fit) == 1:
            return fit[0], f"“{match.group(0).strip()[-80:]}” matches an official inspection"
    return None


def latest_year_mentioned(text: str, published: dt.date | None) -> int | None:
    """The latest past year the text mentions (a lower bound for the inspection it reports)."""
    limit = (published or dt.date.today()).year
    text = without_copy_dates(text)
    # "to reach good by 2022", "the next inspection is likely in 2026": aims and plans, not years that have happened
    years = [int(m.group(1)) for m in re.finditer(r"\b((?:19|20)\d\d)\b", text)
             if 2000 <= int(m.group(1)) <= limit and not AIM.search(text[max(0, m.start() - 30):m.start()])]
    if _PANDEMIC.search(text) and limit >= 2020:
        years.append(2020)  # round 6: a page speaking of Covid-19 or the pandemic was written in 2020 or later
    return max(years) if years else None


_PANDEMIC = re.compile(r"\b(?:covid(?:-?19)?|coronavirus)\b", re.IGNORECASE)  # not "the pandemic": swine flu, 2009


def year_from_url(url: str) -> tuple[int | None, str]:
    """The year in a URL's date path."""
    found = url_date(url)
    return (found[0], f"date in URL {url}") if found else (None, "")
