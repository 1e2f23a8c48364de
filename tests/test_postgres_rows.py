"""The tsvector text the PostgreSQL writer makes from the project's own stems (no server needed)."""
from __future__ import annotations

from indexer.backends.postgres.rows import MAX_POSITION, analysed, tsvector_literal


def entries(literal: str) -> dict[str, str]:
    """lexeme -> its positions, from a tsvector literal (a lexeme may come once per position)."""
    out: dict[str, list[str]] = {}
    for part in literal.split(" "):
        lexeme, _, positions = part.rpartition(":")
        out.setdefault(lexeme, []).append(positions)
    return {lexeme: ",".join(positions) for lexeme, positions in out.items()}


def test_fields_follow_one_another_with_gaps_and_weights():
    found = entries(tsvector_literal([("A", ["care", "leaver"]), ("C", ["medway"]), ("B", []), ("D", ["care"])]))
    assert found == {"'care'": "1A,13", "'leaver'": "2A", "'medway'": "6C"}


def test_quotes_and_backslashes_are_escaped():
    assert tsvector_literal([("D", ["children's", "a\\\\b"])]) == "'children''s':1 'a\\\\\\\\b':2"


def test_a_stem_postgresql_cannot_hold_is_left_out():
    assert tsvector_literal([("D", ["x" * 3000, "ok"])]) == "'ok':2"


def test_at_most_256_positions_per_word():
    assert entries(tsvector_literal([("D", ["the"] * 300)]))["'the'"].count(",") == 255


def test_a_very_long_paragraph_shares_the_last_position():
    words = [f"w{i}" for i in range(MAX_POSITION + 10)]
    found = entries(tsvector_literal([("A", ["title"]), ("D", words)]))
    assert found["'title'"] == "1A"
    assert found["'w0'"] == "5" and found[f"'w{MAX_POSITION - 5}'"] == str(MAX_POSITION)
    assert found[f"'w{MAX_POSITION + 9}'"] == str(MAX_POSITION)


def test_stems_are_the_project_analysis():
    assert analysed("Children's services were Inadequate") == ["children", "servic", "were", "inadequ"]
