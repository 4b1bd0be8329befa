"""Residents' text that starts with "/": a button payload of ours, or plain words.

Rasa reads any message starting with "/" as an intent with entities, skipping NLU:
"/restart" and "/session_start" run Rasa's built-in commands (a resident wipes their
own conversation, or — before conversations were namespaced — someone else's), and
`/ask_indicator{"period": "Xem http://…"}` hands an action any entity value. Rasa also
logs a malformed one at WARNING with the whole text.

Every channel passes the resident's text through `screen` before Rasa sees it. A
payload is kept only when it is one the bot itself offers: an intent of `PAYLOAD_INTENTS`
with only the entities that intent's buttons carry, each a string matching its schema
(actions/entity_values.py, the same schemas the actions check). Anything else that
starts with "/" loses its leading slashes and goes to NLU as words, so Rasa's built-in
intents (`restart`, `session_start`, `back`, `nlu_fallback`, …) are out of reach.
"""

from __future__ import annotations

import json
import re

from actions.entity_values import valid_value

# The intents the bot's own buttons and channel greetings send, and the entities each may carry.
PAYLOAD_INTENTS: dict[str, frozenset[str]] = {
    name: frozenset(entities)
    for name, entities in {
        "greet": (),
        "help": (),
        "show_more": (),
        "feedback": ("rating",),
        "ask_indicator": ("indicator", "period", "year", "value_kind", "comparison"),
        "ask_comparison": ("indicator", "period", "year", "comparison"),
        "list_indicators": ("year", "indicator_group"),
        "ask_project": ("project",),
        "list_projects": ("project_group", "funding", "year"),
        "ask_policy": ("policy",),
    }.items()
}
_PAYLOAD = re.compile(r"/([a-z_]{1,40})(\{.*\})?", re.DOTALL | re.ASCII)
_LEADING = re.compile(r"^[\s/]+")
MAX_PAYLOAD_CHARS = 400


def allowed_payload(text: str) -> bool:
    """True when `text` is a payload the bot offers: known intent, known entities, valid values."""
    if len(text) > MAX_PAYLOAD_CHARS:
        return False
    match = _PAYLOAD.fullmatch(text)
    if match is None or match.group(1) not in PAYLOAD_INTENTS:
        return False
    if match.group(2) is None:
        return True
    try:
        entities = json.loads(match.group(2))
    except (ValueError, RecursionError):
        return False
    if not isinstance(entities, dict) or not entities:
        return False
    allowed = PAYLOAD_INTENTS[match.group(1)]
    return all(name in allowed and valid_value(name, value) for name, value in entities.items())


def screen(text: str) -> str:
    """The text Rasa may see: an allowed payload as it is, anything else without leading slashes."""
    stripped = text.strip()
    if not stripped.startswith("/"):
        return text
    if allowed_payload(stripped):
        return stripped
    return _LEADING.sub("", stripped)
