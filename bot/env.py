"""Numbers from the environment, with a clear error naming the variable."""

from __future__ import annotations

from collections.abc import Mapping


def env_number(env: Mapping[str, str], name: str, default: float, minimum: float) -> float:
    """`env[name]` as a number of at least `minimum`; unset or blank means `default`."""
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ValueError(f"{name} must be a number, got {raw!r}") from None
    if value < minimum:
        raise ValueError(f"{name} must be at least {minimum}, got {raw!r}")
    return value
