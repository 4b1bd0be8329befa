"""Figures: one indicator for a period, comparisons, and lists of indicators."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal
from itertools import pairwise

from knowledge import (
    RELATIVE_YEAR_WORDS,
    STOP_WORDS,
    Indicator,
    KnowledgeBase,
    Value,
    about_of,
    fold,
    most_specific,
    other_province,
    parse_period,
    parse_periods,
    parse_value,
    period_sort_key,
    reorganisation_of,
)

from . import replies
from .feedback_buttons import feedback_buttons
from .paging import page_reply
from .query import Query, Reply, button, intent_payload
from .understand import ASKS_A_NUMBER, Asked, as_the_documents_write, claimed_floor, claimed_share, kinds_in

MAX_PERIOD_CHOICES = 5
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
            button(replies.short(i.name), intent_payload("ask_indicator", indicator=i.code, **extra)) for i in options
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
    recent = sorted(periods, key=period_sort_key, reverse=True)[:MAX_PERIOD_CHOICES]
    payloads = [intent_payload(intent, indicator=indicator.code, period=p, **extra) for p in recent]
    reply = Reply().say(
        f"{indicator.name}: bạn muốn xem số liệu của kỳ nào?",
        [button(replies.sentence_case(replies.period_label(p)), payload) for p, payload in zip(recent, payloads, strict=False)],
    )
    reply.slots.update(indicator=indicator.code, topic="indicator", options=payloads)
    return reply


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
             for p in sorted(periods, key=period_sort_key, reverse=True)[:MAX_PERIOD_CHOICES]],
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
    shown = {c.stated for c in comparisons if c.stated is not None}
    relevant = [v for v in stated if v not in shown and _stated_matches(v, comparison)]
    if not comparisons and not relevant:  # a share of plan says nothing of last year (was an empty reply)
        reply.say(
            f"Các tài liệu tôi có không đủ số liệu để so sánh {indicator.name} {replies.period_label(period)} "
            f"({_COMPARISON_LABELS.get(comparison, comparison)}). Tôi không tự suy đoán số liệu.",
            _follow_buttons(kb, indicator.code, period),
        )
        return reply
    parts = [replies.describe_comparison(c) for c in comparisons]
    if _RATIO_ASKED.search(fold(q.text)):
        # "gấp bao nhiêu lần cả nước?": the ratio the document states, on the first line
        parts = [_ratio_first(part) for part in parts]
    if relevant:
        parts.append("Tài liệu cũng nêu:\n" + replies.describe_values(relevant))
    reply.say("\n\n".join(parts), feedback_buttons())
    reply.answer_id = f"compare:{indicator.code}:{period}:{comparison}"
    return reply


_RATIO_ASKED = re.compile(r"\bgap (?:bao nhieu|may|bn|bao) ?(?:lan|la|lam)?\b")


def _ratio_first(part: str) -> str:
    lines = part.split("\n")
    stated = [line for line in lines if line.startswith("Tài liệu ghi: Gấp ")]
    return "\n".join(stated[:1] + [line for line in lines if line not in stated[:1]])


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
    ab = about_of(kb)  # the report's plan and results years, from the knowledge base
    if year is None:
        payloads = [intent_payload("list_indicators", year=y, **({"indicator_group": group} if group else {}))
                    for y in (ab.plan_year, ab.results_year)]
        reply = Reply().say("Bạn muốn xem chỉ tiêu năm nào?",
                            [button(f"Kế hoạch năm {ab.plan_year}", payloads[0]),
                             button(f"Kết quả năm {ab.results_year}", payloads[1])])
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
    citation = kb.document(ab.report).citation if ab.report in kb.documents() else ""
    title = f"Các chỉ tiêu chủ yếu {label}năm {year} (bảng chỉ tiêu kèm {citation}):"
    return page_reply(title, lines, page, intent_payload("list_indicators", year=year, **({"indicator_group": group} if group else {})),
                      topic="list")





# -- the figures a question names: every indicator × period × kind ------------------------------
MAX_INDICATORS = 4
MAX_PERIOD_BUTTONS = 4


def refuse_other_place(kb: KnowledgeBase, a: Asked, q: Query) -> Reply:
    text = q.text if other_province(q.text) else a.folded  # "GRDP của Qảng Ninh": the name as corrected
    refusal = other_place(replace(q, text=text, entities={**q.entities, "indicator": list(a.indicators[:1])}))
    assert refusal is not None
    return refusal


FORMER_PROVINCE = re.compile(r"\b(?:tinh hai duong|hai duong cu|tinh hd|hd cu)\b")


def refuse_local_figure(kb: KnowledgeBase, a: Asked, q: Query) -> Reply:
    """"Thu ngân sách quận Lê Chân": the documents give city-wide figures only; say so and
    offer the city's figure rather than pass it off as the district's."""
    indicator = kb.indicator(a.indicators[0])
    name = indicator.name if indicator else "chỉ tiêu này"
    period = {"period": a.periods[0]} if a.periods else {}
    if FORMER_PROVINCE.search(a.folded):
        ours, merged = reorganisation_of(kb).provinces[:2]
        city, place = f"thành phố {ours} (trước khi hợp nhất với tỉnh {merged})", f"tỉnh {merged}"
    else:
        result = kb.convert_address(q.text)
        district = None if result.matches else kb.district_answer(q.text)
        city = "toàn thành phố Hải Phòng"
        place = result.matches[0].old_ward if result.matches else (district.district if district else "đơn vị đó")
    return Reply().say(
        f"Các tài liệu tôi có chỉ nêu {name} của {city}, không có số liệu riêng của {place} cũ. "
        "Bạn muốn xem số liệu của toàn thành phố không?",
        [button("Có, của toàn thành phố", intent_payload("ask_indicator", indicator=a.indicators[0], **period))],
    )


def _is_growth_rate(indicator: Indicator) -> bool:
    return indicator.unit == "%" and ("tang" in fold(indicator.name).split() or "tang truong" in fold(indicator.name))


def _unit_words(unit: str | None) -> set[str]:
    """A unit's words: "triệu USD" and "tỷ USD" share "usd", "lượt lao động" and "lượt người" "lượt"."""
    return set(fold(unit or "").split()) - {"ty", "trieu", "nghin", "ngan"}


def latest_period(kb: KnowledgeBase, code: str, kinds: frozenset[str]) -> str | None:
    """The most recent period with a city figure of the kind asked (a result or estimate
    unless a target is asked)."""
    wanted = ("target",) if kinds == {"target"} else ("result", "estimate")
    city = kb.values(code, scope="city")
    level = [v for v in city if v.kind in wanted and v.measure == "level"]
    # the indicator's own figure before a side count in another unit ("05 dự án" beside the loans in tỷ đồng)
    own_unit = [v for v in level if _unit_words(v.unit) & _unit_words(v.indicator.unit)]  # "triệu USD" is "tỷ USD"
    # "tăng bao nhiêu phần trăm?": the latest change stated, though a later level is not
    changes = [v for v in city if v.kind in wanted and v.measure == "change"] if "change" in kinds else []
    for pool in (changes, own_unit, level, [v for v in city if v.kind in wanted], city):
        if pool:
            return max(pool, key=lambda v: period_sort_key(v.period)).period
    # a figure stated of the country alone ("18 địa phương cả nước đóng góp …") is still the latest of its own
    stated = kb.values(code)
    return max(stated, key=lambda v: period_sort_key(v.period)).period if stated else None


_NOW = re.compile(r"\b(?:hien nay|hien tai|bay gio|hien dang)\b")


# "trong đó …", "riêng …": a part of the figure just given, of its period
NARROWS = re.compile(r"^(?:trong do|trong so do|rieng|con rieng)\b")


def periods_for(kb: KnowledgeBase, indicator: Indicator, a: Asked, q: Query) -> tuple[list[str], bool]:
    """The periods to answer for, and whether they were chosen for the resident (none named)."""
    # "quý 1 được bao nhiêu rồi?" after a year whose first quarter has no figure: the newest first quarter
    if (a.periods and not parse_periods(a.folded) and not set(a.periods) & set(kb.periods(indicator.code))
            and (newest := _newest_same_part(kb, indicator, a))):
        return [newest], True
    if a.periods:
        latest = latest_period(kb, indicator.code, frozenset({"result"}))
        if _NOW.search(a.folded) and latest and latest not in a.periods:
            # "hiện nay là bao nhiêu, mục tiêu năm 2025 là bao nhiêu": now is the latest result
            return [latest, *a.periods], False
        return list(a.periods), False
    context = q.slots.get("period")
    if context and context in kb.periods(indicator.code) and q.slots.get("topic") in ("indicator", None) and (
            a.kinds != {"target"} or kb.values(indicator.code, context, kind="target")):
        # "chỉ tiêu đề ra là bao nhiêu" after a year with no target: the latest target
        another = not a.kinds and indicator.code != q.slots.get("indicator")
        reached = [p for p in kb.periods(indicator.code) if _reached(kb.values(indicator.code, p))] if another else []
        if reached and context not in reached:
            # "tỷ trọng kinh tế số là bao nhiêu?" after the 2025 plan of another figure: its 2025 plan and
            # what it has reached, not the plan alone
            return [max(reached, key=period_sort_key), context], False
        return [context], False
    if (context and q.slots.get("topic") == "indicator" and not a.kinds and NARROWS.search(a.folded)
            and kb.periods(indicator.code)):
        # "trong đó khách quốc tế bao nhiêu?" after the arrivals of 2024: of 2024, which the documents do
        # not give; said so, the periods they give offered (not another period's figure passed off)
        return [context], False
    # "GRDP quý I tăng bao nhiêu?": a part of a year with no year is the newest such part
    if newest := _newest_same_part(kb, indicator, a):
        return [newest], True
    latest = latest_period(kb, indicator.code, a.kinds)
    return ([latest] if latest else []), True


def _newest_same_part(kb: KnowledgeBase, indicator: Indicator, a: Asked) -> str | None:
    """The newest period of the indicator that is a part of a year the question names ("quý I")."""
    parts = _parts_named(a)
    same_part = [p for p in kb.periods(indicator.code) if p.partition("-")[2] in parts]
    return max(same_part, key=period_sort_key) if same_part else None


def _parts_named(a: Asked) -> set[str]:
    """The parts of a year named without a year ("quý I", "6 tháng đầu năm"): "Q1", "H1"."""
    return {p.partition("-")[2] for p in parse_periods(a.folded, default_year=0)} - {""}


def _chosen_note(a: Asked, period: str) -> str:
    """Why this period: none named, the year of a part not named, or the part named not in the documents."""
    latest = f"đây là số liệu mới nhất có trong tài liệu, {replies.period_label(period)}."
    parts = _parts_named(a)
    if not parts:
        return f"Bạn không nêu kỳ nào: {latest}"
    if period.partition("-")[2] in parts:
        return f"Bạn không nêu năm: {latest}"
    named = ", ".join(replies.period_label(f"0000-{p}").replace("/0000", "").replace(" 0000", "")
                      for p in sorted(parts))
    return f"Tài liệu không có số liệu {named}; {latest}"


def _primary(values: list[Value], kinds: frozenset[str], asked: str = "", measure: str | None = None) -> Value:
    """The figure the question asks for: the measure and kind asked, then the one whose own
    wording ("tổng số …", "số người chết") shares most words with the question."""
    city = [v for v in values if v.scope == "city"] or values
    asked = _EVERYONE.sub("", asked)  # "… bn tiền v mn": the readers addressed are no "người" asked
    if measure is None and "change" not in kinds and " phan tram" in f" {asked}":
        # "giải ngân được bao nhiêu %": a figure in per cent, when the amount is not one
        city = [v for v in city if "%" in v.unit] or city
    # the words that tell one of the indicator's figures from another: not its own name, not numbers
    named = set(fold(city[0].indicator.name).split()) if city else set()
    asked_words = {w for w in asked.split() if not any(ch.isdigit() for ch in w)}
    if _HOW_MANY_THERE_ARE.search(asked) and not asked_words & {"moi", "them"}:
        asked_words |= {"tong", "luy", "ke"}  # "có bao nhiêu trường đạt chuẩn": all there are, not the new ones
    if " tong cong " in f" {asked} ":
        asked_words = (asked_words - {"cong"}) | {"tong"}  # "tổng cộng" is the total, no "khởi công"
    units = {w for v in city for w in fold(v.unit).split()}  # "tỷ đồng" asked is the unit, not "đóng" in a wording
    words = asked_words - named - units
    asked_pairs = set(pairwise(asked.split()))
    asks_total = " tong " in f" {asked} "

    def rank(v: Value) -> tuple[float, ...]:
        if measure is not None:
            wanted_measure = int(v.measure != measure)
        elif "rank" in kinds:
            wanted_measure = int(v.measure != "rank")
        elif "change" in kinds:
            wanted_measure = int(v.measure != "change")
        else:
            wanted_measure = int(v.measure != "level")
        wanted_kind = int(v.kind != "target") if kinds & {"target"} and not kinds & {"result"} else int(v.kind == "target")
        qualifier_words = fold(v.qualifier or "").split()
        qualifier = set(qualifier_words) - _QUALIFIER_NOISE
        # word pairs count too: "nồng độ cồn" is two pairs, though "độ" and "cồn" fold to stop words
        pairs = {pair for pair in pairwise(qualifier_words) if not set(pair) <= named | _QUALIFIER_NOISE
                 and not any(ch.isdigit() for word in pair for ch in word)}  # "tháng 10" is a date, not a wording
        # words the question shares with the figure's own wording, less a part of a point for each it does
        # not ask about (half a point when it shares none): "số người chết" for "chết bao nhiêu người",
        # the plain total before "đã khởi công", "vi phạm nồng độ cồn" for a question naming it
        # a phrase shared ("nồng độ cồn") outweighs single words met by chance ("công" an, "công" chức)
        shared = len(pairs & asked_pairs) or len(words & qualifier)
        fit = shared - len(qualifier - asked_words) / (2 + 2 * shared)
        aspiration = int("phan dau" in fold(v.qualifier or ""))  # the plan before a "phấn đấu" aim, unless asked
        unit = int(not set(fold(v.unit).split()) & asked_words)  # "bao nhiêu di tích": counted in di tích
        # "tổng cộng bao nhiêu căn": the plain figure or the one worded "tổng …", not a part of it
        part = int(asks_total and bool(qualifier_words) and "tong" not in qualifier_words)
        return (wanted_measure, part, -fit, unit, wanted_kind, aspiration, 0 if v.number is not None else 1)
    return min(city, key=rank)


_EVERYONE = re.compile(r"\b(?:vay |nhe |a |oi )?moi nguoi(?: oi)?\s*$")
_HOW_MANY_THERE_ARE = re.compile(r"\b(?:co|hien co|co tong cong|co tat ca) (?:bao nhieu|may)\b")
# "tính đến tháng 10/2024" says when, not which figure
# ("nhì" of "giải Nhì" is no "nhỉ": it tells the second prizes from the others)
_QUALIFIER_NOISE = (STOP_WORDS - {"nhi"}) | frozenset(
    "so voi nam ke hoach giao hien nay tren dia ban duoc tinh den thang ngay".split())


def _filtered(values: list[Value], kinds: frozenset[str]) -> list[Value]:
    """Only the kinds asked, when the question asks some and the documents have them."""
    if not kinds:
        return values
    keep = [v for v in values if ("target" in kinds and v.kind == "target")
            or ("result" in kinds and v.kind != "target")
            or ("change" in kinds and v.measure == "change")
            or ("rank" in kinds and v.measure == "rank")]
    return keep or values


def _same_figure(claimed: str, value: Value) -> bool:
    stated = parse_value(as_the_documents_write(claimed))
    figure = parse_value(value.text)
    if not (stated.is_number and figure.is_number) or stated.low is None or figure.low is None:
        return False
    high = figure.high if figure.high is not None else figure.low
    return figure.low <= stated.low <= high or abs(stated.low) == abs(figure.low)


def _in_its_words(claimed: str, value: Value) -> bool:
    """"đứng thứ 2 trong 5 thành phố trực thuộc trung ương": a number of what the figure is relative to."""
    return claimed in re.findall(r"\d+(?:[.,]\d+)*", " ".join(filter(None, (value.qualifier, value.resident_note))))


def _said(value: Value) -> str:
    return replies.with_unit(value.text or "", value.indicator.unit or "")


_CLASS = re.compile(r"\bloai (i{1,3}|iv|v|1|2|3|4|5|dac biet)\b")  # "đô thị loại I"
_ROMAN = {"1": "i", "2": "ii", "3": "iii", "4": "iv", "5": "v"}
_ONLY_CLAIM = re.compile(r"\b(?:duy nhat|moi minh|chi minh|chi co (?:hai phong|hp|thanh pho))\b")


_MIDDLE_GROUP = re.compile(r"\bnhom (?:trung binh|thap)")
_TOP_GROUP = re.compile(r"\b(?:top dau|nhom dau|hang dau|dung top|top \d+)\b")  # near the top, not first


# "chắc cũng tăng mạnh đúng ko": a rise claimed, which a negative rate contradicts
_RISE_CLAIMED = re.compile(r"\btang (?:manh|cao|nhieu|tot|vot|deu)\b|\bcung tang\b|\btang truong (?:tot|manh|cao)\b")


def _premise(indicator: Indicator, period: str, values: list[Value], a: Asked,
             said_too: Sequence[Value] = ()) -> str | None:
    """Say first when the documents contradict what the question takes for granted; `said_too`: the
    figures given with it (the 4 new zones' area), which a second number claimed may be of."""
    rise_claimed = (a.premise_cue or a.yes_no) and _RISE_CLAIMED.search(a.folded) is not None
    if not (a.premise_cue or a.asks_decrease or rise_claimed):
        return None
    label = replies.period_label(period)
    if rise_claimed and not a.claims_decrease and (falling := [
            v for v in values if v.scope == "city" and v.number is not None and v.number < 0
            and (v.measure == "change" or _is_growth_rate(indicator))]):
        # "nông nghiệp chắc cũng tăng mạnh đúng ko": the figure is a fall
        return f"Không đúng: theo tài liệu, {replies.lower_first(indicator.name)} {label} là {_said(falling[0])}: giảm, không tăng."
    if a.claims_decrease:
        rising = [v for v in values if v.scope == "city" and v.number is not None and v.number > 0
                  and (v.measure == "change" or (v.measure == "level" and _is_growth_rate(indicator)))]
        falling = [v for v in values if v.scope == "city" and v.number is not None and v.number < 0
                   and (v.measure == "change" or _is_growth_rate(indicator))]
        name = replies.lower_first(indicator.name)
        if _is_growth_rate(indicator) and (rising or falling):
            # the rate is the change: its sign says it ("tốc độ tăng … không giảm mà tăng" would claim the rate rose)
            if rising and not falling:
                return f"Không đúng như vậy: theo tài liệu, {name} {label} là {_said(rising[0])}: tăng, không giảm."
            return f"Đúng, theo tài liệu {name} {label} là {_said(falling[0])}: giảm."
        if rising and not falling:
            return f"Không đúng như vậy: theo tài liệu, {name} {label} không giảm mà tăng."
        if not a.premise_cue:
            return None  # "giảm bao nhiêu?" of a fall the documents give: the figure says it
        if falling:
            return f"Đúng, theo tài liệu {name} {label} giảm."
        return f"Các tài liệu tôi có không nói {indicator.name} {label} giảm; tài liệu không nói như vậy."
    if (claimed_class := _CLASS.search(a.folded)) is not None and (classed := [
            (v, found) for v in values if (found := _CLASS.search(fold(v.text or ""))) is not None]):
        # "Thủy Nguyên đã đạt tiêu chí đô thị loại I rồi phải không?": the class stated is another
        same = any(_ROMAN.get(found.group(1), found.group(1)) == _ROMAN.get(claimed_class.group(1), claimed_class.group(1))
                   for _, found in classed)
        return f"{'Đúng' if same else 'Không đúng'}: theo tài liệu, {replies.lower_first(indicator.name)} {label}: {classed[0][0].text}."
    if _ONLY_CLAIM.search(a.folded) and (counted := [v for v in values if v.scope == "national" and v.number is not None
                                                      and v.number > 1]):
        # "HP là địa phương duy nhất đóng góp ngân sách TW à?": one of the localities the country counts
        return (f"Không đúng: theo tài liệu, {replies.lower_first(indicator.name)} {label} là {counted[0].text} "
                f"{replies.lower_first(counted[0].unit)}; Hải Phòng là một trong số đó, không phải duy nhất.")
    ranks = [int(m.group()) for v in values if v.scope == "city" and v.measure == "rank"
             and (m := re.match(r"\d+", v.text or "")) is not None]  # "3/63": third of 63
    if a.claims_top and ranks and all(rank != 1 for rank in ranks):
        return f"Không đúng: theo tài liệu, {replies.lower_first(indicator.name)} {label} không đứng đầu."
    grouped = [v for v in values if v.scope == "city" and _MIDDLE_GROUP.search(fold(v.qualifier or ""))]
    if (a.claims_top or _TOP_GROUP.search(a.folded)) and grouped:
        # "nghe nói PAPI 2023 HP đứng top đầu cả nước?": the documents put it in a middle or low group
        return f"Không đúng: theo tài liệu, {replies.lower_first(indicator.name)} {label} {grouped[0].qualifier}."
    if a.claims_lowest and not any(v.measure == "rank" for v in values):
        return (f"Các tài liệu tôi có không nói như vậy: không có tài liệu nào xếp Hải Phòng thấp nhất về "
                f"{indicator.name} {label}.")
    city = [v for v in values if v.scope == "city"]
    if (verdict := _share_of_plan_claim(indicator, label, city, a)) is not None:
        return verdict
    if (digits := _DIGITS_CLAIM.search(a.folded)) is not None and (rates := [
            v for v in city if v.number is not None and v.kind != "target" and "%" in v.unit]):
        # "chỉ tăng có một con số thôi à?": growth under 10% or not, from the figure itself
        single, rate = digits.group(1) in ("mot", "1"), rates[0]
        said = f"{replies.lower_first(indicator.name)} {label} là {rate.text}%"
        if single == (abs(rate.number or Decimal(0)) < 10):
            return f"Đúng, theo tài liệu {said}."
        return f"Không đúng: theo tài liệu, {said}, {'hai con số' if single else 'một con số'}."
    if (times := _TIMES_CLAIM.search(a.folded)) is not None and (changes := [
            v for v in city if v.measure == "change" and v.number is not None and "%" in v.unit]):
        # "FDI quý I tăng gấp đôi cùng kỳ hả?": twice as much is a rise of 100%, which the change given says or not
        rise, word = (_TIMES[times.group(1)] - 1) * 100, times.group(1)
        change = changes[0].number or Decimal(0)
        said = (f"{replies.lower_first(indicator.name)} {label} {'tăng' if change >= 0 else 'giảm'} "
                f"{(changes[0].text or '').lstrip('-')}% {changes[0].qualifier or ''}").rstrip()
        if change >= rise:
            return f"Đúng, theo tài liệu {said}."
        return f"Không đúng: theo tài liệu, {said}, chưa đến mức gấp {_TIMES_SAID.get(word, word)}."
    # "FDI chỉ được 2 tỷ đô thôi à?" speaks of the result: the plan's "2,0 - 2,5" does not confirm it
    results = [v for v in city if v.kind != "target"]
    if "target" not in a.kinds and results:
        city = results
    if a.claimed_numbers and city:
        if not any(_same_figure(n, v) for n in a.claimed_numbers for v in city):
            # "chỉ được 2 tỷ USD, không đạt kế hoạch?": the number is wrong, whatever is said of the plan
            return f"Không đúng như vậy: tài liệu không ghi con số đó cho {indicator.name} {label}; tài liệu ghi như sau."
        # "4 kcn mới … tổng 2.000 ha đúng ko": every number claimed must be one the documents give
        given = [*city, *(v for v in said_too if v.scope == "city")]
        unmatched = [n for n in a.claimed_numbers
                     if not any(_same_figure(n, v) or _in_its_words(n, v) for v in given)]
        if unmatched:
            return f"Không đúng như vậy: tài liệu không ghi con số {unmatched[0]}; tài liệu ghi như sau."
        if not a.claims_plan:
            return "Đúng như tài liệu ghi."
    return None


_DIGITS_CLAIM = re.compile(r"\b(mot|1|hai|2) con so\b")
# "tăng gấp đôi", "gấp 3 lần": a rise claimed as a multiple of the period compared with
_TIMES = {"doi": Decimal(2), "hai": Decimal(2), "2": Decimal(2), "ba": Decimal(3), "3": Decimal(3), "bon": Decimal(4),
          "4": Decimal(4)}
_TIMES_SAID = {"doi": "đôi", "hai": "hai", "ba": "ba", "bon": "bốn"}
_TIMES_CLAIM = re.compile(r"\btang gap (doi|hai|2|ba|3|bon|4)\b(?! phan)")


def _share_of_plan_claim(indicator: Indicator, label: str, city: list[Value], a: Asked) -> str | None:
    """"Quý 1 FDI đã vượt kế hoạch cả năm rồi phải không?": the share of the plan the documents state
    answers a claim about the plan."""
    shares = [v for v in city if v.measure == "percent_of_plan" and v.number is not None]
    if not (a.claims_plan and shares):
        return None
    share = shares[0]
    number = share.number or Decimal(0)
    actual = "above" if number > 100 else "met" if number >= 100 else "below"
    said = (f"{replies.lower_first(indicator.name)} {label} bằng {share.text}% "
            f"{share.qualifier or 'kế hoạch'}")
    claimed, floor = claimed_share(a.text), claimed_floor(a.text)
    if claimed is not None:  # "chỉ đạt tầm 90% dự toán": the number claimed, about a point either way
        agrees = any(abs((v.number or Decimal(0)) - claimed) <= 1 for v in shares)
    elif floor is not None:  # "đã đạt hơn một nửa kế hoạch năm": passed, or not
        agrees = any((v.number or Decimal(0)) > floor for v in shares)
    else:
        agrees = (a.claims_plan == "below") == (actual == "below")
    return f"Đúng, theo tài liệu {said}." if agrees else f"Không đúng: theo tài liệu, {said}."


_PLACES = re.compile(r"\b(?:vung|ca nuoc|tinh|dia phuong|cac thanh pho|toan quoc)\b")


def _among_siblings(kb: KnowledgeBase, indicator: Indicator, period: str, a: Asked) -> str | None:
    """"Nông nghiệp tăng mạnh nhất phải không?": the claim checked against the other rows of its
    family (the sectors) for the same period, each with a stated result."""
    claims = a.claims_highest or a.claims_lowest
    if not (claims and (a.premise_cue or a.yes_no)) or not indicator.parent:
        return None

    rows = [(i, v, v.number) for i in kb.children(indicator.parent)
            if (v := _stated_result(kb, i.code, period)) is not None and v.number is not None]
    if len(rows) < 2 or all(i.code != indicator.code for i, _, _ in rows):
        return None
    chosen = (max if a.claims_highest else min)(rows, key=lambda row: row[2])
    best = (chosen[0], chosen[1])
    word = "cao nhất" if a.claims_highest else "thấp nhất"
    if best[0].code == indicator.code:
        return f"Đúng, theo tài liệu {replies.lower_first(indicator.name)} {replies.period_label(period)} là {word} trong các khu vực."
    return (f"Không đúng: theo tài liệu, {replies.lower_first(best[0].name)} {replies.period_label(period)} mới là {word} "
            f"({replies.lower_first(replies.describe_value(best[1], with_name=False)).rstrip('.')}).")


def _is_stated_result(v: Value) -> bool:
    """A figure of the city's own result (not a plan, not a change or a share), with a number."""
    return v.scope == "city" and v.kind != "target" and v.measure == "level" and v.number is not None


def _stated_result(kb: KnowledgeBase, code: str, period: str) -> Value | None:
    """The city's stated result of an indicator for a period, if the documents give one."""
    return next((v for v in kb.values(code, period) if _is_stated_result(v)), None)


# "khu vực nào tăng cao nhất?": which of an indicator's parts (the sectors of GRDP)
WHICH_PART = re.compile(r"\b(?:khu vuc|nganh|linh vuc|nhom nganh|nganh nghe) nao\b")


def which_part(kb: KnowledgeBase, indicator: Indicator, period: str, a: Asked) -> tuple[str, bool] | None:
    """The part of the indicator with the highest (lowest) stated result for the period, then every
    part's figure: the comparison is computed from the figures shown, each with its source."""
    which = WHICH_PART.search(a.folded)
    if which is None or not (a.claims_highest or a.claims_lowest):
        return None
    asked = which.group().rsplit(" ", 1)[0]
    children = [i for i in kb.children(indicator.code) if i.unit == indicator.unit]  # not "số năm liên tiếp"
    named_so = [i for i in children if asked in fold(i.name)]  # "khu vực nào": the rows named "khu vực …"
    parts = [(i, v) for i in (named_so or children) if (v := _stated_result(kb, i.code, period)) is not None]
    if len(parts) < 2:
        return None
    best = (max if a.claims_highest else min)(parts, key=lambda part: part[1].number or 0)
    word = "cao nhất" if a.claims_highest else "thấp nhất"
    label = replies.period_label(period)
    lines = [f"{replies.sentence_case(best[0].name)} {label} {word}: "
             f"{replies.lower_first(replies.describe_value(best[1], with_name=False))}",
             "So sánh từ số liệu tài liệu nêu:"]
    lines += [f"• {i.name}: {replies.lower_first(replies.describe_value(v, with_name=False))}" for i, v in parts]
    lines += list(dict.fromkeys(replies.source_line(v.document) for _, v in parts))
    return "\n".join(lines), True


def _reached(values: list[Value]) -> bool:
    """Any figure of what the city reached (a level, a share, a change), not a plan."""
    return any(v.scope == "city" and v.kind != "target" and v.number is not None for v in values)


def _has_result(values: list[Value]) -> bool:
    return any(_is_stated_result(v) for v in values)


def _newest_before(kb: KnowledgeBase, indicator: Indicator, period: str) -> str | None:
    """For a period after everything the documents hold ("quý 1 năm nay" in 2026): the newest
    period of the same part of a year (another first quarter), else of any length."""
    periods = kb.periods(indicator.code)
    if re.fullmatch(r"\d{4}-\d{4}", period) or not periods or int(period[:4]) > date.today().year:
        return None  # "nhiệm kỳ 2025-2030" names a term; 2030 is to come: no figure stands in for them
    if period_sort_key(period) <= max(period_sort_key(p) for p in periods):
        return None
    part = period.partition("-")[2]
    same_part = [p for p in periods if p.partition("-")[2] == part]
    return max(same_part or periods, key=period_sort_key)


# "năm ngoái", "năm trước" said without the year: the resident's reckoning, which the documents may not reach
_YEAR_BEFORE_WORDS = re.compile(r"\bnam (?:ngoai|truoc)\b")
_THIS_OR_NEXT_YEAR = re.compile(r"\bnam (?:nay|sau|toi)\b")


def _last_whole_year(kb: KnowledgeBase, indicator: Indicator, period: str, a: Asked) -> str | None:
    """"Năm ngoái có bao nhiêu khách du lịch?" asked in 2026: the documents end within 2025, so the last whole
    year they give a result of (2024) first, said as such; what they have of 2025 follows."""
    if (not _YEAR_BEFORE_WORDS.search(a.folded) or _THIS_OR_NEXT_YEAR.search(a.folded) or _year_typed(period, a)
            or a.kinds == {"target"}):  # "mục tiêu năm nay thấp hơn kết quả năm ngoái": two years, each asked
        return None
    before = str(int(period) - 1)
    if not _has_result(kb.values(indicator.code, before)):
        return None
    text, _ = figure_block(kb, indicator, before, a)
    first, _, after = text.partition("\n")
    return (f"{first}\n(Các tài liệu chưa có kết quả cả {replies.period_label(period)}; đây là kết quả cả năm "
            f"gần nhất, {replies.period_label(before)}.)\n{after}")


def _claimed_of_another_period(kb: KnowledgeBase, indicator: Indicator, period: str, a: Asked) -> tuple[str, bool] | None:
    """"FDI năm 2023 đạt 4,7 tỷ USD đúng không?": the documents give no 2023 figure, and 4,7 is 2024's:
    said first, then that year's figure."""
    if not (a.claimed_numbers and (a.premise_cue or a.yes_no)):
        return None
    for other in sorted(kb.periods(indicator.code), key=period_sort_key, reverse=True):
        if other != period and any(_same_figure(n, v) for n in a.claimed_numbers for v in kb.values(indicator.code, other)):
            text, found = figure_block(kb, indicator, other, replace(a, premise_cue=False, yes_no=False, claimed_numbers=()))
            said = replies.period_label(other)
            return (f"Không đúng: các tài liệu không nêu số liệu {indicator.name} {replies.period_label(period)}; "
                    f"con số đó là của {said}.\n{text}", found)
    return None


def latest_result_period(kb: KnowledgeBase, code: str) -> str | None:
    """The most recent period the documents give a result (not a plan) of this indicator for."""
    done = [p for p in kb.periods(code) if _has_result(kb.values(code, p))]
    return max(done, key=period_sort_key) if done else None


def _plan_of_the_whole(kb: KnowledgeBase, indicator: Indicator, period: str, a: Asked) -> tuple[str, bool] | None:
    """"Kế hoạch cả năm 2025?" after international arrivals: no plan of its own, its whole's plan
    (all arrivals) said as such."""
    whole = kb.indicator(indicator.parent) if indicator.parent else None
    if whole is None or not any(v.kind == "target" for v in kb.values(whole.code, period)):
        return None
    text, found = figure_block(kb, whole, period, a)
    first, _, after = text.partition("\n")  # the figure on the first line, as any figure asked
    return (f"{first}\n(Các tài liệu không nêu kế hoạch {replies.period_label(period)} riêng cho "
            f"{replies.lower_first(indicator.name)}; đây là kế hoạch của {replies.lower_first(whole.name)}.)\n{after}", found)


def _change_of_the_whole(kb: KnowledgeBase, indicator: Indicator, period: str, a: Asked) -> tuple[str, bool] | None:
    """"Tăng bao nhiêu % so với cùng kỳ?" after international arrivals: no change of its own; its figure,
    then its whole's change (all arrivals) said as such."""
    whole = kb.indicator(indicator.parent) if indicator.parent else None
    changes = [v for v in kb.values(whole.code, period) if v.measure == "change" and v.scope == "city"] if whole else []
    if whole is None or not changes:
        return None
    own, found = figure_block(kb, indicator, period, replace(a, kinds=a.kinds - {"change"}, comparison=None))
    label = replies.period_label(period)
    said = replies.lower_first(replies.describe_value(changes[0], with_name=False)).rstrip(".")
    return (f"{own}\n(Các tài liệu không nêu mức tăng {label} riêng cho {replies.lower_first(indicator.name)}; "
            f"{replies.lower_first(whole.name)} {label}: {said}.)\n{replies.source_line(changes[0].document)}", found)


def figure_block(kb: KnowledgeBase, indicator: Indicator, period: str, a: Asked) -> tuple[str, bool]:
    """One indicator for one period: the figure asked on the first line, then the rest
    with their sources. Returns the text and whether any figure was found."""
    label = replies.period_label(period)
    values = kb.values(indicator.code, period)
    if (part := which_part(kb, indicator, period, a)) is not None:
        return part
    if a.kinds == {"target"} and not any(v.kind == "target" for v in values) and (
            whole := _plan_of_the_whole(kb, indicator, period, a)) is not None:
        return whole
    if "change" in a.kinds and values and not any(v.measure == "change" for v in values) and (
            whole := _change_of_the_whole(kb, indicator, period, a)) is not None:
        return whole
    if period.isdigit() and a.kinds != {"target"} and not _has_result(values):
        # The year is not over in the documents: the latest figure within it first, then the plan.
        within = [p for p in kb.periods(indicator.code) if p.startswith(f"{period}-")
                  and _has_result(kb.values(indicator.code, p))]
        latest = max(within, key=period_sort_key) if within else None
        text, found = figure_block(kb, indicator, latest, a) if latest else ("", False)
        if latest and not values:
            return text, found
        # "năm ngoái" asked in 2026 of a year the documents end within: the last whole year first
        whole_year = _last_whole_year(kb, indicator, period, a) if values else None
        if latest or whole_year is not None:
            plan, _ = figure_block(kb, indicator, period, replace(a, kinds=frozenset({"target"}), premise_cue=False))
            if latest is None:
                return f"{whole_year}\nCho {label}, tài liệu có:\n{plan}", True
            if whole_year is not None:
                return f"{whole_year}\nTrong {label}, tài liệu có:\n{text}\n{plan}", found
            return f"{text}\n{plan}", found
    if not values and (elsewhere := _claimed_of_another_period(kb, indicator, period, a)) is not None:
        return elsewhere
    if not values:
        partial = [p for p in kb.periods(indicator.code) if p.startswith(f"{period}-")]
        if partial:
            latest = max(partial, key=period_sort_key)
            text, found = figure_block(kb, indicator, latest, a)
            first, _, after = text.partition("\n")
            return f"{first}\n(Tài liệu chưa có số liệu cả {label}; đây là số liệu mới nhất trong năm.)\n{after}", found
        if (newest := _newest_before(kb, indicator, period)) is not None:
            if _year_typed(period, a):
                return f"Các tài liệu tôi có chưa có số liệu {indicator.name} {label}.", False
            text, found = figure_block(kb, indicator, newest, a)
            # the newest figure on the first line, as any figure asked; the period it stands in for said next
            first, _, after = text.partition("\n")
            note = (f"(Các tài liệu tôi có chưa có số liệu {label}; đây là số liệu mới nhất, "
                    f"{replies.period_label(newest)}.)")
            return f"{first}\n{note}\n{after}", found
        return f"Các tài liệu tôi có không nêu số liệu {indicator.name} {label}.", False
    shown = _filtered(values, a.kinds)
    primary = _primary(shown, a.kinds, a.folded, a.measure)
    rest = _said_with(kb, indicator, period, primary) + [v for v in shown if v is not primary]
    if primary.measure == "rank":  # "xếp thứ mấy": the rank, then what is ranked (SIPAS 88,09%, thứ 5)
        rest += [v for v in values if _is_stated_result(v) and v not in rest]
    head = replies.sentence_case(f"{indicator.name} {label}: ") + replies.lower_first(
        replies.describe_value(primary, with_name=False))
    # "thấp nhất" among the sectors, unless the question compares places ("thấp nhất vùng")
    among_places = _PLACES.search(a.folded) is not None
    premise = ((_premise(indicator, period, values, a, rest) or _among_siblings(kb, indicator, period, a))
               if among_places else (_among_siblings(kb, indicator, period, a) or _premise(indicator, period, values, a, rest)))
    lines = [line for line in (premise, head) if line]
    notice = replies.disagreement_notice(shown)
    lines.append(replies.source_line(primary.document))
    if rest:
        same_period = all(v.period == period and v.indicator.code == indicator.code for v in rest)
        lines.append("Tài liệu cũng nêu:\n" + replies.describe_values(rest, with_notes=notice is not None,
                                                                       with_name=not same_period))
    if notice:
        lines.append(notice)
    return "\n".join(lines), True


def stand_in(kb: KnowledgeBase, indicator: Indicator, period: str, a: Asked) -> str | None:
    """The newest period whose figure is given for a period the documents have nothing of, nor of any part of:
    "quý 1 năm nay" gets the newest first quarter; "năm 2026" typed asks that year, and no other year stands in
    (the newest is offered as a button)."""
    if kb.values(indicator.code, period) or any(p.startswith(f"{period}-") for p in kb.periods(indicator.code)):
        return None
    return None if _year_typed(period, a) else _newest_before(kb, indicator, period)


def _year_typed(period: str, a: Asked) -> bool:
    """"năm 2026" typed: that year is asked, and no other year's figure stands in for it; "quý 1 năm nay" is not."""
    return re.search(rf"\b{period[:4]}\b", a.folded) is not None


def _said_with(kb: KnowledgeBase, indicator: Indicator, period: str, primary: Value) -> list[Value]:
    """The figures of a family row that the primary figure's own sentence gives: "31 dự án nhà ở xã
    hội với tổng quy mô khoảng 36.600 căn" answers the count of projects with their flats."""
    return [v for row in family(kb, indicator) for v in kb.values(row.code, period)
            if v.quotes and v.quotes[0] in primary.quotes and v.scope == "city"]


def _plan_verdict(kb: KnowledgeBase, code: str, period: str) -> str | None:
    """Above, met or below the plan, from the figures (never from a bound alone)."""
    for c in kb.compare_to_plan(code, period):
        actual, target = parse_value(c.left.text), parse_value(c.right.text)
        if not (actual.is_number and target.is_number) or actual.is_range or actual.comparator:
            continue
        if target.comparator in (">", "≥") and actual.low is not None and target.low is not None:
            # a floor ("kế hoạch trên 9,1 triệu lượt"): reached or not, never "above" a bound
            reached = actual.low > target.low if target.comparator == ">" else actual.low >= target.low
            return "met" if reached else "below"
        if target.comparator:
            continue
        assert actual.low is not None and target.low is not None and target.high is not None
        if actual.low > target.high:
            return "above"
        return "met" if actual.low >= target.low else "below"
    return None


VERDICTS = {"above": "vượt kế hoạch", "met": "đạt kế hoạch", "below": "chưa đạt kế hoạch"}


# "có đạt không?", "đạt chưa", "vượt không": a yes/no question about the plan, even when it names no plan
_ASKS_MET = re.compile(r"\b(?:dat|vuot)\b.*\b(?:khong|chua|ko)\s*$")


def _verdict_line(verdict: str, claim: str | None, asked: str | None = None) -> str:
    """"Có đạt không?" → "Có, vượt kế hoạch."; "có vượt không?" when it only met it → "Không vượt: …";
    "nghe nói vượt kế hoạch?" when it did not → "Không đúng: …"."""
    said = VERDICTS[verdict]
    if claim is None:
        if asked == "below" and verdict != "below":
            return f"Không đúng: theo tài liệu, {said}."  # "chỉ đạt một nửa kế hoạch đúng không?"
        if verdict == "below":
            return "Chưa đạt kế hoạch."
        return f"Không vượt: {said}." if asked == "above" and verdict == "met" else f"Có, {said}."
    agrees = claim == verdict or (claim == "met" and verdict == "above")
    return f"Đúng, {said}." if agrees else f"Không đúng: theo tài liệu, {said}."


NOT_A_DETAIL = STOP_WORDS | frozenset(
    "nam quy thang dau cuoi ke hoach muc tieu chi dat uoc tang giam bao nhieu may ty le so luong tong con thi sao "
    "the nao thuc hien de ra phan dau ca nuoc voi so nham hoi minh co roi".split())
# Phrases that are no detail, though a word of theirs is one elsewhere ("tế" of "quốc tế", "y tế").
# "năm ngoái", "quí": a period, whatever "ngoái" is elsewhere; "kết quả" a kind ("kết nối" is a row's).
# words of a follow-up that name no row: a period, a correction, a rank ("đứng thứ mấy": "đứng" folds to "dựng"),
# the "làm" of "làm chết mấy người" after the fires; "nghe nói … 9,77% thôi đúng ko" of a claim ("đúng" folds to "dựng")
NOT_A_DETAIL_PHRASE = re.compile(r"\b(?:thuc te|nghe (?:noi|bao|dau)|nguoi ta (?:noi|bao)|(?<!xay )dung (?:khong|ko|k|chu|ha|nhi|roi)|phan tram|y (?:minh|toi|em|tui|anh|chi) (?:la|hoi)|ket qua|nam (?:ngoai|nay|truoc|sau|toi)|qui|lam (?=chet|bi thuong)|"
                                 r"(?:dung|xep|nam) (?:thu|hang|top|dau|cuoi)|thu (?:may|bao nhieu|hang))\b")


def vocabulary(indicator: Indicator) -> str:
    """An indicator's own words, folded: its name, aliases and unit ("%" said as "phần trăm")."""
    unit = indicator.unit or ""
    return fold(" ".join((indicator.name, *indicator.aliases, unit, "phan tram" if "%" in unit else "")))


def family(kb: KnowledgeBase, indicator: Indicator) -> list[Indicator]:
    """The rows a follow-up may move to: the indicator's sub-rows and its sibling rows."""
    siblings = [i for i in kb.children(indicator.parent) if i.code != indicator.code] if indicator.parent else []
    return kb.children(indicator.code) + siblings


_UNIT_ASKED = re.compile(r"\b(?:bao nhieu|may)\s+(\w+)")


def _asked_unit(folded: str) -> str | None:
    """The unit a question counts in: "bao nhiêu ha" → "ha"; "diện tích" is counted in hectares."""
    if match := _UNIT_ASKED.search(folded):
        return match.group(1)
    return "ha" if "dien tich" in folded else None


def refine(kb: KnowledgeBase, indicator: Indicator, a: Asked, from_context: bool) -> list[Indicator]:
    """The rows of the family the question's other words point to: "chất thải rắn ở đô thị" is
    the urban row of solid waste, "nông thôn thì sao?" after it the rural rows, "tổng bao nhiêu
    căn" after the number of social-housing projects the number of flats. A row with no figure
    of its own gives its sub-rows."""
    own = set(fold(" ".join((indicator.name, *indicator.aliases))).split())
    # several asked, or named in a clause apart from the one asking: each clause finds its own row ("còn xnk?" asks none)
    one_asked = len(ASKS_A_NUMBER.findall(a.folded)) <= 1 and not named_apart(kb, indicator, a)
    # several asked: this row is the first clause's ("trong đó bn dự án khởi công, bn căn")
    words = a.folded if one_asked else (clauses_of(kb, a) or [a.folded])[0]
    asked = [w for w in NOT_A_DETAIL_PHRASE.sub(" ", words).split() if not any(ch.isdigit() for ch in w)]
    details = set(asked) - own - NOT_A_DETAIL
    # two-word details too: "đô thị" is a detail though "đô" and "thị" alone are function words
    pairs = {f"{x} {y}" for x, y in pairwise(asked) if not {x, y} <= own | NOT_A_DETAIL}  # "cả nước" is no row
    rows = family(kb, indicator)
    if one_asked and (unit := _asked_unit(a.folded)) and unit not in fold(indicator.unit or "").split():
        # "4 khu công nghiệp mới … tổng diện tích bao nhiêu ha?": the row counted in the unit asked
        in_unit = [i for i in rows if unit in fold(i.unit or "").split()]
        if len(in_unit) == 1:
            return in_unit

    fits = {i.code: _fit(i, details, pairs) for i in rows}
    best = max(fits.values(), default=0)
    no_figure = not kb.periods(indicator.code)
    if best and (from_context or no_figure):  # a row named in the question is the row asked
        return [i for i in rows if fits[i.code] == best][:MAX_INDICATORS]
    if no_figure and kb.children(indicator.code):
        return kb.children(indicator.code)[:MAX_INDICATORS]
    return [indicator]


_CLAUSE = re.compile(r"[,;]|\b(?:và|va|với|voi|vs|còn|con)\b", re.IGNORECASE)


# a clause asking how a thing stands, with no number ("… 4 khu công nghiệp mới, tổng diện tích bao nhiêu ha?" states)
_ASKS_HOW_FAR = re.compile(r"\b(?:toi dau|den dau|the nao|ra sao|ntn|chua|gi|j|nao)\b")


_BARE_NAME = 3  # words: "nông nghiệp với công nghiệp 2025 tăng bao nhiêu" names one row, then asks of both


def named_apart(kb: KnowledgeBase, indicator: Indicator, a: Asked) -> bool:
    """"hệ thống hội nghị truyền hình kết nối tới đâu rồi, họp được bao nhiêu cuộc": the row is named in the first
    clause, which asks how far it got; a later clause asks a number of its family and names none."""
    clauses = clauses_of(kb, a)
    return (len(clauses) > 1 and indicator.code in kb.indicator_codes_named(clauses[0])
            and not ASKS_A_NUMBER.search(clauses[0])
            and (_ASKS_HOW_FAR.search(clauses[0]) is not None or len(clauses[0].split()) <= _BARE_NAME)
            and any(ASKS_A_NUMBER.search(c) and not kb.indicator_codes_named(c) for c in clauses[1:]))


def other_clauses(kb: KnowledgeBase, indicator: Indicator, a: Asked) -> list[Indicator]:
    """"Có bao nhiêu dự án nhà ở xã hội, tổng quy mô bao nhiêu căn?": each further clause that asks
    a figure and names no indicator asks the row of the family its words fit ("căn": the flats)."""
    own = set(vocabulary(indicator).split())
    rows = family(kb, indicator)
    found: list[Indicator] = []
    for clause in clauses_of(kb, a)[1:]:
        if not ASKS_A_NUMBER.search(clause) or kb.indicator_codes_named(clause):
            continue
        words = [w for w in clause.split() if not any(ch.isdigit() for ch in w)]
        details = set(words) - own - NOT_A_DETAIL
        pairs = {f"{x} {y}" for x, y in pairwise(words) if {x, y} <= details}  # "xã kiểu": no phrase of its own
        fits = {i.code: _fit(i, details, pairs) for i in rows}
        best = max(fits.values(), default=0)
        if best:
            # of rows that fit alike, the one worded like the row named ("… nâng cao (lũy kế)", "… kiểu mẫu (lũy kế)")
            found.append(max((i for i in rows if fits[i.code] == best),
                             key=lambda i: len(own & set(vocabulary(i).split())) - len(vocabulary(i).split()) / 100))
    return found


def _fit(row: Indicator, details: set[str], pairs: set[str]) -> int:
    """How many of the question's own words and phrases are the row's."""
    said = vocabulary(row)
    return len(details & set(said.split())) + sum(1 for pair in pairs if f" {pair} " in f" {said} ")


def _first_clause_leans(kb: KnowledgeBase, a: Asked, q: Query) -> Indicator | None:
    """"quý 1 năm nay được bao nhiêu rồi, khách quốc tế bao nhiêu?" after the arrivals: the first clause,
    asking a figure and naming none, is of the indicator just discussed; the next names its own."""
    context = q.slots.get("indicator")
    if q.slots.get("topic") != "indicator" or not context or context in a.indicators:
        return None
    clauses = clauses_of(kb, a)
    if len(clauses) < 2 or not ASKS_A_NUMBER.search(clauses[0]) or kb.indicator_codes_named(clauses[0]):
        return None
    return kb.indicator(str(context))


def clauses_of(kb: KnowledgeBase, a: Asked) -> list[str]:
    """The question's clauses as typed, each normalized: "…, tổng quy mô bao nhiêu căn?"."""
    return [kb.normalize_question(typed) for typed in _CLAUSE.split(a.text)]


def _of_period(kb: KnowledgeBase, a: Asked, period: str) -> Asked:
    """"GRDP 2024 tăng bao nhiêu, còn 2025 kế hoạch bao nhiêu": each period is asked in its own
    clause, with its own kind (2025's plan, not 2024's) and its own words."""
    for folded in clauses_of(kb, a):
        if period in parse_periods(folded):
            return replace(a, kinds=kinds_in(folded), folded=folded)
    return a


def answer_figures(kb: KnowledgeBase, a: Asked, q: Query, from_context: bool = False) -> Reply:
    named = [i for i in (kb.indicator(c) for c in a.indicators[:MAX_INDICATORS]) if i is not None]
    # the rows further clauses ask are their own: refined by the first clause's words, they would fold back
    further = other_clauses(kb, named[0], a) if len(named) == 1 and (
        len(ASKS_A_NUMBER.findall(a.folded)) > 1 or named_apart(kb, named[0], a)) else []
    refined = ({named[0].code: named[0]} if len(named) == 1 and WHICH_PART.search(a.folded) and kb.children(named[0].code)
               else {r.code: r for i in named for r in refine(kb, i, a, from_context)})  # its parts are compared
    indicators = list((refined | {i.code: i for i in further}).values())[:MAX_INDICATORS]
    if (leading := _first_clause_leans(kb, a, q)) is not None and leading.code not in {i.code for i in indicators}:
        indicators = [leading, *indicators][:MAX_INDICATORS]
    if not indicators:
        return ask_which_indicator([], q)
    several_asked = len(a.periods) > 1 or a.folded.count("bao nhieu") + a.folded.count(" may ") > 1
    if several_asked:
        a = replace(a, kinds=frozenset())  # "2024 được bao nhiêu, 2025 chỉ tiêu bao nhiêu": each period its own figures
    states_measure = a.measure is not None and any(
        v.measure == a.measure for p in (a.periods or (None,)) for v in kb.values(indicators[0].code, p))
    # "đứng đầu cả nước phải không?": the rank answers, not the comparison with the country
    claims_rank = (a.claims_top or a.claims_lowest) and any(v.measure == "rank" for v in kb.values(indicators[0].code))
    if len(indicators) == 1 and not several_asked and "rank" not in a.kinds and not states_measure and not (
            a.claimed_numbers and a.premise_cue) and not claims_rank and (
            a.comparison or a.claims_plan or (a.yes_no and (a.kinds & {"target"} or _ASKS_MET.search(a.folded)))):
        compared = _compare(kb, indicators[0], a, q)
        if compared is not None:
            return compared
        a = replace(a, kinds=a.kinds | {"change"} if a.comparison == "previous" else a.kinds)
    if a.premise_cue and a.claims_decrease:
        a = replace(a, kinds=a.kinds - {"change"})  # "sao xuất khẩu giảm?": the level and its change, not the change alone
    blocks: list[str] = []
    answered: list[str] = []
    buttons: list[dict[str, str]] = []
    chosen_for_resident = False
    for indicator in indicators:
        periods, chosen = periods_for(kb, indicator, a, q)
        chosen_for_resident |= chosen
        if not periods:
            blocks.append(f"Các tài liệu tôi có không nêu số liệu {indicator.name}.")
            continue
        for period in periods[:3]:
            text, found = figure_block(kb, indicator, period, _of_period(kb, a, period) if len(periods) > 1 else a)
            blocks.append(text)
            if found:
                answered.append(f"{indicator.code}:{period}")
            else:
                buttons += _period_buttons(kb, indicator, exclude=period)
        if chosen and len(indicators) == 1:
            blocks[-1] = blocks[-1] + f"\n({_chosen_note(a, periods[0])})"
            buttons += _period_buttons(kb, indicator, exclude=periods[0])
    first = indicators[0]
    if len(indicators) == 1 and not chosen_for_resident:
        buttons += _follow_buttons(kb, first.code, (a.periods or periods_for(kb, first, a, q)[0] or [""])[0])
    reply = Reply().say("\n\n".join(blocks), buttons[:MAX_PERIOD_BUTTONS + 2] + (feedback_buttons() if answered else []))
    named_periods = list(a.periods) or periods_for(kb, indicators[-1], a, q)[0]
    last_period = named_periods[-1] if named_periods else None
    if last_period is not None and (shown := stand_in(kb, indicators[-1], last_period, a)) is not None:
        last_period = shown  # "đạt bao nhiêu % kế hoạch năm?" next is of the figure shown, quý I/2025
    reply.slots.update(indicator=indicators[-1].code, period=last_period, topic="indicator",
                       value_kind=next(iter(a.kinds)) if len(a.kinds) == 1 else None)
    reply.answer_id = ("indicator:" + ",".join(answered)) if answered else None
    return reply


def _period_buttons(kb: KnowledgeBase, indicator: Indicator, exclude: str) -> list[dict[str, str]]:
    others = [p for p in sorted(kb.periods(indicator.code), key=period_sort_key, reverse=True) if p != exclude]
    return [button(replies.sentence_case(replies.period_label(p)), intent_payload("ask_indicator", indicator=indicator.code, period=p))
            for p in others[:MAX_PERIOD_BUTTONS]]


def _beside_the_years_plan(kb: KnowledgeBase, indicator: Indicator, period: str, a: Asked) -> Reply | None:
    """"So với kế hoạch cả năm thì sao?" after a quarter: the quarter's figure, then the year's plan;
    no verdict, a quarter being no year."""
    year = period.partition("-")[0]
    if year == period:
        return None
    plain = replace(a, kinds=frozenset(), comparison=None, premise_cue=False, claimed_numbers=())
    plan, found = figure_block(kb, indicator, year, replace(plain, kinds=frozenset({"target"})))
    if not found or not any(v.kind == "target" for v in kb.values(indicator.code, year)):
        return None
    now, _ = figure_block(kb, indicator, period, plain)
    # "quý 1 đã đạt hơn một nửa kế hoạch năm rồi phải không?": the share of the year's plan the quarter states
    city = [v for v in kb.values(indicator.code, period) if v.scope == "city"]
    verdict = _share_of_plan_claim(indicator, replies.period_label(period), city, a)
    reply = Reply().say(f"{verdict}\n{now}\n\n{plan}" if verdict else f"{now}\n\n{plan}", feedback_buttons())
    reply.slots.update(indicator=indicator.code, period=period, topic="indicator", value_kind=None)
    reply.answer_id = f"indicator:{indicator.code}:{period},{indicator.code}:{year}"
    return reply


def _compare(kb: KnowledgeBase, indicator: Indicator, a: Asked, q: Query) -> Reply | None:
    """A comparison the documents' figures allow, or None: then the figures themselves answer
    (with the change or percentage of plan the documents state)."""
    periods, _ = periods_for(kb, indicator, a, q)
    comparison = a.comparison or "plan"
    if periods and comparison == "previous" and kb.values(indicator.code, periods[0], measure="change"):
        return None  # "so với cùng kỳ": the change the document states answers it
    if periods and comparison in ("plan", "national"):
        available = (kb.compare_to_plan if comparison == "plan" else kb.compare_to_national)(indicator.code, periods[0])
        if not available:
            return _beside_the_years_plan(kb, indicator, periods[0], a) if comparison == "plan" else None
    entities = {**q.entities, "indicator": [indicator.code]}
    if periods:
        entities["period"] = [periods[0]]
    entities["comparison"] = [comparison]
    reply = compare_indicator(kb, replace(q, entities=entities))
    if not reply.answer_id or (reply.messages and reply.messages[0]["text"].startswith("Tài liệu cũng nêu")):
        return None
    if (a.yes_no or a.premise_cue or a.claims_plan) and comparison == "plan" and periods and reply.messages:
        verdict = _plan_verdict(kb, indicator.code, periods[0])
        if verdict:
            # in a yes/no question ("có vượt kế hoạch không?") the words are what is asked, not a claim
            question = a.yes_no and not a.premise_cue
            line = _verdict_line(verdict, None if question else a.claims_plan, a.claims_plan if question else None)
            reply.messages[0]["text"] = f"{line}\n{reply.messages[0]['text']}"
    return reply


# "con số 12,35% là gì", "12,35% là số gì": what a number the resident read stands for
NUMBER_ASKED = re.compile(r"\b(?:con so|so|muc|ty le)\s+(\d+(?:[ .,]\d+)?)(?: phan tram)?\s+(?:la (?:gi|so gi|cai gi|chi tieu gi|"
                          r"muc gi)|nghia la gi|o dau ra|tu dau ra)\b")


def values_written(kb: KnowledgeBase, number: str) -> list[Value]:
    """Every stored figure the documents give as `number` ("12,35", "từ 12,35"), in the order of the indicators."""
    asked = parse_value(number).low
    # the text's low end, not `number`: "từ 12,35" is a floor, still the number read
    return [v for code in kb.indicators() for v in kb.values(code) if asked is not None and parse_value(v.text).low == asked]


def answer_number(kb: KnowledgeBase, values: list[Value]) -> Reply:
    """The figures a number is, each with its indicator, period and source."""
    reply = Reply()
    lines = ["Trong tài liệu, con số này là:"]
    for value in values[:MAX_NUMBER_READINGS]:
        lines.append(_values_text(value.indicator, value.period, [value]))
    reply.say("\n".join(lines), feedback_buttons())
    first = values[0]
    reply.slots.update(indicator=first.indicator.code, period=first.period, topic="indicator")
    reply.answer_id = f"indicator:{first.indicator.code}:{first.period}"
    return reply


MAX_NUMBER_READINGS = 3
