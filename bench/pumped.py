"""Worst-case inputs for regular expressions, and a scaling check: is a pattern linear in its input?

A backtracking engine goes superlinear when a repeat can take the same text in several ways (a word
glued to itself under `(?:log ?in|login)+`, a run of comments under `(?:<!--.*?-->\\s*)*`) or when every
start position scans the same long run again (`[.!?]\\W*$` over 100,000 dots). Both show up when one
piece of the pattern is *pumped*: an example of the pattern is written out with one repeat's body
repeated n times, followed by a suffix that makes the match fail at the very end. `attacks` writes
those inputs for every repeat of a pattern (and for each alternative inside it), plus the families
seen in the wild: each literal word of the pattern glued to itself, a keyword followed by a long run
of punctuation, runs of spaced or empty comments before junk.

`growth` times a search on an input of size n and of size 4n (CPU time, the minimum of several runs,
interleaved) and returns the ratio: about 4 for a linear pattern, 16 for a quadratic one, and a
runaway (stopped by an alarm) for an exponential one. No absolute time is ever compared.

Used by tests/test_linear_patterns.py (every pattern of cleaner/) and bench/worst_case.py.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import signal
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields, is_dataclass
from re import _parser  # type: ignore[attr-defined]  # the stdlib regex parser
from typing import Any

_REPEATS = {_parser.MAX_REPEAT, _parser.MIN_REPEAT, getattr(_parser, "POSSESSIVE_REPEAT", _parser.MAX_REPEAT)}
_ATOMIC = getattr(_parser, "ATOMIC_GROUP", None)
# Characters tried where a pattern asks for "any character of a class".
_CANDIDATES = "a.  0-!:,_'\"/(é\n<>#@…•"
# What follows a pumped run to make the match fail as late as possible.
SUFFIXES = ("", "!", "a", " a", "!a", "\x00", "\n", "0", ". a")
# Punctuation a keyword is followed by, many times over.
RUNS = (".", "!", ":", ",", " ", "-", "…", "•", "(", "'", " .", ". ", "\n", "|", "/", "@", "*")
# Size of the largest input tried, in characters.
MAX_CHARS = 200_000


class Runaway(Exception):
    """The search did not finish within its alarm: superlinear beyond doubt."""


@dataclass(frozen=True)
class Attack:
    """Input of size n: prefix + unit * n + suffix."""

    why: str
    prefix: str
    unit: str
    suffix: str

    def make(self, n: int) -> str:
        return self.prefix + self.unit * n + self.suffix


def patterns_of(package: str = "cleaner") -> dict[str, Any]:
    """Every compiled pattern the package holds at module level, directly or inside tuples, lists,
    dicts and dataclasses (phrase rules), by a dotted name that says where it lives."""
    found: dict[str, Any] = {}
    root = importlib.import_module(package)
    names = [root.__name__] + [
        info.name for info in pkgutil.walk_packages(root.__path__, root.__name__ + ".")
    ]
    seen: set[int] = set()
    for name in names:
        if name.endswith("__main__"):
            continue
        module = importlib.import_module(name)
        for attribute, value in vars(module).items():
            if getattr(value, "__module__", name) not in (name, None) and not _holds_patterns(value):
                continue
            _collect(f"{name}.{attribute}", value, found, seen, depth=0)
    return found


def _is_pattern(value: Any) -> bool:
    return isinstance(value, re.Pattern) or type(value).__name__ == "_Regexp"


def _holds_patterns(value: Any) -> bool:
    return _is_pattern(value) or isinstance(value, tuple | list | dict) or is_dataclass(value)


def _collect(where: str, value: Any, found: dict[str, Any], seen: set[int], depth: int) -> None:
    if (
        depth > 4
        or isinstance(value, str | bytes | int | float | type)
        or (callable(value) and not _is_pattern(value))
    ):
        return
    if _is_pattern(value):
        if id(value) not in seen:
            seen.add(id(value))
            found[where] = value
        return
    if isinstance(value, dict):
        for key, item in value.items():
            _collect(f"{where}[{key!r}]", item, found, seen, depth + 1)
    elif isinstance(value, tuple | list | frozenset | set):
        for number, item in enumerate(value):
            label = getattr(item, "name", number)
            _collect(f"{where}[{label}]", item, found, seen, depth + 1)
    elif is_dataclass(value) and not isinstance(value, type):
        for field in fields(value):
            _collect(f"{where}.{field.name}", getattr(value, field.name), found, seen, depth + 1)


def source_of(pattern: Any) -> tuple[str | bytes, int]:
    """The pattern's text and its `re` flags (re2 patterns carry theirs inline)."""
    if isinstance(pattern, re.Pattern):
        return pattern.pattern, pattern.flags
    return pattern.pattern, 0


# --- examples of a parsed pattern -------------------------------------------------------------


def _class_char(items: list[tuple[Any, Any]]) -> list[str]:
    """Characters (from _CANDIDATES and the class's own literals) that a character class accepts."""
    own = [chr(arg) for op, arg in items if op is _parser.LITERAL] + [
        chr(arg[0]) for op, arg in items if op is _parser.RANGE
    ]
    pool = own + list(_CANDIDATES)
    return [ch for ch in dict.fromkeys(pool) if _in_class(items, ch)] or ["a"]


def _category(name: Any, ch: str) -> bool:
    table = {
        _parser.CATEGORY_WORD: ch.isalnum() or ch == "_",
        _parser.CATEGORY_NOT_WORD: not (ch.isalnum() or ch == "_"),
        _parser.CATEGORY_SPACE: ch.isspace(),
        _parser.CATEGORY_NOT_SPACE: not ch.isspace(),
        _parser.CATEGORY_DIGIT: ch.isdecimal(),
        _parser.CATEGORY_NOT_DIGIT: not ch.isdecimal(),
    }
    return table.get(name, False)


def _in_class(items: list[tuple[Any, Any]], ch: str) -> bool:
    negate = bool(items) and items[0][0] is _parser.NEGATE
    hit = any(
        (op is _parser.LITERAL and ord(ch) == arg)
        or (op is _parser.RANGE and arg[0] <= ord(ch) <= arg[1])
        or (op is _parser.CATEGORY and _category(arg, ch))
        for op, arg in (items[1:] if negate else items)
    )
    return hit != negate


@dataclass
class _Writer:
    """Writes one example of a parsed pattern; `pump` (a repeat node) is written `times` times with
    its body's alternatives chosen by `branch`; `stop` ends the example right after the pumped run."""

    pump: Any = None
    times: int = 0
    branch: int = 0
    char: int = 0
    stop: bool = False
    done: bool = False

    def sequence(self, items: list[tuple[Any, Any]], inside: bool = False) -> str:
        out = []
        for op, arg in items:
            if self.done:
                break
            out.append(self.item(op, arg, inside))
        return "".join(out)

    def item(self, op: Any, arg: Any, inside: bool) -> str:
        if op is _parser.LITERAL:
            return chr(arg)
        if op is _parser.NOT_LITERAL:
            return next(ch for ch in _CANDIDATES if ord(ch) != arg)
        if op is _parser.ANY:
            return "a.  "[self.char % 4] if inside else "a"
        if op is _parser.IN:
            chars = _class_char(list(arg))
            return chars[self.char % len(chars)] if inside else chars[0]
        if op is _parser.SUBPATTERN:
            return self.sequence(list(arg[-1]), inside)
        if op is _ATOMIC:
            return self.sequence(list(arg), inside)
        if op is _parser.BRANCH:
            branches = arg[1]
            pick = self.branch % len(branches) if inside else 0
            return self.sequence(list(branches[pick]), inside)
        if op in _REPEATS:
            low, _high, body = arg
            if arg is self.pump:
                text = self.sequence(list(body), inside=True) * self.times
                if self.stop:
                    self.done = True
                return text
            return (
                self.sequence(list(body), inside) * max(low, 1 if inside and low == 0 else low)
                if low or inside
                else ""
            )
        return ""  # anchors, lookarounds, back references: nothing to write


def _repeats(items: Any) -> Iterator[Any]:
    for op, arg in items:
        if op in _REPEATS:
            yield arg
            yield from _repeats(arg[2])
        elif op is _parser.SUBPATTERN:
            yield from _repeats(arg[-1])
        elif op is _ATOMIC:
            yield from _repeats(arg)
        elif op is _parser.BRANCH:
            for branch in arg[1]:
                yield from _repeats(branch)
        elif op in (_parser.ASSERT, _parser.ASSERT_NOT):
            yield from _repeats(arg[1])


def _literal_words(items: Any) -> set[str]:
    """Runs of literal characters the pattern contains ("subscribe", "login", "<!--")."""
    words: set[str] = set()
    run: list[str] = []
    for op, arg in items:
        if op is _parser.LITERAL:
            run.append(chr(arg))
            continue
        if len(run) >= 2:
            words.add("".join(run))
        run = []
        if op is _parser.SUBPATTERN:
            words |= _literal_words(arg[-1])
        elif op is _ATOMIC:
            words |= _literal_words(arg)
        elif op is _parser.BRANCH:
            for branch in arg[1]:
                words |= _literal_words(branch)
        elif op in _REPEATS:
            words |= _literal_words(arg[2])
        elif op in (_parser.ASSERT, _parser.ASSERT_NOT):
            words |= _literal_words(arg[1])
    if len(run) >= 2:
        words.add("".join(run))
    return words


def attacks(pattern: Any, limit: int = 400) -> list[Attack]:
    """Pumped worst-case inputs for one pattern (str patterns; bytes patterns get the same as bytes
    by the caller)."""
    text, flags = source_of(pattern)
    if isinstance(text, bytes):
        text = text.decode("latin-1")
    parsed = list(_parser.parse(text, flags & ~re.VERBOSE if flags else 0))
    families: list[list[Attack]] = []
    marker = "\x01"
    for number, node in enumerate(_repeats(parsed)):
        family = families.append([]) or families[-1]
        for branch, char in ((0, 0), (1, 1), (2, 2), (3, 0), (1, 0), (0, 1)):
            unit = _Writer(branch=branch, char=char).sequence(list(node[2]), inside=True)
            for stop in (False, True):
                prefix, _, rest = _example_around(parsed, node, branch, char, stop, marker).partition(marker)
                for suffix in SUFFIXES:
                    family.append(Attack(f"repeat {number} pumped", prefix, unit, rest + suffix))
    example = _Writer().sequence(parsed)
    for word in sorted(_literal_words(parsed) | ({example} if example else set()), key=len):
        family = families.append([]) or families[-1]
        for suffix in SUFFIXES[:4]:
            family.append(Attack(f"{word!r} glued to itself", "", word, suffix))
            family.append(Attack(f"{word!r} spaced", "", word + " ", suffix))
        for run in RUNS:
            family.append(Attack(f"{word!r} then {run!r} many times", word, run, "a"))
            family.append(Attack(f"{word!r} then {run!r} many times", word + ": ", run, ""))
            family.append(Attack(f"{run!r} many times then {word!r}", "", run, word[:-1]))
    families.append(
        [
            Attack("markup runs", "", unit, "x")
            for unit in ("<!---->", "<!-- -->", "<!-- --> ", "<!--", "<", "<a")
        ]
    )
    # Round robin over the families, so that a limit keeps every repeat and every word.
    chosen: dict[tuple[str, str, str], Attack] = {}
    for round_ in range(max(map(len, families))):
        for family in families:
            if round_ < len(family) and family[round_].unit:
                attack = family[round_]
                chosen.setdefault((attack.prefix, attack.unit, attack.suffix), attack)
    return list(chosen.values())[:limit]


def _example_around(parsed: list[Any], node: Any, branch: int, char: int, stop: bool, marker: str) -> str:
    """The pattern's example with a marker where the pumped run goes."""

    class Marking(_Writer):
        def item(self, op: Any, arg: Any, inside: bool) -> str:
            if op in _REPEATS and arg is node:
                if stop:
                    self.done = True
                return marker
            return super().item(op, arg, inside)

    return Marking(branch=branch, char=char).sequence(parsed)


# --- timing -------------------------------------------------------------------------------------


def _alarm(_signum: int, _frame: Any) -> None:
    raise Runaway


def cpu_time(search: Callable[[Any], Any], subject: Any, repeats: int = 3, alarm: float = 0.5) -> float:
    """The least CPU time of `repeats` searches; Runaway past `alarm` seconds of wall time."""
    best = float("inf")
    previous = signal.signal(signal.SIGALRM, _alarm)
    try:
        for _ in range(repeats):
            signal.setitimer(signal.ITIMER_REAL, alarm)
            start = time.process_time()
            try:
                search(subject)
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            best = min(best, time.process_time() - start)
    finally:
        signal.signal(signal.SIGALRM, previous)
    return best


@dataclass(frozen=True)
class Growth:
    """How a search's time grew from size n to 4n (ratio ~4 linear, ~16 quadratic)."""

    attack: Attack
    n: int
    small: float
    large: float

    @property
    def ratio(self) -> float:
        return self.large / max(self.small, 1e-9)


# Sizes of the two inputs compared, in characters: a quadratic pattern takes seconds at the larger.
SMALL_CHARS = 8_000
# A search this fast on the larger input cannot be superlinear (a quadratic one makes 10^8 steps there).
FAST = 0.0005


def growth(
    search: Callable[[Any], Any],
    attack: Attack,
    as_bytes: bool = False,
    small_chars: int = SMALL_CHARS,
    alarm: float = 0.5,
) -> Growth:
    """Time the search at about `small_chars` characters and at four times as many; a runaway
    counts as infinite growth."""

    def subject(n: int) -> Any:
        made = attack.make(n)
        return made.encode("utf-8", "surrogatepass") if as_bytes else made

    n = max(4, -(-small_chars // max(len(attack.unit), 1)))
    small_input, large_input = subject(n), subject(4 * n)
    try:
        large = cpu_time(search, large_input, repeats=1, alarm=alarm)
        if large < FAST:
            return Growth(attack, n, large / 4, large)
        small = cpu_time(search, small_input, alarm=alarm)
        large = min(large, cpu_time(search, large_input, alarm=alarm))
    except Runaway:
        return Growth(attack, n, 1e-9, float("inf"))
    return Growth(attack, n, small, large)


def superlinear(
    pattern: Any, bound: float = 8.0, retries: int = 2, limit: int = 400, stop_after: int = 1
) -> list[Growth]:
    """The attacks on which the pattern's search grew faster than `bound` from n to 4n (linear: ~4),
    each confirmed `retries` more times on longer inputs so that a noisy machine does not make a
    false alarm; the
    search stops at the `stop_after`th such attack."""
    text, _ = source_of(pattern)
    as_bytes = isinstance(text, bytes)
    bad = []
    for attack in attacks(pattern, limit):
        measured = growth(pattern.search, attack, as_bytes)
        for retry in range(retries):
            if measured.ratio <= bound:
                break
            # Again, on inputs four times as long each time: noise fades, and so does a change of
            # mode at a small size (RE2 leaving its DFA), while a superlinear search only gets worse.
            again = growth(pattern.search, attack, as_bytes, SMALL_CHARS * 4 ** (retry + 1))
            measured = min(measured, again, key=lambda g: g.ratio)
        if measured.ratio > bound:
            bad.append(measured)
            if len(bad) >= stop_after:
                break
    return bad
