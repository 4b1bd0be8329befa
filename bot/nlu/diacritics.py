"""Restoring Vietnamese diacritics from the bot's own vocabulary.

underthesea segments words well only on accented text, and many residents type
without accents. A syllable bigram model learned from the source documents and
the knowledge names picks, for each unaccented syllable, the accented form that
best fits its neighbours (Viterbi). Syllables typed with accents are kept;
syllables the vocabulary has never seen are left as typed.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from knowledge import fold

_SYLLABLE = re.compile(r"[^\W\d_]+", re.UNICODE)
# Everyday words the documents rarely use but residents type all the time.
CONVERSATIONAL = (
    "chào bạn, cảm ơn bạn nhiều, cho tôi hỏi, cho mình hỏi, bao nhiêu, thế nào, như thế nào, "
    "là gì, ở đâu, khi nào, bao giờ, được không, có không, bạn là ai, bạn giúp gì được, "
    "tạm biệt, hẹn gặp lại, xem thêm, tiếp theo, cái thứ hai, cái đầu tiên, cái cuối, số một, "
    "còn năm nay thì sao, thế còn, kế hoạch là bao nhiêu, so với cả nước, so với kế hoạch, "
    "gấp mấy lần, tăng bao nhiêu, giảm bao nhiêu, đạt bao nhiêu, phường nào, xã nào, giờ thuộc, "
    "sau sáp nhập, địa chỉ mới, chính quyền hai cấp, hữu ích, không đúng, sai rồi, hay quá, "
    "thời tiết, bóng đá, dự án, nghị quyết, quyết định, kết luận, chỉ tiêu, tăng trưởng, "
    "bao nhiêu tiền, hết bao nhiêu tiền, phường nào, thuộc phường nào, phường lạch tray"
)


class DiacriticRestorer:
    def __init__(self, texts: Iterable[str]):
        self._unigrams: dict[str, Counter[str]] = defaultdict(Counter)
        self._bigrams: Counter[tuple[str, str]] = Counter()
        # Residents' phrasing weighs more than the documents' for everyday words.
        for text in (*texts, *([CONVERSATIONAL] * 20)):
            for sentence in re.split(r"[.,;:!?\n()\"“”]", text):
                syllables = [s.lower() for s in _SYLLABLE.findall(sentence)]
                for syllable in syllables:
                    self._unigrams[fold(syllable)][syllable] += 1
                self._bigrams.update(itertools.pairwise(syllables))
        self._left: Counter[str] = Counter()
        for (left, _), count in self._bigrams.items():
            self._left[left] += count
        self._total = sum(sum(forms.values()) for forms in self._unigrams.values()) or 1

    def known(self, syllable: str) -> bool:
        return fold(syllable) in self._unigrams

    def _count(self, folded: str) -> int:
        forms = self._unigrams.get(folded)
        return sum(forms.values()) if forms else 0

    def correct(self, syllable: str) -> str:
        """Fix a mistyped syllable the vocabulary does not know, or return it unchanged.

        Telex left-overs ("caauf", "nguyeenx", "truowngr") lose their marks; then
        one swap ("scah"), or for longer syllables one deletion, insertion or
        substitution, that turns it into a frequent known syllable.
        """
        folded = fold(syllable)
        if not folded.isalpha() or self._count(folded) or len(folded) < 3:
            return syllable
        telex = _untelex(folded)
        if telex != folded and self._count(telex):
            return telex
        candidates = _swaps(folded) if len(folded) < 4 else _edits(folded)
        known = [(self._count(c), c) for c in candidates if self._count(c) >= MIN_CORRECTION_COUNT]
        return max(known)[1] if known else syllable

    def _candidates(self, syllable: str) -> list[str]:
        lowered = syllable.lower()
        if fold(lowered) != lowered:  # typed with accents: trust the resident
            return [lowered]
        forms = self._unigrams.get(lowered)
        return [form for form, _ in forms.most_common(6)] if forms else [lowered]

    def _score(self, previous: str | None, form: str) -> float:
        """log P(form | previous): bigram counts smoothed towards the unigram."""
        unigram = (self._unigrams.get(fold(form), Counter())[form] + 0.1) / self._total
        if previous is None:
            return math.log(unigram)
        smoothing = 2.0
        return math.log((self._bigrams[(previous, form)] + smoothing * unigram) / (self._left[previous] + smoothing))

    def restore_syllables(self, syllables: list[str]) -> list[str]:
        """Best accented form of each syllable, keeping the resident's capitals."""
        if not syllables:
            return []
        lattice = [self._candidates(s) for s in syllables]
        best: list[dict[str, tuple[float, str | None]]] = [
            {form: (self._score(None, form), None) for form in lattice[0]}
        ]
        for index in range(1, len(lattice)):
            column: dict[str, tuple[float, str | None]] = {}
            for form in lattice[index]:
                column[form] = max(
                    (score + self._score(prev, form), prev) for prev, (score, _) in best[-1].items()
                )
            best.append(column)
        form = max(best[-1].items(), key=lambda item: item[1][0])[0]
        path = [form]
        for index in range(len(best) - 1, 0, -1):
            previous = best[index][path[-1]][1]
            assert previous is not None
            path.append(previous)
        path.reverse()
        return [_match_case(original, restored) for original, restored in zip(syllables, path, strict=False)]


MIN_CORRECTION_COUNT = 3
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _untelex(folded: str) -> str:
    """Drop Telex typing marks: doubled vowels, w, a trailing tone key."""
    text = re.sub(r"([sfrxj])$", "", folded) if len(folded) > 2 else folded
    text = re.sub(r"dd", "d", text)
    text = re.sub(r"([aeo])\1", r"\1", text)
    text = re.sub(r"([aou])w", r"\1", text)
    return re.sub(r"([aeiouy])[sfrxj]([a-z])", r"\1\2", text)  # tone key typed mid-word: "traix" → "trai"


def _swaps(word: str) -> set[str]:
    return {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1)}


def _edits(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    replaces = {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    inserts = {a + c + b for a, b in splits for c in _LETTERS}
    return _swaps(word) | deletes | replaces | inserts


def _match_case(original: str, restored: str) -> str:
    if original.isupper() and len(original) > 1:
        return restored.upper()
    if original[:1].isupper():
        return restored[:1].upper() + restored[1:]
    return restored
