"""Briefs by article key: from memory, else the database, else made once on the worker pool.

A key is a normalised URL, or ``sha256:...`` of an upload's or pasted text's bytes
(:func:`content_key`). Making a brief is single-flight twice over: concurrent requests
for one key and length share one computation, and concurrent requests for one key share
one fetch, whatever length each asks for. Fetching and extraction block, so they run on
the worker threads (``bot.workers``); the NLP runs in worker processes
(``bot.nlp_processes``, see ``bot.nlp_workers``) or on those threads. Nothing blocking
runs on the event loop.

A brief is as old as the article it was made from. Articles get updated, so a brief of
a link is reused for ``max_age`` after the article was fetched (``bot.cache_hours``),
then the link is fetched and briefed again; if that fails, the old brief is given
rather than an error. Content keys never go stale: the same bytes are the same article.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from typing import TypeVar

from bot.nlp_workers import BriefMaker, BriefWorkers, Source, ThreadBriefing
from bot.records import StoredArticle, StoredBrief
from bot.singleflight import SingleFlight
from bot.storage import DatabaseThread, Storage
from summarizer.types import Brief

log = logging.getLogger(__name__)
T = TypeVar("T")
#: (key, summary sentences)
BriefKey = tuple[str, int]
#: A brief request: its key and whether a brief of any age will do.
FlightKey = tuple[str, int, bool]
#: Whether a stored brief or article is recent enough for a request.
Freshness = Callable[[str, StoredBrief | StoredArticle], bool]
Clock = Callable[[], datetime]
CONTENT_KEY_PREFIX = "sha256:"
#: The default of ``bot.cache_hours`` (config/defaults.toml).
DEFAULT_MAX_AGE = timedelta(hours=24)


def content_key(body: bytes) -> str:
    """The key of an upload or pasted text: its bytes' SHA-256."""
    return CONTENT_KEY_PREFIX + hashlib.sha256(body).hexdigest()


@dataclass(frozen=True)
class _Read:
    """An article to brief, read at ``read_at``: the stored one, or just read (``new``)."""

    source: Source
    read_at: datetime
    new: bool


class MemoryCache:
    """The most recently used briefs (least recently used dropped first)."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._items: OrderedDict[BriefKey, StoredBrief] = OrderedDict()

    def get(self, key: BriefKey) -> StoredBrief | None:
        found = self._items.get(key)
        if found is not None:
            self._items.move_to_end(key)
        return found

    def put(self, key: BriefKey, brief: StoredBrief) -> None:
        self._items[key] = brief
        self._items.move_to_end(key)
        while len(self._items) > self._size:
            self._items.popitem(last=False)


def _any_age(key: str, stored: StoredBrief | StoredArticle) -> bool:
    return True


class BriefCache:
    """Briefs are made by ``workers`` (e.g. :class:`~bot.nlp_workers.ProcessBriefing`) or,
    when only ``briefer`` is given, by it on ``pool``; articles are loaded on ``pool``."""

    def __init__(
        self,
        *,
        db: DatabaseThread,
        pool: Executor,
        clock: Clock,
        briefer: BriefMaker | None = None,
        workers: BriefWorkers | None = None,
        algorithm: str = "",
        memory_size: int = 256,
        concurrency: int = 4,
        max_age: timedelta = DEFAULT_MAX_AGE,
    ) -> None:
        if workers is None:
            if briefer is None:
                raise ValueError("BriefCache needs a briefer or brief workers")
            workers = ThreadBriefing(briefer, pool)
        self._db = db
        self._workers = workers
        self._pool = pool
        self._clock = clock
        self._algorithm = algorithm  # part of the stored brief's identity; "" = library default
        self._max_age = max_age
        self._memory = MemoryCache(memory_size)
        #: Briefs being made at once. Fetching is quicker than the NLP, so without a bound
        #: a burst of links would hold every fetched page in memory while it waits.
        self._making = asyncio.Semaphore(concurrency)
        self._brief_flights: SingleFlight[FlightKey, tuple[Brief, bool]] = SingleFlight()
        self._source_flights: SingleFlight[str, _Read] = SingleFlight()

    async def get(
        self, key: str, sentences: int, load: Callable[[], Source], *, any_age: bool = False
    ) -> tuple[Brief, bool]:
        """The brief of ``key`` with ``sentences`` summary sentences, and whether it was
        cached (made before this request). ``load`` reads the document (a fetch) or gives
        the article; it runs on the pool, only when no fresh article is stored. With
        ``any_age`` a stored brief or article is used however old (digests: the brief of
        what was shared, without fetching every link of the week again)."""
        brief_key = (key, sentences)
        fresh: Freshness = _any_age if any_age else self._is_fresh
        return await self._brief_flights.run(
            (key, sentences, any_age), partial(self._find_or_make, brief_key, load, fresh)
        )

    async def _find_or_make(
        self, brief_key: BriefKey, load: Callable[[], Source], fresh: Freshness
    ) -> tuple[Brief, bool]:
        known = await self._known(brief_key, fresh)
        if known is not None and fresh(brief_key[0], known):
            return known.brief, True
        try:
            return (await self._make(brief_key, load, fresh)).brief, False
        except Exception:
            if known is None:
                raise
            read_at = known.read_at.isoformat(timespec="minutes")
            log.warning("briefing %s again failed; giving the brief of its article read at %s",
                        brief_key[0], read_at, exc_info=True)  # fmt: skip
            return known.brief, True

    async def _known(self, brief_key: BriefKey, fresh: Freshness) -> StoredBrief | None:
        """This process's copy while fresh, else the stored one (another process may have
        made it again), else this process's stale copy."""
        remembered = self._memory.get(brief_key)
        if remembered is not None and fresh(brief_key[0], remembered):
            return remembered
        key, sentences = brief_key
        stored = await self._db.run(lambda db: db.brief(key, sentences, self._algorithm))
        if stored is None:
            return remembered
        self._memory.put(brief_key, stored)
        return stored

    async def _make(
        self, brief_key: BriefKey, load: Callable[[], Source], fresh: Freshness
    ) -> StoredBrief:
        key, sentences = brief_key
        async with self._making:
            find = partial(self._find_or_load, key, load, fresh)
            read = await self._source_flights.run(key, find)
            made = StoredBrief(await self._workers.brief(read.source, sentences), read.read_at)
        await self._db.run(partial(self._save, brief_key, made, read.new))
        self._memory.put(brief_key, made)
        return made

    def _save(self, brief_key: BriefKey, made: StoredBrief, new: bool, db: Storage) -> None:
        """On the database thread: the brief, and its article when just read."""
        key, sentences = brief_key
        if new:
            db.save_article(key, StoredArticle(made.brief.article, made.read_at))
        db.save_brief(key, sentences, self._algorithm, made, self._clock())

    async def _find_or_load(self, key: str, load: Callable[[], Source], fresh: Freshness) -> _Read:
        """The stored article while fresh, else the document (one fetch however many ask
        at once)."""
        stored = await self._db.run(lambda db: db.article(key))
        if stored is not None and fresh(key, stored):
            return _Read(stored.article, stored.read_at, new=False)
        document = await self._in_pool(load)
        return _Read(document, self._clock(), new=True)

    def _is_fresh(self, key: str, stored: StoredBrief | StoredArticle) -> bool:
        if key.startswith(CONTENT_KEY_PREFIX):
            return True
        return self._clock() - stored.read_at < self._max_age

    async def _in_pool(self, work: Callable[[], T]) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._pool, work)
