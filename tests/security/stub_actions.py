"""Actions for the action-server tests: one that answers, one that fails quoting its input."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher


class ActionStubEcho(Action):
    def name(self) -> str:
        return "action_stub_echo"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[Any]:
        dispatcher.utter_message(text="ok")
        return []


class ActionStubBoom(Action):
    def name(self) -> str:
        return "action_stub_boom"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[Any]:
        raise KeyError(f"period {tracker.latest_message.get('text')!r}")
