"""The examples in the package's docstrings run as doctests."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import nascar_kg


SUBPACKAGES = ("ontology", "graph", "loaders", "queries", "visualizations", "cli")


def _modules():
    # The subpackages live in top-level folders mapped into nascar_kg, so walk each one.
    names = ["nascar_kg"]
    roots = [nascar_kg] + [importlib.import_module(f"nascar_kg.{s}") for s in SUBPACKAGES]
    for root in roots:
        for info in pkgutil.walk_packages(root.__path__, root.__name__ + "."):
            if not info.name.endswith("__main__") and info.name not in names:
                names.append(info.name)
    return sorted(names)


@pytest.mark.parametrize("name", _modules())
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} doctest(s) failed in {name}"


def test_subpackages_are_found():
    names = _modules()
    for sub in SUBPACKAGES:
        assert any(n.startswith(f"nascar_kg.{sub}") for n in names), sub
