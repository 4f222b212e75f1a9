"""A channel's settings: read with the bot's defaults filled in, shown and changed.

A channel stores only what it chose (``/newsbrief settings ...``); what it left
unset falls back to the bot's settings (``bot.auto_brief``) and the brief's
default sentence count. Changing a channel's settings needs permission to manage
the channel.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

from bot.commands import ResetSettings, SetAutoBrief, SetSentences, SetThreads
from bot.config import BotSettings
from bot.events import ChatEvent
from bot.records import ChannelSettings
from bot.replies import Poster, TextReply
from bot.storage import DatabaseThread

SettingsChange = SetAutoBrief | SetThreads | SetSentences | ResetSettings


@dataclass(frozen=True)
class ChannelChoice:
    """A channel's settings with the bot's defaults filled in."""

    auto_brief: bool
    sentences: int
    threads: bool = False


class ChannelChoices:
    def __init__(
        self,
        *,
        settings: BotSettings,
        default_sentences: int,
        db: DatabaseThread,
        clock: Callable[[], datetime],
    ) -> None:
        self._settings = settings
        self._default_sentences = default_sentences
        self._db = db
        self._clock = clock

    async def of(self, platform: str, channel: str) -> ChannelChoice:
        stored = await self._db.run(lambda storage: storage.channel_settings(platform, channel))
        auto = self._settings.auto_brief if stored.auto_brief is None else stored.auto_brief
        return ChannelChoice(auto, stored.sentences or self._default_sentences, stored.threads)

    async def change(self, command: SettingsChange, event: ChatEvent, post: Poster) -> None:
        if not event.can_manage_channel:
            text = "Changing this channel's settings needs permission to manage the channel."
            await post(TextReply(text, private=True))
            return
        platform, channel = event.platform, event.channel
        stored = await self._db.run(lambda storage: storage.channel_settings(platform, channel))
        changed = _apply(command, stored)
        now = self._clock()
        await self._db.run(
            lambda storage: storage.save_channel_settings(platform, channel, changed, now)
        )
        await post(TextReply(await self.describe(event, heading="Settings changed")))

    async def describe(self, event: ChatEvent, heading: str = "Settings") -> str:
        choice = await self.of(event.platform, event.channel)
        auto = "on" if choice.auto_brief else "off"
        threads = "on" if choice.threads else "off"
        return (
            f"*{heading} for this channel*\n"
            f"• Brief links and files posted here: {auto} "
            "(`/newsbrief settings auto on|off`)\n"
            f"• Post each brief in a thread on the message: {threads} "
            "(`/newsbrief settings threads on|off`)\n"
            f"• Summary sentences: {choice.sentences} "
            "(`/newsbrief settings sentences <1-20>|default`)\n"
            "`/newsbrief settings reset` goes back to the defaults."
        )


def _apply(command: SettingsChange, stored: ChannelSettings) -> ChannelSettings:
    match command:
        case SetAutoBrief(on):
            return replace(stored, auto_brief=on)
        case SetThreads(on):
            return replace(stored, threads=on)
        case SetSentences(count):
            return replace(stored, sentences=count)
    return ChannelSettings()
