"""The chat page end to end: Debian's Chromium, the real page server, a fake Rasa.

The fake answers on 127.0.0.1 the way Rasa's REST channel does (a list of
{"recipient_id", "text", "buttons"}), so the page, the proxy in bot/web.py and the
browser are exercised without a trained model. A screenshot at phone width is saved
to tests/artifacts/chat_page.png for people to look at.
"""

from __future__ import annotations

import json
import re
import socket
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from bot.web import create_app

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
PHONE = {"width": 360, "height": 740}
TIMEOUT_MS = 10_000

QUESTION = "grdp hai phong nam 2024 tang bao nhieu"
SOURCE = "Nguồn: Báo cáo số 619-BC/TU ngày 03/12/2024 của Thành ủy Hải Phòng."
COMPARE_PAYLOAD = '/compare_plan{"indicator": "grdp_growth", "period": "2024"}'
FEEDBACK_UP = '/feedback{"rating": "up"}'
FEEDBACK_BUTTONS = [{"title": "👍 Hữu ích", "payload": FEEDBACK_UP},
                    {"title": "👎 Chưa đúng", "payload": '/feedback{"rating": "down"}'}]
INJECTED = """<img src=x onerror="document.title='hacked'"><script>alert(1)</script><b>in đậm</b>"""


@dataclass
class FakeRasa:
    """Answers like Rasa's REST webhook and records what it was sent."""

    received: list[dict[str, Any]] = field(default_factory=list)
    status: int = 200  # another status: answered with an error body, as the REST channel refuses

    def answer(self, sender: str, message: str) -> list[dict[str, Any]]:
        def reply(text: str, buttons: list[dict[str, str]] | None = None) -> dict[str, Any]:
            return {"recipient_id": sender, "text": text, **({"buttons": buttons} if buttons else {})}

        if message.startswith("/feedback"):
            rating = json.loads(message[len("/feedback"):])["rating"]
            return [reply("Cảm ơn bạn đã đánh giá! 😊" if rating == "up" else "Cảm ơn bạn đã góp ý.")]
        if message == COMPARE_PAYLOAD:
            return [reply("Tăng trưởng GRDP năm 2024: ước đạt 11,01%; kế hoạch 11,5 - 12%.\n"
                          "→ Kế hoạch là một khoảng, nên tôi không tính tỷ lệ.\n" + SOURCE, FEEDBACK_BUTTONS)]
        if "<" in message:
            return [reply(f"Bạn đã gõ: {message}")]
        if "grdp" in message.lower():
            return [reply("• Tăng trưởng GRDP năm 2024: ước đạt 11,01% (ước thực hiện).\n" + SOURCE,
                          [{"title": "So với kế hoạch", "payload": COMPARE_PAYLOAD}, *FEEDBACK_BUTTONS])]
        return [reply("Xin lỗi, tôi chưa hiểu câu hỏi.")]

    async def webhook(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.received.append(body)
        if self.status != 200:
            return web.json_response({"error": "sender must be printable"}, status=self.status)
        return web.json_response(self.answer(body["sender"], body["message"]))

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/webhooks/rest/webhook", self.webhook)
        return app


@pytest.fixture()
async def fake_rasa() -> AsyncIterator[tuple[FakeRasa, str]]:
    fake = FakeRasa()
    server = TestServer(fake.app(), host="127.0.0.1")
    await server.start_server()
    yield fake, f"http://127.0.0.1:{server.port}/webhooks/rest/webhook"
    await server.close()


@pytest.fixture()
async def page_server(fake_rasa: tuple[FakeRasa, str]) -> AsyncIterator[str]:
    server = TestServer(create_app(fake_rasa[1]), host="127.0.0.1")
    await server.start_server()
    yield f"http://127.0.0.1:{server.port}"
    await server.close()


def _luminance(rgb: str) -> float:
    channels = [int(c) / 255 for c in re.findall(r"\d+", rgb)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


# ---------------------------------------------------------------- the page in a browser

@pytest.mark.slow
@pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is absent; install it with: apt-get install -y chromium")
async def test_chat_page_at_phone_width(fake_rasa: tuple[FakeRasa, str], page_server: str) -> None:
    from playwright.async_api import async_playwright, expect

    fake, _ = fake_rasa
    dialogs: list[str] = []
    page_errors: list[str] = []
    foreign_requests: list[str] = []
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = await browser.new_page(viewport=PHONE, locale="vi-VN")
            page.set_default_timeout(TIMEOUT_MS)
            page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            page.on("pageerror", lambda error: page_errors.append(str(error)))
            page.on("request", lambda request: None if request.url.startswith((page_server, "data:"))
                    else foreign_requests.append(request.url))
            await page.goto(page_server + "/")
            await expect(page).to_have_title("Trợ lý Hải Phòng")
            await expect(page.get_by_role("heading", name="Trợ lý Hải Phòng")).to_be_visible()
            chat = page.locator("deep-chat")

            # The input is a labelled textbox; Enter sends an accent-less question.
            textbox = page.get_by_role("textbox", name="Nhập câu hỏi…")
            await expect(textbox).to_be_visible()
            await expect(page.get_by_role("button", name="Gửi")).to_be_attached()
            await textbox.click()
            await page.keyboard.type(QUESTION)
            await page.keyboard.press("Enter")
            await expect(chat.locator(".user-message").filter(has_text=QUESTION)).to_be_visible()
            answer = chat.locator(".hp-message").filter(has_text="ước đạt 11,01%").first
            await expect(answer).to_be_visible()
            await expect(answer.locator(".hp-source")).to_have_text(SOURCE)
            sender = fake.received[0]["sender"]
            assert fake.received == [{"sender": sender, "message": QUESTION}]
            assert re.fullmatch(r"web-[0-9a-f]{32}", sender)
            assert await page.evaluate("localStorage.getItem('hp-assistant.sender')") == sender

            # Keyboard only: from the input, Shift+Tab reaches the answer's buttons; Enter presses one.
            await textbox.focus()
            for _ in range(10):
                await page.keyboard.press("Shift+Tab")
                focused = await page.evaluate("document.querySelector('deep-chat').shadowRoot.activeElement?.textContent")
                if focused == "So với kế hoạch":
                    break
            else:
                pytest.fail("Shift+Tab from the input never reached the button 'So với kế hoạch'")
            await page.keyboard.press("Enter")
            # The title is shown as the user's message; Rasa gets the payload.
            await expect(chat.locator(".user-message").filter(has_text="So với kế hoạch")).to_be_visible()
            await expect(chat.get_by_text("kế hoạch 11,5 - 12%", exact=False)).to_be_visible()
            assert fake.received[-1] == {"sender": sender, "message": COMPARE_PAYLOAD}

            # 👍 is an ordinary bot button: a click sends the feedback payload and the thanks appear.
            await chat.get_by_role("button", name="👍 Hữu ích").last.click()
            await expect(chat.locator(".user-message").filter(has_text="👍 Hữu ích")).to_be_visible()
            await expect(chat.get_by_text("Cảm ơn bạn đã đánh giá!")).to_be_visible()
            assert fake.received[-1] == {"sender": sender, "message": FEEDBACK_UP}

            # Phone width: nothing wider than the screen; readable contrast.
            assert await page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
            input_box = await chat.locator("#text-input-container").bounding_box()
            assert input_box is not None and input_box["x"] >= 0 and input_box["x"] + input_box["width"] <= PHONE["width"]
            colors = await page.evaluate("""() => {
                const root = document.querySelector('deep-chat').shadowRoot;
                const css = (selector) => getComputedStyle(root.querySelector(selector));
                return {
                    user: [css('.user-message').color, css('.user-message').backgroundColor],
                    button: [css('.hp-button').color, css('.hp-button').backgroundColor],
                    source: [css('.hp-source').color, css('.ai-message').backgroundColor],
                    bot: [css('.ai-message').color, css('.ai-message').backgroundColor],
                };
            }""")
            for part, (foreground, background) in colors.items():
                assert contrast(foreground, background) >= 4.5, f"{part}: {foreground} on {background}"
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            await page.screenshot(path=str(ARTIFACTS / "chat_page.png"))

            # HTML typed by the user, and echoed by the bot, is shown as text and never runs.
            await textbox.click()
            await page.keyboard.type(INJECTED)
            await page.keyboard.press("Enter")
            await expect(chat.locator(".user-message").filter(has_text="<script>alert(1)</script>")).to_be_visible()
            await expect(chat.locator(".hp-text").filter(has_text="Bạn đã gõ: " + INJECTED)).to_be_visible()
            created = await page.evaluate(
                "document.querySelector('deep-chat').shadowRoot.querySelectorAll('#messages img, #messages script, #messages b').length"
            )
            assert created == 0
            assert await page.title() == "Trợ lý Hải Phòng"
            assert dialogs == []

            # The sender id survives a reload, so Rasa keeps the conversation.
            await page.reload()
            await page.get_by_role("textbox", name="Nhập câu hỏi…").click()
            await page.keyboard.type("grdp 2024")
            await page.keyboard.press("Enter")
            await expect(chat.get_by_text("ước đạt 11,01%").first).to_be_visible()
            assert fake.received[-1] == {"sender": sender, "message": "grdp 2024"}

            assert page_errors == []
            assert foreign_requests == [], "the page must load nothing from other hosts"
        finally:
            await browser.close()


@pytest.mark.slow
@pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is absent; install it with: apt-get install -y chromium")
async def test_chat_page_says_so_in_vietnamese_when_rasa_is_down() -> None:
    from playwright.async_api import async_playwright, expect

    server = TestServer(create_app(f"http://127.0.0.1:{_free_port()}/webhooks/rest/webhook"), host="127.0.0.1")
    await server.start_server()
    try:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            try:
                page = await browser.new_page(viewport=PHONE)
                page.set_default_timeout(TIMEOUT_MS)
                await page.goto(f"http://127.0.0.1:{server.port}/")
                await page.get_by_role("textbox", name="Nhập câu hỏi…").click()
                await page.keyboard.type("grdp 2024")
                await page.keyboard.press("Enter")
                await expect(page.locator("deep-chat").get_by_text("hiện chưa kết nối được tới trợ lý")).to_be_visible()
            finally:
                await browser.close()
    finally:
        await server.close()


def _free_port() -> int:
    """A port nobody listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# ---------------------------------------------------------------- the server without a browser

@pytest.fixture()
async def client(fake_rasa: tuple[FakeRasa, str]) -> AsyncIterator[TestClient]:
    async with TestClient(TestServer(create_app(fake_rasa[1]), host="127.0.0.1")) as test_client:
        yield test_client


async def test_proxy_forwards_sender_and_message_only(client: TestClient, fake_rasa: tuple[FakeRasa, str]) -> None:
    response = await client.post("/webhooks/rest/webhook", json={"sender": "s1", "message": "grdp 2024", "extra": 1})
    assert response.status == 200
    body = await response.json()
    assert body[0]["recipient_id"] == "s1" and "ước đạt 11,01%" in body[0]["text"]
    assert fake_rasa[0].received == [{"sender": "s1", "message": "grdp 2024"}]


@pytest.mark.parametrize("payload", [b"not json", b"[1]", b'{"sender": "s"}', b'{"sender": "", "message": "hi"}',
                                     json.dumps({"sender": "s", "message": "x" * 4001}).encode(),
                                     pytest.param(b"[" * 5000 + b"]" * 5000, id="nested-deeper-than-the-parser"),
                                     b'{"sender": "a\\u0000b", "message": "hi"}', b'{"sender": "a\\nb", "message": "hi"}',
                                     b'{"sender": "   ", "message": "hi"}'])
async def test_proxy_rejects_bad_bodies(client: TestClient, fake_rasa: tuple[FakeRasa, str], payload: bytes) -> None:
    response = await client.post("/webhooks/rest/webhook", data=payload, headers={"Content-Type": "application/json"})
    assert response.status == 400
    assert "error" in await response.json()
    assert fake_rasa[0].received == []


async def test_a_refusal_by_rasas_channel_is_a_400_not_a_502(client: TestClient, fake_rasa: tuple[FakeRasa, str]) -> None:
    fake_rasa[0].status = 400
    response = await client.post("/webhooks/rest/webhook", json={"sender": "s", "message": "hi"})
    assert response.status == 400 and "Traceback" not in await response.text()


async def test_no_version_in_the_server_header(client: TestClient) -> None:
    for path in ("/", "/health", "/static/chat.js", "/nothing-here"):
        response = await client.get(path)
        assert "aiohttp" not in response.headers.get("Server", "") and "Python" not in response.headers.get("Server", "")


async def test_proxy_says_502_when_rasa_is_down() -> None:
    app = create_app(f"http://127.0.0.1:{_free_port()}/webhooks/rest/webhook")
    async with TestClient(TestServer(app, host="127.0.0.1")) as test_client:
        response = await test_client.post("/webhooks/rest/webhook", json={"sender": "s", "message": "hi"})
        assert response.status == 502
        assert await response.json() == {"error": "Rasa is unreachable"}


async def test_page_and_bundle_are_served_locally_with_a_strict_policy(client: TestClient) -> None:
    page = await client.get("/")
    assert page.status == 200
    html = await page.text()
    assert "http://" not in html and "https://" not in html, "no CDN or other host in the page"
    policy = page.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "connect-src 'self'" in policy
    bundle = await client.get("/node_modules/deep-chat/dist/deepChat.bundle.js")
    assert bundle.status == 200
    assert "javascript" in bundle.headers["Content-Type"]
    for path in ("/static/chat.js", "/static/chat.css", "/health"):
        assert (await client.get(path)).status == 200
    assert (await client.get("/node_modules/deep-chat/package.json")).status == 404


def test_missing_component_names_the_fix(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="npm ci"):
        create_app(web_dir=tmp_path)
