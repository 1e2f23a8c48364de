"""Years from Ofsted's own calendar when an article prints no date: annual-assessment rounds, framework eras,
relative dates ("last December", "over the last 16 months" after a dated start) and school inspection months.

Every value found here is a guess from the article's own facts and is labelled inferred by the caller.
"""
from __future__ import annotations

import datetime as dt
import re

from indexer.grades import PERFORM
from indexer import settings
from indexer.settings import ROUND24_OLD_REGIME_NAMES
from indexer.ingest.annotate.dates import MONTH_NAMES, MONTHS
from indexer.ingest.annotate.latest_event import EARLIER_ONE, latest_event_year
from indexer.ingest.annotate.regimes import annual_round_by_tallies, final_round_year, regime, regimes_reported
from indexer.ingest.annotate.weekdays import school_era_year

_MONTH = rf"({MONTH_NAMES})"
# The regimes' words and years live in one table (regimes.py, round 11): the 2005-08 annual performance assessments
# (APA, last round December 2008) and the 2009-11 annual ratings ("performs poorly", the "excellent" band, "yearly
# ratings"; the first came in December 2009).
_APA = regime("APA").words
_ANNUAL_RATING = regime("annual rating").words
_ROUND_YEAR = re.compile(r"\b(?:annual|yearly)\s+(?:performance\s+|children['’]s\s+services\s+)?(?:ratings?|assessments?)\s+(?:for|of)\s+"
                         r"((?:19|20)\d\d)\b|\b((?:19|20)\d\d)\s+(?:annual|yearly)\s+(?:performance\s+)?"
                         r"(?:ratings?|assessments?)\b"
                         # round 13: "annual" left out when the assessment is named by what it rates ("Ofsted's 2010
                         # assessment of services for children and young people", x21; with "annual": n36, p28)
                         # round 24 (apa24, `ROUND24_OLD_REGIME_NAMES`): also "the 2010 review of services for children"
                         r"|\b((?:19|20)\d\d)\s+(?:Ofsted\s+)?(?:ratings?|assessments?" + (r"|reviews?" if ROUND24_OLD_REGIME_NAMES else "")
                         + r")\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?"
                         r"(?:children['’]s\s+services|services\s+for\s+children)\b", re.IGNORECASE)
ANNUAL_RATING_YEARS = tuple(range(regime("annual rating").first, regime("annual rating").last + 1))
APA_LAST_YEAR = regime("APA").last
# Framework eras: the year each began to publish, and the one it replaced.
# CRA: the unannounced inspections of contact, referral and assessment (June 2009 - 2013), which give no grade.
FRAMEWORK_FIRST_YEAR = {"SLAC": 2009, "SIF": 2014, "ILACS": 2018, "CRA": 2009}
_FRAMEWORK_NAMES = {
    "ILACS": re.compile(r"\bILACS\b|inspections? of local authority children['’]s services", re.IGNORECASE),
    "SIF": re.compile(r"\bsingle inspection framework\b|\bSIF\b", re.IGNORECASE),
    "SLAC": re.compile(r"\bannounced inspection|safeguarding and looked[- ]after children inspection", re.IGNORECASE),
    "CRA": re.compile(r"\bunannounced\s+(?:\w+\s+){0,2}(?:inspections?|visits?|checks)\b"
                      r"|\bcontact,? referral and assessment\b", re.IGNORECASE),
}
_SUCCESSOR = {"SLAC": "SIF", "SIF": "ILACS"}
_NEW_FRAMEWORK = re.compile(r"\bnew\s+(?:\w+\s+){0,2}(?:framework|regime)\b|\bintroduced (?:earlier )?this year\b"
                            # "Ofsted's new unannounced safeguarding checks": a kind of inspection called new
                            r"|\bnew\s+unannounced\b",
                            re.IGNORECASE)
_OLD_FRAMEWORK = re.compile(r"\b(?:old|previous|former)\s+((?:\w+\s+){0,2}(?:framework|regime))", re.IGNORECASE)
# "introduced in May 2012" … "over the last 16 months": the article is written that long after the start.
_DATED_START = re.compile(rf"\b(?:introduced|began|started|launched|since)\s+(?:in\s+)?{_MONTH}\s+((?:19|20)\d\d)\b",
                          re.IGNORECASE)
_MONTHS_SINCE = re.compile(r"\b(?:over|in|during)\s+the\s+(?:last|past)\s+(\d{1,2})\s+months\b", re.IGNORECASE)
# A school (or other) inspection named by its month but no year: "an inspection on 17 and 18 June".
_INSPECTION_BARE_MONTH = re.compile(rf"\b(?:inspect\w*|visit(?:ed|ing|s)?)\s+(?:\w+\s+){{0,4}}?(?:in|on|during)\s+(?:the\s+)?"
                                    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:(?:and|to|-|–)\s+\d{{1,2}}(?:st|nd|rd|th)?\s+)?)?"
                                    rf"(?:of\s+)?{_MONTH}\b(?!\s+(?:\d{{1,2}}\s*,?\s*)?(?:19|20)\d\d)", re.IGNORECASE)
_MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+((?:19|20)\d\d)\b", re.IGNORECASE)


# Words one of whose forms every framework name contains: a text with none names no framework.
_FRAMEWORK_CUES = ("ilacs", "local authority children", "single inspection", "sif", "announced", "looked",
                   "referral")


# Round 28 (`ROUND28_SLAC_WORDS`): the 2009-12 safeguarding and looked-after children inspection by the words its
# reports used: the two services it judged named together as one object ("the borough's safeguarding and
# looked after children service"), the overall
# effectiveness of services for looked-after children (its second overall judgement), and the capacity to improve
# it graded beside the overall effectiveness ("adequate, with good capacity for improvement").
_SLAC_WORDS = re.compile(r"\bsafeguarding\s+and\s+looked[- ]after\s+children(?:['’]s)?\s+services?\b"
                         r"|\boverall\s+effectiveness\s+of\s+(?:the\s+)?(?:services?\s+for\s+)?looked[- ]after\s+children\b"
                         r"|\b(?:overall\s+effectiveness|rated|judged|graded)\b[^.]{0,80}\b(?:adequate|good|outstanding|inadequate)"
                         r"\s+capacity\s+(?:to|for)\s+improve(?:ment)?\b"
                         r"|\bcapacity\s+(?:to|for)\s+improve(?:ment)?\s+(?:was\s+|is\s+)?(?:rated|judged|graded)\b",
                         re.IGNORECASE)
# ... and the inspection Ofsted made jointly with the Care Quality Commission ("a report by Ofsted and the CQC",
# "inspected jointly with the Care Quality Commission"), when
# the page names none of the later joint inspections' words (the area SEND inspections and the joint targeted area
# inspections with the police and probation inspectorates, 2016 on) nor the commission's own adult or health work.
_SLAC_JOINT = re.compile(r"\b(?:Ofsted|inspect\w*|jointly)\b[^.]{0,40}?\b(?:and|with|by)\s+(?:the\s+)?(?:new\s+)?"
                         r"(?:Care\s+Quality\s+Commission|CQC)\b"
                         r"|\b(?:Care\s+Quality\s+Commission|CQC)(?:\s+\(CQC\))?\s+and\s+Ofsted\b", re.IGNORECASE)
_NOT_SLAC_JOINT = re.compile(r"\bSEND\b|special\s+educational\s+needs|\bjoint\s+targeted\b|\bJTAIs?\b|\blocal\s+area\b"
                             r"|\bconstabulary\b|\bpolice\b|\bprobation\b|\badults?['’]?\s+(?:social\s+care|services)\b"
                             r"|\bhealth\s+and\s+social\s+care\b|\bthematic\b|\bmental\s+health\b", re.IGNORECASE)


# The words `_names_slac` reads that no `_FRAMEWORK_CUES` entry covers.
_SLAC_CUES = ("capacity", "care quality", "cqc")


def _names_slac(text: str) -> bool:
    """Round 28: the page names the 2009-12 safeguarding and looked-after children inspection by its words."""
    return bool(_SLAC_WORDS.search(text) or _SLAC_JOINT.search(text) and not _NOT_SLAC_JOINT.search(text))


def named_frameworks(text: str) -> set[str]:
    """The inspection frameworks an article names ("under the single inspection framework" -> SIF)."""
    low = text.lower()
    cues = _FRAMEWORK_CUES + _SLAC_CUES if settings.ROUND28_SLAC_WORDS else _FRAMEWORK_CUES
    if not any(cue in low for cue in cues):
        return set()
    named = {name for name, pattern in _FRAMEWORK_NAMES.items() if pattern.search(text)}
    if settings.ROUND28_SLAC_WORDS and _names_slac(text):
        named.add("SLAC")
    return named


# A sentence that hands out annual ratings and says in which year: "twice as many councils earned an 'excellent'
# rating in 2010". A year after "from", "since" or before ", when" is an earlier judgement ("a step up from 2010,
# when … performing poorly"), and a sentence with no rating word is another event ("In 2010 it suspended staff").
_RATING_WORD = re.compile(rf"\b(?:rat(?:ed|ing|ings)|{PERFORM}(?:s|ing)\s+(?:poorly|adequately|well|excellently)|excellent)\b",
                          re.IGNORECASE)
# Round 9: "the same verdict as in 2010", "better than in 2010": a comparison names an earlier round, not this one.
# (Not "a year ago", "the year before": the first round, December 2009, was compared with the 2008 assessments too.)
_YEAR_IN = re.compile(r"(?<!from )(?<!since )(?<!after )(?<!before )(?<!until )(?<!\bas )(?<!than )"
                      r"\bin\s+(20(?:09|10|11))\b(?!\s*,\s*when)", re.IGNORECASE)


def _round_year_in_rating_sentence(text: str) -> tuple[int, str] | None:
    """The year a sentence that hands out annual ratings places them in, with the words; None when none does."""
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
        if not _RATING_WORD.search(sentence) or re.search(r"\b(?:previous|last|earlier)\s+(?:year|round)\s+in\b",
                                                          sentence, re.IGNORECASE):
            continue
        match = _YEAR_IN.search(sentence)
        if match:
            return int(match.group(1)), match.group(0)
    return None


# "the first results of its new annual rating", "the first annual ratings": the round of December 2009.
_FIRST_ROUND = re.compile(r"\b(?:first\s+(?:results\s+of\s+(?:its|the|Ofsted['’]s)\s+)?(?:new\s+)?|new\s+)annual\s+"
                          r"(?:children['’]s\s+services\s+)?ratings?\b", re.IGNORECASE)


# Round 26 (old26): the safeguarding and looked-after children inspections of 2009-12 (which the record holds) are
# said in the annual ratings' band words too ("safeguarding and looked after children services ... are performing
# adequately"): a band word in a sentence that names such an inspection is the inspection's, not a rating round's.
_SLAC_NAMED = re.compile(r"\bsafeguarding\s+and\s+looked[- ]after\s+children(?:['’]s)?\s+(?:services?|inspections?)\b",
                         re.IGNORECASE)


# Round 27: the rating compared with the year before's ("better than last year", "up from adequate a year earlier",
# "since last year's rating", "the same rating as it got last year").
_COMPARED_ROUND = re.compile(r"\b(?:improvement|improved|better|worse|decline|same\s+rating|up|down)\b[^.;]{0,40}?"
                             r"\b(?:on|from|than|as|since)\s+(?:the\s+(?:last\s+\w+\s+)?)?(?:last\s+year|a\s+year\s+"
                             r"(?:ago|earlier|before))\b|\bsince\s+last\s+year['’]s\s+(?:report|rating|assessment)\b"
                             r"|\bsame\s+rating\b[^.;]{0,40}?\blast\s+year\b", re.IGNORECASE)


def _reports_annual_rating(text: str) -> bool:
    """The page reports a round of the 2009-11 annual ratings: it names no later year nor a later inspection's words
    (regimes.regimes_reported, as for the APA), and some sentence with the ratings' words names no safeguarding and
    looked-after children inspection."""
    if regime("annual rating") not in regimes_reported(text):
        return False
    return any(_ANNUAL_RATING.search(s) and not _SLAC_NAMED.search(s) for s in re.split(r"(?<=[.!?])\s+|\n+", text))


def annual_round_year(text: str) -> tuple[int | None, str]:
    """The year of an annual-assessment round the article reports (2008-11 scale), when it names one."""
    final, why = final_round_year(text)  # round 11: "the final round of the CPA", "this is the last CPA"
    if final:
        return final, why
    named = _ROUND_YEAR.search(text)
    if named:
        year = int(named.group(1) or named.group(2) or named.group(3))
        if APA_LAST_YEAR <= year <= ANNUAL_RATING_YEARS[-1]:
            return year, f"inferred: “{named.group(0)}” names the assessment round"
    if _APA.search(text) and not re.search(r"\b20(?:09|1\d|2\d)\b", text):
        # a page that names a later year than the last APA round speaks of the APA as history
        return APA_LAST_YEAR, "inferred: annual performance assessments were last published in December 2008"
    rating = _ANNUAL_RATING.search(text)
    own = _round_year_in_rating_sentence(text) if rating else None
    if own:
        return own[0], f"inferred: the 2009-11 annual ratings; “{own[1]}” places a rating in the round's year"
    tallied = annual_round_by_tallies(text) if rating else (None, "")  # round 11: "20 excellent, 77 performing well"
    if tallied[0]:
        return tallied
    if rating and _FIRST_ROUND.search(text):
        # the rating called new, or its results the first: the first round, published December 2009
        return ANNUAL_RATING_YEARS[0], (f"inferred: “{_FIRST_ROUND.search(text).group(0)}” is the first round of the "
                                        "2009-11 annual ratings (December 2009)")
    if rating and settings.ROUND26_RATING_DEFAULT and not _reports_annual_rating(text):
        return None, ""  # round 26: the band's words of a later page or of another inspection, not a rating round
    if rating:
        # A year the article names without naming the round is an earlier event ("a step up from 2010, when …",
        # "in 2010 it suspended staff"): the round reported is the first one after it (2011 at the latest).
        years = [int(y) for y in re.findall(r"\b(20(?:0\d|1[01]))\b", text)]
        latest = max(years) if years else None
        compared = _COMPARED_ROUND.search(text) if settings.ROUND27_RATING_COMPARED and latest is None else None
        if compared:
            # round 27: a round compared with the year before's rating is no first round: the second (2010)
            return ANNUAL_RATING_YEARS[1], (f"inferred: the 2009-11 annual ratings (“{rating.group(0)}”), compared "
                                            f"with the year before (“{compared.group(0)}”): not the first round, so "
                                            f"the second, December {ANNUAL_RATING_YEARS[1]}")
        later = [y for y in ANNUAL_RATING_YEARS if latest is None or y > latest]
        year = later[0] if later else ANNUAL_RATING_YEARS[-1]
        return year, (f"inferred: the 2009-11 annual ratings (“{rating.group(0)}”)"
                      + (f", the first round after {latest}, the latest year named" if latest and later
                         else f", latest year named {latest}" if latest else ", first round December 2009"))
    return None, ""


def framework_year(text: str) -> tuple[int | None, str]:
    """The first year of a framework the article calls new ("the first rating under the new framework")."""
    if not _NEW_FRAMEWORK.search(text):
        return None, ""
    old = _OLD_FRAMEWORK.search(text)
    if old:
        tail = text[old.start():old.start() + 80]
        for name, pattern in _FRAMEWORK_NAMES.items():
            if pattern.search(tail) and name in _SUCCESSOR:
                successor = _SUCCESSOR[name]
                return FRAMEWORK_FIRST_YEAR[successor], f"inferred: the new framework after the old {name} is {successor}"
    for name, pattern in _FRAMEWORK_NAMES.items():
        match = pattern.search(text)
        if match:
            return FRAMEWORK_FIRST_YEAR[name], f"inferred: “{match.group(0)}” is new, so {name}'s first year"
    return None, ""


def months_after_start(text: str) -> tuple[int | None, str]:
    """'introduced in May 2012' with 'over the last 16 months': the year the span ends."""
    start, span = _DATED_START.search(text), _MONTHS_SINCE.search(text)
    if not (start and span):
        return None, ""
    month0 = int(start.group(2)) * 12 + MONTHS[start.group(1).lower()] - 1 + int(span.group(1))
    return month0 // 12, f"inferred: “{start.group(0)}” plus “{span.group(0)}”"


# Round 30 (`ROUND30_REPORT_AFTER_VISIT`): the words right before a month and year that make it a letter's or a
# report's publication ("a letter published 1 November 2019", "the report, issued on 3 May 2018", "judgement was
# published in April 2023").
_PUBLISHED_BEFORE = re.compile(r"\b(?:published|issued|released|dated)\s+(?:on\s+|in\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)"
                               r"day,?\s+)?(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?)?$", re.IGNORECASE)


def bare_inspection_month_year(text: str) -> tuple[int | None, str]:
    """An inspection month without a year, placed on or after the latest 'Month YYYY' the text names."""
    # "since their previous visit in March": a visit before the page's own, not after its latest dated event
    bare = next((m for m in _INSPECTION_BARE_MONTH.finditer(text)
                 if not EARLIER_ONE.search(text[max(0, m.start() - 15):m.start()])), None)
    dated = [(int(m.group(2)), MONTHS[m.group(1).lower()], m.group(0)) for m in _MONTH_YEAR.finditer(text)]
    if not (bare and dated):
        return None, ""
    year, month, phrase = max(dated)
    wanted = MONTHS[bare.group(1).lower()]
    if settings.ROUND30_REPORT_AFTER_VISIT:
        latest = max(_MONTH_YEAR.finditer(text), key=lambda m: (int(m.group(2)), MONTHS[m.group(1).lower()]))
        if _PUBLISHED_BEFORE.search(text[max(0, latest.start() - 40):latest.start()]) and (month - wanted) % 12 <= 4:
            # round 30: the latest dated month is when a letter or report came out ("in a letter published 1
            # November 2019") up to four months after the visit's month: the visit it reports came before it (a
            # report out further on is another, earlier one the page looks back on)
            found = year if wanted <= month else year - 1
            return found, (f"inferred: “{bare.group(0)}” is the last {bare.group(1)} on or before the publication "
                           f"“{text[max(0, latest.start() - 40):latest.end()].split(chr(10))[-1].strip()}”")
    found = year if wanted >= month else year + 1
    return found, f"inferred: “{bare.group(0)}” is the first {bare.group(1)} on or after “{phrase}”"


# "Last year Ofsted rated the council…", "the councils Ofsted inspected last year", "rated 'inadequate' last year":
# the judgement came the year before the article.
_JUDGED_LAST_YEAR = re.compile(r"\blast year,?\s+(?:[\w'’]+\s+){0,3}(?:rated|judged|graded|inspected|gave|found)\b"
                               r"|\b(?:rated|judged|graded|inspected)\s+(?:by\s+Ofsted\s+)?(?:['‘“\"]?[\w ]+?['’”\"]?\s+)?"
                               r"last year\b"
                               # round 6: "at last year's inspection the service was judged good"
                               r"|\blast year['’]s\s+(?:full\s+|ILACS\s+|Ofsted\s+)?inspection\b"
                               # "When they returned last year they saw progress": the inspectors' visit
                               r"|\b(?:inspectors|Ofsted|they)\s+(?:returned|visited|came back|went back)\s+last year\b"
                               # round 13: a verdict verb then "last year" anywhere in its clause, the object and
                               # commas between ("Ofsted told it, last year, that it requires improvement", "after
                               # Ofsted judged the Children's Services department 'inadequate' last year"); never
                               # "the last year" (a span), "last year's" (another event) or a comparison with last
                               # year's figures ("rated outstanding, against 17 of 48 last year")
                               r"|\b(?:told|judged|rated|graded|branded)\b"
                               r"(?:(?!\b(?:against|compared|than|versus)\b)[^.;:!?\d]){0,60}?(?<!the )\blast year\b(?!['’]s)",
                               re.IGNORECASE)


def past_december_shift(text: str, published_month: int) -> int:
    """1 when the article says the judgement came 'last December' (a past December is in an earlier year)."""
    return 1 if published_month == 12 and re.search(r"\blast December\b", text) else 0


# Round 33: "rated inadequate last summer" places the judgement in the year before the page as "last year" does.
_JUDGED_LAST_SEASON = re.compile(
    _JUDGED_LAST_YEAR.pattern.replace("last year", "(?<!the )last (?:summer|spring|autumn|winter)"), re.IGNORECASE)


def judged_last_year(text: str) -> bool:
    """True when the article says the judgement came last year ("Last year Ofsted rated…"; round 33: "last
    summer")."""
    return bool(_JUDGED_LAST_YEAR.search(text) or settings.ROUND33_LAST_SEASON and _JUDGED_LAST_SEASON.search(text))



def names_publication_month(text: str, published: dt.date) -> bool:
    """True when the text dates the report by its publication month and year ("a report published in May 2023"):
    then a judgement 'last year' is that year's, even when the inspectors visited the year before."""
    month = published.strftime("%B")
    return bool(re.search(rf"\b{month}\s+{published.year}\b", text))


def calendar_year(text: str) -> tuple[int | None, str]:
    """The first of the calendar clues that gives a year."""
    for rule in (annual_round_year, framework_year, months_after_start, bare_inspection_month_year, school_era_year,
                 latest_event_year):
        year, why = rule(text)
        if year:
            return year, why
    return None, ""


# Round 27: a page reporting Ofsted's own annual report ("Ofsted's latest annual report", "Ofsted says in its annual
# report", "in its annual report, Ofsted warns"); not the annual social care report or a council's annual report.
_OFSTED_ANNUAL_REPORT = re.compile(r"\b(?:Ofsted['’]s|the\s+watchdog['’]s|the\s+inspectorate['’]s)\s+(?:latest\s+|new\s+)?"
                                   r"annual\s+report\b|\bOfsted\b[^.]{0,60}\bits\s+(?:latest\s+)?annual\s+report\b"
                                   r"|\bits\s+annual\s+report,?\s+Ofsted\b", re.IGNORECASE)
# The year the report covers: "2011/12", "2012-13", "from April 2012 to April 2013".
_REPORT_SPAN = re.compile(rf"\b(20\d\d)\s*[/–-]\s*(20\d\d|\d\d)\b(?!\s*[/–-]\s*\d)"
                          rf"|\bfrom\s+(?:{MONTH_NAMES})\s+(20\d\d)\s+to\s+(?:{MONTH_NAMES})\s+(20\d\d)\b", re.IGNORECASE)


def annual_report_year(text: str) -> tuple[int | None, str]:
    """Round 27: the year of Ofsted's annual report a page reports, from the year span it covers (the report for
    2011/12 came out in the autumn of 2012): the latest span's last year; none without such a report or span."""
    if not _OFSTED_ANNUAL_REPORT.search(text):
        return None, ""
    ends = []
    for match in _REPORT_SPAN.finditer(text):
        first, last = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
        end = int(last) if len(last) == 4 else int(first[:2] + last)
        if end == int(first) + 1:  # a year's span, not a range of years or a date
            ends.append((end, match.group(0)))
    if not ends:
        return None, ""
    end, said = max(ends)
    return end, f"inferred: the page reports Ofsted's annual report for “{said}”, published in {end}"
