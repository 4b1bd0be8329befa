"""Wording, without Rasa: replies.py's pure functions on the shipped knowledge."""

import pytest

from actions import replies


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
