"""One scripted conversation through REST, the web page's proxy, Telegram and Zalo, same answers on each.

One real bot (action server + `rasa run` with every channel of credentials.yml) serves the
whole module. Telegram and Zalo talk to the fake Bot API and OA API of tests/channels,
served from a thread with its own event loop (the bot fixture is module-scoped and sync,
pytest-asyncio's loops are per test). Telegram and Zalo answer in the background, so
their replies are read from what the fakes recorded, with a bounded wait.

Each channel's transcript is compared with the REST transcript, computed once: the
answer texts (Zalo's numbered-choice suffix and all button text removed) and the titles
of the buttons offered must be the same at every step.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Coroutine, Iterator, Mapping
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar
from urllib.request import Request, urlopen

import pytest
from aiohttp import web

from tests.channels.conftest import FakeTelegramApi, FakeZaloApi
from tests.channels.test_telegram import callback_update, text_update
from tests.channels.test_zalo import signed, text_event

from .servers import MODEL, ROOT, Bot, free_port, running_bot, wait_for

pytestmark = pytest.mark.slow

T = TypeVar("T")

REPLY_WAIT = 60.0  # seconds for one turn's reply on a channel that answers in the background
POLL = 0.05

ZALO_OA_SECRET = "parity-oa-secret-key"
ZALO_USER = "246845883529197922"
TELEGRAM_TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
TELEGRAM_SECRET = "parity-webhook-secret_2025"
TELEGRAM_WEBHOOK_URL = "http://127.0.0.1/ignored"
TELEGRAM_CHAT = 1111111  # the chat of tests.channels.test_telegram's updates
CHANNEL_PREFIXES = ("ZALO_", "TELEGRAM_")


@dataclass(frozen=True)
class Step:
    action: str  # "say": type the text; "press": press the button with this title
    text: str
    expect: tuple[str, ...]


STEPS = (
    Step("say", "grdp hai phong nam 2024 tang bao nhieu", ("11,01%", "619-BC/TU")),
    Step("say", "con nam 2025 thi sao", ("12,5%",)),
    Step("press", "So với cả nước", ("cả nước", "Nguồn")),
    Step("say", "thoi tiet mai the nao", ("ngoài phạm vi",)),
)
CHANNELS = ("rest", "web", "telegram", "zalo")


@dataclass(frozen=True)
class Turn:
    """One bot turn as the resident reads it, whatever the channel."""

    text: str  # the messages' texts, a blank line between messages; no button text
    buttons: tuple[str, ...]  # titles of the payload buttons offered, in order
    messages: int  # messages as delivered; not compared (Zalo may cut long texts)

    def same_answer(self) -> tuple[str, tuple[str, ...]]:
        return self.text, self.buttons


# --- the fake Zalo OA API and Telegram Bot API, in a thread of their own ---------------


class FakeApis:
    """Both fakes on 127.0.0.1, served by an event loop running in a background thread."""

    def __init__(self) -> None:
        self.zalo = FakeZaloApi(app_id="360846524940903967", app_secret="parity-app-secret",
                                access_token="access-1", refresh_token="refresh-1")
        self.telegram = FakeTelegramApi(token=TELEGRAM_TOKEN)
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="fake-channel-apis", daemon=True)
        self._runners: list[web.AppRunner] = []

    def call(self, coro: Coroutine[Any, Any, T], timeout: float = 10) -> T:
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result(timeout)

    def read(self, get: Callable[[], T]) -> T:
        """`get()` run in the fakes' loop, so a reading never sees a half-made change."""

        async def run() -> T:
            return get()

        return self.call(run())

    async def _start(self) -> None:
        for fake in (self.zalo, self.telegram):
            runner = web.AppRunner(fake.app(), access_log=None)
            await runner.setup()
            self._runners.append(runner)
            site = web.TCPSite(runner, "127.0.0.1", 0)
            await site.start()
            fake.url = f"http://127.0.0.1:{runner.addresses[0][1]}"

    async def _stop(self) -> None:
        for runner in reversed(self._runners):
            await runner.cleanup()

    @contextmanager
    def running(self) -> Iterator[FakeApis]:
        self._thread.start()
        try:
            self.call(self._start())
            yield self
        finally:
            try:
                self.call(self._stop())
            finally:
                self._loop.call_soon_threadsafe(self._loop.stop)
                self._thread.join(timeout=10)
                if not self._thread.is_alive():
                    self._loop.close()

    def channel_env(self) -> dict[str, str]:
        """The only ZALO_* and TELEGRAM_* variables the bot gets."""
        return {
            "ZALO_OA_SECRET_KEY": ZALO_OA_SECRET,
            "ZALO_APP_ID": self.zalo.app_id,
            "ZALO_ACCESS_TOKEN": self.zalo.access_token,
            "ZALO_REFRESH_TOKEN": self.zalo.refresh_token,
            "ZALO_APP_SECRET": self.zalo.app_secret,
            "ZALO_API_URL": self.zalo.url,
            "ZALO_OAUTH_URL": self.zalo.url,
            "TELEGRAM_TOKEN": TELEGRAM_TOKEN,
            "TELEGRAM_VERIFY": "@" + self.telegram.username,
            "TELEGRAM_WEBHOOK_URL": TELEGRAM_WEBHOOK_URL,
            "TELEGRAM_SECRET_TOKEN": TELEGRAM_SECRET,
            "TELEGRAM_API_URL": self.telegram.url,
        }


# --- the servers, once for the module -------------------------------------------------


@dataclass(frozen=True)
class Setup:
    bot: Bot
    web_url: str
    fakes: FakeApis
    channel_env: dict[str, str]

    @property
    def rasa_url(self) -> str:
        return self.bot.rest_url.removesuffix("/webhooks/rest/webhook")

    def log_tail(self) -> str:
        return (self.bot.workdir / "rasa.log").read_text(errors="replace")[-3000:]

    def finished_turns(self, conversation: str) -> int:
        """Turns of `conversation` (`telegram:<chat>`) Rasa has saved, the last one complete.

        Rasa saves a turn after the channel has sent all of its messages: once the count
        moves on, no late message of that turn can still come (no fixed wait needed)."""
        import sqlite3

        with sqlite3.connect(self.bot.workdir / "tracker.db", timeout=10) as db:
            rows = db.execute("SELECT type_name, action_name FROM events WHERE sender_id = ? ORDER BY id",
                              (conversation,)).fetchall()
        users = sum(1 for kind, _ in rows if kind == "user")
        complete = bool(rows) and rows[-1] == ("action", "action_listen")
        return users if complete else users - 1


def without_channel_env(env: Mapping[str, str]) -> dict[str, str]:
    return {k: v for k, v in env.items() if not k.startswith(CHANNEL_PREFIXES)}


@contextmanager
def running_web(workdir: Path, rasa_rest_url: str) -> Iterator[str]:
    port = free_port()
    env = {**without_channel_env(os.environ), "PYTHONPATH": str(ROOT), "RASA_REST_URL": rasa_rest_url}
    log = workdir / "web.log"
    with log.open("wb") as out:
        process = subprocess.Popen([sys.executable, "-m", "bot.web", "--port", str(port)],
                                   cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            wait_for(f"http://127.0.0.1:{port}/health", process, 30, log)
            yield f"http://127.0.0.1:{port}"
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory, sqlite_url: str) -> Iterator[Setup]:
    workdir = Path(tmp_path_factory.mktemp("parity"))
    with ExitStack() as stack:
        fakes = stack.enter_context(FakeApis().running())
        channel_env = fakes.channel_env()
        # running_bot passes on os.environ: the developer's own channel variables are
        # taken out while the subprocesses start, so only `channel_env` reaches them.
        with pytest.MonkeyPatch.context() as patch:
            for name in list(os.environ):
                if name.startswith(CHANNEL_PREFIXES):
                    patch.delenv(name)
            bot = stack.enter_context(running_bot(workdir, sqlite_url, extra_env=channel_env))
        web_url = stack.enter_context(running_web(workdir, bot.rest_url))
        yield Setup(bot, web_url, fakes, channel_env)


# --- HTTP and waiting -----------------------------------------------------------------


def post_json(url: str, body: dict[str, Any], headers: dict[str, str] | None = None) -> tuple[int, Any]:
    data = json.dumps(body, ensure_ascii=False).encode()
    request = Request(url, data, {"Content-Type": "application/json", **(headers or {})}, method="POST")
    with urlopen(request, timeout=60) as response:
        return response.status, json.loads(response.read() or b"null")


def wait_until(condition: Callable[[], T | None], timeout: float, describe: Callable[[], str]) -> T:
    deadline = time.monotonic() + timeout
    while True:
        found = condition()
        if found:
            return found
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s: {describe()}")
        time.sleep(POLL)


# --- normalizing what each channel delivered ------------------------------------------

# What bot/channels/text.py `render_choices` appends on Zalo: a paragraph of choices
# ("1. title", or "• title: url" for links) and the prompt to answer with a number.
ZALO_CHOICES = re.compile(
    r"(?:\A|\n\n)(?P<lines>(?:(?:\d+\.|•) [^\n]*\n)*(?:\d+\.|•) [^\n]*)\n\n"
    r"Trả lời số \d+(?:, \d+)*(?: hoặc \d+)? để chọn\.(?=\n\n|\Z)"
)
ZALO_CHOICE_LINE = re.compile(r"^(?P<number>\d+)\. (?P<title>.*)$")


def rest_turn(messages: list[dict[str, Any]]) -> tuple[Turn, dict[str, str]]:
    """The turn and its buttons' payloads by title."""
    texts = [str(m["text"]).strip() for m in messages if m.get("text")]
    buttons = [b for m in messages for b in m.get("buttons") or [] if b.get("payload")]
    turn = Turn("\n\n".join(texts), tuple(str(b["title"]) for b in buttons), len(messages))
    return turn, {str(b["title"]): str(b["payload"]) for b in buttons}


def telegram_turn(calls: list[dict[str, str]]) -> tuple[Turn, dict[str, str]]:
    """The turn and its buttons' callback_data by title."""
    texts, offered = [], {}
    for params in calls:
        texts.append(params["text"].strip())
        markup = json.loads(params.get("reply_markup") or "{}")
        for row in markup.get("inline_keyboard", []):
            for button in row:
                if "callback_data" in button:
                    offered[button["text"]] = button["callback_data"]
    return Turn("\n\n".join(texts), tuple(offered), len(calls)), offered


def zalo_turn(sent: list[str]) -> tuple[Turn, dict[str, str]]:
    """The turn and its choices' numbers by title. Cut pieces are joined back as
    `split_text` cut them, between paragraphs."""
    joined = "\n\n".join(piece.strip() for piece in sent)
    offered = {}
    for block in ZALO_CHOICES.finditer(joined):
        for line in block["lines"].splitlines():
            match = ZALO_CHOICE_LINE.match(line)
            if match:
                offered[match["title"]] = match["number"]
    text = ZALO_CHOICES.sub("", joined).strip()
    return Turn(text, tuple(offered), len(sent)), offered


# --- one driver per channel ---------------------------------------------------------


class Channel(Protocol):
    def say(self, text: str, expected: Turn | None) -> Turn: ...

    def press(self, title: str, expected: Turn | None) -> Turn: ...


class RestChannel:
    """Rasa's REST webhook (or the web page's proxy in front of it): the answer is in the response."""

    def __init__(self, url: str, sender: str) -> None:
        self.url, self.sender = url, sender
        self.offered: dict[str, str] = {}

    def say(self, text: str, expected: Turn | None = None) -> Turn:
        status, messages = post_json(self.url, {"sender": self.sender, "message": text})
        assert status == 200 and isinstance(messages, list), (status, messages)
        turn, self.offered = rest_turn(messages)
        return turn

    def press(self, title: str, expected: Turn | None = None) -> Turn:
        assert title in self.offered, f"no button {title!r} among {list(self.offered)}"
        return self.say(self.offered[title])


class TelegramChannel:
    """Updates posted to /webhooks/telegram/webhook; replies read from the fake's sendMessage calls."""

    _update_ids = itertools.count(50_000)  # shared: a repeated update id is a redelivery

    def __init__(self, setup: Setup) -> None:
        self.url = setup.rasa_url + "/webhooks/telegram/webhook"
        self.fakes, self.setup = setup.fakes, setup
        self.update_ids = self._update_ids
        self.offered: dict[str, str] = {}

    def _send_message_calls(self) -> list[dict[str, str]]:
        chat = str(TELEGRAM_CHAT)
        return self.fakes.read(lambda: [p for p in self.fakes.telegram.called("sendMessage") if p.get("chat_id") == chat])

    def _exchange(self, update: dict[str, Any], expected: Turn | None) -> Turn:
        before = len(self._send_message_calls())
        conversation = f"telegram:{TELEGRAM_CHAT}"
        turns = self.setup.finished_turns(conversation)
        status, _ = post_json(self.url, update, {"X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET})
        assert status == 200
        wanted = expected.messages if expected else 1

        def arrived() -> list[dict[str, str]] | None:
            calls = self._send_message_calls()[before:]
            return calls if len(calls) >= wanted else None

        wait_until(arrived, REPLY_WAIT, lambda: f"{wanted} sendMessage call(s) for {update}; rasa.log:\n{self.setup.log_tail()}")
        wait_until(lambda: self.setup.finished_turns(conversation) > turns, REPLY_WAIT,
                   lambda: f"Rasa's turn for {update} saved; rasa.log:\n{self.setup.log_tail()}")
        turn, self.offered = telegram_turn(self._send_message_calls()[before:])
        return turn

    def say(self, text: str, expected: Turn | None) -> Turn:
        return self._exchange(text_update(text, update_id=next(self.update_ids)), expected)

    def press(self, title: str, expected: Turn | None) -> Turn:
        assert title in self.offered, f"no inline button {title!r} among {list(self.offered)}"
        answered = len(self.fakes.read(lambda: self.fakes.telegram.called("answerCallbackQuery")))
        turn = self._exchange(callback_update(self.offered[title], update_id=next(self.update_ids)), expected)
        assert len(self.fakes.read(lambda: self.fakes.telegram.called("answerCallbackQuery"))) == answered + 1
        return turn


class ZaloChannel:
    """Signed user_send_text events posted to /webhooks/zalo/webhook; replies read from the fake OA API."""

    _msg_ids = itertools.count(1)  # shared: every event of the module has its own id

    def __init__(self, setup: Setup, user: str = ZALO_USER) -> None:
        self.url = setup.rasa_url + "/webhooks/zalo/webhook"
        self.fakes, self.setup, self.user = setup.fakes, setup, user
        self.offered: dict[str, str] = {}

    def _sent(self) -> list[str]:
        return self.fakes.read(lambda: [m["text"] for m in self.fakes.zalo.sent if m["user_id"] == self.user])

    def say(self, text: str, expected: Turn | None) -> Turn:
        before = len(self._sent())
        conversation = f"zalo:{self.user}"
        turns = self.setup.finished_turns(conversation)
        event = text_event(text, msg_id=f"parity-{next(self._msg_ids)}", app_id=self.fakes.zalo.app_id)
        event["sender"]["id"] = self.user
        body, headers = signed(event, app_id=self.fakes.zalo.app_id, secret=ZALO_OA_SECRET)
        request = Request(self.url, body, headers, method="POST")
        with urlopen(request, timeout=30) as response:
            assert response.status == 200
        wanted = expected.messages if expected else 1

        def complete() -> list[str] | None:
            # As many pieces as REST had messages (more if a text was cut), the last one
            # carrying the numbered choices when the answer offers buttons.
            sent = self._sent()[before:]
            if len(sent) < wanted:
                return None
            if expected and expected.buttons and not ZALO_CHOICES.search("\n\n" + sent[-1]):
                return None
            return sent

        wait_until(complete, REPLY_WAIT, lambda: f"Zalo reply to {text!r}; sent so far {self._sent()[before:]}; rasa.log:\n{self.setup.log_tail()}")
        wait_until(lambda: self.setup.finished_turns(conversation) > turns, REPLY_WAIT,
                   lambda: f"Rasa's turn for {text!r} saved; rasa.log:\n{self.setup.log_tail()}")
        turn, self.offered = zalo_turn(self._sent()[before:])
        return turn

    def press(self, title: str, expected: Turn | None) -> Turn:
        assert title in self.offered, f"no numbered choice {title!r} among {list(self.offered)}"
        return self.say(self.offered[title], expected)


def open_channel(name: str, setup: Setup) -> Channel:
    if name == "rest":
        return RestChannel(setup.bot.rest_url, "parity-rest")
    if name == "web":
        return RestChannel(setup.web_url + "/webhooks/rest/webhook", "parity-web")
    if name == "telegram":
        return TelegramChannel(setup)
    if name == "zalo":
        return ZaloChannel(setup)
    raise ValueError(name)


def run_conversation(channel: Channel, reference: list[Turn] | None = None) -> list[Turn]:
    turns = []
    for n, step in enumerate(STEPS):
        expected = reference[n] if reference else None
        act = channel.say if step.action == "say" else channel.press
        turns.append(act(step.text, expected))
    return turns


@pytest.fixture(scope="module")
def rest_transcript(setup: Setup) -> list[Turn]:
    """The conversation through REST once, with a sender of its own: what every channel must match."""
    return run_conversation(RestChannel(setup.bot.rest_url, "parity-reference"))


# --- the tests ------------------------------------------------------------------------


def test_telegram_start_up_reached_the_fake_bot_api(setup: Setup) -> None:
    telegram = setup.fakes.telegram

    def started() -> list[dict[str, str]] | None:
        return setup.fakes.read(lambda: telegram.called("setWebhook"))

    [params] = wait_until(started, 30, lambda: f"no setWebhook call; rasa.log:\n{setup.log_tail()}")
    assert params == {
        "url": TELEGRAM_WEBHOOK_URL,
        "secret_token": TELEGRAM_SECRET,
        "allowed_updates": '["message", "edited_message", "callback_query"]',
    }
    assert len(setup.fakes.read(lambda: telegram.called("getMe"))) == 1


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="reads the process environment from /proc")
def test_rasa_gets_only_the_channel_settings_given(setup: Setup) -> None:
    port = setup.rasa_url.rsplit(":", 1)[1]
    found = {}
    for proc in Path("/proc").iterdir():
        try:
            args = (proc / "cmdline").read_bytes().split(b"\0")
            if str(MODEL).encode() in args and port.encode() in args:
                environ = (proc / "environ").read_bytes().split(b"\0")
                found[proc.name] = dict(item.decode().split("=", 1) for item in environ if b"=" in item)
        except (OSError, ValueError):
            continue
    assert len(found) == 1, f"expected one `rasa run` on port {port}, found {list(found)}"
    [env] = found.values()
    assert {k: v for k, v in env.items() if k.startswith(CHANNEL_PREFIXES)} == setup.channel_env


@pytest.mark.parametrize("name", CHANNELS)
def test_the_conversation_gets_the_same_answers(setup: Setup, rest_transcript: list[Turn], name: str) -> None:
    turns = run_conversation(open_channel(name, setup), rest_transcript)
    for step, turn, reference in zip(STEPS, turns, rest_transcript, strict=True):
        for expected in step.expect:
            assert expected in turn.text, f"{name}: {step.text!r} → {turn.text!r}"
        assert turn.same_answer() == reference.same_answer(), f"{name} differs from REST at {step.text!r}"


FOLLOW_UP = "con nam 2025 thi sao"


def test_no_channel_reaches_another_channels_conversation(setup: Setup) -> None:
    """Finding 2: the same id on another channel is another conversation (tracker key `<channel>:<id>`)."""
    zalo, telegram = ZaloChannel(setup), TelegramChannel(setup)
    assert "11,01%" in zalo.say(STEPS[0].text, None).text
    assert "11,01%" in telegram.say(STEPS[0].text, None).text
    # REST naming the Zalo user's id, and the Telegram chat's: a conversation of its own
    for rest_sender in (ZALO_USER, str(TELEGRAM_CHAT)):
        rest = RestChannel(setup.bot.rest_url, rest_sender)
        assert "12,5%" not in rest.say(FOLLOW_UP).text
        rest.say("/restart")
    # Zalo naming the Telegram chat's id: no context either
    assert "12,5%" not in ZaloChannel(setup, user=str(TELEGRAM_CHAT)).say(FOLLOW_UP, None).text
    # Each resident's own conversation went on untouched
    assert "12,5%" in zalo.say(FOLLOW_UP, None).text
    assert "12,5%" in telegram.say(FOLLOW_UP, None).text
