"""Round 33: a council's name after a role and a first name is a person's surname (`settings.ROUND33_ROLE_NAMES`).
An invented page about a real council, in the project's own words."""
from __future__ import annotations

import pytest

from indexer import settings
from indexer.ingest.annotate.person_names import is_surname
from tests.facet_helpers import article

PAGE = ("Child protection report embarrasses the town hall\n\n"
        "This week's Ofsted report on child protection in Blackpool rated the service inadequate, and council leader "
        "Simon Blackburn struggled to answer questions about it on the radio.\n\n"
        "A local blogger said council leader Simon Blackburn should explain why nobody acted sooner.\n")


@pytest.mark.parametrize("on", [True, False])
def test_a_leaders_surname_names_no_council(monkeypatch, tmp_path, on):
    monkeypatch.setattr(settings, "ROUND33_ROLE_NAMES", on)
    assert (article(tmp_path, PAGE).council == ["Blackpool"]) is on


@pytest.mark.parametrize("text, surname", [
    ("council leader Simon Blackburn", True),
    ("chief executive Jo Kent", True),
    ("the leader of Blackburn", False),
    ("Ofsted inspected Kent", False),
])
def test_is_surname(monkeypatch, text, surname):
    monkeypatch.setattr(settings, "ROUND33_ROLE_NAMES", True)
    assert is_surname(text, text.rindex(" ") + 1) is surname
