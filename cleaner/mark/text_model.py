"""The plain-text block model: two tree ensembles, the second reading the first's view of each
block's neighbourhood (cleaner/mark/context.py).

The first ensemble judges each block by its shape and its neighbours' shapes; the second sees those
features again plus the first ensemble's probabilities around the block, and gives the probability
that cleaning uses. Both are trained by bench/train_text_model.py; the second one's thresholds are
the text model's.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from cleaner.mark.classifier import TEXT_MODEL, TreeEnsemble, packaged_model
from cleaner.mark.context import CONTEXT_NAMES, probability_context
from cleaner.mark.features import FEATURE_NAMES

TEXT_CONTEXT_MODEL = "text_context.npz"
_LOG_WORDS = FEATURE_NAMES.index("log_words")


@dataclass(frozen=True)
class TextModel:
    blocks: TreeEnsemble  # reads FEATURE_NAMES
    context: TreeEnsemble  # reads FEATURE_NAMES + CONTEXT_NAMES; its thresholds are the model's

    def __post_init__(self) -> None:
        if self.blocks.feature_names != FEATURE_NAMES or self.context.feature_names != (
            FEATURE_NAMES + CONTEXT_NAMES
        ):
            raise RuntimeError("the text model was trained on other features: retrain it")

    def predict_proba(self, rows: np.ndarray) -> np.ndarray:
        """Probability that each row (block, FEATURE_NAMES) is article text."""
        if not len(rows):
            return np.zeros(0)
        first = self.blocks.predict_proba(rows)
        return self.context.predict_proba(np.hstack([rows, probability_context(first, rows[:, _LOG_WORDS])]))

    @property
    def keep_threshold(self) -> float:
        return self.context.keep_threshold

    @property
    def flow_threshold(self) -> float:
        return self.context.flow_threshold

    @property
    def restore_threshold(self) -> float:
        return self.context.restore_threshold


@lru_cache(maxsize=1)
def packaged_text_model() -> TextModel:
    """The shipped text model (cleaner/data), loaded once per process."""
    return TextModel(packaged_model(TEXT_MODEL), packaged_model(TEXT_CONTEXT_MODEL))
