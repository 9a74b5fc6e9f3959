"""The page-at-once computations of text mode give exactly what the per-block ones they replaced give.

Each fast path (characters classed all at once, literals found in one pass, match forms and space
folding per page) is checked against a plain per-block definition on random texts built from the
characters that make the difference: non-ASCII letters and digits, titlecase, the Turkish dotted
capital I (lowercased into two characters), the separator a page is joined with, and the stops,
closers and whitespace that end a sentence.
"""

from __future__ import annotations

import math
import random
import re
from collections import Counter

import pytest

from cleaner.document import Block, Reason
from cleaner.mark.boilerplate import rule_set
from cleaner.mark.characters import (
    DIGIT,
    LETTER,
    SPACE,
    UPPER,
    WORD,
    class_of,
    page_characters,
)
from cleaner.mark.features import BLOCK_FEATURES, STOP_WORDS, block_features
from cleaner.mark.rules import PHRASE_RULES, match_form
from cleaner.mark.rules.base import match_forms
from cleaner.mark.rules.prefilter import LiteralIndex
from cleaner.read import words as words_module
from cleaner.read.segment import LIST_MARKER, SENTENCE_END, segment_text
from cleaner.sketch.shingles import shingles

_TRICKY = [
    *".!?…'\"”’»)] \n\t\u2028\u00a0\u200ba:AǅßⓐΣσİıſK²½一の・1_,|/•·{}$@。！",
    "สวัสดี",  # Thai: a word every four letters
    "में ",  # Devanagari: its vowel signs belong to the word
    "の",
    "the ",
    "Und ",
    "für ",
    "È ",
    "www.",
    ".com",
    "- ",
    "12. ",
    "SUBSCRIBE",
    "FREEAlready",
    "news.Sign",
    "\x00",
]


def _random_texts(rng: random.Random, count: int, longest: int = 12) -> list[str]:
    return ["".join(rng.choice(_TRICKY) for _ in range(rng.randint(0, longest))) for _ in range(count)]


@pytest.mark.parametrize(
    ("bit", "pattern"),
    [
        (LETTER, words_module.WORD.pattern),
        (WORD, words_module.TOKEN.pattern),
        (SPACE, r"\s"),
        (DIGIT, None),
        (UPPER, None),
    ],
)
def test_character_classes_are_the_regex_classes_on_every_code_point(bit: int, pattern: str | None) -> None:
    compiled = re.compile(pattern) if pattern else None
    test = str.isdigit if bit == DIGIT else str.isupper
    for code in range(0x110000):
        char = chr(code)
        expected = bool(compiled.fullmatch(char)) if compiled else test(char)
        assert bool(class_of(char) & bit) == expected, hex(code)


def test_latin1_lowercases_within_latin1() -> None:
    assert all(len(chr(code).lower()) == 1 and ord(chr(code).lower()) < 256 for code in range(256))


def _reference_row(text: str, repeats: Counter[str]) -> dict[str, float]:
    """The per-block definitions the page-wide computation must equal."""
    words = words_module.WORD.findall(text)
    count = max(len(words), 1)
    chars = max(len(text), 1)
    key = " ".join(text.lower().split())
    return {
        "log_words": math.log1p(len(words_module.TOKEN.findall(text))),
        "log_chars": math.log1p(len(text)),
        "capitalized_share": sum(w[0].isupper() for w in words) / count,
        "stop_word_share": sum(w.lower() in STOP_WORDS for w in words) / count,
        "short_word_share": sum(len(w) < 4 for w in words) / count,
        "digit_share": sum(map(str.isdigit, text)) / chars,
        "ends_sentence": float(bool(SENTENCE_END.search(text))),
        "ends_colon": float(text.rstrip().endswith(":")),
        "commas_per_word": text.count(",") / count,
        "sentences_per_word": len(re.findall(f"[.!?](?:\\s|$)|[{words_module.SENTENCE_MARKS}]", text))
        / count,
        "bullet": float(bool(LIST_MARKER.match(text))),
        "separators_per_word": sum(text.count(mark) for mark in "|/•·") / count,
        "mean_word_length": sum(map(len, words)) / count,
        "all_caps": float(text.isupper()),
        "log_repeats": math.log(repeats[key]),
        "symbol_share": len(re.findall(r"[{}()\[\];=<>$#_\\]", text)) / chars,
    }


@pytest.mark.parametrize("seed", range(40))
def test_block_features_equal_their_per_block_definitions(seed: int) -> None:
    rng = random.Random(seed)
    texts = _random_texts(rng, rng.randint(1, 30))
    texts += [texts[0]] if texts else []  # a repeat
    blocks = [Block(index=i, text=text, removed=rng.choice([None, *Reason])) for i, text in enumerate(texts)]
    rows = block_features(blocks)
    repeats = Counter(" ".join(text.lower().split()) for text in texts)
    for row, text in zip(rows, texts, strict=True):
        for name, value in _reference_row(text, repeats).items():
            assert row[BLOCK_FEATURES.index(name)] == pytest.approx(value, rel=1e-12, abs=1e-12), (name, text)


def test_stop_words_beyond_latin1_and_longer_ones_are_looked_up_too() -> None:
    page = page_characters(["Kelvin K and İn ſome für FÜR", "longword"])
    first, last = page.runs(LETTER)
    vocabulary = frozenset({"k", "and", "für", "longword", "i̇n"})
    expected = [page.text[a:b].lower() in vocabulary for a, b in zip(first, last, strict=True)]
    assert page.words_in(first, last, vocabulary).tolist() == expected
    assert sum(expected) == 6  # K (Kelvin sign), and, İn, für, FÜR, longword


@pytest.mark.parametrize("seed", range(20))
def test_literals_found_per_page_equal_those_of_each_text(seed: int) -> None:
    rng = random.Random(seed)
    literals = {"subscri", "ad", "the ", "i̇n", "für", "k", "comments are", "ments"}
    index = LiteralIndex(literals)
    texts = [*_random_texts(rng, rng.randint(0, 20)), "İnput", "Comments are closed", "SUBSCRIBE"]
    found = index.found_in(texts)
    for text, numbers in zip(texts, found, strict=True):
        assert {index.literals[n] for n in numbers} == {lit for lit in literals if lit in text.lower()}, text


@pytest.mark.parametrize("seed", range(20))
def test_match_forms_per_page_equal_match_form(seed: int) -> None:
    texts = _random_texts(random.Random(seed), 25, longest=8)
    assert match_forms(texts) == [match_form(text) for text in texts]
    assert match_forms([]) == []


def test_a_page_of_rules_matches_as_each_block_alone() -> None:
    rules = rule_set(frozenset(Reason))
    texts = [
        "You've reached your free article limit.",
        "Subscribe to our newsletter",
        "The council met on Monday to discuss the budget.",
        "Share\x00Facebook X",
        "© 2024 Example Media",
        "x" * 3000,
    ]
    assert rules.first_matches(texts) == [rules.first_match(text) for text in texts]
    assert len(PHRASE_RULES) == len(rules.rules)


def _tidy_line(line: str) -> str:
    return re.sub(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+", " ", line.strip()).strip()


@pytest.mark.parametrize("seed", range(20))
def test_segment_folds_spaces_as_line_by_line(seed: int) -> None:
    rng = random.Random(seed)
    text = "".join(rng.choice([*_TRICKY, "\n", "\n\n", "Line of text "]) for _ in range(200))
    lines = [_tidy_line(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    joined = " ".join(block.text for block in segment_text(text).blocks)
    assert joined.split() == " ".join(line for line in lines if line).split()


@pytest.mark.parametrize("size", [1, 2, 3])
def test_shingles_are_the_distinct_word_ngrams_in_order(size: int) -> None:
    words = "a b a b c a b".split()
    expected = list(
        dict.fromkeys(" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1))
    )
    assert shingles(words, size) == expected
    assert shingles(["only"], size) == [b"only"] and shingles([], size) == []


def test_page_characters_of_empty_blocks() -> None:
    page = page_characters(["", "ab", ""])
    assert page.count(page.has(LETTER)).tolist() == [0, 2, 0]
    assert [len(offsets) for offsets in page.runs(LETTER)] == [1, 1]
