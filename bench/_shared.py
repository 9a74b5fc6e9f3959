"""Loading the shared benchmark (../shared/bench/scrapinghub) for the bench scripts."""

from __future__ import annotations

import gzip
import hashlib
import json
import sys
from pathlib import Path
from urllib.parse import urlparse

SHARED_BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench"
PAGES = SHARED_BENCH / "scrapinghub"


def require_shared() -> None:
    if not PAGES.is_dir():
        sys.exit(f"the shared benchmark is not at {PAGES}")


def truth() -> dict[str, str]:
    data = json.loads((PAGES / "ground-truth.json").read_text(encoding="utf-8"))
    return {key: value["articleBody"] for key, value in data.items()}


def html_pages() -> dict[str, bytes]:
    """id -> gzip'd HTML bytes, as stored."""
    return {
        path.name.removesuffix(".html.gz"): path.read_bytes()
        for path in sorted((PAGES / "html").glob("*.html.gz"))
    }


def text_pages() -> dict[str, bytes]:
    return {path.stem: path.read_bytes() for path in sorted((PAGES / "fulltext").glob("*.txt"))}


def gunzipped(pages: dict[str, bytes]) -> dict[str, bytes]:
    return {key: gzip.decompress(value) for key, value in pages.items()}


# Both labelled sets, by name; everything learnt from them is chosen out of fold (split by site).
SETS = {"scrapinghub": SHARED_BENCH / "scrapinghub", "wcxb": SHARED_BENCH / "wcxb"}
FOLDS = 5


def host_of(url: str | None) -> str:
    """The site of a page: its URL's host, lowercased, without "www."."""
    return (urlparse(url or "").hostname or "").lower().removeprefix("www.")


def site_fold(url: str | None, folds: int = FOLDS) -> int:
    """The fold of a page's site (group k-fold on the host): every page of a site, in either set, in
    the same fold, the same in every run and script (a hash, not a random split)."""
    return hashlib.sha1(host_of(url).encode()).digest()[0] % folds


def page_folds(folds: int = FOLDS) -> dict[tuple[str, str], int]:
    """(set name, page id) -> fold, for every page of both sets."""
    found: dict[tuple[str, str], int] = {}
    for name, folder in SETS.items():
        labels = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
        for key, value in labels.items():
            found[name, key] = site_fold(value.get("url"), folds)
    return found
