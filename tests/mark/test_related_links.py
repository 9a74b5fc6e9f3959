"""The trailing headline-run heuristic: lists of linked headlines after the article go, lists that
belong to the article stay.

Pages are built from lines, segmented as plain text and run through every marking step as a page
of HTML mode, where the unlabelled run is marked (in plain text the block classifier judges it, see
the last test), so the phrase rules that run first and the heuristic are tested together;
`is_headline` is also checked on single lines.
"""

from __future__ import annotations

import pytest

from cleaner import Block, CleanOptions, Document, Kind, Reason
from cleaner.mark.boilerplate import (
    HEADLINE,
    HeadlineShape,
    is_headline,
    mark_headline_runs,
    mark_phrases,
    mark_related_links,
)
from cleaner.mark.title import mark_title
from cleaner.pipeline import STEPS
from cleaner.read.segment import segment_text

TEXT = CleanOptions(format="text")
HTML = CleanOptions(format="html")

ARTICLE = [
    "The regional water board approved a plan on Thursday to rebuild the Millbrook reservoir dam, "
    "which engineers say has been leaking since a minor earthquake in 2019.",
    "The work, estimated at 48 million dollars, will begin next spring and is expected to take three "
    "years, during which the reservoir will be kept at half its usual level.",
    "Residents downstream welcomed the decision but asked the board to publish the full inspection "
    "reports, which have so far been shared only with the county's emergency planners.",
]
HEADLINES = [
    "Drought Forces Farmers to Rethink Spring Planting",
    "How the County Plans to Pay for Its New Bridges",
    "Flood Insurance Premiums Set to Rise Again This Year",
    "Inside the Race to Replace the Valley's Ageing Pipes",
]


def _page(*parts: list[str] | str) -> str:
    lines: list[str] = []
    for part in parts:
        lines += [part] if isinstance(part, str) else part
    return "\n".join(lines)


def _marked(text: str, options: CleanOptions = HTML) -> Document:
    """The page's lines as the blocks of an HTML page, through every marking step."""
    document = Document(segment_text(text).blocks, "html")
    for step in STEPS:
        step(document, options)
    return document


def _removed(text: str) -> dict[str, tuple[Reason | None, str | None]]:
    """Each block's text with its mark, for compact assertions."""
    return {block.text: (block.removed, block.rule) for block in _marked(text).blocks}


def _kept_text(text: str) -> str:
    return _marked(text).text()


# --- positives ---------------------------------------------------------------------------------


@pytest.mark.parametrize("count", [3, 4])
def test_run_of_headlines_after_the_article_is_removed(count: int) -> None:
    marks = _removed(_page(ARTICLE, HEADLINES[:count]))
    for headline in HEADLINES[:count]:
        assert marks[headline] == (Reason.RELATED_LINKS, "headline_run")
    assert all(marks[paragraph] == (None, None) for paragraph in ARTICLE)


@pytest.mark.parametrize(
    "label", ["Related Stories", "More from The Valley Courier", "You might also like", "Read next"]
)
def test_headlines_under_a_related_label_are_removed_however_few(label: str) -> None:
    marks = _removed(_page(ARTICLE, label, HEADLINES[:2]))
    assert marks[label] == (Reason.RELATED_LINKS, "related_label")
    for headline in HEADLINES[:2]:
        assert marks[headline] == (Reason.RELATED_LINKS, "under_related_label")


@pytest.mark.parametrize(
    ("label", "headlines"),
    [
        (
            "Related Stories",
            [
                "Drought forces farmers to rethink spring planting",
                "County sets out plan to pay for new bridges",
            ],
        ),
        (
            "À lire aussi",
            [
                "Taxe foncière : ce qui change pour les propriétaires",
                "Les crèches ouvriront une heure plus tôt",
            ],
        ),
        (
            "Te puede interesar",
            ["La línea 3 del autobús cambia de recorrido", "Así será el nuevo parque junto al río"],
        ),
    ],
)
def test_sentence_case_headlines_under_a_label_are_removed(label: str, headlines: list[str]) -> None:
    marks = _removed(_page(ARTICLE, label, headlines))
    assert all(marks[h] == (Reason.RELATED_LINKS, "under_related_label") for h in headlines)


def test_a_labelled_list_ends_where_another_box_starts() -> None:
    footer = ["Privacy Policy", "Terms of Use"]
    marks = _removed(
        _page(ARTICLE, "Related Stories", HEADLINES[:2], "Sign up for our daily newsletter.", footer)
    )
    assert all(marks[h] == (Reason.RELATED_LINKS, "under_related_label") for h in HEADLINES[:2])
    assert marks["Sign up for our daily newsletter."][0] is Reason.NEWSLETTER
    assert all(marks[line] == (None, None) for line in footer)


def test_removed_prompts_between_headlines_do_not_break_the_run() -> None:
    marks = _removed(_page(ARTICLE, HEADLINES[:2], "Subscribe now", HEADLINES[2:3], "Comments"))
    for headline in HEADLINES[:3]:
        assert marks[headline] == (Reason.RELATED_LINKS, "headline_run")
    assert marks["Subscribe now"][0] is Reason.SUBSCRIBE_CTA


def test_run_after_a_teaser_prompt_is_removed_and_article_kept() -> None:
    page = _page(ARTICLE, "Get our weekly newsletter on regional politics.", HEADLINES)
    assert _kept_text(page) == "\n".join(ARTICLE)


def test_german_headlines_count_as_headlines() -> None:
    headlines = [
        "Stadtrat stimmt für neue Radwege in der Innenstadt",
        "Warum die Mieten in Leipzig weiter steigen",
        "Neue Regeln für Balkonkraftwerke ab Januar",
    ]
    marks = _removed(_page(ARTICLE, headlines))
    assert all(marks[h] == (Reason.RELATED_LINKS, "headline_run") for h in headlines)


# --- negatives ---------------------------------------------------------------------------------


def test_bulleted_list_inside_the_article_stays() -> None:
    bullets = [
        "- Rebuild The Spillway And Outlet Tower",
        "- Replace The Upstream Clay Lining",
        "- Install New Seismic Monitors",
    ]
    page = _page(ARTICLE[:1], "The plan has three parts:", bullets, ARTICLE[1:])
    assert _kept_text(page) == page


def test_title_case_list_inside_the_article_stays() -> None:
    items = ["Millbrook Elementary School", "Harbour Street Fire Station", "St. Anne's Community Clinic"]
    page = _page(ARTICLE[:1], items, ARTICLE[1:])
    assert _kept_text(page) == page


def test_article_ending_with_an_introduced_list_stays() -> None:
    venues = ["Millbrook Town Hall", "Riverside Community Centre", "Harbour Public Library"]
    page = _page(ARTICLE, "The inspection reports can be read in person at:", venues)
    assert _kept_text(page) == page


def test_article_ending_with_a_bulleted_list_stays() -> None:
    steps = [
        "• Move Valuables Upstairs",
        "• Keep A Battery Radio At Hand",
        "• Learn Your Evacuation Route",
    ]
    page = _page(ARTICLE, "The county's advice for households downstream", steps)
    assert _kept_text(page) == page


def test_article_ending_with_plain_list_items_stays() -> None:
    items = ["two bags of sand per door", "a spare torch and batteries", "copies of insurance papers"]
    page = _page(ARTICLE, items)
    assert _kept_text(page) == page


def test_page_of_short_lines_without_prose_is_left_alone() -> None:
    # A track list, a poem or a table of contents: nothing anchors an article, so nothing goes.
    lines = [
        "Side One",
        "Morning Over Millbrook",
        "The Reservoir Song",
        "Half Full, Half Empty",
        "Side Two",
        "Spring Planting Blues",
        "Last Train to the Valley",
    ]
    page = _page(lines)
    assert _kept_text(page) == page


def test_two_headlines_alone_stay() -> None:
    page = _page(ARTICLE, HEADLINES[:2])
    assert _kept_text(page) == page


@pytest.mark.parametrize(
    "sign_off",
    [
        "Reporting by Jane Doe; Editing by Tom Hale",
        "Jane Doe is The Valley Courier's Environment Correspondent",
        "Additional Reporting by Maria Lopez in Sacramento",
    ],
)
def test_sign_off_line_stays(sign_off: str) -> None:
    page = _page(ARTICLE, sign_off)
    assert _kept_text(page) == page


def test_headline_run_before_the_last_prose_paragraph_stays() -> None:
    # Subheads or a list mid-article are followed by prose: the run must come after the article.
    page = _page(ARTICLE[:1], HEADLINES[:3], ARTICLE[1:])
    assert _kept_text(page) == page


@pytest.mark.parametrize(
    "subhead", ["In Conclusion", "Physical Benefits", "Suite 5112", "Muscle spasms", "Add more storage"]
)
def test_an_inline_box_ends_at_the_articles_short_subhead(subhead: str) -> None:
    # Under a label a headline is another article's whole title; a line of one to three words after
    # the box is the article going on (its subhead, its list), and ends the box.
    marks = _removed(_page(ARTICLE[:1], "Related Stories", HEADLINES[:1], subhead, ARTICLE[1:]))
    assert marks[HEADLINES[0]] == (Reason.RELATED_LINKS, "under_related_label")
    assert marks[subhead] == (None, None)
    assert all(marks[paragraph] == (None, None) for paragraph in ARTICLE)


def _run_marked_sparing(confident: set[str]) -> dict[str, Reason | None]:
    blocks = segment_text(_page(ARTICLE, HEADLINES)).blocks
    mark_headline_runs(blocks, spare=lambda block: block.text in confident)
    return {block.text: block.removed for block in blocks}


def test_one_confident_line_does_not_keep_itself_out_of_a_box_of_links() -> None:
    # Lines alike enough to make one run are one thing: the few the classifier is sure of go with
    # the rest (a box's first headline is no more the article's than its others).
    marks = _run_marked_sparing({HEADLINES[0]})
    assert all(marks[headline] is Reason.RELATED_LINKS for headline in HEADLINES)


def test_a_run_the_classifier_mostly_keeps_is_the_articles_own_list() -> None:
    marks = _run_marked_sparing(set(HEADLINES[:3]))
    assert [marks[headline] for headline in HEADLINES] == [None, None, None, Reason.RELATED_LINKS]


def test_disabled_reason_keeps_headline_runs() -> None:
    options = CleanOptions(format="html", reasons=frozenset(Reason) - {Reason.RELATED_LINKS})
    page = _page(ARTICLE, HEADLINES)
    assert _marked(page, options).text() == page


def test_plain_text_leaves_an_unlabelled_run_to_the_classifier() -> None:
    # An article's own closing list (prices, products) has a headline run's shape; only a label says which.
    document = Document(segment_text(_page(ARTICLE, HEADLINES)).blocks, "text")
    mark_related_links(document, TEXT)
    assert all(block.kept for block in document.blocks)
    labelled = Document(segment_text(_page(ARTICLE, "Related stories", HEADLINES)).blocks, "text")
    for step in (mark_title, mark_phrases):  # the steps before related links that read labels
        step(labelled, TEXT)
    mark_related_links(labelled, TEXT)
    assert all(block.removed is Reason.RELATED_LINKS for block in labelled.blocks[len(ARTICLE) :])


# --- is_headline on single lines ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Drought Forces Farmers to Rethink Spring Planting",
        "10 Things to Know Before the Vote",
        "What the Ruling Means for Renters",
        "Warum die Mieten in Leipzig weiter steigen",
    ],
)
def test_is_headline(text: str) -> None:
    assert is_headline(Block(index=0, text=text))


@pytest.mark.parametrize(
    "text",
    [
        "Drought forces farmers to rethink spring planting and sowing",  # sentence case
        "The board approved the plan on Thursday.",  # ends a sentence
        "Residents,",  # one word, trailing comma
        "- Rebuild The Spillway",  # a list item
        "the county's plan for new bridges",  # starts lower-case
        "Inspections",  # one word
        "A Very Long Title " * 6,  # too many words for a headline
        "Key dates:\nMarch 3",  # more than one line
    ],
)
def test_is_not_headline(text: str) -> None:
    assert not is_headline(Block(index=0, text=text.strip()))


def test_shape_is_tunable() -> None:
    strict = HeadlineShape(min_run=5)
    assert strict.min_run == 5 and HEADLINE.min_run == 3
    assert is_headline(Block(index=0, text="Short Title Here", kind=Kind.LIST_ITEM), strict)
