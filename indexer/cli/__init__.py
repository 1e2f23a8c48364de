"""The `reportsearch` command line: a thin wrapper over the indexer library.

Commands live by theme in this package (indexing, searching, quality); the web app adds `serve` and
`loadtest` through the `reportsearch.commands` entry point, so the library never imports the web app.
"""
from __future__ import annotations

import importlib

import click

from indexer.cli.errors import OperatorGroup


class _Commands(OperatorGroup):
    """The top-level group: its commands are loaded when first asked for, so `rebuild` and `update` start
    without importing the search, fetching and web-app code (~0.3 CPU s of their start)."""

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        _add_commands(name)
        return super().get_command(ctx, name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        _add_commands(None)
        return super().list_commands(ctx)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Search Ofsted children's-services reports and news articles by council, year and grade.

    \b
    Quick start:
      reportsearch rebuild                 # index seeds/ into index/
      reportsearch search caseloads        # ranked paragraphs
      reportsearch serve                   # the web UI on http://127.0.0.1:5000
      reportsearch sync --into reports/    # fetch every council's reports from Ofsted and index them
    """


# The commands of `indexer/cli/indexing.py`: asking for one of them loads that module only.
_INDEXING = ("rebuild", "update", "extract", "stats")
_loaded: set[str] = set()


def _add_commands(name: str | None) -> None:
    """The commands needed for `name` (all of them for None or any other name): this package's, then those
    other installed packages register (the web app's), each given the PostgreSQL options once."""
    wanted = ("indexing",) if name in _INDEXING else ("indexing", "searching", "quality", "fetching", "plugins")
    if _loaded.issuperset(wanted):
        return
    from indexer.backends.postgres.cli import install

    added = click.Group()
    for part in wanted:
        if part in _loaded:
            continue
        _loaded.add(part)
        if part == "plugins":
            from importlib.metadata import entry_points

            commands = [plugin.load() for plugin in entry_points(group="reportsearch.commands")]
        else:
            commands = list(importlib.import_module(f"indexer.cli.{part}").COMMANDS)
        for command in commands:
            main.add_command(command)
            added.add_command(command)
    install(added)  # --database / --replica (PostgreSQL backend)
