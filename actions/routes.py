"""Which topic function answers which intent, for buttons, follow-ups and paging."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from knowledge import KnowledgeBase

from .curated import answer_government, answer_theme, answer_vision
from .government import convert_address
from .indicators import answer_indicator, compare_indicator, list_indicators
from .policies import answer_policy
from .projects import answer_project, list_projects
from .query import Query, Reply

Topic = Callable[[KnowledgeBase, Query], Reply]

ROUTES: dict[str, Topic] = {
    "ask_indicator": answer_indicator,
    "ask_comparison": compare_indicator,
    "list_indicators": list_indicators,
    "ask_project": answer_project,
    "list_projects": list_projects,
    "ask_policy": answer_policy,
    "ask_government": answer_government,
    "convert_address": convert_address,
    "ask_theme": answer_theme,
    "ask_vision": answer_vision,
}
PAGED = {"list_indicators": list_indicators, "list_projects": list_projects}
_PAYLOAD = re.compile(r"^/(\w+)(\{.*\})?$", re.DOTALL)


def parse_payload(payload: str) -> tuple[str, dict[str, list[str]]] | None:
    """'/ask_project{"project": "x"}' → ("ask_project", {"project": ["x"]})."""
    match = _PAYLOAD.match(payload.strip())
    if not match:
        return None
    try:
        raw = json.loads(match.group(2)) if match.group(2) else {}
    except json.JSONDecodeError:
        return None
    if not isinstance(raw, dict):
        return None
    return match.group(1), {str(k): [str(v)] for k, v in raw.items()}


def query_from_payload(payload: str, context: Query) -> tuple[str, Query] | None:
    parsed = parse_payload(payload)
    if parsed is None:
        return None
    intent, entities = parsed
    return intent, Query(text=payload, intent=intent, entities=entities, slots=context.slots)
