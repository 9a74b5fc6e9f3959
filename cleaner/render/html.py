"""A minimal clean HTML document of the kept blocks: the article's structure and nothing else.

It is built from text, never copied from the page: every text is escaped, and the only markup is
the structure's own (`h1`-`h6`, `p`, `ul`/`ol`/`li`, `blockquote`, `table`, `pre`/`code`, and `a`
and `img` when asked). Link and image addresses are kept only for http(s), mailto and relative
URLs, so no script, style, event handler, `javascript:` URL or frame can come through.
"""

from __future__ import annotations

from html import escape

from cleaner.document import Document, Kind
from cleaner.render.units import Unit, units

_SAFE_SCHEMES = ("http://", "https://", "mailto:")


def to_html(document: Document, *, links: bool = False, images: bool = False) -> str:
    """The kept blocks as a complete, sanitised HTML document."""
    title = document.metadata.title
    body: list[str] = []
    lists: list[str] = []  # the open list tags, outermost first
    for unit in units(document):
        depth = max(unit.level or 1, 1) if unit.kind is Kind.LIST_ITEM else 0
        tag = "ol" if unit.ordered else "ul"
        while len(lists) > depth or (depth and len(lists) == depth and lists[-1] != tag):
            closed = lists.pop()  # an inner list closes the item it was opened in
            body.append(f"</{closed}>" + ("</li>" if lists else ""))
        while len(lists) < depth:
            if len(lists) and body and body[-1].endswith("</li>"):
                body[-1] = body[-1].removesuffix("</li>")  # a nested list belongs inside its item
            lists.append(tag)
            body.append(f"<{tag}>")
        body.append(_element(unit, links, images))
    while lists:
        closed = lists.pop()
        body.append(f"</{closed}>" + ("</li>" if lists else ""))
    head = f"<title>{escape(title)}</title>" if title else "<title></title>"
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
        f"{head}</head>\n<body><article>\n" + "\n".join(body) + "\n</article></body></html>\n"
    )


def _element(unit: Unit, links: bool, images: bool) -> str:
    if unit.kind is Kind.CODE:
        return f"<pre><code>{escape(unit.text)}</code></pre>"
    if unit.kind is Kind.TABLE and unit.rows:
        return _table(unit.rows)
    inner = "<br>".join(_inline(unit, links, images).split("\n"))
    if unit.kind is Kind.HEADING:
        level = min(max(unit.level or 2, 1), 6)
        return f"<h{level}>{inner}</h{level}>"
    if unit.kind is Kind.LIST_ITEM:
        return f"<li>{inner}</li>"
    if unit.kind is Kind.QUOTE:
        return f"<blockquote><p>{inner}</p></blockquote>"
    return f"<p>{inner}</p>"


def _inline(unit: Unit, links: bool, images: bool) -> str:
    text = unit.text
    marks: list[tuple[int, int, str]] = []
    if links:
        marks += [(link.start, link.end, link.href) for link in unit.links if _safe(link.href)]
    image_at: dict[int, list[str]] = {}
    if images:
        for image in unit.images:
            if _safe(image.src) and not image.src.lower().startswith("mailto:"):
                tag = f'<img src="{escape(image.src)}" alt="{escape(image.alt)}">'
                image_at.setdefault(min(image.at, len(text)), []).append(tag)
    marks.sort()
    out: list[str] = []
    position = 0
    for start, end, href in marks:
        if start < position or end > len(text) or start >= end:
            continue
        out.append(_text_with_images(text, position, start, image_at))
        out.append(f'<a href="{escape(href)}">{_text_with_images(text, start, end, image_at)}</a>')
        position = end
    out.append(_text_with_images(text, position, len(text), image_at, last=True))
    return "".join(out)


def _text_with_images(
    text: str, start: int, end: int, images: dict[int, list[str]], last: bool = False
) -> str:
    pieces = []
    for at in range(start, end + (1 if last else 0)):
        pieces += images.get(at, [])
        if at < end:
            pieces.append(escape(text[at]))
    return "".join(pieces) if images else escape(text[start:end])


def _safe(url: str) -> bool:
    lowered = url.strip().lower()
    return lowered.startswith(_SAFE_SCHEMES) or (
        ":" not in lowered.split("/", 1)[0] and not lowered.startswith("//")
    )


def _table(rows: list[list[str]]) -> str:
    head, body = rows[0], rows[1:]
    header = "".join(f"<th>{escape(cell)}</th>" for cell in head)
    lines = "".join("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in body)
    return f"<table><thead><tr>{header}</tr></thead><tbody>{lines}</tbody></table>"
