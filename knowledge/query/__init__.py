"""The query API the actions use: facts with their sources, never SQL.

One class, `KnowledgeBase`, assembled from one part per topic over a shared `Store`
(engine, short connections, cached tables); matching and scoring are pure functions in
`knowledge.matching`. Every call opens one short connection; nothing is created at import.
Calls are blocking, so async callers run them in a thread (`asyncio.to_thread`).
"""

from __future__ import annotations

from .curated import AnswerInfo, CuratedQueries
from .government import AddressMatch, AddressResult, DistrictAnswer, GovernmentQueries, NewUnit
from .indicators import (
    Comparison,
    IndicatorQueries,
    Value,
    most_specific,
    period_sort_key,
    periods_covering,
    same_territory,
)
from .names import NameQueries
from .policies import PolicyInfo, PolicyQueries
from .projects import ProjectInfo, ProjectQueries
from .search import SearchQueries
from .store import REBUILD_HINT


class KnowledgeBase(NameQueries, IndicatorQueries, ProjectQueries, PolicyQueries, CuratedQueries, GovernmentQueries,
                    SearchQueries):
    """Read-only access to the built knowledge database (SQLite or PostgreSQL)."""


__all__ = [
    "REBUILD_HINT", "AddressMatch", "AddressResult", "AnswerInfo", "Comparison", "DistrictAnswer",
    "KnowledgeBase", "NewUnit", "PolicyInfo", "ProjectInfo", "Value",
    "most_specific", "period_sort_key", "periods_covering", "same_territory",
]
