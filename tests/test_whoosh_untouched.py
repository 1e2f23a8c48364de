"""The project changes nothing of Whoosh's own: its classes are as shipped with every project module imported,
and an index the project writes reads with plain Whoosh with true length statistics."""
from __future__ import annotations

import importlib
import json
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import indexer
import webui

_PLAIN_WHOOSH = r"""
import json, sys
from whoosh import index
from whoosh.util.numeric import byte_to_length, length_to_byte
ix = index.open_dir(sys.argv[1])
checked = 0
with ix.searcher() as s:
    r = s.reader()
    for field in ("text", "heading", "council"):
        for btext in list(r.lexicon(field))[::7][:60]:
            info = r.term_info(field, btext)
            docs = list(r.postings(field, btext).all_ids())
            lengths = [s.doc_field_length(d, field, 0) for d in docs]
            present = [n for n in lengths if n]
            assert info.max_length() == max(lengths), (field, btext, info.max_length(), max(lengths))
            assert info.min_length() == (min(present) if present else 0), (field, btext)
            assert info.doc_frequency() == len(docs)
            checked += 1
    docs = r.doc_count()
from whoosh.codec import base
assert base.Codec.length_stats is True
print(json.dumps({"checked": checked, "docs": docs, "loaded": sorted(m for m in sys.modules if m.startswith(("indexer", "webui")))}))
"""


def test_whoosh_classes_are_as_shipped_with_every_project_module_imported():
    for package in (indexer, webui):
        for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            if not module.name.endswith("__main__"):
                importlib.import_module(module.name)
    from whoosh.codec import base, whoosh3

    assert base.Codec.length_stats is True
    assert whoosh3.W3PerDocReader._cached_reader.__module__ == "whoosh.codec.whoosh3"


def test_an_index_the_project_writes_reads_with_plain_whoosh_and_true_length_statistics(seed_index):
    generation = next(p for p in seed_index.iterdir() if p.name.startswith("gen-"))
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    out = subprocess.run([sys.executable, "-c", _PLAIN_WHOOSH, str(generation)], capture_output=True, text=True,
                         timeout=120, env=env, cwd=Path(generation))
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert result["docs"] == 121 and result["checked"] > 60
    # Unpickling the schema imports the project's analyzer classes (as any custom Whoosh analyzer), nothing else.
    assert "indexer.backends.embedded.index.fields" in result["loaded"]
    assert not any(m.startswith(("indexer.backends.embedded.write", "indexer.backends.embedded.read", "webui"))
                   for m in result["loaded"])
