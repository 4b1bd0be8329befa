"""`make eval`: intent and entity quality on the held-out set, ours vs stock Rasa.

Trains, in this run and on the same data, the NLU of this project's pipeline, the
same pipeline without diacritic restoration, and the pipeline `rasa init`
generates; evaluates each on tests/nlu/test_set.yml (never used in training);
prints a table and writes results/eval.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
TEST_SET = ROOT / "tests" / "nlu" / "test_set.yml"
SUBSETS = ("all", "no_diacritics", "teencode")
LABELLED = {"indicator", "year", "period", "value_kind", "comparison", "project", "policy", "old_unit", "option", "rating"}


def train(config: Path, name: str) -> tuple[Path, float]:
    started = time.monotonic()
    subprocess.run(
        [str(ROOT / ".venv/bin/rasa"), "train", "nlu", "--config", str(config), "--nlu", str(ROOT / "data" / "nlu"),
         "--out", str(ROOT / "models" / "eval"), "--fixed-model-name", name, "--quiet"],
        check=True, cwd=ROOT, stdout=subprocess.DEVNULL,
    )
    return ROOT / "models" / "eval" / f"{name}.tar.gz", time.monotonic() - started


def without_restoration(config: Path) -> Path:
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    for component in data["pipeline"]:
        if component["name"].endswith("VietnameseTokenizer"):
            component["restore_diacritics"] = False
    with tempfile.NamedTemporaryFile("w", suffix=".yml", delete=False, dir=ROOT / "models") as handle:
        yaml.safe_dump(data, handle, allow_unicode=True)
    return Path(handle.name)


async def predict(model: Path, texts: list[str]) -> list[dict[str, Any]]:
    from rasa.core.agent import Agent

    agent = Agent.load(str(model))
    return [await agent.parse_message(text) for text in texts]


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def score(items: list[dict[str, Any]], predictions: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    results = {}
    for subset in SUBSETS:
        chosen = [(i, p) for i, p in zip(items, predictions, strict=True) if subset == "all" or subset in i.get("tags", [])]
        if not chosen:
            continue
        correct = sum(1 for i, p in chosen if p["intent"]["name"] == i["intent"])
        per_intent: Counter[tuple[str, str]] = Counter()
        for i, p in chosen:
            gold, guess = i["intent"], p["intent"]["name"]
            per_intent[(gold, "tp" if gold == guess else "fn")] += 1
            if gold != guess:
                per_intent[(guess, "fp")] += 1
        intents = {i["intent"] for i, _ in chosen}
        macro = sum(_f1(per_intent[(n, "tp")], per_intent[(n, "fp")], per_intent[(n, "fn")]) for n in intents) / len(intents)
        tp = fp = fn = 0
        for i, p in chosen:
            gold = {(e["entity"], str(e["value"])) for e in i.get("entities") or []}
            guess = {(e["entity"], str(e["value"])) for e in p.get("entities") or [] if e["entity"] in LABELLED}
            tp, fp, fn = tp + len(gold & guess), fp + len(guess - gold), fn + len(gold - guess)
        results[subset] = {"n": len(chosen), "intent_accuracy": correct / len(chosen), "intent_macro_f1": macro,
                           "entity_f1": _f1(tp, fp, fn)}
    return results


def errors(items: list[dict[str, Any]], predictions: list[dict[str, Any]], limit: int = 40) -> list[str]:
    lines = []
    for i, p in zip(items, predictions, strict=True):
        if p["intent"]["name"] != i["intent"]:
            lines.append(f"  {i['intent']:16} → {p['intent']['name']:16} {i['text']}")
    return lines[:limit]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--skip-stock", action="store_true", help="only this project's pipelines")
    args = parser.parse_args()
    items = yaml.safe_load(TEST_SET.read_text(encoding="utf-8"))["utterances"]
    texts = [i["text"] for i in items]
    (ROOT / "models").mkdir(exist_ok=True)
    configs = {"ours": ROOT / "config.yml", "ours_no_restore": without_restoration(ROOT / "config.yml")}
    if not args.skip_stock:
        configs["stock_rasa_init"] = ROOT / "tests" / "nlu" / "stock_config.yml"
    report: dict[str, Any] = {"test_set": str(TEST_SET.relative_to(ROOT)), "n": len(items), "pipelines": {}}
    for name, config in configs.items():
        model, seconds = train(config, name)
        predictions = asyncio.run(predict(model, texts))
        report["pipelines"][name] = {"train_seconds": round(seconds, 1), "scores": score(items, predictions)}
        if name == "ours":
            report["ours_errors"] = errors(items, predictions)
    configs["ours_no_restore"].unlink(missing_ok=True)
    out = ROOT / "results" / "eval.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"{'pipeline':18} {'subset':14} {'n':>4} {'intent acc':>10} {'macro F1':>9} {'entity F1':>9} {'train s':>8}")
    for name, result in report["pipelines"].items():
        for subset, s in result["scores"].items():
            print(f"{name:18} {subset:14} {s['n']:4} {s['intent_accuracy']:10.3f} {s['intent_macro_f1']:9.3f} "
                  f"{s['entity_f1']:9.3f} {result['train_seconds']:8.1f}")
    print("intent errors of ours (first 40):")
    print("\n".join(report.get("ours_errors", [])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
