"""Commands that fetch reports from Ofsted: fetch, and sync (fetch, then update the index).

Exit codes, for cron and systemd timers: 0 all fetched (or nothing new), 1 some files failed (the rest were
fetched and, for sync, indexed) or the folder cannot be written, 2 usage error (e.g. an unknown council),
3 the site cannot be reached at all (nothing changed), 4 sync only: the index update failed (the previous index
is still in use).
"""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from indexer import settings
from indexer.cli.common import INDEX_OPTION

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_UNREACHABLE, EXIT_INDEX = 0, 1, 2, 3, 4
KIND_CHOICES = ("inspection", "monitoring", "focused", "all")


def _site(ctx, param, value: str) -> str:
    """A site option must be an http(s) address."""
    if not value.startswith(("http://", "https://")):
        raise click.BadParameter(f"{value!r} is not an http(s) address, e.g. {param.default}")
    return value.rstrip("/")


def fetch_options(command):
    """The options fetch and sync share."""
    options = [
        click.option("--into", type=click.Path(file_okay=False, path_type=Path), default=Path("reports"),
                     show_default=True, help="Folder for the PDFs, manifest.csv and the fetch state."),
        click.option("--council", "councils", multiple=True, metavar="NAME",
                     help="Only this council (name, alias or ONS code; repeatable). Default: every council."),
        click.option("--since", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, metavar="YYYY-MM-DD",
                     help="Only publications published on or after this date."),
        click.option("--kind", "kinds", multiple=True, type=click.Choice(KIND_CHOICES), default=("inspection",),
                     show_default=True, help="Inspection reports, monitoring or focused visit letters, or all "
                                             "publications (repeatable)."),
        click.option("--dry-run", is_flag=True,
                     help="Read the pages and list what would be downloaded; write nothing."),
        click.option("--contact", default="", metavar="EMAIL",
                     help="Your e-mail or URL, sent in the User-Agent so the site can reach you."),
        click.option("--delay", type=click.FloatRange(min=0), default=settings.FETCH_DELAY_SECONDS, show_default=True,
                     help="Seconds between two requests (robots.txt's Crawl-delay wins when longer)."),
        click.option("--reports-site", default=settings.FETCH_REPORTS_SITE, show_default=True, callback=_site,
                     help="The reports site (a mirror or test server)."),
        click.option("--files-site", default=settings.FETCH_FILES_SITE, show_default=True, callback=_site,
                     help="The file store the PDFs are on (a mirror or test server)."),
        click.option("--quiet", is_flag=True, help="No progress bar, only the summary."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _options(into, councils, since, kinds, dry_run, contact, delay, reports_site, files_site):
    """FetchOptions from the command line."""
    from indexer.fetch import ALL_KINDS, ClientConfig, FetchOptions, user_agent

    chosen = ALL_KINDS if "all" in kinds else frozenset(kinds)
    return FetchOptions(into=into, councils=tuple(councils), since=since.date() if since else None, kinds=chosen,
                        dry_run=dry_run, contact=contact, reports_site=reports_site.rstrip("/"),
                        files_site=files_site.rstrip("/"),
                        client=ClientConfig(user_agent=user_agent(contact), delay=delay))


def _run_fetch(options, quiet: bool):
    """Run a fetch with progress; on an unknown council or no network, say so in one line and exit."""
    from indexer.fetch import UnknownCouncil, Unreachable, fetch

    progress = _Progress(quiet)
    try:
        report = fetch(options, progress=progress)
    except UnknownCouncil as exc:
        raise click.UsageError(str(exc)) from exc
    except Unreachable as exc:
        _exit(EXIT_UNREACHABLE, f"{exc}: no network connection? Nothing was changed.")
    except OSError as exc:  # the download folder cannot be written: the operator's to fix
        _exit(EXIT_PARTIAL, f"cannot write into {options.into}: {exc.strerror or exc}")
    finally:
        progress.close()
    _print_report(report)
    if report.unreachable:
        _exit(EXIT_UNREACHABLE, "the file store could not be reached: no network connection? Nothing was changed.")
    return report


def _exit(code: int, message: str) -> None:
    """One line on stderr, then the exit code."""
    click.echo(f"Error: {message}", err=True)
    sys.exit(code)


class _Progress:
    """A progress bar over the files once they are known; page reads counted on one line before that."""

    def __init__(self, quiet: bool):
        self.quiet, self.bar, self.pages = quiet, None, 0

    def __call__(self, kind: str, value) -> None:
        if self.quiet:
            return
        if kind == "page":
            self.pages += 1
            click.echo(f"\rReading the reports site: {self.pages} page(s)", nl=False, err=True)
        elif kind == "planned":
            if self.pages:
                click.echo("", err=True)
            self.bar = click.progressbar(length=value, label="Fetching", file=sys.stderr, show_pos=True,
                                         item_show_func=lambda r: f"{r.status} {r.item.file}" if r else "")
            self.bar.__enter__()
        elif kind == "file" and self.bar is not None:
            self.bar.current_item = value
            self.bar.update(1)

    def close(self) -> None:
        """Finish the bar's line."""
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


def _print_report(report) -> None:
    """Warnings, failures with reasons, and the one-line summary."""
    if any(r.status == "planned" for r in report.results):
        for result in report.results:
            item = result.item
            click.echo(f"would fetch {item.fetch_url} -> {item.file}  ({item.kind}, "
                       f"{item.published or 'undated'}, {item.council_name})")
    for warning in report.warnings:
        click.echo(f"  warning: {warning}", err=True)
    for result in report.results:
        if result.status in ("failed", "skipped"):
            click.echo(f"  {result.status} {result.item.fetch_url}: {result.reason}", err=True)
    click.echo(report.summary())


@click.command()
@fetch_options
def fetch(into, councils, since, kinds, dry_run, contact, delay, reports_site, files_site, quiet) -> None:
    """Download councils' children's-services inspection reports from Ofsted, politely and incrementally.

    Sources: the report URLs of the official outcomes table, plus new publications found on each council's
    provider page. Writes each PDF and a manifest.csv (file, url, title, published, council code, kind)
    that `rebuild` and `update` read. A second run downloads only what is new or changed.

    \b
    Examples:
      reportsearch fetch --into reports/ --contact you@example.org
      reportsearch fetch --council Barnet --council Kent --since 2023-01-01
      reportsearch fetch --kind all --dry-run
    Exit codes: 0 ok, 1 some files failed, 2 usage error, 3 site unreachable.
    """
    report = _run_fetch(_options(into, councils, since, kinds, dry_run, contact, delay, reports_site, files_site),
                        quiet)
    sys.exit(EXIT_PARTIAL if report.failed else EXIT_OK)


@click.command()
@fetch_options
@INDEX_OPTION
@click.option("--source", "sources", multiple=True, type=click.Path(exists=True, path_type=Path),
              help="Another folder the index should keep reflecting (repeatable); the --into folder always is.")
def sync(into, councils, since, kinds, dry_run, contact, delay, reports_site, files_site, quiet, index_dir,
         sources) -> None:
    """Fetch new and changed reports, then update the index with them: one command for cron or a timer.

    The index then reflects the --into folder (and any --source): new reports are searchable and appear in
    every matching Atom feed.

    \b
    Examples:
      reportsearch sync --into reports/
      reportsearch sync --into reports/ --index /srv/reportsearch/index --contact data@council.example --quiet
    Exit codes: 0 ok, 1 some files failed (the rest indexed), 2 usage error, 3 site unreachable (index
    untouched), 4 index update failed (the previous index still in use).
    """
    from indexer.backends import IndexBusy, IndexInvalid
    from indexer.cli.common import open_index_writer

    options = _options(into, councils, since, kinds, dry_run, contact, delay, reports_site, files_site)
    report = _run_fetch(options, quiet)
    if dry_run:
        sys.exit(EXIT_OK)
    if not Path(into).is_dir():
        _exit(EXIT_PARTIAL if report.failed else EXIT_OK, f"nothing was fetched into {into}; the index is unchanged")
    started = dt.datetime.now()
    try:
        built = open_index_writer(index_dir).update([Path(into), *sources])
    except (IndexInvalid, IndexBusy, OSError) as exc:
        _exit(EXIT_INDEX, f"index update failed, the previous index is still in use: {exc}")
    changes = built.changes or {"rebuilt": built.documents}
    click.echo(f"Index: {', '.join(f'{v} {k}' for k, v in changes.items())} in "
               f"{(dt.datetime.now() - started).total_seconds():.1f} s; it holds {built.documents} documents "
               f"({built.index_dir})")
    for item in built.skipped:
        click.echo(f"  skipped {item['path']}: {item['reason']}", err=True)
    sys.exit(EXIT_PARTIAL if report.failed else EXIT_OK)


COMMANDS = (fetch, sync)
