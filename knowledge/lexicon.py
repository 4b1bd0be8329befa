"""Every name the knowledge base answers to, for entity extraction.

Generated from the fact files and the address data, so a new alias added in
`knowledge/facts/` is understood without editing any training data.
"""

from __future__ import annotations

from pathlib import Path

from .address import load_history, load_mappings, unit_folded
from .loader import FACTS_DIR, load_facts
from .text import fold

Entry = tuple[str, str, str]  # (entity, canonical value, surface form)
DOC_TYPES = ("de an", "quy hoach", "nghi quyet", "chuong trinh", "chien luoc", "ke hoach", "ket luan",
             "chi thi", "quyet dinh", "luat", "thong bao", "nghi dinh")
_SHORT_TYPES = {"phuong": ("p",), "xa": ("x",), "thi": ("tt",), "quan": ("q",), "huyen": ("h",)}


def indicator_parents(facts_dir: Path = FACTS_DIR) -> dict[str, str]:
    return {i.code: i.parent for i in load_facts(facts_dir).indicators if i.parent}


def key_project_ids(facts_dir: Path = FACTS_DIR) -> set[str]:
    return {p.id for p in load_facts(facts_dir).projects if p.kind == "key_project"}


def knowledge_lexicon(facts_dir: Path = FACTS_DIR) -> list[Entry]:
    facts = load_facts(facts_dir)
    entries: list[Entry] = []
    for indicator in facts.indicators:
        for surface in (indicator.name, *indicator.aliases):
            entries.append(("indicator", indicator.code, surface))
    for project in facts.projects:
        for surface in (project.name, *project.aliases):
            entries.append(("project", project.id, surface))
    project_names = {fold(s) for e, _, s in entries if e == "project"}
    for policy in facts.policies:
        numbered = any(ch.isdigit() for ch in policy.number)
        for surface in (policy.number, *policy.aliases):
            # An unnumbered document ("Đề án thành lập Khu thương mại tự do") is named
            # only with its document type; the bare zone name belongs to the project.
            if numbered or (fold(surface).startswith(DOC_TYPES) and fold(surface) not in project_names):
                entries.append(("policy", policy.number, surface))
    seen: set[str] = set()
    mappings = load_mappings()
    for mapping in mappings:
        for entity, name in (("old_unit", mapping.old_ward), ("old_district", mapping.old_district)):
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
    for change in load_history(mappings=mappings):
        value = unit_folded(change.after)
        entries.append(("old_district", value, change.before))
        entries += [("old_district", value, f"{short} {value}") for short in _SHORT_TYPES.get(fold(change.before).split()[0], ())]
    return [(entity, value, surface) for entity, value, surface in entries if fold(surface)]
