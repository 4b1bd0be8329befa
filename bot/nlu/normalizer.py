"""From what a resident typed to standard Vietnamese words, keeping every offset.

Steps: split into pieces (words, numbers such as 1.276,29 or 11,01%, document
numbers such as 226/2025/QH15, URLs; emoji and punctuation are dropped); expand
teencode; restore diacritics on unaccented syllables; segment each run of
syllables into words with underthesea. Each resulting word remembers the span of
the original text it came from, so entity offsets stay right.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from knowledge import document_texts, fold

from .diacritics import DiacriticRestorer
from .teencode import expand, expand_phrase

MAX_CHARS = 5000  # longer messages are cut: no resident question needs more
_PIECE = re.compile(r"https?://\S+|www\.\S+|\w+(?:[./,:%-]\w+)*%?", re.UNICODE)
_LETTERS = re.compile(r"[^\W\d_]+", re.UNICODE)


@dataclass(frozen=True)
class Word:
    """One normalized word and the span of the original text it stands for."""

    start: int
    end: int
    standard: str  # accented standard form, syllables separated by spaces

    @property
    def lemma(self) -> str:
        """Diacritic-free form, syllables joined by "_" so featurizers keep compounds."""
        return "_".join(fold(self.standard).split()) or self.standard.lower()


@lru_cache(maxsize=1)
def default_restorer() -> DiacriticRestorer:
    return DiacriticRestorer(document_texts())


def _phrase_at(text: str, pieces: list[re.Match[str]], folded: list[str], k: int) -> tuple[str, int] | None:
    """The abbreviation phrase of several words starting at piece `k`, if its words are letters
    typed with nothing but spaces between them."""
    phrase = expand_phrase(folded, k)
    if phrase is None or phrase[1] < 2:
        return None
    spanned = pieces[k:k + phrase[1]]
    if not all(_LETTERS.fullmatch(m.group()) for m in spanned) or any(
            text[a.end():b.start()].strip() for a, b in pairwise(spanned)):
        return None
    return phrase


def _segment(syllables: list[str]) -> list[int]:
    """How many syllables each word has, by underthesea; one each if it disagrees."""
    from underthesea import word_tokenize  # imported lazily: it loads a model

    words = word_tokenize(" ".join(syllables))
    sizes = [len(word.split()) for word in words]
    return sizes if sum(sizes) == len(syllables) else [1] * len(syllables)


def normalize(text: str, restore: bool = True, segment: bool = True) -> list[Word]:
    text = unicodedata.normalize("NFC", text or "")[:MAX_CHARS]
    # (start, end, standard syllables); runs of letter pieces are restored/segmented together
    restorer_for_spelling = default_restorer()
    runs: list[list[tuple[int, int, str]]] = [[]]
    words: list[Word] = []
    ordered: list[Word | list[tuple[int, int, str]]] = []
    last_end = 0
    pieces = list(_PIECE.finditer(text))
    folded = [fold(match.group()) for match in pieces]
    skip = 0
    for k, match in enumerate(pieces):
        if skip:
            skip -= 1
            continue
        piece = match.group()
        if runs[-1] and text[last_end:match.start()].strip():
            # punctuation between two words ends a phrase: never join across it
            ordered.append(runs[-1])
            runs.append([])
        last_end = match.end()
        if (phrase := _phrase_at(text, pieces, folded, k)) is not None:
            # "nghe ns" is "nghe nói", "so với kh" the plan: read by the words that follow, as the
            # knowledge layer reads the question (`expand_phrase`); one token for the words it spans
            standard, size = phrase
            end = pieces[k + size - 1].end()
            for syllable in standard.split():
                runs[-1].append((match.start(), end, syllable))
            skip, last_end = size - 1, end
            continue
        if _LETTERS.fullmatch(piece) or expand(piece):
            standard = expand(piece) or expand(restorer_for_spelling.correct(piece)) or restorer_for_spelling.correct(piece)
            for syllable in standard.split():
                runs[-1].append((match.start(), match.end(), syllable))
            continue
        if runs[-1]:
            ordered.append(runs[-1])
            runs.append([])
        ordered.append(Word(match.start(), match.end(), piece))
    if runs[-1]:
        ordered.append(runs[-1])
    restorer = default_restorer() if restore else None
    for item in ordered:
        if isinstance(item, Word):
            words.append(item)
            continue
        syllables = [syllable for _, _, syllable in item]
        if restorer is not None:
            syllables = restorer.restore_syllables(syllables)
        sizes = _segment(syllables) if segment else [1] * len(syllables)
        position = 0
        for size in sizes:
            chunk = item[position:position + size]
            standard = " ".join(syllables[position:position + size])
            position += size
            start, end = chunk[0][0], chunk[-1][1]
            if words and words[-1].start == start and words[-1].end == end:
                # two words from one typed token ("bn" → "bao nhiêu"): keep one token
                previous = words.pop()
                standard = f"{previous.standard} {standard}"
            words.append(Word(start, end, standard))
    return words
