"""Curated answers for questions that are not one number: theme, vision, government."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from knowledge import (
    STOP_WORDS,
    AnswerInfo,
    KnowledgeBase,
    answer_score,
    fold,
    question_words,
    reorganisation_of,
    with_names,
)

from . import replies
from .feedback_buttons import feedback_buttons
from .government import COUNT_QUESTION, address_source, answer_unit_count
from .leaders import name_of, people_of, posts_asked, posts_of
from .passages import measures_asked, without_the_meeting
from .query import Query, Reply, button

MORE_TOPICS = 3


WEAK_MATCH = 0.3
STRONG_MATCH = 0.45  # a curated answer given whatever the intent


# "… là ai?", "ai đang làm chủ tịch?", "tên gì": a person asked, which a list of people answers
_WHO = re.compile(r"\b(?:ai|ong nao|ba nao|ten gi|ten la gi|la nguoi nao|nhung ai|gom nhung ai)\b")
_SAID = re.compile(r"\b(?:the nao|ra sao|gi|chi dao|yeu cau|noi|phat bieu|de nghi|nhan manh|khac phuc|giai phap)\b")


def focused(kb: KnowledgeBase, text: str, question: str) -> str:
    """A curated list of people and their posts ("…: ông A là Bí thư Thành ủy; ông B là Phó Bí thư …"),
    asked of one post ("Còn Chủ tịch UBND thành phố?"): that person's clause alone, after the list's
    own opening. Anything else, or a post several clauses hold, keeps the whole text."""
    intro = text.partition(": ")[0]
    people = people_of(text)
    if not people:
        return text
    posts = posts_of(kb, text)
    claimed = posts_asked(posts, f" {kb.normalize_question(question)} ")
    holding = [c for c, keys in posts.items() if claimed & keys]
    return f"{intro}: {holding[0]}." if len(holding) == 1 else text


# "… đúng không?", "… phải ko", "… à?": a claim put as a question
_TAGGED = re.compile(r"\b(?:dung|phai) (?:khong|ko|k|hem)\b|\b(?:a|ha|ak|nhi|chu)\s*$")
def role_verdict(kb: KnowledgeBase, text: str, question: str, asked: str | None = None) -> str | None:
    """"Ông Lê Ngọc Châu là Bí thư Thành ủy đúng không?": one person of a curated list of people and their
    posts, claimed to hold posts of the list: right or wrong, with who holds the post claimed. `asked`: the
    question already normalized, when the caller has it."""
    people = people_of(text)
    if not people:
        return None  # most curated texts: no list of people, nothing to normalize
    asked = f" {kb.normalize_question(question) if asked is None else asked} "
    if not _TAGGED.search(asked.strip()):
        return None
    asked = f" {with_names(asked, (fold(name_of(clause)) for clause, _ in people))} "  # "ông Lê Tiếm Châu là …"
    # the name, then what it is said to be: "ông X là …", "ông X làm …", "ông X giữ chức …"; or the post
    # first: "Chủ tịch UBND là ông X phải không?"
    named = [clause for clause, _ in people if re.search(
        rf" {(name := fold(name_of(clause)))} (?:dang )?(?:la|lam|giu chuc) "
        rf"| (?:la|lam) (?:ong |ba |dong chi )?{name} ", asked)]
    posts = posts_of(kb, text)
    claimed = posts_asked(posts, asked)
    if len(named) != 1 or not claimed:
        return None
    clause = named[0]
    according = replies.lower_first(text.partition(": ")[0])  # the posts as of the meeting the list is from
    if claimed <= posts[clause]:
        return f"Đúng: {according}, {clause}."
    holders = [c for c, keys in posts.items() if c != clause and claimed & keys]
    return f"Không đúng: {according}, {'; '.join([clause, *holders])}."


def post_misnamed(kb: KnowledgeBase, question: str) -> str | None:
    """"Chủ tịch UBND Lê Tiến Châu phát biểu gì?": a post written before the name of a person of a curated list
    of people who does not hold it; "Không đúng: …" with the posts the person holds and who holds the one written."""
    asked = f" {kb.normalize_question(question)} "
    for info in kb.answers():
        posts = posts_of(kb, info.answer.answer)
        for clause in [c for c in posts if f" {fold(name_of(c))} " in asked]:
            written = {key for keys in posts.values() for key in keys if key and re.search(
                rf" {key}(?: (?:thanh uy|thanh pho|hai phong))* {fold(name_of(clause))} ", asked)}
            if wrong := {key for key in written if key not in posts[clause]
                         and not any(key != own and key in own for own in written)}:  # "phó bí thư" holds no "bí thư"
                holders = [c for c, keys in posts.items() if c != clause and wrong & keys]
                according = replies.lower_first(info.answer.answer.partition(": ")[0])
                return f"Không đúng: {according}, {'; '.join([clause, *holders])}.\n{replies.source_line(info.document)}"
    return None


_SAID_TO_BE = re.compile(r"\b(?:la|lam|giu chuc)\b")
# "ông Đỗ Mạnh Hiến giữ chức vụ gì?", "… là ai vậy": the post of a person named asked
POST_ASKED = re.compile(r"\b(?:(?:giu|lam) (?:nhung |cac )?(?:chuc|chuc vu|vi tri)(?: vu)? (?:gi|j|nao)|chuc vu (?:gi|j|la gi|nao)|"
                         r"chuc (?:gi|j)|la ai|dang lam gi|giu vi tri (?:gi|nao))\b")


def person_named(text: str, asked: str) -> str | None:
    """The clause of the one person of a curated list of people that the question names, if one."""
    people = people_of(text)
    named = [clause for clause, _ in people if f" {fold(name_of(clause))} " in f" {asked} "]
    return named[0] if len(named) == 1 else None


def answer_post(info: AnswerInfo, clause: str) -> Reply:
    """One person's clause of a curated list of people, as of the meeting the list is from."""
    according = info.answer.answer.partition(": ")[0]
    reply = Reply().say(f"{according}, {clause}.\n{replies.source_line(info.document)}", feedback_buttons())
    reply.slots.update(topic=info.answer.topic)
    reply.answer_id = f"answer:{info.answer.id}"
    return reply


def post_asked_of(kb: KnowledgeBase, text: str) -> tuple[AnswerInfo, str] | None:
    """The curated list of people naming the one person whose post `text` asks, with that person's clause."""
    if not POST_ASKED.search(asked := kb.normalize_question(text)):
        return None
    for info in kb.answers():
        if (clause := person_named(info.answer.answer, asked)) is not None:
            return info, clause
    return None


def people_claimed(kb: KnowledgeBase, q: Query) -> AnswerInfo | None:
    """The curated list of people and posts that a claim of the question is about, if any."""
    if not _SAID_TO_BE.search(fold(q.text)) or not _TAGGED.search(asked := kb.normalize_question(q.text)):
        return None  # no claim put as a question: the curated texts are not read (most messages)
    return next((info for info in kb.answers() if role_verdict(kb, info.answer.answer, q.text, asked) is not None), None)


def _described(kb: KnowledgeBase, best: AnswerInfo, q: Query) -> str:
    if (verdict := role_verdict(kb, best.answer.answer, q.text)) is not None:
        return f"{verdict}\n{replies.source_line(best.document)}"
    return f"{focused(kb, best.answer.answer, q.text)}\n{replies.source_line(best.document)}"


def answer_topic(kb: KnowledgeBase, q: Query, topic: str) -> Reply:
    """The curated answer of `topic` closest to the question; related ones as buttons."""
    found = kb.find_answers(searched(kb, q), topic=topic, limit=MORE_TOPICS + 1)
    best = found[0] if found else next(iter(kb.answers(topic)), None)
    if best is None:
        return Reply().say("Các tài liệu tôi có chưa nói về nội dung này.")
    others = [a for a in (found[1:] or kb.answers(topic)[:MORE_TOPICS + 1]) if a.answer.id != best.answer.id]
    buttons = [button(replies.short(a.answer.questions[0]), a.answer.questions[0]) for a in others[:MORE_TOPICS]]
    reply = Reply().say(_described(kb, best, q), feedback_buttons())
    if buttons:
        reply.say("Bạn cũng có thể hỏi:", buttons)
    reply.slots.update(topic=topic)
    reply.answer_id = f"answer:{best.answer.id}"
    return reply


# "… đúng không", "… phải ko", "… à": a claim put to the bot
CLAIM_TAG = re.compile(r"\b(?:dung|phai)\s+(?:khong|ko|k|hong|hok)\b|\b(?:a|ha|ak|ah)\s*\W*$")
_COUNT_CLAIMED = re.compile(r"(?<![\d/.,])\b\d\b(?![\d/.,])")  # "1 cấp": a one-digit count, no date or figure
_A_DATE = re.compile(r"\d\s*/\s*\d|\b(?:ngay|thang|quy|nam)\s+\d")


def searched(kb: KnowledgeBase, q: Query) -> str:
    """The question as the curated answers are searched with: without the meeting it names; a claim of a one-digit
    count none of them has ("hp chỉ còn chính quyền 1 cấp đúng ko") without that count, which the text then checks
    (a date claimed stays: "làm việc hôm 14/11/2023 đúng k" is about that visit, not any text)."""
    text = without_the_meeting(kb, q.text)
    folded = fold(text)
    if (CLAIM_TAG.search(folded) and _COUNT_CLAIMED.search(text) and not _A_DATE.search(folded)
            and not kb.find_answers(text, limit=1)):
        return _COUNT_CLAIMED.sub(" ", text)
    return text


def curated_fitting(kb: KnowledgeBase, q: Query, topic: str | None) -> str | None:
    """The text of the curated answer (of `topic`, or of any topic) that fits the question well
    enough to give, or None. Whatever the topic, it must speak of most of what the question asks
    about: "dân số sau hợp nhất" is not answered by a text about the merger that gives no population."""
    found = kb.find_answers(searched(kb, q), topic=topic, limit=1)
    if not found or found[0].score < (WEAK_MATCH if topic else STRONG_MATCH):
        return None
    read = kb.normalize_question(q.text)
    if people_of(found[0].answer.answer) and _SAID.search(read) and not _WHO.search(read):
        return None  # "bí thư thành ủy chỉ đạo khắc phục thế nào?" asks what was said, not who holds the post
    if not all(f" {m} " in f" {fold(found[0].answer.answer)} " for m in measures_asked(read)):
        return None  # "dân số sau hợp nhất là bao nhiêu người?": a text about the merger giving no population
    if topic:
        return found[0].answer.answer
    asked = set(fold(q.text).split()) - STOP_WORDS
    said = set(fold(" ".join((found[0].answer.answer, *found[0].answer.questions))).split())
    return found[0].answer.answer if not asked or len(asked & said) / len(asked) >= COVERED else None


TOPIC_MARGIN = 0.1  # the intent's topic breaks ties only: another topic's answer that fits clearly better wins


def better_elsewhere(kb: KnowledgeBase, q: Query, topic: str) -> bool:
    """A curated answer of another topic fits the question clearly better than any of `topic`'s."""
    text = searched(kb, q)
    best = kb.find_answers(text, limit=1)
    own = kb.find_answers(text, topic=topic, limit=1)
    if not best or best[0].answer.topic == topic or best[0].score < STRONG_MATCH:
        return False
    return not own or best[0].score > own[0].score + TOPIC_MARGIN


def curated_fit(kb: KnowledgeBase, q: Query, topic: str | None) -> bool:
    return curated_fitting(kb, q, topic) is not None


def fit_with_subject(kb: KnowledgeBase, q: Query, subject: str, topic: str | None) -> AnswerInfo | None:
    """"khi vận hành có khó khăn gì không?" after the two-tier government, "ông ấy muốn HP phát triển
    thế nào?" after the General Secretary's visit: of the curated answers its words and the subject's fit
    (of `topic`, or of any), the one its own words fit best, if it says a phrase of the question's own
    ("khó khăn", "phát triển"); None otherwise ("tính giải quyết thế nào?" is not answered by how the
    government works, which only the subject fits)."""
    asked = replace(q, text=f"{q.text} {fold(subject)}")
    bar = WEAK_MATCH if topic else STRONG_MATCH
    fitting = [f for f in kb.find_answers(asked.text, topic=topic, limit=MORE_TOPICS + 1) if f.score >= bar]
    # a phrase of its own, two words in a row: "khó khăn", not the "giai" of "giai đoạn" for "giải quyết"
    own = {pair for pair in pairwise(fold(q.text).split()) if not set(pair) & (STOP_WORDS | ANSWER_WORDS)}
    own_words = question_words(q.text)

    phrases_said = {f.answer.id: len(own & set(pairwise(fold(" ".join((f.answer.answer, *f.answer.questions))).split())))
                    for f in fitting}
    # the answer just given is no answer to the question that follows it
    candidates = [f for f in fitting if phrases_said[f.answer.id] and f"answer:{f.answer.id}" != q.slots.get("last_answer_id")]
    if not candidates:
        return None
    # the subject's words ("làm việc", "Thành ủy") fit its other answers as well: its own words choose,
    # the phrases first ("vận hành" and "khó khăn" over "vận hành" alone)
    return max(candidates, key=lambda f: (phrases_said[f.answer.id],
                                          answer_score(own_words, f.answer.questions, f.answer.answer)))


def answer_curated(kb: KnowledgeBase, info: AnswerInfo, q: Query) -> Reply:
    """One curated answer, with its source."""
    reply = Reply().say(_described(kb, info, q), feedback_buttons())
    reply.slots.update(topic=info.answer.topic if info.answer.topic in ("government", "theme", "vision") else "answer")
    reply.answer_id = f"answer:{info.answer.id}"
    return reply


ANSWER_WORDS = frozenset("gi khong ko co nao the sao nhu thi con thanh pho hai phong hp tp".split())  # no subject


COVERED = 0.6


def answer_best_curated(kb: KnowledgeBase, q: Query) -> Reply:
    """The curated answer of any topic that fits best."""
    best = kb.find_answers(searched(kb, q), limit=1)[0]
    reply = Reply().say(_described(kb, best, q), feedback_buttons())
    reply.slots.update(topic=best.answer.topic if best.answer.topic in ("government", "theme", "vision") else "answer")
    reply.answer_id = f"answer:{best.answer.id}"
    return reply


def answer_theme(kb: KnowledgeBase, q: Query) -> Reply:
    reply = answer_topic(kb, q, "theme")
    if reply.messages and (verdict := _theme_claim(kb, q, reply.messages[0]["text"])) is not None:
        reply.messages[0]["text"] = f"{verdict}\n{reply.messages[0]['text']}"
    return reply


# "chủ đề năm 2025 của HP là năm chỉnh trang đô thị đúng không?": what the theme is claimed to be
_THEME_CLAIMED = re.compile(r"\bchu de\b.*?\bla (?:nam )?(.+?)(?: (?:dung|phai) (?:khong|ko|k|hem)| a| ha| ak| nhi| chu)?\s*$")
CLAIM_COVERED = 0.5  # of the words claimed that the theme must say for the claim to stand


def _theme_claim(kb: KnowledgeBase, q: Query, said: str) -> str | None:
    """A theme claimed as a question, against the theme the documents give: wrong when it says less
    than half the pairs of words claimed."""
    asked = kb.normalize_question(q.text)
    if not _TAGGED.search(asked) or (claimed := _THEME_CLAIMED.search(asked)) is None:
        return None
    pairs = list(pairwise(w for w in claimed.group(1).split() if w not in STOP_WORDS))
    if not pairs:
        return None
    theme = set(pairwise(fold(said).split()))  # pairs: "chỉnh trang đô thị" shares "đô thị" only, not "chỉnh"
    return "Đúng." if sum(p in theme for p in pairs) / len(pairs) >= CLAIM_COVERED else "Không đúng."


def answer_vision(kb: KnowledgeBase, q: Query) -> Reply:
    return answer_topic(kb, q, "vision")


def answer_government(kb: KnowledgeBase, q: Query) -> Reply:
    if COUNT_QUESTION.search(fold(q.text)):
        return answer_unit_count(kb, q)  # the documents do not count them; the unit data does
    reply = answer_topic(kb, q, "government")
    if SINCE_WHEN.search(fold(q.text)) and reply.messages:
        # the documents give no start date; the unit data says when the new units took effect
        reply.messages[0]["text"] += ("\nTheo dữ liệu sắp xếp đơn vị hành chính, các đơn vị hành chính cấp xã mới của "
                                      f"thành phố có hiệu lực từ ngày {reorganisation_of(kb).effective}.\n"
                                      f"{address_source(kb)}")
    return reply


SINCE_WHEN = re.compile(r"\b(?:tu khi nao|tu ngay nao|tu bao gio|khi nao|ngay nao|bao gio|tu luc nao|bat dau)\b"
                        r".*\b(?:chinh quyen|cap|van hanh|hoat dong)\b|\b(?:chinh quyen|2 cap|hai cap)\b.*"
                        r"\b(?:tu khi nao|tu ngay nao|tu bao gio|khi nao|ngay nao|bao gio)\b")
