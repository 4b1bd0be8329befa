"""The layers, checked on every import statement of the running code (top level or inside a function).

- Only `knowledge/` (the database) and `deploy/` (tracker stores) import SQLAlchemy; the
  actions and the bot ask the knowledge API. Tests and benchmark scripts may use it to set up
  and inspect databases, so they are not checked.
- `knowledge/` knows nothing of Rasa, nor of the packages built on it.
- `actions/` and `bot/` take from the knowledge package only what its front door
  (`knowledge/__init__.py`) exports: never a submodule.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

import knowledge

ROOT = Path(__file__).resolve().parent.parent
RUNNING_CODE = ("knowledge", "bot", "actions", "deploy")


def imports(package: str) -> Iterator[tuple[str, int, str]]:
    """(file, line, module imported) for every import in a package; relative imports resolved."""
    for path in sorted((ROOT / package).rglob("*.py")):
        relative = path.relative_to(ROOT)
        module_parts = list(relative.with_suffix("").parts)
        if module_parts[-1] == "__init__":
            module_parts.pop()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    yield str(relative), node.lineno, alias.name
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = module_parts[: len(module_parts) - node.level + (relative.name == "__init__.py")]
                    name = ".".join([*base, *([node.module] if node.module else [])])
                else:
                    name = node.module or ""
                yield str(relative), node.lineno, name
                if node.module is None or node.level == 0:
                    # `from knowledge import api` imports the submodule knowledge.api
                    yield from ((str(relative), node.lineno, f"{name}.{a.name}") for a in node.names
                                if _is_submodule(f"{name}.{a.name}"))


def _is_submodule(dotted: str) -> bool:
    return (ROOT / Path(*dotted.split("."))).with_suffix(".py").is_file() or (ROOT / Path(*dotted.split("."))).is_dir()


def top(module: str) -> str:
    return module.split(".")[0]


@pytest.mark.parametrize("package", [p for p in RUNNING_CODE if p not in ("knowledge", "deploy")])
def test_only_knowledge_and_deploy_import_sqlalchemy(package: str) -> None:
    found = [f"{file}:{line} imports {name}" for file, line, name in imports(package) if top(name) == "sqlalchemy"]
    assert found == []


def test_knowledge_knows_nothing_of_rasa_or_the_packages_built_on_it() -> None:
    forbidden = {"rasa", "rasa_sdk", "actions", "bot", "deploy"}
    found = [f"{file}:{line} imports {name}" for file, line, name in imports("knowledge") if top(name) in forbidden]
    assert found == []


FRONT_DOOR_USERS = ("actions", "bot")


@pytest.mark.parametrize("package", FRONT_DOOR_USERS)
def test_the_knowledge_front_door_is_the_only_way_in(package: str) -> None:
    found = [f"{file}:{line} imports {name}" for file, line, name in imports(package)
             if top(name) == "knowledge" and name != "knowledge"]
    assert found == []


def test_the_front_door_exports_what_it_lists() -> None:
    assert [name for name in knowledge.__all__ if not hasattr(knowledge, name)] == []


@pytest.mark.parametrize("package", FRONT_DOOR_USERS)
def test_what_is_taken_from_the_front_door_is_listed_there(package: str) -> None:
    taken = {alias.name for path in sorted((ROOT / package).rglob("*.py"))
             for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
             if isinstance(node, ast.ImportFrom) and node.module == "knowledge" and not node.level
             for alias in node.names}
    assert sorted(taken - set(knowledge.__all__)) == []


def test_the_checker_sees_what_it_must() -> None:
    """The rules are only as good as the import reading: relative, submodule and nested imports."""
    seen = {name for _, _, name in imports("knowledge")}
    assert {"knowledge.db", "knowledge.text", "sqlalchemy"} <= seen
    assert "knowledge.spelling" in seen  # imported inside a method
