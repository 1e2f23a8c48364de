"""Commands that search: search (and --since), similar."""
from __future__ import annotations

import json
from pathlib import Path

import click

from .. import settings
from ..models import SearchRequest
from ..search import IndexMissing, SearchIndex
from .common import INDEX_OPTION, count, terminal_snippet

YEAR = click.IntRange(1, 9999)


@click.command()
@click.argument("query", nargs=-1)
@click.option("--council", multiple=True, help="Only these councils (repeatable, OR).")
@click.option("--year", type=YEAR, multiple=True, help="Only these years (repeatable, OR).")
@click.option("--year-from", type=YEAR, help="From this year.")
@click.option("--year-to", type=YEAR, help="Up to this year.")
@click.option("--severity", multiple=True, type=click.Choice(settings.SEVERITY_ORDER, case_sensitive=False),
              help="Only these grades (repeatable, OR).")
@click.option("--sort", type=click.Choice(["relevance", "newest", "oldest"]), default="relevance", show_default=True)
@click.option("--limit", type=click.IntRange(1, settings.CSV_EXPORT_CAP), default=10, show_default=True, help="How many hits.")
@click.option("--all-paragraphs", is_flag=True, help="Do not collapse several hits of one document.")
@click.option("--match", type=click.Choice(["best", "all"]), default="best", show_default=True,
              help="Plain words: best match (most of them), or every meaningful word.")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]),
              help="Alert mode: only documents dated on or after this day (YYYY-MM-DD), newest first.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@INDEX_OPTION
def search(query, council, year, year_from, year_to, severity, sort, limit, all_paragraphs, match, since, as_json,
           index_dir):
    """Search the index: ranked paragraphs with the matched words highlighted.

    \b
    Examples:
      reportsearch search caseloads
      reportsearch search social worker caseloads too high Ofsted inspection
      reportsearch search Birmingham inadequate 2014 --match all
      reportsearch search '"requires improvement to be good"' --council Medway
      reportsearch search exploitation --severity inadequate --year-from 2018 --json
      reportsearch search exploitation --since 2024-01-01      # what is new (same list as /search.atom)
    """
    req = SearchRequest(q=" ".join(query), council=list(council), year=list(year), year_from=year_from,
                        year_to=year_to, severity=[s.lower() for s in severity], sort=sort, per_page=limit,
                        collapse=not all_paragraphs, match=match)
    if since is not None:
        print_newest(SearchIndex(index_dir), req, since.date(), limit, as_json)
        return
    try:
        result = SearchIndex(index_dir).search(req)
    except IndexMissing as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        from ..api import result_as_dict
        click.echo(json.dumps(result_as_dict(result), ensure_ascii=False, indent=2))
        return
    if result.message:
        click.secho(result.message, fg="yellow", err=True)
    click.echo(f"{count(result.total, 'matching paragraph')} in {count(result.total_docs, 'document')}")
    info = result.match_info
    if info.get("mode") == "best" and info["all_words"] < result.total:
        click.echo(f"{count(info['all_words'], 'paragraph')} with all your words; best matches for at least "
                   f"{info['required']} of {info['of']} (--match all for only those)")
    if result.understood:
        click.echo("Filters you may mean: " + " · ".join(f"{u.facet.replace('_', ' ')} {u.value}"
                                                         for u in result.understood))
    if result.suggestion:
        click.echo(f"Did you mean: {result.suggestion}")
    for rank, hit in enumerate(result.hits, 1):
        facets = " · ".join(x for x in ["; ".join(hit.council), str(hit.year or ""), "; ".join(hit.severity)] if x)
        click.secho(f"{rank}. {hit.title}", bold=True)
        click.echo(f"   {hit.doc_id} ¶{hit.paragraph}  [{facets}]  score {hit.score}")
        click.echo("   " + terminal_snippet(hit.snippet_html))
        if hit.more_in_doc:
            click.echo(f"   (+{hit.more_in_doc} more matching paragraphs in this document)")


def print_newest(index: SearchIndex, req: SearchRequest, since, limit: int, as_json: bool) -> None:
    """Matching paragraphs of documents dated from `since`, newest first (the Atom feed's list)."""
    try:
        hits, total = index.newest(req, since=since, limit=limit)
    except IndexMissing as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps({"query": req.q, "since": since.isoformat(), "total": total,
                               "hits": [h.as_dict() for h in hits]}, ensure_ascii=False, indent=2))
        return
    click.echo(f"{count(total, 'matching paragraph')} in documents dated from {since.isoformat()}")
    for hit in hits:
        facets = " · ".join(x for x in ["; ".join(hit.council), "; ".join(hit.severity)] if x)
        click.secho(f"{hit.date.isoformat()}  {hit.title}", bold=True)
        click.echo(f"   {hit.doc_id} ¶{hit.paragraph}  [{facets}]")
        click.echo("   " + terminal_snippet(hit.snippet_html))


@click.command()
@click.argument("doc_id")
@click.argument("paragraph", type=click.IntRange(0, 10_000_000))
@click.option("--scope", type=click.Choice(["other-councils", "other-documents"]), default="other-councils",
              show_default=True, help="Leave out paragraphs about the same council, or only the same document.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (same shape as /similar.json).")
@INDEX_OPTION
def similar(doc_id: str, paragraph: int, scope: str, as_json: bool, index_dir: Path) -> None:
    """Paragraphs elsewhere like one paragraph (more-like-this over its most distinctive words).

    \b
    Examples:
      reportsearch similar report-002.pdf 16
      reportsearch similar 000_f098993525120d5e.txt 17 --scope other-documents --json
    """
    from ..search import ParagraphMissing

    try:
        found = SearchIndex(index_dir).similar(doc_id, paragraph, scope)
    except (IndexMissing, ParagraphMissing) as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps({**found, "results": [r.__dict__ for r in found["results"]]}, ensure_ascii=False,
                              indent=2))
        return
    source = found["source"]
    click.secho(f"{doc_id} ¶{paragraph} [{'; '.join(source['council'])}]: {source['text'][:200]}", bold=True)
    click.echo(f"matched on: {', '.join(found['words']) or '(no words found elsewhere)'}")
    for rank, r in enumerate(found["results"], 1):
        click.secho(f"{rank}. {r.title}", bold=True)
        click.echo(f"   {r.doc_id} ¶{r.paragraph}  [{'; '.join(r.council)} · {r.year or '?'}]  score {r.score}")
        click.echo("   " + terminal_snippet(r.snippet_html))


COMMANDS = (search, similar)
