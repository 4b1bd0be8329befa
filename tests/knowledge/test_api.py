"""The query API on SQLite and PostgreSQL alike (the `kb` fixture runs each test on both)."""

from decimal import Decimal

import pytest

from knowledge import KnowledgeBase, KnowledgeUnavailable, Passage


@pytest.mark.parametrize(
    ("question", "code"),
    [
        ("GRDP Hải Phòng năm 2024 tăng bao nhiêu?", "grdp_growth"),
        ("grdp hai phong nam 2024 tang bao nhieu", "grdp_growth"),
        ("tốc độ tăng trưởng kinh tế", "grdp_growth"),
        ("TANG TRUONG DICH VU", "grdp_growth_services"),
        ("thu ngan sach nha nuoc", "budget_revenue"),
        ("von fdi", "fdi_attraction"),
        ("bảo hiểm y tế", "health_insurance_coverage"),
    ],
)
def test_indicator_by_alias_with_or_without_diacritics(kb: KnowledgeBase, question: str, code: str) -> None:
    assert kb.find_indicators(question)[0].code == code


def test_question_without_indicator_finds_none(kb: KnowledgeBase) -> None:
    assert kb.find_indicators("giá vàng hôm nay") == []


def test_values_filter_by_period_kind_and_scope(kb: KnowledgeBase) -> None:
    national = kb.values("grdp_per_capita", "2024", kind="estimate", scope="national")
    assert [(v.text, v.unit, v.document.number) for v in national] == [("4.647", "USD/người", "619-BC/TU")]
    assert national[0].number == Decimal("4647")


def test_conflicting_values_are_both_returned_with_sources(kb: KnowledgeBase) -> None:
    values = kb.values("grdp_growth_agriculture", "2024", kind="estimate", scope="city", measure="level")
    assert {v.text for v in values} == {"-3,4", "âm 1"}
    assert all(v.document.id == "002" and v.quotes for v in values)
    two_documents = kb.values("grdp_growth", "2025", kind="target", scope="city", measure="level")
    assert {(v.text, v.document.id) for v in two_documents} >= {("12,5", "002"), ("từ 12,35", "001")}


def test_compare_to_plan_keeps_both_inputs(kb: KnowledgeBase) -> None:
    [comparison] = kb.compare_to_plan("budget_revenue", "2024")
    assert (comparison.left.text, comparison.right.text) == ("116.387,596", "106.761,592")
    assert comparison.percent_text() == "109"
    assert comparison.difference_text() == "9.626"


def test_compare_to_national_and_previous_period(kb: KnowledgeBase) -> None:
    [per_capita] = kb.compare_to_national("grdp_per_capita", "2024")
    assert per_capita.ratio_text() == "1,86"
    [year_on_year] = kb.compare_periods("grdp_per_capita", "2024", "2023")
    assert (year_on_year.left.text, year_on_year.right.text) == ("8.665", "7.960")
    assert year_on_year.left.document.id == "002" and year_on_year.right.document.id == "003"


@pytest.mark.parametrize(
    ("question", "project_id"),
    [
        ("cầu Nguyễn Trãi", "cau_nguyen_trai"),
        ("cau nguyen trai bao nhieu tien", "cau_nguyen_trai"),
        ("LG Innotek mở rộng", "lg_innotek_mo_rong"),
        ("nhà ga T2 Cát Bi", "cat_bi_nha_ga_t2"),
        ("nhà ga hàng hóa vốn bao nhiêu", "cat_bi_nha_ga_hang_hoa"),  # its words in a row, not "hàng" of "Hàng không"
        # "huyện Thủy Nguyên" says where: no project is named by its alias "Thủy Nguyên"
        ("công trình 75 tầng ở xã Tân Dương, Dương Quan huyện Thủy Nguyên vốn bao nhiêu", "toa_75_tang_bac_song_cam"),
    ],
)
def test_project_by_name_alias_or_part(kb: KnowledgeBase, question: str, project_id: str) -> None:
    assert kb.find_projects(question)[0].project.id == project_id


def test_key_project_list_and_values(kb: KnowledgeBase) -> None:
    key = kb.projects(kind="key_project")
    assert len(key) == 24
    assert [p.project.list_no for p in key] == [str(n) for n in range(1, 25)]
    groundbreaking = kb.projects(group="groundbreaking_2025")
    assert {p.project.list_no for p in groundbreaking} == {str(n) for n in range(11, 19)}
    first = kb.project("bac_song_cam_trung_tam_chinh_tri_hanh_chinh") or key[0]
    assert first.project.value_text == "2.513.243" and first.value_million_vnd == Decimal("2513243")


def test_doubtful_project_value_is_never_a_number(kb: KnowledgeBase) -> None:
    row = next(p for p in kb.projects(kind="key_project") if p.project.list_no == "11")
    assert row.project.value_text == "716,495" and row.project.value_unclear and row.value_million_vnd is None


def test_row_split_across_page_break_is_joined(kb: KnowledgeBase) -> None:
    lg = next(p for p in kb.projects(kind="key_project") if p.project.list_no == "6")
    assert "Lô I-3" in lg.project.name and lg.project.usd_text == "2.051 triệu USD"


@pytest.mark.parametrize(
    ("question", "number"),
    [("Nghị quyết 45-NQ/TW", "45-NQ/TW"), ("nghi quyet 45", "45-NQ/TW"), ("NQ 7/NQ-CP", "7/NQ-CP"),
     ("ket luan 96", "96-KL/TW"), ("quyết định 278/QĐ-UBND", "278/QĐ-UBND")],
)
def test_policy_by_number(kb: KnowledgeBase, question: str, number: str) -> None:
    assert [p.policy.number for p in kb.find_policy(question)] == [number]


def test_seven_groups_of_resolution_7(kb: KnowledgeBase) -> None:
    [policy] = kb.find_policy("7/NQ-CP")
    assert len(policy.policy.items) == 7 and policy.document.id == "004"


def test_address_split_unit_gives_every_new_unit(kb: KnowledgeBase) -> None:
    [match] = kb.convert_address("phường Lạch Tray, quận Ngô Quyền giờ là phường nào?").matches
    assert match.is_split
    assert [u.name for u in match.new_units] == ["Phường Gia Viên", "Phường Lê Chân"]
    assert match.new_units[0].is_default


def test_address_hai_duong_unit_and_repaired_row(kb: KnowledgeBase) -> None:
    [match] = kb.convert_address("xa cam hoang huyen cam giang").matches
    assert match.old_province == "Tỉnh Hải Dương"
    assert [u.name for u in match.new_units] == ["Xã Cẩm Giang"]
    assert match.new_units[0].repair_note and "xãcẩmgiang" in match.new_units[0].repair_note


def test_address_unknown_unit_matches_nothing(kb: KnowledgeBase) -> None:
    assert kb.convert_address("phường Bến Thành quận 1").matches == ()


def test_search_ignores_diacritics_and_ranks_the_fact_first(kb: KnowledgeBase) -> None:
    accented = kb.search("giải ngân vốn đầu tư công", limit=3)
    plain = kb.search("giai ngan von dau tu cong", limit=3)
    assert [h.key for h in accented] == [h.key for h in plain]
    assert "giải ngân" in accented[0].body.lower()
    grdp = kb.search("tăng trưởng GRDP 2024", limit=5)
    assert any("11,01" in h.body for h in grdp[:3])


def test_search_with_only_stop_words_finds_nothing(kb: KnowledgeBase) -> None:
    assert kb.search("là gì vậy bạn") == []


def test_curated_answer_matching(kb: KnowledgeBase) -> None:
    [best, *_] = kb.find_answers("chu de nam 2025 cua hai phong la gi", topic="theme")
    assert best.answer.id == "chu_de_nam_2025"
    assert "Mở rộng không gian kinh tế" in best.answer.answer


def test_stats_and_build_record(kb: KnowledgeBase) -> None:
    stats = kb.stats()
    assert stats["documents"] == 5 and stats["projects"] >= 24 and stats["admin_units"] == 454
    assert set(kb.check()) >= {"facts_checksum", "built_at", "address_dataset"}


def test_missing_database_names_file_and_command(tmp_path) -> None:
    kb = KnowledgeBase(f"sqlite:///{tmp_path / 'nothing.db'}")
    with pytest.raises(KnowledgeUnavailable, match=r"nothing\.db does not exist; run `make knowledge`"):
        kb.stats()


def test_corrupt_database_is_reported_not_crashing(tmp_path) -> None:
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"this is not a database" * 100)
    with pytest.raises(KnowledgeUnavailable, match="is unusable"):
        KnowledgeBase(f"sqlite:///{broken}").check()


@pytest.mark.parametrize(("question", "codes"), [
    ("tăng trưởng dịch vụ 2024", ["grdp_growth_services"]),  # the sector, not overall growth too
    ("GRDP và dịch vụ 2024", ["grdp_growth", "grdp_growth_services"]),  # joined by "và": both
    ("quy 1 2025 grdp tang bao nhieu trong do cong nghiep xay dung va dich vu moi khu vuc tang bao nhieu",
     ["grdp_growth", "grdp_growth_industry_construction", "grdp_growth_services"]),  # named apart: both
])
def test_a_parent_indicator_is_asked_only_when_named_apart_from_its_children(
        kb: KnowledgeBase, question: str, codes: list[str]) -> None:
    assert kb.indicator_codes_named(kb.normalize_question(question)) == codes


@pytest.mark.parametrize(("question", "codes"), [
    # a name of three words or more with a word or two between its words
    ("năm 2024 bán hàng ra nước ngoài được bao nhiêu", ["export_turnover"]),
    ("mục tiêu bình quân GRDP trên đầu người năm 2025", ["grdp_per_capita"]),
    # a name written whole wins over a longer one with words between: the words between are meant
    ("vốn nước ngoài đổ vào Hải Phòng năm 2024", ["fdi_attraction"]),
    ("đến 9/7 có bao nhiêu tổ chức cơ sở đảng đại hội xong", ["party_base_congresses_held"]),  # held, not due
    # words of the name between its words are another clause, not one name
    ("năm 2024 tổng thu ngân sách, thu nội địa mỗi khoản bao nhiêu", ["budget_revenue", "budget_revenue_domestic"]),
    # the copula splits no name: the subject, then what it is
    ("chủ đầu tư là cty nào", []),
])
def test_names_with_words_between(kb: KnowledgeBase, question: str, codes: list[str]) -> None:
    assert kb.indicator_codes_named(kb.normalize_question(question)) == codes


def test_the_places_projects_name_are_towns_and_districts(kb: KnowledgeBase) -> None:
    places = kb.project_places()
    assert {"dong trieu", "quang yen", "thuy nguyen"} <= places.keys() and places["dong trieu"] == "Đông Triều"
    assert not any(p.startswith("hai phong") for p in places)


def test_who_said_a_figure_is_the_person_named_before_it_in_its_paragraph(kb: KnowledgeBase) -> None:
    quote = "kinh tế thành phố tiếp tục duy trì đà tăng trưởng 2 con số, ước đạt 11,28% trong 6 tháng đầu năm 2025"
    said = kb.speaker_of("001", quote)
    assert said is not None
    assert (said.source, said.text) == ("001", "Tại hội nghị, ông Lê Ngọc Châu, Chủ tịch UBND thành phố Hải Phòng đã "
                                               "nêu rõ một số kết quả nổi bật trong phát triển kinh tế - xã hội.")
    assert kb.speaker_of("001", "a sentence no document has") is None


def test_who_reported_a_figure_is_the_person_the_paragraph_before_opens_with(kb: KnowledgeBase) -> None:
    # "Theo ông Đào Trọng Đức, …" opens the paragraph before; the count of congresses goes on with his report
    said = kb.speaker_of("001", "Tính đến ngày 9/7 đã có 1325/1.845 (71,8%) tổ chức cơ sở Đảng tổ chức đại hội")
    assert said is not None and said.text.startswith("Theo ông Đào Trọng Đức, Ủy viên Ban Thường vụ Thành ủy")


def test_a_sentence_citing_a_footnote_has_it_and_one_citing_none_has_none(kb: KnowledgeBase) -> None:
    citing = Passage("002", "Tiếp tục đẩy nhanh tiến độ triển khai các dự án hạ tầng du lịch tại huyện Cát Hải¹⁰⁵.", 1.0)
    noted = kb.footnotes_of(citing)
    assert [p.text[:54] for p in noted] == ["Tuyến cáp treo 01 dây Phù Long - Cát Bà; sân Golf Xuân"]
    assert kb.footnotes_of(Passage("002", "Lòng tin của người dân là tài sản và là động lực lớn nhất.", 1.0)) == []
