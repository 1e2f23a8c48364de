"""What the command modules share: the --index option, counts in words, terminal highlighting."""
from __future__ import annotations

import html
import re
from pathlib import Path

import click

from indexer import settings

INDEX_OPTION = click.option("--index", "index_dir", type=click.Path(file_okay=False, path_type=Path),
                            default=settings.default_index, show_default="index/ (or $REPORTSEARCH_INDEX)",
                            help="Index folder.")


def open_index(index_dir: Path):
    """The backend a command reads: PostgreSQL when --database (or $REPORTSEARCH_DATABASE_URL) chose one, else the
    index folder."""
    from indexer.backends import open_backend
    from indexer.backends.postgres.cli import chosen_database

    choice = chosen_database()
    if choice is None:
        return open_backend(index_dir)
    return open_backend(database=choice.url, replicas=list(choice.replicas))


def open_index_writer(index_dir: Path):
    """The writer for the same place `open_index` reads."""
    from indexer.backends import open_writer
    from indexer.backends.postgres.cli import chosen_database

    choice = chosen_database()
    return open_writer(index_dir) if choice is None else open_writer(database=choice.url)


def count(n: int, word: str) -> str:
    """'1 document', '2 documents'."""
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def terminal_snippet(snippet_html: str) -> str:
    """Turn <mark> highlights into terminal bold/underline and unescape the rest."""
    parts = re.split(r"(<mark[^>]*>.*?</mark>)", snippet_html)
    out = []
    for part in parts:
        text = html.unescape(re.sub(r"<[^>]+>", "", part))
        out.append(click.style(text, bold=True, underline=True) if part.startswith("<mark") else text)
    return "".join(out)
