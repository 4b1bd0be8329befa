"""The Zalo OA channel end to end: signed webhook JSON in, OA API calls out."""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest

from bot.channels.guarded_rest import APOLOGY_REPLY
from bot.channels.zalo import ZaloInput
from bot.channels.zalo_api import RetryPolicy, Tokens, ZaloApiClient
from bot.channels.zalo_events import timestamp_problem
from bot.settings import SettingsError, ZaloSettings, current_settings
from tests.channels.conftest import EchoBot, FailingBot, FakeZaloApi, OutageBot, Served, serve_channel

OA_SECRET = "oa-secret-key-for-tests"
USER = "246845883529197922"
WEBHOOK = "/webhooks/zalo/webhook"
FAST = RetryPolicy(attempts=3, backoff=0.01, timeout=0.5)


def now_ms(offset: float = 0.0) -> str:
    """A Zalo timestamp (milliseconds, as a string) `offset` seconds from now."""
    return str(int((time.time() + offset) * 1000))


def text_event(
    text: str, msg_id: str = "96d3cdf3af150460909", app_id: str = "360846524940903967", timestamp: str | None = None
) -> dict[str, Any]:
    """A user_send_text event as Zalo posts it, stamped now unless told otherwise."""
    return {
        "app_id": app_id,
        "user_id_by_app": "552177279717587730",
        "event_name": "user_send_text",
        "timestamp": now_ms() if timestamp is None else timestamp,
        "sender": {"id": USER},
        "recipient": {"id": "388613280878808645"},
        "message": {"msg_id": msg_id, "text": text},
    }


def signed(event: dict[str, Any], app_id: str = "360846524940903967", secret: str = OA_SECRET, prefix: str = "") -> tuple[bytes, dict[str, str]]:
    """The body and headers of a webhook call, signed as Zalo documents it."""
    body = json.dumps(event, ensure_ascii=False).encode()
    mac = hashlib.sha256((app_id + body.decode() + str(event.get("timestamp", "")) + secret).encode()).hexdigest()
    return body, {"Content-Type": "application/json", "X-ZEvent-Signature": prefix + mac}


def settings_for(api: FakeZaloApi, **overrides: Any) -> ZaloSettings:
    values: dict[str, Any] = {
        "oa_secret_key": OA_SECRET,
        "app_id": api.app_id,
        "access_token": api.access_token,
        "refresh_token": api.refresh_token,
        "app_secret": api.app_secret,
        "api_url": api.url,
        "oauth_url": api.url,
    }
    values.update(overrides)
    return ZaloSettings(**values)


class Harness:
    def __init__(self, channel: ZaloInput, served: Served, bot: EchoBot) -> None:
        self.channel, self.served, self.bot = channel, served, bot

    async def send(self, event: dict[str, Any], **sign: Any) -> int:
        body, headers = signed(event, **sign)
        response = await self.served.post(WEBHOOK, body, headers)
        await self.channel.tasks.drain()
        return response.status


async def start(
    api: FakeZaloApi, bot: EchoBot | None = None, clock: Callable[[], float] = time.time, **overrides: Any
) -> AsyncIterator[Harness]:
    channel = ZaloInput(settings_for(api, **overrides), policy=FAST, clock=clock)
    bot = bot or EchoBot()
    async with serve_channel(channel, bot) as served:
        yield Harness(channel, served, bot)


@pytest.fixture()
async def zalo(zalo_api: FakeZaloApi) -> AsyncIterator[Harness]:
    async for harness in start(zalo_api):
        yield harness


async def test_signed_text_is_answered_through_the_oa_api(zalo: Harness, zalo_api: FakeZaloApi) -> None:
    assert await zalo.send(text_event("grdp hp 2024 tang bn")) == 200

    [message] = zalo.bot.received
    assert (message.text, message.sender_id, message.input_channel) == ("grdp hp 2024 tang bn", f"zalo:{USER}", "zalo")
    assert message.message_id == "96d3cdf3af150460909"
    assert zalo_api.sent == [{"user_id": USER, "text": "Bạn nói: grdp hp 2024 tang bn"}]


async def test_mac_prefixed_signature_is_accepted(zalo: Harness, zalo_api: FakeZaloApi) -> None:
    assert await zalo.send(text_event("xin chào"), prefix="mac=") == 200
    assert zalo.bot.texts == ["xin chào"]


@pytest.mark.parametrize(
    "headers",
    [
        {"Content-Type": "application/json"},
        {"Content-Type": "application/json", "X-ZEvent-Signature": "0" * 64},
        {"Content-Type": "application/json", "X-ZEvent-Signature": "mac="},
    ],
    ids=["missing", "wrong", "empty-mac"],
)
async def test_unsigned_or_badly_signed_requests_get_401_and_nothing_happens(
    zalo: Harness, zalo_api: FakeZaloApi, headers: dict[str, str]
) -> None:
    body = json.dumps(text_event("xin chào")).encode()
    response = await zalo.served.post(WEBHOOK, body, headers)
    await zalo.channel.tasks.drain()
    assert response.status == 401
    assert zalo.bot.received == []
    assert zalo_api.message_calls == 0


async def test_signature_with_another_secret_or_a_tampered_body_is_refused(zalo: Harness, zalo_api: FakeZaloApi) -> None:
    assert await zalo.send(text_event("xin chào"), secret="not-our-secret") == 401
    body, headers = signed(text_event("xin chào"))
    tampered = body.replace("xin chào".encode(), "tạm biệt".encode())
    assert (await zalo.served.post(WEBHOOK, tampered, headers)).status == 401
    assert zalo.bot.received == []


async def test_redelivered_msg_id_is_processed_once(zalo: Harness, zalo_api: FakeZaloApi) -> None:
    for _ in range(3):
        assert await zalo.send(text_event("xin chào", msg_id="same-id")) == 200
    assert await zalo.send(text_event("xin chào", msg_id="other-id")) == 200
    assert zalo.bot.texts == ["xin chào", "xin chào"]
    assert len(zalo_api.sent) == 2


async def test_duplicate_memory_is_bounded(zalo_api: FakeZaloApi) -> None:
    channel = ZaloInput(settings_for(zalo_api), policy=FAST, seen_limit=2)
    bot = EchoBot()
    async with serve_channel(channel, bot) as served:
        harness = Harness(channel, served, bot)
        for msg_id in ("a", "b", "c", "a"):  # "a" fell out of a memory of two
            await harness.send(text_event("hi", msg_id=msg_id))
    assert len(bot.received) == 4


async def test_long_reply_is_split_within_zalo_limit(zalo_api: FakeZaloApi) -> None:
    paragraphs = [(f"Đoạn {i}: " + "số liệu kinh tế Hải Phòng " * 30).strip() for i in range(6)]
    long_answer = "\n\n".join(paragraphs)
    assert len(long_answer) > 4000
    async for zalo in start(zalo_api, EchoBot({"dài": [{"text": long_answer}]})):
        assert await zalo.send(text_event("dài")) == 200
    pieces = [m["text"] for m in zalo_api.sent]
    assert len(pieces) >= 3
    assert all(len(p) <= 2000 for p in pieces)
    assert "\n\n".join(pieces) == long_answer  # cut between paragraphs, nothing lost


async def test_buttons_become_numbered_choices_and_a_number_picks_the_payload(zalo_api: FakeZaloApi) -> None:
    buttons = [
        {"title": "Tăng trưởng GRDP 2024", "payload": "Tăng trưởng GRDP năm 2024 là bao nhiêu?"},
        {"title": "Dự án trọng điểm 2025", "payload": "Các dự án trọng điểm năm 2025"},
        {"title": "Hướng dẫn", "payload": "/help"},
    ]
    bot = EchoBot({"xin chào": [{"text": "Xin chào! Bạn muốn hỏi gì?", "buttons": buttons}]})
    async for zalo in start(zalo_api, bot):
        await zalo.send(text_event("xin chào", msg_id="m1"))
        await zalo.send(text_event("2", msg_id="m2"))
        await zalo.send(text_event("2", msg_id="m3"))  # choices answer only the next message

    assert zalo_api.sent[0]["text"] == (
        "Xin chào! Bạn muốn hỏi gì?\n\n"
        "1. Tăng trưởng GRDP 2024\n2. Dự án trọng điểm 2025\n3. Hướng dẫn\n\n"
        "Trả lời số 1, 2 hoặc 3 để chọn."
    )
    assert bot.texts == ["xin chào", "Các dự án trọng điểm năm 2025", "2"]


async def test_a_number_out_of_range_stays_text(zalo_api: FakeZaloApi) -> None:
    bot = EchoBot({"menu": [{"text": "Chọn", "buttons": [{"title": "A", "payload": "/a"}, {"title": "B", "payload": "/b"}]}]})
    async for zalo in start(zalo_api, bot):
        await zalo.send(text_event("menu", msg_id="m1"))
        await zalo.send(text_event("5", msg_id="m2"))
    assert bot.texts == ["menu", "5"]


async def test_server_errors_are_retried_until_success(zalo: Harness, zalo_api: FakeZaloApi) -> None:
    zalo_api.failures = ["500", "500"]
    assert await zalo.send(text_event("xin chào")) == 200
    assert zalo_api.message_calls == 3
    assert len(zalo_api.sent) == 1


async def test_timeouts_are_retried(zalo: Harness, zalo_api: FakeZaloApi) -> None:
    zalo_api.failures = ["timeout"]
    zalo_api.hang_for = 2.0  # longer than the client's 0.5 s
    assert await zalo.send(text_event("xin chào")) == 200
    assert zalo_api.message_calls == 2
    assert len(zalo_api.sent) == 1


async def test_client_errors_are_not_retried(zalo: Harness, zalo_api: FakeZaloApi, caplog: pytest.LogCaptureFixture) -> None:
    zalo_api.failures = ["400", "400"]
    with caplog.at_level(logging.ERROR):
        assert await zalo.send(text_event("xin chào")) == 200
    assert zalo_api.message_calls == 1
    assert zalo_api.sent == []
    assert "HTTP 400" in caplog.text


async def test_persistent_server_errors_give_up_after_the_attempts(zalo: Harness, zalo_api: FakeZaloApi) -> None:
    zalo_api.failures = ["500"] * 5
    assert await zalo.send(text_event("xin chào")) == 200
    assert zalo_api.message_calls == 3
    assert zalo_api.sent == []


async def test_expired_token_is_refreshed_and_the_rotated_tokens_kept(zalo_api: FakeZaloApi, tmp_path: Path) -> None:
    token_file = tmp_path / "zalo-tokens.json"
    async for zalo in start(zalo_api, token_file=token_file):
        zalo_api.expire_access_token()
        assert await zalo.send(text_event("xin chào", msg_id="m1")) == 200
        assert zalo_api.sent == [{"user_id": USER, "text": "Bạn nói: xin chào"}]
        assert zalo_api.refresh_calls == [{"app_id": zalo_api.app_id, "grant_type": "refresh_token", "refresh_token": "refresh-1"}]
        client = zalo.channel.client
        assert client is not None
        assert (client.tokens.access_token, client.tokens.refresh_token) == ("access-2", "refresh-2")
        assert json.loads(token_file.read_text()) == {"access_token": "access-2", "refresh_token": "refresh-2"}
        assert token_file.stat().st_mode & 0o777 == 0o600

        # the second expiry uses the rotated refresh token, refresh-1 is spent
        zalo_api.expire_access_token()
        await zalo.send(text_event("lần hai", msg_id="m2"))
        assert zalo_api.refresh_calls[-1]["refresh_token"] == "refresh-2"
        assert len(zalo_api.sent) == 2

    # a restart with the environment's stale tokens reads the file instead
    restarted = ZaloInput(settings_for(zalo_api, access_token="access-1", refresh_token="refresh-1", token_file=token_file))
    assert restarted.client is not None
    assert restarted.client.tokens.refresh_token == "refresh-3"


async def test_replicas_sharing_the_token_file_refresh_once_and_adopt_each_others_tokens(
    zalo_api: FakeZaloApi, tmp_path: Path
) -> None:
    """Zalo's refresh tokens are single-use: the replica that did not refresh must not spend one."""
    settings = settings_for(zalo_api, token_file=tmp_path / "zalo-tokens.json")
    first, second = ZaloApiClient(settings, FAST), ZaloApiClient(settings, FAST)
    try:
        zalo_api.expire_access_token()
        assert await first.send_text(USER, "một")  # refreshes: refresh-1 is spent
        assert await second.send_text(USER, "hai")  # its access-1 is refused; takes access-2 from the file
        assert len(zalo_api.refresh_calls) == 1
        assert second.tokens == first.tokens == Tokens("access-2", "refresh-2")

        zalo_api.expire_access_token()  # both find out at the same time
        assert all(await asyncio.gather(first.send_text(USER, "ba"), second.send_text(USER, "bốn")))
        assert [call["refresh_token"] for call in zalo_api.refresh_calls] == ["refresh-1", "refresh-2"]
        sent = [m["text"] for m in zalo_api.sent]
        # the two concurrent sends may land in either order; each lands exactly once
        assert (sent[:2], sorted(sent[2:])) == (["một", "hai"], sorted(["ba", "bốn"]))
    finally:
        await first.close()
        await second.close()


async def test_refused_refresh_drops_the_reply_without_looping(zalo: Harness, zalo_api: FakeZaloApi) -> None:
    zalo_api.expire_access_token()
    zalo_api.refresh_token = "someone-else-rotated-it"
    assert await zalo.send(text_event("xin chào")) == 200
    assert zalo_api.sent == []
    assert len(zalo_api.refresh_calls) == 1
    assert zalo_api.message_calls == 1


async def test_sticker_and_image_get_a_polite_reply_without_the_bot(zalo: Harness, zalo_api: FakeZaloApi) -> None:
    sticker = {
        "app_id": zalo_api.app_id,
        "user_id_by_app": "552177279717587730",
        "event_name": "user_send_sticker",
        "timestamp": now_ms(),
        "sender": {"id": USER},
        "recipient": {"id": "388613280878808645"},
        "message": {
            "msg_id": "sticker-1",
            "attachments": [{"type": "sticker", "payload": {"id": "bfe458bf64fa8da4d4eb", "url": "https://zalo-api.zadn.vn/api/emoticon/sticker/webpc?eid=46991"}}],
        },
    }
    image = {
        **sticker,
        "event_name": "user_send_image",
        "message": {
            "msg_id": "image-1",
            "text": "",
            "attachments": [{"type": "image", "payload": {"thumbnail": "https://photo.example/t.jpg", "url": "https://photo.example/i.jpg"}}],
        },
    }
    assert await zalo.send(sticker) == 200
    assert await zalo.send(image) == 200
    assert zalo.bot.received == []
    sticker_reply, image_reply = (m["text"] for m in zalo_api.sent)
    assert sticker_reply.startswith("Cảm ơn bạn!")
    assert "chỉ đọc được tin nhắn chữ" in image_reply


async def test_follow_is_greeted_and_echoes_of_our_own_messages_ignored(zalo: Harness, zalo_api: FakeZaloApi) -> None:
    follow = {
        "oa_id": "388613280878808645",
        "follower": {"id": USER},
        "user_id_by_app": "552177279717587730",
        "event_name": "follow",
        "source": "oa_profile",
        "app_id": zalo_api.app_id,
        "timestamp": now_ms(),
    }
    echo = {**text_event("Bạn nói: xin chào", msg_id="oa-1"), "event_name": "oa_send_text", "sender": {"id": "388613280878808645"}}
    assert await zalo.send(follow) == 200
    assert await zalo.send(echo) == 200
    assert zalo.bot.texts == ["/greet"]
    assert len(zalo_api.sent) == 1


@pytest.mark.parametrize(
    ("event", "status"),
    [
        ({k: v for k, v in text_event("x").items() if k != "message"}, 400),
        ({**text_event("x"), "message": {"msg_id": "m"}}, 400),
        ({**text_event("x"), "sender": {}}, 400),
        ({**text_event("x"), "sender": "246845883529197922"}, 400),
        ({k: v for k, v in text_event("x").items() if k != "event_name"}, 400),
        ({k: v for k, v in text_event("x").items() if k != "timestamp"}, 401),  # cannot be verified
    ],
    ids=["no-message", "no-text", "no-sender-id", "sender-not-object", "no-event-name", "no-timestamp"],
)
async def test_signed_events_missing_fields_get_4xx(zalo: Harness, event: dict[str, Any], status: int) -> None:
    assert await zalo.send(event) == status
    assert zalo.bot.received == []


async def test_bad_bodies_get_4xx_not_500(zalo: Harness, zalo_api: FakeZaloApi, caplog: pytest.LogCaptureFixture) -> None:
    def sign_raw(body: bytes, timestamp: str = "1") -> str:
        return hashlib.sha256(zalo_api.app_id.encode() + body + timestamp.encode() + OA_SECRET.encode()).hexdigest()

    json_headers = {"Content-Type": "application/json", "X-ZEvent-Signature": "0" * 64}
    cases = [
        (b"{not json", json_headers, 400),
        (b"\xff\xfe\x00garbage", json_headers, 400),
        (b"[1, 2, 3]", json_headers, 400),
        (b'"just a string"', json_headers, 400),
        (b"{}", json_headers, 401),
        (b"x" * (1024 * 1024), json_headers, 413),
        (json.dumps(text_event("x")).encode(), {"Content-Type": "text/plain", "X-ZEvent-Signature": "0" * 64}, 415),
        (b"app_id=1&text=x", {"Content-Type": "application/x-www-form-urlencoded", "X-ZEvent-Signature": "0" * 64}, 415),
    ]
    with caplog.at_level(logging.WARNING):
        for body, headers, status in cases:
            response = await zalo.served.post(WEBHOOK, body, headers)
            assert response.status == status, body[:40]
    assert caplog.text.count("zalo webhook:") == len(cases)
    await zalo.channel.tasks.drain()
    assert zalo.bot.received == []
    assert zalo_api.message_calls == 0


async def test_health_route(zalo: Harness) -> None:
    response = await zalo.served.get("/webhooks/zalo/")
    assert response.status == 200


async def test_channel_is_disabled_without_environment() -> None:
    channel = ZaloInput.from_credentials(None)
    assert channel.get_output_channel() is None
    bot = EchoBot()
    async with serve_channel(channel, bot) as served:
        body, headers = signed(text_event("xin chào"))
        assert (await served.post(WEBHOOK, body, headers)).status == 503
        assert (await served.get("/webhooks/zalo/")).status == 503
    assert bot.received == []


def test_channel_reads_only_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZALO_OA_SECRET_KEY", " oa-secret-from-env ")
    monkeypatch.setenv("ZALO_APP_ID", "1")
    monkeypatch.setenv("ZALO_ACCESS_TOKEN", "access-from-env")
    monkeypatch.setenv("ZALO_API_URL", "")  # empty counts as unset
    channel = ZaloInput.from_credentials({"oa_secret_key": "from-yaml"})
    assert channel.settings.oa_secret_key == "oa-secret-from-env"
    assert channel.settings.api_url == "https://openapi.zalo.me"
    assert channel.settings.oauth_url == "https://oauth.zaloapp.com"
    shown = repr(channel.settings)
    assert "oa-secret-from-env" not in shown and "access-from-env" not in shown


@pytest.mark.parametrize(
    "env",
    [
        {"ZALO_OA_SECRET_KEY": "k", "ZALO_ACCESS_TOKEN": "t"},  # no app id: signatures cannot be checked
        {"ZALO_OA_SECRET_KEY": "k", "ZALO_APP_ID": "1"},  # no token: replies cannot be sent
        {"ZALO_OA_SECRET_KEY": "k", "ZALO_APP_ID": "1", "ZALO_REFRESH_TOKEN": "r"},  # refresh needs the app secret
    ],
)
def test_half_configured_channel_stops_rasa_with_a_clear_error(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError, match="Zalo channel is misconfigured"):
        ZaloInput.from_credentials(None)



# --- the events' age --------------------------------------------------------------------

NOW = 1_767_225_600.0  # 2026-01-01 00:00:00 UTC, in seconds
NOW_MS = int(NOW * 1000)


@pytest.mark.parametrize(
    ("timestamp", "problem"),
    [
        (str(NOW_MS), None),
        (str(NOW_MS - 299_000), None),
        (str(NOW_MS + 59_000), None),
        (str(NOW_MS - 301_000), "301 s old (limit 300 s)"),
        (str(NOW_MS + 61_000), "61 s in the future (limit 60 s)"),
        (str(NOW_MS // 1000), "old"),  # seconds instead of milliseconds: 1970
        ("", "is not milliseconds since the epoch"),
        ("-1", "is not milliseconds since the epoch"),
        ("1767225600.5", "is not milliseconds since the epoch"),
        ("١٧٦٧٢٢٥٦٠٠٠٠٠", "is not milliseconds since the epoch"),  # digits, but not ASCII
        ("9" * 400, "is not milliseconds since the epoch"),
    ],
    ids=["now", "almost-too-old", "slightly-ahead", "too-old", "too-far-ahead", "seconds", "empty", "negative",
         "fraction", "arabic-digits", "huge"],
)
def test_timestamp_problem(timestamp: str, problem: str | None) -> None:
    found = timestamp_problem(timestamp, NOW, max_age=300, max_skew=60)
    if problem is None:
        assert found is None
    else:
        assert found is not None and problem in found


async def test_only_fresh_events_are_processed(zalo_api: FakeZaloApi, caplog: pytest.LogCaptureFixture) -> None:
    cases = [
        ("m-fresh", str(NOW_MS - 5_000), True),
        ("m-old", str(NOW_MS - 600_000), False),
        ("m-future", str(NOW_MS + 600_000), False),
        ("m-garbage", "yesterday", False),
    ]
    with caplog.at_level(logging.INFO):
        async for zalo in start(zalo_api, clock=lambda: NOW):
            for msg_id, timestamp, _ in cases:
                text = f"câu hỏi bí mật {msg_id}"
                assert await zalo.send(text_event(text, msg_id=msg_id, timestamp=timestamp)) == 200  # acknowledged
    assert zalo.bot.texts == ["câu hỏi bí mật m-fresh"]
    assert zalo_api.sent == [{"user_id": USER, "text": "Bạn nói: câu hỏi bí mật m-fresh"}]
    refused = [r.getMessage() for r in caplog.records if "not processed" in r.getMessage()]
    assert len(refused) == 3
    assert "user_send_text m-old not processed: timestamp is 600 s old (limit 300 s)" in refused[0]
    assert "m-future not processed: timestamp is 600 s in the future" in refused[1]
    assert "m-garbage not processed: timestamp 'yesterday' is not milliseconds since the epoch" in refused[2]
    assert "bí mật" not in caplog.text  # the resident's words are never logged


async def test_a_replay_after_its_id_was_forgotten_is_refused(zalo_api: FakeZaloApi) -> None:
    """The case the age limit exists for: the duplicate memory (here 1 id) has moved on."""
    now = [NOW]
    channel = ZaloInput(settings_for(zalo_api), policy=FAST, seen_limit=1, clock=lambda: now[0])
    bot = EchoBot()
    async with serve_channel(channel, bot) as served:
        harness = Harness(channel, served, bot)
        captured = text_event("chuyển tiền", msg_id="a", timestamp=str(NOW_MS))
        assert await harness.send(captured) == 200
        assert await harness.send(text_event("xin chào", msg_id="b", timestamp=str(NOW_MS + 1000))) == 200
        now[0] += 301
        assert await harness.send(captured) == 200  # "a" is forgotten, the signature still valid
    assert bot.texts == ["chuyển tiền", "xin chào"]


async def test_the_age_limit_comes_from_the_environment(zalo_api: FakeZaloApi, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZALO_MAX_EVENT_AGE_SECONDS", "30")
    monkeypatch.setenv("ZALO_MAX_CLOCK_SKEW_SECONDS", "5")
    settings = current_settings().zalo
    assert (settings.max_event_age, settings.max_clock_skew) == (30.0, 5.0)
    assert ZaloSettings.from_env({}).max_event_age == 300.0
    async for zalo in start(zalo_api, clock=lambda: NOW, max_event_age=30.0):
        await zalo.send(text_event("cũ", msg_id="m1", timestamp=str(NOW_MS - 31_000)))
        await zalo.send(text_event("mới", msg_id="m2", timestamp=str(NOW_MS - 29_000)))
    assert zalo.bot.texts == ["mới"]


@pytest.mark.parametrize("value", ["abc", "0", "-5", "nan", "inf"])
def test_a_bad_age_limit_stops_rasa_with_a_clear_error(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("ZALO_MAX_EVENT_AGE_SECONDS", value)
    with pytest.raises(SettingsError, match=f"^ZALO_MAX_EVENT_AGE_SECONDS must be a number over 0, got '{value}'$"):
        ZaloInput.from_credentials(None)


async def test_an_event_without_timestamp_is_refused_with_a_clear_log(zalo: Harness, caplog: pytest.LogCaptureFixture) -> None:
    event = {k: v for k, v in text_event("xin chào").items() if k != "timestamp"}
    with caplog.at_level(logging.WARNING):
        assert await zalo.send(event) == 401
    assert "401 no timestamp, so the signature cannot be checked" in caplog.text
    assert zalo.bot.received == []


# --- numbered choices only once they were sent ------------------------------------------


async def test_choices_of_a_list_that_was_not_sent_are_not_kept(zalo_api: FakeZaloApi) -> None:
    buttons = [{"title": "GRDP", "payload": "/help"}, {"title": "Dự án", "payload": "/list_projects"}]
    bot = EchoBot({"menu": [{"text": "Chọn một mục", "buttons": buttons}]})
    async for zalo in start(zalo_api, bot):
        zalo_api.failures = ["400"]  # the numbered list never reaches the resident
        await zalo.send(text_event("menu", msg_id="m1"))
        await zalo.send(text_event("2", msg_id="m2"))
        await zalo.send(text_event("menu", msg_id="m3"))  # sent this time
        await zalo.send(text_event("2", msg_id="m4"))
    assert bot.texts == ["menu", "2", "menu", "/list_projects"]
    assert [m["text"] for m in zalo_api.sent] == [
        "Bạn nói: 2",
        "Chọn một mục\n\n1. GRDP\n2. Dự án\n\nTrả lời số 1 hoặc 2 để chọn.",
        "Bạn nói: /list_projects",
    ]


async def test_choices_whose_last_piece_was_not_sent_are_not_kept(zalo_api: FakeZaloApi) -> None:
    """A long list goes in pieces; without the last one the resident never saw the numbers."""
    buttons = [{"title": f"Mục {n} " + "chi tiết " * 20, "payload": f"/item_{n}"} for n in range(1, 4)]
    bot = EchoBot({"menu": [{"text": "Giới thiệu. " * 200, "buttons": buttons}]})
    channel = ZaloInput(settings_for(zalo_api), policy=FAST)
    async with serve_channel(channel, bot) as served:
        zalo = Harness(channel, served, bot)
        zalo_api.failures = ["ok", "400"]  # first piece sent, the second refused: the numbers never go
        await zalo.send(text_event("menu", msg_id="m1"))
        await zalo.send(text_event("1", msg_id="m2"))
    assert len(zalo_api.sent) == 2  # the first piece, then the echo of "1"
    assert bot.texts == ["menu", "1"]


# --- the bot fails ----------------------------------------------------------------------


async def test_a_failed_turn_gets_the_apology_once_and_no_details(zalo_api: FakeZaloApi, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO):
        async for zalo in start(zalo_api, FailingBot()):
            assert await zalo.send(text_event("số điện thoại của tôi là 0912", msg_id="m1")) == 200
    assert zalo_api.sent == [{"user_id": USER, "text": APOLOGY_REPLY}]
    assert "Zalo event user_send_text m1: the bot failed (StoreDown at conftest.py:" in caplog.text
    assert "0912" not in caplog.text and "parameters" not in caplog.text


async def test_a_turn_failing_after_its_answer_gets_no_apology(zalo_api: FakeZaloApi, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO):
        async for zalo in start(zalo_api, FailingBot(answer_first=True)):
            await zalo.send(text_event("xin chào", msg_id="m1"))
    assert zalo_api.sent == [{"user_id": USER, "text": "Bạn nói: xin chào"}]
    assert "m1: the bot failed after answering (StoreDown" in caplog.text


@pytest.mark.parametrize("at", ["load", "save"])
async def test_a_turn_whose_tracker_store_failed_gets_the_apology_not_an_answer_without_context(
    zalo_api: FakeZaloApi, caplog: pytest.LogCaptureFixture, at: str
) -> None:
    with caplog.at_level(logging.INFO):
        async for zalo in start(zalo_api, OutageBot(at)):
            assert await zalo.send(text_event("còn năm 2025 thì sao", msg_id="m1")) == 200
    if at == "load":  # the answer would ignore the conversation: held back
        assert zalo_api.sent == [{"user_id": USER, "text": APOLOGY_REPLY}]
        assert "m1: the bot failed (tracker store: StoreDown)" in caplog.text
    else:  # answered with its context, then not saved: nothing to take back
        assert zalo_api.sent == [{"user_id": USER, "text": "Bạn nói: còn năm 2025 thì sao"}]
        assert "m1: the bot failed after answering (tracker store: StoreDown)" in caplog.text


async def test_replicas_sharing_redis_memory_keep_choices_and_drop_redeliveries(
    zalo_api: FakeZaloApi, shared_memory: str
) -> None:
    """Behind nginx's round robin the reply to a list, or a redelivery, may reach another replica."""
    menu = [{"text": "Chọn", "buttons": [{"title": "GRDP", "payload": "/help"}, {"title": "Dự án", "payload": "/list_projects"}]}]
    bot = EchoBot({"menu": menu})
    first, second = (ZaloInput(settings_for(zalo_api), policy=FAST) for _ in range(2))
    async with serve_channel(first, bot) as served_first, serve_channel(second, bot) as served_second:
        replica_a, replica_b = Harness(first, served_first, bot), Harness(second, served_second, bot)
        await replica_a.send(text_event("menu", msg_id="r1"))
        await replica_b.send(text_event("2", msg_id="r2"))
        await replica_a.send(text_event("2", msg_id="r2"))  # Zalo redelivers to the other replica
    assert bot.texts == ["menu", "/list_projects"]


@pytest.mark.parametrize(("typed", "seen"), [("/restart", "restart"), ("/session_start", "session_start"),
                                             ('/feedback{"rating": "up"}', '/feedback{"rating": "up"}')])
async def test_typed_commands_reach_the_bot_as_words_offered_payloads_as_they_are(zalo: Harness, typed: str, seen: str) -> None:
    assert await zalo.send(text_event(typed)) == 200
    assert zalo.bot.texts == [seen]


async def raw_post(served: Served, body: bytes, headers: list[tuple[bytes, bytes]]) -> tuple[int, bytes]:
    """A request written byte for byte: headers a client library would refuse to send."""
    import asyncio as aio

    host, port = served.url.removeprefix("http://").split(":")
    reader, writer = await aio.open_connection(host, int(port))
    head = b"POST /webhooks/zalo/webhook HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
    head += b"".join(name + b": " + value + b"\r\n" for name, value in headers)
    writer.write(head + b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
    await writer.drain()
    answer = await reader.read()
    writer.close()
    return int(answer.split()[1]), answer


@pytest.mark.parametrize(("body", "signature"), [
    (b"[" * 5000 + b"]" * 5000, b"mac=abc"),  # nested deeper than the parser goes
    (b'{"a":' * 3000 + b"1" + b"}" * 3000, b"abc"),
    (json.dumps(text_event("x")).encode(), "mac=ñ𝔤".encode()),  # non-ASCII signature
    (json.dumps(text_event("x")).encode(), b"\xff\xfe\x00"),
])
async def test_hostile_bodies_and_signatures_get_4xx_before_anything(zalo: Harness, body: bytes, signature: bytes) -> None:
    status, answer = await raw_post(zalo.served, body, [(b"Content-Type", b"application/json"),
                                                         (b"X-ZEvent-Signature", signature)])
    assert 400 <= status < 500, answer[:300]
    assert b"Traceback" not in answer and zalo.bot.received == []


@pytest.mark.parametrize("user_id", ["x" * 5000, "u1\nFAKE LOG LINE", "u1\x1b[2J", "", "u 1"])
async def test_user_ids_that_are_no_zalo_id_are_refused(zalo: Harness, user_id: str) -> None:
    event = text_event("xin chào")
    event["sender"]["id"] = user_id
    assert await zalo.send(event) == 400
    assert zalo.bot.received == []


async def test_text_is_cleaned_screened_and_capped_like_rest(zalo: Harness, zalo_api: FakeZaloApi) -> None:
    await zalo.send(text_event("grdp\x00 2024\x1b[31m tăng", msg_id="c1"))
    await zalo.send(text_event("a" * 1001, msg_id="c2"))
    await zalo.send(text_event("a " * 61, msg_id="c3"))
    await zalo.send(text_event("xem " + "b" * 200, msg_id="c4"))
    assert zalo.bot.texts == ["grdp  2024 [31m tăng", "xem " + "b" * 30]
    assert "tối đa 1000 ký tự" in zalo_api.sent[1]["text"] and "tối đa 60 từ" in zalo_api.sent[2]["text"]
