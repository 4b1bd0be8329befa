"""Answer by what the question names when the intent alone would miss it.

The classifier may call "FDI của HP?" a vision question; a named indicator,
project, policy or old unit is a stronger signal than a low-confidence topic.
"""

from __future__ import annotations

from collections.abc import Callable

from knowledge import KnowledgeBase

from .query import Query, Reply

Topic = Callable[[KnowledgeBase, Query], Reply]


def by_entities(kb: KnowledgeBase, q: Query) -> Topic | None:
    from .government import convert_address
    from .indicators import answer_indicator, compare_indicator
    from .policies import answer_policy
    from .projects import answer_project

    if q.first("old_unit"):
        return convert_address
    if q.first("policy"):
        return answer_policy
    if q.first("project"):
        return answer_project
    if q.first("indicator"):
        return compare_indicator if q.first("comparison") else answer_indicator
    return None
