"""The briefing service: one chat event in, replies out, the same for every platform.

An adapter turns a platform event into a :class:`~bot.events.ChatEvent` and calls
``await service.handle(event, post)``; the service decides what to do (brief
links and uploads, run a command, say "already briefed", ignore the event) and
calls ``post`` once per reply, in order. ``handle`` never raises: every failure
becomes an :class:`~bot.replies.ErrorReply` (see ``bot.failures``) and a log line.
Adapters call ``handle`` concurrently, one task per event.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Protocol

from bot.articles import PASTED_TEXT, ArticleReader
from bot.briefs import BriefCache, content_key
from bot.commands import (
    USAGE_HINT,
    Command,
    ExtensionCommand,
    Help,
    Invalid,
    ResetSettings,
    SetAutoBrief,
    SetSentences,
    SetThreads,
    ShowSettings,
    Summarize,
    parse_command,
)
from bot.config import BotSettings
from bot.documents import Document
from bot.events import Attachment, ChatEvent, EventKind
from bot.failures import error_reply, refusal
from bot.links import article_links, find_links
from bot.records import ChannelSettings, DedupeWindow, Share, ShareDraft, ShareStatus
from bot.replies import AlreadyBriefed, BriefReply, Poster, Reply, TextReply
from bot.storage import DatabaseThread

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
#: Uploads the bot briefs; anything else gets a reply saying so.
UPLOAD_SUFFIXES = (".html", ".htm", ".pdf", ".txt", ".md")
#: Delivery ids are kept this long; platforms stop redelivering within minutes (Slack:
#: three retries over about 5 minutes).
EVENT_MEMORY = timedelta(days=1)
EVENT_CLEANUP_EVERY = timedelta(hours=1)


def utc_now() -> datetime:
    return datetime.now(UTC)


class CommandExtension(Protocol):
    """A command family another module adds (``/digest``, ``/feed``)."""

    name: str  # without the slash
    help: str  # one line or more for /newsbrief help, in the service's simple Markdown

    async def run(self, event: ChatEvent, arguments: str, post: Poster) -> None: ...


SettingsChange = SetAutoBrief | SetThreads | SetSentences | ResetSettings


@dataclass(frozen=True)
class ChannelChoice:
    """A channel's settings with the bot's defaults filled in."""

    auto_brief: bool
    sentences: int
    threads: bool = False


@dataclass(frozen=True)
class _Outcome:
    """A reply to post, and the share to mark with ``status`` once it is posted."""

    reply: Reply
    status: ShareStatus = ShareStatus.FAILED
    share: Share | None = None


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
        #: A share still PENDING after this long was cut off (a crash, a restart): no longer
        #: "in progress", so the link is briefed again.
        self._in_progress = timedelta(minutes=settings.in_progress_minutes)
        self._default_sentences = default_sentences
        self._db = db
        self._briefs = briefs
        self._articles = articles
        self._clock = clock
        self._extensions: Mapping[str, CommandExtension] = {e.name: e for e in extensions}
        self._events_cleaned_at: datetime | None = None

    async def handle(self, event: ChatEvent, post: Poster) -> None:
        """Answer ``event`` through ``post``; ignores bots, edits and redeliveries."""
        try:
            if await self._is_new(event):
                await self._dispatch(event, post)
        except Exception as error:  # the last line of defence: log, tell the user, go on
            await self._post_safely(error_reply(error, "your message", event), post)

    async def channel_choice(self, platform: str, channel: str) -> ChannelChoice:
        stored = await self._db.run(lambda storage: storage.channel_settings(platform, channel))
        auto = self._settings.auto_brief if stored.auto_brief is None else stored.auto_brief
        return ChannelChoice(auto, stored.sentences or self._default_sentences, stored.threads)

    # -- what an event is -------------------------------------------------------------

    async def _is_new(self, event: ChatEvent) -> bool:
        if event.is_bot or event.is_edit:
            return False
        key = event.delivery_key
        if key is None:
            return True
        now = self._clock()
        await self._forget_old_events(now)
        is_new = await self._db.run(lambda storage: storage.claim_event(event.platform, key, now))
        if not is_new:
            log.info("ignoring a redelivery of %s on %s", key, event.platform)
        return is_new

    async def _forget_old_events(self, now: datetime) -> None:
        last = self._events_cleaned_at
        if last is not None and now - last < EVENT_CLEANUP_EVERY:
            return
        self._events_cleaned_at = now
        await self._db.run(lambda storage: storage.forget_events(now - EVENT_MEMORY))

    async def _dispatch(self, event: ChatEvent, post: Poster) -> None:
        command = parse_command(event.text, self._extensions.keys())
        if command is not None:
            await self._run_command(command, event, post)
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
        await self._post_in_order(jobs, post)

    def _message_jobs(self, event: ChatEvent, choice: ChannelChoice) -> list[Awaitable[_Outcome]]:
        """One job per article link and upload, each up to the per-message cap."""
        cap = self._settings.links_per_message
        dedupe = event.kind is EventKind.MESSAGE  # someone who asks explicitly gets the brief
        jobs: list[Awaitable[_Outcome]] = [
            self._brief_link(event, url, choice, dedupe) for url in article_links(event.text, cap)
        ]
        jobs += [
            self._brief_upload(event, attachment, choice, dedupe)
            for attachment in event.attachments[:cap]
        ]
        return jobs

    async def _post_in_order(self, jobs: Sequence[Awaitable[_Outcome]], post: Poster) -> None:
        """Run the jobs concurrently; post their replies in the order of the message."""
        running = [asyncio.ensure_future(job) for job in jobs]
        for job in running:
            await self._deliver(await job, post)

    async def _deliver(self, outcome: _Outcome, post: Poster) -> None:
        """Post the reply, then mark its share (a reply that could not be posted: FAILED,
        so the next paste of the link is briefed again)."""
        posted, reference = await self._post_safely(outcome.reply, post)
        share = outcome.share
        if share is None:
            return
        status = outcome.status if posted else ShareStatus.FAILED
        await self._db.run(lambda storage: storage.finish_share(share.id, status, reference))

    async def _post_safely(self, reply: Reply, post: Poster) -> tuple[bool, str | None]:
        """(posted?, the adapter's reference to the posted message)."""
        try:
            return True, await post(reply)
        except Exception:
            log.exception("the adapter failed to post a %s", type(reply).__name__)
            return False, None

    async def _brief_link(
        self, event: ChatEvent, url: str, choice: ChannelChoice, dedupe: bool
    ) -> _Outcome:
        load = partial(self._articles.from_url, url)
        return await self._brief_shared(event, url, url, choice, dedupe, load)

    async def _brief_upload(
        self, event: ChatEvent, attachment: Attachment, choice: ChannelChoice, dedupe: bool
    ) -> _Outcome:
        name = attachment.name
        refused = self._refuse_upload(event, name, attachment.size)
        if refused:
            return refused
        try:
            body = await attachment.read()
        except Exception:
            log.exception("downloading %s failed (%s/%s)", name, event.platform, event.channel)
            return _Outcome(refusal(f"Couldn't download {name}.", "download", name, event))
        refused = self._refuse_upload(event, name, len(body))
        if refused:
            return refused
        load = partial(self._articles.from_upload, body, name, attachment.content_type)
        return await self._brief_shared(event, content_key(body), name, choice, dedupe, load)

    def _refuse_upload(self, event: ChatEvent, name: str, size: int | None) -> _Outcome | None:
        cap = self._settings.upload_max_bytes
        if not name.lower().endswith(UPLOAD_SUFFIXES):
            text = f"I can't brief {name}: I read .html, .pdf, .txt and .md files."
            return _Outcome(refusal(text, "unsupported-type", name, event))
        if size is not None and size > cap:
            text = (
                f"I can't brief {name}: it is {_megabytes(size)}, over the {_megabytes(cap)} limit."
            )
            return _Outcome(refusal(text, "too-large", name, event))
        return None

    async def _brief_shared(
        self,
        event: ChatEvent,
        key: str,
        source: str,
        choice: ChannelChoice,
        dedupe: bool,
        load: Callable[[], Document],
    ) -> _Outcome:
        """Record the share; answer "already briefed" for a recent repeat, else brief it."""
        share, earlier = await self._open_share(event, key, source, dedupe)
        if earlier is not None:
            in_progress = earlier.status is ShareStatus.PENDING
            return _Outcome(AlreadyBriefed(source, earlier, in_progress), ShareStatus.DUPLICATE)
        return replace(await self._brief(event, key, source, choice, load), share=share)

    async def _open_share(
        self, event: ChatEvent, key: str, source: str, dedupe: bool
    ) -> tuple[Share, Share | None]:
        now = self._clock()
        draft = ShareDraft(
            event.platform, event.channel, event.user, event.message_id, key, source, now
        )
        window = self._dedupe_window(now) if dedupe else None
        return await self._db.run(lambda storage: storage.open_share(draft, window))

    def _dedupe_window(self, now: datetime) -> DedupeWindow | None:
        days = self._settings.dedupe_days
        if not days:
            return None
        since = now - timedelta(days=days)
        return DedupeWindow(briefed_since=since, pending_since=max(since, now - self._in_progress))

    async def _brief(
        self,
        event: ChatEvent,
        key: str,
        source: str,
        choice: ChannelChoice,
        load: Callable[[], Document],
    ) -> _Outcome:
        try:
            brief, cached = await self._briefs.get(key, choice.sentences, load)
        except Exception as error:  # every failure to brief becomes a reply
            return _Outcome(error_reply(error, source, event))
        start_thread = choice.threads and event.replies_in_thread
        reply = BriefReply(brief, source, cached, start_thread=start_thread)
        return _Outcome(reply, ShareStatus.BRIEFED)

    # -- commands ----------------------------------------------------------------------------

    async def _run_command(self, command: Command, event: ChatEvent, post: Poster) -> None:
        match command:
            case Summarize(argument):
                await self._summarize(event, argument, post)
            case Help():
                await post(TextReply(self._help_text(), private=True))
            case ShowSettings():
                await post(TextReply(await self._settings_text(event), private=True))
            case SetAutoBrief() | SetThreads() | SetSentences() | ResetSettings():
                await self._change_settings(command, event, post)
            case ExtensionCommand(name, arguments):
                await self._extensions[name].run(event, arguments, post)
            case Invalid(message):
                await post(TextReply(message, private=True))

    async def _summarize(self, event: ChatEvent, argument: str, post: Poster) -> None:
        """``/summarize``: the links in ``argument``, else ``argument`` as article text."""
        choice = await self.channel_choice(event.platform, event.channel)
        links = article_links(argument, self._settings.links_per_message)
        if links:
            jobs = [self._brief_link(event, url, choice, False) for url in links]
            await self._post_in_order(jobs, post)
        elif _only_links(argument):
            text = (
                f"Couldn't brief {argument}: that is not an article (a video, image or chat link)."
            )
            await post(refusal(text, "unsupported-type", argument, event))
        else:
            load = partial(self._articles.from_text, argument)
            key = content_key(argument.encode("utf-8"))
            await self._deliver(await self._brief(event, key, PASTED_TEXT, choice, load), post)

    async def _change_settings(
        self, command: SettingsChange, event: ChatEvent, post: Poster
    ) -> None:
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
        await post(TextReply(await self._settings_text(event, heading="Settings changed")))

    async def _settings_text(self, event: ChatEvent, heading: str = "Settings") -> str:
        choice = await self.channel_choice(event.platform, event.channel)
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

    def _help_text(self) -> str:
        lines = [
            "*newsbrief* briefs news articles: a short summary in the article's own "
            "sentences, and who claims what.",
            "• Post a link, or a .html, .pdf, .txt or .md file, and I brief it "
            "(when briefing links is on in the channel).",
            "• `/summarize <link or article text>`: brief it now.",
            "• `/newsbrief settings`: this channel's settings, and how to change them "
            "(`auto on|off`, `threads on|off`, `sentences <1-20>|default`, `reset`).",
        ]
        lines += [extension.help for extension in self._extensions.values()]
        return "\n".join(lines)


def _apply(command: SettingsChange, stored: ChannelSettings) -> ChannelSettings:
    match command:
        case SetAutoBrief(on):
            return replace(stored, auto_brief=on)
        case SetThreads(on):
            return replace(stored, threads=on)
        case SetSentences(count):
            return replace(stored, sentences=count)
    return ChannelSettings()


def _only_links(text: str) -> bool:
    words = text.split()
    return bool(words) and len(find_links(text)) == len(words)


def _megabytes(size: int) -> str:
    return f"{size / 1_048_576:.1f} MB"
