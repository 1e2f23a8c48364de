"""Domain stemming exceptions: the one table of words Snowball merges that children's-services reports keep apart.

"rated inadequate" is a grade; "exclusion rates" are statistics, yet Snowball stems both to "rate". Each word
here is indexed and searched as its own stem instead. Changing this table changes the index: rebuild after it
(`reportsearch rebuild`); the build records ANALYSIS_VERSION so a search over an older index can say so.
"""
from __future__ import annotations

# word (lowercased, accents folded) -> the stem it is indexed under instead of Snowball's.
STEM_EXCEPTIONS: dict[str, str] = {
    # A grade given ("rated good", "its rating") vs a statistic ("rates of re-referral", "a rate of 105").
    "rated": "rated", "rating": "rated", "ratings": "rated",
    # A grade given ("judged inadequate") vs court judges ("judges praised the quality of applications").
    "judged": "judged",
    # A grade given ("graded good") vs the grade key printed in every pre-2013 report ("Outstanding (Grade 1)").
    "graded": "graded",
    # "cared for children" (some councils' term for children in care) vs "care" in every other sense;
    # synonyms.txt joins "cared for children" to "children in care" again as a phrase.
    "cared": "cared",
    # Workload: "caseloads are manageable" is the opposite of "caseloads too high"; Snowball merges it with
    # "managers" and "management". "highly" (praise: "highly skilled") is not "high" (caseloads, turnover).
    "manageable": "manageable", "unmanageable": "unmanageable", "highly": "highly",
}
# A rating cue in a query ("rated", "judged") says a grade follows; the grade word carries the meaning, so the cue
# counts this share of a word (its score and its share of the query's weight).
RATING_CUES = frozenset({"rated", "judged", "graded"})
RATING_CUE_WEIGHT = 0.5

# Bump when STEM_EXCEPTIONS or the word pattern (analysis.TOKEN_PATTERN) changes: the index records it, and a
# mismatch tells the user to rebuild. 2: a dot before a capital ends a word ("45.Children").
ANALYSIS_VERSION = 2


def exception(word: str) -> str | None:
    """The domain stem of a lowercased word, or None when Snowball's is right."""
    return STEM_EXCEPTIONS.get(word)

