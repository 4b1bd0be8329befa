"""Curated answers say no more than their sources: every clause of every sentence is
made of words and numbers its quotes (or the names of its documents) give."""

from __future__ import annotations

import re

import pytest

from knowledge import KnowledgeBase
from knowledge.loader import load_facts
from knowledge.numbers import numbers_in
from knowledge.records import Answer, FactSet
from knowledge.text import fold
from knowledge.validate import answer_support

# Function words, and the words that frame a report ("theo bài viết", "báo cáo nêu"):
# they carry no claim of their own. Names, verbs of substance, negations and numbers do.
FRAMING = frozenset("""
la cua va cac nhung duoc co cho voi trong theo ve tu den tai o nay do da dang se cung nhu mot
nham de khi thi ma nen hay hoac bang tren duoi sau truoc gom bao viec su nhieu moi rang
thanh pho hai phong hp tp nam thang ngay so hon the nao gi
neu biet dong thoi day dieu noi dung nhom thu nhat bay giai phap yeu cau chi dao danh gia ong
nhan manh cu the bai viet cao ban tin tai lieu phan muc tieu nhiem vu tiep tuc trien khai
thuc hien dat can vi dau tien chu thich dan nhac coi ghi
""".split())
# A sentence about what the documents leave out ("Văn bản không nêu …") claims nothing of the city.
ABOUT_THE_SOURCES = re.compile(r"\b(?:van ban|tai lieu|bai viet|bao cao|ban tin)\b.{0,40}\bkhong (?:neu|ghi|liet ke|noi)")
FOOTNOTE_MARK = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+")  # "Bộ Chính trị⁵": the mark is not part of the word
SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
ORDINAL = re.compile(r"\bthu (?:nhat|hai|ba|tu|nam|sau|bay)\b")  # "nhóm giải pháp thứ ba"
CLAUSE = re.compile(r",\s|;\s|:\s|\(|\)|\s[–-]\s| và | gồm ")


def unsupported(facts: FactSet, answer: Answer) -> list[str]:
    support = FOOTNOTE_MARK.sub(" ", answer_support(facts, answer))
    words = set(fold(support).split())
    numbers = set(numbers_in(support))
    problems = []
    for sentence in filter(str.strip, SENTENCE.split(answer.answer)):
        if ABOUT_THE_SOURCES.search(fold(sentence)):
            continue
        for clause in filter(str.strip, CLAUSE.split(sentence)):
            folded = ORDINAL.sub(" ", fold(clause))
            missing = [w for w in folded.split() if w not in FRAMING and w not in words and not w.isdigit()]
            missing += [n for n in numbers_in(clause) if n not in numbers and n.lstrip("-") not in numbers]
            if missing:
                problems.append(f"{answer.id}: “{clause.strip()}” — not in its quotes: {', '.join(missing)}")
    return problems


def test_every_clause_of_every_curated_answer_is_in_its_quotes() -> None:
    facts = load_facts()
    problems = [p for answer in facts.answers for p in unsupported(facts, answer)]
    assert problems == []


@pytest.mark.parametrize("added, word", [
    ("Đây là mức cao nhất cả nước.", "cao"),  # a claim the quote does not make
    ("Kết quả này do Chủ tịch Lê Ngọc Châu nêu.", "le"),  # a speaker the quote does not name
    ("GRDP tăng 99%.", "99"),
])
def test_the_check_catches_an_added_claim(added: str, word: str) -> None:
    facts = load_facts()
    answer = next(a for a in facts.answers if a.id == "chu_de_nam_2025")
    changed = Answer(answer.id, answer.topic, answer.questions, f"{answer.answer} {added}",
                     None, None, answer.provenance)
    assert any(word in p for p in unsupported(facts, changed))


def test_the_2025_growth_target_gives_the_plan_and_the_mid_year_aim_with_their_sources(kb: KnowledgeBase) -> None:
    best = kb.find_answers("Mục tiêu tăng trưởng GRDP năm 2025 của Hải Phòng là bao nhiêu?", limit=1)[0]
    text = best.answer.answer
    assert "12,5%" in text and "619-BC/TU ngày 03/12/2024" in text
    assert "12,35%" in text and "12/7/2025" in text
    for info in kb.answers():  # no curated answer gives the mid-year aim without the plan
        if "12,35" in info.answer.answer:
            assert "12,5%" in info.answer.answer, info.answer.id


def test_the_party_report_is_not_given_words_from_the_chairmans_report(kb: KnowledgeBase) -> None:
    info = kb.answer("xay_dung_dang_he_thong_chinh_tri_6_thang_2025")
    assert info is not None
    hien = next(s for s in info.answer.answer.split(". ") if "Đỗ Mạnh Hiến" in s)
    assert "Chính trị, xã hội ổn định" not in hien and "đối ngoại Đảng" not in hien
    assert "Lê Ngọc Châu" in info.answer.answer


def test_resolution_7_is_given_as_tasks_and_the_growth_pole_is_not_attributed_to_the_city(kb: KnowledgeBase) -> None:
    info = kb.answer("tam_nhin_2030_2045_nq7")
    assert info is not None
    assert "7 nhiệm vụ giải pháp" in info.answer.answer
    assert "cực tăng trưởng" not in info.answer.answer


def test_a_phrase_of_the_question_the_answer_says_breaks_a_near_tie(kb: KnowledgeBase) -> None:
    # both answers speak of congresses; only one says "đại hội điểm" (and the score stays the overlap)
    [best, *_] = kb.find_answers("đại hội điểm chọn những nơi nào", limit=2)
    assert (best.answer.id, "đại hội điểm" in best.answer.answer) == ("dai_hoi_dang_bo_co_so", True)
