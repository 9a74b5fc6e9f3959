"""trafilatura's recall-first main content of a parsed page, as evidence for the layout features.

`trafilatura.bare_extraction` copies a tree it is handed before its extraction sequence prunes
it (half a millisecond a page, a fiftieth of all cleaning). The reader has finished with the tree
by the time it asks for this, so the sequence runs on the tree itself: the same steps
`bare_extraction` takes for these options, without the copy. The tree is left pruned.

`trafilatura_sequence` is internal to trafilatura. Where the installed release has no such function
or it takes other arguments, the public `bare_extraction` runs instead (same text, with the copy);
tests/read/test_extract.py holds the two equal on the fixtures, so a release that changes what the
sequence does fails there, not silently here.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import trafilatura
from lxml.html import HtmlElement
from trafilatura.settings import DEFAULT_CONFIG, Extractor
from trafilatura.settings import Document as Extracted
from trafilatura.xml import xmltotxt


def _internal_sequence() -> Callable[..., Any] | None:
    """trafilatura's extraction sequence when it is the one this module was written against:
    `(tree, options, url)` returning (body, text, comments body, comments)."""
    try:
        from trafilatura.core import trafilatura_sequence
    except ImportError:
        return None
    try:
        parameters = list(inspect.signature(trafilatura_sequence).parameters)
    except (TypeError, ValueError):
        return None
    return trafilatura_sequence if len(parameters) == 3 else None


SEQUENCE = _internal_sequence()


def recall_options(url: str | None) -> Extractor:
    """trafilatura's settings for the recall-first run, for either path."""
    return Extractor(
        config=DEFAULT_CONFIG,
        output_format="python",
        recall=True,
        comments=False,
        tables=True,
        dedup=False,  # trafilatura's dedup cache is process-global: output would depend on earlier calls
        # Its fallback extractors (readability, jusText) cost a third of its time, and its answer is
        # one piece of evidence among many here.
        fast=True,
        with_metadata=False,  # metadata comes from cleaner.read.metadata, at a fraction of the cost
        url=url,
    )


def recall_text(tree: HtmlElement, url: str | None) -> str:
    """The page's main content as trafilatura's recall-first extraction sees it ("" when it finds
    none). May prune `tree` in place: call it after every other reader of the tree."""
    if SEQUENCE is None:
        return public_recall_text(tree, url)
    options = recall_options(url)
    try:
        body, text, _, comments = SEQUENCE(tree, options, url)
    except (TypeError, ValueError):  # what bare_extraction turns into "no result"
        return ""
    if len(text) < options.min_output_size and len(comments) < options.min_output_comm_size:
        return ""
    return xmltotxt(body, options.formatting) or ""


def public_recall_text(tree: HtmlElement, url: str | None) -> str:
    """The same through trafilatura's public API (it copies the tree first)."""
    result = trafilatura.bare_extraction(tree, url=url, options=recall_options(url))
    return (result.text or "") if isinstance(result, Extracted) else ""
