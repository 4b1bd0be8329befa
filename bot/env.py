"""Reading one variable of the environment: typed, checked, and an error that names it.

Blank counts as unset everywhere: `NAME=` in an env file means the default. Only the
settings modules (`bot/settings.py`, `deploy/settings.py`) call these; a value they
repeat in an error is never a secret (secrets are read with `text` and checked there).
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from rasa.shared.exceptions import RasaException

ON = ("on", "1", "true", "yes")
OFF = ("off", "0", "false", "no")


class SettingsError(RasaException, ValueError):
    """A variable of the environment is invalid or missing; the message names it.

    A RasaException, so that `rasa run` stops with the message instead of a traceback:
    a bad setting is a deployment mistake to fix, not a bug to debug."""


def text(env: Mapping[str, str], name: str) -> str | None:
    return env.get(name, "").strip() or None


def base_url(env: Mapping[str, str], name: str, default: str) -> str:
    """An API's base URL, without the trailing slash that paths are joined after."""
    return (text(env, name) or default).rstrip("/")


def number(env: Mapping[str, str], name: str, default: float, minimum: float, *, above: bool = False) -> float:
    """A finite number of at least `minimum` (more than it, when `above`)."""
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        value = math.nan  # refused below with the same message
    if not math.isfinite(value) or value < minimum or (above and value == minimum):
        bound = f"over {minimum:g}" if above else f"of at least {minimum:g}"
        raise SettingsError(f"{name} must be a number {bound}, got {raw!r}")
    return value


def whole(env: Mapping[str, str], name: str, default: int, minimum: int, maximum: int | None = None) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    value = int(raw) if raw.isascii() and raw.lstrip("-").isdigit() else None
    if value is None or value < minimum or (maximum is not None and value > maximum):
        bound = f"from {minimum} to {maximum}" if maximum is not None else f"of at least {minimum}"
        raise SettingsError(f"{name} must be a whole number {bound}, got {raw!r}")
    return value


def port(env: Mapping[str, str], name: str, default: int) -> int:
    return whole(env, name, default, 1, 65535)


def switch(env: Mapping[str, str], name: str, default: bool) -> bool:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    if raw.lower() in ON + OFF:
        return raw.lower() in ON
    raise SettingsError(f"{name} must be on or off, got {raw!r}")
