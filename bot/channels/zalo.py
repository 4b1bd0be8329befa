"""Zalo Official Account channel for Rasa, in three parts.

* `ZaloInput`: configuration from the environment, the blueprint (health route and
  webhook at /webhooks/zalo/webhook), background processing of accepted events.
* the request handling (`zalo_events`): signature first, then the event.
* `ZaloOutput` over `ZaloApiClient` (`zalo_api`): time-limited, retried API calls.

Zalo has no buttons in customer-service texts, so buttons become a numbered list and
a reply of just that number is turned back into the button's payload.

A signed event is processed only when its timestamp is recent
(`ZALO_MAX_EVENT_AGE_SECONDS`): the duplicate-id memory is bounded, and the age limit
is what stops a captured event from being replayed once its id is forgotten.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from sanic import Blueprint
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.settings import ZaloSettings, check, current_settings

from . import webhooks
from .admission import BUSY_REPLY, Busy, gated_turn
from .bounds import finish, too_long
from .conversations import PlatformRecipient, conversation_id
from .guarded_rest import APOLOGY_REPLY, EMPTY_REPLY, clean_text
from .memory import SEEN_TTL, channel_memory
from .store_watch import HoldsBackWithoutContext
from .tasks import BackgroundTasks, answer_or_apologize, note_delivered
from .text import GREET_PAYLOAD, STICKER_REPLY, UNSUPPORTED_REPLY, ChoiceMemory, render_choices, split_text
from .zalo_api import RetryPolicy, ZaloApiClient
from .zalo_events import (
    SIGNATURE_HEADER,
    BadEvent,
    EventKind,
    ZaloEvent,
    event_timestamp,
    parse_event,
    signature_matches,
    timestamp_problem,
)

logger = logging.getLogger(__name__)

CHANNEL = "zalo"
# Zalo's limit for one customer-service text.
TEXT_LIMIT = 2000

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


class ZaloOutput(PlatformRecipient, HoldsBackWithoutContext, OutputChannel):
    def __init__(self, client: ZaloApiClient, choices: ChoiceMemory, text_limit: int = TEXT_LIMIT) -> None:
        self._client = client
        self._choices = choices
        self._text_limit = text_limit

    @classmethod
    def name(cls) -> str:
        return CHANNEL

    @property
    def client(self) -> ZaloApiClient:
        return self._client

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        await self._send(recipient_id, text)

    async def _send(self, recipient_id: str, text: str) -> bool:
        """Send `text` in as many pieces as needed; True when every piece was sent."""
        for piece in split_text(text, self._text_limit):
            if not await self._client.send_text(recipient_id, piece):
                return False  # the rest would arrive without its beginning
            note_delivered()
        return True

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        rendered, payloads = render_choices(text, buttons)
        # Remembered only once the list reached the resident: after a failed send a "2"
        # would otherwise pick an option they never saw.
        if await self._send(recipient_id, rendered):
            await self._choices.offer(recipient_id, payloads)

    async def send_image_url(self, recipient_id: str, image: str, **kwargs: Any) -> None:
        await self.send_text_message(recipient_id, f"Ảnh: {image}")

    async def send_attachment(self, recipient_id: str, attachment: Any, **kwargs: Any) -> None:
        await self.send_text_message(recipient_id, f"Tệp đính kèm: {attachment}")

    async def send_elements(self, recipient_id: str, elements: Iterable[dict[str, Any]], **kwargs: Any) -> None:
        for element in elements:
            title = " - ".join(str(element[key]) for key in ("title", "subtitle") if element.get(key))
            await self.send_text_with_buttons(recipient_id, title, element.get("buttons") or [])

    async def send_custom_json(self, recipient_id: str, json_message: dict[str, Any], **kwargs: Any) -> None:
        # Raw JSON is meaningless to a citizen; only a text inside it is worth sending.
        text = json_message.get("text")
        if isinstance(text, str):
            await self.send_text_message(recipient_id, text)
        else:
            logger.warning("Zalo cannot show a custom payload with no text; not sent")


class ZaloInput(InputChannel):
    """Webhook for a Zalo OA; disabled (503 routes) when ZALO_OA_SECRET_KEY is unset."""

    @classmethod
    def name(cls) -> str:
        return CHANNEL

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> ZaloInput:
        if credentials:
            logger.warning("credentials.yml values for the Zalo channel are ignored: it reads the environment only")
        settings = current_settings().zalo
        if not settings.enabled:
            logger.info("Zalo channel disabled: ZALO_OA_SECRET_KEY is not set")
        return cls(settings)

    def __init__(
        self,
        settings: ZaloSettings,
        policy: RetryPolicy | None = None,
        seen_limit: int = 10_000,
        clock: Callable[[], float] = time.time,
    ) -> None:
        check("Zalo", settings.problems())
        self.settings = settings
        self._clock = clock  # seconds since the epoch, to judge the events' age
        shared = current_settings()  # what every channel of the process shares
        self._max_chars = shared.rest.max_message_chars
        self._bounds = shared.bounds
        self.tasks = BackgroundTasks()
        # this process's memory, or Redis shared by the replicas (bot/channels/memory.py)
        self._seen = channel_memory("zalo:seen", seen_limit, shared.memory)
        self._choices = ChoiceMemory(channel_memory("zalo:choices", where=shared.memory))
        self._output: ZaloOutput | None = None
        if settings.enabled:
            self._output = ZaloOutput(ZaloApiClient(settings, policy), self._choices)

    @property
    def client(self) -> ZaloApiClient | None:
        return self._output.client if self._output else None

    def get_output_channel(self) -> OutputChannel | None:
        return self._output

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        if self._output is None:
            return webhooks.disabled_blueprint("hp_zalo_webhook", CHANNEL, "ZALO_OA_SECRET_KEY is not set")
        return webhooks.channel_blueprint(
            "hp_zalo_webhook", lambda request: self._receive(request, on_new_message), on_stop=self.close
        )

    async def _receive(self, request: Request, on_new_message: OnNewMessage) -> HTTPResponse:
        # Cheap refusals first; nothing from the body is trusted before the signature.
        if not request.headers.get(SIGNATURE_HEADER):
            return webhooks.reject(CHANNEL, 401, "missing signature", request)
        refused = webhooks.check_body(CHANNEL, request)
        if refused is not None:
            return refused
        payload = webhooks.json_object(CHANNEL, request)
        if isinstance(payload, HTTPResponse):
            return payload
        timestamp = event_timestamp(payload)
        if timestamp is None:
            return webhooks.reject(CHANNEL, 401, "no timestamp, so the signature cannot be checked", request)
        assert self.settings.app_id is not None and self.settings.oa_secret_key is not None  # checked at start
        if not signature_matches(
            request.headers.get(SIGNATURE_HEADER), self.settings.app_id, request.body, timestamp, self.settings.oa_secret_key
        ):
            return webhooks.reject(CHANNEL, 401, "invalid signature", request)
        try:
            event = parse_event(payload)
        except BadEvent as error:
            return webhooks.reject(CHANNEL, 400, str(error), request)
        if event.kind is EventKind.IGNORED:
            logger.debug("Zalo event %s ignored", event.name)
            return webhooks.ok()
        stale = self._timestamp_problem(event)
        if stale is not None:
            # Acknowledged: Zalo would redeliver a refused event, and it never gets younger.
            logger.warning("Zalo event %s %s not processed: %s", event.name, event.log_key, stale)
            return webhooks.ok()
        # Recorded only after the signature check, so forged ids cannot mask real ones.
        if not await self._seen.first_sight(event.dedupe_key, SEEN_TTL):
            logger.info("Zalo event %s %s is a redelivery; dropped", event.name, event.log_key)
            return webhooks.ok()
        self.tasks.spawn(self._process(event, on_new_message), name=f"zalo:{event.log_key}")
        return webhooks.ok()

    def _timestamp_problem(self, event: ZaloEvent) -> str | None:
        return timestamp_problem(
            event.timestamp, self._clock(), self.settings.max_event_age, self.settings.max_clock_skew
        )

    async def _process(self, event: ZaloEvent, on_new_message: OnNewMessage) -> None:
        assert self._output is not None
        if event.kind is EventKind.STICKER:
            await self._output.send_text_message(event.user_id, STICKER_REPLY)
            return
        if event.kind is EventKind.UNREADABLE:
            await self._output.send_text_message(event.user_id, UNSUPPORTED_REPLY)
            return
        # A follower is greeted as if they had said hello; a bare number may pick a choice.
        # The text is cleaned and bounded as the REST channel's is (bot/channels/bounds.py).
        if event.kind is EventKind.FOLLOW:
            text = GREET_PAYLOAD
        else:
            text = clean_text(event.text)
            refusal = too_long(text, self._max_chars)
            if refusal is not None:
                await self._output.send_text_message(event.user_id, refusal)
                return
            text = await self._choices.resolve(event.user_id, text)
        prepared = finish(text, self._bounds)
        if prepared.text is None or not prepared.text.strip():
            await self._output.send_text_message(event.user_id, prepared.reply or EMPTY_REPLY)
            return
        message = UserMessage(
            prepared.text,
            self._output,
            conversation_id(CHANNEL, event.user_id),
            input_channel=CHANNEL,
            message_id=event.msg_id or None,
            metadata={"zalo_event": event.name, "timestamp": event.timestamp},
        )
        output = self._output
        turn = gated_turn(on_new_message, message)

        try:
            await answer_or_apologize(
                turn,
                lambda: output.send_text_message(event.user_id, APOLOGY_REPLY),
                f"Zalo event {event.name} {event.log_key}",
                passthrough=(Busy,),
            )
        except Busy:
            await output.send_text_message(event.user_id, BUSY_REPLY)

    async def close(self) -> None:
        await self.tasks.drain(timeout=10)
        if self.client is not None:
            await self.client.close()
        await self._seen.close()
        await self._choices.close()
