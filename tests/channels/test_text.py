"""Text shaping shared by the channels."""

from __future__ import annotations

import hashlib

import pytest

from bot.channels.bounded import LruDict
from bot.channels.memory import LocalMemory
from bot.channels.text import ChoiceMemory, chosen_number, render_choices, split_text, utf16_len
from bot.channels.zalo_events import signature_matches


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("", 10, []),
        ("   \n\n ", 10, []),
        ("ngắn", 10, ["ngắn"]),
        ("một\n\nhai\n\nba", 8, ["một\n\nhai", "ba"]),
        ("dòng một\ndòng hai", 10, ["dòng một", "dòng hai"]),
        ("aaaa bbbb cccc", 9, ["aaaa bbbb", "cccc"]),
        ("x" * 25, 10, ["x" * 10, "x" * 10, "x" * 5]),
    ],
)
def test_split_text(text: str, limit: int, expected: list[str]) -> None:
    assert split_text(text, limit) == expected


def test_split_counts_emoji_as_telegram_does() -> None:
    text = "😀" * 6
    assert utf16_len(text) == 12
    assert split_text(text, 4) == ["😀😀"] * 3


def test_render_choices_numbers_payload_buttons_only() -> None:
    text, payloads = render_choices(
        "Bạn chọn:",
        [{"title": "Một", "payload": "/one"}, {"title": "Cổng", "url": "https://x.vn"}, {"title": "", "payload": "/two"}],
    )
    assert text == "Bạn chọn:\n\n1. Một\n• Cổng: https://x.vn\n2. /two\n\nTrả lời số 1 hoặc 2 để chọn."
    assert payloads == ["/one", "/two"]
    assert render_choices("Chỉ một", [{"title": "A", "payload": "/a"}])[0].endswith("Trả lời số 1 để chọn.")


@pytest.mark.parametrize(("reply", "number"), [("2", 2), (" 3 ", 3), ("1.", 1), ("4)", 4), ("12", 12), ("2024", None), ("số 2", None), ("2 và 3", None), ("", None)])
def test_chosen_number(reply: str, number: int | None) -> None:
    assert chosen_number(reply) == number


async def test_choice_memory_is_per_user_single_use_and_bounded() -> None:
    memory = ChoiceMemory(LocalMemory(maxsize=2))
    await memory.offer("a", ["/a1", "/a2"])
    await memory.offer("b", ["/b1"])
    assert await memory.resolve("a", "2") == "/a2"
    assert await memory.resolve("a", "2") == "2"  # used up
    await memory.offer("c", ["/c1"])
    await memory.offer("d", ["/d1"])  # evicts "b"
    assert await memory.resolve("b", "1") == "1"
    assert await memory.resolve("d", "1") == "/d1"
    await memory.offer("c", [])  # a list with no choices forgets the last one
    assert await memory.resolve("c", "1") == "1"


def test_lru_dict_forgets_the_oldest() -> None:
    lru: LruDict[str, int] = LruDict(maxsize=2)
    lru["a"], lru["b"], lru["a"], lru["c"] = 1, 2, 3, 4
    assert (lru.get("a"), lru.get("b"), lru.get("c")) == (3, None, 4)


def test_zalo_signature_formula() -> None:
    body = b'{"event_name":"user_send_text","timestamp":"1735689600123"}'
    mac = hashlib.sha256(("4291763606161179100" + body.decode() + "1735689600123" + "secret").encode()).hexdigest()
    assert signature_matches(mac, "4291763606161179100", body, "1735689600123", "secret")
    assert signature_matches(f"mac={mac}", "4291763606161179100", body, "1735689600123", "secret")
    assert signature_matches(f"MAC={mac.upper()}", "4291763606161179100", body, "1735689600123", "secret")
    assert not signature_matches(mac, "4291763606161179100", body, "1735689600124", "secret")
    assert not signature_matches(None, "4291763606161179100", body, "1735689600123", "secret")
