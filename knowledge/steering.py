"""A resident's steering words before the question: "Ngoài lề chút, ai đang làm Chủ tịch UBND?".

They say a question follows, not what it asks; every word a question keeps weighs in matching
(a curated answer's question variants, the documents' sentences), so they are dropped first.
Only a clause that ends in punctuation is dropped: "hỏi thêm về cảng" asks about the port. "Chuyển chủ đề: …"
stays: it says the context ends (`actions.decide.SWITCHES_TOPIC`).
"""

from __future__ import annotations

import re

from .text import fold_keeping_marks

_STEERING = re.compile(
    r"^\s*(?:(?:a|o|thoi|vang|ok|u)\s*[,!.]?\s+)?"  # "À, hỏi thêm:", "Ok, ngoài lề chút,"
    r"(?:(?:con\s+)?ngoai\s+le|(?:cho\s+(?:minh|toi|em|chau|to)\s+)?hoi\s+them"
    r"|nhan\s+tien|tien\s+the|tien\s+day"
    r"|(?:con\s+)?ve\s+lau\s+dai)"  # "Còn về lâu dài, đến 2030 …": the years named say how far ahead
    r"(?:\s+(?:chut|ti|xiu|mot\s+chut|mot\s+ti|cai\s+nua|nua|ay|nhe|nha|a))*"
    r"\s*[,:;.!\-–]+\s*"
)


def without_steering(text: str) -> str:
    """`text` without a leading steering clause ("Chuyển chủ đề chút: …"); `text` itself when it has none
    or when nothing would be left."""
    found = _STEERING.match(fold_keeping_marks(text))
    if found is None or not text[found.end():].strip():
        return text
    return text[found.end():]
