"""Abbreviations and teencode residents type: the table lives in the knowledge layer
(`knowledge.teencode`), which the question normalizer shares with the NLU."""

from __future__ import annotations

from knowledge import TEENCODE
from knowledge import expand_teencode as expand
from knowledge import expand_teencode_phrase as expand_phrase

__all__ = ["TEENCODE", "expand", "expand_phrase"]
