"""Choices among offered options, and "xem thêm"."""

from __future__ import annotations

import re

from knowledge import KnowledgeBase, fold

from .fallback import not_covered
from .query import Query, Reply
from .routes import PAGED, ROUTES, parse_payload, query_from_payload


def option_named(q: Query, options: list[str]) -> int | None:
    """"Cái năm 2024 ấy" after two documents numbered alike: the one option a year typed is in."""
    years = re.findall(r"\b(?:19|20)\d\d\b", q.text)
    matches = [i for i, option in enumerate(options) if any(year in option for year in years)]
    return matches[0] if len(matches) == 1 else None


# "dự án di tích ấy ở đâu?" after a list: the words between the kind and the pointer name one of it
_NAMED_AND_POINTED = re.compile(r"\b(?:du an|cong trinh) ((?:\w+ ){1,4}?)(?:ay|do|nay|kia)\b")


def option_by_name(kb: KnowledgeBase, q: Query, options: list[str]) -> int | None:
    """The one project of the list just shown whose name has the words the question points at it with."""
    found = _NAMED_AND_POINTED.search(fold(q.text))
    if found is None or q.slots.get("topic") != "project_list":
        return None  # "dự án cầu ấy" after one project is that project, whatever it offered beside it
    words = found.group(1).split()
    matches = []
    for i, option in enumerate(options):
        parsed = parse_payload(option)
        project = parsed[1].get("project", [""])[0] if parsed else ""
        info = kb.project(project) if project else None
        if info is not None and all(re.search(rf"\b{re.escape(w)}\b", fold(info.project.name)) for w in words):
            matches.append(i)
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
    index = option_by_name(kb, q, list(options))
    index = chosen_index(q, len(options)) if index is None else index
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
