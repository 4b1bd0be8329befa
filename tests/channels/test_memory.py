"""The channels' memory: in this process, or in Redis shared by the replicas."""

from __future__ import annotations

import logging
import socket
import uuid
from collections.abc import AsyncIterator

import pytest
import redis

from bot.channels.memory import ChannelMemory, LocalMemory, RedisMemory, channel_memory
from bot.channels.telegram import CallbackPayloads
from bot.channels.text import ChoiceMemory
from bot.settings import ChannelMemorySettings, SettingsError
from tests.redis_server import HOST, PORT, ensure_running

REDIS_URL = f"redis://{HOST}:{PORT}/3"


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def namespace() -> str:
    return f"test-{uuid.uuid4().hex[:8]}"


@pytest.fixture(params=["local", "redis"])
async def memory(request: pytest.FixtureRequest) -> AsyncIterator[ChannelMemory]:
    if request.param == "local":
        yield LocalMemory()
        return
    ensure_running()
    shared = RedisMemory.from_url(REDIS_URL, namespace())
    yield shared
    await shared.close()


async def test_a_key_is_new_once(memory: ChannelMemory) -> None:
    assert await memory.first_sight("update-1", 60)
    assert not await memory.first_sight("update-1", 60)
    assert await memory.first_sight("update-2", 60)


async def test_values_are_kept_taken_and_forgotten(memory: ChannelMemory) -> None:
    await memory.put("user", "Hải Phòng", 60)
    assert await memory.get("user") == "Hải Phòng"
    assert await memory.take("user") == "Hải Phòng"
    assert await memory.take("user") is None
    await memory.put("user", "again", 60)
    await memory.forget("user")
    assert await memory.get("user") is None


async def test_local_memory_is_bounded() -> None:
    memory = LocalMemory(maxsize=2)
    for key in ("a", "b", "c"):
        await memory.put(key, key, 60)
    assert len(memory) == 2 and await memory.get("a") is None
    assert await memory.first_sight("a", 60)  # forgotten, so new again


async def test_redis_keys_expire_and_stay_in_their_namespace() -> None:
    ensure_running()
    name = namespace()
    memory = RedisMemory.from_url(REDIS_URL, name)
    try:
        await memory.put("user", "x", 90)
        await memory.first_sight("update", 30)
        client = redis.Redis.from_url(REDIS_URL)
        assert 0 < client.ttl(f"hp:channel:{name}:user") <= 90
        assert 0 < client.ttl(f"hp:channel:{name}:update") <= 30
        other = RedisMemory.from_url(REDIS_URL, namespace())
        assert await other.get("user") is None
        await other.close()
    finally:
        await memory.close()


async def test_two_replicas_share_one_memory() -> None:
    ensure_running()
    name = namespace()
    first, second = RedisMemory.from_url(REDIS_URL, name), RedisMemory.from_url(REDIS_URL, name)
    try:
        assert await first.first_sight("event", 60)
        assert not await second.first_sight("event", 60)  # the redelivery reached the other replica
        choices_a, choices_b = ChoiceMemory(first), ChoiceMemory(second)
        await choices_a.offer("user", ["/grdp", "Dự án cầu Nguyễn Trãi"])
        assert await choices_b.resolve("user", "2") == "Dự án cầu Nguyễn Trãi"
        assert await choices_a.resolve("user", "2") == "2"  # used up, on every replica
        payloads_a, payloads_b = CallbackPayloads(first), CallbackPayloads(second)
        long_payload = "Phường Lạch Tray quận Ngô Quyền giờ thuộc phường nào?"
        assert await payloads_b.decode(await payloads_a.encode(long_payload)) == long_payload
    finally:
        await first.close()
        await second.close()


async def test_with_redis_down_nothing_is_lost_and_the_failure_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    memory = RedisMemory.from_url(f"redis://:s3cret-password@127.0.0.1:{closed_port()}/0", "down")
    caplog.set_level(logging.WARNING, logger="bot.channels.memory")
    try:
        assert await memory.first_sight("event", 60)  # processed: a duplicate beats a lost question
        assert await memory.first_sight("event", 60)
        await memory.put("user", "x", 60)
        await memory.forget("user")
        assert await memory.get("user") is None and await memory.take("user") is None
        assert await ChoiceMemory(memory).resolve("user", "2") == "2"
    finally:
        await memory.close()
    assert len(caplog.records) == 7
    assert all("failed" in record.getMessage() for record in caplog.records)
    assert "s3cret" not in caplog.text


def test_the_settings_choose_the_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    assert isinstance(channel_memory("zalo:seen", where=ChannelMemorySettings()), LocalMemory)
    assert isinstance(channel_memory("zalo:seen", where=ChannelMemorySettings(REDIS_URL)), RedisMemory)
    prefixed = channel_memory("zalo:seen", where=ChannelMemorySettings(REDIS_URL, "hp_test_1"))
    assert isinstance(prefixed, RedisMemory) and prefixed._prefix == "hp_test_1:channel:zalo:seen:"
    monkeypatch.setenv("CHANNEL_MEMORY_REDIS_URL", REDIS_URL)  # without settings: this process's
    assert isinstance(channel_memory("zalo:seen"), RedisMemory)


def test_the_environment_names_the_redis_url_and_the_key_prefix() -> None:
    assert ChannelMemorySettings.from_env({"CHANNEL_MEMORY_REDIS_URL": "  ", "REDIS_KEY_PREFIX": ""}) == \
        ChannelMemorySettings(None, "hp")
    assert ChannelMemorySettings.from_env({"CHANNEL_MEMORY_REDIS_URL": REDIS_URL, "REDIS_KEY_PREFIX": "hp_test_1"}) == \
        ChannelMemorySettings(REDIS_URL, "hp_test_1")


def test_a_url_that_is_not_redis_stops_the_start_without_showing_it() -> None:
    with pytest.raises(SettingsError, match=r"^CHANNEL_MEMORY_REDIS_URL is not a Redis URL") as raised:
        ChannelMemorySettings.from_env({"CHANNEL_MEMORY_REDIS_URL": "http://user:s3cret@example.org"})
    assert "s3cret" not in str(raised.value)


async def test_a_choice_list_not_written_by_the_channel_is_ignored() -> None:
    memory = LocalMemory()
    await memory.put("user", "not json", 60)
    assert await ChoiceMemory(memory).resolve("user", "1") == "1"
