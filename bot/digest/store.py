"""Reading and writing the digest tables (SQLAlchemy Core, portable SQL, synchronous).

:class:`DigestStore` is one object over the queries of each table, kept next to
their records: channel choices (``channel_store``), feeds and their items
(``feed_store``), digest runs (``run_store``) and the lease (``lease_store``).
Callers run its calls on the bot's database thread (``bot.storage.DatabaseThread``).
"""

from __future__ import annotations

from sqlalchemy import Engine

from bot.digest.channel_store import ChannelQueries
from bot.digest.feed_store import FeedQueries
from bot.digest.lease_store import LeaseQueries
from bot.digest.run_store import RunQueries


class DigestStore(ChannelQueries, FeedQueries, RunQueries, LeaseQueries):
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
