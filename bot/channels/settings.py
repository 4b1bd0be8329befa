"""Every channel setting, read from the environment only.

credentials.yml names the channels and holds no value; secrets never live in the
repository. Empty variables count as unset, so `ZALO_OA_SECRET_KEY=` in an env file
switches the channel off instead of verifying against an empty key.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from rasa.shared.exceptions import RasaException

ZALO_API_URL = "https://openapi.zalo.me"
ZALO_OAUTH_URL = "https://oauth.zaloapp.com"
TELEGRAM_API_URL = "https://api.telegram.org"
# A signed Zalo event older than this is refused: the duplicate-id memory is bounded, so
# without an age limit a captured event could be replayed once its id was forgotten.
ZALO_MAX_EVENT_AGE = 300.0  # seconds
# Events stamped later than now by more than this are refused too (clocks drift a little).
ZALO_MAX_CLOCK_SKEW = 60.0  # seconds

# Telegram accepts 1-256 characters from this set for setWebhook(secret_token=...).
_TELEGRAM_SECRET = re.compile(r"^[A-Za-z0-9_-]{1,256}$")


class ChannelConfigError(RasaException):
    """A channel is switched on but its environment is incomplete or invalid.

    A RasaException, so `rasa run` stops with this message instead of a traceback:
    half a configuration is a deployment mistake that must not go unnoticed.
    """


def _get(env: Mapping[str, str], name: str) -> str | None:
    value = env.get(name, "").strip()
    return value or None


def _seconds(env: Mapping[str, str], name: str, default: float) -> float:
    raw = _get(env, name)
    if raw is None:
        return default
    try:
        value = float(raw)
    except ValueError:
        value = float("nan")
    # NaN fails both comparisons, so "nan" and "inf" are refused along with garbage.
    if not 0 < value < float("inf"):
        raise ChannelConfigError(f"{name} must be a positive number of seconds, got {raw!r}. See docs/CHANNELS.md.")
    return value


@dataclass(frozen=True)
class ZaloSettings:
    # Secrets are kept out of repr so that logging the settings never leaks them.
    oa_secret_key: str | None = field(default=None, repr=False)
    app_id: str | None = None
    access_token: str | None = field(default=None, repr=False)
    refresh_token: str | None = field(default=None, repr=False)
    app_secret: str | None = field(default=None, repr=False)
    api_url: str = ZALO_API_URL
    oauth_url: str = ZALO_OAUTH_URL
    token_file: Path | None = None
    max_event_age: float = ZALO_MAX_EVENT_AGE
    max_clock_skew: float = ZALO_MAX_CLOCK_SKEW

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> ZaloSettings:
        env = os.environ if env is None else env
        token_file = _get(env, "ZALO_TOKEN_FILE")
        return cls(
            oa_secret_key=_get(env, "ZALO_OA_SECRET_KEY"),
            app_id=_get(env, "ZALO_APP_ID"),
            access_token=_get(env, "ZALO_ACCESS_TOKEN"),
            refresh_token=_get(env, "ZALO_REFRESH_TOKEN"),
            app_secret=_get(env, "ZALO_APP_SECRET"),
            api_url=(_get(env, "ZALO_API_URL") or ZALO_API_URL).rstrip("/"),
            oauth_url=(_get(env, "ZALO_OAUTH_URL") or ZALO_OAUTH_URL).rstrip("/"),
            token_file=Path(token_file) if token_file else None,
            max_event_age=_seconds(env, "ZALO_MAX_EVENT_AGE_SECONDS", ZALO_MAX_EVENT_AGE),
            max_clock_skew=_seconds(env, "ZALO_MAX_CLOCK_SKEW_SECONDS", ZALO_MAX_CLOCK_SKEW),
        )

    @property
    def enabled(self) -> bool:
        return self.oa_secret_key is not None

    @property
    def can_refresh(self) -> bool:
        return bool(self.app_id and self.app_secret)

    def problems(self) -> list[str]:
        """What stops an enabled channel from verifying webhooks or replying."""
        if not self.enabled:
            return []
        found = []
        if not self.app_id:
            found.append("ZALO_APP_ID is required: it is part of every webhook signature")
        # The token file may hold tokens rotated by an earlier run, so it counts as a source.
        has_tokens = self.access_token or self.refresh_token or (self.token_file and self.token_file.exists())
        if not has_tokens:
            found.append("set ZALO_ACCESS_TOKEN, or ZALO_REFRESH_TOKEN with ZALO_APP_SECRET, to send replies")
        if self.refresh_token and not self.app_secret:
            found.append("ZALO_REFRESH_TOKEN needs ZALO_APP_SECRET to be used")
        return found


@dataclass(frozen=True)
class TelegramSettings:
    token: str | None = field(default=None, repr=False)
    verify: str | None = None
    webhook_url: str | None = None
    secret_token: str | None = field(default=None, repr=False)
    api_url: str = TELEGRAM_API_URL

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> TelegramSettings:
        env = os.environ if env is None else env
        verify = _get(env, "TELEGRAM_VERIFY")
        return cls(
            token=_get(env, "TELEGRAM_TOKEN"),
            # BotFather shows the username with "@"; getMe returns it without.
            verify=verify.lstrip("@") if verify else None,
            webhook_url=_get(env, "TELEGRAM_WEBHOOK_URL"),
            secret_token=_get(env, "TELEGRAM_SECRET_TOKEN"),
            api_url=(_get(env, "TELEGRAM_API_URL") or TELEGRAM_API_URL).rstrip("/"),
        )

    @property
    def enabled(self) -> bool:
        return self.token is not None

    def problems(self) -> list[str]:
        if not self.enabled:
            return []
        found = []
        # Without the secret anyone who learns the URL could post updates: refuse to run.
        if not self.secret_token:
            found.append("TELEGRAM_SECRET_TOKEN is required: updates without it are rejected")
        elif not _TELEGRAM_SECRET.match(self.secret_token):
            found.append("TELEGRAM_SECRET_TOKEN must be 1-256 characters of A-Z, a-z, 0-9, _ and -")
        return found


def check(channel: str, problems: list[str]) -> None:
    if problems:
        raise ChannelConfigError(f"The {channel} channel is misconfigured: " + "; ".join(problems) + ". See docs/CHANNELS.md.")
