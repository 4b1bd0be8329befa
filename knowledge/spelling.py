"""A resident's question in the folded form names are matched on, typos and teencode fixed.

Matching compares folded words (`knowledge.text.fold`), so one wrong letter in
"tăng trưởg" or "doanh ngiệp" used to lose the indicator. A `Speller` learns the
words the knowledge base answers to (indicator, project and policy names and
aliases, old and new unit names), the words and adjacent pairs of the source
documents, and everyday words residents type; `Speller.normalize` then:

1. expands teencode and abbreviations (`knowledge.teencode`): phrases first
   ("bh xh" → bảo hiểm xã hội), then single tokens ("ns" → ngân sách), "j" typed
   for "i" ("khj" → "khi"). Codes after a number stay ("45-NQ/TW" folds to
   "45 nq tw"), and an everyday abbreviation that is also a name in a known pair
   stays ("sông Hồng" is not "sông không");
2. corrects a token that is neither a known word nor spelled like a Vietnamese
   syllable ("truog", "ngiep", "scah"): Telex marks dropped ("truowngr"), else
   the known word within one edit (two from six letters; a swap is one edit)
   that fits a neighbour, preferring one bound to it, then the likeliest slip;
   with no fitting neighbour, the clearly most frequent word one slip away;
3. moves a rare syllable that forms no known pair with either neighbour to a
   one-edit variant bound to a neighbour ("nga sach" → "ngan sach", "ke hoac" →
   "ke hoach", "lach trai" → "lach tray"). Bound means seen together at least
   `PAIR_MIN` times with Dice's coefficient at least `BOND_MIN`, or, for a letter
   left out, seen together `LEFT_OUT_PAIR_MIN` times ("bao nhêu"). Frequent and
   everyday words move only for a letter left out and a pair seen
   `LEFT_OUT_SOLID_PAIR_MIN` times ("đầu ngời", "tăng tưởng"); a word that pairs
   with a neighbour ("tư tưởng"), a lone "hoặc" or "Nga" stays.

Numbers, words with digits ("qh15") and words of one or two letters are never
corrected (only expanded), and a word is only ever replaced by a vocabulary word.
Steps 2 and 3 repeat until nothing changes: each change adds a known word or a
known pair, so this ends, and normalizing a normalized question changes nothing.

Lookups use precomputed deletion neighbourhoods (SymSpell), cached per word: a
question takes well under a millisecond once the speller is built (~0.1 s).
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from .teencode import EVERYDAY, SPOKEN, TEENCODE, expand_phrase
from .text import fold

MAX_CHARS = 5000  # as the NLU normalizer: no resident question needs more
NAME_WEIGHT = 2  # a name counts as much as two sentences of the documents
PAIR_MIN = 2  # a pair must be seen this often to move a syllable (step 3)
BOND_MIN = 0.1  # and bind its two words this much (Dice's coefficient)
SOLID_MIN = 40  # a word seen this often (weighted) is never moved by a pair
FREQUENT_MIN = 2  # a lone unknown word moves only to a word seen this often (step 2)
LEFT_OUT_PAIR_MIN = 5  # a pair seen this often moves a rare syllable missing one letter (step 3)
LEFT_OUT_SOLID_PAIR_MIN = 15  # and this often a real word missing one ("đầu ngời" → "đầu người")
SHORT_WORD = 2  # letters: such a word moves only for a letter left out that binds it to both neighbours

# Everyday words and phrases residents use that the documents rarely contain; they
# are vocabulary (never "corrected" into a domain word) and give the pairs of
# ordinary questions.
CONVERSATIONAL = """
chào bạn, xin chào, chào ad, cảm ơn bạn nhiều, cảm ơn, xin lỗi, cho tôi hỏi, cho mình hỏi, cho em hỏi,
tôi muốn biết, mình muốn hỏi, muốn tìm hiểu, bạn ơi, bot ơi, ad ơi, ạ, nhé, nha, nhỉ, vậy, thế, thì sao,
bao nhiêu, bao nhiêu tiền, là bao nhiêu, là gì, là ai, như thế nào, thế nào, ra sao, ở đâu, khi nào,
bao giờ, lúc nào, tại sao, vì sao, mấy, được không, có không, có phải, phải không, đúng không, chưa,
bạn là ai, bạn giúp gì được, bạn biết gì, giúp tôi, giúp mình, tạm biệt, hẹn gặp lại, xem thêm,
tiếp theo, cái thứ hai, cái đầu tiên, cái cuối, số một, còn năm nay thì sao, thế còn, còn cái kia,
kế hoạch là bao nhiêu, so với cả nước, so với kế hoạch, so với năm trước, so với cùng kỳ,
gấp mấy lần, tăng bao nhiêu, giảm bao nhiêu, đạt bao nhiêu, phường nào, xã nào, giờ thuộc,
sau sáp nhập, trước sáp nhập, địa chỉ mới, địa chỉ cũ, chính quyền hai cấp, hữu ích, không đúng,
sai rồi, đúng rồi, hay quá, tốt quá, tuyệt vời, thời tiết, bóng đá, giá vàng, hôm nay, ngày mai,
năm nay, năm ngoái, năm sau, năm tới, tháng này, quý này, hiện nay, hiện tại, mới nhất, gần đây,
dự án, nghị quyết, quyết định, kết luận, chỉ tiêu, tăng trưởng, thu ngân sách, vốn đầu tư,
hết bao nhiêu tiền, tổng vốn, ai làm, chủ đầu tư là ai, khởi công, hoàn thành, khánh thành,
bao giờ xong, bao giờ làm, khi nào xong, đến đâu rồi, tiến độ, nhà tôi ở, tôi ở, nhà mình ở,
thuộc phường nào, thuộc xã nào, phường lạch tray, người dân, người lao động, doanh nghiệp,
nhiều nhất, ít nhất, cao nhất, thấp nhất, lớn nhất, nhỏ nhất, tất cả, liệt kê, danh sách, kể tên,
những dự án nào, những cái nào, mấy cái đó, cái đó, cái này, nó, họ, anh, chị, em, ông, bà,
nguồn ở đâu, lấy từ đâu, tài liệu nào, văn bản nào, chính xác không, có chắc không, thật không,
bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp, đầu tư nước ngoài, khu công nghiệp,
cụm công nghiệp, xuất khẩu, nhập khẩu, xuất nhập khẩu, giải phóng mặt bằng, công nghệ thông tin,
sản xuất kinh doanh, đầu tư xây dựng, trung ương, thủ tướng, ủy ban nhân dân, hội đồng nhân dân,
mình, tôi, bạn, chúng tôi, chúng ta, ai, gì, đâu, nào, sao, thôi, ừ, ok, vâng, dạ, không biết, hiểu rồi
"""
# Single everyday words (comma-separated, so they make no pairs): typed on purpose,
# never moved by a pair ("xanh", "ghi", "tốn", "kém"); English that residents mix in
# is known too, so it is not "corrected" into Vietnamese.
EVERYDAY_WORDS = """
ăn, uống, ngủ, đi, về, đến, tới, lên, xuống, ra, vào, ở, đứng, ngồi, nằm, chạy, làm, học, chơi, xem, nghe,
nói, hỏi, trả, lời, đọc, viết, ghi, gửi, gọi, nhắn, tìm, thấy, biết, hiểu, nghĩ, nhớ, quên, muốn, cần, thích,
ghét, yêu, sợ, lo, mong, chờ, đợi, gặp, giúp, cho, lấy, đưa, mang, cầm, mua, bán, trả, vay, tốn, mất, được,
bị, phải, nên, có, còn, hết, xong, rồi, chưa, đã, đang, sẽ, vừa, mới, cũ, lại, nữa, thêm, bớt, đổi, sửa,
bắt, đầu, kết, thúc, mở, đóng, bật, tắt, chọn, bỏ, giữ, thử, dùng, xài, chạy, đặt, hủy, nộp, ký, khai,
tốt, xấu, đẹp, kém, giỏi, hay, dở, đúng, sai, thật, giả, nhanh, chậm, sớm, muộn, xa, gần, cao, thấp, to,
nhỏ, lớn, dài, ngắn, rộng, hẹp, nặng, nhẹ, nóng, lạnh, nắng, mưa, gió, bão, rét, ấm, mát, khô, ướt, sạch,
bẩn, mệt, khỏe, ốm, đau, vui, buồn, giận, chán, lười, bận, rảnh, khó, dễ, đắt, rẻ, mắc, xanh, đỏ, vàng,
trắng, đen, tím, hồng, nâu, xám, nhiều, ít, hơn, kém, nhất, lắm, quá, rất, hơi, khá, cực, siêu, thật,
trong, ngoài, trên, dưới, trước, sau, giữa, bên, cạnh, quanh, bởi, vì, nên, nếu, thì, mà, nhưng,
hay, với, cùng, của, cho, để, từ, đến, tại, theo, như, bằng, khi, lúc, giờ, phút, giây, sáng, trưa,
chiều, tối, đêm, hôm, ngày, tuần, tháng, năm, nay, mai, qua, kia, ấy, đó, này, đây, kìa, vậy, thế,
người, nhà, tòa, cầu, cảng, bến, chai, cửa, phòng, bàn, ghế, xe, máy, đường, phố, chợ, trường, lớp, sách, vở, bút, giấy, tiền,
việc, công, ty, bố, mẹ, cha, con, anh, chị, em, ông, bà, cô, chú, bác, dì, cậu, mợ, thím, vợ, chồng,
bạn, bè, hàng, xóm, thân, quen, lạ, tên, tuổi, quê, nhà, điện, thoại, mạng, zalo, facebook, web,
link, trang, bài, tin, báo, phim, nhạc, hát, múa, thơ, truyện, game, bóng, đá, thể, thao, taxi,
cơm, phở, bún, bánh, mì, cà, phê, trà, nước, bia, rượu, thịt, cá, rau, quả, cây, hoa, lá,
đất, trời, biển, sông, núi, rừng, đồng, ruộng, làng, xóm, thôn, ấp, bản, trợ, lý, ảo, robot,
ơi, à, ạ, ừ, ừm, nhé, nhỉ, nha, hả, hử, chứ, đấy, đâu, thôi, luôn, ngay, liền, chắc, chắn, lẽ, có lẽ,
phần trăm, phần, trăm, nghìn, triệu, tỷ, đô, đồng,
hello, hi, help, next, page, list, load, more, bye, good, sorry, please, human, what, many, much, thank
"""

# After a number, document codes stay as typed: "45-NQ/TW" folds to "45 nq tw", and
# "nq" there is part of the number, not "nghị quyết".
_DOC_CODES = frozenset(
    "nq qd kl kh ct cp nd tt bc tb hd ttg tw tu ubnd hdnd qh vptw btc bct bnv ktn ubtvqh".split()
)
# Everyday teencode that is also a word or a name ("hồng" in "sông Hồng", "Hồng Bàng"):
# kept when it forms a known pair with a neighbour.
_EVERYDAY_KEYS = frozenset(fold(key) for key in EVERYDAY if " " not in key)
_TEENCODE = {fold(key): fold(value).split() for key, value in TEENCODE.items() if " " not in key and key not in SPOKEN}
# Keys whose expansion is another word: never a correction's result, or normalizing
# twice would expand what the first pass produced.
_EXPANDING = frozenset(key for key, words in _TEENCODE.items() if words != [key])
_WORD = re.compile(r"[a-z]+")
_VOWEL = re.compile(r"[aeiouy]")
# A folded Vietnamese syllable: initial consonant, then a rime. A token that is not
# one ("truog", "ngiep", "scah", "tangw") is a typo or a foreign word; one that is
# ("chon", "phim") may be a word the documents never use, so only a known pair
# (step 3) moves it.
_RIMES = (
    "a ai ao au ay ac ach am an ang anh ap at e eo ec em en eng ep et eu ech enh "
    "i ia iu ich im in inh ip it iec iem ien ieng iep iet ieu o oi oc om on ong op ot oong ooc "
    "u ua ui uc um un ung up ut uu uo uoc uoi uom uon uong uop uot uou uy uya uyu uyen uyet uynh "
    "uych uyt oa oai oay oao oac oach oam oan oang oanh oap oat oe oeo oen oet ue uenh uech uan "
    "uang uat uay y yen yet yeu"
).split()
_FRONT = "(?:" + "|".join(sorted((r for r in _RIMES if r[0] in "eiy"), key=len, reverse=True)) + ")"
_BACK = "(?:" + "|".join(sorted((r for r in _RIMES if r[0] not in "eiy"), key=len, reverse=True)) + ")"
_ANY = "(?:" + "|".join(sorted(_RIMES, key=len, reverse=True)) + ")"
_SYLLABLE = re.compile(
    rf"(?:(?:b|ch|d|h|kh|l|m|n|nh|p|ph|r|s|t|th|tr|v|x)?{_ANY}"  # any rime
    rf"|(?:c|g|ng){_BACK}|(?:k|gh|ngh){_FRONT}|qu{_ANY}|gi(?:{_ANY})?)"
)
_SENTENCE = re.compile(r"[.,;:!?\n()\"“”]")
_plain_fold = getattr(fold, "__wrapped__", fold)  # building must not flood fold's cache


def _deletes(word: str, depth: int) -> set[str]:
    found = {word}
    layer = {word}
    for _ in range(depth):
        layer = {w[:i] + w[i + 1:] for w in layer for i in range(len(w))}
        found |= layer
    return found


def distance(a: str, b: str, limit: int = 2) -> int:
    """Edit distance where a swap of two neighbouring letters is one edit (OSA);
    anything above `limit` is reported as `limit + 1`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return min(previous[-1], limit + 1)


def with_names(folded: str, names: Iterable[str]) -> str:
    """`folded` with a person's name typed with one letter wrong in one of its words written as the name
    ("ong le tiem chau la …" → "ong le tien chau la …"); the names are folded too. Every other word of the name
    must be typed as it is, so another person sharing two of its words ("le ngoc chau") is not taken for it."""
    words = folded.split()
    for name in names:
        parts = name.split()
        for i in range(len(words) - len(parts) + 1):
            window = words[i:i + len(parts)]
            pairs = list(zip(window, parts, strict=True))
            if sum(distance(typed, meant, 1) for typed, meant in pairs) == 1 and all(
                    len(meant) >= 3 or typed == meant for typed, meant in pairs):
                words[i:i + len(parts)] = parts
    return " ".join(words)


def is_syllable(word: str) -> bool:
    """Whether a folded token is spelled like a Vietnamese syllable."""
    return _SYLLABLE.fullmatch(word) is not None


_DOUBLED_END = re.compile(r"\b[^\W\d_]{3,}\b")


def undouble(text: str) -> str:
    """Each word whose last letter was typed twice, written once: "Cát Bii" → "Cát Bi",
    "Kiến Hưngg" → "Kiến Hưng", "Xáa" → "Xá", "baoo" → "bao". Only where the word as typed is
    no Vietnamese syllable and the word without the extra letter is one; capitals ("PPP",
    "III") are abbreviations and numerals, and English "ee", "oo" after a consonant ("see", "too"), kept."""
    def once(match: re.Match[str]) -> str:
        word = match.group()
        folded = _plain_fold(word)
        if (word.isupper() or len(folded) != len(word) or folded[-1] != folded[-2] or is_syllable(folded)
                or re.search(r"ee$|[^aeiouy]oo$", folded)):  # "see you", "too": English, not a slip ("baoo" is one)
            return word
        shorter = word[:-1] if fold(word[-1]) == word[-1] else word[:-2] + word[-1]  # keep the marked letter
        return shorter if is_syllable(_plain_fold(shorter)) else word

    return _DOUBLED_END.sub(once, text)


def untelex(word: str) -> str:
    """A token without the Telex keys typed for marks: "truowngr" → "truong",
    "caauf" → "cau", "nguyeenx" → "nguyen", "laf" → "la"."""
    if len(word) < 3:
        return word
    text = re.sub(r"[sfrxj]$", "", word).replace("dd", "d")
    text = re.sub(r"([aeo])\1", r"\1", text)
    if re.search(r"[aou][a-z]*w", text):
        text = text.replace("w", "")
    return re.sub(r"([aeiouy])[sfrxj](?=[a-z])", r"\1", text)


_SLIPS = ("swapped", "left out", "doubled", "replaced")


def slip(typed: str, meant: str) -> int:
    """Which slip turns `meant` into `typed` (one edit apart): an index into `_SLIPS`."""
    if len(typed) < len(meant):
        return 1
    if len(typed) > len(meant):
        return 2
    return 0 if sorted(typed) == sorted(meant) else 3


PREFIX_MIN = 5  # letters of an unknown word completed to the one known word it begins


def max_edits(word: str) -> int:
    return 2 if len(word) >= 6 else 1


class Speller:
    """Vocabulary, pair counts and a deletion index, built once from texts."""

    def __init__(self, names: Iterable[str], documents: Iterable[str] = ()):
        self.words: Counter[str] = Counter()
        self.pairs: Counter[tuple[str, str]] = Counter()
        self.name_pairs: set[tuple[str, str]] = set()
        for weight, texts in ((1, documents), (NAME_WEIGHT, names), (NAME_WEIGHT, (CONVERSATIONAL, EVERYDAY_WORDS))):
            for text in texts:
                for sentence in _SENTENCE.split(text):
                    words = _plain_fold(sentence).split()
                    for word in words:
                        self.words[word] += weight
                    for pair in itertools.pairwise(words):
                        self.pairs[pair] += weight
                        if texts is names:
                            self.name_pairs.add(pair)
        # What a correction may produce: known words of three letters or more.
        targets = [w for w in self.words if len(w) >= 3 and _WORD.fullmatch(w) and w not in _EXPANDING]
        self._index: dict[str, list[str]] = {}
        for word in targets:
            for key in _deletes(word, 2 if len(word) >= 4 else 1):
                self._index.setdefault(key, []).append(word)
        self._near: dict[tuple[str, int], list[tuple[int, str]]] = {}
        self._kept: dict[str, str] = {}  # correct_keeping_marks, by text
        # Everyday words are typed on purpose: a pair never moves them.
        self.everyday = frozenset(_plain_fold(f"{CONVERSATIONAL} {EVERYDAY_WORDS}").split())

    # -- lookups ------------------------------------------------------------------
    def near(self, word: str, edits: int) -> list[tuple[int, str]]:
        """Known words within `edits` of `word` (other than itself), with their distance."""
        cached = self._near.get((word, edits))
        if cached is None:
            seen: set[str] = set()
            cached = []
            for key in _deletes(word, edits):
                for candidate in self._index.get(key, ()):
                    if candidate != word and candidate not in seen:
                        seen.add(candidate)
                        d = distance(word, candidate, edits)
                        if d <= edits:
                            cached.append((d, candidate))
            cached.sort()
            if len(self._near) > 50_000:
                self._near.clear()
            self._near[(word, edits)] = cached
        return cached

    def _around(self, words: Sequence[str], i: int, word: str) -> list[tuple[str, str]]:
        """The pairs `word` would form in place of words[i]."""
        return ([(words[i - 1], word)] if i > 0 else []) + ([(word, words[i + 1])] if i + 1 < len(words) else [])

    def _support(self, words: Sequence[str], i: int, word: str) -> int:
        """How often `word` in place of words[i] forms a pair with its neighbours."""
        return sum(self.pairs.get(pair, 0) for pair in self._around(words, i, word))

    def _bond(self, pair: tuple[str, str], minimum: int = 1, names: bool = False) -> float:
        """How much two words belong together: Dice's coefficient of the pair, if seen
        `minimum` times ("ke hoach" 0.67, "lach tray" 0.17, "nam nay" 0.02); with
        `names`, two words of one name ("an binh") belong together at least `BOND_MIN`."""
        count = self.pairs.get(pair, 0)
        if count < minimum:
            return 0.0
        dice = 2 * count / (self.words[pair[0]] + self.words[pair[1]])
        return max(dice, BOND_MIN) if names and pair in self.name_pairs else dice

    def _fit(self, words: Sequence[str], i: int, word: str, minimum: int = 1, names: bool = False) -> float:
        """How well `word` in place of words[i] fits a neighbour: its best bond."""
        return max((self._bond(pair, minimum, names) for pair in self._around(words, i, word)), default=0.0)

    # -- the three steps ----------------------------------------------------------
    def expand(self, words: Sequence[str]) -> tuple[list[str], set[int]]:
        """Teencode expanded; also the positions of document codes (never touched)."""
        out: list[str] = []
        frozen: set[int] = set()
        i = 0
        in_number = False
        while i < len(words):
            word = words[i]
            if word.isdigit():
                # a year named as one ("năm 2025 kh bn", "hp 2025 kh bn lượt") is no document's number,
                # unless codes follow it as a number's do ("2025/KH-UBND")
                year = len(word) == 4 and word.startswith("20")
                coded = i + 2 < len(words) and words[i + 1] in _DOC_CODES and words[i + 2] in _DOC_CODES
                in_number = not (year and ((i > 0 and words[i - 1] == "nam") or not coded))
            elif in_number and word in _DOC_CODES:
                frozen.add(len(out))
                out.append(word)
                i += 1
                continue
            else:
                in_number = False
            phrase = expand_phrase(words, i)
            if phrase is not None:
                standard, size = phrase
                out += fold(standard).split()
                i += size
                continue
            if re.fullmatch(r"\d{1,3}k", word):  # "gói 120k tỷ": thousands, as "120.000" folds
                out += [word[:-1], "000"]
                i += 1
                continue
            expansion = _TEENCODE.get(word)
            if expansion is not None and not self._is_name_here(words, i):
                out += expansion
            elif "j" in word and word not in self.words and self._known(word.replace("j", "i")):
                out.append(word.replace("j", "i"))  # "j" typed for "i": "khj" → "khi", "cat bj" → "cat bi"
            else:
                out.append(word)
            i += 1
        return out, frozen

    def _known(self, word: str) -> bool:
        return word in self.words and word not in _EXPANDING

    def _is_name_here(self, words: Sequence[str], i: int) -> bool:
        word = words[i]
        if word not in _EVERYDAY_KEYS or len(word) < 3 or word not in self.words:
            return False
        neighbours = [(words[i - 1], word)] if i > 0 else []
        neighbours += [(word, words[i + 1])] if i + 1 < len(words) else []
        return any(self.pairs.get(pair, 0) > 0 and (set(pair) - {word}).isdisjoint(_TEENCODE) for pair in neighbours)

    def _fix_unknown(self, words: Sequence[str], i: int) -> str | None:
        """Step 2: a token that is neither a known word nor a syllable.

        Candidates: the token without Telex marks ("truowngr" → "truong", "laf" →
        "la") if that is a known word, and the known words within reach that fit a
        neighbour. One bound to a neighbour (as step 3 asks) wins, then the Telex
        reading, then the closest, then the likeliest slip (letters swapped, a letter
        left out, one doubled, one replaced), then the best fit. With no neighbour to
        fit, a word of four letters or more becomes the clearly most frequent word one
        slip (not a replaced letter) away. A token without a vowel is an abbreviation
        ("gdp", "cccd") unless putting back one left-out vowel gives a word that fits
        ("thnh pho" → "thanh pho").
        """
        word = words[i]
        has_vowel = _VOWEL.search(word) is not None
        found = [(d, slip(word, c) if d == 1 else len(_SLIPS), c) for d, c in self.near(word, max_edits(word))]
        if not has_vowel:
            # "thnh" → "thanh"; an abbreviation with two letters swapped ("grpd", "gdrp") is the known one ("grdp")
            found = [(d, kind, c) for d, kind, c in found if d == 1 and (
                (_SLIPS[kind] == "left out" and _VOWEL.search(c))
                or (_SLIPS[kind] == "swapped" and len(word) >= 4 and not _VOWEL.search(c)))]
        ranked = [
            (self._fit(words, i, c, PAIR_MIN, names=True) < BOND_MIN, d, kind, -self._fit(words, i, c), -self.words[c], c)
            for d, kind, c in found
        ]
        plain = untelex(word)
        if has_vowel and plain != word and self._known(plain):
            # the Telex reading wins unless a one-slip word is bound to a neighbour
            # and the Telex one is not ("nguyen trax" → "trai", not "tra")
            ranked.append((self._fit(words, i, plain, PAIR_MIN, names=True) < BOND_MIN, 0, -1, 0.0, 0, plain))
        fitting = [f for f in ranked if f[3] < 0 or f[2] == -1]
        if fitting:
            return min(fitting)[-1]
        if not has_vowel and len(word) >= 4:
            swapped = sorted((-self.words[c], c) for d, kind, c in found if _SLIPS[kind] == "swapped")
            if len(swapped) == 1:
                return swapped[0][1]
        # a name's first letters, its end left off ("Ecovan" for Ecovance): the one word it begins
        completed = [c for _, _, c in found if c.startswith(word)]
        if len(word) >= PREFIX_MIN and has_vowel and len(completed) == 1:
            return completed[0]
        if len(word) < 4 or not has_vowel:
            return None
        frequent = sorted(
            (-self.words[c], c) for d, kind, c in found
            if d == 1 and _SLIPS[kind] != "replaced" and self.words[c] >= FREQUENT_MIN
        )
        if not frequent or (len(frequent) > 1 and frequent[0][0] == frequent[1][0]):
            return None  # nothing, or two equally likely words: leave it as typed
        return frequent[0][1]

    def _fix_pair(self, words: Sequence[str], i: int) -> str | None:
        """Step 3: a rare syllable in no known pair, when a one-edit variant is bound to
        a neighbour."""
        word = words[i]
        if self._support(words, i, word):
            return None
        if word in self.everyday or self.words[word] >= SOLID_MIN:
            # even a real word ("ngời", "chẩn", "tưởng") is a slip when it pairs with neither neighbour and
            # putting back one letter gives a pair seen very often ("đầu người", "đạt chuẩn", "tăng trưởng")
            return self._left_out(words, i, word, LEFT_OUT_SOLID_PAIR_MIN)
        # two words of one name are bound whatever their frequency, for a letter left out:
        # "thất nhiệp" → "thất nghiệp" (but "chiếm" is no slip for "nhiệm")
        fits = [(self._fit(words, i, c, PAIR_MIN, names=_SLIPS[slip(word, c)] == "left out"), self.words[c], c)
                for _, c in self.near(word, 1)]
        best = max(fits, default=None)
        if best is not None and best[0] >= BOND_MIN:
            return best[2]
        # a letter left out beside a frequent partner ("bao nhêu"): a common word's Dice is low however
        # often the pair is seen, so a pair seen often enough moves it
        return self._left_out(words, i, word, LEFT_OUT_PAIR_MIN)

    def _left_out(self, words: Sequence[str], i: int, word: str, minimum: int, both: bool = False) -> str | None:
        """The word with one letter put back that pairs with a neighbour at least `minimum` times (`both`: and
        with each neighbour at least `PAIR_MIN` times)."""
        seen = [(self._support(words, i, c), c) for _, c in self.near(word, 1) if _SLIPS[slip(word, c)] == "left out"
                and (not both or all(self.pairs.get(pair, 0) >= PAIR_MIN for pair in self._around(words, i, c)))]
        often = max(seen, default=None)
        return often[1] if often is not None and often[0] >= minimum else None

    def _short_left_out(self, words: Sequence[str], i: int) -> str | None:
        """A two-letter word between two others, in no known pair with either ("nông thôn mớ nâng cao"): the word
        with one letter put back that pairs with both neighbours, together at least `LEFT_OUT_SOLID_PAIR_MIN`
        times ("mới"); "có ba dự án" stays, "bao" pairing with "có" only."""
        word = words[i]
        if not 0 < i < len(words) - 1 or self._support(words, i, word):
            return None
        return self._left_out(words, i, word, LEFT_OUT_SOLID_PAIR_MIN, both=True)

    def correct(self, words: Sequence[str], frozen: Iterable[int] = ()) -> list[str]:
        """Typos corrected (steps 2 and 3), repeated until nothing changes."""
        out = list(words)
        fixed = set(frozen)
        short = [i for i, w in enumerate(out)
                 if i not in fixed and len(w) == SHORT_WORD and _WORD.fullmatch(w) and w not in SHORT_NEVER_MOVED]
        for i in short:  # once, before the others: the longer words' pairs then see it put right
            if (better := self._short_left_out(out, i)) is not None:
                out[i] = better
        movable = [i for i, w in enumerate(out)
                   if i not in fixed and len(w) >= 3 and _WORD.fullmatch(w) and w not in NEVER_MOVED]
        for _ in range(2 * len(out) + 2):  # each change adds a known word or pair: ends sooner
            changed = False
            for step in (2, 3):
                for i in movable:
                    word = out[i]
                    if word in self.words or is_syllable(word):
                        better = self._fix_pair(out, i) if step == 3 else None
                    elif step == 2:
                        better = self._fix_unknown(out, i)
                    else:
                        better = None
                    if better is not None and better != word:
                        out[i] = better
                        changed = True
            if not changed:
                break
        return out

    def correct_keeping_marks(self, text: str) -> str:
        """`text` (teencode already written out) with each typo replaced by its correction, folded;
        every other word as typed, tone marks kept: "hồ sơ di sảm nào" → "hồ sơ di san nào"."""
        if (kept := self._kept.get(text)) is not None:
            return kept
        if len(self._kept) > KEPT_MAX:
            self._kept.clear()
        self._kept[text] = out = self._corrected_keeping_marks(text)
        return out

    def _corrected_keeping_marks(self, text: str) -> str:
        spans = [(m.start(), m.end()) for m in _TYPED_WORD.finditer(text)]
        typed = [fold(text[start:end]) for start, end in spans]
        if any(len(w.split()) != 1 for w in typed):
            return text  # a token folding to several words: no safe alignment
        out = text
        for (start, end), was, now in reversed(list(zip(spans, typed, self.correct(typed), strict=True))):
            if now != was:
                out = f"{out[:start]}{now}{out[end:]}"
        return out

    def normalize(self, text: str) -> str:
        """The folded question, teencode expanded and typos corrected; "%" is read "phần trăm"
        (folding drops it, and "giải ngân bao nhiêu %" asks the share, not the amount)."""
        words, frozen = self.expand(fold(text[:MAX_CHARS].replace("%", " phần trăm ")).split())
        return " ".join(self.correct(words, frozen))


# Words that say which or how many of something, typed on purpose: "tổng vốn từng dự án" is no
# "vốn trung ương" with a letter left out; nor are function words, too common to be a slip for a name's
# syllable: "… 2019-2023 thì bình quân tăng bao nhiêu" is no "Thái Bình" with a letter left out.
NEVER_MOVED = frozenset({"tung", "thi", "the", "con", "vay", "roi", "nay", "sao", "nhe", "nha", "cho", "khi", "hay",
                         "cua", "voi", "nao", "nhu", "van", "cung"})
# two-letter words that ask or join ("do ai ban hành" is no "độ dài", "cả dự án" no "các dự án"): never moved
SHORT_NEVER_MOVED = frozenset({"ai", "ca", "co", "la", "va", "ve", "de", "da", "do", "no", "ma", "ba", "bo", "tu", "ta",
                               "di", "ra", "vi", "to", "me", "em", "oi", "on", "cu", "ne", "nu", "se", "su", "xa"})
_TYPED_WORD = re.compile(r"[^\W_]+")
KEPT_MAX = 10_000  # texts whose correction is kept


@functools.lru_cache(maxsize=1)
def default_speller() -> Speller:
    """A speller from the fact files and the address data (no database needed)."""
    from .address import load_mappings
    from .lexicon import knowledge_lexicon
    from .loader import document_texts

    names = [surface for _, _, surface in knowledge_lexicon()]
    names += sorted({m.new_ward for m in load_mappings() if m.new_ward})
    return Speller(names, document_texts())


def normalize_question(text: str) -> str:
    """`Speller.normalize` with the speller built from the fact files (once, lazily).

    The bot calls `KnowledgeBase.normalize_question`, which builds the same from
    the database.
    """
    return default_speller().normalize(text)
