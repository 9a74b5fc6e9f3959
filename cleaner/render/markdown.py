"""Markdown (CommonMark, with GitHub's pipe tables) of the kept blocks.

Headings become `#` lines, list items `-` or numbered items indented by nesting, quotes `>` lines,
tables pipe tables, code fenced blocks with its text exact. Text that Markdown would read as
structure (a line starting with `#`, `>`, `-`, `1.`; emphasis and link brackets) is escaped, so
the Markdown reads back to the same text.
"""

from __future__ import annotations

import re

from cleaner.document import Document, Kind
from cleaner.render.units import Unit, units

# Characters with an inline meaning anywhere in a line.
_INLINE = re.compile(r"([\\`*_\[\]<>|])")
# Line starts that would open a block: headings, quotes, list items, thematic breaks, fences.
_BLOCK_START = re.compile(r"^(\s*)([#>+=~-])")
_NUMBERED_START = re.compile(r"^(\s*\d{1,9})([.)])")
_BACKTICKS = re.compile(r"`+")


def to_markdown(document: Document, *, links: bool = False, images: bool = False) -> str:
    """The kept blocks as Markdown; `links` and `images` keep link targets and images inline."""
    parts: list[str] = []
    previous: Unit | None = None
    numbers: dict[int, int] = {}
    for unit in units(document):
        if unit.kind is not Kind.LIST_ITEM:
            numbers.clear()
        rendered = _render(unit, links, images, numbers)
        # Items of one list stay together; everything else is a paragraph of its own.
        joiner = (
            "\n" if previous and previous.kind is Kind.LIST_ITEM and unit.kind is Kind.LIST_ITEM else "\n\n"
        )
        parts.append(rendered if not parts else joiner + rendered)
        previous = unit
    return "".join(parts) + ("\n" if parts else "")


def _render(unit: Unit, links: bool, images: bool, numbers: dict[int, int]) -> str:
    if unit.kind is Kind.CODE:
        return _fenced(unit.text)
    if unit.kind is Kind.TABLE and unit.rows:
        return _table(unit.rows)
    text = _inline(unit, links, images)
    if unit.kind is Kind.HEADING:
        return f"{'#' * min(max(unit.level or 2, 1), 6)} {' '.join(text.split())}"
    if unit.kind is Kind.LIST_ITEM:
        depth = max(unit.level or 1, 1)
        for deeper in [level for level in numbers if level > depth]:
            del numbers[deeper]
        indent = "   " * (depth - 1)
        if unit.ordered:
            number = unit.number if unit.number is not None else numbers.get(depth, 0) + 1
            numbers[depth] = number
            marker = f"{number}."
        else:
            marker = "-"
        continuation = "\n" + indent + " " * (len(marker) + 1)
        return f"{indent}{marker} {continuation.join(text.splitlines()) or ' '}"
    if unit.kind is Kind.QUOTE:
        return "\n".join(f"> {line}" for line in text.splitlines())
    # A paragraph keeps its line breaks as hard breaks.
    return "  \n".join(text.splitlines())


def _inline(unit: Unit, links: bool, images: bool) -> str:
    """The unit's text escaped, with link targets and images put back where they stood."""
    text = unit.text
    marks: list[tuple[int, int, str, str]] = []  # (start, end, kind, target)
    if links:
        marks += [(link.start, link.end, "link", link.href) for link in unit.links if _safe_url(link.href)]
    if images:
        marks += [(image.at, image.at, "image", image.src) for image in unit.images if _safe_url(image.src)]
    marks.sort(key=lambda mark: (mark[0], -mark[1]))
    out: list[str] = []
    position = 0
    for start, end, kind, target in marks:
        if start < position or end > len(text):
            continue  # overlapping or out of range: the text alone
        out.append(_escape(text[position:start]))
        if kind == "image":
            alt = next((image.alt for image in unit.images if image.src == target), "")
            out.append(f"![{_escape(alt)}]({_url(target)})")
            if start < len(text) and not text[start].isspace():
                out.append(" ")  # the image stands apart from the text after it
        else:
            out.append(f"[{_escape(text[start:end])}]({_url(target)})")
        position = end
    out.append(_escape(text[position:]))
    return "".join(out)


def _escape(text: str) -> str:
    escaped = _INLINE.sub(r"\\\1", text)
    return "\n".join(
        _NUMBERED_START.sub(r"\1\\\2", _BLOCK_START.sub(r"\1\\\2", line)) for line in escaped.split("\n")
    )


def _safe_url(url: str) -> bool:
    return url.lower().startswith(("http://", "https://", "mailto:", "/", "#")) or (
        "://" not in url and ":" not in url
    )


def _url(url: str) -> str:
    """A link destination that Markdown reads whole: in angle brackets when it has spaces or brackets."""
    if any(char in url for char in " ()<>"):
        return "<" + url.replace("<", "%3C").replace(">", "%3E").replace("\n", "") + ">"
    return url


def _fenced(code: str) -> str:
    longest = max((len(run) for run in _BACKTICKS.findall(code)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}\n{code}\n{fence}"


def _table(rows: list[list[str]]) -> str:
    width = max(len(row) for row in rows)
    cells = [[_cell(value) for value in row] + [""] * (width - len(row)) for row in rows]
    header, body = cells[0], cells[1:]
    lines = [_row(header), _row(["---"] * width), *(_row(row) for row in body)]
    return "\n".join(lines)


def _cell(value: str) -> str:
    return " ".join(_INLINE.sub(r"\\\1", value).split())


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"
