"""Several followup processes importing into one database at once lose nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
WRITERS = 6
ROUNDS = 3
PER_FILE = 5


def interchange(writer: int) -> dict[str, object]:
    return {
        "format": "followup/1",
        "interviews": [
            {"id": f"w{writer}-{n}", "company": f"Company {writer}", "role": f"Role {n}"}
            for n in range(PER_FILE)
        ],
    }


@pytest.mark.parametrize("attempt", range(ROUNDS))
def test_parallel_imports_lose_nothing(tmp_path: Path, attempt: int) -> None:
    db = tmp_path / "db.json"
    sources = []
    for writer in range(WRITERS):
        source = tmp_path / f"in-{writer}.json"
        source.write_text(json.dumps(interchange(writer)))
        sources.append(source)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("FOLLOWUP_DB", None)
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "app", "import", str(source), "--db", str(db)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for source in sources
    ]
    results = [(p.wait(timeout=120), *p.communicate()) for p in processes]

    exported = subprocess.run(
        [sys.executable, "-m", "app", "export", "--db", str(db)],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    stored = {i["id"] for i in json.loads(exported.stdout)["interviews"]}
    succeeded = 0
    for writer, (code, _, err) in enumerate(results):
        if code == 0:
            succeeded += 1
            assert {f"w{writer}-{n}" for n in range(PER_FILE)} <= stored
        else:
            # Only a lock held too long may stop one, and it says so in one line.
            assert err.count("\n") == 1 and "another followup" in err, err
    assert succeeded >= 1
    assert len(stored) == succeeded * PER_FILE
