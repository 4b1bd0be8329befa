"""What the Zalo and Telegram channels remember between webhook calls, in one place.

Three things: the delivery ids already processed (webhooks are redelivered), the
numbered choices offered to a Zalo user, and the Telegram button payloads too long for
callback_data. With one Rasa process (`make run`) they live in that process, bounded
(`LocalMemory`). With several replicas behind nginx's round robin (`make run-prod`)
the next webhook call of a user may reach another replica, so they live in Redis,
shared and expiring (`RedisMemory`), chosen by `CHANNEL_MEMORY_REDIS_URL`.

Losing this memory must never lose a message: if Redis fails, a delivery counts as
new (a rare duplicate answer rather than a dropped question), a number reply is taken
as typed and an old button asks the user to type the question again; each failure is
logged.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable
from typing import Any, Protocol

import redis.asyncio as aioredis
from redis.exceptions import RedisError

from bot.settings import DEFAULT_REDIS_PREFIX, ChannelMemorySettings, current_settings

from .bounded import LruDict

logger = logging.getLogger(__name__)

REDIS_TIMEOUT = 2.0  # seconds; a webhook must answer quickly even when Redis hangs
# Zalo refuses events older than ZALO_MAX_EVENT_AGE_SECONDS and Telegram gives up on an
# update after 24 hours, so a delivery id is not worth remembering longer than a day.
SEEN_TTL = 24 * 3600


class ChannelMemory(Protocol):
    """Expiring string values by key, for one kind of thing (one namespace)."""

    async def first_sight(self, key: str, ttl: int) -> bool:
        """Record `key`; False when it was already recorded (a redelivery)."""

    async def put(self, key: str, value: str, ttl: int) -> None: ...

    async def get(self, key: str) -> str | None: ...

    async def take(self, key: str) -> str | None:
        """The value, forgotten as it is read."""

    async def forget(self, key: str) -> None: ...

    async def close(self) -> None: ...


class LocalMemory:
    """This process's memory, bounded to `maxsize` keys; expiry is by size only."""

    def __init__(self, maxsize: int = 10_000) -> None:
        self._values: LruDict[str, str] = LruDict(maxsize)

    async def first_sight(self, key: str, ttl: int) -> bool:
        if self._values.get(key) is not None:
            return False
        self._values[key] = ""
        return True

    async def put(self, key: str, value: str, ttl: int) -> None:
        self._values[key] = value

    async def get(self, key: str) -> str | None:
        return self._values.get(key)

    async def take(self, key: str) -> str | None:
        return self._values.pop(key)

    async def forget(self, key: str) -> None:
        self._values.pop(key)

    async def close(self) -> None:
        return None

    def __len__(self) -> int:
        return len(self._values)


class RedisMemory:
    """Memory shared by every replica, in Redis, each key expiring after its ttl."""

    def __init__(self, client: aioredis.Redis, namespace: str, prefix: str = DEFAULT_REDIS_PREFIX) -> None:
        self._client = client
        self._prefix = f"{prefix}:channel:{namespace}:"

    @classmethod
    def from_url(cls, url: str, namespace: str, prefix: str = DEFAULT_REDIS_PREFIX) -> RedisMemory:
        client = aioredis.Redis.from_url(url, socket_timeout=REDIS_TIMEOUT, socket_connect_timeout=REDIS_TIMEOUT,
                                         decode_responses=True)
        return cls(client, namespace, prefix)

    async def first_sight(self, key: str, ttl: int) -> bool:
        # on failure: better a rare duplicate answer than a dropped question
        return bool(await self._attempt("first_sight", self._client.set(self._prefix + key, "1", ex=ttl, nx=True), True))

    async def put(self, key: str, value: str, ttl: int) -> None:
        await self._attempt("put", self._client.set(self._prefix + key, value, ex=ttl), None)

    async def get(self, key: str) -> str | None:
        value = await self._attempt("get", self._client.get(self._prefix + key), None)
        return value if isinstance(value, str) else None

    async def take(self, key: str) -> str | None:
        value = await self._attempt("take", self._client.getdel(self._prefix + key), None)
        return value if isinstance(value, str) else None

    async def forget(self, key: str) -> None:
        await self._attempt("forget", self._client.delete(self._prefix + key), None)

    async def _attempt(self, operation: str, call: Awaitable[Any], fallback: Any) -> Any:
        """The Redis call's result, or `fallback` once the failure is logged."""
        try:
            return await call
        except (RedisError, OSError) as error:
            # the URL can hold a password: name the namespace and the error type only
            logger.warning("channel memory %s: %s failed (%s); carrying on without it",
                           self._prefix.rstrip(":"), operation, type(error).__name__)
            return fallback

    async def close(self) -> None:
        await self._client.close(close_connection_pool=True)


def channel_memory(namespace: str, maxsize: int = 10_000, where: ChannelMemorySettings | None = None) -> ChannelMemory:
    """Redis memory when `CHANNEL_MEMORY_REDIS_URL` is set (`where`: this process's settings), else this process's.

    Redis keys are `<REDIS_KEY_PREFIX>:channel:<namespace>:<key>` (prefix `hp` by default).
    """
    where = where or current_settings().memory
    if where.redis_url is None:
        return LocalMemory(maxsize)
    return RedisMemory.from_url(where.redis_url, namespace, where.key_prefix)
