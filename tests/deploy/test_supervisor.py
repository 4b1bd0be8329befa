"""deploy/supervisor.py: a process that dies is started again, quickly the first time,
with growing delays when it keeps failing; a stop stops everything."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from deploy.supervisor import next_delay, parse_child

ROOT = Path(__file__).resolve().parents[2]
SLEEPER = f"{sys.executable} -c 'import time; time.sleep(600)'"


def test_the_delay_doubles_from_one_second_up_to_thirty() -> None:
    assert [next_delay(n) for n in range(1, 8)] == [1, 2, 4, 8, 16, 30, 30]


def test_commands_are_split_like_a_shell_would() -> None:
    child = parse_child("rasa=.venv/bin/rasa run --model 'models/my model.tar.gz'")
    assert (child.name, child.argv) == ("rasa", [".venv/bin/rasa", "run", "--model", "models/my model.tar.gz"])


def wait_for(condition: Callable[[], object], timeout: float = 20) -> object:
    deadline = time.monotonic() + timeout
    while not (found := condition()):
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)
    return found


def pid_of(run_dir: Path, name: str) -> int | None:
    try:
        return int((run_dir / "pids" / f"{name}.pid").read_text())
    except (OSError, ValueError):
        return None


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] != "Z"


def start(run_dir: Path, *specs: str, extra: tuple[str, ...] = ()) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "deploy.supervisor", "--run-dir", str(run_dir),
                             "--log-dir", str(run_dir / "logs"), "--grace", "5", *extra, *specs],
                            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, stderr=subprocess.PIPE)


def test_a_killed_process_is_started_again_and_the_others_are_left_alone(tmp_path: Path) -> None:
    supervisor = start(tmp_path, f"a={SLEEPER}", f"b={SLEEPER}", extra=("--initial-delay", "0.2"))
    try:
        first_a = wait_for(lambda: pid_of(tmp_path, "a"))
        first_b = wait_for(lambda: pid_of(tmp_path, "b"))
        assert isinstance(first_a, int) and isinstance(first_b, int)
        os.kill(first_a, signal.SIGKILL)
        second_a = wait_for(lambda: (p := pid_of(tmp_path, "a")) not in (None, first_a) and p)
        assert isinstance(second_a, int) and alive(second_a)
        assert pid_of(tmp_path, "b") == first_b and alive(first_b)
        assert oct((tmp_path / "logs" / "a.log").stat().st_mode & 0o777) == "0o600"
    finally:
        supervisor.send_signal(signal.SIGTERM)
        assert supervisor.wait(timeout=20) == 0
    assert not alive(second_a) and not alive(first_b)
    assert not (tmp_path / "pids" / "a.pid").exists()
    stderr = supervisor.stderr.read().decode() if supervisor.stderr else ""
    assert "a (pid" in stderr and "exited with status -9" in stderr and "restarting in 0.2 s" in stderr


def test_a_process_that_keeps_failing_waits_longer_each_time(tmp_path: Path) -> None:
    supervisor = start(tmp_path, "bad=sh -c 'exit 3'", extra=("--initial-delay", "0.05", "--max-delay", "0.4"))
    try:
        lines: list[str] = []
        assert supervisor.stderr is not None
        while len([line for line in lines if "restarting in" in line]) < 5:
            lines.append(supervisor.stderr.readline().decode())
    finally:
        supervisor.send_signal(signal.SIGTERM)
        supervisor.wait(timeout=20)
    delays = [line.rsplit("restarting in ", 1)[1].split()[0] for line in lines if "restarting in" in line]
    assert delays == ["0.1", "0.1", "0.2", "0.4", "0.4"]  # 0.05, 0.1, 0.2, then the cap (one decimal shown)


@pytest.mark.parametrize("spec", ["noequals", "=cmd", "a b=cmd", "name="])
def test_bad_specs_are_refused(spec: str) -> None:
    import argparse

    with pytest.raises(argparse.ArgumentTypeError):
        parse_child(spec)
