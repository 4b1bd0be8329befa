"""Abbreviations and teencode residents type, mapped to standard Vietnamese.

Keys are folded (lower case, no diacritics) single tokens; only unambiguous ones
are listed: "a" (anh / à) or "m" (mình / mày) are left alone on purpose.
"""

from __future__ import annotations

TEENCODE: dict[str, str] = {
    # negation and common function words
    "ko": "không", "k": "không", "kg": "không", "kh": "không", "khg": "không", "hok": "không",
    "hong": "không", "hem": "không", "khum": "không", "hông": "không",
    "dc": "được", "dk": "được", "đc": "được", "đk": "được", "duoc": "được",
    "j": "gì", "ji": "gì", "gj": "gì",
    "z": "vậy", "v": "vậy", "zay": "vậy", "vay": "vậy",
    "ntn": "như thế nào", "ntnao": "như thế nào", "sao z": "sao vậy",
    "bn": "bao nhiêu", "bnh": "bao nhiêu", "bnhieu": "bao nhiêu", "bnhiu": "bao nhiêu",
    "baonhieu": "bao nhiêu", "nhiu": "nhiêu", "bh": "bao giờ", "bgio": "bao giờ", "bjo": "bao giờ",
    "r": "rồi", "ròi": "rồi", "cx": "cũng", "cg": "cũng", "vs": "với", "trc": "trước",
    "bt": "biết", "bik": "biết", "wa": "quá", "qua'": "quá", "dag": "đang", "đag": "đang",
    "tgian": "thời gian", "ng": "người", "mn": "mọi người", "mng": "mọi người",
    "mik": "mình", "mk": "mình", "mh": "mình", "b": "bạn", "bot": "bot", "ad": "admin",
    "e": "em", "t": "tôi", "oke": "ok", "okie": "ok", "oki": "ok",
    "tks": "cảm ơn", "thks": "cảm ơn", "thx": "cảm ơn", "thanks": "cảm ơn", "thank": "cảm ơn",
    "camon": "cảm ơn", "cmon": "cảm ơn", "xl": "xin lỗi", "sr": "xin lỗi", "sorry": "xin lỗi",
    # domain abbreviations
    "hp": "Hải Phòng", "hph": "Hải Phòng", "haiphong": "Hải Phòng", "tp": "thành phố",
    "tphp": "thành phố Hải Phòng", "hd": "Hải Dương", "ns": "ngân sách", "nsnn": "ngân sách nhà nước",
    "nq": "nghị quyết", "qd": "quyết định", "qđ": "quyết định", "kl": "kết luận",
    "ubnd": "ủy ban nhân dân", "hdnd": "hội đồng nhân dân", "hđnd": "hội đồng nhân dân",
    "kt": "kinh tế", "xh": "xã hội", "kcn": "khu công nghiệp", "kkt": "khu kinh tế",
    "ccn": "cụm công nghiệp", "kdt": "khu đô thị", "kđt": "khu đô thị", "nhà ga": "nhà ga", "sn": "số", "ttg": "thủ tướng",
    "cq": "chính quyền", "dvhc": "đơn vị hành chính", "đvhc": "đơn vị hành chính",
    "bhyt": "bảo hiểm y tế", "xk": "xuất khẩu", "nk": "nhập khẩu", "xnk": "xuất nhập khẩu",
    "dl": "du lịch",
}


def expand(token: str) -> str | None:
    """The standard form of a teencode token, or None when it is an ordinary word."""
    return TEENCODE.get(token.lower())
