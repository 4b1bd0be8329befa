"""Rasa tokenizer for Vietnamese as residents type it.

Each token's text and offsets are the resident's own characters; its lemma is the
normalized word without diacritics, syllables joined by "_" ("tăng trưởng",
"tang truong" and "tăng trưởng" typed as "tang truowng" all become
"tang_truong"). CountVectorsFeaturizer reads lemmas by default, so accented and
unaccented questions get the same features.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.tokenizers.tokenizer import Token, Tokenizer
from rasa.shared.nlu.training_data.message import Message

from .normalizer import normalize


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=False)
class VietnameseTokenizer(Tokenizer):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            "intent_tokenization_flag": False,
            "intent_split_symbol": "_",
            "token_pattern": None,
            "prefix_separator_symbol": None,
            # restore diacritics from the bot's vocabulary before word segmentation
            "restore_diacritics": True,
            # group syllables into words with underthesea
            "segment_words": True,
        }

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> VietnameseTokenizer:
        return cls(config)

    def tokenize(self, message: Message, attribute: str) -> list[Token]:
        text = message.get(attribute) or ""
        words = normalize(text, restore=self._config["restore_diacritics"], segment=self._config["segment_words"])
        if not words:
            # only emoji or punctuation: one token for the whole text, as Rasa's own tokenizers do
            return [Token(text, 0, len(text), lemma=text)] if text else []
        tokens = [Token(text[w.start:w.end], w.start, w.end, lemma=w.lemma) for w in words]
        return self._apply_token_pattern(tokens)
