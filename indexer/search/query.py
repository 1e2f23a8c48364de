"""Reading what the user typed: explicit syntax as a query tree, plain words as a best-match plan, with a
plain-words fallback and a message on trouble. Backend-neutral: a backend answers questions about its words
through a `Lexicon`."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable, Collection, Protocol

from indexer.search import limits
from indexer import grades, settings
from indexer.analysis import fold_and_stem as stem
from indexer.search.limits import check_expansions
from indexer.search import querytree as qt
from indexer.search.expansion import cap_expansions
from indexer.search.implied_overall import council_movements, implied_overall, names_one_provider
from indexer.search.movement import is_cue_word
from indexer.search.names import council_name_alone, join_council_names
from indexer.search.numbers import tally_groups
from indexer.search.answer import background_grades, figures_in
from indexer.search.plan import BestMatchPlan, meaningful_groups
from indexer.search.provider import names_provider, provider_phrases
from indexer.search.synonyms import Alternative, Group, group_words, stems_of
from indexer.search.year_lift import asked_years
from indexer.search.succession import related_councils, related_to_named
from indexer.search.understand import (councils_in, indexed_values, introducer_words, overall_grades_in,
                                      region_councils, regions_in, subjudgements_in)
from indexer.search.snippets import MATCH_FIELDS, QueryMarks, query_marks
from indexer.stemming import RATING_CUE_WEIGHT, RATING_CUES

# Anything beyond plain words makes the query explicit syntax, matched strictly as written.
# A + or - is an operator only on a word, a phrase or a group ("-school", '+"care leavers"'); a run of dashes
# ("Slough -- inadequate") is punctuation (round 30).
_SYNTAX = re.compile(r'["()*?]|\b(?:AND|OR|NOT)\b|(?:^|\s)[+-][\w"(]|\w:\S')
_BRACKET = re.compile(r"[()]")
_GROUPING = re.compile(r"\b(?:AND|OR|NOT)\b|(?:^|[\s(])[+-][\w\"(]|\w:\S")  # what brackets can group
# A question mark that ends a word ("is Birmingham inadequate?") closes a question; only one inside a word
# ("organi?ation") is a wildcard. Before round 30 every question typed with its mark was read as strict syntax with a
# wildcard word and found nothing.
_QUESTION_MARK = re.compile(r"(?<=[\w'\u2019])\?+(?=$|[\s.,;:!)\"\u201d])")


class Lexicon(Protocol):
    """What the query reader asks a backend about its words and facet values."""

    def parse(self, text: str) -> qt.Node | None:
        """Explicit syntax as a query tree (ValueError on trouble)."""

    def expand(self, pattern: qt.Pattern, limit: int) -> list[str]:
        """Up to `limit` words matching a prefix or wildcard pattern."""

    def most_frequent(self, field: str, words: list[str], count: int) -> list[str]:
        """The `count` most frequent of the words."""

    def facet_values(self, field: str) -> Collection[str]:
        """The values a keyword field holds."""

    def is_facet(self, field: str) -> bool:
        """True for a keyword (facet) field."""

    def has_word(self, stem: str) -> bool:
        """True when some paragraph has the analysed word."""

    def suggest(self, word: str) -> str | None:
        """The corpus word closest in spelling."""


@dataclass(frozen=True)
class ParsedQuery:
    """A parsed query (None = everything), what to highlight, and a note for the user.

    Plain word lists carry a best-match plan instead of a query tree; explicit syntax carries the tree.
    """

    query: qt.Node | None
    marks: QueryMarks
    message: str | None = None
    plan: BestMatchPlan | None = None
    corrections: tuple[tuple[str, str], ...] = ()  # (typed, searched as well) for unknown words

    @property
    def everything(self) -> bool:
        """True when nothing was asked (browse by date)."""
        return self.query is None and self.plan is None


def is_plain(text: str) -> bool:
    """True for a plain list of words (no quotes, operators, fields, wildcards or brackets)."""
    return not _SYNTAX.search(text)


def drop_question_marks(text: str) -> str:
    """The query without the question marks that end its words (a wildcard "?" inside a word stays)."""
    return _QUESTION_MARK.sub("", text)


def drop_prose_brackets(text: str) -> str:
    """Brackets as prose ("children in care (CIC) missing") dropped: they group only beside an operator or a field."""
    if not _BRACKET.search(text) or _GROUPING.search(text) or not re.search(r"\w", text):
        return text  # grouping syntax, or nothing but brackets: the syntax reader says what it could not read
    return _BRACKET.sub(" ", text)


def cut_query(text: str) -> tuple[str, str | None]:
    """The query cut to the allowed length before any other work, and a note when it was cut."""
    cut = limits.cut_query(text)
    if len(cut) == len(text):
        return text, None
    return cut, f"Your query was longer than {settings.MAX_QUERY_CHARS:,} characters and was shortened."


def route(text: str, nothing, plain, syntax):
    """The query cut to length, then handed on: `nothing(message)` when empty, else `plain(text, message)` for a
    list of words or `syntax(text, message)` (every backend reads queries through this one fork)."""
    text, message = cut_query(text)
    if settings.ROUND30_QUESTION_MARK:
        text = drop_question_marks(text)
    if settings.ROUND30_PROSE_BRACKETS:
        text = drop_prose_brackets(text)
    if not text.strip():
        return nothing(message)
    return (plain if is_plain(text) else syntax)(text, message)


def read_query(lexicon: Lexicon, text: str, strict: bool = False) -> ParsedQuery:
    """Plain words become a best-match plan; explicit syntax a query tree, with a plain-words fallback."""
    return route(text, lambda message: ParsedQuery(None, query_marks(None), message),
                 lambda text, message: _plain(lexicon, text, strict, message),
                 lambda text, message: parse_syntax(lexicon, text, message))


def unreadable(text: str, exc: Exception) -> tuple[list[str], str]:
    """The words of a query the parser could not read, and the note saying what is searched instead."""
    words = re.findall(r"\w+", text)
    reason = str(exc) if isinstance(exc, ValueError) else "syntax the search could not read"
    shown = (f"showing results for the words “{' '.join(words[:20])}”" if words
             else "showing everything, newest first")
    return words, f"Could not read the query as written ({reason}); {shown}. See the syntax help."


def parse_syntax(lexicon: Lexicon, text: str, message: str | None = None) -> ParsedQuery:
    """Query syntax, matched strictly as written; on trouble plain words, any of them, and a note."""
    note = None  # set when a wildcard's expansion was capped (search/expansion.py)
    try:
        if text.count('"') % 2:
            raise ValueError("an unclosed quotation mark")
        parsed = lexicon.parse(text)
        if parsed is None:
            raise ValueError("nothing searchable")
        parsed = _normalise_facet_terms(lexicon, parsed)
        check_expansions(parsed, lexicon)               # a leading wildcard is refused
        parsed, note = cap_expansions(lexicon, parsed)  # a broad one keeps its most frequent words
    except Exception as exc:  # noqa: BLE001 - any syntax trouble becomes a message, never a 500
        words, message = unreadable(text, exc)
        parsed = _any_of(words)
    return ParsedQuery(parsed, query_marks(parsed), message or note)


def _any_of(words: list[str]) -> qt.Node | None:
    """Every word as a plain word in every matched field, any of them matching."""
    stems = list(dict.fromkeys(stem(w.lower()) for w in words))
    parts = tuple(qt.Term(field, s) for s in stems for field in MATCH_FIELDS)
    return qt.Or(parts) if parts else None


def _normalise_facet_terms(lexicon: Lexicon, q: qt.Node) -> qt.Node:
    """Match `council:medway` and `council:"isle of wight"` to the stored spelling."""
    def fix(node: qt.Node) -> qt.Node:
        field = getattr(node, "field", None)
        if field is not None and lexicon.is_facet(field):
            if isinstance(node, qt.Phrase):
                wanted = " ".join(node.words)
            elif isinstance(node, qt.Term):
                wanted = node.text
            else:
                return node
            stored = next((v for v in lexicon.facet_values(field) if v.lower() == wanted.lower()), wanted)
            return qt.Term(field, stored)
        return node
    return qt.transform(q, fix)


def _plain(lexicon: Lexicon, text: str, strict: bool, message: str | None) -> ParsedQuery:
    """A best-match plan over the meaningful words, with synonyms and corrections of unknown words."""
    plan, corrections, message = best_match_plan(
        text, strict, message, lexicon.facet_values,
        lambda stems: {s for s in stems if not lexicon.has_word(s)}, lexicon.suggest)
    if plan is None:
        return ParsedQuery(None, query_marks(None), message)
    return ParsedQuery(None, plan.marks(), message, plan, corrections)


def best_match_plan(text: str, strict: bool, message: str | None, facet_values: Callable[[str], Collection[str]],
                    unknown: Callable[[set[str]], set[str]], suggest: Callable[[str], str | None]
                    ) -> tuple[BestMatchPlan | None, tuple[tuple[str, str], ...], str | None]:
    """Plain words as a best-match plan (None: no word), the spelling corrections made and the user's note.

    Shared by every backend: `facet_values(field)` the values a facet holds, `unknown(stems)` the stems no
    paragraph has, `suggest(word)` the corpus word closest in spelling."""
    words = stems_of(text)
    if not words:
        return None, (), message
    moves = tuple(("grade_change", v) for v in council_movements(text) if v in facet_values("grade_change")) \
        if settings.GRADE_CHANGE_BOOST else ()
    # Synonyms are looked up before function words are dropped, so a term holding one still matches.
    meaningful = meaningful_groups(join_council_names(text, group_words(words)))
    if settings.ROUND30_COUNCIL_NAME_ALONE:
        meaningful = council_name_alone(text, meaningful)
    meaningful = provider_phrases(text, meaningful)  # round 31: "children's home" one word of the question
    found, stand_ins, move_boosts = movement_parts(moves, meaningful, strict)
    unique = list({g.alternatives[0].stems: g for g in reversed(found)}.values())[::-1]
    if len(unique) > settings.MAX_QUERY_GROUPS:
        unique = unique[: settings.MAX_QUERY_GROUPS]
        cut = f"Only the first {settings.MAX_QUERY_GROUPS} different words were searched."
        message = f"{message} {cut}" if message else cut
    groups, corrections = _corrected([with_cue_weight(g) for g in one_grade_name(text, unique)], unknown, suggest)
    groups = optional_introducers(text, groups, strict) + ([] if strict else tally_groups(text))
    boosts = judged_areas(text) + move_boosts + named_councils(text, facet_values("council"))
    named = councils_in(text)  # read once: two plan fields depend on it
    plan = BestMatchPlan(tuple(groups), strict, boosts, stand_ins, boost_anchors(text, groups, boosts),
                         named_regions(text), related_to_named(text, facet_values("council")), asked_years(text),
                         background_grades(text) if settings.ROUND29_BACKGROUND_GRADE else (),
                         *crowded_least(text, named, groups),
                         figures_in(text) if settings.ROUND31_FIGURE_ASKED else (),
                         list_page_least(text, named))
    return plan, corrections, message


# A year before the single inspection framework (2013), or the older scales' middle grade: the annual ratings and
# inspections of those years were published as national round-ups, which answer such a question as well as a story.
_OLDER_YEAR = re.compile(r"\b(?:19\d\d|20(?:0\d|1[0-2]))\b")
_OLDER_GRADE = re.compile(r"\badequate(?:ly)?\b", re.IGNORECASE)


def crowded_least(text: str, councils: list, groups: list[Group]) -> tuple[int, tuple[int, ...]]:
    """The council count from which a paragraph's named-council lift is one tier less (`settings.
    ROUND29_CROWDED_COUNCIL`; 0 = never), and the groups that name the council (a paragraph finding one of them by
    its own words keeps the lift): only for a question naming one council of the years since 2013. A question
    naming several councils, or the years of the annual ratings, is answered by round-ups as well as by stories."""
    least = settings.ROUND29_CROWDED_COUNCIL
    if not least or len({value for value, _ in councils}) != 1:
        return 0, ()
    if _OLDER_YEAR.search(text) or _OLDER_GRADE.search(text):
        return 0, ()
    names = {tuple(s for _, s in stems_of(typed)) for _, typed in councils}
    found = tuple(at for at, group in enumerate(groups) if group.alternatives[0].stems in names)
    return (least, found) if found else (0, ())


# A question asking about councils as a set, a list or a count of them ("which councils", "councils rated inadequate",
# "London boroughs", "how many", "league table"): a page naming many councils answers it.
_SET_ASKED = re.compile(r"\b(?:councils|authorities|boroughs|las|counties|list|lists|listed|table|tables|league|"
                        r"rankings?|tally|how\s+many|which|nationally)\b", re.IGNORECASE)


def list_page_least(text: str, councils: list) -> int:
    """The council count from which a document is a list page whose paragraphs a named council does not lift
    (`settings.ROUND31_LIST_PAGE`; 0 = never): only for a question naming one council and asking for no set of
    councils (no "councils", "which", "list", "table", region). A list page names the council among dozens; a
    question about one council's inspection is answered by the pages about that council, and the list page still
    ranks by its words."""
    least = settings.ROUND31_LIST_PAGE
    if not least or len({value for value, _ in councils}) != 1:
        return 0
    rest = text
    for _, typed in councils:  # the council's own name may hold a set word ("East Sussex", "Tower Hamlets")
        rest = re.sub(re.escape(typed), " ", rest, flags=re.IGNORECASE)
    if _SET_ASKED.search(rest) or named_regions(text):
        return 0
    return least


def _corrected(groups: list[Group], unknown: Callable[[set[str]], set[str]], suggest: Callable[[str], str | None]
               ) -> tuple[list[Group], tuple[tuple[str, str], ...]]:
    """Groups whose one word no paragraph has get the speller's correction as an alternative: "safegaurding"
    also finds "safeguarding"."""
    single = {g.alternatives[0].stems[0] for g in groups if len(g.alternatives) == 1
              and len(g.alternatives[0].stems) == 1}
    missing = unknown(single) if single else set()
    out, corrections = [], []
    for group in groups:
        if len(group.alternatives) == 1 and group.alternatives[0].stems[0] in missing \
                and len(group.alternatives[0].stems) == 1 and len(corrections) < settings.MAX_SPELLING_WORDS:
            correction = suggest(group.typed.lower()) if len(group.typed) <= settings.MAX_SPELLING_WORD_CHARS else None
            if correction:
                group = Group(group.typed, (*group.alternatives,
                                            Alternative((stem(correction),), settings.RANKING.spelling_weight, correction)))
                corrections.append((group.typed, correction))
        out.append(group)
    return out, tuple(corrections)


# A movement's cue word scores as a rating cue does ("rated" in "rated inadequate"): the existing weight, not tuned.
MOVE_CUE_WEIGHT = RATING_CUE_WEIGHT
_FULL_RI = re.compile(r"\brequires?\s+improvement\s+to\s+be\s+good\b", re.IGNORECASE)


def one_grade_name(text: str, groups: list[Group]) -> list[Group]:
    """"requires improvement to be good" is one grade by its official name: the "good" ending it is no second grade
    nor a word a paragraph must have (the grade's group finds the name)."""
    if not _FULL_RI.search(text):
        return groups
    out = []
    for group in groups:
        if group.typed.lower() == "good" and out and grades.normalise_grade(out[-1].typed) == "requires improvement" \
                and not re.search(r"\bgood\b", _FULL_RI.sub(" ", text), re.IGNORECASE):
            continue
        out.append(group)
    return out


def with_cue_weight(group: Group) -> Group:
    """A rating cue ("rated", "judged", "ratings") counts less than the grade it introduces ("rated inadequate")."""
    first = group.alternatives[0]
    if len(first.stems) != 1 or first.stems[0] not in RATING_CUES:
        return group
    return Group(group.typed, (Alternative(first.stems, RATING_CUE_WEIGHT, first.label), *group.alternatives[1:]))


def movement_parts(moves: tuple[tuple[str, str], ...], found: list[Group], strict: bool
                   ) -> tuple[list[Group], tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """The groups, stand-ins and boosts of a movement the query names: where it replaces cue words ("no longer",
    "jumped two grades") it stands in for them, one group of the minimum; where the grade words say it all
    ("requires improvement to good") it only lifts the documents reporting it, requiring nothing more."""
    if not moves or strict:
        return found, (), ()
    kept = [g for g in found if not is_cue_word(g.typed)]
    if kept and len(kept) < len(found):
        return [g if not is_cue_word(g.typed) else _cue_scored(g) for g in found], moves, ()
    return found, (), moves


def _cue_scored(group: Group) -> Group:
    """A movement's cue word ("downgraded", "longer") is not required (the movement stands in for it) but still scores
    where present, at a rating cue's weight: a paragraph telling the change in those words answers better than one
    whose document reports it only in its recorded grades."""
    first = group.alternatives[0]
    return replace(group, counted=False, in_share=False,
                   alternatives=(Alternative(first.stems, MOVE_CUE_WEIGHT, first.label), *group.alternatives[1:]))


def optional_introducers(text: str, groups: list[Group], strict: bool) -> list[Group]:
    """Words that only introduce a grade ("judged" in "judged inadequate") marked as not required: the grade
    carries the meaning and documents say it in many ways ("is inadequate"); they still score where present."""
    if strict:
        return groups
    introducers = introducer_words(text)
    marked = [replace(g, counted=False) if g.typed.lower() in introducers else g for g in groups]
    return marked if any(g.counted for g in marked) else groups


def judged_areas(text: str) -> tuple[tuple[str, str], ...]:
    """(sub-judgement, grade) for each judged area the query names, and ("severity", grade) for the grade it gives
    the whole service ("leadership inadequate but overall requires improvement"; or a lone grade, "outstanding 2025",
    search/implied_overall.py): ranking boosts, never filters."""
    areas = tuple((facet, grade) for facet, grade, _ in subjudgements_in(text))
    overall = tuple(("severity", grade) for grade in overall_grades_in(text) or implied_overall(text))
    return tuple(dict.fromkeys(areas + overall))


def boost_anchors(text: str, groups: list[Group], boosts: tuple[tuple[str, str], ...]) -> tuple[tuple[int, ...], ...]:
    """Per boost, the groups naming its sub-judgement's area ("care leavers"), so it lifts the paragraphs about that
    area; empty for the other boosts (council, overall grade)."""
    areas = {facet: {s for _, s in stems_of(typed.split(" … ")[0])} for facet, _, typed in subjudgements_in(text)}
    out = []
    for facet, _ in boosts:
        words = areas.get(facet, set())
        out.append(tuple(i for i, g in enumerate(groups) if words and set(g.alternatives[0].stems) <= words))
    return tuple(out)


def named_regions(text: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """("council", the region's councils) for each English region the query names, unless it names a council (the
    council is the more precise): a ranking boost, never a filter."""
    if not settings.NAMED_COUNCIL_BOOST or councils_in(text):
        return ()
    return tuple(("council", region_councils(region)) for region in regions_in(text))


def provider_council(text: str) -> bool:
    """True when the council a query names is one provider's operator or place, not the subject asked about
    ("Portsmouth council-run children's home rated inadequate"): its documents are not lifted (round 28; round 31,
    search/provider.py: also a set of homes or schools, and a fostering service)."""
    return settings.ROUND28_PROVIDER_COUNCIL and names_one_provider(text) or names_provider(text)


def named_councils(text: str, known: Collection[str] = ()) -> tuple[tuple[str, str], ...]:
    """("council", value) for each council the query names, as the index holds it (`known`, the council facet's
    values): "Somerset" is also its same-named forerunner "Somerset (Somerset County Council)", whose documents
    are the same children's services before a reorganisation. A ranking boost, never a filter."""
    if not settings.NAMED_COUNCIL_BOOST or provider_council(text):
        return ()
    out = []
    for value, _ in councils_in(text):
        out += [("council", v) for v in indexed_values(value, set(known))]
    for value, _ in councils_in(text):
        out += [("council", v) for v in related_councils(value, known)]
    return tuple(dict.fromkeys(out))
