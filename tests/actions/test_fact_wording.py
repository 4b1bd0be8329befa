"""How the corrected facts read to a resident."""

import re

from actions.replies import describe_comparison, describe_values
from knowledge import KnowledgeBase


def test_fdi_is_never_said_to_grow_235_percent(kb: KnowledgeBase) -> None:
    values = kb.values("fdi_attraction", "2024")
    text = describe_values(values, with_notes=True) + "\n".join(
        describe_comparison(c) for c in kb.compare_to_plan("fdi_attraction", "2024"))
    assert "tăng 235" not in text
    assert "235% kế hoạch đề ra" in text


def test_a_change_written_as_a_decrease_reads_as_one(kb: KnowledgeBase) -> None:
    text = describe_values(kb.values("traffic_accidents", "2024-11M", measure="change"))
    assert "giảm 12" in text and "giảm 42 người" in text and "tăng 01 người" in text
    assert not re.search(r"tăng giảm|giảm giảm|tăng tăng", text)


def test_a_target_in_words_has_no_stray_percent(kb: KnowledgeBase) -> None:
    text = describe_values(kb.values("new_rural_model_communes", "2025"))
    assert "Hoàn thành 100% số xã" in text
    assert not re.search(r"số xã[^.\n]*\s%", text)
