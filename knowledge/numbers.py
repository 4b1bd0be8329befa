"""Parsing numbers as Vietnamese documents write them.

"116.387,596" is 116387.596: the dot groups thousands and the comma marks decimals.
Values may be ranges ("11,5 - 12", "6,8-7,0"), carry a comparator ("> 9,1", "<3,5",
"trên 10", "gần 30"; "âm 1" is -1)
or hold no number at all ("Hoàn thành 100% số xã"). The written form is always kept
beside the parsed one; parsing only serves comparisons and sorting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

_NUMBER = r"-?\d{1,3}(?:\.\d{3})+(?:,\d+)?|-?\d+(?:,\d+)?"
NUMBER_RE = re.compile(_NUMBER)
_DASHES = "-–—"
# Words the documents put before a number: "trên 10", "gần 30", "khoảng 12,5".
_WORD_COMPARATORS = {
    "trên": ">", "hơn": ">", "vượt": ">", "ít nhất": "≥", "tối thiểu": "≥", "từ": "≥",
    "dưới": "<", "thấp hơn": "<", "tối đa": "≤",
    "gần": "~", "khoảng": "~", "xấp xỉ": "~", "hơn khoảng": "~",
}
_WORDS = "|".join(sorted(map(re.escape, _WORD_COMPARATORS), key=len, reverse=True))
_EXACT = re.compile(
    rf"(?i)^\s*(?P<cmp>[<>≤≥~]=?|{_WORDS})?\s*(?P<neg>âm\s+)?(?P<low>{_NUMBER})"
    rf"(?:\s*[{_DASHES}]\s*(?P<high>{_NUMBER.replace('-?', '')}))?\s*%?\s*$"
)


@dataclass(frozen=True)
class ParsedValue:
    low: Decimal | None
    high: Decimal | None
    comparator: str | None

    @property
    def is_number(self) -> bool:
        return self.low is not None

    @property
    def is_range(self) -> bool:
        return self.high is not None and self.high != self.low


def parse_number(text: str) -> Decimal:
    """Parse one number in Vietnamese notation; raises ValueError otherwise."""
    cleaned = text.strip()
    if not re.fullmatch(_NUMBER, cleaned):
        raise ValueError(f"not a number in Vietnamese notation: {text!r}")
    try:
        return Decimal(cleaned.replace(".", "").replace(",", "."))
    except InvalidOperation as exc:  # pragma: no cover - the regex guards this
        raise ValueError(f"not a number: {text!r}") from exc


def parse_value(text: str) -> ParsedValue:
    """Parse a value cell: a number, a range or a bound; text gives no number."""
    match = _EXACT.match(text)
    if not match:
        return ParsedValue(None, None, None)
    low = parse_number(match["low"])
    high = parse_number(match["high"]) if match["high"] else low
    if match["neg"]:
        low, high = -low, -high
    comparator = match["cmp"]
    return ParsedValue(low, high, _WORD_COMPARATORS.get(comparator.lower(), comparator) if comparator else None)


_DIRECTION = re.compile(r"(?i)^\s*(?P<dir>giảm|tăng)\s+(?P<rest>.+?)\s*$")
_LETTERS = re.compile(r"[^\W\d_]{2,}")


def change_figure(text: str) -> str | None:
    """A change written with its direction ("giảm 12", "tăng 01") as a signed figure
    with the document's digits ("-12", "01"); None when it is not written that way."""
    match = _DIRECTION.match(text)
    if not match or not parse_value(match["rest"]).is_number:
        return None
    rest = match["rest"]
    return f"-{rest}" if match["dir"].lower() == "giảm" else rest


def is_prose(text: str) -> bool:
    """A value written in words ("Hoàn thành 100% số xã", "đô thị loại I"), not a figure:
    its unit is in its words."""
    return not parse_value(text).is_number and change_figure(text) is None and bool(_LETTERS.search(text))


def numbers_in(text: str) -> list[str]:
    """Every number-looking token of a text, as written."""
    return NUMBER_RE.findall(text)


def format_number(value: Decimal, decimals: int = 2) -> str:
    """Write a computed number the Vietnamese way: 1.234,5 (trailing zeros dropped)."""
    quantized = round(value, decimals)
    sign = "-" if quantized < 0 else ""
    integer, _, fraction = f"{abs(quantized):f}".partition(".")
    grouped = f"{int(integer):,}".replace(",", ".")
    fraction = fraction.rstrip("0")
    return f"{sign}{grouped},{fraction}" if fraction else f"{sign}{grouped}"
