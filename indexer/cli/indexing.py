"""Commands that build and inspect the index: rebuild, update, extract, stats."""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import click

from indexer import settings
from indexer.ingest.documents import load_documents
from indexer.ingest.extract import iter_sources
from indexer.backends import open_backend, open_writer
from indexer.contract import IndexBusy, IndexInvalid, IndexMissing
from indexer.cli.common import INDEX_OPTION
from indexer.cli.common import count


ALLOW_SHRINK = click.option("--allow-shrink", is_flag=True,
                            help="Replace the live index even when the new one holds under half its documents.")
FOLLOW_LINKS = click.option("--follow-links", is_flag=True,
                            help="Follow symbolic links that lead out of a source folder (reported and skipped "
                                 "otherwise).")


@click.command()
@click.option("--source", "sources", multiple=True, type=click.Path(exists=True, path_type=Path),
              help="File or folder to index (repeatable). Default: seeds/.")
@INDEX_OPTION
@click.option("--quiet", is_flag=True, help="No progress bar.")
@ALLOW_SHRINK
@FOLLOW_LINKS
def rebuild(sources: tuple[Path, ...], index_dir: Path, quiet: bool, allow_shrink: bool, follow_links: bool) -> None:
    """Rebuild the index from folders of .txt, .md, .html and .pdf files.

    The new index is built beside the old one and switched in atomically, so a
    running server never sees a half-built index. Broken files are reported and skipped.

    \b
    Examples:
      reportsearch rebuild
      reportsearch rebuild --source ../shared/reports --index /tmp/reports-index
      reportsearch rebuild --source my_pdfs/ --source saved_pages/
      reportsearch rebuild --source fewer_reports/ --allow-shrink   # on purpose: far fewer documents

    A new index holding under half the live one's documents (a wrong --source) is refused unless --allow-shrink.
    """
    source_list = list(sources) or [settings.default_source()]
    try:
        report = run_rebuild(source_list, index_dir, show_progress=not quiet, allow_shrink=allow_shrink,
                             follow_links=follow_links)
    except IndexInvalid as exc:
        raise click.ClickException(f"rebuild failed, the previous index is still in use: {exc}") from exc
    except IndexBusy as exc:
        raise click.ClickException(f"not rebuilding: {exc}") from exc
    click.echo(f"Indexed {count(report.documents, 'document')}, {count(report.paragraphs, 'paragraph')} in {report.seconds:.1f} s "
               f"({report.documents / max(report.seconds, 1e-6):.1f} documents/s, "
               f"{report.paragraphs / max(report.seconds, 1e-6):.0f} paragraphs/s) into {report.index_dir}")
    if report.skipped:
        click.echo(f"Skipped {count(len(report.skipped), 'file')}:", err=True)
        for item in report.skipped:
            click.echo(f"  {item['path']!r}: {item['reason']}" if not item['path'].isprintable()
                       else f"  {item['path']}: {item['reason']}", err=True)
    if report.warnings:
        click.echo(f"{count(len(report.warnings), 'warning')}, the files were indexed:", err=True)
        for item in report.warnings:
            click.echo(f"  {item['path']}: {item['reason']}", err=True)


@click.command()
@click.option("--source", "sources", multiple=True, type=click.Path(exists=True, path_type=Path),
              help="File or folder the index should reflect (repeatable). Default: seeds/.")
@INDEX_OPTION
@ALLOW_SHRINK
@FOLLOW_LINKS
def update(sources: tuple[Path, ...], index_dir: Path, allow_shrink: bool, follow_links: bool) -> None:
    """Index only new, changed and removed files (by path, size and modification time), then switch.

    Like `rebuild`, the new generation is validated and switched in atomically under the same lock; a
    folder without an index, or one built before updates existed, is rebuilt in full.

    \b
    Examples:
      reportsearch update --source ../shared/reports --index /tmp/reports-index
      reportsearch update --source my_pdfs/ --source saved_pages/
    """
    try:
        report = open_writer(index_dir).update(list(sources) or [settings.default_source()],
                                               allow_shrink=allow_shrink, follow_links=follow_links)
    except IndexInvalid as exc:
        raise click.ClickException(f"update failed, the previous index is still in use: {exc}") from exc
    except IndexBusy as exc:
        raise click.ClickException(f"not updating: {exc}") from exc
    changes = report.changes or {"rebuilt": report.documents}
    click.echo(f"{', '.join(f'{v} {k}' for k, v in changes.items())} in {report.seconds:.1f} s; the index holds "
               f"{count(report.documents, 'document')}, {count(report.paragraphs, 'paragraph')} ({report.index_dir})")
    for item in report.skipped:
        click.echo(f"  skipped {item['path']!r}: {item['reason']}", err=True)


def run_rebuild(sources: list[Path], index_dir: Path, show_progress: bool = True, allow_shrink: bool = False,
                follow_links: bool = False):
    """Rebuild with a progress bar that shows documents/s and paragraphs/s."""
    total = sum(1 for _ in iter_sources(sources, follow_links))  # the files a rebuild will read
    started = time.perf_counter()
    options = {"allow_shrink": allow_shrink, "follow_links": follow_links}
    writer = open_writer(index_dir)
    if not show_progress or not total:
        return writer.rebuild(sources, **options)
    with click.progressbar(length=total, label="Indexing", file=sys.stderr, show_pos=True,
                           item_show_func=lambda s: s) as bar:
        state = {"docs": 0}

        def progress(doc, paragraphs: int) -> None:
            state["docs"] += 1
            elapsed = max(time.perf_counter() - started, 1e-6)
            bar.current_item = (f"{state['docs'] / elapsed:.1f} docs/s, {paragraphs / elapsed:.0f} paras/s  "
                                f"{Path(doc.path).name}")
            bar.update(1)

        return writer.rebuild(sources, progress=progress, **options)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per document per line.")
def extract(paths: tuple[Path, ...], as_json: bool) -> None:
    """Show what the indexer sees in files, without indexing them.

    \b
    Examples:
      reportsearch extract seeds/003_daed07e52103bff4.txt
      reportsearch extract ../shared/reports --json > extracted.jsonl
    """
    for doc in load_documents(list(paths)):
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


@click.command()
@INDEX_OPTION
@click.option("--json", "as_json", is_flag=True)
def stats(index_dir: Path, as_json: bool) -> None:
    """What is indexed: documents, paragraphs, facet values, when and from where it was built.

    \b
    Example:
      reportsearch stats --json
    """
    try:
        info = open_backend(index_dir).stats()
    except IndexMissing as exc:
        raise click.ClickException(str(exc)) from exc
    print_stats(info, as_json)


def print_stats(info, as_json: bool) -> None:
    """What an index holds (IndexStats), as JSON or a few lines."""
    click.echo(json.dumps(info.as_dict(), ensure_ascii=False, indent=2) if as_json else "\n".join(info.lines()))


COMMANDS = (rebuild, update, extract, stats)
