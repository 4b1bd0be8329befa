"""Finding entities by name in what residents type, with or without diacritics.

Names are matched on folded syllables of the normalized text (teencode already
expanded), longest first, and reported with offsets into the original text.
Years and periods are read by pattern.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from knowledge import fold, parse_period, undouble

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
    typed: tuple[str, ...]  # each syllable as typed, tone marks kept ("" where a token became several words)

    @classmethod
    def of(cls, text: str) -> _Syllables:
        words: list[str] = []
        spans: list[tuple[int, int]] = []
        typed: list[str] = []
        for word in normalize(text, restore=False, segment=False):
            syllables = fold(undouble(word.standard)).split()  # "Cát Bii": a last letter typed twice
            as_typed = unicodedata.normalize("NFC", text[word.start:word.end]).lower()
            for syllable in syllables:
                words.append(syllable)
                spans.append((word.start, word.end))
                typed.append(as_typed if len(syllables) == 1 else "")
        return cls(tuple(words), tuple(spans), tuple(typed))


BARE = "_bare"  # suffix of place names typed without "phường/xã/quận/huyện"
PLACE_ENTITIES = ("old_unit", "old_district", "old_unit_bare", "old_district_bare")
# Words that make a bare place name ("Lê Chân") an old unit to convert.
ADDRESS_CUES = re.compile(
    r"\b(?:gio thuoc|bay gio thuoc|thuoc phuong|thuoc xa|phuong nao|xa nao|sap nhap|sat nhap|sap xep|"
    r"dia chi|doi ten|ten moi|don vi moi|nay la|gio la|bay gio la|thanh phuong|thanh xa|cu)\b"
)
# When one span names two kinds of thing, the first kind listed wins.
SPAN_PRIORITY = ("project", "indicator", "policy", "old_unit", "old_district", "old_unit_bare", "old_district_bare")
_NUMBER_WORDS = {"mot": "1", "hai": "2", "ba": "3", "bon": "4", "tu": "4", "nam": "5", "sau": "6",
                 "bay": "7", "tam": "8", "chin": "9", "nhat": "1", "dau": "1", "dau tien": "1"}
_OPTION = re.compile(
    r"\b(?:cai|so|muc|phuong an|lua chon|chon|cau|y|du an|van ban|dong|thu)\s+(?:thu\s+)?"
    r"(\d|mot|hai|ba|bon|tu|nam|sau|bay|tam|chin|nhat|dau tien|dau)\b"
    r"|\b(?:cuoi cung|cai cuoi|sau cung|muc cuoi|cuoi)\b"
)
MAX_OPTION_WORDS = 6  # "cái thứ hai", not "bến cảng số 3 đến số 6 dài bao nhiêu"
_EMOJI_RATINGS = {"👍": "up", "👎": "down", "❤️": "up", "😡": "down"}


class EntityMatcher:
    def __init__(self, entries: Iterable[tuple[str, str, str]], parents: dict[str, str] | None = None,
                 key_projects: set[str] | None = None):
        """`entries`: (entity, canonical value, surface form) triples; `parents`: indicator → parent;
        `key_projects`: ids that win over other projects named in the same message."""
        self._parents = parents or {}
        self._key_projects = key_projects or set()
        index: dict[str, set[tuple[tuple[str, ...], str, str]]] = {}
        # the tone-marked syllables of the places' names: "có bị" typed with its marks is no "Cổ Bì"
        self._marked: dict[str, set[tuple[str, ...]]] = {}
        for entity, value, surface in entries:
            words = tuple(fold(surface).split())
            if words:
                index.setdefault(words[0], set()).add((words, entity, value))
                if entity in PLACE_ENTITIES and fold(surface) != surface.lower():  # "Xã Cổ Bì": the name's marks
                    marked = unicodedata.normalize("NFC", surface).lower().split()[-len(value.split()):]
                    self._marked.setdefault(value, set()).add(tuple(marked))
        self._index = {
            first: sorted(options, key=lambda option: (-len(option[0]), option[1], option[2]))
            for first, options in index.items()
        }

    def _name_matches(self, syl: _Syllables) -> list[tuple[int, int, str, str]]:
        found = []
        for i, word in enumerate(syl.words):
            for words, entity, value in self._index.get(word, ()):
                if syl.words[i:i + len(words)] == words and not (
                        entity in PLACE_ENTITIES and self._marked_otherwise(syl.typed[i + len(words) - len(value.split()):
                                                                                      i + len(words)], value)):
                    found.append((i, i + len(words), entity, value))
        return found

    def _marked_otherwise(self, typed: tuple[str, ...], value: str) -> bool:
        """A place's name typed with other tone marks on two syllables or more ("xã có bị" for Cổ Bì):
        words of the question, not the place (one wrong mark is a slip: "Lạch Trây")."""
        surfaces = self._marked.get(value)
        if not surfaces:
            return False

        def differ(marked: tuple[str, ...]) -> int:
            return sum(1 for t, m in zip(typed, marked, strict=True) if t and t != fold(t) and t != m)
        return min((differ(marked) for marked in surfaces if len(marked) == len(typed)), default=0) >= 2

    def find(self, text: str) -> list[Found]:
        syl = _Syllables.of(text)
        results = [Found("rating", value, i, i + len(emoji), emoji)
                   for emoji, value in _EMOJI_RATINGS.items() if (i := text.find(emoji)) >= 0]
        if not syl.words:
            return results
        candidates = self._name_matches(syl) + _years(syl) + _period(syl) + _options(syl)
        # Longest spans win, then the kind of thing that matters more for the same span.
        candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0], _priority(c[2]), c[3] not in self._key_projects, c[3]))
        chosen: list[tuple[int, int, str, str]] = []
        for start, end, entity, value in candidates:
            if not any(start < t_end and t_start < end for t_start, t_end, _, _ in chosen):
                chosen.append((start, end, entity, value))
        chosen = self._in_context(chosen, " ".join(syl.words))
        chosen.sort(key=lambda c: (c[0], c[2]))
        for start, end, entity, value in chosen:
            char_start, char_end = syl.spans[start][0], syl.spans[end - 1][1]
            results.append(Found(entity, value, char_start, char_end, text[char_start:char_end]))
        return results

    def _in_context(self, chosen: list[tuple[int, int, str, str]], folded: str) -> list[tuple[int, int, str, str]]:
        """Rules that need the whole message: bare place names, sub-rows over parents."""
        has_unit = any(c[2] in ("old_unit", "old_district") for c in chosen)
        keep_bare = has_unit or bool(ADDRESS_CUES.search(folded))
        named = {c[3] for c in chosen if c[2] == "indicator"}
        parents_named = {self._parents.get(code) for code in named}
        key_named = any(c[2] == "project" and c[3] in self._key_projects for c in chosen)
        result = []
        for start, end, entity, value in chosen:
            if entity.endswith(BARE):
                if not keep_bare:
                    continue
                entity = entity.removesuffix(BARE)
            if entity == "indicator" and value in parents_named:
                continue  # "tăng trưởng dịch vụ": the sector, not overall growth
            if entity == "project" and key_named and value not in self._key_projects:
                continue  # a key project named in full beats a news item about the same area
            result.append((start, end, entity, value))
        return result


def _priority(entity: str) -> int:
    return SPAN_PRIORITY.index(entity) if entity in SPAN_PRIORITY else len(SPAN_PRIORITY)


def _options(syl: _Syllables) -> list[tuple[int, int, str, str]]:
    """"cái thứ hai", "số 3", "phương án 2", "cái cuối": only in short replies."""
    if len(syl.words) > MAX_OPTION_WORDS:
        return []
    folded = " ".join(syl.words)
    match = _OPTION.search(folded)
    if not match:
        if len(syl.words) == 1 and syl.words[0].isdigit():
            return [(0, 1, "option", syl.words[0])]
        return []
    value = "last" if match.group(1) is None else _NUMBER_WORDS.get(match.group(1), match.group(1))
    first = folded[:match.start()].count(" ")
    return [(first, first + match.group().count(" ") + 1, "option", value)]


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
    r"|nua\s+dau(?:\s+nam)?|nua\s+nam|9\s+thang|chin\s+thang|11\s+thang|giai\s+doan|20\d\d\s+(?:den\s+)?20\d\d)\b"
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
