"""The process-wide adjustments of Rasa 3.6 (bot/rasa_runtime.py), pinned to Rasa's code."""

from __future__ import annotations

import inspect

import pytest
import rasa.core.actions.action as rasa_action
import rasa.core.processor
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.utils.endpoints import EndpointConfig

from bot.graph_runner import SequentialGraphRunner
from bot.rasa_runtime import (
    DEFAULT_ACTION_TIMEOUT,
    action_timeout_from_env,
    adjust_rasa_runtime,
    validate_action_results_with_one_validator,
)


@pytest.fixture(autouse=True)
def rasa_as_shipped(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever a test changes in Rasa is put back after it."""
    monkeypatch.setattr(rasa_action, "DEFAULT_REQUEST_TIMEOUT", 300)
    monkeypatch.setattr(RemoteAction, "_validate_action_result", RemoteAction._validate_action_result)
    monkeypatch.setattr(rasa.core.processor, "DaskGraphRunner", DaskGraphRunner)
    monkeypatch.setattr(EndpointConfig, "session", EndpointConfig.session)


def test_rasa_reads_the_timeout_constant_on_every_action_call() -> None:
    # The adjustment works only while Rasa passes the module constant at call time.
    assert "timeout=DEFAULT_REQUEST_TIMEOUT" in inspect.getsource(RemoteAction.run)


def test_the_action_timeout_comes_from_the_environment() -> None:
    assert action_timeout_from_env({"ACTION_TIMEOUT_SECONDS": "4"}) == 4
    assert action_timeout_from_env({}) == action_timeout_from_env({"ACTION_TIMEOUT_SECONDS": " "}) == DEFAULT_ACTION_TIMEOUT
    with pytest.raises(ValueError, match="ACTION_TIMEOUT_SECONDS must be a number"):
        action_timeout_from_env({"ACTION_TIMEOUT_SECONDS": "soon"})
    with pytest.raises(ValueError, match="at least 1"):
        action_timeout_from_env({"ACTION_TIMEOUT_SECONDS": "0.5"})


def test_adjusting_twice_changes_nothing_more() -> None:
    assert adjust_rasa_runtime({"ACTION_TIMEOUT_SECONDS": "6"}) == 6
    validator = RemoteAction._validate_action_result
    assert adjust_rasa_runtime({"ACTION_TIMEOUT_SECONDS": "6"}) == 6
    assert rasa_action.DEFAULT_REQUEST_TIMEOUT == 6
    assert RemoteAction._validate_action_result is validator  # not wrapped a second time
    assert getattr(validator, "_one_validator", False)
    assert rasa.core.processor.DaskGraphRunner is SequentialGraphRunner
    assert getattr(EndpointConfig.session, "_shared_pool", False)


def test_action_results_are_validated_as_rasa_does_with_one_validator() -> None:
    validate_action_results_with_one_validator()
    action = RemoteAction("action_answer_indicator", None)
    good = {"events": [{"event": "slot", "name": "indicator", "value": "grdp_growth", "timestamp": None}],
            "responses": [{"text": "11,01%"}]}
    assert action._validate_action_result(good) is True
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        action._validate_action_result({"events": [{"event": "no_such_event"}], "responses": []})
    with pytest.raises(ValidationError):
        action._validate_action_result({"events": "not a list"})


async def test_rasas_root_route_names_no_version(monkeypatch: pytest.MonkeyPatch) -> None:
    """`rasa run` without the API still serves `/`; it said "Hello from Rasa: 3.6.21"."""
    import rasa
    import rasa.server
    from rasa.core import run

    from bot.rasa_runtime import hide_rasa_version
    from tests.channels.conftest import new_app, serve_app

    monkeypatch.setattr(rasa.server, "add_root_route", rasa.server.add_root_route)
    hide_rasa_version()
    new_app()  # test mode: several Sanic apps in one process
    app = run._create_app_without_api()
    async with serve_app(app) as served, served.client.get(served.url + "/") as response:
        body = await response.text()
        assert response.status == 200 and body == "Hello from Rasa"
        assert rasa.__version__ not in body and rasa.__version__ not in str(response.headers)
