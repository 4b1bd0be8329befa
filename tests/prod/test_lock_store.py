"""Rasa's Redis ticket lock shared by two "replicas" (two store objects, one Redis).

Rasa 3.6's RedisLockStore changes the ticket queue with GET then SET, so replicas
overwrite each other's tickets; deploy/lock_store.py makes each change one Redis
transaction. Real Redis on 127.0.0.1 (started if it is down), a scratch key prefix.
"""

from __future__ import annotations

import asyncio
import threading
import uuid
from collections.abc import Iterator

import pytest
import redis
from rasa.core.lock_store import RedisLockStore
from rasa.utils.endpoints import EndpointConfig

from deploy.lock_store import AtomicRedisLockStore
from tests.redis_server import HOST, PORT, ensure_running

DB = 14
pytestmark = pytest.mark.slow


@pytest.fixture()
def prefix() -> Iterator[str]:
    ensure_running()
    name = "t" + uuid.uuid4().hex[:12]
    yield name
    client = redis.Redis(host=HOST, port=PORT, db=DB)
    for key in client.scan_iter(f"{name}:*"):
        client.delete(key)


def replicas(kind: type[RedisLockStore], prefix: str) -> list[RedisLockStore]:
    return [kind(host=HOST, port=PORT, db=DB, key_prefix=prefix) for _ in range(2)]


def issue_from_threads(stores: list[RedisLockStore], conversation: str, per_store: int) -> list[int]:
    tickets: list[int] = []
    barrier = threading.Barrier(len(stores) * per_store)

    def issue(store: RedisLockStore) -> None:
        barrier.wait()
        tickets.append(store.issue_ticket(conversation, 30))

    threads = [threading.Thread(target=issue, args=(s,)) for s in stores for _ in range(per_store)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return tickets


def test_atomic_store_issues_distinct_tickets_to_concurrent_replicas(prefix: str) -> None:
    stores = replicas(AtomicRedisLockStore, prefix)
    tickets = issue_from_threads(stores, "lan", per_store=15)
    assert sorted(tickets) == list(range(30))
    lock = stores[1].get_lock("lan")
    assert lock is not None and [t.number for t in lock.tickets] == list(range(30))


@pytest.mark.xfail(reason="Rasa 3.6 RedisLockStore: GET then SET loses tickets across replicas", strict=False)
def test_stock_store_issues_distinct_tickets_to_concurrent_replicas(prefix: str) -> None:
    tickets = issue_from_threads(replicas(RedisLockStore, prefix), "lan", per_store=15)
    assert sorted(tickets) == list(range(30))


async def exclusive_sections(stores: list[RedisLockStore], conversation: str, per_store: int) -> tuple[int, list[int]]:
    """Messages of one conversation handled by both replicas; (max in critical section, order served)."""
    inside = 0
    most = 0
    served: list[int] = []

    async def handle(store: RedisLockStore, number: int) -> None:
        nonlocal inside, most
        async with store.lock(conversation, lock_lifetime=30, wait_time_in_seconds=0.01):
            inside += 1
            most = max(most, inside)
            await asyncio.sleep(0.01)
            served.append(number)
            inside -= 1

    await asyncio.gather(*(handle(stores[i % 2], i) for i in range(per_store * 2)))
    return most, served


async def test_atomic_store_lets_one_replica_at_a_time_into_a_conversation(prefix: str) -> None:
    stores = replicas(AtomicRedisLockStore, prefix)
    most, served = await exclusive_sections(stores, "minh", per_store=10)
    assert most == 1
    assert served == list(range(20))  # tickets in the order they were asked for
    assert stores[0].get_lock("minh") is None  # the last one out removes the key


async def test_a_crashed_replicas_ticket_expires_and_its_key_has_a_ttl(prefix: str) -> None:
    store = AtomicRedisLockStore(host=HOST, port=PORT, db=DB, key_prefix=prefix)
    store.issue_ticket("hoa", 1)  # taken by a replica that then died
    ttl = store.red.ttl(store.key_prefix + "hoa")
    assert 0 < ttl <= 62
    async with store.lock("hoa", lock_lifetime=5, wait_time_in_seconds=0.2) as lock:
        assert [t.number for t in lock.tickets] == [1]


async def test_messages_queued_behind_a_dead_replica_are_served_when_its_ticket_expires(prefix: str) -> None:
    """Rasa's own store expires the waiting tickets together with the dead one (LockError)."""
    store = AtomicRedisLockStore(host=HOST, port=PORT, db=DB, key_prefix=prefix)
    store.issue_ticket("tung", 1)  # the dead replica's, same lifetime as the waiting ones
    served: list[int] = []

    async def handle(number: int) -> None:
        async with store.lock("tung", lock_lifetime=1, wait_time_in_seconds=0.3):
            served.append(number)

    await asyncio.wait_for(asyncio.gather(handle(1), handle(2)), 10)
    assert served == [1, 2]


def test_rasa_builds_it_from_the_endpoint_config(prefix: str) -> None:
    from rasa.core.lock_store import LockStore

    config = EndpointConfig(url=HOST, type="deploy.lock_store.AtomicRedisLockStore", port=str(PORT), db=str(DB),
                            password="", key_prefix=prefix)
    store = LockStore.create(config)
    assert isinstance(store, AtomicRedisLockStore)
    assert store.key_prefix == f"{prefix}:lock:"
    assert store.issue_ticket("x") == 0
