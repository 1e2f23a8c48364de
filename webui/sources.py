"""Downloads of indexed files: /file/<doc id>, only for documents in the index, path taken from its record."""
from __future__ import annotations

from flask import Blueprint, abort, send_file

from indexer.features.sources import source_file

from webui.views import search_index

bp = Blueprint("sources", __name__)

# A served file runs nothing: no scripts, no plugins, no navigation, even if a browser renders it.
FILE_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:"


@bp.route("/file/<path:doc_id>")
def indexed_file(doc_id: str):
    """The file a document was indexed from, as it is on disk now; 404 for anything else."""
    index = search_index()
    doc = index.document(doc_id)
    if doc is None:
        abort(404)
    found = source_file(doc.path, index.stats().sources)
    if found is None:
        abort(404)
    response = send_file(found.path, mimetype=found.content_type, download_name=found.name, conditional=True,
                         max_age=0)
    response.headers["Content-Security-Policy"] = FILE_CSP
    return response
