"""Finding entities by name in what residents type, with or without diacritics.

Names are matched on folded syllables of the normalized text (teencode already
expanded), longest first, and reported with offsets into the original text.
Years and periods are read by pattern.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from knowledge.periods import parse_period
from knowledge.text import fold

from .normalizer import normalize

YEAR_MIN, YEAR_MAX = 2010, 2050


@dataclass(frozen=True)
class Found:
    entity: str
    value: str
    start: int
    end: int
    text: str

    def as_rasa(self) -> dict[str, Any]:
        return {"entity": self.entity, "value": self.value, "start": self.start, "end": self.end,
                "confidence_entity": 1.0}


@dataclass(frozen=True)
class _Syllables:
    """The folded syllables of a message and the original span of each."""

    words: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]

    @classmethod
    def of(cls, text: str) -> _Syllables:
        words: list[str] = []
        spans: list[tuple[int, int]] = []
        for word in normalize(text, restore=False, segment=False):
            for syllable in fold(word.standard).split():
                words.append(syllable)
                spans.append((word.start, word.end))
        return cls(tuple(words), tuple(spans))


class EntityMatcher:
    def __init__(self, entries: Iterable[tuple[str, str, str]]):
        """`entries`: (entity, canonical value, surface form) triples."""
        index: dict[str, set[tuple[tuple[str, ...], str, str]]] = {}
        for entity, value, surface in entries:
            words = tuple(fold(surface).split())
            if words:
                index.setdefault(words[0], set()).add((words, entity, value))
        self._index = {
            first: sorted(options, key=lambda option: (-len(option[0]), option[1], option[2]))
            for first, options in index.items()
        }

    def _name_matches(self, syl: _Syllables) -> list[tuple[int, int, str, str]]:
        found = []
        for i, word in enumerate(syl.words):
            for words, entity, value in self._index.get(word, ()):
                if syl.words[i:i + len(words)] == words:
                    found.append((i, i + len(words), entity, value))
        return found

    def find(self, text: str) -> list[Found]:
        syl = _Syllables.of(text)
        if not syl.words:
            return []
        candidates = self._name_matches(syl) + _years(syl) + _period(syl)
        # Longest spans win; one span may carry several entity types ("Tiên Lãng":
        # an old district and part of a project name), never two values of one type.
        candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0], c[2], c[3]))
        taken: list[tuple[int, int, str]] = []
        chosen: list[tuple[int, int, str, str]] = []
        for start, end, entity, value in candidates:
            clash = any(
                start < t_end and t_start < end and not (start == t_start and end == t_end and entity != t_entity)
                for t_start, t_end, t_entity in taken
            )
            if not clash:
                taken.append((start, end, entity))
                chosen.append((start, end, entity, value))
        chosen.sort(key=lambda c: (c[0], c[2]))
        results = []
        for start, end, entity, value in chosen:
            char_start, char_end = syl.spans[start][0], syl.spans[end - 1][1]
            results.append(Found(entity, value, char_start, char_end, text[char_start:char_end]))
        return results


def _years(syl: _Syllables) -> list[tuple[int, int, str, str]]:
    found = []
    for i, word in enumerate(syl.words):
        if re.fullmatch(r"20\d\d", word) and YEAR_MIN <= int(word) <= YEAR_MAX:
            found.append((i, i + 1, "year", word))
        elif word == "nam" and i + 1 < len(syl.words) and re.fullmatch(r"2\d", syl.words[i + 1]):
            found.append((i, i + 2, "year", f"20{syl.words[i + 1]}"))
    return found


_PERIOD_WORDS = re.compile(
    r"\b(?:quy\s+(?:1|i|mot|dau|2|ii|hai|3|iii|ba|4|iv|bon)|q[1-4]|(?:6|sau)\s+thang(?:\s+dau(?:\s+nam)?)?"
    r"|nua\s+dau\s+nam|nua\s+nam|9\s+thang|chin\s+thang|11\s+thang|giai\s+doan|20\d\d\s+(?:den\s+)?20\d\d)\b"
)


def _period(syl: _Syllables) -> list[tuple[int, int, str, str]]:
    """A part of a year or a span of years; the year itself is a separate entity."""
    folded = " ".join(syl.words)
    code = parse_period(folded)
    match = _PERIOD_WORDS.search(folded)
    if not code or not match or re.fullmatch(r"\d{4}", code):
        return []
    first = folded[:match.start()].count(" ")
    last = first + match.group().count(" ") + 1
    if re.fullmatch(r"\d{4}-\d{4}", code):
        # "giai đoạn 2019-2023": the span covers both years
        years = [i for i, w in enumerate(syl.words) if w in code.split("-")]
        first, last = min([first, *years]), max([last, *(y + 1 for y in years)])
    return [(first, last, "period", code)]
