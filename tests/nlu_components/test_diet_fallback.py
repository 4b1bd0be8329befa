"""NumpyDIETClassifier leaves a model it cannot read to Rasa's TensorFlow path (bot/nlu/diet.py).

No trained model needed: the model objects here are stand-ins shaped like Rasa 3.6.21's DIET."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest
from rasa.utils.tensorflow.constants import ENTITY_RECOGNITION, INTENT_CLASSIFICATION

from bot.nlu.diet import IntentScorer, NumpyDIETClassifier


def model_with(sequence_layers: dict[str, Any]) -> Any:
    return SimpleNamespace(config={INTENT_CLASSIFICATION: True, ENTITY_RECOGNITION: False},
                           all_labels_embed=np.zeros((2, 4)),
                           _tf_layers={"sequence_layer.text": SimpleNamespace(_has_transformer=False,
                                                                              _tf_layers=sequence_layers)})


@pytest.mark.parametrize("layers", [
    {"combining_features": SimpleNamespace(_tf_layers={})},  # "feature_combining" renamed
    {"feature_combining": SimpleNamespace(layers={})},  # its `_tf_layers` renamed
], ids=["layer renamed", "attribute renamed"])
def test_a_renamed_private_layer_falls_back_with_a_warning(layers: dict[str, Any],
                                                           caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level("WARNING", logger="bot.nlu.diet"):
        assert IntentScorer.from_model(model_with(layers)) is None
    [record] = caplog.records
    assert record.getMessage().startswith("DIET's layers are not as in Rasa 3.6.21 (")
    assert record.getMessage().endswith("): intents are predicted by Rasa's TensorFlow path")


def classifier_with(model: Any) -> NumpyDIETClassifier:
    diet = NumpyDIETClassifier.__new__(NumpyDIETClassifier)
    diet.model = model
    return diet


def test_a_classifier_whose_model_cannot_be_read_predicts_through_tensorflow(monkeypatch: pytest.MonkeyPatch) -> None:
    from rasa.nlu.classifiers.diet_classifier import DIETClassifier

    monkeypatch.setattr(DIETClassifier, "_predict", lambda self, message: {"i_scores": "from tensorflow"})
    diet = classifier_with(model_with({}))
    diet._execution_context = SimpleNamespace(should_add_diagnostic_data=False)  # type: ignore[assignment]
    assert diet._predict(object()) == {"i_scores": "from tensorflow"}  # type: ignore[arg-type]


def test_with_the_adjustments_off_no_scorer_is_built(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RASA_RUNTIME_ADJUSTMENTS", "off")
    monkeypatch.setattr(IntentScorer, "from_model", classmethod(lambda cls, model: pytest.fail("built")))
    assert classifier_with(object())._intent_scorer() is None
