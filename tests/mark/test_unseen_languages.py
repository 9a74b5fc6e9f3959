"""Already-extracted articles in languages the text model never saw come back whole.

The block classifier learnt from pages that are almost all English; stop-word lists and
capitalisation say less (or nothing) in the other languages and scripts. These articles
(fixtures/unseen-languages, written for this project) must keep every paragraph, alone and with a
menu and a footer around them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import CleanOptions, Document, clean

ARTICLES = Path(__file__).resolve().parents[2] / "fixtures" / "unseen-languages"
LANGUAGES = sorted(path.stem for path in ARTICLES.glob("*.txt"))
TEXT = CleanOptions(format="text")
MENU = ["Home", "News", "Sport", "Business", "Contact", "Login"]
FOOTER = ["Share on Facebook", "Subscribe to our newsletter", "© 2026 Example Media. All rights reserved."]


def _article(language: str) -> tuple[str, list[str]]:
    headline, *paragraphs = (ARTICLES / f"{language}.txt").read_text(encoding="utf-8").strip().split("\n")
    return headline, paragraphs


def _kept(document: Document) -> list[str]:
    return [block.text for block in document.blocks if block.kept]


def test_the_set_spans_scripts_and_languages() -> None:
    assert len(LANGUAGES) >= 12
    assert {"ko", "he", "fa", "el", "vi"} <= set(LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_extracted_article_comes_back_whole(language: str) -> None:
    headline, paragraphs = _article(language)
    document = clean("\n\n".join([headline, *paragraphs]), TEXT)
    assert _kept(document) == [headline, *paragraphs]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_paragraph_survives_a_menu_and_a_footer(language: str) -> None:
    headline, paragraphs = _article(language)
    document = clean("\n\n".join([*MENU, headline, *paragraphs, *FOOTER]), TEXT)
    kept = _kept(document)
    assert [text for text in kept if text in paragraphs] == paragraphs
    assert not set(kept) & set(MENU + FOOTER)
