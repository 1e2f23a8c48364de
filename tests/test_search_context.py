"""Document context: councils without their generic name words, and what an update changed."""
from __future__ import annotations

import shutil
from pathlib import Path

from indexer.backends.embedded.write.build import rebuild
from indexer.models import SearchRequest
from indexer.backends import open_backend
from indexer.backends.embedded.query.context import document_context
from indexer.backends.embedded.write.update import update

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
KENT = "003_daed07e52103bff4.txt"


def test_council_context_has_names_not_generic_words(seed_index):
    gen = open_backend(seed_index).generation()
    context = document_context(gen)
    kinds = context.kinds[gen.doc_index[KENT]]
    assert "kent" in kinds["council"] and "inadequ" in kinds["severity"] and "2010" in kinds["year"]
    assert not {"council", "counti", "borough", "citi"} & kinds["council"]


def test_county_lines_is_not_every_county_council(seed_index):
    result = open_backend(seed_index).search(SearchRequest(q="county", collapse=False, per_page=50))
    assert all("council" not in h.context_matched for h in result.hits)


def test_context_follows_an_updated_document(tmp_path):
    folder = tmp_path / "src"
    shutil.copytree(SEEDS, folder)
    index_dir = tmp_path / "index"
    rebuild([folder], index_dir)
    changed = folder / KENT
    text = changed.read_text(encoding="utf-8")
    changed.write_text("Zanzibarian children's services praised\n" + text.split("\n", 1)[1], encoding="utf-8")
    update([folder], index_dir)
    gen = open_backend(index_dir).generation()
    title = document_context(gen).kinds[gen.doc_index[KENT]]["title"]
    assert "zanzibarian" in title and "kent" not in title


def test_warm_builds_the_first_search_structures_before_any_request(seed_index, tmp_path):
    """A server warms its index at start: the document context and facet codes exist before the first search."""
    from indexer.backends import open_backend

    index = open_backend(seed_index)
    index.warm()
    gen = index.generation()
    assert "context" in gen.caches and "facet codes" in gen.caches  # built at open, before any search
    assert gen.memo("facet codes", "council", lambda: None) is not None
    open_backend(tmp_path / "nothing").warm()  # no index yet: nothing to warm, no error


def test_a_server_warm_freezes_the_index_objects_out_of_the_collector(seed_index):
    """`warm(freeze=True)` (servers, the benchmark) leaves the index's objects to the permanent generation; run in
    a child process, since a frozen test process would never collect its own cycles."""
    import subprocess
    import sys

    script = ("import gc, sys; from indexer.backends import open_backend; i = open_backend(sys.argv[1]); "
              "i.warm(); print(gc.get_freeze_count()); i.warm(freeze=True); print(gc.get_freeze_count())")
    out = subprocess.run([sys.executable, "-c", script, str(seed_index)], capture_output=True, text=True,
                         check=True, cwd=Path(__file__).resolve().parent.parent).stdout.split()
    assert out[0] == "0" and int(out[1]) > 10_000
