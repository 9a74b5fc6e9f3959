"""Whether a page is paywalled, as the page itself declares it.

Publishers that let search engines index paywalled articles must say so: schema.org's
`isAccessibleForFree` (JSON-LD or microdata; Google's "subscription and paywalled content" markup)
and the Open Graph `article:content_tier` (free, metered, locked). Plain text carries no markup, so
there (and for pages that declare nothing) a paywall prompt that the rules removed is the evidence
(`cleaner.mark.paywall`).
"""

from __future__ import annotations

from typing import Any

from lxml.etree import XPath
from lxml.html import HtmlElement

from cleaner.read.jsonld import json_ld

_FREE_WORDS = {"true": True, "false": False, "yes": True, "no": False}
# Open Graph content tiers and whether each means "paywalled".
_CONTENT_TIERS = {"free": False, "metered": True, "locked": True}


def declared_paywall(tree: HtmlElement, linked_data: list[Any] | None = None) -> bool | None:
    """True when the page declares its content is not free, False when free, None when silent.
    `linked_data`: the page's JSON-LD, when the caller has parsed it already."""
    objects = json_ld(tree) if linked_data is None else linked_data
    for declared in (_json_ld(objects), _microdata(tree), _content_tier(tree)):
        if declared is not None:
            return declared
    return None


def _json_ld(objects: list[Any]) -> bool | None:
    for data in objects:
        found = _accessible(data, depth=0)
        if found is not None:
            return not found
    return None


def _accessible(data: Any, depth: int) -> bool | None:
    """The first isAccessibleForFree value in a JSON-LD tree (article first, then its parts)."""
    if depth > 8:
        return None
    if isinstance(data, dict):
        if "isAccessibleForFree" in data:
            return _as_bool(data["isAccessibleForFree"])
        children: Any = list(data.values())
    elif isinstance(data, list):
        children = data
    else:
        return None
    for child in children:
        found = _accessible(child, depth + 1)
        if found is not None:
            return found
    return None


_MICRODATA = XPath("//*[@itemprop='isAccessibleForFree']")


def _microdata(tree: HtmlElement) -> bool | None:
    for element in _MICRODATA(tree):
        found = _as_bool(element.get("content") or element.text_content())
        if found is not None:
            return not found
    return None


def _content_tier(tree: HtmlElement) -> bool | None:
    for meta in tree.iter("meta"):
        if (meta.get("property") or meta.get("name") or "").strip().lower() == "article:content_tier":
            return _CONTENT_TIERS.get((meta.get("content") or "").strip().lower())
    return None


def _as_bool(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return _FREE_WORDS.get(value.strip().lower())
    return None
