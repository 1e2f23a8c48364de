"""The web app's commands, added to `reportsearch` through the `reportsearch.commands` entry point."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from indexer import settings
from indexer.cli.common import INDEX_OPTION
from indexer.cli.indexing import run_rebuild
from indexer.backends import open_backend

@click.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=click.IntRange(1, 65535))
@INDEX_OPTION
@click.option("--source", type=click.Path(path_type=Path), default=settings.default_source, show_default="seeds/ (or $REPORTSEARCH_SOURCE)",
              help="Folder to build from when there is no index yet.")
@click.option("--threads", default=8, show_default=True, type=click.IntRange(1, 256))
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Server processes sharing the port and the index (searches use one core per process): "
                   "set it to the number of cores.")
@click.option("--base-url", default="", metavar="URL",
              help="The site's public address (https://reports.example.org): feeds' absolute links use it. "
                   "Without it they are relative; the client's Host header is never used.")
@click.option("--database", envvar=settings.DATABASE_URL_ENV, default=None, metavar="URL",
              help="Serve from PostgreSQL (postgresql://…, or $REPORTSEARCH_DATABASE_URL) instead of the index folder.")
@click.option("--replica", "replicas", multiple=True, metavar="URL",
              help="A streaming replica to read from (repeatable); the primary is the fall-back.")
def serve(host: str, port: int, index_dir: Path, source: Path, threads: int, workers: int, base_url: str,
          database: str | None, replicas: tuple[str, ...]) -> None:
    """Serve the web UI with waitress, building the index from seeds/ first if there is none.

    \b
    Examples:
      reportsearch serve --port 8080
      reportsearch serve --workers 2 --threads 8           # a 2-core machine
      reportsearch serve --base-url https://reports.example.org
      reportsearch serve --database postgresql://reader@db1/reportsearch --replica postgresql://reader@db2/reportsearch
    """
    from webui.serving import PortBusy, serve as serve_app

    from webui import create_app
    from webui.baseurl import normalised_base

    try:
        base_url = normalised_base(base_url)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--base-url") from None
    local = open_backend(index_dir)
    if not database and not local.exists() and not local.damage():  # a damaged index is served (503s), not rebuilt
        click.echo(f"No index at {index_dir}: building it from {source} …")
        run_rebuild([source], index_dir)

    def ready() -> None:
        click.echo(f"Serving on http://{host}:{port}/ with {workers} process(es) x {threads} threads (Ctrl+C to stop)")

    config = {"INDEX_DIR": str(index_dir), "BASE_URL": base_url, "DATABASE_URL": database or None,
              "REPLICAS": list(replicas)}
    try:
        serve_app(lambda: _warmed(create_app(config)), host, port, threads, workers, ready=ready)
    except PortBusy as exc:
        raise click.ClickException(exc.strerror) from None


@click.command()
@INDEX_OPTION
@click.option("--clients", "--threads", "threads", default=4, show_default=True, type=click.IntRange(1, 512),
              help="Concurrent clients.")
@click.option("--seconds", default=10.0, show_default=True, type=click.FloatRange(0.1, 3600),
              help="How long each phase runs (at least).")
@click.option("--workers", default=0, show_default=True, type=click.IntRange(0, 64),
              help="Load a `reportsearch serve --workers N` process instead of an in-process server (0).")
@click.option("--slow-clients", default=0, show_default=True, type=click.IntRange(0, 2000),
              help="Also run a phase with this many connections sending a byte a second (slowloris).")
@click.option("--rebuild-from", "rebuild_from", multiple=True, type=click.Path(exists=True, path_type=Path),
              help="Also load the server while the index is rebuilt from this folder (repeatable).")
@click.option("--json", "as_json", is_flag=True)
def loadtest(index_dir: Path, threads: int, seconds: float, workers: int, slow_clients: int,
             rebuild_from: tuple[Path, ...], as_json: bool) -> None:
    """Load the real server on 127.0.0.1 (a free port) with mixed queries: requests/s, p50/p95, errors.

    With --rebuild-from, a further phase keeps the load on while `reportsearch rebuild` replaces the
    index in another process; with --slow-clients, one keeps that many slow connections open meanwhile.
    A healthy deployment answers every request (0 errors). Exits 1 on any error.

    \b
    Examples:
      reportsearch loadtest --seconds 5
      reportsearch loadtest --workers 2 --clients 64 --slow-clients 150 --seconds 20
      reportsearch loadtest --index /tmp/reports --threads 8 --rebuild-from ../shared/reports --json
    """
    from webui.loadtest import as_dicts, format_results, run

    if not open_backend(index_dir).exists():
        raise click.ClickException(f"no index at {index_dir}: run `reportsearch rebuild` first")
    results = run(index_dir, threads, seconds, list(rebuild_from), workers=workers, slow_clients=slow_clients)
    click.echo(json.dumps(as_dicts(results), indent=2) if as_json else format_results(results))
    rebuild_failed = any(r.rebuild and r.rebuild.get("exit_code") for r in results)
    if any(r.errors for r in results) or rebuild_failed:
        sys.exit(1)


def _warmed(app):
    """The app with its index opened and first-search structures built before it takes requests."""
    import gc

    app.extensions["reportsearch"].warm()
    # A long-running server's index structures are never garbage: moved out of the collector's sight, so full
    # collections do not walk them (50-100 ms on occasional requests at a million paragraphs).
    gc.collect()
    gc.freeze()
    return app
