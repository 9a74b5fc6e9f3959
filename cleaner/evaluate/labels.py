"""A labelled benchmark folder: `ground-truth.json` and the pages, as `html/` and `fulltext/`.

`ground-truth.json` maps an id to `{"articleBody": text}` (or to the text itself), optionally with
`url`, `page_type` (article, forum, documentation, ...), and snippet lists `with` (content that
must stay) and `without` (boilerplate that must go). Pages are `html/<id>.html[.gz]` and/or
`fulltext/<id>.txt[.gz]`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cleaner.errors import CleanerError

# Where each mode's pages live in a benchmark folder, and the suffixes they may carry.
MODE_FOLDERS: dict[str, tuple[str, tuple[str, ...]]] = {
    "html": ("html", (".html.gz", ".htm.gz", ".html", ".htm")),
    "text": ("fulltext", (".txt.gz", ".txt")),
}
# The type of a page whose labels say none.
UNTYPED = "page"


class LabelsError(CleanerError):
    """A ground-truth file that cannot be read as labels."""


@dataclass(frozen=True)
class LabelledPage:
    """What a person marked on one page."""

    id: str
    truth: str
    url: str | None = None
    page_type: str = UNTYPED
    must_keep: tuple[str, ...] = ()
    must_drop: tuple[str, ...] = ()


def load_labels(folder: Path) -> dict[str, LabelledPage]:
    """id -> labels, from the folder's ground-truth.json."""
    try:
        data = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise LabelsError(f"cannot read {folder / 'ground-truth.json'}: {exc}") from None
    if isinstance(data, dict) and set(data) == {"version", "output"}:
        data = data["output"]
    if not isinstance(data, dict):
        raise LabelsError("ground-truth.json must map ids to labels")
    return {str(key): _page(str(key), value) for key, value in data.items()}


def load_truth(folder: Path) -> dict[str, str]:
    """id -> article text from the folder's ground-truth.json."""
    return {key: page.truth for key, page in load_labels(folder).items()}


def find_pages(folder: Path, mode: str) -> dict[str, Path]:
    """id -> page file for the mode (`html/` or `fulltext/` under the folder)."""
    subfolder, suffixes = MODE_FOLDERS[mode]
    pages: dict[str, Path] = {}
    for path in sorted((folder / subfolder).glob("*")):
        for suffix in suffixes:
            if path.name.endswith(suffix):
                pages.setdefault(path.name[: -len(suffix)], path)
                break
    return pages


def _page(key: str, value: Any) -> LabelledPage:
    if not isinstance(value, dict):
        return LabelledPage(key, value if isinstance(value, str) else "")
    return LabelledPage(
        key,
        value.get("articleBody") or "",
        value.get("url") if isinstance(value.get("url"), str) else None,
        str(value.get("page_type") or UNTYPED),
        _snippets(value.get("with")),
        _snippets(value.get("without")),
    )


def _snippets(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(snippet for snippet in value if isinstance(snippet, str) and snippet.strip())
