"""Waiting for the event a test is about instead of sleeping for a set time: a condition polled
until it holds, failing with what was awaited when a deadline passes (a deadline only, never a
figure asserted: how long things take is measured by `make bench`)."""

from __future__ import annotations

import asyncio
import inspect
import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

T = TypeVar("T")


async def until(condition: Callable[[], T | Awaitable[T]], timeout: float, what: str | Callable[[], str],
                every: float = 0.05) -> T:
    """The first truthy value of `condition()` (awaited if it is a coroutine); after `timeout`
    seconds, an AssertionError naming `what`. `every` is how often to look, not a wait for anything."""
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        found = await result if inspect.isawaitable(result) else result
        if found:
            return found  # type: ignore[no-any-return]
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout} s: {what() if callable(what) else what}")
        await asyncio.sleep(every)
