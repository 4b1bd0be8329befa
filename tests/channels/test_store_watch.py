"""A tracker-store failure inside a turn is seen by the channel that runs the turn."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel
from rasa.core.tracker_store import FailSafeTrackerStore, InMemoryTrackerStore
from rasa.shared.core.domain import Domain

from bot.channels.store_watch import (
    HoldsBackWithoutContext,
    note_store_failure,
    store_failed_in_this_turn,
    watch_tracker_store,
    watching_store,
)


def test_the_hook_goes_on_rasas_fail_safe_store_once() -> None:
    store = FailSafeTrackerStore(InMemoryTrackerStore(Domain.empty()))
    app = SimpleNamespace(ctx=SimpleNamespace(agent=SimpleNamespace(tracker_store=store)))
    watch_tracker_store(app)
    watch_tracker_store(app)
    assert store._on_tracker_store_error is note_store_failure
    watch_tracker_store(SimpleNamespace(ctx=SimpleNamespace()))  # before the agent is loaded: nothing to do


async def test_failures_are_counted_per_turn_even_from_a_task_of_the_turn() -> None:
    with watching_store() as failures:
        await asyncio.ensure_future(_fail())
        assert store_failed_in_this_turn()
    assert failures == ["ConnectionError"]
    assert not store_failed_in_this_turn()
    note_store_failure(ConnectionError("outside any turn"))  # logged, counted nowhere


async def _fail() -> None:
    note_store_failure(ConnectionError("connection refused"))


class Collecting(HoldsBackWithoutContext, CollectingOutputChannel):
    pass


async def test_an_output_channel_holds_back_only_a_turn_that_lost_its_store() -> None:
    output = Collecting()
    message: dict[str, Any] = {"text": "còn năm 2025 thì sao"}
    with watching_store():
        await output.send_response("s", dict(message))
    with watching_store():
        note_store_failure(ConnectionError("down"))
        await output.send_response("s", dict(message))
        await output.send_text_message("s", "xin lỗi")  # the apology itself goes out
    assert [m["text"] for m in output.messages] == ["còn năm 2025 thì sao", "xin lỗi"]
