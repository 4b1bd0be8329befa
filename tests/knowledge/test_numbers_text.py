from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from knowledge.numbers import format_number, parse_number, parse_value
from knowledge.periods import parse_period
from knowledge.text import fold, normalize_quote


@pytest.mark.parametrize(
    ("written", "low", "high", "comparator"),
    [
        ("11,01", "11.01", "11.01", None),
        ("116.387,596", "116387.596", "116387.596", None),
        ("11,5 - 12", "11.5", "12", None),
        ("13,30 – 13,75", "13.30", "13.75", None),
        ("6,5-7,0", "6.5", "7.0", None),
        ("-3,4", "-3.4", "-3.4", None),
        ("> 9,1", "9.1", "9.1", ">"),
        ("<3,5", "3.5", "3.5", "<"),
        ("trên 100.000", "100000", "100000", ">"),
        ("gần 30", "30", "30", "~"),
        ("âm 1", "-1", "-1", None),
        ("2.513.243", "2513243", "2513243", None),
    ],
)
def test_parse_value_reads_vietnamese_notation(written: str, low: str, high: str, comparator: str | None) -> None:
    parsed = parse_value(written)
    assert (parsed.low, parsed.high, parsed.comparator) == (Decimal(low), Decimal(high), comparator)


def test_text_without_a_number_parses_to_nothing() -> None:
    assert not parse_value("Hoàn thành 100% số xã").is_number


def test_parse_number_rejects_non_numbers() -> None:
    with pytest.raises(ValueError, match="not a number"):
        parse_number("12abc")


@given(st.decimals(min_value=-10**9, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_format_then_parse_round_trips(value: Decimal) -> None:
    assert parse_number(format_number(value)) == value


@pytest.mark.parametrize(
    ("question", "period"),
    [
        ("GRDP năm 2024 tăng bao nhiêu", "2024"),
        ("quy 1 nam 2025 thu ngan sach", "2025-Q1"),
        ("6 tháng đầu năm 2025", "2025-H1"),
        ("9 thang 2024 tang truong", "2024-9M"),
        ("giai đoạn 2019-2023 bình quân", "2019-2023"),
        ("tăng trưởng thế nào", None),
    ],
)
def test_parse_period(question: str, period: str | None) -> None:
    assert parse_period(question) == period


def test_fold_ignores_diacritics_case_and_punctuation() -> None:
    assert fold("Tăng trưởng GRDP, Hải Phòng?") == fold("tang truong grdp hai phong") == "tang truong grdp hai phong"
    assert fold("Đồ Sơn") == "do son"


def test_normalize_quote_folds_whitespace_and_markdown() -> None:
    assert normalize_quote("ước đạt **11,01%**\t(thấp hơn\nkế hoạch)") == "ước đạt 11,01% (thấp hơn kế hoạch)"


def test_folding_is_cached_and_the_cache_is_bounded() -> None:
    assert fold("Nghị quyết 45-NQ/TW") == fold("Nghị quyết 45-NQ/TW") == "nghi quyet 45 nq tw"
    assert fold.cache_info().maxsize is not None and fold.cache_info().hits > 0


@pytest.mark.parametrize(("question", "periods"), [
    ("Thu nội địa quý I và 6 tháng đầu năm 2025 tăng bao nhiêu", ["2025-Q1", "2025-H1"]),
    ("tỷ lệ đô thị hóa năm 2024 và chỉ tiêu năm 2025", ["2024", "2025"]),
    ("9 tháng 2024 grdp tăng bao nhiêu, còn giai đoạn 2019-2023", ["2024-9M", "2019-2023"]),
    ("quý 1 năm 2025", ["2025-Q1"]),
    ("năm 2024 quý 3", ["2024-Q3"]),
    ("qI 2025", ["2025-Q1"]),
    ("ba tháng đầu năm 2025", ["2025-Q1"]),
    ("6thang dau nam 2025", ["2025-H1"]),  # as residents type it
    ("6t đầu năm 2025", ["2025-H1"]),
    ("grdp bao nhiêu", []),
    ("q1/25 hp hút FDI đc bn", ["2025-Q1"]),  # a two-digit year where only a year can stand
    ("6 tháng đầu năm 25", ["2025-H1"]),
    ("năm 24 grdp", ["2024"]),
    ("năm 2024 có 25 dự án", ["2024"]),  # a count is not a year
])
def test_parse_periods_finds_every_period(question: str, periods: list[str]) -> None:
    from knowledge.periods import parse_periods

    assert parse_periods(question) == periods


@pytest.mark.parametrize(("question", "periods"), [
    ("còn quý 1 năm nay", [f"{date.today().year}-Q1"]),  # not the year of the last answer
    ("6 tháng đầu năm ngoái", [f"{date.today().year - 1}-H1"]),
    ("Năm ngoái 2024 kinh tế lớn thêm bao nhiêu", ["2024"]),  # the year written wins
    ("2025 2024", ["2025", "2024"]),  # two years, not a span
    ("GRDP (giá so sánh 2010) năm 2024", ["2024"]),  # the prices' base year is no period
    ("mục tiêu grdp cả năm sau hn là bn", []),  # the year after the merger, not next year
    ("năm sau mục tiêu bao nhiêu", ["2025"]),  # after 2024 was discussed: the year after it
])
def test_relative_years_anchor_parts_of_a_year(question: str, periods: list[str]) -> None:
    # default_year: the year the conversation is at
    from knowledge.periods import parse_periods

    assert parse_periods(question, default_year=2024) == periods


@pytest.mark.parametrize(("question", "periods"), [
    ("còn năm ngoái?", [f"{date.today().year - 2}"]),  # contrasts with the year just discussed
    ("à nhầm, ý mình là cả năm ngoái cơ", [f"{date.today().year - 2}"]),
    ("còn năm nay?", [f"{date.today().year}"]),  # "this year" is still the calendar's
    ("còn quí I năm 2025", ["2025-Q1"]),  # the older spelling of "quý"
    ("còn năm trước?", [f"{date.today().year - 2}"]),  # the year before the one discussed
    ("tăng so với năm trước bao nhiêu", []),  # a comparison, no period
])
def test_last_year_after_a_figure_of_last_year_is_the_year_before(question: str, periods: list[str]) -> None:
    from knowledge.periods import parse_periods

    assert parse_periods(question, default_year=date.today().year - 1) == periods


def test_next_year_with_no_year_discussed_is_the_calendars() -> None:
    from knowledge.periods import parse_periods

    assert parse_periods("năm sau mục tiêu bao nhiêu") == [f"{date.today().year + 1}"]
