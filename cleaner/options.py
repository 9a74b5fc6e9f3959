"""CleanOptions: the one source of defaults, validated once, threaded through every step."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal, get_args

from cleaner.document import Reason
from cleaner.errors import UnknownFormatError

Format = Literal["auto", "html", "text"]
FORMATS: tuple[str, ...] = get_args(Format)
# How the clean article is handed back: plain text always, Markdown or HTML beside it when asked.
Rendering = Literal["text", "markdown", "html"]
RENDERINGS: tuple[str, ...] = get_args(Rendering)


@dataclass(frozen=True)
class CleanOptions:
    """How to clean. Frozen so one instance can be shared by every call, thread and process."""

    # What the input is; "auto" sniffs it.
    format: Format = "auto"
    # Largest input accepted, in bytes, after any gzip decompression (a gzip bomb stops here).
    max_bytes: int = 10 * 1024 * 1024
    # Most blocks (paragraphs, lines, list items) a page may split into; more is refused with
    # TooManyBlocksError. Articles have hundreds; every step is linear in the blocks, and at this bound
    # a page is cleaned in a few seconds (bench/worst_case.py), well inside the service's time limit.
    max_blocks: int = 50_000
    # Reasons the rule steps may mark; dropping one turns that rule family off (ablations, opt-outs).
    reasons: frozenset[Reason] = field(default_factory=lambda: frozenset(Reason))
    # Near-duplicate paragraphs: MinHash Jaccard estimate at or above this is a duplicate. With word
    # pairs, one changed word in a 12-word paragraph leaves a Jaccard of 0.69, in 20 words 0.82;
    # unrelated paragraphs on one topic share well under 0.3.
    duplicate_threshold: float = 0.7
    # Blocks with fewer words than this are compared exactly (after normalisation): MinHash on a
    # handful of shingles is too noisy, and short lines repeat naturally.
    minhash_min_words: int = 12
    # Word shingle size for MinHash: pairs, so that one changed word costs only two shingles.
    shingle_words: int = 2
    num_perm: int = 128
    # A block ending in an ellipsis is a teaser of a longer block holding at least this share of its
    # word pairs: a prefix holds all of them, one changed word in a 12-word teaser leaves 0.82.
    teaser_containment: float = 0.8
    # Near-duplicate articles (across documents): Jaccard of the clean texts' word triples. A story
    # with one paragraph added or removed, or a different header and sign-off, stays above 0.5;
    # two different stories on one topic share well under 0.2 of their triples (bench/dedup_corpus.py).
    article_threshold: float = 0.5
    article_shingle_words: int = 3
    # Site boilerplate: a block on at least this many different stories of one site is boilerplate
    # (a promo, a disclaimer, a sign-off); 0 turns the check off.
    site_min_docs: int = 3
    # Article probability under which a block model (HTML: page blocks; plain text: lines) removes a
    # block (None: the threshold tuned with each model; lower keeps more, higher removes more).
    outside_article_threshold: float | None = None
    # The rendering asked for beside the plain text (`cleaner.render`), and whether Markdown and HTML
    # keep link targets and image references. Cleaning itself never depends on these.
    to: Rendering = "text"
    include_links: bool = False
    include_images: bool = False
    # Results carry every block of the input and the reason each removed one was removed.
    explain: bool = False

    def __post_init__(self) -> None:
        if self.format not in FORMATS:
            raise UnknownFormatError(f"unknown format {self.format!r}: expected one of {', '.join(FORMATS)}")
        if self.to not in RENDERINGS:
            raise ValueError(f"unknown rendering {self.to!r}: expected one of {', '.join(RENDERINGS)}")
        if self.max_bytes <= 0 or self.max_blocks <= 0:
            raise ValueError("max_bytes and max_blocks must be positive")
        for name in ("duplicate_threshold", "teaser_containment", "article_threshold"):
            if not 0.0 < getattr(self, name) <= 1.0:
                raise ValueError(f"{name} must be in (0, 1]")
        if (
            min(self.shingle_words, self.article_shingle_words, self.minhash_min_words) < 1
            or self.num_perm < 16
        ):
            raise ValueError("shingle sizes >= 1, num_perm >= 16 and minhash_min_words >= 1")
        if self.site_min_docs < 0:
            raise ValueError("site_min_docs must be 0 (off) or more")
        if self.outside_article_threshold is not None and not 0.0 <= self.outside_article_threshold <= 1.0:
            raise ValueError("outside_article_threshold must be in [0, 1]")
        object.__setattr__(self, "reasons", frozenset(Reason(r) for r in self.reasons))

    def with_rendering(self, to: str, links: bool = False, images: bool = False) -> CleanOptions:
        """A copy that renders the article as `to` (validated), keeping links and images as asked."""
        return replace(self, to=to, include_links=links, include_images=images)  # type: ignore[arg-type]

    def with_format(self, format: str | None) -> CleanOptions:
        """A copy with another format (validated); None keeps this one."""
        return self if format is None or format == self.format else replace(self, format=format)  # type: ignore[arg-type]


DEFAULT_OPTIONS = CleanOptions()
