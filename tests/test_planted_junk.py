"""The junk wordings of bench/planted_junk.py and how bench/planted.py plants them, without the shared sets.

Three halves per family and language: A (rules and the model learn from it), B (held out, since looked
at while rules were written) and C (written blind). A and B must stay exactly as they were, so figures
measured on them stay reproducible; C must be complete and new. Nothing here runs the cleaner.
"""

from __future__ import annotations

import hashlib
import json
import random
import string

import pytest

from bench.planted import Planted, _plant, breakdown, left_by_language, score
from bench.planted_junk import APP_STORES, FAMILIES, HALF_C, LANGUAGES, SITES, SPLITS, phrasings

# sha256 of FAMILIES (halves A and B) as JSON with sorted keys: change A or B and old figures are lost.
A_AND_B = "b34c0d14d1bc528cf798c72e86927240a8a6d59e750de462d8d701b439d39fb0"
# sha256 of the tiny documents below planted with halves A and B (the planting itself unchanged).
PLANTED = {
    "A": "60f65c315be7969ff217ecdb274afb7ad515dedc87ebefd73a087a3fbc03f93c",
    "B": "5336fb64a3100357340be36f06ee61596d52425a6c74d3db5098b92dbad77a4c",
}
BODY = [
    "This is the lead paragraph of a small made-up article, long enough to be copied as a teaser line here.",
    "Second paragraph of the article.",
    "Third paragraph, with a little more text in it.",
    "Fourth and last paragraph.",
]
TITLES = [f"Headline number {number} about something else entirely" for number in range(12)]
SLOTS = {"site", "app", "n"}


def _tiny(split: str, count: int = 40) -> list[Planted]:
    return [
        _plant(random.Random(f"t/{split}/{number}"), split, "tiny", str(number), 0, BODY, TITLES)
        for number in range(count)
    ]


def test_halves_a_and_b_are_unchanged() -> None:
    data = json.dumps(FAMILIES, ensure_ascii=False, sort_keys=True).encode()
    assert hashlib.sha256(data).hexdigest() == A_AND_B


@pytest.mark.parametrize("split", ["A", "B"])
def test_planting_halves_a_and_b_is_unchanged(split: str) -> None:
    digest = hashlib.sha256()
    for document in _tiny(split):
        digest.update(
            json.dumps([document.language, document.text, document.junk], ensure_ascii=False).encode()
        )
    assert digest.hexdigest() == PLANTED[split]


def test_every_family_and_language_has_three_halves() -> None:
    assert SPLITS == ("A", "B", "C")
    assert set(HALF_C) == set(FAMILIES)
    for family in FAMILIES:
        assert set(HALF_C[family]) == set(FAMILIES[family]) == set(LANGUAGES), family
        for language in LANGUAGES:
            held_out = phrasings(family, language, "B")
            blind = phrasings(family, language, "C")
            assert len(blind) >= max(2, len(held_out)), (family, language)
            assert len(set(blind)) == len(blind), (family, language)


def test_half_c_is_new_wordings_with_known_slots() -> None:
    older = {
        wording.casefold()
        for family in FAMILIES
        for language in LANGUAGES
        for split in ("A", "B")
        for wording in phrasings(family, language, split)
    }
    for family, languages in HALF_C.items():
        for language, wordings in languages.items():
            for wording in wordings:
                assert wording.casefold() not in older, (family, language, wording)
                slots = {name for _, name, _, _ in string.Formatter().parse(wording) if name is not None}
                assert slots <= SLOTS, (family, language, wording)
                assert wording == wording.strip() and "\n" not in wording


def test_unknown_half_is_refused() -> None:
    with pytest.raises(ValueError, match="no half"):
        phrasings("cookie", "en", "D")


def test_planting_half_c_uses_only_its_wordings() -> None:
    documents = _tiny("C")
    blind = {
        wording.format(site=site, app=app, n=n)
        for languages in HALF_C.values()
        for wordings in languages.values()
        for wording in wordings
        for site in SITES
        for app in APP_STORES
        for n in range(2, 10)
    }
    families = set()
    for document in documents:
        for paragraph in BODY:
            assert paragraph in document.text
        for family, line in document.junk:
            families.add(family)
            if family not in ("teaser", "related_headline"):
                assert line in blind, (family, line)
    assert len(families) >= 8


def test_breakdown_counts_what_score_counts() -> None:
    documents = _tiny("C")
    # Nothing cleaned: every planted line is left; then only the article: none is.
    for outputs, left in (
        ([d.text for d in documents], True),
        (["\n".join(d.paragraphs) for d in documents], False),
    ):
        result = score(documents, outputs)
        cells = left_by_language(documents, outputs, "C")
        assert sum(planted for _, planted in cells.values()) == result.junk_lines
        assert (
            sum(kept for kept, _ in cells.values()) == result.junk_left == (result.junk_lines if left else 0)
        )
        assert all(language != "?" for _, language in cells)
        assert "left by family" in breakdown(cells) and "left by language" in breakdown(cells)
