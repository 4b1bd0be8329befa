"""`make eval-answers`: is the ANSWER right, not the intent? Through the REST channel.

Sends every question of `eval/answers/*.yml` (written from the five documents, never
used in training) to a running bot — `--url`, or an embedded server set this script
starts and stops — and grades each reply by what it must and must not contain
(format: eval/answers/FORMAT.md). Whole conversations count only when every turn is
right. Prints a table per category, topic and style and, last, `answer accuracy N/M = P%`.

`--set holdout` scores eval/answers/holdout/ and prints only the totals: that set is
not read while developing, so it tells when the dev set has become too easy.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
import uuid
from collections import defaultdict
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.request import Request, urlopen

import yaml

ROOT = Path(__file__).resolve().parent.parent
EVAL_DIR = ROOT / "eval" / "answers"
RESULTS = ROOT / "results" / "eval_answers.json"
WORKERS = 4

FEEDBACK_TITLES = ("👍", "👎")
FAILURE_MARKERS = ("chưa tra cứu được", "đã có lỗi", "gặp sự cố")
NOT_COVERED_MARKERS = (
    "không có thông tin", "không nêu", "không có số liệu", "chưa có thông tin", "không đề cập", "không nói",
    "ngoài phạm vi", "chỉ có số liệu của", "không trả lời", "không có dữ liệu", "không có trong", "không ghi",
    "chưa có số liệu", "không tìm thấy", "không có nội dung",
)
PREMISE_MARKERS = (
    "không đúng", "không phải", "chưa đúng", "không có cơ sở", "không như", "ngược lại", "không hẳn",
    "tài liệu không nói", "tài liệu không cho thấy", "không khớp", "không có căn cứ", "không giảm", "không thấp",
)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def nfc(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).replace("\u00a0", " ").split()).lower()


@dataclass
class Turn:
    ask: str
    expect: dict[str, Any]


@dataclass
class Case:
    id: str
    category: str
    topic: str
    style: str
    turns: list[Turn]
    conversation: bool


@dataclass
class Outcome:
    case: Case
    replies: list[dict[str, Any]] = field(default_factory=list)  # per turn: text, buttons, problems

    @property
    def right(self) -> bool:
        return all(not r["problems"] for r in self.replies)


def load(paths: list[Path]) -> list[Case]:
    cases: list[Case] = []
    for path in paths:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for item in data.get("items") or []:
            cases.append(Case(str(item["id"]), item.get("category", "?"), item.get("topic", "?"),
                              item.get("style", "?"), [Turn(str(item["ask"]), item.get("expect") or {})], False))
        for conv in data.get("conversations") or []:
            turns = [Turn(str(t["ask"]), t.get("expect") or {}) for t in conv["turns"]]
            cases.append(Case(str(conv["id"]), "conversation", conv.get("topic", "?"), conv.get("style", "?"),
                              turns, True))
    return cases


# Not figures: where a reply names its sources, the bot's fixed description of itself, and a document's number
# ("không ghi người ký Nghị quyết 226", "Quyết định số 278/QĐ-UBND"): it names what was asked of, it counts nothing.
_CITATION = re.compile(r"\(?nguồn:[^\n)]*\)?|\b(?:chính quyền|chính quyền địa phương) 2 cấp\b|\b\d+ tài liệu\b|"
                       r"báo cáo số [\w/-]+ ngày [\d/]+|\d+-bc/tu|"
                       r"\b(?:nghị quyết|quyết định|kết luận|chỉ thị|nq|qđ)(?: số)? \d+(?:/[\w.-]+)*|\b\d+(?:/[a-zđ][\w.-]*)+")


def _without_citations(body: str) -> str:
    return _CITATION.sub(" ", body)


def grade(ask: str, text: str, buttons: list[str], expect: dict[str, Any]) -> list[str]:
    """What is wrong with one reply (empty: right)."""
    problems: list[str] = []
    body = nfc(text)
    first = nfc(text.strip().split("\n", 1)[0]) if text.strip() else ""
    if not body:
        return ["no reply"]
    if any(m in body for m in FAILURE_MARKERS):
        problems.append("apology for a failure")
    for s in expect.get("all") or []:
        if nfc(str(s)) not in body:
            problems.append(f"missing {s!r}")
    anys = expect.get("any") or []
    if anys and not any(nfc(str(s)) in body for s in anys):
        problems.append(f"none of {anys!r}")
    for s in expect.get("none") or []:
        if nfc(str(s)) in body:
            problems.append(f"forbidden {s!r}")
    for s in expect.get("first_line") or []:
        if nfc(str(s)) not in first:
            problems.append(f"{s!r} not on the first line")
    choices = [b for b in buttons if not b.startswith(FEEDBACK_TITLES)]
    if expect.get("ask_back") and not ("?" in text and len(choices) >= 2):
        problems.append("did not ask back with choices")
    if expect.get("not_covered"):
        if not any(m in body for m in NOT_COVERED_MARKERS):
            problems.append("did not say the documents do not cover it")
        asked = set(_NUMBER.findall(nfc(ask)))
        invented = [n for n in _NUMBER.findall(_without_citations(body)) if n not in asked and not re.fullmatch(r"20\d\d", n)]
        if invented:
            problems.append(f"numbers where none is known: {invented[:3]}")
    if expect.get("premise_rejected") and not any(m in first for m in PREMISE_MARKERS):
        problems.append("did not reject the premise first")
    return problems


def post(url: str, sender: str, message: str) -> list[dict[str, Any]]:
    body = json.dumps({"sender": sender, "message": message}).encode()
    request = Request(url, body, {"Content-Type": "application/json"})
    with urlopen(request, timeout=60) as response:
        return json.loads(response.read())


def run_case(url: str, case: Case) -> Outcome:
    sender = f"eval-{uuid.uuid4().hex[:12]}"
    outcome = Outcome(case)
    for turn in case.turns:
        try:
            messages = post(url, sender, turn.ask)
        except OSError as exc:
            outcome.replies.append({"ask": turn.ask, "text": "", "buttons": [], "problems": [f"request failed: {exc}"]})
            continue
        text = "\n".join(m.get("text") or "" for m in messages)
        buttons = [b.get("title", "") for m in messages for b in m.get("buttons") or []]
        outcome.replies.append({"ask": turn.ask, "text": text, "buttons": buttons,
                                "problems": grade(turn.ask, text, buttons, turn.expect)})
    return outcome


def table(title: str, outcomes: list[Outcome], key: str) -> list[str]:
    groups: dict[str, list[bool]] = defaultdict(list)
    for o in outcomes:
        groups[getattr(o.case, key)].append(o.right)
    lines = [f"\n{title}", f"| {key} | right | of | % |", "| --- | ---: | ---: | ---: |"]
    for name, marks in sorted(groups.items()):
        lines.append(f"| {name} | {sum(marks)} | {len(marks)} | {100 * sum(marks) / len(marks):.1f} |")
    return lines


@contextmanager
def embedded_bot() -> Iterator[str]:
    sys.path.insert(0, str(ROOT / "scripts"))
    from bench.servers import embedded  # the bench's server set: the same processes `make run` starts

    with embedded(ROOT / "build" / "eval-answers") as servers:
        yield servers.url


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="REST webhook of a running bot (default: start one)")
    parser.add_argument("--set", choices=("dev", "holdout", "all"), default="dev")
    parser.add_argument("--only", help="ids, id prefixes (w8), categories or topics to run, comma-separated")
    parser.add_argument("--show", type=int, default=0, help="print this many failed dev cases")
    args = parser.parse_args()
    paths = {"dev": sorted(EVAL_DIR.glob("*.yml")), "holdout": sorted((EVAL_DIR / "holdout").glob("*.yml"))}
    paths["all"] = paths["dev"] + paths["holdout"]
    cases = load(paths[args.set])
    if args.only:
        wanted = set(args.only.split(","))
        cases = [c for c in cases if wanted & {c.id, c.id.split("-")[0], c.category, c.topic}]
    if not cases:
        print("no evaluation cases found", file=sys.stderr)
        return 2
    with (nullcontext(args.url) if args.url else embedded_bot()) as url, ThreadPoolExecutor(WORKERS) as pool:
        outcomes = list(pool.map(lambda c: run_case(url, c), cases))
    singles = [o for o in outcomes if not o.case.conversation]
    conversations = [o for o in outcomes if o.case.conversation]
    lines: list[str] = [f"answer-level evaluation, set {args.set}: {len(singles)} questions, "
                        f"{len(conversations)} conversations"]
    lines += table("By category", outcomes, "category") + table("By topic", outcomes, "topic")
    lines += table("By style", outcomes, "style")
    if args.set == "dev":  # the holdout's questions and replies are not shown: only its tables
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps([{"id": o.case.id, "category": o.case.category, "right": o.right,
                                        "turns": o.replies} for o in outcomes], ensure_ascii=False, indent=1))
        for o in [o for o in outcomes if not o.right][:args.show]:
            lines.append(f"\n✗ {o.case.id} [{o.case.category}/{o.case.style}]")
            for r in o.replies:
                lines.append(f"  > {r['ask']}\n    {r['text'][:400]!r}\n    {r['problems']}")
    right_turns = sum(not r["problems"] for o in conversations for r in o.replies)
    all_turns = sum(len(o.replies) for o in conversations)
    if conversations:
        lines.append(f"\nwhole conversations right: {sum(o.right for o in conversations)}/{len(conversations)}; "
                     f"turns right: {right_turns}/{all_turns}")
    right = sum(o.right for o in singles)
    lines.append(f"questions right: {right}/{len(singles)}")
    total_right = right + sum(o.right for o in conversations)
    lines.append(f"answer accuracy {total_right}/{len(outcomes)} = {100 * total_right / len(outcomes):.1f}%")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
