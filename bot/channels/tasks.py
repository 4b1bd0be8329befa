"""Background work started by a webhook after it has answered.

Zalo treats a webhook that takes more than a couple of seconds as down and keeps
redelivering, and Rasa can take longer than that (NLU, the action server, the
knowledge database), so handlers acknowledge first and process here.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any

logger = logging.getLogger(__name__)


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
            logger.error("Background task %s failed: %r", task.get_name(), error, exc_info=error)

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
