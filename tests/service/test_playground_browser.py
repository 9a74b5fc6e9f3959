"""The playground page in a real headless Chromium against the real server (uvicorn on a free port).

The browser is Debian's `chromium` package (/usr/bin/chromium), which `.ci/run` installs; Playwright
only drives it (its own browser download is never used). Without a Chromium the tests skip, unless
ARTICLE_CLEANER_REQUIRE_BROWSER is set, as CI sets it, where a missing browser is a failure.

PLAYGROUND_SCREENSHOT=docs/playground.png makes the first test save what it saw (`make screenshot`).
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cleaner.mark.rules import PHRASE_RULES
from tests.conftest import FIXTURES

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
# What works as root on a closed network: no sandbox (root), no GPU, and none of the background
# connections (updates, sync, QUIC probes) that a machine without internet refuses by the dozen.
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PAGE = FIXTURES / "sofrep-lavrov-kuleba.txt"
EXPECT = json.loads(PAGE.with_suffix(".expect.json").read_text())
PAYWALL = "You've reached your daily free article limit."
RULES = {rule.name: rule for rule in PHRASE_RULES}
HEADLINES = [
    "Luigi Mangione, Suspect in UnitedHealthcare CEO Murder, Held in Custody in PA",
    "Inside Delta Force: America’s Most Elite Special Mission Unit",
    "Navy SEALs To Rally Behind Pete Hegseth in a March on Washington",
    "Head Coast Guard Chaplain Removed Due To Knowledge of Sexual Misconduct",
    "What Assad’s Downfall Means for Syria and the Middle East",
]


@pytest.fixture(scope="module")
def browser(request: pytest.FixtureRequest) -> Iterator[Any]:
    """One headless Chromium (fresh profile) for the module; each test opens its own page."""
    if not CHROMIUM.exists():
        reason = (
            f"no Chromium at {CHROMIUM}: install Debian's package (apt-get install chromium) or set CHROMIUM"
        )
        if os.environ.get("ARTICLE_CLEANER_REQUIRE_BROWSER"):
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    server_url = request.getfixturevalue("server_url")  # started only once there is a browser
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as profile:
        context = playwright.chromium.launch_persistent_context(
            profile,
            executable_path=str(CHROMIUM),
            headless=True,
            args=FLAGS,
            viewport={"width": 1280, "height": 900},
            base_url=server_url,
        )
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server_url)
        yield context
        context.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A new tab on the playground; fails the test on a script error, a console error (a CSP
    violation) or a file of the page that did not load (API answers are the tests' business)."""
    tab = browser.new_page()
    problems: list[str] = []
    tab.on("pageerror", lambda error: problems.append(str(error)))
    tab.on(
        "console",
        lambda message: (
            message.type == "error"
            and not message.text.startswith("Failed to load resource")
            and problems.append(message.text)
        ),
    )
    tab.on(
        "response",
        lambda response: (
            response.status >= 400 and "/v1/" not in response.url and problems.append(response.url)
        ),
    )
    tab.goto("/")
    yield tab
    tab.close()
    assert not problems, problems


def _clean(page: Any, content: str) -> None:
    page.get_by_label("HTML or text").fill(content)
    page.get_by_role("button", name="Clean", exact=True).click()
    page.locator("#status").filter(has_text="Cleaned").wait_for()


def test_the_example_page_shows_every_removal_in_place(page: Any) -> None:
    _clean(page, PAGE.read_text())

    paywall = page.locator("#blocks li", has_text=PAYWALL)
    assert paywall.get_attribute("data-reason") == "paywall"
    assert paywall.locator("del").inner_text() == PAYWALL
    assert paywall.locator(".badge").inner_text() == "paywall"
    for headline in HEADLINES:
        item = page.locator("#blocks li", has_text=headline)
        assert item.get_attribute("data-reason") == "related_links", headline
        assert item.locator("del").inner_text() == headline
        assert item.locator(".badge").inner_text() == "related_links"
    duplicate = page.locator('#blocks li[data-reason="duplicate"]')
    assert duplicate.locator(".badge").inner_text() == "duplicate of block 0"

    kept = page.locator(
        "#blocks li.kept > .body > .text"
    )  # a kept block's own text (not a removed fragment's)
    kept_text = "\n".join(kept.all_inner_texts())
    for snippet in EXPECT["with"]:
        assert snippet in kept_text, snippet
    assert page.locator("#blocks li.kept > .body > .removal").count() == 0
    assert PAYWALL not in kept_text

    counts = {
        item.get_attribute("data-reason"): item.inner_text()
        for item in page.locator("#counts li[data-reason]").all()
    }
    assert counts == {reason: f"{reason} {n}" for reason, n in EXPECT["removed"].items()}
    assert "Format\ntext" in page.locator("#metadata").inner_text()

    clean_text = page.locator("#clean-text").input_value()
    assert EXPECT["with"][0] in clean_text and PAYWALL not in clean_text
    if target := os.environ.get("PLAYGROUND_SCREENSHOT"):
        page.screenshot(path=target, full_page=True)

    page.get_by_role("button", name="Copy text").click()
    page.locator("#copy-status").filter(has_text="Copied").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == clean_text

    page.get_by_label("Show removed blocks").uncheck()
    assert paywall.is_hidden() and kept.first.is_visible()


def test_page_content_is_shown_as_text_never_run(page: Any) -> None:
    hostile = (
        '<img src=x onerror="window.pwned = 1"> and <script>window.pwned = 2</script> '
        "in the first sentence of a long enough article paragraph, as scrapers sometimes leave it."
    )
    page.get_by_label("text", exact=True).check()
    page.get_by_label("HTML or text").fill(hostile)
    page.get_by_label("HTML or text").press("Control+Enter")  # the keyboard way to clean
    page.locator("#status").filter(has_text="Cleaned").wait_for()
    assert page.locator("#blocks li.kept").first.inner_text().endswith(hostile)
    assert page.evaluate("window.pwned") is None
    assert page.locator("#blocks img, #blocks script").count() == 0


# A drop of a file, as the browser delivers it to the panel.
_DROP = """([name, text]) => {
    const data = new DataTransfer();
    data.items.add(new File([text], name, { type: "text/html" }));
    const drop = new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true });
    document.getElementById("content").dispatchEvent(drop);
}"""


@pytest.mark.parametrize("how", ["chosen", "dropped"])
def test_a_chosen_or_dropped_file_is_sent_as_is(page: Any, how: str) -> None:
    html = FIXTURES / "harbour-library-paywall.html"
    if how == "chosen":
        page.get_by_label("Or a file").set_input_files(str(html))
    else:
        page.evaluate(_DROP, [html.name, html.read_text()])
    assert html.name in page.locator("#file-chosen").inner_text()
    page.get_by_role("button", name="Clean", exact=True).click()
    page.locator("#status").filter(has_text="Cleaned").wait_for()
    assert "Format\nhtml" in page.locator("#metadata").inner_text()
    assert page.locator('#blocks li[data-reason="paywall"]').count() >= 1
    assert page.get_by_label("HTML or text").input_value() == ""  # the file went, not the text box


def test_errors_are_shown_with_code_and_request_id(page: Any) -> None:
    page.get_by_label("Or a file").set_input_files(
        files=[{"name": "photo.png", "mimeType": "image/png", "buffer": b"\x89PNG\r\n\x1a\n" + bytes(64)}]
    )
    page.get_by_role("button", name="Clean", exact=True).click()
    status = page.locator("#status.error")
    status.wait_for()
    assert "415 binary_input" in status.inner_text() and "request id" in status.inner_text()


def test_an_error_clears_the_previous_result(page: Any) -> None:
    _clean(page, PAGE.read_text())
    assert page.locator("#blocks li").count() > 0
    page.get_by_label("Or a file").set_input_files(
        files=[{"name": "photo.png", "mimeType": "image/png", "buffer": b"\x89PNG\r\n\x1a\n" + bytes(64)}]
    )
    page.get_by_role("button", name="Clean", exact=True).click()
    page.locator("#status.error").wait_for()
    # Nothing of the earlier page stays on screen as if it were this file's result.
    assert page.locator("#blocks li").count() == 0 and page.locator("#summary").is_hidden()
    assert page.locator("#clean-text").input_value() == "" and page.locator("#article-empty").is_visible()


@pytest.mark.parametrize("width", [1280, 390])
def test_a_long_file_name_stays_inside_its_panel(page: Any, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    name = "scraped-" + "x" * 240 + ".html"
    page.get_by_label("Or a file").set_input_files(
        files=[{"name": name, "mimeType": "text/html", "buffer": b"<p>Short page.</p>"}]
    )
    shown = page.locator("#file-chosen")
    assert name in shown.inner_text()
    panel = page.locator("#drop-zone").bounding_box()
    for element in (shown, page.get_by_label("Or a file")):
        box = element.bounding_box()
        assert box["x"] >= panel["x"] and box["x"] + box["width"] <= panel["x"] + panel["width"] + 0.5
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_the_api_docs_work_without_internet(browser: Any, server_url: str) -> None:
    """/docs renders every route with nothing but the service's own files: any other request fails."""
    tab = browser.new_page()
    outside: list[str] = []

    def only_the_service(route: Any) -> None:
        if route.request.url.startswith(server_url):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    tab.route("**/*", only_the_service)
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.goto("/docs")
    tab.locator(".opblock").first.wait_for()
    paths = {text.strip() for text in tab.locator(".opblock-summary-path").all_inner_texts()}
    tab.close()
    assert {"/v1/clean", "/v1/clean/batch", "/healthz"} <= paths
    assert outside == [] and errors == []


def test_explanations_are_short_reasons_for_users(page: Any) -> None:
    _clean(page, PAGE.read_text())
    paywall = page.locator("#blocks li", has_text=PAYWALL)
    assert paywall.locator(".why").inner_text() == RULES["free_article_limit"].why
    whys = page.locator("#blocks .why").all_inner_texts()
    assert whys and all(len(why) <= 80 and "'" not in why for why in whys), whys


def test_the_rendering_selector_shows_and_copies_markdown(page: Any) -> None:
    page.get_by_label("Markdown", exact=True).check()
    _clean(page, "## Port reopens\n\n" + PAGE.read_text())
    assert "Markdown" in page.locator("#clean-text-title").inner_text()
    markdown = page.locator("#clean-text").input_value()
    assert markdown.startswith("## Port reopens\n\n") and PAYWALL not in markdown
    page.get_by_role("button", name="Copy Markdown").click()
    page.locator("#copy-status").filter(has_text="Copied").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == markdown


def test_blocks_outside_the_article_are_collapsed_until_opened(page: Any) -> None:
    page.get_by_label("Or a file").set_input_files(str(FIXTURES / "harbour-library-paywall.html"))
    page.get_by_role("button", name="Clean", exact=True).click()
    page.locator("#status").filter(has_text="Cleaned").wait_for()
    outside = page.locator("#blocks li.outside").first
    assert "outside the article" in outside.locator("summary").inner_text()
    hidden_block = outside.locator("li.block").first
    assert hidden_block.is_hidden()
    outside.locator("summary").click()
    assert hidden_block.is_visible() and hidden_block.locator(".badge").inner_text() == "outside_article"
