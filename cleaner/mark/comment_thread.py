"""Reader comments after an article: the thread a blog or news page prints under its story.

A scraper that flattens such a page keeps the whole thread, and in plain text its replies are prose
like the article's, so the block classifier keeps them as the article's flow. What gives the thread
away is the comment template's attribution line, repeated for every comment: "Ann says:", "Bob on
May 3, 2019 at 4:15 pm said:", "by carol (1234) writes:", "Max sagt:", "Lucie dit :". Comment
templates speak in the present tense; a forum's quote header is past ("Ann said:", "Bob wrote:",
"Max schrieb:") and quotes inside a reply, which is content there, so a past-tense attribution counts
only when it carries the comment's date and time.

A thread is at least `min_attributions` attribution lines after the article's first prose; from the
first of them to the end of the last comment, every kept block is marked as a comment. The last
comment ends at its first block that is not a sentence (the page's footer follows).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cleaner.document import Block, Document, Kind, Reason
from cleaner.options import CleanOptions
from cleaner.read.segment import SENTENCE_END
from cleaner.read.words import word_count

# The verbs of comment templates, present tense (English, German, French, Spanish, Italian,
# Portuguese, Dutch, Polish, Russian, Swedish).
_PRESENT = (
    r"says|writes|comments|replies|sagt|schreibt|meint|kommentiert|dit|écrit|dice|escribe|comenta|scrive|"
    r"diz|escreve|zegt|schrijft|mówi|pisze|пишет|говорит|skriver|säger"
)
# Past tense: a forum's quote header as well, so only with the comment's time on the line.
_PAST = (
    r"said|wrote|replied|commented|sagte|schrieb|a dit|a écrit|dijo|escribió|ha detto|ha scritto|disse|"
    r"escreveu|zei|schreef|powiedział|napisał|написал|сказал|skrev|sa"
)
# The commenter's name, perhaps with the comment's date and time (at most 60 characters, no colon but
# a clock's), and the verb closing the line with a colon.
_NAME = r"(?:by )?[^\s:](?:[^:\n]|:\d){0,59}?"
PRESENT_ATTRIBUTION = re.compile(rf"^{_NAME}\s(?:{_PRESENT})\s?:\s*$", re.IGNORECASE)
PAST_ATTRIBUTION = re.compile(rf"^{_NAME}\s(?:{_PAST})\s?:\s*$", re.IGNORECASE)
# The comment's time of day on the line ("at 4:47 pm", "um 16:47", "à 16h47").
CLOCK_TIME = re.compile(r"\b\d{1,2}(?::|h)\d\d\b", re.IGNORECASE)


@dataclass(frozen=True)
class ThreadShape:
    """What makes a run of comments a thread, as data."""

    # Attribution lines a thread needs: an article may quote two people ("Ann says:").
    min_attributions: int = 3
    # An attribution line is short; a sentence that ends "... as the minister says:" is not one.
    max_attribution_words: int = 16
    # Article prose must come first: words of prose paragraphs before the first attribution.
    min_prose_words_before: int = 40
    # A prose paragraph, for the above.
    prose_words: int = 12
    # After the last attribution: the date, "Reply" and such lines before its text.
    max_meta_lines: int = 2
    # ... and at most this many blocks of its text.
    max_last_comment_blocks: int = 12


THREAD = ThreadShape()


def is_attribution(block: Block, shape: ThreadShape = THREAD) -> bool:
    """True when the block is a comment template's attribution line ("Ann says:")."""
    text = block.text.strip()
    if block.kind is Kind.HEADING or not text.endswith(":") or word_count(text) > shape.max_attribution_words:
        return False
    if PRESENT_ATTRIBUTION.match(text):
        return True
    return bool(CLOCK_TIME.search(text)) and bool(PAST_ATTRIBUTION.match(text))


def mark_comment_threads(document: Document, options: CleanOptions, shape: ThreadShape = THREAD) -> None:
    """Mark the reader comments that follow an article (see the module docstring)."""
    if Reason.COMMENTS not in options.reasons:
        return
    kept = document.kept_blocks
    attributions = [position for position, block in enumerate(kept) if is_attribution(block, shape)]
    if len(attributions) < shape.min_attributions:
        return
    first = attributions[0]
    prose_before = sum(
        words for words in (word_count(block.text) for block in kept[:first]) if words >= shape.prose_words
    )
    if prose_before < shape.min_prose_words_before:
        return
    end = _last_comment_end(kept, attributions[-1], shape)
    for block in kept[first:end]:
        block.mark(Reason.COMMENTS, "comment_thread", "a reader comment in the thread after the article")


def _last_comment_end(kept: list[Block], last: int, shape: ThreadShape) -> int:
    """One past the last block of the thread's last comment."""
    position = last + 1
    meta = 0
    while position < len(kept) and meta < shape.max_meta_lines and not _is_sentence(kept[position]):
        position, meta = position + 1, meta + 1
    body = 0
    while position < len(kept) and body < shape.max_last_comment_blocks and _is_sentence(kept[position]):
        position, body = position + 1, body + 1
    return position


def _is_sentence(block: Block) -> bool:
    return block.kind is not Kind.HEADING and bool(SENTENCE_END.search(block.text))
