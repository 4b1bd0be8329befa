"""Shared fixtures: real knowledge databases built from the shipped fact files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from knowledge import KnowledgeBase
from knowledge.build import build
from tests.pg import scratch_database


@pytest.fixture(scope="session")
def sqlite_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('kb') / 'knowledge.db'}"
    build(url)
    return url


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    with scratch_database("hp_kb") as url:
        build(url)
        yield url


@pytest.fixture(scope="session", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def kb(request: pytest.FixtureRequest) -> Iterator[KnowledgeBase]:
    """The knowledge API on each supported database, so every test runs on both."""
    url = request.getfixturevalue(f"{request.param}_url")
    base = KnowledgeBase(url)
    yield base
    base.close()


@pytest.fixture(scope="session")
def kb_sqlite(sqlite_url: str) -> Iterator[KnowledgeBase]:
    base = KnowledgeBase(sqlite_url)
    yield base
    base.close()


@pytest.fixture()
def facts_copy(tmp_path: Path) -> Path:
    """A writable copy of the fact files, for tests that break them on purpose."""
    import shutil

    from knowledge.loader import FACTS_DIR

    target = tmp_path / "facts"
    shutil.copytree(FACTS_DIR, target)
    return target
