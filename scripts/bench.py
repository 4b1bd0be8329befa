"""Load and latency benchmark (`make bench`); results go to docs/BENCHMARKS.md by hand.

    python scripts/bench.py [--duration 20] [--users 1,10,50] [--profiles embedded,production,stock]
                            [--skip-train] [--out build/bench]

For each server set (scripts/bench/servers.py: the embedded profile, the production
profile, a stock `rasa init` bot), started one after the other on this machine:
simulated residents on loopback (scripts/bench/load.py) at each concurrency for
`--duration` seconds: throughput, p50/p95/p99 latency, errors; RSS of every process;
time from start to ready; for our two profiles, last, the time to the apology when the
action servers are stopped, then killed, and in production the time until a conversation
whose replica was killed mid-turn is answered again (scripts/bench/faults.py). Then the
floor under the latency: knowledge build, one lookup, one NLU parse, and training times. Writes build/bench/results.json and
build/bench/report.md (the "## Load and latency" section of docs/BENCHMARKS.md).
Never part of the tests: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scripts.bench import faults, micro, servers  # noqa: E402
from scripts.bench.load import OUR_CONVERSATIONS, STOCK_CONVERSATIONS, run_load, warm_up  # noqa: E402

TARGETS = {"embedded_p95_ms_at_10": 250.0, "throughput_ratio_vs_stock": 2.0, "lookup_p95_ms": 2.0}


def machine() -> dict[str, Any]:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    mem_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                  if line.startswith("MemTotal:"))
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    return {"date": dt.datetime.now().astimezone().isoformat(timespec="minutes"), "nproc": os.cpu_count(),
            "cpu": cpu, "ram_gib": round(mem_kb / 1024 / 1024, 1), "commit": commit + (" + uncommitted changes" if dirty else ""),
            "python": platform.python_version(), "kernel": platform.release()}


def ensure_services() -> None:
    """PostgreSQL and Redis up, as scripts/run_prod.sh would start them."""
    if subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1"], check=False).returncode != 0:
        version = sorted(os.listdir("/etc/postgresql"))[0]
        subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start"], check=False)
    if subprocess.run(["redis-cli", "ping"], capture_output=True, text=True, check=False).stdout.strip() != "PONG":
        subprocess.run(["redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "--port", "6379", "--save", "",
                        "--appendonly", "no"], check=False, capture_output=True)
    for _ in range(60):
        if subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1"], check=False).returncode == 0:
            return
        time.sleep(0.5)
    raise SystemExit("PostgreSQL is not reachable on 127.0.0.1:5432")


def load_profile(server_set: servers.ServerSet, conversations: list[list[str]], users: list[int],
                 duration: float) -> dict[str, Any]:
    asyncio.run(warm_up(server_set.url, conversations))
    levels = []
    for count in users:
        cpu_before, client_before = server_set.cpu(), os.times()
        result = asyncio.run(run_load(server_set.url, conversations, count, duration))
        cpu_after, client_after = server_set.cpu(), os.times()
        levels.append(result.as_dict())
        served = max(1, len(result.latencies))
        # CPU milliseconds per answered message, per process: where the time goes.
        levels[-1]["cpu_ms_per_message"] = {
            label: round((cpu_after[label] - cpu_before[label]) * 1000 / served, 1) for label in cpu_before
        }
        levels[-1]["cpu_ms_per_message"]["load generator"] = round(
            (client_after.user + client_after.system - client_before.user - client_before.system) * 1000 / served, 1)
        print(f"  {server_set.name:16} {count:3} users: {result.throughput:7.1f} req/s  "
              f"p50 {levels[-1]['p50_ms']} ms  p95 {levels[-1]['p95_ms']} ms  p99 {levels[-1]['p99_ms']} ms  "
              f"errors {levels[-1]['errors']}", flush=True)
    memory = {label: {"rss_mib": rss, "peak_rss_mib": peak} for label, (rss, peak) in server_set.memory().items()}
    return {"name": server_set.name, "ready_seconds": round(server_set.ready_seconds, 1), "levels": levels,
            "memory": memory, "notes": server_set.notes}


def shared_services_memory() -> dict[str, dict[str, float]]:
    out = {}
    for label, comm in (("PostgreSQL (all processes)", "postgres"), ("Redis", "redis-server")):
        rss = peak = 0.0
        for pid in servers.processes_named(comm):
            one, top = servers.memory_mb(pid)
            rss, peak = rss + one, peak + top
        out[label] = {"rss_mib": round(rss, 1), "peak_rss_mib": round(peak, 1)}
    return out


def _fmt(value: Any) -> str:
    return "–" if value is None else f"{value:g}" if isinstance(value, float) else str(value)


def report(results: dict[str, Any]) -> str:
    m = results["machine"]
    lines = [
        "## Load and latency",
        "",
        f"Measured {m['date']} by `make bench` (scripts/bench.py) at commit {m['commit']}, on {m['nproc']} cores "
        f"({m['cpu']}), {m['ram_gib']} GiB RAM, Python {m['python']}, Linux {m['kernel']}. The load generator "
        f"runs on the same machine and shares its {m['nproc']} cores. Each level: {results['duration']} s of closed-loop "
        "load (simulated residents, no think time, a new sender for each short conversation) after an unmeasured "
        "warm-up; latency is the full HTTP round trip of one message. Errors: non-200, transport errors, empty "
        "replies and apologies (the bot failing inside).",
        "",
        "| profile | users | requests | throughput (req/s) | p50 (ms) | p95 (ms) | p99 (ms) | errors |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for profile in results["profiles"]:
        for level in profile["levels"]:
            lines.append(f"| {profile['name']} | {level['users']} | {level['requests']} | {_fmt(level['throughput_rps'])} | "
                         f"{_fmt(level['p50_ms'])} | {_fmt(level['p95_ms'])} | {_fmt(level['p99_ms'])} | {level['errors']} |")
    lines += ["", "CPU time per answered message (ms), by process, at the highest concurrency (where the "
              "2 cores go; the wall-clock latency is longer):", "",
              "| profile | users | " + " | ".join(["process", "CPU ms / message"]) + " |", "| --- | ---: | --- | ---: |"]
    for profile in results["profiles"]:
        top = profile["levels"][-1]
        for label, value in top.get("cpu_ms_per_message", {}).items():
            lines.append(f"| {profile['name']} | {top['users']} | {label} | {_fmt(value)} |")
    lines += ["", "| profile | process | RSS after load (MiB) | peak RSS (MiB) | start to ready (s) |",
              "| --- | --- | ---: | ---: | ---: |"]
    for profile in results["profiles"]:
        for i, (label, mem) in enumerate(profile["memory"].items()):
            ready = _fmt(profile["ready_seconds"]) if i == 0 else ""
            lines.append(f"| {profile['name']} | {label} | {_fmt(mem['rss_mib'])} | {_fmt(mem['peak_rss_mib'])} | {ready} |")
    for label, mem in results.get("shared_services", {}).items():
        lines.append(f"| production (shared) | {label} | {_fmt(mem['rss_mib'])} | {_fmt(mem['peak_rss_mib'])} | |")
    if results.get("faults"):
        lines += ["", "Time to the apology when the action servers fail, after the load (scripts/bench/faults.py: "
                  "one question each; the deadlines are ACTION_TIMEOUT_SECONDS, 5 s, embedded, and "
                  "ACTION_PROXY_TIMEOUT, 4 s, production):", "",
                  "| profile | action servers | seconds to the reply | the apology |", "| --- | --- | ---: | --- |"]
        for name, data in results["faults"].items():
            for fault, label in (("stopped", "stopped (listening, answering nothing)"), ("killed", "killed (refusing)")):
                lines.append(f"| {name} | {label} | {_fmt(data[fault]['seconds'])} | "
                             f"{'yes' if data[fault]['apology'] else 'NO'} |")
        if "takeover" in results:
            takeover = results["takeover"]
            lines += ["", f"A Rasa replica killed while it held a conversation's ticket: the conversation's next message "
                      f"{'answered' if takeover['answered'] else 'NOT ANSWERED (an apology or an error)'} after "
                      f"{_fmt(takeover['seconds'])} s (the dead ticket expires after TICKET_LOCK_LIFETIME, 20 s)."]
    micro_results = results.get("micro", {})
    if micro_results:
        lines += ["", "| measurement | value |", "| --- | --- |"]
        for store, data in micro_results.get("knowledge", {}).items():
            lines.append(f"| knowledge build, {store} | {data['build_seconds']} s |")
            for call in ("values", "find_indicators", "search"):
                t = data[call]
                lines.append(f"| `KnowledgeBase.{call}`, {store} ({t['count']} calls) | p50 {t['p50_ms']} ms, p95 {t['p95_ms']} ms |")
        for who, data in micro_results.get("nlu", {}).items():
            lines.append(f"| NLU parse alone, {who} model (`Agent.parse_message`, {data['count']} calls) | "
                         f"p50 {data['p50_ms']} ms, p95 {data['p95_ms']} ms (model load {data['agent_load_seconds']} s) |")
        if "train_ours_seconds" in micro_results:
            lines.append(f"| training, our bot (`rasa train`, empty cache) | {micro_results['train_ours_seconds']} s |")
        if "stock_init_seconds" in micro_results:
            lines.append(f"| training, stock bot (`rasa init --no-prompt`: scaffold + train) | {micro_results['stock_init_seconds']} s |")
    lines += ["", "Targets:", ""] + [f"- {line}" for line in results["verdicts"]]
    return "\n".join(lines) + "\n"


def verdicts(results: dict[str, Any]) -> list[str]:
    by_name = {p["name"]: {lv["users"]: lv for lv in p["levels"]} for p in results["profiles"]}
    out = []
    for name, levels in by_name.items():
        top = max(levels)
        errors = levels[top]["errors"]
        out.append(f"zero errors at {top} users, {name}: {'met' if errors == 0 else f'MISSED ({errors} errors)'}")
    embedded = by_name.get("embedded", {})
    if 10 in embedded and embedded[10]["p95_ms"] is not None:
        p95 = embedded[10]["p95_ms"]
        ok = p95 <= TARGETS["embedded_p95_ms_at_10"]
        out.append(f"embedded p95 ≤ 250 ms at 10 users: {'met' if ok else 'MISSED'} ({p95} ms)")
    stock = by_name.get("stock rasa init", {})
    for name in ("embedded", "production"):
        for users, level in sorted(by_name.get(name, {}).items()):
            if users in stock and stock[users]["throughput_rps"]:
                ratio = level["throughput_rps"] / stock[users]["throughput_rps"]
                ok = ratio >= TARGETS["throughput_ratio_vs_stock"]
                out.append(f"{name} throughput ≥ 2× stock at {users} users: {'met' if ok else 'MISSED'} ({ratio:.2f}×)")
    for store, data in results.get("micro", {}).get("knowledge", {}).items():
        for call in ("values", "find_indicators"):
            p95 = data[call]["p95_ms"]
            ok = p95 <= TARGETS["lookup_p95_ms"]
            out.append(f"lookup p95 ≤ 2 ms, `{call}` on {store}: {'met' if ok else 'MISSED'} ({p95} ms)")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=float, default=20.0, help="seconds of load per level (default 20)")
    parser.add_argument("--users", default="1,10,50", help="concurrency levels (default 1,10,50)")
    parser.add_argument("--profiles", default="embedded,production,stock")
    parser.add_argument("--skip-train", action="store_true", help="do not time a training run of our bot")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "bench")
    args = parser.parse_args(argv)
    users = [int(u) for u in args.users.split(",")]
    profiles = [p.strip() for p in args.profiles.split(",") if p.strip()]
    if not servers.MODEL.exists():
        raise SystemExit(f"{servers.MODEL} is missing: run `make train` first")
    if not (ROOT / "build" / "knowledge.db").exists():
        raise SystemExit("build/knowledge.db is missing: run `make knowledge` first")
    ensure_services()
    args.out.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {"machine": machine(), "duration": args.duration, "users": users, "profiles": [], "faults": {},
                               "micro": {}}
    print(json.dumps(results["machine"]), flush=True)
    scratch = Path(tempfile.mkdtemp(prefix="hp-bench-"))
    ok = False
    try:
        stock_dir = scratch / "stock" / "bot"
        if "stock" in profiles:
            print("training the stock `rasa init` bot ...", flush=True)
            results["micro"]["stock_init_seconds"] = round(servers.init_stock_bot(stock_dir), 1)
        for name in profiles:
            print(f"profile {name}", flush=True)
            if name == "embedded":
                with servers.embedded(scratch / "embedded") as running:
                    results["profiles"].append(load_profile(running, OUR_CONVERSATIONS, users, args.duration))
                    results["faults"][name] = faults.apology_times(running)
            elif name == "production":
                with servers.production(scratch / "production") as running:
                    results["profiles"].append(load_profile(running, OUR_CONVERSATIONS, users, args.duration))
                    results["shared_services"] = shared_services_memory()
                    results["takeover"] = faults.replica_takeover(running)
                    results["faults"][name] = faults.apology_times(running)
            elif name == "stock":
                with servers.stock(stock_dir) as running:
                    results["profiles"].append(load_profile(running, STOCK_CONVERSATIONS, users, args.duration))
            else:
                raise SystemExit(f"unknown profile {name!r}")
        print("micro-benchmarks ...", flush=True)
        results["micro"]["knowledge"] = micro.knowledge_build_and_lookups(scratch)
        stock_models = sorted((stock_dir / "models").glob("*.tar.gz")) if stock_dir.exists() else []
        results["micro"]["nlu"] = micro.nlu_parses(stock_models[-1] if stock_models else None)
        if not args.skip_train:
            print("timing one training run of our bot ...", flush=True)
            (scratch / "train").mkdir()
            results["micro"]["train_ours_seconds"] = round(micro.train_ours(scratch / "train"), 1)
        ok = True
    finally:
        if ok:
            shutil.rmtree(scratch, ignore_errors=True)
        else:
            print(f"logs kept in {scratch}", file=sys.stderr)
    results["verdicts"] = verdicts(results)
    (args.out / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    text = report(results)
    (args.out / "report.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
