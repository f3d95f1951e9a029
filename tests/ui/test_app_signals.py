"""The dashboard takes SIGTERM and SIGHUP only while it runs, and gives back what it found:
under a test runner, or any program that embeds it, the process goes on after the app."""

from __future__ import annotations

import signal
from collections.abc import Callable
from types import FrameType
from typing import Any

from app.ui.app import EXIT_SIGNALS


def mine(number: int, frame: FrameType | None) -> None:
    raise AssertionError("never called")


async def test_the_handlers_found_are_put_back(make: Callable[..., Any]) -> None:
    assert {signal.SIGTERM, signal.SIGHUP} <= set(EXIT_SIGNALS)
    found = {number: signal.getsignal(number) for number in EXIT_SIGNALS}
    try:
        for number in EXIT_SIGNALS:
            signal.signal(number, mine)
        app = make()
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert all(signal.getsignal(n) is not mine for n in EXIT_SIGNALS)
        assert all(signal.getsignal(n) is mine for n in EXIT_SIGNALS)
    finally:
        for number, handler in found.items():
            signal.signal(number, handler)
