"""The production profile for real: `scripts/run_prod.sh` with 2 Rasa replicas, 2 action
servers, nginx, PostgreSQL and Redis, then faults injected one after the other.

One start for the module (model loading is the slow part); the tests run in file
order and the destructive ones come last (a replica killed, the action servers
stopped then killed). PostgreSQL is the machine's shared cluster: the outage tests
stop and restart it, and always start it again.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import threading
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import aiohttp
import pytest
import redis
from aiohttp import web

from bot.channels.guarded_rest import APOLOGY_REPLY
from tests.channels.conftest import FakeZaloApi
from tests.channels.test_zalo import OA_SECRET, USER, signed, text_event
from tests.e2e.servers import listening_hosts
from tests.prod.profile import REDIS_DB, Profile, postgres, running_profile
from tests.redis_server import HOST as REDIS_HOST
from tests.redis_server import PORT as REDIS_PORT
from tests.waiting import until

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

GRDP_2024 = "grdp hai phong nam 2024 tang bao nhieu"
FOLLOW_UP_2025 = "còn năm 2025 thì sao"
APOLOGY_MARK = "tôi chưa tra cứu được lúc này"


@pytest.fixture(scope="module")
def zalo_api() -> Iterator[FakeZaloApi]:
    """A fake Zalo OA API for the replicas, served from a thread for the whole module."""
    fake = FakeZaloApi(app_id="360846524940903967", app_secret="app-secret", access_token="access-1",
                       refresh_token="refresh-1")
    with serving_in_a_thread(fake.app()) as url:
        fake.url = url
        yield fake


@pytest.fixture(scope="module")
def prod(tmp_path_factory: pytest.TempPathFactory, zalo_api: FakeZaloApi) -> Iterator[Profile]:
    run_dir = tmp_path_factory.mktemp("prod")
    zalo = {"ZALO_OA_SECRET_KEY": OA_SECRET, "ZALO_APP_ID": zalo_api.app_id, "ZALO_APP_SECRET": zalo_api.app_secret,
            "ZALO_ACCESS_TOKEN": zalo_api.access_token, "ZALO_REFRESH_TOKEN": zalo_api.refresh_token,
            "ZALO_API_URL": zalo_api.url, "ZALO_OAUTH_URL": zalo_api.url,
            "ZALO_TOKEN_FILE": str(run_dir / "zalo-tokens.json")}
    # A shorter ticket lifetime than the default 20 s keeps the killed-replica test well
    # inside the channel's 25 s reply deadline on a loaded machine.
    with running_profile(run_dir / "run", TICKET_LOCK_LIFETIME="10", **zalo) as profile:
        yield profile


@contextlib.contextmanager
def serving_in_a_thread(app: web.Application) -> Iterator[str]:
    loop = asyncio.new_event_loop()
    runner = web.AppRunner(app)
    loop.run_until_complete(runner.setup())
    site = web.TCPSite(runner, "127.0.0.1", 0)
    loop.run_until_complete(site.start())
    port = runner.addresses[0][1]
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        asyncio.run_coroutine_threadsafe(runner.cleanup(), loop).result(timeout=10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)


def sender(label: str) -> str:
    return f"{label}-{uuid.uuid4().hex[:8]}"


async def say(url: str, who: str, text: str, timeout: float = 45) -> tuple[int, str]:
    """(HTTP status, the reply's texts joined)."""
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=timeout)) as client, \
            client.post(url, json={"sender": who, "message": text}) as response:
        raw = await response.text()
    assert "Traceback" not in raw
    messages: list[dict[str, Any]] = json.loads(raw) if response.status == 200 else []
    return response.status, "\n".join(m.get("text") or "" for m in messages)


def log_ends(prod: Profile, *names: str) -> dict[str, int]:
    """Where each process log ends now: what `logged_since` reads from."""
    return {name: len(prod.log(name)) for name in names}


def logged_since(prod: Profile, ends: dict[str, int]) -> str:
    """What the logs of `log_ends` got since it was called."""
    return "".join(prod.log(name)[end:] for name, end in ends.items())


def replica_logs(prod: Profile) -> list[str]:
    return [f"rasa-{port}" for port in prod.rasa_ports]


# A replica's log lines: its tracker store failed (bot/channels/store_watch.py); nothing answered within
# the REST channel's reply deadline (bot/channels/guarded_rest.py), the apology of last resort.
STORE_FAILED = "tracker store unavailable"
REPLY_TIMED_OUT = "no reply within"


def action_calls_given_up(nginx_errors: str) -> list[str]:
    """nginx's error lines for the action calls its proxy gave up on (it then answers them with the
    apology, deploy/nginx.conf.template): timed out, refused, reset, ... as the fault has it."""
    return [line for line in nginx_errors.splitlines() if "[error]" in line and 'request: "POST /webhook HTTP' in line]


async def raw_get(base: str, path: str, method: str = "GET") -> int:
    """The status of a request whose path is sent byte for byte (no client-side `..` folding)."""
    host, port = base.removeprefix("http://").split(":")
    reader, writer = await asyncio.open_connection(host, int(port))
    writer.write(f"{method} {path} HTTP/1.1\r\nHost: {host}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".encode())
    await writer.drain()
    status_line = await asyncio.wait_for(reader.readline(), 10)
    writer.close()
    return int(status_line.split()[1])


# --- what is exposed ---------------------------------------------------------------


async def test_nginx_serves_the_page_and_the_webhooks(prod: Profile) -> None:
    async with aiohttp.ClientSession() as client:
        async with client.get(prod.url + "/") as page:
            assert page.status == 200 and "Trợ lý Hải Phòng" in await page.text()
            assert "frame-ancestors 'none'" in page.headers["Content-Security-Policy"]
        for path in ("/static/chat.js", "/node_modules/deep-chat/dist/deepChat.bundle.js", "/webhooks/rest/"):
            async with client.get(prod.url + path) as response:
                assert response.status == 200, path
    status, text = await say(prod.webhook, sender("page"), "xin chào")
    assert status == 200 and text


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/status"), ("GET", "/version"), ("GET", "/domain"), ("PUT", "/model"), ("POST", "/model/parse"),
        ("POST", "/model/train"), ("DELETE", "/model"), ("GET", "/conversations/x/tracker"),
        ("POST", "/conversations/x/messages"), ("GET", "/index.html"), ("GET", "/credentials.yml"),
        ("GET", "/static/../../credentials.yml"), ("GET", "/webhooks/../status"), ("GET", "/%2e%2e/credentials.yml"),
        ("GET", "/node_modules/deep-chat/package.json"), ("GET", "/web/index.html"),
    ],
)
async def test_nginx_exposes_nothing_else(prod: Profile, method: str, path: str) -> None:
    assert await raw_get(prod.url, path, method) in (400, 403, 404)


async def test_the_webhook_takes_only_posts(prod: Profile) -> None:
    assert await raw_get(prod.url, "/webhooks/rest/webhook") == 403


async def test_the_replicas_serve_no_http_api(prod: Profile) -> None:
    for port in prod.rasa_ports:
        for method, path in (("GET", "/status"), ("PUT", "/model"), ("POST", "/model/parse"),
                             ("GET", "/conversations/x/tracker"), ("GET", "/domain")):
            assert await raw_get(f"http://127.0.0.1:{port}", path, method) in (404, 405), (port, path)


async def test_the_action_servers_listen_on_loopback_and_run_nothing_without_the_secret(prod: Profile) -> None:
    forged = {"next_action": "action_record_feedback", "sender_id": "x", "domain": {},
              "tracker": {"sender_id": "x", "slots": {"last_question": "FORGED"}, "events": [],
                          "latest_message": {"text": "sai", "entities": [{"entity": "rating", "value": "down"}]}}}
    async with aiohttp.ClientSession() as client:
        for url in [f"http://127.0.0.1:{port}/webhook" for port in prod.action_ports] + \
                [f"http://127.0.0.1:{prod.env['ACTION_PROXY_PORT']}/webhook"]:
            async with client.post(url, json=forged) as response:
                assert response.status == 401, url
                assert "FORGED" not in await response.text()
    for port in prod.action_ports:
        assert listening_hosts(port) == {"127.0.0.1"}


# --- scale-out ---------------------------------------------------------------------


async def test_a_conversation_alternating_between_replicas_keeps_its_context(prod: Profile) -> None:
    who = sender("alternate")
    status, text = await say(prod.replica_webhook(0), who, GRDP_2024)
    assert status == 200 and "11,01%" in text
    status, text = await say(prod.replica_webhook(1), who, FOLLOW_UP_2025)
    assert status == 200 and "12,5%" in text
    assert prod.user_texts(who) == [GRDP_2024, FOLLOW_UP_2025]


async def zalo_says(prod: Profile, zalo_api: FakeZaloApi, replica: int, event: dict[str, Any],
                    replies: int | None, timeout: float = 45) -> None:
    """Post a signed Zalo event to one replica; wait until the OA API got `replies` texts in all."""
    body, headers = signed(event)
    url = f"http://127.0.0.1:{prod.rasa_ports[replica]}/webhooks/zalo/webhook"
    async with aiohttp.ClientSession() as client, client.post(url, data=body, headers=headers) as response:
        assert response.status == 200
    if replies is not None:
        await until(lambda: len(zalo_api.sent) >= replies, timeout,
                    lambda: f"{replies} texts sent to Zalo; sent: {zalo_api.sent}")


async def test_a_zalo_choice_answered_on_the_other_replica_picks_the_button(prod: Profile, zalo_api: FakeZaloApi) -> None:
    """The numbered list goes out from one replica, the "2" reaches the other (Redis channel memory)."""
    await zalo_says(prod, zalo_api, 0, text_event("xin chào", msg_id="prod-z1"), replies=1)
    assert "2. Dự án trọng điểm 2025" in zalo_api.sent[0]["text"]
    await zalo_says(prod, zalo_api, 1, text_event("2", msg_id="prod-z2"), replies=2)
    replica_log = f"rasa-{prod.rasa_ports[0]}"
    dropped = prod.log(replica_log).count("is a redelivery; dropped")
    await zalo_says(prod, zalo_api, 0, text_event("2", msg_id="prod-z2"), replies=None)  # redelivered elsewhere
    # the replica decides before it answers Zalo's request; its log line says it dropped the event
    await until(lambda: prod.log(replica_log).count("is a redelivery; dropped") > dropped, 10,
                "the redelivered event dropped")
    assert prod.user_texts(USER, "zalo") == ["xin chào", "Các dự án trọng điểm năm 2025"]
    assert len(zalo_api.sent) == 2


async def test_concurrent_messages_of_one_sender_are_processed_one_at_a_time_in_order(prod: Profile) -> None:
    who = sender("burst")
    texts = [GRDP_2024, FOLLOW_UP_2025, "xin chào", "dự án cầu Nguyễn Trãi", "cảm ơn bạn", "dân số hải phòng"]

    async def send(i: int, text: str) -> tuple[int, str]:
        await asyncio.sleep(i * 0.1)  # sent in this order, all in flight together
        return await say(prod.replica_webhook(i % 2), who, text)

    results = await asyncio.gather(*(send(i, text) for i, text in enumerate(texts)))
    assert all(status == 200 and text and APOLOGY_MARK not in text for status, text in results), results
    assert "12,5%" in results[1][1]  # the follow-up was answered after the first question, with its context
    # Every message stored, in the order sent, each turn complete before the next begins.
    assert prod.user_texts(who) == texts
    turns: list[list[str]] = []
    for kind, name in prod.events(who):
        if kind == "user":
            turns.append([])
        elif turns and kind == "action":
            turns[-1].append(name)
    assert all(turn and turn[-1] == "action_listen" and any(a != "action_listen" for a in turn) for turn in turns), turns


# --- PostgreSQL restart and outage -------------------------------------------------


async def test_a_postgres_restart_loses_nothing_and_the_next_message_is_served(prod: Profile) -> None:
    who = sender("pg-restart")
    status, text = await say(prod.webhook, who, GRDP_2024)
    assert status == 200 and "11,01%" in text
    before = prod.events(who)
    try:
        postgres("restart")
    finally:
        postgres("start")
    status, text = await say(prod.webhook, who, FOLLOW_UP_2025)
    assert status == 200 and "12,5%" in text
    after = prod.events(who)
    assert after[: len(before)] == before
    assert prod.user_texts(who) == [GRDP_2024, FOLLOW_UP_2025]


async def test_during_a_postgres_outage_residents_get_an_apology_and_the_bot_recovers(prod: Profile) -> None:
    who = sender("pg-outage")
    status, text = await say(prod.webhook, who, GRDP_2024)
    assert status == 200 and "11,01%" in text
    before = prod.events(who)
    postgres("stop")
    try:
        replies: list[tuple[int, str]] = []
        logged: list[str] = []
        for text_sent in (FOLLOW_UP_2025, "xin chào"):
            ends = log_ends(prod, *replica_logs(prod))
            replies.append(await say(prod.webhook, who, text_sent))
            logged.append(logged_since(prod, ends))
    finally:
        postgres("start")
    assert replies == [(200, APOLOGY_REPLY)] * 2
    # Each apology is the store failing, seen by the channel, not the reply deadline passing.
    assert [(STORE_FAILED in lines, REPLY_TIMED_OUT in lines) for lines in logged] == [(True, False)] * 2, logged
    status, text = await say(prod.webhook, who, FOLLOW_UP_2025)
    assert status == 200 and "12,5%" in text  # the context from before the outage
    assert prod.events(who)[: len(before)] == before
    # Turns answered with an apology during the outage are not in the database.
    assert prod.user_texts(who) == [GRDP_2024, FOLLOW_UP_2025]


async def test_during_a_postgres_outage_a_zalo_resident_gets_the_apology_and_then_the_context(
    prod: Profile, zalo_api: FakeZaloApi
) -> None:
    """Rasa's FailSafeTrackerStore would answer from an empty conversation: the channel holds it back."""
    user = f"zalo-outage-{uuid.uuid4().hex[:8]}"

    def replies() -> list[str]:
        return [m["text"] for m in zalo_api.sent if m["user_id"] == user]

    def stored_turns() -> int:
        return len(prod.user_texts(user, "zalo"))

    async def ask(replica: int, text: str, msg_id: str, turn_over: Callable[[], bool]) -> str:
        """What reached the resident once `turn_over()` says the turn is over (the answer may come in pieces)."""
        event = text_event(text, msg_id=msg_id)
        event["sender"]["id"] = user
        count = len(replies())
        await zalo_says(prod, zalo_api, replica, event, replies=None)
        await until(turn_over, 45, lambda: f"the turn of {msg_id} over; sent to {user}: {replies()[count:]}", every=0.2)
        return "\n".join(replies()[count:])

    def stored_after(turns: int) -> Callable[[], bool]:
        # Rasa stores the turn after the last piece of its answer was sent.
        return lambda: stored_turns() > turns

    def apologized(replica: int, msg_id: str, count: int) -> Callable[[], bool]:
        # The channel logs the failed turn, then sends the apology, the turn's last message.
        return lambda: f"{msg_id}: the bot failed" in prod.log(f"rasa-{prod.rasa_ports[replica]}") and len(replies()) > count

    assert "11,01%" in await ask(0, GRDP_2024, f"{user}-1", stored_after(0))
    postgres("stop")
    try:
        apology = await ask(1, FOLLOW_UP_2025, f"{user}-2", apologized(1, f"{user}-2", len(replies())))
    finally:
        postgres("start")
    assert apology == APOLOGY_REPLY
    assert "12,5%" in await ask(1, FOLLOW_UP_2025, f"{user}-3", stored_after(1))  # the context from before the outage
    assert prod.user_texts(user, "zalo") == [GRDP_2024, FOLLOW_UP_2025]


# --- replicas dying ----------------------------------------------------------------


async def wait_until_mid_turn(prod: Profile, who: str, timeout: float = 10) -> None:
    """Until a replica holds `who`'s ticket in Redis: its turn has begun and not ended."""
    client = redis.Redis(host=REDIS_HOST, port=REDIS_PORT, db=REDIS_DB)
    key = f"{prod.env['REDIS_KEY_PREFIX']}:lock:rest:{who}"
    try:
        await until(lambda: client.exists(key), timeout, f"a ticket for {who}", every=0.001)
    finally:
        client.close()


async def test_killing_a_replica_mid_conversation_the_other_continues_it(prod: Profile) -> None:
    who = sender("kill")
    status, text = await say(prod.webhook, who, GRDP_2024)
    assert status == 200 and "11,01%" in text
    victim = prod.pid(f"rasa-{prod.rasa_ports[0]}")
    # The victim dies mid-turn, holding the conversation's ticket. The message in flight
    # is lost with it (its client sees the connection drop); nothing more is promised.
    in_flight = asyncio.create_task(say(prod.replica_webhook(0), who, GRDP_2024))
    await wait_until_mid_turn(prod, who)
    os.kill(victim, signal.SIGKILL)
    with contextlib.suppress(aiohttp.ClientError, asyncio.TimeoutError, AssertionError, ValueError):
        await in_flight
    # The next message, through nginx, goes to the living replica; it waits for the dead
    # ticket to expire (TICKET_LOCK_LIFETIME, 10 s here), then is answered with the context
    # within the channel's reply deadline (REPLY_TIMEOUT_SECONDS; past it the answer is the apology).
    # How long it waits is measured by `make bench` (scripts/bench/faults.py), not asserted on a shared machine's clock.
    status, text = await say(prod.webhook, who, FOLLOW_UP_2025, timeout=60)
    assert status == 200 and "12,5%" in text, text
    # Every later message is answered, while nginx keeps probing the dead replica.
    for question in ("xin chào", GRDP_2024, FOLLOW_UP_2025):
        status, text = await say(prod.webhook, who, question)
        assert status == 200 and text and APOLOGY_MARK not in text, (question, text)
    # The supervisor started it again: it serves the same conversation, with its context.
    await wait_restarted(prod, f"rasa-{prod.rasa_ports[0]}", victim, prod.replica_webhook(0).removesuffix("webhook"))
    assert f"rasa-{prod.rasa_ports[0]} (pid {victim}) exited" in prod.log("run-prod")
    status, text = await say(prod.replica_webhook(0), who, GRDP_2024)
    assert status == 200 and "11,01%" in text


async def wait_restarted(prod: Profile, name: str, old_pid: int, health_url: str, timeout: float = 300) -> None:
    """Until the supervisor has started `name` again (a new pid) and it answers `health_url`."""

    def new_pid() -> bool:
        with contextlib.suppress(OSError, ValueError):
            return prod.pid(name) != old_pid
        return False

    async def healthy() -> bool:
        with contextlib.suppress(aiohttp.ClientError, asyncio.TimeoutError):
            async with client.get(health_url, timeout=aiohttp.ClientTimeout(total=3)) as response:
                return response.status == 200
        return False

    async with aiohttp.ClientSession() as client:
        await until(lambda: new_pid() and healthy(), timeout,
                    lambda: f"{name} back:\n{prod.log('run-prod')[-2000:]}", every=0.5)


# --- action servers slow, then gone --------------------------------------------------


async def test_slow_then_dead_action_servers_give_the_apology_from_the_action_proxy(prod: Profile) -> None:
    """The apology comes from nginx's action proxy, which gave up on the action servers (its deadline,
    ACTION_PROXY_TIMEOUT, or a refused connection), not from the channel's reply deadline. How soon
    it comes is measured by `make bench` (scripts/bench/faults.py)."""
    who = sender("actions")
    pids = [prod.pid(f"actions-{port}") for port in prod.action_ports]
    logs = ["nginx-error", *replica_logs(prod)]
    for pid in pids:
        os.kill(pid, signal.SIGSTOP)  # alive, listening, answering nothing
    try:
        ends = log_ends(prod, *logs)
        stopped = await say(prod.webhook, who, GRDP_2024)
        stopped_logged = logged_since(prod, ends)
    finally:
        for pid in pids:
            os.kill(pid, signal.SIGCONT)
    assert stopped == (200, APOLOGY_REPLY)
    timed_out = any("upstream timed out" in line for line in action_calls_given_up(stopped_logged))
    assert (timed_out, REPLY_TIMED_OUT in stopped_logged) == (True, False), stopped_logged
    status, text = await say(prod.webhook, who, GRDP_2024)
    assert status == 200 and "11,01%" in text
    for pid in pids:
        os.kill(pid, signal.SIGKILL)
    ends = log_ends(prod, *logs)
    assert await say(prod.webhook, who, GRDP_2024) == (200, APOLOGY_REPLY)
    killed_logged = logged_since(prod, ends)
    assert (action_calls_given_up(killed_logged) != [], REPLY_TIMED_OUT in killed_logged) == (True, False), killed_logged
    # A crash is not an outage: the supervisor starts them again and answers come back.
    for port, pid in zip(prod.action_ports, pids, strict=True):
        await wait_restarted(prod, f"actions-{port}", pid, f"http://127.0.0.1:{port}/health", timeout=120)

    async def answered() -> bool:
        # nginx keeps a failed upstream out for its fail_timeout (5 s) before it tries it again
        status, text = await say(prod.webhook, who, GRDP_2024)
        return status == 200 and "11,01%" in text

    await until(answered, 30, "the figure answered again", every=1)
