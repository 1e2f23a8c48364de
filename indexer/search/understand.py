"""Query understanding: councils, grades and years named in a query, offered as one-click filters."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from indexer import grades
from indexer import settings
from indexer.ingest.annotate.gazetteer import (COUNTY_SHORT_FORMS, LOCAL_SHORT_FORMS, authorities, display_name,
                                               names_another_body, resolve, short_forms)
from indexer.models import SearchRequest
from indexer.search.facets import FACETS_BY_NAME
from indexer.search.numbers import TALLY_BEFORE  # a count before an everyday grade word: a tally, so a grade
from indexer.search.urls import toggle_url

# Council names that are everyday words: only a capitalised name, or one followed by a council word, is the council
# ("hull of a ship" is not; "Hull requires improvement" is). Of those, the words a sentence opens with in their
# everyday sense are not the council when they open the query ("Reading children's services" at the start is
# ambiguous; "in Reading" is not); the others, opening it capitalised, are ("York requires improvement").
_EVERYDAY_PLACE_NAMES = {"reading", "bury", "hull", "bath", "brent", "havering", "sutton", "derby", "wakefield",
                         "barking", "poole", "york", "stoke"}
_EVERYDAY_OPENERS = {"reading", "bury", "bath", "barking"}
_COUNCIL_WORD_AFTER = re.compile(r"^(?:['’]s)?\s+(?:city\s+|borough\s+|county\s+)?(?:council|borough|children)",
                                 re.IGNORECASE)
# A rating cue before an everyday grade word ("rated good"), or a grade noun after it ("good rating").
_CUE_BEFORE = re.compile(r"\b(?:rated|judged|graded|grade[ds]?|rating|as|deemed|found|now|was|were|is|are|been"
                         r"|overall)\s+$", re.IGNORECASE)
_CUE_AFTER = re.compile(r"^\s+(?:rating|grade|judgement|verdict|overall)\b", re.IGNORECASE)
# Words that only introduce the grade next to them ("judged inadequate", "overall good"): the grade carries the
# meaning, documents say it in many ways ("is inadequate", "were found inadequate").
_INTRODUCER_BEFORE = re.compile(r"\b(rated|judged|graded|deemed|overall)\s+(?:as\s+|to\s+be\s+)?['‘“\"]?$",
                                re.IGNORECASE)
_INTRODUCER_AFTER = re.compile(r"^['’”\"]?\s+(overall)\b", re.IGNORECASE)
_OVERALL = re.compile(r"\boverall\b", re.IGNORECASE)
# The whole service's grade by its official name, before the grade: "overall effectiveness outstanding", "overall
# grade good", "overall judgement requires improvement" (the reports' own heading for the overall grade).
_OVERALL_NAMED = re.compile(r"\b(overall)\s+(effectiveness|grade|rating|judgement|judgment)\s+(?:(?:is|was|of|as)\s+)?"
                            r"['‘“\"]?$", re.IGNORECASE)
_NEXT_GRADE = re.compile(r"^\W*(?:(?:is|was|rated|judged|as|grade)\s+)?['‘“\"]?(?:" + grades.GRADE_RE.pattern + ")",
                         re.IGNORECASE)
# Report sub-judgement areas as people write them, and the facet each is.
AREA_PATTERNS = (
    (re.compile(r"\bcare\s+leavers?\b|\bleaving\s+care\b", re.IGNORECASE), "care_leavers"),
    (re.compile(r"\bchildren\s+in\s+care\b|\blooked[\s-]+after\s+children\b|\bchildren\s+looked\s+after\b"
                r"|\b(?:LAC|CLA)\b", re.IGNORECASE), "children_in_care"),
    (re.compile(r"\bhelp\s+and\s+protection\b|\bchild(?:ren)?\s+(?:who\s+need\s+help\s+and\s+)?protection\b",
                re.IGNORECASE), "help_and_protection"),
    (re.compile(r"\bleadership\b|\bleaders\b|\bmanagement\b|\bgovernance\b", re.IGNORECASE), "leadership"),
)
# The noun an area's name may qualify ("care leaver service outstanding", "help and protection work inadequate").
_AREA_HEAD_WORDS = r"services?|support|provision|offer|team|work|practice"
_AREA_HEAD = rf"(?:{_AREA_HEAD_WORDS})"
# An area named just before an everyday grade word makes it a grade: "care leavers outstanding", "children in
# care and care leavers good" (the way a question shortens "care leavers were judged outstanding").
_AREA_BEFORE = re.compile(r"(?:" + "|".join(p.pattern for p, _ in AREA_PATTERNS) + r")['’]?\s+(?:" + _AREA_HEAD
                          + r"\s+)?(?:(?:were|was|is|are)\s+)?(?:(?:only|still|also|now|both|all)\s+)?$", re.IGNORECASE)
# And the mirror: an everyday grade word just before an area is that area's grade ("with outstanding leadership",
# "inadequate help and protection").
_AREA_AFTER = re.compile(r"^['’”\"]?\s+(?:" + "|".join(p.pattern for p, _ in AREA_PATTERNS) + r")", re.IGNORECASE)
# A grade that is one end of a movement ("from inadequate to good", "back to good"): the movement asks about it,
# not about the overall grade.
_MOVEMENT_END = re.compile(r"\b(?:from|to|out\s+of)\s+['‘“\"]?$", re.IGNORECASE)
_YEAR = r"((?:19|20)\d\d)"
_RANGE = re.compile(rf"\b{_YEAR}\s*(?:-|–|to|until)\s*{_YEAR}\b", re.IGNORECASE)
_FROM = re.compile(rf"\b(since|from|after)\s+{_YEAR}\b", re.IGNORECASE)
_UNTIL = re.compile(rf"\b(before|until|up to|prior to)\s+{_YEAR}\b", re.IGNORECASE)
_SINGLE = re.compile(rf"\b{_YEAR}\b")


@dataclass(frozen=True)
class Understood:
    """Something the query names that is also a facet value: the filter, and the link that applies it."""

    facet: str
    value: str
    text: str
    toggle_url: str
    selected: bool = False


def _council_pattern() -> tuple[re.Pattern, dict[str, tuple[str, ...]]]:
    """Every council name and alias, longest first, matched in any case; and lower-cased alias -> codes."""
    return _council_pattern_for(settings.ROUND31_COUNTY_SHORT_FORMS, settings.ROUND32_LOCAL_SHORT_FORMS)


def _county_short_forms() -> set[str]:
    """Round 31: the counties' short forms ("bucks", "herts"), lower-cased: names only when typed with a capital."""
    county = COUNTY_SHORT_FORMS.values() if settings.ROUND31_COUNTY_SHORT_FORMS else ()
    local = LOCAL_SHORT_FORMS.values() if settings.ROUND32_LOCAL_SHORT_FORMS else ()  # round 32: the others'
    return {short.lower() for shorts in (*county, *local) for short in shorts}


@lru_cache(maxsize=4)
def _council_pattern_for(county_short: bool, local_short: bool = False) -> tuple[re.Pattern, dict[str, tuple[str, ...]]]:
    """_council_pattern for one setting of the short forms' switches."""
    codes: dict[str, set[str]] = {}
    for auth in authorities().values():
        shorts = short_forms(auth.name, county_short, local_short)
        for alias in {auth.name, auth.council_name, *auth.aliases, *shorts}:
            codes.setdefault(alias.lower(), set()).add(auth.code)
    for short, code in _short_names(codes).items():
        codes.setdefault(short, {code})
    ordered = sorted(codes, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(a) for a in ordered) + r")(?![\w-])", re.IGNORECASE)
    return pattern, {a: tuple(sorted(c)) for a, c in codes.items()}


# A two-place council is asked about by its first place ("Telford" for Telford and Wrekin, "Redcar" for Redcar and
# Cleveland), as people say it; only where that first place names no other council. A hyphenated name is the same
# structure ("Stockton" for Stockton-on-Tees, "Stoke" for Stoke-on-Trent, "Southend" for Southend-on-Sea).
_TWO_PLACES = re.compile(r"^([a-z][a-z' -]*?)(?: (?:and|with|upon) |-(?:on|upon)-)[a-z]", re.IGNORECASE)


def _short_names(codes: dict[str, set[str]]) -> dict[str, str]:
    """Lower-cased first places of two-place council names -> the council's code, where unambiguous."""
    found: dict[str, set[str]] = {}
    for alias, alias_codes in codes.items():
        match = _TWO_PLACES.match(alias)
        if match and len(alias_codes) == 1:
            found.setdefault(match.group(1).strip(), set()).update(alias_codes)
    return {short: next(iter(c)) for short, c in found.items()
            if len(c) == 1 and short not in codes and "," not in short and short.split()[0] not in _NOT_A_PLACE}


_NOT_A_PLACE = {"city", "the", "london", "royal", "county", "borough"}  # "City and County of …", "London Borough of …"


def councils_in(text: str) -> list[tuple[str, str]]:
    """(facet value, text as typed) for each council the query names; other bodies and everyday words left out."""
    pattern, codes = _council_pattern()
    out = []
    for match in pattern.finditer(text):
        typed = match.group(1)
        after = text[match.end():match.end() + 60]
        if names_another_body(after):
            continue  # "Kent Police"
        if typed.lower() in _county_short_forms() and not typed[:1].isupper():
            continue  # "bucks the trend": a county's short form names it only with a capital
        if typed.lower() in _EVERYDAY_PLACE_NAMES and not _COUNCIL_WORD_AFTER.match(after):
            opening = not text[:match.start()].strip()
            if not typed[:1].isupper() or opening and typed.lower() in _EVERYDAY_OPENERS:
                continue  # "reading", or "Reading" opening the query
        out.append((display_name(resolve(codes[typed.lower()], None)), typed))
    return out


@lru_cache(maxsize=256)
def _grade_matches(text: str) -> tuple[tuple[int, str, str], ...]:
    """(position, grade, text as typed) for each grade the query names; everyday words only after a rating cue."""
    out = []
    for match in grades.GRADE_RE.finditer(text):
        typed = match.group(0)
        if grades.is_cued_word(typed):
            before = text[max(0, match.start() - 40):match.start()]
            after = text[match.end():match.end() + 40]
            if not (_CUE_BEFORE.search(before) or _CUE_AFTER.match(after) or TALLY_BEFORE.search(before)
                    or _AREA_BEFORE.search(before) or _OVERALL_NAMED.search(before) or _AREA_AFTER.match(after)):
                continue  # "good practice"
        out.append((match.start(), grades.grade_of_match(match), typed))
    return tuple(out)


def grades_in(text: str) -> list[tuple[str, str]]:
    """(grade, text as typed) for each grade the query names; everyday words ("good") only after a rating cue."""
    return [(grade, typed) for _, grade, typed in _grade_matches(text)]


def subjudgements_in(text: str) -> list[tuple[str, str, str]]:
    """(sub-judgement facet, grade, text as typed) where the query names an area and a grade ("care leavers
    judged inadequate"): the grade nearest the area."""
    every = _grade_matches(text)
    # The grade said of the whole service is not an area's, unless it is the only one ("care leavers good overall").
    found = [f for f in every if not _said_overall(text, f[0], f[2])] or every
    if not found:
        return []
    spans = [m.span() for pattern, _ in AREA_PATTERNS for m in pattern.finditer(text)]
    out = []
    for pattern, facet in AREA_PATTERNS:
        match = pattern.search(text)
        if match:
            _, grade, typed = _area_grade(text, match, found, spans)
            out.append((facet, grade, f"{match.group(0)} … {typed}"))
    return out


# What may stand between an area and the grade said of it, besides other areas it is listed with: "children in care
# and care leavers good", "care leaver service judged outstanding", "child protection only good".
_BETWEEN = re.compile(r"^(?:[\s,'‘’“”\"]|\b(?:and|the|its|their|" + _AREA_HEAD_WORDS + r"|were|was|is|are|been|has|have|"
                      r"rated|judged|graded|found|deemed|as|to\s+be|only|still|also|now|both|all)\b)*$", re.IGNORECASE)
_JUST_BEFORE = re.compile(r"^['’”\"]?\s+$")  # "outstanding leadership", "inadequate help and protection"


def _area_grade(text: str, area: re.Match, found: list[tuple[int, str, str]],
                spans: list[tuple[int, int]]) -> tuple[int, str, str]:
    """The grade a query says of an area, as English says it: the grade after the area (or after the list of areas
    it opens: "children in care and care leavers good"), else one just before it that no area is followed by and no
    movement ends at ("outstanding leadership"; not "straight to good care leavers outstanding"), else the
    nearest."""
    def between(start: int, end: int) -> str:
        inner = [(a, b) for a, b in spans if start <= a and b <= end]
        return "".join(text[a:b] for a, b in zip([start] + [b for _, b in inner], [a for a, _ in inner] + [end]))

    after = [f for f in found if f[0] >= area.end() and _BETWEEN.match(between(area.end(), f[0]))]
    if after:
        return after[0]
    for position, grade, typed in found:
        if _JUST_BEFORE.match(text[position + len(typed):area.start()]) \
                and not _MOVEMENT_END.search(text[max(0, position - 12):position]) \
                and not any(b <= position and _BETWEEN.match(between(b, position)) for _, b in spans):
            return position, grade, typed
    return min(found, key=lambda f: abs(f[0] - area.start()))


# English regions as people write them (a round-up of "London boroughs", "Yorkshire councils"), and the region.
_REGIONS = (
    (re.compile(r"\bLondon\b", re.IGNORECASE), "London"),
    (re.compile(r"\bYorkshire\b|\bHumber(?:side)?\b", re.IGNORECASE), "Yorkshire and The Humber"),
    (re.compile(r"\bNorth[\s-]+East\b", re.IGNORECASE), "North East"),
    (re.compile(r"\bNorth[\s-]+West\b", re.IGNORECASE), "North West"),
    (re.compile(r"\bSouth[\s-]+East\b", re.IGNORECASE), "South East"),
    (re.compile(r"\bSouth[\s-]+West\b", re.IGNORECASE), "South West"),
    (re.compile(r"\bWest\s+Midlands\b", re.IGNORECASE), "West Midlands"),
    (re.compile(r"\bEast\s+Midlands\b", re.IGNORECASE), "East Midlands"),
    (re.compile(r"\bEast\s+of\s+England\b", re.IGNORECASE), "East of England"),
)


def regions_in(text: str) -> list[str]:
    """The English regions a query names ("London boroughs rated outstanding"), not where the words are part of a
    council's name ("North East Lincolnshire", "City of London")."""
    pattern, _ = _council_pattern()
    taken = [m.span() for m in pattern.finditer(text)]
    out = []
    for region_pattern, region in _REGIONS:
        for match in region_pattern.finditer(text):
            if not any(a <= match.start() and match.end() <= b for a, b in taken):
                out.append(region)
                break
    return out


@lru_cache(maxsize=16)
def region_councils(region: str) -> tuple[str, ...]:
    """The council facet values of a region."""
    from indexer.ingest.councils import all_councils

    return tuple(sorted(name for name, council in all_councils().items() if council.region == region))


def overall_grades_in(text: str) -> list[str]:
    """Grades the query gives the whole service: one said "overall" ("but overall good"), or, when the query
    names a sub-judgement, a grade that none of its areas is nearest ("leadership inadequate, requires
    improvement")."""
    found = _grade_matches(text)
    claimed = {typed.split(" … ")[-1] for _, _, typed in subjudgements_in(text)}
    out = []
    for position, grade, typed in found:
        if _said_overall(text, position, typed):
            out.append(grade)
        elif claimed and typed not in claimed and not _MOVEMENT_END.search(text[max(0, position - 10):position]):
            out.append(grade)
    return list(dict.fromkeys(out))


def _said_overall(text: str, position: int, typed: str) -> bool:
    """True for a grade the query says of the whole service ("but overall good", "good overall"): never an
    area's grade, whichever area stands nearer."""
    before = text[max(0, position - 30):position]
    after = text[position + len(typed):position + len(typed) + 30]
    if _INTRODUCER_BEFORE.search(before) and _OVERALL.search(before[-20:]) or _OVERALL_NAMED.search(before):
        return True
    trailing = _INTRODUCER_AFTER.match(after)
    # "leadership good overall inadequate": an "overall" followed by a grade introduces that one.
    return bool(trailing) and not _NEXT_GRADE.match(after[trailing.end():])


def introducer_words(text: str) -> set[str]:
    """The lower-cased words that only introduce a grade in this query ("judged" in "judged inadequate")."""
    out = set()
    for position, _, typed in _grade_matches(text):
        before = _INTRODUCER_BEFORE.search(text[max(0, position - 30):position])
        after = _INTRODUCER_AFTER.match(text[position + len(typed):position + len(typed) + 30])
        out |= {m.group(1).lower() for m in (before, after) if m}
        named = _OVERALL_NAMED.search(text[max(0, position - 40):position])
        if named:  # "overall effectiveness": both words only name the grade that follows
            out |= {named.group(1).lower(), named.group(2).lower()}
        if typed.lower().startswith("perform"):  # "performing poorly": the annual ratings' verb introduces the grade
            out.add(typed.split()[0].lower())
    return out


def years_in(text: str) -> tuple[list[tuple[str, int | None, int | None]], list[str]]:
    """Year ranges (typed, from, to) and single years the query names."""
    ranges, used = [], []
    for match in _RANGE.finditer(text):
        low, high = sorted((int(match.group(1)), int(match.group(2))))
        ranges.append((match.group(0), low, high))
        used.append(match.span())
    for match in _FROM.finditer(text):
        year = int(match.group(2)) + (1 if match.group(1).lower() == "after" else 0)
        ranges.append((match.group(0), year, None))
        used.append(match.span())
    for match in _UNTIL.finditer(text):
        year = int(match.group(2)) - (1 if match.group(1).lower() in ("before", "prior to") else 0)
        ranges.append((match.group(0), None, year))
        used.append(match.span())
    singles = [m.group(1) for m in _SINGLE.finditer(text)
               if not any(a <= m.start() < b for a, b in used) and 2000 <= int(m.group(1)) <= 2030]
    return ranges, singles


def _indexed_as(value: str, known: set[str]) -> str:
    """A council as the index holds it: itself, or its same-named forerunner with documents ("Buckinghamshire"
    -> "Buckinghamshire (Buckinghamshire County Council)", the same children's services before 2020)."""
    if value in known:
        return value
    from indexer.ingest.councils import all_councils

    council = all_councils().get(value)
    same = [name for name in (council.predecessors if council else ()) if name in known
            and name.split(" (")[0] == value]
    return same[0] if same else value


def indexed_values(value: str, known: set[str]) -> list[str]:
    """A council as the index holds it: itself where known, and its same-named forerunners with documents (both
    when the index has documents from before and after a reorganisation); the value itself when none is known."""
    from indexer.ingest.councils import all_councils

    council = all_councils().get(value)
    same = [name for name in (council.predecessors if council else ()) if name in known
            and name.split(" (")[0] == value]
    return ([value] if value in known or not same else []) + same


def understand(text: str, req: SearchRequest, known: dict[str, set[str]]) -> list[Understood]:
    """Councils, grades and years in the query that the index has, each with the link that toggles the filter."""
    out: list[Understood] = []
    councils = [(_indexed_as(value, known.get("council", set())), typed) for value, typed in councils_in(text)]
    for facet, found in (("council", councils), ("severity", grades_in(text))):
        spec = FACETS_BY_NAME[facet]
        for value, typed in dict((v, t) for v, t in found).items():
            if value not in known.get(facet, set()):
                continue
            chosen = spec.selected(req)
            toggled = [v for v in chosen if v != value] if value in chosen else [*chosen, value]
            out.append(Understood(facet, value, typed, toggle_url(spec.with_selection(req, toggled)), value in chosen))
    for facet, grade, typed in subjudgements_in(text):
        spec = FACETS_BY_NAME[facet]
        if grade not in known.get(facet, set()):
            continue
        chosen = spec.selected(req)
        toggled = [v for v in chosen if v != grade] if grade in chosen else [*chosen, grade]
        out.append(Understood(facet, grade, typed, toggle_url(spec.with_selection(req, toggled)), grade in chosen))
    ranges, singles = years_in(text)
    for typed, low, high in ranges:
        selected = (req.year_from, req.year_to) == (low, high)
        target = replace(req, year_from=None, year_to=None) if selected else replace(req, year_from=low, year_to=high)
        label = f"{low or ''}–{high or ''}"
        out.append(Understood("year", label, typed, toggle_url(target), selected))
    year_facet = FACETS_BY_NAME["year"]
    for year in dict.fromkeys(singles):
        if year not in known.get("year", set()):
            continue
        chosen = year_facet.selected(req)
        toggled = [v for v in chosen if v != year] if year in chosen else [*chosen, year]
        out.append(Understood("year", year, year, toggle_url(year_facet.with_selection(req, toggled)), year in chosen))
    return out
