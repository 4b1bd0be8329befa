"""The environment: read by the settings modules only, every bad value refused naming it, and every variable
listed in docs/DEPLOY.md's table."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from bot.settings import BotSettings, SettingsError
from deploy.settings import ProductionSettings

ROOT = Path(__file__).resolve().parent.parent
RUNNING_CODE = ("knowledge", "bot", "actions", "deploy")
SETTINGS_MODULES = ("bot/settings.py", "knowledge/settings.py", "deploy/settings.py")
# The only places that read os.environ itself: each package's accessor, read once per process.
ACCESSORS = {"bot/settings.py", "knowledge/settings.py"}
SCRIPTS = ("scripts/run.sh", "scripts/run_prod.sh")
READS_ENVIRON = re.compile(r"\bos\.environ\b|\bgetenv\(|\bfrom os import\b")
NAME_LITERAL = re.compile(r"\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\"")
SHELL_READ = re.compile(r"\$\{([A-Z_][A-Z0-9_]*)(?::-|:\+|\})")
PYTHON_READ = re.compile(r"environ(?:\.get\(|\[)\"([A-Z_][A-Z0-9_]*)\"")


def production(env: Mapping[str, str]) -> object:
    return ProductionSettings.from_env({"FEEDBACK_SALT": "0f3a9c5e", **env})


def settings_table() -> str:
    text = (ROOT / "docs" / "DEPLOY.md").read_text(encoding="utf-8")
    section = text[text.index("## Settings (environment only)"):]
    return section[: section.index("\n## ", 1)]


def test_only_the_settings_accessors_read_the_environment() -> None:
    readers = {str(path.relative_to(ROOT)) for package in RUNNING_CODE for path in (ROOT / package).rglob("*.py")
               if READS_ENVIRON.search(path.read_text(encoding="utf-8"))}
    assert readers == ACCESSORS


def test_every_variable_read_anywhere_is_in_the_table() -> None:
    names = {name for module in SETTINGS_MODULES for name in NAME_LITERAL.findall((ROOT / module).read_text())}
    names |= {name for script in SCRIPTS for name in SHELL_READ.findall((ROOT / script).read_text())}
    names |= {name for path in [*(ROOT / "tests").rglob("*.py"), *(ROOT / "scripts").rglob("*.py")]
              for name in PYTHON_READ.findall(path.read_text(encoding="utf-8"))}
    table = settings_table()
    assert len(names) > 60
    assert sorted(name for name in names if f"`{name}`" not in table) == []


@pytest.mark.parametrize(
    ("parse", "name", "value", "message"),
    [
        (BotSettings.from_env, "MAX_MESSAGE_CHARS", "lots", "a whole number of at least 1"),
        (BotSettings.from_env, "MAX_MESSAGE_CHARS", "10.0", "a whole number of at least 1"),
        (BotSettings.from_env, "MAX_BODY_BYTES", "1000", "a whole number of at least 1024"),
        (BotSettings.from_env, "RATE_LIMIT_PER_MINUTE", "lots", "a number of at least 0.1"),
        (BotSettings.from_env, "RATE_LIMIT_PER_MINUTE", "nan", "a number of at least 0.1"),
        (BotSettings.from_env, "RATE_LIMIT_BURST", "0", "a whole number of at least 1"),
        (BotSettings.from_env, "REPLY_TIMEOUT_SECONDS", "0.5", "a number of at least 1"),
        (BotSettings.from_env, "REPLY_TIMEOUT_SECONDS", "inf", "a number of at least 1"),
        (BotSettings.from_env, "RATE_LIMIT_PER_ADDRESS_PER_MINUTE", "0", "a number of at least 1"),
        (BotSettings.from_env, "RATE_LIMIT_PER_ADDRESS_BURST", "-1", "a whole number of at least 1"),
        (BotSettings.from_env, "MAX_CONCURRENT_TURNS", "many", "a whole number of at least 1"),
        (BotSettings.from_env, "MAX_QUEUED_TURNS", "-1", "a whole number of at least 0"),
        (BotSettings.from_env, "TURN_WAIT_SECONDS", "0", "a number of at least 0.1"),
        (BotSettings.from_env, "MAX_MESSAGE_WORDS", "0", "a whole number of at least 1"),
        (BotSettings.from_env, "MAX_WORD_CHARS", "7", "a whole number of at least 8"),
        (BotSettings.from_env, "ZALO_MAX_EVENT_AGE_SECONDS", "0", "a number over 0"),
        (BotSettings.from_env, "ZALO_MAX_CLOCK_SKEW_SECONDS", "-5", "a number over 0"),
        (BotSettings.from_env, "RASA_RUNTIME_ADJUSTMENTS", "sometimes", "on or off"),
        (BotSettings.from_env, "ACTION_TIMEOUT_SECONDS", "soon", "a number of at least 1"),
        (BotSettings.from_env, "ACTION_SERVER_PORT", "70000", "a whole number from 1 to 65535"),
        (BotSettings.from_env, "WEB_PORT", "http", "a whole number from 1 to 65535"),
        (BotSettings.from_env, "RASA_REST_URL", "127.0.0.1:5005", "an http:// or https:// URL"),
        (production, "TRACKER_DB_PORT", "54x2", "a whole number from 1 to 65535"),
        (production, "REDIS_PORT", "0", "a whole number from 1 to 65535"),
        (production, "REDIS_DB", "-1", "a whole number of at least 0"),
        (production, "TICKET_LOCK_LIFETIME", "20.5", "a whole number of at least 0"),
        (production, "KNOWLEDGE_REBUILD", "please", "on or off"),
        (production, "FEEDBACK_RETENTION_DAYS", "0", "a whole number of days, at least 1"),
    ],
)
def test_a_bad_value_is_refused_naming_the_variable_and_the_value(parse: Callable[[Mapping[str, str]], object],
                                                                   name: str, value: str, message: str) -> None:
    with pytest.raises(SettingsError, match=f"^{name} must be {message}, got {value!r}$"):
        parse({name: value})
