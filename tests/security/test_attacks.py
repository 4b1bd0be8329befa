"""Hypothesis-driven attacks, one group per finding of issue 13 (docs/SECURITY.md, "Outside probe").

Fast, in-process: the same attacks against the running profiles are in
tests/e2e/test_supervised_run.py, tests/e2e/test_channels_parity.py and tests/prod/.
"""

from __future__ import annotations

import hmac
import json
import string
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from actions.entity_values import SCHEMAS, valid_entities
from bot.channels.bounds import TextBounds, bound_text
from bot.channels.conversations import conversation_id, platform_id
from bot.channels.guarded_rest import clean_text
from bot.channels.payloads import PAYLOAD_INTENTS, screen
from bot.channels.zalo_events import BadEvent, parse_event, signature_matches
from knowledge.__main__ import shown
from knowledge.privacy import mask_personal_data
from tests.examples import examples

FAST = settings(max_examples=examples(200), derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CHANNELS = st.sampled_from(["rest", "zalo", "telegram"])
json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
                           max_leaves=20)


# finding 1: the action server's secret ------------------------------------------------
@FAST
@given(given_token=st.text(max_size=64), token=st.text(alphabet=string.ascii_letters + string.digits, min_size=16, max_size=48))
def test_only_the_exact_token_passes_the_comparison(given_token: str, token: str) -> None:
    assume(given_token != token)
    assert not hmac.compare_digest(given_token.encode("utf-8", "replace"), token.encode())


# finding 2: namespaces ---------------------------------------------------------------
@FAST
@given(a=CHANNELS, b=CHANNELS, user_a=st.text(min_size=1, max_size=40), user_b=st.text(min_size=1, max_size=40))
def test_no_id_on_one_channel_names_a_conversation_of_another(a: str, b: str, user_a: str, user_b: str) -> None:
    assume(a != b)
    assert conversation_id(a, user_a) != conversation_id(b, user_b)
    assert platform_id(a, conversation_id(a, user_a)) == user_a


# finding 3: typed payloads and entity values -------------------------------------------
@FAST
@given(intent=st.text(alphabet=string.ascii_lowercase + "_@.", min_size=1, max_size=20), entities=json_values)
def test_screened_text_is_an_offered_payload_or_no_payload(intent: str, entities: Any) -> None:
    seen = screen("/" + intent + json.dumps(entities, ensure_ascii=False))
    if seen.startswith("/"):
        name = seen[1:].split("{", 1)[0]
        assert name in PAYLOAD_INTENTS


@FAST
@given(entities=st.dictionaries(st.sampled_from([*SCHEMAS, "other"]), st.lists(st.text(max_size=30), max_size=3), max_size=5))
def test_every_value_that_reaches_an_action_matches_its_schema(entities: dict[str, list[str]]) -> None:
    for entity, values in valid_entities(entities).items():
        assert all(SCHEMAS[entity].fullmatch(v) for v in values)
        assert all(v.isascii() or entity == "policy" for v in values)


# finding 4: personal data ---------------------------------------------------------------
phones = st.builds(lambda head, rest, sep: head + rest[:1] + sep + rest[1:4] + sep + rest[4:],
                   st.sampled_from(["09", "03", "+849", "08"]), st.text("0123456789", min_size=8, max_size=8),
                   st.sampled_from(["", " ", "."]))


@FAST
@given(before=st.text(alphabet=string.ascii_letters + " ,", max_size=30), phone=phones,
       after=st.text(alphabet=string.ascii_letters + " ,", max_size=30))
def test_a_phone_anywhere_in_a_question_is_masked(before: str, phone: str, after: str) -> None:
    masked = mask_personal_data(f"{before} {phone} {after}")
    assert phone not in masked and phone.replace(" ", "").replace(".", "")[-6:] not in masked.replace(" ", "")


@FAST
@given(text=st.text(max_size=200))
def test_the_report_never_writes_a_control_or_format_character(text: str) -> None:
    assert all(ch.isprintable() for ch in shown(text))


# finding 5: the cost of one message --------------------------------------------------------
@FAST
@given(text=st.text(max_size=1000))
def test_what_reaches_nlu_is_within_the_bounds(text: str) -> None:
    bounds = TextBounds()
    bounded = bound_text(screen(clean_text(text)), bounds)
    if bounded is not None and not bounded.lstrip().startswith("/"):
        words = bounded.split()
        assert len(words) <= bounds.max_words and all(len(w) <= bounds.max_word_chars for w in words)


# also: Zalo events and signatures ---------------------------------------------------------------
@FAST
@given(payload=st.dictionaries(st.sampled_from(["event_name", "sender", "message", "follower", "timestamp", "x"]),
                               json_values, max_size=6))
def test_any_signed_json_is_an_event_or_a_400(payload: dict[str, Any]) -> None:
    if isinstance(payload.get("event_name"), str) and payload["event_name"] in ("user_send_text", "follow"):
        pass
    try:
        event = parse_event(payload)
    except BadEvent:
        return
    assert "\n" not in event.user_id and len(event.user_id) <= 64


@FAST
@given(header=st.text(max_size=80))
def test_any_signature_header_is_a_yes_or_a_no(header: str) -> None:
    assert signature_matches(header, "app", b"{}", "1", "secret") in (True, False)
