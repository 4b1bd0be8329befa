"""When the answer is a sentence of the documents: quote it, verbatim, with its source.

Below the knowledge base's relevance threshold nothing is quoted and the reply
says plainly that the documents do not cover the question. Only source text is
ever shown inside quotation marks (never the bot's own search text).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal
from itertools import pairwise

from knowledge import (
    STOP_WORDS,
    KnowledgeBase,
    Passage,
    expand_keeping_marks,
    fold,
    parse_value,
    query_terms,
    strip_diacritics,
)

from .fallback import not_covered
from .feedback_buttons import feedback_buttons
from .leaders import holder_named
from .policies import policy_numbered
from .query import Query, Reply, passage_answer_id
from .understand import ASKS_A_QUANTITY, EXPLANATION, FEW_WORDS, SECTOR, Asked, as_the_documents_write

MAX_QUOTES = 3


MIN_TERMS = 2  # "thế còn cái kia" has nothing a passage could answer
# "… là gì?", "bộ nào?", "ở đâu?", "ai …?": asks for words, not a number. Such questions the
# documents do not cover score low (the weather 0.44), those they do from 0.43 up: the
# explanation bar (with its two-word term) serves them too. "Mấy giờ", "bao nhiêu" keep the high bar.
# "đâu" folded is "dau", as "đầu tư" is: "ở đâu", "về đâu" or a last word
WHAT = re.compile(r"\b(?:gi|nao|ai)\b|\b(?:o|ve|tai|den|di|tu|cho) dau\b|\bdau\s*$")


def wants_words(folded: str) -> bool:
    return EXPLANATION.search(folded) is not None or (WHAT.search(folded) is not None and not ASKS_A_QUANTITY.search(folded))


# "AI" in capitals is what the documents write out ("ứng dụng trí tuệ nhân tạo …"); "ai" is "who"
_AI = re.compile(r"\bAI\b")


# "tài liệu có nhắc gì tới …", "có nói gì về …": whether the documents mention it, which no sentence says in
# those words; what is asked is the rest
_MENTION_TYPED = re.compile(r"\b(?:ủa\s+)?(?:các\s+)?(?:tài liệu|văn bản|báo cáo)\s+(?:có\s+)?"
                            r"(?:nhắc|nói|đề cập|nhắc đến|nhắc tới)(?:\s+(?:gì|j))?\s+(?:tới|đến|về)\b", re.IGNORECASE)
_MENTION_FOLDED = re.compile(r"\b(?:ua\s+)?(?:cac\s+)?(?:tai lieu|van ban|bao cao)\s+(?:co\s+)?"
                             r"(?:nhac|noi|de cap|nhac den|nhac toi)(?:\s+gi)?\s+(?:toi|den|ve)\b")


# What makes a sentence of a message ask something
_QUESTION_CUE = re.compile(r"\b(?:gi|j|nao|sao|bao nhieu|bn|may|khong|ko|chua|ai|dau|the nao|ntn|khi nao|bao gio|hay|ha|a)\b")
_SENTENCES = re.compile(r"(?<=[.!?\n])\s+")


# A sentence that only greets or says who is asking ("chào bạn, mình ở nhóm tình nguyện môi trường");
# "tôi đang viết bài về buổi làm việc …" names the subject, and stays
_ABOUT_ME = re.compile(r"^(?:\W*(?:xin )?chao\b|.*\b(?:toi|minh|em|chau|bac|tui) (?:la|o|lam|dang lam|song o)\b)")


def asking_part(text: str) -> str:
    """The message less its sentences that only greet or say who is asking: "chào bạn, mình ở nhóm tình
    nguyện môi trường. thành phố có kế hoạch gì về chuyển đổi xanh?"."""
    sentences = [s for s in _SENTENCES.split(text.strip()) if s]
    kept = [s for s in sentences if "?" in s or _QUESTION_CUE.search(fold(s))
            or not _ABOUT_ME.search(fold(s)) or " ve " in f" {fold(s)} "]
    return " ".join(kept) if kept and len(kept) < len(sentences) else text


def _question(kb: KnowledgeBase, a: Asked) -> str:
    # Typed with tone marks, the question matches exact spellings ("bãi" is not "bài"), its typos
    # corrected ("di sảm" is "di sản"); typed without, its corrected folded form is all there is.
    asked = asking_part(a.text)
    if a.text == strip_diacritics(a.text):
        return _as_written(_DATE_ASKED.sub(r"\1 nao", _MENTION_FOLDED.sub(
            " ", a.folded if asked == a.text else kb.normalize_question(asked))))
    text = _MENTION_TYPED.sub(" ", asked)
    return _as_written(_DATE_ASKED.sub(r"\1 nào", kb.correct_keeping_marks(
        expand_keeping_marks(_AI.sub("AI trí tuệ nhân tạo", text) if not text.isupper() else text))))


# "chậm nhất là ngày bao nhiêu": a date asked, which the search must not read as a number
_DATE_ASKED = re.compile(r"\b(ngày|ngay|tháng|thang) (?:bao nhiêu|bao nhieu|mấy|may)\b", re.IGNORECASE)
# "đô thị loại 1": the documents write a rank in Roman numerals ("loại I"); a term they write both ways
_RANKED = re.compile(r"\b(loại|loai) (1[0-9]|20|[1-9])\b", re.IGNORECASE)
_ROMAN = ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI",
          "XVII", "XVIII", "XIX", "XX")


def _as_written(question: str) -> str:
    return _RANKED.sub(lambda m: f"{m.group(1)} {_ROMAN[int(m.group(2))]}", question)


def _context(a: Asked) -> str:
    """The subject's words in the question's own form: with tone marks if it has them."""
    return a.context if a.text != strip_diacritics(a.text) else fold(a.context)


# What names a document rather than asks about it: its number's letters, and its issuers.
_NAMING_WORDS = frozenset("nq kl qd ct nd tt cp tw qh15 cua ubnd hdnd số".split())  # "số", not "hồ sơ"
# What a document does, not what it is about: "Nghị quyết 7 yêu cầu … liên kết vùng như thế nào?"
_STATING = re.compile(r"\b(?:yeu cau|neu ro|neu|de ra|dat ra|dat muc tieu|noi(?! dung))\b")  # "nói", not "nội dung"
# "văn bản đó", "nq này": the document pointed at, named
# "Nó về nội dung gì?": the pronoun opening the question is the document too
_POINTED_DOCUMENT = re.compile(r"\b(?:van ban|nghi quyet|quyet dinh|ket luan|chi thi|ke hoach|nq|qd|kl)"
                               r" (?:do|nay|ay|day|tren)\b|^(?:the |vay )?no\b")
_NAMING_FOLDED = frozenset(fold(w) for w in _NAMING_WORDS)  # typed without tone marks: "so" may be "số"
_ISSUERS = ("chinh phu", "bo chinh tri", "quoc hoi", "thu tuong chinh phu", "ban chap hanh trung uong",
            "hoi dong nhan dan", "uy ban nhan dan", "thanh uy")


def document_question(kb: KnowledgeBase, a: Asked, number: str, pointed_at: bool = False) -> str:
    """The question less the words naming the document: two words in a row of its number, type,
    issuer, aliases or title ("liên kết vùng" keeps "kết", which "Kết luận" has), its number's letters."""
    p = policy_numbered(kb, number)
    if p is None:
        return ""
    words = re.findall(r"\w+", _question(kb, a))  # "7/NQ-CP" is words and a number
    folded = [fold(w) for w in words]
    # "… hỗ trợ bao nhiêu người theo nghị quyết đó": pointed at, the document is not named by its title's words,
    # and a number asked is no title's ("kết luận đó tiếp tục thực hiện nghị quyết nào": its title says)
    number_of_it = (pointed_at or _POINTED_DOCUMENT.search(" ".join(folded)) is not None) and asks_number(a)
    texts = (p.doc_type, p.issuer or "", *_ISSUERS) if number_of_it else (
        p.doc_type, p.issuer or "", *p.aliases, p.title, *_ISSUERS)
    pairs = {pair for name in texts for pair in pairwise(fold(name).split())}
    starts = [len(" ".join(folded[:i])) + (1 if i else 0) for i in range(len(folded))]
    stating = {i for m in _STATING.finditer(" ".join(folded)) for i, at in enumerate(starts) if m.start() <= at < m.end()}

    pointed = {j for m in _POINTED_DOCUMENT.finditer(" ".join(folded)) for j, at in enumerate(starts)
               if m.start() <= at < m.end()}

    def names(i: int) -> bool:
        if i in stating or i in pointed:
            return True
        typed = words[i].lower()
        # "hđnd", "qđ" as typed; typed without tone marks, "so" may be "số"
        naming = typed.replace("đ", "d") in _NAMING_WORDS or (typed == strip_diacritics(typed) and folded[i] in _NAMING_FOLDED)
        # "năm 2024": the period goes with its number
        period = folded[i] in ("nam", "quy", "thang") and i + 1 < len(words) and any(c.isdigit() for c in folded[i + 1])
        return (naming or period or any(c.isdigit() for c in folded[i])
                or (i > 0 and (folded[i - 1], folded[i]) in pairs)
                or (i + 1 < len(words) and (folded[i], folded[i + 1]) in pairs))
    return " ".join(w for i, w in enumerate(words) if not names(i))


# "trong đó có nói đến … không", "có nhắc tới … ko": whether it says something, which its sentence shows
_MENTIONED = re.compile(r"\b(?:noi|nhac|de cap|neu)(?: \w+)? (?:den|toi|ve)\b")


CITING_CANDIDATES = 100


def about_document(kb: KnowledgeBase, a: Asked, number: str, pointed_at: bool = False) -> list[Passage]:
    """What a named document says of something ("Nghị quyết 7 yêu cầu liên kết vùng như thế nào?"): the
    question less the document's name, among the sentences of the documents citing it; one sentence
    clearly best, or none (many sentences speak of "mục tiêu")."""
    # a number asked ("các hội nghị đó tiếp nhận bao nhiêu kiến nghị?" after the plan for them): the citing
    # sentences that give one
    if a.from_button or not (wants_words(a.folded) or asks_number(a) or _MENTIONED.search(a.folded)):
        return []
    rest = document_question(kb, a, number, pointed_at)  # `pointed_at`: the document of the context, not named
    terms = len(query_terms(fold(rest)))
    if terms < MIN_TERMS and not (terms and asks_number(a)):
        return []  # "Nghị quyết 45 là gì?": the document itself
    # a sentence of a document about it, or one that cites it: not any sentence of a report citing it once;
    # "được bao nhiêu người rồi?" says too little for more than the sentences citing it themselves
    about = kb.documents_about(number) if terms >= MIN_TERMS else frozenset()
    limit = 3 * MAX_QUOTES if terms >= MIN_TERMS else CITING_CANDIDATES  # "người" and a number: many sentences
    found = [p for p in kb.passages(rest, limit=limit, explanation=True, sources=kb.documents_citing(number))
             if (p.source in about or kb.cites(p, number)) and not cites_only_others(p.text, number)
             and (terms >= MIN_TERMS or number.lower() in p.text.lower())][:MAX_QUOTES]
    if len(found) > 1 and found[1].score > found[0].score - MARGIN and not asks_a_theme(rest):
        return []  # "Nghị quyết 7 nêu mục tiêu gì?": the document itself, not three sentences of "mục tiêu"
    return found


# A document's number as sentences cite it: "08/2024/NQ-HĐND", "45-NQ/TW", "110-TB/VPTW", "1131/QĐ-TTg"
_DOCUMENT_NUMBER = re.compile(r"(?<![\w/-])\d+(?:/\d{4})?[/-](?:NQ|QĐ|QD|KL|NĐ|ND|TB|CT|QH|KH|BC)\b[\w/-]*", re.IGNORECASE)


def cites_only_others(text: str, number: str) -> bool:
    """The sentence cites other documents and not this one: it is about them ("Nghị quyết số 08/2024 …"
    is no answer about 03/2024), though it stands in a document that cites this one elsewhere."""
    cited = [m.group().lower() for m in _DOCUMENT_NUMBER.finditer(text)]
    return bool(cited) and number.lower() not in text.lower() and not any(c.startswith(number.lower()) for c in cited)


# What any document has ("mục tiêu", "nhiệm vụ"): asked alone, the document itself answers.
# Nor are its date, issuer, signer or force ("ban hành ngày nào", "ai ký", "còn hiệu lực không").
_ASKED_OF_ANY_DOCUMENT = frozenset("muc tieu noi dung nhiem vu giai phap chu truong yeu cau gom nhom chinh tu duoc do boi "
                                   "chu yeu trong tam quan trong co ban nhung diem moi ban hanh ngay ai ky thong qua "
                                   "hieu luc nam thang co quan thoi gian bao gio luc khi so van ban theo ke hoach dinh "
                                   "viec thay the cai ra lam con hien nay van de noi dang chu y noi bat".split())


def asks_a_theme(rest: str) -> bool:
    """"… về an ninh trật tự", "liên kết vùng": a theme of the document asked, not the document itself."""
    return bool(set(query_terms(fold(rest))) - _ASKED_OF_ANY_DOCUMENT)


def _meetings(kb: KnowledgeBase) -> list[tuple[re.Pattern[str], str]]:
    """The meetings a document reports (its issuer says "Hội nghị … Thành ủy", its date the day), as
    residents name them: "hội nghị Thành ủy tháng 7", "hn thành ủy hôm 12/7"."""
    found = []
    for doc in kb.documents().values():
        issuer = fold(doc.issuer)
        if not doc.date or "hoi nghi" not in issuer or "thanh uy" not in issuer:
            continue
        year, month, day = (int(part) for part in doc.date.split("-"))
        found.append((re.compile(rf"\bhoi nghi (?:cua )?thanh uy(?: hai phong)?(?: hom| ngay| sang)? "
                                 rf"(?:thang {month}|{day} {month})(?: nam {year}| {year})?\b"), doc.id))
    return found


MEETING_AND_MORE = 3  # content words besides the meeting named: "… ai là chủ tịch UBND trình bày báo cáo"


def without_the_meeting(kb: KnowledgeBase, folded: str) -> str:
    """"hn thành ủy 12/7 ai là ct ubnd tp trình bày bc": what is asked of the meeting named, when that is a
    question of its own (the meeting's overview is no answer to it); else the question as it is."""
    for pattern, _ in _meetings(kb):
        if (named := pattern.search(folded)) is not None:
            rest = f"{folded[:named.start()]} {folded[named.end():]}"
            of_itself = _OF_THE_MEETING_ITSELF.search(fold(rest)) is not None  # "… hôm 12/7 là lần thứ mấy"
            return rest if len(query_terms(rest)) >= MEETING_AND_MORE and not of_itself else folded
    return folded


_OF_THE_MEETING_ITSELF = re.compile(r"\blan thu (?:may|bao nhieu|nao|j|gi)\b")


def _of_a_meeting(kb: KnowledgeBase, a: Asked, explanation: bool) -> list[Passage] | None:
    """"Hội nghị Thành ủy tháng 7 nói gì về đầu tư nước ngoài?": the meeting named is where to look, not
    words its article's sentence repeats."""
    for pattern, source in _meetings(kb):
        if (named := pattern.search(a.folded)) is not None:
            rest = f"{a.folded[:named.start()]} {a.folded[named.end():]}"
            if len(query_terms(rest)) >= MIN_TERMS:
                return kb.passages(rest, limit=MAX_QUOTES, explanation=explanation, sources=frozenset({source}))
    return None


# "ông ấy", "bà ấy": the person of the subject leaned on, by the office it names ("tổng bí thư tô lâm …")
_HE_OR_SHE = re.compile(r"\b(?:ông|bà|ong|ba|đồng chí|dong chi) (?:ấy|ay|ta|đó|do)\b", re.IGNORECASE)
_OFFICE = re.compile(r"\b(?:tong bi thu|pho bi thu|bi thu|pho chu tich|chu tich|pho thu tuong|thu tuong|bo truong)"
                     r"(?: \w+){0,3}")


def of_a_person(a: Asked) -> bool:
    """"ông ấy", "bà đó": a person the subject names is what the question is of."""
    return _HE_OR_SHE.search(a.text) is not None


NAME_WORDS = (2, 4)  # a Vietnamese person's name, family name first


def with_the_person(a: Asked) -> str | None:
    """The question with "ông ấy" written as the person the subject names: "còn ông ấy dặn gì về quy hoạch?"
    after Tổng Bí thư Tô Lâm's words has few words of its own, and the office is what the sentences say."""
    if not a.context or (said := _HE_OR_SHE.search(a.text)) is None:
        return None
    folded = fold(a.context)
    plain = a.text == strip_diacritics(a.text)
    if (office := _OFFICE.search(folded)) is None:
        if not NAME_WORDS[0] <= len(folded.split()) <= NAME_WORDS[1]:
            return None
        # "lê tiến châu": the person a "who" question was answered with is the subject itself
        person = folded if plain else a.context
        return f"{a.text[:said.start()]}{person}{a.text[said.end():]}"
    words = a.context.split()[len(folded[:office.start()].split()):][:len(office.group().split())]
    person = " ".join(words) if not plain else office.group()
    return f"{a.text[:said.start()]}{person}{a.text[said.end():]}"


# "Tổng Bí thư nói gì về quy hoạch": what was said about a matter; the sentences saying it come before those
# that only name the speaker and the meeting ("Hà Nội", "kết nối" are no "nói")
_SAID_ABOUT = re.compile(r"\b(?:(?<!ha )(?<!ket )noi|phat bieu|chi dao|yeu cau|nhan manh|de nghi|de cap|nhac|luu y)\b"
                         r"(?: (?:gi|j|nhung gi|nhieu))?(?: (?:ve|toi|den))? (.+)$")  # "ông ấy nói lòng tin …"


def _ranked(kb: KnowledgeBase, a: Asked, explanation: bool) -> list[Passage]:
    found = _ranked_by_words(kb, a, explanation)
    said = _SAID_ABOUT.search(a.folded)
    matter = set(query_terms(said.group(1))) if said else set()
    # "những công trình y tế nào đã hoàn thành": the sector named, before sentences of works of any sector
    matter |= {w for sector in SECTOR.findall(a.folded) for w in sector.split()}
    if not matter or not found:
        return found

    def saying(candidates: list[Passage]) -> list[Passage]:
        return [p for p in candidates if matter <= set(fold(p.text).split())]
    # below the first few, among those that clear the bar too
    first = saying(found) or saying(kb.passages(_question(kb, a), limit=3 * MAX_QUOTES, explanation=explanation))
    return (first + [p for p in found if p not in first])[:MAX_QUOTES]


def _ranked_by_words(kb: KnowledgeBase, a: Asked, explanation: bool) -> list[Passage]:
    found = _ranked_once(kb, a, explanation)
    if found or a.from_button or (name := holder_named(kb, a.folded)) is None or fold(name) in a.folded:
        return found
    # "Bí thư Thành ủy chỉ ra những hạn chế gì?": the sentences name the person who holds the post
    named = f"{a.text} {name}"
    return _ranked_once(kb, replace(a, text=named, folded=kb.normalize_question(named)), explanation)


def _ranked_once(kb: KnowledgeBase, a: Asked, explanation: bool) -> list[Passage]:
    found = _ranked_plain(kb, a, explanation)
    if found and not (a.context or a.from_button or a.yes_no or a.premise_cue) and (
            said := _said_by_someone(kb, a, explanation)) is not None:
        rest, name, theirs = said
        # the person's name is what put the first sentence first ("…”, Tổng Bí thư Tô Lâm nhấn mạnh."), and one of
        # theirs says clearly more of the rest of the question
        if (theirs and theirs[0].text != found[0].text and name in fold(found[0].text)
                # nor another person's words
                and not any(other.name != name and other.name in fold(theirs[0].text) for other in _people(kb))
                and kb.passage_coverage(rest, found[0].text) + MARGIN < kb.passage_coverage(rest, theirs[0].text)):
            return theirs
    return found


def _ranked_plain(kb: KnowledgeBase, a: Asked, explanation: bool) -> list[Passage]:
    if (person := with_the_person(a)) is not None and (
            found := _ranked(kb, replace(a, text=person, folded=kb.normalize_question(person), context=""), explanation)):
        return found
    if a.from_button or len(query_terms(a.folded)) + (len(query_terms(fold(a.context))) if a.context else 0) < MIN_TERMS:
        return []  # "được bao nhiêu điểm?" has one word of its own, the subject it leans on the others
    if not a.context and (of_meeting := _of_a_meeting(kb, a, explanation)):
        return of_meeting
    if not a.context or len(query_terms(a.folded)) <= FEW_WORDS:
        # "có khó khăn gì không?" has hardly a word of its own: the subject leaned on helps choose
        return kb.passages(_question(kb, a), limit=MAX_QUOTES, explanation=explanation, context=_context(a))
    # "thế ai đang làm chủ tịch UBND?" is a question of its own: the subject only if nothing answers it
    return (kb.passages(_question(kb, a), limit=MAX_QUOTES, explanation=explanation)
            or kb.passages(_question(kb, a), limit=MAX_QUOTES, explanation=explanation, context=_context(a)))


# "Tổng Bí thư Tô Lâm muốn …", "ông Lê Ngọc Châu nêu …": a person the documents name, with the office before the name
_NAMED_IN_SOURCES = re.compile(r"(?:\b(?:[Ôô]ng|[Bb]à|[Đđ]ồng chí)\s+|\bTổng Bí thư\s+)((?:[A-ZĐ]\w*\s+){1,2}[A-ZĐ]\w*)")
# what the person named does as the question's subject: wants, says, asks, judges
_SPEAKS = re.compile(r"\s*(?:(?:da|co|cung|thi|lai) )*(?:muon|noi|bao|yeu cau|nhan manh|chi dao|de nghi|mong|danh gia|"
                     r"luu y|khang dinh|phat bieu|neu|de cap|nhac|dat ra|ky vong|dinh huong)\b")
_AN_OFFICE = re.compile(r"(?:Tổng|Bí|Chủ|Phó|Ủy|Giám|Thủ|Bộ)\b")  # "đồng chí Tổng Bí thư": an office, no name
@dataclass(frozen=True)
class _Person:
    name: str  # folded: "to lam"
    named: re.Pattern[str]  # the name in a folded question, with the office or "ông" before it
    sources: frozenset[str]  # the documents that name the person


_PEOPLE: dict[int, tuple[_Person, ...]] = {}


def _people(kb: KnowledgeBase) -> tuple[_Person, ...]:
    """The people the documents name after "ông", "bà", "đồng chí" or "Tổng Bí thư", by name."""
    if id(kb) not in _PEOPLE:
        found: dict[str, set[str]] = {}
        for p in filter(None, (kb.passage_at(at) for at in range(kb.passage_count()))):
            for m in _NAMED_IN_SOURCES.finditer(p.text):
                if not _AN_OFFICE.match(m.group(1)):
                    found.setdefault(fold(m.group(1)), set()).add(p.source)
        _PEOPLE[id(kb)] = tuple(_Person(name, re.compile(
            rf"(?:\b(?:tong bi thu|pho bi thu|bi thu|pho chu tich|chu tich|ong|ba|dong chi)(?: [a-z]+){{0,3}} )?\b{name}\b"),
            frozenset(sources)) for name, sources in sorted(found.items()))
    return _PEOPLE[id(kb)]


def _said_by_someone(kb: KnowledgeBase, a: Asked, explanation: bool) -> tuple[str, str, list[Passage]] | None:
    """"Tổng Bí thư Tô Lâm muốn Hải Phòng trở thành đô thị như thế nào?": the person named is whom the sentences are
    of, not words a sentence must repeat (one that only names him — "…”, Tổng Bí thư Tô Lâm nhấn mạnh." — would win):
    the question less the person and the office before the name, with them as its subject."""
    for person in _people(kb):
        if (named := person.named.search(a.folded)) is None:
            continue
        rest = f"{a.folded[:named.start()]} {a.folded[named.end():]}"
        if not _SPEAKS.match(a.folded[named.end():]) or len([w for w in rest.split() if w not in _FUNCTION]) <= MIN_TERMS:
            return None  # "ông Lê Tiến Châu là ai", "ông ấy được đề nghị làm gì": nothing he said asked
        # of the documents that name the person: "Tô Lâm muốn Hải Phòng …" is answered by the bulletin of his visit
        return rest, person.name, kb.passages(rest, limit=MAX_QUOTES, explanation=explanation or wants_words(rest),
                                              context=named.group(), sources=person.sources)
    return None


# What residents ask of a figure that the documents may not give: "doanh thu du lịch" is not the arrivals.
# "quốc gia đạt", "tham gia bán": the "gia" of another word, which names no price ("giá đất", "giá bán")
_OTHER_GIA = re.compile(r"\b(?:quoc|tham|chuyen) gia\b")


def no_other_gia(folded: str) -> str:
    return _OTHER_GIA.sub(" ", folded)


MEASURE_NOUNS = ("doanh thu", "loi nhuan", "thu nhap", "dan so", "chi phi", "muc luong", "tien luong", "gia ve",
                 "gia nha", "gia dat", "gia dien", "gia nuoc", "gia xang", "gia thue")


def best(kb: KnowledgeBase, a: Asked, explanation: bool = False) -> list[Passage]:
    """The sentences answering the question; `explanation`: at the lower bar whatever it asks. A
    number asked of a measure ("dân số … bao nhiêu người") is answered only by a sentence naming it:
    "một số vụ … người dân" has "số", "dân" and "người", not the population."""
    # "… là hội nghị lần thứ 3 đúng không?", "… hồi tháng 3/2025 đúng không?": the sentence giving its
    # ordinal or date, at the lower bar
    checks = _ORDINAL_CLAIMED.search(a.folded) is not None or ((a.premise_cue or a.yes_no) and bool(claimed_dates(a.text)))
    found = _ranked(kb, a, explanation or wants_words(a.folded) or checks)
    if not found and checks and DATE_CLAIMED.search(a.text):
        # "hội nghị lần 2 họp hôm 20/7 đúng k": a date no sentence has is checked against the sentence, not searched
        bare = DATE_CLAIMED.sub(" ", a.text)
        found = _ranked(kb, replace(a, text=bare, folded=kb.normalize_question(bare)), True)
    measures = measures_asked(a.folded)
    return [p for p in found if all(f" {m} " in f" {fold(p.text)} " for m in measures)]


# "ngày 30/9", "hôm 2/9", "31/8/2025": a date; "đạt 4/5 tiêu chí" is a share
DATE_CLAIMED = re.compile(r"\b(?:ngày|ngay|hôm|hom|hạn|han|trước|truoc)\s+\d{1,2}/\d{1,2}\b|\b\d{1,2}/\d{1,2}/\d{4}\b",
                          re.IGNORECASE)


def measures_asked(folded: str) -> list[str]:
    """The measures a number is asked of ("dân số … bao nhiêu người": "dan so"); only a text naming them answers."""
    return [m for m in MEASURE_NOUNS if f" {m} " in f" {no_other_gia(folded)} "] if ASKS_A_QUANTITY.search(folded) else []


def clear(kb: KnowledgeBase, a: Asked) -> list[Passage]:
    """The sentences above the calibrated bar, whatever the question asks."""
    return _ranked(kb, a, explanation=False)


# A sentence matching this share of the question says what is asked; a curated text that
# speaks of clearly less of the question (by MARGIN) yields to it: "thành phố chọn đảng bộ
# nào để tổ chức đại hội điểm?" is the sentence naming them, not the text on the congresses.
STRONG = 0.7
MARGIN = 0.1
# a question the classifier read as asking who the bot is, addressing no one, that a sentence says this
# much of: "Tổng Bí thư nói lòng tin của người dân là gì?" (0.70 as typed)
EXPLANATION_BAR = 0.6


# "đại hội điểm chọn xã nào?", "… tên là gì?": a name asked; a sentence naming it at this share of the question
# says more than a curated text on the subject, which does not name it (0.60 typed without tone marks)
NAMES_STRONG = 0.58
_NAME_ASKED = re.compile(r"\b(?!(?:muc|nam|quy|thang|ky|luc|giai doan|khi|cach|huong|the|sao|bao|ra)\b)\w+ nao\b|\bten (?:la )?gi\b")


def asks_a_name(a: Asked) -> bool:
    return _NAME_ASKED.search(a.folded) is not None and not asks_number(a)


FEW_OWN_WORDS = 3  # content words: a question this short after a quoted sentence asks of it


def of_the_quoted(a: Asked, q: Query) -> bool:
    """"Cho mấy dự án?" right after a quoted sentence, naming nothing: of that sentence's subject, not a list."""
    return (q.slots.get("topic") == "passage" and not a.over_last_list and not a.names_something
            and len(query_terms(a.folded)) <= FEW_OWN_WORDS)


def asks_number(a: Asked) -> bool:
    return ASKS_A_QUANTITY.search(a.folded) is not None


def coverage(kb: KnowledgeBase, a: Asked, text: str) -> float:
    """How much of the question `text` speaks of (0 to 1, words weighed by rarity)."""
    return kb.passage_coverage(_question(kb, a), text)


def says_more_than(kb: KnowledgeBase, a: Asked, text: str) -> bool:
    found = best(kb, a)
    # the text as questions are read: its "UBND" is the question's "ủy ban nhân dân"
    read = f"{text} {expand_keeping_marks(text)} {kb.normalize_question(text)}"
    if found and found[0].score >= EXPLANATION_BAR and _only_it_says_a_phrase(a, read, found):
        return True  # "Tổng Bí thư nói lòng tin của người dân là gì?": "lòng tin" is in one sentence, not in the text
    if not found or found[0].score < (NAMES_STRONG if asks_a_name(a) else STRONG):
        return False
    close = [p for p in found if p.score > found[0].score - MARGIN]
    if len(close) > 1:
        # "tầm nhìn đến năm 2045": many sentences say it; no one of them is the answer, unless every one says a
        # word of the question the text lacks ("kế hoạch gì cho y tế cơ sở": three sentences on it, beside the
        # growth target that "kế hoạch năm 2025" found)
        return found[0].score >= STRONG and bool(_said_by_all(a, close) - set(fold(read).split()))
    return coverage(kb, a, read) < found[0].score - MARGIN


_PERIOD_WORDS = frozenset("nam quy thang ky giai doan".split())


def _said_by_all(a: Asked, found: list[Passage]) -> set[str]:
    """The question's words that every one of the sentences says, its periods aside ("tầm nhìn đến năm 2045"
    is the vision whatever the year the text gives it)."""
    shared = {w for w in query_terms(a.folded) if not w.isdigit() and w not in _PERIOD_WORDS}
    for p in found:
        shared &= set(fold(p.text).split())
    return shared


def _pairs(folded: str) -> set[tuple[str, str]]:
    """Two words in a row, one at least of substance and neither a function word ("lòng tin": "lòng" is a
    stop word of the search, as in "vui lòng")."""
    return {pair for pair in pairwise(folded.split()) if not set(pair) <= STOP_WORDS and not set(pair) & _FUNCTION}


_FUNCTION = frozenset("la gi cua va cac nhung co khong the nao o thi ma de duoc da se cho voi trong tai ve".split())


def _only_it_says_a_phrase(a: Asked, text: str, found: list[Passage]) -> bool:
    """A two-word phrase of the question's own that the best sentence says, and neither the curated text
    nor the next best sentence does."""
    said = _pairs(fold(found[0].text)) & _pairs(a.folded) - _ASKING_PAIRS
    others = _pairs(fold(text)) | (_pairs(fold(found[1].text)) if len(found) > 1 else set())
    return bool(said - others)


# "bàn những nội dung gì", "những vấn đề gì": what is asked for, no phrase of the subject
_ASKING_PAIRS = frozenset({("noi", "dung"), ("van", "de")})


_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})(?:/(\d{4}))?\b")


# "hồi tháng 3/2025", "tháng 3 năm 2025": a month claimed, with no day
_MONTH = re.compile(r"\bthang (\d{1,2})(?:\s*/\s*|\s+nam\s+)(\d{4})\b")


def _dates(text: str) -> list[tuple[int, int, str]]:
    return [(int(d), int(m), y) for d, m, y in _DATE.findall(text)]


def claimed_dates(text: str) -> list[tuple[int, int, str]]:
    """The dates a question names; a month alone is day 0."""
    return _dates(text) + [(0, int(m), y) for m, y in _MONTH.findall(strip_diacritics(text).lower())]


def dated_answer(kb: KnowledgeBase, a: Asked) -> bool:
    """A date claimed ("… hôm 2/9/2024 phải không?") and a sentence saying what is asked with its date: the
    sentence checks the claim, not a curated text with the dates of other things."""
    if not (a.premise_cue or a.yes_no) or not claimed_dates(a.text):
        return False
    found = best(kb, a)
    return bool(found) and found[0].score >= STRONG and bool(_dates(found[0].text))


_ORDINAL_CLAIMED = re.compile(r"\blan thu (\d+)\b")
_ORDINAL_SAID = re.compile(r"\blần thứ (\d+)\b", re.IGNORECASE)


def ordinal_verdict(a: Asked, sentence: str) -> str | None:
    """"Hội nghị lần thứ 5 của Thành ủy ngày 12/7 …": an ordinal taken for granted, against the sentence's."""
    claimed, said = _ORDINAL_CLAIMED.findall(a.folded), _ORDINAL_SAID.findall(sentence)
    if not claimed or len(set(said)) != 1:
        return None
    if set(claimed) == set(said):
        return "Đúng như tài liệu ghi." if a.premise_cue or a.yes_no else None
    return f"Không đúng: tài liệu ghi lần thứ {said[0]}."


# "Kết luận số 110-TB/VPTW, ngày 20/11/2024": a document's own date, beside its number
_ISSUED_ON = re.compile(r"\b(?:số|so)\s+(\d+[\w/-]*),?\s+ngày\s+(\d{1,2})/(\d{1,2})")
_DOCUMENT_KIND = re.compile(r"\b(?:nghi quyet|ket luan|quyet dinh|thong bao|van ban|chi thi|ke hoach|bao cao|ban hanh|ky)\b")


def date_verdict(a: Asked, sentence: str) -> str | None:
    """"… làm việc với Thành ủy hôm 14/11/2023 đúng không?": a date claimed, against the sentence's."""
    claimed, said = claimed_dates(a.text), _dates(sentence)
    if not (a.premise_cue or a.yes_no) or not claimed or not said:
        return None

    def stated(d: int, m: int, y: str) -> bool:
        return any(d in (d2, 0) and m == m2 and (not y or not y2 or y == y2) for d2, m2, y2 in said)
    issued = {(int(d), int(m)): number for number, d, m in _ISSUED_ON.findall(sentence)}
    if issued and not _DOCUMENT_KIND.search(a.folded) and all(
            (d, m) in issued for d, m, _ in claimed) and all(stated(*date) for date in claimed):
        # "… làm việc với Thành ủy ngày 20/11/2024 phải ko": that is the date of the notice of it, not of the visit
        d, m, _ = claimed[0]
        return (f"Không đúng: theo tài liệu, ngày {d}/{m} là ngày của văn bản số {issued[(d, m)]}, "
                "không phải ngày của việc bạn hỏi.")
    if all(stated(*date) for date in claimed):
        return "Đúng như tài liệu ghi."
    written = ", ".join(f"{d}/{m}" + (f"/{y}" if y else "") for d, m, y in said)
    return f"Không đúng: tài liệu ghi ngày {written}."


# "không để gián đoạn", "chưa đạt kế hoạch": what the sentence says did not happen ("không chỉ", "không ngừng"
# say no such thing: only a few words may stand between the negation and the words claimed)
_NEGATED = r"\b(?:khong|chua|chang)(?: (?:de|bi|co|duoc|con|phai|xay ra))? {}\b"


_MENTION_ASKED = re.compile(r"\b(?:noi gi|noi ve|noi den|de cap|nhac (?:den|toi|gi)|co noi)\b")


def negation_verdict(a: Asked, sentence: str) -> str | None:
    """"Nghe nói … bị gián đoạn công việc, bỏ trống địa bàn?": two words the question states that the
    sentence says did not happen ("không để gián đoạn công việc")."""
    if not (a.premise_cue or a.yes_no) or _MENTION_ASKED.search(a.folded):
        return None  # "có nói gì về ma túy không": whether it is spoken of ("thành phố không ma túy" is)
    said = fold(sentence)
    words = [w for w in a.folded.split() if w not in STOP_WORDS]
    for pair in dict.fromkeys(f"{w1} {w2}" for w1, w2 in pairwise(words)):
        if f" {pair} " not in f" {a.folded} " or not re.search(_NEGATED.format(pair), said):
            continue  # two words apart in the question are no phrase it states
        if re.search(_NEGATED.format(pair), a.folded):
            return None  # "không bị gián đoạn đúng không": the question says it did not happen either
        return "Không đúng: tài liệu ghi ngược lại." if a.premise_cue else "Không, theo tài liệu."
    return None


# "khoảng 100 nghìn tỷ", "hơn 9 triệu": no exact number claimed to check
_ROUGHLY = re.compile(r"\b(?:khoang|hon|gan|tren|duoi|xap xi|chung|tam|it nhat|toi thieu|toi da)\s+\d")


def _decimal(number: str) -> tuple[Decimal, int] | None:
    """"104.000" → 104000, "11,01" → 11.01, "12.5" typed for "12,5"; with the decimal place it is written to."""
    number = as_the_documents_write(number)
    value = parse_value(number).low
    if value is None:
        return None
    whole, _, part = number.partition(",")
    # "150 nghìn tỷ" (read as 150.000) claims thousands: 104.387 is "104 nghìn", not 150
    return value, -3 * len(re.findall(r"\.000", whole)) if not part else len(part)


def number_verdict(a: Asked, sentence: str) -> str | None:
    """"Riêng năm 2023 nghe nói thu được 150 nghìn tỷ phải không?": a figure claimed that the sentence
    answering it does not state (rounded to the claim's decimals, it may)."""
    if not (a.premise_cue or a.yes_no) or not a.claimed_numbers or _ROUGHLY.search(strip_diacritics(a.text).lower()):
        return None
    stated = [found[0] for n in re.findall(r"(?<![\d/])\d+(?:[.,]\d+)*(?![\d/])", sentence)
              if not re.fullmatch(r"20\d\d", n) and (found := _decimal(n))]
    claimed = [found for n in a.claimed_numbers if (found := _decimal(n))]
    if not stated or not claimed:
        return None
    if all(any(round(s, digits) == value for s in stated) for value, digits in claimed):
        return None  # the claim is the sentence's own figure: the quote says so
    return "Không khớp với tài liệu: tài liệu không ghi con số bạn nêu; tài liệu ghi như sau."


# "10 tổ công tác", "20 cụm": a count of things, which a sentence writes the same way ("lần thứ 2" is an ordinal)
_COUNTED = re.compile(r"(?<![\d/.,])(?!(?:19|20)\d\d\b)(\d+) (?!(?:thang|nam|ngay|quy|lan|gio|phan|ty|trieu|nghin|ngan|km|ha|m2|%)\b)([a-z]{2,})\b")


def count_verdict(a: Asked, sentence: str) -> str | None:
    """"tp lập 10 tổ công tác chỉ đạo đại hội để làm gì?": a count taken for granted that the sentence gives
    otherwise ("20 tổ công tác"), whether or not it is put as a question."""
    # as typed, punctuation kept: "(giá so sánh 2010) tăng" counts nothing
    written = strip_diacritics(sentence).lower()
    said = {thing: number for number, thing in _COUNTED.findall(written)}
    claim = strip_diacritics(a.text).lower()
    for number, thing in _COUNTED.findall(claim):
        if thing in said and int(said[thing]) != int(number) and not re.search(rf"(?<![\d/.,]){number} {thing}\b", written):
            claimed = fold(" ".join(_after(claim, number))).split()
            return f"Không đúng: tài liệu ghi {said[thing]} {_words_after(sentence, said[thing], claimed)}."
    return None


def _after(text: str, number: str) -> list[str]:
    """The words after the count `number` in `text`, as written."""
    found = re.search(rf"(?<![\d/.,]){number} (.*)", text)
    return found.group(1).split() if found else []


_THING_WORDS = 3  # at most: "20 tổ công tác", not "… chỉ đạo đại hội"


def _words_after(sentence: str, number: str, claimed: list[str]) -> str:
    """"20 tổ công tác chỉ đạo …" → "tổ công tác": the thing counted, as the sentence writes it, in as many words as
    the claim writes the same way (one at least): "50 nhiệm vụ đúng không" → "81 nhiệm vụ", not "nhiệm vụ chuyển"."""
    typed = _after(sentence, number)
    pairs = zip([fold(t) for t in typed], claimed, strict=False)  # as far as the shorter goes
    same = next((i for i, (w, c) in enumerate(pairs) if w != c), min(len(typed), len(claimed)))
    return " ".join(typed[:min(max(same, 1), _THING_WORDS)]).rstrip(",.;:")


SWAP_RUN = 4  # words the claim and the text share in a row before the one that differs
# words either may leave out or put in ("ngang tầm [với] các thành phố tiêu biểu [ở] Châu Á")
_LINKING = frozenset("o voi cua va cac nhung la thi ma de duoc da se dang rat tai".split())
# what ends a claim put as a question: no word of the claim
_TAG_WORDS = frozenset("ha a ak ah nhi khong ko k dung phai chu the vay roi nhe chua ne nha ad ban oi z v luon lun nua".split())


# words that ask or point, which no document's words swap for
_ASKING = frozenset("gi j nao sao bao nhieu may dau ai ntn ra no do ay nay kia ong ba".split())


def swap_verdict(a: Asked, text: str) -> str | None:
    """"nghe nói ông ấy muốn Hải Phòng ngang tầm các thành phố tiêu biểu châu Âu hả": a claim that says the text's
    words but one ("châu Á"): the text's words, said."""
    if not (a.premise_cue or a.yes_no) or asks_why(a):
        return None
    said = [(fold(t), t) for t in re.findall(r"\w+", text) if fold(t) not in _LINKING]
    claimed = [w for w in a.folded.split() if w not in _LINKING]
    words_said, words_claimed = {w for w, _ in said}, set(claimed)
    for i in range(len(claimed) - SWAP_RUN):
        for j in range(len(said) - SWAP_RUN):
            run = 0
            while i + run < len(claimed) and j + run < len(said) and claimed[i + run] == said[j + run][0]:
                run += 1
            if run < SWAP_RUN or i + run >= len(claimed) or j + run >= len(said):
                continue
            mine, theirs = claimed[i + run], said[j + run][0]
            # the claim ends with the word swapped ("… châu Âu hả"): a question going on asks, it claims nothing
            ends = all(w in _TAG_WORDS for w in claimed[i + run + 1:])
            if (ends and mine not in _TAG_WORDS and mine not in _ASKING and not mine.isdigit() and not theirs.isdigit()
                    and mine not in words_said and theirs not in words_claimed):
                return f"Không đúng: tài liệu ghi “{' '.join(t for _, t in said[j + run - 1:j + run + 1])}”."
    return None


# "phường Lê Chân", "xã Gia Lộc": a unit named by its capitalized name
_UNIT_NAMED = re.compile(r"\b(phường|xã|huyện|quận|đặc khu) ((?:[A-ZĐÂĂÊÔƠƯ][\wÀ-ỹ]*)(?: [A-ZĐÂĂÊÔƠƯ][\wÀ-ỹ]*){0,2})")


_UNIT_NAMED_PLAIN = re.compile(r"\b(phuong|xa|huyen|quan|dac khu) ([A-Z]\w*(?: [A-Z]\w*){0,2})")  # "phuong Le Chan"


def name_verdict(a: Asked, text: str) -> str | None:
    """"Đảng bộ phường Lê Chân được chọn tổ chức đại hội điểm, đúng không?": a unit claimed where the text
    answering it names another of its kind (phường Hải An), and never the one claimed."""
    if not (a.premise_cue or a.yes_no):
        return None
    said = _UNIT_NAMED.findall(text)
    for kind, name in _UNIT_NAMED.findall(a.text) or _UNIT_NAMED_PLAIN.findall(strip_diacritics(a.text)):
        others = [(k, n) for k, n in said if fold(k) == fold(kind)]
        if others and fold(name) not in fold(text):
            their_kind = others[0][0].lower()
            return f"Không đúng: tài liệu ghi {their_kind} {others[0][1]}, không phải {their_kind} {name}."
    return None


Verdict = Callable[[Asked, str], str | None]
# What a claim is checked against, in order: of a sentence quoted, and of a curated text (no figure or date of
# its own to check a claim against: a thing said not to have happened, a unit, a word swapped)
SENTENCE_VERDICTS: tuple[Verdict, ...] = (date_verdict, ordinal_verdict, negation_verdict, number_verdict, count_verdict,
                                          name_verdict, swap_verdict)
TEXT_VERDICTS: tuple[Verdict, ...] = (negation_verdict, name_verdict, swap_verdict)


def first_verdict(verdicts: tuple[Verdict, ...], a: Asked, text: str) -> str | None:
    """The first of `verdicts` that the claim of the question, checked against `text`, gives."""
    return next((said for verdict in verdicts if (said := verdict(a, text)) is not None), None)


# "Vì sao …", "sao năm 2024 … vậy": a cause asked ("thì sao", "ra sao", "làm sao" ask no cause)
WHY = re.compile(r"\b(?:vi sao|tai sao|do dau|vi dau|nho dau|nguyen nhan|ly do)\b|(?:^|\b(?:the|vay|ma|nhung) )sao\b")
# The documents say a shortfall in their own words: "thấp hơn kế hoạch", not "không đạt kế hoạch"
_SHORTFALL = re.compile(r"\b(?:khong|chua|ko|k) (?:dat|hoan thanh)\b")


def asks_why(a: Asked) -> bool:
    return WHY.search(a.folded) is not None


def cause(kb: KnowledgeBase, a: Asked, subject: str = "") -> str:
    """The sentence giving the cause of what a "why" question states, quoted with its source; "".
    `subject`: what the question leans on ("nguyên nhân tăng?" after the tourist arrivals)."""
    # the words asking why are no part of what is explained ("nguyên nhân" would find "nguyên nhân chính gây tai nạn")
    asked = WHY.sub(" ", _SHORTFALL.sub("thap hon", a.folded))
    if not subject:
        found = kb.causes(asked)
    else:  # leaning on a figure: of that figure, unless the question says enough on its own
        found = kb.causes(f"{asked} {fold(subject)}") or (kb.causes(asked) if len(query_terms(asked)) > FEW_WORDS else [])
    if not found:
        return ""
    return f"Tài liệu nêu nguyên nhân: “{found[0].text}”\nNguồn: {kb.document(found[0].source).citation}."


# "Đây là bước tiến … để Hải Phòng chủ động hơn …": a sentence saying what the one before it is for
_PURPOSE_NEXT = re.compile(r"^(?:Đây là|Điều này|Việc này|Nhờ đó|Qua đó)\b.*\b(?:để|nhằm|giúp)\b")


def _with_its_purpose(kb: KnowledgeBase, found: list[Passage]) -> Passage | None:
    """The first of the sentences found that the next sentence of its document explains, the two as one."""
    for passage in found:
        at = kb.locate(passage)
        after = kb.passage_at(at + 1) if at is not None else None
        if after is not None and after.source == passage.source and _PURPOSE_NEXT.search(after.text):
            return replace(passage, text=f"{passage.text} {after.text}")
    return None


FOOTNOTES = 2  # of the first sentence, quoted next when names are asked
# "những dự án hạ tầng du lịch nào", "gồm những gì": things named, which a footnote may list (not "những hạn chế gì")
_NAMES_ASKED = re.compile(r"\b(?:nhung|cac|may) (?:du an|cong trinh|khu|tuyen|ben|nha may|hang muc|dia diem|song|xa|phuong|"
                          r"quan|huyen|truong|benh vien|doanh nghiep|san pham|su kien|le hoi) (?:\w+ ){0,6}(?:nao|gi|j)\b"
                          r"|\bgom (?:nhung )?(?:gi|j|cai gi|nhung)\b")


def answer(kb: KnowledgeBase, a: Asked, q: Query, found: list[Passage] | None = None, verdict: str = "") -> Reply:
    """The best sentences quoted with their sources; `verdict` (the caller's) or one of the claim the first
    sentence checks, first."""
    found = best(kb, a) if found is None else found
    reply = Reply()
    if not found:
        return not_covered(kb)
    if asks_why(a) and (explained := _with_its_purpose(kb, found)) is not None:
        # "vì sao cần nghị quyết mới thay Nghị quyết 35?": the sentence of it whose next one says what it is for
        found = [explained, *[p for p in found if p.text not in explained.text]]
    # The best sentence is the first line, as a figure is: a resident reading one line has the answer.
    first, *more = found
    if EXPLANATION.search(a.folded) and (detailed := kb.with_its_details(first)) is not None:
        # "quý I thành phố đã làm gì để mở rộng không gian phát triển?": what the opening sums up, said next
        first, more = detailed, [p for p in more if p.text not in detailed.text]
    if _NAMES_ASKED.search(a.folded):
        # "những dự án hạ tầng du lịch nào ở Cát Hải": the sentence's footnote names them ("… Cát Hải¹⁵")
        noted = kb.footnotes_of(first)[:FOOTNOTES]
        more = noted + [p for p in more if p.text not in {n.text for n in noted}]
    lines = [f"Tài liệu ghi: “{first.text}”", f"Nguồn: {kb.document(first.source).citation}."]
    if verdict := verdict or first_verdict(SENTENCE_VERDICTS, a, first.text) or "":
        lines.insert(0, verdict)
    if more:
        lines.append("Tài liệu cũng nêu:")
    for passage in more:
        lines.append(f"• “{passage.text}” (Nguồn: {kb.document(passage.source).citation})")
    reply.say("\n".join(lines), feedback_buttons())
    reply.slots.update(topic="passage")
    # the first sentence's place too: "ai nói vậy?" next asks its speaker
    reply.answer_id = passage_answer_id(sorted({p.source for p in found}), kb.locate(first))
    return reply
