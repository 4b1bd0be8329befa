"""The 👍/👎 buttons shown under every answer."""

from __future__ import annotations

from .query import button, intent_payload


def feedback_buttons() -> list[dict[str, str]]:
    return [button("👍 Hữu ích", intent_payload("feedback", rating="up")),
            button("👎 Chưa đúng", intent_payload("feedback", rating="down"))]
