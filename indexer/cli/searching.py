"""Commands that search: search (and --since), similar."""
from __future__ import annotations

import json
from pathlib import Path

import click

from indexer import settings
from indexer.search.present import run_search
from indexer.models import SearchRequest
from indexer.search.facets import FACETS, YearFacet
from indexer.backends import IndexMissing, SearchBackend
from indexer.cli.common import INDEX_OPTION, count, open_index, terminal_snippet
from indexer.features.councils import council_label

YEAR = click.IntRange(1, 9999)


def facet_options(command):
    """One repeatable option per facet of the registry (`--council`, `--severity`, `--year`, `--leadership` …)."""
    for facet in reversed(FACETS):
        if isinstance(facet, YearFacet):
            option = click.option(f"--{facet.name}", type=YEAR, multiple=True,
                                  help=f"Only these {facet.label.lower()}s (repeatable, OR).")
        elif facet.order:
            option = click.option(f"--{facet.name.replace('_', '-')}", facet.name, multiple=True,
                                  type=click.Choice(facet.order, case_sensitive=False),
                                  help=f"Only these {facet.label.lower()} grades (repeatable, OR)."
                                  + (f" A {facet.hint}." if facet.hint else ""))
        else:
            option = click.option(f"--{facet.name}", multiple=True,
                                  help=f"Only these {facet.label.lower()} values (repeatable, OR).")
        command = option(command)
    return command


def facet_request(req: SearchRequest, chosen: dict) -> SearchRequest:
    """The request with each facet's command-line values selected, read as the registry reads URL values."""
    for facet in FACETS:
        values = [str(v) for v in chosen.get(facet.name, ())]
        if values:
            req = facet.with_selection(req, facet.parse(values, []))
    return req


@click.command()
@click.argument("query", nargs=-1)
@facet_options
@click.option("--year-from", type=YEAR, help="From this year.")
@click.option("--year-to", type=YEAR, help="Up to this year.")
@click.option("--sort", type=click.Choice(["relevance", "newest", "oldest"]), default="relevance", show_default=True)
@click.option("--limit", type=click.IntRange(1, settings.CSV_EXPORT_CAP), default=10, show_default=True, help="How many hits.")
@click.option("--all-paragraphs", is_flag=True, help="Do not collapse several hits of one document.")
@click.option("--match", type=click.Choice(["best", "all"]), default="best", show_default=True,
              help="Plain words: best match (most of them), or every meaningful word.")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]),
              help="Alert mode: only documents dated on or after this day (YYYY-MM-DD), newest first.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@INDEX_OPTION
def search(query, year_from, year_to, sort, limit, all_paragraphs, match, since, as_json, index_dir, **facets):
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
    req = facet_request(SearchRequest(q=" ".join(query), year_from=year_from, year_to=year_to, sort=sort,
                                      per_page=limit, collapse=not all_paragraphs, match=match), facets)
    if since is not None:
        print_newest(open_index(index_dir), req, since.date(), limit, as_json)
        return
    try:
        result = run_search(open_index(index_dir), req)
    except IndexMissing as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        from indexer.search.api import result_as_dict
        click.echo(json.dumps(result_as_dict(result), ensure_ascii=False, indent=2))
        return
    if result.message:
        click.secho(result.message, fg="yellow", err=True)
    for note in result.not_indexed:
        click.secho(f"{note.message}: the results below are about other councils, grades or years.", fg="yellow")
    click.echo(f"{count(result.total, 'matching paragraph')} in {count(result.total_docs, 'document')}")
    info = result.match_info
    if info.get("mode") == "best" and info["all_words"] < result.total:
        click.echo(f"{count(info['all_words'], 'paragraph')} with all your words; best matches for at least "
                   f"{info['required']} of {info['of']} (--match all for only those)")
    if result.understood:
        click.echo("Filters you may mean: " + " · ".join(f"{u.facet.replace('_', ' ')} {council_label(u.value)}"
                                                         for u in result.understood))
    if spelling_line(result):
        click.echo(spelling_line(result))
    if result.hits:
        click.echo(ranking_line(req))
    for rank, hit in enumerate(result.hits, (req.page - 1) * req.per_page + 1):
        councils = "; ".join(council_label(c) for c in hit.council)
        facets = " · ".join(x for x in [councils, str(hit.year or ""), "; ".join(hit.severity)] if x)
        click.secho(f"{rank}. {hit.title}", bold=True)
        click.echo(f"   {hit.doc_id} ¶{hit.paragraph}  [{facets}]")
        click.echo("   " + terminal_snippet(hit.snippet_html))
        if hit.more_in_doc:
            click.echo(f"   (+{count(hit.more_in_doc, 'more matching paragraph')} in this document)")


def ranking_line(req: SearchRequest) -> str:
    """What the numbers mean: documents are ranked, each shown by its best paragraph (or paragraphs, or dates)."""
    if req.sort != "relevance":
        return f"Documents by date, {req.sort} first:" if req.collapse else f"Paragraphs by date, {req.sort} first:"
    if req.collapse:
        return "Documents ranked by relevance, each shown by its best-matching paragraph:"
    return "Paragraphs ranked by relevance:"


def spelling_line(result) -> str:
    """One line about spelling: the words also searched under a correction, and the corrected query."""
    from indexer.search.present import spelling_note

    if result.corrections:
        line = f"Also searched for {spelling_note(result.corrections)}"
        return line + (f" · only the corrected words: {result.suggestion}" if result.suggestion else "")
    return f"Did you mean: {result.suggestion}" if result.suggestion else ""


def print_newest(index: SearchBackend, req: SearchRequest, since, limit: int, as_json: bool) -> None:
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
    from indexer.backends import ParagraphMissing

    try:
        found = open_index(index_dir).similar(doc_id, paragraph, scope)
    except (IndexMissing, ParagraphMissing) as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(found.as_dict(), ensure_ascii=False, indent=2))
        return
    source = found.source
    click.secho(f"{doc_id} ¶{paragraph} [{'; '.join(source.council)}]: {source.text[:200]}", bold=True)
    click.echo(f"matched on: {', '.join(found.words) or '(no words found elsewhere)'}")
    for rank, r in enumerate(found.results, 1):
        click.secho(f"{rank}. {r.title}", bold=True)
        click.echo(f"   {r.doc_id} ¶{r.paragraph}  [{'; '.join(r.council)} · {r.year or '?'}]  score {r.score}")
        click.echo("   " + terminal_snippet(r.snippet_html))


COMMANDS = (search, similar)
