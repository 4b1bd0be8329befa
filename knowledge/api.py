"""The query API the actions use: facts with their sources, never SQL.

Every call opens one short connection; nothing is created at import. Calls are
blocking, so async callers run them in a thread (`asyncio.to_thread`).
"""

from __future__ import annotations

import json
import math
import re
import sqlite3
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import SQLAlchemyError

from . import db
from . import records as r
from .address import WARD_WORDS, DistrictChange, Mention, mentions, same_name, unit_folded
from .errors import KnowledgeUnavailable
from .matching import keys_in_order, name_index, name_spans
from .numbers import format_number, parse_value
from .passages import Passage, PassageIndex
from .search_index import SearchHit, search
from .settings import database_url
from .text import fold

REBUILD_HINT = "run `make knowledge` (or `python -m knowledge build`) to rebuild it"
_KIND_ORDER = {"result": 0, "estimate": 1, "target": 2}


@dataclass(frozen=True)
class Value:
    """One figure as a document gives it, with everything needed to cite it."""

    indicator: r.Indicator
    period: str
    kind: str
    scope: str
    measure: str
    qualifier: str | None
    text: str
    unit: str
    resident_note: str | None  # part of the answer: what the figure is relative to, how it is worded
    document: r.Document
    quotes: tuple[str, ...]
    review_note: str | None = None  # for reviewers only: never rendered to a resident
    written: str | None = None  # the document's wording when `text` differs ("giảm 12" for "-12")

    @property
    def number(self) -> Decimal | None:
        parsed = parse_value(self.text)
        return parsed.low if parsed.is_number and not parsed.is_range else None


@dataclass(frozen=True)
class Comparison:
    """A computed comparison; both inputs travel with it so the reply can show them."""

    kind: str  # percent_of_plan | vs_national | change
    left: Value
    right: Value
    ratio: Decimal | None  # left / right
    difference: Decimal | None  # left - right
    stated: Value | None = None  # the figure a document states for the same thing, if any

    def ratio_text(self, decimals: int = 2) -> str | None:
        return None if self.ratio is None else format_number(self.ratio, decimals)

    def percent_text(self, decimals: int = 1) -> str | None:
        return None if self.ratio is None else format_number(self.ratio * 100, decimals)

    def difference_text(self, decimals: int = 2) -> str | None:
        return None if self.difference is None else format_number(self.difference, decimals)


@dataclass(frozen=True)
class ProjectInfo:
    project: r.Project
    document: r.Document
    value_million_vnd: Decimal | None


@dataclass(frozen=True)
class PolicyInfo:
    policy: r.Policy
    document: r.Document


@dataclass(frozen=True)
class AnswerInfo:
    answer: r.Answer
    document: r.Document
    score: float = 1.0


@dataclass(frozen=True)
class NewUnit:
    name: str
    is_default: bool | None
    repair_note: str | None


@dataclass(frozen=True)
class AddressMatch:
    """Where one old ward/commune went. Several new units: it was split."""

    old_ward: str
    old_district: str
    old_province: str
    mapping_type: str
    new_units: tuple[NewUnit, ...]
    unusable: bool = False  # the source row had no new unit and no reviewed repair

    @property
    def is_split(self) -> bool:
        return len(self.new_units) > 1


@dataclass(frozen=True)
class AddressResult:
    query: str
    matches: tuple[AddressMatch, ...] = field(default_factory=tuple)
    dataset: str = ""
    districts: tuple[str, ...] = ()  # old districts the question names (as the mapping writes them)
    district_mismatch: tuple[str, ...] = ()  # named districts that do not hold the named commune
    changed: DistrictChange | None = None  # a district written by its name before 1/1/2025
    renamed_before: DistrictChange | None = None  # the commune is not in that district's successor
    tone_variants: bool = False  # names differing only by tone marks matched accent-free text


@dataclass(frozen=True)
class DistrictAnswer:
    district: str  # as the mapping writes it ("Quận An Dương")
    units: tuple[str, ...]  # every new unit its wards went to
    changed: DistrictChange | None = None  # written by its name before 1/1/2025 ("huyện An Dương")


@dataclass(frozen=True)
class NamedDistrict:
    district: str
    mention: Mention
    change: DistrictChange | None


class KnowledgeBase:
    """Read-only access to the built knowledge database."""

    def __init__(self, url: str | None = None):
        self.url = url or database_url()
        self._engine: Engine | None = None
        self._cache: dict[str, Any] = {}

    # -- plumbing -------------------------------------------------------------
    def _get_engine(self) -> Engine:
        if self._engine is None:
            parsed = make_url(self.url)
            if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
                path = Path(parsed.database)
                if not path.is_file():
                    raise KnowledgeUnavailable(f"knowledge database {path} does not exist; {REBUILD_HINT}")
            self._engine = db.make_engine(self.url, read_only=True)
        return self._engine

    @contextmanager
    def _connect(self) -> Iterator[Connection]:
        try:
            with self._get_engine().connect() as conn:
                yield conn
        except (SQLAlchemyError, sqlite3.Error) as exc:
            raise KnowledgeUnavailable(
                f"knowledge database at {make_url(self.url).render_as_string()} is unusable "
                f"({type(exc).__name__}: {str(exc).splitlines()[0]}); {REBUILD_HINT}"
            ) from exc

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
        self._cache.clear()

    def check(self) -> dict[str, str]:
        """Fail loudly at start-up if the database is missing, corrupt or stale in schema."""
        with self._connect() as conn:
            rows = dict(conn.execute(sa.select(db.meta.c.key, db.meta.c.value)).all())
        if "facts_checksum" not in rows:
            raise KnowledgeUnavailable(f"knowledge database has no build record; {REBUILD_HINT}")
        return rows

    def _cached(self, name: str, loader: Any) -> Any:
        # The database is a read-only build output: small reference tables are
        # read once per KnowledgeBase so lookups cost no round trip.
        if name not in self._cache:
            with self._connect() as conn:
                self._cache[name] = loader(conn)
        return self._cache[name]

    def documents(self) -> dict[str, r.Document]:
        return self._cached("documents", lambda conn: {
            row.id: r.Document(**row._asdict()) for row in conn.execute(sa.select(db.documents))
        })

    def document(self, doc_id: str) -> r.Document:
        return self.documents()[doc_id]

    def indicators(self) -> dict[str, r.Indicator]:
        return self._cached("indicators", lambda conn: {
            row.code: r.Indicator(row.code, row.name, row.unit, row.grp, row.parent, tuple(row.aliases), core=row.core)
            for row in conn.execute(sa.select(db.indicators).order_by(db.indicators.c.position))
        })

    def _names(self, entity: str) -> list[tuple[str, str]]:
        return self._cached(f"names:{entity}", lambda conn: [
            (row.key, row.folded)
            for row in conn.execute(sa.select(db.names.c.key, db.names.c.folded).where(db.names.c.entity == entity))
        ])

    # -- indicators -----------------------------------------------------------
    def find_indicators(self, text: str) -> list[r.Indicator]:
        """Indicators named in `text` (code, name or alias; diacritics optional).

        Longest names win: "tăng trưởng dịch vụ" means the services sector, not
        overall growth. Returned best first.
        """
        folded = f" {fold(text)} "
        best: dict[str, int] = {}
        for code, name in self._names("indicator"):
            if f" {name} " in folded:
                best[code] = max(best.get(code, 0), len(name))
        if not best:
            return []
        indicators = self.indicators()
        ranked = sorted(best.items(), key=lambda item: -item[1])
        return most_specific([indicators[code] for code, _ in ranked if code in indicators])

    def indicator_codes_named(self, text: str) -> list[str]:
        """Indicators whose name or alias occurs in `text`, in the order named; of
        overlapping names the longest wins ("kinh tế số trong GRDP" is not GRDP)."""
        index = self._cached("indicator_name_index", lambda _conn: name_index(self._names("indicator")))
        spans = [s for s in name_spans(fold(text), index) if s.key in self.indicators()]
        parents = {self.indicators()[s.key].parent for s in spans}
        # "tăng trưởng dịch vụ" is the services sector, not overall growth too; but a parent
        # named at length ("tổng chi ngân sách, chi thường xuyên …") is asked for itself.
        return [code for code in keys_in_order(spans)
                if code not in parents or any(s.key == code and s.length >= 3 for s in spans)]

    def indicator(self, code: str) -> r.Indicator | None:
        return self.indicators().get(code)

    def core_indicators(self, group: str | None = None) -> list[r.Indicator]:
        """The rows of the main indicator table, in table order, optionally one group."""
        return [i for i in self.indicators().values() if i.core and (group is None or i.group == group)]

    def children(self, code: str) -> list[r.Indicator]:
        return [i for i in self.indicators().values() if i.parent == code]

    def values(
        self,
        code: str,
        period: str | None = None,
        kind: str | None = None,
        scope: str | None = None,
        measure: str | None = None,
    ) -> list[Value]:
        """Every stored figure of an indicator that fits the filters.

        Several figures for the same key are all returned: documents may disagree.
        """
        covering = set(periods_covering(period)) if period is not None else None
        rows = [row for row in self._value_rows().get(code, ())
                if (covering is None or row.period in covering) and (kind is None or row.kind == kind)
                and (scope is None or row.scope == scope) and (measure is None or row.measure == measure)]
        indicator = self.indicators()[code] if rows else None
        docs = self.documents()
        # The same figure quoted twice by one document (narrative and table) is one fact.
        merged: dict[tuple[Any, ...], Value] = {}
        for row in rows:
            figure = (
                (Decimal(row.low).normalize(), Decimal(row.high).normalize(), row.comparator)
                if row.low is not None else row.value_text
            )
            key = (row.period, row.kind, row.scope, row.measure, figure, row.source)
            earlier = merged.get(key)
            quotes = tuple(row.quotes) if earlier is None else earlier.quotes + tuple(row.quotes)
            resident = [n for n in ((earlier.resident_note if earlier else None), row.resident_note) if n]
            review = [n for n in ((earlier.review_note if earlier else None), row.review_note) if n]
            merged[key] = Value(
                indicator, row.period, row.kind, row.scope, row.measure,  # type: ignore[arg-type]
                (earlier.qualifier if earlier else None) or row.qualifier,
                earlier.text if earlier else row.value_text, row.unit,
                " ".join(dict.fromkeys(resident)) or None, docs[row.source], quotes,
                " ".join(dict.fromkeys(review)) or None,
                earlier.written if earlier else row.written,
            )
        return sorted(merged.values(), key=lambda v: (v.scope != "city", v.measure != "level", _KIND_ORDER[v.kind]))

    def _value_rows(self) -> dict[str, list[Any]]:
        """Every stored figure by indicator, in file order: 502 rows read once (the database is a
        read-only build output), so an answer's many lookups cost no round trip."""
        def load(conn: Connection) -> dict[str, list[Any]]:
            by_code: dict[str, list[Any]] = {}
            for row in conn.execute(sa.select(db.values).order_by(db.values.c.id)):
                by_code.setdefault(row.indicator, []).append(row)
            return by_code
        return self._cached("value_rows", load)

    def periods(self, code: str) -> list[str]:
        return sorted({row.period for row in self._value_rows().get(code, ())})

    def latest(self, code: str, kinds: Sequence[str] = ("result", "estimate")) -> list[Value]:
        """City-level figures of the latest period that has any of `kinds`."""
        found = [v for v in self.values(code, scope="city", measure="level") if v.kind in kinds]
        if not found:
            return []
        last = max(found, key=lambda v: period_sort_key(v.period)).period
        return [v for v in found if v.period == last]

    # -- comparisons ----------------------------------------------------------
    def compare_to_plan(self, code: str, period: str) -> list[Comparison]:
        """Result or estimate against the target of the same period (city, level)."""
        actuals = [v for v in self.values(code, period, scope="city", measure="level") if v.kind != "target"]
        targets = self.values(code, period, kind="target", scope="city", measure="level")
        stated = self.values(code, period, scope="city", measure="percent_of_plan")
        return [
            _compare("percent_of_plan", a, t, stated[0] if stated else None)
            for a in actuals for t in targets if same_territory(a, t)
        ]

    def compare_to_national(self, code: str, period: str) -> list[Comparison]:
        city = [v for v in self.values(code, period, scope="city", measure="level")]
        national = self.values(code, period, scope="national", measure="level")
        pairs = [(c, n) for c in city for n in national if c.kind == n.kind and same_territory(c, n)]
        # A document that gives both figures compares them on the same basis: prefer its pairs.
        pairs = [(c, n) for c, n in pairs if c.document.id == n.document.id] or pairs
        stated = self.values(code, period, scope="city", measure="times")
        return [_compare("vs_national", c, n, stated[0] if stated else None) for c, n in pairs]

    def compare_periods(self, code: str, period: str, earlier: str) -> list[Comparison]:
        """A period against an earlier one: results where there are any, else targets."""
        def best(values: list[Value]) -> list[Value]:
            return [v for v in values if v.kind != "target"] or values

        now = best(self.values(code, period, scope="city", measure="level"))
        then = best(self.values(code, earlier, scope="city", measure="level"))
        return [_compare("change", a, b) for a in now for b in then if same_territory(a, b)]

    # -- projects -------------------------------------------------------------
    def _project(self, row: Any) -> ProjectInfo:
        project = r.Project(
            id=row.id, name=row.name, aliases=tuple(row.aliases), kind=row.kind, list_no=row.list_no,
            group=row.grp, funding=row.funding, approvals=tuple(row.approvals), value_text=row.value_text,
            value_unclear=row.value_unclear, usd_text=row.usd_text,
            components=tuple(r.Component(c["name"], c.get("value_text")) for c in row.components),
            area_text=row.area_text, status=row.status,
            resident_note=row.resident_note, review_note=row.review_note,
            provenance=r.Provenance(row.source, tuple(row.quotes)),
        )
        number = Decimal(row.value_million_vnd) if row.value_million_vnd else None
        return ProjectInfo(project, self.document(row.source), number)

    def project(self, project_id: str) -> ProjectInfo | None:
        with self._connect() as conn:
            row = conn.execute(sa.select(db.projects).where(db.projects.c.id == project_id)).first()
        return self._project(row) if row else None

    def projects(self, group: str | None = None, funding: str | None = None, kind: str | None = None) -> list[ProjectInfo]:
        t = db.projects
        statement = sa.select(t)
        for column, wanted in ((t.c.grp, group), (t.c.funding, funding), (t.c.kind, kind)):
            if wanted is not None:
                statement = statement.where(column == wanted)
        with self._connect() as conn:
            rows = conn.execute(statement).all()
        return sorted((self._project(row) for row in rows), key=_project_sort_key)

    def project_named_in_full(self, project_id: str, text: str) -> bool:
        """The question holds the project's whole name or one whole alias."""
        folded = f" {fold(text)} "
        return any(f" {name} " in folded for key, name in self._names("project") if key == project_id)

    def find_projects(self, text: str, limit: int = 5) -> list[ProjectInfo]:
        """Projects by name, alias or part of a name; best first.

        A project scores by the share of its best name's words found in the
        question, so "cầu Nguyễn Trãi" finds "Dự án đầu tư xây dựng cầu Nguyễn
        Trãi và chỉnh trang đô thị vùng phụ cận".
        """
        found = [self.project(key) for key, _ in self.project_scores(text, limit)]
        return [p for p in found if p is not None]

    def project_scores(self, text: str, limit: int = 5) -> list[tuple[str, float]]:
        """(project id, score) best first. A project one of whose names is wholly in the
        question scores 2 plus the share of the question's words its names account for
        ("tòa nhà 75 tầng ở Bắc sông Cấm" is the tower, though "Bắc sông Cấm" names several);
        otherwise the share of its best name's words found (at least 0.5). Words count by
        how rare they are among project names."""
        words = set(fold(text).split()) - _PROJECT_NOISE
        if not words:
            return []
        weight = self._project_word_weights()
        question_weight = sum(weight.get(w, 1.0) for w in words) or 1.0
        partial: dict[str, float] = {}
        covered: dict[str, set[str]] = {}
        whole: set[str] = set()
        folded_text = f" {fold(text)} "
        names = self._project_names_by_word()
        candidates = sorted({i for w in words for i in names.get(w, ())})  # only names sharing a word
        for key, name, name_words in (self._project_name_words()[i] for i in candidates):
            hits = [w for w in name_words if w in words]
            covered.setdefault(key, set()).update(hits)
            if f" {name} " in folded_text or (len(name_words) >= 3 and len(hits) == len(name_words)):
                whole.add(key)  # the name, or every word of a long one ("quảng trường [phía trước] trung tâm …")
            elif len(hits) >= 2:  # one shared word ("cảng") names nothing
                share = sum(weight.get(w, 1.0) for w in hits) / sum(weight.get(w, 1.0) for w in name_words)
                partial[key] = max(partial.get(key, 0.0), share + len(hits) / 100)
        scores = {key: 2.0 + sum(weight.get(w, 1.0) for w in covered[key]) / question_weight for key in whole}
        scores.update({key: score for key, score in partial.items() if key not in whole})
        return [(k, s) for k, s in sorted(scores.items(), key=lambda kv: -kv[1]) if s >= 0.5][:limit]

    def _project_name_words(self) -> list[tuple[str, str, list[str]]]:
        """(project id, folded name, its words that are not noise) for every project name."""
        return self._cached("project_name_words", lambda _conn: [
            (key, name, words) for key, name in self._names("project")
            if (words := [w for w in name.split() if w not in _PROJECT_NOISE])
        ])

    def _project_names_by_word(self) -> dict[str, list[int]]:
        def build(_conn: Connection) -> dict[str, list[int]]:
            index: dict[str, list[int]] = {}
            for i, (_, _, words) in enumerate(self._project_name_words()):
                for w in set(words):
                    index.setdefault(w, []).append(i)
            return index
        return self._cached("project_names_by_word", build)

    def _project_word_weights(self) -> dict[str, float]:
        """log(projects / projects whose names use the word) + 1, over project names and aliases."""
        def build(_conn: Connection) -> dict[str, float]:
            by_word: dict[str, set[str]] = {}
            for key, name in self._names("project"):
                for w in set(name.split()) - _PROJECT_NOISE:
                    by_word.setdefault(w, set()).add(key)
            total = len({key for key, _ in self._names("project")}) or 1
            return {w: math.log(total / len(keys)) + 1 for w, keys in by_word.items()}
        return self._cached("project_word_weights", build)

    # -- policies -------------------------------------------------------------
    def policies(self) -> list[PolicyInfo]:
        with self._connect() as conn:
            rows = conn.execute(sa.select(db.policies)).all()
        return [self._policy(row) for row in rows]

    def _policy(self, row: Any) -> PolicyInfo:
        policy = r.Policy(
            number=row.number, doc_type=row.doc_type, issuer=row.issuer, date=row.date, title=row.title,
            aliases=tuple(row.aliases), items=tuple(row.items),
            resident_note=row.resident_note, review_note=row.review_note,
            provenance=r.Provenance(row.source, tuple(row.quotes)),
        )
        return PolicyInfo(policy, self.document(row.source))

    def find_policy(self, text: str) -> list[PolicyInfo]:
        """Policies by number ("45-NQ/TW", "nghị quyết 45", "nq 7/nq-cp") or alias."""
        folded = f" {fold(text)} "
        numbers = set(re.findall(r"\d+", folded))
        keys: dict[str, int] = {}
        for key, name in self._names("policy"):
            if f" {name} " in folded:
                keys[key] = max(keys.get(key, 0), 100 + len(name))
            else:
                leading = re.match(r"\d+", fold(key))
                if leading and leading.group() in numbers:
                    keys[key] = max(keys.get(key, 0), _number_score(key, folded))
        ranked = sorted(keys.items(), key=lambda kv: -kv[1])
        if not ranked:
            return []
        top = ranked[0][1]
        wanted = [k for k, s in ranked if s == top]
        with self._connect() as conn:
            rows = conn.execute(sa.select(db.policies).where(db.policies.c.number.in_(wanted))).all()
        return [self._policy(row) for row in rows]

    # -- curated answers --------------------------------------------------------
    def answers(self, topic: str | None = None) -> list[AnswerInfo]:
        statement = sa.select(db.answers)
        if topic:
            statement = statement.where(db.answers.c.topic == topic)
        with self._connect() as conn:
            rows = conn.execute(statement).all()
        return [self._answer(row) for row in rows]

    def _answer(self, row: Any, score: float = 1.0) -> AnswerInfo:
        answer = r.Answer(row.id, row.topic, tuple(row.questions), row.answer, row.resident_note,
                          row.review_note, r.Provenance(row.source, tuple(row.quotes)),
                          tuple(r.Provenance(extra["source"], tuple(extra["quotes"])) for extra in row.also))
        return AnswerInfo(answer, self.document(row.source), score)

    def answer(self, answer_id: str) -> AnswerInfo | None:
        with self._connect() as conn:
            row = conn.execute(sa.select(db.answers).where(db.answers.c.id == answer_id)).first()
        return self._answer(row) if row else None

    def find_answers(self, text: str, topic: str | None = None, limit: int = 3) -> list[AnswerInfo]:
        """Curated answers whose question variants best overlap the question."""
        words = set(_same_question_words(fold(text)).split()) - _ANSWER_NOISE
        if not words:
            return []
        # A number in the question ("nghị quyết 45", "năm 2025") must be one the answer is about.
        numbers = {w for w in words if w.isdigit()}
        scored = []
        for info in self.answers(topic):
            covered = set(fold(" ".join((*info.answer.questions, info.answer.answer))).split())
            if not numbers <= covered:
                continue
            best = 0.0
            for question in info.answer.questions:
                q_words = set(_same_question_words(fold(question)).split()) - _ANSWER_NOISE
                if q_words:
                    overlap = len(words & q_words)
                    best = max(best, overlap / len(q_words | words) + overlap / 100)
            if best > 0.25:
                scored.append(AnswerInfo(info.answer, info.document, best))
        return sorted(scored, key=lambda a: -a.score)[:limit]

    # -- two-tier government: old → new units -----------------------------------
    # Names are matched tone-exactly where the resident typed the marks ("Cẩm Giang" is
    # not "Cẩm Giàng"); every choice is made on sorted data, never on set order.
    def _admin_rows(self) -> list[Any]:
        def load(conn: Connection) -> list[Any]:
            t = db.admin_units
            return list(conn.execute(sa.select(t).order_by(t.c.old_district, t.c.old_ward, t.c.new_ward)).all())

        return self._cached("admin_rows", load)

    def _address_meta(self) -> tuple[str, list[DistrictChange]]:
        def load(conn: Connection) -> tuple[str, list[DistrictChange]]:
            rows = dict(conn.execute(sa.select(db.meta.c.key, db.meta.c.value)
                                     .where(db.meta.c.key.in_(["address_dataset", "address_history"]))).all())
            history = [DistrictChange(**item) for item in json.loads(rows.get("address_history") or "[]")]
            return rows.get("address_dataset") or "", history

        return self._cached("address_meta", load)

    def _named_districts(self, text: str) -> list[NamedDistrict]:
        """Districts named in `text`: of the mapping, or a former name of one (changes of 1/1/2025)."""
        _, history = self._address_meta()
        names = sorted({(row.old_district, row.old_district_folded) for row in self._admin_rows()})
        found: list[NamedDistrict] = []
        for district, folded in names:
            for mention in mentions(text, folded):
                if mention.type_word in ("tinh", *WARD_WORDS) or not same_name(mention.written, unit_name(district)):
                    continue
                typed = mention.type_word
                change = next((c for c in history if c.after == district and typed
                               and fold(c.before).startswith(typed + " ") and not fold(district).startswith(typed + " ")),
                              None)
                found.append(NamedDistrict(district, mention, change))
        # the longest name wins where names overlap ("Thành phố Hải Dương" in "Hải Dương" questions)
        found.sort(key=lambda d: (d.mention.start, -(d.mention.end - d.mention.start), d.district))
        kept: list[NamedDistrict] = []
        for item in found:
            if not any(k.mention.start <= item.mention.start < k.mention.end for k in kept):
                kept.append(item)
        return kept

    def convert_address(self, text: str) -> AddressResult:
        """Old ward/commune (optionally with its district) → the new unit(s).

        Every new unit of a split old unit is returned, the default one first. A district
        named with the commune narrows the search; a commune not in the named district is
        said so (`district_mismatch`); a district written by its name before 1/1/2025
        ("huyện Thủy Nguyên") is followed to its successor (`changed`), and a commune not
        found there is reported as renamed then (`renamed_before`), never as unknown.
        """
        text = unicodedata.normalize("NFC", text)
        dataset, _ = self._address_meta()
        rows = self._admin_rows()
        districts = self._named_districts(text)
        district_spans = [(d.mention.start, d.mention.end) for d in districts]
        hits: dict[str, list[Mention]] = {}
        for ward, folded in sorted({(row.old_ward, row.old_ward_folded) for row in rows}):
            for mention in mentions(text, folded):
                if mention.as_district or mention.type_word == "tinh":
                    continue  # "huyện An Dương" names the district, not the ward of that name
                if not mention.as_ward and any(s <= mention.start < e for s, e in district_spans):
                    continue
                if same_name(mention.written, unit_name(ward)):
                    hits.setdefault(ward, []).append(mention)
        if not hits:
            changed = _first_change(districts)
            # "xã Tân Dương, huyện Thủy Nguyên": a commune of a district written by its former
            # name that the mapping does not know was renamed or merged then.
            names_a_commune = _COMMUNE_NAMED.search(fold(text)) is not None
            return AddressResult(text, (), dataset, districts=tuple(d.district for d in districts),
                                 changed=changed, renamed_before=changed if names_a_commune else None)

        def strength(ward: str) -> tuple[int, int]:
            best = hits[ward]
            return (int(any(m.as_ward for m in best)), max(m.end - m.start for m in best))

        top = max(strength(w) for w in hits)
        wanted = sorted(w for w in hits if strength(w) == top)
        candidates = [row for row in rows if row.old_ward in wanted]
        ward_spans = [(m.start, m.end) for w in wanted for m in hits[w]]
        named = [d for d in districts if not any(s <= d.mention.start < e for s, e in ward_spans)]
        changed = _first_change(named)
        mismatch: tuple[str, ...] = ()
        renamed_before = None
        if named:
            allowed = {d.district for d in named}
            in_named = [row for row in candidates if row.old_district in allowed]
            if in_named:
                candidates = in_named
            elif changed is not None:
                # a commune of a district as written before 1/1/2025 that its successor no longer has
                renamed_before = changed
                candidates = []
            else:
                mismatch = tuple(sorted(allowed))
        matches = _group_matches(candidates)
        return AddressResult(
            text, matches, dataset, districts=tuple(d.district for d in named), district_mismatch=mismatch,
            changed=changed if matches else None, renamed_before=renamed_before,
            tone_variants=len({fold(w) for w in wanted}) < len(wanted),
        )

    def new_unit_names(self) -> list[str]:
        """Every new commune-level unit of the city, by its full name ("Đặc khu Cát Hải")."""
        return sorted({row.new_ward for row in self._admin_rows() if row.new_ward})

    def new_unit_counts(self) -> tuple[dict[str, int], str]:
        """How many new commune-level units there are, by type ("Phường", "Xã", "Đặc khu")."""
        names = sorted({row.new_ward for row in self._admin_rows() if row.new_ward})
        counts: dict[str, int] = {}
        for name in names:
            kind = "Đặc khu" if name.startswith("Đặc khu") else name.split()[0]
            counts[kind] = counts.get(kind, 0) + 1
        return counts, self._address_meta()[0]

    def district_units(self, text: str) -> tuple[str, list[str]] | None:
        """An old district named in `text` and the new units its wards went to."""
        found = self.district_answer(text)
        return (found.district, list(found.units)) if found else None

    def district_answer(self, text: str) -> DistrictAnswer | None:
        """The old district a question names (as a district), every new unit its wards went
        to, and the change of 1/1/2025 when it was written by its former name."""
        districts = self._named_districts(unicodedata.normalize("NFC", text))
        if not districts:
            return None
        # a district named with its type word beats a bare name; then the first named
        best = sorted(districts, key=lambda d: (not d.mention.as_district, d.mention.start))[0]
        units = sorted({row.new_ward for row in self._admin_rows() if row.old_district == best.district and row.new_ward})
        return DistrictAnswer(best.district, tuple(units), best.change)

    def new_units_in(self, text: str) -> list[str]:
        """New units named with their type word ("đặc khu Cát Hải", "xã Cẩm Giàng"), tone-exact
        where typed with marks; several only when names differ by their marks alone."""
        text = unicodedata.normalize("NFC", text)
        names = sorted({row.new_ward for row in self._admin_rows() if row.new_ward})
        found = []
        for name in names:
            for mention in mentions(text, fold(name)):
                if same_name(mention.written, name):
                    found.append((mention.end - mention.start, name))
        if not found:
            return []
        longest = max(size for size, _ in found)
        return sorted({name for size, name in found if size == longest})

    def new_unit_in(self, text: str) -> str | None:
        """A new unit named with its type word; None when the name fits two units that differ
        only by tone marks (ask which: `new_units_in`)."""
        found = self.new_units_in(text)
        return found[0] if len(found) == 1 else None

    def new_unit_members(self, new_unit: str) -> list[tuple[str, str]]:
        """The old (ward, district) pairs that now form a new unit (wholly or in part)."""
        return sorted({(row.old_ward, row.old_district) for row in self._admin_rows() if row.new_ward == new_unit})

    # -- search and stats -------------------------------------------------------
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

    # -- question normalization -------------------------------------------------
    def normalize_question(self, text: str) -> str:
        """The question folded, teencode expanded and typos corrected against every name
        this database answers to ("tăng trưởg" → "tang truong", "ns" → "ngan sach");
        see `knowledge.spelling`. The speller is built on first use, then cached."""
        from .spelling import Speller, sources_texts

        speller = self._cache.get("speller")
        if speller is None:
            names = [name for entity in ("indicator", "project", "policy") for _, name in self._names(entity)]
            t = db.admin_units
            with self._connect() as conn:
                rows = conn.execute(sa.select(t.c.old_ward, t.c.old_district, t.c.new_ward).distinct()).all()
            names += sorted({name for row in rows for name in row if name})
            speller = self._cache["speller"] = Speller(names, sources_texts())
        return str(speller.normalize(text))

    # -- quotable sentences -----------------------------------------------------
    def passages(self, question: str, limit: int = 3) -> list[Passage]:
        """Up to `limit` sentences of the source documents that answer the question,
        verbatim with their document id, best first; [] when none scores above
        `passages.THRESHOLD` (the documents do not cover it). See `knowledge.passages`.
        The index is built from the listed documents on first use, then cached."""
        index: PassageIndex | None = self._cache.get("passages")
        if index is None:
            files = {doc.id: doc.file for doc in self.documents().values()}
            index = self._cache["passages"] = PassageIndex.from_files(files)
        return index.best(question, limit)


_PROJECT_NOISE = frozenset(
    ["du", "an", "dau", "tu", "xay", "dung", "cong", "trinh", "thanh", "pho", "hai", "phong", "tai", "cua", "va", "cac", "so", "thuoc", "khu", "bao", "nhieu", "tien", "gi", "la", "nao", "the", "co", "khong", "ko", "k", "von", "gia", "tri", "trong", "diem", "danh", "muc", "nam", "nao", "nhung", "o"]
)
_ANSWER_NOISE = frozenset(["la", "gi", "cua", "co", "khong", "ko", "k", "the", "nao", "nhu", "ra", "sao", "a", "oi", "nhe", "vay", "hai", "phong", "hp", "tp", "thanh", "pho"])

# Ways of asking the same thing, read as one: "ngày nào" is "khi nào".
_SAME_QUESTION = ((re.compile(r"\b(?:ngay nao|bao gio|luc nao|thoi diem nao|thoi gian nao|hoi nao|ngay may)\b"), "khi nao"),
                  (re.compile(r"\b(?:nhu the nao|ra sao|the nao)\b"), "the nao"),
                  (re.compile(r"\b(?:nhung gi|nhung viec gi|cai gi)\b"), "gi"))


def _same_question_words(folded: str) -> str:
    for pattern, canonical in _SAME_QUESTION:
        folded = pattern.sub(canonical, folded)
    return folded



_MERGED = "sau hop nhat"


def same_territory(a: Value, b: Value) -> bool:
    """Both figures are of the city after the merger of 1/7/2025 ("thành phố sau hợp nhất"
    in their qualifier), or neither is: a merged-city figure is never compared with a
    figure or plan of the city before the merger."""
    return (_MERGED in fold(a.qualifier or "")) == (_MERGED in fold(b.qualifier or ""))


def periods_covering(period: str) -> list[str]:
    """The period codes a question about `period` finds: a year also finds the school
    years that include it ("2024" → "2023-2024", "2024-2025")."""
    if re.fullmatch(r"\d{4}", period):
        year = int(period)
        return [period, f"{year - 1}-{year}", f"{year}-{year + 1}"]
    return [period]


_COMMUNE_NAMED = re.compile(r"\b(?:xa|phuong|thi tran)\s+(?!(?:nao|gi|moi|cu|nay|nhe|a|vay)\b)\w+")


def unit_name(full: str) -> str:
    """"Phường Lạch Tray" → "Lạch Tray" (the name without its type word)."""
    folded = unit_folded(full)
    words = len(folded.split())
    return " ".join(full.split()[-words:]) if words else full


def _first_change(districts: list[NamedDistrict]) -> DistrictChange | None:
    return next((d.change for d in districts if d.change is not None), None)


def _group_matches(rows: list[Any]) -> tuple[AddressMatch, ...]:
    groups: dict[tuple[str, str, str], list[Any]] = {}
    for row in rows:
        groups.setdefault((row.old_province, row.old_district, row.old_ward), []).append(row)
    matches = []
    for (province, district, ward), members in sorted(groups.items()):
        members.sort(key=lambda m: (not m.is_default, m.new_ward or ""))
        units = tuple(NewUnit(m.new_ward, m.is_default, m.repair_note) for m in members if m.new_ward)
        matches.append(AddressMatch(
            old_ward=ward, old_district=district, old_province=province,
            mapping_type=members[0].mapping_type, new_units=units,
            unusable=any(m.new_ward is None for m in members),
        ))
    return tuple(matches)


def most_specific(indicators: list[r.Indicator]) -> list[r.Indicator]:
    """Drop an indicator when one of its sub-rows is also named: "tăng trưởng dịch vụ"
    is the services sector, not overall growth."""
    named_parents = {i.parent for i in indicators if i.parent}
    return [i for i in indicators if i.code not in named_parents]


def _number_score(key: str, folded_text: str) -> int:
    """How much of a policy number's parts ("45", "nq", "tw") the question gives."""
    parts = fold(key).split()
    return sum(1 for part in parts if f" {part} " in folded_text) * 10 + 1


def _compare(kind: str, left: Value, right: Value, stated: Value | None = None) -> Comparison:
    a, b = left.number, right.number
    if fold(left.unit) != fold(right.unit):
        a = b = None  # "372 triệu USD" against "4,5 tỷ USD": not computed, never subtracted
    ratio = a / b if a is not None and b not in (None, 0) else None
    difference = a - b if a is not None and b is not None else None
    return Comparison(kind, left, right, ratio, difference, stated)


def period_sort_key(period: str) -> tuple[int, int]:
    """Order periods by their end: 2024-9M < 2024 < 2025-Q1 < 2025-H1 < 2025."""
    match = re.match(r"(\d{4})(?:-(\d{4}))?(?:-(Q\d|H\d|\d+M))?$", period)
    if not match:
        return (0, 0)
    year = int(match.group(2) or match.group(1))
    part = match.group(3)
    months = 12
    if part:
        if part.startswith("Q"):
            months = int(part[1]) * 3
        elif part.startswith("H"):
            months = int(part[1]) * 6
        else:
            months = int(part[:-1])
    return (year, months)


def _project_sort_key(info: ProjectInfo) -> tuple[int, str, str]:
    number = info.project.list_no
    return (int(number) if number and number.isdigit() else 999, info.project.kind, info.project.id)
