"""The three server sets the benchmark compares, each started, measured and stopped here.

* embedded: one action server and one Rasa server with the SQLite tracker store and
  the SQLite knowledge DB, as scripts/run.sh starts them;
* production: scripts/run_prod.sh (2 Rasa + 2 action servers behind nginx, PostgreSQL,
  Redis) on scratch databases, with nginx's per-address limit lifted (every simulated
  resident comes from 127.0.0.1);
* stock: `rasa init --no-prompt` in a temporary directory (trained by `rasa init`),
  served by `rasa run` with the defaults of that project (in-memory tracker store).

Every process is started in its own session and its whole group is stopped at the end.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.error import URLError
from urllib.request import urlopen

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = ROOT / ".venv" / "bin"
RASA = VENV_BIN / "rasa"
MODEL = ROOT / "models" / "hp-assistant.tar.gz"
PG_ADMIN_URL = os.environ.get("BENCH_POSTGRES_ADMIN_URL", "postgresql+psycopg2://postgres@127.0.0.1:5432/postgres")


def base_env(**extra: str) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "3",
            "SQLALCHEMY_SILENCE_UBER_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1", **extra}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def free_port_block(size: int) -> int:
    import random

    for _ in range(200):
        base = random.randint(20000, 40000)
        ok = True
        for port in range(base, base + size):
            with socket.socket() as sock:
                try:
                    sock.bind(("127.0.0.1", port))
                except OSError:
                    ok = False
                    break
        if ok:
            return base
    raise RuntimeError("no free port block")


def wait_http(url: str, process: subprocess.Popen[bytes], log: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url}: process exited early; log:\n{log.read_text(errors='replace')[-3000:]}")
        try:
            with urlopen(url, timeout=2):
                return
        except (URLError, OSError):
            time.sleep(0.25)
    raise RuntimeError(f"{url} did not answer within {timeout}s; log:\n{log.read_text(errors='replace')[-3000:]}")


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError, ValueError):
                stat = (entry / "stat").read_text()
                if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(entry.name))
    return found


def memory_mb(pid: int, with_children: bool = False) -> tuple[float, float]:
    """(current RSS, peak RSS) in MiB of a process, optionally with its children."""
    rss = peak = 0.0
    for one in [pid, *(children(pid) if with_children else [])]:
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{one}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    rss += int(line.split()[1]) / 1024
                elif line.startswith("VmHWM:"):
                    peak += int(line.split()[1]) / 1024
    return round(rss, 1), round(peak, 1)


def cpu_seconds(pid: int, with_children: bool = False) -> float:
    """User + system CPU time a process (optionally with its children) has used so far."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for one in [pid, *(children(pid) if with_children else [])]:
        with contextlib.suppress(OSError, IndexError, ValueError):
            fields = Path(f"/proc/{one}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
    return total


def processes_named(name: str) -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                if (entry / "comm").read_text().strip() == name:
                    pids.append(int(entry.name))
    return pids


def stop(process: subprocess.Popen[bytes], grace: float = 30) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=grace)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=10)


@dataclass
class ServerSet:
    name: str
    url: str  # the REST webhook residents post to
    ready_seconds: float  # from start to answering (model load included)
    processes: dict[str, int] = field(default_factory=dict)  # label -> pid
    notes: list[str] = field(default_factory=list)
    lock_keys: tuple[int, str] | None = None  # Redis db and key prefix of the conversations' locks

    def memory(self) -> dict[str, tuple[float, float]]:
        return {label: memory_mb(pid, with_children=label.startswith("nginx")) for label, pid in self.processes.items()}

    def cpu(self) -> dict[str, float]:
        """CPU seconds used so far by each process, and by the shared services."""
        used = {label: cpu_seconds(pid, with_children=label.startswith("nginx")) for label, pid in self.processes.items()}
        if self.name == "production":
            used["PostgreSQL (all processes)"] = sum(cpu_seconds(pid) for pid in processes_named("postgres"))
            used["Redis"] = sum(cpu_seconds(pid) for pid in processes_named("redis-server"))
        return used


def _spawn(command: list[str], log: Path, cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    with log.open("wb") as out:
        return subprocess.Popen(command, cwd=cwd, env=env or base_env(), stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)


@contextmanager
def embedded(workdir: Path) -> Iterator[ServerSet]:
    workdir.mkdir(parents=True, exist_ok=True)
    actions_port, rasa_port = free_port(), free_port()
    env = base_env(ACTION_ENDPOINT_URL=f"http://127.0.0.1:{actions_port}/webhook", ACTION_SERVER_TOKEN=uuid.uuid4().hex,
                   # every simulated resident comes from 127.0.0.1
                   RATE_LIMIT_PER_ADDRESS_PER_MINUTE="1000000", RATE_LIMIT_PER_ADDRESS_BURST="100000",
                   TRACKER_DB_PATH=str(workdir / "tracker.db"),
                   FEEDBACK_DB_URL=f"sqlite:///{workdir / 'feedback.db'}",
                   KNOWLEDGE_DB_URL=f"sqlite:///{ROOT / 'build' / 'knowledge.db'}")
    started = time.monotonic()
    actions = _spawn([str(VENV_BIN / "python"), "-m", "bot.action_server", "--port", str(actions_port)],
                     workdir / "actions.log", env=env)
    rasa = _spawn([str(VENV_BIN / "python"), "-m", "bot.runtime", "run", "--model", str(MODEL), "-i", "127.0.0.1",
                   "--port", str(rasa_port), "--credentials", str(ROOT / "credentials.yml"), "--endpoints", str(ROOT / "endpoints.yml")],
                  workdir / "rasa.log", env=env)
    try:
        wait_http(f"http://127.0.0.1:{actions_port}/health", actions, workdir / "actions.log", 120)
        wait_http(f"http://127.0.0.1:{rasa_port}/webhooks/rest/", rasa, workdir / "rasa.log", 300)
        yield ServerSet("embedded", f"http://127.0.0.1:{rasa_port}/webhooks/rest/webhook", time.monotonic() - started,
                        {"rasa": rasa.pid, "action server": actions.pid})
    finally:
        stop(rasa)
        stop(actions)


@contextmanager
def production(workdir: Path) -> Iterator[ServerSet]:
    import sqlalchemy as sa

    workdir.mkdir(parents=True, exist_ok=True)
    tag = uuid.uuid4().hex[:8]
    admin = sa.engine.make_url(PG_ADMIN_URL)
    names = {"knowledge": f"hp_bench_kb_{tag}", "tracker": f"hp_bench_tracker_{tag}", "feedback": f"hp_bench_fb_{tag}"}
    public, rasa_base, actions_base = free_port_block(2), free_port_block(2), free_port_block(2)
    env = base_env(
        PROD_PORT=str(public), ACTION_PROXY_PORT=str(public + 1), RASA_BASE_PORT=str(rasa_base),
        ACTION_BASE_PORT=str(actions_base), PROD_RUN_DIR=str(workdir / "run"),
        KNOWLEDGE_DB_URL=admin.set(database=names["knowledge"]).render_as_string(hide_password=False),
        FEEDBACK_DB_URL=admin.set(database=names["feedback"]).render_as_string(hide_password=False),
        TRACKER_DB_NAME=names["tracker"], REDIS_DB="12", REDIS_KEY_PREFIX=f"b{tag}", FEEDBACK_SALT=uuid.uuid4().hex,
        NGINX_RATE_PER_IP="100000r/s", NGINX_BURST_PER_IP="100000", NGINX_CONN_PER_IP="65535", NGINX_MAX_CONN="65535",
        RATE_LIMIT_PER_ADDRESS_PER_MINUTE="1000000", RATE_LIMIT_PER_ADDRESS_BURST="100000",
    )
    env.pop("KNOWLEDGE_REBUILD", None)
    log = workdir / "run-prod.log"
    started = time.monotonic()
    script = _spawn([str(ROOT / "scripts" / "run_prod.sh")], log, env=env)
    try:
        deadline = time.monotonic() + 420
        while "run-prod: ready" not in log.read_text(errors="replace"):
            if script.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"run_prod.sh did not start:\n{log.read_text(errors='replace')[-3000:]}")
            time.sleep(0.5)
        ready = time.monotonic() - started
        pids = {p.stem: int(p.read_text()) for p in sorted((workdir / "run" / "pids").glob("*.pid"))}
        processes = {name.replace("-", " :", 1) if name != "nginx" else "nginx (master + worker)": pid
                     for name, pid in pids.items()}
        yield ServerSet("production", f"http://127.0.0.1:{public}/webhooks/rest/webhook", ready, processes,
                        ["start-up includes building the knowledge DB in a new PostgreSQL database"],
                        (int(env["REDIS_DB"]), env["REDIS_KEY_PREFIX"]))
    finally:
        stop(script, grace=60)
        engine = sa.create_engine(PG_ADMIN_URL, future=True, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            for name in names.values():
                conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()
        with contextlib.suppress(Exception):
            import redis

            client = redis.Redis(host="127.0.0.1", port=6379, db=12)
            for key in client.scan_iter(f"b{tag}:*"):
                client.delete(key)


def init_stock_bot(directory: Path) -> float:
    """`rasa init --no-prompt` (scaffold + train the default model); seconds taken."""
    directory.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    subprocess.run([str(RASA), "init", "--no-prompt", "--init-dir", str(directory)], cwd=directory, env=base_env(),
                   check=True, stdout=(directory.parent / "stock-init.log").open("wb"), stderr=subprocess.STDOUT,
                   timeout=1800)
    return time.monotonic() - started


@contextmanager
def stock(directory: Path) -> Iterator[ServerSet]:
    port = free_port()
    models = sorted((directory / "models").glob("*.tar.gz"))
    if not models:
        raise RuntimeError(f"no trained model in {directory / 'models'}")
    started = time.monotonic()
    rasa = _spawn([str(RASA), "run", "--model", str(models[-1]), "-i", "127.0.0.1", "--port", str(port),
                   "--credentials", "credentials.yml", "--endpoints", "endpoints.yml"],
                  directory.parent / "stock-rasa.log", cwd=directory)
    try:
        wait_http(f"http://127.0.0.1:{port}/webhooks/rest/", rasa, directory.parent / "stock-rasa.log", 300)
        yield ServerSet("stock rasa init", f"http://127.0.0.1:{port}/webhooks/rest/webhook",
                        time.monotonic() - started, {"rasa": rasa.pid},
                        ["default config.yml of `rasa init` (DIET, TED, Memoization, Rule), in-memory tracker store"])
    finally:
        stop(rasa)
