"""Real HTTP on 127.0.0.1 both ways: the connector's blueprint served by Sanic, and fake
Zalo OA / Telegram Bot API servers (aiohttp) that speak the real protocols and record
what the connector sent. Rasa itself is replaced by `EchoBot`, which answers through
the connector's output channel the way Rasa's `send_response` does."""

from __future__ import annotations

import asyncio
import itertools
import socket
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import aiohttp
import pytest
import redis
from aiohttp import web
from aiohttp.test_utils import TestServer
from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Sanic

from bot.channels.store_watch import note_store_failure
from tests.redis_server import HOST as REDIS_HOST
from tests.redis_server import PORT as REDIS_PORT
from tests.redis_server import ensure_running as ensure_redis

ZALO_ENV = (
    "ZALO_MAX_EVENT_AGE_SECONDS",
    "ZALO_MAX_CLOCK_SKEW_SECONDS",
    "ZALO_OA_SECRET_KEY",
    "ZALO_APP_ID",
    "ZALO_ACCESS_TOKEN",
    "ZALO_REFRESH_TOKEN",
    "ZALO_APP_SECRET",
    "ZALO_API_URL",
    "ZALO_OAUTH_URL",
    "ZALO_TOKEN_FILE",
)
TELEGRAM_ENV = ("TELEGRAM_TOKEN", "TELEGRAM_VERIFY", "TELEGRAM_WEBHOOK_URL", "TELEGRAM_SECRET_TOKEN", "TELEGRAM_API_URL")
SHARED_ENV = ("CHANNEL_MEMORY_REDIS_URL",)


@pytest.fixture(autouse=True)
def no_channel_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test starts from an environment with no channel configured."""
    for name in ZALO_ENV + TELEGRAM_ENV + SHARED_ENV:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture()
def shared_memory(monkeypatch: pytest.MonkeyPatch) -> str:
    """Channels created in the test share an empty Redis memory, as replicas of `make run-prod` do."""
    ensure_redis()
    url = f"redis://{REDIS_HOST}:{REDIS_PORT}/4"
    redis.Redis.from_url(url).flushdb()
    monkeypatch.setenv("CHANNEL_MEMORY_REDIS_URL", url)
    return url


class EchoBot:
    """Stands in for Rasa's `agent.handle_message`: records and answers each message.

    `replies` maps an incoming text to the bot responses (Rasa's dict format) to send;
    anything else is echoed back.
    """

    def __init__(self, replies: dict[str, list[dict[str, Any]]] | None = None) -> None:
        self.received: list[UserMessage] = []
        self.replies = replies or {}

    async def __call__(self, message: UserMessage) -> None:
        self.received.append(message)
        text = message.text or ""
        for reply in self.replies.get(text, [{"text": f"Bạn nói: {text}"}]):
            await message.output_channel.send_response(message.sender_id, dict(reply))

    @property
    def texts(self) -> list[str]:
        return [m.text or "" for m in self.received]


class StoreDown(Exception):
    """What Rasa raises out of `on_new_message` when a store it needs is down."""


class FailingBot(EchoBot):
    """A bot whose turn fails, the error quoting the resident's words as SQL errors do.

    With `answer_first` it answers, then fails (the answer was sent, saving it failed).
    """

    def __init__(self, answer_first: bool = False) -> None:
        super().__init__()
        self.answer_first = answer_first

    async def __call__(self, message: UserMessage) -> None:
        if self.answer_first:
            await super().__call__(message)
        else:
            self.received.append(message)
        raise StoreDown(f"could not save the turn [parameters: ({message.text!r},)]")


class OutageBot(EchoBot):
    """A turn during which Rasa's `FailSafeTrackerStore` lost its database: it reports
    the failure through its hook and answers from an empty conversation anyway.

    The failure comes when the conversation is loaded (`at="load"`, before the answer)
    or when it is saved (`at="save"`, after the answer was sent).
    """

    def __init__(self, at: str = "load") -> None:
        super().__init__()
        self.at = at

    async def __call__(self, message: UserMessage) -> None:
        if self.at == "load":
            note_store_failure(StoreDown("connection refused"))
        await super().__call__(message)
        if self.at == "save":
            note_store_failure(StoreDown("connection refused"))


@dataclass
class Served:
    url: str
    client: aiohttp.ClientSession

    async def post(self, path: str, body: bytes, headers: dict[str, str]) -> aiohttp.ClientResponse:
        async with self.client.post(self.url + path, data=body, headers=headers) as response:
            await response.read()
            return response

    async def get(self, path: str) -> aiohttp.ClientResponse:
        async with self.client.get(self.url + path) as response:
            await response.read()
            return response


def new_app() -> Sanic:
    # What sanic-testing sets: several apps per process, each with Sanic's touch-ups redone.
    Sanic.test_mode = True
    return Sanic(f"channels_{uuid.uuid4().hex}")


@asynccontextmanager
async def serve_app(app: Sanic) -> AsyncIterator[Served]:
    """Run `app` on 127.0.0.1 with the server events `rasa run` would trigger."""
    # Sanic 21.12 turns port 0 into 8000, so the ephemeral port comes from a bound socket.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = await app.create_server(sock=sock, return_asyncio_server=True, access_log=False)
    assert server is not None
    await server.startup()
    await server.before_start()
    await server.after_start()
    try:
        async with aiohttp.ClientSession() as client:
            yield Served(f"http://127.0.0.1:{port}", client)
    finally:
        await server.before_stop()
        await server.close()
        await server.after_stop()
        sock.close()


@asynccontextmanager
async def serve_channel(channel: InputChannel, bot: Callable[[UserMessage], Any]) -> AsyncIterator[Served]:
    """Mount the channel's blueprint as `rasa run` does (/webhooks/<name>) on a real port."""
    app = new_app()
    app.blueprint(channel.blueprint(bot), url_prefix=f"/webhooks/{channel.url_prefix()}")
    async with serve_app(app) as served:
        yield served


# --- a fake Zalo OA API ---------------------------------------------------------------


@dataclass
class FakeZaloApi:
    """OA API v3 message/cs and OAuth v4 access_token, with single-use refresh tokens.

    `failures` scripts the next message requests: "500", "timeout", "400", or "ok" (none).
    """

    app_id: str
    app_secret: str
    access_token: str
    refresh_token: str
    url: str = ""
    failures: list[str] = field(default_factory=list)
    sent: list[dict[str, Any]] = field(default_factory=list)
    message_calls: int = 0
    refresh_calls: list[dict[str, str]] = field(default_factory=list)
    hang_for: float = 2.0
    _counter: itertools.count[int] = field(default_factory=lambda: itertools.count(2))

    def expire_access_token(self) -> None:
        self.access_token = "expired-" + uuid.uuid4().hex

    async def message_cs(self, request: web.Request) -> web.Response:
        self.message_calls += 1
        if self.failures:
            failure = self.failures.pop(0)
            if failure == "500":
                return web.Response(status=502, text="<html>Bad Gateway</html>", content_type="text/html")
            if failure == "timeout":
                await asyncio.sleep(self.hang_for)
            if failure == "400":
                return web.json_response({"error": 400, "message": "Bad request"}, status=400)
        if request.headers.get("access_token") != self.access_token:
            return web.json_response({"error": -216, "message": "Access token is invalid"})
        body = await request.json()
        user_id, text = body["recipient"]["user_id"], body["message"]["text"]
        if len(text) > 2000:
            return web.json_response({"error": -201, "message": "Parameter message is invalid"})
        self.sent.append({"user_id": user_id, "text": text})
        return web.json_response({"data": {"message_id": uuid.uuid4().hex, "user_id": user_id}, "error": 0, "message": "Success"})

    async def oauth_access_token(self, request: web.Request) -> web.Response:
        form = {k: str(v) for k, v in (await request.post()).items()}
        self.refresh_calls.append(form)
        if request.headers.get("secret_key") != self.app_secret:
            return web.json_response({"error": -14002, "error_name": "Invalid secret key"})
        if form.get("app_id") != self.app_id or form.get("grant_type") != "refresh_token":
            return web.json_response({"error": -14001, "error_name": "Invalid parameter"})
        if form.get("refresh_token") != self.refresh_token:
            return web.json_response({"error": -14014, "error_name": "Invalid refresh token"})
        n = next(self._counter)
        self.access_token, self.refresh_token = f"access-{n}", f"refresh-{n}"
        return web.json_response({"access_token": self.access_token, "refresh_token": self.refresh_token, "expires_in": "90000"})

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/v3.0/oa/message/cs", self.message_cs)
        app.router.add_post("/v4/oa/access_token", self.oauth_access_token)
        return app


@pytest.fixture()
async def zalo_api() -> AsyncIterator[FakeZaloApi]:
    fake = FakeZaloApi(app_id="360846524940903967", app_secret="app-secret", access_token="access-1", refresh_token="refresh-1")
    server = TestServer(fake.app(), host="127.0.0.1")
    await server.start_server()
    fake.url = str(server.make_url("")).rstrip("/")
    yield fake
    await server.close()


# --- a fake Telegram Bot API ----------------------------------------------------------


@dataclass
class FakeTelegramApi:
    """`/bot<token>/<method>` for getMe, setWebhook, sendMessage, answerCallbackQuery."""

    token: str
    username: str = "hp_assistant_bot"
    url: str = ""
    calls: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(500))

    def called(self, method: str) -> list[dict[str, str]]:
        return [params for name, params in self.calls if name == method]

    @property
    def bot_user(self) -> dict[str, Any]:
        return {"id": int(self.token.split(":")[0]), "is_bot": True, "first_name": "Trợ lý Hải Phòng", "username": self.username}

    async def method(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response({"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401)
        name = request.match_info["method"]
        params = {k: str(v) for k, v in (await request.post()).items()}
        self.calls.append((name, params))
        if name == "getMe":
            return web.json_response({"ok": True, "result": self.bot_user})
        if name == "setWebhook":
            return web.json_response({"ok": True, "result": True, "description": "Webhook was set"})
        if name == "answerCallbackQuery":
            return web.json_response({"ok": True, "result": True})
        if name == "sendMessage":
            if not params.get("text"):
                return web.json_response({"ok": False, "error_code": 400, "description": "Bad Request: message text is empty"}, status=400)
            if len(params["text"].encode("utf-16-le")) // 2 > 4096:
                return web.json_response({"ok": False, "error_code": 400, "description": "Bad Request: message is too long"}, status=400)
            chat_id = int(params["chat_id"])
            message = {
                "message_id": next(self._ids),
                "from": self.bot_user,
                "chat": {"id": chat_id, "first_name": "Lan", "type": "private"},
                "date": 1735689600,
                "text": params["text"],
            }
            return web.json_response({"ok": True, "result": message})
        return web.json_response({"ok": False, "error_code": 404, "description": "Not Found: method not found"}, status=404)

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/bot{token}/{method}", self.method)
        return app


@pytest.fixture()
async def telegram_api() -> AsyncIterator[FakeTelegramApi]:
    fake = FakeTelegramApi(token="123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw")
    server = TestServer(fake.app(), host="127.0.0.1")
    await server.start_server()
    fake.url = str(server.make_url("")).rstrip("/")
    yield fake
    await server.close()
