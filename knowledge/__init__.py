"""The Hải Phòng knowledge base: curated facts with their sources, and the query API.

Knows nothing of Rasa. Build with `python -m knowledge build`.
"""

from .about import About, Reorganisation, about_of, reorganisation_of
from .api import AddressResult, Comparison, KnowledgeBase, ProjectInfo, Value
from .errors import FactFileError, KnowledgeUnavailable, Problem
from .passages import Passage

__all__ = [
    "About",
    "AddressResult",
    "Comparison",
    "FactFileError",
    "KnowledgeBase",
    "KnowledgeUnavailable",
    "Passage",
    "Problem",
    "ProjectInfo",
    "Reorganisation",
    "Value",
    "about_of",
    "reorganisation_of",
]
