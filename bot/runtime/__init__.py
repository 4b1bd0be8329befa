"""This bot's adjustments to Rasa's runtime, applied in one place at start-up.

`apply()` is the one entry point. `python -m bot.runtime <rasa command ...>` is Rasa's
own command line with `apply()` run from Rasa's `configure_commandline` plugin hook
(after Rasa has set up logging, before the command runs): `scripts/run.sh`,
`scripts/run_prod.sh`, `scripts/test_stories.sh`, the bench and the tests start Rasa
that way, so what is applied does not depend on which channels credentials.yml names.
`rasa shell` and `rasa test` get the same through `python -m bot.runtime shell|test`.

The adjustments (`bot/runtime/adjustments.py`; measured gains in docs/BENCHMARKS.md)
are written against Rasa 3.6.21. With another Rasa installed, `apply()` refuses to
start unless `RASA_RUNTIME_ADJUSTMENTS=off`, which runs Rasa's own runtime (and
DIET's TensorFlow prediction instead of `bot/nlu/diet.py`'s NumPy one). With 3.6.21,
an adjustment whose Rasa code is not as expected is left out with a warning and
Rasa's own path is used.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from bot.settings import RuntimeSettings, current_settings

logger = logging.getLogger(__name__)

PINNED_RASA = "3.6.21"
SWITCH = "RASA_RUNTIME_ADJUSTMENTS"  # "on" (default) or "off"


class RasaVersionMismatch(RuntimeError):
    pass


@dataclass(frozen=True)
class Applied:
    on: tuple[str, ...] = ()
    fell_back: dict[str, str] = field(default_factory=dict)  # name → why Rasa's own path is used
    action_timeout: float | None = None  # seconds; None: Rasa's own 300 s

    def describe(self) -> str:
        if not self.on and not self.fell_back:
            return f"Rasa runtime adjustments off ({SWITCH}=off): Rasa's own runtime"
        text = f"Rasa runtime adjustments on: {', '.join(self.on) or 'none'}"
        if self.action_timeout is not None and "action timeout" in self.on:
            text += f" (action-server calls time out after {self.action_timeout:g} s)"
        for name, why in self.fell_back.items():
            text += f"; {name}: Rasa's own path ({why})"
        return text


def enabled(runtime: RuntimeSettings | None = None) -> bool:
    """False when `RASA_RUNTIME_ADJUSTMENTS` is `off` (or 0/false/no)."""
    return (runtime or current_settings().runtime).adjustments


def check(runtime: RuntimeSettings | None = None, rasa_version: str | None = None) -> None:
    """Raise `RasaVersionMismatch` if `apply` would refuse; without `runtime`, this process's settings
    are read first: `SettingsError` (a ValueError naming the variable) if one is invalid."""
    runtime = runtime or current_settings().runtime
    if rasa_version is None:
        import rasa

        rasa_version = rasa.__version__
    if runtime.adjustments and rasa_version != PINNED_RASA:
        raise RasaVersionMismatch(
            f"Rasa {rasa_version} is installed, but this bot's runtime adjustments (bot/runtime/) are written "
            f"for Rasa {PINNED_RASA}. Install requirements.lock, or start with {SWITCH}=off to run Rasa's "
            f"own runtime.")


_last: Applied | None = None


def apply(runtime: RuntimeSettings | None = None, rasa_version: str | None = None) -> Applied:
    """Apply every adjustment whose Rasa code is as expected; log once what is on.

    Raises `RasaVersionMismatch` when the installed Rasa is not the pinned one and the
    adjustments are not switched off. Applying again changes nothing."""
    global _last
    runtime = runtime or current_settings().runtime
    check(runtime, rasa_version)
    applied = _apply_each(runtime.action_timeout) if runtime.adjustments else Applied()
    if applied != _last:
        (logger.warning if applied.fell_back else logger.info)(applied.describe())
        _last = applied
    return applied


def _apply_each(seconds: float) -> Applied:
    from bot.runtime.adjustments import ADJUSTMENTS

    on: list[str] = []
    fell_back: dict[str, str] = {}
    for adjustment in ADJUSTMENTS:
        try:
            why = adjustment.check()
            if why is None:
                adjustment.apply(seconds)
        except Exception as error:  # a mismatch inside one adjustment never stops the bot
            why = f"{type(error).__name__}: {error}"
        if why is None:
            on.append(adjustment.name)
        else:
            fell_back[adjustment.name] = why
    return Applied(tuple(on), fell_back, seconds)
