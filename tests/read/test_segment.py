"""Segmentation: plain text by lines and wrapped paragraphs, HTML by trafilatura's typed body."""

from __future__ import annotations

import pytest

from cleaner import CleanOptions, Kind, Reason, clean
from cleaner.read.html import segment_html
from cleaner.read.segment import SENTENCE_END, ends_sentence, segment_text

ARTICLE_HTML = """<!DOCTYPE html><html lang="en"><head><title>Harbour bridge reopens | The Coastal Times</title>
<meta name="author" content="Maria Lopez"><meta property="article:published_time" content="2024-03-05">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Harbour bridge reopens after two years of repairs</h1>
<p>The harbour bridge reopened to traffic on Tuesday morning after two years of repairs, city officials said,
and the first buses crossed it shortly after six o'clock.</p>
<h2>What changed</h2>
<p>Engineers replaced the deck, repainted the steel arches and added a separate lane for bicycles, which
cyclists' groups had demanded for more than a decade.</p>
<ul><li>A new bicycle lane on the north side</li><li>Wider pavements for pedestrians</li></ul>
<p>The repairs cost 48 million euros, about a tenth more than planned, according to the city's budget office,
which blamed the price of steel for most of the difference.</p>
</article><footer>Copyright 2024 The Coastal Times</footer></body></html>"""


def test_text_lines_become_blocks_and_bullets_list_items() -> None:
    segmented = segment_text("First paragraph here.\n\n- one item\n• another item\nLast line.")
    assert [(b.text, b.kind) for b in segmented.blocks] == [
        ("First paragraph here.", Kind.PARAGRAPH),
        ("- one item", Kind.LIST_ITEM),
        ("• another item", Kind.LIST_ITEM),
        ("Last line.", Kind.PARAGRAPH),
    ]
    assert [b.index for b in segmented.blocks] == [0, 1, 2, 3]


def test_hard_wrapped_paragraphs_are_joined() -> None:
    wrapped = (
        "The council voted on Monday to extend the tram line to the new\n"
        "hospital, a project that residents of the eastern districts have\n"
        "waited for since the hospital opened.\n\n"
        "Construction starts next spring."
    )
    texts = [b.text for b in segment_text(wrapped).blocks]
    assert texts == [
        "The council voted on Monday to extend the tram line to the new hospital, a project that "
        "residents of the eastern districts have waited for since the hospital opened.",
        "Construction starts next spring.",
    ]


def test_scraped_lines_are_not_joined() -> None:
    lines = "Home\nNews\nSport\nThe mayor resigned on Friday after a week of protests in the city centre."
    assert len(segment_text(lines).blocks) == 4


def test_embed_residue_is_split_off_and_glued_back_when_kept() -> None:
    text = "The minister posted a photo of the meeting pic.twitter.com/AbC123xyz"
    segmented = segment_text(text)
    assert [(b.text, b.kind) for b in segmented.blocks] == [
        ("The minister posted a photo of the meeting", Kind.PARAGRAPH),
        ("pic.twitter.com/AbC123xyz", Kind.FRAGMENT),
    ]
    cleaned = clean(text, CleanOptions(format="text"))
    assert cleaned.text() == "The minister posted a photo of the meeting"
    assert cleaned.blocks[1].removed is Reason.SOCIAL_EMBED
    kept_all = clean(text, CleanOptions(format="text", reasons=frozenset()))
    assert kept_all.text() == text


def test_html_blocks_are_typed_and_metadata_read() -> None:
    segmented = segment_html(ARTICLE_HTML, CleanOptions(), url="https://example.com/bridge")
    kinds = {b.text: b.kind for b in segmented.blocks}
    assert kinds["What changed"] is Kind.HEADING
    assert kinds["A new bicycle lane on the north side"] is Kind.LIST_ITEM  # the kind says "list"
    assert any(
        b.kind is Kind.PARAGRAPH and b.text.startswith("The harbour bridge reopened")
        for b in segmented.blocks
    )
    # The page's menu and footer are blocks too (every block is explained), but not the article.
    assert any(b.text == "Home News Sport" for b in segmented.blocks)
    cleaned = clean(ARTICLE_HTML, url="https://example.com/bridge")
    assert not any("Copyright" in b.text or b.text == "Home" for b in cleaned.blocks if b.kept)
    assert segmented.metadata.author == "Maria Lopez"
    assert segmented.metadata.date == "2024-03-05"
    assert segmented.metadata.url == "https://example.com/bridge"
    assert segmented.metadata.title and "Harbour bridge" in segmented.metadata.title


def test_tiny_html_falls_back_to_trafilatura_baseline() -> None:
    page = "<html><body><p>This is a short article of two sentences. It has some text.</p></body></html>"
    assert clean(page).text() == "This is a short article of two sentences. It has some text."


def test_html_without_text_gives_an_empty_result() -> None:
    document = clean("<html><head><title></title></head><body><div><img src='x.png'></div></body></html>")
    assert document.format == "html"
    assert document.text() == ""


def test_lines_of_one_paragraph_are_blocks_the_rules_see_but_dedup_and_runs_leave() -> None:
    page = (
        "<html><head><title>Choir concert</title></head><body><article>"
        "<p>The town choir sang for a full hall on Saturday night, and the audience asked for two encores, "
        "the conductor said after the concert.</p>"
        "<p>Sing it loud across the valley<br>Sing it loud across the valley<br>Until the river hears us call"
        "<br>Sign up for our newsletter</p>"
        "<p>The next concert is planned for the spring, when the choir hopes to sing in the cathedral.</p>"
        "</article></body></html>"
    )
    document = clean(page)
    lines = [block for block in document.blocks if block.kind is Kind.LINE]
    assert [block.text for block in lines] == [
        "Sing it loud across the valley",
        "Sing it loud across the valley",
        "Until the river hears us call",
        "Sign up for our newsletter",
    ]
    assert [block.removed for block in lines] == [None, None, None, Reason.NEWSLETTER]
    assert document.text().count("Sing it loud across the valley") == 2


def _sentence_characters() -> list[str]:
    """Every space, stop and closer, and a sample of all other code points."""
    chars = [chr(code) for code in range(0x110000) if not 0xD800 <= code < 0xE000]
    chosen = [c for n, c in enumerate(chars) if c.isspace() or c in "\"'”’»)]" or n % 101 == 0]
    return chosen + [c for c in chars if SENTENCE_END.fullmatch(c)]


_SENTENCE_CHARACTERS = _sentence_characters()


@pytest.mark.parametrize(
    "ending",
    ["", ".", "?!", '."', "。」", ".)]", ". )", "…’ \n", ".\u3000", "x.", ".x", "!»\u2028", ")", " ", '".'],
)
def test_ends_sentence_is_the_sentence_end_pattern(ending: str) -> None:
    for char in _SENTENCE_CHARACTERS:  # after a stop and in place of one, as the regex sees them
        for text in (f"Words{ending}{char}", f"Words{char}{ending}", f"{char}{ending}"):
            assert ends_sentence(text) == bool(SENTENCE_END.search(text)), (text, hex(ord(char)))
