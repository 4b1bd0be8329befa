"""Figures: one indicator for a period, comparisons, and lists of indicators."""

from __future__ import annotations

from dataclasses import replace

from knowledge import KnowledgeBase, Value
from knowledge.address import other_province
from knowledge.api import most_specific
from knowledge.periods import RELATIVE_YEAR_WORDS, parse_period
from knowledge.records import Indicator
from knowledge.text import fold

from . import replies
from .base import TopicAction
from .feedback_buttons import feedback_buttons
from .paging import page_reply
from .query import Query, Reply, button, intent_payload

MAX_PERIOD_CHOICES = 5
POPULAR = ("grdp_growth", "budget_revenue", "export_turnover", "fdi_attraction", "tourist_arrivals")
GROUP_LABELS = {"kinh_te": "kinh tế", "xa_hoi": "xã hội", "moi_truong": "môi trường",
                "ngan_sach": "ngân sách", "dau_tu": "đầu tư"}


def pick_indicators(kb: KnowledgeBase, q: Query) -> list[Indicator]:
    """The indicators the question names; a sector beats its parent ("tăng trưởng dịch vụ")."""
    codes = q.all("indicator")
    found = [i for i in (kb.indicator(c) for c in codes) if i is not None] or kb.find_indicators(q.text)
    return most_specific(found)


def pick_period(kb: KnowledgeBase, q: Query, code: str) -> str | None:
    """Period from the question, else from the context, else the only one there is."""
    period = q.first("period") or parse_period(q.text, default_year=_year(q))
    if period is None and q.first("year"):
        period = q.first("year")
    if period is None and q.slots.get("period") in kb.periods(code):
        period = q.slots["period"]
    if period is None:
        periods = kb.periods(code)
        if len(periods) == 1:
            period = periods[0]
    return period


def _year(q: Query) -> int | None:
    year = q.first("year") or (str(q.slots.get("period") or "")[:4] or None)
    return int(year) if year and year.isdigit() else None


def ask_which_indicator(candidates: list[Indicator], q: Query) -> Reply:
    reply = Reply()
    year = q.first("year")
    extra = {"year": year} if year else {}
    options = candidates[:MAX_PERIOD_CHOICES] if candidates else []
    if options:
        reply.say("Bạn muốn hỏi chỉ tiêu nào?", [
            button(i.name[:60], intent_payload("ask_indicator", indicator=i.code, **extra)) for i in options
        ])
        reply.slots["options"] = [intent_payload("ask_indicator", indicator=i.code, **extra) for i in options]
    else:
        reply.say(
            "Bạn muốn hỏi chỉ tiêu nào? Ví dụ: tăng trưởng GRDP, thu ngân sách, xuất khẩu, vốn FDI, khách du lịch.",
            [button(name, intent_payload("ask_indicator", indicator=code)) for code, name in (
                ("grdp_growth", "Tăng trưởng GRDP"), ("budget_revenue", "Thu ngân sách"),
                ("export_turnover", "Xuất khẩu"), ("fdi_attraction", "Vốn FDI"), ("tourist_arrivals", "Khách du lịch"),
            )],
        )
    return reply


def ask_which_period(indicator: Indicator, periods: list[str], intent: str, **extra: str) -> Reply:
    recent = sorted(periods, key=_period_rank, reverse=True)[:MAX_PERIOD_CHOICES]
    payloads = [intent_payload(intent, indicator=indicator.code, period=p, **extra) for p in recent]
    reply = Reply().say(
        f"{indicator.name}: bạn muốn xem số liệu của kỳ nào?",
        [button(replies.sentence_case(replies.period_label(p)), payload) for p, payload in zip(recent, payloads, strict=False)],
    )
    reply.slots.update(indicator=indicator.code, topic="indicator", options=payloads)
    return reply


def _period_rank(period: str) -> tuple[int, int]:
    from knowledge.api import _period_sort_key

    return _period_sort_key(period)


def other_place(q: Query) -> Reply | None:
    """A figure of another province is not ours to give, even when we know the indicator."""
    province = other_province(q.text)
    if province is None:
        return None
    return Reply().say(
        f"Tôi chỉ có số liệu của thành phố Hải Phòng (và cả nước khi tài liệu so sánh), không có số liệu của "
        f"{province}. Bạn muốn xem số liệu này của Hải Phòng không?",
        [button("Có, của Hải Phòng", intent_payload("ask_indicator", **{"indicator": c})) for c in q.all("indicator")[:1]],
    )


def resolve_indicator(kb: KnowledgeBase, q: Query) -> Indicator | Reply:
    """The one indicator asked about (named, or the one in context), or the reply that
    refuses (another province) or asks which."""
    if refusal := other_place(q):
        return refusal
    indicators = pick_indicators(kb, q)
    if not indicators and q.slots.get("indicator"):
        indicator = kb.indicator(q.slots["indicator"])
        indicators = [indicator] if indicator else []
    if len(indicators) != 1:
        return ask_which_indicator(indicators, q)
    return indicators[0]


def answer_indicator(kb: KnowledgeBase, q: Query) -> Reply:
    resolved = resolve_indicator(kb, q)
    if isinstance(resolved, Reply):
        return resolved
    indicator = resolved
    period = pick_period(kb, q, indicator.code)
    periods = kb.periods(indicator.code)
    if period is None:
        return ask_which_period(indicator, periods, "ask_indicator")
    kind = q.first("value_kind")
    values = kb.values(indicator.code, period)
    if kind == "result":
        values = [v for v in values if v.kind != "target"] or values
    elif kind == "target":
        values = [v for v in values if v.kind == "target"] or values
    reply = Reply()
    reply.slots.update(indicator=indicator.code, period=period, value_kind=kind, topic="indicator")
    if not values:
        reply.say(
            f"Các tài liệu tôi có không nêu số liệu {indicator.name} {replies.period_label(period)}.",
            [button(replies.sentence_case(replies.period_label(p)), intent_payload("ask_indicator", indicator=indicator.code, period=p))
             for p in sorted(periods, key=_period_rank, reverse=True)[:MAX_PERIOD_CHOICES]],
        )
        return reply
    text = _values_text(indicator, period, values)
    if period.isdigit() and not any(v.number is not None and v.scope == "city" for v in values):
        # The year itself has no figure ("chậm so với cùng kỳ"): the latest part-year figures help most.
        partial = [v for p in kb.periods(indicator.code) if p.startswith(f"{period}-") for v in kb.values(indicator.code, p)]
        if partial:
            text += "\n\nSố liệu trong năm:\n" + replies.describe_values(partial)
    reply.say(text, _follow_buttons(kb, indicator.code, period) + feedback_buttons())
    reply.answer_id = f"indicator:{indicator.code}:{period}"
    return reply


def _values_text(indicator: Indicator, period: str, values: list[Value]) -> str:
    header = f"{indicator.name} – {replies.period_label(period)}:"
    notice = replies.disagreement_notice(values)
    body = replies.describe_values(values, with_notes=notice is not None, with_name=False)
    return "\n".join(part for part in (header, body, notice) if part)


def _follow_buttons(kb: KnowledgeBase, code: str, period: str) -> list[dict[str, str]]:
    buttons = []
    if kb.compare_to_plan(code, period):
        buttons.append(button("So với kế hoạch", intent_payload("ask_comparison", indicator=code, period=period, comparison="plan")))
    if kb.compare_to_national(code, period):
        buttons.append(button("So với cả nước", intent_payload("ask_comparison", indicator=code, period=period, comparison="national")))
    return buttons


def compare_indicator(kb: KnowledgeBase, q: Query) -> Reply:
    resolved = resolve_indicator(kb, q)
    if isinstance(resolved, Reply):
        return resolved
    indicator = resolved
    comparison = q.first("comparison")
    if comparison == "previous":
        # "so với năm ngoái" is relative to the figure in context, not to today's year
        q = replace(q, text=RELATIVE_YEAR_WORDS.sub(" ", fold(q.text)))
    period = pick_period(kb, q, indicator.code)
    if period is None:
        extra = {"comparison": comparison} if comparison else {}
        return ask_which_period(indicator, kb.periods(indicator.code), "ask_comparison", **extra)
    reply = Reply()
    reply.slots.update(indicator=indicator.code, period=period, topic="indicator")
    if comparison is None:
        # No comparison named: the figures themselves (target, result, country) answer
        # best, with buttons for each comparison the data allows.
        return answer_indicator(kb, q)
    comparisons = []
    if comparison == "plan":
        comparisons = kb.compare_to_plan(indicator.code, period)
    elif comparison == "national":
        comparisons = kb.compare_to_national(indicator.code, period)
    elif comparison == "previous" and period[:4].isdigit():
        earlier = str(int(period[:4]) - 1) + period[4:]
        context = q.slots.get("period")
        if context and context != period and context in kb.periods(indicator.code):
            # "còn năm 2025?" … "so với năm 2024 thì sao": the answer in context against the year named
            period, earlier = context, period
        comparisons = kb.compare_periods(indicator.code, period, earlier)
    stated = [v for v in kb.values(indicator.code, period) if v.measure in ("percent_of_plan", "times", "change")]
    if not comparisons and not stated:
        reply.say(
            f"Các tài liệu tôi có không đủ số liệu để so sánh {indicator.name} {replies.period_label(period)} "
            f"({_COMPARISON_LABELS.get(comparison, comparison)}). Tôi không tự suy đoán số liệu.",
            _follow_buttons(kb, indicator.code, period),
        )
        return reply
    parts = [replies.describe_comparison(c) for c in comparisons]
    shown = {c.stated for c in comparisons if c.stated is not None}
    relevant = [v for v in stated if v not in shown and _stated_matches(v, comparison)]
    if relevant:
        parts.append("Tài liệu cũng nêu:\n" + replies.describe_values(relevant))
    reply.say("\n\n".join(parts), feedback_buttons())
    reply.answer_id = f"compare:{indicator.code}:{period}:{comparison}"
    return reply


_COMPARISON_LABELS = {"plan": "so với kế hoạch", "national": "so với cả nước", "previous": "so với năm trước"}


def _stated_matches(value: Value, comparison: str) -> bool:
    qualifier = (value.qualifier or "").lower()
    if comparison == "plan":
        return value.measure == "percent_of_plan"
    if comparison == "national":
        return value.measure == "times" and "nước" in qualifier
    return value.measure == "change"


def list_indicators(kb: KnowledgeBase, q: Query, page: int = 0) -> Reply:
    group = q.first("indicator_group")
    year = q.first("year") or (q.first("period") or "")[:4] or None
    if year is None:
        payloads = [intent_payload("list_indicators", year=y, **({"indicator_group": group} if group else {}))
                    for y in ("2025", "2024")]
        reply = Reply().say("Bạn muốn xem chỉ tiêu năm nào?",
                            [button("Kế hoạch năm 2025", payloads[0]), button("Kết quả năm 2024", payloads[1])])
        reply.slots.update(topic="list", options=payloads)
        return reply
    lines = []
    for indicator in kb.core_indicators(group):
        values = [v for v in kb.values(indicator.code, year, scope="city", measure="level")]
        if values:
            figures = " · ".join(f"{replies.KIND_LABELS[v.kind]} {replies.with_unit(v.text, v.unit)}" for v in values)
            lines.append(f"• {indicator.name}: {figures}")
    label = f"nhóm {GROUP_LABELS.get(group, group)} " if group else ""
    if not lines:
        return Reply().say(f"Các tài liệu tôi có không nêu chỉ tiêu {label}cho năm {year}.")
    citation = kb.document("002").citation if "002" in kb.documents() else ""
    title = f"Các chỉ tiêu chủ yếu {label}năm {year} (bảng chỉ tiêu kèm {citation}):"
    return page_reply(title, lines, page, intent_payload("list_indicators", year=year, **({"indicator_group": group} if group else {})),
                      topic="list")


class ActionAnswerIndicator(TopicAction, action="action_answer_indicator", topic=answer_indicator):
    ...


class ActionCompareIndicator(TopicAction, action="action_compare_indicator", topic=compare_indicator):
    ...


class ActionListIndicators(TopicAction, action="action_list_indicators", topic=list_indicators):
    ...
