"""Keeping Python's cycle collector out of the way of bulk work."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused(*, kept: bool = False) -> Iterator[None]:
    """Reading a database or working out every action makes hundreds of thousands of objects
    and no reference cycles; meanwhile each pass of the cycle collector walks the whole heap,
    which at 10,000 interviews costs a third of the time or more. Nothing made here can leak
    for want of it, so it waits until the end.

    ``kept``: what was made is kept for long (the records a dashboard starts with), so at the
    end of work that succeeded everything is moved out of the collector's sight (``gc.freeze``).
    Otherwise the collector's first pass after would walk all of it, young as it all is: 73 ms
    at 10,000 interviews, in the middle of showing them. It is still freed as usual when
    nothing refers to it, but a reference cycle alive then is never collected: for once per
    session, not for work done again and again."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
        if kept:
            gc.freeze()
    finally:
        if was_enabled:
            gc.enable()
