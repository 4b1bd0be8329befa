"""The small model the equivalence tests need, trained here: they never skip for want of a model."""

from __future__ import annotations

from pathlib import Path

import pytest

TINY_BOT = Path(__file__).resolve().parent / "tiny_bot"


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """config.yml's pipeline and policies (fewer epochs) trained on tiny_bot/'s four intents."""
    from rasa.model_training import train

    out = tmp_path_factory.mktemp("tiny-model")
    result = train(domain=str(TINY_BOT / "domain.yml"), config=str(TINY_BOT / "config.yml"),
                   training_files=[str(TINY_BOT / "data.yml")], output=str(out), fixed_model_name="tiny")
    if result.code != 0 or not result.model or not Path(result.model).exists():
        pytest.fail(f"could not train the equivalence tests' model from {TINY_BOT} (code {result.code})")
    return Path(result.model)
