"""What the last answer quoted, leaned on next: the sentences after it, a question it answers, the figure around it."""

from __future__ import annotations

import pytest

from actions import quoted
from actions.query import passage_answer_id
from knowledge import KnowledgeBase, fold


def _place(kb: KnowledgeBase, words: str) -> int:
    return next(at for at in range(kb.passage_count()) if (p := kb.passage_at(at)) is not None and words in p.text)


@pytest.mark.parametrize("text", ["ông ấy còn nêu kết quả gì nữa", "còn gì nữa không", "kể thêm đi"])
def test_more_is_asked(text: str) -> None:
    assert quoted.asks_more(fold(text))


@pytest.mark.parametrize("text", ["còn năm 2023 thì sao", "thêm vốn bao nhiêu"])
def test_another_question_asks_no_more(text: str) -> None:
    assert not quoted.asks_more(fold(text))


def test_the_sentences_after_the_first_one_quoted_are_of_its_document(kb: KnowledgeBase) -> None:
    at = _place(kb, "đã nêu rõ một số kết quả nổi bật trong phát triển kinh tế")
    said = quoted.following(kb, {"last_answer_id": passage_answer_id(["001"], at)})
    assert ([p.source for p in said], said[0].text.split()[:4]) == (["001"] * quoted.FOLLOWING, ["Theo", "đó,", "kinh", "tế"])


@pytest.mark.parametrize("last", [None, "indicator:grdp_growth:2024", "passage:001"])
def test_nothing_follows_an_answer_that_quoted_no_sentence_at_a_place(kb: KnowledgeBase, last: str | None) -> None:
    assert quoted.following(kb, {"last_answer_id": last}) == []


def test_the_figure_shown_is_around_its_speakers_sentence(kb: KnowledgeBase) -> None:
    slots = {"last_answer_id": passage_answer_id(["001"], _place(kb, "đã nêu rõ một số kết quả nổi bật"))}
    assert (quoted.figure_around(kb, slots, "grdp_growth", "2025-H1"),
            quoted.figure_around(kb, slots, "export_turnover", "2024")) == (True, False)
