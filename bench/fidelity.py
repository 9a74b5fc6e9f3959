"""Markdown fidelity on wcxb: of the reference's headings and list items that an output keeps, the
share it renders as headings and as list items.

The reference is the Markdown ground truth of `../shared/bench/wcxb` (pages that have one). For each
page both Markdown outputs (ours, `clean(..., to="markdown")`, and trafilatura's
`output_format="markdown"`, in the same run) are parsed by a CommonMark parser (markdown-it-py), as
the reference is. A reference heading or list item counts as kept when its text (case and spacing
folded) is in the output's text; it counts as rendered when the output has a heading (or a list
item) whose text is that text.

    .venv/bin/python bench/fidelity.py [--limit N] [--jobs 2]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor

from _shared import SETS, require_shared
from markdown_it import MarkdownIt

PARSER = MarkdownIt("commonmark").enable("table")
_SPACE = re.compile(r"\s+")
_MARKUP = re.compile(r"[*_`#>|\[\]()!\\]")


def fold(text: str) -> str:
    return _SPACE.sub(" ", _MARKUP.sub(" ", text)).strip().lower()


def structure(markdown: str) -> tuple[list[str], list[str], str]:
    """Headings and list items (their folded inline text), and all the text, of a Markdown text."""
    headings: list[str] = []
    items: list[str] = []
    texts: list[str] = []
    opened: list[str] = []
    for token in PARSER.parse(markdown):
        if token.nesting == 1:
            opened.append(token.type)
        elif token.nesting == -1:
            opened.pop()
        elif token.type == "inline":
            text = fold(
                "".join(
                    child.content for child in token.children or [] if child.type in {"text", "code_inline"}
                )
            )
            texts.append(text)
            if opened and opened[-1] == "heading_open":
                headings.append(text)
            elif len(opened) >= 2 and opened[-2] == "list_item_open":
                items.append(text)
        elif token.type in {"fence", "code_block"}:
            texts.append(fold(token.content))
    return headings, items, " ".join(texts)


def score_page(job: tuple[str, str, str | None]) -> dict[str, Counter[str]]:
    from trafilatura import extract

    from cleaner import CleanOptions, clean
    from cleaner.render import render

    key, reference, url = job
    raw = gzip.decompress((SETS["wcxb"] / "html" / f"{key}.html.gz").read_bytes())
    outputs = {
        "article-cleaner": render(clean(raw, CleanOptions(format="html"), url=url), "markdown"),
        "trafilatura": extract(raw.decode("utf-8", "replace"), output_format="markdown", url=url) or "",
    }
    ref_headings, ref_items, _ = structure(reference)
    counts: dict[str, Counter[str]] = {}
    for system, markdown in outputs.items():
        headings, items, text = structure(markdown)
        found = Counter[str]()
        for kind, wanted, rendered in (
            ("heading", ref_headings, set(headings)),
            ("item", ref_items, set(items)),
        ):
            for piece in wanted:
                if len(piece) < 3 or piece not in text:
                    continue
                found[f"{kind} kept"] += 1
                found[f"{kind} rendered"] += piece in rendered
        counts[system] = found
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages with a reference")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    require_shared()
    labels = json.loads((SETS["wcxb"] / "ground-truth.json").read_text(encoding="utf-8"))
    jobs = [
        (key, label["markdown"], label.get("url")) for key, label in labels.items() if label.get("markdown")
    ]
    jobs = jobs[: args.limit] if args.limit else jobs
    totals: dict[str, Counter[str]] = {}
    with ProcessPoolExecutor(args.jobs) as pool:
        for counts in pool.map(score_page, jobs, chunksize=4):
            for system, found in counts.items():
                totals.setdefault(system, Counter()).update(found)
    print(f"{len(jobs)} wcxb pages with a Markdown reference", file=sys.stderr)
    print("| system | headings kept | rendered as headings | list items kept | rendered as list items |")
    print("|---|---|---|---|---|")
    for system, found in totals.items():
        heading = found["heading rendered"] / max(found["heading kept"], 1)
        item = found["item rendered"] / max(found["item kept"], 1)
        print(f"| {system} | {found['heading kept']} | {heading:.1%} | {found['item kept']} | {item:.1%} |")


if __name__ == "__main__":
    main()
