"""The channels' feeds and the items read from them (``digest_feeds``, ``digest_feed_items``).

A feed row carries its polling state: the validators for conditional GET (ETag,
Last-Modified), when it is next due and how many polls in a row failed. Each
successful poll stores the entries not seen before in that feed, stamped with
when they were first seen, which is what a digest selects them by.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from bot.digest.tables import digest_feed_items, digest_feeds


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


class FeedQueries:
    """The feed queries of :class:`bot.digest.store.DigestStore`."""

    engine: Engine

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


def _feed(row: Any) -> Feed:
    return Feed(**{name: row[name] for name in Feed.__dataclass_fields__})


def _feed_item(row: Any) -> FeedItem:
    entry = FeedEntry(row["url"], row["title"], row["summary"], row["published_at"])
    return FeedItem(entry, row["feed_title"] or row["feed_url"], row["seen_at"])


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
