"""Build the knowledge base's caches before the first resident waits for them.

The first question of each kind builds an index (the quotable sentences, the speller, names,
values, addresses): about 1.5 s on an idle machine, longer than Rasa's action timeout on a
loaded one. The action server answers these questions once at start instead.
"""

from __future__ import annotations

from knowledge import KnowledgeBase

from .decide import answer
from .query import CONTEXT_SLOTS, Query

QUESTIONS = (
    ("GRDP tăng bao nhiêu", "ask_indicator"),
    ("thành phố làm gì với cảng Lạch Huyện", "nlu_fallback"),
    ("cầu Nguyễn Trãi bao nhiêu tiền", "ask_project"),
    ("nghị quyết nào về phát triển nhà ở xã hội", "ask_policy"),
    ("phường Lạch Tray quận Ngô Quyền giờ thuộc phường nào", "convert_address"),
    ("chính quyền 2 cấp là gì", "ask_government"),
)


def warm_up(kb: KnowledgeBase) -> None:
    empty = dict.fromkeys(CONTEXT_SLOTS)
    for text, intent in QUESTIONS:
        answer(kb, Query(text, intent, {}, empty))
