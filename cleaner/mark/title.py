"""The headline repeated at the top of the body: it is returned as `title`, not as article text."""

from __future__ import annotations

from cleaner.document import Document, Reason
from cleaner.options import CleanOptions
from cleaner.read.words import word_count
from cleaner.sketch.shingles import normalized_words

# The headline sits among the first few blocks of the body; further down a matching line is a quote.
HEADLINE_WITHIN_BLOCKS = 3
# A headline is short; a paragraph that merely starts with the title's words is prose.
HEADLINE_MAX_WORDS = 30
# A block this many characters long that begins the page title is the title without its site suffix
# ("Headline | Site"); shorter ones ("News") are too common to tell.
MIN_PREFIX_CHARS = 15


def mark_title(document: Document, options: CleanOptions) -> None:
    """Mark the body's copy of the page title (known from HTML metadata)."""
    title = document.metadata.title
    if Reason.TITLE not in options.reasons or not title:
        return
    wanted = " ".join(normalized_words(title))
    # Within the first few kept blocks, or just before them (HTML: a headline the page model put
    # outside the article is still named the title).
    kept = document.kept_blocks[:HEADLINE_WITHIN_BLOCKS]
    last = kept[-1].index if kept else -1
    for block in document.near_article(HEADLINE_WITHIN_BLOCKS):
        if block.index > last:
            break
        if word_count(block.text) <= HEADLINE_MAX_WORDS and _is_title(
            " ".join(normalized_words(block.text)), wanted
        ):
            block.name(Reason.TITLE, "page_title", "the headline, returned as the title field")
            return


def _is_title(text: str, title: str) -> bool:
    if not text:
        return False
    if text == title:
        return True
    if len(text) >= MIN_PREFIX_CHARS and title.startswith(text):
        return True  # the title carries a site suffix
    return len(title) >= MIN_PREFIX_CHARS and text.startswith(title) and len(text) <= len(title) + 30
