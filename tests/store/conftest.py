from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from store_support import CHILD, REPO, Spawn


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "followup.json"


@pytest.fixture
def spawn() -> Iterator[Spawn]:
    """Start ``store_child.py`` in a new interpreter; children still running are killed after."""
    children: list[subprocess.Popen[str]] = []

    def start(*args: object) -> subprocess.Popen[str]:
        child = subprocess.Popen(
            [sys.executable, str(CHILD), *map(str, args)],
            cwd=REPO,
            env=dict(os.environ, PYTHONPATH=str(REPO)),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        children.append(child)
        return child

    yield start
    for child in children:
        if child.poll() is None:
            child.kill()
        child.communicate(timeout=30)
