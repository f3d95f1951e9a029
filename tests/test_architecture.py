"""The layers point one way: the core never imports the interface or the storage engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fresh import fresh_python

ROOT = Path(__file__).resolve().parent.parent
CORE = [
    "app.domain",
    "app.engine",
    "app.drafts",
    "app.store",
    "app.when",
    "app.insights",
    "app.feeds",
    "app.clipboard",
    "app.services",
    "app.demo",
]


def modules_of(package: str) -> list[str]:
    folder = ROOT / package.replace(".", "/")
    if not folder.is_dir():
        return [package]
    found = sorted(
        ".".join(path.relative_to(ROOT).with_suffix("").parts)
        for path in folder.rglob("*.py")
        if path.name != "__init__.py"
    )
    return [*found, package]


@pytest.mark.parametrize("package", CORE)
def test_the_core_never_imports_textual(package: str) -> None:
    names = modules_of(package)
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(bad))\n"
    )
    done = fresh_python(code)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "", f"{package} imports {done.stdout.strip()}"


@pytest.mark.parametrize(
    "package",
    ["app.domain", "app.engine", "app.drafts", "app.when", "app.insights", "app.feeds"],
)
def test_the_pure_layers_never_import_tinydb(package: str) -> None:
    names = modules_of(package)
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}: importlib.import_module(name)\n"
        "print('tinydb' in sys.modules)\n"
    )
    done = fresh_python(code)
    assert done.stdout.strip() == "False", done.stderr


def test_the_dashboard_starts_without_the_date_grammar() -> None:
    """Saying moments back is needed from the first frame; reading typed ones (the grammar,
    meetings pasted) only when a form asks, and then ``app.when`` still gives it."""
    code = (
        "import sys\n"
        "import app.services.opening, app.ui.factory\n"
        "early = [m for m in ('app.when.parse', 'app.when.span') if m in sys.modules]\n"
        "from app.when import parse_when, parse_span\n"
        "print(','.join(early), parse_when.__module__, parse_span.__module__)\n"
    )
    done = fresh_python(code)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["app.when.parse", "app.when.span"]
