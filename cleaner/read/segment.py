"""Plain text to blocks (lines, wrapped paragraphs), and the block helpers both input modes share."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

import re2

from cleaner.document import Block, Kind, Metadata
from cleaner.read.words import SENTENCE_MARKS

# A line starting with a bullet or a number is a list item in scraped plain text.
LIST_MARKER = re.compile(r"^\s*(?:[-–—•*·▪►]|\d{1,3}[.)])\s+")
_BULLETS = frozenset("-–—•*·▪►")
# A block that ends a sentence (closing quotes and brackets allowed after the stop): prose.
SENTENCE_END = re.compile(f"[.!?…{SENTENCE_MARKS}]" r"[\"'”’»)\]]*\s*$")
_SENTENCE_STOPS = frozenset(f".!?…{SENTENCE_MARKS}")
_CLOSERS = "\"'”’»)]"
# Residue glued to the end of a line of article text, split off as a fragment (scrapers keep a
# tweet's image link on the same line as the tweet's text); the social-embed rules remove it.
TRAILING_RESIDUE = re.compile(r"\s(?:https?://)?pic\.twitter\.com/\w+\s*$", re.IGNORECASE)
# What every residue contains, searched once over all the blocks with the same case rules: most pages
# have none, and their blocks are then returned as they are.
_RESIDUE_HINT = re.compile(r"pic\.twitter\.com/", re.IGNORECASE)
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# Runs of spaces (non-breaking and zero-width ones too), folded to one. RE2: a whole page in one
# linear pass, ten times faster than re here; the class is spelled out, so both engines agree.
# Only a run of two or more, or a single space of another kind, changes anything.
_SPACES = re2.compile(
    "[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]{2,}|[\t\u00a0\u2000-\u200b\u202f\u205f\u3000]"
)
# Joins a page's paragraphs for one pass of _SPACES (a control character: decoding drops them).
_CHUNK_SEPARATOR = "\x00"


@dataclass
class Segmented:
    """What segmentation found: the blocks and whatever metadata the input carried."""

    blocks: list[Block]
    metadata: Metadata
    # HTML: one row of layout features per block (cleaner.read.layout); None for plain text.
    layout: Any = None


def segment_text(text: str) -> Segmented:
    """Plain text: one block per line, except hard-wrapped paragraphs, which are joined back."""
    blocks: list[Block] = []
    for chunk in _tidy_chunks(_PARAGRAPH_BREAK.split(text.replace("\r\n", "\n").replace("\r", "\n"))):
        lines = [line for line in map(str.strip, chunk.split("\n")) if line]
        if not lines:
            continue
        if _is_hard_wrapped(lines):
            blocks.append(new_block(" ".join(lines)))
            continue
        for line in lines:
            # A stripped line starts with its marker: most lines start with a letter, and skip the regex.
            marked = (line[0] in _BULLETS or line[0].isdigit()) and LIST_MARKER.match(line)
            blocks.append(new_block(line, Kind.LIST_ITEM if marked else Kind.PARAGRAPH))
    # Segmenting only folds and strips spaces, so a residue in a block is one in the text.
    return Segmented(numbered(split_residue(blocks) if _RESIDUE_HINT.search(text) else blocks), Metadata())


def _tidy_chunks(chunks: list[str]) -> list[str]:
    """Space runs folded in every chunk, in one pass over the page when the separator is free. No
    run of spaces crosses a line break, so stripping each line afterwards gives what tidy() gives."""
    joined = _CHUNK_SEPARATOR.join(chunks)
    if joined.count(_CHUNK_SEPARATOR) != len(chunks) - 1:
        return [_SPACES.sub(" ", chunk) for chunk in chunks]
    return _SPACES.sub(" ", joined).split(_CHUNK_SEPARATOR)


def _is_hard_wrapped(lines: list[str]) -> bool:
    """A chunk of similar-length lines that run on mid-sentence is one wrapped paragraph.

    Text editors and mail clients wrap at 60-100 columns, so a wrapped line rarely ends a sentence
    and the next one usually goes on in lower case; scraped pages put one block per line, whose
    lengths vary and which mostly end with sentence punctuation or start a new capitalised item.
    """
    if len(lines) < 2:
        return False
    body, continuations = lines[:-1], lines[1:]
    widest = max(len(line) for line in lines)
    if not 40 <= widest <= 100 or any(LIST_MARKER.match(line) for line in lines):
        return False
    runs_on = sum(not line[0].isupper() for line in continuations)
    return (
        all(len(line) >= 0.6 * widest for line in body)
        and sum(line.rstrip()[-1:] in ".!?:" for line in body) <= len(body) // 2
        and runs_on * 2 >= len(continuations)
    )


def split_residue(blocks: list[Block]) -> list[Block]:
    """Split embed residue ending a line (`... pic.twitter.com/x`) off its block as a fragment.

    Scrapers keep a tweet's image link on the line of the tweet's text, and trafilatura keeps an
    embedded tweet as one block whose attribution line follows the link; the lines after the
    residue stay a block of their own, so nothing moves when the fragment is kept.
    """
    if not _RESIDUE_HINT.search("\n".join(block.text for block in blocks)):
        return blocks
    out: list[Block] = []
    for block in blocks:
        if not _RESIDUE_HINT.search(block.text):
            out.append(block)
            continue
        lines: list[str] = []
        for line in block.text.split("\n"):
            found = TRAILING_RESIDUE.search(line)
            head = line[: found.start()].rstrip() if found else ""
            if found and head:
                out += [
                    replace(block, text="\n".join([*lines, head])),
                    new_block(found.group().strip(), Kind.FRAGMENT),
                ]
                lines = []
            else:
                lines.append(line)
        if lines:
            out.append(replace(block, text="\n".join(lines)))
    return out


def ends_sentence(text: str) -> bool:
    """Whether SENTENCE_END finds a match in the text, by string methods: three times cheaper than
    the regex, which tries every stop of the text, and a page asks it of every block.

    `rstrip()` strips what `\\s` matches (str.isspace), as the regex's `\\s*$` allows.
    """
    return text.rstrip().rstrip(_CLOSERS)[-1:] in _SENTENCE_STOPS


def new_block(text: str, kind: Kind = Kind.PARAGRAPH) -> Block:
    """A block not yet numbered (segmentation numbers them at the end)."""
    return Block(index=-1, text=text, kind=kind)


def numbered(blocks: list[Block]) -> list[Block]:
    for index, block in enumerate(blocks):
        block.index = index
    return blocks


def tidy(text: str) -> str:
    """Spaces folded and trimmed on every line (non-breaking and zero-width spaces included)."""
    return "\n".join(line.strip() for line in _SPACES.sub(" ", text.strip()).split("\n"))
