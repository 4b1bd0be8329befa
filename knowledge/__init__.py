"""The Hải Phòng knowledge base: curated facts with their sources, and the query API.

Knows nothing of Rasa. Build with `python -m knowledge build`.
"""

from .api import AddressResult, Comparison, KnowledgeBase, ProjectInfo, Value
from .errors import FactFileError, KnowledgeUnavailable, Problem
from .passages import Passage

__all__ = [
    "AddressResult", "Comparison", "FactFileError", "KnowledgeBase", "KnowledgeUnavailable",
    "Passage", "Problem", "ProjectInfo", "Value",
]
