"""The one place that decides what an answer is.

Every question the bot answers from the knowledge base comes here (the rules send
all answering intents to `action_answer`). The question is read once into an
`Asked` record (`understand`), then the first row of `ROWS` whose test holds
answers it. Read the table top to bottom: a button the bot offered, a choice or
"xem thêm", then what the question names (a place to convert beats a policy
number beats a project beats an indicator), then operations over lists, the
curated answers and topic lists, then what the last answer was about, then a
quoted passage of the documents, and last "the documents do not say".
The intent is one signal among these: it breaks ties, it does not overrule a name.
Each row is tested on its own in tests/actions/test_decide.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Any

from knowledge import (
    Document,
    Indicator,
    KnowledgeBase,
    Passage,
    Policy,
    ProjectInfo,
    Value,
    fold,
    other_province,
    query_terms,
    strip_diacritics,
)

from . import aggregate, passages, quoted, replies
from .conversation import answer_choice, answer_more, option_by_name, option_named
from .curated import (
    POST_ASKED,
    answer_best_curated,
    answer_curated,
    answer_government,
    answer_post,
    answer_theme,
    answer_vision,
    better_elsewhere,
    curated_fit,
    curated_fitting,
    fit_with_subject,
    people_claimed,
    post_asked_of,
    post_misnamed,
)
from .documents import answer_source, asks_source, named_source
from .fallback import (
    no_breakdown,
    no_future_holders,
    no_local_leaders,
    no_office_holders,
    no_prices,
    no_services,
    no_sum_given,
    no_unit_measures,
    not_covered,
    not_given_but,
)
from .feedback_buttons import feedback_buttons
from .government import (
    COUNT_CLAIMED,
    COUNT_QUESTION,
    MEMBERS_QUESTION,
    MERGER,
    answer_merger,
    answer_unit_count,
    claims_a_special_zone,
    convert_address,
    district_of_the_last,
    new_units_named,
    places_last_given,
    special_zone_verdict,
)
from .indicators import (
    FORMER_PROVINCE,
    NARROWS,
    NOT_A_DETAIL,
    NOT_A_DETAIL_PHRASE,
    NUMBER_ASKED,
    WHICH_PART,
    answer_figures,
    answer_number,
    clauses_of,
    family,
    latest_result_period,
    list_indicators,
    refuse_local_figure,
    refuse_other_place,
    values_written,
    vocabulary,
)
from .leaders import PERSON_NAMED, holder_clause, holder_named, name_of
from .policies import (
    DOCUMENT_NUMBER,
    EARLIER,
    REPLACED,
    answer_policy,
    answer_several_policies,
    asks_which_document,
    bare_number,
    cited_in,
    cited_or_citing,
    item_asked,
    kinds_asked,
    policies_by_subject,
    policy_by_subject,
    policy_numbered,
    successor_note,
)
from .projects import (
    AREA,
    answer_project,
    answer_records,
    asked_field,
    claims_not_done,
    component_named,
    kind_of_the_projects,
    list_named_after,
    list_projects,
    place_of_the_projects,
    saying,
)
from .query import Query, Reply, passage_answer_id, quoted_last
from .routes import ROUTES
from .understand import (
    ASKS_A_NUMBER,
    CORRECTION,
    DOCUMENT_CUE,
    EXPLANATION,
    FEW_WORDS,
    PROJECT_PRONOUN,
    SECTOR,
    VALUE_ASKED,
    Asked,
    aspect_in,
    figure_speakers,
    names_a_link,
    points_back,
    understand,
)
from .understand import leans_on_context as continues

Test = Callable[[KnowledgeBase, Asked, Query], bool]
Respond = Callable[[KnowledgeBase, Asked, Query], Reply]


@dataclass(frozen=True)
class Row:
    name: str
    when: Test
    respond: Respond


def fixed(q: Query, a: Asked) -> Query:
    """The question with teencode and typos corrected, for matching curated answers' wording."""
    return q if a.from_button else replace(q, text=a.folded)


def _with(q: Query, **entities: list[str]) -> Query:
    merged = {**q.entities, **{k: v for k, v in entities.items() if v}}
    return replace(q, entities=merged)


# -- tests ------------------------------------------------------------------------------------
LIST_INTENTS = ("list_indicators", "list_projects")
CURATED_INTENTS = {"ask_government": "government", "ask_theme": "theme", "ask_vision": "vision"}
TOPIC_ANSWERS = {"government": answer_government, "theme": answer_theme, "vision": answer_vision}
PROJECT_INTENTS = ("ask_project", "list_projects")


def is_button(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    return a.from_button and q.intent in ROUTES


def is_choice(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    options = list(q.slots.get("options") or [])
    # "cái thứ 2 vốn bao nhiêu": an option the extractor read, whatever the classifier says
    if option_by_name(kb, q, options) is not None:
        return True  # "dự án di tích ấy ở đâu?" after a list: that one, though "di tích" names a figure too
    chosen = q.intent == "choose_option" or q.first("option") is not None or option_named(q, options) is not None
    return chosen and bool(options) and not a.names_something


MORE_WORDS = 6  # "còn dự án nào nữa không ad": a short message asking for more is the list's next page
# said at any length: "cho mình xem thêm mấy cái còn lại nhé"
ASKS_MORE = re.compile(r"\b(?:xem them|them nua|nua di|con nua|tiep di|xem tiep|ke tiep|phan con lai|trang (?:sau|tiep)|"
                       r"xem het|hien them)\b")


def is_more(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    # "còn kh 2025?" names a period: a follow-up, not "xem thêm"; "Thành phố hướng tới đô thị loại gì tiếp theo?"
    # asks what comes next, not the next page
    asks_more = len(a.folded.split()) <= MORE_WORDS or ASKS_MORE.search(a.folded) is not None
    return q.intent == "show_more" and asks_more and not (a.names_something or a.periods or a.kinds)


MERGED_WITH_WHOM = re.compile(r"\b(?:tinh nao|voi ai|voi dau|voi tinh nao|nhung tinh nao|gom nhung)\b")


def merger_with_another(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    if MERGER.search(a.folded) is None:
        return False
    return province_named(a) is not None or MERGED_WITH_WHOM.search(a.folded) is not None


def province_named(a: Asked) -> str | None:
    """Another province the question names, as typed or with its typos corrected ("Qảng Ninh")."""
    return other_province(a.text) or other_province(a.folded)


def other_place(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    """Another province named, and not as part of one of ours ("đường sắt Lào Cai - Hà Nội - Hải Phòng")
    nor as the place a project is claimed to link ("cầu Bến Rừng nối Hải Phòng với Thái Bình"): "Đà Nẵng có
    bao nhiêu dự án nhà ở xã hội?" names a kind of project of ours, and asks of another city."""
    province = province_named(a)
    if province is None or a.address:
        return False
    if q.slots.get("topic") == "project" and a.refers_back and names_a_link(a.folded):
        return False  # "cầu đó nối Hải Phòng với Thái Bình phải không?" after Cầu Bến Rừng: a link claimed of it
    if names_a_link(a.folded) and _WORKS.search(a.folded):
        return False  # "cây cầu nào nối với Quảng Ninh đã thông xe": a work of ours that links to it
    if not a.projects or a.project_score < 2:
        return True  # (a project recorded by two documents is no clear winner, and still ours)
    info = kb.project(a.projects[0])
    names = fold(" ".join((info.project.name, *info.project.aliases))) if info else ""
    return fold(province) not in names and not names_a_link(a.folded)


_WORKS = re.compile(r"\b(?:cau|duong|tuyen|du an|cong trinh|cao toc)\b")


INJECTION = re.compile(r"\b(?:bo qua (?:cac |moi )?(?:huong dan|chi dan|quy tac|lenh)|bia (?:ra )?(?:mot |1 )?(?:con )?so|"
                       r"gia vo|ignore (?:all |previous )?instructions|tu bia|noi bua)\b")


# What no document of ours speaks of, whatever the classifier says: matches (the documents do speak of
# a resolution funding football), weather, lottery, markets.
OFF_TOPIC = re.compile(r"\b(?:tran dau|ty so|ti so|lich thi dau|(?:da|dau) voi (?:doi|clb|ai)|da bong (?:voi|vs|gap)|"
                       r"xo so|lo de|xsmb|thoi tiet (?:hom nay|ngay mai|toi nay|cuoi tuan|tuan nay|the nao|ra sao)|"
                       r"du bao thoi tiet|gia vang|ty gia|chung khoan|gia xang|"
                       r"troi (?:co )?(?:nang|mua|lanh|nong|dep|am)|(?:co )?mua (?:khong|ko|k|to|nhieu)\s*$|nhiet do (?:ngoai troi|hom nay|mai)|"
                       r"(?:mai|hom nay|toi nay|chieu nay|sang nay|cuoi tuan)\b.{0,25}\bco (?:mua|nang|bao)\b)\b")


# "ok bye bn", "thôi cảm ơn nha": a farewell or thanks, whatever the classifier read
FAREWELL = re.compile(r"^(?:(?:ok|oke|okie|ok ok|vang|da|thoi|roi|uh|uhm|u)\s+)*(?:bye|bai|bye bye|tam biet|"
                      r"cam on|cam on nhieu|thanks|thank you|thank|tks|thks|thanks nhe)(?:\s+(?:ban|bot|ad|admin|nhe|nha|nhieu|"
                      r"a|nhe ban|nha ban|ban nhe|ban nha|ban nhieu|ban oi))*\s*[.!]*$")


def says_goodbye(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    return not a.names_something and FAREWELL.match(a.folded.strip()) is not None


def goodbye(kb: KnowledgeBase, a: Asked, q: Query) -> Reply:
    thanks = re.search(r"\b(?:cam on|thank|thanks|tks|thks)\b", a.folded) is not None
    return Reply().template("utter_thank" if thanks else "utter_goodbye")


def claims_a_post(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    return not a.from_button and people_claimed(kb, q) is not None


def post_verdict(kb: KnowledgeBase, a: Asked, q: Query) -> Reply:
    """"Ông Lê Ngọc Châu là Bí thư Thành ủy đúng không?": right or wrong first, with who holds the post."""
    info = people_claimed(kb, q)
    assert info is not None
    return answer_curated(kb, info, q)


def _of_the_person(a: Asked, q: Query) -> str:
    """The question with "ông ấy" written as the person of the subject: "ông ấy còn giữ chức gì bên Thành ủy?"
    after "ông Lê Ngọc Châu là … Chủ tịch UBND thành phố"."""
    return passages.with_the_person(a) or q.text


def asks_a_post(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    return not a.from_button and not a.names_something and post_asked_of(kb, _of_the_person(a, q)) is not None


def post_of_the_person(kb: KnowledgeBase, a: Asked, q: Query) -> Reply:
    """"Còn ông Đỗ Mạnh Hiến giữ chức vụ gì?": that person's clause of the list, as of its meeting."""
    found = post_asked_of(kb, _of_the_person(a, q))
    assert found is not None
    return answer_post(*found)


def out_of_scope(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    """Out of scope by the classifier or by its words, and nothing of ours named; or an instruction
    to make things up."""
    if INJECTION.search(a.folded):
        return True
    strong_project = a.projects_clear and a.project_score >= 0.75
    # "nhờ đâu mà tăng mạnh vậy?" after a figure asks its cause, whatever the classifier says
    why_of_the_last = q.slots.get("topic") == "indicator" and passages.asks_why(a)
    # "ông ấy làm việc với Thành ủy hôm nào?" after Tổng Bí thư Tô Lâm: of the subject just answered
    of_the_subject = bool(q.slots.get("subject")) and a.refers_back
    # "à nhầm, ý mình là giải nhì" after the prizes: the last question, corrected
    corrects_the_last = bool(q.slots.get("topic")) and CORRECTION.search(a.folded) is not None
    # "tăng mấy %?" after a figure: a number of it asked in a few words
    number_of_the_last = (q.slots.get("topic") == "indicator" and passages.asks_number(a)
                          and len(a.folded.split()) <= SHORT_FOLLOW_UP)
    # "thế đã dc công nhận loại 1 chưa" after the sentence on the city's urban class: with it, a sentence says it
    quoted = quoted_last(q.slots)
    said = kb.passage_at(quoted[1]) if quoted is not None and quoted[1] is not None else None
    of_the_last_subject = (q.intent == "out_of_scope" and said is not None and continues(a.folded)
                           and says_it(kb, replace(a, context=said.text), passages.EXPLANATION_BAR))
    # "việc công nhận đó vào ngày nào?" after the city's urban class: the dated sentence of that figure
    when_of_the_last = q.slots.get("topic") == "indicator" and a.aspect == "when" and not a.names_something
    off = ((q.intent == "out_of_scope" and not why_of_the_last and not when_of_the_last and not of_the_subject
            and not corrects_the_last
            and not number_of_the_last and not of_the_last_subject and not says_it(kb, a))
           or OFF_TOPIC.search(a.folded) is not None)
    # "bc 619 do phó bí thư … ký đúng ko": a source document named by its number
    return off and not (a.indicators or a.policies or a.address or strong_project or named_source(kb, a.folded))


def says_it(kb: KnowledgeBase, a: Asked, bar: float = passages.STRONG) -> bool:
    """One sentence says nearly all of a question with words of its own: "đk kết hôn online kết nối vs hệ
    thống hộ tịch của bộ nào" is answered, whatever the classifier read."""
    return len(query_terms(a.folded)) >= HELP_WORDS and any(p.score >= bar for p in passages.best(kb, a))


def asks_help(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    """"Bạn giúp được gì?": what the bot can do, unless something of ours is named
    ("lập cụm cn phụ trợ Tràng Duệ để làm gì vậy" is no request for help)."""
    # "à nhầm, mình hỏi …"; "nó tập trung vào lĩnh vực gì?" after a project points back at it
    # "kết nối vs hệ thống hộ tịch của bộ tư pháp để lm j z": a purpose asked of something the documents say
    return (q.intent == "help" and not a.names_something and not CORRECTION.search(a.folded)
            and not (q.slots.get("topic") and points_back(a.text, a.folded))
            # "cái của hđnd ban hành ngày nào" after documents were listed: a field of the one in context
            and not (q.slots.get("topic") == "policy" and q.slots.get("policy") and asks_its_record(a.folded))
            and not which_document(kb, a, q) and not says_it(kb, a)  # "tp có chính sách j hỗ trợ học nghề"
            and not asks_a_post(kb, a, q)  # "còn ông Lê Tiến Châu giữ những chức vụ gì"
            and not AI_USED.search(strip_diacritics(q.text)))  # "dùng AI để dự báo j z"


HELP_WORDS = 3  # content words: "bạn giúp được gì" has none of ours


def asks_identity(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    """"Bạn là robot à?", "số liệu lấy ở đâu?"; not "số liệu này lấy từ báo cáo số mấy, ai ký?" after a figure
    nor "Tổng Bí thư nói lòng tin của người dân là gì?", which one strong sentence answers."""
    if q.intent != "bot_identity" or a.names_something or asks_source(kb, a.folded, q):
        return False
    if PERSON_NAMED.search(q.text) or AI_USED.search(strip_diacritics(q.text)) or holder_named(kb, a.folded):
        # "ông Đỗ Mạnh Hiến là ai v ad", "tp có dùng AI j ko ad", "chánh vp TU là ai": of a person, of the
        # technology, of a post
        return False
    if q.slots.get("topic") and (a.refers_back or continues(a.folded) or a.over_last_list or passages.asks_why(a)
                                 or _ITS_PART.search(a.folded)):
        return False  # "trong đó có cơ chế gì nổi bật?" after Nghị quyết 226: of it; "kể tên ra" after a list;
        # "sao lại bị chia ra vậy?" after a ward's conversion
    if IDENTITY.search(a.folded) is not None:
        return True
    # "cơ quan nào ban hành z" after a resolution: of it, not of the bot, though no sentence says it
    return not q.slots.get("topic") and not says_it(kb, a, bar=passages.EXPLANATION_BAR)


# a part of the subject just answered: "nhà đầu tư là ai v ad" after a project asks its investor
_ITS_PART = re.compile(r"\b(?:nha dau tu|chu dau tu|don vi thi cong|co quan chu quan|nguoi ky|nguoi dung dau)\b")
# AI the technology, used by the city ("ad là người hay AI" asks of the bot)
AI_USED = re.compile(r"\b(?:dung|ung dung|ap dung|su dung|trien khai|phat trien|nen tang|cong nghe|tich hop)\s+AI\b")
# "bạn", which folds like "ban hành", "ban ngành", a Ban of the Party: those ask no identity ("cơ quan nào ban hành z")
_YOU = r"ban(?! (?:hanh|nganh|chap hanh|thuong vu|to chuc|quan ly|bi thu|dan van|kinh te|tuyen giao|noi chinh))"
# the bot addressed or asked of ("giới thiệu về bạn đi", "ad là người hay AI"), or where its figures come from
IDENTITY = re.compile(rf"\b(?:{_YOU}|bot|ad|admin|em|may|mi|chatbot|tro ly|robot|nguoi that|noi chuyen voi ai|so lieu|"
                      r"du lieu|nguon)\b")


def identity(kb: KnowledgeBase, a: Asked, q: Query) -> Reply:
    reply = Reply().template("utter_bot_identity")
    reply.answer_id = "identity"  # answered: not a question for staff to review
    return reply


def help_text(kb: KnowledgeBase, a: Asked, q: Query) -> Reply:
    return Reply().template("utter_help")


# Words that ask about something in a place rather than about the place's new unit:
# "ở phường Tràng Cát có dự án nhà ở xã hội nào?", "khu đô thị ở quận Dương Kinh vốn bao nhiêu?"
SOMETHING_IN_A_PLACE = re.compile(r"\b(?:du an|cong trinh|cum cong nghiep|khu cong nghiep|khu do thi|nha o xa hoi|"
                                  r"von|dien tich|rong|tong muc|chu dau tu|khoi cong|khanh thanh|di tich|nha may|"
                                  r"dang bo|dai hoi)\b")  # "Đảng bộ xã Gia Lộc được chọn đại hội điểm …": its congress


def place_only_qualifies(a: Asked, q: Query) -> bool:
    """The old unit says where; the question is about something there."""
    return not a.asks_conversion and bool(a.indicators or a.policies or q.all("project")
                                          or SOMETHING_IN_A_PLACE.search(a.folded))


# Prices, fares, rents and pay: the documents give none, whatever project or place is named.
PRICE = re.compile(r"\b(?:gia (?:ve|nha|dat|thue|ban|can ho|phong|dien|nuoc|xang|thit|rau|gao|vang|ca|trung|thuc pham|"
                   r"hang hoa|cho)|tien ve|"
                   r"(?:muc |tien )?luong (?:cua )?(?:can bo|cong chuc|vien chuc|co ban|toi thieu|giao vien|cong nhan|"
                   r"nguoi lao dong|lao dong|nhan vien)|"
                   r"(?:mot|1|moi) (?:met vuong|m2|kg|lit)|gia thue|lai suat)\b"
                   r"|\bve (?:cap treo|tau|xe|may bay|tham quan)\b.*\bgia\b")


# "dân số xã Nguyên Giáp mới là bao nhiêu", "phường đó rộng bao nhiêu km2": a measure of one unit
_UNIT_MEASURE = re.compile(r"\b(?:dan so|bao nhieu (?:nguoi|dan|ho)|bn (?:nguoi|ng|dan)|dien tich|rong bao nhieu)\b")
_A_UNIT = re.compile(r"\b(?:xa|phuong|dac khu|thi tran)\b")


# "Phường nào đông dân nhất?": units ranked by a measure ("nào đông" is no "Nam Đồng" typed short)
_UNITS_RANKED = re.compile(r"\b(?:phuong|xa|don vi|dac khu) nao\b.*\b(?:dong dan|it dan|nhieu dan|dan so|rong|lon|nho|hep)"
                           r"(?: \w+)? nh[au]t\b")


def asks_a_units_measure(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    if not a.indicators and not a.projects_clear and _UNITS_RANKED.search(a.folded) is not None:
        return True
    return (a.address and not a.indicators and not a.projects_clear and _A_UNIT.search(a.folded) is not None
            and _UNIT_MEASURE.search(a.folded) is not None and FIGURE.search(a.folded) is not None)


def units_measure_not_given(kb: KnowledgeBase, a: Asked, q: Query) -> Reply:
    return no_unit_measures()


# "giá vải thiều bao nhiêu 1 kg" ("kg" reads as "không" once normalized)
_PER_UNIT = re.compile(r"\b(?:mot|1|moi) (?:kg|kilo|kilogram|lit|m2)\b")


def _number_asked(kb: KnowledgeBase, a: Asked) -> list[Value]:
    found = NUMBER_ASKED.search(a.folded)
    # "12 35" is "12,35" folded: the document's decimal comma
    return values_written(kb, re.sub(r"[ .]", ",", found.group(1))) if found else []


def asks_what_a_number_is(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    return not a.from_button and bool(_number_asked(kb, a))


def what_a_number_is(kb: KnowledgeBase, a: Asked, q: Query) -> Reply:
    """"vậy con số 12,35% là gì" after a claim of it: the figures the documents write that way."""
    return answer_number(kb, _number_asked(kb, a))


def asks_price(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    return not a.from_button and (PRICE.search(passages.no_other_gia(a.folded)) is not None
                                  or _PER_UNIT.search(strip_diacritics(q.text).lower()) is not None)


def price_not_given(kb: KnowledgeBase, a: Asked, q: Query) -> Reply:
    named = kb.project(a.projects[0]) if a.projects and a.projects_clear else None
    return no_prices((named.project.id, named.project.name) if named else None)


# A service to use or a place to recommend: what residents ask of an office, not of the documents.
SERVICE = re.compile(
    r"\b(?:xe buyt|tuyen xe)\b.{0,50}\b(?:tuyen nao|tuyen so|di tuyen|may gio|bao lau|o dau|cho nao|bat xe)\b"
    r"|\bdi tuyen (?:so|nao)\b"
    r"|\b(?:so dien thoai|sdt|so dt)\b(?!\s*\d)"  # one asked for, not the resident's own given ("sđt 0912 …")
    r"|\b(?:hotline|duong day nong|gio lam viec|may gio mo cua|mo cua (?:luc|may gio))\b"
    r"|\b(?:diem chuan|(?<!du )lich thi|hoc phi|phat nguoi)\b"  # ("trọng điểm thì", "du lịch thì")
    r"|\b(?:link|website|trang web|dia chi web|cong dich vu cong)\b"
    r"|\b(?:cat|mat|cup|ngung cap) (?:dien|nuoc)\b(?! tich)"  # "lịch cắt điện ở phường An Biên" ("Cát diện tích")
    r"|\btra cuu\b.{0,50}\b(?:o dau|trang nao|web nao|bang cach nao)\b"
    r"|\b(?:nop|dang ky|xin|cap lai|lam lai|doi)\b.{0,50}\b(?:o dau|giay to|mat bao lau|het bao lau|mat may ngay)\b"
    r"|\b(?:benh vien|phong kham|bac si|truong|nha hang|quan an|khach san|sieu thi|cua hang)\b.{0,40}"
    r"\b(?:tot nhat|uy tin nhat|ngon nhat|re nhat|nao re|gia re|binh dan)\b")
# "xuất khẩu sang Mỹ": a market the documents never break a figure down by
MARKET = re.compile(r"\b(?:sang|vao|(?<!bo )tu|qua|di)\s+(?:thi truong\s+)?(?:my|hoa ky|trung quoc|tq|nhat ban|nhat|han quoc|"
                    r"han|eu|chau au|asean|nga|an do|dai loan|uc|anh|phap|duc)\b")


# "Chủ tịch phường Gia Viên mới là ai?", "phường mới đó ai làm chủ tịch": an office holder of a ward or commune
_LOCAL_OFFICE = r"(?:chu tich|pho chu tich|bi thu|pho bi thu|truong cong an|lanh dao)"
_LOCAL_UNIT = r"(?:phuong|xa|dac khu|thi tran)"
LOCAL_LEADER = re.compile(rf"\b{_LOCAL_OFFICE}\b(?: \w+){{0,5}} {_LOCAL_UNIT}\b.*\b(?:ai|la ai|ten gi|ten la gi)\b"
                          rf"|\b{_LOCAL_UNIT}\b.*\bai (?:lam|la) {_LOCAL_OFFICE}\b")


# "ai được giới thiệu làm Bí thư Thành ủy khóa mới", "nhiệm kỳ tới ai làm chủ tịch": who will hold a post
FUTURE_HOLDER = re.compile(rf"\bai\b.*\b(?:gioi thieu|de cu|du kien|se) (?:lam |giu )?{_LOCAL_OFFICE}\b"
                           rf"|\bai\b.*\b{_LOCAL_OFFICE}\b.*\b(?:khoa moi|khoa toi|nhiem ky toi|nhiem ky moi|sap toi)\b"
                           rf"|\b(?:khoa moi|khoa toi|nhiem ky toi|nhiem ky moi)\b.*\bai (?:lam|giu|la) {_LOCAL_OFFICE}\b")

# "Chủ tịch HĐND thành phố hiện nay là ai?": an office of a body whose holders no document names (the list of
# leaders names the Thành ủy's and the UBND's)
_UNNAMED_BODY = (r"(?:hoi dong nhan dan|mat tran to quoc|uy ban mat tran|mttq|cong an|toa an|vien kiem sat|"
                 r"bo chi huy quan su|bien phong|lien doan lao dong|hoi lien hiep phu nu|hoi phu nu|doan thanh nien|"
                 r"hoi nong dan|hoi cuu chien binh)")
UNNAMED_OFFICE = re.compile(rf"\b(?:chu tich|pho chu tich|giam doc|pho giam doc|truong|chanh an|vien truong|bi thu)"
                            rf"(?: \w+){{0,2}} {_UNNAMED_BODY}\b.*\b(?:ai|la ai|ten gi|ten la gi)\b"
                            rf"|\bai (?:dang )?(?:lam|la|giu chuc) (?:chu tich|giam doc|truong|chanh an|vien truong)"
                            rf"(?: \w+){{0,2}} {_UNNAMED_BODY}\b")


def asks_an_unnamed_office(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    return not a.from_button and UNNAMED_OFFICE.search(a.folded) is not None


def unnamed_office(kb: KnowledgeBase, a: Asked, q: Query) -> Reply:
    return no_office_holders()


def asks_a_future_holder(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    return not a.from_button and FUTURE_HOLDER.search(a.folded) is not None


def future_holder_not_given(kb: KnowledgeBase, a: Asked, q: Query) -> Reply:
    return no_future_holders()


def asks_local_leader(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    return not a.from_button and LOCAL_LEADER.search(a.folded) is not None


def local_leader_not_given(kb: KnowledgeBase, a: Asked, q: Query) -> Reply:
    return no_local_leaders()


def asks_service(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    return not a.from_button and SERVICE.search(a.folded) is not None


def service_not_given(kb: KnowledgeBase, a: Asked, q: Query) -> Reply:
    return no_services()


def asks_by_market(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    return not a.from_button and bool(a.indicators or q.slots.get("indicator")) and MARKET.search(a.folded) is not None


def market_not_given(kb: KnowledgeBase, a: Asked, q: Query) -> Reply:
    code = a.indicators[0] if a.indicators else str(q.slots.get("indicator"))
    info = kb.indicator(code)
    return no_breakdown(code, info.name if info else code)


ADDRESS_FOLLOW_UP_WORDS = 10  # "còn phường Minh Đức bên Thủy Nguyên thì sao?"


# "Ai nêu con số đó tại hội nghị Thành ủy?", "ai nói con số đó" after a figure
# "có hiệu lực từ khi nào", "hiệu lực từ ngày nào": when a document takes effect ("còn hiệu lực không", "chấm dứt
# hiệu lực" ask whether it still does, which a sentence may say)
IN_FORCE_FROM = re.compile(r"\b(?:co|bat dau|phat sinh) hieu luc\b(?! (?:khong|ko|k|chua)\b)|\bhieu luc (?:tu|ke tu|khi nao|ngay nao|bao gio)\b")


def asks_when_in_force(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    document = a.policies or (q.slots.get("topic") == "policy" and q.slots.get("policy"))
    ends = re.search(r"\b(?:cham dut|het|bai bo|thoi|mat|ngung|con)\s+hieu luc\b", a.folded)  # whether it still does
    return bool(document) and not a.address and not ends and IN_FORCE_FROM.search(a.folded) is not None


def in_force_not_given(kb: KnowledgeBase, a: Asked, q: Query) -> Reply:
    """"Nghị quyết 226 có hiệu lực từ khi nào?": the documents give when it was issued, never when it takes effect;
    the document stays the subject."""
    reply = Reply().say("Các tài liệu tôi có không nêu ngày văn bản này có hiệu lực (chỉ ghi ngày ban hành), "
                        "nên tôi không trả lời để tránh nói sai.")
    reply.slots.update(topic="policy", policy=a.policies[0] if a.policies else q.slots.get("policy"))
    return reply


WHO_SAID = re.compile(r"\bai (?:la nguoi |da )?(?:noi|neu|dua ra|trinh bay|bao cao|cong bo|phat bieu|chi ra|chi dao|yeu cau|de nghi)\b")


def _posts_written(kb: KnowledgeBase, q: Query) -> Passage | None:
    named = PERSON_NAMED.search(q.text)
    return kb.posts_of(named.group(1)) if named and POST_ASKED.search(kb.normalize_question(q.text)) else None


def asks_a_post_written(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    return not a.from_button and not a.names_something and _posts_written(kb, q) is not None


def post_as_written(kb: KnowledgeBase, a: Asked, q: Query) -> Reply:
    """"ông Lê Anh Quân giữ chức vụ gì?", whom no list of leaders names: the sentence naming him with his posts."""
    found = _posts_written(kb, q)
    assert found is not None
    return passages.answer(kb, a, q, [found])


def asks_who_said_the_figure(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    shown = q.slots.get("indicator")
    return (q.slots.get("topic") == "indicator" and bool(shown) and WHO_SAID.search(a.folded) is not None
            and set(a.indicators) <= {shown} and not a.projects_clear and not a.policies)


def who_said_the_figure(kb: KnowledgeBase, a: Asked, q: Query) -> Reply:
    """A news article says who said it (the speaker's sentence in the figure's paragraph); a report is
    its own speaker: its record, with its signer."""
    period = str(q.slots["period"]) if q.slots.get("period") else None
    if (said := next(figure_speakers(kb, str(q.slots["indicator"]), period), None)) is not None:
        return passages.answer(kb, a, q, [said])
    sources = list({v.document.id: v.document for v in kb.values(str(q.slots["indicator"]), period)}.values())
    return answer_source(kb, sources, a.folded) if sources else not_covered(kb)


WHO_SAID_WORDS = 5  # "ai nêu mấy hạn chế đó": words enough to point back, too few to name a matter


def _quoted_last(kb: KnowledgeBase, q: Query) -> tuple[list[Document], list[Passage]] | None:
    """What the last answer quoted: its documents and the sentence naming who said it (none when no sentence
    does); None when the last answer quoted nothing (a figure has its own row)."""
    last = str(q.slots.get("last_answer_id") or "")
    if (quoted := quoted_last(q.slots)) is not None:
        cited, at = quoted
        first = kb.passage_at(at) if at is not None else None
        cited = [first.source] if first else cited  # the first sentence's document is what the first line said
        docs = [doc for doc_id, doc in kb.documents().items() if doc_id in cited]
        said = kb.speaker_at(at) if first and at is not None else None
        return docs, [said] if said else []
    if last.startswith("answer:") and (info := kb.answer(last.removeprefix("answer:"))) is not None:
        return [info.document], _speaker_of_quotes(kb, info.answer.provenance.source, info.answer.provenance.quotes)
    project = kb.project(last.removeprefix("project:")) if last.startswith("project:") and "," not in last else None
    if project is not None and project.document.kind != "report":
        # "ai nói v" after a project's status an article reports ("Bí thư Thành ủy chỉ đạo hoàn thiện …")
        return [project.document], _speaker_of_quotes(kb, project.project.provenance.source,
                                                      project.project.provenance.quotes)
    return None


def _speaker_of_quotes(kb: KnowledgeBase, source: str, quotes: tuple[str, ...]) -> list[Passage]:
    """The sentence naming who said the first of these quotes (of `source`) that has one; [] when none has."""
    said = next((said for quote in quotes if (said := kb.speaker_of(source, quote))), None)
    return [said] if said else []


def asks_more_of_the_quoted(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    # after a curated answer (which quotes a few sentences), only "ông còn nói gì nữa": "ông ấy còn kiêm chức gì
    # nữa" asks something of its own
    curated = str(q.slots.get("last_answer_id") or "").startswith("answer:")
    return (quoted.asks_more(a.folded) and not a.names_something and (not curated or quoted.asks_only_more(a.folded))
            and bool(quoted.following(kb, q.slots)))


def more_of_the_quoted(kb: KnowledgeBase, a: Asked, q: Query) -> Reply:
    following = quoted.following(kb, q.slots)
    reply = passages.answer(kb, a, q, following)
    # the last sentence said is where "còn gì nữa?" next goes on from (its speaker is found before it as well)
    reply.answer_id = passage_answer_id([following[-1].source], kb.locate(following[-1]))
    return reply


def _answering_sentence(kb: KnowledgeBase, a: Asked, q: Query) -> Passage | None:
    if q.slots.get("topic") != "passage" or _names_a_figure(kb, a):
        return None
    return quoted.answering(kb, q.slots, a.folded, lambda text: passages.coverage(kb, a, text))


NAMED_FIGURE = 0.5  # of the question's words that an indicator's name and aliases say: its figure is asked


def _names_a_figure(kb: KnowledgeBase, a: Asked) -> bool:
    """"ban thường vụ lập bn tổ công tác chỉ đạo đại hội": most of the question is an indicator's name ("tại kỳ họp
    lần thứ mấy của Ủy ban Di sản Thế giới" shares "di sản thế giới" with the heritage sites' count, no more)."""
    asked = set(query_terms(a.folded))
    named = [set(vocabulary(i).split()) for i in (kb.indicator(c) for c in a.indicators) if i is not None]
    return bool(asked) and any(len(asked & words) >= NAMED_FIGURE * len(asked) for words in named)


def answered_by_the_quoted(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    return _answering_sentence(kb, a, q) is not None


def the_quoted_again(kb: KnowledgeBase, a: Asked, q: Query) -> Reply:
    sentence = _answering_sentence(kb, a, q)
    assert sentence is not None
    return passages.answer(kb, a, q, [sentence])


def _dated_quote_claimed(kb: KnowledgeBase, a: Asked, q: Query) -> Passage | None:
    """"Nếu không kịp thì hạn chót là ngày 30/9 đúng không?" after the sentence giving the deadline: a date claimed,
    nothing of ours named, of the sentence just quoted when it gives a date; None otherwise."""
    found = quoted_last(q.slots)
    if (found is None or found[1] is None or q.slots.get("topic") != "passage" or a.names_something
            or not (a.premise_cue or a.yes_no) or not passages.DATE_CLAIMED.search(a.text)):
        return None
    sentence = kb.passage_at(found[1])
    return sentence if sentence is not None and DATE.search(sentence.text) else None




def claims_a_date_of_the_quoted(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    return _dated_quote_claimed(kb, a, q) is not None


def the_quoted_date_checked(kb: KnowledgeBase, a: Asked, q: Query) -> Reply:
    sentence = _dated_quote_claimed(kb, a, q)
    assert sentence is not None
    return passages.answer(kb, a, q, [sentence])  # the date claimed is checked against it, first


def asks_who_said_it(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    # "ai nêu các kết quả nổi bật tại hội nghị đó?", "câu 'cửa chính ra biển', ai nói câu đó?" say enough for a
    # sentence of their own
    # "ai chỉ đạo việc đó?": what was just said, though another sentence has someone direct something
    pointed = _THAT_MATTER.search(a.folded) is not None
    # "ai là người yêu cầu nội dung đó tại hội nghị?": a few words beside the pointer, none naming a matter
    own = query_terms(_THAT_MATTER.sub(" ", WHO_SAID.sub(" ", a.folded)))
    return (WHO_SAID.search(a.folded) is not None and not a.names_something
            and (len(query_terms(a.folded)) <= WHO_SAID_WORDS or (pointed and len(own) <= WHO_SAID_OWN_WORDS))
            and (pointed or not says_it(kb, a)) and _quoted_last(kb, q) is not None)


WHO_SAID_OWN_WORDS = 2


_THAT_MATTER = re.compile(r"\b(?:viec|cai|dieu|chuyen|cau|noi dung|y kien|may cai|nhung dieu)(?: \w+){0,2} (?:do|nay|ay)\b")


def who_said_it(kb: KnowledgeBase, a: Asked, q: Query) -> Reply:
    """"ai nói vậy?", "ai nêu mấy cái hạn chế đó?" after sentences quoted: the sentence naming their speaker;
    a document naming no one is its own speaker: its record."""
    quoted = _quoted_last(kb, q)
    assert quoted is not None
    docs, said = quoted
    return passages.answer(kb, a, q, said) if said else answer_source(kb, docs, a.folded)


def special_zone_claimed(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    return (a.yes_no or a.premise_cue) and claims_a_special_zone(a.text)


def special_zone(kb: KnowledgeBase, a: Asked, q: Query) -> Reply:
    return special_zone_verdict(kb, q)


def asks_projects_of_a_place(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    return not a.from_button and place_of_the_projects(kb, a.folded, places_last_given(q)) is not None


def projects_of_the_place(kb: KnowledgeBase, a: Asked, q: Query) -> Reply:
    """"ở Xuân Đám có dự án gì?", "ở đó có cụm cn j ko" after its conversion, "sân bay Cát Bi có dự án gì mới":
    those whose names say the place, though one of them is named by it (the place asked, not the one project)."""
    place = place_of_the_projects(kb, a.folded, places_last_given(q))
    assert place is not None
    if (sector := SECTOR.search(a.folded)) is not None and not any(
            sector.group() in fold(p.project.name) for p in saying(kb.projects(), place)) and (said := [
                p for p in passages.best(kb, a, explanation=True) if sector.group() in fold(p.text) and place in fold(p.text)]):
        # "ở Cát Hải có những dự án du lịch nào đang đẩy nhanh": none named after it is of that sector; the sentence
        # of the place and the sector does (its footnote names them)
        return passages.answer(kb, a, q, said)
    group = next(iter(q.all("project_group")), None)  # "… có những dự án nào khánh thành năm 2025?": of that group
    return list_named_after(kb, place, *kind_of_the_projects(a.folded), group=group)


def names_address(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    if MEMBERS_QUESTION.search(a.folded) and new_units_named(kb, q):
        return True  # "phường Nam Đồ Sơn gồm những phường cũ nào": the new ward, not the port of its name
    if a.address:
        # after a conversion, a short question naming another old unit asks its new one, though a school or a
        # project has its name ("p. Trần Phú thì sao", "phường Minh Đức bên Thủy Nguyên")
        next_unit = (q.slots.get("topic") == "address" and len(a.folded.split()) <= ADDRESS_FOLLOW_UP_WORDS
                     and not passages.asks_number(a))
        return next_unit or not place_only_qualifies(a, q)
    if q.slots.get("topic") == "address" and district_of_the_last(q) is not None:
        return True  # "ở Ninh Giang" after the communes named Hồng Phong
    if a.indicators or a.projects or a.policies or q.intent != "convert_address":
        return False
    if a.context and q.slots.get("topic") != "address":
        return False  # "còn khối phường thì chọn phường nào?" after the wards chosen for a congress: its subject
    # no unit recognised: the classifier's word only, unless one sentence of the documents says what is
    # asked ("đảng bộ phường Hải An với xã Gia Lộc được chọn làm gì")
    found = passages.best(kb, a)
    return not (found and found[0].score >= passages.STRONG)


SAME_KIND_WORDS = 3  # of the last project's name that the other one shares: "nhà ở xã hội", "khu công nghiệp"


def corrects_the_projects_place(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    return a.address and same_kind_elsewhere(kb, a, q) is not None


def the_same_kind_there(kb: KnowledgeBase, a: Asked, q: Query) -> Reply:
    other = same_kind_elsewhere(kb, a, q) or ""
    return answer_project(kb, q, replace(a, projects=(other,), projects_clear=True, indicators=()))


def same_kind_elsewhere(kb: KnowledgeBase, a: Asked, q: Query) -> str | None:
    """"à nhầm, ý mình là phường Đông Hải 2" after the social housing at Tràng Cát: the project of the same
    kind whose name has the place now named."""
    last = kb.project(str(q.slots.get("project") or "")) if q.slots.get("topic") == "project" else None
    places = [fold(u) for u in (*q.all("old_unit"), *q.all("old_district"))]
    if last is None or not places or not CORRECTION.search(a.folded):
        return None
    kind = set(fold(last.project.name).split())
    for key, _ in kb.project_scores(a.folded, limit=8):
        info = kb.project(key)
        name = f" {fold(info.project.name)} " if info else ""
        if info and key != last.project.id and any(f" {p} " in name for p in places) and len(
                kind & set(name.split())) >= SAME_KIND_WORDS:
            return key
    return None


def local_figure(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    """An indicator asked of one old unit, where no project there is named; or of the former Hải Dương
    province ("tỉnh Hải Dương năm 2024 thu ngân sách bao nhiêu?"), whose figures the documents do not give."""
    if bool(a.indicators) and FORMER_PROVINCE.search(a.folded) and FIGURE.search(a.folded):
        return True
    return (a.address and bool(a.indicators) and not q.all("project") and place_only_qualifies(a, q)
            and FIGURE.search(a.folded) is not None)


def local_figure_or_its_sentence(kb: KnowledgeBase, a: Asked, q: Query) -> Reply:
    """"Thủy Nguyên được công nhận đô thị loại mấy?": a sentence of the documents saying it of that
    place answers; otherwise the documents give the city's figures only."""
    places = [fold(p) for p in (*q.all("old_district"), *q.all("old_unit"))]
    # the place's own name in the sentence is evidence enough for the lower bar of a words question
    found = passages.best(kb, a, explanation=True)
    if found and any(p in fold(found[0].text) for p in places):
        return passages.answer(kb, a, q, found[:1])
    return refuse_local_figure(kb, a, q)


def of_the_last_figure(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    """"Đã khởi công bao nhiêu dự án rồi?" after the social housing projects: words of that figure's
    family only, nothing named: a row of the family, not a count or list of the key projects."""
    return (q.slots.get("topic") == "indicator" and bool(q.slots.get("indicator")) and not a.names_something
            and not new_subject(kb, a, q))


def list_operation(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    return not of_the_last_figure(kb, a, q) and aggregate.applies(kb, a, q)


# "… để thực hiện nó": the last document is what the one asked acts on
_ACTING = r"\b(?:thuc hien|trien khai|cu the hoa|thay the|huong dan|sua doi)"
_ACTS_ON_IT = re.compile(rf"{_ACTING} (?:no|cai do|van ban do)\b")


def _cited_or_citing(kb: KnowledgeBase, a: Asked, q: Query) -> str | None:
    last = str(q.slots.get("policy") or "")
    if q.slots.get("topic") != "policy" or not last or set(a.policies) - {last}:
        return None
    return cited_or_citing(kb, last, a.folded)


def asks_a_cited_document(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    number = _cited_or_citing(kb, a, q)
    # "Chính phủ có nghị quyết nào thực hiện kết luận đó?": the search by subject finds the same one (and the
    # sentence saying what was done under it); "Nghị quyết đó … thực hiện Kết luận nào?" it found another
    return number is not None and not (
        which_document(kb, a, q) and policy_by_subject(kb, the_last_as_reference(kb, a, q), q) == number)


def cited_document(kb: KnowledgeBase, a: Asked, q: Query) -> Reply:
    number = _cited_or_citing(kb, a, q)
    assert number is not None
    return answer_policy(kb, _with(q, policy=[number]), replace(a, policies=(number,)))


def the_last_as_reference(kb: KnowledgeBase, a: Asked, q: Query) -> Asked:
    """"Chính phủ có nghị quyết nào để thực hiện kết luận đó?" after Kết luận 96: another kind of document
    asked, the last one its reference, as if the question named it; else the question as it is."""
    if (q.slots.get("topic") == "indicator" and not a.policies and not a.indicators and _MATTER_POINTED.search(a.folded)
            and kinds_asked(a.folded) and (shown := kb.indicator(str(q.slots.get("indicator") or ""))) is not None):
        # "chính sách đó thực hiện theo thông tư nào?" after the debts restructured: the document of that matter
        return replace(a, text=f"{a.text} {shown.name}", folded=f"{a.folded} {fold(shown.name)}")
    last = str(q.slots.get("policy") or "")
    if q.slots.get("topic") != "policy" or not last or a.policies:
        return a
    found = policy_numbered(kb, last)
    asked = kinds_asked(a.folded)
    if found is None or not asked:
        return a
    # the last one pointed at by its kind ("kết luận đó") or acted on ("thực hiện nó"); "nó thực hiện kết luận
    # nào?" asks of it instead; one of its own kind acting on it: "Chính phủ có nghị quyết nào thực hiện nghị
    # quyết đó không"
    pointed = re.search(rf"\b{fold(found.doc_type)} (?:do|nay|ay|tren)\b", a.folded)
    acted_on = re.search(rf"{_ACTING} {fold(found.doc_type)} (?:do|nay|ay|tren)\b", a.folded)
    if (fold(found.doc_type) in asked and not acted_on) or not (pointed or _ACTS_ON_IT.search(a.folded)):
        return a
    return replace(a, policies=(last,), text=f"{a.text} {last}", folded=f"{a.folded} {fold(last)}")


_MATTER_POINTED = re.compile(r"\b(?:chinh sach|chuong trinh|viec|hoat dong|ket qua|so lieu|con so|chi tieu) (?:do|nay|ay)\b")


DESCRIBING_ALIAS = 3  # words: "7 nhiệm vụ giải pháp" describes the document, "Nghị quyết 7" names it


def described_by_an_alias(kb: KnowledgeBase, a: Asked) -> bool:
    """"nghị quyết nào về 7 nhiệm vụ giải pháp …": a document named by an alias that says what it holds is the
    answer asked for, not a reference."""
    # (only an alias with the number's digits in it: one without them never made the document look named by number)
    asked = kinds_asked(a.folded)
    return any(len(alias.split()) >= DESCRIBING_ALIAS and number_digits(number) in alias.split()
               and not any(c.isdigit() for c in alias.split()[-1]) and f" {fold(alias)} " in f" {a.folded} "
               for number in a.policies if (found := policy_numbered(kb, number)) is not None
               and asked == {fold(found.doc_type)} for alias in found.aliases)


def _documents_of_the_curated_text(kb: KnowledgeBase, q: Query) -> list[str]:
    """The documents the curated answer just given names by number, in the order it names them."""
    last = str(q.slots.get("last_answer_id") or "")
    info = kb.answer(last.removeprefix("answer:")) if last.startswith("answer:") else None
    if info is None:
        return []
    text = info.answer.answer
    named = [(found.start(), p.policy.number) for p in kb.policies() if (found := cited_in(text, p.policy.number))]
    return [number for _, number in sorted(named)]


def asks_the_curated_texts_documents(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    """"Văn bản nào quy định định hướng đó?" after the vision's curated text: the documents it names."""
    # "Chính phủ có nghị quyết nào thực hiện nghị quyết đó không": one acting on a document, which its title says (row 12a)
    return (not a.policies and not a.from_button and asks_which_document(a) and _POINTS_BACK.search(a.folded) is not None
            and ACTS_ON.search(a.folded) is None and bool(_documents_of_the_curated_text(kb, q)))


_POINTS_BACK = re.compile(r"\b(?:do|nay|ay|tren)\b")


def the_curated_texts_documents(kb: KnowledgeBase, a: Asked, q: Query) -> Reply:
    numbers = _documents_of_the_curated_text(kb, q)
    return answer_several_policies(kb, numbers) if len(numbers) > 1 else answer_policy(kb, _with(q, policy=numbers))


def which_document(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    if described_by_an_alias(kb, a):
        return False
    if (reference := the_last_as_reference(kb, a, q)) is not a:
        return policy_by_subject(kb, reference, q) not in (None, *reference.policies)
    # "được thay thế bằng nghị quyết nào?" after a resolution asks of that one: a follow-up
    # ("còn nghị quyết HĐND về bóng đá là số mấy?" describes another one)
    of_the_last = q.slots.get("topic") == "policy" and bool(q.slots.get("policy")) and points_back(a.text, a.folded)
    if IS_WHAT.search(a.folded) and not ACTS_ON.search(a.folded) and any(
            re.search(rf"\b{number_digits(p)}\b", a.folded) and (found := policy_numbered(kb, p)) is not None
            and kinds_asked(a.folded) <= {fold(found.doc_type)} for p in a.policies):
        return False  # "nq 35 của qh về hp là nq j vậy", "nghị quyết 7/NQ-CP là văn bản gì": the one named, described
    implements = bool(a.policies) and IMPLEMENTS_WHICH.search(a.folded) is not None  # "… để thực hiện kết luận nào"
    if another_kind_asked(kb, a) and not (of_the_last and q.slots.get("policy") in a.policies) and not implements:
        return policy_by_subject(kb, a, q) not in (None, *a.policies)
    return (asks_which_document(a) and not of_the_last and not implements
            and policy_by_subject(kb, a, q) is not None)


IS_WHAT = re.compile(r"\bla (?:\w+ ){0,2}(?:gi|nao)\b")
ACTS_ON = re.compile(r"\b(?:thuc hien|trien khai|cu the hoa|thay the|can cu)\b")  # the one named is a reference


def number_digits(number: str) -> str:
    """A document number's own digits: "35/2021/QH15" → "35", "45-NQ/TW" → "45"."""
    return re.split(r"[/-]", number)[0]


def another_kind_asked(kb: KnowledgeBase, a: Asked) -> bool:
    """"Còn nghị quyết của Quốc hội thông qua đề án tổ chức chính quyền đô thị?": a kind of document asked
    that none named is (the Đề án is named): the one its subject finds, not the Đề án."""
    asked = kinds_asked(a.folded)
    kinds = {fold(found.doc_type) for number in a.policies if (found := policy_numbered(kb, number)) is not None}
    return bool(a.policies) and bool(kinds) and bool(asked - kinds)


# "Nghị quyết 7/NQ-CP là để thực hiện văn bản nào?": the named document's own title says
# ("Chính phủ ban hành nghị quyết nào để thực hiện Kết luận 96?" names the one implemented instead)
IMPLEMENTS_WHICH = re.compile(r"\b(?:thuc hien|trien khai|cu the hoa|can cu(?: vao)?)\s+(?:van ban|nghi quyet|ket luan|"
                              r"chi thi|quyet dinh|chu truong)\s+(?:nao|gi|so may)\b")


# "… thế nào rồi?", "… ra sao rồi?" of an indicator: how far it has got
PROGRESS = re.compile(r"\b(?:the nao|ra sao|sao|den dau)\s+(?:roi|r)\b")
# "cầu Nguyễn Trãi giờ đang ở giai đoạn nào rồi?": how far a project got, which its record says
STAGE_ASKED = re.compile(r"\b(?:dang )?o giai doan nao\b|\btien do (?:the nao|ra sao|sao|den dau)\b")
# "cụm công nghiệp phụ trợ mới thành lập ở An Dương tên là gì": the name of one, which a sentence says
NAME_OF_ONE = re.compile(r"\bten (?:la )?gi\b")
SEVERAL = re.compile(r"\b(?:nhung|cac|may|bao nhieu)\b")
FIGURE = re.compile(r"(?<!\bngay )(?<!\bthang )\b(?:bao nhieu|may|so lieu|ty le|phan tram|dat duoc|ket qua|ti le)\b|%")
SAYS_WHAT_OF = re.compile(r"\b(?:noi|de cap|nhac|neu|viet) (?:gi|nhung gi|j) (?:ve|den|toi)\b")


def asks_explanation(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    """A question whose answer is a sentence, though it names an indicator: "để tăng thu ngân sách
    thành phố sẽ làm gì?". A premise to check ("vì sao FDI không đạt kế hoạch?") stays with the figures."""
    if a.indicators and passages.asks_number(a) and not a.comparison and _sentence_says_it(kb, a):
        return True  # "… bố trí bao nhiêu tiền cho các dự án đầu tư công trong lĩnh vực y tế?": one sentence says it
    if not (a.indicators or a.projects) or a.comparison or FIGURE.search(a.folded):
        return False
    if (NAMES_TOO.search(a.folded) and not (NAME_OF_ONE.search(a.folded) and not SEVERAL.search(a.folded))
            and not _of_rates_only(kb, a)):
        # "… là những khu công nghiệp nào?": the figure and the sentence naming what it counts ("cơ cấu kinh tế dựa
        # vào những ngành nào?" counts nothing: a growth rate names no industries)
        return False
    if a.indicators and PROGRESS.search(a.folded):
        return False  # "giải ngân vốn đầu tư công năm 2024 thế nào rồi?": how far it got is its figure
    if not a.indicators and a.projects_clear and STAGE_ASKED.search(a.folded):
        return False
    how = EXPLANATION.search(a.folded) is not None
    if not (how or passages.wants_words(a.folded)):
        return False
    if a.premise_cue and (a.claims_plan or a.claims_decrease or a.claims_lowest or a.claimed_numbers):
        return False  # "vì sao FDI không đạt kế hoạch?": a premise the figures check
    if not a.indicators and a.projects_clear and a.premise_cue and claims_not_done(a.folded):
        return False  # "sao cầu Bến Rừng vẫn chưa thông xe?": its status checks the premise
    if not a.indicators and a.aspect is not None:
        return False  # a project's value, investor, schedule: its own record answers
    if not a.indicators and a.project_score >= 2 and WHAT_KIND.search(a.folded):
        return False  # "khu kinh tế ven biển phía Nam là kiểu khu kinh tế gì?": its record says what it is
    if kb.asks_problems(a.folded) and passages.best(kb, a):
        # "cơ cấu thu ngân sách có điểm yếu gì?": a sentence naming a problem (only those answer it), not the
        # revenue figure
        return True
    if how:
        return curated_fit(kb, fixed(q, a), None) or bool(passages.best(kb, a))
    if SAYS_WHAT_OF.search(a.folded) and curated_fit(kb, fixed(q, a), None):
        return True  # "mục tiêu tổng quát năm 2025 nói gì về du lịch?": what the text says, not the tourist figure
    if a.aspect == "when" and a.indicators:
        return bool(dated_sentences(kb, a))  # "… phải xong trước ngày nào?": a date no figure gives
    # "khám chữa bệnh BHYT ban đầu đưa về đâu?", "cụm công nghiệp X nằm ở huyện nào?": words asked,
    # and one sentence says them; the calibrated bar will do for a sentence naming the project asked
    found = passages.best(kb, a)
    return bool(found) and (found[0].score >= WORDS_ANSWER or names_the_project(kb, a, found[0].text))


def _of_rates_only(kb: KnowledgeBase, a: Asked) -> bool:
    """No number nor period asked, and every indicator named is a rate (in %), which counts nothing a name could
    say ("năm 2024 những ngành nào tăng trưởng cao" asks the rates of 2024's sectors)."""
    named = [i for i in (kb.indicator(c) for c in a.indicators) if i is not None]
    return (not passages.asks_number(a) and not a.periods and bool(named)
            and all("%" in (i.unit or "") for i in named))


def _sentence_says_it(kb: KnowledgeBase, a: Asked) -> bool:
    """A sentence says nearly all of a figure question, words the figures named leave out among them
    ("bố trí", "y tế" beside "vốn đầu tư công")."""
    known = {w for i in (kb.indicator(c) for c in a.indicators) if i is not None for w in vocabulary(i).split()}
    left_out = {w for w in query_terms(a.folded) if not w.isdigit()} - known - _NOT_A_SUBJECT
    if len(left_out) < LEFT_OUT:
        return False  # most figure questions: no passage search
    found = passages.best(kb, a)
    if not found or found[0].score < SAYS_ALL:
        return False
    said = left_out & set(fold(found[0].text).split())  # "bao nhiêu tiền": "104,372 tỷ đồng" says no "tiền"
    return len(said) >= LEFT_OUT and len(said) >= SAID_SHARE * len(left_out)


SAYS_ALL = 0.85  # "Năm 2024, thành phố bố trí 104,372 tỷ đồng cho 12 dự án đầu tư công trong lĩnh vực y tế": 0.94
LEFT_OUT = 4  # words of the question no figure named has, that the sentence says: a subject of its own ("từ đầu
# nhiệm kỳ" is a time, three words)
SAID_SHARE = 0.6


# Words asked ("… tên là gì", "hồ sơ nào"), though an indicator is named: a sentence saying this share of the
# question answers, not the indicator's count ("cụm công nghiệp phụ trợ … ở An Dương tên là gì": 0.69 typed
# without tone marks; "đại hội điểm … chọn xã nào": 0.60)
WORDS_ANSWER = 0.58


WHAT_KIND = re.compile(r"\b(?:kieu gi|loai gi|kieu nao|loai nao|dinh huong (?:la|the nao|ra sao|nhu the nao)|"
                       r"(?:kieu|loai) (?:\w+ ){1,3}gi)\b")  # "loại khu kinh tế gì"
# "ngày 10/7/2024", "trước ngày 20/8"; "05/05 tiêu chí", "13/14 quận huyện" count, they date nothing
DATE = re.compile(r"\b\d{1,2}/\d{1,2}\b(?!\s+(?:tiêu chí|chỉ tiêu|nhiệm vụ|xã|phường|quận|huyện|tỉnh|đơn vị|dự án))"
                  r"|\btháng \d{1,2}\b")
# when a plan is to be done: a date, or a year or quarter it is due in ("trong năm 2025", "quý 3/2025")
TIMED = re.compile(rf"{DATE.pattern}|\b(?:trong |trước |đến |hết )?năm 20\d\d\b|\bquý [IV1-4]+\b", re.IGNORECASE)


# a document's own acts and names: "ban hành ngày nào", "nó ký hôm nào" ask its date, not an event's
_OF_THE_DOCUMENT = re.compile(r"\b(?:ban hanh|ky|ra doi|hieu luc|thong qua|phe duyet|nghi quyet|quyet dinh|ket luan|"
                              r"van ban|thong bao|no|cai do|nq|qd|kl)\b")


def dated_sentences(kb: KnowledgeBase, a: Asked) -> list[Passage]:
    """The sentences answering the question, at the lower bar, that have a date."""
    return _dated(passages.best(kb, a, explanation=True))


def _dated(found: list[Passage]) -> list[Passage]:
    return [p for p in found if DATE.search(p.text)]


# A deadline asked, and said in the documents' words
DEADLINE_ASKED = re.compile(r"\b(?:han chot|han cuoi|phai xong|xong truoc|truoc ngay nao|cham nhat|khi nao xong|bao gio xong|"
                            r"thoi han|han (?:hoan thanh|xong|nop|to chuc))\b")
DEADLINE_SAID = re.compile(r"\b(?:trước ngày|chậm nhất|hoàn thành trước|thời hạn)\b", re.IGNORECASE)


def dated_of(kb: KnowledgeBase, a: Asked, subject: str) -> list[Passage]:
    """"Hạn chót phải xong là khi nào?" after a figure: a sentence of its subject with a date; for a
    deadline, one saying it in the documents' words ("hoàn thành trước ngày 20/8, chậm nhất ngày 31/8"). A
    question naming more than the sentence found says ("đại hội điểm đó phải xong trước ngày nào" after the
    congresses): a dated sentence saying every word it names."""
    deadline = DEADLINE_ASKED.search(a.folded) is not None
    found = _dated_of_subject(kb, subject, a.text, deadline)
    own = set(query_terms(_WHEN_WORDS.sub(" ", a.folded)))
    if found and len(own) >= OWN_SUBJECT_WORDS and not own <= set(fold(found[0].text).split()):
        named = [p for p in dated_sentences(kb, a) if (not deadline or DEADLINE_SAID.search(p.text))
                 and own <= set(fold(p.text).split())]
        return named or found
    return found


def _dated_of_subject(kb: KnowledgeBase, subject: str, text: str, deadline: bool) -> list[Passage]:
    # the subject's words, then its first words alone: "tổng bí thư phát triển ngang tầm" carries the last
    # question's words; "tổng bí thư" is whom "ông ấy làm việc với Thành ủy hôm nào?" asks of
    for said in dict.fromkeys((subject, " ".join(subject.split()[:SUBJECT_HEAD]))):
        query = f"{said} hoàn thành trước ngày chậm nhất" if deadline else f"{said} {text}"
        found = [p for p in _dated(kb.passages(query, explanation=True)) if not deadline or DEADLINE_SAID.search(p.text)]
        if found:
            return found
    return []


SUBJECT_HEAD = 3  # words: a title or name ("tổng bí thư", "cầu Nguyễn Trãi")
OWN_SUBJECT_WORDS = 2  # content words besides those asking when: "đại hội điểm" names a subject of its own
_WHEN_WORDS = re.compile(rf"{DEADLINE_ASKED.pattern}|\b(?:ngay|thang|nam|nao|khi|bao gio|luc|truoc|xong|hoan thanh|du kien|"
                         r"phai|do|nay|ay|the|vay|con|thi|phan dau|nghi quyet|quyet dinh|ket luan|van ban|ke hoach|ban hanh|ky|thong qua|"
                         r"hieu luc|ra|co|duoc|la)\b")  # a document's record asked is its subject's, not words of its own


def names_the_project(kb: KnowledgeBase, a: Asked, text: str) -> bool:
    """The sentence names the project the question names ("Lê Thiện - Đại Bản"), above the calibrated bar."""
    if not (a.projects_clear and a.project_score >= 2) or not passages.clear(kb, a):
        return False
    info = kb.project(a.projects[0])
    return info is not None and says_a_name(info, text)


def says_a_name(info: ProjectInfo, text: str) -> bool:
    """`text` names the project by a name or alias of two words or more, its generic prefix aside."""
    said = f" {fold(text)} "
    names = [GENERIC_PREFIX.sub("", fold(n)).strip() for n in (info.project.name, *info.project.aliases)]
    return any(f" {n} " in said for n in names if len(n.split()) >= 2)


def sentences_naming(kb: KnowledgeBase, a: Asked, project: str) -> list[Passage]:
    """Words asked of the project in context ("nối … với đâu", "thuộc huyện nào") that a sentence
    naming it gives: searched with its name, kept only if they name it."""
    info = kb.project(project)
    if (info is None or a.aspect is not None or not passages.wants_words(a.folded) or passages.asks_number(a)
            or RECORD_ASKED.search(a.folded)):
        return []
    # and it says two words in a row the question asks beyond the name ("Thủy Nguyên" in "nối Thủy Nguyên với đâu")
    named = set(fold(info.project.name).split())
    own = {pair for pair in pairwise(a.folded.split()) if not set(pair) & (named | _FUNCTION_WORDS)}
    found = kb.passages(f"{info.project.name} {a.text}", explanation=True)
    return [p for p in found if says_a_name(info, p.text) and own & set(pairwise(fold(p.text).split()))][:1]


def documents_naming(kb: KnowledgeBase, a: Asked, project: str) -> list[Passage]:
    """A document asked of a project whose record lists none: the sentences naming the project and citing one."""
    info = kb.project(project)
    if info is None or info.project.approvals or asked_field(a.folded) != "approval":
        return []
    found = kb.passages(f"{info.project.name} {a.text}", explanation=True)
    return [p for p in found if says_a_name(info, p.text) and CITES_A_DOCUMENT.search(p.text)][:2]


CITES_A_DOCUMENT = re.compile(r"\b\d+/(?:\d{4}/)?(?:QĐ|NQ|CT|KH|TB)-", re.IGNORECASE)
_FUNCTION_WORDS = frozenset("duoc bi cho voi tu nhu la co sau khi".split())
# What a project's own record answers: its approvals, group, funding, value
RECORD_ASKED = re.compile(r"\b(?:duyet|phe duyet|van ban|vb|quyet dinh|nghi quyet|nhom|nguon von|von|tong muc|gia tri)\b")


GENERIC_PREFIX = re.compile(r"^(?:ccn|kcn|cum cong nghiep|khu cong nghiep|du an|nha may|cau)\s+")


# "xử lý thế nào?", "khắc phục ra sao?": what is done about what the last answer said
REMEDY = re.compile(r"\b(?:xu ly|khac phuc|giai quyet|go|thao go|giai phap|tinh sao|lam gi)\b")


# "trong mục tiêu đó nói gì về du lịch?": what the last answer said, looked into
_INSIDE_THE_LAST = re.compile(r"^(?:trong|o) (?:\w+ ){0,2}(?:do|nay|tren)\b")


def explain(kb: KnowledgeBase, a: Asked, q: Query) -> Reply:
    if a.aspect == "when" and a.indicators and not EXPLANATION.search(a.folded) and (dated := dated_sentences(kb, a)):
        return passages.answer(kb, a, q, dated)
    if (inside := _INSIDE_THE_LAST.search(a.folded)) is not None and (
            said := of_the_last_answer(kb, replace(a, folded=a.folded[inside.end():]), q)):
        return passages.answer(kb, a, q, said)
    topic = str(q.slots.get("topic") or "")
    curated_topic = topic if topic in ("government", "theme", "vision") else None
    if ((curated_topic or topic in ("passage", "answer")) and REMEDY.search(a.folded) and not a.indicators
            and not (a.projects_clear and a.project_score >= 2)
            and (chosen := fit_with_subject(kb, fixed(q, a), str(q.slots.get("subject") or ""), curated_topic))):
        # "bí thư chỉ đạo xử lý ntn" after the two-tier government's difficulties: the remedies, not a
        # directive of his on another matter ("xử lý" also names a waste plant, weakly)
        return answer_curated(kb, chosen, q)
    if passages.with_the_person(a) is not None and (said := passages.best(kb, a)):
        # "ông ấy nói gì về môi trường đầu tư kinh doanh" after Lê Ngọc Châu: his words, not a text on the matter
        return passages.answer(kb, a, q, said)
    if curated_unbeaten(kb, a, q, None):
        return answer_best_curated(kb, fixed(q, a))
    return passages.answer(kb, a, q)


def policy_content(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    """"Nghị quyết 7/NQ-CP nêu phương châm gì?": a sentence of the documents citing it says what is
    asked, and the policy's own answer (its title, contents) speaks of it clearly less."""
    if len(a.policies) != 1 or asks_its_record(a.folded):
        return False  # "Kết luận 96 ra đời khi nào?": its record's date, not a sentence with "đời"
    found = passages.about_document(kb, a, a.policies[0])
    if not found:
        return False
    # a theme ("liên kết vùng", "phương châm"): its sentences say more than its list of contents, which
    # names every theme; its date, issuer, contents ("ban hành ngày nào", "gồm những nội dung gì"): its record
    return passages.asks_a_theme(passages.document_question(kb, a, a.policies[0]))


def quote_policy_content(kb: KnowledgeBase, a: Asked, q: Query) -> Reply:
    reply = passages.answer(kb, a, q, passages.about_document(kb, a, a.policies[0]))
    if _RECORD_CLAUSE.search(a.folded) and reply.messages and (
            record := answer_policy(kb, _with(q, policy=[a.policies[0]]), a)).messages:
        # "Nghị quyết 226 ban hành ngày nào, và Bí thư yêu cầu … trong tháng mấy?": its record, then the sentence
        reply.messages[0]["text"] = f"{record.messages[0].get('text') or ''}\n{reply.messages[0].get('text') or ''}"
    # "nghị quyết đó ban hành ngày nào?" next is of the document named, not of the sentence quoted
    return _still_of_it(reply, a.policies[0])


# a document's date asked in a clause of its own, beside what it says
_RECORD_CLAUSE = re.compile(r"\b(?:ban hanh|ky|thong qua|ra doi|co hieu luc) (?:vao |tu )?(?:ngay nao|khi nao|bao gio|nam nao)\b")


def names_policy(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    """A policy named; but a figure asked of an indicator that names it ("đã đạt bao nhiêu chỉ tiêu
    của Nghị quyết Đại hội XVI") is the indicator's."""
    figure_of_indicator = bool(a.indicators) and FIGURE.search(a.folded) is not None
    return bool(a.policies) and not (a.projects_clear and q.intent in PROJECT_INTENTS) and not figure_of_indicator


def counts_in_an_indicators_unit(kb: KnowledgeBase, a: Asked) -> bool:
    """"Bao nhiêu dự án nhà ở xã hội", "tổng quy mô … bao nhiêu căn": a count in the unit of a named
    indicator or of a row of its family."""
    named = [i for i in (kb.indicator(c) for c in a.indicators) if i is not None]
    units = {fold(r.unit) for i in named for r in (i, *family(kb, i)) if r.unit}
    return any(re.search(rf"\b(?:bao nhieu|may|so) {re.escape(u)}\b", a.folded) for u in units if u)


def said_beyond_the_name(kb: KnowledgeBase, a: Asked) -> bool:
    """A project named in part, and one sentence saying nearly all of the question, with a word of it that the
    project's own words lack ("UNESCO" beside "Nguyễn Bỉnh Khiêm", a street's name)."""
    info = kb.project(a.projects[0])
    if info is None:
        return False
    own = set(fold(" ".join((info.project.name, *info.project.aliases, info.project.status or ""))).split())
    found = passages.best(kb, a)
    if not found or found[0].score < passages.STRONG:
        return False
    said = set(fold(found[0].text).split())
    return any(word in said and word not in own for word in query_terms(a.folded))


WHERE_ASKED = re.compile(r"\b(?:o dau|nam o|(?:huyen|quan|xa|phuong|dia ban|dia phuong) nao)\b")


def names_project(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    """A project answers when the question names one: in full, or clearly enough for its intent."""
    if not a.projects:
        return False
    strong = a.project_score >= 2  # a whole name or alias
    if counts_in_an_indicators_unit(kb, a):
        return False  # "có bao nhiêu dự án nhà ở xã hội": the documents' own count, not one project
    if not strong and not a.indicators and said_beyond_the_name(kb, a):
        return False  # "tài liệu có nhắc gì tới Nguyễn Bỉnh Khiêm với UNESCO không": a sentence, not the street project
    if q.intent == "ask_project" and not a.indicators:
        return True  # a clear winner is answered, close candidates are offered
    if a.aspect == "investor" and a.projects_clear and a.project_score >= 0.75:
        return True  # "nhà đầu tư bến 3, 4 là công ty nào": no indicator has an investor
    if a.indicators and strong and a.aspect == "value":
        return True  # "sân bay Tiên Lãng tổng vốn đầu tư bao nhiêu": the project's value, not the city's investment
    if a.indicators and strong and a.projects_clear and WHERE_ASKED.search(a.folded):
        return True  # "Cụm công nghiệp Lê Thiện - Đại Bản … nằm ở huyện nào?": no figure has a place
    if a.indicators and a.projects_clear and a.project_score >= 0.75 and said_after_project(kb, a):
        return True  # "còn dự án khu du lịch vịnh trung tâm thì sao?": "du lịch" is the project's, no figure
    if a.indicators:
        # "sản lượng hàng hóa qua cảng Hải Phòng" is a figure, though "Cảng Hải Phòng" is a project's name
        return strong and a.projects_clear and (q.intent in PROJECT_INTENTS or " du an " in f" {a.folded} ")
    # "thế bến 3, 4 thì sao?" after berths 5 and 6, "quảng trường phía trước nữa?" after the centre:
    # half a name is enough when projects are the topic, whatever the classifier says
    # ("bao giờ khởi công?" after a project asks its schedule: "khởi công" names no other project)
    after_a_project = (q.slots.get("topic") == "project" and continues(a.folded) and a.project_score >= 0.5
                       and a.aspect is None)
    if after_a_project and a.projects_clear:
        return True
    if q.intent == "list_projects" or q.intent in CURATED_INTENTS:
        return strong and a.projects_clear  # "chính quyền 2 cấp" is not the "chính quyền số" project
    if q.intent == "ask_policy" and DOCUMENT_CUE.search(a.folded):
        return strong and a.projects_clear  # "nghị quyết … về chính quyền đô thị" is no "chính quyền số" project
    return a.projects_clear and (strong or a.project_score >= 0.75 or a.another_project)


def unasked_measure(kb: KnowledgeBase, a: Asked) -> str | None:
    """A measure the question asks of its indicator that the indicator is not: its name, aliases and unit lack it."""
    if len(a.indicators) != 1:
        return None
    indicator = kb.indicator(a.indicators[0])
    if indicator is None:
        return None
    own = f" {vocabulary(indicator)} "
    asked = f" {passages.no_other_gia(a.folded)} "
    return next((noun for noun in passages.MEASURE_NOUNS if f" {noun} " in asked and f" {noun} " not in own), None)


def other_measure(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    return not a.from_button and unasked_measure(kb, a) is not None


def measure_not_given(kb: KnowledgeBase, a: Asked, q: Query) -> Reply:
    indicator = kb.indicator(a.indicators[0])
    assert indicator is not None
    return not_given_but(indicator.code, indicator.name)


# "Hải Phòng vẫn còn nhiều hộ nghèo phải không?": that something remains, asked or claimed
REMAINS = re.compile(r"\b(?:van con|con) (?:nhieu |rat nhieu |kha nhieu )?(\w+ \w+)")


def gone_sentences(kb: KnowledgeBase, a: Asked) -> list[Passage]:
    """The sentences of the documents saying the thing claimed to remain is gone ("không còn hộ nghèo")."""
    claimed = REMAINS.search(a.folded)
    if claimed is None or not (a.premise_cue or a.yes_no or ASKED_YES_NO.search(a.folded)):
        return []
    gone = f"khong con {claimed.group(1)}"
    return [p for p in kb.passages(gone, limit=3, explanation=True) if gone in fold(p.text)][:2]


def remains_claimed(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    return not a.from_button and bool(gone_sentences(kb, a))


def says_it_is_gone(kb: KnowledgeBase, a: Asked, q: Query) -> Reply:
    verdict = "Không đúng: theo tài liệu, không còn như vậy." if a.premise_cue else "Theo tài liệu, không còn."
    return passages.answer(kb, a, q, gone_sentences(kb, a), verdict=verdict)


ASKED_YES_NO = re.compile(r"\b(?:khong|ko|k|chua)(?:\s+(?:ad|admin|ban|ban oi|a|ha|nhi|nhe|vay|v|z))?\s*$")  # "… ko ad"


def names_indicator(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    # "những dự án khởi công năm 2025 dùng ngân sách thành phố": a funding filter, no budget figure
    filters_projects = q.intent == "list_projects" and bool(q.all("funding") or q.all("project_group"))
    # "đã đạt bao nhiêu chỉ tiêu của Nghị quyết Đại hội XVI?" asks a figure, whatever the classifier says
    listed = q.intent == "list_indicators" and not passages.asks_number(a)
    return bool(a.indicators) and not listed and not filters_projects and not _a_part_of_the_document(a, q)


# "phần về an sinh xã hội có câu phương châm gì?" after Nghị quyết 7: a part of it, whatever its words name
_PART_OF_IT = re.compile(r"^(?:(?:the |vay |con )?(?:phan|muc|noi dung) (?:ve|lien quan)|trong do|trong so do)\b")


def _a_part_of_the_document(a: Asked, q: Query) -> bool:
    return (q.slots.get("topic") == "policy" and bool(q.slots.get("policy")) and not a.policies
            and _PART_OF_IT.search(a.folded) is not None and not passages.asks_number(a))


# "còn dự án khu du lịch vịnh trung tâm thì sao?": a project named after "dự án"
PROJECT_NAMED = re.compile(r"\bdu an ((?:\w+ ){2}\w+)")


def said_after_project(kb: KnowledgeBase, a: Asked) -> bool:
    """The words after "dự án" are all of the first project's name."""
    named = PROJECT_NAMED.search(a.folded)
    if named is None or not a.projects or (info := kb.project(a.projects[0])) is None:
        return False
    return set(named.group(1).split()) <= set(fold(info.project.name).split())


def asks_list(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    # "khi nào được khánh thành?" after a project asks of that project, whatever the classifier says
    of_the_last = q.slots.get("topic") == "project" and a.aspect is not None and not a.names_something
    # "chỉ số giá tiêu dùng CPI năm 2024 tăng bao nhiêu": one figure asked, whatever the classifier read
    one_figure = FIGURE.search(a.folded) is not None and LIST_WORDS.search(a.folded) is None
    if q.intent not in LIST_INTENTS or of_the_last or one_figure or of_the_last_figure(kb, a, q) or passages.of_the_quoted(a, q):
        return False
    if _WHAT_TO_DO_FOR_THEM.search(a.folded) and says_it(kb, a, bar=passages.EXPLANATION_BAR):
        return False  # "định làm gì để cải thiện các chỉ số này?": what will be done, which a sentence says
    # "thành phố có kế hoạch gì về chuyển đổi xanh?": no list named, and a sentence of the documents says it
    return bool(LIST_WORDS.search(a.folded) or LISTED.search(a.folded)) or not says_it(kb, a)


_WHAT_TO_DO_FOR_THEM = re.compile(r"\blam (?:gi|j|the nao|sao) de\b")


LISTED = re.compile(r"\b(?:chi tieu|du an|cong trinh)\b")


LIST_WORDS = re.compile(r"\b(?:nhung|cac|danh sach|danh muc|liet ke|gom|(?:bao nhieu|may) (?:chi tieu|du an|cong trinh))\b")


# "dân số sau hợp nhất bao nhiêu người?": a number is asked, and a curated text that speaks of
# less than this share of the question (the merger, not the population) does not give it.
NUMBER_COVERAGE = 0.6


def curated_unbeaten(kb: KnowledgeBase, a: Asked, q: Query, topic: str | None) -> bool:
    """A curated answer fits, and neither does a sentence of the documents say what is asked
    where the curated text does not, nor is a number asked of something the text does not speak of."""
    text = curated_fitting(kb, fixed(q, a), topic)
    if text is None:
        return False
    if passages.asks_number(a) and passages.coverage(kb, a, text) < NUMBER_COVERAGE:
        return False
    if passages.dated_answer(kb, a):
        return False  # "… làm việc với Thành ủy hôm 2/9/2024 phải không?": the sentence with the visit's date
    if kb.asks_problems(a.folded) and not kb.names_a_problem(text) and passages.best(kb, a):
        return False  # "bí thư chỉ ra những hạn chế gì?": the sentence naming them, not the meeting's summary
    return not passages.says_more_than(kb, a, text)


def curated_topic(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    topic = CURATED_INTENTS.get(q.intent)
    if topic == "government" and COUNT_QUESTION.search(a.folded):
        return True  # counted from the unit data, not from a curated text
    if topic is None or better_elsewhere(kb, fixed(q, a), topic):
        return False  # the intent breaks ties; the row of any topic answers with the one that fits
    return curated_unbeaten(kb, a, q, topic)


def unknown_policy_number(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    return q.intent == "ask_policy" and DOCUMENT_NUMBER.search(a.folded) is not None


def curated_any(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    return not a.from_button and curated_unbeaten(kb, a, q, None)


def policy_subject(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    return q.intent == "ask_policy" and policy_by_subject(kb, a, q) is not None


def refers_back(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    """"Dự án đó dùng vốn gì?": whatever the intent, the subject is the last answer's."""
    # a project named in full, not in part; "dự án đó vốn ngân sách hay ngoài ngân sách" names no budget figure
    project_pronoun = q.slots.get("topic") == "project" and PROJECT_PRONOUN.search(a.folded) is not None
    # "Nó nối Thủy Nguyên với đâu?": the subject is the pronoun; a place named after it is no project asked
    pointed = points_at_the_last_project(kb, a, q)
    opens_with_it = SUBJECT_PRONOUN.match(fold(a.text).strip()) is not None or pointed
    subject_pronoun = q.slots.get("topic") == "project" and opens_with_it
    named = ((a.indicators and not project_pronoun) or a.policies or a.address
             or (a.project_score >= 2 and not subject_pronoun))
    if q.slots.get("topic") == "project_list" and a.operation:
        return False  # "trong đó có bao nhiêu dự án khởi công?" after the list: counted over it
    if the_last_as_reference(kb, a, q) is not a:
        return False  # "Chính phủ có nghị quyết nào để thực hiện kết luận đó?": another document, found
    if a.another_project and not opens_with_it:
        return False  # "thế còn nhà ga hàng hóa ở sân bay đó?": another project, where the last one is
    if ((q.slots.get("topic") == "policy" and q.slots.get("policy") and NARROWS.search(a.folded) and not a.policies)
            or _a_part_of_the_document(a, q)):
        return True  # "trong đó phần an sinh xã hội nói gì?" after Nghị quyết 7: a part of it, whatever it names
    if (q.slots.get("topic") not in ("policy", "project", None) and asks_which_document(a)
            and policy_by_subject(kb, a, q) is not None):
        return False  # "kết luận của ông ấy được Văn phòng TW thông báo bằng văn bản nào?" after a figure: found
    if (q.slots.get("topic") == "indicator" and _AN_EVENT_POINTED.search(a.folded)
            and len(_words_of_its_own(kb, a, q)) >= OWN_POINTING):
        return False  # "các kiến nghị của Hải Phòng hôm đó được giao cho cơ quan nào tổng hợp?" after a figure
    if q.slots.get("topic") == "indicator" and _A_PERSON_POINTED.search(a.folded) and len(query_terms(a.folded)) >= 2:
        return False  # "ổng có nói hạn chế j ko" after a figure: of the one who spoke, not the figure again
    return (a.refers_back or pointed) and bool(q.slots.get("topic")) and not named


_A_PERSON_POINTED = re.compile(r"\b(?:ong|ba) (?:ay|do)\b")


def of_the_last_project(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    """"Diện tích khoảng bao nhiêu?", "được chấp thuận theo văn bản nào?", "tổng mức đầu tư?" after a
    project: a field of its record, though other projects share a word of the question."""
    if q.slots.get("topic") != "project" or not q.slots.get("project") or a.policies or a.address:
        return False
    if a.project_score >= 2 or (a.indicators and len(a.folded.split()) > SHORT_FOLLOW_UP):
        return False
    if a.another_project or (a.projects[:1] != (q.slots["project"],) and a.names_something):
        return False  # "còn nhà ga hàng hóa thì vốn bao nhiêu?": another project's record
    if q.all("project_group") and a.operation:
        return False  # "còn nhóm khởi công năm 2025 thì có mấy dự án?": a group of the list, counted
    return (asked_field(a.folded) is not None or VALUE_ASKED.search(a.folded) is not None
            or AREA.search(a.folded) is not None or (a.aspect is None and STAGE.search(a.folded) is not None)
            or (bool(a.premise_cue or a.yes_no) and MEASURE_CLAIMED.search(a.folded) is not None))


# "nghe nói nó chỉ rộng 2.000 ha thôi mà" after a project: a figure of its record claimed, checked against it
MEASURE_CLAIMED = re.compile(r"\b\d[\d.,]*\s*(?:ty|trieu|nghin|ha|hecta|km|usd|dong)\b")


# "dự kiến khánh thàn hay khởi côg năm 2025" after a project: its stage ("khánh thàn" typed short of an "h")
STAGE = re.compile(r"\b(?:khanh thanh?|khoi cong|thong xe|dua vao (?:su dung|khai thac|van hanh))\b")


# folded: "nó", "cầu đấy", "du an nay" opening the question
SUBJECT_PRONOUN = re.compile(r"(?:no|(?:du an|cong trinh|cai|cau|tuyen|duong|cang|ben|san bay|nha may|khu) (?:do|nay|day|ay))\b")


# "cây cầu đó", "phần mở rộng đó" opening the question: up to three words, then what points
_POINTED = re.compile(r"^((?:\w+ ){1,3}?)(?:do|nay|day|ay)\b")
_CLASSIFIERS = frozenset("cay chiec con cai".split())


def points_at_the_last_project(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    """"Cây cầu đó nối Thủy Nguyên với đâu?", "Phần mở rộng đó nằm tại lô nào?" after a project: the words
    pointed at are its own name's, so it is the subject, whatever project the rest of the question names."""
    if q.slots.get("topic") != "project" or (info := kb.project(str(q.slots.get("project") or ""))) is None:
        return False
    if (pointed := _POINTED.match(fold(a.text).strip())) is None:
        return False
    words = set(pointed.group(1).split()) - _CLASSIFIERS
    own = set(fold(" ".join((info.project.name, *info.project.aliases))).split())
    return bool(words) and words <= own


def counts_new_units(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    """"HP mới có bao nhiêu phường?": counted from the unit data, whatever the intent; "trong đó có những đặc khu
    nào?" after the count: those of the kind named."""
    if q.slots.get("topic") == "units" and KIND_NAMED.search(a.folded):
        return True
    if ZONES_ASKED.search(a.folded) and not a.address:
        return True  # "Hai Phong co nhung dac khu nao": the special zones, whatever else the words match
    named_project = a.projects_clear and a.project_score >= 2  # "hành chính" alone names no administrative centre
    # "… có bn đơn vị hành chính cấp xã": the new units, though "sắp xếp … đơn vị" names a figure of units merged
    of_the_reform = REFORM_UNITS.search(a.folded) is not None
    claimed = (a.yes_no or a.premise_cue) and COUNT_CLAIMED.search(a.folded) is not None  # "có 3 đặc khu đúng không"
    return bool(COUNT_QUESTION.search(a.folded) or claimed) and not (a.address or (a.indicators and not of_the_reform)
                                                          or named_project) and (
        q.intent in ("ask_government", "convert_address") or NEW_UNITS.search(a.folded) is not None)


NEW_UNITS = re.compile(r"\b(?:hai phong moi|bay gio|gio|hien nay|hien gio|hien tai|sau sap nhap|sau hop nhat|sau sap xep|"
                       r"tu 1 7|dac khu|cap xa|(?<=hai phong )h|(?<=thanh pho )h)\b")  # "đơn vị hành chính cấp xã": only the new ones are counted; "hp h có …": giờ
ZONES_ASKED = re.compile(r"\b(?:nhung|cac) dac khu(?: nao| gi| j)?\b")
REFORM_UNITS = re.compile(r"\b(?:don vi hanh chinh cap xa|dac khu)\b")
KIND_NAMED = re.compile(r"\b(?:nhung|cac|la) (?:dac khu|phuong|xa)(?: nao| gi| j)?\b")


FAMILY = {"indicator": "ask_indicator", "project": "ask_project", "policy": "ask_policy", "address": "convert_address",
          "units": "ask_government", "government": "ask_government", "theme": "ask_theme", "vision": "ask_vision"}


CITY_WIDE = re.compile(r"\b(?:hai phong|thanh pho|kinh te)\b")  # "kinh tế HP dạo này sao rồi": the city's, not the project's
OF_THE_SUBJECT = 4  # content words ("định hướng phát triển" is four): a question this short after a project or a
# document asks of it


def hardly_its_own(a: Asked) -> bool:
    """A few words naming no period nor the city: "đã được thành lập chưa?", "nói về j"."""
    return not a.periods and len(query_terms(a.folded)) <= OF_THE_SUBJECT and not CITY_WIDE.search(a.folded)


OWN_QUESTION = 7  # content words: a question this long after a quoted sentence says what it asks itself
OWN_POINTING = 4  # words outside the last figure's family: "hôm đó" points at an event, not at the figure
_AN_EVENT_POINTED = re.compile(r"\b(?:hom|buoi|hoi nghi|cuoc lam viec|dip|chuyen tham) (?:do|ay|day)\b")
OWN_MATTER = 5  # words outside the last figure's family, besides those asking when or why: a matter of its own


def leans_on_context(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    """Nothing named, and the question continues the last answer: a follow-up or comparison, the same
    kind of question again ("còn năm 2025?" after a figure), or a short one adding a period, a kind or an aspect.
    "Chủ đề năm 2025 là gì?" after the vision is a question of its own."""
    topic = q.slots.get("topic")
    if not topic or a.names_something:
        return False
    if topic == "address" and a.aspect in ("investor", "value"):
        return False  # "dự án đầu tiên mik hỏi ai là chủ đầu tư" after a conversion: no unit has an investor
    if (topic == "indicator" and not a.indicators and (curated := CURATED_INTENTS.get(q.intent)) is not None
            and len(a.folded.split()) > SHORT_FOLLOW_UP and curated_fitting(kb, fixed(q, a), curated) is not None):
        # "đến năm 2030 Hải Phòng muốn trở thành thành phố như thế nào?", "hội nghị thành ủy hôm 12/7 là lần thứ mấy"
        # after a figure: a vision, a meeting, which a curated text of the intent's topic says
        return False
    if topic == "indicator" and _AN_EVENT_POINTED.search(a.folded) and len(_words_of_its_own(kb, a, q)) >= OWN_POINTING:
        return False  # "các kiến nghị của Hải Phòng hôm đó được giao cho cơ quan nào tổng hợp?": a matter of its own
    if (topic in ("policy", "document", "passage") and WHO_ASKED.search(a.folded) and len(query_terms(a.folded)) >= WHO_SAID_WORDS
            and says_it(kb, a, bar=passages.EXPLANATION_BAR)):
        return False  # "ai đc giao chỉ đạo hoàn thiện tài liệu vụ này" after a resolution: who, which a sentence names
    if topic == "passage" and not a.refers_back and len(query_terms(a.folded)) >= OWN_QUESTION:
        return False  # "Cán bộ phải đi làm xa thì thành phố tính giải quyết thế nào?" after a sentence: its own
    if topic == "indicator" and (passages.asks_why(a) or a.aspect == "when") and not a.periods:
        # "lý do là gì?", "hạn chót là khi nào?" after a figure: its cause, its date; not "làm căn cước công dân ở
        # phường mới mất bao lâu", a matter of its own
        return len(_words_of_its_own(kb, a, q)) < OWN_MATTER
    if topic == "project" and q.slots.get("project") and hardly_its_own(a):
        return True  # "định hướng phát triển thế nào?", "đã được thành lập chưa?" after a project: of it
    if topic == "indicator" and NAMES_ASKED.search(a.folded):
        return True  # "gồm những khu nào?" after a count or an area: the names counted
    if topic == "indicator" and WHICH_PART.search(a.folded) and (a.claims_highest or a.claims_lowest):
        return True  # "quý I ngành nào tăng cao nhất?" after GRDP: its parts compared
    if topic == "indicator" and passages.asks_number(a) and of_the_last_figure(kb, a, q):
        return True  # "đã khởi công bao nhiêu dự án rồi?": a row of the figure's family
    if topic == "indicator" and BY_ITS_PARTS.search(a.folded):
        return True  # "chia theo khu vực thì sao" after GRDP's growth: its parts
    if topic == "indicator" and claims_in_its_unit(kb, a, q):
        return True  # "có phải năm 2024 đã vượt 10.000 USD rồi không" after GRDP per head: a claim of that figure
    if topic == "indicator" and new_subject(kb, a, q):
        return False  # "còn nhập khẩu?" after exports: a subject of its own the documents may not have
    if topic == "indicator" and continues(a.folded) and of_its_wording(kb, a, q):
        return True  # "còn doanh nghiệp?" after the storm's damage to residents: another of its figures
    if topic == "policy" and q.slots.get("policy") and another_document(kb, a, q):
        return False  # "còn nq hỗ trợ thêm mức đóng bhxh thì sao?": another document, described
    if (topic == "policy" and q.intent == FAMILY.get(topic) and not hardly_its_own(a) and not asks_its_record(a.folded)
            and not DOCUMENT_CUE.search(a.folded) and not fits_the_last_document(kb, a, q) and says_it(kb, a)):
        # "Tổng Bí thư có nói gì về lòng tin của người dân không?" after his notice: a sentence says it ("đã có
        # nghị quyết mới thay thế chưa?" is still of documents)
        return False
    if q.intent in ("followup", "ask_comparison") or FAMILY.get(topic) == q.intent:
        return True
    if topic == "policy" and q.slots.get("policy") and fits_the_last_document(kb, a, q):
        return True  # "có bao nhiêu nhóm nhiệm vụ giải pháp?" after Nghị quyết 7: its own contents say
    if topic == "policy" and q.slots.get("policy") and POLICY_CONTENT.search(a.folded):
        return True  # "có cơ chế j đáng chú ý cho dn ko?" after Nghị quyết 226: what it holds
    if topic == "policy" and q.slots.get("policy") and asks_its_record(a.folded):
        return True  # "Ban hành ngày nào, định hướng đến năm bao nhiêu?" after a document: its record
    if topic == "policy" and q.slots.get("policy") and _counted_under(kb, a, q):
        return True  # "năm 2024 hỗ trợ được bao nhiêu người?" after a resolution: what was done under it
    if topic == "policy" and q.slots.get("policy") and hardly_its_own(a) and q.intent != "out_of_scope":
        return True  # "nói về j", "áp dụng giai đoạn nào" after a document: of it
    if topic == "project" and (info := kb.project(q.slots.get("project") or "")) and component_named(info, a.folded) is not None:
        return True  # "phần bồi thường, giải phóng mặt bằng thì bao nhiêu?" after the bridge: its part
    if (topic == "project" and q.slots.get("project") and len(query_terms(a.folded)) <= FEW_OWN_WORDS
            and q.intent != "out_of_scope"):
        return True  # "được định hướng ntn?" after the economic zone: hardly a word of its own
    # a short question that adds a kind, a comparison or an aspect: "đứng thứ mấy cả nước"; a year
    # alone does not make one ("chủ đề năm 2025 là gì?" after the vision is a question of its own)
    short_addition = len(a.folded.split()) <= SHORT_FOLLOW_UP and bool(a.kinds or a.comparison or a.aspect)
    return (continues(a.folded) and bool(a.periods or a.kinds or a.comparison or a.aspect)) or short_addition


_UNIT_TYPED = re.compile(r"\d\s*(%|[^\W\d_]+)")  # "10.000 USD", "12%": what a number claimed is counted in


def claims_in_its_unit(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    """A number claimed, in the unit of the figure in context: a claim about that figure."""
    shown = kb.indicator(str(q.slots.get("indicator") or ""))
    if shown is None or not shown.unit or not a.claimed_numbers or not (a.yes_no or a.premise_cue):
        return False
    units = set(re.split(r"[\s/]+", fold(shown.unit))) | {shown.unit.lower()}
    return any(fold(unit) in units or unit in units for unit in _UNIT_TYPED.findall(q.text.lower()))  # fold drops "%"


_WHICH_NUMBER = re.compile(r"\bso (?:may|bao nhieu|nao)\b")  # a document's number, not a count


def _counted_under(kb: KnowledgeBase, a: Asked, q: Query) -> list[Passage]:
    """A number asked after a document, nothing named, of its record or parts neither: the sentences citing it
    that give one ("hỗ trợ thêm mức đóng bảo hiểm xã hội cho hơn 40.500 người … theo Nghị quyết số 12/2022/NQ-HĐND")."""
    if (not passages.asks_number(a) or a.names_something or asks_its_record(a.folded) or COUNTS_PARTS.search(a.folded)
            or item_asked(a.folded) is not None or REPLACED.search(a.folded) or THE_NEW_ONE.search(a.folded)
            or _WHICH_NUMBER.search(a.folded)):
        return []  # "nghị quyết mới thay thế nó là số mấy?" asks of another document
    number = str(q.slots.get("policy"))
    found = _citing_counts(kb, a, number)
    # a sentence naming the document itself first: one beside it may count something else
    return sorted(found, key=lambda p: number not in p.text)


def _citing_counts(kb: KnowledgeBase, a: Asked, number: str) -> list[Passage]:
    """The sentences citing the document that give the number asked; failing the question's words, those counting
    what it counts ("được bao nhiêu người hưởng?": people, whatever verb the sentence says it with)."""
    found = passages.about_document(kb, a, number, pointed_at=True)
    if not found and (unit := _COUNTED.search(a.folded)) is not None:
        counted = f"bao nhieu {unit.group(1)}"
        found = passages.about_document(kb, replace(a, text=counted, folded=counted), number, pointed_at=True)
    return found


# "bao nhiêu người", "mấy hộ": what is counted, one word
_COUNTED = re.compile(r"\b(?:bao nhieu|may) (nguoi|ho|doi tuong|luot|lao dong|hoc sinh|tre em|doanh nghiep|du an|ty dong|"
                      r"ty|trieu dong|dong)\b")


# what a document holds, asked of the one just answered when nothing else is named
POLICY_CONTENT = re.compile(r"\b(?:co che|chinh sach|noi dung|quy dinh|uu dai|diem moi)\b")
SHORT_FOLLOW_UP = 6  # words
FEW_OWN_WORDS = 2  # content words: "được định hướng thế nào" leans on the subject for the rest
FITS_THE_LAST = 0.6  # of the question's words, by rarity, that the last document's answer says


# "có bao nhiêu nhóm nhiệm vụ giải pháp?": the parts of the document in context
COUNTS_PARTS = re.compile(r"\b(?:bao nhieu|may) (?:nhom|nhiem vu|giai phap|noi dung|phan|muc)\b")


_WHETHER = re.compile(r"\b(?:chua|khong|ko|k)\s*$")
# "trước đó thành phố dùng nghị quyết cơ chế đặc thù nào?" after Nghị quyết 226: the one before of its title
THE_ONE_BEFORE = re.compile(r"\btruoc (?:do|day)\b.*\b(?:nghi quyet|van ban|quyet dinh)\b.*\b(?:nao|gi|so may)\b"
                            r"|\b(?:nghi quyet|van ban|quyet dinh) (?:cu|truoc do|truoc day)\b")
THE_NEW_ONE = re.compile(r"\b(?:nghi quyet|van ban|quyet dinh|ket luan|luat) moi\b(?! (?:nao|gi|so may)\b)")


def another_document(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    """A document named by its kind and described, not pointed back at, that is not the last one."""
    if (not DOCUMENT_CUE.search(a.folded) or points_back(a.text, a.folded) or COUNTS_PARTS.search(a.folded)
            or REPLACED.search(a.folded) or THE_NEW_ONE.search(a.folded)):
        return False  # "… nghị quyết thay thế khi nào?", "nq mới có cơ chế gì?" (the one replacing it) ask of the last one
    found = policy_by_subject(kb, a, q)
    return found is not None and found != q.slots.get("policy")


def fits_the_last_document(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    if COUNTS_PARTS.search(a.folded):
        return True
    said = " ".join(m.get("text") or "" for m in answer_policy(kb, _with(q, policy=[q.slots["policy"]])).messages)
    return passages.coverage(kb, a, said) >= FITS_THE_LAST


# Words of a follow-up that name no subject: "quý I", "kh" (kế hoạch / không).
_FOLLOW_WORDS = frozenset("con the vay thi sao nao va a ah ak nhi nhe ha ban oi admin ad cho hoi minh em toi "
                          "i ii iii iv khoang tong cong tat hien da roi duoc chung "
                          "nham y la co ay day thoi rieng".split())  # "à nhầm, ý mình là … cơ", "2024 ấy": a correction names no subject
# ("thôi, năm 2023 thì sao": the resident leaving a refused question, not a subject)


def new_subject(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    """Words that name something other than the last figure's family, with no kind, comparison or
    aspect asked: "còn nhập khẩu?", "còn kim ngạch nhập khẩu quý I thì sao?" after exports."""
    return bool(_new_words(kb, a, q)[0])  # "nhập" is no word of "xuất khẩu"


def _new_words(kb: KnowledgeBase, a: Asked, q: Query) -> tuple[list[str], set[str]]:
    """The question's words that are no words of the last figure's family, and the family's words."""
    code = q.slots.get("indicator")
    if a.kinds or a.comparison or a.aspect or a.measure or not code or kb.indicator(code) is None:
        return [], set()
    known = _family_words(kb, code)
    return _unknown_words(a, known), known


def _family_words(kb: KnowledgeBase, code: str) -> set[str]:
    indicator = kb.indicator(code)
    if indicator is None:
        return set()
    parent = kb.indicator(indicator.parent) if indicator.parent else None
    rows = [indicator, *([parent] if parent else []), *family(kb, indicator)]
    # the wording of its own figures too: "bn giải nhất" after the prizes asks one of them
    said = " ".join(v.qualifier or "" for v in kb.values(code))
    return {w for i in rows for w in vocabulary(i).split()} | set(fold(said).split())


def of_its_wording(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    """Content words all of the last figure's family or the wording of its figures."""
    unknown, known = _new_words(kb, a, q)
    return bool(known) and not unknown and bool(_unknown_words(a, set()))


def _words_of_its_own(kb: KnowledgeBase, a: Asked, q: Query) -> list[str]:
    """The question's words outside the last figure's family, besides those asking when ("hạn chót phải xong")."""
    return _unknown_words(replace(a, folded=_WHEN_WORDS.sub(" ", a.folded)),
                          _family_words(kb, str(q.slots.get("indicator") or "")))


def _unknown_words(a: Asked, known: set[str]) -> list[str]:
    """The question's content words that are not `known`."""
    def content(text: str) -> list[str]:
        return [w for w in text.split() if w not in _FOLLOW_WORDS and w not in NOT_A_DETAIL
                and not any(c.isdigit() for c in w) and len(w) > 1]  # "q1" is a period; "s" ("thì s?") no subject
    words = content(NOT_A_DETAIL_PHRASE.sub(" ", a.folded))
    if not words:
        return []  # "à nhầm, ý mình là năm 2024": a correction of the period alone names no subject
    return [w for w in words if w not in known]


def figure_of_a_new_subject(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    """"Còn nhập khẩu?" after exports: the same kind of figure asked of a subject the documents give
    no figure of; a sentence that merely has its words ("xuất nhập khẩu") is no answer."""
    if not (q.slots.get("topic") == "indicator" and not a.names_something and not passages.wants_words(a.folded)
            and continues(a.folded)) or BY_ITS_PARTS.search(a.folded) or a.premise_cue:  # a claim: checked
        return False
    new, known = _new_words(kb, a, q)
    unknown = set(new)
    # the new word changes the family's own phrase ("nhập khẩu" beside "xuất khẩu"): a sibling figure the
    # documents do not give; a sentence that has it only inside that phrase ("xuất nhập khẩu") is no answer
    if not any(_beside(a.folded.split(), unknown, known)):
        return False  # another subject altogether: the rows after answer it, from a sentence if one says it
    return not any(not beside for p in passages.best(kb, a) for beside in _beside(fold(p.text).split(), unknown, known))


def _beside(words: list[str], unknown: set[str], known: set[str]) -> Iterator[bool]:
    """For each unknown word in `words`: whether a word of the family stands next to it."""
    for i, w in enumerate(words):
        if w in unknown:
            yield bool({words[i - 1] if i else "", words[i + 1] if i + 1 < len(words) else ""} & known)


def not_in_the_documents(kb: KnowledgeBase, a: Asked, q: Query) -> Reply:
    return not_covered(kb)


def quoted_passage(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    return bool(passages.best(kb, a))


def always(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    return True


# -- responders -------------------------------------------------------------------------------
def by_button(kb: KnowledgeBase, a: Asked, q: Query) -> Reply:
    if q.intent == "ask_indicator" and a.indicators:
        return answer_figures(kb, a, q)  # the same figures, worded as for a typed question
    return ROUTES[q.intent](kb, q)


def choose(kb: KnowledgeBase, a: Asked, q: Query) -> Reply:
    return answer_choice(kb, q)


def more(kb: KnowledgeBase, a: Asked, q: Query) -> Reply:
    return answer_more(kb, q)


def merger(kb: KnowledgeBase, a: Asked, q: Query) -> Reply:
    return answer_merger(kb, province_named(a))


def refuse_province(kb: KnowledgeBase, a: Asked, q: Query) -> Reply:
    return refuse_other_place(kb, a, q)


def decline(kb: KnowledgeBase, a: Asked, q: Query) -> Reply:
    return Reply().template("utter_out_of_scope")


# "…, và dự án khu công nghiệp Tiên Thanh giá trị bao nhiêu?": a second clause
_AND_THEN = re.compile(r"[,;?]\s*(?:và|va|còn|con)\s+", re.IGNORECASE)


def address(kb: KnowledgeBase, a: Asked, q: Query) -> Reply:
    reply = convert_address(kb, q, claim=a.yes_no or a.premise_cue)
    for clause in _AND_THEN.split(q.text)[1:]:
        # "xã Tiên Thanh cũ giờ thuộc xã nào, và dự án khu công nghiệp Tiên Thanh giá trị bao nhiêu?": the
        # project the second clause names in full, after the conversion
        part = replace(q, text=clause, entities={})
        if reply.answer_id and (asked := understand(kb, part)).projects_clear and asked.project_score >= 2:
            project = answer_project(kb, part, asked)
            if project.answer_id:
                reply.messages = _without_buttons(reply.messages) + project.messages
                reply.slots.update(project.slots)
                break
    return reply


def operation(kb: KnowledgeBase, a: Asked, q: Query) -> Reply:
    return aggregate.answer(kb, a, q)


MAX_DOCUMENTS = 4  # named in one question and each described


# "nq mới … thay nq 35 là nq nào": the one that replaces the document named, not the one named
_REPLACES_THE_NAMED = re.compile(r"\bthay (?:the )?(?:cho )?(?:nq|nghi quyet)\b(?=.*\b(?:nao|gi|so may|la gi)\b)")


def policy(kb: KnowledgeBase, a: Asked, q: Query) -> Reply:
    number = a.policies[0] if a.policies else ""
    if len(a.policies) == 1 and _REPLACES_THE_NAMED.search(a.folded) and (later := successor_note(kb, number)):
        reply = Reply().say(later[1], feedback_buttons())
        reply.slots.update(topic="policy", policy=later[0])
        reply.answer_id = f"policy:{later[0]}"
        return reply
    if a.aspect == "when" and not asks_its_record(a.folded):
        # "khi nào xong đề án KTM tự do?": when a plan is to be done, a dated sentence of it says
        found = policy_numbered(kb, number)
        timed = [p for p in kb.passages(f"{found.title} {a.text}", explanation=True) if TIMED.search(p.text)] \
            if found else []
        if timed:
            return _still_of_it(passages.answer(kb, a, q, timed), number)
    if (len(a.policies) == 1 and not re.search(r"\d", number) and not asks_its_record(a.folded)
            and passages.asks_a_theme(passages.document_question(kb, a, number))
            and (doc := policy_numbered(kb, number)) is not None
            and (said := _beside_its_name(kb, a, doc))):
        # "Đề án chuyển đổi xanh định hướng gì cho giao thông công cộng?": a plan with no number for a sentence to
        # cite it by, and a theme its record does not speak of: the sentence saying it beside the plan's name
        return _still_of_it(passages.answer(kb, a, q, said), number)
    # "Nghị quyết 7/NQ-CP ban hành khi nào?": its own record, not a curated text about another one;
    # "Nghị quyết 45 và Nghị quyết 7 lần lượt ban hành ngày nào?": each one's
    record = asks_its_record(a.folded)
    reply = answer_policy(kb, _with(q, policy=same_number(a)), a, record=record)
    for other in a.policies[1:MAX_DOCUMENTS] if record else ():
        more = answer_policy(kb, _with(q, policy=[other]), a, record=True).messages
        if reply.messages and more:  # one message, its feedback buttons under both
            reply.messages[0]["text"] += "\n\n" + "\n".join(m.get("text") or "" for m in more)
    return _still_of_it(reply, number)


def _beside_its_name(kb: KnowledgeBase, a: Asked, doc: Policy) -> list[Passage]:
    """The sentences saying what is asked beside a document's name (a plan with no number to be cited by)."""
    return [p for p in passages.best(kb, replace(a, context=doc.title)) if fold(doc.title) in fold(p.text)]


def _still_of_it(reply: Reply, number: str) -> Reply:
    """A document named and answered by a sentence citing it is still the subject: "nội dung của nó là gì?" next."""
    if number and reply.slots.get("topic") == "passage":
        reply.slots.update(topic="policy", policy=number)
    return reply


def same_number(a: Asked) -> list[str]:
    """The first document named and those sharing its number ("85/KH-UBND" of 2021 and of 2024), less those
    whose year the question does not name when it names one: several are asked which."""
    if not a.policies:
        return []
    bare = bare_number(a.policies[0])
    alike = [p for p in a.policies if bare_number(p) == bare]
    dated = [p for p in alike if any(year in p for year in re.findall(r"\b20\d\d\b", a.folded))]
    return dated[:1] or alike


def project(kb: KnowledgeBase, a: Asked, q: Query) -> Reply:
    return answer_project(kb, q, a)


# "… mấy khu công nghiệp mới, gồm những khu nào?": a count and the names counted; "mấy khu công
# nghiệp mới?" alone also gets the sentence naming them, when one gives the same number
# "gồm những khu nào", "là những khu công nghiệp nào"
_WHICH_ONES = r"gom nhung|gom nhung (?:\w+ ){1,3}nao|la nhung (?:\w+ ){1,3}nao|nhung (?:\w+ ){1,3}nao|ke ten"
_GROUPED = r"khu cong nghiep|cum cong nghiep|kcn|ccn|khu|cum"
NAMES_TOO = re.compile(rf"\b(?:{_WHICH_ONES}|ten (?:la )?gi|(?:{_GROUPED}) nao)\b"
                       rf"|\b(?:may|bao nhieu) (?:{_GROUPED})\b")


NUMBER = re.compile(r"\d[\d.,]*\d|\d")
# asked alone after a figure ("gồm những khu nào?"): the names it counts
NAMES_ASKED = re.compile(rf"^(?:do la |the |vay )?(?:{_WHICH_ONES})\b")


def with_the_names(kb: KnowledgeBase, a: Asked, reply: Reply) -> Reply:
    """The sentence that names what the figure counts, quoted under it: it must give the same number."""
    if not reply.messages or NAMES_TOO.search(a.folded) is None:
        return reply
    first = (reply.messages[0].get("text") or "").split("\n")[0]
    numbers = set(NUMBER.findall(first.partition(":")[2]))

    def same_count(found: list[Passage]) -> bool:
        return bool(found) and bool(numbers & set(NUMBER.findall(found[0].text)))
    found = passages.best(kb, a, explanation=True)
    if not same_count(found):
        # the figure's own words find the sentence naming them ("Số khu công nghiệp mới được … duyệt …")
        found = kb.passages(first.partition(":")[0], explanation=True)
    if same_count(found):
        source = kb.document(found[0].source).citation
        lines = reply.messages[0]["text"].split("\n")
        # what was asked (the names) right under the figure and its source, before what the documents also say
        lines[2:2] = [f"Tài liệu ghi: “{found[0].text}”", f"Nguồn: {source}."]
        reply.messages[0]["text"] = "\n".join(lines)
    return reply


def with_the_cause(kb: KnowledgeBase, a: Asked, reply: Reply, subject: str = "") -> Reply:
    """"Vì sao năm 2024 tăng trưởng không đạt kế hoạch?": the figures, then the sentence giving the
    cause; not under a premise the figures reject (no cause is given for what did not happen)."""
    if not reply.messages or not passages.asks_why(a):
        return reply
    first = reply.messages[0].get("text") or ""
    if first.startswith("Không đúng"):
        return reply
    because = passages.cause(kb, a, subject) or NO_CAUSE
    reply.messages[0]["text"] = f"{first}\n{because}"
    return reply


NO_CAUSE = "(Các tài liệu không nêu rõ nguyên nhân.)"


def with_the_date(kb: KnowledgeBase, a: Asked, reply: Reply) -> Reply:
    """"được công nhận đạt tiêu chí đô thị loại I khi nào, bao nhiêu điểm?": the figure, then the dated sentence of
    its subject for the clause asking when."""
    if not reply.messages or a.aspect != "when" or a.periods:
        return reply
    # the one answered last, or any other answered ("… loại I ngày nào, bao nhiêu điểm": the score's sentence is dated)
    codes = dict.fromkeys((str(reply.slots.get("indicator") or ""), *a.indicators))
    shown = [indicator for code in codes if (indicator := kb.indicator(code)) is not None]
    # the clause asking when, searched without the one asking a number ("…, được bao nhiêu điểm")
    when = next((c for c in re.split(r"[,;]", a.text) if aspect_in(fold(c)) == "when"), a.text)
    asked = replace(a, text=when, folded=fold(when)) if passages.asks_number(a) else a
    dated = next((found for indicator in shown if (found := dated_of(kb, asked, indicator.name))), None)
    if not dated:
        return reply
    first = reply.messages[0].get("text") or ""
    said = f"Tài liệu ghi: “{dated[0].text}”\nNguồn: {kb.document(dated[0].source).citation}."
    if (verdict := passages.date_verdict(a, dated[0].text)) is not None and not passages.asks_number(a):
        # "đh đảng bộ các cấp phải xong trước 30/9 hả": the date claimed, checked; no figure was asked
        reply.messages[:1] = [{**reply.messages[0], "text": f"{verdict}\n{said}"}]
        return reply
    if dated[0].text not in first:
        # "… đạt tiêu chí đô thị loại I ngày nào?" asks the date alone: it comes first, the figure after it
        reply.messages[0]["text"] = f"{first}\n{said}" if passages.asks_number(a) else f"{said}\n{first}"
    return reply


def figures(kb: KnowledgeBase, a: Asked, q: Query) -> Reply:
    reply = answer_figures(kb, a, q)
    if reply.answer_id is not None:
        return with_the_date(kb, a, with_the_cause(kb, a, with_the_names(kb, a, reply)))
    # no stored figure for what was asked: the documents' own sentences may still give it,
    # but only sentences of the period asked ("năm 2030" is not answered by 2025's figures)
    years = {p[:4] for p in a.periods}
    if (not years and q.slots.get("topic") == "indicator" and NARROWS.search(a.folded)
            and re.match(r"20\d\d", str(q.slots.get("period") or ""))):
        years = {str(q.slots["period"])[:4]}  # "trong đó khách quốc tế bao nhiêu?": of the year just discussed
    # and sentences naming what was asked ("đối thoại doanh nghiệp năm 2023" gives no FDI of 2023)
    quoted = [p for p in passages.best(kb, a) if (not years or any(y in p.text for y in years))
              and names_an_asked_indicator(kb, a, p.text)]
    if quoted:
        return passages.answer(kb, a, q, quoted)
    return reply


NAMED_SHARE = 0.5  # of a name's words, by rarity, that a sentence must say to speak of that indicator


def names_an_asked_indicator(kb: KnowledgeBase, a: Asked, text: str) -> bool:
    return any(kb.passage_coverage(name, text) >= NAMED_SHARE for code in a.indicators
               if (indicator := kb.indicator(code)) is not None for name in (indicator.name, *indicator.aliases))


def topic_list(kb: KnowledgeBase, a: Asked, q: Query) -> Reply:
    if q.intent == "list_projects":
        return list_projects(kb, q)
    return list_indicators(kb, q)


QUOTED = re.compile(r"[\"'“‘«]([^\"'”’»]{4,})[\"'”’»]")


def checked_claim(reply: Reply, a: Asked) -> Reply:
    """"Chủ đề năm 2025 là 'Năm kỷ cương, hiệu quả' phải không?": a quoted claim the answer does
    not contain is said to be wrong first; one it contains is confirmed."""
    claims = [fold(c) for c in QUOTED.findall(a.text)]
    first = (reply.messages[0].get("text") or "") if reply.messages else ""
    if not claims and (dated := passages.date_verdict(a, first) or passages.ordinal_verdict(a, first)
                       or passages.number_verdict(a, first)):
        # a date claimed: "… ngày 14/11/2024 phải không"; a number: "hp vẫn 3 cấp chính quyền à"
        reply.messages[0]["text"] = f"{dated}\n{reply.messages[0]['text']}"
        return reply
    if not claims or (not a.premise_cue and not a.yes_no) or not reply.messages:
        return reply
    said = fold(" ".join(m.get("text") or "" for m in reply.messages))
    verdict = "Đúng." if all(c in said for c in claims) else "Không đúng: các tài liệu không nói như vậy. Tài liệu nêu:"
    reply.messages[0]["text"] = f"{verdict}\n{reply.messages[0]['text']}"
    return reply


def curated(kb: KnowledgeBase, a: Asked, q: Query) -> Reply:
    return checked_claim(TOPIC_ANSWERS[CURATED_INTENTS[q.intent]](kb, fixed(q, a)), a)


def best_curated(kb: KnowledgeBase, a: Asked, q: Query) -> Reply:
    return checked_claim(answer_best_curated(kb, fixed(q, a)), a)


def policy_found_by_subject(kb: KnowledgeBase, a: Asked, q: Query) -> Reply:
    a = the_last_as_reference(kb, a, q)
    found = policies_by_subject(kb, a, q)
    assert found
    if len(found) > 1:
        return answer_several_policies(kb, found)
    reply = answer_policy(kb, _with(q, policy=found[:1]), a)
    # "có hỗ trợ thêm tiền đóng bhxh không, theo nq nào": the sentence citing it says what was done under it
    said = [p for p in passages.best(kb, a)[:1] if found[0] in p.text]
    if not said and passages.asks_number(a):  # "…, bao nhiêu người được hỗ trợ?": the sentence citing it that counts
        said = [p for p in _citing_counts(kb, a, found[0])[:1] if found[0] in p.text]
    if said and reply.messages and _figures_beyond(said[0].text, reply.messages[0].get("text") or ""):
        reply.messages[0]["text"] += (f"\nTài liệu ghi: “{said[0].text}”\n"
                                      f"Nguồn: {kb.document(said[0].source).citation}.")
    return reply


_DATES_AND_NUMBERS = re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b|\b\d+(?:/\d{4})?/[A-ZĐ][\w-]*|\b(?:19|20)\d\d\b")


def _figures_beyond(sentence: str, reply: str) -> bool:
    """The sentence gives a figure (not a date, year or document number) the reply does not."""
    return bool(set(NUMBER.findall(_DATES_AND_NUMBERS.sub(" ", sentence))) - set(NUMBER.findall(reply)))


def unit_count(kb: KnowledgeBase, a: Asked, q: Query) -> Reply:
    return answer_unit_count(kb, q)


def asks_source_document(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    """"Báo cáo 619 ra ngày nào?", "ai ký?" after it, "số liệu này lấy từ báo cáo số mấy?" after a figure; not "ai báo
    cáo con số đó ở hội nghị?", which asks who said it."""
    # "Trong báo cáo đó, năm 2024 thành phố tinh giản biên chế bao nhiêu trường hợp?": a figure it gives, not its record
    figure_in_it = bool(a.indicators) and passages.asks_number(a) and not asks_its_record(a.folded)
    return (not a.from_button and not (a.policies and named_source(kb, a.folded) is None) and not figure_in_it
            and not asks_who_said_the_figure(kb, a, q) and bool(asks_source(kb, a.folded, q)))


def source_document(kb: KnowledgeBase, a: Asked, q: Query) -> Reply:
    return answer_source(kb, asks_source(kb, a.folded, q), a.folded)


_GENERIC_HEADS = frozenset("ty so chi muc tong".split())  # "Tỷ lệ …", "Số …", "Chỉ số …": no subject of their own


def names_only_the_whole(part: Indicator, whole: Indicator, folded: str) -> bool:
    """The part and its whole named by one word ("Thu nội địa", "Thu ngân sách"), and the question says that word
    and none of the part's own: "thế năm 2025 kh thu bn?" after domestic revenue asks the revenue."""
    head = fold(part.name).split()[0]
    if head in _GENERIC_HEADS or head != fold(whole.name).split()[0]:
        return False
    own = set(query_terms(fold(part.name))) - set(fold(whole.name).split())
    words = set(folded.split())
    return head in words and not words & own


def _the_count_asked(kb: KnowledgeBase, a: Asked) -> Asked:
    """Of "nq đó ban hành ngày nào, hỗ trợ bn người", the clause asking a number, read alone."""
    part = next((clause for clause in clauses_of(kb, a) if ASKS_A_NUMBER.search(clause)), a.folded)
    return replace(a, text=part, folded=part)


# "để đạt được thì phải làm gì?" after a target: what the documents say is done to reach it
_HOW_TO_REACH = re.compile(r"\b(?:de|muon) (?:dat|hoan thanh|thuc hien)(?: duoc)?\b.*\b(?:lam gi|lam j|the nao|giai phap|"
                           r"bien phap|phai lam)\b|\blam (?:gi|j|the nao|sao) de dat\b")
_TO_REACH = re.compile(r"^Để (?:đạt|thực hiện|hoàn thành)")
LOOK_BACK = 3  # sentences before "Để đạt mục tiêu này, …" (a photo's caption may stand between)
_YEAR = re.compile(r"^(?:19|20)\d\d$")


def _how_it_is_reached(kb: KnowledgeBase, code: str) -> list[Passage]:
    """"Để đạt mục tiêu này, …" after a sentence giving a figure of the indicator: that sentence saying what is done,
    then the one it points back to; [] when none does."""
    for at in range(1, kb.passage_count()):
        after = kb.passage_at(at)
        if after is None or not _TO_REACH.match(after.text):
            continue
        for back in range(1, LOOK_BACK + 1):
            before = kb.passage_at(at - back)
            if before is None or before.source != after.source:
                break
            numbers = [n for n in NUMBER.findall(before.text) if not _YEAR.match(n)]
            if any(v.indicator.code == code for n in numbers for v in values_written(kb, n)):
                return [after, before]
    return []


def _answered_beside(q: Query, shown: str) -> tuple[str, ...]:
    """The other indicators the last answer gave with the one in context, in its order: "năm 2024 thực hiện thì
    sao?" after the 2025 plans of GRDP per head and exports asks both."""
    last = str(q.slots.get("last_answer_id") or "")
    if not last.startswith("indicator:"):
        return ()
    codes = list(dict.fromkeys(part.split(":")[0] for part in last.removeprefix("indicator:").split(",")))
    return tuple(c for c in codes if c != shown) if shown in codes else ()


def from_context(kb: KnowledgeBase, a: Asked, q: Query) -> Reply:
    topic = q.slots.get("topic")
    if (topic == "passage" and passages.asks_number(a) and not a.names_something
            and quoted.figure_around(kb, q.slots, str(q.slots.get("indicator") or ""),
                                     str(q.slots["period"]) if q.slots.get("period") else None)):
        # "thế cả năm 2025 phấn đấu tăng bn" after the sentences giving the half-year's 11,28%: still that figure
        q = replace(q, slots={**q.slots, "topic": "indicator"})
        topic = "indicator"
    if topic == "units":
        return answer_unit_count(kb, q)
    if topic == "indicator" and (shown := kb.indicator(q.slots.get("indicator") or "")) is not None:
        if shown.parent and (whole := kb.indicator(shown.parent)) is not None and (
                WHOLE.search(a.folded) or names_only_the_whole(shown, whole, a.folded)
                or _only_the_whole_has(kb, a, shown, whole)):
            # "à nhầm, mình hỏi tổng thu cơ", "năm 2025 kh thu bn" after domestic revenue: the whole; "9 tháng
            # năm 2024 thì tăng bao nhiêu" after the years of two-digit growth: the growth, which has that period
            shown = whole
        a = replace(a, indicators=(*_answered_beside(q, shown.code),
                                   shown.code, *_parts_asked(kb, a, shown, str(q.slots.get("period") or ""))))
        if NOW.search(a.folded) and not a.periods and "target" not in a.kinds and (
                latest := latest_result_period(kb, shown.code)) is not None:
            a = replace(a, periods=(latest,))  # "hiện tại đạt được bao nhiêu rồi?" after a plan: the latest result
        if a.aspect == "when" and not a.periods and (dated := dated_of(kb, a, shown.name)):
            return passages.answer(kb, a, q, dated)  # "hạn chót phải xong là khi nào?" after the congresses held
        if _HOW_TO_REACH.search(a.folded) and (reached := _how_it_is_reached(kb, shown.code)):
            return passages.answer(kb, a, q, reached)  # "để đạt dc thì phải làm j" after the growth target
        # "gồm những khu nào?" after the zones' area: the sentence naming them, under the figure
        reply = with_the_cause(kb, a, with_the_names(kb, a, answer_figures(kb, a, q, from_context=True)), shown.name)
        if BY_ITS_PARTS.search(a.folded) and a.indicators == (shown.code,) and reply.messages:
            # "chia theo ngành thì sao" after exports: no part is held, said before the whole
            reply.messages.insert(0, {"text": "Tôi không có số liệu này chia theo khu vực, ngành hay lĩnh vực; số "
                                              "chung tài liệu nêu là:"})
        return reply
    subject_said = str(q.slots.get("subject") or "")
    if (topic == "project" and asks_its_record(a.folded) and DOCUMENT_CUE.search(fold(subject_said))
            and (dated := dated_of(kb, a, subject_said))):
        return passages.answer(kb, a, q, dated)  # "ký ngày nào?" after the decision a sentence cited for the zone
    if topic == "project" and q.slots.get("project"):
        project = q.slots["project"]
        # "nó nối Thủy Nguyên với đâu?", "quyết định … khu này số mấy?": what its record lacks
        if said := sentences_naming(kb, a, project) or documents_naming(kb, a, project):
            return passages.answer(kb, a, q, said)
        records = str(q.slots.get("last_answer_id") or "").removeprefix("project:").split(",")
        if project in records and len(records) > 1 and not asks_its_record(a.folded) and asked_field(a.folded) is None:
            return answer_records(kb, records, a)  # the same project in several documents: each says where it stands
        if project in records and asked_field(a.folded) == "approval":
            # "cái đó được duyệt chủ trương theo nghị quyết nào": the document of its records that gives its approvals
            project = next((r for r in records if (info := kb.project(r)) is not None and info.project.approvals), project)
        return answer_project(kb, q, replace(a, projects=(project,), projects_clear=True, indicators=()))
    if topic == "policy" and q.slots.get("policy") and PROJECT_PRONOUN.search(a.folded) and (
            named := _project_in_title(kb, str(q.slots["policy"]))):
        # "khu kinh tế đó rộng bao nhiêu?" after the decision funding its plan: the zone its title names
        return answer_project(kb, q, replace(a, projects=named, projects_clear=True, indicators=()))
    if (topic == "policy" and q.slots.get("policy") and passages.of_a_person(a)
            and (doc := policy_numbered(kb, str(q.slots["policy"]))) is not None
            and (said := passages.best(kb, replace(a, context=doc.title)))):
        return passages.answer(kb, a, q, said)  # "ông ấy nói gì về lòng tin …" after the notice of his words
    if (topic == "policy" and q.slots.get("policy") and a.aspect == "when" and not _OF_THE_DOCUMENT.search(a.folded)
            and len(query_terms(a.folded)) > FEW_WORDS and (dated := dated_sentences(kb, a))):  # an event it names
        return passages.answer(kb, a, q, dated)  # "Tổng Bí thư làm việc với Thành ủy hôm nào?" after the notice of it
    if topic == "policy" and q.slots.get("policy"):
        if counted := _counted_under(kb, a, q):
            # "năm 2024 hỗ trợ được bao nhiêu người, hết bao nhiêu tiền?": the document stays the subject
            reply = passages.answer(kb, a, q, counted)
            reply.slots.update(topic="policy", policy=q.slots["policy"])
            return reply
        # what the documents citing it say of what is asked ("được thay thế bằng …"), else the document
        record = asks_its_record(a.folded) or bool(COUNTS_PARTS.search(a.folded)) or item_asked(a.folded) is not None
        number = q.slots["policy"]
        # "nội dung chính là gì?": no theme asked, the document itself says (not a sentence saying "nội dung")
        theme = not record and passages.asks_a_theme(passages.document_question(kb, a, number))
        said = passages.about_document(kb, a, number) if theme else []
        if theme and not said and not re.search(r"\d", str(number)) and (doc := policy_numbered(kb, str(number))):
            # "còn giao thông công cộng thì sao?" after the green-transition project, which has no number for a
            # sentence to cite it by: a sentence saying it beside the document's name
            said = _beside_its_name(kb, a, doc)
        # the document pointed at is the one a claim is about ("nq đó do chính phủ ban hành hả"): checked
        reply = (passages.answer(kb, a, q, said) if said
                 else answer_policy(kb, _with(q, policy=[number]), replace(a, policies=(number,)), record=record))
        if (asks_its_record(a.folded) and passages.asks_number(a)
                and (counted := passages.about_document(kb, _the_count_asked(kb, a), number, pointed_at=True))):
            # "nq đó ban hành ngày nào, hỗ trợ bn người": its date, then the sentence citing it that gives the number
            reply.messages = _without_buttons(reply.messages)  # one set, last
            reply.messages += passages.answer(kb, a, q, counted).messages
        reply.slots.update(topic="policy", policy=number)  # still the subject of what follows
        # "đã có nghị quyết mới … chưa": whether one came after it
        replaced = (REPLACED.search(a.folded) or (THE_NEW_ONE.search(a.folded) and _WHETHER.search(a.folded))
                    or THE_ONE_BEFORE.search(a.folded))
        if replaced and (other := successor_note(kb, number, earlier=bool(EARLIER.search(a.folded)))):
            reply.say(other[1])  # "nghị quyết nào thay thế nó?": the other one of the same title, said as such
            reply.slots.update(policy=other[0])
        return reply
    if topic == "address":
        if not a.address and curated_fit(kb, fixed(q, a), "government"):
            # "vụ sáp nhập này có hiệu lực từ bao giờ" after a conversion names no unit: the reform is asked
            return TOPIC_ANSWERS["government"](kb, fixed(q, a))
        return convert_address(kb, q)
    subject = a.context or str(q.slots.get("subject") or "")  # a follow-up already: the subject leaned on
    # "khi vận hành có khó khăn gì không?" after the two-tier government: its own words, else with the subject's
    curated_topic = topic if topic in ("government", "theme", "vision") else None
    if curated_topic is not None and curated_fit(kb, fixed(q, a), curated_topic):
        curated_reply = TOPIC_ANSWERS[curated_topic](kb, fixed(q, a))
        curated_text = " ".join(m.get("text") or "" for m in curated_reply.messages[:1])
        if not (a.aspect == "when" and not DATE.search(curated_text) and subject and (dated := dated_of(kb, a, subject))):
            return curated_reply
        return passages.answer(kb, a, q, dated)  # "ông ấy làm việc với Thành ủy hôm nào?": a curated text has no date
    # "ông ấy muốn Hải Phòng phát triển ngang tầm với những thành phố nào?" after a sentence of Tổng Bí thư's visit:
    # a curated text of his words, as for a curated answer
    of_the_person = topic == "passage" and passages.of_a_person(a)
    if (curated_topic or topic == "answer" or of_the_person) and (
            chosen := fit_with_subject(kb, fixed(q, a), subject, curated_topic)):
        return answer_curated(kb, chosen, q)  # "khi vận hành có khó khăn gì không?" with the subject's words
    if a.aspect == "when" and subject and (dated := dated_of(kb, a, subject)):
        return passages.answer(kb, a, q, dated)  # "phấn đấu xong trước ngày nào?" after the congresses
    if said := of_the_last_answer(kb, a, q):
        return passages.answer(kb, a, q, said)  # "còn khối phường thì sao" after the congresses' answer
    return quote_or_decline(kb, a, q)


# "chia theo khu vực thì sao", "từng ngành thì sao" after GRDP's growth: the figure and each of its parts
BY_ITS_PARTS = re.compile(r"\b(?:chia theo|phan theo|theo (?:tung |cac |moi )?(?:khu vuc|nganh|linh vuc)|"
                          r"(?:tung|cac|moi) (?:khu vuc|nganh|linh vuc))\b")


def _parts_asked(kb: KnowledgeBase, a: Asked, whole: Indicator, period: str) -> tuple[str, ...]:
    """The parts of the figure shown, by the same measure and of its period, when the question asks it by its
    parts; () otherwise (the years of two-digit growth are no part of the growth rate)."""
    if not BY_ITS_PARTS.search(a.folded) or (a.periods and period not in a.periods):
        return ()
    return tuple(i.code for i in kb.children(whole.code)
                 if i.unit == whole.unit and (not period or period in kb.periods(i.code)))


def _only_the_whole_has(kb: KnowledgeBase, a: Asked, part: Indicator, whole: Indicator) -> bool:
    """A result of a period that only the whole has ("9 tháng năm 2024 thì tăng bao nhiêu" after the years of
    two-digit growth); a plan the part lacks is the whole's, with a note saying so."""
    return (bool(a.periods) and "target" not in a.kinds and not set(a.periods) & set(kb.periods(part.code))
            and bool(set(a.periods) & set(kb.periods(whole.code))))


_MENTION_WORDS = frozenset("ong ba ay ho nhac chuyen noi ve de cap den toi nhan manh".split())


def of_the_last_answer(kb: KnowledgeBase, a: Asked, q: Query) -> list[Passage]:
    """The source sentence of the last curated answer that says every word of a follow-up: "còn khối phường thì
    sao" after the pilot congresses of a ward and a commune."""
    last = str(q.slots.get("last_answer_id") or "")
    info = kb.answer(last.removeprefix("answer:")) if last.startswith("answer:") else None
    # "ông ấy có nhắc đến chuyện thành phố đáng sống không?": the words of what is asked about, not of the asking
    words = [w for w in query_terms(a.folded) if not w.isdigit() and w not in _MENTION_WORDS]
    if info is None or not words:
        return []
    source = info.answer.provenance
    # of a quote running over several sentences, the one saying them
    sentences = [part for quote in source.quotes for part in re.split(r"(?<=\.)\s+(?=[A-ZĐ\d])", quote)]
    found = [sentence for sentence in sentences if all(re.search(rf"\b{re.escape(w)}\b", fold(sentence)) for w in words)]
    # of those, the one saying most of the question's pairs of words: "đáng sống", not "đời sống" ("sống" alone)
    asked = [w for w in a.folded.split() if w not in _MENTION_WORDS]
    pairs = {f"{x} {y}" for x, y in pairwise(asked)}
    found.sort(key=lambda sentence: -sum(f" {pair} " in f" {fold(sentence)} " for pair in pairs))
    return [Passage(source.source, sentence, 1.0) for sentence in found][:1]


# "ký ngày nào?", "do ai ban hành?" after a document: its own record says, not a sentence with a date;
# "định trình Quốc hội khi nào?" asks a plan, which a sentence says
_ISSUER_ASKED = re.compile(r"\b(?:ai ky|ai ban hanh|do ai|co quan nao|cua ai|cap nao)\b")
_DATE_ASKED = re.compile(r"\b(?:ngay nao|ngay bao nhieu|khi nao|bao gio|nam nao|thang nao|hieu luc)\b")
# "hạn bao giờ", "hạn chót khi nào": a deadline, not a date of record ("hạn chế" is no deadline)
_PLANNED = re.compile(r"\b(?:(?<!quyet )dinh(?! huong)|du kien|ke hoach|trinh|se|phai|phan dau|xong|hoan thanh|thanh lap|"
                      r"thoi han|han(?! che)(?: chot)?)\b")


def asks_its_record(folded: str) -> bool:
    return bool(_ISSUER_ASKED.search(folded) or (_DATE_ASKED.search(folded) and not _PLANNED.search(folded)))


# "tổng thu", "toàn bộ": the whole of a part just discussed
WHOLE = re.compile(r"\b(?:tong (?:thu|chi|so|cong|gia tri|bao nhieu|may)|toan bo|ca thanh pho)\b")
NOW = re.compile(r"\b(?:hien tai|hien nay|den nay|bay gio|tinh den nay|toi nay|hien)\b")


def quote_or_decline(kb: KnowledgeBase, a: Asked, q: Query) -> Reply:
    found = passages.best(kb, a)
    if not found and not a.context and not a.names_something and (subject := str(q.slots.get("subject") or "")):
        # "hỗ trợ cho bao nhiêu người, hết bao nhiêu tiền?" after the support just quoted: nothing answers
        # it alone, so it leans on that subject (scored on its own words still: see `passages.best`)
        found = passages.best(kb, replace(a, context=subject))
    return passages.answer(kb, a, q, found)


ROWS: tuple[Row, ...] = (
    Row("a button the bot offered", is_button, by_button),
    Row("a choice from the list just shown", is_choice, choose),
    Row("more of what was just quoted: the sentences after it", asks_more_of_the_quoted, more_of_the_quoted),
    Row("the next page of a list", is_more, more),
    Row("a merger with another province", merger_with_another, merger),
    Row("another province's figures", other_place, refuse_province),
    Row("out of scope, or an instruction to make things up", out_of_scope, decline),
    Row("a farewell or thanks", says_goodbye, goodbye),
    Row("what the bot can do, nothing of ours named", asks_help, help_text),
    Row("who the bot is, no source document asked of", asks_identity, identity),
    Row("a price, fare, rent or pay: the documents give none", asks_price, price_not_given),
    Row("a service to use or a place to recommend: the documents give none", asks_service, service_not_given),
    Row("who holds an office of a ward or commune: the documents name none", asks_local_leader, local_leader_not_given),
    Row("who holds an office of a body no document names the holders of", asks_an_unnamed_office, unnamed_office),
    Row("who will hold a post next term: the documents name who holds it now only", asks_a_future_holder,
        future_holder_not_given),
    Row("a figure by market (country): the documents give the whole only", asks_by_market, market_not_given),
    Row("a correction of the last project's place: the same kind of project there", corrects_the_projects_place,
        the_same_kind_there),
    Row("a place claimed to be a special zone", special_zone_claimed, special_zone),
    Row("the projects of a place: those whose names say it", asks_projects_of_a_place, projects_of_the_place),
    Row("how many live in a ward or commune, or its area: the documents do not say", asks_a_units_measure,
        units_measure_not_given),
    Row("what a number stands for: the figures the documents write that way", asks_what_a_number_is, what_a_number_is),
    Row("an old ward, commune or district", names_address, address),
    Row("a figure of one old district or ward: the documents give the city's", local_figure,
        local_figure_or_its_sentence),
    Row("how many new units", counts_new_units, unit_count),
    Row("a source document: what it is, when and by whom issued, who signed it", asks_source_document,
        source_document),
    Row("a person claimed to hold a post: the documents' list of the city's leaders says", claims_a_post, post_verdict),
    Row("the post of a person the documents' list of the city's leaders names", asks_a_post, post_of_the_person),
    Row("the post of a person a sentence of the documents names with it", asks_a_post_written, post_as_written),
    Row("who said the figure just shown: the sentence naming the speaker, else its document",
        asks_who_said_the_figure, who_said_the_figure),
    Row("who said what was just quoted: the sentence naming the speaker", asks_who_said_it, who_said_it),
    Row("a question the sentence just quoted answers: that sentence", answered_by_the_quoted, the_quoted_again),
    Row("a date claimed of the sentence just quoted: checked against it", claims_a_date_of_the_quoted,
        the_quoted_date_checked),
    Row("when a document takes effect: the documents give its issue date only", asks_when_in_force,
        in_force_not_given),
    Row("which document the last curated text cites: those it names", asks_the_curated_texts_documents,
        the_curated_texts_documents),
    Row("a reference back to the last answer's subject", refers_back, from_context),
    Row("a field of the last project's record", of_the_last_project, from_context),
    Row("count / largest / total over projects", list_operation, operation),
    Row("which document the last one acts on (its title says), or which acts on it", asks_a_cited_document, cited_document),
    Row("which document: found by what it is about", which_document, policy_found_by_subject),
    Row("what a named policy says of something: the sentences of the documents citing it", policy_content,
        quote_policy_content),
    Row("a policy by its number", names_policy, policy),
    Row("how, why, what will be done: a curated answer or the documents' own sentences", asks_explanation, explain),
    Row("a project by its name", names_project, project),
    Row("a measure of an indicator the documents do not give", other_measure, measure_not_given),
    Row("a claim that something remains, which a sentence says is gone", remains_claimed, says_it_is_gone),
    Row("indicators: every one × period × kind named", names_indicator, figures),
    Row("a list of indicators or projects", asks_list, topic_list),
    Row("a follow-up on the last answer's subject", leans_on_context, from_context),
    Row("a curated answer of the intent's topic that fits", curated_topic, curated),
    Row("a policy by what it is about", policy_subject, policy_found_by_subject),
    Row("a curated answer that fits well, whatever the intent", curated_any, best_curated),
    Row("a document number the documents do not cite", unknown_policy_number, policy),
    Row("the last figure asked of a subject the documents give no figure of", figure_of_a_new_subject,
        not_in_the_documents),
    Row("a passage of the documents, quoted", quoted_passage, quote_or_decline),
    Row("not in the documents", always, quote_or_decline),
)


SUBJECT_WORDS = 8
# Periods, kinds of figure and comparisons say what of a subject is asked, not which subject.
_NOT_A_SUBJECT = frozenset("nam quy thang dau cuoi ke hoach muc tieu lan ca nuoc so voi bao nhieu".split())


def subject_of(a: Asked, reply: Reply) -> str | None:
    """The phrases of the question (and of the subject it leaned on) that the answer says, two
    words in a row ("tổng bí thư tô lâm", not "ngày"), as the answer writes them: document words,
    so the slot keeps none of the resident's own words."""
    said = re.findall(r"\w+", " ".join(m.get("text") or "" for m in reply.messages).lower())
    folded = [fold(w) for w in said]
    written = dict(zip(pairwise(folded), pairwise(said), strict=True))
    content = set(query_terms(a.folded)) - _NOT_A_SUBJECT
    words: list[str] = []
    for pair in pairwise(a.folded.split()):
        if pair in written:
            words += [w for w, f in zip(written[pair], pair, strict=True) if f in content and not f.isdigit()]
    words += a.context.split()
    return " ".join(list(dict.fromkeys(words))[:SUBJECT_WORDS]) or None


def _project_in_title(kb: KnowledgeBase, number: str) -> tuple[str, ...]:
    """The project a document's title names by a whole name or alias (its records in every document), if one."""
    found = policy_numbered(kb, number)
    keys = [key for key, score in (kb.project_scores(fold(found.title), limit=8) if found else []) if score >= 2]
    # the record that gives most (its area, its value) first: the others are the same zone in other documents
    infos = [info for info in (kb.project(k) for k in keys) if info is not None]
    infos.sort(key=lambda i: (not i.project.area_text, not i.project.value_text))
    return tuple(i.project.id for i in infos)


def _quotes_the_last_project(kb: KnowledgeBase, q: Query, reply: Reply) -> bool:
    info = kb.project(str(q.slots.get("project") or ""))
    return info is not None and says_a_name(info, (reply.messages[0].get("text") or "") if reply.messages else "")


def decide(kb: KnowledgeBase, a: Asked, q: Query) -> Row:
    return next(row for row in ROWS if row.when(kb, a, q))


# "Chuyển chủ đề: thành phố có kế hoạch gì …": the resident leaves the last subject; nothing of it is leaned on
SWITCHES_TOPIC = re.compile(r"^\W*(?:thoi |ok |vay )?(?:chuyen (?:sang )?chu de|doi chu de|hoi (?:cai|chuyen|viec) khac|"
                            r"sang chuyen khac|chuyen sang (?:chuyen|cai) khac)\b")


WHO_ASKED = re.compile(r"\b(?:la ai|ai la|nguoi nao)\b|^(?:vay |the |con )?ai (?:duoc|da|se|dang|phu trach|chu tri|chi dao|de nghi|ky)\b")


# "ai nói", "ai đề nghị": who spoke, which a sentence naming only a post ("Bí thư Thành ủy … thống nhất …") leaves out
WHO_SPOKE = re.compile(r"\bai (?:noi|neu|de nghi|de xuat|yeu cau|chi dao|phat bieu|nhan manh|khang dinh|thong nhat|"
                       r"cong bo|bao cao)\b")
_FIRST_QUOTE = re.compile(r"^Tài liệu ghi: “(.+?)”$", re.MULTILINE)


def _who_holds(kb: KnowledgeBase, reply: Reply) -> str | None:
    """The clause of the leaders' list naming who holds the post the first sentence quoted names, with its source;
    None when the sentence names a person itself, or no post one person holds."""
    quote = _FIRST_QUOTE.search(_first_text(reply))
    if quote is None or PERSON_NAMED.search(quote.group(1)) or not reply.messages:
        return None
    found = holder_clause(kb, kb.normalize_question(quote.group(1)))
    if found is None or name_of(found[0]) in quote.group(1):
        return None  # "Bí thư Thành ủy Hải Phòng Lê Tiến Châu nhấn mạnh …" names him already
    return f"Theo {found[1]}: {found[0]}."


# "Đề án chuyển đổi xanh … biến Cát Bà thành gì, còn giao thông công cộng thì chuyển sang loại xe nào?": a second
# question after the first, of another matter
_THEN_ANOTHER = re.compile(r",\s*(?:còn|con)\s+(\S.+)$|\?\s+(\S.*\?)\s*$", re.IGNORECASE)  # or a second "…?"
CLAUSE_WORDS = 3  # content words: a matter of its own
CLAUSE_SAID = 0.5  # of the clause's words, by rarity, that the reply already says


CURATED_CLAUSE = 0.6  # a first clause a curated answer fits this well asks that answer


def _the_curated_clause(kb: KnowledgeBase, a: Asked, q: Query, reply: Reply) -> str | None:
    """The curated answer of a message's first clause, with its source, when the reply (figures, a document)
    answers the clause after it and says little of the first; None otherwise."""
    first, comma, rest = q.text.partition(",")
    if (not comma or a.from_button or not reply.messages or len(query_terms(fold(first))) < 2
            or len(query_terms(fold(rest))) < 2
            or not str(reply.answer_id or "").startswith(("indicator:", "policy:", "document:"))):
        return None
    # the curated answers first: most first clauses fit none, and reading the clause is the costlier step
    found = kb.find_answers(first, limit=1)
    if not found or found[0].answer.topic not in ("theme", "vision") or found[0].score < CURATED_CLAUSE:
        return None
    clause = understand(kb, replace(q, text=first, entities={}))
    if (clause.indicators or clause.policies or clause.projects_clear or clause.premise_cue or clause.yes_no
            or passages.asks_number(clause)):
        return None  # "GRDP quý 1 tăng bao nhiêu, trong đó …": the figures answer it
    # what the reply says, its sources aside ("Bài “Động lực chuyển mình từ chủ đề năm”" says no theme)
    said = "\n".join(line for line in _first_text(reply).split("\n") if not line.startswith("Nguồn:"))
    if kb.passage_coverage(first, said) >= CLAUSE_SAID:
        return None
    return f"{found[0].answer.answer}\n{replies.source_line(found[0].document)}"


def _the_other_clause(kb: KnowledgeBase, a: Asked, q: Query, reply: Reply) -> Passage | None:
    """The sentence answering the second question of a message, when the answer to the first (a document, a
    project or a sentence) says little of it; None otherwise (figures answer every part themselves)."""
    found_clause = _THEN_ANOTHER.search(q.text)
    clause = (found_clause.group(1) or found_clause.group(2)) if found_clause else ""
    if (not clause or a.from_button or not reply.messages or not str(reply.answer_id or "").startswith(
            ("policy:", "project:", "passage:", "address:")) or len(query_terms(fold(clause))) < CLAUSE_WORDS):
        return None
    said = _first_text(reply)
    if kb.passage_coverage(clause, said) >= CLAUSE_SAID:
        return None
    found = kb.passages(clause, limit=1, explanation=True)
    return found[0] if found and found[0].text not in said else None


# "cả dự án", "toàn bộ dự án", a figure of "dự án lớn": the whole a work is part of ("cầu đó thuộc dự án lớn nào" is
# answered by the work's own record, which names it)
WHOLE_PROJECT = re.compile(r"\b(?:ca|toan bo|toan) du an\b|\bdu an (?:lon|me|chinh|tong the)\b(?=.*\b(?:bao nhieu|may|"
                           r"von|tong muc|dien tich|can)\b)")


_THAT_PROJECT = re.compile(r"\bdu an (?:do|nay|ay)\b")


def _the_whole_asked(kb: KnowledgeBase, q: Query) -> str | None:
    """The project the last one is part of, when the question asks of it: "cả dự án", or "dự án đó" after a work
    ("Công trình cầu Máy Chai …"), which its record says is of a project."""
    folded, last = fold(q.text), str(q.slots.get("project") or "")
    if WHOLE_PROJECT.search(folded) is None and (
            _THAT_PROJECT.search(folded) is None or (info := kb.project(last)) is None
            or not fold(info.project.name).startswith("cong trinh")):
        return None
    return project_it_belongs_to(kb, last)


def project_it_belongs_to(kb: KnowledgeBase, project: str) -> str | None:
    """The project whose parts include this one (cầu Máy Chai: the Vũ Yên island project); None for any other."""
    info = kb.project(project)
    if info is None:
        return None
    name = fold(info.project.name)
    return next((other.project.id for other in kb.projects() if other.project.id != project and any(
        fold(part.name) in name for part in other.project.components)), None)


# "quyết định đó", "nghị quyết hỗ trợ đó", "văn bản này": a document the conversation named
_THAT_DOCUMENT = re.compile(r"\b(?:nghi quyet|nq|quyet dinh|qd|van ban|ket luan|chi thi)\b(?:\s+\w+){0,2}?\s+(?:do|nay|ay|tren)\b")


def _the_document_quoted(kb: KnowledgeBase, q: Query) -> str | None:
    """The one document the sentence just quoted names, when the question leans on "quyết định đó": "ai ký quyết
    định đó" after "Ngày 5/2/2025, UBND thành phố đã ban hành Quyết định số 278/QĐ-UBND …" is of that decision."""
    if q.entities.get("policy") or (that := _THAT_DOCUMENT.search(fold(q.text))) is None or " moi" in that.group():
        return None  # "nghị quyết mới đó" after "… Nghị quyết mới thay thế Nghị quyết số 35": not the one it names
    found = quoted_last(q.slots)
    if found is None or found[1] is None or (sentence := kb.passage_at(found[1])) is None:
        return None
    named = {info.policy.number for info in kb.find_policy(sentence.text)}
    return named.pop() if len(named) == 1 else None


# "ở đó có dự án sân golf phải ko" after a conversion: the place just converted
_THERE = re.compile(r"\b(?:o|tai|cho|gan) (?:do|day|day a|xa do|phuong do|xa nay|phuong nay)\b(?! son\b)")
_THERE_MARKED = re.compile(r"\b(?:ở|tại|chỗ|gần) (?:đó|đấy|đây|xã đó|phường đó|xã này|phường này)\b")
_UNIT_WORDS = re.compile(r"^(?:xa|phuong|thi tran|dac khu) ")
_A_PROJECT_WORDS = frozenset("du an cong trinh khu".split())  # every project's name has them


def _project_of_the_place(kb: KnowledgeBase, q: Query) -> str | None:
    """The project named after the place just converted, of the words the question names ("sân golf" at Xuân Đám:
    the Xuân Đám golf course, not the other golf club the words also fit)."""
    subject = fold(str(q.slots.get("subject") or ""))
    typed = q.text.lower()
    there = _THERE_MARKED.search(typed) if typed != strip_diacritics(typed) else _THERE.search(fold(q.text))
    if q.slots.get("topic") != "address" or not subject or there is None:  # "ở Đồ Sơn" folds like "ở đó"
        return None
    place = " ".join(_UNIT_WORDS.sub("", subject).split()[:2])  # "xã xuân đám huyện cát" → "xuan dam"
    asked = set(query_terms(fold(q.text))) - _A_PROJECT_WORDS
    fits = [info.project.id for info in kb.projects()
            if place in (names := fold(" ".join((info.project.name, *info.project.aliases))))
            and len(asked & set(names.split())) >= 1 and not set(place.split()) >= asked & set(names.split())]
    return fits[0] if len(fits) == 1 else None


# "bao nhiêu tiền", "mấy triệu": a sum of money asked; the documents write one with its unit
_SUM_ASKED = re.compile(r"\b(?:bao nhieu|may|bn) (?:tien|trieu|dong|ty|nghin|ngan)\b")
_SUM_SAID = re.compile(r"\d\s*(?:đồng|triệu|tỷ|nghìn|ngàn|USD)|\bđồng\b", re.IGNORECASE)


def _no_sum_given(a: Asked, reply: Reply) -> bool:
    """A sum of money asked, answered by a curated text or sentences that name none."""
    return (_SUM_ASKED.search(a.folded) is not None and str(reply.answer_id or "").startswith(("answer:", "passage:"))
            and not _SUM_SAID.search(" ".join(m.get("text") or "" for m in reply.messages)))


def _without_buttons(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The messages without their buttons: a reply joined to another keeps one set, the last one's."""
    return [{k: v for k, v in m.items() if k != "buttons"} for m in messages]


def _first_text(reply: Reply) -> str:
    return next((m.get("text") or "" for m in reply.messages), "")


# A claim checked against the text answering it, by the kind of answer: a curated text ("nghe bảo … vận hành bị gián
# đoạn, bỏ trống nhiều lĩnh vực hả": it says that did not happen), a document's record when a claim is made ("Kế hoạch
# chuyển đổi số năm 2025 có 50 nhiệm vụ đúng không?": it counts 81; "nhóm thứ 5 nói gì" claims nothing)
_TEXT_CHECKS: tuple[tuple[str, tuple[passages.Verdict, ...], bool], ...] = (
    ("answer:", passages.TEXT_VERDICTS, False),
    ("policy:", (passages.count_verdict,), True),
)


def _verdict_of_the_text(asked: Asked, reply: Reply) -> str | None:
    answered = str(reply.answer_id or "")
    for kind, verdicts, claims_only in _TEXT_CHECKS:
        if answered.startswith(kind) and reply.messages and (not claims_only or asked.yes_no or asked.premise_cue):
            return passages.first_verdict(verdicts, asked, _first_text(reply))
    return None


def answer(kb: KnowledgeBase, q: Query) -> Reply:
    if SWITCHES_TOPIC.search(fold(q.text)):
        q = replace(q, slots={name: None for name in q.slots})
    if q.slots.get("topic") == "project" and (whole := _the_whole_asked(kb, q)) is not None:
        # "tổng mức đầu tư cả dự án đó" after cầu Máy Chai: the project it is a part of
        q = replace(q, slots={**q.slots, "project": whole})
    if (document := _the_document_quoted(kb, q)) is not None:
        q = replace(q, slots={**q.slots, "policy": document, "topic": "policy"})
    asked = understand(kb, q)
    if (there := _project_of_the_place(kb, q)) is not None:
        q = replace(q, entities={**q.entities, "project": [there]})
        asked = replace(asked, projects=(there,), projects_clear=True, project_score=max(asked.project_score, 2))
    reply = decide(kb, asked, q).respond(kb, asked, q)
    if _no_sum_given(asked, reply):
        # "mỗi cán bộ công tác xa được hỗ trợ bao nhiêu tiền một tháng?" after the sentence asking to support them:
        # the text leaned on gives no sum of money
        reply = no_sum_given()
    if (verdict := _verdict_of_the_text(asked, reply)) is not None:
        reply.messages[0]["text"] = f"{verdict}\n{reply.messages[0]['text']}"
    if not q.text.startswith("/") and (wrong := post_misnamed(kb, q.text)) is not None and not re.match(
            r"(?:Không )?đúng", _first_text(reply), re.IGNORECASE):
        reply.messages.insert(0, {"text": wrong})  # "Chủ tịch UBND Lê Tiến Châu phát biểu gì?": the post, first
    if reply.answer_id is not None:
        reply.slots.setdefault("subject", subject_of(asked, reply))
        if ((WHO_ASKED.search(asked.folded) or WHO_SAID.search(asked.folded))
                and len(named := set(PERSON_NAMED.findall(_first_text(reply)))) == 1):
            # "Bí thư Thành ủy hiện nay là ai" → "ông Lê Tiến Châu": "ông ấy …" next is of him
            reply.slots["subject"] = named.pop().lower()  # the slot holds lower-case words
        elif passages.of_a_person(asked) and asked.context and fold(asked.context) in fold(_first_text(reply)):
            reply.slots["subject"] = asked.context  # "ông ấy …" answered by his words: still of him
    if reply.slots.get("topic") == "passage" and asked.projects_clear and asked.project_score >= 2:
        # "cầu Lại Xuân nối với đâu?" is answered by a sentence: the project stays the subject
        reply.slots.update(project=asked.projects[0], topic="project")
    elif reply.slots.get("topic") == "passage" and q.slots.get("topic") == "project" and _quotes_the_last_project(kb, q, reply):
        # "nó nối HP với đâu?" after cầu Lại Xuân: a sentence naming it; "chủ đầu tư là ai?" is still of it
        reply.slots.update(topic="project")
    elif (reply.slots.get("topic") == "passage" and len(asked.indicators) == 1 and len(asked.periods) == 1
          and not passages.asks_number(asked)):  # a number a sentence gave is of the sentence's subject
        # "năm 2024 nông nghiệp tăng trưởng thế nào?" is answered by a sentence; "còn dịch vụ?" is still of 2024
        reply.slots.update(indicator=asked.indicators[0], period=asked.periods[0], topic="indicator")
    if reply.slots.get("topic") == "passage" and WHO_SPOKE.search(asked.folded) and (said := _who_holds(kb, reply)):
        # "… có nói lại mục tiêu cả năm không, ai nói?": the sentence names a post; the list of leaders, who holds it
        reply.messages[0]["text"] += f"\n{said}"
    if (curated := _the_curated_clause(kb, asked, q, reply)) is not None:
        # "chủ đề năm 2025 của tp là j, mục tiêu tăng trưởng grdp năm đó bn": the theme, then the figure
        reply.messages[0]["text"] = f"{curated}\n\n{reply.messages[0]['text']}"
    if (other := _the_other_clause(kb, asked, q, reply)) is not None:
        reply.messages[0]["text"] += f"\nTài liệu ghi: “{other.text}”\nNguồn: {kb.document(other.source).citation}."
    if q.intent == "out_of_scope" and reply.answer_id is None and "topic" in reply.slots and reply.slots["topic"] is None:
        # "cho mình hỏi cách nấu bánh đa cua" midway, not covered: the conversation's subject is still the one before
        del reply.slots["topic"]
    # Context expires: a list offered earlier never answers a later "số 2" or "xem thêm".
    reply.slots.setdefault("options", None)
    reply.slots.setdefault("page_query", None)
    reply.slots.setdefault("page", None)
    return reply
