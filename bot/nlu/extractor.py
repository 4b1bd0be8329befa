"""Rasa entity extractor over the knowledge base's names (see `entities`).

The names come from the built knowledge database the actions read (`KNOWLEDGE_DB_URL`, else
build/knowledge.db), so what the NLU finds and what the actions look up are one build's.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from knowledge import KnowledgeBase

from .entities import EntityMatcher
from .vocabulary import VOCABULARY


def build_matcher(kb: KnowledgeBase | None = None) -> EntityMatcher:
    """The names of `kb` (by default the database the actions read) and the conversation's own words."""
    knowledge = kb or KnowledgeBase()
    try:
        entries = knowledge.lexicon()
        parents, key_projects = knowledge.indicator_parents(), knowledge.key_project_ids()
    finally:
        if kb is None:
            knowledge.close()  # read once: the NLU keeps no connection open
    for entity, values in VOCABULARY.items():
        for value, surfaces in values.items():
            entries += [(entity, value, surface) for surface in surfaces]
    return EntityMatcher(entries, parents, key_projects)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class KnowledgeEntityExtractor(GraphComponent, EntityExtractorMixin):
    """Indicators, projects, policies, old units, years, periods and conversation words."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {}

    def __init__(self, config: dict[str, Any], matcher: EntityMatcher | None = None) -> None:
        self._config = config
        self._matcher = matcher or build_matcher()

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> KnowledgeEntityExtractor:
        return cls(config)

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            found = [f.as_rasa() for f in self._matcher.find(message.get(TEXT) or "")]
            message.set(ENTITIES, message.get(ENTITIES, []) + self.add_extractor_name(found), add_to_output=True)
        return messages
