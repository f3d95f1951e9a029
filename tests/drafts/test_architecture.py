"""Drafts and the clipboard stay out of the UI and the storage, and do nothing on import."""

from __future__ import annotations

import ast
import json
import os
from pathlib import Path

from tests.fresh import fresh_python

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("app/drafts", "app/clipboard")
FORBIDDEN = ("textual", "tinydb")

PROBE = """
import json, sys, threading
before = set(sys.modules)
import app.drafts, app.drafts.compose, app.drafts.library, app.clipboard, app.commands.draft
loaded = sorted(set(sys.modules) - before)
print(json.dumps({"loaded": loaded, "threads": threading.active_count()}))
"""


def test_no_textual_or_tinydb_in_the_source() -> None:
    for folder in PACKAGES:
        for path in (ROOT / folder).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom):
                    names = [node.module or ""]
                else:
                    continue
                for name in names:
                    assert name.split(".")[0] not in FORBIDDEN, f"{path}: imports {name}"


def test_importing_does_nothing(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "FOLLOWUP_"))}
    env.update(HOME=str(home), PYTHONPATH=str(ROOT), PYTHONDONTWRITEBYTECODE="1")
    done = fresh_python(PROBE, cwd=tmp_path, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    roots = {name.split(".")[0] for name in report["loaded"]}
    for name in (*FORBIDDEN, "pyperclip", "platformdirs"):
        assert name not in roots, f"importing the drafts loads {name}"
    assert report["threads"] == 1
    assert list(home.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home"]
