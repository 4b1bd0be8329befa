"""What the last answer quoted, leaned on by the next question: the sentences after it ("còn gì nữa?"), a question
it answers itself ("tại kỳ họp lần thứ mấy …?"), and whether the figure last shown is written around it.

A passage answer's `last_answer_id` holds the place of its first sentence (`query.quoted_last`); these read the
sentences at and around that place. Nothing here decides an answer: `decide` does."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from knowledge import KnowledgeBase, Passage, fold, query_terms

from .query import quoted_last

# "ông ấy còn nêu kết quả gì nữa?", "kể thêm đi", "còn gì nữa không": more of what was said
_MORE = re.compile(r"\b(?:gi|j|nao|nhung gi) (?:nua|them)\b|\b(?:noi|ke|neu) (?:them|tiep)\b|\bcon (?:gi )?nua\b"
                   r"|\bcon (?:noi|neu|ke|nhac|de cap)\b.{0,30}\bnua\b")  # "ông ấy còn nêu kq j nổi bật nữa ko"
FOLLOWING = 3  # sentences said after the one quoted; as many before and after it are "around" it

# of a question's words (by rarity) that the sentence just quoted says: "tại kỳ họp lần thứ mấy của Ủy ban Di sản Thế
# giới?" after the sentence on the heritage dossier (0.91) is asked of it
ANSWERS = 0.8
OWN_WORDS = 3  # content words: fewer say too little to be answered by a sentence rather than lean on it
_NEXT_SUBJECT = re.compile(r"(?:the |vay |ok )?con\b")  # "còn thu hút đầu tư nước ngoài thì sao?": another subject


def asks_more(folded: str) -> bool:
    return _MORE.search(folded) is not None


# what "ông còn nói gì nữa không" is made of, asking nothing of its own
_ONLY_MORE = frozenset("ong ba ay ho con noi neu ke de cap nhan manh phat bieu gi j nhung dieu nao nua them tiep khong ko k "
                       "chua co vay the di a ha nhe ban minh".split())


def asks_only_more(folded: str) -> bool:
    return set(folded.split()) <= _ONLY_MORE


def following(kb: KnowledgeBase, slots: dict[str, Any]) -> list[Passage]:
    """The sentences of its document after the first one the last answer quoted, that it did not quote itself; []
    after an answer that quoted nothing."""
    found = _first_quoted(kb, slots)
    if found is None:
        return []
    first, source, shown = found
    said: list[Passage] = []
    for at in range(first + 1, first + 1 + SCANNED):
        if (sentence := kb.passage_at(at)) is None or sentence.source != source or len(said) == FOLLOWING:
            break
        if not any(fold(sentence.text)[:SAME_OPENING] in quote for quote in shown):
            said.append(sentence)
    return said


SCANNED = 20  # sentences after the first one quoted: a curated answer quotes a few of them, further apart
SAME_OPENING = 40  # characters of a sentence's opening that say it is one the answer quoted


def _first_quoted(kb: KnowledgeBase, slots: dict[str, Any]) -> tuple[int, str, list[str]] | None:
    """The place of the first sentence the last answer quoted, its document, and what it quoted (folded): a passage
    answer's place, or a curated answer's quotes (the Tổng Bí thư's words after "ông còn nói gì nữa?"); None after
    any other answer."""
    found = quoted_last(slots)
    if found is not None:
        at = found[1]
        first = kb.passage_at(at) if at is not None else None
        return (at, first.source, [fold(first.text)]) if at is not None and first is not None else None
    last = str(slots.get("last_answer_id") or "")
    if not last.startswith("answer:") or (info := kb.answer(last.removeprefix("answer:"))) is None:
        return None
    source = info.answer.provenance
    places = [at for quote in source.quotes if (at := kb.locate(Passage(source.source, quote, 1.0))) is not None]
    return (min(places), source.source, [fold(quote) for quote in source.quotes]) if places else None


def answering(kb: KnowledgeBase, slots: dict[str, Any], folded: str,
              coverage: Callable[[str], float]) -> Passage | None:
    """The sentence just quoted, when it says most of a question of its own words (`coverage`: how much of the
    question a text says, 0 to 1); not a "còn …" question, which moves to another subject."""
    found = quoted_last(slots)
    if (found is None or found[1] is None or _NEXT_SUBJECT.match(folded) or len(query_terms(folded)) < OWN_WORDS
            or (sentence := kb.passage_at(found[1])) is None):
        return None
    return sentence if coverage(sentence.text) >= ANSWERS else None


def figure_around(kb: KnowledgeBase, slots: dict[str, Any], code: str, period: str | None) -> bool:
    """The figure last shown (`code`, `period`) is written in the sentences around the one just quoted (its
    speaker's sentence comes before it, what he said next after it)."""
    found = quoted_last(slots)
    if found is None or found[1] is None or not code:
        return False
    figures = {v.text for v in kb.values(code, period) if v.text and any(c.isdigit() for c in v.text)}
    near = (kb.passage_at(at) for at in range(max(0, found[1] - FOLLOWING), found[1] + FOLLOWING + 1))
    return any(p is not None and p.source in found[0] and re.search(rf"(?<![\d.,]){re.escape(f)}(?!\d)", p.text)
               for p in near for f in figures)
