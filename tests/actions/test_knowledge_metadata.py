"""Text about the knowledge base as a whole comes from its metadata, not from literals in code
(issue 12: the reorganisation's date and provinces, the data set's version, the report's years
and document id, the document list and the menus)."""

from __future__ import annotations

import ast
import re
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from actions.decide import answer
from actions.menu import RESPONSES_FILE, identity_text, menu, render_responses
from actions.query import Query
from bot.nlu.entities import EntityMatcher
from knowledge import KnowledgeBase, about_of, reorganisation_of
from knowledge.about import check_about, load_about
from knowledge.loader import load_documents, load_facts
from knowledge.validate import source_texts

from .test_decide import ask

ROOT = Path(__file__).resolve().parents[2]
# a year, a document id, a date or a province written into a reply (document numbers such as
# "226/2025/QH15" and group codes such as "completion_2025" are not text of their own)
LITERAL = re.compile(r"(?<![\d/_])20[12]\d(?![\d/])|Hải Dương|(?<![\d.,])00[0-4](?![\d.,])|\d{1,2}/\d{1,2}/20\d\d")


def _string_literals(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
                  and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


def test_no_reply_text_in_actions_names_a_year_a_document_id_or_a_date() -> None:
    found = [f"{path.name}:{line}: {text[:80]!r}" for path in sorted((ROOT / "actions").glob("*.py"))
             for line, text in _string_literals(path) if LITERAL.search(text)]
    assert found == []


def test_the_domain_responses_are_generated_from_the_knowledge_base() -> None:
    documents, problems = load_documents()
    assert problems == []
    assert RESPONSES_FILE.read_text(encoding="utf-8") == render_responses(load_about(), documents)
    # no other domain file writes these responses or another year by hand
    for path in sorted((ROOT / "domain").glob("*.yml")):
        if path == RESPONSES_FILE:
            continue
        responses = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("responses") or {}
        assert not {"utter_greet", "utter_bot_identity", "utter_help", "utter_out_of_scope"} & set(responses), path
        assert not LITERAL.search(yaml.safe_dump(responses, allow_unicode=True)), path


def test_the_identity_names_every_document_of_the_manifest() -> None:
    documents, _ = load_documents()
    text = identity_text(load_about(), documents)
    assert f"từ {len(documents)} tài liệu" in text
    assert all(doc.citation in text for doc in documents.values())


def test_a_new_report_year_changes_the_menus_not_the_code() -> None:
    later = replace(load_about(), results_year="2025", plan_year="2026")
    titles = [b["title"] for b in menu(later, "greet")] + [b["payload"] for b in menu(later, "help")]
    assert "Tăng trưởng GRDP 2025" in titles and "Các chỉ tiêu chủ yếu năm 2026" in titles


def test_about_is_checked_against_its_quotes() -> None:
    facts = load_facts()
    about = load_about()
    assert check_about(about, source_texts(facts)) == []
    wrong = replace(about, plan_year="2026", key_projects_title="Danh mục dự án trọng điểm năm 2026")
    problems = [str(p) for p in check_about(wrong, source_texts(facts))]
    assert any("năm 2026" in p for p in problems) and len(problems) == 2


def test_the_reorganisation_comes_from_the_unit_data(kb: KnowledgeBase) -> None:
    reorg = reorganisation_of(kb)
    assert (reorg.effective, reorg.provinces) == ("01/07/2025", ("Hải Phòng", "Hải Dương"))
    assert reorg.dataset.startswith("vietnamadminunits ") and reorg.package.startswith("underthesea ")


def test_the_merger_answer_says_what_the_unit_data_says(kb: KnowledgeBase, matcher: EntityMatcher,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import actions.government as government

    reorg = replace(reorganisation_of(kb), effective="01/01/2030", provinces=("Hải Phòng", "Tỉnh Khác"))
    monkeypatch.setattr(government, "reorganisation_of", lambda _kb: reorg)
    _, reply = ask(kb, matcher, "nghe bảo hp sáp nhập vs quảng ninh à", "out_of_scope")
    assert reply.startswith("Không đúng: theo dữ liệu sắp xếp đơn vị hành chính (hiệu lực 01/01/2030), "
                            "thành phố Hải Phòng mới gồm Hải Phòng và Tỉnh Khác cũ")


def test_list_indicators_offers_the_reports_years(kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    import actions.indicators as indicators

    ab = about_of(kb)
    reply = answer(kb, Query(text="các chỉ tiêu chủ yếu", intent="list_indicators", entities={}, slots={}))
    titles = [b["title"] for m in reply.messages for b in m.get("buttons", [])]
    assert titles == [f"Kế hoạch năm {ab.plan_year}", f"Kết quả năm {ab.results_year}"]
    monkeypatch.setattr(indicators, "about_of", lambda _kb: replace(ab, plan_year="2031", results_year="2030"))
    reply = answer(kb, Query(text="các chỉ tiêu chủ yếu", intent="list_indicators", entities={}, slots={}))
    assert [b["title"] for m in reply.messages for b in m.get("buttons", [])] == ["Kế hoạch năm 2031", "Kết quả năm 2030"]


def test_every_example_the_bot_offers_is_in_the_knowledge_base(kb: KnowledgeBase) -> None:
    """Examples are questions, not claims; still, each names something the knowledge base has
    ("Nghị quyết 226/2025/QH15" was offered where the documents write only "Nghị quyết số 226")."""
    from actions.policies import _describe_found

    reply = _describe_found([])
    text = reply.messages[0]["text"]
    numbers = re.findall(r"(?:Nghị quyết|Kết luận) (\S+?)[,.]?(?=\s|$)", text.split("ví dụ:", 1)[1])
    numbers += [b["payload"].split('"policy": "')[1].rstrip('"}') for b in reply.messages[0]["buttons"]]
    assert len(numbers) >= 4
    known = {p.policy.number for p in kb.policies()}
    assert set(numbers) <= known, set(numbers) - known
    assert kb.convert_address("Phường Lạch Tray quận Ngô Quyền").matches
    assert kb.find_projects("Cầu Nguyễn Trãi")
