"""Recording feedback from actions: one shared store, written off the event loop."""

from __future__ import annotations

import asyncio
import logging

from rasa_sdk import Tracker

from knowledge import FeedbackStore, FeedbackUnavailable

logger = logging.getLogger(__name__)
_store: FeedbackStore | None = None


def feedback_store() -> FeedbackStore:
    global _store
    if _store is None:
        _store = FeedbackStore()
    return _store


async def record(kind: str, tracker: Tracker, question: str, answer_id: str | None = None) -> bool:
    """Store one feedback row; a failure is logged, never shown to the resident."""
    if not question or question.startswith("/"):
        return False
    try:
        await asyncio.to_thread(
            feedback_store().record, kind, question, tracker.sender_id,
            tracker.get_latest_input_channel(), answer_id,
        )
        return True
    except FeedbackUnavailable as error:
        logger.error("could not store feedback: %s", error)  # names the database error's type, never its text
        return False
    except ValueError as error:  # an unknown kind
        logger.error("could not store feedback: %s", type(error).__name__)
        return False


async def record_unanswered(tracker: Tracker, question: str) -> bool:
    return await record("unanswered", tracker, question)
