"""Absolute URLs come from the configured base URL (`serve --base-url`), never from the client's Host header.

Without a base URL, links in feeds and redirects are relative (a feed's ids become tag: URIs, which must be
absolute but need no host). With one, every request is seen as addressed to it, so nothing a client sends in
Host or X-Forwarded-* can change a generated link.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import Flask, current_app, request

TAG_PREFIX = "tag:reportsearch,2024:"


def normalised_base(url: str | None) -> str:
    """The base URL without a trailing slash ('' for none); ValueError unless http(s)://host[:port][/path]."""
    url = (url or "").strip().rstrip("/")
    if not url:
        return ""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise ValueError(f"--base-url must look like https://reports.example.org (got {url!r})")
    return url


class PinnedHost:
    """WSGI middleware: every request carries the base URL's scheme, host and path prefix."""

    def __init__(self, app, base: str):
        self.app, parts = app, urlsplit(base)
        self.scheme, self.host, self.prefix = parts.scheme, parts.netloc, parts.path.rstrip("/")

    def __call__(self, environ, start_response):
        environ["wsgi.url_scheme"], environ["HTTP_HOST"] = self.scheme, self.host
        environ["SERVER_NAME"], _, port = self.host.partition(":")
        environ["SERVER_PORT"] = port or ("443" if self.scheme == "https" else "80")
        environ["SCRIPT_NAME"] = self.prefix
        return self.app(environ, start_response)


def external(path: str) -> str:
    """A URL for a path of this site: under the base URL when one is configured, else the path itself."""
    base = current_app.config.get("BASE_URL") or ""
    return base.rstrip("/") + path[len(request.script_root):] if base else path


def feed_id(url: str) -> str:
    """An Atom id for a URL of this site: the URL when absolute, else a tag: URI of its path."""
    return url if "://" in url else TAG_PREFIX + url


def install(app: Flask) -> None:
    """Pin the host to BASE_URL (when set) and make redirects relative or under it."""
    base = normalised_base(app.config.get("BASE_URL"))
    app.config["BASE_URL"] = base
    if base:
        app.wsgi_app = PinnedHost(app.wsgi_app, base)

    @app.after_request
    def own_locations(response):
        location = response.headers.get("Location")
        if location and location.startswith(request.host_url):
            # Werkzeug builds a redirect's Location from the request's Host: keep only its path.
            response.headers["Location"] = external("/" + location[len(request.host_url):])
        return response
