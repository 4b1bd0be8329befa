"""The source documents themselves: "báo cáo 619 ra ngày nào, ai ký?", "số liệu này lấy từ báo cáo nào?".

Every answer names its source; residents then ask about that source. What a document is, when and
by whom it was issued and who signed it come from the manifest (the signature block quoted there).
"""

from __future__ import annotations

import re

from knowledge import Document, KnowledgeBase, fold

from . import replies
from .feedback_buttons import feedback_buttons
from .query import Query, Reply, quoted_last

# who signed the document just cited, which document the last figure came from ("văn bản nào cho phép …"
# asks a policy by its subject, not a source)
_SIGNER_ASKED = re.compile(r"\b(?:ai k[yi]|nguoi k[yi]|do ai k[yi]|k[yi] boi|ai la nguoi k[yi])\b")  # "kí" is "ký" too
SOURCE_ASKED = re.compile(rf"{_SIGNER_ASKED.pattern}|\b(?:lay tu (?:bao cao|tai lieu|van ban|nguon|dau)|nguon (?:nao|tu dau|o dau)|"
                          r"(?:bao cao|tai lieu|van ban)(?: \w+){0,2} (?:do|nay|ay|tren)|"  # "báo cáo năm 2024 đó"
                          r"(?:so lieu|con so) (?:nay|do|tren)\b.*\b(?:bao cao|tai lieu|van ban|nguon))\b")
# "ông ấy giữ chức gì?" after a document: its signer's title, which the signature block gives
_SIGNER_OFFICE = re.compile(r"\b(?:ong ay|ba ay|nguoi do|nguoi ky|ong do|ba do)\b.*\b(?:chuc|chuc vu|chuc gi|la ai|ten gi)\b")
# when it was issued, of the document just described
_DATE_ASKED = re.compile(r"\b(?:ban hanh|ra|phat hanh|ky) (?:ngay nao|khi nao|bao gio|luc nao)|\bngay (?:ban hanh|ky)\b")


def named_source(kb: KnowledgeBase, folded: str) -> Document | None:
    """A source document the question names by its number ("báo cáo 619-BC/TU", "bc 619"), or whose number it asks
    of the one report its issuer made ("báo cáo kết quả năm 2024 của Thành ủy là báo cáo số mấy?")."""
    for doc in kb.documents().values():
        if not doc.number:
            continue
        digits = doc.number.split("-")[0]
        if fold(doc.number) in folded or re.search(rf"\b(?:bao cao|bc|van ban)\s+(?:so\s+)?{re.escape(digits)}\b", folded):
            return doc
    if _REPORT_NUMBER_ASKED.search(folded):
        # "của thành ủy": the issuer without the city's name, which a resident of it leaves out; "báo cáo năm 2024
        # đó": the report of the year named, when one report is of it
        reports = [d for d in kb.documents().values() if d.number and d.kind == "report"
                   and (re.sub(r"\s+(?:thanh pho )?hai phong$", "", fold(d.issuer)) in folded
                        or any(year in fold(d.title) for year in re.findall(r"\b20\d\d\b", folded)))]
        return reports[0] if len(reports) == 1 else None
    return None


# a report named; and its number asked
_REPORT = re.compile(r"\b(?:bao cao|bc)\b")
# or its signer, its date: "Báo cáo kết quả kinh tế - xã hội năm 2024 của Thành ủy do ai ký?"
_REPORT_NUMBER_ASKED = re.compile(_REPORT.pattern + r".*\b(?:so may|so bao nhieu|so hieu|so nao|bao cao nao|ai k[yi]|k[yi] ngay nao|"
                                  r"ban hanh ngay nao|ngay nao ban hanh|(?:co quan nao|ai) ban hanh?)\b"
                                  r"|\b(?:ai|nguoi) (?:k[yi]|ban hanh)\b.*" + _REPORT.pattern)  # "Ai kí báo cáo … của Thành ủy?"


def last_answer_sources(kb: KnowledgeBase, q: Query) -> list[Document]:
    """The documents the last answer cited: its figure's, or the document it was about ("ai ký?" after a
    project asks who signed its approving decisions, which its record gives)."""
    topic, slots = q.slots.get("topic"), q.slots
    if topic == "document" and slots.get("policy"):
        return [d for d in kb.documents().values() if d.number == slots["policy"]]
    if topic == "indicator" and slots.get("indicator"):
        values = kb.values(str(slots["indicator"]), str(slots["period"]) if slots.get("period") else None)
        return list({v.document.id: v.document for v in values}.values())
    if topic == "passage" and (quoted := quoted_last(slots)) is not None:
        # "báo cáo đó ai ký" after sentences quoted: the documents they were quoted from
        return [doc for doc_id, doc in kb.documents().items() if doc_id in quoted[0]]
    return []


def asks_source(kb: KnowledgeBase, folded: str, q: Query) -> list[Document]:
    """The documents asked about: one named by its number, or the last answer's when the question asks
    of its source ("ai ký báo cáo đó?", "số liệu này lấy từ báo cáo số mấy?")."""
    if (named := named_source(kb, folded)) is not None:
        return [named]
    of_the_last = SOURCE_ASKED.search(folded) or (q.slots.get("topic") == "document" and (
        _DATE_ASKED.search(folded) or _SIGNER_OFFICE.search(folded)))
    if not of_the_last:
        return []
    cited = last_answer_sources(kb, q)
    if not cited and _REPORT.search(folded) and (quoted := quoted_last(q.slots)) is not None:
        # "bản báo cáo … đó do ai ký?" after a document's sentences were quoted: the report they were quoted from
        cited = [doc for doc_id, doc in kb.documents().items() if doc_id in quoted[0] and doc.kind == "report"]
    # "báo cáo đó": of the documents cited, the report
    return ([d for d in cited if d.kind == "report"] or cited) if _REPORT.search(folded) else cited


# a tag question closing the message: what comes before it is taken for granted
_TAKEN_FOR_GRANTED = r"(?=.*\b(?:phai|dung|a|ha|ak|ko|khong|chu)\s*$)"
# "… do Bí thư Lê Tiến Châu ký phải không?": a signer taken for granted ("do ai ký?" asks one)
_SIGNER_CLAIMED = re.compile(rf"\b(?:do|la|boi|duoc)\s+(?!ai\b)((?:\w+\s+){{1,7}}?)ky\b{_TAKEN_FOR_GRANTED}")


def _verdict(right: bool, fact: str) -> str:
    return f"Đúng: {fact}." if right else f"Không đúng: theo tài liệu, {fact}."


def signer_verdict(doc: Document, folded: str) -> str | None:
    """Whether the signer the question takes for granted is the one the signature block names."""
    claimed = _SIGNER_CLAIMED.search(folded)
    if claimed is None or not doc.signed:
        return None
    name = fold(doc.signed.split("(")[0]).split()[-2:]  # the given names: titles are written many ways
    said = f" {claimed.group(1)} "
    return _verdict(bool(name) and all(f" {word} " in said for word in name), f"người ký là {doc.signed}")


# "… là do UBND thành phố ban hành phải ko?": an issuer taken for granted
_ISSUER_CLAIMED = re.compile(rf"\b(?:do|boi|cua)\s+(?!ai\b)((?:\w+\s+){{1,7}}?)(?:ban hanh|phat hanh|ra)\b"
                             rf"{_TAKEN_FOR_GRANTED}")


def issuer_verdict(doc: Document, folded: str) -> str | None:
    """Whether the issuer the question takes for granted is the document's (its first two words: "Thành ủy")."""
    claimed = _ISSUER_CLAIMED.search(folded)
    if claimed is None or not doc.number:
        return None
    issuer = " ".join(fold(doc.issuer).split()[:2])
    return _verdict(f" {issuer} " in f" {claimed.group(1)} ", f"văn bản này do {doc.issuer} ban hành")


def describe(doc: Document, folded: str) -> str:
    """What the document is, when and by whom it was issued, and (asked or known) who signed it."""
    when = f" ngày {replies.vn_date(doc.date)}" if doc.date else ""
    lines = [f"{doc.citation}: “{doc.title}”." if doc.number else f"{doc.citation}: “{doc.title}” ({doc.issuer})."]
    if verdict := signer_verdict(doc, folded) or issuer_verdict(doc, folded):
        lines.insert(0, verdict)
    if not doc.date and doc.date_note:
        lines.append(doc.date_note)
    if doc.number:
        lines.append(f"Ban hành{when} bởi {doc.issuer}.")
    if doc.signed:
        lines.append(f"Người ký: {doc.signed}.")
    elif _SIGNER_ASKED.search(folded) or _SIGNER_OFFICE.search(folded):
        lines.append("Tài liệu không ghi người ký.")
    return "\n".join(lines)


def answer_source(kb: KnowledgeBase, docs: list[Document], folded: str) -> Reply:
    reply = Reply().say("\n\n".join(describe(doc, folded) for doc in docs), feedback_buttons())
    numbered = [doc for doc in docs if doc.number]
    reply.slots.update(topic="document", policy=numbered[0].number if len(numbered) == 1 else None)
    reply.answer_id = "document:" + ",".join(doc.id for doc in docs)
    return reply
