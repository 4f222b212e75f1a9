"""Briefs by article key: from memory, else the database, else made once on the worker pool.

A key is a normalised URL (or ``sha256:...`` of an upload or pasted text). Making a
brief is single-flight twice over: concurrent requests for one key and length share
one computation, and concurrent requests for one key share one fetch, whatever
length each asks for. Fetching and extraction block, so they run on the worker
threads (``bot.workers``); the NLP runs in worker processes (``bot.nlp_processes``,
see ``bot.nlp_workers``) or on those threads. Nothing blocking runs on the event loop.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Executor
from datetime import datetime
from functools import partial
from typing import TypeVar

from bot.nlp_workers import BriefMaker, BriefWorkers, Source, ThreadBriefing
from bot.singleflight import SingleFlight
from bot.storage import DatabaseThread
from summarizer.types import Brief

T = TypeVar("T")
#: (key, summary sentences)
BriefKey = tuple[str, int]
Clock = Callable[[], datetime]


class MemoryCache:
    """The most recently used briefs (least recently used dropped first)."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._items: OrderedDict[BriefKey, Brief] = OrderedDict()

    def get(self, key: BriefKey) -> Brief | None:
        found = self._items.get(key)
        if found is not None:
            self._items.move_to_end(key)
        return found

    def put(self, key: BriefKey, brief: Brief) -> None:
        self._items[key] = brief
        self._items.move_to_end(key)
        while len(self._items) > self._size:
            self._items.popitem(last=False)


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
        self._memory = MemoryCache(memory_size)
        #: Briefs being made at once. Fetching is quicker than the NLP, so without a bound
        #: a burst of links would hold every fetched page in memory while it waits.
        self._making = asyncio.Semaphore(concurrency)
        self._brief_flights: SingleFlight[BriefKey, tuple[Brief, bool]] = SingleFlight()
        self._source_flights: SingleFlight[str, Source] = SingleFlight()

    async def get(self, key: str, sentences: int, load: Callable[[], Source]) -> tuple[Brief, bool]:
        """The brief of ``key`` with ``sentences`` summary sentences, and whether it was
        cached (made before this request). ``load`` reads the document (a fetch) or gives
        the article; it runs on the pool, only when the article is not stored yet."""
        brief_key = (key, sentences)
        return await self._brief_flights.run(
            brief_key, partial(self._find_or_make, brief_key, load)
        )

    async def _find_or_make(
        self, brief_key: BriefKey, load: Callable[[], Source]
    ) -> tuple[Brief, bool]:
        found = self._memory.get(brief_key) or await self._stored_brief(brief_key)
        if found is not None:
            self._memory.put(brief_key, found)
            return found, True
        key, sentences = brief_key
        async with self._making:
            source = await self._source_flights.run(key, partial(self._find_or_load, key, load))
            brief = await self._workers.brief(source, sentences)
        await self._db.run(
            lambda storage: storage.save_brief(
                key, sentences, self._algorithm, brief, self._clock()
            )
        )
        self._memory.put(brief_key, brief)
        return brief, False

    async def _stored_brief(self, brief_key: BriefKey) -> Brief | None:
        key, sentences = brief_key
        return await self._db.run(lambda storage: storage.brief(key, sentences, self._algorithm))

    async def _find_or_load(self, key: str, load: Callable[[], Source]) -> Source:
        """The stored article, else the document (one fetch however many ask at once)."""
        stored = await self._db.run(lambda storage: storage.article(key))
        return stored if stored is not None else await self._in_pool(load)

    async def _in_pool(self, work: Callable[[], T]) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._pool, work)
