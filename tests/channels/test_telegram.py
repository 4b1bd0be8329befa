"""The Telegram channel end to end: real update JSON in, Bot API calls out."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator
from typing import Any

import pytest

from bot.channels.guarded_rest import APOLOGY_REPLY
from bot.channels.telegram import TelegramInput
from bot.settings import SettingsError, TelegramSettings
from tests.channels.conftest import EchoBot, FailingBot, FakeTelegramApi, OutageBot, Served, serve_channel

SECRET = "hp-webhook-secret_2025"
CHAT = 1111111
WEBHOOK = "/webhooks/telegram/webhook"
USER = {"id": CHAT, "is_bot": False, "first_name": "Lan", "language_code": "vi"}
PRIVATE_CHAT = {"id": CHAT, "first_name": "Lan", "type": "private"}


def text_update(text: str, update_id: int = 10000) -> dict[str, Any]:
    return {
        "update_id": update_id,
        "message": {"message_id": 1365, "from": USER, "chat": PRIVATE_CHAT, "date": 1735689600, "text": text},
    }


def callback_update(data: str, update_id: int = 10001) -> dict[str, Any]:
    return {
        "update_id": update_id,
        "callback_query": {
            "id": "4382bfdwdsb323b2d9",
            "from": USER,
            "message": {
                "message_id": 1366,
                "from": {"id": 123456789, "is_bot": True, "first_name": "Trợ lý Hải Phòng", "username": "hp_assistant_bot"},
                "chat": PRIVATE_CHAT,
                "date": 1735689601,
                "text": "Xin chào! Bạn muốn hỏi gì?",
            },
            "chat_instance": "-3712345678901234567",
            "data": data,
        },
    }


def edited_update(text: str, update_id: int = 10002) -> dict[str, Any]:
    return {
        "update_id": update_id,
        "edited_message": {
            "message_id": 1365,
            "from": USER,
            "chat": PRIVATE_CHAT,
            "date": 1735689600,
            "edit_date": 1735689660,
            "text": text,
        },
    }


def sticker_update(update_id: int = 10003) -> dict[str, Any]:
    return {
        "update_id": update_id,
        "message": {
            "message_id": 1367,
            "from": USER,
            "chat": PRIVATE_CHAT,
            "date": 1735689700,
            "sticker": {
                "file_id": "CAACAgIAAxkBAAIBY2ZfQ0vV6o0AAUHXzR3y9fVQ4CvnAAJhAAOvxlEaWW5hYnHGJs0eBA",
                "file_unique_id": "AgADYQADr8ZRGg",
                "type": "regular",
                "width": 512,
                "height": 512,
                "is_animated": False,
                "is_video": False,
                "emoji": "👍",
                "set_name": "HotCherry",
            },
        },
    }


def photo_update(update_id: int = 10004) -> dict[str, Any]:
    return {
        "update_id": update_id,
        "message": {
            "message_id": 1368,
            "from": USER,
            "chat": PRIVATE_CHAT,
            "date": 1735689800,
            "photo": [{"file_id": "AgACAgIAAxkBAAIBZGZ", "file_unique_id": "AQADx", "width": 90, "height": 51, "file_size": 1103}],
            "caption": "ảnh giấy tờ",
        },
    }


def headers(secret: str | None = SECRET) -> dict[str, str]:
    found = {"Content-Type": "application/json"}
    if secret is not None:
        found["X-Telegram-Bot-Api-Secret-Token"] = secret
    return found


def settings_for(api: FakeTelegramApi, **overrides: Any) -> TelegramSettings:
    values: dict[str, Any] = {
        "token": api.token,
        "verify": api.username,
        "webhook_url": "https://bot.haiphong.example/webhooks/telegram/webhook",
        "secret_token": SECRET,
        "api_url": api.url,
    }
    values.update(overrides)
    return TelegramSettings(**values)


class Harness:
    def __init__(self, channel: TelegramInput, served: Served, bot: EchoBot) -> None:
        self.channel, self.served, self.bot = channel, served, bot

    async def send(self, update: dict[str, Any] | bytes, secret: str | None = SECRET, content_type: str | None = None) -> int:
        body = update if isinstance(update, bytes) else json.dumps(update, ensure_ascii=False).encode()
        sent_headers = headers(secret)
        if content_type:
            sent_headers["Content-Type"] = content_type
        response = await self.served.post(WEBHOOK, body, sent_headers)
        await self.channel.tasks.drain()
        return response.status


async def start(api: FakeTelegramApi, bot: EchoBot | None = None, **overrides: Any) -> AsyncIterator[Harness]:
    channel = TelegramInput(settings_for(api, **overrides))
    bot = bot or EchoBot()
    async with serve_channel(channel, bot) as served:
        yield Harness(channel, served, bot)


@pytest.fixture()
async def telegram(telegram_api: FakeTelegramApi) -> AsyncIterator[Harness]:
    async for harness in start(telegram_api):
        yield harness


def sent_texts(api: FakeTelegramApi) -> list[str]:
    return [params["text"] for params in api.called("sendMessage")]


async def test_server_start_sets_the_webhook_with_its_secret(telegram: Harness, telegram_api: FakeTelegramApi) -> None:
    [params] = telegram_api.called("setWebhook")
    assert params == {
        "url": "https://bot.haiphong.example/webhooks/telegram/webhook",
        "secret_token": SECRET,
        "allowed_updates": '["message", "edited_message", "callback_query"]',
    }


async def test_text_is_answered(telegram: Harness, telegram_api: FakeTelegramApi) -> None:
    assert await telegram.send(text_update("grdp hp 2024 tang bn")) == 200
    [message] = telegram.bot.received
    assert (message.text, message.sender_id, message.input_channel) == ("grdp hp 2024 tang bn", f"telegram:{CHAT}", "telegram")
    [params] = telegram_api.called("sendMessage")
    assert (params["chat_id"], params["text"]) == (str(CHAT), "Bạn nói: grdp hp 2024 tang bn")


async def test_get_me_is_called_once_not_per_message(telegram: Harness, telegram_api: FakeTelegramApi) -> None:
    for n in range(4):
        await telegram.send(text_update(f"câu hỏi {n}", update_id=20000 + n))
    assert len(telegram.bot.received) == 4
    assert len(telegram_api.called("getMe")) == 1


@pytest.mark.parametrize("secret", [None, "", "wrong-secret", SECRET + "x", SECRET.upper()], ids=["missing", "empty", "wrong", "longer", "case"])
async def test_requests_without_the_secret_get_403_and_nothing_happens(
    telegram: Harness, telegram_api: FakeTelegramApi, secret: str | None
) -> None:
    assert await telegram.send(text_update("xin chào"), secret=secret) == 403
    assert telegram.bot.received == []
    assert telegram_api.called("sendMessage") == []


async def test_button_press_sends_its_payload_and_stops_the_spinner(telegram: Harness, telegram_api: FakeTelegramApi) -> None:
    assert await telegram.send(callback_update("/help")) == 200
    assert telegram.bot.texts == ["/help"]
    assert telegram_api.called("answerCallbackQuery") == [{"callback_query_id": "4382bfdwdsb323b2d9"}]


async def test_long_payloads_fit_callback_data_and_come_back_whole(telegram_api: FakeTelegramApi) -> None:
    long_payload = "Phường Lạch Tray quận Ngô Quyền giờ thuộc phường nào?"
    assert len(long_payload.encode()) > 64
    buttons = [
        {"title": "Hướng dẫn", "payload": "/help"},
        {"title": "Địa chỉ cũ → mới", "payload": long_payload},
        {"title": "Cổng dịch vụ công", "url": "https://dichvucong.haiphong.gov.vn"},
    ]
    bot = EchoBot({"xin chào": [{"text": "Xin chào! Bạn muốn hỏi gì?", "buttons": buttons}]})
    async for telegram in start(telegram_api, bot):
        await telegram.send(text_update("xin chào"))
        [params] = telegram_api.called("sendMessage")
        rows = json.loads(params["reply_markup"])["inline_keyboard"]
        assert [len(row) for row in rows] == [1, 1, 1]  # one button per row
        data = [row[0].get("callback_data") for row in rows]
        assert data[0] == "/help"
        assert data[1].startswith("#") and len(data[1].encode()) <= 64
        assert rows[2][0]["url"] == "https://dichvucong.haiphong.gov.vn"

        await telegram.send(callback_update(data[1], update_id=10010))
        await telegram.send(callback_update("#" + "0" * 32, update_id=10011))  # from before a restart
    assert bot.texts == ["xin chào", long_payload]
    assert sent_texts(telegram_api)[-1] == "Lựa chọn này đã cũ. Bạn gõ lại câu hỏi giúp tôi nhé."


async def test_edited_message_is_answered_again(telegram: Harness) -> None:
    assert await telegram.send(edited_update("grdp 2025")) == 200
    [message] = telegram.bot.received
    assert message.text == "grdp 2025"
    assert message.metadata == {"telegram_update_id": 10002, "edited": True}


async def test_sticker_and_photo_get_a_polite_reply_without_the_bot(telegram: Harness, telegram_api: FakeTelegramApi) -> None:
    assert await telegram.send(sticker_update()) == 200
    assert await telegram.send(photo_update()) == 200
    assert telegram.bot.received == []
    sticker_reply, photo_reply = sent_texts(telegram_api)
    assert sticker_reply.startswith("Cảm ơn bạn!")
    assert "chỉ đọc được tin nhắn chữ" in photo_reply


async def test_start_command_greets(telegram: Harness) -> None:
    await telegram.send(text_update("/start", update_id=1))
    await telegram.send(text_update("/start@hp_assistant_bot ref123", update_id=2))
    await telegram.send(text_update("/help@hp_assistant_bot", update_id=3))
    assert telegram.bot.texts == ["/greet", "/greet", "/help"]


async def test_other_updates_are_acknowledged_and_ignored(telegram: Harness, telegram_api: FakeTelegramApi) -> None:
    member = {
        "update_id": 10020,
        "my_chat_member": {
            "chat": PRIVATE_CHAT,
            "from": USER,
            "date": 1735689900,
            "old_chat_member": {"user": USER, "status": "member"},
            "new_chat_member": {"user": USER, "status": "kicked", "until_date": 0},
        },
    }
    assert await telegram.send(member) == 200
    assert telegram.bot.received == []
    assert telegram_api.called("sendMessage") == []


async def test_redelivered_update_is_processed_once(telegram: Harness) -> None:
    for _ in range(3):
        assert await telegram.send(text_update("xin chào", update_id=777)) == 200
    assert telegram.bot.texts == ["xin chào"]


async def test_long_reply_is_split_within_telegram_limit(telegram_api: FakeTelegramApi) -> None:
    answer = "\n\n".join(f"Mục {i}. " + "Hải Phòng phát triển kinh tế biển. " * 60 for i in range(5))
    assert len(answer) > 8000
    async for telegram in start(telegram_api, EchoBot({"dài": [{"text": answer}]})):
        await telegram.send(text_update("dài"))
    pieces = sent_texts(telegram_api)
    assert len(pieces) >= 3
    assert all(len(p) <= 4096 for p in pieces)
    assert "".join(pieces).replace(" ", "").replace("\n", "") == answer.replace(" ", "").replace("\n", "")


async def test_bad_bodies_get_4xx_not_500(telegram: Harness, caplog: pytest.LogCaptureFixture) -> None:
    cases: list[tuple[bytes, str | None, int]] = [
        (b"{not json", None, 400),
        (b"[]", None, 400),
        (b"\xff\xfe", None, 400),
        (json.dumps({"message": text_update("x")["message"]}).encode(), None, 400),  # no update_id
        (json.dumps({"update_id": "10000", "message": {}}).encode(), None, 400),
        (json.dumps({"update_id": 5, "message": {"message_id": 1, "text": "no chat"}}).encode(), None, 400),
        (json.dumps({"update_id": 6, "callback_query": {"data": "/help"}}).encode(), None, 400),
        (b"{" + b" " * (1024 * 1024) + b"}", None, 413),
        (json.dumps(text_update("x")).encode(), "text/plain", 415),
        (json.dumps(text_update("x")).encode(), "multipart/form-data; boundary=x", 415),
    ]
    with caplog.at_level(logging.WARNING):
        for body, content_type, status in cases:
            assert await telegram.send(body, content_type=content_type) == status, body[:50]
    assert caplog.text.count("telegram webhook:") == len(cases)
    assert telegram.bot.received == []


async def test_wrong_bot_username_is_refused_until_fixed(telegram_api: FakeTelegramApi, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR):
        async for telegram in start(telegram_api, verify="another_bot"):
            assert await telegram.send(text_update("xin chào")) == 503
            assert await telegram.send(text_update("xin chào", update_id=2)) == 503
            assert telegram.bot.received == []
    assert "not TELEGRAM_VERIFY=@another_bot" in caplog.text
    assert len(telegram_api.called("getMe")) == 1


async def test_unreachable_api_is_logged_not_fatal(caplog: pytest.LogCaptureFixture) -> None:
    api = FakeTelegramApi(token="123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw", url="http://127.0.0.1:9")
    bot = EchoBot()
    with caplog.at_level(logging.WARNING):
        async for telegram in start(api, bot):
            assert await telegram.send(text_update("xin chào")) == 200
    assert bot.texts == ["xin chào"]  # processed; only the reply could not be sent
    assert "setWebhook failed" in caplog.text
    assert "Telegram update 10000: reply not sent" in caplog.text
    assert api.token not in caplog.text


async def test_health_route(telegram: Harness) -> None:
    assert (await telegram.served.get("/webhooks/telegram/")).status == 200


async def test_channel_is_disabled_without_environment() -> None:
    channel = TelegramInput.from_credentials(None)
    assert channel.get_output_channel() is None
    bot = EchoBot()
    async with serve_channel(channel, bot) as served:
        response = await served.post(WEBHOOK, json.dumps(text_update("x")).encode(), headers())
        assert response.status == 503
    assert bot.received == []


def test_channel_reads_only_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEGRAM_TOKEN", "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw")
    monkeypatch.setenv("TELEGRAM_VERIFY", "@hp_assistant_bot")
    monkeypatch.setenv("TELEGRAM_SECRET_TOKEN", SECRET)
    channel = TelegramInput.from_credentials({"access_token": "from-yaml"})
    assert channel.settings.verify == "hp_assistant_bot"
    assert channel.settings.api_url == "https://api.telegram.org"
    assert channel.get_output_channel() is not None
    assert "AAHdqTcvCH1v" not in repr(channel.settings) and SECRET not in repr(channel.settings)


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"TELEGRAM_TOKEN": "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"}, "TELEGRAM_SECRET_TOKEN is required"),
        ({"TELEGRAM_TOKEN": "123456789:AAH", "TELEGRAM_SECRET_TOKEN": "has space"}, "1-256 characters"),
        ({"TELEGRAM_TOKEN": "not-a-token", "TELEGRAM_SECRET_TOKEN": SECRET}, "not a bot token"),
    ],
    ids=["no-secret", "bad-secret", "bad-token"],
)
def test_half_configured_channel_stops_rasa_with_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], message: str
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError, match=message):
        TelegramInput.from_credentials(None)


async def test_a_failed_turn_gets_the_apology_once_and_no_details(
    telegram_api: FakeTelegramApi, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO):
        async for telegram in start(telegram_api, FailingBot()):
            assert await telegram.send(text_update("số điện thoại của tôi là 0912", update_id=42)) == 200
    assert sent_texts(telegram_api) == [APOLOGY_REPLY]
    assert "Telegram update 42: the bot failed (StoreDown at conftest.py:" in caplog.text
    assert "0912" not in caplog.text and "parameters" not in caplog.text


async def test_a_failed_button_turn_gets_the_apology_too(telegram_api: FakeTelegramApi) -> None:
    async for telegram in start(telegram_api, FailingBot()):
        await telegram.send(callback_update("/help"))
    # The spinner is stopped (not a message to the resident), then the apology.
    assert len(telegram_api.called("answerCallbackQuery")) == 1
    assert sent_texts(telegram_api) == [APOLOGY_REPLY]


async def test_a_turn_failing_after_its_answer_gets_no_apology(
    telegram_api: FakeTelegramApi, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO):
        async for telegram in start(telegram_api, FailingBot(answer_first=True)):
            await telegram.send(text_update("xin chào", update_id=43))
    assert sent_texts(telegram_api) == ["Bạn nói: xin chào"]
    assert "Telegram update 43: the bot failed after answering (StoreDown" in caplog.text


@pytest.mark.parametrize("at", ["load", "save"])
async def test_a_turn_whose_tracker_store_failed_gets_the_apology_not_an_answer_without_context(
    telegram_api: FakeTelegramApi, at: str
) -> None:
    async for telegram in start(telegram_api, OutageBot(at)):
        assert await telegram.send(text_update("còn năm 2025 thì sao", update_id=44)) == 200
    expected = APOLOGY_REPLY if at == "load" else "Bạn nói: còn năm 2025 thì sao"
    assert sent_texts(telegram_api) == [expected]


async def test_replicas_sharing_redis_memory_decode_each_others_buttons_and_drop_redeliveries(
    telegram_api: FakeTelegramApi, shared_memory: str
) -> None:
    """Behind nginx's round robin a button press, or a redelivery, may reach another replica."""
    long_payload = "Phường Lạch Tray quận Ngô Quyền giờ thuộc phường nào?"
    bot = EchoBot({"xin chào": [{"text": "Bạn muốn hỏi gì?", "buttons": [{"title": "Địa chỉ", "payload": long_payload}]}]})
    first, second = (TelegramInput(settings_for(telegram_api)) for _ in range(2))
    async with serve_channel(first, bot) as served_first, serve_channel(second, bot) as served_second:
        replica_a, replica_b = Harness(first, served_first, bot), Harness(second, served_second, bot)
        await replica_a.send(text_update("xin chào", update_id=20000))
        [params] = telegram_api.called("sendMessage")
        data = json.loads(params["reply_markup"])["inline_keyboard"][0][0]["callback_data"]
        await replica_b.send(callback_update(data, update_id=20001))
        await replica_a.send(callback_update(data, update_id=20001))  # redelivered to the other replica
    assert bot.texts == ["xin chào", long_payload]


@pytest.mark.parametrize(("update", "seen"), [
    (text_update("/restart"), "restart"), (text_update("/session_start"), "session_start"),
    (callback_update("/restart"), "restart"), (callback_update('/feedback{"rating":"up"}'), '/feedback{"rating":"up"}'),
    (text_update("/start"), "/greet"),
])
async def test_typed_or_forged_commands_reach_the_bot_as_words(telegram: Harness, update: dict[str, Any], seen: str) -> None:
    assert await telegram.send(update) == 200
    assert telegram.bot.texts == [seen]
