"""Abbreviations and teencode residents type, mapped to standard Vietnamese.

Keys are folded (lower case, no diacritics) single tokens; only unambiguous ones
are listed: "a" (anh / à) or "m" (mình / mày) are left alone on purpose.
Abbreviations whose meaning depends on the next words ("bh xh" is bảo hiểm xã
hội, a bare "bh" is bao giờ; "kh 85" is kế hoạch, a bare "kh" is không) are
`PHRASES` and `BEFORE_NUMBER`, matched on folded words before the single tokens.

The NLU tokenizer (`bot.nlu.teencode`) re-exports `TEENCODE` and `expand`; the
knowledge layer's question normalizer (`knowledge.spelling`) also uses `PHRASES`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .text import fold

# Everyday words; a few are also names ("hồng" in "sông Hồng") that the knowledge
# normalizer keeps when they stand in a known name.
EVERYDAY: dict[str, str] = {
    # negation and common function words
    "ko": "không", "k": "không", "kg": "không", "kh": "không", "khg": "không", "khog": "không", "hok": "không",
    "hong": "không", "hem": "không", "khum": "không", "hông": "không",
    "dc": "được", "dk": "được", "đc": "được", "đk": "được", "duoc": "được",
    "j": "gì", "ji": "gì", "gj": "gì",
    "z": "vậy", "v": "vậy", "zay": "vậy", "vay": "vậy",
    "ntn": "như thế nào", "ntnao": "như thế nào", "sao z": "sao vậy",
    "bn": "bao nhiêu", "bnh": "bao nhiêu", "bnhieu": "bao nhiêu", "bnhiu": "bao nhiêu",
    "baonhieu": "bao nhiêu", "nhiu": "nhiêu", "bh": "bao giờ", "bgio": "bao giờ", "bjo": "bao giờ",
    "r": "rồi", "ròi": "rồi", "cx": "cũng", "cg": "cũng", "vs": "với", "trc": "trước",
    "bt": "biết", "bik": "biết", "vc": "việc", "bq": "bình quân", "wa": "quá", "qua'": "quá", "dag": "đang", "đag": "đang",
    "tgian": "thời gian", "mun": "muốn", "ng": "người", "mn": "mọi người", "mng": "mọi người",
    "mik": "mình", "mk": "mình", "mh": "mình", "mih": "mình", "b": "bạn", "bot": "bot", "ad": "admin",
    "e": "em", "t": "tôi", "oke": "ok", "okie": "ok", "oki": "ok",
    "tks": "cảm ơn", "thks": "cảm ơn", "thx": "cảm ơn", "thanks": "cảm ơn", "thank": "cảm ơn",
    "hk": "không", "kq": "kết quả", "cty": "công ty",
    **{f"2k{year}": f"20{year}" for year in range(19, 31)},  # "2k24" is 2024
    "camon": "cảm ơn", "cmon": "cảm ơn", "xl": "xin lỗi", "sr": "xin lỗi", "sorry": "xin lỗi",
    "bít": "biết", "thui": "thôi", "nhìu": "nhiều", "ik": "đi", "oy": "rồi", "dz": "vậy", "nka": "nha",
    "lm": "làm", "nhg": "những", "nhữg": "những", "ms": "mới", "kp": "không phải",
    "nhut": "nhất", "nhứt": "nhất", "hum": "hôm", "nx": "nữa", "tg": "thời gian", "ngta": "người ta", "mjk": "mình",
    "dzậy": "vậy", "dzay": "vậy", "thik": "thích", "pbt": "phó bí thư", "pct": "phó chủ tịch",
}
DOMAIN: dict[str, str] = {
    # domain abbreviations
    "hp": "Hải Phòng", "hph": "Hải Phòng", "haiphong": "Hải Phòng", "tp": "thành phố",
    "tphp": "thành phố Hải Phòng", "bqdn": "bình quân đầu người", "bqđn": "bình quân đầu người",
    "qte": "quốc tế", "sd": "sử dụng", "lđ": "lao động", "ld": "lao động",
    "cpi": "chỉ số giá tiêu dùng",  # not a slip for "PCI": another index, which the documents do not give
    "hd": "Hải Dương", "ns": "ngân sách", "nsnn": "ngân sách nhà nước", "nsđp": "ngân sách địa phương", "nsdp": "ngân sách địa phương",
    "nq": "nghị quyết", "qh": "Quốc hội", "qd": "quyết định", "qđ": "quyết định", "kl": "kết luận",
    "ubnd": "ủy ban nhân dân", "hdnd": "hội đồng nhân dân", "hđnd": "hội đồng nhân dân",
    "kt": "kinh tế", "ktso": "kinh tế số", "xh": "xã hội", "kcn": "khu công nghiệp", "kkt": "khu kinh tế",
    "ccn": "cụm công nghiệp", "ktm": "khu thương mại", "kdt": "khu đô thị", "kđt": "khu đô thị", "nhà ga": "nhà ga", "sn": "số", "ttg": "thủ tướng",
    "cq": "chính quyền", "dvhc": "đơn vị hành chính", "đvhc": "đơn vị hành chính",
    "bhyt": "bảo hiểm y tế", "xk": "xuất khẩu", "nk": "nhập khẩu", "xnk": "xuất nhập khẩu",
    "dl": "du lịch", "nđ": "nghị định", "sl": "số lượng", "bđs": "bất động sản", "bds": "bất động sản",
    "hq": "hiệu quả", "ql": "quản lý", "xd": "xây dựng", "dv": "dịch vụ", "dvu": "dịch vụ", "bc": "báo cáo", "vp": "văn phòng",
    # more domain abbreviations ("gdp", "grdp", "fdi" are names themselves and stay)
    "dn": "doanh nghiệp", "dtnn": "đầu tư nước ngoài", "đtnn": "đầu tư nước ngoài",
    "dtpt": "đầu tư phát triển", "đtpt": "đầu tư phát triển",
    "bhxh": "bảo hiểm xã hội", "bhtn": "bảo hiểm thất nghiệp", "yt": "y tế", "ktxh": "kinh tế xã hội",
    "gpmb": "giải phóng mặt bằng", "cntt": "công nghệ thông tin", "sxkd": "sản xuất kinh doanh",
    "dtxd": "đầu tư xây dựng", "sx": "sản xuất", "đtxd": "đầu tư xây dựng", "tw": "trung ương", "tbt": "Tổng Bí thư", "kte": "kinh tế", "qg": "quốc gia", "vdv": "vận động viên", "vđv": "vận động viên", "khcn": "khoa học công nghệ",
    "atgt": "an toàn giao thông", "tngt": "tai nạn giao thông", "gtcc": "giao thông công cộng",
    "tmtd": "thương mại tự do", "blv": "Bạch Long Vĩ",
    "fdl": "FDI",  # a lowercase "l" typed for the capital "I"
    "mtieu": "mục tiêu", "mtiêu": "mục tiêu", "ctr": "chương trình", "ctrinh": "chương trình",
}
# Southern spoken pronouns, read with their tone marks: folded, "ổng" and "bả" would be every "ông" and "ba"
# ("ổng còn giữ chức gì" is "ông ấy còn giữ chức gì").
SPOKEN: dict[str, str] = {"ổng": "ông ấy", "bả": "bà ấy"}
_SPOKEN = re.compile(rf"(?<!\w)({'|'.join(SPOKEN)})(?!\w)", re.IGNORECASE)
TEENCODE: dict[str, str] = {**EVERYDAY, **DOMAIN, **SPOKEN}

# Abbreviations read by the words that follow (folded words → standard form);
# the longest pattern starting at a word wins. Multi-word keys of TEENCODE are
# phrases too.
PHRASES: dict[tuple[str, ...], str] = {
    ("bh", "xh"): "bảo hiểm xã hội",
    ("bh", "xa", "hoi"): "bảo hiểm xã hội",
    ("bh", "yt"): "bảo hiểm y tế",
    ("bh", "y", "te"): "bảo hiểm y tế",
    ("bh", "tn"): "bảo hiểm thất nghiệp",
    ("bh", "that", "nghiep"): "bảo hiểm thất nghiệp",
    ("so", "voi", "kh"): "so với kế hoạch",  # "kh" after "so với" is the plan, not "không"
    ("so", "vs", "kh"): "so với kế hoạch", ("ss", "voi", "kh"): "so sánh với kế hoạch", ("ss", "vs", "kh"): "so sánh với kế hoạch",
    ("phan", "tram", "kh"): "phần trăm kế hoạch",  # "bằng bn % kh": "%" is read "phần trăm"
    ("vuot", "kh"): "vượt kế hoạch", ("kh", "giao"): "kế hoạch giao",
    ("dh", "dang"): "đại hội đảng", ("dh", "dai", "bieu"): "đại hội đại biểu",  # "dh dang bo diem"
    ("chi", "dao", "dh"): "chỉ đạo đại hội", ("to", "chuc", "dh"): "tổ chức đại hội",  # "dh" alone may be đại học
    ("bt", "thanh", "uy"): "bí thư thành ủy", ("bt", "tu"): "bí thư thành ủy",  # "bt" alone may be bình thường
    ("dv", "nao"): "đơn vị nào", ("dv", "hanh", "chinh"): "đơn vị hành chính",  # "thuộc đv nào": no "dịch vụ"
    ("ct", "ubnd"): "chủ tịch ủy ban nhân dân", ("ct", "tp"): "chủ tịch thành phố",
    ("nghe", "ns"): "nghe nói", ("ng", "ta", "ns"): "người ta nói",  # "nghe ns grdp …": heard, no budget
    # after a person, "ns" is what they said: "ổng ns hp phải phấn đấu ngang tầm vs đâu"
    **{(*who, "ns"): f"{said} nói" for who, said in ((("ong",), "ông"), (("ong", "ay"), "ông ấy"), (("ba",), "bà"),
                                                     (("ba", "ay"), "bà ấy"), (("tbt",), "Tổng Bí thư"), (("ho",), "họ"),
                                                     (("bi", "thu"), "bí thư"), (("chu", "tich"), "chủ tịch"),
                                                     (("lanh", "dao"), "lãnh đạo"))},
    ("cn", "va", "xd"): "công nghiệp và xây dựng",
    # "gt" alone may be giá trị or giới thiệu; after traffic's words it is giao thông
    **{(*before, "gt"): f"{said} giao thông" for before, said in ((("tai", "nan"), "tai nạn"), (("an", "toan"), "an toàn"),
                                                                  (("ha", "tang"), "hạ tầng"), (("vi", "pham"), "vi phạm"),
                                                                  (("du", "an"), "dự án"), (("ket", "noi"), "kết nối"))},
    ("thi", "s"): "thì sao", ("the", "s"): "thế sao",  # "còn năm ngoái thì s?"
    # "bn" after a farewell or thanks is "bạn", not "bao nhiêu": "ok bye bn", "cảm ơn bn nhé"
    **{(*said, "bn"): " ".join((*said, "bạn")) for said in (("bye",), ("bai",), ("on",), ("tks",), ("thanks",), ("thank",),
                                                             ("chao",), ("biet",), ("hi",), ("oi",))},
    ("z", "bn"): "vậy bạn",  # "… hạn chế j z bn": "gì vậy bạn"
    # "có đạt kh?" asks yes or no; "ko đạt kh" ("không đạt không" is no Vietnamese) is the plan missed
    **{(no, "dat", "kh"): f"{said} đạt kế hoạch" for no, said in (("ko", "không"), ("k", "không"), ("khong", "không"),
                                                                   ("chua", "chưa"), ("kg", "không"))},
    # "kh" before what is asked of a plan is the plan: "ns 2025 kh bn", "kh năm"
    ("kh", "bn"): "kế hoạch bao nhiêu", ("kh", "bao", "nhieu"): "kế hoạch bao nhiêu", ("kh", "nam"): "kế hoạch năm",
    ("kh", "thu"): "kế hoạch thu", ("kh", "chi"): "kế hoạch chi", ("kh", "ca", "nam"): "kế hoạch cả năm",
    ("kh", "so"): "kế hoạch số", ("kh", "trien", "khai"): "kế hoạch triển khai",  # "kh số mấy", "kh triển khai …"
    ("kh", "cn"): "khoa học công nghệ",  # "KH&CN"
    ("gt", "cong", "cong"): "giao thông công cộng",  # a bare "gt" may be "giới thiệu"
    ("dk", "ket", "hon"): "đăng ký kết hôn",  # a bare "đk" is "được"
    ("ban", "han"): "ban hành",  # "ai ban hàn": no "hàn" (welding) is ever issued
    ("vp", "tu"): "văn phòng Thành ủy",  # "chánh vp TU": a bare "tu" may be tư, từ, tự
    ("gd", "nao"): "giai đoạn nào",  # "áp dụng gđ nào": no gia đình, giáo dục
    ("khu", "tm"): "khu thương mại", ("bao", "h"): "bao giờ",  # "khu tm tự do bao h hoàn thiện"
    ("cn", "xd"): "công nghiệp xây dựng",  # "CN-XD": the sector
    ("bn", "pt"): "bao nhiêu phần trăm", ("bao", "nhieu", "pt"): "bao nhiêu phần trăm", ("may", "pt"): "mấy phần trăm",
    ("sx", "cn"): "sản xuất công nghiệp", ("dh", "diem"): "đại hội điểm",
    # "kp" alone is "không phải"; beside money's words it is kinh phí ("tổng kp bn", "kp hỗ trợ")
    ("tong", "kp"): "tổng kinh phí", ("kp", "bn"): "kinh phí bao nhiêu", ("kp", "bao", "nhieu"): "kinh phí bao nhiêu",
    ("kp", "ho", "tro"): "kinh phí hỗ trợ", ("het", "kp"): "hết kinh phí",
    ("nc", "ngoai"): "nước ngoài", ("ca", "nc"): "cả nước", ("trong", "nc"): "trong nước",
    ("nc", "thai"): "nước thải", ("nc", "sach"): "nước sạch", ("dat", "qc"): "đạt quy chuẩn", ("nc", "mat"): "nước mặt",
    ("truong", "dh"): "trường đại học",  # "dh" alone may be đại hội
    ("ct", "kh"): "chương trình kế hoạch",  # "xd ct/kh thực hiện": "ct" alone may be chủ tịch
    # "cb" alone is "chuẩn bị"; beside a civil servant's words it is cán bộ ("cho cb công tác xa", "cb cc vc")
    ("cho", "cb"): "cho cán bộ", ("cb", "cong", "tac"): "cán bộ công tác", ("cb", "cong", "chuc"): "cán bộ công chức",
    ("cb", "cc"): "cán bộ công chức", ("cb", "cc", "vc"): "cán bộ công chức viên chức",
    ("cum", "cn"): "cụm công nghiệp", ("khu", "cn"): "khu công nghiệp", ("nganh", "cn"): "ngành công nghiệp",
    ("chi", "so", "sx"): "chỉ số sản xuất",
    ("ch", "so", "sx"): "chỉ số sản xuất",
    ("chi", "so", "sx", "cn"): "chỉ số sản xuất công nghiệp",
    ("ch", "so", "sx", "cn"): "chỉ số sản xuất công nghiệp",
    # "đt" alone is điện thoại; beside investment words it is đầu tư
    **{(*before, dt): f"{said} đầu tư" for dt in ("dt", "đt")
       for before, said in ((("von",), "vốn"), (("thu", "hut"), "thu hút"), (("chu",), "chủ"), (("nha",), "nhà"))},
    **{(dt, *after): f"đầu tư {said}" for dt in ("dt", "đt")
       for after, said in ((("cong",), "công"), (("toan",), "toàn"), (("nuoc", "ngoai"), "nước ngoài"),
                           (("nn",), "nước ngoài"), (("xd",), "xây dựng"), (("phat", "trien"), "phát triển"))},
    # ... and before hectares it is diện tích ("tổng dt bn ha")
    **{(dt, *after): f"diện tích {said}" for dt in ("dt", "đt")
       for after, said in ((("bn", "ha"), "bao nhiêu ha"), (("bao", "nhieu", "ha"), "bao nhiêu ha"))},
    # "hn" alone may be Hà Nội; before a meeting's words it is hội nghị
    **{("hn", *after): f"hội nghị {said}" for after, said in ((("doi", "thoai"), "đối thoại"), (("thanh", "uy"), "Thành ủy"),
                                                            (("xuc", "tien"), "xúc tiến"), (("so", "ket"), "sơ kết"),
                                                            (("tong", "ket"), "tổng kết"), (("lan",), "lần"))},
    **{tuple(fold(key).split()): value for key, value in TEENCODE.items() if " " in key},
}
# Abbreviations that mean something else before a number: "KH 85/KH-UBND" is a plan; "đt 354" a provincial road
# ("dt" before an area is diện tích, so only a road's three digits), "ql 10" a national highway, "vđ 2" a ring road.
BEFORE_NUMBER: dict[str, str] = {"kh": "kế hoạch", "dt": "đường tỉnh", "ql": "quốc lộ", "vd": "vành đai"}
_NUMBER_AFTER = {"dt": re.compile(r"\d{3}"), "ql": re.compile(r"\d{1,3}"), "vd": re.compile(r"\d")}
# "ns" ending a question is "nói sao" ("xã Ninh Sơn thì ns", "thành phố tính ns"), opening one "nói" ("ns thế
# năm 2025 …"); elsewhere the budget ("thì ns 2025 bn")
AT_THE_END: dict[tuple[str, ...], str] = {("thi", "ns"): "thì sao", ("tinh", "ns"): "tính sao", ("lam", "ns"): "làm sao",
                                          ("the", "ns"): "thế sao", ("v", "bn"): "vậy bạn",  # "… bao h làm v bn"
                                          # "… kết hôn online hả bn": a tag addressing the bot, no quantity
                                          ("ha", "bn"): "hả bạn", ("a", "bn"): "à bạn", ("ko", "bn"): "không bạn",
                                          ("khong", "bn"): "không bạn", ("k", "bn"): "không bạn"}
AT_THE_START: dict[tuple[str, ...], str] = {("ns", "the"): "nói thế", ("ns", "vay"): "nói vậy"}
TRAILING = frozenset("v vay z a ah ha nhi nhe ad admin b ban ta".split())  # "… thì ns v ad"
_LONGEST_PHRASE = max(len(pattern) for pattern in (*PHRASES, *AT_THE_END, *AT_THE_START))


def as_spoken(text: str) -> str:
    """`text` with its spoken pronouns written out: "ổng nói gì" → "ông ấy nói gì" (see `SPOKEN`)."""
    return _SPOKEN.sub(lambda m: SPOKEN[m.group().lower()], text)


def expand(token: str) -> str | None:
    """The standard form of a teencode token, or None when it is an ordinary word."""
    return TEENCODE.get(token.lower())


def expand_phrase(words: Sequence[str], start: int) -> tuple[str, int] | None:
    """The standard form of the abbreviation phrase at `words[start]` (folded words)
    and how many words it spans, or None."""
    if words[start] in BEFORE_NUMBER and start + 1 < len(words) and words[start + 1].isdigit() and (
            (shape := _NUMBER_AFTER.get(words[start])) is None or shape.fullmatch(words[start + 1])) and (
            words[start + 2:start + 3] not in (["ha"], ["km"], ["m2"], ["hecta"])):  # "kcn dt 500 ha": an area
        return BEFORE_NUMBER[words[start]], 1
    for size in range(min(_LONGEST_PHRASE, len(words) - start), 1, -1):
        key = tuple(words[start:start + size])
        found = PHRASES.get(key)
        if found is None and start == 0:
            found = AT_THE_START.get(key)
        if found is None and all(w in TRAILING for w in words[start + size:]):
            found = AT_THE_END.get(key)
        if found is not None:
            return found, size
    return None


_TOKEN = re.compile(r"\w+|\W+")


def expand_keeping_marks(text: str) -> str:
    """`text` with its teencode written out and every other word as typed, tone marks kept:
    "lập cụm cn phụ trợ để làm j" → "lập cụm công nghiệp phụ trợ để làm gì". For matching that
    needs exact spellings, which the folded normalizer loses."""
    tokens = _TOKEN.findall(text)
    at = [i for i, token in enumerate(tokens) if token[0].isalnum() or token[0] == "_"]
    words = [fold(tokens[i]) for i in at]
    k = 0
    while k < len(at):
        phrase = expand_phrase(words, k)
        if phrase is not None:
            said, size = phrase
            tokens[at[k]] = said
            for j in range(k + 1, k + size):
                tokens[at[j]] = ""
                tokens[at[j] - 1] = "" if not tokens[at[j] - 1].strip() else tokens[at[j] - 1]
            k += size
            continue
        typed = tokens[at[k]]
        found = TEENCODE.get(typed.lower())
        if found is not None and (typed.isascii() or typed.lower() in ("đc", "đk", "đt")):
            tokens[at[k]] = found
        k += 1
    return "".join(tokens)
