"""Seeded generator of English-like text for the dedup benchmarks (all text is made up here).

Words follow Zipf's law, as in real text: English function words ("the", "of", ...) are frequent and
a large invented content vocabulary (syllable strings, "taloven", "miraske") supplies the rest, so
two generated paragraphs share common word pairs ("of the") but rarely longer sequences, as two
real paragraphs do. Nothing here copies any real page.
"""

from __future__ import annotations

import itertools
import random
from functools import lru_cache

FUNCTION_WORDS = (
    "the of and to a in that is was for on with as by at from it his her their said has have had "
    "be were are will would but not this which an or after more than its who also over about new "
    "into up out two when last could been they we one year people other time first some can there"
).split()
_ONSETS = "b br c ch d dr f g gr h j k l m n p pl r s st sh t tr v w z".split()
_VOWELS = "a e i o u ai ea ou".split()
_CODAS = ["", "", "n", "r", "s", "l", "t", "nd", "st", "m"]


class Vocabulary:
    """A seeded Zipf vocabulary of invented content words."""

    def __init__(self, size: int = 30000, seed: int = 0) -> None:
        rng = random.Random(seed)
        words: dict[str, None] = {}
        while len(words) < size:
            syllables = rng.choice((1, 2, 2, 2, 3, 3, 4))
            words[
                "".join(
                    rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(syllables)
                )
            ] = None
        self.words = list(words)
        self._content = list(itertools.accumulate(1.0 / rank for rank in range(1, size + 1)))
        self._function = list(itertools.accumulate(1.0 / rank for rank in range(1, len(FUNCTION_WORDS) + 1)))

    def content(self, rng: random.Random, count: int = 1) -> list[str]:
        return rng.choices(self.words, cum_weights=self._content, k=count)

    def function(self, rng: random.Random) -> str:
        return rng.choices(FUNCTION_WORDS, cum_weights=self._function)[0]


@lru_cache(maxsize=4)
def vocabulary(seed: int = 0) -> Vocabulary:
    return Vocabulary(seed=seed)


def sentence(rng: random.Random, words: tuple[int, int] = (9, 26)) -> str:
    """One sentence: about 45% function words, sometimes a number, capitalised, full stop."""
    vocab = vocabulary()
    tokens = []
    for _ in range(rng.randint(*words)):
        draw = rng.random()
        if draw < 0.45:
            tokens.append(vocab.function(rng))
        elif draw < 0.47:
            tokens.append(str(rng.randint(2, 2030)))
        else:
            tokens.append(vocab.content(rng)[0])
    text = " ".join(tokens)
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, sentences: tuple[int, int] = (2, 4)) -> str:
    """A paragraph of a few sentences."""
    return " ".join(sentence(rng) for _ in range(rng.randint(*sentences)))


def headline(rng: random.Random) -> str:
    return " ".join(vocabulary().content(rng, rng.randint(4, 8))).capitalize()


def article(rng: random.Random, paragraphs: tuple[int, int] = (4, 9)) -> list[str]:
    """An article: a headline and some paragraphs."""
    return [headline(rng), *(paragraph(rng) for _ in range(rng.randint(*paragraphs)))]


class FastWriter:
    """The same word distribution drawn with numpy, for corpora of 100,000 articles."""

    def __init__(self, seed: int = 0) -> None:
        import numpy as np

        vocab = vocabulary()
        function = np.array([1.0 / rank for rank in range(1, len(FUNCTION_WORDS) + 1)])
        content = np.array([1.0 / rank for rank in range(1, len(vocab.words) + 1)])
        weights = np.concatenate([0.45 * function / function.sum(), 0.55 * content / content.sum()])
        self._np = np
        self._words = np.array(FUNCTION_WORDS + vocab.words)
        self._cumulative = np.cumsum(weights)
        self._rng = np.random.default_rng(seed)

    def paragraph(self, words: tuple[int, int] = (30, 90)) -> str:
        """Words drawn at once, cut into sentences of 8 to 25 words."""
        count = int(self._rng.integers(*words))
        positions = self._np.searchsorted(self._cumulative, self._rng.random(count))
        drawn = self._words[self._np.minimum(positions, len(self._words) - 1)]
        sentences, start = [], 0
        while start < count:
            end = min(count, start + int(self._rng.integers(8, 26)))
            text = " ".join(drawn[start:end])
            sentences.append(text[0].upper() + text[1:] + ".")
            start = end
        return " ".join(sentences)

    def article(self, paragraphs: tuple[int, int] = (4, 9)) -> list[str]:
        return [self.paragraph((4, 9)).rstrip(".")] + [
            self.paragraph() for _ in range(int(self._rng.integers(*paragraphs)))
        ]

    def integers(self, low: int, high: int) -> int:
        return int(self._rng.integers(low, high))
