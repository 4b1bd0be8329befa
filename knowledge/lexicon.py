"""Every name the knowledge base answers to, for entity extraction.

Generated from the fact files and the address data, so a new alias added in
`knowledge/facts/` is understood without editing any training data.
"""

from __future__ import annotations

from pathlib import Path

from .address import load_mappings, unit_folded
from .loader import FACTS_DIR, load_facts
from .text import fold

Entry = tuple[str, str, str]  # (entity, canonical value, surface form)


def knowledge_lexicon(facts_dir: Path = FACTS_DIR) -> list[Entry]:
    facts = load_facts(facts_dir)
    entries: list[Entry] = []
    for indicator in facts.indicators:
        for surface in (indicator.name, *indicator.aliases):
            entries.append(("indicator", indicator.code, surface))
    for project in facts.projects:
        for surface in (project.name, *project.aliases):
            entries.append(("project", project.id, surface))
    for policy in facts.policies:
        for surface in (policy.number, *policy.aliases):
            entries.append(("policy", policy.number, surface))
    seen: set[str] = set()
    for mapping in load_mappings():
        for name in (mapping.old_ward, mapping.old_district):
            value = unit_folded(name)
            if value and name not in seen:
                seen.add(name)
                # "Phường Lạch Tray" and plain "Lạch Tray" both name the unit
                entries.append(("old_unit", value, name))
                entries.append(("old_unit", value, value))
    return [(entity, value, surface) for entity, value, surface in entries if fold(surface)]
