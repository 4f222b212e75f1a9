"""The Discord adapter: Discord events in, the briefing service's replies out as embeds.

``newsbrief run`` registers it (bot/adapters.py) through the three functions here;
discord.py is imported only when DISCORD_TOKEN is set, so a console run does not load it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.discord_app.settings import add_arguments, discord_settings, is_configured

if TYPE_CHECKING:
    from bot.adapters import AdapterContext, ChatAdapter

__all__ = ["add_arguments", "create", "is_configured"]

#: The service's extension commands that get Discord slash commands (as in Slack's
#: manifest, the list is fixed: Discord registers commands ahead of use).
EXTENSION_COMMANDS = ("digest", "feed")


def create(context: AdapterContext) -> ChatAdapter:
    from bot.discord_app.adapter import DiscordAdapter
    from bot.discord_app.client import NewsbriefDiscord

    settings = discord_settings(context.runtime.settings, context.environ)
    if settings is None:
        raise RuntimeError("create() is called only when DISCORD_TOKEN is set")
    client = NewsbriefDiscord(context.service.handle, settings, extensions=EXTENSION_COMMANDS)
    return DiscordAdapter(client, settings.token)
