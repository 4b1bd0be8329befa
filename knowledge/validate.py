"""Provenance checks: every quote is in its source, every number is in its quote.

These are the checks that keep the bot from ever saying a figure no document
says. They run before every build and in the test suite.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from . import records as r
from .address import DistrictChange
from .errors import FactFileError, Problem
from .loader import SOURCES_DIR
from .numbers import is_prose, numbers_in
from .text import fold, normalize_quote


@lru_cache(maxsize=16)
def _source_text(path: Path) -> str:
    return normalize_quote(path.read_text(encoding="utf-8"))


def source_texts(facts: r.FactSet, sources_dir: Path = SOURCES_DIR) -> dict[str, str]:
    return {doc_id: _source_text(sources_dir / doc.file) for doc_id, doc in facts.documents.items()}


def _where(p: r.Provenance) -> tuple[str, str]:
    return p.file, p.entry


def _check_provenance(p: r.Provenance, sources: dict[str, str]) -> list[Problem]:
    if p.source not in sources:
        return [Problem(*_where(p), f"source {p.source!r} is not in the manifest")]
    text = sources[p.source]
    return [
        Problem(*_where(p), f"quote not found in source {p.source}: {quote[:90]!r}")
        for quote in p.quotes
        if not normalize_quote(quote) or normalize_quote(quote) not in text
    ]


def _check_in_quotes(p: r.Provenance, label: str, written: str | None) -> list[Problem]:
    if not written:
        return []
    joined = " ".join(normalize_quote(q) for q in p.quotes)
    if normalize_quote(written) in joined:
        return []
    return [Problem(*_where(p), f"{label} {written!r} does not occur in its quote")]


def answer_support(facts: r.FactSet, answer: r.Answer) -> str:
    """What a curated answer may say: its quotes (from every document it cites) and the
    names of those documents (title, issuer, citation), so it can say whose words they are."""
    provenances = (answer.provenance, *answer.also)
    documents = [facts.documents[p.source] for p in provenances if p.source in facts.documents]
    return " ".join([normalize_quote(q) for p in provenances for q in p.quotes]
                    + [normalize_quote(f"{d.title} {d.issuer} {d.citation}") for d in documents])


def _check_numbers_in_quotes(p: r.Provenance, label: str, text: str, support: str | None = None) -> list[Problem]:
    """Each number of a curated text must be one its quotes give."""
    joined = support if support is not None else " ".join(normalize_quote(q) for q in p.quotes)
    quoted = set(numbers_in(joined))
    return [
        Problem(*_where(p), f"{label} states {number!r}, which no quote of it gives")
        for number in numbers_in(text)
        if number not in quoted and number.lstrip("-") not in quoted
    ]


def _check_resident_note(p: r.Provenance, note: str | None, numbers: set[str]) -> list[Problem]:
    """A resident note is part of the answer: no number the documents do not give,
    and nothing that only makes sense to a reviewer (fact-file names)."""
    if not note:
        return []
    problems = [
        Problem(*_where(p), f"resident_note states {number!r}, which no source document gives")
        for number in numbers_in(note)
        if number not in numbers and number.lstrip("-") not in numbers
    ]
    if ".yml" in note:
        problems.append(Problem(*_where(p), "resident_note names a fact file: that belongs in review_note"))
    return problems


def _duplicates(kind: str, keys: Iterable[tuple[str, str]]) -> list[Problem]:
    seen: dict[str, str] = {}
    problems = []
    for key, file in keys:
        if key in seen:
            problems.append(Problem(file, f"{kind} {key}", f"also defined in {seen[key]}"))
        else:
            seen[key] = file
    return problems


def _check_signature(doc: r.Document, sources: dict[str, str]) -> list[Problem]:
    """A signer is said only as the document's own signature block writes it."""
    if not doc.signed:
        return []
    quote = normalize_quote(doc.signed_quote or "")
    if not quote or quote not in sources.get(doc.id, ""):
        return [Problem("manifest.yml", doc.id, f"signed_quote not found in source {doc.id}: {quote[:90]!r}")]
    missing = set(fold(doc.signed).split()) - set(fold(quote).split())
    return [Problem("manifest.yml", doc.id, f"signed says {sorted(missing)}, which signed_quote does not")] if missing else []


def check(facts: r.FactSet, sources_dir: Path = SOURCES_DIR) -> list[Problem]:
    """Every provenance and consistency problem of a loaded fact set."""
    sources = source_texts(facts, sources_dir)
    problems: list[Problem] = []
    codes = {i.code for i in facts.indicators}
    problems += _duplicates("indicator", ((i.code, i.file) for i in facts.indicators))
    problems += _duplicates("project", ((p.id, p.provenance.file) for p in facts.projects))
    problems += _duplicates("policy", ((p.number, p.provenance.file) for p in facts.policies))
    problems += _duplicates("answer", ((a.id, a.provenance.file) for a in facts.answers))
    for ind in facts.indicators:
        if ind.parent and ind.parent not in codes:
            problems.append(Problem(ind.file, ind.code, f"parent {ind.parent!r} is not defined"))
    for v in facts.values:
        p = v.provenance
        if v.indicator not in codes:
            problems.append(Problem(*_where(p), f"indicator {v.indicator!r} is not defined"))
        problems += _check_provenance(p, sources)
        problems += _check_in_quotes(p, "value", v.value)
        if v.unit and is_prose(v.value):
            problems.append(Problem(*_where(p), f"value {v.value!r} is written in words: its unit is in them, drop unit {v.unit!r}"))
    for proj in facts.projects:
        p = proj.provenance
        problems += _check_provenance(p, sources)
        for label, written in (
            ("value_text", proj.value_text), ("usd_text", proj.usd_text), ("area_text", proj.area_text),
            *((f"component {c.name!r}", c.value_text) for c in proj.components),
        ):
            problems += _check_in_quotes(p, label, written)
    for doc in facts.documents.values():
        problems += _check_signature(doc, sources)
    for pol in facts.policies:
        problems += _check_provenance(pol.provenance, sources)
    for ans in facts.answers:
        problems += _check_provenance(ans.provenance, sources)
        for extra in ans.also:
            problems += _check_provenance(extra, sources)
        problems += _check_numbers_in_quotes(ans.provenance, "answer", ans.answer, answer_support(facts, ans))
    document_numbers = {n for text in sources.values() for n in numbers_in(text)}
    entries: list[r.IndicatorValue | r.Project | r.Policy | r.Answer] = [
        *facts.values, *facts.projects, *facts.policies, *facts.answers,
    ]
    for entry in entries:
        problems += _check_resident_note(entry.provenance, entry.resident_note, document_numbers)
    problems += _check_value_conflicts(facts)
    return problems


def _check_value_conflicts(facts: r.FactSet) -> list[Problem]:
    """Two entries with the same key and different values must say so in a note
    (a resident note says which passage gives what; a review note only acknowledges it).

    Disagreement between documents is kept, never silently: a reviewer has to
    acknowledge it.
    """
    groups: dict[tuple[str, ...], list[r.IndicatorValue]] = {}
    for v in facts.values:
        key = (v.indicator, v.period, v.kind, v.scope, v.measure, fold(v.qualifier or ""))
        groups.setdefault(key, []).append(v)
    problems = []
    for members in groups.values():
        if len({fold(m.value) for m in members}) > 1:
            problems += [
                Problem(*_where(m.provenance), f"differs from another entry ({m.value}) and has no note")
                for m in members
                if not (m.resident_note or m.review_note)
            ]
    return problems


def check_history_quotes(facts: r.FactSet, history: list[DistrictChange], sources_dir: Path = SOURCES_DIR) -> None:
    """The district changes of 1/1/2025 quote the document that names their resolution."""
    sources = source_texts(facts, sources_dir)
    problems = [
        Problem("address_history.yml", change.before, f"quote not found in source {change.source}: {change.quote[:90]!r}")
        for change in history
        if normalize_quote(change.quote) not in sources.get(change.source, "")
    ]
    if problems:
        raise FactFileError(problems)


def validate(facts: r.FactSet, sources_dir: Path = SOURCES_DIR) -> None:
    problems = check(facts, sources_dir)
    if problems:
        raise FactFileError(problems)


def summary(facts: r.FactSet) -> Counter[str]:
    return Counter(
        indicators=len(facts.indicators), values=len(facts.values), projects=len(facts.projects),
        policies=len(facts.policies), answers=len(facts.answers),
    )
