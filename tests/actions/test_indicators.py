"""Figures with their source; clarification instead of guessing; follow-ups from slots.

The answering action's messages and events compared whole (what the bot answers on 2026-12-04)."""

import pytest

from actions.answer import ActionAnswer
from knowledge import KnowledgeBase

from .conftest import CLEARED, FEEDBACK, button, said, slot, texts_of

SOURCE_002 = "Nguồn: Báo cáo số 619-BC/TU ngày 03/12/2024 của Thành ủy Hải Phòng."


async def test_grdp_2024_accentless_gives_figure_and_source(kb: KnowledgeBase, run_action) -> None:
    messages, events = await run_action(ActionAnswer(kb), "grdp hai phong nam 2024 tang bao nhieu", "ask_indicator")
    assert messages == [
        said(
            'Tốc độ tăng tổng sản phẩm trên địa bàn GRDP (giá so sánh 2010) năm 2024: ước đạt 11,01%.\n'
            + SOURCE_002 + "\n"
            + 'Tài liệu cũng nêu:\n'
            '• Kế hoạch 11,5 - 12% (kế hoạch giao).\n'
            '• Xếp thứ 3 (cả nước) (ước thực hiện).\n'
            '• Gấp 1,6 lần tốc độ tăng trưởng chung của cả nước (ước thực hiện).\n'
            '• Cả nước: ước đạt 6,8-7% (tốc độ tăng trưởng chung của cả nước).\n'
            + SOURCE_002,
            [button('So với kế hoạch', '/ask_comparison{"indicator": "grdp_growth", "period": "2024", "comparison": "plan"}'),
             button('So với cả nước', '/ask_comparison{"indicator": "grdp_growth", "period": "2024", "comparison": "national"}'),
             button('👍 Hữu ích', '/feedback{"rating": "up"}'),
             button('👎 Chưa đúng', '/feedback{"rating": "down"}')])
    ]
    assert events == [slot('indicator', 'grdp_growth'),
                       slot('period', '2024'),
                       slot('topic', 'indicator'),
                       slot('value_kind', None),
                       slot("subject", None),
                       *CLEARED,
                       slot('last_answer_id', 'indicator:grdp_growth:2024'),
                       slot('last_question', 'grdp hai phong nam 2024 tang bao nhieu')]


async def test_no_period_answers_the_latest_and_offers_the_others(kb: KnowledgeBase, run_action) -> None:
    messages, events = await run_action(ActionAnswer(kb), "thu ngân sách bao nhiêu", "ask_indicator")
    assert messages == [
        said(
            'Thu ngân sách Nhà nước trên địa bàn 6 tháng đầu năm 2025: đạt hơn 100.000 tỷ đồng (6 tháng đầu năm 2025, thành phố sau hợp nhất).\n'
            'Nguồn: Bài “Kinh tế Hải Phòng tiếp tục duy trì đà tăng trưởng 2 con số” về Hội nghị Thành ủy Hải Phòng ngày 12/7/2025.\n'
            '(Bạn không nêu kỳ nào: đây là số liệu mới nhất có trong tài liệu, 6 tháng đầu năm 2025.)',
            [button('Năm 2025', '/ask_indicator{"indicator": "budget_revenue", "period": "2025"}'),
             button('Quý I/2025', '/ask_indicator{"indicator": "budget_revenue", "period": "2025-Q1"}'),
             button('Năm 2024', '/ask_indicator{"indicator": "budget_revenue", "period": "2024"}'),
             button('9 tháng năm 2024', '/ask_indicator{"indicator": "budget_revenue", "period": "2024-9M"}'),
             button('👍 Hữu ích', '/feedback{"rating": "up"}'),
             button('👎 Chưa đúng', '/feedback{"rating": "down"}')])
    ]
    assert events == [slot('indicator', 'budget_revenue'),
                       slot('period', '2025-H1'),
                       slot('topic', 'indicator'),
                       slot('value_kind', None),
                       slot("subject", "thu ngân sách"),
                       *CLEARED,
                       slot('last_answer_id', 'indicator:budget_revenue:2025-H1'),
                       slot('last_question', 'thu ngân sách bao nhiêu')]


async def test_followup_year_uses_indicator_from_context(kb: KnowledgeBase, run_action) -> None:
    messages, events = await run_action(ActionAnswer(kb), "còn năm 2025?", "ask_indicator",
                                   slots={"indicator": "grdp_growth", "period": "2024", "topic": "indicator"})
    assert messages == [
        said(
            'Tốc độ tăng tổng sản phẩm trên địa bàn GRDP (giá so sánh 2010) 6 tháng đầu năm 2025: ước đạt 11,28% (6 tháng đầu năm 2025).\n'
            'Nguồn: Bài “Kinh tế Hải Phòng tiếp tục duy trì đà tăng trưởng 2 con số” về Hội nghị Thành ủy Hải Phòng ngày 12/7/2025.\n'
            'Tốc độ tăng tổng sản phẩm trên địa bàn GRDP (giá so sánh 2010) năm 2025: kế hoạch 12,5% (kế hoạch cả năm).\n'
            'Nguồn: Bài “Động lực chuyển mình từ chủ đề năm”, Cửa Biển (kết quả quý I/2025).\n'
            'Tài liệu cũng nêu:\n'
            '• Mục tiêu phấn đấu từ 12,35% (mức phấn đấu cả năm 2025, "từ 12,35% trở lên").\n'
            'Nguồn: Bài “Kinh tế Hải Phòng tiếp tục duy trì đà tăng trưởng 2 con số” về Hội nghị Thành ủy Hải Phòng ngày 12/7/2025.\n'
            '• Kế hoạch 12,5% (so với năm 2024).\n'
            '• Cả nước: kế hoạch 6,5-7,0%.\n'
            '• Cả nước: mục tiêu phấn đấu 7,0-7,5% (phấn đấu).\n'
            + SOURCE_002,
            [button('So với cả nước', '/ask_comparison{"indicator": "grdp_growth", "period": "2025", "comparison": "national"}'),
             button('👍 Hữu ích', '/feedback{"rating": "up"}'),
             button('👎 Chưa đúng', '/feedback{"rating": "down"}')])
    ]
    assert events == [slot('indicator', 'grdp_growth'),
                       slot('period', '2025'),
                       slot('topic', 'indicator'),
                       slot('value_kind', None),
                       slot("subject", None),
                       *CLEARED,
                       slot('last_answer_id', 'indicator:grdp_growth:2025'),
                       slot('last_question', 'còn năm 2025?')]


async def test_sector_beats_overall_growth(kb: KnowledgeBase, run_action) -> None:
    messages, events = await run_action(ActionAnswer(kb), "tang truong dich vu nam 2024", "ask_indicator")
    assert messages == [
        said(
            'Tăng trưởng khu vực dịch vụ năm 2024: ước đạt 8,4%.\n'
            + SOURCE_002 + "\n"
            + 'Tài liệu cũng nêu:\n'
            '• Ước đạt 8,66%.\n'
            '• Kế hoạch 10,20 - 10,75%.\n'
            '  Ghi chú: Lời văn của báo cáo ghi khu vực dịch vụ tăng 8,4%; bảng chỉ tiêu của cùng báo cáo ghi ước thực hiện 8,66%.\n'
            + SOURCE_002 + "\n"
            + 'Lưu ý: các tài liệu (hoặc các phần của cùng tài liệu) đưa ra số liệu khác nhau; tôi nêu đủ cả hai kèm nguồn.',
            [button('So với kế hoạch', '/ask_comparison{"indicator": "grdp_growth_services", "period": "2024", "comparison": "plan"}'),
             button('👍 Hữu ích', '/feedback{"rating": "up"}'),
             button('👎 Chưa đúng', '/feedback{"rating": "down"}')])
    ]
    assert events == [slot('indicator', 'grdp_growth_services'),
                       slot('period', '2024'),
                       slot('topic', 'indicator'),
                       slot('value_kind', None),
                       slot("subject", "tăng trưởng dịch vụ"),
                       *CLEARED,
                       slot('last_answer_id', 'indicator:grdp_growth_services:2024'),
                       slot('last_question', 'tang truong dich vu nam 2024')]


async def test_unknown_period_says_so_and_offers_known_ones(kb: KnowledgeBase, run_action) -> None:
    messages, events = await run_action(ActionAnswer(kb), "kim ngạch xuất khẩu năm 2030", "ask_indicator")
    assert messages == [
        said(
            'Các tài liệu tôi có không nêu số liệu Kim ngạch xuất khẩu năm 2030.',
            [button('Năm 2025', '/ask_indicator{"indicator": "export_turnover", "period": "2025"}'),
             button('Quý I/2025', '/ask_indicator{"indicator": "export_turnover", "period": "2025-Q1"}'),
             button('Năm 2024', '/ask_indicator{"indicator": "export_turnover", "period": "2024"}'),
             button('9 tháng năm 2024', '/ask_indicator{"indicator": "export_turnover", "period": "2024-9M"}')])
    ]
    assert events == [slot('indicator', 'export_turnover'),
                       slot('period', '2030'),
                       slot('topic', 'indicator'),
                       slot('value_kind', None),
                       slot('options', None),
                       slot('page_query', None),
                       slot('page', None)]


async def test_budget_against_plan_shows_inputs_and_stated_ratio(kb: KnowledgeBase, run_action) -> None:
    messages, events = await run_action(ActionAnswer(kb), "thu ngân sách 2024 so với kế hoạch", "ask_comparison")
    assert messages == [
        said(
            'Thu ngân sách Nhà nước trên địa bàn năm 2024: ước đạt 116.387,596 tỷ đồng; kế hoạch 106.761,592 tỷ đồng.\n'
            '→ Tính từ hai số trên: bằng khoảng 109% kế hoạch.\n'
            'Tài liệu ghi: Bằng 118,9% dự toán Trung ương giao (ước thực hiện).\n'
            + SOURCE_002 + "\n"
            + '\n'
            'Tài liệu cũng nêu:\n'
            '• Thu ngân sách Nhà nước trên địa bàn năm 2024: bằng 109,0% dự toán Hội đồng nhân dân thành phố giao (ước thực hiện).\n'
            + SOURCE_002,
            FEEDBACK)
    ]
    assert events == [slot('indicator', 'budget_revenue'),
                       slot('period', '2024'),
                       slot('topic', 'indicator'),
                       slot("subject", "thu ngân sách"),
                       *CLEARED,
                       slot('last_answer_id', 'compare:budget_revenue:2024:plan'),
                       slot('last_question', 'thu ngân sách 2024 so với kế hoạch')]


async def test_per_capita_against_country(kb: KnowledgeBase, run_action) -> None:
    messages, events = await run_action(ActionAnswer(kb), "grdp binh quan dau nguoi 2024 gap may lan ca nuoc",
                                   "ask_comparison")
    assert messages == [
        said(
            'GRDP bình quân đầu người (giá hiện hành) năm 2024: Hải Phòng ước đạt 8.665 USD/người; cả nước 4.647 USD/người.\n'
            '→ Tính từ hai số trên: Hải Phòng gấp khoảng 1,86 lần cả nước.\n'
            + SOURCE_002,
            FEEDBACK)
    ]
    assert events == [slot('indicator', 'grdp_per_capita'),
                       slot('period', '2024'),
                       slot('topic', 'indicator'),
                       slot("subject", "grdp bình quân người"),
                       *CLEARED,
                       slot('last_answer_id', 'compare:grdp_per_capita:2024:national'),
                       slot('last_question', 'grdp binh quan dau nguoi 2024 gap may lan ca nuoc')]


async def test_comparison_without_kind_shows_the_figures_and_offers_comparisons(kb: KnowledgeBase, run_action) -> None:
    messages, events = await run_action(ActionAnswer(kb), "so sánh thu ngân sách 2024", "ask_comparison")
    assert messages == [
        said(
            'Thu ngân sách Nhà nước trên địa bàn năm 2024: ước đạt 116.387,596 tỷ đồng.\n'
            + SOURCE_002 + "\n"
            + 'Tài liệu cũng nêu:\n'
            '• Kế hoạch 106.761,592 tỷ đồng.\n'
            '• Bằng 118,9% dự toán Trung ương giao (ước thực hiện).\n'
            '• Bằng 109,0% dự toán Hội đồng nhân dân thành phố giao (ước thực hiện).\n'
            + SOURCE_002,
            [button('So với kế hoạch', '/ask_comparison{"indicator": "budget_revenue", "period": "2024", "comparison": "plan"}'),
             button('👍 Hữu ích', '/feedback{"rating": "up"}'),
             button('👎 Chưa đúng', '/feedback{"rating": "down"}')])
    ]
    assert events == [slot('indicator', 'budget_revenue'),
                       slot('period', '2024'),
                       slot('topic', 'indicator'),
                       slot('value_kind', None),
                       slot("subject", "thu ngân sách"),
                       *CLEARED,
                       slot('last_answer_id', 'indicator:budget_revenue:2024'),
                       slot('last_question', 'so sánh thu ngân sách 2024')]


async def test_previous_year_against_the_period_in_context(kb: KnowledgeBase, run_action) -> None:
    messages, events = await run_action(ActionAnswer(kb), "so với năm 2024 thì sao", "ask_comparison",
                                   slots={"indicator": "budget_revenue", "period": "2025", "topic": "indicator"})
    assert messages == [
        said(
            'Thu ngân sách Nhà nước trên địa bàn: năm 2025 kế hoạch 118.079,279 tỷ đồng; năm 2024 116.387,596 tỷ đồng.\n'
            '→ Cao hơn năm 2024 1.691,68 tỷ đồng (tính từ hai số trên).\n'
            + SOURCE_002,
            FEEDBACK)
    ]
    assert events == [slot('indicator', 'budget_revenue'),
                       slot('period', '2024'),
                       slot('topic', 'indicator'),
                       slot("subject", None),
                       *CLEARED,
                       slot('last_answer_id', 'compare:budget_revenue:2025:previous'),
                       slot('last_question', 'so với năm 2024 thì sao')]


async def test_list_social_indicators_2025_pages(kb: KnowledgeBase, run_action) -> None:
    messages, events = await run_action(ActionAnswer(kb), "chỉ tiêu xã hội năm 2025", "list_indicators")
    assert messages == [
        said(
            'Các chỉ tiêu chủ yếu nhóm xã hội năm 2025 (bảng chỉ tiêu kèm Báo cáo số 619-BC/TU ngày 03/12/2024 của Thành ủy Hải Phòng):\n'
            '• Tỷ lệ thất nghiệp ở thành thị: kế hoạch <3,5%\n'
            '• Số lao động được giải quyết việc làm: kế hoạch 58.500 lượt người\n'
            '• Tỷ lệ lao động qua đào tạo: kế hoạch 88%\n'
            '• Tỷ lệ lao động qua đào tạo từ 3 tháng trở lên có văn bằng chứng chỉ: kế hoạch 40%\n'
            '• Tỷ lệ dân số tham gia bảo hiểm y tế: kế hoạch 95,2%\n'
            '• Mức giảm tỷ lệ hộ nghèo theo chuẩn quốc gia giai đoạn 2022-2025 (Tỷ lệ hộ nghèo (chỉ tiêu của năm 2025)): kế hoạch Tiếp tục duy trì trên địa bàn thành phố không còn hộ nghèo theo chuẩn nghèo quốc gia giai đoạn 2022 - 2025 · kế hoạch Tiếp tục duy trì trên địa bàn thành phố không còn hộ nghèo theo chuẩn')
    ]
    assert events == [slot('topic', 'list'),
                       slot('page_query', None),
                       slot('page', None),
                       slot('options', None)]


async def test_another_provinces_figure_is_refused_not_answered_with_ours(kb: KnowledgeBase, run_action) -> None:
    messages, events = await run_action(ActionAnswer(kb), "thu ngan sach tp hcm nam 2024", "ask_indicator")
    assert messages == [
        said(
            'Tôi chỉ có số liệu của thành phố Hải Phòng (và cả nước khi tài liệu so sánh), không có số liệu của Hồ Chí Minh. Bạn muốn xem số liệu này của Hải Phòng không?',
            [button('Có, của Hải Phòng', '/ask_indicator{"indicator": "budget_revenue"}')])
    ]
    assert events == [slot('options', None),
                       slot('page_query', None),
                       slot('page', None)]


async def test_percent_against_country_is_a_difference_not_a_ratio(kb: KnowledgeBase, run_action) -> None:
    messages, events = await run_action(ActionAnswer(kb), "bhyt 2024 so voi ca nuoc", "ask_comparison")
    assert messages == [
        said(
            'Tỷ lệ dân số tham gia bảo hiểm y tế năm 2024: Hải Phòng ước đạt 94,1%; cả nước 94,1%.\n'
            '→ Bằng mức của cả nước.\n'
            + SOURCE_002,
            FEEDBACK)
    ]
    assert events == [slot('indicator', 'health_insurance_coverage'),
                       slot('period', '2024'),
                       slot('topic', 'indicator'),
                       slot("subject", "hiểm tế"),
                       *CLEARED,
                       slot('last_answer_id', 'compare:health_insurance_coverage:2024:national'),
                       slot('last_question', 'bhyt 2024 so voi ca nuoc')]


async def test_change_is_worded_as_increase(kb: KnowledgeBase, run_action) -> None:
    messages, events = await run_action(ActionAnswer(kb), "vốn FDI quý 1 2025", "ask_indicator")
    assert messages == [
        said(
            'Thu hút vốn đầu tư nước ngoài quý I/2025: đạt 372 triệu USD.\n'
            'Nguồn: Bài “Động lực chuyển mình từ chủ đề năm”, Cửa Biển (kết quả quý I/2025).\n'
            'Tài liệu cũng nêu:\n'
            '• Tăng 46,84% so với cùng kỳ.\n'
            '• Bằng 8,27% kế hoạch năm.\n'
            'Nguồn: Bài “Động lực chuyển mình từ chủ đề năm”, Cửa Biển (kết quả quý I/2025).',
            FEEDBACK)
    ]
    assert events == [slot('indicator', 'fdi_attraction'),
                       slot('period', '2025-Q1'),
                       slot('topic', 'indicator'),
                       slot('value_kind', None),
                       slot("subject", None),
                       *CLEARED,
                       slot('last_answer_id', 'indicator:fdi_attraction:2025-Q1'),
                       slot('last_question', 'vốn FDI quý 1 2025')]



@pytest.mark.parametrize(("question", "first_lines"), [
    # the figure whose wording the question shares
    ("11 tháng đầu 2024 công an HP xử lý bn trường hợp vi phạm nồng độ cồn",
     ["Số trường hợp vi phạm trật tự, an toàn giao thông bị kiểm tra, xử lý 11 tháng năm 2024: đạt 29.772 trường hợp "
      "(vi phạm nồng độ cồn đối với người điều khiển phương tiện giao thông)."]),
    # a share of the plan asked: the stated share
    ("thu ngân sách 2024 đạt bao nhiêu % dự toán",
     ["Thu ngân sách Nhà nước trên địa bàn năm 2024: bằng 118,9% dự toán Trung ương giao (ước thực hiện)."]),
    # a multiple asked: the stated multiple, not a difference computed
    ("tăng trưởng bình quân 2019-2023 gấp mấy lần cả nước",
     ["Tốc độ tăng tổng sản phẩm trên địa bàn GRDP (giá so sánh 2010) giai đoạn 2019 - 2023: "
      "gấp 2,44 lần bình quân chung cả nước."]),
    # the unit asked ("tỷ đồng") is no word of a figure's wording ("đóng trên địa bàn")
    ("Cơn bão Yagi gây thiệt hại cho Hải Phòng ước tính khoảng bao nhiêu tỷ đồng?",
     ["Tổng thiệt hại (ước tính) do bão số 3 (Yagi) gây ra trên địa bàn thành phố năm 2024: ước đạt hơn 13.000 tỷ đồng."]),
    # a name split by the city's name and a year
    ("kinh tế hp năm 2024 lớn lên bn % vậy ad",
     ["Tốc độ tăng tổng sản phẩm trên địa bàn GRDP (giá so sánh 2010) năm 2024: ước đạt 11,01%."]),
    # a claimed first place: rejected first
    ("PCI năm 2023 hải phòng đứng đầu cả nước à",
     ["Không đúng: theo tài liệu, xếp hạng Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) năm 2023 không đứng đầu.",
      "Xếp hạng Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) năm 2023: xếp thứ 3/63 (63 tỉnh thành phố)."]),
])
async def test_the_figure_asked_comes_first(kb: KnowledgeBase, run_action, question: str, first_lines: list[str]) -> None:
    messages, _ = await run_action(ActionAnswer(kb), question, "ask_indicator")
    assert texts_of(messages).split("\n")[:len(first_lines)] == first_lines


async def test_a_claimed_number_is_checked_before_the_plan(kb: KnowledgeBase, run_action) -> None:
    messages, _ = await run_action(ActionAnswer(kb), "san luong hang qua cang nam 2024 vuot 250 trieu tan phai khong",
                                   "ask_indicator")
    assert texts_of(messages).startswith("Không đúng như vậy: tài liệu không ghi con số đó")


@pytest.mark.parametrize(("question", "verdict"), [
    ("khu vực nông nghiệp năm 2024 tăng trưởng mạnh nhất phải không",
     "Không đúng: theo tài liệu, tăng trưởng khu vực công nghiệp và xây dựng năm 2024 mới là cao nhất (ước đạt 13,8%)."),
    ("năm 2024 công nghiệp xây dựng tăng cao nhất đúng không",
     "Đúng, theo tài liệu tăng trưởng khu vực công nghiệp và xây dựng năm 2024 là cao nhất trong các khu vực."),
])
async def test_a_sector_said_to_grow_most_is_checked_against_the_others(
        kb: KnowledgeBase, run_action, question: str, verdict: str) -> None:
    messages, _ = await run_action(ActionAnswer(kb), question, "ask_indicator")
    assert texts_of(messages).split("\n")[0] == verdict
