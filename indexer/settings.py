"""Every tunable number and default path of reportsearch, in one place."""
from __future__ import annotations

import os
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterator

from indexer import grades

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


def database_url() -> str | None:
    """A PostgreSQL URL to search instead of the index folder: $REPORTSEARCH_DATABASE_URL (unset: none)."""
    return os.environ.get("REPORTSEARCH_DATABASE_URL") or None


def shared_dir() -> Path:
    """The real reports' folder's parent, for tests and benchmarks only: $REPORTSEARCH_SHARED, else ../shared."""
    return Path(os.environ.get("REPORTSEARCH_SHARED") or PROJECT_ROOT.parent / "shared")


SUPPORTED_SUFFIXES = {".txt": "text", ".md": "text", ".html": "html", ".htm": "html", ".pdf": "pdf"}
# Per-file limits: a larger or slower file is skipped with the reason (the time limit needs the main thread).
MAX_FILE_BYTES = 50_000_000
MAX_FILE_SECONDS = 60
# Facets are decided from a document's paragraphs up to this many characters (real reports hold ~100,000).
MAX_FACET_CHARS = 1_000_000
# A PDF whose compressed streams inflate past this is skipped unread (real reports inflate to ~2 MB).
MAX_PDF_INFLATED_BYTES = 50_000_000
# Files are read in child processes allowed this much address space beyond what they start with (RLIMIT_AS);
# a reader that needs more fails or dies, and its file is skipped with the reason. 0 = no limit.
READER_MEMORY_BYTES = 2_000_000_000
# A new generation holding fewer than this share of the live one's documents is refused without --allow-shrink.
SHRINK_REFUSE_BELOW = 0.5

# Chunking: a paragraph longer than this is split at sentence boundaries into passages.
LONG_PARAGRAPH_CHARS = 1200
PASSAGE_TARGET_CHARS = 900
# A heading is short; longer "headings" are really paragraphs without a full stop.
MAX_HEADING_CHARS = 120

# The years a search may name (URL parameters, the form, year facets): reports and news since 1990.
YEAR_MIN, YEAR_MAX = 1990, 2100
# Choosing the official inspection an undated page reports (annotate/candidates.py): each clue's weight; an
# inspection is taken when its total reaches YEAR_CLUE_MIN and beats the next one by YEAR_CLUE_MARGIN.
YEAR_CLUE_GRADE = 3.0  # the overall grade the page reports
YEAR_CLUE_LEFT = 2.0  # a grade the page says the council left ("no longer inadequate")
YEAR_CLUE_RELATIVE = 3.0  # "two years after … 2012"
YEAR_CLUE_BOUND = 6.0  # no older than the latest year the page mentions (all but a hard limit)
YEAR_CLUE_NEXT_AFTER = 1.5  # the first inspection after a year the page names (a tie-break, no more)
YEAR_CLUE_AREA = 1.0  # each sub-judgement the page states
YEAR_CLUE_ERA = 2.0  # a framework named, the era's word for the third grade, a rated safeguarding board
YEAR_CLUE_DAY = 4.0  # the publication day of the story's "today"
YEAR_CLUE_CHANGE = 1.5  # a stated direction of change, a kept grade, a run of equal grades
YEAR_CLUE_DATES = 3.0  # inspection dates, months or a season that fit the record
YEAR_CLUE_MIN = 2.0
YEAR_CLUE_MARGIN = 1.5
# A printed story this many days after (or before) a council's graded report tells that report: where its grade reads
# otherwise, the record's wins (record_check.py).
RECORD_CHECK_AFTER_REPORT_DAYS = 60
RECORD_CHECK_BEFORE_REPORT_DAYS = 14


# Index writing. A rebuild writes a Whoosh segment per SEGMENT_PARAGRAPHS paragraphs (its memory is bounded
# by a few segments' buffers, a few hundred MB each); up to WRITER_PROCS forked processes write full segments
# while the build reads on (the last segment is written by the build itself). WRITER_LIMIT_MB is Whoosh's own
# writer's pool (updates use it). Fewer, larger segments keep a server's open files down (~20 per segment
# per thread).
WRITER_PROCS = max(1, min(2, os.cpu_count() or 1))
# zlib level of the rebuild's posting blocks (0 = plain): 1 makes the postings ~65 % smaller for ~10-20 % more
# build time; Whoosh's text postings are rarely read at query time (the numpy arrays answer), so searches don't pay.
POSTING_ZLIB_LEVEL = 1
# A rebuild's posting blocks prepared in numpy (delta-encoded ids, weight checks, length bounds) rather than by
# Whoosh's per-posting Python loops: the same bytes (tested), ~20 % less of a rebuild's postings time.
POSTING_BLOCKS_IN_NUMPY = True
# Stored paragraphs (backends/embedded/index/stored.py), zlib at STORED_ZLIB_LEVEL. STORED_TEXT_BLOCK > 1 keeps
# a document's paragraphs in blocks of that many, which compress better (at 108k paragraphs: 1 -> 41.7 MB,
# 4 -> 32.7 MB, 16 -> 28.5 MB) but make every read of a paragraph decode its block (2-3x the CPU of a read);
# 1 keeps the page as fast as before.
STORED_TEXT_BLOCK = 1
STORED_ZLIB_LEVEL = 1
# Reading and annotating source files (PDFs mostly) in this many forked processes, from this many files on.
READER_PROCS = max(1, min(2, os.cpu_count() or 1))
PARALLEL_READ_MIN_FILES = 16
WRITER_LIMIT_MB = 128
SEGMENT_PARAGRAPHS = 50_000

# The web server (webui/serving.py; "Operating it" in the README). Connections waiting for a request cost a
# descriptor, not a thread, so the limit is high: 150 slow clients must not lock others out. Bodies are refused
# past a small size (every form is a GET). Idle connections close after the channel time-out.
SERVER_CONNECTION_LIMIT = 1000
SERVER_CHANNEL_TIMEOUT = 30
SERVER_MAX_BODY_BYTES = 64 * 1024
SERVER_MAX_HEADER_BYTES = 64 * 1024
SERVER_BACKLOG = 1024

# Search defaults.
PER_PAGE_CHOICES = (10, 20, 50)
DEFAULT_PER_PAGE = 10
# A facet list shows this many values, then a plain "all 85 councils…" link (years are always listed whole).
FACET_TOP_VALUES = 10
# Example searches on the front page: questions the real reports answer well.
EXAMPLE_SEARCHES = ("caseloads too high", "care leavers in bed and breakfast", "return home interviews",
                    "rated inadequate leadership", "private fostering", "unaccompanied asylum seeking children")
MAX_QUERY_CHARS = 2000
# Per-request bounds (indexer/search/limits.py): repeated URL parameters, wildcard expansion, "Did you mean" work.
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
# Stored fields of recently read documents' first paragraphs (their shared values: backends/embedded/index/stored.py).
DOCUMENT_HEAD_CACHE_SIZE = 2048
# Other values derived from a generation (facet codes, document context, significant terms …), per kind.
DERIVED_CACHE_SIZE = 256

# Posting arrays of recent terms kept per generation for numpy BM25F ranking.
TERM_CACHE_SIZE = 2048
# Freed memory (MB) a process that warms an index keeps for its next searches' temporary arrays instead of
# handing it back and faulting it in again (backends/embedded/read/memory.py; 0 leaves the C allocator alone).
SEARCH_HEAP_KEEP_MB = 256

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
# Round 15: a council graded overall this strongly (a quoted or attributed grade) is a subject at any score share.
GRADED_SUBJECT_MIN_WEIGHT = 1.0
# Round 15 switches (acceptance runs turn each off): graded councils at any share; helpers of another's services.
ROUND15_GRADED_ANY_SHARE = True
ROUND15_HELPERS = True
ROUND15_LIST_SIBLINGS = True  # councils in a list a judging sentence names
ROUND15_HEADING_LISTS = True  # entries headed by a bare council name under a graded heading
# Round 18 (severity): a grade aimed at, neared or set as a condition is not a grade held (aims.py); off = round 17.
ROUND18_AIMS = True
# Round 19 (severity): "its children's services need to improve" is requires improvement (grades.py, read through
# scan.grade_matches); off = round 18, the words name no grade.
ROUND19_NEED_TO_IMPROVE = True
# Round 21 (severity): the grammar of a stated grade, by coverage (severity.py, "round 21:"); each idea has its own
# switch so the acceptance runs can count it alone; off = round 20.
ROUND21_NAMED_OBJECT = True  # "rated Stockport council's children's services good", "upgraded X's services to good"
ROUND21_RATING_WORD = True  # "a good Ofsted rating", "an 'inadequate' inspection judgement"
ROUND21_VERBLESS = True  # "Ofsted: Kent children's services good" (the service right before, the clause ending)
ROUND21_RATING_FOR = True  # "a good rating for children's social care" (overall) / "… for its schools" (an area)
# Round 19: an undated page whose latest dated event is a November or December without its day is from the next year.
ROUND19_LATE_MONTH = True
LATE_MONTHS = frozenset({"November", "December"})  # October left out in round 19 (a report can follow before the year ends); in since round 33 (ROUND33_LATE_OCTOBER)
# Round 20: "the sixth monitoring visit since … judged inadequate in March 2017" dates an undated page by the count
# (visit_count.py): the first visit about six months after the judgement, then one about every four months, and the
# page about a month after its visit.
ROUND20_VISIT_COUNT = True
VISIT_FIRST_MONTHS = 6
VISIT_EVERY_MONTHS = 4
VISIT_LETTER_MONTHS = 1
# Round 20: an undated page about a visit given its own days and year is from that year (October on: or the next).
ROUND20_DATED_VISIT = True
VISIT_LATE_FROM_MONTH = 10  # a visit from October on may have its letter in the new year: that year or the next
# Round 20: "N years after" a judgement whose year the page names gives an undated page's year (years_after.py).
ROUND20_YEARS_AFTER = True
# Round 21: a report's publication given without its year ("published on 29 October", "the July report", "came out on
# Wednesday") picks the one inspection of the council's record published then (report_day.py); off = round 20.
ROUND21_REPORT_DAY = True
REPORT_DAY_SLACK_DAYS = 3  # the record's publication day and the outlet's may differ by a few days
# Round 21 (round-ups): a list of councils takes the one grade phrase that governs it: a grade adjective heading it ("The
# outstanding councils were A, B and C"), "among them A, B" after a statement, "like them, D is rated …"
# (list_grades.py); off = round 20.
ROUND21_LIST_STRUCTURES = True
# Round 18 (back in round 19): an undated Newsquest story's year from its address number (article_ids.py); off = round
# 17's table.
ROUND18_NEWSQUEST_IDS = True
# Round 18: the same for National World's (formerly Johnston Press's) titles since their 2020 numbering.
ROUND18_NATIONALWORLD_IDS = True
# Council scores: each mention, extra for the title, the first two paragraphs, and a "Council"/"Borough" name.
COUNCIL_SCORE_MENTION = 1.0
COUNCIL_SCORE_TITLE = 5.0
COUNCIL_SCORE_OPENING = 2.0
COUNCIL_SCORE_COUNCIL_WORD = 0.5
# Keyword facet fields whose posting arrays a generation keeps in memory.
# grade_change (grades a council left and reached) is not a visible facet, only a best-match boost.
KEYWORD_FACET_FIELDS = ("council", "severity", *SUBJUDGEMENT_FIELDS, "grade_change")
# Round 27: a paragraph's councils named only inside a long list, read by the council filter and counts only.
LISTED_FIELD = "council_listed"
KEYWORD_POSTING_FIELDS = (*KEYWORD_FACET_FIELDS, LISTED_FIELD)

# Best-match search (plain word lists). A paragraph must contain all meaningful words when there are at most
# BEST_MATCH_ALL_UP_TO of them, else this share of them (rounded down), Elasticsearch's "2<75%".
BEST_MATCH_ALL_UP_TO = 2
# A document whose paragraphs and context together hold the minimum matches too (shown by its best paragraphs):
# a report saying "caseloads" in one paragraph and "social workers" in another still answers.
DOCUMENT_COVERAGE = True
# Grade movement named in a query ("no longer inadequate", "downgraded to inadequate") stands in for its cue
# words ("longer", "moved"), which are not searched: one group of the minimum, which documents reporting that
# movement (their grade_change field) match, a tier per value. False turns the query side off (for ablation).
GRADE_CHANGE_BOOST = True
# A pasted passage is searched by its first this many different words (each word costs a pass over the index).
MAX_QUERY_GROUPS = 32
# Councils the query names (understand.py) rank their attributed paragraphs first among the matches; never a filter.
NAMED_COUNCIL_BOOST = True


@dataclass(frozen=True)
class Ranking:
    """Every constant read when a query is ranked (none is read when an index is built, so each can be tried on one
    index: `indexer/quality/crossval.py`). The live value is `RANKING`; `ranking(...)` swaps it for a while."""

    # BM25's usual constants (term-frequency saturation, length normalisation), for every BM25 in the project.
    bm25_k1: float = 1.2
    bm25_b: float = 0.75
    # The heading's boost inside BM25F, and (explicit syntax) the bonus for paragraphs whose document title has the
    # query's words too; a title is never scored as a field (best match treats it as document context).
    heading_boost: float = 1.3
    title_match_bonus: float = 0.5
    # A paragraph must contain all meaningful words when there are at most BEST_MATCH_ALL_UP_TO of them, else this
    # share of them (rounded down), Elasticsearch's "2<75%".
    best_match_share: float = 0.75
    # A match on a synonym counts this much of a match on the word as typed; a spelling correction less.
    synonym_weight: float = 0.8
    spelling_weight: float = 0.6
    # Lines of indexer/data/synonyms.txt left out, each named by its first term ("CSE"): for cross-validation.
    synonyms_off: frozenset = frozenset()
    # A word found only in the paragraph's document context (title, council names, grade, year) counts this share
    # of idf. A year the query names is asked of the document ("inadequate 2016": the 2016 inspection), so a
    # document of that year says it as fully as a paragraph writing it.
    context_weight: float = 0.5
    year_context_weight: float = 1.0
    # Best-match order: a paragraph's score times the idf-weighted share of the query's groups it matches, to this
    # power (Lucene's coord, weighted by what each word tells: missing "children", in 70 % of paragraphs, costs ~9 %;
    # missing a council name a quarter of the query's idf costs ~80 %). 0 = the order by the count of groups first.
    coverage_power: float = 6.0
    # A named council's paragraphs (with a query word of their own) match with this share of the minimum, rounded
    # up, and never more than one fewer than it (search/plan.py). Ranking round 7 (1.0 is the old rule, one fewer).
    named_council_share: float = 0.5
    # Documents rank by their best paragraph plus this share of their next-best matching paragraphs' scores ...
    document_share: float = 0.3
    document_share_paragraphs: int = 3
    # ... plus this share of the query's BM25 over the whole document (length-normalised, so words spread over a
    # short article count more than the same words scattered through a long report). Embedded backend only.
    document_weight: float = 0.5
    # Query words close together: each adjacent pair within this many positions lifts the score (embedded only).
    proximity_window: int = 4
    proximity_weight: float = 0.15
    proximity_candidates: int = 100
    # The paragraph shown (search/answer.py): what stating the asked grade is worth against each other feature,
    # what stating the grade a movement question says was left adds, and how many of a document's best paragraphs
    # may be shown instead of its best (PostgreSQL's flatter ts_rank order: its own, deeper count).
    answer_grade_weight: int = 2
    answer_left_extra: int = 1
    answer_candidates: int = 20
    flat_order_candidates: int = 40
    # How a question asking no grade, movement or list chooses its paragraph (search/topic.py): "count" (ranking
    # round 15: an opening gives way to a later paragraph with more of the topic words, or as many after a headline;
    # another best-ranked to an earlier one with more and rarer ones), "rarity" (measured, rejected) or "off" (the best-ranked).
    topic_rule: str = "count"
    # ... over this many of the document's best paragraphs (round 15: 5, 8, 10 and 20 showed the same; each read costs).
    topic_candidates: int = 8
    # A question naming a council also lifts the councils that replaced it under other names (ranking round 16,
    # search/succession.py): "successors" (Northamptonshire -> North and West Northamptonshire), "both" (and a new
    # council's forerunners) or "off" (only the council named and its same-named forerunner).
    council_succession: str = "both"
    # ... lifted this many tiers less than the council named (0: as much).
    related_council_step: int = 1
    # A paragraph of a document filed under the single year a question names (round 16, search/year_lift.py): its
    # score multiplied by year_factor (1.0: the year is one more word, as before), and lifted year_lift tiers
    # (measured, rejected: 1 tier cost fold A a relevant document).
    year_factor: float = 2.5
    year_lift: int = 0

    def but(self, **changes) -> "Ranking":
        """A copy with some constants changed."""
        return replace(self, **changes)


RANKING = Ranking()


@contextmanager
def ranking(value: Ranking) -> Iterator[Ranking]:
    """Rank with `value` instead of the live constants until the block ends (one thread: evaluation, tests)."""
    global RANKING
    before, RANKING = RANKING, value
    try:
        yield value
    finally:
        RANKING = before


# Best-match plan results kept per generation (each holds three arrays of the index size).
PLAN_CACHE_SIZE = 32
# Council pages: significant terms (Elasticsearch significant_terms style) of a council's paragraphs.
SIGNIFICANT_TERMS = 15
SIGNIFICANT_MIN_PARAGRAPHS = 3
# A distinctive term must occur in at least this many documents in all (a word of one report is that report's
# style, not the council's), and a council needs this many documents of its own before any term is shown.
SIGNIFICANT_MIN_DOCUMENTS = 3
SIGNIFICANT_MIN_FOREGROUND_DOCUMENTS = 2
SIGNIFICANT_PHRASE_CANDIDATES = 80
SIGNIFICANT_PHRASE_CHECK_CAP = 250  # background paragraphs checked word by word per phrase
# Similar paragraphs (more-like-this): distinctive words taken from the source paragraph, results shown.
SIMILAR_QUERY_TERMS = 12
SIMILAR_MIN_SHARED = 0.3   # share of the query words a result must contain
SIMILAR_RESULTS = 10
# Atom feeds: entries per feed.
FEED_ENTRIES = 50
FEED_PARAGRAPHS_PER_DOCUMENT = 5

# Fetching reports from Ofsted (indexer/fetch): the sites, politeness and per-file limits.
FETCH_REPORTS_SITE = "https://reports.ofsted.gov.uk"
FETCH_FILES_SITE = "https://files.ofsted.gov.uk"
# The reports site's listing of local authority children's services providers, paged with start and rows.
FETCH_LISTING_PATH = "/search?q=&level_1_types=3&level_2_types%5B%5D=12"
# A council's provider page, when the listing does not give it (the path ends with the council's URN).
FETCH_PROVIDER_PATH = "/provider/44/{urn}"
# Other addresses of the file store, written as FETCH_FILES_SITE so one file is never fetched twice.
FETCH_FILES_ALIASES = ("https://files.api.ofsted.gov.uk",)
FETCH_LISTING_ROWS = 100
FETCH_LISTING_MAX_PAGES = 10
FETCH_DELAY_SECONDS = 1.0       # between two requests (robots.txt's Crawl-delay wins when longer)
FETCH_MAX_CRAWL_DELAY = 60.0    # a longer Crawl-delay is taken as this
FETCH_RETRIES = 4               # after the first try, on 429, 5xx and dropped connections
FETCH_BACKOFF_SECONDS = 2.0     # the first retry's wait when no Retry-After is given; doubled each time
FETCH_MAX_RETRY_AFTER = 600     # a longer Retry-After fails the file instead of stalling the run
FETCH_TIMEOUT_SECONDS = 30      # connect and each read
FETCH_MAX_FILE_BYTES = 50_000_000
FETCH_MAX_FILE_SECONDS = 300    # one whole download
FETCH_MAX_PAGE_BYTES = 5_000_000
FETCH_MAX_REDIRECTS = 5
FETCH_STATE = ".fetch-state.json"


# PostgreSQL backend (indexer/backends/postgres/). The database: --database or $REPORTSEARCH_DATABASE_URL.
DATABASE_URL_ENV = "REPORTSEARCH_DATABASE_URL"
PG_STATEMENT_TIMEOUT_MS = 5000      # one request's statements are cancelled after this
PG_POOL_MAX = 8                     # connections per server (primary or replica) per process
PG_REPLICA_RETRY_SECONDS = 5.0      # a replica that failed is not tried again for this long
PG_REPLICA_MAX_LAG_SECONDS = 30.0   # a replica further behind than this serves nothing (health check)
PG_READER_ROLE = "reportsearch_reader"  # granted SELECT on every generation: the role a server logs in as
PG_KEEP_GENERATIONS = 2             # the live one and the one before (requests still reading it finish)
PG_WORK_MEM = "32MB"                # per sort or hash of a read (a page's window passes stay in memory)
PG_BUILD_MAINTENANCE_WORK_MEM = "512MB"  # a rebuild's index builds (the GIN index sorts in memory up to this)
PG_CANDIDATES = 2000                # best-match paragraphs ranked exactly (the rest are counted, not ranked)
PG_BUILD_WORK_MEM = "64MB"          # a rebuild's groupings for the frequent-word tables
PG_FREQUENT_SHARE = 0.01            # words matching more than this share of paragraphs get build-time tables
PG_FREQUENT_SHORT_SHARE = 0.5       # the shortest share of paragraphs searched for a frequent word's candidates
PG_FREQUENT_PAGES = True            # one-word pages of frequent words read those tables (False: the full pass)
PG_POSTINGS_SHARE = 0.001           # words in more than this share of paragraphs get build-time postings
PG_POSTINGS_PAGES = True            # all-words pages (two words) read the postings (False: the full pass)
# Round 22: a gradeless one-council page that dates the graded inspection it follows takes the record's grade
# (followed_inspection.py; docs/facets.md "Round 22: grades"). Two switches, one per kind of page; off = round 21.
# (V) a visit or letter page: the dated inspection's grade. It fills 3 empty grades, all right (d10, l31, o20). Off
# at first (fold B nDCG@10 0.913 -> 0.912: o20, then unjudged, rose in nq14's top ten); on once set o's pooling judged
# o20 for nq14 (1): both folds and every judged set identical with it on.
ROUND22_FOLLOWED_VISIT = True
# (N) a page about a new inspection dating only the previous one: the record's next graded inspection's grade.
ROUND22_FOLLOWED_NEXT = True
# Round 23 (issue 22, real page text): a page whose text names no council, on a council's own website (its
# newsroom, its minutes: "democracy.plymouth.gov.uk"), is about that council (`site_council.py`). The own-words
# fixtures carry the outlet's name in their second line; real scraped text does not.
ROUND23_SITE_COUNCIL = True
# Round 23: a scraped text page's title is its first heading line that is not site chrome (a weather widget, a region
# section, a byline and date, "Skip to main content"): `extract/headline.py`. Off = the first heading line.
ROUND23_HEADLINE = True
# Round 23: a grade in a sentence about "the only area/aspect/judgement" that received it is one area's grade, never
# the overall one (`severity._ONLY_PART`).
ROUND23_ONLY_PART = True
# Round 23 (grades, branch realtext23): wording real pages have and the own-words fixtures smoothed away
# (docs/facets.md "Round 23: real page wording"). Each idea has its own switch; off = round 22.
ROUND23_FROM_RATING_OF = True  # "risen from a rating of 'requires improvement' to", "from wholly inadequate to"
ROUND23_NEAR_GRADE = True  # "on the cusp of outstanding", "bordering on being 'inadequate'": near, not held
ROUND23_COMPOUND = True  # "getting-to-good sessions": a grade word glued into a hyphenated compound names no grade
ROUND23_INTENSIFIED = True  # "a very good experience": a graded verdict is never intensified
ROUND23_REACHED_GERUND = True  # "a milestone after achieving a 'good' rating": reached, not aimed at
ROUND23_REACTION = True  # "has apologised after its services were rated inadequate": the after-clause is the news
ROUND23_DENIED_CHANGE = True  # (year) "attendance had not declined" states no change of grade
ROUND23_MONTH_YEAR_NOUN = True  # (year) "the February 2023 Ofsted inspection" dates the inspection as "February's" does
ROUND23_DAY_OF_MONTH = True  # (year) "carried out between 3-14 of June", said of an inspection, gives a date range
# (grade, round 22's (V)/(N) fills) "Following publication of Ofsted's Inspection … in March 2016", "In August 2016
# inspectors gave the authority an 'inadequate' rating": dated inspections in the shapes real pages write them
ROUND23_DATED_SHAPES = True
# Round 24 (years, branch years24): the date a real page prints for itself in the shapes scraped text carries it
# (`page_date.py`): a labelled date field with its paragraph run on ("date 2019-06-12 The council …"), a labelled
# publication line under a site's own date line, a byline's clock-and-date stamp, a header split one word to a line,
# "published today (19 October 2021)". Off = round 23's dateline reader.
ROUND24_PAGE_DATE = True
# Round 24, below the bar (branch years24-extra, each 1-2 pages; docs/facets.md "Round 24: years on the real page text"):
# a header date set aside as the day the page was viewed sets no year floor (`article._without_view_date`);
ROUND24_VIEW_DATE_FLOOR = True
# the second year of a span ("in 2024-2025") is no past year the page names (`year_floor._span_end`);
ROUND24_SPAN_END = True
# a short head line that is a sentence dating an event is no dateline (`year._EVENT_SENTENCE`).
ROUND24_SENTENCE_DATE = True

# Round 24 (severity on the real page text, branch sev24; docs/facets.md "Round 24: severity on the real text").
# Each idea has its own switch; off = round 23.
# (R) the inadequate judgement a monitoring visit follows, named through a rating noun as pages write it ("handed a
# damning rating of 'inadequate'", "since the 'inadequate' judgement was received"): `record_grade._monitored_inadequate`.
ROUND24_RATING_NOUN = True
# (A) a sub-judgement read by its clause (`severity._beyond_clause`, `_area_clause`): "overall" falls back on a
# distant grade only within its clause, never across a semicolon, a colon or an opening quotation mark ("… overall
# effectiveness; and an Outstanding rating for children in care"); the area clause behind an opening phrase ("As well
# as X, child protection was rated inadequate at A, B and C"); a sentence opening on "the other key area".
ROUND24_SUBJUDGEMENT_CLAUSES = True

# Round 24 (council on real page text, branch council24; docs/facets.md "Round 24: council on real text"):
# (L) a care setting's story whose scraped title is site chrome ("[Skip to content]", "24/02/2022 - Permalink", an
# image caption) is read by its lead: the first body paragraph naming the setting stands in for the headline
# (`provider.py`); "the premises / the facility" refer back to the setting; a ", run by X council," aside between the
# homes and their grade is skipped.
ROUND24_SETTING_LEAD = True
ROUND24_LEAD_PARAGRAPHS = 3  # body paragraphs read for a lead when the title names no setting
# (C) the councils listed right after a counted group of councils ("28 councils (including A)", "two other councils
# (A and B)", "nine councils are rated poor, including A [PDF report here] and B", "the other three were A, …") are
# round-up subjects, graded with the group's one grade (`counted_lists.py`). ON (the lead, after the merge): design
# real text 4 values right (council a05, l36, x35; severity l36), none lost; 4 page facets change while staying wrong
# (b28 council gains 2 of its 3 missing members; severity a05, b28, x35); fixtures: no change; never-read real text
# (k m n p s t): council 235 -> 237 of 250, nothing lost. The issue asks for lists resolved as structures.
ROUND24_COUNTED_LISTS = True

# Round 24 (ranking on real page text, branch rank24): a scraped text page's own notices (browser and cookie warnings,
# newsletter and subscription offers, donation appeals, "follow us on", video and radio promotions, lone
# content-management labels) are dropped at ingest, so they are neither its title nor searchable paragraphs, and the
# store's "date YYYY-MM-DD" label is not part of a title (`extract/page_chrome.py`). Off = round 23. Shipped OFF by
# rank24 (real-text macro nDCG@10 0.8922 -> 0.8919; a real headline that becomes the title stops being its paragraphs'
# heading); ON since titles24 with ROUND24_SITE_BRAND below: real titles matching the headline 653 -> 712 of 932 and
# u02 keeps its facets (docs/facets.md "Round 24: site names as titles on real text").
ROUND24_PAGE_NOTICES = True
# Round 24 (titles24): a text page's first heading that only names the site (its outlet or council: "X Evening News",
# "Your X", "X Council", "London Borough of X"), a section ("OFSTED", "Children", "News / Education") or an image
# ("Picture: ...", "X logo") is chrome, so the headline below it becomes the title (`extract/headline.py`).
ROUND24_SITE_BRAND = True

# Round 24 (apa24): the 2005-11 regimes named as pages print them: the 2005-08 annual performance assessment as a
# capitalised title, with the inspectorate inside the name ("the annual Ofsted performance assessments") or as
# "APAs"; an annual round named by its year and a review ("the 2010 review of services for children"). False: the
# round-23 names only. Read once at import (calendar.py and regimes.py compile their patterns with it): set it before
# importing the annotators, or in the environment's settings, not at run time.
ROUND24_OLD_REGIME_NAMES = True
# Round 24 (apa24): the bands' adverb quoted after the verb ("performing 'adequately'"). grades.py imports nothing
# from the package, so the switch is grades.QUOTED_BANDS (read at import, as the table's patterns are compiled once);
# this mirrors it for readers of the settings.
ROUND24_QUOTED_BANDS = grades.QUOTED_BANDS

# Round 25 (the paragraph shown on the real page text, branch shown25; docs/search.md "Round 25: the paragraph shown
# on the real text"), in the shared chooser (search/answer.py), so both backends get it; off = round 24. The round's
# other two ideas (T, A) shipped off and were removed in round 32.
# (G) an everyday grade word ending a sentence after a rating verb earlier in it is a grade, however far apart
# ("inspectors rated the borough's help for families and children outstanding."): `answer._rated_in_sentence`.
ROUND25_GRADE_ENDS_SENTENCE = True

# Round 25 (title25; docs/search.md "Round 25: the headline as the body's heading on real text"): a text page's title
# heads its body paragraphs that stand under no heading (`ingest/title_heading.py`), after the facets are read, as a
# rewritten page's outlet or date line does. "headline": only a title that is the page's own first heading line;
# "any": a title taken from the opening sentence too (that paragraph excepted); "lead": any title, heading only the
# first body paragraph; "lines": any title, over a body of one-sentence lines (a scraped page's structure); "off" =
# round 24. Measured, OFF. "lines" raised the real-text corpus' macro recall@10 / nDCG@10 0.9175 / 0.8916 -> 0.9185 /
# 0.8926 with no facet change, but both fixture crossval folds fell a little (A 0.9247 / 0.9127 -> 0.9244 / 0.9126,
# B nDCG 0.9145 -> 0.9138: two line-split fixtures rose into unjudged top tens); "any" lost more on the fixtures.
ROUND25_TITLE_HEADING = "off"
ROUND25_LINES_MIN_PARAGRAPHS = 4  # "lines": a body of at least this many paragraphs ...
ROUND25_LINES_SHARE = 0.8         # ... this share of them a single sentence

# Round 26 (aims26; docs/facets.md "Round 26: grade words that are not the current rating"): a grade word's role in
# its clause (`ingest/annotate/grade_roles.py`). Each switch sets grade words aside only; off = round 25.
# the object of an aim, a hope or an expectation ("the goal of being rated 'good'", "closer to receiving a 'good'
# rating", "is likely to mean … downgraded … to 'performs poorly'", "when all provision is judged outstanding")
ROUND26_AIM_OBJECTS = True
# an adjective on a noun that names no service, council or rating ("a 'good cultural change'", "there is good
# consideration of")
ROUND26_ATTRIBUTIVE = True
# a span of time behind the news ("Having been classed as 'poor' for the last few years", "after years of being deemed
# 'inadequate'", "in previous inspections we have always been rated 'good'")
ROUND26_PAST_SPANS = True
# an area named by the grade's "for" / "in the areas of" complement ("an 'Outstanding' grade for how it looks after …"
# its children in care, "rated 'good' in the areas of …" a sub-judgement's name): a sub-judgement.
# Measured in round 26, off: design real severity +2 (a21, l34; i11 from a wrong grade to none), fixtures and
# never-read facets unchanged, but the real-text corpus' macro recall@10 fell 0.9175 -> 0.9174. Round 28 (sevwrong28;
# docs/facets.md "Round 28: wrong grades on one-council pages") measured it again under its bar and switched it ON.
ROUND26_AREA_COMPLEMENT = True
# Round 26 (old26; docs/facets.md "Round 26: the old regimes' score shapes on the real text"): a band number printed
# as a score in the real pages' own shapes ("an overall grading of two out of four", "a rating for 2008 of just
# 1" on a scale of 4, "assessed ... as being 1 (out of 4)"). grades.py imports nothing from the package, so the
# switch is grades.SCORE_SHAPES (read at import); this mirrors it for readers of the settings.
ROUND26_SCORE_SHAPES = grades.SCORE_SHAPES
# Round 26 (old26): a year inside a relative clause on the subject ("The service, which ministers took over in
# 2009, was given ...") does not date the main clause's grade (grade_context.dated_in_sentence).
ROUND26_RELATIVE_YEAR = True
# Round 26 (old26): the 2009-11 annual ratings' default year (the first round after the latest year named) only for
# a page that reports a rating round: none when it names a later year or a later inspection's words, or names a
# safeguarding and looked-after children inspection, whose pages use the ratings' band words (calendar.py).
ROUND26_RATING_DEFAULT = True
# Round 26 (round-ups read as structures, branch roundup26; docs/facets.md "Round 26: how a grade reaches a list's
# members"). Each cause has its own switch; off = round 25.
# (T) a grade whose subject is a quantity of councils or inspections ("the number of authorities marked down as
# inadequate", "35% (…) of all authorities inspected were found" inadequate, "5 have resulted in an
# 'inadequate' rating") is a tally: it grades no council named nearby and never the page's main council.
ROUND26_QUANTITY_TALLY = True
# (L) a coordinated list of at least this many councils names subjects of the page, graded only where the text
# grades them (`judged_lists.long_list_members`); a member the page says nothing more of is the subject of its list's
# paragraph only. 0 = off. Measured with 4 by roundup26 (shipped off): design real text council +3 pages (j01, v23,
# z29), fixtures +3 values, never-read +1 council +1 severity, nothing lost; but on the real-text corpus macro
# recall@10 / nDCG@10 0.9175 / 0.8916 -> 0.9168 / 0.8913 (z29 enters an Essex question's top ten, j01 a Liverpool one:
# both name the council only in a list, and the council lift did not tell a list's member from a story's subject).
# Round 26 (lists26): on, with ROUND26_LISTED_NO_LIFT below (ranking 0.9175 / 0.8924, docs/search.md).
ROUND26_LONG_LISTS = 4
# Round 26 (branch lists26; docs/search.md "Round 26: a long list's member is not lifted"): the members
# `ROUND26_LONG_LISTS` adds and the page names in no other way are in the document's council facet only, in no
# paragraph's: a question naming one neither lifts nor finds by context the page's paragraphs (as before the list
# made them subjects).
ROUND26_LISTED_NO_LIFT = True
# Round 27 (branch listfield27; docs/search.md "Round 27: a long list's member in the council filter"): those
# members are kept apart on the paragraphs that list them (`Paragraph.listed`; the embedded field and PostgreSQL
# column `council_listed`), which the council filter and its facet counts read and the council lift and context do
# not: `?council=X` returns a round-up listing X, counted in the facet, with no more score than without the filter.
ROUND27_LISTED_FILTER = True
# Round 26 (empty26; docs/facets.md "Round 26: severity left empty where the label has a grade"): the record fill's
# reading of a dated inspection (`dated_standing.dated_inspections`) takes the shapes real pages put between the
# inspection word and its date ("the inspection of local authority children's services in July 2022", "last inspected
# by Ofsted fully in 2016", "The inspection was conducted in February / March 2011") and a possessive year ("since
# 2022's last full Ofsted inspection"). Off = round 25.
ROUND26_DATED_PHRASES = True

# Round 27 (branch sev27; docs/facets.md "Round 27: severity of one council's story", (A)): a grade joined to an aimed grade by
# "and"/"or" and a word of sequence ("towards a 'good' and, ultimately, 'outstanding' rating", "to 'good' and then to
# 'outstanding'") is aimed at too, and an aim may name its object before the grade ("to get our services to 'good'")
# (`ingest/annotate/aim_chains.py`). Off = round 26.
ROUND27_AIM_CHAINS = True
# Round 27 (sev27; docs/facets.md "Round 27: severity of one council's story", (B)): a grade word counts as quoted (a
# cue and an emphasis) when a quotation mark opens right before it, or closes right after it with its opening mark
# within 40 characters; the closing mark of a long quotation ("… engaged with understanding and supporting required
# improvement\".") is no cue. Off = round 26.
ROUND27_TIGHT_QUOTES = True
# Round 27 (sev27; docs/facets.md "Round 27: severity of one council's story", (C)): a page whose "latest report" may be
# the letter of a focused or monitoring visit (it names such a visit) keeps its standing grade when it states no newer
# one (`ingest/annotate/visit_report.py`). Off = round 26.
ROUND27_VISIT_REPORTS = True
# Round 27 (sev27; docs/facets.md "Round 27: severity of one council's story", (D)): a grade right after a colon whose short
# label names an area of work ("• Adoption performance: requires improvement;", "Help for care leavers: good") grades
# that area, not the service, when the page states a grade in another way (a page whose only grades are such lines
# reads them as round 26 did) (`severity.area_label`). Off = round 26.
ROUND27_AREA_LABELS = True

# Round 27 (years27; docs/facets.md "Round 27: years on the real text (branch years27)"). Off = round 26.
# (A) a grade the page says came "last year" dates the page a year after the council's one recorded inspection with
# that grade (and month, when given): the anchor's phrase may hold the object and a few words between grade and time
# ("rated the service as inadequate on every count in May last year", "judged 'inadequate' overall in March last
# year", "since it was rated 'inadequate' last year"), and it dates a visit page the anchor alone left
# undated.
ROUND27_LAST_YEAR_GRADE = True
# (B) a page reporting a round of the 2009-11 annual ratings that compares it with the year before ("better than
# last year", "since last year's rating", "up from 'performing adequately' a year earlier") is no
# first round: without a year named, the second round (2010) instead of the first (2009).
ROUND27_RATING_COMPARED = True
# (C) a page reporting Ofsted's annual report for a year span ("its annual report for 2011/12", "inspected in
# 2012/13", "from April 2012 to April 2013") dates itself by the span's last year (the report is published that
# autumn), over a year only inferred from the record or a dated event.
ROUND27_ANNUAL_REPORT_SPAN = True
# (E) the day a page calls today, in brackets without its year ("its report, published today (July 12)"), is a report
# day the record dates (report_day.py), as "the report, published on 29 October" already was.
ROUND27_TODAY_DAY = True
# (F) a header date set aside as the day the page was viewed (round 11's guard) is no year the page names for the
# record match either (`year.outcome_from_text`), as it already was for the floor (ROUND24_VIEW_DATE_FLOOR): "archive
# and crawl dates are never a report year".
ROUND27_VIEW_DATE_RECORD = True

# Round 27 (lists27; docs/facets.md "Round 27: councils missed on the real text"). Off = round 26.
# (G) a list of three or more councils is judged by a grade word or a verb of grading in its sentence too ("the other
# three authorities graded as inadequate overall are A, B and C"): judged_lists._judging. Design real text council
# +2 pages (k01, e08), never-read +1, fixtures and ranking unchanged.
ROUND27_GRADED_LISTS = True
# (U) a page whose text names no council (it says "the department", "the Royal Borough"): the one council its
# address's path names, read as a council site's address parts are (address_council.py; never the host, which is a
# newspaper's town). Shipped OFF in round 27: one fixture lost its right year (e15: with its council found, the
# record's next inspection after the page's latest year replaced the calendar's year). ON since round 28 (council28),
# with ROUND28_NARRATED_VISIT below: design real text council / severity / year +3 / +3 / +2 (b08, u19, e15),
# fixtures +1 / +1 / 0 (e15), never-read unchanged.
ROUND27_ADDRESS_COUNCIL = True

# Round 27 (rugrades27; docs/facets.md "Round 27: tallies in real round-ups (branch rugrades27)"): a sentence naming
# no council that counts councils in a real round-up's shape ("a further 14 children's services departments …" rated
# good, "three-quarters of English children's services departments", "The remaining three-quarters were judged to be
# inadequate", "we monitor inadequate local authorities") grades no one, the page's main council included; a grade
# denied of a whole group ("None of the six councils ... has gained an outstanding rating") in a headline too.
ROUND27_GROUP_TALLIES = True
# Round 27 (rugrades27): a tally sentence counting one group of two to six councils with one grade and naming none
# ("Two London boroughs have received the top rating"), followed by a sentence naming exactly that many councils and
# grading them no other way: each named council takes the count's grade.
ROUND27_COUNT_NAMED_NEXT = True

# Round 27 (fallback27; docs/facets.md "Round 27: a last-resort grade for the main council (branch fallback27)"): a
# page's main council with no grade after every other rule takes the one grade of the earliest body sentence with an
# inspection cue that names no other council, no judged area and no aim, hope or past span (marked inferred)
# (`ingest/annotate/fallback_grade.py`). Off = round 27's first wave.
# Round 27 shipped it OFF: switched on alone, it overrides deliberate empties (a standing grade a newer report drops;
# a past grade the record does not hold on the printed day: tests/test_facets_round14.py, test_severity_round27.py).
# Round 28 (sevempty28): ON with ROUND28_FALLBACK_UNWEIGHED (design real +2: z08, z13; fixtures +1: j33; none lost).
ROUND27_FALLBACK_GRADE = True
# Round 28: the fallback fills only a council no grade statement was attributed to (a grade the rules weighed and set
# aside -- a standing grade a new report replaces, a past grade -- stays empty).
ROUND28_FALLBACK_UNWEIGHED = True
# Round 28 (branch sevempty28): a page whose news is a joint area review (named in its title or opening, no annual
# performance assessment named) gives no council an overall grade (`ingest/annotate/area_review.py`). Off = round 27.
ROUND28_JOINT_AREA_REVIEW = True

# Round 28 (council28; docs/facets.md "Round 28: councils (branch council28)"). Off = round 27.
# (V) the year reader's next-inspection clue ("the first such inspection after <the latest year the page names>") is
# not given when every mention of that year carries its month and the latest of them dates a visit the page narrates
# ("February 2019: after a focused visit ..."), not one it looks back on ("than at the focused visit in October 2018"):
# the record holds no visits, so the next inspection after a narrated visit is no date for the page.
ROUND28_NARRATED_VISIT = True
# Round 28 (roundup28; docs/facets.md "Round 28: round-up members (branch roundup28)"). Off = round 27.
# (A) a grade given in an area of keeping children safe ("inadequate in safeguarding", "… at keeping children safe")
# is a sub-judgement when its paragraph grades something "overall" ("A and B inadequate overall and C, D and E
# inadequate in the area of keeping children safe"; "inadequate on safeguarding or overall"):
# ingest/annotate/overall_contrast.py, read in attribution.attribute_grades.
ROUND28_OVERALL_CONTRAST = True
# (B) a council's name written with hyphens round its joining word ("Kingston-upon-Hull", "Newcastle-upon-Tyne") is
# the same name: gazetteer._hyphened. Off, "Kingston-upon-Hull" read as "Kingston" (the London borough).
ROUND28_HYPHENED_NAMES = True

# Round 28 (years28; docs/facets.md "Round 28: years (branch years28)"). Off = round 27.
# (A) an undated page's "N years after <a judgement>" (round 20) that lands on the council's one recorded inspection
# with the grade the page states (visit or report in the counted years; "less than three years after" and "over four
# years after" read as bounds) takes that inspection's report year, a year on for "last December"
# (`ingest/annotate/years_after_record.py`).
ROUND28_YEARS_AFTER_RECORD = True
# (B) the 2009-12 safeguarding and looked-after children inspection named by its reports' words ("the borough's
# safeguarding and looked after children service", "the overall effectiveness of services for looked-after
# children", "adequate, with good capacity for improvement", a joint Ofsted and Care Quality Commission inspection on a
# page naming no SEND, joint targeted area or adult-care words) is a framework the page names
# (`calendar.named_frameworks`): the framework clue and the empty-year fallback prefer the council's SLAC row.
ROUND28_SLAC_WORDS = True
# Round 28 (rank28; docs/search.md "Round 28: a council named as a provider's operator or place (branch rank28)"): a
# question naming one inspected provider (a children's or care home, a nursery, a school, a council's children's
# centres) and a council asks about the provider the council runs or hosts, not the council's children's services
# (search/implied_overall.names_one_provider): the council named lifts nothing (no council tier, no looser minimum, no
# successor's lift); its name is a plain query word. A page about one home names no subject (docs/labelling.md), so
# the lift ranked every story about the council's services above it. Fixture macro nDCG@10 0.9021 -> 0.9102, six
# judged questions move, all up. Off = round 27.
ROUND28_PROVIDER_COUNCIL = True

# Round 28 (sevwrong28; docs/facets.md "Round 28: wrong grades on one-council pages (branch sevwrong28)"). Off = round 27.
# (A) a grade whose "for" / "in the areas of" complement names an area of the work ("a first 'outstanding' mark for the
# way it supports children in care", "judged 'good' in the areas of adoption and fostering", "the 'outstanding'
# rating was for its care leavers' team") is a sub-judgement: round 26's `ROUND26_AREA_COMPLEMENT`, switched on above.
# (B) the areas `severity.SUB_AREA` left out: the 2005-09 annual assessments' five outcome strands (staying safe,
# being healthy, enjoying and achieving, a positive contribution, economic well-being) and the children at risk an
# inspection grades separately (children who go missing, children at risk of sexual exploitation): a grade whose clause
# names one of them grades that area.
ROUND28_OUTCOME_AREAS = True
# (C) two grades offered as alternatives ("most now hold ‘good’ or ‘outstanding’") are no council's grade when a closing
# quotation mark follows the first (round 8's `grade_context.is_alternative` read only opening marks there).
ROUND28_CLOSED_ALTERNATIVES = True
# (E) a grade whose clause names the present period or a return inspection ("inspectors came back this spring and rated
# the service 'good'") is marked as today's grade, as "now" marks one: it wins a tie.
ROUND28_THIS_TIME = True

# Round 29 (council29): the annual rating's scale ("performing excellently / well / adequately / poorly") said of an
# authority, council, department or service, or named as a grade or rating, marks a judgement of the council's
# children's services as a whole: never a school-inspection story (council.services_rated).
ROUND29_APA_SCALE = True
# Round 29 (council29): a short name followed by its council word ("Stockton Council") scores the council word, as a
# name that carries the word inside it does (council.score_councils).
ROUND29_COUNCIL_SUFFIX = True
# Round 29 (years29): an undated page about a focused visit that names the graded inspection the visit follows takes
# the middle of the gap between that inspection and the council's next one in the record (no earlier than 2018, when
# focused visits began), marked inferred (ingest/annotate/visit_between.py). Off = round 28 (the year stays empty).
ROUND29_VISIT_GAP = True
# Round 29 (years29): an undated page still without a year whose tally of single-framework inspections (a total and
# the grade counts or shares out of it) agrees, figure for figure, with the record's running count on one day takes
# that day's year, inferred (ingest/annotate/national_tally.py). Off = round 28 (the year stays empty).
ROUND29_SIF_TALLY = True
# Round 29 (shown29; docs/search.md "Round 29: the paragraph shown (branch shown29)"): which paragraph a result shows,
# read on the real page text. All are in the shared chooser (search/answer.py), so both backends get them; off =
# round 28.
# (B) a grade the question names only as what came before ("monitoring visit ... since the inadequate judgement",
# "slow progress after inadequate", "visits after the 2020 inadequate rating") is the background, not the answer: a
# question naming no other grade and no movement asks what the visit found, so it is read as a topic question and the
# paragraph restating the old grade no longer wins by stating it (`answer.background_grades`).
ROUND29_BACKGROUND_GRADE = True
# (O) a topic question's best-ranked paragraph that is not the opening gives way to the opening (paragraph 1, a
# sentence, not a headline) when the opening has more of the question's topic words: a real page's lede states the
# finding the question quotes, while a later paragraph ranks first by repeating some of its words.
ROUND29_OPENING_TOPIC = True
# (R) with (O): a topic question's best-ranked paragraph that is someone's reaction ("Councillor X said ...") gives way
# to an opening sentence that is no reaction with some topic word and at most one fewer than the reaction: the comment
# repeats the question's words, the lede states the finding. A saying verb after a finding noun and an aside of up to
# 60 characters ("the letter, addressed to <a director>, says") is the finding's, not a person's (40 before).
ROUND29_REACTION_OPENING = True
# Round 29 (sev29; docs/facets.md "Round 29: severity on real text (branch sev29)"). Off = round 28.
# (A) a grade said of a counted group of the settings an inspection looked at ("six settings were judged inadequate",
# "four of the seven homes are good", "too many providers judged inadequate") grades those settings, not the service:
# a sub-judgement (`severity.counted_settings`).
ROUND29_COUNTED_SETTINGS = True
# (C) a quotation that opens on a grade word and runs on past it with a noun ("at risk of “inadequate oversight
# and lasting harm”") quotes a phrase about a thing, not a grade: read as round 26's attributive adjective
# (`grade_roles.quoted_phrase`), in the grade statements and in round 27's last-resort fallback.
ROUND29_QUOTED_PHRASE = True
# (D) an inspection under way or about to start ("a full inspection is taking place", "will begin its inspection of
# the borough's services", "the inspection will commence on Monday") names no graded inspection, as one announced
# for next week already did: the record fills no grade from its dates (`record_grade.announces_inspection`).
# Fires on 3 design pages in 2 sets (j12, j30, v30: v30's headline announced the inspection, but the record fill
# reads the body, where "will begin its inspection" stands); changes j30 (right) and, with (C), v30 (right).
ROUND29_UNDER_WAY = True
# Round 29 second pass (shown29b; docs/search.md "Round 29: the paragraph shown, second pass"): how a paragraph says a
# judged area's grade, in the shared chooser (search/answer.py); off = the first pass.
# (F) an everyday grade word followed by "for" and a judged area ("outstanding for its care leavers", "good for the
# impact of leaders") is that area's grade: "for" no longer stops it being read as one.
ROUND29_GRADE_FOR_AREA = True
# (N) a judged area the question names is named in a paragraph by any of the names reports give it (the area patterns
# of search/understand.py: "leaders", "management" or "governance" for a question asking about leadership), not only
# by the question's own word.
ROUND29_AREA_NAMES = True
# Round 29 (recall29; docs/search.md "Round 29: recall (branch recall29)"): for a question naming one council and
# neither a year before 2013 nor "adequate" (search/query.crowded_least), the council's lift is one tier less on a
# paragraph filed under at least this many councils whose own words do not name it (a round-up's paragraph naming no
# council, filed under every council of its page): the council's own stories come before a page listing it among
# many. Chosen on crossval fold A among 4, 8, 12, 16 (12 drops the dev set under its test floor); fold B checked.
# 0 = off (round 28: every paragraph holding the council is lifted alike).
ROUND29_CROWDED_COUNCIL = 16
# Round 29 (roundup29; docs/facets.md "Round 29: round-up members (branch roundup29)"): a counted group of councils
# whose list names exactly that many ("the other three authorities graded inadequate overall are A, B and C", "none last
# year, against four now: A, B, C and D") gives each member the group's one grade, also over a member's grades of areas
# of the work only (counted_lists._exact_groups). Off = round 28's counted lists.
ROUND29_COUNTED_GROUP = True
# Round 29 (roundup29): a grade that is the adjective of a list of councils itself ("welcomes good-rated A and B",
# "slow work at 'inadequate' C, D and E": a "-rated" compound or a quoted grade right before a list of two or more)
# grades that list, not the councils named before it (list_grades.ADJECTIVE_TO_LIST). Off = round 28.
ROUND29_ADJECTIVE_LIST = True
# Round 29 (roundup29): a list item may open on the council's style without its "of" ("Camden, and Royal Borough
# Greenwich, are the first ..."): one list (places.council_groups). Off = round 28 (two groups).
ROUND29_BOROUGH_STYLE = True
# Round 30 (the lead): a question mark ending a word closes a question ("is Birmingham inadequate?"), so the query stays
# plain words with best match; only a "?" inside a word is a wildcard (search/query.drop_question_marks). Off = round
# 29: any "?" made the query strict syntax and a question typed with its mark found nothing.
ROUND30_QUESTION_MARK = True
# Round 30 (the lead): brackets written as prose ("children in care (CIC) missing", "Kent (2019) inadequate") are
# punctuation; they group only in a query with AND / OR / NOT, a +/- word or a field (search/query.drop_prose_brackets).
# Off = round 29: any bracket made the query strict syntax, every word required and no synonyms.
ROUND30_PROSE_BRACKETS = True
# Round 30 (shown30; docs/search.md "Round 30: the paragraph shown (branch shown30)"): which paragraph a result shows,
# read on the real page text, in the shared chooser (search/answer.py), so both backends get them. Off = round 29.
# (M) a movement question naming the grade it started from only as what came before ("rated good for the first time
# after inadequate in 2014", "good after years of inadequate ratings", "rated good in 2024 after requires improvement
# in 2019") asks the grade reached: the grade left is dropped from what it asks (no longer a grade stated, nor the
# grade left's extra point) and the question is read as one for the grade reached, so the paragraph retelling the old
# grade with its year no longer outscores the one stating the new grade. Round 29's (B) did this for a question
# naming no other grade and no movement.
ROUND30_BACKGROUND_MOVEMENT = True
# (C) a paragraph cut off in the page's text (a teaser ending mid-sentence, "... by the visiting inspectors after a"; a
# photo caption with its credit, "... rated good. Picture: <agency>") ranks with someone's reaction: below a complete
# paragraph answering alike, and as the best-ranked it does not end the search (`answer.cut_short`).
ROUND30_CUT_SHORT = True
# Round 30 (aasev30; docs/facets.md "Round 30: council and severity on the fresh set (branch aasev30)"). Off = round 29.
# A table of councils read row by row (ingest/annotate/table_rows.py): a row is a council's name filling a cell and one
# cell holding a grade word, else a children's score on the 2002-12 four-band scale (a cell saying so, or a figure
# under a header naming children, where the page names that scale); rows kept one per line between bars, tabs,
# dashes or semicolons, one cell per line between bar lines, or run together. Three or more rows make a table.
ROUND30_TABLE_ROWS = True
# Round 30 (aasev30): "once again" ("services have once again been rated outstanding", "once again judged inadequate")
# repeats a grade now: "once" there is not the past ("once rated good"), so the grade is read as current
# (grade_context._PAST_WORDS). Off = round 29 (the grade was dropped as a past one).
ROUND30_ONCE_AGAIN = True
# Round 30 (aasev30): a grade "for" an area whose list goes on to the overall judgement ("'inadequate' for the
# experiences of children in care and, also, for 'overall effectiveness'") is overall as well: not a sub-judgement
# (severity._OVERALL_TOO). Off = round 29.
ROUND30_OVERALL_TOO = True
# Round 30 (years30; docs/facets.md "Round 30: years on undated real pages (branch years30)"). Off = round 29.
# (A) an undated page counting a span of months or a year on from the judgement the record links it to ("nine months
# on from the damning inspection report", "almost a year on from a critical Ofsted report") takes the report's day
# plus the span, inferred, where its year was the judgement's own or empty (ingest/annotate/span_on.py).
ROUND30_SPAN_ON = True
# (C) an undated page's visit or inspection month without a year ("visited on 9 and 10 October") is placed on or
# after the latest month and year the page names; where that month and year is when a letter or report came out ("in
# a letter published 1 November 2019", "the judgement was published in April 2023"), the visit it reports came
# before it: the last such month on or before it (calendar.bare_inspection_month_year). Off = round 29 (after it).
ROUND30_REPORT_AFTER_VISIT = True
# (D) a grade the page places in a month "last year" ("judged the service as inadequate on every count in May last
# year") that picks one recorded report of the council (round 9's and round 27's anchor,
# own_event.year_after_last_year_anchor) dates the page the year after that report also where the record link chose
# another inspection by looser clues (an estimated month), not only where the page had no year; a printed or stated
# year is never touched (article._last_year_over_record). Off = round 29 (only an empty year).
ROUND30_LAST_YEAR_OVER_RECORD = True
# Round 30 (the lead): a query that is nothing but a council's name written with the words every council's name has
# ("Kingston upon Hull", "County of Herefordshire") also asks its own distinguishing word (hull), at half weight, where
# no other council's names have it (search/names.distinct_stem): a document's context holds only such words, so
# "County of Herefordshire" found nothing, "Kingston upon Hull" one paragraph (search/names.council_name_alone).
# Off = round 29.
ROUND30_COUNCIL_NAME_ALONE = True
# Round 31 (years31; docs/facets.md "Round 31: years from the record (branch years31)"). Off = round 30.
# (A) an undated page about a monitoring or focused visit (visits are not in the record, so its record link finds the
# judgement the visit follows) that tells whole years back to that judgement ("rated inadequate two years ago", "after
# two years of uncertainty", "progress over the last two years") is from the judgement's year plus the count,
# inferred; the judgement must carry the page's grade, stand through the counted year, and not be the page's own new
# report (ingest/annotate/years_ago.py, article._years_ago_anchor).
ROUND31_YEARS_AGO = True
# Round 31 (sev31; docs/facets.md "Round 31: severity on the real page (branch sev31)"). Off = round 30.
# (A) the report's voice as real pages print it, for round 22's "(N) a new inspection that dates the one before":
# the attribution after a quote ("..., said Ofsted", "said the report", "said inspectors") and the perfect tense
# ("Ofsted has concluded", "inspectors have found", "the report identified") name the new report as "Ofsted says"
# does (followed_inspection._REPORTS_INVERTED).
ROUND31_REPORT_VOICE = True
# (C) a visit counted or called the latest ("the inspectors' third visit", "the latest visit", "the second
# visit") is a monitoring visit as "monitoring visit" is, for round 22's "(V) a visit page that dates the inspection
# it follows": the record's grade of that inspection stands (followed_inspection._COUNTED_VISIT).
ROUND31_COUNTED_VISIT = True
# (D) a count's grade named by any verb that names a grade ("nine were classed 'good'", "30 were deemed 'adequate'",
# "six were classed as poor"), not only by round 7's grading verbs ("10 were rated good"): a tally of parts or
# councils, never one council's grade (grade_context._TALLY_NAMED).
ROUND31_TALLY_NAMING = True
# (E) a grade named with its rating noun before the earlier inspection that gave it ("an 'Inadequate' rating following
# the last two inspections", "a 'good' grade at its last inspection"), read as round 12's "rated inadequate at its
# previous inspection" is (grade_context._EARLIER_INSPECTION_AFTER_NOUN).
ROUND31_RATING_AT_EARLIER = True
# (F) the inspection of children's services as the subject of a finding ("the inspection of children's services at
# the borough found ...", "the report of its inspection of children's services finds") names the new full inspection a
# page reports, beside any visit it also tells of (visits._INSPECTION_FOUND, read in new_full_inspection).
ROUND31_INSPECTION_FOUND = True
# Round 31 (lists31; docs/facets.md "Round 31: round-up lists"). Off = round 30.
# A lead-in stating one overall grade and naming no council after it hands the grade to the bare list of councils in
# the sentence or lines that follow (lead_in_lists.py, read in attribution.attribute_grades): after a colon or dash
# any list ("the following councils were rated inadequate:" then "A, B, C and D"), a run of lists (one name a line)
# keeping it; after a counted group ("A is among six councils rated poor."), a list opened by "the others are" that
# names the rest of the group exactly.
ROUND31_LEAD_IN_LISTS = True
# Round 31 (shown31; docs/search.md "Round 31: fresh questions (branch shown31)"). Off = round 30.
# A question quoting a figure beside a grade ("pays £184,000 for outside help with its inadequate service", "inadequate
# with a backlog of 391 assessments", "requires improvement with 64 more social workers") asks for the paragraph
# holding the figure: the grade is where the council stands, the figure is the news. In the chooser
# (search/answer.py) a paragraph holding every quoted figure counts one more than stating the asked grade, in the
# grade's place; with the grade as well, one more than the grade alone, so a paragraph telling an asked change in full
# keeps its lead. A figure is an amount of money, a percentage or a number of two or more digits; not a year, a day of
# a month, an age, nor a count of councils or of grades ("13 councils", "31 excellent").
ROUND31_FIGURE_ASKED = True
# A topic question naming a visit ("Lambeth front door focused visit", "what did the monitoring visits find") counts
# one more topic word no query types: the visit told with its time ("a two-day monitoring visit in April", "its last
# monitoring visit ... last month"), the page's account of the visit, where the best-ranked paragraph speaks of a visit
# (search/topic.py, search/answer.py). A paragraph explaining what such visits are, or a standfirst, gives way to it.
ROUND31_VISIT_TOLD = True
# Round 31 (visit31; docs/facets.md "Round 31: visit pages (branch visit31)"). Off = round 30.
# (A) a page about monitoring (a monitoring visit, letter or report, or a counted visit "since" the judgement) that
# says the council's services were put, placed or went into special measures names the inadequate judgement its
# monitoring follows, as "judged inadequate" does for round 14 (record_grade._SPECIAL_MEASURES).
ROUND31_SPECIAL_MEASURES = True
# (C) an undated one-council page (not about a monitoring or focused visit) whose inspection the record links only by
# inference, and whose text gives that inspection's months "this year" ("the four-week visit in April and May this
# year"): when the months fit the linked inspection (its recorded months, else up to four months
# before its report in the report's year), the page dates the inspection it reports and the record gives its grade,
# inferred (record_grade._months_this_year).
ROUND31_THIS_YEAR_MONTHS = True
# Round 31 (provider31; docs/search.md "Round 31: questions about another provider (branch provider31)"). Off = round
# 30. A question naming another inspected provider (a children's or care home, a children's or family centre, a
# nursery, a school or academy, a fostering service or agency: search/provider.py) gives the grade it names to that
# provider: no council's overall grade is read from it, the council it names lifts nothing (its operator or place),
# and the provider's name is one phrase group ("children's home"), so "children's services" and "return home" do not
# make up for it.
ROUND31_PROVIDER = True
# Round 31 (the lead, after set ad's blind score: "Bucks County Council" found no council): the counties' customary
# short forms ("Bucks", "Herts", "Northants", "Notts", "Lancs", ...) name their council, with a capital, in pages and
# in questions (ingest/annotate/gazetteer.COUNTY_SHORT_FORMS). Off = before.
ROUND31_COUNTY_SHORT_FORMS = True
# Round 31 (listpage31; docs/search.md "Round 31: list pages and one-council questions (branch listpage31)"): for a
# question naming one council and asking for no set of councils (search/query.list_page_least), the council does not
# lift any paragraph of a document filed under at least this many councils (a list page: a national table of every
# council's scores), the row naming the council included; the page still ranks by its words. Chosen on crossval fold A
# against 20 (which also takes a 43-council written answer whose judges count it as a council's background: recall
# falls). 0 = off (round 30: every paragraph holding the council is lifted alike).
ROUND31_LIST_PAGE = 50
# Round 31 (the lead, after set ad's blind score): two more shapes of a date in a page's address, read as round 4's
# "/2019/08/" is: a day-first path (/24/08/2022/, council newsrooms) and a year then the month's whole name
# (/news-articles/2025/january/) (ingest/annotate/dates.url_date). Off = before.
ROUND31_URL_DATE_SHAPES = True

# Round 32 (the lead, on set ad after it joined the development sets): a grade named through a rating noun with an
# adjective or after "to" ("moved from an overall grade of 'inadequate' to 'requires improvement'", "have moved up to
# a grade of 'requires improvement'") is the grade left or reached, as round 23's "from a rating of" is
# (grade_context.left_behind, is_destination; movement.sentence_moves). Off = round 31.
ROUND32_RATING_NOUN_MOVES = True
# Round 32 (the lead): a council the inspectorate found something at ("Inspectors found an IT failure at North
# Yorkshire", "Ofsted inspected ... services in Slough", "at Leeds, where Ofsted said") is a subject of the page,
# graded or not; a sentence naming a home, school or other provider is about that setting (ingest/annotate/
# inspected_at.py). Off = round 31.
ROUND32_INSPECTED_AT = True
# Round 32 (the lead, after set ae's blind score): other councils' customary short forms and initials ("IoW", "H&F",
# "K&C", "South Glos", "Glos", "NE Lincs", "North Yorks", "E Sussex") name their council on pages and in questions,
# with a capital only, as round 31's county forms do (ingest/annotate/gazetteer.LOCAL_SHORT_FORMS). Off = before.
ROUND32_LOCAL_SHORT_FORMS = True
# Round 32 (the lead, on set ae after its score): "consistently good", quoted or not, is practice or an aim ("will not
# be consistently good for two years", "assessments are consistently good"), never a grade statement
# (severity.grade_statements). Off = before.
ROUND32_CONSISTENTLY = True
# Round 32 (the lead, on set af after its score): a quote the grade word opens and lower-case words close ("a 'good
# quality plan'") quotes a phrase, so the word is no quoted grade (`ROUND32_QUOTED_PHRASE`); "what 'good' looks like"
# names a standard, no council's grade (`ROUND32_WHAT_GOOD_LOOKS_LIKE`) (severity.grade_statements). Off = before.
ROUND32_QUOTED_PHRASE = True
ROUND32_WHAT_GOOD_LOOKS_LIKE = True
# Round 32 (the lead, on set ae after its score): a grade that a count of the judged areas got ("three out of the five
# areas inspected were graded 'good'") or that parts of the service have ("several 'good' aspects") is a sub-judgement
# (severity.counted_areas). Off = before.
ROUND32_COUNTED_AREAS = True
# Round 32 (the lead, on set ae after its score): an inspection dated through the areas or the work it looked at
# ("since the last inspection of these areas in May 2023") dates the graded inspection as "the inspection of
# children's services in July 2022" does (dated_standing._BETWEEN; read when the module loads). Off = before.
ROUND32_INSPECTED_AREAS = True
# Round 33 (on set af, development since round 33): a grade that ends a "since" clause with its year after it ("support
# has strengthened since it was rated as requiring improvement in 2024") is the standing grade from that year, as the
# undated since-clause is (round 9), not a past one (severity.grade_statements). Off = before.
ROUND33_SINCE_DATED = True
# Round 33 (on set af): a since-clause has a subject of its own, so the area named in the main clause is not what the
# grade ending the since-clause grades ("support for care leavers has strengthened since it was rated as requiring
# improvement in 2024": the council's grade) (severity.grades_an_area). Off = before.
ROUND33_SINCE_CLAUSE_AREA = True
# Round 33 (on set af): a judging sentence that places the page's event in a series ("the latest in a series of
# interventions which have seen commissioners appointed in A, B and C", "follows similar moves in ...") lists earlier
# cases to compare with; its councils are not made subjects as a judged list's members (judged_lists). Off = before.
ROUND33_PRECEDENT_LISTS = True
# Round 33 (on set af): a judgement the page says came "last summer" (spring, autumn, winter) is from the year before
# the page, as one that came "last year" (calendar.judged_last_year). Off = before.
ROUND33_LAST_SEASON = True
# Round 33 (on set af): a grade left by "one of which" or "two of them" (other councils the sentence named: "two other
# councils in a similar position, one of which has now moved out of 'inadequate'") is not the page's council's left
# grade, so it does not date the page's inspection (candidates.left_in_text). Off = before.
ROUND33_OTHERS_LEFT = True
# Round 33 (on set af): a council whose only grades on the page are sub-judgements naming child protection takes that
# grade as the overall one when the record holds its 2012-13 child protection inspection with it (child_protection.py;
# the CPI judged child protection alone). Off = before.
ROUND33_CPI_AREA = True
# Round 33 (measured over every labelled undated page): an October named without its day as the latest dated event is
# also told from after the turn of the year (ac16, ae08, d40: all three such pages are labelled the next year; none
# the October's year), as November and December are since round 19 (late_month.late_month_year). Off = before.
ROUND33_LATE_OCTOBER = True
# Round 33 (on set af's questions): the finding of an inspection the sentence dates by its year, told in a relative
# clause ("since the 2015 inspection, which found Stoke required improvement"), is an earlier grade in the page's
# history (movement.past_grades: grade_change and the grade a page left). Off = before.
ROUND33_DATED_FINDING = True
# Round 33 (on set ae's questions): areas joined by "and young people" / "and those" ("children in care and young
# people leaving care") are one list, and a list's grade given before it ("judged 'outstanding' for how children in
# care and young people leaving care get on") is each area's (areas._shared: the sub-judgements ranking reads). Off =
# before.
ROUND33_JOINED_AREAS = True
# Round 33 (measured over every labelled undated round-up): an undated page still without a year whose graded councils
# (two or more) were each given their grade in one and the same year, and only one, takes that year, inferred
# (roundup_year.py). Off = before.
ROUND33_ROUNDUP_YEAR = True
# Round 33 (on the fresh sets' sub-judgement misses, aa11 and ab23): a distant "overall" does not make a grade overall
# when the words between set them against each other ("but", "despite") or name an area of work after a comma
# ("Despite the poor overall score, the service's adoption department was rated 'Good'") (severity.says_overall).
# Off = before.
ROUND33_OVERALL_AREA = True
# Round 33: a grade "N years prior" / "N years earlier" after it is an earlier one standing only until a newer grade is
# stated, as "N years ago" is ("awarded 'outstanding' after it was given an 'inadequate' rating six years prior")
# (severity._PRIOR_AFTER). Off = before.
ROUND33_YEARS_PRIOR = True
# Round 33: a grade named as a purpose through a rating noun ("in order to achieve a judgement of 'good'") is an aim,
# not a grade held (aims._PURPOSE_NOUN). Off = before.
ROUND33_AIM_RATING_NOUN = True
# Round 33: a grade followed by a numbered heading naming an area of work ("Requires improvement 2.1 Adoption
# Performance": a report's judgement table pasted line by line) is a sub-judgement (severity.numbered_area). Off =
# before.
ROUND33_NUMBERED_AREAS = True
# Round 33: a council's name after a role and a first name ("council leader Simon Blackburn") is a person's surname, as
# after a title (person_names.is_surname). Off = before.
ROUND33_ROLE_NAMES = True
