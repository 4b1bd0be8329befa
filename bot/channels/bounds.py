"""What one message may cost: residents' text bounded before NLU, on every channel.

NLU's cost grows with the characters of unknown words, not with the message's length
alone (docs/SECURITY.md, "Cost of one message"): one 1000-letter "word" took 270 ms of
CPU in Rasa's event loop, 1000 characters of real syllables 19 ms, an ordinary question
3 ms. So besides the length limit (`MAX_MESSAGE_CHARS`, 1000, a polite reply), a
message may have at most `MAX_MESSAGE_WORDS` words (60; more gets the same polite reply)
and each word at most `MAX_WORD_CHARS` characters (30; the longest Vietnamese syllable
has 7 letters, a long English or teencode word about 20): longer ones are cut there.

A payload the bot offered (bot/channels/payloads.py) is not cut: it is already checked.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.settings import TextBounds

TOO_MANY_WORDS_REPLY = (
    "Câu hỏi dài quá, tôi chỉ đọc được tối đa {limit} từ. Bạn vui lòng hỏi ngắn gọn hơn, mỗi lần một ý nhé."
)


def bound_text(text: str, bounds: TextBounds | None = None) -> str | None:
    """`text` with over-long words cut, or None when it has more words than allowed."""
    bounds = bounds or TextBounds()
    if text.lstrip().startswith("/"):
        return text  # an offered payload: screened already, and cutting it would break it
    words = text.split()
    if len(words) > bounds.max_words:
        return None
    if all(len(word) <= bounds.max_word_chars for word in words):
        return text
    return " ".join(word[: bounds.max_word_chars] for word in words)


@dataclass(frozen=True)
class Prepared:
    """A resident's message ready for Rasa (`text`), or the reply that replaces it (`reply`)."""

    text: str | None = None
    reply: str | None = None


def too_long(text: str, max_chars: int) -> str | None:
    """The polite reply for a message over `max_chars`, else None."""
    from .guarded_rest import TOO_LONG_REPLY

    return TOO_LONG_REPLY.format(limit=max_chars) if len(text) > max_chars else None


def finish(text: str, bounds: TextBounds) -> Prepared:
    """Screened ("/..." only as an offered payload) and bounded: what Rasa may see."""
    from .payloads import screen

    bounded = bound_text(screen(text), bounds)
    if bounded is None:
        return Prepared(reply=TOO_MANY_WORDS_REPLY.format(limit=bounds.max_words))
    return Prepared(text=bounded)
