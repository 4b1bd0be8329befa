"""The database schema (SQLAlchemy Core, 2.0 style) and engine creation.

Only the knowledge package touches these tables; everyone else calls the API.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Engine

metadata = sa.MetaData()

meta = sa.Table(
    "kb_meta", metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)
documents = sa.Table(
    "kb_documents", metadata,
    sa.Column("id", sa.String(16), primary_key=True),
    sa.Column("file", sa.Text, nullable=False),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("issuer", sa.Text, nullable=False),
    sa.Column("number", sa.Text),
    sa.Column("date", sa.String(10)),
    sa.Column("date_note", sa.Text),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("citation", sa.Text, nullable=False),
    sa.Column("signed", sa.Text),
    sa.Column("signed_quote", sa.Text),
)
indicators = sa.Table(
    "kb_indicators", metadata,
    sa.Column("code", sa.String(96), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("unit", sa.Text, nullable=False),
    sa.Column("grp", sa.String(32), nullable=False),
    sa.Column("parent", sa.String(96)),
    sa.Column("aliases", sa.JSON, nullable=False),
    sa.Column("core", sa.Boolean, nullable=False),
    sa.Column("position", sa.Integer, nullable=False),  # order of the fact files (table order)
)
# One table of names for everything residents refer to by name, folded for
# accent-free matching.
names = sa.Table(
    "kb_names", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("entity", sa.String(16), nullable=False),
    sa.Column("key", sa.String(128), nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("folded", sa.Text, nullable=False, index=True),
)
values = sa.Table(
    "kb_values", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("indicator", sa.String(96), nullable=False, index=True),
    sa.Column("period", sa.String(16), nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("scope", sa.String(16), nullable=False),
    sa.Column("measure", sa.String(24), nullable=False),
    sa.Column("qualifier", sa.Text),
    sa.Column("value_text", sa.Text, nullable=False),  # the figure; a change carries its sign ("-12")
    sa.Column("written", sa.Text),  # the document's wording when it differs ("giảm 12")
    sa.Column("low", sa.String(40)),
    sa.Column("high", sa.String(40)),
    sa.Column("comparator", sa.String(2)),
    sa.Column("unit", sa.Text, nullable=False),
    sa.Column("resident_note", sa.Text),
    sa.Column("review_note", sa.Text),
    sa.Column("source", sa.String(16), nullable=False),
    sa.Column("quotes", sa.JSON, nullable=False),
)
projects = sa.Table(
    "kb_projects", metadata,
    sa.Column("id", sa.String(128), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("aliases", sa.JSON, nullable=False),
    sa.Column("kind", sa.String(24), nullable=False),
    sa.Column("list_no", sa.String(8)),
    sa.Column("grp", sa.String(32)),
    sa.Column("funding", sa.String(16)),
    sa.Column("approvals", sa.JSON, nullable=False),
    sa.Column("value_text", sa.Text),
    sa.Column("value_unclear", sa.Boolean, nullable=False),
    sa.Column("value_million_vnd", sa.String(40)),
    sa.Column("usd_text", sa.Text),
    sa.Column("components", sa.JSON, nullable=False),
    sa.Column("area_text", sa.Text),
    sa.Column("status", sa.Text),
    sa.Column("resident_note", sa.Text),
    sa.Column("review_note", sa.Text),
    sa.Column("source", sa.String(16), nullable=False),
    sa.Column("quotes", sa.JSON, nullable=False),
)
policies = sa.Table(
    "kb_policies", metadata,
    sa.Column("number", sa.String(64), primary_key=True),
    sa.Column("doc_type", sa.Text, nullable=False),
    sa.Column("issuer", sa.Text),
    sa.Column("date", sa.String(10)),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("aliases", sa.JSON, nullable=False),
    sa.Column("items", sa.JSON, nullable=False),
    sa.Column("resident_note", sa.Text),
    sa.Column("review_note", sa.Text),
    sa.Column("source", sa.String(16), nullable=False),
    sa.Column("quotes", sa.JSON, nullable=False),
)
answers = sa.Table(
    "kb_answers", metadata,
    sa.Column("id", sa.String(128), primary_key=True),
    sa.Column("topic", sa.String(24), nullable=False),
    sa.Column("questions", sa.JSON, nullable=False),
    sa.Column("answer", sa.Text, nullable=False),
    sa.Column("also", sa.JSON, nullable=False),  # [{source, quotes}]: further documents it cites
    sa.Column("resident_note", sa.Text),
    sa.Column("review_note", sa.Text),
    sa.Column("source", sa.String(16), nullable=False),
    sa.Column("quotes", sa.JSON, nullable=False),
)
admin_units = sa.Table(
    "kb_admin_units", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("old_province", sa.Text, nullable=False),
    sa.Column("old_district", sa.Text, nullable=False),
    sa.Column("old_district_folded", sa.Text, nullable=False),
    sa.Column("old_ward", sa.Text, nullable=False),
    sa.Column("old_ward_folded", sa.Text, nullable=False, index=True),
    sa.Column("new_ward", sa.Text),
    sa.Column("new_ward_folded", sa.Text, index=True),
    sa.Column("mapping_type", sa.String(16), nullable=False),
    sa.Column("is_default", sa.Boolean),
    sa.Column("repair_note", sa.Text),
)
search_docs = sa.Table(
    "kb_search", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("entity", sa.String(16), nullable=False),
    sa.Column("key", sa.String(128), nullable=False),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("body", sa.Text, nullable=False),
    sa.Column("source", sa.String(16), nullable=False),
    sa.Column("folded", sa.Text, nullable=False),
)


def make_engine(url: str, read_only: bool = False) -> Engine:
    """The engine for a knowledge or feedback database.

    `read_only` (the knowledge API): on PostgreSQL each statement runs in autocommit,
    so a lookup costs no BEGIN/ROLLBACK round trip (about 0.3 ms of ~1 ms).
    """
    parsed = sa.engine.make_url(url)
    if parsed.get_backend_name() == "sqlite":
        # SQLAlchemy 1.4 opens a new connection per use of a file database (NullPool):
        # a pool keeps them open. Lookups run in worker threads, hence the thread flag.
        pool = {} if parsed.database in (None, "", ":memory:") else {"poolclass": sa.pool.QueuePool}
        return sa.create_engine(url, future=True, connect_args={"check_same_thread": False}, hide_parameters=True,
                                **pool)
    # pool_pre_ping: a PostgreSQL restart must not leave dead connections in the pool.
    # hide_parameters: an error's message must not quote the bound values (residents' words).
    isolation = {"isolation_level": "AUTOCOMMIT"} if read_only else {}
    return sa.create_engine(url, future=True, pool_pre_ping=True, hide_parameters=True, **isolation)
