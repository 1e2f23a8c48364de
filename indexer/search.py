"""The only module that talks to Whoosh at query time: search, facet counts, documents, stats."""
from __future__ import annotations

import json
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from whoosh import index as whoosh_index, query as wq
from whoosh.qparser import MultifieldParser, OrGroup, FieldsPlugin, WildcardPlugin, PhrasePlugin

from . import settings
from .build import current_generation, read_build_info
from .limits import check_expansions, cut_query, words_to_correct
from .models import FacetValue, Hit, SearchRequest, SearchResult
from .ranking import FieldStats, TermPostings, best_first, bm25f
from .schema import as_text, split_facet
from .snippets import MATCH_FIELDS, QueryMarks, mark, query_marks
from .spelling import Speller

# A hit must contain the words in its text or section heading (MATCH_FIELDS); a matching title only lifts its rank.
KEYWORD_FACETS = ("council", "severity", *settings.SUBJUDGEMENT_FIELDS)
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]{3,}")


class IndexMissing(FileNotFoundError):
    """There is no built index at the given folder."""


@dataclass
class _Generation:
    """One opened index generation with its searcher and cached per-paragraph facet arrays."""

    path: Path
    ix: object
    main_searcher: object
    doc_ids: np.ndarray          # docnum -> document index
    doc_names: list[str]         # document index -> doc_id
    years: np.ndarray            # docnum -> year (0 = unknown)
    dates: np.ndarray            # docnum -> yyyymmdd sort key (0 = unknown)
    para_n: np.ndarray           # docnum -> paragraph number
    title_terms: list[frozenset]  # document index -> analysed title words
    field_stats: dict[str, FieldStats]  # text/heading lengths for BM25F
    postings: dict[str, dict[str, np.ndarray]]  # facet -> value -> sorted docnums
    info: dict
    speller: Speller
    mask_cache: OrderedDict = field(default_factory=OrderedDict)
    term_cache: OrderedDict = field(default_factory=OrderedDict)
    cache_lock: threading.Lock = field(default_factory=threading.Lock)
    local: threading.local = field(default_factory=threading.local)

    @property
    def searcher(self):
        """This thread's searcher: Whoosh searchers are not meant to be shared between threads."""
        searcher = getattr(self.local, "searcher", None)
        if searcher is None:
            searcher = self.local.searcher = self.ix.searcher()
        return searcher

    @property
    def size(self) -> int:
        """Number of paragraphs."""
        return len(self.years)


def _load_generation(path: Path) -> _Generation:
    """Open a generation and cache the arrays facet counting needs."""
    ix = whoosh_index.open_dir(str(path))
    searcher = ix.searcher()
    reader = searcher.reader()
    size = reader.doc_count_all()
    years = _int_column(reader, "year", size).astype(np.int32)
    doc_column = reader.column_reader("doc_id")
    names: dict[str, int] = {}
    doc_ids = np.zeros(size, dtype=np.int32)
    for i in range(size):
        doc_ids[i] = names.setdefault(as_text(doc_column[i]), len(names))
    postings: dict[str, dict[str, np.ndarray]] = {}
    for facet in KEYWORD_FACETS:
        values: dict[str, np.ndarray] = {}
        if facet in reader.indexed_field_names():
            for term in reader.lexicon(facet):
                values[as_text(term)] = np.fromiter(reader.postings(facet, term).all_ids(), dtype=np.int32)
        postings[facet] = values
    dates = _int_column(reader, "date_sort", size)
    para_n = _int_column(reader, "n", size)
    return _Generation(path, ix, searcher, doc_ids, list(names), years, dates, para_n,
                       _title_terms(searcher, doc_ids, len(names)), _field_stats(reader, size), postings,
                       read_build_info(path), Speller.load(path))


def _field_stats(reader, size: int) -> dict[str, FieldStats]:
    """Paragraph lengths of the fields hits are scored on."""
    boosts = {"text": 1.0, "heading": settings.HEADING_BOOST}
    out = {}
    for name in MATCH_FIELDS:
        lengths = np.fromiter((reader.doc_field_length(i, name, 0) or 0 for i in range(size)), dtype=np.float32,
                              count=size)
        out[name] = FieldStats(lengths, float(lengths.mean()) if size else 0.0, boosts[name])
    return out


def _title_terms(searcher, doc_ids: np.ndarray, count: int) -> list[frozenset]:
    """Each document's analysed title words, for the title boost."""
    analyzer = searcher.schema["title"].analyzer
    _, first = np.unique(doc_ids, return_index=True)
    out: list[frozenset] = [frozenset()] * count
    for docnum in first:
        title = searcher.stored_fields(int(docnum)).get("title", "")
        out[doc_ids[docnum]] = frozenset(t.text for t in analyzer(title))
    return out


def _int_column(reader, name: str, size: int) -> np.ndarray:
    """A sortable NUMERIC column as an int64 array (unset values become 0)."""
    column = reader.column_reader(name)
    values = np.fromiter((int(column[i] or 0) for i in range(size)), dtype=np.int64, count=size)
    values[(values < 0) | (values > 10**9)] = 0  # unset NUMERIC columns read back as a sentinel
    return values


class SearchIndex:
    """A handle on an index folder that follows its CURRENT generation and serves searches."""

    def __init__(self, index_dir: Path | str = settings.DEFAULT_INDEX):
        self.index_dir = Path(index_dir)
        self._lock = threading.Lock()
        self._gen: _Generation | None = None

    # --- generations -------------------------------------------------------------------------
    def generation(self) -> _Generation:
        """The open generation, reopened when a rebuild has switched CURRENT."""
        path = current_generation(self.index_dir)
        if path is None:
            raise IndexMissing(f"no index at {self.index_dir}: run `reportsearch rebuild` first")
        gen = self._gen
        if gen is None or gen.path != path:
            with self._lock:
                if self._gen is None or self._gen.path != path:
                    # The old generation is left to the garbage collector: requests may still be using it.
                    self._gen = _load_generation(path)
                gen = self._gen
        return gen

    def exists(self) -> bool:
        """True when a built index is there."""
        return current_generation(self.index_dir) is not None

    # --- query parsing -----------------------------------------------------------------------
    def parse(self, gen: _Generation, text: str) -> tuple[wq.Query | None, str | None]:
        """Parse user syntax; on trouble fall back to plain words and say so."""
        message = None
        if len(text) > settings.MAX_QUERY_CHARS:
            text = text[: settings.MAX_QUERY_CHARS]
            message = f"Your query was longer than {settings.MAX_QUERY_CHARS} characters and was shortened."
        if not text.strip():
            return None, message
        parser = MultifieldParser(list(MATCH_FIELDS), gen.ix.schema)
        try:
            if text.count('"') % 2:
                raise ValueError("an unclosed quotation mark")
            parsed = parser.parse(text)
            parsed = self._normalise_facet_terms(gen, parsed)
            check_expansions(parsed, gen.searcher.reader())
            if _is_empty(parsed):
                raise ValueError("nothing searchable")
        except Exception as exc:  # noqa: BLE001 - any syntax trouble becomes a message, never a 500
            words = re.findall(r"\w+", text)
            plain = MultifieldParser(list(MATCH_FIELDS), gen.ix.schema, group=OrGroup)
            plain.remove_plugin_class(FieldsPlugin)
            plain.remove_plugin_class(WildcardPlugin)
            plain.remove_plugin_class(PhrasePlugin)
            parsed = plain.parse(" ".join(words)) if words else None
            reason = str(exc) if isinstance(exc, ValueError) else "syntax the search could not read"
            message = (f"Could not read the query as written ({reason}); showing results for the words "
                       f"“{' '.join(words[:20])}”. See the syntax help.")
        return parsed, message

    def _normalise_facet_terms(self, gen: _Generation, q: wq.Query) -> wq.Query:
        """Match `council:medway` and `council:"isle of wight"` to the stored spelling."""
        def fix(node: wq.Query) -> wq.Query:
            field = getattr(node, "fieldname", None)
            if field in KEYWORD_FACETS:
                if isinstance(node, wq.Phrase):
                    wanted = " ".join(node.words)
                elif isinstance(node, wq.Term):
                    wanted = str(node.text)
                else:
                    return node
                for value in gen.postings.get(field, {}):
                    if value.lower() == wanted.lower():
                        return wq.Term(field, value)
                return wq.Term(field, wanted)
            return node.apply(fix) if hasattr(node, "apply") else node
        return fix(q)

    # --- matching and facets -----------------------------------------------------------------
    def _match_mask(self, gen: _Generation, q: wq.Query | None) -> np.ndarray:
        """Boolean mask of paragraphs matching the query, cached per generation (facet clicks reuse it)."""
        key = repr(q)
        with gen.cache_lock:
            cached = gen.mask_cache.get(key)
            if cached is not None:
                gen.mask_cache.move_to_end(key)
                return cached
        mask = self._compute_match_mask(gen, q)
        mask.setflags(write=False)
        with gen.cache_lock:
            gen.mask_cache[key] = mask
            if len(gen.mask_cache) > settings.QUERY_CACHE_SIZE:
                gen.mask_cache.popitem(last=False)
        return mask

    def _compute_match_mask(self, gen: _Generation, q: wq.Query | None) -> np.ndarray:
        """Boolean mask of paragraphs matching the query (all paragraphs for an empty query).

        Terms, AND, OR and NOT are combined in numpy from the cached posting arrays the ranking uses
        anyway; anything else (phrases, wildcards, ranges) is matched by Whoosh.
        """
        if q is None:
            return np.ones(gen.size, dtype=bool)
        if isinstance(q, wq.Term) and q.fieldname in MATCH_FIELDS:
            mask = np.zeros(gen.size, dtype=bool)
            mask[self._term_postings(gen, q.fieldname, as_text(q.text)).docnums] = True
            return mask
        if isinstance(q, wq.PatternQuery) and q.fieldname in MATCH_FIELDS:
            return _expanded_mask(gen, q)  # Whoosh's union of hundreds of matchers takes seconds
        if isinstance(q, wq.Term) and q.fieldname in KEYWORD_FACETS:
            mask = np.zeros(gen.size, dtype=bool)
            ids = gen.postings.get(q.fieldname, {}).get(as_text(q.text))
            if ids is not None:
                mask[ids] = True
            return mask
        if isinstance(q, wq.Not):
            return ~self._compute_match_mask(gen, q.query)
        if isinstance(q, wq.AndNot):
            return self._compute_match_mask(gen, q.a) & ~self._compute_match_mask(gen, q.b)
        if type(q) in (wq.And, wq.Or) and q.subqueries:
            masks = [self._compute_match_mask(gen, sub) for sub in q.subqueries]
            combine = np.logical_and if isinstance(q, wq.And) else np.logical_or
            return combine.reduce(masks)
        mask = np.zeros(gen.size, dtype=bool)
        matcher = q.matcher(gen.searcher)
        if matcher.is_active():
            mask[np.fromiter(matcher.all_ids(), dtype=np.int64)] = True
        return mask

    def _value_mask(self, gen: _Generation, facet: str, values: list[str]) -> np.ndarray | None:
        """Paragraphs having any of the values (OR within a facet); None when nothing is selected."""
        if not values:
            return None
        mask = np.zeros(gen.size, dtype=bool)
        for value in values:
            ids = gen.postings.get(facet, {}).get(value)
            if ids is not None:
                mask[ids] = True
        return mask

    def _year_mask(self, gen: _Generation, req: SearchRequest) -> np.ndarray | None:
        """Paragraphs in the selected years or year range."""
        if not req.year and req.year_from is None and req.year_to is None:
            return None
        mask = np.ones(gen.size, dtype=bool)
        if req.year:
            mask &= np.isin(gen.years, np.array(req.year, dtype=np.int32))
        if req.year_from is not None:
            mask &= gen.years >= req.year_from
        if req.year_to is not None:
            mask &= (gen.years <= req.year_to) & (gen.years > 0)
        return mask

    @staticmethod
    def _combine(base: np.ndarray, masks: list[np.ndarray | None]) -> np.ndarray:
        """AND of a base mask and the given optional masks."""
        out = base.copy()
        for mask in masks:
            if mask is not None:
                out &= mask
        return out

    def _keyword_facet(self, gen: _Generation, facet: str, within: np.ndarray, selected: list[str]) -> list[FacetValue]:
        """Counts per value among `within`, sorted by count; selected values always listed."""
        values = []
        for value, ids in gen.postings.get(facet, {}).items():
            count = int(np.count_nonzero(within[ids]))
            if count or value in selected:
                values.append(FacetValue(value=value, count=count, selected=value in selected))
        if facet == "severity":
            order = {v: i for i, v in enumerate(settings.SEVERITY_ORDER)}
            values.sort(key=lambda v: order.get(v.value, 99))
        else:
            values.sort(key=lambda v: (-v.count, v.value))
        return values

    def _year_facet(self, gen: _Generation, within: np.ndarray, selected: list[int]) -> list[FacetValue]:
        """Counts per year among `within`, newest first."""
        years = gen.years[within]
        years = years[years > 0]
        counts = np.bincount(years - years.min()) if years.size else np.zeros(0, dtype=np.int64)
        out = [FacetValue(value=str(int(years.min()) + i), count=int(c), selected=(int(years.min()) + i) in selected)
               for i, c in enumerate(counts) if c]
        for year in selected:
            if str(year) not in {v.value for v in out}:
                out.append(FacetValue(value=str(year), count=0, selected=True))
        return sorted(out, key=lambda v: v.value, reverse=True)

    # --- the search ----------------------------------------------------------------------------
    def _selection(self, gen: _Generation, req: SearchRequest):
        """The parsed query, its match mask, each facet's selection mask and their AND."""
        q, message = self.parse(gen, req.q)
        matched = self._match_mask(gen, q)
        masks = {
            "council": self._value_mask(gen, "council", req.council),
            "severity": self._value_mask(gen, "severity", req.severity),
            "year": self._year_mask(gen, req),
        }
        return q, message, matched, masks, self._combine(matched, list(masks.values()))

    def search(self, req: SearchRequest) -> SearchResult:
        """Run a search: ranked, collapsed hits for one page, honest facet counts, a suggestion."""
        gen = self.generation()
        q, message, matched, masks, final = self._selection(gen, req)
        # Each facet's counts ignore that facet's own selection, so unselected values keep honest counts.
        facets = {
            "council": self._keyword_facet(gen, "council", self._combine(matched, [masks["severity"], masks["year"]]),
                                           req.council),
            "severity": self._keyword_facet(gen, "severity",
                                            self._combine(matched, [masks["council"], masks["year"]]), req.severity),
            "year": self._year_facet(gen, self._combine(matched, [masks["council"], masks["severity"]]), req.year),
        }
        for facet in settings.SUBJUDGEMENT_FIELDS:
            values = self._keyword_facet(gen, facet, final, [])
            if values:
                facets[facet] = values
        year_counts = self._year_facet(gen, final, [])
        hits, total_docs = self._ranked_hits(gen, q, final, req)
        suggestion = self.suggest(gen, req.q) if req.q and (not hits or len(hits) < 3) else None
        return SearchResult(request=req, total=int(final.sum()), total_docs=total_docs, hits=hits, facets=facets,
                            suggestion=suggestion, message=message,
                            year_histogram=sorted((int(v.value), v.count) for v in year_counts))

    def _ranked_docnums(self, gen: _Generation, q: wq.Query | None, marks: QueryMarks, final: np.ndarray,
                        req: SearchRequest, wanted: int) -> tuple[list[int] | np.ndarray, dict]:
        """The first `wanted` matching docnums in the requested order, with relevance scores when ranked."""
        if req.sort in ("newest", "oldest") or q is None:
            return self._by_date(gen, final, newest=req.sort != "oldest", collapse=req.collapse)[:wanted], {}
        # Whoosh decided what matches (the mask); ranking is BM25F in numpy over cached postings.
        words = marks.words | {w for phrase in marks.phrases for w in phrase}
        scores = bm25f(gen.size, [(self._term_postings(gen, f, w), gen.field_stats[f])
                                  for w in sorted(words) for f in MATCH_FIELDS])
        # The title boost: a paragraph whose document title shares the query's words ranks higher.
        title_hit = np.fromiter((bool(t & words) for t in gen.title_terms), dtype=bool, count=len(gen.title_terms))
        scores *= np.where(title_hit[gen.doc_ids], 1.0 + settings.TITLE_MATCH_BONUS, 1.0).astype(np.float32)
        candidates = np.flatnonzero(final)
        ranked = best_first(candidates, scores[candidates], gen.doc_ids, wanted, req.collapse)
        return ranked, {int(d): float(scores[d]) for d in ranked}

    def _term_postings(self, gen: _Generation, fieldname: str, word: str) -> TermPostings:
        """A term's paragraphs and frequencies as arrays, cached per generation."""
        key = (fieldname, word)
        with gen.cache_lock:
            cached = gen.term_cache.get(key)
            if cached is not None:
                gen.term_cache.move_to_end(key)
                return cached
        postings = _read_postings(gen.searcher.reader(), fieldname, word.encode("utf-8"))
        with gen.cache_lock:
            gen.term_cache[key] = postings
            if len(gen.term_cache) > settings.TERM_CACHE_SIZE:
                gen.term_cache.popitem(last=False)
        return postings

    def _ranked_hits(self, gen: _Generation, q: wq.Query | None, final: np.ndarray,
                     req: SearchRequest) -> tuple[list[Hit], int]:
        """Rank, then score and highlight only the page shown: best paragraph per document when collapsing."""
        per_doc = np.bincount(gen.doc_ids[final], minlength=len(gen.doc_names))
        total_docs = int(np.count_nonzero(per_doc))
        if not final.any():
            return [], total_docs
        wanted = req.page * req.per_page
        marks = query_marks(q, gen.searcher.reader())
        ranked, scores = self._ranked_docnums(gen, q, marks, final, req, wanted)
        analyzer = gen.ix.schema["text"].analyzer
        hits = []
        for docnum in ranked[(req.page - 1) * req.per_page: wanted]:
            fields_ = gen.searcher.stored_fields(int(docnum))
            doc_index = gen.doc_ids[docnum]
            others: list[int] = []
            if req.collapse and per_doc[doc_index] > 1:
                same_doc = np.flatnonzero(final & (gen.doc_ids == doc_index))
                others = sorted(int(gen.para_n[d]) for d in same_doc[:100] if d != docnum)
            hits.append(Hit(
                doc_id=fields_["doc_id"], paragraph=int(fields_["n"]), title=fields_.get("title", ""),
                url=fields_.get("url", ""), council=_split(fields_.get("council")), year=fields_.get("year") or None,
                severity=_split(fields_.get("severity")), heading=fields_.get("heading", ""),
                snippet_html=mark(fields_.get("text", ""), marks, analyzer),
                score=round(scores.get(int(docnum), 0.0), 4),
                more_in_doc=int(per_doc[doc_index]) - 1 if req.collapse else 0, other_paragraphs=others))
        return hits, total_docs

    @staticmethod
    def _by_date(gen: _Generation, final: np.ndarray, newest: bool, collapse: bool) -> np.ndarray:
        """Matching docnums ordered by date (then document, then paragraph), one per document when collapsing."""
        docnums = np.flatnonzero(final)
        dates = gen.dates[docnums]
        # Undated paragraphs go last either way.
        primary = np.where(dates > 0, -dates if newest else dates, np.iinfo(np.int64).max)
        order = np.lexsort((gen.para_n[docnums], gen.doc_ids[docnums], primary))
        ordered = docnums[order]
        if collapse:
            _, first = np.unique(gen.doc_ids[ordered], return_index=True)
            ordered = ordered[np.sort(first)]
        return ordered

    # --- spelling ------------------------------------------------------------------------------
    def suggest(self, gen: _Generation, text: str) -> str | None:
        """'Did you mean': correct unknown raw words against the unstemmed word list."""
        changed = False
        out = text
        for word in words_to_correct(_WORD_RE.findall(cut_query(text))):
            lower = word.lower()
            if ":" in word or gen.speller.known(lower):
                continue
            option = gen.speller.suggest(lower)
            if option:
                out = re.sub(rf"\b{re.escape(word)}\b", option, out)
                changed = True
        return out if changed else None

    def search_count(self, text: str) -> int:
        """How many paragraphs match a query (no filters)."""
        gen = self.generation()
        q, _ = self.parse(gen, text)
        return int(self._match_mask(gen, q).sum())

    # --- documents and stats -------------------------------------------------------------------
    def document(self, doc_id: str) -> dict | None:
        """A whole document: its metadata and numbered paragraphs with headings."""
        gen = self.generation()
        rows = sorted((dict(f) for f in gen.searcher.documents(doc_id=doc_id)), key=lambda f: f["n"])
        if not rows:
            return None
        first = rows[0]
        return {
            "doc_id": doc_id, "title": first.get("title", ""), "url": first.get("url", ""),
            "path": first.get("path", ""), "kind": first.get("kind", ""), "published": first.get("published") or None,
            "year": first.get("year") or None, "severity": _split(first.get("severity")),
            "council": sorted({c for r in rows for c in _split(r.get("council"))}),
            "council_code": _split(first.get("council_code")),
            "subjudgements": {k: first[k] for k in settings.SUBJUDGEMENT_FIELDS if first.get(k)},
            "official_outcome": json.loads(first["outcome"]) if first.get("outcome") else None,
            "paragraphs": [{"n": r["n"], "heading": r.get("heading", ""), "text": r.get("text", ""),
                            "council": _split(r.get("council"))} for r in rows],
        }

    def matching_paragraphs(self, doc_id: str, text: str) -> tuple[list[int], dict[int, str]]:
        """Paragraph numbers in a document that match a query, and their highlighted HTML."""
        gen = self.generation()
        q, _ = self.parse(gen, text)
        if q is None:
            return [], {}
        in_doc = wq.Require(q, wq.Term("doc_id", doc_id))
        marks = query_marks(q, gen.searcher.reader())
        analyzer = gen.ix.schema["text"].analyzer
        marked = {}
        for docnum in in_doc.docs(gen.searcher):
            fields_ = gen.searcher.stored_fields(docnum)
            marked[int(fields_["n"])] = mark(fields_.get("text", ""), marks, analyzer, whole=True)
        return sorted(marked), marked

    def export_rows(self, req: SearchRequest, cap: int = settings.CSV_EXPORT_CAP) -> tuple[list[dict], int]:
        """Matching paragraphs (not collapsed, no snippets), ranked, up to `cap`, with their facets; and the total."""
        gen = self.generation()
        flat = SearchRequest(**{**req.__dict__, "page": 1, "collapse": False})
        q, _, _, _, final = self._selection(gen, flat)
        if not final.any():
            return [], 0
        ranked, scores = self._ranked_docnums(gen, q, query_marks(q, gen.searcher.reader()), final, flat, cap)
        rows = []
        for docnum in ranked:
            f = gen.searcher.stored_fields(int(docnum))
            rows.append({"doc_id": f["doc_id"], "paragraph": f["n"], "title": f.get("title", ""),
                         "url": f.get("url", ""), "council": "; ".join(_split(f.get("council"))),
                         "year": f.get("year") or "", "severity": "; ".join(_split(f.get("severity"))),
                         "heading": f.get("heading", ""), "text": f.get("text", ""),
                         "score": round(scores.get(int(docnum), 0.0), 4)})
        return rows, int(final.sum())

    def stats(self) -> dict:
        """What is indexed: counts, facet values, build time and sources."""
        gen = self.generation()
        facets = {facet: {v: int(len(ids)) for v, ids in sorted(gen.postings[facet].items(), key=lambda kv: -len(kv[1]))}
                  for facet in KEYWORD_FACETS if gen.postings.get(facet)}
        years, counts = np.unique(gen.years[gen.years > 0], return_counts=True)
        facets["year"] = {str(int(y)): int(c) for y, c in zip(years, counts)}
        return {"documents": len(gen.doc_names), "paragraphs": gen.size, "facets": facets,
                "built_at": gen.info.get("built_at"), "sources": gen.info.get("sources", []),
                "skipped": gen.info.get("skipped", []), "warnings": gen.info.get("warnings", []),
                "generation": gen.path.name,
                "index_dir": str(self.index_dir)}


_split = split_facet


def _read_postings(reader, fieldname: str, btext: bytes) -> TermPostings:
    """A term's docnums and frequencies, read a block at a time from each segment."""
    ids: list[np.ndarray] = []
    freqs: list[np.ndarray] = []
    for segment, offset in reader.leaf_readers():
        if (fieldname, btext) not in segment:
            continue
        matcher = segment.postings(fieldname, btext)
        try:
            # Whoosh's W3 block matcher keeps each block's ids and weights (= term frequencies) as arrays;
            # reading them whole is several times faster than stepping through postings one by one.
            while matcher.is_active():
                matcher._read_ids()
                matcher._read_weights()
                ids.append(np.asarray(matcher._ids, dtype=np.int64) + offset)
                freqs.append(np.asarray(matcher._weights, dtype=np.float32))
                matcher._next_block()
        except AttributeError:  # another codec: the public, slower way
            items = list(segment.postings(fieldname, btext).items_as("frequency"))
            ids.append(np.array([i for i, _ in items], dtype=np.int64) + offset)
            freqs.append(np.array([f for _, f in items], dtype=np.float32))
    if not ids:
        return TermPostings(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32))
    return TermPostings(np.concatenate(ids), np.concatenate(freqs))



def _expanded_mask(gen: _Generation, q: wq.Query) -> np.ndarray:
    """Paragraphs matching a wildcard or prefix: the union of its words' posting arrays (already capped in number)."""
    mask = np.zeros(gen.size, dtype=bool)
    reader = gen.searcher.reader()
    for btext in q._btexts(reader):
        mask[_read_postings(reader, q.fieldname, btext).docnums] = True
    return mask


def _is_empty(q: wq.Query) -> bool:
    """True for a parsed query with nothing to match."""
    return q is None or q is wq.NullQuery or isinstance(q, type(wq.NullQuery))
