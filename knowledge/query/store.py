"""What every topic of the query API shares: the engine, one short connection per call, the
cache of small read-only tables, the documents and the table of names.

Nothing is created at import. Calls are blocking, so async callers run them in a thread
(`asyncio.to_thread`).
"""

from __future__ import annotations

import math
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import SQLAlchemyError

from .. import db
from .. import records as r
from ..errors import KnowledgeUnavailable
from ..settings import current_settings

REBUILD_HINT = "run `make knowledge` (or `python -m knowledge build`) to rebuild it"
# How often the SQLite file is looked at for a rebuild: a stat costs 3-25 µs, a cached lookup 3 µs.
RECHECK_SECONDS = 1.0


class Store:
    """Read-only access to the built knowledge database.

    The database is a read-only build output: small reference tables and the indexes built
    on them are read once per database (`_cached`), so lookups cost no round trip. A rebuild
    (`python -m knowledge build`) replaces a SQLite file whole, renaming a new file over the
    old one: when the file is no longer the one read (looked at once a second at most), the
    cache starts empty and the engine reconnects, so no answer mixes two builds. PostgreSQL
    is rebuilt in place and not followed: restart the action server after rebuilding it.
    """

    def __init__(self, url: str | None = None):
        self.url = url or current_settings().database_url
        self._engine: Engine | None = None
        self._cache: dict[str, Any] = {}
        self._file_signature: tuple[int, int, int] | None = None
        self._checked_at = -math.inf

    @cached_property
    def _database_file(self) -> Path | None:
        parsed = make_url(self.url)
        if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
            return Path(parsed.database)
        return None

    def _current_cache(self) -> dict[str, Any]:
        """The cache of the database file as it is now (see the class): a new dict, and a new
        engine, when the file was replaced since the last call."""
        path = self._database_file
        now = time.monotonic()
        if path is not None and now - self._checked_at >= RECHECK_SECONDS:
            self._checked_at = now
            try:
                stat = path.stat()
            except OSError:
                return self._cache  # gone: the next connection says so; what was read stays
            signature = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
            if signature != self._file_signature:
                self._file_signature = signature
                self._cache = {}  # replaced, never cleared: a lookup in another thread keeps its dict
                if self._engine is not None:
                    self._engine.dispose()  # connections still in use close when returned
                    self._engine = None
        return self._cache

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
        self._current_cache()
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
        self._cache = {}
        self._file_signature = None
        self._checked_at = -math.inf

    def check(self) -> dict[str, str]:
        """Fail loudly at start-up if the database is missing, corrupt or stale in schema."""
        with self._connect() as conn:
            rows = dict(conn.execute(sa.select(db.meta.c.key, db.meta.c.value)).all())
        if "facts_checksum" not in rows:
            raise KnowledgeUnavailable(f"knowledge database has no build record; {REBUILD_HINT}")
        return rows

    def _cached(self, name: str, loader: Any) -> Any:
        """`loader(connection)`, read once per database file (see the class)."""
        cache = self._current_cache()
        if name not in cache:
            with self._connect() as conn:
                cache[name] = loader(conn)
        return cache[name]

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
