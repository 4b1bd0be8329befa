"""Projects, policies, two-tier government, curated answers: what a resident reads."""

from actions.answer import ActionAnswer
from knowledge import KnowledgeBase

from .conftest import payloads_of, slots_of, texts_of


async def test_project_value_group_funding_approval_and_source(kb: KnowledgeBase, run_action) -> None:
    messages, events = await run_action(ActionAnswer(kb), "cau nguyen trai bao nhieu tien", "ask_project")
    text = texts_of(messages)
    assert "Dự án thành phần 1: Xây dựng công trình: 4.416.240 triệu đồng" in text
    assert "Tình hình (tại ngày 3/12/2024)" in text
    assert "Nhóm: dự án đang triển khai, chuyển tiếp từ năm 2024 sang năm 2025" in text
    assert "Nguồn vốn: vốn ngân sách thành phố" in text
    assert "Nghị quyết số 49/NQ-HĐND ngày 22/12/2020" in text
    assert "Nguồn: Báo cáo số 619-BC/TU" in text
    assert slots_of(events)["project"] == "cau_nguyen_trai"


async def test_doubtful_value_is_flagged_to_the_resident(kb: KnowledgeBase, run_action) -> None:
    messages, _ = await run_action(ActionAnswer(kb), "", "ask_project",
                                   entities=[{"entity": "project", "value": _row(kb, "11")}])
    text = texts_of(messages)
    assert "716,495 triệu đồng" in text and "Lưu ý: Đơn vị không rõ ràng" in text


def _row(kb: KnowledgeBase, list_no: str) -> str:
    return next(p.project.id for p in kb.projects(kind="key_project") if p.project.list_no == list_no)


async def test_follow_up_on_the_project_in_context(kb: KnowledgeBase, run_action) -> None:
    messages, _ = await run_action(ActionAnswer(kb), "dự án đó bao nhiêu tiền", "ask_project",
                                   slots={"project": "cat_bi_nha_ga_t2", "topic": "project"})
    assert "2.405.406 triệu đồng" in texts_of(messages)


async def test_ambiguous_project_offers_choices(kb: KnowledgeBase, run_action) -> None:
    messages, events = await run_action(ActionAnswer(kb), "cảng hàng không Cát Bi", "ask_project")
    payloads = payloads_of(messages)
    assert "Bạn muốn hỏi dự án nào?" in texts_of(messages)
    assert len(payloads) >= 2 and all(p.startswith('/ask_project{"project": ') for p in payloads)
    assert slots_of(events)["options"] == payloads


async def test_groundbreaking_list_is_paged_with_sources(kb: KnowledgeBase, run_action) -> None:
    messages, events = await run_action(ActionAnswer(kb), "các dự án khởi công năm 2025", "list_projects")
    text = texts_of(messages)
    assert text.startswith("Dự án khởi công năm 2025 (danh mục dự án trọng điểm năm 2025):")
    assert "1. Dự án đầu tư xây dựng tuyến đường sau các bến cảng số 3 đến số 6" in text
    assert "… còn 2 mục nữa." in text
    slots = slots_of(events)
    assert slots["page"] == 1 and slots["page_query"] == '/list_projects{"project_group": "groundbreaking_2025"}'
    assert "/show_more" in payloads_of(messages)


async def test_policy_with_its_seven_groups(kb: KnowledgeBase, run_action) -> None:
    messages, events = await run_action(ActionAnswer(kb), "NQ 7/NQ-CP", "ask_policy",
                                        entities=[{"entity": "policy", "value": "7/NQ-CP"}])
    text = texts_of(messages)
    assert text.startswith("Nghị quyết 7/NQ-CP")
    assert "Gồm 7 nội dung:" in text and "\n7. " in text
    assert slots_of(events)["policy"] == "7/NQ-CP"


async def test_unknown_policy_number_is_not_guessed(kb: KnowledgeBase, run_action) -> None:
    messages, events = await run_action(ActionAnswer(kb), "nghị quyết 9999/NQ-XYZ", "ask_policy")
    assert "chưa nhận ra văn bản" in texts_of(messages)
    assert "last_answer_id" not in slots_of(events)


async def test_address_split_named_plainly(kb: KnowledgeBase, run_action) -> None:
    messages, _ = await run_action(ActionAnswer(kb), "tôi ở phường Lạch Tray, quận Ngô Quyền, giờ là phường nào?",
                                   "convert_address")
    text = texts_of(messages)
    assert "được chia cho 2 đơn vị mới: Phường Gia Viên, Phường Lê Chân" in text
    assert "vietnamadminunits" in text


async def test_address_hai_duong_unit(kb: KnowledgeBase, run_action) -> None:
    messages, _ = await run_action(ActionAnswer(kb), "phuong sao do chi linh gio thuoc phuong nao",
                                   "convert_address")
    text = texts_of(messages)
    assert "Phường Sao Đỏ (Thành phố Chí Linh, Tỉnh Hải Dương cũ)" in text


async def test_address_not_recognised_asks_for_the_old_name(kb: KnowledgeBase, run_action) -> None:
    messages, _ = await run_action(ActionAnswer(kb), "nhà tôi giờ thuộc phường nào", "convert_address")
    assert "chưa nhận ra tên phường/xã cũ" in texts_of(messages)


async def test_two_tier_government_answer_with_source(kb: KnowledgeBase, run_action) -> None:
    messages, events = await run_action(ActionAnswer(kb), "chinh quyen 2 cap hoat dong the nao",
                                        "ask_government")
    text = texts_of(messages)
    assert "Nguồn:" in text and "12/7/2025" in text
    assert slots_of(events)["topic"] == "government"


async def test_theme_and_vision(kb: KnowledgeBase, run_action) -> None:
    theme, _ = await run_action(ActionAnswer(kb), "chủ đề năm 2025 là gì", "ask_theme")
    assert "Mở rộng không gian kinh tế, đô thị" in texts_of(theme)
    vision, _ = await run_action(ActionAnswer(kb), "tầm nhìn đến năm 2045 của hải phòng", "ask_vision")
    assert "Nghị quyết 45" in texts_of(vision) and "Nguồn:" in texts_of(vision)


async def test_new_unit_lists_the_old_units_it_was_formed_from(kb: KnowledgeBase, run_action) -> None:
    messages, _ = await run_action(ActionAnswer(kb), "đặc khu cát hải gồm những xã nào cũ", "convert_address")
    text = texts_of(messages)
    assert text.startswith("Đặc khu Cát Hải được hình thành từ (toàn bộ hoặc một phần) 12 đơn vị cũ")
    assert "Thị trấn Cát Bà (Huyện Cát Hải)" in text


async def test_number_of_new_units_comes_from_the_unit_data(kb: KnowledgeBase, run_action) -> None:
    messages, _ = await run_action(ActionAnswer(kb), "sau sáp nhập hp có bao nhiêu xã phường", "ask_government")
    assert "114 đơn vị hành chính cấp xã: 67 xã, 45 phường, 2 đặc khu" in texts_of(messages)


async def test_an_area_asked_is_the_first_line_from_the_document_that_gives_it(kb: KnowledgeBase, run_action) -> None:
    messages, _ = await run_action(ActionAnswer(kb), "kcn tràng duệ 3 rộng bn ha", "ask_project")
    assert texts_of(messages).split("\n")[0] == "KCN Tràng Duệ 3: diện tích 687 ha."


async def test_a_count_asked_in_a_projects_own_unit_comes_from_its_status(kb: KnowledgeBase, run_action) -> None:
    messages, _ = await run_action(ActionAnswer(kb), "các dự án nhà ở xã hội tổng cộng khoảng bao nhiêu căn", "ask_project")
    assert texts_of(messages).split("\n")[0] == (
        "Các dự án nhà ở xã hội, nhà ở công nhân trên địa bàn thành phố: "
        "Hiện có 31 dự án nhà ở xã hội với tổng quy mô khoảng 36.600 căn.")
