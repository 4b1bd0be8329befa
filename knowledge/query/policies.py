"""Policies: the resolutions and decisions behind the targets, by number or name."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from .. import db
from .. import records as r
from ..matching import policy_keys
from .store import Store


@dataclass(frozen=True)
class PolicyInfo:
    policy: r.Policy
    document: r.Document


class PolicyQueries(Store):
    def policies(self) -> list[PolicyInfo]:
        with self._connect() as conn:
            rows = conn.execute(sa.select(db.policies)).all()
        return [self._policy(row) for row in rows]

    def _policy(self, row: Any) -> PolicyInfo:
        policy = r.Policy(
            number=row.number, doc_type=row.doc_type, issuer=row.issuer, date=row.date, title=row.title,
            aliases=tuple(row.aliases), items=tuple(row.items),
            resident_note=row.resident_note, review_note=row.review_note,
            provenance=r.Provenance(row.source, tuple(row.quotes)),
        )
        return PolicyInfo(policy, self.document(row.source))

    def find_policy(self, text: str) -> list[PolicyInfo]:
        """Policies by number ("45-NQ/TW", "nghị quyết 45", "nq 7/nq-cp") or alias."""
        wanted = policy_keys(text, self._names("policy"))
        if not wanted:
            return []
        with self._connect() as conn:
            rows = conn.execute(sa.select(db.policies).where(db.policies.c.number.in_(wanted))).all()
        return [self._policy(row) for row in rows]
