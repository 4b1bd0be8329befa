"""Follow-ups, choices, paging, feedback, fallback and a database that is down.

The answering action's messages and events are compared whole, as rasa-sdk's own tests do."""

from pathlib import Path
from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from actions.answer import ActionAnswer
from actions.feedback import ActionRecordFeedback
from knowledge import KnowledgeBase
from knowledge.feedback import FeedbackStore

from .conftest import button, make_tracker, said, slot, texts_of

REPORT_619 = "Nguồn: Báo cáo số 619-BC/TU ngày 03/12/2024 của Thành ủy Hải Phòng."
FEEDBACK = [button("👍 Hữu ích", '/feedback{"rating": "up"}'), button("👎 Chưa đúng", '/feedback{"rating": "down"}')]
NO_INFORMATION = [
    said("Xin lỗi, các tài liệu tôi có không có thông tin này, nên tôi không trả lời để tránh nói sai."),
    said("Tôi có thể trả lời về chỉ tiêu kinh tế - xã hội, dự án trọng điểm, chính sách và chính quyền 2 cấp của Hải Phòng:",
         [button("Tăng trưởng GRDP 2024", "Tăng trưởng GRDP năm 2024 là bao nhiêu?"),
          button("Dự án trọng điểm 2025", "Các dự án trọng điểm năm 2025"),
          button("Chính quyền 2 cấp", "Chính quyền địa phương 2 cấp là gì?"),
          button("Địa chỉ cũ → mới", "Phường Lạch Tray quận Ngô Quyền giờ thuộc phường nào?")]),
]
CLEARED = [slot("options", None), slot("page_query", None), slot("page", None)]


def answered(answer_id: str, question: str, subject: str | None = None) -> list[dict[str, Any]]:
    return [slot("subject", subject), *CLEARED, slot("last_answer_id", answer_id), slot("last_question", question)]


async def test_followup_kind_uses_indicator_and_period_in_context(kb: KnowledgeBase, run_action) -> None:
    messages, events = await run_action(ActionAnswer(kb), "thế kế hoạch là bao nhiêu?", "followup",
                                        slots={"indicator": "export_turnover", "period": "2024", "topic": "indicator"})
    assert messages == [said(
        "Kim ngạch xuất khẩu năm 2024: kế hoạch 33 tỷ USD.\n" + REPORT_619,
        [button("So với kế hoạch", '/ask_comparison{"indicator": "export_turnover", "period": "2024", "comparison": "plan"}'),
         *FEEDBACK])]
    assert events == [slot("indicator", "export_turnover"), slot("period", "2024"), slot("topic", "indicator"),
                      slot("value_kind", "target"),
                      *answered("indicator:export_turnover:2024", "thế kế hoạch là bao nhiêu?")]


async def test_followup_comparison_goes_to_the_comparison(kb: KnowledgeBase, run_action) -> None:
    messages, events = await run_action(ActionAnswer(kb), "còn so với cả nước?", "followup",
                                        slots={"indicator": "grdp_per_capita", "period": "2024", "topic": "indicator"})
    assert messages == [said(
        "GRDP bình quân đầu người (giá hiện hành) năm 2024: Hải Phòng ước đạt 8.665 USD/người; cả nước 4.647 USD/người.\n"
        "→ Tính từ hai số trên: Hải Phòng gấp khoảng 1,86 lần cả nước.\n" + REPORT_619, FEEDBACK)]
    assert events == [slot("indicator", "grdp_per_capita"), slot("period", "2024"), slot("topic", "indicator"),
                      *answered("compare:grdp_per_capita:2024:national", "còn so với cả nước?")]


async def test_followup_on_a_project_in_context(kb: KnowledgeBase, run_action) -> None:
    messages, events = await run_action(ActionAnswer(kb), "nó bao nhiêu tiền", "followup",
                                        slots={"project": "cau_nguyen_trai", "topic": "project"})
    assert messages == [said(
        "Dự án đầu tư xây dựng cầu Nguyễn Trãi và chỉnh trang đô thị vùng phụ cận: giá trị phê duyệt/dự kiến theo dự án thành phần — "
        "Dự án thành phần 1: Xây dựng công trình: 4.416.240 triệu đồng; Dự án thành phần 2: Thu hồi đất, bồi thường, hỗ trợ GPMB: 1.819.354 triệu đồng.\n"
        "Nhóm: dự án đang triển khai, chuyển tiếp từ năm 2024 sang năm 2025 (Danh mục dự án trọng điểm năm 2025, số thứ tự 19).\n"
        "Nguồn vốn: vốn ngân sách thành phố.\n"
        "Văn bản phê duyệt: Nghị quyết số 49/NQ-HĐND ngày 22/12/2020; điều chỉnh tại Nghị quyết số 34/NQ-HĐND ngày 12/8/2021 "
        "và Nghị quyết số 36/NQ-HĐND ngày 20/7/2022; Dự án thành phần 1: Xây dựng công trình phê duyệt tại Quyết định số "
        "2776/QĐ-UBND ngày 14/09/2023; Dự án thành phần 2: Thu hồi đất, bồi thường, hỗ trợ GPMB phê duyệt tại Quyết định số "
        "4554/QĐ-UBND ngày 30/12/2022.\n"
        "Tình hình (tại ngày 3/12/2024): Đang triển khai, chuyển tiếp từ năm 2024 sang năm 2025. Theo báo cáo, dự án nằm trong "
        "nhóm dự án giao thông lớn, trọng điểm được đẩy nhanh tiến độ thực hiện và khởi công.\n" + REPORT_619, FEEDBACK)]
    assert events == [slot("project", "cau_nguyen_trai"), slot("topic", "project"),
                      *answered("project:cau_nguyen_trai", "nó bao nhiêu tiền")]


async def test_followup_without_context_is_answered_as_a_question_of_its_own(kb: KnowledgeBase, run_action) -> None:
    messages, events = await run_action(ActionAnswer(kb), "thế còn cái kia", "followup")
    assert messages == NO_INFORMATION
    assert events == [slot("topic", None), *CLEARED]  # no last_answer_id: nothing was answered


async def test_choice_among_offered_options(kb: KnowledgeBase, run_action) -> None:
    options = ['/ask_project{"project": "cat_bi_nha_ga_t2"}', '/ask_project{"project": "cat_bi_nha_ga_hang_hoa"}']
    messages, events = await run_action(ActionAnswer(kb), "cái thứ hai", "choose_option", slots={"options": options})
    assert messages == [said(
        "Dự án đầu tư xây dựng Nhà ga hàng hóa Cảng Hàng không Quốc tế Cát Bi: giá trị phê duyệt/dự kiến 725.000 triệu đồng.\n"
        "Nhóm: dự án đang triển khai, chuyển tiếp từ năm 2024 sang năm 2025 (Danh mục dự án trọng điểm năm 2025, số thứ tự 22).\n"
        "Nguồn vốn: vốn ngoài ngân sách.\n"
        "Văn bản phê duyệt: Quyết định số 3067/QĐ-UBND ngày 25/10/2021 chấp thuận chủ trương đầu tư đồng thời chấp thuận nhà "
        "đầu tư.\n"
        "Tình hình (tại ngày 3/12/2024): Đang triển khai, chuyển tiếp từ năm 2024 sang năm 2025. Tại thời điểm báo cáo, thành "
        "phố phối hợp với Tổng công ty Cảng hàng không Việt Nam triển khai dự án; nhiệm vụ năm 2025: đẩy nhanh tiến độ xây dựng "
        "ga hàng hóa của Cảng hàng không quốc tế Cát Bi.\n" + REPORT_619, FEEDBACK)]
    assert events == [slot("project", "cat_bi_nha_ga_hang_hoa"), slot("topic", "project"),
                      *answered("project:cat_bi_nha_ga_hang_hoa", "cái thứ hai")]


async def test_choice_out_of_range_says_which_numbers(kb: KnowledgeBase, run_action) -> None:
    messages, _ = await run_action(ActionAnswer(kb), "số 9", "choose_option",
                                   slots={"options": ['/ask_project{"project": "cau_nguyen_trai"}']})
    assert texts_of(messages) == "Bạn chọn số từ 1 đến 1 giúp tôi nhé."


async def test_show_more_continues_the_list(kb: KnowledgeBase, run_action, monkeypatch) -> None:
    monkeypatch.setattr("actions.paging.PAGE_SIZE", 6)  # the paging, on a group that fits one page of the bot's size
    messages, events = await run_action(ActionAnswer(kb), "xem thêm", "show_more", slots={
        "page_query": '/list_projects{"project_group": "groundbreaking_2025"}', "page": 1.0})
    assert messages == [said(
        "Dự án khởi công năm 2025 (danh mục dự án trọng điểm năm 2025) (tiếp, trang 2):\n"
        "7. Dự án đầu tư xây dựng công trình hỗn hợp 75 tầng tại lô I.14/CTHH-01 thuộc Khu đô thị mới Bắc sông cấm tại xã Tân "
        "Dương và xã Dương Quan, huyện Thủy Nguyên – 7.515.326,675 triệu đồng\n"
        "8. Dự án đầu tư xây dựng và kinh doanh kết cấu hạ tầng khu công nghiệp Tiên Thanh – 4.597.000 triệu đồng\n"
        + REPORT_619)]
    assert events == [slot("topic", "project_list"), slot("page_query", None), slot("page", None),
                      slot("options", ['/ask_project{"project": "toa_75_tang_bac_song_cam"}',
                                       '/ask_project{"project": "kcn_tien_thanh"}'])]


async def test_show_more_with_nothing_to_continue(kb: KnowledgeBase, run_action) -> None:
    messages, events = await run_action(ActionAnswer(kb), "xem thêm", "show_more")
    assert messages == [said("Không còn mục nào để xem thêm. Bạn muốn hỏi gì tiếp?")]
    assert events == CLEARED


async def test_unknown_question_is_recorded_and_never_gets_a_number(kb: KnowledgeBase, run_action, feedback_db) -> None:
    messages, events = await run_action(ActionAnswer(kb), "tỷ lệ tiêm vắc xin cúm mùa năm 2024", "nlu_fallback")
    assert messages == NO_INFORMATION
    assert events == [slot("topic", None), *CLEARED]
    [row] = feedback_db.most_unanswered()
    assert row.question == "tỷ lệ tiêm vắc xin cúm mùa năm 2024"


async def test_unknown_intent_but_named_indicator_is_answered(kb: KnowledgeBase, run_action, feedback_db) -> None:
    messages, events = await run_action(ActionAnswer(kb), "FDI 2024 của hp", "nlu_fallback")
    assert messages == [said(
        "Thu hút vốn đầu tư nước ngoài năm 2024: ước đạt 4,7 tỷ USD.\n" + REPORT_619 + "\n"
        "Tài liệu cũng nêu:\n"
        "• Kế hoạch 2,0 - 2,5 tỷ USD.\n"
        "• Bằng 235% kế hoạch đề ra (ước thực hiện).\n" + REPORT_619,
        [button("So với kế hoạch", '/ask_comparison{"indicator": "fdi_attraction", "period": "2024", "comparison": "plan"}'),
         *FEEDBACK])]
    assert events == [slot("indicator", "fdi_attraction"), slot("period", "2024"), slot("topic", "indicator"),
                      slot("value_kind", None), *answered("indicator:fdi_attraction:2024", "FDI 2024 của hp")]


async def test_feedback_is_stored_with_answer_id_and_hashed_sender(matcher, feedback_db) -> None:
    tracker = make_tracker(matcher, '/feedback{"rating": "down"}', "feedback",
                           slots={"last_question": "xuất khẩu 2024", "last_answer_id": "indicator:export_turnover:2024"},
                           entities=[{"entity": "rating", "value": "down"}])
    events = await ActionRecordFeedback().run(CollectingDispatcher(), tracker, {})
    assert events == [{"event": "slot", "timestamp": None, "name": "rating", "value": "down"}]
    [row] = feedback_db.worst_rated()
    assert (row.answer_id, row.question, row.count) == ("indicator:export_turnover:2024", "xuất khẩu 2024", 1)


async def test_feedback_rating_read_from_text(matcher, feedback_db) -> None:
    tracker = make_tracker(matcher, "câu trả lời không đúng", "feedback", slots={"last_question": "q"})
    events = await ActionRecordFeedback().run(CollectingDispatcher(), tracker, {})
    assert events[0]["value"] == "down"


async def test_database_down_gives_an_apology_not_an_error(tmp_path: Path, run_action) -> None:
    missing = KnowledgeBase(f"sqlite:///{tmp_path / 'gone.db'}")
    messages, events = await run_action(ActionAnswer(missing), "grdp 2024", "ask_indicator")
    assert texts_of(messages) == "Xin lỗi, tôi chưa tra cứu được lúc này. Bạn vui lòng thử lại sau ít phút."
    assert events == []


def test_report_lists_frequent_unanswered_first(tmp_path: Path) -> None:
    store = FeedbackStore(f"sqlite:///{tmp_path / 'f.db'}")
    for question in ("giá vàng hôm nay", "Giá vàng hôm nay?", "lịch thi đấu"):
        store.record("unanswered", question, "sender-a", "rest")
    rows = store.most_unanswered()
    assert [(r.count, r.question) for r in rows] == [(2, "Giá vàng hôm nay?"), (1, "lịch thi đấu")]
    store.close()
