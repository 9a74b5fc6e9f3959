"""Literal words a pattern cannot match without: a cheap test that spares most blocks every regex.

A phrase rule's regexes are run against short blocks only, but a page has many of those and a rule
set has dozens of patterns. Most patterns cannot match unless some literal (a word like "subscri",
"newsletter", "comment") occurs in the text; finding those literals once, from the parsed pattern,
turns most rule checks into a few substring tests. When a pattern has no such literal the answer is
None and the regex always runs, so the prefilter can only skip work, never change a result.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import islice
from re import _parser  # type: ignore[attr-defined]  # the stdlib regex parser; stable since 3.11
from typing import Any

import ahocorasick
import numpy as np

# Literal runs shorter than this are too common to be worth testing.
MIN_LITERAL = 3
_REPEATS = {_parser.MAX_REPEAT, _parser.MIN_REPEAT, getattr(_parser, "POSSESSIVE_REPEAT", _parser.MAX_REPEAT)}
Needs = frozenset[str] | None


def required_literals(pattern: re.Pattern[str]) -> Needs:
    """Lowercase strings one of which every match of the pattern contains, or None if unknown."""
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # an unfamiliar construct: no prefilter, the regex always runs
        return None
    return _sequence(list(parsed))


def most_selective(needs: Sequence[Needs]) -> Needs:
    """Of several necessary conditions (all must hold), the one that rejects most texts."""
    known = [need for need in needs if need]
    return min(known, key=_selectivity) if known else None


# Words found in almost any English sentence: a need made of them rejects nothing.
_COMMON = frozenset("the you your is are to of and in on for a an it this that with be or".split())


def _selectivity(need: frozenset[str]) -> float:
    """Roughly how often a text contains one of the strings: shorter and commoner is likelier."""
    return sum(
        (10.0 if literal.strip() in _COMMON else 1.0) / max(len(literal.strip()), 1) ** 2 for literal in need
    )


def _sequence(items: list[tuple[Any, Any]]) -> Needs:
    options: list[frozenset[str]] = []
    short: list[frozenset[str]] = []  # runs under MIN_LITERAL: a weak need, used when nothing better
    run: list[str] = []

    def flush() -> None:
        if run:
            (options if len(run) >= MIN_LITERAL else short).append(frozenset({"".join(run).lower()}))
        run.clear()

    for op, argument in items:
        if op is _parser.LITERAL:
            run.append(chr(argument))
            continue
        flush()
        need = _item(op, argument)
        if need:
            options.append(need)
    flush()
    return most_selective(options or short)


def _item(op: Any, argument: Any) -> Needs:
    if op is _parser.SUBPATTERN:
        return _sequence(list(argument[-1]))
    if op is getattr(_parser, "ATOMIC_GROUP", None):
        return _sequence(list(argument))
    if op is _parser.BRANCH:
        branches = [_sequence(list(branch)) for branch in argument[1]]
        if any(branch is None for branch in branches):
            return None
        return frozenset().union(*(branch for branch in branches if branch))
    if op in _REPEATS:
        low, _, body = argument
        return _sequence(list(body)) if low >= 1 else None
    return None  # anchors, classes, any-character, lookarounds, back references


# Joins the texts of a page for one pass of the literal scan: a control character, which decoding
# drops from every input, so no literal and almost never a text holds it.
SEPARATOR = "\x00"
# Literal occurrences mapped to their texts at a time.
_HITS_AT_ONCE = 4096
_NONE: frozenset[int] = frozenset()


class LiteralIndex:
    """Which needed literals texts contain, all literals and all a page's texts in one Aho-Corasick
    pass (pyahocorasick), overlapping occurrences included."""

    def __init__(self, literals: Iterable[str]) -> None:
        self.literals = tuple(sorted(set(literals)))
        if any(SEPARATOR in literal for literal in self.literals):
            raise ValueError("a needed literal holds the page separator")
        self._automaton = ahocorasick.Automaton()
        for number, literal in enumerate(self.literals):
            self._automaton.add_word(literal, number)
        if self.literals:
            self._automaton.make_automaton()

    def found_in(self, texts: Sequence[str]) -> list[frozenset[int]]:
        """For each text, the numbers of the literals (in `literals`) it contains once lowercased."""
        found: list[frozenset[int]] = [_NONE] * len(texts)  # most texts hold none: one shared empty set
        if not self.literals or not texts:
            return found
        joined = SEPARATOR.join(texts).lower()
        if joined.count(SEPARATOR) != len(texts) - 1:  # a text holds the separator: one pass each
            return [frozenset(number for _, number in self._automaton.iter(text.lower())) for text in texts]
        scan = self._automaton.iter(joined)
        starts: np.ndarray | None = None
        pairs: list[np.ndarray] = []
        # A chunk of hits at a time: a hostile page ("adadad...") has millions of them.
        while hits := list(islice(scan, _HITS_AT_ONCE)):
            if starts is None:
                # Lowercasing may lengthen a text ("İ"): the offsets are the lowercased texts'.
                spans = np.fromiter(map(len, joined.split(SEPARATOR)), dtype=np.int64, count=len(texts)) + 1
                starts = np.cumsum(spans) - spans
            where = np.array(hits, dtype=np.int64)  # (end offset, literal) rows
            owners = np.searchsorted(starts, where[:, 0], side="right") - 1
            # Each (text, literal) once: a text holding a literal a thousand times is one entry.
            pairs.append(np.unique(owners * len(self.literals) + where[:, 1]))
        if not pairs:
            return found
        # Sorted by text, then literal: each text's literals are one run.
        unique = np.unique(np.concatenate(pairs)) if len(pairs) > 1 else pairs[0]
        owner, literal = np.divmod(unique, len(self.literals))
        bounds = np.flatnonzero(np.diff(owner)) + 1
        literals = literal.tolist()
        for text, first, last in zip(
            owner[np.concatenate([[0], bounds])].tolist(),
            [0, *bounds.tolist()],
            [*bounds.tolist(), len(literals)],
            strict=True,
        ):
            found[text] = frozenset(literals[first:last])
        return found

    def present(self, lowered: str) -> set[str]:
        """The literals that occur in a lowercased text."""
        return (
            {self.literals[number] for _, number in self._automaton.iter(lowered)} if self.literals else set()
        )
