"""How many examples a property test tries: all of them in `make test`, a quarter in `make test-fast`.

`make test-fast` sets TEST_TIER=fast: the edit loop runs every property, on fewer inputs."""

from __future__ import annotations

import os


def examples(full: int) -> int:
    if os.environ.get("TEST_TIER") == "fast":
        return max(20, full // 4)
    return full
