"""Key investment projects, zones and infrastructure."""

from __future__ import annotations

import re
from collections.abc import Mapping
from itertools import pairwise

from knowledge import About, KnowledgeBase, ProjectInfo, about_of, fold, other_province, strip_diacritics

from . import paging, replies
from .feedback_buttons import feedback_buttons
from .paging import page_reply
from .query import Query, Reply, button, intent_payload
from .understand import ASKS_A_NUMBER, INVESTOR_CLAIMED, VALUE_ASKED, Asked, aspect_in, without_claimed_link

# The key-project list's title and its groups' names come from the knowledge base (`about_of`).
FUNDING_LABELS = {"city_budget": "vốn ngân sách thành phố", "non_budget": "vốn ngoài ngân sách"}
KIND_WORDS = (
    ("khu cong nghiep", "industrial_park"), ("cum cong nghiep", "industrial_park"),
    ("khu kinh te", "economic_zone"), ("cang", "port"), ("giao thong", "transport"),
)
MAX_CHOICES = 5
DOUBTFUL = " (đơn vị ghi trong tài liệu chưa rõ)"  # a doubtful value carries its warning wherever it is shown


def _describe(info: ProjectInfo, ab: About) -> str:
    p = info.project
    lines = [p.name + "."]
    unit = " triệu đồng" if p.kind == "key_project" else ""
    if p.components and not p.value_text and any(c.value_text for c in p.components):
        # no total: the parts' values are the figure asked, on the first line
        parts = "; ".join(f"{c.name}: {c.value_text + unit if c.value_text else 'không ghi giá trị'}"
                          for c in p.components)
        lines = [f"{p.name}: giá trị phê duyệt/dự kiến theo dự án thành phần — {parts}."]
    elif p.value_text and not p.value_unclear:
        # the figure residents ask for most, on the first line
        usd = f" ({p.usd_text})" if p.usd_text else ""
        lines = [f"{p.name}: giá trị phê duyệt/dự kiến {p.value_text}{unit}{usd}."]
    if p.group:
        where = f" ({ab.key_projects_title}, số thứ tự {p.list_no})" if p.list_no else ""
        lines.append(f"Nhóm: {ab.group_label(p.group)}{where}.")
    if p.funding:
        lines.append(f"Nguồn vốn: {FUNDING_LABELS[p.funding]}.")
    if p.value_text and p.value_unclear:
        usd = f" ({p.usd_text})" if p.usd_text else ""
        lines.append(f"Giá trị phê duyệt/dự kiến: {p.value_text}{unit}{usd}.")
        if p.value_unclear and p.resident_note:
            lines.append(f"Lưu ý: {p.resident_note}")
    elif p.usd_text and not p.value_text:
        lines.append(f"Giá trị: {p.usd_text}.")
    if p.value_text:  # parts of a project whose total is on the first line
        for component in p.components:
            lines.append(f"• {component.name}: {component.value_text or 'không ghi giá trị'}"
                         + (unit if component.value_text else ""))
    if p.area_text:
        lines.append(f"Diện tích: {p.area_text}.")
    if p.approvals:
        lines.append("Văn bản phê duyệt: " + "; ".join(p.approvals) + ".")
    if p.status:
        when = replies.vn_date(info.document.date)
        lines.append(f"Tình hình{' (tại ngày ' + when + ')' if when else ''}: {p.status}")
    lines.append(replies.source_line(info.document))
    return "\n".join(lines)


# What a resident asks of a project's record besides its value and schedule ("được chấp thuận theo
# văn bản nào?", "dùng vốn gì?"): the record's own line answers, with its source.
APPROVAL = re.compile(r"\b(?:van ban|quyet dinh|phe duyet|chap thuan|chu truong dau tu|giay chung nhan|gcn|"
                      r"giay phep|can cu phap ly|(?:thay doi|dieu chinh) lan thu)\b")  # "đã thay đổi lần thứ mấy": its certificate
FUNDING = re.compile(r"\b(?:nguon von|von gi|von nao|loai von|ngan sach hay|von cua ai|tien cua ai)\b")
# the value asked in words that are no funding question ("vốn" alone may be either)
_HOW_MUCH = re.compile(r"\b(?:bao nhieu tien|tong muc|tong von|gia tri|kinh phi|chi phi|bao nhieu ty|von bao nhieu|"
                       r"bao nhieu von|tri gia)\b")


def asked_field(folded: str) -> str | None:
    """The field of a project's record a question asks for, if any; the investor first, unless the
    document approving it is asked ("được chấp thuận nhà đầu tư theo quyết định số mấy?")."""
    if _DOCUMENT_NUMBER_ASKED.search(folded) or _BY_WHICH_DOCUMENT.search(folded):
        return "approval"
    if aspect_in(folded) == "investor":
        return "investor"
    return next((field for field, asked in _FIELDS if asked.search(folded)), None)


# "nhà máy đó đặt ở khu công nghiệp nào?", "nó nằm ở đâu": where it is
_PLACE_ASKED = re.compile(r"\b(?:(?:nam|dat|xay|xay dung|o) o dau|o dau vay|dia diem|(?:o|tai|thuoc|trong) (?:khu cong nghiep|kcn|quan|huyen|"
                          r"xa|phuong|khu|cum cong nghiep|ccn) nao)\b")
# a name that says where ("… tại Đình Vũ, quận Hải An", "KCN Tiên Thanh"): the project's own record answers
_PLACE_IN_NAME = re.compile(r"\b(?:tại|ở|huyện|quận|xã|phường|thị xã|thành phố|khu công nghiệp|KCN|cụm công nghiệp|CCN|"
                            r"khu kinh tế|sông|đảo|cảng|sân bay)\b", re.IGNORECASE)
_CAPACITY_ASKED = re.compile(r"\bcong suat\b")  # "công suất bao nhiêu tấn rác một ngày?"
_FIELDS = (("approval", APPROVAL), ("funding", FUNDING), ("place", _PLACE_ASKED), ("capacity", _CAPACITY_ASKED))


def field_line(info: ProjectInfo, field: str) -> str | None:
    """The answer to a field asked, as the record says it; None when the record lacks it."""
    p = info.project
    if field == "approval" and p.approvals:
        return f"Văn bản phê duyệt/chấp thuận của {replies.lower_first(p.name)}: {'; '.join(p.approvals)}."
    if field == "funding" and p.funding:
        return f"{p.name}: {FUNDING_LABELS[p.funding]}."
    if field == "place" and not _PLACE_IN_NAME.search(f"{p.name} {p.area_text or ''}"):
        return f"Các tài liệu không nêu địa điểm của {replies.lower_first(p.name)}."
    if field == "capacity" and "cong suat" not in fold(" ".join((p.name, p.status or "", *p.provenance.quotes))):
        return f"Các tài liệu không nêu công suất của {replies.lower_first(p.name)}."
    return None


def _field_reply(info: ProjectInfo, said: str) -> Reply | None:
    """A field asked alone ("văn bản phê duyệt là gì?"), not with the value or the schedule: that line
    alone, or that the documents do not give it. No document names a project's investor."""
    field = asked_field(said)
    value = _HOW_MUCH if field == "funding" else VALUE_ASKED
    if field is None or value.search(said) or aspect_in(said) == "when":
        return None
    line = _investor_line(info, said) if field == "investor" else field_line(info, field)
    if line is None:
        return None
    reply = Reply().say(f"{line}\n{replies.source_line(info.document)}",
                        [button("Thông tin dự án", intent_payload("ask_project", project=info.project.id)),
                         *feedback_buttons()])
    reply.slots.update(project=info.project.id, topic="project")
    reply.answer_id = f"project:{info.project.id}"
    return reply


# an organisation a sentence of the project's record names as working on it
_ORGANISATION = re.compile(r"\b(?:Tổng công ty|Tập đoàn|Công ty|Cục|Bộ) [A-ZĐ]")


def _investor_line(info: ProjectInfo, said: str) -> str:
    """No document names a project's investor: said so (first, when the question names one), then the
    sentence naming who the city works with on it, if one does ("Tổng công ty Cảng hàng không Việt Nam")."""
    name = replies.lower_first(info.project.name)
    if not set(re.findall(r"\d+", name)) <= set(re.findall(r"\d+", said)):
        name = "dự án này"  # "ai làm chủ đầu tư?" after it: its name's numbers ("bến số 3 và số 4") are no figure to say again
    line = f"Các tài liệu không nêu chủ đầu tư của {name}."
    if INVESTOR_CLAIMED.search(said):
        line = f"Tài liệu không nói như vậy: các tài liệu không nêu chủ đầu tư của {name}."
    partner = next((quote for quote in info.project.provenance.quotes if _ORGANISATION.search(quote)), None)
    return f"{line}\nTài liệu ghi: “{partner}”" if partner else line


def _same_project_in_several_documents(found: list[ProjectInfo], text: str) -> list[ProjectInfo]:
    """Entries that the question names in full (one per document that speaks of it)."""
    folded = f" {fold(text)} "
    named = [f for f in found if any(f" {fold(n)} " in folded for n in (f.project.name, *f.project.aliases))]
    return named if len({f.document.id for f in named}) == len(named) > 1 else []


def _choices(found: list[ProjectInfo]) -> Reply:
    payloads = [intent_payload("ask_project", project=f.project.id) for f in found[:MAX_CHOICES]]
    reply = Reply().say(
        "Có mấy dự án khớp với câu hỏi. Bạn muốn hỏi dự án nào?",
        [button(replies.short(f"{n}. {f.project.name}"), payload) for n, (f, payload) in enumerate(zip(found, payloads, strict=False), 1)],
    )
    reply.slots.update(topic="project", options=payloads)
    return reply


ANAPHORA = re.compile(r"\b(?:du an|cong trinh|cai|no|khu)\s+(?:do|nay|ay|kia)\b|^\s*(?:no|the no)\b")


def answer_project(kb: KnowledgeBase, q: Query, a: Asked | None = None) -> Reply:
    if a is not None:
        return _answer_asked(kb, q, a)
    named = [p for p in (kb.project(i) for i in q.all("project")) if p is not None]
    if not named and q.slots.get("project") and ANAPHORA.search(fold(q.text)):
        named = [p for p in [kb.project(q.slots["project"])] if p is not None]  # "dự án đó bao nhiêu tiền"
    candidates = [] if q.text.startswith("/") else kb.find_projects(q.text, limit=8)
    known = {p.project.id for p in candidates}
    if several := _same_project_in_several_documents(candidates + [p for p in named if p.project.id not in known],
                                                     q.text):
        return _several(kb, several)
    found = named if len(named) == 1 else (candidates[:5] or named)
    if not found and q.slots.get("project"):
        previous = kb.project(q.slots["project"])
        found = [previous] if previous else []
    if not found:
        return _not_recognised(kb)
    if len(found) > 1 and not _clear_winner(found, q.text):
        return _choices(found)
    return _one(kb, found[0], q.text, [])


def _several(kb: KnowledgeBase, several: list[ProjectInfo], folded: str = "", a: Asked | None = None) -> Reply:
    # one zone, several documents at several dates: all of them, each with its source; the one
    # that gives the figure asked ("rộng bao nhiêu ha") first, with that figure on the first line
    lines = [(_asked_figure_line(info, folded), info) for info in several]
    value_asked = VALUE_ASKED.search(folded) is not None

    def gives_value(info: ProjectInfo) -> bool:
        return bool(info.project.value_text or any(c.value_text for c in info.project.components))
    # a stated area before a status clause; for "bao nhiêu tiền", the document that gives the value
    lines.sort(key=lambda pair: (pair[0] is None, value_asked and not gives_value(pair[1]), not pair[1].project.area_text))
    several = [info for _, info in lines]
    head = [lines[0][0]] if lines[0][0] else []
    missing = None
    if not head and not any(info.project.area_text for info in several):
        missing = _area_notice(several[0], folded)
    if not head and missing is None and not any(gives_value(info) or info.project.usd_text for info in several):
        missing = _value_notice(several[0], folded)
    if missing is not None:
        # "rộng bao nhiêu ha?", "tổng vốn bao nhiêu?" and no document gives it: said, with the name and
        # where it is spoken of
        sources = "\n".join(dict.fromkeys(replies.source_line(info.document) for info in several))
        reply = Reply().say(f"{missing}\n{several[0].project.name}.\n{sources}",
                            [button("Thông tin dự án", intent_payload("ask_project", project=several[0].project.id))])
        reply.slots.update(project=several[0].project.id, topic="project")
        return reply
    ab = about_of(kb)
    claim = None
    if a is not None:  # the key-project row may be any of them ("khánh thành năm 2024 rồi đúng không?": its group)
        places = _places(kb, a)  # once for every record
        claim = (next((c for info in several if (c := _claim_line(info, a, ab, places))), None)
                 or _number_claim(several, a) or _not_yet_claim(several, a))
    reply = Reply().say("\n\n".join(([claim] if claim else []) + head + [_describe(info, ab) for info in several]),
                        feedback_buttons())
    reply.slots.update(project=several[0].project.id, topic="project")
    reply.answer_id = "project:" + ",".join(info.project.id for info in several)
    return reply


def answer_records(kb: KnowledgeBase, ids: list[str], a: Asked) -> Reply:
    """The records of one project that several documents speak of, all shown again: "đã được thành lập
    chưa?" after them is answered by each document at its date, the later one saying it was."""
    return _several(kb, [info for info in (kb.project(i) for i in ids) if info is not None], a.folded, a)


def _not_recognised(kb: KnowledgeBase) -> Reply:
    return Reply().say(
        "Tôi chưa nhận ra dự án bạn hỏi. Bạn gõ giúp tên dự án (ví dụ: cầu Nguyễn Trãi, nhà ga T2 Cát Bi, "
        "bến 3 và 4 Lạch Huyện) hoặc xem danh sách dự án trọng điểm.",
        [button(f"Dự án trọng điểm {about_of(kb).plan_year}", intent_payload("list_projects"))],
    )


def _in_group(ab: About, group: str) -> str:
    """"dự án này thuộc nhóm khởi công năm 2025", "dự án này đang triển khai, chuyển tiếp …"."""
    label = ab.group_label(group)
    if fold(label).startswith("du an dang "):
        return "dự án này " + label[len("dự án "):]
    return "dự án này thuộc nhóm " + label[len("dự án "):] if label.startswith("dự án ") else f"dự án này thuộc nhóm {label}"


def _when_notice(info: ProjectInfo, text: str, ab: About) -> str | None:
    if aspect_in(fold(text)) != "when":
        return None
    if info.project.group:
        return f"Theo {ab.key_projects_title[:1].lower()}{ab.key_projects_title[1:]}, {_in_group(ab, info.project.group)}."
    if not info.project.status:
        return "Các tài liệu không nêu thời gian hoàn thành của dự án này. Thông tin tài liệu có:"
    if not _A_TIME.search(info.project.status) and not ASKS_A_NUMBER.search(fold(text)):  # "xây xong bn căn": a count
        # "bao giờ xong?" of a plant whose record says where its procedures stand, and no date
        return "Các tài liệu không nêu thời gian hoàn thành của dự án này; tình hình tài liệu ghi:"
    return None


# a completion with its time ("thông xe ngày 17/7/2024", "dự kiến hoàn thành trong quý II/2025"); a task's year
# ("Nhiệm vụ năm 2025: hoàn thành lập hồ sơ …") is no completion time
_A_TIME = re.compile(r"\b(?:hoàn thành|khánh thành|thông xe|đưa vào (?:sử dụng|khai thác|vận hành)|đi vào hoạt động)\b"
                     r"[^;.:]*?(?:\b(?:19|20)\d\d\b|\b(?:quý|tháng)\s+(?:I|II|III|IV|\d))", re.IGNORECASE)


# "đã khởi công chưa?", "khánh thành chưa", "xong chưa": a yes/no question about the project's stage
_STARTED = re.compile(r"\bkhoi cong\b.*\b(?:chua|roi|khong|ko)\b")
_FINISHED = re.compile(r"\b(?:khanh thanh?|hoan thanh|xong|dua vao su dung|dua vao khai thac|di vao hoat dong|"
                       r"van hanh)\b.*\b(?:chua|roi|khong|ko)\b")
_BUILDING = re.compile(r"\b(?:thi cong|dang xay dung|tien do xay dung)\b")
# a record still at its procedures, and one that speaks of building or of being done
_NOT_YET_BUILT = re.compile(r"\b(?:thu tuc dau tu|tham dinh|chu truong dau tu|lap ho so|lap quy hoach|de xuat)\b")
_BUILDING_OR_DONE = re.compile(r"\b(?:khoi cong|thi cong|dang xay dung|hoan thanh(?! (?:lap|thu tuc|ho so))|thong xe|"
                               r"khanh thanh|van hanh)\b")
# "đang được xây dựng rồi phải không?": building taken for granted
_BUILDING_CLAIMED = re.compile(r"\b(?:dang (?:duoc )?(?:xay dung|thi cong)|da (?:duoc )?(?:xay dung|thi cong))\b"
                               r".*\b(?:roi|phai khong|dung khong|phai ko|dung ko|a|ha|chua)\s*$")


def _stage_line(info: ProjectInfo, folded: str, ab: About) -> str | None:
    """"Nhà ga T2 đã khởi công chưa?": "Có, …"/"Chưa, …" first, from the group the key-project list
    puts it in at the list's date, with the list's header row quoted; nothing said of later."""
    p = info.project
    asked = "finished" if _FINISHED.search(folded) else "started" if (
        _STARTED.search(folded) or _BUILDING_CLAIMED.search(folded)) else None
    header = next((g.quote for g in ab.groups if g.code == p.group), None)
    if asked is not None and p.group is None and _NOT_YET_BUILT.search(fold(p.status or "")) \
            and not _BUILDING_OR_DONE.search(fold(p.status or "")):
        # "các bến 9, 10, 11, 12 khởi công rồi hả?": a record at its procedures, none of building
        when = replies.vn_date(info.document.date)
        at = f"tính đến ngày {when} (ngày của tài liệu)" if when else "theo tài liệu"
        return (f"Chưa, {at}: dự án đang ở bước thủ tục; tài liệu không nói đến việc khởi công. Các tài liệu không "
                f"nói về tình hình sau ngày đó.")
    if asked is None or header is None or p.group is None:
        return None
    # where the list puts it at the list's date: a group "khởi công" has not started; none has finished
    yes = asked == "started" and "khoi cong" not in fold(header)
    when = replies.vn_date(info.document.date)
    at = f"tính đến ngày {when} (ngày của tài liệu)" if when else "theo tài liệu"
    title = ab.key_projects_title[:1].lower() + ab.key_projects_title[1:]
    listed = f"theo {title}, {_in_group(ab, p.group)} (danh mục ghi: “{header}”)"
    if asked == "started" and not yes and _BUILDING.search(fold(p.status or "")):
        # the list says "to start in 2025" while the narrative speaks of building: no plain "Chưa"
        return f"Các tài liệu không nói rõ: {listed}, nhưng phần tình hình dưới đây nói đến việc xây dựng."
    done_in = _DONE_IN_YEAR.search(folded) if asked == "finished" else None
    if done_in is not None and (claimed := f"completion_{done_in.group(1)}") != p.group and any(
            g.code == claimed for g in ab.groups):
        # "Cầu Nguyễn Trãi khánh thành trong năm 2025 đúng không?": the list has a group for that and not it in it
        return (f"Tài liệu không cho thấy điều đó: {listed}; dự án không có trong nhóm dự án khánh thành năm "
                f"{done_in.group(1)}. Các tài liệu không nói về tình hình sau ngày {when or 'của tài liệu'}.")
    return (f"{'Có' if yes else 'Chưa'}, {at}: {listed}. Các tài liệu không nói về tình hình sau ngày đó.")


# a year of completion claimed: "khánh thành trong năm 2025 đúng không"
_DONE_IN_YEAR = re.compile(r"\b(?:khanh thanh?|hoan thanh|xong)\b(?: \w+){0,2} (?:nam )?(20\d\d)\b.*\b(?:dung|phai|ha|a)\b")


_EXCLUSIVE_GROUPS = frozenset({"completion_2025", "groundbreaking_2025"})  # begun in 2025 is not done in 2025, nor back


def _claim_line(info: ProjectInfo, a: Asked | None, ab: About, places: Mapping[str, str] | None = None) -> str | None:
    """"LG Innotek dùng vốn ngân sách phải không?": yes or no first, from the project's own row."""
    if a is None:
        return None
    claimed_group = next(iter(a.entities.get("project_group", [])), None)
    group_year = re.search(r"20\d\d", claimed_group or "")
    # the group's own year named with it, and the project's group one that rules it out (a project carried on from 2024
    # may still be done in 2025: its stage is said instead)
    if ((a.premise_cue or a.yes_no) and claimed_group in _EXCLUSIVE_GROUPS and info.project.group in _EXCLUSIVE_GROUPS
            and claimed_group != info.project.group and group_year is not None and group_year.group() in a.folded):
        # "nó khánh thành năm 2025 r đúng ko" of a project the list puts to start in 2025: the list says otherwise
        return f"Không đúng: theo danh mục, dự án thuộc nhóm {ab.group_label(info.project.group)}."
    if (stage := _stage_line(info, a.folded, ab)) is not None:
        return stage
    if (place := _place_claim(info, a, places)) is not None:
        return place
    if not (a.premise_cue or a.yes_no):
        return None
    if places and (located := _located_claim(info, a, places)) is not None:
        return located
    p = info.project
    funding = next(iter(a.entities.get("funding", [])), None) or funding_claimed(a.folded)
    if funding and p.funding:
        said = FUNDING_LABELS[p.funding]
        return f"Đúng, dự án dùng {said}." if funding == p.funding else f"Không đúng: theo danh mục, dự án dùng {said}."
    if claimed_group and p.group:
        said = ab.group_label(p.group)
        return (f"Đúng, dự án thuộc nhóm {said}." if claimed_group == p.group
                else f"Không đúng: theo danh mục, dự án thuộc nhóm {said}.")
    return _year_claim(info, a) or _number_claim([info], a) or _not_yet_claim([info], a)


def _town_claim(info: ProjectInfo, a: Asked, places: Mapping[str, str]) -> str | None:
    """"Cầu Bến Rừng nối Thủy Nguyên với Đông Triều đúng không?": a town the documents name for another
    project, not for this one, said to be linked; what this one links, as the documents say, first."""
    named = " ".join((info.project.name, *info.project.aliases, info.project.status or ""))
    link = _LINKS.search(info.project.name) or _LINKS.search(info.project.status or "")
    if link is None or not (a.yes_no or a.premise_cue) or not re.search(r"\bnoi\b", a.folded):
        return None
    claimed = [written for place, written in places.items()
               if f" {place} " in f" {a.folded} " and place not in fold(named)]
    if not claimed:
        return None
    return f"Không đúng: theo tài liệu, dự án {link.group(0).rstrip('.;, ')}, không phải {claimed[0]}."


def _place_claim(info: ProjectInfo, a: Asked, places: Mapping[str, str] | None = None) -> str | None:
    """"Cầu Bến Rừng nối Hải Phòng với Thái Bình …": a project that links to another province, said
    to link to a third one, cue or none; its name, which says where it runs, is the correction."""
    claimed = other_province(a.text) or other_province(a.folded)
    if claimed is None and places and (town := _town_claim(info, a, places)) is not None:
        return town
    named = " ".join((info.project.name, *info.project.aliases))
    own = other_province(named)
    if claimed is not None and own is not None and fold(claimed) not in fold(named):
        return f"Không đúng: theo tài liệu, đây là {replies.lower_first(info.project.name)}, không phải {claimed}."
    # the province it links to is said in its status, not its name: "cầu Lại Xuân nối HP với Thái Bình?"
    link = _LINKS.search(info.project.status or "")
    if claimed is None or own is not None or link is None or fold(claimed) in fold(f"{named} {info.project.status}"):
        return None
    return f"Không đúng: theo tài liệu, dự án {link.group(0).rstrip('.;')}, không phải {claimed}."


def _places(kb: KnowledgeBase, a: Asked | None) -> Mapping[str, str]:
    """The places projects' words name, and an old district the question names ("… nằm ở huyện Cẩm Giàng phải
    không": a district of the former Hải Dương no project's words name), folded → as written."""
    named = {}
    for district in a.entities.get("old_district", []) if a is not None else ():
        if (found := kb.district_answer(district)) is not None:
            written = re.sub(r"^(?:Huyện|Quận|Thị xã|Thành phố)\s+", "", found.district)
            named[fold(written)] = written
    return {**kb.project_places(), **named}


_LINKS = re.compile(r"(?:kết nối|nối)\s[^.;]*")
_LOCATED = r"\b(?:o|tai|nam o|xay o|xay dung o|dat o|thuoc)\s+(?:huyen |quan |tp |thanh pho |thi xa |dao )?"


def _located_claim(info: ProjectInfo, a: Asked, places: Mapping[str, str]) -> str | None:
    """"Nhà máy đốt rác phát điện xây ở Tiên Lãng à?": a place the project is said to be in, where its own
    words name another place of the city; where they name it, as the correction."""
    said = fold(" ".join((info.project.name, *info.project.aliases, info.project.status or "")))
    if not any(f" {place} " in f" {said} " for place in places):
        return None  # its words name no place: nothing to set against the claim
    claimed = [written for place, written in places.items()
               if re.search(_LOCATED + re.escape(place) + r"\b", a.folded) and place not in said]
    if not claimed:
        return None
    return f"Không đúng: theo tài liệu, đây là {replies.lower_first(info.project.name)}, không phải ở {claimed[0]}."


def _numbers(text: str) -> set[str]:
    return {n.rstrip(".,") for n in re.findall(r"\d[\d.,]*", text)}


def _number_claim(infos: list[ProjectInfo], a: Asked) -> str | None:
    """"KCN Tràng Duệ 3 chỉ rộng có 200 ha đúng không?": a figure stated is checked against the
    project's own figures (in every document naming it); the numbers of its name ("Tràng Duệ 3",
    "bến 5, 6") are no claim."""
    if not (a.premise_cue or a.yes_no):
        return None
    own_name = {n for i in infos for name in (i.project.name, *i.project.aliases) for n in _numbers(fold(name))}
    claimed = [n for n in a.claimed_numbers if n not in own_name]
    if not claimed:
        return None
    stated = _numbers(" ".join(t for i in infos for t in (i.project.area_text, i.project.value_text, i.project.status)
                               if t))
    if not stated:
        return None
    grouped = {n.replace(".", "") for n in stated}  # "20000 ha" is the "20.000 ha" written
    if all(n in stated or n.replace(".", ",") in stated or n.replace(".", "") in grouped for n in claimed):
        return "Đúng như tài liệu ghi."
    return "Không đúng như vậy: tài liệu không ghi con số đó cho dự án này; tài liệu ghi như sau."


_NOT_YET = re.compile(r"\bchua\s+(?:\w+\s+)?(?:thong xe|xong|hoan thanh|khanh thanh|dua vao su dung|"
                      r"di vao hoat dong|hoat dong|van hanh)\b")
_DONE = re.compile(r"\bda (?:hoan thanh|thong xe|khanh thanh|dua vao su dung|dua vao khai thac|di vao hoat dong)\b")


def claims_not_done(folded: str) -> bool:
    return _NOT_YET.search(folded) is not None


def _not_yet_claim(infos: list[ProjectInfo], a: Asked) -> str | None:
    """"Cầu Bến Rừng vẫn chưa thông xe à?": the project's status says it is done, in its own words."""
    if not claims_not_done(a.folded):
        return None
    for info in infos:
        status = info.project.status or ""
        if _DONE.search(fold(status)):
            said = re.split(r";|\.\s", status)[0].strip().rstrip(".")
            return f"Không đúng: theo tài liệu, dự án {said[:1].lower()}{said[1:]}."
    return None


def _year_claim(info: ProjectInfo, a: Asked) -> str | None:
    """"Cầu Bến Rừng thông xe từ năm 2023 phải không?": the year its status gives it was done, said first."""
    if not (a.premise_cue or a.yes_no):
        return None
    own = set(re.findall(r"20\d\d", " ".join((info.project.name, *info.project.aliases))))
    claimed = set(re.findall(r"\b(20\d\d)\b", a.folded)) - own
    status = info.project.status or ""
    done = _DONE_ON.search(strip_diacritics(status).lower())  # the date's slashes kept
    if not claimed or done is None:
        return None
    said = re.split(r";|\.\s", status)[0].strip().rstrip(".")
    if done.group(3) in claimed and _same_day(done, strip_diacritics(a.text).lower()):
        return f"Đúng: theo tài liệu, dự án {said[:1].lower()}{said[1:]}."
    return f"Không đúng: theo tài liệu, dự án {said[:1].lower()}{said[1:]}."


def _same_day(done: re.Match[str], text: str) -> bool:
    """"thông xe tháng 12/2024 đúng ko" of a bridge opened 17/7/2024: the month and day claimed, where given, are
    the date's too, not only its year."""
    day, month, year = (int(n) for n in done.groups())
    for claim in _CLAIMED_DATE.finditer(text):  # the date's slashes kept
        claimed_year = int(claim.group("year"))
        claimed_month = int(claim.group("month") or claim.group("month_word"))
        if claimed_year == year and (claimed_month != month or (claim.group("day") and int(claim.group("day")) != day)):
            return False
    return True


# "đã hoàn thành, thông xe ngày 17/7/2024": done, and the date it was
_DONE_ON = re.compile(r"\b(?:hoan thanh|thong xe|khanh thanh|dua vao su dung|dua vao khai thac|di vao hoat dong)"
                      r"[^;.]*?\b(\d{1,2})/(\d{1,2})/(20\d\d)\b")
# "17/7/2024", "7/2024", "tháng 7/2024", "tháng 7 năm 2024"
_CLAIMED_DATE = re.compile(r"\b(?:(?:(?P<day>\d{1,2})/)?(?P<month>\d{1,2})/|thang (?P<month_word>\d{1,2}) nam )"
                           r"(?P<year>20\d\d)\b")


def funding_claimed(folded: str) -> str | None:
    """The funding a question states, when a longer name took the words ("vốn ngân sách thành phố")."""
    if re.search(r"\b(?:ngoai ngan sach|von tu nhan|tu nhan|von doanh nghiep|doanh nghiep bo von|von nuoc ngoai|"
                 r"nha dau tu bo von|xa hoi hoa)\b", folded):
        return "non_budget"
    if re.search(r"\b(?:trung uong bo von|ngan sach trung uong|von trung uong|von nha nuoc trung uong)\b", folded):
        return "central_budget"  # a source no key project of the list has
    if re.search(r"\b(?:von ngan sach|tien ngan sach|dung ngan sach|bang ngan sach|ngan sach thanh pho|ngan sach nha nuoc|"
                 r"von nha nuoc|dau tu cong)\b", folded):
        return "city_budget"
    return None


# ("dự án LG Innotek mở rộng bn tiền": the extension's cost, no area)
AREA = re.compile(r"\b(?:dien tich|(?<!mo )rong (?:khoang |tam )?(?:bao nhieu|may)(?! tien| ty| von)|"
                  r"(?:bao nhieu|may) (?:ha|hec ta|hecta)|quy mo)\b")


def _area_notice(info: ProjectInfo, text: str) -> str | None:
    if AREA.search(fold(text)) and not info.project.area_text:
        return "Các tài liệu không nêu diện tích của dự án này."
    return None


def _count_notice(info: ProjectInfo, text: str) -> str | None:
    """"Có bao nhiêu công nhân?": a count in a unit none of the project's figures is in, said to be missing."""
    # "nhà máy" counts nothing; nor does "cầu Máy Chai", a name
    own = fold(" ".join((info.project.name, *info.project.aliases)))
    units = [m.group(1) for m in _COUNTED.finditer(text) if not text[:m.start()].endswith("nha ")
             and f"may {m.group(1)}" not in own]
    if (not units or AREA.search(text) or VALUE_ASKED.search(text) or units[0] in _NOT_A_UNIT
            or _asked_figure_line(info, text) is not None):
        return None
    return "Các tài liệu không nêu con số này cho dự án."


# "mấy phần", "bao nhiêu năm", "bao nhiêu vậy", "bao nhiêu usd": no count of the project's own
_NOT_A_UNIT = frozenset("phan nam thang ngay lan du nhom giai dot vay v z a ah ha nhi the roi r nua usd do ty trieu "
                        "tien dong bay moc".split())  # "máy bay", "máy móc" fold to "may …"


_BY_WHICH_DOCUMENT = re.compile(r"\b(?:theo|bang|tai|qua) (?:quyet dinh|nghi quyet|van ban|giay chung nhan)(?: so)? (?:nao|may|gi)\b"
                                r"|\bquyet nghi\b")
_DOCUMENT_NUMBER_ASKED = re.compile(r"\b(?:quyet dinh|nghi quyet|van ban|giay chung nhan)\b.*\bso (?:bao nhieu|may|gi)\b")


# "giá một căn ở Vũ Yên bao nhiêu", "giá vé cáp treo": what a resident pays, which no record of ours gives
_PRICE_ASKED = re.compile(r"\bgia (?:ban|thue|ve|nha|can ho|phong|dat|dich vu|(?:mot|1|moi|tung) (?:can|m2|met|can ho|ve|luot))\b"
                          r"|\b(?:bao nhieu tien|may tien|bn tien) (?:mot|1|moi) (?:can|m2|ve|luot)\b")


def _price_notice(info: ProjectInfo, text: str) -> str | None:
    if _PRICE_ASKED.search(text):
        return "Các tài liệu không nêu giá bán, giá thuê hay giá vé của dự án này."
    return None


def _value_notice(info: ProjectInfo, text: str) -> str | None:
    """"Tổng mức đầu tư bao nhiêu?" of a project whose documents give no value: said, not its status instead."""
    p = info.project
    if _DOCUMENT_NUMBER_ASKED.search(text):
        return None  # "quyết định phân bổ kinh phí … số bao nhiêu": a document's number, not the value
    if (_HOW_MUCH.search(text) or re.search(r"\bvon\b", text)) and not FUNDING.search(text) and not (
            p.value_text or p.usd_text or any(c.value_text for c in p.components)):
        return "Các tài liệu không nêu giá trị (tổng mức đầu tư) của dự án này."
    return None


# "bao nhiêu căn", "mấy ha": the unit a figure is asked in (not money: the value line answers that)
# "mấy bến 9, 10", "mấy bến đó": those berths, no count asked
_COUNTED = re.compile(r"\b(?:bao nhieu|may|khoang bao nhieu)\s+(?!tien|ty|trieu|dong|von|phan tram\b)(\w+)\b"
                      r"(?!\s+\d|\s+(?:do|nay|ay|day|kia)\b)")


def _asked_figure_line(info: ProjectInfo, folded: str) -> str | None:
    """The figure asked, as the first line: the area for "rộng bao nhiêu ha", or the clause of the
    project's status that counts in the unit asked ("tổng quy mô khoảng 36.600 căn")."""
    p = info.project
    if AREA.search(folded) and p.area_text:
        return f"{p.name}: diện tích {p.area_text}."
    unit = _COUNTED.search(folded)
    if unit is None or not p.status:
        return None
    for clause in re.split(r"(?<=[;:.])\s+|,\s+(?=[^\d])", p.status):
        if re.search(rf"\d[\d.,]*\s+(?:\w+\s+)?{re.escape(unit.group(1))}\b", fold(clause)):
            return f"{p.name}: {clause.strip().rstrip(';:.,')}."
    return None


_PART = re.compile(r"\b(?:du an )?thanh phan (?:so )?(\d)\b")


_PART_GENERIC = frozenset("du an thanh phan xay dung cong trinh va cua cho".split())
_PART_ABBREVIATIONS = {"gpmb": "giai phong mat bang", "tdc": "tai dinh cu"}


def component_named(info: ProjectInfo, said: str) -> int | None:
    """The part of a project the question names: by number ("dự án thành phần 1") or by two words of
    its own name ("phần bồi thường, giải phóng mặt bằng" is "Thu hồi đất, bồi thường, hỗ trợ GPMB")."""
    parts = info.project.components
    if (asked := _PART.search(said)) is not None:
        return int(asked.group(1)) - 1 if 0 < int(asked.group(1)) <= len(parts) else None
    words = set(said.split())
    pairs = set(pairwise(said.split()))
    overlaps = []
    for part in parts:
        name = " ".join(_PART_ABBREVIATIONS.get(w, w) for w in fold(part.name).split())
        # two words of its name in a row, too: "hội … bằng" of "quyết nghị lần đầu bằng" names no "thu hồi … mặt bằng"
        shared = len((set(name.split()) - _PART_GENERIC) & words)
        own_pairs = {pair for pair in pairwise(name.split()) if not set(pair) & _PART_GENERIC}
        overlaps.append(shared if pairs & own_pairs else 0)
    best = max(overlaps, default=0)
    return overlaps.index(best) if best >= 2 and overlaps.count(best) == 1 else None


def _component_asked(info: ProjectInfo, said: str) -> Reply | None:
    """"Cầu Nguyễn Trãi dự án thành phần 1 bao nhiêu tiền": that part's value alone, with its source."""
    index = component_named(info, said)
    if index is None:
        return None
    part = info.project.components[index]
    unit = " triệu đồng" if info.project.kind == "key_project" and part.value_text else ""
    value = f"giá trị phê duyệt/dự kiến {part.value_text}{unit}" if part.value_text else "tài liệu không ghi giá trị"
    reply = Reply().say(f"{part.name} ({info.project.name}): {value}.\n{replies.source_line(info.document)}",
                        [button("Thông tin dự án", intent_payload("ask_project", project=info.project.id)),
                         *feedback_buttons()])
    reply.slots.update(project=info.project.id, topic="project")
    reply.answer_id = f"project:{info.project.id}"
    return reply


def _one(kb: KnowledgeBase, info: ProjectInfo, text: str, others: list[ProjectInfo], a: Asked | None = None) -> Reply:
    ab = about_of(kb)
    said = a.folded if a else text  # typos corrected: "rộng bao nhiu ha" asks the area
    if (part := _component_asked(info, said)) is not None:
        return part
    if (missing := _price_notice(info, said) or _area_notice(info, said) or _value_notice(info, said)
            or _count_notice(info, said)) is not None:
        reply = Reply().say(f"{missing}\n{info.project.name}.\n{replies.source_line(info.document)}",
                            [button("Thông tin dự án", intent_payload("ask_project", project=info.project.id))])
        reply.slots.update(project=info.project.id, topic="project")
        return reply
    claim = _claim_line(info, a, ab, _places(kb, a))
    if claim is None and (field := _field_reply(info, said)) is not None:
        return field
    notice = (claim or _when_notice(info, said, ab)
              or _asked_figure_line(info, a.folded if a else fold(text)))
    buttons = [button(replies.short(o.project.name),
                      intent_payload("ask_project", project=o.project.id)) for o in others[:3]]
    reply = Reply().say("\n".join(part for part in (notice, _describe(info, ab)) if part), buttons + feedback_buttons())
    if buttons:
        reply.slots["options"] = [intent_payload("ask_project", project=o.project.id) for o in others[:3]]
    reply.slots.update(project=info.project.id, topic="project")
    reply.answer_id = f"project:{info.project.id}"
    return reply


def _answer_asked(kb: KnowledgeBase, q: Query, a: Asked) -> Reply:
    found = [p for p in (kb.project(i) for i in a.projects) if p is not None]
    if not found:
        return _not_recognised(kb)
    several = _same_project_in_several_documents(found, f"{q.text} | {a.folded}")  # as typed or as corrected
    if several and found[0] in several:  # "bến 5, bến 6 Lạch Huyện" is the berths, not the port named in it
        return _several(kb, several, a.folded, a)
    if AREA.search(a.folded) and not found[0].project.area_text:
        # the same project in another document that gives its area ("KCN Tràng Duệ 3": 000 and 002)
        same = [f for f in found[1:] if fold(f.project.name) == fold(found[0].project.name) and f.project.area_text]
        if same:
            found = [same[0]] + [f for f in found if f is not same[0]]
    if both := _two_named(kb, a):
        return _both(kb, [_the_record_asked(kb, info, a.folded) for info in both], _place_claim(both[0], a), a.folded)
    if a.projects_clear or len(found) == 1:
        return _one(kb, found[0], q.text, found[1:], a)
    if (numbered := _named_by_its_numbers(found, a.folded)) is not None:
        return _one(kb, numbered, q.text, [f for f in found if f is not numbered], a)
    return _choices(found)


def _named_by_its_numbers(found: list[ProjectInfo], folded: str) -> ProjectInfo | None:
    """"bến số 3 với 4 cảng Lạch Hiện": the one candidate whose name has every number the question writes."""
    numbers = set(re.findall(r"\b\d{1,3}\b", folded))
    if not numbers:
        return None
    having = [f for f in found if numbers <= set(re.findall(r"\d+", fold(f.project.name)))]
    return having[0] if len(having) == 1 else None


_AND = re.compile(r",|\b(?:và|va|với|voi|vs|cùng|cung)\b", re.IGNORECASE)
BOTH_RATIO = 0.85  # the second named nearly as fully as the first


def _two_named(kb: KnowledgeBase, a: Asked) -> list[ProjectInfo]:
    """"Bến 3, 4 và bến 5, 6 mỗi cái vốn bao nhiêu?": two projects each named by a whole name
    or alias, joined by "và" or a comma; one project in two documents counts once."""
    if not _AND.search(a.text):
        return []
    named: list[tuple[ProjectInfo, float]] = []
    # the places a yes/no question claims a project links name no second project ("cầu Lại Xuân nối … Quảng Yên?")
    for key, score in kb.project_scores(without_claimed_link(a.folded), limit=8):
        info = kb.project(key)
        if score < 2 or info is None:
            continue
        if all(_same_name(info) != _same_name(other) and not _inside(info, other, a.folded) for other, _ in named):
            named.append((info, score))
    if len(named) < 2 or named[1][1] < BOTH_RATIO * named[0][1]:
        return []
    return [info for info, _ in named[:2]]


def _inside(info: ProjectInfo, other: ProjectInfo, folded: str) -> bool:
    """Every name of `info` the question says is part of `other`'s name: "nhà ở xã hội" in "nhà ở xã
    hội … Tràng Cát" names one project, not the family too."""
    said = [n.removeprefix("du an ") for n in (fold(x) for x in (info.project.name, *info.project.aliases))
            if f" {n} " in f" {folded} "]
    theirs = [fold(x) for x in (other.project.name, *other.project.aliases)]
    return bool(said) and all(any(n in t for t in theirs) for n in said)


def _same_name(info: ProjectInfo) -> str:
    """"Cầu Tân Vũ – Lạch Huyện 2" and "Cầu Tân Vũ-Lạch Huyện số 2" are one bridge."""
    return " ".join(word for word in fold(info.project.name).split() if word != "so")


def _the_record_asked(kb: KnowledgeBase, info: ProjectInfo, folded: str) -> ProjectInfo:
    """Of one project that several documents speak of, the record giving the area asked ("KCN Nam Tràng Cát và
    Tràng Duệ 3 mỗi khu rộng bao nhiêu ha": the report's records, not the article's)."""
    if not AREA.search(folded) or info.project.area_text:
        return info
    same = [f for f in kb.find_projects(info.project.name, limit=8)
            if _same_name(f) == _same_name(info) and f.project.area_text]
    return same[0] if same else info


def _both(kb: KnowledgeBase, both: list[ProjectInfo], claim: str | None = None, folded: str = "") -> Reply:
    ab = about_of(kb)
    # the figure asked of each, first ("KCN Nam Tràng Cát: diện tích 200,3 ha.")
    head = [line for info in both if (line := _asked_figure_line(info, folded))]
    reply = Reply().say("\n".join(([claim] if claim else []) + head) + ("\n\n" if claim or head else "")
                        + "\n\n".join(_describe(info, ab) for info in both), feedback_buttons())
    reply.slots.update(project=both[-1].project.id, topic="project")
    reply.answer_id = "project:" + ",".join(info.project.id for info in both)
    return reply


def _clear_winner(found: list[ProjectInfo], text: str) -> bool:
    """The first match names the question exactly (an alias in full) and no other does."""
    folded = f" {fold(text)} "
    def exact(info: ProjectInfo) -> bool:
        return any(f" {fold(n)} " in folded for n in (info.project.name, *info.project.aliases))
    return exact(found[0]) and not any(exact(other) for other in found[1:])


def project_filters(q: Query) -> tuple[str | None, str | None, str | None]:
    """(group, funding, kind) a list question asks for; the key-project list when it names none."""
    group, funding = q.first("project_group"), q.first("funding")
    folded = fold(q.text)
    kind = next((k for word, k in KIND_WORDS if word in folded), None) if not (group or funding) else None
    return group, funding, kind or ("key_project" if not (group or funding) else None)


# "những cây cầu nào", "cầu nào vốn lớn nhất": the projects of a list that are of that thing, by their names
_THINGS = {"cau": re.compile(r"\bcầu\b(?<!toàn cầu)", re.IGNORECASE), "ben": re.compile(r"\bbến\b", re.IGNORECASE),
           "nha may": re.compile(r"\bnhà máy\b", re.IGNORECASE)}
_THING_ASKED = re.compile(rf"\b(?:cay|nhung|cac|may|bao nhieu) ({'|'.join(_THINGS)})\b|\b({'|'.join(_THINGS)}) nao\b")


def of_the_thing_asked(folded: str, projects: list[ProjectInfo]) -> list[ProjectInfo]:
    """The projects whose name says the thing the question asks for, if it asks for one and any is;
    else all of them."""
    thing = _thing(folded)
    if thing is None:
        return projects
    return [p for p in projects if _THINGS[thing].search(p.project.name)] or projects


def _thing(folded: str) -> str | None:
    asked = _THING_ASKED.search(folded)
    return None if asked is None else asked.group(1) or asked.group(2)


_THING_WORDS = {"cau": "cầu", "ben": "bến", "nha may": "nhà máy"}
# Words of a list question that say no place or kind of project ("danh mục dự án trọng điểm năm 2025 ở …")
_LIST_WORDS = frozenset("du an dau tu xay dung trong diem danh muc nam cac nhung co nao khong o tai cua thanh pho hai "
                        "phong liet ke ten ra cho minh hoi la gi ve thuoc tren dia ban gom mot so".split())


def phrase_of_some(folded: str, projects: list[ProjectInfo]) -> str | None:
    """The longest run of two or more of the question's words, not all list words, that some of the
    projects' names say and not all: a place or a kind the list is asked of ("ở Đồ Sơn")."""
    words = folded.split()
    for size in range(min(len(words), 6), 1, -1):
        for start in range(len(words) - size + 1):
            run = words[start:start + size]
            if all(w in _LIST_WORDS or w.isdigit() for w in run):
                continue
            if 0 < len(saying(projects, " ".join(run))) < len(projects):
                return " ".join(run)
    return None


PLACE_WORDS = 4  # of a unit's name, at most
AREA_NAMES = 2  # projects whose names say an area that is no unit ("Bắc sông Cấm"): several, or it is one project's name
_PROJECT_WORDS = frozenset("du an khu do thi moi cong trinh nghiep cum xay dung dau tu nha may trung tam he thong ha tang "
                           "ky thuat giao thong dong bo va cac hai phong thanh pho tp hp".split())
_PROJECT_NOUN = r"(?:du an|cong trinh|cum cong nghiep|khu cong nghiep)"
_KIND = r"(?P<kind>(?: \w+){0,3}?)"  # "dự án du lịch nào", "dự án khu công nghiệp nào"
# "ở Xuân Đám có dự án gì", "sân bay Cát Bi có những dự án nào": projects asked of a place
PROJECTS_OF_A_PLACE = re.compile(r"(?:\b(?:o|tai)\s+(?P<after>(?:(?!\b(?:o|tai)\b).)+?)\s+(?:co|gom|thi)"
                                 r"|^(?P<before>(?:(?!\b(?:o|tai)\b).)+?)\s+(?:co|gom))"
                                 rf"\s+(?:nhung |cac |may )?{_PROJECT_NOUN}{_KIND} (?:gi|nao)\b"
                                 # "trong mấy cụm mới đó, cụm nào nằm ở huyện An Lão?"
                                 r"|\b(?:cum cong nghiep|khu cong nghiep|cum|khu) nao (?:nam|dat|duoc xay|xay) (?:o|tai) "
                                 r"(?P<where>(?:\w+ ){0,3}\w+)\s*$")
_OF_THE_LIST = re.compile(r"\b(?:trong diem|danh muc)\b")


def place_of_the_projects(kb: KnowledgeBase, folded: str, there: list[str] | None = None) -> str | None:
    """The place (an old or new unit's name) a question asks the projects of, as some projects' names say it
    ("xuan dam"); None when it asks of none, or no name says it (a place a project lies in without its name
    saying so is not known). Of several, the first named: "xã Xuân Đám huyện Cát Hải" is of Xuân Đám. `there`:
    the places "ở đó" may point at, nearest first."""
    if (asked := PROJECTS_OF_A_PLACE.search(folded)) is None:
        return None
    words, projects = (asked.group("after") or asked.group("before") or asked.group("where") or "").split(), kb.projects()
    if words in (["do"], ["day"]):
        return next((place for place in there or [] if saying(projects, place)), None)
    runs = [" ".join(words[start:start + size]) for start in range(len(words))
            for size in range(min(len(words) - start, PLACE_WORDS), 1, -1)]
    if (unit := next((run for run in runs if kb.is_place(run) and saying(projects, run)), None)) is not None:
        return unit
    if not asked.group("after"):
        return None
    # "ở khu đô thị mới Bắc sông Cấm có …": an area several names say, its own words without those of every kind of
    # project (nor the city's name)
    areas = [run for run in runs if len(saying(projects, run)) >= AREA_NAMES and not set(run.split()) <= _PROJECT_WORDS
             and not any(word.isdigit() for word in run.split())]
    return min(areas, key=lambda run: (-len(set(run.split()) - _PROJECT_WORDS), len(run.split())), default=None)


def kind_of_the_projects(folded: str) -> tuple[str, bool]:
    """The kind of project asked with a place ("dự án du lịch nào": "du lich"), and whether of the key list."""
    asked = PROJECTS_OF_A_PLACE.search(folded)
    kind = _OF_THE_LIST.sub(" ", (asked.group("kind") or "") if asked else "").split()
    noun = re.search(r"\b(cum cong nghiep|khu cong nghiep)\b", asked.group(0)) if asked else None
    return " ".join(kind) or (noun.group(1) if noun else ""), _OF_THE_LIST.search(folded) is not None


def saying(projects: list[ProjectInfo], phrase: str) -> list[ProjectInfo]:
    """The projects whose folded name has the folded phrase as whole words."""
    return [p for p in projects if f" {phrase} " in f" {fold(p.project.name)} "]


def _as_written(projects: list[ProjectInfo], place: str) -> str:
    """The phrase as the first name saying it writes it ("Đồ Sơn")."""
    wanted = place.split()
    for p in projects:
        words = re.findall(r"\w+", p.project.name)
        folded = [fold(w) for w in words]
        for start in range(len(words) - len(wanted) + 1):
            if folded[start:start + len(wanted)] == wanted:
                return " ".join(words[start:start + len(wanted)])
    return place


def list_projects(kb: KnowledgeBase, q: Query, page: int = 0) -> Reply:
    if q.first("project") and page == 0 and not q.text.startswith("/"):
        return answer_project(kb, q)  # "4 khu công nghiệp mới là những khu nào": one named project
    group, funding, kind = project_filters(q)
    projects = kb.projects(group=group, funding=funding, kind=kind)
    folded = fold(q.text)
    thing = None if q.text.startswith("/") else _thing(folded)
    narrowed = of_the_thing_asked(folded, projects) if thing else projects
    if narrowed == projects:
        thing = None  # none of them is one: the whole list, titled as such
    place = None if thing or q.text.startswith("/") else phrase_of_some(folded, projects)
    if place is not None:  # "ở Đồ Sơn có dự án nào trong danh mục": those whose name says it
        narrowed = saying(projects, place)
    projects = narrowed
    if not projects:
        return Reply().say("Các tài liệu tôi có không nêu dự án nào thuộc nhóm này.")
    ab = about_of(kb)
    labels = [ab.group_labels.get(group or "", ""), FUNDING_LABELS.get(funding or "", "")]
    title = ab.key_projects_title if kind == "key_project" and not (group or funding) else "Các dự án"
    if any(labels):
        title = (", ".join(label for label in labels if label)).capitalize()
        if group:
            title += f" ({ab.key_projects_title.lower()})"
    if thing:
        title += f", những dự án {_THING_WORDS[thing]}"
    if place is not None:
        title += f", những dự án có tên nêu “{_as_written(projects, place)}”"
    entities = {k: v for k, v in (("project_group", group), ("funding", funding)) if v}
    return _listed(title, projects, page, intent_payload("list_projects", **entities))


def list_named_after(kb: KnowledgeBase, place: str, kind: str = "", key_only: bool = False, group: str | None = None) -> Reply:
    """Every project of the documents whose name says the place ("Xuân Đám": the golf course, the hot-spring
    town), key projects or not (`key_only`: of the key list; `group`: of that group of it); those whose name says
    the `kind` asked first (a name need not say it: "sân Golf Xuân Đám" is a tourist project too)."""
    projects = saying(kb.projects(kind="key_project" if key_only or group else None, group=group), place)
    projects.sort(key=lambda p: f" {kind} " not in f" {_KIND_WRITTEN.sub(_written_out, fold(p.project.name))} ")
    if not projects:
        return Reply().say("Các tài liệu tôi có không nêu dự án nào có tên gắn với nơi này.")
    ab = about_of(kb)
    where = (f"{ab.key_projects_title}, nhóm {ab.group_label(group)}, những dự án" if group
             else f"{ab.key_projects_title}, những dự án" if key_only else "Các dự án trong tài liệu")
    reply = _listed(f"{where} có tên nêu “{_as_written(projects, place)}”", projects, 0, intent_payload("list_projects"))
    reply.answer_id = "projects:named_after:" + place.replace(" ", "_")
    return reply


_KIND_WRITTEN = re.compile(r"\b(kcn|ccn)\b")


def _written_out(short: re.Match[str]) -> str:
    return {"kcn": "khu cong nghiep", "ccn": "cum cong nghiep"}[short.group(1)]  # "KCN Tân Trào"


def _listed(title: str, projects: list[ProjectInfo], page: int, more: str) -> Reply:
    lines = [f"{n}. {p.project.name}" + (f" – {p.project.value_text} triệu đồng" if p.project.kind == "key_project"
             and p.project.value_text else "") + (DOUBTFUL if p.project.value_unclear else "")
             for n, p in enumerate(projects, 1)]
    sources = sorted({p.document.citation for p in projects})
    reply = page_reply(title + ":", lines, page, more, topic="project_list", footer="Nguồn: " + "; ".join(sources) + ".")
    start = page * paging.PAGE_SIZE  # "số 2" chooses among the page shown
    reply.slots["options"] = [intent_payload("ask_project", project=p.project.id)
                              for p in projects[start:start + paging.PAGE_SIZE]]
    return reply
