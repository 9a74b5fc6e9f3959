"""Within-document dedup: precision and recall on generated documents with planted copies.

Each generated document (seeded) holds unique paragraphs and short lines, one planted copy of each
kind (exact lead far apart, curly quotes, changed whitespace, one changed word, a teaser cut with
an ellipsis before or after its paragraph, a repeated short line) and every kind of natural
repetition (a chorus sung twice, an interview question asked twice, recipe steps sharing a
phrase, list items sharing a template, a line recurring three times). A block counts as found when
`clean()` marks it `duplicate`; natural repetitions must stay.

    .venv/bin/python bench/dedup_within.py --documents 500
"""

from __future__ import annotations

import argparse
import random
import time
from collections import Counter
from dataclasses import dataclass, field

from textgen import paragraph, sentence, vocabulary

from cleaner import CleanOptions, Reason, clean

PLANTED = (
    "exact_far",
    "curly_quotes",
    "whitespace",
    "one_word",
    "teaser_after",
    "teaser_before",
    "short_line",
)
NATURAL = ("chorus", "interview", "recipe", "list_template", "recurring_3x")


@dataclass
class Generated:
    lines: list[str] = field(default_factory=list)
    planted: dict[int, str] = field(default_factory=dict)  # block index -> kind of copy
    natural: dict[int, str] = field(default_factory=dict)  # block index -> kind of repetition

    def add(self, line: str, planted: str | None = None, natural: str | None = None) -> None:
        if planted:
            self.planted[len(self.lines)] = planted
        if natural:
            self.natural[len(self.lines)] = natural
        self.lines.append(line)


def _words(rng: random.Random, count: int) -> str:
    return " ".join(vocabulary().content(rng, count))


def _quoted(rng: random.Random) -> str:
    return (
        f'{sentence(rng)} "{_words(rng, 6).capitalize()}," the {_words(rng, 1)} said. It\'s {_words(rng, 8)}.'
    )


def document(rng: random.Random) -> Generated:
    """One document with every planted copy and every natural repetition, in a shuffled order."""
    doc = Generated()
    lead_text, quoted = paragraph(rng), _quoted(rng)
    spaced, edited, teased, pre_teased = (paragraph(rng) for _ in range(4))
    headline = _words(rng, 6).capitalize()
    doc.add(headline)
    doc.add(lead_text)
    teaser_words = pre_teased.split()
    doc.add(" ".join(teaser_words[: max(6, len(teaser_words) // 3)]) + "…", planted="teaser_before")
    for text in (quoted, spaced, edited, teased, pre_teased):
        doc.add(text)
        doc.add(paragraph(rng))
    # Natural repetition, each with its own shape.
    chorus = [
        _words(rng, 5).capitalize(),
        f"And the {_words(rng, 3)} of the {_words(rng, 1)}",
        _words(rng, 6).capitalize(),
    ]
    for verse in range(2):
        for _ in range(4):
            doc.add(f"{_words(rng, 3).capitalize()} in the {_words(rng, 2)}")
        for line in chorus:
            doc.add(line, natural="chorus" if verse else None)
    question = f"Q: What did the {_words(rng, 2)} mean for the {_words(rng, 3)}?"
    for turn in range(2):
        doc.add(question, natural="interview" if turn else None)
        doc.add(f"A: {paragraph(rng, (1, 2))}")
    phrase = f"and stir with a {_words(rng, 2)} until the {_words(rng, 1)} is soft"
    for verb in ("Add", "Pour", "Fold"):
        step = f"{verb} the {_words(rng, 2)} into the {_words(rng, 1)} {phrase}, then {_words(rng, 3)} for {rng.randint(2, 9)} minutes."
        doc.add(step, natural="recipe")
    template = (
        f"a {_words(rng, 1)} bed, a {_words(rng, 1)} view, a private {_words(rng, 1)} and a {_words(rng, 2)}"
    )
    for number in range(3):
        doc.add(
            f"- Room {number + 1}: {template}, {rng.randint(18, 40)} square metres", natural="list_template"
        )
    recurring = f"{_words(rng, 4).capitalize()} for the {_words(rng, 2)}"
    for _ in range(3):
        doc.add(recurring, natural="recurring_3x")
        doc.add(paragraph(rng, (1, 2)))
    # Planted copies, later in the page.
    doc.add(teased.split(". ")[0][: len(teased) // 2].rsplit(" ", 1)[0] + "...", planted="teaser_after")
    doc.add(quoted.replace('"', "“", 1).replace('"', "”", 1).replace("'", "’"), planted="curly_quotes")
    doc.add(spaced.replace(" ", "  ", 3).replace(" ", "\t", 1), planted="whitespace")
    edit_words = edited.split()
    edit_words[len(edit_words) // 2] = _words(rng, 1)
    doc.add(" ".join(edit_words), planted="one_word")
    doc.add(headline, planted="short_line")
    doc.add(paragraph(rng))
    doc.add(lead_text, planted="exact_far")
    return doc


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    options = CleanOptions(format="text")
    found: Counter[str] = Counter()
    spared: Counter[str] = Counter()
    planted: Counter[str] = Counter()
    natural: Counter[str] = Counter()
    false_other = marked = 0
    started = time.perf_counter()
    for _ in range(args.documents):
        doc = document(rng)
        blocks = clean("\n\n".join(doc.lines), options).blocks
        assert len(blocks) == len(doc.lines), "a generated line was split or joined"
        for block in blocks:
            duplicate = block.removed is Reason.DUPLICATE
            marked += duplicate
            if block.index in doc.planted:
                planted[doc.planted[block.index]] += 1
                found[doc.planted[block.index]] += duplicate
            elif block.index in doc.natural:
                natural[doc.natural[block.index]] += 1
                spared[doc.natural[block.index]] += not duplicate
            else:
                false_other += duplicate
    seconds = time.perf_counter() - started
    true_positives = sum(found.values())
    print(
        f"{args.documents} documents, {sum(planted.values())} planted copies, {sum(natural.values())} natural repeats"
    )
    print(
        f"precision {true_positives / max(marked, 1):.4f}  recall {true_positives / sum(planted.values()):.4f}"
    )
    print("recall per planted kind:   " + ", ".join(f"{k} {found[k] / planted[k]:.3f}" for k in PLANTED))
    print("natural repeats kept:      " + ", ".join(f"{k} {spared[k] / natural[k]:.3f}" for k in NATURAL))
    print(f"unique blocks wrongly marked: {false_other}; {args.documents / seconds:.0f} documents/s")


if __name__ == "__main__":
    main()
