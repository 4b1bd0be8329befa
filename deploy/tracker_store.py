"""Rasa's SQL tracker store, surviving a PostgreSQL restart without losing a message.

Rasa 3.6 creates the tracker store's engine without `pool_pre_ping` and offers no
setting for it. After PostgreSQL restarts, every pooled connection is dead: the next
message of each replica fails on one (Rasa's `FailSafeTrackerStore` then answers it
from an empty in-memory conversation and keeps it there, out of the database). With
`pool_pre_ping` the pool tests a connection before handing it out and replaces a
dead one, so the first message after the restart is served like any other.

Rasa loads it by module path from deploy/endpoints.prod.yml
(`tracker_store: type: deploy.tracker_store.PrePingSQLTrackerStore`); it takes the
same keys as `type: SQL`.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs


class PrePingSQLTrackerStore(SQLTrackerStore):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        first: Any = self.engine  # type: ignore[has-type]
        url = first.url
        first.dispose()
        self.engine = sa.create_engine(url, pool_pre_ping=True, **create_engine_kwargs(url))
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)
