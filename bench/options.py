"""The options every bench script takes: how many runs, which sizes, where the databases are."""

from __future__ import annotations

import argparse
from pathlib import Path

SIZES = "100,1000,10000"


def parser(doc: str | None, *, runs: int) -> argparse.ArgumentParser:
    """A parser described by the first line of ``doc``, with ``--runs``, ``--sizes``, ``--data``."""
    made = argparse.ArgumentParser(description=doc.splitlines()[0] if doc else None)
    made.add_argument("--runs", type=positive, default=runs, help=f"runs per figure ({runs})")
    made.add_argument(
        "--sizes", type=sizes, default=sizes(SIZES), help=f"numbers of interviews ({SIZES})"
    )
    made.add_argument(
        "--data",
        type=folder,
        metavar="FOLDER",
        help="where the generated databases are, or are made",
    )
    return made


def folder(text: str) -> str:
    if Path(text).exists() and not Path(text).is_dir():
        raise argparse.ArgumentTypeError(f"{text} is not a folder")
    return text


def positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number above 0, got {text!r}")
    return value


def sizes(text: str) -> list[int]:
    """``100,1000,10000`` (``_`` allowed in numbers) as a list of whole numbers above 0."""
    try:
        return [positive(part.strip()) for part in text.split(",")]
    except argparse.ArgumentTypeError:
        raise argparse.ArgumentTypeError(
            f"expected sizes such as 100,1000,10000, got {text!r}"
        ) from None
