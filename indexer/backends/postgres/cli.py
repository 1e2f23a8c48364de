"""The command line's PostgreSQL options: `--database URL` (or $REPORTSEARCH_DATABASE_URL) and `--replica URL`
(repeatable) on every command that takes `--index`, without touching the commands themselves.

The CLI calls `install(main)` once after its commands are added; whatever opens an index then asks
`chosen_database()` and, when it returns a choice, opens PostgreSQL instead of the index folder:

    choice = chosen_database()
    backend = open_backend(database_url=choice.url, replicas=choice.replicas) if choice else open_backend(index_dir=...)
"""
from __future__ import annotations

import functools
import os
from dataclasses import dataclass, field

import click

from ... import settings

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


def install(group: click.Group) -> None:
    """Add the options to every command of the group that opens an index (has --index)."""
    for command in group.commands.values():
        if any(p.name == "index_dir" for p in command.params):
            add_database_options(command)


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
