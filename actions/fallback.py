"""When the question is not understood or not in the documents: say so, never guess."""

from __future__ import annotations

from knowledge import KnowledgeBase
from knowledge.search_index import query_terms
from knowledge.text import fold

from .query import Query, Reply, button
from .reroute import by_entities

MAX_HITS = 3
EXCERPT_CHARS = 220


def menu_buttons() -> list[dict[str, str]]:
    return [
        button("Chỉ tiêu kinh tế", "Tăng trưởng GRDP năm 2024 là bao nhiêu?"),
        button("Dự án trọng điểm", "Các dự án trọng điểm năm 2025"),
        button("Chính quyền 2 cấp", "Chính quyền địa phương 2 cấp là gì?"),
        button("Đổi địa chỉ cũ → mới", "Phường Lạch Tray quận Ngô Quyền giờ thuộc phường nào?"),
    ]


def _relevant(body: str, terms: list[str]) -> bool:
    """Enough of the question's words occur in the passage to show it."""
    folded = f" {fold(body)} "
    hits = sum(1 for term in terms if f" {term} " in folded)
    return hits >= max(2, (len(terms) + 1) // 2)


def answer_unknown(kb: KnowledgeBase, q: Query) -> Reply:
    """Not understood: answer by a named thing if there is one, else show what the
    documents say nearby, else say plainly that they do not say it."""
    if not q.text.startswith("/") and (topic := by_entities(kb, q)):
        return topic(kb, q)
    terms = query_terms(q.text)
    hits = [h for h in kb.search(q.text, limit=MAX_HITS * 3) if _relevant(f"{h.title} {h.body}", terms)][:MAX_HITS]
    reply = Reply()
    if hits:
        lines = ["Tôi chưa có câu trả lời chính xác cho câu hỏi này. Các đoạn liên quan nhất trong tài liệu:"]
        for hit in hits:
            excerpt = hit.body if len(hit.body) <= EXCERPT_CHARS else hit.body[:EXCERPT_CHARS].rsplit(" ", 1)[0] + "…"
            lines.append(f"• “{excerpt}” (Nguồn: {kb.document(hit.source).citation})")
        reply.say("\n".join(lines))
    else:
        reply.say("Xin lỗi, các tài liệu tôi có không có thông tin này, nên tôi không trả lời để tránh nói sai.")
    reply.say("Tôi có thể trả lời về chỉ tiêu kinh tế - xã hội, dự án trọng điểm, chính sách và chính quyền 2 cấp "
              "của Hải Phòng:", menu_buttons())
    return reply
