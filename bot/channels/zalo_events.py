"""Zalo OA webhook requests: the signature check and the events the assistant reads.

Zalo signs each event with `X-ZEvent-Signature` = hex SHA-256 of
app_id + raw body + timestamp + OA secret key, where `timestamp` is the event's own
`timestamp` field and the key is the OA secret key (not the app secret key) from the
app's Official Account settings. The header is documented as bare hex and seen in the
wild as `mac=<hex>`: both forms are accepted.

The signature covers the timestamp (twice: inside the body and appended to it), so a
signed event's age can be trusted: `timestamp_problem` refuses replays of old events.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass
from enum import Enum
from typing import Any

from knowledge import log_tag

SIGNATURE_HEADER = "X-ZEvent-Signature"
# Milliseconds since the epoch, as Zalo sends them; 15 digits reach the year 33658.
_MILLISECONDS = re.compile(r"[0-9]{1,15}")

TEXT_EVENTS = frozenset({"user_send_text"})
STICKER_EVENTS = frozenset({"user_send_sticker", "user_send_gif"})
# Messages the assistant cannot read: it says so instead of staying silent.
UNREADABLE_EVENTS = frozenset(
    {
        "user_send_image",
        "user_send_file",
        "user_send_audio",
        "user_send_video",
        "user_send_location",
        "user_send_link",
        "user_send_business_card",
    }
)
FOLLOW_EVENTS = frozenset({"follow"})
# Everything else (unfollow, seen and received receipts, reactions, oa_send_* echoes of
# our own replies, ...) is acknowledged and ignored; answering an oa_send_* echo would loop.


class EventKind(Enum):
    TEXT = "text"
    STICKER = "sticker"
    UNREADABLE = "unreadable"
    FOLLOW = "follow"
    IGNORED = "ignored"


class BadEvent(ValueError):
    """A signed request whose JSON lacks what its event needs (answered with 400)."""


@dataclass(frozen=True)
class ZaloEvent:
    kind: EventKind
    name: str
    user_id: str = ""
    msg_id: str = ""
    text: str = ""
    timestamp: str = ""

    @property
    def dedupe_key(self) -> str:
        # Follow events carry no msg_id: the follower and the time identify one.
        return self.msg_id or f"{self.name}:{self.user_id}:{self.timestamp}"

    @property
    def log_key(self) -> str:
        """The event in a log line: its message id, or the follower's hash, never a Zalo user id."""
        return self.msg_id or f"{self.name}:{log_tag(self.user_id)}:{self.timestamp}"


def signature_matches(header: str | None, app_id: str, body: bytes, timestamp: str, secret: str) -> bool:
    # A hex digest is ASCII; anything else (Sanic keeps undecodable bytes as surrogates,
    # which cannot even be encoded back) is simply a wrong signature.
    if not header or not header.isascii():
        return False
    given = header.strip()
    if given[:4].lower() == "mac=":
        given = given[4:].strip()
    digest = hashlib.sha256(app_id.encode() + body + timestamp.encode() + secret.encode()).hexdigest()
    # Constant-time comparison, so response timing does not reveal the digest.
    return hmac.compare_digest(given.lower().encode(), digest.encode())


def event_timestamp(payload: dict[str, Any]) -> str | None:
    """The `timestamp` field as signed: Zalo sends milliseconds as a string."""
    value = payload.get("timestamp")
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None
    return str(value)


def timestamp_problem(timestamp: str, now: float, max_age: float, max_skew: float) -> str | None:
    """Why a signed event must not be processed for its time, or None when it is fresh.

    `now` is in seconds since the epoch; `max_age` bounds how old an event may be,
    `max_skew` how far in the future (Zalo's clock and ours differ a little).
    """
    if not _MILLISECONDS.fullmatch(timestamp):
        return f"timestamp {timestamp[:40]!r} is not milliseconds since the epoch"
    age = now - int(timestamp) / 1000
    if age > max_age:
        return f"timestamp is {age:.0f} s old (limit {max_age:.0f} s)"
    if -age > max_skew:
        return f"timestamp is {-age:.0f} s in the future (limit {max_skew:.0f} s)"
    return None


# Zalo's ids are digits (users) and hex (messages); anything else is refused before it
# reaches a tracker key, a Redis key or a log line (a newline would forge one).
_ID_FORMATS = {"id": re.compile(r"[0-9A-Za-z_-]{1,64}"), "msg_id": re.compile(r"[0-9A-Za-z_.:-]{1,128}")}


def _id(container: Any, key: str) -> str:
    if not isinstance(container, dict):
        raise BadEvent(f"missing object with {key!r}")
    value = container.get(key)
    if isinstance(value, bool) or not isinstance(value, str | int) or not str(value).strip():
        raise BadEvent(f"missing {key!r}")
    if not _ID_FORMATS[key].fullmatch(str(value)):
        raise BadEvent(f"{key!r} is not an id")
    return str(value)


def parse_event(payload: dict[str, Any]) -> ZaloEvent:
    name = payload.get("event_name")
    if not isinstance(name, str) or not name:
        raise BadEvent("missing 'event_name'")
    timestamp = event_timestamp(payload) or ""
    if name in TEXT_EVENTS:
        message = payload.get("message")
        text = message.get("text") if isinstance(message, dict) else None
        if not isinstance(text, str):
            raise BadEvent("missing 'message.text'")
        return ZaloEvent(
            EventKind.TEXT,
            name,
            user_id=_id(payload.get("sender"), "id"),
            msg_id=_id(message, "msg_id"),
            text=text,
            timestamp=timestamp,
        )
    if name in STICKER_EVENTS or name in UNREADABLE_EVENTS:
        kind = EventKind.STICKER if name in STICKER_EVENTS else EventKind.UNREADABLE
        return ZaloEvent(
            kind,
            name,
            user_id=_id(payload.get("sender"), "id"),
            msg_id=_id(payload.get("message"), "msg_id"),
            timestamp=timestamp,
        )
    if name in FOLLOW_EVENTS:
        return ZaloEvent(EventKind.FOLLOW, name, user_id=_id(payload.get("follower"), "id"), timestamp=timestamp)
    return ZaloEvent(EventKind.IGNORED, name, timestamp=timestamp)
