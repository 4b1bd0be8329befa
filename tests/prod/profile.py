"""Start scripts/run_prod.sh for real, on scratch databases and free ports, and stop it.

Everything the profile creates is private to one start: its own PostgreSQL databases
(dropped afterwards), its own Redis key prefix, its own run directory and ports. The
script runs in its own session; on the way out the whole process group is stopped,
test failure or not.
"""

from __future__ import annotations

import contextlib
import os
import random
import socket
import subprocess
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import redis
import sqlalchemy as sa

from scripts.bench.servers import stop as stop_group
from tests.pg import ADMIN_URL
from tests.pg import ensure_running as ensure_postgres
from tests.redis_server import HOST as REDIS_HOST
from tests.redis_server import PORT as REDIS_PORT
from tests.redis_server import ensure_running as ensure_redis

ROOT = Path(__file__).resolve().parents[2]
RUN_PROD = ROOT / "scripts" / "run_prod.sh"
REDIS_DB = 13
PG_CLUSTER = ["pg_ctlcluster", "--skip-systemctl-redirect",
              sorted(os.listdir("/etc/postgresql"))[0] if os.path.isdir("/etc/postgresql") else "15", "main"]


def _free(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_port_block(size: int) -> int:
    """The first of `size` consecutive free ports."""
    for _ in range(200):
        base = random.randint(20000, 40000)
        if all(_free(base + i) for i in range(size)):
            return base
    raise RuntimeError(f"no {size} consecutive free ports found")


@dataclass
class Profile:
    url: str  # nginx, the only public door
    rasa_ports: list[int]
    action_ports: list[int]
    run_dir: Path
    tracker_url: str
    env: dict[str, str]
    process: subprocess.Popen[bytes]

    @property
    def webhook(self) -> str:
        return f"{self.url}/webhooks/rest/webhook"

    def replica_webhook(self, index: int) -> str:
        return f"http://127.0.0.1:{self.rasa_ports[index]}/webhooks/rest/webhook"

    def pid(self, name: str) -> int:
        return int((self.run_dir / "pids" / f"{name}.pid").read_text())

    def log(self, name: str) -> str:
        """The log of one process (`rasa-<port>`, `actions-<port>`, `nginx-error`) or `run-prod`."""
        path = self.run_dir / ("run-prod.log" if name == "run-prod" else f"logs/{name}.log")
        return path.read_text(errors="replace") if path.exists() else ""

    def user_texts(self, sender: str, channel: str = "rest") -> list[str]:
        return [e for t, e in self.events(sender, channel) if t == "user"]

    def events(self, sender: str, channel: str = "rest") -> list[tuple[str, str]]:
        """(type, text or action name) of `sender`'s stored conversation on `channel`, in order."""
        import json

        engine = sa.create_engine(self.tracker_url, future=True)
        try:
            with engine.connect() as conn:
                rows = conn.execute(sa.text("SELECT type_name, data FROM events WHERE sender_id = :s ORDER BY id"),
                                    {"s": f"{channel}:{sender}"}).all()
        finally:
            engine.dispose()
        out = []
        for type_name, data in rows:
            event = json.loads(data)
            out.append((type_name, event.get("text") or event.get("name") or ""))
        return out


def _wait_ready(process: subprocess.Popen[bytes], log: Path, url: str, timeout: float) -> None:
    from urllib.request import urlopen

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"run_prod.sh exited with {process.returncode}:\n{log.read_text(errors='replace')[-4000:]}")
        if "run-prod: ready" in log.read_text(errors="replace"):
            with urlopen(url, timeout=5):
                return
        time.sleep(1)
    raise RuntimeError(f"run_prod.sh not ready within {timeout}s:\n{log.read_text(errors='replace')[-4000:]}")


def scratch_names() -> dict[str, str]:
    tag = uuid.uuid4().hex[:8]
    return {"knowledge": f"hp_test_kb_{tag}", "tracker": f"hp_test_tracker_{tag}",
            "feedback": f"hp_test_feedback_{tag}", "redis_prefix": f"t{tag}"}


def profile_env(run_dir: Path, names: dict[str, str], rasa_replicas: int = 2, action_replicas: int = 2,
                **extra: str) -> tuple[dict[str, str], dict[str, int]]:
    admin = sa.engine.make_url(ADMIN_URL)
    ports = {"public": free_port_block(2), "rasa": free_port_block(rasa_replicas),
             "actions": free_port_block(action_replicas)}
    env = {
        **os.environ,
        "RASA_REPLICAS": str(rasa_replicas), "ACTION_REPLICAS": str(action_replicas),
        "PROD_PORT": str(ports["public"]), "ACTION_PROXY_PORT": str(ports["public"] + 1),
        "RASA_BASE_PORT": str(ports["rasa"]), "ACTION_BASE_PORT": str(ports["actions"]),
        "PROD_RUN_DIR": str(run_dir),
        "KNOWLEDGE_DB_URL": admin.set(database=names["knowledge"]).render_as_string(hide_password=False),
        "FEEDBACK_DB_URL": admin.set(database=names["feedback"]).render_as_string(hide_password=False),
        "TRACKER_DB_NAME": names["tracker"],
        "REDIS_DB": str(REDIS_DB), "REDIS_KEY_PREFIX": names["redis_prefix"],
        "FEEDBACK_SALT": f"test-salt-{names['feedback']}",
        **extra,
    }
    env.pop("KNOWLEDGE_REBUILD", None)
    return env, ports


def drop_scratch(names: dict[str, str]) -> None:
    ensure_postgres()
    admin = sa.create_engine(ADMIN_URL, future=True, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            for role in ("knowledge", "tracker", "feedback"):
                conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{names[role]}" WITH (FORCE)'))
    finally:
        admin.dispose()
    with contextlib.suppress(redis.RedisError):
        client = redis.Redis(host=REDIS_HOST, port=REDIS_PORT, db=REDIS_DB)
        for key in client.scan_iter(f"{names['redis_prefix']}:*"):
            client.delete(key)


@contextmanager
def running_profile(run_dir: Path, rasa_replicas: int = 2, action_replicas: int = 2,
                    start_timeout: float = 420, **extra: str) -> Iterator[Profile]:
    ensure_postgres()
    ensure_redis()
    names = scratch_names()
    env, ports = profile_env(run_dir, names, rasa_replicas, action_replicas, **extra)
    run_dir.mkdir(parents=True, exist_ok=True)
    log = run_dir / "run-prod.log"
    with log.open("wb") as out:
        process = subprocess.Popen([str(RUN_PROD)], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    url = f"http://127.0.0.1:{ports['public']}"
    try:
        _wait_ready(process, log, f"{url}/webhooks/rest/", start_timeout)
        yield Profile(
            url=url,
            rasa_ports=[ports["rasa"] + i for i in range(rasa_replicas)],
            action_ports=[ports["actions"] + i for i in range(action_replicas)],
            run_dir=run_dir,
            tracker_url=sa.engine.make_url(ADMIN_URL).set(database=names["tracker"]).render_as_string(hide_password=False),
            env=env,
            process=process,
        )
    finally:
        stop_group(process, grace=60)  # SIGTERM to the script (it stops its children), then SIGKILL
        drop_scratch(names)


def postgres(action: str) -> None:
    """stop | start | restart the local cluster; start and restart wait until it answers.

    `start` on a running cluster is a no-op (pg_ctlcluster exits 2 for it)."""
    subprocess.run([*PG_CLUSTER, action], check=action != "start", capture_output=True, timeout=60)
    if action in ("start", "restart"):
        ensure_postgres(timeout=30)
