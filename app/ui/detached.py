"""Blocking reads that must never hold the way out: a mail server's answer.

A thread worker runs in asyncio's default executor, and both ``asyncio.run`` and the interpreter
wait for that executor's threads before the process ends. A mail server that takes its twenty
seconds to answer would then keep the shell's prompt away for as long after the user has quit,
though nothing it could bring back is wanted any more. Such a read runs here instead, in a
thread of its own that the process does not wait for; the coroutine awaiting it can be cancelled
like any other, and its answer is then dropped.

Only for reads (and what a read keeps with an atomic write, which an ending process leaves whole
or not at all): a change to the database stays in a worker the way out waits for.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


async def detached(read: Callable[[], T], *, name: str) -> T:
    """``read()``'s answer (or what it raised), from a daemon thread called ``name``."""
    loop = asyncio.get_running_loop()
    answer: asyncio.Future[T] = loop.create_future()

    def give(result: T) -> None:
        if not answer.done():  # done: cancelled while it read, and nobody waits for it
            answer.set_result(result)

    def fail(problem: BaseException) -> None:
        if not answer.done():
            answer.set_exception(problem)

    def run() -> None:
        try:
            result = read()
        except BaseException as problem:  # handed over whole, raised where it is awaited
            deliver = functools.partial(fail, problem)
        else:
            deliver = functools.partial(give, result)
        # RuntimeError: the loop has closed, the app has ended, and the answer with it.
        with contextlib.suppress(RuntimeError):
            loop.call_soon_threadsafe(deliver)

    threading.Thread(target=run, name=name, daemon=True).start()
    return await answer
