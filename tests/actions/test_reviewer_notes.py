"""Notes for reviewers never reach a resident; notes for residents do where they matter."""

from actions.answer import ActionAnswer
from actions.policies import describe_answer, describe_policy
from actions.projects import _describe as describe_project
from actions.replies import describe_values
from knowledge import KnowledgeBase, about_of

from .conftest import texts_of


async def test_the_editorial_note_on_a_disagreement_is_not_shown(kb: KnowledgeBase, run_action) -> None:
    messages, _ = await run_action(ActionAnswer(kb), "tang truong dich vu nam 2024", "ask_indicator")
    text = texts_of(messages)
    assert "8,66%" in text and "8,4%" in text
    assert "Giữ cả hai" not in text and "chú thích 1" not in text
    assert "Lời văn của báo cáo ghi khu vực dịch vụ tăng 8,4%" in text


def test_no_review_note_is_rendered_anywhere(kb: KnowledgeBase) -> None:
    shown: list[tuple[str, str]] = []  # (review note, what a resident would read)
    for code in kb.indicators():
        values = kb.values(code)
        rendered = describe_values(values, with_notes=True)
        shown += [(v.review_note, rendered) for v in values if v.review_note]
    for info in kb.projects():
        if info.project.review_note:
            shown.append((info.project.review_note, describe_project(info, about_of(kb))))
    for policy in kb.policies():
        if policy.policy.review_note:
            shown.append((policy.policy.review_note, describe_policy(policy)))
    for answer in kb.answers():
        if answer.answer.review_note:
            shown.append((answer.answer.review_note, describe_answer(answer)))
    assert len(shown) > 300
    leaked = [note for note, text in shown if note in text]
    assert leaked == []


def test_a_doubtful_project_value_keeps_its_resident_note(kb: KnowledgeBase) -> None:
    info = kb.project("lach_huyen_duong_sau_ben_3_6")
    assert info is not None
    text = describe_project(info, about_of(kb))
    assert "Lưu ý: Đơn vị không rõ ràng" in text and "khi trả lời cần nói rõ" not in text
