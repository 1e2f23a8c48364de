"""Every tunable number and default path of reportsearch, in one place."""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"
PROJECT_ROOT = PACKAGE_DIR.parent

GAZETTEER_CSV = DATA_DIR / "local_authorities.csv"
OUTCOMES_CSV = DATA_DIR / "ofsted_outcomes.csv"


def _project_or_cwd(name: str) -> Path:
    """A default folder: the checkout's own when run from one, else the working directory's."""
    candidate = PROJECT_ROOT / name
    return candidate if (PROJECT_ROOT / "pyproject.toml").exists() else Path.cwd() / name


DEFAULT_SOURCE = Path(os.environ.get("REPORTSEARCH_SOURCE", _project_or_cwd("seeds")))
DEFAULT_INDEX = Path(os.environ.get("REPORTSEARCH_INDEX", _project_or_cwd("index")))
# The real reports live beside the checkout for tests and benchmarks only.
SHARED_DIR = Path(os.environ.get("REPORTSEARCH_SHARED", PROJECT_ROOT.parent / "shared"))

SUPPORTED_SUFFIXES = {".txt": "text", ".md": "text", ".html": "html", ".htm": "html", ".pdf": "pdf"}
# Per-file limits: a larger or slower file is skipped with the reason (the time limit needs the main thread).
MAX_FILE_BYTES = 50_000_000
MAX_FILE_SECONDS = 60

# Chunking: a paragraph longer than this is split at sentence boundaries into passages.
LONG_PARAGRAPH_CHARS = 1200
PASSAGE_TARGET_CHARS = 900
# A heading is short; longer "headings" are really paragraphs without a full stop.
MAX_HEADING_CHARS = 120

# Ranking: field boosts inside BM25F, and the bonus for paragraphs whose document title matches too.
TITLE_BOOST = 2.0
HEADING_BOOST = 1.3
TITLE_MATCH_BONUS = 0.5

# Index writing: Whoosh spreads work over processes only when each writes its own segment.
WRITER_PROCS = max(1, min(2, os.cpu_count() or 1))
WRITER_LIMIT_MB = 128

# Search defaults.
PER_PAGE_CHOICES = (10, 20, 50)
DEFAULT_PER_PAGE = 10
MAX_QUERY_CHARS = 2000
SNIPPET_MAX_CHARS = 320
CSV_EXPORT_CAP = 5000
# Match masks of recent queries kept per index generation (a facet click re-runs the same query).
QUERY_CACHE_SIZE = 256
# A wildcard, prefix or fuzzy word is searched as at most this many words (its most frequent ones).
MAX_EXPANSION_TERMS = 100
# Whole results of recent requests kept per generation (back buttons, popular searches, reloads).
RESULT_CACHE_SIZE = 512
# Posting arrays of recent terms kept per generation for numpy BM25F ranking.
TERM_CACHE_SIZE = 2048

# The sub-judgement facets, read from report judgement tables.
SUBJUDGEMENT_FIELDS = ("leadership", "help_and_protection", "children_in_care", "care_leavers")
SEVERITY_ORDER = ("outstanding", "good", "requires improvement", "adequate", "inadequate")
# Keyword facet fields whose posting arrays a generation keeps in memory.
KEYWORD_FACET_FIELDS = ("council", "severity", *SUBJUDGEMENT_FIELDS)
# Bounds on one request's parameters: values per list parameter and characters per value.
MAX_PARAM_VALUES = 50
MAX_PARAM_CHARS = 200
