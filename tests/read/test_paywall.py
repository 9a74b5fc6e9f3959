"""The `paywalled` field: what the page declares, and the prompts the rules found."""

from __future__ import annotations

import pytest
from lxml import html

from cleaner import CleanOptions, clean
from cleaner.read.access import declared_paywall

ARTICLE = (
    "<p>The regional parliament approved the new water law on Thursday after a debate that lasted eleven "
    "hours, giving farmers in the dry south a larger share of the river's water.</p>"
    "<p>Opposition parties said the law favoured large farms and would leave small villages short of water "
    "in dry summers, and promised to challenge it in court.</p>"
)


def _page(head: str = "", body_extra: str = "") -> str:
    return f"<html><head><title>Water law passes</title>{head}</head><body><article>{ARTICLE}{body_extra}</article></body></html>"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (
            '<script type="application/ld+json">{"@type": "NewsArticle", "isAccessibleForFree": false}</script>',
            True,
        ),
        (
            '<script type="application/ld+json">{"@type": "NewsArticle", "isAccessibleForFree": "False"}</script>',
            True,
        ),
        (
            '<script type="application/ld+json">[{"@graph": [{"@type": "NewsArticle", "isAccessibleForFree": true}]}]</script>',
            False,
        ),
        ('<meta property="article:content_tier" content="metered">', True),
        ('<meta property="article:content_tier" content="locked">', True),
        ('<meta property="article:content_tier" content="free">', False),
        ('<meta itemprop="isAccessibleForFree" content="false">', True),
        ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "x"}</script>', None),
        ('<script type="application/ld+json">{not json isAccessibleForFree</script>', None),
        ("", None),
    ],
)
def test_declared_access(head: str, expected: bool | None) -> None:
    assert declared_paywall(html.fromstring(_page(head))) is expected
    assert clean(_page(head)).metadata.paywalled is expected


def test_a_paywall_prompt_means_paywalled() -> None:
    page = _page(body_extra="<p>You've reached your free article limit. Subscribe to continue reading.</p>")
    assert clean(page).metadata.paywalled is True
    text = "Officials said the bridge will reopen in May.\nYou've reached your free article limit."
    assert clean(text, CleanOptions(format="text")).metadata.paywalled is True
    assert (
        clean("Officials said the bridge will reopen in May.", CleanOptions(format="text")).metadata.paywalled
        is None
    )
