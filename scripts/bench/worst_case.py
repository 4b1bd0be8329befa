"""The CPU one message costs in NLU, for ordinary and hostile texts (docs/SECURITY.md).

    python scripts/bench/worst_case.py [--runs 5] [--bounded]

Loads the trained model once and parses each text `--runs` times, printing the median
CPU time (process time: what the message takes from Rasa's event loop). With
`--bounded`, each text first goes through the channels' bound (bot/channels/bounds.py),
as it would in the running bot.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import string
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "models" / "hp-assistant.tar.gz"


def texts() -> dict[str, str]:
    rng = random.Random(13)
    syllables = ["hai", "phong", "grdp", "nam", "tang", "bao", "nhieu", "du", "an", "cau", "duong", "ke", "hoach",
                 "hải", "phòng", "tăng", "trưởng", "dự", "án", "cầu", "đường", "kế", "hoạch", "ko", "dc", "bt"]
    words = " ".join(rng.choice(syllables) for _ in range(400))
    return {
        "ordinary question": "grdp hai phong nam 2024 tang bao nhieu",
        "1000 x 'a'": "a" * 1000,
        "1000 x 'ệ'": "ệ" * 1000,
        "500 x 'a '": "a " * 500,
        "1000 chars of real syllables": words[:1000],
        "1000 digits": "".join(rng.choice(string.digits) for _ in range(1000)),
        "1000 random letters": "".join(rng.choice(string.ascii_lowercase) for _ in range(1000)),
        "1000 random letters, 5-letter words": " ".join(
            "".join(rng.choice(string.ascii_lowercase) for _ in range(5)) for _ in range(167))[:1000],
        "250 x 'ko '": "ko " * 333,
        "32 random 30-letter words": " ".join(
            "".join(rng.choice(string.ascii_lowercase) for _ in range(30)) for _ in range(32))[:1000],
        "60 random 15-letter words": " ".join(
            "".join(rng.choice(string.ascii_lowercase) for _ in range(15)) for _ in range(60))[:1000],
        "60 random 15-letter words with diacritics": " ".join(
            "".join(rng.choice("aăâeêioôơuưyáàảãạấầẩẫậếềểễệ") for _ in range(15)) for _ in range(60))[:1000],
        "60 words of 15 letters and digits": " ".join(
            "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(15)) for _ in range(60))[:1000],
        "33 words of 29 letters, teencode-like": " ".join(
            "".join(rng.choice("kdjfwzxqv") for _ in range(29)) for _ in range(33))[:1000],
        "60 words of 15 accented capitals": " ".join(
            "".join(rng.choice("ĐẶẤỂỮƯƠỌ") for _ in range(15)) for _ in range(60))[:1000],
        "1000 chars of punctuation": "!?.,;:" * 166,
        "1000 emoji": "👍" * 500,
    }


async def measure(runs: int, bounded: bool) -> None:
    from rasa.core.agent import Agent

    from bot.runtime.graph_runner import run_graphs_in_order

    run_graphs_in_order()
    agent = Agent.load(str(MODEL))
    await agent.parse_message("xin chao")  # warm up
    for name, text in texts().items():
        shown = text
        if bounded:
            from bot.channels.bounds import bound_text

            bounded_text = bound_text(text)
            if bounded_text is None:
                print(f"{name:40} refused before NLU (too many words)")
                continue
            shown = bounded_text
        times = []
        for _ in range(runs):
            started = time.process_time()
            await agent.parse_message(shown)
            times.append(time.process_time() - started)
        print(f"{name:40} {len(shown):5} chars  {statistics.median(times) * 1000:7.1f} ms CPU (median of {runs})")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--bounded", action="store_true")
    args = parser.parse_args()
    asyncio.run(measure(args.runs, args.bounded))


if __name__ == "__main__":
    main()
