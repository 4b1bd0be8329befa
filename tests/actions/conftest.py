"""Running actions the way the action server does, against a real knowledge database."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.nlu.entities import EntityMatcher
from knowledge.feedback import FeedbackStore


@pytest.fixture()
def feedback_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FeedbackStore]:
    import actions.feedback_store as module

    store = FeedbackStore(f"sqlite:///{tmp_path / 'feedback.db'}")
    monkeypatch.setattr(module, "_store", store)
    yield store
    store.close()


def make_tracker(matcher: EntityMatcher, text: str, intent: str, slots: dict[str, Any] | None = None,
                 entities: list[dict[str, Any]] | None = None, channel: str = "rest") -> Tracker:
    found = entities if entities is not None else [f.as_rasa() for f in matcher.find(text)]
    return Tracker(
        sender_id="resident-1",
        slots=slots or {},
        latest_message={"text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": found},
        events=[{"event": "user", "text": text, "input_channel": channel}],
        paused=False, followup_action=None, active_loop={}, latest_action_name="action_listen",
    )


Run = Callable[..., Any]


@pytest.fixture()
def run_action(matcher: EntityMatcher) -> Run:
    async def run(action: Action, text: str, intent: str, slots: dict[str, Any] | None = None,
                  entities: list[dict[str, Any]] | None = None) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        dispatcher = CollectingDispatcher()
        tracker = make_tracker(matcher, text, intent, slots, entities)
        events = await action.run(dispatcher, tracker, {})
        return dispatcher.messages, events

    return run


def slots_of(events: list[dict[str, Any]]) -> dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def texts_of(messages: list[dict[str, Any]]) -> str:
    return "\n".join(m.get("text") or "" for m in messages)


def payloads_of(messages: list[dict[str, Any]]) -> list[str]:
    return [b["payload"] for m in messages for b in m.get("buttons") or []]


def said(text: str, buttons: list[dict[str, str]] | None = None) -> dict[str, Any]:
    """One message as rasa-sdk's `CollectingDispatcher` records `utter_message(text=..., buttons=...)`."""
    return {"text": text, "buttons": buttons or [], "elements": [], "custom": {}, "template": None, "response": None,
            "image": None, "attachment": None}


def button(title: str, payload: str) -> dict[str, str]:
    return {"title": title, "payload": payload}


def slot(name: str, value: Any) -> dict[str, Any]:
    """A `SlotSet` event as an action returns it."""
    return {"event": "slot", "timestamp": None, "name": name, "value": value}


# The rating buttons under every answer, and the context every answer without choices clears.
FEEDBACK = [button('👍 Hữu ích', '/feedback{"rating": "up"}'), button('👎 Chưa đúng', '/feedback{"rating": "down"}')]
CLEARED = [slot("options", None), slot("page_query", None), slot("page", None)]
