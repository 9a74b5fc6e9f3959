"""clean(): decode, segment, run the marking steps in order. The one entry point every face calls."""

from __future__ import annotations

from collections.abc import Callable

from cleaner.document import Document
from cleaner.errors import ContentTypeError, InputTooLargeError, TooManyBlocksError
from cleaner.mark.article import mark_outside_article, score_blocks
from cleaner.mark.boilerplate import mark_phrases, mark_related_links
from cleaner.mark.comment_thread import mark_comment_threads
from cleaner.mark.duplicates import mark_duplicates
from cleaner.mark.page_article import judge_page_blocks
from cleaner.mark.paywall import note_paywall_prompts
from cleaner.mark.title import mark_title
from cleaner.options import DEFAULT_OPTIONS, CleanOptions
from cleaner.read.decode import decode, normalize_text, sniff_format
from cleaner.read.segment import Segmented, segment_text

Step = Callable[[Document, CleanOptions], None]

# Order sets precedence (a block keeps the first mark it gets): in HTML every block of the page is
# first judged by its place in the page, so the rules only see the article; then the headline is
# named, phrase rules name what a block is, a thread of reader comments is found, the related-headline run looks past blocks already
# marked, the block classifier (plain text) reads those marks, and duplicates keep the copy it finds
# likeliest.
STEPS: tuple[Step, ...] = (
    judge_page_blocks,
    mark_title,
    mark_phrases,
    mark_comment_threads,
    mark_related_links,
    score_blocks,
    mark_duplicates,
    mark_outside_article,
    note_paywall_prompts,
)


def clean(
    content: bytes | str,
    options: CleanOptions = DEFAULT_OPTIONS,
    *,
    url: str | None = None,
    charset: str | None = None,
) -> Document:
    """Clean one page (raw bytes, gzip'd bytes or text; HTML or plain text) into a marked Document.

    >>> doc = clean("Real news.\\nYou've reached your free article limit.", CleanOptions(format="text"))
    >>> doc.text()
    'Real news.'
    >>> doc.removed_counts()
    {'paywall': 1}
    """
    _check_types(content, options, url, charset)
    text = _as_text(content, options, charset)
    format = sniff_format(text) if options.format == "auto" else options.format
    if format == "html":
        from cleaner.read.html import segment_html  # trafilatura and lxml: loaded for HTML only

        segmented: Segmented = segment_html(text, options, url)
    else:
        segmented = segment_text(text)
    if len(segmented.blocks) > options.max_blocks:
        raise TooManyBlocksError(len(segmented.blocks), options.max_blocks)
    if url and not segmented.metadata.url:
        segmented.metadata.url = url
    document = Document(
        segmented.blocks, format, segmented.metadata, chars_in=len(text), layout=segmented.layout
    )
    for step in STEPS:
        step(document, options)
    document.layout = None  # evidence for the steps only: the Document stays small and picklable
    return document


def _check_types(content: object, options: object, url: object, charset: object) -> None:
    """Wrong types get a message naming the argument, not a TypeError from deep inside a step."""
    if not isinstance(content, bytes | bytearray | memoryview | str):
        raise ContentTypeError("content", "bytes or str (the page)", type(content).__name__)
    if not isinstance(options, CleanOptions):
        raise ContentTypeError("options", "a CleanOptions", type(options).__name__)
    for name, value in (("url", url), ("charset", charset)):
        if value is not None and not isinstance(value, str):
            raise ContentTypeError(name, "a str or None", type(value).__name__)


def _as_text(content: bytes | str, options: CleanOptions, charset: str | None) -> str:
    if isinstance(content, bytearray | memoryview):
        content = bytes(content)
    if isinstance(content, bytes):
        return decode(content, options.max_bytes, charset)
    if len(content) > options.max_bytes:  # characters: a cheap lower bound of the UTF-8 size
        raise InputTooLargeError(len(content), options.max_bytes)
    return normalize_text(content)
