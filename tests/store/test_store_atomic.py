from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from store_support import Spawn, sha256, temporaries

from app.store.atomic import atomic_write, remove_leftover_temporaries
from app.store.errors import WriteFailed
from app.store.paths import backup_path


def test_replaces_content_and_keeps_the_previous_version(db_path: Path) -> None:
    backup = backup_path(db_path)
    atomic_write(db_path, b"first\n", backup=backup)
    assert db_path.read_bytes() == b"first\n"
    assert not backup.exists()  # there was nothing to keep

    status = atomic_write(db_path, b"second\n", backup=backup)

    assert db_path.read_bytes() == b"second\n"
    assert backup.read_bytes() == b"first\n"
    assert temporaries(db_path) == []
    now = db_path.stat()
    assert (status.st_ino, status.st_size, status.st_mtime_ns) == (
        now.st_ino,
        now.st_size,
        now.st_mtime_ns,
    )


def test_without_backup_only_the_file_changes(db_path: Path) -> None:
    atomic_write(db_path, b"one", backup=None)
    atomic_write(db_path, b"two", backup=None)
    assert db_path.read_bytes() == b"two"
    assert sorted(os.listdir(db_path.parent)) == [db_path.name]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_content_in_parts_is_written_as_the_parts_one_after_another(db_path: Path) -> None:
    atomic_write(db_path, b"old", backup=None)
    # Many small parts, and one larger than a single write.
    parts = [b"[", *(b"%d," % number for number in range(100_000)), b"x" * (3 << 20), b"]"]

    atomic_write(db_path, iter(parts), backup=None)

    assert db_path.read_bytes() == b"".join(parts)
    assert temporaries(db_path) == []


def test_parts_that_fail_midway_leave_the_file_as_it_was(db_path: Path) -> None:
    atomic_write(db_path, b'{"precious": true}', backup=None)
    before = sha256(db_path)

    def parts() -> Iterator[bytes]:
        yield b"y" * (2 << 20)  # already written to the temporary
        raise ValueError("made wrong")

    with pytest.raises(ValueError, match="made wrong"):
        atomic_write(db_path, parts(), backup=None)

    assert sha256(db_path) == before
    assert temporaries(db_path) == []


def test_keeps_the_mode_of_the_existing_file_and_makes_new_ones_private(db_path: Path) -> None:
    atomic_write(db_path, b"one", backup=None)
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    db_path.chmod(0o640)
    atomic_write(db_path, b"two", backup=None)
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o640


def _fail_with(error: int) -> object:
    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(error, os.strerror(error))

    return fail


@pytest.mark.parametrize("call", ["fsync", "replace", "write", "open"])
@pytest.mark.parametrize("with_backup", [True, False])
def test_a_failed_write_leaves_everything_as_it_was(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, call: str, with_backup: bool
) -> None:
    backup = backup_path(db_path)
    atomic_write(db_path, b"old backup", backup=backup)
    atomic_write(db_path, b'{"precious": true}', backup=backup)
    before, backup_before = sha256(db_path), sha256(backup)

    monkeypatch.setattr(os, call, _fail_with(errno.ENOSPC))
    with pytest.raises(WriteFailed) as failure:
        atomic_write(db_path, b"new", backup=backup if with_backup else None)
    monkeypatch.undo()

    assert sha256(db_path) == before
    assert sha256(backup) == backup_before
    assert temporaries(db_path) == []
    message = str(failure.value)
    assert str(db_path) in message
    assert "No space left on device" in message
    assert "\n" not in message


def test_a_failure_at_the_last_step_leaves_the_file_and_a_backup_of_it(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = backup_path(db_path)
    atomic_write(db_path, b"one", backup=backup)
    atomic_write(db_path, b"two", backup=backup)
    real_replace = os.replace

    def replace_all_but_the_database(source: str | Path, target: str | Path) -> None:
        if Path(target) == db_path:
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace_all_but_the_database)
    with pytest.raises(WriteFailed, match="Input/output error"):
        atomic_write(db_path, b"three", backup=backup)
    monkeypatch.undo()

    assert db_path.read_bytes() == b"two"
    assert backup.read_bytes() == b"two"
    assert temporaries(db_path) == []


def test_the_backup_is_copied_where_hard_links_are_refused(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = backup_path(db_path)
    atomic_write(db_path, b"first", backup=backup)
    monkeypatch.setattr(os, "link", _fail_with(errno.EPERM))
    atomic_write(db_path, b"second", backup=backup)
    assert db_path.read_bytes() == b"second"
    assert backup.read_bytes() == b"first"
    assert temporaries(db_path) == []


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_a_real_file_size_limit_leaves_the_file_byte_identical(db_path: Path, spawn: Spawn) -> None:
    backup = backup_path(db_path)
    atomic_write(db_path, b'{"kept": "version one"}\n', backup=None)
    atomic_write(db_path, b'{"kept": "version two"}\n', backup=backup)
    before, backup_before = sha256(db_path), sha256(backup)

    child = spawn("fsize", db_path, 64 * 1024)
    out, err = child.communicate(timeout=60)

    assert child.returncode == 0, (out, err)
    assert out.startswith("WriteFailed: ")
    assert "File too large" in out
    assert str(db_path) in out
    assert sha256(db_path) == before
    assert sha256(backup) == backup_before
    assert temporaries(db_path) == []


def test_leftover_temporaries_are_removed(db_path: Path) -> None:
    db_path.write_bytes(b"{}")
    abandoned = [f".{db_path.name}.tmp-0123abcd", f".{db_path.name}.tmp-0123abcd.bak"]
    unrelated = [".other.json.tmp-0123abcd", f"{db_path.name}.tmp-x", f"{db_path.name}.bak"]
    for name in abandoned + unrelated:
        (db_path.parent / name).write_bytes(b"partial")

    assert remove_leftover_temporaries(db_path) == 2

    assert temporaries(db_path) == []
    assert sorted(os.listdir(db_path.parent)) == sorted([db_path.name, *unrelated])
    assert db_path.read_bytes() == b"{}"


def test_no_folder_means_nothing_to_remove(tmp_path: Path) -> None:
    assert remove_leftover_temporaries(tmp_path / "missing" / "followup.json") == 0
    assert not (tmp_path / "missing").exists()


@pytest.mark.skipif(sys.platform == "win32", reason="flock")
def test_the_temporary_of_a_live_writer_is_left_alone(db_path: Path) -> None:
    import fcntl

    live = db_path.parent / f".{db_path.name}.tmp-feedbeef"
    staged = live.with_name(live.name + ".bak")
    live.write_bytes(b"being written")
    staged.write_bytes(b"previous version")
    with live.open("rb") as writer:
        fcntl.flock(writer.fileno(), fcntl.LOCK_EX)
        assert remove_leftover_temporaries(db_path) == 0
        assert live.exists()
        assert staged.exists()
    # The writer is gone (its lock with it): now both are leftovers.
    assert remove_leftover_temporaries(db_path) == 2
    assert temporaries(db_path) == []
