"""Writing answers in Vietnamese: figures exactly as documents write them, with source.

Pure functions of knowledge records, so every wording is unit-tested without Rasa.
"""

from __future__ import annotations

import re
from decimal import Decimal

from knowledge import Comparison, Document, Value, fold, format_number, parse_value

KIND_LABELS = {"target": "kế hoạch", "estimate": "ước đạt", "result": "đạt"}
KIND_WORDS = {"target": "mục tiêu (kế hoạch)", "estimate": "ước thực hiện", "result": "kết quả thực hiện"}
_ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV"}


def period_label(period: str) -> str:
    """"2025-Q1" → "quý I/2025", "2025-H1" → "6 tháng đầu năm 2025", "2019-2023" → "giai đoạn 2019 - 2023"."""
    if re.fullmatch(r"\d{4}", period):
        return f"năm {period}"
    if match := re.fullmatch(r"(\d{4})-(\d{4})", period):
        return f"giai đoạn {match.group(1)} - {match.group(2)}"
    if match := re.fullmatch(r"(\d{4})-Q(\d)", period):
        return f"quý {_ROMAN[match.group(2)]}/{match.group(1)}"
    if match := re.fullmatch(r"(\d{4})-H1", period):
        return f"6 tháng đầu năm {match.group(1)}"
    if match := re.fullmatch(r"(\d{4})-(\d+)M", period):
        return f"{match.group(2)} tháng năm {match.group(1)}"
    return period


def sentence_case(text: str) -> str:
    """Capital first letter only ("quý I/2025" → "Quý I/2025"; str.capitalize would lower the I)."""
    return text[:1].upper() + text[1:]


def short(title: str, limit: int = 60) -> str:
    """A button title that fits: cut at a word boundary, with an ellipsis, never mid-word."""
    if len(title) <= limit:
        return title
    cut = title[:limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:-–(")
    return f"{cut}…"


def lower_first(text: str) -> str:
    """"Ước đạt 11,01%." → "ước đạt 11,01%."; an acronym ("GRDP …") keeps its capitals."""
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def with_unit(text: str, unit: str) -> str:
    if not unit or unit.lower() in text.lower() or not re.search(r"\d", text):
        return text
    unit = lower_first(unit)  # "tỷ USD", "triệu lượt" as the documents write them; "USD/người" stays
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"


def vn_date(iso: str | None, written_in: str = "") -> str:
    """"2025-06-27" → "27/6/2025", as the documents write dates; "08/02/2023" where the quotes
    `written_in` write it only so (a resident checks the number against the document); empty when unknown."""
    if not iso or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso):
        return ""
    year, month, day = iso.split("-")
    plain = f"{int(day)}/{int(month)}/{year}"
    padded = f"{day}/{month}/{year}"
    return padded if padded in written_in and not re.search(rf"(?<!\d){re.escape(plain)}", written_in) else plain


def source_line(document: Document) -> str:
    return f"Nguồn: {document.citation}."


def kind_label(value: Value) -> str:
    """"kế hoạch", "ước đạt", "đạt"; a target the document calls an aim ("phấn đấu") is not called a plan."""
    if value.kind == "target" and "phan dau" in fold(value.qualifier or ""):
        return "mục tiêu phấn đấu"
    return KIND_LABELS[value.kind]


def is_a_sentence(text: str) -> bool:
    """A value the document states in a sentence of its own, not a figure in words ("đô thị loại I")."""
    return not re.search(r"\d", text) and text[:1].isupper() and len(text.split()) >= 5


def describe_value(value: Value, with_name: bool = True) -> str:
    """One figure as a sentence: what, when, which kind, how much, relative to what."""
    name = value.indicator.name if with_name else ""
    where = "cả nước" if value.scope == "national" else ""
    subject = " ".join(part for part in (name, where, period_label(value.period) if with_name else "") if part)
    figure = with_unit(value.text, value.unit)
    if value.measure == "percent_of_plan":
        body = f"bằng {figure} {value.qualifier or 'kế hoạch'}"
    elif value.measure == "times":
        body = f"gấp {value.text} lần {value.qualifier or ''}".rstrip()
    elif value.measure == "change":
        parsed = parse_value(value.text)
        verb = "giảm" if parsed.low is not None and parsed.low < 0 else "tăng"
        shown = with_unit(value.text.lstrip("-").removeprefix("âm ").strip(), value.unit) if verb == "giảm" else figure
        body = f"{verb} {shown} {value.qualifier or ''}".rstrip()
    elif value.measure == "rank":
        body = f"xếp thứ {value.text}" + (f" ({value.qualifier})" if value.qualifier else "")
    elif is_a_sentence(value.text):
        # "Giải ngân vốn đầu tư công còn chậm so với cùng kỳ": no figure to call "ước đạt", the document's words
        body = f"tài liệu ghi “{value.text}”"
    else:
        label = kind_label(value)
        # "đạt tiêu chí đô thị loại III": a figure in words that already says it was reached
        body = figure if fold(figure).startswith(f"{fold(label)} ") else f"{label} {figure}"
        if value.qualifier:
            body += f" ({value.qualifier})"
    if value.measure != "level" and value.kind != "result":
        body += f" ({KIND_WORDS[value.kind]})"
    return f"{subject[:1].upper()}{subject[1:]}: {body}." if subject else f"{body[:1].upper()}{body[1:]}."


def describe_values(values: list[Value], with_notes: bool = False, with_name: bool = True) -> str:
    """Several figures, grouped by source so each source is named once.

    Reviewers' notes are shown only when asked (where documents disagree they
    explain which passage says what).
    """
    lines: list[str] = []
    by_doc: dict[str, list[Value]] = {}
    for value in values:
        by_doc.setdefault(value.document.id, []).append(value)
    for group in by_doc.values():
        lines += [f"• {describe_value(v, with_name)}" for v in group]
        notes = {v.resident_note for v in group if v.resident_note} if with_notes else set()
        lines += [f"  Ghi chú: {note}" for note in sorted(notes)]
        lines.append(source_line(group[0].document))
    return "\n".join(lines)


def disagreement_notice(values: list[Value]) -> str | None:
    """Say plainly when documents give different figures for the same thing."""
    keys: dict[tuple[str, ...], set[object]] = {}
    for v in values:
        parsed = parse_value(v.text)
        figure: object = (parsed.low, parsed.high) if parsed.is_number else v.text
        key = (v.indicator.code, v.period, v.kind, v.scope, v.measure, fold(v.qualifier or ""))
        keys.setdefault(key, set()).add(figure)
    if any(len(figures) > 1 for figures in keys.values()):
        return "Lưu ý: các tài liệu (hoặc các phần của cùng tài liệu) đưa ra số liệu khác nhau; tôi nêu đủ cả hai kèm nguồn."
    return None


def _against_bound(actual: Decimal, actual_cmp: str | None, other: Decimal, other_cmp: str | None,
                   reference: str) -> str:
    """A bound ("<4,0", "trên 9,1", "gần 30") gives no difference to compute: say only what follows."""
    if actual_cmp in (None, "<", "<=") and other_cmp in ("<", "<=") and actual <= other:
        return f"→ Dưới mức trần của {reference}."
    if actual_cmp in (None, ">", ">=") and other_cmp in (">", ">=") and actual >= other:
        return f"→ Trên mức sàn của {reference}."
    if actual_cmp in (">", ">=") and other_cmp is None and actual >= other:
        return f"→ Cao hơn {reference}."
    if actual_cmp in ("<", "<=") and other_cmp is None and actual <= other:
        return f"→ Thấp hơn {reference}."
    return f"→ Một trong hai số là một ngưỡng, không phải một con số, nên tôi không tính chênh lệch với {reference}."


def _against(c: Comparison, reference: str) -> str:
    """A figure against a plan or the country's figure, also when that is a range ("11,5 - 12")."""
    actual, other = parse_value(c.left.text), parse_value(c.right.text)
    if not (actual.is_number and other.is_number) or actual.is_range:
        return f"→ Một trong hai số không phải một con số, nên tôi không tính so sánh với {reference}."
    assert actual.low is not None and other.low is not None and other.high is not None
    points = " điểm phần trăm" if c.left.unit == "%" else f" {lower_first(c.left.unit)}"
    if actual.comparator or other.comparator:
        return _against_bound(actual.low, actual.comparator, other.low, other.comparator, reference)
    if other.is_range:
        if actual.low < other.low:
            return f"→ Thấp hơn mức dưới của {reference} {format_number(other.low - actual.low)}{points} (tính từ hai số trên)."
        if actual.low > other.high:
            return f"→ Cao hơn mức trên của {reference} {format_number(actual.low - other.high)}{points} (tính từ hai số trên)."
        return f"→ Nằm trong khoảng của {reference}."
    if c.left.unit != "%" and c.ratio is not None:
        if reference == "kế hoạch":
            return f"→ Tính từ hai số trên: bằng khoảng {c.percent_text()}% kế hoạch."
        return f"→ Tính từ hai số trên: Hải Phòng gấp khoảng {c.ratio_text()} lần {reference}."
    difference = actual.low - other.low
    if difference == 0:
        return f"→ Bằng mức của {reference}."
    word = "Cao hơn" if difference > 0 else "Thấp hơn"
    return f"→ {word} {reference} {format_number(abs(difference))}{points} (tính từ hai số trên)."


def describe_comparison(c: Comparison) -> str:
    left, right = c.left, c.right
    left_text = f"{KIND_LABELS[left.kind]} {with_unit(left.text, left.unit)}"
    right_text = with_unit(right.text, right.unit)
    if right.qualifier and len(right.qualifier) <= 20:  # "phấn đấu", not a restated sentence
        right_text += f" ({right.qualifier})"
    name = left.indicator.name
    if c.kind == "percent_of_plan":
        lines = [f"{name} {period_label(left.period)}: {left_text}; kế hoạch {right_text}."]
        lines.append(_against(c, "kế hoạch"))
        if c.stated is not None:
            lines.append(f"Tài liệu ghi: {describe_value(c.stated, with_name=False)}")
    elif c.kind == "vs_national":
        lines = [f"{name} {period_label(left.period)}: Hải Phòng {left_text}; cả nước {right_text}."]
        lines.append(_against(c, "cả nước"))
        if c.stated is not None:
            lines.append(f"Tài liệu ghi: {describe_value(c.stated, with_name=False)}")
    else:
        lines = [f"{name}: {period_label(left.period)} {left_text}; {period_label(right.period)} {right_text}."]
        if c.difference is not None:
            unit = "điểm phần trăm" if left.unit == "%" else lower_first(left.unit)
            size = format_number(abs(c.difference), 2)
            than = f"{period_label(right.period)}"
            verdict = (f"Cao hơn {than} {size} {unit}" if c.difference > 0 else
                       f"Thấp hơn {than} {size} {unit}" if c.difference < 0 else f"Bằng {than}")
            lines.append(f"→ {verdict} (tính từ hai số trên).")
    sources = {left.document.citation, right.document.citation}
    lines.append("Nguồn: " + "; ".join(sorted(sources)) + ".")
    return "\n".join(lines)
