"""The registry `newsbrief run` starts from: chat adapters and extensions.

To add a chat platform, give its package an :class:`AdapterSpec` and add it to
:data:`ADAPTERS`; to add commands and background work (digests), an
:class:`ExtensionSpec` to :data:`EXTENSIONS`. Keep heavy imports (slack_bolt,
discord) inside ``create`` so a console run does not pay for them.

Order of start: the runtime, then every extension (their commands go into the
service), then the service, then the configured adapters (the console channel
when none is), then the extensions' background work with the running adapters.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from bot import discord_app, slack_app
from bot.command_runner import CommandExtension
from bot.config import Settings
from bot.replies import Reply
from bot.runtime import Runtime
from bot.service import BriefingService


class ChatAdapter(Protocol):
    platform: str  # the ChatEvent.platform of its events

    async def run(self) -> None:
        """Translate events to ``service.handle`` until stopped (cancelled) or, for the
        console, until its input ends."""

    async def send(self, channel: str, reply: Reply) -> str | None:
        """Post ``reply`` in ``channel`` unprompted (a digest); returns its reference."""


@dataclass(frozen=True)
class AdapterContext:
    service: BriefingService
    runtime: Runtime
    args: argparse.Namespace  # the `newsbrief run` arguments, the adapter's own included
    environ: Mapping[str, str]


@dataclass(frozen=True)
class AdapterSpec:
    name: str
    #: Adds the adapter's own `newsbrief run` options (e.g. --slack-mode).
    add_arguments: Callable[[argparse.ArgumentParser], None]
    #: True when its credentials are set (e.g. DISCORD_TOKEN in ``settings.secrets``).
    is_configured: Callable[[Settings, argparse.Namespace], bool]
    create: Callable[[AdapterContext], ChatAdapter]


class Extension(Protocol):
    commands: Sequence[CommandExtension]

    async def run(self, adapters: Mapping[str, ChatAdapter]) -> None:
        """Background work (schedules, feed polling) until cancelled; ``adapters`` by
        platform, for posting with ``send``."""


@dataclass(frozen=True)
class ExtensionSpec:
    name: str
    create: Callable[[Runtime], Extension]


#: Chat platforms, started when configured. Add yours here.
ADAPTERS: tuple[AdapterSpec, ...] = (
    AdapterSpec("slack", slack_app.add_arguments, slack_app.is_configured, slack_app.create),
    AdapterSpec(
        "discord", discord_app.add_arguments, discord_app.is_configured, discord_app.create
    ),
)


def _create_digest(runtime: Runtime) -> Extension:
    from bot.digest.app import create  # imported late: bot.digest.app imports this module

    return create(runtime)


#: Command families and background work, always started. Add yours here.
EXTENSIONS: tuple[ExtensionSpec, ...] = (ExtensionSpec("digest", _create_digest),)
