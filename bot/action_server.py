"""The action server: rasa-sdk's Sanic app, on loopback, behind a shared secret.

    python -m bot.action_server [--host 127.0.0.1] [--port 5055] [--actions actions]

Replaces `rasa run actions`, which listens on every interface, runs any action for
anyone who can reach the port (a forged tracker writes feedback rows, for instance),
and answers a failing action with a 500 whose body holds the exception's message and
the whole request: the resident's conversation, which Rasa then writes to its log.
Here, on top of rasa-sdk's own `create_app` (same routes, same executor):

* every route but `/health` needs the header `X-Action-Token` equal to
  `ACTION_SERVER_TOKEN` (compared in constant time); without it: 401. Rasa sends it
  from `action_endpoint.headers` in endpoints.yml. The server refuses to start
  without a token of at least 16 characters;
* it binds 127.0.0.1 unless told otherwise (`--host`, `ACTION_SERVER_HOST`);
* an action that raises is answered 500 `{"error": "action failed"}`: no message, no
  request data. The log line names the exception's type and place only
  (`bot.channels.tasks.describe_failure`), never its message, which can quote the
  resident's words;
* CORS is off (rasa-sdk allows every origin by default): only Rasa calls this server.
"""

from __future__ import annotations

import argparse
import hmac
import logging
import sys
from typing import Any

from sanic import Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.tasks import describe_failure
from bot.settings import MIN_TOKEN_CHARS, current_settings
from knowledge import current_settings as knowledge_settings

logger = logging.getLogger(__name__)

TOKEN_HEADER = "X-Action-Token"
OPEN_PATHS = frozenset({"/health"})


def create_app(token: str, actions: str = "actions") -> Sanic:
    """rasa-sdk's app for the `actions` package, with the token check and quiet errors."""
    if len(token) < MIN_TOKEN_CHARS:
        raise ValueError(f"the action server token must have at least {MIN_TOKEN_CHARS} characters")
    from rasa_sdk.endpoint import create_app as sdk_create_app

    app = sdk_create_app(actions, cors_origins=None)
    expected = token.encode()

    @app.middleware("request")
    async def require_token(request: Request) -> HTTPResponse | None:
        if request.path in OPEN_PATHS:
            return None
        given = (request.headers.get(TOKEN_HEADER) or "").encode("utf-8", "replace")
        if not hmac.compare_digest(given, expected):
            logger.warning("action server: 401 %s %s (from %s)", request.method, request.path, request.ip)
            return response.json({"error": "unauthorized"}, status=401)
        return None

    # Registered after rasa-sdk's handler for the same class, so it replaces it.
    @app.exception(Exception)
    async def quiet_failure(request: Request, exception: Exception) -> HTTPResponse:
        status = getattr(exception, "status_code", 500)
        if not isinstance(status, int) or not 400 <= status < 600:
            status = 500
        if status >= 500:
            logger.error("action server: %s on %s", describe_failure(exception), request.path)
        return response.json({"error": "action failed" if status >= 500 else "bad request"}, status=status)

    return app


def warm_knowledge_base() -> None:
    """Answer a few questions once so the first resident does not wait for the indexes to build."""
    from actions.knowledge_access import shared_knowledge_base
    from actions.warm import warm_up

    try:
        warm_up(shared_knowledge_base())
    except Exception as error:  # a missing database is reported by the first action, as before
        logger.warning("action server: knowledge base not warmed up (%s)", type(error).__name__)


def main(argv: list[str] | None = None) -> None:
    try:  # the bot's settings and the knowledge base's (feedback), all checked before anything starts
        settings = current_settings().action_server
        token = settings.required_token()
        knowledge_settings()
    except ValueError as error:  # SettingsError of either package, naming the variable
        sys.exit(f"action server: {error}")
    parser = argparse.ArgumentParser(prog="python -m bot.action_server", description=__doc__.splitlines()[0])
    parser.add_argument("--host", default=settings.host)
    parser.add_argument("--port", type=int, default=settings.port)
    parser.add_argument("--actions", default="actions")
    args = parser.parse_args(argv)
    from rasa_sdk import utils
    from rasa_sdk.plugin import plugin_manager

    utils.configure_colored_logging("INFO")
    utils.update_sanic_log_level()
    app = create_app(token, args.actions)
    plugin_manager().hook.attach_sanic_app_extensions(app=app)
    warm_knowledge_base()
    logger.info("Action server on http://%s:%s (token required)", args.host, args.port)
    run_options: dict[str, Any] = {"workers": 1, "access_log": False}
    app.run(args.host, args.port, **run_options)


if __name__ == "__main__":
    main()
