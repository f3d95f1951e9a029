"""The import-linter contracts of pyproject.toml hold, and a wrong import breaks the one named
for what it protects."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT = "import sys; from importlinter.cli import lint_imports_command; lint_imports_command()"


def lint(folder: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(folder)}
    return subprocess.run(
        [sys.executable, "-c", LINT, "--no-cache", "--config", str(folder / "pyproject.toml")],
        capture_output=True,
        text=True,
        cwd=folder,
        env=env,
        check=False,
        timeout=300,
    )


def test_the_contracts_hold() -> None:
    done = lint(ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "broken" in done.stdout and " 0 broken" in done.stdout
    assert done.stdout.count(" KEPT") >= 6


@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        ("app/engine/action.py", "import textual", "Textual stays in the interface"),
        (
            "app/ui/format.py",
            "from app.store.repository import Repository",
            "Only the services reach the store",
        ),
        (
            "app/commands/export.py",
            "from app.store.storage import SafeJSONStorage",
            "Only the services reach the store",
        ),
        (
            "app/ui/format.py",
            "from app.services.records import Records",
            "The dashboard sees the data only through its workspace",
        ),
        (
            "app/drafts/fields.py",
            "from app.services import Workspace",
            "The layers point one way: interfaces, services, the core, the records",
        ),
        (
            "app/engine/facts.py",
            "import app.ui.format",
            "The layers point one way: interfaces, services, the core, the records",
        ),
        ("app/services/opening.py", "import app.demo", "The application does not depend on its"),
    ],
)
def test_a_wrong_import_breaks_the_contract_named_for_it(
    tmp_path: Path, module: str, line: str, contract: str
) -> None:
    shutil.copytree(ROOT / "app", tmp_path / "app", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    target = tmp_path / module
    target.write_text(f"{target.read_text(encoding='utf-8')}\n{line}\n", encoding="utf-8")
    done = lint(tmp_path)
    assert done.returncode != 0, done.stdout
    broken = [row for row in done.stdout.splitlines() if row.endswith(" BROKEN")]
    assert any(row.startswith(contract) for row in broken), done.stdout
