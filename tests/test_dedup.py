"""Repeated paragraphs: what counts as a copy, and the natural repetition that must survive."""

from __future__ import annotations

import pytest

from cleaner import CleanOptions, Reason, clean
from cleaner.dedup import lsh_params, normalized_words, shingles

TEXT = CleanOptions(format="text")
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
    assert _removed("\n".join([line, FILLER[0], line, FILLER[1], line, FILLER[2]])) == []


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
