"""The plain-text block classifier: its model file, its numpy evaluation, and the step that uses it."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from cleaner import CleanOptions, Reason, clean
from cleaner.mark.article import in_article_flow
from cleaner.mark.classifier import TreeEnsemble, load
from cleaner.mark.context import CONTEXT_NAMES, probability_context
from cleaner.mark.features import (
    FEATURE_NAMES,
    _list_context,
    _log_distance_to,
    document_features,
    window_mean,
)
from cleaner.mark.text_model import TextModel, packaged_text_model
from cleaner.read.segment import segment_text

MENU = ["Home", "News", "Sport", "Weather", "Culture", "Opinion", "Search"]
ARTICLE = [
    "Farmers in the northern valley began the grape harvest two weeks earlier than usual this year, "
    "after the warmest summer since records began, the regional growers' association said on Monday.",
    "The association expects a smaller crop than last year because of the drought in July, but said "
    "the quality of the grapes was unusually high and the sugar levels were close to ideal.",
    "Several wineries have hired extra pickers from neighbouring regions to bring the harvest in "
    "before the rains forecast for the end of the month, and some are picking at night to keep the fruit cool.",
    "Growers warned that the early harvests of recent years were putting pressure on old vineyards, "
    "and said many were planting varieties that ripen later and cope better with heat.",
]
FOOTER = ["About us", "Contact", "Advertise", "Privacy policy", "Terms of use", "Careers"]
PAGE = "\n".join([*MENU, *ARTICLE, *FOOTER])


def test_packaged_model_matches_the_features() -> None:
    model = packaged_text_model()
    assert model.blocks.feature_names == FEATURE_NAMES
    assert model.context.feature_names == FEATURE_NAMES + CONTEXT_NAMES
    assert 0.0 < model.flow_threshold <= model.keep_threshold < 1.0 and "out of fold" in model.context.about
    for ensemble in (model.blocks, model.context):
        assert ensemble.feature.shape == ensemble.threshold.shape == ensemble.value.shape


def test_a_text_model_refuses_ensembles_trained_on_other_features() -> None:
    model = packaged_text_model()
    with pytest.raises(RuntimeError, match="retrain"):
        TextModel(model.context, model.blocks)


def test_the_second_stage_reads_the_first_stages_probabilities() -> None:
    """The text model's probability is the second ensemble's, over the features and the context of
    the first ensemble's probabilities."""
    model = packaged_text_model()
    rows = document_features(clean(PAGE, CleanOptions(format="text")))
    first = model.blocks.predict_proba(rows)
    expected = model.context.predict_proba(np.hstack([rows, probability_context(first, rows[:, 0])]))
    assert np.array_equal(model.predict_proba(rows), expected)
    assert model.predict_proba(np.zeros((0, len(FEATURE_NAMES)))).shape == (0,)


def test_tree_ensemble_evaluation_and_round_trip(tmp_path: Path) -> None:
    # One stump: feature 0 <= 0.5 goes left (leaf value -2), else right (leaf value +2).
    stump = TreeEnsemble(
        feature_names=("x", "y"),
        feature=np.array([[0, 0, 0]]),
        threshold=np.array([[0.5, 0.0, 0.0]]),
        left=np.array([[1, -1, -1]]),
        right=np.array([[2, -1, -1]]),
        value=np.array([[0.0, -2.0, 2.0]]),
        depth=1,
        init=0.0,
        learning_rate=1.0,
        keep_threshold=0.5,
        flow_threshold=0.1,
        restore_threshold=0.9,
        about="a stump",
    )
    rows = np.array([[0.0, 9.0], [1.0, 9.0]])
    expected = 1 / (1 + np.exp(-np.array([-2.0, 2.0])))
    assert np.allclose(stump.predict_proba(rows), expected)
    stump.save(tmp_path / "stump.npz")
    again = load(tmp_path / "stump.npz")
    assert again.about == "a stump" and np.allclose(again.predict_proba(rows), expected)
    assert stump.predict_proba(np.zeros((0, 2))).shape == (0,)


def test_whole_page_menu_and_footer_go_article_stays() -> None:
    document = clean(PAGE, CleanOptions(format="text"))
    removed = {b.text for b in document.blocks if b.removed is Reason.OUTSIDE_ARTICLE}
    assert set(MENU) <= removed
    assert all(paragraph in document.text() for paragraph in ARTICLE)
    # The footer's first lines, right after the last paragraph with nothing between, are judged with
    # the article's neighbourhood and kept when in doubt (keeping a footer line costs less than
    # losing the article's closing lines: see docs/quality.md); its end still goes, and every footer
    # line is far less likely than any paragraph.
    assert {"Terms of use", "Careers"} <= removed
    probability = {b.text: b.article_probability or 0.0 for b in document.blocks}
    assert max(probability[line] for line in FOOTER) < 0.75 < min(probability[p] for p in ARTICLE)
    menu_block = document.blocks[0]
    assert menu_block.rule == "block_classifier" and "article probability" in (menu_block.why or "")
    assert all(b.article_probability is not None for b in document.blocks)


def test_an_extracted_how_to_keeps_its_list() -> None:
    text = "\n".join(
        ["How to repot a cactus", *ARTICLE, "You will need:", "Gloves", "Fresh soil", "A larger pot"]
    )
    document = clean(text, CleanOptions(format="text"))
    assert document.text() == text
    assert all(b.article_probability is not None for b in document.blocks)


def test_steps_between_prose_paragraphs_are_in_the_article_flow() -> None:
    steps = ["1. Water the plant", "2. Loosen the soil", "3. Lift it out", "4. Set it in the new pot"]
    text = "\n".join([*MENU, ARTICLE[0], "Steps:", *steps, *ARTICLE[1:], *FOOTER])
    document = clean(text, CleanOptions(format="text"))
    flow = in_article_flow(document)
    by_text = {b.text: flow[b.index] for b in document.blocks}
    assert all(by_text[step] for step in steps) and by_text[ARTICLE[1]]
    assert not by_text["Home"] and not by_text["Careers"]
    assert all(step in document.text() for step in steps)
    assert "Careers" not in document.text() and "Home" not in document.text()


def test_a_lead_repeated_by_its_teaser_is_kept_once() -> None:
    teaser = " ".join(ARTICLE[0].split()[:12]) + "..."
    text = "\n".join(
        [
            teaser,
            *ARTICLE,
            "Related stories",
            "Harvest Festival Returns To The Valley",
            "New Ferry Timetable Starts In June",
            "Council Approves Budget For Schools",
        ]
    )
    document = clean(text, CleanOptions(format="text"))
    assert document.text().count(ARTICLE[0]) == 1 and teaser not in document.text()
    assert "Council Approves Budget For Schools" not in document.text()


def test_threshold_option_and_opt_out() -> None:
    assert "Home" in clean(PAGE, CleanOptions(format="text", outside_article_threshold=0.0)).text()
    assert clean(PAGE, CleanOptions(format="text", outside_article_threshold=1.0)).text() == ""
    kept = clean(PAGE, CleanOptions(format="text", reasons=frozenset(set(Reason) - {Reason.OUTSIDE_ARTICLE})))
    assert kept.text() == PAGE
    with pytest.raises(ValueError):
        CleanOptions(outside_article_threshold=1.5)


def test_html_pages_are_judged_by_the_page_model_not_the_line_classifier() -> None:
    page = "<html><body><article>" + "".join(f"<p>{p}</p>" for p in ARTICLE) + "</article></body></html>"
    document = clean(page)
    # Every block has the page model's probability, and none is removed by the plain-text classifier.
    assert all(b.article_probability is not None for b in document.blocks)
    assert document.text() == "\n".join(ARTICLE)


def test_feature_helpers() -> None:
    assert window_mean(np.array([1.0, 0.0, 0.0, 1.0]), 1).tolist() == [0.5, 1 / 3, 1 / 3, 0.5]
    assert np.exp(_log_distance_to(np.array([0.0, 0.0, 1.0, 0.0]))).round().tolist() == [3.0, 2.0, 1.0, 2.0]
    introduced, run = _list_context(np.array([0.0, 1.0, 1.0, 0.0, 1.0]), np.array([1.0, 0.0, 0.0, 0.0, 0.0]))
    assert introduced.tolist() == [0.0, 1.0, 1.0, 0.0, 0.0]
    assert np.exp(run).round().tolist() == [1.0, 3.0, 3.0, 1.0, 2.0]
    rows = document_features(clean(PAGE, CleanOptions(format="text")))
    assert rows.shape == (len(segment_text(PAGE).blocks), len(FEATURE_NAMES)) and np.isfinite(rows).all()


def test_a_page_where_nothing_reaches_the_threshold_keeps_its_best_blocks() -> None:
    # Only menu-like lines and one-line teasers: no block looks like article prose.
    lines = [*MENU, "Weather warning for the coast tonight", "Schools closed on Friday", *FOOTER]
    document = clean("\n".join(lines), CleanOptions(format="text"))
    best = max(b.article_probability or 0.0 for b in document.blocks)
    assert document.text(), "the fallback keeps the likeliest blocks instead of answering nothing"
    threshold = packaged_text_model().keep_threshold
    floor = 0.75 * best if best < threshold else threshold
    assert all((b.article_probability or 0.0) >= min(floor, 0.1) for b in document.kept_blocks)
    assert any(b.article_probability == best for b in document.kept_blocks)
