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
import pickle
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from bench.pumped import Attack, attacks, growth, patterns_of, superlinear
from cleaner import DEFAULT_OPTIONS, CleanOptions, InputError, TooManyBlocksError, clean
from cleaner.mark.boilerplate import MAX_RULE_CHARS, first_matching_rule
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


# Whole pages built to make one step superlinear: (name, prefix, unit repeated n times, suffix).
HOSTILE_PAGES = [
    ("teaser lines, all different", "", "A teaser line {i} that trails off here ...\n\n", ""),
    ("teaser lines, all the same", "", "The same teaser line that trails off here ...\n\n", ""),
    ("teasers of one long paragraph", "", "Words of the story go on and on and on here ...\n\n", "x " * 400),
    ("near-duplicate paragraphs", "", "w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13 w14 {i}.\n\n", ""),
    ("one-word glued account button", "", "login", "!x"),
    ("tag list then dots", "Tags: ", ".", "a"),
    ("link then dots", "pic.twitter.com/a", ".", " a"),
    ("newsletter keyword then marks", "Sign up ", "!", " for our newsletter"),
    ("clause starts", "Subscribe", "!.", " to continue reading"),
    ("comments before junk", "", "<!-- --> ", "x"),
    ("short lines", "", "Line {i}\n", ""),
    (
        "list items",
        "<html><body><ul>",
        "<li><a href='/x'>Item {i} of the list</a></li>",
        "</ul></body></html>",
    ),
]


class _Numbered(Attack):
    """An attack whose unit may number its copies ("{i}"), so that blocks differ."""

    def make(self, n: int) -> str:
        if "{i}" not in self.unit:
            return super().make(n)
        return self.prefix + "".join(self.unit.replace("{i}", str(i)) for i in range(n)) + self.suffix


@pytest.mark.parametrize(
    ("name", "prefix", "unit", "suffix"), HOSTILE_PAGES, ids=[p[0] for p in HOSTILE_PAGES]
)
def test_clean_grows_linearly_on_hostile_pages(name: str, prefix: str, unit: str, suffix: str) -> None:
    """clean() itself, per page family: time at n and 4n blocks or characters, in one run."""
    options = CleanOptions(format="html" if prefix.startswith("<html") else "auto")

    def run(text: str) -> None:
        clean(text, options)

    attack = _Numbered(name, prefix, unit, suffix)
    measured = growth(run, attack, small_chars=20_000, alarm=60)
    for retry in range(2):
        if measured.ratio <= 8.0:
            break
        measured = min(
            measured,
            growth(run, attack, small_chars=20_000 * 2 ** (retry + 1), alarm=60),
            key=lambda g: g.ratio,
        )
    assert measured.ratio <= 8.0, f"{name}: grew {measured.ratio:.1f}x from n={measured.n} to 4n"


def test_a_page_over_the_block_limit_is_refused_with_a_typed_error() -> None:
    page = "\n\n".join(f"Paragraph {i} of a long page." for i in range(120))
    with pytest.raises(TooManyBlocksError, match=r"120 blocks.*limit of 100") as raised:
        clean(page, CleanOptions(max_blocks=100))
    assert raised.value.code == "too_many_blocks" and isinstance(raised.value, InputError)
    assert pickle.loads(pickle.dumps(raised.value)).limit == 100
    assert clean(page, CleanOptions(max_blocks=120)).blocks  # at the limit: cleaned


@pytest.mark.parametrize("bad", [0, -1])
def test_the_block_limit_is_positive(bad: int) -> None:
    with pytest.raises(ValueError, match="max_blocks"):
        CleanOptions(max_blocks=bad)


def test_the_service_answers_too_many_blocks_with_422(app_client: TestClient) -> None:
    page = "\n\n".join(f"Line {i}" for i in range(DEFAULT_OPTIONS.max_blocks + 1))
    response = app_client.post("/v1/clean", content=page.encode(), headers={"Content-Type": "text/plain"})
    assert response.status_code == 422, response.text
    assert response.json()["error"]["code"] == "too_many_blocks"


@pytest.mark.parametrize(
    "text",
    [
        "Tags: " + "." * 5000 + "a",
        "Sign in " + "!" * 3000,
        "Subscribe" + " " * 2500,
        "loginlogin" * 300,
    ],
)
def test_phrase_rules_skip_blocks_longer_than_any_prompt(text: str) -> None:
    assert len(text) > MAX_RULE_CHARS
    assert first_matching_rule(text) is None


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Tags: elections, Congress", "tag_list"),
        ("Sign in", "account_button"),
        ("Log in / Register", "account_button"),
        ("Sign up for free", "account_button"),
        ("Register now", "account_button"),
        ("Sign in with Google", "account_button"),
        ("pic.twitter.com/AbC123", "embed_link"),
        ("pic.twitter.com/AbC123 ...", "embed_link"),
        ("To continue reading, please subscribe.", "continue_reading_with_account"),
        ("Sign up for our newsletter!!!", "newsletter_signup"),
    ],
)
def test_rewritten_rules_still_mark_their_prompts(text: str, rule: str) -> None:
    found = first_matching_rule(text)
    assert found is not None and found.name == rule, (text, found and found.name)


@pytest.mark.parametrize(
    "text",
    [
        "loginlogin" * 40 + "x",
        "Topics: the council will discuss three options.",
        "Sign in to the building was slow.",
        "pic.twitter.com/AbC123 shows the crowd",
    ],
)
def test_rewritten_rules_leave_these(text: str) -> None:
    found = first_matching_rule(text)
    assert found is None or found.name not in ("account_button", "tag_list", "embed_link"), found.name
