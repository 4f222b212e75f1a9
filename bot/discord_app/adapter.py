"""The Discord adapter `newsbrief run` starts: one gateway connection until cancelled."""

from __future__ import annotations

import logging

import discord

from bot.discord_app.client import NewsbriefDiscord
from bot.discord_app.posting import ChannelPoster
from bot.discord_app.settings import TOKEN_ENV
from bot.discord_app.translate import PLATFORM
from bot.errors import BotError
from bot.replies import Reply

log = logging.getLogger(__name__)

INTENT_HELP = (
    "Discord refused the message-content intent: switch on 'Message Content Intent' in the "
    "Developer Portal (your application -> Bot -> Privileged Gateway Intents), or set "
    "NEWSBRIEF_DISCORD_MESSAGE_CONTENT=false (/summarize and the Summarize menu still work)"
)


class DiscordError(BotError):
    """Discord refused to connect, or a channel to post in is out of reach."""


class DiscordAdapter:
    platform = PLATFORM

    def __init__(self, client: NewsbriefDiscord, token: str) -> None:
        self.client = client
        self._token = token

    async def run(self) -> None:
        """Connect and serve until cancelled; a refused login is a clear error."""
        try:
            await self.client.start(self._token)
        except discord.LoginFailure:
            raise DiscordError(f"Discord refused the bot token ({TOKEN_ENV})") from None
        except discord.PrivilegedIntentsRequired:
            raise DiscordError(INTENT_HELP) from None
        except discord.Forbidden as error:
            raise DiscordError(f"Discord refused to register the commands: {error}") from None
        finally:
            await self.client.close()

    async def send(self, channel: str, reply: Reply) -> str | None:
        """Post ``reply`` in ``channel`` unprompted (a digest); returns its jump URL."""
        target = await self._channel(int(channel))
        posted = await ChannelPoster(target)(reply)
        if posted is None:
            raise DiscordError(f"could not post in Discord channel {channel} (see the log)")
        return posted

    async def _channel(self, channel_id: int) -> discord.abc.Messageable:
        found = self.client.get_channel(channel_id)
        if found is None:
            try:
                found = await self.client.fetch_channel(channel_id)
            except discord.HTTPException as error:
                message = f"Discord channel {channel_id} is out of reach: {error}"
                raise DiscordError(message) from None
        if not isinstance(found, discord.abc.Messageable):
            raise DiscordError(f"Discord channel {channel_id} does not take messages")
        return found
