"""The first-hour question set: each question's top three documents over an index, for judging by reading.

Usage: python docs/first-hour/questions.py INDEX_DIR > out.txt
"""
from __future__ import annotations

import re
import sys

from indexer.models import SearchRequest
from indexer.backends import SearchBackend, open_backend

QUESTIONS = [
    "Birmingham children's services rated inadequate",
    "child sexual exploitation Rotherham",
    "caseloads too high",
    "social workers caseloads are manageable",
    "councils judged inadequate in 2019",
    "rated inadequate leadership and management",
    "care leavers in bed and breakfast",
    "return home interviews children missing from care",
    "agency social workers high turnover",
    "Kent children in care 2013",
    "Medway inadequate",
    "private fostering arrangements",
    "unaccompanied asylum seeking children",
    "delays at the front door MASH",
    "graded outstanding",
    "public law outline delays in court proceedings",
    "disabled children short breaks",
    "corporate parenting board",
    "supervision of social workers not regular",
    "Sunderland children's services improvement",
    "Isle of Wight partnership with Hampshire",
    "Wakefield children's services",
    "inadequate 2008",
    "children placed in unregistered homes",
]


def main(index_dir: str) -> None:
    """Print each question's total and top three hits (document, council, year, grade, snippet)."""
    index = open_backend(index_dir)
    for n, q in enumerate(QUESTIONS, 1):
        result = index.search(SearchRequest(q=q, per_page=3))
        print(f"## {n}. {q}  — {result.total_docs} documents")
        for attr in ("not_indexed",):
            if getattr(result, attr, None):
                print("   NOTE:", getattr(result, attr))
        for hit in result.hits:
            snippet = re.sub(r"<[^>]+>", "", hit.snippet_html)[:170]
            print(f"   - {hit.doc_id} [{'; '.join(hit.council)} {hit.year} {'; '.join(hit.severity)}] {snippet}")


if __name__ == "__main__":
    main(sys.argv[1])
