"""The base every answering action derives from.

It takes the knowledge base through its constructor (tests pass one built from
the shipped files), runs the blocking lookups off the event loop, and turns an
unavailable database into an apology instead of an error.
"""

from __future__ import annotations

import abc
import asyncio
import logging
from collections.abc import Callable
from typing import Any, TypeVar

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from knowledge import KnowledgeBase, KnowledgeUnavailable

from .knowledge_access import shared_knowledge_base
from .query import Query, Reply

logger = logging.getLogger(__name__)
T = TypeVar("T")
LOOKUP_FAILED = "Xin lỗi, tôi chưa tra cứu được lúc này. Bạn vui lòng thử lại sau ít phút."


class KnowledgeAction(Action, abc.ABC):
    """An action that answers from the knowledge base."""

    def __init__(self, knowledge_base: KnowledgeBase | None = None) -> None:
        self._kb = knowledge_base

    @property
    def kb(self) -> KnowledgeBase:
        return self._kb or shared_knowledge_base()

    async def lookup(self, call: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run one blocking knowledge call in a worker thread."""
        return await asyncio.to_thread(call, *args, **kwargs)

    async def respond(
        self, dispatcher: CollectingDispatcher, topic: Callable[[KnowledgeBase, Query], Reply], query: Query
    ) -> list[EventType]:
        """Answer with a topic function off the event loop and send its messages."""
        return self.send(dispatcher, await self.lookup(topic, self.kb, query), query)

    @staticmethod
    def send(dispatcher: CollectingDispatcher, reply: Reply, query: Query) -> list[EventType]:
        """Utter the reply's messages; the slots it sets, and the question it answered (for feedback)."""
        for message in reply.messages:
            dispatcher.utter_message(**message)
        events = reply.events()
        if reply.answer_id is not None and not query.text.startswith("/"):
            events.append(SlotSet("last_question", query.text))
        return events

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        try:
            return await self.answer(dispatcher, tracker, domain)
        except KnowledgeUnavailable:
            logger.exception("knowledge base unavailable in %s", self.name())
            dispatcher.utter_message(text=LOOKUP_FAILED)
            return []

    @abc.abstractmethod
    async def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """Write the reply; return the events (slots) it sets."""
