"""Round 18: a grade someone is aiming at, nearing or setting as a condition is not a grade held.

Rounds 7-8 (`grade_context._TARGET`, `_INTENDED`, `_HOPED_THAT`) read an aim when it is worded as a verb of intent,
"to" and a verb of being ("aims to be rated good"), or as a noun of intent with "is" ("the aim is 'good'"). The same
idea is written many other ways, and each was read as the grade held: a wanted or sought object ("wants a good
rating"), a grade one is heading for ("on track for outstanding", "aimed for the top grade"), a grade one is near
("closer to a good rating", "close to inadequate"), plural aims ("their next aims are 'good'"), a condition ("if the
council is to be judged good next time", "in order to be good") and an aim to show a grade ("aim to show the service is
good"). Each shape is read on `before`, the sentence up to the grade (160 characters), one on `after` ("'good' is
now the target").
"""
from __future__ import annotations

import re

from indexer import settings
from indexer.ingest.annotate.grade_context import _NAMED_AS as _GIVEN_AS, _QUOTE

# The passive verbs that give or name a grade (grade_context's, and "recognised as").
_NAMED_AS = rf"(?:{_GIVEN_AS}|recognised\s+as|recognized\s+as)"
# The words that may stand between an aim's verb or noun and the grade ("a", "an overall", "at least").
_FILLER = rf"(?:(?:the|an?|its|their|our|at\s+least|overall|nothing\s+less\s+than|as|{_NAMED_AS})\s+){{0,3}}"

# A grade wanted, sought or targeted as an object: "wants a good rating", "is targeting outstanding",
# "dreams of an outstanding grade". Never "achieved"/"won" (the grade is then held).
_WANTED = re.compile(rf"\b(?:want(?:s|ed|ing)?|seek(?:s|ing)?|sought|target(?:s|ed|ing)?|covet(?:s|ed|ing)?"
                     rf"|chas(?:e|es|ed|ing)|pursu(?:e|es|ed|ing)|eye(?:s|d|ing)?|dream(?:s|ed|t)?\s+of"
                     rf"|aspir(?:e|es|ed|ing)\s+to)\s+{_FILLER}{_QUOTE}$", re.IGNORECASE)
# A grade one is heading for: "on track for outstanding", "aimed for the top grade", "pushing for a good rating".
_HEADING_FOR = re.compile(rf"\b(?:aim(?:s|ed|ing)?|hop(?:e|es|ed|ing)|ambitions?|aspirations?|push(?:es|ed|ing)?"
                          rf"|striv(?:e|es|ing)|strove|gun(?:s|ning)?|going|heading|headed|on\s+(?:track|course)"
                          rf"|in\s+line|bound|bidding|set\s+(?:its|their|our|his|her)\s+sights)"
                          rf"\s+(?:for|on)\s+{_FILLER}{_QUOTE}$", re.IGNORECASE)
# A grade one is near but has not reached: "closer to a good rating", "close to inadequate", "within reach of good".
# ("close to" a number of councils is a tally the grade does not follow.)
_NEAR = re.compile(rf"\b(?:clos(?:e|er|est)\s+to|near(?:er|est)?(?:\s+to)?"
                   rf"|within\s+(?:reach|sight|touching\s+distance)\s+of"
                   rf"|(?:a|one|two)\s+steps?\s+(?:away\s+)?from|edging\s+(?:closer\s+)?(?:to|towards)"
                   rf"|stepping[\s-]+stone\s+(?:to|towards|for)|springboard\s+(?:to|for))"
                   rf"\s+(?:(?:being|getting|reaching|achieving)\s+)?{_FILLER}{_QUOTE}$", re.IGNORECASE)
# Aims named as plural nouns, or after "next": "their next aims are 'good'", "the targets remain good".
# Round 23: a grade one borders on or is poised at the edge of: "on the cusp of outstanding", "bordering on being
# 'inadequate'", "on the verge of good", "teetering on the brink of inadequate". Neither held nor given.
_EDGE_OF = re.compile(rf"\b(?:on\s+the\s+(?:cusp|verge|brink|edge|threshold|borderline)\s+of|border(?:s|ed|ing)?\s+on"
                      rf"|verg(?:e|es|ed|ing)\s+on)\s+(?:(?:being|becoming|getting|reaching)\s+)?{_FILLER}{_QUOTE}$",
                      re.IGNORECASE)
_AIMS_ARE = re.compile(rf"\b(?:aims|ambitions|goals|targets|aspirations|hopes|priorities|objectives|sights)\s+"
                       rf"(?:(?:now|next|still|are|were|remain|remained|set\s+on|firmly|on|to\s+be|to\s+become"
                       rf"|to\s+get|to\s+reach|to\s+achieve)\s+){{1,4}}{_FILLER}{_QUOTE}$", re.IGNORECASE)
# A grade as a condition or a purpose: "if the council is to be judged 'good' next time", "in order to be good",
# "the changes needed to become outstanding", "its bid to get to good". Never "keep"/"retain" (a grade held).
_CONDITION = re.compile(rf"\b(?:(?:is|are|was|were)|in\s+order|so\s+as|needed|necessary|required|bid|efforts?"
                        rf"|drive|push|attempts?|quest|mission|journey|race|fight|chance|determination|commitment"
                        rf"|ready|eager|looking|seeking|trying|tries|tried|try|resolved|pledged?|pledges"
                        rf"|vow(?:s|ed)?|promis(?:e|es|ed)|committed"
                        # "able" only ahead of the grade ("will be able to become good"): "was able to become
                        # outstanding" reached it; "improvement" only as needed ("after improving to be judged good"
                        # holds it)
                        rf"|(?:is|are|will\s+be|would\s+be)\s+able|need(?:s|ed|ing)?\s+improvement"
                        # nouns of intent and a wish: "its ambition to achieve outstanding", "would like to be good"
                        rf"|ambitions?|aims?|goals?|targets?|plans?|hopes?|intentions?|aspirations?|desire|wish"
                        rf"|vision|priority|objective|(?:would|['’]d)\s+(?:like|love))\s+to\s+"
                        rf"(?:(?:be|become|get|getting|achieve|reach|gain|secure|earn|win|move|go|climb|rise|regain"
                        rf"|return|up|to|back)\s+)+{_FILLER}{_QUOTE}$", re.IGNORECASE)
# An aim to show a grade: "aim to show the service is plainly good", "want to prove they are outstanding".
_TO_SHOW = re.compile(rf"\b(?:aim\w*|want\w*|hop\w+|plan\w*|intend\w*|determined|work\w*|striv\w+|tr(?:y|ies|ying)"
                      rf"|seek\w*|need\w*|ha(?:s|ve))\s+to\s+(?:show|prove|demonstrate|convince\s+\w+)\b"
                      rf"[^.;:!?]{{0,70}}?\b(?:is|are|be|was|were)\s+(?:[\w'’-]+ly\s+|now\s+|truly\s+)?"
                      rf"{_FILLER}{_QUOTE}$", re.IGNORECASE)
# "getting to good", "the task of getting back to good": the way there, not the grade ("got to good" is reached).
_GETTING_TO = re.compile(rf"\b(?:get|getting)\s+(?:back\s+|up\s+)?to\s+{_FILLER}{_QUOTE}$", re.IGNORECASE)
# A grade in a condition or an open question: "if the council is rated good next time", "whether it becomes
# outstanding", "unless the service gets a good grade" ("as if" compares; "if not" is read as a negation elsewhere).
_IF_CLAUSE = re.compile(rf"(?<!\bas )\b(?:if|unless|whether)\s+(?!not\b|anything\b|or\s+not\b)(?:[\w'’-]+\s+){{1,6}}?"
                        rf"(?:is|are|were|be|gets?|achieves?|reach(?:es)?|becomes?|receives?)\s+"
                        rf"(?:now\s+|yet\s+|still\s+)?{_FILLER}{_QUOTE}$", re.IGNORECASE)
# The grade named before the aim: "'Good' is now the target", "outstanding remains the ambition".
_AIM_AFTER = re.compile(r"^['’”\"]?\s+(?:is|remains|was|will\s+be|must\s+be|has\s+to\s+be)\s+(?:now\s+|still\s+)?"
                        r"(?:the|our|its|their|his|her|an?)\s+(?:[\w-]+\s+)?(?:aim|goal|target|ambition|aspiration"
                        r"|next\s+step|objective|priority|hope|destination)\b", re.IGNORECASE)
# A cheap test first: every shape above holds one of these words.
_GATE = re.compile(r"want|seek|sought|target|covet|chas|pursu|eye|dream|aspir|aim|ambition|hop|push|striv|strove|gun"
                   r"|going|head|track|course|line|bound|bid|sight|touching|clos|near|reach|step|edging|goal|priorit"
                   r"|objective|\bget|show|prove|demonstrat|convinc|like|love|desire|wish|vision|stone|springboard"
                   r"|\bif\b|unless|whether|\bto\s+(?:be|become|get|getting|achieve|reach|gain|secure|earn|win|move"
                   r"|go|climb|rise|regain|return|up|to|back)\b", re.IGNORECASE)
_EDGE_GATE = re.compile(r"cusp|verg|brink|edge|threshold|border", re.IGNORECASE)
_SHAPES = (_WANTED, _HEADING_FOR, _NEAR, _AIMS_ARE, _CONDITION, _TO_SHOW, _GETTING_TO, _IF_CLAUSE)


# Round 33: a purpose reached through a rating noun: "in order to achieve a judgement of 'good'", "the work needed to
# secure a rating of outstanding" (`ROUND33_AIM_RATING_NOUN`).
_PURPOSE_NOUN = re.compile(rf"\b(?:in\s+order|so\s+as|needed|necessary|required|bid|efforts?|ambitions?|aims?"
                           rf"|goals?|targets?|plans?|hopes?|determin\w+|commit\w+)\s+to\s+(?:achieve|reach|get|gain"
                           rf"|secure|earn|win|attain|receive|obtain)\s+(?:an?\s+|the\s+)?(?:overall\s+)?"
                           rf"(?:judge?ments?|ratings?|grades?|verdicts?)\s+of\s+{_QUOTE}$", re.IGNORECASE)


def aimed_at(before: str, after: str = "") -> bool:
    """The grade is one aimed at, neared or set as a condition, not one held (`before`: the sentence up to it;
    `after`: the words after it)."""
    if not settings.ROUND18_AIMS:
        return False
    if _AIM_AFTER.match(after):
        return True
    if settings.ROUND23_NEAR_GRADE and _EDGE_GATE.search(before) and _EDGE_OF.search(before):
        return True
    if settings.ROUND33_AIM_RATING_NOUN and _PURPOSE_NOUN.search(before):
        return True
    if not _GATE.search(before):
        return False
    return any(shape.search(before) for shape in _SHAPES)
