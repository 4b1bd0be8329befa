"""A resident's steering words before the question are dropped; a question that merely starts alike is kept."""

from __future__ import annotations

import pytest

from knowledge import without_steering


@pytest.mark.parametrize(("typed", "read"), [
    ("Ngoài lề chút, ai đang làm Chủ tịch UBND thành phố?", "ai đang làm Chủ tịch UBND thành phố?"),
    ("À, hỏi thêm: GRDP bao nhiêu", "GRDP bao nhiêu"),
    ("Nhân tiện, cầu Nguyễn Trãi bao nhiêu tiền", "cầu Nguyễn Trãi bao nhiêu tiền"),
    ("ngoai le ti, bn xa", "bn xa"),
    ("Còn về lâu dài, đến năm 2030 Hải Phòng muốn trở thành thành phố như thế nào?",
     "đến năm 2030 Hải Phòng muốn trở thành thành phố như thế nào?"),
    ("hỏi thêm về cảng", "hỏi thêm về cảng"),  # no punctuation: the words are the question
    ("Chuyển chủ đề: chủ đề năm 2025 là gì?", "Chuyển chủ đề: chủ đề năm 2025 là gì?"),  # ends the context: kept
    ("Ngoài lề", "Ngoài lề"),  # nothing after it
])
def test_steering_words_before_the_question_are_dropped(typed: str, read: str) -> None:
    assert without_steering(typed) == read
