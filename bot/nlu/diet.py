"""Rasa's DIET intent classifier, trained as Rasa trains it, answering in NumPy.

For one message, Rasa 3.6's DIET builds a `RasaModelData`, a batch generator and
TensorFlow tensors, and calls a `tf.function`: about 30 % of the Rasa process's CPU
per message in `make bench`, for arithmetic that takes microseconds. This bot's DIET
(config.yml) classifies intents only, from sparse bag-of-n-gram features, with no
transformer. With no transformer, DIET's intent comes from the sentence-level
features alone: the sentence position of the combined sequence goes through the
sparse-to-dense layer, the feed-forward layers and the text embedding, and is
compared with the label embeddings DIET prepared for prediction. `IntentScorer` is
that path with the trained weights, in float32 like TensorFlow; the ranking, the
confidences written into the parse and everything else are Rasa's own code.

Any model or message outside that shape (a transformer, dense features, entity
recognition, dimension-unifying layers, diagnostic data asked for) goes through
Rasa's TensorFlow path unchanged; so does a model whose layers are not where Rasa
3.6.21 keeps them (a renamed private attribute: a warning, never a crash), and every
model when `RASA_RUNTIME_ADJUSTMENTS=off` (bot/runtime/). `tests/nlu_components/test_diet.py` checks the two
paths give the same scores on the trained model.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import numpy as np
import scipy.sparse
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.diet_classifier import DIET, DIETClassifier
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.utils.tensorflow.constants import ENTITY_RECOGNITION, INNER, INTENT_CLASSIFICATION, SOFTMAX
from scipy.special import erf

from bot.runtime import enabled as runtime_enabled

logger = logging.getLogger(__name__)

Layer = tuple[np.ndarray, np.ndarray]  # kernel, bias


def _gelu(x: np.ndarray) -> np.ndarray:
    """tf.nn.gelu with approximate=False, the activation of DIET's hidden layers."""
    return (0.5 * x * (1.0 + erf(x / np.float32(np.sqrt(2.0))))).astype(np.float32)


def _affine(x: np.ndarray, kernel: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """x · kernel + bias for one vector, without BLAS: OpenBLAS would wake a second
    thread for these sizes, which spins on the core the action server needs."""
    return np.einsum("i,ij->j", x, kernel) + bias


def _dense(layer: Any) -> Layer:
    kernel = layer.kernel.numpy()
    if getattr(layer, "density", 1.0) < 1.0:
        # RandomlyConnectedDense zeroes the masked weights at the start of each call
        kernel = kernel * layer.kernel_mask.numpy()
    return kernel.astype(np.float32), layer.bias.numpy().astype(np.float32)


@dataclass(frozen=True)
class IntentScorer:
    """DIET's intent scores for one message's sentence-level sparse features."""

    sparse_to_dense: Layer
    hidden: tuple[Layer, ...]  # gelu layers, dropout being off at prediction
    embed: Layer
    label_embeddings: np.ndarray  # (labels, embedding dimension)
    softmax: bool

    @classmethod
    def from_model(cls, model: DIET) -> IntentScorer | None:
        """The scorer for a loaded DIET model, or None if its shape is not the one above
        or its layers are not where Rasa 3.6.21 keeps them (then with a warning)."""
        try:
            return cls._from_layers(model)
        except (AttributeError, KeyError, IndexError, TypeError, ValueError) as error:
            logger.warning("DIET's layers are not as in Rasa 3.6.21 (%s: %s): intents are predicted by Rasa's "
                           "TensorFlow path", type(error).__name__, error)
            return None

    @classmethod
    def _from_layers(cls, model: DIET) -> IntentScorer | None:
        config = model.config
        if not config[INTENT_CLASSIFICATION] or config[ENTITY_RECOGNITION] or model.all_labels_embed is None:
            return None
        sequence_layer = model._tf_layers.get(f"sequence_layer.{TEXT}")
        if sequence_layer is None or sequence_layer._has_transformer:
            return None
        combining = sequence_layer._tf_layers["feature_combining"]._tf_layers
        sentence = combining.get("sparse_dense.sentence")
        if sentence is None or any(name.startswith("unify_dims") for name in combining):
            return None
        to_dense = sentence._tf_layers["sparse_to_dense"]
        loss = model._tf_layers["loss.label"]
        if loss.similarity_type != INNER or not to_dense.use_bias:
            return None
        hidden = tuple(_dense(layer) for layer in sequence_layer._tf_layers["ffnn"]._ffn_layers
                       if hasattr(layer, "kernel"))
        return cls(sparse_to_dense=_dense(to_dense), hidden=hidden,
                   embed=_dense(model._tf_layers[f"embed.{TEXT}"]._dense),
                   label_embeddings=np.asarray(model.all_labels_embed, dtype=np.float32),
                   softmax=loss.model_confidence == SOFTMAX)

    def scores(self, sentence: scipy.sparse.spmatrix) -> np.ndarray:
        """Confidences (or similarities) for every label, shaped (1, labels) as DIET's."""
        features = scipy.sparse.coo_matrix(sentence)
        kernel, bias = self.sparse_to_dense
        x = _affine(features.data.astype(np.float32), kernel[features.col], bias)
        for kernel, bias in self.hidden:
            x = _gelu(_affine(x, kernel, bias))
        x = _affine(x, *self.embed)
        similarities = np.einsum("lj,j->l", self.label_embeddings, x)[np.newaxis, :]
        if not self.softmax:
            return similarities
        exponentials = np.exp(similarities - similarities.max())
        return exponentials / exponentials.sum()


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class NumpyDIETClassifier(DIETClassifier):
    """`DIETClassifier`: same training, same model files; intents predicted in NumPy."""

    _scorer: IntentScorer | None = None
    _scorer_model: DIET | None = None

    def _intent_scorer(self) -> IntentScorer | None:
        if self.model is None:
            return None
        if self._scorer_model is not self.model:  # built once per loaded or trained model
            scorer = IntentScorer.from_model(self.model) if runtime_enabled() else None
            self._scorer, self._scorer_model = scorer, self.model
        return self._scorer

    def _predict(self, message: Message) -> dict[str, Any] | None:
        scorer = self._intent_scorer()
        if scorer is None or self._execution_context.should_add_diagnostic_data:
            return super()._predict(message)
        featurizers = self.component_config["featurizers"]
        dense = message.get_dense_features(TEXT, featurizers)
        _, sentence = message.get_sparse_features(TEXT, featurizers)
        if dense != (None, None) or sentence is None:
            return super()._predict(message)
        return {"i_scores": scorer.scores(sentence.features)}
