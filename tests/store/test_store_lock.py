from __future__ import annotations

import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest
from store_support import Spawn

from app.store.errors import DatabaseBusy, WriteFailed
from app.store.lock import DatabaseLock
from app.store.storage import SafeJSONStorage

needs_sigkill = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


def _wait_until_locked(child: subprocess.Popen[str]) -> None:
    assert child.stdout is not None
    assert child.stderr is not None
    line = child.stdout.readline()
    assert line == "locked\n", child.stderr.read()


def test_the_lock_file_sits_beside_the_database(db_path: Path) -> None:
    lock = DatabaseLock(db_path)
    assert lock.path == db_path.resolve()
    assert lock.lock_path == db_path.resolve().with_name("followup.json.lock")
    assert not lock.lock_path.exists()  # nothing happens before it is taken
    with lock:
        assert lock.lock_path.exists()
        assert lock.is_held
    assert not lock.is_held


def test_it_nests_in_the_thread_that_holds_it(db_path: Path) -> None:
    with DatabaseLock(db_path, timeout=0.2) as outer:
        with DatabaseLock(db_path, timeout=0.2), outer:
            assert outer.is_held
        assert outer.is_held
    assert not outer.is_held


def test_other_threads_wait_for_it(db_path: Path) -> None:
    SafeJSONStorage(db_path).write({"meta": {"1": {"count": 0}}})
    rounds = 25

    def increment() -> None:
        storage = SafeJSONStorage(db_path)
        for _ in range(rounds):
            with DatabaseLock(db_path):
                tables = storage.read()
                assert tables is not None
                count = tables["meta"]["1"]["count"]
                time.sleep(0.001)  # widen the window in which an unlocked update would be lost
                storage.write({"meta": {"1": {"count": count + 1}}})

    threads = [threading.Thread(target=increment) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert SafeJSONStorage(db_path).read() == {"meta": {"1": {"count": 3 * rounds}}}


def test_another_thread_gets_database_busy_after_the_timeout(db_path: Path) -> None:
    errors: list[DatabaseBusy] = []

    def try_it() -> None:
        try:
            with DatabaseLock(db_path, timeout=0.2):
                pass
        except DatabaseBusy as busy:
            errors.append(busy)

    with DatabaseLock(db_path):
        thread = threading.Thread(target=try_it)
        thread.start()
        thread.join()
    assert [str(error) for error in errors] == [
        f"{db_path.resolve()} is being written by another followup; try again"
    ]


def test_a_lock_held_by_another_process_times_out_with_database_busy(
    db_path: Path, spawn: Spawn
) -> None:
    holder = spawn("hold", db_path)
    _wait_until_locked(holder)

    started = time.monotonic()
    with (
        pytest.raises(DatabaseBusy, match="is being written by another followup; try again"),
        DatabaseLock(db_path, timeout=0.3),
    ):
        pass
    waited = time.monotonic() - started
    assert 0.3 <= waited < 3


@needs_sigkill
def test_a_killed_holder_does_not_block_the_next_one(db_path: Path, spawn: Spawn) -> None:
    holder = spawn("hold", db_path)
    _wait_until_locked(holder)
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=30)
    assert DatabaseLock(db_path).lock_path.exists()  # the lock file stays; its lock does not

    started = time.monotonic()
    with DatabaseLock(db_path, timeout=10):
        waited = time.monotonic() - started
    print(f"lock taken {waited * 1000:.1f} ms after its holder was killed")
    assert waited < 1


def test_no_folder_is_created_unless_asked(tmp_path: Path) -> None:
    path = tmp_path / "data" / "followup" / "followup.json"
    with pytest.raises(WriteFailed, match="does not exist"), DatabaseLock(path, create_dirs=False):
        pass
    assert list(tmp_path.iterdir()) == []

    with DatabaseLock(path):
        pass
    assert sorted(p.name for p in (tmp_path / "data" / "followup").iterdir()) == [
        "followup.json.lock"
    ]


def test_a_lock_file_that_cannot_be_opened_is_a_write_failure(db_path: Path) -> None:
    DatabaseLock(db_path).lock_path.mkdir()
    with (
        pytest.raises(WriteFailed, match=r"could not save .*cannot lock .*followup\.json\.lock"),
        DatabaseLock(db_path, timeout=0.2),
    ):
        pass
