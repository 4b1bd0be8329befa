"""The local PostgreSQL server for tests: started if it is down, one scratch database per use."""

from __future__ import annotations

import os
import subprocess
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa

ADMIN_URL = os.environ.get("TEST_POSTGRES_ADMIN_URL", "postgresql+psycopg2://postgres@127.0.0.1:5432/postgres")
START_COMMAND = "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql | head -n1) main start"


def _reachable() -> bool:
    engine = sa.create_engine(ADMIN_URL, future=True)
    try:
        with engine.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
        return True
    except sa.exc.OperationalError:
        return False
    finally:
        engine.dispose()


def ensure_running(timeout: float = 30.0) -> None:
    if _reachable():
        return
    subprocess.run(START_COMMAND, shell=True, check=False, capture_output=True)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if _reachable():
            return
        time.sleep(0.5)
    raise RuntimeError(f"PostgreSQL is not reachable at {ADMIN_URL} and `{START_COMMAND}` did not start it")


@contextmanager
def scratch_database(prefix: str = "hp_test") -> Iterator[str]:
    """A fresh database, dropped afterwards; yields its SQLAlchemy URL."""
    ensure_running()
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(ADMIN_URL, future=True, isolation_level="AUTOCOMMIT", pool_pre_ping=True)
    try:
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
        yield str(sa.engine.make_url(ADMIN_URL).set(database=name).render_as_string(hide_password=False))
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
