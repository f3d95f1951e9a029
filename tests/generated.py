"""Databases of generated interviews, as the benches make them, for tests that need a file of
some size."""

from __future__ import annotations

from pathlib import Path

from app.store.repository import Repository
from bench.generate import generate_pipeline


def generated_bytes(folder: Path, count: int, *, seed: int = 1, zone: str = "UTC") -> bytes:
    """The bytes of a database of ``count`` generated interviews, made in ``folder``."""
    path = folder / "db.json"
    Repository(path, default_zone=zone).import_pipeline(
        generate_pipeline(count, seed=seed), replace=False
    )
    return path.read_bytes()
