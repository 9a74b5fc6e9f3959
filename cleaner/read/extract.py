"""trafilatura's recall-first main content of a parsed page, as evidence for the layout features.

`trafilatura.bare_extraction` copies a tree it is handed before its extraction sequence prunes
it (half a millisecond a page, a fiftieth of all cleaning). The reader has finished with the tree
by the time it asks for this, so the sequence runs on the tree itself: the same steps
`bare_extraction` takes for these options, without the copy. The tree is left pruned.
tests/read/test_extract.py holds the text equal to `bare_extraction`'s, so a trafilatura release
that changes its internal sequence fails there, not silently here.
"""

from __future__ import annotations

from lxml.html import HtmlElement
from trafilatura.core import trafilatura_sequence
from trafilatura.settings import DEFAULT_CONFIG, Extractor
from trafilatura.xml import xmltotxt


def recall_text(tree: HtmlElement, url: str | None) -> str:
    """The page's main content as trafilatura's recall-first extraction sees it ("" when it finds
    none). Prunes `tree` in place: call it after every other reader of the tree."""
    options = Extractor(
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
    try:
        body, text, _, comments = trafilatura_sequence(tree, options, url)
    except (TypeError, ValueError):  # what bare_extraction turns into "no result"
        return ""
    if len(text) < options.min_output_size and len(comments) < options.min_output_comm_size:
        return ""
    return xmltotxt(body, options.formatting) or ""
