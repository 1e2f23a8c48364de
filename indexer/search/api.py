"""Plain-dict forms of search results, shared by the CLI's --json and the web API."""
from __future__ import annotations

from indexer.models import SearchResult
from indexer.search.facets import FACETS


def result_as_dict(result: SearchResult) -> dict:
    """The /search.json shape (the CLI's `search --json` prints the same)."""
    req = result.request
    return {
        "query": req.q,
        "total": result.total,
        "total_documents": result.total_docs,
        "page": req.page,
        "per_page": req.per_page,
        "sort": req.sort,
        "match_mode": req.match,
        "filters": {**{facet.name: facet.selected(req) for facet in FACETS},
                    "year_from": req.year_from, "year_to": req.year_to},
        "hits": [{"doc_id": h.doc_id, "paragraph": h.paragraph, "title": h.title, "url": h.url or None,
                  "council": h.council, "year": h.year, "severity": h.severity, "heading": h.heading,
                  "snippet": h.snippet_html, "score": h.score, "more_in_document": h.more_in_doc,
                  "year_confidence": h.year_confidence or None, "context_matched": h.context_matched,
                  "councils_matched": h.councils_matched}
                 for h in result.hits],
        "facets": {name: [{"value": v.value, "count": v.count, "selected": v.selected, "toggle_url": v.toggle_url}
                          for v in values]
                   for name, values in result.facets.items()},
        "suggestion": result.suggestion,
        "message": result.message,
        "match": result.match_info,
        "understood": [{"facet": u.facet, "value": u.value, "text": u.text, "selected": u.selected,
                        "toggle_url": u.toggle_url} for u in result.understood],
        "not_indexed": [n.as_dict() for n in result.not_indexed],
        "also_searched": [{"typed": t, "as": c} for t, c in result.corrections],
    }
