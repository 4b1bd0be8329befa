from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from .servers import Bot, running_bot


@pytest.fixture(scope="session")
def bot(tmp_path_factory: pytest.TempPathFactory, sqlite_url: str) -> Iterator[Bot]:
    with running_bot(Path(tmp_path_factory.mktemp("bot")), sqlite_url) as running:
        yield running


@pytest.fixture()
async def client() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30)) as session:
        yield session


async def say(client: aiohttp.ClientSession, bot: Bot, sender: str, text: str) -> list[dict[str, Any]]:
    async with client.post(bot.rest_url, json={"sender": sender, "message": text}) as response:
        assert response.status == 200, await response.text()
        return await response.json()


def reply_text(messages: list[dict[str, Any]]) -> str:
    return "\n".join(m.get("text") or "" for m in messages)
