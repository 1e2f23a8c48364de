"""'Not yet good' is Ofsted's own meaning of the requires-improvement grade ("requires improvement to be good"): a
council "not yet delivering good help and care" or "yet to reach good" holds requires improvement, not good."""
from __future__ import annotations

import re

# The words between "not yet"/"yet to" and the grade: a verb and a few words ("not yet delivering", "yet to be").
_NOT_YET = re.compile(r"\b(?:not\s+yet|yet\s+to)\s+(?:(?:be|been|being|reach(?:ed|ing)?|deliver(?:ed|ing|s)?|provid(?:e|ed|es|ing)"
                      r"|offer(?:ed|ing|s)?|giv(?:e|es|ing)|judged|rated|considered)\s+){0,2}"
                      # round 7: a giving verb's object may come first ("not yet giving children good help", "not
                      # yet offering its families good support"); an adverb ("not yet consistently good") is a finding
                      r"(?:(?<=ing\s)(?<!being\s)(?:(?!(?:but|and|or|was|were|is|are|a|an)\b)(?![\w'’-]*ly\b)[\w'’-]+\s+){1,2}?)?"
                      r"(?:as\s+|a\s+)?['‘“\"]?$",
                      re.IGNORECASE)


def not_yet_good(before: str, grade: str) -> bool:
    """True when the grade word is 'good' and the words before it say it is not yet reached."""
    return grade == "good" and bool(_NOT_YET.search(before))
