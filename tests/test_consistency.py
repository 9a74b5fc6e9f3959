"""Every face calls the same clean(): the CLI, the directory batch, the single and batch endpoints
give the same text for every fixture page."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import httpx
import pytest

from cleaner import CleanOptions, clean
from tests.conftest import CLI, FIXTURES

PAGES = sorted(p for p in FIXTURES.iterdir() if p.suffix in {".html", ".txt"}) if FIXTURES.is_dir() else []


def _format(page: Path) -> str:
    expect = page.with_suffix(".expect.json")
    return json.loads(expect.read_text())["format"] if expect.exists() else "auto"


@pytest.fixture(scope="module")
def batch_outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The directory batch over all fixture pages (auto format), output text per page name."""
    out = tmp_path_factory.mktemp("batch")
    subprocess.run(
        [*CLI, "clean", str(FIXTURES), "-o", str(out), "--jobs", "2"], capture_output=True, timeout=300
    )
    return {
        json.loads(line)["path"]: (out / json.loads(line)["output"]).read_text()
        for line in (out / "report.jsonl").read_text().splitlines()
        if json.loads(line)["status"] == "ok"
    }


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_all_faces_agree(
    page: Path, server_url: str, http: httpx.Client, batch_outputs: dict[str, str]
) -> None:
    raw = page.read_bytes()
    format = _format(page)
    library = clean(raw, CleanOptions(format=format)).text()  # type: ignore[arg-type]
    assert library, "a fixture page must keep some text"

    cli = subprocess.run([*CLI, "clean", str(page), "--format", format], capture_output=True, timeout=120)
    assert cli.returncode == 0, cli.stderr
    assert cli.stdout.decode() == library + "\n"

    single = http.post(f"{server_url}/v1/clean", params={"format": format}, content=raw)
    assert single.status_code == 200 and single.json()["text"] == library

    as_json = http.post(f"{server_url}/v1/clean", json={"content": raw.decode(), "format": format})
    assert as_json.json()["text"] == library

    batch = http.post(
        f"{server_url}/v1/clean/batch",
        json={"documents": [{"id": page.name, "content": raw.decode(), "format": format}]},
    )
    assert batch.json()["results"][0]["result"]["text"] == library

    auto = clean(raw).text()
    assert batch_outputs[page.name] == auto + "\n"
