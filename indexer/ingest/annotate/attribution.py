"""Which council a grade statement is about, and which subject councils each paragraph names."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from indexer.models import Document
from indexer.ingest.annotate.gazetteer import display_name
from indexer.ingest.annotate.grade_context import counts_councils
from indexer.ingest.annotate.group_tallies import counts_a_group, denies_a_group, group_count, names_the_group
from indexer.ingest.annotate.places import council_groups, subject_mentions
from indexer.ingest.annotate.severity import GradeStatement, grade_statements
from indexer.ingest.annotate.lead_in_lists import bare_list, lead_in, list_fits
from indexer.ingest.annotate.list_grades import ADJECTIVE_TO_LIST, among_members, headed_lists, likened
from indexer.ingest.annotate.overall_contrast import area_against_overall
from indexer.ingest.annotate.scan import grade_matches
from indexer import settings


# Between a grade and the list it introduces: "rated poor are", "judged inadequate in this latest report are:".
# "judged inadequate at A, B and C": a grade followed by "at" and a list is about the list.
_ANNOUNCES_LIST = re.compile(r"^\S*\W*(?:[\w'’]+\W+){0,5}?(?:are|were|include|included|including|being|at)\W*$"
                             r"|^\S*(?:[^\w:]+[\w'’]+){0,10}[^\w:]*:\s*$"
                             # "three were outstanding overall - A, B and C": a dash introduces the list as a colon does
                             r"|^\S*(?:[^\w:]+[\w'’]+){0,10}\s+[-–—]\s*$"
                             # "good for A, B and C; requires improvement for D": each grade hands itself to its list
                             r"|^\S*(?:\s+improvement)?['’”\"]?\s+for\s*$", re.IGNORECASE)
# A sentence that refers back to the councils or the grade of the one before ("Both were rated outstanding").
_BACK_REFERENCE = re.compile(r"^\W*(both|they|those|these|all|each|the (?:two|three|four|five|councils|authorities))\b"
                             # "The twelve are A, B, …": a count that names the councils of the sentence before
                             r"|^\W*the (?:six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
                             r"|seventeen|eighteen|nineteen|twenty|\d{1,2})(?: (?:councils|authorities|boroughs))?"
                             r" (?:are|were)\b"
                             # round 7: "The other three are A, B and C", "The remaining two were D and E"
                             r"|^\W*the (?:other|remaining|rest of the)\s+(?:two|three|four|five|six|seven|eight|nine|ten"
                             r"|eleven|twelve|\d{1,2})(?: (?:councils|authorities|boroughs))? (?:are|were|include)\b"
                             # "In each, a full inspection took the council down …", "In both cases …"
                             r"|^\W*(?:in|for)\s+(?:each|both|all)(?:\s+(?:case|cases|of them|instance))?\b"
                             r"|\b(all|both) (?:\w+ ){0,2}(?:earned|received|got|achieved|were given|given)\b"
                             r"|\b(?:those|these|both) (?:\w+ ){0,2}(?:councils|authorities|boroughs)\b"
                             # "Two other councils (A and B) currently hold the grade": the grade just named
                             r"|\b(?:hold|holds|held|share|shares|shared|keep|keeps|kept)\s+(?:the|that|this)\s+"
                             r"(?:same\s+)?(?:grade|rating|judgement)\b", re.IGNORECASE)
# "These two councils", "both authorities": how many councils a back-reference points at.
_COUNTED = re.compile(r"\b(?:both|(?:these|those|the) (two|three|four|five))\b", re.IGNORECASE)
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5}
# One more member of a group graded just before: "The third council was X", "The other authority is Y".
_NEXT_MEMBER = re.compile(r"^\W*the (?:other|second|third|fourth|fifth|last|remaining|final) (?:one|councils?|authority"
                          r"|authorities|borough)\b"
                          # round 7: "So was Medway.", "Likewise Leeds.", "Medway was too.", "Leeds did as well."
                          r"|^\W*(?:so|as|likewise|similarly|nor|neither)\s+(?:(?:was|were|did|is|are|has|had|does)\b|[A-Z])",
                          re.IGNORECASE)
_TOO_AT_END = re.compile(r"\b(?:was|were|did|is|are|has|had|does)\s+(?:too|as\s+well|likewise)\W*$", re.IGNORECASE)


def refers_back(sentence: str) -> bool:
    """True when a sentence points at councils or a grade named just before ("Both were…", "all earned…")."""
    return bool(_BACK_REFERENCE.search(sentence) or _next_member(sentence))


def _next_member(sentence: str) -> bool:
    """One more member of a group graded just before ("The third council was X", "So was Y", "Z was too")."""
    return bool(_NEXT_MEMBER.search(sentence)) or bool(_TOO_AT_END.search(sentence, max(0, len(sentence) - 30)))


def _takes_last_grade(sentence: str, mentions: list) -> bool:
    """A sentence naming councils without a grade inherits the previous one ("Both A and B…", "The third was C")."""
    return len(mentions) >= 2 and refers_back(sentence) or len(mentions) >= 1 and _next_member(sentence)


def council_mentions(text: str, day: dt.date | None) -> list[tuple]:
    """(mention, code) for every council that can be a subject in text."""
    return subject_mentions(text, day)


def graded_councils(text: str, mentions: list, position: int) -> list[str]:
    """The council(s) a grade at `position` is about: the nearest group named before it ("Rotherham and
    Doncaster were judged…"); else the group named after it ("rated inadequate were: A, B and C")."""
    groups = council_groups(text, mentions)
    before = [g for g in groups if g[-1][0].end <= position]
    after = [g for g in groups if g[0][0].start > position]
    if settings.ROUND29_ADJECTIVE_LIST and after and len(after[0]) >= 2 \
            and _direct_adjective(text[position:after[0][0][0].start]):
        chosen = after[0]  # round 29: "slow work at 'inadequate' A, B and C": the quoted grade is the list's adjective
    elif after and _ANNOUNCES_LIST.match(text[position:after[0][0][0].start]):
        chosen = _counted_list(text, mentions, position, after)  # "those rated poor are A, B and C": the list
    elif len(after) >= 2 and re.search(r":\s*$", text[position:after[1][0][0].start]) \
            and _ANNOUNCES_LIST.match(text[position:after[1][0][0].start]):
        chosen = after[0] + after[1]  # "the poor list besides Haringey: A, B and C": the council aside and the list
    elif before:
        chosen = before[-1]
    else:
        if not after:
            return []
        chosen = after[0]
    joiner = _joiner(text, mentions, chosen[0][0].start)
    return list(dict.fromkeys([code for _, code in chosen] + joiner))


def _direct_adjective(gap: str) -> bool:
    """Round 29: the words from a grade to a list are the grade phrase alone, closed by a quotation mark or "-rated"."""
    word = re.match(r"[‘“'\"]?\w+(?:\s+improvement)?", gap)
    return bool(word and ADJECTIVE_TO_LIST.match(gap[word.end():]))


# "Kent joins Leeds, Bury and Camden as the only councils rated outstanding": the joiner shares the group's grade.
_JOINS = re.compile(r"^(?:['’]s)?\s+(?:now\s+)?(?:joins|joined|join|has joined|follows|followed)\s+(?:the\s+likes\s+of\s+)?$",
                    re.IGNORECASE)


def _joiner(text: str, mentions: list, group_start: int) -> list[str]:
    """The council that 'joins' a group named right after it."""
    before = [(m, code) for m, code in mentions if m.end <= group_start]
    if before and _JOINS.match(text[before[-1][0].end:group_start]):
        return [before[-1][1]]
    return []


def _bracketed_council(text: str, mentions: list, position: int) -> list[str]:
    """The council named right before a bracket that holds the grade: "Kent (good), Leeds (outstanding)"."""
    bracket = re.search(r"\(\s*['‘“\"]?$", text[:position])
    if not bracket:
        return []
    named = [code for mention, code in mentions if re.fullmatch(r"[\s\w'’&-]{0,25}?\s*", text[mention.end:bracket.start()])
             and mention.end <= bracket.start()]
    return named[-1:]


# "X is the third council rated inadequate this week, after A and B": X is one of an ordered group, and the councils
# named after "after" / "following" are its earlier members, with the same grade.
_ORDINAL_MEMBER = re.compile(r"\bthe\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|latest|\d+(?:st|nd|rd|th))"
                             r"\s+(?:[\w'’-]+\s+){0,3}?(?:councils?|authorit(?:y|ies)|departments?|boroughs?|areas?)\b"
                             r"[^.;:]*$", re.IGNORECASE)
_EARLIER_MEMBERS = re.compile(r"[^.;:]*?\b(?:after|following|behind)\s+", re.IGNORECASE)


# "Bury received a good rating, as did Leeds": the councils after "as did" share the grade.
# Round 9: "…, as were those of Hertfordshire and Leeds": the services of the places named.
_AS_DID = re.compile(r"[^.;:]{0,40}?,?\s+(?:as|so)\s+(?:did|does|has|had|was|were|is|are)\s+(?:those\s+(?:of|in)\s+)?"
                     r"(?:neighbouring\s+|nearby\s+)?",
                     re.IGNORECASE)


def earlier_members(text: str, mentions: list, position: int) -> list[str]:
    """The councils a statement names as sharing its grade: an ordinal group's earlier holders ("X is the third
    council rated inadequate, after A and B"), or those "as did" follows ("X was rated good, as was Y")."""
    match = _AS_DID.match(text, position)
    if match and any(m.start == match.end() for m, _ in mentions):
        return list(dict.fromkeys(code for m, code in mentions if m.start >= match.end()))
    if not _ORDINAL_MEMBER.search(text[:position]):
        return []
    match = _EARLIER_MEMBERS.match(text, position)
    if not match:
        return []
    return list(dict.fromkeys(code for mention, code in mentions if mention.start >= match.end()))


def announced_list(text: str, mentions: list, position: int) -> list[str]:
    """The councils of a list that the words after a grade introduce ("…were outstanding: A, B and C")."""
    after = [g for g in council_groups(text, mentions) if g[0][0].start > position]
    if after and _ANNOUNCES_LIST.match(text[position:after[0][0][0].start]):
        return list(dict.fromkeys(code for _, code in _counted_list(text, mentions, position, after)))
    return []


_NUMBER_WORDS = {w: n for n, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve "
                                            "thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty".split())}
# "Four authorities were awarded …": how many councils the statement says it is about.
_COUNTED_COUNCILS = re.compile(r"\b(\d{1,2}|" + "|".join(_NUMBER_WORDS) + r")\s+(?:[\w-]+\s+)?(?:councils|authorities"
                               r"|local authorities|boroughs|areas)\b", re.IGNORECASE)


def _counted_list(text: str, mentions: list, position: int, after: list) -> list:
    """The list a grade introduces after a colon: its first group, or, when the statement counts its councils ("Four
    authorities …: A, drawn into a scandal, B, C and D") and a remark breaks the list, every council named after the
    colon, provided there are exactly that many."""
    first = after[0]
    counts = list(_COUNTED_COUNCILS.finditer(text[:position]))
    if not counts or ":" not in text[position:first[0][0].start]:
        return first
    word = counts[-1].group(1).lower()
    wanted = int(word) if word.isdigit() else _NUMBER_WORDS[word]
    rest = [mc for group in after for mc in group]
    if len(first) < wanted == len({code for _, code in rest}):
        return rest
    return first


def _among(text: str, mentions: list, st: GradeStatement) -> list[str]:
    """Round 21: the councils an "among them" list after the statement names (switched by its setting)."""
    return among_members(text, mentions, st.position) if settings.ROUND21_LIST_STRUCTURES else []


def _new_headed(sentence, mentions: list, statements: list[GradeStatement]) -> list[tuple[GradeStatement, list[str]]]:
    """Round 21: the lists a grade adjective heads, but not one whose grade is already a statement of the sentence
    ("The 'outstanding' councils were A and B" is quoted): the list would count the grade twice."""
    if not settings.ROUND21_LIST_STRUCTURES:
        return []
    stated = {st.position for st in statements}
    return [(st, codes) for st, codes in headed_lists(sentence.text, sentence.paragraph, mentions)
            if st.position not in stated]


def _with_among(graded: list[str], among: list[str]) -> list[str]:
    """The statement's own councils and its "among them" list: the list adds to the subject, never replaces it
    ("Kent was rated good, as were several neighbours, among them Essex and Surrey")."""
    return list(dict.fromkeys(graded + among))


def paragraph_councils(doc: Document, chosen: list[str], published: dt.date | None) -> None:
    """In a multi-council document, a paragraph naming particular subject councils is about those."""
    for para in doc.paragraphs:
        named = []
        for mention, code in council_mentions(para.text, published):
            if code in chosen and display_name(code) not in named:
                named.append(display_name(code))
        para.council = named


def unfile_list_members(doc: Document, members: list[str]) -> None:
    """Round 26: a long list's members the page says nothing more of leave every paragraph's council facet (the
    document's council facet keeps them): the ranking lifts and makes findable by name a paragraph filed under a
    council a question names, and a member named only inside a list ("reviews were also published for A, B, C and
    D") is no more the answer to a question about it than a page that does not name it."""
    names = {display_name(c) for c in members}
    for para in doc.paragraphs:
        if settings.ROUND27_LISTED_FILTER:  # round 27: the council filter still finds the list's paragraph
            para.listed = [c for c in para.council if c in names]
        para.council = [c for c in para.council if c not in names]
    if settings.ROUND27_LISTED_FILTER and doc.paragraphs:  # a member no paragraph names (a headline's list)
        found = {c for para in doc.paragraphs for c in para.listed}
        doc.paragraphs[0].listed += [display_name(c) for c in members if display_name(c) not in found]


def file_unnamed_paragraphs(doc: Document, councils: list[str]) -> None:
    """Round 26: the paragraphs naming no subject council are about `councils` (a round-up's main councils), not
    every subject: the ungraded members of a long list ("reviews were also published for A, B, C and D") are
    about their list's paragraph only."""
    names = [display_name(c) for c in councils]
    for para in doc.paragraphs:
        if not para.council:
            para.council = list(names)


def _round27_tally(sentence) -> bool:
    """Round 27: a sentence naming no council counts them in a real round-up's shape (group_tallies.py): a tally, or a
    grade denied of a whole group (a headline too)."""
    if not settings.ROUND27_GROUP_TALLIES:
        return False
    return bool(sentence.paragraph and counts_a_group(sentence.text) or denies_a_group(sentence.text))


def _counted_group(sentence, st: GradeStatement, statements: list, mentions: list) -> tuple | None:
    """Round 27: a tally sentence's one grade and the size of the one group of councils it counts, if it names none."""
    if not settings.ROUND27_COUNT_NAMED_NEXT or mentions or len({s.grade for s in statements}) != 1:
        return None
    count = group_count(sentence.text)
    return (st, count) if count else None


def _counted_group_named(sentence, statements: list, mentions: list, counted: tuple | None) -> dict:
    """Round 27: the councils of a sentence that names exactly the group the sentence before counted ("Two boroughs
    were rated outstanding. A and B, who share a director, are the first …"), each with the count's grade, unless
    the sentence grades them otherwise."""
    if counted is None:
        return {}
    st, count = counted
    codes = list(dict.fromkeys(code for _, code in mentions))
    if not names_the_group(sentence.text, codes, count) or any(s.grade != st.grade for s in statements):
        return {}
    return {code: st for code in codes}


def _referred(sentence: str, last_codes: list[str], recent: list[str]) -> list[str]:
    """The councils a back-reference means: those of the last sentence naming any, or, when it counts more
    ("these two councils"), the last that many distinct councils named."""
    counted = _COUNTED.search(sentence)
    wanted = _COUNTS.get((counted.group(1) or "").lower(), 2) if counted else 0
    if wanted > len(last_codes) and len(recent) >= wanted:
        return recent[-wanted:]
    return last_codes


def _areas_against_overall(sentence, statements: list[GradeStatement], paragraph: str) -> list[GradeStatement]:
    """Round 28: a grade given "in safeguarding" where its paragraph grades something "overall" is a sub-judgement
    (overall_contrast.py): "judged A and B inadequate overall and C, D and E inadequate in keeping children safe"."""
    ends = {m.start(): m.end() for m in grade_matches(sentence.text)}
    out = []
    for st in statements:
        end = ends.get(st.position)
        if not st.sub_area and end is not None and area_against_overall(sentence.text[end:end + 80], paragraph):
            st = replace(st, sub_area=True, weight=settings.GRADE_WEIGHT_SUB_AREA)
        out.append(st)
    return out


def _lead_in_list(sentence, statements: list, mentions: list, lead, given: int, attributed: dict,
                  listed: set) -> tuple:
    """Round 31 (lead_in_lists.py): a bare list of councils after a lead-in takes its grade; a run of such lists keeps
    it. Returns the lead-in the next sentence may continue and how many councils it has given."""
    if lead is not None and not statements:
        codes = bare_list(sentence.text, mentions)
        if codes and list_fits(lead, codes, sentence.text, given):
            listed.update(codes)
            for code in codes:
                attributed.setdefault(code, []).append(lead.statement)
            return lead, given + len(codes)
    return lead_in(sentence.text, statements, mentions), 0


def attribute_grades(sentences: list, day: dt.date | None, primary: str,
                     sections: dict[int, str] | None = None) -> tuple[dict[str, list], set[str]]:
    """Every grade statement filed under the council(s) it is about, and the councils graded as part of a list.

    A statement naming no council is about the council the previous sentence named when it refers back
    ("Both were rated outstanding"), else about the council whose name heads its section (`sections`), else about
    the document's main council. A list naming no grade takes the
    previous sentence's grade when it refers back ("Stockport, Merton and X all earned the positive grades").
    """
    attributed: dict[str, list[GradeStatement]] = {}
    listed: set[str] = set()
    last_codes: list[str] = []
    recent: list[str] = []  # distinct councils in the order last named
    last_grades: set[str] = set()
    counted: tuple[GradeStatement, int] | None = None  # round 27: the last sentence's counted group and its grade
    lead, given = None, 0  # round 31: the lead-in before a bare list, and how many councils its lists gave so far
    paragraphs: dict[int, str] = {}
    if settings.ROUND28_OVERALL_CONTRAST:
        for sentence in sentences:
            paragraphs[sentence.paragraph] = paragraphs.get(sentence.paragraph, "") + " " + sentence.text
    for sentence in sentences:
        statements = grade_statements(sentence.text, sentence.paragraph)
        if paragraphs and statements:  # round 28, when switched on
            statements = _areas_against_overall(sentence, statements, paragraphs.get(sentence.paragraph, ""))
        mentions = council_mentions(sentence.text, day)
        if settings.ROUND31_LEAD_IN_LISTS:  # round 31: "…were rated inadequate:" then "A, B, C and D."
            lead, given = _lead_in_list(sentence, statements, mentions, lead, given, attributed, listed)
        counted, named = None, _counted_group_named(sentence, statements, mentions, counted)
        for code in named:  # "Two boroughs were rated outstanding. A and B, who share a director, …"
            attributed.setdefault(code, []).append(named[code])
        listed.update(named)
        back = refers_back(sentence.text)
        # round 21: a list its grade adjective heads ("The outstanding councils were A, B and C") is graded here
        headed = _new_headed(sentence, mentions, statements)
        for st, codes in headed:
            listed.update(codes)
            for code in codes:
                attributed.setdefault(code, []).append(st)
        if not statements and not headed and len(last_grades) == 1 and _takes_last_grade(sentence.text, mentions):
            grade = next(iter(last_grades))
            statements = [GradeStatement(grade, 1.0, sentence.text.strip(), sentence.paragraph, len(sentence.text))]
        for st in statements:
            if st.tally:
                # "Only three councils were outstanding: A, B and C" - a count that introduces a named list
                codes = announced_list(sentence.text, mentions, st.position) or _among(sentence.text, mentions, st)
                if codes:
                    st.tally = False
                    listed.update(codes)
                    for code in codes:
                        attributed.setdefault(code, []).append(st)
                continue
            codes = _bracketed_council(sentence.text, mentions, st.position) or \
                _with_among(graded_councils(sentence.text, mentions, st.position), _among(sentence.text, mentions, st))
            if codes and settings.ROUND21_LIST_STRUCTURES:  # round 21: "like them, D is rated inadequate"
                codes = list(dict.fromkeys(codes + likened(sentence.text, mentions, st.position)))
            if not codes and back and last_codes:
                codes = _referred(sentence.text, last_codes, recent)
            if not codes and sentence.paragraph and counts_councils(sentence.text):
                # A tally sentence ("56 councils require improvement") grades no council named elsewhere; a
                # headline's count ("Three councils receive 'good' ratings") sums up the article's own councils.
                counted = _counted_group(sentence, st, statements, mentions)
                continue
            if not codes and _round27_tally(sentence):
                counted = _counted_group(sentence, st, statements, mentions)
                continue
            members = [c for c in earlier_members(sentence.text, mentions, st.position) if c not in codes]
            if codes and members:
                codes = codes + members
            if len(codes) >= 2 or codes and codes == announced_list(sentence.text, mentions, st.position):
                listed.update(codes)  # a list, or a council a grade announces ("inadequate for Coventry")
            for code in codes or [(sections or {}).get(sentence.paragraph, primary)]:
                attributed.setdefault(code, []).append(st)
        if mentions:
            last_codes = [code for _, code in council_groups(sentence.text, mentions)[-1]]
            for _, code in mentions:
                recent = [c for c in recent if c != code] + [code]
        statements = statements + [st for st, _ in headed]
        last_grades = {st.grade for st in statements} if statements else last_grades if not mentions else set()
    return attributed, listed
