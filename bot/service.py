"""The briefing service: one chat event in, replies out, the same for every platform.

An adapter turns a platform event into a :class:`~bot.events.ChatEvent` and calls
``await service.handle(event, post)``; the service decides what to do (brief
links and uploads, run a command, say "already briefed", ignore the event) and
calls ``post`` once per reply, in order. ``handle`` never raises: every failure
becomes an :class:`~bot.replies.ErrorReply` (see ``bot.failures``) and a log line.
Adapters call ``handle`` concurrently, one task per event.

The parts it wires: ``redeliveries`` (an event handled once), ``channel_settings``
(a channel's choices), ``share_briefs`` (a link, upload or text briefed, or
answered "already briefed"), ``reply_delivery`` (replies posted in order, shares
closed) and ``command_runner`` (the commands).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from datetime import UTC, datetime

from bot.articles import ArticleReader
from bot.briefs import BriefCache
from bot.channel_settings import ChannelChoice, ChannelChoices
from bot.command_runner import CommandExtension, CommandRunner
from bot.commands import USAGE_HINT, parse_command
from bot.config import BotSettings
from bot.events import ChatEvent, EventKind
from bot.failures import error_reply
from bot.links import article_links
from bot.redeliveries import DeliveredEvents
from bot.replies import Poster, TextReply
from bot.reply_delivery import Outcome, ReplyDelivery
from bot.share_briefs import ShareBriefer
from bot.storage import DatabaseThread

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


class BriefingService:
    def __init__(
        self,
        *,
        settings: BotSettings,
        default_sentences: int,
        db: DatabaseThread,
        briefs: BriefCache,
        articles: ArticleReader,
        clock: Clock = utc_now,
        extensions: Sequence[CommandExtension] = (),
    ) -> None:
        self._settings = settings
        self._extensions: Mapping[str, CommandExtension] = {e.name: e for e in extensions}
        self._events = DeliveredEvents(db, clock)
        self._channels = ChannelChoices(
            settings=settings, default_sentences=default_sentences, db=db, clock=clock
        )
        self._shares = ShareBriefer(
            settings=settings, db=db, briefs=briefs, articles=articles, clock=clock
        )
        self._delivery = ReplyDelivery(db)
        self._commands = CommandRunner(
            settings=settings,
            channels=self._channels,
            shares=self._shares,
            delivery=self._delivery,
            extensions=self._extensions,
        )

    async def handle(self, event: ChatEvent, post: Poster) -> None:
        """Answer ``event`` through ``post``; ignores bots, edits and redeliveries."""
        try:
            if await self._is_new(event):
                await self._dispatch(event, post)
        except Exception as error:  # the last line of defence: log, tell the user, go on
            await self._delivery.post_safely(error_reply(error, "your message", event), post)

    async def channel_choice(self, platform: str, channel: str) -> ChannelChoice:
        return await self._channels.of(platform, channel)

    # -- what an event is -------------------------------------------------------------

    async def _is_new(self, event: ChatEvent) -> bool:
        if event.is_bot or event.is_edit:
            return False
        return await self._events.claim(event)

    async def _dispatch(self, event: ChatEvent, post: Poster) -> None:
        command = parse_command(event.text, self._extensions.keys())
        if command is not None:
            await self._commands.run(command, event, post)
        elif event.kind is EventKind.COMMAND:
            await post(TextReply(f"I don't know that command. {USAGE_HINT}", private=True))
        else:
            await self._brief_message(event, post)

    # -- links and uploads in a message ---------------------------------------------------

    async def _brief_message(self, event: ChatEvent, post: Poster) -> None:
        choice = await self.channel_choice(event.platform, event.channel)
        if event.kind is EventKind.MESSAGE and not choice.auto_brief:
            return
        jobs = self._message_jobs(event, choice)
        if not jobs and event.kind is EventKind.REQUEST:
            text = "I found no article link or file to brief in that message."
            await post(TextReply(text, private=True))
        await self._delivery.in_order(jobs, post)

    def _message_jobs(self, event: ChatEvent, choice: ChannelChoice) -> list[Awaitable[Outcome]]:
        """One job per article link and upload, each up to the per-message cap."""
        cap = self._settings.links_per_message
        dedupe = event.kind is EventKind.MESSAGE  # someone who asks explicitly gets the brief
        shares = self._shares
        jobs: list[Awaitable[Outcome]] = [
            shares.brief_link(event, url, choice, dedupe) for url in article_links(event.text, cap)
        ]
        jobs += [
            shares.brief_upload(event, attachment, choice, dedupe)
            for attachment in event.attachments[:cap]
        ]
        return jobs
