"""The command line called as a test calls it: in this process, its output captured."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.cli import main


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """The exit status, standard output and standard error of ``followup ARGV``."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def imported(tmp_path: Path, capsys: pytest.CaptureFixture[str], document: Any) -> Path:
    """A database made by importing ``document`` (an interchange file's contents)."""
    source = tmp_path / "in.json"
    source.write_text(json.dumps(document))
    path = tmp_path / "db.json"
    assert main(["import", str(source), "--db", str(path)]) == 0
    capsys.readouterr()
    return path


def demo_database(folder: Path, capsys: pytest.CaptureFixture[str], at: str) -> Path:
    """A database filled by ``followup demo`` at ``at`` (what the command printed is read)."""
    db = folder / "db.json"
    assert main(["demo", "--db", str(db), "--at", at]) == 0
    capsys.readouterr()
    return db
