"""A message classified as a rating that asks something and rates nothing is a question.

The rules thank a `feedback` message and answer nothing, so a short follow-up the
classifier takes for a rating ("đứng thứ mấy cả nc" after a figure) went unanswered.
This component runs after the classifiers: such a message takes the next intent of
the ranking, and the decision table answers it.
"""

from __future__ import annotations

import re
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from knowledge import fold

RATING = "feedback"
# Folded, teencode included: words that make a message ask rather than rate.
_ASKS = re.compile(r"\b(?:may|bao nhieu|bn|bnhieu|nao|gi|j|ai|dau|the nao|ntn|khi nao|bh|bao gio|thu may"
                   r"|tai sao|vi sao|sao lai|ly do|nguyen nhan)\b")  # "tai sao lai the": the cause asked
# Words that rate whatever else the message says ("sao sai vậy?" is a rating).
_RATES = re.compile(r"\b(?:sai|dung roi|huu ich|hay|tot|chuan|chinh xac|te|do|vo dung|vo ich|cam on|thanks?"
                    r"|(?:ko|k|khong|chang|cha|chua) (?:dung|giup|huu ich|chinh xac|lien quan))\b")


# "nó khánh thành năm 2025 r đúng ko": a claim put as a question, not a rating of the answer
_TAG_QUESTION = re.compile(r"\b(?:dung|phai) (?:ko|k|khong|hong|hem)\s*$")
# what a rating never names: a thing of the documents, a period
_NAMED = frozenset({"indicator", "project", "project_group", "policy", "year", "period", "old_unit", "old_district"})


def asks_without_rating(text: str, entities: list[dict[str, Any]]) -> bool:
    if any(entity.get("entity") == "rating" for entity in entities):
        return False
    folded = fold(text)
    if _TAG_QUESTION.search(folded) and any(entity.get("entity") in _NAMED for entity in entities):
        return True  # "sai rồi" rates; "… năm 2025 r đúng ko" claims something of the year it names
    return ("?" in text or bool(_ASKS.search(folded))) and not _RATES.search(folded)


def next_intent(ranking: list[dict[str, Any]]) -> dict[str, Any]:
    """The best-ranked intent that is not a rating; the fallback intent when none is."""
    for intent in ranking:
        if intent.get("name") != RATING:
            return {"name": intent.get("name"), "confidence": intent.get("confidence")}
    return {"name": "nlu_fallback", "confidence": 1.0}


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class RatingGuard(GraphComponent):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {}

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> RatingGuard:
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            intent = message.get(INTENT) or {}
            if intent.get("name") == RATING and asks_without_rating(message.get(TEXT) or "",
                                                                     message.get(ENTITIES) or []):
                message.set(INTENT, next_intent(message.get(INTENT_RANKING_KEY) or []), add_to_output=True)
        return messages
