"""Building the knowledge database from the fact files.

The build never leaves a half-written database behind: SQLite is written to a
temporary file that replaces the old one only when complete; on PostgreSQL the
whole rebuild is one transaction (its DDL is transactional).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, make_url

from . import db
from . import records as r
from .about import ABOUT_FILE, About, check_about, load_about, meta_rows
from .address import (
    HISTORY_FILE,
    DistrictChange,
    UnitMapping,
    dataset_version,
    load_history,
    load_mappings,
    unit_folded,
)
from .errors import FactFileError
from .loader import FACTS_DIR, SOURCES_DIR, fact_files, load_facts
from .numbers import change_figure, is_prose, parse_value
from .search_index import create_search_index, drop_search_index, populate_search_index
from .text import fold
from .validate import check_history_quotes, source_texts, validate

Progress = Callable[[str, int, int], None]
SCHEMA_VERSION = "1"


def facts_checksum(facts_dir: Path = FACTS_DIR, sources_dir: Path = SOURCES_DIR) -> str:
    digest = hashlib.sha256()
    paths = [p for _, p in fact_files(facts_dir)] + sorted(sources_dir.glob("*"))
    paths += [facts_dir / "address_repairs.yml", facts_dir / HISTORY_FILE.name, facts_dir / ABOUT_FILE.name]
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _name_rows(entity: str, key: str, names: Iterable[str]) -> list[dict[str, Any]]:
    seen = set()
    rows = []
    for name in names:
        folded = fold(name)
        if folded and folded not in seen:
            seen.add(folded)
            rows.append({"entity": entity, "key": key, "name": name, "folded": folded})
    return rows


def _prov(p: r.Provenance) -> dict[str, Any]:
    return {"source": p.source, "quotes": list(p.quotes)}


def _notes(entry: r.IndicatorValue | r.Project | r.Policy | r.Answer) -> dict[str, Any]:
    return {"resident_note": entry.resident_note, "review_note": entry.review_note}


def _value_row(v: r.IndicatorValue, unit: str) -> dict[str, Any]:
    # A change written with its direction ("giảm 12") is stored as the signed figure
    # ("-12") so its sign survives; the document's wording is kept beside it.
    signed = change_figure(v.value) if v.measure == "change" else None
    text = signed or v.value
    parsed = parse_value(text)
    return {
        "indicator": v.indicator, "period": v.period, "kind": v.kind, "scope": v.scope,
        "measure": v.measure, "qualifier": v.qualifier, "value_text": text,
        "written": v.value if signed is not None else None,
        "low": None if parsed.low is None else str(parsed.low),
        "high": None if parsed.high is None else str(parsed.high),
        "comparator": parsed.comparator,
        # a value written in words carries its unit in its words ("Hoàn thành 100% số xã")
        "unit": "" if is_prose(v.value) else (v.unit or unit),
        **_notes(v), **_prov(v.provenance),
    }


def _project_row(p: r.Project) -> dict[str, Any]:
    parsed = parse_value(p.value_text) if p.value_text else None
    # Only an unambiguous plain number becomes the numeric value.
    plain = parsed is not None and parsed.is_number and not parsed.is_range and not parsed.comparator
    number = str(parsed.low) if plain and parsed and not p.value_unclear else None
    return {
        "id": p.id, "name": p.name, "aliases": list(p.aliases), "kind": p.kind, "list_no": p.list_no,
        "grp": p.group, "funding": p.funding, "approvals": list(p.approvals),
        "value_text": p.value_text, "value_unclear": p.value_unclear, "value_million_vnd": number, "usd_text": p.usd_text,
        "components": [{"name": c.name, "value_text": c.value_text} for c in p.components],
        "area_text": p.area_text, "status": p.status, **_notes(p), **_prov(p.provenance),
    }


def _admin_row(m: UnitMapping) -> dict[str, Any]:
    return {
        "old_province": m.old_province, "old_district": m.old_district,
        "old_district_folded": unit_folded(m.old_district), "old_ward": m.old_ward,
        "old_ward_folded": unit_folded(m.old_ward), "new_ward": m.new_ward,
        "new_ward_folded": unit_folded(m.new_ward) if m.new_ward else None,
        "mapping_type": m.mapping_type, "is_default": m.is_default, "repair_note": m.repair_note,
    }


def _insert(conn: Connection, table: sa.Table, rows: list[dict[str, Any]], progress: Progress) -> None:
    if rows:
        conn.execute(sa.insert(table), rows)
    progress(table.name, len(rows), len(rows))


def _write(conn: Connection, facts: r.FactSet, mappings: list[UnitMapping], history: list[DistrictChange],
           about: About, checksum: str, progress: Progress) -> None:
    drop_search_index(conn)
    db.metadata.drop_all(conn)
    db.metadata.create_all(conn)
    units = {i.code: i.unit for i in facts.indicators}
    _insert(conn, db.documents, [vars(d) for d in facts.documents.values()], progress)
    _insert(conn, db.indicators, [
        {"code": i.code, "name": i.name, "unit": i.unit, "grp": i.group, "parent": i.parent,
         "aliases": list(i.aliases), "core": i.core, "position": n} for n, i in enumerate(facts.indicators)
    ], progress)
    name_rows: list[dict[str, Any]] = []
    for i in facts.indicators:
        name_rows += _name_rows("indicator", i.code, (i.name, i.code.replace("_", " "), *i.aliases))
    for p in facts.projects:
        name_rows += _name_rows("project", p.id, (p.name, *p.aliases))
    for pol in facts.policies:
        name_rows += _name_rows("policy", pol.number, (pol.number, *pol.aliases))
    _insert(conn, db.names, name_rows, progress)
    _insert(conn, db.values, [_value_row(v, units.get(v.indicator, "")) for v in facts.values], progress)
    _insert(conn, db.projects, [_project_row(p) for p in facts.projects], progress)
    _insert(conn, db.policies, [
        {"number": p.number, "doc_type": p.doc_type, "issuer": p.issuer, "date": p.date,
         "title": p.title, "aliases": list(p.aliases), "items": list(p.items), **_notes(p),
         **_prov(p.provenance)} for p in facts.policies
    ], progress)
    _insert(conn, db.answers, [
        {"id": a.id, "topic": a.topic, "questions": list(a.questions), "answer": a.answer,
         "also": [_prov(extra) for extra in a.also], **_notes(a), **_prov(a.provenance)} for a in facts.answers
    ], progress)
    _insert(conn, db.admin_units, [_admin_row(m) for m in mappings], progress)
    create_search_index(conn)
    progress("kb_search", *([populate_search_index(conn, facts)] * 2))
    built_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
    _insert(conn, db.meta, [
        {"key": "schema_version", "value": SCHEMA_VERSION},
        {"key": "facts_checksum", "value": checksum},
        {"key": "built_at", "value": built_at},
        {"key": "address_dataset", "value": dataset_version()},
        {"key": "address_history", "value": json.dumps([vars(c) for c in history], ensure_ascii=False)},
        *meta_rows(about),
    ], progress)


def _quiet(table: str, done: int, total: int) -> None:
    return None


def build(url: str, facts_dir: Path = FACTS_DIR, progress: Progress = _quiet) -> r.FactSet:
    """Validate the fact files and (re)build the database at `url` atomically."""
    facts = load_facts(facts_dir)
    validate(facts)
    mappings = load_mappings()
    history = load_history(mappings=mappings)
    check_history_quotes(facts, history)
    about = load_about(facts_dir / "about.yml")
    if problems := check_about(about, source_texts(facts)):
        raise FactFileError(problems)
    checksum = facts_checksum(facts_dir)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        target = Path(parsed.database)
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(prefix=".knowledge-", suffix=".db", dir=target.parent)
        os.close(handle)
        engine = db.make_engine(parsed.set(database=temp_name).render_as_string(hide_password=False))
        try:
            with engine.begin() as conn:
                _write(conn, facts, mappings, history, about, checksum, progress)
            engine.dispose()
            os.replace(temp_name, target)
        except BaseException:
            engine.dispose()
            Path(temp_name).unlink(missing_ok=True)
            raise
        return facts
    engine = db.make_engine(url)
    try:
        with engine.begin() as conn:
            _write(conn, facts, mappings, history, about, checksum, progress)
    finally:
        engine.dispose()
    return facts
