"""Repeated paragraphs: what counts as a copy, and the natural repetition that must survive."""

from __future__ import annotations

import pytest

from cleaner import CleanOptions, Reason, clean
from cleaner.sketch.lsh import lsh_params
from cleaner.sketch.shingles import normalized_words, shingles

# The block classifier judges every text too; these tests are about repetition alone.
TEXT = CleanOptions(format="text", reasons=frozenset(Reason) - {Reason.OUTSIDE_ARTICLE})
LEAD = (
    "The regional parliament approved the new water law on Thursday after a debate that lasted "
    "eleven hours, giving farmers in the dry south a larger share of the river's water."
)
FILLER = [
    "Opposition parties said the law favoured large farms and would leave small villages short in dry summers.",
    "The agriculture minister rejected the criticism and promised a review of the allocations in two years.",
    "Environmental groups said they would challenge the law in the constitutional court before the summer.",
    "Water levels in the main reservoir fell to a third of capacity last August, the lowest in forty years.",
]


def _removed(text: str) -> list[tuple[int, Reason | None, int | None]]:
    return [(b.index, b.removed, b.duplicate_of) for b in clean(text, TEXT).blocks if b.removed]


def test_lead_paragraph_repeated_far_apart_keeps_the_first() -> None:
    document = clean("\n".join([LEAD, *FILLER, LEAD]), TEXT)
    last = document.blocks[-1]
    assert last.removed is Reason.DUPLICATE and last.duplicate_of == 0 and last.similarity == 1.0
    assert document.text().count(LEAD) == 1
    assert "repeats block 0" in (last.why or "")


@pytest.mark.parametrize(
    "variant",
    [
        LEAD.replace("'", "’"),  # curly quotes
        LEAD.replace(" ", "  ").replace("after a", "after\ta"),  # whitespace
        LEAD.replace("eleven", "twelve"),  # one changed word
        LEAD.upper(),
    ],
)
def test_near_copies_are_duplicates(variant: str) -> None:
    document = clean("\n".join([LEAD, FILLER[0], variant]), TEXT)
    copy = document.blocks[2]
    assert copy.removed is Reason.DUPLICATE and copy.duplicate_of == 0
    assert copy.similarity is not None and copy.similarity >= 0.8


def test_different_paragraphs_on_the_same_topic_are_kept() -> None:
    assert _removed("\n".join([LEAD, *FILLER])) == []


def test_repeated_short_line_is_compared_exactly() -> None:
    headline = "Parliament passes the new water law"
    assert _removed("\n".join([headline, LEAD, headline])) == [(2, Reason.DUPLICATE, 0)]
    # One changed word in a short line is a different line (a recipe step, a list item).
    assert _removed("\n".join([headline, LEAD, "Parliament passes the new energy law"])) == []


@pytest.mark.parametrize("line", ["Q:", "Chorus", "Advertisement", "A:", "Step 2"])
def test_very_short_lines_repeat_naturally(line: str) -> None:
    removed = _removed("\n".join([line, FILLER[0], line, FILLER[1], line, FILLER[2]]))
    # An ad label goes as an advertisement (a phrase rule), never as a copy of another.
    assert all(reason is Reason.ADVERTISEMENT for _, reason, _ in removed)


def test_text_recurring_three_times_is_a_template_not_a_copy() -> None:
    question = "What inspired you to start cooking for other people?"
    answers = [f"Answer number {n}: {sentence}" for n, sentence in enumerate(FILLER[:3])]
    interview = "\n".join(line for answer in answers for line in (question, answer))
    assert _removed(interview) == []
    refrain = "And the river keeps on rolling to the sea tonight"
    song = "\n".join(
        [
            "Verse about the mountains and the snow",
            refrain,
            "Verse about the valley and the rain",
            refrain,
            "Verse about the city and the lights",
            refrain,
        ]
    )
    assert _removed(song) == []


def test_duplicates_can_be_turned_off() -> None:
    options = CleanOptions(format="text", reasons=frozenset(set(Reason) - {Reason.DUPLICATE}))
    assert clean("\n".join([LEAD, LEAD]), options).text().count(LEAD) == 2


def test_marking_is_deterministic() -> None:
    text = "\n".join([LEAD, *FILLER, LEAD.replace("eleven", "ten"), LEAD])
    first = [(b.removed, b.duplicate_of, b.similarity) for b in clean(text, TEXT).blocks]
    assert all(
        first == [(b.removed, b.duplicate_of, b.similarity) for b in clean(text, TEXT).blocks]
        for _ in range(3)
    )


def test_helpers() -> None:
    assert normalized_words("Don’t  STOP—now!") == ["don", "t", "stop", "now"]
    assert shingles(["a", "b"], 3) == [b"a b"]
    assert shingles(["a", "b", "c", "a", "b", "c"], 3) == [b"a b c", b"b c a", b"c a b"]
    bands, rows = lsh_params(0.8, 128)
    assert bands * rows <= 128


TEASER = "The regional parliament approved the new water law on Thursday after a deb…"


@pytest.mark.parametrize(
    "teaser",
    [
        TEASER,  # cut mid-word, glued ellipsis
        "The regional parliament approved the new water law on Thursday ...",
        "The regional parliament approved the new water law [...]",
        "The regional parliament approved the new water law on Thursday after a debate that lasted…",
        "The regional parliament approved the new water law on Thursday after a debate that lasted eleven "
        "hours, giving farmers in the dry south…",
        "The regional parliament passed the new water law on Thursday after a debate that lasted eleven…",
    ],
)
@pytest.mark.parametrize("teaser_first", [True, False])
def test_teaser_is_removed_and_the_full_paragraph_kept(teaser: str, teaser_first: bool) -> None:
    lines = [teaser, FILLER[0], LEAD, FILLER[1]] if teaser_first else [LEAD, FILLER[0], teaser, FILLER[1]]
    document = clean("\n".join(lines), TEXT)
    full = document.blocks[lines.index(LEAD)]
    cut = document.blocks[lines.index(teaser)]
    assert full.kept and LEAD in document.text()
    assert cut.removed is Reason.DUPLICATE and cut.rule == "teaser" and cut.duplicate_of == full.index
    assert cut.similarity is not None and cut.similarity >= 0.8
    assert f"teaser of block {full.index}" in (cut.why or "")


@pytest.mark.parametrize(
    "line",
    [
        "The regional parliament approved the new water law",  # no ellipsis: a headline echoing the lead
        "Farmers in the north said the decision came too late…",  # an ellipsis, but not in the lead
        "The regional…",  # too short to tell
        "Water law: what changes for farmers in the dry south…",  # a teaser of another article
    ],
)
def test_lines_that_are_not_teasers_of_the_lead_stay(line: str) -> None:
    assert _removed("\n".join([line, LEAD, *FILLER])) == []


def test_teaser_of_a_repeated_lead_points_at_the_kept_copy() -> None:
    document = clean("\n".join([TEASER, LEAD, FILLER[0], LEAD]), TEXT)
    assert [(b.index, b.rule, b.duplicate_of) for b in document.blocks if b.removed] == [
        (0, "teaser", 1),
        (3, "near_duplicate", 1),
    ]


SONG = [
    "Down by the harbour where the old boats sleep",
    "I counted the lights on the water",
    "My father told me the sea would keep",
    "Every promise we made to his daughter",
    "Row me home, row me home",
    "Over the grey and the foam",
    "Row me home before the tide is gone",
    "Up on the hill where the chapel stood",
    "The bells had forgotten their ringing",
    "We carved our names in the pews of wood",
    "And the wind took care of the singing",
    "Row me home, row me home",
    "Over the grey and the foam",
    "Row me home before the tide is gone",
]


def test_a_chorus_sung_twice_is_a_refrain() -> None:
    assert _removed("\n".join(["Harbour Song", *SONG])) == []


def test_a_headline_and_standfirst_captured_twice_are_copies() -> None:
    headline, standfirst = "Parliament passes the new water law", "Farmers in the south win a larger share"
    lines = [headline, standfirst, LEAD, *FILLER, headline, standfirst]
    assert _removed("\n".join(lines)) == [(7, Reason.DUPLICATE, 0), (8, Reason.DUPLICATE, 1)]


def test_a_question_asked_twice_in_an_interview_is_a_turn() -> None:
    question = "Q: What made you decide to open a bakery in a village of two hundred people?"
    lines = [question, f"A: {FILLER[0]}", question, f"A: {FILLER[1]}"]
    assert _removed("\n".join(lines)) == []
    # Without the label the same line twice is a copy.
    assert _removed("\n".join([question[3:], FILLER[0], question[3:], FILLER[1]])) == [
        (2, Reason.DUPLICATE, 0)
    ]


def test_recipe_steps_that_repeat_a_phrase_are_kept() -> None:
    steps = [
        "Add the onions to the pan and stir with a wooden spoon until soft, about five minutes.",
        "Add the garlic to the pan and stir with a wooden spoon until fragrant, about one minute.",
        "Add the tomatoes to the pan and stir with a wooden spoon until they break down.",
        "Bake for 10 minutes.",
        "Turn the tray and bake for 10 minutes more.",
        "Bake for 25 minutes.",
    ]
    assert _removed("\n".join(steps)) == []


def test_list_items_that_share_a_template_are_kept() -> None:
    items = [
        f"- Room {n}: a double bed, a sea view, a private balcony and a bathroom with a walk-in shower, "
        f"{size} square metres"
        for n, size in ((1, 22), (2, 24), (3, 22))
    ]
    assert _removed("\n".join(["Our rooms", *items])) == []
    assert _removed("\n".join(["Our rooms", items[0], items[1], items[0]])) == [(3, Reason.DUPLICATE, 1)]


def test_short_lines_repeated_in_a_scraped_page_are_copies_not_refrains() -> None:
    menu = ["Switch to the UK edition", "Switch to the US edition", "Switch to the Australia edition"]
    headlines = [f"Local council approves budget number {n} after long debate" for n in range(30)]
    # A menu repeated far down a page of short lines, and a headline shown twice back to back with its label.
    pair = ["News from the council today", "The town budget is approved"]
    lines = [*menu, *headlines, *menu, *pair, *pair]
    removed = [index for index, _, _ in _removed("\n".join(lines))]
    assert removed == [33, 34, 35, 38, 39]


def test_title_cased_lines_are_not_refrains() -> None:
    song = [*SONG[:4], "Row Me Home Over The Water", "Tonight We Sail Away", *SONG[7:11]]
    song += ["Row Me Home Over The Water", "Tonight We Sail Away"]
    assert [index for index, _, _ in _removed("\n".join(song))] == [10, 11]
