"""The Whoosh schema and analyzers: NLTK Snowball stems, stopwords kept so phrases match as written."""
from __future__ import annotations

from whoosh import fields
from whoosh.analysis import CharsetFilter, LowercaseFilter, RegexTokenizer

from indexer import settings
from indexer.analysis import TOKEN_PATTERN, accent_map, stem  # noqa: F401 - stem: importable from here too
from indexer.backends.embedded.index.fields import RepeatedText, StemmedWords
from indexer.models import FACET_SEPARATOR, join_facet, split_facet  # noqa: F401 - the stored form


def text_analyzer():
    """Tokenise, lowercase, fold accents, stem with Snowball; no stopword removal (phrases stay exact).

    One fused tokenizer (indexer.analysis) does what `RegexTokenizer | LowercaseFilter | CharsetFilter |
    StemFilter(stem)` did, several times faster, with the same tokens.
    """
    return StemmedWords(TOKEN_PATTERN)


def raw_analyzer():
    """Tokenise and lowercase only: the words as written, for spelling suggestions."""
    return RegexTokenizer(TOKEN_PATTERN) | LowercaseFilter() | CharsetFilter(accent_map)


def facet_analyzer():
    """Multi-valued facet fields hold values joined by '|' (names may contain commas: "Bournemouth, Christchurch and Poole")."""
    return RegexTokenizer(r"[^|]+")


def as_text(value) -> str:
    """A Whoosh term or column value (bytes or str) as str."""
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)


def build_schema() -> fields.Schema:
    """One index document per paragraph."""
    analyzer = text_analyzer()
    # scorable=True only so Whoosh writes a length column: without one it stats a missing file per posting.
    facet = dict(stored=True, lowercase=False, scorable=True)
    schema = fields.Schema(
        # Stored only: nothing looks a paragraph up by its id (updates delete by doc_id), and indexing it put one
        # term per paragraph in the term dictionary (~90 % of its bytes).
        id=fields.STORED(),
        doc_id=fields.ID(stored=True, sortable=True),
        kind=fields.STORED(),
        # Every paragraph of a document repeats its title and most repeat their section's heading. The title
        # is indexed on a document's first paragraph only (stored on all); `title:` matches are widened to the
        # whole document in query/matching.py.
        # phrase=False: Whoosh's postings keep frequencies, not positions. Phrases are answered from the word
        # pairs and proximity from the word sequences (postings/), so positions here were bytes nobody read
        # (about two thirds of the posting file).
        title=RepeatedText(stored=True, analyzer=analyzer, phrase=False),
        heading=RepeatedText(stored=True, analyzer=analyzer, field_boost=settings.RANKING.heading_boost, phrase=False),
        text=fields.TEXT(stored=True, analyzer=analyzer, phrase=False),
        url=fields.STORED(),
        path=fields.STORED(),
        outcome=fields.STORED(),  # JSON of the linked official Ofsted outcome
        published=fields.STORED(),
        year_confidence=fields.STORED(),  # stated | official | inferred: show "2019 (inferred)"
        # shift_step=0: one term per value, not eight (nobody searches n or date ranges by trie; years are few).
        n=fields.NUMERIC(stored=True, sortable=True, shift_step=0),
        date_sort=fields.NUMERIC(stored=True, sortable=True, shift_step=0),
        council=fields.KEYWORD(**facet),
        # Round 27: councils a paragraph names only inside a long list: the council filter reads them, no lift does.
        council_listed=fields.KEYWORD(**facet),
        council_code=fields.KEYWORD(**facet),
        year=fields.NUMERIC(stored=True, sortable=True, shift_step=0),
        severity=fields.KEYWORD(**facet),
        **{name: fields.KEYWORD(**facet) for name in settings.SUBJUDGEMENT_FIELDS},
        grade_change=fields.KEYWORD(**facet),  # "from inadequate", "to good", "improved": a ranking boost
        # A document's shared stored values are kept once, on its first paragraph (backends/embedded/index/stored.py).
        doc_back=fields.STORED(),
        doc_shared=fields.STORED(),
        # A rebuild stores paragraphs' own values in blocks of paragraphs, which compress well (index/stored.py).
        block=fields.STORED(),
        block_back=fields.STORED(),
    )
    for name in ("council", settings.LISTED_FIELD, "council_code", "severity", *settings.SUBJUDGEMENT_FIELDS,
                 "grade_change"):
        schema[name].analyzer = facet_analyzer()
    schema["doc_id"].scorable = True  # same reason as the facets' length columns
    return schema
