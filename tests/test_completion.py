"""Tab completion: the commands, their options, and the ids of the database that --db names,
answered through argcomplete's protocol, and through real bash, zsh and fish."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import COMMANDS, DASHBOARD, main
from tests.cli_runs import imported
from tests.test_cli_actions import data

ROOT = Path(__file__).resolve().parent.parent
AT = "2026-11-30T10:00:00+00:00"
PROMISE = "initech/keep_promise/p1"
CHECK_IN = "initech/check_in/r1"


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    return imported(tmp_path, capsys, data())


def environment(**extra: str) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), **extra}
    for name in ("_ARGCOMPLETE", "COMP_LINE", "COMP_POINT", "_ARC_DEBUG"):
        if name not in extra:
            env.pop(name, None)
    return env


def complete(tmp_path: Path, line: str, **env: str) -> list[str]:
    """What ``followup`` answers when the shell asks to complete ``line`` at its end."""
    answer = tmp_path / "completions.txt"
    done = subprocess.run(
        [sys.executable, "-m", "app"],
        env=environment(
            _ARGCOMPLETE="1",
            _ARGCOMPLETE_IFS="\n",
            # As zsh and fish ask: no space after a single match, so words compare as they are.
            _ARGCOMPLETE_SUPPRESS_SPACE="1",
            COMP_LINE=line,
            COMP_POINT=str(len(line.encode())),
            _ARGCOMPLETE_STDOUT_FILENAME=str(answer),
            **env,
        ),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    text = answer.read_text()
    answer.unlink()
    return text.split("\n") if text else []


def open_ids(capsys: pytest.CaptureFixture[str], db: Path) -> set[str]:
    assert main(["due", "--json", "--days", "100000", "--at", AT, "--db", str(db)]) == 0
    return {a["id"] for a in json.loads(capsys.readouterr().out)}


def listed(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    assert main(["due", "--at", AT, "--db", str(db)]) == 0
    capsys.readouterr()


def state(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != "completions.txt"
    }


def test_the_commands_complete(tmp_path):
    assert set(complete(tmp_path, "followup ")) == set(COMMANDS) - {DASHBOARD}
    assert sorted(complete(tmp_path, "followup d")) == ["demo", "draft", "due"]


def test_options_complete_once_a_dash_is_typed(tmp_path):
    assert set(complete(tmp_path, "followup due --")) == {
        "--help",
        "--db",
        "--at",
        "--days",
        "--json",
    }
    assert complete(tmp_path, "followup sent --ch") == ["--channel"]


@pytest.mark.parametrize("command", ["draft", "sent", "snooze", "skip"])
def test_an_action_completes_with_the_open_ids_and_the_numbers_of_the_last_listing(
    capsys, tmp_path, db, command
):
    ids = open_ids(capsys, db)
    assert {PROMISE, CHECK_IN} <= ids
    line = f"followup {command} --db {db} --at {AT} "
    assert set(complete(tmp_path, line)) == ids  # no listing yet: no numbers
    listed(capsys, db)
    assert set(complete(tmp_path, line)) == ids | {"1", "2"}
    assert complete(tmp_path, line + "initech/k") == [PROMISE]


def test_with_completes_actions_too(capsys, tmp_path, db):
    listed(capsys, db)
    offered = complete(tmp_path, f"followup draft 2 --db {db} --at {AT} --with ")
    assert {"1", "2", PROMISE, CHECK_IN} <= set(offered)


def test_a_number_whose_action_was_done_is_not_offered(capsys, tmp_path, db):
    listed(capsys, db)
    assert main(["sent", "1", "--at", AT, "--db", str(db)]) == 0
    offered = complete(tmp_path, f"followup sent --db {db} --at {AT} ")
    assert "2" in offered and "1" not in offered and PROMISE not in offered


def test_reply_completes_interviews_and_their_contacts(tmp_path, db):
    assert complete(tmp_path, f"followup reply --db {db} ") == ["initech"]
    assert set(complete(tmp_path, f"followup reply --db {db} initech --contact ")) == {
        "bob",
        "amy",
    }


def test_the_default_database_is_completed_without_db(capsys, tmp_path, db):
    ids = open_ids(capsys, db)
    assert set(complete(tmp_path, f"followup skip --at {AT} ", FOLLOWUP_DB=str(db))) == ids


@pytest.mark.parametrize("content", [b"{broken", b"", b'{"followup_schema": 999}'])
def test_a_broken_database_completes_nothing_and_says_nothing(tmp_path, content):
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    for line in (f"followup sent --db {bad} ", f"followup reply --db {bad} "):
        assert complete(tmp_path, line) == []  # and no stderr: complete() checks it
    assert bad.read_bytes() == content


def test_completion_writes_nothing_and_runs_no_command(capsys, tmp_path, db):
    listed(capsys, db)
    before = state(tmp_path)
    for line in (
        f"followup sent --db {db} --at {AT} ",
        f"followup reply --db {db} initech --contact ",
        f"followup draft --db {db} 1 --with ",
        f"followup demo --db {tmp_path / 'new.json'} ",
        f"followup sent --db {tmp_path / 'missing' / 'db.json'} ",
    ):
        complete(tmp_path, line)
    assert state(tmp_path) == before
    assert not (tmp_path / "new.json").exists() and not (tmp_path / "missing").exists()


def test_a_command_never_imports_argcomplete(db):
    check = (
        "import sys\n"
        "from app.cli import main\n"
        f"assert main(['due', '--db', {str(db)!r}]) == 0\n"
        "print('argcomplete' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", check],
        env=environment(),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert done.stdout.splitlines()[-1] == "False"


def test_the_console_script_carries_the_marker_global_completion_looks_for(tmp_path):
    """argcomplete's global completion asks only a script whose module says it may."""
    script = tmp_path / "followup"
    script.write_text(
        "#!/usr/bin/python3\nimport re\nimport sys\nfrom app.cli import main\n"
        "if __name__ == '__main__':\n    sys.exit(main())\n"
    )
    done = subprocess.run(
        # -W ignore: argcomplete's own use of an interface Python 3.11 calls deprecated.
        [sys.executable, "-W", "ignore", "-m", "argcomplete._check_console_script", str(script)],
        env=environment(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")


# --------------------------------------------------------------------------- real shells


def shell(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail(f"CI must install {name} (Debian: {name}) for its completion test")
    pytest.skip(f"needs {name}")


@pytest.fixture
def on_path(tmp_path: Path) -> dict[str, str]:
    """An environment whose PATH has a ``followup`` that runs this checkout."""
    folder = tmp_path / "bin"
    folder.mkdir()
    program = folder / "followup"
    program.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m app "$@"\n')
    program.chmod(0o755)
    return environment(PATH=f"{folder}{os.pathsep}{os.environ.get('PATH', '')}")


def registration(shell_name: str, env: dict[str, str]) -> str:
    """What ``register-python-argcomplete`` prints, as the README tells users to run it."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "argcomplete.scripts.register_python_argcomplete",
            "--shell",
            shell_name,
            "followup",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return done.stdout


def run_shell(argv: list[str], env: dict[str, str], cwd: Path) -> list[str]:
    done = subprocess.run(
        argv, env=env, cwd=cwd, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def test_bash_completes_through_the_registered_function(capsys, tmp_path, db, on_path):
    listed(capsys, db)
    code = tmp_path / "followup.bash"
    code.write_text(registration("bash", on_path))
    line = f"followup sent --db {db} --at {AT} initech/k"
    script = f"""
source {code}
complete -p followup
COMP_LINE='{line}'; COMP_POINT=${{#COMP_LINE}}; COMP_TYPE=9
COMP_WORDS=(followup sent --db '{db}' --at '{AT}' initech/k); COMP_CWORD=6
_python_argcomplete followup initech/k '{AT}'
printf 'reply:%s\\n' "${{COMPREPLY[@]}}"
COMP_LINE='followup sn'; COMP_POINT=${{#COMP_LINE}}; COMP_WORDS=(followup sn); COMP_CWORD=1
_python_argcomplete followup sn followup
printf 'reply:%s\\n' "${{COMPREPLY[@]}}"
"""
    lines = run_shell([shell("bash"), "--norc", "--noprofile", "-c", script], on_path, tmp_path)
    assert lines[0].endswith("-F _python_argcomplete followup")
    # A single match ends with the space that lets the next word be typed.
    assert lines[1:] == [f"reply:{PROMISE} ", "reply:snooze "]


def test_zsh_completes_with_what_each_id_is(capsys, tmp_path, db, on_path):
    listed(capsys, db)
    code = tmp_path / "followup.zsh"
    code.write_text(registration("zsh", on_path))
    line = f"followup sent --db {db} --at {AT} "
    # _describe is what shows the choices in a live prompt; here it prints them.
    script = f"""
autoload -Uz compinit && compinit -u -D
source {code}
print -r -- "registered:$_comps[followup]"
_describe() {{ print -rl -- "${{(@P)2}}" }}
BUFFER='{line}'; CURSOR=${{#BUFFER}}
words=(followup sent --db '{db}' --at '{AT}' '')
_python_argcomplete
"""
    lines = run_shell([shell("zsh"), "-f", "-c", script], on_path, tmp_path)
    assert lines[0] == "registered:_python_argcomplete"
    offered = dict(entry.split(":", 1) for entry in lines[1:])
    assert offered["1"] == f"keep-promise to Amy Chen · Initech ({PROMISE})"
    assert offered[CHECK_IN] == "check-in to Amy Chen · Initech"


def test_fish_completes_with_what_each_id_is(capsys, tmp_path, db, on_path):
    listed(capsys, db)
    code = tmp_path / "followup.fish"
    code.write_text(registration("fish", on_path))
    script = f"source {code}; complete -C'followup skip --db {db} --at {AT} '"
    lines = run_shell([shell("fish"), "--no-config", "-c", script], on_path, tmp_path)
    offered = dict(entry.split("\t", 1) for entry in lines)
    assert offered["2"] == f"check-in to Amy Chen · Initech ({CHECK_IN})"
    assert offered[PROMISE] == "keep-promise to Amy Chen · Initech"


def test_a_garbled_request_runs_no_command_and_says_nothing(tmp_path):
    new = tmp_path / "new.json"
    done = subprocess.run(
        [sys.executable, "-m", "app"],
        env=environment(_ARGCOMPLETE="1", COMP_LINE=f"followup demo --db {new}", COMP_POINT="x"),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stdout, done.stderr) == (1, "", "")
    assert not new.exists()
