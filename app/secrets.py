"""A password that is never stored: from an environment variable, else from the first line a
command prints (``pass show mail``, ``security find-generic-password -w …``).

The command runs without a shell, so nothing in it is expanded twice; when it fails the error
names its program and exit status, never what it printed (which may be the password, or part
of it).
"""

from __future__ import annotations

import os
import shlex
import subprocess

from app.errors import UserError

PASSWORD_COMMAND_SECONDS = 30.0
"""A keyring that asks for its own passphrase may take a while; one that hangs must not."""


def password_from(env: str, command: str, setup: str) -> str:
    """``$env`` when set, else the first line ``command`` prints; ``setup`` names the command
    that sets ``--password-command``, for the message when there is neither."""
    given = os.environ.get(env)
    if given:
        return given
    try:
        words = shlex.split(command)
    except ValueError as error:
        raise UserError(f"the password command cannot be read: {error}") from None
    if not words:
        raise UserError(f"no password: set {env} or give `{setup} --password-command`")
    program = words[0]
    try:
        done = subprocess.run(
            words,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=PASSWORD_COMMAND_SECONDS,
            check=False,
        )
    except FileNotFoundError:
        raise UserError(f"the password command {program!r} was not found") from None
    except subprocess.TimeoutExpired:
        raise UserError(
            f"the password command {program!r} did not finish within "
            f"{PASSWORD_COMMAND_SECONDS:.0f} s"
        ) from None
    except OSError as error:
        raise UserError(
            f"the password command {program!r} could not run: {error.strerror or error}"
        ) from None
    if done.returncode != 0:
        raise UserError(f"the password command {program!r} failed (exit status {done.returncode})")
    first = done.stdout.partition(b"\n")[0].rstrip(b"\r")
    if not first:
        raise UserError(f"the password command {program!r} printed no password")
    return first.decode("utf-8", "surrogateescape")


def hide(text: str, password: str) -> str:
    """``text`` with every copy of ``password`` starred out: servers echo requests in errors."""
    return text.replace(password, "********") if password else text
