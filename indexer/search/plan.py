"""A best-match plan: the groups of equivalent words a plain query is made of and how many must match.

Backend-neutral: the embedded backend evaluates it in numpy (`backends/embedded/query/bestmatch.py`).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from indexer import settings
from indexer.search.synonyms import Group
from indexer.search.snippets import QueryMarks

# Function words need not match (inside quotes they still do: phrases keep every word).
FUNCTION_WORDS = frozenset("""a an the of for by in on at to from with and or but nor is are was were be been being
has have had do does did done what which who whom whose how why when where that this these those it its their they
there here about into over under than as so if not no too very much more most such any all some can could would
should will may might shall me my we our you your i he she his her them us says say said tell show
while whilst though although whereas since before until during ago""".split())
# (The last line: words that only set one clause against another, "care leavers inadequate while overall requires
# improvement", or one time against another, "first inspection since replacing Cumbria", "the first monitoring
# visit since inadequate"; a paragraph never needs them to answer. A year after one of them is still read as a
# range by query understanding. "after" stays a word: "apologises after inadequate" wants the aftermath.)


@dataclass(frozen=True)
class BestMatchPlan:
    """The groups a plain query is made of and how many of them a paragraph needs."""

    groups: tuple[Group, ...]
    strict: bool = False  # every group required (the "all words" link)
    # (facet, value) the query names, e.g. a sub-judgement and its grade. A named council's paragraphs (with a query
    # word of their own) also match with one group fewer than the minimum: the council is the most specific thing
    # asked, and its document saying most of the rest answers better than another council's saying all of it.
    boosts: tuple[tuple[str, str], ...] = ()
    # (field, value) a recognised phrase stands for ("no longer inadequate" -> grade_change "from inadequate"):
    # one more group, which a document's field matches, each value a tier.
    stand_ins: tuple[tuple[str, str], ...] = ()
    # Per boost, the groups that name what it is about (a sub-judgement's area: "care leavers"): the boost lifts
    # only paragraphs whose own words match one of them, so a document ranks and is shown by the paragraph about
    # that area. Empty (or missing) = any paragraph with a query word of its own.
    anchors: tuple[tuple[int, ...], ...] = ()
    # (facet, values) a query names as a set: a region is its councils ("London boroughs"). A document with any of
    # the values is lifted one tier (a round-up naming five London councils once, not five times).
    any_of: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # Council boosts that are not the council named but its successors or forerunners under other names
    # (search/succession.py): lifted one tier less than the council named, so its own documents still come first.
    related: tuple[str, ...] = ()
    # The years the question asks about (search/year_lift.py): a paragraph of a document filed under one scores more.
    years: tuple[int, ...] = ()
    # The grades the question names only as what came before ("progress since the inadequate judgement"; round 29,
    # search/answer.background_grades): for a question naming no other grade, not the grade asked.
    background: tuple[str, ...] = ()
    # A named council's lift is one tier less on a paragraph filed under at least `crowded` councils (a round-up's)
    # whose own words do not name the council (none of the groups `crowded_groups`): a paragraph filed under every
    # council of its page for naming none (round 29, search/query.crowded_least). 0 = lifted alike, as before.
    crowded: int = 0
    crowded_groups: tuple[int, ...] = ()
    # Round 31 (`settings.ROUND31_FIGURE_ASKED`): the figures the question quotes ("£256,000", "486", "£12 million"),
    # each as its digits and the unit a paragraph must write beside them (search/answer.figures_in).
    figures: tuple[tuple[str, str], ...] = ()
    # Round 31 (`settings.ROUND31_LIST_PAGE`): a named council does not lift any paragraph of a document whose
    # paragraphs are filed under at least `listed` councils (a list page: a national table of every council's scores),
    # its rows naming the council included: a question about one council that asks for no set of councils
    # (search/query.list_page_least). 0 = lifted alike, as before.
    listed: int = 0

    def tiers_of(self, boost: int) -> int:
        """The tiers the boost at this position lifts by: a named council more than every other lift together (a
        document about another council rarely answers a question naming one, whatever movement or judgement it
        reports); the overall grade of a question that also names judged areas as many as those areas ("children in
        care and care leavers outstanding but overall good": a document with the asked overall grade and one of the
        areas outranks one with both areas under another overall grade); any other boost one."""
        facet, value = self.boosts[boost]
        if facet == "severity":
            return max(1, sum(1 for f, _ in self.boosts if f in settings.SUBJUDGEMENT_FIELDS))
        if facet != "council":
            return 1
        named = 1 + len(self.stand_ins) + len(self.any_of) + (settings.RANKING.year_lift if self.years else 0) + sum(self.tiers_of(at) for at, (f, _) in
                                                                 enumerate(self.boosts) if f != "council")
        return max(0, named - settings.RANKING.related_council_step) if value in self.related else named

    def shadowed_by(self, boost: int) -> tuple[str, ...]:
        """The councils whose paragraphs a related council's boost does not lift (the councils named, and the related
        ones lifted before it): a story filed under the old name and its successors is lifted once, as the council
        named, not once per name. Empty for any other boost."""
        facet, value = self.boosts[boost]
        if facet != "council" or value not in self.related:
            return ()
        return tuple(v for at, (f, v) in enumerate(self.boosts) if f == "council" and at != boost
                     and (v not in self.related or at < boost))

    def anchor_of(self, boost: int) -> tuple[int, ...]:
        """The groups the boost at this position is about (empty: any)."""
        return self.anchors[boost] if boost < len(self.anchors) else ()

    @property
    def required(self) -> int:
        """Groups a paragraph must match: all up to a few, then a share of them (rounded down)."""
        n = len(self.counted) + bool(self.stand_ins)
        if self.strict or n <= settings.BEST_MATCH_ALL_UP_TO:
            return n
        return max(settings.BEST_MATCH_ALL_UP_TO, math.floor(settings.RANKING.best_match_share * n))

    @staticmethod
    def council_minimum(required: int) -> int:
        """The groups a named council's paragraph (with a query word of its own) must match when `required` is the
        minimum: half of it, rounded up, but never more than one fewer. A long question naming a council is
        answered by that council's stories told in other words ("a review" for "monitoring visits"), which the
        council's lift then ranks first by score."""
        return max(1, min(required - 1, math.ceil(required * settings.RANKING.named_council_share)))

    @staticmethod
    def answer_minimum(required: int) -> int:
        """The groups a paragraph must match to be shown for its document in a question naming a council: one fewer
        than the minimum, as before the looser council minimum; a paragraph admitted only by that looser minimum
        ranks its document but is shown only when none of the document's paragraphs meets this."""
        return max(1, required - 1)

    @property
    def counted(self) -> tuple[Group, ...]:
        """The groups a paragraph must match (not the words that only introduce a grade)."""
        return tuple(g for g in self.groups if g.counted)

    @property
    def stems(self) -> frozenset[str]:
        """Every stem of every group's alternatives."""
        return frozenset(s for g in self.groups for s in g.stems)

    def marks(self) -> QueryMarks:
        """What to highlight: every single-word alternative, and multi-word ones as phrases."""
        words = {alt.stems[0] for g in self.groups for alt in g.alternatives if len(alt.stems) == 1}
        phrases = tuple(alt.stems for g in self.groups for alt in g.alternatives if len(alt.stems) > 1)
        return QueryMarks(frozenset(words), phrases)



def meaningful(words: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The query words without function words (all of them when nothing else is left)."""
    kept = [(w, s) for w, s in words if w.lower() not in FUNCTION_WORDS]
    return kept or words


def meaningful_groups(groups: list[Group]) -> list[Group]:
    """The query's groups without single function words (all of them when nothing else is left); a synonym
    term holding function words ("children in care") stays one group."""
    kept = [g for g in groups if len(g.alternatives[0].stems) > 1 or g.typed.lower() not in FUNCTION_WORDS]
    return kept or groups


_YEAR_WORD = re.compile(r"(?:19|20)\d\d")


def context_weight(group: Group) -> float:
    """The share of its idf a group found only in a paragraph's document context counts: a year in full (the
    document's year is what a year in a question asks about), anything else `settings.RANKING.context_weight`."""
    if _YEAR_WORD.fullmatch(group.typed):
        return settings.RANKING.year_context_weight
    return settings.RANKING.context_weight
