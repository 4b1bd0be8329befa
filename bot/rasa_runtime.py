"""Five process-wide adjustments to Rasa 3.6's runtime, for `rasa run` with this bot.

* Rasa gives up on the action server after `ACTION_TIMEOUT_SECONDS` (default 5)
  instead of its fixed 5 minutes.
* Action-server answers are checked against Rasa's schema with a validator built
  once, instead of re-checking the schema itself on every call.
* The model's graph runs node after node without dask (bot/graph_runner.py).
* Calls to the action server reuse kept-alive connections (bot/action_connections.py).
* `GET /` says "Hello from Rasa" without Rasa's version (a prober learns which
  advisories to try from it).

Rasa offers no setting and no start-up hook for any; the hook it does give is the
creation of the input channels from credentials.yml, which `rasa run` does before it
loads the model, so the REST channel (`bot/channels/guarded_rest.py`) calls
`adjust_rasa_runtime()` from `from_credentials`. Applying it again changes nothing.
A Rasa upgrade must re-check all five (`tests/security/test_rasa_runtime.py` pins
them).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from typing import Any

from bot.action_connections import reuse_action_connections
from bot.action_results import ActionResultValidator
from bot.env import env_number
from bot.graph_runner import run_graphs_in_order

logger = logging.getLogger(__name__)

DEFAULT_ACTION_TIMEOUT = 5.0  # seconds
_ONE_VALIDATOR = "_one_validator"  # marks Rasa's method once replaced


def action_timeout_from_env(env: Mapping[str, str] | None = None) -> float:
    """`ACTION_TIMEOUT_SECONDS`, at least 1; unset or empty means the default."""
    return env_number(os.environ if env is None else env, "ACTION_TIMEOUT_SECONDS", DEFAULT_ACTION_TIMEOUT, 1)


def limit_action_calls(seconds: float) -> None:
    """Make Rasa give up on the action server after `seconds` instead of 5 minutes.

    Rasa 3.6 passes the module constant `DEFAULT_REQUEST_TIMEOUT` (300 s) to every
    action-server call and offers no setting for it (`action_endpoint` keys other than
    url/token/headers are ignored). A timed-out call is logged and the bot carries on
    with no message, which the REST channel turns into an apology.
    """
    import rasa.core.actions.action as rasa_action

    rasa_action.DEFAULT_REQUEST_TIMEOUT = seconds


def validate_action_results_with_one_validator() -> None:
    """Check action-server answers against Rasa's schema without re-checking the schema.

    Rasa 3.6 validates every action-server answer with `jsonschema.validate(result,
    schema)`, which first validates the (constant, large) events schema against the
    JSON Schema meta-schema: about 20 ms of CPU per custom action, more than half of a
    whole turn of this bot (docs/BENCHMARKS.md). The same check, with the validator
    built once and each event checked against its own type's schema only
    (bot/action_results.py): the same answers pass, the same errors are raised.
    """
    from jsonschema import ValidationError
    from rasa.core.actions.action import RemoteAction

    if getattr(RemoteAction._validate_action_result, _ONE_VALIDATOR, False):
        return
    validator = ActionResultValidator(RemoteAction.action_response_format_spec())
    original = RemoteAction._validate_action_result

    def _validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
        error = validator.first_error(result)
        if error is None:
            return True
        try:
            original(self, result)  # Rasa's own message and exception for the failure
        except ValidationError:
            raise
        raise error

    setattr(_validate_action_result, _ONE_VALIDATOR, True)
    RemoteAction._validate_action_result = _validate_action_result


ROOT_REPLY = "Hello from Rasa"


def hide_rasa_version() -> None:
    """Rasa's `/` route without the version: `rasa run` adds it through `rasa.server.add_root_route`
    after the input channels are created, so replacing that function here is in time."""
    import rasa.server
    from sanic import response

    if getattr(rasa.server.add_root_route, _ONE_VALIDATOR, False):
        return

    def add_root_route(app: Any) -> None:
        @app.get("/")
        async def hello(request: Any) -> Any:
            return response.text(ROOT_REPLY)

    setattr(add_root_route, _ONE_VALIDATOR, True)
    rasa.server.add_root_route = add_root_route


def adjust_rasa_runtime(env: Mapping[str, str] | None = None) -> float:
    """Apply the five adjustments (idempotent); returns the action timeout in force."""
    seconds = action_timeout_from_env(env)
    hide_rasa_version()
    limit_action_calls(seconds)
    validate_action_results_with_one_validator()
    run_graphs_in_order()
    reuse_action_connections()
    logger.info("Rasa runtime: action-server calls time out after %.0f s over kept-alive connections; "
                "one schema validator; graphs run in order; no version at /", seconds)
    return seconds
