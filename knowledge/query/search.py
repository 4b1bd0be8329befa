"""Search over every fact, counts, question normalization and quotable sentences."""

from __future__ import annotations

import sqlalchemy as sa

from .. import db
from ..passages import EXPLANATION_THRESHOLD, THRESHOLD, Passage, PassageIndex, asks_problems, names_a_problem
from ..search_index import SearchHit, search
from ..spelling import Speller
from .store import Store


class SearchQueries(Store):
    def search(self, query: str, limit: int = 5, entities: tuple[str, ...] = ()) -> list[SearchHit]:
        with self._connect() as conn:
            return search(conn, query, limit, entities)

    def stats(self) -> dict[str, int]:
        tables = {
            "documents": db.documents, "indicators": db.indicators, "values": db.values,
            "projects": db.projects, "policies": db.policies, "answers": db.answers,
            "admin_units": db.admin_units, "search_entries": db.search_docs,
        }
        with self._connect() as conn:
            return {
                name: int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())
                for name, table in tables.items()
            }

    def normalize_question(self, text: str) -> str:
        """The question folded, teencode expanded and typos corrected against every name
        this database answers to ("tăng trưởg" → "tang truong", "ns" → "ngan sach");
        see `knowledge.spelling`. The speller is built on first use, then cached."""
        return str(self._speller().normalize(text))

    def correct_keeping_marks(self, text: str) -> str:
        """`Speller.correct_keeping_marks`: typos corrected, tone marks of the other words kept."""
        return str(self._speller().correct_keeping_marks(text))

    def _speller(self) -> Speller:
        from ..loader import document_texts

        cache = self._current_cache()
        speller = cache.get("speller")
        if speller is None:
            names = [name for entity in ("indicator", "project", "policy") for _, name in self._names(entity)]
            t = db.admin_units
            with self._connect() as conn:
                rows = conn.execute(sa.select(t.c.old_ward, t.c.old_district, t.c.new_ward).distinct()).all()
            names += sorted({name for row in rows for name in row if name})
            speller = cache["speller"] = Speller(names, document_texts())
        return speller

    def _passage_index(self) -> PassageIndex:
        cache = self._current_cache()
        index: PassageIndex | None = cache.get("passages")
        if index is None:
            files = {doc.id: doc.file for doc in self.documents().values()}
            index = cache["passages"] = PassageIndex.from_files(files)
        return index

    def footnotes_of(self, passage: Passage) -> list[Passage]:
        """The footnotes a quoted sentence cites (see `PassageIndex.footnotes_of`)."""
        return self._passage_index().footnotes_of(passage)

    def with_its_details(self, passage: Passage) -> Passage | None:
        """`PassageIndex.with_its_details`: an opening sentence with no figure, with the sentences after it."""
        return self._passage_index().with_its_details(passage)

    def passage_coverage(self, question: str, text: str) -> float:
        """How much of the question `text` speaks of, on the passages' scale (see `PassageIndex.coverage`)."""
        return self._passage_index().coverage(question, text)

    def passages(self, question: str, limit: int = 3, explanation: bool = False,
                 sources: frozenset[str] | None = None, context: str = "") -> list[Passage]:
        """Up to `limit` sentences of the source documents that answer the question,
        verbatim with their document id, best first; [] when none scores above
        `passages.THRESHOLD` (the documents do not cover it), or `EXPLANATION_THRESHOLD` for a
        question that asks how, why or what is done. See `knowledge.passages`.
        `sources`: only sentences of these documents; `context`: the words of the subject the
        question leans on. The index is built from the listed documents on first use, then cached."""
        threshold = EXPLANATION_THRESHOLD if explanation else THRESHOLD
        return self._passage_index().best(question, limit, threshold, sources, context)

    def asks_problems(self, question: str) -> bool:
        """"… có hạn chế gì?", "đang có vấn đề gì": a question only a sentence naming a problem answers."""
        return asks_problems(question)

    def names_a_problem(self, text: str) -> bool:
        return names_a_problem(text)

    def causes(self, question: str) -> list[Passage]:
        """The sentence of the documents that gives the cause of what the question states, or []
        (see `PassageIndex.causes`)."""
        return self._passage_index().causes(question)

    def speaker_of(self, source: str, quote: str) -> Passage | None:
        """The sentence naming who said a figure quoted from `source` (see `PassageIndex.speaker_of`)."""
        return self._passage_index().speaker_of(source, quote)

    def locate(self, passage: Passage) -> int | None:
        """Where a quoted sentence is among the documents' sentences: a place `speaker_at` takes."""
        index = self._passage_index()
        # a sentence as the index holds it, else the run of sentences it opens (a summing-up with its details)
        at = index.position(passage)
        return at if at is not None else index.locate(passage.source, passage.text)

    def passage_count(self) -> int:
        """How many sentences the passage index holds (the places `passage_at` takes are below it)."""
        return len(self._passage_index().units)

    def passage_at(self, position: int) -> Passage | None:
        """The sentence at `position` (see `locate`); None when there is none."""
        return self._passage_index().sentence_at(position)

    def speaker_at(self, position: int) -> Passage | None:
        """The sentence naming who said the sentence at `position` (see `PassageIndex.speaker_at`)."""
        return self._passage_index().speaker_at(position)

    def posts_of(self, name: str) -> Passage | None:
        """The sentence naming a person with their posts (see `PassageIndex.posts_of`)."""
        return self._passage_index().posts_of(name)

    def documents_citing(self, number: str) -> frozenset[str]:
        """The source documents with a sentence citing this document number ("7/NQ-CP")."""
        return self._passage_index().citing(number)

    def documents_about(self, number: str) -> frozenset[str]:
        """The source documents about this document number (see `PassageIndex.about`)."""
        return self._passage_index().about(number)

    def cites(self, passage: Passage, number: str) -> bool:
        """The passage's sentence cites this document number (see `PassageIndex.cites`)."""
        return self._passage_index().cites(passage, number)
