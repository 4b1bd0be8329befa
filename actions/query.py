"""What a resident asked, read from the tracker once: text, entities and context slots.

Topic modules take a `Query` and return a `Reply`; the Action classes only
translate between Rasa and these two, so the answering logic is testable alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet

from knowledge import as_spoken, undouble, without_steering

from .entity_values import valid_entities, valid_slots

CONTEXT_SLOTS = ("indicator", "period", "value_kind", "project", "policy", "topic", "subject", "options", "page_query",
                 "page", "last_answer_id")


@dataclass(frozen=True)
class Query:
    text: str
    intent: str
    entities: dict[str, list[str]]
    slots: dict[str, Any]

    def first(self, entity: str) -> str | None:
        values = self.entities.get(entity)
        return values[0] if values else None

    def all(self, entity: str) -> list[str]:
        return self.entities.get(entity, [])

    @classmethod
    def from_tracker(cls, tracker: Tracker) -> Query:
        message = tracker.latest_message or {}
        entities: dict[str, list[str]] = {}
        for entity in message.get("entities") or []:
            values = entities.setdefault(str(entity.get("entity")), [])
            value = str(entity.get("value"))
            if value not in values:
                values.append(value)
        slots = {name: tracker.get_slot(name) for name in CONTEXT_SLOTS}
        intent = (message.get("intent") or {}).get("name") or ""
        text = message.get("text") or ""
        # "Cát Bii", "Kiến Hưngg": a last letter typed twice is read once by every topic (a button's payload is ours);
        # "ổng", "bả" are "ông ấy", "bà ấy"; "Ngoài lề chút, …" steers, the question follows
        return cls(text=text if text.startswith("/") else undouble(as_spoken(without_steering(text))), intent=intent, entities=valid_entities(entities), slots=valid_slots(slots))


@dataclass
class Reply:
    messages: list[dict[str, Any]] = field(default_factory=list)
    slots: dict[str, Any] = field(default_factory=dict)
    answer_id: str | None = None  # what was answered, for feedback; None: nothing found

    def say(self, text: str, buttons: list[dict[str, str]] | None = None) -> Reply:
        message: dict[str, Any] = {"text": text}
        if buttons:
            message["buttons"] = buttons
        self.messages.append(message)
        return self

    def template(self, response: str) -> Reply:
        """A response of the domain ("utter_out_of_scope"): its wording lives in one place."""
        self.messages.append({"response": response})
        return self

    def events(self) -> list[EventType]:
        events: list[EventType] = [SlotSet(name, value) for name, value in self.slots.items()]
        if self.answer_id is not None:
            events.append(SlotSet("last_answer_id", self.answer_id))
        return events


POSITION_DIGITS = 6  # of a sentence's place in a passage answer's id; the slot is typed input too: no longer one is read


def passage_answer_id(sources: list[str], at: int | None) -> str:
    """What a passage answer leaves in `last_answer_id`: its documents, and its first sentence's place if known
    ("passage:001,002@80"), which "ai nói vậy?" next reads (`quoted_last`)."""
    return "passage:" + ",".join(sources) + (f"@{at}" if at is not None else "")


def quoted_last(slots: dict[str, Any]) -> tuple[list[str], int | None] | None:
    """The documents and first sentence's place of the last answer's quote (see `passage_answer_id`); None after
    any other answer. A place that is not ASCII digits, or too long to be one, is none."""
    last = str(slots.get("last_answer_id") or "")
    if not last.startswith("passage:"):
        return None
    cited, _, at = last.removeprefix("passage:").partition("@")
    return cited.split(","), int(at) if at.isascii() and at.isdigit() and len(at) <= POSITION_DIGITS else None


def button(title: str, payload: str) -> dict[str, str]:
    return {"title": title, "payload": payload}


def intent_payload(intent: str, **entities: str) -> str:
    """A button payload that Rasa reads as this intent with these entities, skipping NLU."""
    if not entities:
        return f"/{intent}"
    import json

    return f"/{intent}{json.dumps(entities, ensure_ascii=False)}"
