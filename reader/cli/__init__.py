"""The `reader` command: `reader clean …`, `reader keywords …`, or the app.

Dispatch is by the first argument so `reader page.html` (open in the app) and
`reader clean page.html` (print) both work.  Each subcommand lives in its own module
and is imported only when used, so `reader clean` never imports Textual or jieba.
"""
from __future__ import annotations

import signal
import sys

from reader import _quiet_interrupt
from reader.cli.common import UsageError, report

SUBCOMMANDS = {
    "clean": "reader.cli.clean",
    "keywords": "reader.cli.keywords",
}


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if signal.getsignal(signal.SIGINT) is _quiet_interrupt:
        signal.signal(signal.SIGINT, signal.default_int_handler)  # from here on, KeyboardInterrupt -> 130
    try:
        if args and args[0] in SUBCOMMANDS:
            import importlib

            module = importlib.import_module(SUBCOMMANDS[args[0]])
            return module.run(args[1:])
        from reader.cli import open_app

        return open_app.run(args)
    except UsageError as exc:
        report(str(exc))
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        from reader.cli.common import quiet_broken_pipe

        quiet_broken_pipe()
        return 0
