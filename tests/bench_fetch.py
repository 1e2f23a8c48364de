"""Fetch throughput against the scripted loopback server: files/s and bytes, a first run, then a second.

Run: .venv/bin/python -m tests.bench_fetch [--files N] [--faults K] [--delay S]
Serves the real reports in ../shared/reports when present (their true sizes), else generated PDFs, all as one
council's publications; every K-th file answers 503 once first, so retries are counted too.
"""
from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
from pathlib import Path

from indexer import settings
from indexer.fetch import ClientConfig, FetchOptions, fetch

from tests.local_site import LocalSite, Reply, html, pdf
from tests.pdfs import make_pdf
from tests.test_fetch import TABLE_IDS, publication, report_pdf


def payloads(count: int) -> list[bytes]:
    """The files to serve: the real reports when there, else generated ones."""
    real = sorted((settings.shared_dir() / "reports").glob("*.pdf"))
    if real:
        return [p.read_bytes() for p in real[:count] if p.read_bytes().startswith(b"%PDF-")]
    return [make_pdf([f"Generated report {i}"] + ["Leaders know their services well."] * 40) for i in range(count)]


def serve(server: LocalSite, files: list[bytes], faults: int) -> None:
    """robots.txt, the listing, Barnet's provider page with every file, and the files."""
    server.route("/robots.txt", Reply(200, b"User-agent: *\nAllow: /\n"))
    listing = settings.FETCH_LISTING_PATH
    server.route(f"{listing}&start=0&rows=100", html('<a href="/provider/44/80487">Barnet</a>'))
    day = dt.date(2024, 1, 1)
    links = []
    for i, data in enumerate(files):
        file_id = str(70000000 + i)
        published = day - dt.timedelta(days=7 * i)
        links.append(publication(file_id, f"Children's services inspection - {published.day} {published:%B %Y}"))
        replies = [Reply(503, b"busy")] if faults and i % faults == 0 else []
        server.route(f"/v1/file/{file_id}", *replies, pdf(data, f'"{file_id}"'))
    for file_id in TABLE_IDS:
        server.route(f"/v1/file/{file_id}", pdf(report_pdf(file_id), f'"{file_id}"'))
    server.route("/provider/44/80487", html("<ul>" + "".join(links) + "</ul>"))


def main() -> None:
    """Two runs into a fresh folder; one line of figures each."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=124)
    parser.add_argument("--faults", type=int, default=10, help="every K-th file fails once with 503 (0: none)")
    parser.add_argument("--delay", type=float, default=0.0)
    args = parser.parse_args()
    files = payloads(args.files)
    server = LocalSite()
    try:
        serve(server, files, args.faults)
        with tempfile.TemporaryDirectory() as folder:
            for name in ("first run", "second run"):
                config = ClientConfig(user_agent="reportsearch-bench", delay=args.delay, backoff=0.01)
                options = FetchOptions(into=Path(folder), councils=("Barnet",), reports_site=server.url,
                                       files_site=server.url, client=config)
                started = time.perf_counter()
                report = fetch(options)
                seconds = time.perf_counter() - started
                n = len(report.results)
                print(f"{name}: {report.summary()}")
                print(f"  {n / seconds:.1f} files/s, {report.bytes / seconds / 1e6:.1f} MB/s, "
                      f"{report.bytes / 1e6:.1f} MB, {report.requests} requests, {report.retries} retries")
    finally:
        server.close()


if __name__ == "__main__":
    main()
