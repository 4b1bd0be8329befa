"""The process-wide adjustments of Rasa 3.6 (bot/runtime/), pinned to Rasa's code."""

from __future__ import annotations

import inspect

import pytest
import rasa
import rasa.core.actions.action as rasa_action
import rasa.core.processor
import rasa.server
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.utils.endpoints import EndpointConfig

import bot.runtime
from bot.runtime.adjustments import validate_action_results_with_one_validator
from bot.runtime.graph_runner import SequentialGraphRunner
from bot.settings import DEFAULT_ACTION_TIMEOUT, RuntimeSettings


@pytest.fixture(autouse=True)
def rasa_as_shipped(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever a test changes in Rasa is put back after it."""
    monkeypatch.setattr(rasa_action, "DEFAULT_REQUEST_TIMEOUT", 300)
    monkeypatch.setattr(RemoteAction, "_validate_action_result", RemoteAction._validate_action_result)
    monkeypatch.setattr(rasa.core.processor, "DaskGraphRunner", DaskGraphRunner)
    monkeypatch.setattr(EndpointConfig, "session", EndpointConfig.session)
    monkeypatch.setattr(rasa.server, "add_root_route", rasa.server.add_root_route)
    monkeypatch.setattr(bot.runtime, "_last", None)


def test_rasa_reads_the_timeout_constant_on_every_action_call() -> None:
    # The adjustment works only while Rasa passes the module constant at call time.
    assert "timeout=DEFAULT_REQUEST_TIMEOUT" in inspect.getsource(RemoteAction.run)


def test_adjusting_twice_changes_nothing_more() -> None:
    assert bot.runtime.apply(RuntimeSettings(action_timeout=6)).action_timeout == 6
    validator = RemoteAction._validate_action_result
    assert bot.runtime.apply(RuntimeSettings(action_timeout=6)).action_timeout == 6
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

    from bot.runtime.adjustments import hide_rasa_version
    from tests.channels.conftest import new_app, serve_app

    monkeypatch.setattr(rasa.server, "add_root_route", rasa.server.add_root_route)
    hide_rasa_version()
    new_app()  # test mode: several Sanic apps in one process
    app = run._create_app_without_api()
    async with serve_app(app) as served, served.client.get(served.url + "/") as response:
        body = await response.text()
        assert response.status == 200 and body == "Hello from Rasa"
        assert rasa.__version__ not in body and rasa.__version__ not in str(response.headers)


def test_another_rasa_is_refused_unless_the_adjustments_are_off() -> None:
    with pytest.raises(bot.runtime.RasaVersionMismatch, match=r"Rasa 3\.7\.0 is installed.*RASA_RUNTIME_ADJUSTMENTS=off"):
        bot.runtime.apply(RuntimeSettings(), rasa_version="3.7.0")
    assert rasa_action.DEFAULT_REQUEST_TIMEOUT == 300  # nothing applied
    applied = bot.runtime.apply(RuntimeSettings(adjustments=False), rasa_version="3.7.0")
    assert applied == bot.runtime.Applied()
    assert rasa_action.DEFAULT_REQUEST_TIMEOUT == 300
    assert rasa.core.processor.DaskGraphRunner is DaskGraphRunner


def test_the_pinned_rasa_is_the_installed_one() -> None:
    import rasa

    assert rasa.__version__ == bot.runtime.PINNED_RASA


def test_what_is_on_is_logged_once(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level("INFO", logger="bot.runtime"):
        applied = bot.runtime.apply(RuntimeSettings())
        bot.runtime.apply(RuntimeSettings())
    assert applied.on == ("action timeout", "one schema validator", "graphs run in order",
                          "kept-alive action connections", "no version at /")
    assert [r.getMessage() for r in caplog.records if r.name == "bot.runtime"] == [
        "Rasa runtime adjustments on: action timeout, one schema validator, graphs run in order, kept-alive action "
        "connections, no version at / (action-server calls time out after 5 s)"]


def test_an_adjustment_whose_rasa_code_moved_falls_back_to_rasas_path(monkeypatch: pytest.MonkeyPatch,
                                                                     caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.delattr(rasa_action, "DEFAULT_REQUEST_TIMEOUT")  # as if Rasa renamed it
    monkeypatch.delattr(rasa.core.processor, "DaskGraphRunner")
    with caplog.at_level("WARNING", logger="bot.runtime"):
        applied = bot.runtime.apply(RuntimeSettings())
    assert applied.on == ("one schema validator", "kept-alive action connections", "no version at /")
    assert applied.fell_back == {"action timeout": "rasa.core.actions.action has no DEFAULT_REQUEST_TIMEOUT",
                                 "graphs run in order": "rasa.core.processor has no DaskGraphRunner"}
    assert not hasattr(rasa_action, "DEFAULT_REQUEST_TIMEOUT")
    [warning] = [r.getMessage() for r in caplog.records if r.name == "bot.runtime"]
    assert "action timeout: Rasa's own path (rasa.core.actions.action has no DEFAULT_REQUEST_TIMEOUT)" in warning


def test_an_adjustment_that_fails_while_applied_never_stops_the_bot(monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.runtime import adjustments

    def broken() -> None:
        raise AttributeError("'RemoteAction' has no attribute 'action_response_format_spec'")

    monkeypatch.setattr(adjustments, "validate_action_results_with_one_validator", broken)
    applied = bot.runtime.apply(RuntimeSettings())
    assert applied.fell_back == {
        "one schema validator": "AttributeError: 'RemoteAction' has no attribute 'action_response_format_spec'"}
    assert "action timeout" in applied.on and rasa_action.DEFAULT_REQUEST_TIMEOUT == DEFAULT_ACTION_TIMEOUT


def test_rasas_source_still_reads_what_each_adjustment_replaces() -> None:
    from bot.runtime.adjustments import ADJUSTMENTS

    assert {a.name: a.check() for a in ADJUSTMENTS} == dict.fromkeys(
        ("action timeout", "one schema validator", "graphs run in order", "kept-alive action connections",
         "no version at /"))


def test_the_launcher_applies_the_adjustments_from_rasas_own_hook_before_the_command(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """`python -m bot.runtime run ...`: whatever channels credentials.yml names, the command runs adjusted."""
    import argparse
    import sys

    import rasa.__main__
    from rasa.plugin import plugin_manager

    from bot.runtime import __main__ as launcher

    seen: dict[str, object] = {}

    def rasa_main() -> None:  # what Rasa's main does around the command, in order
        seen["argv"] = list(sys.argv)
        plugin_manager().hook.configure_commandline(cmdline_arguments=argparse.Namespace())
        seen["runner"] = rasa.core.processor.DaskGraphRunner
        seen["timeout"] = rasa_action.DEFAULT_REQUEST_TIMEOUT

    monkeypatch.setattr(rasa.__main__, "main", rasa_main)
    monkeypatch.setattr(sys, "argv", ["python -m bot.runtime"])
    monkeypatch.setenv("ACTION_TIMEOUT_SECONDS", "7")
    try:
        launcher.main(["run", "--credentials", "no-rest-channel.yml"])
    finally:
        for plugin in [p for p in plugin_manager().get_plugins() if isinstance(p, launcher.RuntimePlugin)]:
            plugin_manager().unregister(plugin)
    assert seen == {"argv": ["rasa", "run", "--credentials", "no-rest-channel.yml"], "runner": SequentialGraphRunner,
                    "timeout": 7}


def test_the_launcher_stops_at_once_on_another_rasa(monkeypatch: pytest.MonkeyPatch) -> None:
    import rasa.__main__

    from bot.runtime import __main__ as launcher

    monkeypatch.setattr(rasa, "__version__", "3.6.20")
    monkeypatch.setattr(rasa.__main__, "main", lambda: pytest.fail("Rasa started"))
    with pytest.raises(SystemExit, match=r"bot.runtime: Rasa 3\.6\.20 is installed"):
        launcher.main(["run"])


def test_the_launcher_stops_at_once_on_a_bad_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    import rasa.__main__

    from bot.runtime import __main__ as launcher

    monkeypatch.setenv("MAX_CONCURRENT_TURNS", "many")
    monkeypatch.setattr(rasa.__main__, "main", lambda: pytest.fail("Rasa started"))
    with pytest.raises(SystemExit, match=r"^bot.runtime: MAX_CONCURRENT_TURNS must be a whole number of at least 1, "
                                         r"got 'many'$"):
        launcher.main(["run"])
