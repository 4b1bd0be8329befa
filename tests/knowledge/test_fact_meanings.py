"""Facts that said more, or other, than their documents (issue 12, "Facts")."""

from __future__ import annotations

from knowledge import KnowledgeBase


def test_fdi_235_is_a_percentage_of_plan_never_an_increase(kb: KnowledgeBase) -> None:
    assert kb.values("fdi_attraction", "2024", measure="change") == []
    [stated] = kb.values("fdi_attraction", "2024", measure="percent_of_plan")
    assert stated.text == "235" and stated.review_note and "tăng 235%" in stated.review_note
    assert stated.resident_note and "tăng 235%" not in stated.resident_note


def test_new_rural_communes_each_figure_has_its_own_meaning(kb: KnowledgeBase) -> None:
    # 35 communes started in 2023 are still building: not "communes that completed the criteria"
    completed = kb.values("new_rural_model_communes", "2024", scope="city")
    assert {(v.kind, v.document.id, v.text) for v in completed} == {("target", "002", "35"), ("estimate", "002", "35")}
    [started_2023] = kb.values("new_rural_model_communes_started_2023", "2024")
    assert started_2023.text == "35" and "chưa phải số xã đã hoàn thành" in (started_2023.resident_note or "")
    # 13 more communes is an addition to the 92, not a cumulative level
    assert {v.text for v in kb.values("new_rural_model_communes_cumulative", "2024")} == {"92", "100", "105"}
    assert [v.text for v in kb.values("new_rural_model_communes_extra_2024", "2024")] == ["13"]
    # the 13 that started works and the 32 still to start are parts of the 45, not the table's target 13
    continuing = kb.values("new_rural_model_communes_continuing", "2024")
    assert not any("khởi công" in (v.qualifier or "") for v in continuing)
    assert [v.text for v in kb.values("new_rural_model_communes_2024_works_started", "2024")] == ["13"]
    assert [v.text for v in kb.values("new_rural_model_communes_2024_works_pending", "2024")] == ["32"]


def test_the_digital_economy_share_does_not_claim_a_year(kb: KnowledgeBase) -> None:
    assert kb.values("digital_economy_share_grdp", "2023") == []
    [share] = [v for v in kb.values("digital_economy_share_grdp") if v.text == "29,7"]
    assert "không ghi số liệu của năm nào" in (share.qualifier or "")


def test_merged_city_figures_are_labelled_and_not_compared_with_the_city_before(kb: KnowledgeBase) -> None:
    for code in ("budget_revenue", "budget_revenue_domestic"):
        [value] = [v for v in kb.values(code, "2025-H1") if v.document.id == "001"]
        assert "sau hợp nhất" in (value.qualifier or "") and "sau hợp nhất" in (value.resident_note or "")
    assert kb.values("budget_revenue", "2025-Q1") and kb.values("budget_revenue", "2024")
    assert kb.compare_periods("budget_revenue", "2025-H1", "2025-Q1") == []
    assert kb.compare_periods("budget_revenue", "2025-H1", "2024") == []


def test_a_school_year_is_found_from_either_of_its_years(kb: KnowledgeBase) -> None:
    for year in ("2023", "2024"):
        found = kb.values("education_infrastructure_investment", year)
        assert "3.200" in {v.text for v in found}
        assert all((v.qualifier or "").startswith("năm học 2023-2024") for v in found if v.period == "2023-2024")
    assert "241" in {v.text for v in kb.values("student_party_admissions", "2024")}


def test_changes_written_with_their_direction_keep_their_sign(kb: KnowledgeBase) -> None:
    deaths = [v for v in kb.values("traffic_accidents", "2024-11M", measure="change") if v.written == "giảm 42"]
    assert [(v.text, v.number) for v in deaths] == [("-42", -42)]
    injured = [v for v in kb.values("traffic_accidents", "2024-11M", measure="change") if v.written == "tăng 01"]
    assert [v.number for v in injured] == [1]


def test_a_value_written_in_words_carries_no_unit(kb: KnowledgeBase) -> None:
    targets = kb.values("new_rural_model_communes", "2025", kind="target", scope="city")
    assert targets and all(v.unit == "" for v in targets)
    titles = [h.title for h in kb.search("hoàn thành 100% số xã nông thôn mới kiểu mẫu", limit=10)]
    assert not any(t.rstrip().endswith("%") and "số xã" in t for t in titles)


def test_narrative_items_of_the_2024_report_are_answered(kb: KnowledgeBase) -> None:
    asked = {
        "Quy hoạch sử dụng đất huyện Vĩnh Bảo, Cát Hải, An Dương đã điều chỉnh chưa?": "Vĩnh Bảo, Cát Hải, An Dương",
        "Kế hoạch sử dụng đất 5 năm 2021 - 2025 của Hải Phòng": "5 năm (2021 - 2025)",
        "tàu cá 3 không đã được cấp giấy phép khai thác thủy sản chưa": "20/9/2024",
        "diễn đàn logistics vùng lần thứ 5 chủ đề gì": "Chuyển đổi số - động lực mới",
        "hội chợ 70 năm giải phóng Hải Phòng": "Hội chợ triển lãm cấp vùng năm 2025",
        "vận động viên Hải Phòng giành HCV ASIAD 19": "Phạm Quang Huy",
    }
    for question, expected in asked.items():
        found = kb.find_answers(question, limit=1)
        assert found and expected in found[0].answer.answer, question
