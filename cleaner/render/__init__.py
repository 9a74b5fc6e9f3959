"""Renderings of a cleaned Document: plain text, Markdown, or a minimal clean HTML article.

Only kept blocks appear, in order, with the structure the input gave them (heading levels, list
order and nesting, quotes, tables, code kept exact; links and images when asked). May use the core
types and options only: rendering never changes what was cleaned.
"""

from __future__ import annotations

from cleaner.document import Document
from cleaner.options import RENDERINGS, Rendering
from cleaner.render.html import to_html
from cleaner.render.markdown import to_markdown

# File suffix of each rendering in a directory run.
SUFFIXES: dict[str, str] = {"text": ".txt", "markdown": ".md", "html": ".html"}


def render(document: Document, to: str = "text", *, links: bool = False, images: bool = False) -> str:
    """The clean article in the chosen rendering (`links`/`images`: keep link targets and images)."""
    if to == "text":
        return document.text()
    if to == "markdown":
        return to_markdown(document, links=links, images=images)
    if to == "html":
        return to_html(document, links=links, images=images)
    raise ValueError(f"unknown rendering {to!r}: expected one of {', '.join(RENDERINGS)}")


__all__ = ["RENDERINGS", "SUFFIXES", "Rendering", "render", "to_html", "to_markdown"]
