"""Reader comments after an article: the thread a blog or news page prints under its story.

A scraper that flattens such a page keeps the whole thread, and in plain text its replies are prose
like the article's, so the block classifier keeps them as the article's flow. What gives the thread
away is the comment template's attribution line, repeated for every comment: "Ann says:", "Bob on
May 3, 2019 at 4:15 pm said:", "by carol (1234) writes:", "Max sagt:", "Lucie dit :". Comment
templates speak in the present tense; a forum's quote header is past ("Ann said:", "Bob wrote:",
"Max schrieb:") and quotes inside a reply, which is content there, so a past-tense attribution counts
only when it carries the comment's date and time.

Other templates print each comment's name and time on lines of their own ("Ann", "2 days ago at
07:52 am", the text, "Reply") under a comments heading ("34 Comments", "[ 167 comments ]"). A heading
with a count or in the plural, followed by at least `min_timestamps` lines that are only a date or a
time, is such a thread; a forum's "Comment" button or "12 replies" counter is not a heading here.

Either thread must come after at least `min_prose_words_before` words of the article's prose (a
comments link above the article is not its end); from its first line to the end of the last comment,
every kept block is marked as a comment. The last comment ends at its first block that is not a
sentence (the page's footer follows).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cleaner.document import Block, Document, Kind, Reason
from cleaner.mark.boilerplate import prose_paragraph
from cleaner.options import CleanOptions
from cleaner.read.segment import ends_sentence
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
# A comments section's heading: a count or the plural ("Comments", "34 Comments", "[ 167 comments ]",
# "Top Rated Comments", "Kommentare (12)"), in the languages of the attribution verbs. Stricter than
# the comments_heading phrase rule on purpose: that rule removes any comments stub, a forum's
# "Comment" button and "12 Replies" counter included, while here a heading opens a thread that is
# then removed whole, and a forum's replies are its content.
COMMENTS_HEADING = re.compile(
    r"^\W{0,4}(?:\d{1,6}\s)?(?:(?:all|latest|last|recent|newest|oldest|top|top rated|most recent|reader|readers')\s)?"
    r"(?:comments|kommentare|commentaires|comentarios|commenti|comentários|reacties|komentarze|kommentarer|yorumlar|"
    r"комментарии|(?:comment|kommentar|commentaire|comentario|commento|reactie|komentarz|yorum)(?=\s{0,2}\(\d))"
    r"(?:\s{0,2}\(\d{1,6}\))?\W{0,4}$"
    r"|^\W{0,4}\d{1,6}\s(?:comment|kommentar|commentaire|comentario|commento|reactie|komentarz|yorum)\W{0,4}$",
    re.IGNORECASE,
)
# A line that is only a date or a time: relative ("2 days ago", "vor 3 Stunden", "il y a 2 jours",
# "hace 5 horas", "3 giorni fa", "há 2 dias", "2 dagen geleden") or a calendar date, perhaps with its
# time ("November 19, 2019 at 6:34 am", "19.11.2019 18:34", "2019-11-19").
_UNIT = (
    r"(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|sekunden|minuten|stunden|tagen|wochen|"
    r"monaten|jahren|jours?|heures?|semaines?|mois|ans?|segundos?|minutos?|horas?|d[ií]as?|semanas?|meses|"
    r"años?|anos?|minuti|ore|giorni|settimane|mesi|anni|uur|dagen|weken|maanden|jaar)"
)
_AMOUNT = rf"(?:\d{{1,3}}|an?|one)\s{_UNIT}"
_CLOCK = r"(?:,?\s(?:at\s|um\s|à\s|a las\s|alle\s|às\s|om\s)?\d{1,2}[:h]\d\d(?:\s?[ap]\.?m\.?)?)?"
TIMESTAMP = re.compile(
    rf"^\W{{0,3}}(?:(?:vor|il y a|hace|há)\s{_AMOUNT}|{_AMOUNT}\s(?:ago|fa|geleden)){_CLOCK}\W{{0,3}}$"
    rf"|^\W{{0,3}}(?:[^\W\d_]{{3,10}}\.?\s\d{{1,2}},?\s\d{{4}}|\d{{1,2}}\.?\s[^\W\d_]{{3,10}}\.?\s\d{{4}}"
    rf"|\d{{1,4}}[./-]\d{{1,2}}[./-]\d{{2,4}}){_CLOCK}\W{{0,3}}$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ThreadShape:
    """What makes a run of comments a thread, as data."""

    # Attribution lines a thread needs: an article may quote two people ("Ann says:").
    min_attributions: int = 3
    # Lines of only a date or time a headed thread needs, within `max_heading_reach` blocks.
    min_timestamps: int = 3
    max_heading_reach: int = 80
    # A timestamp line is short, and so is a comments heading.
    max_timestamp_words: int = 8
    max_heading_chars: int = 64
    # An attribution line is short; a sentence that ends "... as the minister says:" is not one.
    max_attribution_words: int = 16
    # Article prose must come first: words of prose paragraphs before the first attribution.
    min_prose_words_before: int = 40
    # A prose paragraph (this many words, ending a sentence), for the above.
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


def is_timestamp(block: Block, shape: ThreadShape = THREAD) -> bool:
    """True when the block is only a date or a time ("2 days ago at 07:52 am", "19.11.2019")."""
    return word_count(block.text) <= shape.max_timestamp_words and bool(TIMESTAMP.match(block.text.strip()))


def mark_comment_threads(document: Document, options: CleanOptions, shape: ThreadShape = THREAD) -> None:
    """Mark the reader comments that follow an article (see the module docstring)."""
    if Reason.COMMENTS not in options.reasons:
        return
    kept = document.kept_blocks
    for span in (_attributed_thread(kept, shape), _headed_thread(document, kept, shape)):
        if span is None:
            continue
        first, last = span
        prose_before = sum(
            word_count(block.text) for block in kept[:first] if prose_paragraph(block, shape.prose_words)
        )
        if prose_before < shape.min_prose_words_before:
            continue
        for block in kept[first : _last_comment_end(kept, last, shape)]:
            block.mark(Reason.COMMENTS, "comment_thread", "a reader comment in the thread after the article")
        return


def _attributed_thread(kept: list[Block], shape: ThreadShape) -> tuple[int, int] | None:
    """(first, last) positions among the kept blocks of a thread of attribution lines."""
    # An attribution ends with a colon: that test first, it is the cheapest.
    attributions = [
        position
        for position, block in enumerate(kept)
        if block.text.rstrip().endswith(":") and is_attribution(block, shape)
    ]
    if len(attributions) < shape.min_attributions:
        return None
    return attributions[0], attributions[-1]


def _headed_thread(document: Document, kept: list[Block], shape: ThreadShape) -> tuple[int, int] | None:
    """(first, last) positions among the kept blocks of a thread under a comments heading (which a
    phrase rule may have marked already)."""
    position = 0  # kept blocks before the current block
    for block in document.blocks:
        text = block.text
        if len(text) <= shape.max_heading_chars and COMMENTS_HEADING.match(text.strip()):
            reach = kept[position : position + shape.max_heading_reach]
            times = [
                position + offset
                for offset, found in enumerate(reach)
                if found is not block and is_timestamp(found, shape)
            ]
            if len(times) >= shape.min_timestamps:
                return position, times[-1]  # the heading too, when no rule has marked it
        position += block.removed is None
    return None


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
    return block.kind is not Kind.HEADING and ends_sentence(block.text)
