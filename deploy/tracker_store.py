"""Rasa's SQL tracker store, adjusted for each profile; both take the keys of `type: SQL`.

* `PrePingSQLTrackerStore` (production, deploy/endpoints.prod.yml) survives a
  PostgreSQL restart without losing a message.
* `CachedSQLTrackerStore` (embedded, endpoints.yml) spares a single Rasa process
  reloading every conversation from SQLite at each turn.
"""

from __future__ import annotations

import itertools
import json
from collections import OrderedDict
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs
from rasa.shared.core.events import Event
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY

from knowledge.privacy import private_file


class PrePingSQLTrackerStore(SQLTrackerStore):
    """Rasa 3.6 creates the tracker store's engine without `pool_pre_ping` and offers no
    setting for it. After PostgreSQL restarts, every pooled connection is dead: the next
    message of each replica fails on one (Rasa's `FailSafeTrackerStore` then answers it
    from an empty in-memory conversation and keeps it there, out of the database). With
    `pool_pre_ping` the pool tests a connection before handing it out and replaces a
    dead one, so the first message after the restart is served like any other.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if kwargs.get("dialect") == "sqlite" and kwargs.get("db") not in (None, "", ":memory:"):
            private_file(kwargs["db"])  # residents' words: readable by the owner only
        super().__init__(*args, **kwargs)
        first: Any = self.engine  # type: ignore[has-type]
        url = first.url
        first.dispose()
        # hide_parameters: a database error's message must not quote residents' words
        self.engine = sa.create_engine(url, pool_pre_ping=True, hide_parameters=True, **create_engine_kwargs(url))
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)


class CachedSQLTrackerStore(PrePingSQLTrackerStore):
    """Rasa's SQL store for one Rasa process that owns its database (`make run`).

    Every turn Rasa's SQL store loads the conversation's rows, decodes each event's
    JSON and replays the events into a new tracker, then counts the stored rows again
    before inserting the new ones, and commits with a full sync: about a third of the
    Rasa process's CPU per message here (docs/BENCHMARKS.md). This store writes
    through to the same table in the same format, but keeps the last `cache_size`
    conversations in memory with the number of their events already stored (and the
    senders it found nothing stored for), so a turn costs one insert statement and one
    commit on a connection kept open (a new conversation, one commit more). It reads
    the stored senders once at start, so a sender it has never seen needs no query;
    past `sender_index_limit` senders it stops keeping that index and asks the
    database instead.

    A cached tracker is handed out only if it still holds exactly the stored events: a
    turn that failed after changing the tracker and before saving it leaves it longer,
    and the next turn reloads it from the database. Only valid while no other process
    writes the same conversations: the embedded profile runs one Rasa process (Rasa
    refuses several Sanic workers with its in-memory lock store), the production
    profile uses `PrePingSQLTrackerStore`. With an event broker the store caches
    nothing, since Rasa's `stream_events` finds the new events by retrieving the
    stored tracker.
    """

    def __init__(self, *args: Any, cache_size: int | str = 2000, sender_index_limit: int | str = 200_000,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.cache_size = int(cache_size)
        self.sender_index_limit = int(sender_index_limit)
        if self.cache_size < 0 or self.sender_index_limit < 0:
            raise ValueError(f"tracker store cache_size and sender_index_limit must be 0 or more, "
                             f"not {cache_size} and {sender_index_limit}")
        # sender -> (the tracker handed out, None while nothing is stored; events stored)
        self._known: OrderedDict[str, tuple[DialogueStateTracker | None, int]] = OrderedDict()
        if self.engine.dialect.name == "sqlite":
            self._keep_sqlite_connections_open()
        # every sender with stored events, while there are at most sender_index_limit
        self._stored_senders: set[str] | None = self._read_stored_senders() if self.caching else None

    def _read_stored_senders(self) -> set[str] | None:
        column = self.SQLEvent.__table__.c.sender_id
        query = sa.select(column).distinct().limit(self.sender_index_limit + 1)
        with self.engine.connect() as connection:
            senders = set(connection.execute(query).scalars())
        return senders if len(senders) <= self.sender_index_limit else None

    def _note_stored(self, sender_id: str) -> None:
        if self._stored_senders is not None:
            self._stored_senders.add(sender_id)
            if len(self._stored_senders) > self.sender_index_limit:
                self._stored_senders = None  # memory stays bounded; unknown senders are queried again

    def _keep_sqlite_connections_open(self) -> None:
        """SQLAlchemy 1.4 opens and closes a file database's connection for every
        session (NullPool), and closing the last connection checkpoints the WAL: a pool
        keeps one open. Rasa calls the store from its event loop only."""
        url = self.engine.url
        self.engine.dispose()
        self.engine = sa.create_engine(url, poolclass=sa.pool.QueuePool, pool_size=1, max_overflow=4,
                                       connect_args={"check_same_thread": False}, hide_parameters=True)
        sa.event.listen(self.engine, "connect", _sqlite_write_ahead)
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)

    @property
    def caching(self) -> bool:
        return self.cache_size > 0 and self.event_broker is None

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        known = self._known.get(sender_id)
        if known is not None:
            tracker, stored = known
            if tracker is None:
                return None  # nothing stored, and this process is the only writer
            if len(tracker.events) == stored:
                self._known.move_to_end(sender_id)
                return tracker
            del self._known[sender_id]
        elif self._stored_senders is not None and sender_id not in self._stored_senders:
            self._remember(sender_id, None)
            return None  # never stored, and this process is the only writer
        tracker = await super().retrieve(sender_id)
        self._remember(sender_id, tracker)  # what the query returned is what is stored
        return tracker

    async def save(self, tracker: DialogueStateTracker) -> None:
        known = self._known.get(tracker.sender_id)
        # identity, not ==: a tracker compares equal to any other with the same events
        if known is None or (known[0] is not None and known[0] is not tracker):
            await super().save(tracker)  # counts the stored rows to find the new events
        else:
            self._insert(tracker.sender_id, itertools.islice(tracker.events, known[1], None))
        self._note_stored(tracker.sender_id)
        self._remember(tracker.sender_id, tracker)

    def _insert(self, sender_id: str, events: Iterable[Event]) -> None:
        """The rows Rasa's `save` writes, in one statement instead of one ORM object each."""
        rows = []
        for event in events:
            data = event.as_dict()
            rows.append({"sender_id": sender_id, "type_name": event.type_name, "timestamp": data.get("timestamp"),
                         "intent_name": data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
                         "action_name": data.get("name"), "data": json.dumps(data)})
        if rows:
            with self.engine.begin() as connection:
                connection.execute(sa.insert(self.SQLEvent.__table__), rows)

    def _remember(self, sender_id: str, tracker: DialogueStateTracker | None) -> None:
        # a capped event history would make the event count meaningless
        if not self.caching or (tracker is not None and tracker.events.maxlen is not None):
            self._known.pop(sender_id, None)
            return
        self._known[sender_id] = (tracker, len(tracker.events) if tracker is not None else 0)
        self._known.move_to_end(sender_id)
        while len(self._known) > self.cache_size:
            self._known.popitem(last=False)


def _sqlite_write_ahead(connection: Any, _record: Any) -> None:
    """WAL with normal sync: a commit no longer waits for the disk twice.

    A crash of the process loses nothing; a power cut can lose the last turns, never
    corrupt the file (https://www.sqlite.org/wal.html).
    """
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
