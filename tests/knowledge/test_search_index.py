"""PostgreSQL full-text search ranks on the stored tsvector column, never recomputing it."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from knowledge.db import make_engine
from knowledge.search_index import POSTGRES_SEARCH, postgres_query, query_terms


@pytest.mark.postgres
def test_postgres_search_filters_and_ranks_on_the_stored_tsvector(postgres_url: str) -> None:
    engine = make_engine(postgres_url)
    try:
        with engine.connect() as conn:
            generated = conn.execute(sa.text(
                "SELECT generation_expression FROM information_schema.columns "
                "WHERE table_name = 'kb_search' AND column_name = 'tsv'"
            )).scalar_one()
            assert generated == "to_tsvector('simple'::regconfig, folded)"
            index = conn.execute(sa.text("SELECT indexdef FROM pg_indexes WHERE indexname = 'kb_search_tsv'")).scalar_one()
            assert index.endswith("USING gin (tsv)")
            terms = query_terms("tình hình giải ngân vốn đầu tư công năm 2025")
            plan = "\n".join(conn.execute(sa.text(f"EXPLAIN (VERBOSE) {POSTGRES_SEARCH.text}"),
                                          {"q": postgres_query(terms), "n": 5}).scalars())
    finally:
        engine.dispose()
    assert "ts_rank_cd(kb_search.tsv," in plan and "kb_search.tsv @@" in plan
    assert "to_tsvector" not in plan  # the cost this column removes (docs/BENCHMARKS.md)
