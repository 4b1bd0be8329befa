"""A closed-loop load generator on loopback: N simulated residents, each playing one short
conversation after another (a new sender id per conversation, no think time) against
a REST webhook for a fixed duration."""

from __future__ import annotations

import asyncio
import json
import random
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import aiohttp

# Real questions residents ask (tests/e2e/conversations.yml), as short conversations:
# indicators with follow-ups, accent-less and teencode, projects, policies, the
# two-tier government, chit-chat, and questions out of scope.
OUR_CONVERSATIONS: list[list[str]] = [
    ["grdp hai phong nam 2024 tang bao nhieu", "còn năm 2025 thì sao"],
    ["Kế hoạch thu ngân sách năm 2025 là bao nhiêu?", "so với năm 2024 thì sao"],
    ["kim ngach xuat khau 2024", "the ke hoach nam 2025 la bao nhieu"],
    ["thu ns hp nam 2024 dc bn vay ad", "so voi ke hoach thi sao"],
    ["tăng trưởng GRDP quý 1 năm 2025", "con cong nghiep xay dung quy 1 thi sao"],
    ["nhà ga T2 Cát Bi bao nhiêu tiền", "du an do duoc phe duyet theo van ban nao"],
    ["cau nguyen trai"],
    ["nghị quyết 45 là gì", "kết luận 96 thì sao"],
    ["phuong lach tray quan ngo quyen gio thuoc phuong nao"],
    ["thời tiết Hải Phòng hôm nay thế nào", "cho mình công thức nấu bánh đa cua"],
    ["xin chao", "ban la nguoi hay may", "cam on ban"],
]

# What the stock `rasa init` bot knows (its data/nlu.yml): greetings, moods, bot challenge.
STOCK_CONVERSATIONS: list[list[str]] = [
    ["hello", "I am sad", "yes"],
    ["hi", "great"],
    ["are you a bot?"],
    ["good morning", "I am feeling very good", "bye"],
    ["hey there", "very sad", "no"],
]

APOLOGY_MARK = "chưa tra cứu được lúc này"


@dataclass
class LoadResult:
    users: int
    seconds: float
    latencies: list[float] = field(default_factory=list)  # seconds, successful replies only
    errors: Counter[str] = field(default_factory=Counter)
    apologies: int = 0

    @property
    def requests(self) -> int:
        return len(self.latencies) + sum(self.errors.values())

    @property
    def throughput(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    def percentile(self, q: float) -> float | None:
        return percentile(self.latencies, q)

    def as_dict(self) -> dict[str, Any]:
        return {
            "users": self.users, "seconds": round(self.seconds, 2), "requests": self.requests,
            "ok": len(self.latencies), "throughput_rps": round(self.throughput, 2),
            "p50_ms": _ms(self.percentile(50)), "p95_ms": _ms(self.percentile(95)), "p99_ms": _ms(self.percentile(99)),
            "errors": sum(self.errors.values()), "error_kinds": dict(self.errors), "apologies": self.apologies,
        }


def percentile(values: list[float], q: float) -> float | None:
    """Nearest-rank percentile."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def _ms(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds * 1000, 1)


async def ask(client: aiohttp.ClientSession, url: str, sender: str, text: str) -> tuple[str | None, str]:
    """(error kind or None, reply text)."""
    try:
        async with client.post(url, json={"sender": sender, "message": text}) as response:
            raw = await response.text()
            if response.status != 200:
                return f"http_{response.status}", ""
    except asyncio.TimeoutError:
        return "timeout", ""
    except aiohttp.ClientError as error:
        return type(error).__name__, ""
    try:
        messages = json.loads(raw)
    except ValueError:
        return "not_json", ""
    if not isinstance(messages, list) or not messages:
        return "empty_reply", ""
    return None, "\n".join(str(m.get("text") or "") for m in messages if isinstance(m, dict))


async def warm_up(url: str, conversations: list[list[str]]) -> None:
    """Every question once, unmeasured: first calls pay for lazy loading."""
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120)) as client:
        for conversation in conversations:
            sender = f"warmup-{uuid.uuid4().hex[:8]}"
            for text in conversation:
                await ask(client, url, sender, text)


async def run_load(url: str, conversations: list[list[str]], users: int, duration: float,
                   timeout: float = 60, seed: int = 42) -> LoadResult:
    result = LoadResult(users=users, seconds=0.0)
    connector = aiohttp.TCPConnector(limit=users + 4)
    async with aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=timeout)) as client:
        started = time.monotonic()
        stop_at = started + duration

        async def resident(number: int) -> None:
            rng = random.Random(seed * 1000 + number)
            while time.monotonic() < stop_at:
                sender = f"bench-{number}-{uuid.uuid4().hex[:10]}"
                for text in rng.choice(conversations):
                    if time.monotonic() >= stop_at:
                        return
                    sent = time.monotonic()
                    error, reply = await ask(client, url, sender, text)
                    if error is None and APOLOGY_MARK in reply:
                        result.apologies += 1
                        error = "apology"
                    if error is None:
                        result.latencies.append(time.monotonic() - sent)
                    else:
                        result.errors[error] += 1

        await asyncio.gather(*(resident(n) for n in range(users)))
        result.seconds = time.monotonic() - started
    return result
