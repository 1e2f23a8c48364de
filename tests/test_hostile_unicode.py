"""Hostile Unicode: a lone surrogate, NUL or undecodable byte in any metadata field or query parameter never
reaches a stored field, and no page that shows it answers 500.

One index holds the seeds plus one document per (carrier, bad value): sidecar, manifest.jsonl, manifest.csv,
HTML <title>/og:title/canonical/published meta, and the file name itself.
"""
from __future__ import annotations

import json
import os
from urllib.parse import quote

import pytest

from indexer.backends.embedded.write.build import rebuild
from indexer.backends import open_backend

from tests.hostile_helpers import PROSE, app_client, get, is_valid_text, seed_copy

BAD = {"high": "\ud800", "low": "\udfff", "nul": "\x00", "pair-split": "\ud83d x \ude00"}
# carrier -> how a document carries a bad title (each writes files into the folder for one value)


def _sidecar(folder, name, bad):
    (folder / f"{name}.txt").write_text(PROSE.format(c="Sidecarshire") + "\n", encoding="utf-8")
    (folder / f"{name}.txt.meta.json").write_text(json.dumps({"title": f"Title {bad} end", "url":
                                                              f"https://example.org/{bad}", "published": bad}))


def _jsonl(folder, name, bad):
    sub = folder / f"jsonl-{name}"
    sub.mkdir()
    (sub / f"{name}.txt").write_text(PROSE.format(c="Jsonlshire") + "\n", encoding="utf-8")
    (sub / "manifest.jsonl").write_text(json.dumps({"file": f"{name}.txt", "title": f"Listed {bad} title",
                                                    "published": f"2021-01-0{bad}"}) + "\n")


def _html(folder, name, bad):
    entity = "".join(f"&#x{ord(ch):x};" for ch in bad)
    (folder / f"{name}.html").write_text(
        f"<!DOCTYPE html><html><head><title>Page {entity}</title>"
        f"<meta property='og:title' content='Og {bad} title'>"
        f"<meta name='pubdate' content='{bad}'>"
        f"<link rel='canonical' href='https://example.org/{bad}'></head>"
        f"<body><article><h1>Head {entity}</h1><p>{PROSE.format(c='Htmlton')} {entity}</p></article></body></html>",
        encoding="utf-8", errors="surrogatepass")


def _csv_manifest(folder, name, bad):
    sub = folder / f"csv-{name}"
    sub.mkdir()
    (sub / f"{name}.txt").write_text(PROSE.format(c="Csvshire") + "\n", encoding="utf-8")
    (sub / "manifest.csv").write_bytes(b"file,title\n" + f"{name}.txt,".encode() + b"Bad \xff\xfe title "
                                       + bad.encode("utf-8", "surrogatepass") + b"\n")


def _file_name(folder, name, bad):
    tail = bad.encode("utf-8", "surrogatepass")[:1].replace(b"\x00", b"\x01")  # a file name cannot hold NUL
    raw = os.fsencode(str(folder)) + b"/" + name.encode() + b"-\xff\xe9" + tail + b".txt"
    with open(raw, "wb") as handle:
        handle.write((PROSE.format(c="Filenameton") + "\n").encode())


CARRIERS = {"sidecar": _sidecar, "jsonl": _jsonl, "html": _html, "csv": _csv_manifest, "filename": _file_name}
CASES = [(carrier, bad) for carrier in CARRIERS for bad in BAD]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The seeds plus every bad-metadata document, indexed once."""
    root = tmp_path_factory.mktemp("hostile-unicode")
    src = seed_copy(root / "src")
    for carrier, bad in CASES:
        CARRIERS[carrier](src, f"{carrier}-{bad_name(bad)}", BAD[bad])
    report = rebuild([src], root / "index")
    return {"src": src, "index": root / "index", "report": report, "client": app_client(root / "index"),
            "backend": open_backend(root / "index")}  # one open: opening and warming per lookup was most of the time


def bad_name(key: str) -> str:
    """The key of a bad value (its name)."""
    return key


def _docs_of(corpus, carrier, bad):
    """The stored documents that came from one case."""
    gen = corpus["backend"].generation()
    prefix = f"{carrier}-{bad}"
    return [name for name in gen.doc_names if name and name.startswith(prefix)]


@pytest.mark.parametrize("carrier,bad", CASES)
def test_bad_metadata_is_indexed_with_valid_text(corpus, carrier, bad):
    names = _docs_of(corpus, carrier, bad)
    assert len(names) == 1, names  # indexed, not skipped
    doc = corpus["backend"].document(names[0])
    assert is_valid_text(doc), doc["title"]
    assert is_valid_text(corpus["report"].as_dict())


PAGES = ("/doc/{id}", "/doc/{id}.json", "/search?q={q}", "/search.json?q={q}", "/search.csv?q={q}",
         "/search.atom?q={q}", "/similar?doc={id}&p=0", "/search/grid?q={q}")


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("carrier", list(CARRIERS))
def test_pages_showing_bad_metadata_answer(corpus, carrier, page):
    names = [n for bad in BAD for n in _docs_of(corpus, carrier, bad)]
    assert names
    words = {"sidecar": "Sidecarshire", "jsonl": "Jsonlshire", "html": "Htmlton", "csv": "Csvshire",
             "filename": "Filenameton"}
    for name in names:
        response = get(corpus["client"], page.format(id=quote(name), q=words[carrier]))
        assert response.status_code in (200, 404), (page, name, response.status_code)
        response.get_data(as_text=True).encode("utf-8")
    home = get(corpus["client"], "/")
    assert home.status_code == 200


def test_the_home_page_and_about_list_everything(corpus):
    assert get(corpus["client"], "/about").status_code == 200
    info = get(corpus["client"], "/about.json").get_json()
    assert info["documents"] == 5 + len(CASES)
    assert is_valid_text(info)


def test_cli_prints_bad_metadata(corpus):
    from click.testing import CliRunner

    from indexer.cli import main

    for word in ("Sidecarshire", "Htmlton", "Filenameton", "Jsonlshire"):
        result = CliRunner().invoke(main, ["search", word, "--index", str(corpus["index"])])
        assert result.exit_code == 0 and "Traceback" not in result.output, result.output
        result = CliRunner().invoke(main, ["search", word, "--json", "--index", str(corpus["index"])])
        assert result.exit_code == 0 and json.loads(result.output)["hits"]


@pytest.mark.parametrize("text,expected", [("a\ud800b", "a\ufffdb"), ("caf\udce9", "café"), ("x\x00y", "xy"),
                                           ("plain", "plain"), ("\udfff", "\ufffd")])
def test_valid_repairs_once(text, expected):
    from indexer.ingest.extract.unicode import valid

    assert valid(text) == expected and valid(valid(text)) == expected


# --- query parameters --------------------------------------------------------------------------------------
PARAMS = ("q", "council", "severity", "year", "year_from", "year_to", "sort", "page", "per_page", "match", "cf")
VALUES = {"encoded-surrogate": "%ED%A0%80", "latin1-byte": "%FF", "nul": "%00", "overlong": "%C0%AF",
          "rtl-override": "%E2%80%AE"}


@pytest.mark.parametrize("value", list(VALUES))
@pytest.mark.parametrize("param", PARAMS)
def test_bad_bytes_in_each_query_parameter(corpus, param, value):
    for fmt in ("", ".json"):
        response = get(corpus["client"], f"/search{fmt}?q=children&{param}=x{VALUES[value]}y")
        assert response.status_code == 200, (param, value)
        response.get_data(as_text=True).encode("utf-8")


@pytest.mark.parametrize("value", list(VALUES))
@pytest.mark.parametrize("path", ["/doc/x{v}.txt", "/council/Kent{v}", "/similar?doc=x{v}&p=1",
                                  "/councils?region={v}&grade={v}&sort={v}"])
def test_bad_bytes_in_paths_and_other_parameters(corpus, path, value):
    response = get(corpus["client"], path.format(v=VALUES[value]))
    assert response.status_code in (200, 404), (path, value, response.status_code)
