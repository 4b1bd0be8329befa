"""How the knowledge layer connects: a file database keeps its connection open."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from knowledge.db import make_engine


def test_a_file_database_is_opened_once_for_many_lookups(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'k.db'}")
    opened: list[object] = []
    sa.event.listen(engine, "connect", lambda connection, record: opened.append(connection))
    for _ in range(5):
        with engine.connect() as connection:
            assert connection.execute(sa.text("SELECT 1")).scalar() == 1
    assert len(opened) == 1


def test_an_in_memory_database_stays_one_database() -> None:
    engine = make_engine("sqlite://")
    with engine.begin() as connection:
        connection.execute(sa.text("CREATE TABLE t (x INTEGER)"))
    with engine.connect() as connection:
        assert connection.execute(sa.text("SELECT count(*) FROM t")).scalar() == 0


@pytest.mark.postgres
def test_on_postgres_the_knowledge_api_reads_in_autocommit_and_writers_keep_transactions(postgres_url: str) -> None:
    from knowledge import KnowledgeBase

    kb = KnowledgeBase(postgres_url)
    try:
        assert kb.values("grdp_growth", "2024")
        engine = kb._get_engine()
        with engine.connect() as conn:
            assert conn.connection.dbapi_connection.autocommit is True  # psycopg2: no BEGIN, no ROLLBACK
    finally:
        kb.close()
    writer = make_engine(postgres_url)
    with writer.connect() as conn:
        assert conn.connection.dbapi_connection.autocommit is False
    writer.dispose()
