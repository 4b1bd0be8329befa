"""Faults around the bot rather than inside it: a knowledge database that is missing or
corrupt when the bot starts, and an action server that hangs or is gone when Rasa
calls it (embedded profile, no nginx in between: Rasa's own deadline applies)."""

from __future__ import annotations

import os
import subprocess
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import aiohttp
import pytest
import sqlalchemy as sa

from bot.channels.guarded_rest import APOLOGY_REPLY
from tests.e2e.servers import running_bot
from tests.pg import ADMIN_URL
from tests.prod.profile import ROOT, drop_scratch, profile_env, scratch_names, stop_group
from tests.redis_server import ensure_running as ensure_redis

pytestmark = pytest.mark.slow
# Rasa's log when an action call fails (rasa/core/processor.py, rasa/core/actions/action.py) and the
# REST channel's when no reply came within its deadline (bot/channels/guarded_rest.py).
ACTION_FAILED = "Encountered an exception while running action 'action_answer'"
NOT_CONNECTED = "Couldn't connect to the server at"
REPLY_TIMED_OUT = "no reply within"


def run_until_exit(command: list[str], env: dict[str, str], timeout: float = 120) -> tuple[int, str]:
    """Run a start script that is expected to stop by itself; never leave it running."""
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               start_new_session=True)
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        stop_group(process, grace=10)
        pytest.fail(f"{command[0]} did not stop within {timeout}s although the knowledge database is unusable")
    return process.returncode, output.decode(errors="replace")


@pytest.fixture(params=["missing", "corrupt"])
def broken_sqlite(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    path = tmp_path / "knowledge.db"
    if request.param == "corrupt":
        path.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 20)
    return path


def test_run_sh_stops_at_start_naming_the_file_and_the_rebuild_command(broken_sqlite: Path) -> None:
    env = {**os.environ, "KNOWLEDGE_DB_URL": f"sqlite:///{broken_sqlite}"}
    code, output = run_until_exit([str(ROOT / "scripts" / "run.sh")], env)
    assert code != 0
    assert str(broken_sqlite) in output and "make knowledge" in output
    assert "Traceback" not in output


@pytest.mark.postgres
def test_run_prod_stops_at_start_on_an_unusable_knowledge_database(tmp_path: Path) -> None:
    ensure_redis()
    names = scratch_names()
    env, _ = profile_env(tmp_path / "run", names)
    admin = sa.create_engine(ADMIN_URL, future=True, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:  # it exists, so it is not built: but it holds nothing
            conn.execute(sa.text(f'CREATE DATABASE "{names["knowledge"]}"'))
        code, output = run_until_exit([str(ROOT / "scripts" / "run_prod.sh")], env)
    finally:
        admin.dispose()
        drop_scratch(names)
    assert code != 0
    assert names["knowledge"] in output and "KNOWLEDGE_REBUILD=1 make run-prod" in output
    assert "Traceback" not in output
    assert not (tmp_path / "run" / "pids").exists()  # nothing was started


@pytest.mark.postgres
@pytest.mark.parametrize(("name", "value"), [("TRACKER_DB_PORT", "54x2"), ("MAX_CONCURRENT_TURNS", "many")])
def test_run_prod_stops_at_start_on_a_bad_setting_naming_it(tmp_path: Path, name: str, value: str) -> None:
    ensure_redis()
    env, _ = profile_env(tmp_path / "run", scratch_names(), **{name: value})
    code, output = run_until_exit([str(ROOT / "scripts" / "run_prod.sh")], env)
    assert code != 0
    assert f"run-prod: error: {name} must be a whole number" in output and repr(value) in output
    assert "Traceback" not in output
    assert not (tmp_path / "run" / "pids").exists()  # nothing was started


class HangingActionServer:
    """Accepts the action call and answers nothing for `hang` seconds; then can be shut down."""

    def __init__(self, hang: float = 60) -> None:
        hang_for = hang

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                time.sleep(hang_for)
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture()
def hanging() -> Iterator[HangingActionServer]:
    server = HangingActionServer()
    yield server
    server.close()


async def ask(url: str, who: str, text: str) -> tuple[int, str]:
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60)) as client, \
            client.post(url, json={"sender": who, "message": text}) as response:
        body = await response.json(content_type=None)
    return response.status, "\n".join(m.get("text") or "" for m in body)


async def test_a_hanging_then_missing_action_server_gives_the_apology_when_rasa_gives_up_the_call(
    tmp_path: Path, sqlite_url: str, hanging: HangingActionServer
) -> None:
    """Rasa's own deadline on the action call (ACTION_TIMEOUT_SECONDS, bot/runtime/), then a refused
    connection, end the turn with no answer: the apology, before the channel's reply deadline
    (REPLY_TIMEOUT_SECONDS, 25 s) could give it. How soon it comes is measured by `make bench`
    (scripts/bench/faults.py)."""
    endpoints = f"action_endpoint:\n  url: http://127.0.0.1:{hanging.port}/webhook\n"
    question = "grdp hai phong nam 2024 tang bao nhieu"
    with running_bot(tmp_path, sqlite_url, extra_env={"ACTION_TIMEOUT_SECONDS": "3"}, endpoints=endpoints) as bot:
        log = bot.workdir / "rasa.log"
        hung = await ask(bot.rest_url, "lan", question)
        hung_logged = log.read_text(errors="replace")
        hanging.close()  # now nothing listens there
        gone = await ask(bot.rest_url, "lan", question)
        gone_logged = log.read_text(errors="replace")[len(hung_logged):]
    assert (hung, gone) == ((200, APOLOGY_REPLY), (200, APOLOGY_REPLY))
    timed_out = hung_logged.split(ACTION_FAILED, 1)[-1]  # the traceback of the failed call
    assert (ACTION_FAILED in hung_logged, "TimeoutError" in timed_out, REPLY_TIMED_OUT in hung_logged) == \
        (True, True, False), hung_logged[-3000:]
    assert (NOT_CONNECTED in gone_logged, REPLY_TIMED_OUT in gone_logged) == (True, False), gone_logged[-3000:]


def test_run_prod_refuses_the_public_feedback_salt() -> None:
    env = {k: v for k, v in os.environ.items() if k != "FEEDBACK_SALT"}
    for salt in (None, "hp-assistant"):
        run_env = env if salt is None else {**env, "FEEDBACK_SALT": salt}
        code, output = run_until_exit([str(ROOT / "scripts" / "run_prod.sh")], run_env)
        assert code != 0
        assert "FEEDBACK_SALT must be set to a secret" in output
