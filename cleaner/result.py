"""The JSON-ready view of a cleaned Document, shared by the CLI, the batch report and the service."""

from __future__ import annotations

from typing import Any

from cleaner.document import Block, Document
from cleaner.options import CleanOptions
from cleaner.render import render


def block_to_dict(block: Block) -> dict[str, Any]:
    """One block as the explain output shows it: its text, kind, and why it was removed (or null)."""
    return {
        "index": block.index,
        "text": block.text,
        "kind": block.kind.value,
        "removed": block.removed.value if block.removed else None,
        "rule": block.rule,
        "why": block.why,
        "duplicate_of": block.duplicate_of,
        "similarity": block.similarity,
        "article_probability": block.article_probability,
    }


def to_result(
    document: Document, explain: bool | None = None, options: CleanOptions | None = None
) -> dict[str, Any]:
    """The result of cleaning: clean text, metadata, what the input was taken for, removal counts;
    when the options ask for Markdown or HTML (`to`), that rendering too, under its own name; with
    `explain` (default: the options'), every block and why it was removed."""
    if explain is None:
        explain = options is not None and options.explain
    text = document.text()
    meta = document.metadata
    result: dict[str, Any] = {
        "text": text,
        "title": meta.title,
        "author": meta.author,
        "date": meta.date,
        "url": meta.url,
        "sitename": meta.sitename,
        "language": meta.language,
        "paywalled": meta.paywalled,
        "page_type": meta.page_type,
        "format": document.format,
        "chars_in": document.chars_in,
        "chars_out": len(text),
        "removed": document.removed_counts(),
    }
    if options is not None and options.to != "text":
        result[options.to] = render(
            document, options.to, links=options.include_links, images=options.include_images
        )
    if explain:
        result["blocks"] = [block_to_dict(block) for block in document.blocks]
    return result
