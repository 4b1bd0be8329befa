"""Reading periods out of residents' questions: "quý 1 năm 2025", "6 thang dau nam",
"giai đoạn 2019-2023", "năm ngoái". Returns the period codes the fact files use.
"""

from __future__ import annotations

import re

from .text import fold

_YEAR = r"(20\d\d)"
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"{_YEAR}\s*(?:den|toi)?\s*(?:nam\s*)?{_YEAR}"), "range"),
    (re.compile(r"\bquy\s*(1|i|mot|dau)\b"), "Q1"),
    (re.compile(r"\bquy\s*(2|ii|hai)\b"), "Q2"),
    (re.compile(r"\bquy\s*(3|iii|ba)\b"), "Q3"),
    (re.compile(r"\bq\s*([1-4])\b"), "Qn"),
    (re.compile(r"\b(6|sau) thang( dau nam)?\b|\bnua dau nam\b|\bnua nam\b|\bdau nam\b.*\b6 thang\b"), "H1"),
    (re.compile(r"\b9 thang\b|\bchin thang\b"), "9M"),
    (re.compile(r"\b11 thang\b|\bmuoi mot thang\b"), "11M"),
)


def parse_period(text: str, default_year: int | None = None) -> str | None:
    """The period a question asks about, or None when it names none.

    A part of a year without the year ("6 tháng đầu năm") takes `default_year`.
    """
    folded = fold(text)
    for pattern, kind in _PATTERNS:
        match = pattern.search(folded)
        if not match:
            continue
        if kind == "range":
            return f"{match.group(1)}-{match.group(2)}"
        year = _year(folded) or default_year
        if year is None:
            return None
        part = f"Q{match.group(1)}" if kind == "Qn" else kind
        return f"{year}-{part}"
    year = _year(folded)
    return str(year) if year else None


def _year(folded: str) -> int | None:
    match = re.search(rf"\b{_YEAR}\b", folded)
    if match:
        return int(match.group(1))
    short = re.search(r"\bnam\s*(2[0-9])\b", folded)  # "năm 24"
    return 2000 + int(short.group(1)) if short else None


def parse_years(text: str) -> list[str]:
    return re.findall(rf"\b{_YEAR}\b", fold(text))
