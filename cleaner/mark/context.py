"""What the first text model thinks of each block's neighbourhood: features for the second model.

The first model judges a block by its own shape and the shapes around it. A teaser (a title glued to a
summary sentence) or a related headline looks like prose on its own; what gives it away is where it
stands: after the article's run of likely blocks and across a valley of unlikely ones (a "Related"
label, a menu). The second model reads the first one's probabilities around each block: window means
and extremes, the page's core (the stretch with the most likely words), the weakest block between a
block and that core, and how much of the page's likely text lies before and after it. Trained on
out-of-fold first-stage probabilities (bench/train_text_model.py), so it learns how the first model
errs on pages it has not seen.
"""

from __future__ import annotations

import math

import numpy as np

# A block at or above this first-stage probability counts as likely article text.
LIKELY = 0.5
# ... and under this as unlikely (a valley between a block and the core).
UNLIKELY = 0.3
_MEAN_WIDTHS = (1, 3, 8)
# Neighbours on either side for the window maximum and minimum.
_EXTREME_WIDTH = 2

CONTEXT_NAMES = (
    "p",
    *(f"p_mean_{width}" for width in _MEAN_WIDTHS),
    "p_max_near",
    "p_min_near",
    "p_previous",
    "p_next",
    "page_p_max",
    "page_p_mean",
    "page_likely_share",
    "page_likely_words",
    "page_likely_runs",
    "core_words_share",
    "in_core",
    "from_core_start",
    "from_core_end",
    "log_from_core",
    "valley_to_core",
    "stretch_share",
    "log_unlikely_to_core",
    "likely_words_before",
    "likely_words_after",
    "p_vs_page_max",
)


def probability_context(probabilities: np.ndarray, log_words: np.ndarray) -> np.ndarray:
    """One row of CONTEXT_NAMES per block, from the first model's probabilities and the blocks'
    log(1 + words) (the first feature of cleaner.mark.features)."""
    p = np.asarray(probabilities, dtype=np.float64)
    count = len(p)
    if not count:
        return np.zeros((0, len(CONTEXT_NAMES)))
    index = np.arange(count)
    words = np.expm1(log_words)
    likely = p >= LIKELY
    previous, following = np.zeros(count), np.zeros(count)
    previous[1:], following[:-1] = p[:-1], p[1:]
    start, end = _core(p, log_words)
    distance = np.where(index < start, start - index, np.where(index > end, index - end, 0))
    unlikely = np.concatenate([[0.0], np.cumsum(p < UNLIKELY)])
    unlikely_between = np.where(
        index > end,
        unlikely[index] - unlikely[end + 1],
        np.where(index < start, unlikely[start] - unlikely[np.minimum(index + 1, count)], 0.0),
    )
    mass = p * words
    total = max(float(mass.sum()), 1e-9)
    mass_seen = np.cumsum(mass)
    all_words = max(float(words.sum()), 1.0)
    runs = int(np.count_nonzero(likely[1:] & ~likely[:-1])) + int(likely[0])
    columns = [
        p,
        *(_window_mean(p, width) for width in _MEAN_WIDTHS),
        _window_extreme(p, np.maximum, 0.0),
        _window_extreme(p, np.minimum, 1.0),
        previous,
        following,
        np.full(count, p.max()),
        np.full(count, p.mean()),
        np.full(count, likely.mean()),
        np.full(count, float(words[likely].sum()) / all_words),
        np.full(count, math.log1p(runs)),
        np.full(count, float(words[start : end + 1].sum()) / all_words),
        ((index >= start) & (index <= end)).astype(np.float64),
        (index - start) / count,
        (index - end) / count,
        np.log1p(distance),
        _valley(p, start, end),
        _stretch_share(p, mass),
        np.log1p(unlikely_between),
        (mass_seen - mass) / total,
        (total - mass_seen) / total,
        p / max(float(p.max()), 1e-9),
    ]
    return np.column_stack(columns)


def _core(p: np.ndarray, log_words: np.ndarray) -> tuple[int, int]:
    """The stretch of blocks with the most likely text against unlikely text (maximum-sum subarray of
    (p - LIKELY), longer blocks weighing more)."""
    score = ((p - LIKELY) * np.maximum(log_words, 0.5)).tolist()
    best, current, current_start, start, end = -math.inf, 0.0, 0, 0, 0
    for i, value in enumerate(score):
        if current <= 0:
            current, current_start = value, i
        else:
            current += value
        if current > best:
            best, start, end = current, current_start, i
    return start, end


def _valley(p: np.ndarray, start: int, end: int) -> np.ndarray:
    """The lowest probability strictly between each block and the core (1 in the core and next to
    it): an article's last paragraph joins the core directly, a teaser after a "Related" label does not."""
    valley = np.ones(len(p))
    after = p[end + 1 :]
    if len(after) > 1:
        valley[end + 2 :] = np.minimum.accumulate(after)[:-1]
    before = p[:start][::-1]
    if len(before) > 1:
        valley[: start - 1] = np.minimum.accumulate(before)[:-1][::-1]
    return valley


def _stretch_share(p: np.ndarray, mass: np.ndarray) -> np.ndarray:
    """The likely text of each block's stretch (the blocks between two unlikely ones; an unlikely
    block is a stretch of its own) against the page's largest stretch: teasers after a "Related"
    label form a stretch of their own, however much the core absorbed them."""
    breaks = p < UNLIKELY
    starts = breaks.copy()
    starts[1:] |= breaks[:-1]
    stretch = np.cumsum(starts)
    sums = np.bincount(stretch, weights=mass)
    return np.asarray(sums[stretch] / max(float(sums.max()), 1e-9))


def _window_mean(values: np.ndarray, width: int) -> np.ndarray:
    count = len(values)
    sums = np.concatenate([[0.0], np.cumsum(values)])
    index = np.arange(count)
    low, high = np.maximum(index - width, 0), np.minimum(index + width + 1, count)
    return np.asarray((sums[high] - sums[low]) / (high - low))


def _window_extreme(values: np.ndarray, reduce: np.ufunc, fill: float) -> np.ndarray:
    """max or min of each value and its _EXTREME_WIDTH neighbours on either side."""
    count = len(values)
    padded = np.concatenate([np.full(_EXTREME_WIDTH, fill), values, np.full(_EXTREME_WIDTH, fill)])
    return np.asarray(reduce.reduce(np.stack([padded[k : k + count] for k in range(2 * _EXTREME_WIDTH + 1)])))
