"""Choices among offered options, and "xem thêm"."""

from __future__ import annotations

import re

from knowledge import KnowledgeBase

from .fallback import not_covered
from .query import Query, Reply
from .routes import PAGED, ROUTES, query_from_payload


def option_named(q: Query, options: list[str]) -> int | None:
    """"Cái năm 2024 ấy" after two documents numbered alike: the one option a year typed is in."""
    years = re.findall(r"\b(?:19|20)\d\d\b", q.text)
    matches = [i for i, option in enumerate(options) if any(year in option for year in years)]
    return matches[0] if len(matches) == 1 else None


def chosen_index(q: Query, count: int) -> int | None:
    if (named := option_named(q, list(q.slots.get("options") or [])[:count])) is not None:
        return named
    option = q.first("option")
    if option is None:
        digits = re.findall(r"\d+", q.text)
        option = digits[0] if digits else None
    if option == "last":
        return count - 1 if count else None
    if option and option.isdigit() and 1 <= int(option) <= count:
        return int(option) - 1
    return None


def answer_choice(kb: KnowledgeBase, q: Query) -> Reply:
    options = q.slots.get("options") or []
    index = chosen_index(q, len(options))
    if index is None:
        if options:
            return Reply().say(f"Bạn chọn số từ 1 đến {len(options)} giúp tôi nhé.")
        return not_covered(kb)
    routed = query_from_payload(options[index], q)
    if routed is None or routed[0] not in ROUTES:
        return not_covered(kb)
    intent, chosen = routed
    return ROUTES[intent](kb, chosen)


def answer_more(kb: KnowledgeBase, q: Query) -> Reply:
    payload, page = q.slots.get("page_query"), q.slots.get("page")
    routed = query_from_payload(payload, q) if payload else None
    if routed is None or routed[0] not in PAGED:
        return Reply().say("Không còn mục nào để xem thêm. Bạn muốn hỏi gì tiếp?")
    intent, query = routed
    return PAGED[intent](kb, query, int(page or 1))
