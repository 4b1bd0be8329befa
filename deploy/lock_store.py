"""Rasa's Redis ticket lock, made safe across several Rasa processes.

Rasa 3.6's `RedisLockStore` keeps one JSON ticket queue per conversation and changes
it with a plain GET, a change in Python, then SET. Two Rasa replicas doing this at the
same moment overwrite each other:

* both read "no lock", both issue ticket 0, both believe they are served: two
  messages of one resident are processed at once, and the SQL tracker store then
  keeps the events of only one of them (it appends what is beyond the stored count);
* `cleanup` removes a finished ticket, then deletes the key if nobody waits; a ticket
  issued in between is deleted with it and its message fails with `LockError`.

* a ticket's lifetime runs from the moment it is issued, waiting included: when a
  replica dies holding a conversation's ticket, the tickets queued behind it expire
  at about the same moment as the dead one, and their messages fail with
  `LockError` instead of being served.

`AtomicRedisLockStore` does every read-modify-write of the queue in one optimistic
Redis transaction (WATCH/MULTI/EXEC, retried on conflict); a waiting ticket is kept
alive by its (living) owner at every poll and gets a full lifetime when it is
served, so only the tickets of dead or stalled processes expire; every key has an
expiry, so a crashed replica leaves nothing behind; and a waiting message polls
every 0.1 s instead of every second. Rasa loads it by module path from
deploy/endpoints.prod.yml (`lock_store: type: deploy.lock_store.AtomicRedisLockStore`).
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any, TypeVar

import redis
from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

logger = logging.getLogger(__name__)
T = TypeVar("T")
# Seconds a lock key outlives its last ticket, so a crashed replica's key goes away.
KEY_GRACE_SECONDS = 60
# How often a waiting message looks whether its turn has come (Rasa: 1 s).
POLL_SECONDS = 0.1


class AtomicRedisLockStore(RedisLockStore):
    """`RedisLockStore` whose ticket queue changes are atomic across processes."""

    def __init__(self, endpoint_config: EndpointConfig | None = None, **kwargs: Any) -> None:
        if endpoint_config is not None:
            kwargs = {"host": endpoint_config.url or "localhost", **endpoint_config.kwargs, **kwargs}
        super().__init__(**kwargs)

    def _transact(self, conversation_id: str, change: Callable[[TicketLock | None], tuple[TicketLock | None, T]]) -> T:
        """Apply `change` to the stored lock in one transaction; None or no ticket deletes it."""
        key = self.key_prefix + conversation_id
        with self.red.pipeline() as pipe:
            while True:
                try:
                    pipe.watch(key)
                    raw = pipe.get(key)
                    lock = TicketLock.from_dict(json.loads(raw)) if raw else None
                    new_lock, result = change(lock)
                    pipe.multi()
                    if new_lock is None or not new_lock.tickets:
                        pipe.delete(key)
                    else:
                        last_expiry = max(ticket.expires for ticket in new_lock.tickets)
                        ttl = max(1, int(last_expiry - time.time()) + KEY_GRACE_SECONDS)
                        pipe.set(key, new_lock.dumps(), ex=ttl)
                    pipe.execute()
                    return result
                except redis.WatchError:
                    continue  # another replica changed this queue meanwhile: redo on its version

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        def issue(lock: TicketLock | None) -> tuple[TicketLock, int]:
            lock = lock or self.create_lock(conversation_id)
            return lock, lock.issue_ticket(lock_lifetime)

        try:
            return self._transact(conversation_id, issue)
        except redis.RedisError as error:
            raise LockError(f"Error while acquiring lock. Error:\n{error}") from error

    @asynccontextmanager
    async def lock(
        self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME, wait_time_in_seconds: float = POLL_SECONDS
    ) -> AsyncIterator[TicketLock]:
        ticket = self.issue_ticket(conversation_id, lock_lifetime)
        try:
            yield await self._wait_for_turn(conversation_id, ticket, wait_time_in_seconds, lock_lifetime)
        finally:
            self.cleanup(conversation_id, ticket)

    async def _wait_for_turn(self, conversation_id: str, ticket: int, poll: float, lifetime: float) -> TicketLock:
        def look(lock: TicketLock | None) -> tuple[TicketLock | None, tuple[TicketLock | None, bool]]:
            if lock is None:
                return None, (None, False)
            lock.remove_expired_tickets()
            mine = next((t for t in lock.tickets if t.number == ticket), None)
            if mine is None:
                return lock, (None, False)
            mine.expires = time.time() + lifetime  # alive and waiting, or just served: a full lifetime
            return lock, (lock, lock.tickets[0].number == ticket)

        while True:
            lock, served = self._transact(conversation_id, look)
            if lock is None:
                # Only if this process stalled for longer than a ticket's lifetime.
                raise LockError(f"Could not acquire lock for conversation_id '{conversation_id}'.")
            if served:
                return lock
            await asyncio.sleep(poll)

    def update_lock(self, conversation_id: str) -> None:
        def drop_expired(lock: TicketLock | None) -> tuple[TicketLock | None, None]:
            if lock is not None:
                lock.remove_expired_tickets()
            return lock, None

        self._transact(conversation_id, drop_expired)

    def finish_serving(self, conversation_id: str, ticket_number: int) -> None:
        self.cleanup(conversation_id, ticket_number)

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        """Remove the ticket and, in the same transaction, the key if no ticket is left."""

        def finish(lock: TicketLock | None) -> tuple[TicketLock | None, None]:
            if lock is not None:
                lock.remove_ticket_for(ticket_number)
            return lock, None

        self._transact(conversation_id, finish)

    def save_lock(self, lock: TicketLock) -> None:
        # Only reached through the base class's non-atomic paths; keep the expiry anyway.
        self._transact(lock.conversation_id, lambda _: (lock, None))
