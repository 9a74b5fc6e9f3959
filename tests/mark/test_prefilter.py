"""The literal prefilter of the phrase rules: it may skip work, never change a result."""

from __future__ import annotations

import re

import pytest

from cleaner.document import Reason
from cleaner.mark.boilerplate import rule_set
from cleaner.mark.rules import PHRASE_RULES
from cleaner.mark.rules.prefilter import LiteralIndex, most_selective, required_literals


@pytest.mark.parametrize(
    ("pattern", "needs"),
    [
        (r"\bsubscribe (?:now|today)\b", {"subscribe "}),
        (r"(?:newsletter|digest)s?", {"newsletter", "digest"}),
        (r"\bfoo(?:bar)?\b", {"foo"}),
        (r"(?:abc)?xyz", {"xyz"}),
        (r"©\s*\d{4}", {"©"}),  # a short literal is a weak need, still a need
        (r"\w+@\w+", {"@"}),
        (r"\w+\s\d+", None),  # no literal at all: the regex always runs
        (r"(?:abc|\d+)", None),  # one branch without a literal
        (r"(?:abcd){0,2}", None),  # optional
    ],
)
def test_required_literals(pattern: str, needs: set[str] | None) -> None:
    found = required_literals(re.compile(pattern, re.IGNORECASE))
    assert (set(found) if found is not None else None) == needs


def test_most_selective_prefers_long_rare_words() -> None:
    assert most_selective([frozenset({"you"}), frozenset({"newsletter"})]) == frozenset({"newsletter"})
    assert most_selective([None, None]) is None


def test_literal_index_finds_overlapping_and_short_literals() -> None:
    index = LiteralIndex({"comment", "comments are", "ments", "©", "xyz"})
    assert index.present("comments are closed © 2024") == {"comment", "comments are", "ments", "©"}
    assert index.present("nothing here") == set()


def test_prefilter_never_hides_a_match() -> None:
    """On every rule's own patterns, a text the regexes match always passes the prefilter."""
    rules = rule_set(frozenset(Reason))
    samples = [
        "You've reached your free article limit.",
        "Subscribe to our newsletter",
        "© 2024 Example Media",
        "Share Facebook X",
        "COMMENTS",
        "Tags: science, space",
        "Photo: Jane Doe/Reuters",
        "Print article",
    ]
    for text in samples:
        slow = next(
            (
                r
                for r in PHRASE_RULES
                if len(text.split()) <= r.max_words and all(p.search(text) for p in r.patterns)
            ),
            None,
        )
        assert rules.first_match(text) == slow, text
