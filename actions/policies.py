"""Resolutions, conclusions, decisions and laws the documents cite."""

from __future__ import annotations

import math
import re
from itertools import pairwise

from knowledge import AnswerInfo, KnowledgeBase, Policy, PolicyInfo, citation, fold

from . import replies
from .feedback_buttons import feedback_buttons
from .query import Query, Reply, button, intent_payload
from .understand import Asked

CURATED_MIN_SCORE = 0.45
TIE = 0.05  # curated answers this close fit a question equally
MAX_CHOICES = 5


def policy_numbered(kb: KnowledgeBase, number: str) -> Policy | None:
    """The document with exactly this number ("226", not "2260/QĐ-UBND" that a search also finds)."""
    return next((p.policy for p in kb.find_policy(number) if p.policy.number == number), None)


def document_name(p: Policy) -> str:
    """"Nghị quyết 226"; a document known by its name only is that name ("Đề án thành lập Khu thương
    mại tự do …", not "Đề án Đề án …")."""
    return p.number if fold(p.number).startswith(fold(p.doc_type)) else f"{p.doc_type} {p.number}"


def issued_on(p: Policy) -> str:
    """The date as its quotes write it ("08/02/2023" stays so, "5/2/2025" too)."""
    return replies.vn_date(p.date, " ".join(p.provenance.quotes))


def describe_policy(info: PolicyInfo) -> str:
    p = info.policy
    when = issued_on(p)
    issuer = re.sub(r"\s*\((.*)\)$", r", \1", p.issuer or "")  # "Thành phố Hải Phòng (trình Chính phủ)"
    # "05/NQ-HĐND, ngày 12/4/2022": a number that shares its namesake's carries its date already
    in_number = re.search(r"(\d{1,2})/(\d{1,2})/(\d{4})", p.number)
    dated = bool(when) and not (in_number and p.date and tuple(map(int, in_number.groups()))
                                == (int(p.date[8:10]), int(p.date[5:7]), int(p.date[:4])))
    who = ", ".join(part for part in (issuer, f"ngày {when}" if dated else "") if part)
    title = "" if fold(p.title) == fold(p.number) else f": {p.title}"
    lines = [document_name(p) + (f" ({who})" if who else "") + title]
    if p.items:
        lines.append(f"Gồm {len(p.items)} nội dung:")
        lines += [f"{n}. {item}" for n, item in enumerate(p.items, 1)]
    lines.append(replies.source_line(info.document))
    return "\n".join(lines)


def describe_answer(info: AnswerInfo) -> str:
    return f"{info.answer.answer}\n{replies.source_line(info.document)}"


def _curated(kb: KnowledgeBase, q: Query, about: str | None = None) -> Reply | None:
    """A curated answer when one fits the question well ("7 nhóm giải pháp của NQ 7").

    When the question names a policy, the answer must be about that policy: its
    number is in one of the answer's question variants.
    """
    curated = kb.find_answers(q.text, topic="policy")
    if about:
        number = f" {fold(about)} "
        curated = [a for a in curated if any(number in f" {fold(v)} " for v in a.answer.questions)]
    if not curated or curated[0].score < CURATED_MIN_SCORE:
        return None
    if about and len(curated) > 1 and curated[1].score >= curated[0].score - TIE:
        return None  # "Nghị quyết 7 nói về gì": no one of its curated parts; the document itself
    reply = Reply().say(describe_answer(curated[0]), feedback_buttons())
    reply.answer_id = f"answer:{curated[0].answer.id}"
    reply.slots.update(topic="policy", policy=about)
    return reply


# "nhóm thứ 5 nói về cái gì?", "nội dung thứ ba": one item of the document's list of contents
_ITEM_ASKED = re.compile(r"\b(?:nhom|noi dung|nhiem vu|giai phap|muc|phan|y)\s+(?:thu|so)\s+"
                         r"(\d+|nhat|hai|ba|tu|nam|sau|bay|tam|chin|muoi)\b")
_ORDINALS = {"nhat": 1, "hai": 2, "ba": 3, "tu": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9, "muoi": 10}


def item_asked(folded: str) -> int | None:
    asked = _ITEM_ASKED.search(folded)
    if asked is None:
        return None
    word = asked.group(1)
    return int(word) if word.isdigit() else _ORDINALS[word]


def _item(info: PolicyInfo, n: int) -> Reply:
    p = info.policy
    if not 0 < n <= len(p.items):
        text = f"{document_name(p)} có {len(p.items)} nội dung, không có nội dung thứ {n}."
    else:
        text = f"Nội dung thứ {n} (trong {len(p.items)} nội dung) của {document_name(p)}: {p.items[n - 1]}."
    reply = Reply().say(f"{text}\n{replies.source_line(info.document)}", feedback_buttons())
    reply.slots.update(policy=p.number, topic="policy")
    reply.answer_id = f"policy:{p.number}"
    return reply


# "nghị quyết nào thay thế nó?", "có nghị quyết mới thay nó chưa?": the documents say a new resolution
# replaces it, not which one
REPLACED = re.compile(r"\bthay (?:the|bang|cho|no|cai (?:nay|do)|chua)\b|\bmoi thay\b")  # "có nq mới thay chưa"


def same_title(kb: KnowledgeBase, number: str, earlier: bool = False) -> PolicyInfo | None:
    """The next document after this one (`earlier`: the last before it) with the same title."""
    this = policy_numbered(kb, number)
    if this is None or not this.date:
        return None
    title = _bare_title(this.title)
    same = sorted((info for info in kb.policies() if info.policy.number != number and info.policy.date
                   and (info.policy.date < this.date if earlier else info.policy.date > this.date)
                   and _bare_title(info.policy.title) == title),
                  key=lambda info: info.policy.date or "", reverse=earlier)
    return same[0] if same else None


def successor_note(kb: KnowledgeBase, number: str, earlier: bool = False) -> tuple[str, str] | None:
    """A later (`earlier`: an earlier) document with the same title as this one, said as what it is:
    the documents do not name the one that replaces it, they name another one on the same subject."""
    other = same_title(kb, number, earlier)
    if other is None:
        return None
    p = other.policy
    which = "trước" if earlier else "sau"
    return p.number, (f"Các tài liệu không ghi thẳng nghị quyết nào thay thế nghị quyết nào. Văn bản ban hành {which} "
                      f"có cùng tên “{_bare_title_as_written(p.title)}” là {document_name(p)} ({p.issuer}, "
                      f"ngày {issued_on(p)}).\n" + replies.source_line(other.document))


# "nó thay cho nghị quyết nào trước đây?": the one before
EARLIER = re.compile(r"\b(?:truoc day|truoc do|cu|thay cho)\b")


def _bare_title_as_written(title: str) -> str:
    return re.sub(r"\s*\(.*?\)", "", title).strip()


def _bare_title(title: str) -> str:
    return fold(_bare_title_as_written(title))


def answer_policy(kb: KnowledgeBase, q: Query, a: Asked | None = None, record: bool = False) -> Reply:
    """The policy the question names; a claim about it (`a`, the question as read) checked first.
    `record`: its own record, never a curated answer ("ký ngày nào?" asks its date)."""
    found = _by_title(_find(kb, q), q.text)
    about = found[0].policy.number if len(found) == 1 else None
    if about and a is not None and (n := item_asked(a.folded)) is not None and found[0].policy.items:
        return _item(found[0], n)
    if about and a is not None and SIGNER_ASKED.search(a.folded):
        # "ai ký văn bản này?": the documents cite it by number, issuer and date, never its signature
        unsigned = Reply().say(f"Các tài liệu tôi có không ghi người ký {document_name(found[0].policy)}; "
                               f"tài liệu chỉ nêu cơ quan ban hành: {found[0].policy.issuer}.\n"
                               + replies.source_line(found[0].document))
        unsigned.slots.update(topic="policy", policy=about)
        return unsigned
    reply = None
    if not q.text.startswith("/") and not record:
        reply = _curated(kb, q, about)
    reply = reply or _describe_found(found)
    # what is taken for granted of a document named by its number; of one found by its subject, the
    # issuer named is what it was searched by ("Thành ủy có nghị quyết nào về …")
    checked = a is not None and (a.premise_cue or about in a.policies)
    cued = a is not None and a.premise_cue and about in a.policies  # found by its subject: only a wrong claim is said
    if about and a is not None and UNCHANGED.search(a.folded) and (later := successor_note(kb, about)) is not None:
        # "nq 35 vẫn giữ nguyên ko thay j hả": a later one of the same title is what the documents say
        reply.messages[0]["text"] = f"Không hẳn: {replies.lower_first(later[1])}\n\n{reply.messages[0]['text']}"
    elif about and a is not None and checked and reply.messages and (claim := _claim_line(found[0], a.folded, cued)):
        reply.messages[0]["text"] = f"{claim}\n{reply.messages[0]['text']}"
    return reply


SIGNER_ASKED = re.compile(r"\b(?:ai ky|nguoi ky|ky boi ai|do ai ky|ai la nguoi ky)\b")


# "… vẫn giữ nguyên, không thay gì à?", "còn hiệu lực chứ?": a document claimed never replaced
UNCHANGED = re.compile(r"\b(?:van giu nguyen|giu nguyen|van con hieu luc|con hieu luc|van ap dung|khong (?:bi )?thay|"
                       r"chua (?:bi )?thay|van nhu cu|(?:van )?la (?:\w+ ){0,4}moi nhat)\b")  # "… vẫn là … mới nhất"


_GROUPS_CLAIM = re.compile(r"\b(\d+) (?:nhom|nhiem vu|giai phap|noi dung)\b")


# "… của Chính phủ ban hành năm 2024 có nội dung gì?": a year said to be the date, even with no cue
_ISSUED_IN = re.compile(r"\bban hanh\s+(?:(?:vao|hoi|tu|trong)\s+)?(?:nam\s+)?(20\d\d)\b")


# "do cp ban hành", "của qh": an issuer typed as its abbreviation (in a number, "NQ-CP", it stays)
_ISSUER_ABBREVIATIONS = {"cp": "chinh phu", "qh": "quoc hoi", "bct": "bo chinh tri", "ttg": "thu tuong",
                         "hdnd": "hoi dong nhan dan"}
_ISSUER_TYPED = re.compile(rf"\b(do|cua|boi)\s+({'|'.join(_ISSUER_ABBREVIATIONS)})\b")


def issuers_typed(folded: str) -> str:
    return _ISSUER_TYPED.sub(lambda m: f"{m.group(1)} {_ISSUER_ABBREVIATIONS[m.group(2)]}", folded)


_DAY_CLAIMED = re.compile(r"\b(\d{1,2})\s+(\d{1,2})\s+(20\d\d)\b")
_MONTH_CLAIMED = re.compile(r"\b(?:t|thang)\s*(\d{1,2})\s+(?:nam\s+)?(20\d\d)\b")


def bare_number(number: str) -> str:
    """A document's number without the date that tells two of one number apart ("85/KH-UBND, ngày 05/4/2024")."""
    return number.split(",")[0]


def _claim_line(info: PolicyInfo, folded: str, cued: bool = True) -> str | None:
    """"NQ 45 là của Quốc hội à?" → who issued it, said first; "có 5 nhóm giải pháp đúng không" → how many.
    Not `cued` (no "à?", "đúng không"): only a wrong issuer or date taken for granted is said."""
    p = info.policy
    folded = issuers_typed(folded)
    # "Nghị quyết 226 … ban hành hồi năm 2024 à?": a year that is not of its title or number, against its date
    own_years = set(re.findall(r"20\d\d", f"{p.number} {p.title} {' '.join(p.aliases)}"))
    # a year said to be its date ("ban hành năm 2024") is claimed even when its title names it (of another document)
    years = set(_ISSUED_IN.findall(folded)) | (set(re.findall(r"\b(20\d\d)\b", folded)) - own_years if cued else set())
    wrong_date = bool(years) and bool(p.date) and (p.date or "")[:4] not in years
    # "… hồi t5/2025 đúng ko?": a month of its year claimed, against its date
    month = _MONTH_CLAIMED.search(folded) if cued else None
    if month and p.date and month.group(2) == p.date[:4] and int(month.group(1)) != int(p.date[5:7] or 0):
        wrong_date = True
    # "… ban hành ngày 10/2/2025 đúng không?": a whole date claimed, not one its title cites, against its date
    own_dates = set(_DAY_CLAIMED.findall(fold(f"{p.number} {p.title} {' '.join(p.aliases)}")))
    if p.date and any((int(d), int(m), int(y)) != (int(p.date[8:10]), int(p.date[5:7]), int(p.date[:4]))
                      for d, m, y in set(_DAY_CLAIMED.findall(folded)) - own_dates):
        wrong_date = True
    issuer = fold(p.issuer or "")
    if "ban chap hanh dang bo thanh pho" in issuer or "ban thuong vu thanh uy" in issuer:
        issuer += " thanh uy"  # the city Party Committee is "Thành ủy"
    issuer += "".join(f" {short}" for short, full in (("ubnd", "uy ban nhan dan"), ("hdnd", "hoi dong nhan dan"))
                      if full in issuer)
    # "Kế hoạch số 85/KH-UBND nói về gì?": the issuer in its own number is no issuer claimed
    unnumbered = f" {folded} ".replace(f" {fold(bare_number(p.number))} ", " ")
    # "đề án … quốc hội thông qua bằng nghị quyết nào": the issuer named is of another kind of document asked
    other_kind = bool(kinds_asked(folded) - {fold(p.doc_type)})
    # "làm việc với Thành ủy", "gửi Chính phủ": the one it was with or for, no issuer claimed
    named = [] if other_kind else [i for i in ISSUERS if re.search(rf"(?<!\bvoi )(?<!\bvs )(?<!\bcho )(?<!\btai )"
                                                                   rf"(?<!\bgui )(?<!\btrinh )\b{i}\b", unnumbered)]
    wrong_issuer = bool(named and issuer) and not any(i in issuer for i in named)
    if wrong_date or wrong_issuer:
        dated = f" ngày {issued_on(p)}" if p.date else ""
        return f"Không đúng: {document_name(p)} do {p.issuer} ban hành{dated}."
    if not cued:
        return None
    if named and issuer:
        return f"Đúng, {document_name(p)} do {p.issuer} ban hành."
    if years and p.date:  # every year claimed is its own: the year, right
        return f"Đúng, {document_name(p)} ban hành ngày {issued_on(p)}."
    counted = _GROUPS_CLAIM.search(folded)
    if counted and p.items:
        if int(counted.group(1)) == len(p.items):
            return f"Đúng, {document_name(p)} gồm {len(p.items)} nội dung."
        return f"Không đúng: {document_name(p)} gồm {len(p.items)} nội dung (nhóm nhiệm vụ, giải pháp)."
    return None


def _find(kb: KnowledgeBase, q: Query) -> list[PolicyInfo]:
    found: list[PolicyInfo] = []
    for number in q.all("policy"):
        found += [p for p in kb.find_policy(number) if p.policy.number == number]
    found = found or kb.find_policy(q.text)
    if not found and q.slots.get("policy"):
        found = [p for p in kb.find_policy(q.slots["policy"]) if p.policy.number == q.slots["policy"]]
    return found


TITLE_WORDS = 2  # of a document's title the question must say beyond the others of the same number


def _by_title(found: list[PolicyInfo], text: str) -> list[PolicyInfo]:
    """Documents of the same number: the one whose title the question says clearly more of ("nghị quyết số
    05 về danh mục ưu đãi xã hội hoá …"), else all of them, to choose from."""
    if len(found) < 2 or len({bare_number(f.policy.number) for f in found}) > 1:
        return found  # documents of several numbers are no choice between namesakes
    asked = set(fold(text).split()) - _ANY_TITLE
    titles = [set(fold(f.policy.title).split()) for f in found]
    # the words of each title that the others of its number lack
    own = [title - set().union(*(t for j, t in enumerate(titles) if j != n)) for n, title in enumerate(titles)]
    said = sorted(((len(asked & words), n) for n, words in enumerate(own)), reverse=True)
    (best, at), (second, _) = said[0], said[1]
    return [found[at]] if best - second >= TITLE_WORDS else found


# what any title says: "quy định về nội dung gì?" chooses no document
_ANY_TITLE = frozenset("quy dinh noi dung ve viec thanh pho hai phong tren dia ban nghi quyet ke hoach quyet dinh hoi dong "
                       "nhan dan uy ban to chuc thuc hien cua va cac".split())


def _describe_found(found: list[PolicyInfo]) -> Reply:
    if not found:
        return Reply().say(
            "Tôi chưa nhận ra văn bản bạn hỏi. Bạn gõ giúp số hiệu, ví dụ: Nghị quyết 45-NQ/TW, Kết luận 96-KL/TW, "
            "Nghị quyết 7/NQ-CP, Nghị quyết 226.",
            [button("Nghị quyết 45-NQ/TW", intent_payload("ask_policy", policy="45-NQ/TW")),
             button("Nghị quyết 7/NQ-CP", intent_payload("ask_policy", policy="7/NQ-CP"))],
        )
    if len(found) > 1:
        payloads = [intent_payload("ask_policy", policy=f.policy.number) for f in found[:MAX_CHOICES]]
        # each said with what it is about: the question may be answered already, else the choice is an informed one
        described = "\n\n".join(describe_policy(f) for f in found[:MAX_CHOICES])
        reply = Reply().say(f"Có {min(len(found), MAX_CHOICES)} văn bản trùng số này:\n{described}\n"
                            "Bạn muốn hỏi văn bản nào?",
                            [button(replies.short(document_name(f.policy)), p) for f, p in zip(found, payloads, strict=False)])
        reply.slots.update(topic="policy", options=payloads)
        return reply
    reply = Reply().say(describe_policy(found[0]), feedback_buttons())
    reply.slots.update(policy=found[0].policy.number, topic="policy")
    reply.answer_id = f"policy:{found[0].policy.number}"
    return reply



# -- a policy asked by what it is about: "Bộ Chính trị ra nghị quyết nào về phát triển HP đến 2030?" --
_KINDS = ("nghi quyet|quyet dinh|ket luan|van ban|chi thi|de an|luat|quy hoach|ke hoach|chuong trinh|nghi dinh|"
          "quy dinh|thong tu|cong van|chien luoc")
# "chính sách gì hỗ trợ học nghề": a policy asked for is a document asked for
# "có chính sách hỗ trợ bóng đá không", "tp có bỏ chính sách hỗ trợ bóng đá không"
_POLICY_ASKED = r"\bchinh sach (?:nao|gi|j)\b|\bco (?:bo |them |rieng )?chinh sach\b"
DOCUMENT_WORDS = re.compile(rf"\b(?:{_KINDS})\b|{_POLICY_ASKED}")
# "… thông qua bằng nghị quyết nào", "còn nghị quyết của Quốc hội …": the kind of document the question asks for
_KIND_ASKED = re.compile(rf"\b({_KINDS})\s+(?:(?:\w+\s+){{0,2}}?(?:nao|gi|so may)\b|cua\s)")
# "Chính phủ có ra nghị quyết … để thực hiện kết luận đó không?": whether one exists, asked of its kind
# ("có kế hoạch … không" asks what is planned, "có đạt kế hoạch không" a result: no document)
_KIND_ASKED_IF_ANY = re.compile(r"\bco (?:ra |ban hanh |them |rieng )?(nghi quyet|quyet dinh|ket luan|chi thi|de an|luat|"
                                r"chuong trinh|nghi dinh|thong tu|cong van)\b(?=.*\b(?:khong|ko|k|chua)\s*$)")


# "nghị quyết riêng về nhà ở xã hội", "còn nhà ở xã hội, Thành ủy có nghị quyết riêng không": its subject
_KIND_ABOUT = re.compile(rf"\b(?:{_KINDS})\s+(?:\w+\s+)?ve\b|\b(?:{_KINDS}) rieng\b")


def kinds_asked(folded: str) -> set[str]:
    """The kinds of document asked for, "văn bản" (any kind) aside."""
    found = set(_KIND_ASKED.findall(f"{folded} ")) | set(_KIND_ASKED_IF_ANY.findall(folded))
    return found - {"van ban"}
_GENERIC = frozenset("nao gi la cua ve cho de va cac nhung mot co ban hanh ra duoc nam den thanh pho "
                     "voi thi sao con the vay khong ko bao nhieu may o tai tu tren trong "
                     "tp so ngay nao nghi quyet quyet dinh ket luan van ban chi thi de an luat ke hoach chuong trinh "
                     "nghi dinh quy dinh thong tu cong van chien luoc "
                     "nham y minh toi em hoi ban ad admin oi "  # "à nhầm, ý mình là nq về …": no subject
                     "do nay ay day truoc sau cung phai "  # "trước đó … cũng có … phải không"
                     "thang quy luc khi".split())  # "hồi tháng 9/2024": when, not what ("hoi" is also "hội")
SUBJECT_MIN = 0.5
UNKNOWN_SHARE = 0.4  # of a question's weight in words no document's title or aliases have
RARE = 3  # sentences: a word fewer of them have names a matter of its own
YEAR = re.compile(r"(?:19|20)\d\d")
ISSUERS = ("bo chinh tri", "quoc hoi", "chinh phu", "thu tuong", "ban bi thu", "ban chap hanh", "hoi dong nhan dan",
           "uy ban nhan dan", "ubnd", "thanh uy", "bo xay dung", "ngan hang nha nuoc")
DOCUMENT_NUMBER = re.compile(r"\b(?:nghi quyet|quyet dinh|ket luan|chi thi|nghi dinh|thong tu|quy dinh|cong van|ke hoach)"
                             r"(?: so)? \d+")


# "Nghị quyết đó … thực hiện Kết luận nào?" after Nghị quyết 7/NQ-CP, whose title cites Kết luận 96: a document
# the last one's title cites; "Bộ Chính trị có kết luận tiếp tục thực hiện nó không?" after Nghị quyết 45: one whose
# title cites the last one
_IMPLEMENTS = re.compile(r"\b(?:thuc hien|trien khai|cu the hoa|can cu(?: vao)?)\s+(van ban|nghi quyet|ket luan|chi thi|"
                         r"quyet dinh|chu truong)\s+(?:nao|gi|so may)\b")
_ACTS_ON_THE_LAST = re.compile(r"\b(?:thuc hien|trien khai|cu the hoa|huong dan)\s+(?:no|cai do|van ban (?:do|nay|ay)|"
                               r"(?:nghi quyet|ket luan|chi thi|quyet dinh) (?:do|nay|ay|tren))\b")
_KIND_NAMED = re.compile(rf"\b({_KINDS})\b")


def cited_in(text: str, number: str) -> re.Match[str] | None:
    """Where `text` names the document `number` by a number with its kind's letters ("96-KL/TW"; a bare "226" could
    be any figure)."""
    return citation(number).search(text) if re.search(r"[/-]", number) else None


def cites(p: Policy, number: str) -> bool:
    """The title of `p` names the document `number`."""
    return cited_in(p.title, number) is not None


def cited_or_citing(kb: KnowledgeBase, number: str, folded: str) -> str | None:
    """The document that answers which one of the kind asked (any, for "văn bản") the document `number` cites in
    its title (itself: its title says so, and it stays the subject of what follows, "có mấy nhóm giải pháp?"), or
    which one cites it (that one); None when the question asks neither or several fit."""
    this = policy_numbered(kb, number)
    if this is None:
        return None
    if implemented := _IMPLEMENTS.search(folded):
        kinds = {implemented.group(1)}
        found = [info.policy for info in kb.policies() if cites(this, info.policy.number)]
    elif acted_on := _ACTS_ON_THE_LAST.search(folded):
        kinds = set(_KIND_NAMED.findall(folded[:acted_on.start()] + folded[acted_on.end():]))
        found = [info.policy for info in kb.policies() if cites(info.policy, number)]
    else:
        return None
    issuers = [i for i in ISSUERS if f" {i} " in f" {issuers_typed(folded)} "]
    numbers = {p.number for p in found if p.number != number
               and (kinds <= {"van ban"} or fold(p.doc_type) in kinds)
               and all(i in fold(p.issuer or "") for i in issuers)}
    if len(numbers) != 1:
        return None
    return number if implemented else numbers.pop()


def _policy_words(info: PolicyInfo) -> set[str]:
    p = info.policy
    return set(fold(" ".join((p.doc_type, p.issuer or "", p.title, *p.aliases))).split())


WHICH_DOCUMENT = re.compile(r"\b(?:nghi quyet|quyet dinh|ket luan|van ban|chi thi|de an|chuong trinh|nghi dinh|thong tu|"
                            r"ke hoach|quy dinh|luat)\s+(?:nao|so may|so bao nhieu|gi)\b|\bso (?:may|nao)\b|\bso hieu\b"
                            # "nghị quyết đặc thù nào": a word or two of its subject before "nào"
                            r"|\b(?:nghi quyet|quyet dinh|ket luan|van ban|chi thi|nghi dinh|thong tu)"
                            r"(?: (?!(?:do|nay|ay|co|la|noi|se|da|duoc|the|nhu|luc|khi|bao)\b)[a-z]+){1,2} nao\b"
                            # "nghị quyết về đổi mới … trường Đại học Hải Phòng": the one about that
                            rf"|{_POLICY_ASKED}|^(?:cac |nhung )?(?:{_KINDS}) ve\b")


def asks_which_document(a: Asked) -> bool:
    """"Chính phủ ban hành nghị quyết nào để thực hiện Kết luận 96?": a document to find, not the one named."""
    # "Thành ủy có nghị quyết riêng về nhà ở xã hội không?": whether one exists, of a subject, not of a project named
    if_any = _KIND_ASKED_IF_ANY.search(a.folded) is not None and (
        not (a.projects_clear and a.project_score >= 2) or _KIND_ABOUT.search(a.folded) is not None)
    return not a.from_button and (WHICH_DOCUMENT.search(a.folded) is not None or if_any)


def policies_by_subject(kb: KnowledgeBase, a: Asked, q: Query) -> list[str]:
    """The documents a question describes by issuer, type and subject: the one that fits clearly,
    or those that fit equally well ("văn bản nào cho phép thí điểm cơ chế đặc thù": the 2021 and 2025
    resolutions), best first. A document the question names by number is the reference
    ("… thực hiện Kết luận 96"), not the answer. Rare words weigh more than common ones."""
    which = asks_which_document(a)
    named_project = a.projects_clear and a.project_score >= 2  # a whole name: "chính quyền đô thị" is none
    if a.from_button or not DOCUMENT_WORDS.search(a.folded) or (not which and (a.indicators or named_project)):
        return []
    # a year is no subject ("kế hoạch gì cho y tế cơ sở năm 2025" is not the 2025 digital plan): it breaks ties below
    # a count is a word ("7 nhiệm vụ giải pháp"); single letters ("k", "j") are not
    words = [w for w in dict.fromkeys(a.folded.split())
             if w not in _GENERIC and (len(w) > 1 or w.isdigit()) and not YEAR.fullmatch(w)]
    if len(words) < 2:
        return []
    doc_type = DOCUMENT_WORDS.search(a.folded)
    issuers = [i for i in ISSUERS if f" {i} " in f" {issuers_typed(a.folded)} "]
    years = set(re.findall(r"\b20\d\d\b", a.folded))
    # the reference: a document whose number the question writes, not one found by its title
    named = {p for p in a.policies if re.search(rf"\b{re.escape(fold(p).split()[0])}\b", a.folded)} if which else set()
    policies = [info for info in kb.policies() if info.policy.number not in named]
    vocabularies = {info.policy.number: _policy_words(info) for info in policies}
    weight = {w: math.log((len(policies) + 1) / (1 + sum(w in v for v in vocabularies.values()))) + 1 for w in words}
    total = sum(weight.values())
    # a rare word of the sources that no document's title has ("5G"; not "đh", which no sentence has, nor "buổi",
    # which many have)
    unknown = sum(weight[w] for w in words if not any(w in v for v in vocabularies.values())
                  and 0 < len(kb.passages(w, limit=RARE)) < RARE)
    if unknown >= UNKNOWN_SHARE * total:
        return []  # "tp có kế hoạch j về triển khai 5G ko": no document is about what it asks ("triển khai" fits many)
    question_pairs = {pair for pair in pairwise(a.folded.split()) if not set(pair) <= _GENERIC}
    scored: list[tuple[float, str]] = []
    for info in policies:
        vocabulary = vocabularies[info.policy.number]
        score = sum(weight[w] for w in words if w in vocabulary) / total
        # a phrase of the title the question repeats ("phát triển … Hải Phòng", "sắp xếp đơn vị") breaks ties
        title = fold(info.policy.title).split()
        score += 0.05 * len(set(pairwise(title)) & question_pairs)
        if doc_type and fold(info.policy.doc_type) == doc_type.group():
            score += 0.1
        elif doc_type and doc_type.group() not in ("van ban", "ke hoach", "chuong trinh", "quy hoach", "chien luoc"):
            score -= 0.15  # "quyết định nào": not a resolution
        issuer = fold(info.policy.issuer or "")
        if issuers and not any(i in issuer or i in ISSUER_SYNONYMS.get(issuer_key(issuer), ()) for i in issuers):
            score -= 0.5  # "Bộ Chính trị ra nghị quyết nào": not the Government's resolution quoting it
        if years and (info.policy.date or "")[:4] in years:
            score += 0.1  # "nghị quyết của BCT năm 2019": the one issued that year
        # "tầm nhìn đến 2045": a title reaching to the year named, not one "tầm nhìn đến năm 2030"
        score += 0.05 * len(years & set(YEAR.findall(info.policy.title)))
        scored.append((round(score, 9), info.policy.number))
    scored.sort(key=lambda item: (-item[0], item[1]))
    if not scored or scored[0][0] < SUBJECT_MIN:
        return []
    best = scored[0][0]
    found = [number for score, number in scored if score >= best - 0.02][:3]
    last = str(q.slots.get("policy") or "")
    if len(found) > 1 and last in found and _BEFORE_IT.search(a.folded):
        # "Trước đó thành phố áp dụng nghị quyết đặc thù nào?" after Nghị quyết 226: of those that fit, the ones before it
        dates = {info.policy.number: info.policy.date or "" for info in kb.policies() if info.policy.number in found}
        earlier = [n for n in found if n != last and dates.get(n) and dates[n] < (dates.get(last) or "")]
        found = earlier or found
    if len(found) > 1 and (order := _LATEST.search(a.folded) or _EARLIEST.search(a.folded)):
        # "nghị quyết mới nhất của Quốc hội về cơ chế đặc thù": of those that fit, the one issued last
        dated = {info.policy.number: info.policy.date for info in policies if info.policy.number in found
                 and info.policy.date}
        if len(dated) == len(found):
            return [(max if order.re is _LATEST else min)(dated, key=lambda n: dated[n])]
    return found


_BEFORE_IT = re.compile(r"^(?:con )?truoc (?:do|day|khi co (?:no|nghi quyet do))\b")
_LATEST = re.compile(r"\b(?:moi nhat|gan day nhat|gan nhat|sau cung|hien hanh)\b")
_EARLIEST = re.compile(r"\b(?:dau tien|cu nhat|som nhat)\b")


def policy_by_subject(kb: KnowledgeBase, a: Asked, q: Query) -> str | None:
    found = policies_by_subject(kb, a, q)
    return found[0] if found else None


# Who residents say issued a document, and how the documents name that body.
ISSUER_SYNONYMS = {"dang bo thanh pho": ("thanh uy",), "thanh uy": ("thanh uy",), "quoc hoi": ("qh",)}


def issuer_key(issuer: str) -> str:
    return next((key for key in ISSUER_SYNONYMS if key in issuer), "")


def answer_several_policies(kb: KnowledgeBase, numbers: list[str]) -> Reply:
    """Documents that fit the question equally: each described with its source, none chosen for the resident."""
    found = [p for n in numbers for p in kb.find_policy(n) if p.policy.number == n][:3]
    lines = ["Có " + str(len(found)) + " văn bản khớp với câu hỏi:"] + [describe_policy(f) for f in found]
    reply = Reply().say("\n\n".join(lines), feedback_buttons())
    reply.slots.update(policy=found[0].policy.number, topic="policy")
    reply.answer_id = "policy:" + ",".join(f.policy.number for f in found)
    return reply
