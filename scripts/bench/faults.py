"""How soon residents are answered again when a process of a server set fails.

* The action servers stopped (SIGSTOP: alive, listening, answering nothing) until a deadline gives
  up on them (Rasa's ACTION_TIMEOUT_SECONDS in the embedded profile, nginx's ACTION_PROXY_TIMEOUT in
  the production profile), then killed (connections refused): seconds to the apology.
* Production: a Rasa replica killed while it holds a conversation's ticket: seconds until the other
  replica answers the conversation's next message (the dead ticket expires after TICKET_LOCK_LIFETIME).
  The message goes to that replica directly: through nginx it could take nginx's kept-alive
  connection to the dead one and get the apology at once (a POST is never sent twice).

The tests check that the apology or the answer comes and what gave it (tests/prod/); how long it
takes depends on the machine, so it is measured here, one message for each fault. Run last on a
server set: what it kills stays killed (the production profile's supervisor starts it again).
"""

from __future__ import annotations

import asyncio
import os
import signal
import time
import uuid
from typing import Any

import aiohttp
import redis

from .load import APOLOGY_MARK, OUR_CONVERSATIONS, ask
from .servers import ServerSet

QUESTION, FOLLOW_UP = OUR_CONVERSATIONS[0]  # both answered by the action server, the second from the context


def _sender(fault: str) -> str:
    return f"bench-{fault}-{uuid.uuid4().hex[:8]}"


async def _timed(client: aiohttp.ClientSession, url: str, sender: str, text: str) -> tuple[float, str | None, str]:
    sent = time.monotonic()
    error, reply = await ask(client, url, sender, text)
    return round(time.monotonic() - sent, 2), error, reply


async def _apology(url: str) -> dict[str, Any]:
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120)) as client:
        seconds, error, reply = await _timed(client, url, _sender("actions"), QUESTION)
    return {"seconds": seconds, "apology": error is None and APOLOGY_MARK in reply}


def apology_times(server_set: ServerSet) -> dict[str, dict[str, Any]]:
    """{"stopped" | "killed": {"seconds": to the reply, "apology": whether the reply was the apology}}."""
    pids = [pid for label, pid in server_set.processes.items() if label.startswith("action")]
    for pid in pids:
        os.kill(pid, signal.SIGSTOP)
    try:
        stopped = asyncio.run(_apology(server_set.url))
    finally:
        for pid in pids:
            os.kill(pid, signal.SIGCONT)
    for pid in pids:
        os.kill(pid, signal.SIGKILL)
    return {"stopped": stopped, "killed": asyncio.run(_apology(server_set.url))}


def replica_takeover(server_set: ServerSet, timeout: float = 10) -> dict[str, Any]:
    """{"seconds": until the other replica answers the conversation of one killed mid-turn, "answered": not with
    the apology}."""
    assert server_set.lock_keys is not None, f"{server_set.name} has no shared lock store"
    db, prefix = server_set.lock_keys
    (victim, pid), (survivor, _) = sorted((label, pid) for label, pid in server_set.processes.items()
                                          if label.startswith("rasa"))[:2]

    def webhook(label: str) -> str:
        return f"http://127.0.0.1:{label.split(':')[1]}/webhooks/rest/webhook"

    sender = _sender("takeover")
    locks = redis.Redis(host="127.0.0.1", port=6379, db=db)

    async def measure() -> dict[str, Any]:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120)) as client:
            await ask(client, server_set.url, sender, QUESTION)
            in_flight = asyncio.create_task(ask(client, webhook(victim), sender, QUESTION))
            deadline = time.monotonic() + timeout
            while not locks.exists(f"{prefix}:lock:rest:{sender}"):  # its turn has begun and not ended
                if time.monotonic() > deadline:
                    raise RuntimeError(f"no ticket for {sender} within {timeout} s")
                await asyncio.sleep(0.001)
            os.kill(pid, signal.SIGKILL)
            await in_flight  # lost with the replica
            seconds, error, reply = await _timed(client, webhook(survivor), sender, FOLLOW_UP)
        return {"seconds": seconds, "answered": error is None and APOLOGY_MARK not in reply}

    try:
        return asyncio.run(measure())
    finally:
        locks.close()
