"""Rasa's endpoint calls over kept-alive connections (bot/runtime/action_connections.py).

No test sleeps for a set time: each waits until the connection it is about is closed."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp import web
from rasa.utils.endpoints import ClientResponseError, EndpointConfig

import bot.runtime.action_connections as connections
from bot.runtime.action_connections import close_action_connections, reuse_action_connections
from tests.waiting import until


class ActionServer:
    """Answers with what it saw; records the client port of each request."""

    def __init__(self) -> None:
        self.peers: list[int] = []
        self.seen: list[dict[str, Any]] = []
        self.transports: list[asyncio.BaseTransport] = []

    def all_closed(self) -> bool:
        return all(transport.is_closing() for transport in self.transports)

    async def webhook(self, request: web.Request) -> web.Response:
        self.peers.append(request.transport.get_extra_info("peername")[1])  # type: ignore[union-attr]
        if request.transport not in self.transports:
            self.transports.append(request.transport)  # type: ignore[arg-type]
        self.seen.append({"auth": request.headers.get("Authorization"), "header": request.headers.get("X-Bot"),
                          "token": request.query.get("token"), "body": await request.json()})
        if request.query.get("fail"):
            return web.json_response({"error": "no"}, status=500)
        return web.json_response({"events": [], "responses": [{"text": "ok"}]})


async def serve(server: ActionServer, keepalive: float = 75.0) -> tuple[web.AppRunner, str]:
    app = web.Application()
    app.router.add_post("/webhook", server.webhook)
    runner = web.AppRunner(app, keepalive_timeout=keepalive)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    return runner, f"http://127.0.0.1:{runner.addresses[0][1]}/webhook"


def pool_has_no_open_connection() -> bool:
    """The client side has seen every pooled connection close (aiohttp drops them at the next call)."""
    pool = connections._pools.get(asyncio.get_running_loop())
    return pool is None or not any(proto.is_connected() for conns in pool._conns.values() for proto, _ in conns)


@pytest.fixture()
async def pooled(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[None]:
    monkeypatch.setattr(EndpointConfig, "session", EndpointConfig.session)  # put back afterwards
    reuse_action_connections()
    yield
    await close_action_connections()


def test_rasa_opens_a_session_per_call_through_the_replaced_method() -> None:
    # The adjustment works only while Rasa's request goes through `self.session()`.
    assert "async with self.session() as session" in inspect.getsource(EndpointConfig.request)


async def test_calls_share_one_connection_and_keep_rasas_settings(pooled: None) -> None:
    server = ActionServer()
    runner, url = await serve(server)
    try:
        endpoint = EndpointConfig(url, headers={"X-Bot": "hp"}, basic_auth={"username": "u", "password": "p"},
                                  token="secret")
        for turn in range(3):
            assert await endpoint.request(json={"turn": turn}, method="post") == {"events": [], "responses": [{"text": "ok"}]}
        assert len(set(server.peers)) == 1
        assert [s["body"] for s in server.seen] == [{"turn": 0}, {"turn": 1}, {"turn": 2}]
        assert {(s["header"], s["token"]) for s in server.seen} == {("hp", "secret")}
        assert all(s["auth"] and s["auth"].startswith("Basic ") for s in server.seen)
        with pytest.raises(ClientResponseError):
            await endpoint.request(json={}, method="post", params={"fail": "1"})
    finally:
        await runner.cleanup()


async def test_reapplying_changes_nothing(pooled: None) -> None:
    replaced = EndpointConfig.session
    reuse_action_connections()
    assert EndpointConfig.session is replaced


async def test_an_idle_connection_is_dropped_before_the_server_would(pooled: None,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    await close_action_connections()
    monkeypatch.setattr(connections, "KEEPALIVE_SECONDS", 0.2)
    server = ActionServer()
    runner, url = await serve(server)
    try:
        endpoint = EndpointConfig(url)
        await endpoint.request(json={}, method="post")
        await until(server.all_closed, 5, "the connection closed")  # the client closed it: the server would have kept it 75 s
        await endpoint.request(json={}, method="post")
        assert len(set(server.peers)) == 2
    finally:
        await runner.cleanup()


async def test_a_connection_the_server_closed_is_not_reused(pooled: None) -> None:
    server = ActionServer()
    runner, url = await serve(server, keepalive=0.1)  # a server with a shorter idle limit
    try:
        endpoint = EndpointConfig(url)
        await endpoint.request(json={}, method="post")
        await until(server.all_closed, 5, "the connection closed")  # the server closed it (aiohttp rounds 0.1 s up to a second)
        await until(pool_has_no_open_connection, 5, "no pooled connection open")
        assert await endpoint.request(json={}, method="post") is not None
        assert len(set(server.peers)) == 2
    finally:
        await runner.cleanup()


async def test_a_restarted_action_server_is_reached_again(pooled: None) -> None:
    server = ActionServer()
    runner, url = await serve(server)
    endpoint = EndpointConfig(url)
    await endpoint.request(json={}, method="post")
    await runner.cleanup()
    port = int(url.rsplit(":", 1)[1].split("/")[0])
    app = web.Application()
    app.router.add_post("/webhook", server.webhook)
    again = web.AppRunner(app)
    await again.setup()
    await web.TCPSite(again, "127.0.0.1", port).start()
    try:
        await until(pool_has_no_open_connection, 5, "no pooled connection open")  # the old server's connection is seen closed
        assert await endpoint.request(json={}, method="post") is not None
    finally:
        await again.cleanup()


async def test_closing_releases_the_pool(pooled: None) -> None:
    server = ActionServer()
    runner, url = await serve(server)
    try:
        await EndpointConfig(url).request(json={}, method="post")
        pool = connections._pools[asyncio.get_running_loop()]
        await close_action_connections()
        assert pool.closed and asyncio.get_running_loop() not in connections._pools
        await EndpointConfig(url).request(json={}, method="post")  # a new pool
        assert len(set(server.peers)) == 2
    finally:
        await runner.cleanup()
