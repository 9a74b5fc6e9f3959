"""Ablation on the shared benchmark: what each rule family and the block models add.

Each row turns one reason family off and scores
both input modes; the last columns say how much F1 the full cleaner loses without it.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from _shared import PAGES, require_shared

from cleaner import CleanOptions, Reason
from cleaner.evaluate import CLEANER, CleanerSystem, evaluate

FAMILIES: dict[str, set[Reason]] = {
    "title": {Reason.TITLE},
    "paywall, subscription and newsletter prompts": {Reason.PAYWALL, Reason.SUBSCRIBE_CTA, Reason.NEWSLETTER},
    "social-embed residue": {Reason.SOCIAL_EMBED},
    "comment stubs": {Reason.COMMENTS},
    "related links (labels, runs, link lists)": {Reason.RELATED_LINKS},
    "credits and page chrome": {Reason.CREDIT, Reason.PAGE_CHROME},
    "duplicates": {Reason.DUPLICATE},
    "block models (HTML: page blocks; text: lines)": {Reason.OUTSIDE_ARTICLE},
}


@contextmanager
def _nothing() -> Iterator[None]:
    yield


def _score(mode: str, reasons: set[Reason], context: Callable[[], object] = _nothing) -> float:
    options = CleanOptions(format=mode, reasons=frozenset(reasons))  # type: ignore[arg-type]
    with context():  # type: ignore[attr-defined]
        return evaluate(PAGES, mode, {CLEANER: CleanerSystem(options)}).main.summary().corpus.f1


def main() -> None:
    argparse.ArgumentParser(description=__doc__).parse_args()
    require_shared()
    everything = set(Reason)
    full = {mode: _score(mode, everything) for mode in ("html", "text")}
    rows: list[tuple[str, float, float]] = [("full cleaner", full["html"], full["text"])]
    for name, family in FAMILIES.items():
        rows.append(
            (f"without {name}", _score("html", everything - family), _score("text", everything - family))
        )
    rows.append(("no rules at all (extraction only)", _score("html", set()), _score("text", set())))
    print("| variant | HTML F1 | text F1 | HTML loss | text loss |\n|---|---|---|---|---|")
    for name, html_f1, text_f1 in rows:
        print(
            f"| {name} | {html_f1:.4f} | {text_f1:.4f} | {full['html'] - html_f1:+.4f} | {full['text'] - text_f1:+.4f} |"
        )


if __name__ == "__main__":
    main()
