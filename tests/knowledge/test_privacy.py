"""Finding 4: personal data masked before it is stored or logged (knowledge/privacy.py)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge.privacy import ADDRESS, EMAIL, ID_NUMBER, PHONE, mask_personal_data
from tests.examples import examples


@pytest.mark.parametrize(("text", "masked"), [
    ("gọi tôi 0912345678 nhé", f"gọi tôi {PHONE} nhé"),
    ("sđt 0912 345 678", f"sđt {PHONE}"),
    ("sdt: 091.234.5678", f"sdt: {PHONE}"),
    ("+84 912 345 678 là số tôi", f"{PHONE} là số tôi"),
    ("máy bàn 0225 3842 123", f"máy bàn {PHONE}"),
    ("CCCD 031095001234", f"CCCD {ID_NUMBER}"),
    ("cmnd 031 095 001", f"cmnd {ID_NUMBER}"),
    ("mail nguyenvana@gmail.com giúp", f"mail {EMAIL} giúp"),
    ("tôi ở số 12 đường Lạch Tray, Ngô Quyền", f"tôi ở {ADDRESS}, Ngô Quyền"),
    ("nha o so 5 duong to hieu", f"nha o {ADDRESS}"), ("ngo 3 duong to hieu", f"{ADDRESS} duong to hieu"),
    ("12/3 phố Cầu Đất bị ngập", f"{ADDRESS} bị ngập"),
    ("nhà tôi ngõ 45 gần chợ", f"nhà tôi {ADDRESS} gần chợ"),
    ("số nhà 7", ADDRESS),
])
def test_personal_data_is_masked(text: str, masked: str) -> None:
    assert mask_personal_data(text) == masked


@pytest.mark.parametrize("text", [
    "grdp hai phong nam 2024 tang bao nhieu", "tăng trưởng 11,01% năm 2024", "vốn 140.000 tỷ đồng",
    "Báo cáo 619-BC/TU", "Nghị quyết số 45-NQ/TW", "phường Lạch Tray quận Ngô Quyền giờ thuộc phường nào",
    "giai đoạn 2019-2023", "thu ngân sách 1.234.567.890 đồng", "quý 1/2025", "cầu Nguyễn Trãi 1.700 tỷ",
    "dân số 2.100.000 người", "Nghị quyết 226/2025/QH15", "đường Lạch Tray dài bao nhiêu", "phố Cầu Đất",
])
def test_the_bots_own_figures_and_places_are_left_alone(text: str) -> None:
    assert mask_personal_data(text) == text


mobile = st.tuples(st.sampled_from(["03", "05", "07", "08", "09"]), st.text("0123456789", min_size=8, max_size=8))
separators = st.sampled_from(["", " ", ".", "-"])


@settings(max_examples=examples(200), derandomize=True)
@given(mobile=mobile, sep=separators, before=st.sampled_from(["", "sđt ", "gọi ", "số tôi là "]),
       after=st.sampled_from(["", " nhé", ", cảm ơn", "."]))
def test_any_mobile_number_written_any_way_is_masked(mobile: tuple[str, str], sep: str, before: str, after: str) -> None:
    head, rest = mobile
    number = head + rest[0] + sep + rest[1:4] + sep + rest[4:]
    masked = mask_personal_data(before + number + after)
    assert PHONE in masked and rest[4:] not in masked


@settings(max_examples=examples(200), derandomize=True)
@given(digits=st.text("0123456789", min_size=12, max_size=12), local=st.from_regex(r"[a-z][a-z0-9._]{0,15}", fullmatch=True))
def test_any_cccd_and_email_is_masked(digits: str, local: str) -> None:
    masked = mask_personal_data(f"CCCD {digits}, email {local}@example.vn")
    assert digits not in masked and "@" not in masked
