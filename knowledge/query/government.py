"""The two-tier government of 1/7/2025: where an old ward or commune went, the new units."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from .. import db
from ..address import WARD_WORDS, DistrictChange, Mention, mentions, same_name, unit_folded
from ..text import fold
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


@dataclass(frozen=True)
class NamedDistrict:
    district: str
    mention: Mention
    change: DistrictChange | None


class GovernmentQueries(Store):
    """Names are matched tone-exactly where the resident typed the marks ("Cẩm Giang" is
    not "Cẩm Giàng"); every choice is made on sorted data, never on set order."""

    def _admin_rows(self) -> list[Any]:
        def load(conn: Connection) -> list[Any]:
            t = db.admin_units
            return list(conn.execute(sa.select(t).order_by(t.c.old_district, t.c.old_ward, t.c.new_ward)).all())

        return self._cached("admin_rows", load)

    def _address_meta(self) -> tuple[str, list[DistrictChange]]:
        def load(conn: Connection) -> tuple[str, list[DistrictChange]]:
            rows = dict(conn.execute(sa.select(db.meta.c.key, db.meta.c.value)
                                     .where(db.meta.c.key.in_(["address_dataset", "address_history"]))).all())
            history = [DistrictChange(**item) for item in json.loads(rows.get("address_history") or "[]")]
            return rows.get("address_dataset") or "", history

        return self._cached("address_meta", load)

    def _named_districts(self, text: str) -> list[NamedDistrict]:
        """Districts named in `text`: of the mapping, or a former name of one (changes of 1/1/2025)."""
        _, history = self._address_meta()
        names = sorted({(row.old_district, row.old_district_folded) for row in self._admin_rows()})
        found: list[NamedDistrict] = []
        for district, folded in names:
            for mention in mentions(text, folded):
                if mention.type_word in ("tinh", *WARD_WORDS) or not same_name(mention.written, unit_name(district)):
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
        dataset, _ = self._address_meta()
        rows = self._admin_rows()
        districts = self._named_districts(text)
        district_spans = [(d.mention.start, d.mention.end) for d in districts]
        hits: dict[str, list[Mention]] = {}
        for ward, folded in sorted({(row.old_ward, row.old_ward_folded) for row in rows}):
            for mention in mentions(text, folded):
                if mention.as_district or mention.type_word == "tinh":
                    continue  # "huyện An Dương" names the district, not the ward of that name
                if not mention.as_ward and any(s <= mention.start < e for s, e in district_spans):
                    continue
                if same_name(mention.written, unit_name(ward)):
                    hits.setdefault(ward, []).append(mention)
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
        candidates = [row for row in rows if row.old_ward in wanted]
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

    def new_unit_names(self) -> list[str]:
        """Every new commune-level unit of the city, by its full name ("Đặc khu Cát Hải")."""
        return sorted({row.new_ward for row in self._admin_rows() if row.new_ward})

    def new_unit_counts(self) -> tuple[dict[str, int], str]:
        """How many new commune-level units there are, by type ("Phường", "Xã", "Đặc khu")."""
        names = sorted({row.new_ward for row in self._admin_rows() if row.new_ward})
        counts: dict[str, int] = {}
        for name in names:
            kind = "Đặc khu" if name.startswith("Đặc khu") else name.split()[0]
            counts[kind] = counts.get(kind, 0) + 1
        return counts, self._address_meta()[0]

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
        units = sorted({row.new_ward for row in self._admin_rows() if row.old_district == best.district and row.new_ward})
        return DistrictAnswer(best.district, tuple(units), best.change)

    def new_units_in(self, text: str) -> list[str]:
        """New units named with their type word ("đặc khu Cát Hải", "xã Cẩm Giàng"), tone-exact
        where typed with marks; several only when names differ by their marks alone."""
        text = unicodedata.normalize("NFC", text)
        names = sorted({row.new_ward for row in self._admin_rows() if row.new_ward})
        found = []
        for name in names:
            for mention in mentions(text, fold(name)):
                if same_name(mention.written, name):
                    found.append((mention.end - mention.start, name))
        if not found:
            return []
        longest = max(size for size, _ in found)
        return sorted({name for size, name in found if size == longest})

    def new_unit_in(self, text: str) -> str | None:
        """A new unit named with its type word; None when the name fits two units that differ
        only by tone marks (ask which: `new_units_in`)."""
        found = self.new_units_in(text)
        return found[0] if len(found) == 1 else None

    def new_unit_members(self, new_unit: str) -> list[tuple[str, str]]:
        """The old (ward, district) pairs that now form a new unit (wholly or in part)."""
        return sorted({(row.old_ward, row.old_district) for row in self._admin_rows() if row.new_ward == new_unit})


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
