"""Who may start a turn of the bot, and how many turns run at once.

Two limits in front of Rasa, in the Rasa process itself so that `make run` (no nginx)
has them too:

* **per client address** (REST): a token bucket per address, on top of the channel's
  bucket per sender. Rotating sender ids no longer multiplies the rate a client gets
  (137 requests/s were accepted from one laptop). The address is the TCP peer, or, when
  the peer is a trusted local proxy (`TRUSTED_PROXIES`, default loopback: the page
  server `bot/web.py`, nginx), the address that proxy names in `X-Real-IP` or last in
  `X-Forwarded-For`.
* **turns at once** (every channel): at most `MAX_CONCURRENT_TURNS` messages are in
  Rasa at the same time in this process; others wait up to `TURN_WAIT_SECONDS` in a
  queue of at most `MAX_QUEUED_TURNS`, then get a "busy" reply without reaching Rasa.
  Rasa's event loop runs NLU inline, so an unbounded number of turns only makes every
  resident wait longer; a bound keeps ordinary residents' latency while a flood is
  turned away.

Settings from the environment (`bot/settings.py`, `AdmissionLimits`); one `TurnGate` per event loop.
"""

from __future__ import annotations

import asyncio
import ipaddress
import weakref
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

from rasa.core.channels.channel import UserMessage
from sanic.request import Request

from bot.settings import AdmissionLimits, current_settings

BUSY_REPLY = "Hiện có nhiều người hỏi cùng lúc, tôi chưa kịp trả lời. Bạn vui lòng thử lại sau ít giây nhé."


def client_address(request: Request, trusted_proxies: tuple[str, ...]) -> str:
    """The address to limit: the peer, or the client a trusted proxy forwarded for."""
    peer = request.ip or ""
    if peer not in trusted_proxies:
        return peer
    named = (request.headers.get("x-real-ip") or "").strip()
    if not named:
        forwarded = [part.strip() for part in (request.headers.get("x-forwarded-for") or "").split(",")]
        named = forwarded[-1] if forwarded else ""
    try:
        return str(ipaddress.ip_address(named))
    except ValueError:
        return peer


class Busy(Exception):
    """No free turn within the wait, or the queue is full."""


class TurnGate:
    """At most `limits.max_concurrent_turns` turns at once; a bounded, time-limited queue."""

    def __init__(self, limits: AdmissionLimits) -> None:
        self.limits = limits
        self._free = asyncio.Semaphore(limits.max_concurrent_turns)
        self.waiting = 0
        self.running = 0

    @asynccontextmanager
    async def turn(self) -> AsyncIterator[None]:
        if self._free.locked():
            if self.waiting >= self.limits.max_queued_turns:
                raise Busy("queue full")
            self.waiting += 1
            try:
                await asyncio.wait_for(self._free.acquire(), self.limits.turn_wait)
            except asyncio.TimeoutError:
                raise Busy("no free turn in time") from None
            finally:
                self.waiting -= 1
        else:
            await self._free.acquire()
        self.running += 1
        try:
            yield
        finally:
            self.running -= 1
            self._free.release()


_gates: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, TurnGate] = weakref.WeakKeyDictionary()


def turn_gate(limits: AdmissionLimits | None = None) -> TurnGate:
    """This event loop's gate, shared by every channel of the process (created on first use)."""
    loop = asyncio.get_running_loop()
    gate = _gates.get(loop)
    if gate is None:
        gate = _gates[loop] = TurnGate(limits or current_settings().admission)
    return gate


def gated_turn(on_new_message: Callable[[UserMessage], Awaitable[Any]], message: UserMessage,
               limits: AdmissionLimits | None = None) -> Callable[[], Awaitable[None]]:
    """The turn a channel hands to Rasa: it waits for one of this process's MAX_CONCURRENT_TURNS."""
    gate = turn_gate(limits)

    async def turn() -> None:
        async with gate.turn():
            await on_new_message(message)

    return turn
