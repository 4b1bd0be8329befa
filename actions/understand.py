"""What a question names, read once into a structured query.

The answer is a function of this record, not of the intent alone: which
indicators, projects, policies and places the question names (from the knowledge
base's own names, typos and teencode corrected), which periods and kinds of
figure, which comparison or operation (count, largest, total), whether it is a
yes/no question or carries a premise to check, and whether it leans on context.
Pure: every rule is unit-tested without Rasa.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal

from knowledge import (
    Indicator,
    KnowledgeBase,
    Passage,
    ProjectInfo,
    fold,
    parse_period,
    parse_periods,
    period_since,
    query_terms,
    strip_diacritics,
)

from .government import MEMBERS_QUESTION, kinds_typed, names_an_old_unit, new_units_named, unit_pointed_at
from .leaders import PERSON_NAMED
from .query import Query

# -- words that say what kind of figure is wanted ---------------------------------------------
_TARGET = re.compile(r"\b(?:ke hoach|muc tieu|chi tieu|du toan|phan dau|du kien|de ra|duoc giao|giao chi tieu)\b"
                     r"|\b(?:muon|dinh|se|tinh) (?:thu hut|dat|tang|thu|co|len|dua|giai quyet|tao)\b")
_RANK = re.compile(r"\b(?:dung thu|xep thu|xep hang|thu may|hang may|thu hang|dung hang)\b")
_RESULT = re.compile(r"\b(?:uoc dat|uoc thuc hien|uoc tinh|thuc hien|dat duoc|ket qua|thuc te|da dat|ve dich)\b")
# -- which of an indicator's figures: a share of the plan, a multiple, a share of a whole ------------
_MEASURES = (
    # "%" is gone from the normalized question: "đạt bao nhiêu % dự toán" reads "dat bao nhieu du toan"
    ("percent_of_plan", re.compile(r"\b(?:bao nhieu|may)\s*(?:phan tram|%)?\s*(?:so voi |cua )?(?:ke hoach|du toan|chi tieu|muc tieu)\b")),
    ("times", re.compile(r"\bgap (?:bao nhieu|may|khoang may|khoang bao nhieu) lan\b")),
    ("share", re.compile(r"\b(?:chiem|ty trong|ti trong)\b")),
)
_CHANGE = re.compile(r"\b(?:tang|giam)\s+(?:bao nhieu|may|khoang)?\s*(?:phan tram|%)|\bso voi cung ky\b|\btang them\b")
# -- comparisons, operations, question forms ----------------------------------------------------
_PLAN_CMP = re.compile(r"\b(?:so voi|so|vuot|hoan thanh|dat)\s+(?:ke hoach|du toan|muc tieu|chi tieu)\b")
# not "đạt/đặt chỉ tiêu": folded, "đặt mục tiêu" (sets a target) reads as "đạt mục tiêu"
_COMPARED_WITH_PLAN = re.compile(r"\b(?:so voi|vuot|(?:khong|chua|co|da) dat|hoan thanh)\s+"
                                 r"(?:ke hoach|du toan|muc tieu|chi tieu)\b")
_NATIONAL_CMP = re.compile(r"\b(?:ca nuoc|toan quoc|binh quan chung|trung binh chung)\b")
_PREVIOUS_CMP = re.compile(r"\bso voi (?:(?:nam|quy) )?(?:truoc|ngoai|20\d\d)\b|\bcung ky\b")  # "so vs 2024"
_COUNT = re.compile(r"\b(?:bao nhieu|may|so luong|tong so|dem)\s+(?:du an|cong trinh|khu cong nghiep|cai|van ban|nghi quyet)\b"
                    r"|\bco (?:bao nhieu|may)\b(?!.*\b(?:tien|von|ty|ti|trieu|phan tram|%))")
_MAX = re.compile(r"\b(?:lon nhat|cao nhat|nhieu nhat|to nhat|khung nhat|dat nhat)\b")
_MIN = re.compile(r"\b(?:nho nhat|thap nhat|it nhat|re nhat)\b")
_SUM = re.compile(r"\b(?:tong von|tong cong|tong gia tri|cong lai|tong cua|tat ca bao nhieu|tong cong bao nhieu)\b")
_EACH = re.compile(r"\b(?:tung|moi) (?:du an|cong trinh|cai)\b")
_PRONOUN_LIST = re.compile(r"\b(?:may cai do|nhung cai do|cac du an do|nhung du an do|may du an do|cac du an tren|"
                           r"nhung du an tren|danh sach do|danh sach tren|so do|chung|^trong do)\b")
_NAMES_OF_THE_LIST = re.compile(r"\b(?:ke ten|liet ke|ke ra|ten (?:cac|nhung) (?:du an|cong trinh|cai)|"
                                r"(?:la|gom) nhung (?:du an|cong trinh|cai) nao|do la (?:nhung )?(?:du an|cai) nao)\b")
_YES_NO = re.compile(r"\b(?:co|da|dat|vuot|hoan thanh|phai|dung)\b.*\b(?:khong|chua|ko|k)\s*$|\b(?:phai khong|dung khong|"
                     r"hay khong|hay chua|duoc khong)\b")
# A premise the resident states: "sao năm 2024 xuất khẩu giảm?", "nghe nói … thấp nhất vùng".
_DECREASE_CLAIM = re.compile(r"\b(?:giam manh|giam sau|sut giam|giam|tut|di xuong|am|tang truong am|lao doc|sut)\b")
# "thu ngân sách quý 1 giảm bao nhiêu?": asked how much it fell, which takes for granted that it fell
_ASKS_DECREASE = re.compile(r"\b(?:giam|sut giam|tut|giam manh)\s+(?:\w+\s+){0,2}?(?:bao nhieu|may)\b")
_TOP_CLAIM = re.compile(r"\b(?:dung dau|dan dau|so 1|so mot|nhat ca nuoc|top 1|dung thu nhat|xep thu nhat|quan quan)\b")
_HIGHEST_CLAIM = re.compile(r"\b(?:manh nhat|cao nhat|nhanh nhat|lon nhat|nhieu nhat)\b")
# "chậm nhất là ngày bn": at the latest, of a deadline; no claim of being slowest
_LOWEST_CLAIM = re.compile(r"\b(?:thap nhat|kem nhat|dung cuoi|bet bang|cuoi bang|"
                           r"cham nhat(?! (?:la )?(?:ngay|truoc|vao|thang|nam|den|khi)\b))\b")
_PREMISE_CUE = re.compile(r"\b(?:nghe noi|nghe bao(?! cao)|nghe dau|co phai|phai khong|dung khong|dung ko|phai ko|(?<!thi )sao|tai sao|"
                          r"vi sao|the nao ma|chac la|hinh nhu|thay bao|thoi a|thoi ha|thoi nhi|thoi|nhi|a|ah|ak|chu|chu gi)\s*$"
                          r"|\bthu \d+ ha\s*$"  # "tụt xuống thứ 10 hả?" ("… bao nhiêu ha" asks hectares)
                          r"|\bsao\s+(?:\w+\s+){0,2}(?:the|vay|the nhi|vay nhi)\s*$"  # "sao thấp thế?"
                          r"|\b(?:moi co|moi dat|chi co|chi dat|chi dat co)\s+\d"  # "mới có 15%"
                          r"|(?<!bao nhieu )(?:(?<!\d )|(?<=20\d\d ))\bha\s*$"  # "hả?", not "50 ha" (hectares)
                          r"|\b(?:nghe noi|nghe bao(?! cao)|nghe dau|co phai|tai sao|vi sao|chac la|hinh nhu|thay bao)\b|^sao\b"
                          r"|\b(?:nguyen nhan|ly do|do dau|vi dau)\b"  # a cause asked takes what it explains for granted
                          # "chỉ tăng 8% thôi đúng ko, chậm quá": a tag question or "chỉ … <number>" mid-sentence
                          r"|\b(?:thoi a|thoi ha|thoi ak|thoi ah|thoi nhi|dung khong|dung ko|dung k|phai khong|phai ko)\b"
                          r"|\bchi\s+(?!tieu\b|thi\b|dao\b|so\b|ro\b|dinh\b|cuc\b|nhanh\b|tra\b|phi\b)(?:\w+\s+){0,3}(?!20\d\d\b)\d")
_PLAN_ABOVE = re.compile(r"\bvuot (?:ke hoach|chi tieu|du toan|muc tieu)\b")
_PLAN_BELOW = re.compile(r"\b(?:khong|chua|ko) (?:dat|hoan thanh|vuot)\b|\bhut (?:ke hoach|du toan|chi tieu)\b|"
                         r"\bthap hon (?:ke hoach|du toan|chi tieu)\b"
                         r"|\b(?:mot nua|nua|mot phan|mot it) (?:ke hoach|du toan|chi tieu|muc tieu)\b")
_PLAN_MET = re.compile(r"\b(?:dat|hoan thanh) (?:ke hoach|chi tieu|du toan|muc tieu)\b")
# Numbers that are not claims about a figure: years, parts of a year, document numbers, "2 cấp" ("chính quyền
# 2 cấp" names the model; "vẫn 3 cấp à" claims a number).
_NOT_A_CLAIM = re.compile(r"\b20\d\d\b|\bquy \w+|\b\d+ thang\b|\b2 cap\b|\b\d+ con so\b|\b\d+(?: \w+)? (?:nq|qd|kl|ct|tt|qh\d*|cp|tw|tu|ubnd)\b|"
                         r"\b(?:nghi quyet|quyet dinh|ket luan|chi thi|nghi dinh|thong tu|so|nhom|lan|loai)\s+\d+\b")


_DOCUMENT_WORD = (r"(?:nghi quyet|ket luan|quyet dinh|chi thi|nghi dinh|thong tu|ke hoach|chuong trinh|de an|"
                  r"thong bao|cong van|van ban|luat|nq|kl|qd|ct|nd|tt|tb)")


_QUANTITY_UNIT = r"(?:ty|trieu|nghin|ngan|tram|usd|dong|%|phan tram|ha|km|m2|luot|nguoi|du an|can|lao dong)"


def _named_as_document(number: str, aliases: tuple[str, ...], *texts: str) -> bool:
    """"Kế hoạch 2025 chỉ đặt GDP tăng 10%" names no Chỉ thị 10: a number names a document
    beside a document word ("chỉ thị 10", "10/CT-TTg"), or the document is named in full."""
    leading = re.match(r"\d+", number)
    if leading is None:
        return True
    n = leading.group()
    # "kế hoạch 33 tỷ USD" is a quantity planned, not Nghị quyết 33
    beside = re.compile(rf"\b{_DOCUMENT_WORD}\s+(?:so\s+)?{n}\b(?!\s+{_QUANTITY_UNIT}\b)"
                        rf"|\b{n}\s+(?:\d+\s+)?{_DOCUMENT_WORD}\b")
    names = [fold(name) for name in (number, *aliases)]
    return any(beside.search(t) or any(f" {name} " in f" {t} " for name in names) for t in texts)


# Words addressing the bot at the end of a question.
_ADDRESSED = re.compile(r"(?:\s+(?:admin|ad|ban oi|ban|oi|bot))+\s*$")


# "150 nghìn tỷ", "104 ngàn tỷ": thousands in words, as the documents write them in digits ("104.000 tỷ")
_THOUSANDS = re.compile(r"\b(\d+(?:,\d+)?)\s+(?:nghin|ngan)\b(?! sach)")


def _in_thousands(number: str) -> str:
    value = Decimal(number.replace(",", ".")) * 1000
    whole, _, part = f"{value.normalize():f}".partition(".")
    return f"{int(whole):,}".replace(",", ".") + (f",{part}" if part else "")


def as_the_documents_write(number: str) -> str:
    """"12.5" typed for "12,5": one point not before three digits is a decimal comma; "2.000" and "1.276,29" are
    the documents' own separators."""
    if number.count(".") == 1 and "," not in number and len(number.split(".")[1]) != 3:
        return number.replace(".", ",")
    return number


def claimed_numbers(folded: str) -> tuple[str, ...]:
    """Figures stated in the question ("80", "12,5" typed "12 5" or "12.5"; "150 nghìn" as "150.000"), not years
    or document numbers."""
    folded = _HALF.sub("50 phan tram", folded)  # "mới kết nối được khoảng một nửa số xã": 50%
    rest = _THOUSANDS.sub(lambda found: _in_thousands(found.group(1)), _NOT_A_CLAIM.sub(" ", folded))
    return tuple(re.findall(r"\b\d+(?:[.,]\d+)*(?=\b|[a-z%])", rest))  # "200ha", "8%": the unit typed on


# a half of what is counted, claimed in words; of the plan it is a floor or share read below
_HALF = re.compile(r"\b(?:mot nua|nua so)\b(?!\s*(?:so voi |cua )?(?:ke hoach|du toan|chi tieu|muc tieu))")


# "chỉ đạt tầm 90% dự toán": a share of the plan claimed, a number to check against the one stated
_SHARE_CLAIMED = re.compile(r"\b(\d+(?:[.,]\d+)?)\s*phan tram\s*(?:so voi |cua )?(?:ke hoach|du toan|chi tieu|muc tieu)\b")


# "đã đạt hơn một nửa kế hoạch năm": a floor of the share claimed, in words or as a number
_SHARE_WORDS = {"mot nua": Decimal(50), "nua": Decimal(50), "mot phan ba": Decimal("33.3"), "mot phan tu": Decimal(25)}
_FLOOR_CLAIMED = re.compile(r"\b(?:hon|tren|qua|vuot)\s+(mot nua|nua|mot phan ba|mot phan tu|\d+(?:[.,]\d+)?\s*phan tram)"
                            r"\s*(?:so voi |cua )?(?:ke hoach|du toan|chi tieu|muc tieu)\b")


def claimed_share(text: str) -> Decimal | None:
    """The share of the plan the question states, from its typed text (folding splits "118,9")."""
    if claimed_floor(text) is not None:
        return None  # "hơn 50% kế hoạch" states a floor, not a share
    found = _SHARE_CLAIMED.search(_number_text(text.replace("%", " phần trăm ")))
    return Decimal(found.group(1).replace(",", ".")) if found else None


def claimed_floor(text: str) -> Decimal | None:
    """The share of the plan the question says was passed ("hơn một nửa kế hoạch" → 50)."""
    found = _FLOOR_CLAIMED.search(_number_text(text.replace("%", " phần trăm ")))
    if found is None:
        return None
    said = found.group(1)
    return _SHARE_WORDS.get(said) or Decimal(said.split()[0].replace(",", "."))


def plan_claim(folded: str, text: str = "") -> str | None:
    if (share := claimed_share(text)) is not None:
        return "below" if share < 100 else "met" if share == 100 else "above"
    if (floor := claimed_floor(text)) is not None:
        return "below" if floor < 100 else "above"
    if _PLAN_BELOW.search(folded):
        return "below"
    if _PLAN_ABOVE.search(folded):
        return "above"
    if _PLAN_MET.search(folded):
        return "met"
    return None


# A policy is named by its number only next to a document word: "đến hết 30/11/2024" names no resolution 30.
DOCUMENT_CUE = re.compile(r"\b(?:nghi quyet|ket luan|quyet dinh|chi thi|nghi dinh|thong tu|quy dinh|cong van|ke hoach|"
                          r"chuong trinh|de an|bao cao|thong bao|luat|van ban|quy hoach|chien luoc|nq|kl|qd|ct|nd|tt|tb|"
                          r"qh\d*|tw|cp|ttg|ubnd|hdnd|(?:nq|kl|qd|ct|nd|tt|tb)\d+)\b")


# How, why, what will be done: the answer is a sentence of the documents, not a figure.
EXPLANATION = re.compile(r"\b(?:lam gi|lam the nao|the nao|nhu the nao|ra sao|vi sao|tai sao|han che|ton tai|kho khan|"
                         r"giai phap|nhiem vu|bien phap|dinh huong|yeu cau gi|kien nghi|chi dao gi|chu truong|"
                         r"nhung gi|nhung viec gi|y nghia|muc dich|ly do|nguyen nhan|o dau|dat o dau|thanh gi|gom nhung gi|"
                         r"(?:chay|hoat dong|van hanh|co) on (?:khong|ko|k|chua)"  # "bộ máy chạy ổn không": how it goes
                         r"|nhan xet (?:gi|j|the nao|ra sao)|danh gia (?:gi|j|the nao|ra sao))\b")  # a judgement said


# -- project aspects ------------------------------------------------------------------------------
_INVESTOR = re.compile(r"\b(?:chu dau tu|nha dau tu|ai dau tu|ai lam|cong ty nao|doanh nghiep nao|don vi nao lam)\b")
_WHEN = re.compile(r"\b(?:khi nao|bao gio|luc nao|nam nao|hom nao|ngay nao|thang nao|thoi gian|tien do|xong chua|"
                   r"hoan thanh chua|khoi cong chua|xong|bao lau)\b")
VALUE_ASKED = re.compile(r"\b(?:bao nhieu tien|von|tong muc|gia tri|kinh phi|chi phi|bao nhieu ty)\b")
# "khu do thi" typed plain is "khu đô thị" unless "sao" follows ("khu do thi sao": "khu đó thì sao")
_POINTING = r"\s+(?:do(?! thi\b(?! sao\b))|nay|ay|day|kia|tren)\b"  # "… đó", "… này", "… đấy"
# "dự án đó", "cầu này", "tòa đó": a project pointed at by what it is
# ("khu đô thị" is no "khu đó": folded, its "đô" is "do")
_PROJECT_NOUNS = (r"du an|cong trinh|cau|toa|toa nha|nha may|ben|tuyen|duong|nha ga|san bay|cang|khu kinh te|"
                  r"khu cong nghiep|cum cong nghiep")
PROJECT_PRONOUN = re.compile(rf"\b(?:{_PROJECT_NOUNS}){_POINTING}")
# "trong buổi đó", "hôm đó", "chuyến đó": the event just answered ("hôm nay" is today)
_REFERS_BACK = re.compile(rf"\b(?:{_PROJECT_NOUNS}|nghi quyet|van ban|chi tieu|con so|so lieu|cai|khu|buoi|chuyen|"
                          rf"cuoc lam viec|hoi nghi)(?: moi)?{_POINTING}|\bhom (?:do|ay|day)\b"
                          r"|^(?:no|the no|vay no|trong do|trong so do)\b|\b(?:ong ay|ba ay|ong do)\b"
                          r"|^(?:quay lai|tro lai|quay ve)\b")
# Follow-up words: the question leans on the previous answer.
# "à nhầm, mình hỏi năm 2024 cơ": the same subject, corrected
CORRECTION = re.compile(r"\b(?:nham|y minh la|minh hoi)\b")
BARE_FOLLOWUP_WORDS = 8  # "thế còn Phả Lại thì sao": a unit's bare name and a few words of a follow-up


def _bare_followup(folded: str) -> bool:
    """"còn Phả Lại", "the Co Thanh cung vao phuong Chu Van An dung khong" after a conversion: short enough
    that a bare old unit's name is what it asks about."""
    return len(folded.split()) <= BARE_FOLLOWUP_WORDS
_LEANS = re.compile(r"^(?:con|the con|vay con|the|vay|the thi|con ve|the con ve|va|rieng|con rieng)\b|\b(?:thi sao|the nao|sao|nua)\s*$"
                    r"|\b(?:do|nay|ay|kia|no|chung)\b"
                    rf"|{CORRECTION.pattern}")


# "xã Tân Dương huyện Thủy Nguyên giờ thuộc phường nào": an old unit named and its new one asked,
# though the extractor knows no such old unit (a name from before 1/1/2025)
# "p Lập Lễ … h là p j": "p" for phường, "x" for xã, as residents abbreviate them
# "phường Đằng Giang", "Dương Quan cũ": an old unit named by its type word, or as the old one
_OLD_UNIT_NAMED = re.compile(r"\b(?:xa|phuong|thi tran|huyen|p|x)\s+(?!(?:nao|moi|gi|la|do|nay|thi|va|cua)\b)\w+|\w+ cu\b")
_NEW_UNIT_ASKED = re.compile(r"\b(?:thuoc|la|ve|sang|vao|thanh)\s+(?:xa|phuong|p|x|dac khu|don vi|cho)(?:\s+moi)?\s+(?:nao|gi)\b"
                             r"|\b(?:doi|chuyen)\s+(?:ten\s+)?thanh\s+(?:gi|xa nao|phuong nao)\b"
                             r"|\b(?:gio|nay|bay gio) (?:\w+ ){0,2}thuoc (?:ve )?(?:dau|don vi nao)\b"  # "giờ xã tôi thuộc đâu"
                             r"|\b(?:thi|se|bi|da) thanh (?:gi|j|don vi nao)\b"
                             # "… giờ đổi tên là gì?", "tên mới là gì"
                             r"|\bdoi ten(?: (?:la|thanh))? (?:gi|j)\b|\bten moi (?:la )?(?:gi|j)\b"
                             # "… giờ nhập vào phường Thủy Nguyên đúng không": a new unit claimed, to check
                             r"|\b(?:thuoc|ve|vao|thanh|la)\s+(?:xa|phuong|p|x|dac khu)\s+(?!nao\b|gi\b|moi\b)\w+"
                             r"(?:\s+\w+){0,3}?\s+(?:dung|phai)\s+(?:khong|ko|k|chu|ha|a)\b")


def asks_new_unit(folded: str) -> bool:
    return bool(_OLD_UNIT_NAMED.search(folded) and _NEW_UNIT_ASKED.search(folded))


_FILLERS = re.compile(r"\b(?:cua |o |tai )?(?:hai phong|thanh pho|tp)\b|\b(?:nam |quy )?(?:20\d\d|ngoai|nay|truoc)\b(?= )"
                      r"|\b(?:duoc|da|se)\b")
_NOT_THIS = re.compile(r"\b(?:khong|ko|k) phai (?:la )?([^,.?!]+)")
# "kcn nam trang cat rong bao nhieu ha, a nham y minh la trang due 3": corrected within the message, the
# names after the correction are the ones asked
_CORRECTED_TO = re.compile(r"(?<=\w )\b(?:a |à )?nham(?: roi)?(?: y minh la| minh hoi| y la| la)?\s+(\S.*)$")
# "quay lại cây cầu, …": back to the last subject, whose "lại" is no cầu Lại Xuân
_ASKING = re.compile(r"\b(?:minh|toi|em|to|cho|muon|xin|can|de) hoi\b|\bhoi (?:ve|them|luon|chut|ti|xiu|lai)\b"
                     r"|\b(?:quay lai|tro lai|quay ve)(?: voi| chuyen| ve)?\b")
_ANOTHER = re.compile(r"^(?:con|the con|vay con|the con ve|con ve)\b")


@dataclass(frozen=True)
class Asked:
    text: str
    folded: str  # normalized: folded, teencode expanded, typos corrected
    intent: str
    from_button: bool
    indicators: tuple[str, ...] = ()
    projects: tuple[str, ...] = ()  # best first
    projects_clear: bool = False  # the first names the question far better than the others
    project_score: float = 0.0  # how well the first is named: 2+ a whole name or alias, else the share of its words
    policies: tuple[str, ...] = ()
    periods: tuple[str, ...] = ()
    kinds: frozenset[str] = field(default_factory=frozenset)  # target | result | change
    comparison: str | None = None  # plan | national | previous
    measure: str | None = None  # percent_of_plan | times | share, when the question names one
    operation: str | None = None  # count | max | min | sum
    over_last_list: bool = False  # "mấy cái đó": the operation is over the list shown before
    yes_no: bool = False
    claims_decrease: bool = False
    asks_decrease: bool = False  # "giảm bao nhiêu?": a fall taken for granted, no cue needed
    claims_lowest: bool = False
    claims_top: bool = False  # "đứng đầu cả nước à?"
    claims_highest: bool = False  # "nông nghiệp tăng mạnh nhất phải không?": among its sibling rows
    premise_cue: bool = False
    claimed_numbers: tuple[str, ...] = ()  # figures the resident states ("chỉ khoảng 80% thôi à?")
    claims_plan: str | None = None  # above | met | below: what the resident says of the plan
    aspect: str | None = None  # investor | when | value
    refers_back: bool = False  # "dự án đó", "nó": the subject is the last answer's
    another_project: bool = False  # "thế còn nhà ga hàng hóa?": a project other than the one just answered
    address: bool = False  # an old ward/commune/district named, or a new unit asked for
    asks_conversion: bool = False  # "… nay thuộc phường nào?": the new unit is what is asked
    entities: dict[str, list[str]] = field(default_factory=dict)
    context: str = ""  # the last answer's subject words, when the question leans on it for its own

    @property
    def names_something(self) -> bool:
        """A subject of its own: an indicator, a policy, a place, or a project named well enough to answer."""
        named_project = self.projects_clear and (self.project_score >= 0.75 or self.another_project)
        return bool(self.indicators or named_project or self.policies or self.address)


def normalized(kb: KnowledgeBase, text: str) -> str:
    return kinds_typed(kb.normalize_question(text))


def periods_in(folded: str, entities: dict[str, list[str]], context_year: int | None = None,
               text: str = "") -> tuple[str, ...]:
    """Every period named, in order: "2024 và 2025", "quý I và 6 tháng đầu năm 2025", "giai đoạn 2019-2023";
    a part of a year with no year named is of the year in context. `text`: as typed, for its commas."""
    found = parse_periods(folded, context_year)
    if not found and (single := parse_period(folded)):
        found = [single]  # "năm nay", "năm 24"
    if not found and (since := period_since(folded)) is not None:
        found = [since]  # "từ khi có nq 45": the span the documents count from it
    if not found and context_year is not None and _BOTH_YEARS.search(folded):
        # "còn thu nội địa 2 năm đó?" after 2024's result and 2025's plan: the year in context and the one
        # beside it that the documents give (their years are 2024's results and 2025's plans)
        found = [str(context_year - 1), str(context_year)] if context_year >= 2025 else [str(context_year), str(context_year + 1)]
    if re.search(r"\bca nam\b", folded):  # "quý 1 tăng bao nhiêu và mục tiêu cả năm": the year too
        found += [p.split("-")[0] for p in found if re.fullmatch(r"\d{4}-(?:Q\d|H\d|\d+M)", p)]
    for value in entities.get("period", []) + entities.get("year", []):
        if all(value != p and not p.startswith(f"{value}-") and not p.endswith(f"-{value}") for p in found):
            found.append(value)
    listed = set(_LISTED_YEARS.findall(text))  # "năm 2023, 2024": two years, not the span 2023-2024
    found = [y for p in found for y in ((p[:4], p[5:]) if (p[:4], p[5:]) in listed else (p,))]
    return tuple(dict.fromkeys(found))


# "khách du lịch năm đó", "GRDP quý đó": the period of the figure in context
_THAT_PERIOD = re.compile(r"(?<!\d )(?<!hai )(?<!cac )\b(nam|quy|ky) (?:do|ay|day)\b")  # "2 năm đó": both years


def that_period(folded: str, shown: str) -> tuple[str, ...]:
    """The period in context that "năm đó" / "quý đó" points at: its year, or itself when it is of the kind
    pointed at; () when nothing is pointed at or the context has no such period."""
    pointed = _THAT_PERIOD.search(folded)
    if pointed is None or not re.match(r"20\d\d", shown):
        return ()
    if pointed.group(1) == "nam":
        return (shown[:4],)
    if pointed.group(1) == "quy":
        return (shown,) if re.fullmatch(r"20\d\d-Q\d", shown) else ()
    return (shown,)


_BOTH_YEARS = re.compile(r"\b(?:2|hai) nam (?:do|nay|ay|day|tren|vua roi|vua noi)\b|\bca (?:2|hai) nam\b")
_LISTED_YEARS = re.compile(r"\b(20\d\d)\s*[,;]\s*(?:năm\s+|nam\s+)?(20\d\d)\b")


def measure_in(folded: str) -> str | None:
    """"Đạt bao nhiêu % kế hoạch năm", "gấp mấy lần cả nước": the figure's measure, when the question says it."""
    return next((measure for measure, pattern in _MEASURES if pattern.search(folded)), None)


def kinds_in(folded: str) -> frozenset[str]:
    kinds = set()
    if _TARGET.search(_COMPARED_WITH_PLAN.sub(" ", folded)):  # "so với kế hoạch" compares: the plan is not asked
        kinds.add("target")
    if _RESULT.search(folded):
        kinds.add("result")
    if _CHANGE.search(folded):
        kinds.add("change")
    if _RANK.search(folded):
        kinds.add("rank")
    return frozenset(kinds)


def comparison_in(folded: str, entities: dict[str, list[str]]) -> str | None:
    named = entities.get("comparison")
    if named:
        return named[0]
    if _PLAN_CMP.search(folded):
        return "plan"
    if _NATIONAL_CMP.search(folded):
        return "national"
    if _PREVIOUS_CMP.search(folded):
        return "previous"
    return None


_LIST = re.compile(r"\b(?:nhung|cac|liet ke|ke ten)\s+(?:du an|cong trinh)\b|\b(?:du an|cong trinh) nao\b")
# "bao nhiêu", "mấy", "bn": a number asked (indicators count them to split clauses; "số lượng" names, asks nothing)
# a sector of works or of what the city does ("công trình y tế", "dự án du lịch")
SECTOR = re.compile(r"\b(?:y te|benh vien|giao duc|truong hoc|van hoa|the thao|thuy loi|nuoc sach|moi truong|du lich)\b")
# "ngày bao nhiêu", "tháng mấy": a date asked, no number
ASKS_A_NUMBER = re.compile(r"(?<!\bngay )(?<!\bthang )\b(?:bao nhieu|may|bn)\b")
# a sentence's quantity asked: "số lượng" counts too when no figure row answers
ASKS_A_QUANTITY = re.compile(rf"{ASKS_A_NUMBER.pattern}|\bso luong\b")
# ("lớn nhất trong mấy dự án khánh thành …": the largest among them, counting nothing)
_COUNT_ITEMS = re.compile(r"(?<!trong )(?<!trong so )(?<!giua )\b(?:bao nhieu|may|so luong|tong so|tong cong)\s+"
                          r"(?:du an|cong trinh)\b")


def names_a_group_of_the_list(q: Query) -> bool:
    """"còn khởi công bao nhiêu?", "thế còn dùng vốn ngân sách thì mấy" after projects counted: a group of the
    list named ("ngân sách" is then the projects' funding, no budget figure)."""
    return q.slots.get("topic") == "project_list" and bool(q.all("project_group") or q.all("funding"))


def operation_in(folded: str) -> str | None:
    if _COUNT_ITEMS.search(_PRONOUN_LIST.sub(" ", folded)):  # "mấy dự án đó" points at a list, counts nothing
        return "count"  # "tổng cộng bao nhiêu dự án": how many, not how much
    if _SUM.search(folded) and not _EACH.search(folded):  # "kèm tổng vốn từng dự án": each one's, listed
        return "sum"
    if _MAX.search(folded) and not _LOWEST_CLAIM.search(folded):
        return "max"
    if _MIN.search(folded):
        return "min"
    if _COUNT.search(folded):
        return "count"
    if _LIST.search(folded):
        return "list"
    return None


# "… là do Vingroup đầu tư đúng không?": an investor taken for granted ("do ngân sách thành phố" is the funding)
# ("dự án đó được cấp GCN đăng ký đầu tư": "đó", folded, is no "do")
INVESTOR_CLAIMED = re.compile(r"\bdo (?!ai\b|do\b|ngan sach\b|von\b|nha nuoc\b|thanh pho\b|duoc\b)\w+(?: \w+){0,4} "
                              r"(?:lam chu dau tu|dau tu)\b(?! (?:bao nhieu|may|het|gi|nao)\b)")


def aspect_in(folded: str) -> str | None:
    if _INVESTOR.search(folded) or INVESTOR_CLAIMED.search(folded):
        return "investor"
    if _WHEN.search(folded):
        return "when"
    if VALUE_ASKED.search(folded):
        return "value"
    return None


def leans_on_context(folded: str) -> bool:
    return bool(_LEANS.search(folded)) or len(folded.split()) <= 4


def clear_winner(scored: list[tuple[str, float]], named: list[str]) -> bool:
    """One project matches far better than the next: its whole name against a partial
    one, or most of its name against less than two thirds of that."""
    if len(set(named)) == 1 and (not scored or scored[0][0] == named[0]):
        return True
    if len(scored) < 2:
        return bool(scored)
    (_, best), (_, second) = scored[0], scored[1]
    if best >= 2:
        # both named by a whole alias: clear when the first alias is far more distinctive
        return second < 2 or (best - 2) >= 1.5 * (second - 2)
    return best >= CLEAR_SHARE and second <= best * 2 / 3


def covers_the_next(kb: KnowledgeBase, folded: str, scored: list[tuple[str, float]]) -> bool:
    """"quảng trường phía trước trung tâm chính trị": every word the second project shares with the
    question the first shares too, and the first more ("quảng trường"): the first is meant."""
    if len(scored) < 2 or not CLEAR_SHARE <= scored[0][1] < 2:  # 2+: named by a whole alias, clear_winner's
        return False
    asked = set(query_terms(folded))

    def shared(key: str) -> set[str]:
        info = kb.project(key)
        return asked & set(fold(" ".join((info.project.name, *info.project.aliases))).split()) if info else set()

    return shared(scored[1][0]) < shared(scored[0][0])


CLEAR_SHARE = 0.75  # of a project's name that the question must name


def one_project_in_two_documents(kb: KnowledgeBase, scored: list[tuple[str, float]]) -> bool:
    """"sân bay mới": the two best named alike are one airport as two documents record it, the full name of
    one being a name of the other (two social housing projects share only a kind: "nhà ở xã hội")."""
    if len(scored) < 2 or scored[0][1] < 2 or scored[0][1] != scored[1][1] or (
            len(scored) > 2 and scored[2][1] == scored[0][1]):
        return False  # named by a whole alias each ("trang cat" alone names places, not one project)
    first, second = (kb.project(key) for key, _ in scored[:2])
    if first is None or second is None:
        return False

    def names(info: ProjectInfo) -> set[str]:
        return {fold(n) for n in (info.project.name, *info.project.aliases)}
    return fold(first.project.name) in names(second) or fold(second.project.name) in names(first)


def _context_of_another(kb: KnowledgeBase, code: str, named: list[str]) -> bool:
    """"Kinh tế số chiếm bao nhiêu % GRDP": GRDP is the other indicator's frame, not a question of its own."""
    this = kb.indicator(code)
    if this is None:
        return False
    names = [fold(n) for n in (this.name, *this.aliases) if len(fold(n).split()) <= 2]
    others = [kb.indicator(c) for c in named if c != code]
    return any(other is not None and other.parent != code and any(f" {n} " in f" {fold(other.name)} " for n in names)
               for other in others)


def _read_through_fillers(kb: KnowledgeBase, codes: list[str], folded: str) -> list[str]:
    """"bao nhiêu tổ chức cơ sở Đảng ở Hải Phòng đã tổ chức đại hội": the part's short name ("tổ chức cơ sở
    đảng") was matched where the whole's longer one runs through the city's name: the whole is asked."""
    parent_of = {code: indicator.parent for code in codes if (indicator := kb.indicator(code)) is not None}
    if not any(parent_of.values()):
        return codes
    through = kb.indicator_codes_named(_FILLERS.sub(" ", folded))
    return [parent if (parent := parent_of.get(code)) in through and parent not in codes else code for code in codes]


def _named_by_sentence(kb: KnowledgeBase, text: str) -> tuple[list[str], set[str]]:
    """"… năm thứ mười liên tiếp tăng trưởng hai con số không? GRDP tăng bao nhiêu?": each question of
    several asks its own indicators (matched over the whole, one name swallows the other). The codes the
    sentences name, and those a sentence names alone (then no frame of another: it is asked)."""
    sentences = [s for s in re.split(r"[?!;]\s+", text) if s.strip()]
    if len(sentences) < 2:
        return [], set()
    found: list[str] = []
    alone: set[str] = set()
    for sentence in sentences:
        codes = kb.indicator_codes_named(normalized(kb, sentence))
        found += [code for code in codes if code not in found]
        alone |= set(codes) if len(codes) == 1 else set()
    return found, alone


def _context_year(q: Query, kb: KnowledgeBase | None = None) -> int | None:
    """The year of the figure in context; for "2 năm đó", the latest of the figure's years up to it: "năm
    nay" asked (2026) was answered with 2025's plan, the newest, and the two years meant are 2024 and 2025."""
    period = str(q.slots.get("period") or "")
    year = int(period[:4]) if re.match(r"20\d\d", period) else None
    if year is None or kb is None or not _BOTH_YEARS.search(fold(q.text)) or not q.slots.get("indicator"):
        return year
    years = [int(p[:4]) for p in kb.periods(str(q.slots["indicator"])) if int(p[:4]) <= year]
    return max(years, default=year)


def _number_text(text: str) -> str:
    """The question folded but with its decimal commas kept: "80,5%" stays one number."""
    return re.sub(r"[^\w,.]+", " ", strip_diacritics(text).lower()).replace("_", " ")


def _not_in_names(kb: KnowledgeBase, periods: tuple[str, ...], indicators: list[str]) -> tuple[str, ...]:
    """"Tổ chức đại hội nhiệm kỳ 2025 - 2030": a term that is part of the indicator's name is no period asked."""
    names = [fold(i.name) for i in (kb.indicator(c) for c in indicators) if i is not None]
    return tuple(p for p in periods if not (re.fullmatch(r"\d{4}-\d{4}", p)
                                            and any(p.replace("-", " ") in n for n in names)))


# "… bao nhiêu lượt, trong đó khách quốc tế bao nhiêu", "quý I năm nay thì sao, khách quốc tế bao nhiêu": the
# figure in context asked again, and a part of it
_AND_ITS_PART = re.compile(r"\b(?:bao nhieu|may)\b.*\btrong do\b|\bthi sao\b.+\b(?:bao nhieu|may)\b")


def _leading_number(number: str) -> str:
    return found.group() if (found := re.match(r"\d+", number)) else number


def _parallel_of(kb: KnowledgeBase, shown: str, named: str, folded: str) -> str:
    """"Còn số xã đã đạt nông thôn mới kiểu mẫu?" after the communes meeting the advanced standard (cumulative): of
    the sibling rows whose names and aliases say every word of the question, the one whose name is most like the
    last one's ("… đạt chuẩn nông thôn mới kiểu mẫu (lũy kế)", not "… hoàn thành các tiêu chí …")."""
    last, found = kb.indicator(shown), kb.indicator(named)
    if last is None or found is None or last.parent is None or found.parent != last.parent:
        return named
    asked = {w for w in query_terms(folded) if not w.isdigit()}
    if set(query_terms(fold(found.name))) <= asked:
        return named  # "còn số huyện đạt chuẩn nông thôn mới?" names that row in full

    def says(i: Indicator) -> set[str]:
        return set(fold(" ".join((i.name, *i.aliases))).split())

    def like(i: Indicator) -> int:
        return len(set(fold(i.name).split()) & set(fold(last.name).split()))
    fitting = [i for i in kb.indicators().values() if i.parent == last.parent and i.code != shown and asked <= says(i)]
    best = max(fitting, key=lambda i: (like(i), i.code == named), default=found)
    return best.code if like(best) > like(found) else named


def understand(kb: KnowledgeBase, q: Query) -> Asked:
    from_button = q.text.startswith("/")
    entities = q.entities
    folded = fold(q.text) if from_button else normalized(kb, q.text)
    if from_button:
        return Asked(q.text, folded, q.intent, True, entities=entities,
                     indicators=tuple(q.all("indicator")), projects=tuple(q.all("project")),
                     projects_clear=bool(q.all("project")), project_score=2.0 if q.all("project") else 0.0,
                     policies=tuple(q.all("policy")), periods=tuple(q.all("period") or q.all("year")),
                     kinds=frozenset(q.all("value_kind")), comparison=q.first("comparison"),
                     address=bool(q.all("old_unit") or q.all("old_district")))
    # Names are matched on the corrected question and on the question as typed: a stored
    # name may itself be an abbreviation ("KCN Tiên Thanh") that correction would expand.
    typed = fold(q.text)
    named_codes = kb.indicator_codes_named(folded) + kb.indicator_codes_named(typed)
    indicators = list(dict.fromkeys(named_codes + q.all("indicator")))  # in the order the question names them
    if not indicators:
        # "kinh tế Hải Phòng năm 2024 lớn thêm": a name split by the city's name or a year
        indicators = kb.indicator_codes_named(_FILLERS.sub(" ", folded))
    else:
        indicators = _read_through_fillers(kb, indicators, folded)
    in_sentences, alone = _named_by_sentence(kb, q.text)
    indicators += [code for code in in_sentences if code not in indicators]
    indicators = [code for code in indicators if not _context_of_another(kb, code, indicators) or code in alone]
    if (denied := _NOT_THIS.search(folded)) and len(indicators) > 1:
        # "ý mình là xuất khẩu chứ không phải hàng qua cảng": the one denied is not asked
        rejected = set(kb.indicator_codes_named(denied.group(1)))
        indicators = [code for code in indicators if code not in rejected] or indicators
    shown = str(q.slots.get("indicator") or "")
    if (q.slots.get("topic") == "indicator" and len(indicators) == 1 and shown not in indicators
            and _AND_ITS_PART.search(folded) and (part := kb.indicator(indicators[0])) is not None and part.parent == shown):
        indicators = [shown, *indicators]  # "còn quý I bao nhiêu lượt, trong đó khách quốc tế bao nhiêu?": both
    if q.slots.get("topic") == "indicator" and len(indicators) == 1 and shown and shown not in indicators:
        indicators = [_parallel_of(kb, shown, indicators[0], folded)]
    scores: dict[str, float] = {}
    # "mình hỏi nhà ga hàng hóa": the verb, folded, would be the "hội" of "nhà ở xã hội"
    # "… ở sân bay đó": what points back names no project of its own
    unnamed = dict.fromkeys(_ASKING.sub(" ", PROJECT_PRONOUN.sub(" ", text)) for text in (folded, typed))
    # "cầu Lại Xuân nối Thủy Nguyên với thị xã Quảng Yên đúng không?": the places claimed after "nối" are the
    # claim to check, not the name (they name cầu Bến Rừng); matched without them when the name stands alone
    claimless = dict.fromkeys(without_claimed_link(text) for text in unnamed)
    pairs = [pair for text in claimless for pair in kb.project_scores(text, limit=8)]  # each text once
    if claimless != unnamed and not any(score >= 2 for _, score in pairs):
        pairs = [pair for text in unnamed for pair in kb.project_scores(text, limit=8)]
    for key, score in pairs:
        scores[key] = max(score, scores.get(key, 0.0))
    scored = sorted(scores.items(), key=lambda item: -item[1])[:8]
    named = q.all("project")
    if (corrected := _CORRECTED_TO.search(folded)) and (after := kb.project_scores(corrected.group(1), limit=8)):
        scored = after  # the project named after "à nhầm", not the one before it
        named = [key for key in named if key in dict(after)]
    project_ids = list(dict.fromkeys([key for key, _ in scored] + named))  # best named first
    previous, another = q.slots.get("project"), False
    if previous in project_ids and len(project_ids) > 1 and _ANOTHER.search(folded):
        # "thế còn nhà ga hàng hóa?" after the T2 terminal: another project than the one just answered
        project_ids.remove(previous)
        scored = [(key, score) for key, score in scored if key != previous]
        another = True
    clear = bool(project_ids) and (len(project_ids) == 1 or clear_winner(scored, named)
                                   or (not named and covers_the_next(kb, folded, scored)))
    if not clear and not named and one_project_in_two_documents(kb, scored):
        # the record that gives most (its value, its area) first: the other is the same project elsewhere
        infos = [info for info in (kb.project(key) for key in project_ids[:2]) if info is not None]
        infos.sort(key=lambda i: (not i.project.value_text, not i.project.area_text))
        project_ids = [i.project.id for i in infos] + project_ids[2:]
        clear = True
    found_policies = (kb.find_policy(folded) or kb.find_policy(typed)) if DOCUMENT_CUE.search(folded) else []
    found_policies = [p for p in found_policies if _named_as_document(p.policy.number, p.policy.aliases, folded, typed)]
    policies = list(dict.fromkeys(q.all("policy") + [p.policy.number for p in found_policies]))
    policies = policies if DOCUMENT_CUE.search(folded) else []
    last = str(q.slots.get("policy") or "")
    if last in policies and len({_leading_number(p) for p in policies}) == 1 and not _ANOTHER.search(folded):
        policies = [last]  # "nghị quyết 14 ban hành ngày nào" after 14/NQ-CP: that one, not 14-NQ/TU
    operation = operation_in(folded)
    # "kể tên ra giúp mình" after a list counted: its names, whatever the classifier says of the words
    names_the_list = (q.slots.get("topic") == "project_list" and operation in (None, "list")
                      and _NAMES_OF_THE_LIST.search(folded) is not None)
    operation = "list" if names_the_list else operation
    if operation is None and names_a_group_of_the_list(q) and ASKS_A_NUMBER.search(folded):
        operation = "count"  # "còn khởi công bao nhiêu?" after the projects counted: the other group counted
    measure = measure_in(folded)
    asked = _ADDRESSED.sub("", folded)  # "… hả ad", "… không bạn ơi": the tag question before the address
    kinds = kinds_in(folded)
    # the extractor reads "đạt" as a result; "kế hoạch … muốn đạt bao nhiêu" is the plan, which the
    # question's own words already say: the extractor's kinds count only when they say none
    kinds |= frozenset(q.all("value_kind")) - ({"target", "result", "estimate"} if kinds & {"target", "result"} else set())
    claims_result = claimed_share(q.text) is not None or claimed_floor(q.text) is not None or (
        plan_claim(folded) in ("below", "above") and _PREMISE_CUE.search(asked) is not None)
    if measure == "percent_of_plan" or claims_result:
        # "đạt bao nhiêu % dự toán", "chỉ đạt 90% dự toán", "hụt kế hoạch đúng không?": the result, measured
        # against the plan ("đạt kế hoạch" folds as "đặt kế hoạch", which asks the plan; "có vượt chỉ tiêu
        # không?" asks, and the plan answers too)
        kinds = (kinds - {"target"}) | {"result"}
    read = Asked(
        text=q.text, folded=folded, intent=q.intent, from_button=False,
        indicators=tuple(indicators), projects=tuple(project_ids), projects_clear=clear, policies=tuple(policies),
        project_score=2.0 if named else (scored[0][1] if scored else 0.0),
        periods=tuple(dict.fromkeys(that_period(folded, str(q.slots.get("period") or "")) + _not_in_names(
            kb, periods_in(folded, entities, _context_year(q, kb), q.text), indicators))), kinds=kinds,
        comparison=comparison_in(folded, entities), measure=measure, operation=operation,
        over_last_list=names_the_list or bool(_PRONOUN_LIST.search(folded)),
        yes_no=bool(_YES_NO.search(asked)), claims_decrease=bool(_DECREASE_CLAIM.search(folded)),
        asks_decrease=bool(_ASKS_DECREASE.search(folded)),
        claims_lowest=bool(_LOWEST_CLAIM.search(folded)), claims_top=bool(_TOP_CLAIM.search(folded)),
        claims_highest=bool(_HIGHEST_CLAIM.search(folded)), premise_cue=bool(_PREMISE_CUE.search(asked)),
        claimed_numbers=claimed_numbers(_number_text(q.text)), claims_plan=plan_claim(folded, q.text),
        aspect=aspect_in(folded), refers_back=bool(_REFERS_BACK.search(folded)), another_project=another and clear,
        address=bool(q.all("old_unit") or q.all("old_district")) or asks_new_unit(folded) or (
            MEMBERS_QUESTION.search(folded) is not None and bool(new_units_named(kb, q) or unit_pointed_at(kb, q))) or (
            q.slots.get("topic") == "address" and (CORRECTION.search(folded) is not None or _bare_followup(folded))
            and names_an_old_unit(kb, q.text)),
        asks_conversion=asks_new_unit(folded), entities=entities,
    )
    # (after a figure, the figure's own row answers a follow-up: its subject words would only pull
    # the documents' sentences towards every sentence naming it)
    # "ông ấy nói gì về môi trường đầu tư kinh doanh" after a person: of him, though it names a figure's words
    of_the_person = _OF_THE_PERSON.search(folded) is not None and bool(PERSON_SUBJECT.match(str(q.slots.get("subject") or "")))
    if (not read.names_something or of_the_person) and q.slots.get("topic") != "indicator" and leans_for_its_subject(
            q.text, folded):
        read = replace(read, context=str(q.slots.get("subject") or ""))
    elif q.slots.get("topic") == "indicator" and _OF_THE_PERSON.search(folded) and (
            speaker := _who_gave_the_figure(kb, q)) is not None:
        read = replace(read, context=speaker)  # "ổng có nói hạn chế j ko" after a figure an article has him give
    return read


def figure_speakers(kb: KnowledgeBase, code: str, period: str | None) -> Iterator[Passage]:
    """The sentences naming who gave a figure, of the articles giving it ("Theo ông Lê Tiến Châu, …"); a report is
    its own speaker and names none."""
    for value in kb.values(code, period):
        for quote in value.quotes if value.document.kind != "report" else ():
            if (said := kb.speaker_of(value.document.id, quote)) is not None:
                yield said


def _who_gave_the_figure(kb: KnowledgeBase, q: Query) -> str | None:
    """The person an article's sentence names as giving the figure last shown."""
    period = q.slots.get("period")
    for said in figure_speakers(kb, str(q.slots.get("indicator")), str(period) if period else None):
        if person := PERSON_NAMED.search(said.text) or _FULL_NAME.search(said.text):
            return f"ông {person.group(1)}"
    return None


# Family names, written as the documents write them. "Dương" is one too, but also of Hải Dương: a name written after a
# post is not read from it.
_FAMILY_NAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
                 "Dương", "Lý", "Đào", "Tô", "Đinh", "Mai", "Trịnh", "Lương", "Cao")
# "Bí thư Thành ủy Hải Phòng Lê Tiến Châu": a name written after the post, with no "ông" before it
_FULL_NAME = re.compile(r"\b((?:" + "|".join(n for n in _FAMILY_NAMES if n != "Dương") + r")(?:\s+[A-ZĐÂ][\wÀ-ỹ]*){1,2})\b")


_OF_THE_PERSON = re.compile(r"\b(?:ong|ba|dong chi) (?:ay|do)\b")
# a subject that is a person: "ông lê ngọc châu", "lê tiến châu", "tổng bí thư tô lâm"
PERSON_SUBJECT = re.compile(r"^(?:ông|bà|đồng chí|tổng bí thư|bí thư|chủ tịch) \w+|^(?:"
                            + "|".join(n.lower() for n in _FAMILY_NAMES) + r") \w+(?: \w+)?$")


# "Hà Nội" links nothing; "nghe nói", "người ta nói là …" say, folded as "nối" is
_CLAIMED_LINK = re.compile(r"\b(?<!ha )(?<!nghe )(?<!ta )(?<!ai )(?<!ho )(?:noi|ket noi)\b(?! (?:la|rang)\b).*$")


def names_a_link(folded: str) -> bool:
    """The question names what a project links ("cầu Bến Rừng nối Hải Phòng với Thái Bình …")."""
    return _CLAIMED_LINK.search(folded) is not None


def without_claimed_link(folded: str) -> str:
    """The question less the places it claims a project links ("… nối Thủy Nguyên với Quảng Yên đúng không?")."""
    return _CLAIMED_LINK.sub(" ", folded) if _YES_NO.search(folded) or _PREMISE_CUE.search(folded) else folded


# The question takes its subject from the last answer: "ông ấy", "buổi đó", "nó", "trong đó …",
# "được thay thế bằng …", or hardly a word of its own ("có khó khăn gì không?").
# ("ông ây": a mark left out); "trước đó", "sau đó" are a time beside the subject's, not the subject
_POINTING_TYPED = re.compile(r"(?<!trước )(?<!sau )\b(?:đó|này|ấy|ây|đấy|kia|nó)\b", re.IGNORECASE)
_POINTING_PLAIN = re.compile(r"(?<!truoc )(?<!sau )\b(?:do|ay|day|no)\b|(?<!hien )(?<!nam )\bnay\b")
_STARTS_ON_CONTEXT = re.compile(r"^(?:con|the con|vay con|the|vay|the thi|trong do|ong|ba|duoc|bi|no|con ve)\b")
FEW_WORDS = 3  # content words


def points_back(text: str, folded: str) -> bool:
    """"… buổi đó", "thay thế nó", "được thay thế bằng …": the subject is the last answer's."""
    plain = text == strip_diacritics(text)
    pointing = (_POINTING_PLAIN if plain else _POINTING_TYPED).search(text if not plain else folded)
    return bool(pointing or _LEFT_OUT.search(folded))


_LEFT_OUT = re.compile(r"^(?:duoc|bi)\b")  # "được thay thế bằng …": the subject left out


def leans_for_its_subject(text: str, folded: str) -> bool:
    return points_back(text, folded) or bool(_STARTS_ON_CONTEXT.search(folded)) or len(query_terms(folded)) <= FEW_WORDS
