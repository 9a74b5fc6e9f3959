"""The page walk: link offsets moved through whitespace folding, containers numbered, post counts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import html

from cleaner.read.page import _BREAK, _offset_mover, _tidy, page_blocks
from cleaner.read.page_type import _post_count


def _greedy_offsets(raw: str) -> list[int]:
    """The reference: walk raw and tidied text side by side, character by character."""
    tidied = _tidy(raw)
    mapping = [0] * (len(raw) + 1)
    j = 0
    for i, char in enumerate(raw):
        mapping[i] = j
        if j < len(tidied) and (
            char == tidied[j] or (tidied[j] in " \n" and (char.isspace() or char == _BREAK))
        ):
            j += 1
    mapping[len(raw)] = len(tidied)
    return mapping


@given(st.lists(st.sampled_from(["a", "bc", " ", "\n", "\t", _BREAK, "\u00a0", "\u2003", "é", "\u200b"])))
def test_offsets_move_as_the_character_walk_does(pieces: list[str]) -> None:
    raw = "".join(pieces)
    moved = _offset_mover(raw)
    assert [moved(index) for index in range(len(raw) + 1)] == _greedy_offsets(raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("", [0]),
        ("  a", [0, 0, 0, 1]),
        ("a  b", [0, 1, 2, 2, 3]),
        (f"a {_BREAK} b ", [0, 1, 2, 2, 2, 3, 3]),
    ],
)
def test_offsets_in_folded_whitespace(raw: str, expected: list[int]) -> None:
    moved = _offset_mover(raw)
    assert [moved(index) for index in range(len(raw) + 1)] == expected


def test_every_block_sits_in_its_numbered_containers() -> None:
    tree = html.fromstring(
        "<html><body><div class='a'><p>One <a href='/x'>link</a></p><ul><li>item</li></ul>"
        "<table><tr><td>cell</td></tr></table>tail text</div><blockquote><p>quoted</p></blockquote>"
        "</body></html>"
    )
    page = page_blocks(tree)
    assert [block.text for block in page.blocks] == ["One link", "item", "cell", "tail text", "quoted"]
    for block in page.blocks:
        chain, node = [], block.node
        while node >= 0:
            chain.append(page.elements[node])
            node = page.parents[node]
        assert tuple(reversed(chain)) == block.containers


@pytest.mark.parametrize(
    ("body", "posts"),
    [
        ("<div class='postbody'>a</div><div class='PostBody x'>b</div><div class='cooked'>c</div>", 3),
        ("<div class='coo\u212aed'>Kelvin sign lowercases to k</div>", 1),
        ("<div itemtype='https://schema.org/Answer' class='postbody'>counted once</div>", 1),
        ("<div itemtype='http://schema.org/DiscussionForumPosting'>a</div>", 1),
        ("<div class='post body'>a</div><div class='xpostbody'>b</div><div class='posting'>c</div>", 0),
        ("<div itemtype='https://schema.org/Article'>a</div>", 0),
    ],
)
def test_post_count(body: str, posts: int) -> None:
    assert _post_count(html.fromstring(f"<html><body>{body}</body></html>")) == posts
