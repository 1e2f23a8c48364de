"""The Whoosh schema and analyzers: NLTK Snowball stems, stopwords kept so phrases match as written."""
from __future__ import annotations

from functools import lru_cache

from nltk.stem.snowball import SnowballStemmer
from whoosh import fields
from whoosh.analysis import LowercaseFilter, RegexTokenizer, StemFilter, CharsetFilter
from whoosh.support.charset import accent_map

from . import settings

# Words with inner apostrophes or hyphens stay whole ("children's", "multi-agency" -> parts too via the raw field).
TOKEN_PATTERN = r"\w+(?:[.'’]\w+)*"


@lru_cache(maxsize=1)
def _stemmer() -> SnowballStemmer:
    """NLTK's English Snowball stemmer."""
    return SnowballStemmer("english")


def stem(word: str) -> str:
    """Stem one lowercased word, treating the curly apostrophe like the straight one."""
    return _stemmer().stem(word.replace("’", "'"))


def text_analyzer():
    """Tokenise, lowercase, fold accents, stem with Snowball; no stopword removal (phrases stay exact)."""
    return (RegexTokenizer(TOKEN_PATTERN) | LowercaseFilter() | CharsetFilter(accent_map)
            | StemFilter(stemfn=stem, lang=None, cachesize=50000))


def raw_analyzer():
    """Tokenise and lowercase only: the words as written, for spelling suggestions."""
    return RegexTokenizer(TOKEN_PATTERN) | LowercaseFilter() | CharsetFilter(accent_map)


FACET_SEPARATOR = "|"


def facet_analyzer():
    """Multi-valued facet fields hold values joined by '|' (names may contain commas: "Bournemouth, Christchurch and Poole")."""
    return RegexTokenizer(r"[^|]+")


def as_text(value) -> str:
    """A Whoosh term or column value (bytes or str) as str."""
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)


def join_facet(values) -> str:
    """Several facet values as one stored field."""
    return FACET_SEPARATOR.join(v for v in values if v)


def split_facet(value) -> list[str]:
    """A stored facet field as its values."""
    return [v for v in str(value or "").split(FACET_SEPARATOR) if v]


def build_schema() -> fields.Schema:
    """One index document per paragraph."""
    analyzer = text_analyzer()
    # scorable=True only so Whoosh writes a length column: without one it stats a missing file per posting.
    facet = dict(stored=True, lowercase=False, scorable=True)
    schema = fields.Schema(
        id=fields.ID(stored=True, unique=True),
        doc_id=fields.ID(stored=True, sortable=True),
        kind=fields.STORED(),
        title=fields.TEXT(stored=True, analyzer=analyzer, field_boost=settings.TITLE_BOOST),
        heading=fields.TEXT(stored=True, analyzer=analyzer, field_boost=settings.HEADING_BOOST),
        text=fields.TEXT(stored=True, analyzer=analyzer, phrase=True),
        url=fields.STORED(),
        path=fields.STORED(),
        outcome=fields.STORED(),  # JSON of the linked official Ofsted outcome
        published=fields.STORED(),
        year_confidence=fields.STORED(),  # stated | official | inferred: show "2019 (inferred)"
        n=fields.NUMERIC(stored=True, sortable=True),
        date_sort=fields.NUMERIC(stored=True, sortable=True),
        council=fields.KEYWORD(**facet),
        council_code=fields.KEYWORD(**facet),
        year=fields.NUMERIC(stored=True, sortable=True),
        severity=fields.KEYWORD(**facet),
        **{name: fields.KEYWORD(**facet) for name in settings.SUBJUDGEMENT_FIELDS},
    )
    for name in ("council", "council_code", "severity", *settings.SUBJUDGEMENT_FIELDS):
        schema[name].analyzer = facet_analyzer()
    for name in ("id", "doc_id"):
        schema[name].scorable = True  # same reason as the facets' length columns
    return schema
