"""Start the real bot (action server + Rasa with the REST channel) for end-to-end tests."""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.error import URLError
from urllib.request import urlopen

ROOT = Path(__file__).resolve().parents[2]
PYTHON = ROOT / ".venv" / "bin" / "python"
MODEL = ROOT / "models" / "hp-assistant.tar.gz"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(url: str, process: subprocess.Popen[bytes], timeout: float, log: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url} exited early; log:\n{log.read_text(errors='replace')[-3000:]}")
        try:
            with urlopen(url, timeout=2):
                return
        except (URLError, OSError):
            time.sleep(0.5)
    raise RuntimeError(f"{url} did not come up in {timeout}s; log:\n{log.read_text(errors='replace')[-3000:]}")


@dataclass(frozen=True)
class Bot:
    rest_url: str
    actions_url: str
    workdir: Path


@contextmanager
def running_bot(workdir: Path, knowledge_url: str, extra_env: dict[str, str] | None = None,
                endpoints: str | None = None) -> Iterator[Bot]:
    if not MODEL.exists():
        raise RuntimeError(f"{MODEL} is missing: run `make train` first")
    actions_port, rasa_port = free_port(), free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "KNOWLEDGE_DB_URL": knowledge_url,
           "ACTION_ENDPOINT_URL": f"http://127.0.0.1:{actions_port}/webhook",
           "ACTION_SERVER_TOKEN": secrets.token_urlsafe(24),
           # every test client is 127.0.0.1: the per-address limit is tested on its own
           "RATE_LIMIT_PER_ADDRESS_PER_MINUTE": "1000000", "RATE_LIMIT_PER_ADDRESS_BURST": "100000",
           "TRACKER_DB_PATH": str(workdir / "tracker.db"),
           "FEEDBACK_DB_URL": f"sqlite:///{workdir / 'feedback.db'}", "RASA_TELEMETRY_ENABLED": "false",
           "TF_CPP_MIN_LOG_LEVEL": "3", **(extra_env or {})}
    endpoints_file = ROOT / "endpoints.yml"  # the embedded profile's own, unless a test brings one
    if endpoints is not None:
        endpoints_file = workdir / "endpoints.yml"
        endpoints_file.write_text(endpoints, encoding="utf-8")
    actions_log, rasa_log = workdir / "actions.log", workdir / "rasa.log"
    with actions_log.open("wb") as a_out, rasa_log.open("wb") as r_out:
        actions = subprocess.Popen([str(PYTHON), "-m", "bot.action_server", "--port", str(actions_port)],
                                   cwd=ROOT, env=env, stdout=a_out, stderr=subprocess.STDOUT)
        rasa = subprocess.Popen([str(PYTHON), "-m", "bot.runtime", "run", "--model", str(MODEL), "--port", str(rasa_port),
                                 "--endpoints", str(endpoints_file), "--credentials", str(ROOT / "credentials.yml"),
                                 "-i", "127.0.0.1"],
                                cwd=ROOT, env=env, stdout=r_out, stderr=subprocess.STDOUT)
        try:
            wait_for(f"http://127.0.0.1:{actions_port}/health", actions, 90, actions_log)
            wait_for(f"http://127.0.0.1:{rasa_port}/", rasa, 240, rasa_log)
            yield Bot(f"http://127.0.0.1:{rasa_port}/webhooks/rest/webhook",
                      f"http://127.0.0.1:{actions_port}", workdir)
        finally:
            for process in (rasa, actions):
                process.terminate()
            for process in (rasa, actions):
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    process.kill()


def listening_hosts(port: int) -> set[str]:
    """The local addresses something listens on at `port` (/proc/net/tcp and tcp6)."""
    names = {"00000000": "0.0.0.0", "0100007F": "127.0.0.1", "0" * 32: "::", "0" * 24 + "01000000": "::1"}
    hosts = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table) as rows:
            for row in list(rows)[1:]:
                local, state = row.split()[1], row.split()[3]
                address, _, hex_port = local.partition(":")
                if state == "0A" and int(hex_port, 16) == port:
                    hosts.add(names.get(address, address))
    return hosts
