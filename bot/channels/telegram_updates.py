"""Telegram webhook updates: which ones the assistant answers, read from the raw JSON.

Read by hand rather than through aiogram's `Update`, which accepts anything and fails
later on a missing field; here a malformed update is refused with a 400 up front.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from .text import GREET_PAYLOAD

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"

# Message contents the assistant cannot read; it says so instead of staying silent.
UNREADABLE_KEYS = (
    "photo",
    "document",
    "animation",
    "audio",
    "voice",
    "video",
    "video_note",
    "location",
    "venue",
    "contact",
    "poll",
    "dice",
)


class UpdateKind(Enum):
    TEXT = "text"
    BUTTON = "button"
    STICKER = "sticker"
    UNREADABLE = "unreadable"


class BadUpdate(ValueError):
    """An authenticated update whose JSON lacks what its kind needs (answered with 400)."""


@dataclass(frozen=True)
class Inbound:
    kind: UpdateKind
    chat_id: int
    text: str = ""
    callback_id: str = ""
    edited: bool = False


def update_id(payload: dict[str, Any]) -> int:
    value = payload.get("update_id")
    if isinstance(value, bool) or not isinstance(value, int):
        raise BadUpdate("missing 'update_id'")
    return value


def _chat_id(message: Any, where: str) -> int:
    chat = message.get("chat") if isinstance(message, dict) else None
    value = chat.get("id") if isinstance(chat, dict) else None
    if isinstance(value, bool) or not isinstance(value, int):
        raise BadUpdate(f"missing '{where}.chat.id'")
    return value


def command_text(text: str, bot_username: str | None) -> str:
    """Telegram commands as the bot reads them: /start greets, @botname suffixes go."""
    if not text.startswith("/"):
        return text
    command, _, rest = text.partition(" ")
    name, _, addressee = command.partition("@")
    if addressee and bot_username and addressee.lower() != bot_username.lower():
        return text  # addressed to another bot in a group: leave it as typed
    if name == "/start":
        return GREET_PAYLOAD  # the Start button; a deep-link parameter is not used
    return f"{name} {rest}".strip() if addressee else text


def parse_update(payload: dict[str, Any], bot_username: str | None = None) -> Inbound | None:
    """What to do with an update; None when there is nothing to answer."""
    if "callback_query" in payload:
        query = payload["callback_query"]
        if not isinstance(query, dict) or not isinstance(query.get("id"), str):
            raise BadUpdate("missing 'callback_query.id'")
        data = query.get("data")
        if not isinstance(data, str):
            return None  # a game button: nothing for this bot
        message = query.get("message")
        if message is not None:
            chat_id = _chat_id(message, "callback_query.message")
        else:
            # A button on an inline-mode message: only the user is known.
            user = query.get("from")
            user_id = user.get("id") if isinstance(user, dict) else None
            if isinstance(user_id, bool) or not isinstance(user_id, int):
                raise BadUpdate("missing 'callback_query.from.id'")
            chat_id = user_id
        return Inbound(UpdateKind.BUTTON, chat_id, text=data, callback_id=query["id"])
    for key, edited in (("message", False), ("edited_message", True)):
        if key not in payload:
            continue
        message = payload[key]
        chat_id = _chat_id(message, key)
        text = message.get("text")
        if isinstance(text, str):
            return Inbound(UpdateKind.TEXT, chat_id, text=command_text(text, bot_username), edited=edited)
        if edited:
            return None  # an edited caption or media: the first version was answered
        if "sticker" in message:
            return Inbound(UpdateKind.STICKER, chat_id)
        if any(content in message for content in UNREADABLE_KEYS):
            return Inbound(UpdateKind.UNREADABLE, chat_id)
        return None  # service messages: members joining, pins, ...
    return None  # channel posts, inline queries, membership changes, ...
