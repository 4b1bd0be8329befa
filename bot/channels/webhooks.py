"""Webhook request checks shared by the channels, and the blueprint of a disabled channel.

Every rejection is a 4xx with a log line: a malformed or oversized request is the
sender's fault and must never surface as a 500 (nor reach the bot).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from .store_watch import watch_tracker_store

logger = logging.getLogger(__name__)

# Text updates are a few kilobytes; this leaves room for long messages and metadata.
MAX_BODY_BYTES = 256 * 1024


def reject(channel: str, status: int, reason: str, request: Request) -> HTTPResponse:
    logger.warning("%s webhook: %d %s (from %s)", channel, status, reason, request.remote_addr or request.ip)
    return response.json({"status": "rejected", "reason": reason}, status=status)


def check_body(channel: str, request: Request) -> HTTPResponse | None:
    """A 413 or 415 response for a body this webhook will not read, else None."""
    if len(request.body or b"") > MAX_BODY_BYTES:
        return reject(channel, 413, "body too large", request)
    media_type = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
    if media_type != "application/json":
        return reject(channel, 415, "content type must be application/json", request)
    return None


def json_object(channel: str, request: Request) -> dict[str, Any] | HTTPResponse:
    """The body as a JSON object, or a 400 response."""
    try:
        payload = json.loads(request.body)
    except (ValueError, UnicodeDecodeError, RecursionError):  # deep nesting raises RecursionError
        return reject(channel, 400, "body is not valid JSON", request)
    if not isinstance(payload, dict):
        return reject(channel, 400, "body is not a JSON object", request)
    return payload


def ok() -> HTTPResponse:
    return response.json({"status": "ok"})


def disabled_blueprint(name: str, channel: str, reason: str) -> Blueprint:
    """Routes that answer 503, so a channel without its environment keeps `rasa run` working.

    The routes exist (rather than none) so that a webhook pointed at a switched-off
    channel gets a clear "disabled" instead of a bare 404.
    """
    blueprint = Blueprint(name)

    async def disabled(request: Request) -> HTTPResponse:
        logger.info("%s channel is disabled (%s): %s %s answered 503", channel, reason, request.method, request.path)
        return response.json({"status": "disabled", "reason": reason}, status=503)

    blueprint.add_route(disabled, "/", methods=["GET"], name="health")
    blueprint.add_route(disabled, "/webhook", methods=["GET", "POST"], name="webhook")
    return blueprint


def channel_blueprint(
    name: str,
    receive: Callable[[Request], Awaitable[HTTPResponse]],
    on_start: Callable[[], Awaitable[None]] | None = None,
    on_stop: Callable[[], Awaitable[None]] | None = None,
) -> Blueprint:
    """The routes every connector serves: a health check at `/` and the webhook at `/webhook`."""
    blueprint = Blueprint(name)

    async def health(_: Request) -> HTTPResponse:
        return response.json({"status": "ok"})

    async def webhook(request: Request) -> HTTPResponse:
        watch_tracker_store(request.app)  # the agent exists once the server runs
        return await receive(request)

    blueprint.add_route(health, "/", methods=["GET"], name="health")
    blueprint.add_route(webhook, "/webhook", methods=["POST"], name="webhook")
    if on_start is not None:
        start = on_start

        async def started(*_: Any) -> None:
            await start()

        blueprint.listener("after_server_start")(started)
    if on_stop is not None:
        stop = on_stop

        async def stopping(*_: Any) -> None:
            await stop()

        blueprint.listener("before_server_stop")(stopping)
    return blueprint
