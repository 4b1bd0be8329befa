"""The guarded REST channel in a real Sanic server on 127.0.0.1, with a stub bot."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from types import SimpleNamespace
from typing import Any

import pytest
from rasa.core.channels.channel import UserMessage
from rasa.core.tracker_store import FailSafeTrackerStore, InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from sqlalchemy.exc import OperationalError

from bot.channels.admission import AdmissionLimits
from bot.channels.guarded_rest import (
    APOLOGY_REPLY,
    EMPTY_REPLY,
    TOO_FAST_REPLY,
    ChannelLimits,
    GuardedRestInput,
    RateLimiter,
    clean_text,
)
from tests.channels.conftest import EchoBot, Served, new_app, serve_app, serve_channel
from tests.waiting import until

WEBHOOK = "/webhooks/rest/webhook"
JSON = {"Content-Type": "application/json"}


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def post(served: Served, body: Any, headers: dict[str, str] | None = None) -> tuple[int, Any, dict[str, str]]:
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    async with served.client.post(served.url + WEBHOOK, data=raw, headers=headers or JSON) as response:
        text = await response.text()
        assert "Traceback" not in text
        return response.status, json.loads(text), dict(response.headers)


@pytest.fixture()
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture()
def echo() -> EchoBot:
    return EchoBot()


@pytest.fixture()
async def served(echo: EchoBot, clock: FakeClock) -> AsyncIterator[Served]:
    channel = GuardedRestInput(ChannelLimits(max_message_chars=50, max_body_bytes=2048, rate_per_minute=6, burst=3),
                               clock=clock)
    async with serve_channel(channel, echo) as running:
        yield running


async def test_a_question_reaches_the_bot_and_the_reply_comes_back(served: Served, echo: EchoBot) -> None:
    status, body, headers = await post(served, {"sender": "lan", "message": "grdp 2024 tăng bao nhiêu"})
    assert status == 200
    assert body == [{"recipient_id": "lan", "text": "Bạn nói: grdp 2024 tăng bao nhiêu"}]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert [(m.sender_id, m.text, m.input_channel) for m in echo.received] == [("rest:lan", "grdp 2024 tăng bao nhiêu", "rest")]


async def test_the_name_and_url_stay_those_of_rasas_rest_channel(served: Served) -> None:
    assert GuardedRestInput.name() == "rest"
    assert (await served.get("/webhooks/rest/")).status == 200


async def test_a_too_long_message_gets_a_polite_reply_and_never_reaches_the_bot(served: Served, echo: EchoBot) -> None:
    status, body, _ = await post(served, {"sender": "lan", "message": "a" * 51})
    assert status == 200
    assert body[0]["text"].startswith("Câu hỏi dài quá") and "50 ký tự" in body[0]["text"]
    assert echo.received == []
    status, body, _ = await post(served, {"sender": "lan", "message": "a" * 10 + " " + "b" * 39})
    assert status == 200 and echo.texts == ["a" * 10 + " " + "b" * 30]  # a word is cut at 30 characters


async def test_each_sender_has_its_own_token_bucket(served: Served, echo: EchoBot, clock: FakeClock) -> None:
    replies = [(await post(served, {"sender": "lan", "message": f"câu {i}"}))[1][0]["text"] for i in range(4)]
    assert replies[:3] == ["Bạn nói: câu 0", "Bạn nói: câu 1", "Bạn nói: câu 2"]
    assert replies[3] == TOO_FAST_REPLY
    status, body, headers = await post(served, {"sender": "lan", "message": "câu 4"})
    assert status == 200 and body[0]["text"] == TOO_FAST_REPLY and headers["Retry-After"] == "10"
    # Another resident is not slowed down by the first.
    assert (await post(served, {"sender": "minh", "message": "chào"}))[1][0]["text"] == "Bạn nói: chào"
    clock.now += 10  # 6 per minute: one token back every 10 s
    assert (await post(served, {"sender": "lan", "message": "câu 5"}))[1][0]["text"] == "Bạn nói: câu 5"
    assert echo.texts == ["câu 0", "câu 1", "câu 2", "chào", "câu 5"]


@pytest.mark.parametrize(
    ("body", "headers", "status"),
    [
        (b"{not json", JSON, 400),
        (b"\xff\xfe{}", JSON, 400),
        (b"[1, 2]", JSON, 400),
        (b'"just a string"', JSON, 400),
        (b"null", JSON, 400),
        (json.dumps({"message": "thiếu người gửi"}).encode(), JSON, 400),
        (json.dumps({"sender": "lan"}).encode(), JSON, 400),
        (json.dumps({"sender": "", "message": "x"}).encode(), JSON, 400),
        (json.dumps({"sender": "lan\nINFO forged", "message": "x"}).encode(), JSON, 400),
        (json.dumps({"sender": "x" * 129, "message": "x"}).encode(), JSON, 400),
        (json.dumps({"sender": ["lan"], "message": "x"}).encode(), JSON, 400),
        (json.dumps({"sender": "lan", "message": 42}).encode(), JSON, 400),
        (json.dumps({"sender": "lan", "message": {"text": "x"}}).encode(), JSON, 400),
        (json.dumps({"sender": "lan", "message": "x", "metadata": "x"}).encode(), JSON, 400),
        pytest.param(b"[" * 1020 + b"]" * 1020, JSON, 400, id="deeply-nested"),
        (json.dumps({"sender": "lan", "message": "x" * 3000}).encode(), JSON, 413),
        (json.dumps({"sender": "lan", "message": "x"}).encode(), {"Content-Type": "text/plain"}, 415),
        (b"sender=lan&message=x", {"Content-Type": "application/x-www-form-urlencoded"}, 415),
    ],
)
async def test_malformed_requests_get_a_4xx_with_a_short_error(
    served: Served, echo: EchoBot, body: bytes, headers: dict[str, str], status: int
) -> None:
    got, answer, _ = await post(served, body, headers)
    assert got == status
    assert set(answer) == {"error"} and len(answer["error"]) < 120
    assert echo.received == []


async def test_other_methods_are_refused(served: Served) -> None:
    async with served.client.get(served.url + WEBHOOK) as response:
        assert response.status == 405
        assert "Traceback" not in await response.text()


async def test_control_characters_and_lone_surrogates_never_reach_the_bot(served: Served, echo: EchoBot) -> None:
    raw = b'{"sender": "lan", "message": "gdp\\u0000 2024\\u001b[31m \\ud800 tang\\r\\nbao nhieu"}'
    status, _, _ = await post(served, raw)
    assert status == 200
    assert echo.texts == ["gdp  2024 [31m \ufffd tang \nbao nhieu"]


async def test_an_empty_question_is_answered_without_the_bot(served: Served, echo: EchoBot) -> None:
    status, body, _ = await post(served, {"sender": "lan", "message": " \u0000 "})
    assert status == 200 and body[0]["text"] == EMPTY_REPLY and echo.received == []


async def test_numeric_sender_ids_are_accepted_as_text(served: Served, echo: EchoBot) -> None:
    status, body, _ = await post(served, {"sender": 12345, "message": "chào"})
    assert status == 200 and body[0]["recipient_id"] == "12345"


class SilentBot:
    """What Rasa does when the action server is down: logs it and sends nothing."""

    async def __call__(self, message: UserMessage) -> None:
        return None


class FailingBot:
    async def __call__(self, message: UserMessage) -> None:
        # as SQL errors do: the message quotes the parameters, i.e. the resident's words
        raise RuntimeError(f"database is gone: postgresql://secret@host [parameters: ({message.text!r},)]")


class SlowBot:
    """Answers only once released: slower than any deadline until the test says so."""

    def __init__(self) -> None:
        self.release = asyncio.Event()
        self.finished = asyncio.Event()

    async def __call__(self, message: UserMessage) -> None:
        await self.release.wait()
        await message.output_channel.send_text_message(message.sender_id, "muộn")
        self.finished.set()


@pytest.mark.parametrize("bot", [SilentBot(), FailingBot()], ids=["silent", "failing"])
async def test_a_bot_that_fails_or_says_nothing_yields_an_apology(bot: Any, caplog: pytest.LogCaptureFixture) -> None:
    async with serve_channel(GuardedRestInput(), bot) as served:
        status, body, _ = await post(served, {"sender": "lan", "message": "grdp 2024 bí mật"})
    assert status == 200
    assert body == [{"recipient_id": "lan", "text": APOLOGY_REPLY}]
    assert "tôi chưa tra cứu được lúc này" in body[0]["text"]
    assert "bí mật" not in caplog.text  # the resident's words are not logged
    assert "secret@host" not in caplog.text


async def test_a_slow_bot_yields_an_apology_in_time_and_still_finishes_the_turn() -> None:
    bot = SlowBot()
    async with serve_channel(GuardedRestInput(ChannelLimits(reply_timeout=0.3)), bot) as served:
        status, body, _ = await post(served, {"sender": "lan", "message": "chậm"})
        assert status == 200 and body[0]["text"] == APOLOGY_REPLY  # the bot has not answered yet
        bot.release.set()
        await asyncio.wait_for(bot.finished.wait(), 5)


def test_limits_come_from_the_environment() -> None:
    limits = ChannelLimits.from_env({"MAX_MESSAGE_CHARS": "500", "RATE_LIMIT_PER_MINUTE": "30", "RATE_LIMIT_BURST": "5",
                                     "REPLY_TIMEOUT_SECONDS": "20"})
    assert (limits.max_message_chars, limits.rate_per_minute, limits.burst, limits.reply_timeout) == (500, 30, 5, 20)
    assert ChannelLimits.from_env({}) == ChannelLimits()
    with pytest.raises(ValueError, match="RATE_LIMIT_PER_MINUTE"):
        ChannelLimits.from_env({"RATE_LIMIT_PER_MINUTE": "lots"})


def test_creating_the_channel_changes_nothing_in_rasa(monkeypatch: pytest.MonkeyPatch) -> None:
    """The runtime adjustments are applied at start-up by bot/runtime/, not as a side effect of a channel."""
    import rasa.core.actions.action as rasa_action
    import rasa.core.processor
    from rasa.engine.runner.dask import DaskGraphRunner

    monkeypatch.setattr(rasa.core.processor, "DaskGraphRunner", DaskGraphRunner)
    monkeypatch.setattr(rasa_action, "DEFAULT_REQUEST_TIMEOUT", 300)
    validate = rasa_action.RemoteAction._validate_action_result
    monkeypatch.setattr(rasa_action.RemoteAction, "_validate_action_result", validate)
    monkeypatch.setenv("ACTION_TIMEOUT_SECONDS", "3")
    GuardedRestInput.from_credentials(None)
    assert rasa_action.DEFAULT_REQUEST_TIMEOUT == 300
    assert rasa_action.RemoteAction._validate_action_result is validate
    assert rasa.core.processor.DaskGraphRunner is DaskGraphRunner


def test_the_rate_limiter_forgets_the_oldest_senders() -> None:
    clock = FakeClock()
    limiter = RateLimiter(per_minute=60, burst=1, max_keys=3, clock=clock)
    assert all(limiter.allow(f"s{i}") for i in range(5))
    assert len(limiter) == 3
    assert not limiter.allow("s4")
    clock.now += 1
    assert limiter.allow("s4")


def test_clean_text_keeps_vietnamese_and_emoji_and_drops_controls() -> None:
    assert clean_text("Hải Phòng 👍\tok\n") == "Hải Phòng 👍\tok\n"
    assert clean_text("Ha\u0309i") == "Hải"  # NFC
    assert clean_text("a\x00b\x7fc\x85d") == "a b c d"


class BrokenTrackerStore(InMemoryTrackerStore):
    async def retrieve(self, sender_id: str) -> None:
        raise OperationalError("SELECT 1", {}, Exception("connection to server at 127.0.0.1 failed"))

    async def save(self, tracker: Any) -> None:
        raise OperationalError("INSERT", {}, Exception("connection to server at 127.0.0.1 failed"))


class TrackingBot:
    """Loads and saves the conversation through Rasa's fail-safe wrapper, as Rasa does."""

    def __init__(self, store: FailSafeTrackerStore) -> None:
        self.store = store

    async def __call__(self, message: UserMessage) -> None:
        tracker = await self.store.get_or_create_tracker(message.sender_id)
        await message.output_channel.send_text_message(message.sender_id, "trả lời không có ngữ cảnh")
        await self.store.save(tracker)


@pytest.mark.parametrize("broken", [True, False])
async def test_a_turn_during_which_the_tracker_store_failed_is_answered_with_an_apology(broken: bool) -> None:
    primary = BrokenTrackerStore(Domain.empty()) if broken else InMemoryTrackerStore(Domain.empty())
    store = FailSafeTrackerStore(primary)
    bot = TrackingBot(store)
    channel = GuardedRestInput()
    app = new_app()
    app.ctx.agent = SimpleNamespace(tracker_store=store)
    app.blueprint(channel.blueprint(bot), url_prefix="/webhooks/rest")
    async with serve_app(app) as served:
        status, body, _ = await post(served, {"sender": "lan", "message": "còn năm 2025 thì sao"})
    assert status == 200
    assert body[0]["text"] == (APOLOGY_REPLY if broken else "trả lời không có ngữ cảnh")


@pytest.mark.parametrize(("typed", "seen"), [("/restart", "restart"), ("/back", "back"),
                                             ("/greet", "/greet"), ('/feedback{"rating": "down"}', '/feedback{"rating": "down"}')])
async def test_typed_commands_reach_the_bot_as_words(served: Served, echo: EchoBot, typed: str, seen: str) -> None:
    status, _, _ = await post(served, {"sender": "lan", "message": typed})
    assert status == 200 and echo.texts == [seen]



# --- finding 5: cheap denial of service ------------------------------------------------


async def test_rotating_sender_ids_does_not_escape_the_per_address_limit(echo: EchoBot, clock: FakeClock) -> None:
    channel = GuardedRestInput(ChannelLimits(rate_per_minute=600, burst=100), clock=clock,
                               admission=AdmissionLimits(per_address_per_minute=6, per_address_burst=3))
    async with serve_channel(channel, echo) as served:
        replies = [(await post(served, {"sender": f"s{i}", "message": "hỏi"}))[1][0]["text"] for i in range(5)]
        assert replies.count(TOO_FAST_REPLY) == 2 and len(echo.received) == 3
        clock.now += 10  # one token back
        assert (await post(served, {"sender": "s9", "message": "hỏi"}))[1][0]["text"] != TOO_FAST_REPLY


def test_the_address_is_the_peer_unless_a_local_proxy_names_another() -> None:
    from bot.channels.admission import client_address

    def request(ip: str, headers: dict[str, str]) -> Any:
        return SimpleNamespace(ip=ip, headers={k.lower(): v for k, v in headers.items()})

    proxies = ("127.0.0.1", "::1")
    assert client_address(request("203.0.113.9", {"X-Real-IP": "1.2.3.4"}), proxies) == "203.0.113.9"
    assert client_address(request("127.0.0.1", {"X-Real-IP": "198.51.100.7"}), proxies) == "198.51.100.7"
    assert client_address(request("127.0.0.1", {"X-Forwarded-For": "1.1.1.1, 198.51.100.8"}), proxies) == "198.51.100.8"
    assert client_address(request("127.0.0.1", {"X-Real-IP": "not an address\n"}), proxies) == "127.0.0.1"
    assert client_address(request("127.0.0.1", {}), proxies) == "127.0.0.1"


class GatedBot(EchoBot):
    """Holds every turn until released, so the test controls how many are in flight."""

    def __init__(self) -> None:
        super().__init__()
        self.release = asyncio.Event()
        self.started = 0

    async def __call__(self, message: UserMessage) -> None:
        self.started += 1
        await self.release.wait()
        await super().__call__(message)


async def test_beyond_the_concurrent_turns_residents_get_a_busy_reply_not_a_queue_in_rasa() -> None:
    from bot.channels.admission import BUSY_REPLY

    bot = GatedBot()
    channel = GuardedRestInput(admission=AdmissionLimits(max_concurrent_turns=2, max_queued_turns=1, turn_wait=0.5))
    async with serve_channel(channel, bot) as served:
        first = [asyncio.create_task(post(served, {"sender": f"r{i}", "message": "hỏi"})) for i in range(2)]
        await until(lambda: bot.started == 2, 10, "two turns in the bot")
        queued = asyncio.create_task(post(served, {"sender": "r2", "message": "hỏi"}))
        refused = await post(served, {"sender": "r3", "message": "hỏi"})  # the queue (1) is full
        assert refused[1][0]["text"] == BUSY_REPLY and refused[2]["Retry-After"] == "5"
        waited = await queued  # nobody finished within turn_wait
        assert waited[1][0]["text"] == BUSY_REPLY
        bot.release.set()
        assert [(await task)[1][0]["text"] for task in first] == ["Bạn nói: hỏi"] * 2
        assert bot.started == 2


async def test_metadata_is_checked_then_not_stored(served: Served, echo: EchoBot) -> None:
    status, _, _ = await post(served, {"sender": "lan", "message": "hỏi", "metadata": {"x": "y" * 1000}})
    assert status == 200 and echo.received[0].metadata is None
    status, _, _ = await post(served, {"sender": "lan", "message": "hỏi", "metadata": "not an object"})
    assert status == 400


async def test_too_many_words_get_a_polite_reply_and_never_reach_the_bot(echo: EchoBot) -> None:
    async with serve_channel(GuardedRestInput(), echo) as served:
        status, body, _ = await post(served, {"sender": "lan", "message": "a " * 61})
        assert status == 200 and "tối đa 60 từ" in body[0]["text"] and echo.received == []
        payload = '/ask_indicator{"indicator": "budget_expenditure_development_investment", "period": "2024"}'
        await post(served, {"sender": "lan", "message": payload})
        assert echo.texts == [payload]  # an offered payload is not cut
