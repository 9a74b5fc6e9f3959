"""The second text model's view of a block's neighbourhood of first-stage probabilities."""

from __future__ import annotations

import math

import numpy as np

from cleaner.mark.context import CONTEXT_NAMES, probability_context


def _column(table: np.ndarray, name: str) -> list[float]:
    return [round(value, 6) for value in table[:, CONTEXT_NAMES.index(name)].tolist()]


# A menu line, three article paragraphs, a "Related" label, two teasers the first model half believes.
PROBABILITIES = np.array([0.1, 0.9, 0.95, 0.85, 0.05, 0.6, 0.52])
WORDS = np.array([2, 60, 80, 50, 1, 8, 6], dtype=np.float64)
TABLE = probability_context(PROBABILITIES, np.log1p(WORDS))


def test_one_row_per_block_and_nothing_for_an_empty_page() -> None:
    assert TABLE.shape == (7, len(CONTEXT_NAMES)) and np.isfinite(TABLE).all()
    assert probability_context(np.zeros(0), np.zeros(0)).shape == (0, len(CONTEXT_NAMES))


def test_the_core_is_the_article_run_and_teasers_lie_across_a_valley() -> None:
    assert _column(TABLE, "in_core") == [0, 1, 1, 1, 0, 0, 0]
    # The block next to the core joins it directly (1.0); the teasers lie beyond the label (0.05),
    # and the menu line before the core has nothing between it and the core.
    assert _column(TABLE, "valley_to_core") == [1.0, 1.0, 1.0, 1.0, 1.0, 0.05, 0.05]
    across_the_label = round(math.log(2), 6)
    assert _column(TABLE, "log_unlikely_to_core") == [0.0] * 5 + [across_the_label] * 2
    assert _column(TABLE, "log_from_core") == [round(math.log1p(d), 6) for d in (1, 0, 0, 0, 1, 2, 3)]


def test_likely_text_before_and_after_each_block() -> None:
    mass = PROBABILITIES * WORDS
    before = _column(TABLE, "likely_words_before")
    after = _column(TABLE, "likely_words_after")
    assert before[0] == 0.0 and after[-1] == 0.0
    assert before[5] == round(float(mass[:5].sum() / mass.sum()), 6)
    assert after[1] == round(float(mass[2:].sum() / mass.sum()), 6)


def test_page_wide_figures_and_windows() -> None:
    assert set(_column(TABLE, "page_p_max")) == {0.95}
    assert set(_column(TABLE, "page_likely_runs")) == {round(math.log1p(2), 6)}  # the core, the teasers
    assert _column(TABLE, "p_min_near")[5] == 0.05 and _column(TABLE, "p_max_near")[0] == 0.95
    assert _column(TABLE, "p_previous")[0] == 0.0 and _column(TABLE, "p_next")[-1] == 0.0
    assert _column(TABLE, "p_mean_1")[0] == round((0.1 + 0.9) / 2, 6)


def test_a_valley_before_the_core_is_seen_from_the_far_side() -> None:
    # A teaser, a label, then the article: the teaser looks across the label.
    table = probability_context(np.array([0.6, 0.05, 0.9, 0.9]), np.log1p(np.array([8.0, 1, 60, 60])))
    assert _column(table, "in_core") == [0, 0, 1, 1]
    assert _column(table, "valley_to_core") == [0.05, 1.0, 1.0, 1.0]


def test_a_strong_teaser_the_core_absorbs_is_still_a_stretch_of_its_own() -> None:
    p, words = np.array([0.9, 0.9, 0.05, 0.85]), np.array([60.0, 60, 1, 30])
    table = probability_context(p, np.log1p(words))
    assert _column(table, "in_core") == [1, 1, 1, 1]  # the teaser outweighs the label
    mass = p * words
    shares = [round(float(mass[i] / mass[:2].sum()), 6) for i in (2, 3)]
    assert _column(table, "stretch_share") == [1.0, 1.0, *shares]
