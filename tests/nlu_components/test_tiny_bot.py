"""The equivalence tests' small model is config.yml's pipeline and policies, with fewer epochs."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.nlu_components.conftest import TINY_BOT

ROOT = Path(__file__).resolve().parents[2]


def test_the_tiny_config_is_the_bots_but_for_the_epochs() -> None:
    ours = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    tiny = yaml.safe_load((TINY_BOT / "config.yml").read_text(encoding="utf-8"))
    for config in (ours, tiny):
        for component in config["pipeline"]:
            component.pop("epochs", None)
    assert tiny == ours
