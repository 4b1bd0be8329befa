"""The old→new administrative-unit mapping of the new Hải Phòng (from 1/7/2025).

Source: the mapping underthesea ships (vietnamadminunits data), filtered to units
that now belong to Hải Phòng (old Hải Phòng and old Hải Dương). Rows with a
missing new-unit name are detected; a reviewed repair in
`facts/address_repairs.yml` fixes them with its reason, otherwise they are kept
but marked unusable so the bot says it cannot answer rather than guessing.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .errors import FactFileError, Problem
from .loader import FACTS_DIR
from .text import fold, fold_aligned, strip_diacritics

NEW_PROVINCE_KEY = "thanhphohaiphong"
REPAIRS_FILE = FACTS_DIR / "address_repairs.yml"


@dataclass(frozen=True)
class UnitMapping:
    old_province: str
    old_district: str
    old_ward: str
    new_ward: str | None  # None: the source row is flawed and unrepaired
    mapping_type: str  # merged | divided | renamed | unchanged
    is_default: bool | None
    repair_note: str | None


@lru_cache(maxsize=1)
def _mapping_json() -> dict[str, Any]:
    data = resources.files("underthesea.address").joinpath("data/mapping.json").read_text("utf-8")
    return json.loads(data)


def dataset_version() -> str:
    meta = _mapping_json()["metadata"]
    year, month, day = str(meta["effective_date"]).split("-")
    return f"{meta['source']} {meta['version']} (hiệu lực {day}/{month}/{year})"


def _load_repairs(path: Path) -> dict[str, tuple[str, str]]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        return {
            str(item["new_ward_key"]): (str(item["new_ward"]), " ".join(str(item["reason"]).split()))
            for item in data.get("repairs") or []
        }
    except (OSError, yaml.YAMLError, KeyError, TypeError) as exc:
        raise FactFileError([Problem(path.name, "repairs", f"unreadable: {exc}")]) from exc


def _is_flawed(row: dict[str, Any]) -> bool:
    return not str(row.get("new_ward") or "").strip()


def load_mappings(repairs_file: Path = REPAIRS_FILE) -> list[UnitMapping]:
    """Every old unit now in Hải Phòng, with flawed rows repaired or marked."""
    repairs = _load_repairs(repairs_file)
    used: set[str] = set()
    mappings = []
    for row in _mapping_json()["ward_mapping"]:
        if row["new_province_key"] != NEW_PROVINCE_KEY:
            continue
        new_ward: str | None = row["new_ward"].strip() or None
        note = None
        if _is_flawed(row):
            repair = repairs.get(row["new_ward_key"])
            if repair:
                new_ward, note = repair
                used.add(row["new_ward_key"])
        mappings.append(
            UnitMapping(
                old_province=row["old_province"], old_district=row["old_district"],
                old_ward=row["old_ward"], new_ward=new_ward, mapping_type=row["mapping_type"],
                is_default=row.get("is_default"), repair_note=note,
            )
        )
    unused = set(repairs) - used
    if unused:
        # A repair that matches nothing means the data changed under us: re-review.
        raise FactFileError(
            [Problem(repairs_file.name, key, "repair matches no flawed row") for key in sorted(unused)]
        )
    return mappings


_OUR_PROVINCES = {"hai phong", "hai duong"}


def _our_districts() -> re.Pattern[str]:
    names = {unit_folded(row["old_district"]) for row in _mapping_json()["ward_mapping"]
             if row["new_province_key"] == NEW_PROVINCE_KEY and row["old_district"]}
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, names), key=len, reverse=True)) + r")\b")


_PROVINCE_ALIASES = {"ho chi minh": ("hcm", "tphcm", "sai gon", "tp hcm"), "ha noi": ("hn",), "da nang": ("dn",)}
# Two letters that residents also write for other words: "hn" is hội nghị ("hn đối thoại với dn"),
# "dn" is doanh nghiệp. They name a place only after a word that introduces one ("ở hn", "so với hn").
_AMBIGUOUS_ALIASES = {"hn", "dn"}
_PLACE_CUE = r"(?:o|tai|cua|voi|va|tp|thanh pho|ngoai|ra|den|nhu|bang|hon)"


def other_province(text: str) -> str | None:
    """Another province or city named in the question ("GRDP Đà Nẵng", "thu ngân sách TP HCM").

    The knowledge base holds Hải Phòng's figures only: such a question must not get them.
    """
    # "Cát Bà, Đồ Sơn là gì": our own districts' names are read first, so "đồ sơn la" is no Sơn La
    folded = _OUR_DISTRICTS.sub(" ", f" {fold(text)} ")
    data = _mapping_json()
    for info in (*data["old_province_names"].values(), *data["province_names"].values()):
        short = fold(info["short"])
        if short in _OUR_PROVINCES:
            continue
        for name in (short, *_PROVINCE_ALIASES.get(short, ())):
            if name in _AMBIGUOUS_ALIASES:
                if re.search(rf"\b{_PLACE_CUE} {name}\b", folded):
                    return str(info["short"])
            elif f" {name} " in folded:
                return str(info["short"])
    return None


def unit_folded(name: str) -> str:
    """Folded unit name without its type word: "Phường Lạch Tray" → "lach tray"."""
    folded = fold(name)
    for prefix in ("thi tran ", "phuong ", "xa ", "quan ", "huyen ", "thi xa ", "thanh pho ", "tinh "):
        if folded.startswith(prefix):
            return folded[len(prefix):]
    return folded


# -- reading unit names in a question: tone-exact where the resident gave the marks ------------
_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")  # huyền, sắc, ngã, hỏi, nặng
WARD_WORDS = ("thi tran", "phuong", "xa", "p", "x", "tt")
DISTRICT_WORDS = ("thanh pho", "thi xa", "quan", "huyen", "huyen dao", "tp", "q", "h")  # "huyện đảo Cát Hải"


def _syllable_key(syllable: str) -> tuple[str, str]:
    """A syllable as (letters with their vowel marks, tone): "hoà" and "hòa" are the same."""
    decomposed = unicodedata.normalize("NFD", syllable.lower())
    tone = "".join(sorted(ch for ch in decomposed if ch in _TONE_MARKS))
    letters = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONE_MARKS))
    return letters, tone


def has_marks(text: str) -> bool:
    return strip_diacritics(text) != text


def same_name(written: str, name: str) -> bool:
    """`written` (as the resident typed it) names `name`: accent-free text matches by its
    letters; text with diacritics must carry the same marks ("Cẩm Giang" is not "Cẩm Giàng")."""
    if fold(written) != fold(name):
        return False
    if not has_marks(written):
        return True
    return [_syllable_key(s) for s in re.findall(r"\w+", written)] == [_syllable_key(s) for s in re.findall(r"\w+", name)]


@dataclass(frozen=True)
class Mention:
    """Where a unit name occurs in a question, as typed, and the type word before it."""

    start: int
    end: int
    written: str
    type_word: str | None  # folded: "xa", "huyen", ...

    @property
    def as_ward(self) -> bool:
        return self.type_word in WARD_WORDS

    @property
    def as_district(self) -> bool:
        return self.type_word in DISTRICT_WORDS


@lru_cache(maxsize=4096)
def _name_pattern(folded_name: str) -> re.Pattern[str]:
    words = folded_name.split()
    return re.compile(r"(?<![0-9a-z])" + r"[\s]+".join(map(re.escape, words)) + r"(?![0-9a-z])")


def mentions(text: str, folded_name: str) -> list[Mention]:
    """Every occurrence of a folded unit name in `text` (NFC), left to right."""
    words = folded_name.split()
    if not words:
        return []
    aligned = fold_aligned(text)
    if words[0] not in aligned:
        return []  # most of the ~450 unit names of a question: nothing to look for
    pattern = _name_pattern(folded_name)
    found = []
    for match in pattern.finditer(aligned):
        before = aligned[:match.start()].split()
        type_word = None
        for size in (2, 1):
            candidate = " ".join(before[-size:]) if len(before) >= size else ""
            if candidate in WARD_WORDS or candidate in DISTRICT_WORDS or candidate == "tinh":
                type_word = candidate
                break
        found.append(Mention(match.start(), match.end(), text[match.start():match.end()], type_word))
    return found


# -- changes of 1/1/2025 that the mapping (units of 30/6/2025) does not show -------------------
HISTORY_FILE = FACTS_DIR / "address_history.yml"


@dataclass(frozen=True)
class DistrictChange:
    before: str  # "Huyện Thủy Nguyên"
    after: str  # its successor in the mapping: "Thành phố Thủy Nguyên"
    effective: str  # "01/01/2025"
    resolution: str  # the act that made the change, as a document names it
    source: str
    quote: str


def load_history(path: Path = HISTORY_FILE, mappings: list[UnitMapping] | None = None) -> list[DistrictChange]:
    """The reviewed district changes of 1/1/2025; each successor must be a district of the mapping."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        changes = [
            DistrictChange(
                before=str(item["before"]), after=str(item["after"]), effective=str(data["effective"]),
                resolution=" ".join(str(data["resolution"]).split()), source=str(data["source"]),
                quote=" ".join(str(data["quote"]).split()),
            )
            for item in data.get("districts") or []
        ]
    except (OSError, yaml.YAMLError, KeyError, TypeError) as exc:
        raise FactFileError([Problem(path.name, "history", f"unreadable: {exc}")]) from exc
    known = {m.old_district for m in (mappings if mappings is not None else load_mappings())}
    problems = [Problem(path.name, c.before, f"successor {c.after!r} is not a district of the mapping")
                for c in changes if c.after not in known]
    problems += [Problem(path.name, c.before, "is still a district of the mapping: not a former name")
                 for c in changes if c.before in known]
    if problems:
        raise FactFileError(problems)
    return changes


_OUR_DISTRICTS = _our_districts()
