"""The one shared knowledge base of the action server, created on first use."""

from __future__ import annotations

from knowledge import KnowledgeBase

_shared: KnowledgeBase | None = None


def shared_knowledge_base() -> KnowledgeBase:
    global _shared
    if _shared is None:
        _shared = KnowledgeBase()
    return _shared
