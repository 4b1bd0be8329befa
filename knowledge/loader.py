"""Reading the curated YAML fact files into typed records.

Every structural problem is collected with its file and entry so a reviewer sees
all of them at once; nothing half-read is ever returned.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from . import records as r
from .errors import FactFileError, Problem

KNOWLEDGE_DIR = Path(__file__).resolve().parent
FACTS_DIR = KNOWLEDGE_DIR / "facts"
SOURCES_DIR = KNOWLEDGE_DIR / "sources"
MANIFEST = SOURCES_DIR / "manifest.yml"
# libyaml's parser when PyYAML has it (same Python constructor and resolver, so the same data),
# about ten times faster than the pure-Python one: every build, validation and test reads all facts.
SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
CATALOG_NAME = "catalog.yml"  # the main indicator table; other files add narrative indicators


@dataclass(frozen=True)
class Field:
    required: bool = False
    choices: tuple[str, ...] | None = None
    kind: str = "text"  # text | list | quotes | components | provenances


# Two kinds of note: `resident_note` is part of the answer (what a figure is relative to,
# how the document words it); `review_note` is for the people who review the files
# (where a quote was found, why an entry is kept) and is never shown to a resident.
NOTES = {"resident_note": Field(), "review_note": Field()}
_PROVENANCE = {"source": Field(True), "quote": Field(True, kind="quotes"), **NOTES}
SPECS: dict[str, dict[str, Field]] = {
    "indicators": {
        "code": Field(True), "name": Field(True), "unit": Field(True),
        "group": Field(True, r.INDICATOR_GROUPS), "parent": Field(),
        "aliases": Field(kind="list"), "review_note": Field(),
    },
    "values": {
        "indicator": Field(True), "period": Field(True), "kind": Field(True, r.VALUE_KINDS),
        "scope": Field(choices=r.SCOPES), "measure": Field(choices=r.MEASURES),
        "qualifier": Field(), "value": Field(True), "unit": Field(), **_PROVENANCE,
    },
    "projects": {
        "id": Field(True), "name": Field(True), "aliases": Field(kind="list"),
        "kind": Field(True, r.PROJECT_KINDS), "list_no": Field(),
        "group": Field(choices=r.PROJECT_GROUPS), "funding": Field(choices=r.FUNDINGS),
        "approvals": Field(kind="list"), "value_text": Field(), "usd_text": Field(),
        "components": Field(kind="components"), "area_text": Field(), "status": Field(),
        "value_unclear": Field(choices=("True", "False")),
        **_PROVENANCE,
    },
    "policies": {
        "number": Field(True), "doc_type": Field(True), "issuer": Field(), "date": Field(),
        "title": Field(True), "aliases": Field(kind="list"), "items": Field(kind="list"),
        **_PROVENANCE,
    },
    "answers": {
        "id": Field(True), "topic": Field(True, r.ANSWER_TOPICS),
        "questions": Field(True, kind="list"), "answer": Field(True), **_PROVENANCE,
        "also": Field(kind="provenances"),
    },
}
_SECTION_FOLDERS = {
    "indicators": ("indicators", "values"),
    "projects": ("projects",),
    "policies": ("policies",),
    "answers": ("answers",),
}


def _text(value: Any) -> str:
    # YAML reads 2024 or 12,5-free numbers as int/float; the files mean text.
    return str(value).strip()


_SPLIT_NOTE = ("'note' is split in two: write 'resident_note' (shown to residents) "
               "or 'review_note' (for reviewers, never shown)")


def _check_entry(raw: Any, spec: dict[str, Field], where: tuple[str, str]) -> list[Problem]:
    file, entry = where
    if not isinstance(raw, dict):
        return [Problem(file, entry, f"expected a mapping, got {type(raw).__name__}")]
    problems = [
        Problem(file, entry, _SPLIT_NOTE if key == "note" else f"unknown field {key!r} (allowed: {', '.join(spec)})")
        for key in raw
        if key not in spec
    ]
    for name, rule in spec.items():
        value = raw.get(name)
        if value is None or value == "" or value == []:
            if rule.required:
                problems.append(Problem(file, entry, f"missing required field {name!r}"))
            continue
        if rule.kind == "text" and isinstance(value, (list, dict)):
            problems.append(Problem(file, entry, f"{name!r} must be text"))
        elif rule.kind == "list" and not (
            isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value)
        ):
            problems.append(Problem(file, entry, f"{name!r} must be a list of texts"))
        elif rule.kind == "quotes" and not (
            isinstance(value, str)
            or (isinstance(value, list) and value and all(isinstance(v, str) for v in value))
        ):
            problems.append(Problem(file, entry, f"{name!r} must be a text or a list of texts"))
        elif rule.kind == "provenances" and not (
            isinstance(value, list)
            and all(isinstance(c, dict) and set(c) == {"source", "quote"} and c["quote"] for c in value)
        ):
            problems.append(Problem(file, entry, f"{name!r} must be a list of {{source, quote}}"))
        elif rule.kind == "components" and not (
            isinstance(value, list)
            and all(isinstance(c, dict) and c.get("name") for c in value)
        ):
            problems.append(Problem(file, entry, f"{name!r} must be a list of {{name, value_text}}"))
        if rule.choices and rule.kind == "text" and _text(value) not in rule.choices:
            problems.append(
                Problem(file, entry, f"{name!r} is {value!r}; expected one of {', '.join(rule.choices)}")
            )
    return problems


def _opt(raw: dict[str, Any], key: str) -> str | None:
    value = raw.get(key)
    return None if value is None or value == "" else _text(value)


def _texts(raw: dict[str, Any], key: str) -> tuple[str, ...]:
    value = raw.get(key) or []
    return tuple(_text(v) for v in ([value] if isinstance(value, str) else value))


def _provenance(raw: dict[str, Any], file: str, entry: str) -> r.Provenance:
    return r.Provenance(_text(raw["source"]), _texts(raw, "quote"), file, entry)


def _indicator(raw: dict[str, Any], file: str, entry: str) -> r.Indicator:
    return r.Indicator(
        code=_text(raw["code"]), name=_text(raw["name"]), unit=_text(raw["unit"]),
        group=_text(raw["group"]), parent=_opt(raw, "parent"), aliases=_texts(raw, "aliases"),
        file=file, core=file.endswith(CATALOG_NAME),
    )


def _value(raw: dict[str, Any], file: str, entry: str) -> r.IndicatorValue:
    return r.IndicatorValue(
        indicator=_text(raw["indicator"]), period=_text(raw["period"]), kind=_text(raw["kind"]),
        scope=_opt(raw, "scope") or "city", measure=_opt(raw, "measure") or "level",
        qualifier=_opt(raw, "qualifier"), value=_text(raw["value"]), unit=_opt(raw, "unit"),
        resident_note=_opt(raw, "resident_note"), review_note=_opt(raw, "review_note"),
        provenance=_provenance(raw, file, entry),
    )


def _project(raw: dict[str, Any], file: str, entry: str) -> r.Project:
    components = tuple(
        r.Component(_text(c["name"]), _opt(c, "value_text")) for c in raw.get("components") or []
    )
    return r.Project(
        id=_text(raw["id"]), name=_text(raw["name"]), aliases=_texts(raw, "aliases"),
        kind=_text(raw["kind"]), list_no=_opt(raw, "list_no"), group=_opt(raw, "group"),
        funding=_opt(raw, "funding"), approvals=_texts(raw, "approvals"),
        value_text=_opt(raw, "value_text"), value_unclear=bool(raw.get("value_unclear")),
        usd_text=_opt(raw, "usd_text"),
        components=components, area_text=_opt(raw, "area_text"), status=_opt(raw, "status"),
        resident_note=_opt(raw, "resident_note"), review_note=_opt(raw, "review_note"),
        provenance=_provenance(raw, file, entry),
    )


def _policy(raw: dict[str, Any], file: str, entry: str) -> r.Policy:
    return r.Policy(
        number=_text(raw["number"]), doc_type=_text(raw["doc_type"]), issuer=_opt(raw, "issuer"),
        date=_opt(raw, "date"), title=_text(raw["title"]), aliases=_texts(raw, "aliases"),
        items=_texts(raw, "items"), resident_note=_opt(raw, "resident_note"), review_note=_opt(raw, "review_note"),
        provenance=_provenance(raw, file, entry),
    )


def _answer(raw: dict[str, Any], file: str, entry: str) -> r.Answer:
    return r.Answer(
        id=_text(raw["id"]), topic=_text(raw["topic"]), questions=_texts(raw, "questions"),
        also=tuple(_provenance(extra, file, entry) for extra in raw.get("also") or []),
        answer=_text(raw["answer"]), resident_note=_opt(raw, "resident_note"), review_note=_opt(raw, "review_note"),
        provenance=_provenance(raw, file, entry),
    )


_BUILDERS: dict[str, tuple[Callable[[dict[str, Any], str, str], Any], str]] = {
    "indicators": (_indicator, "indicators"),
    "values": (_value, "values"),
    "projects": (_project, "projects"),
    "policies": (_policy, "policies"),
    "answers": (_answer, "answers"),
}
_LABEL_KEYS = ("code", "id", "number", "indicator")


def _label(section: str, index: int, raw: Any) -> str:
    if isinstance(raw, dict):
        for key in _LABEL_KEYS:
            if raw.get(key):
                extra = f" {raw.get('period', '')} {raw.get('kind', '')}".rstrip() if key == "indicator" else ""
                return f"{section}[{index}] ({raw[key]}{extra})"
    return f"{section}[{index}]"


def _read_yaml(path: Path, shown: str) -> tuple[Any, list[Problem]]:
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=SAFE_LOADER), []
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else "file"
        return None, [Problem(shown, where, f"not valid YAML: {getattr(exc, 'problem', exc)}")]
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Problem(shown, "file", f"cannot read: {exc}")]


def load_documents(manifest: Path = MANIFEST) -> tuple[dict[str, r.Document], list[Problem]]:
    data, problems = _read_yaml(manifest, manifest.name)
    documents: dict[str, r.Document] = {}
    if problems:
        return documents, problems
    for index, raw in enumerate((data or {}).get("documents") or []):
        try:
            doc = r.Document(**{k: (None if v is None else _text(v)) for k, v in raw.items()})  # type: ignore[arg-type]
        except TypeError as exc:
            problems.append(Problem(manifest.name, f"documents[{index}]", str(exc)))
            continue
        if doc.kind not in r.DOCUMENT_KINDS:
            problems.append(Problem(manifest.name, doc.id, f"kind {doc.kind!r} unknown"))
        if not (manifest.parent / doc.file).is_file():
            problems.append(Problem(manifest.name, doc.id, f"source file {doc.file} is missing"))
        documents[doc.id] = doc
    if not documents and not problems:
        problems.append(Problem(manifest.name, "documents", "no documents listed"))
    return documents, problems


def document_texts(sources_dir: Path = SOURCES_DIR) -> list[str]:
    """The text of every source document, in file-name order: the words the spellers learn."""
    return [path.read_text(encoding="utf-8") for path in sorted(sources_dir.glob("*.txt"))]


def fact_files(facts_dir: Path = FACTS_DIR) -> Iterator[tuple[str, Path]]:
    for folder in _SECTION_FOLDERS:
        for path in sorted((facts_dir / folder).glob("*.yml")):
            yield folder, path


def load_facts(facts_dir: Path = FACTS_DIR, manifest: Path = MANIFEST) -> r.FactSet:
    """Read every fact file; raise FactFileError listing every structural problem."""
    facts = r.FactSet()
    facts.documents, problems = load_documents(manifest)
    targets: dict[str, list[Any]] = {
        "indicators": facts.indicators, "values": facts.values, "projects": facts.projects,
        "policies": facts.policies, "answers": facts.answers,
    }
    for folder, path in fact_files(facts_dir):
        shown = path.relative_to(facts_dir.parent).as_posix()
        data, read_problems = _read_yaml(path, shown)
        problems += read_problems
        if read_problems or data is None:
            continue
        if not isinstance(data, dict):
            problems.append(Problem(shown, "file", "expected a mapping of sections at the top"))
            continue
        allowed = _SECTION_FOLDERS[folder]
        for section, entries in data.items():
            if section not in allowed:
                problems.append(
                    Problem(shown, section, f"unknown section here (allowed: {', '.join(allowed)})")
                )
                continue
            if not isinstance(entries, list):
                problems.append(Problem(shown, section, "expected a list of entries"))
                continue
            build, target = _BUILDERS[section]
            for index, raw in enumerate(entries):
                entry = _label(section, index, raw)
                entry_problems = _check_entry(raw, SPECS[section], (shown, entry))
                problems += entry_problems
                if not entry_problems:
                    targets[target].append(build(raw, shown, entry))
    if problems:
        raise FactFileError(problems)
    return facts
