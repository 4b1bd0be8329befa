"""Malformed fact files are rejected with file, entry and reason; nothing half-built survives."""

from dataclasses import replace
from pathlib import Path

import pytest

from knowledge.__main__ import main
from knowledge.build import build
from knowledge.errors import FactFileError
from knowledge.loader import load_facts
from knowledge.validate import check, source_texts

TABLE_ROW = "2 GRDP bình quân đầu người (giá hiện hành) USD/người 9.000 8.665 4.647 9.486 4.900"


def _write(facts: Path, name: str, text: str) -> Path:
    path = facts / "indicators" / name
    path.write_text(text, encoding="utf-8")
    return path


def _problems(facts: Path) -> list[str]:
    try:
        return [str(p) for p in check(load_facts(facts))]
    except FactFileError as exc:
        return [str(p) for p in exc.problems]


@pytest.mark.slow  # the pure-Python parser takes seconds
def test_the_fast_yaml_parser_reads_the_facts_as_the_python_one(monkeypatch: pytest.MonkeyPatch) -> None:
    import yaml

    import knowledge.loader

    fast = load_facts()
    monkeypatch.setattr(knowledge.loader, "SAFE_LOADER", yaml.SafeLoader)
    assert load_facts() == fast


def test_shipped_files_validate_cleanly() -> None:
    assert check(load_facts()) == []


def test_cli_validate_passes_on_shipped_files(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate"]) == 0
    assert capsys.readouterr().out.startswith("ok:")


def test_yaml_syntax_error_names_file_and_line(facts_copy: Path) -> None:
    _write(facts_copy, "broken.yml", "values:\n  - indicator: x\n   period: [\n")
    problems = _problems(facts_copy)
    assert any("facts/indicators/broken.yml: line" in p and "not valid YAML" in p for p in problems)


def test_unknown_and_missing_fields_are_named(facts_copy: Path) -> None:
    _write(facts_copy, "typo.yml", (
        "values:\n  - indicator: grdp_per_capita\n    period: '2024'\n    kind: estimate\n"
        "    valeu: '8.665'\n    source: '002'\n    quote: 'x'\n"
    ))
    problems = _problems(facts_copy)
    assert any("typo.yml: values[0] (grdp_per_capita 2024 estimate): unknown field 'valeu'" in p for p in problems)
    assert any("missing required field 'value'" in p for p in problems)


def test_bad_choice_is_named(facts_copy: Path) -> None:
    _write(facts_copy, "kind.yml", (
        f"values:\n  - indicator: grdp_per_capita\n    period: '2024'\n    kind: guess\n"
        f"    value: '8.665'\n    source: '002'\n    quote: '{TABLE_ROW}'\n"
    ))
    assert any("'kind' is 'guess'; expected one of target, estimate, result" in p for p in _problems(facts_copy))


def test_quote_not_in_source_is_rejected(facts_copy: Path) -> None:
    _write(facts_copy, "fake.yml", (
        "values:\n  - indicator: grdp_per_capita\n    period: '2024'\n    kind: estimate\n"
        "    value: '9.999'\n    source: '002'\n    quote: 'GRDP bình quân đầu người đạt 9.999 USD'\n"
    ))
    assert any("fake.yml" in p and "quote not found in source 002" in p for p in _problems(facts_copy))


def test_number_not_in_quote_is_rejected(facts_copy: Path) -> None:
    _write(facts_copy, "number.yml", (
        f"values:\n  - indicator: grdp_per_capita\n    period: '2024'\n    kind: result\n"
        f"    value: '8.666'\n    source: '002'\n    quote: '{TABLE_ROW}'\n    review_note: test\n"
    ))
    assert any("value '8.666' does not occur in its quote" in p for p in _problems(facts_copy))


def test_unknown_source_and_indicator_are_rejected(facts_copy: Path) -> None:
    _write(facts_copy, "refs.yml", (
        "values:\n  - indicator: no_such_code\n    period: '2024'\n    kind: result\n"
        "    value: '1'\n    source: '999'\n    quote: '1'\n"
    ))
    problems = _problems(facts_copy)
    assert any("indicator 'no_such_code' is not defined" in p for p in problems)
    assert any("source '999' is not in the manifest" in p for p in problems)


def test_duplicate_indicator_code_is_rejected(facts_copy: Path) -> None:
    _write(facts_copy, "dup.yml", "indicators:\n  - {code: grdp_growth, name: x, unit: '%', group: kinh_te}\n")
    assert any("indicator grdp_growth: also defined in" in p for p in _problems(facts_copy))


def test_disagreement_without_note_is_rejected(facts_copy: Path) -> None:
    _write(facts_copy, "conflict.yml", (
        f"values:\n  - indicator: grdp_per_capita\n    period: '2024'\n    kind: target\n"
        f"    value: '9.486'\n    source: '002'\n    quote: '{TABLE_ROW}'\n"
    ))
    assert any("differs from another entry" in p for p in _problems(facts_copy))


def test_failed_build_keeps_the_previous_database(facts_copy: Path, tmp_path: Path) -> None:
    target = tmp_path / "kb.db"
    build(f"sqlite:///{target}", facts_dir=facts_copy)
    before = target.read_bytes()
    _write(facts_copy, "broken.yml", "values: [\n")
    with pytest.raises(FactFileError):
        build(f"sqlite:///{target}", facts_dir=facts_copy)
    assert target.read_bytes() == before
    assert not list(tmp_path.glob(".knowledge-*"))


def test_cli_build_reports_problems_and_exits_nonzero(
    facts_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(facts_copy, "broken.yml", "values: [\n")
    assert main(["--url", f"sqlite:///{tmp_path / 'x.db'}", "--facts", str(facts_copy), "build"]) == 1
    err = capsys.readouterr().err
    assert "facts/indicators/broken.yml" in err and "nothing was written" in err
    assert not (tmp_path / "x.db").exists()


@pytest.mark.postgres
def test_cli_build_never_prints_the_database_password(capsys: pytest.CaptureFixture[str]) -> None:
    from sqlalchemy.engine import make_url

    from tests.pg import scratch_database

    with scratch_database("hp_kb_cli") as url:
        # The local server trusts loopback connections, so the password is sent and ignored.
        with_password = make_url(url).set(password="n0t-to-be-printed").render_as_string(hide_password=False)
        assert main(["build", "--url", with_password]) == 0
    out, err = capsys.readouterr()
    assert "n0t-to-be-printed" not in out + err
    assert out.startswith(f"built {make_url(with_password).render_as_string()}: ")
    assert ":***@" in out


def test_the_old_single_note_field_is_refused_with_the_two_to_use(facts_copy: Path) -> None:
    _write(facts_copy, "old_note.yml", (
        f"values:\n  - indicator: grdp_per_capita\n    period: '2024'\n    kind: result\n"
        f"    value: '8.665'\n    source: '002'\n    quote: '{TABLE_ROW}'\n    note: test\n"
    ))
    assert any("'resident_note'" in p and "'review_note'" in p for p in _problems(facts_copy))


def test_a_resident_note_may_not_invent_a_number_or_name_a_fact_file(facts_copy: Path) -> None:
    _write(facts_copy, "resident.yml", (
        f"values:\n  - indicator: grdp_per_capita\n    period: '2024'\n    kind: result\n"
        f"    value: '8.665'\n    source: '002'\n    quote: '{TABLE_ROW}'\n"
        "    resident_note: 'Gấp 7,777 lần, xem table_002.yml'\n"
    ))
    problems = _problems(facts_copy)
    assert any("resident_note states '7,777'" in p for p in problems)
    assert any("resident_note names a fact file" in p for p in problems)


def test_both_notes_reach_the_api_separately(facts_copy: Path, tmp_path: Path) -> None:
    from knowledge import KnowledgeBase

    _write(facts_copy, "both.yml", (
        f"values:\n  - indicator: grdp_per_capita\n    period: '2024'\n    kind: result\n"
        f"    value: '8.665'\n    source: '002'\n    quote: '{TABLE_ROW}'\n"
        "    resident_note: 'Cho người dân.'\n    review_note: 'Cho người duyệt.'\n"
    ))
    url = f"sqlite:///{tmp_path / 'notes.db'}"
    build(url, facts_dir=facts_copy)
    kb = KnowledgeBase(url)
    try:
        [value] = [v for v in kb.values("grdp_per_capita", "2024", kind="result") if v.document.id == "002"]
        assert (value.resident_note, value.review_note) == ("Cho người dân.", "Cho người duyệt.")
        bodies = " ".join(hit.body for hit in kb.search("GRDP bình quân đầu người 8.665", limit=20))
        assert "Cho người duyệt" not in bodies  # search excerpts are shown to residents
    finally:
        kb.close()


@pytest.mark.parametrize(("signed", "quote", "problem"), [
    ("Phó Bí thư Nguyễn Văn Tùng (T/M Ban Chấp hành)", "T/M BAN CHẤP HÀNH PHÓ BÍ THƯ Nguyễn Văn Tùng", None),
    ("Bí thư Nguyễn Văn Tùng", "BÍ THƯ Nguyễn Văn Tùng (ký)",
     "signed_quote not found in source 002: 'BÍ THƯ Nguyễn Văn Tùng (ký)'"),
    ("Chủ tịch Nguyễn Văn Tùng", "T/M BAN CHẤP HÀNH PHÓ BÍ THƯ Nguyễn Văn Tùng", "signed says ['chu', 'tich'], which signed_quote does not"),
])
def test_a_signer_is_said_only_as_the_signature_block_writes_it(signed: str, quote: str, problem: str | None) -> None:
    from knowledge.validate import _check_signature

    facts = load_facts()
    doc = replace(facts.documents["002"], signed=signed, signed_quote=quote)
    found = [str(p) for p in _check_signature(doc, source_texts(facts))]
    assert found == ([] if problem is None else [f"manifest.yml: 002: {problem}"])
