"""What can be checked of the Docker image without a Docker engine: its shape, and that the command
it runs exists and starts the service (run here from the installed package, as the image would)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import httpx

from tests.conftest import ROOT, free_port, start_server, stop_server

DOCKERFILE = ROOT / "Dockerfile"


def _instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, continuation lines joined, comments dropped."""
    text = re.sub(r"\\\n", " ", DOCKERFILE.read_text())
    pairs = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            keyword, _, rest = line.partition(" ")
            pairs.append((keyword.upper(), rest.strip()))
    return pairs


def _one(keyword: str) -> str:
    values = [rest for key, rest in _instructions() if key == keyword]
    assert values, f"Dockerfile has no {keyword}"
    return values[-1]


def _env() -> dict[str, str]:
    env: dict[str, str] = {}
    for key, rest in _instructions():
        if key == "ENV":
            env.update(dict(re.findall(r"(\w+)=(\S+)", rest)))
    return env


def test_dockerfile_shape() -> None:
    assert re.fullmatch(r"python:3\.1[1-9]-slim(-\w+)?", _one("FROM"))
    assert _one("USER") not in {"root", "0"}
    assert _one("EXPOSE") == "8000"
    assert _env()["CLEANER_PORT"] == "8000" and _env()["CLEANER_HOST"] == "0.0.0.0"
    assert _one("HEALTHCHECK").startswith("--interval")
    assert ".venv" in (ROOT / ".dockerignore").read_text()


def test_dependencies_are_installed_in_a_layer_before_the_code() -> None:
    """A code change must not reinstall every dependency: they come from pyproject.toml alone,
    in a RUN before any COPY of the code; the code is then installed without them."""
    steps = [(key, rest) for key, rest in _instructions() if key in {"COPY", "RUN"}]
    first_code = next(i for i, (key, rest) in enumerate(steps) if key == "COPY" and "cleaner" in rest)
    before = steps[:first_code]
    assert ("COPY", "pyproject.toml ./") in before
    assert any(key == "RUN" and "pip install -r" in rest and "tomllib" in rest for key, rest in before)
    assert any(key == "RUN" and "pip install --no-deps ." in rest for key, rest in steps[first_code:])
    for name in ("docker", "tests", ".venv"):
        assert name in (ROOT / ".dockerignore").read_text().split()


def test_the_image_command_starts_the_service(tmp_path: Path) -> None:
    command = json.loads(_one("CMD"))
    executable = shutil.which(
        command[0], path=os.pathsep.join([str(Path(sys.executable).parent), os.environ["PATH"]])
    )
    assert executable, f"{command[0]} is not installed"
    port = free_port()
    env = {**_env(), "CLEANER_HOST": "127.0.0.1", "CLEANER_PORT": str(port)}
    process, base_url = start_server([executable, *command[1:]], env, port, tmp_path / "server.log")
    try:
        response = httpx.post(f"{base_url}/v1/clean", content=b"Hello from the image.", timeout=30)
        assert response.json()["text"] == "Hello from the image."
        healthcheck = json.loads(_one("HEALTHCHECK").split(" CMD ", 1)[1])
        assert healthcheck[0] == "python"
        probe = subprocess.run([sys.executable, *healthcheck[1:]], env={**os.environ, **env}, timeout=30)
        assert probe.returncode == 0
    finally:
        stop_server(process)
