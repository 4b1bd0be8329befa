"""The production profile's settings (scripts/run_prod.sh; the table: docs/DEPLOY.md, "Settings").

Rasa takes the TRACKER_DB_* and REDIS_* variables through deploy/endpoints.prod.yml
(into `PrePingSQLTrackerStore` and `AtomicRedisLockStore`) and reads TICKET_LOCK_LIFETIME
itself, where a bad value fails inside each replica, late and obscurely. run_prod.sh
exports them with its defaults and its start-up step parses them here first, before any
database is created or process started: a bad value stops the start naming the variable,
and so does the public FEEDBACK_SALT (the script refuses it too).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from bot.env import SettingsError, port, switch, text, whole
from knowledge.errors import SettingsError as KnowledgeSettingsError
from knowledge.settings import KnowledgeSettings


@dataclass(frozen=True)
class TrackerDatabase:
    """PostgreSQL database of the conversations, shared by every Rasa replica."""

    host: str = "127.0.0.1"
    port: int = 5432
    name: str = "hp_tracker"
    user: str = "postgres"
    password: str | None = field(default=None, repr=False)

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> TrackerDatabase:
        d = cls()
        return cls(text(env, "TRACKER_DB_HOST") or d.host, port(env, "TRACKER_DB_PORT", d.port),
                   text(env, "TRACKER_DB_NAME") or d.name, text(env, "TRACKER_DB_USER") or d.user,
                   env.get("TRACKER_DB_PASSWORD") or None)


@dataclass(frozen=True)
class RedisServer:
    """Redis of the lock store and of the channels' memory."""

    host: str = "127.0.0.1"
    port: int = 6379
    db: int = 1
    password: str | None = field(default=None, repr=False)
    key_prefix: str = "hp"

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> RedisServer:
        d = cls()
        return cls(text(env, "REDIS_HOST") or d.host, port(env, "REDIS_PORT", d.port), whole(env, "REDIS_DB", d.db, 0),
                   env.get("REDIS_PASSWORD") or None, text(env, "REDIS_KEY_PREFIX") or d.key_prefix)


@dataclass(frozen=True)
class ProductionSettings:
    tracker: TrackerDatabase = field(default_factory=TrackerDatabase)
    redis: RedisServer = field(default_factory=RedisServer)
    # Seconds a conversation's lock outlives a replica that died holding it; Rasa reads it
    # with int() and takes 0 as its own 60.
    ticket_lock_lifetime: int = 20
    knowledge_rebuild: bool = False  # rebuild the knowledge base at start even if it is current
    knowledge: KnowledgeSettings = field(default_factory=KnowledgeSettings)

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> ProductionSettings:
        try:
            knowledge = KnowledgeSettings.from_env(env)
        except KnowledgeSettingsError as error:  # one error type for the whole profile's check
            raise SettingsError(str(error)) from None
        # Hashed sender ids are only as private as their salt.
        if knowledge.salt_is_public:
            raise SettingsError("FEEDBACK_SALT must be set to a secret (e.g. export FEEDBACK_SALT=$(openssl rand -hex 32)); "
                                "the default is public")
        d = cls()
        return cls(TrackerDatabase.from_env(env), RedisServer.from_env(env),
                   whole(env, "TICKET_LOCK_LIFETIME", d.ticket_lock_lifetime, 0),
                   switch(env, "KNOWLEDGE_REBUILD", d.knowledge_rebuild), knowledge)
