"""The branch-by-branch schema check gives Rasa's verdict on every answer (bot/runtime/action_results.py)."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import validators
from rasa.core.actions.action import RemoteAction

from bot.runtime.action_results import ActionResultValidator
from tests.examples import examples

SCHEMA = RemoteAction.action_response_format_spec()
WHOLE = validators.validator_for(SCHEMA)(SCHEMA)
FAST = ActionResultValidator(SCHEMA)
BRANCHES = SCHEMA["properties"]["events"]["items"]["oneOf"]
EVENT_TYPES = [branch["properties"]["event"]["const"] for branch in BRANCHES]
FIELDS = sorted({name for branch in BRANCHES for name in branch.get("properties", {})} | {"timestamp", "metadata"})

# what this bot's action server answers (tests/actions compare such lists)
BOT_ANSWER: dict[str, Any] = {
    "events": [
        {"event": "slot", "timestamp": None, "name": "indicator", "value": "grdp_growth"},
        {"event": "slot", "timestamp": None, "name": "period", "value": "2024"},
        {"event": "bot", "timestamp": None, "metadata": {}, "text": "Tốc độ tăng GRDP…",
         "data": {"buttons": [{"title": "So với kế hoạch", "payload": "/ask_comparison"}]}},
    ],
    "responses": [{"text": "Tốc độ tăng GRDP…", "buttons": [], "elements": [], "custom": {}, "template": None,
                   "response": None, "image": None, "attachment": None}],
}

values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.sampled_from(FIELDS), children, max_size=3),
    max_leaves=6)

def plausible_event(branch: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    """Its own type's fields with simple values: valid about half of the time."""
    names = [name for name in branch.get("properties", {}) if name != "event"]
    simple = st.none() | st.text(max_size=5) | st.floats(allow_nan=False) | st.booleans()
    return st.fixed_dictionaries({"event": st.just(branch["properties"]["event"]["const"])},
                                 optional={name: simple for name in names})


events = st.one_of(
    st.sampled_from(BRANCHES).flatmap(plausible_event),
    st.fixed_dictionaries({"event": st.sampled_from([*EVENT_TYPES, "no_such_event"])},
                          optional={name: values for name in FIELDS if name != "event"}),
    st.dictionaries(st.sampled_from(FIELDS), values, max_size=3),
    values)
answers = st.one_of(
    st.fixed_dictionaries({}, optional={"events": st.lists(events, max_size=4) | values,
                                        "responses": st.lists(values, max_size=2) | values}),
    values)


@settings(max_examples=examples(600), derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(answers)
def test_the_verdict_is_rasas_on_any_answer(answer: Any) -> None:
    assert FAST.is_valid(answer) == WHOLE.is_valid(answer)


@settings(max_examples=examples(600), derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(events)
def test_the_verdict_is_rasas_on_any_single_event(event: Any) -> None:
    assert FAST.is_valid({"events": [event]}) == WHOLE.is_valid({"events": [event]})


def test_the_bots_own_answers_pass_and_a_broken_event_fails_as_rasa_says() -> None:
    assert WHOLE.is_valid(BOT_ANSWER) and FAST.first_error(BOT_ANSWER) is None
    broken = {"events": [{"event": "slot", "value": 1}]}  # no slot name
    error = FAST.first_error(broken)
    assert error is not None and not WHOLE.is_valid(broken)
    assert error.message == next(iter(sorted(WHOLE.iter_errors(broken), key=str))).message


def test_a_schema_of_another_shape_is_checked_whole() -> None:
    schema = {"type": "object", "properties": {"events": {"type": "array", "items": {"anyOf": [{"type": "object"}]}}}}
    validator = ActionResultValidator(schema)
    assert validator.is_valid({"events": [{}]})
    assert not validator.is_valid({"events": [1]})
