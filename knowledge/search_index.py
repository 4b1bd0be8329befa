"""Ranked full-text search over every fact and every source paragraph.

Text is indexed in folded form (no diacritics, lower case) so "tang truong" finds
"tăng trưởng". SQLite uses FTS5 with bm25 ranking; PostgreSQL a stored 'simple'
tsvector column (generated from `folded`, GIN-indexed) ranked with ts_rank_cd: the
query neither recomputes the tsvector to rank a row nor to recheck a phrase match.
Only this module holds dialect-specific SQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from . import db
from . import records as r
from .loader import SOURCES_DIR
from .numbers import is_prose
from .text import fold, normalize_space

# Words in nearly every question; matching on them only adds noise.
STOP_WORDS = frozenset(
    (
        "bao nhieu la gi cua the nao nhu co khong ko k duoc dc cho toi "
        "minh ban hoi va cac nhung mot ve thi o tai trong den voi hay xin "
        "vui long a ah oi nhe nhi vay sao hai phong hp tp thanh pho con "
        "cai kia nay do roi nua cung da dang se rat qua biet muon xem giup "
    ).split()
)
MAX_QUERY_TERMS = 12
TSV_COLUMN = "tsv"  # PostgreSQL only (create_search_index); the table itself is in db.py

SQLITE_SEARCH = sa.text(
    "SELECT s.entity, s.key, s.title, s.body, s.source, bm25(kb_search_fts) AS rank "
    "FROM kb_search_fts JOIN kb_search AS s ON s.id = kb_search_fts.rowid "
    "WHERE kb_search_fts MATCH :q ORDER BY rank LIMIT :n"
)
POSTGRES_SEARCH = sa.text(
    f"SELECT entity, key, title, body, source, ts_rank_cd({TSV_COLUMN}, q, 1) AS rank "
    "FROM kb_search, to_tsquery('simple', :q) AS q "
    f"WHERE {TSV_COLUMN} @@ q ORDER BY rank DESC, id LIMIT :n"
)


@dataclass(frozen=True)
class SearchHit:
    entity: str  # value | project | policy | answer | passage
    key: str
    title: str
    body: str
    source: str  # document id
    score: float


def query_terms(query: str) -> list[str]:
    terms = [t for t in fold(query).split() if t not in STOP_WORDS and len(t) > 1]
    return list(dict.fromkeys(terms))[:MAX_QUERY_TERMS]


def postgres_query(terms: list[str]) -> str:
    """`(a <-> b) | a | b` for to_tsquery('simple', …): adjacent pairs, then each word."""
    return " | ".join([f"({a} <-> {b})" for a, b in pairwise(terms)] + terms)


def drop_search_index(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        conn.execute(sa.text("DROP TABLE IF EXISTS kb_search_fts"))


def create_search_index(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        conn.execute(sa.text(
            "CREATE VIRTUAL TABLE kb_search_fts USING fts5("
            "folded, content='kb_search', content_rowid='id', tokenize='unicode61')"
        ))
    elif conn.dialect.name == "postgresql":
        # A generated column: PostgreSQL fills it on insert, it cannot drift from `folded`.
        conn.execute(sa.text(
            f"ALTER TABLE kb_search ADD COLUMN {TSV_COLUMN} tsvector "
            "GENERATED ALWAYS AS (to_tsvector('simple', folded)) STORED"
        ))
        conn.execute(sa.text(f"CREATE INDEX kb_search_tsv ON kb_search USING gin ({TSV_COLUMN})"))


def _docs(facts: r.FactSet) -> list[dict[str, Any]]:
    names = {i.code: i.name for i in facts.indicators}
    units = {i.code: i.unit for i in facts.indicators}
    rows: list[tuple[str, str, str, str, str]] = []
    for v in facts.values:
        unit = "" if is_prose(v.value) else (v.unit or units.get(v.indicator, ""))
        title = f"{names.get(v.indicator, v.indicator)} ({v.period}, {v.kind}): {v.value} {unit}".rstrip()
        # Search hits are shown to residents: only notes meant for them go in.
        body = " ".join((*v.provenance.quotes, v.resident_note or ""))
        rows.append(("value", v.indicator, title, body, v.provenance.source))
    for p in facts.projects:
        rows.append(("project", p.id, p.name, " ".join((*p.aliases, p.status or "", *p.provenance.quotes)),
                     p.provenance.source))
    for pol in facts.policies:
        rows.append(("policy", pol.number, f"{pol.doc_type} {pol.number}",
                     " ".join((pol.title, *pol.aliases, *pol.items)), pol.provenance.source))
    for a in facts.answers:
        rows.append(("answer", a.id, a.questions[0] if a.questions else a.id,
                     " ".join((*a.questions, a.answer)), a.provenance.source))
    for doc in facts.documents.values():
        text = (SOURCES_DIR / doc.file).read_text(encoding="utf-8")
        for number, paragraph in enumerate(p for p in text.splitlines() if len(p.strip()) > 40):
            rows.append(("passage", f"{doc.id}:{number}", doc.title, normalize_space(paragraph.replace("**", "")), doc.id))
    return [
        {"entity": e, "key": k, "title": t, "body": b, "source": s, "folded": fold(f"{t} {b}")}
        for e, k, t, b, s in rows
    ]


def populate_search_index(conn: Connection, facts: r.FactSet) -> int:
    docs = _docs(facts)
    conn.execute(sa.insert(db.search_docs), docs)
    if conn.dialect.name == "sqlite":
        conn.execute(sa.text("INSERT INTO kb_search_fts(kb_search_fts) VALUES ('rebuild')"))
    return len(docs)


def search(conn: Connection, query: str, limit: int = 5, entities: tuple[str, ...] = ()) -> list[SearchHit]:
    """Best matches first. Adjacent query words also count as a phrase, so "giải ngân"
    outranks a passage that merely has "giải" and "ngân" far apart."""
    terms = query_terms(query)
    if not terms:
        return []
    wanted = set(entities)
    # Over-fetch so filtering by entity still fills the limit.
    fetch = limit * 8 if wanted else limit
    if conn.dialect.name == "sqlite":
        phrases = [f'"{a} {b}"' for a, b in pairwise(terms)] + [f'"{t}"' for t in terms]
        rows = conn.execute(SQLITE_SEARCH, {"q": " OR ".join(phrases), "n": fetch})
        hits = [SearchHit(e, k, t, b, s, -float(rank)) for e, k, t, b, s, rank in rows]
    else:
        rows = conn.execute(POSTGRES_SEARCH, {"q": postgres_query(terms), "n": fetch})
        hits = [SearchHit(e, k, t, b, s, float(rank)) for e, k, t, b, s, rank in rows]
    if wanted:
        hits = [h for h in hits if h.entity in wanted]
    return hits[:limit]
