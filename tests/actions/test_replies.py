"""Wording, without Rasa: every function of replies.py, on hand-made records and on the shipped knowledge."""

from decimal import Decimal

import pytest

from actions import replies
from knowledge import Comparison, Value
from knowledge.records import Document, Indicator


@pytest.mark.parametrize(("title", "short"), [
    ("Dự án đầu tư xây dựng Nhà ga hàng hóa Cảng Hàng không Quốc tế Cát Bi", "Dự án đầu tư xây dựng Nhà ga hàng hóa Cảng Hàng không Quốc…"),
    ("Nghị quyết 45-NQ/TW", "Nghị quyết 45-NQ/TW"),
])
def test_button_titles_are_cut_at_a_word_boundary(title: str, short: str) -> None:
    assert replies.short(title) == short
    assert len(replies.short(title)) <= 60


@pytest.mark.parametrize(("iso", "written"), [("2025-06-27", "27/6/2025"), ("2024-12-03", "3/12/2024"), (None, "")])
def test_dates_as_the_documents_write_them(iso: str | None, written: str) -> None:
    assert replies.vn_date(iso) == written


@pytest.mark.parametrize(("quotes", "written"), [
    ("Nghị quyết số 14/NQ-CP, ngày 08/02/2023 của Chính phủ", "08/02/2023"),
    # written both ways: the plain form, as everywhere else
    ("ngày 08/02/2023 … ngày 8/2/2023", "8/2/2023"),
    ("no date here; 18/02/2023 is another", "8/2/2023"),
])
def test_a_date_is_written_as_its_quotes_write_it(quotes: str, written: str) -> None:
    assert replies.vn_date("2023-02-08", quotes) == written


def test_no_difference_is_computed_from_a_bound(kb_sqlite) -> None:
    """The country's urban unemployment is given only as "<4,0": never "thấp hơn … 0,5 điểm phần trăm"."""
    [comparison] = kb_sqlite.compare_to_national("urban_unemployment_rate", "2024")
    assert replies.describe_comparison(comparison).split("\n")[:2] == [
        "Tỷ lệ thất nghiệp ở thành thị năm 2024: Hải Phòng ước đạt 3,5%; cả nước <4,0%.",
        "→ Dưới mức trần của cả nước.",
    ]


def test_a_doubtful_value_carries_its_warning_in_lists(kb_sqlite) -> None:
    from actions.projects import list_projects
    from actions.query import Query

    reply = list_projects(kb_sqlite, Query("/list_projects", "list_projects", {"project_group": ["groundbreaking_2025"]}, {}))
    lines = reply.messages[0]["text"].split("\n")
    assert [line for line in lines if "716,495" in line or "234,539" in line] == [
        "1. Dự án đầu tư xây dựng tuyến đường sau các bến cảng số 3 đến số 6, khu bến cảng Lạch Huyện – 716,495 triệu đồng"
        " (đơn vị ghi trong tài liệu chưa rõ)",
        "2. Dự án đầu tư xây dựng tu bổ, tôn tạo quần thể di tích Bến K15, quận Đồ Sơn, Hải Phòng – 234,539 triệu đồng"
        " (đơn vị ghi trong tài liệu chưa rõ)",
    ]


# -- every function of replies.py on hand-made records, whole strings -------------------

REPORT = Document(id="bc", file="bc.txt", title="Báo cáo", issuer="UBND thành phố", number="123/BC-UBND",
                  date="2025-06-27", date_note=None, kind="report", citation="Báo cáo số 123/BC-UBND ngày 27/6/2025")
PLAN = Document(id="nq", file="nq.txt", title="Nghị quyết", issuer="HĐND thành phố", number="45/NQ-HĐND",
                date=None, date_note=None, kind="resolution", citation="Nghị quyết số 45/NQ-HĐND")
GRDP = Indicator(code="grdp_growth", name="Tốc độ tăng trưởng GRDP", unit="%", group="economy", parent=None, aliases=())
EXPORTS = Indicator(code="exports", name="kim ngạch xuất khẩu", unit="tỷ USD", group="economy", parent=None, aliases=())


def value(text: str, indicator: Indicator = GRDP, period: str = "2024", kind: str = "result", scope: str = "city",
          measure: str = "level", qualifier: str | None = None, unit: str | None = None, document: Document = REPORT,
          note: str | None = None) -> Value:
    return Value(indicator=indicator, period=period, kind=kind, scope=scope, measure=measure, qualifier=qualifier,
                 text=text, unit=indicator.unit if unit is None else unit, resident_note=note, document=document,
                 quotes=())


@pytest.mark.parametrize(("period", "label"), [
    ("2024", "năm 2024"), ("2019-2023", "giai đoạn 2019 - 2023"), ("2025-Q1", "quý I/2025"),
    ("2025-Q4", "quý IV/2025"), ("2025-H1", "6 tháng đầu năm 2025"), ("2025-9M", "9 tháng năm 2025"),
    ("đầu nhiệm kỳ", "đầu nhiệm kỳ"),
])
def test_period_labels(period: str, label: str) -> None:
    assert replies.period_label(period) == label


def test_sentence_case_and_lower_first() -> None:
    assert replies.sentence_case("quý I/2025") == "Quý I/2025"
    assert replies.sentence_case("") == ""
    assert replies.lower_first("Ước đạt 11,01%.") == "ước đạt 11,01%."
    assert replies.lower_first("GRDP tăng") == "GRDP tăng"
    assert replies.lower_first("Tỷ USD") == "tỷ USD"


@pytest.mark.parametrize(("text", "unit", "written"), [
    ("11,01", "%", "11,01%"), ("31,2", "Tỷ USD", "31,2 tỷ USD"), ("31,2 tỷ USD", "tỷ USD", "31,2 tỷ USD"),
    ("khoảng", "%", "khoảng"), ("5", "", "5"), ("1.200", "USD/người", "1.200 USD/người"),
])
def test_a_unit_is_added_once_to_a_figure(text: str, unit: str, written: str) -> None:
    assert replies.with_unit(text, unit) == written


def test_the_source_line_names_the_citation() -> None:
    assert replies.source_line(REPORT) == "Nguồn: Báo cáo số 123/BC-UBND ngày 27/6/2025."


@pytest.mark.parametrize(("kind", "qualifier", "label"), [
    ("target", None, "kế hoạch"), ("target", "phấn đấu", "mục tiêu phấn đấu"), ("estimate", None, "ước đạt"),
    ("result", None, "đạt"),
])
def test_kind_labels(kind: str, qualifier: str | None, label: str) -> None:
    assert replies.kind_label(value("8", kind=kind, qualifier=qualifier)) == label


@pytest.mark.parametrize(("figure", "sentence"), [
    (value("11,01"), "Tốc độ tăng trưởng GRDP năm 2024: đạt 11,01%."),
    (value("11,5", kind="target", measure="change", period="2025"),
     "Tốc độ tăng trưởng GRDP năm 2025: tăng 11,5% (mục tiêu (kế hoạch))."),
    (value("-12", measure="change", qualifier="so với cùng kỳ", kind="estimate"),
     "Tốc độ tăng trưởng GRDP năm 2024: giảm 12% so với cùng kỳ (ước thực hiện)."),
    (value("105,3", measure="percent_of_plan"), "Tốc độ tăng trưởng GRDP năm 2024: bằng 105,3% kế hoạch."),
    (value("1,5", measure="times", qualifier="năm 2020"), "Tốc độ tăng trưởng GRDP năm 2024: gấp 1,5 lần năm 2020."),
    (value("2", measure="rank", qualifier="cả nước"), "Tốc độ tăng trưởng GRDP năm 2024: xếp thứ 2 (cả nước)."),
    (value("6,5", scope="national", kind="estimate"), "Tốc độ tăng trưởng GRDP cả nước năm 2024: ước đạt 6,5%."),
    (value("31,2", indicator=EXPORTS, qualifier="hàng hóa"), "Kim ngạch xuất khẩu năm 2024: đạt 31,2 tỷ USD (hàng hóa)."),
    (value("Tăng trưởng còn chậm so với cùng kỳ", kind="estimate"),
     "Tốc độ tăng trưởng GRDP năm 2024: tài liệu ghi “Tăng trưởng còn chậm so với cùng kỳ”."),
    (value("đô thị loại I", unit=""), "Tốc độ tăng trưởng GRDP năm 2024: đạt đô thị loại I."),
])
def test_one_figure_as_a_sentence(figure: Value, sentence: str) -> None:
    assert replies.describe_value(figure) == sentence


def test_a_figure_without_its_name() -> None:
    assert replies.describe_value(value("11,01"), with_name=False) == "Đạt 11,01%."


def test_figures_grouped_by_source_with_notes_only_when_asked() -> None:
    figures = [value("11,01", note="Theo giá so sánh 2010."), value("11,5", kind="target", document=PLAN),
               value("10,2", period="2023")]
    assert replies.describe_values(figures) == "\n".join([
        "• Tốc độ tăng trưởng GRDP năm 2024: đạt 11,01%.",
        "• Tốc độ tăng trưởng GRDP năm 2023: đạt 10,2%.",
        "Nguồn: Báo cáo số 123/BC-UBND ngày 27/6/2025.",
        "• Tốc độ tăng trưởng GRDP năm 2024: kế hoạch 11,5%.",
        "Nguồn: Nghị quyết số 45/NQ-HĐND.",
    ])
    assert replies.describe_values(figures[:1], with_notes=True, with_name=False) == "\n".join([
        "• Đạt 11,01%.",
        "  Ghi chú: Theo giá so sánh 2010.",
        "Nguồn: Báo cáo số 123/BC-UBND ngày 27/6/2025.",
    ])


def test_documents_that_disagree_are_said_to() -> None:
    assert replies.disagreement_notice([value("11,01"), value("11,01", document=PLAN)]) is None
    assert replies.disagreement_notice([value("11,01"), value("11,1", document=PLAN)]) == (
        "Lưu ý: các tài liệu (hoặc các phần của cùng tài liệu) đưa ra số liệu khác nhau; tôi nêu đủ cả hai kèm nguồn.")


def comparison(kind: str, left: Value, right: Value, stated: Value | None = None) -> Comparison:
    a, b = left.number, right.number
    ratio = a / b if a is not None and b else None
    difference = a - b if a is not None and b is not None else None
    return Comparison(kind=kind, left=left, right=right, ratio=ratio, difference=difference, stated=stated)


@pytest.mark.parametrize(("compared", "lines"), [
    (comparison("percent_of_plan", value("11,01"), value("11,5", kind="target", document=PLAN)), [
        "Tốc độ tăng trưởng GRDP năm 2024: đạt 11,01%; kế hoạch 11,5%.",
        "→ Thấp hơn kế hoạch 0,49 điểm phần trăm (tính từ hai số trên).",
        "Nguồn: Báo cáo số 123/BC-UBND ngày 27/6/2025; Nghị quyết số 45/NQ-HĐND."]),
    (comparison("percent_of_plan", value("11,01"), value("11 - 12", kind="target", qualifier="phấn đấu")), [
        "Tốc độ tăng trưởng GRDP năm 2024: đạt 11,01%; kế hoạch 11 - 12% (phấn đấu).",
        "→ Nằm trong khoảng của kế hoạch.",
        "Nguồn: Báo cáo số 123/BC-UBND ngày 27/6/2025."]),
    (comparison("percent_of_plan", value("31,2", indicator=EXPORTS), value("30", indicator=EXPORTS, kind="target"),
                stated=value("104", indicator=EXPORTS, measure="percent_of_plan", unit="%")), [
        "kim ngạch xuất khẩu năm 2024: đạt 31,2 tỷ USD; kế hoạch 30 tỷ USD.",
        "→ Tính từ hai số trên: bằng khoảng 104% kế hoạch.",
        "Tài liệu ghi: Bằng 104% kế hoạch.",
        "Nguồn: Báo cáo số 123/BC-UBND ngày 27/6/2025."]),
    (comparison("vs_national", value("11,01"), value("7,09", scope="national")), [
        "Tốc độ tăng trưởng GRDP năm 2024: Hải Phòng đạt 11,01%; cả nước 7,09%.",
        "→ Cao hơn cả nước 3,92 điểm phần trăm (tính từ hai số trên).",
        "Nguồn: Báo cáo số 123/BC-UBND ngày 27/6/2025."]),
    (comparison("vs_national", value("3,5", kind="estimate"), value("<4,0", scope="national")), [
        "Tốc độ tăng trưởng GRDP năm 2024: Hải Phòng ước đạt 3,5%; cả nước <4,0%.",
        "→ Dưới mức trần của cả nước.",
        "Nguồn: Báo cáo số 123/BC-UBND ngày 27/6/2025."]),
    (comparison("vs_national", value("7,09"), value("7,09", scope="national")), [
        "Tốc độ tăng trưởng GRDP năm 2024: Hải Phòng đạt 7,09%; cả nước 7,09%.",
        "→ Bằng mức của cả nước.",
        "Nguồn: Báo cáo số 123/BC-UBND ngày 27/6/2025."]),
    (comparison("vs_national", value("khá"), value("7,09", scope="national")), [
        "Tốc độ tăng trưởng GRDP năm 2024: Hải Phòng đạt khá; cả nước 7,09%.",
        "→ Một trong hai số không phải một con số, nên tôi không tính so sánh với cả nước.",
        "Nguồn: Báo cáo số 123/BC-UBND ngày 27/6/2025."]),
    (comparison("change", value("11,01"), value("10,2", period="2023")), [
        "Tốc độ tăng trưởng GRDP: năm 2024 đạt 11,01%; năm 2023 10,2%.",
        "→ Cao hơn năm 2023 0,81 điểm phần trăm (tính từ hai số trên).",
        "Nguồn: Báo cáo số 123/BC-UBND ngày 27/6/2025."]),
], ids=["below plan", "within a range", "ratio with stated", "above the country", "under a ceiling", "equal",
        "not a number", "change"])
def test_comparisons(compared: Comparison, lines: list[str]) -> None:
    assert replies.describe_comparison(compared) == "\n".join(lines)


@pytest.mark.parametrize(("actual", "other", "line"), [
    ((Decimal(5), ">", Decimal(4), ">"), None, "→ Trên mức sàn của cả nước."),
    ((Decimal(5), ">", Decimal(4), None), None, "→ Cao hơn cả nước."),
    ((Decimal(3), "<", Decimal(4), None), None, "→ Thấp hơn cả nước."),
    ((Decimal(5), "<", Decimal(4), ">"), None,
     "→ Một trong hai số là một ngưỡng, không phải một con số, nên tôi không tính chênh lệch với cả nước."),
])
def test_a_bound_gives_only_what_follows(actual: tuple, other: None, line: str) -> None:
    assert replies._against_bound(*actual, "cả nước") == line
