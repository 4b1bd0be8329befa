"""Settings of the knowledge layer, read from the environment only."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
DEFAULT_DB_PATH = PROJECT_DIR / "build" / "knowledge.db"


def database_url() -> str:
    """`KNOWLEDGE_DB_URL` (any SQLAlchemy URL), else the SQLite file under build/."""
    return os.environ.get("KNOWLEDGE_DB_URL") or f"sqlite:///{DEFAULT_DB_PATH}"
