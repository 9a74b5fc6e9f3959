"""Renderings: Markdown that a CommonMark parser reads back to the same structure, sanitised HTML,
and plain text unchanged. Documents are built block by block, as the readers build them."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt

from cleaner.document import Block, Document, Image, Kind, Link, Metadata, Reason
from cleaner.render import RENDERINGS, SUFFIXES, render, to_html, to_markdown

MARKDOWN = MarkdownIt("commonmark").enable("table")


def _document(*blocks: Block, title: str | None = None) -> Document:
    for index, block in enumerate(blocks):
        block.index = index
    return Document(list(blocks), "html", Metadata(title=title))


def _structure(markdown: str) -> list[tuple[str, str]]:
    """(block token, its inline text) for every leaf block a CommonMark parser reads."""
    tokens = MARKDOWN.parse(markdown)
    found: list[tuple[str, str]] = []
    opened: list[str] = []
    for token in tokens:
        if token.nesting == 1:
            opened.append(token.tag)
        elif token.nesting == -1:
            opened.pop()
        elif token.type == "inline":
            found.append(("/".join(opened), token.content))
        elif token.type in {"fence", "code_block"}:
            found.append(("/".join([*opened, "pre"]), token.content))
    return found


def _plain(markdown_inline: str) -> str:
    """The text a reader sees in an inline run (escapes resolved)."""
    tokens = MARKDOWN.parseInline(markdown_inline)
    return "".join(
        child.content for token in tokens for child in token.children or [] if child.type == "text"
    )


STRUCTURED = _document(
    Block(0, "Storm closes the port", Kind.HEADING, level=1),
    Block(0, "The port closed on Tuesday # after *three* days_of [rain] and 1. not a list <b>."),
    Block(0, "What changed", Kind.HEADING, level=2),
    Block(0, "First step", Kind.LIST_ITEM, level=1, ordered=True),
    Block(0, "A detail of the first step", Kind.LIST_ITEM, level=2),
    Block(0, "Second step", Kind.LIST_ITEM, level=1, ordered=True),
    Block(0, "A quoted sentence from the harbour master.", Kind.QUOTE),
    Block(0, "t", Kind.TABLE, rows=[["Ship", "Tons"], ["Aurora | II", "1,200"], ["Bay*", "300"]]),
    Block(0, "def f(x):\n    return x * 2  # ``` inside\n\n\nprint(f(2))", Kind.CODE),
    Block(0, "+ 12 ships waited outside"),
    Block(0, "Subscribe to read more", removed=Reason.PAYWALL, rule="paywall", why="a paywall prompt"),
    title="Storm <closes> the port",
)


def test_markdown_reads_back_to_the_same_structure() -> None:
    structure = _structure(to_markdown(STRUCTURED))
    tags = [tag for tag, _ in structure]
    assert tags == [
        "h1",
        "p",
        "h2",
        "ol/li/p",
        "ol/li/ul/li/p",
        "ol/li/p",
        "blockquote/p",
        *["table/thead/tr/th"] * 2,
        *["table/tbody/tr/td"] * 4,
        "pre",
        "p",
    ]
    texts = [_plain(text) if tag != "pre" else text for tag, text in structure]
    assert texts[1] == STRUCTURED.blocks[1].text  # escaped, read back exactly
    assert texts[-1] == "+ 12 ships waited outside"  # a paragraph, not a list item
    assert texts[7:13] == ["Ship", "Tons", "Aurora | II", "1,200", "Bay*", "300"]
    assert texts[13] == STRUCTURED.blocks[8].text + "\n"  # code exact, fence longer than its backticks


def test_removed_blocks_appear_in_no_rendering() -> None:
    for rendering in RENDERINGS:
        assert "Subscribe" not in render(STRUCTURED, rendering)
    assert set(SUFFIXES) == set(RENDERINGS)


def test_plain_text_is_the_document_text() -> None:
    assert render(STRUCTURED, "text") == STRUCTURED.text()


def test_an_unknown_rendering_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown rendering"):
        render(STRUCTURED, "pdf")


def test_text_input_headings_and_list_markers_become_structure() -> None:
    document = Document(
        [
            Block(0, "## Setup"),
            Block(1, "1. Install it", Kind.LIST_ITEM),
            Block(2, "2. Run it", Kind.LIST_ITEM),
            Block(3, "• a bullet", Kind.LIST_ITEM),
        ],
        "text",
    )
    structure = _structure(to_markdown(document))
    assert structure == [
        ("h2", "Setup"),
        ("ol/li/p", "Install it"),
        ("ol/li/p", "Run it"),
        ("ul/li/p", "a bullet"),
    ]


LINKED = _document(
    Block(
        0,
        "Read the report and the bad one here, and mail us.",
        links=[
            Link(9, 15, "https://example.org/report?a=1&b=(2)"),
            Link(24, 31, "javascript:alert(1)"),
            Link(32, 36, "JaVaScRiPt:alert(2)"),
            Link(42, 49, "mailto:desk@example.org"),
        ],
        images=[Image(0, "https://example.org/chart.png", "Chart"), Image(5, "data:text/html,<script>", "x")],
    )
)


def test_markdown_keeps_safe_links_and_images_only_when_asked() -> None:
    assert to_markdown(LINKED) == LINKED.blocks[0].text + "\n"  # no links or images unless asked
    linked = to_markdown(LINKED, links=True, images=True)
    tokens = [t for t in MARKDOWN.parseInline(linked.strip())[0].children or []]
    hrefs = [t.attrs["href"] for t in tokens if t.type == "link_open"]
    assert hrefs == ["https://example.org/report?a=1&b=(2)", "mailto:desk@example.org"]
    assert [t.attrs["src"] for t in tokens if t.type == "image"] == ["https://example.org/chart.png"]
    assert "javascript" not in linked.lower() and "data:" not in linked


class _Collector(HTMLParser):
    """Every tag, attribute and text run of an HTML document."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += attrs

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _collect(html: str) -> _Collector:
    collector = _Collector()
    collector.feed(html)
    return collector


def test_html_has_the_structure_and_nothing_executable() -> None:
    hostile = _document(
        Block(0, '<script>alert(1)</script> onerror="x" <img src=x onerror=alert(1)>'),
        Block(0, "Click", links=[Link(0, 5, " javascript:alert(1)")]),
        Block(0, "Frame", links=[Link(0, 5, "//evil.example/x")]),
        Block(0, "Safe", links=[Link(0, 4, "/relative/page")]),
        *STRUCTURED.blocks,
        title="</title><script>alert(1)</script>",
    )
    html = to_html(hostile, links=True, images=True)
    seen = _collect(html)
    assert set(seen.tags) <= {
        "html", "head", "meta", "title", "body", "article", "h1", "h2", "p", "ol", "ul", "li",
        "blockquote", "table", "thead", "tbody", "tr", "th", "td", "pre", "code", "a", "img", "br",
    }  # fmt: skip
    assert "script" not in seen.tags and "iframe" not in seen.tags
    names = {name for name, _ in seen.attributes}
    assert names <= {"charset", "href", "src", "alt"}
    assert [value for name, value in seen.attributes if name == "href"] == ["/relative/page"]
    text = "".join(seen.text)
    assert "<script>alert(1)</script>" in text  # shown as text, never run
    assert "Subscribe" not in text


def test_html_nests_lists_inside_their_items() -> None:
    html = to_html(STRUCTURED)
    assert (
        "<ol>\n<li>First step\n<ul>\n<li>A detail of the first step</li>\n</ul></li>\n<li>Second step</li>\n</ol>"
        in html
    )


def _text_document(*lines: str) -> Document:
    return Document([Block(i, line) for i, line in enumerate(lines)], "text")


PROSE = "The council met on Tuesday and approved the plan after a long debate about its costs."


@pytest.mark.parametrize(
    ("lines", "headings"),
    [
        # A short unpunctuated line before prose is a heading (the first one the document's title).
        (("Harbour plan approved", PROSE, "What happens next", PROSE), ["h1", "h2"]),
        # Sentences, labels and bylines end in punctuation; lines before short lines are no headings.
        (("Officials declined to comment.", PROSE), []),
        (("Ukrainian FM Kuleba on the sidelines:", PROSE), []),
        (("Ferries", "Buses", "Trains"), []),
        (("lowercase start of a line", PROSE), []),
        (("A line before a list-ish line", "Short line"), []),
        (("This is a rather long line of fourteen words that keeps going past the limit", PROSE), []),
    ],
)
def test_plain_text_headings_are_read_from_their_shape(lines: tuple[str, ...], headings: list[str]) -> None:
    found = [tag for tag, _ in _structure(to_markdown(_text_document(*lines))) if tag.startswith("h")]
    assert found == headings


@pytest.mark.parametrize(
    ("text", "item", "number"),
    [
        ("• Refillable water bottle", "Refillable water bottle", None),
        ("•Choosing the right microphone", "Choosing the right microphone", None),
        ("3. Pour the rest in circles", "Pour the rest in circles", 3),
        ("– Wider pavements", "Wider pavements", None),
    ],
)
def test_paragraphs_written_as_list_items_render_as_items(text: str, item: str, number: int | None) -> None:
    structure = _structure(to_markdown(_document(Block(0, text))))
    assert structure == [("ol/li/p" if number else "ul/li/p", item)]


@pytest.mark.parametrize(
    "text", ["2024 was a hard year.", "1999. A year to remember", "-5 degrees overnight"]
)
def test_paragraphs_that_only_look_numbered_stay_paragraphs(text: str) -> None:
    assert [tag for tag, _ in _structure(to_markdown(_document(Block(0, text))))] == ["p"]
