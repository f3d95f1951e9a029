"""How long `followup inbox scan` takes: a Maildir of 10,000 messages of which 50 are from the
demo's contacts, the first scan and a second with nothing new; and an IMAP account on a real
Dovecot (where one is installed), the first scan of 1,000 messages and a resumed one.

Run from the project's root: ``python -m bench.inbox_bench [--runs N]`` (3 by default).

Each figure is the wall time of the whole command, from the process's start to its exit (the
interpreter and the imports included, as a person waits for them), median of the runs; every
run has a fresh inbox state, so that a first scan reads everything. Targets (issue 19): the
first Maildir scan ≤5 s, the second ≤0.5 s.
"""

from __future__ import annotations

import email.message
import mailbox
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import figures, options
from bench.processes import PYTHON, environment

AT = "2026-12-04T09:00:00+00:00"
CONTACTS = (
    "Sofia Marsh <sofia.marsh@harborlane.example>",
    "Hana Okafor <hana.okafor@brightwater.example>",
    "Lena Vogt <lena.vogt@tidewell.example>",
)
MESSAGES, MATCHING = 10_000, 50
IMAP_MESSAGES, IMAP_WANTED = 1_000, 100


def main() -> int:
    parser = options.parser(__doc__, runs=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="followup-inbox-bench-") as scratch:
        folder = Path(scratch)
        db = folder / "followup.json"
        _followup("demo", "--db", str(db), "--at", AT)
        maildir = folder / "Mail"
        made = time.perf_counter()
        _fill(mailbox.Maildir(maildir, create=True), MESSAGES, MATCHING)
        print(f"a Maildir of {MESSAGES:,} messages, {MATCHING} matching, made in "
              f"{time.perf_counter() - made:.1f} s", flush=True)  # fmt: skip
        first, second = [], []
        for _ in range(args.runs):
            _state(db).unlink(missing_ok=True)
            first.append(_timed("inbox", "scan", "--maildir", str(maildir), "--db", str(db)))
            second.append(_timed("inbox", "scan", "--maildir", str(maildir), "--db", str(db)))
        print(_line("Maildir, first scan", first, 5.0))
        print(_line("Maildir, second scan (nothing new)", second, 0.5))
        print(_imap(folder, db, args.runs), flush=True)
    return 0


def _imap(folder: Path, db: Path, runs: int) -> str:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    try:
        from tests.inbox.dovecot import running_dovecot
    except ImportError as missing:
        return f"IMAP: not measured ({missing})"
    try:
        with running_dovecot() as server:
            for n in range(IMAP_MESSAGES):
                sender = CONTACTS[n % 3] if n % (IMAP_MESSAGES // IMAP_WANTED) == 0 else None
                server.append(bytes(_message(n, sender)))
            setup = ["inbox", "setup", "--host", server.host, "--port", str(server.port)]
            setup += ["--user", server.user, "--password-command", "true"]
            _followup(*setup, "--security", "none", "--db", str(db))
            env = {"FOLLOWUP_IMAP_PASSWORD": server.password}
            first, resumed = [], []
            for _ in range(runs):
                state = _state(db)
                kept = state.read_text()
                first.append(_timed("inbox", "scan", "--db", str(db), extra=env))
                resumed.append(_timed("inbox", "scan", "--db", str(db), extra=env))
                state.write_text(kept)  # back to no cursors: the next run scans from the start
            return "\n".join(
                [
                    _line(f"IMAP ({IMAP_MESSAGES:,}, {IMAP_WANTED} wanted), first scan", first),
                    _line("IMAP, resumed scan (nothing new)", resumed),
                ]
            )
    except (OSError, RuntimeError, SystemExit) as problem:
        return f"IMAP: not measured ({problem})"


def _fill(box: mailbox.Maildir, count: int, matching: int) -> None:
    every = count // matching
    for n in range(count):
        box.add(_message(n, CONTACTS[n % 3] if n % every == 0 else None))


def _message(n: int, sender: str | None) -> email.message.EmailMessage:
    made = email.message.EmailMessage()
    made["From"] = sender or f"News {n} <news{n}@shop{n % 50}.example>"
    made["To"] = "Jordan Ellis <jordan@jordanellis.example>"
    made["Subject"] = f"Message {n}"
    made["Date"] = "Thu, 03 Dec 2026 15:00:00 +0000"
    made["Message-ID"] = f"<bench-{n}@mail.example>"
    made.set_content("A line of the kind a message holds, repeated as mail is long.\n" * 40)
    return made


def _state(db: Path) -> Path:
    return db.with_name(db.name + ".inbox.json")


def _followup(*argv: str) -> None:
    subprocess.run([PYTHON, "-m", "app", *argv], env=environment(), check=True,
                   stdout=subprocess.DEVNULL)  # fmt: skip


def _timed(*argv: str, extra: dict[str, str] | None = None) -> float:
    env = {**environment(), **(extra or {})}
    started = time.perf_counter()
    done = subprocess.run([PYTHON, "-m", "app", *argv, "--at", AT], env=env,
                          stdout=subprocess.DEVNULL, check=False)  # fmt: skip
    taken = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"followup {' '.join(argv)} failed with exit code {done.returncode}")
    return taken


def _line(label: str, times: list[float], target: float | None = None) -> str:
    shown = f"{figures.median(times):.2f} s (median of {len(times)}: "
    shown += ", ".join(f"{t:.2f}" for t in times) + ")"
    judged = ""
    if target is not None:
        judged = (
            f"  target ≤{target:g} s: {'met' if figures.median(times) <= target else 'NOT met'}"
        )
    return f"{label:44}{shown}{judged}"


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
