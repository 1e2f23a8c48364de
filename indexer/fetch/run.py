"""One fetch run: find what to download, download what is new or changed, write the manifest, summarise."""
from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from indexer import settings
from indexer.ingest.extract import IngestError, sniff
from indexer.fetch import plan, site, state, store
from indexer.fetch.client import ClientConfig, Disallowed, FetchError, PoliteClient, Unreachable, user_agent

ALL_KINDS = frozenset({*site.KINDS, "other"})


@dataclass
class FetchOptions:
    """What to fetch, from where, into which folder."""

    into: Path
    councils: tuple[str, ...] = ()
    since: dt.date | None = None
    kinds: frozenset[str] = frozenset({"inspection"})
    dry_run: bool = False
    contact: str = ""
    reports_site: str = settings.FETCH_REPORTS_SITE
    files_site: str = settings.FETCH_FILES_SITE
    client: ClientConfig | None = None  # None: the settings' defaults with this contact


@dataclass
class Result:
    """What became of one file: new, changed, unchanged, failed, skipped (robots.txt) or planned (dry run)."""

    item: plan.Item
    status: str
    reason: str = ""
    size: int = 0
    unreachable: bool = False  # failed because the site could not be reached at all


@dataclass
class FetchReport:
    """A run's summary."""

    folder: str
    results: list[Result] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    requests: int = 0
    retries: int = 0
    bytes: int = 0
    seconds: float = 0.0
    unreachable: bool = False  # nothing could be reached at all

    def counts(self) -> dict[str, int]:
        """Results per status, in a fixed order."""
        found = Counter(r.status for r in self.results)
        return {s: found[s] for s in ("new", "changed", "unchanged", "failed", "skipped", "planned") if found[s]}

    @property
    def failed(self) -> list[Result]:
        """The files that could not be fetched."""
        return [r for r in self.results if r.status == "failed"]

    def summary(self) -> str:
        """One line: counts, bytes, requests, retries, time."""
        counts = ", ".join(f"{n} {s}" for s, n in self.counts().items()) or "nothing to fetch"
        return (f"{counts}; {self.bytes:,} bytes in {self.requests} requests ({self.retries} retries), "
                f"{self.seconds:.1f} s, into {self.folder}")


Progress = Callable[[str, object], None]  # ("planned", n) | ("page", url) | ("file", Result)


def fetch(options: FetchOptions, progress: Progress | None = None,
          sleep: Callable[[float], None] = time.sleep) -> FetchReport:
    """Fetch the reports the options ask for into `options.into`; raises UnknownCouncil, Unreachable."""
    started = time.perf_counter()
    chosen = plan.councils(options.councils)  # an unknown name fails before any request
    config = options.client or ClientConfig(user_agent=user_agent(options.contact))
    client = PoliteClient(config, sleep=sleep)
    folder = Path(options.into)
    report = FetchReport(folder=str(folder))
    notify = progress or (lambda kind, value: None)
    try:
        discovered = _discover(client, chosen, options, report, notify)
        items = plan.select(plan.merge(plan.from_outcomes(chosen, options.files_site), discovered),
                            options.since, set(options.kinds))
        if not options.dry_run:
            folder.mkdir(parents=True, exist_ok=True)
            store.remove_leftovers(folder)
        known = state.load(folder) if folder.is_dir() else {}
        _name(items, known)
        notify("planned", len(items))
        if options.dry_run:
            report.results = [Result(i, "planned") for i in items]
        else:
            _download_all(client, items, folder, known, report, notify)
    finally:
        report.requests, report.retries = client.counters.requests, client.counters.retries
        report.bytes, report.seconds = client.counters.bytes, time.perf_counter() - started
    report.unreachable = bool(report.failed) and all(r.unreachable for r in report.failed) \
        and not any(r.status in ("new", "changed", "unchanged") for r in report.results)
    return report


def _discover(client: PoliteClient, chosen: list[plan.Council], options: FetchOptions, report: FetchReport,
              notify: Progress) -> list[plan.Item]:
    """Publications on the chosen councils' provider pages (found through the providers listing)."""
    pages = _provider_pages(client, options.reports_site, report, notify)
    items: list[plan.Item] = []
    read: set[str] = set()
    for council in chosen:
        url = pages.get(council.urn) if council.urn else None
        if url is None and council.urn and council.current:  # not listed (or no listing): its page by URN
            url = plan.provider_url(council, options.reports_site)
        if url is None:
            if options.councils:  # only a council asked for by name is worth a warning
                report.warnings.append(f"{council.name}: no provider page known (URN {council.urn or 'unknown'}"
                                       f"{'' if council.current else ', abolished'}); only the outcomes "
                                       "table's reports")
            continue
        if council.urn in read:  # a page shared with a council before it: read once
            continue
        read.add(council.urn)
        notify("page", url)
        try:
            found = site.publications(client.page(url).body, url)
        except FetchError as exc:
            report.warnings.append(f"{council.name}: provider page {url} not read ({exc})")
            continue
        items.extend(plan.from_publications(plan.sharing_urn(council.urn), found, options.files_site))
    return items


def _provider_pages(client: PoliteClient, reports_site: str, report: FetchReport, notify: Progress) -> dict[str, str]:
    """URN -> provider page URL from the paged listing; stops at a page that adds no provider."""
    found: dict[str, str] = {}
    for number in range(settings.FETCH_LISTING_MAX_PAGES):
        url = site.listing_url(reports_site, number * settings.FETCH_LISTING_ROWS)
        notify("page", url)
        try:
            links = site.provider_links(client.page(url).body, url)
        except Unreachable:
            raise
        except FetchError as exc:
            if number and exc.status == 404:
                break  # a page past the end
            missed = "new publications not discovered" if not number else \
                "councils listed after it are not searched for new publications"
            report.warnings.append(f"providers listing {url} not read ({exc}); {missed}")
            break
        fresh = {urn: link for urn, link in links.items() if urn not in found}
        if not fresh:
            break
        found.update(fresh)
    return found


def _name(items: list[plan.Item], known: dict[str, state.Fetched]) -> None:
    """Each item's file name: the one an earlier run gave it, else a new unique one."""
    taken = {entry.file for entry in known.values()}
    for item in items:
        if item.source_url in known:
            item.file = known[item.source_url].file
            continue
        name = plan.file_name(item)
        stem, n = name.removesuffix(".pdf"), 2
        while name in taken:
            name, n = f"{stem}-{n}.pdf", n + 1
        item.file = name
        taken.add(name)


def _download_all(client: PoliteClient, items: list[plan.Item], folder: Path, known: dict[str, state.Fetched],
                  report: FetchReport, notify: Progress) -> None:
    """Download each item in turn; state and manifest are saved after each file, so an interrupted run loses
    nothing it finished."""
    for item in items:
        before = known.get(item.source_url)
        result = _download(client, item, folder, known)
        report.results.append(result)
        if known.get(item.source_url) != before:
            state.save(folder, known)
        if result.status in ("new", "changed", "unchanged"):
            store.write_manifest(folder, {item.file: item.manifest_row()})  # written only when it differs
        notify("file", result)


def _download(client: PoliteClient, item: plan.Item, folder: Path, known: dict[str, state.Fetched]) -> Result:
    """One file: a conditional GET when we have it, checked to be a PDF, renamed into place when whole."""
    final = folder / item.file
    entry = known.get(item.source_url) if final.exists() else None
    temp = store.temp_path(folder, item.file)
    try:
        response = client.download(item.fetch_url, temp, entry.etag if entry else "",
                                   entry.last_modified if entry else "")
        if response.status == 304:
            return Result(item, "unchanged")
        with open(temp, "rb") as handle:
            sniff(handle.read(4096), "pdf")
        digest = store.sha256(temp)
        status = "new" if entry is None and not final.exists() else "changed"
        if final.exists() and entry is not None and entry.sha256 == digest:
            status = "unchanged"  # the server ignored our validators but sent the same bytes
        else:
            store.place(temp, final)
        known[item.source_url] = state.Fetched(
            file=item.file, etag=response.headers.get("etag", ""),
            last_modified=response.headers.get("last-modified", ""), size=response.size, sha256=digest,
            fetched_at=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"))
        return Result(item, status, size=response.size)
    except Disallowed as exc:
        return Result(item, "skipped", str(exc))
    except Unreachable as exc:
        return Result(item, "failed", str(exc), unreachable=True)
    except IngestError as exc:
        return Result(item, "failed", f"{exc}; not saved")
    except FetchError as exc:
        return Result(item, "failed", str(exc))
    finally:
        store.discard(temp)
