"""Slash commands and the "Summarize" message menu, each a thin call into the service.

Every callback defers first: Discord drops an interaction not answered within
3 seconds, and fetching plus NLP can take longer. The command's options are
passed on as the command's text (``/newsbrief settings auto off``); the service
parses it, so the grammar is the same on every platform.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Collection, Mapping
from typing import Any

import discord
from discord import app_commands

from bot.discord_app.posting import InteractionPoster
from bot.discord_app.translate import command_event, command_text, request_event
from bot.events import ChatEvent
from bot.replies import Poster

log = logging.getLogger(__name__)

#: The service's entry point: handle one event, posting replies through the poster.
Handler = Callable[[ChatEvent, Poster], Awaitable[None]]
AppCommand = app_commands.Command[Any, ..., None] | app_commands.ContextMenu

MENU_NAME = "Summarize"
#: Discord shows at most 100 characters of an option's description.
NEWSBRIEF_USAGE = "help | settings [auto on|off | threads on|off | sentences 1-20|default | reset]"
#: Commands the service may offer besides its own (``ExtensionCommand`` names).
EXTENSION_DESCRIPTIONS: Mapping[str, tuple[str, str]] = {
    "digest": (
        "Scheduled digests of this channel's news",
        "daily 08:00 Europe/Berlin | weekly mon 09:00 UTC | off | now | status",
    ),
    "feed": ("RSS/Atom feeds for this channel's digest", "add <url> | list | remove <n>"),
}


def build_commands(handle: Handler, extensions: Collection[str] = ()) -> list[AppCommand]:
    """/summarize, /newsbrief, the message menu, and the service's extension commands."""
    commands: list[AppCommand] = [
        summarize_command(handle),
        newsbrief_command(handle),
        summarize_menu(handle),
    ]
    return commands + [extension_command(handle, name) for name in sorted(extensions)]


def summarize_command(handle: Handler) -> AppCommand:
    description = "Brief a news article: summary + who claims what"

    @app_commands.command(name="summarize", description=description)
    @app_commands.describe(url="Link to the article", text="Or the article text, pasted")
    async def summarize(
        interaction: discord.Interaction, url: str | None = None, text: str | None = None
    ) -> None:
        await run_command(handle, interaction, "summarize", url, text)

    return summarize


def newsbrief_command(handle: Handler) -> AppCommand:
    @app_commands.command(name="newsbrief", description="Help, and this channel's settings")
    @app_commands.describe(options=NEWSBRIEF_USAGE)
    async def newsbrief(interaction: discord.Interaction, options: str | None = None) -> None:
        await run_command(handle, interaction, "newsbrief", options)

    return newsbrief


def extension_command(handle: Handler, name: str) -> AppCommand:
    generic = (f"newsbrief {name}", "see /newsbrief help")
    description, usage = EXTENSION_DESCRIPTIONS.get(name, generic)

    @app_commands.describe(options=usage)
    async def run(interaction: discord.Interaction, options: str | None = None) -> None:
        await run_command(handle, interaction, name, options)

    return app_commands.Command(name=name, description=description, callback=run)


def summarize_menu(handle: Handler) -> AppCommand:
    """Right-click a message → Apps → Summarize. Works without the message-content
    intent: Discord includes the target message's content in the interaction."""

    async def summarize_message(interaction: discord.Interaction, message: discord.Message) -> None:
        await interaction.response.defer(thinking=True)
        await dispatch(handle, interaction, request_event(interaction, message))

    return app_commands.ContextMenu(name=MENU_NAME, callback=summarize_message)


async def run_command(
    handle: Handler, interaction: discord.Interaction, name: str, *options: str | None
) -> None:
    """Defer at once, then pass ``/name options...`` to the service."""
    await interaction.response.defer(thinking=True)
    await dispatch(handle, interaction, command_event(interaction, command_text(name, *options)))


async def dispatch(handle: Handler, interaction: discord.Interaction, event: ChatEvent) -> None:
    """Let the service work and answer; the thinking message never stays behind."""
    poster = InteractionPoster(interaction)
    try:
        await handle(event, poster)
    finally:
        await poster.finish()


async def sync_commands(tree: app_commands.CommandTree[Any], guild_id: int | None) -> int:
    """Register the commands with Discord: in one server at once, or globally (slow to
    appear). Returns how many were synced."""
    if guild_id is None:
        return len(await tree.sync())
    guild = discord.Object(id=guild_id)
    tree.copy_global_to(guild=guild)
    return len(await tree.sync(guild=guild))
