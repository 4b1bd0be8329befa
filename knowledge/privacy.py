"""Personal data in residents' words, masked before anything is stored or logged.

Residents type their phone number, ID-card number, e-mail or street address into a
question ("tôi ở số 12 đường Lạch Tray, sđt 0912 345 678, hỏi về …"). The feedback
store keeps unanswered questions for staff (`make report`): what it keeps is
`mask_personal_data(question)`, where each of these becomes a label in brackets:

* e-mail addresses → "[email]";
* Vietnamese phone numbers (0 or +84 then 9–10 digits, spaces, dots or dashes allowed
  between digits) → "[số điện thoại]";
* 9-digit (CMND) and 12-digit (CCCD) identity numbers, spaces allowed → "[số giấy tờ]";
* street addresses: a house number with a street word ("số 12 đường Lạch Tray",
  "12/3 phố Cầu Đất", "ngõ 5", "số nhà 7", with or without diacritics) → "[địa chỉ]".

Figures the bot talks about are left alone: years, percentages, amounts written with
thousands separators ("140.000 tỷ"), document numbers ("619-BC/TU"), ward and district
names without a house number ("phường Lạch Tray"). Names of people are not recognised:
the retention limit (knowledge/feedback.py) bounds how long they are kept.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

EMAIL = "[email]"
PHONE = "[số điện thoại]"
ID_NUMBER = "[số giấy tờ]"
ADDRESS = "[địa chỉ]"

_FLAGS = re.IGNORECASE | re.UNICODE
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", _FLAGS)
# 0xx… or +84/84 then the rest; a separator may follow any digit
_PHONE = re.compile(r"(?<![\w.,/])(?:\+84|84|0)(?:[ .\-]?\d){9,10}(?![\w/]|[.,]\d)", _FLAGS)
_ID = re.compile(r"(?<![\w.,/])\d{3} ?\d{3} ?\d{3}(?: ?\d{3})?(?![\w/]|[.,]\d)", _FLAGS)
_STREET_WORD = r"(?:đường|duong|phố|pho|ngõ|ngo|ngách|ngach|hẻm|hem|kiệt|kiet|đ\.|p\.)"
_HOUSE = r"\d+[a-z]?(?:/\d+[a-z]?)*"
_UPPER = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
_WORD = r"[^\s,.;:!?()\[\]]+"
# The street's name: its capitalised words ("Cầu Đất", "Trần Hưng Đạo"), or up to three
# words when typed in lower case ("to hieu").
_NAME = rf"(?-i:[{_UPPER}]{_WORD}(?:\s+[{_UPPER}0-9]{_WORD}){{0,3}}|{_WORD}(?:\s+{_WORD}){{0,2}})"
_ADDRESS = re.compile(
    rf"(?:(?:số\s*nhà|so\s*nha|nhà\s*số|nha\s*so|số|so)\s*)?{_HOUSE}\s*,?\s*{_STREET_WORD}\s*{_NAME}"
    rf"|(?:ngõ|ngo|ngách|ngach|hẻm|hem|kiệt|kiet)\s+{_HOUSE}(?![\w/])"
    rf"|(?:số\s*nhà|so\s*nha|nhà\s*số|nha\s*so)\s*{_HOUSE}",
    _FLAGS,
)


def mask_personal_data(text: str) -> str:
    """`text` with e-mails, phone numbers, ID numbers and street addresses replaced by labels."""
    if not text:
        return text
    text = _EMAIL.sub(EMAIL, text)
    text = _ADDRESS.sub(ADDRESS, text)
    text = _PHONE.sub(PHONE, text)
    return _ID.sub(ID_NUMBER, text)


def log_tag(value: str) -> str:
    """A short stable hash of an id, for logs: the same sender is recognisable, never named."""
    return hashlib.sha256(value.encode("utf-8", "replace")).hexdigest()[:12]


def private_file(path: str | Path) -> None:
    """Create `path` (empty) readable by its owner only, or make an existing one so.

    For files that hold residents' words (the feedback and conversation databases):
    SQLite creates its -wal and -shm files with the database file's permissions."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    os.chmod(path, 0o600)
    for sibling in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if sibling.exists():
            os.chmod(sibling, 0o600)
