"""Helpers shared by the store tests."""

from __future__ import annotations

import hashlib
import os
import subprocess
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).resolve().with_name("store_child.py")

# Starts ``store_child.py`` with the given arguments (the ``spawn`` fixture).
Spawn = Callable[..., subprocess.Popen[str]]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def temporaries(path: Path) -> list[str]:
    """The names of the write temporaries beside the database ``path``."""
    prefix = f".{path.name}.tmp-"
    return sorted(name for name in os.listdir(path.parent) if name.startswith(prefix))
