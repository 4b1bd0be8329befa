"""Knowing, inside a turn, that Rasa's tracker store failed.

Rasa wraps every tracker store in `FailSafeTrackerStore`, which logs a failure and
goes on with an empty in-memory conversation: the resident would get an answer that
ignores everything said before (a follow-up answered as a first question), and the
turn would not be stored. Its `_on_tracker_store_error` hook (Rasa 3.6) is the only
place where the failure is visible. Each channel opens a watch for the turn; the hook
records the failure there; the channel answers with the apology instead.

The store fails when the turn loads the conversation, before the bot says anything,
so output channels that send during the turn hold the bot's messages back
(`HoldsBackWithoutContext`) and the apology goes out instead.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from rasa.core.tracker_store import FailSafeTrackerStore

logger = logging.getLogger(__name__)

# Failures (exception type names) of the tracker store during the current turn; None
# outside a watched turn. Tasks copy the context, so a turn run in a task of its own
# still reports here.
store_failures: ContextVar[list[str] | None] = ContextVar("store_failures", default=None)


def note_store_failure(error: Exception) -> None:
    failures = store_failures.get()
    if failures is not None:
        failures.append(type(error).__name__)
    # The type only: a database error's message quotes the SQL parameters (residents' words).
    logger.error("tracker store unavailable (%s); the turn is answered with an apology", type(error).__name__)


def watch_tracker_store(app: Any) -> None:
    """Install the hook on the running agent's store (idempotent)."""
    store = getattr(getattr(app.ctx, "agent", None), "tracker_store", None)
    if isinstance(store, FailSafeTrackerStore) and store._on_tracker_store_error is not note_store_failure:
        store._on_tracker_store_error = note_store_failure


@contextmanager
def watching_store() -> Iterator[list[str]]:
    """The failures of the turn run inside this block."""
    failures: list[str] = []
    token = store_failures.set(failures)
    try:
        yield failures
    finally:
        store_failures.reset(token)


def store_failed_in_this_turn() -> bool:
    return bool(store_failures.get())


class HoldsBackWithoutContext:
    """Output channel mixin: the bot's messages of a turn whose store failed are not sent."""

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        if store_failed_in_this_turn():
            logger.warning("an answer given without the conversation's context was held back")
            return
        await super().send_response(recipient_id, message)  # type: ignore[misc]
