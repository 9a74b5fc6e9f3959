"""Token counts read off a page's characters equal `re.findall(r"\\w+")` block by block."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleaner.read.shape import TokenCounts

_TOKEN = re.compile(r"\w+")


def _reference(text: str) -> tuple[int, int, int, int, int, int]:
    """The per-block definitions the layout features were first written with."""
    tokens = _TOKEN.findall(text)
    return (
        len(tokens),
        sum(map(str.isdigit, tokens)),
        sum(token[0].isupper() for token in tokens),
        sum(map(len, tokens)),
        sum(map(text.count, ".,;:!?")),
        text.count("\n"),
    )


def _counted(texts: list[str]) -> list[tuple[int, ...]]:
    counts = TokenCounts(texts)
    columns = (
        counts.tokens,
        counts.digits,
        counts.capitalised,
        counts.token_chars,
        counts.punctuation,
        counts.newlines,
    )
    return [tuple(int(column[i]) for column in columns) for i in range(len(texts))]


@pytest.mark.parametrize(
    "texts",
    [
        [],
        [""],
        ["", "One two.", ""],
        ["abc", "def"],  # a token never runs on into the next block
        ["Zürich 2024: İstanbul, ² ½ x²", "snake_case __ 12_3", "東京は晴れ。", "Ελληνικά ΟΔΟΣ"],
        ["line one\nline two!\n", "Is it? Yes; no: maybe."],
    ],
)
def test_counts_equal_the_per_block_definitions(texts: list[str]) -> None:
    assert _counted(texts) == [_reference(text) for text in texts]


@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30), max_size=6))
def test_counts_equal_the_per_block_definitions_on_any_text(texts: list[str]) -> None:
    assert _counted(texts) == [_reference(text) for text in texts]
