"""Finding 3: every entity value is checked where it enters the actions (`Query.from_tracker`,
actions/entity_values.py): a bad one is ignored, never echoed, never a crash."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actions.answer import ActionAnswer
from actions.entity_values import SCHEMAS, valid_entities, valid_slots, valid_value
from actions.query import Query
from bot.nlu.vocabulary import VOCABULARY
from knowledge import KnowledgeBase
from tests.examples import examples

from .conftest import make_tracker, texts_of

INJECTED = "Xem http://evil.example/nhan-tien"
APOLOGY = "chưa tra cứu được"


def test_every_value_the_bot_itself_produces_passes_its_schema(kb_sqlite: KnowledgeBase) -> None:
    produced = [(e.removesuffix("_bare"), v) for e, v, _ in kb_sqlite.lexicon()]
    produced += [(e, v) for e, values in VOCABULARY.items() for v in values]
    produced += [("period", p) for p in ("2024", "2019-2023", "2025-Q1", "2025-H1", "2024-9M", "2024-11M")]
    produced += [("option", o) for o in ("1", "9", "12", "last")] + [("year", "2025")]
    assert [(e, v) for e, v in produced if not valid_value(e, v)] == []


@pytest.mark.parametrize(("entity", "value"), [
    ("period", INJECTED), ("period", "2025-Q7"), ("period", "2025-Q"), ("year", "202\u00b2"), ("year", "\u0662\u0660\u0662\u0665"),
    ("option", "\u00b2"), ("option", "0"), ("indicator", "GRDP<script>"), ("policy", INJECTED), ("rating", "<b>x</b>"),
    ("old_unit", "lach tray; drop"), ("project", "x" * 81), ("comparison", "plan "), ("nonexistent", "x"),
])
def test_bad_values_are_dropped(entity: str, value: str) -> None:
    assert valid_entities({entity: [value]}) == {}


def test_slots_holding_a_bad_value_are_cleared_others_kept() -> None:
    slots = {"indicator": "grdp_growth", "period": "2025-Q7", "topic": "indicator", "options": ["/x"], "policy": None,
             "subject": "tổng bí thư tô lâm"}
    assert valid_slots(slots) == {**slots, "period": None}


@pytest.mark.parametrize("subject", ["<b>x</b>", "a: http", "x" * 21, " ".join(["từ"] * 17), INJECTED])
def test_a_subject_is_a_few_plain_words(subject: str) -> None:
    assert valid_slots({"subject": subject}) == {"subject": None}


def test_from_tracker_keeps_good_values_and_drops_bad_ones(matcher: Any) -> None:
    tracker = make_tracker(matcher, "x", "ask_indicator", slots={"period": "2025-Q7"},
                           entities=[{"entity": "indicator", "value": "grdp_growth"}, {"entity": "period", "value": INJECTED},
                                     {"entity": "year", "value": [2024]}, {"entity": "year", "value": "2024"}])
    query = Query.from_tracker(tracker)
    assert query.entities == {"indicator": ["grdp_growth"], "year": ["2024"]}
    assert query.slots["period"] is None


@pytest.mark.parametrize(("typed", "read"), [
    ("phường Cát Bii cũ giờ thuộc phường nào", "phường Cát Bi cũ giờ thuộc phường nào"),
    ('/ask_project{"project": "vanh_dai_2_000"}', '/ask_project{"project": "vanh_dai_2_000"}'),  # a payload: ours
    ("ổng còn kiêm chức j nữa", "ông ấy còn kiêm chức j nữa"),  # a spoken pronoun
    ("Ngoài lề chút, ai đang làm Chủ tịch UBND thành phố?", "ai đang làm Chủ tịch UBND thành phố?"),  # steering words
])
def test_a_last_letter_typed_twice_is_read_once_but_a_payload_as_sent(matcher: Any, typed: str, read: str) -> None:
    assert Query.from_tracker(make_tracker(matcher, typed, "convert_address")).text == read


# Every intent the one answering action serves (the decision table reads the intent as one signal).
INTENTS = ["ask_indicator", "ask_comparison", "list_indicators", "ask_project", "list_projects", "ask_policy",
           "followup", "choose_option"]


@pytest.mark.parametrize("intent", INTENTS)
@pytest.mark.parametrize(("entity", "value"), [("period", INJECTED), ("period", "2025-Q7"), ("year", "202\u00b2"),
                                               ("option", "\u00b2"), ("policy", INJECTED)])
async def test_the_reported_payloads_neither_crash_nor_echo(kb_sqlite: KnowledgeBase, matcher: Any, intent: str,
                                                             entity: str, value: str) -> None:
    payload = f'/x{{"indicator": "grdp_growth", "{entity}": "{value}"}}'
    tracker = make_tracker(matcher, payload, intent, slots={"options": ['/ask_indicator{"indicator": "grdp_growth"}']},
                           entities=[{"entity": "indicator", "value": "grdp_growth"}, {"entity": entity, "value": value}])
    from rasa_sdk.executor import CollectingDispatcher

    dispatcher = CollectingDispatcher()
    await ActionAnswer(kb_sqlite).run(dispatcher, tracker, {})
    text = texts_of(dispatcher.messages)
    assert "evil.example" not in text and value not in text


values = st.one_of(st.text(max_size=30), st.sampled_from(["2025-Q7", "\u00b2", "2024", "grdp_growth", "last", "1", INJECTED]),
                   st.integers().map(str))


@settings(max_examples=examples(80), deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(entity=st.sampled_from(sorted(SCHEMAS)), value=values, intent=st.sampled_from(INTENTS))
def test_any_value_of_any_entity_never_crashes_an_action(kb_sqlite: KnowledgeBase, matcher: Any, entity: str,
                                                         value: str, intent: str) -> None:
    import asyncio

    from rasa_sdk.executor import CollectingDispatcher

    tracker = make_tracker(matcher, "câu hỏi", intent, slots={"topic": "indicator", entity: value},
                           entities=[{"entity": entity, "value": value}])
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionAnswer(kb_sqlite).run(dispatcher, tracker, {}))  # raises on a crash
    if not valid_value(entity, value) and len(value) > 3:
        assert value not in texts_of(dispatcher.messages)
