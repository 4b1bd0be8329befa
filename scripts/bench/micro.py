"""The floor under the latency: one knowledge lookup, one NLU parse, one knowledge build,
one training run. Each is timed alone, in this process (or a child for training)."""

from __future__ import annotations

import asyncio
import subprocess
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .load import OUR_CONVERSATIONS, STOCK_CONVERSATIONS, percentile
from .servers import MODEL, PG_ADMIN_URL, RASA, ROOT, base_env


def timings(call: Callable[[int], Any], count: int) -> dict[str, float]:
    spent = []
    for i in range(count):
        started = time.perf_counter()
        call(i)
        spent.append(time.perf_counter() - started)
    return {"count": count, "p50_ms": round(percentile(spent, 50) * 1000, 3),  # type: ignore[operator]
            "p95_ms": round(percentile(spent, 95) * 1000, 3), "max_ms": round(max(spent) * 1000, 3)}  # type: ignore[operator]


def knowledge_build_and_lookups(workdir: Path, count: int = 1000) -> dict[str, Any]:
    import sqlalchemy as sa

    from knowledge import KnowledgeBase
    from knowledge.build import build

    questions = [text for conversation in OUR_CONVERSATIONS for text in conversation]
    results: dict[str, Any] = {}
    name = f"hp_bench_micro_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(PG_ADMIN_URL, future=True, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        urls = {
            "SQLite": f"sqlite:///{workdir / 'knowledge.db'}",
            "PostgreSQL": sa.engine.make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False),
        }
        for label, url in urls.items():
            started = time.perf_counter()
            build(url)
            build_seconds = time.perf_counter() - started
            kb = KnowledgeBase(url)
            kb.values("grdp_growth", "2024")  # first call loads the reference tables
            kb.find_indicators(questions[0])

            def values(i: int, kb: KnowledgeBase = kb) -> Any:
                return kb.values("grdp_growth", "2024" if i % 2 else "2025")

            def find_indicators(i: int, kb: KnowledgeBase = kb) -> Any:
                return kb.find_indicators(questions[i % len(questions)])

            def search(i: int, kb: KnowledgeBase = kb) -> Any:
                return kb.search(questions[i % len(questions)])

            def normalize_question(i: int, kb: KnowledgeBase = kb) -> Any:  # the speller: well under 1 ms
                return kb.normalize_question(questions[i % len(questions)])

            results[label] = {
                "build_seconds": round(build_seconds, 2),
                "values": timings(values, count),
                "find_indicators": timings(find_indicators, count),
                "search": timings(search, count // 5),
                "normalize_question": timings(normalize_question, count),
            }
            kb.close()
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    return results


def nlu_parse(model: Path, texts: list[str], count: int = 200) -> dict[str, Any]:
    import logging

    import structlog
    from rasa.core.agent import Agent

    # Unconfigured, structlog prints Rasa's per-parse debug events.
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))
    logging.getLogger("rasa").setLevel(logging.WARNING)

    started = time.perf_counter()
    agent = Agent.load(str(model))
    load_seconds = time.perf_counter() - started

    async def measure() -> dict[str, float]:
        await agent.parse_message(texts[0])  # warm-up
        spent = []
        cpu_started, wall_started = time.process_time(), time.perf_counter()
        for i in range(count):
            begun = time.perf_counter()
            await agent.parse_message(texts[i % len(texts)])
            spent.append(time.perf_counter() - begun)
        # above 1: parsing keeps more than one core busy (BLAS threads; bot/nlu/diet.py scores on one)
        cpu_per_wall = (time.process_time() - cpu_started) / (time.perf_counter() - wall_started)
        return {"count": count, "p50_ms": round(percentile(spent, 50) * 1000, 2),  # type: ignore[operator]
                "p95_ms": round(percentile(spent, 95) * 1000, 2),  # type: ignore[operator]
                "cpu_per_wall": round(cpu_per_wall, 2)}

    return {"agent_load_seconds": round(load_seconds, 2), **asyncio.run(measure())}


def nlu_parses(stock_model: Path | None) -> dict[str, Any]:
    ours = [text for conversation in OUR_CONVERSATIONS for text in conversation]
    results = {"ours": nlu_parse(MODEL, ours)}
    if stock_model is not None:
        results["stock"] = nlu_parse(stock_model, [t for c in STOCK_CONVERSATIONS for t in c])
    return results


def train_ours(workdir: Path) -> float:
    """One `rasa train` of our bot into a scratch directory (the shipped model is untouched),
    with an empty training cache so that every component is really trained."""
    started = time.monotonic()
    subprocess.run([str(RASA), "train", "--domain", "domain", "--data", "data", "--config", "config.yml",
                    "--out", str(workdir / "models"), "--fixed-model-name", "bench", "--quiet"],
                   cwd=ROOT, env=base_env(RASA_CACHE_DIRECTORY=str(workdir / "cache")), check=True,
                   stdout=(workdir / "train.log").open("wb"),
                   stderr=subprocess.STDOUT, timeout=3600)
    return time.monotonic() - started
