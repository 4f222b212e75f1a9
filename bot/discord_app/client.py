"""The Discord client: gateway events and app commands in, the service's replies out."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Collection
from dataclasses import replace

import discord
from discord import app_commands

from bot.discord_app.commands import Handler, build_commands, sync_commands
from bot.discord_app.posting import ChannelPoster
from bot.discord_app.settings import DiscordSettings
from bot.discord_app.translate import message_event
from bot.discord_app.typing_indicator import Timer, typing_while_slow
from bot.events import ChatEvent, EventKind

log = logging.getLogger(__name__)


class NewsbriefDiscord(discord.Client):
    """discord.py client with newsbrief's commands; every decision is the service's.

    Channel messages are read when they mention the bot (Discord sends their text
    then, intent or not: a request), in DMs, and, with the message-content
    setting on, everywhere the bot can see.
    """

    def __init__(
        self,
        handle: Handler,
        settings: DiscordSettings,
        *,
        extensions: Collection[str] = (),
        intents: discord.Intents | None = None,
        timer: Timer = asyncio.sleep,
    ) -> None:
        super().__init__(intents=intents or intents_for(settings))
        self.handle = handle
        self.settings = settings
        self.timer = timer
        self.tree: app_commands.CommandTree[NewsbriefDiscord] = app_commands.CommandTree(self)
        for command in build_commands(handle, extensions):
            self.tree.add_command(command)

    async def setup_hook(self) -> None:
        count = await sync_commands(self.tree, self.settings.guild_id)
        scope = f"server {self.settings.guild_id}" if self.settings.guild_id else "all servers"
        log.info("Discord: %d application commands registered for %s", count, scope)

    async def on_ready(self) -> None:
        log.info("Discord: connected as %s to %d servers", self.user, len(self.guilds))

    async def on_message(self, message: discord.Message) -> None:
        event = self.event_for(message)
        if event is None:
            return
        poster = ChannelPoster(message.channel, reply_to=message)
        async with typing_while_slow(lambda: poster.channel, self.timer):
            await self.handle(event, poster)

    def event_for(self, message: discord.Message) -> ChatEvent | None:
        """The message as the service should see it, or None where its text is hidden."""
        event = message_event(message)
        if event is None or self.user is None or message.author.id == self.user.id:
            return event
        if self.user.mentioned_in(message) and not message.mention_everyone:
            return replace(event, kind=EventKind.REQUEST)
        readable = self.settings.message_content or message.guild is None
        return event if readable else None


def intents_for(settings: DiscordSettings) -> discord.Intents:
    """Servers and messages; message content only when the setting asks for it (it is
    privileged: switched on in the Developer Portal, or Discord refuses to connect)."""
    intents = discord.Intents.default()
    intents.message_content = settings.message_content
    return intents
