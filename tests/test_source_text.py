"""Source files hold no control characters: a "\\b" written in a plain (not raw) string becomes a backspace,
and a pattern with one never matches text a resident types."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONTROL = {chr(c) for c in range(32)} - {"\n", "\t", "\r"}


def test_no_control_characters_in_python_sources() -> None:
    found = [f"{path.relative_to(ROOT)}:{n}" for folder in ("actions", "knowledge", "bot", "scripts", "deploy", "tests")
             for path in sorted((ROOT / folder).rglob("*.py"))
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if CONTROL & set(line)]
    assert found == []
