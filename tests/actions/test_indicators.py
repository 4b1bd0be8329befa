"""Figures with their source; clarification instead of guessing; follow-ups from slots."""

from actions.answer import ActionAnswer
from knowledge import KnowledgeBase

from .conftest import payloads_of, slots_of, texts_of

SOURCE_002 = "Nguồn: Báo cáo số 619-BC/TU ngày 03/12/2024 của Thành ủy Hải Phòng."


async def test_grdp_2024_accentless_gives_figure_and_source(kb: KnowledgeBase, run_action) -> None:
    messages, events = await run_action(ActionAnswer(kb), "grdp hai phong nam 2024 tang bao nhieu", "ask_indicator")
    lines = texts_of(messages).split("\n")
    assert lines[:2] == ["Tốc độ tăng tổng sản phẩm trên địa bàn GRDP (giá so sánh 2010) năm 2024: ước đạt 11,01%.",
                         SOURCE_002]
    assert "• Kế hoạch 11,5 - 12% (kế hoạch giao)." in lines
    assert slots_of(events) == {
        "indicator": "grdp_growth", "period": "2024", "value_kind": None, "topic": "indicator",
        "options": None, "page_query": None, "page": None,
        "last_answer_id": "indicator:grdp_growth:2024",
        "last_question": "grdp hai phong nam 2024 tang bao nhieu",
    }
    assert '/feedback{"rating": "up"}' in payloads_of(messages)


async def test_no_period_answers_the_latest_and_offers_the_others(kb: KnowledgeBase, run_action) -> None:
    messages, events = await run_action(ActionAnswer(kb), "thu ngân sách bao nhiêu", "ask_indicator")
    text = texts_of(messages)
    assert text.startswith("Thu ngân sách Nhà nước trên địa bàn 6 tháng đầu năm 2025: đạt hơn 100.000 tỷ đồng")
    assert text.endswith("(Bạn không nêu kỳ nào: đây là số liệu mới nhất có trong tài liệu, 6 tháng đầu năm 2025.)")
    assert payloads_of(messages)[:2] == ['/ask_indicator{"indicator": "budget_revenue", "period": "2025"}',
                                         '/ask_indicator{"indicator": "budget_revenue", "period": "2025-Q1"}']
    assert slots_of(events)["period"] == "2025-H1"


async def test_followup_year_uses_indicator_from_context(kb: KnowledgeBase, run_action) -> None:
    messages, _ = await run_action(ActionAnswer(kb), "còn năm 2025?", "ask_indicator",
                                   slots={"indicator": "grdp_growth", "period": "2024", "topic": "indicator"})
    text = texts_of(messages)
    # the year is not over in the documents: the latest figure within it first, then the plan
    lines = text.split("\n")
    assert lines[0].startswith("Tốc độ tăng tổng sản phẩm trên địa bàn GRDP (giá so sánh 2010) 6 tháng đầu năm 2025: "
                               "ước đạt 11,28%")
    assert any(line.startswith("Tốc độ tăng tổng sản phẩm trên địa bàn GRDP (giá so sánh 2010) năm 2025: kế hoạch")
               for line in lines) and "12,5%" in text


async def test_sector_beats_overall_growth(kb: KnowledgeBase, run_action) -> None:
    messages, events = await run_action(ActionAnswer(kb), "tang truong dich vu nam 2024", "ask_indicator")
    assert slots_of(events)["indicator"] == "grdp_growth_services"
    text = texts_of(messages)
    # narrative and table disagree: both, and said so
    assert "8,66%" in text and "8,4%" in text and "Lưu ý" in text


async def test_unknown_period_says_so_and_offers_known_ones(kb: KnowledgeBase, run_action) -> None:
    messages, _ = await run_action(ActionAnswer(kb), "kim ngạch xuất khẩu năm 2030", "ask_indicator")
    assert "không nêu số liệu Kim ngạch xuất khẩu năm 2030" in texts_of(messages)
    assert not any("2030" in p for p in payloads_of(messages))


async def test_budget_against_plan_shows_inputs_and_stated_ratio(kb: KnowledgeBase, run_action) -> None:
    messages, _ = await run_action(ActionAnswer(kb), "thu ngân sách 2024 so với kế hoạch", "ask_comparison")
    text = texts_of(messages)
    assert text.startswith("Thu ngân sách Nhà nước trên địa bàn năm 2024: ước đạt 116.387,596 tỷ đồng; "
                           "kế hoạch 106.761,592 tỷ đồng.")
    assert "bằng khoảng 109% kế hoạch" in text
    assert "118,9%" in text  # the document's own ratio to the central estimate
    assert SOURCE_002.removesuffix(".") in text


async def test_per_capita_against_country(kb: KnowledgeBase, run_action) -> None:
    messages, _ = await run_action(ActionAnswer(kb), "grdp binh quan dau nguoi 2024 gap may lan ca nuoc",
                                   "ask_comparison")
    text = texts_of(messages)
    assert "8.665 USD/người" in text and "4.647 USD/người" in text and "gấp khoảng 1,86 lần" in text


async def test_comparison_without_kind_shows_the_figures_and_offers_comparisons(kb: KnowledgeBase, run_action) -> None:
    messages, _ = await run_action(ActionAnswer(kb), "so sánh thu ngân sách 2024", "ask_comparison")
    assert texts_of(messages).startswith("Thu ngân sách Nhà nước trên địa bàn năm 2024: ước đạt 116.387,596 tỷ đồng.")
    assert '/ask_comparison{"indicator": "budget_revenue", "period": "2024", "comparison": "plan"}' in payloads_of(messages)


async def test_previous_year_against_the_period_in_context(kb: KnowledgeBase, run_action) -> None:
    messages, _ = await run_action(ActionAnswer(kb), "so với năm 2024 thì sao", "ask_comparison",
                                   slots={"indicator": "budget_revenue", "period": "2025", "topic": "indicator"})
    text = texts_of(messages)
    assert text.startswith("Thu ngân sách Nhà nước trên địa bàn: năm 2025 kế hoạch 118.079,279 tỷ đồng; "
                           "năm 2024 116.387,596 tỷ đồng.\n→ Chênh lệch tính từ hai số trên: 1.691,68 tỷ đồng.")


async def test_list_social_indicators_2025_pages(kb: KnowledgeBase, run_action) -> None:
    messages, events = await run_action(ActionAnswer(kb), "chỉ tiêu xã hội năm 2025", "list_indicators")
    text = texts_of(messages)
    assert "Tỷ lệ thất nghiệp ở thành thị: kế hoạch <3,5%" in text
    assert text.count("• ") <= 6
    slots = slots_of(events)
    assert slots["topic"] == "list"


async def test_another_provinces_figure_is_refused_not_answered_with_ours(kb: KnowledgeBase, run_action) -> None:
    messages, _ = await run_action(ActionAnswer(kb), "thu ngan sach tp hcm nam 2024", "ask_indicator")
    text = texts_of(messages)
    assert "không có số liệu của Hồ Chí Minh" in text and "116.387" not in text


async def test_percent_against_country_is_a_difference_not_a_ratio(kb: KnowledgeBase, run_action) -> None:
    messages, _ = await run_action(ActionAnswer(kb), "bhyt 2024 so voi ca nuoc", "ask_comparison")
    assert "→ Bằng mức của cả nước." in texts_of(messages)


async def test_change_is_worded_as_increase(kb: KnowledgeBase, run_action) -> None:
    messages, _ = await run_action(ActionAnswer(kb), "vốn FDI quý 1 2025", "ask_indicator")
    assert "Tăng 46,84% so với cùng kỳ" in texts_of(messages)


async def test_the_figure_whose_wording_the_question_shares_comes_first(kb: KnowledgeBase, run_action) -> None:
    messages, _ = await run_action(ActionAnswer(kb), "11 tháng đầu 2024 công an HP xử lý bn trường hợp vi phạm nồng độ cồn",
                                   "ask_indicator")
    assert texts_of(messages).split("\n")[0] == (
        "Số trường hợp vi phạm trật tự, an toàn giao thông bị kiểm tra, xử lý 11 tháng năm 2024: đạt 29.772 trường hợp "
        "(vi phạm nồng độ cồn đối với người điều khiển phương tiện giao thông).")


async def test_a_share_of_the_plan_asked_is_the_stated_share(kb: KnowledgeBase, run_action) -> None:
    messages, _ = await run_action(ActionAnswer(kb), "thu ngân sách 2024 đạt bao nhiêu % dự toán", "ask_indicator")
    assert texts_of(messages).split("\n")[0] == (
        "Thu ngân sách Nhà nước trên địa bàn năm 2024: bằng 118,9% dự toán Trung ương giao (ước thực hiện).")


async def test_a_multiple_asked_is_the_stated_multiple(kb: KnowledgeBase, run_action) -> None:
    messages, _ = await run_action(ActionAnswer(kb), "tăng trưởng bình quân 2019-2023 gấp mấy lần cả nước", "ask_indicator")
    assert texts_of(messages).split("\n")[0] == (
        "Tốc độ tăng tổng sản phẩm trên địa bàn GRDP (giá so sánh 2010) giai đoạn 2019 - 2023: "
        "gấp 2,44 lần bình quân chung cả nước.")


async def test_a_name_split_by_the_citys_name_and_a_year_is_still_named(kb: KnowledgeBase, run_action) -> None:
    messages, _ = await run_action(ActionAnswer(kb), "kinh tế hp năm 2024 lớn lên bn % vậy ad", "ask_indicator")
    assert texts_of(messages).split("\n")[0] == (
        "Tốc độ tăng tổng sản phẩm trên địa bàn GRDP (giá so sánh 2010) năm 2024: ước đạt 11,01%.")


async def test_a_claimed_first_place_is_rejected_first(kb: KnowledgeBase, run_action) -> None:
    messages, _ = await run_action(ActionAnswer(kb), "PCI năm 2023 hải phòng đứng đầu cả nước à", "ask_indicator")
    assert texts_of(messages).split("\n")[:2] == [
        "Không đúng: theo tài liệu, xếp hạng Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) năm 2023 không đứng đầu.",
        "Xếp hạng Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) năm 2023: xếp thứ 3/63 (63 tỉnh thành phố)."]


async def test_a_claimed_number_is_checked_before_the_plan(kb: KnowledgeBase, run_action) -> None:
    messages, _ = await run_action(ActionAnswer(kb), "san luong hang qua cang nam 2024 vuot 250 trieu tan phai khong",
                                   "ask_indicator")
    assert texts_of(messages).startswith("Không đúng như vậy: tài liệu không ghi con số đó")
