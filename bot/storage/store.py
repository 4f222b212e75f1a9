"""Reading and writing the bot's tables with SQLAlchemy Core, portable SQL only.

:class:`Storage` is synchronous; the service runs its calls on one database
thread (:class:`bot.storage.worker.DatabaseThread`). Several processes may share
the database: what must happen once among them (claiming a delivered event, or a
link in a channel) rests on a unique key, never on a read followed by a write.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import asdict, replace
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from bot.errors import StorageError
from bot.records import (
    ChannelSettings,
    DedupeWindow,
    Share,
    ShareDraft,
    ShareStatus,
    StoredArticle,
    StoredBrief,
)
from bot.storage.claims import claim
from bot.storage.codec import (
    FORMAT_VERSION,
    article_from_json,
    article_to_json,
    brief_from_json,
    brief_to_json,
)
from bot.storage.migrate import upgrade_to_newest
from bot.storage.rows import draft_row, share_from_row
from bot.storage.tables import articles, briefs, channel_settings, processed_events, shares

log = logging.getLogger(__name__)
T = TypeVar("T")

#: SQLite: wait this long for another process's write lock instead of failing at once.
SQLITE_BUSY_TIMEOUT_S = 30


def open_storage(database_url: str) -> Storage:
    """Connect, create a SQLite file's directory if needed, and migrate to the newest schema."""
    url = make_url(database_url)
    is_sqlite = url.get_backend_name() == "sqlite"
    connect_args = {"timeout": SQLITE_BUSY_TIMEOUT_S} if is_sqlite else {}
    try:
        if is_sqlite and url.database and url.database != ":memory:":
            Path(url.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(url, connect_args=connect_args)
        if is_sqlite:
            sa.event.listen(engine, "connect", _tune_sqlite)
        upgrade_to_newest(engine)
    except (SQLAlchemyError, OSError) as error:
        label = url.render_as_string(hide_password=True)
        raise StorageError(f"cannot open the database {label}: {error}") from error
    return Storage(engine)


def _tune_sqlite(connection: Any, _record: Any) -> None:
    """Write-ahead log: readers do not wait for the writer (other bot processes, a digest
    preview), and a commit needs no sync of the main file; "NORMAL" keeps every commit
    across a crash of the bot, only a power cut can lose the last ones."""
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


class Storage:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def close(self) -> None:
        self.engine.dispose()

    # -- redelivery dedupe ---------------------------------------------------------

    def claim_event(self, platform: str, event_key: str, now: datetime) -> bool:
        """Record a delivery; False when it was recorded before (a redelivery)."""
        row = {"platform": platform, "event_key": event_key, "received_at": now}
        try:
            with self.engine.begin() as connection:
                connection.execute(processed_events.insert().values(row))
        except IntegrityError:
            return False
        return True

    def forget_events(self, before: datetime) -> int:
        """Drop delivery records older than ``before`` (platforms stop retrying long before)."""
        with self.engine.begin() as connection:
            query = processed_events.delete().where(processed_events.c.received_at < before)
            return connection.execute(query).rowcount

    # -- shares --------------------------------------------------------------------

    def open_share(
        self, draft: ShareDraft, window: DedupeWindow | None
    ) -> tuple[Share, Share | None]:
        """Record a share and claim its link in its channel (atomically, even against other
        processes: ``bot.storage.claims``). Returns (the new share, None) when the share is
        to be briefed (PENDING); with a ``window`` covering the link's earlier share in the
        channel, (the new share marked DUPLICATE, that earlier share) instead."""
        share = self._insert_share(draft)
        earlier = claim(self.engine, share, window)
        if earlier is None:
            return share, None
        self.finish_share(share.id, ShareStatus.DUPLICATE, None)
        return replace(share, status=ShareStatus.DUPLICATE), earlier

    def _insert_share(self, draft: ShareDraft) -> Share:
        status = ShareStatus.PENDING
        with self.engine.begin() as connection:
            values = {**draft_row(draft), "status": status.value}
            inserted = connection.execute(shares.insert().values(values))
        new_id = int(inserted.inserted_primary_key[0])  # type: ignore[index]
        return Share(id=new_id, status=status, **asdict(draft))

    def finish_share(self, share_id: int, status: ShareStatus, reply_ref: str | None) -> None:
        with self.engine.begin() as connection:
            update = shares.update().where(shares.c.id == share_id)
            connection.execute(update.values(status=status.value, reply_ref=reply_ref))

    def shares(self, platform: str, channel: str, since: datetime | None = None) -> list[Share]:
        """The channel's shares, oldest first (``since`` inclusive)."""
        query = shares.select().where(shares.c.platform == platform, shares.c.channel == channel)
        if since is not None:
            query = query.where(shares.c.shared_at >= since)
        with self.engine.connect() as connection:
            rows = connection.execute(query.order_by(shares.c.shared_at, shares.c.id))
            return [share_from_row(row._mapping) for row in rows]

    # -- channel settings ------------------------------------------------------------

    def channel_settings(self, platform: str, channel: str) -> ChannelSettings:
        table = channel_settings
        query = sa.select(table.c.auto_brief, table.c.sentences, table.c.threads).where(
            table.c.platform == platform, table.c.channel == channel
        )
        with self.engine.connect() as connection:
            row = connection.execute(query).first()
        if row is None:
            return ChannelSettings()
        return ChannelSettings(row.auto_brief, row.sentences, bool(row.threads))

    def save_channel_settings(
        self, platform: str, channel: str, settings: ChannelSettings, now: datetime
    ) -> None:
        key = {"platform": platform, "channel": channel}
        values = asdict(settings)
        self._upsert(channel_settings, key, {**values, "updated_at": now})

    # -- articles and briefs -----------------------------------------------------------

    def article(self, key: str) -> StoredArticle | None:
        query = sa.select(articles.c.article, articles.c.stored_at).where(articles.c.key == key)
        with self.engine.connect() as connection:
            row = connection.execute(query).first()
        if row is None:
            return None
        article = _decoded(article_from_json, row.article, key)
        return StoredArticle(article, row.stored_at) if article else None

    def save_article(self, key: str, stored: StoredArticle) -> None:
        """Store an article as read at ``stored.read_at``, replacing the key's earlier one
        (the briefs made from that one stop counting: ``brief`` matches the read time)."""
        values = {"article": article_to_json(stored.article), "stored_at": stored.read_at}
        self._upsert(articles, {"key": key}, values)

    def brief(self, key: str, sentences: int, algorithm: str) -> StoredBrief | None:
        """The stored brief, if it was made from the stored article (of any age)."""
        query = (
            sa.select(briefs.c.brief, articles.c.article, articles.c.stored_at)
            .join_from(briefs, articles)
            .where(
                briefs.c.article_key == key,
                briefs.c.sentences == sentences,
                briefs.c.algorithm == algorithm,
                briefs.c.format_version == FORMAT_VERSION,
                briefs.c.article_read_at == articles.c.stored_at,
            )
        )
        with self.engine.connect() as connection:
            row = connection.execute(query).first()
        if row is None:
            return None
        article = _decoded(article_from_json, row.article, key)
        if article is None:
            return None
        brief = _decoded(lambda data: brief_from_json(data, article), row.brief, key)
        return StoredBrief(brief, row.stored_at) if brief else None

    def save_brief(
        self, key: str, sentences: int, algorithm: str, made: StoredBrief, now: datetime
    ) -> None:
        """Store a brief made at ``now`` (one row per key, sentences and algorithm); its
        article must be stored with ``save_article``, as read at ``made.read_at``."""
        identity = {"article_key": key, "sentences": sentences, "algorithm": algorithm}
        values = {
            "brief": brief_to_json(made.brief),
            "format_version": FORMAT_VERSION,
            "created_at": now,
            "article_read_at": made.read_at,
        }
        self._upsert(briefs, identity, values)

    # -- helpers -------------------------------------------------------------------------

    def _upsert(self, table: sa.Table, key: dict[str, Any], values: dict[str, Any]) -> None:
        """Update the row with ``key`` or insert it: portable (no dialect ON CONFLICT).
        Another process inserting the same row first makes this an update (last write wins)."""
        update = table.update().where(*(table.c[name] == value for name, value in key.items()))
        with self.engine.begin() as connection:
            if connection.execute(update.values(values)).rowcount:
                return
        try:
            with self.engine.begin() as connection:
                connection.execute(table.insert().values({**key, **values}))
        except IntegrityError:
            with self.engine.begin() as connection:
                connection.execute(update.values(values))


def _decoded(decode: Callable[[Any], T], data: Any, key: str) -> T | None:
    """Decode a stored row; a row the code can no longer read is logged and treated as absent."""
    if data is None:
        return None
    try:
        return decode(data)
    except (KeyError, TypeError, ValueError):
        log.warning("stored data for %s cannot be read; it will be made again", key, exc_info=True)
        return None
