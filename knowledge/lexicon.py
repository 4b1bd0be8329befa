"""Every name the knowledge base answers to, for entity extraction.

Generated from the indicators, projects, policies and administrative units, so a new
alias added in `knowledge/facts/` is understood without editing any training data.
`lexicon` holds the rules; the bot reads its inputs from the built database
(`KnowledgeBase.lexicon`), `knowledge_lexicon` from the fact files and the address data.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from . import records as r
from .address import DistrictChange, load_history, load_mappings, unit_folded
from .loader import FACTS_DIR, load_facts
from .text import fold

Entry = tuple[str, str, str]  # (entity, canonical value, surface form)
DOC_TYPES = ("de an", "quy hoach", "nghi quyet", "chuong trinh", "chien luoc", "ke hoach", "ket luan",
             "chi thi", "quyet dinh", "luat", "thong bao", "nghi dinh")
_SHORT_TYPES = {"phuong": ("p",), "xa": ("x",), "thi": ("tt",), "quan": ("q",), "huyen": ("h", "huyen dao")}  # "huyện đảo Cát Hải"


def lexicon(indicators: Iterable[r.Indicator], projects: Iterable[r.Project], policies: Iterable[r.Policy],
            units: Iterable[tuple[str, str]], history: Iterable[DistrictChange]) -> list[Entry]:
    """The names of these records; `units` are the (old ward, old district) rows of the mapping (a name that
    were both a ward's and a district's would be taken once, as the first row has it: none is, today)."""
    entries: list[Entry] = []
    for indicator in indicators:
        for surface in (indicator.name, *indicator.aliases):
            entries.append(("indicator", indicator.code, surface))
    for project in projects:
        for surface in (project.name, *project.aliases):
            entries.append(("project", project.id, surface))
    project_names = {fold(s) for e, _, s in entries if e == "project"}
    for policy in policies:
        numbered = any(ch.isdigit() for ch in policy.number)
        for surface in (policy.number, *policy.aliases):
            # An unnumbered document ("Đề án thành lập Khu thương mại tự do") is named
            # only with its document type; the bare zone name belongs to the project.
            if numbered or (fold(surface).startswith(DOC_TYPES) and fold(surface) not in project_names):
                entries.append(("policy", policy.number, surface))
    seen: set[str] = set()
    for old_ward, old_district in units:
        for entity, name in (("old_unit", old_ward), ("old_district", old_district)):
            value = unit_folded(name)
            if value and name not in seen:
                seen.add(name)
                # "Phường Lạch Tray" (or "p. Lạch Tray") names the unit; a bare "Lạch Tray"
                # ("Lê Chân", "Đồ Sơn") may be anything, so it is kept only in context
                entries.append((entity, value, name))
                entries += [(entity, value, f"{short} {value}") for short in _SHORT_TYPES.get(fold(name).split()[0], ())]
                entries.append((f"{entity}_bare", value, value))
    # a district by its name before 1/1/2025 ("huyện Thủy Nguyên", now "Thành phố Thủy Nguyên") names
    # its successor: the address answer follows the change (`address_history.yml`)
    for change in history:
        value = unit_folded(change.after)
        entries.append(("old_district", value, change.before))
        entries += [("old_district", value, f"{short} {value}") for short in _SHORT_TYPES.get(fold(change.before).split()[0], ())]
    return [(entity, value, surface) for entity, value, surface in entries if fold(surface)]


def indicator_parents(indicators: Iterable[r.Indicator]) -> dict[str, str]:
    return {i.code: i.parent for i in indicators if i.parent}


def key_project_ids(projects: Iterable[r.Project]) -> set[str]:
    return {p.id for p in projects if p.kind == "key_project"}


def knowledge_lexicon(facts_dir: Path = FACTS_DIR) -> list[Entry]:
    """`lexicon` of the fact files and the address data: no database needed."""
    facts = load_facts(facts_dir)
    mappings = load_mappings()
    return lexicon(facts.indicators, facts.projects, facts.policies,
                   [(m.old_ward, m.old_district) for m in mappings], load_history(mappings=mappings))
