"""Keep the bot's processes running: each one that dies is started again, with back-off.

    python -m deploy.supervisor --run-dir DIR [--log-dir DIR] NAME='COMMAND ARGS' ...

Used by `scripts/run.sh` (action server, chat page, Rasa) and `scripts/run_prod.sh`
(every action server, Rasa replica and nginx). Without it a crash was an outage: after
the action server died every answer was the apology until someone restarted `make run`.

* Each COMMAND (split like a shell would, `shlex`) runs in this process group; its pid
  is written to `DIR/pids/NAME.pid` at every start, so tools and tests find the current one.
* A process that exits while the supervisor runs is started again after a delay that
  doubles with each quick failure (`INITIAL_DELAY` 1 s … `MAX_DELAY` 30 s) and goes back
  to the first step once a run lasted `STABLE_AFTER` seconds: a crash costs about a
  second, a process that cannot start does not spin.
* Output goes to `LOG_DIR/NAME.log` (appended, created 0600: it may name residents'
  senders) when `--log-dir` is given, else to the supervisor's own output.
* SIGTERM or SIGINT stops every process (SIGTERM, then SIGKILL after `--grace` s) and
  exits 0; nothing is restarted from then on.
"""

from __future__ import annotations

import argparse
import os
import shlex
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import IO

INITIAL_DELAY = 1.0
MAX_DELAY = 30.0
STABLE_AFTER = 60.0
POLL = 0.1


def next_delay(failures: int, initial: float = INITIAL_DELAY, maximum: float = MAX_DELAY) -> float:
    """Seconds to wait before the start after `failures` quick failures in a row (1 = the first)."""
    return min(maximum, initial * 2 ** max(0, failures - 1))


@dataclass
class Child:
    name: str
    argv: list[str]
    process: subprocess.Popen[bytes] | None = None
    started_at: float = 0.0
    failures: int = 0
    restart_at: float | None = None
    log: IO[bytes] | None = field(default=None, repr=False)


class Supervisor:
    def __init__(self, children: list[Child], run_dir: Path, log_dir: Path | None = None, grace: float = 20.0,
                 initial: float = INITIAL_DELAY, maximum: float = MAX_DELAY, stable_after: float = STABLE_AFTER) -> None:
        self.children = children
        self.pid_dir = run_dir / "pids"
        self.log_dir = log_dir
        self.grace = grace
        self.initial, self.maximum, self.stable_after = initial, maximum, stable_after
        self.stopping = False

    def say(self, text: str) -> None:
        print(f"supervisor: {text}", file=sys.stderr, flush=True)

    def start(self, child: Child) -> None:
        output: IO[bytes] | None = None
        if self.log_dir is not None:
            if child.log is None:
                path = self.log_dir / f"{child.name}.log"
                child.log = os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600), "ab", buffering=0)
                os.chmod(path, 0o600)
            output = child.log
        child.process = subprocess.Popen(child.argv, stdout=output, stderr=subprocess.STDOUT if output else None)
        child.started_at = time.monotonic()
        child.restart_at = None
        pid_file = self.pid_dir / f"{child.name}.pid"
        pid_file.write_text(f"{child.process.pid}\n")

    def check(self, child: Child, now: float) -> None:
        """Notice a death and schedule the restart; start it when its time has come."""
        if child.process is not None:
            status = child.process.poll()
            if status is None:
                return
            ran = now - child.started_at
            child.failures = 1 if ran >= self.stable_after else child.failures + 1
            delay = next_delay(child.failures, self.initial, self.maximum)
            self.say(f"{child.name} (pid {child.process.pid}) exited with status {status} after {ran:.0f} s; "
                     f"restarting in {delay:.1f} s")
            child.process = None
            child.restart_at = now + delay
        if child.restart_at is not None and now >= child.restart_at and not self.stopping:
            self.start(child)
            self.say(f"{child.name} restarted (pid {child.process.pid if child.process else '?'})")

    def stop(self, *_: object) -> None:
        self.stopping = True

    def run(self) -> int:
        self.pid_dir.mkdir(parents=True, exist_ok=True)
        if self.log_dir is not None:
            self.log_dir.mkdir(parents=True, exist_ok=True)

        def on_signal(signum: int, frame: FrameType | None) -> None:
            self.stop()

        signal.signal(signal.SIGTERM, on_signal)
        signal.signal(signal.SIGINT, on_signal)
        for child in self.children:
            self.start(child)
        while not self.stopping:
            now = time.monotonic()
            for child in self.children:
                self.check(child, now)
            time.sleep(POLL)
        self.shutdown()
        return 0

    def shutdown(self) -> None:
        running = [c.process for c in self.children if c.process is not None and c.process.poll() is None]
        for process in running:
            process.terminate()
        deadline = time.monotonic() + self.grace
        for process in running:
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        for child in self.children:
            (self.pid_dir / f"{child.name}.pid").unlink(missing_ok=True)
            if child.log is not None:
                child.log.close()


def parse_child(spec: str) -> Child:
    name, sep, command = spec.partition("=")
    if not sep or not name.replace("-", "").replace("_", "").isalnum() or not command.strip():
        raise argparse.ArgumentTypeError(f"expected NAME=COMMAND, got {spec!r}")
    return Child(name, shlex.split(command))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m deploy.supervisor", description=__doc__.splitlines()[0])
    parser.add_argument("--run-dir", type=Path, required=True, help="pid files go to RUN_DIR/pids")
    parser.add_argument("--log-dir", type=Path, default=None, help="one NAME.log per process (default: this output)")
    parser.add_argument("--grace", type=float, default=20.0, help="seconds between SIGTERM and SIGKILL at stop")
    parser.add_argument("--initial-delay", type=float, default=INITIAL_DELAY)
    parser.add_argument("--max-delay", type=float, default=MAX_DELAY)
    parser.add_argument("--stable-after", type=float, default=STABLE_AFTER)
    parser.add_argument("processes", nargs="+", type=parse_child, metavar="NAME=COMMAND")
    args = parser.parse_args(argv)
    names = [c.name for c in args.processes]
    if len(set(names)) != len(names):
        parser.error("process names must be unique")
    supervisor = Supervisor(args.processes, args.run_dir, args.log_dir, args.grace, args.initial_delay,
                            args.max_delay, args.stable_after)
    return supervisor.run()


if __name__ == "__main__":
    sys.exit(main())
