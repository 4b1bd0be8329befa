"""Rasa's schema check of action-server answers, done branch by branch.

Rasa's events schema is a `oneOf` over 23 event schemas, each fixing `event` to its
own constant. jsonschema evaluates every branch in full for every event to make sure
exactly one matches; with this bot's answers that was the largest single cost of a
turn left in the Rasa process (docs/BENCHMARKS.md). An event can only satisfy the
branch whose constant is its own `event`, so checking the shared part and that one
branch gives the same verdict. A failing answer is re-checked with the whole schema,
so errors read exactly as before.
"""

from __future__ import annotations

import copy
from typing import Any

from jsonschema import validators
from jsonschema.exceptions import ValidationError, best_match


class ActionResultValidator:
    def __init__(self, schema: dict[str, Any]) -> None:
        validator_class = validators.validator_for(schema)
        validator_class.check_schema(schema)
        self._whole = validator_class(schema)
        self._outer, self._by_event = _split_on_event_type(schema, validator_class)

    def is_valid(self, result: Any) -> bool:
        if self._by_event is None:
            return bool(self._whole.is_valid(result))
        if not self._outer.is_valid(result):
            return False
        events = result.get("events") if isinstance(result, dict) else None
        if not isinstance(events, list):
            return True  # the outer schema accepted what is there instead
        return all(self._event_is_valid(event) for event in events)

    def _event_is_valid(self, event: Any) -> bool:
        assert self._by_event is not None
        if not isinstance(event, dict) or not isinstance(event.get("event"), str):
            return False
        branch = self._by_event.get(event["event"])
        return branch is not None and bool(branch.is_valid(event))

    def first_error(self, result: Any) -> ValidationError | None:
        """None for a valid answer, else the error Rasa's own check reports."""
        if self.is_valid(result):
            return None
        error: ValidationError | None = best_match(self._whole.iter_errors(result))
        return error


def _split_on_event_type(schema: dict[str, Any], validator_class: Any) -> tuple[Any, dict[Any, Any] | None]:
    """The schema without the events' `oneOf`, and one validator per event constant.

    (whole, None) when the schema is not of that shape, e.g. after a Rasa upgrade."""
    try:
        items = schema["properties"]["events"]["items"]
        branches = items["oneOf"]
        constants = [branch["properties"]["event"]["const"] for branch in branches]
    except (KeyError, TypeError):
        return validator_class(schema), None
    if len(set(map(repr, constants))) != len(constants) or set(items) - {"type", "properties", "required", "oneOf"}:
        return validator_class(schema), None
    shared = {key: value for key, value in items.items() if key != "oneOf"}
    outer = copy.deepcopy(schema)
    outer["properties"]["events"]["items"] = {}
    by_event = {constant: validator_class({"allOf": [shared, branch]}) for constant, branch in zip(constants, branches, strict=False)}
    return validator_class(outer), by_event
