"""Every action in the domain has a class; every intent has examples and a path."""

from pathlib import Path

import yaml
from rasa_sdk.executor import ActionExecutor

ROOT = Path(__file__).resolve().parents[2]


def _load_dir(folder: str) -> list[dict]:
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((ROOT / folder).rglob("*.yml"))]


def _domain() -> tuple[set[str], set[str]]:
    intents: set[str] = set()
    actions: set[str] = set()
    for part in _load_dir("domain"):
        intents |= set(part.get("intents") or [])
        actions |= set(part.get("actions") or [])
    return intents, actions


def test_every_custom_action_has_a_registered_class() -> None:
    executor = ActionExecutor()
    executor.register_package("actions")
    _, actions = _domain()
    assert actions <= set(executor.actions), actions - set(executor.actions)


def test_every_intent_has_at_least_forty_examples() -> None:
    intents, _ = _domain()
    counts: dict[str, int] = {}
    for part in _load_dir("data/nlu"):
        for block in part.get("nlu") or []:
            if "intent" in block:
                counts[block["intent"]] = counts.get(block["intent"], 0) + len(
                    [line for line in block["examples"].splitlines() if line.strip().startswith("- ")]
                )
    assert {i: counts.get(i, 0) for i in intents if counts.get(i, 0) < 40} == {}


def test_every_intent_has_a_rule_or_story() -> None:
    intents, _ = _domain()
    used: set[str] = set()
    for folder in ("data/rules", "data/stories"):
        for part in _load_dir(folder):
            for flow in (part.get("rules") or []) + (part.get("stories") or []):
                used |= {step["intent"] for step in flow["steps"] if "intent" in step}
    assert intents - used == set()


def test_every_intent_is_exercised_by_a_conversation_test() -> None:
    intents, _ = _domain()
    tested: set[str] = set()
    for part in _load_dir("tests/stories"):
        for story in part.get("stories") or []:
            tested |= {step["intent"] for step in story["steps"] if "intent" in step}
    assert intents - tested == set()
