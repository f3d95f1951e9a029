"""A real IMAP server for the inbox's tests: Debian's Dovecot (``dovecot-imapd``), started on a
free port with its own configuration in a temporary folder, and stopped with its whole process
group.

Debian 12 ships Dovecot 2.3 and Debian 13 ships 2.4; each refuses the other's configuration
syntax, so the configuration is written for the version found. As root, Dovecot's login
processes refuse uid 0 and it refuses to give root mail access, so then the server runs as
``nobody`` and its folder belongs to ``nobody``.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.servers import free_port, missing, stop

USER = "jo"
PASSWORD = "correct horse 7 battery"  # spaces: a password is more than one word
_SEARCHED = ("/usr/sbin", "/usr/local/sbin", "/sbin")
_READY_WITHIN = 15.0


def dovecot_binary() -> str:
    """The ``dovecot`` program; skips the test where it is missing, and fails it under CI,
    which must install it."""
    path = os.pathsep.join([os.environ.get("PATH", ""), *_SEARCHED])
    found = shutil.which("dovecot", path=path)
    if found:
        return found
    missing("dovecot for the IMAP tests", "Debian: dovecot-imapd")


def dovecot_version(binary: str) -> tuple[int, int]:
    out = subprocess.run(
        [binary, "--version"], capture_output=True, text=True, timeout=10, check=True
    ).stdout
    found = re.match(r"(\d+)\.(\d+)", out.strip())
    if found is None:
        raise RuntimeError(f"cannot read the version of dovecot from {out!r}")
    return int(found[1]), int(found[2])


@dataclass
class Dovecot:
    """A running server: where to reach it, whose mail it serves, and its files."""

    host: str
    port: int
    user: str
    password: str
    maildir: Path  # the user's INBOX
    folder: Path
    process: subprocess.Popen[bytes]
    owner: pwd.struct_passwd
    tls_port: int = 0  # IMAP over TLS with a self-signed certificate; 0 when not asked for

    def client(self) -> object:
        """A read-write connection, logged in, for filling and inspecting the mailbox."""
        from imapclient import IMAPClient

        client = IMAPClient("127.0.0.1", port=self.port, ssl=False, timeout=10)
        client.login(self.user, self.password)
        return client

    def append(self, raw: bytes, folder: str = "INBOX", flags: Iterable[bytes] = ()) -> None:
        """Put ``raw`` into ``folder`` (created when missing) as a client would."""
        client = self.client()
        try:
            if not client.folder_exists(folder):  # type: ignore[attr-defined]
                client.create_folder(folder)  # type: ignore[attr-defined]
            client.append(folder, raw, flags=tuple(flags))  # type: ignore[attr-defined]
        finally:
            client.logout()  # type: ignore[attr-defined]

    def deliver(self, raw: bytes) -> Path:
        """Write ``raw`` into the INBOX's ``new/`` as a delivery agent would."""
        name = f"{time.time_ns()}.{os.getpid()}.test"
        staged = self.maildir / "tmp" / name
        staged.write_bytes(raw)
        os.chown(staged, self.owner.pw_uid, self.owner.pw_gid)
        path = self.maildir / "new" / name
        staged.rename(path)
        return path

    def log(self) -> str:
        with contextlib.suppress(OSError):
            return (self.folder / "dovecot.log").read_text(errors="replace")
        return ""


@contextlib.contextmanager
def running_dovecot(listen: str = "127.0.0.1", *, tls: bool = False) -> Iterator[Dovecot]:
    """A fresh Dovecot listening on ``listen`` (``*`` for every address), stopped on exit;
    with ``tls``, also IMAP over TLS on ``tls_port``, with a self-signed certificate (which no
    client should trust)."""
    binary = dovecot_binary()
    version = dovecot_version(binary)
    owner = pwd.getpwnam("nobody") if os.geteuid() == 0 else pwd.getpwuid(os.geteuid())
    folder = Path(tempfile.mkdtemp(prefix="followup-dovecot-"))
    process: subprocess.Popen[bytes] | None = None
    try:
        port = free_port()
        home = folder / "home" / USER
        maildir = home / "Maildir"
        for sub in ("cur", "new", "tmp"):
            (maildir / sub).mkdir(parents=True)
        (folder / "passwd").write_text(f"{USER}:{{PLAIN}}{PASSWORD}::::{home}::\n")
        tls_port = free_port() if tls else 0
        if tls:
            _self_signed(folder)
        config = folder / "dovecot.conf"
        config.write_text(_config(version, folder, owner.pw_name, listen, port, tls_port=tls_port))
        for path in [folder, *folder.rglob("*")]:
            os.chown(path, owner.pw_uid, owner.pw_gid)
        process = subprocess.Popen(
            [binary, "-F", "-c", str(config)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=(folder / "stderr").open("wb"),
            start_new_session=True,
            user=owner.pw_uid if os.geteuid() == 0 else None,
            group=owner.pw_gid if os.geteuid() == 0 else None,
            extra_groups=[] if os.geteuid() == 0 else None,
        )
        server = Dovecot(
            "127.0.0.1", port, USER, PASSWORD, maildir, folder, process, owner, tls_port
        )
        _wait_for_greeting(server)
        yield server
    finally:
        if process is not None:
            stop(process)
        shutil.rmtree(folder, ignore_errors=True)


def _wait_for_greeting(server: Dovecot) -> None:
    deadline = time.monotonic() + _READY_WITHIN
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            break
        with (
            contextlib.suppress(OSError),
            socket.create_connection((server.host, server.port), timeout=2) as connection,
        ):
            if connection.recv(200).startswith(b"* OK"):
                return
        time.sleep(0.05)
    stderr = (server.folder / "stderr").read_text(errors="replace")
    raise RuntimeError(f"dovecot did not greet on port {server.port}: {stderr}{server.log()}")


def _self_signed(folder: Path) -> None:
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=localhost", "-keyout", str(folder / "key.pem"),
         "-out", str(folder / "cert.pem")],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip


def _ssl(version: tuple[int, int], folder: Path, tls_port: int) -> str:
    if not tls_port:
        return "ssl = no\n"
    if version >= (2, 4):
        files = (
            f"ssl_server_cert_file = {folder}/cert.pem\nssl_server_key_file = {folder}/key.pem\n"
        )
    else:
        files = f"ssl_cert = <{folder}/cert.pem\nssl_key = <{folder}/key.pem\n"
    return "ssl = yes\n" + files


def _config(
    version: tuple[int, int], folder: Path, user: str, listen: str, port: int, *, tls_port: int = 0
) -> str:
    common = f"""\
base_dir = {folder}/run
state_dir = {folder}/state
log_path = {folder}/dovecot.log
protocols = imap
listen = {listen}
{_ssl(version, folder, tls_port)}auth_mechanisms = plain login
default_internal_user = {user}
default_internal_group = {_group_of(user)}
default_login_user = {user}
service anvil {{
  chroot =
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    port = {port}
  }}
  inet_listener imaps {{
    port = {tls_port}
  }}
}}
service stats {{
  unix_listener stats-reader {{
    user = {user}
  }}
  unix_listener stats-writer {{
    user = {user}
  }}
}}
"""
    if version >= (2, 4):
        return f"""\
dovecot_config_version = {version[0]}.{version[1]}.0
dovecot_storage_version = {version[0]}.{version[1]}.0
{common}auth_allow_cleartext = yes
mail_driver = maildir
mail_path = ~/Maildir
passdb passwd-file {{
  passwd_file_path = {folder}/passwd
}}
userdb passwd-file {{
  passwd_file_path = {folder}/passwd
}}
"""
    return f"""\
{common}disable_plaintext_auth = no
mail_location = maildir:~/Maildir
passdb {{
  driver = passwd-file
  args = scheme=PLAIN {folder}/passwd
}}
userdb {{
  driver = passwd-file
  args = {folder}/passwd
}}
"""


def _group_of(user: str) -> str:
    import grp

    return grp.getgrgid(pwd.getpwnam(user).pw_gid).gr_name
