"""The old→new unit data: flawed rows are repaired with their reason, or refused."""

from pathlib import Path

import pytest

from knowledge.address import load_mappings, other_province
from knowledge.errors import FactFileError


def test_flawed_rows_are_repaired_with_a_recorded_reason() -> None:
    mappings = load_mappings()
    repaired = [m for m in mappings if m.repair_note]
    assert len(repaired) == 7
    assert {m.old_district for m in repaired} == {"Huyện Cẩm Giàng"}
    assert {m.new_ward for m in repaired} == {"Xã Cẩm Giang", "Xã Cẩm Giàng"}
    assert all(m.new_ward for m in mappings)


def test_without_a_repair_the_flawed_rows_are_marked_unusable(tmp_path: Path) -> None:
    empty = tmp_path / "repairs.yml"
    empty.write_text("repairs: []\n", encoding="utf-8")
    unusable = [m for m in load_mappings(empty) if m.new_ward is None]
    assert len(unusable) == 7


def test_a_repair_that_matches_nothing_is_an_error(tmp_path: Path) -> None:
    stale = tmp_path / "repairs.yml"
    stale.write_text('repairs:\n  - {new_ward_key: "xãkhông", new_ward: "Xã Không", reason: "test"}\n', encoding="utf-8")
    with pytest.raises(FactFileError, match="repair matches no flawed row"):
        load_mappings(stale)


def test_both_old_cities_are_covered() -> None:
    provinces = {m.old_province for m in load_mappings()}
    assert provinces == {"Thành phố Hải Phòng", "Tỉnh Hải Dương"}


@pytest.mark.parametrize(("question", "province"), [
    ("GRDP Đà Nẵng năm 2024", "Đà Nẵng"),
    ("GRDP của hn 2024", "Hà Nội"),  # "hn" after a word that introduces a place
    ("so với hn thì sao", "Hà Nội"),
    ("hn đối thoại vs dn fdi nhận bao nhiêu kiến nghị", None),  # hội nghị, doanh nghiệp
    ("dn thành lập mới 2024", None),
    ("muc tieu cua thanh pho doi voi cat ba do son la gi", None),  # Đồ Sơn, then "là": no Sơn La
    ("GRDP Sơn La năm 2024", "Sơn La"),
])
def test_another_province_named(question: str, province: str | None) -> None:
    assert other_province(question) == province
