"""The page's JSON-LD blocks, parsed once per page: schema.org data that several readers consult
(whether the page is paywalled, what type of page it is)."""

from __future__ import annotations

import json
from typing import Any

from lxml.html import HtmlElement

# A larger block is not article metadata (some sites inline whole catalogues); it is skipped.
MAX_JSON_LD_CHARS = 200_000


def json_ld(tree: HtmlElement) -> list[Any]:
    """Every `application/ld+json` script that parses, as Python data, in page order."""
    found: list[Any] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        if len(script.text) > MAX_JSON_LD_CHARS:
            continue
        try:
            found.append(json.loads(script.text))
        except (ValueError, RecursionError):  # not JSON, or nested past the parser's stack
            continue
    return found
