"""What each entity value may look like, checked where entities enter the actions.

Entities reach the actions from NLU (canonical values from the knowledge base and the
vocabulary) and from button payloads (`/ask_indicator{"period": "2025-Q1"}`), which a
resident can also type. A typed payload is screened by the channels
(bot/channels/payloads.py, with these same schemas); this module is the last check, in
`Query.from_tracker`: a value that does not match its entity's schema is dropped, so it
is never echoed in a reply ("period": "Xem http://…") and never crashes an action
("2025-Q7" in `period_label`, a superscript digit in `int()` after `isdigit()`).

Only ASCII digits count as digits here: `str.isdigit()` is true for "²" and "٣", and
`int("²")` raises.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

_CODE = r"[a-z0-9_]{1,80}"
_YEAR = r"20[0-9]{2}"

# One full match per entity; an entity not listed here is not read by the actions.
SCHEMAS: dict[str, re.Pattern[str]] = {
    name: re.compile(pattern, re.ASCII)
    for name, pattern in {
        "indicator": _CODE,
        "project": _CODE,
        "project_group": _CODE,
        "year": _YEAR,
        "period": rf"{_YEAR}(?:-{_YEAR}|-Q[1-4]|-H[12]|-(?:[1-9]|1[0-2])M)?",
        "value_kind": r"target|estimate|result",
        "comparison": r"plan|national|previous",
        "indicator_group": r"kinh_te|xa_hoi|moi_truong",
        "funding": r"city_budget|non_budget",
        "option": r"[1-9][0-9]?|last",
        "rating": r"up|down",
        # folded unit names: "lach tray", "ngo quyen"
        "old_unit": r"[a-z0-9]+(?: [a-z0-9]+){0,7}",
        "old_district": r"[a-z0-9]+(?: [a-z0-9]+){0,7}",
    }.items()
}
# Document numbers or titles as the fact files write them: "45-NQ/TW", "05/NQ-HĐND, ngày
# 12/4/2022", "Đề án chuyển đổi xanh thành phố Hải Phòng". Vietnamese letters, digits and
# a little punctuation; no ':' (no URL), no quotes, no markup. An unknown one is never
# echoed: the policy actions keep only documents found under exactly that number.
_VIETNAMESE = "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯư\u1ea0-\u1ef9"
SCHEMAS["policy"] = re.compile(rf"[0-9A-Za-z{_VIETNAMESE}/\-.,() ]{{1,120}}")

# Context slots that hold one entity's value; and the subject's folded words.
SLOT_SCHEMAS = {slot: SCHEMAS[slot] for slot in ("indicator", "period", "value_kind", "project", "policy")}
SLOT_SCHEMAS["subject"] = re.compile(rf"[a-z0-9{_VIETNAMESE}]{{1,20}}(?: [a-z0-9{_VIETNAMESE}]{{1,20}}){{0,15}}")


def valid_value(entity: str, value: Any) -> bool:
    schema = SCHEMAS.get(entity)
    return schema is not None and isinstance(value, str) and schema.fullmatch(value) is not None


def valid_entities(entities: Mapping[str, list[str]]) -> dict[str, list[str]]:
    """The entities with every value that fails its schema (or has none) left out."""
    kept: dict[str, list[str]] = {}
    for entity, values in entities.items():
        good = [value for value in values if valid_value(entity, value)]
        if good:
            kept[entity] = good
    return kept


def valid_slots(slots: Mapping[str, Any]) -> dict[str, Any]:
    """The context slots, those holding an entity value that fails its schema set to None."""
    def valid(name: str, value: Any) -> bool:
        return isinstance(value, str) and SLOT_SCHEMAS[name].fullmatch(value) is not None
    return {
        name: (None if name in SLOT_SCHEMAS and value is not None and not valid(name, value) else value)
        for name, value in slots.items()
    }
