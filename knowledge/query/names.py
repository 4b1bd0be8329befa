"""The names the NLU finds in a message, read from this database by the rules of `knowledge.lexicon`."""

from __future__ import annotations

from ..lexicon import Entry, indicator_parents, key_project_ids, lexicon
from .government import GovernmentQueries
from .indicators import IndicatorQueries
from .policies import PolicyQueries
from .projects import ProjectQueries


class NameQueries(IndicatorQueries, ProjectQueries, PolicyQueries, GovernmentQueries):
    def lexicon(self) -> list[Entry]:
        """(entity, canonical value, surface form) for every name of an indicator, project, policy or old unit."""
        index = self._address_index()
        units = [(row.old_ward, row.old_district) for rows in index.rows_by_ward.values() for row in rows]
        return lexicon(self.indicators().values(), [info.project for info in self.projects()],
                       [info.policy for info in self.policies()], units, index.history)

    def indicator_parents(self) -> dict[str, str]:
        return indicator_parents(self.indicators().values())

    def key_project_ids(self) -> set[str]:
        """The projects that win over others named in the same message."""
        return key_project_ids(info.project for info in self.projects(kind="key_project"))
