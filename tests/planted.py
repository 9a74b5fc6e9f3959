"""A generated corpus with planted near-duplicate clusters, broken files and site boilerplate.

Text comes from bench/textgen.py (seeded, made-up words). Three sites of eight stories, each story
ending in its site's promo (site boilerplate); then planted clusters: a story copied to another
site and edited, a story with a paragraph added, and a chain of revisions, each replacing one more
paragraph, whose ends are not near duplicates of each other but share a cluster.
"""

from __future__ import annotations

import gzip
import random
from pathlib import Path

from bench.textgen import article, paragraph

SITES = ("valley", "harbour", "ridge")
PROMO = "Stories of the {site} desk are edited in the old mill on River Road every weekday morning."
BROKEN = {
    "empty.txt": b"",
    "photo.jpg": b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4,
    "cut.txt.gz": gzip.compress(b"A page cut short in transfer. " * 50)[:40],
}


def write_corpus(root: Path, seed: int = 5) -> set[frozenset[str]]:
    """Write the corpus under root; returns the planted clusters (sets of relative paths)."""
    rng = random.Random(seed)
    pages: dict[str, list[str]] = {}
    for site in SITES:
        for number in range(8):
            pages[f"{site}/{number}.txt"] = [*article(rng, (6, 7)), PROMO.format(site=site)]
    first = pages["valley/0.txt"]
    edited = [line.replace(" the ", " a ", 2) for line in first]
    pages["harbour/copy-of-valley-0.txt"] = [*edited[:-1], PROMO.format(site="harbour")]
    pages["ridge/valley-0-again.txt"] = first
    longer = pages["harbour/3.txt"]
    pages["valley/harbour-3-updated.txt"] = [*longer[:-1], paragraph(rng), PROMO.format(site="valley")]
    chain = pages["ridge/5.txt"]  # each revision replaces one more paragraph of the story
    for name, position in (("5-revised", 2), ("5-revised-again", 4), ("5-revised-thrice", 6)):
        chain = [*chain[:position], paragraph(rng), *chain[position + 1 :]]
        pages[f"ridge/{name}.txt"] = chain
    for name, lines in pages.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("\n\n".join(lines))
    for name, content in BROKEN.items():
        (root / name).write_bytes(content)
    return {
        frozenset({"valley/0.txt", "harbour/copy-of-valley-0.txt", "ridge/valley-0-again.txt"}),
        frozenset({"harbour/3.txt", "valley/harbour-3-updated.txt"}),
        frozenset(
            {"ridge/5.txt", "ridge/5-revised.txt", "ridge/5-revised-again.txt", "ridge/5-revised-thrice.txt"}
        ),
    }


def html_page(rng: random.Random, paragraphs: tuple[int, int] = (5, 8)) -> str:
    """A small generated news page (an article between a menu and a footer)."""
    title, *body = article(rng, paragraphs)
    return (
        f"<html><head><title>{title}</title></head><body><nav><a href='/'>Home</a> | <a href='/n'>News</a></nav>"
        f"<article><h1>{title}</h1>{''.join(f'<p>{text}</p>' for text in body)}"
        "<p>Subscribe to continue reading.</p></article><footer>About us | Contact</footer></body></html>"
    )


def write_html_pages(root: Path, count: int, seed: int = 3) -> None:
    """`count` generated HTML pages in a few folders."""
    rng = random.Random(seed)
    for number in range(count):
        path = root / f"part{number % 4}" / f"page{number:05d}.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html_page(rng))


def tree(out: Path) -> dict[str, bytes]:
    """Every file under out (hidden ones too), by relative path."""
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
