"""Key investment projects: by id, by list, by name or a part of one."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import sqlalchemy as sa

from .. import db
from .. import records as r
from ..matching import ProjectNames
from ..text import fold
from .store import Store

# a town or district a project's name or state speaks of: "thị xã Đông Triều", "huyện Thủy Nguyên"
_PLACE_NAMED = re.compile(r"\b(?:thị xã|huyện|quận|tỉnh|thành phố)\s+([A-ZĐ]\w*\s[A-ZĐ]\w*)")


@dataclass(frozen=True)
class ProjectInfo:
    project: r.Project
    document: r.Document
    value_million_vnd: Decimal | None


class ProjectQueries(Store):
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

    def project_places(self) -> Mapping[str, str]:
        """Folded → as written: every town or district (two syllables after "thị xã", "huyện", "quận",
        "tỉnh", "thành phố") a project's name or state names, Hải Phòng aside; built once."""
        def build(_conn: object) -> dict[str, str]:
            found: dict[str, str] = {}
            for info in self.projects():
                for place in _PLACE_NAMED.findall(f"{info.project.name} {info.project.status or ''}"):
                    if not fold(place).startswith("hai phong"):
                        found[fold(place)] = place
            return found
        places: Mapping[str, str] = self._cached("project_places", build)
        return places

    def project_scores(self, text: str, limit: int = 5) -> list[tuple[str, float]]:
        """(project id, score) best first: see `matching.ProjectNames.scores`."""
        names: ProjectNames = self._cached("project_names", lambda _conn: ProjectNames.build(self._names("project")))
        return names.scores(text, limit)


def _project_sort_key(info: ProjectInfo) -> tuple[int, str, str]:
    number = info.project.list_no
    return (int(number) if number and number.isdigit() else 999, info.project.kind, info.project.id)
