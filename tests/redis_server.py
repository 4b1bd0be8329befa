"""The local Redis server for tests: started if it is down."""

from __future__ import annotations

import subprocess
import time

import redis

HOST, PORT = "127.0.0.1", 6379
START_COMMAND = ["redis-server", "--daemonize", "yes", "--bind", HOST, "--port", str(PORT),
                 "--save", "", "--appendonly", "no"]


def _reachable() -> bool:
    try:
        return bool(redis.Redis(host=HOST, port=PORT, socket_timeout=1).ping())
    except redis.RedisError:
        return False


def ensure_running(timeout: float = 15.0) -> None:
    if _reachable():
        return
    subprocess.run(START_COMMAND, check=False, capture_output=True)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if _reachable():
            return
        time.sleep(0.2)
    raise RuntimeError(f"Redis is not reachable at {HOST}:{PORT} and `{' '.join(START_COMMAND)}` did not start it")
