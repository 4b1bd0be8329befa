"""The two-tier government of 1/7/2025: where an old ward or commune went, the new units."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from .. import db
from ..address import WARD_WORDS, DistrictChange, Mention, has_marks, mentions, same_name, unit_folded
from ..spelling import distance
from ..text import fold, fold_aligned
from .store import Store


@dataclass(frozen=True)
class NewUnit:
    name: str
    is_default: bool | None
    repair_note: str | None


@dataclass(frozen=True)
class AddressMatch:
    """Where one old ward/commune went. Several new units: it was split."""

    old_ward: str
    old_district: str
    old_province: str
    mapping_type: str
    new_units: tuple[NewUnit, ...]
    unusable: bool = False  # the source row had no new unit and no reviewed repair

    @property
    def is_split(self) -> bool:
        return len(self.new_units) > 1


@dataclass(frozen=True)
class AddressResult:
    query: str
    matches: tuple[AddressMatch, ...] = field(default_factory=tuple)
    dataset: str = ""
    districts: tuple[str, ...] = ()  # old districts the question names (as the mapping writes them)
    district_mismatch: tuple[str, ...] = ()  # named districts that do not hold the named commune
    changed: DistrictChange | None = None  # a district written by its name before 1/1/2025
    renamed_before: DistrictChange | None = None  # the commune is not in that district's successor
    tone_variants: bool = False  # names differing only by tone marks matched accent-free text


@dataclass(frozen=True)
class DistrictAnswer:
    district: str  # as the mapping writes it ("Quận An Dương")
    units: tuple[str, ...]  # every new unit its wards went to
    changed: DistrictChange | None = None  # written by its name before 1/1/2025 ("huyện An Dương")
    province: str = ""  # the old province it was in ("Tỉnh Hải Dương")


@dataclass(frozen=True)
class NamedDistrict:
    district: str
    mention: Mention
    change: DistrictChange | None


@dataclass(frozen=True, eq=False)
class AddressIndex:
    """The old → new mapping indexed once per database: the rows by old ward, old district and
    new unit, and each unit name under its first folded word, so a question is checked only
    against the names whose first word it contains (a few of ~500)."""

    dataset: str
    history: list[DistrictChange]
    wards: NameLookup  # (old ward, folded name without its type word)
    districts: NameLookup  # (old district, folded)
    new_units: NameLookup  # (new unit, folded full name)
    new_units_bare: NameLookup  # (new unit, folded name without its type word)
    new_unit_names: list[str]  # sorted
    rows_by_ward: dict[str, list[Any]]  # in mapping order (district, ward, new unit)
    units_by_district: dict[str, list[str]]  # sorted new units
    province_of_district: dict[str, str]  # the old province of each old district
    members_by_unit: dict[str, list[tuple[str, str]]]  # sorted (old ward, old district)

    @classmethod
    def build(cls, rows: list[Any], dataset: str, history: list[DistrictChange]) -> AddressIndex:
        rows_by_ward: dict[str, list[Any]] = {}
        units_by_district: dict[str, set[str]] = {}
        members_by_unit: dict[str, set[tuple[str, str]]] = {}
        for row in rows:
            rows_by_ward.setdefault(row.old_ward, []).append(row)
            if row.new_ward:
                units_by_district.setdefault(row.old_district, set()).add(row.new_ward)
                members_by_unit.setdefault(row.new_ward, set()).add((row.old_ward, row.old_district))
        new_unit_names = sorted({row.new_ward for row in rows if row.new_ward})
        return cls(
            dataset, history,
            wards=NameLookup.build({(row.old_ward, row.old_ward_folded) for row in rows}),
            districts=NameLookup.build({(row.old_district, row.old_district_folded) for row in rows}),
            new_units=NameLookup.build({(name, fold(name)) for name in new_unit_names}),
            new_units_bare=NameLookup.build({(name, _NEW_TYPE.sub("", fold(name))) for name in new_unit_names}),
            new_unit_names=new_unit_names,
            rows_by_ward=rows_by_ward,
            units_by_district={d: sorted(units) for d, units in units_by_district.items()},
            province_of_district={row.old_district: row.old_province for row in rows},
            members_by_unit={u: sorted(members) for u, members in members_by_unit.items()},
        )


@dataclass(frozen=True, eq=False)
class NameLookup:
    """(name, folded name) pairs under the folded name's first word. A name occurs in a question
    (`address.mentions`) only where its first word is a whole word of the question's aligned
    fold, so the others need no look; names whose first word is not plain [0-9a-z] are always looked at."""

    by_first_word: dict[str, list[tuple[str, str]]]
    always: list[tuple[str, str]]

    @classmethod
    def build(cls, names: set[tuple[str, str]]) -> NameLookup:
        by_first_word: dict[str, list[tuple[str, str]]] = {}
        always: list[tuple[str, str]] = []
        for name, folded in sorted(names):
            words = folded.split()
            if not words:
                continue  # `mentions` finds nothing for an empty name
            if _WORD.fullmatch(words[0]):
                by_first_word.setdefault(words[0], []).append((name, folded))
            else:
                always.append((name, folded))
        return cls(by_first_word, always)

    def in_question(self, text: str) -> list[tuple[str, str]]:
        """The names that may occur in `text` (NFC), sorted as the full list would be."""
        words = set(_WORD.findall(fold_aligned(text)))
        return sorted([pair for word in words for pair in self.by_first_word.get(word, ())] + self.always)


_WORD = re.compile(r"[0-9a-z]+")
_NEW_TYPE = re.compile(r"^(?:phuong|xa|dac khu)\s+")
_CLAIM_VERB = re.compile(r"\b(?:thuoc|vao|ve|sang|thanh|la|nhap)\b")
_NEW_TYPE_WRITTEN = re.compile(r"^(?:Phường|Xã|Đặc khu)\s+")


class GovernmentQueries(Store):
    """Names are matched tone-exactly where the resident typed the marks ("Cẩm Giang" is
    not "Cẩm Giàng"); every choice is made on sorted data, never on set order."""

    def _address_index(self) -> AddressIndex:
        def load(conn: Connection) -> AddressIndex:
            t = db.admin_units
            rows = list(conn.execute(sa.select(t).order_by(t.c.old_district, t.c.old_ward, t.c.new_ward)).all())
            meta = dict(conn.execute(sa.select(db.meta.c.key, db.meta.c.value)
                                     .where(db.meta.c.key.in_(["address_dataset", "address_history"]))).all())
            history = [DistrictChange(**item) for item in json.loads(meta.get("address_history") or "[]")]
            return AddressIndex.build(rows, meta.get("address_dataset") or "", history)

        return self._cached("address_index", load)

    def _named_districts(self, text: str) -> list[NamedDistrict]:
        """Districts named in `text`: of the mapping, or a former name of one (changes of 1/1/2025)."""
        index = self._address_index()
        history = index.history
        found: list[NamedDistrict] = []
        named = list(index.districts.in_question(text))
        # no two districts differ by tone marks only: "huyện Thanh Miên" with one mark wrong is still Thanh Miện
        sharing = Counter(folded for _, folded in named)
        for district, folded in named:
            for mention in mentions(text, folded):
                if mention.type_word in ("tinh", *WARD_WORDS) or (
                        sharing[folded] > 1 and not same_name(mention.written, unit_name(district))):
                    continue
                typed = mention.type_word
                change = next((c for c in history if c.after == district and typed
                               and fold(c.before).startswith(typed + " ") and not fold(district).startswith(typed + " ")),
                              None)
                found.append(NamedDistrict(district, mention, change))
        # the longest name wins where names overlap ("Thành phố Hải Dương" in "Hải Dương" questions)
        found.sort(key=lambda d: (d.mention.start, -(d.mention.end - d.mention.start), d.district))
        kept: list[NamedDistrict] = []
        for item in found:
            if not any(k.mention.start <= item.mention.start < k.mention.end for k in kept):
                kept.append(item)
        return kept

    def convert_address(self, text: str) -> AddressResult:
        """Old ward/commune (optionally with its district) → the new unit(s).

        Every new unit of a split old unit is returned, the default one first. A district
        named with the commune narrows the search; a commune not in the named district is
        said so (`district_mismatch`); a district written by its name before 1/1/2025
        ("huyện Thủy Nguyên") is followed to its successor (`changed`), and a commune not
        found there is reported as renamed then (`renamed_before`), never as unknown.
        """
        text = unicodedata.normalize("NFC", text)
        index = self._address_index()
        dataset = index.dataset
        districts = self._named_districts(text)
        district_spans = [(d.mention.start, d.mention.end) for d in districts]
        hits: dict[str, list[Mention]] = {}
        for ward, folded in index.wards.in_question(text):
            for mention in mentions(text, folded):
                if mention.as_district or mention.type_word == "tinh":
                    continue  # "huyện An Dương" names the district, not the ward of that name
                if not mention.as_ward and any(s <= mention.start < e for s, e in district_spans):
                    continue
                if same_name(mention.written, unit_name(ward)):
                    hits.setdefault(ward, []).append(mention)
        if not hits:
            hits = self._slipped_ward(text, districts)
        if not hits:
            changed = _first_change(districts)
            # "xã Tân Dương, huyện Thủy Nguyên": a commune of a district written by its former
            # name that the mapping does not know was renamed or merged then.
            names_a_commune = _COMMUNE_NAMED.search(fold(text)) is not None
            return AddressResult(text, (), dataset, districts=tuple(d.district for d in districts),
                                 changed=changed, renamed_before=changed if names_a_commune else None)

        def strength(ward: str) -> tuple[int, int]:
            best = hits[ward]
            return (int(any(m.as_ward for m in best)), max(m.end - m.start for m in best))

        top = max(strength(w) for w in hits)
        wanted = sorted(w for w in hits if strength(w) == top)
        candidates = [row for ward in wanted for row in index.rows_by_ward[ward]]
        ward_spans = [(m.start, m.end) for w in wanted for m in hits[w]]
        named = [d for d in districts if not any(s <= d.mention.start < e for s, e in ward_spans)]
        changed = _first_change(named)
        mismatch: tuple[str, ...] = ()
        renamed_before = None
        if named:
            allowed = {d.district for d in named}
            in_named = [row for row in candidates if row.old_district in allowed]
            if in_named:
                candidates = in_named
            elif changed is not None:
                # a commune of a district as written before 1/1/2025 that its successor no longer has
                renamed_before = changed
                candidates = []
            else:
                mismatch = tuple(sorted(allowed))
        matches = _group_matches(candidates)
        return AddressResult(
            text, matches, dataset, districts=tuple(d.district for d in named), district_mismatch=mismatch,
            changed=changed if matches else None, renamed_before=renamed_before,
            tone_variants=len({fold(w) for w in wanted}) < len(wanted),
        )

    def _slipped_ward(self, text: str, districts: list[NamedDistrict]) -> dict[str, list[Mention]]:
        """"phường Đằng Gian, quận Ngô Quyền": the one ward of the named districts whose name is a letter
        away from the words after a ward's type word. The district keeps the candidates few, so one
        slip cannot reach another ward's name by chance; with no district named ("phường Quán Toanh"),
        only a long name, and only when no other is as near."""
        index = self._address_index()
        allowed = {d.district for d in districts}
        shortest = SLIP_MIN_LENGTH if allowed else SLIP_MIN_LENGTH_ALONE
        aligned = fold_aligned(text)
        found: dict[str, list[Mention]] = {}
        for typed in _WARD_TYPED.finditer(aligned):
            following: dict[int, re.Match[str] | None] = {}  # the next N words, per name length
            for ward, rows in index.rows_by_ward.items():
                name = rows[0].old_ward_folded
                if len(name) < shortest or (allowed and not any(row.old_district in allowed for row in rows)):
                    continue
                size = len(name.split())
                if size not in following:
                    following[size] = re.match(rf"\S+(?:\s+\S+){{{size - 1}}}", aligned[typed.end():])
                words = following[size]
                if words and distance(words.group(), name, limit=1) <= 1:
                    start, end = typed.end(), typed.end() + words.end()
                    found.setdefault(ward, []).append(Mention(start, end, text[start:end], typed.group(1)))
        return found if len(found) == 1 else {}

    def new_unit_names(self) -> list[str]:
        """Every new commune-level unit of the city, by its full name ("Đặc khu Cát Hải")."""
        return list(self._address_index().new_unit_names)

    def new_unit_counts(self) -> tuple[dict[str, int], str]:
        """How many new commune-level units there are, by type ("Phường", "Xã", "Đặc khu")."""
        index = self._address_index()
        counts: dict[str, int] = {}
        for name in index.new_unit_names:
            kind = "Đặc khu" if name.startswith("Đặc khu") else name.split()[0]
            counts[kind] = counts.get(kind, 0) + 1
        return counts, index.dataset

    def district_units(self, text: str) -> tuple[str, list[str]] | None:
        """An old district named in `text` and the new units its wards went to."""
        found = self.district_answer(text)
        return (found.district, list(found.units)) if found else None

    def district_answer(self, text: str) -> DistrictAnswer | None:
        """The old district a question names (as a district), every new unit its wards went
        to, and the change of 1/1/2025 when it was written by its former name."""
        districts = self._named_districts(unicodedata.normalize("NFC", text))
        if not districts:
            return None
        # a district named with its type word beats a bare name; then the first named
        best = sorted(districts, key=lambda d: (not d.mention.as_district, d.mention.start))[0]
        index = self._address_index()
        units = index.units_by_district.get(best.district, [])
        return DistrictAnswer(best.district, tuple(units), best.change, index.province_of_district.get(best.district, ""))

    def is_place(self, folded: str) -> bool:
        """`folded` is the name of an old ward, commune or district or of a new unit, without its type word
        ("xuan dam", "cat bi", "thuy nguyen")."""
        index = self._address_index()
        first = folded.split()[0] if folded else ""
        return any(name == folded for lookup in (index.wards, index.districts, index.new_units_bare)
                   for _, name in lookup.by_first_word.get(first, ()))

    def new_units_in(self, text: str) -> list[str]:
        """New units named with their type word ("đặc khu Cát Hải", "xã Cẩm Giàng"), tone-exact
        where typed with marks; several only when names differ by their marks alone."""
        text = _TYPE_ABBREVIATED.sub(_type_written, unicodedata.normalize("NFC", text))
        found = []
        for name, folded in self._address_index().new_units.in_question(text):
            for mention in mentions(text, folded):
                if same_name(mention.written, name):
                    found.append((mention.end - mention.start, name))
        if not found:
            return []
        longest = max(size for size, _ in found)
        return sorted({name for size, name in found if size == longest})

    def new_units_claimed(self, text: str) -> list[str]:
        """The new units a question says an old one became: named with their type word, or bare
        after the verb that claims it ("… cũng vào Hồng An luôn đúng không?")."""
        if named := self.new_units_in(text):
            return named
        text = unicodedata.normalize("NFC", text)
        verbs = list(_CLAIM_VERB.finditer(fold_aligned(text)))
        return self._new_units_bare(text[verbs[-1].end():]) if verbs else []

    def _new_units_bare(self, text: str) -> list[str]:
        found = []
        for name, folded in self._address_index().new_units_bare.in_question(text):
            for mention in mentions(text, folded):
                if same_name(mention.written, _NEW_TYPE_WRITTEN.sub("", name)):
                    found.append((mention.start, name))
        return [name for _, name in sorted(found)]

    def new_unit_in(self, text: str) -> str | None:
        """A new unit named with its type word; None when the name fits two units that differ
        only by tone marks (ask which: `new_units_in`)."""
        found = self.new_units_in(text)
        return found[0] if len(found) == 1 else None

    def new_unit_members(self, new_unit: str) -> list[tuple[str, str]]:
        """The old (ward, district) pairs that now form a new unit (wholly or in part)."""
        return list(self._address_index().members_by_unit.get(new_unit, []))


# "p Thành Đông", "x. An Lão": the type word as residents shorten it, before a unit's name
_TYPE_ABBREVIATED = re.compile(r"(?<!\w)([pPxX])\.?\s+(?=(\w+))")
_TYPE_WRITTEN = {"p": "phường ", "x": "xã "}


def _type_written(abbreviated: re.Match[str]) -> str:
    """"p Hồng An" → "phường Hồng An"; "p hong an" → "phuong hong an": written as the name after it is, since
    a name is matched tone-exactly when its mention has marks."""
    written = _TYPE_WRITTEN[abbreviated.group(1).lower()]
    return written if has_marks(abbreviated.group(2)) else fold(written) + " "
_WARD_TYPED = re.compile(r"\b(phuong|xa|thi tran)\s+")
SLIP_MIN_LENGTH = 6  # letters and spaces of a ward's folded name; shorter names are a slip from too many others
SLIP_MIN_LENGTH_ALONE = 8  # the same, among all the wards of the mapping
_COMMUNE_NAMED = re.compile(r"\b(?:xa|phuong|thi tran)\s+(?!(?:nao|gi|moi|cu|nay|nhe|a|vay)\b)\w+")


def unit_name(full: str) -> str:
    """"Phường Lạch Tray" → "Lạch Tray" (the name without its type word)."""
    folded = unit_folded(full)
    words = len(folded.split())
    return " ".join(full.split()[-words:]) if words else full


def _first_change(districts: list[NamedDistrict]) -> DistrictChange | None:
    return next((d.change for d in districts if d.change is not None), None)


def _group_matches(rows: list[Any]) -> tuple[AddressMatch, ...]:
    groups: dict[tuple[str, str, str], list[Any]] = {}
    for row in rows:
        groups.setdefault((row.old_province, row.old_district, row.old_ward), []).append(row)
    matches = []
    for (province, district, ward), members in sorted(groups.items()):
        members.sort(key=lambda m: (not m.is_default, m.new_ward or ""))
        units = tuple(NewUnit(m.new_ward, m.is_default, m.repair_note) for m in members if m.new_ward)
        matches.append(AddressMatch(
            old_ward=ward, old_district=district, old_province=province,
            mapping_type=members[0].mapping_type, new_units=units,
            unusable=any(m.new_ward is None for m in members),
        ))
    return tuple(matches)
