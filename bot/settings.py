"""Every setting of the bot, from the environment only (the table: docs/DEPLOY.md, "Settings").

`BotSettings.from_env` parses and checks them all; `current_settings()` reads this
process's environment once, at the first call. Each process calls it at its start (the
Rasa launcher `python -m bot.runtime`, the action server, the page server), so a bad
value stops it there with SettingsError naming the variable; the channels, the runtime
adjustments and the servers take their part of it. credentials.yml names the channels
and holds no value: secrets never live in the repository, and stay out of repr and of
error messages.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .env import SettingsError, base_url, number, port, switch, text, whole

ZALO_API_URL = "https://openapi.zalo.me"
ZALO_OAUTH_URL = "https://oauth.zaloapp.com"
TELEGRAM_API_URL = "https://api.telegram.org"
# A signed Zalo event older than this is refused: the duplicate-id memory is bounded, so
# without an age limit a captured event could be replayed once its id was forgotten.
ZALO_MAX_EVENT_AGE = 300.0  # seconds
# Events stamped later than now by more than this are refused too (clocks drift a little).
ZALO_MAX_CLOCK_SKEW = 60.0  # seconds
DEFAULT_REDIS_PREFIX = "hp"  # shared with the lock store (deploy/endpoints.prod.yml)
DEFAULT_ACTION_TIMEOUT = 5.0  # seconds
MIN_TOKEN_CHARS = 16
DEFAULT_RASA_URL = "http://127.0.0.1:5005/webhooks/rest/webhook"

# Telegram accepts 1-256 characters from this set for setWebhook(secret_token=...).
_TELEGRAM_SECRET = re.compile(r"^[A-Za-z0-9_-]{1,256}$")


@dataclass(frozen=True)
class ChannelLimits:
    """The REST channel's limits (bot/channels/guarded_rest.py); Zalo and Telegram share the length limit."""

    max_message_chars: int = 1000
    max_body_bytes: int = 32 * 1024
    max_sender_chars: int = 128
    rate_per_minute: float = 60.0  # steady rate per sender
    burst: int = 10  # messages a sender may send at once
    reply_timeout: float = 25.0  # seconds; then an apology, the bot finishes in the background
    max_senders: int = 100_000  # buckets kept in memory; the least recently used are forgotten

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> ChannelLimits:
        d = cls()
        return cls(
            max_message_chars=whole(env, "MAX_MESSAGE_CHARS", d.max_message_chars, 1),
            max_body_bytes=whole(env, "MAX_BODY_BYTES", d.max_body_bytes, 1024),
            rate_per_minute=number(env, "RATE_LIMIT_PER_MINUTE", d.rate_per_minute, 0.1),
            burst=whole(env, "RATE_LIMIT_BURST", d.burst, 1),
            reply_timeout=number(env, "REPLY_TIMEOUT_SECONDS", d.reply_timeout, 1),
        )


@dataclass(frozen=True)
class AdmissionLimits:
    """Who may start a turn, and how many run at once (bot/channels/admission.py)."""

    per_address_per_minute: float = 120.0  # 2 a second, sustained: one address costs at most ~0.2 core
    per_address_burst: int = 20
    max_concurrent_turns: int = 8
    max_queued_turns: int = 64
    turn_wait: float = 10.0  # seconds a message may wait for a free turn
    trusted_proxies: tuple[str, ...] = ("127.0.0.1", "::1")

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> AdmissionLimits:
        d = cls()
        proxies = tuple(p.strip() for p in env.get("TRUSTED_PROXIES", "").split(",") if p.strip())
        return cls(
            per_address_per_minute=number(env, "RATE_LIMIT_PER_ADDRESS_PER_MINUTE", d.per_address_per_minute, 1),
            per_address_burst=whole(env, "RATE_LIMIT_PER_ADDRESS_BURST", d.per_address_burst, 1),
            max_concurrent_turns=whole(env, "MAX_CONCURRENT_TURNS", d.max_concurrent_turns, 1),
            max_queued_turns=whole(env, "MAX_QUEUED_TURNS", d.max_queued_turns, 0),
            turn_wait=number(env, "TURN_WAIT_SECONDS", d.turn_wait, 0.1),
            trusted_proxies=proxies or d.trusted_proxies,
        )


@dataclass(frozen=True)
class TextBounds:
    """What one message may cost before NLU (bot/channels/bounds.py)."""

    max_words: int = 60
    max_word_chars: int = 30

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> TextBounds:
        d = cls()
        return cls(max_words=whole(env, "MAX_MESSAGE_WORDS", d.max_words, 1),
                   max_word_chars=whole(env, "MAX_WORD_CHARS", d.max_word_chars, 8))


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
    def from_env(cls, env: Mapping[str, str]) -> ZaloSettings:
        token_file = text(env, "ZALO_TOKEN_FILE")
        return cls(
            oa_secret_key=text(env, "ZALO_OA_SECRET_KEY"),
            app_id=text(env, "ZALO_APP_ID"),
            access_token=text(env, "ZALO_ACCESS_TOKEN"),
            refresh_token=text(env, "ZALO_REFRESH_TOKEN"),
            app_secret=text(env, "ZALO_APP_SECRET"),
            api_url=base_url(env, "ZALO_API_URL", ZALO_API_URL),
            oauth_url=base_url(env, "ZALO_OAUTH_URL", ZALO_OAUTH_URL),
            token_file=Path(token_file) if token_file else None,
            max_event_age=number(env, "ZALO_MAX_EVENT_AGE_SECONDS", ZALO_MAX_EVENT_AGE, 0, above=True),
            max_clock_skew=number(env, "ZALO_MAX_CLOCK_SKEW_SECONDS", ZALO_MAX_CLOCK_SKEW, 0, above=True),
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
    def from_env(cls, env: Mapping[str, str]) -> TelegramSettings:
        verify = text(env, "TELEGRAM_VERIFY")
        return cls(
            token=text(env, "TELEGRAM_TOKEN"),
            # BotFather shows the username with "@"; getMe returns it without.
            verify=verify.lstrip("@") if verify else None,
            webhook_url=text(env, "TELEGRAM_WEBHOOK_URL"),
            secret_token=text(env, "TELEGRAM_SECRET_TOKEN"),
            api_url=base_url(env, "TELEGRAM_API_URL", TELEGRAM_API_URL),
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
    """Stop a channel that is switched on with half a configuration."""
    if problems:
        raise SettingsError(f"The {channel} channel is misconfigured: " + "; ".join(problems) + ". See docs/CHANNELS.md.")


@dataclass(frozen=True)
class ChannelMemorySettings:
    """Where Zalo and Telegram remember deliveries and choices (bot/channels/memory.py): Redis, or the process."""

    redis_url: str | None = field(default=None, repr=False)  # may hold a password
    key_prefix: str = DEFAULT_REDIS_PREFIX

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> ChannelMemorySettings:
        url = text(env, "CHANNEL_MEMORY_REDIS_URL")
        if url is not None:
            from redis.connection import parse_url

            try:
                parse_url(url)
            except ValueError:  # its message would repeat the URL, password included
                raise SettingsError("CHANNEL_MEMORY_REDIS_URL is not a Redis URL (redis://host:port/db)") from None
        return cls(url, text(env, "REDIS_KEY_PREFIX") or DEFAULT_REDIS_PREFIX)


@dataclass(frozen=True)
class RuntimeSettings:
    """This bot's adjustments to Rasa's runtime (bot/runtime/)."""

    adjustments: bool = True  # RASA_RUNTIME_ADJUSTMENTS=off: Rasa's own runtime
    action_timeout: float = DEFAULT_ACTION_TIMEOUT  # seconds Rasa waits for the action server

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> RuntimeSettings:
        return cls(adjustments=switch(env, "RASA_RUNTIME_ADJUSTMENTS", True),
                   action_timeout=number(env, "ACTION_TIMEOUT_SECONDS", DEFAULT_ACTION_TIMEOUT, 1))


@dataclass(frozen=True)
class ActionServerSettings:
    token: str | None = field(default=None, repr=False)  # the shared secret Rasa sends
    host: str = "127.0.0.1"
    port: int = 5055

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> ActionServerSettings:
        token = env.get("ACTION_SERVER_TOKEN") if text(env, "ACTION_SERVER_TOKEN") else None  # a secret is not trimmed
        if token is not None and len(token) < MIN_TOKEN_CHARS:
            raise SettingsError(f"ACTION_SERVER_TOKEN must be a random secret of at least {MIN_TOKEN_CHARS} "
                                f"characters, got {len(token)}")
        d = cls()
        return cls(token, text(env, "ACTION_SERVER_HOST") or d.host, port(env, "ACTION_SERVER_PORT", d.port))

    def required_token(self) -> str:
        if self.token is None:
            raise SettingsError(f"ACTION_SERVER_TOKEN must be set to a random secret of at least {MIN_TOKEN_CHARS} "
                                "characters (scripts/run.sh and scripts/run_prod.sh make one per start)")
        return self.token


@dataclass(frozen=True)
class WebSettings:
    """The chat page's server (bot/web.py) and the Rasa REST webhook it forwards to."""

    host: str = "127.0.0.1"
    port: int = 8080
    rasa_url: str = DEFAULT_RASA_URL

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> WebSettings:
        d = cls()
        rasa_url = text(env, "RASA_REST_URL") or d.rasa_url
        if not rasa_url.startswith(("http://", "https://")):
            raise SettingsError(f"RASA_REST_URL must be an http:// or https:// URL, got {rasa_url!r}")
        return cls(text(env, "WEB_HOST") or d.host, port(env, "WEB_PORT", d.port), rasa_url)


@dataclass(frozen=True)
class BotSettings:
    rest: ChannelLimits = field(default_factory=ChannelLimits)
    admission: AdmissionLimits = field(default_factory=AdmissionLimits)
    bounds: TextBounds = field(default_factory=TextBounds)
    zalo: ZaloSettings = field(default_factory=ZaloSettings)
    telegram: TelegramSettings = field(default_factory=TelegramSettings)
    memory: ChannelMemorySettings = field(default_factory=ChannelMemorySettings)
    runtime: RuntimeSettings = field(default_factory=RuntimeSettings)
    action_server: ActionServerSettings = field(default_factory=ActionServerSettings)
    web: WebSettings = field(default_factory=WebSettings)

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> BotSettings:
        return cls(ChannelLimits.from_env(env), AdmissionLimits.from_env(env), TextBounds.from_env(env),
                   ZaloSettings.from_env(env), TelegramSettings.from_env(env), ChannelMemorySettings.from_env(env),
                   RuntimeSettings.from_env(env), ActionServerSettings.from_env(env), WebSettings.from_env(env))


@functools.cache
def current_settings() -> BotSettings:
    """This process's settings: its environment, read at the first call."""
    return BotSettings.from_env(os.environ)
