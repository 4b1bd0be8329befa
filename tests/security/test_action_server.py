"""Finding 1: the action server runs actions only for whoever holds the shared secret,
binds loopback, and fails without echoing the request (bot/action_server.py)."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from sanic import Sanic

from bot.action_server import TOKEN_HEADER, create_app, main
from tests.channels.conftest import Served, serve_app

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "s3cret-token-for-tests-0123456789"
MARKER = "Nguyễn Văn A 0912345678"


def call(action: str, text: str = "xin chào") -> dict[str, Any]:
    tracker = {"sender_id": "x", "slots": {"last_question": "FORGED"}, "latest_message": {"text": text, "intent": {"name": "feedback"},
               "entities": []}, "events": [], "latest_input_channel": "zalo", "paused": False, "followup_action": None,
               "active_loop": {}, "latest_action_name": None}
    return {"next_action": action, "sender_id": "x", "domain": {}, "tracker": tracker, "version": "3.6.2"}


@pytest.fixture()
async def served() -> AsyncIterator[Served]:
    Sanic.test_mode = True
    async with serve_app(create_app(TOKEN, "tests.security.stub_actions")) as running:
        yield running


async def post(served: Served, body: dict[str, Any], token: str | None) -> tuple[int, str]:
    headers = {"Content-Type": "application/json", **({TOKEN_HEADER: token} if token is not None else {})}
    async with served.client.post(served.url + "/webhook", data=json.dumps(body), headers=headers) as response:
        return response.status, await response.text()


@pytest.mark.parametrize("token", [None, "", "wrong-token-of-enough-length", TOKEN[:-1]])
async def test_an_action_call_without_the_secret_is_refused(served: Served, token: str | None) -> None:
    status, body = await post(served, call("action_stub_echo"), token)
    assert status == 401
    assert "ok" not in body
    async with served.client.get(served.url + "/actions") as listing:
        assert listing.status == 401


async def test_the_secret_runs_the_action_and_health_stays_open(served: Served) -> None:
    status, body = await post(served, call("action_stub_echo"), TOKEN)
    assert status == 200
    assert json.loads(body)["responses"][0]["text"] == "ok"
    assert (await served.get("/health")).status == 200


async def test_a_failing_action_answers_500_without_the_request_or_the_message(
    served: Served, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO):
        status, body = await post(served, call("action_stub_boom", MARKER), TOKEN)
    assert status == 500
    assert json.loads(body) == {"error": "action failed"}
    assert MARKER not in caplog.text and "FORGED" not in caplog.text
    assert "KeyError" in caplog.text


async def test_no_cors_for_any_origin(served: Served) -> None:
    async with served.client.options(served.url + "/webhook", headers={"Origin": "http://evil.example",
                                                                        "Access-Control-Request-Method": "POST"}) as r:
        assert "Access-Control-Allow-Origin" not in r.headers


@pytest.mark.parametrize(("token", "message"), [(None, "must be set"), ("short", "must be a random secret")])
def test_it_refuses_to_start_without_a_real_token(monkeypatch: pytest.MonkeyPatch, token: str | None,
                                                  message: str) -> None:
    with pytest.raises(ValueError, match="at least 16 characters"):
        create_app("short")
    monkeypatch.delenv("ACTION_SERVER_TOKEN", raising=False)
    if token is not None:
        monkeypatch.setenv("ACTION_SERVER_TOKEN", token)
    with pytest.raises(SystemExit, match=f"^action server: ACTION_SERVER_TOKEN {message}"):
        main(["--port", "1"])


def test_it_refuses_to_start_on_a_bad_knowledge_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACTION_SERVER_TOKEN", TOKEN)
    monkeypatch.setenv("FEEDBACK_RETENTION_DAYS", "forever")
    with pytest.raises(SystemExit, match=r"^action server: FEEDBACK_RETENTION_DAYS must be a whole number"):
        main(["--port", "1"])


def test_it_binds_loopback_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}
    monkeypatch.setenv("ACTION_SERVER_TOKEN", TOKEN)
    monkeypatch.delenv("ACTION_SERVER_HOST", raising=False)
    monkeypatch.setattr(Sanic, "run", lambda self, host, port, **kw: seen.update(host=host, port=port))
    Sanic.test_mode = True
    main(["--port", "6123", "--actions", "tests.security.stub_actions"])
    assert seen == {"host": "127.0.0.1", "port": 6123}


@pytest.mark.parametrize("endpoints", ["endpoints.yml", "deploy/endpoints.prod.yml"])
def test_both_profiles_send_the_secret_header(endpoints: str) -> None:
    content = yaml.safe_load((ROOT / endpoints).read_text())
    assert content["action_endpoint"]["headers"] == {TOKEN_HEADER: "${ACTION_SERVER_TOKEN}"}


@pytest.mark.parametrize("endpoints", ["endpoints.yml", "deploy/endpoints.prod.yml"])
def test_rasa_reads_the_secret_from_the_environment(endpoints: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from rasa.core.utils import AvailableEndpoints

    for name in ("ACTION_ENDPOINT_URL", "TRACKER_DB_PATH", "TRACKER_DB_HOST", "TRACKER_DB_PORT", "TRACKER_DB_NAME",
                 "TRACKER_DB_USER", "TRACKER_DB_PASSWORD", "REDIS_HOST", "REDIS_PORT", "REDIS_DB", "REDIS_PASSWORD",
                 "REDIS_KEY_PREFIX"):
        monkeypatch.setenv(name, "1")
    monkeypatch.setenv("ACTION_SERVER_TOKEN", TOKEN)
    action = AvailableEndpoints.read_endpoints(str(ROOT / endpoints)).action
    assert action is not None and action.headers == {TOKEN_HEADER: TOKEN}


@pytest.mark.parametrize("script", ["scripts/run.sh", "scripts/run_prod.sh"])
def test_both_profiles_start_our_action_server_not_rasas(script: str) -> None:
    text = (ROOT / script).read_text()
    assert "run actions" not in text
    assert "bot.action_server" in text
    assert re.search(r"ACTION_SERVER_TOKEN", text)
