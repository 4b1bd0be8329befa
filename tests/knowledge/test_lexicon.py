"""The names the NLU extractor finds, read from the built database (`KnowledgeBase.lexicon`), are the
names the fact files and the address data give (`knowledge.lexicon.knowledge_lexicon`): whole sets
compared, on SQLite and PostgreSQL, so reading them from the database changes no parse."""

from __future__ import annotations

from knowledge import KnowledgeBase
from knowledge.lexicon import indicator_parents, key_project_ids, knowledge_lexicon
from knowledge.loader import load_facts


def test_the_databases_names_are_the_fact_files_names(kb: KnowledgeBase) -> None:
    assert sorted(kb.lexicon()) == sorted(knowledge_lexicon())


def test_the_databases_indicator_parents_are_the_fact_files(kb: KnowledgeBase) -> None:
    assert kb.indicator_parents() == indicator_parents(load_facts().indicators)


def test_the_databases_key_projects_are_the_fact_files(kb: KnowledgeBase) -> None:
    assert kb.key_project_ids() == key_project_ids(load_facts().projects)
