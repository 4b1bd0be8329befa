"""At least 30 multi-turn conversations through the REST channel of the running bot."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import aiohttp
import pytest
import sqlalchemy as sa
import yaml

from .conftest import reply_text, say
from .servers import Bot

pytestmark = pytest.mark.slow
CONVERSATIONS: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "conversations.yml").read_text(encoding="utf-8")
)["conversations"]


def test_there_are_at_least_thirty_conversations() -> None:
    assert len(CONVERSATIONS) >= 30
    assert all(len(c["turns"]) > 1 for c in CONVERSATIONS)


@pytest.mark.parametrize("conversation", CONVERSATIONS, ids=[c["name"] for c in CONVERSATIONS])
async def test_conversation(bot: Bot, client: aiohttp.ClientSession, conversation: dict[str, Any]) -> None:
    sender = "e2e-" + conversation["name"].replace(" ", "-")
    for turn in conversation["turns"]:
        text = reply_text(await say(client, bot, sender, turn["say"]))
        for expected in turn.get("expect", []):
            assert expected in text, f"{turn['say']!r} → {text!r}"
        for rejected in turn.get("reject", []):
            assert rejected not in text, f"{turn['say']!r} → {text!r}"


async def test_feedback_is_stored_without_personal_data(bot: Bot, client: aiohttp.ClientSession) -> None:
    from knowledge.feedback import FeedbackStore

    await say(client, bot, "resident-42", "thu ngân sách năm 2024")
    await say(client, bot, "resident-42", '/feedback{"rating": "down"}')
    url = f"sqlite:///{bot.workdir / 'feedback.db'}"
    store = FeedbackStore(url)
    try:
        rows = store.worst_rated()
        assert any(r.answer_id == "indicator:budget_revenue:2024" for r in rows)
    finally:
        store.close()
    engine = sa.create_engine(url, future=True)
    with engine.connect() as conn:
        senders = [row[0] for row in conn.execute(sa.text("SELECT sender_hash FROM feedback"))]
    engine.dispose()
    assert senders and all(s != "resident-42" and len(s) == 32 for s in senders)


@pytest.mark.parametrize("message", ["", " ", "a" * 20000, "<script>alert(1)</script>", "'; DROP TABLE kb_values; --"])
async def test_odd_messages_get_a_reply_not_an_error(bot: Bot, client: aiohttp.ClientSession, message: str) -> None:
    replies = await say(client, bot, "odd-sender", message)
    assert isinstance(replies, list)
