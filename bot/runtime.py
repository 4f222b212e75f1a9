"""The composition root: settings in, a wired briefing service and what it owns out.

Everything with a lifetime (database thread, worker pool, HTTP client, spaCy
pipeline) is made here, once per process, and closed by :meth:`Runtime.close`.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from types import TracebackType

from bot.articles import ArticleReader, LibraryArticles
from bot.briefs import BriefCache
from bot.command_runner import CommandExtension
from bot.config import Settings
from bot.nlp_workers import BriefMaker, BriefWorkers, ProcessBriefing, ThreadBriefing
from bot.service import BriefingService, utc_now
from bot.storage import DatabaseThread, open_storage
from summarizer.fetch import Fetcher

log = logging.getLogger(__name__)


@dataclass
class Runtime:
    """The long-lived parts, for the service, adapters and extensions (e.g. digests)."""

    settings: Settings
    db: DatabaseThread
    pool: ThreadPoolExecutor  # blocking work: fetching, extraction (and NLP without processes)
    nlp: BriefWorkers
    briefs: BriefCache
    articles: ArticleReader
    clock: Callable[[], datetime]
    fetcher: Fetcher
    _closed: bool = field(default=False, repr=False)

    def service(self, extensions: Sequence[CommandExtension] = ()) -> BriefingService:
        return BriefingService(
            settings=self.settings.bot,
            default_sentences=self.settings.brief.sentences,
            db=self.db,
            briefs=self.briefs,
            articles=self.articles,
            clock=self.clock,
            extensions=extensions,
        )

    def close(self) -> None:
        """Finish queued work, then close the HTTP client and the database."""
        if self._closed:
            return
        self._closed = True
        self.nlp.close()
        self.pool.shutdown(wait=True)
        self.fetcher.close()
        self.db.close()

    def __enter__(self) -> Runtime:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def open_runtime(
    settings: Settings,
    *,
    briefer: BriefMaker | None = None,
    fetcher: Fetcher | None = None,
    clock: Callable[[], datetime] = utc_now,
) -> Runtime:
    """Start the NLP workers (loading the spaCy pipeline, so a missing model fails here),
    open the database (migrating it) and the worker threads. A given ``briefer`` (tests
    pass a light one) runs on the threads instead of worker processes."""
    pool = ThreadPoolExecutor(settings.bot.workers, thread_name_prefix="newsbrief-work")
    try:
        nlp = _nlp_workers(settings, briefer, pool)
        db = DatabaseThread(open_storage(settings.database_url))
    except BaseException:
        pool.shutdown(wait=False)
        raise
    log.info("database: %s", settings.database_label)
    fetcher = fetcher or Fetcher(settings.fetch)
    briefs = BriefCache(
        db=db,
        pool=pool,
        clock=clock,
        workers=nlp,
        algorithm=settings.brief.algorithm or "",
        memory_size=settings.bot.memory_cache_size,
        concurrency=settings.bot.workers,
        max_age=timedelta(hours=settings.bot.cache_hours),
    )
    return Runtime(settings, db, pool, nlp, briefs, LibraryArticles(fetcher), clock, fetcher)


def _nlp_workers(
    settings: Settings, briefer: BriefMaker | None, pool: ThreadPoolExecutor
) -> BriefWorkers:
    processes = settings.bot.nlp_processes
    if briefer is None and processes:
        workers = ProcessBriefing(settings.brief, processes)
        try:
            workers.warm_up()
        except BaseException:
            workers.close()
            raise
        return workers
    return ThreadBriefing(briefer or _load_briefer(settings), pool)


def _load_briefer(settings: Settings) -> BriefMaker:
    from summarizer.nlp import load_pipeline  # only this process's NLP needs spaCy's model
    from summarizer.pipeline import Briefer

    return Briefer(load_pipeline(settings.brief.spacy_model), settings.brief)


def freeze_startup_objects() -> None:
    """Take everything made so far (modules, clients, adapters: they live as long as the
    process) out of the cyclic garbage collector's reach. A full collection walks every
    tracked object holding the GIL: over the chat libraries' and spaCy's objects it
    stalled the event loop for 450 ms under load (bench/bot_load.py). New objects are
    still collected as usual."""
    gc.collect()
    gc.freeze()
