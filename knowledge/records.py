"""The typed records of the knowledge base, as read from the fact files.

They are plain frozen dataclasses so the API can hand them to callers that know
nothing of YAML or SQL.
"""

from __future__ import annotations

from dataclasses import dataclass, field

INDICATOR_GROUPS = ("kinh_te", "xa_hoi", "moi_truong", "ngan_sach", "dau_tu", "khac")
VALUE_KINDS = ("target", "estimate", "result")
SCOPES = ("city", "national")
MEASURES = ("level", "percent_of_plan", "change", "share", "rank", "times")
PROJECT_KINDS = (
    "key_project", "industrial_park", "economic_zone", "port", "transport", "urban", "other",
)
PROJECT_GROUPS = ("completion_2025", "groundbreaking_2025", "ongoing_2024_2025")
FUNDINGS = ("city_budget", "non_budget")
ANSWER_TOPICS = (
    "theme", "vision", "government", "economy", "projects", "policy", "society", "other",
)
DOCUMENT_KINDS = ("report", "news", "briefing")


@dataclass(frozen=True)
class Document:
    id: str
    file: str
    title: str
    issuer: str
    number: str | None
    date: str | None
    date_note: str | None
    kind: str
    citation: str
    signed: str | None = None  # who signed it, as the reply says it; every word of it in `signed_quote`
    signed_quote: str | None = None  # the signature block, verbatim


@dataclass(frozen=True)
class Provenance:
    """Where a fact comes from: the document and the verbatim passages."""

    source: str
    quotes: tuple[str, ...]
    file: str = ""
    entry: str = ""


@dataclass(frozen=True)
class Indicator:
    code: str
    name: str
    unit: str
    group: str
    parent: str | None
    aliases: tuple[str, ...]
    file: str = ""
    core: bool = False  # a row of the city's main indicator table (catalog.yml)


@dataclass(frozen=True)
class IndicatorValue:
    indicator: str
    period: str
    kind: str
    scope: str
    measure: str
    qualifier: str | None
    value: str
    unit: str | None
    resident_note: str | None  # shown to residents beside the figure
    review_note: str | None  # for reviewers only: never rendered
    provenance: Provenance


@dataclass(frozen=True)
class Component:
    name: str
    value_text: str | None


@dataclass(frozen=True)
class Project:
    id: str
    name: str
    aliases: tuple[str, ...]
    kind: str
    list_no: str | None
    group: str | None
    funding: str | None
    approvals: tuple[str, ...]
    value_text: str | None
    value_unclear: bool  # the written value's unit is doubtful: never turn it into a number
    usd_text: str | None
    components: tuple[Component, ...]
    area_text: str | None
    status: str | None
    resident_note: str | None
    review_note: str | None
    provenance: Provenance


@dataclass(frozen=True)
class Policy:
    number: str
    doc_type: str
    issuer: str | None
    date: str | None
    title: str
    aliases: tuple[str, ...]
    items: tuple[str, ...]
    resident_note: str | None
    review_note: str | None
    provenance: Provenance


@dataclass(frozen=True)
class Answer:
    id: str
    topic: str
    questions: tuple[str, ...]
    answer: str
    resident_note: str | None
    review_note: str | None
    provenance: Provenance
    also: tuple[Provenance, ...] = ()  # further documents the answer cites by name in its text


@dataclass
class FactSet:
    """Everything the fact files say, before it goes into a database."""

    documents: dict[str, Document] = field(default_factory=dict)
    indicators: list[Indicator] = field(default_factory=list)
    values: list[IndicatorValue] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    policies: list[Policy] = field(default_factory=list)
    answers: list[Answer] = field(default_factory=list)
