"""``/digest`` and ``/feed``: command extensions of the briefing service (same on every platform).

Each implements ``bot.command_runner.CommandExtension`` (``name``, ``help``, ``run``);
replies are ``TextReply`` (simple Markdown), a digest one ``DigestReply`` that each
adapter renders natively (and splits to its own limits).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Protocol

from bot.digest.channel_store import ChannelDigest
from bot.digest.errors import DigestError, DigestInputError
from bot.digest.feed_store import Feed
from bot.digest.feeds import AddFeed, ListFeeds, RemoveFeed, parse_feed_command
from bot.digest.runner import DigestRunner, RunOutcome
from bot.digest.schedule import (
    DigestCommand,
    DigestSchedule,
    RunNow,
    SetEmptyNotice,
    SetSchedule,
    SetSize,
    ShowStatus,
    TurnOff,
    next_run,
    parse_digest_command,
)
from bot.digest.settings import DigestSettings
from bot.digest.stories import Digest, UrlNormaliser
from bot.events import ChatEvent
from bot.replies import DigestReply, Poster, TextReply

Clock = Callable[[], datetime]
MANAGE_NEEDED = "Changing this channel's digest needs permission to manage the channel."


class Schedules(Protocol):
    """``DigestScheduler``: where a channel's schedule becomes a job."""

    def schedule(self, platform: str, channel: str, schedule: DigestSchedule) -> object: ...

    def unschedule(self, platform: str, channel: str) -> None: ...


async def post_digest(post: Poster, digest: Digest) -> None:
    await post(DigestReply(digest))


class DigestCommands:
    name = "digest"
    help = (
        "• `/digest daily 08:00 Europe/Berlin` (or `weekdays 07:30 America/New_York`, "
        "`weekly mon 09:00 UTC`): a digest of what was shared here and of the channel's "
        "feeds; `/digest now`, `/digest status`, `/digest off`, `/digest size <1-50>`, "
        '`/digest empty on|off` (say "nothing new" or stay silent).'
    )

    def __init__(
        self,
        runner: DigestRunner,
        schedules: Schedules,
        settings: DigestSettings,
        clock: Clock,
    ) -> None:
        self._runner = runner
        self._schedules = schedules
        self._settings = settings
        self._clock = clock

    async def run(self, event: ChatEvent, arguments: str, post: Poster) -> None:
        try:
            command = parse_digest_command(arguments)
        except DigestInputError as error:
            await post(TextReply(error.message, private=True))
            return
        if isinstance(command, RunNow):
            await self._now(event, post)
        elif isinstance(command, ShowStatus):
            await post(TextReply(await self.status_text(event.platform, event.channel)))
        elif not event.can_manage_channel:
            await post(TextReply(MANAGE_NEEDED, private=True))
        else:
            await self._change(event, command, post)

    async def _now(self, event: ChatEvent, post: Poster) -> None:
        async def publish(digest: Digest) -> None:
            await post_digest(post, digest)

        outcome = await self._runner.run_now(event.platform, event.channel, publish)
        if outcome is RunOutcome.FAILED:
            await post(TextReply("Sorry, the digest could not be made (logged).", private=True))

    async def _change(self, event: ChatEvent, command: DigestCommand, post: Poster) -> None:
        platform, channel = event.platform, event.channel
        stored = await self._runner.stored(lambda store: store.channel(platform, channel))
        changed = changed_choice(stored, command)
        now = self._clock()
        await self._runner.stored(lambda store: store.save_channel(changed, now))
        if changed.schedule is None:
            self._schedules.unschedule(platform, channel)
        elif changed.schedule != stored.schedule:
            self._schedules.schedule(platform, channel, changed.schedule)
        await post(TextReply(await self.status_text(platform, channel, "Digest changed")))

    async def status_text(self, platform: str, channel: str, heading: str = "Digest") -> str:
        choice = await self._runner.stored(lambda store: store.channel(platform, channel))
        feeds = await self._runner.stored(lambda store: store.feeds(platform, channel))
        size = choice.stories or self._settings.stories
        empty = 'says "nothing new"' if choice.empty_notice else "stays silent"
        lines = [f"*{heading} for this channel*", f"• {self._when(choice)}"]
        lines.append(f"• Up to {size} stories; an empty digest {empty}.")
        lines.append(
            f"• Sources: links shared here, and {_count(len(feeds), 'feed')} (`/feed list`)."
        )
        return "\n".join(lines)

    def _when(self, choice: ChannelDigest) -> str:
        schedule = choice.schedule
        if schedule is None:
            return "No scheduled digest (`/digest daily 08:00 Europe/Berlin` sets one)."
        upcoming = next_run(schedule, self._clock()).astimezone(schedule.zone)
        return f"{schedule.describe()}; next: {upcoming:%a %d %b %H:%M %Z}."


def changed_choice(stored: ChannelDigest, command: DigestCommand) -> ChannelDigest:
    if isinstance(command, SetSchedule):
        return replace(stored, schedule=command.schedule)
    if isinstance(command, TurnOff):
        return replace(stored, schedule=None)
    if isinstance(command, SetSize):
        return replace(stored, stories=command.stories)
    if isinstance(command, SetEmptyNotice):
        return replace(stored, empty_notice=command.enabled)
    return stored


class FeedCommands:
    name = "feed"
    help = (
        "• `/feed add <url>`, `/feed list`, `/feed remove <n>`: RSS and Atom feeds whose new "
        "items go into this channel's digest."
    )

    def __init__(
        self,
        runner: DigestRunner,
        settings: DigestSettings,
        normalise: UrlNormaliser,
        clock: Clock,
    ) -> None:
        self._runner = runner
        self._settings = settings
        self._normalise = normalise
        self._clock = clock

    async def run(self, event: ChatEvent, arguments: str, post: Poster) -> None:
        try:
            command = parse_feed_command(arguments)
            text = await self._answer(event, command)
        except DigestError as error:
            await post(TextReply(error.message, private=True))
            return
        await post(TextReply(text))

    async def _answer(self, event: ChatEvent, command: AddFeed | ListFeeds | RemoveFeed) -> str:
        if isinstance(command, ListFeeds):
            return await self.list_text(event.platform, event.channel)
        if not event.can_manage_channel:
            raise DigestInputError(MANAGE_NEEDED)
        if isinstance(command, AddFeed):
            return await self._add(event.platform, event.channel, command.url)
        return await self._remove(event.platform, event.channel, command.number)

    async def _add(self, platform: str, channel: str, url: str) -> str:
        feeds = await self._runner.stored(lambda store: store.feeds(platform, channel))
        if len(feeds) >= self._settings.feeds_per_channel:
            raise DigestInputError(
                f"This channel follows {len(feeds)} feeds, the most it may; remove one first."
            )
        normalised = self._normalise(url)
        now = self._clock()
        added = await self._runner.stored(
            lambda store: store.add_feed(platform, channel, normalised, None, now)
        )
        if added is None:
            raise DigestInputError(f"This channel already follows {normalised}.")
        await self._runner.poll_feed(added)  # at once: the reply can say whether it works
        polled = await self._runner.stored(lambda store: store.feed(added.id))
        return f"Following {(polled or added).label}: {feed_status(polled or added, now)}"

    async def _remove(self, platform: str, channel: str, number: int) -> str:
        feeds = await self._runner.stored(lambda store: store.feeds(platform, channel))
        if number > len(feeds):
            raise DigestInputError(f"There is no feed {number}: this channel has {len(feeds)}.")
        gone = feeds[number - 1]
        await self._runner.stored(lambda store: store.remove_feed(gone.id))
        return f"No longer following {gone.label}."

    async def list_text(self, platform: str, channel: str) -> str:
        feeds = await self._runner.stored(lambda store: store.feeds(platform, channel))
        if not feeds:
            return "This channel follows no feeds (`/feed add <url>` adds one)."
        now = self._clock()
        lines = ["*Feeds of this channel*"]
        lines += [f"{n}. {feed.label}: {feed_status(feed, now)}" for n, feed in enumerate(feeds, 1)]
        return "\n".join(lines)


def feed_status(feed: Feed, now: datetime) -> str:
    """'ok, checked 5 min ago' or 'failing (3 tries): <error>; next try in 2 h'."""
    if feed.failures:
        wait = _duration(feed.next_poll_at - now)
        tries = _count(feed.failures, "try", "tries")
        return f"failing ({tries}): {feed.last_error}; next try in {wait}"
    if feed.polled_at is None:
        return "not checked yet"
    return f"ok, checked {_duration(now - feed.polled_at)} ago"


def _duration(delta: timedelta) -> str:
    minutes = max(0, round(delta.total_seconds() / 60))
    if minutes < 90:
        return f"{minutes} min"
    hours = round(minutes / 60)
    return f"{hours} h" if hours < 48 else f"{round(hours / 24)} days"


def _count(number: int, singular: str, plural: str | None = None) -> str:
    return f"{number} {singular if number == 1 else plural or singular + 's'}"
