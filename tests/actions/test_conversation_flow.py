"""Follow-ups, choices, paging, feedback, fallback and a database that is down."""

import re
from pathlib import Path

from rasa_sdk.executor import CollectingDispatcher

from actions.answer import ActionAnswer
from actions.feedback import ActionRecordFeedback
from knowledge import KnowledgeBase
from knowledge.feedback import FeedbackStore

from .conftest import make_tracker, payloads_of, slots_of, texts_of


async def test_followup_kind_uses_indicator_and_period_in_context(kb: KnowledgeBase, run_action) -> None:
    messages, _ = await run_action(ActionAnswer(kb), "thế kế hoạch là bao nhiêu?", "followup",
                                   slots={"indicator": "export_turnover", "period": "2024", "topic": "indicator"})
    text = texts_of(messages)
    assert text.startswith("Kim ngạch xuất khẩu năm 2024: kế hoạch 33 tỷ USD.") and "33,25" not in text


async def test_followup_comparison_goes_to_the_comparison(kb: KnowledgeBase, run_action) -> None:
    messages, _ = await run_action(ActionAnswer(kb), "còn so với cả nước?", "followup",
                                   slots={"indicator": "grdp_per_capita", "period": "2024", "topic": "indicator"})
    assert "gấp khoảng 1,86 lần" in texts_of(messages)


async def test_followup_on_a_project_in_context(kb: KnowledgeBase, run_action) -> None:
    messages, _ = await run_action(ActionAnswer(kb), "nó bao nhiêu tiền", "followup",
                                   slots={"project": "cau_nguyen_trai", "topic": "project"})
    assert "4.416.240" in texts_of(messages)


async def test_followup_without_context_is_answered_as_a_question_of_its_own(kb: KnowledgeBase, run_action) -> None:
    messages, events = await run_action(ActionAnswer(kb), "thế còn cái kia", "followup")
    assert "không có thông tin này" in texts_of(messages)
    assert "last_answer_id" not in slots_of(events) and slots_of(events)["topic"] is None


async def test_choice_among_offered_options(kb: KnowledgeBase, run_action) -> None:
    options = ['/ask_project{"project": "cat_bi_nha_ga_t2"}', '/ask_project{"project": "cat_bi_nha_ga_hang_hoa"}']
    messages, events = await run_action(ActionAnswer(kb), "cái thứ hai", "choose_option", slots={"options": options})
    assert "725.000" in texts_of(messages)
    assert slots_of(events)["project"] == "cat_bi_nha_ga_hang_hoa"


async def test_choice_out_of_range_says_which_numbers(kb: KnowledgeBase, run_action) -> None:
    messages, _ = await run_action(ActionAnswer(kb), "số 9", "choose_option",
                                   slots={"options": ['/ask_project{"project": "cau_nguyen_trai"}']})
    assert texts_of(messages) == "Bạn chọn số từ 1 đến 1 giúp tôi nhé."


async def test_show_more_continues_the_list(kb: KnowledgeBase, run_action) -> None:
    messages, events = await run_action(ActionAnswer(kb), "xem thêm", "show_more", slots={
        "page_query": '/list_projects{"project_group": "groundbreaking_2025"}', "page": 1.0})
    text = texts_of(messages)
    assert "trang 2" in text and "7. " in text and "8. " in text
    assert slots_of(events)["page_query"] is None


async def test_show_more_with_nothing_to_continue(kb: KnowledgeBase, run_action) -> None:
    messages, _ = await run_action(ActionAnswer(kb), "xem thêm", "show_more")
    assert "Không còn mục nào" in texts_of(messages)


async def test_unknown_question_is_recorded_and_never_gets_a_number(kb: KnowledgeBase, run_action, feedback_db) -> None:
    messages, _ = await run_action(ActionAnswer(kb), "tỷ lệ tiêm vắc xin cúm mùa năm 2024", "nlu_fallback")
    text = texts_of(messages)
    assert text.startswith("Xin lỗi, các tài liệu tôi có không có thông tin này")
    assert len(payloads_of(messages)) == 4
    assert re.findall(r"\d+", text) == ["2"]  # "chính quyền 2 cấp" in the menu; no figure
    [row] = feedback_db.most_unanswered()
    assert row.question == "tỷ lệ tiêm vắc xin cúm mùa năm 2024"


async def test_unknown_intent_but_named_indicator_is_answered(kb: KnowledgeBase, run_action, feedback_db) -> None:
    messages, _ = await run_action(ActionAnswer(kb), "FDI 2024 của hp", "nlu_fallback")
    assert "4,7" in texts_of(messages)


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
