"""The bot's settings (bot/settings.py): every variable parsed, every bad value stopped with its name."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.shared.exceptions import RasaException

from bot.settings import (
    ActionServerSettings,
    AdmissionLimits,
    BotSettings,
    ChannelLimits,
    ChannelMemorySettings,
    RuntimeSettings,
    SettingsError,
    TelegramSettings,
    TextBounds,
    WebSettings,
    ZaloSettings,
    current_settings,
)

TOKEN = "a-random-token-of-32-characters!"

EVERY_VARIABLE = {
    "MAX_MESSAGE_CHARS": "500", "MAX_BODY_BYTES": "2048", "RATE_LIMIT_PER_MINUTE": "30", "RATE_LIMIT_BURST": "5",
    "REPLY_TIMEOUT_SECONDS": "20",
    "RATE_LIMIT_PER_ADDRESS_PER_MINUTE": "90", "RATE_LIMIT_PER_ADDRESS_BURST": "15", "MAX_CONCURRENT_TURNS": "4",
    "MAX_QUEUED_TURNS": "0", "TURN_WAIT_SECONDS": "2.5", "TRUSTED_PROXIES": " 10.0.0.1, ::1 ,",
    "MAX_MESSAGE_WORDS": "40", "MAX_WORD_CHARS": "20",
    "ZALO_OA_SECRET_KEY": " oa-key ", "ZALO_APP_ID": "123", "ZALO_ACCESS_TOKEN": "access", "ZALO_REFRESH_TOKEN": "refresh",
    "ZALO_APP_SECRET": "app-secret", "ZALO_API_URL": "http://127.0.0.1:9000/", "ZALO_OAUTH_URL": "http://127.0.0.1:9001",
    "ZALO_TOKEN_FILE": "/srv/zalo-tokens.json", "ZALO_MAX_EVENT_AGE_SECONDS": "30", "ZALO_MAX_CLOCK_SKEW_SECONDS": "5",
    "TELEGRAM_TOKEN": "123:abc", "TELEGRAM_VERIFY": "@hp_bot", "TELEGRAM_WEBHOOK_URL": "https://bot.example/webhooks/telegram/webhook",
    "TELEGRAM_SECRET_TOKEN": "s3cret", "TELEGRAM_API_URL": "http://127.0.0.1:9002/",
    "CHANNEL_MEMORY_REDIS_URL": "redis://:pw@127.0.0.1:6379/1", "REDIS_KEY_PREFIX": "hp_test",
    "RASA_RUNTIME_ADJUSTMENTS": "Off", "ACTION_TIMEOUT_SECONDS": "6",
    "ACTION_SERVER_TOKEN": TOKEN, "ACTION_SERVER_HOST": "0.0.0.0", "ACTION_SERVER_PORT": "5155",
    "WEB_HOST": "::1", "WEB_PORT": "8081", "RASA_REST_URL": "http://127.0.0.1:5105/webhooks/rest/webhook",
}


def test_an_empty_environment_gives_the_defaults() -> None:
    assert BotSettings.from_env({}) == BotSettings()


def test_blank_variables_count_as_unset() -> None:
    assert BotSettings.from_env(dict.fromkeys(EVERY_VARIABLE, " ")) == BotSettings()


def test_every_variable_is_read() -> None:
    assert BotSettings.from_env(EVERY_VARIABLE) == BotSettings(
        rest=ChannelLimits(max_message_chars=500, max_body_bytes=2048, rate_per_minute=30, burst=5, reply_timeout=20),
        admission=AdmissionLimits(per_address_per_minute=90, per_address_burst=15, max_concurrent_turns=4,
                                  max_queued_turns=0, turn_wait=2.5, trusted_proxies=("10.0.0.1", "::1")),
        bounds=TextBounds(max_words=40, max_word_chars=20),
        zalo=ZaloSettings(oa_secret_key="oa-key", app_id="123", access_token="access", refresh_token="refresh",
                          app_secret="app-secret", api_url="http://127.0.0.1:9000", oauth_url="http://127.0.0.1:9001",
                          token_file=Path("/srv/zalo-tokens.json"), max_event_age=30, max_clock_skew=5),
        telegram=TelegramSettings(token="123:abc", verify="hp_bot",
                                  webhook_url="https://bot.example/webhooks/telegram/webhook", secret_token="s3cret",
                                  api_url="http://127.0.0.1:9002"),
        memory=ChannelMemorySettings(redis_url="redis://:pw@127.0.0.1:6379/1", key_prefix="hp_test"),
        runtime=RuntimeSettings(adjustments=False, action_timeout=6),
        action_server=ActionServerSettings(token=TOKEN, host="0.0.0.0", port=5155),
        web=WebSettings(host="::1", port=8081, rasa_url="http://127.0.0.1:5105/webhooks/rest/webhook"),
    )


def test_no_secret_is_in_the_repr() -> None:
    shown = repr(BotSettings.from_env(EVERY_VARIABLE))
    secrets = ("oa-key", "access", "refresh", "app-secret", "123:abc", "s3cret", ":pw@", TOKEN)
    assert [secret for secret in secrets if secret in shown] == []


@pytest.mark.parametrize("value", ["on", "ON", "1", "true", "yes"])
def test_the_runtime_switch_reads_on(value: str) -> None:
    assert RuntimeSettings.from_env({"RASA_RUNTIME_ADJUSTMENTS": value}) == RuntimeSettings(adjustments=True)


@pytest.mark.parametrize("value", ["off", "0", "false", "No"])
def test_the_runtime_switch_reads_off(value: str) -> None:
    assert RuntimeSettings.from_env({"RASA_RUNTIME_ADJUSTMENTS": value}) == RuntimeSettings(adjustments=False)


def test_a_short_action_token_is_refused_without_showing_it() -> None:
    with pytest.raises(SettingsError, match=r"^ACTION_SERVER_TOKEN must be a random secret of at least 16 characters, "
                                             r"got 5$"):
        BotSettings.from_env({"ACTION_SERVER_TOKEN": "short"})


def test_the_action_server_requires_its_token() -> None:
    assert ActionServerSettings(token=TOKEN).required_token() == TOKEN
    with pytest.raises(SettingsError, match=r"^ACTION_SERVER_TOKEN must be set"):
        ActionServerSettings().required_token()


def test_the_error_stops_rasa_with_its_message_and_is_a_value_error() -> None:
    assert issubclass(SettingsError, RasaException) and issubclass(SettingsError, ValueError)


def test_the_process_reads_its_environment_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAX_CONCURRENT_TURNS", "3")
    assert current_settings().admission.max_concurrent_turns == 3
    monkeypatch.setenv("MAX_CONCURRENT_TURNS", "4")
    assert current_settings().admission.max_concurrent_turns == 3
