"""Rasa's REST channel with guards: the public door of the web page and of any HTTP client.

Served at the same URL as Rasa's own (`/webhooks/rest/webhook`, `name() == "rest"`),
it accepts exactly `{"sender": "...", "message": "..."}` (optionally `metadata`, an
object) as `application/json` and answers with Rasa's list of messages. Before the
bot sees anything:

* a body that is too big, not JSON, not an object, of the wrong content type, or
  without a usable `sender`/`message` gets a 4xx with a short JSON error (never a 500,
  never a stack trace);
* control characters and lone surrogates are removed from the text (PostgreSQL
  cannot store NUL; logs must not be forged with line breaks), and it is put in NFC;
* a message longer than `MAX_MESSAGE_CHARS` and a sender over its rate
  (token bucket per sender, in memory, per process) get a polite Vietnamese reply
  without calling the bot.

After the bot: an empty reply (the action server failed; Rasa logs it and carries
on with no message), an exception, no reply within `REPLY_TIMEOUT_SECONDS`, or a turn
during which the tracker store failed becomes an apology. (When its database is down
Rasa's `FailSafeTrackerStore` answers from an empty, in-memory conversation; such a
reply has lost the context and would be misleading.)

Settings come from the environment only (`bot/settings.py`). Rasa's HTTP API
is not part of this channel: `rasa run` serves it only with `--enable-api`
(docs/SECURITY.md).
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
import unicodedata
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.runtime.action_connections import close_action_connections
from bot.settings import AdmissionLimits, ChannelLimits, TextBounds, current_settings
from knowledge import log_tag

from .admission import BUSY_REPLY, Busy, client_address, gated_turn
from .bounds import TOO_MANY_WORDS_REPLY, bound_text
from .conversations import conversation_id
from .payloads import screen
from .store_watch import store_failures, watch_tracker_store
from .tasks import describe_failure

logger = logging.getLogger(__name__)

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]

TOO_LONG_REPLY = (
    "Câu hỏi dài quá, tôi chỉ đọc được tối đa {limit} ký tự. "
    "Bạn vui lòng hỏi ngắn gọn hơn, mỗi lần một ý nhé."
)
TOO_FAST_REPLY = "Bạn gửi nhanh quá, tôi chưa kịp trả lời. Bạn vui lòng đợi vài giây rồi hỏi tiếp nhé."
EMPTY_REPLY = "Bạn chưa nhập câu hỏi. Bạn muốn hỏi gì về Hải Phòng ạ?"
# Same wording as the actions' own apology (actions/base.py): one voice for every failure.
APOLOGY_REPLY = "Xin lỗi, tôi chưa tra cứu được lúc này. Bạn vui lòng thử lại sau ít phút."

# Tracker-store failures seen during the current turn (one list per request).
_SECURITY_HEADERS = {"X-Content-Type-Options": "nosniff", "Cache-Control": "no-store"}
_KEEP_CONTROLS = frozenset("\n\t")


class RateLimiter:
    """A token bucket per key: `burst` tokens, refilled at `per_minute` / 60 per second."""

    def __init__(self, per_minute: float, burst: int, max_keys: int = 100_000,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._rate = per_minute / 60.0
        self._burst = float(burst)
        self._max_keys = max_keys
        self._clock = clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()  # key -> (tokens, last time)

    def allow(self, key: str) -> bool:
        now = self._clock()
        tokens, last = self._buckets.get(key, (self._burst, now))
        tokens = min(self._burst, tokens + (now - last) * self._rate)
        allowed = tokens >= 1.0
        if allowed:
            tokens -= 1.0
        self._buckets[key] = (tokens, now)
        self._buckets.move_to_end(key)
        if len(self._buckets) > self._max_keys:
            self._buckets.popitem(last=False)
        return allowed

    def retry_after(self) -> int:
        """Seconds until a sender that was refused has one token again."""
        return max(1, round(1.0 / self._rate)) if self._rate > 0 else 60

    def __len__(self) -> int:
        return len(self._buckets)


class BadRequest(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def clean_text(text: str) -> str:
    """NFC, no lone surrogates, no control characters except new line and tab."""
    chars = []
    for ch in text:
        code = ord(ch)
        if 0xD800 <= code <= 0xDFFF:
            chars.append("\ufffd")
        elif unicodedata.category(ch) == "Cc" and ch not in _KEEP_CONTROLS:
            chars.append(" ")
        else:
            chars.append(ch)
    return unicodedata.normalize("NFC", "".join(chars))


def parse_body(request: Request, limits: ChannelLimits) -> tuple[str, str, dict[str, Any] | None]:
    """(sender, text, metadata) from the request, or `BadRequest`."""
    content_type = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
    if content_type != "application/json":
        raise BadRequest(415, "Content-Type must be application/json")
    body = request.body or b""
    if len(body) > limits.max_body_bytes:
        raise BadRequest(413, f"body larger than {limits.max_body_bytes} bytes")
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise BadRequest(400, "body must be JSON in UTF-8") from None
    if not isinstance(data, dict):
        raise BadRequest(400, "body must be a JSON object")
    sender, text, metadata = data.get("sender"), data.get("message"), data.get("metadata")
    if isinstance(sender, int) and not isinstance(sender, bool):
        sender = str(sender)
    if (not isinstance(sender, str) or not sender.strip() or len(sender) > limits.max_sender_chars
            or clean_text(sender) != sender or any(ch in sender for ch in _KEEP_CONTROLS)):
        raise BadRequest(400, f"sender must be a string of 1 to {limits.max_sender_chars} printable characters")
    if not isinstance(text, str):
        raise BadRequest(400, "message must be a string")
    if metadata is not None and not isinstance(metadata, dict):
        raise BadRequest(400, "metadata must be a JSON object")
    return sender, clean_text(text), metadata


def _json(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> HTTPResponse:
    return response.json(body, status=status, headers={**_SECURITY_HEADERS, **(headers or {})},
                         dumps=lambda obj: json.dumps(obj, ensure_ascii=False))


def _say(sender: str, text: str, headers: dict[str, str] | None = None) -> HTTPResponse:
    return _json([{"recipient_id": sender, "text": text}], headers=headers)


class GuardedRestInput(RestInput):
    """`rest` channel with input validation, a length limit and per-sender rate limiting."""

    def __init__(self, limits: ChannelLimits | None = None, clock: Callable[[], float] = time.monotonic,
                 admission: AdmissionLimits | None = None, bounds: TextBounds | None = None) -> None:
        self.limits = limits or ChannelLimits()
        self.admission = admission or AdmissionLimits()
        self.bounds = bounds or TextBounds()
        self.limiter = RateLimiter(self.limits.rate_per_minute, self.limits.burst, self.limits.max_senders, clock)
        self.address_limiter = RateLimiter(self.admission.per_address_per_minute, self.admission.per_address_burst,
                                           self.limits.max_senders, clock)

    @classmethod
    def name(cls) -> str:
        return "rest"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> GuardedRestInput:
        # credentials.yml holds no value for this channel: everything comes from the environment.
        settings = current_settings()
        logger.info("REST channel limits: %s; %s; %s", settings.rest, settings.admission, settings.bounds)
        return cls(settings.rest, admission=settings.admission, bounds=settings.bounds)

    async def _answer(self, on_new_message: OnNewMessage, sender: str, text: str) -> list[dict[str, Any]]:
        """The bot's messages (empty: it failed), or `Busy` when no turn was free in time."""
        collector = CollectingOutputChannel()
        # The conversation is `rest:<sender>`: a REST sender cannot name another channel's.
        # No metadata: what a client sends there would be stored in the tracker, up to 32 KiB
        # per message, several times over; nothing in the bot reads it.
        message = UserMessage(text, collector, conversation_id(self.name(), sender), input_channel=self.name())
        turn = gated_turn(on_new_message, message, self.admission)  # at most MAX_CONCURRENT_TURNS in Rasa

        failures: list[str] = []
        token = store_failures.set(failures)
        # Shielded: on timeout the resident gets an apology now while the bot finishes the
        # turn and saves the conversation, so the next message still has its context.
        task = asyncio.ensure_future(turn())  # copies the context: sees `failures`
        store_failures.reset(token)
        try:
            await asyncio.wait_for(asyncio.shield(task), timeout=self.limits.reply_timeout)
        except Busy:
            raise
        except asyncio.TimeoutError:
            logger.warning("no reply within %.0f s (sender hash %s)", self.limits.reply_timeout, _tag(sender))
            task.add_done_callback(_log_late_failure)
            return []
        except Exception as error:
            # Never the resident's text in the log, nor the exception's message that may quote it.
            logger.error("the bot failed on a message (sender hash %s): %s", _tag(sender), describe_failure(error))
            return []
        if failures:
            return []
        return [{**m, "recipient_id": sender} for m in collector.messages]

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        webhook = Blueprint(f"guarded_rest_{id(self)}", __name__)

        @webhook.listener("after_server_stop")
        async def close_connections(app: Any, loop: Any) -> None:
            await close_action_connections()  # opened by Rasa's action calls (bot/runtime/action_connections.py)

        @webhook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return _json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            try:
                sender, text, _metadata = parse_body(request, self.limits)  # metadata: checked, then dropped
            except BadRequest as error:
                return _json({"error": error.message}, status=error.status)
            address = client_address(request, self.admission.trusted_proxies)
            if not self.address_limiter.allow(address):
                return _say(sender, TOO_FAST_REPLY, {"Retry-After": str(self.address_limiter.retry_after())})
            if not self.limiter.allow(sender):
                return _say(sender, TOO_FAST_REPLY, {"Retry-After": str(self.limiter.retry_after())})
            if len(text) > self.limits.max_message_chars:
                return _say(sender, TOO_LONG_REPLY.format(limit=self.limits.max_message_chars))
            text = screen(text)  # "/..." only as a payload the bot offers (bot/channels/payloads.py)
            bounded = bound_text(text, self.bounds)  # the cost of NLU bounded (bot/channels/bounds.py)
            if bounded is None:
                return _say(sender, TOO_MANY_WORDS_REPLY.format(limit=self.bounds.max_words))
            if not bounded.strip():
                return _say(sender, EMPTY_REPLY)
            watch_tracker_store(request.app)
            try:
                messages = await self._answer(on_new_message, sender, bounded)
            except Busy:
                return _say(sender, BUSY_REPLY, {"Retry-After": "5"})
            if not messages:
                return _say(sender, APOLOGY_REPLY)
            return _json(messages)

        return webhook


def _tag(sender: str) -> str:
    return log_tag(sender)


def _log_late_failure(task: asyncio.Future[Any]) -> None:
    if not task.cancelled() and task.exception() is not None:
        logger.error("a late message failed: %s", describe_failure(task.exception()))  # type: ignore[arg-type]
