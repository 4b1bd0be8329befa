"""DIET's intents in NumPy are TensorFlow's (bot/nlu/diet.py).

On a model trained with config.yml's pipeline for these tests (conftest.py), so they never skip
for want of one. How much CPU the NumPy path saves, and that it stays on one thread, is measured by
`make bench` (scripts/bench/micro.py), not asserted here."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import tensorflow as tf
import yaml
from rasa.core.agent import Agent
from rasa.engine.graph import GraphComponent
from rasa.nlu.classifiers.diet_classifier import DIETClassifier
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from rasa.utils.tensorflow.constants import ENTITY_RECOGNITION

from bot.nlu.diet import IntentScorer, NumpyDIETClassifier, _gelu

ROOT = Path(__file__).resolve().parents[2]
HELD_OUT = [item["text"] for item in
            yaml.safe_load((ROOT / "tests" / "nlu" / "test_set.yml").read_text(encoding="utf-8"))["utterances"]]
ODD = ["?", "a", "HẢI PHÒNG!!!", "x" * 5000, "grdp " * 300, "😀😀", "<script>alert(1)</script>"]

pytestmark = pytest.mark.slow  # trains its model

Featurize = Callable[[str], Message]


@pytest.fixture(scope="module")
def pipeline(tiny_model: Path) -> tuple[NumpyDIETClassifier, Featurize]:
    """The trained DIET node and the components that run before it, from the model."""
    processor = Agent.load(str(tiny_model)).processor
    assert processor is not None
    nodes = [node._component for name, node in processor.graph_runner._instantiated_nodes.items()
             if name.startswith("run_")]
    diet = next(component for component in nodes if isinstance(component, DIETClassifier))
    assert type(diet) is NumpyDIETClassifier, "the config names bot.nlu.diet.NumpyDIETClassifier"
    before = nodes[:nodes.index(diet)]

    def featurize(text: str) -> Message:
        message = Message(data={TEXT: text})
        for component in before:
            component.process([message])
        return message

    return diet, featurize


def tensorflow_scores(diet: NumpyDIETClassifier, message: Message) -> np.ndarray:
    out = DIETClassifier._predict(diet, message)
    assert out is not None
    return np.asarray(out["i_scores"])


def test_the_trained_model_is_scored_in_numpy(pipeline: tuple[NumpyDIETClassifier, Featurize]) -> None:
    diet, _ = pipeline
    assert diet._intent_scorer() is not None


@pytest.mark.parametrize("texts", [HELD_OUT, ODD], ids=["held-out set", "odd messages"])
def test_scores_are_tensorflows(pipeline: tuple[NumpyDIETClassifier, Featurize], texts: list[str]) -> None:
    diet, featurize = pipeline
    assert len(texts) >= 5
    for text in texts:
        message = featurize(text)
        ours, theirs = diet._predict(message), tensorflow_scores(diet, message)
        assert ours is not None and ours["i_scores"].shape == theirs.shape, text
        np.testing.assert_allclose(ours["i_scores"], theirs, atol=1e-5, err_msg=text)
        assert np.argmax(ours["i_scores"]) == np.argmax(theirs), text


def test_parses_are_tensorflows(pipeline: tuple[NumpyDIETClassifier, Featurize]) -> None:
    diet, featurize = pipeline
    for text in HELD_OUT[::10]:
        ours, theirs = featurize(text), featurize(text)
        diet.process([ours])
        DIETClassifier.process(_tensorflow_only(diet), [theirs])
        assert ours.get("intent")["name"] == theirs.get("intent")["name"], text
        ranked = [{r["name"]: r["confidence"] for r in m.get("intent_ranking")} for m in (ours, theirs)]
        # intents within rounding of each other may swap places, as they would between two machines
        assert [n for n, c in ranked[0].items() if c > 1e-3] == [n for n, c in ranked[1].items() if c > 1e-3], text
        for name in ranked[0].keys() & ranked[1].keys():
            assert ranked[0][name] == pytest.approx(ranked[1][name], abs=1e-5), text


def _tensorflow_only(diet: NumpyDIETClassifier) -> DIETClassifier:
    twin = DIETClassifier.__new__(DIETClassifier)
    twin.__dict__.update(diet.__dict__)
    return twin


def test_a_message_without_features_gets_no_intent_as_in_rasa(pipeline: tuple[NumpyDIETClassifier, Featurize]) -> None:
    diet, featurize = pipeline
    message = featurize("")
    assert diet._predict(message) is None
    diet.process([message])
    assert message.get("intent") == {"name": None, "confidence": 0.0}


def test_dense_features_go_through_tensorflow(pipeline: tuple[NumpyDIETClassifier, Featurize],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    diet, featurize = pipeline
    message = featurize("grdp năm 2024")
    message.add_features(Features(np.ones((1, 4)), "sentence", TEXT, "dense-featurizer"))
    called: list[Message] = []
    monkeypatch.setattr(DIETClassifier, "_predict", lambda self, m: called.append(m) or {"i_scores": np.zeros((1, 1))})
    diet._predict(message)
    assert called == [message]


def test_diagnostic_data_comes_from_tensorflow(pipeline: tuple[NumpyDIETClassifier, Featurize],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    diet, featurize = pipeline
    monkeypatch.setattr(diet._execution_context, "should_add_diagnostic_data", True)
    out = diet._predict(featurize("grdp năm 2024"))
    assert out is not None and "diagnostic_data" in out


@pytest.mark.parametrize("change", ["entity recognition", "transformer", "unifying layer", "cosine similarity"])
def test_a_model_of_another_shape_is_left_to_tensorflow(pipeline: tuple[NumpyDIETClassifier, Featurize],
                                                        monkeypatch: pytest.MonkeyPatch, change: str) -> None:
    model: Any = pipeline[0].model
    sequence_layer = model._tf_layers["sequence_layer.text"]
    if change == "entity recognition":
        monkeypatch.setattr(model, "config", {**model.config, ENTITY_RECOGNITION: True})
    elif change == "transformer":
        monkeypatch.setattr(sequence_layer, "_has_transformer", True)
    elif change == "unifying layer":
        combining = sequence_layer._tf_layers["feature_combining"]._tf_layers
        monkeypatch.setitem(combining, "unify_dims_before_seq_sent_concat.sentence", object())
    else:
        monkeypatch.setattr(model._tf_layers["loss.label"], "similarity_type", "cosine")
    assert IntentScorer.from_model(model) is None


def test_an_untrained_classifier_predicts_nothing(pipeline: tuple[NumpyDIETClassifier, Featurize]) -> None:
    diet, featurize = pipeline
    untrained = _tensorflow_only(diet)
    untrained.__class__ = NumpyDIETClassifier
    untrained.model = None
    assert isinstance(untrained, GraphComponent) and untrained._predict(featurize("grdp")) is None


def test_without_softmax_the_scores_are_the_similarities(pipeline: tuple[NumpyDIETClassifier, Featurize]) -> None:
    diet, featurize = pipeline
    scorer = diet._intent_scorer()
    assert scorer is not None
    _, sentence = featurize("kim ngạch xuất khẩu").get_sparse_features(TEXT, [])
    assert sentence is not None
    similarities = dataclasses.replace(scorer, softmax=False).scores(sentence.features)
    np.testing.assert_allclose(tf.nn.softmax(similarities).numpy(), scorer.scores(sentence.features), atol=1e-6)


def test_gelu_is_tensorflows() -> None:
    x = np.linspace(-12, 12, 2001, dtype=np.float32)
    np.testing.assert_allclose(_gelu(x), tf.nn.gelu(x, approximate=False).numpy(), atol=1e-6)
