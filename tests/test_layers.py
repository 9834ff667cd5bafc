"""Imports flow one way: ontology ← graph ← loaders, queries ← visualizations ← cli.

Checked statically over the source files, so a violation is caught even in a
function body (where heavy imports live). ``nascar_kg.errors`` and
``nascar_kg.config`` may be imported from anywhere.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = {"ontology": "ontology", "graph": "graph", "loaders": "loaders",
           "queries": "queries", "visualizations": "visualizations"}
ALLOWED = {
    "ontology": set(),
    "graph": {"ontology"},
    "loaders": {"ontology", "graph"},
    "queries": {"ontology", "graph"},
    "visualizations": {"ontology", "graph"},
}
ANYWHERE = {"errors", "config"}


def _imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            yield node.module, node.lineno
        elif isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno


@pytest.mark.parametrize("layer", sorted(FOLDERS))
def test_layer_imports(layer):
    problems = []
    for path in sorted((ROOT / FOLDERS[layer]).rglob("*.py")):
        for module, line in _imports(path):
            parts = module.split(".")
            if parts[0] in FOLDERS:
                problems.append(f"{path.relative_to(ROOT)}:{line}: bare import {module}")
            if parts[0] != "nascar_kg" or len(parts) < 2:
                continue
            target = parts[1]
            if target in ANYWHERE or target == layer:
                continue
            if target not in ALLOWED[layer]:
                problems.append(f"{path.relative_to(ROOT)}:{line}: {layer} imports {module}")
    assert problems == []


def test_nothing_imports_the_cli():
    problems = []
    for folder in FOLDERS.values():
        for path in (ROOT / folder).rglob("*.py"):
            for module, line in _imports(path):
                if module.startswith("nascar_kg.cli"):
                    problems.append(f"{path.relative_to(ROOT)}:{line}")
    assert problems == []
