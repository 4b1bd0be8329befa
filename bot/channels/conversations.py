"""Each channel's conversations in a namespace of their own.

Rasa keys a conversation (tracker, lock, session) by the sender id alone. A Zalo user
id, a Telegram chat id and a REST `sender` are chosen by different parties, and REST's
is chosen by whoever sends the request: with bare ids, a REST request naming a Zalo
user's id read that resident's conversation ("còn năm 2025?" answered with their
context) and `/restart` wiped it. So every channel hands Rasa
`<channel>:<id>` (`rest:lan`, `zalo:2468…`, `telegram:1111111`): no channel can name
a conversation of another, whatever id it is sent.

The output channels get that key back as the recipient and turn it into the
platform's id (`PlatformRecipient`); the REST channel answers with the sender as it
was sent.

Conversations stored before this change are under the bare id and are not found
under the new key (a resident starts afresh once).
"""

from __future__ import annotations

from typing import Any

SEPARATOR = ":"


def conversation_id(channel: str, user_id: str) -> str:
    """The tracker key of `user_id` on `channel`."""
    return f"{channel}{SEPARATOR}{user_id}"


def platform_id(channel: str, conversation: str) -> str:
    """The channel's own id in a tracker key of that channel (unchanged if it has no prefix)."""
    prefix = f"{channel}{SEPARATOR}"
    return conversation[len(prefix):] if conversation.startswith(prefix) else conversation


class PlatformRecipient:
    """Output channel mixin: Rasa's recipient (the tracker key) back to the platform's id."""

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        channel = self.name()  # type: ignore[attr-defined]
        await super().send_response(platform_id(channel, recipient_id), message)  # type: ignore[misc]
