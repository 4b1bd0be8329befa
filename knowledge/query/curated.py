"""Curated answers: reviewed answers to questions the figures alone do not answer."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Any

import sqlalchemy as sa

from .. import db
from .. import records as r
from ..matching import answer_score, question_words
from ..search_index import STOP_WORDS
from ..text import fold
from .store import Store

PHRASE_BONUS = 0.02


def _phrases(text: str) -> set[tuple[str, str]]:
    words = fold(text).split()
    return {(a, b) for a, b in pairwise(words) if not (a in STOP_WORDS and b in STOP_WORDS)}


@dataclass(frozen=True)
class AnswerInfo:
    answer: r.Answer
    document: r.Document
    score: float = 1.0


class CuratedQueries(Store):
    def answers(self, topic: str | None = None) -> list[AnswerInfo]:
        """Every curated answer (of `topic`), read once per database file: several lookups of one message
        read them (the claims of a post, the fitting answer, the better topic)."""
        self.documents()  # read first: each answer names its source document
        every: list[AnswerInfo] = self._cached(
            "answers", lambda conn: [self._answer(row) for row in conn.execute(sa.select(db.answers)).all()])
        return [info for info in every if not topic or info.answer.topic == topic]

    def _answer(self, row: Any, score: float = 1.0) -> AnswerInfo:
        answer = r.Answer(row.id, row.topic, tuple(row.questions), row.answer, row.resident_note,
                          row.review_note, r.Provenance(row.source, tuple(row.quotes)),
                          tuple(r.Provenance(extra["source"], tuple(extra["quotes"])) for extra in row.also))
        return AnswerInfo(answer, self.document(row.source), score)

    def answer(self, answer_id: str) -> AnswerInfo | None:
        """One curated answer by its id, from the answers read once (a follow-up looks up the last one)."""
        return next((info for info in self.answers() if info.answer.id == answer_id), None)

    def find_answers(self, text: str, topic: str | None = None, limit: int = 3) -> list[AnswerInfo]:
        """Curated answers whose question variants best overlap the question."""
        words = question_words(text)
        if not words:
            return []
        phrases = _phrases(text)
        scored = []
        for info in self.answers(topic):
            best = answer_score(words, info.answer.questions, info.answer.answer)
            if best > 0.25:
                # a two-word phrase of the question the answer itself says ("đại hội điểm") breaks near ties;
                # the score itself, which the callers' bars are set on, stays the words' overlap
                rank = best + PHRASE_BONUS * len(phrases & _phrases(info.answer.answer))
                scored.append((rank, AnswerInfo(info.answer, info.document, best)))
        return [a for _, a in sorted(scored, key=lambda pair: -pair[0])][:limit]
