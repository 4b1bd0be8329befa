"""What residents thought of the answers, and what the bot could not answer.

Stored without personal data as far as it can be recognised: the sender id only as a
salted hash (staff can count repeat askers, never identify one), the question with
phone numbers, ID numbers, e-mails and street addresses masked (knowledge/privacy.py),
and only for `FEEDBACK_RETENTION_DAYS` (90): `python -m knowledge purge-feedback`
deletes older rows, and `make run` / `make run-prod` run it at every start. A SQLite
store is created readable by its owner only. Separate from the knowledge database,
which is a rebuildable build output.
"""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from .db import make_engine
from .errors import FeedbackUnavailable
from .privacy import mask_personal_data, private_file
from .settings import KnowledgeSettings, current_settings
from .text import fold

MAX_QUESTION_CHARS = 500
KINDS = ("up", "down", "unanswered")

_metadata = sa.MetaData()
feedback = sa.Table(
    "feedback", _metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("question", sa.Text, nullable=False),
    sa.Column("question_folded", sa.Text, nullable=False, index=True),
    sa.Column("answer_id", sa.String(200)),
    sa.Column("channel", sa.String(32)),
    sa.Column("sender_hash", sa.String(64)),
)


def hash_sender(sender_id: str, salt: str) -> str:
    return hashlib.sha256(f"{salt}:{sender_id}".encode()).hexdigest()[:32]


@dataclass(frozen=True)
class ReportRow:
    question: str
    count: int
    answer_id: str | None


class FeedbackStore:
    def __init__(self, url: str | None = None, settings: KnowledgeSettings | None = None):
        self.settings = settings or current_settings()
        self.url = url or self.settings.feedback_url
        self._engine: Engine | None = None

    def _get_engine(self) -> Engine:
        if self._engine is None:
            parsed = sa.engine.make_url(self.url)
            if parsed.get_backend_name() == "sqlite" and parsed.database and parsed.database != ":memory:":
                private_file(parsed.database)
            self._engine = make_engine(self.url)
            _metadata.create_all(self._engine)
        return self._engine

    def record(self, kind: str, question: str, sender_id: str, channel: str | None = None,
               answer_id: str | None = None) -> None:
        if kind not in KINDS:
            raise ValueError(f"feedback kind must be one of {KINDS}, not {kind!r}")
        question = mask_personal_data((question or "").strip())[:MAX_QUESTION_CHARS]
        try:
            with self._get_engine().begin() as conn:
                conn.execute(sa.insert(feedback).values(
                    created_at=datetime.now(timezone.utc).isoformat(timespec="seconds"), kind=kind,
                    question=question, question_folded=fold(question), answer_id=answer_id,
                    channel=channel, sender_hash=hash_sender(sender_id, self.settings.feedback_salt),
                ))
        except (SQLAlchemyError, sqlite3.Error, OSError) as exc:
            # the type only: a database error's message can quote the question
            raise FeedbackUnavailable(type(exc).__name__) from exc

    def most_unanswered(self, limit: int = 20) -> list[ReportRow]:
        """Unanswered questions, the same question typed differently counted together."""
        t = feedback
        statement = (
            sa.select(sa.func.min(t.c.question), sa.func.count().label("n"))
            .where(t.c.kind == "unanswered").group_by(t.c.question_folded)
            .order_by(sa.desc("n"), sa.func.min(t.c.question)).limit(limit)
        )
        with self._get_engine().connect() as conn:
            return [ReportRow(q, n, None) for q, n in conn.execute(statement)]

    def worst_rated(self, limit: int = 20) -> list[ReportRow]:
        """Answers with the most 👎, with one question that led to each."""
        t = feedback
        statement = (
            sa.select(sa.func.min(t.c.question), sa.func.count().label("n"), t.c.answer_id)
            .where(t.c.kind == "down").group_by(t.c.answer_id)
            .order_by(sa.desc("n"), t.c.answer_id).limit(limit)
        )
        with self._get_engine().connect() as conn:
            return [ReportRow(q, n, a) for q, n, a in conn.execute(statement)]

    def purge(self, older_than_days: int | None = None, now: datetime | None = None) -> int:
        """Delete the rows older than the retention limit; the number deleted."""
        days = self.settings.retention_days if older_than_days is None else older_than_days
        cutoff = (now or datetime.now(timezone.utc)) - timedelta(days=days)
        with self._get_engine().begin() as conn:
            result = conn.execute(sa.delete(feedback).where(feedback.c.created_at < cutoff.isoformat(timespec="seconds")))
            return int(result.rowcount or 0)

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
