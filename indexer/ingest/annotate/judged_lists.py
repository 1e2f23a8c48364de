"""Councils named together in a list that a sentence judges ("Slough, Doncaster, Sandwell and Birmingham have all had
control taken away after critical reports"; "the departments in Norfolk, Suffolk and Cambridgeshire were relieved not
to be criticised") are subjects with the list, graded only where the text grades them (docs/labelling.md: "every
council it names as part of the judged list"; round 15, issue 22)."""
from __future__ import annotations

import datetime as dt
import re

from indexer import settings
from indexer.grades import GRADE_RE
from indexer.ingest.annotate.places import council_groups, subject_mentions

# Words that make a sentence about a judgement of the councils it lists, not about places (a trust's area, a region).
_JUDGED = re.compile(r"\b(?:inspect(?:ed|ion|ions|ors?)|judged|judgements?|rated|ratings?|verdicts?|criticis\w*"
                     r"|critical|failing|intervention|commissioners?|improvement\s+notices?|special\s+measures"
                     r"|(?:control|powers)\s+(?:\w+\s+){0,4}(?:taken\s+away|removed|stripped))\b", re.IGNORECASE)
# Round 27: verbs of grading the words above lack.
_GRADING = re.compile(r"\b(?:graded|assessed|deemed|branded|classed)\b", re.IGNORECASE)
# A list this long is a round-up's list whoever else the page is about.
MIN_ALONE = 3


def _judging(text: str, members: int) -> bool:
    """The sentence judges the councils it lists. Round 27: a list of `MIN_ALONE` or more also when the sentence grades
    in other words: a grade word or a verb of grading the round-26 words lacked ("The other three authorities graded as
    inadequate overall are A, B and C"; "A, B and C did the same, while only nine achieved the maximum four stars").
    Not a neighbouring sentence's verdict: measured on the design real text it found one more page (a list two
    sentences before its verdict) and took a regional agency's partners and a helper council on six."""
    if _JUDGED.search(text):
        return True
    return bool(settings.ROUND27_GRADED_LISTS and members >= MIN_ALONE
                and (_GRADING.search(text) or GRADE_RE.search(text)))


# Round 33: a sentence that places the page's event in a series names earlier cases to compare with, not subjects
# ("the latest in a series of interventions which have seen commissioners appointed in A, B and C").
_PRECEDENTS = re.compile(r"\b(?:latest|newest|last|third|fourth|fifth)\s+in\s+a\s+"
                         r"(?:series|string|line|run|spate|wave)\s+of\b"
                         r"|\bfollow(?:s|ing|ed)?\s+(?:similar|other|earlier|previous)\s+(?:\w+\s+){0,2}?"
                         r"(?:interventions|moves|directions|action|appointments|cases)\b", re.IGNORECASE)


def _list_codes(sentences: list, day: dt.date | None, judged_only: bool = False):
    """The councils' codes of each list the sentences name (only in judging sentences with `judged_only`)."""
    for sentence in sentences:
        text = sentence.text
        if judged_only and settings.ROUND33_PRECEDENT_LISTS and _PRECEDENTS.search(text):
            continue  # round 33: earlier cases the page's own event is compared with
        for group in council_groups(text, subject_mentions(text, day)):
            codes = list(dict.fromkeys(code for _, code in group))
            if not judged_only or _judging(text, len(codes)):
                yield codes


def judged_list_members(sentences: list, day: dt.date | None, primary: str) -> set[str]:
    """Codes of the councils in a list of three or more (or of two with the page's main council) that a judging
    sentence names."""
    return {code for codes in _list_codes(sentences, day, judged_only=True)
            if len(codes) >= MIN_ALONE or len(codes) >= 2 and primary in codes for code in codes}


def long_list_members(sentences: list, day: dt.date | None) -> set[str]:
    """Round 26: codes of the councils in a list of at least `settings.ROUND26_LONG_LISTS` councils, whatever its
    sentence says ("Other high performers this year include A, B, C and D"; "reviews were also published for A, B, C,
    D and E"). On the design pages' real text and fixtures every member of every such list (28 lists, 195 councils)
    is a labelled subject; lists of three are not (a regional agency's partners). Members are graded only where the
    text grades them."""
    least = settings.ROUND26_LONG_LISTS
    if not least:
        return set()
    return {code for codes in _list_codes(sentences, day) if len(codes) >= least for code in codes}
