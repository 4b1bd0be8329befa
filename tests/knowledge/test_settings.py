"""The knowledge layer's settings (knowledge/settings.py): every variable parsed, every bad value named."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from knowledge.__main__ import main
from knowledge.errors import SettingsError
from knowledge.feedback import FeedbackStore, hash_sender
from knowledge.settings import (
    DEFAULT_DATABASE_URL,
    DEFAULT_FEEDBACK_URL,
    PUBLIC_FEEDBACK_SALT,
    KnowledgeSettings,
    current_settings,
)


def test_an_empty_environment_gives_the_defaults() -> None:
    assert KnowledgeSettings.from_env({}) == KnowledgeSettings(
        database_url=DEFAULT_DATABASE_URL, feedback_url=DEFAULT_FEEDBACK_URL, retention_days=90,
        feedback_salt=PUBLIC_FEEDBACK_SALT)


def test_every_variable_is_read() -> None:
    env = {"KNOWLEDGE_DB_URL": "postgresql+psycopg2://kb@db:5432/hp_knowledge",
           "FEEDBACK_DB_URL": "postgresql+psycopg2://fb:pw@db:5432/hp_feedback",
           "FEEDBACK_RETENTION_DAYS": " 30 ", "FEEDBACK_SALT": "0f3a9c"}
    assert KnowledgeSettings.from_env(env) == KnowledgeSettings(
        database_url="postgresql+psycopg2://kb@db:5432/hp_knowledge",
        feedback_url="postgresql+psycopg2://fb:pw@db:5432/hp_feedback", retention_days=30, feedback_salt="0f3a9c")


def test_empty_urls_and_days_count_as_unset_but_an_empty_salt_is_kept() -> None:
    env = {"KNOWLEDGE_DB_URL": "", "FEEDBACK_DB_URL": "", "FEEDBACK_RETENTION_DAYS": " ", "FEEDBACK_SALT": ""}
    assert KnowledgeSettings.from_env(env) == KnowledgeSettings(feedback_salt="")


@pytest.mark.parametrize("salt", ["", PUBLIC_FEEDBACK_SALT])
def test_the_public_salt_and_no_salt_are_public(salt: str) -> None:
    assert KnowledgeSettings(feedback_salt=salt).salt_is_public
    assert not KnowledgeSettings(feedback_salt="0f3a9c").salt_is_public


def test_secrets_stay_out_of_repr() -> None:
    shown = repr(KnowledgeSettings(feedback_url="postgresql://fb:pw-123@db/fb", feedback_salt="salt-456"))
    assert "pw-123" not in shown and "salt-456" not in shown


@pytest.mark.parametrize("name", ["KNOWLEDGE_DB_URL", "FEEDBACK_DB_URL"])
def test_a_database_url_that_does_not_parse_is_named_without_its_value(name: str) -> None:
    with pytest.raises(SettingsError, match=f"^{name} must be a SQLAlchemy database URL") as raised:
        KnowledgeSettings.from_env({name: "user:s3cret@db/hp"})
    assert "s3cret" not in str(raised.value)


@pytest.mark.parametrize("days", ["0", "-5", "ninety", "2.5", "²"])
def test_retention_days_must_be_a_whole_number_of_at_least_one(days: str) -> None:
    with pytest.raises(SettingsError, match=f"^FEEDBACK_RETENTION_DAYS must be a whole number of days, at least 1, got '{days}'$"):
        KnowledgeSettings.from_env({"FEEDBACK_RETENTION_DAYS": days})


def test_the_process_reads_its_environment_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FEEDBACK_RETENTION_DAYS", "30")
    assert current_settings().retention_days == 30
    monkeypatch.setenv("FEEDBACK_RETENTION_DAYS", "40")
    assert current_settings().retention_days == 30


def test_the_feedback_store_hashes_with_the_salt_of_its_settings(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'feedback.db'}"
    for salt in ("salt-a", "salt-b"):
        store = FeedbackStore(url, KnowledgeSettings(feedback_salt=salt))
        store.record("up", "câu hỏi", "lan")
        store.close()
    engine = sa.create_engine(url, future=True)
    with engine.connect() as conn:
        stored = conn.execute(sa.text("SELECT sender_hash FROM feedback ORDER BY id")).scalars().all()
    engine.dispose()
    assert stored == [hash_sender("lan", "salt-a"), hash_sender("lan", "salt-b")]


def test_the_command_line_stops_at_start_naming_the_variable(monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("FEEDBACK_RETENTION_DAYS", "soon")
    assert main(["stats"]) == 2
    assert capsys.readouterr().err == (
        "error: FEEDBACK_RETENTION_DAYS must be a whole number of days, at least 1, got 'soon'\n")
