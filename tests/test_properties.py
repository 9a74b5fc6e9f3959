"""Properties of clean() over generated pages (hypothesis; the CI profile in conftest.py is fixed and
bounded: `HYPOTHESIS_PROFILE=fuzz` runs many more examples by hand).

What idempotence means here (docs/operations.md says the same):
- **phrase rules are idempotent, in both modes**: cleaning the clean text again (as text) removes
  no block for a phrase reason (paywall, subscribe_cta, newsletter, social_embed, comments, credit,
  page_chrome, advertisement, promo); with only those rules on, the second pass returns the text unchanged.
- **the context steps are not**, by design: duplicate, related_links, title and the plain-text block
  classifier (outside_article) judge a block by its neighbours, and the first pass changed the
  neighbours. On the shared benchmark a second pass of the full pipeline changes 9 of 181 text
  pages and 9 of 181 HTML outputs, and a third pass changes 2: see docs/operations.md.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import unicodedata

from hypothesis import assume, given
from hypothesis import strategies as st

from cleaner import CleanerError, CleanOptions, Reason, clean, to_result
from cleaner.read.decode import normalize_text

PHRASE_REASONS = frozenset(
    {
        Reason.PAYWALL,
        Reason.SUBSCRIBE_CTA,
        Reason.NEWSLETTER,
        Reason.SOCIAL_EMBED,
        Reason.COMMENTS,
        Reason.CREDIT,
        Reason.PAGE_CHROME,
        Reason.ADVERTISEMENT,
        Reason.PROMO,
    }
)
TEXT = CleanOptions(format="text")
PHRASES_ONLY = CleanOptions(format="text", reasons=PHRASE_REASONS)

WORDS = st.sampled_from(
    "the council said on monday that a new bridge will open in may after years of work residents "
    "were told plans changed budget officials Mayor Harbour Library reopens schools 2024 £5 — «quoted» "
    "straße 東京 مرحبا 🎉".split()
)
JUNK = st.sampled_from(
    [
        "Subscribe to continue reading.",
        "You've reached your free article limit.",
        "Sign up for our newsletter",
        "pic.twitter.com/AbC123",
        "Comments are closed.",
        "Share this article",
        "Photo: Reuters",
        "Print this page",
        "Already a subscriber? Log in",
        "Related: More from Local News",
    ]
)
SENTENCE = st.lists(WORDS, min_size=3, max_size=30).map(lambda words: " ".join(words).capitalize() + ".")
LINE = st.one_of(SENTENCE, SENTENCE, JUNK, st.text(min_size=1, max_size=80), WORDS)
PAGE_LINES = st.lists(LINE, min_size=1, max_size=25).flatmap(
    # Repeat some lines somewhere else in the page: duplicates are a rule's business too.
    lambda lines: st.lists(st.sampled_from(lines), max_size=4).map(lambda copies: [*lines, *copies])
)


def _html(lines: list[str], tags: list[str]) -> str:
    body = "".join(f"<{tag}>{_escape(line)}</{tag}>" for line, tag in zip(lines, tags, strict=False))
    return f"<html><head><title>A page</title></head><body><nav><a href='/'>Home</a></nav><article>{body}</article></body></html>"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


HTML_PAGES = PAGE_LINES.flatmap(
    lambda lines: st.lists(
        st.sampled_from(["p", "p", "h2", "li", "blockquote"]), min_size=len(lines), max_size=len(lines)
    ).map(lambda tags: (lines, _html(lines, tags)))
)


def _words(text: str) -> list[str]:
    return unicodedata.normalize("NFC", text).split()


def _characters(text: str) -> list[str]:
    return [char for char in unicodedata.normalize("NFC", text) if not char.isspace()]


def _is_subsequence(small: list[str], big: list[str]) -> bool:
    remaining = iter(big)
    return all(word in remaining for word in small)


@given(st.binary(max_size=4096), st.sampled_from(["auto", "html", "text"]))
def test_any_bytes_give_a_document_or_a_library_error(raw: bytes, format: str) -> None:
    try:
        document = clean(raw, CleanOptions(format=format))  # type: ignore[arg-type]
    except CleanerError:
        return
    json.dumps(to_result(document, explain=True)).encode("utf-8")  # the answer can be sent


@given(st.text(max_size=2000), st.sampled_from(["auto", "html", "text"]))
def test_any_text_gives_a_document_or_a_library_error(text: str, format: str) -> None:
    try:
        document = clean(text, CleanOptions(format=format))  # type: ignore[arg-type]
    except CleanerError:
        return
    json.dumps(to_result(document, explain=True)).encode("utf-8")


@given(PAGE_LINES)
def test_text_output_is_a_subsequence_of_the_input(lines: list[str]) -> None:
    page = "\n".join(lines)
    try:
        document = clean(page, TEXT)
    except CleanerError:
        return
    kept = [block.text for block in document.blocks if block.kept]
    assert _words(document.text()) == _words(" ".join(kept))  # the text is the kept blocks, in order
    assert _is_subsequence(_words(document.text()), _words(normalize_text(page)))


@given(HTML_PAGES)
def test_html_output_is_a_subsequence_of_the_page_text(page: tuple[list[str], str]) -> None:
    lines, html = page
    try:
        document = clean(html, CleanOptions(format="html"))
    except CleanerError:
        return
    # The title, the menu, the body. The HTML parser drops characters it cannot hold (controls,
    # unassigned code points), so the check is on characters: nothing invented, nothing reordered.
    source = _characters(" ".join(["A page", "Home", *lines]))
    assert _is_subsequence(_characters(document.text()), source), document.text()


@given(PAGE_LINES)
def test_phrase_rules_alone_are_idempotent(lines: list[str]) -> None:
    try:
        once = clean("\n".join(lines), PHRASES_ONLY).text()
        twice = clean(once, PHRASES_ONLY).text()
    except CleanerError:
        return
    assert _words(twice) == _words(once)


@given(PAGE_LINES)
def test_a_second_text_pass_removes_nothing_a_phrase_rule_would(lines: list[str]) -> None:
    _assert_no_phrase_removal_on_second_pass("\n".join(lines), TEXT)


@given(HTML_PAGES)
def test_a_text_pass_over_html_output_removes_nothing_a_phrase_rule_would(
    page: tuple[list[str], str],
) -> None:
    _assert_no_phrase_removal_on_second_pass(page[1], CleanOptions(format="html"))


def _assert_no_phrase_removal_on_second_pass(page: str, first: CleanOptions) -> None:
    try:
        document = clean(page, first)
        once = document.text()
        second = clean(once, TEXT)
    except CleanerError:
        return
    # Known bug, pinned below: a block of several lines escapes the phrase rules in HTML mode.
    assume(not any("\n" in block.text for block in document.kept_blocks))
    assert not [(b.text, b.removed) for b in second.blocks if b.removed in PHRASE_REASONS], (page, once)


_FALLBACK_PAGE = (
    "<html><head><title>A page</title></head><body><nav><a href='/'>Home</a></nav><article><p>0</p>"
    "<p>Sign up for our newsletter</p><h2>Sign up for our newsletter</h2></article></body></html>"
)


# Found by HYPOTHESIS_PROFILE=fuzz: trafilatura's small-page fallback returned the page as one
# paragraph of several lines, which no phrase rule or duplicate check saw line by line.
def test_phrase_rules_see_every_line_of_a_fallback_block() -> None:
    assert "Sign up for our newsletter" not in clean(_FALLBACK_PAGE).text()


_PAGES_FOR_PROCESSES = [
    "Officials said the bridge reopens in May.\nSubscribe to continue reading.\nOfficials said the bridge reopens in May.",
    "<html><body><article><h1>Title</h1><p>One paragraph of news text that is long enough to keep.</p>"
    "<p>Sign up for our newsletter</p><ul><li><a href='/a'>Other story one</a></li><li><a href='/b'>Other "
    "story two</a></li></ul></article></body></html>",
]


def test_results_are_the_same_in_other_processes_and_hash_seeds() -> None:
    """Set iteration order changes with the hash seed: a result must not depend on it."""
    from pathlib import Path

    fixtures = sorted(Path(__file__).resolve().parent.parent.joinpath("fixtures").glob("*.[th]*[lt]"))
    pages = [*_PAGES_FOR_PROCESSES, *(path.read_text(encoding="utf-8") for path in fixtures)]
    here = [to_result(clean(page), explain=True) for page in pages]
    script = (
        "import json, sys\nfrom cleaner import clean, to_result\n"
        "pages = json.load(sys.stdin)\nprint(json.dumps([to_result(clean(p), explain=True) for p in pages]))"
    )
    for seed in ("1", "4242"):
        done = subprocess.run(
            [sys.executable, "-c", script],
            input=json.dumps(pages),
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=True,
        )
        assert json.loads(done.stdout) == json.loads(json.dumps(here)), f"PYTHONHASHSEED={seed}"


def test_the_fixture_count_is_sane() -> None:
    from pathlib import Path

    names = [p.name for p in Path(__file__).resolve().parent.parent.joinpath("fixtures").glob("*.[th]*[lt]")]
    assert len(names) >= 8 and all(re.search(r"\.(txt|html)$", name) for name in names)
