"""The files followup keeps and reads: never written over by an output, private from the moment
they exist, read only when they are regular files of a bounded size, and never replaced when
the user made them read-only."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main

AT = "2026-12-04T09:00:00+00:00"


@pytest.fixture
def demo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    db = tmp_path / "db.json"
    assert main(["demo", "--db", str(db), "--at", AT]) == 0
    capsys.readouterr()
    return db


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# --------------------------------------------------------------------------- outputs


@pytest.mark.parametrize("name", ["before-restore-20261204T185105", "before-restore-x-2"])
def test_an_output_never_writes_over_a_copy_kept_by_restore(
    demo: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    kept = demo.with_name(f"{demo.name}.{name}")
    kept.write_bytes(demo.read_bytes())
    before = kept.read_bytes()
    code, out, err = _run(capsys, "calendar", "--db", str(demo), "--at", AT, "--out", str(kept))
    assert (code, out) == (1, "")
    assert err == (
        f"followup: --out {kept} is a copy of the database kept by `followup restore`: "
        "give another file\n"
    )
    assert kept.read_bytes() == before
