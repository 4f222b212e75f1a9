"""Running digests and feed polls: at most once per slot, by one process at a time.

Several bot processes may share one database (and APScheduler's job store in it);
each would run every job (APScheduler 3 has no cross-process locking). Two
database mechanisms make that safe:

1. **The lease** (``digest_leases`` row ``digest-poster``): a process acts on a
   job only while it holds the lease. It takes it when it is free or expired and
   renews it on every job; a process that dies lets it lapse after
   ``digest.lease_seconds`` and another takes over.
2. **The run record** (``digest_runs``, unique per channel and slot): a digest is
   recorded PENDING *before* it is built and posted, and marked POSTED (or EMPTY,
   FAILED) after. The insert that wins the unique constraint is the one that posts,
   so even two holders (a lapsed lease, clock skew) cannot post one slot twice,
   and a crash between recording and posting leaves a PENDING row that is never
   posted again (at most once; its content goes into the next digest).

A job that runs late (the bot was down) serves the slot it missed if it is within
``digest.grace_minutes``; APScheduler's ``coalesce`` makes several missed slots one run.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from concurrent.futures import Executor
from dataclasses import replace
from datetime import datetime, timedelta
from enum import Enum
from typing import TypeVar

from bot.digest.channel_store import ChannelDigest
from bot.digest.collect import DigestCollector, DigestRequest
from bot.digest.errors import DigestError, FeedError
from bot.digest.feed_store import Feed
from bot.digest.feeds import FeedReader, next_poll_after_failure
from bot.digest.run_store import RunStatus
from bot.digest.schedule import previous_run
from bot.digest.settings import DigestSettings
from bot.digest.store import DigestStore
from bot.digest.stories import Digest
from bot.storage import DatabaseThread

log = logging.getLogger(__name__)
T = TypeVar("T")

Clock = Callable[[], datetime]
#: Posts a digest to one channel of a platform (the adapter renders it).
ChannelPublisher = Callable[[str, Digest], Awaitable[None]]
Publish = Callable[[Digest], Awaitable[None]]
LEASE_NAME = "digest-poster"
#: The first digest of a channel covers what was shared in the week before.
FIRST_DIGEST_LOOKBACK = timedelta(days=7)


class RunOutcome(Enum):
    POSTED = "posted"
    EMPTY = "empty"  # nothing new; stayed silent
    FAILED = "failed"
    ALREADY_RUN = "already-run"  # this slot was recorded before (here or by another process)
    MISSED = "missed"  # later than the grace period: skipped
    NOT_SCHEDULED = "not-scheduled"
    NOT_LEASE_HOLDER = "not-lease-holder"  # another process posts digests


class DigestRunner:
    def __init__(
        self,
        *,
        db: DatabaseThread,
        store: DigestStore,
        collector: DigestCollector,
        reader: FeedReader,
        pool: Executor,
        publishers: Mapping[str, ChannelPublisher],
        settings: DigestSettings,
        clock: Clock,
        holder: str,
    ) -> None:
        self._db = db
        self._store = store
        self._collector = collector
        self._reader = reader
        self._pool = pool
        self._publishers = publishers
        self._settings = settings
        self._clock = clock
        self.holder = holder

    async def stored(self, call: Callable[[DigestStore], T]) -> T:
        """Run a DigestStore call on the database thread."""
        return await self._db.run(lambda _storage: call(self._store))

    # -- the lease --------------------------------------------------------------------------

    async def hold_lease(self) -> bool:
        now = self._clock()
        until = now + self._settings.lease
        return await self.stored(lambda s: s.hold_lease(LEASE_NAME, self.holder, now, until))

    async def release_lease(self) -> None:
        await self.stored(lambda store: store.release_lease(LEASE_NAME, self.holder))

    # -- digests ----------------------------------------------------------------------------

    async def run_scheduled(self, platform: str, channel: str) -> RunOutcome:
        """The scheduled job: post the slot due now (or missed within the grace period)."""
        if not await self.hold_lease():
            return RunOutcome.NOT_LEASE_HOLDER
        choice = await self.stored(lambda store: store.channel(platform, channel))
        if choice.schedule is None:
            return RunOutcome.NOT_SCHEDULED
        now = self._clock()
        slot = previous_run(choice.schedule, now)
        if now - slot > self._settings.grace:
            log.warning("digest for %s/%s due %s missed its grace period", platform, channel, slot)
            return RunOutcome.MISSED
        publish = self._publisher(platform, channel)
        return await self._run(choice, slot, publish, say_empty=choice.empty_notice)

    async def run_now(self, platform: str, channel: str, publish: Publish) -> RunOutcome:
        """``/digest now``: a digest at once, "nothing new" included (someone asked)."""
        choice = await self.stored(lambda store: store.channel(platform, channel))
        return await self._run(choice, self._clock(), publish, say_empty=True)

    async def catch_up(self) -> dict[tuple[str, str], RunOutcome]:
        """At start: every scheduled channel's missed slot, if within the grace period."""
        channels = await self.stored(lambda store: store.scheduled_channels())
        outcomes = {}
        for choice in channels:
            key = (choice.platform, choice.channel)
            outcomes[key] = await self.run_scheduled(*key)
        return outcomes

    async def preview(
        self, platform: str, channel: str, *, last: bool = False, stories: int | None = None
    ) -> Digest:
        """The channel's next digest as it stands now (``--print``), or with ``last`` its
        last posted digest again (``--last``), of up to ``stories`` stories (default: the
        channel's size); recorded nowhere."""
        choice = await self.stored(lambda store: store.channel(platform, channel))
        if stories:
            choice = replace(choice, stories=stories)
        if last:
            return await self._collector.digest(await self._last_request(choice))
        return await self._collector.digest(await self._request(choice, self._clock()))

    async def _last_request(self, choice: ChannelDigest) -> DigestRequest:
        """What the last posted digest covered: from the delivered one before it to it."""
        platform, channel = choice.platform, choice.channel
        until = await self.stored(lambda store: store.last_posted_at(platform, channel))
        if until is None:
            raise DigestError(f"no digest has been posted in {platform} channel {channel} yet")
        request = await self._request(choice, until, before=until)
        return replace(request, until=until)

    async def _run(
        self, choice: ChannelDigest, slot: datetime, publish: Publish, *, say_empty: bool
    ) -> RunOutcome:
        platform, channel, now = choice.platform, choice.channel, self._clock()
        run_id = await self.stored(
            lambda store: store.claim_run(platform, channel, slot, self.holder, now)
        )
        if run_id is None:
            return RunOutcome.ALREADY_RUN
        try:
            digest = await self._collector.digest(await self._request(choice, now))
            outcome = await self._deliver(digest, publish, say_empty)
        except Exception:
            log.exception("digest for %s/%s (slot %s) failed", platform, channel, slot)
            digest, outcome = Digest(()), RunOutcome.FAILED
        status = RunStatus(outcome.value)
        count = len(digest.stories)
        await self.stored(lambda store: store.finish_run(run_id, status, count, self._clock()))
        return outcome

    async def _request(
        self, choice: ChannelDigest, now: datetime, before: datetime | None = None
    ) -> DigestRequest:
        platform, channel = choice.platform, choice.channel
        covered = await self.stored(lambda store: store.covered_until(platform, channel, before))
        since = covered or now - FIRST_DIGEST_LOOKBACK
        return DigestRequest(platform, channel, since, choice.stories or self._settings.stories)

    @staticmethod
    async def _deliver(digest: Digest, publish: Publish, say_empty: bool) -> RunOutcome:
        if digest.empty and not say_empty:
            return RunOutcome.EMPTY
        await publish(digest)
        return RunOutcome.POSTED

    def _publisher(self, platform: str, channel: str) -> Publish:
        post = self._publishers.get(platform)

        async def publish(digest: Digest) -> None:
            if post is None:
                raise RuntimeError(f"no {platform} adapter is running to post the digest")
            await post(channel, digest)

        return publish

    # -- feeds ------------------------------------------------------------------------------

    async def poll_feeds(self) -> int:
        """Poll every feed that is due (lease holder only); returns how many were polled."""
        if not await self.hold_lease():
            return 0
        due = await self.stored(lambda store: store.due_feeds(self._clock()))
        for feed in due:
            await self.poll_feed(feed)
        return len(due)

    async def poll_feed(self, feed: Feed) -> int:
        """One feed: new items stored and the next poll set, or the error and a backoff."""
        loop = asyncio.get_running_loop()
        try:
            result = await loop.run_in_executor(self._pool, self._reader.poll, feed)
        except Exception as error:
            await self._feed_failed(feed, error)
            return 0
        now = self._clock()
        next_poll = now + self._settings.feed_poll
        return await self.stored(
            lambda store: store.record_poll(result.feed, now, next_poll, result.entries)
        )

    async def _feed_failed(self, feed: Feed, error: Exception) -> None:
        message = error.message if isinstance(error, FeedError) else "unexpected error (logged)"
        if not isinstance(error, FeedError):
            log.exception("polling feed %s failed", feed.url)
        now = self._clock()
        settings = self._settings
        retry = next_poll_after_failure(
            feed.failures + 1, now, settings.feed_poll, settings.feed_max_backoff
        )
        await self.stored(lambda store: store.record_failure(feed.id, now, retry, message))
