"""A page printed one sentence per line keeps its lines as paragraphs (invented sentences). Round 25 built a rule
joining such lines into passages (`ROUND25_LINE_PASSAGES`); it shipped off and was removed in round 32."""
from __future__ import annotations

from indexer.ingest.documents import load_document

LINES = [
    "The inspectors spent two weeks with the social work teams in the spring.",
    "They read the files of sixty children who had been referred by schools.",
    "Most visits happened on time and the notes were clear.",
    "Managers did not always check that plans were carried out.",
    "The council said it had already hired more senior practitioners.",
    "A further visit is expected before the end of the year.",
    "Families were asked what had changed since the last visit.",
]


def test_one_sentence_lines_stay_paragraphs(tmp_path):
    story = ["Northfield children's services rated good by Ofsted", "",
             *[line for text in LINES for line in (text, "")],
             "Ofsted judged the services for children in Northfield to be good overall.", ""]
    path = tmp_path / "northfield-story.txt"
    path.write_text("\n".join(story), encoding="utf-8")
    doc = load_document(path)
    assert [p.text for p in doc.paragraphs][:len(LINES)] == LINES
