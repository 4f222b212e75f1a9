"""The ``newsbrief`` command: one parser, one subcommand module each.

Each subcommand module exposes ``add_parser(subparsers)`` which registers its
parser with ``set_defaults(handler=...)``; the handler returns an exit status.
Library errors are turned into a one-line message and a status here, in one place.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from types import ModuleType

from bot import commands_digest, commands_run, commands_summarize
from bot.errors import ConfigError
from bot.exit_status import ExitStatus
from summarizer.errors import SummarizerError

SUBCOMMANDS: tuple[ModuleType, ...] = (commands_summarize, commands_run, commands_digest)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsbrief",
        description="Brief news articles: extractive summary plus who claims what.",
    )
    parser.add_argument("--config", help="a TOML settings file (also NEWSBRIEF_CONFIG)")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in SUBCOMMANDS:
        module.add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.handler(args))
    except SummarizerError as error:
        print(f"newsbrief: {error.message}", file=sys.stderr)
        return ExitStatus.ERROR
    except ConfigError as error:
        print(f"newsbrief: {error.message}", file=sys.stderr)
        return ExitStatus.CONFIG
    except KeyboardInterrupt:
        return ExitStatus.INTERRUPTED
