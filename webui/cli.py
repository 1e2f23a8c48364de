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
@click.option("--port", default=5000, show_default=True, type=int)
@INDEX_OPTION
@click.option("--source", type=click.Path(path_type=Path), default=settings.default_source, show_default="seeds/ (or $REPORTSEARCH_SOURCE)",
              help="Folder to build from when there is no index yet.")
@click.option("--threads", default=8, show_default=True, type=int)
@click.option("--workers", default=1, show_default=True, type=int,
              help="Server processes sharing the port and the index (searches use one core per process).")
def serve(host: str, port: int, index_dir: Path, source: Path, threads: int, workers: int) -> None:
    """Serve the web UI with waitress, building the index from seeds/ first if there is none.

    \b
    Examples:
      reportsearch serve --port 8080
      reportsearch serve --workers 2 --threads 4
    """
    from webui.serving import serve as serve_app

    from webui import create_app

    if not open_backend(index_dir).exists():
        click.echo(f"No index at {index_dir}: building it from {source} …")
        run_rebuild([source], index_dir)
    click.echo(f"Serving on http://{host}:{port}/ with {workers} process(es) x {threads} threads (Ctrl+C to stop)")
    serve_app(lambda: _warmed(create_app({"INDEX_DIR": str(index_dir)})), host, port, threads, workers)


@click.command()
@INDEX_OPTION
@click.option("--threads", default=4, show_default=True, type=int, help="Concurrent clients.")
@click.option("--seconds", default=10.0, show_default=True, type=float, help="How long each phase runs (at least).")
@click.option("--rebuild-from", "rebuild_from", multiple=True, type=click.Path(exists=True, path_type=Path),
              help="Also load the server while the index is rebuilt from this folder (repeatable).")
@click.option("--json", "as_json", is_flag=True)
def loadtest(index_dir: Path, threads: int, seconds: float, rebuild_from: tuple[Path, ...], as_json: bool) -> None:
    """Load the real server on 127.0.0.1 (a free port) with mixed queries: requests/s, p50/p95, errors.

    With --rebuild-from, a second phase keeps the load on while `reportsearch rebuild` replaces the
    index in another process; a healthy deployment answers every request (0 errors). Exits 1 on any error.

    \b
    Examples:
      reportsearch loadtest --seconds 5
      reportsearch loadtest --index /tmp/reports --threads 8 --rebuild-from ../shared/reports --json
    """
    from webui.loadtest import as_dicts, format_results, run

    if not open_backend(index_dir).exists():
        raise click.ClickException(f"no index at {index_dir}: run `reportsearch rebuild` first")
    results = run(index_dir, threads, seconds, list(rebuild_from))
    click.echo(json.dumps(as_dicts(results), indent=2) if as_json else format_results(results))
    rebuild_failed = any(r.rebuild and r.rebuild.get("exit_code") for r in results)
    if any(r.errors for r in results) or rebuild_failed:
        sys.exit(1)


def _warmed(app):
    """The app with its index opened and first-search structures built before it takes requests."""
    app.extensions["reportsearch"].warm(freeze=True)
    return app
