"""The command line's PostgreSQL options: `--database URL` (or $REPORTSEARCH_DATABASE_URL) and `--replica URL`
(repeatable), added to commands without touching them.

The CLI calls `install(main)` once after its commands are added. `rebuild`, `update` and `stats` run on
PostgreSQL here when given a database; `search`, `similar`, `evaluate` and `sync` open their backend through
`indexer.cli.common.open_index` / `open_index_writer`, which ask `chosen_database()`; `benchmark --database` adds
the PostgreSQL column.
"""
from __future__ import annotations

import json

import functools
import os
from dataclasses import dataclass, field

import click

from indexer import settings

_META_KEY = "reportsearch.database"


@dataclass(frozen=True)
class DatabaseChoice:
    """The PostgreSQL primary and replicas a command was asked to use."""

    url: str
    replicas: tuple[str, ...] = field(default_factory=tuple)


def _options() -> list[click.Option]:
    """The two options, as click parameters."""
    return [
        click.Option(["--database", "pg_database"], metavar="URL", envvar=settings.DATABASE_URL_ENV,
                     help="Use PostgreSQL (postgresql://user@host/db) instead of the index folder "
                          f"(or ${settings.DATABASE_URL_ENV})."),
        click.Option(["--replica", "pg_replicas"], metavar="URL", multiple=True,
                     help="A streaming replica to read from (repeatable); the primary serves when none answers."),
    ]


def add_database_options(command: click.Command) -> click.Command:
    """Give one command --database and --replica; their values go to the context, not to the command."""
    if any(p.name == "pg_database" for p in command.params):
        return command
    command.params.extend(_options())
    callback = command.callback

    @functools.wraps(callback)
    def wrapped(*args, **kwargs):
        url = kwargs.pop("pg_database", None)
        replicas = tuple(kwargs.pop("pg_replicas", ()) or ())
        if replicas and not url:
            raise click.UsageError("--replica needs --database URL (the primary that takes the writes)")
        click.get_current_context().meta[_META_KEY] = DatabaseChoice(url, replicas) if url else None
        return callback(*args, **kwargs)

    command.callback = wrapped
    return command


def _run_here(name: str, callback):
    """A command's callback that runs on PostgreSQL when a database was chosen, else the command as it is."""
    @functools.wraps(callback)
    def wrapped(*args, **kwargs):
        choice = click.get_current_context().meta.get(_META_KEY)
        if choice is None:
            return callback(*args, **kwargs)
        return HANDLED[name](choice, **kwargs)
    return wrapped


# Commands that open their backend through `indexer.cli.common.open_index` / `open_index_writer`, which ask
# `chosen_database()`: they need only the options.
READ_THROUGH_OPENER = ("search", "similar", "evaluate", "sync", "benchmark")


def install(group: click.Group) -> None:
    """Give `rebuild`, `update`, `stats` (run on PostgreSQL here) and the commands that open their backend through
    the CLI's opener (search, similar, evaluate, sync; benchmark as a column) the options."""
    for name, command in group.commands.items():
        if name in HANDLED:
            command.callback = _run_here(name, command.callback)
            add_database_options(command)
        elif name in READ_THROUGH_OPENER:
            add_database_options(command)


def _writer(choice: DatabaseChoice):
    """The PostgreSQL writer of a choice."""
    from indexer.backends.postgres import open_postgres

    return open_postgres(choice.url)


def _build(choice: DatabaseChoice, sources: tuple, update: bool, allow_shrink: bool = False) -> None:
    """`rebuild` / `update` into the database: one line on success or on an operator's mistake."""
    import psycopg

    from indexer.contract import IndexDamaged
    from indexer.backends.postgres.writer import RebuildRunning

    reader, writer = _writer(choice)
    paths = list(sources) or [settings.default_source()]
    try:
        report = writer.update(paths) if update else writer.rebuild(paths, allow_shrink=allow_shrink)
    except (IndexDamaged, RebuildRunning) as exc:
        raise click.ClickException(str(exc)) from exc
    except psycopg.OperationalError as exc:
        raise click.ClickException(f"cannot reach the database: {str(exc).strip().splitlines()[0]}") from exc
    finally:
        reader.db.close()
    changes = f" (added {report.added}, changed {report.changed}, removed {report.removed})" if update else ""
    click.echo(f"Indexed {report.documents} documents, {report.paragraphs} paragraphs in {report.seconds:.1f} s "
               f"({report.paragraphs / max(report.seconds, 1e-6):.0f} paragraphs/s) into generation "
               f"{report.generation}{changes}")
    for item in report.skipped:
        click.echo(f"  skipped {item['path']}: {item['reason']}", err=True)


def _stats(choice: DatabaseChoice, as_json: bool = False, **_) -> None:
    """`stats` of the live generation."""

    from indexer.contract import IndexMissing
    from indexer.backends.postgres import Database, DatabaseUnavailable, PostgresBackend

    backend = PostgresBackend(Database(choice.url, list(choice.replicas)))
    try:
        info = backend.stats()
    except (IndexMissing, DatabaseUnavailable) as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        backend.db.close()
    click.echo(json.dumps(info.as_dict(), ensure_ascii=False, indent=2) if as_json else "\n".join(info.lines()))


HANDLED = {
    "rebuild": lambda choice, sources=(), allow_shrink=False, **kw: _build(choice, sources, False, allow_shrink),
    "update": lambda choice, sources=(), **kw: _build(choice, sources, update=True),
    "stats": lambda choice, **kw: _stats(choice, **kw),
}


def chosen_database() -> DatabaseChoice | None:
    """The database the running command was given (option or environment), or None for the index folder."""
    ctx = click.get_current_context(silent=True)
    if ctx is not None:
        for current in (ctx, *_parents(ctx)):
            if _META_KEY in current.meta:
                return current.meta[_META_KEY]
    url = os.environ.get(settings.DATABASE_URL_ENV)
    return DatabaseChoice(url) if url else None


def _parents(ctx: click.Context):
    """A context's parents, nearest first."""
    while ctx.parent is not None:
        ctx = ctx.parent
        yield ctx
