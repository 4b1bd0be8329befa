"""Errors of the knowledge layer, each naming where the problem is."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a fact file: which file, which entry, what."""

    file: str
    entry: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.entry}: {self.message}"


class FactFileError(Exception):
    """The fact files cannot be used; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class KnowledgeUnavailable(Exception):
    """The knowledge database is missing, corrupt or unreachable."""


class FeedbackUnavailable(Exception):
    """The feedback store could not be written or read. Its message names the underlying
    error's type only: a database error's own text can quote the resident's question."""


class SettingsError(ValueError):
    """A variable of the environment is invalid: the message names it, and its value unless secret."""
