"""What the page says about itself: title, author, date, site, language, from its head and markup.

trafilatura's own metadata pass also hunts the body for authors, categories, tags and licences and
searches dates extensively; that cost more than its whole content extraction (measured on the
shared benchmark). We keep its cheap, reliable parts (meta tags, JSON-LD, the title element), read
dates from markup only (htmldate without its extensive search), and look for an author in the usual
byline markup only.
"""

from __future__ import annotations

import re
from contextlib import suppress

from htmldate import find_date
from lxml.etree import XPath
from lxml.html import HtmlElement
from trafilatura.metadata import examine_meta, extract_meta_json, extract_sitename, extract_title, extract_url

from cleaner.document import Metadata

# Where pages put the author's name when meta tags and JSON-LD do not.
# One pass over the elements (a union of paths would walk the tree once per path).
_BYLINE = XPath(
    '//*[@rel="author" or @itemprop="author" or contains(@class, "byline") or contains(@class, "author")]'
)
_NOT_IN_NAMES = re.compile(r"[\d*()\[\]:@|]")
_BY = re.compile(
    r"^\s*(?:(?:posted|written|words|story|text)\s+)?(?:by|von|par|por|di)\b[\s:]*", re.IGNORECASE
)
# A name, not a biography: at most this many words.
_MAX_NAME_WORDS = 6
_MAX_FIELD_CHARS = 300


def page_metadata(tree: HtmlElement, url: str | None) -> Metadata:
    """The page's metadata; missing fields stay None."""
    found = examine_meta(tree)
    with suppress(Exception):  # malformed JSON-LD in the wild: the meta tags still count
        found = extract_meta_json(tree, found)
    author = found.author if found.author and " " in found.author else None
    page_url = url or found.url or extract_url(tree)
    sitename = found.sitename or extract_sitename(tree)
    return Metadata(
        title=_trim(found.title or extract_title(tree)),
        author=_trim(author or _byline(tree)),
        date=find_date(tree, url=page_url, original_date=True, extensive_search=False),
        url=page_url,
        sitename=_trim(sitename.lstrip("@") if sitename else None),
        language=_trim(tree.get("lang")),
    )


def _byline(tree: HtmlElement) -> str | None:
    for element in _BYLINE(tree)[:20]:
        if any(ancestor.tag == "form" for ancestor in element.iterancestors()):
            continue  # a comment form's "Name *" field
        text = _BY.sub("", " ".join(element.text_content().split())).strip(" ,;|")
        if _looks_like_a_name(text):
            return text
    return None


def _looks_like_a_name(text: str) -> bool:
    """Names are a few capitalised words, without dates, asterisks or brackets."""
    return (
        bool(text)
        and len(text.split()) <= _MAX_NAME_WORDS
        and text[0].isupper()
        and not _NOT_IN_NAMES.search(text)
    )


def _trim(value: str | None) -> str | None:
    if not value:
        return None
    value = " ".join(value.split())
    return value[:_MAX_FIELD_CHARS] or None
