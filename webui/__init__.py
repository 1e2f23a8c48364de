"""The reportsearch web UI: a Flask app factory in the style of the Flask tutorial."""
from __future__ import annotations

from flask import Flask

from indexer import settings

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


def create_app(test_config: dict | None = None) -> Flask:
    """Create the app; configuration comes from one mapping (test_config overrides the defaults)."""
    app = Flask(__name__)
    app.config.from_mapping(
        INDEX_DIR=str(settings.default_index()),
        CSV_EXPORT_CAP=settings.CSV_EXPORT_CAP,
        DATABASE_URL=settings.database_url(),
        BASE_URL="",  # absolute URLs (feeds) start with this; empty = relative links (webui/baseurl.py)
    )
    if test_config:
        app.config.from_mapping(test_config)
    from webui.backend import init_backend

    init_backend(app)

    from webui import councils, explore, presenting, sources, views
    from webui import baseurl

    baseurl.install(app)
    app.register_blueprint(views.bp)
    app.register_blueprint(presenting.bp)
    app.register_blueprint(councils.bp)
    app.register_blueprint(explore.bp)
    app.register_blueprint(sources.bp)

    @app.after_request
    def security_headers(response):
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response

    return app
