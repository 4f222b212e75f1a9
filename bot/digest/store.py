"""Reading and writing the digest tables (SQLAlchemy Core, portable SQL, synchronous).

Callers run these on the bot's database thread (``bot.storage.DatabaseThread``).
Two guarantees rest on the database, so they hold across processes:

* ``claim_run``: one row per (channel, slot), enforced by a unique constraint;
  the process whose insert succeeds is the only one that posts that digest.
* ``hold_lease``: a named lease row with an expiry, taken or renewed by one
  conditional UPDATE (atomic on SQLite and PostgreSQL), else a first INSERT.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time
from enum import Enum
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from bot.digest.schedule import Cadence, DigestSchedule
from bot.digest.tables import (
    digest_channels,
    digest_feed_items,
    digest_feeds,
    digest_leases,
    digest_runs,
)


class RunStatus(Enum):
    PENDING = "pending"  # recorded, being built or posted; never posted again after a crash
    POSTED = "posted"
    EMPTY = "empty"  # nothing new, and the channel did not ask to be told so
    FAILED = "failed"  # building or posting raised; the next slot tries afresh


#: Runs whose content counts as delivered: the next digest starts after them.
COVERED = (RunStatus.POSTED.value, RunStatus.EMPTY.value)


@dataclass(frozen=True)
class ChannelDigest:
    """A channel's digest choices."""

    platform: str
    channel: str
    schedule: DigestSchedule | None = None
    stories: int | None = None  # None: the digest.stories setting
    empty_notice: bool = False


@dataclass(frozen=True)
class Feed:
    id: int
    platform: str
    channel: str
    url: str
    title: str | None
    etag: str | None
    last_modified: str | None
    added_at: datetime
    polled_at: datetime | None
    ok_at: datetime | None
    next_poll_at: datetime
    failures: int
    last_error: str | None

    @property
    def label(self) -> str:
        return self.title or self.url


@dataclass(frozen=True)
class FeedEntry:
    """One item read from a feed."""

    url: str  # normalised
    title: str
    summary: str
    published_at: datetime | None = None


@dataclass(frozen=True)
class FeedItem:
    entry: FeedEntry
    feed_title: str
    seen_at: datetime


@dataclass(frozen=True)
class Run:
    id: int
    slot: datetime
    status: RunStatus
    stories: int
    created_at: datetime
    finished_at: datetime | None


class DigestStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # -- channels ---------------------------------------------------------------------

    def channel(self, platform: str, channel: str) -> ChannelDigest:
        query = digest_channels.select().where(
            digest_channels.c.platform == platform, digest_channels.c.channel == channel
        )
        with self.engine.connect() as connection:
            row = connection.execute(query).first()
        return _channel(row._mapping) if row else ChannelDigest(platform, channel)

    def save_channel(self, choice: ChannelDigest, now: datetime) -> None:
        key = {"platform": choice.platform, "channel": choice.channel}
        values = {**_schedule_row(choice.schedule), "updated_at": now}
        values |= {"stories": choice.stories, "empty_notice": choice.empty_notice}
        condition = sa.and_(*(digest_channels.c[name] == value for name, value in key.items()))
        with self.engine.begin() as connection:
            update = digest_channels.update().where(condition).values(values)
            if not connection.execute(update).rowcount:
                connection.execute(digest_channels.insert().values({**key, **values}))

    def scheduled_channels(self) -> list[ChannelDigest]:
        query = digest_channels.select().where(digest_channels.c.cadence.is_not(None))
        with self.engine.connect() as connection:
            return [_channel(row._mapping) for row in connection.execute(query)]

    # -- feeds ------------------------------------------------------------------------

    def add_feed(
        self, platform: str, channel: str, url: str, title: str | None, now: datetime
    ) -> Feed | None:
        """Follow ``url`` in the channel, first poll due at once; None if it is followed already."""
        values = {
            "platform": platform,
            "channel": channel,
            "url": url,
            "title": title,
            "added_at": now,
            "next_poll_at": now,
            "failures": 0,
        }
        try:
            with self.engine.begin() as connection:
                inserted = connection.execute(digest_feeds.insert().values(values))
        except IntegrityError:
            return None
        return self.feed(int(inserted.inserted_primary_key[0]))  # type: ignore[index]

    def feed(self, feed_id: int) -> Feed | None:
        with self.engine.connect() as connection:
            row = connection.execute(digest_feeds.select().where(digest_feeds.c.id == feed_id))
            found = row.first()
        return _feed(found._mapping) if found else None

    def feeds(self, platform: str, channel: str) -> list[Feed]:
        """The channel's feeds in the order they were added (``/feed list`` numbers them so)."""
        query = (
            digest_feeds.select()
            .where(digest_feeds.c.platform == platform, digest_feeds.c.channel == channel)
            .order_by(digest_feeds.c.id)
        )
        with self.engine.connect() as connection:
            return [_feed(row._mapping) for row in connection.execute(query)]

    def remove_feed(self, feed_id: int) -> None:
        with self.engine.begin() as connection:
            items = digest_feed_items.delete().where(digest_feed_items.c.feed_id == feed_id)
            connection.execute(items)  # explicit: SQLite enforces ON DELETE only with a pragma
            connection.execute(digest_feeds.delete().where(digest_feeds.c.id == feed_id))

    def due_feeds(self, now: datetime) -> list[Feed]:
        query = digest_feeds.select().where(digest_feeds.c.next_poll_at <= now)
        with self.engine.connect() as connection:
            rows = connection.execute(query.order_by(digest_feeds.c.next_poll_at))
            return [_feed(row._mapping) for row in rows]

    def record_poll(
        self, feed: Feed, now: datetime, next_poll_at: datetime, entries: Sequence[FeedEntry]
    ) -> int:
        """A successful poll (``feed`` carries the new title and validators); returns new items."""
        values = {
            "title": feed.title,
            "etag": feed.etag,
            "last_modified": feed.last_modified,
            "polled_at": now,
            "ok_at": now,
            "next_poll_at": next_poll_at,
            "failures": 0,
            "last_error": None,
        }
        with self.engine.begin() as connection:
            connection.execute(
                digest_feeds.update().where(digest_feeds.c.id == feed.id).values(values)
            )
            return _insert_new_items(connection, feed.id, entries, now)

    def record_failure(
        self, feed_id: int, now: datetime, next_poll_at: datetime, error: str
    ) -> None:
        values = {
            "polled_at": now,
            "next_poll_at": next_poll_at,
            "failures": digest_feeds.c.failures + 1,
            "last_error": error,
        }
        with self.engine.begin() as connection:
            connection.execute(
                digest_feeds.update().where(digest_feeds.c.id == feed_id).values(values)
            )

    def feed_items_since(
        self, platform: str, channel: str, since: datetime | None, until: datetime | None = None
    ) -> list[FeedItem]:
        """Items first seen after ``since`` (and before ``until``) in the channel's feeds,
        newest first."""
        items, feeds = digest_feed_items, digest_feeds
        query = (
            sa.select(items, feeds.c.title.label("feed_title"), feeds.c.url.label("feed_url"))
            .join_from(items, feeds)
            .where(feeds.c.platform == platform, feeds.c.channel == channel)
            .order_by(items.c.seen_at.desc(), items.c.id.desc())
        )
        if since is not None:
            query = query.where(items.c.seen_at > since)
        if until is not None:
            query = query.where(items.c.seen_at < until)
        with self.engine.connect() as connection:
            return [_feed_item(row._mapping) for row in connection.execute(query)]

    # -- runs -------------------------------------------------------------------------

    def claim_run(
        self, platform: str, channel: str, slot: datetime, holder: str, now: datetime
    ) -> int | None:
        """Record the run of ``slot`` as PENDING; None when any process recorded it before."""
        values = {
            "platform": platform,
            "channel": channel,
            "slot": slot,
            "status": RunStatus.PENDING.value,
            "stories": 0,
            "holder": holder,
            "created_at": now,
        }
        try:
            with self.engine.begin() as connection:
                inserted = connection.execute(digest_runs.insert().values(values))
        except IntegrityError:
            return None
        return int(inserted.inserted_primary_key[0])  # type: ignore[index]

    def finish_run(self, run_id: int, status: RunStatus, stories: int, now: datetime) -> None:
        values = {"status": status.value, "stories": stories, "finished_at": now}
        with self.engine.begin() as connection:
            connection.execute(
                digest_runs.update().where(digest_runs.c.id == run_id).values(values)
            )

    def covered_until(
        self, platform: str, channel: str, before: datetime | None = None
    ) -> datetime | None:
        """When the last delivered digest (built before ``before``, if given) was built:
        the next one covers what came after."""
        return self._last_run_at(platform, channel, COVERED, before)

    def last_posted_at(self, platform: str, channel: str) -> datetime | None:
        """When the channel's last posted digest was built (``--last`` shows it again)."""
        return self._last_run_at(platform, channel, (RunStatus.POSTED.value,), None)

    def _last_run_at(
        self, platform: str, channel: str, statuses: Sequence[str], before: datetime | None
    ) -> datetime | None:
        runs = digest_runs.c
        query = sa.select(runs.created_at).where(
            runs.platform == platform, runs.channel == channel, runs.status.in_(statuses)
        )
        if before is not None:
            query = query.where(runs.created_at < before)
        with self.engine.connect() as connection:
            found: datetime | None = connection.execute(
                query.order_by(runs.created_at.desc()).limit(1)
            ).scalar()
        return found

    def runs(self, platform: str, channel: str, limit: int = 5) -> list[Run]:
        """The channel's latest runs, newest first."""
        query = (
            digest_runs.select()
            .where(digest_runs.c.platform == platform, digest_runs.c.channel == channel)
            .order_by(digest_runs.c.slot.desc())
            .limit(limit)
        )
        with self.engine.connect() as connection:
            return [_run(row._mapping) for row in connection.execute(query)]

    # -- the lease ----------------------------------------------------------------------

    def hold_lease(self, name: str, holder: str, now: datetime, until: datetime) -> bool:
        """Take or renew the lease ``name`` until ``until``; False while another holds it."""
        leases = digest_leases
        renew = (
            leases.update()
            .where(
                leases.c.name == name,
                sa.or_(leases.c.holder == holder, leases.c.expires_at < now),
            )
            .values(holder=holder, expires_at=until)
        )
        try:
            with self.engine.begin() as connection:
                if connection.execute(renew).rowcount:
                    return True
                connection.execute(
                    leases.insert().values(name=name, holder=holder, expires_at=until)
                )
        except IntegrityError:
            return False  # another process holds it (or took it in the same instant)
        return True

    def release_lease(self, name: str, holder: str) -> None:
        leases = digest_leases
        with self.engine.begin() as connection:
            connection.execute(
                leases.delete().where(leases.c.name == name, leases.c.holder == holder)
            )


# -- rows <-> records ---------------------------------------------------------------------


def _schedule_row(schedule: DigestSchedule | None) -> dict[str, Any]:
    if schedule is None:
        return {"cadence": None, "at_time": None, "timezone": None, "weekday": None}
    return {
        "cadence": schedule.cadence.value,
        "at_time": schedule.at.strftime("%H:%M"),
        "timezone": schedule.timezone,
        "weekday": schedule.weekday,
    }


def _channel(row: Any) -> ChannelDigest:
    schedule = None
    if row["cadence"]:
        hour, minute = (int(part) for part in row["at_time"].split(":"))
        schedule = DigestSchedule(
            Cadence(row["cadence"]), time(hour, minute), row["timezone"], row["weekday"]
        )
    return ChannelDigest(
        row["platform"], row["channel"], schedule, row["stories"], bool(row["empty_notice"])
    )


def _feed(row: Any) -> Feed:
    return Feed(**{name: row[name] for name in Feed.__dataclass_fields__})


def _feed_item(row: Any) -> FeedItem:
    entry = FeedEntry(row["url"], row["title"], row["summary"], row["published_at"])
    return FeedItem(entry, row["feed_title"] or row["feed_url"], row["seen_at"])


def _run(row: Any) -> Run:
    return Run(
        row["id"],
        row["slot"],
        RunStatus(row["status"]),
        row["stories"],
        row["created_at"],
        row["finished_at"],
    )


def _insert_new_items(
    connection: sa.Connection, feed_id: int, entries: Sequence[FeedEntry], now: datetime
) -> int:
    urls = [entry.url for entry in entries]
    known_query = sa.select(digest_feed_items.c.url).where(
        digest_feed_items.c.feed_id == feed_id, digest_feed_items.c.url.in_(urls)
    )
    known = set(connection.execute(known_query).scalars())
    fresh = {entry.url: entry for entry in entries if entry.url not in known}
    rows = [
        {
            "feed_id": feed_id,
            "url": entry.url,
            "title": entry.title,
            "summary": entry.summary,
            "published_at": entry.published_at,
            "seen_at": now,
        }
        for entry in fresh.values()
    ]
    if rows:
        connection.execute(digest_feed_items.insert(), rows)
    return len(rows)
