"""Plain-text pages: which blocks lie outside the article body, judged by the block classifier.

HTML pages get their main content from trafilatura, which sees the page's structure; text a scraper
already flattened has only the blocks' words and order left, and a learned model of both (see
cleaner/mark/features.py and docs/quality.md) tells the article's run of prose from menus, teasers,
captions and footers.
"""

from __future__ import annotations

from itertools import pairwise

from cleaner.document import Document, Reason
from cleaner.mark.boilerplate import mark_headline_runs, prose_paragraph
from cleaner.mark.classifier import rounded
from cleaner.mark.features import document_features
from cleaner.mark.text_model import packaged_text_model
from cleaner.options import CleanOptions

# When no block reaches the threshold, the page still has an article somewhere: the blocks within
# this share of the best probability are kept rather than answering nothing.
FALLBACK_SHARE = 0.75
# A block is in the article's flow when prose paragraphs stand before and after it with at most this
# many kept blocks between them (a subhead, a list of steps, a code sample, an ad marker): such
# blocks need the model's stronger evidence (`flow_threshold`) to go. Chosen out of fold with the
# thresholds by bench/train_text_model.py.
FLOW_GAP = 4
# How many items of a list the article introduces with a colon count as its flow.
INTRODUCED_LIST_MAX = 40
# Marks of sequence heuristics, which judge a run by its shape: in plain text an article's own list
# (prices, product names, a timeline) has the same shape, and the classifier may give it back.
SOFT_RULES = frozenset({"headline_run", "under_related_label"})
# Prose, for the flow: a block of this many words that ends a sentence.
PROSE_WORDS = 15


def in_article_flow(document: Document) -> list[bool]:
    """For each block: whether it lies in the article's flow (see FLOW_GAP); removed blocks are not."""
    blocks = document.blocks
    flow = [False] * len(blocks)
    kept = document.kept_blocks
    is_prose = [prose_paragraph(block, PROSE_WORDS) for block in kept]
    prose = [i for i, flag in enumerate(is_prose) if flag]
    for before, after in pairwise(prose):
        if after - before - 1 <= FLOW_GAP:
            for block in kept[before : after + 1]:
                flow[block.index] = True
    # A list the article introduces ("You will need:") after its prose: the items that follow, up to
    # the next prose paragraph, however many.
    for position, block in enumerate(kept):
        opens = block.text.rstrip().endswith(":") and not is_prose[position]
        if not opens or position == 0 or not (is_prose[position - 1] or flow[kept[position - 1].index]):
            continue
        for offset, item in enumerate(kept[position : position + INTRODUCED_LIST_MAX + 1]):
            if item is not block and is_prose[position + offset]:
                break
            flow[item.index] = True
    # The kept copy of a repeated paragraph (a lead its teaser repeats) is article text by that token.
    originals = {block.duplicate_of for block in blocks if block.duplicate_of is not None}
    for block, flag in zip(kept, is_prose, strict=True):
        if flag and block.index in originals:
            flow[block.index] = True
    return flow


def _applies(document: Document, options: CleanOptions) -> bool:
    return document.format == "text" and Reason.OUTSIDE_ARTICLE in options.reasons and bool(document.blocks)


def score_blocks(document: Document, options: CleanOptions) -> None:
    """Give each block of a text page its article probability (read by dedup and marking)."""
    if not _applies(document, options):
        return
    probabilities = rounded(packaged_text_model().predict_proba(document_features(document)))
    for block, probability in zip(document.blocks, probabilities, strict=True):
        block.article_probability = probability


def mark_outside_article(document: Document, options: CleanOptions) -> None:
    """Mark kept blocks of a text page whose article probability is under the threshold; blocks in
    the article's flow only under the lower flow threshold."""
    if not _applies(document, options):
        return
    model = packaged_text_model()
    if options.outside_article_threshold is not None:  # a caller's own is taken as given, for every block
        threshold = flow_threshold = options.outside_article_threshold
    else:  # the tuned thresholds, with the fallback
        threshold = model.keep_threshold
        best = max((block.article_probability or 0.0 for block in document.kept_blocks), default=0.0)
        if 0.0 < best < threshold:
            threshold = best * FALLBACK_SHARE
        flow_threshold = min(threshold, model.flow_threshold)
    confident = model.restore_threshold
    for block in document.blocks:
        probability = block.article_probability
        if block.rule in SOFT_RULES and probability is not None and probability >= confident:
            block.restore()
    if Reason.RELATED_LINKS in options.reasons:
        mark_headline_runs(
            document.blocks, spare=lambda block: (block.article_probability or 0.0) >= confident
        )
    flow = in_article_flow(document)
    for block in document.kept_blocks:
        probability = block.article_probability
        limit = flow_threshold if flow[block.index] else threshold
        if probability is not None and probability < limit:
            where = "in the flow of the article, " if flow[block.index] else ""
            block.mark(
                Reason.OUTSIDE_ARTICLE,
                "block_classifier",
                f"outside the article body ({where}article probability {probability:.2f} < {limit:.2f})",
            )
