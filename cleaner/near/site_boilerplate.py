"""Site boilerplate learnt from a corpus: a block that many stories of one site carry.

A promo, a disclaimer or a sign-off that no phrase rule knows is still recognisable by repetition:
it appears, word for word after normalisation, on page after page of the same site, while a
paragraph of a story appears on one story only. Blocks are counted by fingerprint (`cleaner.sketch.shingles`)
per site (the URL's host; in a directory batch without URLs, the input's directory), and a block
seen on at least `site_min_docs` different stories is marked `site_boilerplate`, naming the count.

Stories, not documents, are counted: the same story scraped three times (near-duplicate articles)
would otherwise make every one of its paragraphs "seen on three documents". The directory batch
counts each cluster of near-duplicate articles once; a service collection counts only documents
that are not near duplicates of an earlier one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from urllib.parse import urlsplit

from cleaner.document import Document, Reason
from cleaner.options import CleanOptions
from cleaner.sketch.shingles import DIALOGUE_TURN, EXACT_MIN_WORDS, fingerprint, normalized_words

# The site of documents whose URL is unknown (a service collection without `url`s).
UNKNOWN_SITE = ""
_HOST = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*")


def site_of(url: str | None, fallback: str = UNKNOWN_SITE) -> str:
    """The host of a URL, lowercased and without "www."; `fallback` when there is no host."""
    if not url:
        return fallback
    try:
        host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").lower()
    except ValueError:
        return fallback
    host = host.removeprefix("www.")
    return host if _HOST.fullmatch(host) else fallback


def block_fingerprints(document: Document) -> dict[str, list[int]]:
    """Fingerprint -> indexes of the kept blocks carrying it; short lines and dialogue turns excluded
    (a "Q:" or a "Chorus" label recurs on every interview and song of a site by design)."""
    found: dict[str, list[int]] = {}
    for block in document.kept_blocks:
        words = normalized_words(block.text)
        if len(words) >= EXACT_MIN_WORDS and not DIALOGUE_TURN.match(block.text):
            found.setdefault(fingerprint(words), []).append(block.index)
    return found


def count_per_story(
    fingerprints: Iterable[tuple[str, int, Iterable[str]]],
) -> Counter[tuple[str, str]]:
    """(site, fingerprint) -> number of distinct stories, from (site, story, fingerprints) triples."""
    seen: set[tuple[str, str, int]] = set()
    counts: Counter[tuple[str, str]] = Counter()
    for site, story, prints in fingerprints:
        for print_ in prints:
            if (site, print_, story) not in seen:
                seen.add((site, print_, story))
                counts[site, print_] += 1
    return counts


def mark_site_boilerplate(
    document: Document, counts: Mapping[str, int], site: str, options: CleanOptions
) -> None:
    """Mark kept blocks whose fingerprint `counts` (stories of `site`) reach `site_min_docs`."""
    if Reason.SITE_BOILERPLATE not in options.reasons or options.site_min_docs < 1:
        return
    where = f"site {site}" if site else "this collection (no site known)"
    by_index = {block.index: block for block in document.blocks}
    for print_, indexes in block_fingerprints(document).items():
        seen = counts.get(print_, 0)
        if seen >= options.site_min_docs:
            for index in indexes:
                by_index[index].mark(
                    Reason.SITE_BOILERPLATE,
                    "site_repeat",
                    f"seen on {seen} different stories of {where} (boilerplate from {options.site_min_docs})",
                )
