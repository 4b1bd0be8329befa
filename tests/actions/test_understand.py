"""Reading a question into its parts, rule by rule (no Rasa, no database)."""

import pytest

from actions.passages import asking_part
from actions.understand import (
    as_the_documents_write,
    asks_new_unit,
    aspect_in,
    claimed_numbers,
    claimed_share,
    clear_winner,
    comparison_in,
    kinds_in,
    leans_for_its_subject,
    measure_in,
    operation_in,
    periods_in,
)
from knowledge.text import fold


@pytest.mark.parametrize(("question", "periods"), [
    ("tỷ lệ đô thị hóa năm 2024 và chỉ tiêu năm 2025?", ("2024", "2025")),
    ("GRDP quý 1 năm 2025", ("2025-Q1",)),
    ("6 tháng đầu năm 2025 thu ngân sách", ("2025-H1",)),
    ("giai đoạn 2019-2023 tăng bình quân", ("2019-2023",)),
    ("thu nội địa bao nhiêu", ()),
    ("GRDP bình quân đầu người năm 2023, 2024 và mục tiêu 2025", ("2023", "2024", "2025")),  # listed, not a span
])
def test_every_period_named_in_order(question: str, periods: tuple[str, ...]) -> None:
    assert periods_in(fold(question), {}, text=question) == periods


def test_years_listed_are_no_span_though_the_classifier_read_one() -> None:
    assert periods_in(fold("năm 2023, 2024"), {"period": ["2023-2024"]}, text="năm 2023, 2024") == ("2023", "2024")


@pytest.mark.parametrize(("question", "kinds"), [
    ("thu nội địa năm 2024 dự toán bao nhiêu, ước đạt bao nhiêu", {"target", "result"}),
    ("kế hoạch năm 2025 là bao nhiêu", {"target"}),
    ("số doanh nghiệp năm 2024 tăng mấy phần trăm", {"change"}),
    ("grdp 2024", set()),
])
def test_kinds_of_figure(question: str, kinds: set[str]) -> None:
    assert kinds_in(fold(question)) == kinds


@pytest.mark.parametrize(("question", "measure"), [
    ("thu ngân sách quý 1 đạt bao nhiêu phần trăm kế hoạch năm", "percent_of_plan"),
    ("thu ngan sach dat bao nhieu du toan", "percent_of_plan"),  # "%" is gone once normalized
    ("tăng trưởng bình quân gấp mấy lần cả nước", "times"),
    ("kinh tế số chiếm bao nhiêu GRDP", "share"),
    ("thu ngân sách 2024 bao nhiêu", None),
])
def test_measure_named(question: str, measure: str | None) -> None:
    assert measure_in(fold(question)) == measure


@pytest.mark.parametrize(("question", "kinds"), [
    ("năm 2025 thành phố muốn có việc làm cho bao nhiêu lao động", {"target"}),
    ("mình muốn hỏi grdp 2024", set()),
])
def test_what_the_city_wants_is_its_target(question: str, kinds: set[str]) -> None:
    assert kinds_in(fold(question)) == kinds


@pytest.mark.parametrize(("question", "operation"), [
    ("danh mục có bao nhiêu dự án dùng vốn ngân sách", "count"),
    ("dự án ngoài ngân sách nào vốn lớn nhất", "max"),
    ("mấy cái đó tổng vốn bao nhiêu", "sum"),
    ("cầu nguyễn trãi bao nhiêu tiền", None),
    ("kể các dự án ở Lạch Huyện kèm tổng vốn từng dự án", "list"),  # each one's, not their sum
    ("ý mình là lớn nhất trong mấy dự án khánh thành dùng ngân sách", "max"),  # the largest among them
])
def test_operations(question: str, operation: str | None) -> None:
    assert operation_in(fold(question)) == operation


@pytest.mark.parametrize(("question", "comparison"), [
    ("thu ngân sách có vượt dự toán không", "plan"),
    ("so với cả nước thì sao", "national"),
    ("so với năm 2023 thế nào", "previous"),
    ("grdp 2024", None),
])
def test_comparisons(question: str, comparison: str | None) -> None:
    assert comparison_in(fold(question), {}) == comparison


@pytest.mark.parametrize(("question", "aspect"), [
    ("ai làm chủ đầu tư", "investor"), ("khi nào xong", "when"), ("vốn bao nhiêu", "value"), ("ở đâu", None),
])
def test_project_aspects(question: str, aspect: str | None) -> None:
    assert aspect_in(fold(question)) == aspect


@pytest.mark.parametrize(("scored", "named", "clear"), [
    ([("a", 2.05), ("b", 0.6)], [], True),        # a whole alias against a partial name
    ([("a", 2.5), ("b", 2.45)], [], False),       # two whole aliases, accounting for as much of the question
    ([("a", 2.9), ("b", 2.3)], [], True),         # a whole alias that accounts for far more of the question
    ([("a", 1.0), ("b", 0.5)], [], True),         # all of one name, half of another
    ([("a", 0.8), ("b", 0.7)], [], False),        # close: ask which
    ([("a", 0.8)], [], True),
    ([("b", 0.9), ("a", 0.6)], ["b"], True),      # the extractor named it
])
def test_clear_winner(scored: list[tuple[str, float]], named: list[str], clear: bool) -> None:
    assert clear_winner(scored, named) is clear


@pytest.mark.parametrize(("question", "yes_no"), [
    ("có vượt kế hoạch không", True), ("thu ngân sách 2024 đạt kế hoạch chưa", True),
    ("đã khởi công chưa", True), ("grdp 2024 bao nhiêu", False), ("không còn hộ nghèo là sao", False),
])
def test_yes_no_questions(question: str, yes_no: bool) -> None:
    from actions.understand import _YES_NO

    assert bool(_YES_NO.search(fold(question))) is yes_no


def test_giao_thong_is_not_a_plan() -> None:
    """"giao" (assigned) marks a target; "giao thông" (traffic) does not."""
    assert kinds_in(fold("số vụ tai nạn giao thông năm 2024")) == frozenset()
    assert kinds_in(fold("kế hoạch được giao năm 2025")) == frozenset({"target"})


@pytest.mark.parametrize(("question", "asked"), [
    ("xã Tân Dương huyện Thủy Nguyên giờ thuộc phường nao", True),  # a name the extractor may not know
    ("phường An Hồng đổi thành gì", True),
    ("phường nào có dự án nhà ở xã hội", False),
    ("xã nông thôn mới năm 2024 bao nhiêu", False),
    ("đại hội đảng bộ điểm khối các xã là xã nào", False),  # "xã là": no unit named "là"
])
def test_a_new_unit_asked_for_an_old_one(question: str, asked: bool) -> None:
    assert asks_new_unit(fold(question)) is asked


@pytest.mark.parametrize(("question", "leans"), [
    ("Văn bản thông báo kết luận buổi đó là số mấy?", True),  # "đó"
    ("Ông ấy muốn Hải Phòng phát triển thế nào?", True),
    ("co kho khan gi khong", True),  # hardly a word of its own
    ("Được thay thế bằng nghị quyết nào?", True),  # the subject left out
    ("Tổng Bí thư Tô Lâm làm việc với Thành ủy Hải Phòng vào ngày nào?", False),
    ("hien nay thu ngan sach cua thanh pho dat bao nhieu", False),  # "hiện nay" points at no answer
])
def test_a_question_leaning_on_the_last_answer_for_its_subject(question: str, leans: bool) -> None:
    assert leans_for_its_subject(question, fold(question)) is leans


@pytest.mark.parametrize(("question", "share"), [
    ("thu ngân sách 2024 chỉ đạt tầm 90% dự toán thôi đúng k", "90"),
    ("thu ngân sách 2024 đạt 118,9% dự toán à", "118.9"),
    ("thu ngân sách 2024 đạt bao nhiêu % dự toán", None),  # asked, not claimed
])
def test_a_share_of_the_plan_claimed(question: str, share: str | None) -> None:
    found = claimed_share(question)
    assert (str(found) if found is not None else None) == share


@pytest.mark.parametrize(("message", "asking"), [
    ("chao ban, minh o nhom tinh nguyen moi truong. thanh pho co ke hoach gi ve chuyen doi xanh?",
     "thanh pho co ke hoach gi ve chuyen doi xanh?"),  # a greeting and who is asking: left out
    ("Tôi đang viết bài về buổi làm việc của Tổng Bí thư. Buổi làm việc đó diễn ra ngày nào?",
     "Tôi đang viết bài về buổi làm việc của Tổng Bí thư. Buổi làm việc đó diễn ra ngày nào?"),  # names the subject
    ("GRDP 2024 tăng bao nhiêu?", "GRDP 2024 tăng bao nhiêu?"),
])
def test_the_asking_part_of_a_message(message: str, asking: str) -> None:
    assert asking_part(message) == asking


@pytest.mark.parametrize(("typed", "written"), [
    ("12.5", "12,5"),          # a decimal point typed for the documents' comma
    ("104.000", "104.000"),    # a thousands group, as the documents write it
    ("1.276,29", "1.276,29"),
    ("11,01", "11,01"),
    ("80", "80"),
])
def test_a_claimed_number_as_the_documents_write_it(typed: str, written: str) -> None:
    assert as_the_documents_write(typed) == written


def test_thousands_in_words_are_claimed_in_digits() -> None:
    assert claimed_numbers(fold("năm 2023 thu được 150 nghìn tỷ phải không")) == ("150.000",)
