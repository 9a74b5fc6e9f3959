"""The playground's files as the service serves them (the browser test checks what they do)."""

from __future__ import annotations

import re

import pytest

from service.playground import ASSETS, STATIC
from tests.conftest import Api


def test_the_page_is_served_with_a_strict_content_security_policy(api: Api) -> None:
    response = api.get("/")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    policy = response.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src 'self'" in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    # Everything the page loads is the service's own: no CDN, no build step.
    references = [ref for ref in re.findall(r'(?:src|href)="([^"]+)"', response.text) if ref[0] != "#"]
    assert "/static/playground.js" in references and "/static/playground.css" in references
    for reference in references:
        assert reference.startswith("/") and not reference.startswith("//"), reference
        assert api.get(reference).status_code == 200, reference


@pytest.mark.parametrize("name", sorted(ASSETS))
def test_assets_have_their_types(api: Api, name: str) -> None:
    response = api.get(f"/static/{name}")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(ASSETS[name])


@pytest.mark.parametrize(
    "path", ["/static/index.py", "/static/..%2Fplayground.py", "/static/", "/static/x/y"]
)
def test_nothing_else_is_served(api: Api, path: str) -> None:
    response = api.get(path)
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"


def test_the_script_never_writes_markup() -> None:
    """Page content is hostile: the script builds nodes and sets text, never parses HTML."""
    script = (STATIC / "playground.js").read_text()
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in script, sink


def test_every_file_of_the_page_is_package_data() -> None:
    """A non-editable install (the Docker image) must carry the page: pyproject ships static/*."""
    pyproject = (STATIC.parent.parent / "pyproject.toml").read_text()
    assert 'service = ["static/*"]' in pyproject
    assert {path.name for path in STATIC.iterdir()} == {"index.html", *ASSETS}
