"""What every topic of the query API shares: the engine, one short connection per call, the
cache of small read-only tables, the documents and the table of names.

Nothing is created at import. Calls are blocking, so async callers run them in a thread
(`asyncio.to_thread`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import SQLAlchemyError

from .. import db
from .. import records as r
from ..errors import KnowledgeUnavailable
from ..settings import database_url

REBUILD_HINT = "run `make knowledge` (or `python -m knowledge build`) to rebuild it"


class Store:
    """Read-only access to the built knowledge database."""

    def __init__(self, url: str | None = None):
        self.url = url or database_url()
        self._engine: Engine | None = None
        self._cache: dict[str, Any] = {}

    def _get_engine(self) -> Engine:
        if self._engine is None:
            parsed = make_url(self.url)
            if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
                path = Path(parsed.database)
                if not path.is_file():
                    raise KnowledgeUnavailable(f"knowledge database {path} does not exist; {REBUILD_HINT}")
            self._engine = db.make_engine(self.url, read_only=True)
        return self._engine

    @contextmanager
    def _connect(self) -> Iterator[Connection]:
        try:
            with self._get_engine().connect() as conn:
                yield conn
        except (SQLAlchemyError, sqlite3.Error) as exc:
            raise KnowledgeUnavailable(
                f"knowledge database at {make_url(self.url).render_as_string()} is unusable "
                f"({type(exc).__name__}: {str(exc).splitlines()[0]}); {REBUILD_HINT}"
            ) from exc

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
        self._cache.clear()

    def check(self) -> dict[str, str]:
        """Fail loudly at start-up if the database is missing, corrupt or stale in schema."""
        with self._connect() as conn:
            rows = dict(conn.execute(sa.select(db.meta.c.key, db.meta.c.value)).all())
        if "facts_checksum" not in rows:
            raise KnowledgeUnavailable(f"knowledge database has no build record; {REBUILD_HINT}")
        return rows

    def _cached(self, name: str, loader: Any) -> Any:
        # The database is a read-only build output: small reference tables are
        # read once per KnowledgeBase so lookups cost no round trip.
        if name not in self._cache:
            with self._connect() as conn:
                self._cache[name] = loader(conn)
        return self._cache[name]

    def documents(self) -> dict[str, r.Document]:
        return self._cached("documents", lambda conn: {
            row.id: r.Document(**row._asdict()) for row in conn.execute(sa.select(db.documents))
        })

    def document(self, doc_id: str) -> r.Document:
        return self.documents()[doc_id]

    def _names(self, entity: str) -> list[tuple[str, str]]:
        return self._cached(f"names:{entity}", lambda conn: [
            (row.key, row.folded)
            for row in conn.execute(sa.select(db.names.c.key, db.names.c.folded).where(db.names.c.entity == entity))
        ])
