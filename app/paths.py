"""Where followup keeps its files. Functions, so that nothing is looked up or made on import."""

from __future__ import annotations

import os
from pathlib import Path

from app.errors import UserError

APP_NAME = "followup"
DB_ENV = "FOLLOWUP_DB"


def default_db_path() -> Path:
    # The folder is made by the storage on its first write, so that merely looking
    # (export, due) never leaves an empty folder behind.
    import platformdirs  # only where no --db or FOLLOWUP_DB names the file

    return platformdirs.user_data_path(APP_NAME) / "followup.json"


def resolve_db_path(cli_value: str | None) -> Path:
    """``--db``, else ``$FOLLOWUP_DB``, else the user data folder."""
    if cli_value is not None:
        if not cli_value.strip():
            # An empty --db is almost always an unset shell variable; falling back to the
            # real database would write where the user did not mean to.
            raise UserError("--db is empty: give the path of a database file")
        return Path(cli_value).expanduser()
    from_env = os.environ.get(DB_ENV, "").strip()
    if from_env:
        return Path(from_env).expanduser()
    return default_db_path()


def templates_dir() -> Path:
    import platformdirs

    return platformdirs.user_config_path(APP_NAME) / "templates"
