"""The web chat page on :8080 and a same-origin proxy to Rasa's REST channel.

    python -m bot.web [--host 127.0.0.1] [--port 8080] [--rasa-url http://127.0.0.1:5005/webhooks/rest/webhook]

Serves `web/index.html` at `/`, the page's own files under `/static/`, and the chat
component's browser bundle from `web/node_modules/deep-chat/dist/` (installed by
`npm ci` in `web/`; nothing is fetched from a CDN). `POST /webhooks/rest/webhook`
is forwarded to Rasa, so the page talks to one origin and needs no CORS.
Settings come from the environment (`WEB_HOST`, `WEB_PORT`, `RASA_REST_URL`, read by
`bot/settings.py`) or the command line. Design notes: docs/WEB.md.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import web

from bot.settings import DEFAULT_RASA_URL, SettingsError, current_settings

WEB_DIR = Path(__file__).resolve().parent.parent / "web"
VENDOR_PREFIX = "/node_modules/deep-chat/dist"
# A sanity bound only: the REST channel itself answers long messages politely (its own,
# lower limit; bot/channels/guarded_rest.py), and the page stops typing at 1000 characters.
MAX_MESSAGE_CHARS = 4000
MAX_SENDER_CHARS = 128
RASA_TIMEOUT = aiohttp.ClientTimeout(total=60, connect=5)

# deep-chat renders into a shadow root and sets inline styles, hence 'unsafe-inline' for
# styles only; scripts come from this origin alone, so injected markup cannot run code.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; "
        "base-uri 'none'; frame-ancestors 'none'; form-action 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}

log = logging.getLogger(__name__)

RASA_URL_KEY = web.AppKey("rasa_url", str)
CLIENT_KEY = web.AppKey("client", aiohttp.ClientSession)


@web.middleware
async def security_headers(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    response = await handler(request)
    response.headers.update(SECURITY_HEADERS)
    return response


async def hide_server_version(request: web.Request, response: web.StreamResponse) -> None:
    """aiohttp names itself and Python's version in `Server` on every answer, errors included."""
    response.headers["Server"] = "hp-assistant"


async def index(request: web.Request) -> web.FileResponse:
    return web.FileResponse(WEB_DIR / "index.html", headers={"Cache-Control": "no-cache"})


async def health(request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


def _error(status: int, message: str) -> web.Response:
    return web.json_response({"error": message}, status=status)


async def proxy_to_rasa(request: web.Request) -> web.Response:
    """Forward `{"sender", "message"}` to Rasa and return its list of messages unchanged."""
    try:
        body: Any = await request.json()
    except (ValueError, RecursionError):  # deeply nested JSON raises RecursionError
        return _error(400, "body must be JSON")
    if not isinstance(body, dict):
        return _error(400, "body must be a JSON object")
    sender, message = body.get("sender"), body.get("message")
    if (not isinstance(sender, str) or not sender.strip() or len(sender) > MAX_SENDER_CHARS
            or not sender.isprintable()):
        return _error(400, f"sender must be a string of 1 to {MAX_SENDER_CHARS} printable characters")
    if not isinstance(message, str) or not message.strip() or len(message) > MAX_MESSAGE_CHARS:
        return _error(400, f"message must be a non-empty string of at most {MAX_MESSAGE_CHARS} characters")
    client = request.app[CLIENT_KEY]
    try:
        # Rasa's REST channel limits each address: it is told the resident's, not ours.
        forwarded = {"X-Forwarded-For": request.remote or ""}
        async with client.post(request.app[RASA_URL_KEY], json={"sender": sender, "message": message},
                               headers=forwarded) as upstream:
            if 400 <= upstream.status < 500:
                # The resident's request was refused by the channel's own checks: say so, not "Rasa is down".
                return _error(400, "the message was refused")
            if upstream.status != 200:
                log.warning("Rasa answered HTTP %s", upstream.status)
                return _error(502, f"Rasa answered HTTP {upstream.status}")
            messages = await upstream.json(content_type=None)
    except (aiohttp.ClientError, TimeoutError, ValueError) as exc:
        log.warning("Rasa unreachable at %s: %r", request.app[RASA_URL_KEY], exc)
        return _error(502, "Rasa is unreachable")
    if not isinstance(messages, list):
        return _error(502, "Rasa answered something other than a list")
    return web.json_response(messages)


async def _client_context(app: web.Application) -> AsyncIterator[None]:
    async with aiohttp.ClientSession(timeout=RASA_TIMEOUT) as client:
        app[CLIENT_KEY] = client
        yield


def create_app(rasa_url: str = DEFAULT_RASA_URL, web_dir: Path = WEB_DIR) -> web.Application:
    """The page server; fails early, naming the fix, when the chat component is not installed."""
    vendor_dir = web_dir / "node_modules" / "deep-chat" / "dist"
    if not (vendor_dir / "deepChat.bundle.js").is_file():
        raise FileNotFoundError(
            f"{vendor_dir}/deepChat.bundle.js is missing; install it with: cd web && npm ci  (or: make web/node_modules)"
        )
    app = web.Application(middlewares=[security_headers], client_max_size=64 * 1024)
    app.on_response_prepare.append(hide_server_version)  # type: ignore[arg-type]
    app[RASA_URL_KEY] = rasa_url
    app.cleanup_ctx.append(_client_context)
    app.router.add_get("/", index)
    app.router.add_get("/health", health)
    app.router.add_post("/webhooks/rest/webhook", proxy_to_rasa)
    app.router.add_static("/static/", web_dir / "static")
    app.router.add_static(VENDOR_PREFIX, vendor_dir)
    return app


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bot.web", description="Serve the chat page and proxy to Rasa.")
    try:
        settings = current_settings().web
    except SettingsError as error:
        sys.exit(f"bot.web: {error}")
    parser.add_argument("--host", default=settings.host)
    parser.add_argument("--port", type=int, default=settings.port)
    parser.add_argument("--rasa-url", default=settings.rasa_url)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app = create_app(args.rasa_url)
    log.info("Chat page on http://%s:%s/ (Rasa at %s)", args.host, args.port, args.rasa_url)
    web.run_app(app, host=args.host, port=args.port, print=None)


if __name__ == "__main__":
    main()
