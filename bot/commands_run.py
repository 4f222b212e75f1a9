"""``newsbrief run``: start the chat adapters that have credentials, else the console channel."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
import sys
from collections.abc import Mapping
from typing import Any, TextIO

from bot.adapters import ADAPTERS, EXTENSIONS, AdapterContext, ChatAdapter, Extension
from bot.config import load_settings
from bot.console import ConsoleChannel
from bot.errors import BotError, ConfigError
from bot.exit_status import ExitStatus
from bot.runtime import Runtime, freeze_startup_objects, open_runtime

log = logging.getLogger(__name__)
#: Libraries that log every request or migration step at INFO.
QUIET_LOGGERS = ("httpx", "httpcore", "alembic", "apscheduler")


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "run",
        help="start the chat bot (the console channel when no chat platform is configured)",
        description=(
            "Start the adapters whose credentials are set in the environment. With none, "
            "read chat messages from stdin (channel 'console') and print the replies."
        ),
    )
    for spec in ADAPTERS:
        spec.add_arguments(parser)
    parser.set_defaults(handler=run)


def run(
    args: argparse.Namespace,
    stdin: TextIO = sys.stdin,
    stdout: TextIO = sys.stdout,
    environ: Mapping[str, str] = os.environ,
) -> int:
    try:
        settings = load_settings(args.config, environ)
        configure_logging(settings.log_level)
        with open_runtime(settings) as runtime:
            asyncio.run(serve(runtime, args, environ, stdin, stdout))
    except BotError as error:
        print(f"newsbrief: {error.message}", file=sys.stderr)
        return ExitStatus.CONFIG if isinstance(error, ConfigError) else ExitStatus.ERROR
    return ExitStatus.OK


def configure_logging(level: str) -> None:
    """Log to stderr, so the console channel's stdout carries only replies."""
    logging.basicConfig(
        level=level.upper(),
        stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)


async def serve(
    runtime: Runtime,
    args: argparse.Namespace,
    environ: Mapping[str, str],
    stdin: TextIO,
    stdout: TextIO,
) -> None:
    """Run until every adapter returns (the console at end of input) or SIGTERM."""
    _stop_on_sigterm(asyncio.current_task())
    extensions = [spec.create(runtime) for spec in EXTENSIONS]
    service = runtime.service([command for ext in extensions for command in ext.commands])
    context = AdapterContext(service, runtime, args, environ)
    adapters: list[ChatAdapter] = [
        spec.create(context) for spec in ADAPTERS if spec.is_configured(runtime.settings, args)
    ]
    if not adapters:
        adapters = [ConsoleChannel(service, stdin=stdin, stdout=stdout)]
    freeze_startup_objects()
    log.info("started: %s", ", ".join(adapter.platform for adapter in adapters))
    try:
        await _run_all(adapters, extensions)
    except asyncio.CancelledError:
        log.info("stopping")


async def _run_all(adapters: list[ChatAdapter], extensions: list[Extension]) -> None:
    by_platform = {adapter.platform: adapter for adapter in adapters}
    background = [asyncio.create_task(ext.run(by_platform)) for ext in extensions]
    try:
        await asyncio.gather(*(adapter.run() for adapter in adapters))
    finally:
        for task in background:
            task.cancel()
        await asyncio.gather(*background, return_exceptions=True)


def _stop_on_sigterm(task: asyncio.Task[Any] | None) -> None:
    if task is None or not hasattr(signal, "SIGTERM"):
        return
    try:
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, task.cancel)
    except (NotImplementedError, RuntimeError):  # not on this platform / not the main thread
        return
