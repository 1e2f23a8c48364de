"""The `reportsearch` command line: a thin wrapper over the indexer library.

Commands live by theme in this package (indexing, searching, quality); the web app adds `serve` and
`loadtest` through the `reportsearch.commands` entry point, so the library never imports the web app.
"""
from __future__ import annotations

from importlib.metadata import entry_points

import click

from indexer.cli.errors import OperatorGroup


@click.group(cls=OperatorGroup, context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Search Ofsted children's-services reports and news articles by council, year and grade.

    \b
    Quick start:
      reportsearch rebuild                 # index seeds/ into index/
      reportsearch search caseloads        # ranked paragraphs
      reportsearch serve                   # the web UI on http://127.0.0.1:5000
      reportsearch sync --into reports/    # fetch every council's reports from Ofsted and index them
    """


def _add_commands() -> None:
    """This package's commands, then those other installed packages register (the web app's)."""
    from indexer.cli import fetching, indexing, quality, searching

    for module in (indexing, searching, quality, fetching):
        for command in module.COMMANDS:
            main.add_command(command)
    for plugin in entry_points(group="reportsearch.commands"):
        main.add_command(plugin.load())
    from indexer.backends.postgres.cli import install

    install(main)  # --database / --replica (PostgreSQL backend)


_add_commands()
