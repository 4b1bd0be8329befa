"""Text shaping shared by the channels: length limits, numbered choices, fixed replies."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from .memory import ChannelMemory, LocalMemory

# Fixed replies for what the assistant cannot read. They stay in the channel layer:
# stickers and photos never reach NLU, so they cannot confuse it.
UNSUPPORTED_REPLY = (
    "Xin lỗi, hiện tôi chỉ đọc được tin nhắn chữ. Bạn gõ câu hỏi giúp tôi nhé, "
    "ví dụ: “GRDP Hải Phòng năm 2024 tăng bao nhiêu?”"
)
STICKER_REPLY = "Cảm ơn bạn! 😊 Tôi chỉ đọc được tin nhắn chữ, bạn cứ gõ câu hỏi về Hải Phòng nhé."
EXPIRED_BUTTON_REPLY = "Lựa chọn này đã cũ. Bạn gõ lại câu hỏi giúp tôi nhé."
# A new follower or Telegram's /start gets the same greeting as "xin chào", buttons included.
GREET_PAYLOAD = "/greet"

_NUMBER_REPLY = re.compile(r"^\s*(\d{1,2})\s*[.)]?\s*$")


def utf16_len(text: str) -> int:
    """Length as Telegram counts it (UTF-16 code units); an emoji counts twice.

    Zalo does not document its unit, so counting the longer way keeps both safe.
    """
    return len(text.encode("utf-16-le")) // 2


def split_text(text: str, limit: int) -> list[str]:
    """Cut `text` into pieces of at most `limit` units, at paragraphs, lines, then words.

    An answer is one message when it fits; when it does not, the cut falls between
    paragraphs so that a figure and its source stay together where possible.
    """
    text = text.strip()
    if not text:
        return []
    return [piece for piece in _split(text, limit, ("\n\n", "\n", " ")) if piece]


def _split(text: str, limit: int, separators: tuple[str, ...]) -> list[str]:
    if utf16_len(text) <= limit:
        return [text.strip()]
    if not separators:
        return _hard_cut(text, limit)
    separator, rest = separators[0], separators[1:]
    pieces: list[str] = []
    current = ""
    for part in text.split(separator):
        candidate = f"{current}{separator}{part}" if current else part
        if utf16_len(candidate) <= limit:
            current = candidate
            continue
        if current:
            pieces.append(current.strip())
        if utf16_len(part) <= limit:
            current = part
        else:
            pieces.extend(_split(part, limit, rest))
            current = ""
    if current:
        pieces.append(current.strip())
    return pieces


def _hard_cut(text: str, limit: int) -> list[str]:
    pieces, current = [], ""
    for char in text:
        if utf16_len(current + char) > limit:
            pieces.append(current)
            current = ""
        current += char
    if current:
        pieces.append(current)
    return pieces


def _numbers_phrase(count: int) -> str:
    numbers = [str(n) for n in range(1, count + 1)]
    if count == 1:
        return "1"
    return ", ".join(numbers[:-1]) + " hoặc " + numbers[-1]


def render_choices(text: str, buttons: Sequence[dict[str, Any]]) -> tuple[str, list[str]]:
    """Buttons as a numbered list under the text, for channels without buttons.

    Returns the text to send and the payloads in number order. Link buttons have no
    payload: they are listed with their address and get no number.
    """
    lines: list[str] = []
    payloads: list[str] = []
    for button in buttons:
        title = str(button.get("title") or "").strip()
        payload = button.get("payload")
        if payload:
            payloads.append(str(payload))
            lines.append(f"{len(payloads)}. {title or payload}")
        elif button.get("url"):
            lines.append(f"• {title}: {button['url']}" if title else f"• {button['url']}")
    parts = [text.strip()] if text and text.strip() else []
    if lines:
        parts.append("\n".join(lines))
    if payloads:
        parts.append(f"Trả lời số {_numbers_phrase(len(payloads))} để chọn.")
    return "\n\n".join(parts), payloads


def chosen_number(text: str) -> int | None:
    match = _NUMBER_REPLY.match(text)
    return int(match.group(1)) if match else None


class ChoiceMemory:
    """The numbered choices last offered to each user (channel memory, bot/channels/memory.py).

    Choices answer only the user's next message: after any reply they are forgotten,
    so a "2" typed later as part of another exchange is never taken for a button.
    """

    TTL = 24 * 3600  # seconds: a list left unanswered for a day is not an answer any more

    def __init__(self, memory: ChannelMemory | None = None) -> None:
        self._memory = memory if memory is not None else LocalMemory()

    async def offer(self, user_id: str, payloads: list[str]) -> None:
        if payloads:
            await self._memory.put(user_id, json.dumps(payloads, ensure_ascii=False), self.TTL)
        else:
            await self._memory.forget(user_id)

    async def resolve(self, user_id: str, text: str) -> str:
        """The payload chosen by a bare number reply, or the text unchanged."""
        stored = await self._memory.take(user_id)
        number = chosen_number(text)
        if stored is None or number is None:
            return text
        try:
            offered = json.loads(stored)
        except ValueError:
            return text  # not written by this code: ignore it rather than fail the message
        if isinstance(offered, list) and 1 <= number <= len(offered):
            return str(offered[number - 1])
        return text

    async def close(self) -> None:
        await self._memory.close()
