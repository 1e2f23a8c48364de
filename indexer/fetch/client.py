"""A polite HTTP client: one request at a time, spaced out, robots.txt honoured, retries with back-off.

Standard library only (urllib). Redirects are followed here, not by urllib, so each hop is spaced, checked
against robots.txt and counted, and a loop is caught.
"""
from __future__ import annotations

import email.utils
import errno
import http.client
import os
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from indexer import settings

RETRY_STATUSES = {429, 500, 502, 503, 504}
# Errors that mean the host cannot be reached at all (no network, no DNS, nothing listening).
_UNREACHABLE_ERRNOS = {errno.ENETUNREACH, errno.EHOSTUNREACH, errno.ECONNREFUSED, errno.ENETDOWN}


class FetchError(Exception):
    """One request failed for good, with a reason a person can read (and the HTTP status, when there was one)."""

    def __init__(self, reason: str, status: int | None = None):
        super().__init__(reason)
        self.status = status


class Unreachable(FetchError):
    """A site cannot be reached at all: no network, an unknown host, nothing listening."""


class Disallowed(FetchError):
    """robots.txt asks crawlers not to fetch this URL."""


@dataclass
class ClientConfig:
    """How politely to fetch, and the limits of one response."""

    user_agent: str
    delay: float = settings.FETCH_DELAY_SECONDS
    retries: int = settings.FETCH_RETRIES
    backoff: float = settings.FETCH_BACKOFF_SECONDS
    max_retry_after: float = settings.FETCH_MAX_RETRY_AFTER
    timeout: float = settings.FETCH_TIMEOUT_SECONDS
    max_file_bytes: int = settings.FETCH_MAX_FILE_BYTES
    max_file_seconds: float = settings.FETCH_MAX_FILE_SECONDS
    max_page_bytes: int = settings.FETCH_MAX_PAGE_BYTES
    max_redirects: int = settings.FETCH_MAX_REDIRECTS


@dataclass
class Response:
    """A finished response: 200 with its body (in memory or in `saved_to`), or 304 Not Modified."""

    url: str
    status: int
    headers: dict[str, str]
    body: bytes = b""
    saved_to: Path | None = None
    size: int = 0


@dataclass
class Counters:
    """What the client did, for the summary."""

    requests: int = 0
    retries: int = 0
    bytes: int = 0
    waits: list[float] = field(default_factory=list)  # back-off and Retry-After waits, in seconds


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Hand 3xx responses back to the caller instead of following them."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def user_agent(contact: str = "") -> str:
    """The User-Agent: the project, its version and how to reach whoever runs it."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        ver = version("reportsearch")
    except PackageNotFoundError:
        ver = "dev"
    return f"reportsearch/{ver} (children's services report search; {contact or 'no contact given'})"


def retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (now if now is not None else time.time()))


def _unreachable(exc: BaseException) -> bool:
    """True for errors meaning no connection could be made at all."""
    reason = getattr(exc, "reason", exc)
    if isinstance(reason, socket.gaierror):
        return True
    return isinstance(reason, OSError) and reason.errno in _UNREACHABLE_ERRNOS


def _host(url: str) -> str:
    """scheme://host[:port] of a URL."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


class PoliteClient:
    """GET one URL at a time, at least `delay` seconds apart, within robots.txt, with retries."""

    def __init__(self, config: ClientConfig, sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic):
        self.config = config
        self.counters = Counters()
        self._sleep, self._clock = sleep, clock
        self._last_request: float | None = None
        self._robots: dict[str, RobotFileParser | None] = {}  # None: no rules (robots.txt missing)
        self._robots_errors: dict[str, str] = {}  # hosts whose robots.txt could not be read: not crawled
        self._answered: set[str] = set()  # hosts that have answered once: later connection errors are retried
        self._opener = urllib.request.build_opener(_NoRedirect)

    # -- robots.txt -------------------------------------------------------------------------------------------
    def allowed(self, url: str) -> bool:
        """True when the site's robots.txt lets this client fetch the URL (read once per host)."""
        host = _host(url)
        if host in self._robots_errors:  # asked once per run, not once per file
            raise FetchError(self._robots_errors[host])
        if host not in self._robots:
            try:
                self._robots[host] = self._read_robots(host)
            except FetchError as exc:
                if not isinstance(exc, Unreachable):
                    self._robots_errors[host] = str(exc)
                raise
        rules = self._robots[host]
        return rules is None or rules.can_fetch(self.config.user_agent, url)

    def _read_robots(self, host: str) -> RobotFileParser | None:
        """The host's rules; a missing robots.txt allows everything, a forbidden one allows nothing."""
        rules = RobotFileParser(host + "/robots.txt")
        try:
            response = self._get(host + "/robots.txt", {}, None, self.config.max_page_bytes, check_robots=False)
        except Unreachable:
            raise
        except FetchError as exc:
            status = exc.status
            if status in (401, 403):
                rules.disallow_all = True
                return rules
            if status is not None and 400 <= status < 500:
                return None
            raise FetchError(f"cannot read {host}/robots.txt ({exc}); not crawling that site") from exc
        rules.parse(response.body.decode("utf-8", "replace").splitlines())
        delay = rules.crawl_delay(self.config.user_agent)
        if delay and float(delay) > self.config.delay:  # the site asks for more room than we planned
            self.config.delay = min(float(delay), settings.FETCH_MAX_CRAWL_DELAY)
        return rules

    # -- requests ---------------------------------------------------------------------------------------------
    def page(self, url: str) -> Response:
        """An HTML page, in memory."""
        return self._get(url, {}, None, self.config.max_page_bytes)

    def download(self, url: str, dest: Path, etag: str = "", last_modified: str = "") -> Response:
        """A file streamed to `dest` (the caller renames it into place), or a 304 when unchanged."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return self._get(url, headers, dest, self.config.max_file_bytes)

    def _get(self, url: str, headers: dict[str, str], dest: Path | None, limit: int,
             check_robots: bool = True) -> Response:
        """Follow redirects (spaced, robots-checked, loop-safe) around single-URL attempts with retries."""
        seen = []
        while True:
            if check_robots and not self.allowed(url):
                raise Disallowed(f"robots.txt disallows {url}")
            if url in seen:
                raise FetchError(f"redirect loop ({' -> '.join([*seen, url])})")
            if len(seen) > self.config.max_redirects:
                raise FetchError(f"more than {self.config.max_redirects} redirects")
            seen.append(url)
            response = self._with_retries(url, headers, dest, limit)
            if response.status in (301, 302, 303, 307, 308):
                location = response.headers.get("location", "")
                if not location:
                    raise FetchError(f"HTTP {response.status} redirect without a Location")
                url = urljoin(url, location)
                if urlsplit(url).scheme not in ("http", "https"):
                    raise FetchError(f"redirect to a non-web address {url[:80]!r}")
                continue
            return response

    def _wait_turn(self) -> None:
        """Sleep until `delay` has passed since the previous request started."""
        if self._last_request is not None:
            left = self._last_request + self.config.delay - self._clock()
            if left > 0:
                self._sleep(left)
        self._last_request = self._clock()

    def _backoff(self, attempt: int, reason: str, header: str | None = None) -> None:
        """Wait before retry `attempt` (1-based): Retry-After when given, else exponential back-off."""
        wait = retry_after(header)
        if wait is None:
            wait = self.config.backoff * 2 ** (attempt - 1)
        if wait > self.config.max_retry_after:
            raise FetchError(f"{reason}; the server asks to wait {wait:.0f} s, "
                             f"over the {self.config.max_retry_after:.0f} s limit")
        self.counters.retries += 1
        self.counters.waits.append(wait)
        self._sleep(wait)

    def _with_retries(self, url: str, headers: dict[str, str], dest: Path | None, limit: int) -> Response:
        """One URL, retried on 429, 5xx and dropped connections."""
        reason, retry_header = "", None
        for attempt in range(self.config.retries + 1):
            if attempt:
                self._backoff(attempt, reason, retry_header)
            retry_header = None
            try:
                return self._attempt(url, headers, dest, limit)
            except _Retryable as exc:
                reason, retry_header = str(exc), exc.retry_after
        raise FetchError(f"{reason} (gave up after {self.config.retries + 1} tries)")

    def _attempt(self, url: str, headers: dict[str, str], dest: Path | None, limit: int) -> Response:
        """One request; a retryable failure raises _Retryable, a final one FetchError."""
        self._wait_turn()
        self.counters.requests += 1
        request = urllib.request.Request(url, headers={"User-Agent": self.config.user_agent,
                                                       "Accept-Encoding": "identity", **headers})
        try:
            handle = self._opener.open(request, timeout=self.config.timeout)
        except urllib.error.HTTPError as exc:
            handle = exc
        except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
            if _unreachable(exc) and _host(url) not in self._answered:
                why = getattr(exc, "reason", exc)
                raise Unreachable(f"cannot reach {urlsplit(url).netloc} ({why})") from exc
            raise _Retryable(f"connection failed ({getattr(exc, 'reason', exc)})") from exc
        self._answered.add(_host(url))
        with handle:
            status = handle.status if hasattr(handle, "status") else handle.code
            response_headers = {k.lower(): v for k, v in handle.headers.items()}
            if status in RETRY_STATUSES:
                raise _Retryable(f"HTTP {status}", response_headers.get("retry-after"))
            if status == 304 or 300 <= status < 400:
                return Response(url, status, response_headers)
            if status != 200:
                raise FetchError(f"HTTP {status} {getattr(handle, 'reason', '') or ''}".strip(), status)
            declared = response_headers.get("content-length", "")
            if declared.isdigit() and int(declared) > limit:
                raise FetchError(f"too large: {int(declared):,} bytes, over the {limit:,} byte limit")
            return self._read_body(url, handle, response_headers, dest, limit)

    def _read_body(self, url: str, handle, headers: dict[str, str], dest: Path | None, limit: int) -> Response:
        """Stream the body (to `dest` or memory) within the size and time limits."""
        started = self._clock()
        size, chunks = 0, []
        out = open(dest, "wb") if dest else None
        try:
            while True:
                try:
                    chunk = handle.read(64 * 1024)
                except (OSError, http.client.HTTPException) as exc:  # reset, timeout, IncompleteRead
                    raise _Retryable(f"connection dropped after {size:,} bytes ({type(exc).__name__})") from exc
                if not chunk:
                    break
                size += len(chunk)
                self.counters.bytes += len(chunk)
                if size > limit:
                    raise FetchError(f"too large: over the {limit:,} byte limit")
                if self._clock() - started > self.config.max_file_seconds:
                    raise FetchError(f"too slow: over the {self.config.max_file_seconds:.0f} s limit")
                if out:
                    out.write(chunk)
                else:
                    chunks.append(chunk)
            if out:
                out.flush()
                os.fsync(out.fileno())
        finally:
            if out:
                out.close()
        return Response(url, 200, headers, b"".join(chunks), dest, size)


class _Retryable(Exception):
    """A failure worth another try (429, 5xx, a dropped connection)."""

    def __init__(self, reason: str, retry_after_header: str | None = None):
        super().__init__(reason)
        self.retry_after = retry_after_header
