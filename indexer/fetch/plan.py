"""What to download: the councils asked for, the report URLs the outcomes table knows, the publications found."""
from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from indexer import settings
from indexer.ingest.annotate.gazetteer import authorities, display_name
from indexer.ingest.annotate.outcomes import all_outcomes
from indexer.fetch.site import Publication


class UnknownCouncil(ValueError):
    """A --council value that names no English local authority."""


@dataclass(frozen=True)
class Council:
    """A council to fetch for: ONS code, name, Ofsted URN, and whether it still exists."""

    code: str
    name: str
    urn: str
    current: bool = True


@dataclass
class Item:
    """One file to fetch, with the facts its source gives."""

    source_url: str    # the original address (Ofsted's), written to the manifest
    fetch_url: str     # where it is fetched from (a mirror when --files-site is set)
    title: str
    published: dt.date | None
    council_code: str
    council_name: str
    kind: str          # inspection | monitoring | focused | other
    origin: str        # "outcomes table" | "provider page"
    file: str = ""     # the file name in the folder

    def manifest_row(self) -> dict[str, str]:
        """The manifest.csv row."""
        return {"file": self.file, "url": self.source_url, "title": self.title,
                "published": self.published.isoformat() if self.published else "",
                "council_code": self.council_code, "council": self.council_name, "kind": self.kind}


@lru_cache(maxsize=1)
def _urns() -> dict[str, str]:
    """ONS code -> Ofsted URN, from the gazetteer."""
    with open(settings.GAZETTEER_CSV, newline="", encoding="utf-8") as handle:
        return {row["code"]: row["ofsted_urn"] for row in csv.DictReader(handle)}


def councils(names: tuple[str, ...] | list[str] = ()) -> list[Council]:
    """The councils named (by name, alias or ONS code), or every one; an unknown name raises UnknownCouncil."""
    from indexer.ingest.councils import find_council

    if not names:
        return [_council(code) for code in authorities()]
    out = []
    for name in names:
        found = find_council(name)
        if found is None:
            raise UnknownCouncil(f"unknown council {name!r}: give a council's name (e.g. 'Barnet'), "
                                 f"an alias or its ONS code (e.g. E09000003)")
        out.append(_council(found.code))
    return list(dict.fromkeys(out))


def _council(code: str) -> Council:
    """One authority as a Council."""
    return Council(code, display_name(code), _urns().get(code, ""), authorities()[code].valid_to is None)


def provider_url(council: Council, reports_site: str) -> str:
    """A council's provider page by its URN, for when the listing does not give it."""
    return reports_site.rstrip("/") + settings.FETCH_PROVIDER_PATH.format(urn=council.urn)


def rebase(url: str, site: str, default: str) -> str:
    """`url` moved from the default site to `site` (a mirror or test server); other URLs unchanged."""
    if site.rstrip("/") != default and url.startswith(default + "/"):
        return site.rstrip("/") + url[len(default):]
    return url


def canonical(url: str, site: str, default: str) -> str:
    """`url` on a mirror, or on another address of the file store, written as the default site's address."""
    for other in (site.rstrip("/"), *settings.FETCH_FILES_ALIASES):
        if other != default and url.startswith(other + "/"):
            return default + url[len(other):]
    return url


def _date_words(day: dt.date | None) -> str:
    """', 12 March 2024' or ''."""
    return f", {day.day} {day:%B %Y}" if day else ""


def from_outcomes(chosen: list[Council], files_site: str) -> list[Item]:
    """The report URLs the outcomes table knows for these councils (and their predecessors)."""
    codes = {c.code for c in chosen}
    for council in chosen:
        auth = authorities().get(council.code)
        codes.update(auth.predecessors if auth else ())
    items = []
    for outcome in all_outcomes():
        if outcome.la_code not in codes or not outcome.report_url.startswith(("http://", "https://")):
            continue
        name = display_name(outcome.la_code) if outcome.la_code in authorities() else outcome.la_name
        items.append(Item(source_url=outcome.report_url,
                          fetch_url=rebase(outcome.report_url, files_site, settings.FETCH_FILES_SITE),
                          title=f"{name}: {outcome.inspection_type}{_date_words(outcome.published)}",
                          published=outcome.published, council_code=outcome.la_code, council_name=name,
                          kind="inspection", origin="outcomes table"))
    return items


def sharing_urn(urn: str) -> list[Council]:
    """Every council with this provider URN: a unitary authority keeps the county council's it replaced."""
    return [c for c in councils() if c.urn == urn]


def owner(owners: list[Council], day: dt.date | None) -> Council:
    """Which of the councils sharing a provider page a publication of that day is about: the one that existed
    then (the current one when undated or none did)."""
    current = next((c for c in owners if c.current), owners[0])
    if day is None:
        return current
    return next((c for c in owners if authorities()[c.code].valid_on(day)), current)


def from_publications(owners: list[Council], found: list[Publication], files_site: str) -> list[Item]:
    """The publications found on a provider page, each given to the council it was about."""
    items = []
    for pub in found:
        if pub.format not in ("pdf", ""):
            continue
        council = owner(owners, pub.published)
        source = canonical(pub.url, files_site, settings.FETCH_FILES_SITE)
        items.append(Item(source_url=source, fetch_url=rebase(source, files_site, settings.FETCH_FILES_SITE),
                          title=f"{council.name}: {pub.title}{_date_words(pub.published)}", published=pub.published,
                          council_code=council.code, council_name=council.name, kind=pub.kind,
                          origin="provider page"))
    return items


def merge(known: list[Item], discovered: list[Item]) -> list[Item]:
    """One item per source URL; the outcomes table's facts win, a page adds what the table lacks."""
    out: dict[str, Item] = {}
    for item in [*known, *discovered]:
        kept = out.setdefault(item.source_url, item)
        if kept is not item and kept.published is None:
            kept.published = item.published
    return list(out.values())


def select(items: list[Item], since: dt.date | None, kinds: set[str]) -> list[Item]:
    """The items of the wanted kinds published on or after `since` (undated ones are kept)."""
    return [i for i in items if i.kind in kinds and (since is None or i.published is None or i.published >= since)]


def _slug(text: str) -> str:
    """lower-case-words."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def file_name(item: Item) -> str:
    """A stable, readable file name: council-date-kind-fileid.pdf."""
    tail = urlsplit(item.source_url).path.rstrip("/").rsplit("/", 1)[-1]
    ident = _slug(tail.removesuffix(".pdf"))[:40] or "file"
    date = item.published.isoformat() if item.published else "undated"
    return f"{_slug(item.council_name)[:40]}-{date}-{item.kind}-{ident}.pdf"
