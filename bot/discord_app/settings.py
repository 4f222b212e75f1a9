"""The Discord adapter's settings: the [discord] section plus two environment variables.

Imports nothing of discord.py, so `newsbrief run` can check them without loading it.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from dataclasses import dataclass, field

from bot.config import Settings
from bot.errors import ConfigError

TOKEN_ENV = "DISCORD_TOKEN"
GUILD_ENV = "DISCORD_GUILD_ID"


@dataclass(frozen=True)
class DiscordSettings:
    token: str = field(repr=False)
    #: Sync commands to this server only (instant); None: globally.
    guild_id: int | None = None
    #: Read links and attachments in channel messages (privileged intent).
    message_content: bool = False


def discord_settings(settings: Settings, environ: Mapping[str, str]) -> DiscordSettings | None:
    """The adapter's settings, or None when DISCORD_TOKEN is unset (adapter off)."""
    token = settings.secret(TOKEN_ENV)
    if not token:
        return None
    section = settings.section("discord")
    return DiscordSettings(
        token=token,
        guild_id=guild_id(environ.get(GUILD_ENV, "")),
        message_content=bool(section.get("message_content", False)),
    )


def guild_id(text: str) -> int | None:
    text = text.strip()
    if not text:
        return None
    if not text.isdigit():
        raise ConfigError(f"{GUILD_ENV} must be a server ID (a number), got {text!r}")
    return int(text)


def is_configured(settings: Settings, args: argparse.Namespace) -> bool:
    return bool(settings.secret(TOKEN_ENV))


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The Discord adapter has no `newsbrief run` options: it is all environment and config."""
