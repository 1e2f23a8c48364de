"""A rebuild must not silently replace a good index with one that lost most of its documents (a typo in --source)."""
from __future__ import annotations

from pathlib import Path

from indexer import settings
from indexer.backends.embedded.index.layout import current_generation, read_build_info
from indexer.backends.embedded.index.validate import IndexInvalid


class IndexShrinks(IndexInvalid):
    """The new generation would lose most (or all) of the live one's documents."""


def check_shrink(index_dir: Path, new_documents: int, allow: bool) -> None:
    """Raise IndexShrinks when the new generation holds fewer than SHRINK_REFUSE_BELOW of the live one's
    documents (or none while it has some), unless `allow`."""
    live = current_generation(index_dir)
    old = int(read_build_info(live).get("documents") or 0) if live else 0
    if allow or not old:
        return
    if new_documents == 0 or new_documents < settings.SHRINK_REFUSE_BELOW * old:
        raise IndexShrinks(f"the new index would hold {new_documents:,} documents where the live one holds "
                           f"{old:,}; check --source, or pass --allow-shrink to replace it anyway")
