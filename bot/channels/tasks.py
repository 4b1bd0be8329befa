"""Background work started by a webhook after it has answered.

Zalo treats a webhook that takes more than a couple of seconds as down and keeps
redelivering, and Rasa can take longer than that (NLU, the action server, the
knowledge database), so handlers acknowledge first and process here.

`answer_or_apologize` runs one turn of the bot there. When the bot fails (the tracker
or lock store is down, ...) the resident gets the same apology as on the REST channel,
unless something already reached them during the turn: an answer that was delivered
and then failed to be saved (or the actions' own apology, worded the same) needs no
second message that would contradict it or say the same thing twice.
"""

from __future__ import annotations

import asyncio
import logging
import traceback
from collections.abc import Awaitable, Callable, Coroutine
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .store_watch import watching_store

logger = logging.getLogger(__name__)


@dataclass
class _Turn:
    delivered: int = 0  # messages that reached the resident during this turn


# The turn being processed by the current task. Rasa sends the bot's messages from
# inside `on_new_message`, in the same task (or a task copying its context), so the
# output channels can report deliveries here without knowing which turn they serve.
_current_turn: ContextVar[_Turn | None] = ContextVar("channel_turn", default=None)


def note_delivered() -> None:
    """Called by an output channel after a message reached the resident."""
    turn = _current_turn.get()
    if turn is not None:
        turn.delivered += 1


def describe_failure(error: BaseException) -> str:
    """The exception's type and where it was raised, without its message.

    Messages of database errors can quote the SQL parameters, i.e. the resident's
    words; the type and the place are enough to tell an outage from a bug.
    """
    frames = traceback.extract_tb(error.__traceback__)
    if not frames:
        return type(error).__name__
    last = frames[-1]
    return f"{type(error).__name__} at {Path(last.filename).name}:{last.lineno}"


async def answer_or_apologize(
    run: Callable[[], Awaitable[Any]],
    apologize: Callable[[], Awaitable[Any]],
    label: str,
    passthrough: tuple[type[BaseException], ...] = (),
) -> None:
    """Run one turn; if it fails before anything reached the resident, apologize.

    A turn fails by raising, or by losing its tracker store (then the output channel
    held the context-less answer back, bot/channels/store_watch.py). `label` names the
    turn in the log (never the resident's text); exceptions of the `passthrough` types
    are re-raised untouched for the caller to handle.
    """
    turn = _Turn()
    token = _current_turn.set(turn)
    error: Exception | None = None
    try:
        with watching_store() as store_failures:
            await run()
    except passthrough:
        raise
    except Exception as raised:
        error = raised
    finally:
        _current_turn.reset(token)
    if error is None and not store_failures:
        return
    reason = describe_failure(error) if error is not None else f"tracker store: {', '.join(store_failures)}"
    if turn.delivered:
        logger.error("%s: the bot failed after answering (%s); no apology sent", label, reason)
        return
    logger.error("%s: the bot failed (%s); the resident gets the apology", label, reason)
    await apologize()


class BackgroundTasks:
    """Keeps a reference to every running task and logs its failure.

    The event loop holds only weak references to tasks, so an unreferenced task can be
    garbage-collected mid-flight; and an exception in a task nobody awaits is otherwise
    reported late or never.
    """

    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[None]] = set()

    def spawn(self, coro: Coroutine[Any, Any, None], name: str) -> None:
        task = asyncio.get_running_loop().create_task(coro, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._finished)

    def _finished(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        if task.cancelled():
            return
        error = task.exception()
        if error is not None:
            logger.error("Background task %s failed: %s", task.get_name(), describe_failure(error))

    async def drain(self, timeout: float | None = None) -> None:
        """Wait for the running tasks (shutdown, tests); cancel what outlives `timeout`."""
        while self._tasks:
            pending = set(self._tasks)
            _, still_running = await asyncio.wait(pending, timeout=timeout)
            if still_running:
                for task in still_running:
                    task.cancel()
                await asyncio.wait(still_running)
                return

    def __len__(self) -> int:
        return len(self._tasks)
