"""What replies say of the knowledge base as a whole, with its source.

Two parts, neither written in code:
- `facts/about.yml`: the report the tables come from, the year of its results and of its
  plan, the key-project list and the names of its groups, each with a quote that
  `check_about` proves against the source;
- the reorganisation the unit data describes: when the new units took effect, which old
  provinces the new city is made of, and the data set and library that ship the mapping.

The build stores both in `kb_meta`; `about_of(kb)` and `reorganisation_of(kb)` read them back.
A new report or year changes a fact file, not code.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from importlib import metadata as package_metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
import yaml

from . import db
from . import records as r
from .address import NEW_PROVINCE_KEY, _mapping_json
from .errors import FactFileError, Problem
from .loader import FACTS_DIR
from .text import fold, normalize_quote

if TYPE_CHECKING:
    from .query import KnowledgeBase

ABOUT_FILE = FACTS_DIR / "about.yml"
ADDRESS_PACKAGE = "underthesea"  # the library that ships the mapping


@dataclass(frozen=True)
class ProjectGroup:
    code: str
    label: str  # as replies name it: "dự án khởi công năm 2025"
    quote: str  # the table's header row


@dataclass(frozen=True)
class About:
    report: str  # document id of the report the tables come from
    results_year: str  # the year the report gives results for
    plan_year: str  # the year it plans
    report_quote: str
    key_projects_title: str  # "Danh mục dự án trọng điểm năm 2025"
    key_projects_source: str
    key_projects_quote: str
    groups: tuple[ProjectGroup, ...]

    def group_label(self, code: str) -> str:
        return next((g.label for g in self.groups if g.code == code), code)

    @property
    def group_labels(self) -> dict[str, str]:
        return {g.code: g.label for g in self.groups}


@dataclass(frozen=True)
class Reorganisation:
    effective: str  # "01/07/2025", as the data set gives it
    provinces: tuple[str, ...]  # the old provinces, the new city's own name first: ("Hải Phòng", "Hải Dương")
    dataset: str  # "vietnamadminunits 1.0.4 (hiệu lực 01/07/2025)"
    package: str  # "underthesea 9.5.0"


def load_about(path: Path = ABOUT_FILE) -> About:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        report, key = data["report"], data["key_projects"]
        return About(
            report=str(report["source"]), results_year=str(report["results_year"]),
            plan_year=str(report["plan_year"]), report_quote=str(report["quote"]),
            key_projects_title=str(key["title"]), key_projects_source=str(key["source"]),
            key_projects_quote=str(key["quote"]),
            groups=tuple(ProjectGroup(str(code), str(g["label"]), str(g["quote"]))
                         for code, g in (key.get("groups") or {}).items()),
        )
    except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError) as exc:
        raise FactFileError([Problem(path.name, "about", f"unreadable: {exc}")]) from exc


def check_about(about: About, sources: dict[str, str]) -> list[Problem]:
    """Every quote is in its source; every year and name a reply takes from here is in its quote."""
    problems: list[Problem] = []

    def quoted(entry: str, source: str, quote: str, *said: str) -> None:
        if source not in sources:
            problems.append(Problem("about.yml", entry, f"source {source!r} is not in the manifest"))
        elif normalize_quote(quote) not in sources[source]:
            problems.append(Problem("about.yml", entry, f"quote not found in source {source}: {quote[:90]!r}"))
        problems.extend(Problem("about.yml", entry, f"{text!r} says more than its quote")
                        for text in said if not _label_fits(text, quote))

    quoted("report", about.report, about.report_quote, f"năm {about.results_year}", f"năm {about.plan_year}")
    quoted("key_projects", about.key_projects_source, about.key_projects_quote, about.key_projects_title)
    for group in about.groups:
        if group.code not in r.PROJECT_GROUPS:
            problems.append(Problem("about.yml", group.code, "not a project group"))
        quoted(group.code, about.key_projects_source, group.quote, group.label)
    missing = sorted(set(r.PROJECT_GROUPS) - {g.code for g in about.groups})
    problems += [Problem("about.yml", code, "project group has no label") for code in missing]
    return problems


def _label_fits(label: str, quote: str) -> bool:
    """Each word of what a reply says ("Danh mục dự án trọng điểm năm 2025") is a word of its quote."""
    words = set(fold(quote).split())
    return all(w in words for w in fold(label).replace(",", " ").split())


def reorganisation_from_data() -> Reorganisation:
    """What the unit data says of the reorganisation (at build time)."""
    data = _mapping_json()
    year, month, day = str(data["metadata"]["effective_date"]).split("-")
    rows = [row for row in data["ward_mapping"] if row["new_province_key"] == NEW_PROVINCE_KEY]
    new_name = _bare(rows[0]["new_province"]) if rows else ""
    provinces = sorted({_bare(row["old_province"]) for row in rows}, key=lambda p: (p != new_name, p))
    meta = data["metadata"]
    return Reorganisation(
        effective=f"{day}/{month}/{year}", provinces=tuple(provinces),
        dataset=f"{meta['source']} {meta['version']} (hiệu lực {day}/{month}/{year})",
        package=f"{ADDRESS_PACKAGE} {package_metadata.version(ADDRESS_PACKAGE)}",
    )


def _bare(province: str) -> str:
    """"Thành phố Hải Phòng" → "Hải Phòng", "Tỉnh Hải Dương" → "Hải Dương"."""
    for prefix in ("Thành phố ", "Tỉnh "):
        if province.startswith(prefix):
            return province[len(prefix):]
    return province


def meta_rows(about: About) -> list[dict[str, str]]:
    """The `kb_meta` rows the build writes."""
    return [
        {"key": "about", "value": json.dumps(asdict(about), ensure_ascii=False)},
        {"key": "reorganisation", "value": json.dumps(asdict(reorganisation_from_data()), ensure_ascii=False)},
    ]


def _meta(kb: KnowledgeBase, key: str) -> dict[str, Any]:
    def load(conn: sa.Connection) -> dict[str, Any]:
        value = conn.execute(sa.select(db.meta.c.value).where(db.meta.c.key == key)).scalar()
        return dict(json.loads(value)) if value else {}

    return dict(kb._cached(f"meta:{key}", load))


def about_of(kb: KnowledgeBase) -> About:
    data = _meta(kb, "about")
    if not data:
        return load_about()  # a database built before this record existed
    groups = tuple(ProjectGroup(**g) for g in data.pop("groups"))
    return About(groups=groups, **data)


def reorganisation_of(kb: KnowledgeBase) -> Reorganisation:
    data = _meta(kb, "reorganisation")
    if not data:
        return reorganisation_from_data()
    return Reorganisation(**{**data, "provinces": tuple(data["provinces"])})
