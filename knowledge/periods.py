"""Reading periods out of residents' questions: "quý 1 năm 2025", "6 thang dau nam",
"giai đoạn 2019-2023", "năm ngoái". Returns the period codes the fact files use.
"""

from __future__ import annotations

import re
from datetime import date

from .text import fold

# "năm nay" is the calendar year the resident asks in, not the documents' year:
# a question about 2026 must meet "no data for 2026", never 2025 figures.
_RELATIVE_YEARS = (("nam nay", 0), ("nam ngoai", -1), ("nam truoc", -1), ("nam sau", 1), ("nam toi", 1))
# ... except where the conversation is already at that year: "còn năm ngoái?" just after a figure
# of 2025 contrasts with it, so it is 2024 (the resident would not ask the same year again).
_BACKWARD = frozenset(w for w, offset in _RELATIVE_YEARS if offset < 0)
# "còn năm trước?" is always the year before the one just discussed, "năm sau" the year after it
_BEFORE_THE_ONE_DISCUSSED = frozenset({"nam truoc"})
_AFTER_THE_ONE_DISCUSSED = frozenset({"nam sau"})
# "cả năm sau hợp nhất" is the year after the merger, not next year
_NOT_RELATIVE = r"(?!\s+(?:hn|hop nhat|sap nhap|sat nhap|khi)\b)"
RELATIVE_YEAR_WORDS = re.compile(r"\b(?:" + "|".join(w for w, _ in _RELATIVE_YEARS) + r")\b" + _NOT_RELATIVE)

_YEAR = r"(20\d\d)"
# "năm ngoái 2024": the year written wins over the resident's reckoning
_RELATIVE_THEN_WRITTEN = re.compile(rf"\b(?:{'|'.join(w for w, _ in _RELATIVE_YEARS)})\s+(?:nam\s+)?{_YEAR}\b")
# "giá so sánh 2010": the base year of the prices, not a period asked
_BASE_YEAR = re.compile(r"\bgia so sanh(?: nam)? 20\d\d\b")
# The parts of a year a question may name, and their period codes ("Qn": the quarter's number).
_PART_WORDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bqu[yi]\s*(1|i|mot|dau)\b|\bqi\b|\b(?:3|ba)\s*(?:thang|th)\s*dau\b"), "Q1"),
    (re.compile(r"\bqu[yi]\s*(2|ii|hai)\b"), "Q2"),  # "quí": the older spelling
    (re.compile(r"\bqu[yi]\s*(3|iii|ba)\b"), "Q3"),
    (re.compile(r"\bqu[yi]\s*(4|iv|bon|cuoi)\b"), "Q4"),
    (re.compile(r"\bq\s*([1-4])\b"), "Qn"),
    # "6thang", "6 th đầu năm", "6t đầu năm" as residents type them
    (re.compile(r"\b(?:6|sau)\s*thang(?: dau(?: nam)?)?\b|\b6\s*(?:th|t)\s+dau\b|\bnua dau(?: nam)?\b|\bnua nam\b"
                r"|\bdau nam\b.*\b6 thang\b"), "H1"),
    (re.compile(r"\b(?:9|chin) thang\b|\b30 0?9\b"), "9M"),  # "đến 30/9/2024": nine months
    (re.compile(r"\b(?:11|muoi mot) thang\b"), "11M"),
)
# "quý 1/25", "q1/25", "6 tháng đầu năm 25", "năm 24": a two-digit year where only a year can stand
_TWO_DIGIT_YEAR = re.compile(r"\b(nam|qu[yi]\s*(?:[1-4]|iv|i{1,3})|q\s*[1-4]|(?:6|9|sau|chin)\s*(?:thang|th|t)"
                             r"(?:\s*dau)?(?:\s*nam)?)\s+(1[5-9]|2\d)\b")


def _full_years(folded: str) -> str:
    return _TWO_DIGIT_YEAR.sub(lambda m: f"{m.group(1)} 20{m.group(2)}", folded)


_RANGE = re.compile(rf"{_YEAR}\s*(?:den|toi)?\s*(?:nam\s*)?{_YEAR}")
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = ((_RANGE, "range"), *_PART_WORDS)


# The span a document counts from an event it names: the briefing of the General Secretary's visit (003),
# "Từ khi có Nghị quyết 45 của Bộ Chính trị (24/1/2019), giai đoạn 2019-2023, tăng trưởng kinh tế bình quân …"
_SINCE = ((re.compile(r"\b(?:tu khi co|tu khi ban hanh|ke tu|sau khi co|tu) (?:nghi quyet|nq) (?:so )?45\b"), "2019-2023"),)


def period_since(folded: str) -> str | None:
    """The period a question names by what it began with ("từ khi có nq 45"), as the documents count it."""
    return next((period for pattern, period in _SINCE if pattern.search(folded)), None)


def parse_period(text: str, default_year: int | None = None) -> str | None:
    """The period a question asks about, or None when it names none.

    A part of a year without the year ("6 tháng đầu năm") takes `default_year`.
    """
    folded = _full_years(fold(text))
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


def _absolute_years(folded: str, today: date | None = None, context_year: int | None = None) -> str:
    """"quý 1 năm nay" anchors the quarter to this year, as "quý 1 năm 2026" would."""
    year = (today or date.today()).year
    offsets = dict(_RELATIVE_YEARS)

    def absolute(words: str) -> str:
        meant = year + offsets[words]
        if words in _BACKWARD and context_year and (meant == context_year or words in _BEFORE_THE_ONE_DISCUSSED):
            meant = context_year - 1
        elif words in _AFTER_THE_ONE_DISCUSSED and context_year:
            meant = context_year + 1  # "năm sau thì mục tiêu bao nhiêu?" after 2024's growth: 2025
        return f"nam {meant}"
    folded = _RELATIVE_THEN_WRITTEN.sub(lambda m: m.group(1), folded)

    def replaced(m: re.Match[str]) -> str:
        if m.group(0) in _BEFORE_THE_ONE_DISCUSSED and _COMPARED.search(folded[:m.start()]):
            return m.group(0)  # "so với năm trước": a comparison, not a period asked
        return absolute(m.group(0))
    return RELATIVE_YEAR_WORDS.sub(replaced, folded)


_COMPARED = re.compile(r"\b(?:so voi|voi|hon|so)\s*$")


def _year(folded: str, today: date | None = None) -> int | None:
    match = re.search(rf"\b{_YEAR}\b", folded)
    if match:
        return int(match.group(1))
    short = re.search(r"\bnam\s*(2[0-9])\b", folded)  # "năm 24"
    if short:
        return 2000 + int(short.group(1))
    for words, offset in _RELATIVE_YEARS:
        if re.search(rf"\b{words}\b{_NOT_RELATIVE}", folded):
            return (today or date.today()).year + offset
    return None


def parse_periods(text: str, default_year: int | None = None) -> list[str]:
    """Every period a question names, in order: "quý I và 6 tháng đầu năm 2025" →
    ["2025-Q1", "2025-H1"]; "2024 và 2025" → ["2024", "2025"]. A part of a year takes
    the nearest year named after it, else before it; a year that only anchors parts
    is not a period of its own. `default_year`: the year of the conversation, if any."""
    folded = _absolute_years(_full_years(fold(text)), context_year=default_year)
    found: list[tuple[int, str]] = []
    anchored: set[int] = set()
    folded = _BASE_YEAR.sub(" ", folded)
    # "2019-2023" folds to "2019 2023"; "năm" between two years only after "đến": "2010 năm 2024" is no span
    for match in re.finditer(rf"{_YEAR}\s*(?:(?:den|toi)\s*(?:nam\s*)?)?{_YEAR}", folded):
        if match.group(1) >= match.group(2):
            continue  # "2025 2024" is two years, not a span
        found.append((match.start(), f"{match.group(1)}-{match.group(2)}"))
        anchored.update((match.start(1), match.start(2)))
    years = [(m.start(), m.group(1)) for m in re.finditer(rf"\b{_YEAR}\b", folded) if m.start() not in anchored]
    for pattern, kind in _PART_WORDS:
        for match in pattern.finditer(folded):
            after = [(pos, y) for pos, y in years if pos > match.start()]
            before = [(pos, y) for pos, y in years if pos < match.start()]
            anchor = after[0] if after else (before[-1] if before else None)
            if anchor is None:
                if default_year is None:
                    continue
                anchor = (-1, str(default_year))  # "còn 6 tháng đầu năm?" after a figure of that year
            anchored.add(anchor[0])
            part = f"Q{match.group(1)}" if kind == "Qn" else kind
            found.append((match.start(), f"{anchor[1]}-{part}"))
    found += [(pos, y) for pos, y in years if pos not in anchored]
    return list(dict.fromkeys(code for _, code in sorted(found)))
