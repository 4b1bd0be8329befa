"""The one answering action: every question goes through the decision table (`decide`)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from .base import KnowledgeAction
from .decide import answer
from .feedback_store import record_unanswered
from .query import Query


class ActionAnswer(KnowledgeAction):
    def name(self) -> str:
        return "action_answer"

    async def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        query = Query.from_tracker(tracker)
        reply = await self.lookup(answer, self.kb, query)
        events = self.send(dispatcher, reply, query)
        if reply.answer_id is None and not query.text.startswith("/"):
            await record_unanswered(tracker, query.text)
        return events
