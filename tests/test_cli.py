"""The command line as scripts use it: options, exit codes, one-line errors, the database path,
and the demo."""

from __future__ import annotations

import codecs
import errno
import hashlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pendulum
import pytest

from app import cli
from app.cli import main
from app.commands.context import Context, machine_zone, parse_at
from app.paths import default_db_path, resolve_db_path, templates_dir

ROOT = Path(__file__).resolve().parent.parent
AT = "2026-11-20T14:00:00+00:00"
STAGES = {"scheduled", "interviewed", "waiting", "next_round", "references", "offer", "closed"}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def run_process(tmp_path: Path, *argv: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("FOLLOWUP_")}
    environment.update(PYTHONPATH=str(ROOT), XDG_DATA_HOME=str(tmp_path / "xdg"), **env)
    return subprocess.run(
        [sys.executable, "-m", "app", *argv],
        check=False,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=environment,
        timeout=120,
    )


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --------------------------------------------------------------------------- usage


@pytest.mark.parametrize(
    "argv",
    [
        ["frobnicate"],
        ["import"],
        ["import", "a.json", "b.json"],
        ["due", "--days", "soon"],
        ["due", "--days", "-1"],
        ["draft"],
        ["sent", "x", "--channel", "pigeon"],
        ["snooze", "x"],
        ["reply"],
        ["export", "--replace"],
        ["--db"],
        ["export", "--nope"],
    ],
)
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert "usage: followup" in err


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for command in ("demo", "import", "export", "due", "draft", "sent", "reply", "snooze"):
        assert command in out


def test_every_command_of_the_spec_parses() -> None:
    parser = cli.build_parser()
    for argv in (
        ["--db", "x"],
        ["demo", "--db", "x"],
        ["import", "f", "--db", "x", "--replace"],
        ["export", "--db", "x"],
        ["due", "--db", "x", "--at", AT, "--days", "3", "--json"],
        ["draft", "id", "--db", "x", "--at", AT, "--copy"],
        ["sent", "id", "--db", "x", "--at", AT, "--channel", "email", "--keep-warm"],
        ["reply", "iv", "--db", "x", "--at", AT, "--contact", "c", "--summary", "s"],
        ["snooze", "id", "--until", AT, "--db", "x", "--at", AT],
        ["skip", "id", "--db", "x", "--at", AT],
        ["calendar", "--db", "x", "--at", AT],
    ):
        assert parser.parse_args(argv).db == "x"


# --------------------------------------------------------------------------- the database path


def test_db_before_and_after_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "db.json"
    assert run(capsys, "--db", str(db), "demo", "--at", AT)[0] == 0
    code, out, _ = run(capsys, "export", "--db", str(db))
    assert code == 0 and len(json.loads(out)["interviews"]) >= 8
    # After the command wins over before it.
    code, out, _ = run(capsys, "--db", str(tmp_path / "other.json"), "export", "--db", str(db))
    assert code == 0 and json.loads(out)["interviews"]
    assert not (tmp_path / "other.json").exists()


def test_followup_db_environment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "env.json"
    monkeypatch.setenv("FOLLOWUP_DB", str(db))
    assert run(capsys, "demo", "--at", AT)[0] == 0
    assert db.exists()
    assert resolve_db_path(None) == db
    assert resolve_db_path(str(tmp_path / "flag.json")) == tmp_path / "flag.json"


def test_default_path_is_the_user_data_folder(
    no_real_folders: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert default_db_path() == no_real_folders / "followup.json"
    assert resolve_db_path(None) == no_real_folders / "followup.json"
    assert templates_dir().name == "templates"
    code, out, err = run(capsys, "export")
    assert code == 0
    assert json.loads(out)["interviews"] == []
    assert "does not exist yet" in err
    # Looking created nothing; the first write makes the folder.
    assert not no_real_folders.exists()
    assert run(capsys, "demo", "--at", AT)[0] == 0
    assert (no_real_folders / "followup.json").exists()


@pytest.mark.parametrize("as_json", [False, True], ids=["text", "json"])
def test_due_on_a_database_not_made_yet_says_so_and_makes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], as_json: bool
) -> None:
    typo = tmp_path / "typo" / "db.json"
    code, out, err = run(capsys, "due", "--db", str(typo), *(["--json"] if as_json else []))
    # Nothing is due there, and a script reads that as it is; the person reads why.
    assert code == 0 and (json.loads(out) == [] if as_json else "Nothing" in out)
    assert err == (
        f"followup: warning: {typo} does not exist yet "
        "(`followup demo` or `followup import` makes it)\n"
    )
    assert not typo.parent.exists()


def test_empty_db_option_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "export", "--db", "")
    assert code == 1
    assert err == "followup: --db is empty: give the path of a database file\n"


# --------------------------------------------------------------------------- unreadable databases

UNREADABLE = {
    "empty": b"",
    "NUL-filled": b"\x00" * 4096,
    "not JSON": b'{"followup_schema": 1, "interviews": {',
    "BOM-prefixed": codecs.BOM_UTF8
    + b'{"followup_schema": 1, "interviews": {"1": {"id": "x", "company": "C", "role": "R"}}}\n',
    "newer schema": b'{"followup_schema": 99, "interviews": {}}\n',
    "a list": b"[1, 2, 3]\n",
    "bad data inside": json.dumps(
        {
            "followup_schema": 1,
            "interviews": {
                "1": {"id": "x", "company": "C", "role": "R"},
                "2": {
                    "id": "y",
                    "company": "C",
                    "role": "R",
                    "rounds": [{"id": "r1", "starts": "soon"}],
                },
            },
        }
    ).encode(),
}
# What the one line says of each, after the file's name.
UNREADABLE_BECAUSE = {
    "empty": "is empty",
    "NUL-filled": "contains only NUL bytes",
    "not JSON": "is cut short",
    "BOM-prefixed": "starts with a byte order mark",
    "newer schema": "was written by a newer followup (schema 99",
    "a list": "is not a followup database (it holds a list",
    "bad data inside": 'holds data followup cannot read: interviews["2"].rounds[0].starts',
}


@pytest.mark.parametrize("kind", UNREADABLE)
@pytest.mark.parametrize("command", ["export", "import", "demo", "due"])
def test_unreadable_database_is_reported_and_kept(tmp_path: Path, kind: str, command: str) -> None:
    db = tmp_path / "db.json"
    db.write_bytes(UNREADABLE[kind])
    source = tmp_path / "in.json"
    source.write_text(
        '{"format": "followup/1", "interviews": [{"id": "n", "company": "C", "role": "R"}]}'
    )
    before = sha256(db)
    argv = {"import": ["import", str(source)], "due": ["due", "--at", AT]}.get(command, [command])
    done = run_process(tmp_path, *argv, "--db", str(db))
    assert done.returncode == 1, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    line = lines[0]
    assert line.startswith("followup: ")
    if "not available yet" not in line:
        assert str(db) in line or str(db.resolve()) in line
        assert "db.json.bak" in line
        assert UNREADABLE_BECAUSE[kind] in line
    assert sha256(db) == before
    assert not (tmp_path / "db.json.bak").exists()


def test_an_unreadable_database_with_a_backup_says_how_to_put_it_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "db.json"
    for company in ("First", "Second"):
        source = tmp_path / f"{company}.json"
        source.write_text(
            json.dumps(
                {
                    "format": "followup/1",
                    "interviews": [{"id": company.lower(), "company": company, "role": "R"}],
                }
            )
        )
        assert run(capsys, "import", str(source), "--db", str(db))[0] == 0
    db.write_bytes(b"\x00" * 512)
    code, out, err = run(capsys, "export", "--db", str(db))
    assert (code, out) == (1, "")
    real = db.resolve()
    assert err == (
        f"followup: {real} contains only NUL bytes (the disk lost its content, often in a "
        f"crash); it was left untouched; the previous version is in {real}.bak; "
        "`followup restore` puts it back\n"
    )
    # The advice works as given: the previous version comes back.
    assert run(capsys, "restore", "1", "--yes", "--db", str(db))[0] == 0
    code, out, _ = run(capsys, "export", "--db", str(db))
    assert code == 0
    assert [i["id"] for i in json.loads(out)["interviews"]] == ["first"]


def test_bad_data_inside_the_database_names_the_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "db.json"
    db.write_bytes(UNREADABLE["bad data inside"])
    code, _, err = run(capsys, "export", "--db", str(db))
    assert code == 1
    assert err.startswith(f"followup: {db} holds data followup cannot read: ")
    assert 'interviews["2"].rounds[0].starts: not a date-time: "soon"' in err


# --------------------------------------------------------------------------- failures and --at


def test_a_missing_command_module_is_not_available_yet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(cli.COMMANDS, "due", ("app.commands.not_written", "run"))
    monkeypatch.setitem(cli.COMMANDS, cli.DASHBOARD, ("app.commands.not_written_either", "run"))
    monkeypatch.setitem(cli.COMMANDS, "skip", ("app.commands.export", "not_a_function"))
    db = str(tmp_path / "db.json")
    assert run(capsys, "due", "--db", db)[1:] == ("", "followup: due is not available yet\n")
    assert run(capsys, "--db", db)[2] == "followup: the dashboard is not available yet\n"
    assert run(capsys, "skip", "x", "--db", db) == (1, "", "followup: skip is not available yet\n")


def _raise(problem: BaseException) -> Any:
    def command(args: object, ctx: object) -> int:
        raise problem

    return command


def test_a_bug_is_one_line_unless_debugging(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.commands.export

    monkeypatch.setattr(app.commands.export, "run", _raise(RuntimeError("boom\nsecond line")))
    db = str(tmp_path / "db.json")
    assert run(capsys, "export", "--db", db) == (
        1,
        "",
        "followup: internal error: RuntimeError: boom second line\n",
    )
    monkeypatch.setenv("FOLLOWUP_DEBUG", "1")
    code, _, err = run(capsys, "export", "--db", db)
    assert code == 1
    assert err.startswith("followup: internal error: RuntimeError: boom second line\nTraceback")


def test_interrupt_exits_130_quietly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.commands.export

    monkeypatch.setattr(app.commands.export, "run", _raise(KeyboardInterrupt()))
    assert run(capsys, "export", "--db", str(tmp_path / "db.json")) == (130, "", "")


def test_os_errors_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.commands.export

    problem = PermissionError(13, "Permission denied", "/somewhere/db.json")
    monkeypatch.setattr(app.commands.export, "run", _raise(problem))
    assert run(capsys, "export", "--db", str(tmp_path / "db.json"))[2] == (
        "followup: /somewhere/db.json: Permission denied\n"
    )


class FullStream(io.StringIO):
    """Standard output on a full disk, as `> /dev/full` gives: the failure shows on ``write``
    for a large text and only on ``flush`` for one that fits the buffer."""

    def __init__(self, fails_on: str) -> None:
        super().__init__()
        self.fails_on = fails_on

    def _full(self) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def write(self, text: str) -> int:
        if self.fails_on == "write":
            self._full()
        return super().write(text)

    def flush(self) -> None:
        if self.fails_on == "flush":
            self._full()


@pytest.mark.parametrize("fails_on", ["write", "flush"])
def test_export_to_a_full_disk_says_standard_output_could_not_be_written(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    fails_on: str,
) -> None:
    db = tmp_path / "db.json"
    assert run(capsys, "demo", "--db", str(db), "--at", AT)[0] == 0
    before = sha256(db)
    monkeypatch.setattr(sys, "stdout", FullStream(fails_on))
    code = main(["export", "--db", str(db)])
    assert code == 1
    assert capsys.readouterr().err == (
        f"followup: could not write the export to standard output ({os.strerror(errno.ENOSPC)})\n"
    )
    assert sha256(db) == before


def test_export_into_a_closed_pipe_stays_quiet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    class Closed(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))

    monkeypatch.setattr(sys, "stdout", Closed())
    monkeypatch.setattr(cli, "_silence_stdout", lambda: None)  # the real one dups over fd 1
    # The reader went away (`| head`): what it read is all it wanted; quiet, and a success.
    assert main(["export", "--db", str(tmp_path / "db.json")]) == 0
    assert "could not write" not in capsys.readouterr().err


@pytest.mark.parametrize("at", ["yesterday", "2026-13-01T10:00", "20 Nov 2026"])
def test_bad_at_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], at: str
) -> None:
    db = tmp_path / "db.json"
    code, out, err = run(capsys, "demo", "--db", str(db), "--at", at)
    assert (code, out) == (1, "")
    assert err.startswith(f"followup: --at: not an ISO 8601 date-time: {at!r}")
    assert not db.exists()


@pytest.mark.parametrize("at", ["x" * 5000, "2026-11-20T10:00" + "0" * 5000])
def test_a_very_long_bad_at_is_echoed_cut_short(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], at: str
) -> None:
    code, out, err = run(capsys, "due", "--db", str(tmp_path / "db.json"), "--at", at)
    assert (code, out) == (1, "")
    assert err.count("\n") == 1
    assert err.startswith(f"followup: --at: not an ISO 8601 date-time: {at[:59] + '…'!r} (e.g. ")
    assert len(err) < 200


def test_an_at_of_exactly_the_shown_length_is_echoed_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    at = "y" * 60
    _, _, err = run(capsys, "due", "--db", str(tmp_path / "db.json"), "--at", at)
    assert f"date-time: {at!r} (e.g. " in err


def _context(db: Path, at: str | None) -> Context:
    return Context(db_path=db, at=parse_at(at), out=sys.stdout, err=sys.stderr)


def test_at_without_offset_is_read_in_the_profile_zone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("app.commands.context.machine_zone", lambda: ("America/New_York", None))
    db = tmp_path / "db.json"
    assert _context(db, "2026-07-01T10:00").now.isoformat() == "2026-07-01T10:00:00-04:00"
    source = tmp_path / "in.json"
    source.write_text('{"format": "followup/1", "profile": {"timezone": "Asia/Tokyo"}}')
    assert run(capsys, "import", str(source), "--db", str(db))[0] == 0
    assert _context(db, "2026-07-01T10:00").now.isoformat() == "2026-07-01T10:00:00+09:00"
    assert _context(db, "2026-07-01T10:00Z").now.isoformat() == "2026-07-01T10:00:00+00:00"
    # A wall time that DST skips is not moved to some other instant.
    london = _context(db, "2026-03-29T01:30+00:00").now
    assert london == pendulum.datetime(2026, 3, 29, 1, 30, tz="UTC")


def test_the_clock_is_read_once(tmp_path: Path) -> None:
    ctx = _context(tmp_path / "db.json", None)
    assert ctx.now is ctx.now
    assert abs((pendulum.now() - ctx.now).total_seconds()) < 60


def test_machine_zone_falls_back_to_utc_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import pendulum.tz

    monkeypatch.delenv("TZ", raising=False)  # the system zone is what is asked for here
    # A system whose files only pendulum can read (see test_system_zone), which fails.
    monkeypatch.setattr("app.commands.system_zone.system_zone", lambda: None)

    def broken() -> Any:
        raise RuntimeError("no /etc/localtime")

    monkeypatch.setattr(pendulum.tz, "get_local_timezone", broken)
    assert machine_zone()[0] == "UTC"
    code, _, err = run(capsys, "demo", "--db", str(tmp_path / "db.json"), "--at", AT)
    assert code == 0
    assert err.startswith("followup: warning: cannot tell this machine's time zone")
    monkeypatch.setattr(pendulum.tz, "get_local_timezone", lambda: pendulum.FixedTimezone(3600))
    assert machine_zone() == ("UTC", "this machine's time zone '+01:00' is not an IANA name")


# --------------------------------------------------------------------------- the demo


def test_demo_then_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "db.json"
    code, out, err = run(capsys, "demo", "--db", str(db), "--at", AT)
    assert (code, err) == (0, "")
    assert str(db) in out
    code, out, _ = run(capsys, "export", "--db", str(db))
    document = json.loads(out)
    interviews = document["interviews"]
    assert len(interviews) >= 8
    assert {i["stage"] for i in interviews} == STAGES
    closed = [i for i in interviews if i["stage"] == "closed"]
    assert len({i["outcome"] for i in closed}) >= 2
    assert any(i["keep_warm"] for i in closed)
    assert any(len(r["interviewers"]) >= 2 for i in interviews for r in i["rounds"])
    prefs = [i["preferences"] for i in interviews]
    assert any(p["no_calls"] for p in prefs)
    assert any(p["no_follow_ups"] for p in prefs)
    assert any(p["no_contact_before"] for p in prefs)
    assert any(i["offer_deadline"] for i in interviews)
    assert document["profile"]["name"] and document["profile"]["signature"]
    # Run again: the demo replaces its own interviews.
    assert run(capsys, "demo", "--db", str(db), "--at", "2026-11-23T09:00:00+00:00")[0] == 0
    code, again, _ = run(capsys, "export", "--db", str(db))
    assert [i["id"] for i in json.loads(again)["interviews"]] == [i["id"] for i in interviews]
    assert again != out


def test_demo_refuses_a_database_with_real_interviews(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "db.json"
    source = tmp_path / "in.json"
    source.write_text(
        '{"format": "followup/1", "profile": {"name": "Me"},'
        ' "interviews": [{"id": "mine", "company": "C", "role": "R"}]}'
    )
    assert run(capsys, "import", str(source), "--db", str(db))[0] == 0
    before = sha256(db)
    code, out, err = run(capsys, "demo", "--db", str(db), "--at", AT)
    assert (code, out) == (1, "")
    assert err.startswith(f"followup: {db} already holds 1 interview of your own")
    assert sha256(db) == before


def test_demo_keeps_a_profile_already_filled_in(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "db.json"
    source = tmp_path / "in.json"
    source.write_text('{"format": "followup/1", "profile": {"name": "Sam Q"}}')
    assert run(capsys, "import", str(source), "--db", str(db))[0] == 0
    assert run(capsys, "demo", "--db", str(db), "--at", AT)[0] == 0
    _, out, _ = run(capsys, "export", "--db", str(db))
    profile = json.loads(out)["profile"]
    assert profile["name"] == "Sam Q"
    assert profile["signature"]


@pytest.mark.parametrize("zone", ["Europe/London", "America/Los_Angeles", "Asia/Tokyo"])
def test_demo_has_work_due_on_every_day_of_the_week(zone: str) -> None:
    engine = pytest.importorskip("app.engine")
    from app.demo import demo_pipeline

    for day in range(7):
        for hour in (0, 7, 9, 13, 18, 23):
            now = pendulum.datetime(2026, 11, 16 + day, hour, 20, tz=zone)
            pipeline = demo_pipeline(now, zone)
            actions = engine.compute_actions(pipeline.interviews, pipeline.policy, now)
            states = [a.state.value for a in actions]
            late, today = states.count("overdue"), states.count("due")
            assert late >= 1 and late + today >= 5, (now.isoformat(), late, today)


# --------------------------------------------------------------------------- import cost


@pytest.mark.parametrize("command", ["export", "import", "due", "demo"])
def test_scripted_commands_never_import_textual(tmp_path: Path, command: str) -> None:
    db = tmp_path / "db.json"
    source = tmp_path / "in.json"
    source.write_text('{"format": "followup/1"}')
    argv = {
        "export": ["export"],
        "import": ["import", str(source)],
        "due": ["due", "--json", "--at", AT],
        "demo": ["demo", "--at", AT],
    }[command] + ["--db", str(db)]
    script = (
        "import sys, app.cli\n"
        "assert 'textual' not in sys.modules, 'import app.cli loaded textual'\n"
        f"code = app.cli.main({argv!r})\n"
        "assert 'textual' not in sys.modules, 'the command loaded textual'\n"
        "sys.exit(code)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        check=False,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
    )
    assert "AssertionError" not in done.stderr, done.stderr
    assert done.returncode == 0 or "not available yet" in done.stderr, done.stderr
