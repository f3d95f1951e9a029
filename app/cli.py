# PYTHON_ARGCOMPLETE_OK: argcomplete's global completion looks for this in the module that
# the `followup` script runs (app.cli) before it asks the program to complete a word.
"""The ``followup`` command line (SPEC section 8): parse, dispatch, and turn every failure into
one line on stderr.

Each command lives in its own module under ``app.commands`` and is imported only when it runs,
so that ``import``, ``export`` and ``due`` start fast and never load the terminal UI.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import io
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TextIO, cast

from app.domain.kinds import Channel
from app.errors import UserError

if TYPE_CHECKING:
    from app.commands.context import Context

    CommandFunc = Callable[[argparse.Namespace, Context], int]

PROG = "followup"
DEBUG_ENV = "FOLLOWUP_DEBUG"
COMPLETING = "_ARGCOMPLETE"
"""Set by the shell's completion function (argcomplete's protocol)."""

# command -> (module, function). The dashboard runs when no command is given.
DASHBOARD = "dashboard"
COMMANDS: dict[str, tuple[str, str]] = {
    DASHBOARD: ("app.commands.dashboard", "run"),
    "demo": ("app.commands.demo", "run"),
    "import": ("app.commands.import_", "run"),
    "export": ("app.commands.export", "run"),
    "due": ("app.commands.due", "run"),
    "draft": ("app.commands.draft", "run"),
    "sent": ("app.commands.events", "sent"),
    "reply": ("app.commands.events", "reply"),
    "snooze": ("app.commands.events", "snooze"),
    "skip": ("app.commands.events", "skip"),
    "calendar": ("app.commands.calendar", "run"),
    "restore": ("app.commands.restore", "run"),
    "profile": ("app.commands.profile", "run"),
    "inbox": ("app.commands.inbox", "run"),
}

# The commands that record what happened: their --at also reads "yesterday 17:00".
EVENT_COMMANDS = frozenset({"sent", "reply", "snooze", "skip"})

UTF8 = frozenset({"utf-8", "utf8"})


def main(argv: Sequence[str] | None = None) -> int:
    from app.commands.streams import CheckedStream

    _speak_utf8()
    out = CheckedStream(sys.stdout, "standard output")
    # A text stream in all but its class: the commands know only TextIO.
    err = cast(TextIO, CheckedStream(sys.stderr, "standard error"))
    parser = build_parser()
    if argv is None and COMPLETING in os.environ:
        return _complete(parser)
    try:
        args = parser.parse_args(argv)
    except SystemExit as done:
        # argparse exits by itself on --help (0) and on a usage error (2).
        return done.code if isinstance(done.code, int) else 2
    try:
        return _run(args, cast(TextIO, out), err)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError as problem:
        if not out.reader_left:
            return _fail(err, problem)
        # The reader went away (`followup due --json | head -1`): what it read is all it
        # wanted, so stop quietly and with success, and keep Python from complaining again
        # when it flushes stdout on exit.
        _silence_stdout()
        return 0
    except Exception as problem:  # every failure ends here, as one line
        return _fail(err, problem)


def _fail(err: TextIO, problem: Exception) -> int:
    known, line = _describe(problem)
    _say(err, line)
    if not known and os.environ.get(DEBUG_ENV):
        import traceback  # only when asked for: it costs every command's start

        traceback.print_exc(file=err)
    return 1


def _speak_utf8() -> None:
    """Make what is printed without going through the command's streams (argparse's help and
    errors, a prompt) UTF-8 too, whatever the locale says."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.encoding.lower() not in UTF8:
            with contextlib.suppress(OSError, ValueError):
                stream.reconfigure(encoding="utf-8")


def _complete(parser: argparse.ArgumentParser) -> int:
    """The shell asks what may complete a word: answer, and never run a command."""
    try:
        from app.commands.completion import complete

        complete(parser)  # answers and ends the process
    except BaseException:  # nothing, and no traceback, in the middle of the user's prompt
        pass
    return 1


def _run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from app.commands.context import Context, parse_at, parse_event_at
    from app.files import check_regular
    from app.paths import resolve_db_path

    command = args.command or DASHBOARD
    _refuse_undecodable(args)
    func = _load(command)
    at_text = getattr(args, "at", None)
    phrase = None
    if command in EVENT_COMMANDS:
        at, phrase = parse_event_at(at_text)
    else:
        at = parse_at(at_text)
    db_path = resolve_db_path(args.db)
    # Before any command opens it or locks it: a FIFO would hang it, a device fill its memory.
    check_regular(db_path)
    ctx = Context(db_path=db_path, at=at, out=out, err=err, at_phrase=phrase)
    code = func(args, ctx)
    # A command that wrote the database (whichever it is) has the calendar follow.
    if code == 0 and "records" in vars(ctx) and ctx.records.wrote:
        _sync_the_calendar(ctx)
    return code


def _sync_the_calendar(ctx: Context) -> None:
    """After a change, the events on the user's CalDAV calendar follow, when one is set up."""
    from app.services.calendar_sync import sync_if_set_up

    said = sync_if_set_up(ctx.records, ctx.now)
    if said is None:
        return
    synced, line = said
    if synced:
        ctx.say(f"Calendar {line}" if line.startswith("synced") else f"Calendar: {line}")
    else:
        ctx.warn(line)


# Paths are the file system's bytes, whatever they are; every other value is text to keep.
_PATHS = frozenset({"db", "file", "eml", "out", "maildir", "mbox"})
_OPTION_NAMES = {"id": "ID", "interview": "INTERVIEW", "with_ids": "--with", "command": "COMMAND"}


def _refuse_undecodable(args: argparse.Namespace) -> None:
    """An option's text that is not UTF-8 (Python holds its bytes as lone surrogates) cannot
    be stored or shown: said in one line, before anything is read."""
    for name, value in vars(args).items():
        values = value if isinstance(value, list) else [value]
        for text in values:
            if name in _PATHS or not isinstance(text, str):
                continue
            try:
                text.encode("utf-8")
            except UnicodeEncodeError:
                option = _OPTION_NAMES.get(name, f"--{name.replace('_', '-')}")
                raise UserError(f"{option}: is not valid UTF-8 text") from None


def _load(command: str) -> CommandFunc:
    module_name, func_name = COMMANDS[command]
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as missing:
        # Only the command's own module being absent means "not yet"; a module it imports
        # that is missing is a bug, reported as one.
        if missing.name is None or not (module_name + ".").startswith(missing.name + "."):
            raise
        raise UserError(f"{_label(command)} is not available yet") from None
    func = getattr(module, func_name, None)
    if not callable(func):
        raise UserError(f"{_label(command)} is not available yet")
    return func  # type: ignore[no-any-return]


def _label(command: str) -> str:
    return "the dashboard" if command == DASHBOARD else command


def _describe(problem: BaseException) -> tuple[bool, str]:
    """The one line for a failure, and whether it is one we expected (not a bug)."""
    from app.domain.errors import InvalidData

    if isinstance(problem, InvalidData):
        return True, problem.summary()
    if isinstance(problem, UserError):
        return True, str(problem)
    if isinstance(problem, OSError):
        from app.files import os_problem

        where = f"{problem.filename}: " if problem.filename else ""
        return True, f"{where}{os_problem(problem)}"
    return False, f"internal error: {type(problem).__name__}: {problem}"


def _say(err: TextIO, line: str) -> None:
    from app.domain.text import printable

    # Every error line passes here, and many quote what the user typed or a file held: its
    # control characters are shown as escapes, never sent to the terminal.
    said = printable(" ".join(line.splitlines()))
    # Nowhere left to say it when stderr itself fails; the exit status still does.
    with contextlib.suppress(OSError, UserError):
        err.write(f"{PROG}: {said}\n")
        err.flush()


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


# --------------------------------------------------------------------------- the parser


class _Parser(argparse.ArgumentParser):
    """argparse's parser, whose usage errors quote what was typed with its control characters
    shown as escapes (``followup: error: unrecognized arguments: --at \\x1f``)."""

    def _print_message(self, message: str, file: Any = None) -> None:
        from app.domain.text import printable

        super()._print_message(printable(message), file)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Make sure you follow up after every interview. "
        "With no command, opens the dashboard.",
    )
    parser.add_argument("--db", metavar="PATH", default=None, help=_DB_HELP)
    # --db is accepted after the command too (scripts put it last); SUPPRESS keeps a
    # missing one there from hiding the one given before the command.
    db = _Parser(add_help=False)
    db.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=_DB_HELP)
    at = _Parser(add_help=False)
    at.add_argument(
        "--at",
        metavar="T",
        help="stand-in for now, ISO 8601 (e.g. 2026-11-20T09:00 or 2026-11-20T09:00:00+00:00)",
    )
    happened = _Parser(add_help=False)
    happened.add_argument(
        "--at",
        metavar="T",
        help="when it happened (default: now): ISO 8601, which may be any time to replay one, "
        "or a phrase such as 'yesterday 17:00' or 'today 9am', never in the future",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, summary: str, *parents: _Parser) -> argparse.ArgumentParser:
        return commands.add_parser(name, help=summary, description=summary, parents=[db, *parents])

    command("demo", "fill a database with realistic sample interviews", at)
    imp = command("import", "add the interviews of an interchange file")
    imp.add_argument("file", metavar="FILE", help="an interchange file (JSON)")
    imp.add_argument(
        "--replace", action="store_true", help="replace interviews whose id is already there"
    )
    command("export", "print the whole database as an interchange file")
    due = command("due", "actions overdue, due, or opening within N days", at)
    due.add_argument(
        "--days", metavar="N", type=_days, default=14, help="how far ahead (default 14)"
    )
    due.add_argument("--json", action="store_true", help="print a JSON array")
    draft = command("draft", "print the draft of an action", at)
    _completes(draft.add_argument("id", metavar="ID", help=_ID_HELP), "actions")
    draft.add_argument("--copy", action="store_true", help="copy it to the clipboard")
    _with(draft, "one message to the same person that also does these actions")
    mail = draft.add_mutually_exclusive_group()
    mail.add_argument(
        "--eml", metavar="FILE", help="write it as an unsent message for your mail program"
    )
    mail.add_argument("--mailto", action="store_true", help="print it as a mailto: link")
    mail.add_argument("--open", action="store_true", help="open it in your mail program")
    sent = command("sent", "mark an action done/sent", happened)
    _completes(sent.add_argument("id", metavar="ID", help=_ID_HELP), "actions")
    _with(sent, "the others sent in the same message")
    channels = [c.value for c in Channel]
    sent.add_argument("--channel", metavar="C", choices=channels, help="how it went out")
    sent.add_argument(
        "--keep-warm", action="store_true", help="on a move_on: keep in touch now and then"
    )
    reply = command("reply", "record that the employer answered", happened)
    _completes(
        reply.add_argument(
            "interview",
            metavar="INTERVIEW",
            help="the interview's id, or the number `due` gave one of its actions",
        ),
        "interviews",
    )
    _completes(
        reply.add_argument("--contact", metavar="C", help="the id of the contact who answered"),
        "contacts",
    )
    reply.add_argument("--summary", metavar="S", help="what they said, in a line")
    snooze = command("snooze", "put an action off until a time", happened)
    _completes(snooze.add_argument("id", metavar="ID", help=_ID_HELP), "actions")
    snooze.add_argument("--until", metavar="T", required=True, help="when to see it again")
    skip = command("skip", "drop an action for good", happened)
    _completes(skip.add_argument("id", metavar="ID", help=_ID_HELP), "actions")
    calendar = command("calendar", "the open actions as an iCalendar file", at)
    calendar.description = (
        "The open actions as an iCalendar file, for a calendar app: one event for each open "
        "action (upcoming, due or overdue, however far ahead), 15 minutes when it opens with a "
        "reminder (--all-day: all day on the day it is due), saying what to do, to whom, why, "
        "and how to mark it done. --todos adds a to-do for each, starting when it opens and due "
        "when it closes, for to-do apps. Each UID is stable, so a calendar that reads the file "
        "again updates its events in place and drops those done. --at replays another moment. "
        "--out replaces the file in one step, so a calendar subscribed to it never reads half "
        "of one; a link is followed and the file it leads to is replaced. `calendar setup` and "
        "`calendar sync` keep the events on your own CalDAV calendar instead."
    )
    calendar.add_argument(
        "--out",
        metavar="FILE",
        help="write it to FILE, replaced in one step; a link stays a link (default: stdout)",
    )
    calendar.add_argument(
        "--all-day", action="store_true", help="each action on its due day, not at its time"
    )
    calendar.add_argument(
        "--todos", action="store_true", help="to-dos for a to-do app as well as the events"
    )
    _calendar_steps(calendar, db, at)
    restore = command("restore", "list the database's backups, or put one back")
    restore.add_argument(
        "backup",
        metavar="BACKUP",
        nargs="?",
        help="the number (from the list) or path of the backup to restore",
    )
    restore.add_argument("--yes", action="store_true", help="restore without asking")
    profile = command("profile", "print my profile; with options, set those fields")
    profile.add_argument("--name", metavar="N", help="my name, as drafts sign it")
    profile.add_argument("--email", metavar="E", help="my email address")
    profile.add_argument("--phone", metavar="P", help="my phone number")
    profile.add_argument(
        "--timezone", metavar="Z", help='my time zone, such as Europe/London ("" clears it)'
    )
    profile.add_argument(
        "--signature",
        metavar="TEXT",
        help="how drafts end, over several lines if need be; - reads it from standard input",
    )
    _inbox(command("inbox", "read my mail, without changing it, for what to record"), db, at)
    return parser


def _account(setup: argparse.ArgumentParser) -> None:
    """Whose account, and how followup gets its password without ever keeping it."""
    setup.add_argument("--user", metavar="U", required=True, help="the account's user name")
    setup.add_argument(
        "--password-command",
        metavar="CMD",
        required=True,
        help="a command that prints the password (run without a shell; never stored)",
    )


def _calendar_steps(calendar: argparse.ArgumentParser, db: _Parser, at: _Parser) -> None:
    """``calendar setup|sync`` (SPEC section 8): the open actions on my CalDAV calendar."""
    steps = calendar.add_subparsers(dest="calendar_command", metavar="STEP", required=False)
    setup = steps.add_parser(
        "setup", help="which CalDAV calendar to keep (never the password)", parents=[db]
    )
    setup.add_argument("--url", metavar="URL", required=True, help="the CalDAV server")
    _account(setup)
    setup.add_argument("--calendar", metavar="NAME", help="the calendar's name (else the first)")
    steps.add_parser(
        "sync",
        help="create, move and delete the events followup made for the open actions",
        parents=[db, at],
    )


def _inbox(inbox: argparse.ArgumentParser, db: _Parser, at: _Parser) -> None:
    """``inbox setup|scan|apply|dismiss`` (SPEC sections 8 and 11)."""
    steps = inbox.add_subparsers(dest="inbox_command", metavar="STEP", required=True)
    setup = steps.add_parser("setup", help="where my mail is (never the password)", parents=[db])
    setup.add_argument("--host", metavar="H", required=True, help="the IMAP server")
    setup.add_argument("--port", metavar="P", type=_port, help="993 for ssl, 143 for starttls")
    _account(setup)
    setup.add_argument("--folder", metavar="F", default="INBOX", help="where replies come in")
    setup.add_argument("--sent-folder", metavar="F", help="where my sent mail is kept")
    setup.add_argument(
        "--security", choices=("ssl", "starttls", "none"), default="ssl", help="ssl by default"
    )
    scan = steps.add_parser(
        "scan", help="list what my mail proposes to record (changes nothing)", parents=[db, at]
    )
    where = scan.add_mutually_exclusive_group()
    where.add_argument("--maildir", metavar="DIR", help="read a Maildir instead of IMAP")
    where.add_argument("--mbox", metavar="FILE", help="read an mbox file instead of IMAP")
    scan.add_argument(
        "--since",
        metavar="DATE",
        help="the messages from this date on, read again even where an earlier scan read them",
    )
    scan.add_argument("--json", action="store_true", help="the proposals as JSON")
    apply = steps.add_parser(
        "apply",
        help="record the chosen proposals",
        description="Record the chosen proposals of the last scan, each once. A message about "
        "more than one of your interviews is recorded as ID=INTERVIEW.",
        parents=[db, at],
    )
    chosen = apply.add_mutually_exclusive_group(required=True)
    chosen.add_argument(
        "proposals",
        metavar="PROPOSAL",
        nargs="*",
        default=[],
        help="ids from the scan (ID or ID=INTERVIEW)",
    )
    chosen.add_argument("--all", action="store_true", help="every proposal of the last scan")
    dismiss = steps.add_parser("dismiss", help="never propose these again", parents=[db])
    dismiss.add_argument("proposals", metavar="PROPOSAL", nargs="+", help="ids from the scan")


def _with(parser: argparse.ArgumentParser, summary: str) -> None:
    option = parser.add_argument(
        "--with",
        dest="with_ids",
        metavar="ID",
        action="extend",
        nargs="+",
        help=f"{summary} (ids, or numbers of the last `followup due` listing)",
    )
    _completes(option, "actions")


class _Completer:
    """Completes an argument from the database when the shell asks; app.commands.completion
    (and argcomplete) is imported only then."""

    def __init__(self, what: str) -> None:
        self.what = what

    def __call__(self, **kwargs: Any) -> dict[str, str]:
        from app.commands import completion

        choices: Callable[..., dict[str, str]] = getattr(completion, self.what)
        return choices(**kwargs)


def _completes(action: argparse.Action, what: str) -> None:
    # argcomplete reads the completer from this attribute of the argument.
    action.completer = _Completer(what)  # type: ignore[attr-defined]


_ID_HELP = "the action's id, or its number in the last `followup due` listing"
_DB_HELP = "the database file (default: $FOLLOWUP_DB, else the user data folder)"


def _days(text: str) -> int:
    try:
        days = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number of days: {text!r}") from None
    if not 0 <= days <= 100_000:
        raise argparse.ArgumentTypeError(f"not a number of days from 0 to 100000: {text!r}")
    return days


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"not a port number from 1 to 65535: {text!r}")
    return port
