"""Figures: indicators by name, their values with sources, and computed comparisons."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from .. import db
from .. import records as r
from ..matching import Span, keys_in_order, longest_named, name_index, name_spans
from ..numbers import format_number, parse_value
from ..text import fold
from .store import Store

_KIND_ORDER = {"result": 0, "estimate": 1, "target": 2}


@dataclass(frozen=True)
class Value:
    """One figure as a document gives it, with everything needed to cite it."""

    indicator: r.Indicator
    period: str
    kind: str
    scope: str
    measure: str
    qualifier: str | None
    text: str
    unit: str
    resident_note: str | None  # part of the answer: what the figure is relative to, how it is worded
    document: r.Document
    quotes: tuple[str, ...]
    review_note: str | None = None  # for reviewers only: never rendered to a resident
    written: str | None = None  # the document's wording when `text` differs ("giảm 12" for "-12")

    @property
    def number(self) -> Decimal | None:
        parsed = parse_value(self.text)
        return parsed.low if parsed.is_number and not parsed.is_range else None


@dataclass(frozen=True)
class Comparison:
    """A computed comparison; both inputs travel with it so the reply can show them."""

    kind: str  # percent_of_plan | vs_national | change
    left: Value
    right: Value
    ratio: Decimal | None  # left / right
    difference: Decimal | None  # left - right
    stated: Value | None = None  # the figure a document states for the same thing, if any

    def ratio_text(self, decimals: int = 2) -> str | None:
        return None if self.ratio is None else format_number(self.ratio, decimals)

    def percent_text(self, decimals: int = 1) -> str | None:
        return None if self.ratio is None else format_number(self.ratio * 100, decimals)

    def difference_text(self, decimals: int = 2) -> str | None:
        return None if self.difference is None else format_number(self.difference, decimals)


PARENT_APART = 4  # words between a parent's name and its child's: both asked
CONJUNCTIONS = frozenset({"va", "voi", "cung", "lan", "hay", "hoac"})


class IndicatorQueries(Store):
    def indicators(self) -> dict[str, r.Indicator]:
        return self._cached("indicators", lambda conn: {
            row.code: r.Indicator(row.code, row.name, row.unit, row.grp, row.parent, tuple(row.aliases), core=row.core)
            for row in conn.execute(sa.select(db.indicators).order_by(db.indicators.c.position))
        })

    def find_indicators(self, text: str) -> list[r.Indicator]:
        """Indicators named in `text` (code, name or alias; diacritics optional).

        Longest names win: "tăng trưởng dịch vụ" means the services sector, not
        overall growth. Returned best first.
        """
        indicators = self.indicators()
        found = longest_named(fold(text), self._names("indicator"))
        return most_specific([indicators[code] for code in found if code in indicators])

    def indicator_codes_named(self, text: str) -> list[str]:
        """Indicators whose name or alias occurs in `text`, in the order named; of
        overlapping names the longest wins ("kinh tế số trong GRDP" is not GRDP)."""
        index = self._cached("indicator_name_index", lambda _conn: name_index(self._names("indicator")))
        spans = [s for s in name_spans(fold(text), index) if s.key in self.indicators()]
        indicators = self.indicators()
        parents = {indicators[s.key].parent for s in spans}

        words = fold(text).split()

        def between(a: Span, b: Span) -> list[str]:
            return words[a.end:b.start] if a.end <= b.start else words[b.end:a.start]

        def apart(span: Span) -> bool:
            """Named on its own, away from its children or joined to them by "và": "GRDP tăng bao
            nhiêu, trong đó công nghiệp …", "GRDP và dịch vụ"."""
            children = [c for c in spans if indicators[c.key].parent == span.key]
            return all(len(gap := between(span, c)) >= PARENT_APART or (gap and set(gap) <= CONJUNCTIONS)
                       for c in children)
        # "tăng trưởng dịch vụ" is the services sector, not overall growth too; but a parent
        # named at length ("tổng chi ngân sách, chi thường xuyên …") or apart is asked for itself.
        return [code for code in keys_in_order(spans)
                if code not in parents or any(s.key == code and (s.length >= 3 or apart(s)) for s in spans)]

    def indicator(self, code: str) -> r.Indicator | None:
        return self.indicators().get(code)

    def core_indicators(self, group: str | None = None) -> list[r.Indicator]:
        """The rows of the main indicator table, in table order, optionally one group."""
        return [i for i in self.indicators().values() if i.core and (group is None or i.group == group)]

    def children(self, code: str) -> list[r.Indicator]:
        return [i for i in self.indicators().values() if i.parent == code]

    def values(
        self,
        code: str,
        period: str | None = None,
        kind: str | None = None,
        scope: str | None = None,
        measure: str | None = None,
    ) -> list[Value]:
        """Every stored figure of an indicator that fits the filters.

        Several figures for the same key are all returned: documents may disagree.
        """
        covering = set(periods_covering(period)) if period is not None else None
        rows = [row for row in self._value_rows().get(code, ())
                if (covering is None or row.period in covering) and (kind is None or row.kind == kind)
                and (scope is None or row.scope == scope) and (measure is None or row.measure == measure)]
        indicator = self.indicators()[code] if rows else None
        docs = self.documents()
        # The same figure quoted twice by one document (narrative and table) is one fact.
        merged: dict[tuple[Any, ...], Value] = {}
        for row in rows:
            figure = (
                (Decimal(row.low).normalize(), Decimal(row.high).normalize(), row.comparator)
                if row.low is not None else row.value_text
            )
            key = (row.period, row.kind, row.scope, row.measure, figure, row.source)
            earlier = merged.get(key)
            quotes = tuple(row.quotes) if earlier is None else earlier.quotes + tuple(row.quotes)
            resident = [n for n in ((earlier.resident_note if earlier else None), row.resident_note) if n]
            review = [n for n in ((earlier.review_note if earlier else None), row.review_note) if n]
            merged[key] = Value(
                indicator, row.period, row.kind, row.scope, row.measure,  # type: ignore[arg-type]
                (earlier.qualifier if earlier else None) or row.qualifier,
                earlier.text if earlier else row.value_text, row.unit,
                " ".join(dict.fromkeys(resident)) or None, docs[row.source], quotes,
                " ".join(dict.fromkeys(review)) or None,
                earlier.written if earlier else row.written,
            )
        return sorted(merged.values(), key=lambda v: (v.scope != "city", v.measure != "level", _KIND_ORDER[v.kind]))

    def _value_rows(self) -> dict[str, list[Any]]:
        """Every stored figure by indicator, in file order: 502 rows read once (the database is a
        read-only build output), so an answer's many lookups cost no round trip."""
        def load(conn: Connection) -> dict[str, list[Any]]:
            by_code: dict[str, list[Any]] = {}
            for row in conn.execute(sa.select(db.values).order_by(db.values.c.id)):
                by_code.setdefault(row.indicator, []).append(row)
            return by_code
        return self._cached("value_rows", load)

    def periods(self, code: str) -> list[str]:
        return sorted({row.period for row in self._value_rows().get(code, ())})

    def latest(self, code: str, kinds: Sequence[str] = ("result", "estimate")) -> list[Value]:
        """City-level figures of the latest period that has any of `kinds`."""
        found = [v for v in self.values(code, scope="city", measure="level") if v.kind in kinds]
        if not found:
            return []
        last = max(found, key=lambda v: period_sort_key(v.period)).period
        return [v for v in found if v.period == last]

    # comparisons
    def compare_to_plan(self, code: str, period: str) -> list[Comparison]:
        """Result or estimate against the target of the same period (city, level)."""
        actuals = [v for v in self.values(code, period, scope="city", measure="level") if v.kind != "target"]
        targets = self.values(code, period, kind="target", scope="city", measure="level")
        stated = self.values(code, period, scope="city", measure="percent_of_plan")
        return [
            _compare("percent_of_plan", a, t, stated[0] if stated else None)
            for a in actuals for t in targets if same_territory(a, t)
        ]

    def compare_to_national(self, code: str, period: str) -> list[Comparison]:
        city = [v for v in self.values(code, period, scope="city", measure="level")]
        national = self.values(code, period, scope="national", measure="level")
        pairs = [(c, n) for c in city for n in national if c.kind == n.kind and same_territory(c, n)]
        # A document that gives both figures compares them on the same basis: prefer its pairs.
        pairs = [(c, n) for c, n in pairs if c.document.id == n.document.id] or pairs
        stated = self.values(code, period, scope="city", measure="times")
        return [_compare("vs_national", c, n, stated[0] if stated else None) for c, n in pairs]

    def compare_periods(self, code: str, period: str, earlier: str) -> list[Comparison]:
        """A period against an earlier one: results where there are any, else targets."""
        def best(values: list[Value]) -> list[Value]:
            return [v for v in values if v.kind != "target"] or values

        now = best(self.values(code, period, scope="city", measure="level"))
        then = best(self.values(code, earlier, scope="city", measure="level"))
        return [_compare("change", a, b) for a in now for b in then if same_territory(a, b)]


_MERGED = "sau hop nhat"


def same_territory(a: Value, b: Value) -> bool:
    """Both figures are of the city after the merger of 1/7/2025 ("thành phố sau hợp nhất"
    in their qualifier), or neither is: a merged-city figure is never compared with a
    figure or plan of the city before the merger."""
    return (_MERGED in fold(a.qualifier or "")) == (_MERGED in fold(b.qualifier or ""))


def periods_covering(period: str) -> list[str]:
    """The period codes a question about `period` finds: a year also finds the school
    years that include it ("2024" → "2023-2024", "2024-2025")."""
    if re.fullmatch(r"\d{4}", period):
        year = int(period)
        return [period, f"{year - 1}-{year}", f"{year}-{year + 1}"]
    return [period]


def most_specific(indicators: list[r.Indicator]) -> list[r.Indicator]:
    """Drop an indicator when one of its sub-rows is also named: "tăng trưởng dịch vụ"
    is the services sector, not overall growth."""
    named_parents = {i.parent for i in indicators if i.parent}
    return [i for i in indicators if i.code not in named_parents]


def _compare(kind: str, left: Value, right: Value, stated: Value | None = None) -> Comparison:
    a, b = left.number, right.number
    if fold(left.unit) != fold(right.unit):
        a = b = None  # "372 triệu USD" against "4,5 tỷ USD": not computed, never subtracted
    ratio = a / b if a is not None and b not in (None, 0) else None
    difference = a - b if a is not None and b is not None else None
    return Comparison(kind, left, right, ratio, difference, stated)


def period_sort_key(period: str) -> tuple[int, int]:
    """Order periods by their end: 2024-9M < 2024 < 2025-Q1 < 2025-H1 < 2025."""
    match = re.match(r"(\d{4})(?:-(\d{4}))?(?:-(Q\d|H\d|\d+M))?$", period)
    if not match:
        return (0, 0)
    year = int(match.group(2) or match.group(1))
    part = match.group(3)
    months = 12
    if part:
        if part.startswith("Q"):
            months = int(part[1]) * 3
        elif part.startswith("H"):
            months = int(part[1]) * 6
        else:
            months = int(part[:-1])
    return (year, months)
