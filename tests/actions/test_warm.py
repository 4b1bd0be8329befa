"""The warm-up the action server runs at start answers its questions without error."""

from actions.warm import warm_up
from knowledge import KnowledgeBase


def test_warm_up_answers_every_question(kb: KnowledgeBase) -> None:
    warm_up(kb)
