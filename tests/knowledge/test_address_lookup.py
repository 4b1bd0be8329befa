"""Old → new units: deterministic, tone-exact, districts as districts, and the names from
before 1/1/2025 followed or said to have changed, never "not found"."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from knowledge import KnowledgeBase
from knowledge.__main__ import main
from knowledge.address import same_name

ROOT = Path(__file__).resolve().parents[2]
QUESTIONS = [
    "Xã Cẩm Giang gồm những xã nào cũ?", "xã Cẩm Giàng gồm những xã nào cũ?", "xa cam giang gom nhung xa nao cu",
    "huyện Cẩm Giàng giờ thuộc phường nào", "huyện An Dương giờ thuộc phường nào?",
    "xã Cẩm Hoàng, huyện Kinh Môn giờ thuộc xã nào", "xã Tân Dương, huyện Thủy Nguyên giờ thuộc phường nào",
]
SCRIPT = """
import json, sys
from actions.government import convert_address
from actions.query import Query
from knowledge import KnowledgeBase
kb = KnowledgeBase(sys.argv[1])
out = {q: [m["text"] for m in convert_address(kb, Query(q, "convert_address", {}, {})).messages] for q in json.loads(sys.argv[2])}
print(json.dumps(out, ensure_ascii=False))
"""


def _answers(url: str, seed: str) -> dict[str, list[str]]:
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", SCRIPT, url, json.dumps(QUESTIONS)], env=env, cwd=ROOT,
                          capture_output=True, text=True, check=True, timeout=120)
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def test_the_same_answers_under_every_hash_seed(sqlite_url: str) -> None:
    runs = [_answers(sqlite_url, seed) for seed in ("0", "1", "2", "3", "4242")]
    assert all(run == runs[0] for run in runs[1:])
    first = runs[0]
    assert first["Xã Cẩm Giang gồm những xã nào cũ?"][0].startswith("Xã Cẩm Giang được hình thành")
    assert first["xã Cẩm Giàng gồm những xã nào cũ?"][0].startswith("Xã Cẩm Giàng được hình thành")
    assert "Xã Cẩm Giang, Xã Cẩm Giàng" in first["xa cam giang gom nhung xa nao cu"][0]


def test_tone_marks_choose_the_unit(kb: KnowledgeBase) -> None:
    assert kb.new_units_in("xã Cẩm Giàng gồm những xã nào") == ["Xã Cẩm Giàng"]
    assert kb.new_units_in("Xã Cẩm Giang gồm những xã nào") == ["Xã Cẩm Giang"]
    assert kb.new_units_in("xa cam giang gom nhung xa nao") == ["Xã Cẩm Giang", "Xã Cẩm Giàng"]
    assert kb.new_unit_in("xa cam giang gom nhung xa nao") is None  # ask, never pick
    # a unit claimed: with its type word anywhere, or bare after the verb that claims it
    assert kb.new_units_claimed("phường Sở Dầu cũng vào Hồng An luôn đúng không") == ["Phường Hồng An"]
    assert kb.new_units_claimed("so dau giờ là phường hồng an à") == ["Phường Hồng An"]
    assert kb.new_units_claimed("Hồng An có mấy phường cũ") == []  # no verb claims it
    assert same_name("Hoà Bình", "Hòa Bình")  # where the mark sits ("hoà"/"hòa") is no difference
    assert not same_name("Cẩm Giang", "Cẩm Giàng") and same_name("cam giang", "Cẩm Giàng")
    members = {ward for ward, _ in kb.new_unit_members("Xã Cẩm Giàng")}
    assert members == {"Xã Cẩm Hưng", "Xã Lương Điền", "Xã Ngọc Liên", "Xã Phúc Điền"}
    assert {ward for ward, _ in kb.new_unit_members("Xã Cẩm Giang")} == {"Thị trấn Cẩm Giang", "Xã Cẩm Hoàng", "Xã Định Sơn"}


def test_a_district_is_answered_as_a_district(kb: KnowledgeBase) -> None:
    assert kb.convert_address("huyện An Dương giờ thuộc phường nào?").matches == ()
    answer = kb.district_answer("huyện An Dương giờ thuộc phường nào?")
    assert answer is not None and answer.district == "Quận An Dương" and answer.changed is not None
    assert kb.convert_address("huyện Cẩm Giàng giờ thuộc phường nào").matches == ()
    answer = kb.district_answer("huyện Cẩm Giàng giờ thuộc phường nào")
    assert answer is not None and answer.district == "Huyện Cẩm Giàng" and "Xã Mao Điền" in answer.units


def test_a_commune_and_a_district_that_do_not_match_are_said_so(kb: KnowledgeBase) -> None:
    result = kb.convert_address("xã Cẩm Hoàng, huyện Kinh Môn giờ thuộc xã nào")
    assert result.district_mismatch == ("Thị xã Kinh Môn",)
    assert [m.old_district for m in result.matches] == ["Huyện Cẩm Giàng"]
    assert kb.convert_address("phường Lạch Tray, quận Ngô Quyền").district_mismatch == ()


def test_a_ward_of_the_named_district_is_found_through_one_slip(kb: KnowledgeBase) -> None:
    found = kb.convert_address("phuong Dang Gian quan Ngo Quyen gio la phuong gi")
    assert [(m.old_ward, m.old_district) for m in found.matches] == [("Phường Đằng Giang", "Quận Ngô Quyền")]
    alone = kb.convert_address("phường Quán Toanh cũ giờ là phường gì")  # no district: a long name, no other as near
    assert [(m.old_ward, m.old_district) for m in alone.matches] == [("Phường Quán Toan", "Quận Hồng Bàng")]
    assert kb.convert_address("phường Lê Lọi").matches == ()  # a short name: too many near it


def test_a_district_with_one_tone_mark_wrong_still_narrows_the_communes(kb: KnowledgeBase) -> None:
    # no two districts differ by marks only ("Thanh Miên" typed for Thanh Miện), while wards do (Cẩm Giang/Giàng)
    found = kb.convert_address("à nhầm, xã Hồng Phong huyện Thanh Miên cơ")
    assert [(m.old_ward, m.old_district) for m in found.matches] == [("Xã Hồng Phong", "Huyện Thanh Miện")]


def test_names_from_before_2025_are_followed_or_said_to_have_changed(kb: KnowledgeBase) -> None:
    chained = kb.convert_address("xã Lưu Kiếm, huyện Thủy Nguyên giờ là phường nào")
    assert chained.changed is not None and chained.changed.after == "Thành phố Thủy Nguyên"
    assert [m.old_ward for m in chained.matches] == ["Phường Lưu Kiếm"]
    renamed = kb.convert_address("xã Tân Dương, huyện Thủy Nguyên giờ thuộc phường nào")
    assert renamed.matches == () and renamed.renamed_before is not None
    assert renamed.renamed_before.effective == "01/01/2025"


def test_repairs_are_tone_exact_and_their_reasons_are_not_shown(kb: KnowledgeBase) -> None:
    from actions.government import convert_address
    from actions.query import Query

    for ward, unit in (("thị trấn Cẩm Giang", "Xã Cẩm Giang"), ("xã Lương Điền", "Xã Cẩm Giàng")):
        result = kb.convert_address(ward)
        assert [u.name for m in result.matches for u in m.new_units] == [unit]
        text = "\n".join(m["text"] for m in convert_address(kb, Query(ward, "convert_address", {}, {})).messages)
        assert unit in text and "khôi phục từ khóa" not in text and "underthesea 9.5;" not in text


def test_search_prints_a_projects_value_and_group(sqlite_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--url", sqlite_url, "search", "nhà ga T2 Cát Bi", "--limit", "1"]) == 0
    out = capsys.readouterr().out
    assert "Giá trị: 2.405.406 triệu đồng" in out and "nhóm: khởi công năm 2025" in out


def test_the_address_table_is_read_once_per_database(sqlite_url: str) -> None:
    """The mapping is indexed on first use: later lookups run no SQL at all."""
    import sqlalchemy as sa

    kb = KnowledgeBase(sqlite_url)
    statements: list[str] = []
    kb.convert_address("phường Lạch Tray quận Ngô Quyền")
    sa.event.listen(kb._get_engine(), "before_cursor_execute", lambda *args: statements.append(args[2]))
    for question in QUESTIONS:
        kb.convert_address(question)
        kb.district_answer(question)
        kb.new_units_in(question)
    kb.new_unit_counts()
    kb.new_unit_members("Xã Cẩm Giàng")
    assert statements == []
    kb.close()


def test_a_rebuilt_database_file_is_read_afresh(sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`knowledge build` renames a new file over the old one: the cached index follows it."""
    import shutil
    import sqlite3

    import knowledge.query.store as store

    live = tmp_path / "knowledge.db"
    shutil.copy(sqlite_url.removeprefix("sqlite:///"), live)
    kb = KnowledgeBase(f"sqlite:///{live}")
    question = "phường Lạch Tray quận Ngô Quyền nay thuộc đơn vị nào"
    before = [u.name for m in kb.convert_address(question).matches for u in m.new_units]
    assert before and "Phường Thử Nghiệm" not in before

    rebuilt = tmp_path / ".knowledge-new.db"
    shutil.copy(live, rebuilt)
    with sqlite3.connect(rebuilt) as conn:
        conn.execute("UPDATE kb_admin_units SET new_ward = 'Phường Thử Nghiệm' WHERE old_ward = 'Phường Lạch Tray'")
    os.replace(rebuilt, live)
    monkeypatch.setattr(store, "RECHECK_SECONDS", 0.0)
    after = [u.name for m in kb.convert_address(question).matches for u in m.new_units]
    assert set(after) == {"Phường Thử Nghiệm"}
    assert kb.new_unit_members("Phường Thử Nghiệm") == [("Phường Lạch Tray", "Quận Ngô Quyền")]
    kb.close()


def test_a_new_unit_with_its_type_word_shortened(kb: KnowledgeBase) -> None:
    assert kb.new_units_in("p thành đông gồm những p cũ nào") == ["Phường Thành Đông"]
    assert kb.new_units_in("x. Cẩm Giàng gồm những xã nào") == ["Xã Cẩm Giàng"]
    # typed without marks, the type word written out has none either: the name is then matched by its letters
    assert (kb.new_units_in("p hong an moi gom nhg p cu nao"), kb.new_units_in("x an hung moi gom nhung xa nao")) == (
        ["Phường Hồng An"], ["Xã An Hưng"])


def test_a_place_is_a_units_name_without_its_type_word(kb: KnowledgeBase) -> None:
    assert [kb.is_place(name) for name in ("xuan dam", "cat bi", "thuy nguyen", "cat hai", "san bay", "")] == [
        True, True, True, True, False, False]
