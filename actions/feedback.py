"""👍/👎 on the last answer: stored; the rules then thank the resident."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from knowledge import fold

from .entity_values import valid_value
from .feedback_store import record

NEGATIVE = ("sai", "khong dung", "chua dung", "vo dung", "khong huu ich", "te", "do", "chua chinh xac")


def rating_of(tracker: Tracker) -> str:
    entities = [e for e in tracker.latest_message.get("entities") or []
                if e.get("entity") == "rating" and valid_value("rating", e.get("value"))]
    if entities:
        return "down" if entities[0].get("value") == "down" else "up"
    folded = f" {fold(tracker.latest_message.get('text') or '')} "
    return "down" if any(f" {word} " in folded for word in NEGATIVE) else "up"


class ActionRecordFeedback(Action):
    def name(self) -> str:
        return "action_record_feedback"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        rating = rating_of(tracker)
        question = tracker.get_slot("last_question") or ""
        await record(rating, tracker, question, tracker.get_slot("last_answer_id"))
        return [SlotSet("rating", rating)]
