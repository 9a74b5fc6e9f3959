"""Already-extracted articles with junk planted around them (fixtures/planted-text, written by
bench/planted.py with the held-out junk wordings): text mode removes the junk and keeps the article.

The articles are real (the hand-marked bodies of pages of the shared sets); the junk is ten families
in ten languages, before, inside and after the article. The whole generated set is measured in
bench/planted.py; this small set holds the line in the suite.
"""

from __future__ import annotations

import pytest

from bench.planted import Planted, read, score
from cleaner import CleanOptions, clean
from tests.conftest import FIXTURES

FOLDER = FIXTURES / "planted-text"
DOCUMENTS = read(FOLDER)
TEXT = CleanOptions(format="text")


def _cleaned(document: Planted) -> str:
    return clean(document.text, TEXT).text()


def test_the_set_is_varied() -> None:
    assert len(DOCUMENTS) >= 12
    assert len({document.language for document in DOCUMENTS}) >= 6
    families = {family for document in DOCUMENTS for family, _ in document.junk}
    assert {"teaser", "ad_marker", "paywall", "related_headline", "cookie", "donation"} <= families


@pytest.mark.parametrize("document", DOCUMENTS, ids=[document.id[:40] for document in DOCUMENTS])
def test_lead_kept_once_and_teasers_gone(document: Planted) -> None:
    result = score([document], [_cleaned(document)])
    assert result.lead_not_once == 0
    assert result.teasers_left == 0
    assert result.documents_losing_over_half == 0


def test_article_kept_and_planted_junk_goes() -> None:
    result = score(DOCUMENTS, [_cleaned(document) for document in DOCUMENTS])
    assert result.paragraphs_lost / result.paragraphs <= 0.01
    # The aim is that no document loses more than one paragraph; today one of these does (a
    # comparison table's header row after the last paragraph, taken for a headline run).
    assert result.documents_losing_more_than_one <= 1
    # Held-out wordings: a share is left (the figure over the whole set is in bench/planted.py).
    assert result.junk_left / result.junk_lines <= 0.1, result.left_by_family
