"""Reading what the user typed: Whoosh query syntax, with a plain-words fallback and a message on trouble."""
from __future__ import annotations

import re
from dataclasses import dataclass

from whoosh import query as wq
from whoosh.qparser import FieldsPlugin, MultifieldParser, OrGroup, PhrasePlugin, WildcardPlugin

from .. import settings
from .. import limits
from ..limits import check_expansions
from ..schema import stem
from ..snippets import MATCH_FIELDS, QueryMarks, query_marks
from .bestmatch import BestMatchPlan, meaningful_groups
from .expansion import cap_expansions
from .synonyms import Alternative, Group, group_words, stems_of
from .movement import is_cue_word, movements_in
from .understand import councils_in, subjudgements_in

# Anything beyond plain words makes the query explicit syntax, matched strictly as written.
_SYNTAX = re.compile(r'["()*?]|\b(?:AND|OR|NOT)\b|(?:^|\s)[+-]\S|\w:\S')


@dataclass(frozen=True)
class ParsedQuery:
    """A parsed query (None = everything), what to highlight, and a note for the user.

    Plain word lists carry a best-match plan instead of a Whoosh query; explicit syntax carries the query.
    """

    query: wq.Query | None
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


def cut_query(text: str) -> tuple[str, str | None]:
    """The query cut to the allowed length before any other work, and a note when it was cut."""
    cut = limits.cut_query(text)
    if len(cut) == len(text):
        return text, None
    return cut, f"Your query was longer than {settings.MAX_QUERY_CHARS:,} characters and was shortened."


def parse_query(gen, text: str, strict: bool = False) -> ParsedQuery:
    """Plain words become a best-match plan; explicit syntax is parsed by Whoosh, with a plain-words fallback."""
    text, message = cut_query(text)
    if not text.strip():
        return ParsedQuery(None, query_marks(None), message)
    if is_plain(text):
        return _plain(gen, text, strict, message)
    return parse_syntax(gen, text, message)


def parse_syntax(gen, text: str, message: str | None = None) -> ParsedQuery:
    """Whoosh query syntax, matched strictly as written; on trouble plain words, any of them, and a note."""
    note = None  # set when a wildcard's expansion was capped (search/expansion.py)
    try:
        if text.count('"') % 2:
            raise ValueError("an unclosed quotation mark")
        parsed = _normalise_facet_terms(gen, MultifieldParser(list(MATCH_FIELDS), gen.schema).parse(text))
        check_expansions(parsed, gen.searcher.reader())  # a leading wildcard is refused
        parsed, note = cap_expansions(gen, parsed)       # a broad one keeps its most frequent words
        if _is_empty(parsed):
            raise ValueError("nothing searchable")
    except Exception as exc:  # noqa: BLE001 - any syntax trouble becomes a message, never a 500
        words = re.findall(r"\w+", text)
        # Lower case: the plain parser still reads AND/OR/NOT, and "NOT NOT x" broke it (words are lower-cased anyway).
        parsed = _plain_parser(gen).parse(" ".join(words).lower()) if words else None
        reason = str(exc) if isinstance(exc, ValueError) else "syntax the search could not read"
        shown = (f"showing results for the words “{' '.join(words[:20])}”" if words
                 else "showing everything, newest first")
        message = f"Could not read the query as written ({reason}); {shown}. See the syntax help."
    return ParsedQuery(parsed, query_marks(parsed, gen.searcher.reader()), message or note)


def _plain_parser(gen) -> MultifieldParser:
    """A parser that reads every word as a plain word, any of them matching."""
    plain = MultifieldParser(list(MATCH_FIELDS), gen.schema, group=OrGroup)
    for plugin in (FieldsPlugin, WildcardPlugin, PhrasePlugin):
        plain.remove_plugin_class(plugin)
    return plain


def _normalise_facet_terms(gen, q: wq.Query) -> wq.Query:
    """Match `council:medway` and `council:"isle of wight"` to the stored spelling."""
    def fix(node: wq.Query) -> wq.Query:
        field = getattr(node, "fieldname", None)
        if field in gen.keyword_postings:
            if isinstance(node, wq.Phrase):
                wanted = " ".join(node.words)
            elif isinstance(node, wq.Term):
                wanted = str(node.text)
            else:
                return node
            stored = next((v for v in gen.keyword_postings[field] if v.lower() == wanted.lower()), wanted)
            return wq.Term(field, stored)
        return node.apply(fix) if hasattr(node, "apply") else node
    return fix(q)


def _is_empty(q: wq.Query) -> bool:
    """True for a parsed query with nothing to match."""
    return q is None or q is wq.NullQuery or isinstance(q, type(wq.NullQuery))


def _plain(gen, text: str, strict: bool, message: str | None) -> ParsedQuery:
    """A best-match plan over the meaningful words, with synonyms and corrections of unknown words."""
    words = stems_of(text)
    if not words:
        return ParsedQuery(None, query_marks(None), message)
    groups, corrections = [], []
    moves = grade_change_boosts(gen, text)
    # Synonyms are looked up before function words are dropped, so a term holding one still matches.
    found = meaningful_groups(group_words(words))
    if moves and not strict:  # the movement ranks instead of its cue words ("longer", "moved", "two grades")
        found = [g for g in found if not is_cue_word(g.typed)] or found
    unique = list({g.alternatives[0].stems: g for g in reversed(found)}.values())[::-1]
    if len(unique) > settings.MAX_QUERY_GROUPS:
        unique = unique[: settings.MAX_QUERY_GROUPS]
        cut = f"Only the first {settings.MAX_QUERY_GROUPS} different words were searched."
        message = f"{message} {cut}" if message else cut
    for group in unique:
        if len(group.alternatives) == 1 and len(corrections) < settings.MAX_SPELLING_WORDS and _unknown(gen, group):
            correction = (gen.speller.suggest(group.typed.lower())
                          if len(group.typed) <= settings.MAX_SPELLING_WORD_CHARS else None)
            if correction:
                fixed = stem(correction)
                group = Group(group.typed, (*group.alternatives,
                                            Alternative((fixed,), settings.SPELLING_WEIGHT, correction)))
                corrections.append((group.typed, correction))
        groups.append(group)
    boosts = tuple((facet, grade) for facet, grade, _ in subjudgements_in(text)) + named_councils(text)
    plan = BestMatchPlan(tuple(groups), strict, boosts, moves if not strict else ())
    return ParsedQuery(None, plan.marks(), message, plan, tuple(corrections))


def named_councils(text: str) -> tuple[tuple[str, str], ...]:
    """("council", value) for each council the query names: a ranking boost, never a filter."""
    if not settings.NAMED_COUNCIL_BOOST:
        return ()
    return tuple(dict.fromkeys(("council", value) for value, _ in councils_in(text)))


def grade_change_boosts(gen, text: str) -> tuple[tuple[str, str], ...]:
    """("grade_change", value) for each movement the query names that some document of the index reports."""
    if not settings.GRADE_CHANGE_BOOST:
        return ()
    known = gen.keyword_postings.get("grade_change", {})
    return tuple(("grade_change", value) for value in movements_in(text) if value in known)


def _unknown(gen, group: Group) -> bool:
    """True when no paragraph and no document context has the word."""
    (stem_,) = group.alternatives[0].stems
    return not len(gen.term_postings("text", stem_).docnums) and not len(gen.term_postings("heading", stem_).docnums)
