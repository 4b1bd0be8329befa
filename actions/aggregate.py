"""Counting, ranking and adding up over what the knowledge base holds or the last list showed.

"Danh mục có bao nhiêu dự án dùng vốn ngân sách?", "dự án ngoài ngân sách nào vốn
lớn nhất?", "mấy cái đó tổng vốn bao nhiêu?". Totals are computed from the
figures shown and say so; a value whose unit the document leaves doubtful is
left out of any total or ranking, and the reply says which.
"""

from __future__ import annotations

import re
from decimal import Decimal

from knowledge import KnowledgeBase, ProjectInfo, about_of, fold, format_number

from .feedback_buttons import feedback_buttons
from .passages import best, of_the_quoted
from .projects import (
    DOUBTFUL,
    FUNDING_LABELS,
    list_projects,
    of_the_thing_asked,
    phrase_of_some,
    project_filters,
    saying,
)
from .query import Query, Reply, button, intent_payload
from .routes import parse_payload, query_from_payload
from .understand import SECTOR, Asked, names_a_group_of_the_list

PROJECT_WORDS = ("du an", "cong trinh")
PLURAL = re.compile(r"\b(?:cac|nhung|may|bao nhieu|tat ca|danh muc|nhom)\s+(?:du an|cong trinh)\b|\bdanh muc\b|\bnhom\b|"
                    r"\bmay cai\b|\bchung\b")


_IN_THE_LIST = re.compile(r"\b(?:trong|thuoc|cua) danh muc\b")


def _about_projects(a: Asked, q: Query) -> bool:
    words = f" {a.folded} "
    return any(f" {w} " in words for w in PROJECT_WORDS) or q.intent in ("ask_project", "list_projects") or (
        a.over_last_list and q.slots.get("topic") == "project_list") or _over_the_shown(a, q) or names_a_group_of_the_list(q)


def applies(kb: KnowledgeBase, a: Asked, q: Query) -> bool:
    if a.operation is None or a.from_button:
        return False
    if a.indicators and not any(f" {w} " in f" {a.folded} " for w in PROJECT_WORDS) and not names_a_group_of_the_list(q):
        return False  # "ngân sách" in "dự án dùng vốn ngân sách" names no indicator to count
    if any((i := kb.indicator(code)) is not None and fold(i.unit) in ("du an", "cong trinh") for code in a.indicators) \
            and not _IN_THE_LIST.search(a.folded):
        return False  # "bao nhiêu dự án nhà ở xã hội": the documents count them themselves (not "… trong danh mục")
    if a.projects_clear and (a.project_score >= 0.75 or len(a.projects) == 1) and not PLURAL.search(a.folded):
        return False  # "cầu Lại Xuân … tổng giá trị bao nhiêu", "cầu ng trãi tổng vốn bn": one project's value
    filtered = a.entities.get("project_group") or a.entities.get("funding") or len(a.projects) > 1
    if not filtered and of_the_quoted(a, q):
        return False  # "cho mấy dự án?" after "… bố trí 104,372 tỷ đồng cho 12 dự án …": the sentence just quoted
    # "liệt kê các dự án nhà ở xã hội trong danh mục": those of the list its words name
    of_the_list = _IN_THE_LIST.search(a.folded) is not None and len(a.projects) > 1
    if a.operation == "list" and (q.intent == "list_projects" or not filtered) and not (_over_the_shown(a, q)
                                                                                        or of_the_list):
        return False  # "dự án nào ở Cát Bi": a name to look up, not a list to filter
    if (sector := SECTOR.search(a.folded)) is not None and not _over_the_shown(a, q) and not any(
            sector.group() in fold(p.project.name) for p in _scope(kb, a, q)[0]) and any(
            sector.group() in fold(p.text) for p in best(kb, a)):
        return False  # "những công trình y tế nào đã hoàn thành?": none of the list is one; a sentence names them
    return _about_projects(a, q)


def _over_the_shown(a: Asked, q: Query) -> bool:
    # "cái nào vốn lớn nhất?" right after a list: over it, as "trong số đó" would say
    ranks_it = a.operation in ("max", "min", "sum") and not a.projects and not (
        q.first("project_group") or q.first("funding"))
    return (a.over_last_list or ranks_it) and q.slots.get("topic") == "project_list" and bool(q.slots.get("options"))


def _scope(kb: KnowledgeBase, a: Asked, q: Query) -> tuple[list[ProjectInfo], str]:
    """The projects the operation runs over, and how to name them."""
    if _over_the_shown(a, q) and (shown := _whole_list_shown(kb, q)):
        # "mấy dự án đó tổng vốn bao nhiêu?", "cái nào vốn lớn nhất?": the list just shown; "trong đó mấy dự án
        # dùng ngân sách thành phố?": those of it the question's filters keep
        group, funding, kind = project_filters(q)
        if group or funding:
            kept = {p.project.id for p in kb.projects(group=group, funding=funding, kind=kind)}
            shown = [p for p in shown if p.project.id in kept]
            return shown, f"trong danh sách vừa nêu ({_filters_named(kb, group, funding)})"
        return shown, "trong danh sách vừa nêu"
    if a.over_last_list and (paged := _paged_filters(q)) is not None:
        group, funding, kind = paged
        return kb.projects(group=group, funding=funding, kind=kind), _label(kb, group, funding)
    group, funding, kind = project_filters(q)
    key_projects = kb.projects(kind="key_project")
    if not (group or funding) and (place := phrase_of_some(a.folded, key_projects)) is not None:
        # "có mấy dự án trọng điểm liên quan sb cát bi": those whose names say it, not only the best-matched
        return saying(key_projects, place), f"khớp với câu hỏi trong {about_of(kb).key_projects_title.lower()}"
    if not (group or funding) and a.projects:
        # "có bao nhiêu dự án trọng điểm ở sân bay Cát Bi": the key projects the words name
        named = [p for p in (kb.project(i) for i in a.projects) if p is not None and p.project.kind == "key_project"]
        if named:
            return named, f"khớp với câu hỏi trong {about_of(kb).key_projects_title.lower()}"
    return kb.projects(group=group, funding=funding, kind=kind), _label(kb, group, funding)


def _paged_filters(q: Query) -> tuple[str | None, str | None, str | None] | None:
    """The filters of the list being shown a page at a time, if one is."""
    if not q.slots.get("page_query") or (routed := query_from_payload(str(q.slots["page_query"]), q)) is None:
        return None
    return project_filters(routed[1])


def _whole_list_shown(kb: KnowledgeBase, q: Query) -> list[ProjectInfo]:
    """The list just shown, all its pages (a paged list's options are its first page only)."""
    if (paged := _paged_filters(q)) is not None:
        group, funding, kind = paged
        return kb.projects(group=group, funding=funding, kind=kind)
    return _last_shown(kb, q)


def _last_shown(kb: KnowledgeBase, q: Query) -> list[ProjectInfo]:
    """The projects of the list the last answer counted (its options, every one of them)."""
    ids = [parsed[1]["project"][0] for payload in q.slots.get("options") or []
           if (parsed := parse_payload(str(payload))) is not None and parsed[1].get("project")]
    return [p for p in (kb.project(i) for i in ids) if p is not None]


def _filters_named(kb: KnowledgeBase, group: str | None, funding: str | None) -> str:
    parts = [about_of(kb).group_labels.get(group or "", ""), FUNDING_LABELS.get(funding or "", "")]
    return ", ".join(p for p in parts if p)


def _label(kb: KnowledgeBase, group: str | None, funding: str | None) -> str:
    named = _filters_named(kb, group, funding)
    where = f"trong {about_of(kb).key_projects_title.lower()}"
    return f"{where} ({named})" if named else where


def _value(p: ProjectInfo) -> Decimal | None:
    return None if p.project.value_unclear else p.value_million_vnd


def _line(n: int, p: ProjectInfo) -> str:
    value = f" – {p.project.value_text} triệu đồng" if p.project.value_text else ""
    doubtful = DOUBTFUL if p.project.value_unclear else ""
    return f"{n}. {p.project.name}{value}{doubtful}"


def _sources(projects: list[ProjectInfo]) -> str:
    return "Nguồn: " + "; ".join(sorted({p.document.citation for p in projects})) + "."


def answer(kb: KnowledgeBase, a: Asked, q: Query) -> Reply:
    projects, label = _scope(kb, a, q)
    projects = of_the_thing_asked(a.folded, projects)  # "cầu nào vốn lớn nhất trong số đó?"
    if not projects:
        return Reply().say(f"Các tài liệu tôi có không nêu dự án nào {label}.")
    op = a.operation
    if op == "list" and (q.first("project_group") or q.first("funding")) and not _over_the_shown(a, q):
        return list_projects(kb, q)
    reply = Reply()
    if op in ("count", "list"):
        lines = [f"Có {len(projects)} dự án {label}:"] + [_line(n, p) for n, p in enumerate(projects, 1)]
        lines.append(_sources(projects))
        reply.say("\n".join(lines), feedback_buttons())
        # every one listed: "số 15" chooses it, "mấy dự án đó" counts over them
        reply.slots.update(topic="project_list", options=[intent_payload("ask_project", project=p.project.id)
                                                          for p in projects], page_query=None, page=None)
    elif op in ("max", "min"):
        valued = [p for p in projects if _value(p) is not None]
        if not valued:
            return reply.say(f"Các tài liệu tôi có không nêu giá trị của các dự án {label}.")
        pick = (max if op == "max" else min)(valued, key=lambda p: _value(p) or Decimal(0))
        word = "lớn nhất" if op == "max" else "nhỏ nhất"
        lines = [f"Dự án có giá trị {word} {label} là {pick.project.name}: {pick.project.value_text} triệu đồng."]
        skipped = [p for p in projects if _value(p) is None and p.project.value_text]
        if skipped:
            lines.append("Không xét " + "; ".join(p.project.name for p in skipped)
                         + " vì đơn vị giá trị ghi trong tài liệu chưa rõ.")
        lines.append(_sources([pick]))
        detail = button("Chi tiết dự án", intent_payload("ask_project", project=pick.project.id))
        reply.say("\n".join(lines), [detail, *feedback_buttons()])
        reply.slots.update(project=pick.project.id, topic="project")
    else:  # sum
        valued = [p for p in projects if _value(p) is not None]
        if not valued:
            return reply.say(f"Các tài liệu tôi có không nêu giá trị của các dự án {label}.")
        total = sum((_value(p) or Decimal(0) for p in valued), Decimal(0))
        lines = [f"Tổng giá trị phê duyệt/dự kiến của {len(valued)} dự án {label} (tôi cộng từ số liệu của từng dự án "
                 f"trong tài liệu): khoảng {format_number(total, 0)} triệu đồng."]
        lines += [_line(n, p) for n, p in enumerate(valued, 1)]
        missing = [p for p in projects if _value(p) is None]
        if missing:
            lines.append("Không cộng: " + "; ".join(p.project.name for p in missing)
                         + " (tài liệu không ghi giá trị hoặc đơn vị chưa rõ).")
        lines.append(_sources(projects))
        reply.say("\n".join(lines), feedback_buttons())
        reply.slots.update(topic="project_list")
    if len(projects) == 1 and reply.slots.get("topic") == "project_list":
        reply.slots.update(topic="project", project=projects[0].project.id)  # "chủ đầu tư là ai?" next: of that one
    reply.answer_id = f"projects:{op}:{fold(label).replace(' ', '_')}"
    return reply
