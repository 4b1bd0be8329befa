"""When the answer is a sentence of the documents: quote it, verbatim, with its source.

Below the knowledge base's relevance threshold nothing is quoted and the reply
says plainly that the documents do not cover the question. Only source text is
ever shown inside quotation marks (never the bot's own search text).
"""

from __future__ import annotations

from knowledge import KnowledgeBase, Passage, query_terms, strip_diacritics

from .fallback import not_covered
from .feedback_buttons import feedback_buttons
from .query import Query, Reply
from .understand import EXPLANATION, Asked

MAX_QUOTES = 3


MIN_TERMS = 2  # "thế còn cái kia" has nothing a passage could answer


def best(kb: KnowledgeBase, a: Asked) -> list[Passage]:
    if a.from_button or len(query_terms(a.folded)) < MIN_TERMS:
        return []
    # Typed with tone marks, the question matches exact spellings ("bãi" is not "bài");
    # typed without, its corrected folded form is all there is.
    typed_with_marks = a.text != strip_diacritics(a.text)
    return kb.passages(a.text if typed_with_marks else a.folded, limit=MAX_QUOTES,
                       explanation=EXPLANATION.search(a.folded) is not None)


def answer(kb: KnowledgeBase, a: Asked, q: Query, found: list[Passage] | None = None) -> Reply:
    found = best(kb, a) if found is None else found
    reply = Reply()
    if not found:
        return not_covered(kb)
    # The best sentence is the first line, as a figure is: a resident reading one line has the answer.
    first, *more = found
    lines = [f"Tài liệu ghi: “{first.text}”", f"Nguồn: {kb.document(first.source).citation}."]
    if more:
        lines.append("Tài liệu cũng nêu:")
    for passage in more:
        lines.append(f"• “{passage.text}” (Nguồn: {kb.document(passage.source).citation})")
    reply.say("\n".join(lines), feedback_buttons())
    reply.slots.update(topic="passage")
    reply.answer_id = "passage:" + ",".join(sorted({p.source for p in found}))
    return reply
