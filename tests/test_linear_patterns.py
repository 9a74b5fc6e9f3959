"""Every regular expression of cleaner/ runs in linear time on inputs built to break it.

The patterns are collected from the code (module-level compiled patterns and every phrase rule), not
listed here, so a new rule is checked the day it is added. For each, bench/pumped.py writes pumped
worst-case inputs (each repeat of the pattern written many times over, each literal word glued to
itself, a keyword followed by a long run of punctuation, runs of comments before junk) and times the
search at n and 4n characters in this run: a linear search grows about 4x, a quadratic one 16x, an
exponential one never finishes (stopped by an alarm). The bound is 8x, and a case over it is measured
again before it fails, so a noisy machine does not fail the suite; no absolute time is compared.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from bench.pumped import attacks, patterns_of, superlinear
from cleaner.mark.rules import PHRASE_RULES
from tests.conftest import ROOT

PATTERNS = patterns_of("cleaner")
# Attacks tried per pattern: the round robin of bench/pumped.py keeps every repeat and word in them.
ATTACKS = 48


def test_every_rule_and_internal_pattern_is_collected() -> None:
    collected = {id(pattern) for pattern in PATTERNS.values()}
    for rule in PHRASE_RULES:
        assert all(id(pattern) in collected for pattern in rule.patterns), rule.name
    names = set(PATTERNS)
    for internal in ("read.decode._HTML_START", "read.decode._META_CHARSET", "mark.duplicates.TEASER_END"):
        assert any(name.endswith(internal) for name in names), internal


# re functions that compile their first argument when it is a pattern text.
_RE_CALLS = {"search", "match", "fullmatch", "split", "sub", "subn", "findall", "finditer"}


def test_no_pattern_is_written_inline() -> None:
    """A pattern text passed straight to re.search & co. would escape the collection above: each
    lives in a module-level constant instead."""
    inline = []
    for path in sorted((ROOT / "cleaner").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id in ("re", "re2")
                and node.func.attr in _RE_CALLS
                and node.args
                and isinstance(node.args[0], ast.Constant | ast.JoinedStr)
            ):
                inline.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not inline, f"compile these at module level: {inline}"


def test_compiled_only_at_module_level() -> None:
    """re.compile inside a function would build a pattern the collection never sees."""
    found = []
    for path in sorted((ROOT / "cleaner").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(function):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and isinstance(node.func.value, ast.Name)
                    and node.func.value.id in ("re", "re2")
                    and node.func.attr == "compile"
                    and function.name not in _COMPILERS
                ):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno} in {function.name}()")
    assert not found, found


# Functions whose job is compiling the module-level patterns (their results are collected).
_COMPILERS = {"rule", "_linear_bytes"}


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_pattern_runs_in_linear_time(name: str) -> None:
    bad = superlinear(PATTERNS[name], limit=ATTACKS)
    assert not bad, "\n".join(
        f"{g.attack.why}: {g.attack.make(2)[:60]!r}... grew {g.ratio:.1f}x from {len(g.attack.make(g.n))} "
        f"to {len(g.attack.make(4 * g.n))} characters"
        for g in bad
    )


@pytest.mark.parametrize(
    "pattern",
    [
        r"^(?:a|a)+$",  # exponential: two ways to take each "a"
        r"^\W*(?:(?:log ?in|login)\W*)+$",  # the account-button shape: a word glued to itself
        r"\s*(?:<!--.*?-->\s*)*<html",  # the HTML sniff's old comment run
        r"(?:^|[.!?])\W*subscribe",  # a clause start before a long run of punctuation
        r"^(?!.*[.!?]\W*$)\W*tags:",  # a sentence-end lookahead over 100k dots
        r"subscrib\w*.{0,80}\bto continue",  # a word glued to itself, rescanned from every copy
        r"/\S+\W*$",  # a path and the punctuation after it giving characters back to each other
    ],
)
def test_the_check_catches_backtracking(pattern: str) -> None:
    assert superlinear(re.compile(pattern, re.I), limit=200), pattern


@pytest.mark.parametrize(
    "pattern",
    [r"\bsubscribe\b", r"^\W*(?:log ?in|sign up)\W*$", r"(?:^|[.!?])\W{0,8}subscribe", r"[.!?]\s*$"],
)
def test_the_check_passes_linear_patterns(pattern: str) -> None:
    assert not superlinear(re.compile(pattern, re.I), limit=200), pattern


def test_attacks_pump_each_repeat_and_glue_words() -> None:
    made = [attack.make(3) for attack in attacks(re.compile(r"^\W*(?:(?:log ?in|register)\W*)+$"))]
    assert "loginloginlogin" in made or any("loginloginlogin" in text for text in made)
    assert any(text.startswith("registerregisterregister") for text in made)
    assert any("..." in text for text in made)  # a run of punctuation


def test_patterns_collected_from_a_package_of_our_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "pkg_with_patterns"
    package.mkdir()
    (package / "__init__.py").write_text("import re\nTOP = re.compile('a+')\n")
    (package / "inner.py").write_text(
        "import re\nfrom dataclasses import dataclass\n"
        "@dataclass(frozen=True)\nclass R:\n    name: str\n    patterns: tuple\n"
        "RULES = (R('x', (re.compile('b'), re.compile('c'))),)\nNOT = 'd'\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    found = patterns_of("pkg_with_patterns")
    assert sorted(p.pattern for p in found.values()) == ["a+", "b", "c"]
