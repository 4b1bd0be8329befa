"""How a question is matched against names and curated questions, and scored.

Pure functions over folded text (`knowledge.text.fold`), no database: where names occur
(longest first, never overlapping, so "tỷ trọng kinh tế số trong GRDP" is one
digital-economy name, not that name plus "GRDP"), how much of a project's name a question
gives, which policy number it means, how close it is to a curated question.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .text import fold


@dataclass(frozen=True)
class Span:
    key: str
    start: int  # word index in the folded question
    end: int
    gaps: int = 0  # words of the question inside the span that are not the name's

    @property
    def length(self) -> int:
        return self.end - self.start - self.gaps


NameIndex = dict[str, list[tuple[tuple[str, ...], str]]]


# Words residents leave out of a long name: "tỷ lệ chất thải rắn nông thôn xử lý hợp vệ sinh"
# names "… nông thôn được xử lý hợp vệ sinh".
OPTIONAL_WORDS = frozenset({"duoc"})
OPTIONAL_MIN = 4  # words a name keeps without them


def name_index(names: Iterable[tuple[str, str]]) -> NameIndex:
    """(key, folded name) pairs indexed by their first word, each long name also without its
    optional words; built once per set of names."""
    index: NameIndex = {}
    for key, name in names:
        parts = tuple(name.split())
        short = tuple(w for w in parts if w not in OPTIONAL_WORDS)
        for variant in dict.fromkeys((parts, short) if len(short) >= OPTIONAL_MIN else (parts,)):
            if variant:
                index.setdefault(variant[0], []).append((variant, key))
    return index


def name_spans(folded_question: str, names: Iterable[tuple[str, str]] | NameIndex) -> list[Span]:
    """Every (key, folded name) whose words occur in the question, longest first
    among overlapping ones, returned in the order they occur."""
    words = folded_question.split()
    index = names if isinstance(names, dict) else name_index(names)
    found: list[Span] = []
    for i, word in enumerate(words):
        for parts, key in index.get(word, ()):
            if tuple(words[i:i + len(parts)]) == parts:
                found.append(Span(key, i, i + len(parts)))
            elif len(parts) >= GAPPED_MIN and (end := _gapped_end(words, i, parts)) is not None:
                found.append(Span(key, i, end, end - i - len(parts)))
    # longest first, a name with words in between counting GAP_COST words less: "vốn nước ngoài
    # đổ vào Hải Phòng" is foreign investment (3 whole words), not "vốn … đổ vào Hải Phòng" (4 with
    # a gap, Hải Phòng among them); "bình quân GRDP trên đầu người" is the per-capita name, not "GRDP"
    found.sort(key=lambda s: (-(s.length - GAP_COST * bool(s.gaps)), s.gaps, s.start, s.key))
    chosen: list[Span] = []
    for span in found:
        overlaps = any(span.start < c.end and c.start < span.end for c in chosen)
        if not overlaps or any(c.start == span.start and c.end == span.end for c in chosen):
            chosen.append(span)  # the same words naming two keys: keep both, the caller decides
    return sorted(chosen, key=lambda s: (s.start, s.key))


# "bán hàng ra nước ngoài" names "bán ra nước ngoài", "bình quân GRDP trên đầu người" "bình quân
# đầu người": a name of three words or more, in order, with at most MAX_GAP other words between.
GAPPED_MIN = 3
MAX_GAP = 2
GAP_COST = 2.5
# Words of a period, which a name may have between its words without counting them as a gap.
PERIOD_WORDS = frozenset("quy thang nam dau cuoi i ii iii iv va".split())
# The copula: the words before it are the subject, those after it what the subject is.
SPLITS_A_NAME = frozenset({"la"})


def _gapped_end(words: Sequence[str], start: int, parts: tuple[str, ...]) -> int | None:
    """Where the name ending at `parts` ends when its words occur from `start` in order, the
    words between them MAX_GAP at most in all; None when they do not."""
    at, gaps = start + 1, 0
    for part in parts[1:]:
        while at < len(words) and words[at] != part:
            if words[at] in parts:
                return None  # "thu ngân sách, thu nội địa": another clause, not one name
            if words[at] in SPLITS_A_NAME:
                return None  # "chủ đầu tư là công ty nào": what it is, not "đầu tư công"
            # "kinh tế Hải Phòng quý 1 và 6 tháng đầu năm 2025 tăng": the period between is read on its own
            at, gaps = at + 1, gaps + (words[at] not in PERIOD_WORDS and not words[at].isdigit())
            if gaps > MAX_GAP:
                return None
        if at >= len(words):
            return None
        at += 1
    return at


def keys_in_order(spans: Iterable[Span]) -> list[str]:
    return list(dict.fromkeys(s.key for s in spans))


def longest_named(folded_question: str, names: Iterable[tuple[str, str]]) -> list[str]:
    """Keys whose folded name occurs in the question, the longest name first."""
    folded = f" {folded_question} "
    best: dict[str, int] = {}
    for key, name in names:
        if f" {name} " in folded:
            best[key] = max(best.get(key, 0), len(name))
    return [key for key, _ in sorted(best.items(), key=lambda item: -item[1])]


# -- projects: by how much of a name the question gives, words weighted by rarity -------------
# "được phê duyệt theo quyết định nào?" asks of a project's approval, naming none: one alias has the words
PROJECT_NOISE = frozenset(
    ["duoc", "phe", "duyet", "du", "an", "dau", "tu", "xay", "dung", "cong", "trinh", "thanh", "pho", "hai", "phong", "tai", "cua", "va", "cac", "so", "thuoc", "khu", "bao", "nhieu", "tien", "gi", "la", "nao", "the", "co", "khong", "ko", "k", "von", "gia", "tri", "trong", "diem", "danh", "muc", "nam", "nao", "nhung", "o"]
)


@dataclass(frozen=True, eq=False)
class ProjectNames:
    """Every project name (and alias) indexed for scoring questions; built once per set of names."""

    names: list[tuple[str, str, list[str]]]  # (project id, folded name, its words that are not noise)
    by_word: dict[str, list[int]]  # word → positions in `names` of the names using it
    weights: dict[str, float]  # log(projects / projects whose names use the word) + 1

    @classmethod
    def build(cls, names: list[tuple[str, str]]) -> ProjectNames:
        name_words = [(key, name, words) for key, name in names
                      if (words := [w for w in name.split() if w not in PROJECT_NOISE])]
        by_word: dict[str, list[int]] = {}
        for i, (_, _, words) in enumerate(name_words):
            for w in set(words):
                by_word.setdefault(w, []).append(i)
        projects_by_word: dict[str, set[str]] = {}
        for key, name in names:
            for w in set(name.split()) - PROJECT_NOISE:
                projects_by_word.setdefault(w, set()).add(key)
        total = len({key for key, _ in names}) or 1
        weights = {w: math.log(total / len(keys)) + 1 for w, keys in projects_by_word.items()}
        return cls(name_words, by_word, weights)

    def scores(self, text: str, limit: int = 5) -> list[tuple[str, float]]:
        """(project id, score) best first. A project one of whose names is wholly in the
        question scores 2 plus the share of the question's words its names account for
        ("tòa nhà 75 tầng ở Bắc sông Cấm" is the tower, though "Bắc sông Cấm" names several);
        otherwise the share of its best name's words found (at least 0.5). Words count by
        how rare they are among project names."""
        words = set(fold(text).split()) - PROJECT_NOISE
        if not words:
            return []
        weight = self.weights
        question_weight = sum(weight.get(w, 1.0) for w in words) or 1.0
        partial: dict[str, float] = {}
        covered: dict[str, set[str]] = {}
        whole: set[str] = set()
        folded_text = f" {fold(text)} "
        question = folded_text.split()
        candidates = sorted({i for w in words for i in self.by_word.get(w, ())})  # only names sharing a word
        for key, name, name_words in (self.names[i] for i in candidates):
            hits = [w for w in name_words if w in words]
            covered.setdefault(key, set()).update(hits)
            core = " ".join(name_words)  # "thành phố Thủy Nguyên" less its noise words
            if any(f" {n} " in folded_text and not _named_not_as_a_place(n, folded_text) for n in (name, core)):
                continue  # "huyện Thủy Nguyên": where, not which project
            if f" {name} " in folded_text or (len(name_words) >= 3 and len(hits) == len(name_words)):
                whole.add(key)  # the name, or every word of a long one ("quảng trường [phía trước] trung tâm …")
            elif len(hits) >= 2:  # one shared word ("cảng") names nothing
                if len(hits) == 2 and not _near_each_other(hits, question):
                    continue  # "báo cáo … nguyên nhân" has "cao" and "nhan", apart: no "Cao Nhân"
                share = sum(weight.get(w, 1.0) for w in hits) / sum(weight.get(w, 1.0) for w in name_words)
                run = RUN_BONUS * max(0, _longest_run(name.split(), question) - 2)
                partial[key] = max(partial.get(key, 0.0), share + run + len(hits) / 100)
        scores = {key: 2.0 + sum(weight.get(w, 1.0) for w in covered[key]) / question_weight for key in whole}
        scores.update({key: score for key, score in partial.items() if key not in whole})
        # rounded, then by id: sums over sets differ in the last digits with the hash seed
        ranked = sorted(((k, round(s, 9)) for k, s in scores.items()), key=lambda kv: (-kv[1], kv[0]))
        return [(k, s) for k, s in ranked if s >= 0.5][:limit]


# "huyện Thủy Nguyên" says where something is: a project whose alias is the place's name is not named by it
_PLACE_KIND = re.compile(r"(?:huyen|quan|xa|phuong|tp|thanh pho|thi xa|thi tran|tinh|dac khu) $")


def _named_not_as_a_place(name: str, folded_text: str) -> bool:
    """The name occurs in the question, at least once not right after a kind of place."""
    start = folded_text.find(f" {name} ")
    while start != -1:
        if not _PLACE_KIND.search(folded_text[:start + 1]):
            return True
        start = folded_text.find(f" {name} ", start + 1)
    return False


def _near_each_other(hits: list[str], question: list[str]) -> bool:
    """Two words of a name at most one word apart in the question ("cầu ng trãi": "ng" is Nguyễn)."""
    at = [[i for i, w in enumerate(question) if w == hit] for hit in hits]
    return any(abs(i - j) <= 2 for i in at[0] for j in at[1])


RUN_BONUS = 0.1  # per word beyond two of a run the question writes as the name does ("nhà ga hàng hóa")


def _longest_run(name: list[str], question: list[str]) -> int:
    """The most words of the name, not noise, that the question writes in a row as the name does."""
    best = 0
    for i in range(len(name)):
        for j in range(len(question)):
            k = counted = 0
            while i + k < len(name) and j + k < len(question) and name[i + k] == question[j + k]:
                counted += name[i + k] not in PROJECT_NOISE
                k += 1
            best = max(best, counted)
    return best


# -- policies: by name or alias, else by the parts of their number the question gives ---------
def policy_keys(text: str, names: Iterable[tuple[str, str]]) -> list[str]:
    """The policies a question names ("45-NQ/TW", "nghị quyết 45", "nq 7/nq-cp"): a whole name
    or alias beats a number; every policy tied for best is returned."""
    folded = f" {fold(text)} "
    numbers = set(re.findall(r"\d+", folded))
    keys: dict[str, int] = {}
    for key, name in names:
        if f" {name} " in folded:
            keys[key] = max(keys.get(key, 0), 100 + len(name))
        else:
            leading = re.match(r"\d+", fold(key))
            if leading and leading.group() in numbers:
                keys[key] = max(keys.get(key, 0), _number_score(key, folded))
    ranked = sorted(keys.items(), key=lambda kv: -kv[1])
    if not ranked:
        return []
    top = ranked[0][1]
    return [k for k, s in ranked if s == top]


def _number_score(key: str, folded_text: str) -> int:
    """How much of a policy number's parts ("45", "nq", "tw") the question gives."""
    parts = fold(key).split()
    return sum(1 for part in parts if f" {part} " in folded_text) * 10 + 1


# -- curated answers: by overlap with their question variants ---------------------------------
ANSWER_NOISE = frozenset(["la", "gi", "cua", "co", "khong", "ko", "k", "the", "nao", "nhu", "ra", "sao", "a", "oi", "nhe", "vay", "hai", "phong", "hp", "tp", "thanh", "pho"])

# Ways of asking the same thing, read as one: "ngày nào" is "khi nào".
_SAME_QUESTION = ((re.compile(r"\b(?:ngay nao|bao gio|luc nao|thoi diem nao|thoi gian nao|hoi nao|ngay may)\b"), "khi nao"),
                  (re.compile(r"\b(?:nhu the nao|ra sao|the nao)\b"), "the nao"),
                  (re.compile(r"\b(?:nhung gi|nhung viec gi|cai gi)\b"), "gi"),
                  # "chủ tịch UBND hiện nay tên là gì": who holds it
                  (re.compile(r"\bten (?:la )?gi\b"), "ai"))


def _same_question_words(folded: str) -> str:
    for pattern, canonical in _SAME_QUESTION:
        folded = pattern.sub(canonical, folded)
    # "khi nào" asks when; "khi" alone is "while" ("khi vận hành có khó khăn gì?"), which asks no date
    return re.sub(r"\bkhi\b(?! nao\b)", " ", folded).replace("khi nao", "khinao")


def question_words(text: str) -> set[str]:
    """A question's words as curated answers are matched: ways of asking read as one, noise dropped."""
    # a first "còn" turns to the question ("Còn về lâu dài, …"); later, it may be of the matter ("chỉ còn 1 cấp")
    return set(_same_question_words(re.sub(r"^con\b", "", fold(text))).split()) - ANSWER_NOISE


def answer_score(words: set[str], variants: Sequence[str], answer: str) -> float:
    """How well the question's words (`question_words`) overlap a curated answer's best
    question variant; 0 when the question has a number ("nghị quyết 45", "năm 2025") the
    answer is not about."""
    numbers = {w for w in words if w.isdigit()}
    covered = set(fold(" ".join((*variants, answer))).split())
    if not numbers <= covered:
        return 0.0
    best = 0.0
    for question in variants:
        q_words = question_words(question)
        if q_words:
            overlap = len(words & q_words)
            best = max(best, overlap / len(q_words | words) + overlap / 100)
    return best
