"""Telegram channel for Rasa, in three parts, built on Rasa's own connector.

* `TelegramInput`: configuration from the environment, the blueprint (health route and
  webhook at /webhooks/telegram/webhook), setWebhook and getMe once at server start.
* the request handling (`telegram_updates`): the secret token header first, then the update.
* `TelegramOutput`: Rasa's aiogram-based output with a request timeout, a configurable
  Bot API URL, Telegram's length limit and button payloads longer than callback_data allows.

Rasa's `TelegramInput` is replaced rather than subclassed: it accepts updates without
a secret, calls getMe for every message and runs setWebhook through `asyncio.run` from
`get_output_channel`, which fails inside the server's running loop.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
from aiogram import Bot
from aiogram.bot.api import TelegramAPIServer
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.utils.exceptions import TelegramAPIError, ValidationError
from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.core.channels.telegram import TelegramOutput as RasaTelegramOutput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.settings import SettingsError, TelegramSettings, check, current_settings

from . import webhooks
from .admission import BUSY_REPLY, Busy, gated_turn
from .bounds import finish, too_long
from .conversations import PlatformRecipient, conversation_id
from .guarded_rest import APOLOGY_REPLY, EMPTY_REPLY, clean_text
from .memory import SEEN_TTL, ChannelMemory, LocalMemory, channel_memory
from .store_watch import HoldsBackWithoutContext
from .tasks import BackgroundTasks, answer_or_apologize, note_delivered
from .telegram_updates import SECRET_HEADER, BadUpdate, Inbound, UpdateKind, parse_update, update_id
from .text import EXPIRED_BUTTON_REPLY, STICKER_REPLY, UNSUPPORTED_REPLY, split_text

logger = logging.getLogger(__name__)

CHANNEL = "telegram"
TEXT_LIMIT = 4096  # characters (UTF-16 units) per message
CALLBACK_DATA_LIMIT = 64  # bytes of callback_data per button
ALLOWED_UPDATES = ["message", "edited_message", "callback_query"]
REQUEST_TIMEOUT = 10.0  # seconds for one Bot API call
IDENTITY_RETRY = 60.0  # seconds between getMe attempts while Telegram is unreachable

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]
TELEGRAM_ERRORS = (TelegramAPIError, asyncio.TimeoutError, aiohttp.ClientError)


class CallbackPayloads:
    """Button payloads in Telegram's 64-byte callback_data, and back.

    Our payloads are often whole Vietnamese questions, far over 64 bytes in UTF-8; those
    travel as a short digest remembered in the channel memory (bot/channels/memory.py)
    for `TTL`. A digest that is forgotten (expired, or lost with the process's memory)
    makes the user type the question again.
    """

    PREFIX = "#"
    TTL = 30 * 24 * 3600  # seconds: a button in an old chat may be pressed weeks later

    def __init__(self, memory: ChannelMemory | None = None) -> None:
        self._memory = memory if memory is not None else LocalMemory()

    async def encode(self, payload: str) -> str:
        if len(payload.encode()) <= CALLBACK_DATA_LIMIT and not payload.startswith(self.PREFIX):
            return payload
        key = self.PREFIX + hashlib.sha256(payload.encode()).hexdigest()[:32]
        await self._memory.put(key, payload, self.TTL)
        return key

    async def decode(self, data: str) -> str | None:
        return await self._memory.get(data) if data.startswith(self.PREFIX) else data

    async def close(self) -> None:
        await self._memory.close()


class TelegramOutput(PlatformRecipient, HoldsBackWithoutContext, RasaTelegramOutput):
    def __init__(self, settings: TelegramSettings, payloads: CallbackPayloads) -> None:
        assert settings.token is not None
        # Rasa's __init__ takes only the token; the timeout and the API URL go to aiogram.
        Bot.__init__(
            self, settings.token, timeout=REQUEST_TIMEOUT, server=TelegramAPIServer.from_base(settings.api_url)
        )
        self._payloads = payloads

    @classmethod
    def name(cls) -> str:
        return CHANNEL

    async def request(self, method: str, data: dict[str, Any] | None = None, files: dict[str, Any] | None = None,
                      **kwargs: Any) -> Any:
        # Every Bot API call passes here, so every kind of message a turn sends is counted;
        # a failed call raises before the count.
        result = await super().request(method, data, files, **kwargs)
        if method.startswith("send"):
            note_delivered()
        return result

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        for piece in split_text(text, TEXT_LIMIT):
            await self.send_message(recipient_id, piece)

    async def send_text_with_buttons(
        self,
        recipient_id: str,
        text: str,
        buttons: list[dict[str, Any]],
        button_type: str | None = "inline",
        **kwargs: Any,
    ) -> None:
        if button_type == "reply":
            await super().send_text_with_buttons(recipient_id, text, buttons, button_type, **kwargs)
            return
        # One button per row: Vietnamese titles are too long to share a row.
        keyboard = InlineKeyboardMarkup()
        for button in buttons:
            title = str(button.get("title") or button.get("payload") or "")
            if button.get("url"):
                keyboard.row(InlineKeyboardButton(title, url=str(button["url"])))
            elif button.get("payload"):
                keyboard.row(InlineKeyboardButton(title, callback_data=await self._payloads.encode(str(button["payload"]))))
        pieces = split_text(text, TEXT_LIMIT) or ["Mời bạn chọn:"]
        for piece in pieces[:-1]:
            await self.send_message(recipient_id, piece)
        await self.send_message(recipient_id, pieces[-1], reply_markup=keyboard)

    async def close_session(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()


class TelegramInput(InputChannel):
    """Webhook for a Telegram bot; disabled (503 routes) when TELEGRAM_TOKEN is unset."""

    @classmethod
    def name(cls) -> str:
        return CHANNEL

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> TelegramInput:
        if credentials:
            logger.warning("credentials.yml values for the Telegram channel are ignored: it reads the environment only")
        settings = current_settings().telegram
        if not settings.enabled:
            logger.info("Telegram channel disabled: TELEGRAM_TOKEN is not set")
        return cls(settings)

    def __init__(self, settings: TelegramSettings, seen_limit: int = 10_000) -> None:
        check("Telegram", settings.problems())
        self.settings = settings
        self.tasks = BackgroundTasks()
        shared = current_settings()  # what every channel of the process shares
        self._max_chars = shared.rest.max_message_chars
        self._bounds = shared.bounds
        # this process's memory, or Redis shared by the replicas (bot/channels/memory.py)
        self._seen = channel_memory("telegram:seen", seen_limit, shared.memory)
        self._payloads = CallbackPayloads(channel_memory("telegram:payloads", where=shared.memory))
        self._output: TelegramOutput | None = None
        # None while unknown: getMe is asked once, not for every update as Rasa's connector does.
        self._identity_ok: bool | None = None
        self._identity_tried_at = float("-inf")
        self._identity_lock = asyncio.Lock()
        if settings.enabled:
            try:
                self._output = TelegramOutput(settings, self._payloads)
            except ValidationError as error:
                raise SettingsError(f"TELEGRAM_TOKEN is not a bot token: {error}") from error

    def get_output_channel(self) -> OutputChannel | None:
        return self._output

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        if self._output is None:
            return webhooks.disabled_blueprint("hp_telegram_webhook", CHANNEL, "TELEGRAM_TOKEN is not set")
        return webhooks.channel_blueprint(
            "hp_telegram_webhook", lambda request: self._receive(request, on_new_message), self.startup, self.close
        )

    async def startup(self) -> None:
        """Check the bot's identity and register the webhook; failures are logged, not fatal."""
        await self.identity_ok()
        if self.settings.webhook_url:
            await self.set_webhook()

    async def set_webhook(self) -> bool:
        assert self._output is not None and self.settings.webhook_url is not None
        # aiogram 2.15 predates setWebhook's secret_token, so the call is made by hand.
        payload = {
            "url": self.settings.webhook_url,
            "secret_token": self.settings.secret_token,
            "allowed_updates": json.dumps(ALLOWED_UPDATES),
        }
        try:
            await self._output.request("setWebhook", payload)
        except TELEGRAM_ERRORS as error:
            logger.error("Telegram setWebhook failed: %s", self._redact(error))
            return False
        logger.info("Telegram webhook set to %s", self.settings.webhook_url)
        return True

    async def identity_ok(self) -> bool:
        """False only when getMe answers with another bot than TELEGRAM_VERIFY."""
        if not self.settings.verify:
            return True
        if self._identity_ok is not None:
            return self._identity_ok
        async with self._identity_lock:
            if self._identity_ok is not None:
                return self._identity_ok
            if time.monotonic() - self._identity_tried_at < IDENTITY_RETRY:
                return True  # unknown for now; the secret token already authenticated the update
            self._identity_tried_at = time.monotonic()
            assert self._output is not None
            try:
                me = await self._output.get_me()
            except TELEGRAM_ERRORS as error:
                logger.warning("Telegram getMe failed, will retry: %s", self._redact(error))
                return True
            self._identity_ok = (me.username or "").lower() == self.settings.verify.lower()
            if not self._identity_ok:
                logger.error("TELEGRAM_TOKEN belongs to @%s, not TELEGRAM_VERIFY=@%s", me.username, self.settings.verify)
            return self._identity_ok

    async def _receive(self, request: Request, on_new_message: OnNewMessage) -> HTTPResponse:
        # The secret comes first: nothing else about an unauthenticated request matters.
        assert self.settings.secret_token is not None  # checked at start
        given = request.headers.get(SECRET_HEADER) or ""
        if not hmac.compare_digest(given.encode(), self.settings.secret_token.encode()):
            return webhooks.reject(CHANNEL, 403, "missing or wrong secret token", request)
        refused = webhooks.check_body(CHANNEL, request)
        if refused is not None:
            return refused
        payload = webhooks.json_object(CHANNEL, request)
        if isinstance(payload, HTTPResponse):
            return payload
        try:
            number = update_id(payload)
            inbound = parse_update(payload, self.settings.verify)
        except BadUpdate as error:
            return webhooks.reject(CHANNEL, 400, str(error), request)
        if not await self.identity_ok():
            # Telegram keeps the update and retries, so nothing is lost once fixed.
            logger.error("Telegram update %d refused: TELEGRAM_VERIFY does not match the bot", number)
            return response.json({"status": "misconfigured"}, status=503)
        if inbound is None:
            return webhooks.ok()
        if not await self._seen.first_sight(str(number), SEEN_TTL):
            logger.info("Telegram update %d is a redelivery; dropped", number)
            return webhooks.ok()
        self.tasks.spawn(self._process_logged(inbound, number, on_new_message), name=f"telegram:{number}")
        return webhooks.ok()

    def _redact(self, error: BaseException) -> str:
        # aiohttp errors can carry the request URL, and Bot API URLs contain the token.
        text = repr(error)
        return text.replace(self.settings.token, "<TELEGRAM_TOKEN>") if self.settings.token else text

    async def _process_logged(self, inbound: Inbound, number: int, on_new_message: OnNewMessage) -> None:
        try:
            await self._process(inbound, number, on_new_message)
        except TELEGRAM_ERRORS as error:
            logger.error("Telegram update %d: reply not sent: %s", number, self._redact(error))

    async def _process(self, inbound: Inbound, number: int, on_new_message: OnNewMessage) -> None:
        output = self._output
        assert output is not None
        chat = str(inbound.chat_id)
        if inbound.kind is UpdateKind.STICKER:
            await output.send_text_message(chat, STICKER_REPLY)
            return
        if inbound.kind is UpdateKind.UNREADABLE:
            await output.send_text_message(chat, UNSUPPORTED_REPLY)
            return
        text: str | None = clean_text(inbound.text)
        refusal = too_long(text or "", self._max_chars)
        if refusal is not None:
            await output.send_text_message(chat, refusal)
            return
        if inbound.kind is UpdateKind.BUTTON:
            try:
                # Stops the button's loading spinner in the user's app.
                await output.answer_callback_query(inbound.callback_id)
            except TELEGRAM_ERRORS as error:
                logger.warning("Telegram answerCallbackQuery failed: %s", self._redact(error))
            text = await self._payloads.decode(inbound.text)
            if text is None:
                await output.send_text_message(chat, EXPIRED_BUTTON_REPLY)
                return
        # callback_data is chosen by the client, not by Telegram: screened like typed text,
        # and bounded like the REST channel's (bot/channels/bounds.py)
        prepared = finish(text or "", self._bounds)
        if prepared.text is None or not prepared.text.strip():
            await output.send_text_message(chat, prepared.reply or EMPTY_REPLY)
            return
        message = UserMessage(
            prepared.text,
            output,
            conversation_id(CHANNEL, chat),
            input_channel=CHANNEL,
            metadata={"telegram_update_id": number, "edited": inbound.edited},
        )
        turn = gated_turn(on_new_message, message)

        # A failed Bot API call is not the bot's failure: `_process_logged` logs it, and
        # an apology through the same API would most likely fail too.
        try:
            await answer_or_apologize(
                turn,
                lambda: output.send_text_message(chat, APOLOGY_REPLY),
                f"Telegram update {number}",
                passthrough=(*TELEGRAM_ERRORS, Busy),
            )
        except Busy:
            await output.send_text_message(chat, BUSY_REPLY)

    async def close(self) -> None:
        await self.tasks.drain(timeout=10)
        if self._output is not None:
            await self._output.close_session()
        await self._seen.close()
        await self._payloads.close()
