"""Round 27 (issue 22): the shapes in which real round-ups count councils, so that a tally grades no one.

A sentence that counts councils and names none of them describes a group, never the page's main council. Round 11
read "56 councils require improvement" and "a third of the 149 councils"; the real round-ups write more shapes (an
own-words fixture had the plain one):

- a count with a longer noun phrase: "a further 14 children's services departments …" graded good, "the 14
  local authorities judged to be good" (a definite count larger than a back-reference ever names);
- a fraction written with its own words: "three-quarters of English children's services departments", "two thirds
  of councils";
- the rest of a counted group, its noun left out: "The remaining three-quarters were judged to be inadequate";
- a class of councils by its grade, with no determiner or count: "we monitor inadequate local authorities";
- a negative count, in a headline too: "None of the six councils assessed has gained an outstanding rating".

Only the sentences that name no council are read here (attribution consults this when a statement found no council
of its own); the article's own council ("it", "the council") keeps the grade, but "its" in a reporting clause about
the inspectorate ("Ofsted has revealed in its annual report") is the inspectorate's, not a council's.
"""
from __future__ import annotations

import re

from indexer import numbers

_WORD_COUNT = "|".join(sorted(numbers.WORDS, key=len, reverse=True))
_LARGE_WORD = "|".join(numbers.words_between(6, 20))
_NOUN = r"(?:councils|authorities|local\s+authorities|departments|boroughs|LAs)"
# A fraction in words ("three-quarters", "a third"); "half", "the majority" stay round 11's (a grade must follow).
_FRACTION = r"(?:(?:a|one|two|three|four)[\s-](?:halves|thirds?|quarters?|fifths?))"
_GRADE = (r"['‘“\"]?(?:inadequate|outstanding|good|requir\w*\s+improvement|adequate|poor|excellent"
          r"|performing\s+(?:poorly|well|excellently))['’”\"]?")

# A count, then at most three words, then the group noun ("a further 14 children's services departments"). Not
# after "these", "those", "both", "all" (a back-reference to councils just named); after "the" only a count of six or
# more ("the 14 local authorities"): "the two councils" points back.
_COUNT = re.compile(rf"(?:(?<!\bthe\s)(?<!\bthese\s)(?<!\bthose\s)(?<!\bboth\s)(?<!\ball\s)\b(?:\d{{1,3}}|{_WORD_COUNT})"
                    rf"|\bthe\s+(?:\d{{2,3}}|[6-9]|{_LARGE_WORD}))"
                    rf"\b\s+(?:(?!of\b|in\b)[\w'’-]+\s+){{0,3}}?{_NOUN}\b", re.IGNORECASE)
# A fraction of the councils, with up to three words before the noun ("three-quarters of English children's
# services departments"); "one of the councils" is a member and is not a fraction.
_SHARE = re.compile(rf"\b{_FRACTION}\s+of\s+(?:the\s+|all\s+)?(?:\d+\s+)?(?:[\w'’-]+\s+){{0,3}}?{_NOUN}\b",
                    re.IGNORECASE)
# "The remaining three-quarters were …", "the other 40 are …": the rest of a group counted before.
_REST = re.compile(rf"\bthe\s+(?:remaining|other|rest\s+of\s+the)\s+(?:\d{{1,3}}|{_WORD_COUNT}|{_FRACTION})"
                   rf"\s+(?:were|are|was|is|have|had)\b", re.IGNORECASE)
# A grade as the adjective of a bare plural ("monitor inadequate local authorities"): the word before is neither a
# determiner nor a count nor a copula ("they are inadequate councils" is not written; "the inadequate councils were A
# and B" is a headed list, read elsewhere).
_CLASS = re.compile(rf"\b(?!(?:the|these|those|its|their|our|both|all|{_WORD_COUNT}|are|were|is|was|be|been|as)\b)"
                    rf"[a-z][\w'’-]*\s+{_GRADE}(?:-rated)?\s+(?:local\s+)?(?:councils|authorities|departments)\b")
# "None of the six councils … has gained an outstanding rating", "no council was rated outstanding": a grade denied
# of every member of a group.
_NONE_OF = re.compile(rf"\b(?:none\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){{0,2}}?{_NOUN}"
                      rf"|(?:no|not\s+(?:one|a\s+single))\s+(?:other\s+)?(?:council|authority|local\s+authority|department"
                      rf"|councils|authorities|local\s+authorities|departments)\b)"
                      rf"[^.;:]{{0,160}}?\b(?:has|have|had|was|were|is|are)\s+(?:yet\s+|been\s+|ever\s+){{0,2}}"
                      rf"(?:gained|received|achieved|got|given|awarded|earned|secured|rated|judged|graded|found|deemed)\b",
                      re.IGNORECASE)
# The page's own council spoken of in the sentence ("Of 20 councils inspected, it was the only one rated good").
_OWN = re.compile(r"\b(?:it|its|the council|the authority|the borough|the county|the city)\b", re.IGNORECASE)
# "Ofsted has revealed in its annual report": "its" after the inspectorate or a report names neither.
_REPORTER_ITS = re.compile(r"(\b(?:Ofsted|inspectorate|watchdog|regulator|report|government|department|minister"
                           r"|secretary|association)\b[^.;,]{0,40}?)\bits\b", re.IGNORECASE)


def counts_a_group(sentence: str) -> bool:
    """The sentence counts councils in one of round 27's shapes and does not speak of the article's own council."""
    if not (_COUNT.search(sentence) or _SHARE.search(sentence) or _REST.search(sentence)
            or _CLASS.search(sentence)):
        return False
    return not _OWN.search(_REPORTER_ITS.sub(r"\1", sentence))


def denies_a_group(sentence: str) -> bool:
    """The sentence denies a grade of every member of a group ("None of the six councils has gained an outstanding
    rating"): it grades no one, a headline too."""
    return bool(_NONE_OF.search(sentence))


# Round 27: "Two London boroughs have received the top rating. A and B, who share a director, are the first …": a count
# of councils with a grade, and the next sentence names exactly that many. The count must be the sentence's only one.
_SMALL_COUNT = re.compile(rf"\b({'|'.join(numbers.words_between(2, 6))}|[2-6])\s+(?:(?!of\b|in\b)[\w'’-]+\s+){{0,3}}?"
                          rf"(?:councils|authorities|local\s+authorities|departments|boroughs)\b", re.IGNORECASE)
_DENIAL = re.compile(r"\b(?:none|no|not|nor|neither|never)\b", re.IGNORECASE)
# The next sentence turns away from the counted group: "Meanwhile, A and B …", "By contrast A …".
_TURNS_AWAY = re.compile(r"^\W*(?:meanwhile|however|but|by\s+contrast|in\s+contrast|elsewhere|also|separately"
                         r"|other|another|the\s+other|and)\b", re.IGNORECASE)


def group_count(sentence: str) -> int:
    """How many councils a tally sentence counts ("Two London boroughs have received …"): 0 unless it counts one
    group of two to six."""
    counts = list(_SMALL_COUNT.finditer(sentence))
    if len(counts) != 1 or _DENIAL.search(sentence, 0, counts[0].start()):
        return 0  # "None of the six councils has gained …": the next sentence's six are not given the grade
    return numbers.value_of(counts[0].group(1)) or 0


def names_the_group(sentence: str, codes: list[str], count: int) -> bool:
    """The sentence after a counted group names exactly that many councils and does not turn to others."""
    return count >= 2 and len(set(codes)) == count and not _TURNS_AWAY.match(sentence)
