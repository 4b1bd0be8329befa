"""A question the classifier took for a rating takes the next intent; ratings stay ratings."""

from __future__ import annotations

from typing import Any

import pytest
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.rating_guard import RatingGuard, asks_without_rating

RANKING = [{"name": "feedback", "confidence": 0.49}, {"name": "followup", "confidence": 0.3},
           {"name": "ask_indicator", "confidence": 0.1}]


def classified(text: str, intent: str = "feedback", entities: list[dict[str, Any]] | None = None) -> Message:
    message = Message(data={TEXT: text, ENTITIES: entities or [], INTENT: {"name": intent, "confidence": 0.49},
                            INTENT_RANKING_KEY: RANKING})
    (processed,) = RatingGuard().process([message])
    return processed


@pytest.mark.parametrize(("text", "asks"), [
    ("đứng thứ mấy cả nc", True),
    ("dung thu may ca nuoc", True),
    ("thế còn năm 2025 bn", True),
    ("ai ký?", True),
    ("tai sao lai the", True),        # the cause of the figure just given
    ("sao sai vậy?", False),          # a rating with a question word
    ("câu trả lời hay quá", False),
    ("thông tin này sai rồi", False),
    ("tuyệt, đúng cái mình cần", False),
    ("ko đúng đâu bot", False),
    ("chả giúp được gì", False),
])
def test_a_message_asks_when_it_has_a_question_word_and_no_rating_word(text: str, asks: bool) -> None:
    assert asks_without_rating(text, []) is asks


def test_a_rating_entity_keeps_the_message_a_rating() -> None:
    assert asks_without_rating("👍 còn năm 2025 bao nhiêu", [{"entity": "rating", "value": "up"}]) is False


@pytest.mark.parametrize(("text", "entities", "asks"), [
    ("nó khánh thành năm 2025 r đúng ko", [{"entity": "year", "value": "2025"}], True),  # a claim of the year named
    ("đúng ko", [], False),
    ("sai rồi đúng ko", [], False),
])
def test_a_claim_put_as_a_question_naming_something_asks(text: str, entities: list[dict[str, Any]], asks: bool) -> None:
    assert asks_without_rating(text, entities) is asks


def test_a_question_taken_for_a_rating_takes_the_next_intent() -> None:
    assert classified("đứng thứ mấy cả nc").get(INTENT) == {"name": "followup", "confidence": 0.3}


def test_a_rating_is_left_as_it_is() -> None:
    assert classified("sai rồi").get(INTENT) == {"name": "feedback", "confidence": 0.49}


def test_other_intents_are_left_as_they_are() -> None:
    assert classified("GRDP bao nhiêu", intent="ask_indicator").get(INTENT) == {"name": "ask_indicator",
                                                                               "confidence": 0.49}
