"""Shared fixtures: real knowledge databases built from the shipped fact files."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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


@pytest.fixture(scope="session")
def matcher(kb_sqlite: KnowledgeBase) -> Any:
    """The NLU extractor's matcher of the test database's names: built once per session (seconds)."""
    from bot.nlu.extractor import build_matcher

    return build_matcher(kb_sqlite)


@pytest.fixture()
def facts_copy(tmp_path: Path) -> Path:
    """A writable copy of the fact files, for tests that break them on purpose."""
    import shutil

    from knowledge.loader import FACTS_DIR

    target = tmp_path / "facts"
    shutil.copytree(FACTS_DIR, target)
    return target


def rasa_changes() -> list[str]:
    """What of bot/runtime/'s adjustments is in force in this process (Rasa's modules already loaded only)."""
    changed = []
    modules = sys.modules
    if (action := modules.get("rasa.core.actions.action")) is not None:
        if getattr(action, "DEFAULT_REQUEST_TIMEOUT", 300) != 300:
            changed.append("action timeout")
        if getattr(action.RemoteAction._validate_action_result, "_one_validator", False):
            changed.append("one schema validator")
    if (processor := modules.get("rasa.core.processor")) is not None:
        from rasa.engine.runner.dask import DaskGraphRunner

        if getattr(processor, "DaskGraphRunner", DaskGraphRunner) is not DaskGraphRunner:
            changed.append("graph runner")
    if (endpoints := modules.get("rasa.utils.endpoints")) is not None and getattr(
            endpoints.EndpointConfig.session, "_shared_pool", False):
        changed.append("kept-alive action connections")
    if (server := modules.get("rasa.server")) is not None and getattr(server.add_root_route, "_one_validator", False):
        changed.append("root route")
    return changed


@pytest.fixture(autouse=True)
def rasa_left_as_shipped() -> Iterator[None]:
    """A test that adjusts Rasa in this process puts it back (monkeypatch), so no later test runs on it."""
    yield
    changed = rasa_changes()
    if changed:
        pytest.fail(f"the test left Rasa adjusted ({', '.join(changed)}): undo it, e.g. with monkeypatch")


def forget_settings() -> None:
    """A process reads its settings once; a test that sets its own environment reads them anew."""
    for name in ("knowledge.settings", "bot.settings"):
        if (module := sys.modules.get(name)) is not None:
            module.current_settings.cache_clear()


@pytest.fixture(autouse=True)
def settings_read_per_test() -> Iterator[None]:
    forget_settings()
    yield
    forget_settings()
