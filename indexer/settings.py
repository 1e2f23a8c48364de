"""Every tunable number and default path of reportsearch, in one place."""
from __future__ import annotations

import os
from pathlib import Path

from . import grades

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"
PROJECT_ROOT = PACKAGE_DIR.parent

GAZETTEER_CSV = DATA_DIR / "local_authorities.csv"
OUTCOMES_CSV = DATA_DIR / "ofsted_outcomes.csv"


def _project_or_cwd(name: str) -> Path:
    """A default folder: the checkout's own when run from one, else the working directory's."""
    candidate = PROJECT_ROOT / name
    return candidate if (PROJECT_ROOT / "pyproject.toml").exists() else Path.cwd() / name


def default_source() -> Path:
    """The folder `rebuild` indexes by default: $REPORTSEARCH_SOURCE, else seeds/ (read when asked, not at import)."""
    return Path(os.environ.get("REPORTSEARCH_SOURCE") or _project_or_cwd("seeds"))


def default_index() -> Path:
    """The index folder: $REPORTSEARCH_INDEX, else index/."""
    return Path(os.environ.get("REPORTSEARCH_INDEX") or _project_or_cwd("index"))


def shared_dir() -> Path:
    """The real reports' folder's parent, for tests and benchmarks only: $REPORTSEARCH_SHARED, else ../shared."""
    return Path(os.environ.get("REPORTSEARCH_SHARED") or PROJECT_ROOT.parent / "shared")


SUPPORTED_SUFFIXES = {".txt": "text", ".md": "text", ".html": "html", ".htm": "html", ".pdf": "pdf"}
# Per-file limits: a larger or slower file is skipped with the reason (the time limit needs the main thread).
MAX_FILE_BYTES = 50_000_000
MAX_FILE_SECONDS = 60

# Chunking: a paragraph longer than this is split at sentence boundaries into passages.
LONG_PARAGRAPH_CHARS = 1200
PASSAGE_TARGET_CHARS = 900
# A heading is short; longer "headings" are really paragraphs without a full stop.
MAX_HEADING_CHARS = 120

# Ranking: the heading's boost inside BM25F, and (explicit syntax) the bonus for paragraphs whose document title
# has the query's words too; a title is never scored as a field (best match treats it as document context).
HEADING_BOOST = 1.3
TITLE_MATCH_BONUS = 0.5

# Index writing. A rebuild writes a Whoosh segment per SEGMENT_PARAGRAPHS paragraphs (its memory is bounded
# by a few segments' buffers, a few hundred MB each); up to WRITER_PROCS forked processes write full segments
# while the build reads on (the last segment is written by the build itself). WRITER_LIMIT_MB is Whoosh's own
# writer's pool (updates use it). Fewer, larger segments keep a server's open files down (~20 per segment
# per thread).
WRITER_PROCS = max(1, min(2, os.cpu_count() or 1))
# zlib level of the rebuild's posting blocks (0 = plain): 1 makes the postings ~65 % smaller for ~10-20 % more
# build time; Whoosh's text postings are rarely read at query time (the numpy arrays answer), so searches don't pay.
POSTING_ZLIB_LEVEL = 1
# Reading and annotating source files (PDFs mostly) in this many forked processes, from this many files on.
READER_PROCS = max(1, min(2, os.cpu_count() or 1))
PARALLEL_READ_MIN_FILES = 16
WRITER_LIMIT_MB = 128
SEGMENT_PARAGRAPHS = 50_000

# Search defaults.
PER_PAGE_CHOICES = (10, 20, 50)
DEFAULT_PER_PAGE = 10
MAX_QUERY_CHARS = 2000
# Per-request bounds (indexer/limits.py): repeated URL parameters, wildcard expansion, "Did you mean" work.
MAX_LIST_VALUES = 50
MAX_VALUE_CHARS = 200
MAX_WILDCARD_TERMS = 500
MAX_SPELLING_WORDS = 8
MAX_SPELLING_WORD_CHARS = 40
SNIPPET_MAX_CHARS = 320
CSV_EXPORT_CAP = 5000
# Match masks of recent queries kept per index generation (a facet click re-runs the same query).
QUERY_CACHE_SIZE = 256
# A wildcard, prefix or fuzzy word is searched as at most this many words (its most frequent ones).
MAX_EXPANSION_TERMS = 100
# Whole results of recent requests kept per generation (back buttons, popular searches, reloads).
RESULT_CACHE_SIZE = 512
# Stored fields of recently read documents' first paragraphs (their shared values: indexer/stored.py).
DOCUMENT_HEAD_CACHE_SIZE = 2048
# Posting arrays of recent terms kept per generation for numpy BM25F ranking.
TERM_CACHE_SIZE = 2048

# The sub-judgement facets, read from report judgement tables.
SUBJUDGEMENT_FIELDS = ("leadership", "help_and_protection", "children_in_care", "care_leavers")
# Facet display order of the grades, from the one grade table.
SEVERITY_ORDER = grades.DISPLAY_ORDER

# Facet rule weights. A grade statement counts 1; more when it names the overall judgement, less when it is
# about one area (care leavers, leadership), a little more when quoted, capitalised or listed as a label.
GRADE_WEIGHT_OVERALL = 3.0
GRADE_WEIGHT_SUB_AREA = 0.4
GRADE_WEIGHT_EMPHASIS_BONUS = 0.5
# A second council is a subject when graded (statement weight >= this) and scored >= SECONDARY_SHARE of the first.
SECONDARY_MIN_GRADE_WEIGHT = 1.0
SECONDARY_SHARE = 0.2
# Council scores: each mention, extra for the title, the first two paragraphs, and a "Council"/"Borough" name.
COUNCIL_SCORE_MENTION = 1.0
COUNCIL_SCORE_TITLE = 5.0
COUNCIL_SCORE_OPENING = 2.0
COUNCIL_SCORE_COUNCIL_WORD = 0.5
# Keyword facet fields whose posting arrays a generation keeps in memory.
# grade_change (grades a council left and reached) is not a visible facet, only a best-match boost.
KEYWORD_FACET_FIELDS = ("council", "severity", *SUBJUDGEMENT_FIELDS, "grade_change")

# Best-match search (plain word lists). A paragraph must contain all meaningful words when there are at most
# BEST_MATCH_ALL_UP_TO of them, else this share of them (rounded down), Elasticsearch's "2<75%".
BEST_MATCH_ALL_UP_TO = 2
BEST_MATCH_SHARE = 0.75
# A document whose paragraphs and context together hold the minimum matches too (shown by its best paragraphs):
# a report saying "caseloads" in one paragraph and "social workers" in another still answers.
DOCUMENT_COVERAGE = True
# Grade movement named in a query ("no longer inadequate", "downgraded to inadequate") stands in for its cue
# words ("longer", "moved"), which are not searched: one group of the minimum, which documents reporting that
# movement (their grade_change field) match, a tier per value. False turns the query side off (for ablation).
GRADE_CHANGE_BOOST = True
# A pasted passage is searched by its first this many different words (each word costs a pass over the index).
MAX_QUERY_GROUPS = 32
# A match on a synonym counts this much of a match on the word as typed; a spelling correction less.
SYNONYM_WEIGHT = 0.8
SPELLING_WEIGHT = 0.6
# A word found only in the paragraph's document context (title, council names, grade, year) counts this share of idf.
CONTEXT_WEIGHT = 0.5
# Best-match order: a paragraph's score times the idf-weighted share of the query's groups it matches, to this power
# (Lucene's coord, weighted by what each word tells: missing "children", in 70 % of paragraphs, costs ~9 %; missing a
# council name a quarter of the query's idf costs ~80 %). 0 = the old order, by the count of groups matched first.
COVERAGE_POWER = 6.0
# Councils the query names (understand.py) rank their attributed paragraphs first among the matches; never a filter.
NAMED_COUNCIL_BOOST = True
# Documents rank by their best paragraph plus this share of their next-best matching paragraphs' scores.
DOCUMENT_SHARE = 0.3
DOCUMENT_SHARE_PARAGRAPHS = 3
# ... plus this share of the query's BM25 over the whole document (length-normalised, so words spread over a short
# article count more than the same words scattered through a long report).
DOCUMENT_WEIGHT = 0.5
# Query words close together: each adjacent pair of query words within this many positions lifts the score.
PROXIMITY_WINDOW = 4
PROXIMITY_WEIGHT = 0.15
PROXIMITY_CANDIDATES = 100
# Best-match plan results kept per generation (each holds three arrays of the index size).
PLAN_CACHE_SIZE = 32
# Council pages: significant terms (Elasticsearch significant_terms style) of a council's paragraphs.
SIGNIFICANT_TERMS = 15
SIGNIFICANT_MIN_PARAGRAPHS = 3
SIGNIFICANT_PHRASE_CANDIDATES = 80
SIGNIFICANT_PHRASE_CHECK_CAP = 250  # background paragraphs checked word by word per phrase
# Similar paragraphs (more-like-this): distinctive words taken from the source paragraph, results shown.
SIMILAR_QUERY_TERMS = 12
SIMILAR_MIN_SHARED = 0.3   # share of the query words a result must contain
SIMILAR_RESULTS = 10
# Atom feeds: entries per feed.
FEED_ENTRIES = 50
FEED_PARAGRAPHS_PER_DOCUMENT = 5
