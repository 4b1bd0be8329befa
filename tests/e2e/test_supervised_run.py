"""`scripts/run.sh` for real: a crash is not an outage, and what a stranger can reach.

The embedded profile starts under deploy/supervisor.py. Each of its processes is
killed in turn (action server, chat page server, Rasa); the next question is answered,
with the conversation's context from before the crash. The same start checks the
findings that concern the running profile: the action server listens on 127.0.0.1
only and refuses a forged action call; Rasa's CORS is off; no version is named.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.error import HTTPError, URLError
from urllib.request import Request, urlopen

import pytest

from scripts.bench.servers import stop as stop_group

from .servers import ROOT, free_port, listening_hosts

pytestmark = pytest.mark.slow

GRDP_2024 = "grdp hai phong nam 2024 tang bao nhieu"
FOLLOW_UP_2025 = "con nam 2025 thi sao"
FOLLOW_UP_2024 = "con nam 2024 thi sao"


@dataclass
class Embedded:
    run_dir: Path
    ports: dict[str, int]
    process: subprocess.Popen[bytes]
    log: Path

    def url(self, name: str, path: str) -> str:
        return f"http://127.0.0.1:{self.ports[name]}{path}"

    def pid(self, name: str) -> int | None:
        try:
            return int((self.run_dir / "pids" / f"{name}.pid").read_text())
        except (OSError, ValueError):
            return None


def answers(url: str, timeout: float = 5) -> bool:
    try:
        with urlopen(url, timeout=timeout):
            return True
    except (URLError, OSError):
        return False


def wait_until(condition: object, timeout: float, what: str, log: Path) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} within {timeout} s; log:\n{log.read_text(errors='replace')[-3000:]}")
        time.sleep(0.2)


def post(url: str, body: dict[str, object], headers: dict[str, str] | None = None) -> tuple[int, str, dict[str, str]]:
    request = Request(url, json.dumps(body).encode(), {"Content-Type": "application/json", **(headers or {})})
    try:
        with urlopen(request, timeout=60) as response:
            return response.status, response.read().decode(), dict(response.headers)
    except HTTPError as error:
        return error.code, error.read().decode(), dict(error.headers)


def ask(url: str, sender: str, text: str) -> str:
    status, body, _ = post(url, {"sender": sender, "message": text})
    assert status == 200, body
    return "\n".join(m.get("text") or "" for m in json.loads(body))


@pytest.fixture(scope="module")
def embedded(tmp_path_factory: pytest.TempPathFactory, sqlite_url: str) -> Iterator[Embedded]:
    workdir = tmp_path_factory.mktemp("run")
    ports = {"rasa": free_port(), "actions": free_port(), "web": free_port()}
    env = {**{k: v for k, v in os.environ.items() if not k.startswith(("ZALO_", "TELEGRAM_", "ACTION_"))},
           "RASA_PORT": str(ports["rasa"]), "ACTION_PORT": str(ports["actions"]), "WEB_PORT": str(ports["web"]),
           "RUN_DIR": str(workdir / "run"), "TRACKER_DB_PATH": str(workdir / "tracker.db"),
           "FEEDBACK_DB_URL": f"sqlite:///{workdir / 'feedback.db'}", "KNOWLEDGE_DB_URL": sqlite_url,
           "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "3"}
    log = workdir / "run.log"
    with log.open("wb") as out:
        process = subprocess.Popen([str(ROOT / "scripts" / "run.sh")], cwd=ROOT, env=env, stdout=out,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    running = Embedded(workdir / "run", ports, process, log)
    try:
        wait_until(lambda: answers(running.url("rasa", "/webhooks/rest/")) and answers(running.url("web", "/health")),
                   300, "run.sh did not answer", log)
        yield running
    finally:
        stop_group(process, grace=40)


def test_the_action_server_listens_on_loopback_and_runs_nothing_for_a_stranger(embedded: Embedded) -> None:
    assert listening_hosts(embedded.ports["actions"]) == {"127.0.0.1"}
    forged = {"next_action": "action_record_feedback", "sender_id": "x", "domain": {}, "version": "3.6.2",
              "tracker": {"sender_id": "x", "slots": {"last_question": "FORGED", "last_answer_id": "indicator:grdp_growth:2024"},
                          "latest_message": {"text": "sai", "intent": {"name": "feedback"},
                                             "entities": [{"entity": "rating", "value": "down"}]},
                          "events": [], "latest_input_channel": "zalo"}}
    status, body, _ = post(embedded.url("actions", "/webhook"), forged)
    assert status == 401 and "FORGED" not in body


def test_rasa_allows_no_other_origin_and_names_no_version(embedded: Embedded) -> None:
    request = Request(embedded.url("rasa", "/webhooks/rest/webhook"), method="OPTIONS",
                      headers={"Origin": "http://evil.example", "Access-Control-Request-Method": "POST"})
    try:
        with urlopen(request, timeout=10) as response:
            headers = dict(response.headers)
    except HTTPError as error:
        headers = dict(error.headers)
    assert "Access-Control-Allow-Origin" not in headers
    with urlopen(embedded.url("rasa", "/"), timeout=10) as root:
        assert "3.6" not in root.read().decode()
    with urlopen(embedded.url("web", "/health"), timeout=10) as page:
        assert "aiohttp" not in page.headers.get("Server", "") and "Python" not in page.headers.get("Server", "")


PERSONAL = "tôi là Trần Thị Bê, sđt 0912 345 678, ở số 12 đường Lạch Tray: grdp hai phong nam 2024 tang bao nhieu"


def test_personal_data_is_masked_in_the_store_and_no_resident_text_is_logged(embedded: Embedded) -> None:
    """Finding 4 on the running profile: a rated question with a name, a phone number and an address."""
    import sqlalchemy as sa

    rest = embedded.url("rasa", "/webhooks/rest/webhook")
    assert "11,01%" in ask(rest, "privacy-1", PERSONAL)
    ask(rest, "privacy-1", '/feedback{"rating": "down"}')  # stores the question
    ask(rest, "privacy-1", "/restart")  # typed: neither a command nor logged
    workdir = embedded.run_dir.parent
    engine = sa.create_engine(f"sqlite:///{workdir / 'feedback.db'}", future=True)
    with engine.connect() as conn:
        stored = [row[0] for row in conn.execute(sa.text("SELECT question FROM feedback"))]
    engine.dispose()
    assert any("grdp hai phong" in q for q in stored), stored
    assert not any("0912" in q or "số 12 đường" in q for q in stored), stored
    for name in ("feedback.db", "tracker.db"):
        assert (workdir / name).stat().st_mode & 0o077 == 0, name
    logs = embedded.log.read_text(errors="replace")
    for secret in ("0912 345 678", "Trần Thị Bê", "Lạch Tray", "grdp hai phong", "privacy-1"):
        assert secret not in logs, secret


@pytest.mark.parametrize("victim", ["actions", "web", "rasa"])
def test_each_process_killed_in_turn_is_back_and_the_conversation_goes_on(embedded: Embedded, victim: str) -> None:
    sender = f"crash-{victim}-{uuid.uuid4().hex[:6]}"
    rest = embedded.url("rasa", "/webhooks/rest/webhook")
    assert "11,01%" in ask(rest, sender, GRDP_2024)
    before = embedded.pid(victim)
    assert before is not None
    os.kill(before, signal.SIGKILL)
    health = {"actions": "/health", "web": "/health", "rasa": "/webhooks/rest/"}[victim]
    wait_until(lambda: embedded.pid(victim) not in (None, before) and answers(embedded.url(victim, health)),
               300, f"{victim} was not restarted", embedded.log)
    via = embedded.url("web", "/webhooks/rest/webhook") if victim == "web" else rest
    assert "12,5%" in ask(via, sender, FOLLOW_UP_2025)  # the context from before the crash
    assert "11,01%" in ask(via, sender, FOLLOW_UP_2024)
