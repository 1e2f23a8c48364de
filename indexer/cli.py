"""The `reportsearch` command line: a thin wrapper over the indexer library."""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import click

from . import settings
from .build import count_files, rebuild as build_index
from .extract import read_documents
from .facets import annotate
from .models import SearchRequest
from .search import IndexMissing, SearchIndex
from .lock import RebuildLocked
from .validate import IndexInvalid

INDEX_OPTION = click.option("--index", "index_dir", type=click.Path(file_okay=False, path_type=Path),
                            default=settings.DEFAULT_INDEX, show_default=True, help="Index folder.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Search Ofsted children's-services reports and news articles by council, year and grade.

    \b
    Quick start:
      reportsearch rebuild                 # index seeds/ into index/
      reportsearch search caseloads        # ranked paragraphs
      reportsearch serve                   # the web UI on http://127.0.0.1:5000
    """


@main.command()
@click.option("--source", "sources", multiple=True, type=click.Path(exists=True, path_type=Path),
              help="File or folder to index (repeatable). Default: seeds/.")
@INDEX_OPTION
@click.option("--quiet", is_flag=True, help="No progress bar.")
def rebuild(sources: tuple[Path, ...], index_dir: Path, quiet: bool) -> None:
    """Rebuild the index from folders of .txt, .md, .html and .pdf files.

    The new index is built beside the old one and switched in atomically, so a
    running server never sees a half-built index. Broken files are reported and skipped.

    \b
    Examples:
      reportsearch rebuild
      reportsearch rebuild --source ../shared/reports --index /tmp/reports-index
      reportsearch rebuild --source my_pdfs/ --source saved_pages/
    """
    source_list = list(sources) or [settings.DEFAULT_SOURCE]
    try:
        report = run_rebuild(source_list, index_dir, show_progress=not quiet)
    except IndexInvalid as exc:
        raise click.ClickException(f"rebuild failed, the previous index is still in use: {exc}") from exc
    except RebuildLocked as exc:
        raise click.ClickException(f"not rebuilding: {exc}") from exc
    click.echo(f"Indexed {report.documents} documents, {report.paragraphs} paragraphs in {report.seconds:.1f} s "
               f"({report.documents / max(report.seconds, 1e-6):.1f} documents/s, "
               f"{report.paragraphs / max(report.seconds, 1e-6):.0f} paragraphs/s) into {report.index_dir}")
    if report.skipped:
        click.echo(f"Skipped {len(report.skipped)} file(s):", err=True)
        for item in report.skipped:
            click.echo(f"  {item['path']!r}: {item['reason']}" if not item['path'].isprintable()
                       else f"  {item['path']}: {item['reason']}", err=True)
    if report.warnings:
        click.echo(f"{len(report.warnings)} warning(s), the files were indexed:", err=True)
        for item in report.warnings:
            click.echo(f"  {item['path']}: {item['reason']}", err=True)


def run_rebuild(sources: list[Path], index_dir: Path, show_progress: bool = True):
    """Rebuild with a progress bar that shows documents/s and paragraphs/s."""
    total = count_files(sources)
    started = time.perf_counter()
    if not show_progress or not total:
        return build_index(sources, index_dir)
    with click.progressbar(length=total, label="Indexing", file=sys.stderr, show_pos=True,
                           item_show_func=lambda s: s) as bar:
        state = {"docs": 0}

        def progress(doc, paragraphs: int) -> None:
            state["docs"] += 1
            elapsed = max(time.perf_counter() - started, 1e-6)
            bar.current_item = (f"{state['docs'] / elapsed:.1f} docs/s, {paragraphs / elapsed:.0f} paras/s  "
                                f"{Path(doc.path).name}")
            bar.update(1)

        return build_index(sources, index_dir, progress=progress)


@main.command()
@click.argument("query", nargs=-1)
@click.option("--council", multiple=True, help="Only these councils (repeatable, OR).")
@click.option("--year", type=int, multiple=True, help="Only these years (repeatable, OR).")
@click.option("--year-from", type=int, help="From this year.")
@click.option("--year-to", type=int, help="Up to this year.")
@click.option("--severity", multiple=True, type=click.Choice(settings.SEVERITY_ORDER, case_sensitive=False),
              help="Only these grades (repeatable, OR).")
@click.option("--sort", type=click.Choice(["relevance", "newest", "oldest"]), default="relevance", show_default=True)
@click.option("--limit", type=int, default=10, show_default=True, help="How many hits.")
@click.option("--all-paragraphs", is_flag=True, help="Do not collapse several hits of one document.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@INDEX_OPTION
def search(query, council, year, year_from, year_to, severity, sort, limit, all_paragraphs, as_json, index_dir):
    """Search the index: ranked paragraphs with the matched words highlighted.

    \b
    Examples:
      reportsearch search caseloads
      reportsearch search '"requires improvement to be good"' --council Medway
      reportsearch search exploitation --severity inadequate --year-from 2018 --json
    """
    req = SearchRequest(q=" ".join(query), council=list(council), year=list(year), year_from=year_from,
                        year_to=year_to, severity=[s.lower() for s in severity], sort=sort, per_page=limit,
                        collapse=not all_paragraphs)
    try:
        result = SearchIndex(index_dir).search(req)
    except IndexMissing as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        from .api import result_as_dict
        click.echo(json.dumps(result_as_dict(result), ensure_ascii=False, indent=2))
        return
    if result.message:
        click.secho(result.message, fg="yellow", err=True)
    click.echo(f"{_count(result.total, 'matching paragraph')} in {_count(result.total_docs, 'document')}")
    if result.suggestion:
        click.echo(f"Did you mean: {result.suggestion}")
    for rank, hit in enumerate(result.hits, 1):
        facets = " · ".join(x for x in ["; ".join(hit.council), str(hit.year or ""), "; ".join(hit.severity)] if x)
        click.secho(f"{rank}. {hit.title}", bold=True)
        click.echo(f"   {hit.doc_id} ¶{hit.paragraph}  [{facets}]  score {hit.score}")
        click.echo("   " + terminal_snippet(hit.snippet_html))
        if hit.more_in_doc:
            click.echo(f"   (+{hit.more_in_doc} more matching paragraphs in this document)")


def _count(n: int, word: str) -> str:
    """'1 document', '2 documents'."""
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def terminal_snippet(snippet_html: str) -> str:
    """Turn <mark> highlights into terminal bold/underline and unescape the rest."""
    import html
    import re

    parts = re.split(r"(<mark[^>]*>.*?</mark>)", snippet_html)
    out = []
    for part in parts:
        if part.startswith("<mark"):
            out.append(click.style(html.unescape(re.sub(r"<[^>]+>", "", part)), bold=True, underline=True))
        else:
            out.append(html.unescape(re.sub(r"<[^>]+>", "", part)))
    return "".join(out)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per document per line.")
def extract(paths: tuple[Path, ...], as_json: bool) -> None:
    """Show what the indexer sees in files, without indexing them.

    \b
    Examples:
      reportsearch extract seeds/003_daed07e52103bff4.txt
      reportsearch extract ../shared/reports --json > extracted.jsonl
    """
    for doc in read_documents(list(paths)):
        if not doc.error:
            annotate(doc)
        if as_json:
            click.echo(json.dumps(doc.as_dict(), ensure_ascii=False, default=str))
            continue
        if doc.error:
            click.secho(f"{doc.path}: SKIPPED: {doc.error}", fg="red")
            continue
        click.secho(f"== {doc.path}", bold=True)
        click.echo(f"title: {doc.title}\ncouncil: {', '.join(doc.council) or '-'}  year: {doc.year or '-'}  "
                   f"severity: {', '.join(doc.severity) or '-'}")
        for para in doc.paragraphs:
            head = f" [{para.heading}]" if para.heading else ""
            click.echo(f"  {para.n:3d}{head} {para.text}")


@main.command()
@INDEX_OPTION
@click.option("--json", "as_json", is_flag=True)
def stats(index_dir: Path, as_json: bool) -> None:
    """What is indexed: documents, paragraphs, facet values, when and from where it was built.

    \b
    Example:
      reportsearch stats --json
    """
    try:
        info = SearchIndex(index_dir).stats()
    except IndexMissing as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(info, ensure_ascii=False, indent=2))
        return
    click.echo(f"{info['documents']} documents, {info['paragraphs']} paragraphs; built {info['built_at']} from "
               f"{', '.join(info['sources'])}")
    for facet, values in info["facets"].items():
        shown = ", ".join(f"{v} ({n})" for v, n in list(values.items())[:15])
        click.echo(f"  {facet}: {shown}{' …' if len(values) > 15 else ''}")
    for item in info["skipped"]:
        click.echo(f"  skipped {item['path']}: {item['reason']}")


@main.command()
@click.option("--manifest", type=click.Path(exists=True, dir_okay=False, path_type=Path), required=True,
              help="CSV with file,council,la_code,publication_date,overall_grade columns.")
@click.option("--json", "as_json", is_flag=True, help="Print the full report as JSON.")
def evaluate(manifest: Path, as_json: bool) -> None:
    """Measure facet accuracy against a manifest of official facts; list every miss with its evidence.

    \b
    Example:
      reportsearch evaluate --manifest ../shared/reports/manifest.csv
    """
    from .evaluate import evaluate_manifest, format_report

    report = evaluate_manifest(manifest)
    click.echo(json.dumps(report, ensure_ascii=False, indent=2, default=str) if as_json else format_report(report))


@main.command()
@click.option("--source", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=settings.SHARED_DIR / "reports", show_default=True, help="Folder of documents to measure on.")
@click.option("--paragraphs", "target", type=int, default=100_000, show_default=True,
              help="Scale the index to about this many paragraphs by repeating the corpus.")
@click.option("--rounds", type=int, default=5, show_default=True, help="Warm repetitions per query.")
@click.option("--compare-pdf/--no-compare-pdf", default=False, help="Also time pypdf against pypdfium2.")
@click.option("--json", "as_json", is_flag=True)
def benchmark(source: Path, target: int, rounds: int, compare_pdf: bool, as_json: bool) -> None:
    """Measure extraction, build speed and search latency (p50/p95) at a given index size.

    \b
    Examples:
      reportsearch benchmark --paragraphs 100000
      reportsearch benchmark --source ../shared/reports --paragraphs 20000 --compare-pdf
    """
    from .benchmark import format_result, run

    result = run(source, target, rounds, compare_pdf)
    click.echo(json.dumps(result, indent=2) if as_json else format_result(result))


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@INDEX_OPTION
@click.option("--source", type=click.Path(path_type=Path), default=settings.DEFAULT_SOURCE, show_default=True,
              help="Folder to build from when there is no index yet.")
@click.option("--threads", default=8, show_default=True, type=int)
def serve(host: str, port: int, index_dir: Path, source: Path, threads: int) -> None:
    """Serve the web UI with waitress, building the index from seeds/ first if there is none.

    \b
    Example:
      reportsearch serve --port 8080
    """
    import waitress

    from webui import create_app

    if not SearchIndex(index_dir).exists():
        click.echo(f"No index at {index_dir}: building it from {source} …")
        run_rebuild([source], index_dir)
    app = create_app({"INDEX_DIR": str(index_dir)})
    click.echo(f"Serving on http://{host}:{port}/  (Ctrl+C to stop)")
    waitress.serve(app, host=host, port=port, threads=threads)


if __name__ == "__main__":
    main()
