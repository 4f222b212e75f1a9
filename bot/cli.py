"""The ``newsbrief`` command: one parser, one subcommand module each.

Each subcommand module exposes ``add_parser(subparsers)`` which registers its
parser with ``set_defaults(handler=...)``; the handler returns an exit status.
Only the chosen subcommand's module is imported, so ``newsbrief summarize``
does not pay for loading the chat platforms' libraries (cold start).
Library errors are turned into a one-line message and a status here, in one place.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from bot.errors import BotError, ConfigError
from bot.exit_status import ExitStatus
from summarizer.errors import SummarizerError

#: name → (module, one-line help shown in ``newsbrief --help``)
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "summarize": ("bot.commands_summarize", "brief articles from URLs, files or stdin"),
    "run": ("bot.commands_run", "start the chat bot (console channel without chat credentials)"),
    "digest": ("bot.commands_digest", "print a digest of given sources or of a channel"),
}


def build_parser(argv: Sequence[str]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsbrief",
        description="Brief news articles: extractive summary plus who claims what.",
    )
    parser.add_argument("--config", help="a TOML settings file (also NEWSBRIEF_CONFIG)")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (module, summary) in SUBCOMMANDS.items():
        if name in argv:
            importlib.import_module(module).add_parser(subparsers)
        else:
            subparsers.add_parser(name, help=summary, add_help=False)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    args = build_parser(arguments).parse_args(arguments)
    try:
        return int(args.handler(args))
    except SummarizerError as error:
        print(f"newsbrief: {error.message}", file=sys.stderr)
        return ExitStatus.ERROR
    except ConfigError as error:
        print(f"newsbrief: {error.message}", file=sys.stderr)
        return ExitStatus.CONFIG
    except BotError as error:
        print(f"newsbrief: {error.message}", file=sys.stderr)
        return ExitStatus.ERROR
    except KeyboardInterrupt:
        return ExitStatus.INTERRUPTED
