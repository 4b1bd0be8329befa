"""Where names occur in a folded question: longest first, never overlapping.

Pure functions over folded text (`knowledge.text.fold`), so "tỷ trọng kinh tế số
trong GRDP" is one digital-economy name, not that name plus "GRDP".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    key: str
    start: int  # word index in the folded question
    end: int

    @property
    def length(self) -> int:
        return self.end - self.start


NameIndex = dict[str, list[tuple[tuple[str, ...], str]]]


def name_index(names: Iterable[tuple[str, str]]) -> NameIndex:
    """(key, folded name) pairs indexed by their first word; built once per set of names."""
    index: NameIndex = {}
    for key, name in names:
        parts = tuple(name.split())
        if parts:
            index.setdefault(parts[0], []).append((parts, key))
    return index


def name_spans(folded_question: str, names: Iterable[tuple[str, str]] | NameIndex) -> list[Span]:
    """Every (key, folded name) whose words occur in the question, longest first
    among overlapping ones, returned in the order they occur."""
    words = folded_question.split()
    index = names if isinstance(names, dict) else name_index(names)
    found: list[Span] = []
    for i, word in enumerate(words):
        for parts, key in index.get(word, ()):
            if tuple(words[i:i + len(parts)]) == parts:
                found.append(Span(key, i, i + len(parts)))
    found.sort(key=lambda s: (-s.length, s.start, s.key))
    chosen: list[Span] = []
    for span in found:
        overlaps = any(span.start < c.end and c.start < span.end for c in chosen)
        if not overlaps or any(c.start == span.start and c.end == span.end for c in chosen):
            chosen.append(span)  # the same words naming two keys: keep both, the caller decides
    return sorted(chosen, key=lambda s: (s.start, s.key))


def keys_in_order(spans: Iterable[Span]) -> list[str]:
    return list(dict.fromkeys(s.key for s in spans))
