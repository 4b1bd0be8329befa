"""How a question's words are read to match curated answers."""

from __future__ import annotations

import pytest

from knowledge.matching import question_words


@pytest.mark.parametrize(("question", "words"), [
    ("Khi vận hành có khó khăn gì không?", {"van", "hanh", "kho", "khan"}),  # "khi": while, no date asked
    ("Chính quyền 2 cấp hoạt động từ khi nào?", {"chinh", "quyen", "2", "cap", "hoat", "dong", "tu", "khinao"}),
    ("bắt đầu từ ngày nào", {"bat", "dau", "tu", "khinao"}),  # ways of asking when, read as one
])
def test_question_words(question: str, words: set[str]) -> None:
    assert question_words(question) == words
