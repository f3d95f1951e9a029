"""Where mail comes from (SPEC section 11): an IMAP account, a Maildir, an mbox file. Each source
gives raw messages as ``Found(folder, key, raw, received)`` and changes nothing: the IMAP folder
is examined (read-only) and read with ``BODY.PEEK``, no flag is set in a Maildir or an mbox, and
no lock is taken for writing.

A message larger than ``MAX_MESSAGE_BYTES`` is passed over and counted in a ``Tally``, never read
whole: an attachment of a hundred megabytes says nothing about an interview.

The IMAP password is an argument, never stored: ``password_for`` gets it from
``FOLLOWUP_IMAP_PASSWORD`` or from the user's ``password_command``; no error message repeats it.
"""

from __future__ import annotations

import contextlib
import email.parser
import email.utils
import errno
import ipaddress
import mailbox
import os
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from app.errors import UserError
from app.files import (
    FileProblem,
    TooLarge,
    Unreadable,
    check_regular,
    max_bytes,
    open_regular,
    read_regular,
)
from app.inbox.settings_file import Cursor, Settings
from app.secrets import hide, password_from

if TYPE_CHECKING:
    from imapclient import IMAPClient  # type: ignore[import-untyped, unused-ignore]

    from app.inbox.mail import Address

PASSWORD_ENV = "FOLLOWUP_IMAP_PASSWORD"
MAX_MESSAGE_BYTES = 30 * 1024 * 1024
TIMEOUT_SECONDS = 20.0
INBOX = "inbox"
SENT = "sent"
# Asked for before a whole message: enough to tell whose it is and when it was written.
HEADER_FIELDS = "BODY.PEEK[HEADER.FIELDS (FROM TO CC DATE MESSAGE-ID SUBJECT)]"
SENT_FOLDERS = ("Sent", "[Gmail]/Sent Mail", "Sent Items")
_HEADER_BATCH = 500
_BODY_BATCH = 100


class Found(NamedTuple):
    """One raw message: ``folder`` is ``INBOX`` or ``SENT``; ``key`` names it in its source."""

    folder: str
    key: str
    raw: bytes
    received: datetime | None  # aware; when the mail system got it, where it says


@dataclass(slots=True)
class Tally:
    """What a scan passed over, for the line it ends with."""

    too_large: int = 0
    unreadable: int = 0  # gone between listing and reading, or not a regular file


# --------------------------------------------------------------------------- files


def maildir_messages(
    path: Path,
    *,
    since: datetime | None,
    tally: Tally | None = None,
    limit: int | None = None,
    known: Collection[str] = (),
) -> Iterator[Found]:
    """The messages of the Maildir at ``path`` (``new/`` and ``cur/``), oldest first, but
    those whose key (the file's name before its flags) is in ``known``, which are not read.

    The folder is listed here rather than through ``mailbox.Maildir``, whose plain ``open()``
    waits forever on a FIFO; each file goes through the bounded reader instead.
    """
    tally = Tally() if tally is None else tally
    limit = _message_limit(limit)
    if not all((path / sub).is_dir() for sub in ("cur", "new")):
        raise UserError(f"{path} is not a Maildir (it has no cur/ and new/ folders)")
    listed: list[tuple[float, str, Path]] = []
    for sub in ("new", "cur"):
        try:
            names = os.listdir(path / sub)
        except OSError as error:
            raise FileProblem(path / sub, error) from None
        for name in names:
            if name.startswith(".") or name.partition(":")[0] in known:
                continue
            file = path / sub / name
            try:
                status = check_regular(file)
            except Unreadable:
                tally.unreadable += 1
                continue
            if status is None:
                tally.unreadable += 1
                continue
            listed.append((status.st_mtime, name, file))
    listed.sort()
    for mtime, name, file in listed:
        received = datetime.fromtimestamp(mtime, UTC)
        if since is not None and received < since:
            continue
        try:
            raw = read_regular(file, limit)
        except TooLarge:
            tally.too_large += 1
            continue
        except Unreadable:
            tally.unreadable += 1
            continue
        except OSError:
            tally.unreadable += 1
            continue
        if _dated_before(raw, since):
            continue
        # The key is the name before the info (":2,S"), which changes when flags do.
        yield Found(INBOX, name.partition(":")[0], raw, received)


def mbox_messages(
    path: Path,
    *,
    since: datetime | None,
    tally: Tally | None = None,
    limit: int | None = None,
) -> Iterator[Found]:
    """The messages of the mbox file at ``path``, in the file's order."""
    tally = Tally() if tally is None else tally
    limit = _message_limit(limit)
    _check_mbox(path)
    try:
        box = mailbox.mbox(path, create=False)
    except mailbox.NoSuchMailboxError:
        raise UserError(f"{path}: no such mbox file") from None
    except OSError as error:
        raise FileProblem(path, error) from None
    try:
        for key in box.iterkeys():
            with box.get_file(key, from_=True) as whole:
                first = whole.readline()
                whole.seek(0, os.SEEK_END)
                size = whole.tell() - len(first)
                if size > limit:
                    tally.too_large += 1
                    continue
                whole.seek(len(first))
                raw = whole.read(size)
            received = _from_line_time(first)
            if since is not None and received is not None and received < since:
                continue
            if _dated_before(raw, since):
                continue
            yield Found(INBOX, str(key), raw, received)
    except OSError as error:
        raise FileProblem(path, error) from None
    finally:
        box.close()


def _check_mbox(path: Path) -> None:
    try:
        descriptor = open_regular(path)
    except FileNotFoundError:
        raise UserError(f"{path}: no such mbox file") from None
    except OSError as error:
        raise FileProblem(path, error) from None
    try:
        start = os.read(descriptor, 5)
    finally:
        os.close(descriptor)
    if start and start != b"From ":
        raise UserError(f"{path} is not an mbox file (it does not start with a 'From ' line)")


def _message_limit(limit: int | None) -> int:
    return min(MAX_MESSAGE_BYTES, max_bytes()) if limit is None else limit


def _from_line_time(line: bytes) -> datetime | None:
    # "From sender@example.com Thu Mar  7 09:15:00 2024": the date is asctime's, in UTC by
    # custom (the mailbox module writes it so).
    words = line.decode("ascii", "replace").split()
    if len(words) < 7:
        return None
    try:
        return datetime.strptime(" ".join(words[-5:]), "%a %b %d %H:%M:%S %Y").replace(tzinfo=UTC)
    except ValueError:
        return None


def _dated_before(raw: bytes, since: datetime | None) -> bool:
    if since is None:
        return False
    head = raw.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    date = email.parser.BytesHeaderParser().parsebytes(head).get("Date")
    if date is None:
        return False
    try:
        at = email.utils.parsedate_to_datetime(str(date))
    except (TypeError, ValueError):
        return False
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at < since


# --------------------------------------------------------------------------- the password


def password_for(settings: Settings) -> str:
    """``FOLLOWUP_IMAP_PASSWORD`` when set, else the first line ``password_command`` prints."""
    return password_from(PASSWORD_ENV, settings.password_command, "followup inbox setup")


# --------------------------------------------------------------------------- IMAP


def imap_messages(
    settings: Settings,
    password: str,
    cursors: dict[str, Cursor],
    *,
    wanted: Callable[[tuple[Address, ...]], bool],
    since: datetime | None = None,
    tally: Tally | None = None,
    limit: int | None = None,
) -> tuple[list[Found], dict[str, Cursor]]:
    """The new messages of the inbox folder and the sent folder whose addresses are
    ``wanted``, and the cursors to start from next time.

    Headers come first, for every new message; a whole message is fetched only when
    ``wanted`` says yes to its addresses and it is at most ``limit`` bytes. A folder resumes
    after its cursor's ``last_uid``, or starts over when its UIDVALIDITY changed (``since``,
    when given, then bounds how far back). The returned cursors say that every message up to
    their ``last_uid`` was looked at, wanted or not.
    """
    from imapclient.exceptions import IMAPClientError  # type: ignore[import-untyped, unused-ignore]

    tally = Tally() if tally is None else tally
    limit = _message_limit(limit)
    client = _connect(settings, password)
    found: list[Found] = []
    after = dict(cursors)
    try:
        for kind, folder in _folders(client, settings):
            fresh, cursor = _scan_folder(
                client,
                folder,
                kind=kind,
                cursor=cursors.get(folder),
                wanted=wanted,
                since=since,
                tally=tally,
                limit=limit,
            )
            found.extend(fresh)
            after[folder] = cursor
    except IMAPClientError as error:
        raise UserError(_imap_problem(settings, error, password)) from None
    except OSError as error:
        raise UserError(_network_problem(settings, error, password)) from None
    finally:
        _logout_quietly(client)
    return found, after


def is_loopback(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address.partition("%")[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_loopback


def _connect(settings: Settings, password: str) -> IMAPClient:
    import ssl

    from imapclient import IMAPClient  # type: ignore[import-untyped, unused-ignore]
    from imapclient.exceptions import IMAPClientError, LoginError  # type: ignore[import-untyped, unused-ignore]
    from imapclient.imapclient import SocketTimeout  # type: ignore[import-untyped, unused-ignore]

    where = f"{settings.host}:{settings.effective_port}"
    timeout = SocketTimeout(connect=TIMEOUT_SECONDS, read=TIMEOUT_SECONDS)
    context = ssl.create_default_context()
    try:
        client = IMAPClient(
            settings.host,
            port=settings.effective_port,
            ssl=settings.security == "ssl",
            ssl_context=context,
            timeout=timeout,
        )
    except IMAPClientError as error:
        raise UserError(_imap_problem(settings, error, password)) from None
    except OSError as error:
        raise UserError(_network_problem(settings, error, password)) from None
    try:
        if settings.security == "starttls":
            if client.has_capability("STARTTLS"):
                client.starttls(context)
            elif not is_loopback(_peer(client)):
                raise UserError(
                    f"the IMAP server {where} does not offer STARTTLS, so the password would "
                    "cross the network unencrypted; nothing was sent "
                    "(`--security none` allows it)"
                )
        client.normalise_times = False
        client.login(settings.user, password)
    except LoginError:
        _logout_quietly(client)
        raise UserError(
            f"the IMAP server {where} refused the login of {settings.user!r} "
            "(a wrong user name or password)"
        ) from None
    except IMAPClientError as error:
        _logout_quietly(client)
        raise UserError(_imap_problem(settings, error, password)) from None
    except OSError as error:
        _logout_quietly(client)
        raise UserError(_network_problem(settings, error, password)) from None
    except BaseException:
        _logout_quietly(client)
        raise
    return client


def _peer(client: IMAPClient) -> str:
    try:
        peer: Any = client.socket().getpeername()
    except OSError:
        return ""
    return str(peer[0])


def _folders(client: IMAPClient, settings: Settings) -> list[tuple[str, str]]:
    folders = [(INBOX, settings.folder)]
    if settings.sent_folder is not None:
        if not client.folder_exists(settings.sent_folder):
            raise UserError(
                f"the IMAP server {settings.host} has no folder {settings.sent_folder!r} "
                "(`followup inbox setup --sent-folder` names the folder of sent mail)"
            )
        folders.append((SENT, settings.sent_folder))
        return folders
    from imapclient.imapclient import SENT as SENT_FLAG  # type: ignore[import-untyped, unused-ignore]

    sent = client.find_special_folder(SENT_FLAG)
    if sent is None:
        sent = next((name for name in SENT_FOLDERS if client.folder_exists(name)), None)
    if sent is not None and sent != settings.folder:
        folders.append((SENT, str(sent)))
    return folders


def _scan_folder(
    client: IMAPClient,
    folder: str,
    *,
    kind: str,
    cursor: Cursor | None,
    wanted: Callable[[tuple[Address, ...]], bool],
    since: datetime | None,
    tally: Tally,
    limit: int,
) -> tuple[list[Found], Cursor]:
    from app.inbox.parse import addresses_of

    status = client.select_folder(folder, readonly=True)
    validity = int(status[b"UIDVALIDITY"])
    last = cursor["last_uid"] if cursor and cursor["uidvalidity"] == validity else 0
    if since is not None:
        # Asked for: the mail since then, read again (it may answer an interview added since
        # it was first read); what was recorded or dismissed is still never proposed again.
        uids = list(client.search(["SINCE", since.date()]))
    elif last:
        # "n:*" names the last message even when its UID is below n, hence the filter.
        uids = [u for u in client.search(["UID", f"{last + 1}:*"]) if u > last]
    else:
        uids = list(client.search(["ALL"]))
    uids.sort()
    if not uids:
        return [], Cursor(uidvalidity=validity, last_uid=last)
    chosen: list[tuple[int, int, datetime | None]] = []
    for start in range(0, len(uids), _HEADER_BATCH):
        batch = uids[start : start + _HEADER_BATCH]
        heads = client.fetch(batch, [HEADER_FIELDS, "RFC822.SIZE", "INTERNALDATE"])
        for uid in batch:
            head = heads.get(uid)
            if head is None:  # expunged meanwhile
                continue
            if not wanted(addresses_of(_header_bytes(head))):
                continue
            size = int(head.get(b"RFC822.SIZE", 0))
            if size > limit:
                tally.too_large += 1
                continue
            received = head.get(b"INTERNALDATE")
            chosen.append((uid, size, received if isinstance(received, datetime) else None))
    found = []
    for group in _by_size(chosen, limit):
        # Partial fetches one byte past the limit: a server that misstated a size cannot make
        # us read more.
        bodies = client.fetch([uid for uid, _, _ in group], [f"BODY.PEEK[]<0.{limit + 1}>"])
        for uid, _, received in group:
            body = bodies.get(uid, {})
            raw = next((v for k, v in body.items() if k.startswith(b"BODY[")), None)
            if not isinstance(raw, bytes):
                tally.unreadable += 1
                continue
            if len(raw) > limit:
                tally.too_large += 1
                continue
            found.append(Found(kind, f"{folder}/{validity}/{uid}", raw, received))
    return found, Cursor(uidvalidity=validity, last_uid=max(last, uids[-1]))


def _by_size(
    chosen: list[tuple[int, int, datetime | None]], limit: int
) -> Iterator[list[tuple[int, int, datetime | None]]]:
    """``chosen`` in groups of at most ``_BODY_BATCH`` messages and ``limit`` bytes, fetched in
    one round trip each: a round trip per message costs the network's latency every time."""
    group: list[tuple[int, int, datetime | None]] = []
    total = 0
    for each in chosen:
        if group and (total + each[1] > limit or len(group) >= _BODY_BATCH):
            yield group
            group, total = [], 0
        group.append(each)
        total += each[1]
    if group:
        yield group


def _header_bytes(head: dict[bytes, Any]) -> bytes:
    value = next((v for k, v in head.items() if k.startswith(b"BODY[HEADER")), b"")
    return value if isinstance(value, bytes) else b""


def _logout_quietly(client: IMAPClient) -> None:
    # The connection may be dead already; there is nothing more to say to it.
    try:
        client.logout()
    except Exception:
        with contextlib.suppress(Exception):
            client.shutdown()


def _imap_problem(settings: Settings, error: Exception, password: str) -> str:
    where = f"{settings.host}:{settings.effective_port}"
    said = hide(str(error), password) or type(error).__name__
    return f"the IMAP server {where} answered: {said}"


def _network_problem(settings: Settings, error: OSError, password: str) -> str:
    import socket
    import ssl

    where = f"{settings.host}:{settings.effective_port}"
    if isinstance(error, ssl.SSLCertVerificationError):
        reason = error.verify_message or "it cannot be verified"
        problem = f"its certificate is not trusted ({reason}); nothing was sent"
    elif isinstance(error, ssl.SSLError):
        problem = f"TLS failed ({error.reason or error}); is --security right?"
    elif isinstance(error, socket.gaierror):
        problem = "no such host name"
    elif isinstance(error, TimeoutError):
        problem = f"no answer within {TIMEOUT_SECONDS:.0f} s"
    elif isinstance(error, ConnectionRefusedError) or error.errno == errno.ECONNREFUSED:
        problem = "the connection was refused (nothing listens there)"
    else:
        problem = error.strerror or str(error) or type(error).__name__
    return hide(f"cannot read mail from the IMAP server {where}: {problem}", password)
