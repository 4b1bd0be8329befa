"""The production profile's settings (deploy/settings.py): parsed and checked before anything starts."""

from __future__ import annotations

import pytest

from bot.env import SettingsError
from deploy.settings import ProductionSettings, RedisServer, TrackerDatabase
from knowledge.settings import KnowledgeSettings

SALT = "0f3a9c5e"


def test_with_a_secret_salt_only_the_defaults_of_run_prod() -> None:
    assert ProductionSettings.from_env({"FEEDBACK_SALT": SALT}) == ProductionSettings(
        knowledge=KnowledgeSettings(feedback_salt=SALT))


def test_every_variable_is_read() -> None:
    env = {"TRACKER_DB_HOST": "db.internal", "TRACKER_DB_PORT": "5433", "TRACKER_DB_NAME": "hp_tracker_2",
           "TRACKER_DB_USER": "rasa", "TRACKER_DB_PASSWORD": " pw ", "REDIS_HOST": "cache.internal",
           "REDIS_PORT": "6380", "REDIS_DB": "0", "REDIS_PASSWORD": "rpw", "REDIS_KEY_PREFIX": "hp2",
           "TICKET_LOCK_LIFETIME": "30", "KNOWLEDGE_REBUILD": "1", "FEEDBACK_SALT": SALT,
           "KNOWLEDGE_DB_URL": "postgresql+psycopg2://postgres@db.internal:5433/hp_knowledge"}
    assert ProductionSettings.from_env(env) == ProductionSettings(
        tracker=TrackerDatabase(host="db.internal", port=5433, name="hp_tracker_2", user="rasa", password=" pw "),
        redis=RedisServer(host="cache.internal", port=6380, db=0, password="rpw", key_prefix="hp2"),
        ticket_lock_lifetime=30, knowledge_rebuild=True,
        knowledge=KnowledgeSettings(database_url="postgresql+psycopg2://postgres@db.internal:5433/hp_knowledge",
                                    feedback_salt=SALT))


def test_passwords_stay_out_of_repr() -> None:
    shown = repr(ProductionSettings(TrackerDatabase(password="tracker-pw"), RedisServer(password="redis-pw")))
    assert "tracker-pw" not in shown and "redis-pw" not in shown


@pytest.mark.parametrize("salt", [None, "", "hp-assistant"])
def test_the_public_salt_is_refused(salt: str | None) -> None:
    env = {} if salt is None else {"FEEDBACK_SALT": salt}
    with pytest.raises(SettingsError, match=r"^FEEDBACK_SALT must be set to a secret .*the default is public$"):
        ProductionSettings.from_env(env)
