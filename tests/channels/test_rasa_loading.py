"""credentials.yml as `rasa run` reads it: channels by module path, none configured."""

from __future__ import annotations

import json
from pathlib import Path

from rasa.core.channels.channel import UserMessage, register
from rasa.core.run import create_http_input_channels

from bot.channels.guarded_rest import GuardedRestInput
from bot.channels.telegram import TelegramInput
from bot.channels.zalo import ZaloInput
from tests.channels.conftest import new_app, serve_app

CREDENTIALS = Path(__file__).resolve().parents[2] / "credentials.yml"


class StubAgent:
    """The one thing Rasa's `register` handler asks of `app.ctx.agent`."""

    def __init__(self) -> None:
        self.received: list[UserMessage] = []

    async def handle_message(self, message: UserMessage) -> None:
        self.received.append(message)
        await message.output_channel.send_text_message(message.sender_id, "chào bạn")


def test_credentials_file_names_the_channels_and_holds_no_value() -> None:
    text = CREDENTIALS.read_text(encoding="utf-8")
    assert [line for line in text.splitlines() if line and not line.startswith("#")] == [
        "bot.channels.guarded_rest.GuardedRestInput:",
        "bot.channels.zalo.ZaloInput:",
        "bot.channels.telegram.TelegramInput:",
    ]
    channels = create_http_input_channels(None, str(CREDENTIALS))
    assert [type(c) for c in channels] == [GuardedRestInput, ZaloInput, TelegramInput]


async def test_rasa_serves_rest_and_disabled_channels_without_channel_environment() -> None:
    channels = create_http_input_channels(None, str(CREDENTIALS))
    app = new_app()
    agent = StubAgent()
    app.ctx.agent = agent
    register(channels, app, route="/webhooks/")  # exactly what rasa.core.run.configure_app does
    async with serve_app(app) as served:
        response = await served.post(
            "/webhooks/rest/webhook", json.dumps({"sender": "me", "message": "xin chào"}).encode(), {"Content-Type": "application/json"}
        )
        assert response.status == 200
        assert json.loads(await response.text()) == [{"recipient_id": "me", "text": "chào bạn"}]
        for path in ("/webhooks/zalo/webhook", "/webhooks/telegram/webhook", "/webhooks/zalo/", "/webhooks/telegram/"):
            response = await served.post(path, b"{}", {"Content-Type": "application/json"}) if path.endswith("webhook") else await served.get(path)
            assert response.status == 503, path
            assert json.loads(await response.text())["status"] == "disabled"
    assert [m.text for m in agent.received] == ["xin chào"]
