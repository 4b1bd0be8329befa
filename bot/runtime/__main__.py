"""`python -m bot.runtime run|shell|test ...`: Rasa's command line with this bot's runtime.

The arguments are Rasa's own. `bot.runtime.apply()` runs from Rasa 3.6's
`configure_commandline` plugin hook: after Rasa has configured logging (so the line
saying what is on goes where Rasa's logs go), before the command starts.
"""

from __future__ import annotations

import argparse
import sys

import pluggy

hookimpl = pluggy.HookimplMarker("rasa")


class RuntimePlugin:
    @hookimpl
    def configure_commandline(self, cmdline_arguments: argparse.Namespace) -> None:
        import bot.runtime

        bot.runtime.apply()


def main(argv: list[str] | None = None) -> None:
    from rasa.__main__ import main as rasa_main
    from rasa.plugin import plugin_manager

    import bot.runtime

    try:  # before the command: a wrong Rasa or setting stops here, with the reason
        bot.runtime.check()
    except (bot.runtime.RasaVersionMismatch, ValueError) as error:
        sys.exit(f"bot.runtime: {error}")
    manager = plugin_manager()
    if not any(isinstance(plugin, RuntimePlugin) for plugin in manager.get_plugins()):
        manager.register(RuntimePlugin())
    sys.argv = ["rasa", *(sys.argv[1:] if argv is None else argv)]
    rasa_main()


if __name__ == "__main__":
    main()
