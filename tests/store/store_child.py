"""A second followup process for the store tests: ``python store_child.py MODE DB [ARGS...]``.

Modes:
- ``hold``: take the database lock, print ``locked`` and keep it until killed.
- ``append NAME COUNT GO``: once the file GO exists, insert COUNT documents through TinyDB, each
  in its own read-modify-write under the lock.
- ``fsize LIMIT``: with the file size limit at LIMIT bytes (and SIGXFSZ ignored, so the write
  fails with EFBIG rather than killing us), try to write four times that much.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path


def hold(database: Path) -> None:
    from app.store.lock import DatabaseLock

    with DatabaseLock(database):
        print("locked", flush=True)
        time.sleep(120)


def append(database: Path, name: str, count: int, go: Path) -> None:
    from tinydb import TinyDB

    from app.store.lock import DatabaseLock
    from app.store.storage import SafeJSONStorage

    deadline = time.monotonic() + 30
    while not go.exists() and time.monotonic() < deadline:
        time.sleep(0.001)
    for number in range(count):
        # A fresh TinyDB inside the lock: a long-lived one would keep its next document id
        # from before the other process's inserts.
        with (
            DatabaseLock(database, timeout=60),
            TinyDB(database, storage=SafeJSONStorage) as tiny,
        ):
            tiny.table("interviews").insert({"writer": name, "number": number})


def fsize(database: Path, limit: int) -> int:
    import resource
    import signal

    from app.store.atomic import atomic_write
    from app.store.errors import WriteFailed
    from app.store.paths import backup_path

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    _, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        atomic_write(database, b"x" * (4 * limit), backup=backup_path(database))
    except WriteFailed as failure:
        print(f"WriteFailed: {failure}", flush=True)
        return 0
    print("written", flush=True)
    return 1


def main(argv: list[str]) -> int:
    mode, database = argv[1], Path(argv[2])
    if mode == "hold":
        hold(database)
    elif mode == "append":
        append(database, argv[3], int(argv[4]), Path(argv[5]))
    elif mode == "fsize":
        return fsize(database, int(argv[3]))
    else:
        print(f"unknown mode {mode}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
