"""Plain-text pages: which blocks lie outside the article body, judged by the block classifier.

HTML pages get their main content from trafilatura, which sees the page's structure; text a scraper
already flattened has only the blocks' words and order left, and a learned model of both (see
cleaner/mark/features.py and docs/quality.md) tells the article's run of prose from menus, teasers,
captions and footers.
"""

from __future__ import annotations

from cleaner.document import Document, Reason
from cleaner.mark.classifier import TEXT_MODEL, packaged_model
from cleaner.mark.features import FEATURE_NAMES, document_features
from cleaner.options import CleanOptions

# A whole scraped page carries a menu or a link list: a run of this many lines of at most
# MENU_LINE_WORDS words that no line ending in ":" introduces (174 of the shared benchmark's 181
# pages have one). Text without one was already extracted by someone (an article, a how-to with a
# short list): only the rules apply to it, since a model trained on whole pages would take its short
# lines for page chrome.
MENU_RUN = 5
MENU_LINE_WORDS = 3
# When no block reaches the threshold, the page still has an article somewhere: the blocks within
# this share of the best probability are kept rather than answering nothing.
FALLBACK_SHARE = 0.75


def looks_like_whole_page(document: Document) -> bool:
    """True when the text has a menu-like run of very short lines."""
    run, introduced = 0, False
    for block in document.blocks:
        if len(block.text.split()) <= MENU_LINE_WORDS:
            run += 1
            if run >= MENU_RUN and not introduced:
                return True
        else:
            run, introduced = 0, block.text.rstrip().endswith(":")
    return False


def _applies(document: Document, options: CleanOptions) -> bool:
    return (
        document.format == "text"
        and Reason.OUTSIDE_ARTICLE in options.reasons
        and bool(document.blocks)
        and looks_like_whole_page(document)
    )


def score_blocks(document: Document, options: CleanOptions) -> None:
    """Give each block of a whole text page its article probability (read by dedup and marking)."""
    if not _applies(document, options):
        return
    model = packaged_model(TEXT_MODEL)
    if model.feature_names != FEATURE_NAMES:
        raise RuntimeError("the packaged text model was trained on other features: retrain it")
    for block, probability in zip(
        document.blocks, model.predict_proba(document_features(document)), strict=True
    ):
        block.article_probability = round(float(probability), 4)


def mark_outside_article(document: Document, options: CleanOptions) -> None:
    """Mark kept blocks of a whole text page whose article probability is under the threshold."""
    if not _applies(document, options):
        return
    threshold = options.outside_article_threshold
    if threshold is None:  # the tuned threshold, with the fallback; a caller's own is taken as given
        threshold = packaged_model(TEXT_MODEL).keep_threshold
        best = max((block.article_probability or 0.0 for block in document.kept_blocks), default=0.0)
        if 0.0 < best < threshold:
            threshold = best * FALLBACK_SHARE
    for block in document.kept_blocks:
        probability = block.article_probability
        if probability is not None and probability < threshold:
            block.mark(
                Reason.OUTSIDE_ARTICLE,
                "block_classifier",
                f"outside the article body (article probability {probability:.2f} < {threshold:.2f})",
            )
