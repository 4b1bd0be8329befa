"""Follow-ups, choices among offered options, and "xem thêm"."""

from __future__ import annotations

import re

from knowledge import KnowledgeBase

from .base import TopicAction
from .fallback import answer_unknown
from .query import Query, Reply
from .routes import PAGED, ROUTES, query_from_payload

# What the previous answer was about → who answers a follow-up about it.
FOLLOWUP_BY_TOPIC = {
    "indicator": "ask_indicator", "project": "ask_project", "policy": "ask_policy",
    "address": "convert_address", "government": "ask_government", "theme": "ask_theme",
    "vision": "ask_vision", "list": "list_indicators", "project_list": "list_projects",
}


def answer_followup(kb: KnowledgeBase, q: Query) -> Reply:
    """A short question leaning on the last answer: "còn năm 2025?", "so với cả nước?"."""
    if q.first("project"):
        return ROUTES["ask_project"](kb, q)
    if q.first("policy"):
        return ROUTES["ask_policy"](kb, q)
    if q.first("indicator") or q.slots.get("topic") == "indicator":
        if q.first("comparison"):
            return ROUTES["ask_comparison"](kb, q)
        return ROUTES["ask_indicator"](kb, q)
    intent = FOLLOWUP_BY_TOPIC.get(q.slots.get("topic") or "")
    if intent is None:
        return answer_unknown(kb, q)  # nothing to lean on: treat it as a question of its own
    return ROUTES[intent](kb, q)


def chosen_index(q: Query, count: int) -> int | None:
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
        return answer_unknown(kb, q)
    routed = query_from_payload(options[index], q)
    if routed is None or routed[0] not in ROUTES:
        return answer_unknown(kb, q)
    intent, chosen = routed
    return ROUTES[intent](kb, chosen)


def answer_more(kb: KnowledgeBase, q: Query) -> Reply:
    payload, page = q.slots.get("page_query"), q.slots.get("page")
    routed = query_from_payload(payload, q) if payload else None
    if routed is None or routed[0] not in PAGED:
        return Reply().say("Không còn mục nào để xem thêm. Bạn muốn hỏi gì tiếp?")
    intent, query = routed
    return PAGED[intent](kb, query, int(page or 1))


class ActionFollowup(TopicAction, action="action_followup", topic=answer_followup):
    ...


class ActionChooseOption(TopicAction, action="action_choose_option", topic=answer_choice):
    ...


class ActionShowMore(TopicAction, action="action_show_more", topic=answer_more):
    ...
