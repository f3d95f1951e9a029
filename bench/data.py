"""The databases the benches read, generated once per run.

``python -m bench`` generates every size into one temporary folder and hands it to each script
(``--data``); a script run alone generates into a temporary folder of its own. Nothing is kept
between runs, so a change to the generator or to the file format is always measured.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_GENERATE = """
import sys
from pathlib import Path
from app.store.repository import Repository
from bench.generate import generate_pipeline
size, path = int(sys.argv[1]), Path(sys.argv[2])
Repository(path, default_zone="UTC").import_pipeline(generate_pipeline(size), replace=False)
"""


def database(size: int, folder: Path) -> Path:
    """The database of ``size`` generated interviews in ``folder``, made if it is not there."""
    path = folder / f"followup-{size}.json"
    if path.exists() and not _current(path):
        path.unlink()  # made by an older followup: the bench measures the layout of today's
    if not path.exists():
        # Written beside its final name, then renamed: an interrupted run leaves no half file
        # that a later script would take for the real one.
        partial = folder / f"followup-{size}.partial.json"
        # In a process of its own: a process started later by this one would otherwise report
        # the memory the generation took as its own peak (Linux hands a parent's high-water
        # mark to the child it starts, through fork and exec).
        subprocess.run(
            [sys.executable, "-c", _GENERATE, str(size), str(partial)],
            check=True,
            cwd=Path(__file__).resolve().parent.parent,
        )
        partial.replace(path)
        for leftover in folder.glob(f"{partial.name}*"):
            leftover.unlink()  # the lock file beside it
    return path


@contextmanager
def databases(
    sizes: list[int], folder: str | None, *, say: bool = False
) -> Iterator[dict[int, Path]]:
    """Every size's database, in ``folder`` (kept) or in a temporary folder (removed after)."""
    with _folder(folder) as where:
        found = {}
        for size in sizes:
            started = time.perf_counter()
            fresh = not (where / f"followup-{size}.json").exists()
            found[size] = database(size, where)
            if say and fresh:
                megabytes = found[size].stat().st_size / 1e6
                took = time.perf_counter() - started
                print(f"generated {size:,} interviews: {megabytes:.1f} MB in {took:.1f} s")
        yield found


def _current(path: Path) -> bool:
    from app.store.schema import CURRENT_SCHEMA, SCHEMA_KEY

    with path.open("rb") as head:
        return head.read(64).startswith(b'{"%s":%d,' % (SCHEMA_KEY.encode(), CURRENT_SCHEMA))


def private_copy(db: Path, name: str) -> Path:
    """A copy of ``db`` beside it, for a bench that writes: the shared file stays as made."""
    copy = db.with_name(f"{db.stem}-{name}.json")
    shutil.copyfile(db, copy)
    return copy


@contextmanager
def _folder(folder: str | None) -> Iterator[Path]:
    if folder is not None:
        yield Path(folder)
        return
    with tempfile.TemporaryDirectory(prefix="followup-bench-") as made:
        yield Path(made)
