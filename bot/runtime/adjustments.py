"""The five adjustments to Rasa 3.6's runtime, each with the check that Rasa's code is
still the code it adjusts (`bot/runtime/__init__.py` applies them at start-up).

* Rasa gives up on the action server after `ACTION_TIMEOUT_SECONDS` (default 5)
  instead of its fixed 5 minutes.
* Action-server answers are checked against Rasa's schema with a validator built
  once, instead of re-checking the schema itself on every call.
* The model's graph runs node after node without dask (bot/runtime/graph_runner.py).
* Calls to the action server reuse kept-alive connections (bot/runtime/action_connections.py).
* `GET /` says "Hello from Rasa" without Rasa's version (a prober learns which
  advisories to try from it).

Rasa offers no setting for any of them. Each is applied only when its check finds
the Rasa code it relies on (a module constant read at call time, a method to replace,
a private attribute); otherwise Rasa's own path stays, with a warning. Applying one
again changes nothing. `tests/security/test_rasa_runtime.py` pins them to Rasa 3.6.21.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

_ONE_VALIDATOR = "_one_validator"  # marks Rasa's method once replaced


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
    (bot/runtime/action_results.py): the same answers pass, the same errors are raised.
    """
    from jsonschema import ValidationError
    from rasa.core.actions.action import RemoteAction

    from bot.runtime.action_results import ActionResultValidator

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


def run_graphs_in_order() -> None:
    from bot.runtime.graph_runner import run_graphs_in_order as replace_runner

    replace_runner()


def reuse_action_connections() -> None:
    from bot.runtime.action_connections import reuse_action_connections as replace_session

    replace_session()


# --- what each adjustment relies on in Rasa's code: None when it is there, else why not


def _source_has(function: Any, *needles: str) -> str | None:
    source = inspect.getsource(function)
    missing = [needle for needle in needles if needle not in source]
    if missing:
        return f"{function.__module__}.{function.__qualname__} no longer contains {', '.join(map(repr, missing))}"
    return None


def _timeout_check() -> str | None:
    import rasa.core.actions.action as rasa_action

    if not hasattr(rasa_action, "DEFAULT_REQUEST_TIMEOUT"):
        return "rasa.core.actions.action has no DEFAULT_REQUEST_TIMEOUT"
    return _source_has(rasa_action.RemoteAction.run, "timeout=DEFAULT_REQUEST_TIMEOUT")


def _validator_check() -> str | None:
    from rasa.core.actions.action import RemoteAction

    for name in ("_validate_action_result", "action_response_format_spec"):
        if not hasattr(RemoteAction, name):
            return f"RemoteAction has no {name}"
    return _source_has(RemoteAction.run, "self._validate_action_result(")


def _graph_runner_check() -> str | None:
    import rasa.core.processor
    from rasa.engine.runner.dask import DaskGraphRunner

    if getattr(rasa.core.processor, "DaskGraphRunner", None) is None:
        return "rasa.core.processor has no DaskGraphRunner"
    return (_source_has(rasa.core.processor.MessageProcessor._load_model, "DaskGraphRunner,")
            or _source_has(DaskGraphRunner.__init__, "self._graph_schema", "self._instantiated_nodes"))


def _connections_check() -> str | None:
    from rasa.utils.endpoints import EndpointConfig

    return (_source_has(EndpointConfig.request, "async with self.session() as session")
            or _source_has(EndpointConfig.__init__, "self.headers", "self.basic_auth"))


def _root_route_check() -> str | None:
    import rasa.core.run
    import rasa.server

    if not hasattr(rasa.server, "add_root_route"):
        return "rasa.server has no add_root_route"
    return _source_has(rasa.core.run._create_app_without_api, "server.add_root_route(app)")


@dataclass(frozen=True)
class Adjustment:
    name: str  # as the start-up log names it
    check: Callable[[], str | None]  # None when Rasa's code is the code this adjusts
    apply: Callable[[float], None]  # given the action timeout in seconds


ADJUSTMENTS = (
    Adjustment("action timeout", _timeout_check, limit_action_calls),
    Adjustment("one schema validator", _validator_check, lambda _: validate_action_results_with_one_validator()),
    Adjustment("graphs run in order", _graph_runner_check, lambda _: run_graphs_in_order()),
    Adjustment("kept-alive action connections", _connections_check, lambda _: reuse_action_connections()),
    Adjustment("no version at /", _root_route_check, lambda _: hide_rasa_version()),
)
