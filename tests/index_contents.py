"""What a built index holds, as plain values two builds can be compared by: every Whoosh term and posting,
stored field, length and column; every array and side file beside it (timestamps left out); and the pages a
few searches give (totals, hits with scores and snippets, facet counts). Used by tests/test_parallel_rebuild.py;
`python -m tests.index_contents A B` compares two index folders (e.g. built by two versions of the code)."""
from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import asdict
from pathlib import Path

import numpy as np
from whoosh import index as whoosh_index

from indexer.backends import open_backend
from indexer.backends.embedded.index.layout import current_generation
from indexer.backends.embedded.index.stored import unpack
from indexer.models import SearchRequest

QUERIES = [
    SearchRequest(q="caseloads"),
    SearchRequest(q="children in care", per_page=20),
    SearchRequest(q='"requires improvement to be good"'),
    SearchRequest(q="social workers", sort="newest", page=2),
    SearchRequest(q="leaving care", severity=["inadequate"]),
    SearchRequest(q="title:ofsted OR heading:help"),
    SearchRequest(q="management oversight", match="all", collapse=False),
    SearchRequest(q="foster*"),
    SearchRequest(q="the"),
]
_VARYING = {"seconds", "built_at", "generation", "index_dir", "sources", "signature"}  # a build's own facts


def postings(reader) -> dict:
    """Every (field, term) -> [(docnum, weight, value)] as Whoosh reads them back."""
    out = {}
    for fieldname, term in reader.all_terms():
        matcher = reader.postings(fieldname, term)
        items = []
        while matcher.is_active():
            items.append((matcher.id(), matcher.weight(), matcher.value()))
            matcher.next()
        out[(fieldname, term)] = items
    return out


def whoosh_contents(generation: Path) -> dict:
    """Every term's postings and every paragraph's stored fields, lengths and column values."""
    ix = whoosh_index.open_dir(generation)
    schema = ix.schema
    with ix.reader() as reader:
        count = reader.doc_count_all()
        return {
            "postings": postings(reader),
            "stored": [unpack(reader.stored_fields(i), i, reader.stored_fields) for i in range(count)],
            "lengths": {n: [reader.doc_field_length(i, n, 0) for i in range(count)]
                        for n in schema.names() if schema[n].scorable},
            "totals": {n: reader.field_length(n) for n in schema.names() if schema[n].scorable},
            "columns": {n: list(reader.column_reader(n)) for n in schema.names() if schema[n].column_type},
        }


def _strip(value):
    """A side file's JSON without what differs between any two builds (times, folders, file signatures)."""
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k not in _VARYING}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def side_files(generation: Path) -> dict:
    """The arrays folder (every .npy as dtype, shape and digest; other files by content) and the JSON side files."""
    out = {}
    for path in sorted(generation.rglob("*")):
        name = str(path.relative_to(generation))
        if path.is_dir() or ("/" not in name and path.suffix != ".json") or name == "checksums.json":
            continue  # Whoosh's own files (named at random) are compared by what they hold (whoosh_contents)
        if path.suffix == ".npy":
            array = np.load(path)
            out[name] = (str(array.dtype), array.shape, hashlib.sha1(array.tobytes()).hexdigest())
        elif path.suffix == ".json":
            out[name] = _strip(json.loads(path.read_text(encoding="utf-8")))
        else:
            out[name] = hashlib.sha1(path.read_bytes()).hexdigest()
    return out


def pages(index_dir: Path) -> list[dict]:
    """The result pages of QUERIES: totals, hits (scores, snippets), facet counts, as dictionaries."""
    backend = open_backend(index_dir)
    out = []
    for request in QUERIES:
        result = asdict(backend.search(request))
        result.pop("request", None)
        out.append(result)
    return out


def contents(index_dir: Path) -> dict:
    """Everything above for an index folder's current generation."""
    generation = current_generation(index_dir)
    return {"whoosh": whoosh_contents(generation), "files": side_files(generation), "pages": pages(index_dir)}


def differences(a: dict, b: dict, where: str = "") -> list[str]:
    """Paths at which two contents differ (empty when equal)."""
    if isinstance(a, dict) and isinstance(b, dict):
        out = [f"{where}/{k}: only in one" for k in set(a) ^ set(b)]
        for key in sorted(set(a) & set(b), key=str):
            out += differences(a[key], b[key], f"{where}/{key}")
        return out
    return [] if a == b else [where]


if __name__ == "__main__":
    first, second = (contents(Path(arg)) for arg in sys.argv[1:3])
    found = differences(first, second)
    print("\n".join(found[:50]) if found else
          f"same contents: {len(first['whoosh']['postings'])} terms, {len(first['whoosh']['stored'])} paragraphs, "
          f"{len(first['files'])} side files, {len(first['pages'])} pages")
    sys.exit(1 if found else 0)
