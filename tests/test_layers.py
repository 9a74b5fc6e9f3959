"""The tree tells the design: inside `cleaner/`, imports only run down the layers below.

A module may import from its own wing or from a wing of a lower layer; wings of one layer are
siblings and never import each other (`mark` and `near` share what they need through `sketch`).
The library never imports the service or a web framework. Read from the source with `ast`, so
imports inside functions count too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "cleaner"

# Lowest first. A wing is a folder of cleaner/ or a top-level module; `__init__` (the public facade)
# sits above them all and nothing inside the library may import it.
LAYERS: tuple[frozenset[str], ...] = (
    frozenset({"document", "errors", "data", "version"}),
    frozenset({"options", "sketch"}),
    frozenset({"read", "render"}),
    frozenset({"mark", "near"}),
    frozenset({"pipeline", "result"}),
    frozenset({"isolate", "evaluate"}),
    frozenset({"batch"}),
    frozenset({"cli"}),
)
LAYER_OF = {wing: level for level, wings in enumerate(LAYERS) for wing in wings}
FACADE = "__init__"
FORBIDDEN_PACKAGES = ("service", "fastapi", "starlette", "uvicorn")
# The one exception: `article-cleaner serve` starts the service, importing it only when asked.
FACES_MAY_IMPORT = {"cli": frozenset({"service"})}


def wing_of(module: str) -> str:
    """`cleaner.mark.rules.base` -> `mark`; `cleaner` (the package itself) -> the facade."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else FACADE


def module_name(path: Path) -> str:
    relative = path.relative_to(ROOT).with_suffix("")
    parts = relative.parts[:-1] if relative.name == "__init__" else relative.parts
    return ".".join(parts)


def imported_modules(source: str, importer: str, is_package: bool = False) -> list[tuple[int, str]]:
    """(line, absolute module) for every import in the source, relative ones resolved."""
    package = importer.split(".") if is_package else importer.split(".")[:-1]
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package[: len(package) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.append((node.lineno, base))
            # `from cleaner import mark` imports the wing `cleaner.mark`, not the facade.
            if base == "cleaner" and all(alias.name in LAYER_OF for alias in node.names):
                found[-1:] = [(node.lineno, f"cleaner.{alias.name}") for alias in node.names]
    return found


def violations(importer: str, source: str, is_package: bool = False) -> list[str]:
    """Why each import of `importer` breaks the layering (empty when none does)."""
    wing = wing_of(importer)
    if wing == FACADE:
        return []
    problems: list[str] = []
    for line, target in imported_modules(source, importer, is_package):
        top = target.split(".")[0]
        if top in FORBIDDEN_PACKAGES and top not in FACES_MAY_IMPORT.get(wing, ()):
            problems.append(
                f"{importer}:{line} imports {target}: the library never imports the service or a web framework"
            )
            continue
        if top != "cleaner":
            continue
        if target == "cleaner":
            problems.append(
                f"{importer}:{line} imports the public facade `cleaner`: import the module itself"
            )
            continue
        other = wing_of(target)
        if other == wing:
            continue
        if other not in LAYER_OF:
            problems.append(f"{importer}:{line} imports {target}, whose wing {other!r} has no layer")
        elif LAYER_OF[other] >= LAYER_OF[wing]:
            problems.append(
                f"{importer}:{line} imports {target}: {wing!r} (layer {LAYER_OF[wing]}) may only use lower layers, "
                f"{other!r} is layer {LAYER_OF[other]}"
            )
    return problems


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_every_wing_has_a_layer() -> None:
    wings = {wing_of(module_name(path)) for path in MODULES} - {FACADE}
    assert wings - LAYER_OF.keys() == set(), "place the new wing in LAYERS"
    assert LAYER_OF.keys() - wings == set(), "LAYERS names a wing that no longer exists"


@pytest.mark.parametrize("path", MODULES, ids=lambda path: str(path.relative_to(PACKAGE)))
def test_imports_run_down(path: Path) -> None:
    assert violations(module_name(path), path.read_text(encoding="utf-8"), path.name == "__init__.py") == []


def test_each_wing_says_what_it_does_and_may_use() -> None:
    for folder in sorted(p for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()):
        if folder.name == "data":
            continue
        docstring = ast.get_docstring(ast.parse((folder / "__init__.py").read_text(encoding="utf-8")))
        assert docstring, f"{folder.name}/__init__.py needs a docstring: what the wing does, what it may use"
        assert "use" in docstring, f"{folder.name}/__init__.py: say what the wing may use"


@pytest.mark.parametrize(
    ("importer", "source", "complaint"),
    [
        ("cleaner.read.segment", "from cleaner.mark.rules import PHRASE_RULES", "may only use lower layers"),
        ("cleaner.near.corpus", "from cleaner.mark import duplicates", "may only use lower layers"),
        ("cleaner.mark.title", "import cleaner.near.store", "may only use lower layers"),
        (
            "cleaner.sketch.lsh",
            "def f():\n    from cleaner.pipeline import clean",
            "may only use lower layers",
        ),
        ("cleaner.pipeline", "from cleaner import clean", "public facade"),
        ("cleaner.mark.boilerplate", "from fastapi import FastAPI", "never imports the service"),
        ("cleaner.mark.rules.base", "from ...near import store", "may only use lower layers"),
        ("cleaner.mark.rules.base", "from ..duplicates import x", None),
        ("cleaner.mark.rules.base", "from .prefilter import x", None),
        ("cleaner.mark.duplicates", "from cleaner.sketch.minhash import sign", None),
        ("cleaner.batch.jobs", "from service.server import serve", "never imports the service"),
        ("cleaner.cli", "from service.server import serve", None),
        ("cleaner.batch.tasks", "from cleaner.isolate.deadline import DeadlinePool", None),
    ],
)
def test_the_checker_catches_upward_imports(importer: str, source: str, complaint: str | None) -> None:
    found = violations(importer, source)
    if complaint is None:
        assert found == []
    else:
        assert len(found) == 1 and complaint in found[0]
