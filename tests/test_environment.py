"""The environment: read by the settings modules only, and every variable listed in docs/DEPLOY.md's table."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNNING_CODE = ("knowledge", "bot", "actions", "deploy")
SETTINGS_MODULES = ("bot/settings.py", "knowledge/settings.py", "deploy/settings.py")
# The only places that read os.environ itself: each package's accessor, read once per process.
ACCESSORS = {"bot/settings.py", "knowledge/settings.py"}
SCRIPTS = ("scripts/run.sh", "scripts/run_prod.sh")
READS_ENVIRON = re.compile(r"\bos\.environ\b|\bgetenv\(|\bfrom os import\b")
NAME_LITERAL = re.compile(r"\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\"")
SHELL_READ = re.compile(r"\$\{([A-Z_][A-Z0-9_]*)(?::-|:\+|\})")
PYTHON_READ = re.compile(r"environ(?:\.get\(|\[)\"([A-Z_][A-Z0-9_]*)\"")


def settings_table() -> str:
    text = (ROOT / "docs" / "DEPLOY.md").read_text(encoding="utf-8")
    section = text[text.index("## Settings (environment only)"):]
    return section[: section.index("\n## ", 1)]


def test_only_the_settings_accessors_read_the_environment() -> None:
    readers = {str(path.relative_to(ROOT)) for package in RUNNING_CODE for path in (ROOT / package).rglob("*.py")
               if READS_ENVIRON.search(path.read_text(encoding="utf-8"))}
    assert readers == ACCESSORS


def test_every_variable_read_anywhere_is_in_the_table() -> None:
    names = {name for module in SETTINGS_MODULES for name in NAME_LITERAL.findall((ROOT / module).read_text())}
    names |= {name for script in SCRIPTS for name in SHELL_READ.findall((ROOT / script).read_text())}
    names |= {name for path in [*(ROOT / "tests").rglob("*.py"), *(ROOT / "scripts").rglob("*.py")]
              for name in PYTHON_READ.findall(path.read_text(encoding="utf-8"))}
    table = settings_table()
    assert len(names) > 60
    assert sorted(name for name in names if f"`{name}`" not in table) == []
