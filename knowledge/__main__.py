"""Command line: python -m knowledge build | validate | search "..." | stats | report."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy.engine import make_url

from . import records as r
from .about import check_about, load_about
from .build import build
from .errors import FactFileError, KnowledgeUnavailable, SettingsError
from .feedback import FeedbackStore
from .loader import FACTS_DIR, load_facts
from .privacy import mask_personal_data
from .query import KnowledgeBase
from .settings import current_settings
from .validate import check, source_texts, summary


def _progress_bar() -> tuple[object, object]:
    from tqdm import tqdm  # a Rasa dependency; imported only when building

    bar = tqdm(total=10, desc="build", unit="table", file=sys.stderr, leave=True)

    def step(table: str, done: int, total: int) -> None:
        bar.set_postfix_str(f"{table}: {total}")
        bar.update(1)

    return bar, step


def _cmd_build(args: argparse.Namespace) -> int:
    bar, step = _progress_bar()
    try:
        facts = build(args.url, facts_dir=args.facts, progress=step)  # type: ignore[arg-type]
    finally:
        bar.close()  # type: ignore[attr-defined]
    counts = summary(facts)
    shown = make_url(args.url).render_as_string(hide_password=True)  # never print a password
    print(f"built {shown}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    return 0


def _cmd_validate(args: argparse.Namespace) -> int:
    facts = load_facts(args.facts)
    problems = check(facts) + check_about(load_about(args.facts / "about.yml"), source_texts(facts))
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s)", file=sys.stderr)
        return 1
    print("ok: " + ", ".join(f"{k} {v}" for k, v in summary(facts).items()))
    return 0


def _cmd_search(args: argparse.Namespace) -> int:
    kb = KnowledgeBase(args.url)
    hits = kb.search(args.query, limit=args.limit)
    if not hits:
        print("Không tìm thấy.")
        return 0
    for hit in hits:
        print(f"[{hit.entity}] {hit.title}")
        if hit.entity == "project" and (info := kb.project(hit.key)):
            print(f"  {_project_line(info.project)}")
        print(f"  {hit.body[:400]}")
        print(f"  Nguồn: {kb.document(hit.source).citation}")
    return 0


_GROUPS = {"completion_2025": "hoàn thành năm 2025", "groundbreaking_2025": "khởi công năm 2025",
           "ongoing_2024_2025": "chuyển tiếp 2024 - 2025"}


def _project_line(p: r.Project) -> str:
    """A project's value (as written, in the table's unit) and group."""
    parts_value = [f"{c.name}: {c.value_text}" for c in p.components if c.value_text]
    unit = " triệu đồng" if p.kind == "key_project" else ""
    if p.value_text:
        value = f"{p.value_text}{unit}"
    elif parts_value:
        value = "theo dự án thành phần (" + "; ".join(f"{v}{unit}" for v in parts_value) + ")"
    else:
        value = "không ghi"
    if p.value_unclear:
        value += " (đơn vị không rõ ràng)"
    if p.usd_text:
        value += f" ({p.usd_text})"
    parts = [f"Giá trị: {value}", f"nhóm: {_GROUPS.get(p.group or '', p.group or 'không thuộc nhóm')}"]
    if p.list_no:
        parts.insert(0, f"Stt {p.list_no}")
    return "; ".join(parts)


def _cmd_stats(args: argparse.Namespace) -> int:
    kb = KnowledgeBase(args.url)
    meta = kb.check()
    for name, count in kb.stats().items():
        print(f"{name:16} {count}")
    for key in ("built_at", "facts_checksum", "address_dataset"):
        print(f"{key:16} {meta.get(key, '')}")
    return 0


def shown(text: str | None) -> str:
    """A stored value as staff may see it in a terminal: personal data masked (rows stored
    before masking existed too), control and format characters (terminal escape sequences,
    direction overrides) written as escapes, on one line."""
    masked = mask_personal_data(text or "")
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in masked)


def _cmd_report(args: argparse.Namespace) -> int:
    store = FeedbackStore(args.feedback_url)
    print("Câu hỏi chưa trả lời được nhiều nhất:")
    for row in store.most_unanswered(args.limit) or []:
        print(f"  {row.count:4}  {shown(row.question)}")
    print("Câu trả lời bị đánh giá 👎 nhiều nhất:")
    for row in store.worst_rated(args.limit):
        print(f"  {row.count:4}  {shown(row.answer_id)}  (ví dụ câu hỏi: {shown(row.question)})")
    return 0


def _cmd_purge_feedback(args: argparse.Namespace) -> int:
    store = FeedbackStore(args.feedback_url)
    try:
        deleted = store.purge(args.days)
    finally:
        store.close()
    print(f"deleted {deleted} feedback row(s) older than {args.days or store.settings.retention_days} days")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    # --url and --facts work before or after the command ("build --url …" reads naturally)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--url", default=argparse.SUPPRESS,
                        help="SQLAlchemy URL (default: $KNOWLEDGE_DB_URL or build/knowledge.db)")
    common.add_argument("--facts", type=Path, default=argparse.SUPPRESS,
                        help="fact-file folder (default: knowledge/facts)")
    parser = argparse.ArgumentParser(prog="python -m knowledge", description=__doc__, parents=[common])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("build", parents=[common], help="validate the fact files and rebuild the database")
    sub.add_parser("validate", parents=[common], help="check every quote and number against the sources")
    search = sub.add_parser("search", parents=[common], help="full-text search, diacritics optional")
    search.add_argument("query")
    search.add_argument("--limit", type=int, default=5)
    sub.add_parser("stats", parents=[common], help="what the database holds")
    report = sub.add_parser("report", parents=[common], help="most frequent unanswered questions and worst-rated answers")
    report.add_argument("--limit", type=int, default=20)
    report.add_argument("--feedback-url", default=None, help="default: $FEEDBACK_DB_URL or build/feedback.db")
    purge = sub.add_parser("purge-feedback", parents=[common], help="delete stored questions past the retention limit")
    purge.add_argument("--days", type=int, default=None, help="default: $FEEDBACK_RETENTION_DAYS or 90")
    purge.add_argument("--feedback-url", default=None, help="default: $FEEDBACK_DB_URL or build/feedback.db")
    args = parser.parse_args(argv)
    try:  # every setting checked before any command runs (run.sh and run_prod.sh start with `stats`)
        settings = current_settings()
    except SettingsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    args.url = getattr(args, "url", None) or settings.database_url
    args.facts = getattr(args, "facts", None) or FACTS_DIR
    handlers = {"build": _cmd_build, "validate": _cmd_validate, "search": _cmd_search, "stats": _cmd_stats,
                "report": _cmd_report, "purge-feedback": _cmd_purge_feedback}
    try:
        return handlers[args.command](args)
    except FactFileError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"{len(exc.problems)} problem(s); nothing was written", file=sys.stderr)
        return 1
    except KnowledgeUnavailable as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
