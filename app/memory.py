"""Keeping Python's cycle collector out of the way of bulk work."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Reading a database or working out every action makes hundreds of thousands of objects
    and no reference cycles; meanwhile each pass of the cycle collector walks the whole heap,
    which at 10,000 interviews costs a third of the time or more. Nothing made here can leak
    for want of it, so it waits until the end."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
