"""Projects, policies, two-tier government, curated answers: what a resident reads.

The answering action's messages and events compared whole where one call makes the test (what the bot answers
on 2026-12-04)."""

from actions.answer import ActionAnswer
from knowledge import KnowledgeBase

from .conftest import CLEARED, FEEDBACK, button, said, slot, texts_of

SOURCE_002 = "Nguồn: Báo cáo số 619-BC/TU ngày 03/12/2024 của Thành ủy Hải Phòng."


async def test_project_value_group_funding_approval_and_source(kb: KnowledgeBase, run_action) -> None:
    messages, events = await run_action(ActionAnswer(kb), "cau nguyen trai bao nhieu tien", "ask_project")
    assert messages == [
        said(
            'Dự án đầu tư xây dựng cầu Nguyễn Trãi và chỉnh trang đô thị vùng phụ cận: giá trị phê duyệt/dự kiến theo dự án thành phần — '
            'Dự án thành phần 1: Xây dựng công trình: 4.416.240 triệu đồng; Dự án thành phần 2: Thu hồi đất, bồi thường, hỗ trợ GPMB: 1.819.354 triệu đồng.\n'
            'Nhóm: dự án đang triển khai, chuyển tiếp từ năm 2024 sang năm 2025 (Danh mục dự án trọng điểm năm 2025, số thứ tự 19).\n'
            'Nguồn vốn: vốn ngân sách thành phố.\n'
            'Văn bản phê duyệt: Nghị quyết số 49/NQ-HĐND ngày 22/12/2020; điều chỉnh tại Nghị quyết số 34/NQ-HĐND ngày 12/8/2021 và Nghị quyết số 36/NQ-HĐND ngày 20/7/2022; Dự án thành phần 1: Xây dựng công trình phê duyệt tại Quyết định số 2776/QĐ-UBND ngày 14/09/2023; Dự án thành phần 2: Thu hồi đất, bồi thường, hỗ trợ GPMB phê duyệt tại Quyết định số 4554/QĐ-UBND ngày 30/12/2022.\n'
            'Tình hình (tại ngày 3/12/2024): Đang triển khai, chuyển tiếp từ năm 2024 sang năm 2025. Theo báo cáo, dự án nằm trong nhóm dự án giao thông lớn, trọng điểm được đẩy nhanh tiến độ thực hiện và khởi công.\n'
            + SOURCE_002,
            FEEDBACK)
    ]
    assert events == [slot('project', 'cau_nguyen_trai'),
                       slot('topic', 'project'),
                       slot("subject", "cầu nguyễn trãi"),
                       *CLEARED,
                       slot('last_answer_id', 'project:cau_nguyen_trai'),
                       slot('last_question', 'cau nguyen trai bao nhieu tien')]


async def test_doubtful_value_is_flagged_to_the_resident(kb: KnowledgeBase, run_action) -> None:
    messages, events = await run_action(ActionAnswer(kb), "", "ask_project",
                                        entities=[{"entity": "project", "value": _row(kb, "11")}])
    assert messages == [
        said(
            'Dự án đầu tư xây dựng tuyến đường sau các bến cảng số 3 đến số 6, khu bến cảng Lạch Huyện.\n'
            'Nhóm: dự án khởi công năm 2025 (Danh mục dự án trọng điểm năm 2025, số thứ tự 11).\n'
            'Nguồn vốn: vốn ngân sách thành phố.\n'
            'Giá trị phê duyệt/dự kiến: 716,495 triệu đồng.\n'
            'Lưu ý: Đơn vị không rõ ràng: bảng ghi “716,495” trong cột “triệu đồng”; theo cách viết số của Việt Nam (dấu phẩy là dấu thập phân) thì con số này chưa tới một tỷ đồng, không hợp lý với quy mô dự án. Nhiều khả năng con số được viết theo đơn vị tỷ đồng (716,495 tỷ đồng).\n'
            'Văn bản phê duyệt: Nghị quyết số 10/NQ-HĐND ngày 22/3/2024.\n'
            'Tình hình (tại ngày 3/12/2024): Dự kiến khởi công năm 2025.\n'
            + SOURCE_002,
            FEEDBACK)
    ]
    assert events == [slot('project', 'lach_huyen_duong_sau_ben_3_6'),
                       slot('topic', 'project'),
                       slot("subject", None),
                       *CLEARED,
                       slot('last_answer_id', 'project:lach_huyen_duong_sau_ben_3_6'),
                       slot('last_question', '')]


def _row(kb: KnowledgeBase, list_no: str) -> str:
    return next(p.project.id for p in kb.projects(kind="key_project") if p.project.list_no == list_no)


async def test_follow_up_on_the_project_in_context(kb: KnowledgeBase, run_action) -> None:
    messages, events = await run_action(ActionAnswer(kb), "dự án đó bao nhiêu tiền", "ask_project",
                                   slots={"project": "cat_bi_nha_ga_t2", "topic": "project"})
    assert messages == [
        said(
            'Dự án đầu tư xây dựng Nhà ga hành khách T2 Cảng Hàng không Quốc tế Cát Bi: giá trị phê duyệt/dự kiến 2.405.406 triệu đồng.\n'
            'Nhóm: dự án khởi công năm 2025 (Danh mục dự án trọng điểm năm 2025, số thứ tự 14).\n'
            'Nguồn vốn: vốn ngoài ngân sách.\n'
            'Văn bản phê duyệt: Quyết định số 803/QĐ-TTg ngày 08/07/2022 của Thủ tướng Chính phủ về chấp thuận chủ trương đầu tư.\n'
            'Tình hình (tại ngày 3/12/2024): Dự kiến khởi công năm 2025 (theo bảng danh mục). Tại thời điểm báo cáo, thành phố phối hợp với Tổng công ty Cảng hàng không Việt Nam triển khai dự án; nhiệm vụ năm 2025: đẩy nhanh tiến độ xây dựng Nhà ga hành khách số 02, đồng thời khẩn trương thực hiện các thủ tục để sớm khởi công, chậm nhất năm 2026, Ga hành khách và sân đỗ máy bay Sân bay Cát Bi.\n'
            + SOURCE_002,
            FEEDBACK)
    ]
    assert events == [slot('project', 'cat_bi_nha_ga_t2'),
                       slot('topic', 'project'),
                       slot("subject", "dự án"),
                       *CLEARED,
                       slot('last_answer_id', 'project:cat_bi_nha_ga_t2'),
                       slot('last_question', 'dự án đó bao nhiêu tiền')]


async def test_ambiguous_project_offers_choices(kb: KnowledgeBase, run_action) -> None:
    messages, events = await run_action(ActionAnswer(kb), "cảng hàng không Cát Bi", "ask_project")
    assert messages == [
        said(
            'Có mấy dự án khớp với câu hỏi. Bạn muốn hỏi dự án nào?',
            [button('1. Dự án đầu tư xây dựng Nhà ga hàng hóa Cảng Hàng không…', '/ask_project{"project": "cat_bi_nha_ga_hang_hoa"}'),
             button('2. Cảng hàng không quốc tế Hải Phòng', '/ask_project{"project": "san_bay_tien_lang_002"}'),
             button('3. Cảng hàng không quốc tế Hải Phòng (sân bay quốc tế Tiên…', '/ask_project{"project": "san_bay_tien_lang_003"}'),
             button('4. Dự án mở rộng sân đỗ máy bay - Giai đoạn 2 Cảng Hàng…', '/ask_project{"project": "cat_bi_san_do_gd2_002"}')])
    ]
    assert events == [slot('topic', 'project'),
                       slot('options', ['/ask_project{"project": "cat_bi_nha_ga_hang_hoa"}', '/ask_project{"project": "san_bay_tien_lang_002"}', '/ask_project{"project": "san_bay_tien_lang_003"}', '/ask_project{"project": "cat_bi_san_do_gd2_002"}']),
                       slot('page_query', None),
                       slot('page', None)]


async def test_groundbreaking_list_is_paged_with_sources(kb: KnowledgeBase, run_action, monkeypatch) -> None:
    monkeypatch.setattr("actions.paging.PAGE_SIZE", 6)  # the paging, on a group that fits one page of the bot's size
    messages, events = await run_action(ActionAnswer(kb), "các dự án khởi công năm 2025", "list_projects")
    assert messages == [
        said(
            'Dự án khởi công năm 2025 (danh mục dự án trọng điểm năm 2025):\n'
            '1. Dự án đầu tư xây dựng tuyến đường sau các bến cảng số 3 đến số 6, khu bến cảng Lạch Huyện – 716,495 triệu đồng (đơn vị ghi trong tài liệu chưa rõ)\n'
            '2. Dự án đầu tư xây dựng tu bổ, tôn tạo quần thể di tích Bến K15, quận Đồ Sơn, Hải Phòng – 234,539 triệu đồng (đơn vị ghi trong tài liệu chưa rõ)\n'
            '3. Dự án xây dựng doanh trại và nơi neo đậu, tránh trú cho các tàu thuyền thuộc Hải đội dân quân thường trực – 295.300 triệu đồng\n'
            '4. Dự án đầu tư xây dựng Nhà ga hành khách T2 Cảng Hàng không Quốc tế Cát Bi – 2.405.406 triệu đồng\n'
            '5. Dự án xây dựng Khu đô thị mới tại khu vực quận Dương Kinh và huyện Kiến Thụy – 23.218.000 triệu đồng\n'
            '6. Dự án Hai Phong Sakura Golf Club – 2.271.430 triệu đồng\n'
            '… còn 2 mục nữa.\n'
            + SOURCE_002,
            [button('Xem thêm', '/show_more')])
    ]
    assert events == [slot('topic', 'project_list'),
                       slot('page_query', '/list_projects{"project_group": "groundbreaking_2025"}'),
                       slot('page', 1),
                       slot('options', ['/ask_project{"project": "lach_huyen_duong_sau_ben_3_6"}', '/ask_project{"project": "di_tich_ben_k15"}', '/ask_project{"project": "hai_doi_dan_quan_doanh_trai"}', '/ask_project{"project": "cat_bi_nha_ga_t2"}', '/ask_project{"project": "kdt_duong_kinh_kien_thuy"}', '/ask_project{"project": "sakura_golf"}'])]


async def test_policy_with_its_seven_groups(kb: KnowledgeBase, run_action) -> None:
    messages, events = await run_action(ActionAnswer(kb), "NQ 7/NQ-CP", "ask_policy",
                                        entities=[{"entity": "policy", "value": "7/NQ-CP"}])
    assert messages == [
        said(
            'Nghị quyết 7/NQ-CP (Chính phủ, ngày 10/1/2025): về Chương trình hành động thực hiện Kết luận số 96-KL/TW ngày 30/9/2024 của Bộ Chính trị về tiếp tục thực hiện Nghị quyết số 45-NQ/TW ngày 24/1/2019 của Bộ Chính trị khóa XII về xây dựng và phát triển thành phố Hải Phòng đến năm 2030, tầm nhìn đến năm 2045\n'
            'Gồm 7 nội dung:\n'
            '1. Công tác quán triệt, tuyên truyền, phổ biến thông tin và triển khai thực hiện Kết luận số 96-KL/TW\n'
            '2. Công tác hoàn thiện thể chế, sửa đổi, bổ sung cơ chế, chính sách, cải cách thủ tục hành chính\n'
            '3. Cơ cấu lại nền kinh tế gắn với đổi mới mô hình tăng trưởng, lấy khoa học và công nghệ, đổi mói sáng tạo là động lực chính đẩy nhanh chuyển đổi số, chuyển đổi năng lượng; trọng tâm là phát triển kinh tế xanh, kinh tế tuần hoàn\n'
            '4. Tăng cường thu hút vốn đầu tư phát triển, tập trung đầu tư các công trình kết cấu hạ tầng trọng điểm có tính kết nối liên vùng và đẩy mạnh liên kết vùng\n'
            '5. Gắn phát triển kinh tế với phát triển văn hóa, giáo dục, y tế, an sinh xã hội và công bằng xã hội; quản lý, khai thác tài nguyên; thu hút đầu tư phát triển du lịch; phát triển khoa học, công nghệ và đổi mới sáng tạo\n'
            '6. Gắn phát triển kinh tế-xã hội với thực hiện nhiệm vụ quốc phòng, an ninh trật tự, an toàn xã hội, xây dựng khu vực phòng thủ vững chắc, giữ vững chủ quyền quốc gia; nâng cao hiệu quả công tác đối ngoại\n'
            '7. Xây dựng chỉnh đốn đảng và hệ thống chính trị; tiếp tục đổi mới, sắp xếp tổ chức bộ máy hệ thống chính trị gắn với thực hiện mô hình chính quyền đô thị\n'
            'Nguồn: Bài “Bảy giải pháp phát triển thành phố Hải Phòng đến năm 2030, tầm nhìn 2045”, VietnamPlus (đầu năm 2025).',
            FEEDBACK)
    ]
    assert events == [slot('policy', '7/NQ-CP'),
                       slot('topic', 'policy'),
                       slot("subject", "nghị quyết nq cp"),
                       *CLEARED,
                       slot('last_answer_id', 'policy:7/NQ-CP'),
                       slot('last_question', 'NQ 7/NQ-CP')]


async def test_unknown_policy_number_is_not_guessed(kb: KnowledgeBase, run_action) -> None:
    messages, events = await run_action(ActionAnswer(kb), "nghị quyết 9999/NQ-XYZ", "ask_policy")
    assert messages == [
        said(
            'Tôi chưa nhận ra văn bản bạn hỏi. Bạn gõ giúp số hiệu, ví dụ: Nghị quyết 45-NQ/TW, Kết luận 96-KL/TW, Nghị quyết 7/NQ-CP, Nghị quyết 226.',
            [button('Nghị quyết 45-NQ/TW', '/ask_policy{"policy": "45-NQ/TW"}'),
             button('Nghị quyết 7/NQ-CP', '/ask_policy{"policy": "7/NQ-CP"}')])
    ]
    assert events == [slot('options', None),
                       slot('page_query', None),
                       slot('page', None)]


async def test_address_split_named_plainly(kb: KnowledgeBase, run_action) -> None:
    messages, events = await run_action(ActionAnswer(kb), "tôi ở phường Lạch Tray, quận Ngô Quyền, giờ là phường nào?",
                                   "convert_address")
    assert messages == [
        said(
            'Phường Lạch Tray (Quận Ngô Quyền, Thành phố Hải Phòng cũ) được chia cho 2 đơn vị mới: Phường Gia Viên, Phường Lê Chân. Nhà bạn thuộc đơn vị nào tùy vị trí cụ thể (thôn, tổ dân phố). Phần chính của đơn vị cũ thuộc Phường Gia Viên.\n'
            'Nguồn: dữ liệu sắp xếp đơn vị hành chính cấp xã vietnamadminunits 1.0.4 (hiệu lực 01/07/2025), đi kèm thư viện underthesea 9.5.0.',
            FEEDBACK)
    ]
    assert events == [slot('topic', 'address'),
                       slot("subject", "phường lạch tray quận ngô quyền"),
                       *CLEARED,
                       slot('last_answer_id', 'address:Quận Ngô Quyền/Phường Lạch Tray'),
                       slot('last_question', 'tôi ở phường Lạch Tray, quận Ngô Quyền, giờ là phường nào?')]


async def test_address_hai_duong_unit(kb: KnowledgeBase, run_action) -> None:
    messages, events = await run_action(ActionAnswer(kb), "phuong sao do chi linh gio thuoc phuong nao",
                                   "convert_address")
    assert messages == [
        said(
            'Phường Sao Đỏ (Thành phố Chí Linh, Tỉnh Hải Dương cũ) nay thuộc Phường Chu Văn An, thành phố Hải Phòng.\n'
            'Nguồn: dữ liệu sắp xếp đơn vị hành chính cấp xã vietnamadminunits 1.0.4 (hiệu lực 01/07/2025), đi kèm thư viện underthesea 9.5.0.',
            FEEDBACK)
    ]
    assert events == [slot('topic', 'address'),
                       slot("subject", "phường chí linh thuộc"),
                       *CLEARED,
                       slot('last_answer_id', 'address:Thành phố Chí Linh/Phường Sao Đỏ'),
                       slot('last_question', 'phuong sao do chi linh gio thuoc phuong nao')]


async def test_address_not_recognised_asks_for_the_old_name(kb: KnowledgeBase, run_action) -> None:
    messages, events = await run_action(ActionAnswer(kb), "nhà tôi giờ thuộc phường nào", "convert_address")
    assert messages == [
        said(
            'Tôi chưa nhận ra tên phường/xã cũ trong câu hỏi. Bạn gõ giúp tên phường/xã/thị trấn cũ kèm quận/huyện, ví dụ: “phường Lạch Tray, quận Ngô Quyền giờ thuộc phường nào?”')
    ]
    assert events == [slot('options', None),
                       slot('page_query', None),
                       slot('page', None)]


async def test_two_tier_government_answer_with_source(kb: KnowledgeBase, run_action) -> None:
    messages, events = await run_action(ActionAnswer(kb), "chinh quyen 2 cap hoat dong the nao",
                                        "ask_government")
    assert messages == [
        said(
            'Theo Hội nghị lần thứ 2 của Thành ủy Hải Phòng (sáng 12/7), Hải Phòng đã thực hiện toàn diện, đúng tiến độ, đúng chỉ đạo của Trung ương việc sắp xếp đơn vị hành chính và đội ngũ cán bộ; đội ngũ cán bộ cơ bản bảo đảm về số lượng, bước đầu đáp ứng yêu cầu nhiệm vụ mới. Hệ thống chính quyền 2 cấp kịp thời đi vào hoạt động, không để gián đoạn công việc, không bỏ trống lĩnh vực, địa bàn và nhiệm vụ được giao sau sắp xếp, kịp thời phục vụ người dân và doanh nghiệp. Bí thư Thành ủy Lê Tiến Châu đánh giá thành phố đã hoàn thành sắp xếp tổ chức bộ máy chính quyền địa phương 2 cấp, bảo đảm vận hành thông suốt, ổn định, hiệu lực. Bài viết cho biết Hải Phòng đã cơ bản hoàn thành giai đoạn 2 của cuộc cách mạng sắp xếp, tinh gọn bộ máy.\n'
            'Nguồn: Bài “Kinh tế Hải Phòng tiếp tục duy trì đà tăng trưởng 2 con số” về Hội nghị Thành ủy Hải Phòng ngày 12/7/2025.',
            FEEDBACK)
    ]
    assert events == [slot('topic', 'government'),
                       slot("subject", "chính quyền cấp hoạt động"),
                       *CLEARED,
                       slot('last_answer_id', 'answer:chinh_quyen_2_cap_ket_qua'),
                       slot('last_question', 'chinh quyen 2 cap hoat dong the nao')]


async def test_theme_of_the_year_with_its_source_and_related_questions(kb: KnowledgeBase, run_action) -> None:
    messages, events = await run_action(ActionAnswer(kb), "chủ đề năm 2025 là gì", "ask_theme")
    assert messages == [
        said(
            'Chủ đề năm 2025 của thành phố Hải Phòng là: “Mở rộng không gian kinh tế, đô thị; phát huy cơ chế, chính sách đặc thù; tăng cường chuyển đổi xanh, chuyển đổi số”.\n'
            + SOURCE_002,
            FEEDBACK),
        said('Bạn cũng có thể hỏi:',
             [button('Hải Phòng thực hiện chủ đề năm 2025 như thế nào trong quý I?', 'Hải Phòng thực hiện chủ đề năm 2025 như thế nào trong quý I?'),
              button('Hải Phòng thực hiện chủ đề năm 2025 như thế nào?', 'Hải Phòng thực hiện chủ đề năm 2025 như thế nào?'),
              button('Năm 2025 có ý nghĩa gì đối với Hải Phòng?', 'Năm 2025 có ý nghĩa gì đối với Hải Phòng?')]),
    ]
    assert events == [slot('topic', 'theme'),
                       slot("subject", "chủ đề"),
                       *CLEARED,
                       slot('last_answer_id', 'answer:chu_de_nam_2025'),
                       slot('last_question', 'chủ đề năm 2025 là gì')]


async def test_vision_from_resolution_45_with_its_source_and_a_related_question(kb: KnowledgeBase, run_action) -> None:
    messages, events = await run_action(ActionAnswer(kb), "tầm nhìn đến năm 2045 của hải phòng", "ask_vision")
    assert messages == [
        said(
            'Về tầm nhìn dài hạn của Hải Phòng theo Nghị quyết 45 của Bộ Chính trị (24/1/2019): các văn bản nguồn không liệt kê riêng mục tiêu cho từng mốc thời gian. Theo Tổng Bí thư Tô Lâm, các mục tiêu mà Nghị quyết số 45 đã đề ra là: Hải Phòng phát triển ngang tầm với các thành phố tiêu biểu ở Châu Á, là thành phố Cảng quốc tế hiện đại, đi đầu cả nước trong sự nghiệp công nghiệp hóa, hiện đại hóa, là một trung tâm quốc tế về kinh tế, giáo dục, đào tạo, khoa học - công nghệ, đời sống vật chất và tinh thần của nhân dân không ngừng được nâng cao.\n'
            'Nguồn: Bản tin buổi làm việc của Tổng Bí thư Tô Lâm với Thành ủy Hải Phòng (cuối năm 2024).',
            FEEDBACK),
        said('Bạn cũng có thể hỏi:',
             [button('Hải Phòng đến năm 2030, tầm nhìn 2045 sẽ trở thành gì theo…', 'Hải Phòng đến năm 2030, tầm nhìn 2045 sẽ trở thành gì theo Nghị quyết 7?')]),
    ]
    assert events == [slot('topic', 'vision'),
                       slot("subject", "tầm nhìn"),
                       *CLEARED,
                       slot('last_answer_id', 'answer:tam_nhin_nq45'),
                       slot('last_question', 'tầm nhìn đến năm 2045 của hải phòng')]


async def test_new_unit_lists_the_old_units_it_was_formed_from(kb: KnowledgeBase, run_action) -> None:
    messages, events = await run_action(ActionAnswer(kb), "đặc khu cát hải gồm những xã nào cũ", "convert_address")
    assert messages == [
        said(
            'Đặc khu Cát Hải được hình thành từ (toàn bộ hoặc một phần) 12 đơn vị cũ: Thị trấn Cát Bà (Huyện Cát Hải); Thị trấn Cát Hải (Huyện Cát Hải); Xã Gia Luận (Huyện Cát Hải); Xã Hiền Hào (Huyện Cát Hải); Xã Hoàng Châu (Huyện Cát Hải); Xã Nghĩa Lộ (Huyện Cát Hải); Xã Phù Long (Huyện Cát Hải); Xã Trân Châu (Huyện Cát Hải); Xã Việt Hải (Huyện Cát Hải); Xã Văn Phong (Huyện Cát Hải); Xã Xuân Đám (Huyện Cát Hải); Xã Đồng Bài (Huyện Cát Hải).\n'
            'Nguồn: dữ liệu sắp xếp đơn vị hành chính cấp xã vietnamadminunits 1.0.4 (hiệu lực 01/07/2025), đi kèm thư viện underthesea 9.5.0.',
            FEEDBACK)
    ]
    assert events == [slot('topic', 'address'),
                       slot("subject", "đặc khu cát"),
                       *CLEARED,
                       slot('last_answer_id', 'address:Đặc khu Cát Hải'),
                       slot('last_question', 'đặc khu cát hải gồm những xã nào cũ')]


async def test_number_of_new_units_comes_from_the_unit_data(kb: KnowledgeBase, run_action) -> None:
    messages, events = await run_action(ActionAnswer(kb), "sau sáp nhập hp có bao nhiêu xã phường", "ask_government")
    assert messages == [
        said(
            'Theo dữ liệu sắp xếp đơn vị hành chính (hiệu lực 01/07/2025), thành phố Hải Phòng mới (gồm Hải Phòng và Hải Dương cũ) có 114 đơn vị hành chính cấp xã: 67 xã, 45 phường, 2 đặc khu.\n'
            'Nguồn: dữ liệu sắp xếp đơn vị hành chính cấp xã vietnamadminunits 1.0.4 (hiệu lực 01/07/2025), đi kèm thư viện underthesea 9.5.0.',
            FEEDBACK)
    ]
    assert events == [slot('topic', 'units'),
                       slot("subject", None),
                       *CLEARED,
                       slot('last_answer_id', 'address:counts'),
                       slot('last_question', 'sau sáp nhập hp có bao nhiêu xã phường')]



async def test_an_area_asked_is_the_first_line_from_the_document_that_gives_it(kb: KnowledgeBase, run_action) -> None:
    messages, _ = await run_action(ActionAnswer(kb), "kcn tràng duệ 3 rộng bn ha", "ask_project")
    assert texts_of(messages).split("\n")[0] == "KCN Tràng Duệ 3: diện tích 687 ha."


async def test_a_count_in_the_unit_of_an_indicators_family_is_the_documents_own(kb: KnowledgeBase, run_action) -> None:
    # "căn" is the unit of the flats row beside the number of projects: the documents' count, not the
    # project-list entry "Các dự án nhà ở xã hội …"
    messages, _ = await run_action(ActionAnswer(kb), "các dự án nhà ở xã hội tổng cộng khoảng bao nhiêu căn", "ask_project")
    assert texts_of(messages).split("\n")[0] == (
        "Quy mô (số căn) nhà ở xã hội năm 2024: đạt khoảng 36.600 căn (tổng quy mô 31 dự án).")
