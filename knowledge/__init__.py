"""The Hải Phòng knowledge base: curated facts with their sources, and the query API.

Knows nothing of Rasa. Build with `python -m knowledge build`. This module is the front
door: code outside the package (the actions and the bot) imports only the names listed here.
"""

from .about import About, Reorganisation, about_of, load_about, reorganisation_of
from .address import DistrictChange, other_province, unit_folded
from .errors import FactFileError, FeedbackUnavailable, KnowledgeUnavailable, Problem
from .feedback import FeedbackStore
from .loader import document_texts, load_documents
from .matching import answer_score, question_words
from .numbers import format_number, parse_value
from .passages import Passage, citation
from .periods import RELATIVE_YEAR_WORDS, parse_period, parse_periods, period_since
from .privacy import log_tag
from .query import (
    AddressMatch,
    AddressResult,
    AnswerInfo,
    Comparison,
    KnowledgeBase,
    PolicyInfo,
    ProjectInfo,
    Value,
    most_specific,
    period_sort_key,
)
from .records import Document, Indicator, Policy
from .search_index import STOP_WORDS, query_terms
from .settings import current_settings
from .spelling import undouble, with_names
from .steering import without_steering
from .teencode import TEENCODE, as_spoken, expand_keeping_marks
from .teencode import expand as expand_teencode
from .teencode import expand_phrase as expand_teencode_phrase
from .text import fold, fold_aligned, strip_diacritics

__all__ = [
    "RELATIVE_YEAR_WORDS",
    "STOP_WORDS",
    "TEENCODE",
    "About",
    "AddressMatch",
    "AddressResult",
    "AnswerInfo",
    "Comparison",
    "DistrictChange",
    "Document",
    "FactFileError",
    "FeedbackStore",
    "FeedbackUnavailable",
    "Indicator",
    "KnowledgeBase",
    "KnowledgeUnavailable",
    "Passage",
    "Policy",
    "PolicyInfo",
    "Problem",
    "ProjectInfo",
    "Reorganisation",
    "Value",
    "about_of",
    "answer_score",
    "as_spoken",
    "citation",
    "current_settings",
    "document_texts",
    "expand_keeping_marks",
    "expand_teencode",
    "expand_teencode_phrase",
    "fold",
    "fold_aligned",
    "format_number",
    "load_about",
    "load_documents",
    "log_tag",
    "most_specific",
    "other_province",
    "parse_period",
    "parse_periods",
    "parse_value",
    "period_since",
    "period_sort_key",
    "query_terms",
    "question_words",
    "reorganisation_of",
    "strip_diacritics",
    "undouble",
    "unit_folded",
    "with_names",
    "without_steering",
]
