"""What a user installs: one version everywhere, the type hints shipped, and `make serve` installing
the runtime only while `make test` adds the development tools."""

from __future__ import annotations

import importlib.metadata
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

import cleaner
from service.version import VERSION
from tests.conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())


def test_one_version_everywhere() -> None:
    project = PYPROJECT["project"]
    assert "version" not in project and "version" in project["dynamic"]
    assert PYPROJECT["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "cleaner.version.__version__"}
    assert importlib.metadata.version("article-cleaner") == cleaner.__version__ == VERSION


def test_type_hints_are_shipped() -> None:
    """PEP 561: the marker file is in the package and declared as package data (so in the wheel)."""
    assert (ROOT / "cleaner" / "py.typed").is_file()
    assert "py.typed" in PYPROJECT["tool"]["setuptools"]["package-data"]["cleaner"]


def _plan(target: str, tmp_path: Path) -> str:
    """What `make TARGET` would run on a fresh clone (a venv that does not exist yet)."""
    done = subprocess.run(
        ["make", "-n", target, f"VENV={tmp_path / 'venv'}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_make_serve_installs_the_runtime_only_and_make_test_the_rest(tmp_path: Path) -> None:
    serve, test = _plan("serve", tmp_path), _plan("test", tmp_path)
    assert "pip install --quiet -e .\n" in serve and "[dev]" not in serve
    assert "article-cleaner serve" in serve
    assert "pip install --quiet -e '.[dev]'" in test and "pytest" in test
    dev = set(PYPROJECT["project"]["optional-dependencies"]["dev"])
    runtime = " ".join(PYPROJECT["project"]["dependencies"])
    for tool in ("pytest", "ruff", "mypy", "playwright", "hypothesis", "scikit-learn"):
        assert any(tool in requirement for requirement in dev) and tool not in runtime
