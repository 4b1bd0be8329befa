"""Entities from the knowledge base's names, with or without diacritics."""

from pathlib import Path

import pytest
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.entities import EntityMatcher
from bot.nlu.extractor import KnowledgeEntityExtractor
from knowledge.build import build


def found(matcher: EntityMatcher, text: str) -> set[tuple[str, str]]:
    return {(f.entity, f.value) for f in matcher.find(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("GRDP Hải Phòng năm 2024 tăng bao nhiêu?", {("indicator", "grdp_growth"), ("year", "2024")}),
        ("grdp hp nam 2024 tang bn", {("indicator", "grdp_growth"), ("year", "2024")}),
        ("tang truong dich vu nam 24", {("indicator", "grdp_growth_services"), ("year", "2024")}),
        ("thu ns 6 thang dau nam 2025 so voi ke hoach",
         {("indicator", "budget_revenue"), ("period", "2025-H1"), ("year", "2025"), ("comparison", "plan")}),
        ("giai đoạn 2019-2023 tăng trưởng bình quân", {("period", "2019-2023"), ("indicator", "grdp_growth")}),
        ("xuất khẩu quý I/2025 đạt bao nhiêu", {("indicator", "export_turnover"), ("period", "2025-Q1"),
                                               ("year", "2025"), ("value_kind", "result")}),
        ("caauf nguyeenx traix bao giờ xong", {("project", "cau_nguyen_trai")}),
        ("nghị quyết 45-NQ/TW", {("policy", "45-NQ/TW")}),
        ("nghi quyet 226/2025/QH15 noi gi", {("policy", "226")}),
        ("phuong lach tray quan ngo quyen gio la phuong nao", {("old_unit", "lach tray"), ("old_district", "ngo quyen")}),
        ("các dự án khởi công vốn ngân sách", {("project_group", "groundbreaking_2025"), ("funding", "city_budget")}),
        ("cái thứ hai", {("option", "2")}),
        ("👍", {("rating", "up")}),
        ("sai rồi", {("rating", "down")}),
    ],
)
def test_entities_found(matcher: EntityMatcher, text: str, expected: set[tuple[str, str]]) -> None:
    assert found(matcher, text) == expected


def test_bare_place_names_need_an_address_context(matcher: EntityMatcher) -> None:
    assert ("old_unit", "le chan") not in found(matcher, "Chào em, anh ở Lê Chân")
    assert ("old_district", "le chan") in found(matcher, "Lê Chân cũ giờ thuộc phường nào")


def test_a_place_typed_with_other_tone_marks_is_words_of_the_question(matcher: EntityMatcher) -> None:
    assert found(matcher, "sau sắp xếp cấp xã có bị quá tải ko") == set()  # "có bị", not Cổ Bì
    assert ("old_unit", "co bi") in found(matcher, "xa co bi gio thuoc xa nao")  # no marks typed
    assert ("old_unit", "lach tray") in found(matcher, "phường Lạch Trây giờ thuộc phường nào")  # one slip


def test_a_last_letter_typed_twice_is_read_once(matcher: EntityMatcher) -> None:
    assert ("old_unit", "cat bi") in found(matcher, "phường Cát Bii cũ giờ thuộc phường nào")


def test_offsets_point_at_what_the_resident_typed(matcher: EntityMatcher) -> None:
    text = "thu ngân sách hp năm 2024?"
    for f in matcher.find(text):
        assert text[f.start:f.end] == f.text


def test_option_numbers_only_in_short_replies(matcher: EntityMatcher) -> None:
    assert not any(e == "option" for e, _ in found(matcher, "tuyến đường sau các bến cảng số 3 đến số 6 dài bao nhiêu"))


def test_extractor_component_adds_entities_to_messages(matcher: EntityMatcher, monkeypatch: pytest.MonkeyPatch) -> None:
    import bot.nlu.extractor

    monkeypatch.setattr(bot.nlu.extractor, "build_matcher", lambda: matcher)  # built once per session (conftest.py)
    component = KnowledgeEntityExtractor({})
    [message] = component.process([Message(data={TEXT: "GRDP 2024"})])
    assert {(e["entity"], e["value"], e["extractor"]) for e in message.get(ENTITIES)} == {
        ("indicator", "grdp_growth", "KnowledgeEntityExtractor"), ("year", "2024", "KnowledgeEntityExtractor"),
    }


def test_the_extractor_reads_its_names_from_the_database_the_actions_read(
    facts_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A name that only the database at KNOWLEDGE_DB_URL holds is found: no fact file is read for it."""
    catalog = facts_copy / "indicators" / "catalog.yml"
    catalog.write_text(catalog.read_text(encoding="utf-8").replace("aliases: [GRDP, ", "aliases: [GRDP, chỉ số thử nghiệm, ", 1),
                       encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'knowledge.db'}"
    build(url, facts_copy)
    monkeypatch.setenv("KNOWLEDGE_DB_URL", url)
    [message] = KnowledgeEntityExtractor({}).process([Message(data={TEXT: "chi so thu nghiem"})])
    assert [(e["entity"], e["value"], e["extractor"]) for e in message.get(ENTITIES)] == [
        ("indicator", "grdp_growth", "KnowledgeEntityExtractor"),
    ]
