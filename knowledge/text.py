"""Vietnamese text helpers shared by the knowledge layer and the bot.

Residents often type without diacritics, so every lookup compares *folded* text:
lower case, no tone or vowel marks, đ → d, runs of non-word characters → one space.
"""

from __future__ import annotations

import functools
import re
import unicodedata

_MARKDOWN = re.compile(r"\*+")
_SPACE = re.compile(r"\s+")
_NON_WORD = re.compile(r"[^\w]+")


def normalize_space(text: str) -> str:
    """Fold runs of white space into one space and trim."""
    return _SPACE.sub(" ", text).strip()


def normalize_quote(text: str) -> str:
    """The form in which quotes are compared with their source text.

    Whitespace is folded and Markdown emphasis markers dropped: the sources carry
    `**bold**` from their conversion, which is formatting, not wording.
    """
    return normalize_space(_MARKDOWN.sub("", unicodedata.normalize("NFC", text)))


def strip_diacritics(text: str) -> str:
    """Remove Vietnamese tone and vowel marks, keeping case (đ → d, Đ → D)."""
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return unicodedata.normalize("NFC", bare.replace("đ", "d").replace("Đ", "D"))


# Matching folds the same stored names, questions and answers for every question a
# resident asks (about 1 ms of each action call); the cache holds them folded.
@functools.lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Lower-case, diacritic-free, punctuation-free form used for matching."""
    return normalize_space(_NON_WORD.sub(" ", strip_diacritics(text).lower()).replace("_", " "))


def tokens(text: str) -> list[str]:
    return fold(text).split()


def fold_char(ch: str) -> str:
    """One character folded to one character: base letter, lower case; others → space."""
    if ch in "đĐ":
        return "d"
    base = unicodedata.normalize("NFD", ch)[0].lower()[:1]
    return base if (base.isalnum() or base == "_") else " "


@functools.lru_cache(maxsize=1024)  # address lookups align the same question for every unit name
def fold_aligned(text: str) -> str:
    """Like `fold`, but keeps every character's position: result[i] comes from text[i].

    Entity extractors match on this form and report offsets into the original.
    """
    return "".join(fold_char(ch) for ch in text)


def fold_keeping_marks(text: str) -> str:
    """Like `fold_aligned`, but punctuation stays as typed ("Ngoài lề chút, …": the comma ends the clause);
    result[i] still comes from text[i]."""
    return "".join(fold_char(ch) if ch.isalnum() else ch for ch in text)
