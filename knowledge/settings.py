"""Every setting of the knowledge layer, from the environment only (docs/DEPLOY.md, "Settings").

`KnowledgeSettings.from_env` parses and checks them all; `current_settings()` reads this
process's environment once, at the first call: the command line (`python -m knowledge`)
and the action server call it at start, so a bad value stops them there, naming the
variable, instead of failing at the first feedback a resident gives.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from .errors import SettingsError

PROJECT_DIR = Path(__file__).resolve().parent.parent
DEFAULT_DB_PATH = PROJECT_DIR / "build" / "knowledge.db"
DEFAULT_DATABASE_URL = f"sqlite:///{DEFAULT_DB_PATH}"
DEFAULT_FEEDBACK_URL = f"sqlite:///{PROJECT_DIR / 'build' / 'feedback.db'}"
DEFAULT_RETENTION_DAYS = 90
# Anyone can read it here, so hashes made with it can be reversed by trying sender ids:
# production refuses it (scripts/run_prod.sh, deploy/settings.py).
PUBLIC_FEEDBACK_SALT = "hp-assistant"


@dataclass(frozen=True)
class KnowledgeSettings:
    # URLs may carry a password, the salt is a secret: none of them in repr.
    database_url: str = field(default=DEFAULT_DATABASE_URL, repr=False)
    feedback_url: str = field(default=DEFAULT_FEEDBACK_URL, repr=False)
    retention_days: int = DEFAULT_RETENTION_DAYS
    feedback_salt: str = field(default=PUBLIC_FEEDBACK_SALT, repr=False)

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> KnowledgeSettings:
        return cls(
            database_url=_database_url(env, "KNOWLEDGE_DB_URL", DEFAULT_DATABASE_URL),
            feedback_url=_database_url(env, "FEEDBACK_DB_URL", DEFAULT_FEEDBACK_URL),
            retention_days=_retention_days(env, "FEEDBACK_RETENTION_DAYS"),
            # An empty salt is kept as given, as it always was: changing it would change every stored hash.
            feedback_salt=env.get("FEEDBACK_SALT", PUBLIC_FEEDBACK_SALT),
        )

    @property
    def salt_is_public(self) -> bool:
        return self.feedback_salt in ("", PUBLIC_FEEDBACK_SALT)


@functools.cache
def current_settings() -> KnowledgeSettings:
    """This process's settings: its environment, read at the first call."""
    return KnowledgeSettings.from_env(os.environ)


def _database_url(env: Mapping[str, str], name: str, default: str) -> str:
    url = env.get(name) or default
    try:
        make_url(url)
    except ArgumentError:
        # the value is not repeated: a database URL can hold a password
        raise SettingsError(f"{name} must be a SQLAlchemy database URL such as "
                            "postgresql+psycopg2://user@host:5432/name (its value is not shown)") from None
    return url


def _retention_days(env: Mapping[str, str], name: str) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return DEFAULT_RETENTION_DAYS
    days = int(raw) if raw.isascii() and raw.isdigit() else 0
    if days < 1:
        raise SettingsError(f"{name} must be a whole number of days, at least 1, got {raw!r}")
    return days
