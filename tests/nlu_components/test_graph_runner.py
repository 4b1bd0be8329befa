"""Rasa's graph run in order without dask gives dask's outputs (bot/runtime/graph_runner.py).

On a small model trained for these tests (conftest.py), so they never skip for want of one."""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Any

import pytest
import rasa.core.processor
import yaml
from rasa.core.agent import Agent
from rasa.core.channels.channel import UserMessage
from rasa.core.processor import MessageProcessor
from rasa.engine.exceptions import GraphComponentException, GraphRunError
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.runtime.graph_runner import SequentialGraphRunner, run_graphs_in_order

ROOT = Path(__file__).resolve().parents[2]
TEXTS = [item["text"] for item in
         yaml.safe_load((ROOT / "tests" / "nlu" / "test_set.yml").read_text(encoding="utf-8"))["utterances"][::12]]

pytestmark = pytest.mark.slow  # trains its model


@pytest.fixture(scope="module")
def processor(tiny_model: Path) -> MessageProcessor:
    # whatever an earlier test applied, this model runs on Rasa's own dask runner
    replaced, rasa.core.processor.DaskGraphRunner = rasa.core.processor.DaskGraphRunner, DaskGraphRunner
    try:
        processor = Agent.load(str(tiny_model)).processor
    finally:
        rasa.core.processor.DaskGraphRunner = replaced
    assert processor is not None and type(processor.graph_runner) is DaskGraphRunner
    return processor


def sequential_twin(processor: MessageProcessor) -> SequentialGraphRunner:
    """The same loaded nodes, run without dask."""
    twin = SequentialGraphRunner.__new__(SequentialGraphRunner)
    twin.__dict__.update(processor.graph_runner.__dict__)
    return twin


async def both_ways(processor: MessageProcessor, call: Any) -> tuple[Any, Any]:
    dask_runner = processor.graph_runner
    first = await call()
    processor.graph_runner = sequential_twin(processor)
    try:
        second = await call()
    finally:
        processor.graph_runner = dask_runner
    return first, second


async def test_parses_are_dasks(processor: MessageProcessor) -> None:
    assert len(TEXTS) >= 40
    for text in TEXTS:
        by_dask, in_order = await both_ways(processor, lambda text=text: processor.parse_message(UserMessage(text)))
        assert in_order == by_dask, text


async def test_next_action_predictions_are_dasks(processor: MessageProcessor) -> None:
    for text in TEXTS:
        parsed = await processor.parse_message(UserMessage(text))
        events = [ActionExecuted("action_listen"), UserUttered(text, parsed["intent"], parsed["entities"], parsed)]
        tracker = DialogueStateTracker.from_events("s", events, processor.domain.slots)
        by_dask, in_order = await both_ways(processor, lambda tracker=tracker: _predict(processor, tracker))
        assert in_order == by_dask, text


async def _predict(processor: MessageProcessor, tracker: DialogueStateTracker) -> tuple[Any, ...]:
    prediction = processor._predict_next_with_tracker(tracker)
    return prediction.policy_name, prediction.probabilities, prediction.max_confidence_index


def test_a_failing_node_raises_what_it_raises_under_dask(processor: MessageProcessor) -> None:
    target = [processor.model_metadata.nlu_target]
    for runner in (processor.graph_runner, sequential_twin(processor)):
        with pytest.raises(GraphComponentException, match="nlu_message_converter"):
            runner.run(inputs={"__message__": "not a list of messages"}, targets=target)
    for runner in (processor.graph_runner, sequential_twin(processor)):
        with pytest.raises(GraphRunError, match="clashes with a node name"):
            runner.run(inputs={"x": "nlu_message_converter"}, targets=target)


def test_rasa_builds_its_processors_runner_from_the_name_we_replace(monkeypatch: pytest.MonkeyPatch,
                                                                    tiny_model: Path) -> None:
    assert "DaskGraphRunner," in inspect.getsource(MessageProcessor._load_model)
    monkeypatch.setattr(rasa.core.processor, "DaskGraphRunner", DaskGraphRunner)
    run_graphs_in_order()
    run_graphs_in_order()
    assert rasa.core.processor.DaskGraphRunner is SequentialGraphRunner
    assert Agent.load(str(tiny_model)).processor.graph_runner.__class__ is SequentialGraphRunner  # type: ignore[union-attr]
